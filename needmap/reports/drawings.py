"""Figures drawn once per build and shared by every report that shows them.

Drawing and rendering a figure is most of what writing the pages costs: the overlap
diagram appears in its overview page, as SVG and PNG and in the brief (twice, with the
cover); the top-task charts, and the chart of a survey held again (its tasks then and
now), in their page, as PNG and in the brief; the chart of a search log's monthly
exports in its page and the brief. ``needmap build`` (and ``needmap serve``
after each save) hands one :class:`Drawings` to all of them, so each figure is drawn
once and rendered to SVG once. A report written on its own makes a
``Drawings`` of its own.

Figures are found by what they show, not by the object asked about: each report analyses
the study itself, so the same overlap comes as equal objects, not the same one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from needmap.model.analysis import OverlapAnalysis
from needmap.model.toptasks import TopTasks
from needmap.model.toptasks_change import TopTasksChange
from needmap.reports.change_chart import draw_change_chart
from needmap.reports.diagram import Diagram, draw_diagram, figure_bytes
from needmap.reports.i18n import Language
from needmap.reports.search_chart import SearchTrend, draw_search_trend
from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Drawings", "drawings_of"]

_Shown = TypeVar("_Shown")
_Drawn = TypeVar("_Drawn")


class Drawings:
    """Diagrams and charts, each drawn when first asked for, and their SVG renderings.

    A build has two overlaps at most (groups, families), a chart pair per survey and a
    chart per comparison, so a list searched by equality is enough, and equality needs
    nothing hashable.
    """

    def __init__(self) -> None:
        self._diagrams: list[tuple[OverlapAnalysis, Diagram]] = []
        self._charts: list[tuple[TopTasks, Language, tuple[Figure, Figure]]] = []
        self._changes: list[tuple[TopTasksChange, Language, Figure]] = []
        self._trends: list[tuple[SearchTrend, Language, Figure]] = []
        self._svgs: dict[int, tuple[Figure, bytes]] = {}

    def diagram(self, analysis: OverlapAnalysis) -> Diagram:
        """The overlap's diagram (Venn or UpSet)."""
        for drawn_for, diagram in self._diagrams:
            if drawn_for == analysis:
                return diagram
        diagram = draw_diagram(analysis.study, analysis.overlap)
        self._diagrams.append((analysis, diagram))
        return diagram

    def charts(self, result: TopTasks, language: Language) -> tuple[Figure, Figure]:
        """The survey's long-neck chart and its chart per group."""
        return _once(
            self._charts,
            result,
            language,
            lambda shown, words: (draw_long_neck(shown, words), draw_group_chart(shown, words)),
        )

    def change_chart(self, change: TopTasksChange, language: Language) -> Figure:
        """The chart of two runs' tasks then and now."""
        return _once(self._changes, change, language, draw_change_chart)

    def search_trend(self, trend: SearchTrend, language: Language) -> Figure:
        """The chart of a log's monthly exports."""
        return _once(self._trends, trend, language, draw_search_trend)

    def svg(self, figure: Figure) -> bytes:
        """The figure as SVG, rendered once (the figure is kept, so its id stays its own)."""
        if id(figure) not in self._svgs:
            self._svgs[id(figure)] = figure, figure_bytes(figure, ".svg")
        return self._svgs[id(figure)][1]

    def clear(self) -> None:
        """Let matplotlib free the figures; drawings asked for afterwards are drawn anew."""
        figures = [d.figure for _, d in self._diagrams]
        figures += [f for _, _, charts in self._charts for f in charts]
        figures += [chart for _, _, chart in self._changes]
        figures += [chart for _, _, chart in self._trends]
        for figure in figures:
            figure.clear()
        self._diagrams.clear()
        self._charts.clear()
        self._changes.clear()
        self._trends.clear()
        self._svgs.clear()


def _once(
    store: list[tuple[_Shown, Language, _Drawn]],
    shown: _Shown,
    language: Language,
    draw: Callable[[_Shown, Language], _Drawn],
) -> _Drawn:
    """What ``store`` holds drawn of ``shown`` in ``language``, else drawn now and kept."""
    for drawn_for, drawn_in, drawn in store:
        if drawn_in == language and drawn_for == shown:
            return drawn
    drawn = draw(shown, language)
    store.append((shown, language, drawn))
    return drawn


@contextmanager
def drawings_of(shared: Drawings | None) -> Iterator[Drawings]:
    """The caller's drawings (a build's, shared by all its reports), or, without, drawings
    of one's own, whose figures are freed when the ``with`` block ends."""
    drawings = Drawings() if shared is None else shared
    try:
        yield drawings
    finally:
        if shared is None:
            drawings.clear()
