"""The roadmap: needs ordered by a score anyone can recompute, planned into phases.

*Score.* ``demand share (%) * evidence factor / effort points``:

- demand share: the need's part of the study's weighted demand, the same demand as the
  overlap model's (group headcount * importance weight, summed over the groups that need it);
- evidence factor: the need's share of top-task votes (weighted where the survey is), as a
  multiple of the average need's share, kept between 0.5 and 2 so that a survey can question
  or raise a need but not overrule the groups; 1 when no survey task maps to the need. With
  several surveys the need's shares are averaged over those that map a task to it;
- effort points: ``scoring.effort_points`` of the need's ``effort`` (``m`` when unknown, with
  a note).

*Planning.* Needs are taken in order of priority — a need's own score, or the highest score
of the needs that depend on it, if that is higher, since they cannot come first without it
— and each goes into the earliest phase that has room for its points and is not before a
phase of any of its dependencies. A phase without capacity takes everything that reaches it.
A need that fits in no phase (more points than any phase's capacity, or the last phase is
full) is left unplanned, and said so.

*Decisions.* A need with a ``phase`` goes into that phase, whatever its score: the steering
group decided it. Its points are set aside in that phase before any other need is placed,
and what it depends on, directly or not, goes into that phase or an earlier one — into the
phase itself when the earlier ones are full. A phase that decisions fill beyond its capacity
is said so, not emptied: the decision is the steering group's to revisit, not the plan's. A
phase of capacity 0 takes the decided needs only (what is already in place, say), and what
they depend on.

*Interviews* are shown beside the score, not in it: a handful of conversations should
question a priority, not outweigh the votes of a survey or the groups' stated needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from needmap.model.interviews import InterviewEvidence
from needmap.model.notes import Note
from needmap.model.overlap import Overlap, need_order
from needmap.model.platform import PlatformAdvice, recommend_platform
from needmap.model.searches import SearchEvidence
from needmap.model.toptasks import TopTasks
from needmap.personas.references import dependencies_first, dependencies_of, highest_below
from needmap.personas.schema import Effort, Need, RoadmapPhase
from needmap.personas.study import Study

if TYPE_CHECKING:
    from needmap.model.replan import RoadmapChanges

__all__ = [
    "EVIDENCE_FACTOR_RANGE",
    "FullPhase",
    "PhasePlan",
    "Roadmap",
    "ScoredNeed",
    "evidence_factors",
    "plan_roadmap",
]

EVIDENCE_FACTOR_RANGE = (0.5, 2.0)
"""The lowest and highest evidence factor."""
_UNKNOWN_EFFORT: Effort = "m"


@dataclass(frozen=True, slots=True)
class ScoredNeed:
    need: Need
    demand_share: float
    """The need's part of the total weighted demand (0-1)."""
    evidence: float | None
    """Its share of top-task votes; None when no survey task maps to it."""
    evidence_factor: float
    effort: Effort
    """The need's effort, or ``m`` when it has none (``effort_known`` says which)."""
    effort_known: bool
    points: float
    score: float
    priority: float
    """The score it is planned by: its own, or a higher one of a need that depends on it."""
    needed_by: tuple[str, ...]
    """Ids of the needs that depend on it, directly or not, whose score raised its
    priority."""
    due_for: tuple[str, ...] = ()
    """Ids of the needs with a decided phase (``phase`` in needs.yaml) that depend on it,
    directly or not: it is planned no later than the earliest of their phases."""

    @property
    def decided(self) -> bool:
        """Whether its phase was decided (``phase`` in needs.yaml) rather than planned."""
        return self.need.phase is not None


@dataclass(frozen=True, slots=True)
class PhasePlan:
    phase: RoadmapPhase
    needs: tuple[ScoredNeed, ...]
    """In the order they were planned: by priority."""

    @property
    def points(self) -> float:
        return float(sum(n.points for n in self.needs))

    @property
    def over_capacity(self) -> bool:
        """Whether its needs take more points than its capacity: only decisions can make
        it so (a phase of capacity 0 holds decisions only, and is never over)."""
        capacity = self.phase.capacity
        return bool(capacity) and self.points > (capacity or 0) + 1e-9


