"""One problem type and one reporter for every checker: `path:line: field: message (hint)` for people, and the
same problem as a GitHub Actions annotation (escaped) when running in GitHub Actions."""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


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

    def annotation(self, level: str = "error") -> str:
        """The problem as a GitHub Actions annotation (`level`: error, warning or notice)."""
        text = f"{self.field}: {self.message}" + (f" ({self.hint})" if self.hint else "")
        return f"::{level} file={_escape_property(self.path)},line={self.line}::{_escape_data(text)}"


def annotation(path: str, line: int, message: str, level: str = "error") -> str:
    """A GitHub Actions annotation for a message that is not a Problem (the translation report's lines)."""
    return f"::{level} file={_escape_property(str(path))},line={line}::{_escape_data(message)}"


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def report(problems, github: bool | None = None) -> str:
    """The problems as text lines, then (in GitHub Actions) as annotations."""
    github = in_github_actions() if github is None else github
    lines = [str(p) for p in problems]
    if github:
        lines += [p.annotation() for p in problems]
    return "\n".join(lines)


def closest(word: str, choices) -> str:
    """A hint naming the closest known term(s), or listing the known terms."""
    choices = [str(c) for c in choices]
    near = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.5)
    return f"did you mean '{near[0]}'?" if near else "known: " + ", ".join(choices)
