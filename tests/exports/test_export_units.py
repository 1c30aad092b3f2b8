"""The export helpers on their own: nav order, paths, handout extraction, link retargeting, sizes, manifest,
a fixture kit rendered to PDF, and bad input reported without a traceback."""
import datetime
import json
import shutil
from pathlib import Path

import pytest
import tinyhtml5
from click.testing import CliRunner
from pypdf import PdfReader

from export_helpers import ROOT, link_targets, outline, pdftotext
from kb import downloads
from kb.cli import app
from kb.export import (
    Document,
    ExportError,
    Language,
    Site,
    built_path,
    flatten_nav,
    handout_part,
    kit_html,
    read_page,
    write_pdf,
)
from kb.export.css import _counter_content

DATA = Path(__file__).parent / "data"
EN = Language("en", "English", "Test KB", "A test.", True)
AR = Language("ar", "العربية", "قاعدة اختبار", "اختبار.", False)


def test_flatten_nav_keeps_reading_order_and_depth():
    nav = [{"Home": "index.md"}, {"Kits": ["workshops/index.md", "workshops/a.md", {"Sub": ["x/b.md"]}]},
           "about.md"]
    got = [(e.src, e.title, e.depth) for e in flatten_nav(nav)]
    assert got == [("index.md", None, 1), ("workshops/index.md", None, 1), ("workshops/a.md", None, 2),
                   (None, "Sub", 2), ("x/b.md", None, 3), ("about.md", None, 1)]


def test_built_path_follows_directory_urls_and_language_prefix():
    assert built_path("index.md", EN) == "index.html"
    assert built_path("workshops/index.md", AR) == "ar/workshops/index.html"
    assert built_path("about.md", AR) == "ar/about/index.html"


def fixture_site(tmp_path) -> Path:
    site = tmp_path / "site"
    (site / "workshops" / "fixture").mkdir(parents=True)
    shutil.copy(DATA / "kit.html", site / "workshops" / "fixture" / "index.html")
    shutil.copytree(ROOT / "docs" / "assets" / "fonts", site / "assets" / "fonts")
    return site


def test_handout_runs_from_handout_to_sources(tmp_path):
    page = read_page(fixture_site(tmp_path), "workshops/fixture/index.html")
    part = handout_part(page.article, page.path)
    ids = [el.get("id") for el in part if el.get("id")]
    assert ids == ["handout", "worksheet"]
    text = "".join(part.itertext())
    assert "Keep this sheet" in text and "Source list" not in text and "Only for the facilitator" not in text
    # Edit button, permalinks and the last-update aside never reach paper.
    assert "¶" not in "".join(page.article.itertext()) and "Last update" not in "".join(page.article.itertext())


def test_kit_without_handout_is_reported_with_its_path(tmp_path):
    root = tinyhtml5.parse("<article class='md-content__inner'><h1>T</h1><h2 id='activities'>A</h2></article>",
                           namespace_html_elements=False)
    message = r"^ar/workshops/x/index.html: the workshop kit has no section with id 'handout'"
    with pytest.raises(ExportError, match=message):
        handout_part(root.find(".//article"), "ar/workshops/x/index.html")


def test_links_point_inside_the_document_or_to_the_published_site(tmp_path):
    page = read_page(fixture_site(tmp_path), "workshops/fixture/index.html")
    part = handout_part(page.article, page.path)
    doc = Document(tmp_path, "https://example.org/kb/")
    wrapper = tinyhtml5.parse("<section></section>", namespace_html_elements=False).find(".//section")
    doc.add(page.path, part, wrapper)
    doc.resolve()
    hrefs = [a.get("href") for a in part.iter("a")]
    worksheet = next(el.get("id") for el in part.iter() if el.tag == "h3")
    assert hrefs == [f"#{worksheet}", "https://example.org/kb/workshops/fixture/#activity-1"]


def test_page_counter_uses_arabic_indic_digits_in_arabic():
    assert _counter_content("Page {page} of {pages}", "en") == '"Page " counter(page) " of " counter(pages)'
    assert _counter_content("صفحة {page} من {pages}", "ar") == \
        '"صفحة " counter(page, arabic-indic) " من " counter(pages, arabic-indic)'


def test_sizes_and_links_are_localised():
    assert downloads.human_size(48_200, "en") == "48 KB"
    assert downloads.human_size(1_234_567, "ar") == "1.2 ميغابايت"
    assert downloads.href("ar/workshops/kit/", "x.pdf") == "../../../downloads/x.pdf"
    assert downloads.href("", "x.pdf") == "downloads/x.pdf"
    assert downloads.href("ar/workshops/kit.html", "x.pdf") == "../../downloads/x.pdf"  # offline build


def test_manifest_lists_only_existing_files_and_no_zip_offline(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "o.zip").write_bytes(b"PK")
    entries = [{"file": "a.pdf", "lang": "en", "kind": "knowledge-base", "bytes": 4},
               {"file": "o.zip", "lang": "en", "kind": "offline", "bytes": 2},
               {"file": "gone.pdf", "lang": "en", "kind": "handout", "bytes": 9}]
    (tmp_path / "manifest.json").write_text(json.dumps({"edition": "2026-01-02", "files": entries}))
    assert [e["file"] for e in downloads.load_manifest(tmp_path)["files"]] == ["a.pdf", "o.zip"]
    assert [e["file"] for e in downloads.load_manifest(tmp_path, offline=True)["files"]] == ["a.pdf"]
    assert downloads.load_manifest(tmp_path / "nowhere") == {"edition": None, "files": []}
    (tmp_path / "manifest.json").write_text('{"files": [\n  {"file": }\n]}')
    with pytest.raises(downloads.DownloadsError, match=rf"^{tmp_path}/manifest.json:2: not valid JSON"):
        downloads.load_manifest(tmp_path)


def test_fixture_kit_prints_a_handout_with_only_its_handout(tmp_path):
    site_dir = fixture_site(tmp_path)
    site = Site(ROOT / "mkdocs.yml", "https://example.org/kb/", [], [EN])
    html = kit_html(site, site_dir, EN, "workshops/fixture.md", "handout", datetime.date(2026, 1, 2))
    out = tmp_path / "handout.pdf"
    write_pdf(html, out, site_dir)
    text = " ".join(pdftotext(out).split())
    assert "Participant handout" in text and "Worksheet" in text and "Keep this sheet" in text
    assert "Edition of January 2, 2026" in text and "Page 1 of 1" in text
    assert "Source list" not in text and "Only for the facilitator" not in text
    reader = PdfReader(out)
    assert [title for _, title, _ in outline(reader)] == ["Fixture kit", "Participant handout", "Worksheet"]
    targets = link_targets(reader)
    assert (0, 0) in targets and (0, "https://example.org/kb/workshops/fixture/#activity-1") in targets


def test_cli_without_a_built_site_says_what_to_do(tmp_path):
    result = CliRunner().invoke(app, ["pdf", "pdf", "--site", str(tmp_path / "none"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'none'}: no built site here (run `make build` first)"
    assert "Traceback" not in result.stderr


def test_cli_with_a_missing_page_names_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>")
    result = CliRunner().invoke(app, ["pdf", "pdf", "--site", str(site), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.exception.__class__ is SystemExit
    assert result.stderr.startswith(f"error: {site}/index.html: no <article")
