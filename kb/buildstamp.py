"""Build stamps: what a built folder (site/, build/downloads/) was made from, so the tests can reuse the one
CI built instead of building it again. A stamp holds a digest of the build's inputs (the commit, for the
pages' git dates; the content of every tracked or untracked input file, edited or not), the environment the
build read (SITE_URL: the tests then know the origin the pages name) and a digest of the folder as it was
then. A folder is current when both digests still match: edited inputs, another commit, or a folder changed
since (a build run by hand) all make it stale.

Written by `python -m kb stamp FOLDER...` (the Makefile, after each build or export step).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Everything a build or an export reads from the repository.
INPUTS = ["mkdocs.yml", "docs", "overrides", "hooks", "kb", "requirements.txt"]
ENVIRONMENT = ["SITE_URL", "REPO_URL", "KB_OFFLINE", "KB_DOWNLOADS"]
STAMPS = "build/stamps"  # under the project, outside every deployed folder


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def inputs_digest(root: Path = ROOT) -> str:
    """The commit and every input file's path and content."""
    h = hashlib.sha256(_git(root, "rev-parse", "HEAD").encode())
    for name in sorted(_git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *INPUTS)
                       .split("\0")):
        path = root / name
        if name and path.is_file():  # a tracked file deleted in the work tree is listed too
            h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def tree_digest(folder: Path) -> str:
    """Every file's path and content under `folder`."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _stamp_file(folder: Path, root: Path) -> Path:
    return root / STAMPS / (hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16] + ".json")


def write(folder: Path, root: Path = ROOT) -> dict:
    """Record what `folder` was just built from, by the project at `root`."""
    stamp = {"folder": str(folder.resolve()), "inputs": inputs_digest(root), "tree": tree_digest(folder),
             "environment": {name: os.environ.get(name) for name in ENVIRONMENT}}
    _stamp_file(folder, root).parent.mkdir(parents=True, exist_ok=True)
    _stamp_file(folder, root).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    return stamp


def current(folder: Path, root: Path = ROOT) -> dict | None:
    """The stamp of `folder` when it is what the project at `root` builds now, else None."""
    try:
        stamp = json.loads(_stamp_file(folder, root).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if (not folder.is_dir() or stamp.get("inputs") != inputs_digest(root)
            or stamp.get("tree") != tree_digest(folder)):
        return None
    return stamp
