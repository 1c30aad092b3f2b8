"""schema.org JSON-LD of one page, per kind, from its citation record (kb/citation.py) and its front matter only:
case study -> Article, workshop kit -> LearningResource, initiative list -> ItemList, event -> Event,
organisation -> Organization, the glossary -> DefinedTermSet, any other page -> WebPage. Article, LearningResource
and DefinedTermSet are creative works and carry the translation links themselves; an ItemList, Event or
Organization is not one, so the page is a WebPage whose mainEntity it is. Author and publisher are the knowledge
base, named in the page's language. Pure; hooks/citation.py feeds it and head-meta.html renders it with |tojson."""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from kb.citation import Record
from kb.data import label

WORKS = {"case-study": "Article", "workshop-kit": "LearningResource", "glossary": "DefinedTermSet"}
THINGS = {"initiative-list": "ItemList", "event": "Event", "organisation": "Organization"}


def duration(minutes: int) -> str:
    """120 -> PT2H, 90 -> PT1H30M, 45 -> PT45M (ISO 8601)."""
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def event_date(meta: dict) -> str | None:
    """The date the source gives, with its year; none for a day and month without a year (year_stated: false)."""
    date = meta.get("date")
    if meta.get("year_stated") is not False:
        if isinstance(date, datetime.date):
            return date.isoformat()
        if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            return date
    return str(meta["year"]) if isinstance(meta.get("year"), int) else None


def _place(meta: dict) -> dict | None:
    address = {k: meta[f] for k, f in (("addressLocality", "city"), ("addressCountry", "country")) if meta.get(f)}
    return {"@type": "Place", "address": {"@type": "PostalAddress", **address}} if address else None


def _thing(kind: str, rec: Record, meta: dict, link: Callable[[str], dict | None]) -> dict:
    node = {"@type": THINGS[kind], "name": rec.title}
    if rec.description:
        node["description"] = rec.description
    if kind == "initiative-list":
        items = [i for i in meta.get("initiatives") or [] if isinstance(i, dict)]
        node["numberOfItems"] = len(items)
        node["itemListElement"] = [
            {"@type": "ListItem", "position": n, "name": str(i.get("title", "")),
             **({"description": " ".join(str(i["description"]).split())} if i.get("description") else {})}
            for n, i in enumerate(items, 1)]
    elif kind == "event":
        if day := event_date(meta):
            node["startDate"] = day
        if place := _place(meta):
            node["location"] = place
        organisers = [link(p) for p in meta.get("organisers") or []]
        if organisers := [o for o in organisers if o]:
            node["organizer"] = organisers
    elif kind == "organisation":
        if meta.get("url"):
            node["url"] = meta["url"]
        if place := _place(meta):
            node["address"] = place["address"]
    return node


def document(rec: Record, meta: dict, kind: str, home: str, translations: dict[str, tuple[str, str]],
             terms: list[dict] | None = None, link: Callable[[str], dict | None] = lambda p: None) -> dict:
    """The page's JSON-LD. `kind`: the front matter's, or "glossary"; `home`: the site's root in the page's
    language; `translations`: {"workTranslation" | "translationOfWork": (lang, absolute url)} of the counterpart;
    `terms`: the glossary's DefinedTerms; `link(path)`: a page (organisers) as {"@type", "@id", "name"}."""
    kb = {"@type": "Organization", "name": rec.author, "url": home}
    work = WORKS.get(kind, "WebPage")
    page = {"@context": "https://schema.org", "@type": work, "@id": rec.url, "url": rec.url, "name": rec.title,
            "inLanguage": rec.lang, "author": kb, "publisher": kb, "dateModified": rec.modified.isoformat(),
            "license": rec.licence["url"]}
    if rec.description:
        page["description"] = rec.description
    if rec.themes:
        page["keywords"] = list(rec.themes)
    for relation, (lang, url) in translations.items():
        page[relation] = {"@type": work, "@id": url, "url": url, "inLanguage": lang}
    if kind == "case-study":
        page["headline"] = rec.title
    elif kind == "workshop-kit":
        if isinstance(meta.get("duration"), int):
            page["timeRequired"] = duration(meta["duration"])
        page["audience"] = [{"@type": "Audience", "audienceType": label("audiences", a, rec.lang)}
                            for a in meta.get("audience") or []]
        page["teaches"] = [" ".join(str(o).split()) for o in meta.get("objectives") or []]
        page["learningResourceType"] = "workshop"
    elif kind == "glossary":
        page["hasDefinedTerm"] = terms or []
    elif kind in THINGS:
        page["mainEntity"] = _thing(kind, rec, meta, link)
    return page
