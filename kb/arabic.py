"""Arabic text rules, the one owner of them: marks, letters, digits, alef folding, clitic prefixes, broken
plurals and the sort key. Search (kb/search.py and its JavaScript twin docs/assets/javascripts/search/
normalise.js, both tested against tests/search/normalise_cases.json), the glossary, the translation check
and the PDF export import them from here.

- `strip_marks`: drop tashkeel (diacritics) and tatweel; safe for text shown to readers.
- `fold`: `strip_marks`, then one form per letter: أ إ آ ٱ → ا, ى → ي, final ة → ه, Persian ی ک → ي ك,
  Arabic-Indic digits → 0-9. Latin letters and ASCII digits are left alone.
- `strip_clitics`: `fold`, then clitic prefixes in the manner of Larkey's Light10 stemmer (Larkey,
  Ballesteros and Connell, "Light stemming for Arabic information retrieval"): the article forms first
  (ال وال بال كال فال لل, with و or ف before them), each only if two letters remain; و alone only if four
  remain; ب ك ل ف alone never (كتاب, برنامج, لبنان, فريق begin with them). A word of the plural table is
  never cut. The steps repeat, so a word with a clitic gives what the word without it gives.
- `stem`: `strip_clitics`, then common suffixes (ات ون ين ها هم ... ه ي) while three letters remain; a
  word of the plural table (kb/data/plurals.yml), met before or after a suffix, gives its singular's stem,
  so حقائب and حقيبة, البرامج and برنامج meet.
- `alternatives`: for queries only, the stem without a one-letter ب ك ل ف و the rules keep; the search
  worker adds it when it is a term of the index ("لإفلا" is also searched as "إفلا", "كتاب" not as "تاب",
  which no page has); never indexed.
- `words` / `terms`: split text on whitespace and punctuation (Arabic ، ؛ ؟ « » included); stem each word.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

PLURALS_FILE = Path(__file__).resolve().parent / "data" / "plurals.yml"

# Tashkeel and Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED), and tatweel (U+0640).
MARKS_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640"
MARKS = re.compile(f"[{MARKS_CLASS}]")
# The letters of the Arabic block (Unicode category Lo), without tatweel.
LETTERS_CLASS = "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
# Every code point of the Arabic script blocks (letters, marks, digits, punctuation, presentation forms).
SCRIPT_CLASS = "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_LETTER = re.compile(f"[{LETTERS_CLASS}]")
_SCRIPT = re.compile(f"[{SCRIPT_CLASS}]")
_WORD = re.compile(f"[{LETTERS_CLASS}{MARKS_CLASS}]+")

ALEFS = "أإآٱ"
DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d) for d in range(10)}
_LETTERS = str.maketrans({**dict.fromkeys(ALEFS, "ا"), "ى": "ي", "ی": "ي", "ک": "ك", **DIGITS})
_WESTERN = str.maketrans({**DIGITS, "\u066b": ".", "\u066c": ","})  # ٫ decimal and ٬ thousands separators
_FINAL_TA_MARBUTA = re.compile(r"ة(?!\w)")
# Whitespace, hyphens and punctuation that never belong inside a word (Arabic ، ؛ ؟ « » ٪ ۔ included).
SEPARATOR = r"""[\s\-\u060c\u061b\u061f\u066a\u066b\u066c\u066d\u06d4\u00ab\u00bb,;:!?()\[\]{}"\u201c\u201d]+"""
_SEPARATOR = re.compile(SEPARATOR)

# Clitic prefixes: a conjunction, then a preposition or the article (or ل with the article, written لل).
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
ARTICLE = "ال"
# Stemming rules, tried in order, each with the letters that must remain (Light10's, but و alone four, not
# three: ورشة, وحدة, وجهة are words). ب ك ل ف alone are never stripped by the stemmer (see `alternatives`).
PREFIX_RULES = (("وبال", 2), ("وكال", 2), ("فبال", 2), ("فكال", 2), ("ولل", 2), ("فلل", 2), ("وال", 2),
                ("فال", 2), ("بال", 2), ("كال", 2), ("لل", 2), ("ال", 2), ("و", 4))
SUFFIXES = ("ها", "هم", "هن", "كم", "ات", "ون", "ين", "يه", "ه", "ي")
MIN_AFTER_SUFFIX = 3
MIN_AFTER_ALTERNATIVE = 3
# For matching a known word (the glossary, the terminology check, spelled numbers): the clitics that may
# be attached before it; the article after a conjunction and ب ك, or ل + ال written لل; or without it.
ARTICLE_PREFIX = f"[{CONJUNCTIONS}]?(?:[بك]?{ARTICLE}|لل)"
CLITIC_PREFIX = f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?"
ATTACHED_PREFIX = f"[{CONJUNCTIONS}]?(?:[بك]?{ARTICLE}|لل|[{PREPOSITIONS}])?"
ATTACHED_PREFIX_MAX = 4  # وبال
# The Arabic sort order folds hamza seats and ة too, and files a word under the letter after its article.
_SORT_FOLD = str.maketrans({**dict.fromkeys(ALEFS, "ا"), "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


class PluralsError(ValueError):
    """kb/data/plurals.yml is invalid; the message lists each problem as path:line: message."""


def strip_marks(text: str) -> str:
    """Remove tashkeel and tatweel."""
    return MARKS.sub("", unicodedata.normalize("NFC", text))


def fold(text: str, compose: bool = True) -> str:
    """One spelling per letter: no marks, bare alef, ي for ى, ه for a final ة, ASCII digits. With
    compose=False the text is not NFC-composed first, so each kept character keeps its order and only
    the marks (MARKS) are removed: the glossary maps matches on the folded text back onto the page."""
    text = strip_marks(text) if compose else MARKS.sub("", text)
    return _FINAL_TA_MARBUTA.sub("ه", text.translate(_LETTERS))


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII digits, the Arabic decimal and thousands separators as . and ,"""
    return text.translate(_WESTERN)


def is_arabic(word: str) -> bool:
    """Whether the text has an Arabic letter."""
    return bool(_LETTER.search(word))


def has_script(text: str) -> bool:
    """Whether the text has any character of the Arabic script (letters, marks, digits, punctuation)."""
    return bool(_SCRIPT.search(text))


def sort_key(text: str) -> str:
    """Sort key in Arabic alphabetical order: diacritics and a leading definite article ignored, as in
    Arabic dictionaries and indexes (الاستدامة files under ا, التعاون الدولي under ت)."""
    text = MARKS.sub("", text).translate(_SORT_FOLD)
    return re.sub(r"^ال(?=\S{2})", "", text)


def _prefix_steps(word: str):
    """The folded word, then each form left by one more prefix rule; stops at a word of the plural table."""
    known = _table()[1]
    while True:
        yield word
        if word in known:
            return
        for prefix, remain in PREFIX_RULES:
            if word.startswith(prefix) and len(word) - len(prefix) >= remain:
                word = word[len(prefix):]
                break
        else:
            return


def _suffix_steps(word: str):
    while True:
        yield word
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_AFTER_SUFFIX:
                word = word[:-len(suffix)]
                break
        else:
            return


def strip_suffixes(word: str) -> str:
    """A folded word without its common suffixes, while enough of it remains (no plural table)."""
    *_, last = _suffix_steps(word)
    return last


def strip_clitics(word: str) -> str:
    """A folded word without its clitic prefixes (suffixes kept): the partner of `stem` in the index."""
    word = fold(word)
    if not is_arabic(word):
        return word
    *_, last = _prefix_steps(word)
    return last


def stem(word: str) -> str:
    """The search stem of one word; words without Arabic letters come back folded only (unchanged)."""
    word = strip_clitics(word)
    if not is_arabic(word):
        return word
    stems = _table()[1]
    for form in _suffix_steps(word):
        if form in stems:
            return stems[form]
    return form


def alternatives(word: str) -> list[str]:
    """Stems a query word is also searched under: without a one-letter prefix (ب ك ل ف و) that the rules
    keep, if three letters remain. Not indexed: the index keeps كتاب and برنامج whole."""
    rest = strip_clitics(word)
    if not (is_arabic(rest) and rest not in _table()[1] and rest[:1] in PREPOSITIONS + CONJUNCTIONS
            and len(rest) - 1 >= MIN_AFTER_ALTERNATIVE):
        return []
    found = stem(rest[1:])
    return [] if found in (rest, stem(word)) else [found]


def words(text: str) -> list[str]:
    """Split text into words on whitespace and punctuation."""
    return [w for w in _SEPARATOR.split(text) if w]


def terms(text: str) -> list[str]:
    """The search stems of every word in a text."""
    return [s for s in (stem(w) for w in words(text)) if s]


# ── The plural table ────────────────────────────────────────────────────────────────────────────────

def plurals() -> dict[str, tuple[str, ...]]:
    """kb/data/plurals.yml as written: {singular: (plural, ...)}; raises PluralsError listing every problem."""
    return _table()[0]


def plural_forms() -> dict[str, str]:
    """Every folded plural of the table with its folded singular: the data normalise.js is built with."""
    return {fold(p): fold(s) for s, ps in plurals().items() for p in ps}


def number_variants(word: str) -> tuple[str, ...]:
    """The other numbers of a bare word in the table (its plurals, or its singular and that one's other
    plurals), as the table writes them; () for a word the table does not hold."""
    key = fold(word)
    group = _groups().get(key, ())
    return tuple(w for w in group if fold(w) != key)


@functools.cache
def _groups() -> dict[str, tuple[str, ...]]:
    """Each folded word of the table with its entry (singular, plurals...), the first entry that holds it."""
    out: dict[str, tuple[str, ...]] = {}
    for singular, forms in plurals().items():
        group = (singular, *forms)
        for w in group:
            out.setdefault(fold(w), group)
    return out


def reload() -> None:
    """Forget the table (the data file may have changed while serving); the next use reads it again."""
    _table.cache_clear()
    _groups.cache_clear()


@functools.cache
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The table as written, and the stem of every folded form in it (a plural gives its singular's)."""
    entries, problems = check_plurals(PLURALS_FILE.read_text(encoding="utf-8"))
    if problems:
        raise PluralsError("\n".join(problems))
    return entries, _stems(entries)


def _stems(entries: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """A word of the table keeps its first letters (وثيقة is not و + ثيقة): its stem is its singular's,
    suffixes off."""
    out = {}
    for singular, forms in entries.items():
        base = strip_suffixes(fold(singular))
        out.update({fold(w): base for w in (singular, *forms)})
    return out


def _strips_article(word: str) -> bool:
    return any(word.startswith(p) and len(word) - len(p) >= n for p, n in PREFIX_RULES if ARTICLE in p or p == "لل")


def check_plurals(text: str, path: str = "kb/data/plurals.yml") -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Parse the plural table; returns the entries and the problems, each as 'path:line: message'."""
    entries, problems = plural_problems(text)
    return entries, [f"{path}:{line}: {message}" for line, message in problems]


def plural_problems(text: str) -> tuple[dict[str, tuple[str, ...]], list[tuple[int, str]]]:
    """Parse the plural table; returns the entries and the problems as (line, message)."""
    import yaml

    from kb.data import compose_yaml
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [(mark.line + 1 if mark else 1, str(getattr(exc, "problem", exc)))]
    if root is None:
        return {}, []
    if not isinstance(root, yaml.MappingNode):
        return {}, [(root.start_mark.line + 1, "expected a mapping of singulars to their broken plurals")]
    entries, problems, seen = {}, [], {}

    def bad(node, message):
        problems.append((node.start_mark.line + 1, message))

    for key, value in root.value:
        nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
        if not nodes or not all(isinstance(n, yaml.ScalarNode) for n in [key, *nodes]):
            bad(key, f"'{key.value}': expected a singular and one plural or a list of plurals (حقيبة: حقائب)")
            continue
        words_ok = True
        for node in [key, *nodes]:
            word = node.value.strip()
            if not re.fullmatch(_WORD.pattern, word):
                bad(node, f"'{word}' is not one Arabic word")
                words_ok = False
            elif _strips_article(strip_marks(word)):  # ألوان is not ال + وان
                bad(node, f"'{word}' begins with the article: write the bare word")
            elif fold(word) in seen:
                bad(node, f"'{word}' is already in the table (line {seen[fold(word)]})")
            seen.setdefault(fold(word), node.start_mark.line + 1)
        if not words_ok:
            continue
        singular, forms = key.value.strip(), tuple(n.value.strip() for n in nodes)
        for node, form in zip(nodes, forms, strict=True):
            if strip_suffixes(fold(form)) == strip_suffixes(fold(singular)):
                bad(node, f"'{form}' already has the stem of '{singular}': the stemmer joins them without the "
                          "table, as it joins مكتبة and مكتبات (only plurals it cannot join belong here)")
        entries[singular] = forms
    return entries, problems