@dataclass(frozen=True, slots=True)
class FullPhase:
    """A phase a need could have gone into that had too little room when its turn came."""

    phase: str
    """The phase's id."""
    room: float
    """The effort points it had left then (0 when decisions had filled it)."""


@dataclass(frozen=True, slots=True)
class Roadmap:
    phases: tuple[PhasePlan, ...]
    unplanned: tuple[ScoredNeed, ...]
    """Needs that fit in no phase, by priority."""
    surveys: tuple[str, ...]
    """Ids of the surveys whose votes are evidence."""
    notes: tuple[Note, ...]
    platform: PlatformAdvice
    """The platform form for all groups, and so on which platform each need is delivered:
    the shared one, or a group-specific tool or channel (:meth:`on_shared_platform`)."""
    interviews: InterviewEvidence | None = None
    """The study's interview evidence, shown beside the scores (not part of them)."""
    searches: SearchEvidence | None = None
    """The study's search-log evidence, shown beside the scores (not part of them)."""
    changes: RoadmapChanges | None = None
    """What moved since an earlier plan, when one was given (see :mod:`.replan`)."""
    passed_over: Mapping[str, tuple[FullPhase, ...]] = field(default_factory=dict)
    """need id -> the phases it could have gone into, not before its dependencies', that
    were too full for it when its turn came, in order: why it is no earlier, or unplanned.
    Needs with a decided phase, and phases of capacity 0 (decisions only), are left out."""

    @property
    def needs(self) -> tuple[ScoredNeed, ...]:
        """Every need in plan order: phase by phase, then the unplanned ones."""
        return (*(n for p in self.phases for n in p.needs), *self.unplanned)

    def on_shared_platform(self, need_id: str) -> bool:
        return need_id in self.platform.shared_needs

    def first_phase(self) -> PhasePlan | None:
        """The first phase the plan puts needs in: what a steering group asks about first.
        A phase of capacity 0 is passed over: it holds decisions only (what is already in
        place, say), not what comes first."""
        return next((p for p in self.phases if p.needs and p.phase.capacity != 0), None)

    def phase_ids(self) -> dict[str, str]:
        """need id -> the id of the phase it is planned in (unplanned needs are absent)."""
        return {s.need.id: p.phase.id for p in self.phases for s in p.needs}


def evidence_factors(
    shares: Mapping[str, float],
    low: float = EVIDENCE_FACTOR_RANGE[0],
    high: float = EVIDENCE_FACTOR_RANGE[1],
) -> dict[str, float]:
    """need id -> its vote share divided by the mean share, kept within ``low``-``high``."""
    if not shares:
        return {}
    mean = sum(shares.values()) / len(shares)
    if mean <= 0:
        return {need: 1.0 for need in shares}
    return {need: min(high, max(low, share / mean)) for need, share in shares.items()}


def _vote_shares(surveys: Sequence[TopTasks]) -> dict[str, float]:
    """need id -> its vote share, averaged over the surveys that map a task to it."""
    found: dict[str, list[float]] = {}
    for survey in surveys:
        for evidence in survey.needs:
            share = evidence.share if evidence.weighted_share is None else evidence.weighted_share
            found.setdefault(evidence.need, []).append(share)
    return {need: sum(values) / len(values) for need, values in found.items()}


