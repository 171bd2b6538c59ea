"""What the study's other survey mappings already decided, for ``needmap survey draft``.

A top-task survey is run again (next year, or in another tool), and its export lists the
same group answers and task labels as the mapping the study has. The consultant decided
there which group each answer means and which needs each task is evidence for; a draft
that guessed them again would ask for the same work twice, and might give a task another
id than the earlier survey's, which the reports then show as another task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from needmap.controls import fold_text
from needmap.personas.study import Study
from needmap.surveys.answers import ANSWER_CODE
from needmap.surveys.catalog import load_mappings
from needmap.surveys.runs import repeated_surveys

__all__ = ["EarlierAnswer", "EarlierMappings", "EarlierRun", "EarlierTask", "earlier_mappings"]


@dataclass(frozen=True)
class EarlierAnswer:
    """The group an earlier mapping gave an answer (None: outside the target groups; the
    ids of several for an answer that covers them)."""

    group: str | tuple[str, ...] | None
    source: str
    """The name of the mapping file it is in."""


@dataclass(frozen=True)
class EarlierTask:
    """The id and needs an earlier mapping gave a task of the same label."""

    id: str
    label: str
    needs: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class EarlierRun:
    """A survey of the study that no other of its mappings says it repeats: the latest
    run of a survey, which an export of the same tasks may be the next run of."""

    id: str
    source: str
    texts: frozenset[str]
    """Its tasks' texts, as imports compare them."""


@dataclass(frozen=True)
class EarlierMappings:
    """The answers and tasks of the study's mappings, by their text as imports compare it
    (:func:`~needmap.controls.fold_text`); where two mappings differ, the first file's."""

    answers: dict[str, EarlierAnswer]
    tasks: dict[str, EarlierTask]
    coded: dict[tuple[str, str], EarlierTask]
    """LimeSurvey tasks by question and subquestion code: a survey copied in LimeSurvey
    keeps its codes, and its export with code headings has no labels to match."""
    others: dict[tuple[str, str], str] = field(default_factory=dict)
    """("group" or "choices", the column's heading as imports compare it) -> the mapping
    file that says the question of that column has an 'Other' option (``other: true``)."""
    latest: tuple[EarlierRun, ...] = ()

    def repeated(self, labels: Sequence[str]) -> EarlierRun | None:
        """The latest run that a survey of these task labels most likely repeats: the
        one with most of them among its tasks, if that is at least half of them. (It may
        as well be the same survey held in another tool at the same time: the draft
        only suggests it.)"""
        folded = {fold_text(label) for label in labels}
        run = max(self.latest, key=lambda r: len(r.texts & folded), default=None)
        if run is None or not folded or 2 * len(run.texts & folded) < len(folded):
            return None
        return run

    def other(self, section: str, column: str | None) -> str | None:
        """The mapping file that gave the question in ``column`` ``other: true`` under
        ``section``, if one did: the same question asked again has the option again."""
        return None if column is None else self.others.get((section, fold_text(column)))

    def answer(self, text: str, column: str) -> EarlierAnswer | None:
        """The group an earlier mapping gave the answer ``text`` of the group ``column``."""
        return self.answers.get(_answer_key(text, column))

    def task(self, label: str) -> EarlierTask | None:
        return self.tasks.get(fold_text(label))

    def label(self, question: str, code: str) -> str | None:
        """The label of LimeSurvey's subquestion ``code`` of ``question``, if a mapping
        of the study has it."""
        task = self.coded.get((question, code))
        return None if task is None else task.label


def earlier_mappings(study: Study) -> EarlierMappings:
    """The answers and tasks of the study's survey mappings that load. A mapping with
    problems is left out: ``needmap validate`` tells them, and what it says of an answer
    or a task may be the problem."""
    answers: dict[str, EarlierAnswer] = {}
    tasks: dict[str, EarlierTask] = {}
    coded: dict[tuple[str, str], EarlierTask] = {}
    others: dict[tuple[str, str], str] = {}
    mappings = load_mappings(study)[0]
    for path, mapping in mappings.items():
        written: list[tuple[str, str | None, bool]] = [
            ("group", mapping.group.column, mapping.group.other),
            ("choices", mapping.choices.column, mapping.choices.other),
        ]
        for section, column, other in written:
            if other and column:
                others.setdefault((section, fold_text(column)), path.name)
        for text, group in mapping.group.values.items():
            key = _answer_key(text, mapping.group.column)
            named = tuple(group) if isinstance(group, list) else group
            answers.setdefault(key, EarlierAnswer(named, path.name))
        for task in mapping.tasks:
            earlier = EarlierTask(task.id, task.label, tuple(task.needs), path.name)
            for text in task.texts:
                tasks.setdefault(fold_text(text), earlier)
            if mapping.choices.question and task.code:
                coded.setdefault((mapping.choices.question, task.code), earlier)
    repeated = repeated_surveys(mappings.values())
    return EarlierMappings(
        answers,
        tasks,
        coded,
        others,
        latest=tuple(
            EarlierRun(
                mapping.id,
                path.name,
                frozenset(fold_text(text) for task in mapping.tasks for text in task.texts),
            )
            for path, mapping in mappings.items()
            if mapping.id not in repeated
        ),
    )


def _answer_key(text: str, column: str) -> str:
    """An answer as mappings are compared by it: its text as imports compare it; an answer
    code (``AO01``) with its column, since the same code is another answer in another
    question."""
    if ANSWER_CODE.fullmatch(text.strip()):
        return f"{fold_text(column)}\x1f{text.strip()}"
    return fold_text(text)
