"""Hook: validate all content before anything is built; a bad page fails the build with the full report."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import model
from kb.validate import report, validate_tree


@event_priority(100)  # first, before the i18n plugin reconfigures anything and before the site folder is cleaned
def on_config(config):
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return config  # the i18n plugin's build of another language: this build validated everything already
    model.reload()  # a rebuild of `mkdocs serve` after an edit of kb/data/ (watched: mkdocs.yml)
    root = Path(config.config_file_path).parent
    _, problems = validate_tree(Path(config.docs_dir), root)
    if problems:
        raise PluginError(f"content validation failed, {len(problems)} problem(s):\n{report(problems)}")
    return config
