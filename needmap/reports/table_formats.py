"""Render the needs table as Markdown, an HTML page (or fragment), PDF, CSV or XLSX.

CSV is written as Excel writes it for the study's language (:data:`CSV_DELIMITERS`): Dutch
Excel splits a file on semicolons (its list separator, since the comma is its decimal sign),
English Excel on commas, so each opens the file straight into columns.

Spreadsheet safety: a CSV cell that starts with ``= + - @``, a tab or a line break is prefixed
with an apostrophe, so a spreadsheet never runs it as a formula; in XLSX every text cell is
written with the string type, so the same holds without changing the text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from needmap.controls import without_controls
from needmap.errors import UsageError
from needmap.fileio import write_bytes_atomic
from needmap.reports.i18n import Language
from needmap.reports.jinja import environment, render_report
from needmap.reports.needs_table import NeedsTable
from needmap.reports.pdf import html_to_pdf

__all__ = [
    "CSV_DELIMITERS",
    "TABLE_FORMATS",
    "column_pixels",
    "csv_bytes",
    "csv_text",
    "finish_sheet",
    "json_bytes",
    "json_share",
    "markdown_cell",
    "markdown_line",
    "neutralise_cell",
    "note_columns",
    "pages_wide",
    "put_text",
    "table_to_csv",
    "table_to_html",
    "table_to_markdown",
    "table_to_page",
    "table_to_xlsx",
    "write_in_format",
    "write_table",
]

T = TypeVar("T")
CSV_DELIMITERS: Mapping[Language, str] = MappingProxyType({"nl": ";", "en": ","})
"""The delimiter Excel uses for CSV in each language's locale."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_cell(text: str) -> str:
    """Text a spreadsheet shows as text, never evaluates (OWASP CSV injection advice)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def put_text(cell: Any, text: str) -> None:
    """Write ``text`` into a workbook's cell as text, never a formula, and without the
    control characters a workbook cannot hold (openpyxl refuses to save one)."""
    cell.value = without_controls(text)
    cell.data_type = "s"


def _header(table: NeedsTable) -> list[str]:
    kind, need, region, placement = table.headers
    return [kind, need, *table.columns, region, placement]


def _records(table: NeedsTable) -> list[list[str]]:
    headings = dict(table.kinds)
    return [
        [headings[row.kind], row.title, *row.cells, row.region_label, row.placement]
        for row in table.rows
    ]


_MARKUP = re.compile(
    r"[\\|*`~]|<(?=[A-Za-z/!?])|\[(?=[^\]]*\][(\[:])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])"
    r"|&(?=#?[0-9A-Za-z]+;)"
)
"""What Markdown would read as markup: a backslash, a table's pipe, emphasis (``*``, and
``_`` at the edge of a word: ``hr_portal`` is plain), strikethrough (``~~x~~``, which
GitHub and pandoc read), code, the ``[`` of a link (``[text](…)``; a scrubbed ``[naam]``
is plain), a ``<`` that would open HTML, which many renderers pass through (``n<5`` and
``< 30%`` do not), and the ``&`` of an entity (``&copy;`` shows as written, not ©)."""


_BLOCK_MARK = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-(?=[-\s]*$)|=+(?=\s*$))")
_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")
"""What at the start of a line makes it a heading, a quote or a list item (``# x``, ``> x``,
``- x``, ``1. x``), a rule or the line under a heading (``---``, ``===``, which make the
line above a heading; ``-- -``, dashes with spaces between, is a rule too): a title or an
organisation's name written so starts a paragraph, a list item's text or a heading as
plain text."""


def markdown_cell(text: str) -> str:
    """Text for a Markdown table cell, heading or list item, shown as written: no pipe or
    line break breaks the table, and nothing in it becomes markup. A search term a visitor
    typed may be ``<img onerror=…>`` or ``[Log in](https://…)``, and many renderers
    (MkDocs, pandoc) keep raw HTML; a topic term ``*rooster*`` must keep its asterisks."""
    return _MARKUP.sub(r"\\\g<0>", text.replace("\n", " "))


def markdown_line(text: str) -> str:
    """Text that starts a line of Markdown, a list item's or a quote's (a paragraph, ``- x``,
    ``> x``), shown as written: :func:`markdown_cell`, and a heading's, quote's or list's
    mark at its start made plain (``# x``, ``> x``, ``- x``, ``1. x``), which in a cell or
    after other text is plain already."""
    flat = markdown_cell(text)
    return _ORDERED.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\1\\\2", flat, count=1), count=1)


def table_to_markdown(table: NeedsTable, level: int = 2) -> str:
    """A GitHub-flavoured Markdown table per kind of need, under the table's title as a
    heading of ``level`` (2: a section of the overview; 1: a file of its own)."""
    cell = markdown_cell
    _, need, region, placement = table.headers
    header = [need, *table.columns, region, placement]
    lines = [f"{'#' * level} {cell(table.title)}", ""]
    for kind, heading in table.kinds:
        lines += [f"{'#' * (level + 1)} {cell(heading)}", ""]
        lines.append("| " + " | ".join(cell(h) for h in header) + " |")
        lines.append(
            "|" + "|".join([" --- "] + [" :-: "] * len(table.columns) + [" --- "] * 2) + "|"
        )
        for row in table.rows_of(kind):
            values = [row.title, *row.cells, row.region_label, row.placement]
            lines.append("| " + " | ".join(cell(v) for v in values) + " |")
        lines.append("")
    lines.append(f"_{cell(table.legend)}_")
    return "\n".join(lines) + "\n"


def table_to_html(table: NeedsTable) -> str:
    """An HTML fragment (one ``<table>`` and its legend) for embedding in a page."""
    return environment().get_template("needs_table.html.j2").render(table=table)


def table_to_page(table: NeedsTable) -> str:
    """A whole offline HTML page of the table, styled like the other reports."""
    return render_report(
        "needs_page.html.j2", table=table, title=table.title, language=table.language
    )


def csv_text(rows: Iterable[Sequence[str]], language: Language) -> str:
    """Rows as CSV (CRLF and the delimiter of ``language``'s Excel), every cell
    neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITERS[language], lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return buffer.getvalue()


def csv_bytes(text: str) -> bytes:
    """UTF-8 with a BOM, so Excel opens the file with the right encoding."""
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def write_in_format(
    renderers: Mapping[str, Callable[[T], bytes]],
    value: T,
    path: Path,
    what: str,
    hint: str = "",
) -> None:
    """Render ``value`` as ``path``'s suffix asks and write it atomically; for another
    suffix, the hint names the suffixes ``renderers`` has, unless ``hint`` is given."""
    render = renderers.get(path.suffix.lower())
    if render is None:
        raise UsageError.single(
            f"cannot write {what} as '{path.suffix or path.name}'",
            path=path,
            hint=hint or "use a name ending in " + _one_of(list(renderers)),
        )
    write_bytes_atomic(path, render(value))


def json_bytes(data: Any) -> bytes:
    """The JSON a report file holds: indented, accented letters as written, UTF-8, ending
    in a line break."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def json_share(value: float | None) -> float | None:
    """A share (or a weight) as the JSON outputs give it: four decimals, enough for a
    tenth of a percent and no float noise (0.30000000000000004); None stays None."""
    return None if value is None else round(value, 4)


def _one_of(suffixes: list[str]) -> str:
    """'.html, .md or .json'."""
    return ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]


def table_to_csv(table: NeedsTable) -> str:
    """CSV with a header row; UTF-8 with BOM is added when written, for Excel."""
    return csv_text([_header(table), *_records(table)], table.language)


def table_to_xlsx(table: NeedsTable) -> bytes:
    """An Excel workbook: frozen header, filters, fitted column widths, text as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31]
    header = _header(table)
    fills = {
        "must": PatternFill("solid", fgColor="1F5F8B"),
        "should": PatternFill("solid", fgColor="8DB9D8"),
        "could": PatternFill("solid", fgColor="E3EEF6"),
    }
    rows = [header, *_records(table)]
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            put_text(sheet.cell(row=r, column=c), value)
    first_unit = 3
    for r, row in enumerate(table.rows, start=2):
        for i, level in enumerate(row.levels):
            cell = sheet.cell(row=r, column=first_unit + i)
            cell.alignment = Alignment(horizontal="center")
            if level:
                cell.fill = fills[level]
                if level == "must":
                    cell.font = Font(color="FFFFFF", bold=True)
    for c in range(1, len(header) + 1):
        width = max(len(str(rows[r][c - 1])) for r in range(len(rows)))
        if first_unit <= c < first_unit + len(table.columns):
            # narrow, as the heading wraps between its words; never within one
            width = max(min(width, 16), *map(len, str(header[c - 1]).split()))
        sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    marks = range(first_unit - 1, first_unit - 1 + len(table.columns))
    finish_sheet(sheet, len(header), len(rows), dict.fromkeys(marks, "center"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_HEADING_LINE = 15
"""Points per line of a heading: Excel's default row height."""


def _heading_lines(text: str, width: float) -> int:
    """The lines ``text`` takes wrapped between its words in a column ``width``
    characters wide: Excel sizes the heading row to its text only when it is edited, and a
    heading cut off at the top hides the words that say what the column holds. Bold text
    is wider than the digits a column's width counts, so a line holds two characters less."""
    room = max(width - 2, 1)
    count = 0
    for line in text.split("\n"):
        count, used = count + 1, 0
        for word in line.split():
            if used and used + 1 + len(word) > room:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
    return count


_PAGE_PIXELS = 978
"""The width a landscape A4 page prints, at Excel's 96 pixels an inch: 11.69 inches less
the 0.75-inch margins left and right."""
_SMALLEST_PRINT = 0.65
"""The smallest a sheet is printed to fit the page width: its 11-point text at 7 points,
the size of the PDF's small print. A wider sheet prints across more pages."""
_TITLE_COLUMNS = 2
"""The columns that name a row (the need's code and title, the persona's name and role):
frozen on the screen, and printed at the left of each page of a sheet printed across
pages."""


def column_pixels(width: float | None) -> int:
    """The width of a column ``width`` characters wide (Excel's default when None) on the
    screen and on paper at full size, in pixels: Excel counts a column's width in the
    digits of its default font (7 pixels in 11-point Calibri), and adds 5 pixels of
    margin."""
    return round((width or 8.43) * 7) + 5


def pages_wide(widths: Sequence[int]) -> int:
    """The pages a sheet with columns ``widths`` (in pixels) prints across, landscape
    A4, at no less than :data:`_SMALLEST_PRINT` of its size: one where it fits so,
    otherwise as many as its columns after the first two take, those two printed at the
    left of each page (and the others given a quarter of a page at least, should those
    two take more; at most 60 characters wide each, they never do). Fitted on one page
    wide, a roadmap of 13 columns printed at 44% of its size, the personas (12 columns of
    text) at 26%: unreadable."""
    room = _PAGE_PIXELS / _SMALLEST_PRINT
    if sum(widths) <= room:
        return 1
    titles = sum(widths[:_TITLE_COLUMNS])
    return max(math.ceil(sum(widths[_TITLE_COLUMNS:]) / max(room - titles, room / 4)), 1)


def note_columns(widths: Sequence[int]) -> int:
    """The columns, from the first, that a note below a table is merged across (their
    widths in pixels): all of them where the sheet prints one page wide; where it prints
    across pages, the two printed at the left of each, so that the note prints whole on
    every page (merged across a page's edge, it was cut off there, and its start printed
    again at the left of the next page)."""
    return len(widths) if pages_wide(widths) == 1 else _TITLE_COLUMNS


def finish_sheet(
    sheet: Any,
    columns: int,
    rows: int,
    aligned: Mapping[int, str] | None = None,
    indented: Collection[int] = (),
) -> None:
    """What every needmap sheet has: the heading row in bold, as tall as its longest
    heading (three lines at least), frozen with the first two columns, and filters;
    printed landscape on A4, as wide as one page or as :func:`pages_wide` says, the
    heading row on every page and the sheet's name and page number in the footer, so that
    a table printed from Excel reads like the PDF. A heading stands as its column's
    values do (``aligned``: the column, counted from 0, and "right" for numbers or
    "center" for marks; ``indented``: the columns of text set off from a number beside
    them), as on the page. Call it after the columns have their widths."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    dimensions = sheet.column_dimensions
    widths: list[float | None] = [
        dimensions[letter].width if letter in dimensions else None
        for letter in map(get_column_letter, range(1, columns + 1))
    ]
    lines = 3
    for c, width in enumerate(widths, start=1):
        heading = sheet.cell(row=1, column=c)
        heading.font = Font(bold=True)
        heading.alignment = Alignment(
            horizontal=(aligned or {}).get(c - 1),
            wrap_text=True,
            vertical="bottom",
            indent=1 if c - 1 in indented else 0,
        )
        lines = max(lines, _heading_lines(str(heading.value or ""), width or 8))
    sheet.row_dimensions[1].height = lines * _HEADING_LINE
    sheet.freeze_panes = f"{get_column_letter(_TITLE_COLUMNS + 1)}2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    pages = pages_wide([column_pixels(width) for width in widths])
    if pages > 1:
        # each page of a row's columns starts with the two that name the row, as on the
        # screen, and a row's pages follow one another
        sheet.print_title_cols = f"A:{get_column_letter(_TITLE_COLUMNS)}"
        sheet.page_setup.pageOrder = "overThenDown"
    sheet.page_setup.fitToWidth = pages
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "&P / &N"


TABLE_FORMATS: dict[str, Callable[[NeedsTable], bytes]] = {
    ".md": lambda t: table_to_markdown(t, level=1).encode("utf-8"),
    ".html": lambda t: table_to_page(t).encode("utf-8"),
    ".pdf": lambda t: html_to_pdf(table_to_page(t)),
    ".csv": lambda t: csv_bytes(table_to_csv(t)),
    ".xlsx": table_to_xlsx,
}


def write_table(table: NeedsTable, path: Path) -> None:
    """Write ``table`` in the format its file name asks for, atomically."""
    write_in_format(TABLE_FORMATS, table, path, "a table")
