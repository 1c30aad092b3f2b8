"""Hook: per-language, Arabic-aware search indexes (logic in kb.search, normaliser in kb.arabic)."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.arabic import PluralsError
from kb.search import SearchIndexError, write_language_indexes, write_normaliser


# After mkdocs-static-i18n has built every language and written the combined index (priority -100), so
# also after Material's offline plugin, whose inlined copy (search_index.js) kb.search rewrites too.
@event_priority(-110)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None:
        prefixes, names = {config.theme.get("language") or "en": ""}, {}
    elif getattr(i18n, "building", False):
        return  # an inner per-language build: the combined index is written after the last one
    else:
        languages = [lang for lang in i18n.config.languages if lang.build]
        prefixes = {lang.locale: "" if lang.default else lang.link.strip("/") + "/" for lang in languages}
        names = {lang.locale: lang.name for lang in languages}
    try:
        write_language_indexes(Path(config["site_dir"]), prefixes, names)
        write_normaliser(Path(config["site_dir"]))
    except (SearchIndexError, PluralsError) as error:
        raise PluginError(str(error)) from None
