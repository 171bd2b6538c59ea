"""Interview notes kept in a spreadsheet, one row per quote, written into the study as an
interview file.

Consultants often code quotes in Excel during a round of interviews: a row per quote, with
the group, the date and the needs it bears on. Retyping that as YAML loses an afternoon and
invites typos, so this reads the sheet (CSV or a workbook, as :func:`open_table` reads survey
exports), resolves groups and needs by id or by name, and writes one new file in
``interviews/`` that ``needmap validate`` accepts as it stands. Every problem is reported at
its row and column before anything is written.

Rows are gathered into interviews by the ``interview`` column, whose group one of its rows
gives (the others may leave it out), or, without that column, by group and date. A column
the sheet has but needmap does not know (a participant's name, their department) is left
out, and said so: reports must not name people.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from needmap.controls import fold_text, without_controls
from needmap.errors import InvalidStudyError, Location, Problem, Severity
from needmap.personas.messages import ids_listed, name_hint, personal_data_warning
from needmap.personas.schema import Language, id_from, year_first
from needmap.personas.study import Study
from needmap.personas.written_dates import month_named
from needmap.personas.yamledit import yaml_scalar
from needmap.scrub import scrub
from needmap.shell import command_word
from needmap.surveys.file_notes import file_notes
from needmap.surveys.interviews import both_sides_warning, free_interview_id, interviews_by_file
from needmap.surveys.tables import Table, formula_at, open_table

__all__ = [
    "SHEET_COLUMNS",
    "SheetInterview",
    "SheetQuote",
    "interview_item_yaml",
    "interview_sheet_yaml",
    "quote_item_yaml",
    "read_interview_sheet",
    "sheet_file_stem",
    "source_comment",
]

SHEET_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "interview": ("interview", "gesprek"),
    "group": ("group", "groep", "doelgroep", "target group"),
    "date": ("date", "datum"),
    "participants": (
        "participants",
        "deelnemers",
        "number of participants",
        "aantal deelnemers",
        "aantal",
    ),
    "quote": ("quote", "citaat", "text", "tekst"),
    "needs": ("needs", "behoeften", "supports", "ondersteunt"),
    "questions": ("questions", "betwijfelt", "casts doubt on", "twijfel"),
    "notes": ("notes", "notities", "aantekeningen"),
}
"""Each field and the headings (any case or spacing; English or Dutch) a sheet may give
its column."""
_DUTCH_HEADINGS = frozenset(
    {
        "gesprek",
        "groep",
        "doelgroep",
        "datum",
        "deelnemers",
        "aantal deelnemers",
        "aantal",
        "citaat",
        "tekst",
        "behoeften",
        "ondersteunt",
        "betwijfelt",
        "twijfel",
        "notities",
        "aantekeningen",
    }
)
"""The Dutch headings of :data:`SHEET_COLUMNS`: a sheet headed with one is told the
columns needmap reads by their Dutch names (the second of each field's)."""

_REQUIRED = ("group", "quote")
_SPLIT_SEGMENTS = re.compile(r"[;\n]")
"""Between needs always; a comma too, unless it is part of a need's title."""
_TIME = re.compile(r"(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
"""What may follow a date: the time of an Excel date cell, which the interview file drops."""
_TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?")
"""A time with no day: what calamine reads from a cell formatted as a time."""
_EXCEL_DAY_ZERO = datetime.date(1899, 12, 30)
"""The day before Excel's day 1 (1900-01-01), counting its leap day of 1900 that never was:
right for every day from March 1900 on."""
_EXCEL_DAYS = range(36526, 73051)
"""The day numbers of 2000-01-01 to 2099-12-31: a date column that lost its format (values
pasted, a CSV saved from it) shows them instead of dates."""


@dataclass(frozen=True)
class SheetQuote:
    text: str
    needs: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass
class SheetInterview:
    """One interview as the sheet's rows give it."""

    id: str
    """Its id; while the rows are read, the sheet's name for it (or empty)."""
    group: str
    line: int
    """The sheet's row where it starts."""
    date: str | None = None
    participants: int | None = None
    notes: list[str] = field(default_factory=list)
    quotes: list[SheetQuote] = field(default_factory=list)
    quote_lines: dict[SheetQuote, int] = field(default_factory=dict, repr=False, compare=False)
    """The sheet's row of each quote: where a quote given again (two sheets pasted into
    one) was given first."""


@dataclass(frozen=True)
class _Columns:
    index: Mapping[str, int]
    """Field -> column index, for the columns the sheet has."""
    headings: Mapping[str, str]
    """Field -> its column's heading as the sheet writes it ('citaat' for the quote)."""
    sheet: str | None = None
    """A workbook of several sheets (as ``guide --sheet`` writes): the one read, which
    each problem's cell names."""
    dutch: bool = False
    """Whether the sheet is headed in Dutch (:data:`_DUTCH_HEADINGS`)."""

    def named(self, name: str) -> str:
        """The heading of a field's column, for a hint: as the sheet has it, or (for a
        column it lacks) in the sheet's language: a Dutch sheet was told to head a column
        'questions' beside its 'Behoeften'."""
        return self.headings.get(name) or SHEET_COLUMNS[name][1 if self.dutch else 0]

    def cell(self, row: Sequence[str], name: str) -> str:
        i = self.index.get(name)
        return without_controls(row[i]).strip() if i is not None and i < len(row) else ""

    def at(self, path: Path, line: int, name: str) -> Location:
        i = self.index.get(name)
        return Location(path, line, None if i is None else i + 1, self.sheet)


def read_interview_sheet(
    study: Study, path: Path, into: Path | None = None
) -> tuple[list[SheetInterview], list[Problem]]:
    """The interviews in the sheet at ``path``, and the warnings; raise with every error.

    ``into`` is the interview file this sheet was imported into before: the ids in it are
    the sheet's own, so they are given again rather than counted as taken."""
    table = open_table(path, strict=True)  # a quote typed in a cell runs on: refuse it
    problems: list[Problem] = []
    columns = _columns(table, problems)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    rows: list[tuple[int, list[str]]] = []
    unreadable: list[Problem] = []
    start = table.line() + 1
    try:
        for row in table.rows:
            if table.heading_again(row):
                problems.append(
                    Problem(
                        Location(path, table.line(), sheet=columns.sheet),
                        "this row repeats the heading row: left out",
                        hint="delete it (two sheets pasted into one keep both heading rows)",
                        severity=Severity.WARNING,
                    )
                )
            else:
                rows.append((table.line(), row))
            start = table.line() + 1
    except table.errors as exc:
        unreadable.append(table.unreadable(exc, start))
    interviews: dict[str, SheetInterview] = {}
    sheet = _Sheet(
        path,
        columns,
        _Resolver(study),
        _interview_groups(rows, columns),
        table.how.sheet,
        study.own_names,
        _rows_above(rows, columns),
    )
    for line, row in rows:
        _read_row(row, line, sheet, interviews, problems)
    problems += unreadable
    found = list(interviews.values())
    if not found and not any(p.severity is Severity.ERROR for p in problems):
        problems.append(
            Problem(
                Location(path),
                "the sheet has no quotes",
                hint="one row per quote, under the heading row",
            )
        )
    beside = _unnamed_beside_named(found)
    _give_ids(found, study, path, problems, into, columns.named("interview"))
    problems += [_beside_named(*pair, sheet) for pair in beside]
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    return found, problems


def _second_column(table: Table, i: int, first: str) -> Problem:
    """A column headed as an earlier one is (two 'Citaat' columns): only one is read, and
    what the other holds would be left out without a word."""
    return Problem(
        Location(table.path, 1, i + 1, table.sheet_of_cells),
        f"a second column for what the column '{first}' holds: needmap reads one",
        hint="move what this column holds into the first, or head it so that needmap "
        f"leaves it out ('{first} 2')",
    )


def _columns(table: Table, problems: list[Problem]) -> _Columns:
    index: dict[str, int] = {}
    headings: dict[str, str] = {}
    unknown: list[str] = []
    for i, heading in enumerate(table.header):
        folded = fold_text(heading)
        name = next((f for f, names in SHEET_COLUMNS.items() if folded in names), None)
        if name is not None and name in index:
            problems.append(_second_column(table, i, headings[name]))
        elif name is not None:
            index[name] = i
            headings[name] = " ".join(heading.split())
        elif heading.strip():
            unknown.append(heading.strip())
    for name in _REQUIRED:
        if name not in index:
            problems.append(
                Problem(
                    Location(table.path, 1),
                    f"no '{name}' column in the heading row",
                    hint=f"head a column '{name}' (or '{SHEET_COLUMNS[name][1]}'); the sheet has: "
                    + ", ".join(f"'{h}'" for h in table.header[:12] if h.strip()),
                )
            )
    dutch = any(fold_text(h) in _DUTCH_HEADINGS for h in headings.values())
    if unknown:
        problems.append(
            Problem(
                Location(table.path, 1),
                "not imported: the column"
                + ("s " if len(unknown) > 1 else " ")
                + ", ".join(f"'{h}'" for h in unknown),
                hint="needmap reads "
                + ", ".join(names[1 if dutch else 0] for names in SHEET_COLUMNS.values())
                + "; leave out names, reports must not show who said what",
                severity=Severity.WARNING,
            )
        )
    return _Columns(index, headings, table.sheet_of_cells, dutch)


class _Resolver:
    """Groups and needs by id, or by name or title in any case."""

    def __init__(self, study: Study) -> None:
        self.groups = _by_id_or_name({g.id: g.name for g in study.groups})
        self.needs = _by_id_or_name({n.id: n.title for n in study.needs})
        self.group_names = {g.id: g.name for g in study.groups}
        self.need_titles = {n.id: n.title for n in study.needs}
        self.needs_listed = f"needmap needs list {command_word(study.root)} lists them"


def _by_id_or_name(names: Mapping[str, str]) -> dict[str, str]:
    """Folded text (:func:`_fold`) -> id, for each id and each name."""
    found = {_fold(name): item for item, name in names.items()}
    found.update({_fold(item): item for item in names})
    return found


def _fold(text: str) -> str:
    """Case, and spaces against hyphens, do not matter: 'Knowledge base' is knowledge-base;
    nor does what a survey answer's comparison leaves out (:func:`fold_text`)."""
    return fold_text(text.replace("_", " ").replace("-", " ")).replace(" ", "-")


@dataclass(frozen=True)
class _Sheet:
    """What every row is read against: the sheet's columns, the study's groups and needs,
    and the group each named interview gives on one of its rows."""

    path: Path
    columns: _Columns
    resolver: _Resolver
    interview_groups: Mapping[str, str]
    name: str | None = None
    """The workbook's sheet that was read; None for a CSV file."""
    own_names: Collection[str] = frozenset()
    """The words of the organisation's name (:attr:`Study.own_names`): a quote or a cell
    that names it ("bij Van Dijk") names no person."""
    above: Mapping[int, tuple[int, str]] = field(default_factory=dict)
    """Each row that names neither its interview nor its group -> the nearest row above it
    that names one, and that name: the row was likely meant to go with it (see
    :func:`_rows_above`)."""

    def quote(self, text: str, limit: int = 80) -> str:
        """``text`` of a cell as a problem message quotes it: scrubbed and shortened."""
        return scrub(text, limit, keep=self.own_names)


_EXCEL_ERRORS = frozenset(
    (
        *("#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!"),
        *("#NAAM?", "#WAARDE!", "#VERW!", "#DEEL/0!", "#N/B", "#GETAL!", "#LEEG!"),
    )
)
"""What Excel shows in a cell whose formula fails, in English and in Dutch; a quote typed
starting with ``-`` or ``+`` ("- we search") becomes a formula that shows ``#NAME?``
(``#NAAM?``), which a CSV saved from the sheet keeps as text."""


def _no_quote_hint(sheet: _Sheet, line: int) -> str:
    """What to do about a row tagged with needs whose quote reads as empty: write it; or,
    where Excel took the quote for a formula (typed starting with ``-``, ``+`` or ``=``),
    type it as text."""
    column = sheet.columns.at(sheet.path, line, "quote").column
    formula = None if column is None else formula_at(sheet.path, sheet.name, line, column)
    if formula is None:
        return f"write what was said in the '{sheet.columns.named('quote')}' column"
    typed = formula[1:] if formula[1:2] in ("-", "+") else formula
    return (
        f"the cell holds a formula ({sheet.quote(formula, 40)}), not text: Excel takes what is "
        f"typed starting with =, + or - for one. Type it with a ' in front, "
        f"'{sheet.quote(typed, 40)}, so that it stays text"
    )


def _interview_groups(rows: Sequence[tuple[int, list[str]]], columns: _Columns) -> dict[str, str]:
    """Each interview name -> the group written on the first of its rows that gives one.
    The other rows of the interview may leave the group out, whichever row gives it: one
    fills in the interview's first row, then notes its quotes below."""
    found: dict[str, str] = {}
    for _, row in rows:
        name, group = columns.cell(row, "interview"), columns.cell(row, "group")
        if name and group:
            found.setdefault(name, group)
    return found


def _rows_above(
    rows: Sequence[tuple[int, list[str]]], columns: _Columns
) -> dict[int, tuple[int, str]]:
    """Each row that names neither an interview nor a group -> the line and name of the
    nearest row above that names one (its interview, or without that column its group).
    One fills in an interview's first row and types its quotes below; left empty, their
    cells do not say "as above" (rows may be sorted, and an interview's quotes typed at the
    bottom of the sheet), so such a row is refused, and its hint names the row above."""
    field_name = "interview" if "interview" in columns.index else "group"
    found: dict[int, tuple[int, str]] = {}
    last: tuple[int, str] | None = None
    for line, row in rows:
        named = columns.cell(row, field_name)
        if named:
            last = (line, named)
        elif last is not None and not columns.cell(row, "group"):
            found[line] = last
    return found


def _read_row(
    row: list[str],
    line: int,
    sheet: _Sheet,
    interviews: dict[str, SheetInterview],
    problems: list[Problem],
) -> None:
    if not any(cell.strip() for cell in row):
        return
    columns = sheet.columns
    before = len(problems)

    def problem(name: str, message: str, hint: str) -> None:
        problems.append(Problem(columns.at(sheet.path, line, name), message, hint=hint))

    def refused() -> bool:
        """Whether the row has an error so far (its warnings do not refuse it)."""
        return any(p.severity is Severity.ERROR for p in problems[before:])

    named = columns.cell(row, "interview")
    group = _row_group(row, line, sheet, problems)
    date = _date(columns.cell(row, "date"))
    if date is None:
        problem("date", *_date_problem(columns.cell(row, "date"), sheet))
    participants = _participants(columns.cell(row, "participants"))
    if participants == 0:
        problem(
            "participants",
            f"'{sheet.quote(columns.cell(row, 'participants'))}' is not a number of participants",
            "write how many people took part: 1, or more for a focus group",
        )
    tags = {name: _tags(row, sheet, name, line, problems) for name in ("needs", "questions")}
    text = columns.cell(row, "quote")
    if text.strip() in _EXCEL_ERRORS:  # a CSV saved from a sheet keeps the error's text
        problem(
            "quote",
            f"the quote reads {text.strip()}: an error Excel shows for a formula",
            "Excel takes what is typed starting with =, + or - for a formula; type the quote "
            "again with a ' in front, so that it stays text",
        )
    if text and not tags["needs"] and not tags["questions"] and not refused():
        problem(
            "needs",
            "this quote is tagged with no need",
            f"name the needs it supports under '{columns.named('needs')}' (or casts doubt on "
            f"under '{columns.named('questions')}')",
        )
    if not text and (tags["needs"] or tags["questions"]):
        problem("quote", "needs without a quote", _no_quote_hint(sheet, line))
    lists = (f"'{columns.named('needs')}'", f"'{columns.named('questions')}'")
    problems += [
        both_sides_warning(
            columns.at(sheet.path, line, "questions"), need, f"under {lists[0]}", lists
        )
        for need in tags["questions"]
        if need in tags["needs"]
    ]
    if group is None:
        return
    # A row with a problem is still compared with its interview's other rows below.
    empty = not text and participants is None and not columns.cell(row, "notes")
    if empty and not refused():
        return  # a row set out for an interview not held yet (as guide --sheet writes them)
    count = participants or None  # 0: not a number, told above
    key = named or f"{group}\x1f{date or ''}"
    interview = interviews.get(key)
    if interview is None:
        interview = interviews[key] = SheetInterview(named, group, line, date or None, count)
        if date and date > datetime.date.today().isoformat():
            problems.append(
                Problem(
                    columns.at(sheet.path, line, "date"),
                    f"this interview is dated {date}, after today, yet every report will "
                    "count it as held",
                    hint="write the day it was held; an interview still to come belongs in "
                    "the sheet once it is held",
                    severity=Severity.WARNING,
                )
            )
    else:
        _check_same(interview, group, date, count, sheet, line, problems)
    if refused():  # the row's quote is not taken: the import is refused
        return
    note = columns.cell(row, "notes")
    if note and note not in interview.notes:
        interview.notes.append(note)
    quote = SheetQuote(text, tags["needs"], tags["questions"])
    if text and quote in interview.quote_lines:
        problems.append(
            Problem(
                columns.at(sheet.path, line, "quote"),
                f"this quote is on line {interview.quote_lines[quote]} too, in the same "
                "interview, with the same needs: left out, so that it counts once",
                hint="two sheets pasted into one keep the rows they share; delete this row",
                severity=Severity.WARNING,
            )
        )
    elif text:
        interview.quotes.append(quote)
        interview.quote_lines[quote] = line
        warning = personal_data_warning(
            columns.at(sheet.path, line, "quote"), text, keep=sheet.own_names
        )
        if warning is not None:
            problems.append(warning)


def _row_group(row: list[str], line: int, sheet: _Sheet, problems: list[Problem]) -> str | None:
    """The id of the row's group: its own, or its named interview's (given on another
    row); None, with a problem, where the row gives one that is unknown or none at all."""
    columns, resolver = sheet.columns, sheet.resolver
    named = columns.cell(row, "interview")
    own_group = columns.cell(row, "group")
    group_text = own_group or sheet.interview_groups.get(named, "")
    group = resolver.groups.get(_fold(group_text))
    if group is None and group_text == own_group:  # else told at the row that gives it
        where = (
            f", on this row or another of interview '{sheet.quote(named)}'"
            if named
            else ", or the name of an interview that another row gives it"
            if "interview" in columns.index
            else ""
        )
        above = sheet.above.get(line)
        before = ""
        if above is not None:
            before = (
                f"for a quote of row {above[0]}'s interview, write its name "
                f"('{sheet.quote(above[1])}') in the '{columns.named('interview')}' column, as "
                "on each row of its quotes"
                if "interview" in columns.index
                else f"for a quote of row {above[0]}'s interview, write its group "
                f"('{sheet.quote(above[1])}') and date on this row too"
            ) + ": a row is not counted with the rows above it. Or "
        problems.append(
            Problem(
                columns.at(sheet.path, line, "group"),
                f"unknown group '{sheet.quote(group_text)}'"
                if group_text
                else "no group on this row",
                hint=name_hint(group_text, resolver.group_names)
                or before
                + f"write a group's id or name, as in groups.yaml{where}; the groups: "
                + ids_listed(list(resolver.group_names)),
            )
        )
    return group


def _check_same(
    interview: SheetInterview,
    group: str,
    date: str | None,
    participants: int | None,
    sheet: _Sheet,
    line: int,
    problems: list[Problem],
) -> None:
    """A problem where a further row of the interview differs from its first row (groups
    told by name, as the sheet has them); else what the first rows left empty, filled in."""
    columns, names = sheet.columns, sheet.resolver.group_names
    for name, first, here in (
        ("group", interview.group, group),
        ("date", interview.date, date or None),
        ("participants", interview.participants, participants),
    ):
        if here is not None and first is not None and here != first:
            if name == "group":
                first, here = f"'{names[str(first)]}'", f"'{names[str(here)]}'"
            problems.append(
                Problem(
                    columns.at(sheet.path, line, name),
                    f"this interview's {name} was {first} on row {interview.line}, here {here}",
                    hint=f"give each interview its own value in the '{columns.named('interview')}' "
                    "column"
                    if "interview" in columns.index
                    else "rows of one group and date are one interview: add an 'interview' "
                    "column to tell them apart",
                )
            )
            return
    if interview.date is None and date:
        interview.date = date
    if interview.participants is None:
        interview.participants = participants


def _date(text: str) -> str | None:
    """YYYY-MM-DD ("" when empty); None when it is not a date. Excel's date cells read as
    ``2026-03-02 00:00:00`` (or with the time of the interview), or as the day number
    ``46083`` where the column lost its format; Dutch sheets write 02-03-2026, and a cell
    shown or typed with the month's name reads "2 mrt 2026" (:func:`month_named`)."""
    if not text:
        return ""
    if text.isascii() and text.isdigit() and int(text) in _EXCEL_DAYS:
        return (_EXCEL_DAY_ZERO + datetime.timedelta(days=int(text))).isoformat()
    written = year_first(text) or month_named(text)
    candidate = written or text[:10]
    if written is None and not _TIME.fullmatch(text[10:]):
        return None
    try:
        return datetime.date.fromisoformat(candidate).isoformat()
    except ValueError:
        return None


def _date_problem(text: str, sheet: _Sheet) -> tuple[str, str]:
    """The message and hint for a date cell that is not one; a cell formatted as a time
    shows only the hour, and says so."""
    hint = "write it as YYYY-MM-DD (2026-03-02) or DD-MM-YYYY (02-03-2026)"
    if _TIME_ONLY.fullmatch(text):
        return f"'{text}' is a time, not a date", f"the cell is formatted as a time; {hint}"
    return f"'{sheet.quote(text)}' is not a date", hint


_PARTICIPANTS = re.compile(r"(\d+)(?:\.0+)?(?:\s+[^\W\d_]+\.?)?")
"""A whole number of people, as a cell holds it: ``3``, ``3.0`` (a number cell as text),
or followed by one word (``3 people``, ``3 deelnemers``, ``2 nurses``). Not ``3-4``, nor
``2 nurses and a doctor``: a count that the words after it may change."""


def _participants(text: str) -> int | None:
    """The number, None when empty, 0 when it is not a whole number of at least 1."""
    if not text:
        return None
    match = _PARTICIPANTS.fullmatch(text)
    return int(match[1]) if match is not None and int(match[1]) >= 1 else 0


def _tags(
    row: Sequence[str], sheet: _Sheet, name: str, line: int, problems: list[Problem]
) -> tuple[str, ...]:
    """The needs named in a cell, in order, each once. Titles may hold commas ("Leave,
    expenses, my details"), so comma-separated pieces are joined again where together they
    name a need, the longest first."""
    columns, resolver = sheet.columns, sheet.resolver
    found: list[str] = []
    for segment in _SPLIT_SEGMENTS.split(columns.cell(row, name)):
        pieces = [piece.strip() for piece in segment.split(",") if piece.strip()]
        i = 0
        while i < len(pieces):
            need, size = next(
                (
                    (resolver.needs[key], size)
                    for size in range(len(pieces) - i, 0, -1)
                    if (key := _fold(", ".join(pieces[i : i + size]))) in resolver.needs
                ),
                (None, 1),
            )
            if need is None:
                problems.append(
                    Problem(
                        columns.at(sheet.path, line, name),
                        f"unknown need '{sheet.quote(pieces[i])}'",
                        hint=name_hint(pieces[i], resolver.need_titles)
                        or "write need ids or titles, as in needs.yaml, separated by commas "
                        f"({resolver.needs_listed})",
                    )
                )
            elif need not in found:
                found.append(need)
            i += size
    return tuple(found)


def _unnamed_beside_named(
    interviews: Sequence[SheetInterview],
) -> list[tuple[SheetInterview, SheetInterview, str]]:
    """Each interview of rows that name none, with the named interview of the same group
    and date and that one's name: as ``guide --sheet`` sets a sheet out, quotes typed
    below an interview's row with its group and date but not its name were meant for it,
    and would otherwise count as a second interview with the group that day. Called
    before the ids are given, while an interview's id is the sheet's name for it."""
    named: dict[tuple[str, str | None], SheetInterview] = {}
    for interview in interviews:
        if interview.id:
            named.setdefault((interview.group, interview.date), interview)
    return [
        (interview, other, other.id)
        for interview in interviews
        if not interview.id and (other := named.get((interview.group, interview.date)))
    ]


def _beside_named(
    unnamed: SheetInterview, named: SheetInterview, name: str, sheet: _Sheet
) -> Problem:
    """The problem that ``unnamed`` (its id given) would be an interview of its own beside
    ``named``, whose name on the sheet is ``name``: which the rows were meant for, only
    the sheet's author knows, as with a row that names neither interview nor group."""
    heading = sheet.columns.named("interview")
    return Problem(
        sheet.columns.at(sheet.path, unnamed.line, "interview"),
        f"this row names no interview, but interview '{sheet.quote(name)}' of line "
        f"{named.line} has its group and date: is it that one, or a second that day?",
        hint=f"write '{sheet.quote(name)}' under '{heading}' on this row and the rows below "
        "it of the same group and date that name none; for a second interview, a name of "
        f"its own ('{unnamed.id}')",
    )


def _give_ids(
    interviews: Sequence[SheetInterview],
    study: Study,
    path: Path,
    problems: list[Problem],
    into: Path | None,
    named: str,
) -> None:
    """Each interview's id: the sheet's, made a valid id, or GROUP-DATE; a generated id
    steps aside for one the study or the sheet has (-2, -3), a given one must be free.
    The ids of ``into`` (the file an earlier import of the sheet wrote) are not taken;
    ``named`` is the heading of the sheet's interview column."""
    existing = {interview.id for file, interview in interviews_by_file(study) if file != into}
    taken = set(existing)
    for interview in interviews:
        given = id_from(interview.id)
        if given and given in taken:
            in_study = given in existing
            problems.append(
                Problem(
                    Location(path, interview.line, None),
                    f"interview '{given}' is already in "
                    + ("the study's interviews/" if in_study else "this sheet"),
                    hint=f"give it another name in the '{named}' column"
                    + (
                        ", or remove the earlier file if this sheet replaces it"
                        if in_study
                        else ": its name and an earlier one's make the same id"
                    ),
                )
            )
        base = given or "-".join(filter(None, (interview.group, interview.date)))
        interview.id = free_interview_id(base, taken)
        taken.add(interview.id)


def sheet_file_stem(name: str) -> str:
    """The name of the interview file a sheet is written to: ``name`` as an id."""
    return id_from(name) or "interviews"


def interview_sheet_yaml(
    interviews: Sequence[SheetInterview], source: str, language: Language
) -> str:
    """The interviews as an ``interviews/`` file, in the layout people write by hand, with
    a first comment in ``language`` naming the sheet they came from."""
    items = "".join(f"  {line}\n" for item in map(interview_item_yaml, interviews) for line in item)
    return f"{source_comment(source, language)}\ninterviews:\n{items}"


def source_comment(source: str, language: Language) -> str:
    """The first line of an interview file imported from the sheet named ``source``: what
    tells a later import whether the file came from that sheet."""
    source = " ".join(source.split())  # a file name with a line break must not end the comment
    return "# " + file_notes(language)["interviews_from"].format(source=source)


def interview_item_yaml(interview: SheetInterview) -> list[str]:
    """The lines of one interview as an item of the ``interviews:`` list, at the margin."""
    lines = [f"- id: {yaml_scalar(interview.id)}", f"  group: {yaml_scalar(interview.group)}"]
    lines.append(f"  participants: {interview.participants or 1}")
    if interview.date:
        lines.append(f"  date: {interview.date}")
    if interview.notes:
        lines.append(f"  notes: {yaml_scalar(chr(10).join(interview.notes))}")
    if not interview.quotes:
        lines.append("  quotes: []")
        return lines
    lines.append("  quotes:")
    lines += [f"    {line}" for quote in interview.quotes for line in quote_item_yaml(quote)]
    return lines


def quote_item_yaml(quote: SheetQuote) -> list[str]:
    """The lines of one quote as an item of an interview's ``quotes:`` list, at the margin."""
    lines = [f"- text: {yaml_scalar(quote.text)}"]
    for name, tags in (("needs", quote.needs), ("questions", quote.questions)):
        if tags:
            written = ", ".join(yaml_scalar(tag, flow=True) for tag in tags)
            lines.append(f"  {name}: [{written}]")
    return lines
