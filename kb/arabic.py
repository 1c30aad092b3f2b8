"""Arabic text normalisation for search: the Python half of one normaliser (the JavaScript half is
docs/assets/javascripts/search/normalise.js; both are tested against tests/search/normalise_cases.json).

- `strip_marks`: drop tashkeel (diacritics) and tatweel; safe for text shown to readers.
- `fold`: `strip_marks`, then one form per letter: أ إ آ ٱ → ا, ى → ي, final ة → ه, Persian ی ک → ي ك,
  Arabic-Indic digits → 0-9. Latin letters and ASCII digits are left alone.
- `stem`: `fold`, then strip clitic prefixes (ال و ف ب ك ل and وال بال فال كال لل) and common suffixes
  (ات ون ين ها هم ... ه ي), each only while a long enough stem remains. Both loops are memoryless, so a
  word with a clitic stems like the word without it ("والمكتبات" and "مكتبة" both give "مكتب").
- `strip_clitics`: `fold` and the prefixes only; the index holds it beside the stem, so a half-typed word
  still prefix-matches ("المكتبا" → "مكتبا", a prefix of "مكتبات").
- `terms`: split text on whitespace and punctuation (Arabic ، ؛ ؟ « » included) and stem each word.
"""
import re
import unicodedata

# Tashkeel and Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED), and tatweel (U+0640).
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640]")
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك",
    **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)},
})
_FINAL_TA_MARBUTA = re.compile(r"ة(?!\w)")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
# Whitespace, hyphens and punctuation that never belong inside a word (Arabic ، ؛ ؟ « » ٪ ۔ included).
SEPARATOR = r"""[\s\-\u060c\u061b\u061f\u066a\u066b\u066c\u066d\u06d4\u00ab\u00bb,;:!?()\[\]{}"\u201c\u201d]+"""
_SEPARATOR = re.compile(SEPARATOR)

# Clitics, longest first. A prefix is stripped only if at least MIN_AFTER_* letters remain.
ARTICLE_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
LETTER_PREFIXES = "وفبكل"
SUFFIXES = ("ها", "هم", "هن", "كم", "ات", "ون", "ين", "يه", "ه", "ي")
MIN_AFTER_ARTICLE = 2
MIN_AFTER_LETTER = 3
MIN_AFTER_SUFFIX = 3


def strip_marks(text: str) -> str:
    """Remove tashkeel and tatweel."""
    return _MARKS.sub("", unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """One spelling per letter: no marks, bare alef, ي for ى, ه for a final ة, ASCII digits."""
    return _FINAL_TA_MARBUTA.sub("ه", strip_marks(text).translate(_LETTERS))


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER.search(word))


def strip_prefixes(word: str) -> str:
    """Strip clitic prefixes from a folded word while enough of it remains."""
    while True:
        for prefix in ARTICLE_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= MIN_AFTER_ARTICLE:
                word = word[len(prefix):]
                break
        else:
            if word[:1] and word[0] in LETTER_PREFIXES and len(word) - 1 >= MIN_AFTER_LETTER:
                word = word[1:]
                continue
            return word


def strip_suffixes(word: str) -> str:
    """Strip common suffixes from a folded word while enough of it remains."""
    while True:
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_AFTER_SUFFIX:
                word = word[:-len(suffix)]
                break
        else:
            return word


def strip_clitics(word: str) -> str:
    """A folded word without its clitic prefixes (suffixes kept): the partner of `stem` in the index."""
    word = fold(word)
    return strip_prefixes(word) if is_arabic(word) else word


def stem(word: str) -> str:
    """The search stem of one word; words without Arabic letters come back folded only (unchanged)."""
    word = fold(word)
    if not is_arabic(word):
        return word
    return strip_suffixes(strip_prefixes(word))


def words(text: str) -> list[str]:
    """Split text into words on whitespace and punctuation."""
    return [w for w in _SEPARATOR.split(text) if w]


def terms(text: str) -> list[str]:
    """The search stems of every word in a text."""
    return [s for s in (stem(w) for w in words(text)) if s]
