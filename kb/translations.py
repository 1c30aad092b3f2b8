"""Translation integrity: which version of its counterpart each translated page follows, and how they differ.

A translated page records, in its front matter, the language it was translated from and a hash of that
source page's normalised text: `translation: {source: en, source_hash: "..."}`. From that record a pair is
complete, outdated (the source changed since), unrecorded (no record yet) or missing (one side absent);
structural checks (headings, links and anchors, numbers and dates, images) compare the two sides.
"""
import argparse
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kb import data
from kb.frontmatter import Page, line_of
from kb.frontmatter import parse as parse_front_matter
from kb.languages import LANGS, direction
from kb.markdown import BLANK, CODE

KEY = "translation"
STATUS_PAGE = "translation-status.md"
# Statuses, from worst to best; the first two fail the command.
STATUSES = ("missing", "different", "outdated", "unrecorded", "complete")
FAILING = {"missing", "different"}


def ui(lang: str) -> dict:
    """This module's UI strings in `lang`, from kb/data/ui.yml."""
    return data.ui()[lang]["translation"]


class TranslationError(Exception):
    """Bad input in a page, reported as `path:line: message`."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


# ── Pages ─────────────────────────────────────────────────────────────────────────────────────────────

@dataclass
class Doc:
    path: Path                 # as given (relative to the working directory when possible)
    lang: str
    text: str
    meta: dict
    body: str
    body_line: int             # line number of the body's first line
    record: dict | None        # the `translation` mapping, if any
    record_line: int           # its line in the file (1 when absent)
    page: Page | None = None   # the parsed page, whose body is scanned once (kb/markdown.py)

    @property
    def scan(self):
        if self.page is None:
            self.page = Page(str(self.path), self.meta, None, self.body, self.body_line, self.text)
        return self.page.scan


_FM = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def load(path: Path, lang: str) -> Doc:
    """Read a page and its front matter; malformed YAML or a bad `translation` record raises TranslationError."""
    try:
        return parse(path, lang, path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise TranslationError(path, 1, f"not UTF-8 ({exc.reason})") from None


def parse(path: Path, lang: str, text: str) -> Doc:
    """A page from its text (`path` only names it in messages); a page may have no front matter."""
    page, problems = parse_front_matter(text, str(path), required=False)
    if page is None:
        problem = problems[0]
        if problem.message == "not closed":
            raise TranslationError(path, 1, "front matter is not closed")
        if problem.message.startswith("malformed YAML"):
            raise TranslationError(path, problem.line, "front matter is not valid YAML")
        raise TranslationError(path, 2, "front matter must be a mapping of keys to values")
    return from_page(page, path, lang)


def from_page(page: Page, path: Path, lang: str) -> Doc:
    """A page of the page index as this module reads it; a bad `translation` record raises TranslationError."""
    meta = page.meta
    record, record_line = meta.get(KEY), line_of(page, KEY) if KEY in meta else 1
    if record is not None:
        other = [x for x in LANGS if x != lang]
        if (not isinstance(record, dict) or record.get("source") not in other
                or not isinstance(record.get("source_hash"), str)):
            raise TranslationError(path, record_line, f"{KEY}: expected {{source: {'|'.join(other)}, "
                                   f"source_hash: \"...\"}}; run `python -m kb translations --mark-current "
                                   f"{path}` after reviewing the translation")
    return Doc(path, lang, page.text, meta, page.body, page.body_line, record, record_line, page)


def normalised_text(doc: Doc) -> str:
    """The page's text as hashed: front matter (minus the translation record) in a canonical form, then the
    body with Unicode NFC, no trailing spaces and single blank lines, so reformatting alone changes nothing."""
    meta = {k: v for k, v in doc.meta.items() if k != KEY}
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", doc.body).split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str) + "\n" + body + "\n"


def text_hash(doc: Doc) -> str:
    return hashlib.sha256(normalised_text(doc).encode("utf-8")).hexdigest()[:16]


# ── Structure: headings, links, anchors, numbers, images ──────────────────────────────────────────────

@dataclass
class Section:
    line: int                  # the heading's line (the page's first body line for the part before it)
    level: int
    title: str
    links: dict = field(default_factory=dict)     # item -> first line
    images: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    anchors: dict = field(default_factory=dict)
    spelled: set = field(default_factory=set)     # numbers written as words ("five", «الخامس»)


_CODE = re.compile(r"(`+).+?\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_ATTR = re.compile(r"<(a|img)\b[^>]*?\b(href|src)=[\"']([^\"']+)[\"'][^>]*>", re.I)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^}]*)\}")
_ID = re.compile(r"(?:^|\s)#([\w-]+)")
_TAG = re.compile(r"<[^>]+>")
_FOOTNOTE = re.compile(r"\[\^[^\]]+\]:?")
_LIST_MARKER = re.compile(r"^[ \t]*\d+[.)][ \t]")
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = re.compile(rf"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*")
# Arabic writes one and two as words (دقيقة، دقيقتان: the singular and the dual), so they are not compared.
_WORD_NUMBERS = {"1", "2"}
# Three to ten are often written as words, cardinal or ordinal («أهم خمس مبادرات» for "TOP 5 Initiatives"): a
# number in one page is matched by its digits or by one of these words in the other (Arabic without «ال»).
_SPELLED = {
    "3": "three third ثلاث ثلاثة ثالث ثالثة",
    "4": "four fourth أربع أربعة رابع رابعة",
    "5": "five fifth خمس خمسة خامس خامسة",
    "6": "six sixth ست ستة سادس سادسة",
    "7": "seven seventh سبع سبعة سابع سابعة",
    "8": "eight eighth ثمان ثماني ثمانية ثامن ثامنة",
    "9": "nine ninth تسع تسعة تاسع تاسعة",
    "10": "ten tenth عشر عشرة عاشر عاشرة",
}
_WORD_TO_NUMBER = {word: n for n, words in _SPELLED.items() for word in words.split()}
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0640]")    # short vowels, shadda, sukun, tatweel
_WORD = re.compile(r"[^\W\d_]+")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")


def normalise_number(raw: str) -> str:
    """Arabic-Indic and Western digits compare equal (٥ == 5); thousands separators and leading zeros drop."""
    s = raw.translate(_TO_WESTERN)
    s = re.sub(r"[,\u066c](?=\d{3}(?!\d))", "", s)
    parts = s.split(".")
    parts[0] = parts[0].lstrip("0") or "0"
    return ".".join(parts)


def sections(doc: Doc) -> list[Section]:
    """Split the body at headings; collect each part's links, images, numbers and explicit anchors."""
    out = [Section(doc.body_line, 0, "")]
    body = doc.scan
    headings = {h.line: h for h in body.headings}
    for offset, (line, kind) in enumerate(zip(body.lines, body.kinds, strict=True)):
        if kind in (CODE, BLANK) or line.lstrip().startswith("<!--"):
            continue
        n = doc.body_line + offset
        if n in headings:
            out.append(Section(n, headings[n].level, _ATTR_LIST.sub("", headings[n].raw_title).strip()))
        _collect(line, n, out[-1])
    return out


