"""The real site builds strictly, in two language trees, with correct lang/dir and alternates."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from kb.kinds import GENERATED_IDS
from support import copy_project, run_build


class _Head(HTMLParser):
    """Collects the root element's attributes, hreflang alternates and the language switcher links."""

    def __init__(self):
        super().__init__()
        self.html, self.alternates, self.switcher = {}, {}, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html = a
        # The page's translations, not its language's feeds (type application/atom+xml, hreflang too).
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a and "type" not in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.switcher[a["hreflang"]] = a["href"]


def parse(path: Path) -> _Head:
    head = _Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def pages(site: Path, lang: str):
    root = site / "ar" if lang == "ar" else site
    found = [p for p in root.rglob("index.html")
             if lang == "ar" or not p.relative_to(site).parts[0] == "ar"]
    assert found, f"no {lang} pages in {root}"
    return found


def test_both_language_trees_exist(site):
    assert (site / "index.html").exists()
    assert (site / "ar" / "index.html").exists()
    en = {p.relative_to(site).as_posix() for p in pages(site, "en")}
    ar = {p.relative_to(site / "ar").as_posix() for p in pages(site, "ar")}
    assert en == ar, f"pages without counterpart: {sorted(en ^ ar)}"


def test_lang_and_dir_on_every_page(site):
    for lang, direction in (("en", "ltr"), ("ar", "rtl")):
        for page in pages(site, lang):
            html = parse(page).html
            assert (html.get("lang"), html.get("dir")) == (lang, direction), page
            assert f'<body dir="{direction}"' in page.read_text(encoding="utf-8"), page


def _local(site: Path, site_url: str, page: Path, href: str) -> Path:
    """The built file a link from `page` points to (absolute site URLs mapped into the site folder)."""
    if href.startswith("http"):
        assert href.startswith(site_url), href
        target = site / href[len(site_url):]
    else:
        target = Path(urljoin(page.as_posix(), href))
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def test_switcher_and_hreflang_point_to_the_counterpart(site, site_url):
    for lang in ("en", "ar"):
        for page in pages(site, lang):
            rel = page.relative_to(site / "ar" if lang == "ar" else site)
            expected = {"en": site / rel, "ar": site / "ar" / rel}
            head = parse(page)
            assert set(head.alternates) == {"en", "ar", "x-default"}, page
            assert set(head.switcher) == {"en", "ar"}, page
            for other in ("en", "ar"):
                assert _local(site, site_url, page, head.alternates[other]).resolve() == expected[other].resolve()
                assert _local(site, site_url, page, head.switcher[other]).resolve() == expected[other].resolve()
            assert head.alternates["x-default"] == head.alternates["en"]


def test_sitemap_lists_both_languages_with_x_default(site):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert any("/ar/" in loc for loc in locs) and any("/ar/" not in loc for loc in locs)
    assert xml.count('hreflang="x-default"') == len(locs)


def test_arabic_headings_have_unicode_anchors(site):
    html = (site / "ar" / "about" / "index.html").read_text(encoding="utf-8")
    # The author's headings; the generated Sources section keeps its fixed id in both languages.
    ids = [i for i in re.findall(r'<h[1-6][^>]* id="([^"]+)"', html) if i not in GENERATED_IDS]
    assert ids and all(re.search(r"[\u0600-\u06ff]", i) for i in ids), ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_edit_links_open_the_file_in_its_language(site):
    en = (site / "about" / "index.html").read_text(encoding="utf-8")
    ar = (site / "ar" / "about" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/en/about.md" in en
    assert "/edit/main/docs/ar/about.md" in ar


def test_broken_link_fails_the_build_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the missing page](no-such-page.md).\n",
                     encoding="utf-8")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert re.search(r"en/about\.md.*no-such-page\.md", out), out


AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر")


def test_last_updated_dates_are_localised(site):
    date = re.compile(r'git-revision-date-localized-plugin-date"[^>]*>([^<]+)<')
    ar = date.search((site / "ar" / "about" / "index.html").read_text(encoding="utf-8"))
    en = date.search((site / "about" / "index.html").read_text(encoding="utf-8"))
    assert ar and any(month in ar.group(1) for month in AR_MONTHS), ar and ar.group(1)
    assert en and re.match(r"[A-Z][a-z]+ \d{1,2}, \d{4}$", en.group(1)), en and en.group(1)
    assert "آخر تحديث" in (site / "ar" / "about" / "index.html").read_text(encoding="utf-8")


def test_root_404_page_is_the_default_language_one(site):
    # mkdocs-static-i18n's Arabic build would otherwise leave its own 404 page at the site root.
    head = parse(site / "404.html")
    assert (head.html.get("lang"), head.html.get("dir")) == ("en", "ltr")
