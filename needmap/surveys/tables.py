"""Read a survey export as rows of text: CSV the way Excel and survey tools write it, or a
workbook (XLSX, XLS or ODS).

CSV: UTF-8 with or without BOM, cp1252 (Excel's Western default) or UTF-16 with its BOM
(Excel's "Unicode Text"); ``;``, ``,`` or tab as
delimiter, detected from the header line, or named by a first line such as ``sep=;``. Which
encoding and delimiter were used is reported, so a wrong guess is visible. A workbook: the
first sheet with data (or the one named), read with python-calamine, which reads Excel's
formats old and new and OpenDocument's alike.

The file is read once: the SHA-256 recorded in the tally is of the very bytes that were
counted, even if the file changes while it is imported.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple, TypeVar

from needmap.controls import fold_text
from needmap.errors import (
    WORKBOOKS,
    InvalidStudyError,
    Location,
    NeedmapError,
    Problem,
    UsageError,
    first_of,
    listed,
)
from needmap.personas.messages import did_you_mean, files_in, missing_file_hint
from needmap.shell import command_word
from needmap.surveys.headings import heading_code

__all__ = [
    "READABLE",
    "DataBytes",
    "HowRead",
    "RunOn",
    "SheetNotFound",
    "Table",
    "column_of",
    "formula_at",
    "open_export",
    "open_table",
    "other_sheets_that_fit",
    "several_sheets_fit",
    "unreadable",
]

_Fit = TypeVar("_Fit")

_DELIMITERS = (";", ",", "\t")
_SEP_LINE = re.compile(r"sep=(.)")
"""Excel's first line naming the delimiter, e.g. ``sep=;``; read and skipped."""
_NAMES = {";": "semicolon", ",": "comma", "\t": "tab"}
_NOTE_LINE = re.compile(r"#(?:[\s#-].*)?|\s*")
"""A line of notes above the header: ``#`` alone or followed by a space, ``#`` or ``-``
(so a header such as ``#,Search term`` is kept), or a blank line."""


class DataBytes(NamedTuple):
    """A CSV file's bytes and where its data rows start, after the header, for reading
    them without the csv module (only for encodings in which quotes, delimiters and line
    breaks are single ASCII bytes that no other character contains)."""

    raw: bytes
    start: int
    delimiter: str
    codec: str
    """How to decode a cell: ``utf-8`` or ``cp1252``."""


@dataclass(frozen=True)
class HowRead:
    """How a file was read: what the reader guessed, to say so (an encoding guessed wrong
    shows first in the labels and terms read), in English in the commands' messages and in
    a report's language (:func:`needmap.reports.searches_report.how_read_text`)."""

    kind: str
    """"CSV", or the workbook's kind: "XLSX", "XLS", "ODS"."""
    encoding: str = ""
    """CSV: "UTF-8 with BOM", "UTF-8", "UTF-16" or "Windows-1252"."""
    delimiter: str = ""
    """CSV: the character between values."""
    declared: bool = False
    """CSV: the delimiter is the one a ``sep=`` line above the header says."""
    notes: int = 0
    """Lines (CSV) or rows (workbook) of notes above the header, left out."""
    doubled: bool = False
    """CSV: every line end doubled, so the empty line after each row was left out."""
    sheet: str | None = None
    """A workbook: the sheet read."""
    empty_before: int = 0
    """A workbook: the empty sheets before the one read (the first with data)."""


