"""Read a survey export as rows of text: CSV the way Excel and survey tools write it, or XLSX.

CSV: UTF-8 with or without BOM, or cp1252 (Excel's Western default); ``;``, ``,`` or tab as
delimiter, detected from the header line. Which encoding and delimiter were used is reported,
so a wrong guess is visible. XLSX: the first sheet, read with openpyxl in read-only mode.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from needmap.errors import InvalidStudyError, Location, Problem

__all__ = ["Table", "open_table"]

_DELIMITERS = (";", ",", "\t")
_NAMES = {";": "semicolon", ",": "comma", "\t": "tab"}


@dataclass(frozen=True)
class Table:
    """A header and an iterator of (line number, cells) for the data rows."""

    path: Path
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    description: str
    """How the file was read, e.g. "CSV, UTF-8 with BOM, ';'-separated"."""


def open_table(path: Path) -> Table:
    """Open ``path`` by its suffix (.csv, .tsv, .txt or .xlsx)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _xlsx(path)
        if suffix in (".csv", ".tsv", ".txt"):
            return _csv(path)
    except OSError as exc:
        raise InvalidStudyError.single(
            f"cannot read file: {exc.strerror or exc}", path=path
        ) from None
    raise InvalidStudyError.single(
        f"cannot read '{path.suffix or path.name}' files",
        path=path,
        hint="export the survey as CSV or XLSX",
    )


def _csv(path: Path) -> Table:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        text, encoding = raw[3:].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    else:
        try:
            text, encoding = raw.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("cp1252", errors="replace"), "Windows-1252"
    first = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=lambda d: (_count_outside_quotes(first, d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidStudyError.single("the file is empty", path=path) from None
    header = [h.strip() for h in header]

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for row in reader:
                yield reader.line_num, row
        except csv.Error as exc:
            raise InvalidStudyError(
                [
                    Problem(
                        Location(path, reader.line_num),
                        f"CSV error: {exc}",
                        hint="check the quotes on this line",
                    )
                ]
            ) from None

    return Table(path, header, rows(), f"CSV, {encoding}, {_NAMES[delimiter]}-separated")


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def _xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InvalidStudyError.single(
            f"cannot read this workbook: {exc}", path=path, hint="save it again from Excel as .xlsx"
        ) from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    try:
        header = [_cell(v).strip() for v in next(values)]
    except StopIteration:
        workbook.close()
        raise InvalidStudyError.single("the first sheet is empty", path=path) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, row in enumerate(values, start=2):
                yield number, [_cell(v) for v in row]
        finally:
            workbook.close()

    return Table(path, header, rows(), f"XLSX, sheet '{sheet.title}'")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
