"""``needmap phases list``: the roadmap's phases with their ids, and what is decided for each.

``needmap phases rename`` and a need's ``phase:`` take a phase's id, which the reports do
not show (they show its name). Before renaming a phase, or deciding a need for one, a
consultant wants the ids beside the names, each phase's capacity, and the needs already
decided for it (which a rename changes too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from needmap.personas.schema import Language, RoadmapPhase
from needmap.personas.study import Study

__all__ = ["PhaseSummary", "PhasesOverview", "phases_to_json", "study_phases"]


@dataclass(frozen=True)
class PhaseSummary:
    """One phase and the needs decided for it."""

    phase: RoadmapPhase
    decided: tuple[str, ...]
    """The ids of the needs decided for the phase (``phase`` in the needs files), in study
    order."""


@dataclass(frozen=True)
class PhasesOverview:
    phases: tuple[PhaseSummary, ...]
    """Every phase, in the roadmap's order."""
    language: Language


def study_phases(study: Study) -> PhasesOverview:
    """The study's roadmap phases, in order, each with the needs decided for it."""
    summaries = tuple(
        PhaseSummary(phase, tuple(n.id for n in study.needs if n.phase == phase.id))
        for phase in study.settings.roadmap.phases
    )
    return PhasesOverview(summaries, study.settings.language)


def phases_to_json(overview: PhasesOverview) -> dict[str, Any]:
    """The overview as JSON (docs/json-output.md)."""
    return {
        "phases": [
            {
                "id": s.phase.id,
                "name": s.phase.name,
                "capacity": s.phase.capacity,
                "decided": list(s.decided),
            }
            for s in overview.phases
        ]
    }
