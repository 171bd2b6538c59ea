"""Import a top-task survey export into a tally, reporting every problem with row and column.

The layout readers (:mod:`needmap.surveys.layouts`) find each respondent's group and choices;
:class:`~needmap.surveys.counting.Counts` checks and counts them. Errors stop the import;
``strict`` turns warnings into errors too.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from needmap.errors import InvalidStudyError, Location, Problem, Severity, first_of
from needmap.surveys.counting import UNNAMED, Counts, Problems, RowsRepeated
from needmap.surveys.layouts import Interleaved, Loop, layout_loop
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import (
    HowRead,
    Table,
    open_export,
    other_sheets_that_fit,
    several_sheets_fit,
)
from needmap.surveys.tally import Tally

__all__ = ["ImportResult", "import_survey"]


@dataclass(frozen=True)
class ImportResult:
    tally: Tally
    warnings: tuple[Problem, ...]
    how: HowRead
    """How the file was read: format, encoding, delimiter."""


def import_survey(
    mapping: SurveyMapping,
    path: Path | str,
    *,
    strict: bool = False,
    mapping_file: Path | str | None = None,
    sheet: str | None = None,
    own_names: Collection[str] = frozenset(),
) -> ImportResult:
    """Read ``path`` with ``mapping`` (checked against its study by ``load_mapping``) into a
    tally; raise with every error found. Hints that send the user to the mapping name
    ``mapping_file``, where given (a study may have several). ``sheet``: of a workbook,
    the sheet with the answers; else its first with data, or the one other sheet with the
    mapping's columns. ``own_names``: the words of the organisation's name
    (:attr:`Study.own_names`), which messages that quote the export keep."""
    request = _Request(
        mapping,
        Path(path),
        strict,
        UNNAMED if mapping_file is None else str(mapping_file),
        sheet,
        own_names,
    )
    try:
        return _import(request, grouped=True)
    except Interleaved:
        return _import(request, grouped=False)
    except RowsRepeated as found:
        return _import(request, grouped=True, repeated=found.keys)


@dataclass(frozen=True)
class _Request:
    """What :func:`import_survey` was asked: each of its steps reads from it."""

    mapping: SurveyMapping
    path: Path
    strict: bool = False
    named: str = UNNAMED
    """The mapping as hints name it: its file, where the import was told it."""
    sheet: str | None = None
    own_names: Collection[str] = frozenset()

    def problems(self, table: Table) -> Problems:
        """Where ``table``'s problems go."""
        return Problems.of(table, self.own_names)


def _import(
    request: _Request, *, grouped: bool, repeated: frozenset[str] = frozenset()
) -> ImportResult:
    """One reading of the export; see :func:`layout_loop` for ``grouped`` and ``repeated``."""
    mapping, named = request.mapping, request.named
    table = open_export(request.path, request.sheet)
    problems = request.problems(table)
    loop = layout_loop(mapping, table, problems, grouped, named, repeated)
    if loop is None:
        elsewhere = (
            None
            if request.sheet is not None
            else _on_another_sheet(request, table, grouped, repeated)
        )
        if elsewhere is None:
            raise InvalidStudyError(problems.all())
        table, problems, loop = elsewhere
    counts = Counts(mapping, table, problems, named)
    try:
        loop(counts)
    except table.errors as exc:
        broken = table.unreadable(exc)
        problems.add("unreadable row", broken.location.line, None, broken.message, hint=broken.hint)
        raise InvalidStudyError(problems.all()) from None
    tally = counts.tally(table.path.name, table.sha256)
    found = problems.all()
    if request.strict:
        found = [replace(p, severity=Severity.ERROR) for p in found]
    if not tally.group_respondents and not any(p.severity is Severity.ERROR for p in found):
        found.append(_nobody_counted(tally, request, problems))
    if any(p.severity is Severity.ERROR for p in found):
        raise InvalidStudyError(found)
    return ImportResult(tally, tuple(found), table.how)


def _on_another_sheet(
    request: _Request, table: Table, grouped: bool, repeated: frozenset[str]
) -> tuple[Table, Problems, Loop] | None:
    """A workbook whose first sheet with data lacks the mapping's columns: the one other
    sheet that has them, with its problems and the loop over its rows; None where none
    has them; raise where several do.

    A consultant may put a sheet of notes before the answers, and a workbook saved from
    a shared drive may open on a summary; the columns the mapping names tell the answers'
    sheet apart, and the import says which sheet it read."""

    def read(other: Table) -> tuple[Problems, Loop] | None:
        found = request.problems(other)
        loop = layout_loop(request.mapping, other, found, grouped, request.named, repeated)
        return None if loop is None else (found, loop)

    fitting = other_sheets_that_fit(table, read)
    if len(fitting) == 1:
        [(other, (found, loop))] = fitting
        return other, found, loop
    if fitting:  # the first sheet's missing columns would only mislead: one problem
        raise several_sheets_fit([other for other, _ in fitting], "have the mapping's columns")
    return None


def _nobody_counted(tally: Tally, request: _Request, problems: Problems) -> Problem:
    """The error for an export with no respondent in a target group: a tally of it would
    show nothing about any group, and the reports would have no votes to analyse."""
    path, named = request.path, request.named
    if not tally.total_respondents:
        return Problem(
            Location(path),
            "no respondent could be counted: every row was left out or empty",
            hint="check that this is the survey's export, with its answers",
        )
    outside = first_of(
        [
            f"'{problems.quote(a)}'"
            for a, group in request.mapping.group.values.items()
            if group is None
        ]
    )
    return Problem(
        Location(path),
        f"no respondent is in a target group: all {tally.total_respondents} counted gave "
        f"a group answer that the mapping marks as outside the groups ({outside})",
        hint=f"give those answers their group ids under group.values in {named}; or, "
        "if this is a test run of the survey, import the export once real answers are in",
    )
