"""The sidebar of a large section: the pages around the current one, not all of them.

Material renders every page of the current section into each page's sidebar, so a section of n pages costs
n² nav items to build (a quarter of an hour at 1000 case studies per language) and gives readers a list
they cannot scan. A section with more than LIMIT entries shows its index page (the catalogue), the WINDOW
entries before and after the current one, and a link to the index with the total (but on the index). Every page stays in the
navigation: previous/next links, the catalogue and search still reach it.
"""
from __future__ import annotations

from mkdocs.structure.nav import Link

LIMIT = 30  # entries a section shows in full; every section of the site today is smaller
WINDOW = 10  # entries shown on each side of the current one in a larger section


def window(children: list, current: int, index=None, size: int = WINDOW) -> list:
    """The entries of `children` to show when `children[current]` is open: 2 * size + 1 of them around it
    (shifted at the ends), the index entry (if any) kept first."""
    rest = [c for c in children if c is not index]
    at = rest.index(children[current]) if children[current] is not index else 0
    start = max(0, min(at - size, len(rest) - (2 * size + 1)))
    return ([index] if index is not None else []) + rest[start:start + 2 * size + 1]


def shorten(page, label: str) -> list[tuple[object, list]]:
    """Shorten, in place, every section on `page`'s path that has more than LIMIT entries; returns
    (section, original children) pairs for `restore`. `label` is the "all" link's text, with {n}."""
    changed = []
    node = page
    while node.parent is not None:
        section = node.parent
        children = section.children
        if len(children) > LIMIT:
            index = next((c for c in children if getattr(c, "is_index", False)), None)
            shown = window(children, children.index(node), index)
            if index is not None and node is not index:
                more = Link(label.format(n=len(children) - 1), index.url)
                more.parent = section
                shown.append(more)
            changed.append((section, children))
            section.children = shown
        node = section
    return changed


def restore(changed: list[tuple[object, list]]) -> None:
    for section, children in changed:
        section.children = children
