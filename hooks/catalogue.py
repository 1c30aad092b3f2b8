"""Hook: catalogues generated from the page index at build time, in the language being built: section index
pages get their cards and filters (kb/cards.py), and themes/ gets one virtual page per theme plus an index."""
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb import content
from kb.cards import SCRIPT, section_catalogue
from kb.kinds import SECTIONS
from kb.languages import LANGS
from kb.mkdocs_i18n import AFTER_I18N, add_to_sitemap, build_language, built_pages, generated_pages, page_path
from kb.render import theme_files

_state = {"lang": "en", "pages": {}}


@event_priority(AFTER_I18N)  # after the i18n plugin has chosen this language's files
def on_files(files, config):
    lang = build_language(config)
    built = built_pages(files)  # not a page exclude_docs leaves out: its card would link to nothing
    pages = {rel: meta for rel, meta in content.current(config.docs_dir).meta(lang).items() if rel in built}
    _state.update(lang=lang, pages=pages)
    for rel, text in theme_files(pages, lang).items():
        file = generated_pages(config, rel, dict.fromkeys(LANGS, text))[lang]
        if rel != "themes/index.md":  # listed under the Themes section by on_nav, not by mkdocs.yml
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
        add_to_sitemap(config, lang, file)
    return files


def on_nav(nav, config, files):
    """Put the generated theme pages under the section whose index is themes/index.md."""
    section = next((item for item in _walk(nav.items) if item.is_section and item.children
                    and getattr(item.children[0], "file", None) is not None
                    and page_path(item.children[0].file) == "themes/index.md"), None)
    if section is None:
        return nav
    for file in files.documentation_pages():
        if page_path(file).startswith("themes/") and page_path(file) != "themes/index.md":
            page = file.page or Page(None, file, config)
            page.parent = section
            section.children.append(page)
    nav.pages = [item for item in _walk(nav.items) if item.is_page]
    for prev, page in zip([None, *nav.pages], nav.pages, strict=False):
        page.previous_page = prev
        if prev is not None:
            prev.next_page = page
    if nav.pages:
        nav.pages[-1].next_page = None
    return nav


def on_page_markdown(markdown, page, config, files):
    rel = page_path(page.file)
    if rel.endswith("/index.md") and rel.split("/")[0] in SECTIONS.values():
        # Relative to the page as built: ar/case-studies/ on the site, ar/case-studies/index.html offline.
        script = get_relative_url(SCRIPT, page.url)
        return markdown.rstrip("\n") + section_catalogue(rel, _state["pages"], _state["lang"], script)
    return markdown


def _walk(items):
    for item in items:
        yield item
        if item.is_section:
            yield from _walk(item.children)
