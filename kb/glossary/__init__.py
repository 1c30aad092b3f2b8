"""The bilingual glossary: kb/data/glossary.yml loaded and checked (data), its forms matched on a page (match),
the first use of each term linked (link), and the glossary page of each language (page). Arabic is matched
through attached prefixes and diacritics, and a broken plural as its singular: the rules and the plural table
are kb/arabic.py's."""
from kb import arabic
from kb.glossary import match
from kb.glossary.data import DATA, GLOSSARY, KEYS, NAMES, PAGE, GlossaryError, Term, check, names, normalise, terms
from kb.glossary.link import PER_BLOCK, link_terms, links_terms, protected_spans
from kb.glossary.match import CASE_TRAPS, FoldedText, arabic_pattern, arabic_sort_key, english_pattern, pattern
from kb.glossary.page import glossary_href, lang_relative, render, sorted_terms
from kb.languages import LANGS, OTHER

__all__ = ["CASE_TRAPS", "DATA", "FoldedText", "GLOSSARY", "GlossaryError", "KEYS", "LANGS", "NAMES", "OTHER", "PAGE",
           "PER_BLOCK", "Term", "arabic_pattern", "arabic_sort_key", "check", "english_pattern", "glossary_href",
           "lang_relative", "link_terms", "links_terms", "names", "normalise", "pattern", "protected_spans", "reload",
           "render", "sorted_terms", "terms"]


def reload() -> dict[str, Term]:
    """Forget cached data (the data files may have changed while serving) and load the glossary again."""
    for cached in (terms, names, match._name_forms, match._name_pattern, match._term_patterns, match.form_pattern,
                   match._singulars, match._form_keys):
        cached.cache_clear()
    arabic.reload()
    arabic.plurals()  # raises PluralsError listing the table's problems
    return terms()
