"""Hook: each page's last-updated date from one `git log` per build, in the page's language (kb/dates.py)."""
import time

from kb import dates
from kb.mkdocs_i18n import is_inner_build, page_language

_changes: dict[str, int] = {}
_build_time = time.time()  # set again by each build's on_config


def on_config(config):
    global _build_time
    if is_inner_build(config):
        return  # the i18n plugin's build of another language: same history, same build date
    _changes.clear()
    _changes.update(dates.last_changes(config["docs_dir"]))
    _build_time = time.time()
    dates.history.update(changes=_changes, build_time=_build_time)


def on_page_markdown(markdown, page, config, files):
    stamp = dates.page_timestamp(_changes, config["docs_dir"], page.file.abs_src_path,
                                 bool(getattr(page.file, "generated_by", None)), _build_time)
    page.meta[dates.META_KEY] = dates.date_html(stamp, page_language(page.file, config))
    page.meta[dates.DATE_KEY] = dates.day_of(stamp)
    page.meta[dates.TIME_KEY] = stamp
