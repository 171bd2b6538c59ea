"""Draft a survey mapping from the export itself (``needmap survey draft``).

Writing a mapping by hand means copying every group answer and every task label exactly as
the survey tool wrote them; one typo and the import reports an unknown choice. The export
already holds them all: this reads the group column and the choices, and writes a mapping
with every answer and label in it, each answer guessed to a group where its text is close
to the group's name or id, and a ``TODO`` comment wherever the consultant must decide (an
answer no group resembles, the needs each task is evidence for). The draft is read back
and used to import the export before it is written, so it is a valid mapping from the start.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice, pairwise
from pathlib import Path

from needmap.errors import InvalidStudyError, Location, Problem, TargetExistsError, UsageError
from needmap.fileio import write_text_atomic
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import ID_PATTERN
from needmap.personas.study import Study
from needmap.personas.yamledit import yaml_scalar
from needmap.scrub import scrub
from needmap.surveys.answers import NOT_CHOSEN
from needmap.surveys.mapping import Layout
from needmap.surveys.tables import Table, heading_code, open_table
from needmap.surveys.tally import OUTSIDE

__all__ = ["DraftAnswer", "DraftCheck", "DraftTask", "MappingDraft", "draft_mapping", "write_draft"]

MAX_ANSWERS = 60
"""More distinct answers than this in the group column: it is not a choice question."""
MAX_TASKS = 250
"""More distinct choices than this: the column does not hold the task list."""


@dataclass(frozen=True)
class DraftAnswer:
    """One answer of the group question, and the group it was guessed to mean. (How many
    chose it is not kept: a small group's count must not reach any file.)"""

    text: str
    group: str | None


@dataclass(frozen=True)
class DraftTask:
    id: str
    label: str
    code: str | None
    votes: int
    suggested_needs: tuple[str, ...]


@dataclass(frozen=True)
class MappingDraft:
    """A drafted mapping: its text, and what went into it."""

    survey_id: str
    layout: Layout
    group_column: str
    choices: str
    """The choices column, or (LimeSurvey) the question code."""
    respondent: str | None
    """The column that identifies a respondent, if given or (long layout) read."""
    text: str
    answers: tuple[DraftAnswer, ...]
    tasks: tuple[DraftTask, ...]
    max_picks: int
    left_out: int
    """Answers or labels left out because they hold personal data."""

    @property
    def answer_codes(self) -> bool:
        """Whether the group answers are codes (LimeSurvey's ``AO01``, exported with
        "Answer codes"), which no group's name can resemble."""
        return bool(self.answers) and all(_CODE.fullmatch(a.text) for a in self.answers)


def draft_mapping(
    study: Study,
    export: Path,
    *,
    layout: Layout | None = None,
    group_column: str | None = None,
    choices_column: str | None = None,
    question: str | None = None,
    respondent: str | None = None,
    survey_id: str | None = None,
    title: str | None = None,
) -> MappingDraft:
    """Draft the mapping of ``export`` for ``study``. What is not given is read from the
    export where it can be (:func:`_detect`): a LimeSurvey question by its ``CODE[SQ…]``
    columns, Microsoft Forms by its ``;``-joined choices, the group column by its answers
    that name the study's groups. Every problem with the columns is raised at once, with
    the columns the export has."""
    table = open_table(export)
    try:
        sample = list(islice(table.rows, _SAMPLE))
    except table.errors as exc:
        raise InvalidStudyError([table.unreadable(exc)]) from None
    found = _detect(study, table.header, sample, layout)
    layout = layout or found.layout
    group_column = group_column or found.group_column
    choices_column = choices_column or found.choices_column
    question = question or found.question
    respondent = respondent or found.respondent
    columns = _Columns(table)
    given = {
        "--group-column": group_column,
        "--choices-column": choices_column,
        "--respondent": respondent,
    }
    unheaded = [u for u in found.unheaded if not given[u[2]]]
    for index, holds, option in unheaded:
        columns.problems.append(
            Problem(
                Location(export, 1, index + 1),
                f"column {index + 1} seems to hold {holds}, but has no heading",
                hint="give it a heading in the export's first row (a mapping names its "
                f"columns by their headings), then draft again; if it is not that column, "
                f"name the right one with {option}",
            )
        )
    if layout is None:
        columns.problems.append(
            _usage(
                "cannot tell how this export lists the choices",
                "give --layout: limesurvey, ms-forms, google-forms or long (docs/surveys.md)",
            )
        )
    said = {option for _, _, option in unheaded}  # not asked for again below
    group_at = None
    if group_column is not None:
        group_at = columns.find(group_column, "--group-column", layout == "limesurvey")
    elif "--group-column" not in said:
        columns.problems.append(
            _usage(
                "cannot tell which column holds the respondent's group",
                "give --group-column; the header has: "
                + ", ".join(f"'{h}'" for h in table.header[:15]),
            )
        )
    choice_at = None
    task_columns: list[tuple[int, str, str]] = []
    if layout == "limesurvey":
        if not question:
            columns.problems.append(_usage("layout limesurvey needs --question (its code)"))
        else:
            task_columns = columns.subquestions(question)
    elif layout is not None and not choices_column and "--choices-column" not in said:
        columns.problems.append(_usage(f"layout {layout} needs --choices-column"))
    elif choices_column:
        choice_at = columns.find(choices_column, "--choices-column")
    respondent_at = None
    if layout == "long" and not respondent and "--respondent" not in said:
        columns.problems.append(_usage("layout long needs --respondent (the column)"))
    elif respondent:
        respondent_at = columns.find(respondent, "--respondent")
    if survey_id is not None and not re.fullmatch(ID_PATTERN, survey_id):
        columns.problems.append(
            _usage(
                f"'{survey_id}' is not a valid survey id (--id)",
                "use lowercase letters, digits, '-' and '_', such as toptasks-2026",
            )
        )
    if columns.problems or group_at is None or layout is None or group_column is None:
        raise UsageError(columns.problems)
    rows = chain(sample, table.rows)
    try:
        read = _read(rows, layout, group_at, choice_at, task_columns, respondent_at)
    except table.errors as exc:
        raise InvalidStudyError([table.unreadable(exc)]) from None
    answers = [
        DraftAnswer(text, _guess_group(study, text)) for text in read.answers if scrub(text) == text
    ]
    labels = [(label, code) for label, code in read.labels if scrub(label) == label]
    empty = [
        f"no answers in column '{group_column}'" if not answers else "",
        "no chosen tasks" if not labels else "",
    ]
    if any(empty):
        raise UsageError(
            [
                Problem(
                    Location(export),
                    f"cannot draft a mapping: {message}",
                    hint="check that this is the survey's export, with its answers",
                )
                for message in empty
                if message
            ]
        )
    if len(answers) > MAX_ANSWERS:
        raise UsageError.single(
            f"column '{group_column}' has {len(answers)} different answers",
            path=export,
            hint="name the column of the question that asks for the respondent's group",
        )
    if len(labels) > MAX_TASKS:
        raise UsageError.single(
            f"the choices have {len(labels)} different texts",
            path=export,
            hint="name the column (or question) that holds the chosen tasks",
        )
    ids = _unique_ids(label for label, _ in labels)
    tasks = [
        DraftTask(i, label, code, read.votes[code or label], _suggest_needs(study, label))
        for i, (label, code) in zip(ids, labels, strict=True)
    ]
    draft_id = survey_id or _slug(export.stem) or "survey"
    left_out = len(read.answers) - len(answers) + len(read.labels) - len(labels)
    asked_at = choice_at if choice_at is not None else next(iter(task_columns), (None,))[0]
    asked = _asked_picks(table.header[asked_at]) if asked_at is not None else None
    max_picks = asked if asked is not None and asked >= read.max_picks else read.max_picks
    text = _mapping_text(
        draft_id,
        title or "",
        export.stem,
        layout,
        (max_picks, asked),
        respondent,
        group_column,
        choices_column,
        question,
        answers,
        tasks,
        export.name,
    )
    choices = question if layout == "limesurvey" else choices_column
    return MappingDraft(
        draft_id,
        layout,
        group_column,
        choices or "",
        respondent,
        text,
        tuple(answers),
        tuple(tasks),
        max_picks,
        left_out,
    )


def _usage(message: str, hint: str = "") -> Problem:
    return Problem(Location(), message, hint=hint)


_CODE = re.compile(r"[A-Za-z]{0,3}\d+")
_SAMPLE = 500
"""Rows read to tell the layout and the columns, before the whole export is read."""
_SUBQUESTION = re.compile(r"(.+)\[(.+)\]")
_LAST_BRACKETS = re.compile(r".*\[([^\[\]]+)\]\s*", re.DOTALL)


def _subquestion(heading: str) -> tuple[str, str, str] | None:
    """A LimeSurvey subquestion column's question code, subquestion code and label.

    Exported with "Question code" headings (``G02Q02[SQ001]``) the label is not in the
    export, and the code stands in for it; with "Question code & question text" the label
    is the last ``[…]`` (``G02Q02[SQ001]. Which tasks? [Book leave]``). A full-text
    heading (``Which tasks? [Book leave]``) is read as question and code, without the space
    between them."""
    code = heading_code(heading)
    if code is not None and code.endswith("]"):
        question, subquestion = code[:-1].split("[", 1)
        label = _LAST_BRACKETS.fullmatch(heading.strip()[len(code) :])
        return question, subquestion, label.group(1).strip() if label else subquestion
    match = _SUBQUESTION.fullmatch(heading)
    return (match.group(1).strip(), match.group(2), match.group(2)) if match else None


@dataclass(frozen=True)
class _Detected:
    layout: Layout | None
    group_column: str | None
    choices_column: str | None
    question: str | None
    respondent: str | None
    unheaded: tuple[tuple[int, str, str], ...] = ()
    """Columns that seem to hold the group, the choices or the respondent but have no
    heading (a mapping names columns by their headings): index, what they hold, and the
    option that names such a column."""


def _detect(
    study: Study, header: Sequence[str], sample: Sequence[list[str]], layout: Layout | None
) -> _Detected:
    """The layout and columns the sample rows show. A LimeSurvey question has three or
    more ``CODE[SQ…]`` columns; Microsoft Forms joins choices with ``;`` (in a third or
    more of a column's answers); Google Forms with ``, `` (:func:`_google_column`); a long
    export has a few rows per respondent (:func:`_long_columns`). The group column is the
    one with the most answers that name the study's groups. Anything unclear is left as
    None, to be asked for, and so is a column without a heading (:attr:`_Detected.unheaded`)."""
    question = None
    prefixes = Counter(sub[0] for h in header if (sub := _subquestion(h)))
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
        choices = _google_column(header, sample)
        layout = "google-forms" if choices is not None else layout
    if layout in (None, "long") and question is None and choices is None:
        long_columns = _long_columns(header, sample)
        if long_columns is not None:
            respondent, choices = long_columns
            layout = "long"
    named: dict[int, int] = {}
    for i, heading in enumerate(header):
        if i in (choices, respondent) or _subquestion(heading):
            continue
        answers = {row[i].strip() for row in sample if i < len(row) and row[i].strip()}
        if 0 < len(answers) <= MAX_ANSWERS:
            named[i] = sum(_guess_group(study, a) is not None for a in answers)
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
    return _Detected(
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


def _google_column(header: Sequence[str], sample: Sequence[list[str]]) -> int | None:
    """The index of the column that holds Google Forms' ``, ``-joined choices: its answers
    hold 1.5 pieces or more on average (a free-text column's commas mostly join a lowercase
    continuation, which :func:`_google_choices` keeps whole), and its pieces repeat, on
    average twice or more, as the options of one question do."""
    best, most = None, 1.5
    for i in range(len(header)):
        cells = [row[i] for row in sample if i < len(row) and row[i].strip()]
        pieces = [piece for cell in cells for piece in _google_choices(cell)]
        distinct = len(set(pieces))
        if not cells or distinct > MAX_TASKS or len(pieces) < 2 * distinct:
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


class _Columns:
    """The export's header, looked up by the headings the user named."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.problems: list[Problem] = []

    def find(self, heading: str, option: str, by_code: bool = False) -> int | None:
        header = self.table.header
        found = self.table.column(heading, by_code=by_code)
        if found is not None:
            return found
        self.problems.append(
            Problem(
                Location(self.table.path, 1),
                f"no column '{heading}' ({option}) in the header",
                hint=did_you_mean(heading, header, ignore_case=True)
                or "the header has: " + ", ".join(f"'{h}'" for h in header[:15]),
            )
        )
        return None

    def subquestions(self, question: str) -> list[tuple[int, str, str]]:
        """LimeSurvey's ``QUESTION[CODE]`` columns: their index, code and label (see
        :func:`_subquestion`)."""
        found = [
            (i, sub[1], sub[2])
            for i, column in enumerate(self.table.header)
            if (sub := _subquestion(column)) and sub[0] == question.strip()
        ]
        if not found:
            questions = sorted({c.split("[", 1)[0] for c in self.table.header if "[" in c})
            self.problems.append(
                Problem(
                    Location(self.table.path, 1),
                    f"no columns '{question}[…]' in the header",
                    hint=did_you_mean(question, questions)
                    or "questions with subquestions in the header: "
                    + (", ".join(questions) or "none"),
                )
            )
        return found


@dataclass
class _Read:
    answers: Counter[str]
    """Each group answer and how many gave it, the most given first."""
    labels: list[tuple[str, str | None]]
    """Each choice's label and (LimeSurvey) code: the most chosen first, or (LimeSurvey)
    in the order of its columns."""
    votes: Counter[str]
    max_picks: int


def _read(
    rows: Iterable[list[str]],
    layout: Layout,
    group_at: int,
    choice_at: int | None,
    task_columns: Sequence[tuple[int, str, str]],
    respondent_at: int | None,
) -> _Read:
    answers: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    picks_of: dict[str, set[str]] = {}  # long: each respondent's tasks, each once as import counts
    max_picks = 0
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        cell = row[choice_at].strip() if choice_at is not None and choice_at < len(row) else ""
        if layout == "limesurvey":
            chosen = [
                code
                for i, code, _ in task_columns
                if i < len(row) and row[i].strip().casefold() not in NOT_CHOSEN
            ]
        elif layout == "ms-forms":
            chosen = [p.strip() for p in cell.split(";") if p.strip()]
        elif layout == "google-forms":
            chosen = _google_choices(cell)
        else:
            chosen = [cell] if cell else []
        key = row[respondent_at] if respondent_at is not None else ""
        if layout == "long":
            if key in picks_of:
                picks_of[key].update(chosen)
                votes.update(chosen)
                max_picks = max(max_picks, len(picks_of[key]))
                continue
            picks_of[key] = set(chosen)
        answer = row[group_at].strip() if group_at < len(row) else ""
        if answer:
            answers[answer] += 1
        votes.update(chosen)
        max_picks = max(max_picks, len(set(chosen)))  # a task named twice counts once
    # The order answers and choices were first seen in is chance: the most given first, so
    # that the answers and tasks that count most are checked first. LimeSurvey's columns
    # keep the questionnaire's order.
    answers = Counter(dict(sorted(answers.items(), key=lambda item: (-item[1], item[0]))))
    labels: list[tuple[str, str | None]] = [
        (label, None) for label, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    ]
    if layout == "limesurvey":
        labels = [(label, code) for _, code, label in task_columns]
    return _Read(answers, labels, votes, max(max_picks, 1))


def _google_choices(cell: str) -> list[str]:
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


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")[:40].strip("-")


# fmt: off
_FILLERS = frozenset((
    "a", "an", "the", "my", "your", "of", "or", "and", "to", "in", "on", "at", "for",
    "with", "from", "by",
    "een", "de", "het", "mijn", "je", "jouw", "van", "en", "te", "op", "aan", "voor",
    "met", "bij", "naar",
))
# fmt: on
"""Words left out of a task's id: "Een storing of defect melden" is storing-defect-melden."""


# fmt: off
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
}
# fmt: on
_AT_MOST = re.compile(
    r"\b(?:at most|up to|no more than|(?:a )?maximum(?: of)?|max\.?|maximaal|hoogstens"
    r"|ten hoogste|niet meer dan)\s+(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
)


