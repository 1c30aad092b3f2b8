"""Hook: the address of Material's bundle (its name carries a hash that changes with each release) for the
scripts block of overrides/main.html, which loads it deferred; found among the build's files, so it is the
bundle of the Material that builds the site."""
import re

from mkdocs.exceptions import PluginError

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def on_env(env, config, files):
    bundles = [f.src_uri for f in files if BUNDLE.fullmatch(f.src_uri)]
    if len(bundles) != 1:
        raise PluginError(f"hooks/theme.py: expected one Material bundle ({BUNDLE.pattern}), found {bundles}")
    env.globals["material_bundle"] = bundles[0]
    return env
