"""The one patch of WeasyPrint's internals (pinned in requirements.in): Arabic text runs drawn inside a
marked-content span carrying their text as /ActualText. It fails loudly if the patched function moves."""
from __future__ import annotations

from kb import arabic


def _with_actual_text(draw_first_line):
    """Wrap WeasyPrint's drawing of a text run so Arabic runs carry their text as /ActualText.

    Noto Naskh Arabic draws many letters as a shared dotless skeleton plus dot marks (its ccmp feature), so
    the one-text-per-glyph ToUnicode map cannot say which letter a glyph was: copied or searched text came
    out as the wrong letters. A marked-content span with /ActualText gives readers (poppler, Acrobat) the
    run's logical text."""
    import pydyf

    def draw(stream, textbox, *args, **kwargs):
        if not arabic.has_script(textbox.text):
            return draw_first_line(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(textbox.text)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()
    draw.wrapped = True
    return draw


def install() -> None:
    """Wrap weasyprint.draw.text.draw_first_line once per process."""
    from weasyprint.draw import text as weasy_text
    if not callable(getattr(weasy_text, "draw_first_line", None)):
        raise RuntimeError("weasyprint.draw.text.draw_first_line is gone: kb/export/weasyprint_actualtext.py "
                           "patches it for Arabic /ActualText; update the patch for this WeasyPrint")
    if not getattr(weasy_text.draw_first_line, "wrapped", False):
        weasy_text.draw_first_line = _with_actual_text(weasy_text.draw_first_line)
