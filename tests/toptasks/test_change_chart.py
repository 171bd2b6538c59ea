"""The chart of a survey held again: each task's share then and now, drawn and read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from needmap.cli import app
from needmap.model.toptasks import TaskResult, TopTasks
from needmap.model.toptasks_change import TaskChange, TopTasksChange, toptasks_trend
from needmap.reports.change_chart import (
    change_chart_alt,
    charted_changes,
    draw_change_chart,
    other_runs,
)
from needmap.reports.drawings import Drawings
from needmap.reports.i18n import Language
from needmap.reports.palette import HIGHLIGHT, INK
from tests.rendered import texts_outside
from tests.toptasks.conftest import runner
from tests.toptasks.test_compare import _two_runs

_FELL = "#d55e00"


def _data(values: ArrayLike) -> list[float]:
    """A line's coordinates as numbers."""
    return [float(v) for v in np.asarray(values, dtype=float)]


def _change(tasks: list[TaskChange], title: str = "Survey 2026") -> TopTasksChange:
    return TopTasksChange(
        survey="s2026",
        title=title,
        respondents=40,
        before_survey="s2024",
        before_title="Survey 2024",
        before_respondents=30,
        order="unweighted",
        tasks=tuple(tasks),
    )


_TASKS = [
    TaskChange("leave", "Book leave", 1, 0.40, 2, 0.25),  # rose 15.0 points
    TaskChange("phone", "Find a phone number", 2, 0.30, 1, 0.45),  # fell 15.0
    TaskChange("cafe", "See the café menu", 3, 0.20, None, None),  # new
    TaskChange("room", "Book a room", 4, 0.10, 3, 0.1004),  # fell 0.04: 0.0 as the table says
    TaskChange("bike", "Rent a bike", 5, 0.0, 4, 0.0),  # nobody, either time
    TaskChange("fax", "Send a fax", None, None, 5, 0.20),  # dropped
]


def test_each_row_joins_the_share_before_to_the_share_now() -> None:
    """A line from the share before to the share now, blue where it rose and orange where
    it fell, grey where it moved less than the table's tenth of a point; a new task has its
    share now only; the change in points at the row's end."""
    ax = draw_change_chart(_change(_TASKS), "en").axes[0]
    lines = {round(_data(line.get_ydata())[0]): line for line in ax.lines}
    assert sorted(lines) == [0, 1, 3]  # no line for the new task (row 2)
    assert _data(lines[0].get_xdata()) == [0.25, 0.40]
    assert _data(lines[1].get_xdata()) == [0.45, 0.30]
    assert [to_hex(str(lines[row].get_color())) for row in (0, 1, 3)] == [
        HIGHLIGHT.lower(),
        _FELL,
        "#888888",
    ]
    ends = [text.get_text() for text in ax.texts]
    assert ends == ["▲ 15.0", "▼ 15.0", "new", "0.0"]
    assert [to_hex(str(text.get_color())) for text in ax.texts] == [
        HIGHLIGHT.lower(),
        _FELL,
        "#888888",  # new: neither rose nor fell
        "#888888",
    ]
    faces = [to_hex(tuple(np.asarray(c.get_facecolor(), dtype=float)[0])) for c in ax.collections]
    assert [face for face in faces if face != "#ffffff"] == [
        HIGHLIGHT.lower(),
        _FELL,
        INK.lower(),  # new: a share now and nothing to compare it with
        "#888888",
    ]
    left, right = ax.get_xlim()
    assert left == 0 and 0.45 < right < 0.5  # every share in sight, the largest near the edge
    bottom, top = ax.get_ylim()
    assert bottom > 3 > 0 > top  # every row in sight, the first on top
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "1. Book leave",
        "2. Find a phone number",
        "3. See the café menu",
        "4. Book a room",
    ]


def test_the_rows_are_the_later_run_s_tasks_that_someone_chose() -> None:
    """In the later run's order: not a task only the earlier run asked (the table lists
    it), nor one nobody chose in either run; at most ``top``."""
    assert [t.id for t in charted_changes(_change(_TASKS))] == ["leave", "phone", "cafe", "room"]
    assert [t.id for t in charted_changes(_change(_TASKS), top=2)] == ["leave", "phone"]
    many = [TaskChange(f"t{i}", f"Task {i}", i, 0.01, i, 0.01) for i in range(1, 31)]
    assert len(charted_changes(_change(many))) == 20
    assert len(draw_change_chart(_change(many), "en").axes[0].get_yticklabels()) == 20


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_chart_s_texts_stay_inside_it_with_long_titles(language: Language) -> None:
    long = _change(_TASKS, title="Toptakenonderzoek intranet en extranet " * 6 + "2026")
    figure = draw_change_chart(long, language)
    assert texts_outside(figure) == []
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend[0] == "Survey 2024" and legend[1].endswith("…")


def test_a_group_s_chart_is_titled_with_the_group_and_described_for_a_screen_reader() -> None:
    from dataclasses import replace

    change = replace(_change(_TASKS), group="desk", group_name="Front desk")
    titles = [t.get_text() for t in draw_change_chart(change, "nl").texts]
    assert titles[:2] == [
        "Toptaken van Front desk toen en nu",
        "4 taken in de volgorde van de latere enquête; ongewogen aandelen",
    ]
    assert change_chart_alt(_change(_TASKS), "en").startswith(
        "Top tasks then and now: 4 tasks in the order of Survey 2026, each with its share in "
        "Survey 2024 (open circle) and in Survey 2026 (filled circle)"
    )


