"""Lighthouse 12 (mobile, the default simulated throttling) on the built site, served with gzip as GitHub Pages
serves it: Performance, Accessibility, Best Practices and SEO for home, two filterable catalogues, a case study, a
workshop kit, an initiative list and the partnership map in both languages, the median of 3 runs each (the budget:
performance at least 98, total blocking time at most 150 ms, the rest 100), and the audits that cost points. A
benchmark, not a test: Performance depends on the machine's load (printed with each page), so compare a change
with --against: the runs of the two sites alternate, page by page, and see the same load.

    .venv/bin/python bench/lighthouse.py [--site DIR] [--against DIR] [--runs N] [PATH ...]

Needs `npm ci` (lighthouse in package-lock.json) and Chromium at /usr/bin/chromium.
"""
import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serve import serve  # noqa: E402
from bench.weight import build  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = [
    "/", "/ar/",
    "/workshops/", "/ar/workshops/",
    "/case-studies/", "/ar/case-studies/",
    "/case-studies/arabic-library-networks-open-ecosystems/",
    "/ar/case-studies/arabic-library-networks-open-ecosystems/",
    "/workshops/building-collaborative-arabic-library-networks/",
    "/ar/workshops/building-collaborative-arabic-library-networks/",
    "/initiatives/libraries-and-their-communities/",
    "/ar/initiatives/libraries-and-their-communities/",
    "/map/", "/ar/map/",
]


def run_lighthouse(url: str, out: Path) -> dict:
    """One Lighthouse run; the JSON report."""
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, text=True, timeout=300)
    if result.returncode or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict:
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def lost_points(report: dict) -> list[str]:
    """The scored audits below 1 in each category, with what Lighthouse says about them."""
    out = []
    for c in CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                out.append(f"  {c}: {ref['id']} ({audit['score']}) {audit.get('displayValue', '')}".rstrip())
    return out


def metrics(report: dict) -> str:
    a = report["audits"]
    keys = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
            "speed-index"]
    return ", ".join(f"{k.split('-')[0] if k != 'total-blocking-time' else 'TBT'}:{a[k].get('displayValue', '')}"
                     for k in keys)


def median_metrics(reports: list[dict]) -> str:
    """FCP, LCP, TBT, CLS and Speed Index, each the median over the runs."""
    keys = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint", "TBT": "total-blocking-time",
            "CLS": "cumulative-layout-shift", "SI": "speed-index"}
    values = {k: statistics.median(r["audits"][a]["numericValue"] for r in reports) for k, a in keys.items()}
    return ", ".join(f"{k} {v:.3f}" if k == "CLS" else f"{k} {v / 1000:.2f} s" if k != "TBT" else f"{k} {v:.0f} ms"
                     for k, v in values.items())


def diagnosis(report: dict) -> list[str]:
    """What the metrics rest on: the LCP element, what shifted, the stylesheets and scripts that block the first
    paint, and the main thread's long tasks."""
    a = report["audits"]
    out = []
    for item in a.get("largest-contentful-paint-element", {}).get("details", {}).get("items", []):
        for row in item.get("items", [item]):
            if "node" in row:
                node = row["node"]
                out.append(f"  LCP element: {node.get('selector', '')} \"{node.get('nodeLabel', '')[:50]}\"")
    for row in a.get("layout-shifts", {}).get("details", {}).get("items", []):
        out.append(f"  shift {row.get('score', 0):.3f}: {row.get('node', {}).get('selector', '?')}")
    blocking = [row["url"].rsplit("/", 1)[-1]
                for row in a["render-blocking-resources"].get("details", {}).get("items", [])]
    if blocking:
        out.append(f"  render-blocking: {', '.join(blocking)}")
    tasks = [f"{row['url'].rsplit('/', 1)[-1] or row['url']} {row['duration']:.0f} ms"
             for row in a.get("long-tasks", {}).get("details", {}).get("items", [])]
    if tasks:
        out.append(f"  long tasks: {'; '.join(tasks)}")
    scripts = [f"{row['url'].rsplit('/', 1)[-1] or row['url']} {row['scripting']:.0f}+{row['scriptParseCompile']:.0f}"
               for row in a.get("bootup-time", {}).get("details", {}).get("items", [])]
    if scripts:
        out.append(f"  script ms (run+compile): {'; '.join(scripts)}")
    work = [f"{row['groupLabel']} {row['duration']:.0f}"
            for row in a.get("mainthread-work-breakdown", {}).get("details", {}).get("items", [])]
    if work:
        out.append(f"  main thread ms: {'; '.join(work)}")
    return out


def report(label: str, reports: list[dict], load: float) -> None:
    """The medians of a page's runs on one site, its metrics and the diagnosis of its median run."""
    runs = [scores(r) for r in reports]
    median = {c: statistics.median(s[c] for s in runs) for c in CATEGORIES}
    tbt = statistics.median(r["audits"]["total-blocking-time"]["numericValue"] for r in reports)
    # The run with the median Performance score stands for the page (its audits and diagnosis).
    middle = sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2]
    print(f"{label[:62]:62} " + " ".join(f"{median[c]:5.0f}" for c in CATEGORIES) + f" {tbt:5.0f}  {load:4.2f}"
          + (f"   (perf runs: {[s['performance'] for s in runs]})" if len(reports) > 1 else ""))
    print(f"  {metrics(middle)}")
    if len(reports) > 1:
        print(f"  medians over {len(reports)} runs: {median_metrics(reports)}")
    for line in diagnosis(middle) + lost_points(middle):
        print(line)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--against", type=Path, help="a second built site, measured in turn with the first")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed")
    parser.add_argument("paths", nargs="*", default=PAGES)
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} not found: run `npm ci`")
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        site_dir = args.site or Path(tmp) / "site"
        if not args.site:
            build(site_dir)
        sites = {"": site_dir, **({"against": args.against} if args.against else {})}
        servers = {name: stack.enter_context(serve(d)) for name, d in sites.items()}
        print(f"{'page':62} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'TBT':>5}  load")
        for path in args.paths:
            reports = {name: [] for name in servers}
            loads = []
            for i in range(args.runs):
                for name, server in servers.items():  # in turn, so both sites see the same load
                    loads.append(os.getloadavg()[0])
                    reports[name].append(run_lighthouse(server.base + path, Path(tmp) / f"lh-{name}{i}.json"))
            for name in servers:
                report(f"{path} {name}".rstrip(), reports[name], statistics.mean(loads))
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    return 0  # figures only, as Performance depends on the machine


if __name__ == "__main__":
    sys.exit(main())
