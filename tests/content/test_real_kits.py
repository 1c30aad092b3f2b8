"""On the real site (built once per session by the shared `site` fixture): each workshop kit's header box
opens with its notice (the knowledge base's suggestion, not a real event's programme), above the agenda."""
import pytest

from kb.export import built_path, front_matter, load_site, read_page, text_of, workshop_kits

SITE = load_site()
KITS = [(lang, src) for lang in SITE.languages for src in workshop_kits(SITE, lang)]


def words(text: str) -> str:
    return " ".join(text.split())


def test_there_are_kits_in_both_languages():
    assert {lang.code for lang, _ in KITS} == {"en", "ar"}


@pytest.mark.parametrize("lang, src", KITS, ids=[f"{lang.code}-{src}" for lang, src in KITS])
def test_notice_opens_the_kit_header_before_the_agenda(site, lang, src):
    page = read_page(site, built_path(src, lang))
    order = list(page.article.iter())
    header = next(el for el in order if el.tag == "aside" and "kb-kit" in (el.get("class") or "").split())
    notice = header[0]
    assert notice.get("class") == "kb-kit__notice", "the header box does not open with the notice"
    assert words(text_of(notice)) == words(front_matter(SITE.docs_dir / lang.code / src)["notice"])
    # Nothing of the agenda (its table, a start time) comes before the notice, in the box or above it.
    before = order[:order.index(notice)]
    assert not [el for el in before if el.tag in ("table", "time")]
    assert order.index(notice) < order.index(header.find(".//table"))
