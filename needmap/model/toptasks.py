"""Top-task analysis: vote shares, the long neck, coverage, weighting and group differences.

Everything is computed from a :class:`~needmap.surveys.tally.Tally` (counts per group and task),
so analysis is fast and needs no personal data.

*Weighting.* Groups answer at different rates: front-desk, field and facility staff answer
less. Post-stratification gives each respondent of group g the weight
``w_g = (N_g / N) / (n_g / n)``, with N_g the group's headcount and n_g its respondents (both
over the groups that answered). A weighted vote share is then
``sum_g w_g * votes_g,t / sum_g w_g * votes_g``, and weighted shares still sum to 1.

*Privacy.* No breakdown shows a group with fewer respondents than ``min_group_size``. When
exactly one group is hidden, the smallest shown group is hidden too, because the hidden one
could otherwise be derived from the total. Hidden groups' weights are not shown either: with
the headcounts, a weight gives away the number of respondents. Hidden groups are weighted
together, as one stratum (see :func:`_weights`). Respondents outside the target groups (an
"other" answer) are left out of every result when they are fewer than the minimum (see
:meth:`Tally.outside_counted <needmap.surveys.tally.Tally.outside_counted>`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from needmap.errors import Location, Problem, UsageError
from needmap.model.notes import Note
from needmap.model.ordering import reading_order
from needmap.personas.study import Study
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import (
    OUTSIDE,
    Tally,
    in_study_order,
    stratum_groups,
    stratum_members,
    stratum_name,
)

__all__ = [
    "NECK_SHARE",
    "Disagreement",
    "GroupBreakdown",
    "NeedEvidence",
    "TaskResult",
    "TopTasks",
    "analyse_toptasks",
    "coverage_set",
    "group_breakdown",
    "post_stratification_weights",
    "suppressed_groups",
]

NECK_SHARE = 0.25
"""The "long neck": the fewest tasks that together take a quarter of the votes."""

Order = Literal["weighted", "unweighted"]


@dataclass(frozen=True, slots=True)
class TaskResult:
    id: str
    label: str
    votes: int
    share: float
    weighted_share: float | None
    rank: int
    """Rank in the chosen order (1 = most votes)."""


@dataclass(frozen=True, slots=True)
class GroupBreakdown:
    group: str
    """The group's id; for respondents of an answer that covers several groups, the key of
    those groups together (:func:`~needmap.surveys.tally.stratum_key`)."""
    name: str
    """The group's name; the names of the groups of a stratum, joined with " + "."""
    suppressed: bool
    respondents: int | None
    """None when suppressed."""
    shares: Mapping[str, float]
    """task id -> share of this group's votes; empty when suppressed."""

    def ranked(self) -> tuple[str, ...]:
        """Every task, largest share first; equal shares in the order of :attr:`shares`
        (the analysis gives them in the reading order of their labels)."""
        return tuple(sorted(self.shares, key=lambda t: -self.shares[t]))

    @property
    def members(self) -> tuple[str, ...]:
        """The ids of the groups these respondents are of: one, or those of a stratum."""
        return stratum_groups(self.group)

    def top(self, n: int) -> tuple[str, ...]:
        """The ``n`` largest shares, leaving out tasks nobody in the group chose."""
        return tuple(t for t in self.ranked() if self.shares[t] > 0)[:n]


@dataclass(frozen=True, slots=True)
class Disagreement:
    task: str
    spread: float
    """Highest minus lowest share among the shown groups."""
    highest: str
    lowest: str


@dataclass(frozen=True, slots=True)
class NeedEvidence:
    need: str
    title: str
    tasks: tuple[str, ...]
    votes: int
    share: float
    weighted_share: float | None


