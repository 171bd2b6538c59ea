"""How a survey export lists its answers, read from the export itself (for
``needmap survey draft``): the layout, the column of the respondent's group, the choices
and the respondent, and the columns the user names.

Each layout leaves its own mark on a sample of rows: LimeSurvey's ``CODE[SQ…]`` headings,
Microsoft Forms' ``;``-joined choices, Google Forms' ``, ``-joined ones, the long layout's
runs of a few rows per respondent; the group column is the one whose answers name the
study's groups (:func:`~needmap.surveys.draft_words.guess_group`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from needmap.errors import Problem
from needmap.personas.study import Study
from needmap.surveys.draft_words import guess_group
from needmap.surveys.headings import missing_column, missing_question, subquestion
from needmap.surveys.mapping import Layout
from needmap.surveys.tables import Table

__all__ = [
    "MAX_ANSWERS",
    "MAX_TASKS",
    "SAMPLE_ROWS",
    "Columns",
    "Detected",
    "detect",
    "google_choices",
    "layout_of",
]

MAX_ANSWERS = 60
"""More distinct answers than this in the group column: it is not a choice question."""
MAX_TASKS = 250
"""More distinct choices than this: the column does not hold the task list."""
SAMPLE_ROWS = 500
"""Rows read to tell the layout and the columns, before the whole export is read."""


@dataclass(frozen=True)
class Detected:
    """What :func:`detect` read from the export: None where it could not tell, which the
    draft then asks for."""

    layout: Layout | None
    group_column: str | None
    choices_column: str | None
    question: str | None
    respondent: str | None
    unheaded: tuple[tuple[int, str, str], ...] = ()
    """Columns that seem to hold the group, the choices or the respondent but have no
    heading (a mapping names columns by their headings): index, what they hold, and the
    option that names such a column."""


def detect(
    study: Study, header: Sequence[str], sample: Sequence[list[str]], layout: Layout | None
) -> Detected:
    """The layout and columns the sample rows show. A LimeSurvey question has three or
    more ``CODE[SQ…]`` columns; Microsoft Forms joins choices with ``;`` (in a third or
    more of a column's answers); Google Forms with ``, `` (:func:`_google_column`); a long
    export has a few rows per respondent (:func:`_long_columns`). The group column is the
    one with the most answers that name the study's groups. Anything unclear is left as
    None, to be asked for, and so is a column without a heading (:attr:`Detected.unheaded`)."""
    question = None
    prefixes = Counter(sub[0] for h in header if (sub := subquestion(h)))
    if prefixes and prefixes.most_common(1)[0][1] >= 3 and layout in (None, "limesurvey"):
        question = prefixes.most_common(1)[0][0]
        layout = "limesurvey"
    choices = respondent = None
    if layout in (None, "ms-forms"):
        joined = [
            sum(";" in row[i] for row in sample if i < len(row)) / max(1, len(sample))
            for i in range(len(header))
        ]
        if joined and max(joined) >= 0.3:
            choices = joined.index(max(joined))
            layout = "ms-forms"
    if layout in (None, "google-forms") and question is None and choices is None:
        stamped = bool(header) and header[0].casefold() in _GOOGLE_TIMESTAMPS
        choices = _google_column(header, sample, repeating=layout is None and not stamped)
        layout = "google-forms" if choices is not None else layout
    if layout in (None, "long") and question is None and choices is None:
        long_columns = _long_columns(header, sample)
        if long_columns is not None:
            respondent, choices = long_columns
            layout = "long"
    if layout in ("limesurvey", "ms-forms", "google-forms"):
        respondent = _key_column(header, sample, choices)
    named: dict[int, int] = {}
    for i, heading in enumerate(header):
        if i in (choices, respondent) or subquestion(heading):
            continue
        answers = {row[i].strip() for row in sample if i < len(row) and row[i].strip()}
        if 0 < len(answers) <= MAX_ANSWERS:
            named[i] = sum(guess_group(study, a) is not None for a in answers)
    best = sorted(named.items(), key=lambda item: -item[1])
    group = None
    if best and best[0][1] > 0 and (len(best) == 1 or best[1][1] < best[0][1]):
        group = best[0][0]
    found = {"--group-column": group, "--choices-column": choices, "--respondent": respondent}
    unheaded = tuple(
        (i, _HOLDS[option], option)
        for option, i in found.items()
        if i is not None and not header[i].strip()
    )
    headed = {
        option: header[i] for option, i in found.items() if i is not None and header[i].strip()
    }
    return Detected(
        layout,
        headed.get("--group-column"),
        headed.get("--choices-column"),
        question,
        headed.get("--respondent"),
        unheaded,
    )


_HOLDS = {
    "--group-column": "the respondents' groups",
    "--choices-column": "the chosen tasks",
    "--respondent": "who answered",
}
"""What the column each option names holds, for a problem about it."""


_KEY_HEADINGS = frozenset(
    {"id", "response id", "responseid", "respondent", "respondent id", "antwoord id"}
)
"""Headings of the column that tells the respondents of an export of one row each apart:
Microsoft Forms' ``ID`` (``Id`` in Dutch), LimeSurvey's ``id`` (``Response ID``,
``Antwoord ID`` with full headings), and Google Forms' timestamp (:data:`_GOOGLE_TIMESTAMPS`)."""

_KEYS_DISTINCT = 0.5
"""At least this share of the sample's distinct rows have a key of their own: two answers
in one second share a timestamp, and a row cut short keeps its row's key."""


def _key_column(
    header: Sequence[str], sample: Sequence[list[str]], choices: int | None
) -> int | None:
    """The index of the column that tells respondents apart in an export of one row each,
    for the mapping's ``respondent``: the import leaves out a row that repeats an earlier
    one word for word, that column too (two exports joined), which without it could be
    two respondents who answered alike. Found by its heading; every sample row that
    reaches the column has a key, most distinct ones their own (a row pasted again has
    its row's; a row cut short before the column, as a broken download ends, says
    nothing)."""
    for i, heading in enumerate(header):
        folded = " ".join(heading.replace("-", " ").casefold().split())
        if i == choices or folded not in _KEY_HEADINGS | _GOOGLE_TIMESTAMPS:
            continue
        reaching = [row for row in sample if i < len(row)]
        keys = [row[i].strip() for row in reaching]
        rows = {tuple(row) for row in reaching}
        if keys and all(keys) and len(set(keys)) >= _KEYS_DISTINCT * len(rows):
            return i
    return None


_GOOGLE_TIMESTAMPS = frozenset(
    {"timestamp", "tijdstempel", "zeitstempel", "horodateur", "marca temporal"}
)
"""The heading Google Forms gives the first column of its export (in English, Dutch,
German, French and Spanish): with it, a pilot export's choices are found though few of
them repeat yet, as when the layout is given."""


def _google_column(
    header: Sequence[str], sample: Sequence[list[str]], *, repeating: bool = True
) -> int | None:
    """The index of the column that holds Google Forms' ``, ``-joined choices: its answers
    hold 1.5 pieces or more on average (a free-text column's commas mostly join a lowercase
    continuation, which :func:`google_choices` keeps whole), and (``repeating``) its
    pieces repeat, on average twice or more, as the options of one question do. When the
    layout is given, the pieces need not repeat: a pilot export of a few answers has few
    choices twice."""
    best, most = None, 1.5
    for i in range(len(header)):
        cells = [row[i] for row in sample if i < len(row) and row[i].strip()]
        pieces = [piece for cell in cells for piece in google_choices(cell)]
        distinct = len(set(pieces))
        if not cells or distinct > MAX_TASKS or (repeating and len(pieces) < 2 * distinct):
            continue
        if len(pieces) / len(cells) >= most:
            best, most = i, len(pieces) / len(cells)
    return best


_MEAN_RUN = 12
"""A respondent of a long export has more rows than this on average: it is not the
respondent column (top-task surveys ask for five picks, rarely more than ten)."""


def _long_columns(header: Sequence[str], sample: Sequence[list[str]]) -> tuple[int, int] | None:
    """The indexes of the respondent and task columns of a long export, or None if the
    sample is not one.

    The respondent column has runs of equal values (a respondent's rows are together), a
    few rows long; within those runs the task column changes on nine rows in ten or more
    (nobody picks a task twice) while its values repeat across respondents, as the
    options of one question do. Of several such columns (a timestamp beside the id) the
    one with the most different values is taken, then the leftmost."""
    rows = [row for row in sample if len(row) == len(header) and any(c.strip() for c in row)]
    pairs = list(pairwise(rows))
    best: tuple[int, int, int] | None = None
    for key in range(len(header)):
        within = [(before, after) for before, after in pairs if before[key] == after[key]]
        keys = len({row[key] for row in rows})
        if len(within) < 0.3 * len(pairs) or not within or keys * _MEAN_RUN < len(rows):
            continue
        for task in range(len(header)):
            tasks = len({row[task] for row in rows})
            changes = sum(before[task] != after[task] for before, after in within)
            if task == key or tasks > MAX_TASKS or len(rows) < 2 * tasks:
                continue
            if changes >= 0.9 * len(within) and (best is None or keys > best[0]):
                best = (keys, key, task)
    return None if best is None else (best[1], best[2])


class Columns:
    """The export's header, looked up by the headings the user named."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.problems: list[Problem] = []

    def find(self, heading: str, option: str, by_code: bool = False) -> int | None:
        found = self.table.column(heading, by_code=by_code)
        if found is None:
            self.problems.append(
                missing_column(self.table.path, self.table.header, heading, option)
            )
        return found

    def subquestions(self, question: str) -> list[tuple[int, str, str]]:
        """LimeSurvey's ``QUESTION[CODE]`` columns: their index, code and label (see
        :func:`~needmap.surveys.headings.subquestion`)."""
        found = [
            (i, sub[1], sub[2])
            for i, column in enumerate(self.table.header)
            if (sub := subquestion(column)) and sub[0] == question.strip()
        ]
        if not found:
            self.problems.append(
                missing_question(self.table.path, self.table.header, question, "--question")
            )
        return found


def google_choices(cell: str) -> list[str]:
    """Google Forms joins choices with ', ', and a label may contain ', ' itself. A piece
    that starts with a lowercase letter is taken to continue the one before it
    ("Find a colleague, by name or expertise"), since task labels start with a capital."""
    pieces: list[str] = []
    for piece in (p.strip() for p in cell.split(", ")):
        if not piece:
            continue
        if pieces and piece[0].islower():
            pieces[-1] += ", " + piece
        else:
            pieces.append(piece)
    return pieces


def layout_of(study: Study, table: Table) -> Layout | None:
    """The layout the first rows of ``table`` (none read yet) show; None where they do
    not tell, or cannot be read."""
    try:
        sample = [row for row in islice(table.rows, SAMPLE_ROWS) if not table.heading_again(row)]
    except table.errors:
        return None
    return detect(study, table.header, sample, None).layout
