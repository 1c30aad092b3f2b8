"""Exports: the knowledge base and each workshop kit as PDFs (WeasyPrint on the built pages, with a print
stylesheet of our own), an offline copy of the site per language as a zip, and the manifest of downloads.

Run it with `python -m kb pdf [pdf|offline|all] [--site DIR] [--out DIR]`.
"""
from __future__ import annotations

import datetime
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import tinyhtml5
import yaml

from kb import arabic, sections
from kb import content as page_index
from kb.downloads import DOWNLOADS_PAGE, MANIFEST

ROOT = Path(__file__).resolve().parents[1]
PRINT_CSS = Path(__file__).with_name("print.css")
# The downloads page describes the exports themselves: it is left out of the printed knowledge base.
NOT_PRINTED = {DOWNLOADS_PAGE}
# Elements of a built page that mean nothing on paper.
DROP = ("a.headerlink", "a.md-content__button", "aside.md-source-file", "div.kb-downloads", "aside.kb-cite",
        "script", "form", "input", "label.md-annotation__index")
FONT_FILES = {  # family, weight, style -> file in assets/fonts (the self-hosted fonts, nothing else)
    ("Noto Sans", 400, "normal"): "noto-sans-latin-400-normal.woff2",
    ("Noto Sans", 400, "italic"): "noto-sans-latin-400-italic.woff2",
    ("Noto Sans", 700, "normal"): "noto-sans-latin-700-normal.woff2",
    ("Noto Sans", 700, "italic"): "noto-sans-latin-700-italic.woff2",
    ("Noto Naskh Arabic", 400, "normal"): "noto-naskh-arabic-arabic-400-normal.woff2",
    ("Noto Naskh Arabic", 700, "normal"): "noto-naskh-arabic-arabic-700-normal.woff2",
}


class ExportError(Exception):
    """A problem with the input, reported as `path: message` without a traceback."""


# ── The site: languages, navigation, kits ─────────────────────────────────────────────────────────

@dataclass
class Language:
    code: str
    name: str
    site_name: str
    description: str
    default: bool
    nav_translations: dict = field(default_factory=dict)

    @property
    def prefix(self) -> str:
        return "" if self.default else f"{self.code}/"

    @property
    def dir(self) -> str:
        return "rtl" if self.code in ("ar", "fa", "he", "ur") else "ltr"


@dataclass
class Site:
    config_file: Path
    site_url: str
    nav: list
    languages: list[Language]

    @property
    def docs_dir(self) -> Path:
        return self.config_file.parent / "docs"

    def navigation(self, lang: str) -> list:
        """The nav as the site shows it in `lang`: each `<folder>/*` entry replaced by its pages (kb/sections.py)."""
        if not sections.patterns(self.nav):
            return self.nav
        return sections.expand(self.nav, page_index.current(self.docs_dir).meta(lang))


def load_site(config_file: Path = ROOT / "mkdocs.yml") -> Site:
    """Read languages and navigation from mkdocs.yml (MkDocs' own loader, so !ENV tags resolve)."""
    from mkdocs.utils.yaml import yaml_load
    with open(config_file, encoding="utf-8") as f:
        config = yaml_load(f)
    i18n = next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None)
    if not i18n:
        raise ExportError(f"{config_file}: the i18n plugin is not configured")
    langs = [Language(code=lang["locale"], name=lang.get("name", lang["locale"]),
                      site_name=lang.get("site_name", config["site_name"]),
                      description=" ".join(str(lang.get("site_description", "")).split()),
                      default=bool(lang.get("default")), nav_translations=lang.get("nav_translations") or {})
             for lang in i18n["languages"] if lang.get("build", True)]
    return Site(Path(config_file), config.get("site_url") or "/", config.get("nav") or [], langs)


@dataclass
class NavEntry:
    src: str | None      # page path relative to the language folder; None for a section without a page
    title: str | None    # section title (from nav) when there is no page
    depth: int


def flatten_nav(nav: list, depth: int = 1) -> list[NavEntry]:
    """The nav as a flat list in reading order; a section's index page stands for the section itself."""
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(NavEntry(item, None, depth))
            continue
        (title, value), = item.items()
        if isinstance(value, str):
            out.append(NavEntry(value, None, depth))
            continue
        children = list(value)
        first = children[0] if children else None
        if isinstance(first, str) and posixpath.basename(first) == "index.md":
            out.append(NavEntry(first, None, depth))
            children = children[1:]
        else:
            out.append(NavEntry(None, title, depth))
        out.extend(flatten_nav(children, depth + 1))
    return out


