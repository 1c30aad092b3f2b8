"""Hook: in a section too large to list in full, the sidebar shows the pages around the current one and a
link to the section's index (kb/nav.py); the section is restored once the page is rendered."""
from kb import nav as sidebar
from kb.mkdocs_i18n import page_language
from kb.render import t

_changed = []


def on_page_context(context, page, config, nav):
    lang = page_language(page.file, config)
    _changed.extend(sidebar.shorten(page, t(lang, "section_all")))
    return context


def on_post_page(output, page, config):
    sidebar.restore(_changed)
    _changed.clear()
    return output
