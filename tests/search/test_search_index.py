"""kb.search: the per-language index scripts written from Material's combined index."""
import json
import re

import pytest

from kb.search import SearchIndexError, split_index, write_language_indexes

PREFIXES = {"en": "", "ar": "ar/"}
DOCS = [
    {"location": "", "title": "Home", "text": "<p>Libraries</p>"},
    {"location": "events/", "title": "Events", "text": ""},
    {"location": "ar/", "title": "الرئيسية", "text": "<p>المَكْتَبَةُ والشراكـــات</p>"},
    {"location": "ar/events/#x", "title": "الفعاليات", "text": ""},
    {"location": "archive/", "title": "Archive", "text": ""},
]


def built_site(tmp_path, docs=DOCS):
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps(
        {"config": {"lang": ["en", "ar"], "separator": "[\\s\\-]+", "pipeline": [], "fields": {}}, "docs": docs}))
    workers = tmp_path / "assets/javascripts/workers"
    workers.mkdir(parents=True)
    (workers / "search.1234abcd.min.js").write_text("")
    (workers / "search.1234abcd.min.js.map").write_text("")
    return tmp_path


def load(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("self.__kbSearchIndex = ") and text.endswith(";\n")
    return json.loads(text.removeprefix("self.__kbSearchIndex = ").removesuffix(";\n"))


def test_split_by_location_prefix():
    by_lang = split_index({"docs": DOCS}, PREFIXES)
    assert [d["location"] for d in by_lang["en"]] == ["", "events/", "archive/"]
    assert [d["location"] for d in by_lang["ar"]] == ["ar/", "ar/events/#x"]


def test_writes_one_script_per_language(tmp_path):
    site = built_site(tmp_path)
    written = write_language_indexes(site, PREFIXES)
    assert sorted(written) == ["ar", "en"]
    ar = load(site / "search/index.ar.js")
    assert ar["lang"] == "ar" and ar["config"]["lang"] == ["ar"]
    assert ar["worker"] == "assets/javascripts/workers/search.1234abcd.min.js"
    assert re.split(ar["config"]["separator"], "«مكتبة»،شراكة؛ ورشة؟") == ["", "مكتبة", "شراكة", "ورشة", ""]
    # Tashkeel and tatweel are gone from the stored text; letters and markup are unchanged.
    assert ar["docs"][0]["text"] == "<p>المكتبة والشراكات</p>"
    assert [d["title"] for d in load(site / "search/index.en.js")["docs"]] == ["Home", "Events", "Archive"]


def test_combined_index_keeps_config_only(tmp_path):
    site = built_site(tmp_path)
    (site / "search/search_index.js").write_text("var __index = {}")  # Material's offline plugin
    write_language_indexes(site, PREFIXES)
    combined = json.loads((site / "search/search_index.json").read_text())
    assert combined["docs"] == [] and re.split(combined["config"]["separator"], "أ،ب") == ["أ", "ب"]
    inlined = (site / "search/search_index.js").read_text()
    assert inlined.startswith("var __index = ") and json.loads(inlined.removeprefix("var __index = ")) == combined


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(SearchIndexError, match=r"search_index\.json: no search index"):
        write_language_indexes(tmp_path, PREFIXES)


def test_missing_worker_is_a_clear_error(tmp_path):
    site = built_site(tmp_path)
    for path in (site / "assets/javascripts/workers").iterdir():
        path.unlink()
    with pytest.raises(SearchIndexError, match="Material's search worker not found"):
        write_language_indexes(site, PREFIXES)


def test_real_build_writes_both_languages(site):
    """The real site's build: each language's script holds exactly that language's pages."""
    en, ar = load(site / "search/index.en.js"), load(site / "search/index.ar.js")
    assert en["docs"] and ar["docs"]
    assert all(d["location"].startswith("ar/") for d in ar["docs"])
    assert not any(d["location"].startswith("ar/") for d in en["docs"])
    assert (site / en["worker"]).is_file()
    assert json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"] == []


def test_every_page_is_in_its_language_index(site):
    """Every built page has its own entry in its language's index, a translation whose title and text equal
    the original's too (a page named by a proper noun): mkdocs-static-i18n's reconfigure_search would drop
    those from the combined index, so it stays off in mkdocs.yml."""
    for lang, root in (("en", site), ("ar", site / "ar")):
        have = {d["location"] for d in load(site / f"search/index.{lang}.js")["docs"]}
        pages = {p.parent.relative_to(site).as_posix() + "/" for p in root.rglob("index.html")
                 if lang == "ar" or not p.relative_to(site).as_posix().startswith("ar/")}
        assert pages - {"./"} - have == set(), lang
