"""The validation runs inside `mkdocs build`: a bad page fails a real strict build with the full report,
and nothing is written to the site folder."""
import pytest

from content_helpers import line_with, put, run_build, site_project

CS = "case-studies/network-story.md"


@pytest.mark.parametrize("fixture, target, where, message", [
    ("malformed-yaml.md", f"en/{CS}", "themes:", "front matter: malformed YAML"),
    ("unsafe-html.md", f"ar/{CS}", "<script>alert", "html: <script> is not allowed (allowed: a, abbr,"),
    ("html-allow-list.md", f"en/{CS}", "entity-encoded", 'html: <a href="javascript:alert(1)"> is not allowed'),
    ("html-allow-list.md", f"en/{CS}", "![a remote chart]", "image: https://evil.example/t.png is not allowed"),
    ("html-allow-list.md", f"en/{CS}", "onclick", 'html: {: onclick="alert(1)" } is not allowed'),
    ("bidi-controls.md", f"ar/{CS}", "title:", "text: invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("markup-in-front-matter.md", f"en/{CS}", "description:", "text: markup is not allowed in this text"),
])
def test_a_bad_page_fails_the_build_and_writes_nothing(tmp_path, fixture, target, where, message):
    project = site_project(tmp_path / "project")
    put(project, fixture, target)
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content validation failed" in output
    assert f"docs/{target}:{line_with(fixture, where)}: {message}" in output
    assert "Traceback" not in output
    assert not site.exists() or not any(site.iterdir())


def test_a_bad_data_file_fails_the_build_and_writes_nothing(tmp_path):
    project = site_project(tmp_path / "project")
    vocab = project / "kb" / "data" / "vocabularies.yml"
    text = vocab.read_text(encoding="utf-8")
    assert "{en: Case study," in text
    vocab.write_text(text.replace("{en: Case study,", "{en: Case \u202estudy,"), encoding="utf-8")
    line = next(i for i, t in enumerate(vocab.read_text(encoding="utf-8").split("\n"), 1) if "\u202e" in t)
    site = tmp_path / "site"
    result = run_build(project, site)  # run in the copy: its kb/ (and kb/data) is the one imported
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"kb/data/vocabularies.yml:{line}: text: invisible bidi control U+202E RIGHT-TO-LEFT OVERRIDE" in output
    assert "Traceback" not in output
    assert not site.exists() or not any(site.iterdir())
