"""Hook: in the offline export build only, fonts travel inside their stylesheet (kb/offline.py)."""
from pathlib import Path

from kb.offline import drop_font_preloads, inline_fonts

FONT_CSS = "assets/stylesheets/fonts.css"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_post_page(output, page, config):
    return drop_font_preloads(output) if _offline(config) else output


def on_post_build(config):
    css = Path(config.site_dir) / FONT_CSS
    if _offline(config) and css.exists():
        css.write_text(inline_fonts(css.read_text(encoding="utf-8"), css.parent), encoding="utf-8")
