"""`python -m kb from-issue EVENT_JSON`: a case study proposed through the issue form
(.github/ISSUE_TEMPLATE/propose-case-study.yml) written as a page pair, for a draft pull request.

The event is GitHub's `issues` event as the workflow receives it (the file $GITHUB_EVENT_PATH); the issue form's
answers are in the body as `### Label` then the value (`_No response_` when left empty). The body is untrusted: it
reaches this code only through that file, each answer is written into the page as plain text (YAML strings
through a JSON dump, Markdown with every markup character escaped, control and bidi-override characters
dropped), and the pages then go through the same validator as any page. The page in the proposal's language
gets the answers; the other language keeps the template, a translation to do (no translation record).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb import arabic
from kb.kinds import SECTIONS
from kb.languages import LANGS
from kb.scaffold import render_template, scaffold
from kb.summary import fenced
from kb.validate import validate_tree

FORM = Path(__file__).resolve().parents[1] / ".github" / "ISSUE_TEMPLATE" / "propose-case-study.yml"
KIND = "case-study"
EMPTY = "_No response_"
UNSET_SOURCE = "source-to-add"  # not an id of kb/data/sources.yml: the check fails until a maintainer sets it
# The form's answers that go into the page's body, section by section (the template's anchors).
INTO = {"context": ("partners", "place", "year"), "lessons": ("why",)}
_DROP = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")  # bidi overrides, isolates and marks
_MARKUP = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&:=^$])")


class IssueError(Exception):
    """An event that is not a proposal this command can write."""


@dataclass
class Proposal:
    number: int
    url: str
    lang: str
    answers: dict[str, str | None]   # form field id -> answer (None when left empty)
    labels: dict[str, str]           # form field id -> its label


def form_labels(form: Path = FORM) -> dict[str, str]:
    """{label: id} of the form's fields (the form is the one list of questions)."""
    body = yaml.safe_load(form.read_text(encoding="utf-8"))["body"]
    return {f["attributes"]["label"].strip(): f["id"] for f in body if f.get("id") and f.get("attributes")}


def parse_body(body: str, labels: dict[str, str]) -> dict[str, str | None]:
    """The answers of an issue form's body: each `### Label` of the form, then its value."""
    answers: dict[str, str | None] = dict.fromkeys(labels.values())
    current = None
    lines: dict[str, list[str]] = {}
    for line in (body or "").replace("\r\n", "\n").split("\n"):
        m = re.match(r"^### (.+?)\s*$", line)
        if m and m.group(1) in labels:
            current = labels[m.group(1)]
            lines[current] = []
        elif current is not None:
            lines[current].append(line)
    for key, value in lines.items():
        text = clean("\n".join(value)).strip()
        answers[key] = None if text in ("", EMPTY) else text
    return answers


def clean(text: str) -> str:
    """NFC, without control characters (but newlines and tabs) or bidi overrides."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return _DROP.sub("", text)


def plain(text: str) -> str:
    """An answer as Markdown that shows exactly its text: every markup character escaped, blank lines kept."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(_MARKUP.sub(r"\\\1", " ".join(p.split())) for p in paragraphs if p.strip())


def read_event(path: Path) -> Proposal:
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
        issue = event["issue"]
        number, body, url = int(issue["number"]), issue.get("body") or "", str(issue.get("html_url") or "")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IssueError(f"{path}: not an issues event ({exc.__class__.__name__}: {exc})") from exc
    labels = form_labels()
    answers = parse_body(body, labels)
    if not answers.get("title"):
        raise IssueError(f"issue {number}: no answer to '{_label(labels, 'title')}'; is it the case-study form?")
    words = " ".join(v for v in answers.values() if v)
    lang = "ar" if sum(map(arabic.is_arabic, words.split())) * 2 > len(words.split()) else "en"
    return Proposal(number, url if url.startswith("https://") else "", lang, answers,
                    {v: k for k, v in labels.items()})


