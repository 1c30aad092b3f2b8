"""The content model: vocabularies, sources and UI strings (loaded once), the front-matter schema of each
page kind, and the validation of one page (front matter + body) into problems with line numbers."""
from __future__ import annotations

import datetime
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb import html_policy, text_controls

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kb" / "data"
LANGS = ("en", "ar")
DEFAULT_LANG = "en"


# ── Data files: one source for each fact ──────────────────────────────────────────────────────────

def _load(name: str) -> dict:
    return load_yaml((DATA / name).read_text(encoding="utf-8")) or {}


def load_yaml(text: str):
    """YAML data, parsed with libyaml when PyYAML has it; the pure-Python parser words the errors."""
    try:
        return yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.safe_load(text)


def compose_yaml(text: str) -> yaml.Node | None:
    """The YAML node tree (with line marks), as load_yaml parses."""
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


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
            k, node = _child(node, key)
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


# ── Schema ────────────────────────────────────────────────────────────────────────────────────────
# A field is (type, required). Types: "text" (non-empty string), "int", "bool", "year", "date" (ISO date or
# the date as the source gives it), "path" (page path relative to the language folder), "slug", "mapping"
# (free), "vocab:<name>", "list:<type>", or a dict (a nested record with its own fields).

PARTNER = {"name": ("text", True), "org": ("slug", False), "type": ("vocab:partner-types", True),
           "role": ("vocab:partner-roles", True)}
AGENDA_ITEM = {"minutes": ("int", True), "title": ("text", True)}
INITIATIVE = {"title": ("text", True), "description": ("text", True), "status": ("vocab:statuses", False)}

COMMON = {
    "kind": ("vocab:kinds", True),
    "title": ("text", True),
    "description": ("text", True),
    "sources": ("list:source", True),
    "themes": ("list:vocab:themes", False),
    "related": ("list:path", False),
    # Material's own page keys, and the translation record kept by the translation-status command.
    "hide": ("list:text", False),
    "search": ("mapping", False),
    "template": ("text", False),
    "icon": ("text", False),
    "translation": ("mapping", False),
}

SCHEMA: dict[str, dict] = {
    "case-study": {"partners": ([PARTNER], True), "region": ("vocab:regions", True),
                   "country": ("text", False), "city": ("text", False), "year": ("year", False),
                   "date": ("date", False), "themes": ("list:vocab:themes", True), "event": ("path", False)},
    # `notice`: that the kit is the knowledge base's suggestion, not a real event's programme; shown first in
    # the kit header, above the agenda (two kits carry the titles of real workshops).
    "workshop-kit": {"notice": ("text", True), "audience": ("list:vocab:audiences", True),
                     "duration": ("int", True), "objectives": ("list:text", True), "agenda": ([AGENDA_ITEM], True),
                     "materials": ("list:text", True), "themes": ("list:vocab:themes", True)},
    "initiative-list": {"area": ("vocab:initiative-areas", True), "initiatives": ([INITIATIVE], True)},
    "event": {"date": ("date", False), "year": ("year", False), "year_stated": ("bool", False),
              "city": ("text", False), "country": ("text", False), "region": ("vocab:regions", False),
              "organisers": ("list:path", False)},
    "organisation": {"type": ("vocab:partner-types", True), "country": ("text", False),
                     "city": ("text", False), "region": ("vocab:regions", False), "url": ("text", False)},
    "page": {"sources": ("list:source", False)},
}

# Level-2 headings each kind must have, with these explicit ids (the same in both languages).
REQUIRED_SECTIONS = {
    "case-study": ["context", "what-was-done", "lessons"],
    "workshop-kit": ["about-this-kit", "activities", "facilitator-notes", "key-points", "handout"],
}
# The folder each kind lives in (relative to the language folder).
SECTIONS = {"case-study": "case-studies", "workshop-kit": "workshops", "initiative-list": "initiatives",
            "event": "events", "organisation": "organisations"}
# Metadata that is not prose: it must be identical in a page and its translation.
SHARED_KEYS = ["kind", "year", "date", "year_stated", "region", "partners", "duration", "agenda", "sources",
               "themes", "area", "audience", "type", "event", "organisers", "related", "initiatives"]
GENERATED_IDS = {"sources"}


def fields(kind: str) -> dict:
    """All keys a page of `kind` may have, with (type, required)."""
    return {**COMMON, **SCHEMA.get(kind, {})}


