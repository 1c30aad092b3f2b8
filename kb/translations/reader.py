"""What readers see: the notice on an outdated translation and the translation-status page, in each language."""
from __future__ import annotations

import json

from kb import data
from kb.languages import direction
from kb.translations.pairs import STATUSES, Pair, counts

STATUS_PAGE = "translation-status.md"


def ui(lang: str) -> dict:
    """This module's UI strings in `lang`, from kb/data/ui.yml."""
    return data.ui()[lang]["translation"]


def notice_html(pair: Pair | None, lang: str, href: str | None) -> str:
    """A short notice, in the page's language, on an outdated translation; empty for any other page."""
    if not pair or pair.status != "outdated" or pair.source == lang or not href:
        return ""
    t = ui(lang)
    src = t["lang"][pair.source]
    return (f'<div class="admonition warning kb-outdated-translation">'
            f'<p class="admonition-title">{t["notice_title"]}</p>'
            f'<p>{t["notice"].format(src=src)} '
            f'<a href="{href}" hreflang="{pair.source}" lang="{pair.source}" dir="{direction(pair.source)}">'
            f'<span lang="{lang}" dir="{direction(lang)}">{t["notice_link"].format(src=src)}</span></a>.</p></div>')


def insert_notice(html: str, notice: str) -> str:
    """Put the notice right after the page's first heading (or at the top when it has none)."""
    if not notice:
        return html
    end = html.find("</h1>")
    if end < 0:
        return notice + html
    end += len("</h1>")
    return html[:end] + "\n" + notice + html[end:]


def status_markdown(pairs: list[Pair], lang: str) -> str:
    """The translation-status page in one language: counts per status, then every pair."""
    t = ui(lang)
    c = counts(pairs)
    rows = [f"| {t['status'][s]} | {t['explain'][s]} | {c[s]} |" for s in reversed(STATUSES)]
    out = ["---", f"title: {json.dumps(t['title'], ensure_ascii=False)}",
           f"description: {json.dumps(t['description'], ensure_ascii=False)}", "---", "",
           f"# {t['title']} {{#translation-status}}", "", t["intro"], "",
           f"## {t['summary']} {{#summary}}", "",
           f"| {t['status_h']} | {t['meaning']} | {t['count']} |", "|---|---|--:|",
           *rows, f"| **{t['total']}** | | **{len(pairs)}** |", "",
           f"## {t['pages']} {{#pages}}", "",
           f"| {t['page']} | {t['source']} | {t['status_h']} | {t['differences']} |", "|---|---|---|--:|"]
    for p in sorted(pairs, key=lambda p: (STATUSES.index(p.status), p.rel)):
        doc = p.docs.get(lang)
        if doc:
            title = str(doc.meta.get("title") or p.rel).replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
            page = f"[{title}]({p.rel})" if p.rel != STATUS_PAGE else title
        else:
            page = f"`{p.rel}`"
        src = t["lang"][p.source] if p.source else "–"
        diffs = len(p.differences) if p.status != "missing" else "–"
        out.append(f"| {page} | {src} | {t['status'][p.status]} | {diffs} |")
    return "\n".join(out) + "\n"
