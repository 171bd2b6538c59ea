"""Rename a need in every file of a study (``needmap needs rename``), or finish a rename
done by hand.

A need's id stands where the need is defined and wherever something refers to it: other
needs' ``depends_on``, personas' key needs, interview quotes (``needs`` and
``questions``), survey tasks and search-log topics. Tallies count tasks, not needs, so they
stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location, Problem, UsageError
from needmap.personas.loader import STUDY_FILE, StudyReading, definition_files
from needmap.personas.study import Study
from needmap.personas.yamledit import YamlEdit
from needmap.regroup.checks import new_id_problems, unknown_problems
from needmap.regroup.files import StudyEdits, check_evidence, rewritten_files
from needmap.surveys.interviews import interview_files
from needmap.surveys.mapping import mapping_files
from needmap.surveys.searchlog import search_log_files

__all__ = ["NeedRename", "plan_need_rename"]


@dataclass(frozen=True)
class NeedRename(StudyEdits):
    """What renaming need ``old`` to ``new`` changes, file by file; nothing written yet."""

    old: str
    new: str
    title: str | None
    """The need's new title, when it changes."""
    finished: bool
    """Whether the need was already called ``new`` where it is defined (a rename by hand):
    then only the references changed."""


def plan_need_rename(
    reading: StudyReading, old: str, new: str, title: str | None = None
) -> NeedRename:
    """The changes that rename need ``old`` to ``new`` (and give it ``title``) in every
    file of the study that names it.

    When no file defines ``old`` any more and one defines ``new``, the need was renamed by
    hand: then the references that still name ``old`` are changed, which is what the
    study's "unknown need" errors ask for, and the study need not load. Otherwise the study
    must load, ``old`` must be a need and ``new`` a valid id no other need has. Every
    problem with the request is raised at once.
    """
    ids = reading.ids.need_by_id
    if title is None and reading.settings is not None and old not in ids and new in ids:
        return _finish(reading, old, new)
    study = reading.study
    if study is None:
        raise InvalidStudyError(reading.problems)
    check_evidence(study)
    _check_request(study, old, new, title)
    if title == study.need_by_id[old].title:
        title = None
    rename = _NeedRename(old, new, title)
    changes = rewritten_files(_files(study.root), rename)
    return NeedRename(study.root, tuple(changes), old, new, title, finished=False)


def _finish(reading: StudyReading, old: str, new: str) -> NeedRename:
    root = reading.ids.root
    changes = rewritten_files(_files(root), _NeedRename(old, new, None))
    if not changes:
        if reading.study is None:
            raise InvalidStudyError(reading.problems)
        raise UsageError(unknown_problems(reading.study, [old], "needs"))
    return NeedRename(root, tuple(changes), old, new, None, finished=True)


def _files(root: Path) -> list[Path]:
    return [
        root / STUDY_FILE,
        *definition_files(root),
        *interview_files(root),
        *mapping_files(root),
        *search_log_files(root),
    ]


def _check_request(study: Study, old: str, new: str, title: str | None) -> None:
    problems = unknown_problems(study, [old], "needs")
    if old != new:
        problems += new_id_problems(study, new, (), hint="choose an id no need has", kind="needs")
    if title is not None and not title.strip():
        problems.append(
            Problem(Location(), "the title is empty", hint="give a title, or leave out --title")
        )
    if not problems and old == new and title in (None, study.need_by_id[old].title):
        problems.append(
            Problem(
                Location(), "nothing to change", hint="give the need a new id, or a new --title"
            )
        )
    if problems:
        raise UsageError(problems)


@dataclass(frozen=True)
class _NeedRename:
    """The rename as a :data:`~needmap.regroup.files.Rewrite` of one YAML document: each
    list a need id may stand in is looked at by its key (the schemas allow each key in one
    kind of file only)."""

    old: str
    new: str
    title: str | None

    def __call__(self, data: dict[str, Any], edit: YamlEdit) -> dict[str, int]:
        counted: dict[str, int] = {}
        for key, counts, change in (
            ("needs", "needs", self._needs),
            ("personas", "personas", partial(self._entries, field="needs")),
            ("interviews", "quotes", self._interviews),
            ("tasks", "tasks", partial(self._entries, field="needs")),
            ("topics", "topics", self._topics),
        ):
            items = data.get(key)
            if isinstance(items, list):
                counted[counts] = change(items, edit, (key,))
        return counted

    def _needs(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """The need's own entry (its id, and title), and the needs that depend on it."""
        changed = 0
        for i, need in enumerate(items):
            if not isinstance(need, dict):
                continue
            renamed = self._renamed(need.get("depends_on"), edit, (*path, i, "depends_on"))
            if need.get("id") == self.old:  # none when finishing a rename by hand
                renamed = True
                if self.new != self.old:
                    edit.set_value((*path, i, "id"), self.new)
                    need["id"] = self.new
                if self.title is not None and "title" in need:
                    edit.set_value((*path, i, "title"), self.title)
                    need["title"] = self.title
            changed += renamed
        return changed

    def _entries(
        self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...], *, field: str
    ) -> int:
        """Personas' key needs, or survey tasks' needs."""
        return sum(
            self._renamed(item.get(field), edit, (*path, i, field))
            for i, item in enumerate(items)
            if isinstance(item, dict)
        )

    def _interviews(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """Quotes that support or question the need; counted by quote."""
        changed = 0
        for i, interview in enumerate(items):
            quotes = interview.get("quotes") if isinstance(interview, dict) else None
            for q, quote in enumerate(quotes if isinstance(quotes, list) else ()):
                if not isinstance(quote, dict):
                    continue
                at = (*path, i, "quotes", q)
                supports = self._renamed(quote.get("needs"), edit, (*at, "needs"))
                questions = self._renamed(quote.get("questions"), edit, (*at, "questions"))
                changed += supports or questions
        return changed

    def _topics(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """Search-log topics about the need."""
        changed = 0
        for i, topic in enumerate(items):
            if self.old != self.new and isinstance(topic, dict) and topic.get("need") == self.old:
                edit.set_value((*path, i, "need"), self.new)
                topic["need"] = self.new
                changed += 1
        return changed

    def _renamed(self, ids: Any, edit: YamlEdit, path: Sequence[str | int]) -> bool:
        """Rename the need in a list of ids; where the list names the new id already, the
        old entry goes, so that no list names the need twice."""
        if self.old == self.new or not isinstance(ids, list) or self.old not in ids:
            return False
        for i in reversed(range(len(ids))):
            if ids[i] != self.old:
                continue
            if self.new in ids:
                edit.remove((*path, i))
                del ids[i]
            else:
                edit.set_value((*path, i), self.new)
                ids[i] = self.new
        return True
