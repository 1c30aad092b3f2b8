"""`python -m kb translations`: the status of every page pair as `path:line:` lines (and GitHub annotations),
and --mark-current."""
from __future__ import annotations

import sys
from pathlib import Path

from kb.languages import LANGS
from kb.problems import annotation, in_github_actions
from kb.translations.compare import changes
from kb.translations.history import recorded_version
from kb.translations.pages import TranslationError, show
from kb.translations.pairs import FAILING, STATUSES, Pair, counts, mark_current, scan
from kb.translations.record import KEY, record_line, text_hash


def report(pairs: list[Pair], errors: list[TranslationError], docs_dir: Path, github: bool,
           history: bool = True) -> list[str]:
    """The command's output: one block per pair that is not complete, then the counts."""
    out = []

    def annotate(level, path, line, message):
        if github:
            out.append(annotation(path, line, message, level))

    for e in errors:
        out.append(f"{show(e.path)}:{e.line}: error: {e.message}")
        annotate("error", show(e.path), e.line, e.message)
    for p in pairs:
        if p.status == "complete":
            continue
        if p.status == "missing":
            have = next(iter(p.docs.values()))
            lack = next(x for x in LANGS if x not in p.docs)
            msg = f"missing: no {lack} counterpart ({show(p.path(docs_dir, lack))} does not exist)"
            out.append(f"{show(have.path)}:1: {msg}")
            annotate("error", show(have.path), 1, msg)
            continue
        tr = p.translation
        if p.status == "outdated":
            src = p.docs[p.source]
            msg = (f"outdated: {show(src.path)} changed since this translation was reviewed "
                   f"(recorded {p.recorded}, now {p.current}); update it, then run "
                   f"`python -m kb translations --mark-current {show(tr.path)}`, or on github.com replace its "
                   f"`{KEY}:` line with `{record_line(p.source, p.current)}`")
            out.append(f"{show(tr.path)}:{tr.record_line}: {msg}")
            annotate("warning", show(tr.path), tr.record_line, msg)
            old = recorded_version(src, p.recorded) if history else None
            if old:
                out += [f"  changed since: {c}" for c in changes(old, src)]
            else:
                out.append("  changed since: the recorded version is not in git history; "
                           "the differences below compare the source with its translation")
        elif p.status == "unrecorded":
            a = p.docs[LANGS[1]]
            msg = (f"unrecorded: no review of this translation is recorded; after checking it against "
                   f"{show(p.docs[LANGS[0]].path)}, run `python -m kb translations --mark-current {show(a.path)}`, "
                   f"or on github.com add `{record_line(LANGS[0], text_hash(p.docs[LANGS[0]]))}` to its front matter")
            out.append(f"{show(a.path)}:1: {msg}")
            annotate("warning", show(a.path), 1, msg)
        elif p.status == "different":
            msg = "different: recorded as current, but differs from its source in structure"
            out.append(f"{show(tr.path)}:{tr.record_line}: {msg}")
        level = "error" if p.status == "different" else "warning"
        for d in p.differences:
            out.append(f"  {d}")
            annotate(level, show(d.path), d.line, str(d).split(": ", 1)[1])
    c = counts(pairs)
    out.append(f"{len(pairs)} page pairs: " + ", ".join(f"{c[s]} {s}" for s in reversed(STATUSES))
               + (f"; {len(errors)} errors" if errors else ""))
    return out


def run(docs: Path, mark: list[Path] | None = None, source: str | None = None) -> int:
    """Report every pair under `docs`, or with `mark`, record those pages (or folders of pages) as reviewed
    translations, current with their source. 1 on a missing counterpart, a current translation that differs in
    structure, or bad input; outdated pages only warn."""
    if not docs.is_dir():
        print(f"{docs}: no such docs folder (give it with --docs)", file=sys.stderr)
        return 2
    if mark:
        status = 0
        for target in _expand(mark):
            try:
                for path in mark_current(docs, target, source):
                    print(f"{path}: marked current")
            except TranslationError as exc:
                print(f"{show(exc.path)}:{exc.line}: error: {exc.message}", file=sys.stderr)
                status = 1
        return status
    pairs, errors = scan(docs)
    print("\n".join(report(pairs, errors, docs, in_github_actions())))
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
