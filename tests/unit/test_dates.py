"""Last-updated dates (kb/dates.py): one `git log` parsed into {path: last change}, on real temporary repos."""
import logging
import os
import subprocess
from pathlib import Path

import pytest

from kb import dates

DAY = 86400
T0 = 1_700_000_000  # 2023-11-14 22:13:20 UTC


class Repo:
    """A git repository in a temporary folder, each commit at the time it is given."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args, when: int | None = None) -> str:
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        if when is not None:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True,
                              text=True).stdout

    def write(self, path: str, text: str) -> None:
        (self.root / path).parent.mkdir(parents=True, exist_ok=True)
        (self.root / path).write_text(text, encoding="utf-8")

    def commit(self, when: int, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("docs/en/a.md", "A\n")
    repo.write("docs/en/b.md", "B\n")
    repo.write("README.md", "outside docs\n")
    repo.commit(T0)
    return repo


def docs(repo: Repo) -> dict[str, int]:
    return dates.last_changes(repo.root / "docs")


def test_each_file_gets_its_last_commit_relative_to_the_docs_folder(repo):
    repo.write("docs/en/a.md", "A, edited\n")
    repo.commit(T0 + DAY)
    repo.write("README.md", "changed, but outside docs\n")
    repo.commit(T0 + 2 * DAY)
    assert docs(repo) == {"en/a.md": T0 + DAY, "en/b.md": T0}


def test_paths_with_spaces_and_arabic_names(repo):
    repo.write("docs/ar/دراسات الحالة/شراكة مكتبية.md", "نص\n")
    repo.write("docs/en/with space.md", "text\n")
    repo.commit(T0 + DAY)
    changes = docs(repo)
    assert changes["ar/دراسات الحالة/شراكة مكتبية.md"] == T0 + DAY
    assert changes["en/with space.md"] == T0 + DAY


def test_a_pure_rename_keeps_the_date_of_the_last_edit(repo):
    repo.write("docs/en/a.md", "A, edited\n")
    repo.commit(T0 + DAY)
    repo.git("mv", "docs/en/a.md", "docs/en/renamed.md")
    repo.commit(T0 + 2 * DAY)
    repo.git("mv", "docs/en/renamed.md", "docs/en/renamed again.md")
    repo.commit(T0 + 3 * DAY)
    changes = docs(repo)
    assert changes["en/renamed again.md"] == T0 + DAY
    assert "en/a.md" not in changes and "en/renamed.md" not in changes


def test_a_rename_with_edits_counts_as_an_edit(repo):
    repo.write("docs/en/a.md", "".join(f"line {n}\n" for n in range(20)))
    repo.commit(T0 + DAY)
    repo.git("mv", "docs/en/a.md", "docs/en/c.md")
    repo.write("docs/en/c.md", "".join(f"line {n}\n" for n in range(21)))
    repo.commit(T0 + 2 * DAY)
    assert docs(repo)["en/c.md"] == T0 + 2 * DAY


def test_a_new_file_at_an_old_name_is_not_confused_with_the_renamed_one(repo):
    repo.git("mv", "docs/en/a.md", "docs/en/moved.md")
    repo.commit(T0 + DAY)
    repo.write("docs/en/a.md", "a new page at the old name\n")
    repo.commit(T0 + 2 * DAY)
    changes = docs(repo)
    assert changes["en/a.md"] == T0 + 2 * DAY
    assert changes["en/moved.md"] == T0


def test_merges_date_a_branch_change_by_its_own_commit_and_a_combined_edit_by_the_merge(repo):
    repo.write("docs/en/b.md", "".join(f"line {n}\n" for n in range(10)))
    repo.commit(T0 + DAY)
    repo.git("checkout", "-q", "-b", "side")
    repo.write("docs/en/a.md", "A, edited on the branch\n")
    repo.write("docs/en/b.md", "first, edited on the branch\n" + "".join(f"line {n}\n" for n in range(1, 10)))
    repo.commit(T0 + 2 * DAY)
    repo.git("checkout", "-q", "main")
    repo.write("docs/en/b.md", "".join(f"line {n}\n" for n in range(9)) + "last, edited on main\n")
    repo.commit(T0 + 3 * DAY)
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "side", when=T0 + 4 * DAY)
    changes = docs(repo)
    assert changes["en/a.md"] == T0 + 2 * DAY  # only the branch changed it: that commit's date
    assert changes["en/b.md"] == T0 + 4 * DAY  # both sides did: the merged text dates from the merge


def test_a_merge_of_a_renamed_and_edited_page_reads_one_path_per_combined_status(repo):
    """Someone renames a page on a branch while someone else edits it: the merge's combined status (RM) is
    followed by one path, not two, and the statuses after it are read as before."""
    lines = "".join(f"line {n}\n" for n in range(10))
    repo.write("docs/en/b.md", lines)
    repo.write("docs/en/z.md", lines)
    repo.commit(T0 + DAY)
    repo.git("checkout", "-q", "-b", "side")
    repo.git("mv", "docs/en/b.md", "docs/en/b2.md")
    repo.write("docs/en/z.md", "first, edited on the branch\n" + lines.split("\n", 1)[1])
    repo.commit(T0 + 2 * DAY)
    repo.git("checkout", "-q", "main")
    repo.write("docs/en/b.md", lines + "last, edited on main\n")
    repo.write("docs/en/z.md", lines + "last, edited on main\n")
    repo.commit(T0 + 3 * DAY)
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "side", when=T0 + 4 * DAY)
    changes = docs(repo)
    assert changes["en/b2.md"] == T0 + 4 * DAY  # renamed on one side, edited on the other: the merge
    assert changes["en/z.md"] == T0 + 4 * DAY  # edited on both sides
    assert all(path.endswith(".md") for path in changes)  # no status read as a path


def test_the_author_date_is_shown(repo):
    repo.write("docs/en/a.md", "A, edited\n")
    repo.git("add", "-A")
    env_when = T0 + 5 * DAY
    repo.git("commit", "-q", "-m", "late commit", f"--date=@{T0 + DAY} +0000", when=env_when)
    assert docs(repo)["en/a.md"] == T0 + DAY


def test_uncommitted_files_fall_back_to_the_build_date(repo):
    repo.write("docs/en/new.md", "not committed\n")
    repo.write("docs/en/a.md", "edited, not committed\n")
    changes = docs(repo)
    assert "en/new.md" not in changes
    assert changes["en/a.md"] == T0  # the working copy's edits are not a commit
    build = T0 + 9 * DAY
    docs_dir = str(repo.root / "docs")
    assert dates.page_timestamp(changes, docs_dir, str(repo.root / "docs/en/new.md"), False, build) == build
    assert dates.page_timestamp(changes, docs_dir, str(repo.root / "docs/en/a.md"), False, build) == T0
    assert dates.page_timestamp(changes, docs_dir, str(repo.root / "docs/en/a.md"), True, build) == build
    assert dates.page_timestamp(changes, docs_dir, None, False, build) == build


def test_no_repository_no_commit_or_no_git_give_no_dates_and_no_error(tmp_path, monkeypatch):
    plain = tmp_path / "plain" / "docs"
    plain.mkdir(parents=True)
    assert dates.last_changes(plain) == {}
    empty = tmp_path / "empty"
    (empty / "docs").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=empty, check=True)
    assert dates.last_changes(empty / "docs") == {}
    assert dates.last_changes(tmp_path / "no such folder") == {}
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on the PATH
    assert dates.last_changes(plain) == {}


def test_a_shallow_clone_dates_older_pages_by_its_oldest_commit(repo, tmp_path, caplog):
    repo.write("docs/en/a.md", "A, edited\n")
    repo.commit(T0 + DAY)
    repo.write("README.md", "outside docs, edited\n")
    repo.commit(T0 + 2 * DAY)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    caplog.set_level(logging.INFO, logger=dates.log.name)
    assert dates.last_changes(clone / "docs") == {"en/a.md": T0 + 2 * DAY, "en/b.md": T0 + 2 * DAY}
    assert "shallow clone" in caplog.text
    caplog.clear()
    assert dates.last_changes(repo.root / "docs") == {"en/a.md": T0 + DAY, "en/b.md": T0}
    assert "shallow" not in caplog.text


def test_dates_are_written_in_the_page_language_in_the_plugins_markup():
    assert dates.date_html(T0, "en") == (
        '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
        'title="November 14, 2023 22:13:20 UTC">November 14, 2023</span>')
    assert dates.date_html(T0, "ar") == (
        '<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date" '
        'title="14 نوفمبر 2023 22:13:20 UTC">14 نوفمبر 2023</span>')


def test_parse_log_reads_statuses_renames_and_merge_lines_under_the_docs_folder():
    log = ("\x00300\x00\nM\x00docs/en/a.md\x00MM\x00docs/en/b.md\x00M\x00README.md\x00"
           "\x00200\x00\nR100\x00docs/en/old.md\x00docs/en/a.md\x00"
           "\x00100\x00\nA\x00docs/en/old.md\x00A\x00docs/en/b.md\x00A\x00docs/2025\x00A\x00README.md\x00")
    assert dates.parse_log(log, "docs/") == {"en/a.md": 300, "en/b.md": 300, "2025": 100}