def built_path(src: str, lang: Language) -> str:
    """The built file of a page, relative to the site root (directory URLs)."""
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        return lang.prefix + stem + ".html"
    return lang.prefix + stem + "/index.html"


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    try:
        return yaml.safe_load(text[3:end]) or {} if end > 0 else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ExportError(f"{path}:{(mark.line + 1) if mark else 1}: malformed front matter") from None


def workshop_kits(site: Site, lang: Language) -> list[str]:
    """Paths (relative to the language folder) of the workshop kits in `lang`, sorted."""
    folder = site.docs_dir / lang.code / "workshops"
    return sorted(f"workshops/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*.md")
                  if front_matter(p).get("kind") == "workshop-kit")


def ui_strings(lang: str) -> dict:
    """The UI strings of `lang` (kb/data/ui.yml, shared with the templates and hooks)."""
    from kb.data import ui
    return ui().get(lang) or {}


def edition_date() -> datetime.date:
    """The edition date: SOURCE_DATE_EPOCH when set (reproducible builds), else the last commit, else today."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.UTC).date()
    out = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        return datetime.date.fromisoformat(out.stdout.strip())
    return datetime.date.today()


def format_date(day: datetime.date, lang: str) -> str:
    from babel.dates import format_date as babel_format
    return babel_format(day, format="long", locale=lang)


# ── Reading built pages ───────────────────────────────────────────────────────────────────────────

def _matches(el: ET.Element, selector: str) -> bool:
    tag, _, cls = selector.partition(".")
    return el.tag == tag and (not cls or cls in (el.get("class") or "").split())


def _remove(root: ET.Element, selectors) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if any(_matches(child, s) for s in selectors):
                tail = child.tail
                index = list(parent).index(child)
                parent.remove(child)
                if tail:  # keep the text that followed the removed element
                    if index:
                        prev = parent[index - 1]
                        prev.tail = (prev.tail or "") + tail
                    else:
                        parent.text = (parent.text or "") + tail


def text_of(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


@dataclass
class BuiltPage:
    path: str            # built file, relative to the site root
    article: ET.Element  # the page's content, cleaned for print
    title: str


def read_page(site_dir: Path, path: str) -> BuiltPage:
    file = site_dir / path
    if not file.exists():
        raise ExportError(f"{file}: built page not found (run the site build first)")
    root = tinyhtml5.parse(file.read_text(encoding="utf-8"), namespace_html_elements=False)
    article = next((el for el in root.iter("article") if "md-content__inner" in (el.get("class") or "")), None)
    if article is None:
        raise ExportError(f"{file}: no <article class=\"md-content__inner\"> in the built page")
    _remove(article, DROP)
    h1 = article.find(".//h1")
    return BuiltPage(path, article, text_of(h1) if h1 is not None else path)


# ── Assembling one print document ─────────────────────────────────────────────────────────────────

class Document:
    """One print document built from parts of several pages: ids made unique (ASCII), links retargeted to
    the parts inside the document, everything else made absolute (site URL) so it still works on paper."""

    def __init__(self, site_dir: Path, site_url: str):
        self.site_dir, self.site_url = site_dir, site_url
        self.parts: list[tuple[str, ET.Element]] = []   # (built path, content element)
        self.ids: dict[tuple[str, str], str] = {}       # (built path, original id) -> document id
        self.page_ids: dict[str, str] = {}              # built path -> id of its first element

    def add(self, path: str, content: ET.Element, wrapper: ET.Element) -> None:
        n = len(self.page_ids) if path not in self.page_ids else None
        if n is not None:
            self.page_ids[path] = wrapper.get("id") or f"p{n}"
            wrapper.set("id", self.page_ids[path])
        for el in content.iter():
            if el.get("id"):
                self.ids[(path, el.get("id"))] = f"{self.page_ids[path]}-{len(self.ids)}"
        wrapper.append(content)
        self.parts.append((path, content))

    def _target(self, path: str, href: str) -> str:
        if href.startswith(("mailto:", "tel:", "data:")):
            return href
        page_url = "/" + path.removesuffix("index.html")  # the page's directory URL, as the site links it
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return href
        target = unquote(parts.path).lstrip("/")
        if not target or target.endswith("/"):
            target += "index.html"
        fragment = unquote(parts.fragment)
        if target in self.page_ids:
            if not fragment:
                return "#" + self.page_ids[target]
            if (target, fragment) in self.ids:
                return "#" + self.ids[(target, fragment)]
        # Not in this document: the page on the published site.
        return urljoin(self.site_url, url.lstrip("/"))

    def resolve(self) -> None:
        for path, content in self.parts:
            for el in content.iter():
                if el.get("id"):
                    el.set("id", self.ids[(path, el.get("id"))])
                if el.tag == "a" and el.get("href"):
                    el.set("href", self._target(path, el.get("href")))
                if el.tag in ("img", "source") and el.get("src"):
                    src = urlsplit(el.get("src"))
                    if not src.scheme:
                        local = (self.site_dir / posixpath.dirname(path) / unquote(src.path)).resolve()
                        el.set("src", local.as_uri())


def _font_faces(site_dir: Path) -> str:
    fonts = site_dir / "assets" / "fonts"
    rules = []
    for (family, weight, style), name in FONT_FILES.items():
        file = fonts / name
        if not file.exists():
            raise ExportError(f"{file}: self-hosted font missing from the built site")
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
                     f'src: url("{file.as_uri()}") format("woff2"); }}')
    return "\n".join(rules)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _counter_content(template: str, lang: str) -> str:
    """'Page {page} of {pages}' -> CSS content with page counters (Arabic-Indic digits in Arabic)."""
    style = ", arabic-indic" if lang == "ar" else ""
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            out.append(f"counter(page{style})")
        elif piece == "{pages}":
            out.append(f"counter(pages{style})")
        elif piece:
            out.append(_css_string(piece))
    return " ".join(out)


def page_css(lang: Language, ui: dict, header: str) -> str:
    """The language's running header and footer (margin boxes take the page's direction by side)."""
    start, end = ("right", "left") if lang.dir == "rtl" else ("left", "right")
    digits = ", arabic-indic" if lang.code == "ar" else ""
    return f"""
