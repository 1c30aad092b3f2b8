"""The partnership map and the events timeline in Chromium (kb/svgmap.py, kb/mappage.py, assets/javascripts/map.js):
every link resolves, Arabic lays out right to left, the list holds the same nodes and edges as the picture, every
label fits its box, no event without a stated year is on the axis, pointing or focusing brings a node's lines out,
and from file:// too. Screenshots of the map and the timeline go to test-artifacts/map/."""
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from support import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_csp import offline_bundle  # noqa: E402, F401 (the Arabic offline bundle, a fixture)

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "map"
PREFIX = {"en": "/", "ar": "/ar/"}
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}


def events(lang):
    """Each event page's front matter, read here with PyYAML alone."""
    base = ROOT / "docs" / lang / "events"
    return {f"events/{p.stem}": yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
            for p in sorted(base.glob("*.md")) if p.name != "index.md"}


def open_map(page, server, lang, size="desktop"):
    page.set_viewport_size(dict(zip(("width", "height"), VIEWPORTS[size], strict=True)))
    page.goto(server + PREFIX[lang] + "map/", wait_until="load")
    page.wait_for_function("() => document.fonts.status === 'loaded'")


def picture(page):
    """The SVG's nodes ({id: (left, right) on screen}) and edges ({frozenset of both ends})."""
    nodes = page.eval_on_selector_all("svg [data-kb-node]", """els => Object.fromEntries(els.map(a => {
        const r = a.querySelector('rect').getBoundingClientRect(); return [a.dataset.kbNode, [r.left, r.right]] }))""")
    edges = page.eval_on_selector_all("svg [data-kb-from]", "els => els.map(e => [e.dataset.kbFrom, e.dataset.kbTo])")
    return nodes, {frozenset(e) for e in edges}


def in_words(page):
    """The list's nodes and the edges it names (a node's item and each peer linked under it)."""
    items = page.eval_on_selector_all(".kb-map__list li[data-kb-node]", """els => els.map(li =>
        [li.dataset.kbNode, [...li.querySelectorAll('[data-kb-peer]')].map(a => a.dataset.kbPeer)])""")
    return {n for n, _ in items}, {frozenset((n, p)) for n, peers in items for p in peers}, items


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_link_of_the_map_and_the_timeline_opens_a_built_page(page, server, site, lang):
    open_map(page, server, lang)
    hrefs = page.eval_on_selector_all(".kb-map a, .kb-map__list a, .kb-timeline a, .kb-timeline__apart a",
                                      "els => els.map(a => a.getAttribute('href'))")
    assert len(hrefs) > 60
    base = server + PREFIX[lang] + "map/"
    for href in set(hrefs):
        assert not urlsplit(href).scheme and not href.startswith("/"), href  # relative: works from file://
        path = unquote(urlsplit(urljoin(base, href)).path).lstrip("/")
        assert (site / path / "index.html").is_file() or (site / path).is_file(), href
    # a node is a link a pointer follows
    node = page.locator("svg [data-kb-node='organisations/ifla']")
    node.click()
    page.wait_for_url(server + PREFIX[lang] + "organisations/ifla/")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_layers_run_in_the_reading_direction(page, server, lang):
    open_map(page, server, lang)
    nodes, _ = picture(page)
    def centre(prefix):
        xs = [sum(v) / 2 for k, v in nodes.items() if k.startswith(prefix)]
        assert xs, prefix
        return sum(xs) / len(xs)
    orgs, evts, rest = centre("organisations/"), centre("events/"), centre("case-studies/")
    assert (orgs > evts > rest) if lang == "ar" else (orgs < evts < rest)
    direction = page.eval_on_selector("svg [data-kb-node] text", "t => getComputedStyle(t).direction")
    assert direction == ("rtl" if lang == "ar" else "ltr")
    # Arabic titles from the Arabic pages
    title = page.eval_on_selector("svg [data-kb-node='organisations/qatar-national-library'] text",
                                  "t => t.textContent")
    assert title == ("مكتبة قطر الوطنية" if lang == "ar" else "Qatar National Library (QNL)")
    # on a phone the picture scrolls sideways from the organisations' side
    open_map(page, server, lang, "phone")
    assert page.eval_on_selector(".kb-map__scroll", "s => s.scrollWidth > s.clientWidth")
    first = page.eval_on_selector("svg [data-kb-node^='organisations/'] rect",
                                  "r => { const b = r.getBoundingClientRect(); return [b.left, b.right] }")
    assert 0 <= first[0] and first[1] <= 390, "the organisations are not in view when the page opens"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_list_has_the_nodes_and_edges_of_the_picture(page, server, lang):
    open_map(page, server, lang)
    nodes, edges = picture(page)
    listed, named, items = in_words(page)
    assert listed == set(nodes) and len(items) == len(nodes)
    assert named == edges and len(edges) > 30
    # the picture is for the eye: out of the accessibility tree and the tab order; the list is open
    assert page.get_attribute(".kb-map__scroll", "aria-hidden") == "true"
    assert set(page.eval_on_selector_all("svg a", "els => els.map(a => a.getAttribute('tabindex'))")) == {"-1"}
    assert page.eval_on_selector(".kb-map__list", "d => d.open")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_label_fits_its_box(page, server, lang):
    open_map(page, server, lang)
    overflow = page.eval_on_selector_all("svg [data-kb-node]", """els => els.filter(a => {
        const r = a.querySelector('rect').getBBox(), t = a.querySelector('text').getBBox();
        return t.x < r.x + 2 || t.x + t.width > r.x + r.width - 2 || t.y < r.y || t.y + t.height > r.y + r.height
      }).map(a => a.dataset.kbNode)""")
    assert overflow == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_timeline_places_only_events_with_a_stated_year(page, server, lang):
    open_map(page, server, lang)
    pages = events(lang)
    stated = {k for k, m in pages.items() if m.get("year") or (
        m.get("year_stated") is not False and len(str(m.get("date", ""))) == 10 and str(m["date"])[4] == "-")}
    ids = "els => els.map(e => e.dataset.kbEvent)"
    on_axis = set(page.eval_on_selector_all("[data-kb-axis] [data-kb-event]", ids))
    apart = set(page.eval_on_selector_all("[data-kb-undated] [data-kb-event]", ids))
    assert on_axis == stated and apart == set(pages) - stated
    assert apart and on_axis, "the real content has both kinds of event"
    years = page.eval_on_selector_all("[data-kb-axis] .kb-timeline__year-label", "els => els.map(e => e.textContent)")
    assert years == sorted({str(pages[k].get("year") or str(pages[k]["date"])[:4]) for k in stated})
    # the date as the source gives it, its month in the page's language
    dates = page.eval_on_selector_all("[data-kb-undated] .kb-timeline__date", "els => els.map(e => e.textContent)")
    assert ("7–9 ديسمبر" if lang == "ar" else "7–9 December") in dates
    assert ("لم يُذكر التاريخ" if lang == "ar" else "date not stated") in dates


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_pointing_or_focusing_brings_out_a_nodes_lines(page, server, lang):
    open_map(page, server, lang)
    _, edges = picture(page)
    node = "organisations/ifla-mena-regional-office"
    page.hover(f"svg [data-kb-node='{node}']")
    page.wait_for_selector("svg.kb-map--lit")
    lit = page.eval_on_selector_all("svg .kb-map__edge.kb-map--on",
                                    "els => els.map(e => [e.dataset.kbFrom, e.dataset.kbTo])")
    assert {frozenset(e) for e in lit} == {e for e in edges if node in e}
    page.mouse.move(0, 0)
    page.wait_for_selector("svg:not(.kb-map--lit)")
    page.focus(f".kb-map__list li[data-kb-node='{node}'] > a")
    page.wait_for_selector(f"svg [data-kb-node='{node}'].kb-map--on")


