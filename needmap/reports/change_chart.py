"""The chart of a survey held again: each task's share then and now.

A steering group asks first what changed since the last survey. The table gives every
figure; the chart shows the later run's most chosen tasks, each on its row with an open
circle at its share before and a filled one at its share now, joined by a line that is
blue where the share rose and orange where it fell (the colour-blind-safe pair of the
other charts), and the change in points at the row's end. A task the earlier run did not
ask has its share now only, marked new. A survey held three times or more has its other
runs on each row too, as small grey marks (a diamond, a square, a triangle, the latest
first), so that a task that rose and fell back shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from needmap.model.toptasks_change import TaskChange, TopTasksChange
from needmap.reports.diagram import FIGURE_DPI, RC_PARAMS, figure_heading
from needmap.reports.i18n import Language, labels
from needmap.reports.palette import HIGHLIGHT, INK
from needmap.reports.sheet_cells import points_cell, shown_change
from needmap.reports.toptasks_charts import percent_ticks, widest_line
from needmap.reports.wrapping import shortened

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CHANGE_CHART_TASKS",
    "change_chart_alt",
    "charted_changes",
    "draw_change_chart",
    "other_runs",
]

CHANGE_CHART_TASKS = 20
"""How many of the later run's most chosen tasks the chart shows."""

_ROSE = HIGHLIGHT
_FELL = "#D55E00"
_STILL = "#888888"
"""The colours of a task whose share rose, fell, or stayed (to a tenth of a point)."""


def charted_changes(change: TopTasksChange, top: int = CHANGE_CHART_TASKS) -> list[TaskChange]:
    """The chart's rows: the later run's ``top`` most chosen tasks, in its rank order,
    less those nobody chose in either run (a group's comparison has many: they say
    nothing)."""
    tasks = [task for task in change.tasks if task.rank is not None]
    return [task for task in tasks if task.share or task.share_before][:top]


def change_chart_alt(change: TopTasksChange, language: Language) -> str:
    """What the chart shows, for a reader who cannot see it."""
    words = labels(language)
    said = words["tc.alt"].format(
        chart=_title(change, language),
        tasks=len(charted_changes(change)),
        title=change.title,
        before=change.before_title,
    )
    others = [title for title, _ in other_runs(change)][::-1]
    if not others:
        return said
    return f"{said} {words['tc.alt.others'].format(runs='; '.join(others))}"


def _title(change: TopTasksChange, language: Language) -> str:
    words = labels(language)
    if change.group is None:
        return words["tc.chart.title"]
    return words["tc.chart.title.group"].format(group=change.group_name)


def _colour(task: TaskChange) -> str:
    """The task's colour by its change as the table rounds it: a change that rounds to
    0.0 points is none."""
    points = round((shown_change(task.share, task.share_before) or 0.0) * 100, 1)
    return _ROSE if points > 0 else _FELL if points < 0 else _STILL


_LEGEND_CHARACTERS = 60
"""The most of a survey's title the legend shows: two side by side fit the narrowest chart."""


def _legend(title: str) -> str:
    return shortened(title, _LEGEND_CHARACTERS)


_LEGEND_SIZE = 9.5
"""Points of the legend's texts."""
_LEGEND_ENTRY = 0.65
"""Inches an entry of the legend takes besides its text: its mark, and the gap after it."""
_LEGEND_ROW = 0.22
"""Inches each row of the legend after its first adds to the chart's head."""


def _legend_columns(texts: list[str], width: float) -> int:
    """How many of the legend's entries stand side by side in a chart ``width`` inches
    wide: all of them where they fit in one row (three runs' long titles in a row ran off
    both sides of the chart), else one under another, oldest first. (Matplotlib fills a
    legend's columns top to bottom, so two columns of three would read out of order.)"""
    row = sum(widest_line([text], _LEGEND_SIZE) + _LEGEND_ENTRY for text in texts)
    return len(texts) if row <= width - 0.4 else 1


_OTHER_MARKS = ("D", "s", "^", "v", "P")
"""The marks of the survey's runs other than the two compared, the latest first."""

_OTHER = "#9A9A9A"


