"""The Arabic normaliser, in Python (kb.arabic) and in JavaScript (normalise.js in Chromium), against one
shared table of cases (normalise_cases.json): each rule, and English and digits left alone."""
import json
from pathlib import Path

import pytest

from kb import arabic

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
CASES = json.loads((HERE / "normalise_cases.json").read_text(encoding="utf-8"))
NORMALISE_JS = ROOT / "docs/assets/javascripts/search/normalise.js"

PYTHON = {
    "strip_marks": arabic.strip_marks,
    "fold": arabic.fold,
    "strip_clitics": arabic.strip_clitics,
    "stem": arabic.stem,
    "terms": lambda text: " ".join(arabic.terms(text)),
}
JAVASCRIPT = """cases => {
  const fns = {strip_marks: kbArabic.stripMarks, fold: kbArabic.fold, strip_clitics: kbArabic.stripClitics,
               stem: kbArabic.stem, terms: text => kbArabic.terms(text).join(" ")}
  return cases.map(c => fns[c.fn](c.input))
}"""
# Every rule of the search issue has at least one case in the table.
RULES = ["tashkeel", "tatweel", "alef hamza above", "alef hamza below", "alef madda", "alef wasla", "alef maqsura",
         "final ta marbuta", "article", "wa", "fa", "bi", "ka", "li", "wa + article + plural", "bi + article",
         "fa + article", "ka + article", "lil", "sound feminine plural", "masculine plural -un",
         "masculine plural -in", "possessive -ha", "possessive -hum", "arabic comma", "arabic semicolon",
         "arabic question mark", "guillemets", "english untouched", "digits untouched", "short word kept (bi)"]


def test_every_rule_has_cases():
    assert set(RULES) <= {case["rule"] for case in CASES}
    assert {case["fn"] for case in CASES} == set(PYTHON)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['fn']}:{c['rule']}" for c in CASES])
def test_python(case):
    assert PYTHON[case["fn"]](case["input"]) == case["expected"]


@pytest.mark.browser
def test_javascript_in_chromium(page):
    page.set_content("<!doctype html><meta charset=utf-8><title>normaliser</title>")
    page.add_script_tag(path=str(NORMALISE_JS))
    results = page.evaluate(JAVASCRIPT, CASES)
    wrong = [f"{c['fn']}({c['input']!r}) [{c['rule']}]: {got!r}, expected {c['expected']!r}"
             for c, got in zip(CASES, results, strict=True) if got != c["expected"]]
    assert not wrong, "\n".join(wrong)


@pytest.mark.browser
def test_same_stems_on_real_text(page):
    """Beyond the table: both halves agree on every word of a page of real Arabic and English text."""
    text = (ROOT / "docs/ar/index.md").read_text(encoding="utf-8") + (ROOT / "docs/en/index.md").read_text(
        encoding="utf-8")
    words = arabic.words(text)
    page.set_content("<!doctype html><meta charset=utf-8><title>normaliser</title>")
    page.add_script_tag(path=str(NORMALISE_JS))
    assert page.evaluate("words => words.map(kbArabic.stem)", words) == [arabic.stem(w) for w in words]
    assert page.evaluate("text => kbArabic.words(text)", text) == words


def test_stems_are_consistent_across_clitics():
    """A clitic never changes a word's stem: the index and the query meet whatever form either has."""
    for word in ["مكتبة", "شراكات", "مشاركين", "الدوحة", "منتدى", "مبادرة", "قطر"]:
        stems = {arabic.stem(prefix + word) for prefix in ["", "و", "ف", "ب", "ك", "ل", "وب", "ول"]}
        stems |= {arabic.stem(prefix + word.removeprefix("ال")) for prefix in ["ال", "وال", "بال", "فال", "كال"]}
        assert len(stems) == 1, (word, stems)
