"""Hook: in the offline export build only, fonts travel inside their stylesheet (kb/offline.py)."""
from pathlib import Path

from kb.offline import drop_font_preloads, inline_fonts, is_offline_build

FONT_CSS = "assets/stylesheets/fonts.css"


def on_post_page(output, page, config):
    return drop_font_preloads(output) if is_offline_build(config) else output


def on_post_build(config):
    css = Path(config.site_dir) / FONT_CSS
    if is_offline_build(config) and css.exists():
        css.write_text(inline_fonts(css.read_text(encoding="utf-8"), css.parent), encoding="utf-8")
