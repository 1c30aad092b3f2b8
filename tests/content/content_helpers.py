"""Fixture projects for the content tests: the valid fixture tree (data/valid), with bad pages put in."""
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from kb.cli import app
from kb.kinds import SECTIONS as KIND_SECTIONS

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
BAD = DATA / "bad"
ROOT = Path(__file__).resolve().parents[2]
SECTIONS = tuple(KIND_SECTIONS.values())

# The shared helpers of tests/conftest.py, loaded by path: another folder's conftest.py may hold the name
# `conftest` when the whole suite runs.
_spec = importlib.util.spec_from_file_location("kb_tests_shared_conftest", ROOT / "tests" / "conftest.py")
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)
copy_project, run_build = _shared.copy_project, _shared.run_build


def docs_project(dest: Path) -> Path:
    """A folder with docs/ = the valid fixture tree: enough for `python -m kb --root dest check`."""
    shutil.copytree(VALID, dest / "docs")
    return dest


def put(project: Path, fixture: str, *targets: str) -> None:
    """Copy data/bad/<fixture> over docs/<target> (e.g. 'en/case-studies/network-story.md')."""
    for target in targets:
        path = project / "docs" / target
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BAD / fixture, path)


def line_with(fixture: str, text: str) -> int:
    """The 1-based line of the first line of a bad fixture containing `text`."""
    lines = (BAD / fixture).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def kb(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI on a project folder, in this process (click's CliRunner), as a finished process."""
    argv = ["--root", str(project), *args]
    result = CliRunner().invoke(app, argv, env=env, catch_exceptions=False)
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def site_project(dest: Path) -> Path:
    """A buildable copy of the real project whose content is the fixture tree (the real glossary and
    generated pages stay); mkdocs.yml's sections list the fixture pages themselves."""
    copy_project(dest)
    keep = {"glossary.md", "downloads.md"}
    for lang in ("en", "ar"):
        for page in list((dest / "docs" / lang).rglob("*.md")):
            if page.relative_to(dest / "docs" / lang).as_posix() not in keep:
                page.unlink()
        shutil.copytree(VALID / lang, dest / "docs" / lang, dirs_exist_ok=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    real = {p.relative_to(ROOT / "docs" / "en").as_posix() for p in (ROOT / "docs" / "en").rglob("*.md")}
    have = {p.relative_to(dest / "docs" / "en").as_posix() for p in (dest / "docs" / "en").rglob("*.md")}
    head, nav = text.split("\nnav:\n", 1)
    kept = []
    for line in nav.split("\n"):
        m = re.match(r"\s*- (?:[^:]+:\s*)?([\w/.-]+\.md)\s*$", line)
        # drop real pages the fixture does not have; keep fixture pages and generated ones
        if m and m.group(1) in real and m.group(1) not in have:
            continue
        kept.append(line)
    nav = "\n".join(kept)  # each section's `<folder>/*` lists the fixture pages
    config.write_text(head + "\nnav:\n" + nav, encoding="utf-8")
    return dest
