"""The offline bundle's fonts: Chromium refuses font files read from file:// (CORS), so the bundle's font
stylesheet carries them inline as data: URLs, and pages drop their font preloads."""
import base64
import re
from pathlib import Path

_FONT_URL = re.compile(r'url\("?([^")]+\.woff2)"?\)')
_FONT_PRELOAD = re.compile(r'\s*<link rel="preload" href="[^"]+\.woff2" as="font"[^>]*>')


def is_offline_build(config) -> bool:
    """Whether this build is the offline export (Material's offline plugin enabled, see `make pdf`)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def inline_fonts(css: str, css_dir: Path) -> str:
    """Replace each woff2 url(...) in `css` (relative to `css_dir`) by a base64 data: URL."""
    def inline(m):
        data = (css_dir / m.group(1)).read_bytes()
        return f'url("data:font/woff2;base64,{base64.b64encode(data).decode("ascii")}")'
    return _FONT_URL.sub(inline, css)


def drop_font_preloads(html: str) -> str:
    """Remove <link rel="preload" as="font">: inline fonts need no preload, and from file:// it would fail."""
    return _FONT_PRELOAD.sub("", html)