class RunOn(NamedTuple):
    """A CSV value whose quote was left open (:meth:`Table.run_on`), as a problem's parts."""

    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class Table:
    """A header, an iterator over the data rows, and where the last row read stands.

    ``line()`` is asked only when a problem is reported, so reading costs nothing extra.
    """

    path: Path
    header: list[str]
    rows: Iterator[list[str]]
    line: Callable[[], int]
    """Line (CSV) or row (workbook) number of the row last read, counting the header as 1."""
    how: HowRead
    """How the file was read."""
    sha256: str
    """SHA-256 of the file's bytes, as read."""
    errors: tuple[type[Exception], ...] = ()
    """Exceptions reading rows may raise for a malformed file; the importer reports them."""
    data: DataBytes | None = None
    """The data rows as bytes (CSV in UTF-8 or Windows-1252 only), for counting a clean
    export without a loop over its rows (:mod:`needmap.surveys.whole_text`); None where
    the header's end cannot be found by its line breaks alone."""
    sheets: tuple[str, ...] = ()
    """A workbook: the names of all its sheets; CSV: none."""

    @property
    def sheet(self) -> str | None:
        """A workbook: the name of the sheet read; CSV: None."""
        return self.how.sheet

    @property
    def sheet_of_cells(self) -> str | None:
        """The sheet a problem's cell names (:attr:`~needmap.errors.Location.sheet`): this
        one, where the workbook has others (row 8 is on each); None for a workbook of one,
        and for CSV."""
        return self.sheet if len(self.sheets) > 1 else None

    @property
    def doubled_line_ends(self) -> bool:
        """CSV: every line ends in ``\\r\\r\\n``, so every other line is empty (what a
        script writes on Windows that writes the csv module's line ends through a text
        file); its empty rows are no news. Lines are still counted as an editor shows
        them."""
        return self.how.doubled

    def unreadable(self, exc: Exception, start: int | None = None) -> Problem:
        """The problem to report when the row last read cannot be read (one of
        :attr:`errors`); ``start`` is the line that row began on, when it is known and
        the row ran on past it (a strict reader stops only where a quote closes wrongly,
        or at the end of the file)."""
        last = self.line()
        if start is None or start >= last:
            return unreadable(self.path, last, exc)
        message, hint = _left_open(start, last)
        return Problem(Location(self.path, start), f"{message} ({exc})", hint=hint)

    def run_on(self, row: Sequence[str], last: int | None = None) -> RunOn | None:
        """Where a double quote left open starts, when the row last read (or the row that
        ended on line ``last``) holds one.

        In a CSV file a value that opens a quote runs on, over line breaks, to the next
        quote: two lines or more are read as one row, which comes out too wide or with a
        line break in a cell that never has one. The row is reported where the quote opens,
        not where the row ends. None for a row without a line break, or of a workbook.
        """
        if self.sheet is not None:
            return None
        column = next((i for i, cell in enumerate(row) if "\n" in cell), None)
        if column is None:
            return None
        breaks = sum(cell.count("\n") for cell in row)
        if row[-1].endswith("\n"):  # never closed: the value took the file's last line break
            breaks -= 1
        last = self.line() if last is None else last
        first = last - breaks
        message, hint = _left_open(first, last)
        return RunOn(first, column + 1, f"{message}: lines {first}-{last} read as one row", hint)

    @cached_property
    def _folded_header(self) -> list[str]:
        return [fold_text(heading) for heading in self.header]

    def heading_again(self, row: Sequence[str]) -> bool:
        """Whether ``row`` is the heading row again, in any case (two exports pasted into
        one): read as answers, its headings would be a group answer and a task no one
        gave."""
        folded = self._folded_header
        if not folded or len(row) != len(folded):
            return False
        return fold_text(row[0]) == folded[0] and list(map(fold_text, row)) == folded

    def column(self, heading: str, *, by_code: bool = False) -> int | None:
        """The index of the column headed ``heading`` (see :func:`column_of`)."""
        return column_of(self.header, heading, by_code=by_code)


class SheetNotFound(InvalidStudyError):
    """The workbook has no sheet of the name asked for; ``sheets`` are the ones it has."""

    def __init__(self, path: Path, sheet: str, sheets: Sequence[str]) -> None:
        listed_sheets = "its sheets are: " + ", ".join(f"'{s}'" for s in sheets)
        super().__init__(
            [
                Problem(
                    Location(path),
                    f"the workbook has no sheet '{sheet}'",
                    hint=did_you_mean(sheet, sheets, ignore_case=True) or listed_sheets,
                )
            ]
        )
        self.sheets = tuple(sheets)


def column_of(header: Sequence[str], heading: str, *, by_code: bool = False) -> int | None:
    """The index of the column headed ``heading``: exactly, else as answers are compared
    (:func:`~needmap.controls.fold_text`: case, spacing and control characters
    aside); with ``by_code``, else the one column whose heading starts with it as its code
    (:func:`heading_code`), so a mapping written with LimeSurvey's codes also reads an
    export whose headings carry the question text."""
    wanted = heading.strip()
    folded = fold_text(wanted)
    for matches in (wanted.__eq__, lambda name: fold_text(name) == folded):
        found = next((i for i, name in enumerate(header) if matches(name)), None)
        if found is not None:
            return found
    if by_code:
        coded = [
            i for i, name in enumerate(header) if fold_text(heading_code(name) or "") == folded
        ]
        if len(coded) == 1:
            return coded[0]
    return None


