"""Top-task charts: the long neck and the per-group chart, drawn and measured."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from matplotlib.patches import Rectangle

from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.personas.study import Study
from needmap.reports.bundle import toptasks_files, write_toptasks_bundle
from needmap.reports.diagram import figure_bytes
from needmap.reports.i18n import Language
from needmap.reports.palette import HIGHLIGHT, MUTED
from needmap.reports.toptasks_charts import charted_tasks, draw_group_chart, draw_long_neck
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally
from tests.toptasks.conftest import mapping_of, named_study, property_study, tally_of, with_minimum

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox


@pytest.mark.parametrize("weighted", [True, False])
def test_the_long_neck_bars_add_up_to_its_cumulative_line(
    study: Study, mapping: SurveyMapping, tally: Tally, weighted: bool
) -> None:
    """The bars are the shares the ranking uses, weighted when it is: bar by bar they add up
    to the cumulative line drawn over them."""
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=weighted)
    assert (result.order == "weighted") is weighted
    (bars,) = draw_long_neck(result, "en").axes[0].containers  # the neck's span is no bar
    heights = [bar.get_height() for bar in bars]
    running = [sum(heights[: i + 1]) for i in range(len(heights))]
    assert running == pytest.approx(result.cumulative)


class _GroupChart(NamedTuple):
    figure: Figure
    names: list[Text]
    """The group names as drawn, left to right."""
    boxes: list[Bbox]
    """Where the names are, in pixels."""
    title: Bbox


def _group_chart(
    names: dict[str, str], tasks: int, language: Language, label: str = "Task {}"
) -> _GroupChart:
    """The per-group chart of groups with these names, drawn: each with falling votes on
    ``tasks`` tasks, labelled ``label`` with their id."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    ids = tuple(f"t{i}" for i in range(tasks))
    tally = tally_of(
        {g: (20 + i, [tasks - j for j in range(tasks)]) for i, g in enumerate(names)}, ids
    )
    mapping = mapping_of({t: label.format(t) for t in ids})
    figure = draw_group_chart(analyse_toptasks(named_study(names), mapping, tally), language)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    (ax,) = figure.axes
    drawn = [name for name in ax.get_xticklabels() if name.get_text()]
    title = max(figure.texts, key=lambda text: text.get_fontsize())
    return _GroupChart(
        figure,
        drawn,
        [name.get_window_extent(renderer) for name in drawn],
        title.get_window_extent(renderer),
    )


def test_privacy_group_chart(private: TopTasks) -> None:
    svg = figure_bytes(draw_group_chart(private, "en"), ".svg").decode()
    assert svg.count("n&lt;4") >= 6
    assert "n=3" not in svg
    assert ">60%<" not in svg.replace(" ", "")


def test_a_hidden_group_s_column_is_hatched_grey_with_n_below_the_minimum(
    private: TopTasks,
) -> None:
    """Each cell of a group too small to show is a grey hatched square saying why, at
    the group's column; the others are shaded by their share and read it. A note under
    the chart says why cells are hidden."""
    figure = draw_group_chart(private, "en")
    (ax,) = figure.axes
    hidden = {x for x, group in enumerate(private.groups) if group.suppressed}
    assert hidden and len(hidden) < len(private.groups)
    cells = [p for p in ax.patches if isinstance(p, Rectangle)]
    hatched = {(p.get_x(), p.get_y()) for p in cells if p.get_hatch() == "///"}
    rows = range(len({(p.get_y()) for p in cells}))
    assert hatched == {(x, y) for x in hidden for y in rows}
    assert all(to_hex(p.get_facecolor()) == "#eeeeee" for p in cells if p.get_hatch())
    marks = {(t.get_position(), t.get_text()) for t in ax.texts if t.get_text() == "n<4"}
    assert {position for position, _ in marks} == {(x + 0.5, y + 0.5) for x, y in hatched}
    assert {(p.get_width(), p.get_height()) for p in cells} == {(1, 1)}
    tasks = charted_tasks(private)
    assert {(t.get_position(), t.get_text()) for t in ax.texts if t.get_text() != "n<4"} == {
        ((x + 0.5, y + 0.5), f"{group.shares.get(task.id, 0.0):.0%}")
        for x, group in enumerate(private.groups)
        if not group.suppressed
        for y, task in enumerate(tasks)
    }
    assert ax.get_xlim() == (0, len(private.groups))
    assert list(ax.get_xticks()) == [x + 0.5 for x in range(len(private.groups))]
    assert figure.texts[-1].get_text().startswith("Groups with fewer than 4 respondents are")
    # read top down: the first task's row at the top, its name beside it
    assert ax.yaxis_inverted() and ax.get_ylim() == (len(rows), 0)
    assert ax.get_yticklabels()[0].get_text().startswith("1. ")


