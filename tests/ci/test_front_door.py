"""The README's two commands: .ci/run runs exactly the README's test command, and both commands exist."""
import re
import subprocess

from support import ROOT


def readme_two_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_gives_a_serve_and_a_test_command():
    assert readme_two_commands() == ["./run serve", "./run test"]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in ci.splitlines()
                if line.strip() and not line.lstrip().startswith(("#", "set ", "cd "))]
    assert commands == [readme_two_commands()[1]]


def test_run_passes_its_target_to_make():
    # A dry run (make -n) proves ./run reaches the Makefile's targets without running them.
    out = subprocess.run(["bash", "-c", "MAKEFLAGS=-n ./run build"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "mkdocs build --strict" in out.stdout
