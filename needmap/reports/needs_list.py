"""``needmap needs list``: the study's needs with their ids and what refers to them.

The ``needs`` commands take a need's id, which the reports do not show (they show titles).
Before renaming a need a consultant wants the ids side by side with the titles, by kind, and
what leans on each: the groups that need it, the personas that hold it as a key need, and
the needs it comes after.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from needmap.model.overlap import KIND_ORDER
from needmap.personas.schema import Importance, Kind, Language, Need
from needmap.personas.study import Study

__all__ = ["NeedSummary", "NeedsOverview", "needs_to_json", "study_needs"]

_IMPORTANCE: tuple[Importance, ...] = ("must", "should", "could")


@dataclass(frozen=True)
class NeedSummary:
    """One need and what refers to it."""

    need: Need
    groups: Mapping[Importance, int]
    """importance -> groups that need it that much."""
    personas: int
    """Personas that hold it as a key need."""


@dataclass(frozen=True)
class NeedsOverview:
    needs: tuple[NeedSummary, ...]
    """Every need, by kind (content, function, technology), in study order within a kind."""
    language: Language
    phases: tuple[str, ...] = ()
    """The ids of the roadmap's phases, in order."""

    def by_kind(self) -> list[tuple[Kind, list[NeedSummary]]]:
        """The kinds that have needs, each with its needs."""
        found = {k: [s for s in self.needs if s.need.kind == k] for k in KIND_ORDER}
        return [(k, found[k]) for k in KIND_ORDER if found[k]]

    def delivered_first(self) -> list[tuple[str, list[str]]]:
        """Each need that others depend on, in the order of the list, with those others'
        ids: "sso before zoeken, smoelenboek" tells in one line what a column of "after"
        repeats on many rows."""
        then: dict[str, list[str]] = {s.need.id: [] for s in self.needs}
        for summary in self.needs:
            for first in summary.need.depends_on:
                then[first].append(summary.need.id)
        return [(first, ids) for first, ids in then.items() if ids]

    def decided(self) -> list[tuple[str, list[str]]]:
        """The phases needs are decided for (``phase``), in the roadmap's order, each with
        those needs' ids."""
        found = {p: [s.need.id for s in self.needs if s.need.phase == p] for p in self.phases}
        return [(phase, ids) for phase, ids in found.items() if ids]


def study_needs(study: Study) -> NeedsOverview:
    """The study's needs by kind, each with how many groups and personas refer to it."""
    summaries = [
        NeedSummary(
            need=need,
            groups={
                level: sum(1 for v in need.groups.values() if v == level) for level in _IMPORTANCE
            },
            personas=sum(1 for p in study.personas if need.id in p.needs),
        )
        for need in study.needs
    ]
    summaries.sort(key=lambda s: KIND_ORDER.index(s.need.kind))
    phases = tuple(p.id for p in study.settings.roadmap.phases)
    return NeedsOverview(tuple(summaries), study.settings.language, phases)


def needs_to_json(overview: NeedsOverview) -> dict[str, Any]:
    """The overview as JSON (docs/json-output.md)."""
    return {
        "needs": [
            {
                "id": s.need.id,
                "title": s.need.title,
                "kind": s.need.kind,
                "groups": dict(s.need.groups),
                "personas": s.personas,
                "depends_on": list(s.need.depends_on),
                "phase": s.need.phase,
            }
            for s in overview.needs
        ]
    }
