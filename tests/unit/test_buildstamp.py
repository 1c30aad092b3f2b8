"""Build stamps (kb/buildstamp.py): a built folder counts as current only while the commit, every input file
and the folder itself are as they were when it was stamped."""
import subprocess

import pytest

from kb import buildstamp


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (root / ".gitignore").write_text("/site/\n/build/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "one")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    buildstamp.write(site, root)
    return root, site


def test_a_folder_just_stamped_is_current(project):
    root, site = project
    stamp = buildstamp.current(site, root)
    assert stamp and stamp["folder"] == str(site.resolve())
    assert not (site / "stamps").exists() and (root / "build" / "stamps").is_dir()  # not in the deployed folder


def test_an_edited_input_makes_it_stale(project):
    root, site = project
    (root / "docs" / "en" / "index.md").write_text("# Home, edited\n", encoding="utf-8")
    assert buildstamp.current(site, root) is None


def test_a_new_untracked_page_makes_it_stale(project):
    root, site = project
    (root / "docs" / "en" / "new.md").write_text("# New\n", encoding="utf-8")
    assert buildstamp.current(site, root) is None


def test_another_commit_makes_it_stale_though_the_files_are_the_same(project):
    root, site = project
    git(root, "commit", "-q", "--allow-empty", "-m", "two")  # the pages' git dates may differ
    assert buildstamp.current(site, root) is None


def test_a_folder_changed_after_its_stamp_is_stale(project):
    root, site = project
    (site / "index.html").write_text("<h1>Built by hand</h1>", encoding="utf-8")
    assert buildstamp.current(site, root) is None


def test_a_folder_never_stamped_is_not_current(project, tmp_path):
    root, _ = project
    other = tmp_path / "other"
    other.mkdir()
    assert buildstamp.current(other, root) is None