def other_runs(change: TopTasksChange) -> list[tuple[str, dict[str, float]]]:
    """The survey's runs other than the two compared (its trend's), the latest first, each
    with its tasks' shares (its title, and task id -> share), where the trend's shares are
    in the comparison's measure (weighted where both are), else none; at most as many as
    there are marks."""
    trend = change.trend
    if trend is None or trend.order != change.order:
        return []
    compared = (change.survey, change.before_survey)
    others = [i for i, run in enumerate(trend.runs) if run.survey not in compared][::-1]
    return [
        (
            trend.runs[i].title,
            {task.id: share for task in trend.tasks if (share := task.shares[i]) is not None},
        )
        for i in others[: len(_OTHER_MARKS)]
    ]


def draw_change_chart(
    change: TopTasksChange, language: Language, top: int = CHANGE_CHART_TASKS
) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.transforms import blended_transform_factory

    words = labels(language)
    tasks = charted_changes(change, top)
    rows = [f"{t.rank}. {shortened(t.label, 44)}" for t in tasks]
    others = other_runs(change)
    legend_labels = [
        *(_legend(title) for title, _ in others[::-1]),
        _legend(change.before_title),
        _legend(change.title),
    ]
    with matplotlib.rc_context(RC_PARAMS):
        left = widest_line(rows, 10) + 0.45  # and a gap, for a dot at 0%
        width = max(9.0, left + 6.0)
        columns = _legend_columns(legend_labels, width)
        head, foot = 1.35 + _LEGEND_ROW * (-(-len(legend_labels) // columns) - 1), 0.6
        height = head + foot + 0.34 * len(tasks)
        figure = Figure(figsize=(width, height), dpi=FIGURE_DPI)
        ax = figure.add_axes(
            (left / width, foot / height, 1 - (left + 0.9) / width, 1 - (head + foot) / height)
        )
        at_end = blended_transform_factory(ax.transAxes, ax.transData)
        for (_, run_shares), mark in zip(others, _OTHER_MARKS, strict=False):
            marked = [(y, run_shares[t.id]) for y, t in enumerate(tasks) if t.id in run_shares]
            ax.scatter(
                [share for _, share in marked],
                [y for y, _ in marked],
                s=22,
                marker=mark,
                color=_OTHER,
                zorder=1.5,
                clip_on=False,
            )
        for y, task in enumerate(tasks):
            now = task.share or 0.0
            colour = _colour(task)
            if task.share_before is not None:
                ax.plot(
                    [task.share_before, now], [y, y], color=colour, lw=2.4, zorder=1, clip_on=False
                )
                ax.scatter(
                    [task.share_before],
                    [y],
                    s=46,
                    facecolor="white",
                    edgecolor="#666666",
                    lw=1.4,
                    zorder=2,
                    clip_on=False,
                )
            dot = colour if task.change is not None else INK
            ax.scatter([now], [y], s=52, color=dot, zorder=3, clip_on=False)
            moved = shown_change(task.share, task.share_before)
            said = words["tc.new"] if moved is None else points_cell(moved, language)
            ax.text(1.02, y, said, transform=at_end, va="center", fontsize=9.5, color=colour)
        shares = [s for t in tasks for s in (t.share, t.share_before) if s is not None]
        shares += [s[t.id] for _, s in others for t in tasks if t.id in s]  # rows charted
        ax.set_xlim(0, max(shares, default=0.0) * 1.08 or 1.0)
        ax.set_ylim(len(tasks) - 0.5, -0.6)
        ax.set_yticks(range(len(tasks)), rows, fontsize=10)
        ax.tick_params(axis="y", length=0, pad=12)
        ax.grid(axis="x", color="#E4E4E4", lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(words["tt.chart.share"], color=INK)
        ax.xaxis.set_ticks_position("bottom")
        ax.yaxis.set_ticks_position("left")
        percent_ticks(ax.xaxis)
        figure_heading(
            figure,
            _title(change, language),
            words["tc.chart.subtitle"].format(
                order=words[f"tt.order.{change.order}"], tasks=len(tasks)
            ),
            (1 - 0.15 / height, 1 - 0.55 / height),
        )
        marks = [
            Line2D([], [], ls="", marker=mark, ms=5, color=_OTHER)
            for _, mark in zip(others, _OTHER_MARKS, strict=False)
        ]
        figure.legend(  # the other runs oldest first, as a reader goes through time
            handles=[
                *marks[::-1],
                Line2D([], [], ls="", marker="o", ms=7, mfc="white", mec="#666666", mew=1.4),
                Line2D([], [], ls="", marker="o", ms=7, color=INK),
            ],
            labels=legend_labels,
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - 0.85 / height),
            ncol=columns,
            frameon=False,
            fontsize=_LEGEND_SIZE,
        )
    return figure
