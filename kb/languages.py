"""The site's languages, declared once (mkdocs.yml's i18n languages must list the same; a test checks):
codes, the default, and each one's direction (from Babel's CLDR data)."""
from __future__ import annotations

import functools

LANGS = ("en", "ar")
DEFAULT_LANG = LANGS[0]
OTHER = {"en": "ar", "ar": "en"}


@functools.cache
def direction(lang: str) -> str:
    """"rtl" or "ltr", as CLDR gives it for the language."""
    from babel import Locale
    return "rtl" if Locale.parse(lang).text_direction == "rtl" else "ltr"


def prefix(lang: str) -> str:
    """The language's URL prefix under the site root: "" for the default language, "ar/" for Arabic."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"
