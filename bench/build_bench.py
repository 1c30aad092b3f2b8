"""Build-time benchmark (not a test): our full configuration against stock Material + mkdocs-static-i18n, on
the same synthetic corpus, at several sizes, in the same run.

    .venv/bin/python bench/build_bench.py [--sizes 100 500 1000] [--repeat N] [--profile SIZE] [--keep DIR]

For each size N it writes a project: this repository's site sources (mkdocs.yml, docs, overrides, hooks,
kb) plus N synthetic case studies per language (bench/corpus.py prose, front matter and sections that pass
our validator), committed to git as a real checkout is. "ours" is mkdocs.yml as it is (every feature, hook
and plugin on; the exports are a separate step and excluded); "stock" is Material and i18n with the search
plugin, Material's default features and the same Markdown extensions, on the same docs folder; a third
build, stock plus navigation.prune, shows what makes stock superlinear. It prints each build's wall and CPU
time (--repeat N: the fastest of N runs of each), ours/stock, and the growth from one size to the next.
--profile N runs our build of size N under cProfile and prints where the time goes (by plugin, hook, module).
"""
import argparse
import cProfile
import io
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import _Writer  # noqa: E402
from kb.data import sources, vocabularies  # noqa: E402
from tests.support import copy_project  # noqa: E402

SLUG = "case-studies/synthetic-{:04d}.md"
PARTNERS = [("qatar-national-library", "library", "host", "Qatar National Library", "مكتبة قطر الوطنية"),
            ("ifla", "international-federation", "convener", "IFLA", "الإفلا")]

STOCK_CONFIG = """# Stock Material + mkdocs-static-i18n, as a new user sets them up (no features, hooks or overrides).
site_name: Stock
site_url: https://example.org/kb/
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
          build: true
        - locale: ar
          name: العربية
          build: true
{markdown_extensions}"""


def case_study(lang: str, n: int, rng: random.Random) -> str:
    """A synthetic case study in `lang` that our validator accepts: the same front matter in both languages
    (but for prose), the three required sections, prose from bench/corpus.py."""
    writer = _Writer(lang, rng)
    meta_rng = random.Random(n)  # the shared keys must be identical in both languages
    themes = meta_rng.sample(sorted(vocabularies()["themes"]), 2)
    region = meta_rng.choice(sorted(vocabularies()["regions"]))
    source = meta_rng.choice(sorted(sources()))
    partners = "".join(f"  - name: {en if lang == 'en' else ar}\n    org: {org}\n    type: {kind}\n    role: {role}\n"
                       for org, kind, role, en, ar in PARTNERS)
    title = f"{writer.title()} {n}"
    sections = [("Context", "السياق", "context"), ("What was done", "ما الذي أُنجز", "what-was-done"),
                ("Lessons", "الدروس المستفادة", "lessons")]
    body = []
    for en, ar, anchor in sections:
        body.append(f"## {en if lang == 'en' else ar} {{#{anchor}}}\n")
        for _ in range(rng.randrange(2, 4)):
            body.append(" ".join(writer.sentence() for _ in range(rng.randrange(3, 6))) + "\n")
        body.append(f"### {writer.title()}\n")
        body.append(" ".join(writer.sentence() for _ in range(rng.randrange(3, 6))) + "\n")
    return (f"---\nkind: case-study\ntitle: {title}\ndescription: {writer.sentence()}\npartners:\n{partners}"
            f"region: {region}\nthemes: [{', '.join(themes)}]\nyear: {2000 + n % 25}\nsources: [{source}]\n---\n\n"
            f"# {title}\n\n" + "\n".join(body))


def write_project(dest: Path, pages: int, in_nav: bool = True) -> Path:
    """This repository's site sources plus `pages` synthetic case studies per language, in the nav (or, with
    in_nav=False, reachable from the catalogue only), committed to git."""
    copy_project(dest)
    for lang in ("en", "ar"):
        rng = random.Random(f"bench-{lang}")
        for n in range(pages):
            (dest / "docs" / lang / SLUG.format(n)).write_text(case_study(lang, n, rng), encoding="utf-8")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "      - case-studies/index.md\n"
    assert anchor in config, "mkdocs.yml: the Case studies section's index entry moved; update bench/build_bench.py"
    if in_nav:
        config = config.replace(anchor, anchor + "".join(f"      - {SLUG.format(n)}\n" for n in range(pages)), 1)
    else:
        config += "\nnot_in_nav: |\n  synthetic-*.md\n"
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    stock = STOCK_CONFIG.format(markdown_extensions=markdown_extensions(config))
    (dest / "stock.yml").write_text(stock, encoding="utf-8")
    # Stock plus the one feature that keeps each page's navigation to its own section: the superlinear part.
    (dest / "stock-prune.yml").write_text(stock.replace("  name: material\n", "  name: material\n  features:\n"
                                                        "    - navigation.prune\n", 1), encoding="utf-8")
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "corpus"], cwd=dest, check=True)
    return dest


def markdown_extensions(config: str) -> str:
    """Our mkdocs.yml's markdown_extensions block, as text (it holds !!python tags)."""
    m = re.search(r"^markdown_extensions:\n(?:(?:  .*)?\n)+", config, re.M)
    return m.group(0) if m else ""


