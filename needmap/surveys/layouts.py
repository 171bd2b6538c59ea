"""One reader per export layout: a loop over the rows that finds each respondent's group
answer and chosen task indexes, and hands them to :class:`~needmap.surveys.counting.Counts`.

The loops are written for speed (an export can have 100,000 rows): answers are resolved once
per distinct text, choices are mapped with C-level ``map``/``compress``, the common case is
counted inline (see :class:`~needmap.surveys.counting.FastPath`), and the line number is
looked up only when a problem is reported. A clean LimeSurvey CSV export is counted from
its whole text instead (:mod:`needmap.surveys.whole_text`).

Where the mapping names the column that identifies a respondent, the loops of the layouts
of one row per respondent keep each row's key; a key on two rows raises
:class:`~needmap.surveys.counting.RowsRepeated`, and the import reads the export again,
leaving out a row that repeats an earlier one word for word (:func:`_once_each`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import compress
from operator import itemgetter
from typing import NamedTuple, cast

from needmap.controls import fold_text
from needmap.errors import Severity, listed
from needmap.personas.messages import closest, did_you_mean
from needmap.scrub import scrub
from needmap.surveys.answers import CHOSEN, NOT_CHOSEN
from needmap.surveys.counting import (
    MISSING_COLUMN,
    UNNAMED,
    Counts,
    FirstRows,
    Problems,
    check_keys,
)
from needmap.surveys.headings import missing_column, missing_question
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import Table
from needmap.surveys.whole_text import count_limesurvey_text

__all__ = ["Interleaved", "Labels", "Loop", "layout_loop", "slow_split"]


class Interleaved(Exception):
    """A long export whose rows of one respondent are not together: read it again, keeping
    every respondent open to the end (the common, grouped case is read without that)."""


def _column(table: Table, heading: str, problems: Problems, what: str, by_code: bool) -> int | None:
    """The column the mapping names for ``what``; where another is headed the same (two
    questions of one text), the first, with a warning: which one the mapping meant cannot
    be told."""
    found = table.column(heading, by_code=by_code)
    if found is None:
        problems.report(MISSING_COLUMN, missing_column(table.path, table.header, heading, what))
        return None
    folded = fold_text(table.header[found])
    twins = (i for i, h in enumerate(table.header) if i != found and fold_text(h) == folded)
    twin = next(twins, None)
    if twin is not None:
        problems.add(
            "column headed twice",
            1,
            twin + 1,
            f"this column is headed '{problems.quote(heading)}' too: {what} is read from "
            "the first one",
            hint="if this column is the one meant, give the other another heading in the "
            "export (the mapping names a column by its heading)",
            severity=Severity.WARNING,
        )
    return found


def _subquestion_column(table: Table, question: str, code: str) -> int | None:
    """A LimeSurvey subquestion's column: headed ``QUESTION[CODE]`` (or starting so, see
    :func:`~needmap.surveys.tables.column_of`), or ``QUESTION [CODE]`` as an export with
    "Full question text" headings writes it (``Which tasks? [Book leave]``)."""
    spaced = table.column(f"{question.strip()} [{code}]")
    return spaced if spaced is not None else table.column(f"{question}[{code}]", by_code=True)


def _subquestion_columns(
    table: Table, mapping: SurveyMapping, problems: Problems
) -> list[int] | None:
    """Each task's subquestion column; None, with the problems reported, if one is missing.
    If all are, the question's code is wrong (or the export is another survey's): one
    problem, not one per task (and for a single task, which of its two codes is wrong
    cannot be told)."""
    question = mapping.choices.question or ""
    found = [_subquestion_column(table, question, t.code or "") for t in mapping.tasks]
    if all(column is None for column in found):
        problems.report(
            MISSING_COLUMN, missing_question(table.path, table.header, question, "the tasks")
        )
        return None
    for task, column in zip(mapping.tasks, found, strict=True):
        if column is None:
            heading = f"{question}[{task.code}]"
            problems.report(
                MISSING_COLUMN,
                missing_column(table.path, table.header, heading, f"task '{task.id}'"),
            )
    return None if None in found else cast(list[int], found)


Loop = Callable[[Counts], None]


def layout_loop(
    mapping: SurveyMapping,
    table: Table,
    problems: Problems,
    grouped: bool,
    named: str,
    repeated: frozenset[str] = frozenset(),
) -> Loop | None:
    """The loop over ``table``'s rows for the mapping's layout; None, with the problems
    reported, if the header lacks a column it needs. ``grouped``: of a long export, whether
    a respondent's rows are together (:class:`Interleaved`). ``repeated``: the respondents'
    keys found on more than one row by a first reading (see :class:`RowsRepeated`)."""
    by_code = mapping.layout == "limesurvey"
    group_col = _column(table, mapping.group.column, problems, "the respondent's group", by_code)
    keys = _Keys.of(table, mapping, problems, repeated) if mapping.layout != "long" else None
    if by_code:
        task_cols = _subquestion_columns(table, mapping, problems)
        if group_col is None or task_cols is None or keys is None:
            return None
        return _limesurvey(table, group_col, task_cols, keys, problems)
    choice_col = _column(table, mapping.choices.column or "", problems, "the chosen tasks", by_code)
    labels = Labels(mapping, named, problems.quote)
    if mapping.layout == "long":
        key_col = _column(table, mapping.respondent or "", problems, "the respondent", by_code)
        if group_col is None or choice_col is None or key_col is None:
            return None
        columns = _LongColumns(group_col, choice_col, key_col)
        if grouped:
            return _long_grouped(table, columns, labels, problems)
        return _long(table, columns, labels, problems)
    if group_col is None or choice_col is None or keys is None:
        return None
    if mapping.layout == "ms-forms":
        return _joined(table, group_col, choice_col, keys, labels, problems, ";")
    return _joined(table, group_col, choice_col, keys, labels, problems, ", ")


class _Keys(NamedTuple):
    """The column that identifies a respondent in a layout of one row per respondent, as
    the row loops use it: -1 where the mapping names none (or the header lacks it)."""

    column: int
    repeated: frozenset[str]
    """The keys a first reading found on more than one row: their rows are compared."""

    @classmethod
    def of(
        cls, table: Table, mapping: SurveyMapping, problems: Problems, repeated: frozenset[str]
    ) -> _Keys:
        """The mapping's ``respondent`` column in ``table``. Missing, it is a warning, not
        an error: it serves only to find rows listed twice, and the rest counts as well
        without it."""
        if not mapping.respondent:
            return cls(-1, repeated)
        found = table.column(mapping.respondent, by_code=mapping.layout == "limesurvey")
        if found is None:
            problem = missing_column(table.path, table.header, mapping.respondent, "the respondent")
            problems.add(
                "no respondent column",
                1,
                None,
                f"{problem.message}: a row listed twice cannot be found",
                hint=f"{problem.hint}; or, if the export has no such column, remove "
                "respondent: from the mapping",
                severity=Severity.WARNING,
            )
            return cls(-1, repeated)
        return cls(found, repeated)

    def rows(self, table: Table, problems: Problems) -> Iterable[list[str]]:
        """The rows to count: all of them, or, after a first reading found keys repeated,
        those that do not repeat an earlier row (:func:`_once_each`)."""
        if not self.repeated:
            return table.rows
        return _once_each(table, self.column, self.repeated, problems)

    @property
    def kept(self) -> int:
        """The column whose cells a row loop keeps, to check for keys on two rows once it
        ends (:func:`~needmap.surveys.counting.check_keys`); -1 for none: no column, or
        the keys are checked already."""
        return -1 if self.repeated else self.column


def _once_each(
    table: Table, column: int, repeated: frozenset[str], problems: Problems
) -> Iterator[list[str]]:
    """``table``'s rows but those that repeat an earlier row word for word, key included
    (trailing empty cells aside), each reported as left out. A respondent's key on two
    rows that differ may be two answers (two forms' exports joined, each numbering from
    1) or one answer twice (a response completed or changed after an earlier export, the
    two exports joined): both count, with a warning (:func:`_other_answers`)."""
    heading = problems.quote(table.header[column])
    outcome = f", its respondent ('{heading}') too: left out, so that it counts once"
    hint = (
        "an export lists each respondent once: two exports joined, or one pasted twice, "
        "keep the rows they share; delete the rows repeated"
    )
    seen = FirstRows()
    first_of: dict[str, int] = {}
    for row in table.rows:
        if column < len(row) and (key := row[column]) in repeated:
            first = seen.earlier(row, table)
            if first is not None:
                problems.row_again(table, first, outcome, hint)
                continue
            line = table.line()
            first_with_key = first_of.setdefault(key, line)
            if first_with_key != line and not _A_TIME.match(key):
                _other_answers(table, heading, first_with_key, problems)
        yield row


_A_TIME = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ T]\d{1,2}[:.]\d\d")
"""A key that is a time (Google Forms' ``Timestamp``, "2026/03/02 9:14:03 AM CET",
"2-3-2026 9:14:03"): two answers given in one second share it, nothing to warn of."""


def _other_answers(table: Table, heading: str, first: int, problems: Problems) -> None:
    """Warn that the row ``table`` read last has the key of line ``first``, with other
    answers: both count. A survey tool numbers its respondents once, so it is one
    respondent twice, unless two surveys' exports were joined; told once, with the
    other rows, since such a join has many."""
    problems.add(
        "respondent on two rows",
        table.line(),
        None,
        f"this row's respondent ('{heading}') is on line {first} too, with other "
        "answers: both count",
        hint="a response completed or changed after an earlier export, the two exports "
        "joined? delete the earlier row; if two surveys' exports were joined, each "
        "numbering its respondents from 1, both rows are answers: leave them; if the "
        "column does not tell respondents apart, name another under respondent: in "
        "the mapping",
        severity=Severity.WARNING,
        same="",
    )


_NAMED = 3
"""At most this many texts of one cell are named in a problem (the rest are counted)."""


class Labels:
    """Task label (or id) -> task index; exact text first, then as :func:`fold_text`
    compares it (ignoring case and spacing)."""

    def __init__(
        self, mapping: SurveyMapping, named: str = UNNAMED, quote: Callable[[str], str] = scrub
    ) -> None:
        self.tasks = mapping.tasks
        self.named = named
        """The mapping as hints name it: its file, where the import was told it."""
        self.quote = quote
        """A choice's text as hints quote it (:meth:`Problems.quote`)."""
        self.may_be_other = not mapping.choices.other
        """Whether an unknown choice may be an answer to 'Other' that the mapping has not
        said the question has. (LimeSurvey's are in a column of their own, and its task
        columns are read by code, without labels.)"""
        self.exact: dict[str, int] = {}
        self.folded: dict[str, int] = {}
        for i, task in enumerate(mapping.tasks):
            for text in task.texts:
                self.exact[text] = i
                self.folded[fold_text(text)] = i
            self.folded.setdefault(task.id, i)
        self.most_pieces = max(label.count(", ") for label in self.exact) + 1
        self.with_comma: list[tuple[str, str]] = []
        """Labels that contain ", ", longest first, each with a token that stands in for it
        while a Google Forms cell is split (a wrong stand-in only sends the cell to the
        careful path, which works on the original text)."""
        for label in sorted(self.exact, key=len, reverse=True):
            if ", " in label:
                token = f"\x1f{self.exact[label]}\x1f"
                self.with_comma.append((label, token))
                self.exact[token] = self.exact[label]

    def find(self, text: str) -> int | None:
        index = self.exact.get(text)
        if index is None:
            index = self.folded.get(fold_text(text), self.folded.get(text.strip()))
        return index

    def hint(self, text: str) -> str:
        meant = did_you_mean(text.strip(), self._names(), ignore_case=True)
        if meant:
            return (
                f"{meant} Or, if the survey showed both (an option edited while it ran), add "
                f"this text under that task's also: in {self.named}"
            )
        return (
            f"add the task to the tasks in {self.named}, with this exact label, or under "
            "also: of the task it names in another language of the survey" + self._or_other()
        )

    def hint_for_all(self, texts: Sequence[str]) -> str:
        """:meth:`hint` for several texts of one cell: the task meant by each that looks
        misspelt, and what to do with the others."""
        if len(texts) == 1:
            return self.hint(texts[0])
        names = self._names()
        meant = {t: closest(t.strip(), names, ignore_case=True) for t in texts[:_NAMED]}
        slips = [f"'{m}' for '{self.quote(t)}'" for t, m in meant.items() if m is not None]
        add = (  # several: not 'Other'
            f"to the tasks in {self.named}, with their exact labels, or under also: of the "
            "tasks they name in another language of the survey"
        )
        if not slips:
            return f"add them {add}"
        said = f"did you mean {listed(slips)}?"
        return f"{said} add the others {add}" if len(texts) > len(slips) else said

    def _or_other(self) -> str:
        if not self.may_be_other:
            return ""
        return "; or, if it is a respondent's answer to 'Other', write other: true under choices"

    def _names(self) -> list[str]:
        """What a text that names no task may have meant: a task's texts, or its id."""
        return [*(text for t in self.tasks for text in t.texts), *(t.id for t in self.tasks)]


