"""What changed in the roadmap since an earlier plan: which needs moved to an earlier or a
later phase, which are new and which were dropped.

A steering group that saw a roadmap last month asks first what is different now. A phase
with the same id in both plans is the same phase, wherever it stands, so adding a phase
"Already in place" before the others moves nothing; other phases are compared by their
place in the order (the first phase, the second, …, then "fits in no phase"), not by name,
so renaming "Q1" to "Now" is not a change. A need that stays in the same phase is unchanged
even when its score moved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from needmap.model.roadmap import Roadmap

__all__ = [
    "ChangeKind",
    "NeedChange",
    "PlanSnapshot",
    "RoadmapChanges",
    "compare_plans",
    "replan",
    "snapshot",
]

ChangeKind = Literal["earlier", "later", "new", "dropped"]
CHANGE_ORDER: tuple[ChangeKind, ...] = ("earlier", "later", "new", "dropped")
_UNPLANNED = 1 << 30


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """Where a roadmap placed each need: enough to compare two plans."""

    phases: tuple[str, ...]
    """The phases' names, in order."""
    placed: Mapping[str, int | None]
    """Need id -> position of its phase in ``phases``; None when it fits in no phase."""
    titles: Mapping[str, str]
    scores: Mapping[str, float]
    ids: tuple[str | None, ...] = ()
    """The phases' ids, in order, where known (a hand-made plan may lack them)."""


@dataclass(frozen=True, slots=True)
class NeedChange:
    need: str
    title: str
    kind: ChangeKind
    before: int | None
    """The need's phase position before; None when unplanned, or when the need is new."""
    after: int | None
    """Its phase position now; None when unplanned, or when the need was dropped."""
    score_before: float | None
    score_after: float | None


@dataclass(frozen=True, slots=True)
class RoadmapChanges:
    since: str
    """What the earlier plan is called in reports (its file's name)."""
    before: PlanSnapshot
    after: PlanSnapshot
    changes: tuple[NeedChange, ...]
    """Earlier first, then later, new and dropped; each in the order of the plan now (dropped
    needs in the order of the earlier plan)."""
    unchanged: int

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


def replan(roadmap: Roadmap, before: PlanSnapshot, since: str) -> Roadmap:
    """The roadmap with what changed since ``before`` (called ``since`` in reports)."""
    return replace(roadmap, changes=compare_plans(before, snapshot(roadmap), since))


def snapshot(roadmap: Roadmap) -> PlanSnapshot:
    """The roadmap's plan, in the form :func:`compare_plans` takes."""
    placed: dict[str, int | None] = {}
    for position, plan in enumerate(roadmap.phases):
        for scored in plan.needs:
            placed[scored.need.id] = position
    for scored in roadmap.unplanned:
        placed[scored.need.id] = None
    return PlanSnapshot(
        phases=tuple(plan.phase.name for plan in roadmap.phases),
        ids=tuple(plan.phase.id for plan in roadmap.phases),
        placed=placed,
        titles={s.need.id: s.need.title for s in roadmap.needs},
        scores={s.need.id: s.score for s in roadmap.needs},
    )


def compare_plans(before: PlanSnapshot, after: PlanSnapshot, since: str) -> RoadmapChanges:
    """The needs whose place differs between ``before`` and ``after``, and how many kept it."""
    found: dict[ChangeKind, list[NeedChange]] = {kind: [] for kind in CHANGE_ORDER}
    unchanged = 0
    now_at = {phase: i for i, phase in enumerate(after.ids) if phase is not None}

    def rank_then(position: int | None) -> int:
        """The place in the plan now of the phase the need was in."""
        if position is None:
            return _UNPLANNED
        phase = before.ids[position] if position < len(before.ids) else None
        return now_at.get(phase, position) if phase is not None else position

    for need, position in after.placed.items():
        if need not in before.placed:
            kind: ChangeKind = "new"
        else:
            old = rank_then(before.placed[need])
            new = _rank(position)
            if old == new:
                unchanged += 1
                continue
            kind = "earlier" if new < old else "later"
        found[kind].append(
            NeedChange(
                need,
                after.titles.get(need, need),
                kind,
                before.placed.get(need),
                position,
                before.scores.get(need),
                after.scores.get(need),
            )
        )
    for need, position in before.placed.items():
        if need not in after.placed:
            found["dropped"].append(
                NeedChange(
                    need,
                    before.titles.get(need, need),
                    "dropped",
                    position,
                    None,
                    before.scores.get(need),
                    None,
                )
            )
    return RoadmapChanges(
        since, before, after, tuple(c for kind in CHANGE_ORDER for c in found[kind]), unchanged
    )


def _rank(position: int | None) -> int:
    """A phase's place in the order; a need that fits in no phase comes after all of them,
    however many phases either plan has."""
    return _UNPLANNED if position is None else position
