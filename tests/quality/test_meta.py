"""Every built page, generated ones included, has its own meta description in its language, exactly as the
front matter gives it (quotes and ampersands escaped, not cut short)."""
import re
from html.parser import HTMLParser
from pathlib import Path

from kb.frontmatter import parse
from kb.html import escape_meta_description

DOCS = Path(__file__).resolve().parents[2] / "docs"
ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang, self.descriptions = None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def built_pages(site: Path):
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts)


def test_every_page_has_one_description_of_its_own_in_its_language(site):
    pages = built_pages(site)
    assert len(pages) > 60
    site_defaults = {head(site / "index.html").descriptions[0], head(site / "ar" / "index.html").descriptions[0]}
    problems = []
    for path in pages:
        rel = path.relative_to(site).as_posix()
        page = head(path)
        lang = "ar" if rel.startswith("ar/") else "en"
        if page.lang != lang:
            problems.append(f"{rel}: lang={page.lang!r}")
        if len(page.descriptions) != 1 or not page.descriptions[0].strip():
            problems.append(f"{rel}: {len(page.descriptions)} meta descriptions {page.descriptions}")
            continue
        text = page.descriptions[0]
        if rel not in ("index.html", "ar/index.html") and text in site_defaults:
            problems.append(f"{rel}: the home page's description, not its own")
        arabic, latin = len(ARABIC.findall(text)), len(LATIN.findall(text))
        if (lang == "ar" and arabic <= latin) or (lang == "en" and arabic > 0):
            problems.append(f"{rel}: description not in {lang}: {text!r}")
    assert problems == [], "\n".join(problems)


def test_descriptions_are_the_front_matter_text_exactly(site):
    checked, problems = 0, []
    for source in sorted(DOCS.glob("[a-z][a-z]/**/*.md")):
        page, _ = parse(source.read_text(encoding="utf-8"), str(source))
        if not page or not page.meta.get("description"):
            continue
        lang, *parts = source.relative_to(DOCS).parts
        url = "/".join(parts)[:-len(".md")]
        url = url[:-len("index")] if url == "index" or url.endswith("/index") else url + "/"
        built = site / ("ar/" if lang == "ar" else "") / url / "index.html"
        want = " ".join(str(page.meta["description"]).split())
        got = [" ".join(d.split()) for d in head(built).descriptions]
        checked += 1
        if got != [want]:
            problems.append(f"{source.relative_to(DOCS)}: built {got}, front matter {want!r}")
    assert checked > 40
    assert problems == [], "\n".join(problems)


def test_escape_meta_description_escapes_quotes_and_ampersands():
    html = '<head><meta name="description" content="The "A & B" panel"></head>'
    out = escape_meta_description(html, 'The "A & B" panel')
    assert out == '<head><meta name="description" content="The &quot;A &amp; B&quot; panel"></head>'
    parser = _Head()
    parser.feed(out)
    assert parser.descriptions == ['The "A & B" panel']
