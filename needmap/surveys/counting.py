"""Checking and counting respondents, and collecting problems, for the layout readers.

Errors (an unknown group answer) stop the import; warnings (no group, no task chosen, too
many choices, empty rows) leave the respondent out and are reported. Only the first problems
of each kind are kept, with a count of the rest, so a broken 100,000-row export gives a
readable report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from needmap.controls import fold_text
from needmap.errors import Location, Problem, Severity, listed, plural
from needmap.personas.messages import did_you_mean
from needmap.scrub import scrub
from needmap.surveys.answers import ANSWER_CODE
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import Table
from needmap.surveys.tally import OUTSIDE, Tally

__all__ = [
    "MAX_PER_KIND",
    "MISSING_COLUMN",
    "UNNAMED",
    "Counts",
    "FastPath",
    "FirstRows",
    "Problems",
    "RowsRepeated",
    "check_keys",
]

MAX_PER_KIND = 10
UNNAMED = "the mapping"
"""How hints name the mapping where the import was not told its file."""
MISSING_COLUMN = "missing column"
"""The kind of a column the header lacks: counted in columns, where other kinds are rows."""
_COUNTED_IN = MappingProxyType({MISSING_COLUMN: "columns"})
"""What the problems of a kind are counted in, where it is not rows."""
_UNKNOWN = -1
_EMPTY = -2
_OTHER = -4
"""An answer no group has, where the question has an 'Other' option (``group.other``): a
text typed there, counted outside the groups. (-3 is the row loops' "not seen yet".)"""


class RowsRepeated(Exception):
    """An export of one row per respondent with a respondent's key (the mapping's
    ``respondent`` column) on more than one row: the import reads it again, comparing
    those rows, since a row repeated word for word is one answer listed twice (two exports
    joined) and would count its respondent twice. Finding the keys costs the row loops an
    append per row; keeping every row to compare would cost more than reading the file."""

    def __init__(self, keys: frozenset[str]) -> None:
        super().__init__(f"{len(keys)} respondents on more than one row")
        self.keys = keys


def check_keys(keys: list[str]) -> None:
    """Raise :class:`RowsRepeated` with the keys that ``keys`` holds more than once (an
    empty cell identifies nobody: an empty row has one too)."""
    distinct = set(keys)
    if len(distinct) - ("" in distinct) + keys.count("") < len(keys):
        repeated = frozenset(k for k, n in Counter(keys).items() if n > 1 and k)
        raise RowsRepeated(repeated)


class FirstRows:
    """Where each row was first given, to tell a row given again word for word: the rows
    two exports joined into one share. Trailing empty cells aside, since a tool may drop
    them (a short row is padded when it is read)."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, ...], int] = {}

    def earlier(self, row: Sequence[str], table: Table) -> int | None:
        """The line of an earlier row that ``row`` (the row ``table`` read last) repeats;
        None for a row not given before, which is kept as the first of its kind."""
        end = len(row)
        while end and not row[end - 1]:
            end -= 1
        cells = tuple(row[:end])
        first = self._lines.get(cells)
        if first is None:
            self._lines[cells] = table.line()
        return first


@dataclass
class Problems:
    """Collects problems, keeping the first few of each kind and counting the rest; a
    problem about the same text as one kept (``same``) is counted with it."""

    path: Path
    sheet: str | None = None
    """A workbook of several sheets: the one read, which each problem's cell names."""
    own_names: Collection[str] = frozenset()
    """The words of the organisation's name (:attr:`Study.own_names`), which messages
    that quote the export keep: an unknown option "Nieuws van Van Dijk" names no person."""
    kept: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)
    again: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(kind, text) -> where the kept problem about that text is in ``kept``, then the
    lines it is found on again."""

    @classmethod
    def of(cls, table: Table, own_names: Collection[str] = frozenset()) -> Problems:
        """Where ``table``'s problems go: with its sheet named where its workbook has
        others (a cell G8 is on each of them)."""
        return cls(table.path, table.sheet_of_cells, own_names)

    def quote(self, text: str, limit: int = 80) -> str:
        """``text`` of the export as a message quotes it: scrubbed and shortened."""
        return scrub(text, limit, keep=self.own_names)

    def add(
        self,
        kind: str,
        line: int | None,
        column: int | None,
        message: str,
        hint: str | Callable[[], str] = "",
        severity: Severity = Severity.ERROR,
        same: str | None = None,
    ) -> None:
        """Count a problem, and keep it if it is among the first of its kind. A ``hint``
        that takes work to find ("did you mean") is given as a function, called only
        for a problem that is kept: a broken export repeats one problem on every row.

        ``same`` names the text the problem is about (an answer, a choice) when one fix
        mends it on every row: a mapping that lacks an answer fails each respondent who
        gave it, and the problem is told once, with the other rows it is on."""
        seen = self.again.get((kind, same)) if same is not None else None
        if seen is not None:
            seen.append(line or 0)
            return
        if self._count(kind, severity):
            shown = hint() if callable(hint) else hint
            if same is not None:
                self.again[(kind, same)] = [len(self.kept)]
            self.kept.append(
                Problem(
                    Location(self.path, line, column, self.sheet),
                    message,
                    hint=shown,
                    severity=severity,
                )
            )

    def report(self, kind: str, problem: Problem) -> None:
        """Count a problem made elsewhere, and keep it if it is among the first of its kind."""
        if self._count(kind, problem.severity):
            self.kept.append(problem)

    def _count(self, kind: str, severity: Severity) -> bool:
        """Count one more problem of ``kind``; True if it is among the first, to keep."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.severities[kind] = severity
        return self.counts[kind] <= MAX_PER_KIND

    def quote_left_open(self, table: Table, row: Sequence[str], line: int | None = None) -> bool:
        """Report a CSV row that ran on from a quote left open (:meth:`Table.run_on`; the
        row that ended on ``line``, else the last read) where the quote opens; False for
        any other row. Asked only of a row that is wrong already."""
        run_on = table.run_on(row, line)
        if run_on is not None:
            self.add("quote left open", *run_on)
        return run_on is not None

    def heading_again(self, table: Table, row: Sequence[str]) -> bool:
        """Report a row that is the heading row again (two exports pasted into one) as left
        out; False for any other row. Asked only of a row that is wrong already: its
        choices are no tasks, and it would be told as an unknown choice and group answer."""
        if not table.heading_again(row):
            return False
        self.add(
            "heading row again",
            table.line(),
            None,
            "this row repeats the heading row: left out",
            hint="delete it (two exports pasted into one keep both heading rows)",
            severity=Severity.WARNING,
        )
        return True

    def row_again(self, table: Table, first: int, outcome: str, hint: str) -> None:
        """Report the row ``table`` read last as a repeat of line ``first``, left out as
        ``outcome`` says; told once, with the other rows, since a joined export has many."""
        self.add(
            "row listed twice",
            table.line(),
            None,
            f"this row repeats an earlier one word for word (line {first}){outcome}",
            hint=hint,
            severity=Severity.WARNING,
            same="",
        )

    def all(self) -> list[Problem]:
        more = [
            Problem(
                Location(self.path),
                f"{count - MAX_PER_KIND} more {_COUNTED_IN.get(kind, 'rows')} like these: {kind}",
                severity=self.severities[kind],
                repeats=count - MAX_PER_KIND,
            )
            for kind, count in self.counts.items()
            if count > MAX_PER_KIND
        ]
        return self._with_rows_again() + more

    def _with_rows_again(self) -> list[Problem]:
        """The kept problems, each found again on other rows saying on which."""
        kept = list(self.kept)
        for at, *lines in self.again.values():
            if lines:
                rows = listed([str(n) for n in lines], _NAMED)
                problem = kept[at]
                kept[at] = replace(
                    problem,
                    message=f"{problem.message} (also on {'rows' if len(lines) > 1 else 'row'} "
                    f"{rows})",
                    repeats=1 + len(lines),
                )
        return kept


