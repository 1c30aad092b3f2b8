"""`python -m kb translations` on fixture pairs: each state's output and exit code, marking reviews, history."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import translations as tr
from kb.cli import app

DATA = Path(__file__).parent / "data" / "docs"
ROOT = Path(__file__).resolve().parents[2]


def kb(cwd: Path, *args: str, github: bool = False) -> subprocess.CompletedProcess:
    """`python -m kb translations ARGS` run in `cwd`, in this process (click's CliRunner)."""
    argv = ["translations", *args]
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, argv, env={"GITHUB_ACTIONS": "true" if github else None},
                                    catch_exceptions=False)
    finally:
        os.chdir(here)
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def git(cwd: Path, *args: str):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture
def work(tmp_path) -> Path:
    """The fixture pairs in a fresh git repository, committed."""
    shutil.copytree(DATA, tmp_path / "docs")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "docs")
    git(tmp_path, "commit", "-q", "-m", "fixture")
    return tmp_path


def marked(work: Path) -> Path:
    """Record every Arabic page as reviewed against its English source."""
    result = kb(work, "--mark-current", "docs/ar")
    assert result.returncode == 0, result.stderr
    return work


def summary(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_unreviewed_pairs_warn_and_a_missing_counterpart_fails(work):
    result = kb(work)
    assert result.returncode == 1
    assert "docs/en/missing.md:1: missing: no ar counterpart (docs/ar/missing.md does not exist)" in result.stdout
    assert "docs/ar/complete.md:1: unrecorded:" in result.stdout
    assert summary(result.stdout) == ("5 page pairs: 0 complete, 4 unrecorded, 0 outdated, 0 different, "
                                      "1 missing")


def test_mark_current_writes_only_the_record_line(work):
    before = (work / "docs/ar/complete.md").read_text(encoding="utf-8")
    marked(work)
    after = (work / "docs/ar/complete.md").read_text(encoding="utf-8")
    digest = tr.text_hash(tr.load(work / "docs/en/complete.md", "en"))
    line = f'translation: {{source: en, source_hash: "{digest}"}}'
    assert after == before.replace("description: النسختان متطابقتان.\n",
                                   f"description: النسختان متطابقتان.\n{line}\n")
    # Marking again changes nothing; the English side never gets a record.
    assert kb(work, "--mark-current", "docs/ar/complete.md").stdout == ""
    assert "translation:" not in (work / "docs/en/complete.md").read_text(encoding="utf-8")


def test_complete_pairs_compare_arabic_indic_digits_as_equal(work):
    marked(work)
    (work / "docs/en/missing.md").unlink()
    (work / "docs/en/different.md").unlink()
    (work / "docs/ar/different.md").unlink()
    result = kb(work)
    assert result.returncode == 0, result.stdout
    assert summary(result.stdout) == "3 page pairs: 3 complete, 0 unrecorded, 0 outdated, 0 different, 0 missing"


def test_structural_differences_of_a_current_pair_fail_with_both_locations(work):
    marked(work)
    (work / "docs/en/missing.md").unlink()
    result = kb(work)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "docs/ar/different.md:5: different: recorded as current, but differs from its source in structure" in lines
    assert ("  docs/en/different.md:11: link 'index.md' is not in docs/ar/different.md "
            "(its section there: docs/ar/different.md:10)") in lines
    assert ("  docs/en/different.md:11: number '2024' is not in docs/ar/different.md "
            "(its section there: docs/ar/different.md:10)") in lines
    assert ("  docs/ar/different.md:12: number '2023' is not in docs/en/different.md "
            "(its section there: docs/en/different.md:9)") in lines
    assert ("  docs/en/different.md:15: image 'img/chart.png' is not in docs/ar/different.md "
            "(its section there: docs/ar/different.md:14)") in lines
    assert ("  docs/ar/different.md:16: image 'img/graph.png' is not in docs/en/different.md "
            "(its section there: docs/en/different.md:13)") in lines
    assert summary(result.stdout) == "4 page pairs: 3 complete, 0 unrecorded, 0 outdated, 1 different, 0 missing"


def _only_outdated_pair(work: Path):
    for rel in ("en/missing.md", "en/different.md", "ar/different.md"):
        (work / "docs" / rel).unlink()
    marked(work)
    git(work, "commit", "-q", "-am", "reviewed")


def test_changing_the_english_text_turns_its_pair_outdated_without_failing(work):
    _only_outdated_pair(work)
    en = work / "docs/en/outdated.md"
    en.write_text(en.read_text(encoding="utf-8").replace("3 days", "4 days")
                  + "\n## Partners {#partners}\n\nSee [the home page](index.md).\n", encoding="utf-8")
    result = kb(work, github=True)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docs/ar/outdated.md:5: outdated: docs/en/outdated.md changed since this "
                               "translation was reviewed")
    # In GitHub Actions, also an annotation on the translated file (a warning: the pull request can land).
    assert lines[1].startswith("::warning file=docs/ar/outdated.md,line=5::outdated: docs/en/outdated.md changed")
    assert not any(line.startswith("::error") for line in lines)
    # For a translator on github.com: the exact line to paste, the one --mark-current would write.
    paste = re.search(r'or on github\.com replace its `translation:` line with `(translation: \{source: en, '
                      r'source_hash: "[0-9a-f]{16}"\})`', lines[0])
    assert paste
    kb(work, "--mark-current", "docs/ar/outdated.md")
    assert paste.group(1) in (work / "docs/ar/outdated.md").read_text(encoding="utf-8")
    git(work, "checkout", "-q", "--", "docs/ar/outdated.md")
    # What changed since the review, from the reviewed version found in git history.
    assert "  changed since: docs/en/outdated.md:17: section added: ## Partners" in lines
    assert "  changed since: docs/en/outdated.md:11: number added: 4" in lines
    assert "  changed since: number removed: 3" in lines
    assert "  changed since: docs/en/outdated.md:19: link added: index.md" in lines
    # And how the translation now differs, located in both files.
    assert any(line.startswith("  docs/en/outdated.md:17: 4 headings here, 3 in docs/ar/outdated.md") for line in lines)
    assert summary(result.stdout) == "3 page pairs: 2 complete, 0 unrecorded, 1 outdated, 0 different, 0 missing"