def open_table(path: Path, sheet: str | None = None, *, strict: bool = False) -> Table:
    """Open ``path`` by its suffix (:data:`READABLE`); a workbook at ``sheet``
    (its name, in any case), else at its first sheet that holds data.

    ``strict``: a CSV quote closed anywhere but at the end of its value (``"a"b``), or
    never, raises one of :attr:`Table.errors` instead of reading on as Excel does. For a
    sheet people type, whose run-on value cannot be told from one of several lines."""
    if path.is_dir():
        raise InvalidStudyError.single(
            "this is a folder, not a file", path=path, hint=_tables_in(path)
        )
    if not path.exists():
        hint = missing_file_hint(path, READABLE)
        raise InvalidStudyError.single("no such file", path=path, hint=hint)
    suffix = path.suffix.lower()
    try:
        if suffix in WORKBOOKS:
            return _workbook(path, sheet)
        if suffix in (".csv", ".tsv", ".txt"):
            return _csv(path, strict)
        if suffix == ".zip":
            raise _archive(path.read_bytes(), path, "")
    except OSError as exc:
        raise InvalidStudyError.single(
            f"cannot read file: {exc.strerror or exc}", path=path
        ) from None
    raise InvalidStudyError.single(
        f"cannot read '{path.suffix or path.name}' files",
        path=path,
        hint="export the survey as CSV or XLSX",
    )


READABLE = (".csv", ".tsv", ".txt", *WORKBOOKS)
"""The suffixes :func:`open_table` reads."""


def _tables_in(folder: Path) -> str:
    """A hint for a folder given where a file is read: the files in it that could be
    meant (up to three), else what to give."""
    found = files_in(folder, READABLE)
    if len(found) == 1:
        return f"give the file in it: {command_word(found[0])}"
    if found:
        return f"give one of the files in it: {first_of([command_word(p) for p in found])}"
    return "give the CSV or XLSX file itself"


def _csv(path: Path, strict: bool = False) -> Table:
    raw = path.read_bytes()
    _refuse_binary(raw, path)
    if raw.startswith(b"\xef\xbb\xbf"):
        codec, encoding = "utf-8-sig", "UTF-8 with BOM"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text", tab-separated
        codec, encoding = "utf-16", "UTF-16"
    elif raw.isascii() or _is_utf8(raw):
        codec, encoding = "utf-8", "UTF-8"
    else:
        codec, encoding = "cp1252", "Windows-1252"
    # A text wrapper feeds csv.reader about twice as fast as a StringIO of the decoded text.
    # It reads from memory (the file is already closed), so the rows are the reader itself:
    # nothing to close when they run out, and no generator between each row and its loop.
    handle = io.TextIOWrapper(io.BytesIO(raw), encoding=codec, errors="replace", newline="")
    declared, notes = _above_header(handle)
    skipped = notes + (1 if declared else 0)
    if declared:
        delimiter = declared
    else:
        at_header = handle.tell()
        delimiter = _delimiter(handle.readline(), raw)
        handle.seek(at_header)
    doubled = codec != "utf-16" and _doubled_line_ends(raw)
    how = HowRead("CSV", encoding, delimiter, bool(declared), notes, doubled)
    reader = csv.reader(handle, delimiter=delimiter, strict=strict)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidStudyError.single(
            "the file is empty", path=path, hint="export the responses again, with their header"
        ) from None
    except csv.Error as exc:  # the header itself: a quote left open
        raise InvalidStudyError([unreadable(path, reader.line_num + skipped, exc)]) from None
    header_lines = reader.line_num + skipped
    return Table(
        path,
        [h.strip() for h in header],
        reader,
        lambda: reader.line_num + skipped,
        how,
        hashlib.sha256(raw).hexdigest(),
        (csv.Error,),
        _data_bytes(raw, header_lines, delimiter, codec),
    )


