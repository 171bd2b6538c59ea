"""Column widths for a table in a terminal too narrow for it, so that no cell loses a part.

rich narrows a table that does not fit by taking from its widest column, without regard
to that column's ``min_width``; when that is not enough, it takes from every column
alike and crops the lines at the terminal's edge. A figure at the end of a row, or the
last column, is then gone. :func:`fit_table` lays out a table wider than the terminal
itself: each column at least as wide as its longest word, what must go taken from the
widest columns first (as rich does). A terminal too narrow to keep every word whole gets
the rows one below the other instead (:func:`as_cards`); output to a file or a pipe stays
a table, a word longer than its column folded. A table that fits is left to rich.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

__all__ = ["as_cards", "fit_table"]

_UNBOUNDED = 10_000
"""A width no terminal has: the table is measured as if it had all the room it wants."""


_FOLDED = 10
"""The narrowest a text column gets, folding a longer word: narrower, it is hard to read."""


@dataclass(frozen=True)
class _Span:
    """The widths a column's content may take, padding not included."""

    least: int
    """The narrowest it gets: a column of figures (right-aligned) its widest figure or its
    heading's longest word, another that never wraps its widest cell: a figure is never
    cut. A text column its longest word, or its ``min_width`` or :data:`_FOLDED`, the
    wider, where that is longer: a longer word is folded onto the next line."""
    whole: int
    """The least it needs to keep every word whole: a text column its longest word, another
    its least."""
    wanted: int
    """The least it is given while another column can give: a text column its longest
    word and its ``min_width``, a column of figures its least."""
    most: int
    """Its widest cell: the width it takes when there is room."""
    rich_least: int
    """Its least width as rich counts it: its longest word, or its ``min_width``."""


def fit_table(console: Console, table: Table) -> int | None:
    """The width to print ``table`` at, or None to print it as cards (:func:`as_cards`):
    in a terminal, when its columns cannot fit with every figure and word whole.

    A table that fits is left to rich, and so is one that shares the room out by its
    columns' ratios (the roadmap's: its figures' columns have a ``min_width``, which rich
    keeps to then) where its least widths fit; it may fold a long word. Another is laid
    out here, each column given a ``max_width``. Output that goes to a file or another
    program (``| grep``) stays a table, a row to a line where it can: it folds a word
    longer than its column, and where even that is too wide for the width it was given,
    its lines are as long as they need. The table is changed: its text columns fold a
    word longer than the column rather than end it in '…'."""
    width = console.width
    options = console.options.update_width(_UNBOUNDED)
    spans = [_span(console, options, column) for column in table.columns]
    for column in table.columns:
        if _wraps(column):
            column.overflow = "fold"
    measured = Measurement.get(console, options, table)
    # Padding and borders: what rich's least width of the table adds to its columns'.
    extra = measured.minimum - sum(s.rich_least for s in spans)
    if measured.maximum <= width:
        return width
    least = sum(s.least for s in spans) + extra
    fits = least if table.expand else sum(s.whole for s in spans) + extra
    if console.is_terminal and fits > width:
        return None
    if table.expand and least <= width:
        return width
    room = max(width, least) - extra
    for column, fitted in zip(table.columns, _narrowed(spans, room), strict=True):
        column.max_width = fitted
        if column.justify == "right":  # its figures fit: only its heading may wrap
            column.no_wrap = False
    table.expand = False
    return room + extra


def as_cards(console: Console, table: Table) -> list[Text]:
    """The rows of ``table`` one below the other, for a terminal narrower than its
    columns need: each row's cells up to its first column of names (``1  Look up a care
    protocol``, ``A  Baliemedewerkers``) as its title, the others in lines under it as
    "heading: value", a line broken between two of them rather than inside one where
    they fit. A row with only its first cell heads a section (a family of groups), a blank
    line above it."""
    headings = [_text(console, column.header).plain.replace("\n", " ") for column in table.columns]
    grid = [[_text(console, cell) for cell in column.cells] for column in table.columns]
    rows = [[column[r] for column in grid] for r in range(len(table.rows))]
    sections = {r for r, cells in enumerate(rows) if not any(c.plain.strip() for c in cells[1:])}
    named = (  # the first column of names, after any of codes (A, R1) or ranks
        i
        for i, column in enumerate(table.columns)
        if _wraps(column)
        and max((row[i].cell_len for r, row in enumerate(rows) if r not in sections), default=0)
        > _CODE
    )
    lead = next(named, 0) + 1
    room = console.width - len(_INDENT)
    cards: list[Text] = []
    for r, cells in enumerate(rows):
        if r in sections:
            if cards and cells[0].plain.strip():
                cards.append(Text())
            cards.append(Text.assemble(cells[0], style="bold underline"))
            continue
        cards.extend(_title(console, cells[:lead]))
        pairs = [
            Text.assemble((_label(heading, cell), "dim"), cell)
            for heading, cell in zip(headings[lead:], cells[lead:], strict=True)
            if cell.plain.strip()
        ]
        for line in _filled(pairs, room):
            wrapped = Text(" · ").join(line).wrap(console, room, overflow="fold")
            cards.extend(Text(_INDENT) + part for part in wrapped)
    return cards


