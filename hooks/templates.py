"""Hook: give the templates in overrides/ the content model's data: vocabulary labels, UI strings, durations."""
import jinja2

from kb.data import label, sources, vocabularies
from kb.html import site_relative
from kb.render import agenda_rows, duration_text, t


class _SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the whole process: each language's build (and each rebuild
    of `mkdocs serve`) makes a new environment, and would compile Material's ~50 templates again. Jinja
    keys each entry by template and source checksum, so an edited template is compiled afresh."""

    def __init__(self):
        self.store = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store and bucket.checksum == self.store[bucket.key][0]:
            bucket.code = self.store[bucket.key][1]

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = (bucket.checksum, bucket.code)


_BYTECODE = _SharedBytecode()


def on_env(env, config, files):
    env.bytecode_cache = _BYTECODE
    # |tojson writes Arabic as itself, not \uXXXX (six bytes a letter: the Arabic glossary's JSON-LD is
    # 42 kB, not 66); it still escapes <, >, & and ' (jinja2.utils.htmlsafe_json_dumps).
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals["kb"] = {"label": label, "t": t, "duration": duration_text, "agenda_rows": agenda_rows,
                         "vocabularies": vocabularies(), "sources": sources()}
    env.filters["kb_site_relative"] = _site_relative
    return env


@jinja2.pass_context
def _site_relative(context, href: str) -> str:
    """A root-absolute link into the site, relative to the page being rendered (partials/alternate.html)."""
    page, config = context.get("page"), context["config"]
    return site_relative(href, page.url if page else "", config.get("site_url") or "/")
