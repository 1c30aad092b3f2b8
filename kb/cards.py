"""A section's catalogue as cards with filters: one card per page of the section's kind, with its key facts, and a
filter for each facet its pages have values for, generated at build time. The filters are HTML that
docs/assets/javascripts/catalogue.js brings to life (hidden where scripts do not run); the facts a filter
tests are data attributes on the cards (data-kb-<facet>: the vocabulary terms, space-separated), so without
JavaScript every card is listed, and the script holds no data. Terms, not labels, go to the URL: the same filter
address works in both languages."""
from __future__ import annotations

import html
import posixpath

from kb.data import label, ui, vocabularies
from kb.kinds import kind_of_section
from kb.render import _escape, duration_text, source_date, stated_year, t

SCRIPT = "assets/javascripts/catalogue.js"


def _year(meta: dict) -> str | None:
    year = stated_year(meta)
    return None if year is None else str(year)


def _terms(value) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str | int) and v != ""]


def _statuses(meta: dict) -> list[str]:
    return list(dict.fromkeys(i["status"] for i in meta.get("initiatives") or [] if i.get("status")))


# Facets per kind: (name in the URL and data attribute, UI label key, vocabulary or None, the page's terms).
FACETS = {
    "case-study": [("theme", "themes", "themes", lambda m: _terms(m.get("themes"))),
                   ("region", "region", "regions", lambda m: _terms(m.get("region"))),
                   ("year", "year", None, lambda m: _terms(_year(m)))],
    "workshop-kit": [("theme", "themes", "themes", lambda m: _terms(m.get("themes"))),
                     ("audience", "audience", "audiences", lambda m: _terms(m.get("audience"))),
                     ("duration", "duration", None, lambda m: _terms(m.get("duration")))],
    "initiative-list": [("area", "area", "initiative-areas", lambda m: _terms(m.get("area"))),
                        ("status", "status", "statuses", _statuses)],
    "event": [("region", "region", "regions", lambda m: _terms(m.get("region"))),
              ("year", "year", None, lambda m: _terms(_year(m)))],
    "organisation": [("type", "type", "partner-types", lambda m: _terms(m.get("type"))),
                     ("region", "region", "regions", lambda m: _terms(m.get("region")))],
}
# A duration filter is "fits in": a kit matches "2 hours or less" when it is no longer (the script's data-kb-match).
AT_MOST = {"duration"}


def _option_label(name: str, vocab: str | None, term: str, lang: str) -> str:
    if vocab:
        return label(vocab, term, lang)
    if name in AT_MOST:
        return t(lang, "catalogue")["at_most"].format(duration=duration_text(int(term), lang))
    return term


def _facet_options(name: str, vocab: str | None, values: list[list[str]]) -> list[str]:
    present = {str(v) for vs in values for v in vs}
    if vocab:
        return [term for term in vocabularies()[vocab] if term in present]
    return sorted(present, key=lambda v: int(v) if v.isdigit() else v, reverse=name == "year")


def _filters(kind: str, members: dict, lang: str) -> str:
    """The filter panel: a fieldset per facet that can narrow the list (two options or more, or one that not
    every page has), each option with the number of pages it would show."""
    words = t(lang, "catalogue")
    sets = []
    for name, key, vocab, get in FACETS[kind]:
        values = [[str(v) for v in get(m)] for m in members.values()]
        options = _facet_options(name, vocab, values)
        if not options or (len(options) == 1 and all(values)):
            continue
        match = ' data-kb-match="at-most"' if name in AT_MOST else ""
        boxes = []
        for term in options:
            if name in AT_MOST:
                n = sum(1 for vs in values if vs and int(vs[0]) <= int(term))
            else:
                n = sum(1 for vs in values if term in vs)
            boxes.append(f'<label class="kb-filter"><input type="checkbox" name="{name}" value="{html.escape(term)}">'
                         f' <span>{html.escape(_option_label(name, vocab, term, lang))}'
                         f' <span class="kb-filter__count" data-kb-count>{n}</span></span></label>')
        sets.append(f'<fieldset data-kb-facet="{name}"{match}><legend>{html.escape(t(lang, key))}</legend>'
                    + "".join(boxes) + "</fieldset>")
    if not sets:
        return ""
    total = len(members)
    # Shown from the first paint when scripts run (the head swaps <html class="no-js">), so nothing shifts; on a
    # phone the options are folded behind a button (CSS decides by width, the script only flips aria-expanded).
    label = html.escape(words["filters"])
    return (f'<div class="kb-filters" data-kb-filters>\n<button type="button" class="md-button kb-filters__toggle"'
            f' aria-expanded="false" aria-controls="kb-filter-sets" data-kb-toggle>{label}</button>\n'
            f'<div class="kb-filters__sets" id="kb-filter-sets" role="group" aria-label="{label}">\n'
            + "\n".join(sets) + '\n</div>\n</div>\n\n'
            f'<div class="kb-filters__summary"><p class="kb-filters__status" role="status" data-kb-status'
            f' data-kb-template="{html.escape(words["showing"])}">'
            f'{html.escape(words["showing"].format(n=total, total=total))}</p>'
            f'<button type="button" class="md-button kb-filters__reset" data-kb-reset hidden>'
            f'{html.escape(words["show_all"])}</button></div>\n\n')


