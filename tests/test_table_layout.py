"""needmap.cli.table_layout: a table in a terminal too narrow for it keeps every figure and
every word (rich alone narrows every column alike, and cuts)."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from needmap.cli.app import light_table, print_table
from needmap.cli.table_layout import _filled, as_cards, fit_table


def _console(width: int, *, terminal: bool = True) -> Console:
    """A console as wide as ``width``: a terminal (with no colours), or a pipe."""
    return Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        soft_wrap=True,
        force_terminal=terminal,
    )


def _printed(table: Table, width: int, *, terminal: bool = True) -> list[str]:
    console = _console(width, terminal=terminal)
    print_table(console, table)
    assert isinstance(console.file, io.StringIO)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]


def _ranking(tasks: list[str] | None = None) -> Table:
    """A top-task ranking as ``needmap toptasks`` prints it: a task column that wraps,
    figures right-aligned, a mark in the last column."""
    table = light_table("Top tasks")
    table.add_column("Rank", justify="right")
    table.add_column("Task", min_width=20)
    for heading in ("Votes", "Share", "Weighted", "Cumulative", "In 75% set"):
        table.add_column(heading, justify="right")
    for rank, task in enumerate(tasks or ["Look up a care protocol", "Find a colleague"], 1):
        table.add_row(str(rank), task, "406", "13.3%", "12.4%", f"{rank * 12.4:.1f}%", "●")
    return table


def test_a_table_that_fits_is_left_to_rich() -> None:
    table = _ranking()
    assert fit_table(_console(120), table) == 120
    assert all(column.max_width is None for column in table.columns)
    assert not table.expand
    exactly = _console(120).measure(table).maximum  # just as wide as the terminal: fits
    assert fit_table(_console(exactly), table) == exactly
    assert all(column.max_width is None for column in table.columns)


def test_rich_alone_cuts_the_last_column_in_a_narrow_terminal() -> None:
    """What the layout is for: without it, the mark and part of the figures are gone."""
    table = _ranking()
    table.title = None
    console = _console(60)
    console.print(table, soft_wrap=False)
    assert isinstance(console.file, io.StringIO)
    assert "●" not in console.file.getvalue()


def test_a_narrow_terminal_keeps_every_figure_and_wraps_the_rest() -> None:
    lines = _printed(_ranking(), 66)
    assert max(map(len, lines)) <= 66
    rows = [line for line in lines if re.match(r" +\d ", line)]
    assert [row.split()[-5:] for row in rows] == [
        ["406", "13.3%", "12.4%", "12.4%", "●"],
        ["406", "13.3%", "12.4%", "24.8%", "●"],
    ]
    assert "Look up a care" in rows[0]  # the task wraps between words, not cut
    assert "In" in lines[1] and "set" in " ".join(lines[1:4])  # the heading wraps


def test_a_terminal_narrower_than_the_least_widths_gets_the_rows_as_cards() -> None:
    """Every figure is wider than 40 columns together: each row is a title (rank and task)
    over its figures, two to a line or as many as fit. Lines ran past the terminal."""
    table = _ranking()
    assert fit_table(_console(40), table) is None
    assert _printed(_ranking(), 40) == [
        "Top tasks",
        "1  Look up a care protocol",
        "  Votes: 406 · Share: 13.3%",
        "  Weighted: 12.4% · Cumulative: 12.4%",
        "  In 75% set: ●",
        "2  Find a colleague",
        "  Votes: 406 · Share: 13.3%",
        "  Weighted: 12.4% · Cumulative: 24.8%",
        "  In 75% set: ●",
    ]


def test_a_card_s_title_is_bold_and_its_labels_dim() -> None:
    """The title stands out from the figures under it; the labels recede (on needmap's
    console, which highlights no numbers)."""
    console = Console(file=io.StringIO(), width=40, highlight=False)
    title, figures, *_ = as_cards(console, _ranking())
    assert title.plain == "1  Look up a care protocol"
    assert [(span.start, span.end, span.style) for span in title.spans] == [(0, 26, "bold")]
    assert figures.plain == "  Votes: 406 · Share: 13.3%"
    assert [(span.start, span.end) for span in figures.spans if span.style == "dim"] == [
        (2, 9),
        (15, 22),
    ]


def test_the_narrowest_terminal_for_a_table_fits_its_longest_words_exactly() -> None:
    """One column less, and a word or figure would have to be cut: cards then."""
    narrowest = next(w for w in range(30, 120) if fit_table(_console(w), _ranking()))
    # Rank 4, "colleague" 9, Votes 5, Share 5, Weighted 8, Cumulative 10, "75%" 3; 6 gaps of 2
    assert narrowest == 4 + 9 + 5 + 5 + 8 + 10 + 3 + 6 * 2
    assert fit_table(_console(narrowest - 1), _ranking()) is None
    lines = _printed(_ranking(), narrowest)
    assert max(map(len, lines)) == narrowest
    assert "Look" in lines[5] and "●" in lines[5]  # a row of the table, not a card


def test_output_to_a_pipe_stays_a_table_a_row_to_a_line() -> None:
    """``needmap toptasks gem | grep Look`` finds the task's row with its figures: where
    a terminal gets cards, a pipe gets the table, its lines as long as they need."""
    table = _ranking()
    least = fit_table(_console(40, terminal=False), table)
    assert least is not None and least > 40
    lines = _printed(_ranking(), 40, terminal=False)
    assert max(map(len, lines)) == least
    rows = [line for line in lines if re.match(r" +\d ", line)]
    assert rows[0].split()[:2] + rows[0].split()[-5:] == [
        *("1", "Look"),
        *("406", "13.3%", "12.4%", "12.4%", "●"),
    ]


def test_cards_keep_sections_codes_and_marks_apart() -> None:
    """A row with its first cell only heads a section; a column of codes joins the name
    after it in the title, a long name wrapped under its first letter; a cell that says
    its heading ("gap") is not labelled twice."""
    table = light_table("")
    table.add_column("")
    table.add_column("Group")
    table.add_column("People 1", justify="right")
    table.add_column("Content gap")
    table.add_row("[bold]Employees[/bold]")
    table.add_row("A", "Front desk staff", "85", "gap")
    table.add_row("B", "Field staff", "1,240", "")
    table.add_row("D", "Drivers", "1", "")  # a figure is labelled, though a word of it
    table.add_row("", "", "2", "")  # going on from the row above: no title of its own
    table.add_row("E", "Executives and board members", "9", "")
    table.add_section()
    table.add_row("[bold]Citizens[/bold]")
    table.add_row("R12", "Residents", "4,200", "")  # a code as long as codes get
    assert _printed(table, 20) == [
        "Employees",
        "A  Front desk staff",
        "  People 1: 85 · gap",
        "B  Field staff",
        "  People 1: 1,240",
        "D  Drivers",
        "  People 1: 1",
        "  People 1: 2",
        "E  Executives and",
        "   board members",
        "  People 1: 9",
        "",
        "Citizens",
        "R12  Residents",
        "  People 1: 4,200",
    ]


def test_a_long_piece_of_a_card_wraps_under_its_indent() -> None:
    table = light_table("")
    table.add_column("Need")
    table.add_column("Votes", justify="right")
    table.add_column("Terms")
    table.add_row(
        "Verlofaanvragen indienen en bijhouden",
        "384",
        "verlof (154), verlof aanvragen (64), salarisstrook (58)",
    )
    assert _printed(table, 30) == [
        "Verlofaanvragen indienen en",  # a name with no code before it wraps at the edge
        "bijhouden",
        "  Votes: 384",
        "  Terms: verlof (154), verlof",
        "  aanvragen (64),",
        "  salarisstrook (58)",
    ]


def test_a_word_longer_than_its_column_folds_rather_than_end_in_an_ellipsis() -> None:
    """To a pipe, where the table stays a table (a terminal gets a card)."""
    table = light_table("")
    table.add_column("Need")
    table.add_column("After")
    table.add_column("Votes", justify="right")
    table.add_row("Log in once with two factors", "digid-eherkenning-koppeling", "12")
    lines = _printed(table, 30, terminal=False)
    assert "…" not in "".join(lines)
    assert lines[0].split() == ["Need", "After", "Votes"]
    text = "".join(lines)
    assert all(piece in text for piece in ("digid-eherk", "koppeling", "12"))
    assert "digid-eherkenning-koppeling" not in text  # folded
    assert max(map(len, lines)) <= 30


def test_a_table_sharing_its_room_by_ratios_is_left_to_rich_where_it_fits() -> None:
    table = light_table("")
    table.add_column("Need", ratio=3)
    table.add_column("After", ratio=1)
    table.add_column("Score", justify="right", min_width=5)
    table.add_row("Book an appointment at the counter", "Single sign-on", "2.8")
    table.expand = True
    assert fit_table(_console(40), table) == 40
    assert table.expand and all(column.max_width is None for column in table.columns)


def test_a_column_of_set_width_keeps_it_and_a_figure_heading_wraps() -> None:
    """A preview column cut to its width on purpose stays so; the heading over figures
    that never wrap may, so that the name keeps its word whole."""
    table = light_table("")
    table.add_column("group")
    table.add_column("only theirs", justify="right", no_wrap=True)
    table.add_column("examples", width=12, no_wrap=True, overflow="ellipsis")
    table.add_row("Bureaumedewerkers", "1", "Organisatienieuws en mededelingen")
    lines = _printed(table, 40)
    assert lines[0].split() == ["only"] and lines[1].split() == ["group", "theirs", "examples"]
    assert lines[3].split() == ["Bureaumedewerkers", "1", "Organisatie…"]
    assert max(map(len, lines)) <= 40


_words = st.text(st.sampled_from("abcdefghij"), min_size=1, max_size=24)
_figures = st.integers(0, 10**9).map(str)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[Table, list[str], list[str]]:
    """A table of text columns (a few words a cell) and figure columns, and its words
    and figures."""
    kinds = draw(st.lists(st.booleans(), min_size=1, max_size=7))
    rows = draw(st.integers(1, 4))
    table = light_table("")
    words: list[str] = []
    figures: list[str] = []
    cells: list[list[str]] = [[] for _ in range(rows)]
    for text in kinds:
        heading = draw(_words)
        words.append(heading)
        minimum = draw(st.none() | st.integers(1, 20))
        table.add_column(heading, justify="left" if text else "right", min_width=minimum)
        for row in cells:
            if text:
                cell = draw(st.lists(_words, min_size=1, max_size=4))
                words.extend(cell)
                row.append(" ".join(cell))
            else:
                row.append(draw(_figures))
                figures.append(row[-1])
    for row in cells:
        table.add_row(*row)
    return table, words, figures


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tables(), st.integers(20, 120), st.booleans())
def test_nothing_printed_is_cut(
    drawn: tuple[Table, list[str], list[str]], width: int, terminal: bool
) -> None:
    """Every letter of every cell is printed, no '…', every figure whole on one line. In
    a terminal no line is longer than it: a table, or cards where the words do not fit
    whole; to a pipe, a table whose lines are longer only where its least widths are."""
    table, words, figures = drawn
    fitted = fit_table(_console(width, terminal=terminal), _copy(table))
    lines = _printed(table, width, terminal=terminal)
    printed = "".join(lines)
    assert "…" not in printed
    letters = Counter(re.sub(r"[\s─·:]", "", printed))
    if fitted is not None:
        assert letters == Counter("".join(words + figures))
    else:  # the headings of the title's columns are left out
        cells = "".join(str(cell) for column in table.columns for cell in column.cells)
        assert not Counter(re.sub(r"\s", "", cells)) - letters
    tokens = {token for line in lines for token in line.split()}
    assert set(figures) <= tokens
    assert max(map(len, lines)) <= (width if terminal else max(width, fitted or 0))
    assert terminal or fitted is not None


def _copy(table: Table) -> Table:
    """The same table, for a second layout (fit_table changes the table it lays out)."""
    copy = light_table("")
    for column in table.columns:
        copy.add_column(column.header, justify=column.justify, min_width=column.min_width)
    for row in zip(*(list(column.cells) for column in table.columns), strict=True):
        copy.add_row(*row)
    return copy


@pytest.mark.parametrize(
    ("widths", "lines"),
    [
        # 4 + 3 + 6 + 3 + 4 = 20 fills the first line; 4 + 3 + 14 = 21 does not fit.
        ([4, 6, 4, 4, 14, 20, 1], [[4, 6, 4], [4], [14], [20], [1]]),
        # 4 + 3 + 6 + 3 + 4 = 20, so 3 more goes below, and 3 + 3 + 4 = 10 beside it.
        ([4, 6, 4, 3, 4], [[4, 6, 4], [3, 4]]),
        ([25, 1], [[25], [1]]),  # wider than the room: a line of its own
    ],
)
def test_card_lines_hold_as_many_pieces_as_fit_three_apart(
    widths: list[int], lines: list[list[int]]
) -> None:
    pieces = [Text("x" * width) for width in widths]
    assert [[piece.cell_len for piece in line] for line in _filled(pieces, 20)] == lines