def _collect(line: str, n: int, sec: Section):
    # Each pattern runs only on a line holding the characters it starts with: most prose lines have none.
    if "`" in line:
        line = _CODE.sub(" ", line)
    if "![" in line:
        for m in _IMAGE.finditer(line):
            sec.images.setdefault(m.group(2), n)
        line = _IMAGE.sub(lambda m: m.group(1), line)
    if "](" in line:
        for m in _LINK.finditer(line):
            sec.links.setdefault(m.group(2), n)
        line = _LINK.sub(lambda m: m.group(1), line)
    if "]:" in line:
        ref = _REF_DEF.match(line)
        if ref:
            sec.links.setdefault(ref.group(1), n)
            return
    if "<" in line:
        for m in _AUTOLINK.finditer(line):
            sec.links.setdefault(m.group(1), n)
        for m in _HTML_ATTR.finditer(line):
            (sec.images if m.group(1).lower() == "img" else sec.links).setdefault(m.group(3), n)
    if "{" in line:
        for m in _ATTR_LIST.finditer(line):
            for anchor in _ID.findall(m.group(1)):
                sec.anchors.setdefault(anchor, n)
    if "[^" in line:
        line = _FOOTNOTE.sub(" ", line)
    if "{" in line:
        line = _ATTR_LIST.sub(" ", line)
    if "<" in line:
        line = _AUTOLINK.sub(" ", _TAG.sub(" ", line))
    line = _LIST_MARKER.sub(" ", line)
    for m in _NUMBER.finditer(line):
        number = normalise_number(m.group(0))
        if number not in _WORD_NUMBERS:
            sec.numbers.setdefault(number, n)
    for word in _WORD.findall(_ARABIC_MARKS.sub("", line).lower()):
        number = _spelled_number(word)
        if number:
            sec.spelled.add(number)


