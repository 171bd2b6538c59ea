"""What the study's other survey mappings already decided, for ``needmap survey draft``.

A top-task survey is run again (next year, or in another tool), and its export lists the
same group answers and task labels as the mapping the study has. The consultant decided
there which group each answer means and which needs each task is evidence for; a draft
that guessed them again would ask for the same work twice, and might give a task another
id than the earlier survey's, which the reports then show as another task.
"""

from __future__ import annotations

from dataclasses import dataclass

from needmap.controls import fold_text
from needmap.errors import InvalidStudyError
from needmap.personas.study import Study
from needmap.surveys.mapping import checked_mapping, mapping_files

__all__ = ["EarlierAnswer", "EarlierMappings", "EarlierTask", "earlier_mappings"]


@dataclass(frozen=True)
class EarlierAnswer:
    """The group an earlier mapping gave an answer (None: outside the target groups)."""

    group: str | None
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
class EarlierMappings:
    """The answers and tasks of the study's mappings, by their text as imports compare it
    (:func:`~needmap.controls.fold_text`); where two mappings differ, the first file's."""

    answers: dict[str, EarlierAnswer]
    tasks: dict[str, EarlierTask]

    def answer(self, text: str) -> EarlierAnswer | None:
        return self.answers.get(fold_text(text))

    def task(self, label: str) -> EarlierTask | None:
        return self.tasks.get(fold_text(label))


def earlier_mappings(study: Study) -> EarlierMappings:
    """The answers and tasks of the study's survey mappings that load. A mapping with
    problems is left out: ``needmap validate`` tells them, and what it says of an answer
    or a task may be the problem."""
    answers: dict[str, EarlierAnswer] = {}
    tasks: dict[str, EarlierTask] = {}
    for path in mapping_files(study.root):
        try:
            mapping = checked_mapping(path, study)[0]
        except InvalidStudyError:
            continue
        for text, group in mapping.group.values.items():
            answers.setdefault(fold_text(text), EarlierAnswer(group, path.name))
        for task in mapping.tasks:
            earlier = EarlierTask(task.id, task.label, tuple(task.needs), path.name)
            tasks.setdefault(fold_text(task.label), earlier)
    return EarlierMappings(answers, tasks)
