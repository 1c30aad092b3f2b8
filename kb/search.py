"""Per-language search indexes: split Material's combined index (mkdocs-static-i18n puts every language in
search/search_index.json) into one script per language, search/index.<lang>.js, that the search worker
wrapper (docs/assets/javascripts/search/worker.js) loads with importScripts, from a server or file://.

Each script sets `self.__kbSearchIndex = {lang, config, docs, worker, others}`: one language only, Arabic
text without tashkeel or tatweel (kb.arabic.strip_marks; the worker folds letters and stems words), the
separator with Arabic punctuation, and the path of Material's own worker. The combined index (and its
copy inlined for file:// by Material's offline plugin) keeps its config but no documents: the page still
loads it (for its config), but the worker reads the per-language scripts.

The normaliser, assets/javascripts/search/normalise.js, is written with the plural table of
kb/data/plurals.yml in place of its empty one (`with_plurals`): the data file stays its only copy.
"""
import json
import re
from pathlib import Path

from kb import arabic

INDEX = Path("search") / "search_index.json"
MATERIAL_WORKERS = "assets/javascripts/workers/search.*.min.js"
NORMALISER = Path("assets") / "javascripts" / "search" / "normalise.js"
# The table's place in normalise.js, empty in the source or already written (mkdocs serve --dirty).
PLURALS_MARK = re.compile(r"/\* kb:plurals \*/ \{[^}]*\}")


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


def clean_doc(doc: dict) -> dict:
    """A document with tashkeel and tatweel removed from its title and text (no other change)."""
    out = dict(doc)
    for field in ("title", "text"):
        if isinstance(out.get(field), str):
            out[field] = arabic.strip_marks(out[field])
    return out


def with_plurals(source: str) -> str:
    """normalise.js with the plural table (folded plural: folded singular) in place of its empty one."""
    if len(PLURALS_MARK.findall(source)) != 1:
        raise SearchIndexError(f"{NORMALISER}: expected one '/* kb:plurals */ {{}}' to write the plural table in")
    table = json.dumps(arabic.plural_forms(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return PLURALS_MARK.sub(lambda _: "/* kb:plurals */ " + table, source)


def write_normaliser(site_dir: Path) -> Path:
    """Write the plural table into the built normalise.js."""
    path = site_dir / NORMALISER
    if not path.is_file():
        raise SearchIndexError(f"{path}: the search normaliser was not copied into the site")
    path.write_text(with_plurals(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


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