def plan_roadmap(
    study: Study,
    overlap: Overlap,
    surveys: Sequence[TopTasks] = (),
    interviews: InterviewEvidence | None = None,
    searches: SearchEvidence | None = None,
) -> Roadmap:
    """Score every need of ``study`` and plan it into the study's roadmap phases.

    ``overlap`` is the overlap over all groups (its demand is the demand share's source);
    ``surveys`` are the analysed top-task surveys whose votes are evidence; ``interviews``
    and ``searches``, if given, travel with the plan so that reports can show them beside
    the scores.
    """
    scoring = study.settings.scoring
    points_of = scoring.effort_points.model_dump()
    total = overlap.total_demand
    shares = _vote_shares(surveys)
    factors = evidence_factors(shares)
    needs = sorted(study.needs, key=need_order)
    base = {}
    for need in needs:
        effort = need.effort or _UNKNOWN_EFFORT
        demand_share = overlap.demand.get(need.id, 0.0) / total if total else 0.0
        factor = factors.get(need.id, 1.0)
        points = float(points_of[effort])
        base[need.id] = (demand_share, factor, effort, points, 100 * demand_share * factor / points)
    priority, needed_by = _priorities({n.id: base[n.id][4] for n in needs}, needs)
    due_for = _decided_dependents(needs)
    scored = {
        need.id: ScoredNeed(
            need=need,
            demand_share=base[need.id][0],
            evidence=shares.get(need.id),
            evidence_factor=base[need.id][1],
            effort=base[need.id][2],
            effort_known=need.effort is not None,
            points=base[need.id][3],
            score=base[need.id][4],
            priority=priority[need.id],
            needed_by=needed_by[need.id],
            due_for=due_for.get(need.id, ()),
        )
        for need in needs
    }
    order = sorted(scored.values(), key=lambda s: (-s.priority, -s.score, need_order(s.need)))
    phases, unplanned, passed_over = _place(order, study.settings.roadmap.phases)
    notes = []
    unknown = [s.need.id for s in order if not s.effort_known]
    if unknown:
        notes.append(Note("note.effort_unknown", {"needs": ", ".join(unknown)}))
    notes.extend(
        Note(
            "note.over_capacity",
            {
                "phase": plan.phase.name,
                "points": _figure(plan.points),
                "capacity": _figure(plan.phase.capacity or 0),
            },
        )
        for plan in phases
        if plan.over_capacity
    )
    if overlap.weighting_note is not None:
        notes.append(overlap.weighting_note)
    return Roadmap(
        phases=phases,
        unplanned=unplanned,
        surveys=tuple(s.survey for s in surveys),
        notes=tuple(notes),
        platform=recommend_platform(overlap, study.settings.platform),
        interviews=interviews,
        searches=searches,
        passed_over=passed_over,
    )


def _priorities(
    scores: Mapping[str, float], needs: Sequence[Need]
) -> tuple[dict[str, float], dict[str, tuple[str, ...]]]:
    """Each need's priority (its score, or a dependent's higher one) and the dependents
    that raised it. Dependencies form no cycle (the loader refuses cycles). Each need's
    dependents are settled before it, walking a stack of our own rather than recursing: a
    chain of a thousand needs, each depending on the one before, is deeper than Python's
    recursion limit."""
    dependents: dict[str, list[str]] = {n.id: [] for n in needs}
    for need in needs:
        for dependency in need.depends_on:
            if dependency in dependents:
                dependents[dependency].append(need.id)
    priority: dict[str, float] = {}
    raised_by: dict[str, tuple[str, ...]] = {}
    for start in needs:
        stack = [(start.id, iter(dependents[start.id]))]
        while stack:
            need_id, waiting = stack[-1]
            unsettled = next((d for d in waiting if d not in priority), None)
            if unsettled is not None:
                stack.append((unsettled, iter(dependents[unsettled])))
                continue
            stack.pop()
            if need_id in priority:
                continue
            values = [(dependent, priority[dependent]) for dependent in dependents[need_id]]
            priority[need_id] = max([scores[need_id], *(value for _, value in values)])
            raised_by[need_id] = tuple(d for d, value in values if value > scores[need_id])
    return priority, raised_by


