"""What the exports know of the site: its languages and navigation from mkdocs.yml (read outside a build), the
built file of each page, the workshop kits, UI strings and the edition date."""
from __future__ import annotations

import datetime
import os
import posixpath
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from kb import content as page_index
from kb import sections
from kb.downloads import DOWNLOADS_PAGE
from kb.frontmatter import parse, read_text
from kb.languages import direction

ROOT = Path(__file__).resolve().parents[2]
# The downloads page describes the exports themselves: it is left out of the printed knowledge base.
NOT_PRINTED = {DOWNLOADS_PAGE}


class ExportError(Exception):
    """A problem with the input, reported as `path: message` without a traceback."""


@dataclass
class Language:
    code: str
    name: str
    site_name: str
    description: str
    default: bool
    nav_translations: dict = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        return "" if self.default else f"{self.code}/"

    @property
    def dir(self) -> str:
        return direction(self.code)


@dataclass
class Site:
    config_file: Path
    site_url: str
    nav: list
    languages: list[Language]

    @property
    def docs_dir(self) -> Path:
        return self.config_file.parent / "docs"

    def navigation(self, lang: str) -> list:
        """The nav as the site shows it in `lang`: each `<folder>/*` entry replaced by its pages (kb/sections.py)."""
        if not sections.patterns(self.nav):
            return self.nav
        return sections.expand(self.nav, page_index.current(self.docs_dir).meta(lang))


def load_site(config_file: Path = ROOT / "mkdocs.yml") -> Site:
    """Read languages and navigation from mkdocs.yml (MkDocs' own loader, so !ENV tags resolve)."""
    from mkdocs.utils.yaml import yaml_load
    with open(config_file, encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None)
    if not i18n:
        raise ExportError(f"{config_file}: the i18n plugin is not configured")
    langs = [Language(code=lang["locale"], name=lang.get("name", lang["locale"]),
                      site_name=lang.get("site_name", config["site_name"]),
                      description=" ".join(str(lang.get("site_description", "")).split()),
                      default=bool(lang.get("default")), nav_translations=lang.get("nav_translations") or {})
             for lang in i18n["languages"] if lang.get("build", True)]
    return Site(Path(config_file), config.get("site_url") or "/", config.get("nav") or [], langs)


@dataclass
class NavEntry:
    src: str | None      # page path relative to the language folder; None for a section without a page
    title: str | None    # section title (from nav) when there is no page
    depth: int


def flatten_nav(nav: list, depth: int = 1) -> list[NavEntry]:
    """The nav as a flat list in reading order; a section's index page stands for the section itself."""
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(NavEntry(item, None, depth))
            continue
        (title, value), = item.items()
        if isinstance(value, str):
            out.append(NavEntry(value, None, depth))
            continue
        children = list(value)
        first = children[0] if children else None
        if isinstance(first, str) and posixpath.basename(first) == "index.md":
            out.append(NavEntry(first, None, depth))
            children = children[1:]
        else:
            out.append(NavEntry(None, title, depth))
        out.extend(flatten_nav(children, depth + 1))
    return out


def built_path(src: str, lang: Language) -> str:
    """The built file of a page, relative to the site root (directory URLs)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return lang.prefix + stem + ".html"
    return lang.prefix + stem + "/index.html"


def front_matter(path: Path) -> dict:
    """A page's front matter, read by kb/frontmatter.py (the one reader); a broken one is an ExportError."""
    text, problems = read_text(path.read_bytes(), str(path))
    page, problems = parse(text, str(path), required=False) if text is not None else (None, problems)
    if page is None:
        raise ExportError(f"{problems[0].path}:{problems[0].line}: malformed front matter") from None
    return page.meta


def workshop_kits(site: Site, lang: Language) -> list[str]:
    """Paths (relative to the language folder) of the workshop kits in `lang`, sorted."""
    folder = site.docs_dir / lang.code / "workshops"
    return sorted(f"workshops/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*.md")
                  if front_matter(p).get("kind") == "workshop-kit")


def ui_strings(lang: str) -> dict:
    """The UI strings of `lang` (kb/data/ui.yml, shared with the templates and hooks)."""
    from kb.data import ui
    return ui().get(lang) or {}


def edition_date() -> datetime.date:
    """The edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else the last commit, else today."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.UTC).date()
    out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        return datetime.date.fromisoformat(out.stdout.strip())
    return datetime.date.today()


def format_date(day: datetime.date, lang: str) -> str:
    from babel.dates import format_date as babel_format
    return babel_format(day, format="long", locale=lang)
