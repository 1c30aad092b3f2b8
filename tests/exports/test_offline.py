"""The offline zips, unzipped and opened from file:// in headless Chromium: navigation, language switch,
Arabic search, and no request outside the bundle."""
import re
import zipfile

import pytest

from kb.export import load_site

pytestmark = pytest.mark.browser
SITE = load_site()
LANGS = {lang.code: lang for lang in SITE.languages}


@pytest.fixture(scope="module")
def bundles(exports, tmp_path_factory):
    """Each language's zip, unzipped: {lang: path of its index.html}."""
    out = {}
    for code in LANGS:
        dest = tmp_path_factory.mktemp(f"offline-{code}")
        with zipfile.ZipFile(exports / f"offline-site-{code}.zip") as z:
            names = z.namelist()
            z.extractall(dest)
        top = {n.split("/", 1)[0] for n in names}
        assert top == {f"offline-site-{code}"}, top
        out[code] = dest / f"offline-site-{code}" / "index.html"
    return out


def outside(requests):
    return [u for u in requests if not u.startswith(("file://", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("code", LANGS)
def test_bundle_holds_both_languages_and_the_pdfs_but_no_zip(exports, bundles, code):
    root = bundles[code].parent / "site"
    assert (root / "index.html").is_file() and (root / "ar" / "index.html").is_file()
    assert (root / "search" / "search_index.js").is_file()
    downloads = {p.name for p in (root / "downloads").iterdir()}
    assert f"knowledge-base-{code}.pdf" in downloads
    assert not any(name.endswith(".zip") for name in downloads)
    # No page asks for anything on the network: scripts, styles, images and fonts are all in the bundle.
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|source|iframe)\b[^>]*\bsrc="(https?:)?//', html), page
        assert not re.search(r'<link\b[^>]*rel="(stylesheet|preload|modulepreload|icon)"[^>]*href="(https?:)?//',
                             html), page


@pytest.mark.parametrize("code", LANGS)
def test_opens_in_its_language_follows_links_and_switches_language(page, bundles, code):
    page.goto(bundles[code].as_uri())
    home = bundles[code].parent / "site" / (LANGS[code].prefix + "index.html")
    page.wait_for_url(home.as_uri())
    assert page.evaluate("document.documentElement.lang") == code
    # Follow a link of the navigation tabs to a section page, then a link inside it.
    tab = page.locator(".md-tabs__link").nth(2)
    tab.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.url.endswith(".html"), page.url
    section = page.url
    assert page.locator("article h1").count() == 1
    page.locator("article a[href$='.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url != section and page.locator("article h1").count() == 1
    # Switch language: the same page in the other language, inside the bundle.
    other = next(c for c in LANGS if c != code)
    here = page.url
    page.locator(f".md-select__link[hreflang='{other}']").first.dispatch_event("click")
    page.wait_for_function(f"() => document.documentElement.lang === '{other}'")
    assert page.url.startswith("file://") and page.url != here
    base = bundles[code].parent.joinpath("site").as_uri() + "/"
    strip = lambda url, lang: url[len(base):].removeprefix(LANGS[lang].prefix)  # noqa: E731
    assert strip(page.url, other) == strip(here, code)
    assert outside(page.requests) == []
    assert page.console_errors == []


def test_arabic_search_finds_pages_from_file(page, bundles):
    page.goto(bundles["ar"].as_uri())
    page.wait_for_url("**/site/ar/index.html")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").fill("الشراكات")
    # Playwright enters Arabic as inserted text without key events; Material searches on keyup.
    page.dispatch_event(".md-search__input", "keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.locator(".md-search-result__item")
    assert results.count() > 0
    # Results are Arabic pages of the bundle.
    href = page.locator(".md-search-result__link").first.get_attribute("href")
    assert "/ar/" in page.evaluate("(h) => new URL(h, location.href).href", href)
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and page.evaluate("document.documentElement.lang") == "ar"
    assert outside(page.requests) == []
