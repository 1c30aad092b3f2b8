"""How a page is cited and described to reference managers and harvesters: one record per page (the knowledge
base itself as corporate author, in the page's language; the date of the page's last change), and from it the
<head> metadata (Dublin Core, Highwire citation_*, Open Graph), the formatted reference and the BibTeX, RIS and
CSL-JSON files. Pure functions; hooks/citation.py feeds them and the templates render the results.

The formatted reference is written here from kb/data/ui.yml rather than by citeproc-py: its one bundled style
(harvard-cite-them-right) joins the parts with Latin commas on Arabic text, italicises the Arabic title, gives
only the year, and its Arabic locale renders "Available at" as «موجود في»."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date

from kb.data import label, ui

# Open Graph wants language_TERRITORY: British English (the site's spelling), Arabic without a country.
OG_LOCALE = {"en": "en_GB", "ar": "ar_AR"}
BIBLATEX_LANGID = {"en": "british", "ar": "arabic"}
FORMATS = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems",
           "json": "application/vnd.citationstyles.csl+json"}


@dataclass(frozen=True)
class Record:
    key: str            # stable, ASCII, from the page's path: lpkb-en-case-studies-x
    lang: str
    title: str
    author: str         # the knowledge base, in the page's language
    description: str
    url: str            # absolute
    modified: date      # the page's last change
    themes: tuple[str, ...] = ()   # labels in the page's language

    @property
    def licence(self) -> dict:
        return ui()[self.lang]["licence"]


def key_for(lang: str, path: str) -> str:
    """lpkb-<lang>-<path without .md and index>: case-studies/x.md -> lpkb-en-case-studies-x, index.md -> lpkb-en."""
    stem = re.sub(r"(^|/)index\.md$|\.md$", "", path)
    return "-".join(filter(None, ["lpkb", lang, re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()]))


def record(lang: str, path: str, meta: dict, title: str, site_name: str, url: str, modified: date) -> Record:
    themes = tuple(label("themes", t, lang) for t in meta.get("themes") or [] if isinstance(t, str))
    return Record(key_for(lang, path), lang, str(meta.get("title") or title), site_name,
                  " ".join(str(meta.get("description") or "").split()), url, modified, themes)


def head_meta(rec: Record, other_langs: list[str]) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> for the page's <head>, in order. DC.* without a schema.DC
    <link>: Zotero and extruct read the DC prefix as Dublin Core elements by default, and a <link> to purl.org
    is an address the site would name as a resource. og:type "website" makes Zotero save a web page (its
    embedded-metadata reader guesses a journal article from citation_title alone)."""
    day = rec.modified.isoformat()
    licence = rec.licence
    out = [("name", "DC.title", rec.title), ("name", "DC.creator", rec.author), ("name", "DC.publisher", rec.author),
           ("name", "DC.date", day), ("name", "DC.language", rec.lang), ("name", "DC.type", "Text"),
           ("name", "DC.format", "text/html"), ("name", "DC.identifier", rec.url),
           ("name", "DC.rights", f"{licence['name']} ({licence['short']}): {licence['url']}")]
    if rec.description:
        out.append(("name", "DC.description", rec.description))
    out += [("name", "DC.subject", t) for t in rec.themes]
    out += [("name", "citation_title", rec.title), ("name", "citation_author", rec.author),
            ("name", "citation_publisher", rec.author), ("name", "citation_date", rec.modified.strftime("%Y/%m/%d")),
            ("name", "citation_language", rec.lang), ("name", "citation_public_url", rec.url)]
    if rec.themes:
        out.append(("name", "citation_keywords", "; ".join(rec.themes)))
    out += [("property", "og:type", "website"), ("property", "og:title", rec.title),
            ("property", "og:site_name", rec.author), ("property", "og:url", rec.url),
            ("property", "og:locale", OG_LOCALE[rec.lang])]
    out += [("property", "og:locale:alternate", OG_LOCALE[other]) for other in other_langs]
    if rec.description:
        out.append(("property", "og:description", rec.description))
    return out


# ── The reference and its files ─────────────────────────────────────────────────────────────────────────

def long_date(rec: Record) -> str:
    return _long_date(rec.modified, rec.lang)


@functools.lru_cache(maxsize=1024)  # most pages share their last change's day
def _long_date(day: date, lang: str) -> str:
    from babel.dates import format_date
    return format_date(day, format="long", locale=lang)


def reference(rec: Record) -> dict:
    """The formatted reference's parts in the page's language: author, title, site, date, url (the template
    joins them with the language's punctuation, from ui.yml's cite.reference)."""
    return {"author": rec.author, "title": rec.title, "site": rec.author, "date": long_date(rec), "url": rec.url}


def csl_json(rec: Record) -> str:
    item = {"id": rec.key, "type": "webpage", "title": rec.title, "author": [{"literal": rec.author}],
            "container-title": rec.author, "publisher": rec.author, "language": rec.lang, "URL": rec.url,
            "issued": {"date-parts": [[rec.modified.year, rec.modified.month, rec.modified.day]]},
            "license": rec.licence["url"]}
    if rec.description:
        item["abstract"] = rec.description
    if rec.themes:
        item["keyword"] = ", ".join(rec.themes)
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


_BIB_SPECIAL = re.compile(r"([&%$#_{}~^\\])")


def _bib(text: str) -> str:
    def escape(m):
        c = m.group(1)
        return {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}.get(c, "\\" + c)
    return _BIB_SPECIAL.sub(escape, " ".join(text.split()))


def bibtex(rec: Record) -> str:
    """A biblatex @online entry (BibTeX reads it as @misc); the corporate author in double braces, so it is
    never split into given and family names."""
    fields = [("author", "{" + _bib(rec.author) + "}"), ("title", _bib(rec.title)),
              ("organization", _bib(rec.author)), ("date", rec.modified.isoformat()),
              ("year", str(rec.modified.year)), ("url", rec.url), ("langid", BIBLATEX_LANGID[rec.lang]),
              ("note", _bib(f"{rec.licence['short']}"))]
    if rec.themes:
        fields.append(("keywords", _bib(", ".join(rec.themes))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{rec.key},\n{body}\n}}\n"


def ris(rec: Record) -> str:
    """RIS (TY ELEC, a web page); the corporate author without a comma, which Zotero and EndNote keep whole."""
    day = rec.modified
    lines = [("TY", "ELEC"), ("AU", rec.author), ("TI", rec.title), ("T2", rec.author), ("PB", rec.author),
             ("PY", str(day.year)), ("DA", day.strftime("%Y/%m/%d")), ("UR", rec.url), ("LA", rec.lang)]
    if rec.description:
        lines.append(("AB", rec.description))
    lines += [("KW", t) for t in rec.themes]
    lines += [("ID", rec.key), ("ER", "")]
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def files(rec: Record) -> dict[str, str]:
    """{extension: text} of the page's citation files."""
    return {"bib": bibtex(rec), "ris": ris(rec), "json": csl_json(rec)}
