"""Accessibility of the built site in Debian's Chromium: axe-core finds no WCAG 2.2 A/AA violation on any page
template in either language (search open too), and the skip link, search and language switch work from the
keyboard, right to left as well."""
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TEMPLATES = {
    "home": "",
    "catalogue": "case-studies/",
    "case study": "case-studies/arabic-library-networks-open-ecosystems/",
    "workshop kit": "workshops/building-collaborative-arabic-library-networks/",
    "initiative list": "initiatives/libraries-and-their-communities/",
    "glossary": "glossary/",
    "theme": "themes/open-ecosystems/",
    "translation status": "translation-status/",
    "map": "map/",
}
PREFIX = {"en": "/", "ar": "/ar/"}
QUERY = {"en": "library", "ar": "مكتبة"}
SECOND_QUERY = {"en": "partnership", "ar": "شراكة"}


def axe_violations(page) -> list[str]:
    """Run axe-core's WCAG 2.2 A/AA rules on the page; one line per failing element."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy refuses an inline script.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {' '.join(map(str, node['target']))}: {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


def type_query(page, query: str):
    """Type the query and wait for results. Playwright inserts characters outside its US layout (Arabic)
    without key events; a real keyboard sends keyup, which Material's search listens to: End sends one."""
    page.keyboard.press("Control+A")  # replace what an earlier search left in the field
    page.keyboard.type(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)


def open_search(page, query: str):
    """Open the search dialog with the keyboard shortcut, type a query and wait for results."""
    page.keyboard.press("/")
    page.wait_for_function("() => document.getElementById('__search').checked && document.activeElement"
                           " && document.activeElement.matches('.md-search__input')")
    type_query(page, query)


def let_timers_run(page):
    """Material notices focus changes through a 1 ms timer, and Chromium runs queued key presses before
    timers: keys sent back to back under load can pass before it sees the focus move. This returns once the
    page has run every timer already queued: timers run in order of their deadline, and one queued now with
    Material's delay falls due after them (what a person's pause between two keys also lets happen)."""
    page.evaluate("new Promise(done => setTimeout(done, 1))")


def tab_to(page, selector: str, limit: int = 80) -> int:
    """Press Tab until the focused element matches `selector`; the number of presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def focused_box_is_visible(page) -> bool:
    return page.evaluate("""() => {
        const r = document.activeElement.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
               r.top < innerHeight && r.left < innerWidth &&
               getComputedStyle(document.activeElement).visibility !== 'hidden';
    }""")


def test_axe_core_is_installed():
    assert AXE.is_file(), "run `npm ci` (scripts/setup.sh test) to install axe-core"


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_page_template_has_no_wcag_violations(page, server, template, lang):
    page.goto(server + PREFIX[lang] + TEMPLATES[template], wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == lang
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_open_search_dialog_has_no_wcag_violations_and_a_name_in_the_page_language(page, server, lang):
    page.goto(server + PREFIX[lang], wait_until="networkidle")
    open_search(page, QUERY[lang])
    name = page.get_attribute(".md-search[role=dialog]", "aria-label")
    assert name == {"en": "Search the knowledge base", "ar": "البحث في قاعدة المعارف"}[lang]
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_skip_link_is_the_first_tab_stop_and_moves_to_the_content(page, server, lang):
    page.goto(server + PREFIX[lang] + TEMPLATES["case study"], wait_until="networkidle")
    assert tab_to(page, "a.md-skip", limit=1) == 1
    assert focused_box_is_visible(page)
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("h => decodeURIComponent(location.hash) === decodeURIComponent(h)", arg=href)
    target = page.evaluate("""h => {
        const el = document.getElementById(decodeURIComponent(h.slice(1)));
        return el && {top: el.getBoundingClientRect().top, inContent: !!el.closest('.md-content')};
    }""", href)
    assert target and target["inContent"], href
    assert 0 <= target["top"] < page.viewport_size["height"] / 2
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content, .md-sidebar--secondary, .md-footer')")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_search_opens_and_takes_a_query_from_the_keyboard(page, server, lang):
    page.goto(server + PREFIX[lang] + TEMPLATES["workshop kit"], wait_until="networkidle")
    # Tabbing to the search field opens the dialog; typing shows results; Escape closes it.
    tab_to(page, ".md-search__input")
    assert focused_box_is_visible(page)
    type_query(page, QUERY[lang])
    page.keyboard.press("ArrowDown")
    assert page.evaluate("!!document.activeElement.closest('.md-search-result__link, .md-search-result__item')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.wait_for_function("() => !document.activeElement || !document.activeElement.matches('.md-search__input')")
    let_timers_run(page)
    # The "/" shortcut opens it again from anywhere, for another query.
    open_search(page, SECOND_QUERY[lang])
    assert page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("start, other", [("en", "ar"), ("ar", "en")])
def test_language_switch_works_from_the_keyboard(page, server, start, other):
    path = TEMPLATES["initiative list"]
    page.goto(server + PREFIX[start] + path, wait_until="networkidle")
    tab_to(page, f".md-select__link[hreflang='{other}']")
    assert focused_box_is_visible(page), "the focused language link is hidden"
    page.keyboard.press("Enter")
    page.wait_for_url(server + PREFIX[other] + path)
    assert page.evaluate("document.documentElement.lang") == other
    assert page.evaluate("document.documentElement.dir") == ("rtl" if other == "ar" else "ltr")
