"""The built site in headless Chromium: loads cleanly, switches language, lays Arabic out right to left."""
import pytest

pytestmark = pytest.mark.browser


def only_local(requests, base):
    return [u for u in requests if not (u.startswith(base) or u.startswith("data:") or u.startswith("blob:"))]


@pytest.mark.parametrize("path, lang", [("/", "en"), ("/ar/", "ar"), ("/about/", "en"), ("/ar/about/", "ar")])
def test_page_loads_without_console_errors_or_outside_requests(page, server, path, lang):
    page.goto(server + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.console_errors == []
    assert only_local(page.requests, server) == []


def test_arabic_body_is_right_to_left(page, server):
    page.goto(server + "/ar/", wait_until="networkidle")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"


def test_arabic_text_uses_the_self_hosted_naskh_font(page, server):
    page.goto(server + "/ar/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Naskh Arabic" in f for f in loaded), loaded


def test_switcher_moves_between_versions_of_the_same_page(page, server):
    page.goto(server + "/about/", wait_until="networkidle")
    page.locator(".md-select__link[hreflang='ar']").first.dispatch_event("click")
    page.wait_for_url(server + "/ar/about/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.locator(".md-select__link[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(server + "/about/")
    assert page.evaluate("document.documentElement.dir") == "ltr"
