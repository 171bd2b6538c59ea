"""Area-proportional Venn/Euler diagrams for one to three circles (matplotlib-venn).

matplotlib-venn can draw a non-empty region of a skewed three-set input at zero area without
a warning, leaves ``None`` labels for regions it did not draw, and warns for some inputs. So
after drawing we check every non-empty region: it must have a patch of visible size and a
label. If one fails, or the layout warned, the diagram is drawn again with equal-sized regions
and its caption says it is not to scale.
"""

from __future__ import annotations

import math
import textwrap
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from needmap.model.overlap import Overlap, Region
from needmap.model.units import Unit
from needmap.reports.i18n import Language, format_count
from needmap.reports.palette import INK, colour_of
from needmap.reports.wrapping import shortened

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["MIN_REGION_FRACTION", "VennResult", "draw_venn", "region_ids"]

MIN_REGION_FRACTION = 0.004
"""A drawn region smaller than this share of the drawn area counts as invisible."""

COUNT_SIZE = 17
LABEL_PADDING = 3
"""Points kept between a text set inside a region and the region's edges."""
COUNT_LIFT = 0.012
"""How far a count is raised above matplotlib-venn's label spot, to make room for the
region's code below it."""
CODE_DROP = 11
"""Points the region's code (9 points, 14 below the count's middle) reaches below the
count's box."""
OUTSIDE_GAP = 0.07
"""How far beyond the circles (in circle units) a count that does not fit is set."""
COUNT_OVER_SPOT = 19
"""Points a count centred above the circles stands over its spot, where the line to it
ends: its code (14 points down, 9 high) then ends there too, not across the line."""
COUNT_UNDER_SPOT = 9
"""Points a count centred below the circles stands under its spot: its top (17 points
high) is where the line to it ends."""
_OUTSIDE_GID = "needmap-moved"
"""Marks the texts moved out of their place, which must not land on another."""
_IDS = {2: ("10", "01", "11"), 3: ("100", "010", "110", "001", "101", "011", "111")}


@dataclass(frozen=True, slots=True)
class VennResult:
    scaled: bool
    """True when areas follow the need counts; False when drawn with equal regions."""
    codes: Mapping[str, str]
    """matplotlib-venn region id ("110") -> needmap region code ("AB")."""
    drawing: Any = None
    """The final matplotlib-venn diagram object (None for a single circle)."""


def region_ids(overlap: Overlap) -> dict[str, tuple[int, str]]:
    """matplotlib-venn region id -> (number of needs, region code), for 2 or 3 units."""
    return {
        region_id: (len(region.needs), region.code)
        for region_id, region in _region_ids(overlap).items()
    }


def _region_ids(overlap: Overlap) -> dict[str, Region]:
    """matplotlib-venn region id ("110": in the first two circles, not the third) -> the
    overlap's region."""
    position = {u.id: i for i, u in enumerate(overlap.units)}
    result: dict[str, Region] = {}
    for region in overlap.regions:
        bits = ["0"] * len(overlap.units)
        for unit_id in region.units:
            bits[position[unit_id]] = "1"
        result["".join(bits)] = region
    return result


def draw_venn(
    ax: Axes,
    overlap: Overlap,
    people: str,
    language: Language,
    titles: Mapping[str, str] | None = None,
) -> VennResult:
    """Draw the overlap's circles on ``ax``; ``people`` is the translated word for headcounts.

    With ``titles`` (need id -> title), small regions also list their needs, where they fit.
    """
    units = overlap.units
    if len(units) == 1:
        count = format_count(len(overlap.needs), language)
        _draw_single(ax, units[0], count, _set_label(units[0], people, language))
        return VennResult(scaled=True, codes={})
    ids = region_ids(overlap)
    counts = tuple(ids.get(i, (0, ""))[0] for i in _IDS[len(units)])
    codes = {i: code for i, (_, code) in ids.items()}
    set_labels = tuple(_set_label(u, people, language) for u in units)
    full = ax.get_position(original=True)
    diagram, caught = _venn(ax, units, counts, set_labels, fixed=False)
    outside = None
    if not caught:
        # long group names above or below the circles: made room for first, so that the
        # counts are fitted into the circles at the size they are drawn at
        _clear_of_titles(ax)
        outside = _misfits(ax, diagram, ids, language)
    if outside is not None:
        _style(ax, diagram, units, ids, outside, language)
        if not _legible(ax, diagram):
            outside = None
    scaled = outside is not None
    if not scaled:
        ax.clear()
        ax.set_position(full)
        diagram, _ = _venn(ax, units, counts, set_labels, fixed=True)
        _style(ax, diagram, units, ids, {}, language)
    if titles:
        _list_needs(ax, diagram, overlap, titles)
    _clear_of_titles(ax)
    return VennResult(scaled=scaled, codes=codes, drawing=diagram)


