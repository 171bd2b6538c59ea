"""Rendered outputs: diagrams, tables in every format, the overview page, the overlap JSON."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.text import Text
from openpyxl import load_workbook
from PIL import Image

from needmap import init_study, load_study
from needmap.errors import UsageError
from needmap.model import analyse_overlap, compute_overlap
from needmap.personas.study import Study
from needmap.reports.diagram import Diagram, draw_diagram, render_diagram, write_diagram
from needmap.reports.i18n import (
    _LABELS,
    Language,
    counted,
    format_count,
    format_decimal,
    format_percent,
    format_points,
    sentence_start,
)
from needmap.reports.needs_table import NeedsTable, build_needs_table
from needmap.reports.overlap_json import overlap_to_json
from needmap.reports.overview import diagram_alt, overview_to_markdown, render_overview
from needmap.reports.palette import HIGHLIGHT
from needmap.reports.sheet_cells import count_cell, decimal_cell, percent_cell
from needmap.reports.table_formats import (
    csv_bytes,
    json_bytes,
    neutralise_cell,
    table_to_csv,
    table_to_html,
    table_to_markdown,
    table_to_xlsx,
    write_in_format,
)
from needmap.reports.upset import hidden_note, select_columns
from needmap.reports.venn import COUNT_SIZE, _area
from tests.conftest import assert_prints_like_the_pdf
from tests.rendered import texts_outside
from tests.studies import make_study

THREE = ["balie", "buitendienst", "beleid"]


@pytest.fixture(scope="module")
def gemeente(tmp_path_factory: pytest.TempPathFactory) -> Study:
    root = tmp_path_factory.mktemp("gemeente") / "study"
    init_study(root, "gemeente")
    return load_study(root)


def _needs_from_regions(sizes: dict[str, int]) -> dict[str, dict[str, str]]:
    needs: dict[str, dict[str, str]] = {}
    for region, count in sizes.items():
        for _ in range(count):
            needs[f"n{len(needs)}"] = {
                g: "must" for g, bit in zip("abc"[: len(region)], region, strict=True) if bit == "1"
            }
    return needs


def test_i18n_catalogues_have_the_same_keys() -> None:
    assert _LABELS["nl"].keys() == _LABELS["en"].keys()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ("1 interview", "2 interviews", "1 person", "1,063 people", "1 need", "1 vote")),
        ("nl", ("1 gesprek", "2 gesprekken", "1 persoon", "1.063 mensen", "1 behoefte", "1 stem")),
    ],
)
def test_counted_nouns_agree_with_the_number(language: Language, expected: tuple[str, ...]) -> None:
    assert (
        counted(1, "interviews", language),
        counted(2, "interviews", language),
        counted(1, "people", language),
        counted(1063, "people", language),
        counted(1, "needs", language),
        counted(1, "votes", language),
    ) == expected
    assert counted(1, "groups", language) in ("1 target group", "1 doelgroep")
    singular = {key.removesuffix(".one") for key in _LABELS[language] if key.endswith(".one")}
    assert all(key in _LABELS[language] for key in singular)  # every .one has its plural


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ("12.3%", "0.5%", "100.0%", "2.5", "1,063", "1,654.7%", "1,500", "1,234.5")),
        ("nl", ("12,3%", "0,5%", "100,0%", "2,5", "1.063", "1.654,7%", "1.500", "1.234,5")),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(
    language: Language, expected: tuple[str, ...]
) -> None:
    """Thousands too: a response of 1654,7% (from a headcount written too low) and a
    phase of 1500 points read as one and a bit in Dutch."""
    assert (
        format_percent(0.1234, language),
        format_percent(0.005, language),
        format_percent(1, language),
        format_decimal(2.5, language),
        format_count(1063, language),
        format_percent(16.547, language),
        format_points(1500, language),
        format_points(1234.5, language),
    ) == expected


@pytest.mark.parametrize(
    ("share", "places", "en", "nl"),
    [
        (0.0, 1, "0.0%", "0,0%"),
        (0.0004, 1, "<0.1%", "<0,1%"),
        (0.0005, 1, "0.1%", "0,1%"),
        (0.004, 0, "<1%", "<1%"),
        (0.006, 0, "1%", "1%"),
        (0.9949, 0, "99%", "99%"),
        (0.996, 0, ">99%", ">99%"),
        (0.9996, 1, ">99.9%", ">99,9%"),
        (1.0, 0, "100%", "100%"),
    ],
)
def test_a_share_reads_0_or_100_percent_only_when_it_is(
    share: float, places: int, en: str, nl: str
) -> None:
    assert (format_percent(share, "en", places), format_percent(share, "nl", places)) == (en, nl)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("één universeel platform", "Eén universeel platform"),
        ("ijsselland en de KCC", "IJsselland en de KCC"),
        ("one universal platform", "One universal platform"),
        ("should", "Should"),
        ("", ""),
    ],
)
def test_a_sentence_starts_with_a_capital_as_dutch_writes_it(text: str, expected: str) -> None:
    """Both letters of "ij" are capitals, "één" becomes "Eén", and the rest is kept."""
    assert sentence_start(text) == expected


def test_a_dutch_study_writes_decimal_commas_in_every_report(gemeente: Study) -> None:
    """Dutch writes 1.063 for a thousand and 88,0% for a share: a point in a share would
    read as thousands beside the counts."""
    from needmap.reports.roadmap_report import build_roadmap_table, study_roadmap
    from needmap.reports.searches_report import build_searches_table, study_searches, summary_line

    roadmap = build_roadmap_table(study_roadmap(gemeente), gemeente)
    score, share, factor = (roadmap.header.index(h) for h in ("Score", "Vraag", "Bewijs"))
    cells = [cell for row in roadmap.rows for cell in (row[score], row[share], row[factor])]
    assert all("." not in cell for cell in cells), cells
    assert any("," in row[score] for row in roadmap.rows)
    assert all(row[share].endswith("%") and "," in row[share] for row in roadmap.rows)
    searches = study_searches(gemeente)
    assert summary_line(searches, "nl") == (
        "1.063 zoekopdrachten in 1 log; 935 (88,0%) over een behoefte; 502 vonden niets"
    )
    table = build_searches_table(searches, gemeente)
    assert all("." not in cell for row in table.rows for cell in row if cell.endswith("%"))


# --- diagrams ----------------------------------------------------------------------------


def test_svg_of_three_groups_is_golden_and_deterministic(gemeente: Study, golden: object) -> None:
    overlap = compute_overlap(gemeente, THREE)
    first = render_diagram(draw_diagram(gemeente, overlap), ".svg").decode()
    second = render_diagram(draw_diagram(gemeente, overlap), ".svg").decode()
    assert first == second
    assert "<text" in first, "text must stay text in the SVG"
    assert "Date" not in first
    golden("diagram-gemeente-3.svg", first)  # type: ignore[operator]


def test_venn_balanced_input_is_to_scale(gemeente: Study) -> None:
    drawn = draw_diagram(gemeente, compute_overlap(gemeente, THREE[1:]))
    assert drawn.kind == "venn"
    assert drawn.scaled
    assert "approximately proportional" not in drawn.caption  # Dutch study
    assert "evenredig" in drawn.caption


def test_venn_redraws_unscaled_when_a_region_is_too_small_to_see() -> None:
    """One need of each group beside 300 shared: to scale, each crescent would be under
    MIN_REGION_FRACTION of the drawing (a hundred shared still keep it)."""
    for shared, scaled in ((100, True), (300, False)):
        needs = {f"ab{i}": {"a": "must", "b": "must"} for i in range(shared)}
        study = make_study({"a": 1, "b": 1}, {**needs, "a0": {"a": "must"}, "b0": {"b": "must"}})
        assert draw_diagram(study, compute_overlap(study)).scaled is scaled, shared


@pytest.mark.parametrize(
    "sizes",
    [
        # matplotlib-venn draws the centre region without a patch, silently
        {"100": 300, "010": 300, "001": 300, "110": 1, "101": 1, "011": 1, "111": 1},
        # it warns "Bad circle positioning" and squeezes AB to a sliver
        {"100": 50, "010": 50, "110": 1, "101": 50, "011": 50, "111": 1},
    ],
)
def test_venn_redraws_unscaled_when_a_region_would_be_lost(sizes: dict[str, int]) -> None:
    study = make_study({"a": 1, "b": 1, "c": 1}, _needs_from_regions(sizes))
    drawn = draw_diagram(study, compute_overlap(study))
    assert not drawn.scaled
    assert drawn.caption.startswith("Not to scale")
    for region_id, count in sizes.items():
        patch = drawn.drawing.get_patch_by_id(region_id)
        label = drawn.drawing.get_label_by_id(region_id)
        assert patch is not None and _area(patch) > 0.01, region_id
        assert label is not None and label.get_text() == str(count)
        assert (label.get_fontsize(), label.get_fontweight()) == (COUNT_SIZE, "bold")


def test_two_circles_not_to_scale_have_regions_of_equal_size() -> None:
    """A group's one need of its own beside 500 of the other's: to scale, its crescent is
    too thin to hold its count. Redrawn not to scale, every region has the same area, so
    that no size suggests a count."""
    sizes = {"10": 500, "01": 1, "11": 1}
    study = make_study({"a": 1, "b": 1}, _needs_from_regions(sizes))
    drawn = draw_diagram(study, compute_overlap(study))
    assert not drawn.scaled
    areas = [_area(drawn.drawing.get_patch_by_id(region_id)) for region_id in sizes]
    assert areas == pytest.approx([areas[0]] * 3, rel=0.01)


def test_venn_hides_empty_regions() -> None:
    study = make_study({"a": 1, "b": 1}, {"n1": {"a": "must"}, "n2": {"a": "must", "b": "could"}})
    drawn = draw_diagram(study, compute_overlap(study))
    assert (
        drawn.drawing.get_label_by_id("01") is None
        or not drawn.drawing.get_label_by_id("01").get_visible()
    )
    assert drawn.drawing.get_label_by_id("10").get_text() == "1"


def test_each_circle_is_named_with_its_headcount_when_the_study_gives_one() -> None:
    """Under a circle, its letter and name (wrapped at 24 characters), then the people in
    the group; a group of unknown size shows its name alone."""
    study = make_study(
        {"desk": 1250, "field": None},
        {"n1": {"desk": "must", "field": "must"}, "n2": {"desk": "must"}},
    )
    study = replace(
        study,
        groups=(
            study.groups[0].model_copy(update={"name": "Front desk and visits centre"}),
            study.groups[1],
        ),
    )
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "venn"
    assert [text.get_text() for text in drawn.drawing.set_labels] == [
        "A · Front desk and\nvisits centre\n1,250 people",
        "B · FIELD",
    ]


def test_single_group_diagram() -> None:
    study = make_study({"a": 12}, {"n1": {"a": "must"}, "n2": {"a": "could"}})
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "venn" and drawn.scaled
    svg = render_diagram(drawn, ".svg").decode()
    assert ">2<" in svg.replace(" ", "") or "2</text>" in svg
    assert texts_outside(drawn.figure) == []
    ax = drawn.figure.axes[0]
    (circle,) = ax.patches
    circle_box = circle.get_window_extent()
    figure_box = drawn.figure.bbox
    assert abs(circle_box.x0 + circle_box.x1 - figure_box.x0 - figure_box.x1) < 2  # centred
    boxes = {t.get_text(): t.get_window_extent() for t in ax.texts}
    for inside in ("2", "A"):  # the count and the letter, in the middle of the circle
        assert all(circle.contains_point(corner) for corner in boxes[inside].corners()), inside
        assert abs(boxes[inside].x0 + boxes[inside].x1 - circle_box.x0 - circle_box.x1) < 2
    label = boxes["A · A\n12 people"]
    assert abs(label.x0 + label.x1 - circle_box.x0 - circle_box.x1) < 2  # centred under it
    assert label.y1 < circle_box.y0
    assert boxes["A"].y1 < boxes["2"].y0  # the letter under the count


def test_a_single_group_s_circle_is_styled_as_each_circle_of_a_venn() -> None:
    """The group's colour, translucent, edged in it; the count large, bold and dark; the
    letter small and grey; the name in the set labels' size."""
    from matplotlib.colors import to_rgba

    from needmap.model.units import choose_units
    from needmap.reports.palette import INK, colour_of

    study = make_study({"a": 12}, {"n1": {"a": "must"}, "n2": {"a": "could"}})
    ax = draw_diagram(study, compute_overlap(study)).figure.axes[0]
    assert not ax.axison  # no frame, ticks or scales around the circle
    (circle,) = ax.patches
    colour = colour_of(choose_units(study)[0])
    assert circle.get_facecolor() == pytest.approx(to_rgba(colour, 0.45))
    assert circle.get_edgecolor() == pytest.approx(to_rgba(colour, 0.45))
    texts = {t.get_text(): t for t in ax.texts}
    assert (texts["2"].get_fontsize(), texts["2"].get_fontweight()) == (COUNT_SIZE, "bold")
    assert texts["2"].get_color() == INK
    assert (texts["A"].get_fontsize(), texts["A"].get_color()) == (9, "#444444")
    name = texts["A · A\n12 people"]
    assert (name.get_fontsize(), name.get_color(), name.get_verticalalignment()) == (
        12,
        INK,
        "top",
    )


