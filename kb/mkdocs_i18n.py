"""The one adapter to mkdocs-static-i18n's (undocumented) internals and MkDocs' file objects: which language a
build or a page is in, whether this is the plugin's inner build of another language, the languages as
configured, and pages generated in one language with their alternates. No other module reads the plugin."""
from __future__ import annotations

from mkdocs.structure.files import File

from kb.languages import DEFAULT_LANG, prefix

# Event priorities, relative to the i18n plugin's own (-100): it rebuilds the files of each language in
# on_files and builds the other languages in on_post_build.
FIRST = 100
AFTER_I18N = -110


def _plugin(config):
    return config.plugins.get("i18n")


def is_inner_build(config) -> bool:
    """True during the plugin's build of a language other than the first (run inside the first's post-build),
    where the work done once per build (validation, history, the glossary's data) is already done."""
    return bool(getattr(_plugin(config), "building", False))


def build_language(config) -> str:
    """The language of the build under way."""
    return getattr(_plugin(config), "current_language", None) or config.theme.get("language") or DEFAULT_LANG


def page_language(file, config) -> str:
    """A page's language: the locale the plugin gives each file (generated ones too, see generated_page), else
    the build's."""
    return getattr(file, "locale", None) or build_language(config)


def page_path(file) -> str:
    """A page's path inside its language folder (docs/<lang>/...), as the plugin records it."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def built_pages(files, in_nav: bool = False) -> set[str]:
    """The paths (inside the language folder) of the Markdown pages this build renders, or only of those in
    the nav: a page left out by exclude_docs or draft_docs is in the page index (read from the disk) only."""
    return {page_path(f) for f in files.documentation_pages() if not in_nav or f.inclusion.is_in_nav()}


def language_names(config) -> dict[str, str]:
    """{code: name} of the configured languages, in their order."""
    plugin = _plugin(config)
    return {lang.locale: lang.name for lang in plugin.config.languages} if plugin else {}


def generated_pages(config, rel: str, contents: dict[str, str]) -> dict[str, File]:
    """One generated page per language at `rel` (a path inside the language folder), at the URL the folder layout
    gives (English at /, Arabic at /ar/), each knowing the others as its alternates (the language switcher and
    the sitemap read them)."""
    pages = {}
    for lang, text in contents.items():
        file = File.generated(config, f"{lang}/{rel}", content=text)
        file.dest_uri = prefix(lang) + (rel[:-len("index.md")] + "index.html" if rel.endswith("index.md")
                                        else rel[:-3] + "/index.html")
        file.locale = file.locale_alternate_of = file.localization = lang
        file.norm_src_uri = rel
        pages[lang] = file
    for file in pages.values():
        file.alternates = pages
    return pages


def add_to_sitemap(config, lang: str, file: File) -> None:
    """List a generated file of `lang` in the plugin's sitemap, with its alternates."""
    plugin = _plugin(config)
    if plugin is not None and lang in getattr(plugin, "i18n_files_per_language", {}):
        plugin.i18n_files_per_language[lang].append(file)
