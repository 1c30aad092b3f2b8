"""The terminology check (kb/terminology.py): a variant that kb/data/glossary.yml or names.yml lists under
avoid_ar is reported at its file and line, never inside code or a quotation of a source's own words; a bad
avoid_ar entry is reported at its line with a non-zero exit."""
from pathlib import Path

import pytest

from content_helpers import ROOT, kb
from kb import glossary, terminology

GLOSSARY = """\
strategic-direction:
  en: strategic direction
  ar: توجه استراتيجي
  forms_ar: [التوجه الاستراتيجي, التوجهات الاستراتيجية]
  def_en: A line of a strategy.
  def_ar: مسار في استراتيجية.
trends:
  en: trends
  ar: الاتجاهات
  avoid_ar: [التوجه, التوجهات]
  def_en: Changes.
  def_ar: تحولات.
multilateral-cooperation:
  en: multilateral cooperation
  ar: التعاون المتعدد الأطراف
  forms_ar: [تعاون متعدد الأطراف]
  avoid_ar: [التعاون متعدد الأطراف, مجموعات المجتمع المحلي]
  def_en: Cooperation among many.
  def_ar: تعاون بين أطراف كثيرة.
"""
NAMES = """\
organisations:
  # the article
  ifla: {en: IFLA, ar: الإفلا, avoid_ar: [إفلا]}
  sigl: {en: SIGL, ar: SIGL}
"""


def project(tmp_path: Path, page: str, glossary_text: str = GLOSSARY, names: str = NAMES) -> Path:
    (tmp_path / "kb" / "data").mkdir(parents=True)
    (tmp_path / "kb" / "data" / "glossary.yml").write_text(glossary_text, encoding="utf-8")
    (tmp_path / "kb" / "data" / "names.yml").write_text(names, encoding="utf-8")
    (tmp_path / "docs" / "ar").mkdir(parents=True)
    (tmp_path / "docs" / "ar" / "page.md").write_text(page, encoding="utf-8")
    return tmp_path


def found(tmp_path: Path, page: str) -> list[tuple[int, str]]:
    """(line, message) of each problem on the page."""
    return [(p.line, p.message) for p in terminology.check_tree(project(tmp_path, page))
            if p.path == "docs/ar/page.md"]


@pytest.mark.parametrize("text, hit", [
    ("إفلا", True), ("لإفلا", True), ("وإفلا", True), ("بإفلا", True), ("(إفلا)", True), ("إِفلا", True),
    ("افلا", True), ("الإفلا", False), ("للإفلا", False), ("وللإفلا", False), ("بالإفلا", False),
    ("إفلات", False), ("IFLA", False),
])
def test_a_variant_without_the_article_never_matches_the_word_with_it(text, hit):
    rx = terminology.variant_pattern("إفلا")
    assert bool(rx.search(terminology.fold(f"قالت {text} اليوم"))) is hit


@pytest.mark.parametrize("text, hit", [
    ("التعاون متعدد الأطراف", True), ("وللتعاون متعدد الأطراف", True), ("بالتعاون متعدد الأطراف", True),
    ("التعاونِ متعددِ الأطرافِ", True), ("التعاون\n  متعدد الأطراف", True),
    ("تعاون متعدد الأطراف", False), ("التعاون المتعدد الأطراف", False), ("للتعاون المتعدد الأطراف", False),
])
def test_a_variant_with_the_article_matches_its_prefixed_forms_only(text, hit):
    rx = terminology.variant_pattern("التعاون متعدد الأطراف")
    assert bool(rx.search(terminology.fold(text))) is hit


PAGE = """\
---
title: جلسات «من التوجهات إلى الممارسة»
description: صفحة عن الإفلا.
---

# مكتب إفلا الإقليمي

نص فيه `إفلا` في شيفرة، ورابط [للإفلا](https://example.org/إفلا) وآخر [لإفلا](ifla.md).

```text
إفلا في كتلة شيفرة
```

> اقتباس من مصدر عربي: إفلا والتوجهات.

قال المصدر «Thank you for the work you've done!» و“IFLA” ثم ذكر التوجه الاستراتيجي رقم 4
والتوجهات الاستراتيجية، ثم التوجهات وحدها، ثم التعاون
متعدد الأطراف.
<!-- إفلا في تعليق -->
~~~
التوجهات
~~~
"""


def test_the_page_is_reported_line_by_line_outside_code_and_quotations(tmp_path):
    assert found(tmp_path, PAGE) == [
        (2, "«التوجهات» is a variant to avoid"),  # front matter: a title is shown; Arabic «…» is our own
        (6, "«إفلا» is a variant to avoid"),  # a heading
        (8, "«لإفلا»: «إفلا» is a variant to avoid"),  # link text is text; its target is not
        (17, "«التوجهات» is a variant to avoid"),  # alone, not inside the glossary form التوجهات الاستراتيجية
        (17, "«التعاون متعدد الأطراف» is a variant to avoid"),  # across a line break: its first line
    ]


@pytest.mark.parametrize("text", ["للتوجهات", "والتوجهات", "بالتوجهات", "التوجهاتِ", "وإفلا", "بإفلا"])
def test_prefixed_uses_are_found_on_a_page(tmp_path, text):
    assert [line for line, _ in found(tmp_path, f"سطر\nنص عن {text} هنا\n")] == [2]


