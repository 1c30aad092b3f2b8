"""The home page in Chromium, in both languages: its search box opens Material's search with the words typed (the
form reloads the page with ?q=, which Material reads), Arabic included, on the site and from file:// in the offline
bundle; the cards lay out right to left on the Arabic
page; the page on a desktop and on a phone, saved to test-artifacts/home/."""
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from support import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_csp import offline_bundle  # noqa: E402, F401 (the Arabic offline bundle, a fixture)

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "home"
PREFIX = {"en": "/", "ar": "/ar/"}
QUERY = {"en": "regional networks", "ar": "الشبكات الإقليمية"}
RESULTS = "() => document.querySelectorAll('.md-search-result__list > .md-search-result__item').length"


@pytest.mark.parametrize("lang", PREFIX)
def test_the_home_search_box_opens_the_search_with_its_results(page, server, lang):
    page.goto(server + PREFIX[lang], wait_until="load")
    page.fill("#kb-home-q", QUERY[lang])
    with page.expect_navigation():
        page.press("#kb-home-q", "Enter")
    assert parse_qs(urlsplit(page.url).query) in ({"q": [QUERY[lang]]}, {})  # Material drops it once read
    page.wait_for_function(RESULTS, timeout=15000)
    assert page.is_checked("#__search")  # the search dialog is open
    assert page.input_value("[data-md-component=search-query]") == QUERY[lang]
    links = page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "as => as.map(a => a.href)")
    in_lang = [h for h in links if urlsplit(h).path.startswith("/ar/") == (lang == "ar")]
    assert links and in_lang == links  # the pages of the language the box was used in
    assert not page.console_errors and not page.csp_violations


def test_the_home_search_box_works_in_the_offline_bundle(page, offline_bundle):  # noqa: F811 (the fixture)
    page.goto((offline_bundle / "ar" / "index.html").as_uri(), wait_until="load")
    assert page.get_attribute("form.kb-home-search", "action") == "index.html"
    page.fill("#kb-home-q", QUERY["ar"])
    with page.expect_navigation():
        page.press("#kb-home-q", "Enter")
    page.wait_for_function(RESULTS, timeout=15000)
    assert page.input_value("[data-md-component=search-query]") == QUERY["ar"]
    assert not page.console_errors


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_the_cards_read_in_the_page_direction(page, server, lang, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(server + PREFIX[lang], wait_until="load")
    cards = page.locator(".kb-home-sections > .card")
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len(boxes) >= 5
    first, second = boxes[0], boxes[1]
    if size[0] >= 1000:  # side by side: the first card on the reading side
        assert first["y"] == second["y"]
        assert (first["x"] > second["x"]) == (lang == "ar")
    else:  # stacked
        assert second["y"] > first["y"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{lang}-{'desktop' if size[0] >= 1000 else 'phone'}.png"),
                    full_page=True)