@functools.lru_cache(maxsize=65536)  # called on every word of every page: prose repeats its words
def _spelled_number(word: str) -> str | None:
    """The number a word spells out, if any; Arabic words may carry و ف ب ل ك and the article ال."""
    forms = [word]
    if word[:1] in "وفبلك":
        forms.append(word[1:])
    forms += [f[2:] for f in forms if f.startswith("ال")] + [f[2:] for f in forms if f.startswith("لل")]
    return next((_WORD_TO_NUMBER[f] for f in forms if f in _WORD_TO_NUMBER), None)


@dataclass
class Difference:
    message: str
    path: Path                 # where the item is
    line: int
    other: Path                # the page it is missing from, and the nearest place there
    other_line: int

    def __str__(self):
        return f"{_show(self.path)}:{self.line}: {self.message}"


_ITEMS = (("links", "link"), ("anchors", "anchor"), ("numbers", "number"), ("images", "image"))


def compare(a: Doc, b: Doc) -> list[Difference]:
    """Structural differences between a page and its translation, each located in both files."""
    sa, sb = sections(a), sections(b)
    diffs = []
    levels_a, levels_b = [s.level for s in sa[1:]], [s.level for s in sb[1:]]
    if levels_a != levels_b:
        i = next((i for i, (x, y) in enumerate(zip(levels_a, levels_b, strict=False)) if x != y),
                 min(len(levels_a), len(levels_b)))
        where_a = sa[i + 1].line if i + 1 < len(sa) else a.text.count("\n") + 1
        where_b = sb[i + 1].line if i + 1 < len(sb) else b.text.count("\n") + 1
        diffs.append(Difference(
            f"{len(levels_a)} headings here, {len(levels_b)} in {_show(b.path)}; they part at heading {i + 1}: "
            f"{_level(levels_a, i)} here, {_level(levels_b, i)} at {_show(b.path)}:{where_b}",
            a.path, where_a, b.path, where_b))
        # Sections do not line up: compare the pages as wholes.
        sa, sb = [_merge(sa)], [_merge(sb)]
    for x, y in zip(sa, sb, strict=True):
        diffs += _one_way(a, x, b, y) + _one_way(b, y, a, x)
    return sorted(diffs, key=lambda d: (str(d.path), d.line, d.message))


def _one_way(a: Doc, x: Section, b: Doc, y: Section) -> list[Difference]:
    """Items of section x of page a that are not in the matching section y of page b."""
    out = []
    for attr, label in _ITEMS:
        there = getattr(y, attr)
        for item, line in getattr(x, attr).items():
            if item not in there and not (attr == "numbers" and item in y.spelled):
                out.append(Difference(f"{label} {item!r} is not in {_show(b.path)} "
                                      f"(its section there: {_show(b.path)}:{y.line})", a.path, line, b.path, y.line))
    return out


