"""The chart of a search log's monthly exports: which needs, which figures, and that its
names at the lines' ends stay apart and inside the picture."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from needmap.model.searches import analyse_searches
from needmap.personas.loader import load_study
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.reports.diagram import text_renderer
from needmap.reports.drawings import Drawings
from needmap.reports.i18n import Language
from needmap.reports.search_chart import (
    SEARCH_CHART_NEEDS,
    SearchTrend,
    draw_search_trend,
    search_trend_alt,
)
from needmap.reports.searches_report import render_searches_page, search_trends, study_searches
from tests.conftest import StudyMaker
from tests.rendered import texts_outside
from tests.search_logs import INTRANET, INTRANET_CSV, files_with_logs, leave_and_news, log_data


def _monthly(make_study: StudyMaker) -> Path:
    """The intranet's log as April, May and June (by hand: leave 27, 47 and 67 searches;
    the phone book 29 each month; the news none), beside the app's log."""
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*.csv")
    files["analytics/intranet-april.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;10")
    files["analytics/intranet-june.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;50")
    return make_study(files)


def test_a_log_of_monthly_exports_charts_its_most_searched_needs(make_study: StudyMaker) -> None:
    """Only the log of several exports has a chart; its needs most searched in it first,
    none it never found (the news, searched in the app only)."""
    study = load_study(_monthly(make_study))
    assert search_trends(study_searches(study), study) == [
        SearchTrend(
            "Intranet search",
            ("April", "May", "June"),
            (("Leave and holidays", (27, 47, 67)), ("Phone book", (29, 29, 29))),
        )
    ]


def test_the_chart_draws_a_line_per_need_named_at_its_end(make_study: StudyMaker) -> None:
    study = load_study(_monthly(make_study))
    [trend] = search_trends(study_searches(study), study)
    figure = draw_search_trend(trend, "en")
    [ax] = figure.axes
    assert [np.asarray(line.get_ydata()).tolist() for line in ax.get_lines()] == [
        [27, 47, 67],
        [29, 29, 29],
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["April", "May", "June"]
    named = {text.get_text(): text.get_position()[1] for text in ax.texts}
    assert list(named) == ["Phone book", "Leave and holidays"]  # lowest end first
    assert named["Leave and holidays"] > named["Phone book"]  # leave ends at 67, above 29
    assert [t.get_text() for t in figure.texts][:1] == ["Searches per export: Intranet search"]
    assert texts_outside(figure) == []
    assert search_trend_alt(trend, "en") == (
        "Line chart \u201cSearches per export: Intranet search\u201d: the searches of the 2 "
        "most searched needs in each of 3 exports, April to June. The table below gives every "
        "figure."
    )


def test_the_page_shows_the_chart_before_the_table_per_export(make_study: StudyMaker) -> None:
    study = load_study(_monthly(make_study))
    page = render_searches_page(study_searches(study), study)
    chart = page.index('<figure class="chart">')
    assert page.index("Needs people searched for") < chart
    assert chart < page.index('<table class="needs ranking by-log">')
    assert 'alt="Line chart \u201cSearches per export: Intranet search\u201d' in page
    assert "Intranet search (May 2026): 327 searches in 3 exports, April to June</li>" in page
    one = load_study(make_study(files_with_logs(), name="one"))
    assert '<figure class="chart">' not in render_searches_page(study_searches(one), one)
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*.csv")
    for month, term in (("may", b"x"), ("june", b"y")):  # terms of no need
        files[f"analytics/intranet-{month}.csv"] = b"Zoekterm;Aantal;Resultaten\n%s;3;0\n" % term
    files["analytics/intranet.yaml"] = str(files["analytics/intranet.yaml"]).replace(
        "Aantal zoekopdrachten", "Aantal"
    )
    none = load_study(make_study(files, name="none"))
    evidence = study_searches(none)
    assert evidence.logs[1].export_labels == ("may", "june")
    assert search_trends(evidence, none) == []


def test_at_most_six_needs_the_most_searched() -> None:
    """Eight needs searched 1 to 8 times in each of two exports: the six most searched."""
    needs = [{"need": f"n{i}", "terms": [f"term{i}"]} for i in range(1, 9)]
    data = dataclasses.replace(
        log_data([(f"term{i}", 2 * i, 0) for i in range(1, 9)], topics=needs),
        exports=("a.csv", "b.csv"),
        export_labels=("a", "b"),
        export_searches=tuple({f"term{i}": i for i in range(1, 9)} for _ in range(2)),
    )
    study = Study(
        root=Path(),
        settings=leave_and_news().settings,
        needs=tuple(Need(id=f"n{i}", title=f"Need {i}", kind="function") for i in range(1, 9)),
    )
    [trend] = search_trends(analyse_searches(study, [data]), study)
    assert len(trend.needs) == SEARCH_CHART_NEEDS
    assert trend.needs[0] == ("Need 8", (8, 8)) and trend.needs[-1] == ("Need 3", (3, 3))


@settings(max_examples=12, deadline=None)
@given(st.lists(st.integers(0, 500), min_size=1, max_size=SEARCH_CHART_NEEDS))
@example([0] * SEARCH_CHART_NEEDS)  # all at the bottom: the names go up
@example([500] * SEARCH_CHART_NEEDS)  # all at the top: the names go down, none above the plot
def test_the_names_at_the_lines_ends_never_overlap(ends: list[int]) -> None:
    """However close the lines end (six ending at one count), their names stand apart,
    each inside the picture, none above the plot's top."""
    trend = SearchTrend(
        "Intranet",
        ("March", "April"),
        tuple((f"Need number {i}", (10, end)) for i, end in enumerate(ends)),
    )
    figure = draw_search_trend(trend, "en")
    assert texts_outside(figure) == []  # which draws the figure
    renderer = text_renderer(figure)
    named = figure.axes[0].texts
    boxes = sorted((box.y0, box.y1) for box in (a.get_window_extent(renderer) for a in named))
    assert len(boxes) == len(ends)
    top = figure.axes[0].get_ylim()[1]
    assert all(name.get_position()[1] <= top for name in named)
    assert all(above[0] >= below[1] - 0.5 for below, above in itertools.pairwise(boxes))


def test_drawings_draw_the_chart_once_per_language() -> None:
    trend = SearchTrend("Intranet", ("March", "April"), (("Leave", (1, 2)),))
    drawings = Drawings()
    first = drawings.search_trend(trend, "en")
    assert drawings.search_trend(dataclasses.replace(trend), "en") is first  # equal will do
    assert drawings.search_trend(trend, "nl") is not first
    drawings.clear()
    assert drawings.search_trend(trend, "en") is not first


def test_a_build_draws_the_chart_once_for_the_page_and_the_brief(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from needmap.build import build_reports
    from needmap.reports import drawings

    drawn: list[SearchTrend] = []

    def counted(trend: SearchTrend, language: Language) -> Figure:
        drawn.append(trend)
        return draw_search_trend(trend, language)

    monkeypatch.setattr(drawings, "draw_search_trend", counted)
    build_reports(load_study(_monthly(make_study)), tmp_path / "out", pdf=False)
    assert len(drawn) == 1
    for page in ("searches.html", "brief.html"):
        assert '<figure class="chart">' in (tmp_path / "out" / page).read_text(encoding="utf-8")
