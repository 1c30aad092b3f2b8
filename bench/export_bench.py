"""Export benchmark (not a test): time to produce every export (`python -m kb pdf`) and the sizes of the
files, for the real site and for the real site plus N synthetic pages per language (bench/corpus.py).

Prints, per site: pages per language, the strict build time, the PDF export time (and the slowest PDF), the
offline export time (its own build and the zips), and each file's size and page count.

    .venv/bin/python bench/export_bench.py [--pages 200] [--keep DIR]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from tests.support import copy_project  # noqa: E402


def run(args, cwd, env=None) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})))
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started, result.stdout


def synthetic_project(dest: Path, pages: int) -> Path:
    """A copy of the project with `pages` synthetic pages per language (front matter of kind `page`) in the nav."""
    copy_project(dest)
    written = write_corpus(dest / "docs", pages)
    for path in written:
        if path.parent.name != "p":
            continue  # write_corpus's own index pages would replace the real home pages: keep the real ones
        body = path.read_text(encoding="utf-8")
        title = body.splitlines()[0].lstrip("# ").strip()
        path.write_text(f"---\nkind: page\ntitle: \"{title}\"\ndescription: \"{title}.\"\n---\n\n{body}",
                        encoding="utf-8")
    for lang in ("en", "ar"):  # restore the real home pages overwritten by write_corpus
        shutil.copy2(ROOT / "docs" / lang / "index.md", dest / "docs" / lang / "index.md")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    entries = "\n".join(f"      - p/{n:04d}.md" for n in range(pages))
    config = re.sub(r"\nnav:\n", f"\nnav:\n  - Synthetic:\n{entries}\n", config, count=1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def bench(name: str, project: Path, work: Path) -> dict:
    site, out = work / "site", work / "downloads"
    t_build, _ = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(site)],
                     project)
    pages = {lang: len(list((site / "ar" if lang == "ar" else site).rglob("index.html"))) for lang in ("en", "ar")}
    pages["en"] -= pages["ar"]
    t_pdf, log = run([sys.executable, "-m", "kb", "pdf", "pdf", "--config", str(project / "mkdocs.yml"),
                      "--site", str(site), "--out", str(out)], ROOT)
    per_file = [(float(m.group(2)), m.group(1)) for m in re.finditer(r"export: (\S+) \(\d+ pages, ([\d.]+) s\)", log)]
    t_offline, _ = run([sys.executable, "-m", "kb", "pdf", "offline", "--config", str(project / "mkdocs.yml"),
                        "--out", str(out)], ROOT)
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    return {"name": name, "pages": pages, "build": t_build, "pdf": t_pdf, "offline": t_offline,
            "slowest": max(per_file) if per_file else None, "files": files}


def report(r: dict) -> None:
    print(f"\n== {r['name']}: {r['pages']['en']} English and {r['pages']['ar']} Arabic pages built")
    print(f"strict build {r['build']:.1f} s | PDFs {r['pdf']:.1f} s (slowest: {r['slowest'][1]} "
          f"{r['slowest'][0]:.1f} s) | offline build + zips {r['offline']:.1f} s | "
          f"all exports {r['pdf'] + r['offline']:.1f} s")
    for e in sorted(r["files"], key=lambda e: (e["kind"], e["file"])):
        pages = f"{e['pages']:>4} pages" if e.get("pages") else " " * 10
        print(f"  {e['file']:<75} {e['bytes'] / 1e6:7.2f} MB {pages}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="synthetic pages per language (default 200)")
    parser.add_argument("--keep", type=Path, help="keep the builds and exports in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="export-bench-"))
    try:
        results = [bench("real site", ROOT, work / "real")]
        project = synthetic_project(work / "synthetic-project", args.pages)
        results.append(bench(f"real site + {args.pages} synthetic pages per language", project,
                             work / "synthetic"))
        for r in results:
            report(r)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