@page {{
  @top-{start} {{ content: {_css_string(header)}; }}
  @top-{end} {{ content: string(chapter); }}
  @bottom-{start} {{ content: {_css_string(lang.site_name)}; }}
  @bottom-{end} {{ content: {_counter_content(ui['export_page_of'], lang.code)}; }}
}}
.toc a::after {{ content: leader(".") target-counter(attr(href), page{digits}); }}
"""


def _el(tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    el.text = text
    return el


def render_html(doc: Document, body: ET.Element, lang: Language, title: str, header: str) -> str:
    doc.resolve()
    ui = ui_strings(lang.code)
    html = _el("html", lang=lang.code, dir=lang.dir)
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", charset="utf-8")
    ET.SubElement(head, "title").text = title
    style = ET.SubElement(head, "style")
    style.text = "\n".join([_font_faces(doc.site_dir), PRINT_CSS.read_text(encoding="utf-8"),
                            page_css(lang, ui, header)])
    html.append(body)
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html")


def licence_line(lang: str) -> ET.Element:
    """The content licence with its deed's address, printed on every export (paper has no footer link)."""
    licence = ui_strings(lang)["licence"]
    return _el("p", licence["print"].format(url=licence["url"]), class_="licence")


def cover(title: str, subtitle: str, edition: str, lang: str) -> ET.Element:
    section = _el("section", class_="cover")
    section.append(_el("p", title, class_="cover-title"))
    if subtitle:
        section.append(_el("p", subtitle, class_="cover-subtitle"))
    section.append(_el("p", edition, class_="cover-edition"))
    section.append(licence_line(lang))
    return section


def knowledge_base_html(site: Site, site_dir: Path, lang: Language, edition: datetime.date) -> str:
    """The whole knowledge base in `lang`: cover, contents with page numbers, then every page in nav order."""
    ui = ui_strings(lang.code)
    doc = Document(site_dir, site.site_url)
    body = ET.Element("body")
    body.append(cover(lang.site_name, lang.description,
                      ui["export_edition"].format(date=format_date(edition, lang.code)), lang.code))
    toc = _el("nav", class_="toc")
    toc.append(_el("h1", ui["export_contents"], class_="toc-title"))
    toc_list = ET.SubElement(toc, "ul")
    body.append(toc)
    for n, entry in enumerate(e for e in flatten_nav(site.navigation(lang.code)) if e.src not in NOT_PRINTED):
        depth = min(entry.depth, 3)
        if entry.src is None:
            title = lang.nav_translations.get(entry.title, entry.title)
            section = _el("section", class_=f"part depth-{depth}", id=f"s{n}")
            section.append(_el("h1", title))
            body.append(section)
            toc_list.append(_toc_item(title, f"#s{n}", depth))
            continue
        page = read_page(site_dir, built_path(entry.src, lang))
        section = _el("section", class_=f"page depth-{depth}")
        doc.add(page.path, page.article, section)
        body.append(section)
        toc_list.append(_toc_item(page.title, "#" + doc.page_ids[page.path], depth))
    return render_html(doc, body, lang, lang.site_name, lang.site_name)


