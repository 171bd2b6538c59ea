"""Table cells that are numbers: shown as text in the study's language, written to a workbook
as the numbers they stand for.

A table's rows are text, so that the terminal, Markdown, CSV and the HTML pages all show the
same ``5,5%`` or ``1.234``. In a workbook that text would be "a number stored as text": it
sorts as text (``14`` before ``9``), does not sum and cannot be charted. A
:class:`SheetNumber` is that same text carrying its number and an Excel number format, so
the workbook writer can store the number and Excel shows it in the reader's own notation.
"""

from __future__ import annotations

from needmap.reports.i18n import Language, format_count, format_decimal, format_percent

__all__ = [
    "SheetNumber",
    "count_cell",
    "decimal_cell",
    "percent_cell",
    "points_cell",
    "shown_change",
    "unbroken",
    "whole_cell",
]


class SheetNumber(str):
    """The text of a cell as shown, with the number it stands for (``value``) and how a
    workbook formats it (``excel_format``). Everything but a workbook uses the text: it is
    a ``str``, equal to the plain text."""

    value: float
    excel_format: str

    def __new__(cls, text: str, value: float, excel_format: str) -> SheetNumber:
        cell = super().__new__(cls, text)
        cell.value = value
        cell.excel_format = excel_format
        return cell


def whole_cell(number: int) -> SheetNumber:
    """A rank or a small count as plain digits: ``12``."""
    return SheetNumber(str(number), number, "0")


def count_cell(number: int, language: Language) -> SheetNumber:
    """A count with the language's thousands separator (:func:`format_count`)."""
    return SheetNumber(format_count(number, language), number, "#,##0")


def decimal_cell(
    number: float, language: Language, prefix: str = "", *, places: int = 1
) -> SheetNumber:
    """A number with ``places`` decimals (:func:`format_decimal`), after ``prefix`` (such as
    the times sign of the roadmap's evidence factor), which the workbook's format shows too."""
    digits = "0." + "0" * places
    excel_format = f'"{prefix}"{digits}' if prefix else digits
    return SheetNumber(prefix + format_decimal(number, language, places), number, excel_format)


def percent_cell(share: float, language: Language) -> SheetNumber:
    """A share (0.123) as a percentage with one decimal (:func:`format_percent`)."""
    return SheetNumber(format_percent(share, language), share, "0.0%")


def shown_change(now: float | None, before: float | None) -> float | None:
    """The change from the share ``before`` to ``now`` as the two read, each rounded to a
    tenth of a percent (:func:`percent_cell`): 12.3% after 10.1% is 2.2 points up. From
    the exact shares (12.34% less 10.06%) it would read 2.3, which a reader who subtracts
    the two cells cannot find. None where either is None (a task one run did not ask)."""
    if now is None or before is None:
        return None
    return (round(now * 100, 1) - round(before * 100, 1)) / 100


def points_cell(change: float, language: Language) -> SheetNumber:
    """A change of share (0.031) in percentage points, after an arrow: ``▲ 3.1``, ``▼ 2.0``,
    ``0.0``. No plus or minus sign, which a spreadsheet would take for a formula (and CSV
    would therefore mark as text); a workbook stores the signed number."""
    points = round(change * 100, 1)
    arrow = "▲ " if points > 0 else "▼ " if points < 0 else ""
    text = arrow + format_decimal(abs(points), language)
    return SheetNumber(text, points, '"▲ "0.0;"▼ "0.0;0.0')


def unbroken(cell: SheetNumber) -> str:
    """A cell's text for a sentence, its spaces no-break ones: a line that wraps inside
    ``▲ 3.1`` leaves the arrow at the end of one line and the number it marks at the start
    of the next."""
    return cell.replace(" ", "\u00a0")
