"""A page as the translation check reads it (`Doc`): from the page index during a build, from the disk for the
command; bad input is a TranslationError naming the file and line."""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from kb.frontmatter import Page, line_of
from kb.frontmatter import parse as parse_front_matter
from kb.languages import LANGS
from kb.translations.record import KEY


class TranslationError(Exception):
    """Bad input in a page, reported as `path:line: message`."""

    def __init__(self, path, line, message):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


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


def show(path: Path) -> Path:
    """`path` relative to the working directory when it is under it (as messages show it)."""
    try:
        return _relative(path, os.getcwd())
    except ValueError:
        return path


@functools.lru_cache(maxsize=4096)
def _relative(path: Path, cwd: str) -> Path:
    """`path` relative to `cwd`; cached, as every difference between two pages names both."""
    return Path(os.path.relpath(path, cwd))
