"""Validate all content: every page of docs/en and docs/ar on its own (kb/content.py reads each once), then
each page against its translation and the tree as a whole (counterparts, slugs, links in front matter)."""
from __future__ import annotations

import sys
from pathlib import Path

from kb import arabic, content, placeholders, terminology
from kb.data import check_data
from kb.frontmatter import Page, line_of
from kb.languages import LANGS
from kb.problems import Problem, report
from kb.schema import SHARED_KEYS, SLUG


def validate_tree(docs_dir: Path, root: Path | None = None) -> tuple[content.ContentIndex, list[Problem]]:
    """Validate docs_dir/<lang>/**/*.md. Returns the page index and every problem, sorted, with paths relative
    to `root` (the project folder; default: docs_dir's parent)."""
    index = content.build(docs_dir, root)
    return index, check_index(index)


def check_index(index: content.ContentIndex) -> list[Problem]:
    """The index's own problems, the data files' and the tree's, the Arabic terminology's, and text left from
    the page templates."""
    pages, files = index.pages, index.files
    problems = check_data() + check_plurals() + index.problems
    problems += check_counterparts(files)
    problems += check_slugs(files)
    problems += check_translations(pages)
    problems += check_references(pages, files)
    problems += terminology.check_index(index)
    problems += placeholders.check_index(index)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))


def check_plurals() -> list[Problem]:
    """kb/data/plurals.yml, the Arabic plural table of search and the glossary (kb.arabic)."""
    _, found = arabic.plural_problems(arabic.PLURALS_FILE.read_text(encoding="utf-8"))
    return [Problem("kb/data/plurals.yml", line, "plurals", message) for line, message in found]


def check_counterparts(files: dict[str, dict[str, str]]) -> list[Problem]:
    """Every page exists in both languages at the same relative path."""
    out = []
    for lang in LANGS:
        for other in LANGS:
            for rel in sorted(set(files[lang]) - set(files[other])):
                out.append(Problem(files[lang][rel], 1, "translation", f"no {other} counterpart",
                                   f"create docs/{other}/{rel} (python -m kb new scaffolds both)"))
    return out


def url_of(rel: str) -> str:
    """The page's URL path under the language root (use_directory_urls)."""
    stem = rel[:-3]
    if stem == "index" or stem.endswith("/index") or stem.endswith("/README"):
        stem = stem.rsplit("/", 1)[0] if "/" in stem else ""
    return stem.lower()


def check_slugs(files: dict[str, dict[str, str]]) -> list[Problem]:
    """File names are slugs, and no two pages of a language share a URL (x.md and x/index.md, X.md and x.md)."""
    out = []
    for lang in LANGS:
        seen: dict[str, str] = {}
        for rel, shown in sorted(files[lang].items()):
            for part in rel[:-3].split("/"):
                if not SLUG.fullmatch(part):
                    out.append(Problem(shown, 1, "slug", f"'{part}' is not a slug",
                                       "rename the file: lowercase letters, digits and hyphens only"))
                    break
            url = url_of(rel)
            if url in seen:
                out.append(Problem(shown, 1, "slug", f"duplicate slug '{url or '/'}' (also {seen[url]})",
                                   "rename one of the two pages"))
            seen.setdefault(url, shown)
    return out


def _shared(meta: dict, key: str):
    value = meta.get(key)
    if key == "partners" and isinstance(value, list):  # the names are localised, the rest is not
        return [{k: v for k, v in p.items() if k in ("org", "type", "role")} if isinstance(p, dict) else p
                for p in value]
    if key == "agenda" and isinstance(value, list):
        return [a.get("minutes") if isinstance(a, dict) else a for a in value]
    if key == "initiatives" and isinstance(value, list):
        return [i.get("status") if isinstance(i, dict) else i for i in value]
    return value


def check_translations(pages: dict[str, dict[str, Page]]) -> list[Problem]:
    """Metadata that is not prose is identical in a page and its translation (reported on the translation)."""
    out = []
    first, second = LANGS
    for rel, page in sorted(pages[second].items()):
        original = pages[first].get(rel)
        if original is None:
            continue
        for key in SHARED_KEYS:
            a, b = _shared(original.meta, key), _shared(page.meta, key)
            if a != b:
                what = {"agenda": " (minutes)", "initiatives": " (statuses)", "partners": " (org, type, role)"}
                out.append(Problem(page.path, line_of(page, key) if key in page.meta else 1, key,
                                   f"differs from its translation{what.get(key, '')}: {first} has {a!r}, "
                                   f"{second} has {b!r}",
                                   f"see {original.path}:{line_of(original, key) if key in original.meta else 1};"
                                   " make them identical"))
    return out


def check_references(pages: dict[str, dict[str, Page]], files: dict[str, dict[str, str]]) -> list[Problem]:
    """Page paths in front matter (related, event, organisers, featured, partners' org) name existing pages."""
    out = []
    for lang in LANGS:
        for _, page in sorted(pages[lang].items()):
            refs = []
            for key in ("related", "organisers", "featured"):
                if isinstance(page.meta.get(key), list):
                    refs += [((key, i), v) for i, v in enumerate(page.meta[key])]
            if "event" in page.meta:
                refs.append((("event",), page.meta["event"]))
            for i, partner in enumerate(page.meta.get("partners") or []):
                if isinstance(partner, dict) and isinstance(partner.get("org"), str):
                    refs.append((("partners", i, "org"), f"organisations/{partner['org']}.md"))
            for keys, target in refs:
                if isinstance(target, str) and target.endswith(".md") and target not in files[lang]:
                    out.append(Problem(page.path, line_of(page, *keys), ".".join(map(str, keys)),
                                       f"no page docs/{lang}/{target}",
                                       "use a path relative to the language folder, e.g. case-studies/x.md"))
    return out


def main(root: Path | None = None) -> int:
    """Validate docs/ under `root` (the project); print every problem; 0 when there is none."""
    from kb.data import ROOT
    root = Path(root or ROOT)
    try:
        index, problems = validate_tree(root / "docs", root)
    except Exception as e:  # a bug of ours must still read as one line, not a traceback
        print(f"docs: validator error: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    if problems:
        print(report(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s) in docs/", file=sys.stderr)
        return 1
    print(f"docs: {sum(len(p) for p in index.pages.values())} pages checked, no problems")
    return 0
