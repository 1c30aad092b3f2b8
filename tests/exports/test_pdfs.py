"""Every PDF made from the real content, opened: pages, fonts, bookmarks, links, Arabic text, handouts."""
import hashlib
import html as html_lib
import io
import json
import re
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader

from export_helpers import (
    ARTIFACTS,
    ROOT,
    actual_texts,
    arabic_letters,
    latin_letters,
    link_targets,
    outline,
    pdffonts,
    pdftotext,
)
from kb.data import ui
from kb.export import (
    NOT_PRINTED,
    built_path,
    flatten_nav,
    handout_part,
    load_site,
    pdf_files,
    read_page,
    text_of,
    ui_strings,
    workshop_kits,
)

SITE = load_site()
LANGS = {lang.code: lang for lang in SITE.languages}
PDFS = pdf_files(SITE)
KITS = [(e["lang"], e["kit"]) for e in PDFS if e["kind"] == "handout"]
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
SELF_HOSTED = re.compile(r"^Noto-(Sans|Naskh-Arabic)(-Bold)?(-Italic)?$")
# A4 is 1123 CSS pixels high: the running header sits in the top 22 mm (83 px), the footer in the last 20 mm.
BODY = (83, 1047)


def pages_in_print(lang):
    return [e for e in flatten_nav(SITE.navigation(lang)) if e.src and e.src not in NOT_PRINTED]


def reader(exports, name) -> PdfReader:
    return PdfReader(exports / name)


def body_arabic(pdf: PdfReader) -> str:
    """The Arabic letters of every page's body (no running header or footer), from the /ActualText spans."""
    return "".join(arabic_letters(text) for page in pdf.pages for y, text in actual_texts(page)
                   if BODY[0] < y < BODY[1])


def without_repeated_headers(got: str, want: str, part, letters) -> str:
    """Tables split over pages repeat their header row: keep each header only as often as the source has it."""
    for thead in part.iter("thead"):
        piece = letters(text_of(thead))
        while piece and got.count(piece) > want.count(piece):
            first = got.index(piece)
            second = got.index(piece, first + len(piece))
            got = got[:second] + got[second + len(piece):]
    return got


