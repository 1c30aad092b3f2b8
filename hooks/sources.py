"""Hook: append the localised Sources section (id `sources`) to every page that lists `sources:`."""
from kb.render import sources_section


def on_page_markdown(markdown, page, config, files):
    ids = page.meta.get("sources")
    if not ids:
        return markdown
    return markdown.rstrip("\n") + sources_section(ids, page_lang(page.file))


def page_lang(file) -> str:
    """The language of a page: the i18n plugin's locale, else the first folder of its path."""
    locale = getattr(file, "locale", None)
    return locale or (file.src_uri.split("/")[0] if file.src_uri.startswith("ar/") else "en")
