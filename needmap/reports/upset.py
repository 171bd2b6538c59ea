"""UpSet-style chart for four or more circles, in plain matplotlib.

Columns are the non-empty regions, largest first: a bar with the number of needs shared by
exactly that combination, and below it a dot matrix marking which groups it combines. At the
left, each group's total number of needs. The "all groups" column and the "one group only"
columns are highlighted; codes under the columns match the needs table. Only the largest
``max_columns`` combinations are drawn, with a note on what is left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from needmap.model.overlap import Overlap, Region
from needmap.model.units import Unit
from needmap.reports.i18n import (
    Language,
    count_ticks,
    counted,
    format_count,
    labels,
    number_key,
)
from needmap.reports.palette import HIGHLIGHT, INK, MUTED, colour_of

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "MAX_COLUMNS",
    "UpsetResult",
    "draw_upset",
    "hidden_are_smaller",
    "hidden_note",
    "select_columns",
    "upset_size",
]

MAX_COLUMNS = 25


@dataclass(frozen=True, slots=True)
class UpsetResult:
    shown: tuple[str, ...]
    """Codes of the regions drawn, left to right."""
    hidden_regions: int
    hidden_smaller: bool
    """Whether each region left out is smaller than every one drawn for its size
    (:func:`hidden_are_smaller`), so that "smaller" says what was left out."""


def select_columns(
    overlap: Overlap, max_columns: int
) -> tuple[tuple[Region, ...], tuple[Region, ...]]:
    """The regions to draw, and those left out.

    The "all groups" and "one group only" regions are always drawn (they answer the steering
    group's first questions); the remaining places go to the largest other regions. Drawn
    columns keep the size order.
    """
    n_units = len(overlap.units)
    key = [r for r in overlap.regions if r.degree in (1, n_units)][:max_columns]
    others = [r for r in overlap.regions if r not in key][: max_columns - len(key)]
    chosen = set(map(id, key + others))
    shown = tuple(r for r in overlap.regions if id(r) in chosen)
    hidden = tuple(r for r in overlap.regions if id(r) not in chosen)
    return shown, hidden


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_TITLE_IN = 0.95
_BARS_IN = 2.3
_ROW_IN = 0.36
_BOTTOM_IN = 1.1
"""Room below the matrix for column codes, the set-size axis label and the legend line."""


def upset_size(overlap: Overlap, max_columns: int = MAX_COLUMNS) -> tuple[float, float]:
    """Figure size in inches: grows with columns and rows, legible on A4 and a beamer."""
    columns = min(len(overlap.regions), max_columns)
    width = min(max(9.0, 5.4 + 0.42 * columns), 18.5)
    height = _TITLE_IN + _BARS_IN + _ROW_IN * len(overlap.units) + _BOTTOM_IN
    return width, height


def draw_upset(
    figure: Figure,
    overlap: Overlap,
    words: dict[str, str],
    language: Language,
    max_columns: int = MAX_COLUMNS,
) -> UpsetResult:
    """Draw the chart into ``figure`` (which should have :func:`upset_size`)."""
    units = overlap.units
    shown, hidden = select_columns(overlap, max_columns)
    n_units = len(units)
    height = figure.get_figheight()
    grid = figure.add_gridspec(
        2,
        3,
        width_ratios=[1.2, 3.1, 0.42 * max(len(shown), 6)],
        height_ratios=[_BARS_IN, _ROW_IN * n_units],
        wspace=0.02,
        hspace=0.05,
        left=0.02,
        right=0.98,
        top=1 - _TITLE_IN / height,
        bottom=_BOTTOM_IN / height,
    )
    bars = figure.add_subplot(grid[0, 2])
    matrix = figure.add_subplot(grid[1, 2], sharex=bars)
    names = figure.add_subplot(grid[1, 1], sharey=matrix)
    sizes = figure.add_subplot(grid[1, 0], sharey=matrix)
    row_of = {u.id: n_units - 1 - i for i, u in enumerate(units)}
    colour_by_unit = {u.id: colour_of(u) for u in units}
    column_colours = [_column_colour(region, n_units, colour_by_unit) for region in shown]
    _draw_bars(bars, shown, column_colours, words, language)
    _draw_matrix(matrix, shown, column_colours, n_units, row_of)
    _draw_names(names, units, row_of, language)
    _draw_sizes(sizes, overlap, row_of, colour_by_unit, words, language)
    _draw_legend(figure, shown, hidden, n_units, colour_by_unit, words, language)
    return UpsetResult(
        shown=tuple(r.code for r in shown),
        hidden_regions=len(hidden),
        hidden_smaller=hidden_are_smaller(shown, hidden, n_units),
    )


def _column_colour(region: Region, n_units: int, colour_by_unit: dict[str, str]) -> str:
    """The highlight for the needs all share, a group's own colour for its needs alone,
    grey for the combinations between."""
    if region.degree == n_units:
        return HIGHLIGHT
    if region.degree == 1:
        return colour_by_unit[region.units[0]]
    return "#555555"


def _draw_bars(
    bars: Axes,
    shown: Sequence[Region],
    colours: list[str],
    words: dict[str, str],
    language: Language,
) -> None:
    """A bar per column: how many needs that combination shares, written above it."""
    from matplotlib.ticker import MaxNLocator

    columns = range(len(shown))
    heights = [len(r.needs) for r in shown]
    bars.bar(columns, heights, width=0.62, color=colours)
    top = max(heights) if heights else 1
    for x, h in zip(columns, heights, strict=True):
        bars.text(
            x,
            h + top * 0.02,
            format_count(h, language),
            ha="center",
            va="bottom",
            fontsize=10,
            fontweight="bold",
            color=INK,
        )
    bars.set_ylim(0, top * 1.18)
    bars.set_ylabel(textwrap.fill(words["upset.bars"], 26), fontsize=10, color=INK)
    bars.tick_params(axis="x", bottom=False, labelbottom=False)
    for side in ("top", "right"):
        bars.spines[side].set_visible(False)
    bars.tick_params(axis="y", labelsize=9)
    bars.yaxis.set_major_locator(MaxNLocator(integer=True))  # needs come whole
    bars.yaxis.set_major_formatter(count_ticks(language))


def _draw_matrix(
    matrix: Axes,
    shown: Sequence[Region],
    colours: list[str],
    n_units: int,
    row_of: dict[str, int],
) -> None:
    """The dot matrix: a dot per group and column, dark and joined where the column's
    combination holds the group; the key columns shaded; the columns' codes below."""
    from matplotlib.collections import LineCollection

    columns = range(len(shown))
    member_x: list[int] = []
    member_y: list[int] = []
    connectors = []
    for x, region in enumerate(shown):
        members = [row_of[u] for u in region.units]
        if region.degree in (1, n_units):
            matrix.axvspan(x - 0.4, x + 0.4, color=colours[x], alpha=0.10, lw=0)
        member_x += [x] * len(members)
        member_y += members
        if len(members) > 1:
            connectors.append([(x, min(members)), (x, max(members))])
    every_x = [x for x in columns for _ in range(n_units)]
    every_y = [y for _ in columns for y in range(n_units)]
    matrix.scatter(every_x, every_y, s=62, color=MUTED, zorder=2, lw=0)
    matrix.add_collection(LineCollection(connectors, colors=INK, linewidths=2.2, zorder=3))
    matrix.scatter(member_x, member_y, s=70, color=INK, zorder=4, lw=0)
    for row in range(n_units):
        if row % 2 == 0:
            matrix.axhspan(row - 0.5, row + 0.5, color="#F3F3F3", lw=0, zorder=0)
    matrix.set_xticks(list(columns), [r.code for r in shown], fontsize=9, color="#444444")
    matrix.tick_params(axis="x", length=0, pad=6)
    matrix.set_ylim(-0.6, n_units - 0.4)
    matrix.set_xlim(-0.6, len(shown) - 0.4)
    matrix.tick_params(axis="y", left=False, labelleft=False)
    for spine in matrix.spines.values():
        spine.set_visible(False)


def _draw_names(
    names: Axes, units: Sequence[Unit], row_of: dict[str, int], language: Language
) -> None:
    """Each group's letter, name and headcount, beside its row of the matrix."""
    names.set_axis_off()
    for unit in units:
        label = f"{unit.letter} · {_shorten(unit.name, 30)}"
        if unit.headcount is not None:
            label += f" ({format_count(unit.headcount, language)})"
        names.text(0.98, row_of[unit.id], label, ha="right", va="center", fontsize=10, color=INK)
    names.set_xlim(0, 1)


def _draw_sizes(
    sizes: Axes,
    overlap: Overlap,
    row_of: dict[str, int],
    colour_by_unit: dict[str, str],
    words: dict[str, str],
    language: Language,
) -> None:
    """At the left, a bar per group: how many needs it has in all, growing leftwards."""
    from matplotlib.ticker import MaxNLocator

    units = overlap.units
    totals = [len(overlap.unit_needs(u.id)) for u in units]
    sizes.barh(
        [row_of[u.id] for u in units],
        totals,
        height=0.55,
        color=[colour_by_unit[u.id] for u in units],
    )
    sizes.invert_xaxis()
    for unit, total in zip(units, totals, strict=True):
        sizes.text(
            total,
            row_of[unit.id],
            f"{format_count(total, language)} ",
            ha="right",
            va="center",
            fontsize=9,
            color=INK,
        )
    sizes.set_xlabel(words["upset.sizes"], fontsize=10, color=INK)
    sizes.tick_params(axis="y", left=False, labelleft=False)
    sizes.tick_params(axis="x", labelsize=8)
    sizes.xaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
    sizes.xaxis.set_major_formatter(count_ticks(language))
    sizes.set_xlim(max([*totals, 1]) * 1.35, 0)  # room for the counts; 1 when all are 0
    for side in ("top", "left", "right"):
        sizes.spines[side].set_visible(False)


def _draw_legend(
    figure: Figure,
    shown: Sequence[Region],
    hidden: Sequence[Region],
    n_units: int,
    colour_by_unit: dict[str, str],
    words: dict[str, str],
    language: Language,
) -> None:
    """The line under the chart: what the highlighted columns are, and at the right what
    is left out."""
    legend_y = 0.12 / figure.get_figheight()
    legend_x = 0.02
    if any(r.degree == n_units for r in shown):
        figure.text(legend_x, legend_y, "■", color=HIGHLIGHT, fontsize=12, va="bottom")
        figure.text(
            legend_x + 0.018,
            legend_y,
            words["upset.legend.core"],
            fontsize=9.5,
            color=INK,
            va="bottom",
        )
        legend_x += 0.17
    singles = [colour_by_unit[r.units[0]] for r in shown if r.degree == 1 and n_units > 1]
    if singles:
        for i, colour in enumerate(singles[:6]):
            figure.text(legend_x + 0.011 * i, legend_y, "■", color=colour, fontsize=12, va="bottom")
        figure.text(
            legend_x + 0.011 * min(len(singles), 6) + 0.008,
            legend_y,
            words["upset.legend.single"],
            fontsize=9.5,
            color=INK,
            va="bottom",
        )
    if hidden:
        figure.text(
            0.98,
            legend_y,
            hidden_note(shown, hidden, n_units, language),
            ha="right",
            va="bottom",
            fontsize=9.5,
            color="#444444",
            style="italic",
        )


def hidden_are_smaller(shown: Sequence[Region], hidden: Sequence[Region], n_units: int) -> bool:
    """Whether each region left out holds fewer needs than every region drawn for its size
    (those of all groups and of one group are drawn whatever theirs); else some are as
    large as one drawn, and lost only to the limit on columns."""
    by_size = [len(r.needs) for r in shown if r.degree not in (1, n_units)]
    return bool(by_size) and bool(hidden) and max(len(r.needs) for r in hidden) < min(by_size)


def hidden_note(
    shown: Sequence[Region], hidden: Sequence[Region], n_units: int, language: Language
) -> str:
    """What the diagram and the terminal say of the regions left out: "7 smaller
    combinations with 9 needs not shown" where they are (:func:`hidden_are_smaller`),
    else "7 more combinations"."""
    smaller = hidden_are_smaller(shown, hidden, n_units)
    key = number_key("upset.hidden" if smaller else "upset.hidden_more", len(hidden))
    needs = counted(sum(len(r.needs) for r in hidden), "needs", language)
    return labels(language)[key].format(count=format_count(len(hidden), language), needs=needs)