_TITLE_GAP = 6
"""Points kept between the texts of the circles and the figure's titles or caption."""


def _clear_of_titles(ax: Axes) -> None:
    """Shrink the axes until no text of the circles lies in the band of a text of the
    figure around them (the titles above, the caption below).

    A long group name, wrapped to four lines above a top circle, reached into the subtitle.
    The circles shrink with the axes and their texts keep their size, so this takes a few
    rounds; it stops at half the axes' height, beyond which the circles would be too small.
    """
    figure = cast("Figure", ax.get_figure(root=True))
    renderer = _renderer(ax)
    around = [t.get_window_extent(renderer) for t in figure.texts if t.get_text().strip()]
    gap = _TITLE_GAP * figure.dpi / 72
    floor = ax.get_position().height / 2
    for _ in range(8):
        ax.apply_aspect()
        middle = ax.get_position().y0 * figure.bbox.height + ax.bbox.height / 2
        texts = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
        clashes = [  # the titles and the caption span the figure: a band to keep out of
            (box, other)
            for box in (t.get_window_extent(renderer) for t in texts)
            for other in around
            if box.y1 + gap > other.y0 and box.y0 - gap < other.y1
        ]
        down = max((b.y1 + gap - o.y0 for b, o in clashes if o.y0 > middle), default=0.0)
        up = max((o.y1 + gap - b.y0 for b, o in clashes if o.y1 < middle), default=0.0)
        position = ax.get_position(original=True)
        height = position.height - (down + up) / figure.bbox.height
        if not (down or up) or height < floor:
            return
        ax.set_position(
            (position.x0, position.y0 + up / figure.bbox.height, position.width, height)
        )


_LABEL_LINES = 5
"""Lines a circle's name is wrapped to at most; a longer name ends in "…" (the table
beside the diagram and its legend give it whole): a name of a few hundred characters ran
past the caption and out of the figure."""


def _set_label(unit: Unit, people: str, language: Language) -> str:
    name = textwrap.fill(
        f"{unit.letter} · {unit.name}", 24, max_lines=_LABEL_LINES, placeholder=" …"
    )
    if unit.headcount is None:
        return name
    return f"{name}\n{format_count(unit.headcount, language)} {people}"


def _venn(
    ax: Axes,
    units: Sequence[Unit],
    counts: tuple[int, ...],
    set_labels: tuple[str, ...],
    *,
    fixed: bool,
) -> tuple[Any, bool]:
    colours = tuple(colour_of(u) for u in units)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if len(units) == 2:
            from matplotlib_venn import venn2, venn2_circles
            from matplotlib_venn.layout.venn2 import DefaultLayoutAlgorithm as Layout2

            layout2 = Layout2(fixed_subset_sizes=(1, 1, 1) if fixed else None)
            diagram = venn2(counts, set_labels, colours, 0.45, ax=ax, layout_algorithm=layout2)
            circles = venn2_circles(counts, ax=ax, linewidth=1.2, layout_algorithm=layout2)
        else:
            from matplotlib_venn import venn3, venn3_circles
            from matplotlib_venn.layout.venn3 import DefaultLayoutAlgorithm as Layout3

            layout3 = Layout3(fixed_subset_sizes=(1,) * 7 if fixed else None)
            diagram = venn3(counts, set_labels, colours, 0.45, ax=ax, layout_algorithm=layout3)
            circles = venn3_circles(counts, ax=ax, linewidth=1.2, layout_algorithm=layout3)
    for circle, colour in zip(circles, colours, strict=True):
        circle.set_edgecolor(colour)
    for i in range(len(units)):
        text = diagram.get_label_by_id("ABC"[i])
        if text is not None:
            text.set_fontsize(12)
            text.set_color(INK)
            text.set_linespacing(1.25)
    ax.apply_aspect()  # place the axes as drawn, so that text boxes measured next are true
    return diagram, bool(caught)


