"""kb/sections.py: a `<folder>/*` nav entry becomes the folder's pages, ordered by `order`, then date (newest
first), then title in the page's language; pages the nav lists itself are not repeated."""
import datetime

from kb.sections import expand, ordered, patterns

NAV = [{"Home": "index.md"}, {"Case studies": ["case-studies/index.md", "case-studies/*"]},
       {"About": ["about.md", "translation-status.md"]}]


def test_order_then_date_then_title():
    pages = {
        "case-studies/index.md": {"title": "Case studies"},
        "case-studies/zeta.md": {"title": "Zeta", "order": 20},
        "case-studies/alpha.md": {"title": "Alpha", "order": 30},
        "case-studies/first.md": {"title": "Yet first", "order": 10},
        "case-studies/old.md": {"title": "Old", "year": 2019},
        "case-studies/dated.md": {"title": "Dated", "date": "2024-03-01"},
        "case-studies/same-year.md": {"title": "Same year", "date": datetime.date(2024, 1, 5)},
        "case-studies/loose.md": {"title": "Loose date", "date": "7–9 December"},   # not comparable: no date
        "case-studies/beta.md": {"title": "beta"},
        "case-studies/sub/deep.md": {"title": "Deeper folder"},                      # not directly in the folder
        "events/other.md": {"title": "Another section"},
    }
    assert ordered("case-studies", pages, {"case-studies/index.md"}) == [
        "case-studies/first.md", "case-studies/zeta.md", "case-studies/alpha.md",
        "case-studies/dated.md", "case-studies/same-year.md", "case-studies/old.md",
        "case-studies/beta.md", "case-studies/loose.md"]


def test_arabic_titles_ignore_marks_and_letter_variants():
    pages = {"s/a.md": {"title": "بِناء"}, "s/b.md": {"title": "إدارة"}, "s/c.md": {"title": "أرشيف"},
             "s/d.md": {"title": "«تعاون»"}}
    # إدارة and أرشيف sort as ادارة and ارشيف (one alef), the quotation mark and the kasra are ignored
    assert ordered("s", pages) == ["s/b.md", "s/c.md", "s/a.md", "s/d.md"]


def test_a_bad_order_falls_back_to_the_next_keys():
    pages = {"s/a.md": {"title": "A", "order": True}, "s/b.md": {"title": "B", "order": "1"},
             "s/c.md": {"title": "C", "order": 5}}
    assert ordered("s", pages) == ["s/c.md", "s/a.md", "s/b.md"]


def test_expand_keeps_the_editorial_frame_and_lists_no_page_twice():
    pages = {"index.md": {}, "about.md": {}, "case-studies/index.md": {"title": "Case studies"},
             "case-studies/b.md": {"title": "B"}, "case-studies/a.md": {"title": "A"}}
    assert patterns(NAV) == ["case-studies"]
    assert expand(NAV, pages) == [
        {"Home": "index.md"}, {"Case studies": ["case-studies/index.md", "case-studies/a.md", "case-studies/b.md"]},
        {"About": ["about.md", "translation-status.md"]}]
    # an entry listed explicitly elsewhere keeps its place and is not repeated by the pattern
    pinned = [{"Featured": ["case-studies/b.md"]}, *NAV]
    assert expand(pinned, pages)[2] == {"Case studies": ["case-studies/index.md", "case-studies/a.md"]}


def test_a_nav_without_patterns_is_unchanged():
    nav = [{"Home": "index.md"}, {"S": ["s/index.md", "s/x.md"]}]
    assert patterns(nav) == [] and expand(nav, {"s/y.md": {}}) == nav
