"""Hook: each page's citation record (kb/citation.py) for the templates (the <head> metadata, the cite block), and
its BibTeX, RIS and CSL-JSON files written to cite/<key>.<ext>."""
from pathlib import Path
from urllib.parse import urljoin

from kb import citation, dates
from kb.languages import LANGS
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
    folder = Path(config.site_dir) / "cite"
    folder.mkdir(parents=True, exist_ok=True)
    for ext, text in citation.files(rec).items():
        (folder / f"{rec.key}.{ext}").write_text(text, encoding="utf-8", newline="")
    return context
