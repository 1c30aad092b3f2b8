"""The built glossary pages list every term with its anchor and equivalent, and content pages link terms."""
import re
from html.parser import HTMLParser
from pathlib import Path

from kb import glossary
from tests.conftest import copy_project, run_build  # not `conftest`: tests/exports has one too


class _Page(HTMLParser):
    """Collects the glossary's <dt id> terms in order, the links to the glossary, and headings' links."""

    def __init__(self):
        super().__init__()
        self.dt_ids, self.glossary_links, self.heading_links, self.nav_labels = [], [], [], []
        self._heading = 0
        self._nav_link = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "dt" and a.get("id"):
            self.dt_ids.append(a["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self._heading += 1
        if tag == "a":
            href = a.get("href") or ""
            if "glossary/#" in href:
                self.glossary_links.append(href)
                if self._heading:
                    self.heading_links.append(href)
            self._nav_link = "md-nav__link" in (a.get("class") or "")

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self._heading -= 1
        if tag == "a":
            self._nav_link = False

    def handle_data(self, data):
        if self._nav_link and data.strip():
            self.nav_labels.append(data.strip())


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_glossary_page_lists_every_term_in_each_language(site):
    terms = glossary.terms()
    for lang, root in (("en", site), ("ar", site / "ar")):
        html_path = root / "glossary" / "index.html"
        html = html_path.read_text(encoding="utf-8")
        page = parse(html_path)
        assert page.dt_ids == [t.id for t in glossary.sorted_terms(lang)], lang
        assert set(page.dt_ids) == set(terms)
        for term in terms.values():
            other = glossary.OTHER[lang]
            assert f'lang="{other}" dir="{"rtl" if other == "ar" else "ltr"}">{term.text(other)}</span>' in html
            assert term.definition(lang) in html


def test_arabic_glossary_is_in_arabic_alphabetical_order(site):
    ids = parse(site / "ar" / "glossary" / "index.html").dt_ids
    keys = [glossary.arabic_sort_key(glossary.terms()[i].ar) for i in ids]
    assert keys == sorted(keys)
    assert keys[0].startswith("ا") and keys[-1][0] in "وي"


def test_glossary_is_in_the_nav_of_both_languages(site):
    assert "Glossary" in parse(site / "index.html").nav_labels
    assert "مسرد المصطلحات" in parse(site / "ar" / "index.html").nav_labels


def test_content_pages_link_terms_to_existing_glossary_entries(site):
    anchors = {lang: set(parse(root / "glossary" / "index.html").dt_ids)
               for lang, root in (("en", site), ("ar", site / "ar"))}
    for lang, root in (("en", site), ("ar", site / "ar")):
        page = parse(root / "initiatives" / "libraries-and-the-global-agenda" / "index.html")
        assert "../../glossary/#advocacy" in page.glossary_links, lang
        assert len(page.glossary_links) == len(set(page.glossary_links)), "one link per term"
        for href in page.glossary_links:
            assert href.split("#")[1] in anchors[lang]
    ar = (site / "ar" / "initiatives" / "libraries-and-the-global-agenda" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="kb-term" href="\.\./\.\./glossary/#advocacy" title="[^"]+">(\w*)مناصرة</a>', ar)


def test_no_glossary_links_in_headings_or_on_the_glossary_page(site):
    for path in site.rglob("index.html"):
        page = parse(path)
        assert page.heading_links == [], path
    for root in (site, site / "ar"):
        assert parse(root / "glossary" / "index.html").glossary_links == []


def test_invalid_glossary_data_fails_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "kb" / "data" / "glossary.yml"
    data.write_text(data.read_text(encoding="utf-8") + "\nBroken Id:\n  en: x\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = len(data.read_text(encoding="utf-8").splitlines()) - 1
    assert f"kb/data/glossary.yml:{line}: Broken Id: the id must be" in output
    assert "kb/data/glossary.yml" in output and "ar is required" in output
    assert "Traceback" not in output


def test_home_and_index_pages_link_no_terms_and_a_paragraph_at_most_one(site):
    """Issue 19: browsing pages link no term; a paragraph carries one term link at most."""
    for root in (site, site / "ar"):
        for path in [root / "index.html", *root.glob("*/index.html")]:
            rel = path.relative_to(root).parent.as_posix()
            if rel in (".", "case-studies", "workshops", "initiatives", "events", "organisations", "themes"):
                assert parse(path).glossary_links == [], path
    linked = 0
    for path in site.rglob("index.html"):
        for paragraph in re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", path.read_text(encoding="utf-8"), re.S):
            count = paragraph[1].count('class="kb-term"')
            assert count <= 1, (path, paragraph[1][:200])
            linked += count
    assert linked > 50  # terms are still linked on the pages people read
