"""How the top tasks moved between two runs of a survey: each task's rank and share then and now.

Top-task surveys are held again after a redesign, or every year or two, to see whether
what matters most has changed. The runs' mappings give each task an id (``survey draft``
of the run again keeps the ids of the tasks it finds), so a task is the same task in both
when its id is, even where its label was reworded. A task only one run asked is new or
dropped: the other run's share for it is unknown, not zero, since nobody could choose it.

Shares are compared in the same measure in both: weighted to the groups' headcounts where
both runs were, raw where either was not (:func:`common_order`). One group's shares are
compared only where both runs show them (:func:`compare_group`, and each group's at a
glance: :func:`compare_groups`): what either run hides to protect a small group stays
hidden.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from needmap.errors import UsageError
from needmap.model.ordering import reading_order
from needmap.model.toptasks import GroupBreakdown, Order, TaskResult, TopTasks, group_breakdown
from needmap.personas.study import Study

__all__ = [
    "GroupChange",
    "TaskChange",
    "TopTasksChange",
    "TopTasksTrend",
    "TrendRun",
    "TrendTask",
    "common_order",
    "compare_group",
    "compare_groups",
    "compare_toptasks",
    "toptasks_trend",
]


@dataclass(frozen=True, slots=True)
class TaskChange:
    """One task in either run: its rank and share in each (None where that run did not
    ask it)."""

    id: str
    label: str
    """The label in the later run; for a dropped task, the earlier run's."""
    rank: int | None
    share: float | None
    rank_before: int | None
    share_before: float | None

    @property
    def change(self) -> float | None:
        """The share now less the share before (0.031 is 3.1 points up); None for a task
        only one run asked."""
        if self.share is None or self.share_before is None:
            return None
        return self.share - self.share_before


@dataclass(frozen=True, slots=True)
class TopTasksChange:
    """Two runs side by side: the later run's tasks in its rank order, then the tasks only
    the earlier one asked, in its order."""

    survey: str
    title: str
    respondents: int
    before_survey: str
    before_title: str
    before_respondents: int
    order: Order
    """The measure both runs' shares and ranks are in."""
    tasks: tuple[TaskChange, ...]
    group: str | None = None
    """The group whose shares these are (:func:`compare_group`; of several counted
    together, their key); None: everyone's."""
    group_name: str | None = None
    groups: tuple[GroupChange, ...] = ()
    """Each group's own comparison (:func:`compare_groups`), for everyone's; empty for one
    group's."""
    trend: TopTasksTrend | None = None
    """Every run of the survey, where it was held three times or more and each run is
    imported (:func:`toptasks_trend`, as a study's reports compare its latest run); None
    otherwise."""

    @property
    def new(self) -> tuple[str, ...]:
        """The ids of the tasks only the later run asked."""
        return tuple(t.id for t in self.tasks if t.rank_before is None)

    @property
    def dropped(self) -> tuple[str, ...]:
        """The ids of the tasks only the earlier run asked."""
        return tuple(t.id for t in self.tasks if t.rank is None)

    def moved_most(self, up: bool) -> TaskChange | None:
        """The task of both runs whose share rose most (``up``) or fell most; of equal
        changes, the one ranked higher now. None when no share moved that way: what a
        steering group is told first of a survey held again."""
        moved = [
            (task.change if up else -task.change, task)
            for task in self.tasks
            if task.change is not None and (task.change > 0 if up else task.change < 0)
        ]
        return max(moved, key=lambda pair: pair[0], default=(0.0, None))[1]


@dataclass(frozen=True, slots=True)
class GroupChange:
    """One group in two runs: its respondents in each and, where both show it, its tasks
    side by side."""

    group: str
    """The group's id; for an answer that covered several groups, their key (as
    :attr:`~needmap.model.toptasks.GroupBreakdown.group`)."""
    name: str
    respondents: int | None
    """Its respondents in the later run: None where that run hides the group, 0 where it
    counted nobody as this group."""
    respondents_before: int | None
    """The same in the earlier run."""
    min_group_size: int
    """Below how many respondents a run hides a group: what a hidden count is shown as."""
    change: TopTasksChange | None
    """Its shares in both runs; None unless both show it."""


@dataclass(frozen=True, slots=True)
class TrendRun:
    """One run of a survey in a trend: which, and how many answered."""

    survey: str
    title: str
    respondents: int


