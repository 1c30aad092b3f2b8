"""A section lists its pages without a nav entry for each (kb/sections.py): pages added to the docs alone appear
in their section's sidebar, ordered from their front matter, in both languages. A section too large for the
sidebar (kb/nav.py) lists the pages around the current one and a link to its index, in both languages; smaller
sections, all of today's, are listed in full; every page stays reachable."""
import random
import re
from pathlib import Path

import pytest

from bench.build_bench import case_study, write_project
from kb.nav import LIMIT, WINDOW
from tests.conftest import copy_project, run_build

ROOT = Path(__file__).parents[2]
# Pages a pull request adds to the case studies, with no change to mkdocs.yml: (slug, extra front matter,
# English title, Arabic title). The two undated ones sort in the opposite order in Arabic.
ADDED = [("placed-by-order", "order: 15", "Placed by its order", "موضوعة بترتيبها"),
         ("dated-2025", 'date: "2025-06-01"', "Dated page", "صفحة مؤرخة"),
         ("dated-2019", "year: 2019", "Older dated page", "صفحة مؤرخة أقدم"),
         ("undated-a", "", "Apples and libraries", "مكتبات وتفاح"),
         ("undated-b", "", "Books and partners", "شركاء وكتب")]

SYNTHETIC = 40  # case studies per language added to the 4 real ones: more than LIMIT


def sidebar(html: str) -> list[tuple[str, str, bool]]:
    """(href, label, active) of each page link in the primary navigation's open section, in order."""
    nav = html[html.index("md-nav--primary"):html.index("md-sidebar--secondary")]
    return [(href, label.strip(), bool(active)) for href, active, label in re.findall(
        r'<a href="([^"#]+)" class="md-nav__link( md-nav__link--active)?">\s*<span class="md-ellipsis">\s*([^<]+)',
        nav)]


@pytest.fixture(scope="module")
def added_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("added") / "project")
    for n, (slug, extra, en, ar) in enumerate(ADDED):
        for lang, title in (("en", en), ("ar", ar)):
            text = case_study(lang, n, random.Random(f"{lang}{n}"))
            text = re.sub(r"^year: .*\n", "", text, flags=re.M)
            title_line = f"title: {title}" + (f"\n{extra}" if extra else "")
            text = re.sub(r"^title: .*$", title_line, text, count=1, flags=re.M)
            text = re.sub(r"^# .*$", f"# {title}", text, count=1, flags=re.M)
            (project / "docs" / lang / "case-studies" / f"{slug}.md").write_text(text, encoding="utf-8")
    assert (project / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("lang, label, undated", [("en", "Case studies", ["undated-a", "undated-b"]),
                                                  ("ar", "دراسات الحالة", ["undated-b", "undated-a"])])
def test_pages_added_without_a_nav_edit_are_listed_in_order(added_site, lang, label, undated):
    """order 15 between the real pages' 10 and 20; then the dated pages, newest first; then by title, in the
    page's language; the section keeps its translated label."""
    root = added_site if lang == "en" else added_site / "ar"
    html = (root / "case-studies/index.html").read_text(encoding="utf-8")
    links = [href for href, _, _ in sidebar(html) if href not in ("./", "..") and not href.startswith("../")]
    assert links == [f"{slug}/" for slug in [
        "partnership-lessons-regional-offices", "placed-by-order", "sector-community-government-partnerships",
        "arabic-library-networks-open-ecosystems", "library-associations-international-cooperation",
        "dated-2025", "dated-2019", *undated]]
    assert re.search(rf'<a href="./" class="md-tabs__link">\s*{label}\s*</a>', html)
    page = (root / "case-studies/dated-2019/index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="../{undated[0]}/" class="md-footer__link md-footer__link--next"', page)


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    assert SYNTHETIC + 4 > LIMIT
    project = write_project(tmp_path_factory.mktemp("nav") / "project", SYNTHETIC)
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("lang, all_label", [("en", "All pages in this section (44)"),
                                             ("ar", "جميع صفحات هذا القسم (44)")])
def test_large_section_lists_a_window_around_the_page(big_site, lang, all_label):
    root = big_site if lang == "en" else big_site / "ar"
    links = sidebar((root / "case-studies/synthetic-0020/index.html").read_text(encoding="utf-8"))
    synthetic = [href for href, _, _ in links if "synthetic-" in href or href == "./"]
    assert synthetic == [f"../synthetic-{n:04d}/" for n in range(20 - WINDOW, 20)] + ["./"] + \
        [f"../synthetic-{n:04d}/" for n in range(21, 21 + WINDOW)]
    assert [label for _, label, active in links if active] == [next(text for h, text, _ in links if h == "./")]
    assert ("../", all_label, False) in links
    # Near the end the window shifts back and reaches the real case studies listed after the synthetic ones.
    last = sidebar((root / "case-studies/synthetic-0039/index.html").read_text(encoding="utf-8"))
    assert len([h for h, _, _ in last if "synthetic-" in h or h == "./"]) == 2 * WINDOW + 1 - 4
    assert "../arabic-library-networks-open-ecosystems/" in [h for h, _, _ in last]


def test_every_page_of_a_large_section_stays_reachable(big_site):
    index = (big_site / "case-studies/index.html").read_text(encoding="utf-8")
    for n in range(SYNTHETIC):
        assert f'href="synthetic-{n:04d}/"' in index, n  # the catalogue lists every page
    page = (big_site / "case-studies/synthetic-0030/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="../synthetic-0031/" class="md-footer__link md-footer__link--next"', page)


def test_sections_of_the_real_site_are_listed_in_full(site):
    """Organisations, the largest section today; this fails by design once it passes LIMIT pages."""
    organisations = sorted(p.stem for p in (Path(__file__).parents[2] / "docs/en/organisations").glob("*.md")
                           if p.stem != "index")
    for root in (site, site / "ar"):
        links = sidebar((root / "organisations/ifla/index.html").read_text(encoding="utf-8"))
        listed = sorted(h.strip("./").split("/")[-1] for h, _, _ in links
                        if h.startswith("../") and h.count("/") == 2 and not h.startswith("../../"))
        assert listed == [o for o in organisations if o != "ifla"] and len(organisations) <= LIMIT
