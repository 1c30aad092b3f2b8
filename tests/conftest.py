"""Shared fixtures: a real strict build of the real site, a local server for it, and headless Chromium."""
import functools
import http.server
import threading
from pathlib import Path

import pytest

from support import CHROMIUM, CHROMIUM_ARGS, MKDOCS, PROJECT_FILES, ROOT, copy_project, run_build  # noqa: F401


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
