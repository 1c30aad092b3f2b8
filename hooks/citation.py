"""Hook: each page's citation record (kb/citation.py) for the templates (the <head> metadata and JSON-LD, the cite
block), and its BibTeX, RIS and CSL-JSON files written to cite/<key>.<ext>."""
from pathlib import Path
from urllib.parse import urljoin

from kb import citation, content, dates, glossary, jsonld
from kb.languages import LANGS, prefix
from kb.mkdocs_i18n import page_language, page_path


def on_page_context(context, page, config, nav):
    lang = page_language(page.file, config)
    rec = citation.record(lang, page_path(page.file), page.meta, page.title or config.site_name,
                          config.site_name, urljoin(config.site_url or "/", page.url),
                          page.meta.get(dates.DATE_KEY) or dates.day_of(0))
    page.meta["kb_citation"] = {"key": rec.key, "meta": citation.head_meta(rec, [x for x in LANGS if x != lang]),
                                "reference": citation.reference(rec),
                                "files": {ext: f"cite/{rec.key}.{ext}" for ext in citation.FORMATS},
                                "types": citation.FORMATS,
                                # the cite block: on pages written by hand, not on generated ones (themes, status)
                                "shown": not getattr(page.file, "generated_by", None)}
    page.meta["kb_jsonld"] = _jsonld(rec, lang, page, config)
    folder = Path(config.site_dir) / "cite"
    folder.mkdir(parents=True, exist_ok=True)
    for ext, text in citation.files(rec).items():
        (folder / f"{rec.key}.{ext}").write_text(text, encoding="utf-8", newline="")
    return context


def _jsonld(rec, lang, page, config):
    """The page's JSON-LD (kb/jsonld.py): its counterpart in the other language, read from the page index."""
    rel, site = page_path(page.file), config.site_url or "/"
    index = content.current(config["docs_dir"])
    source = (page.meta.get("translation") or {}).get("source")
    own = page.url[len(prefix(lang)):]
    links = {}
    for other in LANGS:
        if other != lang and (index.page(other, rel) or getattr(page.file, "generated_by", None)):
            relation = "translationOfWork" if source == other else "workTranslation"
            links[relation] = (other, urljoin(site, prefix(other) + own))

    def link(path):
        target = index.page(lang, path)
        url = urljoin(site, prefix(lang) + (path[:-len("index.md")] if path.endswith("index.md") else path[:-3] + "/"))
        return {"@type": "Organization", "@id": url, "name": str(target.meta.get("title"))} if target else None

    kind = "glossary" if rel == glossary.PAGE else page.meta.get("kind")
    terms = [{"@type": "DefinedTerm", "@id": f"{rec.url}#{t.id}", "url": f"{rec.url}#{t.id}", "termCode": t.id,
              "name": t.text(lang), "description": getattr(t, f"def_{lang}"), "inDefinedTermSet": rec.url}
             for t in glossary.terms().values()] if kind == "glossary" else None
    return jsonld.document(rec, page.meta, kind, urljoin(site, prefix(lang)), links, terms, link)