def _doubled_line_ends(raw: bytes) -> bool:
    """Whether every line of ``raw`` ends in CR CR LF. The first line's end decides whether
    to count them all, so that an export with ordinary line ends is not read twice more."""
    first = raw.find(b"\n")
    return (
        first >= 2
        and raw[first - 2 : first] == b"\r\r"
        and raw.count(b"\n") == raw.count(b"\r\r\n")
    )


def _delimiter(header: str, raw: bytes) -> str:
    """The delimiter the header line uses most (a comma when two tie). A header without
    any is one column: then the one the file holds least, so that no row of it is split
    (a search term written with a comma stays one term)."""
    counts = {d: _count_outside_quotes(header, d) for d in _DELIMITERS}
    if any(counts.values()):
        return max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
    return min(_DELIMITERS, key=lambda d: (raw.count(d.encode("ascii")), d != ","))


def _above_header(handle: io.TextIOWrapper) -> tuple[str | None, int]:
    """Read past what stands above the header: Excel's ``sep=;`` line, and the notes some
    exports put first (Google Analytics writes ``# Account: ...`` lines, then a blank one).
    The delimiter that line names, if any, and how many lines of notes were read; the
    handle is left at the header."""
    declared = None
    notes = 0
    while True:
        at = handle.tell()
        line = handle.readline().rstrip("\r\n")
        if not declared and not notes and (sep := _SEP_LINE.fullmatch(line)):
            declared = sep.group(1)
        elif handle.tell() != at and _NOTE_LINE.fullmatch(line):
            notes += 1
        else:
            handle.seek(at)
            return declared, notes


_OLE_CONTAINER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an Office container file starts: an Excel 97-2003 workbook, or an encrypted one."""

_ODS_TYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
"""What an OpenDocument spreadsheet holds first: its type, unpacked, as the format asks."""


def _workbook_kind(raw: bytes) -> str | None:
    """The suffix of the workbook ``raw`` holds; None for other files, such as a ZIP
    archive that holds files rather than being a workbook."""
    if raw.startswith(b"PK\x03\x04"):
        if _ODS_TYPE in raw[:100]:
            return ".ods"
        return ".xlsx" if "xl/workbook.xml" in _archived(raw) else None
    if raw.startswith(_OLE_CONTAINER):
        return ".xls"
    return None


def _archived(raw: bytes) -> list[str]:
    """The names of the files in a ZIP archive; none when it is damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return []


def _archive(raw: bytes, path: Path, what: str) -> InvalidStudyError:
    """The error for a ZIP archive given where a table is read (``what`` says what was
    expected instead, if anything): Google Forms downloads its responses zipped, so the
    hint names the export in it."""
    tables = [
        command_word(Path(name).name)
        for name in _archived(raw)
        if Path(name).suffix.lower() in READABLE
    ]
    if len(tables) == 1:
        hint = f"unzip it and give the file in it: {tables[0]}"
    elif tables:
        hint = f"unzip it and give one of the files in it: {first_of(tables)}"
    else:
        hint = "unzip it and give the CSV or XLSX export it holds"
    return InvalidStudyError.single(f"this is a ZIP archive{what}", path=path, hint=hint)


def _kind_name(suffix: str) -> str:
    """A workbook's kind as people name it, by its suffix: '.ods' is ODS."""
    return suffix.lstrip(".").upper()


def _refuse_binary(raw: bytes, path: Path) -> None:
    """Refuse a file that is no text, such as a workbook saved under a .csv name: decoded
    anyway, it would give a header of garbage and a "no column" error for each column."""
    start = raw[:4096]
    kind = _workbook_kind(raw)
    if kind is None and start.startswith(b"PK\x03\x04"):
        raise _archive(raw, path, ", not a CSV text file")
    if kind is not None:
        raise InvalidStudyError.single(
            f"this is a workbook ({_kind_name(kind)}), not a CSV text file",
            path=path,
            hint=f"name it {path.stem}{kind}, or save it from Excel as CSV",
        )
    if b"\x00" in start and not start.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidStudyError.single(
            "this is not a text file: it holds binary data",
            path=path,
            hint="export the data as CSV (text) or XLSX; an XLSX workbook needs the .xlsx suffix",
        )


