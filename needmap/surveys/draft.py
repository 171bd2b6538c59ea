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

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path

from needmap.controls import fold_text, without_controls
from needmap.errors import InvalidStudyError, Location, Problem, TargetExistsError, UsageError
from needmap.fileio import write_text_atomic
from needmap.personas.messages import text_problems
from needmap.personas.modelines import SURVEY_SCHEMA, study_modeline
from needmap.personas.schema import ID_PATTERN
from needmap.personas.study import Study
from needmap.scrub import scrub
from needmap.surveys.answers import ANSWER_CODE, NOT_CHOSEN
from needmap.surveys.catalog import fitting_tallies, load_mappings, same_answers
from needmap.surveys.draft_columns import (
    MAX_ANSWERS,
    MAX_TASKS,
    SAMPLE_ROWS,
    Columns,
    Detected,
    detect,
    google_choices,
)
from needmap.surveys.draft_earlier import (
    EarlierAnswer,
    EarlierMappings,
    EarlierTask,
    earlier_mappings,
)
from needmap.surveys.draft_languages import ChoiceLinks, TwoLanguages, in_the_other_language
from needmap.surveys.draft_text import DraftAnswer, DraftTask, mapping_text
from needmap.surveys.draft_words import (
    asked_picks,
    guess_group,
    guess_in_words_of,
    slug,
    suggest_needs,
    unique_ids,
)
from needmap.surveys.file_notes import file_notes
from needmap.surveys.headings import header_list
from needmap.surveys.inputs import survey_imported_from
from needmap.surveys.mapping import SURVEY_FOLDER, Layout
from needmap.surveys.tables import (
    HowRead,
    Table,
    open_export,
    other_sheets_that_fit,
    several_sheets_fit,
)
from needmap.surveys.tally import OUTSIDE, Tally

