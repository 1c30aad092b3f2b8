"""Hook: lang/dir on <html>, absolute hreflang alternates with x-default on every page and in the sitemap."""
import gzip
from urllib.parse import urljoin
from pathlib import Path

from kb.html import absolute_alternates, relative_switcher_links, set_html_dir, sitemap_with_x_default

DEFAULT_LANG = "en"


def on_post_page(output, page, config):
    site_url = config.get("site_url") or "/"
    output = relative_switcher_links(set_html_dir(output), page.url, site_url)
    return absolute_alternates(output, urljoin(site_url, page.url), DEFAULT_LANG)


def on_post_build(config):
    sitemap = Path(config["site_dir"]) / "sitemap.xml"
    if sitemap.exists():
        xml = sitemap_with_x_default(sitemap.read_text(encoding="utf-8"), DEFAULT_LANG)
        sitemap.write_text(xml, encoding="utf-8")
        sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