def _fit(row: list[str], table: Table, problems: Problems) -> list[str] | None:
    """The row as wide as the header, or None if it was reported and must be left out.

    Short rows are padded with empty cells (some tools drop trailing empty ones). A row with
    more cells than the header is an error, even if the extra cells are empty: its values
    have most often shifted, because a value holds the delimiter without quotes, and the
    cell pushed out at the end is as likely empty as not. A row that ran on from a CSV
    quote left open is reported at that quote (:meth:`Problems.quote_left_open`). Only
    rows of another width come here, so the common row costs one ``len``.
    """
    width = len(table.header)
    if len(row) <= width:
        return row + [""] * (width - len(row))
    if problems.quote_left_open(table, row):
        return None
    problems.add(
        "row wider than the header",
        table.line(),
        width + 1,
        f"this row has {len(row)} cells but the header has {width}: its values have shifted",
        hint="a value that contains the delimiter must be in double quotes; "
        "check this line in a text editor",
    )
    return None


def _limesurvey(
    table: Table, group_col: int, task_cols: list[int], keys: _Keys, problems: Problems
) -> Loop:
    first = task_cols[0]
    contiguous = task_cols == list(range(first, first + len(task_cols)))
    stop = first + len(task_cols)
    getter = itemgetter(*task_cols)  # for columns apart, so two or more: it gives a tuple
    indexes = range(len(task_cols))
    width = len(table.header)
    only_y = {"Y"}

    def loop(counts: Counts) -> None:
        if (
            not keys.repeated
            and table.data is not None
            and count_limesurvey_text(table.data, width, group_col, task_cols, counts, keys.column)
        ):
            return
        slot_of, respondents, codes, max_picks, add = counts.fast_path()
        kept_at = keys.kept
        kept: list[str] = []
        keep = kept.append
        for row in keys.rows(table, problems):
            if len(row) != width:
                fitted = _fit(row, table, problems)
                if fitted is None:
                    continue
                row = fitted
            if kept_at >= 0:
                keep(row[kept_at])
            cells = row[first:stop] if contiguous else getter(row)
            picks = list(compress(indexes, cells))
            if not picks:
                if not any(row):
                    counts.empty_row()
                    continue
            elif set(map(cells.__getitem__, picks)) != only_y:
                if problems.heading_again(table, row):
                    continue
                picks = [i for i in picks if _chosen(cells[i], task_cols[i], table, problems)]
            answer = row[group_col]
            slot = slot_of(answer, -3)
            if slot >= 0 and 0 < len(picks) <= max_picks:  # columns never repeat a task
                respondents[slot] += 1
                codes[slot].extend(picks)
            else:
                add(answer, picks, None)
        check_keys(kept)

    return loop


