"""Which needs the chosen circles share: exclusive regions, the shared core, similarity.

A need's *region* is the exact set of units that need it. Grouping needs by that set gives the
exclusive regions of a Venn diagram without enumerating all 2^n combinations: only regions
that hold at least one need exist, so 30 groups and thousands of needs cost one pass.

Demand weighs a need by who needs it and how much: the sum over the chosen groups of the
group's weight (its headcount, or 1 each when weighing equally) times the importance weight
from ``study.yaml``. Pure functions: no files are read or written here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from needmap.model.notes import Note
from needmap.model.ordering import reading_order
from needmap.model.units import Unit, choose_units
from needmap.personas.schema import Importance, Kind, Need
from needmap.personas.study import Study

__all__ = [
    "KIND_ORDER",
    "VENN_MAX_CIRCLES",
    "Overlap",
    "Region",
    "Similarity",
    "compute_overlap",
    "most_alike",
    "most_alike_to",
    "need_order",
]

KIND_ORDER: tuple[Kind, ...] = ("content", "function", "technology")
VENN_MAX_CIRCLES = 3
"""Up to this many circles are drawn as a Venn diagram, whose regions are named by their
letters (``AB``); more are drawn as an UpSet chart of ranked regions (``R1``)."""
_RANK: dict[Importance, int] = {"could": 1, "should": 2, "must": 3}


@dataclass(frozen=True, slots=True)
class Region:
    """The needs shared by exactly these units and no other chosen unit."""

    code: str
    """Short code shown in the diagram and the table, e.g. "AB" or "R3"."""
    units: tuple[str, ...]
    needs: tuple[str, ...]
    demand: float
    share: float
    """This region's part of the total weighted demand (0-1)."""

    @property
    def degree(self) -> int:
        return len(self.units)


@dataclass(frozen=True, slots=True)
class Similarity:
    """How alike two units' needs are."""

    a: str
    b: str
    jaccard: float
    """Shared needs / needs of either: 1 means the same needs."""
    weighted_jaccard: float
    """The same with importance weights: sum of minima / sum of maxima."""


@dataclass(frozen=True, slots=True)
class Overlap:
    """The overlap of a study's needs over a chosen set of units."""

    units: tuple[Unit, ...]
    regions: tuple[Region, ...]
    """Non-empty regions, largest first (then more units first, then by unit ids)."""
    importance: Mapping[str, Mapping[str, Importance]]
    """need id -> unit id -> importance (the highest of the unit's groups)."""
    demand: Mapping[str, float]
    """need id -> weighted demand over the chosen groups."""
    similarity: tuple[Similarity, ...]
    weighting: str
    """"headcount" or "equal": how groups were weighed."""
    weighting_note: Note | None
    """Why weighting fell back to equal, if it did; else None."""

    @property
    def total_demand(self) -> float:
        return sum(self.demand.values())

    @property
    def by_family(self) -> bool:
        """Whether the circles are families of groups, which reports name differently."""
        return any(u.kind == "family" for u in self.units)

    @property
    def needs(self) -> tuple[str, ...]:
        """All needs in any chosen unit, in region order."""
        return tuple(n for region in self.regions for n in region.needs)

    @property
    def region_of(self) -> Mapping[str, Region]:
        return {n: region for region in self.regions for n in region.needs}

    @property
    def core(self) -> Region | None:
        """The needs every chosen unit shares, if any."""
        return next((r for r in self.regions if r.degree == len(self.units)), None)

    def unique(self, unit_id: str) -> tuple[str, ...]:
        """The needs only this unit has."""
        return next((r.needs for r in self.regions if r.units == (unit_id,)), ())

    def unit_needs(self, unit_id: str) -> tuple[str, ...]:
        return tuple(n for n, by_unit in self.importance.items() if unit_id in by_unit)


def need_order(need: Need) -> tuple[int, tuple[str | int, ...], str, str]:
    """Needs sort by kind, then title as a reader would (:func:`reading_order`): the order
    of every table, whatever the input order."""
    return (KIND_ORDER.index(need.kind), reading_order(need.title), need.title, need.id)


def compute_overlap(
    study: Study, unit_ids: Sequence[str] | None = None, *, by_family: bool = False
) -> Overlap:
    """The overlap of ``study`` over the chosen groups (or families, with ``by_family``)."""
    units = choose_units(study, unit_ids, by_family=by_family)
    weights = study.settings.scoring.importance_weights
    importance_weight = {"must": weights.must, "should": weights.should, "could": weights.could}
    group_weight, weighting, note = _group_weights(study, units)
    unit_of_group = {g: unit.id for unit in units for g in unit.groups}

    importance: dict[str, dict[str, Importance]] = {}
    demand: dict[str, float] = {}
    for need in sorted(study.needs, key=need_order):
        by_unit: dict[str, Importance] = {}
        total = 0.0
        for group_id, level in need.groups.items():
            unit_id = unit_of_group.get(group_id)
            if unit_id is None:
                continue
            total += group_weight[group_id] * importance_weight[level]
            if unit_id not in by_unit or _RANK[level] > _RANK[by_unit[unit_id]]:
                by_unit[unit_id] = level
        if by_unit:
            order = [u.id for u in units if u.id in by_unit]
            importance[need.id] = {u: by_unit[u] for u in order}
            demand[need.id] = total

    regions = _regions(units, importance, demand)
    return Overlap(
        units=units,
        regions=regions,
        importance=importance,
        demand=demand,
        similarity=_similarities(units, importance, importance_weight),
        weighting=weighting,
        weighting_note=note,
    )