def _level(levels: list[int], i: int) -> str:
    return f"h{levels[i]}" if i < len(levels) else "none"


def _merge(secs: list[Section]) -> Section:
    whole = Section(secs[0].line, 0, "")
    for s in secs:
        for attr, _ in _ITEMS:
            for item, line in getattr(s, attr).items():
                getattr(whole, attr).setdefault(item, line)
        whole.spelled |= s.spelled
    return whole


def changes(old: Doc, new: Doc) -> list[str]:
    """What changed in a source page between two versions: sections added or removed, links, numbers,
    images and anchors added or removed."""
    out = []
    so, sn = sections(old), sections(new)
    titles_old = {(s.level, s.title) for s in so[1:]}
    for s in sn[1:]:
        if (s.level, s.title) not in titles_old:
            out.append(f"{new.path}:{s.line}: section added: {'#' * s.level} {s.title}")
    titles_new = {(s.level, s.title) for s in sn[1:]}
    for s in so[1:]:
        if (s.level, s.title) not in titles_new:
            out.append(f"section removed: {'#' * s.level} {s.title}")
    wo, wn = _merge(so), _merge(sn)
    for attr, label in _ITEMS:
        io, inew = getattr(wo, attr), getattr(wn, attr)
        out += [f"{new.path}:{inew[i]}: {label} added: {i}" for i in sorted(inew.keys() - io.keys())]
        out += [f"{label} removed: {i}" for i in sorted(io.keys() - inew.keys())]
    if not out:
        out.append("wording only (no section, link, number or image changed)")
    return out


# ── Pairs ─────────────────────────────────────────────────────────────────────────────────────────────

@dataclass
class Pair:
    rel: str                                         # path relative to the language folder
    docs: dict                                       # lang -> Doc (absent languages left out)
    status: str = "complete"
    source: str | None = None                        # the source language, when recorded
    recorded: str | None = None                      # the recorded source hash
    current: str | None = None                       # the source's hash now
    differences: list = field(default_factory=list)

    @property
    def translation(self) -> Doc | None:
        return next((d for d in self.docs.values() if d.record), None)

    def path(self, docs_dir: Path, lang: str) -> Path:
        return docs_dir / lang / self.rel


def scan(docs_dir: Path, index=None) -> tuple[list[Pair], list[TranslationError]]:
    """Every page pair under docs_dir/<lang>/, with its status and structural differences; the pages come from
    the page index (kb/content.py) when one is given, else from the disk."""
    docs_dir = Path(docs_dir)
    if index is not None:
        rels = sorted({rel for lang in LANGS for rel in index.files[lang]})
    else:
        rels = sorted({p.relative_to(docs_dir / lang).as_posix()
                       for lang in LANGS if (docs_dir / lang).is_dir() for p in (docs_dir / lang).rglob("*.md")})
    pairs, errors = [], []
    for rel in rels:
        docs = {}
        for lang in LANGS:
            path = docs_dir / lang / rel
            indexed = index.page(lang, rel) if index is not None else None
            if indexed is not None or (index is None and path.exists()):
                try:
                    docs[lang] = from_page(indexed, path, lang) if indexed is not None else load(path, lang)
                except TranslationError as exc:
                    errors.append(exc)
        if not docs:
            continue                                  # unreadable, reported in errors
        if any(rel not in (index.files[lang] if index is not None else ()) and not (docs_dir / lang / rel).exists()
               for lang in LANGS):
            pairs.append(Pair(rel, docs, status="missing"))
            continue
        if len(docs) < len(LANGS):
            continue
        pairs.append(_assess(rel, docs, errors))
    return pairs, errors


