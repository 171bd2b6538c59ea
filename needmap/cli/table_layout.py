"""Column widths for a table in a terminal too narrow for it, so that no cell loses a part.

rich narrows a table that does not fit by taking from its widest column, without regard
to that column's ``min_width``; when that is not enough, it takes from every column
alike and crops the lines at the terminal's edge. A figure at the end of a row, or the
last column, is then gone. :func:`fit_table` lays out a table wider than the terminal
itself: each column at least as wide as its longest word, what must go taken from the
widest columns first (as rich does), and a terminal narrower than that gets lines that
wide. A table that fits is left to rich.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.table import Column, Table

__all__ = ["fit_table"]

_UNBOUNDED = 10_000
"""A width no terminal has: the table is measured as if it had all the room it wants."""


_FOLDED = 10
"""The narrowest a text column gets, folding a longer word: narrower, it is hard to read."""


@dataclass(frozen=True)
class _Span:
    """The widths a column's content may take, padding not included."""

    least: int
    """A column of figures (right-aligned) its widest figure or its heading's longest
    word, another that never wraps its widest cell: a figure is never cut. A text column
    its longest word, or its ``min_width`` or :data:`_FOLDED`, the wider, where that is
    longer: a longer word is folded onto the next line."""
    wanted: int
    """The least it is given while another column can give: a text column its longest
    word and its ``min_width``, a column of figures its least."""
    most: int
    """Its widest cell: the width it takes when there is room."""
    rich_least: int
    """Its least width as rich counts it: its longest word, or its ``min_width``."""
    text: bool
    """Whether it wraps words (not right-aligned, nor ``no_wrap``, nor of a set width)."""


def fit_table(console: Console, table: Table) -> int:
    """The width to print ``table`` at: the terminal's, or more where even the columns'
    least widths do not fit. The table is changed: its text columns fold a word longer
    than the column rather than end it in '…'; one wider than the terminal is laid out
    here, each column given a ``max_width``, unless it shares the room out by its
    columns' ratios and its least widths fit (the roadmap's: its figures' columns have a
    ``min_width``, which rich keeps to then)."""
    width = console.width
    options = console.options.update_width(_UNBOUNDED)
    spans = [_span(console, options, column) for column in table.columns]
    for column, span in zip(table.columns, spans, strict=True):
        if span.text:
            column.overflow = "fold"
    whole = Measurement.get(console, options, table)
    # Padding and borders: what rich's least width of the table adds to its columns'.
    extra = whole.minimum - sum(s.rich_least for s in spans)
    least = sum(s.least for s in spans) + extra
    if whole.maximum <= width or (table.expand and least <= width):
        return width
    room = max(width, least) - extra
    for column, fitted in zip(table.columns, _narrowed(spans, room), strict=True):
        column.max_width = fitted
        if column.justify == "right":  # its figures fit: only its heading may wrap
            column.no_wrap = False
    table.expand = False
    return room + extra


def _span(console: Console, options: ConsoleOptions, column: Column) -> _Span:
    if column.width is not None:  # as wide as it says, whatever it holds
        return _Span(column.width, column.width, column.width, column.width, text=False)
    cells = [Measurement.get(console, options, cell) for cell in (column.header, *column.cells)]
    longest_word = max(m.minimum for m in cells)
    most = max(max(m.maximum for m in cells), column.min_width or 0)
    rich_least = max(longest_word, column.min_width or 0)
    if column.justify == "right":  # figures, under a heading that may wrap
        figures = max([cells[0].minimum, *(m.maximum for m in cells[1:])])
        return _Span(figures, figures, most, rich_least, text=False)
    if column.no_wrap:
        return _Span(most, most, most, rich_least, text=False)
    least = min(longest_word, max(column.min_width or 0, _FOLDED))
    return _Span(least, max(least, rich_least), most, rich_least, text=True)


def _narrowed(spans: list[_Span], room: int) -> list[int]:
    """Widths from each column's widest cell, taken one at a time from the widest column
    that may still give (the first of equals) until they fit in ``room``: first down to
    the width each column wants, then down to its least."""
    widths = [s.most for s in spans]
    excess = sum(widths) - room
    for floor in ([s.wanted for s in spans], [s.least for s in spans]):
        while excess > 0:
            giving = [i for i in range(len(spans)) if widths[i] > floor[i]]
            if not giving:
                break
            widest = max(giving, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    return widths
