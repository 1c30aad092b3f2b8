"""Glossary term links stay usable with fewer of them (kb/glossary/link.py): from the keyboard a term link is a tab
stop whose focus shows its definition as a tooltip (Material's content.tooltips); a tap follows it to the entry."""
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
    # the previous link's tooltip (a heading's permalink) may still be fading out: wait for the term's own
    tooltip = page.locator(".md-tooltip2--active[role=tooltip]").filter(has_text=definition)
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == definition
    entry = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(f"**/glossary/#{entry}")
    assert page.locator(f"[id='{entry}']").is_visible()
