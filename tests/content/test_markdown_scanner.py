"""The one Markdown scanner (kb/markdown.py) and its three readers: nothing inside a code block (fences of any
length, backticks or tildes, nested; indented code) is ever flagged by the validator, linked by the glossary or
compared by the translation checker, and the front matter closes with `...` as in MkDocs."""
import pytest
import yaml

from kb import glossary
from kb import translations as tr
from kb.body_checks import check_body
from kb.frontmatter import parse
from kb.kinds import KINDS
from kb.languages import DEFAULT_LANG, LANGS
from kb.markdown import CODE, scan
from support import ROOT

# What the checks would flag, link or compare outside code: unsafe HTML, an image without alt text, a
# heading that repeats an id, a link, a number and a glossary term.
HOSTILE = ['<script>alert(1)</script>', '![](x.png)', '## One {#one}', '[a link](https://example.org/x)',
           'The year 1999 and a partnership.']

CODE_BLOCKS = {
    "four backticks around a three-backtick block": ["````markdown", "```python", *HOSTILE, "```", "````"],
    "tildes": ["~~~", *HOSTILE, "~~~"],
    "tildes around backticks": ["~~~~", "```", *HOSTILE, "```", "~~~~"],
    "a longer closing fence is content": ["```", *HOSTILE, "````", "```"],
    "indented code": ["Before.", "", *("    " + line for line in HOSTILE), "", "After."],
    "fence inside a list item": ["- item", "", "    ```", *("    " + line for line in HOSTILE), "    ```"],
}


def page(body: str):
    p, problems = parse("---\nkind: page\ntitle: T\ndescription: D\nsources: [x]\n---\n# T\n\n## One {#one}\n\n"
                        + body + "\n", "docs/en/x.md")
    assert not problems
    return p


@pytest.mark.parametrize("name", CODE_BLOCKS)
def test_nothing_inside_code_is_flagged(name):
    p = page("\n".join(CODE_BLOCKS[name]))
    assert check_body(p) == []
    inside = [kind for i, (line, kind) in enumerate(zip(p.scan.lines, p.scan.kinds, strict=True))
              if i > 3 and line.strip() in HOSTILE]
    assert inside == [CODE] * len(HOSTILE)


@pytest.mark.parametrize("name", CODE_BLOCKS)
def test_nothing_inside_code_is_linked_to_the_glossary(name):
    text = "\n".join(CODE_BLOCKS[name]) + "\n\nA partnership here.\n"
    terms, _ = glossary.check("partnership:\n  en: partnership\n  ar: شراكة\n  def_en: W.\n  def_ar: ع.\n")
    out = glossary.link_terms(text, "en", "glossary.md", terms)
    assert out.count("](glossary.md#partnership") == 1 and out.endswith('{ .kb-term } here.\n')


@pytest.mark.parametrize("name", CODE_BLOCKS)
def test_nothing_inside_code_is_compared_between_translations(name, tmp_path):
    en = tr.parse(tmp_path / "en.md", "en", "# T\n\n" + "\n".join(CODE_BLOCKS[name]) + "\n")
    ar = tr.parse(tmp_path / "ar.md", "ar", "# ت\n")
    assert tr.compare(en, ar) == []


def test_the_same_lines_outside_code_are_flagged_linked_and_compared(tmp_path):
    p = page("\n".join(HOSTILE))
    assert {x.field for x in check_body(p)} == {"html", "image", "heading"}
    terms, _ = glossary.check("partnership:\n  en: partnership\n  ar: شراكة\n  def_en: W.\n  def_ar: ع.\n")
    assert "](glossary.md#partnership" in glossary.link_terms("\n".join(HOSTILE), "en", "glossary.md", terms)
    en = tr.parse(tmp_path / "en.md", "en", "# T\n\n" + "\n".join(HOSTILE) + "\n")
    found = {d.message.split()[0] for d in tr.compare(en, tr.parse(tmp_path / "ar.md", "ar", "# ت\n"))}
    assert {"link", "number", "anchor", "image"} <= found


def test_an_unclosed_fence_is_not_code_so_what_follows_is_checked():
    # The renderer (superfences) shows an unclosed fence's lines as text and HTML: the validator must see them.
    assert {x.field for x in check_body(page("```\n<script>x</script>"))} == {"html"}


def test_headings_atx_setext_with_ids_and_not_in_code():
    s = scan("# Title\n\nSetext two\n----------\n\n## With `code` {#explicit}\n\n```\n# not\n```\n\n    # not\n", 5)
    assert [(h.line, h.level, h.id, h.explicit) for h in s.headings] == [
        (5, 1, "title", False), (7, 2, "setext-two", False), (10, 2, "explicit", True)]


def test_front_matter_may_close_with_three_dots_as_in_mkdocs():
    p, problems = parse("---\ntitle: T\n...\n# Body\n", "x.md")
    assert problems == [] and p.meta == {"title": "T"} and p.body == "# Body\n" and p.body_line == 4


def test_languages_and_kinds_are_declared_once_and_agree_with_the_config_and_vocabulary():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    i18n = yaml.safe_load(config[config.index("      languages:"):config.index("          nav_translations:")]
                          .replace("      languages:", "languages:", 1))
    assert [lang["locale"] for lang in i18n["languages"]] == list(LANGS)
    assert next(lang["locale"] for lang in i18n["languages"] if lang.get("default")) == DEFAULT_LANG
    vocabulary = yaml.safe_load((ROOT / "kb" / "data" / "vocabularies.yml").read_text(encoding="utf-8"))
    assert list(vocabulary["kinds"]) == list(KINDS)
