"""Where a name may break across lines (never right after a short word), and how wide a
word prints.

Group names such as "Beleidsadviseurs en projectmanagers" wrapped at any space left "en"
at a line's end, or alone on a line, in narrow chart columns and table headings. Charts
wrap between :data:`BOUND` groups; HTML headings get no-break spaces
(:func:`keep_short_words`), so the browser wraps them the same way. A printed table is as
wide as its widest unbreakable words, which :class:`PrintedWidth` measures, so that a
table too wide for the page is printed in parts.
"""

from __future__ import annotations

import re

__all__ = ["BOUND", "PrintedWidth", "keep_short_words"]

BOUND = re.compile(r"(?:\S{1,3}\s+)*\S+")
"""A word with the short words before it ("en projectmanagers", "van de gemeente"): a
name is wrapped between these, so that no line ends in "en" or "of", or holds it alone."""

_SPACES = re.compile(r"\s+")


def keep_short_words(text: str) -> str:
    """``text`` with each short word (up to three characters) joined to the word after it
    by a no-break space, and other runs of spaces made one."""
    return " ".join(_SPACES.sub("\u00a0", words) for words in BOUND.findall(text))


class PrintedWidth:
    """How wide a text prints, in CSS pixels, measured in DejaVu Sans: the font a PDF falls
    back to on Linux, and wider than Arial, Liberation Sans or Helvetica, so a table that
    fits by this measure fits in those too. matplotlib ships the font, so the measure is
    the same on every machine."""

    _SIZE = 100.0
    """Points the font is set at for measuring (then scaled): unhinted, as a PDF is."""

    def __init__(self) -> None:
        from matplotlib.font_manager import FontProperties, findfont
        from matplotlib.ft2font import FT2Font

        self._fonts = {
            bold: FT2Font(findfont(FontProperties(family="DejaVu Sans", weight=weight)))
            for bold, weight in ((False, "normal"), (True, "bold"))
        }
        for font in self._fonts.values():
            font.set_size(self._SIZE, 72)

    def __call__(self, text: str, size: float, *, bold: bool = False) -> float:
        """The width of ``text`` on one line at ``size`` CSS pixels."""
        font = self._fonts[bold]
        font.set_text(text)
        return font.get_width_height()[0] / 64 * size / self._SIZE
