"""`python -m kb new KIND SLUG`: both language files from the templates, mkdocs.yml untouched; the check (and
the build) refuse the scaffold unchanged, naming each placeholder's line, and pass once they are replaced; an
existing slug refused; a scaffolded page, written, builds and is in its section's navigation."""
import re
from pathlib import Path

import pytest

from content_helpers import ROOT, docs_project, kb, run_build, site_project
from kb.kinds import REQUIRED_SECTIONS, SECTIONS
from kb.placeholders import prose
from kb.schema import fields

PLACEHOLDER = re.compile(r"^(docs/\S+\.md):(\d+): placeholder: text left from the template kb/templates/", re.M)


def placeholder_lines(output: str) -> dict[str, list[int]]:
    found = {}
    for path, line in PLACEHOLDER.findall(output):
        found.setdefault(path, []).append(int(line))
    return found


def write_over(project: Path, found: dict[str, list[int]]) -> None:
    """What an author does: each reported line's text replaced with their own (keys and list markers kept)."""
    for path, lines in found.items():
        page = project / path
        text = page.read_text(encoding="utf-8").split("\n")
        own = "نص كتبه المؤلف في السطر {}" if "/ar/" in path else "Text the author wrote on line {}"
        for n in lines:
            text[n - 1] = text[n - 1].replace(prose(text[n - 1]), own.format(n))
        page.write_text("\n".join(text), encoding="utf-8")


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
    # unchanged, the scaffold fails the check: each placeholder at its line, in every section of both pages
    check = kb(project, "check")
    assert check.returncode == 1
    found = placeholder_lines(check.stderr)
    assert sorted(found) == [f"docs/{lang}/{rel}" for lang in ("ar", "en")]
    for lang, page in (("en", en), ("ar", ar)):
        lines = page.read_text(encoding="utf-8").split("\n")
        assert "description" in lines[found[f"docs/{lang}/{rel}"][0] - 1]
        headings = [n for n, line in enumerate(lines, 1) if re.match(r"#{1,2} ", line)]  # the title, then sections
        for start, end in zip(headings, [*headings[1:], len(lines) + 1], strict=True):
            if any(line.strip() and not line.startswith("#") for line in lines[start:end - 1]):
                assert any(start < n < end for n in found[f"docs/{lang}/{rel}"]), (page, lines[start - 1])
    assert not [line for line in check.stderr.splitlines() if "placeholder" not in line and ":" in line
                and line.startswith("docs/")], check.stderr
    # once the author has written over them, nothing else is in the way
    write_over(project, found)
    check = kb(project, "check")
    assert check.returncode == 0, check.stderr


def test_template_text_in_the_other_language_and_in_any_page_line_is_found(tmp_path):
    project = project_with_nav(tmp_path)
    page = project / "docs/ar/case-studies/network-story.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nWho the partners are and what situation they faced, as the source describes it.\n"
                    "\n- What participants will be able to do after the workshop.\n", encoding="utf-8")
    check = kb(project, "check")
    assert check.returncode == 1
    line = len(text.split("\n")) + 1
    assert (f"docs/ar/case-studies/network-story.md:{line}: placeholder: text left from the template "
            "kb/templates/case-study.en.md:18: 'Who the partners are") in check.stderr
    assert "kit" not in check.stderr  # a kit's placeholder is not a case study's


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


def test_a_scaffolded_page_builds_once_written(tmp_path):
    project = site_project(tmp_path / "project")
    assert kb(project, "new", "workshop-kit", "new-kit").returncode == 0
    site = tmp_path / "site"
    refused = run_build(project, site)
    assert refused.returncode != 0 and not (site / "workshops/new-kit/index.html").exists()
    assert "docs/en/workshops/new-kit.md:4: placeholder: text left from the template" in refused.stderr
    write_over(project, placeholder_lines(kb(project, "check").stderr))
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for root in (site, site / "ar"):
        assert (root / "workshops/new-kit/index.html").exists()
        # listed in its section's sidebar, with no nav entry of its own
        assert 'href="new-kit/"' in (root / "workshops/index.html").read_text(encoding="utf-8").split(
            "md-sidebar--secondary")[0]
