"""Figures drawn once per build, against each report drawing its own, in one run.

``needmap build`` (and ``needmap serve`` after each save) hands one ``Drawings`` to the
overview pages, the top-task pages and the brief, so each diagram and chart is drawn and
rendered to SVG once. The baseline is the same build with a ``Drawings`` that remembers
nothing, so every report draws its own again (as before the sharing; it also renders the
brief's cover a second time, which the old brief did not, a tenth of a second). Without
PDFs, as ``serve`` builds, on the Dutch municipality demo study; the rounds alternate, and
each one's best time counts.

    python benchmarks/figures.py [--repeat N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_study import compare_builds  # noqa: E402

import needmap.build as build  # noqa: E402
from needmap.model.analysis import OverlapAnalysis  # noqa: E402
from needmap.model.toptasks import TopTasks  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402
from needmap.reports.diagram import Diagram, draw_diagram, figure_bytes  # noqa: E402
from needmap.reports.drawings import Drawings  # noqa: E402
from needmap.reports.i18n import Language  # noqa: E402
from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class _Unshared(Drawings):
    """Draws and renders anew each time it is asked: every report its own figures."""

    def diagram(self, analysis: OverlapAnalysis) -> Diagram:
        return draw_diagram(analysis.study, analysis.overlap)

    def charts(self, result: TopTasks, language: Language) -> tuple[Figure, Figure]:
        return draw_long_neck(result, language), draw_group_chart(result, language)

    def svg(self, figure: Figure) -> bytes:
        return figure_bytes(figure, ".svg")


def timed_build(study_dir: Path, out: Path, shared: bool) -> float:
    names = vars(build)  # the build's module: what it calls Drawings
    names["Drawings"] = Drawings if shared else _Unshared
    try:
        start = time.perf_counter()
        build.build_reports(load_study(study_dir), out, pdf=False)
        return time.perf_counter() - start
    finally:
        names["Drawings"] = Drawings


def main() -> None:
    compare_builds(
        __doc__, timed_build, "each report draws its own figures", "each figure drawn once"
    )


if __name__ == "__main__":
    main()