__all__ = [
    "MAX_ANSWERS",
    "MAX_TASKS",
    "DraftAnswer",
    "DraftCheck",
    "DraftTask",
    "ImportedAlready",
    "MappingDraft",
    "draft_mapping",
    "imported_already",
    "write_draft",
]


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
    how: HowRead
    """How the export was read ("CSV, Windows-1252, semicolon-separated"), as the import
    says it: a wrong guess of its encoding shows in the draft's labels first."""
    sheet: str | None = None
    """The workbook's sheet the draft was told to read (``--sheet``), which its import
    is told too."""
    two_languages: TwoLanguages | None = None
    """The task texts in two languages, where the export has them so."""
    other_language: bool = False
    """Whether the export is in one language, the study's other (a survey held in English
    for a Dutch study): its group answers are guessed from their words in the study's."""
    repeats: str | None = None
    """The mapping file of the survey whose tasks this one mostly has, which it may repeat:
    its ``earlier`` is in the draft, commented out."""

    @property
    def answer_codes(self) -> bool:
        """Whether the group answers are codes (LimeSurvey's ``AO01``, exported with
        "Answer codes"), which no group's name can resemble."""
        return bool(self.answers) and all(ANSWER_CODE.fullmatch(a.text) for a in self.answers)


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
    sheet: str | None = None,
) -> MappingDraft:
    """Draft the mapping of ``export`` (of a workbook, its ``sheet``, if named) for
    ``study``. What is not given is read from the
    export where it can be (:func:`detect`): a LimeSurvey question by its ``CODE[SQ…]``
    columns, Microsoft Forms by its ``;``-joined choices, the group column by its answers
    that name the study's groups. Every problem with the columns is raised at once, with
    the columns the export has."""
    title = None if title is None else title.strip()
    table, sample, found = _answers_sheet(study, open_export(export, sheet), layout, sheet)
    layout = layout or found.layout or ("limesurvey" if question else None)
    group_column = group_column or found.group_column
    choices_column = choices_column or found.choices_column
    question = question or found.question
    respondent = respondent or found.respondent
    columns = Columns(table)
    given = {
        "--group-column": group_column,
        "--choices-column": choices_column,
        "--respondent": respondent,
    }
    said = _unheaded(found.unheaded, given, columns)
    if layout is None:
        columns.problems.append(
            Problem(
                Location(export),
                "cannot tell how this export lists the choices",
                hint="give --layout: limesurvey, ms-forms, google-forms or long (docs/surveys.md)",
            )
        )
    group_at = _group_at(columns, group_column, layout, said)
    columns.problems.extend(_options_of_another_layout(layout, question, choices_column))
    choice_at, task_columns = _choices_at(columns, layout, question, choices_column, said)
    respondent_at = _respondent_at(columns, layout, respondent, said)
    if survey_id is not None and not re.fullmatch(ID_PATTERN, survey_id):
        columns.problems.append(
            _usage(
                f"'{survey_id}' is not a valid survey id (--id)",
                "use lowercase letters, digits, '-' and '_', such as toptasks-2026",
            )
        )
    columns.problems += text_problems(title, "title", "give a title, or leave out --title")
    if columns.problems or group_at is None or layout is None or group_column is None:
        raise UsageError(columns.problems)
    rows = _without_heading_rows(chain(sample, table.rows), table)
    try:
        read = _read(rows, layout, group_at, choice_at, task_columns, respondent_at)
    except table.errors as exc:
        raise InvalidStudyError([table.unreadable(exc)]) from None
    earlier = earlier_mappings(study)
    answers, labels = _draftable(study, read, export, group_column, earlier)
    texts = [label for label, _ in labels]
    languages = read.links.two_languages(texts, read.votes, study.settings.language)
    other_language = languages is None and in_the_other_language(texts, study.settings.language)
    answers = _in_other_language(study, answers, languages, other_language=other_language)
    tasks = _tasks(study, labels, read.votes, earlier, question, languages)
    draft_id = survey_id or slug(export.stem) or "survey"
    repeated = earlier.repeated([task.label for task in tasks if not task.other_language])
    left_out = len(read.answers) - len(answers) + len(read.labels) - len(labels)
    asked_at = choice_at if choice_at is not None else next(iter(task_columns), (None,))[0]
    asked = asked_picks(table.header[asked_at]) if asked_at is not None else None
    max_picks = asked if asked is not None and asked >= read.max_picks else read.max_picks
    # the export's name stands in the mapping: as one line, which a comment must be, and
    # without control characters, which a mapping may not hold
    name = " ".join(without_controls(export.name).split())
    text = mapping_text(
        draft_id,
        title or "",
        " ".join(without_controls(export.stem).split()) or draft_id,
        layout,
        (max_picks, asked),
        respondent,
        group_column,
        choices_column,
        question,
        answers,
        tasks,
        name,
        file_notes(study.settings.language),
        _other_from(earlier, layout, group_column, choices_column),
        None if repeated is None else (repeated.id, repeated.source),
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
        table.how,
        sheet,
        languages,
        other_language,
        None if repeated is None else repeated.source,
    )


def _other_from(
    earlier: EarlierMappings, layout: Layout, group_column: str, choices_column: str | None
) -> dict[str, str]:
    """For "group" and "choices": the study's mapping whose question in the same column has
    an 'Other' option, as the survey run again has. (LimeSurvey writes the text typed for
    'Other' in a column of its own: there is nothing to take.)"""
    if layout == "limesurvey":
        return {}
    found = {
        "group": earlier.other("group", group_column),
        "choices": earlier.other("choices", choices_column),
    }
    return {section: source for section, source in found.items() if source is not None}


def _unheaded(
    unheaded: Sequence[tuple[int, str, str]], given: dict[str, str | None], columns: Columns
) -> set[str]:
    """A problem for each column that seems to hold what an option names but has no
    heading (a mapping names columns by their headings), unless that option was given;
    the options so told of, which are not asked for again."""
    told = [u for u in unheaded if not given[u[2]]]
    for index, holds, option in told:
        columns.problems.append(
            Problem(
                Location(columns.table.path, 1, index + 1),
                f"column {index + 1} seems to hold {holds}, but has no heading",
                hint="give it a heading in the export's first row (a mapping names its "
                f"columns by their headings), then draft again; if it is not that column, "
                f"name the right one with {option}",
            )
        )
    return {option for _, _, option in told}