def _position(table: Table, heading: str, by_code: bool) -> int | None:
    """The 1-based column of ``heading`` (see :meth:`Table.column`), if the header has it."""
    found = table.column(heading, by_code=by_code)
    return None if found is None else found + 1


_NAMED = 3
"""Tasks a problem names at most; it counts the rest."""


class Counts:
    """Checks each respondent's group and choices, and counts them per group."""

    def __init__(
        self, mapping: SurveyMapping, table: Table, problems: Problems, named: str = UNNAMED
    ) -> None:
        self.mapping = mapping
        self.named = named
        """The mapping as hints name it: its file, where the import was told it."""
        self.table = table
        self.problems = problems
        self.answers = {fold_text(a): key for a, key in mapping.group.strata().items()}
        self.keys = [*sorted({g for g in self.answers.values() if g is not None}), OUTSIDE]
        self.slot_of_key = {key: i for i, key in enumerate(self.keys)}
        self.slot_of_answer: dict[str, int] = {}
        self.codes: list[list[int]] = [[] for _ in self.keys]
        self.respondents = [0] * len(self.keys)
        self.counted_votes: list[list[int]] = [[0] * len(mapping.tasks) for _ in self.keys]
        """Votes per task counted in bulk (:meth:`add_counted`), on top of :attr:`codes`."""
        self.skipped: dict[str, int] = {}
        self.who = " by the respondent whose first row this is" if mapping.layout == "long" else ""
        """Whose choices a problem about all of a respondent's is: in the long layout, where
        they are spread over rows, it is told at their first."""
        by_code = mapping.layout == "limesurvey"
        self.group_column = _position(table, mapping.group.column, by_code)
        """1-based columns that problems point at: the group answer, and the choices (the
        first task column for LimeSurvey)."""
        first_choice = (
            f"{mapping.choices.question}[{mapping.tasks[0].code}]"
            if mapping.layout == "limesurvey"
            else mapping.choices.column or ""
        )
        self.choice_column = _position(table, first_choice, by_code)

    def fast_path(self) -> FastPath:
        """What the row loops need to count the common case inline (see :class:`FastPath`)."""
        return FastPath(
            self.slot_of_answer.get, self.respondents, self.codes, self.mapping.max_picks, self.add
        )

    def add(self, answer: str, picks: list[int], line: int | None = None) -> None:
        """One respondent: their group answer and chosen task indexes (in any order)."""
        slot = self.slot_of_answer.get(answer)
        if slot is None:
            slot = self._resolve(answer)
        if slot == _OTHER:
            self._typed_for_other(answer, line)
            slot = self.slot_of_key[OUTSIDE]
        elif slot < 0:
            self._group_problem(slot, answer, line)
            return
        chosen = len(picks)
        if chosen > 1 and len(set(picks)) != chosen:
            picks = self._once_each(picks, line)
            chosen = len(picks)
        if chosen == 0:
            self._skip("no task chosen", line, "no task chosen: respondent left out")
            return
        if chosen > self.mapping.max_picks:
            self._skip(
                "too many choices",
                line,
                f"{chosen} tasks chosen{self.who}, more than the {self.mapping.max_picks} allowed: "
                "respondent left out",
                hint=f"if the survey allowed more, raise max_picks in {self.named}",
            )
            return
        self.respondents[slot] += 1
        self.codes[slot].extend(picks)

    def _once_each(self, picks: list[int], line: int | None) -> list[int]:
        """Count a task named twice by one respondent once, with a warning: survey tools
        list each choice once, so the export was most likely edited or joined by hand (a
        long export joined with an earlier one lists the rows they share twice). Of a long
        export, told once, with the other respondents' first rows: such a join names
        every task of the respondents it shares twice."""
        once = list(dict.fromkeys(picks))
        twice = sorted(i for i, n in Counter(picks).items() if n > 1)
        labels = ", ".join(f"'{self.mapping.tasks[i].label}'" for i in twice[:_NAMED])
        if len(twice) > _NAMED:
            labels += f" and {plural(len(twice) - _NAMED, 'more task')}"
        self.problems.add(
            "task chosen twice",
            line if line is not None else self.table.line(),
            self.choice_column,
            f"{labels} chosen more than once{self.who or ' by one respondent'}: counted once",
            hint="survey tools list each choice once: check whether the export "
            + ("holds rows twice (two exports joined) or " if self.who else "")
            + "was edited by hand",
            severity=Severity.WARNING,
            same="" if self.who else None,
        )
        return once

    def check_group(self, answer: str, line: int | None = None) -> None:
        """Report ``answer`` (given on ``line``, else the row last read) if it names no
        group, for a respondent left out for another reason (a choice no task matches):
        fixing the one should not bring the other to light only at the next import."""
        if self.slot(answer) == _UNKNOWN:
            self._group_problem(_UNKNOWN, answer, line)

    def slot(self, answer: str) -> int:
        """The slot a group answer is counted in; negative for an unknown or empty answer,
        which :meth:`add` reports."""
        slot = self.slot_of_answer.get(answer)
        return self._resolve(answer) if slot is None else slot

    def add_counted(self, slot: int, respondents: int, votes: list[int]) -> None:
        """Respondents of one slot counted in bulk, already checked: ``votes`` per task."""
        self.respondents[slot] += respondents
        self.counted_votes[slot] = [
            a + b for a, b in zip(self.counted_votes[slot], votes, strict=True)
        ]

    def _resolve(self, answer: str) -> int:
        folded = fold_text(answer)
        if self.mapping.layout == "ms-forms" and folded not in self.answers:
            # a group question that takes several answers ends even one with ';'
            folded = folded.rstrip("; ")
        if not folded:
            slot = _EMPTY
        elif folded not in self.answers:
            slot = _OTHER if self.mapping.group.other else _UNKNOWN
        else:
            group = self.answers[folded]
            slot = self.slot_of_key[OUTSIDE if group is None else group]
        self.slot_of_answer[answer] = slot
        return slot

    def _group_problem(self, slot: int, answer: str, line: int | None) -> None:
        if slot == _EMPTY:
            self._skip("no group answer", line, "no group given: respondent left out")
            return
        at_group = [""] * ((self.group_column or 1) - 1) + [answer]  # never holds a line break
        if self.problems.quote_left_open(self.table, at_group, line):
            return
        self.problems.add(
            "unknown group answer",
            line if line is not None else self.table.line(),
            self.group_column,
            f"unknown group answer '{self.problems.quote(answer)}'",
            hint=lambda: self._group_hint(answer),
            same=fold_text(answer),
        )

    def _typed_for_other(self, answer: str, line: int | None) -> None:
        """A warning for a group answer typed for 'Other', told once with its rows."""
        self.problems.add(
            "group answer for 'Other'",
            line if line is not None else self.table.line(),
            self.group_column,
            f"group answer '{self.problems.quote(answer)}' is none of group.values: counted "
            "outside the target groups, as an answer to 'Other'",
            hint=lambda: self._group_hint(answer, typed=True),
            severity=Severity.WARNING,
            same=fold_text(answer),
        )

    def _group_hint(self, answer: str, *, typed: bool = False) -> str:
        """The answer meant, if it looks misspelt; else to give it a group. An answer code
        (``AO09``) is a new answer, not a slip of ``AO04``; a full answer where the mapping
        has codes is an export made with the other setting. A text that may have been typed
        for 'Other' (``typed``: the mapping says the question has one) may name a group;
        otherwise, outside LimeSurvey (which writes that text in a column of its own), it
        may be such a text: a text with personal data, which cannot be added as it is
        shown, surely is."""
        shown = self.problems.quote(answer, 200)
        meant = did_you_mean(answer.strip(), self.mapping.group.values, ignore_case=True)
        several = self._several_answers(answer)
        if several:
            chosen = listed([f"'{self.problems.quote(a)}'" for a in several], len(several))
            return (
                f"{chosen} chosen together, but a respondent counts for one group: give the "
                f"combination a group id (or ~) under group.values in {self.named}: "
                f'"{shown}": …; and let the question take one answer when it is asked again'
            )
        if typed and shown != answer.strip():
            return "it holds personal data, so it is left outside the groups, as it is"
        if typed:
            return meant or (
                f"if it names a target group, add it under group.values in {self.named} with "
                f'the group\'s id: "{shown}": …'
            )
        entry = f'with a group id (or ~): "{shown}": …'
        add = f"add it under group.values in {self.named} {entry}"
        if ANSWER_CODE.fullmatch(answer.strip()):
            return add
        if all(ANSWER_CODE.fullmatch(known) for known in self.mapping.group.values):
            return (
                f"the answers in {self.named} are codes (such as AO01) and the export's are not: "
                f"export the responses with answer codes, or add it under group.values {entry}"
            )
        if meant or self.mapping.layout == "limesurvey":
            return meant or add
        if shown != answer.strip():
            return (
                "it holds personal data, so a respondent typed it: if for 'Other', write "
                f"other: true under group in {self.named}"
            )
        return f"{add}; or, if respondents typed it for 'Other', write other: true under group"

    def _several_answers(self, answer: str) -> list[str]:
        """The mapping's answers that ``answer`` joins as the forms tools join a question's
        choices (``A;B;``, ``A, B``): a group question that let respondents choose more
        than one. Matched longest first, as an answer may hold the separator itself."""
        separator = {"ms-forms": ";", "google-forms": ","}.get(self.mapping.layout)
        if separator is None or separator not in answer:
            return []
        known = sorted(self.mapping.group.values, key=lambda a: -len(fold_text(a)))
        rest, found = fold_text(answer).strip(f"{separator} "), []
        while rest:
            for option in known:
                folded = fold_text(option)
                if rest == folded or rest.startswith(folded + separator):
                    found.append(option)
                    rest = rest[len(folded) :].strip(f"{separator} ")
                    break
            else:
                return []
        return found if len(found) > 1 else []

    def _skip(self, reason: str, line: int | None, message: str, hint: str = "") -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        column = self.group_column if reason == "no group answer" else self.choice_column
        self.problems.add(
            reason,
            line if line is not None else self.table.line(),
            column,
            message,
            hint=hint,
            severity=Severity.WARNING,
        )

    def empty_row(self) -> None:
        if self.table.doubled_line_ends:
            return
        self.problems.add(
            "empty row", self.table.line(), 1, "empty row left out", severity=Severity.WARNING
        )

    def tally(self, source: str, sha256: str) -> Tally:
        task_ids = [t.id for t in self.mapping.tasks]
        present = [i for i in range(len(self.keys)) if self.respondents[i]]
        votes = {}
        for i in present:
            counted = Counter(self.codes[i])
            bulk = self.counted_votes[i]
            votes[self.keys[i]] = {task: counted[j] + bulk[j] for j, task in enumerate(task_ids)}
        return Tally(
            survey=self.mapping.id,
            title=self.mapping.title,
            layout=self.mapping.layout,
            source=source,
            source_sha256=sha256,
            tasks=tuple(task_ids),
            respondents={self.keys[i]: self.respondents[i] for i in present},
            votes=votes,
            skipped=dict(self.skipped),
        )


class FastPath(NamedTuple):
    """Bound methods and lists for counting a respondent without a call per row.

    A loop counts inline when the answer is known and the choices are 1..max_picks without
    repeats: ``respondents[slot] += 1; codes[slot].extend(picks)``; anything else goes to
    ``add``, which checks, reports and counts. At 100,000 rows the saved call matters.
    """

    slot_of: Callable[[str, int], int]
    respondents: list[int]
    codes: list[list[int]]
    max_picks: int
    add: Callable[[str, list[int], int | None], None]
