"""kb/html.py: the language switcher's root-absolute links made relative to the page they are on."""
import pytest

from kb.html import site_relative

SITE = "https://example.org/knowledge-base/"


@pytest.mark.parametrize(("href", "page_url", "expected"), [
    ("/knowledge-base/", "", "./"),
    ("/knowledge-base/ar/", "", "ar/"),
    ("/knowledge-base/", "ar/", "../"),
    ("/knowledge-base/ar/", "ar/", "./"),
    ("/knowledge-base/about/", "ar/about/", "../../about/"),
    ("../about/", "ar/about/", "../about/"),       # already relative: left alone
    ("/elsewhere/", "ar/", "/elsewhere/"),          # outside the site: left alone
])
def test_root_absolute_links_become_relative_to_the_page(href, page_url, expected):
    assert site_relative(href, page_url, SITE) == expected


def test_a_site_at_the_root_of_its_host():
    assert site_relative("/ar/", "", "https://example.org/") == "ar/"
    assert site_relative("/", "ar/", "") == "../"
