"""The partnership graph, its layout and the map page's parts, without a build (kb/graph.py, kb/svgmap.py,
kb/mappage.py): only the relations the front matter states, a deterministic layout with fewer crossings than the
pages' own order, labels measured as the browser sets them, and the timeline's rule for years."""
import random
import re

import pytest

from kb import graph, mappage, svgmap
from kb.content import build
from kb.data import ROOT
from kb.render import source_date, stated_year

PAGES = {
    "organisations/a.md": {"kind": "organisation", "title": "Org A", "order": 10},
    "organisations/b.md": {"kind": "organisation", "title": "Org B", "order": 20},
    "organisations/lonely.md": {"kind": "organisation", "title": "Nobody links here"},
    "events/e.md": {"kind": "event", "title": "Event E", "date": "2024-03-01", "organisers": ["organisations/a.md"],
                    "related": ["workshops/k.md", "about.md"]},
    "events/f.md": {"kind": "event", "title": "Event F", "date": "7–9 December", "year_stated": False,
                    "organisers": ["organisations/b.md"]},
    "case-studies/c.md": {"kind": "case-study", "title": "Case C", "event": "events/e.md",
                          "related": ["events/e.md", "workshops/k.md"],
                          "partners": [{"name": "B", "org": "b", "role": "funder"}, {"name": "Ghost", "org": "ghost"},
                                       {"name": "No page"}]},
    "workshops/k.md": {"kind": "workshop-kit", "title": "Kit K", "related": ["organisations/a.md"]},
    "events/index.md": {"kind": "page", "title": "Events"},
}


def test_the_graph_holds_only_what_the_front_matter_states():
    g = graph.build(PAGES)
    edges = {(e.source, e.target, e.relation, e.role) for e in g.edges}
    assert edges == {
        ("organisations/a", "events/e", "organiser", "organiser"),
        ("organisations/b", "events/f", "organiser", "organiser"),
        ("organisations/b", "case-studies/c", "partner", "funder"),  # the partner's page exists; 'ghost' has none
        ("events/e", "case-studies/c", "event", None),             # `event` wins over the same pair in `related`
        ("events/e", "workshops/k", "related", None),
        ("organisations/a", "workshops/k", "related", None),
    }  # no kit-to-case-study edge (one layer), no link to about.md, nothing inferred (b is not made e's partner)
    assert "organisations/lonely" not in g.nodes and "events/index" not in g.nodes
    assert g.layers() == [["organisations/a", "organisations/b"], ["events/e", "events/f"],
                          ["case-studies/c", "workshops/k"]]


def real(lang):
    return build(ROOT / "docs").meta(lang)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_layout_is_the_same_whatever_order_the_pages_come_in(lang):
    pages = real(lang)
    hrefs = {rel[:-3]: rel for rel in pages}
    first = svgmap.render(graph.build(pages), hrefs, "ltr", ["a", "b", "c"], "map")
    items = list(pages.items())
    random.Random(7).shuffle(items)
    assert svgmap.render(graph.build(dict(items)), hrefs, "ltr", ["a", "b", "c"], "map") == first


def test_barycentre_ordering_reduces_crossings():
    g = graph.build(real("en"))
    layers = g.layers()
    segs = svgmap._segments(g, layers)
    for i in range(1, len(layers) - 1):
        layers[i] += sorted({v for _, v in segs[i - 1] if v.startswith("~")})
    before, after = svgmap.crossings(layers, segs), svgmap.crossings(svgmap.order_layers(g), segs)
    assert after < before / 2, (before, after)


def test_rtl_mirrors_the_columns():
    g = graph.build(PAGES)
    hrefs = {n: n for n in g.nodes}
    def x_of(svg, node):
        return float(re.search(rf'data-kb-node="{node}"><rect x="([\d.]+)"', svg)[1])
    ltr, rtl = (svgmap.render(g, hrefs, d, ["a", "b", "c"], "map") for d in ("ltr", "rtl"))
    assert x_of(ltr, "organisations/a") < x_of(ltr, "events/e") < x_of(ltr, "workshops/k")
    assert x_of(rtl, "organisations/a") > x_of(rtl, "events/e") > x_of(rtl, "workshops/k")
    assert 'direction="rtl"' in rtl and "style=" not in rtl + ltr  # the CSP allows no style attribute


def test_arabic_is_measured_in_its_joined_forms():
    word = "المكتبات"
    isolated = sum(svgmap.text_width(ch, 15) for ch in word)
    assert svgmap._shaped(word) != word and svgmap.text_width(word, 15) < isolated * 0.85
    assert svgmap._shaped("و د") == "\ufeed \ufea9"  # letters alone keep their isolated form
    for line in svgmap.wrap("International Federation of Library Associations and Institutions (IFLA)", 200, 14):
        assert svgmap.text_width(line, 14) <= 200


def test_the_timeline_places_an_event_only_by_a_stated_year():
    assert stated_year({"date": "2025-05-05"}) == 2025 and stated_year({"year": 2019}) == 2019
    assert stated_year({"date": "2025-05-05", "year_stated": False}) is None
    assert stated_year({"date": "7–9 December", "year_stated": False}) is None and stated_year({}) is None
    out = mappage.timeline_html(PAGES, {"events/e": "e/", "events/f": "f/"}, "ar")
    axis, apart = out.split("</ol>", 1)[0], out.split("data-kb-undated", 1)[1]
    assert 'data-kb-event="events/e"' in axis and "2024" in axis and "events/f" not in axis
    assert 'data-kb-event="events/f"' in apart and "7–9 ديسمبر" in apart
    # an ISO date whose year the source does not state keeps its year off the page too
    unstated = {"events/g.md": {"kind": "event", "title": "G", "date": "2023-06-02", "year_stated": False}}
    out = mappage.timeline_html(unstated, {"events/g": "g/"}, "en")
    assert "2 June" in out and "2023" not in out


def test_dates_as_the_source_gives_them_take_the_page_language_s_month_names():
    assert source_date("30 September – 3 October", "ar") == "30 سبتمبر – 3 أكتوبر"
    assert source_date("30 September – 3 October", "en") == "30 September – 3 October"
    assert source_date("Decembers", "ar") == "Decembers"


def test_a_map_page_without_its_markers_is_refused():
    with pytest.raises(mappage.MapError, match=r"docs/en/map.md: the page must hold the marker <!-- kb-map -->"):
        mappage.fill("<p>no map</p><!-- kb-timeline -->", PAGES, {}, "en", "docs/en/map.md", "map.js")
