"""The one Markdown body scanner for the checks (the validator, the translation checker, the glossary), on the
rules of the site's renderer (Python-Markdown with pymdownx.superfences): fenced code of any length with
backticks or tildes (closed by the same fence only, so fences nest; an unclosed fence is not code), indented
code, inline code, raw HTML blocks, and ATX and setext headings with their {#id}. Line based and linear: it
runs on every page at every build, where a full parse (markdown-it-py) would be a second renderer with
CommonMark's rules rather than Python-Markdown's."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^}]*)\}")
_TRAILING_ATTRS = re.compile(r"\s*\{:?([^}]*)\}\s*$")
_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_TAG = re.compile(r"<[^>]+>")
_INLINE_CODE = re.compile(r"(`+).+?\1")
# Block openers whose indented lines are their content, not code: list items, admonitions and details, tabs,
# footnote definitions, definitions.
_CONTAINER = re.compile(r"^(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]|(?:!!!|\?\?\?\+?|===[+!]?)[ \t]|\[\^[^\]]+\]:|:[ \t])")
_HTML_OPEN = re.compile(r"^ {0,3}<(?:(?P<comment>!--)|/?(?P<tag>[A-Za-z][A-Za-z0-9-]*)\b(?P<rest>[^>]*))")
_RAW_TEXT = {"script", "pre", "style", "textarea"}

CODE, HTML, TEXT, BLANK = "code", "html", "text", "blank"


@dataclass(frozen=True)
class Heading:
    line: int          # in the file
    level: int
    title: str         # the heading's text without its attribute list
    id: str            # the explicit {#id}, else the id the toc extension gives
    explicit: bool
    raw_title: str     # the heading's text as written (attribute list included)


@dataclass
class Scan:
    """A body, line by line: `kinds[i]` is code, html, text or blank; `prose` is every line outside code
    (raw HTML included) as (line in the file, text with inline code blanked to spaces)."""
    first_line: int
    lines: list[str]
    kinds: list[str]
    headings: list[Heading] = field(default_factory=list)

    @property
    def prose(self):
        for i, (line, kind) in enumerate(zip(self.lines, self.kinds, strict=True)):
            if kind in (TEXT, HTML):
                yield self.first_line + i, blank_inline_code(line) if "`" in line else line

    def trimmed(self, start: int, stop: int) -> Scan:
        """The scan of lines[start:stop], the lines left out being blank (they change no other line's kind)."""
        assert all(kind == BLANK for kind in self.kinds[:start] + self.kinds[stop:])
        return Scan(self.first_line + start, self.lines[start:stop], self.kinds[start:stop], self.headings)

    def code_lines(self) -> list[int]:
        """The indices (in `lines`) of the lines that are code, fences included."""
        return [i for i, kind in enumerate(self.kinds) if kind == CODE]


def blank_inline_code(line: str) -> str:
    """Inline code spans replaced by spaces of the same length (columns keep their place)."""
    return _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


@functools.cache
def _slugify():
    from pymdownx.slugs import slugify
    return slugify(case="lower")


def slugify(text: str) -> str:
    """The heading id the site's toc extension gives (pymdownx.slugs.slugify, case lower)."""
    return _slugify()(text, "-")


def heading_id(title: str) -> tuple[str, str, bool]:
    """(title without its attribute list, id, explicit) of a heading's text."""
    explicit = None
    attrs = _TRAILING_ATTRS.search(title)
    if attrs:
        ids = _ID.findall(attrs.group(1))
        explicit = ids[0] if ids else None
        title = title[:attrs.start()]
    return title.strip(), explicit or slugify(_TAG.sub("", title)), bool(explicit)


def anchors(line: str) -> list[str]:
    """The ids set by attribute lists ({#id}, { #id .class }) on a line."""
    return [anchor for m in _ATTR_LIST.finditer(line) for anchor in _ID.findall(m.group(1))]


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.lstrip(" \t").expandtabs(4)) if line[:1] in " \t" else 0


def _fence_end(lines: list[str], start: int, fence: str) -> int | None:
    """The index of the line closing the fence opened at `start` (the same fence, alone on its line), or None."""
    return next((j for j in range(start + 1, len(lines)) if lines[j].strip() == fence), None)


def scan(body: str, first_line: int = 1) -> Scan:
    """Classify every line of a Markdown body and find its headings."""
    lines = body.split("\n")
    kinds = [TEXT] * len(lines)
    i, previous_blank, container, html_end = 0, True, False, None
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if html_end is not None:  # inside a raw HTML block
            kinds[i] = HTML if stripped else BLANK
            if (html_end == "" and not stripped) or (html_end and html_end in line.lower()):
                html_end = None
            previous_blank = not stripped
            i += 1
            continue
        if not stripped:
            kinds[i], previous_blank = BLANK, True
            i += 1
            continue
        indent = _indent(line)
        m = _FENCE.match(line)
        if m and not (m.group("fence")[0] == "`" and "`" in m.group("info")):
            end = _fence_end(lines, i, m.group("fence"))
            if end is not None:
                kinds[i:end + 1] = [CODE] * (end + 1 - i)
                i, previous_blank = end + 1, False
                continue
        if indent >= 4 and previous_blank and not container:
            while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) >= 4):
                kinds[i] = CODE if lines[i].strip() else BLANK
                i += 1
            previous_blank = True
            continue
        if indent < 4:
            if _CONTAINER.match(line):
                container = True
            elif previous_blank:
                container = False
            html = _HTML_OPEN.match(line)
            if html and previous_blank and "markdown" not in (html.group("rest") or ""):
                tag = (html.group("tag") or "").lower()
                kinds[i] = HTML
                if html.group("comment"):
                    html_end = None if "-->" in line[html.end():] else "-->"
                elif tag in _RAW_TEXT:
                    html_end = None if f"</{tag}" in line.lower() else f"</{tag}"
                else:
                    html_end = ""  # to the next blank line
                previous_blank = False
                i += 1
                continue
        previous_blank = False
        i += 1
    result = Scan(first_line, lines, kinds)
    result.headings = _headings(result)
    return result


def _headings(s: Scan) -> list[Heading]:
    out = []
    for i, (line, kind) in enumerate(zip(s.lines, s.kinds, strict=True)):
        if kind != TEXT:
            continue
        m = _ATX.match(line)
        if m:
            title, hid, explicit = heading_id(m.group(2))
            out.append(Heading(s.first_line + i, len(m.group(1)), title, hid, explicit, m.group(2)))
            continue
        nxt = i + 1
        if (nxt < len(s.lines) and s.kinds[nxt] == TEXT and _SETEXT.match(s.lines[nxt]) and _indent(line) < 4
                and not _SETEXT.match(line) and not _CONTAINER.match(line) and "|" not in line):
            title, hid, explicit = heading_id(line.strip())
            level = 1 if s.lines[nxt].strip()[0] == "=" else 2
            out.append(Heading(s.first_line + i, level, title, hid, explicit, line.strip()))
    return out
