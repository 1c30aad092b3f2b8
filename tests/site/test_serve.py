"""`mkdocs serve` on a copy of the project: an edit of a data file (kb/data/) or of a template override shows
on the served page without restarting the server (mkdocs.yml `watch`; the hooks read the data again)."""
import os
import socket
import subprocess
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


def _wait_for(url: str, text: str, timeout: float = 90) -> str:
    """The page at `url` once it holds `text`; fails with what it held last."""
    deadline, body = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {text!r} within {timeout} s")


def test_serve_rebuilds_on_an_edit_of_the_data_or_the_templates(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base)
    server = subprocess.Popen([*MKDOCS, "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(base + PAGE, LABEL)
        vocabularies = project / "kb" / "data" / "vocabularies.yml"
        vocabularies.write_text(vocabularies.read_text(encoding="utf-8").replace(LABEL, EDITED), encoding="utf-8")
        assert EDITED in _wait_for(base + PAGE, EDITED)
        main = project / "overrides" / "main.html"
        main.write_text(main.read_text(encoding="utf-8").replace(
            "{% block site_meta %}\n  {{ super() }}", "{% block site_meta %}\n  {{ super() }}\n  <!-- edited -->"),
            encoding="utf-8")
        _wait_for(base + PAGE, "<!-- edited -->")
    finally:
        server.terminate()
        server.wait(timeout=30)
