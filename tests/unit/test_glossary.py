"""The glossary helpers: data checks, Arabic prefix matching, first-use linking and what is never linked."""
import re

import pytest

from kb import glossary
from kb.glossary import match

FIXTURE = """\
partnership:
  en: partnership
  ar: شراكة
  forms_en: [partnerships]
  forms_ar: [شراكات]
  def_en: Working together.
  def_ar: عمل مشترك.
strategic-partnership:
  en: strategic partnership
  ar: شراكة استراتيجية
  forms_ar: [الشراكة الاستراتيجية]
  def_en: A long-term partnership.
  def_ar: شراكة طويلة الأمد.
lis:
  en: library and information science (LIS)
  ar: علوم المكتبات والمعلومات
  forms_en: [LIS]
  def_en: The field.
  def_ar: المجال.
regional-office:
  en: regional office
  ar: مكتب إقليمي
  forms_ar: [المكتب الإقليمي]
  def_en: An office.
  def_ar: مكتب.
sustainability:
  en: sustainability
  ar: الاستدامة
  def_en: Lasting.
  def_ar: الدوام.
"""
TERMS, PROBLEMS = glossary.check(FIXTURE, "fixture.yml")


def link(text, lang="en", href="glossary.md"):
    return glossary.link_terms(text, lang, href, TERMS)


def links(text, lang="en"):
    """The (link text, term id) pairs in linked Markdown."""
    return re.findall(r"\[([^\]]+)\]\(glossary\.md#([a-z-]+) ", link(text, lang))


def test_fixture_is_valid():
    assert PROBLEMS == [] and len(TERMS) == 5


def test_real_glossary_is_valid_and_large_enough():
    terms, problems = glossary.check(glossary.GLOSSARY.read_text(encoding="utf-8"))
    assert problems == []
    assert len(terms) >= 45
    assert all(re.fullmatch(r"[a-z0-9-]+", tid) for tid in terms)


@pytest.mark.parametrize("word", ["شراكة", "الشراكة", "والشراكة", "فالشراكة", "بالشراكة", "وبالشراكة",
                                  "كالشراكة", "للشراكة", "وللشراكة", "بشراكة", "وبشراكة", "لشراكة",
                                  "الشَّراكة", "شراكات", "والشراكات", "وَالشَّرَاكَةُ", "بِالشَّرَاكَاتِ", "الشـراكة"])
def test_arabic_prefixes_and_diacritics_link_the_whole_word(word):
    assert links(f"تقوم {word} على الثقة.", "ar") == [(word, "partnership")]


@pytest.mark.parametrize("text", ["شراكتنا قوية.", "المشاركة واجبة.", "اشراكة"])
def test_arabic_matches_whole_words_only(text):
    assert links(text, "ar") == []


def test_arabic_definite_article_inside_multiword_terms():
    assert links("نجحت الشراكة الاستراتيجية، ثم تعددت الشراكات.", "ar") == [
        ("الشراكة الاستراتيجية", "strategic-partnership"), ("الشراكات", "partnership")]
    assert links("وللمكتب الإقليمي دور.", "ar") == [("وللمكتب الإقليمي", "regional-office")]


def test_arabic_alef_variants_and_article_on_a_definite_term():
    assert links("استدامة المبادرات ضرورية.", "ar") == [("استدامة", "sustainability")]
    assert links("ولاستدامة المبادرات.", "ar") == [("ولاستدامة", "sustainability")]


def test_first_occurrence_only():
    out = link("A partnership helps. Another partnership. Partnerships grow.")
    assert out.count("](glossary.md#partnership") == 1
    assert out.startswith('A [partnership](glossary.md#partnership "Working together."){ .kb-term } helps.')


def test_longer_term_claims_its_words_first():
    assert links("A strategic partnership, then a partnership.") == [
        ("strategic partnership", "strategic-partnership"), ("partnership", "partnership")]


def test_every_use_of_a_longer_term_is_kept_from_shorter_terms():
    # The second "strategic partnership" is not linked (first use only), and its words are not taken
    # for the shorter term either.
    assert links("A strategic partnership. Later, another strategic partnership.") == [
        ("strategic partnership", "strategic-partnership")]


