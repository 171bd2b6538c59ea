"""Search logs: what people typed into the intranet's search box, how often, and whether it
found anything.

A study keeps each export in ``analytics/`` beside a small YAML file that says which columns
hold the term, the number of searches and the number of results, and which terms are about
which need (``topics``). Two shapes of export are read: one row per term with a count (the
"top queries" reports of SharePoint, Matomo or Google Analytics), or one row per search (a
raw log; then leave ``columns.searches`` out). Other columns, such as a user or a time, are
never read.

Terms are folded (case, accents and spacing) and summed here; which need a term is about is
decided in :mod:`needmap.model.searches`, so this module only reads.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from needmap.controls import without_accents, without_controls
from needmap.errors import (
    WORKBOOKS,
    InvalidStudyError,
    Location,
    NeedmapError,
    Problem,
    Severity,
    plural,
)
from needmap.personas.messages import (
    did_you_mean,
    nearest_file,
    one_per_place,
)
from needmap.personas.schema import Id
from needmap.personas.schema_messages import validated_document
from needmap.personas.study import Study, StudyIds, unknown_reference
from needmap.personas.yamlsource import (
    YamlDocument,
    format_key,
    read_yaml_file,
    yaml_files,
)
from needmap.surveys.counting import FirstRows, Problems
from needmap.surveys.export_names import export_label, export_order
from needmap.surveys.tables import (
    READABLE,
    HowRead,
    SheetNotFound,
    Table,
    open_table,
    other_sheets_that_fit,
)

__all__ = [
    "PLACEHOLDERS",
    "SEARCH_FOLDER",
    "SearchColumns",
    "SearchLog",
    "SearchLogData",
    "SearchTopic",
    "TermCount",
    "check_search_logs",
    "fold_term",
    "load_search_logs",
    "names_several",
    "search_log_files",
]

SEARCH_FOLDER = "analytics"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SearchColumns(_Model):
    """Which columns of the export hold what (their headings, ignoring case)."""

    term: Text = Field(description="Heading of the column with the search term.")
    searches: Text | None = Field(
        None,
        description="Heading of the column with how often the term was searched. Leave it "
        "out when the export has one row per search.",
    )
    results: Text | None = Field(
        None,
        description="Heading of the column with the number of results a search found; 0 "
        "means it found nothing. Leave it out when the export has none.",
    )


class SearchTopic(_Model):
    """The search terms that are about one need."""

    need: Id = Field(description="Id of the need these searches are about.")
    terms: list[Text] = Field(
        min_length=1,
        description="Terms as people type them. Case, accents and spacing do not matter; "
        "'*' stands for any text: 'verlof*' also finds 'verlof aanvragen', and '*verlof' "
        "finds 'ouderschapsverlof'.",
    )


class SearchLog(_Model):
    """``analytics/<name>.yaml``: how to read one search-log export."""

    id: Id
    title: Text = Field(description="Name of the log, shown in reports.")
    file: Text = Field(
        description="The export (.csv, .tsv or .txt; a workbook: .xlsx, .xlsm, .xls or "
        ".ods), relative to this YAML file. With * or ? it names several, read together "
        "as one log: the monthly exports of one search box (search-terms-*-2026.csv), "
        "side by side in the table per log, in the order of their months."
    )
    sheet: Text | None = Field(
        None,
        description="For a workbook: the name of the sheet with the search terms. "
        "Leave it out to read the first sheet that holds data.",
    )
    period: Text | None = Field(None, description="The period the log covers, e.g. 'May 2026'.")
    gap_from: int = Field(
        20,
        ge=1,
        description="Searches without results on one need, within this log, from which the "
        "need is marked as a content gap (twenty a month is the rule of thumb).",
    )
    columns: SearchColumns = Field(
        description="The headings of the columns with the term, its count and the results."
    )
    topics: list[SearchTopic] = Field(min_length=1, description="Which terms are about which need.")


@dataclass(frozen=True)
class TermCount:
    """One search term as read, folded with its variants."""

    text: str
    """The term as first written, lower-cased with single spaces (shown in reports)."""
    searches: int
    no_results: int
    """Searches of the term that found nothing (0 when the export has no results column)."""


@dataclass(frozen=True)
class SearchLogData:
    """A search log and its export, read: every term with its counts."""

    log: SearchLog
    path: Path
    """The YAML file."""
    how: HowRead
    """How the export was read."""
    terms: Mapping[str, TermCount]
    """Folded term (see :func:`fold_term`) -> its counts, in the order first seen."""
    has_results: bool
    """Whether the export says how many results each search found."""
    without_term: int
    """Searches left out of every count for want of a term: an empty cell, or a placeholder
    of the analytics tool (:data:`PLACEHOLDERS`)."""
    exports: tuple[str, ...] = ()
    """The names of the exports read, where ``file`` names several (how the first was
    read is :attr:`how`), in the order of their months (:func:`export_order`); with their
    folders where the pattern has some (``2026-05/terms.csv``); empty for one."""
    export_labels: tuple[str, ...] = ()
    """What each of :attr:`exports` is called in a report: what its name adds to the
    pattern (``mei`` of ``zoektermen-*-2026.csv``)."""
    export_searches: tuple[Mapping[str, int], ...] = ()
    """For each of :attr:`exports`: folded term -> its searches in that export (the
    months apart); empty for one."""

    @property
    def searches(self) -> int:
        return sum(t.searches for t in self.terms.values())


_SPACES = re.compile(r"\s+")

PLACEHOLDERS = frozenset({"(not set)", "(other)", "(not provided)"})
"""What Google Analytics writes in the search-term column for searches it has no term for
(or rolled up): not words anyone typed. Listed as a frequent search that no need covers,
"(not set)" would send a consultant looking for a need nobody has."""


def fold_term(text: str) -> str:
    """A term as it is compared: without accents or control characters, case-folded,
    single-spaced."""
    text = without_controls(text)
    if text.isascii():  # most terms: no accents to take off, and casefold() is lower()
        return " ".join(text.lower().split())
    return _SPACES.sub(" ", without_accents(text).casefold()).strip()


def search_log_files(study_root: Path) -> list[Path]:
    """The search-log definitions of a study: ``analytics/*.yaml``, sorted."""
    return yaml_files(study_root / SEARCH_FOLDER)


def load_search_logs(study: Study) -> tuple[SearchLogData, ...]:
    """Every search log of the study with its export read; raises with every problem."""
    logs, problems = _read_all(study)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    return tuple(logs)


def check_search_logs(study: StudyIds) -> list[Problem]:
    """Every problem in the study's search logs and their exports, for ``needmap validate``."""
    return _read_all(study)[1]


def _read_all(study: StudyIds) -> tuple[list[SearchLogData], list[Problem]]:
    logs: list[SearchLogData] = []
    problems: list[Problem] = []
    first: dict[str, Location] = {}
    readers: dict[tuple[str, str | None], _Reader] = {}
    for path in search_log_files(study.root):
        try:
            document = read_yaml_file(path)
        except NeedmapError as exc:
            problems.extend(exc.problems)
            continue
        found = list(document.problems)
        log = _definition(document, found)
        if isinstance(document.data, dict):
            found = one_per_place([*found, *_references(document, study)])
        found.extend(_id_used_before(document, first))
        if log is not None and not any(p.severity is Severity.ERROR for p in found):
            data = _read_export(log, document, study, found, readers)
            if data is not None:
                logs.append(data)
        problems.extend(found)
    return logs, sorted(problems, key=Problem.sort_key)


def _id_used_before(document: YamlDocument, first: dict[str, Location]) -> list[Problem]:
    """The log's id if an earlier file used it (checked on what was written); records it."""
    log_id = document.data.get("id") if isinstance(document.data, dict) else None
    if not isinstance(log_id, str):
        return []
    where = document.source.locate(("id",))
    if log_id not in first:
        first[log_id] = where
        return []
    return [
        Problem(
            where,
            f"search log id '{log_id}' is used twice (also at {first[log_id]})",
            key="id",
            hint="give each search log its own id, e.g. with the period",
        )
    ]


def _definition(document: YamlDocument, problems: list[Problem]) -> SearchLog | None:
    return validated_document(
        document,
        SearchLog,
        problems,
        expected="expected 'key: value' lines at the top of the search log",
        hint="start with 'id:', 'title:' and 'file:'; see docs/search-logs.md",
    )


def _references(document: YamlDocument, study: StudyIds) -> list[Problem]:
    """Needs the study does not define, and terms that would match every search; checked on
    what was written, so a log that fails the schema still gets them reported."""
    assert isinstance(document.data, dict)
    topics = document.data.get("topics")
    problems: list[Problem] = []
    for t, topic in enumerate(topics if isinstance(topics, list) else []):
        if not isinstance(topic, dict):
            continue
        path: tuple[str | int, ...] = ("topics", t, "need")
        where = document.source.locate(path)
        unknown = unknown_reference(study, "need", topic.get("need"), where, format_key(path))
        if unknown is not None:
            problems.append(unknown)
        terms = topic.get("terms")
        for n, term in enumerate(terms if isinstance(terms, list) else []):
            if isinstance(term, str) and term.strip() and not fold_term(term).strip("* "):
                path = ("topics", t, "terms", n)
                problems.append(
                    Problem(
                        document.source.locate(path),
                        f"'{term}' would match every search",
                        key=format_key(path),
                        hint="write the words the searches contain, e.g. 'verlof*'",
                    )
                )
    return problems


def _read_export(
    log: SearchLog,
    document: YamlDocument,
    study: StudyIds,
    problems: list[Problem],
    readers: dict[tuple[str, str | None], _Reader],
) -> SearchLogData | None:
    """The log's export read, or its several exports read as one (``file`` with ``*`` or
    ``?``): their terms summed; every problem of every export told. ``readers``: the
    exports earlier logs read (:func:`_read_by_another`)."""
    paths = _export_paths(log, document, study, problems)
    if not paths:
        return None
    folder = document.source.path.parent
    digests = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}
    paths = _each_once(paths, digests, document, problems)
    problems += _read_by_another(paths, digests, log, document, study, readers)
    tried = [_read_one(path, log, document, problems) for path in paths]  # all told
    read = [counted for counted in tried if counted is not None]
    if len(read) < len(tried):
        return None
    several = names_several(log.file) and len(read) > 1
    export_searches = (
        tuple({key: term.searches for key, term in counted[1].items()} for counted in read)
        if several
        else ()
    )
    terms, without_term = read[0][1], read[0][2]
    for _, file_terms, file_without in read[1:]:  # a pattern's further exports, added
        without_term += file_without
        for key, term in file_terms.items():
            known = terms.get(key)
            terms[key] = (
                term
                if known is None
                else TermCount(
                    known.text, known.searches + term.searches, known.no_results + term.no_results
                )
            )
    return SearchLogData(
        log,
        document.source.path,
        read[0][0],
        terms,
        log.columns.results is not None,
        without_term,
        tuple(path.relative_to(folder).as_posix() for path in paths)
        if names_several(log.file)
        else (),
        tuple(export_label(log.file, path.relative_to(folder)) for path in paths)
        if several
        else (),
        export_searches,
    )


def _each_once(
    paths: list[Path], digests: Mapping[Path, str], document: YamlDocument, problems: list[Problem]
) -> list[Path]:
    """The exports a pattern matches but those that are another byte for byte (a download
    saved twice: ``terms.csv`` and ``terms (1).csv``; ``digests``: each one's SHA-256),
    each told: read twice, their searches would count twice. Of such files, the one with
    the shortest name is read."""
    alike: dict[str, list[Path]] = {}
    for path in paths:
        alike.setdefault(digests[path], []).append(path)
    kept: set[Path] = set()
    for same in alike.values():
        first = min(same, key=lambda p: (len(p.name), p.name))
        kept.add(first)
        problems += [
            replace(
                _at(
                    document,
                    "file",
                    f"the export {path.name} is {first.name} again, byte for byte: read once",
                    f"delete {path.name} (a download saved twice)",
                ),
                severity=Severity.WARNING,
            )
            for path in same
            if path != first
        ]
    return [path for path in paths if path in kept]


@dataclass(frozen=True)
class _Reader:
    """The log that read an export first, to name where another reads it again."""

    log: str
    definition: str
    """Its YAML file, relative to the study."""
    export: str
    """The export, relative to the study."""


def _read_by_another(
    paths: list[Path],
    digests: Mapping[Path, str],
    log: SearchLog,
    document: YamlDocument,
    study: StudyIds,
    readers: dict[tuple[str, str | None], _Reader],
) -> list[Problem]:
    """A warning for each of the log's exports that an earlier log read too (one file
    named by two logs, or matched by one's pattern and named by the other), or a copy of
    one, byte for byte (the same sheet of it, where the log names one): its searches
    count twice as evidence, once in each log. Each export is recorded in ``readers``.
    Two logs of one workbook's two sheets read other searches: not told."""
    found: list[Problem] = []
    definition = document.source.path.relative_to(study.root).as_posix()
    for path in paths:
        export = path.relative_to(study.root).as_posix()
        key = (digests[path], log.sheet)
        before = readers.setdefault(key, _Reader(log.id, definition, export))
        if before.definition == definition:
            continue
        if before.export == export:
            message = f"search log '{before.log}' ({before.definition}) reads {export} too"
            hint = "give each log an export of its own, or put the topics of both in one log"
        else:
            message = (
                f"the export {export} is {before.export} again, byte for byte, which search "
                f"log '{before.log}' ({before.definition}) reads"
            )
            hint = (
                f"delete {path.name} (a download saved twice) and name this log's own export "
                "in file:, or put the topics of both in one log"
            )
        found.append(
            replace(
                _at(document, "file", f"{message}: its searches count twice as evidence", hint),
                severity=Severity.WARNING,
            )
        )
    return found


def names_several(file: str) -> bool:
    """Whether a log's ``file`` is a pattern (``*`` or ``?``) naming several exports."""
    return any(mark in file for mark in "*?")


def _export_paths(
    log: SearchLog, document: YamlDocument, study: StudyIds, problems: list[Problem]
) -> list[Path]:
    """The exports ``file`` names, each inside the study folder and there; with ``*`` or
    ``?``, those it matches (of the kinds needmap reads), in the order of their months
    (:func:`export_order`)."""
    folder = document.source.path.parent
    if names_several(log.file) and Path(log.file).is_absolute():  # glob() takes none
        problems.append(_outside(log, document))
        return []
    if names_several(log.file):
        paths = sorted(
            (p for p in folder.glob(log.file) if p.is_file() and p.suffix.lower() in READABLE),
            key=lambda p: (export_order(p.relative_to(folder)), p.name),
        )
        if not paths:
            problems.append(
                _at(
                    document,
                    "file",
                    f"no export matches '{log.file}'",
                    f"put the exports in {(folder / log.file).parent}, or correct file:",
                )
            )
            return []
    else:
        paths = [folder / log.file]
    refused = None
    for path in paths:
        if not path.resolve().is_relative_to(study.root.resolve()):
            refused = _outside(log, document)
        elif not path.is_file():
            meant = nearest_file(path, READABLE)
            refused = _at(
                document,
                "file",
                f"the export '{log.file}' is not there",
                f"put the export in {path.parent}, or correct file:"
                + (f" (did you mean '{meant.name}'?)" if meant is not None else ""),
            )
        elif log.sheet is not None and path.suffix.lower() not in WORKBOOKS:
            refused = _at(
                document,
                "sheet",
                f"sheet: names a sheet, but {path.name} is not a workbook (.xlsx, .ods…)",
                "leave sheet: out for a CSV export",
            )
        if refused is not None:
            problems.append(refused)
            return []
    return paths


def _outside(log: SearchLog, document: YamlDocument) -> Problem:
    """The problem of an export outside the study folder: a study is shared and reviewed
    like code; its reports should not read files from elsewhere on the machine of whoever
    runs them."""
    return _at(
        document,
        "file",
        f"the export '{log.file}' is outside the study folder",
        "copy the export into analytics/ and name it here",
    )


def _read_one(
    path: Path, log: SearchLog, document: YamlDocument, problems: list[Problem]
) -> tuple[HowRead, dict[str, TermCount], int] | None:
    """One export's terms and its searches without a term, with how it was read; None,
    with the problems told, where it cannot be read."""
    try:
        table = open_table(path, log.sheet)
    except SheetNotFound as exc:
        problems.append(
            _at(
                document,
                "sheet",
                f"the workbook {path.name} has no sheet '{log.sheet}'",
                exc.problems[0].hint,
            )
        )
        return None
    except NeedmapError as exc:
        problems.extend(exc.problems)
        return None
    lacking: list[Problem] = []
    columns = _columns(log, table, document, lacking)
    if columns is None and log.sheet is None:  # a sheet of notes before the terms, say
        fitting = other_sheets_that_fit(table, lambda other: _columns(log, other, document, []))
        if len(fitting) == 1:  # of several, the log names one with sheet: (as the hint says)
            [(table, columns)] = fitting
    if columns is None:
        problems.extend(lacking)
        return None
    found = Problems.of(table)
    terms, without_term = _count_terms(table, columns, found)
    problems.extend(found.all())
    return table.how, terms, without_term


def _at(document: YamlDocument, key: str, message: str, hint: str) -> Problem:
    """A problem with the value of the log's top-level ``key``."""
    return Problem(document.source.locate((key,)), message, key=key, hint=hint)


def _columns(
    log: SearchLog, table: Table, document: YamlDocument, problems: list[Problem]
) -> tuple[int, int | None, int | None] | None:
    """The 0-based positions of the term, searches and results columns, found by their
    headings as a survey's columns are (:func:`~needmap.surveys.tables.column_of`). Each
    heading the export lacks is a problem; when it has none of them, that is one problem
    (another sheet or another export is read than the log is written for), told at the
    term's column."""
    fields = [f for f in ("term", "searches", "results") if getattr(log.columns, f) is not None]
    positions = {f: table.column(getattr(log.columns, f)) for f in fields}
    missing = [f for f in fields if positions[f] is None]
    if len(missing) > 1 and missing == fields:
        headings = ", ".join(f"'{getattr(log.columns, f)}'" for f in fields)
        problems.append(_no_column(document, table, "term", f"none of the columns {headings}"))
        return None
    for field in missing:
        heading = getattr(log.columns, field)
        problems.append(_no_column(document, table, field, f"no column '{heading}'", heading))
    if missing:
        return None
    term, searches, results = (positions.get(f) for f in ("term", "searches", "results"))
    assert term is not None
    return term, searches, results


def _no_column(
    document: YamlDocument, table: Table, field: str, lacks: str, heading: str = ""
) -> Problem:
    """The export lacks the column of ``columns.field`` (``lacks`` says which, or that it
    lacks them all): the ``heading`` meant, when one is like it, or those it has."""
    path = ("columns", field)
    return Problem(
        document.source.locate(path),
        f"the export {table.path.name} has {lacks}",
        key=format_key(path),
        hint=(heading and did_you_mean(heading, table.header, ignore_case=True))
        or "its columns are: " + ", ".join(h for h in table.header if h) + _other_sheets(table),
    )


def _other_sheets(table: Table) -> str:
    """For a workbook of several sheets: which was read, and how to read another."""
    others = ", ".join(f"'{s}'" for s in table.sheets if s != table.sheet)
    if not others:
        return ""
    return f" (on sheet '{table.sheet}'; the workbook also has {others}: name one with sheet:)"


_WHOLE = re.compile(r"\d{1,15}|\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\1\d{3}){0,3}")
"""A whole number, with or without thousands separators as Excel writes them: 1234, 1.234,
1,234 or 1 234; at most 15 digits, as no log counts more searches (and Python refuses to
convert numbers of thousands of digits)."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_CELLS: Mapping[str, tuple[re.Pattern[str], str]] = {
    "searches": (_WHOLE, "the column should hold how often the term was searched, e.g. 12"),
    "results": (_NUMBER, "the column should hold how many results the search found; 0 means none"),
}
"""The pattern of each count column, and the hint when a cell does not fit it."""


def _count_terms(
    table: Table, columns: tuple[int, int | None, int | None], problems: Problems
) -> tuple[dict[str, TermCount], int]:
    term_at, searches_at, results_at = columns
    needed = max(c for c in columns if c is not None)
    per_cell: dict[str, list[int]] = {}
    """Counts per term cell as written; folded once per distinct cell after the loop."""
    seen = FirstRows()
    """Of a log with counts: a report lists a term once (per day, per page, where it has
    such a column), so a row given again word for word is the rows of two exports joined.
    Of one row per search, rows alike are searches alike."""
    try:
        for row in table.rows:
            if len(row) <= needed:
                if any(cell.strip() for cell in row) and not problems.quote_left_open(table, row):
                    problems.add(
                        "short rows",
                        table.line(),
                        None,
                        f"the row has {plural(len(row), 'cell')}; the columns need {needed + 1}",
                        hint="export the log again, or remove the broken row",
                    )
                continue
            text = row[term_at]
            searches = 1
            if searches_at is not None:
                cell = _number_cell(row, searches_at, "searches", table, problems)
                if cell is None:
                    continue
                searches = int(re.sub(r"\D", "", cell))
            none_found = 0
            if results_at is not None:
                cell = _number_cell(row, results_at, "results", table, problems)
                if cell is None:
                    continue
                none_found = searches if not cell.strip("0.,") else 0
            if searches_at is not None and (first := seen.earlier(row, table)) is not None:
                problems.row_again(table, first, _LEFT_OUT, _REPEATED_HINT)
                continue
            tally = per_cell.get(text)
            if tally is None:
                if "\n" in text and problems.quote_left_open(table, row):
                    continue  # a search term never holds a line break
                per_cell[text] = [searches, none_found]
            else:
                tally[0] += searches
                tally[1] += none_found
    except table.errors as exc:
        found = table.unreadable(exc)
        problems.add("unreadable", found.location.line, None, found.message, hint=found.hint)
    return _folded(per_cell)


_LEFT_OUT = ": left out, so that its searches count once"
_REPEATED_HINT = (
    "a report lists each term once: two exports joined keep the rows they share; "
    "delete the rows repeated"
)
"""What is said of a row of a log with counts given again (:meth:`Problems.row_again`)."""


def _number_cell(
    row: list[str], at: int, what: str, table: Table, problems: Problems
) -> str | None:
    """The cell at ``at`` if it holds a number of ``what``; else None, with the problem."""
    cell = row[at].strip()
    pattern, hint = _CELLS[what]
    if pattern.fullmatch(cell):
        return cell
    if problems.quote_left_open(table, row) or problems.heading_again(table, row):
        return None
    message = (
        f"'{cell[:20]}' is not a number of {what}" if cell else f"the number of {what} is empty"
    )
    problems.add(f"not a number of {what}", table.line(), at + 1, message, hint=hint)
    return None


def _folded(per_cell: Mapping[str, list[int]]) -> tuple[dict[str, TermCount], int]:
    """The counts of cells that fold to the same term, summed; and the searches of cells
    without a term (empty, or a :data:`PLACEHOLDERS` value), which are left out."""
    counts: dict[str, list[int]] = {}
    shown: dict[str, str] = {}
    without_term = 0
    for text, (searches, none_found) in per_cell.items():
        key = fold_term(text)
        if not key or key in PLACEHOLDERS:
            without_term += searches
            continue
        tally = counts.setdefault(key, [0, 0])
        tally[0] += searches
        tally[1] += none_found
        shown.setdefault(key, " ".join(without_controls(text).split()).lower())
    return {key: TermCount(shown[key], s, n) for key, (s, n) in counts.items()}, without_term