def _group_at(
    columns: Columns, group_column: str | None, layout: Layout | None, said: set[str]
) -> int | None:
    """The index of the column with the respondent's group; a problem if it is not named
    and not found (LimeSurvey's columns are found by their code too)."""
    if group_column is not None:
        return columns.find(group_column, "--group-column", layout == "limesurvey")
    if "--group-column" not in said:
        _ask_for(columns, "--group-column", "cannot tell which column holds the respondent's group")
    return None


def _choices_at(
    columns: Columns,
    layout: Layout | None,
    question: str | None,
    choices_column: str | None,
    said: set[str],
) -> tuple[int | None, list[tuple[int, str, str]]]:
    """Where the chosen tasks are: the index of the one column that holds them, or
    (LimeSurvey) the columns of the question, one per task; a problem if the layout's
    option is missing or names no column."""
    if layout == "limesurvey":
        if question:
            return None, columns.subquestions(question)
        columns.problems.append(
            Problem(
                Location(columns.table.path, 1),
                "layout limesurvey needs --question (its code): the header has no "
                "columns 'CODE[SQ001]' to take it from",
                hint="give --question with the task question's code (G01Q02 for columns "
                "G01Q02[SQ001], …), or the layout the export has: ms-forms, google-forms or "
                "long",
            )
        )
    elif layout is not None and not choices_column and "--choices-column" not in said:
        _ask_for(
            columns,
            "--choices-column",
            f"layout {layout} needs --choices-column (the column with the chosen tasks)",
        )
    elif choices_column:
        return columns.find(choices_column, "--choices-column"), []
    return None, []


def _respondent_at(
    columns: Columns, layout: Layout | None, respondent: str | None, said: set[str]
) -> int | None:
    """The index of the column that tells who answered: named, or needed (the long layout
    has a row per choice, so its rows are told apart by it)."""
    if respondent:
        return columns.find(respondent, "--respondent")
    if layout == "long" and "--respondent" not in said:
        _ask_for(
            columns,
            "--respondent",
            "layout long needs --respondent (the column that tells who answered)",
        )
    return None


def _tasks(
    study: Study,
    labels: Sequence[tuple[str, str | None]],
    votes: Counter[str],
    earlier: EarlierMappings,
    question: str | None,
    languages: TwoLanguages | None = None,
) -> list[DraftTask]:
    """The draft's tasks: a label the study's mappings have keeps its id and, where they
    link it to needs, its needs; the others get an id of their own and needs suggested.
    Of two labels alike but for their case, the one written as the mapping has it keeps
    the id. Texts that a mapping gives one task (its label and ``also``: the survey in
    two languages) are one task again, with the mapping's label as its label. A
    LimeSurvey export with code headings has its codes for labels: a mapping of the same
    ``question`` gives them theirs. Of an export in two ``languages``, the texts their
    places pair are one task; the other language's others come last, to pair by hand."""
    if question:
        labels = [
            (earlier.label(question, code) or label, code) if label == code else (label, code)
            for label, code in labels
        ]
    texts = _paired(_texts_by_task(labels, votes, earlier), languages)
    known = [earlier.task(t.label) for t in texts]
    exact = {k.id for k, t in zip(known, texts, strict=True) if k and k.label == t.label}
    ids = unique_ids(
        [t.label for t in texts],
        [
            k.id if k and (k.label == t.label or k.id not in exact) else None
            for k, t in zip(known, texts, strict=True)
        ],
    )
    tasks = []
    other = set(languages.other) if languages is not None else set()
    maybe = languages.maybe if languages is not None else {}
    untranslated = languages.untranslated if languages is not None else frozenset()
    none_may = languages is not None and languages.none_may
    id_of = {t.label: i for i, t in zip(ids, texts, strict=True)}
    for i, t, task in zip(ids, texts, known, strict=True):
        if task is not None and task.needs:
            tasks.append(
                DraftTask(
                    i, t.label, t.code, t.votes, (), task.needs, task.source, t.also, t.paired
                )
            )
        else:
            suggested = suggest_needs(study, t.label)
            tasks.append(
                DraftTask(
                    i,
                    t.label,
                    t.code,
                    t.votes,
                    suggested,
                    also=t.also,
                    paired=t.paired,
                    other_language=t.label in other and not t.also,
                    maybe=tuple(id_of[own] for own in maybe.get(t.label, ()) if own in id_of),
                    or_none=t.label in maybe and none_may,
                    untranslated=t.label in untranslated and not t.also,
                )
            )
    return sorted(tasks, key=lambda task: task.other_language)


