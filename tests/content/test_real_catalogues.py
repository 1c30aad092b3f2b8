"""On the real site (built once per session by the shared `site` fixture): each section's catalogue has a card
per page with the page's facet terms, and each theme page lists the pages on it, in both languages."""
import posixpath

import pytest
import yaml
from test_catalogues import article, cards, links_under

from content_helpers import ROOT
from kb.data import vocabularies


def collect(lang):
    """Every page's front matter, read here with PyYAML alone (not with the code that feeds the catalogues)."""
    base = ROOT / "docs" / lang
    return {p.relative_to(base).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
            for p in sorted(base.rglob("*.md"))}


def expected(pages, kind, key, term, here):
    """Links (as the built page writes them) to the pages of `kind` whose `key` is or contains `term`."""
    out = []
    for rel, meta in pages.items():
        value = meta.get(key)
        if meta.get("kind") == kind and (value == term or (isinstance(value, list) and term in value)):
            out.append(posixpath.relpath(rel[:-3], posixpath.dirname(here)) + "/")
    return sorted(out)


FACETS = {"case-studies": {"theme": "themes", "region": "region"}, "workshops": {"theme": "themes",
          "audience": "audience", "duration": "duration"}, "initiatives": {"area": "area"},
          "events": {"region": "region"}, "organisations": {"type": "type", "region": "region"}}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_real_catalogues_match_the_front_matter(site, lang):
    """Each section's index has one card per page of the section, carrying the page's terms of each facet."""
    pages = collect(lang)
    root = "ar/" if lang == "ar" else ""
    for section, facets in FACETS.items():
        got = cards(site, root + section).cards
        want = {posixpath.basename(rel[:-3]) + "/": meta for rel, meta in pages.items()
                if rel.startswith(section + "/") and rel != f"{section}/index.md"}
        assert set(got) == set(want), section
        for href, meta in want.items():
            for facet, key in facets.items():
                value = meta.get(key)
                terms = [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]
                assert got[href].get(facet, []) == terms, (section, href, facet)
    for term in vocabularies()["themes"]:
        theme = article(site, f"{root}themes/{term}")
        for kind, section in (("case-study", "case-studies"), ("workshop-kit", "workshops")):
            want = expected(pages, kind, "themes", term, f"themes/{term}/index.md")  # served at themes/<id>/
            got = links_under(theme, section) if want else []
            assert got == want, (lang, term, kind)