def _asked_picks(question: str) -> int | None:
    """How many tasks the question lets a respondent choose, if its text says so
    ("Choose at most five", "Kies maximaal 5 taken"), in English or Dutch."""
    found = _AT_MOST.search(_fold(question))
    if found is None:
        return None
    number = found.group(1)
    return int(number) if number.isdigit() else _NUMBER_WORDS[number]


_ONCE_HINT = 3
_VOTES_HINT = 50
"""A draft of at least this many votes, with at least ``_ONCE_HINT`` choices made once
each, asks whether those are answers to an "Other" option: a task of the list is seldom
chosen by one respondent of dozens, a text of one's own nearly always."""

_APOSTROPHES = re.compile("['\u2018\u2019`]")
"""Left out of a word, not a break in it: "a client's plan" has clients, "foto's" fotos."""


def _task_id(label: str) -> str:
    """A short id from the label's first four words that say something."""
    text = _APOSTROPHES.sub("", _fold(label))
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _FILLERS]
    return "-".join(words[:4])[:40].strip("-")


def _unique_ids(texts: Iterable[str]) -> list[str]:
    ids: list[str] = []
    for text in texts:
        base = _task_id(text) or "task"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


_PARTS = re.compile(r"[,/();:]|\s(?:of|or|en|and|&)\s")
"""Where an answer or a group name splits into parts: "Teamleider of afdelingshoofd"."""
_MATCH = 0.85
"""How alike (difflib ratio) two parts must be to count as the same word."""