# ── Problems ──────────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}: {self.field}: {self.message}{hint}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions error annotation."""
        text = f"{self.field}: {self.message}" + (f" ({self.hint})" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


def closest(word: str, choices) -> str:
    """A hint naming the closest known term(s), or listing the known terms."""
    choices = [str(c) for c in choices]
    near = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.5)
    return f"did you mean '{near[0]}'?" if near else "known: " + ", ".join(choices)


# ── Reading a page ────────────────────────────────────────────────────────────────────────────────

@dataclass
class Page:
    """A page split into its front matter (data and YAML nodes) and body, with the body's first line."""
    path: str
    meta: dict
    node: yaml.Node | None
    body: str
    body_line: int


_FENCE = re.compile(r"^---[ \t]*$")


def read_text(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 without BOM; problems say where it is not."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, "file", "starts with a byte-order mark (BOM)",
                              "save the file as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        return None, [Problem(path, line, "file", f"not valid UTF-8 (byte 0x{raw[e.start]:02x})",
                              "save the file as UTF-8")]


# libyaml when PyYAML has it (every page is parsed at each build: the pure-Python parser was a quarter of the
# build time); the pure-Python loader words the error messages, so a file that fails is parsed again with it.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# By content, so never stale: a build reads each page twice (the validator, then the catalogues), and the
# callers only read the result.
@functools.lru_cache(maxsize=8192)
def _load_front_matter(yaml_text: str):
    """The YAML node tree (with line marks) and the data of one front-matter block, parsed once."""
    for loader_class in dict.fromkeys([_FAST_LOADER, yaml.SafeLoader]):
        loader = loader_class(yaml_text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else {})
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()


def parse(text: str, path: str) -> tuple[Page | None, list[Problem]]:
    """Split front matter from body; malformed YAML is a problem at its line."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, [Problem(path, 1, "front matter", "missing", "start the file with a '---' line, "
                              "the YAML keys, and a closing '---' line")]
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        return None, [Problem(path, 1, "front matter", "not closed", "add a '---' line after the YAML keys")]
    yaml_text = "\n".join(lines[1:end])
    try:
        node, meta = _load_front_matter(yaml_text)
    except yaml.MarkedYAMLError as e:
        # The construct that is not closed (a bracket, a quote) starts at the context mark, when there is one.
        mark = e.context_mark or e.problem_mark
        line = mark.line + 2 if mark else 1
        message = "; ".join(m for m in (e.context, e.problem) if m)
        if e.context_mark and e.problem_mark and e.problem_mark.line != e.context_mark.line:
            message += f" (on line {e.problem_mark.line + 2})"
        return None, [Problem(path, line, "front matter", f"malformed YAML: {message}",
                              "check brackets, quotes, colons and indentation")]
    except yaml.YAMLError as e:
        return None, [Problem(path, 1, "front matter", f"malformed YAML: {e}", "")]
    if not isinstance(meta, dict) or (node is not None and not isinstance(node, yaml.MappingNode)):
        return None, [Problem(path, 2, "front matter", "is not a set of 'key: value' lines", "")]
    return Page(path, meta, node, "\n".join(lines[end + 1:]), end + 2), []


def _child(node, key):
    """The value node of `key` in a mapping node, or of index `key` in a sequence node."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return k, v
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key], node.value[key]
    return None, None


def line_of(page: Page, *keys) -> int:
    """The line (1-based, in the file) of a key path in the front matter: ("partners", 0, "role")."""
    node, line = page.node, 2
    for key in keys:
        k, v = _child(node, key)
        if k is None:
            break
        line, node = k.start_mark.line + 2, v
    return line


# ── Validating a page ─────────────────────────────────────────────────────────────────────────────