def test_nothing_linked_in_headings_links_code_or_markup():
    text = "\n".join([
        "---", "title: partnership", "---",
        "# A partnership heading",
        "Setext partnership heading", "--------------------------",
        "See [the partnership](other.md) and ![partnership](p.png) and `partnership`.",
        "```", "partnership in code", "```",
        '!!! note "partnership"',
        '=== "partnership"',
        "<p>partnership</p>",
        "<a href='partnership'>x</a> {: #partnership }",
        "*[partnership]: abbreviation",
        "The workshop «partnership» and “partnership”.",
        "Finally a partnership.",
    ])
    out = link(text)
    assert out.count("glossary.md#partnership") == 1
    assert out.endswith('Finally a [partnership](glossary.md#partnership "Working together."){ .kb-term }.')


def test_nothing_linked_in_arabic_headings_or_links():
    out = link("## الشراكة\n\n[الشراكة](x.md) ثم بالشراكة.", "ar")
    assert out.startswith("## الشراكة\n\n[الشراكة](x.md) ثم [بالشراكة](glossary.md#partnership ")


def test_proper_names_are_not_linked_as_terms():
    assert links("The IFLA Middle East and North Africa (MENA) Regional Office met regional offices.") == []
    assert links("Visit the regional office.") == [("regional office", "regional-office")]
    assert links("قسم التعاون الدولي ومكتب إفلا الإقليمي للشرق الأوسط وشمال أفريقيا والمكتب الإقليمي.", "ar") == [
        ("والمكتب الإقليمي", "regional-office")]


def test_acronyms_keep_their_case():
    assert links("Students of lis and LIS.") == [("LIS", "lis")]


def test_title_cased_phrases_are_names_not_terms():
    assert links("The Strategic Partnership Forum") == [("Partnership", "partnership")]


def test_glossary_href_is_relative_to_the_page():
    assert glossary.glossary_href("en/case-studies/x.md", "en") == "../glossary.md"
    assert glossary.glossary_href("ar/index.md", "ar") == "glossary.md"
    assert glossary.lang_relative("ar/glossary.md", "ar") == glossary.PAGE


def test_arabic_alphabetical_order_ignores_the_article_and_hamza():
    assert [t.id for t in glossary.sorted_terms("ar", TERMS)] == [
        "sustainability", "partnership", "strategic-partnership", "lis", "regional-office"]
    assert glossary.arabic_sort_key("الإنصاف") == "انصاف"
    assert [t.id for t in glossary.sorted_terms("en", TERMS)][:2] == ["lis", "partnership"]


def test_render_gives_each_term_its_anchor_and_equivalent():
    en, ar = glossary.render("en", TERMS), glossary.render("ar", TERMS)
    for term in TERMS.values():
        assert f"{{ #{term.id} }}" in en and f"{{ #{term.id} }}" in ar
        assert f'lang="ar" dir="rtl">{term.ar}</span>' in en
        assert f'lang="en" dir="ltr">{term.en}</span>' in ar
    assert "Strategic partnership { #strategic-partnership }" in en


@pytest.mark.parametrize("yaml_text, message", [
    ("Bad_Id:\n  en: a\n  ar: ب\n  def_en: a\n  def_ar: ب\n", "fixture.yml:1: Bad_Id: the id must be"),
    ("x:\n  en: a\n  def_en: a\n  def_ar: ب\n", "fixture.yml:1: x: ar is required"),
    ("x:\n  en: a\n  ar: b\n  def_en: a\n  def_ar: ب\n", "fixture.yml:3: x: ar has no Arabic letters"),
    ("x:\n  en: a\n  ar: ب\n  def_en: a\n  def_ar: ب\n  colour: red\n", "fixture.yml:6: x: unknown key 'colour'"),
    ("x:\n  en: a\n  ar: ب\n  def_en: a\n  def_ar: ب\ny:\n  en: b\n  ar: ت\n  forms_en: [A]\n  def_en: b\n"
     "  def_ar: ت\n", "fixture.yml:9: y: the form 'A' is also a form of 'x'"),
    ("x: [\n", "fixture.yml:2: yaml:"),
    ("x:\n  en: a\n  ar: ب\n  def_en: a\n  def_ar: ب\nx:\n  en: b\n  ar: ت\n  def_en: b\n  def_ar: ت\n",
     "fixture.yml:6: x: duplicate id"),
])
def test_bad_data_is_reported_with_file_and_line(yaml_text, message):
    _, problems = glossary.check(yaml_text, "fixture.yml")
    assert any(p.startswith(message) for p in problems), problems


