"""Problems with a location, and the one exception family needmap raises for bad input.

Every problem a user can fix is a :class:`Problem`: where it is (file, line, column, dotted
key), what is wrong, and a hint on how to fix it. Loaders collect *all* problems they find and
raise them together in one :class:`NeedmapError`, so a user fixes a study in one round trip
instead of one error at a time. This module knows nothing of the CLI: ``needmap.cli`` turns a
``NeedmapError`` into exit code 2 in a single handler.
"""

from __future__ import annotations

import errno
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Self

from needmap.controls import visible

__all__ = [
    "WORKBOOKS",
    "InvalidStudyError",
    "Location",
    "NeedmapError",
    "NotAStudyError",
    "OutputError",
    "Problem",
    "RuleError",
    "RuleErrors",
    "Severity",
    "TargetExistsError",
    "UsageError",
    "first_of",
    "listed",
    "loop_problem",
    "os_problem",
    "plural",
    "problem_count",
]


WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
"""The spreadsheet files needmap reads (besides CSV): Excel's, old and new, and the
OpenDocument sheets LibreOffice and Google Sheets write. A place in one is a cell."""


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file; line and column count from 1, as editors do."""

    path: Path | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = field(default=None, compare=False)
    """A workbook of several sheets: the sheet the place is on, which :attr:`cell` names
    as Excel does (``'Form1'!G8``): row 8 is on every sheet. None for a workbook of one."""

    def __str__(self) -> str:
        parts = [str(self.path) if self.path is not None else "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    @property
    def cell(self) -> str | None:
        """The cell as a spreadsheet names it (``G8``) for a place in a workbook, since
        people who fix a workbook in Excel find a cell by its letter, not its column number;
        None elsewhere."""
        if self.path is None or self.path.suffix.lower() not in WORKBOOKS:
            return None
        if self.line is None or self.column is None:
            return None
        from openpyxl.utils import get_column_letter, quote_sheetname

        cell = f"{get_column_letter(self.column)}{self.line}"
        return cell if self.sheet is None else f"{quote_sheetname(self.sheet)}!{cell}"

    @property
    def place(self) -> str | None:
        """What a problem names after the position in a workbook: the cell (``cell
        'Form1'!G8``), or for a whole row of a workbook of several sheets, its sheet
        (``sheet 'Form1'``): line 14 is on every sheet. None elsewhere."""
        cell = self.cell
        if cell is not None:
            return f"cell {cell}"
        if self.sheet is None or self.line is None or self.column is not None:
            return None
        from openpyxl.utils import quote_sheetname

        return f"sheet {quote_sheetname(self.sheet)}"


class Severity(StrEnum):
    """Errors make a study unusable; warnings point at likely mistakes."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, with where it is and how to fix it."""

    location: Location
    message: str
    key: str = ""
    hint: str = ""
    severity: Severity = Severity.ERROR
    repeats: int = 1
    """How many problems this one stands for: "7 more rows like these" stands for 7."""

    def __post_init__(self) -> None:
        # a message quotes what the input holds: a character that cannot be seen there
        # (a no-break space, a control character) is named, never printed as is
        object.__setattr__(self, "key", visible(self.key))
        object.__setattr__(self, "message", visible(self.message))
        object.__setattr__(self, "hint", visible(self.hint))

    def format(self) -> str:
        """``path:line:col: dotted.key: message`` — the form editors and CI logs link; in a
        workbook with ``cell G8:`` after the position (a whole row of one sheet of
        several: ``sheet 'Form1':``)."""
        head = f"{self.location}: " if self.location.path is not None else ""
        if self.location.place:
            head += f"{self.location.place}: "
        if self.key:
            head += f"{self.key}: "
        if self.severity is Severity.WARNING:
            head += "warning: "
        return head + self.message

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of a problem (documented in docs/json-output.md)."""
        return {
            "file": str(self.location.path) if self.location.path is not None else None,
            "line": self.location.line,
            "column": self.location.column,
            "cell": self.location.cell,
            "sheet": self.location.sheet,
            "key": self.key,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[str, float, float]:
        """By file and position; problems about a whole file come after those with a line;
        problems at the same place keep the order they were found."""
        loc = self.location
        line = loc.line if loc.line is not None else math.inf
        return (str(loc.path or ""), line, loc.column or 0)


class NeedmapError(Exception):
    """Base of every error a user can fix; carries one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=Problem.sort_key))
        if not self.problems:
            raise ValueError("a NeedmapError needs at least one problem")
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def single(
        cls, message: str, *, path: Path | None = None, hint: str = "", key: str = ""
    ) -> Self:
        """One problem about a whole file or folder (no line to point at)."""
        return cls([Problem(Location(path), message, key=key, hint=hint)])

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


