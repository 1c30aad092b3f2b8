"""`python -m kb check` on the fixture tree: every class of bad input is reported at its file and line,
with a non-zero exit and no traceback; the valid tree passes."""
import shutil
import subprocess
import sys

import pytest

from content_helpers import BAD, ROOT, VALID, docs_project, kb, line_with, put

CS = "case-studies/network-story.md"


def check(project, **env):
    result = kb(project, "check", env=env)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_the_valid_fixture_tree_passes(tmp_path):
    result = check(docs_project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


# (fixture, where it goes, the text on the offending line (or a line number), field, words of the message)
CASES = [
    ("malformed-yaml.md", [f"en/{CS}"], "themes:", "front matter", "malformed YAML"),
    ("unknown-key.md", [f"en/{CS}"], "regoin:", "regoin", "unknown key (did you mean 'region'?)"),
    ("missing-key.md", [f"en/{CS}"], 1, "region", "missing"),
    ("wrong-type.md", [f"en/{CS}"], "year:", "year", "must be a four-digit year"),
    ("bad-date.md", ["en/events/forum.md"], "date:", "date", "'2025-02-30' is not a valid date"),
    ("unknown-term.md", [f"en/{CS}"], "themes:", "themes.0",
     "unknown themes term 'regional-network' (did you mean 'regional-networks'?"),
    ("unknown-source.md", [f"en/{CS}"], "sources:", "sources.0",
     "unknown source 'libraries-lead-forum' (did you mean 'libraries-lead-forum-2025'?"),
    ("metadata-mismatch.md", [f"ar/{CS}"], "region:", "region", "differs from its translation"),
    ("metadata-mismatch.md", [f"ar/{CS}"], "partners:", "partners", "differs from its translation (org, type, role)"),
    ("duplicate-heading.md", [f"en/{CS}"], "Lessons again", "heading", "duplicate heading id 'lessons'"),
    ("image-no-alt.md", [f"en/{CS}"], "![](", "image", "no alt text for images/network.png"),
    ("html-image-no-alt.md", [f"en/{CS}"], "<img", "image", "<img> without alt text"),
    ("unsafe-html.md", [f"en/{CS}"], "<script>alert", "html", "<script> is not allowed (allowed: a, abbr,"),
    ("unsafe-html.md", [f"en/{CS}"], "<iframe", "html", "<iframe> is not allowed"),
    ("unsafe-html.md", [f"en/{CS}"], "<object", "html", "<object> is not allowed"),
    ("unsafe-html.md", [f"en/{CS}"], "<embed", "html", "<embed> is not allowed"),
    ("unsafe-html.md", [f"en/{CS}"], "onclick", "html", '<a onclick="steal()"> is not allowed (allowed on <a>:'),
    ("unsafe-html.md", [f"en/{CS}"], "javascript:", "link", "javascript:alert(1) is not allowed (a javascript: URL"),
    *[("html-allow-list.md", [f"en/{CS}"], where, field, words) for where, field, words in [
        ("<svg", "html", "<svg> is not allowed"),
        ("<style>", "html", "<style> is not allowed"),
        ("<link", "html", "<link> is not allowed"),
        ("<base", "html", "<base> is not allowed"),
        ("<meta", "html", "<meta> is not allowed"),
        ("<form", "html", "<form> is not allowed"),
        ("entity-encoded", "html", '<a href="javascript:alert(1)"> is not allowed (a javascript: URL: link to a page,'),
        ("tab inside", "html", '<a href="java\tscript:alert(1)"> is not allowed (a javascript: URL'),
        ("data link", "html", '<a href="data:text/html,x"> is not allowed (a data: URL'),
        ("a remote image", "html", '<img src="https://evil.example/t.png"> is not allowed (from another site:'),
        ("protocol-relative", "html", '<img src="//evil.example/t.png"> is not allowed (from another site:'),
        ("srcset", "html", '<img srcset="https://evil.example/t.png 2x"> is not allowed (allowed on <img>: alt,'),
        ("an overlay", "html", '<span style="position:fixed;inset:0"> is not allowed (styles belong to the site'),
        ("a fake header", "html",
         "<div class=\"md-header\"> is not allowed (the class 'md-header': allowed classes: cards, grid)"),
        ("hidden text", "html", "<p hidden> is not allowed (allowed on <p>: dir, lang, title)"),
        ("clobbered id", "html", '<div id="__search"> is not allowed'),
        ("new window", "html", '<a target="_blank"> is not allowed'),
        ("<img/src", "html", '<img onerror="alert(1)"> is not allowed'),
        ("![a remote chart]", "image", "https://evil.example/t.png is not allowed (from another site:"),
        ("[chart]: ", "image", "https://evil.example/t.png is not allowed (from another site:"),
        ("[js]: ", "link", "javascript:alert(1) is not allowed"),
        ("[an entity link]", "link", "javascript:alert(1) is not allowed"),
        ("onclick", "html", '{: onclick="alert(1)" } is not allowed (allowed on { }: class, dir, id, lang, title)'),
        ("{: style", "html", '{: style="display:none" } is not allowed (styles belong to the site'),
    ]],
    *[("bidi-controls.md", [f"en/{CS}"], where, "text", words) for where, words in [
        ("title:", "invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE (delete it"),
        ("one \u202bregion", "invisible bidi control U+202B RIGHT-TO-LEFT EMBEDDING"),
        ("agreed", "an isolate is not closed on its line (U+2067 RIGHT-TO-LEFT ISOLATE)"),
        ("early", "U+2069 POP DIRECTIONAL ISOLATE closes no isolate"),
        ("A code sample", "invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE"),
    ]],
    ("markup-in-front-matter.md", [f"en/{CS}"], "description:", "text",
     "markup is not allowed in this text (<img src=x onerror=alert(1)>)"),
    ("markup-in-front-matter.md", [f"en/{CS}"], "x3cscript", "text", "markup is not allowed in this text (<script>)"),
    ("agenda-sum.md", ["en/workshops/short-kit.md"], "agenda:", "agenda",
     "the parts add up to 85 minutes, but duration is 90"),
    ("missing-section.md", [f"en/{CS}"], "## What was done", "sections", "missing the section {#lessons}"),
    ("own-sources-section.md", [f"en/{CS}"], "## Sources", "heading", "the 'sources' section is generated"),
    ("missing-reference.md", [f"en/{CS}"], "event:", "event", "no page docs/en/events/no-such-forum.md"),
    ("missing-featured.md", ["en/index.md"], "no-such-story", "featured.0",
     "no page docs/en/case-studies/no-such-story.md"),
]


@pytest.mark.parametrize("fixture, targets, where, field, words", CASES,
                         ids=[f"{c[0]}:{c[3]}" for c in CASES])
def test_bad_input_is_reported_at_its_line(tmp_path, fixture, targets, where, field, words):
    project = docs_project(tmp_path)
    put(project, fixture, *targets)
    result = check(project)
    assert result.returncode == 1
    line = where if isinstance(where, int) else line_with(fixture, where)
    if fixture == "missing-section.md":  # reported at the first line of the body
        line = (BAD / fixture).read_text(encoding="utf-8").split("\n").index("---", 1) + 2
    expected = f"docs/{targets[0]}:{line}: {field}: "
    matching = [m for m in result.stderr.splitlines() if m.startswith(expected)]
    assert matching, f"no '{expected}...' in:\n{result.stderr}"
    assert any(words in m for m in matching), f"'{words}' not in {matching}"


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    project = docs_project(tmp_path)
    put(project, "unsafe-html.md", f"en/{CS}")
    put(project, "agenda-sum.md", "en/workshops/short-kit.md")
    result = check(project)
    lines = [m for m in result.stderr.splitlines() if m.startswith("docs/")]
    # script, iframe, object, embed, onclick, javascript:; the agenda's sum, and its minutes against the Arabic
    assert len(lines) == 8
    assert {m.split(":")[0] for m in lines} == {f"docs/en/{CS}", "docs/en/workshops/short-kit.md",
                                                 "docs/ar/workshops/short-kit.md"}
    assert "8 problem(s)" in result.stderr


def test_each_bad_line_is_reported_once_and_nothing_else(tmp_path):
    """The allow-list fixture: one problem on each bad line, no problem on the prose lines."""
    project = docs_project(tmp_path)
    put(project, "html-allow-list.md", f"en/{CS}")
    result = check(project)
    lines = [int(m.split(":")[1]) for m in result.stderr.splitlines() if m.startswith(f"docs/en/{CS}:")]
    body = (BAD / "html-allow-list.md").read_text(encoding="utf-8").split("\n")
    bad = [i for i, text in enumerate(body, 1) if i > 35 and text.strip() and "referenced" not in text
           and text != "A hidden paragraph."]
    assert sorted(lines) == bad


def test_allowed_html_links_marks_and_code_samples_pass(tmp_path):
    """The valid tree's about pages hold every allowed construct, RLM/LRM/ALM and balanced isolates, and
    hostile HTML inside inline code, nested backtick fences, tilde fences and indented code."""
    about = (VALID / "en" / "about.md").read_text(encoding="utf-8")
    for sample in ("<details markdown>", '<div class="grid cards" markdown>', "<kbd>", "<abbr title=", "](mailto:",
                   "````markdown", "~~~", "    <svg onload", "\u2067", "\u200f", "\u061c"):
        assert sample in about
    result = check(docs_project(tmp_path))
    assert result.returncode == 0, result.stderr


def test_data_files_text_is_checked(tmp_path):
    """A bidi override or markup in a data file's text is reported at its line (kb/data is the package's)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "kb", project / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    docs_project(project)
    vocab = project / "kb" / "data" / "vocabularies.yml"
    text = vocab.read_text(encoding="utf-8")
    assert "{en: Case study," in text and "{en: Event," in text
    vocab.write_text(text.replace("{en: Case study,", "{en: Case \u202estudy,")
                     .replace("{en: Event,", "{en: Event <img src=x onerror=alert(1)>,"), encoding="utf-8")
    lines = vocab.read_text(encoding="utf-8").split("\n")
    result = subprocess.run([sys.executable, "-m", "kb", "--root", str(project), "check"], cwd=project,
                            capture_output=True, text=True)  # cwd first on sys.path: the copy's kb/
    assert result.returncode == 1 and "Traceback" not in result.stderr
    study = next(i for i, line in enumerate(lines, 1) if "\u202e" in line)
    event = next(i for i, line in enumerate(lines, 1) if "<img" in line)
    assert (f"kb/data/vocabularies.yml:{study}: text: invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE"
            in result.stderr)
    assert f"kb/data/vocabularies.yml:{event}: text: markup is not allowed in this text (<img" in result.stderr


def test_code_is_not_checked_for_html(tmp_path):
    project = docs_project(tmp_path)
    put(project, "unsafe-html.md", f"en/{CS}")
    result = check(project)
    for text in ("in inline code is fine", "also fine in a code block"):
        line = line_with("unsafe-html.md", text)
        assert f":{line}:" not in result.stderr


def test_a_page_without_its_counterpart(tmp_path):
    project = docs_project(tmp_path)
    (project / "docs" / "ar" / CS).unlink()
    result = check(project)
    assert result.returncode == 1
    assert f"docs/en/{CS}:1: translation: no ar counterpart (create docs/ar/{CS}" in result.stderr


def test_duplicate_slugs(tmp_path):
    project = docs_project(tmp_path)
    for lang in ("en", "ar"):
        dup = project / "docs" / lang / "case-studies" / "network-story" / "index.md"
        dup.parent.mkdir()
        dup.write_bytes((VALID / lang / CS).read_bytes())
    result = check(project)
    assert result.returncode == 1
    assert ("docs/en/case-studies/network-story/index.md:1: slug: duplicate slug 'case-studies/network-story' "
            f"(also docs/en/{CS})") in result.stderr


def test_a_file_name_that_is_not_a_slug(tmp_path):
    project = docs_project(tmp_path)
    for lang in ("en", "ar"):
        (project / "docs" / lang / CS).rename(project / "docs" / lang / "case-studies" / "Network Story.md")
    result = check(project)
    assert "docs/en/case-studies/Network Story.md:1: slug: 'Network Story' is not a slug" in result.stderr


def test_a_byte_order_mark(tmp_path):
    project = docs_project(tmp_path)
    page = project / "docs" / "ar" / CS
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = check(project)
    assert result.returncode == 1
    assert f"docs/ar/{CS}:1: file: starts with a byte-order mark (BOM)" in result.stderr


def test_a_file_that_is_not_utf8(tmp_path):
    project = docs_project(tmp_path)
    page = project / "docs" / "en" / CS
    page.write_bytes(page.read_bytes().replace(b"Meet early.", b"Meet early, caf\xe9."))
    line = (VALID / "en" / CS).read_text(encoding="utf-8").split("\n").index("Meet early.") + 1
    result = check(project)
    assert result.returncode == 1
    assert f"docs/en/{CS}:{line}: file: not valid UTF-8 (byte 0xe9) (save the file as UTF-8)" in result.stderr


def test_github_annotations_in_github_actions(tmp_path):
    project = docs_project(tmp_path)
    put(project, "unknown-key.md", f"en/{CS}")
    line = line_with("unknown-key.md", "regoin:")
    result = check(project, GITHUB_ACTIONS="true")
    assert f"::error file=docs/en/{CS},line={line}::regoin: unknown key (did you mean 'region'?)" in result.stderr
    assert "::error" not in check(project, GITHUB_ACTIONS="").stderr


def test_a_page_without_front_matter(tmp_path):
    project = docs_project(tmp_path)
    page = project / "docs" / "en" / "about.md"
    page.write_text("# About\n\nNo front matter.\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "docs/en/about.md:1: front matter: missing (start the file with a '---' line" in result.stderr
