"""Open data and feeds: the catalogue (every case study, workshop kit, initiative list and its initiatives, event
and organisation, with its metadata and URL) as JSON and CSV per language with one JSON Schema, and an Atom feed
per language of the pages by their last change. Rows come from the pages' front matter as the build read it
(hooks/citation.py collects them); ids are the pages' paths, the same in both languages.

The CSV starts with a byte-order mark: Excel, the spreadsheet most librarians open a CSV in, reads a UTF-8 file
without one in the legacy code page (Arabic turns to mojibake); LibreOffice, Google Sheets, pandas and Python's
utf-8-sig read the mark as an encoding signature and drop it."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from kb.data import label, ui
from kb.kinds import SECTIONS

CATALOGUE_KINDS = tuple(SECTIONS)  # case-study, workshop-kit, initiative-list, event, organisation
COLUMNS = ["id", "kind", "kind_label", "title", "description", "url", "translation_url", "last_changed",
           "themes", "region", "country", "city", "year", "date", "type", "duration_minutes", "audience",
           "area", "status", "part_of"]
LIST_COLUMNS = {"themes", "audience"}
ATOM = "http://www.w3.org/2005/Atom"


def page_id(path: str) -> str:
    """case-studies/x.md -> case-studies/x: the page's path, the same in every language."""
    return path[:-len(".md")]


def rows(lang: str, path: str, meta: dict, url: str, translation_url: str, last_changed: str) -> list[dict]:
    """The catalogue rows of one page: the page itself, and for an initiative list each of its initiatives."""
    kind = meta.get("kind")
    if kind not in CATALOGUE_KINDS or path.endswith("index.md"):
        return []

    def vocab(name, term):
        return label(name, term, lang) if isinstance(term, str) else None

    row = {"id": page_id(path), "kind": kind, "kind_label": label("kinds", kind, lang), "title": meta.get("title"),
           "description": " ".join(str(meta.get("description") or "").split()), "url": url,
           "translation_url": translation_url, "last_changed": last_changed,
           "themes": [label("themes", t, lang) for t in meta.get("themes") or []],
           "region": vocab("regions", meta.get("region")), "country": meta.get("country"), "city": meta.get("city"),
           "year": meta.get("year"), "date": str(meta["date"]) if meta.get("date") else None,
           "type": vocab("partner-types", meta.get("type")) if kind == "organisation" else None,
           "duration_minutes": meta.get("duration"),
           "audience": [label("audiences", a, lang) for a in meta.get("audience") or []],
           "area": vocab("initiative-areas", meta.get("area")), "status": None, "part_of": None}
    out = [row]
    for n, item in enumerate(meta.get("initiatives") or [], start=1):
        out.append({**{c: None for c in COLUMNS}, "id": f"{row['id']}#{n}", "kind": "initiative",
                    "kind_label": ui()[lang]["opendata"]["initiative"], "title": item.get("title"),
                    "description": " ".join(str(item.get("description") or "").split()), "url": url,
                    "translation_url": translation_url, "last_changed": last_changed, "themes": [],
                    "audience": [], "area": row["area"], "status": vocab("statuses", item.get("status")),
                    "part_of": row["id"]})
    return out


def catalogue_json(lang: str, site_name: str, licence_url: str, items: list[dict]) -> str:
    doc = {"$schema": "catalogue.schema.json", "title": site_name, "language": lang, "license": licence_url,
           "items": sorted(items, key=lambda r: r["id"])}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def catalogue_csv(items: list[dict]) -> str:
    """RFC 4180 CSV (CRLF, quoted where needed), lists joined with '; ', a byte-order mark first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for r in sorted(items, key=lambda r: r["id"]):
        writer.writerow({c: "; ".join(r[c]) if c in LIST_COLUMNS else ("" if r[c] is None else r[c]) for c in COLUMNS})
    return "\ufeff" + out.getvalue()


def schema() -> str:
    text = {"type": "string", "minLength": 1}
    maybe = {"type": ["string", "null"]}
    item = {"type": "object", "additionalProperties": False, "required": COLUMNS, "properties": {
        "id": {**text, "pattern": r"^[a-z0-9-]+/[a-z0-9-]+(#[0-9]+)?$",
               "description": "The page's path (the same in both languages); #n for the n-th initiative of a list"},
        "kind": {"enum": [*CATALOGUE_KINDS, "initiative"]}, "kind_label": text, "title": text,
        "description": {"type": "string"}, "url": {**text, "format": "uri"},
        "translation_url": {**text, "format": "uri"}, "last_changed": {**text, "format": "date"},
        "themes": {"type": "array", "items": text}, "region": maybe, "country": maybe, "city": maybe,
        "year": {"type": ["integer", "null"]}, "date": maybe, "type": maybe,
        "duration_minutes": {"type": ["integer", "null"], "minimum": 1},
        "audience": {"type": "array", "items": text}, "area": maybe, "status": maybe,
        "part_of": {"type": ["string", "null"]}}}
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "catalogue.schema.json",
           "title": "Library Partnerships Knowledge Base catalogue",
           "description": "Every case study, workshop kit, initiative list and initiative, event and organisation "
                          "of one language, with labels in that language. The CSV files have the same columns "
                          "(lists joined with '; ', empty for null) and start with a UTF-8 byte-order mark.",
           "type": "object", "required": ["title", "language", "license", "items"],
           "properties": {"$schema": {"type": "string"}, "title": text, "language": {"enum": ["en", "ar"]},
                          "license": {**text, "format": "uri"}, "items": {"type": "array", "items": item}}}
    return json.dumps(doc, indent=1) + "\n"


# ── Atom ──────────────────────────────────────────────────────────────────────────────────────────────

def _stamp(timestamp: float) -> str:
    return datetime.fromtimestamp(int(timestamp), tz=UTC).isoformat().replace("+00:00", "Z")


def atom(lang: str, title: str, home: str, self_url: str, rights: str, entries: list[dict]) -> str:
    """An Atom 1.0 feed (RFC 4287) of `entries` ({url, title, summary, updated: timestamp}), newest first."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text
        return el

    entries = sorted(entries, key=lambda e: (-e["updated"], e["url"]))
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    sub(feed, "id", home)
    sub(feed, "title", title)
    sub(feed, "updated", _stamp(max((e["updated"] for e in entries), default=0)))
    sub(feed, "author").append(_named(title))
    sub(feed, "link", rel="alternate", type="text/html", href=home, hreflang=lang)
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "rights", rights)
    for e in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", e["url"])
        sub(entry, "title", e["title"])
        sub(entry, "updated", _stamp(e["updated"]))
        sub(entry, "link", rel="alternate", type="text/html", href=e["url"], hreflang=lang)
        if e.get("summary"):
            sub(entry, "summary", e["summary"])
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _named(name: str) -> ET.Element:
    el = ET.Element(f"{{{ATOM}}}name")
    el.text = name
    return el
