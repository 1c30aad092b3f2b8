"""Translation integrity: which version of its counterpart each translated page follows, and how they differ.

A translated page records, in its front matter, the language it was translated from and a hash of that
source page's normalised text: `translation: {source: en, source_hash: "..."}`. From that record a pair is
complete, outdated (the source changed since), unrecorded (no record yet) or missing (one side absent);
structural checks (headings, links and anchors, numbers and dates, images) compare the two sides.
Modules: record, pages, structure, compare, pairs, history, reader (notice, status page), command.
"""
from kb.translations.compare import Difference, changes, compare
from kb.translations.history import recorded_version
from kb.translations.pages import Doc, TranslationError, from_page, load, parse, show
from kb.translations.pairs import FAILING, STATUSES, Pair, counts, mark_current, scan
from kb.translations.reader import STATUS_PAGE, insert_notice, notice_html, status_markdown, ui
from kb.translations.record import KEY, normalised_text, record_line, set_record, text_hash
from kb.translations.structure import Section, normalise_number, sections

__all__ = ["FAILING", "KEY", "STATUSES", "STATUS_PAGE", "Difference", "Doc", "Pair", "Section", "TranslationError",
           "changes", "compare", "counts", "from_page", "insert_notice", "load", "mark_current", "normalise_number",
           "normalised_text", "notice_html", "parse", "recorded_version", "record_line", "scan", "sections",
           "set_record", "show", "status_markdown", "text_hash", "ui"]
