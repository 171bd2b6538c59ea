"""Top-task charts: the long neck, and the top tasks per group.

Long neck: bars of each task's share in rank order, the cumulative share as a line, the neck
(the fewest tasks with a quarter of the votes) shaded, and the point where the coverage set
(three quarters by default) is reached marked. Per group: a heat table of the overall top
tasks' shares in each group; hidden groups are a grey column reading n<5.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from needmap.model.toptasks import TaskResult, TopTasks
from needmap.reports.diagram import FIGURE_DPI, RC_PARAMS, figure_heading, text_renderer
from needmap.reports.i18n import Language, labels, number_key
from needmap.reports.palette import HIGHLIGHT, INK, MUTED
from needmap.reports.toptasks_table import respondents_label, summary_text
from needmap.reports.wrapping import BOUND, shortened

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = [
    "GROUP_CHART_TASKS",
    "charted_tasks",
    "draw_group_chart",
    "draw_long_neck",
    "percent_ticks",
    "widest_line",
]

_LABELLED = 25
"""Up to this many tasks, every bar gets its label; beyond, only the neck's tasks are named."""


def draw_long_neck(result: TopTasks, language: Language) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import PercentFormatter

    words = labels(language)
    shares = [
        t.weighted_share if result.order == "weighted" and t.weighted_share is not None else t.share
        for t in result.tasks
    ]
    n = len(shares)
    neck = len(result.neck)
    cover = len(result.coverage)
    with matplotlib.rc_context(RC_PARAMS):
        width = max(9.0, min(0.32 * n + 3, 16.0))
        figure = Figure(figsize=(width, 6.6), dpi=FIGURE_DPI)
        bottom = 0.16 if n > _LABELLED else 0.27 if n <= 10 else 0.33
        left = 0.08 if n <= 10 else 0.14
        ax = figure.add_axes((left, bottom, 0.92 - left, 0.84 - bottom))
        xs = list(range(1, n + 1))
        colours = [HIGHLIGHT if i <= neck else "#7A9CB8" if i <= cover else MUTED for i in xs]
        ax.bar(xs, shares, width=0.8, color=colours)
        ax.set_ylabel(words["tt.chart.share"], color=INK)
        ax.set_xlim(0.3, n + 0.7)
        ax.set_ylim(0, max(shares) * 1.2 if shares else 1)
        percent_ticks(ax.yaxis)
        for side in ("top",):
            ax.spines[side].set_visible(False)
        line = ax.twinx()
        line.plot(xs, result.cumulative, color=INK, lw=1.8, marker="o", ms=3 if n > 40 else 4)
        line.set_ylim(0, 1.05)
        line.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        line.set_ylabel(words["tt.chart.cumulative"], color=INK)
        line.spines["top"].set_visible(False)
        if neck:
            ax.axvspan(0.5, neck + 0.5, color=HIGHLIGHT, alpha=0.08, lw=0)
            # Just above the plot, over the neck's band: inside, the cumulative line would
            # run through the words where it climbs past them.
            ax.text(
                0.5,
                1.01,
                words[number_key("tt.chart.neck_label", neck)].format(
                    count=neck, pct=f"{result.cumulative[neck - 1]:.0%}"
                ),
                transform=ax.get_xaxis_transform(),
                va="bottom",
                fontsize=10,
                color=HIGHLIGHT,
                fontweight="bold",
            )
        if cover:
            reached = result.cumulative[cover - 1]
            line.axhline(result.coverage_target, color="#999999", lw=0.8, ls="--")
            line.text(
                n + 0.6,
                result.coverage_target,
                f"{result.coverage_target:.0%}",
                ha="right",
                va="bottom",
                fontsize=9,
                color="#777777",
            )
            line.annotate(
                words[number_key("tt.chart.cover_label", cover)].format(
                    count=cover, pct=f"{reached:.0%}"
                ),
                xy=(cover, reached),
                xytext=(12, -22),
                textcoords="offset points",
                fontsize=10,
                color=INK,
                arrowprops={"arrowstyle": "-", "color": "#777777", "lw": 0.8},
            )
        listed: Text | None = None
        if n <= 10:
            per_bar = max(10, int(width * 0.84 / n * 10))
            ax.set_xticks(
                xs,
                [textwrap.fill(shortened(t.label, 60), per_bar) for t in result.tasks],
                fontsize=9,
            )
        elif n <= _LABELLED:
            ax.set_xticks(
                xs,
                [shortened(t.label, 38) for t in result.tasks],
                rotation=40,
                ha="right",
                fontsize=9,
            )
        else:
            ax.set_xticks([x for x in xs if x == 1 or x % 5 == 0])
            ax.set_xlabel(words["tt.chart.tasks"], color=INK)
            names = "\n".join(
                f"{t.rank}. {shortened(t.label, 48)}" for t in result.tasks[:neck][:8]
            )
            # On the top (cumulative) axes, in the band on the right between the short tail
            # bars and the cumulative line near 100%, so neither draws over the list.
            listed = line.text(
                0.98,
                0.5,
                names,
                transform=line.transAxes,
                ha="right",
                va="center",
                multialignment="left",
                fontsize=9,
                color=INK,
                zorder=5,
                bbox={"facecolor": "white", "edgecolor": "#DDDDDD", "boxstyle": "round,pad=0.4"},
            )
        _fit_texts(figure, ax, line)
        if listed is not None and listed.get_text():
            _lower_bars_under(figure, listed, ax, shares)
        figure_heading(
            figure,
            words["tt.chart.neck"],
            f"{result.title} — {summary_text(result, language)}",
            (0.955, 0.9),
            sizes=(16, 10),
        )
    return figure


