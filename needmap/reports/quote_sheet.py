"""An Excel sheet to note interview quotes in, one row per quote, for ``import-interviews``.

Some consultants type into a spreadsheet during interviews rather than into YAML. The sheet
``needmap guide --sheet`` writes has the headings :mod:`needmap.surveys.interview_sheet`
reads (in the study's language), a row for each guided group's interview with its id,
group and date filled in, the groups to pick from in a list, and the needs beside with
their ids and what each group said of them, so the needs column can be filled in without
looking anything up.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from needmap.errors import TargetExistsError, UsageError
from needmap.fileio import write_bytes_atomic
from needmap.reports.guide_report import GroupGuide
from needmap.reports.i18n import labels
from needmap.reports.table_formats import finish_sheet
from needmap.surveys.interview_sheet import SHEET_COLUMNS

__all__ = ["quote_sheet_xlsx", "write_quote_sheet"]

_FIELDS = ("interview", "group", "date", "participants", "quote", "needs", "questions", "notes")
_WIDTHS = {"interview": 24, "group": 30, "date": 12, "participants": 12, "quote": 70}
_ROWS = 500
"""Rows the group list and the date and number formats reach: more than a round of
interviews fills."""


def quote_sheet_xlsx(guides: Sequence[GroupGuide]) -> bytes:
    """The workbook: the quotes to fill in, the groups to pick from, the needs to name."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    study = guides[0].study
    language = study.settings.language
    words = labels(language)
    dutch = language == "nl"
    workbook = Workbook()
    quotes = workbook.active
    quotes.title = words["qs.quotes"]
    quotes.append([SHEET_COLUMNS[name][1 if dutch else 0] for name in _FIELDS])
    for guide in guides:
        quotes.append([guide.interview_id, guide.group.name, guide.day])
    for i, name in enumerate(_FIELDS, start=1):
        letter = quotes.cell(row=1, column=i).column_letter
        quotes.column_dimensions[letter].width = _WIDTHS.get(name, 28)
    for row in quotes.iter_rows(min_row=2, max_row=_ROWS, min_col=3, max_col=3):
        row[0].number_format = "yyyy-mm-dd"
    for row in quotes.iter_rows(min_row=2, max_row=_ROWS, min_col=5, max_col=5):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    # Text, so that Excel keeps what is typed: "- we search in four systems" would
    # otherwise be a formula, and show (and import as) an error.
    for row in quotes.iter_rows(min_row=2, max_row=_ROWS, min_col=5, max_col=len(_FIELDS)):
        for cell in row:
            cell.number_format = "@"
    groups = workbook.create_sheet(words["qs.groups"])
    groups.append(["id", words["qs.name"]])
    for group in study.groups:
        groups.append([group.id, group.name])
    headings = dict(zip(_FIELDS, (cell.value for cell in quotes[1]), strict=True))
    # Lists to pick from, that still take what is typed (a group's id, a new interview's
    # name: the import reads both), each with a word on what to write when a cell is chosen.
    for field, source, prompt in (
        ("interview", f"=$A$2:$A${len(guides) + 1}", words["qs.pick_interview"]),
        ("group", f"='{groups.title}'!$B$2:$B${len(study.groups) + 1}", words["qs.pick_group"]),
    ):
        pick = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showInputMessage=True,
            promptTitle=headings[field],
            prompt=prompt,
        )
        quotes.add_data_validation(pick)
        pick.add(f"{_column(field)}2:{_column(field)}{_ROWS}")
    count = DataValidation(  # refused as it is typed, not only at the import
        type="whole",
        operator="greaterThanOrEqual",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=headings["participants"],
        error=words["qs.participants"],
    )
    quotes.add_data_validation(count)
    count.add(f"{_column('participants')}2:{_column('participants')}{_ROWS}")
    needs = workbook.create_sheet(words["qs.needs"])
    needs.append(
        ["id", words["qs.title"], words["qs.kind"], *(guide.group.name for guide in guides)]
    )
    for need in study.needs:
        needs.append(
            [
                need.id,
                need.title,
                words[f"kind.{need.kind}"],
                *(
                    words[f"importance.{need.groups[guide.group.id]}"]
                    if guide.group.id in need.groups
                    else ""
                    for guide in guides
                ),
            ]
        )
    for sheet, widths in ((groups, (24, 44)), (needs, (28, 52, 14))):
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = width
    _text_cells(workbook)
    for sheet in (quotes, groups, needs):
        finish_sheet(sheet, sheet.max_column, max(sheet.max_row, 2))
    quotes.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _column(field: str) -> str:
    """The letter of ``field``'s column in the quotes sheet."""
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(_FIELDS.index(field) + 1)
    return letter


def _text_cells(workbook: Any) -> None:
    """Text as text (names and titles come from the study; none may become a formula)."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"


def write_quote_sheet(guides: Sequence[GroupGuide], path: Path) -> None:
    """Write the sheet to ``path``, a new .xlsx file: one that exists may hold quotes
    already, and is never written over."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError.single(
            f"cannot write the quote sheet as '{path.suffix or path.name}'",
            path=path,
            hint="use a name ending in .xlsx",
        )
    if path.exists():
        raise TargetExistsError.single(
            "this sheet exists already, and may hold quotes",
            path=path,
            hint="choose another name; needmap never writes over your files",
        )
    write_bytes_atomic(path, quote_sheet_xlsx(guides))
