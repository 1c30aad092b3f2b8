"""The map page's generated parts, in the page's language: the partnership map (kb/svgmap.py's SVG, its legend and
the same nodes and edges as a list, the list being what screen readers and keyboards use) and the events
timeline (an event is placed on it only by a year the source states; the others are listed apart, with their
date as the source gives it). Each part replaces its marker in the built page (hooks/map.py)."""
from __future__ import annotations

import datetime
import html

from kb import graph as partnership
from kb import svgmap
from kb.data import label, ui
from kb.render import source_date, stated_year

PAGE = "map.md"
SCRIPT = "assets/javascripts/map.js"
# The page's own stylesheet, in its <head> (overrides/main.html reads page.meta.kb_stylesheets): no other page loads it.
STYLESHEET = "assets/stylesheets/map.css"
MARKERS = {"map": "<!-- kb-map -->", "timeline": "<!-- kb-timeline -->"}


class MapError(Exception):
    """A map page the build cannot fill, said as `path: message`."""


def fill(content: str, pages: dict, hrefs: dict[str, str], lang: str, where: str, script: str) -> str:
    """The built map page with its markers replaced (hrefs: page id -> URL relative to the page)."""
    for marker in MARKERS.values():
        if content.count(marker) != 1:
            raise MapError(f"{where}: the page must hold the marker {marker} once, on a line of its own")
    content = content.replace(MARKERS["map"], map_html(partnership.build(pages), hrefs, lang))
    content = content.replace(MARKERS["timeline"], timeline_html(pages, hrefs, lang))
    return content + f'<script defer src="{html.escape(script)}"></script>'


def _link(node_id: str, title: str, hrefs: dict) -> str:
    return f'<a href="{html.escape(hrefs[node_id])}">{html.escape(title)}</a>'


# ── Map ──────────────────────────────────────────────────────────────────────────────────────────────

def map_html(g: partnership.Graph, hrefs: dict, lang: str) -> str:
    words = ui()[lang]["map"]
    direction = "rtl" if lang == "ar" else "ltr"
    svg = svgmap.render(g, hrefs, direction, words["heads"], words["label"])
    relations = sorted({e.relation if e.relation != "event" else "related" for e in g.edges},
                       key=list(words["relation"]).index)
    legend = "".join(f'<li><svg class="kb-map__key" width="36" height="8" aria-hidden="true" focusable="false">'
                     f'<line x1="0" y1="4" x2="36" y2="4" {svgmap.line_style(r)}/></svg>'
                     f'{html.escape(words["relation"][r])}</li>' for r in relations)
    # The picture is for the eye (hidden from screen readers, its links out of the tab order); the list holds
    # the same nodes and edges, and focusing one of its links lights the node up in the picture.
    return (f'<figure class="kb-map" data-search-exclude><div class="kb-map__scroll" aria-hidden="true">'
            f'{svg}</div><figcaption><ul class="kb-map__legend" aria-label="{html.escape(words["legend"])}">'
            f'{legend}</ul></figcaption></figure>\n' + map_list(g, hrefs, lang))


def _peer(edge: partnership.Edge, other: str, g: partnership.Graph, hrefs: dict, lang: str) -> str:
    # "(role: …)": a bare bracket after a title that has its own, «(الدورة الرابعة)», read as describing the title.
    role = f' ({html.escape(ui()[lang]["role"].lower())}: {html.escape(label("partner-roles", edge.role, lang))})' \
        if edge.role else ""
    return (f'<a href="{html.escape(hrefs[other])}" data-kb-peer="{other}">'
            f'{html.escape(g.nodes[other].title)}</a>{role}')