def _renderer(ax: Axes) -> Any:
    """A renderer to measure text with, before the figure is drawn."""
    from needmap.reports.diagram import text_renderer

    return text_renderer(cast("Figure", ax.get_figure(root=True)))


def _box_points(box: Any) -> list[tuple[float, float]]:
    """The corners, edge midpoints and centre of a text's box (in pixels): enough to tell
    whether it lies inside a region or on a circle."""
    return [
        (x, y)
        for x in (box.x0, (box.x0 + box.x1) / 2, box.x1)
        for y in (box.y0, (box.y0 + box.y1) / 2, box.y1)
    ]


def _inside(patch: Any, box: Any, renderer: Any) -> bool:
    """The box, padded by ``LABEL_PADDING`` points, lies wholly inside the region."""
    padded = box.padded(renderer.points_to_pixels(LABEL_PADDING))
    return all(patch.contains_point(point) for point in _box_points(padded))


def _on_circle(ax: Axes, box: Any, circles: Sequence[tuple[float, float, float]]) -> bool:
    """Some of the box lies on one of ``circles`` (x, y, radius in data units)."""
    to_data = ax.transData.inverted()
    return any(
        math.hypot(px - cx, py - cy) < r
        for px, py in (to_data.transform(point) for point in _box_points(box))
        for cx, cy, r in circles
    )


def _area(patch: Any) -> float:
    """Area of a drawn region (shoelace formula over its closed polygons)."""
    total = 0.0
    for polygon in patch.get_path().to_polygons():
        xs, ys = polygon[:, 0], polygon[:, 1]
        total += abs(float((xs[:-1] * ys[1:] - xs[1:] * ys[:-1]).sum())) / 2
    return total


def _misfits(
    ax: Axes, diagram: Any, ids: Mapping[str, tuple[int, str]], language: Language
) -> dict[str, tuple[float, float]] | None:
    """The regions whose count does not fit inside them, each with the spot outside the
    circles where it goes instead (with a line to its region); None when a non-empty
    region is not drawn or too small to see, so that the diagram must be drawn unscaled.

    The count (as styled, padded by ``LABEL_PADDING`` points) fits when its box lies wholly
    inside its region: corners and edge midpoints of its box are tested against the
    region's outline. A thin crescent (one need of a group that shares all else) is worth
    keeping to scale: its count goes beside it.
    """
    renderer = _renderer(ax)
    patches = [p for p in diagram.patches if p is not None]
    drawn = sum(_area(p) for p in patches)
    outside: dict[str, tuple[float, float]] = {}
    for region_id, (count, _) in ids.items():
        if count == 0:
            continue
        patch = diagram.get_patch_by_id(region_id)
        label = diagram.get_label_by_id(region_id)
        if patch is None or label is None or _area(patch) < MIN_REGION_FRACTION * drawn:
            return None
        label.set_text(format_count(count, language))
        label.set_fontsize(COUNT_SIZE)
        label.set_fontweight("bold")
        spot = _spot_inside(ax, patch, label, renderer)
        if spot is None:
            outside[region_id] = _beside(diagram, label.get_position())
        else:
            label.set_position(spot)
    return outside


