"""The open data as its users read it: the catalogue of each language valid against its JSON Schema (jsonschema),
holding every case study, kit, initiative list and initiative, event and organisation with the same ids in both
languages and URLs that are built pages; the CSV (with a byte-order mark, for spreadsheets) the same rows; the
Atom feeds parsed by feedparser without a bozo flag and linked from every page's footer; the downloads page
linking all four files."""
import csv
import io
import json
from pathlib import Path

import feedparser
import jsonschema
import lxml.html
import pytest

from kb.data import ui
from kb.frontmatter import parse
from kb.languages import LANGS
from kb.opendata import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
KINDS = {"case-study", "workshop-kit", "initiative-list", "event", "organisation"}


def pages(lang):
    out = {}
    for file in sorted((DOCS / lang).rglob("*.md")):
        page, _ = parse(file.read_text(encoding="utf-8"), str(file))
        out[file.relative_to(DOCS / lang).as_posix()] = page.meta
    return out


def built(site: Path, url: str, site_url: str) -> Path:
    return site / url[len(site_url):] / "index.html"


def catalogue(site, lang):
    return json.loads((site / "data" / f"catalogue.{lang}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_valid_complete_and_points_at_built_pages(site, site_url, lang):
    schema = json.loads((site / "data" / "catalogue.schema.json").read_text(encoding="utf-8"))
    doc = catalogue(site, lang)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["language"] == lang
    items = {i["id"]: i for i in doc["items"]}
    want = {rel[:-3]: m for rel, m in pages(lang).items() if m.get("kind") in KINDS and not rel.endswith("index.md")}
    assert {i for i, r in items.items() if r["kind"] != "initiative"} == set(want)
    assert sum(r["kind"] == "initiative" for r in items.values()) == sum(
        len(m.get("initiatives") or []) for m in want.values()) > 0
    for rid, meta in want.items():
        row = items[rid]
        assert row["kind"] == meta["kind"] and row["title"] == meta["title"], rid
        assert built(site, row["url"], site_url).is_file() and built(site, row["translation_url"], site_url).is_file()
        assert len(row["themes"]) == len(meta.get("themes") or [])
        if meta["kind"] == "workshop-kit":
            assert row["duration_minutes"] == meta["duration"]


def test_both_languages_list_the_same_ids_linked_to_each_other(site):
    en, ar = ({i["id"]: i for i in catalogue(site, lang)["items"]} for lang in ("en", "ar"))
    assert set(en) == set(ar)
    for rid, row in en.items():
        assert row["translation_url"] == ar[rid]["url"] and ar[rid]["translation_url"] == row["url"]


@pytest.mark.parametrize("lang", LANGS)
def test_csv_has_a_byte_order_mark_and_the_catalogues_rows(site, lang):
    raw = (site / "data" / f"catalogue.{lang}.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == COLUMNS
    items = catalogue(site, lang)["items"]
    assert [(r["id"], r["title"], r["url"]) for r in rows] == [(i["id"], i["title"], i["url"]) for i in items]
    assert [r["themes"] for r in rows] == ["; ".join(i["themes"]) for i in items]


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_lists_the_pages_by_last_change(site, site_url, lang):
    feed = feedparser.parse((site / ("" if lang == "en" else f"{lang}/") / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.language == lang
    hand_written = sum(1 for _ in (DOCS / lang).rglob("*.md"))
    assert len(feed.entries) == hand_written
    stamps = [e.updated_parsed for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True) and feed.feed.updated_parsed == stamps[0]
    titles = {m["title"] for m in pages(lang).values()}
    for entry in feed.entries:
        assert entry.title in titles and built(site, entry.link, site_url).is_file(), entry.link
    assert "CC BY 4.0" in feed.feed.rights


def test_every_page_links_its_languages_feed_from_the_footer(site):
    """In the footer, not in the head: Material's language selector fetches sitemap.xml beside every
    <link rel="alternate"> in the page (overrides/main.html, block site_meta)."""
    checked = 0
    for path in sorted(p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts):
        lang = "ar" if path.relative_to(site).parts[0] == "ar" else "en"
        doc = lxml.html.fromstring(path.read_bytes())
        assert doc.xpath("//link[@type='application/atom+xml']") == [], path
        links = doc.xpath("//footer//a[@type='application/atom+xml']")
        assert [(a.get("rel"), a.get("hreflang")) for a in links] == [("alternate", lang)], path
        assert (path.parent / links[0].get("href")).resolve() == (site / ("" if lang == "en" else "ar") / "feed.xml")
        assert links[0].text_content().strip() == ui()[lang]["opendata"]["feed"], path
        checked += 1
    assert checked > 60


@pytest.mark.parametrize("lang", LANGS)
def test_downloads_page_links_the_open_data(site, lang):
    page = site / ("" if lang == "en" else f"{lang}/") / "downloads" / "index.html"
    doc = lxml.html.fromstring(page.read_bytes())
    hrefs = [(page.parent / a.get("href")).resolve() for a in doc.xpath("//ul[@class='kb-open-data']//a")]
    want = [site / "data" / f"catalogue.{lang}.json", site / "data" / f"catalogue.{lang}.csv",
            site / "data" / "catalogue.schema.json", site / ("" if lang == "en" else "ar") / "feed.xml"]
    assert hrefs == [w.resolve() for w in want] and all(w.is_file() for w in want)
