"""The home page's entry blocks, generated at build time from the page index, in the page's language: a search box,
a card per section (its count and its index page's description), the featured pages the home page's front matter
names, the pages changed last (from the git history, kb/dates.py) and the downloads (a slot kb/downloads.py fills).
Markdown with Material's grid cards (md_in_html), inserted before the home page's first level-2 heading."""
from __future__ import annotations

import html
import posixpath

from kb import graph
from kb.cards import facts
from kb.data import label, vocabularies
from kb.kinds import SECTIONS
from kb.mappage import PAGE as MAP
from kb.markdown import scan
from kb.render import _escape, plural, t

RECENT = 5  # pages in "Recently updated"
# Where the downloads go: hooks/downloads.py puts the exports' slot (kb/downloads.py) in its place.
DOWNLOADS_SLOT = '<div class="kb-home-downloads"></div>'
HOME = "index.md"  # the home page, relative to each language folder


def _href(target: str) -> str:
    return posixpath.normpath(target)  # relative to the home page, which is at the language folder's root


def search_box(lang: str, action: str) -> str:
    """A search form: it opens the address with ?q=, which Material's search reads and shows its results for
    (no script of ours). Hidden where scripts do not run (the search needs them)."""
    w = t(lang, "home")
    return (f'<form class="kb-home-search" role="search" action="{html.escape(action)}" method="get">\n'
            f'<label for="kb-home-q">{html.escape(w["search_label"])}</label>\n'
            f'<span class="kb-home-search__row"><input id="kb-home-q" name="q" type="search" required'
            f' autocomplete="off" placeholder="{html.escape(w["search_placeholder"])}">'
            f'<button type="submit" class="md-button md-button--primary">{html.escape(w["search_button"])}</button>'
            f'</span>\n</form>\n\n')


def section_cards(pages: dict, lang: str) -> str:
    """A card per section: its title and count (from the index), and its index page's description."""
    w = t(lang, "home")
    cards = []
    for kind, folder in SECTIONS.items():
        index = pages.get(f"{folder}/index.md") or {}
        n = sum(1 for m in pages.values() if m.get("kind") == kind)
        title = _escape(index.get("title") or label("kinds", kind, lang))
        count = html.escape(plural(w["counts"][kind], n, lang))
        about = _escape(" ".join(str(index.get("description") or "").split()))
        cards.append(_section_card(title, f"{folder}/index.md", count, about))
    themes = vocabularies()["themes"]
    if themes:  # the generated themes index (hooks/catalogue.py) lists every theme of the vocabulary
        cards.append(_section_card(_escape(t(lang, "themes_title")), "themes/index.md",
                                   html.escape(plural(w["themes"], len(themes), lang)),
                                   _escape(t(lang, "themes_description"))))
    partners = pages.get(MAP)
    if partners:  # the partnership map (kb/mappage.py): its links, as many as the graph it draws
        links = html.escape(plural(w["links"], len(graph.build(pages).edges), lang))
        cards.append(_section_card(_escape(partners.get("title") or MAP), MAP, links,
                                   _escape(" ".join(str(partners.get("description") or "").split()))))
    return (f'## {_escape(w["sections"])} {{#sections}}\n\n<div class="grid cards kb-cards kb-home-sections"'
            f' role="list" markdown>\n\n' + "\n".join(cards) + "\n</div>\n\n")


def _section_card(title: str, href: str, count: str, about: str) -> str:
    return (f'<div class="card" role="listitem" markdown>\n\n[{title}]({href}){{ .kb-card__title }}\n\n'
            f'<p class="kb-home__count">{count}</p>\n\n{about}\n\n</div>\n')


def featured(paths: list[str], pages: dict, lang: str) -> str:
    """A card for each featured page: what it is, its title, description and key facts."""
    w = t(lang, "home")
    cards = []
    for rel in paths:
        meta = pages.get(rel)
        if not meta:
            continue
        kind = meta.get("kind")
        dl = "".join(f"<div><dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd></div>"
                     for k, v in facts(kind, meta, lang))
        description = _escape(" ".join(str(meta.get("description") or "").split()))
        cards.append(f'<div class="card" role="listitem" markdown>\n\n<p class="kb-home__kind">'
                     f'{html.escape(w["featured_kind"].get(kind) or label("kinds", kind, lang))}</p>\n\n'
                     f'[{_escape(meta.get("title") or rel)}]({_href(rel)}){{ .kb-card__title }}\n\n{description}\n\n'
                     f'<dl class="kb-card__facts">{dl}</dl>\n\n</div>\n')
    if not cards:
        return ""
    return (f'## {_escape(w["featured"])} {{#featured}}\n\n<div class="grid cards kb-cards kb-home-featured"'
            f' role="list" markdown>\n\n' + "\n".join(cards) + "\n</div>\n\n")


def recent(changed: list[tuple[float, str]], pages: dict, lang: str, day) -> str:
    """The pages of the content sections changed last, newest first: `changed` is (timestamp, path); `day` formats
    a timestamp as a date in `lang`."""
    order = {kind: i for i, kind in enumerate(SECTIONS)}
    rows = sorted(((ts, rel) for ts, rel in changed if pages.get(rel, {}).get("kind") in order),
                  key=lambda r: (-r[0], order[pages[r[1]]["kind"]], pages[r[1]].get("title") or r[1]))[:RECENT]
    if not rows:
        return ""
    w, sep = t(lang, "home"), "، " if lang == "ar" else ", "
    items = "\n".join(f'- [{_escape(pages[rel].get("title") or rel)}]({_href(rel)}) <span class="kb-home__meta">'
                      f'{html.escape(label("kinds", pages[rel]["kind"], lang) + sep + day(ts))}</span>'
                      for ts, rel in rows)
    return f'## {_escape(w["recent"])} {{#recent}}\n\n<div class="kb-home-recent" markdown>\n\n{items}\n\n</div>\n\n'


def downloads(lang: str) -> str:
    w = t(lang, "home")
    return (f'## {_escape(w["downloads"])} {{#downloads}}\n\n{_escape(w["downloads_intro"])}'
            f' [{_escape(w["downloads_all"])}](downloads.md)\n\n{DOWNLOADS_SLOT}\n\n')


def block(markdown: str) -> str:
    """A block of the home page in a wrapper: the exports leave the blocks out (kb/print.css), as the PDF has its
    own contents and a search box, recent changes or downloads mean nothing on paper."""
    return f'<div class="kb-home-block" markdown>\n\n{markdown}</div>\n\n' if markdown else ""


def insert(markdown: str, blocks: str) -> str:
    """The blocks before the page's first level-2 heading (after its introduction), or at its end; headings found
    by kb/markdown.py's scanner, so a "## " line in a code block is not one."""
    line = next((h.line for h in scan(markdown).headings if h.level == 2), None)
    if line is None:
        return markdown.rstrip("\n") + "\n\n" + blocks
    lines = markdown.split("\n")
    return "\n".join(lines[:line - 1]) + "\n\n" + blocks + "\n".join(lines[line - 1:])
