"""The validation runs inside `mkdocs build`: a bad page fails a real strict build with the full report,
and nothing is written to the site folder."""
import pytest

from content_helpers import line_with, put, run_build, site_project

CS = "case-studies/network-story.md"


@pytest.mark.parametrize("fixture, target, where, message", [
    ("malformed-yaml.md", f"en/{CS}", "themes:", "front matter: malformed YAML"),
    ("unsafe-html.md", f"ar/{CS}", "<script>alert", "html: unsafe raw HTML <script>"),
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