def facts(kind: str, meta: dict, lang: str) -> list[tuple[str, str]]:
    """The card's key facts as (label, value), in the page's language; only what the front matter gives."""
    def terms(vocab, value):
        return ("، " if lang == "ar" else ", ").join(label(vocab, v, lang) for v in _terms(value))
    out = []
    if kind == "workshop-kit":
        out.append((t(lang, "duration"), duration_text(meta["duration"], lang)))
        out.append((t(lang, "audience"), terms("audiences", meta.get("audience"))))
    if kind == "initiative-list":
        out.append((t(lang, "area"), terms("initiative-areas", meta.get("area"))))
        out.append((t(lang, "initiatives"), str(len(meta.get("initiatives") or []))))
        if _statuses(meta):
            out.append((t(lang, "status"), terms("statuses", _statuses(meta))))
    if kind == "organisation":
        out.append((t(lang, "type"), terms("partner-types", meta.get("type"))))
    if kind == "event" and meta.get("date"):
        out.append((t(lang, "date"), source_date(str(meta["date"]), lang)))
    if meta.get("region"):
        out.append((t(lang, "region"), terms("regions", meta.get("region"))))
    if meta.get("country"):
        out.append((t(lang, "country"), str(meta["country"])))
    if kind == "case-study" and _year(meta):
        out.append((t(lang, "year"), _year(meta)))
    if kind in ("case-study", "workshop-kit") and meta.get("themes"):
        out.append((t(lang, "themes"), terms("themes", meta.get("themes"))))
    return [(k, v) for k, v in out if v]


def _card(kind: str, rel: str, meta: dict, lang: str, here: str) -> str:
    data = "".join(f' data-kb-{name}="{html.escape(" ".join(str(v) for v in get(meta)))}"'
                   for name, _, _, get in FACETS[kind] if get(meta))
    href = posixpath.relpath(rel, posixpath.dirname(here) or ".")
    title = _escape(meta.get("title") or rel)
    if kind == "initiative-list":
        title = ui()[lang]["quoted"].format(text=title)
    dl = "".join(f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>"
                 for k, v in facts(kind, meta, lang))
    description = _escape(" ".join(str(meta.get("description") or "").split()))
    return (f'<div class="card" role="listitem" data-kb-card{data} markdown>\n\n'
            f"[{title}]({href}){{ .kb-card__title }}\n\n{description}\n\n"
            f'<dl class="kb-card__facts">{dl}</dl>\n\n</div>\n')


def section_catalogue(here: str, pages: dict, lang: str, script: str) -> str:
    """The Markdown appended to a section's index page (`here`: case-studies/index.md ...): filters, the live count
    and a card per page of the section's kind, or ''. `script`: catalogue.js's address relative to the built page."""
    kind = kind_of_section(here.split("/")[0])
    if kind is None:
        return ""
    members = {rel: m for rel, m in pages.items() if m.get("kind") == kind}
    if not members:
        return f"\n\n{t(lang, 'none_yet')}\n"
    cards = "\n".join(_card(kind, rel, m, lang, here) for rel, m in members.items())
    filters = _filters(kind, members, lang)
    tag = f'<script defer src="{html.escape(script)}"></script>\n' if filters else ""
    return f"\n\n{filters}<div class=\"grid cards kb-cards\" role=\"list\" markdown>\n\n{cards}\n</div>\n\n{tag}"