def _chosen(value: str, column: int, table: Table, problems: Problems) -> bool:
    folded = value.strip().casefold()
    if folded in CHOSEN:
        return True
    if folded not in NOT_CHOSEN:
        problems.add(
            "unexpected value in a task column",
            table.line(),
            column + 1,
            f"unexpected value '{problems.quote(value)}' in a task column",
            hint="LimeSurvey marks a chosen task with Y and leaves others empty",
            same=folded,
        )
    return False


def _joined(
    table: Table,
    group_col: int,
    choice_col: int,
    keys: _Keys,
    labels: Labels,
    problems: Problems,
    separator: str,
) -> Loop:
    width = len(table.header)
    exact_get = labels.exact.get
    trailing = separator == ";"
    stand_ins = labels.with_comma if separator == ", " else []

    def loop(counts: Counts) -> None:
        slot_of, respondents, codes, max_picks, add = counts.fast_path()
        kept_at = keys.kept
        kept: list[str] = []
        keep = kept.append
        for row in keys.rows(table, problems):
            if len(row) != width:
                fitted = _fit(row, table, problems)
                if fitted is None:
                    continue
                row = fitted
            if kept_at >= 0:
                keep(row[kept_at])
            cell = row[choice_col]
            if not cell and not any(row):
                counts.empty_row()
                continue
            if trailing and cell.endswith(separator):
                cell = cell[:-1]  # the one-character ';'
            text = cell
            for label, token in stand_ins:
                if label in text:
                    text = text.replace(label, token)
            parts = text.split(separator)
            mapped = list(map(exact_get, parts))
            if None in mapped:
                picks, unmatched = slow_split(cell, separator, labels)
                other = separator.join(unmatched)
                if unmatched and not _other_answer(other, choice_col, counts):
                    if problems.quote_left_open(table, row) or problems.heading_again(table, row):
                        continue
                    problems.add(
                        "unknown choice",
                        table.line(),
                        choice_col + 1,
                        f"cannot match '{problems.quote(unmatched[0])}' to a task"
                        if separator == ", "
                        else _unknown_choices(unmatched, problems),
                        hint=partial(_unknown_choice_hint, cell, separator, labels, unmatched),
                        same="\x1f".join(map(fold_text, unmatched)),
                    )
                    counts.check_group(row[group_col])
                    continue
            else:  # no None in it (a typing.cast call per row cost 4% of the import)
                picks = mapped  # type: ignore[assignment]
            answer = row[group_col]
            slot = slot_of(answer, -3)
            n = len(picks)
            if slot >= 0 and 0 < n <= max_picks and (n == 1 or len(set(picks)) == n):
                respondents[slot] += 1
                codes[slot].extend(picks)
            else:
                add(answer, picks, None)
        check_keys(kept)

    return loop