def _assess(rel: str, docs: dict, errors: list) -> Pair:
    pair = Pair(rel, docs)
    recorded = [d for d in docs.values() if d.record]
    if len(recorded) > 1:
        d = recorded[1]
        errors.append(TranslationError(d.path, d.record_line, f"{KEY}: both {recorded[0].path} and this page say "
                                       "they are translations; keep the record only on the translated page"))
    a, b = docs[LANGS[0]], docs[LANGS[1]]
    if not recorded:
        pair.status = "unrecorded"
    else:
        tr = recorded[0]
        pair.source, pair.recorded = tr.record["source"], tr.record["source_hash"]
        pair.current = text_hash(docs[pair.source])
        pair.status = "complete" if pair.current == pair.recorded else "outdated"
        a, b = docs[pair.source], tr
    pair.differences = compare(a, b)
    if pair.status == "complete" and pair.differences:
        pair.status = "different"
    return pair


def counts(pairs: list[Pair]) -> dict:
    return {s: sum(p.status == s for p in pairs) for s in STATUSES}


# ── Recording a review ────────────────────────────────────────────────────────────────────────────────

def record_line(source: str, digest: str) -> str:
    return f'{KEY}: {{source: {source}, source_hash: "{digest}"}}'


def set_record(text: str, source: str, digest: str) -> str:
    """Write the translation record into a page's front matter, leaving every other line as it was."""
    line = record_line(source, digest)
    m = _FM.match(text)
    if not m:
        return f"---\n{line}\n---\n\n{text}"
    start, end = (m.start(1), m.end(1)) if m.group(1) is not None else (text.index("\n") + 1,) * 2
    lines = text[start:end].split("\n")[:-1]
    out, i, placed = [], 0, False
    while i < len(lines):
        if lines[i].startswith(f"{KEY}:"):
            out.append(line)
            placed = True
            i += 1
            while i < len(lines) and lines[i][:1] in (" ", "\t"):
                i += 1
            continue
        out.append(lines[i])
        i += 1
    if not placed:
        out.append(line)
    return text[:start] + "\n".join(out) + "\n" + text[end:]


def mark_current(docs_dir: Path, target: Path, source: str | None = None) -> list[Path]:
    """Record that the translation of the page at `target` (either side of a pair) follows its source as it
    is now. Without a record yet, `target` is the translated page and the other language is its source."""
    docs_dir = Path(docs_dir).resolve()
    rel, lang = _locate(docs_dir, Path(target))
    other = next(x for x in LANGS if x != lang)
    paths = {lang: docs_dir / lang / rel, other: docs_dir / other / rel}
    if not paths[other].exists():
        raise TranslationError(_show(paths[other]), 1, f"missing: {_show(paths[lang])} has no counterpart here; "
                               "write it before marking the pair current")
    docs = {x: load(p, x) for x, p in paths.items()}
    if source:
        translated = other if source == lang else lang
    else:
        translated = other if docs[other].record and not docs[lang].record else lang
    src = next(x for x in LANGS if x != translated)
    doc = docs[translated]
    new = set_record(doc.text, src, text_hash(docs[src]))
    if new == doc.text:
        return []
    paths[translated].write_text(new, encoding="utf-8")
    return [_show(paths[translated])]


def _locate(docs_dir: Path, target: Path) -> tuple[str, str]:
    path = target.resolve()
    try:
        parts = path.relative_to(docs_dir).parts
    except ValueError:
        raise TranslationError(target, 1, f"not a page under {_show(docs_dir)}/<{'|'.join(LANGS)}>/") from None
    if len(parts) < 2 or parts[0] not in LANGS or not path.name.endswith(".md"):
        raise TranslationError(target, 1, f"not a page under {_show(docs_dir)}/<{'|'.join(LANGS)}>/")
    return Path(*parts[1:]).as_posix(), parts[0]


def _show(path: Path) -> Path:
    try:
        return _relative(path, os.getcwd())
    except ValueError:
        return path


@functools.lru_cache(maxsize=4096)
def _relative(path: Path, cwd: str) -> Path:
    """`path` relative to `cwd`; cached, as every difference between two pages names both."""
    return Path(os.path.relpath(path, cwd))


# ── History: the source as it was when translated ─────────────────────────────────────────────────────

