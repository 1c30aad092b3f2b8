"""The front-matter schema of each kind of page, and the check of a page's front matter against it: every
problem with its line (the key's line in the file), field path and a hint.

A field is (type, required). Types: "text" (non-empty string), "int", "position" (a positive int), "bool",
"year", "date" (ISO date or the date as the source gives it), "path" (page path relative to the language
folder), "slug", "source" (an id of kb/data/sources.yml), "mapping" (free), "vocab:<name>" (a term of
kb/data/vocabularies.yml), "list:<type>", or a list or dict (records with their own fields)."""
from __future__ import annotations

import datetime
import re

from kb.data import sources, vocabularies
from kb.frontmatter import Page, line_of
from kb.kinds import KINDS
from kb.problems import Problem, closest

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

PARTNER = {"name": ("text", True), "org": ("slug", False), "type": ("vocab:partner-types", True),
           "role": ("vocab:partner-roles", True)}
AGENDA_ITEM = {"minutes": ("int", True), "title": ("text", True)}
INITIATIVE = {"title": ("text", True), "description": ("text", True), "status": ("vocab:statuses", False)}

COMMON = {
    "kind": ("vocab:kinds", True),
    "title": ("text", True),
    "description": ("text", True),
    "sources": ("list:source", True),
    "themes": ("list:vocab:themes", False),
    "related": ("list:path", False),
    # Where the page stands in its section's navigation (kb/sections.py): lowest first, before undated pages.
    "order": ("position", False),
    # Material's own page keys, and the translation record kept by the translation-status command.
    "hide": ("list:text", False),
    "search": ("mapping", False),
    "template": ("text", False),
    "icon": ("text", False),
    "translation": ("mapping", False),
}

SCHEMA: dict[str, dict] = {
    "case-study": {"partners": ([PARTNER], True), "region": ("vocab:regions", True),
                   "country": ("text", False), "city": ("text", False), "year": ("year", False),
                   "date": ("date", False), "themes": ("list:vocab:themes", True), "event": ("path", False)},
    # `notice`: that the kit is the knowledge base's suggestion, not a real event's programme; shown first in
    # the kit header, above the agenda (two kits carry the titles of real workshops).
    "workshop-kit": {"notice": ("text", True), "audience": ("list:vocab:audiences", True),
                     "duration": ("int", True), "objectives": ("list:text", True), "agenda": ([AGENDA_ITEM], True),
                     "materials": ("list:text", True), "themes": ("list:vocab:themes", True)},
    "initiative-list": {"area": ("vocab:initiative-areas", True), "initiatives": ([INITIATIVE], True)},
    "event": {"date": ("date", False), "year": ("year", False), "year_stated": ("bool", False),
              "city": ("text", False), "country": ("text", False), "region": ("vocab:regions", False),
              "organisers": ("list:path", False)},
    "organisation": {"type": ("vocab:partner-types", True), "country": ("text", False),
                     "city": ("text", False), "region": ("vocab:regions", False), "url": ("text", False)},
    "page": {"sources": ("list:source", False)},
}
assert set(SCHEMA) == set(KINDS), "kb/kinds.py and the schema name different kinds"

# Metadata that is not prose: it must be identical in a page and its translation.
SHARED_KEYS = ["kind", "order", "year", "date", "year_stated", "region", "partners", "duration", "agenda", "sources",
               "themes", "area", "audience", "type", "event", "organisers", "related", "initiatives"]


def fields(kind: str) -> dict:
    """All keys a page of `kind` may have, with (type, required)."""
    return {**COMMON, **SCHEMA.get(kind, {})}