def slow_split(cell: str, separator: str, labels: Labels) -> tuple[list[int], list[str]]:
    """Match a cell that the exact split could not: spaces, case, empty parts, labels that
    contain the separator. Returns the task indexes, and the texts that match no task
    (none if all of it does): with ``;``, each such piece, in order (the rest is still
    matched, and an answer to "Other" that holds a ``;`` is its pieces together); with
    ``, ``, the stretch from the first such text up to where the rest of the cell is all
    tasks (or to its end), as one, since an unknown text may hold ``, `` itself."""
    pieces = [p for p in cell.split(separator) if p.strip()]
    found: list[int] = []
    unmatched: list[str] = []
    i = 0
    while i < len(pieces):
        match = _label_at(pieces, i, separator, labels)
        if match is not None:
            found.append(match[1])
            i += match[0]
        elif separator == ";":
            unmatched.append(pieces[i].strip())
            i += 1
        else:
            end, rest = _unknown_stretch(pieces, i, separator, labels)
            return [*found, *rest], [separator.join(pieces[i:end]).strip()]
    return found, unmatched


def _label_at(
    pieces: Sequence[str], i: int, separator: str, labels: Labels
) -> tuple[int, int] | None:
    """The task whose label the pieces from ``i`` on begin with, the longest first, as
    (how many pieces it takes, its index); None when they begin with none."""
    sizes = range(min(labels.most_pieces, len(pieces) - i), 0, -1)
    for lookup in (labels.exact.get, labels.find):
        for size in sizes:
            index = lookup(separator.join(pieces[i : i + size]))
            if index is not None:
                return size, index
    return None