_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _check_value(page: Page, keys: tuple, value, spec, out: list[Problem]) -> None:
    def bad(message, hint=""):  # the line is looked up only for a problem: most values have none
        out.append(Problem(page.path, line_of(page, *keys), ".".join(str(k) for k in keys), message, hint))

    if isinstance(spec, list):  # a list of records
        if not isinstance(value, list) or not value:
            return bad("must be a non-empty list", "one '- key: value' entry per item")
        for i, item in enumerate(value):
            _check_value(page, (*keys, i), item, spec[0], out)
        return
    if isinstance(spec, dict):  # a record
        if not isinstance(value, dict):
            return bad("must be a set of keys: " + ", ".join(spec))
        _check_keys(page, keys, value, spec, out)
        return
    if spec.startswith("list:"):
        if not isinstance(value, list) or not value:
            return bad("must be a non-empty list", "write it as [a, b] or one '- item' per line")
        for i, item in enumerate(value):
            _check_value(page, (*keys, i), item, spec[5:], out)
        return
    if spec == "text":
        if not isinstance(value, str) or not value.strip():
            bad("must be non-empty text", "quote it if it contains a colon")
    elif spec == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            bad(f"must be a positive whole number, not {value!r}", "minutes, without units")
    elif spec == "bool":
        if not isinstance(value, bool):
            bad(f"must be true or false, not {value!r}")
    elif spec == "year":
        if not isinstance(value, int) or isinstance(value, bool) or not 1800 <= value <= 2100:
            bad(f"must be a four-digit year, not {value!r}", "leave it out where the source does not say")
    elif spec == "date":
        if isinstance(value, datetime.date):
            return
        if not isinstance(value, str) or not value.strip():
            return bad(f"must be a date, not {value!r}", 'write "YYYY-MM-DD", or the date as the source gives it')
        if _ISO_DATE.match(value):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                bad(f"'{value}' is not a valid date", "write YYYY-MM-DD with a real month and day")
    elif spec == "slug":
        if not isinstance(value, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            bad(f"must be a slug (lowercase letters, digits, hyphens), not {value!r}")
    elif spec == "path":
        if not isinstance(value, str) or not value.endswith(".md") or value.startswith("/") or ".." in value:
            bad(f"must be a page path relative to the language folder, not {value!r}",
                "for example case-studies/example.md")
    elif spec == "source":
        if value not in sources():
            bad(f"unknown source '{value}'", closest(value, sources()) + "; sources are listed in kb/data/sources.yml")
    elif spec == "mapping":
        if not isinstance(value, dict):
            bad("must be a set of keys")
    elif spec.startswith("vocab:"):
        vocab = spec[6:]
        terms = vocabularies().get(vocab, {})
        if not isinstance(value, str) or value not in terms:
            bad(f"unknown {vocab} term '{value}'",
                closest(value, terms) + f"; terms are listed under {vocab} in kb/data/vocabularies.yml")


def _check_keys(page: Page, prefix: tuple, data: dict, spec: dict, out: list[Problem]) -> None:
    where = ".".join(str(k) for k in prefix)
    for key, value in data.items():
        if key not in spec:
            out.append(Problem(page.path, line_of(page, *prefix, key), ".".join(map(str, (*prefix, key))),
                               "unknown key", closest(key, spec)))
        elif value is None:
            out.append(Problem(page.path, line_of(page, *prefix, key), ".".join(map(str, (*prefix, key))),
                               "has no value", "fill it in, or remove the key if it is optional"))
        else:
            _check_value(page, (*prefix, key), value, spec[key][0], out)
    for key, (_, required) in spec.items():
        if required and key not in data:
            out.append(Problem(page.path, line_of(page, *prefix) if prefix else 1,
                               ".".join(map(str, (*prefix, key))), "missing",
                               f"required in {where or 'the front matter'}"))


def check_meta(page: Page) -> list[Problem]:
    """Front matter against the schema of the page's kind."""
    out: list[Problem] = []
    kind = page.meta.get("kind")
    if kind is not None and kind not in SCHEMA:
        out.append(Problem(page.path, line_of(page, "kind"), "kind", f"unknown kind '{kind}'",
                           closest(kind, SCHEMA)))
        return out
    # Without a kind, check the keys every page has (a missing kind is reported as such).
    _check_keys(page, (), page.meta, fields(kind or "page"), out)
    if kind is None and "kind" in page.meta:
        return out
    if kind == "workshop-kit":
        out += check_agenda(page)
    return out


def check_agenda(page: Page) -> list[Problem]:
    """A workshop kit's agenda minutes add up to its duration."""
    agenda, duration = page.meta.get("agenda"), page.meta.get("duration")
    if not isinstance(agenda, list) or not isinstance(duration, int):
        return []
    minutes = [a.get("minutes") for a in agenda if isinstance(a, dict)]
    if not all(isinstance(m, int) for m in minutes):
        return []
    total = sum(minutes)
    if total == duration:
        return []
    return [Problem(page.path, line_of(page, "agenda"), "agenda",
                    f"the parts add up to {total} minutes, but duration is {duration}",
                    "change the parts' minutes or the duration so they agree")]


# ── The body ──────────────────────────────────────────────────────────────────────────────────────

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{:?([^}]*)\}\s*$")
_CODE_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_HTML_IMG = re.compile(r"<img\b([^>]*)>", re.I)


