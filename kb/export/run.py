"""The export run (`python -m kb pdf`): every PDF and offline zip, the manifest of downloads, and publishing them
on the built pages."""
from __future__ import annotations

import datetime
import json
import posixpath
import sys
import tempfile
import time
from pathlib import Path

from kb.downloads import MANIFEST
from kb.export.document import kit_html, knowledge_base_html
from kb.export.offline import build_offline, zip_offline
from kb.export.pdf import write_pdf
from kb.export.site import ExportError, Site, edition_date, front_matter, load_site, workshop_kits


def kit_slug(src: str) -> str:
    return posixpath.splitext(src)[0].split("/", 1)[-1].replace("/", "-")


def pdf_files(site: Site) -> list[dict]:
    """Every PDF export as {file, lang, kind, kit}: the knowledge base, then each kit's guide and handout."""
    files = []
    for lang in site.languages:
        files.append({"file": f"knowledge-base-{lang.code}.pdf", "lang": lang.code, "kind": "knowledge-base",
                      "kit": None})
        for src in workshop_kits(site, lang):
            title = front_matter(site.docs_dir / lang.code / src).get("title") or src
            for which in ("facilitator-guide", "handout"):
                files.append({"file": f"{kit_slug(src)}-{which}-{lang.code}.pdf", "lang": lang.code,
                              "kind": which, "kit": src, "title": title})
    return files


def read_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"files": []}


def write_manifest(out: Path, entries: list[dict], edition: datetime.date) -> None:
    keep = {e["file"]: e for e in read_manifest(out).get("files", []) if (out / e["file"]).exists()}
    for entry in entries:
        keep[entry["file"]] = dict(entry, bytes=(out / entry["file"]).stat().st_size)
    data = {"edition": edition.isoformat(), "files": sorted(keep.values(), key=lambda e: e["file"])}
    (out / MANIFEST).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def export_pdfs(site: Site, site_dir: Path, out: Path, log=print) -> list[dict]:
    edition = edition_date()
    langs = {lang.code: lang for lang in site.languages}
    entries = []
    for entry in pdf_files(site):
        lang = langs[entry["lang"]]
        started = time.perf_counter()
        if entry["kind"] == "knowledge-base":
            html = knowledge_base_html(site, site_dir, lang, edition)
        else:
            html = kit_html(site, site_dir, lang, entry["kit"], entry["kind"], edition)
        write_pdf(html, out / entry["file"], site_dir)
        from pypdf import PdfReader
        entry["pages"] = len(PdfReader(out / entry["file"]).pages)
        entries.append(entry)
        log(f"export: {entry['file']} ({entry['pages']} pages, {time.perf_counter() - started:.1f} s)")
    write_manifest(out, entries, edition)
    return entries


def export_offline(site: Site, out: Path, log=print) -> list[dict]:
    entries = []
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as tmp:
        started = time.perf_counter()
        build_offline(site, Path(tmp) / "site", out)
        log(f"export: offline build ({time.perf_counter() - started:.1f} s)")
        for lang in site.languages:
            entry = {"file": f"offline-site-{lang.code}.zip", "lang": lang.code, "kind": "offline", "kit": None}
            zip_offline(Path(tmp) / "site", lang, out / entry["file"])
            entries.append(entry)
            log(f"export: {entry['file']}")
    write_manifest(out, entries, edition_date())
    return entries


def publish(site: Site, site_dir: Path, out: Path) -> None:
    """The exports listed on the built pages (kit boxes, the downloads page) and copied into the site."""
    from kb.downloads import DownloadsError, fill_site, load_manifest
    try:
        fill_site(site_dir, load_manifest(out), out, {lang.code: lang.name for lang in site.languages})
    except DownloadsError as e:
        raise ExportError(str(e)) from None


def run(what: str, site_dir: Path, out: Path, config: Path, publish_: bool = False) -> int:
    """Export `what` (pdf, offline or all) of the site built in `site_dir` into `out`, and with `publish_` list
    them on the site's pages; 1 with one line on failure."""
    site_dir, out, config = Path(site_dir).resolve(), Path(out).resolve(), Path(config).resolve()
    try:
        site = load_site(config)
        out.mkdir(parents=True, exist_ok=True)
        if what in ("pdf", "all"):
            if not (site_dir / "index.html").exists():
                raise ExportError(f"{site_dir}: no built site here (run `make build` first)")
            export_pdfs(site, site_dir, out)
        if what in ("offline", "all"):
            export_offline(site, out)
        if publish_:
            publish(site, site_dir, out)
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0
