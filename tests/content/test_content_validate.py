"""`python -m kb check` on the fixture tree: every class of bad input is reported at its file and line,
with a non-zero exit and no traceback; the valid tree passes."""
import pytest

from content_helpers import BAD, VALID, docs_project, kb, line_with, put

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
    ("unsafe-html.md", [f"en/{CS}"], "<script>alert", "html", "unsafe raw HTML <script>"),
    ("unsafe-html.md", [f"en/{CS}"], "<iframe", "html", "unsafe raw HTML <iframe>"),
    ("unsafe-html.md", [f"en/{CS}"], "<object", "html", "unsafe raw HTML <object>"),
    ("unsafe-html.md", [f"en/{CS}"], "<embed", "html", "unsafe raw HTML <embed>"),
    ("unsafe-html.md", [f"en/{CS}"], "onclick", "html", "unsafe event-handler attribute onclick="),
    ("unsafe-html.md", [f"en/{CS}"], "javascript:", "link", "unsafe javascript: URL"),
    ("agenda-sum.md", ["en/workshops/short-kit.md"], "agenda:", "agenda",
     "the parts add up to 85 minutes, but duration is 90"),
    ("missing-section.md", [f"en/{CS}"], "## What was done", "sections", "missing the section {#lessons}"),
    ("own-sources-section.md", [f"en/{CS}"], "## Sources", "heading", "the 'sources' section is generated"),
    ("missing-reference.md", [f"en/{CS}"], "event:", "event", "no page docs/en/events/no-such-forum.md"),
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
