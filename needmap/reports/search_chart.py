"""The chart of a search log's monthly exports: the most searched needs, a line each.

The table per export gives every figure; the chart shows at a glance which needs people
searched for more month by month, and which less: a line per need across the exports, in
the order of their months, its name at its end. Six lines at most, in the colour-blind-safe
Okabe-Ito colours (without their yellow, too light on white, and grey): more would tangle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from needmap.reports.diagram import FIGURE_DPI, RC_PARAMS, figure_heading
from needmap.reports.i18n import Language, count_ticks, labels
from needmap.reports.palette import INK
from needmap.reports.toptasks_charts import widest_line
from needmap.reports.wrapping import shortened

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SEARCH_CHART_NEEDS", "SearchTrend", "draw_search_trend", "search_trend_alt"]

SEARCH_CHART_NEEDS = 6
"""How many of the log's most searched needs the chart shows."""
_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
_LABEL_SIZE = 9.5
"""Points of the needs' names at the lines' ends."""
_LABEL_GAP = 0.19
"""Inches at least between two names at the lines' ends, one above the other."""


@dataclass(frozen=True)
class SearchTrend:
    """What the chart of one log shows (built by
    :func:`needmap.reports.searches_report.search_trends`)."""

    log: str
    """The log's title."""
    exports: tuple[str, ...]
    """Each export's heading, in the order of their months."""
    needs: tuple[tuple[str, tuple[int, ...]], ...]
    """The most searched needs of the log (:data:`SEARCH_CHART_NEEDS` at most), most
    first: each one's title and its searches in each export."""


def search_trend_alt(trend: SearchTrend, language: Language) -> str:
    """What the chart shows, for a reader who cannot see it."""
    words = labels(language)
    return words["sl.trend.alt"].format(
        chart=words["sl.trend.title"].format(log=trend.log),
        needs=len(trend.needs),
        exports=len(trend.exports),
        first=trend.exports[0],
        last=trend.exports[-1],
    )


def draw_search_trend(trend: SearchTrend, language: Language) -> Figure:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    words = labels(language)
    names = [shortened(title, 50) for title, _ in trend.needs]
    with matplotlib.rc_context(RC_PARAMS):
        left, right = 0.9, widest_line(names, _LABEL_SIZE) + 0.45
        width = max(9.0, left + right + 0.9 * len(trend.exports) + 1.5)
        head, foot, plot = 1.05, 0.55, 3.6
        height = head + foot + plot
        figure = Figure(figsize=(width, height), dpi=FIGURE_DPI)
        ax = figure.add_axes(
            (left / width, foot / height, 1 - (left + right) / width, plot / height)
        )
        top = max((max(counts) for _, counts in trend.needs), default=0) * 1.08 or 1
        ax.set_ylim(0, top)
        xs = range(len(trend.exports))
        for (_, counts), colour in zip(trend.needs, _COLOURS, strict=False):  # as many
            ax.plot(xs, counts, color=colour, lw=2.2, marker="o", ms=5, clip_on=False, zorder=3)
        _name_the_lines(ax, trend, names, top * _LABEL_GAP / plot)
        ax.set_xlim(-0.15, len(trend.exports) - 0.85)
        ax.set_xticks(list(xs), trend.exports, fontsize=10)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True, steps=[1, 2, 5, 10]))
        ax.yaxis.set_major_formatter(count_ticks(language))
        ax.set_ylabel(words["sl.trend.axis"], color=INK)
        ax.grid(axis="y", color="#E4E4E4", lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        figure_heading(
            figure,
            words["sl.trend.title"].format(log=trend.log),
            words["sl.trend.subtitle"].format(needs=len(trend.needs)),
            (1 - 0.15 / height, 1 - 0.55 / height),
        )
    return figure


def _name_the_lines(ax: Axes, trend: SearchTrend, names: list[str], gap: float) -> None:
    """Each need's name at its line's end, moved up or down as little as keeps ``gap``
    (in searches) between names: lines that end close together would print their names
    over each other."""
    ends = sorted(
        ((counts[-1], at) for at, (_, counts) in enumerate(trend.needs)), key=lambda e: e[0]
    )
    placed = [float(end) for end, _ in ends]
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + gap)
    limit = ax.get_ylim()[1]
    for i in reversed(range(len(placed))):  # none above the plot: the top ones down again
        placed[i] = min(placed[i], limit if i == len(placed) - 1 else placed[i + 1] - gap)
    after_last = len(trend.exports) - 1 + 0.12
    for y, (_, at) in zip(placed, ends, strict=True):
        ax.text(
            after_last,
            y,
            names[at],
            va="center",
            fontsize=_LABEL_SIZE,
            color=_COLOURS[at],
            clip_on=False,
        )