def markdown_blocks(path, start_id=None, stop_id="sources"):
    """Blocks (split on blank lines) of a Markdown page's body, from the heading {#start_id} to {#stop_id}."""
    text = path.read_text(encoding="utf-8").split("\n---", 1)[1].split("\n", 1)[1]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    if start_id:
        text = text[text.index(f"{{#{start_id}}}"):]
        text = text[text.index("\n"):]
    if stop_id and f"{{#{stop_id}}}" in text:
        text = text[:text.index(f"{{#{stop_id}}}")]
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def test_every_export_is_in_the_manifest_and_on_disk(exports):
    manifest = json.loads((exports / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["file"]: e for e in manifest["files"]}
    expected = {e["file"] for e in PDFS} | {f"offline-site-{code}.zip" for code in LANGS}
    assert set(listed) == expected
    for name, entry in listed.items():
        assert (exports / name).stat().st_size == entry["bytes"] > 1000, name
    # The knowledge base has workshop kits, and each exists in both languages.
    assert KITS
    assert set(workshop_kits(SITE, LANGS["en"])) == set(workshop_kits(SITE, LANGS["ar"]))


@pytest.mark.parametrize("code", LANGS)
def test_knowledge_base_page_count_cover_and_contents(exports, code):
    pdf = reader(exports, f"knowledge-base-{code}.pdf")
    printed = pages_in_print(code)
    # Cover + contents, then each page on a new sheet; no page runs away (a flex layout printed 1 page).
    assert len(printed) + 2 <= len(pdf.pages) <= 2 + 15 * len(printed)
    lang, ui = LANGS[code], ui_strings(code)
    cover = pdf.pages[0]
    if code == "ar":
        cover_text = " ".join(t for _, t in actual_texts(cover))
        assert arabic_letters(lang.site_name) in arabic_letters(cover_text)
        assert arabic_letters(ui["export_edition"]) in arabic_letters(cover_text)
    else:
        cover_text = " ".join(pdftotext(exports / f"knowledge-base-{code}.pdf", 1).split())
        assert lang.site_name in cover_text and "Edition of" in cover_text
    assert link_targets(pdf), "no links at all"
    # The contents page links every printed page, in reading order, with a page number and dot leaders.
    # The contents run from page 2 up to the first page they point to.
    links = [(n, t) for n, t in link_targets(pdf) if isinstance(t, int)]
    first = min(t for n, t in links if n == 1)
    contents = [t for n, t in links if 1 <= n < first]
    assert len(set(contents)) >= len(printed) and contents == sorted(contents)
    toc_text = pdftotext(exports / f"knowledge-base-{code}.pdf", 2, first)
    assert "....." in toc_text
    for target in (min(contents), max(contents)):
        number = str(target + 1)
        assert re.search(rf"(?<!\d){number.translate(ARABIC_DIGITS) if code == 'ar' else number}(?!\d)", toc_text)


@pytest.mark.parametrize("lang, kit", KITS)
def test_kit_page_counts(exports, lang, kit):
    stem = kit.split("/", 1)[1][:-3].replace("/", "-")
    guide = reader(exports, f"{stem}-facilitator-guide-{lang}.pdf")
    handout = reader(exports, f"{stem}-handout-{lang}.pdf")
    assert 1 <= len(handout.pages) <= 10
    assert len(handout.pages) < len(guide.pages) <= 40
    assert guide.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert guide.pages[0].mediabox.height == pytest.approx(841.89, abs=1)


@pytest.mark.parametrize("name", [e["file"] for e in PDFS])
def test_only_the_self_hosted_fonts_are_embedded(exports, name):
    fonts = pdffonts(exports / name)
    assert fonts and all(SELF_HOSTED.match(f) for f in fonts), fonts
    out = subprocess.run(["pdffonts", str(exports / name)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in out.splitlines()[2:]), out  # embedded
    if name.endswith("-ar.pdf"):
        assert "Noto-Naskh-Arabic" in fonts


@pytest.mark.parametrize("code", LANGS)
def test_knowledge_base_bookmarks_follow_the_nav_and_headings(exports, site, code):
    pdf = reader(exports, f"knowledge-base-{code}.pdf")
    marks = outline(pdf)
    lang = LANGS[code]
    top = [title for level, title, _ in marks if level == 1]
    expected = [ui_strings(code)["export_contents"]]
    for entry in flatten_nav(SITE.navigation(code)):
        if entry.depth == 1 and entry.src not in NOT_PRINTED:
            expected.append(read_page(site, built_path(entry.src, lang)).title if entry.src
                            else lang.nav_translations.get(entry.title, entry.title))
    assert top == expected
    # Each bookmark lands on the page that shows its heading (each page's text read once).
    if code == "ar":
        pages = [arabic_letters("".join(t for _, t in actual_texts(p))) for p in pdf.pages]
    else:  # pdftotext ends each page with a form feed
        pages = [latin_letters(t) for t in pdftotext(exports / f"knowledge-base-{code}.pdf").split("\f")]
    for _, title, page in marks:
        if code == "ar":
            assert arabic_letters(title) in pages[page] or not arabic_letters(title), title
        else:
            assert latin_letters(title) in pages[page], title


@pytest.mark.parametrize("lang, kit", KITS)
def test_kit_bookmarks_are_its_headings(exports, site, lang, kit):
    stem = kit.split("/", 1)[1][:-3].replace("/", "-")
    page = read_page(site, built_path(kit, LANGS[lang]))
    headings = [text_of(h) for h in page.article.iter() if h.tag in ("h1", "h2", "h3")]
    guide = outline(reader(exports, f"{stem}-facilitator-guide-{lang}.pdf"))
    assert [title for _, title, _ in guide] == headings
    assert [level for level, _, _ in guide][:2] == [1, 2]
    part = handout_part(page.article, page.path)
    handout = outline(reader(exports, f"{stem}-handout-{lang}.pdf"))
    assert [title for _, title, _ in handout] == [page.title] + [
        text_of(h) for h in part.iter() if h.tag in ("h2", "h3")]


@pytest.mark.parametrize("name", [e["file"] for e in PDFS])
def test_links_resolve_to_pages_or_the_published_site(exports, name):
    pdf = reader(exports, name)
    for page, target in link_targets(pdf):
        if isinstance(target, str):
            assert re.match(r"^(https?://|mailto:)", target), (page, target)
        else:
            assert target is not None and 0 <= target < len(pdf.pages), (page, target)


@pytest.mark.parametrize("lang, kit", [k for k in KITS if k[0] == "ar"])
def test_arabic_handout_text_matches_the_markdown(exports, site, lang, kit):
    """Shaping and order: every block of the handout's Markdown is found, letter for letter, in the PDF."""
    stem = kit.split("/", 1)[1][:-3].replace("/", "-")
    page = read_page(site, built_path(kit, LANGS[lang]))
    part = handout_part(page.article, page.path)
    text = without_repeated_headers(body_arabic(reader(exports, f"{stem}-handout-ar.pdf")),
                                    arabic_letters(text_of(part)), part, arabic_letters)
    blocks = markdown_blocks(ROOT / "docs" / "ar" / kit, start_id="handout")
    assert blocks
    for block in blocks:
        assert arabic_letters(block) in text, block[:120]


def test_arabic_knowledge_base_text_matches_the_markdown(exports):
    """The first paragraph of every Arabic page in the nav is found, letter for letter, in the Arabic PDF."""
    text = body_arabic(reader(exports, "knowledge-base-ar.pdf"))
    checked = 0
    for entry in pages_in_print("ar"):
        source = ROOT / "docs" / "ar" / entry.src
        if not source.exists():  # generated pages (catalogues, status) have no Markdown
            continue
        blocks = [b for b in markdown_blocks(source) if not b.lstrip().startswith(("#", "|", "<", "!!!", "{"))
                  and len(arabic_letters(b)) >= 20]
        if blocks:
            assert arabic_letters(blocks[0]) in text, f"{entry.src}: {blocks[0][:100]}"
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize("lang, kit", KITS)
def test_handout_holds_the_handout_section_and_nothing_else(exports, site, lang, kit):
    stem = kit.split("/", 1)[1][:-3].replace("/", "-")
    page = read_page(site, built_path(kit, LANGS[lang]))
    part = handout_part(page.article, page.path)
    assert "sources" not in {el.get("id") for el in part.iter()}
    label = ui_strings(lang)["export_handout"]
    pdf = reader(exports, f"{stem}-handout-{lang}.pdf")
    if lang == "ar":
        want = arabic_letters(page.title + text_of(part))
        got = without_repeated_headers(body_arabic(pdf), want, part, arabic_letters)
        # Body = label line, then the kit title and the handout section, in order, then the licence; nothing else.
        assert got.endswith(want + arabic_letters(licence_line(lang)))
        got = got[:-len(arabic_letters(licence_line(lang)))]
        assert len(got) - len(want) <= len(arabic_letters(label + lang_site_name(lang))) + 20
    else:
        got = Counter(re.findall(r"[a-z0-9]+", pdftotext(exports / f"{stem}-handout-{lang}.pdf",
                                                          body_only=True).lower()))
        want = Counter(re.findall(r"[a-z0-9]+", (page.title + " " + text_of(part)).lower()))
        assert want - got == Counter()  # every word of the handout is printed ...
        extra = got - want                 # ... and the only other words are the label line's
        headers = " ".join(text_of(thead) for thead in part.iter("thead"))
        allowed = f"{label} {lang_site_name(lang)} {headers} {licence_line(lang)}"
        assert set(extra) <= set(re.findall(r"[a-z0-9]+", allowed.lower())) | {
            "edition", "of", *re.findall(r"[a-z0-9]+", "January February March April May June July August "
                                         "September October November December 2020 2021 2022 2023 2024 2025 "
                                         "2026 2027 2028 2029 2030".lower()), *map(str, range(1, 32))}, extra
    for other in ("about-this-kit", "activities", "facilitator-notes", "key-points", "sources"):
        heading = next((h for h in page.article.iter() if h.get("id") == other), None)
        if heading is not None and lang == "ar":  # not in what precedes the handout (the label line)
            assert arabic_letters(text_of(heading)) not in got[:len(got) - len(want)], other


def lang_site_name(code):
    return LANGS[code].site_name


def licence_line(code):
    licence = ui_strings(code)["licence"]
    return licence["print"].format(url=licence["url"])


@pytest.mark.parametrize("name", [e["file"] for e in PDFS])
def test_every_pdf_names_the_content_licence_and_its_deed(exports, name):
    """Paper has no footer link: the knowledge base's cover and the end of each kit document print the licence
    in the document's language, with the address of its deed in that language (kb/data/ui.yml)."""
    code = name.rsplit("-", 1)[1][:-4]
    pdf = reader(exports, name)
    where = 1 if name.startswith("knowledge-base-") else len(pdf.pages)
    text = "".join(pdftotext(exports / name, where).split())  # without spaces: the address may wrap
    licence = ui_strings(code)["licence"]
    assert "CCBY4.0" in text
    if code == "ar":  # poppler gives the lines of a right-to-left paragraph in visual order: the address in pieces
        assert "creativecommons.org" in text and "deed.ar" in text
        page = pdf.pages[where - 1]
        assert arabic_letters(licence_line(code)) in arabic_letters(" ".join(t for _, t in actual_texts(page)))
    else:
        assert licence["url"] in text
        assert "".join(licence_line(code).split()) in text


def test_arabic_running_footer_reads_page_n_of_m(exports):
    pdf = reader(exports, "knowledge-base-ar.pdf")
    total = len(pdf.pages)
    for n in range(2, total + 1):
        footer = [t for y, t in actual_texts(pdf.pages[n - 1]) if y > BODY[1]]
        expected = ui_strings("ar")["export_page_of"].format(page=str(n).translate(ARABIC_DIGITS),
                                                             pages=str(total).translate(ARABIC_DIGITS))
        assert expected in footer, (n, footer)


def test_english_running_footer_reads_page_n_of_m(exports):
    name = "knowledge-base-en.pdf"
    total = len(reader(exports, name).pages)
    for n in (2, total):
        assert f"Page {n} of {total}" in pdftotext(exports / name, n)


def _outline_key(glyf, name):
    glyph = glyf[name]
    if glyph.isComposite() or not glyph.numberOfContours:
        return None
    coords, _, _ = glyph.getCoordinates(glyf)
    return hashlib.sha1(repr(list(coords)).encode()).hexdigest()


def test_arabic_letters_are_joined(exports):
    """Shaping: the Naskh glyphs embedded in the Arabic PDF include the initial, medial and final forms that
    the self-hosted font's init/medi/fina features substitute (matched by outline, since names are gone)."""
    from fontTools.ttLib import TTFont
    original = TTFont(ROOT / "docs/assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2")
    gsub, glyf = original["GSUB"].table, original["glyf"]
    forms = {}
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag in ("init", "medi", "fina"):
            for index in record.Feature.LookupListIndex:
                for table in gsub.LookupList.Lookup[index].SubTable:
                    table = getattr(table, "ExtSubTable", table)
                    for out in (getattr(table, "mapping", None) or {}).values():
                        for name in [out] if isinstance(out, str) else out:
                            key = _outline_key(glyf, name)
                            if key:
                                forms.setdefault(record.FeatureTag, set()).add(key)
    assert set(forms) == {"init", "medi", "fina"}
    pdf = reader(exports, "knowledge-base-ar.pdf")
    used = set()
    for page in pdf.pages[2:6]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "Naskh-Arabic" not in font["/BaseFont"] or "Bold" in font["/BaseFont"]:
                continue
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            used |= {_outline_key(embedded["glyf"], name) for name in embedded.getGlyphOrder()}
    assert {tag for tag, keys in forms.items() if keys & used} == {"init", "medi", "fina"}


@pytest.mark.parametrize("name", [e["file"] for e in PDFS if e["lang"] == "ar"])
def test_render_a_page_of_each_arabic_pdf(exports, name):
    """A PNG of one body page per Arabic PDF, kept under test-artifacts/exports/ for a human to look at."""
    pdf = reader(exports, name)
    page = min(4, len(pdf.pages)) if name.startswith("knowledge-base") else 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prefix = ARTIFACTS / f"{name[:-4]}-p{page}"
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(exports / name), str(prefix)], check=True)
    png = prefix.with_suffix(".png")
    assert png.stat().st_size > 10_000


