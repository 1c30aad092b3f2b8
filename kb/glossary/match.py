"""Matching glossary forms on a page: English as whole words, Arabic on the folded page (kb/arabic.py: no
diacritics or tatweel, one alef, ى as ي) through attached prefixes, mapped back to the page's characters."""
from __future__ import annotations

import bisect
import functools
import re

from kb import arabic
from kb.glossary.data import Term, names, normalise

_LETTERS = arabic.LETTERS_CLASS


arabic_sort_key = arabic.sort_key


def arabic_pattern(form: str) -> str:
    """A regex for an Arabic form as a whole word (or words), its first word with any attached prefix. It
    matches folded text (_fold: no diacritics or tatweel, one alef, ى as ي), so a fully vowelled page, a
    hamza left off or a final ى written ي still match; FoldedText maps the match back onto the page."""
    words = _fold(form, "ar").split()
    first = words[0]
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]  # the article is matched by the prefix, so definite and indefinite both match
    body = r"\s+".join(map(re.escape, [first, *words[1:]]))
    return f"(?<![{_LETTERS}]){arabic.ATTACHED_PREFIX}{body}(?![{_LETTERS}])"


def english_pattern(form: str) -> str:
    """A regex for an English form as whole words; acronyms (two capitals or more) keep their case."""
    body = r"\s+".join(re.escape(w) for w in form.split())
    acronym = len(form.split()) == 1 and sum(c.isupper() for c in form) >= 2  # LIS, AI, MoU, SDG's
    flags = "" if acronym else "(?i)"
    return rf"{flags}(?<![\w-]){body}(?![\w-])"


def pattern(form: str, lang: str) -> re.Pattern:
    return re.compile(arabic_pattern(form) if lang == "ar" else english_pattern(form))


@functools.cache  # compiled when a page may hold the form: most forms are on no page
def form_pattern(form: str, lang: str) -> re.Pattern:
    return pattern(form, lang)


def _name_spans(page: FoldedText) -> list[tuple[int, int]]:
    """The spans of `finditer` over the alternation of the names (longest first) the page may hold, found
    without scanning the page once per name: at each place where a name's first word occurs, the first name
    in that order that matches there; then, left to right, every such match that starts after the last."""
    found = {}
    for form in _name_forms(page.lang):
        if page.may_occur(form):
            rx = _name_pattern(page.lang, form)
            starts = page.starts(form, literal=page.lang == "en")
            for start in range(len(page.haystack)) if starts is None else starts:
                m = rx.match(page.haystack, start)
                if m:
                    start, end = page.span(m)
                    found.setdefault(start, end)
    spans, pos = [], 0
    for start in sorted(found):
        if start >= pos:
            spans.append((start, found[start]))
            pos = found[start]
    return spans


@functools.cache
def _name_forms(lang: str) -> tuple[str, ...]:
    forms = sorted(names(lang), key=len, reverse=True)
    return tuple(f for f in forms if arabic.is_arabic(f)) if lang == "ar" else tuple(forms)


@functools.cache
def _name_pattern(lang: str, form: str) -> re.Pattern:
    return re.compile(arabic_pattern(form) if lang == "ar" else rf"(?<![\w-]){re.escape(form)}(?![\w-])")


@functools.cache
def _term_patterns(lang: str, glossary: tuple[Term, ...]) -> list[tuple[Term, tuple[str, ...]]]:
    """Each term with the forms searched for, longest first (their patterns: form_pattern), terms with the
    longest forms first (so "community engagement" claims its words before "community")."""
    ordered = sorted(glossary, key=lambda t: -max(len(f) for f in t.forms(lang)))
    return [(t, tuple(sorted(matched_forms(t, lang), key=len, reverse=True))) for t in ordered]


def matched_forms(term: Term, lang: str) -> tuple[str, ...]:
    """The forms a page's text is searched for: the term's, and in Arabic a one-word form or the head of a
    definite construct (أمين المكتبة, أمناء المكتبة) in the other number of the plural table, and a singular
    with what follows it in its broken plural as a non-human plural agrees: a feminine noun's words stay
    (حقيبة تدريبية, حقائب تدريبية), a masculine noun's nisba adjectives take ة (مكتب إقليمي, مكاتب إقليمية);
    other cases are left alone (which form the other number takes is not known)."""
    forms = list(term.forms(lang))
    if lang != "ar":
        return tuple(forms)
    singulars = _singulars()
    for form in term.forms(lang):
        first, *rest = form.split()
        bare = first[2:] if first.startswith("ال") and len(first) > 3 else first
        article = first[:len(first) - len(bare)]
        for other in arabic.number_variants(bare):
            if not rest or (not article and rest[0].startswith("ال")):
                forms.append(" ".join([other, *rest]))
            elif arabic.fold(bare) in singulars and arabic.fold(other) not in singulars:
                if arabic.fold(bare).endswith("ه"):  # حقيبة تدريبية, حقائب تدريبية
                    forms.append(" ".join([article + other, *rest]))
                elif all(w.endswith("ي") for w in rest):
                    forms.append(" ".join([article + other, *(w + "ة" for w in rest)]))
    return tuple(dict.fromkeys(forms))


@functools.cache
def _singulars() -> frozenset[str]:
    return frozenset(arabic.fold(s) for s in arabic.plurals())


def _fold(text: str, lang: str) -> str:
    """The page folded as _keys folds forms: Arabic normalised (ى as ي), English in lower case."""
    return normalise(text) if lang == "ar" else text.lower()