def recorded_version(source: Doc, digest: str, limit: int = 200) -> Doc | None:
    """The source page as it was when its translation was recorded, found in git history by its hash."""
    path = Path(source.path).resolve()
    try:
        log = subprocess.run(["git", "log", f"-{limit}", "--format=%H", "--", path.name], cwd=path.parent,
                             capture_output=True, text=True, check=True).stdout.split()
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=path.parent, capture_output=True,
                             text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    rel = path.relative_to(Path(top).resolve()).as_posix()
    for commit in log:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=top, capture_output=True)
        if shown.returncode:
            continue
        try:
            old = parse(source.path, source.lang, shown.stdout.decode("utf-8"))
        except (TranslationError, UnicodeDecodeError):
            continue
        if text_hash(old) == digest:
            return old
    return None


# ── What readers see: the notice and the status page ─────────────────────────────────────────────────

def notice_html(pair: Pair | None, lang: str, href: str | None) -> str:
    """A short notice, in the page's language, on an outdated translation; empty for any other page."""
    if not pair or pair.status != "outdated" or pair.source == lang or not href:
        return ""
    t = ui(lang)
    src = t["lang"][pair.source]
    return (f'<div class="admonition warning kb-outdated-translation">'
            f'<p class="admonition-title">{t["notice_title"]}</p>'
            f'<p>{t["notice"].format(src=src)} '
            f'<a href="{href}" hreflang="{pair.source}" lang="{pair.source}" dir="{direction(pair.source)}">'
            f'<span lang="{lang}" dir="{direction(lang)}">{t["notice_link"].format(src=src)}</span></a>.</p></div>')


def insert_notice(html: str, notice: str) -> str:
    """Put the notice right after the page's first heading (or at the top when it has none)."""
    if not notice:
        return html
    end = html.find("</h1>")
    if end < 0:
        return notice + html
    end += len("</h1>")
    return html[:end] + "\n" + notice + html[end:]


def status_markdown(pairs: list[Pair], lang: str) -> str:
    """The translation-status page in one language: counts per status, then every pair."""
    t = ui(lang)
    c = counts(pairs)
    rows = [f"| {t['status'][s]} | {t['explain'][s]} | {c[s]} |" for s in reversed(STATUSES)]
    out = ["---", f"title: {json.dumps(t['title'], ensure_ascii=False)}",
           f"description: {json.dumps(t['description'], ensure_ascii=False)}", "---", "",
           f"# {t['title']} {{#translation-status}}", "", t["intro"], "",
           f"## {t['summary']} {{#summary}}", "",
           f"| {t['status_h']} | {t['meaning']} | {t['count']} |", "|---|---|--:|",
           *rows, f"| **{t['total']}** | | **{len(pairs)}** |", "",
           f"## {t['pages']} {{#pages}}", "",
           f"| {t['page']} | {t['source']} | {t['status_h']} | {t['differences']} |", "|---|---|---|--:|"]
    for p in sorted(pairs, key=lambda p: (STATUSES.index(p.status), p.rel)):
        doc = p.docs.get(lang)
        if doc:
            title = str(doc.meta.get("title") or p.rel).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
            page = f"[{title}]({p.rel})" if p.rel != STATUS_PAGE else title
        else:
            page = f"`{p.rel}`"
        src = t["lang"][p.source] if p.source else "–"
        diffs = len(p.differences) if p.status != "missing" else "–"
        out.append(f"| {page} | {src} | {t['status'][p.status]} | {diffs} |")
    return "\n".join(out) + "\n"


# ── The command ───────────────────────────────────────────────────────────────────────────────────────