@pytest.mark.parametrize("lang, kit", KITS)
def test_kit_notice_is_printed_before_the_agenda(exports, site, lang, kit):
    """The facilitator guide prints the kit's notice (not a real event's programme) before any agenda part."""
    stem = kit.split("/", 1)[1][:-3].replace("/", "-")
    page = read_page(site, built_path(kit, LANGS[lang]))
    header = next(el for el in page.article.iter("aside") if "kb-kit" in (el.get("class") or "").split())
    notice = next(el for el in header if el.get("class") == "kb-kit__notice")
    # Each part's first two words (a wrapped table cell may be printed in pieces).
    parts = [" ".join(text_of(tr.findall("td")[-1]).split()[:2]) for tr in header.iter("tr") if tr.findall("td")]
    if lang == "ar":
        text, norm = body_arabic(reader(exports, f"{stem}-facilitator-guide-ar.pdf")), arabic_letters
    else:
        text = " ".join(pdftotext(exports / f"{stem}-facilitator-guide-{lang}.pdf", body_only=True).split())
        norm = lambda s: " ".join(s.split())  # noqa: E731
    at = text.find(norm(text_of(notice)))
    assert at >= 0, "the notice is not printed"
    assert parts
    for part in parts:
        assert text.find(norm(part)) > at + len(norm(text_of(notice))), part


