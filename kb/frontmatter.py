"""The only front-matter reader: a page's text split into its YAML front matter (data and node tree, for line
numbers) and its body. Like MkDocs, the block opens with a `---` line and closes with `---` or `...`."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import yaml

from kb.problems import Problem

# libyaml when PyYAML has it; the pure-Python loader words the error messages, so a block that fails is
# parsed again with it.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class Page:
    """A page: its front matter (data and YAML nodes) and body, with the body's first line in the file."""
    path: str
    meta: dict
    node: yaml.Node | None
    body: str
    body_line: int
    text: str = ""
    has_front_matter: bool = True
    _scan: object = field(default=None, repr=False, compare=False)

    @property
    def scan(self):
        """The body scanned once (kb.markdown.Scan): code, headings, prose lines."""
        if self._scan is None:
            from kb.markdown import scan
            self._scan = scan(self.body, self.body_line)
        return self._scan


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


@functools.lru_cache(maxsize=256)  # the glossary and mkdocs serve's rebuilds pass the same texts again
def load_block(yaml_text: str):
    """The YAML node tree (with line marks) and the data of one front-matter block."""
    for loader_class in dict.fromkeys([FAST_LOADER, yaml.SafeLoader]):
        loader = loader_class(yaml_text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else {})
        except yaml.YAMLError:
            if loader_class is yaml.SafeLoader:
                raise
        finally:
            loader.dispose()


def parse(text: str, path: str, required: bool = True) -> tuple[Page | None, list[Problem]]:
    """Split front matter from body; malformed YAML is a problem at its line. With required=False a text
    without front matter is a page with no metadata."""
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0]):
        if not required:
            return Page(path, {}, None, text, 1, text, has_front_matter=False), []
        return None, [Problem(path, 1, "front matter", "missing", "start the file with a '---' line, "
                              "the YAML keys, and a closing '---' line")]
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        return None, [Problem(path, 1, "front matter", "not closed", "add a '---' line after the YAML keys")]
    try:
        node, meta = load_block("\n".join(lines[1:end]))
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
    return Page(path, meta, node, "\n".join(lines[end + 1:]), end + 2, text), []


def child(node, key):
    """The (key node, value node) of `key` in a mapping node, or of index `key` in a sequence node."""
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
        k, v = child(node, key)
        if k is None:
            break
        line, node = k.start_mark.line + 2, v
    return line if page.has_front_matter else 1
