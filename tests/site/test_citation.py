"""Reference managers and harvesters read every page as a typed, dated, attributed item: the <head> metadata of
one page of each kind in each language read with extruct (Dublin Core, Open Graph) and lxml (Highwire
citation_*), and each content page's citation files parsed as BibTeX (bibtexparser), RIS (rispy) and CSL-JSON."""
import json
from datetime import date
from pathlib import Path

import bibtexparser
import extruct
import lxml.html
import pytest
import rispy

from kb import dates
from kb.citation import key_for
from kb.data import ui
from kb.frontmatter import parse
from kb.languages import LANGS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NAMES = {"en": "Library Partnerships Knowledge Base", "ar": "قاعدة معارف الشراكات المكتبية"}
OG = {"en": "en_GB", "ar": "ar_AR"}
# One page of each kind (the same path in both languages).
SAMPLES = {"case-study": "case-studies/partnership-lessons-regional-offices.md",
           "workshop-kit": "workshops/partnership-lessons-retrospective.md",
           "initiative-list": "initiatives/libraries-and-the-global-agenda.md",
           "event": "events/libraries-lead-forum-2025.md",
           "organisation": "organisations/ifla.md",
           "page": "about.md"}


def built(site: Path, lang: str, path: str) -> Path:
    stem = path[:-len(".md")]
    stem = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return site / ("" if lang == "en" else f"{lang}/") / stem / "index.html"


def url_of(site_url: str, lang: str, path: str) -> str:
    stem = path[:-len(".md")]
    stem = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return site_url + ("" if lang == "en" else f"{lang}/") + stem


def front_matter(lang: str, path: str) -> dict:
    page, _ = parse((DOCS / lang / path).read_text(encoding="utf-8"), path)
    return page.meta


def metas(html: str) -> dict[str, list[str]]:
    out = {}
    for el in lxml.html.fromstring(html).xpath("//head/meta[@name or @property]"):
        out.setdefault(el.get("name") or el.get("property"), []).append(el.get("content"))
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", SAMPLES)
def test_extruct_reads_a_typed_dated_attributed_item(site, site_url, kind, lang):
    path = SAMPLES[kind]
    meta = front_matter(lang, path)
    assert meta["kind"] == kind
    html = built(site, lang, path).read_text(encoding="utf-8")
    url = url_of(site_url, lang, path)
    data = extruct.extract(html, base_url=url, syntaxes=["dublincore", "opengraph"], uniform=False)
    dc = {e["URI"].rsplit("/", 1)[1]: e["content"] for e in data["dublincore"][0]["elements"]
          if e["name"].startswith("DC.")}  # extruct also reads <meta name="description"> as DC
    assert dc["title"] == meta["title"]
    assert dc["creator"] == dc["publisher"] == NAMES[lang]
    assert dc["language"] == lang and dc["type"] == "Text" and dc["identifier"] == url
    # The page's last committed change, from one `git log` as the build reads it (kb/dates.py).
    changed = dates.last_changes(DOCS).get(f"{lang}/{path}")
    assert changed and dc["date"] == dates.day_of(changed).isoformat() <= date.today().isoformat()
    licence = ui()[lang]["licence"]
    assert licence["url"] in dc["rights"] and licence["short"] in dc["rights"]
    assert dc["description"] == " ".join(meta["description"].split())
    og = {}
    for name, value in data["opengraph"][0]["properties"]:
        og.setdefault(name, []).append(value)
    assert og["og:type"] == ["website"] and og["og:url"] == [url] and og["og:title"] == [meta["title"]]
    assert og["og:locale"] == [OG[lang]] and og["og:locale:alternate"] == [OG[x] for x in LANGS if x != lang]
    assert og["og:site_name"] == [NAMES[lang]]
    hw = metas(html)
    # Zotero's embedded-metadata reader: a web page (og:type website), title, author, date, language.
    assert hw["citation_title"] == [meta["title"]] and hw["citation_author"] == [NAMES[lang]]
    assert hw["citation_date"] == [dc["date"].replace("-", "/")] and hw["citation_language"] == [lang]
    assert not {"citation_journal_title", "citation_technical_report_institution"} & set(hw)
    if meta.get("themes"):
        assert len(hw["citation_keywords"][0].split("; ")) == len(meta["themes"])


