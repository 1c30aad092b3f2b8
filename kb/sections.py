"""Sections that list themselves: a nav entry `<folder>/*` in mkdocs.yml stands for every page of that folder not
listed elsewhere in the nav, in the order their front matter gives. A new page needs no edit of mkdocs.yml, so two
pull requests that add pages to one section touch no file in common.

The order: pages with an `order` (a positive whole number, the same in both languages) first, lowest first; then
pages with a date (an ISO `date`, else a `year`), newest first; then by title, in the page's own language
(case, accents, Arabic marks and letter variants ignored). Ties go on to the next key, and last to the path.
"""
from __future__ import annotations

import datetime
import unicodedata

from kb.arabic import fold

WILDCARD = "/*"


def is_pattern(entry) -> bool:
    return isinstance(entry, str) and entry.endswith(WILDCARD)


def sort_key(rel: str, meta: dict) -> tuple:
    order = meta.get("order")
    order = order if isinstance(order, int) and not isinstance(order, bool) else None
    day = _day(meta)
    return (order is None, order or 0, day is None, -(day or 0), _title_key(meta.get("title")), rel)


def ordered(folder: str, pages: dict[str, dict], exclude: set[str] = frozenset()) -> list[str]:
    """The pages directly in `folder` (paths relative to the language folder, with their front matter), minus
    `exclude`, in nav order."""
    prefix = folder.rstrip("/") + "/"
    found = [rel for rel in pages if rel.startswith(prefix) and "/" not in rel[len(prefix):] and rel not in exclude]
    return sorted(found, key=lambda rel: sort_key(rel, pages[rel] or {}))


def expand(nav: list, pages: dict[str, dict]) -> list:
    """`nav` (mkdocs.yml's nav: strings and one-key mappings, nested) with each `<folder>/*` entry replaced by that
    folder's pages (`pages`: {path: front matter} of one language) that the nav does not list itself."""
    listed = set(_paths(nav))
    return _expand(nav, pages, listed)


def patterns(nav: list) -> list[str]:
    """The folders of every `<folder>/*` entry in `nav`."""
    return [entry[:-len(WILDCARD)] for entry in _entries(nav) if is_pattern(entry)]


def _expand(items: list, pages: dict[str, dict], listed: set[str]) -> list:
    out = []
    for item in items:
        if is_pattern(item):
            out.extend(ordered(item[:-len(WILDCARD)], pages, listed))
        elif isinstance(item, dict):
            out.append({title: _expand(value, pages, listed) if isinstance(value, list) else value
                        for title, value in item.items()})
        else:
            out.append(item)
    return out


def _entries(items):
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                yield from _entries(value) if isinstance(value, list) else [value]
        else:
            yield item


def _paths(items) -> list[str]:
    return [entry for entry in _entries(items) if isinstance(entry, str) and not is_pattern(entry)]


def _day(meta: dict) -> int | None:
    """The page's date as a day number: an ISO date, else the last day of its year; None when it has neither."""
    value = meta.get("date")
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            value = None  # a date as the source gives it ("7–9 December"): not comparable
    if isinstance(value, datetime.date):
        return value.toordinal()
    year = meta.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        return datetime.date(year, 12, 31).toordinal()
    return None


def _title_key(title) -> str:
    text = unicodedata.normalize("NFKD", fold(str(title or "")))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return "".join(c for c in text if c.isalnum() or c.isspace()).strip()
