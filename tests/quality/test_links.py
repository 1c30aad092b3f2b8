"""Link integrity: the real site has no broken internal link or anchor, and the checker finds them."""
from click.testing import CliRunner

from kb.cli import app
from kb.linkcheck import broken_links


def test_real_site_has_no_broken_links_or_anchors(site, site_url):
    problems = broken_links(site, site_url)
    assert problems == [], "\n".join(problems)


def test_checker_names_page_and_link(tmp_path):
    (tmp_path / "ar" / "about").mkdir(parents=True)
    (tmp_path / "index.html").write_text(
        '<h1 id="top">x</h1>\n<a href="ar/about/#%D8%B9%D9%86">ok</a>\n<a href="ar/about/#missing">bad anchor</a>\n'
        '<a href="nowhere/">bad page</a>\n<a href="https://example.org/x">external</a>\n'
        '<script defer src="assets/gone.js"></script>\n', encoding="utf-8")
    (tmp_path / "ar" / "about" / "index.html").write_text(
        '<h2 id="عن">عن</h2>\n<a href="../../#top">ok</a>\n<a href="/kb/index.html">root ok</a>\n', encoding="utf-8")
    problems = broken_links(tmp_path, "https://example.org/kb/")
    assert len(problems) == 3, problems
    assert problems[0].startswith("index.html:3: broken anchor 'ar/about/#missing'")
    assert problems[1].startswith("index.html:4: broken link 'nowhere/'")
    assert problems[2].startswith("index.html:6: broken link 'assets/gone.js'")
    assert CliRunner().invoke(app, ["links", str(tmp_path), "https://example.org/kb/"]).exit_code == 1