def _data_bytes(raw: bytes, lines: int, delimiter: str, codec: str) -> DataBytes | None:
    """Where ``raw`` goes on after its first ``lines`` lines, if each of them ends in a
    line feed and none holds a lone carriage return (which the csv module also takes as a
    line's end)."""
    if codec == "utf-16" or not delimiter.isascii() or delimiter in '"\r\n':
        return None
    end = -1
    for _ in range(lines):
        end = raw.find(b"\n", end + 1)
        if end < 0:
            return None
    if raw.count(b"\r", 0, end) != raw.count(b"\r\n", 0, end + 1):
        return None
    return DataBytes(raw, end + 1, delimiter, "cp1252" if codec == "cp1252" else "utf-8")


def _left_open(first: int, last: int) -> tuple[str, str]:
    """What to say of a double quote opened on line ``first`` and read on to ``last``, and
    the hint."""
    return (
        f"a double quote that starts a value here runs on to line {last}",
        f"end the value with a double quote on line {first}, or remove the quote that starts it",
    )


def unreadable(path: Path, line: int, exc: Exception) -> Problem:
    """The problem to report when a line cannot be read: most often a quote left open,
    which runs the rest of the file into one cell beyond the csv module's size limit."""
    return Problem(
        Location(path, line),
        f"cannot read the file here: {exc}",
        hint="check the quotes on this line: a value that starts with a quote must end with one",
    )


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def _workbook(path: Path, name: str | None) -> Table:
    """The sheet ``name``, or the first, read with python-calamine (about ten times faster
    than openpyxl).

    Rows are padded back to the sheet's own columns (calamine drops leading empty columns),
    and empty rows above the header are skipped, so row and column numbers in problems are
    the ones Excel shows; so are a title and notes above it (:func:`_sheet_header`).
    """
    from python_calamine import CalamineWorkbook

    raw = path.read_bytes()
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = tuple(book.sheet_names)
        if name is None:  # the first sheet with data: an empty one before it hides nothing
            order = list(range(len(sheets)))
        elif (named := column_of(sheets, name)) is not None:  # exactly, else in any case
            order = [named]
        else:
            raise SheetNotFound(path, str(name), sheets)
        header: list[str] = []
        for index in order:
            sheet = book.get_sheet_by_index(index)
            rows = iter(sheet.iter_rows())
            position = [0]
            header, notes, pending = _sheet_header(rows, position)
            if any(header):
                break
    except SheetNotFound:
        raise
    except Exception as exc:  # calamine raises several types for a damaged or foreign file
        raise _unreadable_workbook(raw, path, exc) from None
    if not any(header) and name is not None:
        raise InvalidStudyError.single(
            f"the sheet '{sheet.name}' is empty",
            path=path,
            hint="name the sheet that holds the data",
        )
    if not any(header):
        raise InvalidStudyError.single(
            "the sheet is empty" if len(sheets) == 1 else "every sheet is empty",
            path=path,
            hint="put the data, under its header, on a sheet of the workbook",
        )
    shift = [""] * sheet.start[1] if sheet.start is not None else []
    kind = _kind_name(_workbook_kind(raw) or path.suffix)
    empty_before = index if name is None else 0
    how = HowRead(kind, notes=notes, sheet=sheet.name, empty_before=empty_before)

    def cells() -> Iterator[list[str]]:
        for number, row in pending:
            position[0] = number
            yield shift + row
        for values in rows:
            position[0] += 1
            yield shift + [_cell(v) for v in values]

    return Table(
        path,
        shift + [h.strip() for h in header],
        cells(),
        lambda: position[0],
        how,
        hashlib.sha256(raw).hexdigest(),
        sheets=sheets,
    )


def other_sheets_that_fit(
    table: Table, fits: Callable[[Table], _Fit | None]
) -> list[tuple[Table, _Fit]]:
    """The sheets of ``table``'s workbook other than the one it is, each as
    :func:`open_table` reads a sheet named, for which ``fits`` gives a value, with that
    value; the empty ones passed over. For a reader that finds by their columns the sheet
    a sheet of notes was put before: one that fits is the one; of several, which is meant
    is the user's to say."""
    found = []
    for sheet in table.sheets:
        if sheet == table.sheet:
            continue
        try:
            other = open_table(table.path, sheet)
        except NeedmapError:  # an empty sheet
            continue
        fit = fits(other)
        if fit is not None:
            found.append((other, fit))
    return found


