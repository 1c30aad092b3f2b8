"""The Content-Security-Policy of every page, in a <meta http-equiv> (GitHub Pages sends no headers): the
site's own files only; for scripts, the site's files and the sha256 of each inline script the page holds,
hashed from the page as written, so a template that changes a script changes its hash (none is hard-coded).

A policy in a <meta> cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them there), and it
governs only what comes after it: it goes straight after <meta charset>, before any script or stylesheet."""
from __future__ import annotations

import base64
import hashlib
import html as entities
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
_STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)
# Types the browser runs; a JSON block (Material's #__config) or a script held by type is data, not code.
_RUNS = {"", "text/javascript", "application/javascript", "module"}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the browser would run."""
    out = []
    for m in _SCRIPT.finditer(html):
        kind = _TYPE.search(m.group(1))
        if not _SRC.search(m.group(1)) and (kind.group(1).lower() if kind else "") in _RUNS:
            out.append(m.group(2))
    return out


def style_attributes(html: str) -> list[tuple[str, str]]:
    """_STYLE_ATTR.findall(html), the pattern tried only before each 'style' (case aside): a search would try
    it at every space of the page. A page whose lower case moves characters, or with a ſ (which the pattern
    takes for s), is searched whole."""
    lowered = html.lower()
    if len(lowered) != len(html) or "ſ" in html:
        return _STYLE_ATTR.findall(html)
    out, end, pos = [], 0, lowered.find("style", 1)
    while pos >= 0:
        m = _STYLE_ATTR.match(html, pos - 1) if pos - 1 >= end else None
        if m:
            out.append(m.groups(""))
            end = m.end()
        pos = lowered.find("style", max(pos + 1, end + 1))
    return out


def policy(html: str, offline: bool = False) -> str:
    """The policy for one page. Images may be data: URLs (Material's icons are data: SVGs in its stylesheet);
    the offline bundle's fonts are data: URLs too (kb/offline.py). The table cells' text-align is the only
    style attribute Markdown writes: each style attribute's value is allowed by its hash."""
    scripts = sorted({sha256(s) for s in inline_scripts(html)})
    styles = sorted({sha256(entities.unescape(a or b)) for a, b in style_attributes(html)})
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *scripts],
        "style-src": ["'self'", *(["'unsafe-hashes'", *styles] if styles else [])],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", *(["data:"] if offline else [])],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],  # the home page's search box reloads the page with ?q=
    }
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def with_policy(html: str, offline: bool = False) -> str:
    """The page with its policy as the first thing after <meta charset> (a page without one is left alone)."""
    m = _CHARSET.search(html)
    if not m:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, offline)}">'
    return html[:m.end()] + meta + html[m.end():]