def slug_for(proposal: Proposal, docs: Path) -> str:
    """ASCII words of an English title, else `proposal-<issue>`; made unique in the section."""
    title = proposal.answers["title"] or ""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower())
    base = "-".join(words[:8]) if proposal.lang == "en" and words else f"proposal-{proposal.number}"
    slug, n = base, 2
    while any((docs / lang / SECTIONS[KIND] / f"{slug}.md").exists() for lang in LANGS):
        slug, n = f"{base}-{n}", n + 1
    return slug


def label_in(label: str, lang: str) -> str:
    """A bilingual form label ("English · العربية") in one language."""
    parts = [p.strip() for p in label.split(" · ")]
    return parts[LANGS.index(lang)] if len(parts) == len(LANGS) else label


def heading(text: str, title: str) -> str:
    """The page's `# title` as plain text (the template writes the title there as it is)."""
    return re.sub(r"^# .*$", lambda _: f"# {plain(title)}", text, count=1, flags=re.M)


def page_text(proposal: Proposal) -> str:
    """The page in the proposal's language: the template, with the answers in its sections."""
    text = heading(render_template(KIND, proposal.lang, proposal.answers["title"]), proposal.answers["title"])
    for anchor, keys in INTO.items():
        given = [(label_in(proposal.labels[k], proposal.lang), proposal.answers[k]) for k in keys
                 if proposal.answers.get(k)]
        if not given:
            continue
        prose = "\n\n".join(f"{plain(label)}: {plain(value)}" if len(given) > 1 else plain(value)
                              for label, value in given)
        text = re.sub(rf"(\{{#{anchor}\}}\n\n)(.*?)(?=\n## |\Z)", lambda m, p=prose: m.group(1) + p + "\n", text,
                      count=1, flags=re.S)
    return text


@dataclass
class Draft:
    files: list[Path]
    branch: str   # ASCII: case-study/<slug>
    title: str    # the pull request's title
    body: str     # its Markdown body


def write(root: Path, event: Path) -> Draft:
    """Write the pair from the event at `event` under root/docs, for a draft pull request."""
    proposal = read_event(event)
    docs = root / "docs"
    slug = slug_for(proposal, docs)
    title = " ".join(proposal.answers["title"].split())
    proposal.answers["title"] = title
    created = scaffold(root, KIND, slug, title, title)
    for lang in LANGS:
        page = root / "docs" / lang / SECTIONS[KIND] / f"{slug}.md"
        text = page_text(proposal) if lang == proposal.lang else heading(page.read_text(encoding="utf-8"), title)
        # The template's example source would attribute the page to a document nobody named: an id to set.
        page.write_text(re.sub(r"^sources: .*$", f"sources: [{UNSET_SOURCE}]", text, count=1, flags=re.M),
                        encoding="utf-8")
    _, problems = validate_tree(docs, root)
    mine = [p for p in problems if p.path in {c.as_posix() for c in created}]
    return Draft(created, f"case-study/{slug}", f"Case study: {title}"[:200], pr_body(proposal, created, mine))


def pr_body(proposal: Proposal, created: list[Path], problems: list) -> str:
    other = next(lang for lang in LANGS if lang != proposal.lang)
    lines = [f"Drafted from issue #{proposal.number} (the case-study form) by `python -m kb from-issue`.",
             "", f"Closes #{proposal.number}.", "", "Files:", *(f"- `{p.as_posix()}`" for p in created), "",
             f"The {proposal.lang} page has the proposal's answers; the {other} page is the template, a translation "
             "to do. Before this is ready: write each section from the sources, set `sources:` to the ids in "
             "`kb/data/sources.yml` (add the proposal's sources there), and the partners with their types and roles.",
             ""]
    if proposal.answers.get("sources"):
        lines += ["Sources given in the proposal:", "", plain(proposal.answers["sources"]), ""]
    lines += [f"`make check` on the drafted pages: {len(problems)} problem(s) left" + (":" if problems else "."), ""]
    if problems:
        lines += [*fenced("text", [str(p) for p in problems[:80]]), ""]
    lines += ["CI runs in full when a maintainer marks this draft ready for review (a pull request opened by a "
              "workflow's own token starts no workflow).", ""]
    return "\n".join(lines)


def _label(labels: dict[str, str], key: str) -> str:
    return next((label for label, k in labels.items() if k == key), key)
