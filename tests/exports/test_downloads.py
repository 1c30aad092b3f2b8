"""Download links on the site: rendered from the exports' manifest, so the strict build passes with or without
exports; with them, each kit page and the downloads page link every file with its localised size."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
import tinyhtml5

from export_helpers import ROOT
from kb.downloads import human_size, ui
from kb.export import built_path, load_site, publish

SITE = load_site()
LANGS = {lang.code: lang for lang in SITE.languages}


def build(dest: Path, downloads: Path) -> Path:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_DOWNLOADS=str(downloads))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


@pytest.fixture(scope="module")
def with_exports(site, exports, tmp_path_factory):
    """The site as `make pdf` publishes it: built, exported, then its pages list the exports (kb pdf --publish)."""
    dest = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(site, dest)
    publish(SITE, dest, exports)
    return dest


@pytest.fixture(scope="module")
def without_exports(site, _reused, tmp_path_factory):
    """A strict build with no exports to list: the session's own build is one (tests/conftest.py)."""
    if not _reused:
        return site
    return build(tmp_path_factory.mktemp("site-without-downloads"), tmp_path_factory.mktemp("no-exports"))


def links(site: Path, path: str, selector_class: str):
    """(href resolved to a site path, text) of the links inside elements of `selector_class` on a page."""
    root = tinyhtml5.parse((site / path).read_text(encoding="utf-8"), namespace_html_elements=False)
    out = []
    for box in root.iter():
        if selector_class in (box.get("class") or "").split():
            for a in box.iter("a"):
                target = unquote(urljoin("/" + path, a.get("href"))).lstrip("/")
                out.append((target, " ".join("".join(a.itertext()).split()), "".join(box.itertext())))
    return out


def manifest(exports):
    return json.loads((exports / "manifest.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("code", LANGS)
def test_each_kit_page_links_its_guide_and_handout_with_sizes(exports, with_exports, code):
    entries = [e for e in manifest(exports) if e.get("kit") and e["lang"] == code]
    assert entries
    for kit in {e["kit"] for e in entries}:
        page = built_path(kit, LANGS[code])
        found = links(with_exports, page, "kb-downloads")
        wanted = {f"downloads/{e['file']}": e for e in entries if e["kit"] == kit}
        assert {target for target, _, _ in found} == set(wanted), page
        for target, text, box in found:
            entry = wanted[target]
            assert (with_exports / target).stat().st_size == entry["bytes"]
            assert text == ui(code)[f"downloads_{entry['kind'].replace('-', '_')}"]
            assert human_size(entry["bytes"], code) in box


@pytest.mark.parametrize("code", LANGS)
def test_downloads_page_lists_every_export_this_language_first(exports, with_exports, code):
    page = built_path("downloads.md", LANGS[code])
    found = links(with_exports, page, "kb-downloads-lang")
    assert {target for target, _, _ in found} == {f"downloads/{e['file']}" for e in manifest(exports)}
    assert all((with_exports / target).is_file() for target, _, _ in found)
    assert found[0][0] == f"downloads/knowledge-base-{code}.pdf"
    for entry in manifest(exports):
        html = (with_exports / page).read_text(encoding="utf-8")
        assert human_size(entry["bytes"], entry["lang"]) in html


@pytest.mark.parametrize("code", LANGS)
def test_home_page_offers_the_whole_knowledge_base_and_offline_copy_in_its_language(exports, with_exports,
                                                                                   without_exports, code):
    page = built_path("index.md", LANGS[code])
    wanted = {f"downloads/{e['file']}": e for e in manifest(exports)
              if e["lang"] == code and e["kind"] in ("knowledge-base", "offline")}
    found = links(with_exports, page, "kb-home-downloads")
    assert [target for target, _, _ in found] == sorted(wanted, key=lambda t: wanted[t]["kind"] != "knowledge-base")
    for target, _, box in found:
        assert (with_exports / target).stat().st_size == wanted[target]["bytes"]
        assert human_size(wanted[target]["bytes"], code) in box
    assert not links(without_exports, page, "kb-home-downloads")  # nothing to link before the export step


@pytest.mark.parametrize("code", LANGS)
def test_without_exports_the_build_passes_and_links_nothing(without_exports, code):
    page = built_path("downloads.md", LANGS[code])
    html = (without_exports / page).read_text(encoding="utf-8")
    assert ui(code)["downloads_none"].replace("{command}", "<code>make pdf</code>") in html.replace("&#39;", "'")
    content = html.split('class="md-content"', 1)[1].split("</article>", 1)[0]
    assert not re.findall(r'href="[^"]*downloads/[^"]+"', content)
    # downloads/ holds the English downloads page itself, and no exported file.
    assert not [p for p in (without_exports / "downloads").iterdir() if p.suffix in (".pdf", ".zip")]
    kit_pages = list((without_exports / LANGS[code].prefix / "workshops").rglob("index.html"))
    assert kit_pages and not any(links(without_exports, p.relative_to(without_exports).as_posix(), "kb-downloads")
                                 or 'class="kb-downloads' in p.read_text(encoding="utf-8") for p in kit_pages)
