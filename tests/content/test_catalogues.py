"""A real build of the fixture project: the generated catalogues list exactly the pages whose metadata
matches, in both languages; the Sources section, fact box, kit header and initiative cards render."""
import re
from html.parser import HTMLParser

import pytest

from content_helpers import run_build, site_project
from kb.data import label, vocabularies
from kb.render import t


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = site_project(tmp_path_factory.mktemp("project"))
    site = tmp_path_factory.mktemp("site")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _Article(HTMLParser):
    """The article's headings (id, text) in order, and for each heading the links under it."""

    def __init__(self):
        super().__init__()
        self.inside, self.heading, self.sections, self.links = 0, None, [], []
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.inside = 1
        if tag == "aside" and "kb-cite" in (a.get("class") or ""):
            self.inside = 0  # the page's own content ends where the template's "Cite this page" block begins
        if not self.inside:
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = [a.get("id"), ""]
            self.sections.append((self.heading, []))
        elif (tag == "a" and self.sections and "headerlink" not in (a.get("class") or "")
              and "glossary/" not in a.get("href", "")):  # the glossary hook links terms in any text
            self.sections[-1][1].append(a.get("href"))

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside = 0
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = None

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)
            if self.heading is not None and data.strip() != "¶":
                self.heading[1] += data.strip()


def article(site, url):
    parser = _Article()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def links_under(parsed, heading_id):
    for (hid, _), links in parsed.sections:
        if hid == heading_id:
            return sorted(links)
    raise AssertionError(f"no heading #{heading_id}: {[h for h, _ in parsed.sections]}")


def heading_text(parsed, heading_id):
    return next(text for (hid, text), _ in parsed.sections if hid == heading_id)


class _Cards(HTMLParser):
    """A catalogue's cards: {title link: {facet: terms}} from each card's data-kb-* attributes, its facts
    ({label: value}) and the filter options ({facet: {term: (label, count)}})."""

    def __init__(self):
        super().__init__()
        self.cards, self.facts, self.options = {}, {}, {}
        self._card = self._field = self._option = None
        self._facet = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-kb-card" in a:
            self._card = {k[8:]: v.split() for k, v in a.items() if k.startswith("data-kb-") and k != "data-kb-card"}
        elif tag == "a" and self._card is not None and "kb-card__title" in (a.get("class") or ""):
            self.cards[a["href"]] = self._card
            self.facts[a["href"]] = self._facts = {}
        elif tag in ("dt", "dd") and self._card is not None:
            self._field = tag
        elif tag == "fieldset" and "data-kb-facet" in a:
            self._facet = self.options.setdefault(a["data-kb-facet"], {})
        elif tag == "input" and self._facet is not None:
            self._option = self._facet[a["value"]] = ["", ""]
        elif "data-kb-count" in a and self._option is not None:
            self._field = "count"

    def handle_endtag(self, tag):
        if tag in ("dt", "dd", "span"):
            self._field = None if tag != "span" or self._field == "count" else self._field
        if tag == "label":
            self._option = None
        if tag == "fieldset":
            self._facet = None
        if tag == "dl":
            self._card = None

    def handle_data(self, data):
        if self._field == "dt":
            self._label = data
        elif self._field == "dd":
            self._facts[self._label] = data
        elif self._option is not None:
            self._option[1 if self._field == "count" else 0] += data.strip()


