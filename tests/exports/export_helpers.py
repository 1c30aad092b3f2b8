"""Helpers to open the exported PDFs (pypdf, poppler) and compare their text."""
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "exports"
# Arabic letters only (hamza to yeh, alef wasla, Persian letters): what "the same text" is compared on.
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")


def arabic_letters(text: str) -> str:
    """The Arabic letters of a text, in order, without diacritics, tatweel, spaces, punctuation, Latin."""
    return "".join(ARABIC_LETTER.findall(TASHKEEL.sub("", text)))


def latin_letters(text: str) -> str:
    return "".join(re.findall(r"[A-Za-z0-9]", text)).lower()


def pdffonts(path: Path) -> set[str]:
    """Embedded font names without their subset prefix (poppler's pdffonts)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if line.strip()}


def pdftotext(path: Path, first: int | None = None, last: int | None = None, body_only: bool = False) -> str:
    """Text of the PDF (or of pages first..last); body_only crops the running header and footer away."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    if body_only:  # A4 at 72 dpi: 595 x 842 points; the margins hold the header (22 mm) and footer (20 mm)
        args += ["-x", "0", "-y", "60", "-W", "595", "-H", "722"]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def actual_texts(page) -> list[tuple[float, str]]:
    """The /ActualText of each marked-content span on a pypdf page, in drawing order, with the y of its text
    (WeasyPrint's text matrix: CSS pixels from the top of the page; the span opens before the matrix is set)."""
    from pypdf.generic import ContentStream
    content = ContentStream(page.get_contents(), page.pdf)
    out, pending = [], None
    for operands, op in content.operations:
        if op == b"BDC" and len(operands) == 2 and hasattr(operands[1], "get") and "/ActualText" in operands[1]:
            pending = str(operands[1]["/ActualText"])
        elif op == b"Tm" and pending is not None:
            out.append((float(operands[5]), pending))
            pending = None
    return out


def outline(reader) -> list[tuple[int, str, int]]:
    """The bookmarks as (level, title, page index), depth first."""
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 1)
    return out


def link_targets(reader) -> list[tuple[int, object]]:
    """Every link annotation as (page index, target page index or the URI)."""
    names = reader.named_destinations
    out = []
    for n, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                dest = annot["/Dest"]
                target = names.get(str(dest)) if isinstance(dest, str) else None
                out.append((n, reader.get_destination_page_number(target) if target else None))
            elif "/A" in annot and annot["/A"].get("/URI"):
                out.append((n, str(annot["/A"]["/URI"])))
    return out