@dataclass(frozen=True)
class TopTasks:
    survey: str
    title: str
    order: Order
    tasks: tuple[TaskResult, ...]
    """All tasks, highest share first in the chosen order."""
    respondents: int
    votes: int
    cumulative: tuple[float, ...]
    """Cumulative share along ``tasks``, in the chosen order."""
    coverage_target: float
    coverage: tuple[str, ...]
    neck: tuple[str, ...]
    weights: Mapping[str, float | None]
    """group id (or stratum, as :attr:`GroupBreakdown.group`) -> weight; None for hidden
    groups. Empty when not weighted."""
    notes: tuple[Note, ...]
    """Why results are not weighted; who is left out of the weighting or of all results."""
    groups: tuple[GroupBreakdown, ...]
    suppressed: frozenset[str]
    min_group_size: int
    disagreements: tuple[Disagreement, ...]
    needs: tuple[NeedEvidence, ...]
    asked: frozenset[str] = frozenset()
    """The target groups the survey's mapping has an answer for: the groups it asked."""
    headcounts: Mapping[str, int | None] = field(default_factory=dict)
    """group id (or stratum) -> headcount, for each target group that answered (a
    stratum's is its groups' sum): with the respondents, each group's response rate, which
    the weighting evens out."""

    def breakdown_of(self, group: str) -> GroupBreakdown | None:
        """The breakdown that holds the respondents of the group with id ``group``: its own,
        or its stratum's; None when the group has no respondents."""
        return next((b for b in self.groups if group in b.members), None)


def suppressed_groups(respondents: Mapping[str, int], minimum: int) -> frozenset[str]:
    """Groups whose breakdowns must not be shown (see the module docstring)."""
    small = {g for g, n in respondents.items() if n < minimum}
    shown = sorted((n, g) for g, n in respondents.items() if g not in small)
    if len(small) == 1 and shown:
        small.add(shown[0][1])
    return frozenset(small)


def post_stratification_weights(
    respondents: Mapping[str, int], headcounts: Mapping[str, int | None]
) -> tuple[dict[str, float], Note | None]:
    """Weights per group, or none and the reason why not."""
    answering = {g: n for g, n in respondents.items() if n > 0}
    people = {g: count for g in answering if (count := headcounts.get(g))}
    missing = sorted(set(answering) - set(people))
    if missing:
        return {}, Note("note.no_headcount.unweighted", {"groups": ", ".join(missing)})
    if not answering:
        return {}, Note("note.no_groups")
    population = sum(people.values())
    sample = sum(answering.values())
    weights = {g: (people[g] / population) / (n / sample) for g, n in answering.items()}
    return weights, None


def _weights(
    groups: Mapping[str, int], headcounts: Mapping[str, int | None], hidden: frozenset[str]
) -> tuple[dict[str, float], Note | None]:
    """Post-stratification weights, with the hidden groups weighted together as one stratum.

    Collapsing small strata is the usual remedy for their unstable weights; here it also
    keeps them private. With a weight of its own, a hidden group's votes could be worked out
    from the weighted and the unweighted shares together; weighted together, only the hidden
    groups' sum enters either.
    """
    weights, note = post_stratification_weights(groups, headcounts)
    if not weights or not hidden:
        return weights, note
    cells = {g: n for g, n in groups.items() if g not in hidden}
    cells[_HIDDEN] = sum(groups[g] for g in hidden)
    cell_headcounts = {g: headcounts[g] for g in cells if g != _HIDDEN}
    cell_headcounts[_HIDDEN] = sum(headcounts[g] or 0 for g in hidden)
    by_cell, _ = post_stratification_weights(cells, cell_headcounts)
    return {g: by_cell[_HIDDEN if g in hidden else g] for g in weights}, None


_HIDDEN = "\x00hidden"
"""The stratum of the hidden groups; no group id can be this."""


def coverage_set(shares: Sequence[tuple[str, float]], target: float) -> tuple[str, ...]:
    """The fewest tasks whose shares add up to at least ``target``.

    Taking tasks in order of share, largest first, is optimal: any set of k tasks covers at
    most the k largest shares. Of tasks with equal shares, the first given are taken first,
    so that the set is the top of a ranking made in the same order.
    """
    chosen: list[str] = []
    total = 0.0
    for task, share in sorted(shares, key=lambda item: -item[1]):
        if total >= target - 1e-12:
            break
        chosen.append(task)
        total += share
    return tuple(chosen)