def test_wording_changes_are_reported_as_wording_only(work):
    _only_outdated_pair(work)
    en = work / "docs/en/outdated.md"
    en.write_text(en.read_text(encoding="utf-8").replace("share goals", "share their goals"), encoding="utf-8")
    result = kb(work)
    assert result.returncode == 0
    assert "  changed since: wording only (no section, link, number or image changed)" in result.stdout.splitlines()
    # Reformatting alone (trailing spaces, extra blank lines) is not a change.
    git(work, "checkout", "-q", "--", "docs/en/outdated.md")
    en.write_text(en.read_text(encoding="utf-8").replace("\n\n", "\n\n\n").replace("days.", "days.   "),
                  encoding="utf-8")
    assert "0 outdated" in summary(kb(work).stdout)


def test_marking_the_reviewed_translation_current_turns_it_complete(work):
    _only_outdated_pair(work)
    en, ar = work / "docs/en/outdated.md", work / "docs/ar/outdated.md"
    en.write_text(en.read_text(encoding="utf-8").replace("3 days", "4 days"), encoding="utf-8")
    assert "1 outdated" in summary(kb(work).stdout)
    # A review that forgets the change is caught by the structural checks ...
    assert kb(work, "--mark-current", "docs/ar/outdated.md").stdout == "docs/ar/outdated.md: marked current\n"
    result = kb(work)
    assert result.returncode == 1 and "1 different" in summary(result.stdout)
    # ... and the updated translation, marked again (through its English source), is complete.
    ar.write_text(ar.read_text(encoding="utf-8").replace("٣ أيام", "٤ أيام"), encoding="utf-8")
    assert kb(work, "--review", "docs/en/outdated.md").returncode == 0
    result = kb(work)
    assert result.returncode == 0
    assert summary(result.stdout) == "3 page pairs: 3 complete, 0 unrecorded, 0 outdated, 0 different, 0 missing"


