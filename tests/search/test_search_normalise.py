"""The Arabic normaliser, in Python (kb.arabic) and in JavaScript (normalise.js as the build writes it, with
the plural table, in Chromium), against one shared table of cases (normalise_cases.json): each rule, and
English and digits left alone; and the plural table's checks."""
import json
from pathlib import Path

import pytest

from kb import arabic, search

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CASES = json.loads((HERE / "normalise_cases.json").read_text(encoding="utf-8"))
NORMALISE_JS = search.with_plurals((ROOT / "docs/assets/javascripts/search/normalise.js").read_text(encoding="utf-8"))

PYTHON = {
    "strip_marks": arabic.strip_marks,
    "fold": arabic.fold,
    "strip_clitics": arabic.strip_clitics,
    "stem": arabic.stem,
    "terms": lambda text: " ".join(arabic.terms(text)),
    "alternatives": lambda text: " ".join(arabic.alternatives(text)),
}
JAVASCRIPT = """cases => {
  const fns = {strip_marks: kbArabic.stripMarks, fold: kbArabic.fold, strip_clitics: kbArabic.stripClitics,
               stem: kbArabic.stem, terms: text => kbArabic.terms(text).join(" "),
               alternatives: text => kbArabic.alternatives(text).join(" ")}
  return cases.map(c => fns[c.fn](c.input))
}"""
# Every rule of the search issue has at least one case in the table.
RULES = ["tashkeel", "tatweel", "alef hamza above", "alef hamza below", "alef madda", "alef wasla", "alef maqsura",
         "final ta marbuta", "article", "wa", "fa kept alone", "bi kept alone", "ka kept alone", "li kept alone",
         "wa + article + plural", "bi + article",
         "fa + article", "ka + article", "lil", "sound feminine plural", "masculine plural -un",
         "masculine plural -in", "possessive -ha", "possessive -hum", "arabic comma", "arabic semicolon",
         "arabic question mark", "guillemets", "english untouched", "digits untouched", "short word kept (bi)",
         # Light10's prefix rules (issue 17): one-letter ب ك ل ف kept, و only before the article or a long stem
         "ka kept (name)", "li kept (name)", "ka kept (word)", "bi kept (word)", "wa before article",
         "wa leaving a long stem", "wa kept before a short word", "radical waw, bare", "wa + li",
         # The plural table (kb/data/plurals.yml)
         "broken plural + article", "broken plural fawail", "broken plural fualaa", "broken plural afila",
         "broken plural fuul", "broken plural mafail", "broken plural singular", "sound plural, no table",
         "table word kept whole", "broken plural + suffix", "broken plural afaal (not an article)",
         "li, query only", "none after the article", "none for a table word"]


def test_every_rule_has_cases():
    assert set(RULES) <= {case["rule"] for case in CASES}
    assert {case["fn"] for case in CASES} == set(PYTHON)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['fn']}:{c['rule']}" for c in CASES])
def test_python(case):
    assert PYTHON[case["fn"]](case["input"]) == case["expected"]


@pytest.mark.browser
def test_javascript_in_chromium(page):
    page.set_content("<!doctype html><meta charset=utf-8><title>normaliser</title>")
    page.add_script_tag(content=NORMALISE_JS)
    results = page.evaluate(JAVASCRIPT, CASES)
    wrong = [f"{c['fn']}({c['input']!r}) [{c['rule']}]: {got!r}, expected {c['expected']!r}"
             for c, got in zip(CASES, results, strict=True) if got != c["expected"]]
    assert not wrong, "\n".join(wrong)
    assert page.evaluate("kbArabic.PREFIX_RULES") == [list(rule) for rule in arabic.PREFIX_RULES]


@pytest.mark.browser
def test_same_stems_on_real_text(page):
    """Beyond the table: both halves agree on every word of a page of real Arabic and English text."""
    text = (ROOT / "docs/ar/index.md").read_text(encoding="utf-8") + (ROOT / "docs/en/index.md").read_text(
        encoding="utf-8")
    words = arabic.words(text)
    page.set_content("<!doctype html><meta charset=utf-8><title>normaliser</title>")
    page.add_script_tag(content=NORMALISE_JS)
    assert page.evaluate("words => words.map(kbArabic.stem)", words) == [arabic.stem(w) for w in words]
    assert page.evaluate("words => words.map(kbArabic.alternatives)", words) == [arabic.alternatives(w) for w in words]
    assert page.evaluate("text => kbArabic.words(text)", text) == words


def test_stems_are_consistent_across_clitics():
    """A clitic the rules strip never changes a word's stem: the index and the query meet whatever form either
    has; a one-letter preposition the rules keep is met through the query's alternatives."""
    for word in ["مكتبة", "شراكات", "مشاركين", "الدوحة", "منتدى", "مبادرة", "مؤسسة", "برامج", "حقائب", "وثيقة"]:
        bare = word.removeprefix("ال")
        stems = {arabic.stem(prefix + word) for prefix in ["", "و", "وو"]}
        stems |= {arabic.stem(prefix + bare) for prefix in ["ال", "وال", "بال", "فال", "كال", "وبال", "فكال"]}
        assert len(stems) == 1, (word, stems)
        for prefix in ["ب", "ك", "ل", "ف"]:
            met = [arabic.stem(prefix + word), *arabic.alternatives(prefix + word)]
            assert arabic.stem(word) in met, (prefix, word)


def test_broken_plurals_meet_their_singulars():
    """Every entry of the plural table, bare or with the article, stems as its singular."""
    for singular, plurals in arabic.plurals().items():
        for plural in plurals:
            assert arabic.stem(plural) == arabic.stem("ال" + plural) == arabic.stem(singular), (singular, plural)


def test_the_built_normaliser_holds_the_table():
    table = arabic.plural_forms()
    assert len(table) >= 80 and table["حقائب"] == "حقيبه"
    assert search.with_plurals(NORMALISE_JS) == NORMALISE_JS  # a rebuild (mkdocs serve --dirty) writes it again


@pytest.mark.parametrize("text, problems", [
    ("حقيبة: حقائب\nشريك: [شركاء]\n", []),
    ("مكتبة: مكتبات\n", ["2: 'مكتبات' already has the stem of 'مكتبة'"]),
    ("الحقيبة: حقائب\n", ["2: 'الحقيبة' begins with the article"]),
    ("حقيبة: bags\n", ["2: 'bags' is not one Arabic word"]),
    ("حقيبة: حقائب\nشنطة: حقائب\n", ["3: 'حقائب' is already in the table (line 2)"]),
    ("حقيبة: [حقائب, {a: b}]\n", ["2: 'حقيبة': expected a singular and one plural or a list of plurals"]),
    ("حقيبة: [حقائب\n", ["3: "]),
    ("- حقيبة\n", ["2: expected a mapping of singulars to their broken plurals"]),
])
def test_bad_plural_table_entries_are_reported_with_their_line(text, problems):
    _, found = arabic.check_plurals("# a comment\n" + text, "kb/data/plurals.yml")
    assert len(found) == len(problems), found
    for message, expected in zip(found, problems, strict=True):
        assert message.startswith("kb/data/plurals.yml:" + expected), message
