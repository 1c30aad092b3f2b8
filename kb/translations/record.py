"""The translation record a translated page keeps in its front matter, `translation: {source: en, source_hash:
"..."}`: the hash of its source page's normalised text, and the edit that writes the record."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.translations.pages import Doc

KEY = "translation"
# Not the page's text: the record itself, and the page's place in the navigation (moving a page outdates nothing).
UNHASHED = (KEY, "order")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def normalised_text(doc: Doc) -> str:
    """The page's text as hashed: front matter (minus the translation record) in a canonical form, then the
    body with Unicode NFC, no trailing spaces and single blank lines, so reformatting alone changes nothing."""
    meta = {k: v for k, v in doc.meta.items() if k not in UNHASHED}
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", doc.body).split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str) + "\n" + body + "\n"


def text_hash(doc: Doc) -> str:
    return hashlib.sha256(normalised_text(doc).encode("utf-8")).hexdigest()[:16]


def record_line(source: str, digest: str) -> str:
    return f'{KEY}: {{source: {source}, source_hash: "{digest}"}}'


def set_record(text: str, source: str, digest: str) -> str:
    """Write the translation record into a page's front matter, leaving every other line as it was."""
    line = record_line(source, digest)
    m = FRONT_MATTER.match(text)
    if not m:
        return f"---\n{line}\n---\n\n{text}"
    start, end = (m.start(1), m.end(1)) if m.group(1) is not None else (text.index("\n") + 1,) * 2
    lines = text[start:end].split("\n")[:-1]
    out, i, placed = [], 0, False
    while i < len(lines):
        if lines[i].startswith(f"{KEY}:"):
            out.append(line)
            placed = True
            i += 1
            while i < len(lines) and lines[i][:1] in (" ", "\t"):
                i += 1
            continue
        out.append(lines[i])
        i += 1
    if not placed:
        out.append(line)
    return text[:start] + "\n".join(out) + "\n" + text[end:]