@dataclass(frozen=True, slots=True)
class TrendTask:
    """One task across the runs: its share in each, oldest first (None where that run did
    not ask it)."""

    id: str
    label: str
    """The label in the latest run that asked it."""
    shares: tuple[float | None, ...]

    @property
    def change(self) -> float | None:
        """The share in the latest run less the share in the first (0.031 is 3.1 points
        up); None where either did not ask the task."""
        first, last = self.shares[0], self.shares[-1]
        return None if first is None or last is None else last - first


@dataclass(frozen=True, slots=True)
class TopTasksTrend:
    """Every run of a survey held again and again, side by side: what a comparison of two
    runs at a time leaves out (a task that rose in 2024 and fell back in 2026 looks
    unmoved between 2022 and 2026)."""

    runs: tuple[TrendRun, ...]
    """Oldest first."""
    order: Order
    """The measure every run's shares are in: weighted only where all runs are."""
    tasks: tuple[TrendTask, ...]
    """The latest run's tasks in its rank order, then those only earlier runs asked (the
    latest of those runs first, each in its rank order)."""


def toptasks_trend(runs: Sequence[TopTasks]) -> TopTasksTrend:
    """``runs`` of one survey (oldest first, at least two) side by side, each task's share
    in each, in the measure all of them have. A task is the same task in each run where
    its id is (as :func:`compare_toptasks` matches them)."""
    if len(runs) < 2:
        raise ValueError("a trend takes two runs or more")
    order: Order = "weighted" if all(run.order == "weighted" for run in runs) else "unweighted"
    ranked = [_ranked(run, order) for run in runs]
    labels = {task.id: task.label for run in runs for task in run.tasks}  # the latest wins
    listed: dict[str, None] = {}
    for shares in reversed(ranked):  # the latest run's order, then each earlier run's
        listed.update(dict.fromkeys(sorted(shares, key=lambda task: shares[task][0])))
    return TopTasksTrend(
        runs=tuple(TrendRun(run.survey, run.title, run.respondents) for run in runs),
        order=order,
        tasks=tuple(
            TrendTask(
                task,
                labels[task],
                tuple(shares[task][1] if task in shares else None for shares in ranked),
            )
            for task in listed
        ),
    )


def common_order(now: TopTasks, before: TopTasks) -> Order:
    """The measure both analyses have: weighted only when both are."""
    return "weighted" if now.order == before.order == "weighted" else "unweighted"


def _by_share(
    shares: Mapping[str, float], labels: Mapping[str, str]
) -> dict[str, tuple[int, float]]:
    """Each task's rank and share, ranked by share, equal shares as a reader files their
    labels (as :func:`~needmap.model.toptasks.analyse_toptasks` ranks them)."""
    ranked = sorted(shares, key=lambda t: (-shares[t], reading_order(labels[t]), labels[t], t))
    return {task: (rank, shares[task]) for rank, task in enumerate(ranked, start=1)}


def _ranked(result: TopTasks, order: Order) -> dict[str, tuple[int, float]]:
    """Each task's rank and share in ``order``: the analysis's own ranks where it is in
    that order; for a weighted analysis compared raw, ranked again by raw share
    (:func:`_by_share`)."""

    def share(task: TaskResult) -> float:
        if order == "weighted" and task.weighted_share is not None:
            return task.weighted_share
        return task.share

    if result.order == order:
        return {t.id: (t.rank, share(t)) for t in result.tasks}
    return _by_share({t.id: share(t) for t in result.tasks}, {t.id: t.label for t in result.tasks})


def compare_toptasks(now: TopTasks, before: TopTasks) -> TopTasksChange:
    """The tasks of the later run ``now`` beside those of the earlier run ``before``."""
    order = common_order(now, before)
    return replace(
        _side_by_side(now, before, _ranked(now, order), _ranked(before, order), order),
        groups=compare_groups(now, before),
    )


def compare_groups(now: TopTasks, before: TopTasks) -> tuple[GroupChange, ...]:
    """Each group of either run (the later run's first, in its order), with its tasks
    side by side where both runs show it: counted as the same group (alone, or with the
    same other groups) and hidden in neither. A count that a run hides stays hidden,
    whatever the other run shows."""
    now_of = {breakdown.group: breakdown for breakdown in now.groups}
    before_of = {breakdown.group: breakdown for breakdown in before.groups}
    names = {b.group: b.name for b in (*before.groups, *now.groups)}  # now's name wins
    return tuple(
        GroupChange(
            group=key,
            name=names[key],
            respondents=_respondents(now_of.get(key)),
            respondents_before=_respondents(before_of.get(key)),
            min_group_size=now.min_group_size,
            change=_shown_in_both(now, before, now_of.get(key), before_of.get(key)),
        )
        for key in [*now_of, *(key for key in before_of if key not in now_of)]
    )