def _unknown_stretch(
    pieces: Sequence[str], i: int, separator: str, labels: Labels
) -> tuple[int, list[int]]:
    """Where the unknown text at piece ``i`` ends: the first piece from which the rest of
    the cell is all tasks (those tasks with it), else the cell's end."""
    for end in range(i + 1, len(pieces)):
        rest: list[int] = []
        j = end
        while j < len(pieces) and (match := _label_at(pieces, j, separator, labels)):
            rest.append(match[1])
            j += match[0]
        if j == len(pieces):
            return end, rest
    return len(pieces), []


_JOINED_BY = {";": ("ms-forms", "Microsoft Forms"), ", ": ("google-forms", "Google Forms")}


def _unknown_choices(texts: Sequence[str], problems: Problems) -> str:
    """ "unknown choice 'Swim'", or for several in one cell "unknown choices 'Swim' and
    'Fly'": each is told, so that one round of fixes mends them all."""
    quoted = [f"'{problems.quote(t)}'" for t in texts]
    if len(quoted) == 1:
        return f"unknown choice {quoted[0]}"
    return f"unknown choices {listed(quoted, _NAMED)}"


def _unknown_choice_hint(cell: str, separator: str, labels: Labels, texts: Sequence[str]) -> str:
    """The layout the choices are joined for, if it is the other one; else the tasks meant."""
    return _joined_otherwise(cell, separator, labels) or labels.hint_for_all(texts)