def _lower_bars_under(figure: Figure, listed: Text, ax: Axes, shares: list[float]) -> None:
    """Raise the top of the bars' axis so that the bars under the list of the neck's tasks
    end below it. In a steep long neck the tail bars are short and nothing changes; where
    the votes are spread evenly over the tasks, they are nearly as tall as the neck's and
    the list covered them."""
    renderer = text_renderer(figure)
    box = listed.get_window_extent(renderer)
    plot = ax.get_window_extent(renderer)
    first_under = ax.transData.inverted().transform((box.x0, box.y0))[0] - 0.4  # bar half
    under = [share for rank, share in enumerate(shares, start=1) if rank >= first_under]
    room = (box.y0 - plot.y0) / plot.height - _BAR_GAP
    bottom, top = ax.get_ylim()
    if under and room > 0 and max(under) > room * top:
        ax.set_ylim(bottom, max(under) / room)
        percent_ticks(ax.yaxis)


_BAR_GAP = 0.05
"""Height of the bars' axes left between the tallest bar under the list and the list."""

_MARGIN_X, _MARGIN_Y = 0.015, 0.03
"""Figure width and height left between the chart's outermost texts and its edges."""


def _fit_texts(figure: Figure, ax: Axes, line: Axes) -> None:
    """Move the plot's edges (both axes) so that its axis texts end just inside the figure:
    short task labels leave no empty band under the chart, and long slanted ones are not
    cut off at its left. Twice, since the task labels hang from bars that move with the
    edges."""
    renderer = text_renderer(figure)
    for _ in range(2):
        boxes = [
            box
            for box in (part.get_tightbbox(renderer) for part in (ax.xaxis, ax.yaxis, line.yaxis))
            if box is not None
        ]
        if not boxes:
            return
        width, height = figure.bbox.width, figure.bbox.height
        left, bottom, plot_width, plot_height = ax.get_position().bounds
        right, top = left + plot_width, bottom + plot_height
        left += _MARGIN_X - min(box.x0 for box in boxes) / width
        right += 1 - _MARGIN_X - max(box.x1 for box in boxes) / width
        bottom += _MARGIN_Y - min(box.y0 for box in boxes) / height
        for axes in (ax, line):
            axes.set_position((left, bottom, right - left, top - bottom))


def percent_ticks(axis: Axis) -> None:
    """Shares along ``axis`` in steps of 1, 2 or 5 (times a power of ten), with as many
    decimals as the step needs: a chart of many tasks with small shares would otherwise
    read 0%, 0%, 1%, 1%, 2%."""
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    locator = MaxNLocator(nbins=8, steps=[1, 2, 5, 10])
    axis.set_major_locator(locator)
    ticks = locator.tick_values(*axis.get_view_interval())
    step = (ticks[1] - ticks[0]) * 100 if len(ticks) > 1 else 1.0
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    axis.set_major_formatter(PercentFormatter(1.0, decimals=decimals))


