"""Hook: what the theme needs from each language's build. The address of Material's bundle (its name carries a
hash that changes with each release) for the scripts block of overrides/main.html, which loads it deferred; found
among the build's files, so it is the bundle of the Material that builds the site. The headings' permalink title
in the language built: the toc extension has one setting for both languages."""
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.mkdocs_i18n import AFTER_I18N, build_language
from kb.render import t

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


@event_priority(AFTER_I18N)  # the language is chosen; pages are rendered after on_files
def on_files(files, config):
    toc = config.mdx_configs.get("toc")
    if toc is not None and toc.get("permalink"):
        toc["permalink_title"] = t(build_language(config), "permalink")
    return files


def on_env(env, config, files):
    bundles = [f.src_uri for f in files if BUNDLE.fullmatch(f.src_uri)]
    if len(bundles) != 1:
        raise PluginError(f"hooks/theme.py: expected one Material bundle ({BUNDLE.pattern}), found {bundles}")
    env.globals["material_bundle"] = bundles[0]
    return env
