"""Writing a print document as a PDF with WeasyPrint (Arabic runs with /ActualText)."""
from __future__ import annotations

from pathlib import Path

from kb.export import weasyprint_actualtext


def write_pdf(html: str, out: Path, base: Path) -> None:
    from weasyprint import HTML
    weasyprint_actualtext.install()
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=base.as_uri() + "/").write_pdf(out)
