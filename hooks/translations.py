"""Hook: a notice on outdated translations, and the generated translation-status page in each language."""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from kb import content, translations
from kb.languages import LANGS
from kb.mkdocs_i18n import AFTER_I18N, add_to_sitemap, build_language, generated_pages, is_inner_build, page_path

_pairs = {}


@event_priority(AFTER_I18N)  # after the i18n plugin's on_files, which rebuilds every file from disk
def on_files(files, config):
    if not (is_inner_build(config) and _pairs):  # the plugin's build of another language reuses this scan
        pairs, _ = translations.scan(Path(config["docs_dir"]), content.current(config["docs_dir"]))
        _pairs.clear()
        _pairs.update({p.rel: p for p in pairs})
    pairs = list(_pairs.values())
    pages = generated_pages(config, translations.STATUS_PAGE,
                            {code: translations.status_markdown(pairs, code) for code in LANGS})
    page = pages[build_language(config)]
    files.append(page)
    add_to_sitemap(config, build_language(config), page)  # with its hreflang alternates, as every page
    return files


def on_page_content(html, page, config, files):
    pair = _pairs.get(page_path(page.file))
    if not pair or pair.status != "outdated":
        return html
    other = getattr(page.file, "alternates", {}).get(pair.source)
    href = get_relative_url(other.url, page.url) if other else None
    return translations.insert_notice(html, translations.notice_html(pair, build_language(config), href))