def test_a_build_draws_the_chart_once_for_its_page_its_picture_and_the_brief() -> None:
    drawings = Drawings()
    first = drawings.change_chart(_change(_TASKS), "en")
    assert drawings.change_chart(_change(_TASKS), "en") is first  # equal, not the same object
    assert drawings.change_chart(_change(_TASKS), "nl") is not first
    drawings.clear()
    assert drawings.change_chart(_change(_TASKS), "en") is not first


def test_the_cli_draws_the_comparison_s_chart_and_its_page_shows_it(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    base = ["toptasks", str(root), "--compare", "toptasks-2024", "--out"]
    for name in ("c.png", "c.svg", "c.html"):
        result = runner.invoke(app, [*base, str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "c.png").read_bytes().startswith(b"\x89PNG")
    assert "Top tasks then and now" in (tmp_path / "c.svg").read_text(encoding="utf-8")
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '<figure class="chart below-notes">\n  <img src="data:image/svg+xml;base64,' in page
    assert 'alt="Top tasks then and now: 6 tasks in the order of Top tasks intranet 2026' in page


def test_the_survey_s_other_runs_are_small_grey_marks_on_each_row() -> None:
    """Held three times or more, the chart has the runs other than the two compared on
    each row as well (in the same measure only), in the legend oldest first and in its
    words for who cannot see it; the table's trend gives their shares."""
    trend = toptasks_trend(
        [
            _run("s2020", "Survey 2020", {"leave": 0.5, "phone": 0.5}),
            _run("s2022", "Survey 2022", {"leave": 0.3, "fax": 0.7}),
            _run("s2024", "Survey 2024", {"leave": 0.25, "phone": 0.45}),
            _run("s2026", "Survey 2026", {"leave": 0.4, "phone": 0.3}),
        ]
    )
    change = replace(_change(_TASKS), trend=trend)
    assert [(title, shares) for title, shares in other_runs(change)] == [
        ("Survey 2022", {"leave": 0.3, "fax": 0.7}),
        ("Survey 2020", {"leave": 0.5, "phone": 0.5}),
    ]
    figure = draw_change_chart(change, "en")
    ax = figure.axes[0]
    grey = [
        c
        for c in ax.collections
        if to_hex(tuple(np.asarray(c.get_facecolor(), dtype=float)[0])) == "#9a9a9a"
    ]
    offsets = [np.asarray(c.get_offsets(), dtype=float).tolist() for c in grey]
    assert [sorted(tuple(point) for point in marks) for marks in offsets] == [
        [(0.3, 0.0)],  # 2022: leave on row 0 (the fax is not charted: dropped)
        [(0.5, 0.0), (0.5, 1.0)],  # 2020: leave and the phone number
    ]
    assert ax.get_xlim()[1] == pytest.approx(0.5 * 1.08)  # 2020's 50%; not the fax's 70%
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == ["Survey 2020", "Survey 2022", "Survey 2024", "Survey 2026"]
    assert change_chart_alt(change, "en").endswith(
        "Small grey marks: its share in the survey's other runs (Survey 2020; Survey 2022)."
    )
    weighted = replace(change, order="weighted")  # the trend's raw shares: not on this axis
    assert other_runs(weighted) == [] and "grey" not in change_chart_alt(weighted, "en")


def test_a_legend_too_wide_for_one_row_stands_one_under_another() -> None:
    """Three runs with long titles ran off both sides of the chart in one row: they stand
    one under another, oldest first, clear of the plot; short ones stay side by side."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    def legend_rows(titles: list[str]) -> tuple[Figure, list[float]]:
        trend = toptasks_trend(
            [
                _run(f"s{year}", title, {"leave": 0.5, "phone": 0.5})
                for year, title in zip((2022, 2024, 2026), titles, strict=True)
            ]
        )
        change = replace(_change(_TASKS, title=titles[2]), before_title=titles[1], trend=trend)
        figure = draw_change_chart(change, "en")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()  # type: ignore[no-untyped-call]  # the legend is placed when drawn
        renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
        texts = figure.legends[0].get_texts()
        return figure, [t.get_window_extent(renderer).y0 for t in texts]

    long = [f"Top-task survey of employees and volunteers, {year}" for year in (2022, 2024, 2026)]
    figure, rows = legend_rows(long)
    assert texts_outside(figure) == []
    assert rows[0] > rows[1] > rows[2]  # the oldest on top
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    legend = figure.legends[0].get_window_extent(renderer)
    assert legend.y0 > figure.axes[0].get_window_extent(renderer).y1  # above the plot
    _, short = legend_rows(["Survey 2022", "Survey 2024", "Survey 2026"])
    assert len(set(short)) == 1


def _run(survey: str, title: str, shares: dict[str, float]) -> TopTasks:
    """A run of the survey with these raw shares, ranked by them."""
    ranked = sorted(shares, key=lambda task: -shares[task])
    tasks = tuple(
        TaskResult(id=t, label=t, votes=0, share=shares[t], weighted_share=None, rank=rank)
        for rank, t in enumerate(ranked, start=1)
    )
    return TopTasks(
        survey=survey,
        title=title,
        order="unweighted",
        tasks=tasks,
        respondents=10,
        votes=10,
        cumulative=(),
        coverage_target=0.75,
        coverage=(),
        neck=(),
        weights={},
        notes=(),
        groups=(),
        suppressed=frozenset(),
        min_group_size=5,
        disagreements=(),
        needs=(),
    )