_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _check_value(page: Page, keys: tuple, value, spec, out: list[Problem]) -> None:
    def bad(message, hint=""):  # the line is looked up only for a problem: most values have none
        out.append(Problem(page.path, line_of(page, *keys), ".".join(str(k) for k in keys), message, hint))

    if isinstance(spec, list):  # a list of records
        if not isinstance(value, list) or not value:
            return bad("must be a non-empty list", "one '- key: value' entry per item")
        for i, item in enumerate(value):
            _check_value(page, (*keys, i), item, spec[0], out)
        return
    if isinstance(spec, dict):  # a record
        if not isinstance(value, dict):
            return bad("must be a set of keys: " + ", ".join(spec))
        _check_keys(page, keys, value, spec, out)
        return
    if spec.startswith("list:"):
        if not isinstance(value, list) or not value:
            return bad("must be a non-empty list", "write it as [a, b] or one '- item' per line")
        for i, item in enumerate(value):
            _check_value(page, (*keys, i), item, spec[5:], out)
        return
    if spec == "text":
        if not isinstance(value, str) or not value.strip():
            bad("must be non-empty text", "quote it if it contains a colon")
    elif spec == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            bad(f"must be a positive whole number, not {value!r}", "minutes, without units")
    elif spec == "position":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            bad(f"must be a positive whole number, not {value!r}",
                "the page's place in its section, lowest first: leave gaps (10, 20, 30) for pages to come")
    elif spec == "bool":
        if not isinstance(value, bool):
            bad(f"must be true or false, not {value!r}")
    elif spec == "year":
        if not isinstance(value, int) or isinstance(value, bool) or not 1800 <= value <= 2100:
            bad(f"must be a four-digit year, not {value!r}", "leave it out where the source does not say")
    elif spec == "date":
        if isinstance(value, datetime.date):
            return
        if not isinstance(value, str) or not value.strip():
            return bad(f"must be a date, not {value!r}", 'write "YYYY-MM-DD", or the date as the source gives it')
        if _ISO_DATE.match(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                bad(f"'{value}' is not a valid date", "write YYYY-MM-DD with a real month and day")
    elif spec == "slug":
        if not isinstance(value, str) or not SLUG.fullmatch(value):
            bad(f"must be a slug (lowercase letters, digits, hyphens), not {value!r}")
    elif spec == "path":
        if not isinstance(value, str) or not value.endswith(".md") or value.startswith("/") or ".." in value:
            bad(f"must be a page path relative to the language folder, not {value!r}",
                "for example case-studies/example.md")
    elif spec == "source":
        if value not in sources():
            bad(f"unknown source '{value}'", closest(value, sources()) + "; sources are listed in kb/data/sources.yml")
    elif spec == "mapping":
        if not isinstance(value, dict):
            bad("must be a set of keys")
    elif spec.startswith("vocab:"):
        vocab = spec[6:]
        terms = vocabularies().get(vocab, {})
        if not isinstance(value, str) or value not in terms:
            bad(f"unknown {vocab} term '{value}'",
                closest(value, terms) + f"; terms are listed under {vocab} in kb/data/vocabularies.yml")


def _check_keys(page: Page, prefix: tuple, data: dict, spec: dict, out: list[Problem]) -> None:
    where = ".".join(str(k) for k in prefix)
    for key, value in data.items():
        if key not in spec:
            out.append(Problem(page.path, line_of(page, *prefix, key), ".".join(map(str, (*prefix, key))),
                               "unknown key", closest(key, spec)))
        elif value is None:
            out.append(Problem(page.path, line_of(page, *prefix, key), ".".join(map(str, (*prefix, key))),
                               "has no value", "fill it in, or remove the key if it is optional"))
        else:
            _check_value(page, (*prefix, key), value, spec[key][0], out)
    for key, (_, required) in spec.items():
        if required and key not in data:
            out.append(Problem(page.path, line_of(page, *prefix) if prefix else 1,
                               ".".join(map(str, (*prefix, key))), "missing",
                               f"required in {where or 'the front matter'}"))


def check_meta(page: Page) -> list[Problem]:
    """Front matter against the schema of the page's kind."""
    out: list[Problem] = []
    kind = page.meta.get("kind")
    if kind is not None and kind not in SCHEMA:
        out.append(Problem(page.path, line_of(page, "kind"), "kind", f"unknown kind '{kind}'",
                           closest(kind, SCHEMA)))
        return out
    # Without a kind, check the keys every page has (a missing kind is reported as such).
    _check_keys(page, (), page.meta, fields(kind or "page"), out)
    if kind == "workshop-kit":
        out += check_agenda(page)
    return out


def check_agenda(page: Page) -> list[Problem]:
    """A workshop kit's agenda minutes add up to its duration."""
    agenda, duration = page.meta.get("agenda"), page.meta.get("duration")
    if not isinstance(agenda, list) or not isinstance(duration, int):
        return []
    minutes = [a.get("minutes") for a in agenda if isinstance(a, dict)]
    if not all(isinstance(m, int) for m in minutes):
        return []
    total = sum(minutes)
    if total == duration:
        return []
    return [Problem(page.path, line_of(page, "agenda"), "agenda",
                    f"the parts add up to {total} minutes, but duration is {duration}",
                    "change the parts' minutes or the duration so they agree")]
