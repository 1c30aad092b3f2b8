"""The sidebar of a large section: the pages around the current one, not all of them.

Material renders every page of the current section into each page's sidebar, so a section of n pages costs
n² nav items to build (a quarter of an hour at 1000 case studies per language) and gives readers a list
they cannot scan. A section with more than LIMIT entries shows its index page (the catalogue), the WINDOW
entries before and after the current one, and a link to the index with the total (except on the index page
itself). Every page stays in the navigation: previous/next links, the catalogue and search still reach it.
"""
from __future__ import annotations

from mkdocs.structure.nav import Link

LIMIT = 30  # entries a section shows in full; every section of the site today is smaller
WINDOW = 10  # entries shown on each side of the current one in a larger section


def window(children: list, at: int, size: int = WINDOW) -> list:
    """The entries of `children` to show when `children[at]` is open: the first entry (the section's index
    page, or what Material's tabs link to when it has none), then 2 * size + 1 entries around `at` (shifted
    at the ends)."""
    head, rest = children[:1], children[1:]
    at = max(0, at - 1)
    start = max(0, min(at - size, len(rest) - (2 * size + 1)))
    return head + rest[start:start + 2 * size + 1]


def shorten(page, label: str) -> list[tuple[object, list]]:
    """Shorten, in place, every section on `page`'s path that has more than LIMIT entries; returns
    (section, original children) pairs for `restore`. `label` is the "all" link's text, with {n}."""
    changed = []
    node = page
    while node.parent is not None:
        section = node.parent
        children = section.children
        if len(children) > LIMIT:
            at = _position(section, node)
            shown = window(children, at)
            index = children[0] if getattr(children[0], "is_index", False) else None
            if index is not None and node is not index:
                more = Link(label.format(n=len(children) - 1), index.url)
                more.parent = section
                shown.append(more)
            changed.append((section, children))
            section.children = shown
        node = section
    return changed


def _position(section, node) -> int:
    """Where `node` is in `section.children`, by identity (Page.__eq__ is slow), from a table kept on the
    section (made once per build)."""
    children, table = getattr(section, "_kb_positions", (None, None))
    if children is not section.children:
        table = {id(child): i for i, child in enumerate(section.children)}
        section._kb_positions = (section.children, table)
    return table[id(node)]


def restore(changed: list[tuple[object, list]]) -> None:
    for section, children in changed:
        section.children = children