def body_lines(page: Page):
    """(line number, text) of the body's lines outside code (fenced with any number of backticks or tildes,
    or indented), with inline code blanked."""
    fence, code_ok, in_list = None, True, False  # code_ok: an indented line here would start code
    for i, line in enumerate(page.body.split("\n")):
        m = _CODE_FENCE.match(line)
        if fence:  # closed by the same character, at least as many, and nothing after
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not m.group(2).strip():
                fence = None
            continue
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if line.strip() and code_ok and indent >= (8 if in_list else 4):
            continue  # indented code (a list item's continuation needs 8)
        if line.strip():
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and indent > 0)
        code_ok = not line.strip() or (code_ok and indent >= 4)
        yield page.body_line + i, _INLINE_CODE.sub(lambda c: " " * len(c.group(0)), line) if "`" in line else line


def slugify(text: str) -> str:
    """The heading id the site's toc extension gives (pymdownx.slugs.slugify, case lower)."""
    from pymdownx.slugs import slugify as make
    return make(case="lower")(text, "-")


def headings(page: Page) -> list[tuple[int, int, str, bool]]:
    """(line, level, id, explicit) of each Markdown heading in the body."""
    out = []
    for line, text in body_lines(page):
        m = _HEADING.match(text)
        if not m:
            continue
        title, explicit = m.group(2), None
        attrs = _ATTR_ID.search(title)
        if attrs:
            ids = re.findall(r"#([\w-]+)", attrs.group(1))
            explicit = ids[0] if ids else None
            title = title[:attrs.start()]
        out.append((line, len(m.group(1)), explicit or slugify(re.sub(r"<[^>]+>", "", title)), bool(explicit)))
    return out


def check_body(page: Page) -> list[Problem]:
    """Headings (duplicate ids, required sections), images' alt text, and the HTML allow-list (kb/html_policy)."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    h2_ids = set()
    for line, level, hid, explicit in headings(page):
        if level == 1 and not explicit:  # the page title: a handout may repeat it, and no link targets it
            continue
        if hid in seen:
            out.append(Problem(page.path, line, "heading", f"duplicate heading id '{hid}' (also on line {seen[hid]})",
                               "give one of them another title or an explicit {#id}"))
        seen.setdefault(hid, line)
        if hid in GENERATED_IDS and explicit:
            out.append(Problem(page.path, line, "heading", f"the '{hid}' section is generated by the build",
                               "remove it; list the source ids under 'sources:' in the front matter"))
        if level == 2 and explicit:
            h2_ids.add(hid)
    for sid in REQUIRED_SECTIONS.get(page.meta.get("kind"), []):
        if sid not in h2_ids:
            out.append(Problem(page.path, page.body_line, "sections", f"missing the section {{#{sid}}}",
                               f"add a level-2 heading ending in {{#{sid}}}; required: "
                               + ", ".join(REQUIRED_SECTIONS[page.meta['kind']])))
    lines = dict(body_lines(page))  # code blanked, line numbers kept
    for line, text in lines.items():
        if "<" not in text and "![" not in text:
            continue  # every check below needs one of these (most prose lines have none)
        for m in _MD_IMAGE.finditer(text):
            if not m.group(1).strip():
                target = m.group(2).split()[0] if m.group(2).strip() else "an image"
                out.append(Problem(page.path, line, "image", f"no alt text for {target}",
                                   "describe the image between the brackets: ![what it shows](...)"))
        for m in _HTML_IMG.finditer(text):
            if not re.search(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*'|[^\s\"'>]+)", m.group(1), re.I):
                out.append(Problem(page.path, line, "image", "<img> without alt text",
                                   'add alt="what the image shows"'))
    text = "\n".join(lines.get(n, "") for n in range(page.body_line, max(lines, default=0) + 1))
    out += [Problem(page.path, *p) for p in html_policy.problems(text, page.body_line)]
    return out


def validate_page(raw: bytes, path: str) -> tuple[Page | None, list[Problem]]:
    """Everything that can be checked in one file: encoding, front matter, schema, body."""
    text, problems = read_text(raw, path)
    if text is None:
        return None, problems
    page, problems = parse(text, path)
    if page is None:
        return None, problems
    controls = text_controls.text_problems(text) + text_controls.yaml_problems(page.node, 2)
    return page, check_meta(page) + check_body(page) + [Problem(path, *p) for p in dict.fromkeys(controls)]