def _joined_otherwise(cell: str, separator: str, labels: Labels) -> str:
    """A hint when ``cell``, split as the other forms tool joins choices, is mostly tasks:
    the mapping names the wrong layout, and every row would say so. Mostly, not all: a
    respondent's answer to 'Other' is among the choices of many rows."""
    other = ", " if separator == ";" else ";"
    found, unmatched = slow_split(cell, other, labels)
    if len(found) < max(1, len(unmatched)):
        return ""
    layout, tool = _JOINED_BY[other]
    return (
        f"the choices are joined with '{other.strip()}', as {tool} writes them: "
        f"set layout: {layout} in {labels.named}"
    )


def _other_answer(text: str, column: int, counts: Counts) -> bool:
    """Whether ``text``, which matches no task, is an answer to the question's 'Other'
    option (the mapping says it has one): then it is reported as left out."""
    if not counts.mapping.choices.other:
        return False
    counts.problems.add(
        "answer to 'Other'",
        counts.table.line(),
        column + 1,
        f"'{counts.problems.quote(text)}' matches no task: left out as an answer to 'Other'",
        hint=f"if it is a task of the list, add it to the tasks in {counts.named} with this label",
        severity=Severity.WARNING,
    )
    return True


class _LongColumns(NamedTuple):
    group: int
    task: int
    key: int


_SKIP_ROW = -1
_NO_TASK = -2
_UNKNOWN_TASK = -3


def _long_task(
    row: list[str], columns: _LongColumns, counts: Counts, labels: Labels, problems: Problems
) -> int:
    """The task of a long-layout row whose text is not an exact label: the task index,
    ``_NO_TASK`` (an empty task: the respondent still counts), ``_UNKNOWN_TASK`` (reported;
    the row still names its respondent, whose group answer is checked) or ``_SKIP_ROW``
    (reported, or an empty row)."""
    value = row[columns.task]
    if not value.strip():
        if not any(row):
            counts.empty_row()
            return _SKIP_ROW
        return _NO_TASK
    index = labels.find(value)
    if index is None and _other_answer(value.strip(), columns.task, counts):
        return _NO_TASK
    if index is None:
        if problems.quote_left_open(counts.table, row) or problems.heading_again(counts.table, row):
            return _SKIP_ROW
        problems.add(
            "unknown choice",
            counts.table.line(),
            columns.task + 1,
            f"unknown choice '{problems.quote(value.strip())}'",
            hint=lambda: labels.hint(value),
            same=fold_text(value),
        )
        return _UNKNOWN_TASK
    return index


