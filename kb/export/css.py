"""The print stylesheet: kb/print.css, the self-hosted fonts, and each language's running header and footer."""
from __future__ import annotations

import re
from pathlib import Path

from kb.export.site import ExportError, Language

PRINT_CSS = Path(__file__).resolve().parents[1] / "print.css"
FONT_FILES = {  # family, weight, style -> file in assets/fonts (the self-hosted fonts, nothing else)
    ("Noto Sans", 400, "normal"): "noto-sans-latin-400-normal.woff2",
    ("Noto Sans", 400, "italic"): "noto-sans-latin-400-italic.woff2",
    ("Noto Sans", 700, "normal"): "noto-sans-latin-700-normal.woff2",
    ("Noto Sans", 700, "italic"): "noto-sans-latin-700-italic.woff2",
    ("Noto Naskh Arabic", 400, "normal"): "noto-naskh-arabic-arabic-400-normal.woff2",
    ("Noto Naskh Arabic", 700, "normal"): "noto-naskh-arabic-arabic-700-normal.woff2",
}


def font_faces(site_dir: Path) -> str:
    fonts = site_dir / "assets" / "fonts"
    rules = []
    for (family, weight, style), name in FONT_FILES.items():
        file = fonts / name
        if not file.exists():
            raise ExportError(f"{file}: self-hosted font missing from the built site")
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
                     f'src: url("{file.as_uri()}") format("woff2"); }}')
    return "\n".join(rules)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _counter_content(template: str, lang: str) -> str:
    """'Page {page} of {pages}' -> CSS content with page counters (Arabic-Indic digits in Arabic)."""
    style = ", arabic-indic" if lang == "ar" else ""
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            out.append(f"counter(page{style})")
        elif piece == "{pages}":
            out.append(f"counter(pages{style})")
        elif piece:
            out.append(_css_string(piece))
    return " ".join(out)


def page_css(lang: Language, ui: dict, header: str) -> str:
    """The language's running header and footer (margin boxes take the page's direction by side)."""
    start, end = ("right", "left") if lang.dir == "rtl" else ("left", "right")
    digits = ", arabic-indic" if lang.code == "ar" else ""
    return f"""
@page {{
  @top-{start} {{ content: {_css_string(header)}; }}
  @top-{end} {{ content: string(chapter); }}
  @bottom-{start} {{ content: {_css_string(lang.site_name)}; }}
  @bottom-{end} {{ content: {_counter_content(ui['export_page_of'], lang.code)}; }}
}}
.toc a::after {{ content: leader(".") target-counter(attr(href), page{digits}); }}
"""