def test_upset_for_many_groups_keeps_core_and_single_group_columns() -> None:
    groups = {f"g{i}": 10 for i in range(6)}
    needs: dict[str, dict[str, str]] = {"core": dict.fromkeys(groups, "must")}
    for i in range(6):
        needs[f"only{i}"] = {f"g{i}": "must"}
    # 20 different pairs and triples with two needs each: larger than the single-group ones
    combos = [(a, b) for a in range(6) for b in range(a + 1, 6)] + [
        (0, 1, 2),
        (1, 2, 3),
        (2, 3, 4),
        (3, 4, 5),
        (0, 2, 4),
    ]
    for combo in combos:
        for k in range(2):
            needs[f"c{'-'.join(map(str, combo))}-{k}"] = {f"g{i}": "should" for i in combo}
    study = make_study(groups, needs)
    overlap = compute_overlap(study)
    shown, hidden = select_columns(overlap, 25)
    assert len(shown) == 25
    assert len(hidden) == len(overlap.regions) - 25
    degrees = [r.degree for r in shown]
    assert degrees.count(6) == 1 and degrees.count(1) == 6
    drawn = draw_diagram(study, overlap)
    assert drawn.kind == "upset" and drawn.scaled  # bars are always to scale
    assert drawn.hidden_regions == len(hidden)
    assert not drawn.hidden_smaller  # as large as those drawn: lost to the limit
    assert drawn.shown_codes == tuple(r.code for r in shown)
    hidden_needs = sum(len(r.needs) for r in hidden)
    # Every combination holds two needs: those left out are as large as those drawn.
    assert hidden_note(shown, hidden, 6, "en") == (
        f"{len(hidden)} more combinations with {hidden_needs} needs not shown"
    )
    assert hidden_note(shown, hidden[:1], 6, "en") == "1 more combination with 2 needs not shown"
    one_need = dataclasses.replace(hidden[0], needs=hidden[0].needs[:1])
    assert hidden_note(shown, [one_need], 6, "en") == "1 smaller combination with 1 need not shown"
    assert hidden_note(shown, [one_need], 6, "nl") == (
        "1 kleinere combinatie met 1 behoefte niet getoond"
    )
    drawn_whatever_size = [r for r in shown if r.degree in (1, 6)]  # all groups, one group
    assert hidden_note(drawn_whatever_size, [one_need], 6, "nl") == (
        "1 andere combinatie met 1 behoefte niet getoond"
    )
    # A large study's thousands as each language writes them (20 groups and 5,000 needs
    # give that many combinations): the count of combinations said 1200.
    many = [one_need] * 1200
    assert hidden_note(shown, many, 6, "en") == (
        "1,200 smaller combinations with 1,200 needs not shown"
    )
    assert hidden_note(shown, many, 6, "nl") == (
        "1.200 kleinere combinaties met 1.200 behoeften niet getoond"
    )


