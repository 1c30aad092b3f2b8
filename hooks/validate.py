"""Hook: read and validate all content once before anything is built (the page index, kb/content.py, that the
other hooks read); a bad page fails the build with the full report."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import content, data
from kb.mkdocs_i18n import FIRST, is_inner_build
from kb.problems import report
from kb.validate import validate_tree


@event_priority(FIRST)  # first, before the i18n plugin reconfigures anything and before the site folder is cleaned
def on_config(config):
    if is_inner_build(config):
        return config  # the i18n plugin's build of another language: this build read and validated everything
    data.reload()  # a rebuild of `mkdocs serve` after an edit of kb/data/ (watched: mkdocs.yml)
    content.use(None)
    index, problems = validate_tree(Path(config.docs_dir), Path(config.config_file_path).parent)
    if problems:
        raise PluginError(f"content validation failed, {len(problems)} problem(s):\n{report(problems)}")
    content.use(index)
    return config
