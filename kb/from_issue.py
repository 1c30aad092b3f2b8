"""`python -m kb from-issue EVENT_JSON`: a case study or an initiative list proposed through its issue form
(.github/ISSUE_TEMPLATE/propose-case-study.yml, propose-initiative-list.yml) written as a page pair, for a draft
pull request. The form is recognised by its title question (each form's label is its own).

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

_FORMS = Path(__file__).resolve().parents[1] / ".github" / "ISSUE_TEMPLATE"
FORMS = {"case-study": _FORMS / "propose-case-study.yml", "initiative-list": _FORMS / "propose-initiative-list.yml"}
FORM = FORMS["case-study"]
PR_TITLE = {"case-study": "Case study", "initiative-list": "Initiative list"}
EMPTY = "_No response_"
UNSET_SOURCE = "source-to-add"  # not an id of kb/data/sources.yml: the check fails until a maintainer sets it
# The case-study form's answers that go into the page's body, section by section (the template's anchors).
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
    kind: str = "case-study"


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
    forms = {kind: form_labels(form) for kind, form in FORMS.items()}
    parsed = [(kind, labels, parse_body(body, labels)) for kind, labels in forms.items()]
    found = next((p for p in parsed if p[2].get("title")), None)
    if found is None:
        asked = " or ".join(f"'{_label(labels, 'title')}'" for labels in forms.values())
        raise IssueError(f"issue {number}: no answer to {asked}; is it a proposal form?")
    kind, labels, answers = found
    words = " ".join(v for v in answers.values() if v)
    lang = "ar" if sum(map(arabic.is_arabic, words.split())) * 2 > len(words.split()) else "en"
    return Proposal(number, url if url.startswith("https://") else "", lang, answers,
                    {v: k for k, v in labels.items()}, kind)


def slug_for(proposal: Proposal, docs: Path) -> str:
    """ASCII words of an English title, else `proposal-<issue>`; made unique in the section."""
    title = proposal.answers["title"] or ""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower())
    base = "-".join(words[:8]) if proposal.lang == "en" and words else f"proposal-{proposal.number}"
    slug, n = base, 2
    while any((docs / lang / SECTIONS[proposal.kind] / f"{slug}.md").exists() for lang in LANGS):
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
    text = heading(render_template(proposal.kind, proposal.lang, proposal.answers["title"]), proposal.answers["title"])
    if proposal.kind == "initiative-list":
        return initiatives_text(text, proposal)
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


def initiatives(answer: str | None) -> list[tuple[str, str | None]]:
    """The initiatives answer: one paragraph each, its title on the first line, then its explanation."""
    out = []
    for paragraph in re.split(r"\n\s*\n", answer or ""):
        first, _, rest = paragraph.strip().partition("\n")
        if first.strip():
            out.append((" ".join(first.split()), " ".join(rest.split()) or None))
    return out


def initiatives_text(text: str, proposal: Proposal | None, count: int = 0) -> str:
    """An initiative list's front matter with the answers (YAML strings through a JSON dump), or, without a
    proposal, the template's one initiative repeated `count` times (the translation to do has as many)."""
    block = re.search(r"^initiatives:\n((?:  .*\n)+)", text, re.M)
    if proposal is None:
        return text[:block.start(1)] + block.group(1) * max(count, 1) + text[block.end(1):]
    default = re.search(r"^    description: (.*)$", block.group(1), re.M).group(1)
    items = "".join(f"  - title: {json.dumps(title, ensure_ascii=False)}\n"
                    f"    description: {json.dumps(about, ensure_ascii=False) if about else default}\n"
                    for title, about in initiatives(proposal.answers.get("initiatives")))
    text = text[:block.start(1)] + (items or block.group(1)) + text[block.end(1):]
    if proposal.answers.get("description"):
        line = json.dumps(" ".join(proposal.answers["description"].split()), ensure_ascii=False)
        text = re.sub(r"^description: .*$", lambda _: f"description: {line}", text, count=1, flags=re.M)
    return text


@dataclass
class Draft:
    files: list[Path]
    branch: str   # ASCII: <kind>/<slug>
    title: str    # the pull request's title
    body: str     # its Markdown body


def write(root: Path, event: Path) -> Draft:
    """Write the pair from the event at `event` under root/docs, for a draft pull request."""
    proposal = read_event(event)
    docs = root / "docs"
    slug = slug_for(proposal, docs)
    title = " ".join(proposal.answers["title"].split())
    proposal.answers["title"] = title
    kind = proposal.kind
    created = scaffold(root, kind, slug, title, title)
    count = len(initiatives(proposal.answers.get("initiatives")))
    for lang in LANGS:
        page = root / "docs" / lang / SECTIONS[kind] / f"{slug}.md"
        text = page_text(proposal) if lang == proposal.lang else heading(page.read_text(encoding="utf-8"), title)
        if kind == "initiative-list" and lang != proposal.lang:
            text = initiatives_text(text, None, count)
        # The template's example source would attribute the page to a document nobody named: an id to set.
        page.write_text(re.sub(r"^sources: .*$", f"sources: [{UNSET_SOURCE}]", text, count=1, flags=re.M),
                        encoding="utf-8")
    _, problems = validate_tree(docs, root)
    mine = [p for p in problems if p.path in {c.as_posix() for c in created}]
    return Draft(created, f"{kind}/{slug}", f"{PR_TITLE[kind]}: {title}"[:200], pr_body(proposal, created, mine))


def pr_body(proposal: Proposal, created: list[Path], problems: list) -> str:
    other = next(lang for lang in LANGS if lang != proposal.lang)
    lines = [f"Drafted from issue #{proposal.number} (the {proposal.kind} form) by `python -m kb from-issue`.",
             "", f"Closes #{proposal.number}.", "", "Files:", *(f"- `{p.as_posix()}`" for p in created), "",
             f"The {proposal.lang} page has the proposal's answers; the {other} page is the template, a translation "
             "to do. Before this is ready: write each section from the sources, set `sources:` to the ids in "
             "`kb/data/sources.yml` (add the proposal's sources there), and "
             + ("the partners with their types and roles." if proposal.kind == "case-study" else
                "the list's `area` and each initiative's `status` from `kb/data/vocabularies.yml`."),
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
