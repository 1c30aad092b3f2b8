"""Search test helpers: drive Material's search box in headless Chromium and read the ranked pages."""
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import yaml

HERE = Path(__file__).parent
QUERIES = yaml.safe_load((HERE / "queries.yml").read_text(encoding="utf-8"))
LANG_ROOT = {"en": "/", "ar": "/ar/"}
WORKER = HERE.parents[1] / "docs" / "assets" / "javascripts" / "search" / "worker.js"


def worker_protocol() -> dict[str, int]:
    """Material's message types as the worker wrapper declares them (test_material_contract.py checks them
    against the installed Material): the one copy the tests use."""
    line = re.search(r"var (SETUP = \d+, READY = \d+, QUERY = \d+, RESULT = \d+)", WORKER.read_text(encoding="utf-8"))
    assert line, f"{WORKER}: no `var SETUP = n, READY = n, QUERY = n, RESULT = n`"
    return {name: int(value) for name, value in re.findall(r"(\w+) = (\d+)", line.group(1))}


PROTOCOL = worker_protocol()

# Count the search worker's query and result messages, so a test waits for the answer to its own query.
# Wraps whatever Worker the page ends up with: the native one, or iframe-worker's shim on file://.
COUNT_WORKER_MESSAGES = """((QUERY, RESULT) => {
  const counts = window.__searchMessages = {query: 0, result: 0}
  const wrap = Base => class extends Base {
    constructor(...args) {
      super(...args)
      this.addEventListener("message", ev => {
        if (!ev.data || ev.data.type !== RESULT) return
        counts.result++
        // Each result's page (its one location without a fragment): what the list must show, in order.
        counts.pages = ev.data.data.items.map(docs => (docs.find(d => !d.location.includes("#")) || docs[0]).location)
      })
    }
    postMessage(message) {
      if (message && message.type === QUERY) counts.query++
      super.postMessage(message)
    }
  }
  let Current = wrap(window.Worker)
  Object.defineProperty(window, "Worker",
                        {configurable: true, get: () => Current, set: Base => { Current = wrap(Base) }})
})(""" + f"{PROTOCOL['QUERY']}, {PROTOCOL['RESULT']})"


# The result list's page links once they are those of the last answer, else null. Material resolves each
# location against the configured base, as here; compared without the highlight query (?h=) the worker adds.
RENDERED = """() => {
  const base = new URL(JSON.parse(document.querySelector("#__config").textContent).base, location.href)
  const bare = h => { const u = new URL(h, base); u.search = ""; return u.href }
  const want = (window.__searchMessages.pages || []).slice(0, 10).map(bare)
  const got = [...document.querySelectorAll(".md-search-result__list > .md-search-result__item")]
    .map(li => li.querySelector("a.md-search-result__link").href)
  return got.length === want.length && got.every((h, i) => bare(h) === want[i]) ? got : null
}"""


def open_search(page, url: str):
    """Open a page with the message counter installed and the search dialog ready."""
    page.add_init_script(COUNT_WORKER_MESSAGES)
    page.goto(url)
    page.click("input.md-search__input")  # focusing the box opens the search dialog


def search(page, query: str) -> list[str]:
    """Type a query into the search box; return the result pages, best first, as site paths."""
    before = page.evaluate("window.__searchMessages.query")
    page.fill("input.md-search__input", query)
    page.dispatch_event("input.md-search__input", "keyup")
    page.wait_for_function(
        "n => window.__searchMessages.query > n && window.__searchMessages.result >= window.__searchMessages.query",
        arg=before, timeout=15000)
    # Rendered: the list shows the pages of that answer (Material renders the first 10 at once), in its order.
    hrefs = page.wait_for_function(RENDERED, timeout=15000).json_value()
    return [urlparse(h).path for h in hrefs]


def clear_search(page):
    """Empty the box (a query repeated unchanged would not be sent again)."""
    search(page, "")


class Server:
    """A local HTTP server for a built site in `directory` (for sites other than the shared one)."""

    def __init__(self, directory: Path):
        handler = functools.partial(_Quiet, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
