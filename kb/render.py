"""Rendering content data for readers: UI strings, durations, agenda times, the Sources section and the
generated catalogues (Markdown), in English or Arabic. Pure functions, used by the hooks and templates."""
from __future__ import annotations

import datetime
import functools
import json
import posixpath
import re

from kb.data import label, sources, ui, vocabularies
from kb.kinds import SECTIONS


def t(lang: str, key: str, **values) -> str:
    """The UI string `key` in `lang` (from kb/data/ui.yml), formatted with `values`."""
    text = ui()[lang][key]
    return text.format(**values) if values else text


def plural(forms: dict, n: int, lang: str) -> str:
    """The form of a count in `lang` by CLDR's plural rules (Babel): Arabic has one, two, few (3–10, 103–110 ...),
    many (11–99 ...), zero and other (100 ...). A form not given is "many"'s, zero's "other"'s when given: the
    forms of most counts are the same for 11 and 100, not «محور» (11 محورًا، 100 محور)."""
    category = _plural_rule(lang)(n)
    if category not in forms:
        category = "other" if category == "zero" and "other" in forms else "many"
    return forms[category].format(n=n)


@functools.cache
def _plural_rule(lang: str):
    from babel import Locale
    return Locale.parse(lang).plural_form


def duration_text(minutes: int, lang: str) -> str:
    """180 -> "3 hours" / "3 ساعات", 90 -> "1 hour 30 minutes" / "ساعة ونصف", 100 -> "ساعة واحدة و40 دقيقة"."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest == 30:
        return plural(ui()[lang]["hours_and_half"], hours, lang)
    parts = []
    if hours:
        parts.append(plural(ui()[lang]["hours"], hours, lang))
    if rest or not hours:
        parts.append(plural(ui()[lang]["mins"], rest, lang))
    return ui()[lang]["and"].join(parts)


def agenda_rows(agenda: list[dict]) -> list[tuple[str, int, str]]:
    """(start time as H:MM from the beginning, minutes, title) of each agenda part."""
    rows, start = [], 0
    for part in agenda:
        rows.append((f"{start // 60}:{start % 60:02d}", part["minutes"], part["title"]))
        start += part["minutes"]
    return rows


def _escape(text: str) -> str:
    return re.sub(r"([\\\[\]*_`<>])", r"\\\1", str(text))


def source_entry(source_id: str, lang: str) -> str:
    """One source as a line of text: title as given, type, publisher, place, date (or "date not stated")."""
    s = sources()[source_id]
    title = s.get("title_ar") if lang == "ar" and s.get("title_ar") else s["title"]
    parts = [f"*{_escape(title)}*"]
    for key in ("type", "publisher", "place"):
        value = s.get(key)
        if isinstance(value, dict):
            value = value.get(lang) or value.get("en")
        if value:
            parts.append(_escape(value))
    parts.append(_escape(source_date(s["date"], lang)) if s.get("date") else t(lang, "date_not_stated"))
    return ("، " if lang == "ar" else ". ").join(parts) + ("." if lang == "en" else "")


def source_date(value: str, lang: str) -> str:
    """A source's date as the prose writes it ("1 May 2025", «1 مايو 2025»): an ISO date in the page's
    language; any other form as the document gives it ("7–9 December"), its month names in the page's language."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        if lang == "en":
            return value
        names = _month_names(lang)
        return re.sub(r"\b(?:" + "|".join(names) + r")\b", lambda m: names[m[0]], value)
    from babel.dates import format_date  # imported here: most callers never format a date
    return format_date(day, "d MMMM y", locale=lang)


@functools.cache
def _month_names(lang: str) -> dict[str, str]:
    """{English month name: `lang`'s}, from Babel's CLDR data (the names its ISO dates use)."""
    from babel.dates import get_month_names
    english, local = get_month_names("wide", locale="en"), get_month_names("wide", locale=lang)
    return {english[n]: local[n] for n in english}


def stated_year(meta: dict) -> int | None:
    """The year the source gives: `year`, or an ISO date's; never one read from a date the source states
    without it (`year_stated: false`)."""
    if isinstance(meta.get("year"), int) and not isinstance(meta.get("year"), bool):
        return meta["year"]
    date = meta.get("date")
    if isinstance(date, datetime.date):
        return date.year
    if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", date) and meta.get("year_stated") is not False:
        return int(date[:4])
    return None


def sources_section(source_ids: list[str], lang: str) -> str:
    """The Markdown of the localised Sources section (heading id `sources`)."""
    items = "\n".join(f"1. {source_entry(s, lang)}" for s in source_ids if s in sources())
    return f"\n\n## {t(lang, 'sources')} {{#sources}}\n\n{items}\n"


# ── Catalogues ────────────────────────────────────────────────────────────────────────────────────

def _link(meta: dict, target: str, here: str) -> str:
    href = posixpath.relpath(target, posixpath.dirname(here) or ".")
    text = f"[{_escape(meta.get('title') or target)}]({href})"
    return f"- {text}: {_escape(meta['description'])}" if meta.get("description") else f"- {text}"


def _of_kind(pages: dict, kind: str) -> dict:
    return {rel: m for rel, m in pages.items() if m.get("kind") == kind}


def _front_matter(title: str, description: str) -> str:
    def dump(s):  # JSON strings are YAML strings
        return json.dumps(s, ensure_ascii=False)
    return f"---\nkind: page\ntitle: {dump(title)}\ndescription: {dump(description)}\n---\n"


def theme_path(term: str) -> str:
    return f"themes/{term}.md"


def theme_page(term: str, pages: dict, lang: str) -> str:
    """The generated page of one theme: its pages grouped by kind."""
    name = label("themes", term, lang)
    here = theme_path(term)
    out = [_front_matter(name, t(lang, "theme_description", theme=name)),
           f"# {name}\n"]
    matching = {rel: m for rel, m in pages.items() if term in (m.get("themes") or [])
                and m.get("kind") != "page"}
    if not matching:
        out.append(t(lang, "none_yet"))
    for kind, section in SECTIONS.items():
        of_kind = _of_kind(matching, kind)
        if of_kind:
            out.append(f"## {label('kinds', kind, lang)} {{#{section}}}\n")
            out += [_link(m, rel, here) for rel, m in of_kind.items()]
            out.append("")
    return "\n".join(out) + "\n"


def themes_index(pages: dict, lang: str) -> str:
    """The generated themes index: every theme with its number of pages."""
    out = [_front_matter(t(lang, "themes_title"), t(lang, "themes_description")),
           f"# {t(lang, 'themes_title')}\n", t(lang, "themes_description") + "\n"]
    for term in vocabularies()["themes"]:
        n = sum(1 for m in pages.values() if term in (m.get("themes") or []) and m.get("kind") != "page")
        out.append(f"- [{label('themes', term, lang)}]({term}.md): {t(lang, 'count_pages', n=n)}")
    return "\n".join(out) + "\n"


def theme_files(pages: dict, lang: str) -> dict[str, str]:
    """Every generated theme page of a language: {path relative to the language folder: Markdown}."""
    files = {"themes/index.md": themes_index(pages, lang)}
    for term in vocabularies()["themes"]:
        files[theme_path(term)] = theme_page(term, pages, lang)
    return files