def _group_weights(
    study: Study, units: Sequence[Unit]
) -> tuple[dict[str, float], str, Note | None]:
    groups = [study.group_by_id[g] for unit in units for g in unit.groups]
    if study.settings.platform.demand_weight == "equal":
        return {g.id: 1.0 for g in groups}, "equal", None
    missing = [g.name for g in groups if g.headcount is None]  # by name: a brief shows it
    if missing:
        note = Note("note.no_headcount.equal", {"groups": ", ".join(missing)})
        return {g.id: 1.0 for g in groups}, "equal", note
    return {g.id: float(g.headcount or 0) for g in groups}, "headcount", None


def _regions(
    units: Sequence[Unit],
    importance: Mapping[str, Mapping[str, Importance]],
    demand: Mapping[str, float],
) -> tuple[Region, ...]:
    members: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for need_id, by_unit in importance.items():
        members[tuple(by_unit)].append(need_id)
    total = sum(demand.values())
    position = {u.id: i for i, u in enumerate(units)}
    ordered = sorted(
        members.items(), key=lambda item: (-len(item[1]), -len(item[0]), sorted(item[0]))
    )
    letters = {u.id: u.letter for u in units}
    regions = []
    lettered = len(units) <= VENN_MAX_CIRCLES
    for rank, (unit_ids, need_ids) in enumerate(ordered, start=1):
        in_order = tuple(sorted(unit_ids, key=position.__getitem__))
        code = "".join(letters[u] for u in in_order) if lettered else f"R{rank}"
        region_demand = sum(demand[n] for n in need_ids)
        regions.append(
            Region(
                code=code,
                units=in_order,
                needs=tuple(need_ids),
                demand=region_demand,
                share=region_demand / total if total else 0.0,
            )
        )
    return tuple(regions)


def _similarities(
    units: Sequence[Unit],
    importance: Mapping[str, Mapping[str, Importance]],
    importance_weight: Mapping[str, float],
) -> tuple[Similarity, ...]:
    """Jaccard and weighted Jaccard for every pair, in one pass over the needs.

    Per pair only the shared part is accumulated (count and sum of minimum weights); the union
    follows from the per-unit totals: |A or B| = |A| + |B| - |A and B|, and the sum of maxima
    is the sum of both weights minus the sum of minima. Cost: the sum over needs of the square
    of their number of units, not pairs x needs.
    """
    index = {u.id: i for i, u in enumerate(units)}
    count = [0] * len(units)
    weight_sum = [0.0] * len(units)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    minima: dict[tuple[int, int], float] = defaultdict(float)
    for by_unit in importance.values():
        members = [(index[u], importance_weight[level]) for u, level in by_unit.items()]
        for i, w in members:
            count[i] += 1
            weight_sum[i] += w
        for (i, wi), (j, wj) in combinations(members, 2):
            pair = (i, j) if i < j else (j, i)
            shared[pair] += 1
            minima[pair] += min(wi, wj)
    result = []
    for (i, a), (j, b) in combinations(enumerate(units), 2):
        both = shared.get((i, j), 0)
        union = count[i] + count[j] - both
        low = minima.get((i, j), 0.0)
        high = weight_sum[i] + weight_sum[j] - low
        result.append(
            Similarity(
                a=a.id,
                b=b.id,
                jaccard=both / union if union else 0.0,
                weighted_jaccard=low / high if high else 0.0,
            )
        )
    return tuple(result)


def most_alike(overlap: Overlap, top: int = 3) -> tuple[Similarity, ...]:
    """The ``top`` pairs of units whose needs are most alike, by weighted Jaccard (then
    Jaccard): the groups a consultant may decide to treat as one. Pairs with nothing in
    common are left out."""
    alike = [s for s in overlap.similarity if s.weighted_jaccard > 0]
    alike.sort(key=_likeness)
    return tuple(alike[:top])


def most_alike_to(overlap: Overlap, unit: str, candidates: Collection[str]) -> Similarity | None:
    """The pair of ``unit`` with the one of ``candidates`` whose needs are most alike its
    own, ranked as :func:`most_alike` ranks pairs: the group to merge a group into. None
    when ``unit`` shares no need with any of them."""
    pairs = (
        s
        for s in overlap.similarity
        if s.weighted_jaccard > 0
        and unit in (s.a, s.b)
        and (s.b if s.a == unit else s.a) in candidates
    )
    return min(pairs, key=_likeness, default=None)


def _likeness(pair: Similarity) -> tuple[float, float, str, str]:
    """The order of pairs from most alike: weighted Jaccard, then Jaccard, then ids."""
    return (-pair.weighted_jaccard, -pair.jaccard, pair.a, pair.b)