def analyse_toptasks(
    study: Study,
    mapping: SurveyMapping,
    tally: Tally,
    *,
    weighted: bool = True,
    coverage_target: float = 0.75,
) -> TopTasks:
    """The analysis of one survey; ``weighted`` orders by weighted shares when possible."""
    if not 0 < coverage_target <= 1:
        raise UsageError.single(
            f"coverage must be between 0 and 1, found {coverage_target}", hint="e.g. 0.75"
        )
    labels = {t.id: t.label for t in mapping.tasks}
    changed = tally.differences(list(labels), study.group_by_id, mapping.max_picks)
    if changed:
        raise UsageError(Problem(Location(), c, hint="import the export again") for c in changed)
    # Tasks with equal votes are ranked as a reader files their labels, everywhere below.
    tasks = sorted(tally.tasks, key=lambda t: (reading_order(labels[t]), labels[t], t))
    minimum = study.settings.privacy.min_group_size
    groups = {g: n for g, n in tally.respondents.items() if g != OUTSIDE}
    outside = tally.respondents.get(OUTSIDE, 0)
    counted = [g for g in tally.votes if g != OUTSIDE or tally.outside_counted(minimum)]
    votes = {t: sum(tally.votes[g].get(t, 0) for g in counted) for t in tasks}
    total_votes = sum(votes.values())
    if not total_votes:
        raise UsageError.single(
            f"survey '{mapping.id}' has no votes to analyse",
            hint="its respondents were all left out (or outside the target groups and fewer "
            f"than {minimum}); import an export with answers from the target groups",
        )
    shares = {t: votes[t] / total_votes for t in tasks}

    hidden = suppressed_groups(groups, minimum)
    headcounts = {key: _headcount(study, key) for key in groups}
    weights, note = ({}, None) if not weighted else _weights(groups, headcounts, hidden)
    if note is not None and note.key == "note.no_headcount.unweighted":
        note = _without_headcount(study, groups)
    denominator = sum(weights[g] * sum(tally.votes[g].values()) for g in weights)
    if weights and not denominator:  # the votes are all outside the groups: nothing to weigh
        weights, note = {}, Note("note.no_group_votes")
    notes = [note] if note else []
    if outside and not tally.outside_counted(minimum):
        notes.append(Note("note.outside_left_out", {"minimum": str(minimum)}))
    elif weighted and outside and weights:
        notes.append(Note("note.outside", {"count": str(outside)}))
    weighted_shares: dict[str, float] | None = None
    if weights:
        weighted_shares = {
            t: sum(weights[g] * tally.votes[g].get(t, 0) for g in weights) / denominator
            for t in tasks
        }
    order: Order = "weighted" if weighted_shares is not None else "unweighted"
    measure = weighted_shares if weighted_shares is not None else shares
    ranked = sorted(tasks, key=lambda t: -measure[t])
    results = tuple(
        TaskResult(
            id=t,
            label=labels[t],
            votes=votes[t],
            share=shares[t],
            weighted_share=None if weighted_shares is None else weighted_shares[t],
            rank=i,
        )
        for i, t in enumerate(ranked, start=1)
    )
    running, cumulative = 0.0, []
    for t in ranked:
        running += measure[t]
        cumulative.append(running)
    # Shares added one by one miss the whole by a rounding error (ten shares of 0.1 make
    # 0.9999999999999999, which reads ">99.9%"); the last task completes it exactly.
    cumulative = [c / running for c in cumulative] if running else cumulative

    breakdowns = tuple(
        _breakdown(study, tally, g, n, g in hidden, tasks) for g, n in _study_order(study, groups)
    )
    return TopTasks(
        survey=mapping.id,
        title=mapping.title,
        order=order,
        tasks=results,
        respondents=tally.counted_respondents(minimum),
        votes=total_votes,
        cumulative=tuple(cumulative),
        coverage_target=coverage_target,
        coverage=coverage_set([(t, measure[t]) for t in tasks], coverage_target),
        neck=coverage_set([(t, measure[t]) for t in tasks], NECK_SHARE),
        weights={
            b.group: None if b.suppressed else weights[b.group]
            for b in breakdowns
            if b.group in weights
        },
        notes=tuple(notes),
        groups=breakdowns,
        suppressed=hidden,
        min_group_size=minimum,
        disagreements=_disagreements(breakdowns, tasks),
        needs=_needs(study, mapping, votes, shares, weighted_shares),
        asked=frozenset(mapping.group.group_ids()),
        headcounts=headcounts,
    )