def test_the_map_works_from_the_offline_bundle(page, offline_bundle):  # noqa: F811 (the fixture)
    """The offline bundle's pages are files (ar/map.html): every link of the map names one."""
    page.goto((offline_bundle / "ar" / "map.html").as_uri(), wait_until="load")
    hrefs = page.eval_on_selector_all("svg [data-kb-node], .kb-map__list a",
                                      "els => els.map(a => a.getAttribute('href'))")
    assert "organisations/ifla.html" in hrefs
    for href in hrefs:
        assert (offline_bundle / "ar" / unquote(href)).resolve().is_file(), href
    page.hover("svg [data-kb-node='organisations/ifla']")
    page.wait_for_selector("svg.kb-map--lit")


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_screenshots_of_the_map_and_the_timeline(page, server, lang, size):
    open_map(page, server, lang, size)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-{lang}-{size}.png"), full_page=True)
    # the timeline section alone: from its heading to the events without a stated year
    clip = page.evaluate("""() => {
        const top = document.getElementById('timeline').getBoundingClientRect().top + scrollY - 10;
        const end = document.querySelector('.kb-timeline__apart').getBoundingClientRect().bottom + scrollY + 10;
        return {x: 0, y: top, width: innerWidth, height: end - top} }""")
    page.screenshot(path=str(ARTIFACTS / f"timeline-{lang}-{size}.png"), full_page=True, clip=clip)
    assert (ARTIFACTS / f"map-{lang}-{size}.png").stat().st_size > 10_000


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_map_is_in_the_nav_and_linked_from_the_events_and_organisations(site, lang):
    root = site / PREFIX[lang].strip("/")
    name = {"en": "Partnership map", "ar": "خريطة الشراكات"}[lang]
    home = (root / "index.html").read_text(encoding="utf-8")
    assert '<a href="map/" class="md-tabs__link">' in home and name in home  # the nav tab
    events = (root / "events" / "index.html").read_text(encoding="utf-8")
    assert 'href="../map/"' in events and 'href="../map/#timeline"' in events
    assert 'href="../map/"' in (root / "organisations" / "index.html").read_text(encoding="utf-8")
