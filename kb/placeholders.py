"""Placeholders left from the page templates: a line of a page that still reads as a line of prose of
kb/templates/<kind>.<lang>.md (either language: an Arabic page started from the English template too) fails the
check, at its line. The templates are the only list of placeholders: edit one and the check follows.

Prose is a body line that is not a heading, or a text value in the front matter, of three words or more. The
template's agenda and materials are usable defaults, not placeholders (real kits keep "Welcome and framing")."""
from __future__ import annotations

import functools
import re
import unicodedata

from kb.languages import LANGS
from kb.problems import Problem
from kb.scaffold import TEMPLATES

DEFAULTS = ("agenda", "materials")  # front-matter keys whose template values a page may keep
MIN_WORDS = 3
_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:\s|$)")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_FIELD = re.compile(r"^[A-Za-z_][\w-]*:\s+")


def prose(line: str) -> str:
    """The words of a line, as compared: no list marker, key or quotes; spaces collapsed, NFC."""
    text = unicodedata.normalize("NFC", line).strip()
    text = _ITEM.sub("", text)
    text = _FIELD.sub("", text)
    text = text.strip().strip("'\"").strip()
    return " ".join(text.split())


@functools.cache
def placeholders(kind: str) -> dict[str, str]:
    """{prose: 'kb/templates/<file>:<line>'} of every template of `kind`."""
    out: dict[str, str] = {}
    for lang in LANGS:
        path = TEMPLATES / f"{kind}.{lang}.md"
        if not path.exists():
            continue
        for n, line, in_front, key in _lines(path.read_text(encoding="utf-8")):
            if "$" in line or (in_front and key in DEFAULTS):
                continue
            text = prose(line)
            if not line.lstrip().startswith("#") and len(text.split()) >= MIN_WORDS:
                out.setdefault(text, f"kb/templates/{path.name}:{n}")
    return out


def check(path: str, kind: str, text: str) -> list[Problem]:
    """Every line of a page (`text`, its whole file) that is still a template's placeholder."""
    known = placeholders(kind) if isinstance(kind, str) else {}
    out = []
    for n, line, _, _ in _lines(text) if known else ():
        where = known.get(prose(line)) if line.strip() else None  # a blank line is no placeholder
        if where and not line.lstrip().startswith("#"):
            shown = prose(line)
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            out.append(Problem(path, n, "placeholder", f"text left from the template {where}: '{shown}'",
                               "replace it with what the sources say, or remove it"))
    return out


def check_index(index) -> list[Problem]:
    """The check on every page of kb/content.py's index."""
    return [p for lang in LANGS for _, page in sorted(index.pages[lang].items())
            for p in check(page.path, page.meta.get("kind"), page.text)]


def _lines(text: str):
    """(line number, line, in the front matter, its top-level key) for each line of a page."""
    lines = text.replace("\r\n", "\n").split("\n")
    front = bool(lines) and lines[0].strip() == "---"
    key = None
    for n, line in enumerate(lines, 1):
        if front and n > 1 and line.strip() in ("---", "..."):
            front = False
            continue
        if front and n > 1:
            m = _KEY.match(line)
            key = m.group(1) if m else key
        yield n, line, front and n > 1, key
