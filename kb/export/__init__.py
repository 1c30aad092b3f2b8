"""Exports: the knowledge base and each workshop kit as PDFs (WeasyPrint on the built pages, with a print
stylesheet of our own), an offline copy of the site per language as a zip, and the manifest of downloads.
Run them with `python -m kb pdf [pdf|offline|all] [--site DIR] [--out DIR] [--publish]`.

Modules: site (languages, nav, kits), document (built pages into one print document), css, pdf and its one
WeasyPrint patch (weasyprint_actualtext), offline (the offline build and zips), run (the run and its manifest).
"""
from kb.export.css import FONT_FILES, PRINT_CSS, page_css
from kb.export.document import (
    DROP,
    BuiltPage,
    Document,
    handout_part,
    kit_html,
    knowledge_base_html,
    read_page,
    text_of,
)
from kb.export.offline import build_offline, launcher, zip_offline
from kb.export.pdf import write_pdf
from kb.export.run import (
    export_offline,
    export_pdfs,
    kit_slug,
    pdf_files,
    publish,
    read_manifest,
    run,
    write_manifest,
)
from kb.export.site import (
    NOT_PRINTED,
    ROOT,
    ExportError,
    Language,
    NavEntry,
    Site,
    built_path,
    edition_date,
    flatten_nav,
    format_date,
    front_matter,
    load_site,
    ui_strings,
    workshop_kits,
)

__all__ = ["DROP", "FONT_FILES", "NOT_PRINTED", "PRINT_CSS", "ROOT", "BuiltPage", "Document", "ExportError",
           "Language", "NavEntry", "Site", "build_offline", "built_path", "edition_date", "export_offline",
           "export_pdfs", "flatten_nav", "format_date", "front_matter", "handout_part", "kit_html", "kit_slug",
           "knowledge_base_html", "launcher", "load_site", "page_css", "pdf_files", "publish", "read_manifest",
           "read_page", "run", "text_of", "ui_strings", "workshop_kits", "write_manifest", "write_pdf", "zip_offline"]
