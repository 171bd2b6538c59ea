"""Every problem of a study in one run: its definitions, and its evidence files.

The evidence files (survey mappings, interviews, search logs) name groups and needs. They
are checked against the ids the definition files give even while those have errors
(:class:`~needmap.personas.study.WrittenIds`), so that fixing a need's misspelt kind does
not bring a second round of problems from files that were not looked at the first time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from needmap.errors import Problem, Severity
from needmap.personas.loader import definition_lookalikes, definition_suffixes, read_study
from needmap.personas.lookalikes import Lookalike
from needmap.personas.schema import DEFINITION_KINDS
from needmap.personas.study import Study, StudyIds
from needmap.surveys.catalog import check_mappings, check_tallies
from needmap.surveys.evidence_folders import evidence_lookalikes, evidence_suffixes
from needmap.surveys.interviews import check_interviews
from needmap.surveys.searchlog import check_search_logs
from needmap.surveys.tally import Tally

__all__ = ["StudyCheck", "check_study", "study_warnings", "unread_lookalikes"]


@dataclass(frozen=True)
class StudyCheck:
    """What ``needmap validate`` reports."""

    study: Study | None
    """None when any problem is an error."""
    problems: tuple[Problem, ...]
    """Errors and warnings, by file and position."""


def check_study(root: Path | str) -> StudyCheck:
    """Check the study in ``root`` and all its evidence files, collecting every problem;
    with no errors, also whether each imported survey counted more respondents for a group
    than its headcount, and whether a survey's results would come from fewer people than
    the minimum size.

    Raises :class:`~needmap.errors.NotAStudyError` for a folder that is not a study.
    """
    reading = read_study(root)
    fitting: list[Tally] = []
    problems = [*reading.problems, *_evidence_problems(reading.ids, fitting)]
    study = None if any(p.severity is Severity.ERROR for p in problems) else reading.study
    if study is not None:
        problems += check_tallies(study, fitting)
    if any(p.severity is Severity.ERROR for p in problems):
        study = None
    return StudyCheck(study, tuple(sorted(problems, key=Problem.sort_key)))


def study_warnings(study: Study) -> list[Problem]:
    """The warnings :func:`check_study` gives a study that has loaded, without reading its
    definitions again (``build`` counts them)."""
    fitting: list[Tally] = []
    found = [*study.warnings, *_evidence_problems(study, fitting), *check_tallies(study, fitting)]
    return [p for p in found if p.severity is Severity.WARNING]


def _evidence_problems(ids: StudyIds, fitting: list[Tally]) -> list[Problem]:
    """The evidence files' problems; the imported tallies that fit go to ``fitting``."""
    return [
        *(found.warning() for found in evidence_lookalikes(ids.root)),
        *(found.warning() for found in evidence_suffixes(ids.root)),
        *check_mappings(ids, fitting),
        *check_interviews(ids),
        *check_search_logs(ids),
    ]


def unread_lookalikes(study: Study) -> list[Lookalike]:
    """The files and folders of ``study`` that are not read, though named like a part of
    it: at its top, like a part that is missing (its personas, families or an evidence
    folder); in its folders, YAML files with their suffix in capitals. Each is a warning of
    :func:`check_study` too."""
    root = study.root
    missing = [kind for kind in DEFINITION_KINDS if not getattr(study, kind)]
    return [
        *definition_lookalikes(root, missing).values(),
        *evidence_lookalikes(root),
        *definition_suffixes(root),
        *evidence_suffixes(root),
    ]
