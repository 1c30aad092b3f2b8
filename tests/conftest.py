"""Shared fixtures: a real strict build of the real site, a local server for it, and headless Chromium."""
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM = "/usr/bin/chromium"
# Without these, headless Chromium floods the closed network with update and sync requests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "kb"]


def run_build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run a real strict `mkdocs build` of the project at `project` into `site_dir`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run([*MKDOCS, "build", "--strict", "--clean", "-f", str(project / "mkdocs.yml"),
                           "-d", str(site_dir)], cwd=project, env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    """Copy the project's site sources to `dest` (a git work tree, as the date plugin expects)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def _httpd(tmp_path_factory):
    """A local HTTP server on 127.0.0.1 (ephemeral port) for the built site; bound before the build so
    the site is built for the origin it is served from, as the deployed site is (site_url)."""
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.site_dir = site_dir
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.server_close()


@pytest.fixture(scope="session")
def site_url(_httpd) -> str:
    return _httpd.base + "/"


@pytest.fixture(scope="session")
def site(_httpd, site_url) -> Path:
    """The real site, built once per test session in strict mode."""
    result = run_build(ROOT, _httpd.site_dir, site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return _httpd.site_dir


@pytest.fixture(scope="session")
def server(_httpd, site):
    """Serve the built site; yields the base URL (no trailing slash)."""
    thread = threading.Thread(target=_httpd.serve_forever, daemon=True)
    thread.start()
    yield _httpd.base
    _httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page that records console errors and every requested URL."""
    context = browser.new_context()
    pg = context.new_page()
    pg.console_errors = []
    pg.requests = []
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda err: pg.console_errors.append(str(err)))
    pg.on("request", lambda req: pg.requests.append(req.url))
    yield pg
    context.close()
