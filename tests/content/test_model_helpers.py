"""Unit tests of the content model's pure helpers: parsing with line numbers, value checks, hints,
headings, durations, agenda times, the Sources section."""
import pytest

from kb import data
from kb.body_checks import check_body
from kb.frontmatter import line_of, parse, read_text
from kb.problems import Problem, closest
from kb.render import agenda_rows, duration_text, plural, source_date, source_entry, sources_section, ui
from kb.schema import check_meta
from kb.validate import url_of


def page(text):
    p, problems = parse(text, "x.md")
    assert not problems, problems
    return p


def test_line_of_finds_nested_keys():
    p = page("---\nkind: case-study\npartners:\n  - name: A\n    role: host\n  - name: B\n    role: x\n---\n")
    assert line_of(p, "kind") == 2
    assert line_of(p, "partners") == 3
    assert line_of(p, "partners", 1, "role") == 7
    assert line_of(p, "missing") == 2


def test_parse_reports_missing_and_unclosed_front_matter():
    assert parse("# Title\n", "x.md")[1][0].message == "missing"
    assert parse("---\ntitle: x\n", "x.md")[1][0].message == "not closed"
    problem = parse("---\ntitle: x\nbad: [a,\nnext: 1\n---\n", "x.md")[1][0]
    assert problem.line == 3 and "flow sequence" in problem.message


def test_read_text_finds_the_line_of_a_bad_byte():
    text, problems = read_text(b"a\nb\n\xff\n", "x.md")
    assert text is None and problems[0].line == 3


@pytest.mark.parametrize("yaml_value, message", [
    ("year: 25", "must be a four-digit year"),
    ("year: true", "must be a four-digit year"),
    ("year_stated: 'no'", "must be true or false"),
    ('date: "2025-13-01"', "is not a valid date"),
    ("date: 2025-05-05", None),
    ('date: "7–9 December"', None),
    ("duration: 0", "must be a positive whole number"),
    ("duration: '90'", "must be a positive whole number"),
    ("themes: []", "must be a non-empty list"),
    ("themes: advocacy", "must be a non-empty list"),
    ("related: [/case-studies/x.md]", "must be a page path relative to the language folder"),
    ("title:", "has no value"),
])
def test_value_checks(yaml_value, message):
    base = {"kind": "workshop-kit" if yaml_value.startswith("duration") else "event", "title": "T",
            "description": "D", "sources": "[library-associations-panel]"}
    key = yaml_value.split(":")[0]
    lines = [f"{k}: {v}" for k, v in base.items() if k != key] + [yaml_value]
    found = [p for p in check_meta(page("---\n" + "\n".join(lines) + "\n---\n")) if p.field.startswith(key)]
    if message is None:
        assert found == []
    else:
        assert found and message in found[0].message and found[0].line == len(lines) + 1


def test_closest_suggests_or_lists():
    assert closest("regoin", ["region", "city"]) == "did you mean 'region'?"
    assert closest("zzz", ["a", "b"]) == "known: a, b"


def test_problem_formats():
    p = Problem("docs/en/x.md", 3, "year", "bad, 100%", "fix")
    assert str(p) == "docs/en/x.md:3: year: bad, 100% (fix)"
    assert p.annotation() == "::error file=docs/en/x.md,line=3::year: bad, 100%25 (fix)"


def test_headings_ids_explicit_slugified_and_outside_code():
    p = page("---\nkind: page\n---\n# Title\n## One {#one}\n## Two words\n```\n## not a heading\n```\n"
             "## الدروس المستفادة\n")
    assert [(h.line, h.level, h.id) for h in p.scan.headings] == [(4, 1, "title"), (5, 2, "one"), (6, 2, "two-words"),
                                                         (10, 2, "الدروس-المستفادة")]


def test_the_page_title_may_repeat_in_the_handout_but_sections_may_not():
    p = page("---\nkind: page\n---\n# Kit\n## Handout {#handout}\n### Kit\n### Kit\n")
    problems = check_body(p)
    assert [(x.line, x.field) for x in problems] == [(7, "heading")]


def test_alt_text_and_unsafe_html():
    p = page('---\nkind: page\n---\n![ok](a.png)\n![ ](b.png)\n<img src="c.png" alt="">\n'
             '<img alt="fine" src="d.png">\n<a href="JavaScript:x">x</a>\n<div onmouseover="x">\n')
    assert [(x.line, x.field) for x in check_body(p)] == [(5, "image"), (6, "image"), (8, "html"), (9, "html")]


def test_plural_and_duration_in_both_languages():
    assert duration_text(180, "en") == "3 hours"
    assert duration_text(90, "en") == "1 hour 30 minutes"
    assert duration_text(45, "en") == "45 minutes"
    assert duration_text(120, "ar") == "ساعتان"
    assert duration_text(150, "ar") == "ساعتان ونصف"
    assert duration_text(100, "ar") == "ساعة واحدة و40 دقيقة"
    assert duration_text(5 * 60 + 5, "ar") == "5 ساعات و5 دقائق"
    assert plural(ui()["ar"]["mins"], 11, "ar") == "11 دقيقة"
    assert plural(ui()["ar"]["mins"], 1, "ar") == "دقيقة واحدة"


def test_agenda_start_times():
    assert agenda_rows([{"minutes": 45, "title": "A"}, {"minutes": 30, "title": "B"}, {"minutes": 5, "title": "C"}]) \
        == [("0:00", 45, "A"), ("0:45", 30, "B"), ("1:15", 5, "C")]


def test_sources_section_and_entries():
    section = sources_section(["library-associations-panel"], "ar")
    assert section.startswith("\n\n## المصادر {#sources}\n\n1. ")
    assert "لم يُذكر التاريخ" in section
    entry = source_entry("libraries-lead-forum-2025", "en")
    assert entry.startswith("*\\[Press release") and entry.endswith("Doha, Qatar. 1 May 2025.")
    # The date as the prose writes it, in the page's language (arabic-review X19), not ISO.
    assert source_entry("libraries-lead-forum-2025", "ar").endswith("الدوحة، قطر، 1 مايو 2025")
    assert source_date("2025-05-01", "ar") == "1 مايو 2025" and source_date("May 2025", "en") == "May 2025"


def test_every_vocabulary_term_and_source_is_bilingual():
    assert data.check_data() == []


def test_url_of():
    assert url_of("index.md") == ""
    assert url_of("case-studies/index.md") == "case-studies"
    assert url_of("case-studies/x.md") == url_of("case-studies/x/index.md") == "case-studies/x"


def test_an_edited_page_is_read_again_by_the_next_index(tmp_path):
    # A rebuild while serving builds a new page index: it must see an edit.
    from kb import content
    (tmp_path / "en").mkdir()
    file = tmp_path / "en" / "x.md"
    file.write_text("---\nkind: page\ntitle: Before\n---\n# Before\n", encoding="utf-8")
    assert content.build(tmp_path).meta("en")["x.md"]["title"] == "Before"
    file.write_text("---\nkind: page\ntitle: After\n---\n# After\n", encoding="utf-8")
    assert content.build(tmp_path).meta("en")["x.md"]["title"] == "After"
