"""The structure the translation check compares: a page split at its headings (kb/markdown.py's scan), each
part's links, images, explicit anchors and numbers (digits in any script, or three to ten spelled out)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb import arabic
from kb.markdown import BLANK, CODE

if TYPE_CHECKING:
    from kb.translations.pages import Doc


@dataclass
class Section:
    line: int                  # the heading's line (the page's first body line for the part before it)
    level: int
    title: str
    links: dict = field(default_factory=dict)     # item -> first line
    images: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    anchors: dict = field(default_factory=dict)
    spelled: set = field(default_factory=set)     # numbers written as words ("five", «الخامس»)


_CODE = re.compile(r"(`+).+?\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_ATTR = re.compile(r"<(a|img)\b[^>]*?\b(href|src)=[\"']([^\"']+)[\"'][^>]*>", re.I)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^}]*)\}")
_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_TAG = re.compile(r"<[^>]+>")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:?")
_LIST_MARKER = re.compile(r"^[ \t]*\d+[.)][ \t]")
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = re.compile(rf"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")
# Arabic writes one and two as words (دقيقة، دقيقتان: the singular and the dual), so they are not compared.
_WORD_NUMBERS = {"1", "2"}
# Three to ten are often written as words, cardinal or ordinal («أهم خمس مبادرات» for "TOP 5 Initiatives"): a
# number in one page is matched by its digits or by one of these words in the other (Arabic without «ال»).
_SPELLED = {
    "3": "three third ثلاث ثلاثة ثالث ثالثة",
    "4": "four fourth أربع أربعة رابع رابعة",
    "5": "five fifth خمس خمسة خامس خامسة",
    "6": "six sixth ست ستة سادس سادسة",
    "7": "seven seventh سبع سبعة سابع سابعة",
    "8": "eight eighth ثمان ثماني ثمانية ثامن ثامنة",
    "9": "nine ninth تسع تسعة تاسع تاسعة",
    "10": "ten tenth عشر عشرة عاشر عاشرة",
}
_WORD_TO_NUMBER = {word: n for n, words in _SPELLED.items() for word in words.split()}
_WORD = re.compile(r"[^\W\d_]+")


def normalise_number(raw: str) -> str:
    """Arabic-Indic and Western digits compare equal (٥ == 5); thousands separators and leading zeros drop."""
    s = arabic.western_digits(raw)
    s = re.sub(r",(?=\d{3}(?!\d))", "", s)
    parts = s.split(".")
    parts[0] = parts[0].lstrip("0") or "0"
    return ".".join(parts)


def sections(doc: Doc) -> list[Section]:
    """Split the body at headings; collect each part's links, images, numbers and explicit anchors."""
    out = [Section(doc.body_line, 0, "")]
    body = doc.scan
    headings = {h.line: h for h in body.headings}
    for offset, (line, kind) in enumerate(zip(body.lines, body.kinds, strict=True)):
        if kind in (CODE, BLANK) or line.lstrip().startswith("<!--"):
            continue
        n = doc.body_line + offset
        if n in headings:
            out.append(Section(n, headings[n].level, _ATTR_LIST.sub("", headings[n].raw_title).strip()))
        _collect(line, n, out[-1])
    return out


def _collect(line: str, n: int, sec: Section):
    # Each pattern runs only on a line holding the characters it starts with: most prose lines have none.
    if "`" in line:
        line = _CODE.sub(" ", line)
    if "![" in line:
        for m in _IMAGE.finditer(line):
            sec.images.setdefault(m.group(2), n)
        line = _IMAGE.sub(lambda m: m.group(1), line)
    if "](" in line:
        for m in _LINK.finditer(line):
            sec.links.setdefault(m.group(2), n)
        line = _LINK.sub(lambda m: m.group(1), line)
    if "]:" in line:
        ref = _REF_DEF.match(line)
        if ref:
            sec.links.setdefault(ref.group(1), n)
            return
    if "<" in line:
        for m in _AUTOLINK.finditer(line):
            sec.links.setdefault(m.group(1), n)
        for m in _HTML_ATTR.finditer(line):
            (sec.images if m.group(1).lower() == "img" else sec.links).setdefault(m.group(3), n)
    if "{" in line:
        for m in _ATTR_LIST.finditer(line):
            for anchor in _ID.findall(m.group(1)):
                sec.anchors.setdefault(anchor, n)
    if "[^" in line:
        line = _FOOTNOTE.sub(" ", line)
    if "{" in line:
        line = _ATTR_LIST.sub(" ", line)
    if "<" in line:
        line = _AUTOLINK.sub(" ", _TAG.sub(" ", line))
    line = _LIST_MARKER.sub(" ", line)
    for m in _NUMBER.finditer(line):
        number = normalise_number(m.group(0))
        if number not in _WORD_NUMBERS:
            sec.numbers.setdefault(number, n)
    for word in _WORD.findall(arabic.MARKS.sub("", line).lower()):
        number = _spelled_number(word)
        if number:
            sec.spelled.add(number)


@functools.lru_cache(maxsize=65536)  # called on every word of every page: prose repeats its words
def _spelled_number(word: str) -> str | None:
    """The number a word spells out, if any; Arabic words may carry و ف ب ل ك and the article ال."""
    forms = [word]
    if word[:1] in arabic.CONJUNCTIONS + arabic.PREPOSITIONS:
        forms.append(word[1:])
    forms += [f[2:] for f in forms if f.startswith("ال")] + [f[2:] for f in forms if f.startswith("لل")]
    return next((_WORD_TO_NUMBER[f] for f in forms if f in _WORD_TO_NUMBER), None)
