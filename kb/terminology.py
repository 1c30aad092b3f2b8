"""The terminology check: no Arabic page (or Arabic data text) uses a variant that kb/data/glossary.yml or
kb/data/names.yml lists under `avoid_ar` for a term or a name (the reason is the comment above each list).
Run it with `python -m kb terms [--root DIR]`.

What is not checked: fenced code blocks, inline code, link targets, HTML comments and tags, YAML comments,
the `avoid_ar` lists themselves, and quotations of a source's own words: a Markdown blockquote (`> …`,
how a long quotation is set apart) or a quoted span «…» “…” "…" with no Arabic letter (the source's
language; all four sources are English). Arabic inside «…» is checked: on this site it is our own Arabic
rendering of a title or a slogan, which follows the decided terms.
"""
from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb import arabic, glossary
from kb.data import DATA, compose_yaml, load_yaml
from kb.problems import Problem

_LETTER = f"[{arabic.LETTERS_CLASS}]"
_ARABIC = re.compile(_LETTER)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_BLOCKQUOTE = re.compile(r"^\s*>")
# Spans never checked inside a line: inline code, a link's target, HTML comments and tags, and quoted text
# in the source's language (no Arabic letter); in data files, YAML comments too.
_QUOTED = f"|«[^»{arabic.SCRIPT_CLASS}]*»|“[^”{arabic.SCRIPT_CLASS}]*”|\"[^\"\n{arabic.SCRIPT_CLASS}]*\""
_MASK = re.compile(r"`+[^`\n]*`+|\]\([^)\n]*\)|<!--.*?-->|<[^>\n]+>" + _QUOTED, re.S)
_MASK_DATA = re.compile(r"(?:^|(?<=\s))#.*$" + _QUOTED, re.M)


def fold(text: str) -> str:
    """Arabic without diacritics or tatweel, one alef, ى as ي, ه for a final ة (kb.arabic.fold, not composed,
    so each kept character keeps its place): the text variants are looked for in."""
    return arabic.fold(text, compose=False)


def _places(text: str) -> list[int]:
    """For each character of fold(text), its index in `text` (and one past the end)."""
    kept = [i for i, c in enumerate(text) if not arabic.MARKS.match(c)]
    return kept + [len(text)]


_ARTICLE = f"(?:{arabic.ARTICLE_PREFIX})"
_CLITIC = arabic.CLITIC_PREFIX


def _stem(form: str) -> str:
    """The first word of folded `form` without its article: in every match of its pattern, after at most
    _PREFIX_MAX characters of attached prefix."""
    first = fold(form).split()[0]
    return first[2:] if first.startswith("ال") and len(first) > 3 else first


_PREFIX_MAX = arabic.ATTACHED_PREFIX_MAX  # وبال, the longest of _ARTICLE and _CLITIC


