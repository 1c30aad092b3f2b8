"""Search benchmark (not a test): this knowledge base's per-language, Arabic-aware search against stock
Material search, on the same synthetic site of N pages per language (bench/corpus.py).

Prints, for each variant: the search index bytes a reader's browser downloads (raw and gzip) per language,
and in headless Chromium the query-to-results time (median, p95), from the keystroke event in the search
box to the results rendered, and the time of a first query typed as soon as the page has loaded.

    .venv/bin/python bench/search_bench.py [--pages 500] [--keep DIR]
"""
import argparse
import gzip
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import AR_NOUNS, AR_PLACES, EN_NOUNS, EN_PLACES, write_corpus  # noqa: E402
from tests.search.search_helpers import PROTOCOL, Server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

CONFIG = """site_name: Search benchmark
use_directory_urls: true
theme:
  name: material
  {custom_dir}
  features: [{features}]
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - {{locale: en, default: true, name: English, build: true}}
        - {{locale: ar, name: العربية, build: true}}
{hooks}
"""

# Timestamps of the search worker's messages, and a hook to wait for the next result.
INSTRUMENT = """(RESULT => {
  const b = window.__bench = {results: 0, done: null, waiter: null}
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options)
      this.addEventListener("message", ev => {
        if (ev.data.type === RESULT) {
          b.results++
          // After every listener of this message (Material renders the results in its own).
          setTimeout(() => { b.done = performance.now(); if (b.waiter) b.waiter() }, 0)
        }
      })
    }
  }
})(""" + f"{PROTOCOL['RESULT']})"

RUN_QUERIES = """async ([queries, focus]) => {
  const b = window.__bench
  const input = document.querySelector("input.md-search__input")
  const times = []
  for (const q of queries) {
    const n = b.results
    const t0 = performance.now()
    if (focus) input.focus()
    input.value = q
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}))
    await new Promise(resolve => { b.waiter = () => { if (b.results > n) { b.waiter = null; resolve() } } })
    times.push(b.done - t0)
  }
  return times
}"""


def make_project(dest: Path, pages: int, ours: bool) -> Path:
    write_corpus(dest / "docs", pages)
    if ours:
        shutil.copytree(ROOT / "docs/assets", dest / "docs/assets")
        shutil.copytree(ROOT / "overrides", dest / "overrides")
        (dest / "hooks").mkdir()
        for hook in ("search.py", "templates.py", "theme.py"):  # what overrides/ needs besides the search hook
            shutil.copy2(ROOT / "hooks" / hook, dest / "hooks" / hook)
    (dest / "mkdocs.yml").write_text(CONFIG.format(
        custom_dir="custom_dir: overrides" if ours else "",
        # Ours highlights through its worker and search/page.js; stock Material with search.highlight.
        features="search.suggest" if ours else "search.suggest, search.highlight",
        hooks="hooks:\n  - hooks/templates.py\n  - hooks/theme.py\n  - hooks/search.py" if ours else ""),
        encoding="utf-8")
    return dest


def build(project: Path) -> Path:
    site = project / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], cwd=project, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    if result.returncode:
        sys.exit(f"{project}: build failed\n{result.stdout}{result.stderr}")
    return site


def sizes(paths: list[Path]) -> tuple[int, int]:
    data = b"".join(p.read_bytes() for p in paths)
    return len(data), len(gzip.compress(data, mtime=0))


def queries(lang: str, rng: random.Random) -> list[str]:
    """Realistic queries: whole words, plurals, half-typed words, two words, names (Arabic with clitics)."""
    if lang == "en":
        nouns, places = EN_NOUNS, EN_PLACES
        forms = [lambda s, p: s, lambda s, p: p, lambda s, p: s[:5], lambda s, p: f"digital {p}",
                 lambda s, p: f"{s} {rng.choice(places)}"]
    else:
        nouns, places = AR_NOUNS, AR_PLACES
        forms = [lambda s, p: s, lambda s, p: "ال" + p, lambda s, p: "وال" + s, lambda s, p: ("ال" + s)[:5],
                 lambda s, p: f"{s} {rng.choice(places)}", lambda s, p: "ب" + s]
    out = []
    while len(out) < 40:
        single, plural = rng.choice(nouns)
        q = rng.choice(forms)(single, plural)
        if not out or out[-1] != q:
            out.append(q)
    return out


def open_page(browser, base: str, lang: str):
    """A page of the site in `lang`; returns it and the time from focusing the search box and typing a
    query at once to its results (the index loading included, where it was not loaded before)."""
    page = browser.new_page()
    page.add_init_script(INSTRUMENT)
    page.goto(base + ("/" if lang == "en" else "/ar/"))
    first = page.evaluate(RUN_QUERIES, [queries(lang, random.Random(lang))[:1], True])[0]
    return page, first


def measure(browser, bases: dict, rounds: int) -> dict:
    """Query times per (variant, language); the variants take turns in every round, so that the load of
    a shared machine falls on both alike."""
    pages, first, times = {}, {}, {}
    for variant, base in bases.items():
        for lang in ("en", "ar"):
            key = (variant, lang)
            pages[key], first[key] = open_page(browser, base, lang)
            pages[key].evaluate(RUN_QUERIES, [queries(lang, random.Random(lang))[1:6], False])  # warm up
            times[key] = []
    for _ in range(rounds):
        for key, page in pages.items():
            times[key] += page.evaluate(RUN_QUERIES, [queries(key[1], random.Random(key[1])), False])
    for page in pages.values():
        page.close()
    result = {}
    for key, values in times.items():
        values.sort()
        result[key] = {"first": first[key], "median": statistics.median(values), "n": len(values),
                       "p95": values[int(0.95 * (len(values) - 1))]}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages per language (default 500)")
    parser.add_argument("--rounds", type=int, default=5, help="times each query set is run (default 5)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--reuse", action="store_true", help="measure the sites already built in --keep")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    sites = {}
    for variant in ("stock", "ours"):
        if args.reuse and (work / variant / "site").is_dir():
            sites[variant] = work / variant / "site"
            continue
        if (work / variant).exists():
            shutil.rmtree(work / variant)
        project = make_project(work / variant, args.pages, ours=variant == "ours")
        print(f"building {variant} ({args.pages} pages per language) ...", flush=True)
        sites[variant] = build(project)

    print(f"\nIndex bytes a reader downloads ({args.pages} pages per language; raw / gzip):")
    stock_raw, stock_gz = sizes([sites["stock"] / "search/search_index.json"])
    print(f"  stock Material, combined index (every page, both languages): {stock_raw:>10,} / {stock_gz:>9,}")
    for lang in ("en", "ar"):
        raw, gz = sizes([sites["ours"] / f"search/index.{lang}.js", sites["ours"] / "search/search_index.json"])
        print(f"  ours, {lang} pages (index.{lang}.js + emptied combined index): {raw:>10,} / {gz:>9,}"
              f"  ({raw / stock_raw:.0%} / {gz / stock_gz:.0%} of stock)")

    from playwright.sync_api import sync_playwright
    print("\nQuery-to-results in Chromium, ms: keyup to results rendered (median, p95), and the first query typed"
          " as the box gets focus right after the page loaded (index loading included):")
    servers = {variant: Server(site) for variant, site in sites.items()}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            results = measure(browser, {v: s.base for v, s in servers.items()}, args.rounds)
            browser.close()
    finally:
        for server in servers.values():
            server.close()
    for (variant, lang), m in results.items():
        print(f"  {variant:5} {lang}: median {m['median']:6.1f}  p95 {m['p95']:6.1f}  (n={m['n']})"
              f"  first query {m['first']:7.0f}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
