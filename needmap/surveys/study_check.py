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
from needmap.personas.loader import read_study
from needmap.personas.study import Study
from needmap.surveys.catalog import check_headcounts, check_mappings
from needmap.surveys.interviews import check_interviews
from needmap.surveys.searchlog import check_search_logs

__all__ = ["StudyCheck", "check_study"]


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
    than its headcount.

    Raises :class:`~needmap.errors.NotAStudyError` for a folder that is not a study.
    """
    reading = read_study(root)
    problems = sorted(
        (
            *reading.problems,
            *check_mappings(reading.ids),
            *check_interviews(reading.ids),
            *check_search_logs(reading.ids),
        ),
        key=Problem.sort_key,
    )
    failed = any(p.severity is Severity.ERROR for p in problems)
    study = None if failed else reading.study
    if study is not None:
        problems += check_headcounts(study)
    return StudyCheck(study, tuple(sorted(problems, key=Problem.sort_key)))
