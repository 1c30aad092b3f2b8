"""scripts/check_external_links.py against a local fixture server on 127.0.0.1 (200, 404, redirect, HEAD
refused): broken links fail with `path:line:`, redirects are noted, and nothing is requested without --online."""
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_external_links.py"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes = {"/ok": 200, "/missing": 404, "/moved": 301, "/no-head": 200}

    def _answer(self, body: bool):
        self.server.requests.append((self.command, self.path))
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(self.routes.get(self.path, 404))
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def fixture_server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def content(tmp_path, fixture_server):
    _, base = fixture_server
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    (docs / "page.md").write_text(
        "# A page\n\n"
        f"See [the report]({base}/ok) and [a lost page]({base}/missing).\n"
        f"Moved: <{base}/moved>, and a server that refuses HEAD: {base}/no-head.\n",
        encoding="utf-8")
    (tmp_path / "sources.yml").write_text(f"report:\n  url: \"{base}/ok\"\n", encoding="utf-8")
    (docs / "image.png").write_bytes(b"\x89PNG not text")  # not a content file: skipped
    return tmp_path


def run(*args, cwd, github=False):
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_offline_it_lists_the_links_and_requests_nothing(content, fixture_server):
    httpd, base = fixture_server
    result = run("docs", "sources.yml", cwd=content)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"docs/en/page.md:3: {base}/ok",
        f"docs/en/page.md:3: {base}/missing",
        f"docs/en/page.md:4: {base}/moved",
        f"docs/en/page.md:4: {base}/no-head",
        f"sources.yml:2: {base}/ok",
        "5 external link(s) found; not checked (pass --online to request them)",
    ]
    assert httpd.requests == []


def test_online_a_broken_link_fails_with_its_file_and_line(content, fixture_server):
    httpd, base = fixture_server
    result = run("--online", "docs", "sources.yml", cwd=content)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"docs/en/page.md:3: {base}/missing: HTTP 404 Not Found" in lines
    assert f"docs/en/page.md:4: {base}/moved: redirects to {base}/ok" in lines
    assert lines[-1] == "4 distinct external link(s) checked, 1 broken"
    assert not any(f"{base}/ok:" in line or f"{base}/no-head:" in line for line in lines)
    assert "::error" not in result.stdout and result.stderr == ""
    # Each distinct URL once; HEAD first, GET only where HEAD was refused.
    assert sorted(httpd.requests) == sorted([("HEAD", "/ok"), ("HEAD", "/missing"), ("HEAD", "/moved"),
                                             ("HEAD", "/ok"), ("HEAD", "/no-head"), ("GET", "/no-head")])


def test_online_all_good_exits_zero(content, fixture_server):
    _, base = fixture_server
    page = content / "docs" / "en" / "page.md"
    page.write_text(f"[fine]({base}/ok) and {base}/no-head\n", encoding="utf-8")
    result = run("--online", "docs", cwd=content)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == "2 distinct external link(s) checked, 0 broken"


def test_on_github_a_broken_link_is_also_an_annotation(content, fixture_server):
    _, base = fixture_server
    result = run("--online", "docs", cwd=content, github=True)
    assert result.returncode == 1
    assert f"::error file=docs/en/page.md,line=3::{base}/missing: HTTP 404 Not Found" in result.stdout.splitlines()


def test_an_unreachable_host_is_broken_not_a_traceback(tmp_path):
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as closed:
        port = closed.server_address[1]  # bound, then closed: nothing listens there any more
    (tmp_path / "page.md").write_text(f"http://127.0.0.1:{port}/gone\n", encoding="utf-8")
    result = run("--online", "--timeout", "5", "page.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith(f"page.md:1: http://127.0.0.1:{port}/gone: unreachable (")
    assert "Traceback" not in result.stderr


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = run("no-such-folder", cwd=tmp_path)
    assert result.returncode == 2
    assert "error: no such file or folder: no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr
