"""Arabic pages carry no English interface text: every run of Latin letters a reader sees on a built Arabic page
(text, and the title, aria-label, placeholder and alt a pointer or a screen reader meets) is a name or title the
knowledge base writes in Latin letters (kb/data/names.yml, the sources' titles), a quotation, code or an address,
inside an element marked with another language, or one of the few technical names the Arabic text uses (PDF,
CSV ...). Anything else is interface left in English: a template string, a theme setting with one value for both
languages, a generated label."""
import re
from pathlib import Path

import pytest
import tinyhtml5
import yaml

ROOT = Path(__file__).resolve().parents[2]
# Technical names an Arabic page writes as they are (file formats, licences, services, units, time zone).
TECHNICAL = {"PDF", "CSV", "JSON", "JSON-LD", "UTF-8", "A4", "zip", "index.html", "BibTeX", "RIS", "CSL-JSON",
             "Atom", "CC", "BY", "MIT", "GitHub", "github.com", "UTC", "Markdown", "YAML", "HTML", "URL", "A3", "A5"}
SKIP = {"script", "style", "code", "pre", "kbd", "samp", "svg", "head", "template"}
ATTRS = ("title", "aria-label", "placeholder", "alt")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.'’\-]*")
# Quoted text (Arabic guillemets or English quotes), hashtags, addresses and file paths are quotations, not interface.
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|#\w+|https?://\S+|\b[\w.-]+\.(?:md|yml|html|txt|json|csv|pdf)\b"
                    r"|\b[\w-]+(?:/[\w.-]+)+/?")


def _allowed() -> set[str]:
    names = yaml.safe_load((ROOT / "kb/data/names.yml").read_text(encoding="utf-8"))
    sources = yaml.safe_load((ROOT / "kb/data/sources.yml").read_text(encoding="utf-8"))
    texts = [value for group in names.values() for entry in group.values() for value in entry.values()
             if isinstance(value, str)]
    texts += [str(s.get("title", "")) for s in sources.values()]
    return {w for text in texts for w in LATIN.findall(text)} | TECHNICAL


def _runs(node, out: list[tuple[str, str]], skip: bool = False) -> None:
    """(where, text) of what a reader meets in `node`, outside code and other-language elements."""
    tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else None
    if tag is None:  # a comment
        return
    lang = node.get("lang")
    skip = skip or tag in SKIP or (lang is not None and not lang.startswith("ar"))
    if not skip:
        out += [(f"<{tag} {a}>", node.get(a)) for a in ATTRS if node.get(a)]
        if node.text:
            out.append((f"<{tag}>", node.text))
    for child in node:
        _runs(child, out, skip)
        if not skip and child.tail:
            out.append((f"<{tag}>", child.tail))


def english_left(html: str, allowed: set[str]) -> list[str]:
    runs: list[tuple[str, str]] = []
    _runs(tinyhtml5.parse(html), runs)
    found = []
    for where, text in runs:
        words = [w.strip(".-'’") for w in LATIN.findall(QUOTED.sub(" ", text))]
        left = [w for w in words if w and w not in allowed]
        if left:
            found.append(f"{where} {' '.join(text.split())[:80]!r}: {' '.join(left)}")
    return found


def test_the_check_finds_english_interface_text():
    allowed = _allowed()
    page = ('<html lang="ar"><body><a title="Permanent link" href="#x">¶</a><p>نص <span lang="en">Quoted</span>'
            " «Moving on» SIGL</p><code>make pdf</code><div aria-label=\"Close\"></div><p>Next</p></body></html>")
    found = english_left(page, allowed)
    assert [f.split(":")[-1].strip() for f in found] == ["Permanent link", "Close", "Next"]


@pytest.fixture(scope="module")
def arabic_pages(site):
    pages = sorted((site / "ar").rglob("*.html"))
    assert len(pages) > 40
    return pages


def test_arabic_pages_have_no_english_interface_text(site, arabic_pages):
    allowed = _allowed()
    problems = [f"{page.relative_to(site)}: {found}" for page in arabic_pages
                for found in dict.fromkeys(english_left(page.read_text(encoding="utf-8"), allowed))]
    assert not problems, f"{len(problems)} English run(s) on Arabic pages:\n" + "\n".join(problems[:40])
