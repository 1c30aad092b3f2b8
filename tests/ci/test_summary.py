"""`python -m kb summary` (kb/summary.py), in process, on a git repository made from the valid content fixture:
one commit as the base, then a pull request's changes (an English page edited after its translation was
reviewed, a new pair, a rename, a removal, a page with problems and a hostile title). The Markdown lists each
page per language with its folder in the preview, each changed pair's translation status with the line to
paste, what changed in the source as a diff, the check's problems, and the preview's link; nothing from the
pull request reaches it unescaped."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb.cli import app

VALID = Path(__file__).resolve().parents[1] / "content" / "data" / "valid"
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]
HOSTILE = '"A title ](https://evil.example/p.png) <img src=x onerror=alert(1)> | `code` ~~~"'


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def kb(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(map(str, args)), env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("pr") / "repo"
    shutil.copytree(VALID, repo / "docs")
    git(repo, "init", "-q")
    story = repo / "docs/ar/case-studies/network-story.md"
    assert kb("--root", repo, "translations", "--docs", repo / "docs", "--mark-current", story).exit_code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "contribution")
    # The English of the reviewed pair changes: a sentence reworded and a new section.
    en = repo / "docs/en/case-studies/network-story.md"
    en.write_text(en.read_text(encoding="utf-8").replace("They met and agreed.", "They met twice and agreed.")
                  + "\n## Afterwards {#afterwards}\n\nA second meeting followed.\n", encoding="utf-8")
    # A new pair, committed; its English title is hostile Markdown and HTML.
    for lang in ("en", "ar"):
        page = repo / f"docs/{lang}/events/forum.md"
        new = page.with_name("second-forum.md")
        text = page.read_text(encoding="utf-8")
        new.write_text(re.sub(r"^title: .*$", f"title: {HOSTILE}" if lang == "en" else "title: منتدى ثان",
                              text, count=1, flags=re.M), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "contribution")
    # Not committed yet: a rename in both languages, and a description left from the template.
    for lang in ("en", "ar"):
        git(repo, "mv", f"docs/{lang}/initiatives/community-top.md", f"docs/{lang}/initiatives/community-five.md")
    kit = repo / "docs/en/workshops/short-kit.md"
    kit.write_text(re.sub(r"^description: .*$", "description: One sentence on who this workshop is for and what it "
                          "achieves.", kit.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    return repo


def summary(repo: Path, tmp_path: Path, **env) -> str:
    out = tmp_path / "summary.md"
    out.write_text("# Earlier steps' summary\n", encoding="utf-8")
    result = kb("--root", repo, "summary", "--base", "main",
                env={"GITHUB_STEP_SUMMARY": str(out), "GITHUB_BASE_REF": None, **env})
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Earlier steps' summary\n## What this pull request changes\n")  # appended
    return text


def test_pages_per_language_with_their_folder_in_the_preview(repo, tmp_path):
    text = summary(repo, tmp_path, PREVIEW_URL="https://github.com/o/r/actions/runs/1/artifacts/2")
    assert "download [the `site-preview` artefact](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (.*?`[^`]+`) \| (.*) \|$", text, re.M)}
    story = rows["A network story<br>`case-studies/network-story.md`"]
    assert story == "changed: `case-studies/network-story/` | unchanged"
    assert rows["A short kit<br>`workshops/short-kit.md`"].startswith("changed: `workshops/short-kit/` | unchanged")
    five = next(v for k, v in rows.items() if "`initiatives/community-five.md`" in k)
    assert five == ("renamed from `initiatives/community-top.md`: `initiatives/community-five/` | "
                    "renamed from `initiatives/community-top.md`: `ar/initiatives/community-five/`")
    second = next(v for k, v in rows.items() if "`events/second-forum.md`" in k)
    assert second == "added: `events/second-forum/` | added: `ar/events/second-forum/`"
    assert "Pages per language: English 4, Arabic 2." in text


def test_translations_it_leaves_outdated_with_the_change_and_the_line_to_paste(repo, tmp_path):
    text = summary(repo, tmp_path)
    block = text[text.index("### Translations"):text.index("### Checks")]
    digest = re.search(r'^  translation: \{source: en, source_hash: "([0-9a-f]{16})"\}$', block, re.M)
    assert "- `case-studies/network-story.md`: **outdated**: its source changed since" in block and digest
    # the line is the one the translations command would record now
    assert kb("--root", repo, "translations", "--docs", repo / "docs").output.count(digest.group(1)) >= 1
    assert "section added: \\#\\# Afterwards" in block
    assert "-They met and agreed." in block and "+They met twice and agreed." in block
    assert "- `events/second-forum.md`: **unrecorded**: no review of the translation is recorded" in block


def test_the_checks_problems_in_the_changed_pages(repo, tmp_path):
    text = summary(repo, tmp_path)
    checks = text[text.index("### Checks"):]
    assert "in the pages this pull request changes:" in checks
    line = next(n for n, text in enumerate((repo / "docs/en/workshops/short-kit.md").read_text(
        encoding="utf-8").split("\n"), 1) if text.startswith("description:"))
    assert f"docs/en/workshops/short-kit.md:{line}: placeholder: text left from the template" in checks
    assert "docs/en/events/second-forum.md:3: text: markup is not allowed" in checks


def test_nothing_from_the_pull_request_reaches_the_summary_unescaped(repo, tmp_path):
    text = summary(repo, tmp_path, PREVIEW_URL="javascript:alert(1)")
    # the check's own report quotes the title in a fenced block (shown as text); elsewhere it is escaped
    prose = re.sub(r"^~~~text\n.*?^~~~$", "", text, flags=re.S | re.M)
    assert "evil\\.example" in prose
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(https://evil|(?<!\\)\|\s*`code", prose)  # no link, tag or cell
    assert ("\\]\\(https://evil\\.example/p\\.png\\) \\<img src=x onerror=alert\\(1\\)\\> "
            "\\| \\`code\\` \\~\\~\\~") in text
    assert "javascript:" not in text and "artefact of this run" in text


def test_a_bad_base_is_a_clear_error(repo):
    result = kb("--root", repo, "summary", "--base", "no-such-branch")
    assert result.exit_code == 2 and "kb summary: git merge-base no-such-branch HEAD:" in result.stderr
    assert "Traceback" not in result.output


def test_code_spans_and_fences_cannot_be_closed_from_inside():
    from kb.summary import _code, fenced
    assert _code("a`b") == "`` a`b ``" and _code("x|y") == "`x\\|y`"
    block = fenced("text", ["~~~~ not the end", "~~~"])
    assert block[0] == "~~~~~text" and block[-1] == "~~~~~"
