"""Reading built pages and assembling one print document from parts of several (the knowledge base, a kit's
facilitator guide or handout) as HTML for WeasyPrint."""
from __future__ import annotations

import datetime
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import tinyhtml5

from kb.export.css import PRINT_CSS, font_faces, page_css
from kb.export.site import NOT_PRINTED, ExportError, Language, Site, built_path, flatten_nav, format_date, ui_strings

# Elements of a built page that mean nothing on paper.
DROP = ("a.headerlink", "a.md-content__button", "aside.md-source-file", "div.kb-downloads", "aside.kb-cite",
        "script", "form", "input", "label.md-annotation__index")


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


_SVG = "{http://www.w3.org/2000/svg}"


def _plain_svg(root: ET.Element) -> None:
    """Inline SVG (the partnership map) as HTML writes it: ElementTree would print the parser's namespace as
    ns0:svg, which WeasyPrint reads as unknown text; in HTML the <svg> tag alone puts it in SVG's namespace."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(_SVG):
            el.tag = el.tag[len(_SVG):]
            for name in [n for n in el.attrib if n.startswith("{")]:
                del el.attrib[name]


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
    _plain_svg(article)
    h1 = article.find(".//h1")
    return BuiltPage(path, article, text_of(h1) if h1 is not None else path)


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
    style.text = "\n".join([font_faces(doc.site_dir), PRINT_CSS.read_text(encoding="utf-8"),
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