def _study_order(study: Study, groups: Mapping[str, int]) -> list[tuple[str, int]]:
    """``groups`` in the order of the study's files, a stratum where its first group is
    (each is in the study: a tally with a group that is not was refused by
    :meth:`Tally.differences`)."""
    return [(key, groups[key]) for key in in_study_order(groups, study)]


def _headcount(study: Study, key: str) -> int | None:
    """The headcount of a group, or of a stratum's groups together; None when one has none."""
    counts = [study.group_by_id[g].headcount for g in stratum_groups(key)]
    return None if None in counts else sum(c or 0 for c in counts)


def _without_headcount(study: Study, keys: Iterable[str]) -> Note:
    """Why the results are not weighted, naming the groups that lack a headcount, by name
    (the reports show it to the steering group): of a stratum, the one to give a headcount,
    not the stratum's key ("desk+field")."""
    lacking = [
        group.name
        for key in in_study_order(keys, study)
        for group in stratum_members(key, study)
        if group.headcount is None
    ]
    return Note("note.no_headcount.unweighted", {"groups": ", ".join(lacking)})


def _breakdown(
    study: Study, tally: Tally, group: str, respondents: int, hidden: bool, tasks: Sequence[str]
) -> GroupBreakdown:
    name = stratum_name(group, study)
    if hidden:
        return GroupBreakdown(group, name, True, None, {})
    by_task = tally.votes.get(group, {})
    total = sum(by_task.get(t, 0) for t in tasks)
    return GroupBreakdown(
        group,
        name,
        False,
        respondents,
        {t: by_task.get(t, 0) / total if total else 0.0 for t in tasks},
    )


def _disagreements(
    groups: Sequence[GroupBreakdown], tasks: Sequence[str]
) -> tuple[Disagreement, ...]:
    shown = [g for g in groups if not g.suppressed]
    if len(shown) < 2:
        return ()
    result = []
    for task in tasks:
        high = max(shown, key=lambda g: (g.shares[task], g.group))
        low = min(shown, key=lambda g: (g.shares[task], g.group))
        if high.shares[task] > low.shares[task]:
            result.append(
                Disagreement(task, high.shares[task] - low.shares[task], high.group, low.group)
            )
    return tuple(sorted(result, key=lambda d: -d.spread))


def _needs(
    study: Study,
    mapping: SurveyMapping,
    votes: Mapping[str, int],
    shares: Mapping[str, float],
    weighted: Mapping[str, float] | None,
) -> tuple[NeedEvidence, ...]:
    tasks_of: dict[str, list[str]] = {}
    for task in mapping.tasks:
        for need in task.needs:
            tasks_of.setdefault(need, []).append(task.id)
    evidence = [
        NeedEvidence(
            need=need,
            title=study.need_by_id[need].title if need in study.need_by_id else need,
            tasks=tuple(ts),
            votes=sum(votes[t] for t in ts),
            share=sum(shares[t] for t in ts),
            weighted_share=None if weighted is None else sum(weighted[t] for t in ts),
        )
        for need, ts in tasks_of.items()
    ]
    return tuple(sorted(evidence, key=_evidence_order))


def _evidence_order(evidence: NeedEvidence) -> tuple[float, tuple[str | int, ...], str, str]:
    """As the tasks are ranked: by weighted share when there is one, then as a reader
    files the titles."""
    share = evidence.share if evidence.weighted_share is None else evidence.weighted_share
    return (-share, reading_order(evidence.title), evidence.title, evidence.need)


def group_breakdown(result: TopTasks, group: str, study: Study) -> GroupBreakdown:
    """One group's breakdown (``group`` is its id or name), refusing hidden or unknown
    groups with a clear message."""
    named = study.group_named(group)
    if named is None:
        raise UsageError([study.unknown_group(group)])
    group = named.id
    for breakdown in result.groups:
        if group in breakdown.members:
            if breakdown.suppressed:
                raise UsageError.single(
                    f"group '{group}' is not shown: fewer than {result.min_group_size} "
                    "respondents (or hidden so that a small group cannot be worked out)",
                    hint="privacy.min_group_size in study.yaml sets the minimum",
                )
            return breakdown
    known = [b.group for b in result.groups]
    raise UsageError.single(
        f"no respondents from group '{group}' in this survey",
        hint="groups with respondents: " + ", ".join(known),
    )