def several_sheets_fit(sheets: Sequence[Table], showing: str) -> InvalidStudyError:
    """The error for a workbook of which several sheets (``sheets``) are ``showing`` what
    a reader looks for: which is meant is the user's to say, with ``--sheet``."""
    names = listed([f"'{sheet.sheet}'" for sheet in sheets])
    return InvalidStudyError.single(
        f"the sheets {names} each {showing}: which holds the answers?",
        path=sheets[0].path,
        hint=f"name it with --sheet, such as --sheet {command_word(str(sheets[0].sheet))}",
    )


def open_export(path: Path, sheet: str | None) -> Table:
    """:func:`open_table` of an export a command was given with the sheet ``--sheet``
    named, if any: an error for a sheet named of a file that is no workbook, whose
    one table the user may think is the sheet's."""
    if sheet is not None and path.suffix.lower() not in WORKBOOKS and path.exists():
        raise UsageError.single(
            f"--sheet names a sheet, but {path.name} is not a workbook (.xlsx, .ods…)",
            path=path,
            hint="leave --sheet out for a CSV export",
        )
    return open_table(path, sheet)


_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream an encrypted Office file keeps its workbook in, as its directory names it."""


def _unreadable_workbook(raw: bytes, path: Path, exc: Exception) -> InvalidStudyError:
    """The error for a workbook calamine cannot read. An encrypted one (a password, or a
    sensitivity label as organisations put on downloads) is an Office container that
    holds the workbook encrypted: no reader opens it, and saving it again keeps the
    protection, so the hint says to take that off."""
    if raw.startswith(_OLE_CONTAINER) and _ENCRYPTED in raw:
        return InvalidStudyError.single(
            "this workbook is encrypted: a password or a sensitivity label protects it",
            path=path,
            hint="open it in Excel, take off the password (File > Info > Protect Workbook) "
            "or the label, and save it again; or download the export as CSV",
        )
    return InvalidStudyError.single(
        f"cannot read this workbook: {exc}", path=path, hint="save it again from Excel as .xlsx"
    )


_NOTE_ROWS = 10
"""How far below a first row of one cell (a title) a header may stand."""


def _sheet_header(
    rows: Iterator[Sequence[object]], position: list[int]
) -> tuple[list[str], int, list[tuple[int, list[str]]]]:
    """The header of a sheet: its first row that is not empty, unless that row has one cell
    only (a report's title, a note) and a row of several cells follows within
    :data:`_NOTE_ROWS` rows. Then also how many rows of notes stand above it, and the rows
    read past the header to give back as data (with their numbers) when no such row came.
    ``position`` is kept at the number of the last row read."""
    header: list[str] = []
    notes = 0
    pending: list[tuple[int, list[str]]] = []
    for values in rows:
        position[0] += 1
        cells = [_cell(v) for v in values]
        filled = sum(1 for c in cells if c.strip())
        if not header:
            if filled:
                header = cells
            if filled > 1:
                break
            continue
        if filled > 1:  # the header, below notes
            notes = 1 + sum(1 for _, row in pending if any(c.strip() for c in row))
            return cells, notes, []
        pending.append((position[0], cells))
        if len(pending) >= _NOTE_ROWS:
            break
    return header, notes, pending


def formula_at(path: Path, sheet: str | None, row: int, column: int) -> str | None:
    """The formula in a workbook's cell (1-based, as Excel numbers it) that was read as
    empty, if it holds one; else None.

    Calamine reads the values Excel kept, and an error (``#NAME?``) or a value never kept
    is nothing. Text typed in Excel starting with ``=``, ``+`` or ``-`` ("- we need one
    search") becomes such a formula, so a cell the user filled reads as empty; openpyxl
    (slower, asked only then) reads the formula, to tell them so."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
        try:
            cells = book[sheet] if sheet is not None else book.worksheets[0]
            value = next(cells.iter_rows(row, row, column, column, values_only=True))[0]
        finally:
            book.close()
    except Exception:  # unreadable now (openpyxl raises many kinds): the first hint stands
        return None
    return value if isinstance(value, str) and value.startswith("=") else None


def _cell(value: object) -> str:
    """A cell as text; whole numbers without '.0' (Excel stores every number as a float)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