def _parts(text: str) -> list[str]:
    """The words or phrases of ``text`` worth comparing: folded, four letters or more."""
    return [p.strip() for p in _PARTS.split(_fold(text)) if len(p.strip()) >= 4]


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", _fold(text)) if len(w) >= 4]


def _alike(a: str, b: str) -> bool:
    """Whether two words are (nearly) the same ("lead" and "leads"), or one is a part of
    the other that Dutch writes as one word: "nieuws" and "organisatienieuws",
    "personeelsregeling" and "regeling"."""
    short, long = sorted((a, b), key=len)
    if len(short) >= _PART and (long.startswith(short) or long.endswith(short)):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= _MATCH


_PART = 5
"""Letters a word needs to count as a part of a longer one: "zorg" in "zorgplan" is too
common a start to say much."""


def _names_two_groups(study: Study, answer: str) -> bool:
    """Whether the answer names more than one group, as "Office or field staff" does.

    The group whose name the answer covers best is the one it names; another group counts
    too only if the answer has a word of that group's name which the first group's name
    lacks ("field"), and half of that name's words or more. A word that the names share
    ("staff", "service", "team") names no second group: "Reception or customer service"
    names "Reception and customer service", not "Service engineers and field staff".
    """
    ours = _words(answer)
    named: list[tuple[float, frozenset[str]]] = []
    for group in study.groups:
        theirs = _words(group.name)
        used = frozenset(a for a in ours if any(_alike(a, b) for b in theirs))
        if used:
            share = sum(any(_alike(a, b) for a in ours) for b in theirs) / len(theirs)
            named.append((share, used))
    if len(named) < 2:
        return False
    named.sort(key=lambda item: (item[0], len(item[1])), reverse=True)
    best = named[0][1]
    return any(share >= 0.5 and not used <= best for share, used in named[1:])


