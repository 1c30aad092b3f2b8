"""Scaffolding a page: both languages' files from kb/templates/, with every required key and section. The page
needs no nav entry: its section's `<folder>/*` in mkdocs.yml lists it (kb/sections.py)."""
from __future__ import annotations

import json
import string
from pathlib import Path

from kb import data
from kb.kinds import SECTIONS
from kb.languages import LANGS
from kb.problems import closest
from kb.schema import SLUG

TEMPLATES = Path(__file__).parent / "templates"


def render_template(kind: str, lang: str, title: str) -> str:
    """The new page's text in `lang` from kb/templates/<kind>.<lang>.md."""
    text = (TEMPLATES / f"{kind}.{lang}.md").read_text(encoding="utf-8")
    title_yaml = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML string, whatever it contains
    return string.Template(text).substitute(title=title, title_yaml=title_yaml, source=next(iter(data.sources())))


def scaffold(root: Path, kind: str, slug: str, title: str | None = None, title_ar: str | None = None) -> list[Path]:
    """Create docs/<lang>/<section>/<slug>.md for both languages."""
    if kind not in SECTIONS:
        raise ValueError(f"unknown kind '{kind}' ({closest(kind, SECTIONS)})")
    if not SLUG.fullmatch(slug):
        raise ValueError(f"'{slug}' is not a slug: use lowercase letters, digits and hyphens")
    rel = f"{SECTIONS[kind]}/{slug}.md"
    targets = [root / "docs" / lang / rel for lang in LANGS]
    for target in targets:
        if target.exists() or target.with_suffix("").joinpath("index.md").exists():
            raise ValueError(f"{target.relative_to(root)} exists: choose another slug")
    title = title or slug.replace("-", " ").capitalize()
    for lang, target in zip(LANGS, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_template(kind, lang, title_ar if lang == "ar" and title_ar else title),
                          encoding="utf-8")
    return [t.relative_to(root) for t in targets]

