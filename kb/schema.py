"""The front-matter schema: one pydantic model per kind of page, vocabulary fields checked against
kb/data/vocabularies.yml and sources against kb/data/sources.yml; each validation error becomes a Problem at
its key's line, with today's wording and hint."""
from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from kb.data import sources, vocabularies
from kb.frontmatter import Page, line_of
from kb.kinds import KINDS
from kb.problems import Problem, closest

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")

# Metadata that is not prose: it must be identical in a page and its translation.
SHARED_KEYS = ["kind", "order", "year", "date", "year_stated", "region", "partners", "duration", "agenda",
               "sources", "themes", "area", "audience", "type", "event", "organisers", "related", "featured",
               "initiatives"]


def _fail(message: str, hint: str = ""):
    raise PydanticCustomError("kb", "{message}", {"message": message, "hint": hint})


def _checked(check):
    """A before-validator: a key written with no value is reported as such, then `check` runs."""
    def validate(value):
        if value is None:
            _fail("has no value", "fill it in, or remove the key if it is optional")
        check(value)
        return value
    return BeforeValidator(validate)


def _item(check):
    """A before-validator for a list's items: an empty item is checked as a value (`- ` is not a missing key)."""
    def validate(value):
        check(value)
        return value
    return BeforeValidator(validate)


def _text(v):
    if not isinstance(v, str) or not v.strip():
        _fail("must be non-empty text", "quote it if it contains a colon")


def _positive(v):
    if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
        _fail(f"must be a positive whole number, not {v!r}", "minutes, without units")


def _position(v):
    if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
        _fail(f"must be a positive whole number, not {v!r}",
              "the page's place in its section, lowest first: leave gaps (10, 20, 30) for pages to come")


def _bool(v):
    if not isinstance(v, bool):
        _fail(f"must be true or false, not {v!r}")


def _year(v):
    if not isinstance(v, int) or isinstance(v, bool) or not 1800 <= v <= 2100:
        _fail(f"must be a four-digit year, not {v!r}", "leave it out where the source does not say")


def _date(v):
    if isinstance(v, datetime.date):
        return
    if not isinstance(v, str) or not v.strip():
        _fail(f"must be a date, not {v!r}", 'write "YYYY-MM-DD", or the date as the source gives it')
    if _ISO_DATE.match(v):
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            _fail(f"'{v}' is not a valid date", "write YYYY-MM-DD with a real month and day")


def _slug(v):
    if not isinstance(v, str) or not SLUG.fullmatch(v):
        _fail(f"must be a slug (lowercase letters, digits, hyphens), not {v!r}")


def _path(v):
    if not isinstance(v, str) or not v.endswith(".md") or v.startswith("/") or ".." in v:
        _fail(f"must be a page path relative to the language folder, not {v!r}", "for example case-studies/example.md")


def _source(v):
    if not isinstance(v, str) or v not in sources():
        _fail(f"unknown source '{v}'", closest(v, sources()) + "; sources are listed in kb/data/sources.yml")


def _mapping(v):
    if not isinstance(v, dict):
        _fail("must be a set of keys")


def _term(vocabulary: str):
    def check(v):
        terms = vocabularies().get(vocabulary, {})
        if not isinstance(v, str) or v not in terms:
            _fail(f"unknown {vocabulary} term '{v}'",
                  closest(v, terms) + f"; terms are listed under {vocabulary} in kb/data/vocabularies.yml")
    return check


def _list(v):
    if not isinstance(v, list) or not v:
        _fail("must be a non-empty list", "write it as [a, b] or one '- item' per line")


def _records(v):
    if not isinstance(v, list) or not v:
        _fail("must be a non-empty list", "one '- key: value' entry per item")


Text = Annotated[Any, _checked(_text)]
TextItem = Annotated[Any, _item(_text)]
PathItem = Annotated[Any, _item(_path)]
SourceItem = Annotated[Any, _item(_source)]
PositiveInt = Annotated[Any, _checked(_positive)]
Position = Annotated[Any, _checked(_position)]
Bool = Annotated[Any, _checked(_bool)]
Year = Annotated[Any, _checked(_year)]
Date = Annotated[Any, _checked(_date)]
Slug = Annotated[Any, _checked(_slug)]
PagePath = Annotated[Any, _checked(_path)]
Mapping = Annotated[Any, _checked(_mapping)]


def Term(vocabulary: str, item: bool = False):  # noqa: N802 (a type)
    return Annotated[Any, (_item if item else _checked)(_term(vocabulary))]


def ListOf(item):  # noqa: N802 (a type)
    return Annotated[list[item], _checked(_list)]


def Records(model):  # noqa: N802 (a type)
    return Annotated[list[model], _checked(_records)]


