"""Hook: lang/dir on <html>, hreflang alternates with x-default in the sitemap (the pages' heads have none:
overrides/main.html, block site_meta), the meta description escaped, and the search dialog named in the page's
language."""
import gzip
from pathlib import Path

from mkdocs.plugins import event_priority

from kb.html import (
    escape_meta_description,
    name_search_dialog,
    set_html_dir,
    sitemap_with_x_default,
)
from kb.languages import DEFAULT_LANG
from kb.mkdocs_i18n import build_language, page_language
from kb.render import t

# Each language build renders a 404 page; the default language's is the one the site root must keep.
_not_found = {}


def on_post_page(output, page, config):
    output = set_html_dir(output)
    output = escape_meta_description(output, page.meta.get("description"))
    return name_search_dialog(output, t(page_language(page.file, config), "search_dialog"))


def on_post_template(output, template_name, config):
    # The 404 page is a theme template, not a page: it gets lang/dir here.
    if template_name != "404.html":
        return output
    output = set_html_dir(output)
    _not_found[build_language(config)] = (config["site_dir"], output)
    return output


@event_priority(-200)  # after mkdocs-static-i18n's post-build, which builds the other language
def on_post_build(config):
    # The second language's build (run inside the first's post-build) leaves its 404 page at the root.
    # (mkdocs-static-i18n reuses one config object for both builds, so the language is read at render time.)
    if DEFAULT_LANG in _not_found:
        site_dir, html = _not_found[DEFAULT_LANG]
        (Path(site_dir) / "404.html").write_text(html, encoding="utf-8")
    sitemap = Path(config["site_dir"]) / "sitemap.xml"
    # Both language builds end here with the same site folder: the sitemap is rewritten once.
    before = sitemap.read_text(encoding="utf-8") if sitemap.exists() else ""
    xml = sitemap_with_x_default(before, DEFAULT_LANG)
    if xml != before:
        sitemap.write_text(xml, encoding="utf-8")
        sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
