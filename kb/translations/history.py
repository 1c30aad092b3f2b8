"""The source page as it was when its translation was recorded, found in git history by its hash."""
from __future__ import annotations

import subprocess
from pathlib import Path

from kb.translations.pages import Doc, TranslationError, parse
from kb.translations.record import text_hash


def recorded_version(source: Doc, digest: str, limit: int = 200) -> Doc | None:
    """The source page as it was when its translation was recorded, found in git history by its hash."""
    path = Path(source.path).resolve()
    try:
        log = subprocess.run(["git", "log", f"-{limit}", "--format=%H", "--", path.name], cwd=path.parent,
                             capture_output=True, text=True, check=True).stdout.split()
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True,
                             text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    rel = path.relative_to(Path(top).resolve()).as_posix()
    for commit in log:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=top, capture_output=True)
        if shown.returncode:
            continue
        try:
            old = parse(source.path, source.lang, shown.stdout.decode("utf-8"))
        except (TranslationError, UnicodeDecodeError):
            continue
        if text_hash(old) == digest:
            return old
    return None
