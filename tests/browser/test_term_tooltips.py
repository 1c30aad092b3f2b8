"""Glossary term links stay usable with fewer of them (kb/glossary/link.py): from the keyboard a term link is a tab
stop whose focus shows its definition as a tooltip, hovering it too, Escape hides it (docs/assets/javascripts/terms.js,
drawn as Material's tooltips); a tap follows it to the entry."""
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/case-studies/arabic-library-networks-open-ecosystems/",
                                  "/ar/case-studies/arabic-library-networks-open-ecosystems/"])
def test_a_term_link_shows_its_definition_on_focus_and_leads_to_it(page, server, path):
    page.goto(server + path, wait_until="load")
    term = page.locator("article a.kb-term").first
    definition = term.get_attribute("title")
    assert definition and term.evaluate("a => a.tabIndex") == 0
    previous = page.locator("article a").nth(page.locator("article a").evaluate_all(
        "links => links.findIndex(a => a.classList.contains('kb-term'))") - 1)
    previous.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('kb-term')")
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]").filter(has_text=definition)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")
    box, tip = term.bounding_box(), tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert tip["y"] >= box["y"] + box["height"]  # under the link, overlapping it sideways
    assert tip["x"] < box["x"] + box["width"] and box["x"] < tip["x"] + tip["width"]
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2--active").wait_for(state="detached")
    assert term.get_attribute("title") == definition and term.get_attribute("aria-describedby") is None
    entry = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(f"**/glossary/#{entry}")
    assert page.locator(f"[id='{entry}']").is_visible()


@pytest.mark.parametrize("path", ["/workshops/building-collaborative-arabic-library-networks/",
                                  "/ar/workshops/building-collaborative-arabic-library-networks/"])
def test_hovering_a_term_shows_its_definition_until_the_pointer_leaves(page, server, path):
    """As Material's tooltips for titles: the pointer passes through the tooltip to the text under it."""
    page.goto(server + path, wait_until="load")
    term = page.locator("article a.kb-term").first
    definition = term.get_attribute("title")
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2--active").wait_for(state="detached")
    assert not page.console_errors


def test_pages_without_term_links_load_no_tooltip_script(site):
    for page in [site / "index.html", site / "ar" / "workshops" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert 'class="kb-term"' not in html and "terms.js" not in html, page
