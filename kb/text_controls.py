"""Text that reaches readers, in pages and data files: no control character that reorders text invisibly,
and no markup in YAML text (titles, descriptions, labels are plain text; the body is where Markdown goes).

The bidi embeddings and overrides (U+202A-U+202E: LRE, RLE, PDF, LRO, RLO) are rejected everywhere, code
included: they make the text read differently from the characters it holds (the "Trojan Source" trick), and
the page's own direction already orders Arabic and English. The marks (U+061C ALM, U+200E LRM, U+200F RLM)
stay: they are ordinary strong characters, change only where a neutral sits, and editors show them.
The isolates (U+2066-U+2068 LRI, RLI, FSI, closed by U+2069 PDI) are Unicode's recommended way to embed text
of the other direction and cannot reorder anything outside themselves; they are allowed when each one is
closed on its own line. An unclosed isolate reorders the rest of its paragraph, and a PDI without an opener
closes someone else's, so those are rejected."""
from __future__ import annotations

import re
import unicodedata

import yaml

_OVERRIDES = re.compile("[\u202a-\u202e]")
_ISOLATES = re.compile("[\u2066-\u2069]")
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_HINT = "delete it: the page's direction orders the text (a U+200F RIGHT-TO-LEFT MARK fixes a misplaced neutral)"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".strip()


def line_problems(line: str) -> list[tuple[str, str, str]]:
    """(field, message, hint) for each invisible reordering control in one line."""
    out = [("text", f"invisible bidi control {_name(c)}", _HINT) for c in dict.fromkeys(_OVERRIDES.findall(line))]
    depth = 0
    for c in _ISOLATES.findall(line):
        if c != "\u2069":
            depth += 1
        elif depth:
            depth -= 1
        else:
            out.append(("text", f"{_name(c)} closes no isolate", "delete it, or open the isolate on this line"))
    if depth:
        out.append(("text", f"an isolate is not closed on its line ({_name(_ISOLATES.findall(line)[0])})",
                    "end it with U+2069 POP DIRECTIONAL ISOLATE, or delete it"))
    return out


def text_problems(text: str, first_line: int = 1) -> list[tuple[int, str, str, str]]:
    """(line, field, message, hint) for the controls in a whole file's text."""
    if not _CONTROLS.search(text):
        return []
    return [(first_line + i, *p) for i, line in enumerate(text.split("\n")) for p in line_problems(line)]


def yaml_problems(node: yaml.Node | None, first_line: int = 1) -> list[tuple[int, str, str, str]]:
    """(line, field, message, hint) for the YAML strings (escapes decoded) holding markup or controls."""
    out, todo = [], [node] if node is not None else []
    while todo:
        n = todo.pop()
        if isinstance(n, yaml.MappingNode):
            todo += [v for kv in n.value for v in kv]
        elif isinstance(n, yaml.SequenceNode):
            todo += n.value
        elif isinstance(n, yaml.ScalarNode) and isinstance(n.value, str):
            line = first_line + n.start_mark.line
            if _MARKUP.search(n.value):
                tag = n.value[_MARKUP.search(n.value).start():].split(">")[0][:40]
                out.append((line, "text", f"markup is not allowed in this text ({tag}>)",
                            "write plain text; Markdown and the allowed HTML go in the page's body"))
            if _CONTROLS.search(n.value):
                out += [(line, *p) for text in n.value.split("\n") for p in line_problems(text)]
    return out