def _group_changed(
    answer: str, first: str, first_line: int, columns: _LongColumns, counts: Counts
) -> bool:
    """Report a row whose group differs from the respondent's first row (spaces aside)."""
    if answer.strip() == first.strip():
        return False
    counts.problems.add(
        "group changes within a respondent",
        counts.table.line(),
        columns.group + 1,
        f"this respondent's group was '{counts.problems.quote(first)}' on line {first_line}, "
        f"here '{counts.problems.quote(answer)}'",
        hint="each respondent has one group; check the export",
    )
    return True


def _long_grouped(table: Table, columns: _LongColumns, labels: Labels, problems: Problems) -> Loop:
    """The long layout when each respondent's rows are together, as exports list them: a
    respondent is counted as soon as their rows end, so nothing is kept per respondent but
    their key (keeping 100,000 open respondents to the end costs more than reading the file).
    A key seen again raises :class:`Interleaved`."""
    width = len(table.header)
    exact_get = labels.exact.get
    group_col, task_col, key_col = columns

    def loop(counts: Counts) -> None:
        slot_of, respondents, codes, max_picks, add = counts.fast_path()
        seen: set[str] = set()
        key: str | None = None
        answer, line = "", 0
        picks: list[int] = []
        unknown_task = False

        def finish() -> None:
            slot = slot_of(answer, -3)
            n = len(picks)
            if slot >= 0 and 0 < n <= max_picks and (n == 1 or len(set(picks)) == n):
                respondents[slot] += 1
                codes[slot].extend(picks)
            elif unknown_task and not picks:
                counts.check_group(answer, line)
            else:
                add(answer, picks, line)

        for row in table.rows:
            if len(row) != width:
                fitted = _fit(row, table, problems)
                if fitted is None:
                    continue
                row = fitted
            index = exact_get(row[task_col])
            if index is None:
                index = _long_task(row, columns, counts, labels, problems)
                if index == _SKIP_ROW:
                    continue
            if row[key_col] != key:
                if key is not None:
                    finish()
                key = row[key_col]
                if key in seen:
                    raise Interleaved
                seen.add(key)
                answer, line, picks, unknown_task = row[group_col], table.line(), [], False
            elif row[group_col] != answer and _group_changed(
                row[group_col], answer, line, columns, counts
            ):
                continue
            if index >= 0:
                picks.append(index)
            elif index == _UNKNOWN_TASK:
                unknown_task = True
        if key is not None:
            finish()

    return loop


class _Respondent:
    """A respondent of an interleaved long export while their rows are read."""

    __slots__ = ("answer", "line", "picks", "unknown_task")

    def __init__(self, line: int, answer: str, picks: list[int]) -> None:
        self.line = line
        self.answer = answer
        self.picks = picks
        self.unknown_task = False


def _long(table: Table, columns: _LongColumns, labels: Labels, problems: Problems) -> Loop:
    """The long layout in any row order: every respondent stays open until the end."""
    width = len(table.header)
    exact_get = labels.exact.get
    group_col, task_col, key_col = columns

    def loop(counts: Counts) -> None:
        respondents: dict[str, _Respondent] = {}
        for row in table.rows:
            if len(row) != width:
                fitted = _fit(row, table, problems)
                if fitted is None:
                    continue
                row = fitted
            index = exact_get(row[task_col])
            if index is None:
                index = _long_task(row, columns, counts, labels, problems)
                if index == _SKIP_ROW:
                    continue
            respondent = respondents.get(row[key_col])
            if respondent is None:
                respondent = respondents[row[key_col]] = _Respondent(
                    table.line(), row[group_col], []
                )
            elif row[group_col] != respondent.answer and _group_changed(
                row[group_col], respondent.answer, respondent.line, columns, counts
            ):
                continue
            if index >= 0:
                respondent.picks.append(index)
            elif index == _UNKNOWN_TASK:
                respondent.unknown_task = True
        for respondent in respondents.values():
            if respondent.unknown_task and not respondent.picks:
                counts.check_group(respondent.answer, respondent.line)
            else:
                counts.add(respondent.answer, respondent.picks, respondent.line)

    return loop