def test_long_neck_chart_renders(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    svg = figure_bytes(
        draw_long_neck(analyse_toptasks(study, mapping, tally), "en"), ".svg"
    ).decode()
    assert "long neck (one task, 29%)" in svg
    assert "3 tasks = 77%" in svg


def test_long_neck_label_is_clear_of_the_cumulative_line() -> None:
    """Votes on a few of many tasks: the line climbs to 100% under the neck's label, which
    must not sit on it (it did, inside the plot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.path import Path as CurvePath

    from tests.studies import make_study

    tasks = tuple(f"t{i:02}" for i in range(22))
    mapping = mapping_of({t: f"Task {t}" for t in tasks})
    tally = tally_of({"g1": (40, [31, 25, 25, 22, 17] + [0] * 17)}, tasks)
    study = make_study({"g1": 100}, {})
    figure = draw_long_neck(analyse_toptasks(study, mapping, tally), "en")
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    bars, line = figure.axes
    (label,) = [t for t in bars.texts + line.texts if t.get_text().startswith("long neck")]
    box = label.get_window_extent(renderer)
    cumulative = max(line.get_lines(), key=lambda drawn: len(drawn.get_xdata()))  # type: ignore[arg-type]
    curve = CurvePath(line.transData.transform(cumulative.get_xydata()))
    assert not curve.intersects_bbox(box, filled=False)


def _drawn_neck(tasks: int, label: str) -> Figure:
    """The long neck of ``tasks`` tasks named ``label`` with their id, with falling votes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from tests.studies import make_study

    ids = tuple(f"t{i:02}" for i in range(tasks))
    votes = [60 - i * 50 // tasks for i in range(tasks)]
    analysis = analyse_toptasks(
        make_study({"g1": 300}, {}),
        mapping_of({t: f"{label} {t}" for t in ids}),
        tally_of({"g1": (200, votes)}, ids),
    )
    figure = draw_long_neck(analysis, "en")
    FigureCanvasAgg(figure).draw()  # type: ignore[no-untyped-call]
    return figure


@pytest.mark.parametrize(
    ("tasks", "label"),
    [(6, "Plan a meeting with lunch and projector"), (18, "A task with a long label"), (60, "T")],
)
def test_long_neck_axis_texts_fill_the_figure_and_stay_inside(tasks: int, label: str) -> None:
    """Wrapped labels under six bars left a sixth of the chart empty below them; slanted
    labels of eighteen tasks ran off its left edge. Every axis text now lies inside the
    figure, the outermost just inside its left, right and bottom edges."""
    figure = _drawn_neck(tasks, label)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    bars, line = figure.axes
    measured = [part.get_tightbbox(renderer) for part in (bars.xaxis, bars.yaxis, line.yaxis)]
    boxes = [box for box in measured if box is not None]
    assert len(boxes) == 3
    assert 0 <= min(box.x0 for box in boxes) < 0.03 * figure.bbox.width
    assert 0.97 * figure.bbox.width < max(box.x1 for box in boxes) <= figure.bbox.width
    assert 0 <= min(box.y0 for box in boxes) < 0.05 * figure.bbox.height


@pytest.mark.parametrize(
    ("tasks", "named", "slanted", "shares", "inches", "listed"),
    [
        (10, 10, False, "0% 5% 10% 15% 20%", 9.0, 0),
        (11, 11, True, "0% 5% 10% 15% 20%", 9.0, 0),
        (25, 25, True, "0% 1% 2% 3% 4% 5% 6% 7% 8%", 11.0, 0),
        (26, 6, False, "0% 1% 2% 3% 4% 5% 6% 7% 8%", 11.32, 5),
        (60, 13, False, "0.0% 0.5% 1.0% 1.5% 2.0% 2.5% 3.0% 3.5%", 16.0, 8),
    ],
)
def test_long_neck_names_every_bar_up_to_25_tasks(
    tasks: int, named: int, slanted: bool, shares: str, inches: float, listed: int
) -> None:
    """Up to ten tasks, each bar's name stands under it, wrapped; up to 25, slanted; beyond,
    the bars are numbered 1, 5, 10 … and the neck's tasks named in a list, eight at most
    (the neck of 26 tasks has 5, of 60 has 10). The share axis has as many decimals as its
    step needs, and no more. The chart is 9 inches wide, plus 0.32 a task beyond 18, 16 at
    most."""
    figure = _drawn_neck(tasks, "T")
    bars, line = figure.axes
    ticks = [tick for tick in bars.get_xticklabels() if tick.get_text()]
    assert len(ticks) == named
    assert {tick.get_rotation() for tick in ticks} == {40.0 if slanted else 0.0}
    assert (ticks[0].get_text() == "T t00") is (tasks <= 25)
    assert " ".join(tick.get_text() for tick in bars.get_yticklabels()) == shares
    assert figure.get_figwidth() == pytest.approx(inches)
    lists = [t.get_text() for t in line.texts if t.get_text().startswith("1. ")]
    assert [len(text.splitlines()) for text in lists] == ([listed] if listed else [])


def test_the_group_chart_shows_the_top_12_tasks_with_votes_darkest_at_the_peak() -> None:
    """Rows nobody voted for say nothing per group and are left out; twelve rows at most by
    default. The colour scale runs to the chart's highest share, whatever its size: the
    darkest cell is the peak (with white figures), not a cell of 100%."""
    from matplotlib import colormaps
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    from tests.studies import make_study

    ids = tuple(f"t{i:02}" for i in range(16))
    votes = [30 - i for i in range(14)] + [0, 0]
    tally = tally_of({"g1": (100, votes), "g2": (80, [*votes[::-1][2:], 0, 0])}, ids)
    result = analyse_toptasks(
        make_study({"g1": 100, "g2": 100}, {}), mapping_of({t: f"Task {t}" for t in ids}), tally
    )
    (ax,) = draw_group_chart(result, "en").axes
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        f"{t.rank}. Task {t.id}" for t in result.tasks[:12]
    ]
    few = draw_group_chart(result, "en", top=16).axes[0]
    assert len(few.get_yticklabels()) == 14  # the two tasks without votes are left out
    peak = max(result.groups, key=lambda g: max(g.shares.values()))
    cells = {
        (int(p.get_x()), int(p.get_y())): to_rgba(p.get_facecolor())
        for p in few.patches
        if isinstance(p, Rectangle)
    }
    darkest = min(cells.items(), key=lambda item: sum(item[1][:3]))
    x, y = darkest[0]
    assert result.groups[x] == peak
    assert result.tasks[y].id == max(peak.shares, key=lambda t: peak.shares[t])
    assert darkest[1] == pytest.approx(colormaps["Blues"](0.9))
    [figure] = [t for t in few.texts if t.get_position() == (x + 0.5, y + 0.5)]
    assert figure.get_color() == "white"


def test_small_shares_get_distinct_percentages() -> None:
    """Sixty tasks of a few percent each: the share axis read 0%, 0%, 1%, 1%, 2% …"""
    bars = _drawn_neck(60, "T").axes[0]
    shown = [tick.get_text() for tick in bars.get_yticklabels() if tick.get_text()]
    assert len(shown) == len(set(shown)) >= 3


def test_chart_texts_are_inside_the_figure(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    from tests.rendered import texts_outside

    result = analyse_toptasks(study, mapping, tally)
    for language in ("en", "nl"):
        assert texts_outside(draw_long_neck(result, language)) == []
        assert texts_outside(draw_group_chart(result, language)) == []


def test_a_long_survey_title_is_made_to_fit_the_chart(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """The subtitle names the survey and sums it up; centred, a long one was cut off at
    both edges of the chart."""
    from tests.rendered import texts_outside

    result = analyse_toptasks(study, mapping, tally)
    long = replace(result, title="Toptakenonderzoek " * 12 + "2026")
    figure = draw_long_neck(long, "nl")
    assert texts_outside(figure) == []
    assert any(t.get_text().endswith("…") for t in figure.texts)


@pytest.mark.parametrize("tasks", [18, 40])
def test_long_neck_with_many_tasks(tasks: int) -> None:
    from tests.rendered import texts_outside

    study, _ = property_study()
    mapping = mapping_of(
        {f"t{i}": f"Een taak met een wat langere naam {i}" for i in range(tasks)},
        title="Een lange lijst taken",
    )
    ids = tuple(f"t{i}" for i in range(tasks))
    tally = tally_of(
        {
            "g1": (100, [200 // (i + 1) for i in range(tasks)]),
            "g2": (50, [3 + i % 7 for i in range(tasks)]),
        },
        ids,
    )
    result = analyse_toptasks(study, mapping, tally)
    figure = draw_long_neck(result, "nl")
    assert texts_outside(figure) == []
    bars, line = figure.axes
    title, subtitle = (t.get_text() for t in figure.texts)
    assert title == "De lange nek van de toptaken"
    assert subtitle.startswith("Een lange lijst taken — 150 respondenten")
    (target,) = [t for t in line.get_lines() if t.get_linestyle() == "--"]
    assert target.get_ydata() == pytest.approx([0.75, 0.75])
    cover = f"{len(result.coverage)} taken = {result.cumulative[len(result.coverage) - 1]:.0%}"
    assert [t.get_text() for t in line.texts][:2] == ["75%", cover]
    if tasks <= 25:  # each bar named under it
        assert len([t for t in bars.get_xticklabels() if t.get_text()]) == tasks
        return
    assert list(bars.get_xticks()) == [1, 5, 10, 15, 20, 25, 30, 35, 40]
    assert bars.get_xlabel() == "Taken op rang"
    named = [f"{t.rank}. {t.label}" for t in result.tasks[: len(result.neck)]]
    assert 0 < len(named) <= 8 and line.texts[2].get_text() == "\n".join(named)


@pytest.mark.parametrize("spread", ["even", "steep"])
def test_the_list_of_the_neck_s_tasks_covers_no_bar(spread: str) -> None:
    """Votes spread nearly evenly over 60 tasks make the tail bars nearly as tall as the
    neck's: the bars' axis is raised so that they end below the list (it covered eight of
    them). A steep neck's short tail leaves the axis as it was: 20% above the tallest bar."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from tests.studies import make_study

    ids = tuple(f"t{i:02}" for i in range(60))
    votes = (
        [130 - i for i in range(60)] if spread == "even" else [3000 // (i + 1) for i in range(60)]
    )
    figure = draw_long_neck(
        analyse_toptasks(
            make_study({"g1": 3000}, {}),
            mapping_of({t: f"Do task number {t} of the long list" for t in ids}),
            tally_of({"g1": (2000, votes)}, ids),
        ),
        "en",
    )
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    bars, line = figure.axes
    (listed,) = [t for t in line.texts if t.get_text().startswith("1. Do task")]
    patch = listed.get_bbox_patch()
    assert patch is not None
    box = patch.get_window_extent(renderer)
    (container,) = [c for c in bars.containers if isinstance(c, BarContainer)]
    drawn = list(container.patches)
    assert len(drawn) == 60 and min(p.get_height() for p in drawn) > 0
    assert not [p for p in drawn if p.get_window_extent(renderer).overlaps(box)]
    tallest = max(p.get_height() for p in drawn)
    assert (bars.get_ylim()[1] > 1.2 * tallest) == (spread == "even")


@pytest.mark.parametrize("count", [8, 17])
def test_a_chart_of_many_groups_stands_their_names_up(count: int) -> None:
    """Seventeen groups side by side at 1.25 inch each made a chart 26 inches wide, shown
    at half size on a page or a screen; from nine groups on the columns narrow and the
    names stand upright, inside the figure, under the title and clear of each other."""
    groups = {f"g{i:02}": f"Group g{i:02} of the whole organisation" for i in range(count)}
    figure, names, boxes, title = _group_chart(groups, 12, "en")
    (ax,) = figure.axes
    width = figure.get_size_inches()[0]
    assert len(boxes) == count
    assert all(b.y1 <= title.y0 and b.x0 >= 0 and b.x1 <= figure.bbox.x1 for b in boxes)
    assert all(a.x1 <= b.x0 for a, b in itertools.pairwise(boxes))
    columns = ax.get_position().width * width  # inches
    if count > 8:
        assert {label.get_rotation() for label in names} == {90.0}
        assert columns == pytest.approx(0.6 + 0.62 * count)
    else:
        assert {label.get_rotation() for label in names} == {0.0}
        assert columns == pytest.approx(0.6 + 1.25 * count)
    # the columns start where the task names end, not at a margin made for longer names
    rows = [label.get_window_extent() for label in ax.get_yticklabels()]
    assert 0.2 < min(b.x0 for b in rows) / figure.dpi < 0.4


def test_group_names_wrap_by_their_measure_and_the_widest_word_sets_the_columns() -> None:
    """At 16 characters a line, "Beleidsadviseurs en projectmanagers" took three lines
    with "en" alone. Names are measured now, with a short word kept with the next: each
    line may be as wide as the widest word of any name ("Bureaumedewerkers", wider than a
    1.25-inch column), and the columns widen to keep the names clear of each other; a
    line is filled before the next begins ("Noord en Zuid"). A name of five lines stays
    below the title."""

    names = {
        "g1": "Bureaumedewerkers Noord en Zuid",
        "g2": "Beleidsadviseurs en projectmanagers",
        "g3": "Beveiliging, catering en facilitair",
        "g4": "Buitendienst",
        "g5": "Medewerkers van de buitendienst en de wijkteams van de gemeente",
    }
    figure, labels, boxes, title = _group_chart(names, 4, "nl", "Task {}, named at some length")
    (ax,) = figure.axes
    assert [label.get_text().rsplit("\n", 1)[0] for label in labels] == [
        "Bureaumedewerkers\nNoord en Zuid",
        "Beleidsadviseurs\nen projectmanagers",
        "Beveiliging, catering\nen facilitair",
        "Buitendienst",
        "Medewerkers\nvan de buitendienst\nen de wijkteams\nvan de gemeente",
    ]
    assert all(b.x0 - a.x1 >= 0.09 * figure.dpi for a, b in itertools.pairwise(boxes))
    assert title.y0 - max(b.y1 for b in boxes) > 0.1 * figure.dpi
    column = (ax.get_position().width * figure.get_size_inches()[0] - 0.6) / len(names)
    assert 1.4 < column < 1.6
    from tests.rendered import texts_outside

    assert texts_outside(figure) == []


@pytest.mark.parametrize("count", [3, 9], ids=["across", "upright"])
def test_a_name_of_any_length_leaves_the_columns_as_wide_as_a_long_word_makes_them(
    count: int,
) -> None:
    """A column is as wide as the widest word of the names: one name of four hundred
    letters made the chart forty thousand pixels wide. A word is cut to 36 characters and
    a name to 80, each ending in "…" (the table beside the chart has it whole)."""
    plain = {f"g{i}": f"Groep {i}" for i in range(count)}
    long = {**plain, "g0": "Supercalifragilistic" * 20, "g1": "Medewerkers van " * 10}
    normal = _group_chart(plain, 4, "nl").figure.get_size_inches()[0]
    drawn = _group_chart(long, 4, "nl")
    assert drawn.figure.get_size_inches()[0] < normal * 2.5
    first, second = (label.get_text().rsplit("\n", 1)[0] for label in drawn.names[:2])
    assert first.replace("\n", "") == ("Supercalifragilistic" * 2)[:35] + "…"
    assert second.replace("\n", " ").endswith("…") and len(second) <= 82
    from tests.rendered import texts_outside

    assert texts_outside(drawn.figure) == []


def test_upright_group_names_wrap_by_their_measure_below_the_title() -> None:
    """Upright names were wrapped at 24 characters, which left "en" at the end of a line
    ("Beleidsadviseurs en / projectmanagers"), and the heading was sized by counting
    characters. Now they are measured as the names across are, a short word kept with the
    next, and the heading is as tall as the widest line, with room below the title."""

    names = {
        "g1": "Beleidsadviseurs en projectmanagers",
        "g2": "Teamleiders en afdelingshoofden",
        "g3": "Beveiliging, catering en facilitair",
        "g4": "Bestuurders en directie",
        **{f"h{i}": f"Groep {i}" for i in range(5)},
    }
    figure, labels, boxes, title = _group_chart(names, 4, "nl", "{}")
    assert {label.get_rotation() for label in labels} == {90.0}
    assert [label.get_text().rsplit("\n", 1)[0] for label in labels[:4]] == [
        "Beleidsadviseurs\nen projectmanagers",
        "Teamleiders\nen afdelingshoofden",
        "Beveiliging, catering\nen facilitair",
        "Bestuurders en directie",
    ]
    gap = title.y0 - max(b.y1 for b in boxes)
    assert 0.15 * figure.dpi < gap < 0.3 * figure.dpi


def test_the_bundle_writes_each_chart_under_its_own_name(
    study: Study, mapping: SurveyMapping, tally: Tally, tmp_path: Path
) -> None:
    """What ``build`` writes for a survey: the long neck as ``-neck.png``, the groups'
    chart as ``-groups.png`` (the same bytes as each drawn by itself), and every file it
    names, in order, to the progress it is given and as its result."""
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    seen: list[Path] = []
    written = write_toptasks_bundle(result, "en", "Org", tmp_path, progress=seen.append)
    assert written == seen == [tmp_path / name for name in toptasks_files(result.survey)]
    assert all(path.stat().st_size > 0 for path in written)
    neck, groups = (tmp_path / f"toptasks-{result.survey}-{n}.png" for n in ("neck", "groups"))
    assert neck.read_bytes() == figure_bytes(draw_long_neck(result, "en"), ".png")
    assert groups.read_bytes() == figure_bytes(draw_group_chart(result, "en"), ".png")


def test_the_long_neck_marks_its_neck_and_the_tasks_that_cover_the_target(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """The neck's bars in the highlight and under a band of their own, the rest of the
    covering set a lighter blue, the other tasks grey; the cumulative line on its own axis,
    with what each axis holds said beside it."""
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    neck, cover, n = len(result.neck), len(result.coverage), len(result.tasks)
    assert 0 < neck < cover < n
    bars_axes, line_axes = draw_long_neck(result, "en").axes
    (bars,) = bars_axes.containers
    assert isinstance(bars, BarContainer)
    colours = [to_hex(bar.get_facecolor()) for bar in bars]
    assert colours == [HIGHLIGHT.lower()] * neck + ["#7a9cb8"] * (cover - neck) + [
        MUTED.lower()
    ] * (n - cover)
    (band,) = [p for p in bars_axes.patches if p not in bars.patches]
    assert isinstance(band, Rectangle)
    assert band.get_x() == 0.5 and band.get_width() == neck
    (line, *_) = line_axes.get_lines()
    assert line.get_ydata() == pytest.approx(result.cumulative)
    assert (bars_axes.get_ylabel(), line_axes.get_ylabel()) == (
        "Share of votes",
        "Cumulative share",
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Book leave", "Book leave"),
        ("Find  a\ncolleague", "Find a colleague"),
        ("Find a colleague, by name or expertise", "Find a colleague, by…"),
        ("Arbeidsongeschiktheidsverzekeringsaanvraag", "Arbeidsongeschiktheids…"),
        ("", ""),
    ],
)
def test_a_chart_label_is_shortened_between_words_or_else_within_its_first(
    text: str, shown: str
) -> None:
    """``textwrap.shorten`` gave "…" alone for a label whose first word is longer than
    the room: the label was lost from the chart."""
    from needmap.reports.wrapping import shortened

    assert shortened(text, 23) == shown
