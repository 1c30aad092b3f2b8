"""scripts/draft_pr.sh, the second half of the issue-to-pull-request workflow, against a local bare remote and
a stand-in `gh` that records its arguments: one branch, one commit of docs/ only, pushed, then a draft pull
request with the title and body from the files; a hostile title is an argument, never shell code."""
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"]


def test_the_draft_is_pushed_and_opened_with_the_files_values(tmp_path):
    remote, repo, bin_dir, draft = (tmp_path / n for n in ("remote.git", "repo", "bin", "draft"))
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    repo.mkdir()
    run = lambda *a: subprocess.run([*GIT, *a], cwd=repo, check=True, capture_output=True, text=True).stdout  # noqa: E731
    run("init", "-q")
    (repo / "README.md").write_text("x\n")
    run("add", "-A")
    run("commit", "-q", "-m", "base")
    run("remote", "add", "origin", str(remote))
    (repo / "docs/en/case-studies").mkdir(parents=True)
    (repo / "docs/en/case-studies/new.md").write_text("page\n")
    (repo / "stray.txt").write_text("not docs\n")
    marker = tmp_path / "ran"
    draft.mkdir()
    (draft / "branch").write_text("case-study/new")
    (draft / "title").write_text(f'Case study: $(touch {marker}) `touch {marker}` "; touch {marker}')
    (draft / "body.md").write_text("Closes #7.\n")
    bin_dir.mkdir()
    log = tmp_path / "gh.log"
    (bin_dir / "gh").write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> {log}\necho --- >> {log}\n')
    (bin_dir / "gh").chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", GH_TOKEN="x")
    result = subprocess.run(["sh", str(ROOT / "scripts/draft_pr.sh"), str(draft)], cwd=repo, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    pushed = subprocess.run(["git", "--git-dir", str(remote), "log", "--format=%s", "case-study/new"],
                            capture_output=True, text=True, check=True).stdout.split("\n")
    assert pushed[0] == (draft / "title").read_text()
    files = subprocess.run(["git", "--git-dir", str(remote), "show", "--name-only", "--format=", "case-study/new"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert files == ["docs/en/case-studies/new.md"]
    calls = log.read_text().split("---\n")
    assert calls[0].split() == ["auth", "setup-git"]
    assert calls[1].split("\n")[:-1] == ["pr", "create", "--draft", "--head", "case-study/new", "--title",
                                        (draft / "title").read_text(), "--body-file", f"{draft}/body.md"]
