"""Link integrity over a built site: every internal link and anchor, in both languages, must resolve."""
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

_LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


class _LinkCollector(HTMLParser):
    """Collects a page's element ids and its outgoing link targets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        target = a.get(_LINK_ATTRS.get(tag, ""))
        if target and not (tag == "link" and a.get("rel") in ("alternate", "canonical")):
            self.links.append((target, self.getpos()[0]))


def _parse(path: Path) -> _LinkCollector:
    page = _LinkCollector()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Return `page:line: link` for every internal link whose file or anchor is missing. `site_url` is
    the site's configured URL: absolute links into it, and root paths under its path, are internal."""
    site = site.resolve()
    root_path = urlparse(site_url).path or "/"
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for path, page in pages.items():
        rel = path.relative_to(site).as_posix()
        base = "file:///" + rel
        for href, line in page.links:
            if site_url and href.startswith(site_url):
                href = "/" + href[len(site_url):]
            url = urlparse(href)
            if url.scheme in ("http", "https", "mailto", "tel", "data", "javascript") or url.netloc:
                continue
            if href.startswith("/"):
                if not href.startswith(root_path):
                    problems.append(f"{rel}:{line}: link {href!r} points outside the site's path {root_path!r}")
                    continue
                target_url = urlparse("file:///" + href[len(root_path):])
            else:
                target_url = urlparse(urljoin(base, href))
            target = site / unquote(target_url.path).lstrip("/")
            if target.is_dir() or target_url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{rel}:{line}: broken link {href!r} (no {target.relative_to(site).as_posix()})")
                continue
            fragment = unquote(url.fragment)
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    problems.append(f"{rel}:{line}: broken anchor {href!r} (no id {fragment!r} in "
                                    f"{target.relative_to(site).as_posix()})")
    return problems


def _configured_site_url() -> str:
    """site_url as mkdocs.yml sets it (the SITE_URL environment variable, else its default)."""
    from mkdocs.config import load_config
    return load_config("mkdocs.yml").site_url or ""


def main(site: Path, site_url: str | None = None) -> int:
    """Check the links of the site built in `site` (python -m kb links [SITE_DIR [SITE_URL]])."""
    site = Path(site)
    site_url = site_url or _configured_site_url()
    if not site.is_dir():
        print(f"{site}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    problems = broken_links(site, site_url)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} broken internal links or anchors")
    return 1 if problems else 0
