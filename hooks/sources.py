"""Hook: append the localised Sources section (id `sources`) to every page that lists `sources:`."""
from kb.mkdocs_i18n import page_language
from kb.render import sources_section


def on_page_markdown(markdown, page, config, files):
    ids = page.meta.get("sources")
    if not ids:
        return markdown
    return markdown.rstrip("\n") + sources_section(ids, page_language(page.file, config))