class InvalidStudyError(NeedmapError):
    """The study's files have problems: syntax, schema or references."""


class NotAStudyError(NeedmapError):
    """A folder that should hold a study does not."""


class TargetExistsError(NeedmapError):
    """A command would overwrite a file the user owns, and was not told it may."""


class OutputError(NeedmapError):
    """An output could not be written (permissions, disk, a folder in the way)."""


class UsageError(NeedmapError):
    """Options that make no sense together, or name things the study lacks."""


class RuleError(ValueError):
    """A rule of a file format broken, raised inside a pydantic validator: pydantic makes
    it a problem at the value's place, with :attr:`hint` as the problem's hint.

    ``at`` is the path below that value the rule is about, where the problem is placed: a
    model's rule that one key needs another ("layout long needs respondent") is told at the
    key to add or to mend, not at the top of the file."""

    def __init__(self, message: str, hint: str, at: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.hint = hint
        self.at = at


class RuleErrors(ValueError):
    """Several rules broken by one value, raised at once so that each is told (a validator
    that raised the first would hide the others until that one was mended)."""

    def __init__(self, errors: Sequence[RuleError]) -> None:
        super().__init__("; ".join(map(str, errors)))
        self.errors = tuple(errors)


_OS_HINTS = {
    errno.ENAMETOOLONG: "shorten the name",
    errno.EACCES: "check its permissions, or choose a folder of your own",
    errno.EPERM: "check its permissions, or choose a folder of your own",
    errno.EROFS: "choose a folder on a disk that can be written to",
    errno.ENOSPC: "free some disk space, then run the command again",
    errno.EDQUOT: "free some disk space, then run the command again",
    errno.ELOOP: "remove the symbolic link that points back into itself, or point it elsewhere",
}
"""What a user can do about the operating-system errors a path most often meets."""


def os_problem(exc: OSError) -> Problem | None:
    """An operating-system error no reader or writer turned into a problem of its own, as
    one: a path the system refuses (a name too long, a folder without permission, a full
    disk) is the user's to fix, not a bug of needmap. None for an error that names no
    path, or a path of needmap's own package: those are bugs."""
    name = exc.filename
    if not isinstance(name, (str, bytes)):
        return None
    path = Path(os.fsdecode(name))
    if Path(os.path.realpath(path)).is_relative_to(_PACKAGE):  # realpath: a loop is no error
        return None
    return Problem(
        Location(path),
        f"cannot use this path: {exc.strerror or exc}",
        hint=_OS_HINTS.get(exc.errno or 0, "check the path and that it can be read or written"),
    )


_PACKAGE = Path(__file__).resolve().parent


def loop_problem(exc: RuntimeError) -> Problem | None:
    """The problem of a symbolic link that points back into itself, as Python 3.11 and
    3.12 report it when a path is resolved (``RuntimeError: Symlink loop from '…'``; later
    versions raise an :class:`OSError`, which :func:`os_problem` takes). None for any
    other error, a bug."""
    found = re.fullmatch(r"Symlink loop from '(.+)'", str(exc), re.DOTALL)
    if found is None:
        return None
    return os_problem(OSError(errno.ELOOP, "Too many levels of symbolic links", found[1]))


def first_of(words: Sequence[str], shown: int = 3) -> str:
    """'a, b, c and 2 more': the first ``shown`` of ``words`` and how many more there are,
    for a message that names what it is about without a line as long as the list."""
    more = f" and {len(words) - shown} more" if len(words) > shown else ""
    return ", ".join(words[:shown]) + more


def listed(words: Sequence[str], shown: int = 3) -> str:
    """'a', 'a and b', 'a, b and c': all of ``words`` as a sentence names them, or, when
    there are more than ``shown``, :func:`first_of` them ('a, b, c and 2 more')."""
    if len(words) > shown:
        return first_of(words, shown)
    return " and ".join(filter(None, [", ".join(words[:-1]), *words[-1:]]))


def plural(number: int, noun: str, many: str | None = None) -> str:
    """'1 warning', '3 warnings', '2,193 searches': counts in messages, which are English
    (reports say their counts through :func:`needmap.reports.i18n.counted`, in the study's
    language). ``many`` is the plural where it is not the noun and an s ('search',
    'searches')."""
    return f"{number:,} {noun if number == 1 else many or noun + 's'}"


def problem_count(problems: Sequence[Problem]) -> str:
    """'2 problems', or '3 errors and 2 warnings' when warnings came too; a problem told
    once for several rows counts once for each."""
    errors = sum(p.repeats for p in problems if p.severity is Severity.ERROR)
    warnings = sum(p.repeats for p in problems) - errors
    if not warnings:
        return plural(errors, "problem")
    return f"{plural(errors, 'error')} and {plural(warnings, 'warning')}"