def test_an_upset_of_groups_no_need_names_yet_is_drawn_without_warnings() -> None:
    """Four groups, and needs not yet given to any (a study begun): the set-size bars are
    all zero, and their axis got the range 0 to 0, which matplotlib warns of and widens."""
    study = make_study({f"g{i}": 10 for i in range(4)}, {"n": {}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "upset"
    sizes = next(ax for ax in drawn.figure.axes if ax.get_xlim()[1] == 0)
    assert sizes.get_xlim() == (1.35, 0)


def test_upset_names_longer_than_thirty_characters_are_cut_with_an_ellipsis() -> None:
    names = {
        "a": "Front desk and contact centre",  # 29: whole
        "b": "Security, catering and facility",  # 31: 29 and an ellipsis make 30
        "c": "Policy advisers and project ma",  # 30: whole
        "d": "Bosses",
    }
    study = make_study(dict.fromkeys(names, 10), {"n": dict.fromkeys(names, "must")})
    groups = tuple(g.model_copy(update={"name": names[g.id]}) for g in study.groups)
    study = dataclasses.replace(study, groups=groups)
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "upset"
    labels = sorted(
        t.get_text() for ax in drawn.figure.axes for t in ax.texts if " · " in t.get_text()
    )
    assert labels == [
        "A · Front desk and contact centre (10)",
        "B · Security, catering and facili… (10)",
        "C · Policy advisers and project ma (10)",
        "D · Bosses (10)",
    ]


def test_a_tall_upset_keeps_its_subtitle_above_the_bars_and_counts_whole() -> None:
    """With 40 groups the chart is 18 inches tall: the subtitle, set at a fraction of the
    height, stood among the bars, and the bar axis counted needs in halves."""
    groups = {f"g{i}": 10 for i in range(40)}
    needs = {f"n{i}": {f"g{i}": "must", f"g{(i + 1) % 40}": "should"} for i in range(40)}
    needs["two"] = {"g0": "must", "g1": "must"}  # with n0, a region of 3: ticks 0 to 3
    needs["three"] = {"g0": "must", "g1": "must"}
    study = make_study(groups, needs)
    drawn = draw_diagram(study, compute_overlap(study))
    figure = drawn.figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    bars = figure.axes[0]
    subtitle = next(t for t in figure.texts if "—" in t.get_text())
    assert subtitle.get_window_extent(renderer).y0 > bars.get_window_extent(renderer).y1
    shown = [y for y in bars.get_yticks() if y <= bars.get_ylim()[1]]
    assert shown == [0, 1, 2, 3]
    sizes = figure.axes[3]
    assert all(float(x).is_integer() for x in sizes.get_xticks())
    assert len(sizes.get_xticks()) <= 5


def test_each_upset_bar_has_its_count_above_it_and_each_shared_column_a_connector() -> None:
    """Four groups: the core need (all four), one need of g0 and g1, three of g2 alone.
    Beside each group's row, its letter, name and headcount (none when unknown), and at
    the left its number of needs."""
    groups = {"g0": 10, "g1": 1200, "g2": None, "g3": 10}
    needs = {
        "core": dict.fromkeys(groups, "must"),
        "pair": {"g0": "must", "g1": "should"},
        **{f"alone{i}": {"g2": "must"} for i in range(3)},
    }
    study = make_study(groups, needs)
    figure = draw_diagram(study, compute_overlap(study)).figure
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Rectangle

    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    bars, matrix = figure.axes[0], figure.axes[1]
    heights = [patch.get_height() for patch in bars.patches if isinstance(patch, Rectangle)]
    assert sorted(heights) == [1, 1, 3]
    counts = [(text.get_text(), text.get_position()) for text in bars.texts]
    assert [text for text, _ in counts] == [f"{h:g}" for h in heights]
    for (_, (_, y)), height in zip(counts, heights, strict=True):
        assert height < y < bars.get_ylim()[1] - 0.1 * max(heights)  # above, with room
    (connectors,) = [c for c in matrix.collections if isinstance(c, LineCollection)]
    segments = [segment.tolist() for segment in connectors.get_segments()]
    assert len(segments) == 2  # the core and the pair; g2 alone has none
    # each joins its column's top and bottom dots: the core rows 0-3, the pair g0 and g1
    # (rows 3 and 2: the first group is drawn at the top)
    assert sorted((y0, y1) for (_, y0), (_, y1) in segments) == [(0, 3), (2, 3)]
    assert all(x0 == x1 for (x0, _), (x1, _) in segments)
    bands = sorted(
        (p.get_x(), p.get_width())
        for p in matrix.patches
        if isinstance(p, Rectangle) and p.get_width() < 1
    )
    # the key columns (the core, g2 alone) shaded 0.8 wide about their dots; the pair not
    [pair_x] = [x for (x, y0), (_, y1) in segments if (y0, y1) == (2, 3)]
    key = [x for x in range(3) if x != pair_x]
    assert [(round(x, 6), round(w, 6)) for x, w in bands] == [(x - 0.4, 0.8) for x in key]
    names, sizes = figure.axes[2], figure.axes[3]
    # left to right: the groups' sizes, their names, then the matrix under the bars
    assert sizes.get_position().x1 <= names.get_position().x0
    assert names.get_position().x1 <= matrix.get_position().x0
    assert [t.get_text() for t in names.texts] == [
        "A · G0 (10)",
        "B · G1 (1,200)",
        "C · G2",
        "D · G3 (10)",
    ]
    assert [t.get_text() for t in sizes.texts] == ["2 ", "2 ", "4 ", "1 "]


def test_every_dot_of_the_upset_grid_is_drawn_whole() -> None:
    """No dot of the grid under the bars lies at the edge of its axes, where half of it
    would be cut off: each is at least half a row or column inside."""
    import numpy as np
    from matplotlib.patches import Rectangle

    needs = {f"n{i}": {f"g{i}": "must", f"g{(i + 2) % 6}": "should"} for i in range(6)}
    study = make_study({f"g{i}": 10 for i in range(6)}, needs)
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "upset"
    grid = next(axes for axes in drawn.figure.axes if len(axes.collections) >= 3)
    (left, right), (bottom, top) = grid.get_xlim(), grid.get_ylim()
    offsets = [np.asarray(collection.get_offsets()) for collection in grid.collections[::2]]
    dots: list[list[float]] = [xy for found in offsets for xy in found.tolist()]
    assert len(dots) > 6 * 6
    for x, y in dots:
        assert left + 0.5 <= x <= right - 0.5 and bottom + 0.5 <= y <= top - 0.5
    bands = [p.get_y() for p in grid.patches if isinstance(p, Rectangle) and p.get_height() == 1]
    assert sorted(bands) == [-0.5, 1.5, 3.5]  # every other row shaded, from the first


@pytest.mark.parametrize(
    ("needs", "key"),
    [
        ({"all": "abcd", "ab": "ab", "cd": "cd"}, ["■", "all groups"]),
        ({"a": "a", "b": "b", "bc": "bc", "d": "d"}, ["■", "■", "■", "one group only"]),
        ({"all": "abcd", "a": "a", "c": "c"}, ["■", "all groups", "■", "■", "one group only"]),
        ({"ab": "ab", "bcd": "bcd"}, []),
    ],
    ids=["core", "single", "both", "neither"],
)
def test_the_upset_key_shows_the_colours_the_chart_uses_below_it(
    needs: dict[str, str], key: list[str]
) -> None:
    """The key names the core column's colour when the core is a column, and the colour of
    each group with a column of its own when there are such; it stands below the chart."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    study = make_study(
        dict.fromkeys("abcd", 10), {n: dict.fromkeys(groups, "must") for n, groups in needs.items()}
    )
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "upset"
    figure = drawn.figure
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    boxes = [ax.get_tightbbox(renderer) for ax in figure.axes if ax.axison]
    chart_bottom = min(box.y0 for box in boxes if box is not None)
    below = [t for t in figure.texts if t.get_window_extent(renderer).y1 <= chart_bottom]
    below.sort(key=lambda t: t.get_position()[0])
    assert [t.get_text() for t in below] == key
    if "all groups" in key:
        assert below[0].get_color() == HIGHLIGHT
    # the squares of one key touch each other, and nothing else
    assert [pair for pair in _overlapping_texts(figure) if pair != ("■", "■")] == []


def test_png_and_svg_files(tmp_path: Path, gemeente: Study) -> None:
    drawn = draw_diagram(gemeente, compute_overlap(gemeente))
    write_diagram(drawn, tmp_path / "d.png")
    write_diagram(drawn, tmp_path / "d.svg")
    assert (tmp_path / "d.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "d.svg").read_text().lstrip().startswith("<?xml")


# --- tables -------------------------------------------------------------------------------


def _table(study: Study, groups: list[str] | None = None) -> NeedsTable:
    analysis = analyse_overlap(study, groups)
    return build_needs_table(study, analysis.overlap, analysis.advice)


@pytest.mark.parametrize(
    ("count", "label", "core"),
    [(1, "A · only Group g00 with a long name", False), (2, "AB · core", True)],
)
def test_a_core_takes_two_groups_or_more(count: int, label: str, core: bool) -> None:
    """Every need of one group is that group's own, not a core shared by all."""
    table = _table(_many_groups(count))
    first = next(row for row in table.rows if row.need_id == "n1")
    assert (first.region_label, first.is_core) == (label, core)


def test_markdown_table_golden(gemeente: Study, golden: object) -> None:
    golden("needs-gemeente-3.md", table_to_markdown(_table(gemeente, THREE)))  # type: ignore[operator]


def test_csv_table_golden(gemeente: Study, golden: object) -> None:
    golden("needs-gemeente-3.csv", table_to_csv(_table(gemeente, THREE)))  # type: ignore[operator]


def test_table_rows_are_grouped_by_kind_in_order(gemeente: Study) -> None:
    table = _table(gemeente, THREE)
    kinds = [row.kind for row in table.rows]
    assert kinds == sorted(kinds, key=["content", "function", "technology"].index)
    assert [k for k, _ in table.kinds] == ["content", "function", "technology"]


def test_kind_filter(gemeente: Study) -> None:
    analysis = analyse_overlap(gemeente, THREE)
    table = build_needs_table(gemeente, analysis.overlap, analysis.advice, ("technology",))
    assert {row.kind for row in table.rows} == {"technology"}


HOSTILE = make_study(
    {"a": 5, "b": 5},
    {"x": {"a": "must", "b": "could"}},
)
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>'


def _hostile_table() -> NeedsTable:
    study = HOSTILE
    need = study.needs[0].model_copy(update={"title": HOSTILE_TITLE})
    group = study.groups[0].model_copy(update={"name": "+cmd|' /C calc'!A0"})
    study = Study(
        root=study.root, settings=study.settings, groups=(group, study.groups[1]), needs=(need,)
    )
    return _table(study)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_neutralise_cell(start: str) -> None:
    assert neutralise_cell(start + "1+1") == "'" + start + "1+1"
    assert neutralise_cell("plain " + start) == "plain " + start


def test_csv_never_starts_a_cell_with_a_formula() -> None:
    rows = list(csv.reader(io.StringIO(table_to_csv(_hostile_table()))))
    cells = [c for row in rows for c in row]
    assert "'" + HOSTILE_TITLE in cells
    assert "A · +cmd|' /C calc'!A0" in cells  # starts with "A", so left as it is
    assert not any(c and c[0] in "=+-@" for c in cells)


def test_a_group_column_is_as_wide_as_the_longest_word_of_its_heading() -> None:
    """The heading wraps between words: a long Dutch word stays whole, a column of short
    words stays narrow, and the heading row is as tall as the heading of most lines."""
    study = HOSTILE
    groups = (
        study.groups[0].model_copy(update={"name": "Bureaumedewerkers en beleidsadviseurs"}),
        study.groups[1].model_copy(update={"name": "Front desk, reception and phone"}),
    )
    table = _table(
        Study(root=study.root, settings=study.settings, groups=groups, needs=study.needs)
    )
    sheet = load_workbook(io.BytesIO(table_to_xlsx(table))).active
    assert [sheet["C1"].value, sheet["D1"].value] == [
        "A · Bureaumedewerkers en beleidsadviseurs",
        "B · Front desk, reception and phone",
    ]
    assert [sheet.column_dimensions[c].width for c in "CD"] == [len("Bureaumedewerkers") + 2, 18]
    # a group's heading stands centred above its marks; the need's and the region's left
    assert [sheet[f"{c}1"].alignment.horizontal for c in "ABCDE"] == [
        None,
        None,
        "center",
        "center",
        None,
    ]
    assert sheet["C2"].alignment.horizontal == "center"
    # "A ·", "Bureaumedewerkers", "en", "beleidsadviseurs": four lines of 15 points, whole
    assert sheet.row_dimensions[1].height == 60
    # headings of two lines at most get the least: three lines
    short = load_workbook(io.BytesIO(table_to_xlsx(_hostile_table()))).active
    assert short.row_dimensions[1].height == 45


@pytest.mark.parametrize(
    ("heading", "width", "lines"),
    [
        ("aaaa bbbb cccc dddd", 18, 2),  # 14 characters with spaces fit the 16, 19 do not
        ("aaaaaaa bbbbbbbb", 18, 1),  # exactly 16: one line
        ("aaaaaaa bbbbbbbbb", 18, 2),
        ("ab cd e", 9, 1),  # the spaces count once each: 7 characters fit the 7
        ("ab cd e", 8, 2),
        ("Needs\nper group", 18, 2),  # a line break in the heading starts a line
        ("Bureaumedewerkers", 8, 1),  # a word longer than the column stays whole
    ],
)
def test_a_heading_is_counted_in_the_lines_excel_wraps_it_to(
    heading: str, width: float, lines: int
) -> None:
    """Bold text takes two characters of a column's width: a line holds width - 2."""
    from needmap.reports.table_formats import _heading_lines

    assert _heading_lines(heading, width) == lines


def test_a_sheet_is_named_after_its_table_within_excel_s_31_characters() -> None:
    table = dataclasses.replace(_hostile_table(), title="Behoeften per doelgroep, " * 3)
    sheet = load_workbook(io.BytesIO(table_to_xlsx(table))).active
    assert sheet.title == "Behoeften per doelgroep, Behoef"


def test_xlsx_takes_out_the_control_characters_a_workbook_cannot_hold() -> None:
    """The YAML files refuse them, but a study made in Python (the library) may hold them:
    openpyxl would refuse to save the workbook."""
    study = HOSTILE
    need = study.needs[0].model_copy(update={"title": "Zoeken\x1b[2J\x0bin alles\x00"})
    table = _table(
        Study(root=study.root, settings=study.settings, groups=study.groups, needs=(need,))
    )
    sheet = load_workbook(io.BytesIO(table_to_xlsx(table))).active
    assert sheet["B2"].value == "Zoeken[2J\nin alles"


def test_the_region_column_keeps_the_width_of_its_longest_label() -> None:
    """Only the group columns are narrowed, as their headings wrap between words; the
    region column after them is as wide as its text, which does not wrap."""
    study = make_study({"a": 5, "b": 5}, {"x": {"a": "must"}})
    group = study.groups[0].model_copy(update={"name": "Beleidsadviseurs en projectmanagers"})
    study = Study(
        root=study.root, settings=study.settings, groups=(group, study.groups[1]), needs=study.needs
    )
    table = _table(study)
    label = table.rows[0].region_label
    sheet = load_workbook(io.BytesIO(table_to_xlsx(table))).active
    assert sheet["E2"].value == label and len(label) > 18
    assert sheet.column_dimensions["E"].width == len(label) + 2


def test_xlsx_writes_text_as_text(tmp_path: Path) -> None:
    data = table_to_xlsx(_hostile_table())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    path = tmp_path / "t.xlsx"
    path.write_bytes(data)
    workbook = load_workbook(path)
    ws = workbook.active
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:F2"
    assert ws["B2"].value == HOSTILE_TITLE
    assert ws["B2"].data_type == "s"
    assert ws["C1"].value.startswith("A · +cmd")
    # widths fit the longest text + 2, at least 8 and at most 60; a group's column at most
    # 18 (its name wraps in the heading): kind 7, title 67, group 22, 5, region 9, platform 15
    widths = [ws.column_dimensions[c].width for c in "ABCDEF"]
    assert widths == [9, 60, 18, 8, 11, 17]
    assert all(ws.cell(1, c).font.bold and ws.cell(1, c).alignment.wrap_text for c in range(1, 7))
    # a must (group a) is dark with white bold text, a could (group b) light; no other fill
    fills = {c: ws[f"{c}2"].fill.fgColor.rgb for c in "ABCDEF" if ws[f"{c}2"].fill.fill_type}
    assert fills == {"C": "001F5F8B", "D": "00E3EEF6"}
    assert (ws["C2"].font.bold, ws["C2"].font.color.rgb) == (True, "00FFFFFF")
    assert not ws["D2"].font.bold
    assert_prints_like_the_pdf(ws)


@pytest.mark.parametrize(
    ("suffixes", "hint"),
    [
        ([".json"], "use a name ending in .json"),
        ([".md", ".json"], "use a name ending in .md or .json"),
        ([".html", ".md", ".json"], "use a name ending in .html, .md or .json"),
    ],
)
def test_another_suffix_is_refused_with_the_ones_there_are(
    tmp_path: Path, suffixes: list[str], hint: str
) -> None:
    renderers = dict.fromkeys(suffixes, lambda value: b"")
    with pytest.raises(UsageError) as raised:
        write_in_format(renderers, None, tmp_path / "out.txt", "a thing")
    (problem,) = raised.value.problems
    assert (problem.message, problem.hint) == ("cannot write a thing as '.txt'", hint)
    assert not (tmp_path / "out.txt").exists()


def test_a_file_is_written_in_the_format_its_suffix_names(tmp_path: Path) -> None:
    renderers = {".md": lambda value: f"# {value}\n".encode(), ".json": json_bytes}
    write_in_format(renderers, "Eén", tmp_path / "out.MD", "a thing")
    assert (tmp_path / "out.MD").read_bytes() == "# Eén\n".encode()


def test_a_report_s_json_is_indented_with_its_letters_as_written() -> None:
    """Readable in a diff and an editor: two spaces, "é" not "\\u00e9", a final line break."""
    assert json_bytes({"naam": "Eén", "n": [1]}) == (
        '{\n  "naam": "Eén",\n  "n": [\n    1\n  ]\n}\n'.encode()
    )


def test_a_report_s_csv_starts_with_the_bom_excel_needs() -> None:
    """Without it Excel reads UTF-8 as the local code page: "EÃ©n" for "Eén"."""
    assert csv_bytes("Eén;2\r\n") == b"\xef\xbb\xbf" + "Eén;2\r\n".encode()


def test_html_fragment_escapes_text() -> None:
    html = table_to_html(_hostile_table())
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


# --- overview page and JSON ----------------------------------------------------------------


def test_the_overview_in_markdown_says_the_advice_and_the_most_alike_before_the_table(
    gemeente: Study,
) -> None:
    """Each its own paragraph, the percentages whole, as on the page."""
    markdown = overview_to_markdown(analyse_overlap(gemeente, THREE))
    head, table = markdown.split("## Behoeften per doelgroep\n", 1)
    assert head == (
        "# Gedeelde en specifieke behoeften\n\n"
        "Gemeente Voorbeeldstad — Behoefteonderzoek digitale werkomgeving\n\n"
        "**Aanbevolen vorm van de digitale werkomgeving: één universeel platform**\n\n"
        "73% van de gewogen vraag betreft behoeften die minstens 2 van de 3 cirkels delen "
        "(universeel platform vanaf 60%, landschap onder 30%). Op het gedeelde platform: 25 "
        "behoeften; in toepassingen of kanalen per groep: 17.\n\n"
        "Meest gelijk in wat ze nodig hebben (gedeelde behoeften, gewogen naar belang): "
        "“Baliemedewerkers” en “Buitendienst” (41%); “Baliemedewerkers” en "
        "“Beleidsadviseurs en projectmanagers” (40%); “Buitendienst” en “Beleidsadviseurs en "
        "projectmanagers” (30%).\n\n"
    )
    assert table.startswith("\n### Content\n")


def test_overview_page_is_self_contained_and_escaped(gemeente: Study) -> None:
    analysis = analyse_overlap(gemeente, THREE)
    page = render_overview(analysis, draw_diagram(gemeente, analysis.overlap))
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert "data:image/svg+xml;base64," in page
    assert 'src="http' not in page and 'href="http' not in page
    assert "Aanbevolen vorm" in page
    assert page.count("<table") == 1
    # on screen the table scrolls in its own box, its header and first column frozen; the
    # keyboard reaches the box, and a screen reader names it
    box = '<div class="table-wrap frozen" tabindex="0" role="region" aria-label="Behoeften per'
    assert page.count(box) == 1
    assert page.index(box) < page.index('<table class="needs matrix" style="--upright: 13em">')
    # a Venn diagram stands beside the table; the wide UpSet chart of all groups above it
    assert '<div class="overview">' in page
    everyone = analyse_overlap(gemeente)
    upset = render_overview(everyone, draw_diagram(gemeente, everyone.overlap))
    assert '<div class="overview stacked">' in upset
    # a screen reader is told what the diagram draws, of how many, and where the table is
    assert (
        'alt="Overlappende cirkels van de behoeften van 3 doelgroepen: welke ze delen en '
        'welke alleen de hunne zijn. De behoeftentabel zet ze per gebied op een rij."'
    ) in page
    assert 'alt="Een UpSet-matrix van de behoeften van 9 doelgroepen: ' in upset
    # each need's title heads its row, so a screen reader names the need with each cell
    table = build_needs_table(gemeente, analysis.overlap, analysis.advice)
    rows = re.findall(r'<th scope="row">([^<]*)</th>', page)
    titles = [row.title for kind, _ in table.kinds for row in table.rows_of(kind)]
    assert [html.unescape(row) for row in rows] == titles and len(rows) > 10


@pytest.mark.parametrize(
    ("by_family", "kind", "expected"),
    [
        (False, "venn", "Overlapping circles of the needs of 3 target groups: "),
        (True, "venn", "Overlapping circles of the needs of 2 families of groups: "),
        (True, "upset", "An UpSet matrix of the needs of 2 families of groups: "),
    ],
)
def test_the_diagram_is_described_for_who_cannot_see_it(
    gemeente: Study, by_family: bool, kind: str, expected: str
) -> None:
    english = gemeente.in_language("en")
    overlap = analyse_overlap(english, None if by_family else THREE, by_family=by_family).overlap
    assert diagram_alt(overlap, kind, "en") == (
        f"{expected}which they share and which are their own. The needs table lists them "
        "region by region."
    )


def test_the_diagram_of_one_group_is_described_as_one_circle(gemeente: Study) -> None:
    """Of one group there is nothing shared: not "which they share and which are their own"."""
    english = gemeente.in_language("en")
    overlap = analyse_overlap(english, ["balie"]).overlap
    assert diagram_alt(overlap, "venn", "en") == (
        "A circle of the needs of 1 target group. The needs table lists them."
    )
    assert diagram_alt(overlap, "venn", "nl").startswith("Een cirkel van de behoeften van 1 ")


def test_overlap_json_golden(gemeente: Study, golden: object) -> None:
    data = overlap_to_json(analyse_overlap(gemeente, THREE))
    golden("overlap-gemeente-3.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")  # type: ignore[operator]


def test_overlap_json_is_consistent() -> None:
    data = overlap_to_json(
        analyse_overlap(
            make_study({"a": 10, "b": 20}, {"n1": {"a": "must", "b": "could"}, "n2": {"b": "must"}})
        )
    )
    assert data["core"] == ["n1"]
    assert {r["code"]: r["needs"] for r in data["regions"]} == {"AB": ["n1"], "B": ["n2"]}
    assert data["needs"]["n2"]["placement"] == "specific"
    assert data["platform"]["rule"]["shared_min_units"] == 2
    assert sum(r["share"] for r in data["regions"]) == pytest.approx(1.0, abs=1e-3)


@pytest.mark.parametrize(
    "groups", [None, THREE, THREE[:2], ["balie"]], ids=["upset", "venn3", "venn2", "one"]
)
def test_every_diagram_text_is_inside_the_figure(gemeente: Study, groups: list[str] | None) -> None:
    drawn = draw_diagram(gemeente, compute_overlap(gemeente, groups))
    assert texts_outside(drawn.figure) == []
    if drawn.kind == "upset":  # nine rows of names, 25 columns of codes: none on another
        assert _overlapping_texts(drawn.figure) == []
    else:  # a Venn diagram shows every region
        assert drawn.hidden_regions == 0


@pytest.mark.parametrize("circles", [2, 3])
def test_a_circle_s_name_of_any_length_stays_in_the_figure(circles: int) -> None:
    """A name wraps to at most five lines beside its circle and then ends in "…": one of a
    few hundred characters ran past the caption and out of the figure. A name of five
    lines is shown whole."""
    study = make_study(
        {f"g{i}": 10 for i in range(circles)},
        {f"n{i}": {f"g{i}": "must", f"g{(i + 1) % circles}": "should"} for i in range(circles)},
    )
    whole = "Medewerkers van de gemeente, de omgevingsdienst en de belastingdienst"
    names = [whole, "Supercalifragilisticexpialidocious" * 12, "Bureau"][:circles]
    groups = tuple(
        g.model_copy(update={"name": name}) for g, name in zip(study.groups, names, strict=True)
    )
    named = dataclasses.replace(study, groups=groups)
    drawn = draw_diagram(named, compute_overlap(named))
    assert drawn.kind == "venn"
    assert texts_outside(drawn.figure) == []
    labels = [t.get_text() for t in drawn.figure.axes[0].texts if " · " in t.get_text()]
    first, long = (label.split("\n")[:-1] for label in labels[:2])  # without "10 people"
    assert " ".join(first) == f"A · {whole}" and len(first) == 4
    assert len(long) == 5 and long[-1].endswith("…")


@pytest.mark.parametrize("groups", [3, 6], ids=["venn", "upset"])
def test_a_long_study_name_is_made_to_fit_the_diagram(groups: int) -> None:
    """The subtitle is the organisation and the study's name; centred, a long one was cut
    off at both edges of the figure. It is made smaller first, then cut short."""
    study = make_study(
        {f"g{i}": 10 for i in range(groups)},
        {f"n{i}": {f"g{i}": "must", f"g{(i + 1) % groups}": "should"} for i in range(groups)},
    )
    named = dataclasses.replace(
        study,
        settings=study.settings.model_copy(
            update={"name": "Een onderzoek met een bijzonder lange naam " * 4}
        ),
    )
    figure = draw_diagram(named, compute_overlap(named)).figure
    assert texts_outside(figure) == []
    subtitle = next(t for t in figure.texts if "—" in t.get_text())
    assert subtitle.get_text().endswith("…") and subtitle.get_fontsize() == 8
    short = next(
        t for t in draw_diagram(study, compute_overlap(study)).figure.texts if "—" in t.get_text()
    )
    assert (short.get_text(), short.get_fontsize()) == ("Test org — Test study", 11)


def test_family_upset_texts_are_inside_the_figure(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("zorg") / "study"
    init_study(root, "zorginstelling")
    study = load_study(root)
    for by_family in (False, True):
        drawn = draw_diagram(study, compute_overlap(study, by_family=by_family))
        assert drawn.kind == "upset"
        assert texts_outside(drawn.figure) == []
        # a chart of families says so in its title, axes and legend, not "groepen"
        texts = {t.get_text() for t in drawn.figure.findobj(Text)}
        said = {"Behoeften per groep", "één groep"}
        meant = {"Behoeften per familie", "één familie"}
        assert texts >= (meant if by_family else said) and not texts & (
            said if by_family else meant
        )
        title = "Welke behoeften delen de " + ("families?" if by_family else "groepen?")
        assert title in texts


def test_a_venn_of_families_asks_what_the_families_share(gemeente: Study) -> None:
    families = draw_diagram(gemeente, compute_overlap(gemeente, by_family=True))
    titles = [t.get_text() for t in families.figure.texts if t.get_fontsize() == 17]
    assert titles == ["Welke behoeften delen de families?"]


def test_labels_say_groups_unless_asked_for_an_overlap_of_families() -> None:
    from needmap.reports.i18n import labels

    assert labels("en")["col.groups"] == labels("en", by_family=False)["col.groups"]
    assert labels("nl")["diagram.title"] == "Welke behoeften delen de groepen?"
    assert labels("nl", by_family=True)["diagram.title"] == "Welke behoeften delen de families?"


def test_venn_lists_need_titles_only_where_they_fit(gemeente: Study) -> None:
    three = render_diagram(
        draw_diagram(gemeente, compute_overlap(gemeente, THREE)), ".svg"
    ).decode()
    # BC holds one need: its count is set beside the circles, with room for its title
    assert "Veilig toegang van overal" in three
    # regions with more than MAX_LISTED needs never list titles
    assert "Informatie over projecten in de stad" not in three
    families = draw_diagram(gemeente, compute_overlap(gemeente, by_family=True))
    svg = render_diagram(families, ".svg").decode()
    # the one need of B sits in a thin crescent: named beside it, where there is room
    assert "Inloggen met DigiD en eHerkenning" in svg
    assert texts_outside(families.figure) == []


@pytest.mark.parametrize(("in_b", "listed"), [(3, True), (4, False)])
def test_a_region_lists_its_titles_up_to_three_needs(in_b: int, listed: bool) -> None:
    """MAX_LISTED: a region of four needs, with room for them, shows its count only."""
    needs = {
        **{f"ab{i}": {"a": "must", "b": "must"} for i in range(4)},
        **{f"a{i}": {"a": "must"} for i in range(4)},
        **{f"b{i}": {"b": "must"} for i in range(in_b)},
    }
    study = make_study({"a": 10, "b": 10}, needs)
    drawn = draw_diagram(study, compute_overlap(study))
    texts = [t.get_text() for t in drawn.figure.axes[0].texts]
    assert any("Need b0" in text for text in texts) is listed
    assert str(in_b) in texts
    if listed:  # centred under the region's count and code, in small dark grey
        [listing] = [t for t in drawn.figure.axes[0].texts if "Need b0" in t.get_text()]
        _assert_listed_under(listing, drawn.drawing.get_label_by_id("01"), "center")


def _assert_listed_under(listing: Text, count: Text, align: str) -> None:
    """A region's list of need titles starts 24 points under its count, aligned as
    ``align``, in 7.5-point dark grey with lines 1.15 apart."""
    ax, figure = count.axes, count.get_figure(root=True)
    assert ax is not None and figure is not None
    x, y = count.get_position()
    assert listing.get_position() == pytest.approx((x, y))
    points_below = ax.transData.transform((x, y))[1] - listing.get_transform().transform((x, y))[1]
    assert points_below == pytest.approx(24 * figure.dpi / 72)
    assert (listing.get_horizontalalignment(), listing.get_verticalalignment()) == (align, "top")
    assert (listing.get_fontsize(), listing.get_color()) == (7.5, "#333333")
    assert listing.get_linespacing() == 1.15


@pytest.mark.parametrize(("own", "listed"), [(10, True), (20, False)])
def test_titles_that_do_not_fit_their_region_are_left_out(own: int, listed: bool) -> None:
    """Three shared needs with long titles: beside ten needs of each group's own, the
    shared lens holds them shortened; beside twenty it is too narrow even for that, and
    the list is left out (the needs table has them)."""
    needs = {
        **{f"ab{i}": {"a": "must", "b": "must"} for i in range(3)},
        **{f"a{i}": {"a": "must"} for i in range(own)},
        **{f"b{i}": {"b": "must"} for i in range(own)},
    }
    study = make_study({"a": 10, "b": 10}, needs)
    titled = dataclasses.replace(
        study,
        needs=tuple(
            n.model_copy(update={"title": f"A rather long title of {n.id} in many words"})
            for n in study.needs
        ),
    )
    drawn = draw_diagram(titled, compute_overlap(titled))
    assert drawn.scaled
    texts = [t.get_text() for t in drawn.figure.axes[0].texts]
    assert any("A rather long title" in text for text in texts) is listed
    assert {"3", "AB"} <= set(texts)


def test_a_long_title_beside_the_circles_is_shortened_to_stay_on_the_png() -> None:
    """Two needs of B only, beside a thin crescent at the right: shortened to 42 characters,
    the first title measured inside the figure at 100 dpi but ran off the 200-dpi PNG. It
    is measured at the PNG's resolution now, and shortened further to fit."""
    needs = {
        **{f"ab{i}": {"a": "must", "b": "must"} for i in range(52)},
        **{f"a{i}": {"a": "must"} for i in range(52)},
        "b0": {"b": "must"},
        "b1": {"b": "must"},
    }
    study = make_study({"a": 1587, "b": 4886}, needs)
    long_titles = {
        "b0": "A rather long title for need number one with many words in it so that it breaks",
        "b1": "Sign in with DigiD and eHerkenning",
    }
    titled = dataclasses.replace(
        study,
        needs=tuple(
            n.model_copy(update={"title": long_titles.get(n.id, n.title)}) for n in study.needs
        ),
    )
    drawn = draw_diagram(titled, compute_overlap(titled))
    listed = [t.get_text() for t in drawn.figure.axes[0].texts if "Sign in" in t.get_text()]
    assert listed == ["Sign in with DigiD and…\nA rather long title for need…"]
    assert texts_outside(drawn.figure) == []
    png = Image.open(io.BytesIO(render_diagram(drawn, ".png"))).convert("L")
    edges = {png.getpixel((x, y)) for x in (0, png.width - 1) for y in range(png.height)}
    assert edges == {255}  # nothing drawn at the left or right edge of the PNG


def _placed(drawn: Diagram) -> tuple[list[str], list[str], list[str]]:
    """After the final layout: the counts that lie neither wholly inside their region nor
    wholly outside every circle, the counts set outside, and the circle labels that lie on
    another circle."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(drawn.figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    venn = drawn.drawing
    ax = drawn.figure.axes[0]
    to_data = ax.transData.inverted()
    circles = list(zip(venn.centers, venn.radii, strict=True))

    def points(text: Text) -> list[tuple[float, float]]:
        box = text.get_window_extent(renderer)
        return [
            (px, py)
            for px in (box.x0, (box.x0 + box.x1) / 2, box.x1)
            for py in (box.y0, (box.y0 + box.y1) / 2, box.y1)
        ]

    def on_circle(xy: tuple[float, float], circle: tuple[Any, Any]) -> bool:
        (x, y), (centre, radius) = to_data.transform(xy), circle
        return bool((x - centre.x) ** 2 + (y - centre.y) ** 2 < radius**2)

    misplaced, beside = [], []
    ids = (
        ("10", "01", "11")
        if len(circles) == 2
        else ("100", "010", "110", "001", "101", "011", "111")
    )
    for region_id in ids:
        label, patch = venn.get_label_by_id(region_id), venn.get_patch_by_id(region_id)
        if label is None or patch is None or not label.get_visible():
            continue
        corners = points(label)
        if all(not on_circle(p, c) for p in corners for c in circles):
            beside.append(label.get_text())
        elif not all(patch.contains_point(p) for p in corners):
            misplaced.append(label.get_text())
    crossing = [
        text.get_text()
        for i, text in enumerate(venn.set_labels)
        if any(on_circle(p, c) for p in points(text) for j, c in enumerate(circles) if j != i)
    ]
    return misplaced, beside, crossing


def test_long_group_names_leave_the_diagram_to_scale() -> None:
    """Three groups with names of four lines: drawn to scale, the names above and below the
    circles lay on the subtitle and the caption, so the diagram was drawn unscaled. The
    circles make room for the names first, and are fitted with the counts after."""
    sizes = {"A": 4, "B": 5, "AB": 7, "C": 14, "AC": 5, "BC": 6, "ABC": 3}
    needs = {
        f"{code.lower()}{i}": {g: "must" for g in code.lower()}
        for code, count in sizes.items()
        for i in range(count)
    }
    study = make_study({"a": 85, "b": 41, "c": 104}, needs, language="nl")
    names = {
        "a": "Zorgconsulenten Wet maatschappelijke ondersteuning",
        "b": "Leerplichtambtenaren en jeugdconsulenten",
        "c": "Medewerkers Burgerzaken en Publiekszaken",
    }
    named = dataclasses.replace(
        study, groups=tuple(g.model_copy(update={"name": names[g.id]}) for g in study.groups)
    )
    drawn = draw_diagram(named, compute_overlap(named))
    assert drawn.kind == "venn" and drawn.scaled
    misplaced, beside, crossing = _placed(drawn)
    assert misplaced == [] and beside == [] and crossing == []
    assert texts_outside(drawn.figure) == []
    assert _overlapping_texts(drawn.figure) == []


def test_a_thin_crescent_keeps_the_diagram_to_scale_with_its_count_beside(
    gemeente: Study,
) -> None:
    """26 needs of the employees alone, 19 shared, 1 of the residents alone: the residents'
    circle lies almost wholly inside the employees'. Its one need is a crescent too thin
    for its count, which goes beside it with a line, rather than drawing all unscaled."""
    families = draw_diagram(gemeente, compute_overlap(gemeente, by_family=True))
    assert families.scaled
    misplaced, beside, crossing = _placed(families)
    assert misplaced == [] and beside == ["1"]
    assert crossing == []  # the residents' label, below their circle, is moved below both
    three = draw_diagram(gemeente, compute_overlap(gemeente, THREE))
    assert three.scaled
    assert _placed(three) == ([], ["1"], [])


def test_a_count_beside_its_region_has_a_line_to_it_and_its_code_under_it(
    gemeente: Study,
) -> None:
    """The residents' one need of their own, beside their thin crescent: a plain line runs
    from the spot in the crescent to the count, which reads away from the circles, with its
    region's code under it in the codes' small grey. Every count is bold and dark."""
    from matplotlib.text import Annotation

    from needmap.reports.palette import INK
    from needmap.reports.venn import COUNT_LIFT

    drawn = draw_diagram(gemeente, compute_overlap(gemeente, by_family=True))
    ax = drawn.figure.axes[0]
    count = drawn.drawing.get_label_by_id("01")
    x, y = count.get_position()
    [line] = [t for t in ax.texts if isinstance(t, Annotation)]
    assert line.get_text() == "" and line.arrow_patch is not None
    assert line.arrowprops is not None and line.arrowprops["arrowstyle"] == "-"
    assert line.xyann == pytest.approx((x, y - COUNT_LIFT))
    crescent = drawn.drawing.get_patch_by_id("01")
    assert crescent.contains_point(ax.transData.transform(line.xy))
    assert line.xy[0] < x and count.get_horizontalalignment() == "left"
    [code] = [t for t in ax.texts if t.get_text() == "B"]
    assert code.get_position() == pytest.approx((x, y))
    points_below = ax.transData.transform((x, y))[1] - code.get_transform().transform((x, y))[1]
    assert points_below == pytest.approx(14 * drawn.figure.dpi / 72)
    assert code.get_gid() == count.get_gid() == "needmap-moved"
    assert code.get_horizontalalignment() == "left"
    assert (code.get_fontsize(), code.get_color()) == (9, "#444444")
    [listing] = [t for t in ax.texts if t.get_text() == "Inloggen met DigiD en eHerkenning"]
    _assert_listed_under(listing, count, "left")
    [inner] = [t for t in ax.texts if t.get_text() == "AB"]  # centred in its region
    assert inner.get_horizontalalignment() == "center" and inner.get_gid() is None
    for region_id in ("10", "01", "11"):
        label = drawn.drawing.get_label_by_id(region_id)
        assert (label.get_fontsize(), label.get_fontweight(), label.get_color()) == (
            COUNT_SIZE,
            "bold",
            INK,
        ), region_id


def test_a_count_straight_above_the_circles_stands_clear_of_the_line_to_it() -> None:
    """A one-need crescent atop the circles: its count goes straight above them, centred
    on the line to it. The line ended at the count's middle and ran through the code under
    it; count and code now stand above where the line ends."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Annotation

    sizes = {"100": 1, "010": 8, "110": 1, "001": 3, "101": 40, "011": 0, "111": 40}
    study = make_study(dict.fromkeys("abc", 1200), _needs_from_regions(sizes))
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.scaled
    canvas = FigureCanvasAgg(drawn.figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    ax = drawn.figure.axes[0]
    count = drawn.drawing.get_label_by_id("100")
    assert count.get_horizontalalignment() == "center"
    [code] = [t for t in ax.texts if t.get_text() == "A" and t.get_fontsize() == 9]
    [line] = [
        t
        for t in ax.texts
        if isinstance(t, Annotation) and t.xyann == pytest.approx(count.get_position())
    ]
    assert line.arrow_patch is not None
    end = numpy.asarray(line.arrow_patch.get_path().vertices, dtype=float)[-1].tolist()
    code_box, count_box = code.get_window_extent(renderer), count.get_window_extent(renderer)
    assert end[1] < code_box.y0 < count_box.y0
    assert count_box.x0 < end[0] < count_box.x1  # centred on the line
    assert _lines_through_texts(drawn.figure) == []


@pytest.mark.parametrize(
    ("dx", "align"),
    [
        (0.3, "left"),
        (0.021, "left"),
        (0.02, "center"),
        (0.0, "center"),
        (-0.02, "center"),
        (-0.021, "right"),
        (-0.3, "right"),
    ],
)
def test_a_count_beside_the_circles_reads_away_from_them(dx: float, align: str) -> None:
    """Right of its region a count starts at its spot, left of it ends there, and straight
    above or below (within 0.02) it is centred on the line."""
    from needmap.reports.venn import _side

    assert _side(dx) == align


LONG_NAMES = (
    "Baliemedewerkers en klantcontactcentrum",
    "Inwoners en ondernemers",
    "Beleidsadviseurs en projectmanagers",
)


def _overlapping_texts(figure: Figure) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap, after the final layout."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [
        (a, b)
        for i, (a, box) in enumerate(boxes)
        for b, other in boxes[i + 1 :]
        if box.overlaps(other)
    ]


def _lines_through_texts(figure: Figure) -> list[str]:
    """The texts a line to a count beside the circles runs through, as drawn (the line's
    own count and code included)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Annotation

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    crossed = []
    for line in (t for t in figure.axes[0].texts if isinstance(t, Annotation)):
        assert line.arrow_patch is not None
        path = line.arrow_patch.get_path()  # in pixels, as drawn: shortened at its ends
        along = numpy.asarray(path.interpolated(40).vertices, dtype=float).tolist()
        crossed += [
            text.get_text()
            for text in texts
            if any(text.get_window_extent(renderer).contains(x, y) for x, y in along)
        ]
    return crossed


@st.composite
def _region_sizes(draw: st.DrawFn) -> dict[str, int]:
    """Needs per region of two or three groups, each group with at least one need."""
    ids = draw(
        st.sampled_from([("10", "01", "11"), ("100", "010", "110", "001", "101", "011", "111")])
    )
    sizes = {i: draw(st.sampled_from([0, 0, 1, 1, 2, 3, 5, 8, 20, 40])) for i in ids}
    for g in range(len(ids[0])):
        if not any(sizes[i] for i in ids if i[g] == "1"):
            sizes[ids[g if g < 2 else 3]] = 1  # the group's own region
    return sizes


@example(sizes={"10": 40, "01": 1, "11": 25}, long_names=False)
@example(sizes={"10": 1, "01": 40, "11": 0}, long_names=True)  # a name once ran off the page
@example(  # once drawn to scale with the two names below on each other
    sizes={"100": 8, "010": 0, "110": 0, "001": 0, "101": 1, "011": 40, "111": 0},
    long_names=True,
)
@example(  # a count that fitted where it was measured, then was raised over the edge
    sizes={"100": 20, "010": 0, "110": 5, "001": 5, "101": 2, "011": 1, "111": 5},
    long_names=False,
)
@example(  # two identical circles inside a third: their names were moved onto the subtitle
    sizes={"100": 0, "010": 0, "110": 0, "001": 5, "101": 0, "011": 0, "111": 1},
    long_names=True,
)
@example(  # a count straight above the circles: the line to it ran through its code
    sizes={"100": 1, "010": 8, "110": 1, "001": 3, "101": 40, "011": 0, "111": 40},
    long_names=False,
)
@given(sizes=_region_sizes(), long_names=st.booleans())
@settings(max_examples=20, deadline=None, derandomize=True)  # the same cases each run: no flakes
def test_every_venn_can_be_read(sizes: dict[str, int], long_names: bool) -> None:
    """Whatever the sizes: each count inside its region or beside all circles, no circle's
    name on another circle, no text on another or off the figure."""
    n = len(next(iter(sizes)))
    study = make_study(dict.fromkeys("abc"[:n], 1200), _needs_from_regions(sizes))
    if long_names:
        named = tuple(
            g.model_copy(update={"name": LONG_NAMES[i]}) for i, g in enumerate(study.groups)
        )
        study = dataclasses.replace(study, groups=named)
    drawn = draw_diagram(study, compute_overlap(study))
    misplaced, _, crossing = _placed(drawn)
    assert misplaced == [] and crossing == []
    assert texts_outside(drawn.figure) == []
    assert _overlapping_texts(drawn.figure) == []
    assert _lines_through_texts(drawn.figure) == []


def test_a_name_on_another_circle_moves_above_or_below_them_all() -> None:
    """A inside B and C, its name above its circle but on theirs: it goes just above all
    circles; C inside B, its name below its circle but on B's: just below them all; to
    scale (a misplaced name would have had the diagram drawn unscaled)."""
    sizes = {"100": 0, "010": 10, "110": 0, "001": 0, "101": 0, "011": 10, "111": 3}
    study = make_study(dict.fromkeys("abc", 1200), _needs_from_regions(sizes))
    drawn = draw_diagram(study, compute_overlap(study))
    assert drawn.kind == "venn" and drawn.scaled
    [name] = [t for t in drawn.figure.axes[0].texts if t.get_text().startswith("A · A")]
    tops = [c.y + r for c, r in zip(drawn.drawing.centers, drawn.drawing.radii, strict=True)]
    assert name.get_verticalalignment() == "bottom"
    assert max(tops) < name.get_position()[1] < max(tops) + 0.1
    [below] = [t for t in drawn.figure.axes[0].texts if t.get_text().startswith("C · C")]
    bottoms = [c.y - r for c, r in zip(drawn.drawing.centers, drawn.drawing.radii, strict=True)]
    assert below.get_verticalalignment() == "top"
    assert min(bottoms) - 0.1 < below.get_position()[1] < min(bottoms)
    misplaced, _, crossing = _placed(drawn)
    assert misplaced == [] and crossing == []


def test_a_group_keeps_its_colour_in_every_picture(gemeente: Study) -> None:
    from needmap.model.units import choose_units
    from needmap.reports.palette import colour_of

    everyone = {u.id: colour_of(u) for u in choose_units(gemeente)}
    assert len(set(everyone.values())) == len(everyone)  # 9 groups, 9 colours
    for chosen in (["beleid", "balie"], ["bestuur"], ["burgers", "bureau", "bazen"]):
        assert {u.id: colour_of(u) for u in choose_units(gemeente, chosen)} == {
            g: everyone[g] for g in chosen
        }
    families = {u.id: colour_of(u) for u in choose_units(gemeente, by_family=True)}
    assert "#0072B2" not in families.values()  # the 'all groups' highlight stays unique


def test_upset_bars_stand_out_for_all_groups_and_take_a_single_group_s_colour(
    gemeente: Study,
) -> None:
    """The bar of what every group needs is the highlight, a bar of one group's own needs is
    that group's colour (as its circle and its row), and every other combination is grey."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    from needmap.model.units import choose_units
    from needmap.reports.palette import colour_of

    overlap = compute_overlap(gemeente)
    drawn = draw_diagram(gemeente, overlap)
    assert drawn.kind == "upset"
    colours = {u.id: colour_of(u).lower() for u in choose_units(gemeente)}
    region = {r.code: r for r in overlap.regions}
    expected = [
        HIGHLIGHT.lower()
        if len(region[code].units) == len(colours)
        else colours[region[code].units[0]]
        if len(region[code].units) == 1
        else "#555555"
        for code in drawn.shown_codes
    ]
    bars = drawn.figure.axes[0].patches
    assert [to_hex(bar.get_facecolor()) for bar in bars] == expected
    # and their columns of the matrix below are shaded in the same colour
    shaded = sorted(
        (round(band.get_x() + band.get_width() / 2), to_hex(band.get_facecolor()))
        for band in drawn.figure.axes[1].patches
        if isinstance(band, Rectangle) and band.get_alpha() == 0.10
    )
    assert shaded == [(x, c) for x, c in enumerate(expected) if c != "#555555"]
    assert expected.count(HIGHLIGHT.lower()) == 1 and "#555555" in expected
    assert len(set(expected) - {HIGHLIGHT.lower(), "#555555"}) >= 2  # groups of their own


def test_a_number_cell_is_its_text_everywhere_but_in_a_workbook(tmp_path: Path) -> None:
    from needmap.reports.toptasks_table import RankingTable, ranking_to_markdown, ranking_to_xlsx

    share, count, factor = (
        percent_cell(0.0554, "nl"),
        count_cell(1234, "nl"),
        decimal_cell(1.375, "nl", prefix="\u00d7"),
    )
    assert (share, count, factor) == ("5,5%", "1.234", "\u00d71,4")  # Dutch, as shown
    table = RankingTable(
        "T", ("Aandeel", "Aantal", "Factor"), ((share, count, factor),), (False,), (), language="nl"
    )
    assert "| 5,5% | 1.234 | \u00d71,4 |" in ranking_to_markdown(table)
    path = tmp_path / "t.xlsx"
    path.write_bytes(ranking_to_xlsx(table))
    row = [(c.value, c.number_format) for c in load_workbook(path).active[2]]
    assert row == [(0.0554, "0.0%"), (1234, "#,##0"), (1.375, '"\u00d7"0.0')]


@pytest.mark.parametrize(
    ("language", "line"),
    [("nl", "Werkinstructie;5,5%;1.234"), ("en", 'Work instruction,5.5%,"1,234"')],
)
def test_csv_is_split_as_the_languages_excel_splits_it(language: Language, line: str) -> None:
    """Dutch Excel splits CSV on semicolons (the comma is its decimal sign), English on
    commas: each opens the file straight into columns, numbers as numbers."""
    from needmap.reports.toptasks_table import RankingTable, ranking_to_csv

    task = "Werkinstructie" if language == "nl" else "Work instruction"
    row = (task, percent_cell(0.055, language), count_cell(1234, language))
    table = RankingTable("T", ("Taak", "%", "n"), (row,), (False,), (), language=language)
    assert ranking_to_csv(table).splitlines()[1] == line


def _many_groups(count: int, language: str = "en") -> Study:
    """``count`` groups with long names; need n1 matters to every group, n2 to the first."""
    groups = {f"g{i:02}": 10 for i in range(count)}
    levels = ("must", "should", "could")
    study = make_study(
        groups,
        {"n1": {g: levels[i % 3] for i, g in enumerate(groups)}, "n2": {"g00": "should"}},
        language=language,
    )
    named = tuple(
        g.model_copy(update={"name": f"Group {g.id} with a long name"}) for g in study.groups
    )
    return dataclasses.replace(study, groups=named)


@pytest.mark.parametrize(("count", "compact"), [(10, False), (11, True)])
def test_a_table_of_many_columns_is_headed_by_letter(count: int, compact: bool) -> None:
    table = _table(_many_groups(count))
    assert table.compact is compact
    html = table_to_html(table)
    assert ('<span class="column-key">' in html) is compact
    assert ('<span class="short" aria-hidden="true">K</span>' in html) is compact
    if compact:
        assert table.key == (
            "Columns: "
            + "; ".join(f"{chr(65 + i)} · Group g{i:02} with a long name" for i in range(count))
            + ". M = must, S = should, C = could."
        )
        # each importance keeps its word, for a screen reader and a mouse over it
        assert '<td class="level should" title="should"><span class="full">should</span>' in html


def test_the_needs_tables_upright_names_have_room_for_their_longest_word() -> None:
    """ "B · Klantcontactcentrummedewerkers" ran out of the top of its turned heading, over
    the key of the columns: the row of headings is as tall as that word needs (17.36em in
    DejaVu Sans, plus 1.5em); names of shorter words keep 13em."""
    study = _many_groups(2)
    named = (
        study.groups[0],
        study.groups[1].model_copy(update={"name": "Klantcontactcentrummedewerkers"}),
    )
    assert '<table class="needs matrix" style="--upright: 13em">' in table_to_html(_table(study))
    long_word = table_to_html(_table(dataclasses.replace(study, groups=named)))
    assert '<table class="needs matrix" style="--upright: 18.9em">' in long_word


def test_a_printed_table_of_many_columns_fits_its_page() -> None:
    """On A4, eleven or more columns no longer fit names and words: the PDF heads them by
    letter, with the key above the table, and marks importance by letter (Dutch here)."""
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.table_formats import table_to_page

    table = _table(_many_groups(14, "nl"))
    text = PdfReader(io.BytesIO(html_to_pdf(table_to_page(table)))).pages[0].extract_text()
    assert "Behoefte A B C D E F G H I J K L M N Gebied Platform" in text.splitlines()
    flowing = text.replace("\n", " ")
    assert "Kolommen: A · Group g00 with a long name;" in flowing
    assert "M = moet, Z = zou moeten, K = kan." in flowing
    assert "Need n1 M Z K M Z K M Z K M Z K M Z R1 · kern gedeeld platform" in text.splitlines()


LONG_NAME = "Medewerkers van de klantcontactcentra, baliefuncties en de digitale loketten"


@pytest.mark.parametrize(
    "names",
    [
        (
            LONG_NAME,
            "Buitendienstmedewerkers <handhaving> & toezicht op de openbare ruimte",
            "Beleid",
        ),
        ("Balie", "Buitendienst", LONG_NAME),  # below the bottom circle, above the caption
    ],
)
def test_names_of_four_lines_keep_clear_of_the_titles(names: tuple[str, str, str]) -> None:
    """A group name wrapped to four lines above a top circle reached into the subtitle of
    an unscaled diagram: the circles now shrink until every text of theirs keeps clear of
    the titles and the caption."""
    regions = {"100": 1, "010": 0, "110": 1, "001": 1, "101": 0, "011": 0, "111": 1}
    study = make_study({"a": 120, "b": 60, "c": 300}, _needs_from_regions(regions), language="nl")
    groups = tuple(
        g.model_copy(update={"name": n}) for g, n in zip(study.groups, names, strict=True)
    )
    study = dataclasses.replace(study, groups=groups)
    drawn = draw_diagram(study, compute_overlap(study))
    assert not drawn.scaled
    assert _overlapping_texts(drawn.figure) == []
    assert texts_outside(drawn.figure) == []
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(drawn.figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    _, subtitle, caption = (t.get_window_extent(renderer) for t in drawn.figure.texts)
    (ax,) = drawn.figure.axes
    shown = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
    boxes = [t.get_window_extent(renderer) for t in shown]
    assert max(b.y1 for b in boxes) < subtitle.y0  # below the subtitle's line, not beside it
    assert min(b.y0 for b in boxes) > caption.y1


def test_more_groups_than_colours_each_keep_a_colour() -> None:
    """Nine colours for groups and seven for families: a study with more goes round again
    in darker shades, so that 20 groups no longer share one pink three ways."""
    from needmap.model.units import Unit
    from needmap.reports.palette import FAMILY_COLOURS, GROUP_COLOURS, HIGHLIGHT, colour_of

    def unit(kind: str, index: int) -> Unit:
        return Unit(f"u{index}", "U", kind, (f"u{index}",), None, "A", index)  # type: ignore[arg-type]

    groups = [colour_of(unit("group", i)) for i in range(27)]
    families = [colour_of(unit("family", i)) for i in range(21)]
    assert groups[:9] == list(GROUP_COLOURS) and families[:7] == list(FAMILY_COLOURS)
    assert len(set(groups)) == 27 and len(set(families)) == 21
    assert HIGHLIGHT not in groups + families
    # #CC6677 is (204, 102, 119). 30% of the way to black (x 0.7): 142.8, 71.4, 83.3, so
    # 8F 47 53; 55% of the way (x 0.45): 91.8, 45.9, 53.55, so 5C 2E 36.
    assert groups[9] == "#8F4753"
    assert groups[18] == "#5C2E36"


@pytest.mark.parametrize("words", [11, 40])
def test_fit_line_keeps_the_largest_font_and_the_longest_text_that_fit(words: int) -> None:
    """A centred subtitle is made smaller in half points while that is enough, and only
    at the smallest size cut short: never smaller or shorter than it must be."""
    from needmap.reports.diagram import fit_line, text_renderer

    figure = Figure(figsize=(9.5, 7.6))
    full = " ".join(["Onderzoek"] * words)
    text = figure.text(0.5, 0.9, full, ha="center", fontsize=11)
    fit_line(figure, text)
    renderer = text_renderer(figure)
    limit = figure.bbox.width * 0.96

    def width(content: str, size: float) -> float:
        probe = figure.text(0.5, 0.5, content, ha="center", fontsize=size)
        extent: float = probe.get_window_extent(renderer).width
        probe.remove()
        return extent

    size = float(text.get_fontsize())
    shown = text.get_text()
    assert width(shown, size) <= limit
    assert (size * 2).is_integer()  # in half points
    if shown == full:  # made smaller only: half a point larger would not fit
        assert 8 < size < 11 and width(full, size + 0.5) > limit
    else:  # at the smallest size, cut: one character more would not fit
        assert size == 8 and shown.endswith("…")
        kept = len(shown) - 1
        assert width(full[: kept + 1] + "…", 8) > limit


def test_the_advice_counts_one_shared_need_in_the_singular() -> None:
    """ "1 need" on the platform, not "1 needs"; and "2 needs"."""
    from needmap.model.analysis import analyse_overlap
    from needmap.reports.overview import advice_fields

    shared = {"core": {"a": "must", "b": "must"}, "a-only": {"a": "must"}}
    one = analyse_overlap(make_study({"a": 10, "b": 10}, shared))
    assert advice_fields(one.advice, 2, "en")["shared_needs"] == "1 need"
    two = analyse_overlap(
        make_study({"a": 10, "b": 10}, {**shared, "too": {"a": "could", "b": "could"}})
    )
    assert advice_fields(two.advice, 2, "nl")["shared_needs"] == "2 behoeften"


@pytest.mark.parametrize(
    ("groups", "language", "shown"),
    [
        (1, "en", {"1,200"}),
        (2, "en", {"1,200", "1,100"}),
        (2, "nl", {"1.200", "1.100"}),
        (4, "en", {"1,200", "1,100", "2,300 ", "3,000"}),
        (4, "nl", {"1.200", "1.100", "2.300 ", "3.000"}),
    ],
)
def test_the_diagrams_write_a_thousand_needs_as_the_language_does(
    groups: int, language: str, shown: set[str]
) -> None:
    """1,200 needs of every group and 1,100 of the first alone: the circles' counts, the
    UpSet's bars, group totals and axis said 1200, and a Dutch reader takes 1,200 for one
    and a fifth."""
    ids = [f"g{i}" for i in range(groups)]
    needs = {f"a{i:04}": dict.fromkeys(ids, "must") for i in range(1200)}
    if groups > 1:
        needs |= {f"b{i:04}": {"g0": "must"} for i in range(1100)}
    study = make_study(dict.fromkeys(ids, 10), needs, language=language)
    drawn = draw_diagram(study, compute_overlap(study))
    render_diagram(drawn, ".png")  # the axes' ticks are labelled as the figure is drawn
    texts = {t.get_text() for t in drawn.figure.findobj(Text) if t.get_visible()}
    assert shown <= texts
    assert not {"1200", "1100", "2300 "} & texts