_CODE = 3
"""The longest cell of a column of codes (a group's letter, a region's R12), which a card's
title takes in together with the name after it."""
_INDENT = "  "
"""Before each line of a card under its title."""


def _title(console: Console, cells: list[Text]) -> list[Text]:
    """A card's title, in bold: its name (the last of ``cells``) after its rank or code,
    wrapped under the name's first letter; none for a row that goes on from the one above
    (no name of its own)."""
    *codes, name = cells
    code = Text("  ").join(cell for cell in codes if cell.plain.strip())
    hang = code.cell_len + 2 if code else 0
    if not name.plain.strip():
        return [Text.assemble(code, style="bold")] if code else []
    lines = name.wrap(console, max(console.width - hang, 1), overflow="fold")
    first = Text.assemble(code, "  ", lines[0]) if code else lines[0]
    titles = [first, *(Text(" " * hang) + line for line in lines[1:])]
    for title in titles:
        title.stylize("bold")
    return titles


def _label(heading: str, cell: Text) -> str:
    """What goes before a cell in a card: its column's heading, unless the cell is a word
    of it (a content gap's mark "gap" under "Content gap"; not a figure)."""
    said = cell.plain.strip().lower()
    if not heading or (said in heading.lower().split() and not said.isdigit()):
        return ""
    return f"{heading}: "


def _filled(pieces: list[Text], room: int) -> list[list[Text]]:
    """``pieces`` in lines of at most ``room`` columns, three apart (`` · ``), as many to
    a line as fit; a piece wider than ``room`` has a line of its own."""
    lines: list[list[Text]] = []
    used = room + 1
    for piece in pieces:
        if used + 3 + piece.cell_len > room:
            lines.append([piece])
            used = piece.cell_len
        else:
            lines[-1].append(piece)
            used += 3 + piece.cell_len
    return lines


def _wraps(column: Column) -> bool:
    """Whether ``column`` holds text that wraps: not figures (right-aligned), nor cells
    kept on one line or cut to a set width."""
    return column.justify != "right" and not column.no_wrap and column.width is None


def _text(console: Console, cell: RenderableType) -> Text:
    """A cell or heading as text, its markup (``[bold]``) applied."""
    if isinstance(cell, Text):
        return cell
    return console.render_str(cell) if isinstance(cell, str) else Text(str(cell))


def _span(console: Console, options: ConsoleOptions, column: Column) -> _Span:
    if column.width is not None:  # as wide as it says, whatever it holds
        return _Span(*(column.width,) * 5)
    cells = [Measurement.get(console, options, cell) for cell in (column.header, *column.cells)]
    longest_word = max(m.minimum for m in cells)
    most = max(max(m.maximum for m in cells), column.min_width or 0)
    rich_least = max(longest_word, column.min_width or 0)
    if column.justify == "right":  # figures, under a heading that may wrap
        figures = max([cells[0].minimum, *(m.maximum for m in cells[1:])])
        return _Span(figures, figures, figures, most, rich_least)
    if not _wraps(column):  # kept on one line
        return _Span(most, most, most, most, rich_least)
    least = min(longest_word, max(column.min_width or 0, _FOLDED))
    return _Span(least, longest_word, max(least, rich_least), most, rich_least)


def _narrowed(spans: list[_Span], room: int) -> list[int]:
    """Widths from each column's widest cell, taken one at a time from the widest column
    that may still give (the first of equals) until they fit in ``room``: first down to
    the width each column wants, then to its longest word, then to its least."""
    widths = [s.most for s in spans]
    excess = sum(widths) - room
    for floor in ([s.wanted for s in spans], [s.whole for s in spans], [s.least for s in spans]):
        while excess > 0:
            giving = [i for i in range(len(spans)) if widths[i] > floor[i]]
            if not giving:
                break
            widest = max(giving, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
    return widths