def _spot_inside(ax: Axes, patch: Any, label: Text, renderer: Any) -> tuple[float, float] | None:
    """Where in its region a count, with its code under it, fits: matplotlib-venn's spot if
    it does, else the fitting spot farthest from the region's edges (matplotlib-venn puts a
    lens-shaped region's count near a circle's edge); None when none fits."""
    import numpy

    default = label.get_position()
    if _fits_at(patch, label, default, renderer):
        return default
    outline = ax.transData.transform(patch.get_path().vertices)
    (x0, y0), (x1, y1) = outline.min(axis=0), outline.max(axis=0)
    inside = [
        (float(numpy.hypot(*(outline - point).T).min()), point)  # room: to the nearest edge
        for point in (
            (x0 + (x1 - x0) * i / 16, y0 + (y1 - y0) * j / 16)
            for i in range(1, 16)
            for j in range(1, 16)
        )
        if patch.contains_point(point)
    ]
    to_data = ax.transData.inverted()
    for _, point in sorted(inside, reverse=True)[:12]:  # the most room first
        x, y = to_data.transform(point)
        if _fits_at(patch, label, (float(x), float(y)), renderer):
            return float(x), float(y)
    return None


def _fits_at(patch: Any, label: Text, spot: tuple[float, float], renderer: Any) -> bool:
    """The count at ``spot``, raised as it will stand, and its code below it lie inside
    the region (padded by ``LABEL_PADDING``)."""
    from matplotlib.transforms import Bbox

    original = label.get_position()
    label.set_position((spot[0], spot[1] + COUNT_LIFT))
    box = label.get_window_extent(renderer)
    label.set_position(original)
    below = renderer.points_to_pixels(CODE_DROP)
    return _inside(patch, Bbox.from_extents(box.x0, box.y0 - below, box.x1, box.y1), renderer)


def _circles(diagram: Any) -> list[tuple[float, float, float]]:
    """Each circle as (x, y, radius), in the order of the units."""
    return [
        (float(c.x), float(c.y), float(r))
        for c, r in zip(diagram.centers, diagram.radii, strict=True)
    ]


def _beside(diagram: Any, point: tuple[float, float]) -> tuple[float, float]:
    """A spot just outside every circle, straight out from the diagram's middle through
    ``point`` (a region's label position)."""
    circles = _circles(diagram)
    middle_x = sum(x for x, _, _ in circles) / len(circles)
    middle_y = sum(y for _, y, _ in circles) / len(circles)
    dx, dy = point[0] - middle_x, point[1] - middle_y
    length = math.hypot(dx, dy)
    if length < 1e-9:
        dx, dy, length = 0.0, 1.0, 1.0
    dx, dy = dx / length, dy / length
    reach = max(math.hypot(cx - middle_x, cy - middle_y) + r for cx, cy, r in circles)
    step = length
    while step < reach and any(
        math.hypot(middle_x + dx * step - cx, middle_y + dy * step - cy) < r
        for cx, cy, r in circles
    ):
        step += 0.005
    return middle_x + dx * (step + OUTSIDE_GAP), middle_y + dy * (step + OUTSIDE_GAP)


