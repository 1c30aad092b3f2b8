"""Hook: download links with sizes (from the exports' manifest) on kit pages, the downloads page and the home page; the
exported files copied into site/downloads; in the offline export build, a local iframe-worker shim."""
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.downloads import DOWNLOADS_PAGE, DownloadsError, copy_files, insert_after_h1, load_manifest, slot, store
from kb.home import DOWNLOADS_SLOT, HOME
from kb.mkdocs_i18n import language_names, page_language, page_path
from kb.offline import is_offline_build

# Material's offline plugin adds this polyfill from unpkg.com; the bundle must make no outside request.
LOCAL_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@event_priority(-50)  # after the offline plugin's on_config
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [LOCAL_SHIM if "iframe-worker" in url else url for url in polyfills]


_manifest = {}


def on_files(files, config):
    """The exports' manifest, read once per language build (the files may differ in the offline build)."""
    try:
        _manifest["current"] = load_manifest(store(), is_offline_build(config))
    except DownloadsError as e:
        raise PluginError(str(e)) from None
    return files


def on_page_content(html, page, config, files):
    lang, path = page_language(page.file, config), page_path(page.file)
    manifest = _manifest["current"]
    if path == DOWNLOADS_PAGE:
        return html + slot({"page": "downloads", "url": page.url, "lang": lang}, manifest, language_names(config))
    if path == HOME and DOWNLOADS_SLOT in html:
        return html.replace(DOWNLOADS_SLOT, slot({"page": "home", "url": page.url, "lang": lang}, manifest, {}), 1)
    if page.meta.get("kind") == "workshop-kit":
        return insert_after_h1(html, slot({"page": "kit", "kit": path, "url": page.url, "lang": lang}, manifest, {}))
    return html


def on_post_build(config):
    copy_files(_manifest["current"], store(), config.site_dir)
