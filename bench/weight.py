"""Weight of a page's first view: every request Chromium makes while loading it (no interaction), with the bytes
sent as GitHub Pages sends them (gzip for text) and the brotli size for comparison.

    .venv/bin/python bench/weight.py [--site DIR] [PATH ...]

Without --site it builds the site into a temporary folder first. The default page is an Arabic case study.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serve import compressible, gzipped, serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUDGET = 200_000  # bytes transferred, compressed, for the first view of an Arabic article
ARTICLE = "/ar/case-studies/arabic-library-networks-open-ecosystems/"
# Lighthouse's mobile device (Moto G Power) and a laptop screen.
VIEWPORTS = {"mobile": dict(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True,
                            has_touch=True),
             "desktop": dict(viewport={"width": 1350, "height": 940})}
KINDS = {".html": "html", ".css": "css", ".js": "js", ".json": "data", ".xml": "data", ".woff2": "font",
         ".png": "image", ".svg": "image", ".ico": "image"}


def kind(path: str) -> str:
    if path.endswith("/"):
        return "html"
    return KINDS.get(Path(path).suffix, "other")


def first_view(browser, server, site_dir: Path, path: str, device: str = "mobile") -> list[dict]:
    """The requests of a page's first view, in order: path, kind, bytes sent, raw, gzip and brotli sizes."""
    context = browser.new_context(**VIEWPORTS[device])
    page = context.new_page()
    start = len(server.sent)
    page.goto(server.base + path, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(500)
    context.close()
    rows = []
    for url_path, sent in server.sent[start:]:
        file = site_dir / unquote(url_path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        raw = file.read_bytes() if file.is_file() else b""
        rows.append({"path": url_path, "kind": kind(url_path), "sent": sent, "raw": len(raw),
                     "gzip": len(gzipped(raw)) if compressible(file.name) else len(raw),
                     "brotli": brotli_size(raw) if compressible(file.name) else len(raw)})
    return rows


def brotli_size(data: bytes) -> int:
    try:
        import brotli
    except ImportError:
        return 0
    return len(brotli.compress(data, quality=11))


def report(rows: list[dict]) -> str:
    lines = [f"{'request':70} {'kind':5} {'sent':>8} {'raw':>8} {'gzip':>8} {'brotli':>8}"]
    for r in rows:
        lines.append(f"{r['path'][:70]:70} {r['kind']:5} {r['sent']:8} {r['raw']:8} {r['gzip']:8} {r['brotli']:8}")
    by_kind = {}
    for r in rows:
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + r["sent"]
    total = sum(r["sent"] for r in rows)
    lines.append("by kind (sent): " + ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in sorted(by_kind.items())))
    lines.append(f"total sent: {total / 1000:.1f} kB ({len(rows)} requests); brotli would be "
                 f"{sum(r['brotli'] for r in rows) / 1000:.1f} kB; budget {BUDGET / 1000:.0f} kB: "
                 f"{'within' if total <= BUDGET else 'OVER'}")
    return "\n".join(lines)


def build(site_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
                            cwd=ROOT, env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("paths", nargs="*", default=[ARTICLE], help="pages to weigh (URL paths)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site or Path(tmp) / "site"
        if not args.site:
            build(site_dir)
        with serve(site_dir) as server, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in args.paths:
                for device in VIEWPORTS:
                    rows = first_view(browser, server, site_dir, path, device)
                    print(f"\n== {path} ({device}, first view) ==")
                    print(report(rows))
            browser.close()
    return 0  # figures only: tests/quality/test_budget.py asserts the budget


if __name__ == "__main__":
    sys.exit(main())