def _legible(ax: Axes, diagram: Any) -> bool:
    """Every text of the scaled diagram can be read: inside the figure and on no other
    text; the texts set beside the circles on no circle (:func:`_lands_clear`); and no line
    to a count beside the circles runs through a text, its count's code included. Two
    nearly concentric circles put their names on each other, and a line out of a middle
    region can cross a count: the diagram is then drawn unscaled instead."""
    renderer = _renderer(ax)
    figure = ax.get_figure(root=True)
    assert figure is not None  # drawn on a figure's axes
    texts = [t for t in _all_texts(ax) if t.get_visible() and t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i, box in enumerate(boxes):
        if not _in_figure(figure, box) or any(box.overlaps(other) for other in boxes[i + 1 :]):
            return False
    if not all(
        _lands_clear(ax, diagram, t, renderer) for t in texts if t.get_gid() == _OUTSIDE_GID
    ):
        return False
    lines = _line_points(ax, renderer)
    return not any(box.contains(x, y) for box in boxes for x, y in lines)


def _line_points(ax: Axes, renderer: Any) -> list[tuple[float, float]]:
    """Points along each line to a count beside the circles (in pixels), as drawn: from
    just off its start to just short of its count, where a text must not lie."""
    import numpy
    from matplotlib.text import Annotation

    points = []
    for leader in (t for t in ax.texts if isinstance(t, Annotation)):
        leader.update_positions(renderer)
        assert leader.arrow_patch is not None  # every line is drawn with arrowprops
        drawn = numpy.asarray(leader.arrow_patch.get_path().vertices, dtype=float)
        (x0, y0), (x1, y1) = drawn[0].tolist(), drawn[-1].tolist()
        points += [(x0 + (x1 - x0) * k / 24, y0 + (y1 - y0) * k / 24) for k in range(25)]
    return points


def _in_figure(figure: Any, box: Any) -> bool:
    return bool(figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1))


def _lands_clear(ax: Axes, diagram: Any, text: Text, renderer: Any) -> bool:
    """A text set beside the circles lies inside the figure, on no circle and on no other
    text."""
    box = text.get_window_extent(renderer)
    if not _in_figure(ax.get_figure(root=True), box):
        return False
    if _on_circle(ax, box, _circles(diagram)):
        return False
    return not any(
        other is not text
        and other.get_visible()
        and other.get_text()
        and box.overlaps(other.get_window_extent(renderer))
        for other in _all_texts(ax)
    )


def _all_texts(ax: Axes) -> list[Text]:
    """The texts on the circles and those of the figure around them (title, caption)."""
    figure = ax.get_figure(root=True)
    return [*ax.texts, *(figure.texts if figure is not None else ())]


def _style(
    ax: Axes,
    diagram: Any,
    units: Sequence[Unit],
    ids: Mapping[str, tuple[int, str]],
    outside: Mapping[str, tuple[float, float]],
    language: Language,
) -> None:
    """Counts in bold with the region's code below, or beside the region at its spot in
    ``outside`` with a thin line to it; set labels clear of the other circles."""
    from matplotlib.transforms import offset_copy

    figure = ax.get_figure(root=True)
    for region_id in _IDS[len(units)]:
        label = diagram.get_label_by_id(region_id)
        if label is None:
            continue
        count, code = ids.get(region_id, (0, ""))
        if count == 0:
            label.set_visible(False)
            continue
        label.set_text(format_count(count, language))
        label.set_fontsize(COUNT_SIZE)
        label.set_fontweight("bold")
        label.set_color(INK)
        x, y = label.get_position()
        align, place, points = "center", (x, y + COUNT_LIFT), 0.0
        if region_id in outside:
            spot = outside[region_id]
            align = _side(spot[0] - x)
            ax.annotate(
                "",
                xy=(x, y),
                xytext=spot,
                arrowprops={"arrowstyle": "-", "color": "#555555", "lw": 0.8, "shrinkA": 6},
            )
            place = (spot[0], spot[1] + COUNT_LIFT)
            if align == "center":  # straight above or below: count and code clear the line
                place, points = spot, COUNT_OVER_SPOT if spot[1] > y else -COUNT_UNDER_SPOT
            label.set_horizontalalignment(align)
            label.set_gid(_OUTSIDE_GID)
        label.set_position(place)
        if points:
            label.set_transform(offset_copy(ax.transData, fig=figure, y=points, units="points"))
        code_text = ax.text(
            *place,
            code,
            transform=offset_copy(ax.transData, fig=figure, y=points - 14, units="points"),
            ha=align,
            va="center",
            fontsize=9,
            color="#444444",
        )
        if region_id in outside:
            code_text.set_gid(_OUTSIDE_GID)
    for i in range(len(units)):
        text = diagram.get_label_by_id("ABC"[i])
        if text is not None:
            _clear_of_circles(ax, diagram, i, text)