def _described_group(study: Study, answer: str) -> str | None:
    """The one group whose name and description have every word of the answer, if one has.

    This settles an answer that seems to name two groups: "Carer, nurse or support worker"
    has words of "Care staff", "Support services" and "Family and carers", but only the
    first group is described as "Carers, nurses and support workers".
    """
    ours = _words(answer)
    described = [
        group.id
        for group in study.groups
        if all(any(_alike(a, b) for b in _words(f"{group.name} {group.description}")) for a in ours)
    ]
    return described[0] if len(described) == 1 else None


def _guess_group(study: Study, answer: str) -> str | None:
    """The one group the answer names: its id or name exactly, else the one group whose
    name (then: description) shares a part with the answer ("Baliemedewerker, KCC of
    receptie" and "Baliemedewerkers"). When two groups fit as well, none is guessed: a
    wrong guess would count people in the wrong group."""
    folded = _fold(answer)
    for group in study.groups:
        if folded in (_fold(group.id), _fold(group.name)):
            return group.id
    if _names_two_groups(study, answer):
        return _described_group(study, answer)
    ours = _parts(answer)
    for by_name in (True, False):
        scores = {
            g.id: _closeness(ours, [g.id, g.name] if by_name else [g.description])
            for g in study.groups
        }
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if ranked and ranked[0][1] >= _MATCH and (len(ranked) == 1 or ranked[1][1] < _MATCH):
            return ranked[0][0]
    return None