# ── Finding forms without scanning the page once per form (kb/glossary/match.py FoldedText) ─────────────────────

DOCS = glossary.DATA.parents[1] / "docs"
TRICKY = {
    "en": ["Partnerships, partnership-building and PARTNERSHIP; Strategic\n  partnership, a partnership partnership.",
           "The \u212aelvin sign, \u017ftrategic partner\u017fhip, \u0130FLA and \u0131FLA, LIS and lis.",
           "Qatar National Library Qatar National Library and IFLA-IFLA IFLA."],
    "ar": ["وبالشراكة وللشراكة الشَّراكةُ شراكات شراكة شراكة، والشراكة الاستراتيجية، واستدامة ولاستدامة.",
           "ـالشـراكة وَالشراكة ووبالشراكة ببالشراكة المكتب الإقليمي للمكتب  الإقليمي أشراكة إستدامة آستدامة.",
           "مكتب إفلا الإقليمي للشرق الأوسط وشمال أفريقيا، ومكتبة قطر الوطنية، وبمكتبة قطر الوطنية."],
}


def _texts(lang):
    return TRICKY[lang] + [p.read_text(encoding="utf-8") for p in sorted((DOCS / lang).rglob("*.md"))]


@pytest.mark.parametrize("lang", glossary.LANGS)
@pytest.mark.parametrize("terms", [TERMS, glossary.terms()], ids=["fixture", "real"])
def test_forms_are_found_as_a_scan_of_the_whole_page_finds_them(lang, terms):
    for text in _texts(lang):
        page = match.FoldedText(text, lang)
        for _, forms in match._term_patterns(lang, tuple(terms.values())):
            for form in forms:
                rx = match.form_pattern(form, lang)
                expected = [page.span(m) for m in rx.finditer(page.haystack)]
                assert [m.span() for m in page.finditer(rx, form)] == expected, (form, text[:60])


@pytest.mark.parametrize("lang", glossary.LANGS)
def test_proper_names_are_found_as_one_alternation_finds_them(lang):
    forms = match._name_forms(lang)
    alternation = re.compile("|".join(match._name_pattern(lang, f).pattern for f in forms))
    for text in _texts(lang):
        page = match.FoldedText(text, lang)
        assert match._name_spans(page) == [page.span(m) for m in alternation.finditer(page.haystack)]


def test_case_traps_are_every_character_a_case_insensitive_pattern_folds_to_ascii():
    traps = [chr(c) for c in range(0x80, 0x30000) if re.fullmatch("(?i)[a-z]", chr(c))]
    assert "".join(traps) == glossary.CASE_TRAPS


def test_arabic_prefix_letters_and_length_follow_the_prefix_pattern():
    prefix = re.compile(match._AR_PREFIX)
    letters = set(re.sub(r"[^\u0621-\u064a]", "", match._AR_PREFIX))
    assert letters == set(match._AR_PREFIX_LETTERS)
    assert prefix.fullmatch("وبال") and len("وبال") == match._AR_PREFIX_MAX
    assert not prefix.fullmatch("وبالل")