def _paired(texts: list[_TaskTexts], languages: TwoLanguages | None) -> list[_TaskTexts]:
    """Each text of the export's other language with the text its place in the list
    pairs it with (:mod:`.draft_languages`), as one task, the most chosen first; a text
    that a mapping of the study already gives a task stays as it has it."""
    if languages is None or not languages.paired:
        return texts
    alone = {t.label: t for t in texts if not t.also}
    own_of = {
        other: own for other, own in languages.paired.items() if other in alone and own in alone
    }
    other_of = {own: alone[other] for other, own in own_of.items()}
    joined = []
    for t in texts:
        if t.label in own_of:
            continue
        other = other_of.get(t.label)
        if other is not None:
            t = replace(t, also=(other.label,), votes=t.votes + other.votes, paired=True)
        joined.append(t)
    return sorted(joined, key=lambda t: -t.votes)


def _in_other_language(
    study: Study,
    answers: list[DraftAnswer],
    languages: TwoLanguages | None,
    *,
    other_language: bool,
) -> list[DraftAnswer]:
    """The group answers, those in the study's other language that no group resembles
    guessed once their words are in the study's language: those given with the choices
    of that language in an export of two (marked where that guesses nothing: the group
    question in that language), or all of an export in that ``other_language`` alone."""
    if languages is None and not other_language:
        return answers
    return [
        _in_words(study, a, marked=languages is not None)
        if (languages is None or a.text in languages.answers)
        and a.group is None
        and a.source is None
        else a
        for a in answers
    ]


def _in_words(study: Study, answer: DraftAnswer, *, marked: bool) -> DraftAnswer:
    """The answer guessed from its words in the study's language; else ``marked`` as in
    the export's other language, if the export has two."""
    guessed = guess_in_words_of(study, answer.text)
    if guessed is None:
        return replace(answer, other_language=True) if marked else answer
    return replace(answer, group=guessed[0], words=guessed[1])


@dataclass(frozen=True)
class _TaskTexts:
    """What the export has of one task: its label, (LimeSurvey) code, other texts, and
    how many chose it by any of them."""

    label: str
    code: str | None
    also: tuple[str, ...]
    votes: int
    paired: bool = False
    """Whether ``also`` is the export's other language, paired by its place in the list."""


def _texts_by_task(
    labels: Sequence[tuple[str, str | None]], votes: Counter[str], earlier: EarlierMappings
) -> list[_TaskTexts]:
    """The export's task texts, those that a mapping of the study gives one task
    together in the place of the first, with the mapping's label as the label where the
    export has it."""
    grouped: dict[EarlierTask, list[str]] = {}
    order: list[tuple[str, str | None] | EarlierTask] = []
    for label, code in labels:
        task = earlier.task(label) if code is None else None  # LimeSurvey: a column each
        if task is None:
            order.append((label, code))
        elif task in grouped:
            grouped[task].append(label)
        else:
            grouped[task] = [label]
            order.append(task)
    texts = []
    for item in order:
        if isinstance(item, tuple):
            label, code = item
            texts.append(_TaskTexts(label, code, (), votes[code or label]))
            continue
        found = grouped[item]
        first = item.label if item.label in found else found[0]
        also = tuple(t for t in found if t != first)
        texts.append(_TaskTexts(first, None, also, sum(votes[t] for t in found)))
    return texts


