"""ruff (pinned in requirements-test.txt, settings in pyproject.toml) finds nothing in the repository, and does
find the faults in a deliberately bad file, so the test can fail."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUFF = Path(sys.executable).parent / "ruff"


def ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert RUFF.is_file(), "ruff is missing: scripts/setup.sh test installs it"
    return subprocess.run([str(RUFF), "check", "--no-cache", "--output-format", "concise", *args], cwd=ROOT,
                          input=stdin, capture_output=True, text=True, timeout=120)


def test_ruff_finds_nothing_in_the_repository():
    result = ruff(".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_reports_an_unused_import_unsorted_imports_and_a_long_line():
    bad = "import sys\nimport os\n\nx = '" + "a" * 130 + "'\n"
    result = ruff("--stdin-filename", "kb/bad.py", "-", stdin=bad)
    assert result.returncode == 1, result.stdout + result.stderr
    for code in ("F401", "I001", "E501"):
        assert code in result.stdout, result.stdout
