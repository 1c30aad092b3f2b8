"""The real site builds strictly, in two language trees, with correct lang/dir, and its hreflang alternates in
the sitemap."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from kb.kinds import GENERATED_IDS
from support import copy_project, run_build


class _Head(HTMLParser):
    """Collects the root element's attributes, the <link rel="alternate"> tags and the language switcher links."""

    def __init__(self):
        super().__init__()
        self.html, self.alternates, self.switcher = {}, [], {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html = a
        elif tag == "link" and "alternate" in (a.get("rel") or "").lower().split():
            self.alternates.append(a)
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


def sitemap_alternates(site: Path, site_url: str) -> dict[Path, dict[str, Path]]:
    """{built page: {hreflang: built page}} from sitemap.xml's <url> entries and their xhtml:link alternates."""
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    local = {}
    for url in root.findall("s:url", ns):
        page = _local(site, site_url, site / "index.html", url.find("s:loc", ns).text).resolve()
        links = url.findall("x:link", ns)
        assert all(link.get("rel") == "alternate" for link in links)
        local[page] = {link.get("hreflang"): _local(site, site_url, page, link.get("href")).resolve() for link in links}
    return local


def test_switcher_and_sitemap_hreflang_point_to_the_counterpart(site, site_url):
    """Every page is in the sitemap with its translation and x-default (the English page) as hreflang alternates,
    and its head has no <link rel="alternate">: Material's language selector would fetch sitemap.xml beside each
    (a 404 and a console error, or the whole sitemap parsed; overrides/main.html, block site_meta)."""
    in_sitemap = sitemap_alternates(site, site_url)
    checked = 0
    for lang in ("en", "ar"):
        for page in pages(site, lang):
            rel = page.relative_to(site / "ar" if lang == "ar" else site)
            expected = {"en": (site / rel).resolve(), "ar": (site / "ar" / rel).resolve()}
            head = parse(page)
            assert head.alternates == [], f"{page}: {head.alternates}"
            assert set(head.switcher) == {"en", "ar"}, page
            for other in ("en", "ar"):
                assert _local(site, site_url, page, head.switcher[other]).resolve() == expected[other]
            if page.parent.name == "404" or page.parent == site / "ar" / "404":
                continue
            assert in_sitemap[page.resolve()] == {**expected, "x-default": expected["en"]}, page
            checked += 1
    assert checked > 100 and checked == len(in_sitemap), (checked, len(in_sitemap))


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
