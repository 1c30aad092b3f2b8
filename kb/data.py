"""The data files, one source for each fact: vocabularies, the source registry and the UI strings (each loaded
once per process, reloaded by `mkdocs serve` on an edit), and the check of the files themselves."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from kb import text_controls
from kb.frontmatter import FAST_LOADER, child
from kb.languages import DEFAULT_LANG, LANGS
from kb.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kb" / "data"


def load_yaml(text: str):
    """YAML data, parsed with libyaml when PyYAML has it; the pure-Python parser words the errors."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree (with line marks), as load_yaml parses."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _load(name: str) -> dict:
    return load_yaml((DATA / name).read_text(encoding="utf-8")) or {}


@functools.cache
def vocabularies() -> dict:
    """Controlled vocabularies: {vocabulary: {term: {en: label, ar: label}}}."""
    return _load("vocabularies.yml")


@functools.cache
def sources() -> dict:
    """The source registry: {source id: {title, title_ar, type, publisher, place, date, file}}."""
    return _load("sources.yml")


@functools.cache
def ui() -> dict:
    """UI strings the theme does not translate: {lang: {key: text}}."""
    return _load("ui.yml")


def reload():
    """Forget the data files read so far: `mkdocs serve` rebuilds in the same process when one changes."""
    for cached in (vocabularies, sources, ui):
        cached.cache_clear()


def label(vocabulary: str, term: str, lang: str) -> str:
    """The label of a vocabulary term in `lang` (the term itself when it is unknown)."""
    entry = vocabularies().get(vocabulary, {}).get(term)
    return entry.get(lang) or entry.get(DEFAULT_LANG) if entry else str(term)


def check_data() -> list[Problem]:
    """The data files themselves: every vocabulary term and source field has an English and an Arabic
    text, every source a title, and ui.yml the same keys in both languages."""
    out = []

    def where(name, *keys):
        with open(DATA / name, encoding="utf-8") as f:
            node = yaml.compose(f, Loader=yaml.SafeLoader)
        line = 1
        for key in keys:
            k, node = child(node, key)
            if k is None:
                break
            line = k.start_mark.line + 1
        return line

    def bilingual(name, keys, value):
        if not (isinstance(value, dict) and set(value) == set(LANGS)
                and all(isinstance(v, str) and v.strip() for v in value.values())):
            out.append(Problem(f"kb/data/{name}", where(name, *keys), ".".join(keys),
                               f"must have exactly an en and an ar text, not {value!r}",
                               'quote a text that contains a comma or a colon: {en: "a, b", ar: ...}'))

    for vocab, terms in vocabularies().items():
        for term, labels in (terms or {}).items():
            bilingual("vocabularies.yml", (vocab, term), labels)
    for sid, source in sources().items():
        for key in ("title", "title_ar"):
            if not isinstance(source.get(key), str):
                out.append(Problem("kb/data/sources.yml", where("sources.yml", sid), f"{sid}.{key}", "missing"))
        for key in ("type", "publisher", "place"):
            if key in source or key != "place":
                bilingual("sources.yml", (sid, key), source.get(key))
        if source.get("date") is not None and not isinstance(source["date"], str):
            out.append(Problem("kb/data/sources.yml", where("sources.yml", sid, "date"), f"{sid}.date",
                               "must be a quoted date as the document gives it, or null"))
    for file in sorted(DATA.glob("*.yml")):  # every data file's text reaches pages
        text = file.read_text(encoding="utf-8")
        found = text_controls.text_problems(text) + text_controls.yaml_problems(compose_yaml(text))
        out += [Problem(f"kb/data/{file.name}", *p) for p in dict.fromkeys(found)]
    missing = set(ui().get("en", {})) ^ set(ui().get("ar", {}))
    for key in sorted(missing):
        out.append(Problem("kb/data/ui.yml", 1, key, "not in both en and ar"))
    return out
