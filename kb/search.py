"""Per-language search indexes: split Material's combined index (mkdocs-static-i18n puts every language in
search/search_index.json) into one script per language, search/index.<lang>.js, that the search worker
wrapper (docs/assets/javascripts/search/worker.js) loads with importScripts, from a server or file://.

Each script sets `self.__kbSearchIndex = {lang, config, docs, worker, others}`: one language only, Arabic
text without tashkeel or tatweel (kb.arabic.strip_marks; the worker folds letters and stems words), the
separator with Arabic punctuation, and the path of Material's own worker. The combined index (and its
copy inlined for file:// by Material's offline plugin) keeps its config but no documents: the page still
loads it (for its config), but the worker reads the per-language scripts.
"""
import json
from pathlib import Path

from kb import arabic

INDEX = Path("search") / "search_index.json"
MATERIAL_WORKERS = "assets/javascripts/workers/search.*.min.js"


class SearchIndexError(Exception):
    """The built site lacks what the per-language indexes are made from."""


def index_script(name: str) -> Path:
    """Where the index of one language is written, relative to the site folder."""
    return Path("search") / f"index.{name}.js"


def split_index(index: dict, prefixes: dict[str, str]) -> dict[str, list[dict]]:
    """Documents of the combined index by language, in their original order (articles before sections)."""
    by_lang: dict[str, list[dict]] = {lang: [] for lang in prefixes}
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    for doc in index["docs"]:
        lang = next((lang for lang, p in ordered if doc["location"].startswith(p)), None)
        if lang is not None:
            by_lang[lang].append(doc)
    return by_lang


def restore_translations(by_lang: dict[str, list[dict]], prefixes: dict[str, str], built) -> None:
    """Put back the entries mkdocs-static-i18n drops from a translation because they equal the default
    language's (same title and text, as a page named by a proper noun has): in one index per language,
    nothing is duplicated, and without them such a page is missing from its language's search.
    `built(location)` says whether a page exists in the site; a page's entry stays before its sections."""
    default = next(lang for lang, prefix in prefixes.items() if prefix == "")
    for lang, prefix in prefixes.items():
        if lang == default:
            continue
        docs = by_lang[lang]
        have = {d["location"] for d in docs}
        # Pages' own entries only: every page has one, while a section may exist in one language only.
        missing = [dict(d, location=prefix + d["location"]) for d in by_lang[default]
                   if "#" not in d["location"] and prefix + d["location"] not in have and built(prefix + d["location"])]
        if not missing:
            continue
        order: dict[str, int] = {}
        for doc in docs + missing:
            order.setdefault(doc["location"].split("#")[0], len(order))
        everything = docs + missing
        first = _first_equal(everything)
        ranked = sorted(range(len(everything)), key=lambda i: (order[everything[i]["location"].split("#")[0]],
                                                               "#" in everything[i]["location"], first[i]))
        by_lang[lang] = [everything[i] for i in ranked]


def _first_equal(docs: list[dict]) -> list[int]:
    """For each document, the index of the first one equal to it (docs.index(d) for every d, without a
    scan of the list per document: equal documents share their location)."""
    out, seen = [], {}
    for i, doc in enumerate(docs):
        same = seen.setdefault(doc["location"], [])
        out.append(next((j for j in same if docs[j] == doc), i))
        if out[-1] == i:
            same.append(i)
    return out


def built_page(site_dir: Path):
    """A test of whether a location is a page of the built site (directory or .html URLs)."""
    def built(location: str) -> bool:
        if location == "" or location.endswith("/"):
            return (site_dir / location / "index.html").is_file()
        return (site_dir / location).is_file()
    return built


def clean_doc(doc: dict) -> dict:
    """A document with tashkeel and tatweel removed from its title and text (no other change)."""
    out = dict(doc)
    for field in ("title", "text"):
        if isinstance(out.get(field), str):
            out[field] = arabic.strip_marks(out[field])
    return out


def write_language_indexes(site_dir: Path, prefixes: dict[str, str],
                           names: dict[str, str] | None = None) -> dict[str, Path]:
    """Write search/index.<lang>.js for each language and empty the combined index's document list.

    `prefixes` maps each language to the start of its pages' locations ("" for the default language,
    "ar/" for Arabic); `names` to its name in itself ("العربية"), which marks its pages when the worker
    shows them on a page of another language. Returns the written scripts by language.
    """
    names = names or {}
    combined = site_dir / INDEX
    if not combined.is_file():
        raise SearchIndexError(f"{combined}: no search index (is the search plugin enabled?)")
    workers = sorted((site_dir).glob(MATERIAL_WORKERS))
    if not workers:
        raise SearchIndexError(f"{site_dir / MATERIAL_WORKERS}: Material's search worker not found")
    index = json.loads(combined.read_text(encoding="utf-8"))
    config = dict(index["config"], separator=arabic.SEPARATOR)
    written = {}
    by_lang = split_index(index, prefixes)
    restore_translations(by_lang, prefixes, built_page(site_dir))
    for lang, docs in by_lang.items():
        data = {
            "lang": lang,
            "config": dict(config, lang=[lang]),
            "docs": [clean_doc(d) for d in docs],
            "worker": workers[0].relative_to(site_dir).as_posix(),
            # Searched only when this language finds nothing (worker.js).
            "others": [{"lang": other, "name": names.get(other, other)} for other in prefixes if other != lang],
        }
        path = site_dir / index_script(lang)
        path.write_text("self.__kbSearchIndex = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                        + ";\n", encoding="utf-8")
        written[lang] = path
    emptied = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    combined.write_text(emptied, encoding="utf-8")
    inlined = combined.with_suffix(".js")  # Material's offline plugin: the same index for file://
    if inlined.is_file():
        inlined.write_text(f"var __index = {emptied}", encoding="utf-8")
    return written
