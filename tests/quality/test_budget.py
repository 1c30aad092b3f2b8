"""Weight budget: the first view of an Arabic article, fonts included, stays under 200 kB as GitHub Pages sends
it (gzip), measured in Chromium; caps per asset type and per built file keep a heavy font or script out; the
cut-down Arabic font still covers every character the content uses."""
import gzip
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from bench.serve import serve
from bench.weight import ARTICLE, BUDGET, first_view, report
from kb import arabic

ROOT = Path(__file__).resolve().parents[2]
# First view of the Arabic article, bytes sent per kind of request.
KIND_CAPS = {"font": 90_000, "js": 50_000, "css": 32_000, "html": 30_000, "data": 8_000, "image": 4_000}
# Built files, gzip size for text and file size for fonts: (pattern under the site, cap per file).
FILE_CAPS = [
    (r"assets/fonts/.*\.woff2", 16_000),
    (r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", 40_000),
    (r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", 15_000),
    (r"assets/javascripts/(search|vendor)/.*\.js|assets/javascripts/[^/]*\.js", 6_000),
    (r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", 25_000),
    (r"assets/stylesheets/[^/]*\.css", 4_000),
]
ARABIC_SCRIPT = re.compile(f"[{arabic.SCRIPT_CLASS}]")


@pytest.fixture(scope="module")
def first_views(site, browser):
    with serve(site) as server:
        return {device: first_view(browser, server, site, ARTICLE, device) for device in ("mobile", "desktop")}


@pytest.mark.browser
@pytest.mark.parametrize("device", ["mobile", "desktop"])
def test_first_view_of_an_arabic_article_is_within_budget(first_views, device):
    rows = first_views[device]
    assert any(r["kind"] == "font" and "naskh" in r["path"] for r in rows), "the Arabic font was not loaded"
    assert all(r["sent"] < r["raw"] for r in rows if r["kind"] in ("html", "css", "js")), "text went out uncompressed"
    assert sum(r["sent"] for r in rows) <= BUDGET, report(rows)
    by_kind = {}
    for r in rows:
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + r["sent"]
    over = {k: v for k, v in by_kind.items() if v > KIND_CAPS.get(k, 0)}
    assert over == {}, report(rows)


@pytest.mark.browser
def test_search_index_loads_with_the_first_query_not_with_the_page(first_views):
    paths = [r["path"] for r in first_views["mobile"]]
    assert not any(p.startswith("/search/index.") for p in paths), paths


def test_built_assets_are_within_their_caps(site):
    # Material's lunr language files are never loaded: the search worker runs lunr in English mode.
    files = sorted(p for p in (site / "assets").rglob("*") if p.suffix in (".js", ".css", ".woff2")
                   and "lunr" not in p.relative_to(site).parts[:3])
    assert len(files) > 10
    problems = []
    for path in files:
        rel = path.relative_to(site).as_posix()
        cap = next((cap for pattern, cap in FILE_CAPS if re.fullmatch(pattern, rel)), None)
        data = path.read_bytes()
        size = len(data) if path.suffix == ".woff2" else len(gzip.compress(data, 6))
        if cap is None:
            problems.append(f"{rel}: no cap in FILE_CAPS ({size} bytes)")
        elif size > cap:
            problems.append(f"{rel}: {size} bytes (cap {cap})")
    assert problems == [], "\n".join(problems)


def test_arabic_font_covers_every_arabic_character_in_the_content():
    used = set()
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "kb" / "data").glob("*.yml")]:
        used |= set(ARABIC_SCRIPT.findall(path.read_text(encoding="utf-8")))
    assert len(used) > 30
    for font in sorted((ROOT / "docs" / "assets" / "fonts").glob("noto-naskh-arabic-*.woff2")):
        cmap = TTFont(font).getBestCmap()
        missing = sorted(f"U+{ord(c):04X}" for c in used if ord(c) not in cmap)
        assert missing == [], f"{font.name} lacks {missing}: widen the subset (see fonts.css)"