def report(pairs: list[Pair], errors: list[TranslationError], docs_dir: Path, github: bool,
           history: bool = True) -> list[str]:
    """The command's output: one block per pair that is not complete, then the counts."""
    out = []

    def annotate(level, path, line, message):
        if github:
            out.append(f"::{level} file={path},line={line}::{message}")

    for e in errors:
        out.append(f"{_show(e.path)}:{e.line}: error: {e.message}")
        annotate("error", _show(e.path), e.line, e.message)
    for p in pairs:
        if p.status == "complete":
            continue
        if p.status == "missing":
            have = next(iter(p.docs.values()))
            lack = next(x for x in LANGS if x not in p.docs)
            msg = f"missing: no {lack} counterpart ({_show(p.path(docs_dir, lack))} does not exist)"
            out.append(f"{_show(have.path)}:1: {msg}")
            annotate("error", _show(have.path), 1, msg)
            continue
        tr = p.translation
        if p.status == "outdated":
            src = p.docs[p.source]
            msg = (f"outdated: {_show(src.path)} changed since this translation was reviewed "
                   f"(recorded {p.recorded}, now {p.current}); update it, then run "
                   f"`python -m kb translations --mark-current {_show(tr.path)}`")
            out.append(f"{_show(tr.path)}:{tr.record_line}: {msg}")
            annotate("warning", _show(tr.path), tr.record_line, msg)
            old = recorded_version(src, p.recorded) if history else None
            if old:
                out += [f"  changed since: {c}" for c in changes(old, src)]
            else:
                out.append("  changed since: the recorded version is not in git history; "
                           "the differences below compare the source with its translation")
        elif p.status == "unrecorded":
            a = p.docs[LANGS[1]]
            msg = (f"unrecorded: no review of this translation is recorded; after checking it against "
                   f"{_show(p.docs[LANGS[0]].path)}, run `python -m kb translations --mark-current {_show(a.path)}`")
            out.append(f"{_show(a.path)}:1: {msg}")
            annotate("warning", _show(a.path), 1, msg)
        elif p.status == "different":
            msg = "different: recorded as current, but differs from its source in structure"
            out.append(f"{_show(tr.path)}:{tr.record_line}: {msg}")
        level = "error" if p.status == "different" else "warning"
        for d in p.differences:
            out.append(f"  {d}")
            annotate(level, _show(d.path), d.line, str(d).split(": ", 1)[1])
    c = counts(pairs)
    out.append(f"{len(pairs)} page pairs: " + ", ".join(f"{c[s]} {s}" for s in reversed(STATUSES))
               + (f"; {len(errors)} errors" if errors else ""))
    return out


def main(argv: list[str] | None = None) -> int:
    """Report every page pair as complete, outdated, unrecorded, different or missing; --mark-current PATH
    records a reviewed translation as following its source as it is now. Exits 1 on a missing counterpart,
    a current translation that differs in structure, or bad input; outdated pages only warn."""
    parser = argparse.ArgumentParser(prog="python -m kb translations", description=main.__doc__)
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    parser.add_argument("--mark-current", "--review", nargs="+", type=Path, metavar="PATH", dest="mark",
                        help="pages (or folders of pages) whose translation was reviewed and is current")
    parser.add_argument("--source", choices=LANGS, help="with --mark-current on a pair with no record yet: "
                        "the language it was translated from (default: the other language than PATH's)")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"{args.docs}: no such docs folder (give it with --docs)", file=sys.stderr)
        return 2
    if args.mark:
        status = 0
        for target in _expand(args.mark):
            try:
                for path in mark_current(args.docs, target, args.source):
                    print(f"{path}: marked current")
            except TranslationError as exc:
                print(f"{_show(exc.path)}:{exc.line}: error: {exc.message}", file=sys.stderr)
                status = 1
        return status
    pairs, errors = scan(args.docs)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    print("\n".join(report(pairs, errors, args.docs, github)))
    return 1 if errors or any(p.status in FAILING for p in pairs) else 0


def _expand(targets: list[Path]) -> list[Path]:
    """Folders stand for the pages in them; a pair named twice is marked once."""
    out, seen = [], set()
    for t in targets:
        for p in (sorted(t.rglob("*.md")) if t.is_dir() else [t]):
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(p)
    return out


if __name__ == "__main__":
    sys.exit(main())