def _toc_item(title: str, href: str, depth: int) -> ET.Element:
    li = _el("li", class_=f"depth-{depth}")
    li.append(_el("a", title, href=href))
    return li


def handout_part(article: ET.Element, path: str) -> ET.Element:
    """The kit's handout: from the heading with id `handout` up to the Sources heading (id `sources`)."""
    children = list(article)
    start = next((i for i, el in enumerate(children) if el.get("id") == "handout"), None)
    if start is None:
        raise ExportError(f"{path}: the workshop kit has no section with id 'handout'")
    level = children[start].tag
    part = ET.Element("div", {"class": "handout"})
    for el in children[start:]:
        if el is not children[start] and (el.get("id") == "sources" or el.tag == level and el.tag == "h1"):
            break
        part.append(el)
    return part


def kit_html(site: Site, site_dir: Path, lang: Language, src: str, which: str, edition: datetime.date) -> str:
    """A workshop kit's facilitator guide (the whole kit page) or participant handout (its handout section)."""
    ui = ui_strings(lang.code)
    page = read_page(site_dir, built_path(src, lang))
    label = ui[f"export_{which.replace('-', '_')}"]
    doc = Document(site_dir, site.site_url)
    body = ET.Element("body", {"class": f"kit {which}"})
    body.append(_el("p", f"{label} · {lang.site_name} · "
                    + ui["export_edition"].format(date=format_date(edition, lang.code)), class_="kit-label"))
    section = _el("section", class_="page depth-1")
    if which == "handout":
        content = handout_part(page.article, page.path)
        content.insert(0, _el("h1", page.title, class_="kit-title"))
    else:
        content = page.article
        for el in content.iter():  # the handout starts on its own sheet, so it can be copied for the room
            if el.get("id") == "handout":
                el.set("class", ((el.get("class") or "") + " handout-start").strip())
    doc.add(page.path, content, section)
    body.append(section)
    body.append(licence_line(lang.code))  # after the handout too: the sheet copied for the room carries it
    return render_html(doc, body, lang, f"{page.title}: {label}", label)


def _with_actual_text(draw_first_line):
    """Wrap WeasyPrint's drawing of a text run so Arabic runs carry their text as /ActualText.

    Noto Naskh Arabic draws many letters as a shared dotless skeleton plus dot marks (its ccmp feature), so
    the one-text-per-glyph ToUnicode map cannot say which letter a glyph was: copied or searched text came
    out as the wrong letters. A marked-content span with /ActualText gives readers (poppler, Acrobat) the
    run's logical text."""
    import pydyf

    def draw(stream, textbox, *args, **kwargs):
        if not arabic.has_script(textbox.text):
            return draw_first_line(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(textbox.text)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()
    draw.wrapped = True
    return draw


def write_pdf(html: str, out: Path, base: Path) -> None:
    from weasyprint import HTML
    from weasyprint.draw import text as weasy_text
    if not getattr(weasy_text.draw_first_line, "wrapped", False):
        weasy_text.draw_first_line = _with_actual_text(weasy_text.draw_first_line)
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=base.as_uri() + "/").write_pdf(out)


# ── Offline bundles ───────────────────────────────────────────────────────────────────────────────

