"""Linking the first use of each glossary term on a page, never in code, headings, links, markup, quoted titles
or proper names (the page scanned by kb/markdown.py).

Quiet by design (issue 19: the Arabic home page showed nine dotted underlines in its first screen): the pages a
reader browses through rather than reads (the home page, every section's and the themes' index, the generated
theme pages) link no term, because their links are the way on and the terms are linked on the pages they lead
to; on other pages a paragraph (a block between blank lines, or a list item) carries at most one term
link, so a sentence dense with terms reads as text. A term whose first paragraph already has a link is linked
at its next use in a paragraph that has none."""
from __future__ import annotations

import bisect
import re

from kb.frontmatter import parse as parse_front_matter
from kb.glossary.data import Term, terms
from kb.glossary.match import FoldedText, _name_spans, _term_patterns, _title_cased, form_pattern
from kb.markdown import CODE, HTML, Scan
from kb.markdown import scan as scan_markdown

# Lines that are markup rather than prose: admonition and tab titles, HTML blocks, abbreviation, reference
# and footnote definitions, snippets, attribute lists, table rules.
_SKIP_LINE = re.compile(r"^\s*(!!!|\?\?\?|={3}[+!]?\s|<|\*\[|\[[^\]]+\]:|-{2}8<-{2}|\{:?|\|?\s*:?-{3,})")
# Inline spans never linked inside: code, links and images (with their target), bracketed text, HTML tags
# and comments, autolinks, bare URLs, attribute lists, quoted titles and names.
_INLINE = re.compile(r"`+[^`]*`+|!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?|<!--.*?-->|<[^>]+>|https?://\S+|\{[^}]*\}"
                     r"|«[^»]*»|“[^”]*”")


PER_BLOCK = 1
# Where a block begins: after a blank line, or at a list item (an item is a paragraph of its own).
_BLOCK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d+[.)])[ \t])")


def links_terms(rel: str) -> bool:
    """Whether the page at `rel` (relative to its language folder) links glossary terms at all."""
    return not (rel == "index.md" or rel.endswith("/index.md") or rel.startswith("themes/"))


def protected_spans(markdown: str, lang: str, page: FoldedText | None = None, body: Scan | None = None
                    ) -> list[tuple[int, int]]:
    """Character ranges of `markdown` that must not be linked: front matter, code blocks, headings,
    markup lines, inline code, links, tags, quoted titles and proper names. `body`: the scan of `markdown`
    (a body without front matter) when the page index has it."""
    spans, pos = [], 0
    page_markdown = markdown
    front, _ = parse_front_matter(markdown, "", required=False) if markdown.startswith("---") else (None, None)
    if front is not None and front.has_front_matter:
        size = len("\n".join(markdown.split("\n")[:front.body_line - 1])) + 1
        spans.append((0, size))
        pos, markdown, body = size, markdown[size:], None
    body = body or scan_markdown(markdown)
    headings = {h.line - body.first_line for h in body.headings}
    for i, (line, kind) in enumerate(zip(markdown.split("\n"), body.kinds, strict=True)):
        start, end = pos, pos + len(line) + 1
        pos = end
        if kind in (CODE, HTML) or i in headings or _SKIP_LINE.match(line):
            spans.append((start, min(end, len(page_markdown))))
            continue
        spans += [(start + m.start(), start + m.end()) for m in _INLINE.finditer(line)]
    markdown = page_markdown
    return spans + _name_spans(page or FoldedText(markdown, lang))


def link_terms(markdown: str, lang: str, href: str, glossary: dict[str, Term] | None = None,
               per_block: int | None = None, body: Scan | None = None) -> str:
    """Link the first use of each glossary term in `markdown` to `href#<id>` (the glossary page, relative
    to this page), with the definition as the link's title. Whole words only, one link per term, never in
    headings, links, code, markup, front matter, quoted titles or proper names; with `per_block`, at most that
    many links in a block between blank lines (a term then goes to its first use in a block with room).
    `body`: the page index's scan of `markdown`, if it has one."""
    glossary = terms() if glossary is None else glossary
    # One byte per character, 1 where the text is taken: checking a match is one C-level scan, where a list
    # of spans made each check walk every earlier use (quadratic on long, term-dense pages).
    taken = bytearray(len(markdown))

    def take(a, b):
        taken[a:b] = b"\x01" * (b - a)

    def free(a, b):
        return taken.find(1, a, b) < 0

    page = FoldedText(markdown, lang)
    for a, b in protected_spans(markdown, lang, page, body):
        take(a, b)
    chosen = []
    for term, forms in _term_patterns(lang, tuple(glossary.values())):
        # Every use of a (longer) term is kept from shorter terms, not only the one that gets the link.
        uses = [m for form in page.occurring(forms) for m in page.finditer(form_pattern(form, lang), form)
                if free(*m.span()) and not (lang == "en" and _title_cased(m.group(0), form))]
        for m in uses:
            take(*m.span())
        if uses:
            chosen.append((term, uses))
    chosen = _first_uses(markdown, chosen, per_block)
    for m, term in sorted(chosen, key=lambda c: c[0].start(), reverse=True):
        title = term.definition(lang).replace('"', "&quot;")
        link = f'[{m.group(0)}]({href}#{term.id} "{title}"){{ .kb-term }}'
        markdown = markdown[:m.start()] + link + markdown[m.end():]
    return markdown


def _first_uses(markdown: str, found: list, per_block: int | None) -> list:
    """(match, term) to link: each term's first use, or with `per_block` its first use in a block with room."""
    if per_block is None:
        return [(min(uses, key=lambda m: m.start()), term) for term, uses in found]
    breaks = [m.end() for m in _BLOCK.finditer(markdown)]
    links, linked, chosen = {}, set(), []
    for m, term in sorted(((m, term) for term, uses in found for m in uses), key=lambda c: c[0].start()):
        block = bisect.bisect_right(breaks, m.start())
        if term.id not in linked and links.get(block, 0) < per_block:
            links[block] = links.get(block, 0) + 1
            linked.add(term.id)
            chosen.append((m, term))
    return chosen
