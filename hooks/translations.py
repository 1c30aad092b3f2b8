"""Hook: a notice on outdated translations, and the generated translation-status page in each language."""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from kb import translations

_pairs = {}


@event_priority(-110)  # after the i18n plugin's on_files (-100), which rebuilds every file from disk
def on_files(files, config):
    lang = _language(config)
    if not (getattr(config.plugins.get("i18n"), "building", False) and _pairs):
        pairs, _ = translations.scan(Path(config["docs_dir"]))
        _pairs.clear()
        _pairs.update({p.rel: p for p in pairs})
    pairs = list(_pairs.values())  # the i18n plugin's build of another language reuses this build's scan
    pages = {code: File.generated(config, _status_uri(code), content=translations.status_markdown(pairs, code))
             for code in translations.LANGS}
    for code, page in pages.items():
        # What the i18n plugin records on its own files: the language switcher and search read these.
        page.locale = page.localization = page.locale_alternate_of = code
        page.norm_src_uri = translations.STATUS_PAGE
        page.alternates = pages
    files.append(pages[lang])
    return files


def on_page_content(html, page, config, files):
    lang = _language(config)
    pair = _pairs.get(getattr(page.file, "norm_src_uri", page.file.src_uri))
    if not pair or pair.status != "outdated":
        return html
    other = getattr(page.file, "alternates", {}).get(pair.source)
    href = get_relative_url(other.url, page.url) if other else None
    return translations.insert_notice(html, translations.notice_html(pair, lang, href))


def _language(config) -> str:
    i18n = config["plugins"].get("i18n")
    return getattr(i18n, "current_language", None) or translations.DEFAULT_LANG


def _status_uri(lang: str) -> str:
    return translations.STATUS_PAGE if lang == translations.DEFAULT_LANG else f"{lang}/{translations.STATUS_PAGE}"
