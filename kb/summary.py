"""`python -m kb summary`: what a pull request changes, as Markdown for its CI job summary ($GITHUB_STEP_SUMMARY):
pages added, changed, renamed or removed in each language with their address in the preview, the translation
status of each changed pair (for an outdated one, what changed in its source since the reviewed version and the
line to paste once the translation is reviewed), the check's problems in the changed files, and where to download
the preview. Everything it shows from the pull request (paths, titles, text) is escaped: it is untrusted."""
from __future__ import annotations

import difflib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kb.languages import LANGS, prefix
from kb.translations.compare import changes
from kb.translations.history import recorded_version
from kb.translations.pairs import scan
from kb.translations.record import record_line, text_hash
from kb.validate import url_of, validate_tree

ARTEFACT = "site-preview"  # the name CI uploads the built site under (.github/workflows/ci.yml)
LANG_NAMES = {"en": "English", "ar": "Arabic"}
STATUS_TEXT = {"added": "added", "changed": "changed", "renamed": "renamed", "removed": "removed"}
DIFF_LINES = 30     # at most, per outdated page
PROBLEMS = 50       # at most, in all
_GIT_STATUS = {"A": "added", "M": "changed", "R": "renamed", "C": "added", "D": "removed", "T": "changed"}


class SummaryError(Exception):
    """Bad input (no such base revision, not a git work tree), reported without a traceback."""


@dataclass
class Change:
    lang: str
    rel: str                 # path inside the language folder
    status: str              # added, changed, renamed, removed
    old_rel: str | None = None


# ── What changed ─────────────────────────────────────────────────────────────────────────────────────

def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    except FileNotFoundError as exc:
        raise SummaryError("git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise SummaryError(f"git {' '.join(args)}: {exc.stderr.strip() or 'failed'}") from exc
    return done.stdout


def default_base() -> str:
    """The pull request's target branch as fetched (GITHUB_BASE_REF in Actions), else main."""
    ref = os.environ.get("GITHUB_BASE_REF")
    return f"origin/{ref}" if ref else "main"


def changed_pages(root: Path, base: str) -> list[Change]:
    """The pages of docs/<lang>/ that differ between the merge base of `base` and the work tree (committed or
    not, new files included)."""
    start = _git(root, "merge-base", base, "HEAD").strip()
    out = []
    fields = _git(root, "diff", "--name-status", "-z", "--find-renames", start, "--", "docs").split("\0")
    i = 0
    while i < len(fields) - 1:
        code = fields[i][:1]
        paths = fields[i + 1:i + 3] if code in "RC" else fields[i + 1:i + 2]
        i += 1 + len(paths)
        out += _change(code, paths)
    for path in _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "docs").split("\0"):
        out += _change("A", [path]) if path else []
    return sorted(out, key=lambda c: (c.rel, LANGS.index(c.lang)))


def _change(code: str, paths: list[str]) -> list[Change]:
    where = [_page(p) for p in paths]
    if not where[-1] or code not in _GIT_STATUS:
        return []
    (lang, rel), old = where[-1], where[0] if len(where) > 1 else None
    return [Change(lang, rel, _GIT_STATUS[code], old[1] if old and code == "R" else None)]


def _page(path: str) -> tuple[str, str] | None:
    parts = path.split("/", 2)
    if len(parts) == 3 and parts[0] == "docs" and parts[1] in LANGS and parts[2].endswith(".md"):
        return parts[1], parts[2]
    return None


# ── The summary ──────────────────────────────────────────────────────────────────────────────────────

def summary(root: Path, base: str, preview_url: str | None = None, history: bool = True) -> str:
    """The Markdown summary of the changes in the work tree at `root` since its merge base with `base`."""
    root = Path(root)
    changed = changed_pages(root, base)
    docs = root / "docs"
    index, problems = validate_tree(docs, root)
    out = ["## What this pull request changes", ""]
    out += _preview(preview_url)
    if not changed:
        out += ["No page of `docs/` changes.", ""]
    else:
        out += _pages(changed, index)
    rels = {c.rel for c in changed if c.status != "removed"}
    out += _translations(root, docs, rels, index, history)
    out += _problems(problems, {f"docs/{c.lang}/{c.rel}" for c in changed})
    return "\n".join(out).rstrip("\n") + "\n"


def _preview(url: str | None) -> list[str]:
    link = _url(url)
    where = f"[the `{ARTEFACT}` artefact]({link})" if link else f"the `{ARTEFACT}` artefact of this run"
    return [f"**Preview:** download {where} (the whole built site, with its PDFs). Unzip it and open a page below "
            "from its folder, or open an offline bundle from `downloads/` straight from the disk.", ""]


