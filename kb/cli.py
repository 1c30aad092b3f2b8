"""The knowledge base's one command line (click): `python -m kb COMMAND`, or `kb COMMAND` once installed.
Each command's docstring is its help; each exits non-zero when it finds a problem."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kb import data
from kb.kinds import SECTIONS
from kb.languages import LANGS

_PATH = click.Path(path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120})
@click.option("--root", type=_PATH, default=None, help="The project folder (default: this repository).")
@click.pass_context
def app(ctx: click.Context, root: Path | None) -> None:
    """The knowledge base's commands: check, scaffold, translate and export its content."""
    ctx.obj = Path(root or data.ROOT)


@app.command()
@click.pass_obj
def check(root: Path) -> None:
    """Validate every page and data file.

    Prints each problem as path:line: field: message (hint); exits 1 when there is one."""
    from kb import validate
    sys.exit(validate.main(root))


@app.command(epilog="KIND: " + ", ".join(SECTIONS))
@click.argument("kind", metavar="KIND")
@click.argument("slug")
@click.option("--title", help="The English title (default: from the slug).")
@click.option("--title-ar", help="The Arabic title (default: the English one, to translate).")
@click.pass_obj
def new(root: Path, kind: str, slug: str, title: str | None, title_ar: str | None) -> None:
    """Scaffold a page in both languages.

    Writes docs/<lang>/<section>/SLUG.md for KIND with every required key and section; refuses an existing slug.
    The page's section lists it in the navigation: mkdocs.yml is not edited."""
    from kb.scaffold import scaffold
    try:
        created = scaffold(root, kind, slug, title, title_ar)
    except ValueError as e:
        click.echo(f"kb new: {e}", err=True)
        sys.exit(1)
    for path in created:
        click.echo(f"created {path}")
    click.echo("its section lists it in the navigation (no mkdocs.yml edit); now write over the template's text"
               " in both files, then run: make check (it names each line still left from the template)")


@app.command()
@click.option("--docs", type=_PATH, default=Path("docs"), show_default=True, help="The docs folder.")
@click.option("--mark-current", "--review", "mark", is_flag=True,
              help="Record the pages (or folders of pages) PATHS as reviewed translations, current with their source.")
@click.option("--source", type=click.Choice(LANGS),
              help="With --mark-current on a pair with no record yet: the language it was translated from.")
@click.argument("paths", nargs=-1, type=_PATH)
def translations(docs: Path, mark: bool, source: str | None, paths: tuple[Path, ...]) -> None:
    """Report the translation status of every page pair.

    Each pair is complete, outdated, unrecorded, different or missing; exits 1 on missing or different (outdated
    pages only warn). With --mark-current, records PATHS as reviewed translations."""
    from kb.translations.command import run
    if paths and not mark:
        raise click.UsageError("PATHS are for --mark-current")
    if mark and not paths:
        raise click.UsageError("--mark-current needs the pages (or folders) to record")
    sys.exit(run(docs, list(paths) if mark else None, source))


@app.command()
@click.pass_obj
def terms(root: Path) -> None:
    """List each use of an Arabic term variant to avoid.

    Pages, templates, data files and UI strings, against the glossary's and names' avoid_ar lists."""
    from kb.terminology import main
    sys.exit(main(root))


@app.command()
@click.argument("what", type=click.Choice(["pdf", "offline", "all"]), default="all")
@click.option("--site", type=_PATH, default=None, help="The built site (default: site/).")
@click.option("--out", type=_PATH, default=None,
              help="Where the exports and manifest.json go (default: build/downloads/).")
@click.option("--config", type=_PATH, default=None, help="The MkDocs configuration (default: mkdocs.yml).")
@click.option("--publish", is_flag=True, help="Then list the files on the pages and copy them into SITE/downloads/.")
@click.pass_obj
def pdf(root: Path, what: str, site: Path | None, out: Path | None, config: Path | None, publish: bool) -> None:
    """Export the PDFs and the offline zips.

    WHAT: pdf (the knowledge base and each kit, per language), offline (a zip of the site per language) or all."""
    from kb.downloads import STORE
    from kb.export import run
    out = out or Path(os.environ.get("KB_DOWNLOADS", STORE))
    sys.exit(run(what, site or root / "site", out, config or root / "mkdocs.yml", publish))


@app.command()
@click.argument("site", type=_PATH, default=Path("site"))
@click.argument("site_url", required=False)
def links(site: Path, site_url: str | None) -> None:
    """Check the internal links and anchors of a built site.

    SITE: the built site (default: site/); SITE_URL: its URL (default: from mkdocs.yml)."""
    from kb.linkcheck import main
    sys.exit(main(site, site_url))


@app.command()
@click.option("--base", default=None,
              help="The branch the changes go into (default: origin/$GITHUB_BASE_REF in Actions, else main).")
@click.option("--out", type=_PATH, envvar="GITHUB_STEP_SUMMARY", default=None,
              help="Append the Markdown to this file (default: $GITHUB_STEP_SUMMARY, else print it).")
@click.option("--preview-url", envvar="PREVIEW_URL", default=None, help="Where the site-preview artefact is.")
@click.pass_obj
def summary(root: Path, base: str | None, out: Path | None, preview_url: str | None) -> None:
    """Summarise a pull request's changes in Markdown.

    Pages added and changed per language with their address in the preview, the translations left outdated
    (with the line to paste once reviewed), the check's problems, and where the preview is."""
    from kb.summary import SummaryError, default_base
    from kb.summary import summary as write
    try:
        text = write(root, base or default_base(), preview_url)
    except SummaryError as e:
        click.echo(f"kb summary: {e}", err=True)
        sys.exit(2)
    if out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(text)
    else:
        click.echo(text, nl=False)


@app.command("from-issue")
@click.argument("event", type=_PATH)
@click.option("--out", type=_PATH, default=None,
              help="Write the draft pull request's body.md, branch and title into this folder.")
@click.pass_obj
def from_issue(root: Path, event: Path, out: Path | None) -> None:
    """Write a proposed page pair from an issue event.

    EVENT: the `issues` event JSON ($GITHUB_EVENT_PATH) of a filled-in proposal form; prints each file written
    (relative to the project folder); the pages go through the same validator as any page."""
    from kb.from_issue import IssueError, write
    try:
        draft = write(root, event)
    except (IssueError, ValueError) as e:
        click.echo(f"kb from-issue: {e}", err=True)
        sys.exit(2)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in (("body.md", draft.body), ("branch", draft.branch), ("title", draft.title)):
            (out / name).write_text(text, encoding="utf-8")
    for path in draft.files:
        click.echo(path.as_posix())


@app.command()
@click.argument("folders", nargs=-1, required=True, type=_PATH)
@click.pass_obj
def stamp(root: Path, folders: tuple[Path, ...]) -> None:
    """Stamp built folders with the digest of their inputs.

    FOLDERS: site/, build/downloads/; the tests reuse a build whose stamp is current (kb/buildstamp.py)."""
    from kb.buildstamp import write
    for folder in folders:
        write(folder, root)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (for `python -m kb`)."""
    try:
        app.main(args=argv, prog_name="python -m kb", standalone_mode=False)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.Abort:
        return 1
    return 0
