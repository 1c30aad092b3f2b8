"""A real strict build of the fixture pairs: the outdated notice on the page, and the status page's counts."""
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from click.testing import CliRunner

from kb.cli import app
from tests.conftest import copy_project, run_build  # not `conftest`: tests/exports has one too

DATA = Path(__file__).parent / "data" / "docs"
SITE_URL = "https://example.org/kb/"
# The project's own config, with only the fixture pages in the nav and only the hooks under test.
FIXTURE_CONFIG = """INHERIT: base.yml
hooks:
  - hooks/page_head.py
  - hooks/translations.py
nav:
  - Home: index.md
  - complete.md
  - outdated.md
  - different.md
  - translation-status.md
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture pairs reviewed, then the English of `outdated.md` changed, then built."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    for lang in ("en", "ar"):
        shutil.rmtree(project / "docs" / lang)
        shutil.copytree(DATA / lang, project / "docs" / lang)
    (project / "docs/en/missing.md").unlink()    # a page without its counterpart cannot be in the nav
    (project / "mkdocs.yml").rename(project / "base.yml")
    (project / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    here = os.getcwd()
    os.chdir(project)
    try:
        mark = CliRunner().invoke(app, ["translations", "--mark-current", "docs/ar"], catch_exceptions=False)
    finally:
        os.chdir(here)
    assert mark.exit_code == 0, mark.stderr
    en = project / "docs/en/outdated.md"
    en.write_text(en.read_text(encoding="utf-8").replace("3 days", "4 days"), encoding="utf-8")
    site = project / "site"
    result = run_build(project, site, SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list((project / "docs").rglob("translation-status.md")), "the status page is never written to docs/"
    return site


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def notices(page: str) -> list[str]:
    return re.findall(r'<div class="admonition warning kb-outdated-translation">.*?</div>', page, re.S)


def test_outdated_translation_shows_a_notice_in_its_language_linking_to_the_source(built):
    page = html(built, "ar/outdated")
    [notice] = notices(page)
    assert '<p class="admonition-title">ترجمة غير محدَّثة</p>' in notice
    assert "عُدِّلت النسخة الإنجليزية من هذه الصفحة بعد ترجمتها" in notice
    href = re.search(r'<a href="([^"]+)" hreflang="en"', notice).group(1)
    assert urljoin(SITE_URL + "ar/outdated/", href) == SITE_URL + "outdated/"
    assert (built / "outdated/index.html").exists()
    # Right under the page's title.
    assert page.index("</h1>") < page.index(notice) < page.index('id="context"')


@pytest.mark.parametrize("path", ["outdated", "complete", "ar/complete", "different", "ar/different", "ar"])
def test_no_notice_on_sources_and_current_translations(built, path):
    assert notices(html(built, path)) == []


class _Tables(HTMLParser):
    """The text of every table cell, row by row, and the links in them."""

    def __init__(self):
        super().__init__()
        self.rows, self.links, self._cell = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""
        elif tag == "a" and self._cell is not None:
            self.links.append(dict(attrs)["href"])

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.rows[-1].append(self._cell.strip())
            self._cell = None


def tables(page: str) -> _Tables:
    parser = _Tables()
    parser.feed(page[page.index("<article"):page.index("</article>")])
    return parser


@pytest.mark.parametrize("path, counts, pages", [
    ("translation-status", {"Complete": "2", "Not yet reviewed": "0", "Outdated": "1",
                            "Differs from its source": "1", "Missing": "0", "Total": "4"},
     [["A different page", "English", "Differs from its source", "5"],
      ["An outdated page", "English", "Outdated", "2"],
      ["A complete page", "English", "Complete", "0"], ["Home", "English", "Complete", "0"]]),
    ("ar/translation-status", {"مكتملة": "2", "لم تُراجَع بعد": "0", "غير محدَّثة": "1", "تختلف عن أصلها": "1",
                               "غير موجودة": "0", "المجموع": "4"},
     [["صفحة مختلفة", "الإنجليزية", "تختلف عن أصلها", "5"], ["صفحة غير محدثة", "الإنجليزية", "غير محدَّثة", "2"],
      ["صفحة مكتملة", "الإنجليزية", "مكتملة", "0"], ["الرئيسية", "الإنجليزية", "مكتملة", "0"]]),
])
def test_status_page_lists_every_pair_with_counts_in_both_languages(built, path, counts, pages):
    t = tables(html(built, path))
    summary = {row[0]: row[-1] for row in t.rows[1:] if len(row) == 3}     # after the header row
    assert summary == counts
    assert [row for row in t.rows if len(row) == 4][1:] == pages
    prefix = "ar/" if path.startswith("ar/") else ""
    targets = {urljoin(SITE_URL + path + "/", href) for href in t.links}
    assert targets == {SITE_URL + prefix + p for p in ("different/", "outdated/", "complete/", "")}


@pytest.mark.parametrize("path", ["", "ar/"])
def test_status_page_is_in_the_navigation(built, path):
    page = html(built, path.rstrip("/") or ".")
    hrefs = {urljoin(SITE_URL + path, h) for h in re.findall(r'class="md-nav__link"[^>]*href="([^"]+)"|'
                                                            r'href="([^"]+)"[^>]*class="md-nav__link"', page)
             for h in h if h}
    assert SITE_URL + path + "translation-status/" in hrefs
