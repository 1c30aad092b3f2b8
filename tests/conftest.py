"""Shared fixtures: a real strict build of the real site, a local server for it, and headless Chromium."""
import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest

from kb import buildstamp
from support import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    MKDOCS,
    PROJECT_FILES,
    ROOT,
    copy_project,
    once,
    run_build,
    shared_path,
    watch_csp,
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def _reused() -> Path | None:
    """site/ as `make build` or `make pdf` left it, when it is what the present checkout builds (its stamp,
    kb/buildstamp.py, matches the commit, every input file and the folder itself): CI builds it before the
    tests, which then read it instead of building it again. KB_TEST_BUILD=1 builds anew regardless."""
    folder = ROOT / "site"
    if os.environ.get("KB_TEST_BUILD") or not (stamp := buildstamp.current(folder)):
        return None
    return None if stamp["environment"].get("KB_OFFLINE") else folder


@pytest.fixture(scope="session")
def _httpd(tmp_path_factory, _reused):
    """A local HTTP server on 127.0.0.1 (ephemeral port) for the built site; bound before a build so the site
    is built for the origin it is served from, as the deployed site is (site_url)."""
    site_dir = _reused or shared_path(tmp_path_factory, "site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.site_dir = site_dir
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.server_close()


@pytest.fixture(scope="session")
def site(_httpd, _reused, tmp_path_factory) -> Path:
    """The real site, built once per test run in strict mode (or site/ when current: see _reused); the first
    xdist worker to need it builds it, the others wait for it and read the same folder. Built here, it lists
    no exports, whatever a developer's build/downloads/ holds."""
    if not _reused:
        with once(_httpd.site_dir) as todo:
            if todo:
                result = run_build(ROOT, _httpd.site_dir, _httpd.base + "/",
                                   downloads=tmp_path_factory.mktemp("no-exports"))
                assert result.returncode == 0, result.stdout + result.stderr
    return _httpd.site_dir


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The address the pages were built for, as the site names itself: this worker's server, another
    worker's (a site built once for the run), or the deployed site's (a reused site/)."""
    return re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))[1]


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
    """A fresh browser page that records console errors and every requested URL; a test fails on any
    Content-Security-Policy violation in it. Under the policy, give wait_for_function a function ("() => ..."):
    an expression string is polled with eval in the page, which the policy refuses."""
    context = browser.new_context()
    violations = watch_csp(context)
    pg = context.new_page()
    pg.csp_violations = violations  # a test that provokes one on purpose clears it
    pg.console_errors = []
    pg.requests = []
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda err: pg.console_errors.append(str(err)))
    pg.on("request", lambda req: pg.requests.append(req.url))
    yield pg
    context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)
