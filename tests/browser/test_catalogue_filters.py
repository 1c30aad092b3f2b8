"""The section catalogues in Chromium: cards with filters (kb/cards.py, assets/javascripts/catalogue.js). Ticking an
option narrows the cards to the pages whose front matter has it, and puts it in the address; a reload and Back
restore the view; it works from file://, by keyboard, right to left, and axe finds nothing on a filtered view;
without JavaScript every card is listed. Screenshots of each view go to test-artifacts/catalogues/."""
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from support import ROOT, watch_csp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "quality"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_accessibility import axe_violations  # noqa: E402
from test_csp import offline_bundle  # noqa: E402, F401 (the Arabic offline bundle, a fixture)

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "catalogues"
PREFIX = {"en": "/", "ar": "/ar/"}
SHOWING = {"en": "Showing {n} of {total}", "ar": "المعروض {n} من أصل {total}"}


def front_matter(lang, section):
    """Each page of a section (but its index) and its front matter, read here with PyYAML alone."""
    base = ROOT / "docs" / lang / section
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
            for p in sorted(base.glob("*.md")) if p.name != "index.md"}


def visible_cards(page):
    """The slugs of the cards shown, from their title links (x/ on the site, x.html offline)."""
    return sorted(page.eval_on_selector_all(
        "[data-kb-card]:not([hidden]) a.kb-card__title",
        "links => links.map(a => a.getAttribute('href').replace(/(\\/index)?\\.html$|\\/$/, '').split('/').pop())"))


def query(page):
    return parse_qs(urlsplit(page.url).query)


def open_catalogue(page, url):
    page.goto(url, wait_until="load")
    page.wait_for_selector("[data-kb-filters][data-kb-ready]")


def tick(page, facet, term):
    page.locator(f"[data-kb-facet='{facet}'] input[value='{term}']").check()


def shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_filter_narrows_the_cards_and_lives_in_the_address(page, server, lang):
    pages = front_matter(lang, "case-studies")
    url = server + PREFIX[lang] + "case-studies/"
    open_catalogue(page, url)
    assert visible_cards(page) == sorted(pages)
    tick(page, "region", "mena")
    mena = sorted(slug for slug, m in pages.items() if m.get("region") == "mena")
    assert 0 < len(mena) < len(pages)
    assert visible_cards(page) == mena
    assert page.url == url + "?region=mena"
    status = page.locator("[data-kb-status]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == SHOWING[lang].format(n=len(mena), total=len(pages))
    # a second facet narrows further (AND); the theme's count is what ticking it would show
    theme = next(t for slug in mena for t in pages[slug]["themes"]
                 if not all(t in pages[s]["themes"] for s in mena))
    both = sorted(s for s in mena if theme in pages[s]["themes"])
    count = page.locator(f"[data-kb-facet='theme'] input[value='{theme}'] + span [data-kb-count]").inner_text()
    assert int(count) == len(both)
    tick(page, "theme", theme)
    assert visible_cards(page) == both
    assert query(page) == {"region": ["mena"], "theme": [theme]}
    shot(page, f"case-studies-filtered-{lang}-desktop")
    page.reload(wait_until="load")
    page.wait_for_selector("[data-kb-filters][data-kb-ready]")
    assert visible_cards(page) == both
    assert page.locator(f"[data-kb-facet='theme'] input[value='{theme}']").is_checked()
    page.go_back()
    page.wait_for_function("n => document.querySelectorAll('[data-kb-card]:not([hidden])').length === n", arg=len(mena))
    assert page.url == url + "?region=mena" and visible_cards(page) == mena
    page.locator("[data-kb-reset]").click()
    assert visible_cards(page) == sorted(pages) and page.url == url
    assert page.console_errors == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_kits_that_fit_a_slot(page, server, lang):
    kits = front_matter(lang, "workshops")
    shortest = min(m["duration"] for m in kits.values())
    open_catalogue(page, server + PREFIX[lang] + f"workshops/?duration={shortest}")
    assert visible_cards(page) == sorted(s for s, m in kits.items() if m["duration"] <= shortest)
    longest = max(m["duration"] for m in kits.values())
    tick(page, "duration", str(longest))
    assert visible_cards(page) == sorted(kits)


@pytest.mark.parametrize("section", ["case-studies", "workshops", "initiatives", "events", "organisations"])
def test_without_javascript_every_item_is_listed(browser, server, section):
    context = browser.new_context(java_script_enabled=False)
    violations = watch_csp(context)
    try:
        pg = context.new_page()
        for lang in ("en", "ar"):
            pg.goto(server + PREFIX[lang] + f"{section}/?region=mena", wait_until="load")
            assert visible_cards(pg) == sorted(front_matter(lang, section))
            assert pg.locator("[data-kb-card]").evaluate_all("cards => cards.every(c => c.offsetHeight > 0)")
            filters = pg.locator("[data-kb-filters]")
            assert filters.count() == 0 or not filters.is_visible()
    finally:
        context.close()
    assert violations == []


def test_filters_work_in_the_offline_bundle(page, offline_bundle):  # noqa: F811 (the fixture)
    """The Arabic offline bundle (kb pdf offline: file:// links, pages as .../index.html) from file://."""
    page.goto((offline_bundle / "ar" / "workshops" / "index.html").as_uri() + "?duration=120", wait_until="load")
    page.wait_for_selector("[data-kb-filters][data-kb-ready]")
    kits = front_matter("ar", "workshops")
    assert visible_cards(page) == sorted(s for s, m in kits.items() if m["duration"] <= 120)
    tick(page, "duration", str(max(m["duration"] for m in kits.values())))
    assert visible_cards(page) == sorted(kits) and page.url.startswith("file://")
    page.go_back()
    page.wait_for_function("() => location.search === '?duration=120'")
    assert visible_cards(page) == sorted(s for s, m in kits.items() if m["duration"] <= 120)
    page.locator("[data-kb-reset]").click()
    assert visible_cards(page) == sorted(kits) and "?" not in page.url


def test_filters_by_keyboard(page, server):
    open_catalogue(page, server + "/ar/events/")
    first = page.locator("[data-kb-filters] input").first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    assert "?" in page.url and len(visible_cards(page)) < len(front_matter("ar", "events"))
    assert page.locator("[data-kb-reset]").is_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_cards_flow_in_the_reading_direction(page, server, lang):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_catalogue(page, server + PREFIX[lang] + "workshops/")
    assert not page.locator("[data-kb-toggle]").is_visible()  # on a wide screen the options are always shown
    first, second = (page.locator("[data-kb-card]").nth(i).bounding_box() for i in (0, 1))
    assert abs(first["y"] - second["y"]) < 1  # one row
    assert (first["x"] > second["x"]) == (lang == "ar")
    shot(page, f"workshops-{lang}-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    open_catalogue(page, server + PREFIX[lang] + "workshops/")  # on a phone the options start folded
    toggle = page.locator("[data-kb-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false" and not page.locator("#kb-filter-sets").is_visible()
    shot(page, f"workshops-{lang}-phone")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#kb-filter-sets").is_visible()
    tick(page, "duration", str(min(m["duration"] for m in front_matter(lang, "workshops").values())))
    assert len(visible_cards(page)) < len(front_matter(lang, "workshops"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_finds_nothing_on_a_filtered_catalogue(page, server, lang):
    open_catalogue(page, server + PREFIX[lang] + "workshops/?duration=150&theme=partnership-practice")
    assert len(visible_cards(page)) >= 1
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, f"workshops-filtered-{lang}-phone")
