"""Small rewrites of rendered HTML that Material's templates cannot express through blocks."""
import posixpath
import re
from html import escape
from urllib.parse import urlparse

_HTML_TAG = re.compile(r"<html\b([^>]*)>")
_BODY_DIR = re.compile(r'<body\b[^>]*\bdir="(ltr|rtl)"')


def set_html_dir(html: str) -> str:
    """Copy the body's text direction onto <html>, so lang and dir sit together on the root element."""
    body = _BODY_DIR.search(html)
    if not body:
        return html
    return _HTML_TAG.sub(lambda m: m.group(0) if "dir=" in m.group(1)
                         else f'<html{m.group(1)} dir="{body.group(1)}">', html, count=1)


_SITEMAP_DEFAULT = re.compile(r'(\s*)<xhtml:link rel="alternate" hreflang="(\w+)" href="([^"]+)"/>')


def sitemap_with_x_default(xml: str, default_lang: str) -> str:
    """Add an x-default alternate (the default language's URL) next to each URL's hreflang links; a sitemap
    that has them already is returned as it is."""
    if 'hreflang="x-default"' in xml:
        return xml

    def add(m):
        if m.group(2) != default_lang:
            return m.group(0)
        return f'{m.group(0)}{m.group(1)}<xhtml:link rel="alternate" hreflang="x-default" href="{m.group(3)}"/>'
    return _SITEMAP_DEFAULT.sub(add, xml)


def site_relative(href: str, page_url: str, site_url: str) -> str:
    """A root-absolute link into the site (the i18n plugin's switcher links on home pages) made relative to the page
    at `page_url`, so it works wherever the site is served: a preview folder, another path, the offline bundle."""
    site_path = urlparse(site_url).path or "/"
    if not href.startswith("/") or not href.startswith(site_path):
        return href
    here = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(href[len(site_path):].rstrip("/") or ".", here or ".")
    return "./" if rel == "." else rel + "/"


_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')


def page_lang(html: str, default: str) -> str:
    """The language on the page's <html> element."""
    m = _HTML_LANG.search(html)
    return m.group(1) if m else default


def name_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (it has role="dialog" and none)."""
    return _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{escape(label)}">', html, count=1)


def escape_meta_description(html: str, description: str | None) -> str:
    """Escape the page's description in its meta tag: Material prints it raw, so a quote in the front
    matter ended the attribute early."""
    if not description:
        return html
    raw = f'<meta name="description" content="{description}">'
    return html.replace(raw, f'<meta name="description" content="{escape(str(description))}">', 1)
