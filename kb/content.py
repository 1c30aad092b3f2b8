"""The page index: every Markdown page of docs/<lang>/ read, decoded and parsed once per build process, with its
problems. The validate hook builds it (hooks/validate.py) and makes it current; the catalogues, the translation
check, the glossary, the Sources sections and the CLI read it instead of the disk."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from kb import text_controls
from kb.body_checks import check_body
from kb.frontmatter import Page, parse, read_text
from kb.languages import LANGS
from kb.markdown import Scan
from kb.problems import Problem
from kb.schema import check_meta


@dataclass
class ContentIndex:
    docs_dir: Path
    root: Path
    pages: dict[str, dict[str, Page]] = field(default_factory=lambda: {lang: {} for lang in LANGS})
    files: dict[str, dict[str, str]] = field(default_factory=lambda: {lang: {} for lang in LANGS})
    problems: list[Problem] = field(default_factory=list)   # each page's own problems, in file order

    def meta(self, lang: str) -> dict[str, dict]:
        """The front matter of every readable page of a language: {path relative to the language folder: meta}."""
        return {rel: page.meta for rel, page in self.pages[lang].items()}

    def page(self, lang: str, rel: str) -> Page | None:
        return self.pages.get(lang, {}).get(rel)


def scan_of(page: Page | None, markdown: str) -> Scan | None:
    """The index's scan of a page's `markdown` as MkDocs hands it to hooks (the body without the blank lines
    after the front matter; the i18n plugin drops its last newline), or None when the text is not that."""
    if page is None:
        return None
    body = page.body.lstrip("\n")
    start = len(page.body) - len(body)
    if body == markdown:
        return page.scan.trimmed(start, len(page.scan.lines))
    if body.endswith("\n") and body[:-1] == markdown:
        return page.scan.trimmed(start, len(page.scan.lines) - 1)
    return None


def validate_page(raw: bytes, path: str) -> tuple[Page | None, list[Problem]]:
    """Everything that can be checked in one file: encoding, front matter, schema, body."""
    text, problems = read_text(raw, path)
    if text is None:
        return None, problems
    page, problems = parse(text, path)
    if page is None:
        return None, problems
    controls = text_controls.text_problems(text) + text_controls.yaml_problems(page.node, 2)
    return page, check_meta(page) + check_body(page) + [Problem(path, *p) for p in dict.fromkeys(controls)]


def build(docs_dir: Path, root: Path | None = None) -> ContentIndex:
    """Read docs_dir/<lang>/**/*.md once each, with paths shown relative to `root` (default: docs_dir's parent)."""
    docs_dir = Path(docs_dir)
    index = ContentIndex(docs_dir, Path(root) if root else docs_dir.parent)
    for lang in LANGS:
        base = docs_dir / lang
        for file in sorted(base.rglob("*.md")) if base.is_dir() else []:
            rel = file.relative_to(base).as_posix()
            shown = os.path.relpath(file, index.root).replace(os.sep, "/")
            index.files[lang][rel] = shown
            page, found = validate_page(file.read_bytes(), shown)
            index.problems += found
            if page is not None:
                index.pages[lang][rel] = page
    return index


# The build's index: set by the validate hook once per build (both languages' passes read it).
_current: ContentIndex | None = None


def use(index: ContentIndex | None) -> None:
    global _current
    _current = index


def current(docs_dir: Path) -> ContentIndex:
    """The build's index of `docs_dir`; built here when no hook made one (a hook run on its own, in tests)."""
    if _current is None or not _same_folder(_current.docs_dir, docs_dir):
        use(build(docs_dir))
    return _current


@functools.lru_cache(maxsize=16)  # asked for on every page: resolving a path is a system call per part
def _same_folder(a: Path | str, b: Path | str) -> bool:
    return Path(a).resolve() == Path(b).resolve()