def _draftable(
    study: Study, read: _Read, export: Path, group_column: str, earlier: EarlierMappings
) -> tuple[list[DraftAnswer], list[tuple[str, str | None]]]:
    """The group answers, each with its group as the study's mappings give it or else
    guessed, and the task labels (and codes) that go into the draft: those without
    personal data. Raises when either is missing or so many that the column named is
    not the question's."""
    keep = study.own_names
    answers = [
        _answer(study, text, earlier.answer(text, group_column))
        for text in read.answers
        if scrub(text, keep=keep) == text
    ]
    labels = [(label, code) for label, code in read.labels if scrub(label, keep=keep) == label]
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
    return answers, labels


def _answer(study: Study, text: str, known: EarlierAnswer | None) -> DraftAnswer:
    if known is not None:
        return DraftAnswer(text, known.group, known.source)
    return DraftAnswer(text, guess_group(study, text))


def _options_of_another_layout(
    layout: Layout | None, question: str | None, choices_column: str | None
) -> list[Problem]:
    """A LimeSurvey export has a column per task, found by its question's code; the other
    layouts hold the choices in one column. The option of the one given for the other
    would be left out of the mapping, and the mapping would not load."""
    if question and layout not in (None, "limesurvey"):
        return [
            _usage(
                f"--question is for a LimeSurvey export, and this export's layout is {layout}",
                "leave --question out; --choices-column names the column with the chosen "
                "tasks, and --layout limesurvey says the export is LimeSurvey's",
            )
        ]
    if choices_column and layout == "limesurvey":
        return [
            _usage(
                "--choices-column is for the other layouts: a LimeSurvey export has a column "
                "per task",
                "leave --choices-column out; --question names the question (its code), and "
                "--layout the export's layout",
            )
        ]
    return []


def _usage(message: str, hint: str = "") -> Problem:
    return Problem(Location(), message, hint=hint)


def _ask_for(columns: Columns, option: str, message: str) -> None:
    """A problem for the column ``option`` names, which the draft needs and did not find:
    the option to give, and the headings it can be one of."""
    header = columns.table.header
    hint = f"give {option}; the header has: " + header_list(header)
    columns.problems.append(_usage(message, hint))


def _answers_sheet(
    study: Study, table: Table, layout: Layout | None, sheet: str | None
) -> tuple[Table, list[list[str]], Detected]:
    """The export's sample rows and what they show (:func:`detect`): of the sheet named,
    or of the first sheet with data, or, where that shows neither a layout nor a group
    column, of the one other sheet of the workbook that does (a sheet of notes put before
    the answers)."""
    sample = _sample(table)
    found = detect(study, table.header, sample, layout)
    if sheet is not None or found.layout is not None or found.group_column is not None:
        return table, sample, found

    def shows_answers(other: Table) -> tuple[list[list[str]], Detected] | None:
        rows = _sample(other)
        seen = detect(study, other.header, rows, layout)
        return (rows, seen) if seen.layout is not None or seen.group_column is not None else None

    fitting = other_sheets_that_fit(table, shows_answers)
    if len(fitting) == 1:
        [(other, (rows, seen))] = fitting
        return other, rows, seen
    if fitting:
        raise several_sheets_fit([other for other, _ in fitting], "show a survey's answers")
    return table, sample, found


def _sample(table: Table) -> list[list[str]]:
    try:
        return list(_without_heading_rows(islice(table.rows, SAMPLE_ROWS), table))
    except table.errors as exc:
        raise InvalidStudyError([table.unreadable(exc)]) from None


def _without_heading_rows(rows: Iterable[list[str]], table: Table) -> Iterator[list[str]]:
    """The rows but any that repeats the heading row (:meth:`Table.heading_again`), which
    would be a group answer and a task. The draft reads every row: only one whose last
    cell is as long as the last heading is compared (the first may start with a byte
    order mark: two files joined end to end)."""
    size = len(table.header[-1]) if table.header else -1
    return (row for row in rows if not (row and len(row[-1]) == size and table.heading_again(row)))


@dataclass
class _Read:
    answers: Counter[str]
    """Each group answer and how many gave it, the most given first."""
    labels: list[tuple[str, str | None]]
    """Each choice's label and (LimeSurvey) code: the most chosen first, or (LimeSurvey)
    in the order of its columns."""
    votes: Counter[str]
    max_picks: int
    links: ChoiceLinks
    """Which texts were chosen together, and in which order (the forms layouts)."""