def _pages(changed: list[Change], index) -> list[str]:
    out = ["### Pages", "", "| Page | " + " | ".join(LANG_NAMES.get(lang, lang) for lang in LANGS) + " |",
           "| --- |" + " --- |" * len(LANGS)]
    by_rel: dict[str, dict[str, Change]] = {}
    for c in changed:
        by_rel.setdefault(c.rel, {})[c.lang] = c
    for rel, langs in by_rel.items():
        title = next((str(p.meta.get("title")) for lang in LANGS if (p := index.page(lang, rel)) is not None
                      and p.meta.get("title")), "")
        cells = []
        for lang in LANGS:
            c = langs.get(lang)
            if c is None:
                cells.append("unchanged")
                continue
            text = STATUS_TEXT[c.status] + (f" from {_code(c.old_rel)}" if c.old_rel else "")
            if c.status != "removed":
                text += f": {_code(prefix(lang) + (url_of(rel) + '/' if url_of(rel) else ''))}"
            cells.append(text)
        label = f"{_text(title)}<br>{_code(rel)}" if title else _code(rel)
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    counts = {lang: sum(1 for c in changed if c.lang == lang) for lang in LANGS}
    out += ["", "Pages per language: " + ", ".join(f"{LANG_NAMES.get(k, k)} {v}" for k, v in counts.items())
            + ". Addresses are folders of the preview (each holds an `index.html`).", ""]
    return out


def _translations(root: Path, docs: Path, rels: set[str], index, history: bool) -> list[str]:
    pairs = [p for p in scan(docs, index)[0] if p.rel in rels]
    if not pairs:
        return []
    out = ["### Translations", ""]
    for p in pairs:
        head = f"- {_code(p.rel)}: **{p.status}**"
        if p.status == "complete":
            out.append(head)
        elif p.status == "missing":
            lack = next(lang for lang in LANGS if lang not in p.docs)
            out.append(f"{head}: no {LANG_NAMES.get(lack, lack)} page yet ({_code(f'docs/{lack}/{p.rel}')})")
        elif p.status in ("outdated", "unrecorded"):
            source = p.source or LANGS[0]
            target = next(lang for lang in LANGS if lang != source)
            digest = p.current or text_hash(p.docs[source])
            what = ("its source changed since the translation was reviewed" if p.status == "outdated"
                    else "no review of the translation is recorded")
            out.append(f"{head}: {what}. Once {_code(f'docs/{target}/{p.rel}')} is checked against "
                       f"{_code(f'docs/{source}/{p.rel}')}, put this line in its front matter:")
            out += ["", f"  ```yaml\n  {record_line(source, digest)}\n  ```", ""]
            if p.status == "outdated":
                out += _source_changes(p.docs[source], p.recorded, history)
        else:
            out.append(f"{head}: " + "; ".join(_text(str(d)) for d in p.differences[:5]))
    return out + [""]


def _source_changes(src, recorded: str, history: bool) -> list[str]:
    old = recorded_version(src, recorded) if history else None
    if old is None:
        return ["  The reviewed version is not in the history: compare the two pages as they are.", ""]
    found = [re.sub(r"^[^:]+:\d+: ", "", c) for c in changes(old, src)]
    out = ["  Changed since the reviewed version: " + "; ".join(_text(c) for c in found) + ".", ""]
    diff = list(difflib.unified_diff(old.text.splitlines(), src.text.splitlines(), "reviewed", "now",
                                     n=1, lineterm=""))[2:]
    if diff:
        shown = diff[:DIFF_LINES] + ([f"… {len(diff) - DIFF_LINES} more lines"] if len(diff) > DIFF_LINES else [])
        out += ["  <details><summary>The change, as a diff</summary>", "", *fenced("diff", shown, "  "),
                "", "  </details>", ""]
    return out


def _problems(problems: list, changed_paths: set[str]) -> list[str]:
    mine = [p for p in problems if p.path in changed_paths]
    others = len(problems) - len(mine)
    if not problems:
        return ["### Checks", "", "`make check`: no problems.", ""]
    out = ["### Checks", "", f"`make check` finds {len(problems)} problem(s)"
           + (f", {len(mine)} in the pages this pull request changes:" if mine else ":"), ""]
    shown = (mine or problems)[:PROBLEMS]
    out += fenced("text", [str(p) for p in shown])
    if len(mine or problems) > len(shown):
        out.append(f"… and {len(mine or problems) - len(shown)} more (see the job's log).")
    if mine and others:
        out.append(f"{others} more in other files (see the job's log).")
    return out + [""]


# ── Escaping: every path, title and line comes from the pull request ─────────────────────────────────

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")


def _text(value: str) -> str:
    """Plain text in a Markdown line or table cell: one line, every Markdown and HTML character escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def _code(value: str) -> str:
    """A code span that no backtick in `value` can close; `|` escaped for tables."""
    value = " ".join(str(value).split()).replace("|", "\\|")
    run = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (run + 1)
    return f"{fence} {value} {fence}" if run else f"`{value}`"


def fenced(lang: str, lines: list[str], indent: str = "") -> list[str]:
    """A fenced block that no line of `lines` can close (a fence longer than any run of tildes in them)."""
    run = max((len(m) for line in lines for m in re.findall(r"~+", line)), default=0)
    fence = "~" * max(3, run + 1)
    return [f"{indent}{fence}{lang}", *(indent + line for line in lines), f"{indent}{fence}"]


def _url(url: str | None) -> str | None:
    """An https URL with nothing that could end a Markdown link, else None (no link)."""
    return url if url and re.fullmatch(r"https://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+", url) else None