class Record(BaseModel):
    """A set of keys; anything but a mapping is reported as such."""
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _mapping_of_keys(cls, value):
        if not isinstance(value, dict):
            _fail("must be a set of keys: " + ", ".join(cls.model_fields))
        return value


class Partner(Record):
    name: Text
    org: Slug = None
    type: Term("partner-types")
    role: Term("partner-roles")


class AgendaItem(Record):
    minutes: PositiveInt
    title: Text


class Initiative(Record):
    title: Text
    description: Text
    status: Term("statuses") = None


class Common(BaseModel):
    """The keys of every page, with Material's own page keys and the translation record."""
    model_config = ConfigDict(extra="forbid")
    kind: Term("kinds")
    title: Text
    description: Text
    sources: ListOf(SourceItem)
    themes: ListOf(Term("themes", item=True)) = None
    related: ListOf(PathItem) = None
    # Where the page stands in its section's navigation (kb/sections.py): lowest first, before undated pages.
    order: Position = None
    hide: ListOf(TextItem) = None
    search: Mapping = None
    template: Text = None
    icon: Text = None
    translation: Mapping = None


class CaseStudy(Common):
    partners: Records(Partner)
    region: Term("regions")
    country: Text = None
    city: Text = None
    year: Year = None
    date: Date = None
    themes: ListOf(Term("themes", item=True))
    event: PagePath = None


class WorkshopKit(Common):
    # `notice`: that the kit is the knowledge base's suggestion, not a real event's programme; shown first in
    # the kit header, above the agenda (two kits carry the titles of real workshops).
    notice: Text
    audience: ListOf(Term("audiences", item=True))
    duration: PositiveInt
    objectives: ListOf(TextItem)
    agenda: Records(AgendaItem)
    materials: ListOf(TextItem)
    themes: ListOf(Term("themes", item=True))


class InitiativeList(Common):
    area: Term("initiative-areas")
    initiatives: Records(Initiative)


class Event(Common):
    date: Date = None
    year: Year = None
    year_stated: Bool = None
    city: Text = None
    country: Text = None
    region: Term("regions") = None
    organisers: ListOf(PathItem) = None


class Organisation(Common):
    type: Term("partner-types")
    country: Text = None
    city: Text = None
    region: Term("regions") = None
    url: Text = None


class GeneralPage(Common):
    sources: ListOf(SourceItem) = None
    # The home page's featured pages (kb/home.py), paths relative to the language folder.
    featured: ListOf(PathItem) = None


SCHEMA: dict[str, type[Common]] = {"case-study": CaseStudy, "workshop-kit": WorkshopKit,
                                   "initiative-list": InitiativeList, "event": Event, "organisation": Organisation,
                                   "page": GeneralPage}
assert set(SCHEMA) == set(KINDS), "kb/kinds.py and the schema name different kinds"


def fields(kind: str) -> dict[str, tuple[None, bool]]:
    """All keys a page of `kind` may have, with whether each is required."""
    return {name: (None, f.is_required()) for name, f in SCHEMA.get(kind, GeneralPage).model_fields.items()}


def _model_at(model: type[BaseModel], prefix: tuple) -> type[BaseModel]:
    """The record model at a key path (("partners", 0) -> Partner)."""
    for key in prefix:
        if isinstance(key, str):
            annotation = model.model_fields[key].annotation
            model = next((a for a in getattr(annotation, "__args__", ()) if isinstance(a, type)
                          and issubclass(a, BaseModel)), model)
    return model


def _problem(page: Page, model: type[BaseModel], error: dict) -> Problem:
    loc = tuple(error["loc"])
    where = ".".join(map(str, loc))
    if error["type"] == "missing":
        prefix = loc[:-1]
        return Problem(page.path, line_of(page, *prefix) if prefix else 1, where, "missing",
                       f"required in {'.'.join(map(str, prefix)) or 'the front matter'}")
    if error["type"] == "extra_forbidden":
        return Problem(page.path, line_of(page, *loc), where, "unknown key",
                       closest(loc[-1], _model_at(model, loc[:-1]).model_fields))
    ctx = error.get("ctx") or {}
    return Problem(page.path, line_of(page, *loc), where, ctx.get("message", error["msg"]), ctx.get("hint", ""))


def check_meta(page: Page) -> list[Problem]:
    """Front matter against the model of the page's kind (without a kind: the keys every page has)."""
    kind = page.meta.get("kind")
    if kind is not None and (not isinstance(kind, str) or kind not in SCHEMA):
        return [Problem(page.path, line_of(page, "kind"), "kind", f"unknown kind '{kind}'", closest(kind, SCHEMA))]
    model = SCHEMA[kind or "page"]
    try:
        model.model_validate(page.meta)
        out = []
    except ValidationError as e:
        out = [_problem(page, model, error) for error in e.errors(include_url=False)]
    return out + (check_agenda(page) if kind == "workshop-kit" else [])


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