def test_the_problem_names_the_decision_and_where_it_is(tmp_path):
    (problem,) = terminology.check_tree(project(tmp_path, "كتبت لإفلا.\n"))
    assert str(problem) == ("docs/ar/page.md:1: terminology: «لإفلا»: «إفلا» is a variant to avoid "
                            "(decided: «الإفلا»; see kb/data/names.yml:3)")


def test_data_files_templates_and_interface_strings_are_checked_but_not_avoid_lists_or_comments(tmp_path):
    root = project(tmp_path, "نص سليم عن الإفلا.\n")
    (root / "kb" / "data" / "ui.yml").write_text("ar:\n  # إفلا in a comment\n  about: عن إفلا\n", encoding="utf-8")
    (root / "kb" / "templates").mkdir()
    (root / "kb" / "templates" / "event.ar.md").write_text("\n\nفعالية لإفلا\n", encoding="utf-8")
    (root / "kb" / "templates" / "event.en.md").write_text("إفلا\n", encoding="utf-8")  # not Arabic: not read
    (root / "overrides" / "partials" / "languages").mkdir(parents=True)
    (root / "overrides" / "partials" / "languages" / "ar.html").write_text('"a": "التوجهات"\n', encoding="utf-8")
    assert sorted((p.path, p.line) for p in terminology.check_tree(root)) == [
        ("kb/data/ui.yml", 3), ("kb/templates/event.ar.md", 3), ("overrides/partials/languages/ar.html", 1)]


def test_the_command_exits_non_zero_naming_file_and_line_and_zero_when_clean(tmp_path):
    root = project(tmp_path / "bad", "سطر أول\nوقالت إفلا\n")
    result = kb(root, "terms")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("docs/ar/page.md:2: terminology: «إفلا» is a variant to avoid")
    clean = kb(project(tmp_path / "good", "وقالت الإفلا\n"), "terms")
    assert clean.returncode == 0, clean.stderr
    assert "no variant to avoid" in clean.stdout


@pytest.mark.parametrize("entry, problem", [
    ("  avoid_ar: إفلا\n", "10: trends: avoid_ar must be a list of non-empty strings"),
    ("  avoid_ar: [IFLA]\n", "10: trends: avoid_ar: 'IFLA' has no Arabic letters"),
    ("  avoid_ar: [توجه استراتيجي]\n", "10: trends: avoid_ar: 'توجه استراتيجي' is a form of "
     "'strategic-direction' (a page could not both use and avoid it)"),
    ("  avoid_ar: [التعاون متعدد الأطراف]\n", "17: multilateral-cooperation: avoid_ar: "
     "'التعاون متعدد الأطراف' is also avoided for 'trends'"),
])
def test_a_bad_glossary_avoid_list_is_reported_at_its_line(tmp_path, entry, problem):
    text = GLOSSARY.replace("  avoid_ar: [التوجه, التوجهات]\n", entry)
    assert f"kb/data/glossary.yml:{problem}" in glossary.check(text, "kb/data/glossary.yml")[1]
    result = kb(project(tmp_path, "نص\n", glossary_text=text), "terms")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"kb/data/glossary.yml:{problem}" in result.stderr


@pytest.mark.parametrize("value", ["إفلا", "[]", "[IFLA]", "[[إفلا]]"])
def test_a_bad_names_avoid_list_is_reported_at_its_line(tmp_path, value):
    names = NAMES.replace("avoid_ar: [إفلا]", f"avoid_ar: {value}")
    result = kb(project(tmp_path, "نص\n", names=names), "terms")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "kb/data/names.yml:3: ifla: avoid_ar must be a list of Arabic variants" in result.stderr


def test_malformed_names_yaml_is_one_line_not_a_traceback(tmp_path):
    result = kb(project(tmp_path, "نص\n", names="organisations: {ifla: [\n"), "terms")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("kb/data/names.yml:")


def test_the_real_decisions_are_data(tmp_path):
    """The decided terms of issue 17 are in the data, each with the variants the pages had."""
    terms = glossary.terms()
    assert "العاملون في علوم المكتبات والمعلومات" in terms["lis-professional"].avoid_ar
    assert "التوجهات" in terms["trends"].avoid_ar and terms["trends"].ar == "الاتجاهات"
    assert "الأجندة" in terms["global-agenda"].avoid_ar
    variants, accepted, problems = terminology.variants(ROOT)
    assert problems == [] and accepted
    assert {"إفلا", "فرع كوينزلاند"} <= {v.text for v in variants}


def test_kb_check_and_the_build_report_a_variant_at_its_line(tmp_path):
    """kb check (and so every build, through the validate hook) runs the check on its page index."""
    from content_helpers import docs_project
    root = docs_project(tmp_path)
    page = next((root / "docs" / "ar").rglob("*.md"))
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.append("وقالت إفلا ذلك.")
    page.write_text("\n".join(lines), encoding="utf-8")
    result = kb(root, "check")
    shown = page.relative_to(root).as_posix()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{shown}:{len(lines)}: terminology: «إفلا» is a variant to avoid" in result.stderr


def test_the_site_uses_the_decided_terms():
    """No Arabic page, page template, data file or interface string of the real project uses a variant to
    avoid (issue 17; the decisions are the avoid_ar lists of kb/data/glossary.yml and names.yml)."""
    problems = terminology.check_tree(ROOT)
    assert problems == [], "\n".join(map(str, problems))