def _closeness(ours: Sequence[str], texts: Sequence[str]) -> float:
    """How close the nearest of our parts comes to a part of ``texts`` (difflib ratio)."""
    return max(
        (
            difflib.SequenceMatcher(None, a, b).ratio()
            for a in ours
            for text in texts
            for b in _parts(text)
        ),
        default=0.0,
    )


def _suggest_needs(study: Study, label: str) -> tuple[str, ...]:
    """Up to two needs whose title shares words with the task label, rarer words counting
    more ("calamiteit" says more than "bekijken"): a hint in a comment, never a link, since
    a wrong link would count votes as evidence for the wrong need."""
    titles = {n.id: _words(n.title) for n in study.needs}
    scores: dict[str, float] = {}
    for word in _words(label):
        having = [need for need, words in titles.items() if any(_alike(word, w) for w in words)]
        for need in having:
            scores[need] = scores.get(need, 0.0) + 1 / len(having)
    ranked = sorted((n for n, score in scores.items() if score >= 0.5), key=lambda n: -scores[n])
    return tuple(ranked[:2])


def _mapping_text(
    draft_id: str,
    title: str,
    stem: str,
    layout: Layout,
    picks: tuple[int, int | None],
    respondent: str | None,
    group_column: str,
    choices_column: str | None,
    question: str | None,
    answers: Sequence[DraftAnswer],
    tasks: Sequence[DraftTask],
    source: str,
) -> str:
    """The mapping's YAML; ``picks`` is max_picks and what the question asked for, if it
    says. Without a ``title``, the export's name (``stem``) stands in, marked to do."""
    max_picks, asked = picks
    if asked == max_picks:
        picks_note = "the question asks for at most this many"
    elif asked is None:
        picks_note = "the most tasks one respondent chose in the export"
    else:
        picks_note = (
            f"TODO: the question asks for at most {asked}, but a respondent chose "
            f"{max_picks}; with {asked}, such respondents are left out"
        )
    lines = [
        f"# Drafted by needmap survey draft from {source}.",
        "# Answers and tasks: the most given first"
        + (" (tasks in the export's order)" if layout == "limesurvey" else "")
        + ".",
        "# Check every TODO, link each task to the needs it is evidence for, then:",
        "# needmap survey import STUDY EXPORT",
        f"id: {yaml_scalar(draft_id)}",
        f"title: {yaml_scalar(title)}"
        if title
        else f"title: {yaml_scalar(stem)}  # TODO: the survey's name, as the reports show it",
        f"layout: {layout}",
        f"max_picks: {max_picks}  # {picks_note}",
    ]
    if respondent:
        lines.append(f"respondent: {yaml_scalar(respondent)}")
    lines += ["group:", f"  column: {yaml_scalar(group_column)}", "  values:"]
    for answer in answers:
        if answer.group is not None:
            note = "# guessed from the group's name or id"
            lines.append(f"    {yaml_scalar(answer.text)}: {yaml_scalar(answer.group)}  {note}")
        else:
            note = "# TODO: a group id, or ~ for answers outside the target groups"
            lines.append(f"    {yaml_scalar(answer.text)}: ~  {note}")
    lines.append("choices:")
    if question:
        lines.append(f"  question: {yaml_scalar(question)}")
    else:
        lines.append(f"  column: {yaml_scalar(choices_column or '')}")
    once = sum(1 for task in tasks if task.votes == 1)
    if layout != "limesurvey" and once >= _ONCE_HINT and sum(t.votes for t in tasks) >= _VOTES_HINT:
        lines.append(
            f"# TODO: the last {once} tasks were chosen once each. If the question has an "
            '"Other" option, they are its answers: delete them and write other: true under '
            "choices."
        )
    lines.append("tasks:")
    for task in tasks:
        code = f", code: {yaml_scalar(task.code, flow=True)}" if task.code is not None else ""
        label = yaml_scalar(task.label, flow=True)
        entry = f"  - {{id: {yaml_scalar(task.id, flow=True)}, label: {label}{code}, needs: []}}"
        todo = "  # TODO: needs" + (
            f", perhaps {', '.join(task.suggested_needs)}" if task.suggested_needs else ""
        )
        if task.code == task.label:
            todo += "; and the label the survey showed"
        lines.append(entry + todo)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class DraftCheck:
    """How the written draft imports the export it came from."""

    respondents: int | None
    """Respondents counted in the target groups (those outside are not: as ``survey
    import`` shows them, a few are hidden); None when the import found errors."""
    problems: tuple[Problem, ...] = ()


def write_draft(study: Study, draft: MappingDraft, path: Path, export: Path) -> DraftCheck:
    """Write the draft to ``path`` (never over an existing file) once it has been read back
    as a mapping, and import ``export`` with it. The import fails only where the draft left
    out answers or labels that hold personal data, or could give no answer a group
    (LimeSurvey's answer codes); a draft that does not load is a bug,
    raised as such, and leaves nothing behind."""
    from needmap.surveys.importer import import_survey
    from needmap.surveys.mapping import load_mapping

    if path.exists():
        raise TargetExistsError.single(
            "would overwrite an existing file",
            path=path,
            hint="choose another name with --out, or --id; needmap never overwrites your files",
        )
    temp = path.with_name(f".{path.name}.draft")
    write_text_atomic(temp, draft.text)
    try:
        try:
            mapping = load_mapping(temp, study)
        except InvalidStudyError as exc:
            raise RuntimeError(f"the drafted mapping does not load: {exc}") from None
        try:
            tally = import_survey(mapping, export).tally
            check = DraftCheck(sum(n for g, n in tally.respondents.items() if g != OUTSIDE))
        except InvalidStudyError as exc:
            check = DraftCheck(None, exc.problems)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return check
