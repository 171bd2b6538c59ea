"""The sizes of a printed ranking table (PDF) in one place: the style sheet sets them, and
:func:`~needmap.reports.toptasks_table.print_parts` measures a table by them, to split one
too wide for the page."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRINTED", "PrintedTable"]


@dataclass(frozen=True)
class PrintedTable:
    """CSS pixels (96 to the inch) unless said otherwise."""

    page: float = 1017.0
    """Across an A4 landscape page inside its 14 mm margins (269 mm; ``@page``)."""
    text: float = 9.5
    """The text, its headings bold."""
    group: float = 8.5
    """A group's heading (``th.group``)."""
    padding: float = 5.0
    """A cell's padding, left and right each."""
    group_padding: float = 3.0
    """A group heading's padding, left and right each."""
    task_em: float = 14.0
    """The least width of the second column (the task's), in ems of the text."""


PRINTED = PrintedTable()
