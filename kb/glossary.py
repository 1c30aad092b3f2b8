"""The bilingual glossary: load and check kb/data/glossary.yml, render the glossary page of a language, and
link the first use of each term on a page (Arabic matched through attached prefixes and diacritics, and a
broken plural as its singular: the rules and the plural table are kb/arabic.py's)."""
from __future__ import annotations

import bisect
import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb import arabic
from kb.data import compose_yaml, load_yaml
from kb.frontmatter import parse as parse_front_matter
from kb.markdown import CODE, HTML
from kb.markdown import scan as scan_markdown

DATA = Path(__file__).resolve().parent / "data"
GLOSSARY = DATA / "glossary.yml"
NAMES = DATA / "names.yml"
PAGE = "glossary.md"  # the glossary page, relative to the language folder
LANGS = ("en", "ar")
OTHER = {"en": "ar", "ar": "en"}
KEYS = {"en": True, "ar": True, "def_en": True, "def_ar": True, "forms_en": False, "forms_ar": False,
        "avoid_ar": False}  # avoid_ar: Arabic variants pages must not use for the term (kb/terminology.py)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class GlossaryError(ValueError):
    """The glossary data is invalid; the message lists each problem as path:line: id: message."""


@dataclass(frozen=True)
class Term:
    id: str
    en: str
    ar: str
    def_en: str
    def_ar: str
    forms_en: tuple[str, ...] = ()
    forms_ar: tuple[str, ...] = ()
    avoid_ar: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        return getattr(self, lang)

    def definition(self, lang: str) -> str:
        return getattr(self, f"def_{lang}")

    def forms(self, lang: str) -> tuple[str, ...]:
        """The term and its listed forms, without a parenthesised abbreviation ("LIS" is listed as a form)."""
        main = re.sub(r"\s*\([^)]*\)", "", self.text(lang)).strip()
        return tuple(dict.fromkeys([main, *getattr(self, f"forms_{lang}")]))


# ── Loading and checking ────────────────────────────────────────────────────────────────────────────

def check(text: str, path: str = "kb/data/glossary.yml") -> tuple[dict[str, Term], list[str]]:
    """Parse the glossary YAML; returns the terms and the problems, each as 'path:line: id: message'."""
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [f"{path}:{mark.line + 1 if mark else 1}: yaml: {getattr(exc, 'problem', exc)}"]
    if not isinstance(root, yaml.MappingNode):
        return {}, [f"{path}:1: glossary: expected a mapping of term ids to entries"]
    terms, problems, seen_forms, seen_ids = {}, [], {}, set()
    for key_node, value_node in root.value:
        tid, line = key_node.value, key_node.start_mark.line + 1

        def bad(message, line=line, tid=tid):
            problems.append(f"{path}:{line}: {tid}: {message}")
        if not _ID.fullmatch(tid):
            bad("the id must be lower-case ASCII words joined by hyphens (it is the anchor on both pages)")
        if tid in seen_ids:
            bad("duplicate id")
        seen_ids.add(tid)
        if not isinstance(value_node, yaml.MappingNode):
            bad("expected a mapping with en, ar, def_en, def_ar")
            continue
        entry = yaml.constructor.SafeConstructor().construct_document(value_node)
        lines = {k.value: k.start_mark.line + 1 for k, _ in value_node.value}
        for key in entry:
            if key not in KEYS:
                bad(f"unknown key '{key}' (known: {', '.join(KEYS)})", lines[key])
        fields = {}
        for key in KEYS:
            value = entry.get(key)
            if key.startswith(("forms_", "avoid_")):
                if value is not None and not (isinstance(value, list)
                                              and all(isinstance(v, str) and v.strip() for v in value)):
                    bad(f"{key} must be a list of non-empty strings", lines.get(key, line))
                    value = None
                fields[key] = tuple(value or ())
            elif not isinstance(value, str) or not value.strip():
                bad(f"{key} is required (a non-empty one-line string)", lines.get(key, line))
            elif "\n" in value.strip():
                bad(f"{key} must be one line", lines[key])
            else:
                fields[key] = value.strip()
        if any(k not in fields for k in ("en", "ar", "def_en", "def_ar")):
            continue
        for key in ("ar", "def_ar"):
            if not arabic.is_arabic(fields[key]):
                bad(f"{key} has no Arabic letters", lines[key])
        for variant in fields["avoid_ar"]:
            if not arabic.is_arabic(variant):
                bad(f"avoid_ar: '{variant}' has no Arabic letters", lines["avoid_ar"])
        term = Term(tid, **fields)
        for lang in LANGS:
            for form in term.forms(lang):
                norm = normalise(form) if lang == "ar" else form.casefold()
                if (lang, norm) in seen_forms and seen_forms[(lang, norm)] != tid:
                    bad(f"the form '{form}' is also a form of '{seen_forms[(lang, norm)]}'",
                        lines.get(f"forms_{lang}", line))
                seen_forms[(lang, norm)] = tid
        terms[tid] = term
    avoided = {}
    for tid, term in terms.items():  # a variant to avoid is no term's own form (checked once all are read)
        for variant in term.avoid_ar:
            other = seen_forms.get(("ar", normalise(variant)))
            twice = avoided.setdefault(normalise(variant), tid)
            if twice != tid:
                problems.append(f"{path}:{_key_line(root, tid, 'avoid_ar')}: {tid}: avoid_ar: '{variant}' is "
                                f"also avoided for '{twice}'")
            if other:
                problems.append(f"{path}:{_key_line(root, tid, 'avoid_ar')}: {tid}: avoid_ar: '{variant}' is "
                                f"a form of '{other}' (a page could not both use and avoid it)")
    return terms, sorted(problems, key=lambda p: int(p.split(":")[1]))


