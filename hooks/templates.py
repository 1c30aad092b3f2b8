"""Hook: give the templates in overrides/ the content model's data: vocabulary labels, UI strings, durations."""
from kb.model import label, sources, vocabularies
from kb.render import agenda_rows, duration_text, t


def on_env(env, config, files):
    env.globals["kb"] = {"label": label, "t": t, "duration": duration_text, "agenda_rows": agenda_rows,
                         "vocabularies": vocabularies(), "sources": sources()}
    return env