def map_list(g: partnership.Graph, hrefs: dict, lang: str) -> str:
    """Every node under its kind, with its neighbours grouped by kind (and a partner's role): the map in words."""
    words = ui()[lang]["map"]
    comma = "، " if lang == "ar" else ", "
    out = [f'<details class="kb-map__list" open><summary>{html.escape(words["list"])}</summary>']
    order = svgmap.order_layers(g)
    for kind in partnership.KIND_ORDER:
        ids = [n for layer in order for n in layer if n in g.nodes and g.nodes[n].kind == kind]
        if not ids:
            continue
        out.append(f'<h3 class="kb-map__group">{html.escape(words["groups"][kind])}</h3><ul>')
        for node_id in ids:
            peers = g.neighbours(node_id)
            groups = []
            for other_kind in partnership.KIND_ORDER:
                mine = [(e, o) for e, o in peers if g.nodes[o].kind == other_kind]
                if mine:
                    groups.append(f'<li>{html.escape(words["groups"][other_kind])}: '
                                  + comma.join(_peer(e, o, g, hrefs, lang) for e, o in mine) + "</li>")
            out.append(f'<li data-kb-node="{node_id}">{_link(node_id, g.nodes[node_id].title, hrefs)}'
                       f'<ul>{"".join(groups)}</ul></li>')
        out.append("</ul>")
    out.append("</details>")
    return "".join(out)


# ── Timeline ─────────────────────────────────────────────────────────────────────────────────────────

def _iso(meta: dict) -> datetime.date | None:
    value = meta.get("date")
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _day_and_month(day: datetime.date, lang: str) -> str:
    """An ISO date whose year the source does not state (year_stated: false): its day and month only."""
    from babel.dates import format_date
    return format_date(day, "d MMMM", locale=lang)


def _place(meta: dict, lang: str) -> str:
    parts = [str(meta[k]) for k in ("city", "country") if meta.get(k)]
    return ("، " if lang == "ar" else ", ").join(parts)


def timeline_html(pages: dict, hrefs: dict, lang: str) -> str:
    """The events on an axis of the years the sources state, then those without a stated year, apart."""
    words = ui()[lang]["timeline"]
    events = {rel[:-3]: m for rel, m in pages.items() if m.get("kind") == "event" and not rel.endswith("index.md")}
    placed: dict[int, list] = {}
    undated = []
    for node_id, meta in sorted(events.items(), key=lambda kv: (kv[1].get("order") or 10**6, kv[0])):
        year = stated_year(meta)
        if year is None:
            undated.append((node_id, meta))
        else:
            day = _iso(meta)
            placed.setdefault(year, []).append((day or datetime.date(year, 12, 31), day, node_id, meta))

    def item(node_id, meta, when):
        place = _place(meta, lang)
        return (f'<li class="kb-timeline__event" data-kb-event="{node_id}">{when}'
                f'<span class="kb-timeline__title">{_link(node_id, str(meta.get("title")), hrefs)}</span>'
                + (f'<span class="kb-timeline__place">{html.escape(place)}</span>' if place else "") + "</li>")
    out = [f'<ol class="kb-timeline" aria-label="{html.escape(words["label"])}" data-kb-axis>']
    for year in sorted(placed):
        rows = []
        for _, day, node_id, meta in sorted(placed[year], key=lambda r: (r[0], r[2])):
            when = (f'<time class="kb-timeline__date" datetime="{day.isoformat()}">'
                    f'{html.escape(source_date(day.isoformat(), lang))}</time>') if day else ""
            rows.append(item(node_id, meta, when))
        out.append(f'<li class="kb-timeline__year"><time class="kb-timeline__year-label" datetime="{year}">{year}'
                   f'</time><ol class="kb-timeline__events">{"".join(rows)}</ol></li>')
    out.append("</ol>")
    if undated:
        out.append(f'<h3 class="kb-timeline__apart-title">{html.escape(words["undated"])}</h3>'
                   f'<p>{html.escape(words["undated_intro"])}</p><ul class="kb-timeline__apart" data-kb-undated>')
        for node_id, meta in undated:
            date, day = meta.get("date"), _iso(meta)
            shown = (_day_and_month(day, lang) if day else source_date(str(date), lang) if date
                     else ui()[lang]["date_not_stated"])
            out.append(item(node_id, meta, f'<span class="kb-timeline__date">{html.escape(shown)}</span>'))
        out.append("</ul>")
    return "".join(out)