def _key_line(root: yaml.MappingNode, tid: str, key: str) -> int:
    """The line of `key` in the entry `tid` of the composed glossary."""
    entry = next(v for k, v in root.value if k.value == tid)
    return next(k.start_mark.line + 1 for k, _ in entry.value if k.value == key)


@functools.cache
def terms() -> dict[str, Term]:
    """The glossary terms by id; raises GlossaryError listing every problem."""
    found, problems = check(GLOSSARY.read_text(encoding="utf-8"), "kb/data/glossary.yml")
    if problems:
        raise GlossaryError("\n".join(problems))
    return found


def reload() -> dict[str, Term]:
    """Forget cached data (the data files may have changed while serving) and load the glossary again."""
    for cached in (terms, names, _name_forms, _name_pattern, _term_patterns):
        cached.cache_clear()
    arabic.reload()
    arabic.plurals()  # raises PluralsError listing the table's problems
    return terms()


@functools.cache
def names(lang: str) -> tuple[str, ...]:
    """Proper names of kb/data/names.yml in `lang`, without parenthesised parts: never linked as terms."""
    data = load_yaml(NAMES.read_text(encoding="utf-8")) or {}
    out = []
    for group in data.values():
        for entry in (group or {}).values():
            name = re.sub(r"\s*\([^)]*\)", "", str(entry.get(lang, ""))).strip(" «»\"")
            if name:
                out.append(name)
    return tuple(out)


# ── Arabic text ─────────────────────────────────────────────────────────────────────────────────────

_LETTERS = arabic.LETTERS_CLASS


def normalise(text: str) -> str:
    """Arabic as terms are compared in: arabic.fold without composing, so the page's characters keep
    their places (no diacritics or tatweel, one alef, ي for ى, ه for a final ة)."""
    return arabic.fold(text, compose=False)


arabic_sort_key = arabic.sort_key


def arabic_pattern(form: str) -> str:
    """A regex for an Arabic form as a whole word (or words), its first word with any attached prefix. It
    matches folded text (_fold: no diacritics or tatweel, one alef, ى as ي), so a fully vowelled page, a
    hamza left off or a final ى written ي still match; _Page maps the match back onto the page."""
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


# ── Linking the first use of each term ─────────────────────────────────────────────────────────────

# Lines that are markup rather than prose: admonition and tab titles, HTML blocks, abbreviation, reference
# and footnote definitions, snippets, attribute lists, table rules.
_SKIP_LINE = re.compile(r"^\s*(!!!|\?\?\?|={3}[+!]?\s|<|\*\[|\[[^\]]+\]:|-{2}8<-{2}|\{:?|\|?\s*:?-{3,})")
# Inline spans never linked inside: code, links and images (with their target), bracketed text, HTML tags
# and comments, autolinks, bare URLs, attribute lists, quoted titles and names.
_INLINE = re.compile(r"`+[^`]*`+|!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?|<!--.*?-->|<[^>]+>|https?://\S+|\{[^}]*\}"
                     r"|«[^»]*»|“[^”]*”")


