"""Helpers shared by test modules (imported as `support`; conftest.py holds the fixtures). A plain module,
so `from support import ...` cannot be shadowed by a sub-folder's conftest.py."""
import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = "/usr/bin/chromium"
# Without these, headless Chromium floods the closed network with update and sync requests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "kb"]


def run_build(project: Path, site_dir: Path, site_url: str | None = None,
              downloads: Path | None = None) -> subprocess.CompletedProcess:
    """Run a real strict `mkdocs build` of the project at `project` into `site_dir` (listing the exports in
    `downloads`, default: the project's build/downloads/)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    if downloads:
        env["KB_DOWNLOADS"] = str(downloads)
    return subprocess.run([*MKDOCS, "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site_dir)], cwd=project, env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    """Copy the project's site sources to `dest` (a git work tree with no commit: pages show the build date)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    return dest


# Every Content-Security-Policy violation in a browser context's pages and frames: the securitypolicyviolation
# event (its directive, what was blocked, where), and Chromium's console report of it (also for what the event
# does not reach, e.g. a frame torn down at once).
_CSP_LISTENER = """addEventListener("securitypolicyviolation", function (e) {
  window.__kbCspViolation([e.effectiveDirective, e.blockedURI, e.sourceFile + ":" + e.lineNumber].join(" "))
}, true)"""


def watch_csp(context) -> list[str]:
    """Start recording the context's CSP violations; returns the list they are appended to."""
    found = []
    context.expose_binding("__kbCspViolation", lambda source, text: found.append(f"{source['frame'].url}: {text}"))
    context.add_init_script(_CSP_LISTENER)
    context.on("console", lambda msg: "Content Security Policy" in msg.text and found.append(msg.text))
    return found


def shared_path(tmp_path_factory, name: str) -> Path:
    """A path under the test run's temporary folder that every xdist worker of the run shares (each worker
    has a folder of its own under it)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name


@contextlib.contextmanager
def once(path: Path):
    """Do the work that makes `path` once per test run: yields True to the first caller (which then makes
    it, the others waiting on a lock), False to every later one. A failed attempt leaves it to the next."""
    path.parent.mkdir(parents=True, exist_ok=True)
    done = path.with_name(path.name + ".done")
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        todo = not done.exists()
        yield todo
        if todo:
            done.touch()
