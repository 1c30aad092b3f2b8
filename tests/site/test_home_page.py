"""The home page in each language, as built: the search box, a card per section with its count (counted here from
docs/<lang>/), the featured pages its front matter names, and the content pages changed last, newest first (their
dates read here from git)."""
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
import tinyhtml5

from kb.data import ui
from kb.frontmatter import parse
from kb.kinds import SECTIONS
from kb.render import plural

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PREFIX = {"en": "", "ar": "ar/"}


def meta(path: Path) -> dict:
    page, _ = parse(path.read_text(encoding="utf-8"), str(path))
    return page.meta


def home(site: Path, lang: str):
    return tinyhtml5.parse((site / PREFIX[lang] / "index.html").read_text(encoding="utf-8"),
                           namespace_html_elements=False)


def boxes(root, cls: str):
    return [e for e in root.iter() if cls in (e.get("class") or "").split()]


def text(e) -> str:
    return " ".join("".join(e.itertext()).split())


def target(lang: str, href: str) -> str:
    """The page (relative to its language folder) a link on the home page leads to."""
    return unquote(urljoin("/", href)).strip("/")


@pytest.mark.parametrize("lang", PREFIX)
def test_search_box_reloads_the_home_page_with_the_query(site, lang):
    form, = boxes(home(site, lang), "kb-home-search")
    assert (form.tag, form.get("role"), form.get("action"), form.get("method")) == ("form", "search", "./", "get")
    field, = [e for e in form.iter("input")]
    assert field.get("name") == "q" and field.get("type") == "search"
    label, = [e for e in form.iter("label")]
    assert label.get("for") == field.get("id") and text(label) == ui()[lang]["home"]["search_label"]


@pytest.mark.parametrize("lang", PREFIX)
def test_a_card_per_section_with_its_count(site, lang):
    grid, = boxes(home(site, lang), "kb-home-sections")
    cards = {target(lang, c.find(".//a").get("href")): text(c) for c in boxes(grid, "card")}
    for kind, folder in SECTIONS.items():
        pages = [p for p in (DOCS / lang / folder).glob("*.md") if p.name != "index.md"]
        assert pages and all(meta(p)["kind"] == kind for p in pages)
        card = cards[folder]
        assert plural(ui()[lang]["home"]["counts"][kind], len(pages), lang) in card
        assert " ".join(meta(DOCS / lang / folder / "index.md")["description"].split()) in card
    assert "themes" in cards
    assert all((site / PREFIX[lang] / href / "index.html").is_file() for href in cards)


@pytest.mark.parametrize("lang", PREFIX)
def test_featured_pages_are_the_ones_the_front_matter_names(site, lang):
    featured = meta(DOCS / lang / "index.md")["featured"]
    grid, = boxes(home(site, lang), "kb-home-featured")
    cards = boxes(grid, "card")
    assert [target(lang, c.find(".//a").get("href")) + ".md" for c in cards] == [f[:-3] + ".md" for f in featured]
    for card, rel in zip(cards, featured, strict=True):
        assert text(card.find(".//a")) == meta(DOCS / lang / rel)["title"]
        assert boxes(card, "kb-card__facts")


def committed(path: Path) -> int:
    out = subprocess.run(["git", "log", "-1", "--format=%at", "--", str(path)], cwd=ROOT, capture_output=True,
                         text=True).stdout.strip()
    return int(out) if out else 2**40  # never committed: dated at the build, newer than anything in the history


@pytest.mark.parametrize("lang", PREFIX)
def test_recently_updated_lists_the_content_pages_changed_last_newest_first(site, lang):
    box, = boxes(home(site, lang), "kb-home-recent")
    listed = [target(lang, a.get("href")) for a in box.iter("a")]
    assert 1 <= len(listed) <= 5
    content = {p.relative_to(DOCS / lang).with_suffix("").as_posix(): committed(p)
               for folder in SECTIONS.values() for p in (DOCS / lang / folder).glob("*.md") if p.name != "index.md"}
    assert set(listed) <= set(content)
    times = [content[rel] for rel in listed]
    assert times == sorted(times, reverse=True)
    assert min(times) >= max((t for rel, t in content.items() if rel not in listed), default=0)


@pytest.mark.parametrize("lang", PREFIX)
def test_the_map_card_counts_the_lines_the_map_draws(site, lang):
    grid, = boxes(home(site, lang), "kb-home-sections")
    card, = [c for c in boxes(grid, "card") if target(lang, c.find(".//a").get("href")) == "map"]
    built = tinyhtml5.parse((site / PREFIX[lang] / "map" / "index.html").read_text(encoding="utf-8"),
                            namespace_html_elements=False)
    lines = {frozenset((e.get("data-kb-from"), e.get("data-kb-to"))) for e in built.iter() if e.get("data-kb-from")}
    assert len(lines) > 30
    assert plural(ui()[lang]["home"]["links"], len(lines), lang) in text(card)