def _shown_in_both(
    now: TopTasks, before: TopTasks, later: GroupBreakdown | None, earlier: GroupBreakdown | None
) -> TopTasksChange | None:
    """The group's comparison where both runs show it (``later``, ``earlier``: its
    breakdowns, None where a run counted nobody as it), else None."""
    if later is None or earlier is None or later.suppressed or earlier.suppressed:
        return None
    return _group_side_by_side(now, before, later, earlier)


def _respondents(breakdown: GroupBreakdown | None) -> int | None:
    """A group's respondents as :class:`GroupChange` holds them: None hidden, 0 none."""
    if breakdown is None:
        return 0
    return None if breakdown.suppressed else breakdown.respondents


def compare_group(now: TopTasks, before: TopTasks, group: str, study: Study) -> TopTasksChange:
    """One group's tasks in the two runs (``group`` by its id or name): its shares of its
    own votes, raw (within one group there is nothing to weight), ranked by them.

    A group hidden in either run (too few respondents, or hidden so that a small one
    cannot be worked out: :func:`~needmap.model.toptasks.group_breakdown`) is refused,
    saying which run; so is one counted with other groups in one run and not the other
    (an answer that covered several), whose shares would be of other people."""
    shown = [_shown_in(result, group, study) for result in (now, before)]
    if set(shown[0].members) != set(shown[1].members):
        raise UsageError.single(
            f"group '{group}' is counted as {shown[0].name} in '{now.survey}' and as "
            f"{shown[1].name} in '{before.survey}': its shares are of other people",
            hint="compare the overall shares (leave out --group), or look at each run's "
            "ranking of the group (leave out --compare)",
        )
    return _group_side_by_side(now, before, *shown)


def _group_side_by_side(
    now: TopTasks, before: TopTasks, later: GroupBreakdown, earlier: GroupBreakdown
) -> TopTasksChange:
    """One group's shares of its own votes in both runs (``later``, ``earlier``: its
    breakdowns, shown in both), raw and ranked by them."""
    return replace(
        _side_by_side(
            now,
            before,
            _by_share(later.shares, {t.id: t.label for t in now.tasks}),
            _by_share(earlier.shares, {t.id: t.label for t in before.tasks}),
            "unweighted",
        ),
        respondents=later.respondents or 0,
        before_respondents=earlier.respondents or 0,
        group=later.group,
        group_name=later.name,
    )


def _shown_in(result: TopTasks, group: str, study: Study) -> GroupBreakdown:
    """The group's breakdown in ``result``, its refusal naming the run."""
    try:
        return group_breakdown(result, group, study)
    except UsageError as exc:
        raise UsageError(
            [replace(p, message=f"survey '{result.survey}': {p.message}") for p in exc.problems]
        ) from None


def _side_by_side(
    now: TopTasks,
    before: TopTasks,
    later: Mapping[str, tuple[int, float]],
    earlier: Mapping[str, tuple[int, float]],
    order: Order,
) -> TopTasksChange:
    """The later run's tasks in rank order, then those only the earlier one asked, each
    with its rank and share in both (``later``, ``earlier``: task id -> rank, share)."""
    labels = {t.id: t.label for t in (*before.tasks, *now.tasks)}  # now's label wins
    in_later = sorted(later, key=lambda t: later[t][0])
    only_earlier = sorted(set(earlier) - set(later), key=lambda t: earlier[t][0])
    return TopTasksChange(
        survey=now.survey,
        title=now.title,
        respondents=now.respondents,
        before_survey=before.survey,
        before_title=before.title,
        before_respondents=before.respondents,
        order=order,
        tasks=tuple(
            TaskChange(
                id=task,
                label=labels[task],
                rank=later[task][0] if task in later else None,
                share=later[task][1] if task in later else None,
                rank_before=earlier[task][0] if task in earlier else None,
                share_before=earlier[task][1] if task in earlier else None,
            )
            for task in (*in_later, *only_earlier)
        ),
    )
