"""Last-updated dates in a real build (hooks/dates.py): each page's own last commit, in both language builds."""
import datetime
import os
import re
import subprocess

from support import copy_project, run_build

DATE = re.compile(r'class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
                  r'title="([^"]+)">([^<]+)</span>')


def commit(project, when: str, message: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=project, env=env, check=True)


def shown(page) -> tuple[str, str]:
    found = DATE.search(page.read_text(encoding="utf-8"))
    assert found, page
    return found.group(2), found.group(1)


def test_each_page_shows_its_own_last_commit_in_its_language(tmp_path):
    project = copy_project(tmp_path / "project")
    commit(project, "2001-09-09T01:46:40+00:00", "everything")
    about_ar = project / "docs" / "ar" / "about.md"
    about_ar.write_text(about_ar.read_text(encoding="utf-8") + "\nفقرة جديدة.\n", encoding="utf-8")
    commit(project, "2024-03-05T10:00:00+00:00", "Arabic about page edited")
    edited = project / "docs" / "en" / "glossary.md"  # edited after the last commit: still its last commit's date
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert shown(out / "about" / "index.html") == ("September 9, 2001", "September 9, 2001 01:46:40 UTC")
    assert shown(out / "ar" / "about" / "index.html") == ("5 مارس 2024", "5 مارس 2024 10:00:00 UTC")
    assert shown(out / "ar" / "glossary" / "index.html")[0] == "9 سبتمبر 2001"
    assert shown(out / "glossary" / "index.html")[0] == "September 9, 2001"
    # A page generated at build time has no commit: the build date, the same in both languages.
    today = datetime.datetime.now(datetime.UTC)
    en_status, ar_status = shown(out / "translation-status" / "index.html"), shown(
        out / "ar" / "translation-status" / "index.html")
    assert en_status[0] in {f"{d:%B} {d.day}, {d.year}" for d in (today, today - datetime.timedelta(days=1))}
    assert en_status[1][-12:] == ar_status[1][-12:]  # the same build time (HH:MM:SS UTC)
