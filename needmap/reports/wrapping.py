"""Where a name may break across lines (never right after a short word), and how wide a
word prints.

Group names such as "Beleidsadviseurs en projectmanagers" wrapped at any space left "en"
at a line's end, or alone on a line, in narrow chart columns and table headings. Charts
wrap between :data:`BOUND` groups; HTML headings get no-break spaces
(:func:`keep_short_words`), so the browser wraps them the same way. A printed table is as
wide as its widest unbreakable words, which :class:`PrintedWidth` measures, so that a
table too wide for the page is printed in parts, and a row of upright headings is made
tall enough for its longest word (:func:`upright_height`).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable

__all__ = [
    "BOUND",
    "UPRIGHT_EM",
    "PrintedWidth",
    "keep_short_words",
    "shortened",
    "upright_height",
]

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


UPRIGHT_EM = 13.0
"""How tall a row of upright (turned) group headings is at least, in em: room for a name
of two or three lines."""

_UPRIGHT_ROOM_EM = 1.5
"""Added to the longest word: the heading's padding (8px at each end) and a little air."""


def upright_height(headings: Iterable[str], *, bold: bool = True) -> str:
    """The CSS height of a row of upright ``headings`` (in ``bold`` or not):
    :data:`UPRIGHT_EM`, or taller where one of their words (words joined by no-break
    spaces count as one) is longer.

    A browser breaks a turned heading between words only, so a word longer than the row is
    tall ("Klantcontactcentrummedewerkers") ran out of the top of its cell, over the text
    above the table. The words are measured in DejaVu Sans, wider than the fonts a screen
    shows them in, so the row is never too short."""
    measure = PrintedWidth()
    longest = max(
        (measure(word, 1.0, bold=bold) for text in headings for word in text.split(" ")),
        default=0.0,
    )
    return f"{max(UPRIGHT_EM, math.ceil((longest + _UPRIGHT_ROOM_EM) * 10) / 10):g}em"


def shortened(text: str, width: int) -> str:
    """``text`` in ``width`` characters at most, cut between words and ending in "…", as a
    chart's label: where its first word alone is longer, that word is cut (``textwrap``'s
    ``shorten`` gave "…" alone, and the label was lost)."""
    short = textwrap.shorten(text, width, placeholder="…")
    if short != "…":
        return short
    return " ".join(text.split())[: width - 1] + "…"