def _read(
    rows: Iterable[list[str]],
    layout: Layout,
    group_at: int,
    choice_at: int | None,
    task_columns: Sequence[tuple[int, str, str]],
    respondent_at: int | None,
) -> _Read:
    answers: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    votes: Counter[str] = Counter()
    picks_of: dict[str, set[str]] = {}  # long: each respondent's tasks, each once as import counts
    links = ChoiceLinks()
    max_picks = 0
    seen: set[int] = set()  # the rows with a respondent's key, hashed
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if respondent_at is not None and respondent_at < len(row) and row[respondent_at]:
            # A row that repeats an earlier one word for word, its respondent too (an
            # export joined with an earlier one) is left out, as the import leaves it out:
            # its votes would reorder the tasks.
            hashed = hash(tuple(row))
            if hashed in seen:
                continue
            seen.add(hashed)
        # a mapping may hold no control character: the import finds the cell without them
        cell = (
            without_controls(row[choice_at]).strip()
            if choice_at is not None and choice_at < len(row)
            else ""
        )
        if layout == "limesurvey":
            chosen = [
                code
                for i, code, _ in task_columns
                if i < len(row) and row[i].strip().casefold() not in NOT_CHOSEN
            ]
        elif layout == "ms-forms":
            chosen = [p.strip() for p in cell.split(";") if p.strip()]
        elif layout == "google-forms":
            chosen = google_choices(cell)
        else:
            chosen = [cell] if cell else []
        key = row[respondent_at] if respondent_at is not None and respondent_at < len(row) else ""
        if layout == "long":
            if key in picks_of:
                picks_of[key].update(chosen)
                votes.update(chosen)
                max_picks = max(max_picks, len(picks_of[key]))
                continue
            picks_of[key] = set(chosen)
        answer = without_controls(row[group_at]).strip() if group_at < len(row) else ""
        if answer:
            spellings.setdefault(fold_text(answer), Counter())[answer] += 1
        if layout in ("ms-forms", "google-forms"):
            links.add(answer, chosen)
        votes.update(chosen)
        max_picks = max(max_picks, len(set(chosen)))  # a task named twice counts once
    # The import reads answers alike but for case and spacing as one (a text typed for
    # 'Other', "Stagiair" and "stagiair"): one entry, as most of them wrote it.
    for spelled in spellings.values():
        answers[spelled.most_common(1)[0][0]] = spelled.total()
    if layout != "limesurvey":  # its tasks are columns, each a task of its own
        votes = _as_most_wrote_them(votes)
    # The order answers and choices were first seen in is chance: the most given first, so
    # that the answers and tasks that count most are checked first. LimeSurvey's columns
    # keep the questionnaire's order.
    answers = Counter(dict(sorted(answers.items(), key=lambda item: (-item[1], item[0]))))
    labels: list[tuple[str, str | None]] = [
        (label, None) for label, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    ]
    if layout == "limesurvey":
        labels = [(without_controls(label), code) for _, code, label in task_columns]
    return _Read(answers, labels, votes, max(max_picks, 1), links)


def _as_most_wrote_them(votes: Counter[str]) -> Counter[str]:
    """The votes of choices alike but for case and spacing as one, under the spelling
    most of them have: the import reads them as one task ("Parkeren" and "PARKEREN", an
    option mended while the survey ran)."""
    spellings: dict[str, Counter[str]] = {}
    for label, count in votes.items():
        spellings.setdefault(fold_text(label), Counter())[label] += count
    return Counter({s.most_common(1)[0][0]: s.total() for s in spellings.values()})


@dataclass(frozen=True)
class DraftCheck:
    """How the written draft imports the export it came from."""

    respondents: int | None
    """Respondents counted in the target groups (those outside are not: as ``survey
    import`` shows them, a few are hidden); None when the import found errors."""
    problems: tuple[Problem, ...] = ()
    """The import's errors, or where it counted, its warnings: what ``survey import``
    would tell of the export (rows listed twice, respondents left out), told now."""
    tally: Tally | None = None
    """What the import counted; None when it found errors."""


