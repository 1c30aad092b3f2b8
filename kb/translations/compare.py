"""Differences between a page and its translation (each located in both files), and what changed in a source
page between two versions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.translations.pages import Doc, show
from kb.translations.structure import Section, sections


@dataclass
class Difference:
    message: str
    path: Path                 # where the item is
    line: int
    other: Path                # the page it is missing from, and the nearest place there
    other_line: int

    def __str__(self):
        return f"{show(self.path)}:{self.line}: {self.message}"


_ITEMS = (("links", "link"), ("anchors", "anchor"), ("numbers", "number"), ("images", "image"))


def compare(a: Doc, b: Doc) -> list[Difference]:
    """Structural differences between a page and its translation, each located in both files."""
    sa, sb = sections(a), sections(b)
    diffs = []
    levels_a, levels_b = [s.level for s in sa[1:]], [s.level for s in sb[1:]]
    if levels_a != levels_b:
        i = next((i for i, (x, y) in enumerate(zip(levels_a, levels_b, strict=False)) if x != y),
                 min(len(levels_a), len(levels_b)))
        where_a = sa[i + 1].line if i + 1 < len(sa) else a.text.count("\n") + 1
        where_b = sb[i + 1].line if i + 1 < len(sb) else b.text.count("\n") + 1
        diffs.append(Difference(
            f"{len(levels_a)} headings here, {len(levels_b)} in {show(b.path)}; they part at heading {i + 1}: "
            f"{_level(levels_a, i)} here, {_level(levels_b, i)} at {show(b.path)}:{where_b}",
            a.path, where_a, b.path, where_b))
        # Sections do not line up: compare the pages as wholes.
        sa, sb = [_merge(sa)], [_merge(sb)]
    for x, y in zip(sa, sb, strict=True):
        diffs += _one_way(a, x, b, y) + _one_way(b, y, a, x)
    return sorted(diffs, key=lambda d: (str(d.path), d.line, d.message))


def _one_way(a: Doc, x: Section, b: Doc, y: Section) -> list[Difference]:
    """Items of section x of page a that are not in the matching section y of page b."""
    out = []
    for attr, label in _ITEMS:
        there = getattr(y, attr)
        for item, line in getattr(x, attr).items():
            if item not in there and not (attr == "numbers" and item in y.spelled):
                out.append(Difference(f"{label} {item!r} is not in {show(b.path)} "
                                      f"(its section there: {show(b.path)}:{y.line})", a.path, line, b.path, y.line))
    return out


def _level(levels: list[int], i: int) -> str:
    return f"h{levels[i]}" if i < len(levels) else "none"


def _merge(secs: list[Section]) -> Section:
    whole = Section(secs[0].line, 0, "")
    for s in secs:
        for attr, _ in _ITEMS:
            for item, line in getattr(s, attr).items():
                getattr(whole, attr).setdefault(item, line)
        whole.spelled |= s.spelled
    return whole


def changes(old: Doc, new: Doc) -> list[str]:
    """What changed in a source page between two versions: sections added or removed, links, numbers,
    images and anchors added or removed."""
    out = []
    so, sn = sections(old), sections(new)
    titles_old = {(s.level, s.title) for s in so[1:]}
    for s in sn[1:]:
        if (s.level, s.title) not in titles_old:
            out.append(f"{new.path}:{s.line}: section added: {'#' * s.level} {s.title}")
    titles_new = {(s.level, s.title) for s in sn[1:]}
    for s in so[1:]:
        if (s.level, s.title) not in titles_new:
            out.append(f"section removed: {'#' * s.level} {s.title}")
    wo, wn = _merge(so), _merge(sn)
    for attr, label in _ITEMS:
        io, inew = getattr(wo, attr), getattr(wn, attr)
        out += [f"{new.path}:{inew[i]}: {label} added: {i}" for i in sorted(inew.keys() - io.keys())]
        out += [f"{label} removed: {i}" for i in sorted(io.keys() - inew.keys())]
    if not out:
        out.append("wording only (no section, link, number or image changed)")
    return out