def _finditer(rx: re.Pattern, stem: str, text: str):
    """rx.finditer(text) for a pattern of _pattern whose form has `stem`, tried only where a match may start
    (a search tries the lookbehind at every character of the text)."""
    starts, at = set(), text.find(stem)
    while at >= 0:
        starts.update(range(max(at - _PREFIX_MAX, 0), at + 1))
        at = text.find(stem, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = rx.match(text, start)
            if m:
                yield m
                end = m.end()


def _pattern(form: str, optional_article: bool) -> re.Pattern:
    """`form` as whole words of folded text, attached و ف ب ك ل allowed before it. A form with «ال» also
    matches after ل (written لل), ب or ك; one without it never matches the word with it, unless
    `optional_article` (a glossary form, found definite or not, as the glossary links it)."""
    first, *rest = fold(form).split()
    stem = _stem(form)
    definite = stem != first
    if optional_article:
        head = f"(?:{_ARTICLE}|{_CLITIC}){re.escape(stem)}"
    else:
        head = f"{_ARTICLE if definite else _CLITIC}{re.escape(stem)}"
    body = r"\s+".join([head, *map(re.escape, rest)])
    return re.compile(f"(?<!{_LETTER}){body}(?!{_LETTER})")


@dataclass(frozen=True)
class Variant:
    text: str        # the variant as the data gives it
    use: str         # what to write instead: the term or the name
    where: str       # path:line of its avoid_ar list
    pattern: re.Pattern

    @functools.cached_property  # asked for each text checked
    def key(self) -> str:
        return _key(self.text)

    @functools.cached_property
    def stem(self) -> str:
        return _stem(self.text)


def _key(form: str) -> str:
    """Folded text every match of `form`'s pattern contains: the last word, or a single word without its
    article (ل + ال is written لل); a text without it is not searched for the form."""
    words = fold(form).split()
    return words[-1] if len(words) > 1 else words[0].removeprefix("ال") if len(words[0]) > 3 else words[0]


def variant_pattern(variant: str) -> re.Pattern:
    """A variant to avoid: avoiding «إفلا» leaves «الإفلا» and «للإفلا» alone; «التعاون متعدد الأطراف»
    is found in «وللتعاون متعدد الأطراف» but not in the indefinite «تعاون متعدد الأطراف»."""
    return _pattern(variant, optional_article=False)


@functools.lru_cache(maxsize=8)  # the glossary and the names are read for their variants, then checked
def _avoid_keys(text: str) -> dict[str, tuple[int, int, int]]:
    """Each entry's avoid_ar in a data file: {id: (line, start, end)}, start and end the character offsets
    of the key and the end of its list."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out = {}

    def walk(node):
        for k, v in node.value if isinstance(node, yaml.MappingNode) else []:
            for kk, vv in v.value if isinstance(v, yaml.MappingNode) else []:
                if kk.value == "avoid_ar":
                    out[k.value] = (kk.start_mark.line + 1, starts[kk.start_mark.line] + kk.start_mark.column,
                                    starts[vv.end_mark.line] + vv.end_mark.column)
            walk(v)
    if "avoid_ar" in text:
        walk(compose_yaml(text))
    return out


def name_variants(text: str, path: str = "kb/data/names.yml") -> tuple[list[Variant], list[str]]:
    """The variants names.yml lists for names (`avoid_ar` beside en and ar), and its problems."""
    try:
        data = load_yaml(text) or {}
        lines = {k: v[0] for k, v in _avoid_keys(text).items()}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [], [f"{path}:{mark.line + 1 if mark else 1}: yaml: {getattr(exc, 'problem', exc)}"]
    out, problems = [], []
    for group in data.values() if isinstance(data, dict) else []:
        for nid, entry in (group or {}).items() if isinstance(group, dict) else []:
            if not isinstance(entry, dict) or "avoid_ar" not in entry:
                continue
            line, value = lines.get(nid, 1), entry["avoid_ar"]
            if not (isinstance(value, list) and value
                    and all(isinstance(v, str) and _ARABIC.search(v) for v in value)):
                problems.append(f"{path}:{line}: {nid}: avoid_ar must be a list of Arabic variants")
                continue
            out += [Variant(v, str(entry.get("ar", "")), f"{path}:{line}", variant_pattern(v)) for v in value]
    return out, problems


def data_dir(root: Path) -> Path:
    """The project's kb/data, or this package's when the project has none (a tree of pages only)."""
    own = root / "kb" / "data"
    return own if (own / "glossary.yml").is_file() else DATA


def variants(root: Path) -> tuple[list[Variant], list[tuple[str, re.Pattern]], list[str]]:
    """Every variant to avoid, from the glossary and the names; the (stem, pattern) of the glossary's own Arabic
    forms (a variant inside one of them is that term, not a slip: «توجه» in «التوجه الاستراتيجي»); and the
    problems of those two files."""
    gpath, npath = "kb/data/glossary.yml", "kb/data/names.yml"
    gtext = (data_dir(root) / "glossary.yml").read_text(encoding="utf-8")
    terms, problems = glossary.check(gtext, gpath)
    lines = {k: v[0] for k, v in _avoid_keys(gtext).items()} if not problems else {}
    out = [Variant(v, t.ar, f"{gpath}:{lines.get(t.id, 1)}", variant_pattern(v))
           for t in terms.values() for v in t.avoid_ar]
    # Only the forms that hold a variant's word can excuse a use of it.
    words = {fold(v.text).split()[0].removeprefix("ال") for v in out}
    accepted = [(_stem(f), _pattern(f, optional_article=True)) for t in terms.values() for f in t.forms("ar")
                if any(w in fold(f) for w in words)]
    names, more = name_variants((data_dir(root) / "names.yml").read_text(encoding="utf-8"), npath)
    return out + names, accepted, problems + more


def _blank(m: re.Match) -> str:
    return re.sub(r"[^\n]", " ", m.group(0))


def checked_text(text: str, data: bool = False) -> str:
    """The text with what is not checked blanked out (newlines kept, so lines stay where they were)."""
    if data:
        try:
            spans = sorted(s[1:] for s in _avoid_keys(text).values())
        except yaml.YAMLError:
            spans = []
        for start, end in reversed(spans):
            text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
        return _MASK_DATA.sub(_blank, text)
    lines, fence = text.split("\n"), None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence or m or _BLOCKQUOTE.match(line):
            if m and not fence:
                fence = m.group(1)
            elif m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            lines[i] = ""
    return _MASK.sub(_blank, "\n".join(lines))


def scan(text: str, path: str, found: list[Variant], accepted: list[tuple[str, re.Pattern]], data: bool = False
         ) -> list[Problem]:
    """Each use of a variant in `text` as a Problem at its line (a variant across a line break: its first)."""
    shown_text = checked_text(text, data)
    folded, places = fold(shown_text), None
    if not _ARABIC.search(folded):
        return []
    # A variant's words, folded, are in every text that uses it: most texts skip most patterns.
    uses = sorted(((m, v) for v in found if v.key in folded for m in _finditer(v.pattern, v.stem, folded)),
                  key=lambda u: u[0].start())
    if not uses:
        return []
    # A use inside a longer glossary form is that term («توجه» in «التوجه الاستراتيجي»); one as long is not
    # (the indefinite form «تعاون متعدد الأطراف» does not excuse «التعاون متعدد الأطراف»).
    terms = [m.span() for stem, rx in accepted for m in _finditer(rx, stem, folded)]
    out = []
    for m, v in uses:
        a, b = m.span()
        if any(s <= a and b <= e and e - s > b - a for s, e in terms):
            continue
        places = places or _places(shown_text)
        line = folded.count("\n", 0, a) + 1
        shown = re.sub(r"\s+", " ", shown_text[places[a]:places[b - 1] + 1])
        what = f"«{shown}» is" if fold(shown) == fold(v.text) else f"«{shown}»: «{v.text}» is"
        out.append(Problem(path, line, "terminology", f"{what} a variant to avoid",
                           f"decided: «{v.use}»; see {v.where}"))
    return out


def other_texts(root: Path) -> list[tuple[str, Path, bool]]:
    """The Arabic texts beside the pages, each (shown path, file, is a data file): the Arabic page templates,
    the data files and the Arabic interface strings."""
    files = [(p, False) for p in sorted((root / "kb" / "templates").glob("*.ar.md"))]
    files += [(p, True) for p in sorted(data_dir(root).glob("*.yml"))]
    files += [(p, False) for p in [root / "overrides" / "partials" / "languages" / "ar.html"] if p.is_file()]
    data_files = data_dir(root)
    return [(f"kb/data/{p.name}" if p.parent == data_files else p.relative_to(root).as_posix(), p, data)
            for p, data in files]


def check(root: Path, pages: list[tuple[str, str]]) -> list[Problem]:
    """Every use of a variant to avoid in `pages` ((shown path, text) of the Arabic pages) and in the other
    Arabic texts of the project at `root`, and every problem of the variant lists."""
    found, accepted, problems = variants(root)
    out = [Problem(*_split(p)) for p in problems]
    texts = [(path, text, False) for path, text in pages]
    texts += [(path, file.read_text(encoding="utf-8"), data) for path, file, data in other_texts(root)]
    for path, text, data in texts:
        out += scan(text, path, found, accepted, data)
    return out


def check_index(index) -> list[Problem]:
    """The check on the pages of kb/content.py's index (read once per build), for kb check and the build."""
    return check(index.root, [(page.path, page.text) for _, page in sorted(index.pages["ar"].items())])


def check_tree(root: Path) -> list[Problem]:
    """The check on the project at `root`, its Arabic pages read from docs/ar."""
    base = root / "docs" / "ar"
    return check(root, [(f.relative_to(root).as_posix(), f.read_text(encoding="utf-8"))
                        for f in sorted(base.rglob("*.md"))])


def _split(problem: str) -> tuple[str, int, str, str]:
    """A glossary problem 'path:line: id: message' as Problem fields."""
    m = re.match(r"(.*?):(\d+): (.*?): (.*)", problem, re.S)
    return (m.group(1), int(m.group(2)), m.group(3), m.group(4)) if m else ("kb/data", 1, "terminology", problem)


def main(root: Path) -> int:
    """`python -m kb [--root DIR] terms`: print each use of a variant to avoid; exit 1 if there is one."""
    try:
        problems = check_tree(root)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"terminology: {exc}", file=sys.stderr)
        return 2
    for p in sorted(problems, key=lambda p: (p.path, p.line)):
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} terminology problem(s)", file=sys.stderr)
        return 1
    print(f"terminology: {len(list((root / 'docs' / 'ar').rglob('*.md'))) + len(other_texts(root))} Arabic files"
          " checked, no variant to avoid")
    return 0