@dataclass(frozen=True)
class ImportedAlready:
    """The study's survey that counted the answers a draft's export holds already."""

    survey: str
    source: str
    """The export that survey was imported from."""
    same_file: bool
    """Whether that export is this one, byte for byte (else: the same counts in every
    group, from another file)."""


def imported_already(
    study: Study, draft: MappingDraft, export: Path, check: DraftCheck
) -> ImportedAlready | None:
    """The study's survey that was imported from ``export`` for the question the draft
    reads (one export may hold two top-task questions, each a survey of its own), or
    whose counts the draft's check import gives (:func:`~needmap.surveys.catalog.
    same_answers`: the export saved again, or downloaded in another format): imported
    with the draft too, its answers would count twice. None where there is none."""
    survey = survey_imported_from(study.root, export)
    if survey is not None and _asks_as(study, survey, draft):
        return ImportedAlready(survey, export.name, same_file=True)
    if check.tally is None:
        return None
    for tally, before in same_answers([*fitting_tallies(study), check.tally]):
        if tally is check.tally:
            return ImportedAlready(before.survey, before.source, same_file=False)
    return None


def _asks_as(study: Study, survey: str, draft: MappingDraft) -> bool:
    """Whether the study's survey ``survey`` reads the task question ``draft`` reads (its
    column, or LimeSurvey's question code): then, from one export, the same answers."""
    mapping = next((m for m in load_mappings(study)[0].values() if m.id == survey), None)
    if mapping is None:  # a tally whose mapping is gone, which validate tells
        return False
    asked = mapping.choices.question or mapping.choices.column or ""
    return asked.strip().casefold() == draft.choices.strip().casefold()


def write_draft(study: Study, draft: MappingDraft, path: Path, export: Path) -> DraftCheck:
    """Write the draft to ``path`` (never over an existing file, nor among the study's
    mappings with the id of one of them, which ``validate`` would refuse) once it has been
    read back as a mapping, and import ``export`` with it. The import fails only where the
    draft left out answers or labels that hold personal data, or could give no answer a
    group (LimeSurvey's answer codes); a draft that does not load is a bug, raised as such,
    and leaves nothing behind."""
    from needmap.surveys.importer import import_survey
    from needmap.surveys.mapping import load_mapping

    if path.exists():
        raise TargetExistsError.single(
            "would overwrite an existing file",
            path=path,
            hint="choose another name with --out, or --id; needmap never overwrites your files",
        )
    taken = {m.id: p for p, m in load_mappings(study)[0].items()}
    among = path.parent.resolve() == (study.root / SURVEY_FOLDER).resolve()
    if draft.survey_id in taken and among:
        raise UsageError.single(
            f"survey id '{draft.survey_id}' is the id of {taken[draft.survey_id].name} already",
            path=path,
            hint=f"give the draft an id of its own with --id, such as {draft.survey_id}-2",
        )
    temp = path.with_name(f".{path.name}.draft")
    write_text_atomic(temp, _modeline_for(study, path) + draft.text)
    try:
        try:
            mapping = load_mapping(temp, study)
        except InvalidStudyError as exc:
            raise RuntimeError(f"the drafted mapping does not load: {exc}") from None
        try:
            imported = import_survey(
                mapping, export, mapping_file=path, sheet=draft.sheet, own_names=study.own_names
            )
            counted = imported.tally.respondents
            check = DraftCheck(
                sum(n for g, n in counted.items() if g != OUTSIDE),
                imported.warnings,
                imported.tally,
            )
        except InvalidStudyError as exc:
            check = DraftCheck(None, exc.problems)
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return check


def _modeline_for(study: Study, path: Path) -> str:
    """The schema modeline for a mapping written to ``path``, as ``init`` starts the
    study's own mapping: where ``path`` is inside the study and the study has the schema
    (:mod:`needmap.personas.modelines`)."""
    try:
        relative = Path(os.path.relpath(path.absolute(), study.root.absolute()))
    except ValueError:  # on another drive
        return ""
    if relative.parts[:1] == ("..",):
        return ""
    return study_modeline(study.root, relative.as_posix(), SURVEY_SCHEMA)
