"""Pages printed from the browser, in both languages: no header, tabs, sidebars, search or footer navigation, nothing
that only works on a screen (the home page's search box, reference-manager files, download links), the licence with
its address at the foot, and a link to another site followed by its address. The printed PDFs go to
test-artifacts/print/."""
import subprocess

import pytest

from support import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts" / "print"
PREFIX = {"en": "/", "ar": "/ar/"}
PAGES = ["", "case-studies/partnership-lessons-regional-offices/",
         "workshops/building-collaborative-arabic-library-networks/"]
GONE = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer__inner",
        ".md-search", ".kb-home-search", ".kb-cite__files", ".kb-filters", ".md-content__button"]
SHOWN = "els => els.filter(e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed').length"


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("path", PAGES, ids=["home", "case-study", "kit"])
def test_a_printed_page_is_its_content_and_licence(page, server, lang, path, tmp_path):
    page.goto(server + PREFIX[lang] + path, wait_until="load")
    page.emulate_media(media="print")
    shown = {sel: page.eval_on_selector_all(sel, SHOWN) for sel in GONE}
    assert not any(shown.values()), shown
    assert page.locator("article h1").is_visible()
    licence = page.locator(".kb-licence-print")
    assert licence.is_visible() and "creativecommons.org/licenses/by/4.0/" in licence.inner_text()
    assert not page.locator(".md-copyright .kb-licence").is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{lang}-{path.split('/')[0] or 'home'}.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "creativecommons.org/licenses/by/4.0/" + ("deed.ar" if lang == "ar" else "") in text.replace("\n", "")
    if lang == "en":  # the first thing on paper is the page's title (Arabic text comes out of pdftotext reordered)
        title = page.locator("article h1").inner_text().split()[0]
        assert text.split()[0] == title


@pytest.mark.parametrize("lang", PREFIX)
def test_a_link_to_another_site_prints_its_address_left_to_right(page, server, lang):
    page.goto(server + PREFIX[lang], wait_until="load")
    page.emulate_media(media="print")
    after = page.evaluate("""() => {
      const a = document.createElement("a")
      a.href = "https://www.ifla.org/"
      a.textContent = "IFLA"
      document.querySelector("article p").append(a)
      const s = getComputedStyle(a, "::after")
      return [s.content, s.direction, s.unicodeBidi]
    }""")
    assert after == ['" <https://www.ifla.org/>"', "ltr", "isolate"], after
