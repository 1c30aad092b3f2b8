"""The real built site asks no other origin for anything: every page of both languages, every address a
browser fetches on its own (src, data-src, srcset, poster, a <link>'s href, SVG references, CSS url() and
@import in style attributes, <style> and every stylesheet), no form posting anywhere, no <base>, and no
<meta http-equiv> but the Content-Security-Policy (a refresh would send the reader elsewhere). Links (<a>) to
other sites are fine: the reader chooses to follow them."""
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

# Attributes whose URL the browser fetches without the reader asking, by tag ("*": any tag).
FETCHED = {"*": ("src", "data-src", "poster"), "link": ("href",), "object": ("data",), "use": ("href", "xlink:href"),
           "image": ("href", "xlink:href"), "form": ("action",), "button": ("formaction",), "input": ("formaction",)}
SRCSETS = ("srcset", "imagesrcset")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def css_urls(css: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(css)]


class _Fetches(HTMLParser):
    """(line, what, URL) of each fetched address of a page, and its <meta http-equiv> and <base> tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched, self.http_equiv, self.bases, self._style = [], [], [], False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        line = self.getpos()[0]
        for name in (*FETCHED["*"], *FETCHED.get(tag, ())):
            if name in a:
                self.fetched.append((line, f"<{tag} {name}>", a[name]))
        for name in SRCSETS:
            for candidate in filter(None, (c.strip() for c in a.get(name, "").split(","))):
                self.fetched.append((line, f"<{tag} {name}>", candidate.split()[0]))
        self.fetched += [(line, f"<{tag} style>", u) for u in css_urls(a.get("style", ""))]
        if tag == "meta" and "http-equiv" in a:
            self.http_equiv.append((line, a["http-equiv"].lower()))
        if tag == "base":
            self.bases.append(line)
        self._style = tag == "style"

    def handle_data(self, data):
        if self._style:
            self.fetched += [(self.getpos()[0], "<style>", u) for u in css_urls(data)]

    def handle_endtag(self, tag):
        self._style = False


def other_origin(url: str, base: str, site_url: str) -> bool:
    """Whether fetching `url` (as written in a file at `base`) asks an origin other than the site's."""
    target = urlparse(urljoin(base, url.strip()))
    if target.scheme in ("data", "blob", "about") or url.strip().startswith("#"):
        return False  # no request to anyone
    site = urlparse(site_url)
    return (target.scheme, target.netloc) != (site.scheme, site.netloc)


def page_url(site, site_url, file):
    rel = file.relative_to(site).as_posix()
    return urljoin(site_url, rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def html_pages(site):
    return sorted(site.rglob("*.html"))


def test_both_languages_are_checked(site):
    pages = html_pages(site)
    ar = [p for p in pages if p.relative_to(site).parts[0] == "ar"]
    assert len(ar) > 20 and len(pages) - len(ar) > 20


def test_no_page_fetches_from_another_origin_or_redirects(site, site_url):
    problems = []
    for file in html_pages(site):
        parser = _Fetches()
        parser.feed(file.read_text(encoding="utf-8"))
        base = page_url(site, site_url, file)
        rel = file.relative_to(site).as_posix()
        problems += [f"{rel}:{line}: {what} {url}" for line, what, url in parser.fetched
                     if other_origin(url, base, site_url)]
        problems += [f"{rel}:{line}: <meta http-equiv={value}>" for line, value in parser.http_equiv
                     if value != "content-security-policy"]
        problems += [f"{rel}:{line}: <base>" for line in parser.bases]
    assert problems == [], "\n".join(problems)


def test_no_stylesheet_fetches_from_another_origin(site, site_url):
    sheets = sorted(site.rglob("*.css"))
    assert any("material" in s.name or "main" in s.name for s in sheets) and any(s.name == "kb.css" for s in sheets)
    problems = []
    for sheet in sheets:
        base = urljoin(site_url, sheet.relative_to(site).as_posix())
        problems += [f"{sheet.relative_to(site)}: url({u})" for u in css_urls(sheet.read_text(encoding="utf-8"))
                     if other_origin(u, base, site_url)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("html, found", [
    ('<img src="https://example.org/t.png">', ["<img src>"]),
    ('<img src="t.png" srcset="a.png 1x, //example.org/b.png 2x">', ["<img srcset>"]),
    ('<link rel="stylesheet" href="https://example.org/x.css">', ["<link href>"]),
    ('<div style="background:url(\'https://example.org/t.png\')">', ["<div style>"]),
    ('<style>@import "https://example.org/x.css"; a{background:url(//example.org/t.png)}</style>',
     ["<style>", "<style>"]),
    ('<svg><use href="https://example.org/s.svg#i"/></svg>', ["<use href>"]),
    ('<script type="kb/after-paint" data-src="https://example.org/x.js"></script>', ["<script data-src>"]),
    ('<form action="https://example.org/"></form>', ["<form action>"]),
    ('<a href="https://example.org/">a link is fine</a><img src="../t.png"><img src="data:image/png,x">', []),
])
def test_the_check_finds_each_kind_of_outside_fetch(html, found):
    parser = _Fetches()
    parser.feed(html)
    base = "http://127.0.0.1:8000/ar/page/"
    assert [what for _, what, url in parser.fetched if other_origin(url, base, "http://127.0.0.1:8000/")] == found


def test_the_check_finds_a_refresh_and_a_base():
    parser = _Fetches()
    parser.feed('<meta http-equiv="Refresh" content="0;url=https://example.org/"><base href="https://example.org/">')
    assert parser.http_equiv == [(1, "refresh")] and parser.bases == [1]
