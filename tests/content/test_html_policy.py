"""The allow-list's rules on their own: URLs as the browser reads them, the attributes of each tag, and the
second reading by nh3 (an HTML5 parser), which rejects markup a browser would read differently."""
import pytest

from kb import html_policy, text_controls


@pytest.mark.parametrize("url, resource, allowed", [
    ("../case-studies/x.md", False, True), ("#lessons", False, True), ("https://www.ifla.org/", False, True),
    ("http://example.org/", False, True), ("mailto:a@example.org", False, True), ("//example.org/", False, True),
    ("javascript:alert(1)", False, False), (" JaVaScRiPt:alert(1)", False, False), ("java\tscript:x", False, False),
    ("\x01javascript:x", False, False), ("vbscript:x", False, False), ("data:text/html,x", False, False),
    ("tel:123", False, False), ("file:///etc/passwd", False, False),
    ("images/chart.png", True, True), ("/assets/x.png", True, True), ("../x.png", True, True),
    ("https://example.org/x.png", True, False), ("//example.org/x.png", True, False),
    ("/\\example.org/x.png", True, False), ("\\\\example.org/x.png", True, False), ("data:image/png,x", True, False),
])
def test_urls_as_the_browser_reads_them(url, resource, allowed):
    assert (html_policy.url_problem(url, resource) is None) == allowed


def test_character_references_are_decoded_before_judging():
    found = html_policy.problems('<a href="&#x6a;ava&#115;cript&colon;alert(1)">x</a>\n'
                                 '<img src="&#104;ttps://example.org/t.png" alt="t">\n', 10)
    assert [(line, field) for line, field, *_ in found] == [(10, "html"), (11, "html")]
    assert 'href="javascript:alert(1)"' in found[0][2]


def test_allowed_markup_passes_both_readings():
    text = ('<details open markdown><summary>S</summary>\n\n**x** <kbd>K</kbd> <abbr title="t">A</abbr></details>\n'
            '<figure markdown>\n<img src="x.png" alt="x" width="20">\n<figcaption>c</figcaption>\n</figure>\n'
            '<div class="grid cards" markdown><span lang="ar" dir="rtl">م</span></div>\n'
            '[a](https://example.org/) ![b](b.png) <https://example.org/> {: #an-id .grid }\n')
    assert html_policy.problems(text, 1) == []


def test_markup_a_browser_reads_differently_is_rejected():
    """Each attribute is allowed to Python's parser, but the browser's parser (nh3) nests them otherwise."""
    text = "<p><b>bold <i>both</b> italic</i></p>\n"
    found = html_policy.problems(text, 5)
    assert [(f[0], f[2]) for f in found] == [(5, "a browser reads this markup differently")]


@pytest.mark.parametrize("line, ok", [
    ("مكتبة \u200fIFLA\u200f", True), ("\u061c١٢", True), ("a \u200e b", True),
    ("\u2067مكتبة\u2069 and \u2066IFLA\u2069", True), ("\u2068x\u2069", True),
    ("\u202a", False), ("\u202b", False), ("\u202c", False), ("\u202d", False), ("\u202e", False),
    ("\u2067 unclosed", False), ("stray \u2069", False),
])
def test_text_controls(line, ok):
    assert (text_controls.line_problems(line) == []) == ok


def test_an_attribute_value_outside_its_list_names_the_allowed_ones():
    found = html_policy.problems('<span dir="rtl-override">x</span> <div markdown="html">y</div>\n', 3)
    assert [(f[0], f[2], f[3]) for f in found] == [
        (3, '<span dir="rtl-override"> is not allowed',
         "the value 'rtl-override': use one of: \"auto\", \"ltr\", \"rtl\""),
        (3, '<div markdown="html"> is not allowed', "the value 'html': use one of: \"\", \"1\", \"block\", \"span\""),
    ]
