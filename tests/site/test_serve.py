"""`mkdocs serve` on a copy of the project: an edit of a data file (kb/data/) or of a template override shows
on the served page without restarting the server (mkdocs.yml `watch`; the hooks read the data again)."""
import os
import queue
import socket
import subprocess
import threading
import time
import urllib.request

from support import MKDOCS, copy_project

PAGE = "ar/case-studies/arabic-library-networks-open-ecosystems/"
LABEL = "المنظومات المكتبية المفتوحة"  # the theme's Arabic label in kb/data/vocabularies.yml
EDITED = "المنظومات المكتبية المفتوحة المعدلة"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Log:
    """The server's log lines, read as they come (a thread fills a queue)."""

    def __init__(self, stream):
        self.lines, self.stream = queue.Queue(), stream
        self.reader = threading.Thread(target=lambda: [self.lines.put(line) for line in stream], daemon=True)
        self.reader.start()

    def close(self) -> None:
        """After the server has exited: the reader has met the end of its output."""
        self.reader.join(timeout=30)
        self.stream.close()

    def wait_for(self, text: str, deadline: float) -> None:
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise AssertionError(f"the server never logged {text!r}") from None
            if text in line:
                return


def _page_once(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def _after_rebuild(log: _Log, url: str, text: str, timeout: float = 120) -> str:
    """The page at `url` once a rebuild has put `text` in it: read after each rebuild the server reports."""
    deadline = time.monotonic() + timeout
    while True:
        log.wait_for("Reloading browsers", deadline)
        body = _page_once(url)
        if text in body:
            return body


def test_serve_rebuilds_on_an_edit_of_the_data_or_the_templates(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    server = subprocess.Popen([*MKDOCS, "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = _Log(server.stderr)
    try:
        log.wait_for("Serving on", time.monotonic() + 120)
        assert LABEL in _page_once(base + PAGE)
        vocabularies = project / "kb" / "data" / "vocabularies.yml"
        vocabularies.write_text(vocabularies.read_text(encoding="utf-8").replace(LABEL, EDITED), encoding="utf-8")
        assert EDITED in _after_rebuild(log, base + PAGE, EDITED)
        main = project / "overrides" / "main.html"
        main.write_text(main.read_text(encoding="utf-8").replace(
            "{% block site_meta %}\n", "{% block site_meta %}\n  <!-- edited -->\n"),
            encoding="utf-8")
        _after_rebuild(log, base + PAGE, "<!-- edited -->")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
