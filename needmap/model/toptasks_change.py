"""How the top tasks moved between two runs of a survey: each task's rank and share then and now.

Top-task surveys are held again after a redesign, or every year or two, to see whether
what matters most has changed. The runs' mappings give each task an id (``survey draft``
of the run again keeps the ids of the tasks it finds), so a task is the same task in both
when its id is, even where its label was reworded. A task only one run asked is new or
dropped: the other run's share for it is unknown, not zero, since nobody could choose it.

Shares are compared in the same measure in both: weighted to the groups' headcounts where
both runs were, raw where either was not (:func:`common_order`). Only overall shares are
compared, so no group's figures show and no small group needs hiding.
"""

from __future__ import annotations

from dataclasses import dataclass

from needmap.model.ordering import reading_order
from needmap.model.toptasks import Order, TaskResult, TopTasks

__all__ = ["TaskChange", "TopTasksChange", "common_order", "compare_toptasks"]


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


def common_order(now: TopTasks, before: TopTasks) -> Order:
    """The measure both analyses have: weighted only when both are."""
    return "weighted" if now.order == before.order == "weighted" else "unweighted"


def _ranked(result: TopTasks, order: Order) -> dict[str, tuple[int, float]]:
    """Each task's rank and share in ``order``: the analysis's own ranks where it is in
    that order; for a weighted analysis compared raw, ranked again by raw share, equal
    shares as a reader files their labels (as
    :func:`~needmap.model.toptasks.analyse_toptasks` ranks them)."""

    def share(task: TaskResult) -> float:
        if order == "weighted" and task.weighted_share is not None:
            return task.weighted_share
        return task.share

    if result.order == order:
        return {t.id: (t.rank, share(t)) for t in result.tasks}
    ranked = sorted(result.tasks, key=lambda t: (-share(t), reading_order(t.label), t.label, t.id))
    return {t.id: (rank, share(t)) for rank, t in enumerate(ranked, start=1)}


def compare_toptasks(now: TopTasks, before: TopTasks) -> TopTasksChange:
    """The tasks of the later run ``now`` beside those of the earlier run ``before``."""
    order = common_order(now, before)
    later, earlier = _ranked(now, order), _ranked(before, order)
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
