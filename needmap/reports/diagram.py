"""The overlapping-circles diagram: a Venn/Euler diagram for 1-3 circles, UpSet for more.

Figures are built with matplotlib's object API (no pyplot state) and saved deterministically:
SVG keeps text as text, uses a fixed hash salt and no date, so the file is diffable in git.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from needmap.errors import UsageError
from needmap.fileio import write_bytes_atomic
from needmap.model.overlap import VENN_MAX_CIRCLES, Overlap
from needmap.personas.study import Study
from needmap.reports.i18n import labels
from needmap.reports.palette import INK

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = [
    "DIAGRAM_FORMATS",
    "FIGURE_DPI",
    "RC_PARAMS",
    "Diagram",
    "draw_diagram",
    "figure_bytes",
    "figure_heading",
    "fit_line",
    "render_diagram",
    "write_diagram",
    "write_figure",
]

DIAGRAM_FORMATS = (".svg", ".png")

FIGURE_DPI = 200
"""The resolution figures are laid out at and their PNG is written at. Layout measures
text (what fits in a region, on the figure, beside a bar) with a renderer at the figure's
resolution, and small type is hinted to whole pixels: at matplotlib's 100 dpi a 7.5-point
need title measured 7% narrower than the 200-dpi PNG drew it, and ran off the figure's
edge. The SVG keeps its text as text for the browser to draw, at about the 200-dpi width."""
RC_PARAMS: Any = {
    "svg.hashsalt": "needmap",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "path.simplify": True,
    # A name is text, never TeX: "$$" or "Budget $5 - $10" would be read as math, and an
    # unbalanced "$" stopped the drawing.
    "text.parse_math": False,
}


@dataclass(frozen=True)
class Diagram:
    """A drawn diagram and what a caption or test needs to know about it."""

    figure: Figure
    kind: Literal["venn", "upset"]
    scaled: bool
    """Whether areas follow the counts (always True for UpSet bars)."""
    caption: str
    shown_codes: tuple[str, ...]
    hidden_regions: int = 0
    hidden_smaller: bool = False
    """Whether the regions left out are each smaller than those drawn (UpSet)."""
    drawing: Any = None
    """The matplotlib-venn diagram object of a Venn, for inspection."""


def draw_diagram(study: Study, overlap: Overlap) -> Diagram:
    """Draw the diagram that fits the number of circles."""
    import matplotlib
    from matplotlib.figure import Figure

    words = dict(labels(study.settings.language, by_family=overlap.by_family))
    with matplotlib.rc_context(RC_PARAMS):
        if len(overlap.units) <= VENN_MAX_CIRCLES:
            from needmap.reports.venn import draw_venn

            figure = Figure(figsize=(9.5, 7.6), dpi=FIGURE_DPI, layout=None)
            ax = figure.add_axes((0.04, 0.13, 0.92, 0.71))
            titles = {n.id: n.title for n in study.needs}
            # the titles and the caption first, so that no label of the circles lands on them
            _titles(figure, study, words, y=0.955)
            placed = figure.text(
                0.5,
                0.02,
                max(words["caption.scaled"], words["caption.unscaled"], key=len)
                + "\n"
                + words["caption.codes"],
                ha="center",
                fontsize=10,
                color="#444444",
                linespacing=1.5,
            )
            result = draw_venn(ax, overlap, words["people"], study.settings.language, titles)
            caption = words["caption.scaled" if result.scaled else "caption.unscaled"]
            caption += "\n" + words["caption.codes"]
            placed.set_text(caption)
            return Diagram(
                figure,
                "venn",
                result.scaled,
                caption,
                tuple(r.code for r in overlap.regions),
                drawing=result.drawing,
            )
        from needmap.reports.upset import draw_upset, upset_size

        figure = Figure(figsize=upset_size(overlap), dpi=FIGURE_DPI)
        upset = draw_upset(figure, overlap, words, study.settings.language)
        _titles(figure, study, words, y=1 - 0.18 / figure.get_figheight())
        return Diagram(
            figure,
            "upset",
            True,
            words["caption.codes"],
            upset.shown,
            upset.hidden_regions,
            upset.hidden_smaller,
        )


_SUBTITLE_GAP_IN = 0.3952
"""From the title's top to the subtitle's, in inches: 0.052 of the Venn figure's 7.6
inches, the fraction of the height it used to be, which put the subtitle among the bars of
a tall UpSet chart (40 groups)."""


def _titles(figure: Figure, study: Study, words: dict[str, str], y: float) -> None:
    figure_heading(
        figure,
        words["diagram.title"],
        f"{study.settings.organisation} — {study.settings.name}",
        (y, y - _SUBTITLE_GAP_IN / figure.get_figheight()),
        sizes=(17, 11),
    )


def figure_heading(
    figure: Figure,
    title: str,
    subtitle: str,
    at: tuple[float, float],
    *,
    sizes: tuple[float, float] = (15, 10),
) -> None:
    """A figure's title in bold and its subtitle under it, centred, their tops ``at``
    those heights (in figure fractions), in ``sizes`` points; the subtitle made to fit
    the figure's width (:func:`fit_line`)."""
    figure.text(
        0.5, at[0], title, ha="center", va="top", fontsize=sizes[0], fontweight="bold", color=INK
    )
    below = figure.text(
        0.5, at[1], subtitle, ha="center", va="top", fontsize=sizes[1], color="#444444"
    )
    fit_line(figure, below)


