"""Import a top-task survey export into a tally, reporting every problem with row and column.

Each layout has its own parser that turns a data row into (group answer, chosen task indexes);
the counting is shared. Errors (an unknown choice or group answer: the mapping is incomplete)
stop the import; warnings (empty rows, no choice, too many choices) leave the respondent out
and are reported; ``strict`` turns warnings into errors. Only the first problems of each kind
are listed, with a count of the rest, so a wrong mapping does not print a line per row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from pathlib import Path

from needmap.errors import InvalidStudyError, Location, Problem, Severity
from needmap.personas.messages import did_you_mean
from needmap.personas.study import Study
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import Table, open_table
from needmap.surveys.tally import OUTSIDE, Tally

__all__ = ["ImportResult", "import_survey"]

MAX_PER_KIND = 10
_CHOSEN = frozenset({"y", "yes", "ja", "1", "x"})
_NOT_CHOSEN = frozenset({"", "n", "no", "nee", "0"})

Parsed = tuple[str, list[int]]
"""A row's group answer and the indexes of the tasks it chose."""


@dataclass(frozen=True)
class ImportResult:
    tally: Tally
    warnings: tuple[Problem, ...]
    description: str
    """How the file was read: format, encoding, delimiter."""


@dataclass
class _Problems:
    """Collects problems, keeping the first few of each kind and counting the rest."""

    path: Path
    kept: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)

    def add(
        self,
        kind: str,
        line: int | None,
        column: int | None,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.severities[kind] = severity
        if self.counts[kind] <= MAX_PER_KIND:
            self.kept.append(
                Problem(Location(self.path, line, column), message, hint=hint, severity=severity)
            )

    def all(self) -> list[Problem]:
        more = [
            Problem(
                Location(self.path),
                f"{count - MAX_PER_KIND} more rows like these: {kind}",
                severity=self.severities[kind],
            )
            for kind, count in self.counts.items()
            if count > MAX_PER_KIND
        ]
        return self.kept + more


def import_survey(
    study: Study, mapping: SurveyMapping, path: Path, *, strict: bool = False
) -> ImportResult:
    """Read ``path`` with ``mapping`` into a tally; raise with every error found."""
    table = open_table(path)
    problems = _Problems(path)
    parse = _parser(mapping, table, problems)
    if parse is None:
        raise InvalidStudyError(problems.all())
    tally = _count(study, mapping, table, parse, problems, _sha256(path))
    found = problems.all()
    if strict:
        found = [Problem(p.location, p.message, p.key, p.hint, Severity.ERROR) for p in found]
    if any(p.severity is Severity.ERROR for p in found):
        raise InvalidStudyError(found)
    return ImportResult(tally, tuple(found), table.description)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _column(table: Table, heading: str, problems: _Problems, what: str) -> int | None:
    wanted = heading.strip()
    for i, name in enumerate(table.header):
        if name == wanted:
            return i
    folded = wanted.casefold()
    for i, name in enumerate(table.header):
        if name.casefold() == folded:
            return i
    problems.add(
        "missing column",
        1,
        None,
        f"no column '{heading}' ({what}) in the header",
        hint=did_you_mean(wanted, table.header)
        or "the header has: " + ", ".join(f"'{h}'" for h in table.header[:12]),
    )
    return None


def _parser(
    mapping: SurveyMapping, table: Table, problems: _Problems
) -> Callable[[int, list[str]], Parsed | None] | None:
    group_col = _column(table, mapping.group.column, problems, "the respondent's group")
    labels = {t.label.casefold(): i for i, t in enumerate(mapping.tasks)}
    labels.update({t.id: i for i, t in enumerate(mapping.tasks)})
    if mapping.layout == "limesurvey":
        question = mapping.choices.question or ""
        task_cols = [
            _column(table, f"{question}[{t.code}]", problems, f"task '{t.id}'")
            for t in mapping.tasks
        ]
        if group_col is None or any(c is None for c in task_cols):
            return None
        return _limesurvey(group_col, [c for c in task_cols if c is not None], problems)
    choice_col = _column(table, mapping.choices.column or "", problems, "the chosen tasks")
    if group_col is None or choice_col is None:
        return None
    if mapping.layout == "ms-forms":
        return _joined(group_col, choice_col, labels, problems, _split_ms_forms)
    if mapping.layout == "google-forms":
        longest_first = sorted((t.label for t in mapping.tasks), key=len, reverse=True)
        return _joined(
            group_col, choice_col, labels, problems, lambda cell: _split_google(cell, longest_first)
        )
    return _single(group_col, choice_col, labels, problems)


def _limesurvey(
    group_col: int, task_cols: list[int], problems: _Problems
) -> Callable[[int, list[str]], Parsed | None]:
    getter = itemgetter(*task_cols) if len(task_cols) > 1 else (lambda row: (row[task_cols[0]],))
    indexes = range(len(task_cols))
    width = max(*task_cols, group_col) + 1

    def parse(line: int, row: list[str]) -> Parsed | None:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        cells = getter(row)
        picks = []
        for i in compress(indexes, cells):
            value = cells[i].strip().casefold()
            if value in _CHOSEN:
                picks.append(i)
            elif value not in _NOT_CHOSEN:
                problems.add(
                    "unexpected value in a task column",
                    line,
                    task_cols[i] + 1,
                    f"unexpected value '{cells[i]}' in a task column",
                    hint="LimeSurvey marks a chosen task with Y and leaves others empty",
                )
        return row[group_col], picks

    return parse


def _split_ms_forms(cell: str) -> list[str] | str:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _split_google(cell: str, longest_first: list[str]) -> list[str] | str:
    """Split ", "-joined choices whose labels may themselves contain ", ".

    Fast path: every piece is a known label. Otherwise match known labels at the start of
    the rest, longest first; text that matches none is returned as the leftover (a str).
    """
    known = set(longest_first)
    parts = cell.split(", ")
    if all(p.strip() in known for p in parts):
        return [p.strip() for p in parts]
    rest, found = cell.strip(), []
    while rest:
        for label in longest_first:
            if rest == label or rest.startswith(label + ", "):
                found.append(label)
                rest = rest[len(label) + 2 :]
                break
        else:
            return rest
    return found


def _joined(
    group_col: int,
    choice_col: int,
    labels: dict[str, int],
    problems: _Problems,
    split: Callable[[str], list[str] | str],
) -> Callable[[int, list[str]], Parsed | None]:
    width = max(group_col, choice_col) + 1

    def parse(line: int, row: list[str]) -> Parsed | None:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        parts = split(row[choice_col])
        if isinstance(parts, str):
            problems.add(
                "unknown choice",
                line,
                choice_col + 1,
                f"cannot match '{parts}' to a task",
                hint=did_you_mean(
                    parts, [label for label in labels if not label.islower() or " " in label]
                )
                or "add the task to the mapping's tasks, with this exact label",
            )
            return None
        picks = []
        for part in parts:
            index = labels.get(part.casefold())
            if index is None:
                index = labels.get(part)
            if index is None:
                problems.add(
                    "unknown choice",
                    line,
                    choice_col + 1,
                    f"unknown choice '{part}'",
                    hint=did_you_mean(part.casefold(), labels)
                    or "add the task to the mapping's tasks, with this exact label",
                )
                return None
            picks.append(index)
        return row[group_col], picks

    return parse


def _single(
    group_col: int, task_col: int, labels: dict[str, int], problems: _Problems
) -> Callable[[int, list[str]], Parsed | None]:
    width = max(group_col, task_col) + 1

    def parse(line: int, row: list[str]) -> Parsed | None:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        value = row[task_col].strip()
        if not value:
            return row[group_col], []
        index = labels.get(value.casefold(), labels.get(value))
        if index is None:
            problems.add(
                "unknown choice",
                line,
                task_col + 1,
                f"unknown choice '{value}'",
                hint=did_you_mean(value.casefold(), labels)
                or "add the task to the mapping's tasks, with this exact label",
            )
            return None
        return row[group_col], [index]

    return parse


def _respondents(
    mapping: SurveyMapping,
    table: Table,
    parse: Callable[[int, list[str]], Parsed | None],
    problems: _Problems,
) -> Iterator[tuple[int, str, list[int]]]:
    """(line, group answer, picks) per respondent; for long layout, rows joined by respondent."""
    if mapping.layout != "long":
        for line, row in table.rows:
            if not any(cell.strip() for cell in row):
                problems.add(
                    "empty row", line, None, "empty row left out", severity=Severity.WARNING
                )
                continue
            parsed = parse(line, row)
            if parsed is not None:
                yield line, parsed[0], parsed[1]
        return
    key_col = _column(table, mapping.respondent or "", problems, "the respondent")
    if key_col is None:
        return
    joined: dict[str, tuple[int, str, list[int]]] = {}
    for line, row in table.rows:
        if not any(cell.strip() for cell in row):
            problems.add("empty row", line, None, "empty row left out", severity=Severity.WARNING)
            continue
        parsed = parse(line, row)
        if parsed is None:
            continue
        key = row[key_col] if key_col < len(row) else ""
        first = joined.get(key)
        if first is None:
            joined[key] = (line, parsed[0], list(parsed[1]))
        elif first[1].strip() != parsed[0].strip():
            problems.add(
                "group changes within a respondent",
                line,
                None,
                f"this respondent's group was '{first[1]}' on line {first[0]}, here '{parsed[0]}'",
                hint="each respondent has one group; check the export",
            )
        else:
            first[2].extend(parsed[1])
    yield from joined.values()


def _count(
    study: Study,
    mapping: SurveyMapping,
    table: Table,
    parse: Callable[[int, list[str]], Parsed | None],
    problems: _Problems,
    sha256: str,
) -> Tally:
    task_ids = [t.id for t in mapping.tasks]
    answers = {answer.strip().casefold(): group for answer, group in mapping.group.values.items()}
    keys = [*sorted({g for g in answers.values() if g is not None}), OUTSIDE]
    slot = {key: i for i, key in enumerate(keys)}
    votes = [[0] * len(task_ids) for _ in keys]
    respondents = [0] * len(keys)
    skipped: dict[str, int] = {}
    group_column = next(
        (
            i + 1
            for i, h in enumerate(table.header)
            if h.casefold() == mapping.group.column.strip().casefold()
        ),
        None,
    )
    for line, answer, picks in _respondents(mapping, table, parse, problems):
        folded = answer.strip().casefold()
        if folded not in answers:
            if not folded:
                problems.add(
                    "no group answer",
                    line,
                    group_column,
                    "no group given: respondent left out",
                    severity=Severity.WARNING,
                )
                skipped["no group answer"] = skipped.get("no group answer", 0) + 1
                continue
            problems.add(
                "unknown group answer",
                line,
                group_column,
                f"unknown group answer '{answer}'",
                hint=did_you_mean(folded, answers)
                or f'add it under group.values with a group id (or ~): "{answer}": …',
            )
            continue
        unique = list(dict.fromkeys(picks))
        if not unique:
            problems.add(
                "no task chosen",
                line,
                None,
                "no task chosen: respondent left out",
                severity=Severity.WARNING,
            )
            skipped["no task chosen"] = skipped.get("no task chosen", 0) + 1
            continue
        if len(unique) > mapping.max_picks:
            problems.add(
                "too many choices",
                line,
                None,
                f"{len(unique)} tasks chosen, more than the {mapping.max_picks} allowed: "
                "respondent left out",
                hint="if the survey allowed more, raise max_picks in the mapping",
                severity=Severity.WARNING,
            )
            skipped["too many choices"] = skipped.get("too many choices", 0) + 1
            continue
        group = answers[folded]
        index = slot[OUTSIDE if group is None else group]
        respondents[index] += 1
        row_votes = votes[index]
        for task in unique:
            row_votes[task] += 1
    return Tally(
        survey=mapping.id,
        title=mapping.title,
        layout=mapping.layout,
        source=table.path.name,
        source_sha256=sha256,
        tasks=tuple(task_ids),
        respondents={k: respondents[i] for k, i in slot.items() if respondents[i]},
        votes={
            k: dict(zip(task_ids, votes[i], strict=True)) for k, i in slot.items() if respondents[i]
        },
        skipped=skipped,
    )