# Characters that a case-insensitive pattern matches to an ASCII letter other than its two cases (İ i, ı I,
# ſ s, the Kelvin sign k): a page holding one is searched form by form (tests/unit/test_glossary.py checks
# the list against the re module).
CASE_TRAPS = "\u0130\u0131\u017f\u212a"
_DIACRITIC = arabic.MARKS
_AR_PREFIX = arabic.ATTACHED_PREFIX
_AR_PREFIX_MAX = arabic.ATTACHED_PREFIX_MAX  # وبال: a match starts at most this far before its first key
_AR_PREFIX_LETTERS = "".join(dict.fromkeys(arabic.CONJUNCTIONS + arabic.PREPOSITIONS + arabic.ARTICLE))


class _Use:
    """A use of a form on the page: the part of a match's span in the page's own text."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self._span = text, (start, end)

    def span(self) -> tuple[int, int]:
        return self._span

    def start(self) -> int:
        return self._span[0]

    def end(self) -> int:
        return self._span[1]

    def group(self, _=0) -> str:
        return self.text[self._span[0]:self._span[1]]


class FoldedText:
    """A page prepared for finding forms: its folded text (as _keys folds forms), each folded character's
    place in the text, and the folded keys found in it so far. Patterns run on `haystack`: the folded text
    in Arabic (arabic_pattern), the text itself in English; `span` maps a match back onto the text."""

    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.folded = _fold(text, lang)
        self.haystack = self.folded if lang == "ar" else text
        # Folding Arabic removes the diacritics: for each removed one, the folded index it stood before.
        self.removed = []
        if lang == "ar":
            self.removed = [m.start() - i for i, m in enumerate(_DIACRITIC.finditer(text))]
            self.search = self.folded
        else:
            # text.lower() keeps every character's place unless it lengthened one; the case traps are the
            # characters a (?i) pattern matches that lower() does not fold to the letter.
            fits = len(self.folded) == len(text) and not any(c in text for c in CASE_TRAPS)
            self.search = self.folded if fits else None
        self._has = {}

    def may_occur(self, form: str) -> bool:
        """Whether every key of `form` is in the folded page (a match of its pattern needs them all)."""
        for key in _keys(form, self.lang):
            has = self._has.get(key)
            if has is None:
                has = self._has[key] = key in self.folded
            if not has:
                return False
        return True

    def occurring(self, forms: tuple[str, ...]) -> list[str]:
        """The forms that may occur (may_occur), in order: one loop over a term's forms, for every term of
        every page."""
        has, folded, out = self._has, self.folded, []
        for form, keys in _form_keys(forms, self.lang):
            for key in keys:
                found = has.get(key)
                if found is None:
                    found = has[key] = key in folded
                if not found:
                    break
            else:
                out.append(form)
        return out

    def span(self, m: re.Match) -> tuple[int, int]:
        """A match on the haystack as a span of the text: in Arabic, with the diacritics inside it and after
        its last letter (they belong to that letter), not those before its first."""
        a, b = m.span()
        if not self.removed:
            return a, b
        return a + bisect.bisect_right(self.removed, a), b + bisect.bisect_right(self.removed, b)

    def starts(self, form: str, literal: bool = False) -> list[int] | None:
        """Every place in the haystack where a match of `form`'s pattern may start, in order (more places
        than matches): where its first word occurs, literally or folded; an Arabic match may start up to a
        prefix earlier. None when the page cannot be searched that way (the pattern scans the whole page)."""
        if literal:
            key, search = form, self.text
        else:
            key, search = _keys(form, self.lang)[0], self.search
            if search is None or not key or (self.lang == "en" and not key.isascii()):
                return None
        out, i = [], search.find(key)
        while i >= 0:
            out.append(i)
            i = search.find(key, i + 1)
        if self.lang != "ar":
            return out
        starts, last = [], -1
        for at in out:
            start = at  # back over the letters an attached prefix is made of
            while start > max(at - _AR_PREFIX_MAX, last + 1) and search[start - 1] in _AR_PREFIX_LETTERS:
                start -= 1
            starts += range(start, at + 1)
            last = at
        return starts

    def finditer(self, rx: re.Pattern, form: str):
        """The matches of rx.finditer(haystack), rx being `form`'s pattern, tried only where they may start,
        as uses of the text."""
        starts = self.starts(form)
        found = rx.finditer(self.haystack) if starts is None else self._matches(rx, starts)
        for m in found:
            yield _Use(self.text, *self.span(m))

    def _matches(self, rx: re.Pattern, starts: list[int]):
        pos = 0
        for start in starts:
            if start >= pos:
                m = rx.match(self.haystack, start)
                if m:
                    yield m
                    pos = m.end()


@functools.cache
def _form_keys(forms: tuple[str, ...], lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((form, _keys(form, lang)) for form in forms)


@functools.cache
def _keys(form: str, lang: str) -> tuple[str, ...]:
    """Words that every match of `form`'s pattern contains once folded (the first without its article): most
    forms are absent from a page, and this test skips their regexes."""
    if lang != "ar":
        return tuple(w.lower() for w in form.split())
    first, *rest = normalise(form).split()
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]
    return (first, *rest)


def _title_cased(text: str, form: str) -> bool:
    """Several capitalised words where the form is lower case: a name or a title, not the term."""
    words = text.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3) and form != form.title()