_ROW_NAME_GAP = 0.3
"""Inches from the figure's left edge to the widest task name, and from it to the columns
(matplotlib's tick padding): the columns start where the names end, not at a margin
made for the longest name a survey might have."""


def _text_width(fontsize: float) -> Callable[[str], float]:
    """A measure of a line's width in inches, in ``fontsize`` points, as a figure at
    ``FIGURE_DPI`` draws it (under the caller's rc settings)."""
    from matplotlib.figure import Figure

    probe = Figure(dpi=FIGURE_DPI)
    renderer = text_renderer(probe)

    def width(line: str) -> float:
        text = probe.text(0, 0, line, fontsize=fontsize)
        inches: float = text.get_window_extent(renderer).width / FIGURE_DPI
        text.remove()
        return inches

    return width


def widest_line(lines: list[str], fontsize: float) -> float:
    """Inches the widest of ``lines`` takes in ``fontsize`` points."""
    return max(map(_text_width(fontsize), lines), default=0.0)


_COLUMN = 1.25
"""Inches per group in the per-group chart with its names across, unless a word of a name
needs more."""
_NAME_GAP = 0.1
"""Inches kept clear between the names of neighbouring columns."""
_NAME_SIZE = 9.5
"""Points of the group names above the columns."""


_NAME_CHARS = 80
"""Characters a group's name is shortened to above its column, ending in "…" (the table
beside the chart gives it whole)."""
_WORD_CHARS = 36
"""Characters a word of a name is cut to: a column is as wide as the widest word, and one
name of four hundred letters made the chart forty thousand pixels wide."""


def _short_name(name: str) -> str:
    """``name`` as the chart heads a column with it: each word of at most
    :data:`_WORD_CHARS` characters, the whole of at most :data:`_NAME_CHARS`."""
    words = [w if len(w) <= _WORD_CHARS else w[: _WORD_CHARS - 1] + "…" for w in name.split()]
    return textwrap.shorten(" ".join(words), _NAME_CHARS, placeholder=" …")


def _wrap_measured(name: str, limit: float, width: Callable[[str], float]) -> str:
    """``name`` in lines of at most ``limit`` inches, each as full as it goes (a longer
    word stands on a line of its own). Measured, not counted in characters: at 16
    characters a line, "Beleidsadviseurs en projectmanagers" took three, "en" alone."""
    lines: list[str] = []
    for words in BOUND.findall(name):
        if lines and width(f"{lines[-1]} {words}") <= limit:
            lines[-1] += f" {words}"
        else:
            lines.append(words)
    return "\n".join(lines)


def _wrap_names(names: list[str], line: float) -> tuple[list[str], float]:
    """The group names wrapped to lines of ``line`` inches, or as wide as the widest word
    of any name where that is wider (with its short words, see ``BOUND``): all names
    alike. Also the width the lines were wrapped to."""
    width = _text_width(_NAME_SIZE)
    limit = max([line, *(width(w) for n in names for w in BOUND.findall(n))])
    return [_wrap_measured(n, limit, width) for n in names], limit


def _names_across(names: list[str]) -> tuple[list[str], float]:
    """The group names wrapped to stand across their columns, and the columns' width in
    inches: 1.25, or wider if a word of a name is (:func:`_wrap_names`)."""
    wrapped, limit = _wrap_names(names, _COLUMN - _NAME_GAP)
    return wrapped, limit + _NAME_GAP


_UPRIGHT_FROM = 8
"""Above this many groups, the per-group chart's columns narrow and their names stand up,
so that a page or a screen shows the chart at a size its numbers can be read at."""
_UPRIGHT_LINE = 1.6
"""Inches a line of an upright group name may take (about 24 characters), unless a word
of a name needs more: most names take one or two lines, which fit the narrow columns."""


GROUP_CHART_TASKS = 12
"""How many of the most chosen tasks the chart per group shows."""


