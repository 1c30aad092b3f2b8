"""Hook: the open data (kb/opendata.py): each page's catalogue rows and feed entry collected as it renders, the
catalogue (data/catalogue.<lang>.json|csv, data/catalogue.schema.json) and the Atom feeds (feed.xml, ar/feed.xml)
written after each language's build, and the section listing them added to the downloads page."""
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from kb import dates, opendata
from kb.data import ui
from kb.downloads import DOWNLOADS_PAGE
from kb.languages import LANGS, OTHER, prefix
from kb.mkdocs_i18n import is_inner_build, page_language, page_path

_rows: dict[str, list] = {}
_entries: dict[str, list] = {}
_names: dict[str, str] = {}


def data_files(lang: str) -> dict[str, str]:
    """{what: path from the site root} of the open data of a language."""
    return {"json": f"data/catalogue.{lang}.json", "csv": f"data/catalogue.{lang}.csv",
            "schema": "data/catalogue.schema.json", "feed": f"{prefix(lang)}feed.xml"}


def on_config(config):
    if not is_inner_build(config):
        _rows.clear(), _entries.clear(), _names.clear()
    # For every page's footer (overrides/partials/copyright.html): each feed titled in its own language.
    config.extra["kb_feeds"] = {lang: {"href": data_files(lang)["feed"], "title": ui()[lang]["opendata"]["feed"]}
                                for lang in LANGS}


def on_page_context(context, page, config, nav):
    lang, path = page_language(page.file, config), page_path(page.file)
    _names[lang] = config.site_name
    site_url = config.site_url or "/"
    url = urljoin(site_url, page.url)
    other = urljoin(site_url, prefix(OTHER[lang]) + page.url[len(prefix(lang)):])
    day = page.meta.get(dates.DATE_KEY)
    _rows.setdefault(lang, []).extend(opendata.rows(lang, path, page.meta, url, other, day.isoformat() if day else ""))
    if not getattr(page.file, "generated_by", None):  # generated pages change at every build
        _entries.setdefault(lang, []).append({"url": url, "title": page.meta.get("title") or page.title,
                                              "summary": page.meta.get("description"),
                                              "updated": page.meta.get(dates.TIME_KEY) or 0})
    return context


def on_page_content(html, page, config, files):
    if page_path(page.file) != DOWNLOADS_PAGE:
        return html
    lang = page_language(page.file, config)
    s = ui()[lang]["opendata"]
    here = posixpath.dirname(page.url.rstrip("/") + "/x")  # the page's folder: downloads/ or ar/downloads/
    links = "".join(f'<li><a href="{posixpath.relpath(target, here)}" hreflang="{lang}">{s[what]}</a></li>'
                    for what, target in data_files(lang).items())
    return html + (f'\n<h2 id="open-data">{s["heading"]}</h2>\n<p>{s["intro"]}</p>\n'
                   f'<ul class="kb-open-data">{links}</ul>\n')


def on_post_build(config):
    site = Path(config.site_dir)
    (site / "data").mkdir(exist_ok=True)
    (site / "data" / "catalogue.schema.json").write_text(opendata.schema(), encoding="utf-8")
    for lang, rows in _rows.items():
        licence = ui()[lang]["licence"]
        paths = data_files(lang)
        (site / paths["json"]).write_text(opendata.catalogue_json(lang, _names[lang], licence["url"], rows),
                                          encoding="utf-8")
        (site / paths["csv"]).write_text(opendata.catalogue_csv(rows), encoding="utf-8", newline="")
        home = urljoin(config.site_url or "/", prefix(lang))
        title = ui()[lang]["opendata"]["feed_title"].format(site=_names[lang])
        rights = f"{licence['name']} ({licence['short']}): {licence['url']}"
        feed = site / paths["feed"]
        feed.parent.mkdir(parents=True, exist_ok=True)
        feed.write_text(opendata.atom(lang, title, home, urljoin(home, "feed.xml"), rights, _entries.get(lang, [])),
                        encoding="utf-8")