@pytest.mark.parametrize("lang, names, text", [
    ("en", ["Qatar National Library Board", "Qatar National Library", "Library Board", "National Library", "Qatar"],
     "Qatar National Library Board, Qatar National Library Boards, National Library Board, Qatar-Qatar Qatar."),
    ("ar", ["مكتبة قطر الوطنية", "قطر الوطنية", "مكتبة قطر", "الوطنية"],
     "ومكتبة قطر الوطنية، مكتبة قطر الوطنيةِ، بمكتبة قطر، والوطنية قطر الوطنية الوطنية."),
])
def test_overlapping_names_are_found_as_one_alternation_finds_them(monkeypatch, lang, names, text):
    forms = tuple(sorted(names, key=len, reverse=True))
    monkeypatch.setattr(match, "_name_forms", lambda _: forms)
    alternation = re.compile("|".join(match._name_pattern(lang, f).pattern for f in forms))
    page = match.FoldedText(text, lang)
    expected = [page.span(m) for m in alternation.finditer(page.haystack)]
    assert match._name_spans(page) == expected
    assert len(expected) >= 4


def test_arabic_match_spans_the_word_with_its_diacritics_on_the_page():
    """Arabic forms are matched on the folded page; the link covers the word as written, vowels included."""
    text = "تقومُ وَالشَّرَاكَةُ، على الثقة."
    page = match.FoldedText(text, "ar")
    rx = glossary.pattern("شراكة", "ar")
    assert [m.group(0) for m in page.finditer(rx, "شراكة")] == ["وَالشَّرَاكَةُ"]


PLURAL_FIXTURE = """\
partner:
  en: partner
  ar: شريك
  def_en: One who takes part.
  def_ar: من يشارك.
workshop-kit:
  en: workshop kit
  ar: حقيبة تدريبية
  forms_ar: [الحقيبة التدريبية]
  def_en: Material for a workshop.
  def_ar: مواد لورشة.
librarian:
  en: librarian
  ar: أمين مكتبة
  forms_ar: [أمين المكتبة]
  def_en: One who works in a library.
  def_ar: من يعمل في مكتبة.
"""


@pytest.mark.parametrize("text, expected", [
    ("التقى الشركاء في الدوحة.", [("الشركاء", "partner")]),                       # one word
    ("ووزّعت الحقائب التدريبية.", [("الحقائب التدريبية", "workshop-kit")]),           # feminine: adjective stays
    ("بالحقائبِ التدريبيةِ", [("بالحقائبِ التدريبيةِ", "workshop-kit")]),               # prefix and diacritics
    ("تعمل المكاتب الإقليمية معًا.", [("المكاتب الإقليمية", "regional-office")]),     # masculine: nisba takes ة
    ("دور أمناء المكتبة", [("أمناء المكتبة", "librarian")]),                          # definite construct
    ("المكاتب الإقليمي", []),                                                    # no agreement, no term
])
def test_arabic_broken_plurals_link_to_the_singular_term(text, expected):
    terms, problems = glossary.check(PLURAL_FIXTURE, "fixture.yml")
    assert problems == []
    terms |= {"regional-office": TERMS["regional-office"]}
    found = re.findall(r"\[([^\]]+)\]\(glossary\.md#([a-z-]+) ", glossary.link_terms(text, "ar", "glossary.md", terms))
    assert found == expected


def test_at_most_one_term_link_per_paragraph():
    text = ("A partnership needs sustainability.\n\nAgain sustainability, and a regional office.\n\n"
            "- sustainability\n- a regional office and LIS\n\nLast, LIS.\n")
    out = glossary.link_terms(text, "en", "glossary.md", TERMS, per_block=1)
    found = re.findall(r"\[([^\]]+)\]\(glossary\.md#([a-z-]+) ", out)
    # each paragraph one link; sustainability goes to its next use, each list item is a paragraph, LIS waits
    assert found == [("partnership", "partnership"), ("sustainability", "sustainability"),
                     ("regional office", "regional-office"), ("LIS", "lis")]
    assert out.index("[LIS]") > out.index("Last,")
    assert [b.count("{ .kb-term }") for b in out.split("\n\n")] == [1, 1, 1, 1]
    items = glossary.link_terms("- a partnership\n- for sustainability\n", "en", "glossary.md", TERMS, per_block=1)
    assert items.count("{ .kb-term }") == 2


def test_index_pages_link_no_terms():
    assert not any(map(glossary.links_terms, ["index.md", "case-studies/index.md", "themes/index.md",
                                              "themes/advocacy.md"]))
    assert all(map(glossary.links_terms, ["about.md", "case-studies/x.md", "workshops/kit.md"]))