def build(project: Path, config: str, out: Path) -> tuple[float, float]:
    """Wall time and CPU time (the build and its git processes) of one `mkdocs build` of `config` in
    `project`; exits with the log if it fails. On a shared machine the CPU time is the steadier figure."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    strict = ["--strict"] if config == "mkdocs.yml" else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *strict, "-f", config, "-d", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"{project / config}: build failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def profile(project: Path, out: Path, top: int = 25) -> str:
    """Our build under cProfile, in this process; the time per plugin, hook and kb module, and the top calls."""
    from mkdocs.__main__ import cli
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    cwd = os.getcwd()
    os.chdir(project)
    sys.path.insert(0, str(project))
    profiler = cProfile.Profile()
    try:
        profiler.runcall(cli.main, ["build", "-q", "--strict", "-d", str(out)], standalone_mode=False)
    finally:
        os.chdir(cwd)
    stats = pstats.Stats(profiler)
    groups: dict[str, float] = {}
    for (file, _, _), (_, _, tottime, _, _) in stats.stats.items():
        groups[component(file)] = groups.get(component(file), 0.0) + tottime
    total = sum(groups.values())
    lines = [f"own time by component (total {total:.1f} s):"]
    lines += [f"  {name:40} {seconds:7.2f} s  {100 * seconds / total:5.1f}%"
              for name, seconds in sorted(groups.items(), key=lambda kv: -kv[1])[:18]]
    text = io.StringIO()
    stats.stream = text
    stats.sort_stats("cumulative").print_stats(r"hooks/|/kb/|plugin|mkdocs/structure/nav|theme", top)
    lines.append("cumulative time, our hooks and the plugins:")
    lines += [line for line in text.getvalue().splitlines() if re.match(r"\s+\d", line)]
    return "\n".join(lines)


def component(file: str) -> str:
    """Which part of the build a profiled function belongs to."""
    for pattern, name in [(r"/hooks/(\w+)\.py", "hook {}"), (r"/kb/(\w+)\.py", "kb.{}"),
                          (r"site-packages/(mkdocs_static_i18n)/", "{}"),
                          (r"site-packages/material/plugins/(\w+)/", "material {} plugin"),
                          (r"site-packages/(material)/", "{} (theme)"), (r"site-packages/(mkdocs)/", "{}"),
                          (r"site-packages/(jinja2|markdown|pymdownx|yaml|babel|regex)/", "{}")]:
        m = re.search(pattern, file)
        if m:
            return name.format(m.group(1))
    if file.startswith("~"):
        return "builtins (C calls, waiting on git)"
    return "stdlib" if "/python3." in file or file.startswith("<") else "other"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000], help="pages per language")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="build each configuration N times, in turn, and keep the fastest (steadier figures)")
    parser.add_argument("--profile", type=int, metavar="SIZE", help="profile our build at this size instead")
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    parser.add_argument("--out-of-nav", action="store_true",
                        help="leave the synthetic case studies out of the sidebar (listed by the catalogue only)")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    try:
        if args.profile:
            project = write_project(base / f"p{args.profile}", args.profile)
            print(profile(project, base / f"p{args.profile}-site"))
            return 0
        print(f"{'pages/lang':>10} {'ours wall':>9} {'stock wall':>10} {'ratio':>6} {'ours cpu':>9} {'stock cpu':>9} "
              f"{'ratio':>6} {'stock+prune':>11}   growth from the previous size (wall; cpu)")
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs at start; times in seconds, "
              f"the fastest of {args.repeat} run(s) each)")
        previous = None
        for size in args.sizes:
            project = write_project(base / f"p{size}", size, in_nav=not args.out_of_nav)
            runs = {name: [] for name in ("ours", "stock", "stock-prune")}
            for _ in range(args.repeat):  # in turn, so that a busy spell on the machine hits all three alike
                for name in runs:
                    config = "mkdocs.yml" if name == "ours" else f"{name}.yml"
                    runs[name].append(build(project, config, base / f"p{size}-{name}"))
            ours, stock, pruned = (tuple(map(min, zip(*runs[name], strict=True))) for name in runs)
            growth = ""
            if previous:
                growth = (f"x{size / previous[2]:g} pages: ours x{ours[0] / previous[0][0]:.2f}; "
                          f"x{ours[1] / previous[0][1]:.2f}, stock x{stock[0] / previous[1][0]:.2f}; "
                          f"x{stock[1] / previous[1][1]:.2f}, stock+prune x{pruned[0] / previous[3][0]:.2f}; "
                          f"x{pruned[1] / previous[3][1]:.2f}")
            print(f"{size:10d} {ours[0]:9.1f} {stock[0]:10.1f} {ours[0] / stock[0]:6.2f} {ours[1]:9.1f} "
                  f"{stock[1]:9.1f} {ours[1] / stock[1]:6.2f} {pruned[0]:5.1f}/{pruned[1]:5.1f}   {growth}", flush=True)
            previous = (ours, stock, size, pruned)
            if not args.keep:
                shutil.rmtree(project)
                shutil.rmtree(base / f"p{size}-ours")
                shutil.rmtree(base / f"p{size}-stock")
                shutil.rmtree(base / f"p{size}-stock-prune")
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
