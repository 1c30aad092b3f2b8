"""Last-updated dates: one `git log` per build gives every page's last commit, shown in the page's language.

What a page shows is the author date of the newest commit that changed its content, found in one pass
over the history of the docs folder (mkdocs-git-revision-date-localized ran one `git log` per page):
- a pure rename (100% similar) keeps the date of the last edit under the old name, as `git log --follow`;
  a rename with edits counts as an edit;
- a merge counts only for files it changed against every parent (both sides edited them, or the conflict
  resolution did); a change merged in from a branch keeps that branch commit's date;
- a file never committed (new, or no git, no repository, no commit yet) gets the build date; so does a
  generated page. A shallow clone only knows its own commits: a page last changed before them gets the
  date of the oldest fetched commit (CI fetches the whole history, fetch-depth: 0).
"""
import functools
import logging
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from babel.dates import format_date

log = logging.getLogger("mkdocs.hooks.dates")

# Material's partials/source-file.html shows page.meta[META_KEY]; the markup is the one the plugin wrote.
META_KEY = "git_revision_date_localized"
# The same day as a date, for the page's metadata and citation (kb/citation.py).
DATE_KEY = "kb_last_change"
TIME_KEY = "kb_last_change_time"  # the timestamp itself (the Atom feeds' <updated>)
CSS_CLASS = "git-revision-date-localized-plugin git-revision-date-localized-plugin-date"

# -c lists, for a merge, the files it changed against every parent; -z keeps any file name unquoted. Paths
# come relative to the repository (combined diffs ignore --relative).
GIT_LOG = ["git", "-c", "log.showRoot=true", "log", "--format=%x00%at", "--name-status", "-z", "-M", "-c",
           "--no-color", "--no-show-signature", "--", "."]
GIT_WHERE = ["git", "rev-parse", "--show-prefix", "--is-shallow-repository"]


def git_log(folder: Path) -> tuple[str, str] | None:
    """The raw `git log` of `folder` and the folder's path in the repository, or None when git cannot tell."""
    try:
        where = _git(GIT_WHERE, folder)
        text = where and _git(GIT_LOG, folder)
    except OSError as exc:  # no git on the PATH, or no such folder
        log.info("last-updated dates: cannot run git (%s); pages show the build date", exc)
        return None
    if where is None or text is None:
        return None
    prefix, shallow = where.split("\n")[:2]
    if shallow == "true":
        log.info("last-updated dates: shallow clone; pages last changed before its oldest commit show that "
                 "commit's date (fetch the whole history for exact dates)")
    return text, prefix


def _git(command: list[str], folder: Path) -> str | None:
    result = subprocess.run(command, cwd=folder, capture_output=True, encoding="utf-8", errors="surrogateescape")
    if result.returncode != 0:  # not a repository, no commit yet, dubious ownership ...
        reason = (result.stderr.strip().splitlines() or ["no message"])[0]
        log.info("last-updated dates: git failed in %s (%s); pages show the build date", folder, reason)
        return None
    return result.stdout


def parse_log(text: str, prefix: str = "") -> dict[str, int]:
    """{path under `prefix`, without it: author timestamp of its last content change} from GIT_LOG's output.

    The output is NUL-separated: per commit "", timestamp, then per file a status ("M", "A", "R100"; "MM" or
    "RM" for a merge, a letter per parent; the first one after a newline) followed by one path, or two (old,
    new) for a rename or copy in a one-parent commit (R or C with a similarity score).
    Commits come newest first, so a path's first sighting is its last change."""
    dates: dict[str, int] = {}
    renamed: dict[str, str] = {}  # an older name -> the file's name today
    tokens = text.split("\0")
    stamp, i = None, 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if not token:
            continue
        if token.isdigit():
            stamp = int(token)
            continue
        if token[0] in "RC" and token[1:].isdigit():  # a rename or copy (R100, C75): old and new path
            old, new = tokens[i], tokens[i + 1]
            i += 2
            current = renamed.get(new, new)
            if token[0] == "R":
                renamed[old] = current
            if token != "R100" and stamp is not None:  # a copy is a new file; a rename with edits, an edit
                dates.setdefault(current, stamp)
            continue
        path = tokens[i]
        i += 1
        if stamp is not None:
            dates.setdefault(renamed.get(path, path), stamp)
    return {path[len(prefix):]: stamp for path, stamp in dates.items() if path.startswith(prefix)}


def last_changes(folder: Path) -> dict[str, int]:
    """{path relative to `folder`: timestamp of its last committed change}; empty without git history."""
    found = git_log(folder)
    return parse_log(*found) if found else {}


@functools.lru_cache(maxsize=4096)  # many pages share a commit; Babel takes ~0.2 ms a date
def day_text(timestamp: float, locale: str) -> str:
    """The UTC day of a timestamp in the locale's long form ("4 December 2026", «4 ديسمبر 2026»)."""
    return format_date(datetime.fromtimestamp(int(timestamp), tz=UTC), format="long", locale=locale.replace("-", "_"))


def date_html(timestamp: float, locale: str) -> str:
    """The date in the locale's long form, in the span the plugin wrote (title: the time in UTC)."""
    day = day_text(timestamp, locale)
    time = datetime.fromtimestamp(int(timestamp), tz=UTC).strftime("%H:%M:%S %Z")
    return f'<span class="{CSS_CLASS}" title="{day} {time}">{day}</span>'


# The build's history (hooks/dates.py sets it once per build): {path under docs/: timestamp} and the build time.
history: dict = {"changes": {}, "build_time": 0.0}


def page_timestamp(changes: dict[str, int], docs_dir: str, abs_src_path: str | None, generated: bool,
                   build_time: float) -> float:
    """The last-change timestamp for a page's source file; the build time when git does not know it."""
    if generated or not abs_src_path:
        return build_time
    try:  # MkDocs joins both languages' source paths to docs_dir as written in the config
        rel = Path(abs_src_path).relative_to(docs_dir).as_posix()
    except ValueError:
        return build_time
    return changes.get(rel, build_time)


def day_of(timestamp: float):
    """The UTC calendar day of a timestamp (what the page shows as its last change)."""
    return datetime.fromtimestamp(int(timestamp), tz=UTC).date()