def text_renderer(figure: Figure) -> Any:
    """A renderer to measure text on ``figure`` with, before the figure is drawn (charts
    place labels and axes by what their texts take up)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    return FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]


def fit_line(figure: Figure, text: Text, *, share: float = 0.96, smallest: float = 8) -> None:
    """Make a line of ``text`` (a subtitle with the organisation's and the study's names,
    which may be long) fit ``share`` of the figure's width: a smaller font first, down to
    ``smallest``, then the end cut off with an ellipsis. Centred lines were cut off at both
    edges of the figure."""
    renderer = text_renderer(figure)
    limit = figure.bbox.width * share
    size = float(text.get_fontsize())
    while text.get_window_extent(renderer).width > limit and size > smallest:
        size = max(smallest, size - 0.5)
        text.set_fontsize(size)
    full = text.get_text()
    width = text.get_window_extent(renderer).width
    cut = min(len(full), int(len(full) * limit / width) + 2)  # about where it fits
    while width > limit and cut > 1:
        cut -= 1
        text.set_text(full[:cut].rstrip(" —,;") + "…")
        width = text.get_window_extent(renderer).width


def figure_bytes(figure: Figure, suffix: str) -> bytes:
    """A figure as SVG (text as text, no date, fixed ids) or PNG (at ``FIGURE_DPI``) bytes."""
    import matplotlib

    fmt = suffix.lower().lstrip(".")
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC_PARAMS):
        if fmt == "svg":
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        else:
            figure.savefig(buffer, format="png", dpi=FIGURE_DPI, metadata={"Software": None})
    return buffer.getvalue()


def write_figure(figure: Figure, path: Path) -> None:
    """Write a figure as the file name asks (.svg or .png), atomically."""
    if path.suffix.lower() not in DIAGRAM_FORMATS:
        raise UsageError.single(
            f"cannot write a chart as '{path.suffix or path.name}'",
            path=path,
            hint="use a file name ending in .svg or .png",
        )
    write_bytes_atomic(path, figure_bytes(figure, path.suffix))


def render_diagram(diagram: Diagram, suffix: str) -> bytes:
    """The diagram as SVG or PNG bytes."""
    return figure_bytes(diagram.figure, suffix)


def write_diagram(diagram: Diagram, path: Path) -> None:
    """Write the diagram as the file name asks (.svg or .png), atomically."""
    write_figure(diagram.figure, path)