def _side(dx: float) -> str:
    """How text beside a region aligns: away from the diagram, centred when straight out."""
    if dx > 0.02:
        return "left"
    if dx < -0.02:
        return "right"
    return "center"


def _clear_of_circles(ax: Axes, diagram: Any, own: int, text: Text) -> None:
    """Move a circle's label that lies on another circle (a small circle inside a large
    one puts its label there) to just below all circles, or above when it sits on top."""
    everyone = _circles(diagram)
    others = [circle for i, circle in enumerate(everyone) if i != own]
    if not _on_circle(ax, text.get_window_extent(_renderer(ax)), others):
        return
    x, y = text.get_position()
    padding = sum(r for _, _, r in everyone) / len(everyone) * 0.1  # as matplotlib-venn's
    text.set_gid(_OUTSIDE_GID)
    if y < everyone[own][1]:
        text.set_position((x, min(cy - r for _, cy, r in everyone) - padding))
        text.set_verticalalignment("top")
    else:
        text.set_position((x, max(cy + r for _, cy, r in everyone) + padding))
        text.set_verticalalignment("bottom")


MAX_LISTED = 3
"""Regions with at most this many needs list their titles, when the list fits."""

_TITLE_WIDTHS = {True: (42, 30), False: (30, 22)}
"""Characters a listed need title is shortened to, beside the circles and inside its
region: the longer first, the shorter when the longer does not fit."""


def _list_needs(ax: Axes, diagram: Any, overlap: Overlap, titles: Mapping[str, str]) -> None:
    """Under the count and code of each small region, its need titles in small type.

    "Where space permits": a list is kept only if its box, like the counts', lies wholly
    inside its region, or, under a count set beside the circles, lands clear there (within
    the figure: a long title beside the rightmost circle ran off its edge); titles are
    shortened further before the list is given up, and the needs table beside the diagram
    has them in full.
    """
    from matplotlib.transforms import offset_copy

    figure = ax.get_figure(root=True)
    renderer = _renderer(ax)
    lines = _line_points(ax, renderer)
    for region_id, region in _region_ids(overlap).items():
        if len(region.needs) > MAX_LISTED:
            continue
        patch = diagram.get_patch_by_id(region_id)
        label = diagram.get_label_by_id(region_id)
        if patch is None or label is None:
            continue
        x, y = label.get_position()
        beside = label.get_gid() == _OUTSIDE_GID
        text = ax.text(
            x,
            y,
            "",
            transform=offset_copy(label.get_transform(), fig=figure, y=-24, units="points"),
            ha=label.get_horizontalalignment() if beside else "center",
            va="top",
            fontsize=7.5,
            color="#333333",
            linespacing=1.15,
        )
        for width in _TITLE_WIDTHS[beside]:
            text.set_text("\n".join(shortened(titles[n], width) for n in region.needs))
            if beside:
                box = text.get_window_extent(renderer)
                fits = _lands_clear(ax, diagram, text, renderer) and not any(
                    box.contains(x, y) for x, y in lines
                )
            else:
                fits = _inside(patch, text.get_window_extent(renderer), renderer)
            if fits:
                break
        else:
            text.remove()


def _draw_single(ax: Axes, unit: Unit, count: str, set_label: str) -> None:
    from matplotlib.patches import Circle

    colour = colour_of(unit)
    ax.add_patch(Circle((0, 0), 0.5, facecolor=colour, alpha=0.45, edgecolor=colour, lw=1.2))
    ax.text(
        0,
        0.02,
        count,
        ha="center",
        va="center",
        fontsize=COUNT_SIZE,
        fontweight="bold",
        color=INK,
    )
    ax.text(0, -0.07, unit.letter, ha="center", va="center", fontsize=9, color="#444444")
    ax.text(0, -0.62, set_label, ha="center", va="top", fontsize=12, color=INK)
    ax.set_xlim(-0.75, 0.75)
    ax.set_ylim(-0.9, 0.65)
    ax.set_aspect("equal")
    ax.set_axis_off()
