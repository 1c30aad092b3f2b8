"""Hook: the partnership map and the events timeline on the map page (kb/mappage.py), from the page index; filled
in the built page, after the content checks and the glossary's links, so only the author's text is checked."""
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from kb import content, mappage
from kb.mkdocs_i18n import page_language, page_path


def on_page_content(html, page, config, files):
    if page_path(page.file) != mappage.PAGE:
        return html
    lang = page_language(page.file, config)
    page.meta["kb_stylesheets"] = [mappage.STYLESHEET]
    # Relative to the page as built: events/x/ on the site, events/x.html in the offline bundle (file://).
    hrefs = {page_path(f)[:-3]: get_relative_url(f.url, page.url) for f in files.documentation_pages()
             if page_language(f, config) == lang}
    try:
        return mappage.fill(html, content.current(config.docs_dir).meta(lang), hrefs, lang, page.file.src_uri,
                            get_relative_url(mappage.SCRIPT, page.url))
    except mappage.MapError as exc:
        raise PluginError(str(exc)) from None
