"""Page pairs and their status (complete, outdated, unrecorded, different or missing), and recording a
reviewed translation as current."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.languages import LANGS
from kb.translations.compare import compare
from kb.translations.pages import Doc, TranslationError, from_page, load, show
from kb.translations.record import KEY, set_record, text_hash

# Statuses, from worst to best; the first two fail the command.
STATUSES = ("missing", "different", "outdated", "unrecorded", "complete")
FAILING = {"missing", "different"}


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


def mark_current(docs_dir: Path, target: Path, source: str | None = None) -> list[Path]:
    """Record that the translation of the page at `target` (either side of a pair) follows its source as it
    is now. Without a record yet, `target` is the translated page and the other language is its source."""
    docs_dir = Path(docs_dir).resolve()
    rel, lang = _locate(docs_dir, Path(target))
    other = next(x for x in LANGS if x != lang)
    paths = {lang: docs_dir / lang / rel, other: docs_dir / other / rel}
    if not paths[other].exists():
        raise TranslationError(show(paths[other]), 1, f"missing: {show(paths[lang])} has no counterpart here; "
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
    return [show(paths[translated])]


def _locate(docs_dir: Path, target: Path) -> tuple[str, str]:
    path = target.resolve()
    try:
        parts = path.relative_to(docs_dir).parts
    except ValueError:
        raise TranslationError(target, 1, f"not a page under {show(docs_dir)}/<{'|'.join(LANGS)}>/") from None
    if len(parts) < 2 or parts[0] not in LANGS or not path.name.endswith(".md"):
        raise TranslationError(target, 1, f"not a page under {show(docs_dir)}/<{'|'.join(LANGS)}>/")
    return Path(*parts[1:]).as_posix(), parts[0]