def _figure(points: float) -> str:
    """Points as a note shows them: whole numbers without a decimal point."""
    return str(int(points)) if float(points).is_integer() else f"{points:g}"


def _decided_dependents(needs: Sequence[Need]) -> dict[str, tuple[str, ...]]:
    """need id -> the needs with a decided phase that depend on it, directly or not (in
    the order of ``needs``); needs with a decided phase of their own are left out, as
    their phase is decided already. A walk goes down only where an undecided need lies
    below (:func:`highest_below`)."""
    by_id = {n.id: n for n in needs}
    undecided_below = highest_below(by_id, lambda need: float(need.phase is None))
    found: dict[str, list[str]] = {}
    for need in needs:
        if need.phase is not None and undecided_below[need.id] > 0:
            below = dependencies_of(need.id, by_id, lambda d: undecided_below[d] > 0)
            for dependency in below:
                if by_id[dependency].phase is None:
                    found.setdefault(dependency, []).append(need.id)
    return {need: tuple(ids) for need, ids in found.items()}


def _place(
    order: Sequence[ScoredNeed], phases: Sequence[RoadmapPhase]
) -> tuple[tuple[PhasePlan, ...], tuple[ScoredNeed, ...], dict[str, tuple[FullPhase, ...]]]:
    """Each need, in priority order but never before its dependencies, into the earliest
    phase with room that is not before a phase of its dependencies; a need whose dependency
    is unplanned stays unplanned too. A need with a decided phase goes there, its points
    set aside first; a need such needs depend on goes no later than the earliest of their
    phases, over its capacity if need be (see the module docstring). Also, for each need,
    the phases passed over for want of room (:attr:`Roadmap.passed_over`)."""
    by_id = {s.need.id: s for s in order}
    at = {p.id: i for i, p in enumerate(phases)}
    decided = {s.need.id: at[s.need.phase] for s in order if s.need.phase in at}
    due = {s.need.id: min(decided[d] for d in s.due_for) for s in order if s.due_for}
    # decisions come first: their points, and those of what they depend on (in the phase
    # it must come by; given back when it is placed, maybe earlier), are set aside
    room = [math.inf if p.capacity is None else p.capacity for p in phases]
    for s in order:
        set_aside = decided.get(s.need.id, due.get(s.need.id))
        if set_aside is not None:
            room[set_aside] -= s.points
    placed: dict[str, int] = {}
    planned: list[list[ScoredNeed]] = [[] for _ in phases]
    unplanned: list[ScoredNeed] = []
    passed_over: dict[str, tuple[FullPhase, ...]] = {}
    ids = dependencies_first(list(by_id), lambda need_id: by_id[need_id].need.depends_on)
    for scored in (by_id[need_id] for need_id in ids):
        dependencies = [d for d in scored.need.depends_on if d in by_id]
        index = decided.get(scored.need.id)
        if index is not None:  # its points were set aside
            placed[scored.need.id] = index
            planned[index].append(scored)
            continue
        by = due.get(scored.need.id)
        if by is not None:
            room[by] += scored.points
        if all(d in placed for d in dependencies):
            earliest = max((placed[d] for d in dependencies), default=0)
            last = len(phases) - 1 if by is None else by
            index = next(
                (i for i in range(earliest, last + 1) if scored.points <= room[i] + 1e-9),
                by,
            )
            full = range(earliest, last + 1 if index is None else index)
            if passed := tuple(
                FullPhase(phases[i].id, max(round(room[i], 9), 0.0))  # no float dust
                for i in full
                if phases[i].capacity != 0  # decisions only: no place for a planned need
            ):
                passed_over[scored.need.id] = passed
        if index is None:
            unplanned.append(scored)
            continue
        placed[scored.need.id] = index
        room[index] -= scored.points
        planned[index].append(scored)
    plans = tuple(
        PhasePlan(phase, tuple(needs)) for phase, needs in zip(phases, planned, strict=True)
    )
    return plans, tuple(unplanned), passed_over
