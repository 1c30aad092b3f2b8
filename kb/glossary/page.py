"""The glossary page of a language (a definition list with ASCII anchors, the same in both languages), and the
link from any page to it."""
from __future__ import annotations

import posixpath

from kb.glossary.data import PAGE, Term, terms
from kb.glossary.match import arabic_sort_key
from kb.languages import OTHER, direction


def lang_relative(src_uri: str, lang: str) -> str:
    """The page's path inside its language folder (docs/<lang>/...)."""
    return src_uri[len(lang) + 1:] if src_uri.startswith(f"{lang}/") else src_uri


def glossary_href(src_uri: str, lang: str) -> str:
    """The relative link from the page at `src_uri` to the glossary page of the same language."""
    target = f"{lang}/{PAGE}" if src_uri.startswith(f"{lang}/") else PAGE
    return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")


def sorted_terms(lang: str, glossary: dict[str, Term] | None = None) -> list[Term]:
    """Terms in the alphabetical order of `lang` (Arabic: the Arabic alphabet, article ignored)."""
    glossary = terms() if glossary is None else glossary
    if lang == "ar":
        return sorted(glossary.values(), key=lambda t: (arabic_sort_key(t.ar), t.id))
    return sorted(glossary.values(), key=lambda t: (t.en.casefold(), t.id))


def render(lang: str, glossary: dict[str, Term] | None = None) -> str:
    """The glossary as a Markdown definition list: each term with its ASCII anchor (the same in both
    languages), its equivalent in the other language and its definition."""
    other = OTHER[lang]
    out = ['<div class="kb-glossary" markdown>', ""]
    for term in sorted_terms(lang, glossary):
        shown = term.text(lang)
        if lang == "en":
            shown = shown[:1].upper() + shown[1:]
        equivalent = f'<span class="kb-glossary__equivalent" lang="{other}" dir="{direction(other)}">'
        out += [f"{shown} {{ #{term.id} }}", f":   {equivalent}{term.text(other)}</span>",
                f":   {term.definition(lang)}", ""]
    out.append("</div>")
    return "\n".join(out) + "\n"