def test_a_page_first_written_in_arabic_records_arabic_as_its_source(work):
    result = kb(work, "--mark-current", "docs/en/complete.md")
    assert result.returncode == 0
    text = (work / "docs/en/complete.md").read_text(encoding="utf-8")
    assert re.search(r'^translation: \{source: ar, source_hash: "[0-9a-f]{16}"\}$', text, re.M)
    ar = work / "docs/ar/complete.md"
    ar.write_text(ar.read_text(encoding="utf-8").replace("النسختان", "اللغتان"), encoding="utf-8")
    assert "docs/en/complete.md:5: outdated: docs/ar/complete.md changed" in kb(work).stdout


def test_bad_input_is_reported_by_path_and_line(work):
    result = kb(work, "--mark-current", "docs/en/missing.md")
    assert result.returncode == 1
    assert result.stderr.startswith("docs/ar/missing.md:1: error: missing:")
    ar = work / "docs/ar/index.md"
    ar.write_text(ar.read_text(encoding="utf-8").replace("kind: page\n", "kind: page\ntranslation: {source: fr}\n"),
                  encoding="utf-8")
    result = kb(work)
    assert result.returncode == 1
    assert "docs/ar/index.md:3: error: translation: expected {source: en, source_hash: \"...\"}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    ar.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    result = kb(work)
    assert result.returncode == 1 and "docs/ar/index.md:2: error: front matter is not valid YAML" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_heading_count_differences_name_both_files(tmp_path):
    for lang, body in (("en", "# T\n\n## A {#a}\n\n## B {#b}\n\n### C\n"), ("ar", "# ت\n\n## أ {#a}\n\n### ج\n")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "p.md").write_text(body, encoding="utf-8")
    en, ar = tr.load(tmp_path / "en/p.md", "en"), tr.load(tmp_path / "ar/p.md", "ar")
    messages = [str(d) for d in tr.compare(en, ar)]
    assert any(m.startswith(f"{tr.show(tmp_path / 'en/p.md')}:5: 4 headings here, 3 in ") and
               m.endswith(f"they part at heading 3: h2 here, h3 at {tr.show(tmp_path / 'ar/p.md')}:5")
               for m in messages), messages
    assert any("anchor 'b' is not in" in m for m in messages), messages


@pytest.mark.parametrize("raw, number", [("٥", "5"), ("۵", "5"), ("٢٠٢٥", "2025"), ("1,500", "1500"),
                                         ("١٬٥٠٠", "1500"), ("٣٫٥", "3.5"), ("05", "5"), ("3.5", "3.5")])
def test_numbers_compare_across_digit_systems(raw, number):
    assert tr.normalise_number(raw) == number


@pytest.mark.parametrize("word, number", [("الرابع", "4"), ("خمس", "5"), ("وللخامسة", "5"), ("بثلاثة", "3"),
                                          ("fifth", "5"), ("Ten", "10"), ("التَّاسِع", "9"), ("خمسين", None),
                                          ("مبادرات", None)])
def test_numbers_three_to_ten_may_be_spelled_out(tmp_path, word, number):
    for lang, body in (("en", "# T\n\nStrategic direction 4, TOP 5, 3 days, the 9 regions, 10 rooms.\n"),
                       ("ar", f"# ت\n\nنص فيه {word}.\n")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "p.md").write_text(body, encoding="utf-8")
    missing = {d.message.split("'")[1] for d in tr.compare(tr.load(tmp_path / "en/p.md", "en"),
                                                           tr.load(tmp_path / "ar/p.md", "ar"))}
    assert missing == {"4", "5", "3", "9", "10"} - {number}


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: T\n---\n\nBody\n", '---\ntitle: T\ntranslation: {source: en, source_hash: "abc"}\n---\n\nBody\n'),
    ("---\ntranslation:\n  source: en\n  source_hash: old\ntitle: T\n---\nBody\n",
     '---\ntranslation: {source: en, source_hash: "abc"}\ntitle: T\n---\nBody\n'),
    ("---\n---\nBody\n", '---\ntranslation: {source: en, source_hash: "abc"}\n---\nBody\n'),
    ("Body\n", '---\ntranslation: {source: en, source_hash: "abc"}\n---\n\nBody\n'),
])
def test_the_record_replaces_only_its_own_lines(text, expected):
    assert tr.set_record(text, "en", "abc") == expected
