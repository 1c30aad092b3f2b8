"""The Content-Security-Policy (kb/csp.py): on every page, first in the head, with the hash of each inline
script the page holds and nothing looser; enforced by Chromium from the server and from file:// (the offline
bundle), where the bundle's own scripts still run and search works. Every browser test also fails on any
violation (tests/conftest.py's `page`), so the policy is on for search, the language switch and tooltips."""
import base64
import hashlib
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from support import ROOT

REQUIRED = {"default-src": {"'self'"}, "object-src": {"'none'"}, "base-uri": {"'self'"}, "form-action": {"'self'"}}


class _Head(HTMLParser):
    """The order of a page's elements, its CSP, and the text of each inline script the browser runs."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.order, self.policies, self.inline, self._script = [], [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        kind = (a.get("http-equiv") or ("charset" if "charset" in a else "")).lower()
        self.order.append(f"meta:{kind}" if tag == "meta" else tag)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a["content"])
        runs = (a.get("type") or "").lower() in ("", "text/javascript", "module")
        self._script = [] if tag == "script" and "src" not in a and runs else None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
        self._script = None


def directives(policy: str) -> dict[str, set[str]]:
    return {d.split()[0]: set(d.split()[1:]) for d in policy.split(";") if d.strip()}


def test_every_page_has_its_policy_first_with_the_hash_of_each_inline_script(site):
    pages = sorted(site.rglob("*.html"))
    assert len([p for p in pages if p.relative_to(site).parts[0] == "ar"]) > 20 and site / "404.html" in pages
    for file in pages:
        head = _Head()
        head.feed(file.read_text(encoding="utf-8"))
        assert len(head.policies) == 1, file
        # Straight after <meta charset>: a policy governs only what comes after it.
        assert head.order.index("meta:content-security-policy") == head.order.index("meta:charset") + 1, file
        assert head.order.index("meta:content-security-policy") < head.order.index("script"), file
        policy = directives(head.policies[0])
        for name, values in REQUIRED.items():
            assert policy[name] == values, (file, name)
        hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                  for s in head.inline}
        assert head.inline and policy["script-src"] == {"'self'"} | hashes, file
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & policy["script-src"]
        assert not {"*", "http:", "https:"} & set().union(*policy.values()), file


PROVOKE = """() => new Promise(done => {
  const inline = document.createElement("script")
  inline.textContent = "window.__kbInjected = true"
  document.head.appendChild(inline)
  const img = new Image()
  img.onload = img.onerror = () => done(!!window.__kbInjected)
  img.src = "http://127.0.0.2:9/pixel.png"
})"""


def blocked(violations, directive):
    return [v for v in violations if f" {directive} " in v or f": {directive} " in v]


def test_the_policy_is_enforced_from_the_server(page, server):
    # The site's own scripts run: search/page.js, and the normaliser it adds to mark a search result's words.
    page.goto(server + "/ar/?h=" + quote("المكتبات"))
    page.wait_for_function("() => !!self.kbArabic")
    assert page.evaluate(PROVOKE) is False  # an injected inline script does not
    assert blocked(page.csp_violations, "script-src-elem") and blocked(page.csp_violations, "img-src")
    page.csp_violations.clear()


@pytest.fixture(scope="module")
def offline_bundle(site, tmp_path_factory):
    """The Arabic offline bundle of the real site, unzipped (only the offline export: no PDFs)."""
    out = tmp_path_factory.mktemp("offline")
    result = subprocess.run([sys.executable, "-m", "kb", "pdf", "offline", "--site", str(site), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(out / "offline-site-ar.zip") as z:
        z.extractall(out)
    return out / "offline-site-ar" / "site"


def test_the_policy_is_enforced_from_file_and_search_still_works(page, offline_bundle, tmp_path):
    """From file://, Chromium matches 'self' with every file: URL (measured below: a script outside the
    bundle loads too), so the policy cannot confine the bundle to its folder; it still refuses inline script,
    and the search worker's frame (iframe-worker, which inherits the page's policy) needs none."""
    outside = tmp_path / "outside.js"
    outside.write_text("window.__kbOutside = true", encoding="utf-8")
    page.goto((offline_bundle / "ar" / "index.html").as_uri() + "?h=" + quote("المكتبات"))
    page.wait_for_function("() => !!self.kbArabic")
    assert page.evaluate(PROVOKE) is False
    assert blocked(page.csp_violations, "script-src-elem")
    page.csp_violations.clear()
    loaded = page.evaluate("""src => new Promise(done => { const s = document.createElement("script")
      s.onload = () => done(!!window.__kbOutside); s.onerror = () => done(false); s.src = src
      document.head.appendChild(s) })""", outside.as_uri())
    assert loaded is True
    page.locator("input.md-search__input").focus()
    page.locator("input.md-search__input").type("مكتبة")
    page.keyboard.press("End")  # Material reads the box on keyup (see DEVELOPERS.md)
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item a", "items => items.map(a => a.href)")
    assert links and all("/site/ar/" in href for href in links), links  # the Arabic index, from the worker
    assert page.csp_violations == []


def test_the_policy_hashes_what_runs_and_nothing_else():
    from kb.csp import policy, sha256, with_policy
    page = ('<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="kb/after-paint" data-src="b.js"></script><script type="module">b()</script></head>'
            '<body><td style="text-align: right;">1</td></body></html>')
    found = directives(policy(page))
    assert found["script-src"] == {"'self'", sha256("a()"), sha256("b()")}
    assert found["style-src"] == {"'self'", "'unsafe-hashes'", sha256("text-align: right;")}
    assert found["font-src"] == {"'self'"} and "data:" in directives(policy(page, offline=True))["font-src"]
    assert with_policy(page).startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    assert with_policy("<p>no head</p>") == "<p>no head</p>"
