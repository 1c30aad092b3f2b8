"""The contributor CLI, one command per task: `python -m kb check`, `python -m kb new KIND SLUG`."""
from __future__ import annotations

import argparse
import json
import re
import string
import sys
from pathlib import Path

from kb import data, validate
from kb.kinds import SECTIONS
from kb.languages import LANGS
from kb.problems import closest
from kb.schema import SLUG


def check(args) -> int:
    """Validate every page of docs/en and docs/ar; print each problem as path:line: field: message (hint)."""
    return validate.main(args.root)


def translations(argv: list[str]) -> int:
    """Report every page pair as complete, outdated, unrecorded, different or missing; --mark-current PATH
    records a reviewed translation (options: python -m kb translations --help)."""
    from kb import translations as tr
    return tr.main(argv)


def new(args) -> int:
    """Scaffold a page of KIND at SLUG in both languages, with every required key and section, and add it
    to the navigation in mkdocs.yml. Refuses a slug that exists."""
    root = Path(args.root or data.ROOT)
    try:
        created = scaffold(root, args.kind, args.slug, args.title, args.title_ar)
    except ValueError as e:
        print(f"kb new: {e}", file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path}")
    print("added to the navigation in mkdocs.yml; now write the page, then run: make check")
    return 0


# ── Scaffold helpers ──────────────────────────────────────────────────────────────────────────────

TEMPLATES = Path(__file__).parent / "templates"


def render_template(kind: str, lang: str, title: str) -> str:
    """The new page's text in `lang` from kb/templates/<kind>.<lang>.md."""
    text = (TEMPLATES / f"{kind}.{lang}.md").read_text(encoding="utf-8")
    title_yaml = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML string, whatever it contains
    return string.Template(text).substitute(title=title, title_yaml=title_yaml, source=next(iter(data.sources())))


def scaffold(root: Path, kind: str, slug: str, title: str | None = None, title_ar: str | None = None) -> list[Path]:
    """Create docs/<lang>/<section>/<slug>.md for both languages and add the page to mkdocs.yml's nav."""
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
    nav = root / "mkdocs.yml"
    nav.write_text(add_to_nav(nav.read_text(encoding="utf-8"), SECTIONS[kind], rel), encoding="utf-8")
    for lang, target in zip(LANGS, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_template(kind, lang, title_ar if lang == "ar" and title_ar else title),
                          encoding="utf-8")
    return [t.relative_to(root) for t in targets]


def add_to_nav(config: str, section: str, rel: str) -> str:
    """Insert `rel` as the last entry of the nav section whose index is `<section>/index.md` (text edit,
    so comments and formatting of mkdocs.yml stay as they are)."""
    lines = config.split("\n")
    index = next((i for i, line in enumerate(lines)
                  if re.match(rf"\s*- (?:[^:]+:\s*)?{re.escape(section)}/index\.md\s*$", line)), None)
    if index is None:
        raise ValueError(f"mkdocs.yml: no nav entry '{section}/index.md' to add the page under")
    indent = len(lines[index]) - len(lines[index].lstrip())
    last = index
    for i in range(index + 1, len(lines)):
        stripped = lines[i].lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        if len(lines[i]) - len(stripped) < indent or (len(lines[i]) - len(stripped) == indent
                                                        and not stripped.startswith("- ")):
            break
        last = i
    lines.insert(last + 1, " " * indent + f"- {rel}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["translations"]:
        return translations(argv[1:])
    root = argv[:2] if argv[:1] == ["--root"] else []  # `python -m kb --root DIR terms` as for check
    if argv[len(root):len(root) + 1] == ["terms"]:
        from kb.terminology import main as terms
        return terms(argv[len(root) + 1:] + root)
    if argv[:1] == ["pdf"]:
        from kb.export import main as export
        return export(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__)
    parser.add_argument("--root", type=Path, default=None, help="the project folder (default: this repository)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = commands.add_parser("check", help=check.__doc__.split(";")[0], description=check.__doc__)
    p.set_defaults(func=check)
    p = commands.add_parser("new", help="scaffold a page in both languages", description=new.__doc__)
    p.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(SECTIONS))
    p.add_argument("slug", metavar="SLUG", help="the file name without .md: lowercase letters, digits, hyphens")
    p.add_argument("--title", help="the English title (default: from the slug)")
    p.add_argument("--title-ar", help="the Arabic title (default: the English one, to translate)")
    p.set_defaults(func=new)
    # Listed here for --help; dispatched above, since it parses its own options.
    commands.add_parser("translations", help="translation status of every page pair", add_help=False)
    commands.add_parser("terms", help="Arabic variants to avoid used on a page (kb/terminology.py)", add_help=False)
    commands.add_parser("pdf", help="exports: knowledge-base and kit PDFs, offline zips (kb/export.py)", add_help=False)
    args = parser.parse_args(argv)
    return args.func(args)
