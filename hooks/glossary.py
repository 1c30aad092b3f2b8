"""Hook: render the glossary page from kb/data/glossary.yml and link the first use of each term on every
other page to its entry (kb/glossary/: at most one per paragraph, none on home and index pages)."""
from mkdocs.exceptions import PluginError

from kb import arabic, content, glossary
from kb.mkdocs_i18n import is_inner_build, page_language, page_path


def on_config(config):
    if is_inner_build(config):
        return  # the i18n plugin's build of another language: the glossary was loaded for this build
    try:
        glossary.reload()
    except glossary.GlossaryError as exc:
        raise PluginError(f"glossary data is invalid:\n{exc}") from None
    except arabic.PluralsError as exc:
        raise PluginError(f"the Arabic plural table is invalid:\n{exc}") from None


def on_page_markdown(markdown, page, config, files):
    lang = page_language(page.file, config)
    src = page.file.src_uri
    if glossary.lang_relative(src, lang) == glossary.PAGE:
        return markdown.rstrip() + "\n\n" + glossary.render(lang)
    if not glossary.links_terms(glossary.lang_relative(src, lang)):
        return markdown  # home and index pages: their links are the way on (kb/glossary/link.py)
    body = content.scan_of(content.current(config.docs_dir).page(lang, page_path(page.file)), markdown)
    return glossary.link_terms(markdown, lang, glossary.glossary_href(src, lang), per_block=glossary.PER_BLOCK,
                               body=body)
