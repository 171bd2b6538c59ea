"""Find a study's surveys: their mappings and, once imported, their tallies."""

from __future__ import annotations

from pathlib import Path

from needmap.errors import NeedmapError, Problem, UsageError
from needmap.personas.messages import did_you_mean
from needmap.personas.study import Study
from needmap.surveys.mapping import SurveyMapping, load_mapping, mapping_files
from needmap.surveys.tally import Tally, read_tally, tally_path

__all__ = ["check_mappings", "find_mapping", "load_survey"]


def check_mappings(study: Study) -> list[Problem]:
    """Every problem in the study's survey mappings (all files, all problems)."""
    problems: list[Problem] = []
    for path in mapping_files(study.root):
        try:
            load_mapping(path, study)
        except NeedmapError as exc:
            problems.extend(exc.problems)
    return problems


def find_mapping(
    study: Study, mapping: Path | None = None, survey: str | None = None
) -> SurveyMapping:
    """The mapping given, the one with id ``survey``, or the study's only one."""
    if mapping is not None:
        return load_mapping(mapping, study)
    paths = mapping_files(study.root)
    if not paths:
        raise UsageError.single(
            "the study has no survey mapping",
            path=study.root / "surveys",
            hint="write surveys/NAME.yaml (see docs/surveys.md), or pass --mapping",
        )
    if survey is None and len(paths) > 1:
        raise UsageError.single(
            f"the study has {len(paths)} survey mappings; say which",
            path=study.root / "surveys",
            hint="pass --survey with one of: " + ", ".join(p.stem for p in paths),
        )
    mappings = [load_mapping(p, study) for p in paths]
    if survey is None:
        return mappings[0]
    for candidate in mappings:
        if candidate.id == survey:
            return candidate
    ids = [m.id for m in mappings]
    raise UsageError.single(
        f"no survey '{survey}'", hint=did_you_mean(survey, ids) or "surveys: " + ", ".join(ids)
    )


def load_survey(study: Study, survey: str | None = None) -> tuple[SurveyMapping, Tally]:
    """A survey's mapping and its imported tally."""
    mapping = find_mapping(study, survey=survey)
    path = tally_path(study.root, mapping.id)
    if not path.exists():
        raise UsageError.single(
            f"survey '{mapping.id}' has not been imported yet",
            path=path,
            hint=f"import the export first: needmap survey import {study.root} EXPORT.csv",
        )
    return mapping, read_tally(path)
