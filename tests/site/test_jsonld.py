"""Search engines and harvesters read each page as a schema.org item of its kind: the JSON-LD of one page of each
kind in each language read with extruct from the built site, its facts compared with the front matter, its
translation link followed to the counterpart page; and the CSP leaves the data block alone (it never runs)."""
import re

import extruct
import pytest

from kb import csp
from kb.data import label
from kb.glossary import terms
from kb.languages import LANGS
from tests.site.test_citation import NAMES, SAMPLES, built, front_matter, url_of

TYPES = {"case-study": "Article", "workshop-kit": "LearningResource", "initiative-list": "WebPage",
         "event": "WebPage", "organisation": "WebPage", "page": "WebPage", "glossary": "DefinedTermSet"}
MAIN = {"initiative-list": "ItemList", "event": "Event", "organisation": "Organization"}
PAGES = {**SAMPLES, "glossary": "glossary.md"}
UNDATED = "events/ifla-regional-offices-meeting.md"   # "7–9 December": the source gives no year


def jsonld(site, site_url, lang, path) -> dict:
    html = built(site, lang, path).read_text(encoding="utf-8")
    items = extruct.extract(html, base_url=url_of(site_url, lang, path), syntaxes=["json-ld"])["json-ld"]
    assert len(items) == 1, items
    return items[0]


def counterpart(site, site_url, url) -> tuple[str, str]:
    """(lang, path) of the page a URL names, and that page is built."""
    assert url.startswith(site_url)
    rest = url[len(site_url):]
    lang = "ar" if rest.startswith("ar/") else "en"
    rest = rest[3:] if lang == "ar" else rest
    path = (rest + "index.md") if rest in ("", ) else rest.rstrip("/") + ".md"
    assert built(site, lang, path).is_file(), url
    return lang, path


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_each_kind_is_its_schema_org_type(site, site_url, kind, lang):
    path, meta = PAGES[kind], front_matter(lang, PAGES[kind])
    item = jsonld(site, site_url, lang, path)
    url = url_of(site_url, lang, path)
    assert item["@context"] == "https://schema.org" and item["@type"] == TYPES[kind]
    assert item["@id"] == item["url"] == url and item["inLanguage"] == lang and item["name"] == meta["title"]
    kb = {"@type": "Organization", "name": NAMES[lang], "url": url_of(site_url, lang, "index.md")}
    assert item["author"] == item["publisher"] == kb
    if kind in MAIN:
        assert item["mainEntity"]["@type"] == MAIN[kind] and item["mainEntity"]["name"] == meta["title"]
    # The translation link names the counterpart, which names this page back with the inverse relation.
    (relation, link), = [(r, item[r]) for r in ("workTranslation", "translationOfWork") if r in item]
    source = (meta.get("translation") or {}).get("source")
    assert relation == ("translationOfWork" if source and source != lang else "workTranslation")
    other, other_path = counterpart(site, site_url, link["@id"])
    assert other != lang and other_path == path and link["inLanguage"] == other
    back = jsonld(site, site_url, other, other_path)
    inverse = {"workTranslation": "translationOfWork", "translationOfWork": "workTranslation"}[relation]
    assert back[inverse]["@id"] == url and back["inLanguage"] == other


@pytest.mark.parametrize("lang", LANGS)
def test_a_kit_gives_its_time_audience_and_objectives(site, site_url, lang):
    path = SAMPLES["workshop-kit"]
    meta, item = front_matter(lang, path), jsonld(site, site_url, lang, path)
    assert meta["duration"] == 120 and item["timeRequired"] == "PT2H"
    assert [a["audienceType"] for a in item["audience"]] == [label("audiences", a, lang) for a in meta["audience"]]
    assert item["teaches"] == [" ".join(o.split()) for o in meta["objectives"]]


@pytest.mark.parametrize("lang", LANGS)
def test_an_initiative_list_lists_its_initiatives(site, site_url, lang):
    path = SAMPLES["initiative-list"]
    meta, items = front_matter(lang, path), jsonld(site, site_url, lang, path)["mainEntity"]
    assert items["numberOfItems"] == len(meta["initiatives"]) == len(items["itemListElement"])
    assert [(i["position"], i["name"]) for i in items["itemListElement"]] == \
        [(n, i["title"]) for n, i in enumerate(meta["initiatives"], 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_an_event_has_a_date_only_where_the_source_gives_its_year(site, site_url, lang):
    dated = jsonld(site, site_url, lang, SAMPLES["event"])["mainEntity"]
    assert dated["@type"] == "Event" and dated["startDate"] == front_matter(lang, SAMPLES["event"])["date"]
    meta = front_matter(lang, UNDATED)
    assert meta["year_stated"] is False and "year" not in meta
    undated = jsonld(site, site_url, lang, UNDATED)["mainEntity"]
    assert undated["@type"] == "Event" and not {"startDate", "endDate", "doorTime"} & set(undated)
    assert not re.search(r"\b(19|20)\d\d\b", str(undated))  # no year anywhere in the event


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_is_a_set_of_its_terms(site, site_url, lang):
    item = jsonld(site, site_url, lang, "glossary.md")
    url = url_of(site_url, lang, "glossary.md")
    got = {t["termCode"]: t for t in item["hasDefinedTerm"]}
    assert set(got) == set(terms())
    for tid, term in terms().items():
        assert got[tid]["@type"] == "DefinedTerm" and got[tid]["name"] == term.text(lang)
        assert got[tid]["description"] == getattr(term, f"def_{lang}") and got[tid]["@id"] == f"{url}#{tid}"
    html = built(site, lang, "glossary.md").read_text(encoding="utf-8")
    assert all(f'id="{tid}"' in html for tid in terms())  # each term's @id is an anchor on the page


def test_the_data_block_is_not_hashed_as_a_script(site):
    """The browser never runs application/ld+json, so the policy names no hash for it; and |tojson leaves no
    "</" in the block that could end it early."""
    html = built(site, "en", SAMPLES["case-study"]).read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1 and "</" not in blocks[0] and "<" not in blocks[0]
    assert csp.sha256(blocks[0]) not in html and blocks[0] not in csp.inline_scripts(html)
    arabic = built(site, "ar", "glossary.md").read_text(encoding="utf-8")
    assert "\\u06" not in re.search(r'ld\+json">(.*?)</script>', arabic, re.S).group(1)  # Arabic as itself
