"""One call for what the overlap commands and reports need: the overlap and its advice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from needmap.model.overlap import Overlap, compute_overlap
from needmap.model.platform import PlatformAdvice, recommend_platform
from needmap.personas.study import Study

__all__ = ["OverlapAnalysis", "analyse_overlap"]


@dataclass(frozen=True, slots=True)
class OverlapAnalysis:
    study: Study
    overlap: Overlap
    advice: PlatformAdvice


def analyse_overlap(
    study: Study, unit_ids: Sequence[str] | None = None, *, by_family: bool = False
) -> OverlapAnalysis:
    """The overlap of the chosen groups (or families) and the platform advice for it."""
    overlap = compute_overlap(study, unit_ids, by_family=by_family)
    return OverlapAnalysis(study, overlap, recommend_platform(overlap, study.settings.platform))