def protected_spans(markdown: str, lang: str, page: _Page | None = None) -> list[tuple[int, int]]:
    """Character ranges of `markdown` that must not be linked: front matter, code blocks, headings,
    markup lines, inline code, links, tags, quoted titles and proper names."""
    spans, pos = [], 0
    page_markdown = markdown
    front, _ = parse_front_matter(markdown, "", required=False) if markdown.startswith("---") else (None, None)
    if front is not None and front.has_front_matter:
        size = len("\n".join(markdown.split("\n")[:front.body_line - 1])) + 1
        spans.append((0, size))
        pos, markdown = size, markdown[size:]
    body = scan_markdown(markdown)
    headings = {h.line - 1 for h in body.headings}
    for i, (line, kind) in enumerate(zip(markdown.split("\n"), body.kinds, strict=True)):
        start, end = pos, pos + len(line) + 1
        pos = end
        if kind in (CODE, HTML) or i in headings or _SKIP_LINE.match(line):
            spans.append((start, min(end, len(page_markdown))))
            continue
        spans += [(start + m.start(), start + m.end()) for m in _INLINE.finditer(line)]
    markdown = page_markdown
    return spans + _name_spans(page or _Page(markdown, lang))


def _name_spans(page: _Page) -> list[tuple[int, int]]:
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
def _term_patterns(lang: str, glossary: tuple[Term, ...]) -> list[tuple[Term, list[tuple[str, re.Pattern]]]]:
    """Each term with its forms' patterns, terms with the longest forms first (so "community engagement"
    claims its words before "community")."""
    ordered = sorted(glossary, key=lambda t: -max(len(f) for f in t.forms(lang)))
    return [(t, [(f, pattern(f, lang)) for f in sorted(matched_forms(t, lang), key=len, reverse=True)])
            for t in ordered]


def matched_forms(term: Term, lang: str) -> tuple[str, ...]:
    """The forms a page's text is searched for: the term's, and in Arabic a one-word form or the head of a
    definite construct (أمين المكتبة, أمناء المكتبة) in the other number of the plural table, and a singular
    with what follows it in its broken plural as a non-human plural agrees: a feminine noun's words stay
    (حقيبة تدريبية, حقائب تدريبية), a masculine noun's nisba adjectives take ة (مكتب إقليمي, مكاتب إقليمية);
    other cases are left alone (which form the other number takes is not known)."""
    forms = list(term.forms(lang))
    if lang != "ar":
        return tuple(forms)
    singulars = {arabic.fold(s) for s in arabic.plurals()}
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


class _Page:
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


def link_terms(markdown: str, lang: str, href: str, glossary: dict[str, Term] | None = None) -> str:
    """Link the first use of each glossary term in `markdown` to `href#<id>` (the glossary page, relative
    to this page), with the definition as the link's title. Whole words only, one link per term, never in
    headings, links, code, markup, front matter, quoted titles or proper names."""
    glossary = terms() if glossary is None else glossary
    # One byte per character, 1 where the text is taken: checking a match is one C-level scan, where a list
    # of spans made each check walk every earlier use (quadratic on long, term-dense pages).
    taken = bytearray(len(markdown))

    def take(a, b):
        taken[a:b] = b"\x01" * (b - a)

    def free(a, b):
        return taken.find(1, a, b) < 0

    page = _Page(markdown, lang)
    for a, b in protected_spans(markdown, lang, page):
        take(a, b)
    chosen = []
    for term, forms in _term_patterns(lang, tuple(glossary.values())):
        # Every use of a (longer) term is kept from shorter terms, not only the one that gets the link.
        uses = [m for form, rx in forms if page.may_occur(form) for m in page.finditer(rx, form)
                if free(*m.span()) and not (lang == "en" and _title_cased(m.group(0), form))]
        for m in uses:
            take(*m.span())
        if uses:
            chosen.append((min(uses, key=lambda m: m.start()), term))
    for m, term in sorted(chosen, key=lambda c: c[0].start(), reverse=True):
        title = term.definition(lang).replace('"', "&quot;")
        link = f'[{m.group(0)}]({href}#{term.id} "{title}"){{ .kb-term }}'
        markdown = markdown[:m.start()] + link + markdown[m.end():]
    return markdown


# ── Pages ───────────────────────────────────────────────────────────────────────────────────────────

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
    direction = "rtl" if other == "ar" else "ltr"
    out = ['<div class="kb-glossary" markdown>', ""]
    for term in sorted_terms(lang, glossary):
        shown = term.text(lang)
        if lang == "en":
            shown = shown[:1].upper() + shown[1:]
        out += [f"{shown} {{ #{term.id} }}",
                f':   <span class="kb-glossary__equivalent" lang="{other}" dir="{direction}">{term.text(other)}</span>',
                f":   {term.definition(lang)}", ""]
    out.append("</div>")
    return "\n".join(out) + "\n"