def test_the_english_knowledge_base_prints_the_map_at_the_page_width(exports, site):
    """The map page's SVG is drawn (its column titles and every label line are text of one PDF page, not a 1em
    icon or unknown markup), then its list and the timeline."""
    built = (site / "map" / "index.html").read_text(encoding="utf-8")
    lines = [html_lib.unescape(t) for t in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", built)]
    assert len(lines) > 40
    pdf = exports / "knowledge-base-en.pdf"
    pages = pdftotext(pdf).split("\f")
    drawn = next(i for i, p in enumerate(pages) if "Case studies, kits and lists" in p)
    text = " ".join(pages[drawn].split())
    missing = [line for line in lines if line not in text]
    assert missing == [], missing
    rest = " ".join(" ".join(pages[drawn:]).split())
    assert "The map as a list" in rest and "Year not stated" in rest


def test_the_arabic_knowledge_base_prints_the_map_as_its_list(exports, site):
    """WeasyPrint cannot shape Arabic SVG text: the Arabic PDF gives every node of the map in the list, with the
    timeline and its events without a stated year."""
    built = (site / "ar" / "map" / "index.html").read_text(encoding="utf-8")
    listed = re.search(r'<details class="kb-map__list".*?</details>', built, re.S)[0]
    titles = {html_lib.unescape(t) for t in re.findall(r'<li data-kb-node="[^"]+"><a [^>]*>([^<]*)</a>', listed)}
    assert len(titles) > 20
    text = body_arabic(reader(exports, "knowledge-base-ar.pdf"))
    for title in titles | {"الخريطة في صورة قائمة", ui()["ar"]["timeline"]["undated"], "الخط الزمني للفعاليات"}:
        if arabic_letters(title):
            assert arabic_letters(title) in text, title
