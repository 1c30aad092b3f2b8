"""Hook: the home page's entry blocks (kb/home.py) in the language being built: search, sections with their counts,
the featured pages, the pages changed last and the downloads, from the page index and the build's git history."""
import os
import posixpath

from kb import content, dates, home
from kb.mkdocs_i18n import page_language, page_path


def on_page_markdown(markdown, page, config, files):
    if page_path(page.file) != home.HOME or page.meta.get("kind") != "page":
        return markdown
    lang = page_language(page.file, config)
    pages = content.current(config.docs_dir).meta(lang)
    history = dates.history
    changed = [(dates.page_timestamp(history["changes"], config.docs_dir, os.path.join(config.docs_dir, lang, rel),
                                     False, history["build_time"]), rel) for rel in pages]
    # The form reloads this page with ?q=: "./" on the site, index.html in the offline bundle (file:// URLs).
    action = posixpath.basename(page.url) or "./"
    blocks = [home.search_box(lang, action), home.section_cards(pages, lang),
              home.featured(page.meta.get("featured") or [], pages, lang),
              home.recent(changed, pages, lang, lambda ts: dates.day_text(ts, lang)), home.downloads(lang)]
    return home.insert(markdown, "".join(home.block(b) for b in blocks))
