"""The glossary's data: kb/data/glossary.yml loaded and checked (each problem as path:line: id: message), and the
proper names of kb/data/names.yml that are never linked."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb import arabic
from kb.data import compose_yaml, load_yaml
from kb.languages import LANGS

DATA = Path(__file__).resolve().parents[1] / "data"
GLOSSARY = DATA / "glossary.yml"
NAMES = DATA / "names.yml"
PAGE = "glossary.md"  # the glossary page, relative to the language folder
KEYS = {"en": True, "ar": True, "def_en": True, "def_ar": True, "forms_en": False, "forms_ar": False,
        "avoid_ar": False}  # avoid_ar: Arabic variants pages must not use for the term (kb/terminology.py)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class GlossaryError(ValueError):
    """The glossary data is invalid; the message lists each problem as path:line: id: message."""


@dataclass(frozen=True)
class Term:
    id: str
    en: str
    ar: str
    def_en: str
    def_ar: str
    forms_en: tuple[str, ...] = ()
    forms_ar: tuple[str, ...] = ()
    avoid_ar: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        return getattr(self, lang)

    def definition(self, lang: str) -> str:
        return getattr(self, f"def_{lang}")

    def forms(self, lang: str) -> tuple[str, ...]:
        """The term and its listed forms, without a parenthesised abbreviation ("LIS" is listed as a form)."""
        main = re.sub(r"\s*\([^)]*\)", "", self.text(lang)).strip()
        return tuple(dict.fromkeys([main, *getattr(self, f"forms_{lang}")]))


def check(text: str, path: str = "kb/data/glossary.yml") -> tuple[dict[str, Term], list[str]]:
    """Parse the glossary YAML; returns the terms and the problems, each as 'path:line: id: message'."""
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [f"{path}:{mark.line + 1 if mark else 1}: yaml: {getattr(exc, 'problem', exc)}"]
    if not isinstance(root, yaml.MappingNode):
        return {}, [f"{path}:1: glossary: expected a mapping of term ids to entries"]
    terms, problems, seen_forms, seen_ids = {}, [], {}, set()
    for key_node, value_node in root.value:
        tid, line = key_node.value, key_node.start_mark.line + 1

        def bad(message, line=line, tid=tid):
            problems.append(f"{path}:{line}: {tid}: {message}")
        if not _ID.fullmatch(tid):
            bad("the id must be lower-case ASCII words joined by hyphens (it is the anchor on both pages)")
        if tid in seen_ids:
            bad("duplicate id")
        seen_ids.add(tid)
        if not isinstance(value_node, yaml.MappingNode):
            bad("expected a mapping with en, ar, def_en, def_ar")
            continue
        entry = yaml.constructor.SafeConstructor().construct_document(value_node)
        lines = {k.value: k.start_mark.line + 1 for k, _ in value_node.value}
        for key in entry:
            if key not in KEYS:
                bad(f"unknown key '{key}' (known: {', '.join(KEYS)})", lines[key])
        fields = {}
        for key in KEYS:
            value = entry.get(key)
            if key.startswith(("forms_", "avoid_")):
                if value is not None and not (isinstance(value, list)
                                              and all(isinstance(v, str) and v.strip() for v in value)):
                    bad(f"{key} must be a list of non-empty strings", lines.get(key, line))
                    value = None
                fields[key] = tuple(value or ())
            elif not isinstance(value, str) or not value.strip():
                bad(f"{key} is required (a non-empty one-line string)", lines.get(key, line))
            elif "\n" in value.strip():
                bad(f"{key} must be one line", lines[key])
            else:
                fields[key] = value.strip()
        if any(k not in fields for k in ("en", "ar", "def_en", "def_ar")):
            continue
        for key in ("ar", "def_ar"):
            if not arabic.is_arabic(fields[key]):
                bad(f"{key} has no Arabic letters", lines[key])
        for variant in fields["avoid_ar"]:
            if not arabic.is_arabic(variant):
                bad(f"avoid_ar: '{variant}' has no Arabic letters", lines["avoid_ar"])
        term = Term(tid, **fields)
        for lang in LANGS:
            for form in term.forms(lang):
                norm = normalise(form) if lang == "ar" else form.casefold()
                if (lang, norm) in seen_forms and seen_forms[(lang, norm)] != tid:
                    bad(f"the form '{form}' is also a form of '{seen_forms[(lang, norm)]}'",
                        lines.get(f"forms_{lang}", line))
                seen_forms[(lang, norm)] = tid
        terms[tid] = term
    avoided = {}
    for tid, term in terms.items():  # a variant to avoid is no term's own form (checked once all are read)
        for variant in term.avoid_ar:
            other = seen_forms.get(("ar", normalise(variant)))
            twice = avoided.setdefault(normalise(variant), tid)
            if twice != tid:
                problems.append(f"{path}:{_key_line(root, tid, 'avoid_ar')}: {tid}: avoid_ar: '{variant}' is "
                                f"also avoided for '{twice}'")
            if other:
                problems.append(f"{path}:{_key_line(root, tid, 'avoid_ar')}: {tid}: avoid_ar: '{variant}' is "
                                f"a form of '{other}' (a page could not both use and avoid it)")
    return terms, sorted(problems, key=lambda p: int(p.split(":")[1]))


def _key_line(root: yaml.MappingNode, tid: str, key: str) -> int:
    """The line of `key` in the entry `tid` of the composed glossary."""
    entry = next(v for k, v in root.value if k.value == tid)
    return next(k.start_mark.line + 1 for k, _ in entry.value if k.value == key)


@functools.cache
def terms() -> dict[str, Term]:
    """The glossary terms by id; raises GlossaryError listing every problem."""
    found, problems = check(GLOSSARY.read_text(encoding="utf-8"), "kb/data/glossary.yml")
    if problems:
        raise GlossaryError("\n".join(problems))
    return found


@functools.cache
def names(lang: str) -> tuple[str, ...]:
    """Proper names of kb/data/names.yml in `lang`, without parenthesised parts: never linked as terms."""
    data = load_yaml(NAMES.read_text(encoding="utf-8")) or {}
    out = []
    for group in data.values():
        for entry in (group or {}).values():
            name = re.sub(r"\s*\([^)]*\)", "", str(entry.get(lang, ""))).strip(" «»\"")
            if name:
                out.append(name)
    return tuple(out)


def normalise(text: str) -> str:
    """Arabic as terms are compared in: arabic.fold without composing, so the page's characters keep
    their places (no diacritics or tatweel, one alef, ي for ى, ه for a final ة)."""
    return arabic.fold(text, compose=False)