def charted_tasks(result: TopTasks, top: int = GROUP_CHART_TASKS) -> list[TaskResult]:
    """The rows of the chart per group: the ``top`` most chosen tasks, less those nobody
    voted for (they say nothing per group; a small survey would show many). A survey has
    votes, or it is not analysed, so one row at least is left."""
    return [t for t in result.tasks[:top] if t.votes]


def draw_group_chart(result: TopTasks, language: Language, top: int = GROUP_CHART_TASKS) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    words = labels(language)
    tasks = charted_tasks(result, top)
    groups = result.groups
    hidden = words["tt.suppressed"].format(n=result.min_group_size)
    many = len(groups) > _UPRIGHT_FROM
    rows = [f"{t.rank}. {shortened(t.label, 44)}" for t in tasks]
    with matplotlib.rc_context(RC_PARAMS):
        if many:
            wrapped, _ = _wrap_names([_short_name(g.name) for g in groups], _UPRIGHT_LINE)
            column = 0.62
        else:
            wrapped, column = _names_across([_short_name(g.name) for g in groups])
        names = [
            name + ("" if g.suppressed else "\n" + respondents_label(g, language))
            for name, g in zip(wrapped, groups, strict=True)
        ]
        heading = (
            0.45 + widest_line([line for n in names for line in n.splitlines()], _NAME_SIZE)
            if many
            else max(0.9, 0.3 + 0.165 * max(n.count("\n") + 1 for n in names))
        )
        left = widest_line(rows, fontsize=10) + _ROW_NAME_GAP
        width = max(8.0, left + 1.0 + column * len(groups))
        note = (
            textwrap.fill(
                words["tt.suppressed_note"].format(n=result.min_group_size), int(width * 15)
            )
            if result.suppressed
            else ""
        )
        below = 0.45 + 0.15 * note.count("\n")
        height = 0.9 + heading + 0.42 * len(tasks) + (below - 0.45)
        figure = Figure(figsize=(width, height), dpi=FIGURE_DPI)
        ax = figure.add_axes(
            (
                left / width,
                below / height,
                1 - (left + 0.4) / width,
                1 - (0.25 + heading + below) / height,
            )
        )
        peak = max((g.shares.get(t.id, 0.0) for g in groups for t in tasks), default=0.0) or 1.0
        from matplotlib import colormaps

        cmap = colormaps["Blues"]
        for x, group in enumerate(groups):
            for y, task in enumerate(tasks):
                if group.suppressed:
                    ax.add_patch(
                        Rectangle(
                            (x, y), 1, 1, facecolor="#EEEEEE", edgecolor="white", lw=2, hatch="///"
                        )
                    )
                    ax.text(
                        x + 0.5,
                        y + 0.5,
                        hidden,
                        ha="center",
                        va="center",
                        fontsize=8 if many else 9,
                        color="#777777",
                    )
                    continue
                share = group.shares.get(task.id, 0.0)
                level = 0.08 + 0.82 * share / peak
                ax.add_patch(
                    Rectangle((x, y), 1, 1, facecolor=cmap(level), edgecolor="white", lw=2)
                )
                ax.text(
                    x + 0.5,
                    y + 0.5,
                    f"{share:.0%}",
                    ha="center",
                    va="center",
                    fontsize=10,
                    color="white" if level > 0.55 else INK,
                )
        ax.set_xlim(0, len(groups))
        ax.set_ylim(len(tasks), 0)
        ax.set_xticks([x + 0.5 for x in range(len(groups))])
        ax.set_xticklabels(names, fontsize=_NAME_SIZE, rotation=90 if many else 0)
        ax.xaxis.tick_top()
        ax.set_yticks([y + 0.5 for y in range(len(tasks))])
        ax.set_yticklabels(rows, fontsize=10)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        figure.text(
            0.5,
            1 - 0.2 / height,
            words["tt.chart.groups"],
            ha="center",
            va="top",
            fontsize=14,
            fontweight="bold",
            color=INK,
        )
        if note:
            figure.text(
                0.02,
                0.15 / height,
                note,
                fontsize=8.5,
                color="#555555",
                va="bottom",
            )
    return figure