def test_every_page_of_both_languages_carries_the_metadata(site):
    pages = sorted(p for p in site.rglob("index.html") if "assets" not in p.relative_to(site).parts)
    assert len(pages) > 60
    need = {"DC.title", "DC.creator", "DC.date", "DC.language", "DC.rights", "DC.type", "DC.identifier",
            "citation_title", "citation_author", "citation_date", "og:locale", "og:locale:alternate"}
    problems = [f"{p.relative_to(site)}: missing {sorted(need - set(metas(p.read_text('utf-8'))))}"
                for p in pages if need - set(metas(p.read_text("utf-8")))]
    assert problems == []


def hand_written(lang: str) -> list[str]:
    return sorted(p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_written_by_hand_can_be_cited_in_four_formats(site, site_url, lang):
    """The cite block's reference names the knowledge base (author and site), the title, the date of the last
    change and the URL; its three files are the same reference, read as reference managers read them."""
    paths = hand_written(lang)
    assert len(paths) > 30
    name, checked = NAMES[lang], 0
    for path in paths:
        html = built(site, lang, path).read_text(encoding="utf-8")
        doc = lxml.html.fromstring(html)
        block = doc.xpath("//article//aside[@class='kb-cite']")
        assert len(block) == 1, path
        title, url = front_matter(lang, path)["title"], url_of(site_url, lang, path)
        day = metas(html)["DC.date"][0]
        ref = " ".join(block[0].xpath("string(.//p[@class='kb-cite__reference'])").split())
        assert ref.startswith(name) and title in ref and ref.count(name) >= 2 and ref.endswith(url), (path, ref)
        if lang == "ar":  # the title in Arabic quotation marks; Latin only in the address and names in the title
            rest = ref.replace(url, "").replace(title, "")
            assert f"«{title}»" in ref and not any(c.isascii() and c.isalpha() for c in rest), (path, ref)
        links = {a.text_content(): a.get("href") for a in block[0].xpath(".//a[@download]")}
        assert list(links) == ["BibTeX", "RIS", "CSL-JSON"], path
        files = {fmt: (built(site, lang, path).parent / href).resolve() for fmt, href in links.items()}
        assert all(f.is_relative_to(site.resolve() / "cite") for f in files.values())
        key = key_for(lang, path)
        bib = bibtexparser.parse_string(files["BibTeX"].read_text(encoding="utf-8"))
        assert not bib.failed_blocks and [e.key for e in bib.entries] == [key]
        entry = bib.entries[0]
        assert entry.entry_type == "online" and entry["author"] == "{" + name + "}"
        assert entry["title"] == title.replace("&", r"\&") and entry["url"] == url and entry["date"] == day
        ris = rispy.loads(files["RIS"].read_text(encoding="utf-8"))
        assert len(ris) == 1 and ris[0]["type_of_reference"] == "ELEC" and ris[0]["authors"] == [name]
        assert ris[0]["title"] == title and ris[0]["urls"] == [url] and ris[0]["date"] == day.replace("-", "/")
        assert ris[0]["language"] == lang and ris[0]["id"] == key
        (csl,) = json.loads(files["CSL-JSON"].read_text(encoding="utf-8"))
        assert csl["id"] == key and csl["type"] == "webpage" and csl["title"] == title and csl["URL"] == url
        assert csl["author"] == [{"literal": name}] and csl["container-title"] == name and csl["language"] == lang
        assert "-".join(f"{n:02d}" for n in csl["issued"]["date-parts"][0]) == day
        checked += 1
    assert checked == len(paths)


def test_generated_pages_have_no_cite_block(site):
    for rel in ("translation-status/index.html", "ar/themes/index.html"):
        assert 'class="kb-cite"' not in (site / rel).read_text(encoding="utf-8"), rel