def cards(site, url):
    parser = _Cards()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_case_studies_as_cards_with_filters(built, lang):
    root = "ar/" if lang == "ar" else ""
    page = cards(built, root + "case-studies")
    assert page.cards == {"global-voices/": {"theme": ["advocacy"], "region": ["global"]},
                          "network-story/": {"theme": ["regional-networks", "advocacy"], "region": ["mena"],
                                             "year": ["2025"]}}
    story = page.facts["network-story/"]
    assert story[t(lang, "region")] == label("regions", "mena", lang) and story[t(lang, "year")] == "2025"
    assert t(lang, "year") not in page.facts["global-voices/"]  # no year where the source gives none
    # each option with the number of cards it shows; no option for a term no page has
    assert page.options["theme"]["advocacy"] == [label("themes", "advocacy", lang), "2"]
    assert page.options["theme"]["regional-networks"][1] == "1"
    assert "inclusion" not in page.options["theme"]
    assert page.options["region"] == {"mena": [label("regions", "mena", lang), "1"],
                                      "global": [label("regions", "global", lang), "1"]}
    html = (built / root / "case-studies" / "index.html").read_text(encoding="utf-8")
    assert '<script defer src="../' + "../" * bool(root) + 'assets/javascripts/catalogue.js"></script>' in html
    assert t(lang, "catalogue")["showing"].format(n=2, total=2) in html


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_kits_and_initiatives_as_cards(built, lang):
    root = "ar/" if lang == "ar" else ""
    kits = cards(built, root + "workshops")
    assert list(kits.cards) == ["short-kit/"]
    assert kits.facts["short-kit/"][t(lang, "duration")]
    page = cards(built, root + "initiatives")
    assert page.cards["community-top/"]["area"] == ["libraries-and-communities"]
    assert page.facts["community-top/"][t(lang, "area")] == label(
        "initiative-areas", "libraries-and-communities", lang)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_theme_pages(built, lang):
    root = "ar/" if lang == "ar" else ""
    advocacy = article(built, root + "themes/advocacy")
    assert heading_text(advocacy, advocacy.sections[0][0][0]) == label("themes", "advocacy", lang)
    assert links_under(advocacy, "case-studies") == ["../../case-studies/global-voices/",
                                                     "../../case-studies/network-story/"]
    assert links_under(advocacy, "workshops") == ["../../workshops/short-kit/"]
    inclusion = article(built, root + "themes/inclusion")
    assert links_under(inclusion, "initiatives") == ["../../initiatives/community-top/"]
    assert [h for (h, _), _ in inclusion.sections if h in ("case-studies", "workshops")] == []
    index = article(built, root + "themes")
    links = index.sections[0][1]
    assert len(links) == 11 and "advocacy/" in links
    html = (built / root / "themes" / "advocacy" / "index.html").read_text(encoding="utf-8")
    # the switcher leads to the translation, and the sitemap gives both as hreflang alternates
    other, other_root = ("en", "") if lang == "ar" else ("ar", "ar/")
    switcher = rf'href="[^"]*/{other_root}themes/advocacy/" hreflang="{other}"[^>]* class="md-select__link"'
    assert re.search(switcher, html)
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r'hreflang="ar" href="[^"]*/ar/themes/advocacy/"', sitemap)
    assert re.search(r'hreflang="en" href="[^"]*/themes/advocacy/"', sitemap)
    # listed in the navigation, under the Themes section (whose index is themes/index.md)
    nav = (built / root / "themes" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([a-z-]+/)" class="md-nav__link', nav) == [
        f"{term}/" for term in vocabularies()["themes"]]


def test_sources_section_in_both_languages(built):
    en = article(built, "case-studies/global-voices")
    ar = article(built, "ar/case-studies/global-voices")
    assert heading_text(en, "sources") == "Sources"
    assert heading_text(ar, "sources") == "المصادر"
    en_text, ar_text = "".join(en.text), "".join(ar.text)
    assert "Library Associations of the World: Discussion Panel (slides)" in en_text
    assert "date not stated" in en_text
    assert "«جمعيات المكتبات في العالم»: حلقة نقاش (شرائح العرض)" in ar_text
    assert "لم يُذكر التاريخ" in ar_text
    dated = "".join(article(built, "case-studies/network-story").text)
    assert "1 May 2025" in dated and "Doha, Qatar" in dated
    assert [h for (h, _), _ in en.sections][-1] == "sources"


def test_fact_box_kit_header_and_cards(built):
    ar_case = (built / "ar/case-studies/network-story/index.html").read_text(encoding="utf-8")
    box = ar_case[ar_case.index('class="kb-facts"'):ar_case.index("</aside>")]
    for text in ("الشركاء", "مكتبة قطر الوطنية", label("partner-types", "library", "ar"),
                 label("partner-roles", "host", "ar"), label("regions", "mena", "ar"), "الدوحة", "2025",
                 label("themes", "advocacy", "ar")):
        assert text in box, text
    assert ar_case.index("</h1>") < ar_case.index('class="kb-facts"')
    kit = (built / "workshops/short-kit/index.html").read_text(encoding="utf-8")
    header = kit[kit.index('class="kb-facts kb-kit"'):kit.index("</aside>")]
    assert "1 hour 30 minutes" in header
    starts = re.findall(r"<time>([0-9:]+)</time>", header)
    assert starts == ["0:00", "0:15", "1:15"]
    assert "Librarians" in header and "Sticky notes" in header and "Plan a partnership." in header
    ar_kit = (built / "ar/workshops/short-kit/index.html").read_text(encoding="utf-8")
    assert "ساعة ونصف" in ar_kit
    cards = (built / "ar/initiatives/community-top/index.html").read_text(encoding="utf-8")
    assert cards.count("<li>\n      <p><strong>") == 2
    assert "نوادي القراءة" in cards and label("statuses", "ongoing", "ar") in cards
    assert cards.index("grid cards") < cards.index('id="sources"')


def test_a_page_left_out_by_exclude_docs_gets_no_card(tmp_path):
    """The catalogues list the pages MkDocs builds (its files), not every file on the disk: a case study that
    exclude_docs leaves out has no card and no place on its theme pages, and the strict build passes."""
    project = site_project(tmp_path / "project")
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nexclude_docs: |\n  global-voices.md\n")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for root in ("", "ar/"):
        assert list(cards(site, root + "case-studies").cards) == ["network-story/"]
        assert "global-voices" not in (site / root / "themes" / "advocacy" / "index.html").read_text(encoding="utf-8")
        assert not (site / root / "case-studies" / "global-voices").exists()
