"""Download links (with file sizes) rendered from the exports' manifest, so a build without exports has no
link to a missing file: the downloads page says the files are not part of the build, kit pages show nothing."""
from __future__ import annotations

import datetime
import html
import json
import os
import posixpath
import re
import shutil
from pathlib import Path

from kb.render import plural

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "build" / "downloads"
# The downloads page, relative to each language folder (not printed in the knowledge-base PDF).
DOWNLOADS_PAGE = "downloads.md"
# Folder of the built site the files are copied to.
FOLDER = "downloads"
MANIFEST = "manifest.json"


class DownloadsError(Exception):
    """A manifest that cannot be read, reported as `path: message`."""


def store() -> Path:
    """Where the exports and manifest.json are kept between builds (KB_DOWNLOADS overrides build/downloads)."""
    return Path(os.environ.get("KB_DOWNLOADS") or STORE)


def load_manifest(folder: Path, offline: bool = False) -> dict:
    """The manifest's entries whose file exists; an offline bundle carries the PDFs but not the zips."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"edition": None, "files": []}
    except json.JSONDecodeError as e:
        raise DownloadsError(f"{folder / MANIFEST}:{e.lineno}: not valid JSON ({e.msg}); "
                             "run `make pdf` again") from None
    files = [e for e in data.get("files", []) if (folder / e["file"]).is_file()
             and not (offline and e["kind"] == "offline")]
    return {"edition": data.get("edition"), "files": files}


def ui(lang: str) -> dict:
    """The UI strings of `lang` (kb/data/ui.yml)."""
    from kb.data import ui as strings
    return strings().get(lang) or {}


def human_size(size: int, lang: str) -> str:
    """1234567 -> '1.2 MB' (localised unit); under a megabyte in whole kilobytes."""
    strings = ui(lang)
    if size < 1_000_000:
        return strings["size_kb"].format(size=max(1, round(size / 1000)))
    return strings["size_mb"].format(size=f"{size / 1_000_000:.1f}")


def href(page_url: str, file: str) -> str:
    """A link from the page at `page_url` (site-relative) to downloads/<file>."""
    here = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    return posixpath.relpath(f"{FOLDER}/{file}", here or ".")


def _item(entry: dict, label: str, page_url: str, page_lang: str) -> str:
    lang = entry["lang"]  # the entry is described in its own language
    facts = [human_size(entry["bytes"], lang)]
    if entry.get("pages"):
        facts.append(plural(ui(lang)["downloads_pages"], entry["pages"], lang))
    hreflang = "" if lang == page_lang else f' hreflang="{lang}"'
    return (f'<li><a href="{html.escape(href(page_url, entry["file"]))}" download{hreflang}>{html.escape(label)}</a>'
            f' <span class="kb-downloads__size">({html.escape("، ".join(facts) if lang == "ar" else ", ".join(facts))})'
            f'</span></li>')


def kit_box(manifest: dict, kit: str, page_url: str, lang: str) -> str:
    """The kit's facilitator guide and handout in the page's language, or '' when they were not exported."""
    strings = ui(lang)
    entries = [e for e in manifest["files"] if e.get("kit") == kit and e["lang"] == lang]
    if not entries:
        return ""
    items = "".join(_item(e, strings[f"downloads_{e['kind'].replace('-', '_')}"], page_url, lang)
                    for e in sorted(entries, key=lambda e: e["kind"] != "facilitator-guide"))
    return (f'<div class="kb-downloads admonition abstract"><p class="admonition-title">'
            f'{html.escape(strings["downloads_title"])}</p><ul>{items}</ul></div>')


def home_box(manifest: dict, page_url: str, lang: str) -> str:
    """The home page's downloads: the whole knowledge base and the offline copy in the page's language, or ''."""
    strings = ui(lang)
    entries = [e for kind in ("knowledge-base", "offline") for e in manifest["files"]
               if e["kind"] == kind and e["lang"] == lang]
    items = "".join(_item(e, strings["downloads_kb" if e["kind"] == "knowledge-base" else "downloads_offline"],
                          page_url, lang) for e in entries)
    return f'<ul class="kb-home-downloads">{items}</ul>' if items else ""


def downloads_listing(manifest: dict, page_url: str, lang: str, names: dict) -> str:
    """The downloads page's body: this language's files first, then the other language's (headed by its
    name in `names`, {code: name}), with sizes."""
    strings = ui(lang)
    if not manifest["files"]:
        text = html.escape(strings["downloads_none"]).replace("{command}", "<code>make pdf</code>")
        return f'<p class="kb-downloads-none">{text}</p>'
    out = []
    langs = sorted({e["lang"] for e in manifest["files"]}, key=lambda code: code != lang)
    for code in langs:
        entries = [e for e in manifest["files"] if e["lang"] == code]
        attrs = "" if code == lang else f' lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}"'
        out.append(f'<section class="kb-downloads-lang"{attrs}><h2 id="downloads-{code}">'
                   f'{html.escape(names.get(code, code))}</h2><ul>')
        s = ui(code)
        for kind in ("knowledge-base", "offline"):
            out += [_item(e, s[f"downloads_{'kb' if kind == 'knowledge-base' else kind}"], page_url, lang)
                    for e in entries if e["kind"] == kind]
        out.append("</ul>")
        for kit in sorted({e["kit"] for e in entries if e.get("kit")}):
            title = next((e.get("title") for e in entries if e.get("kit") == kit and e.get("title")), kit)
            out.append(f"<h3>{html.escape(title)}</h3><ul>")
            out += [_item(e, s[f"downloads_{e['kind'].replace('-', '_')}"], page_url, lang)
                    for e in sorted(entries, key=lambda e: e["kind"] != "facilitator-guide") if e.get("kit") == kit]
            out.append("</ul>")
        out.append("</section>")
    if manifest.get("edition"):
        from babel.dates import format_date
        day = format_date(datetime.date.fromisoformat(manifest["edition"]), format="long", locale=lang)
        out.append(f'<p class="kb-downloads-edition">{html.escape(strings["downloads_edition"].format(date=day))}</p>')
    return "".join(out)


# A page's downloads between two comments that say what they list, so an export can list its files on the
# built pages without building the site again (make pdf: build, export, fill).
_SLOT = re.compile(r"<!--kb-downloads (\{[^>]*\})-->.*?<!--/kb-downloads-->", re.S)


def slot(what: dict, manifest: dict, names: dict) -> str:
    """The downloads of one page, marked: {"page": "kit", "kit": src} or {"page": "downloads"}, with the
    page's "url" and "lang"."""
    mark = json.dumps(what, ensure_ascii=False, sort_keys=True)
    if "--" in mark or ">" in mark:
        raise DownloadsError(f"{what.get('url')}: cannot mark downloads for {mark}")
    if what["page"] == "downloads":
        body = downloads_listing(manifest, what["url"], what["lang"], names)
    elif what["page"] == "home":
        body = home_box(manifest, what["url"], what["lang"])
    else:
        body = kit_box(manifest, what["kit"], what["url"], what["lang"])
    return f"<!--kb-downloads {mark}-->{body}<!--/kb-downloads-->"


def fill(text: str, manifest: dict, names: dict) -> str:
    """Every marked slot of a page (HTML) listing the manifest's files."""
    return _SLOT.sub(lambda m: slot(json.loads(m[1]), manifest, names), text)


def fill_site(site_dir: Path, manifest: dict, source: Path, names: dict) -> list[Path]:
    """List the manifest's files on every marked page of a built site and copy them into it; the pages
    changed."""
    changed = []
    for page in sorted(Path(site_dir).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "<!--kb-downloads " not in text:
            continue
        filled = fill(text, manifest, names)
        if filled != text:
            page.write_text(filled, encoding="utf-8")
            changed.append(page)
    copy_files(manifest, source, site_dir)
    return changed


def insert_after_h1(content: str, box: str) -> str:
    end = content.find("</h1>")
    return content if end < 0 or not box else content[:end + 5] + box + content[end + 5:]


def copy_files(manifest: dict, source: Path, site_dir: Path) -> None:
    dest = Path(site_dir) / FOLDER
    for entry in manifest["files"]:
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / entry["file"], dest / entry["file"])
