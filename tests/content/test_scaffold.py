"""`python -m kb new KIND SLUG`: both language files from the templates, mkdocs.yml untouched, the validator
passes on the result, an existing slug refused; a scaffolded page builds and is in its section's navigation."""
import re

import pytest

from content_helpers import ROOT, docs_project, kb, run_build, site_project
from kb.kinds import REQUIRED_SECTIONS, SECTIONS
from kb.schema import fields


def project_with_nav(tmp_path):
    project = docs_project(tmp_path)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return project


@pytest.mark.parametrize("kind", list(SECTIONS))
def test_new_page_in_both_languages_passes_the_validator(tmp_path, kind):
    project = project_with_nav(tmp_path)
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = kb(project, "new", kind, "fresh-page", "--title", "Fresh: a page", "--title-ar", "صفحة جديدة")
    assert result.returncode == 0, result.stderr
    rel = f"{SECTIONS[kind]}/fresh-page.md"
    en, ar = (project / "docs" / lang / rel for lang in ("en", "ar"))
    assert en.exists() and ar.exists()
    assert '# Fresh: a page' in en.read_text(encoding="utf-8")
    assert "# صفحة جديدة" in ar.read_text(encoding="utf-8")
    for page in (en, ar):
        text = page.read_text(encoding="utf-8")
        for key, (_, required) in fields(kind).items():
            if required:
                assert re.search(rf"^{key}:", text, re.M), (page, key)
        for section in REQUIRED_SECTIONS.get(kind, []):
            assert f"{{#{section}}}" in text
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == before  # the section lists it itself
    check = kb(project, "check")
    assert check.returncode == 0, check.stderr


def test_an_existing_slug_is_refused(tmp_path):
    project = project_with_nav(tmp_path)
    page = project / "docs" / "en" / "case-studies" / "network-story.md"
    before, nav = page.read_bytes(), (project / "mkdocs.yml").read_bytes()
    result = kb(project, "new", "case-study", "network-story")
    assert result.returncode == 1
    assert "kb new: docs/en/case-studies/network-story.md exists: choose another slug" in result.stderr
    assert page.read_bytes() == before and (project / "mkdocs.yml").read_bytes() == nav


@pytest.mark.parametrize("args, message", [
    (["case-stuy", "x"], "unknown kind 'case-stuy' (did you mean 'case-study'?)"),
    (["case-study", "Not A Slug"], "'Not A Slug' is not a slug"),
])
def test_bad_arguments(tmp_path, args, message):
    result = kb(project_with_nav(tmp_path), "new", *args)
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_scaffolded_page_builds(tmp_path):
    project = site_project(tmp_path / "project")
    assert kb(project, "new", "workshop-kit", "new-kit").returncode == 0
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for root in (site, site / "ar"):
        assert (root / "workshops/new-kit/index.html").exists()
        # listed in its section's sidebar, with no nav entry of its own
        assert 'href="new-kit/"' in (root / "workshops/index.html").read_text(encoding="utf-8").split(
            "md-sidebar--secondary")[0]
