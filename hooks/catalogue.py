"""Hook: catalogues generated from front matter at build time, in the language being built: section index
pages get their lists (by theme, region, area), and themes/ gets one virtual page per theme plus an index."""
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from kb.model import LANGS, SECTIONS
from kb.render import collect, section_catalogue, theme_files

_state = {"lang": "en", "pages": {}}


def _current_lang(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or LANGS[0]


@event_priority(-110)  # after the i18n plugin has chosen this language's files (it runs at -100)
def on_files(files, config):
    lang = _current_lang(config)
    pages = collect(Path(config.docs_dir), lang)
    _state.update(lang=lang, pages=pages)
    i18n = config.plugins.get("i18n")
    for rel, content in theme_files(pages, lang).items():
        alternates = {other: _virtual(config, other, rel, content) for other in LANGS}
        file = alternates[lang]
        for f in alternates.values():
            f.alternates = alternates
        if rel != "themes/index.md":  # listed under the Themes section by on_nav, not by mkdocs.yml
            file.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(file)
        if i18n is not None and lang in getattr(i18n, "i18n_files_per_language", {}):
            i18n.i18n_files_per_language[lang].append(file)  # so the sitemap lists it with its alternates
    return files


def on_nav(nav, config, files):
    """Put the generated theme pages under the section whose index is themes/index.md."""
    section = next((item for item in _walk(nav.items) if item.is_section and item.children
                    and getattr(item.children[0], "file", None) is not None
                    and getattr(item.children[0].file, "norm_src_uri", "") == "themes/index.md"), None)
    if section is None:
        return nav
    for file in files.documentation_pages():
        if getattr(file, "norm_src_uri", "").startswith("themes/") and file.norm_src_uri != "themes/index.md":
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
    rel = getattr(page.file, "norm_src_uri", page.file.src_uri)
    if rel.endswith("/index.md") and rel.split("/")[0] in SECTIONS.values():
        return markdown.rstrip("\n") + section_catalogue(rel, _state["pages"], _state["lang"])
    return markdown


def _virtual(config, lang: str, rel: str, content: str) -> File:
    """A generated page of `lang` at the URL the i18n folder layout gives (English at /, Arabic at /ar/)."""
    file = File.generated(config, f"{lang}/{rel}", content=content)
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    file.dest_uri = prefix + (rel[:-len("index.md")] + "index.html" if rel.endswith("index.md")
                              else rel[:-3] + "/index.html")
    file.locale = file.locale_alternate_of = file.localization = lang
    file.norm_src_uri = rel
    return file


def _walk(items):
    for item in items:
        yield item
        if item.is_section:
            yield from _walk(item.children)
