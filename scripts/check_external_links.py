#!/usr/bin/env python3
"""External link check: every http(s) link written in the content (Markdown, data files) still answers.

Usage: check_external_links.py [--online] [--timeout S] [PATH ...]   (default paths: docs kb/data)

Without --online it only lists the links it found (`path:line: url`) and touches no network: test machines
have none. With --online it requests each distinct URL once (HEAD, then GET where HEAD is refused) and
reports `path:line: url: <problem>` for each one that fails; redirects are followed and noted, not failed.
Exit status: 0 all good (or offline), 1 a link is broken, 2 bad usage. Under GitHub Actions each broken
link is also printed as an `::error file=...,line=...::` annotation. Standard library only.
"""
import argparse
import os
import re
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SUFFIXES = {".md", ".yml", ".yaml", ".html"}
# Stops at whitespace, quotes, angle brackets and Markdown's closing bracket/parenthesis.
URL_RE = re.compile(r"""https?://[^\s<>"'`)\]]+""")
TRAILING = ".,;:!?*_"
USER_AGENT = "library-partnerships-kb-link-check/1.0"


def find_links(paths):
    """Yield (file, line, url) for every http(s) URL in the content files under `paths`, in order."""
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES)
        for file in files:
            for lineno, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                for match in URL_RE.finditer(line):
                    yield file, lineno, match.group().rstrip(TRAILING)


class _KeepMethod(urllib.request.HTTPRedirectHandler):
    """Follow redirects with the same method (urllib turns a redirected HEAD into a GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


OPENER = urllib.request.build_opener(_KeepMethod)


def check(url, timeout):
    """Request `url`; return (problem or None, final URL). HEAD first, GET when HEAD is not allowed."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with OPENER.open(request, timeout=timeout) as response:
                return None, response.geturl()
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue  # some servers refuse HEAD only
            return f"HTTP {err.code} {err.reason}", url
        except (urllib.error.URLError, OSError, ValueError) as err:
            reason = getattr(err, "reason", err)
            return f"unreachable ({reason})", url
    return None, url  # not reached


def annotate(file, line, message):
    if os.environ.get("GITHUB_ACTIONS") == "true":
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        print(f"::error file={file},line={line}::{message}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["docs", "kb/data"], help="files or folders to scan")
    parser.add_argument("--online", action="store_true", help="request each URL (needs the internet)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")

    links = list(find_links(args.paths))
    if not args.online:
        for file, line, url in links:
            print(f"{file}:{line}: {url}")
        print(f"{len(links)} external link(s) found; not checked (pass --online to request them)")
        return 0

    urls = sorted({url for _, _, url in links})
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(urls, pool.map(lambda u: check(u, args.timeout), urls), strict=True))
    broken = 0
    for file, line, url in links:
        problem, final = results[url]
        if problem:
            broken += 1
            print(f"{file}:{line}: {url}: {problem}")
            annotate(file, line, f"{url}: {problem}")
        elif final != url:
            print(f"{file}:{line}: {url}: redirects to {final}")
    print(f"{len(urls)} distinct external link(s) checked, {broken} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
