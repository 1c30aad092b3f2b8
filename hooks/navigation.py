"""Hook: the site's navigation. Each `<folder>/*` entry of mkdocs.yml's nav becomes that folder's pages in the
order their front matter gives (kb/sections.py), per language, from the page index; in a section too large to
list in full, the sidebar shows the pages around the current one and a link to the section's index (kb/nav.py),
restored once the page is rendered."""
from pathlib import Path

from mkdocs.plugins import event_priority

from kb import content, sections
from kb import nav as sidebar
from kb.mkdocs_i18n import AFTER_I18N, build_language, built_pages, is_inner_build, page_language
from kb.render import t

_template = []  # mkdocs.yml's nav as written, with its patterns (config.nav is rewritten for each language)
_changed = []


def on_config(config):
    if not is_inner_build(config):
        _template[:] = config.nav or []
    return config


@event_priority(AFTER_I18N)  # after the i18n plugin has chosen this language's files, before the nav is made
def on_files(files, config):
    if sections.patterns(_template):
        pages = content.current(Path(config.docs_dir)).meta(build_language(config))
        in_nav = built_pages(files, in_nav=True)
        config.nav = sections.expand(_template, {rel: meta for rel, meta in pages.items() if rel in in_nav})
    return files


def on_page_context(context, page, config, nav):
    lang = page_language(page.file, config)
    _changed.extend(sidebar.shorten(page, t(lang, "section_all")))
    return context


def on_post_page(output, page, config):
    sidebar.restore(_changed)
    _changed.clear()
    return output