def build_offline(site: Site, dest: Path, downloads: Path) -> None:
    """A separate strict build with Material's offline plugin (file:// links, inlined search index)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KB_OFFLINE="true", KB_DOWNLOADS=str(downloads))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                             "-f", str(site.config_file), "-d", str(dest)],
                            cwd=site.config_file.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise ExportError(f"{site.config_file}: offline build failed:\n{result.stdout}{result.stderr}")


def launcher(lang: Language, folder: str) -> str:
    """The bundle's entry page: opens the site in the bundle's language (works from file://)."""
    target = f"{folder}/{lang.prefix}index.html"
    return (f'<!DOCTYPE html>\n<html lang="{lang.code}" dir="{lang.dir}"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="0; url={target}"><title>{lang.site_name}</title></head>'
            f'<body><p><a href="{target}">{lang.site_name}</a></p></body></html>\n')


def zip_offline(offline_dir: Path, lang: Language, out: Path) -> None:
    """offline-site-<lang>.zip: index.html (opens the site in `lang`) and the bilingual site under site/."""
    out.parent.mkdir(parents=True, exist_ok=True)
    top = out.stem
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(f"{top}/index.html", launcher(lang, "site"))
        for file in sorted(offline_dir.rglob("*")):
            if file.is_file() and not file.name.endswith((".map", ".gz")):
                z.write(file, f"{top}/site/{file.relative_to(offline_dir).as_posix()}")


# ── The export run and its manifest ───────────────────────────────────────────────────────────────

def kit_slug(src: str) -> str:
    return posixpath.splitext(src)[0].split("/", 1)[-1].replace("/", "-")


def pdf_files(site: Site) -> list[dict]:
    """Every PDF export as {file, lang, kind, kit}: the knowledge base, then each kit's guide and handout."""
    files = []
    for lang in site.languages:
        files.append({"file": f"knowledge-base-{lang.code}.pdf", "lang": lang.code, "kind": "knowledge-base",
                      "kit": None})
        for src in workshop_kits(site, lang):
            title = front_matter(site.docs_dir / lang.code / src).get("title") or src
            for which in ("facilitator-guide", "handout"):
                files.append({"file": f"{kit_slug(src)}-{which}-{lang.code}.pdf", "lang": lang.code,
                              "kind": which, "kit": src, "title": title})
    return files


def read_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"files": []}


def write_manifest(out: Path, entries: list[dict], edition: datetime.date) -> None:
    keep = {e["file"]: e for e in read_manifest(out).get("files", []) if (out / e["file"]).exists()}
    for entry in entries:
        keep[entry["file"]] = dict(entry, bytes=(out / entry["file"]).stat().st_size)
    data = {"edition": edition.isoformat(), "files": sorted(keep.values(), key=lambda e: e["file"])}
    (out / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def export_pdfs(site: Site, site_dir: Path, out: Path, log=print) -> list[dict]:
    edition = edition_date()
    langs = {lang.code: lang for lang in site.languages}
    entries = []
    for entry in pdf_files(site):
        lang = langs[entry["lang"]]
        started = time.perf_counter()
        if entry["kind"] == "knowledge-base":
            html = knowledge_base_html(site, site_dir, lang, edition)
        else:
            html = kit_html(site, site_dir, lang, entry["kit"], entry["kind"], edition)
        write_pdf(html, out / entry["file"], site_dir)
        from pypdf import PdfReader
        entry["pages"] = len(PdfReader(out / entry["file"]).pages)
        entries.append(entry)
        log(f"export: {entry['file']} ({entry['pages']} pages, {time.perf_counter() - started:.1f} s)")
    write_manifest(out, entries, edition)
    return entries


def export_offline(site: Site, out: Path, log=print) -> list[dict]:
    entries = []
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as tmp:
        started = time.perf_counter()
        build_offline(site, Path(tmp) / "site", out)
        log(f"export: offline build ({time.perf_counter() - started:.1f} s)")
        for lang in site.languages:
            entry = {"file": f"offline-site-{lang.code}.zip", "lang": lang.code, "kind": "offline", "kit": None}
            zip_offline(Path(tmp) / "site", lang, out / entry["file"])
            entries.append(entry)
            log(f"export: {entry['file']}")
    write_manifest(out, entries, edition_date())
    return entries


def publish(site: Site, site_dir: Path, out: Path) -> None:
    """The exports listed on the built pages (kit boxes, the downloads page) and copied into the site."""
    from kb.downloads import DownloadsError, fill_site, load_manifest
    try:
        fill_site(site_dir, load_manifest(out), out, {lang.code: lang.name for lang in site.languages})
    except DownloadsError as e:
        raise ExportError(str(e)) from None


def run(what: str, site_dir: Path, out: Path, config: Path, publish_: bool = False) -> int:
    """Export `what` (pdf, offline or all) of the site built in `site_dir` into `out`, and with `publish_` list
    them on the site's pages; 1 with one line on failure."""
    site_dir, out, config = Path(site_dir).resolve(), Path(out).resolve(), Path(config).resolve()
    try:
        site = load_site(config)
        out.mkdir(parents=True, exist_ok=True)
        if what in ("pdf", "all"):
            if not (site_dir / "index.html").exists():
                raise ExportError(f"{site_dir}: no built site here (run `make build` first)")
            export_pdfs(site, site_dir, out)
        if what in ("offline", "all"):
            export_offline(site, out)
        if publish_:
            publish(site, site_dir, out)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0
