"""On the real site (built once per session by the shared `site` fixture): each catalogue lists exactly the
pages whose front matter matches, in both languages."""
import posixpath

import pytest
import yaml
from test_catalogues import article, links_under

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


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_real_catalogues_match_the_front_matter(site, lang):
    pages = collect(lang)
    root = "ar/" if lang == "ar" else ""
    case_studies = article(site, root + "case-studies")
    for vocab, key, prefix in (("themes", "themes", "theme"), ("regions", "region", "region")):
        for term in vocabularies()[vocab]:
            want = expected(pages, "case-study", key, term, "case-studies/index.md")
            if want:
                assert links_under(case_studies, f"{prefix}-{term}") == want, (lang, term)
    initiatives = article(site, root + "initiatives")
    for term in vocabularies()["initiative-areas"]:
        want = expected(pages, "initiative-list", "area", term, "initiatives/index.md")
        if want:
            assert links_under(initiatives, f"area-{term}") == want
    kits = [posixpath.basename(rel[:-3]) + "/" for rel, m in pages.items() if m.get("kind") == "workshop-kit"]
    assert links_under(article(site, root + "workshops"), "all-kits") == sorted(kits)
    for term in vocabularies()["themes"]:
        theme = article(site, f"{root}themes/{term}")
        for kind, section in (("case-study", "case-studies"), ("workshop-kit", "workshops")):
            want = expected(pages, kind, "themes", term, f"themes/{term}/index.md")  # served at themes/<id>/
            got = links_under(theme, section) if want else []
            assert got == want, (lang, term, kind)
