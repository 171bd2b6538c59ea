"""Top-task analysis: hand-checked numbers, properties, and privacy in every output."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.model.toptasks import (
    TopTasks,
    analyse_toptasks,
    coverage_set,
    group_breakdown,
    post_stratification_weights,
    suppressed_groups,
)
from needmap.personas.study import Study
from needmap.reports.diagram import figure_bytes
from needmap.reports.i18n import Language, note_text
from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck
from needmap.reports.toptasks_table import (
    RankingTable,
    build_evidence,
    build_group_ranking,
    build_ranking,
    build_weights,
    group_ranking_to_json,
    ranking_to_csv,
    ranking_to_markdown,
    ranking_to_xlsx,
    summary_text,
    toptasks_to_json,
)
from needmap.surveys import import_survey, load_mapping, load_survey
from needmap.surveys.catalog import over_headcount
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import OUTSIDE, Tally
from tests.conftest import SURVEY_FIXTURES, private_survey_study

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

runner = CliRunner()


@pytest.fixture(scope="module")
def study() -> Study:
    return load_study(SURVEY_FIXTURES / "study")


@pytest.fixture(scope="module")
def mapping(study: Study) -> SurveyMapping:
    return load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)


@pytest.fixture(scope="module")
def tally(study: Study, mapping: SurveyMapping) -> Tally:
    return import_survey(mapping, SURVEY_FIXTURES / "exports" / "long.csv").tally


def _with_minimum(study: Study, minimum: int) -> Study:
    privacy = study.settings.privacy.model_copy(update={"min_group_size": minimum})
    settings = study.settings.model_copy(update={"privacy": privacy})
    return Study(root=study.root, settings=settings, groups=study.groups, needs=study.needs)


# Unweighted, by hand: leave 7, colleague 5, meeting 4, cafe 3, expense 3, printer 3 of 25 votes;
# equal votes rank as a reader files the labels: "Claim expenses", "Report a broken printer",
# "See the café menu".
# Weighted (headcounts desk 10, field 30, office 60; respondents 5, 3, 3 of 11 in groups):
#   w_desk = 0.1 / (5/11) = 0.22, w_field = 0.3 / (3/11) = 1.1, w_office = 0.6 / (3/11) = 2.2
#   denominator 0.22*12 + 1.1*5 + 2.2*7 = 23.54 (the outside respondent is not weighted)
#   meeting (0.22*1 + 2.2*3) / 23.54 = 6.82 / 23.54, leave 6.16, colleague 5.06, cafe 2.42,
#   expense 1.54, printer 1.54.


def test_unweighted_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    result = analyse_toptasks(_with_minimum(study, 1), mapping, tally, weighted=False)
    assert result.order == "unweighted"
    assert [(t.id, t.votes, t.share) for t in result.tasks] == [
        ("leave", 7, 0.28),
        ("colleague", 5, 0.20),
        ("meeting", 4, 0.16),
        ("expense", 3, 0.12),
        ("printer", 3, 0.12),
        ("cafe", 3, 0.12),
    ]
    assert result.cumulative == pytest.approx((0.28, 0.48, 0.64, 0.76, 0.88, 1.0))
    assert result.coverage == ("leave", "colleague", "meeting", "expense")
    assert result.neck == ("leave",)
    assert result.respondents == 12 and result.votes == 25
    assert result.weights == {}


def test_the_page_leads_with_the_coverage_then_the_neck_then_the_counts(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    from needmap.reports.toptasks_page import render_toptasks_page

    one = analyse_toptasks(_with_minimum(study, 1), mapping, tally, weighted=False)
    page = render_toptasks_page(one, "en", "Test org")
    lead = [
        page.index("4 of 6 tasks take 75% of the votes."),
        page.index("The long neck: one task takes a quarter of the votes."),
        page.index("12 respondents, 25 votes on 6 tasks"),
    ]
    assert lead == sorted(lead)
    even = _tally({"g1": (5, [2, 2, 2, 2, 2])})  # five tasks of 20%: the neck takes two
    two = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, even, weighted=False)
    assert "The long neck: 2 tasks take a quarter of the votes." in render_toptasks_page(
        two, "en", "Test org"
    )


def test_weighted_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    result = analyse_toptasks(_with_minimum(study, 1), mapping, tally)  # nothing hidden
    assert result.order == "weighted"
    assert dict(result.weights) == pytest.approx({"desk": 0.22, "field": 1.1, "office": 2.2})
    shares = {t.id: t.weighted_share for t in result.tasks}
    assert shares == pytest.approx(
        {
            "meeting": 6.82 / 23.54,
            "leave": 6.16 / 23.54,
            "colleague": 5.06 / 23.54,
            "cafe": 2.42 / 23.54,
            "expense": 1.54 / 23.54,
            "printer": 1.54 / 23.54,
        }
    )
    assert [t.id for t in result.tasks] == [
        "meeting",
        "leave",
        "colleague",
        "cafe",
        "expense",
        "printer",
    ]
    assert result.coverage == ("meeting", "leave", "colleague")  # 0.290 + 0.262 + 0.215 = 0.766
    assert result.neck == ("meeting",)
    assert [note_text(n, "en") for n in result.notes] == [
        "respondents outside the target groups (1) count in unweighted results only"
    ]
    # the table says each as a sentence of its own
    assert build_ranking(result, "en").notes[-1] == (
        "Respondents outside the target groups (1) count in unweighted results only."
    )


def test_group_breakdown_and_disagreement(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    result = analyse_toptasks(_with_minimum(study, 1), mapping, tally)  # nothing hidden
    field = next(g for g in result.groups if g.group == "field")
    assert field.respondents == 3
    assert field.shares["leave"] == pytest.approx(3 / 5)
    assert field.top(2) == ("leave", "expense")
    assert field.top(10) == ("leave", "expense", "printer")  # nobody in field chose the rest
    assert len(field.ranked()) == 6
    assert all(d.spread > 0 for d in result.disagreements)
    top = result.disagreements[0]
    # leave: field 3/5 = 0.6, office 1/7 = 0.143 -> spread 0.457
    assert (top.task, top.highest, top.lowest) == ("leave", "field", "office")
    assert top.spread == pytest.approx(3 / 5 - 1 / 7)


def test_needs_get_task_votes_as_evidence(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    result = analyse_toptasks(_with_minimum(study, 1), mapping, tally, weighted=False)
    evidence = {e.need: (e.tasks, e.votes) for e in result.needs}
    assert evidence["hr-self-service"] == (("leave", "expense"), 10)
    assert evidence["canteen"] == (("meeting", "cafe"), 7)


@pytest.mark.parametrize("weighted", [True, False])
def test_the_long_neck_bars_add_up_to_its_cumulative_line(
    study: Study, mapping: SurveyMapping, tally: Tally, weighted: bool
) -> None:
    """The bars are the shares the ranking uses, weighted when it is: bar by bar they add up
    to the cumulative line drawn over them."""
    result = analyse_toptasks(_with_minimum(study, 1), mapping, tally, weighted=weighted)
    assert (result.order == "weighted") is weighted
    (bars,) = draw_long_neck(result, "en").axes[0].containers  # the neck's span is no bar
    heights = [bar.get_height() for bar in bars]
    running = [sum(heights[: i + 1]) for i in range(len(heights))]
    assert running == pytest.approx(result.cumulative)


def test_evidence_table_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    """Weighted (see the sums above): canteen = meeting + cafe = (6.82 + 2.42) / 23.54,
    HR = leave + expense = (6.16 + 1.54) / 23.54, room booking = meeting, people finder =
    colleague, service desk = printer; ranked by weighted share, as the tasks are."""
    weighted = build_evidence(analyse_toptasks(_with_minimum(study, 1), mapping, tally), "en")
    assert weighted.title == "Evidence for needs"
    assert weighted.header == ("Rank", "Need", "Votes", "Share", "Weighted")
    assert weighted.rows == (
        ("1", "Canteen information", "7", "28.0%", "39.3%"),
        ("2", "HR self-service", "10", "40.0%", "32.7%"),
        ("3", "Room booking", "4", "16.0%", "29.0%"),
        ("4", "People finder", "5", "20.0%", "21.5%"),
        ("5", "Service desk", "3", "12.0%", "6.5%"),
    )
    plain = analyse_toptasks(_with_minimum(study, 1), mapping, tally, weighted=False)
    unweighted = build_evidence(plain, "nl")
    assert unweighted.header == ("Rang", "Behoefte", "Stemmen", "Aandeel")
    assert [row[1] for row in unweighted.rows][:2] == ["HR self-service", "Canteen information"]
    data = toptasks_to_json(plain)
    assert data["needs"][0]["title"] == "HR self-service"


def test_json_shares_are_rounded_to_four_decimals_as_documented() -> None:
    study, _ = _property_study()
    ids = ("t0", "t1", "t2")
    tally = _tally({"g1": (10, [1, 2, 0])}, ids)
    result = analyse_toptasks(study, _mapping({t: t for t in ids}), tally, weighted=False)
    data = toptasks_to_json(result)
    assert [(t["share"], t["cumulative"]) for t in data["tasks"]][:2] == [
        (0.6667, 0.6667),
        (0.3333, 1.0),
    ]
    assert data["groups"][0]["shares"] == {"t0": 0.3333, "t1": 0.6667, "t2": 0.0}
    ranking = group_ranking_to_json(result, result.groups[0])
    assert [(t["id"], t["share"]) for t in ranking["tasks"]] == [
        ("t1", 0.6667),
        ("t0", 0.3333),
        ("t2", 0.0),
    ]


@pytest.mark.parametrize(
    ("counts", "minimum", "hidden"),
    [
        ({"a": 10, "b": 8, "c": 2}, 5, {"c", "b"}),  # one small group: the next smallest too
        ({"a": 10, "b": 3, "c": 2}, 5, {"b", "c"}),  # two small groups hide each other
        ({"a": 10, "b": 8}, 5, set()),
        ({"a": 4}, 5, {"a"}),
        ({"a": 10, "b": 5, "c": 9}, 5, set()),
    ],
)
def test_suppression(counts: dict[str, int], minimum: int, hidden: set[str]) -> None:
    assert suppressed_groups(counts, minimum) == hidden


def test_a_group_without_respondents_gets_no_weight() -> None:
    assert post_stratification_weights({"a": 3, "b": 0}, {"a": 10, "b": 20}) == ({"a": 1.0}, None)


def test_missing_headcount_means_no_weighting() -> None:
    weights, note = post_stratification_weights({"a": 3, "b": 2}, {"a": 10, "b": None})
    assert weights == {} and note is not None
    assert note_text(note, "en") == "no headcount for b: results are not weighted"


# --- properties ---------------------------------------------------------------------------


def group_counts(most: int = 50) -> st.SearchStrategy[tuple[int, list[int]]]:
    """A group's respondents (``most`` at most) and its votes for five tasks, as an import
    could count them: each respondent chose one task or more, and each task once at most."""
    return st.integers(1, most).flatmap(
        lambda people: st.tuples(
            st.just(people),
            st.lists(st.integers(0, people), min_size=5, max_size=5).filter(
                lambda votes: sum(votes) >= people
            ),
        )
    )


counts = st.dictionaries(st.sampled_from(["g1", "g2", "g3", "g4"]), group_counts(), min_size=1)
"""Tallies of one group or more, so with at least one vote (a survey without is refused)."""


def _tally(
    data: dict[str, tuple[int, list[int]]], tasks: tuple[str, ...] = ("t0", "t1", "t2", "t3", "t4")
) -> Tally:
    """Survey 's': per group its respondents and its votes, one number per task."""
    return Tally(
        survey="s",
        title="S",
        layout="long",
        source="x.csv",
        source_sha256="0",
        tasks=tasks,
        respondents={g: n for g, (n, _) in data.items()},
        votes={g: dict(zip(tasks, v, strict=True)) for g, (_, v) in data.items()},
    )


def _mapping(labels: dict[str, str], title: str = "S") -> SurveyMapping:
    """A long-layout mapping of survey 's' with these task ids and labels, where a
    respondent could choose every task (so the tests' tallies need not count people)."""
    return SurveyMapping.model_validate(
        {
            "id": "s",
            "title": title,
            "layout": "long",
            "max_picks": len(labels),
            "respondent": "r",
            "group": {"column": "g", "values": {"x": "g1"}},
            "choices": {"column": "t"},
            "tasks": [{"id": task, "label": label} for task, label in labels.items()],
        }
    )


def _named_study(names: dict[str, str], headcount: int = 100) -> Study:
    """A study of groups with these ids and names (names decide how charts and printed
    tables wrap), each of ``headcount`` people."""
    from tests.studies import make_study

    study = make_study(dict.fromkeys(names, headcount), {})
    return replace(
        study, groups=tuple(g.model_copy(update={"name": names[g.id]}) for g in study.groups)
    )


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
    tally = _tally(
        {g: (20 + i, [tasks - j for j in range(tasks)]) for i, g in enumerate(names)}, ids
    )
    mapping = _mapping({t: label.format(t) for t in ids})
    figure = draw_group_chart(analyse_toptasks(_named_study(names), mapping, tally), language)
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


def _property_study() -> tuple[Study, SurveyMapping]:
    from tests.studies import make_study

    study = make_study({"g1": 10, "g2": 200, "g3": 35, "g4": 1000}, {})
    return study, _mapping({f"t{i}": f"Task {i}" for i in range(5)})


PROPERTY_STUDY, PROPERTY_MAPPING = _property_study()


def test_summary_groups_thousands_as_the_language_does() -> None:
    big = _tally({"g3": (1200, [900, 700, 500, 300, 100]), "g4": (1300, [0, 0, 0, 0, 1])})
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, big, weighted=False)
    assert summary_text(result, "nl") == (
        "2.500 respondenten, 2.501 stemmen op 5 taken; ongewogen aandelen."
    )
    assert summary_text(result, "en").startswith("2,500 respondents, 2,501 votes")
    # the groups' respondents too: in the ranking's headings, a group's ranking and the chart
    _, g4 = result.groups
    written: tuple[tuple[Language, str, str], ...] = (
        ("nl", "1.200", "1.300"),
        ("en", "1,200", "1,300"),
    )
    for language, n3, n4 in written:
        assert build_ranking(result, language).header[-2:] == (f"G3 (n={n3})", f"G4 (n={n4})")
        assert build_group_ranking(result, g4, language).title.endswith(f"G4 (n={n4})")
        chart = figure_bytes(draw_group_chart(result, language), ".svg").decode()
        assert f"n={n3}" in chart and f"n={n4}" in chart


def test_equal_votes_rank_as_a_reader_files_the_labels() -> None:
    """Not by task id: numbers by value, accented letters with their plain ones."""
    labels = {"t0": "Zoeken", "t1": "Taak 10", "t2": "Één loket", "t3": "Taak 2"}
    mapping = SurveyMapping.model_validate(
        {
            **_mapping(labels).model_dump(exclude={"tasks"}),
            "tasks": [
                {"id": t, "label": label, "needs": [need]}
                for (t, label), need in zip(labels.items(), ["n10", "n2", "n10", "n2"], strict=True)
            ],
        }
    )
    tasks = tuple(labels)
    tally = _tally({"g1": (5, [2, 2, 2, 2]), "g2": (5, [3, 3, 3, 3])}, tasks)
    result = analyse_toptasks(PROPERTY_STUDY, mapping, tally, weighted=False)
    reading = ["t2", "t3", "t1", "t0"]
    assert [t.id for t in result.tasks] == reading
    assert result.coverage == tuple(reading[:3])
    assert [b.ranked() for b in result.groups] == [tuple(reading)] * 2
    assert [e.need for e in result.needs] == ["n2", "n10"]


def test_a_survey_without_votes_is_refused() -> None:
    with pytest.raises(UsageError) as raised:
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally({"g1": (3, [0] * 5)}))
    assert raised.value.problems[0].message == "survey 's' has no votes to analyse"


def test_two_groups_disagree_where_their_shares_differ() -> None:
    g1, g2 = (5, [3, 2, 0, 0, 0]), (5, [0, 2, 3, 0, 0])
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally({"g1": g1, "g2": g2}))
    # t0: g1 3/5 against g2 0; t2 the other way round; t1 2/5 in both
    assert [(d.task, d.highest, d.lowest) for d in result.disagreements] == [
        ("t0", "g1", "g2"),
        ("t2", "g2", "g1"),
    ]
    assert [d.spread for d in result.disagreements] == pytest.approx([0.6, 0.6])
    assert result.notes == ()  # weighted, everyone in a target group: nothing to say


def test_coverage_runs_from_above_0_to_all_of_the_votes() -> None:
    data = _tally({"g1": (5, [3, 2, 0, 0, 0])})
    whole = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=1.0)
    assert whole.coverage == ("t0", "t1")
    with pytest.raises(UsageError, match="coverage must be between 0 and 1, found 0"):
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=0)
    with pytest.raises(UsageError, match=r"coverage must be between 0 and 1, found 1\.01"):
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=1.01)


def test_a_task_a_group_gave_no_votes_may_be_left_out_of_its_votes() -> None:
    """A tally made in code may leave out the tasks a group did not choose."""
    full = _tally({"g1": (5, [3, 2, 0, 0, 0]), "g2": (5, [0, 1, 0, 0, 4])})
    sparse = replace(
        full, votes={g: {t: n for t, n in v.items() if n} for g, v in full.votes.items()}
    )
    expected = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, full)
    assert analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, sparse) == expected


def test_a_missing_headcount_is_said_when_a_group_is_hidden_too() -> None:
    from tests.studies import make_study

    study = make_study({"g1": 10, "g2": None}, {})
    data = _tally({"g1": (2, [1, 1, 0, 0, 0]), "g2": (8, [4, 0, 4, 0, 0])})
    result = analyse_toptasks(study, PROPERTY_MAPPING, data)  # g1 hidden: fewer than 5
    assert result.weights == {}
    assert [note_text(n, "en") for n in result.notes] == [
        "no headcount for g2: results are not weighted"
    ]


def test_groups_keep_the_study_order_and_the_asked_are_the_mapped() -> None:
    from tests.studies import make_study

    study = make_study({"zz": 10, "aa": 20, "mm": 5}, {})
    votes = [1, 1, 0, 0, 0]
    data = _tally({"aa": (5, votes), "mm": (9, votes), "zz": (7, votes)})
    result = analyse_toptasks(study, PROPERTY_MAPPING, data)
    assert [g.group for g in result.groups] == ["zz", "aa", "mm"]
    assert result.asked == frozenset({"g1"})  # the one group the mapping's answers name


def test_json_gives_the_ten_largest_disagreements() -> None:
    """Twelve tasks that two groups rank the other way round: twelve disagreements, of
    which JSON gives the ten largest, as docs/json-output.md says."""
    tasks = tuple(f"t{i:02}" for i in range(12))
    data = _tally(
        {"g1": (12, [i + 1 for i in range(12)]), "g2": (12, [12 - i for i in range(12)])}, tasks
    )
    mapping = _mapping({t: f"Task {t}" for t in tasks})
    result = analyse_toptasks(PROPERTY_STUDY, mapping, data)
    assert len(result.disagreements) == 12
    shown = toptasks_to_json(result)["disagreements"]
    assert [d["task"] for d in shown] == [d.task for d in result.disagreements[:10]]
    assert {d["task"] for d in shown} == set(tasks) - {"t05", "t06"}  # the two in the middle


def test_groups_that_agree_have_no_disagreements() -> None:
    same = (5, [3, 2, 0, 0, 0])
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally({"g1": same, "g2": same}))
    assert [g.group for g in result.groups if not g.suppressed] == ["g1", "g2"]
    assert result.disagreements == ()


def test_the_last_task_completes_the_cumulative_share_exactly() -> None:
    """Ten shares of 0.1 added up make 0.9999999999999999, which would read ">99.9%"."""
    tasks = tuple(f"t{i}" for i in range(10))
    mapping = _mapping({t: f"Task {t}" for t in tasks})
    result = analyse_toptasks(
        PROPERTY_STUDY, mapping, _tally({"g2": (10, [1] * 10)}, tasks), weighted=False
    )
    assert result.cumulative[-1] == 1.0
    assert result.cumulative == pytest.approx([i / 10 for i in range(1, 11)])
    ranking = build_ranking(result, "en")
    assert ranking.rows[-1][ranking.header.index("Cumulative")] == "100.0%"


@settings(max_examples=200, deadline=None)
@given(counts)
def test_weighted_shares_sum_to_one(data: dict[str, tuple[int, list[int]]]) -> None:
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally(data))
    assert math.isclose(sum(t.share for t in result.tasks), 1.0)
    weighted = [t.weighted_share for t in result.tasks]
    if any(sum(data[g][1]) for g in data):
        assert all(w is not None for w in weighted)
        assert math.isclose(sum(w or 0 for w in weighted), 1.0)
    assert result.cumulative[-1] == 1.0  # exactly: the last task completes the whole


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=12),
    st.floats(0.01, 1.0),
)
def test_coverage_set_is_minimal(raw: list[float], target: float) -> None:
    total = sum(raw) or 1.0
    shares = [(f"t{i:02}", v / total) for i, v in enumerate(raw)]
    chosen = coverage_set(shares, target)
    value = dict(shares)
    covered = sum(value[t] for t in chosen)
    if covered >= target - 1e-12:
        # no smaller set does it: the k-1 largest shares fall short
        largest = sorted(value.values(), reverse=True)[: len(chosen) - 1]
        assert sum(largest) < target - 1e-12
    else:
        assert len(chosen) == len(shares)


@settings(max_examples=100, deadline=None)
@given(st.permutations(list(range(12))))
def test_row_order_does_not_matter(order: list[int]) -> None:
    header, *rows = (
        (SURVEY_FIXTURES / "exports" / "google-forms.csv").read_text(encoding="utf-8").splitlines()
    )
    study = load_study(SURVEY_FIXTURES / "study")
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "google-forms.yaml", study)
    path = Path(__file__).parent / ".hypothesis-shuffled.csv"
    try:
        path.write_text("\n".join([header] + [rows[i] for i in order]) + "\n", encoding="utf-8")
        tally = import_survey(mapping, path).tally
    finally:
        path.unlink(missing_ok=True)
    assert {g: dict(v) for g, v in tally.votes.items()} == {
        "desk": {"leave": 3, "colleague": 3, "expense": 2, "printer": 2, "meeting": 1, "cafe": 1},
        "field": {"leave": 3, "colleague": 0, "expense": 1, "printer": 1, "meeting": 0, "cafe": 0},
        "office": {"leave": 1, "colleague": 2, "expense": 0, "printer": 0, "meeting": 3, "cafe": 1},
        "~": {"leave": 0, "colleague": 0, "expense": 0, "printer": 0, "meeting": 0, "cafe": 1},
    }


# --- privacy in every output ----------------------------------------------------------------


@pytest.fixture(scope="module")
def private(study: Study, mapping: SurveyMapping, tally: Tally) -> TopTasks:
    """min_group_size 4: field and office (3 respondents each) must not be shown."""
    return analyse_toptasks(_with_minimum(study, 4), mapping, tally)


def test_private_analysis(private: TopTasks) -> None:
    assert private.suppressed == {"field", "office"}
    assert private.weights == {"desk": pytest.approx(0.22), "field": None, "office": None}
    assert [(g.group, g.respondents, dict(g.shares)) for g in private.groups if g.suppressed] == [
        ("field", None, {}),
        ("office", None, {}),
    ]
    assert {d.highest for d in private.disagreements} <= {"desk"}


def test_a_lone_outside_respondent_is_left_out_of_every_result(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """min_group_size 3; one respondent answered 'other' and chose the café menu. Counted,
    their vote would be the total minus the groups' votes (and with weights shown the
    groups' total gives their number away), so they are left out altogether."""
    assert tally.respondents[OUTSIDE] == 1 and study.settings.privacy.min_group_size == 3
    result = analyse_toptasks(study, mapping, tally)
    assert (result.respondents, result.votes) == (11, 24)
    assert {t.id: t.votes for t in result.tasks}["cafe"] == 2
    assert result.suppressed == set()
    assert [note_text(n, "en") for n in result.notes] == [
        "respondents outside the target groups (n<3) are left out of all results"
    ]
    assert [note_text(n, "nl") for n in result.notes] == [
        "respondenten buiten de doelgroepen (n<3) tellen in geen enkele uitkomst mee"
    ]
    counted = analyse_toptasks(_with_minimum(study, 1), mapping, tally)
    assert (counted.respondents, counted.votes) == (12, 25)


def test_hidden_groups_are_weighted_together(private: TopTasks) -> None:
    """desk (5) is shown; field and office (3 each, headcounts 30 and 60) are hidden and
    share one weight: (90/100) / (6/11) = 1.65. leave has desk 3, field 3, office 1 votes;
    the denominator is 0.22 * 12 + 1.65 * (5 + 7) = 22.44."""
    assert private.weights == {"desk": pytest.approx(0.22), "field": None, "office": None}
    leave = next(t for t in private.tasks if t.id == "leave")
    assert leave.weighted_share == pytest.approx((0.22 * 3 + 1.65 * 4) / 22.44)


hidden_pair = st.tuples(
    group_counts(4),
    group_counts(4),
    st.lists(st.integers(0, 20), min_size=5, max_size=5),
    st.lists(st.integers(0, 30), min_size=5, max_size=5),
)


@settings(max_examples=150, deadline=None)
@given(hidden_pair)
def test_moving_votes_between_hidden_groups_changes_no_output(
    data: tuple[tuple[int, list[int]], tuple[int, list[int]], list[int], list[int]],
) -> None:
    """g1 and g2 are below the minimum of 5; whatever split of their respondents and votes
    between them, every figure shown stays the same: their own can't be worked out."""
    one, other, big3, big4 = data
    first = {"g1": one, "g2": other}
    moved = {"g1": other, "g2": one}
    shown = {"g3": (20, big3), "g4": (30, big4)}
    before = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally(first | shown))
    after = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, _tally(moved | shown))
    assert before.suppressed == {"g1", "g2"}
    assert _rounded(toptasks_to_json(before)) == _rounded(toptasks_to_json(after))


def _rounded(data: object) -> object:
    """JSON with floats to 9 places: summing in another order may change the last bits."""
    if isinstance(data, float):
        return round(data, 9)
    if isinstance(data, dict):
        return {k: _rounded(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_rounded(v) for v in data]
    return data


def _assert_hidden(text: str) -> None:
    assert "n<4" in text
    assert "n=3" not in text
    assert "60.0%" not in text  # field's share of leave (3/5)
    assert "42.9%" not in text  # office's share of meeting (3/7)


def test_privacy_markdown(private: TopTasks) -> None:
    _assert_hidden(ranking_to_markdown(build_ranking(private, "en")))


def test_privacy_csv(private: TopTasks) -> None:
    _assert_hidden(ranking_to_csv(build_ranking(private, "en")))


def test_xlsx_sheet_names_are_ones_excel_accepts(tmp_path: Path) -> None:
    def table(sheet: str) -> RankingTable:
        return RankingTable(
            "T", ("#", "Task"), (("1", "x"),), (False,), (), None, sheet, language="en"
        )

    path = tmp_path / "t.xlsx"
    names = [
        "Finance/HR [team]: who? *all*",
        "Front desk, reception and the customer contact centre",
        "?/*",
    ]
    path.write_bytes(ranking_to_xlsx(*(table(n) for n in names)))
    assert load_workbook(path).sheetnames == [
        "FinanceHR team who all",
        "Front desk, reception and the c",
        "Sheet",
    ]


def test_xlsx_columns_fit_their_heading_words_and_rows_their_wrapped_text(
    tmp_path: Path,
) -> None:
    """A column is as wide as its longest line and its heading's longest word (the heading
    wraps between words), 10 to 60 characters. A row with a cell of several lines, or one
    wider than its column, wraps and is made as tall as that text: Excel would not."""
    long = "word " * 26  # 130 characters: three lines of 60
    table = RankingTable(
        "T",
        ("Zoekopdrachten", "Need", "#"),
        (("12", "one line", "1"), ("3", "a\nb\nc\nd", "2"), ("4", long, "3"), ("5", "a\nb", "4")),
        (False, False, False, True),
        (),
        None,
        language="en",
        text_columns=(1,),
    )
    path = tmp_path / "t.xlsx"
    path.write_bytes(ranking_to_xlsx(table))
    sheet = load_workbook(path).active
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [16, 60, 10]
    assert [sheet.row_dimensions[r].height for r in (2, 3, 4, 5)] == [None, 60, 45, 30]
    assert [sheet.cell(r, 2).alignment.wrap_text for r in (2, 3, 4, 5)] == [None, True, True, True]
    assert [sheet.cell(r, 1).fill.fill_type for r in (1, 4, 5)] == [None, None, "solid"]
    assert sheet.cell(3, 1).alignment.vertical == "top"  # the row reads from the top
    assert sheet.cell(3, 1).alignment.horizontal == "right"  # a number column


def test_privacy_xlsx(private: TopTasks, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(ranking_to_xlsx(build_ranking(private, "en")))
    sheet = load_workbook(path).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    _assert_hidden("\n".join(v for v in values if isinstance(v, str)))
    # shares are numbers in a workbook: the hidden ones must not be there as numbers either
    numbers = [v for v in values if not isinstance(v, str)]
    assert numbers and not any(
        v == pytest.approx(3 / 5) or v == pytest.approx(3 / 7) for v in numbers
    )
    header = [c.value for c in sheet[1]]
    for group in ("Field staff", "Office staff"):
        column = header.index(group) + 1
        cells = [sheet.cell(r, column) for r in range(2, len(private.tasks) + 2)]
        assert {(c.value, c.data_type) for c in cells} == {("n<4", "s")}


def test_a_workbook_keeps_its_notes_below_the_table_and_bands_the_coverage(
    study: Study, mapping: SurveyMapping, tally: Tally, tmp_path: Path
) -> None:
    table = build_ranking(analyse_toptasks(_with_minimum(study, 1), mapping, tally), "en")
    path = tmp_path / "r.xlsx"
    path.write_bytes(ranking_to_xlsx(table))
    sheet = load_workbook(path).active
    last = len(table.rows) + 1  # the heading row, then one row per task
    assert [sheet.cell(r, 2).value for r in range(2, last + 1)] == [row[1] for row in table.rows]
    assert sheet.cell(last + 1, 1).value is None  # a blank row, then the notes
    notes = [sheet.cell(r, 1).value for r in range(last + 2, last + 2 + len(table.notes))]
    assert notes == list(table.notes) and notes
    marks = [row[table.marks_column or 0] for row in table.rows]
    assert marks == ["●" if covered else "" for covered in table.in_coverage]
    assert table.in_coverage.count(True) == 3  # the 75% set: meeting, leave, colleague
    banded = [sheet.cell(r, 1).fill.fgColor.rgb == "00E3EEF6" for r in range(1, last + 1)]
    assert banded == [False, *table.in_coverage]  # the heading is not part of the coverage
    assert sheet.cell(2, 3).alignment.horizontal == "right"  # votes, a number
    assert sheet.cell(2, 2).alignment.horizontal is None  # the task, text


def test_privacy_html_page(private: TopTasks) -> None:
    from needmap.reports.toptasks_page import render_toptasks_page

    page = render_toptasks_page(private, "en", "Test org")
    assert page.startswith("<!DOCTYPE html>")
    _assert_hidden(page.replace("n&lt;4", "n<4"))
    assert page.count("data:image/svg+xml;base64,") == 2
    notes = build_ranking(private, "en").notes
    assert len(notes) >= 3  # the page says every one of them, the hidden groups' too
    assert all(html.escape(note) in page for note in notes)


def test_privacy_pdf(private: TopTasks) -> None:
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.toptasks_page import render_toptasks_page

    pdf = PdfReader(io.BytesIO(html_to_pdf(render_toptasks_page(private, "en", "Test org"))))
    _assert_hidden("\n".join(page.extract_text() for page in pdf.pages))


def test_privacy_json(private: TopTasks) -> None:
    data = toptasks_to_json(private)
    text = json.dumps(data)
    assert data["weights"] == {"desk": 0.22, "field": None, "office": None}
    assert [g["respondents"] for g in data["groups"]] == [5, None, None]
    assert "0.6" not in text.replace("0.6x", "")


def test_privacy_group_chart(private: TopTasks) -> None:
    svg = figure_bytes(draw_group_chart(private, "en"), ".svg").decode()
    assert svg.count("n&lt;4") >= 6
    assert "n=3" not in svg
    assert ">60%<" not in svg.replace(" ", "")


def _cli_study(
    tmp_path: Path, *, mapping: str = "long", minimum: int | None = None, imported: bool = True
) -> Path:
    """The fixture study with one mapping as surveys/toptasks.yaml, its minimum group size
    changed if asked, and (for the long layout) its fixture export imported."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    if minimum is not None:
        settings = root / "study.yaml"
        settings.write_text(
            settings.read_text().replace("min_group_size: 3", f"min_group_size: {minimum}")
        )
    (root / "surveys").mkdir()
    shutil.copy(
        SURVEY_FIXTURES / "mappings" / f"{mapping}.yaml", root / "surveys" / "toptasks.yaml"
    )
    if imported:
        export = str(SURVEY_FIXTURES / "exports" / f"{mapping}.csv")
        result = runner.invoke(app, ["survey", "import", str(root), export])
        assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize(
    ("unlinked", "said"),
    [
        (
            ["[canteen]"],
            "1 of 6 tasks is linked to no need, so its votes are evidence for "
            "nothing yet: link it in the mapping",
        ),
        (
            ["[canteen]", "[service-desk]"],
            "2 of 6 tasks are linked to no need, so their votes "
            "are evidence for nothing yet: link them in the mapping",
        ),
    ],
)
def test_import_says_how_many_tasks_are_linked_to_no_need(
    tmp_path: Path, unlinked: list[str], said: str
) -> None:
    root = _cli_study(tmp_path, imported=False)
    mapping = root / "surveys" / "toptasks.yaml"
    text = mapping.read_text()
    for needs in unlinked:
        text = text.replace(needs, "[]")
    mapping.write_text(text)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    result = runner.invoke(app, ["survey", "import", str(root), export])
    assert result.exit_code == 0, result.output
    assert said in " ".join(result.stderr.split())


def test_privacy_terminal_and_group_option(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, minimum=4, imported=False)
    imported = runner.invoke(
        app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / "long.csv")]
    )
    assert imported.exit_code == 0, imported.output
    assert "n<4" in imported.stdout and "   3\n" not in imported.stdout
    outside = next(line for line in imported.stdout.splitlines() if "outside the target" in line)
    assert " ".join(outside.split()) == "outside the target groups n<4 (left out of results)"
    shown = runner.invoke(app, ["toptasks", str(root)])
    assert shown.exit_code == 0, shown.output
    _assert_hidden(shown.stdout)
    refused = runner.invoke(app, ["toptasks", str(root), "--group", "field"])
    assert refused.exit_code == 2
    assert "group 'field' is not shown" in refused.stderr
    allowed = runner.invoke(app, ["toptasks", str(root), "--group", "desk"])
    assert allowed.exit_code == 0 and "Front desk (n=5)" in allowed.stdout
    by_name = runner.invoke(app, ["toptasks", str(root), "--group", "front DESK"])
    assert by_name.exit_code == 0 and by_name.stdout == allowed.stdout
    for wrong, hint in [
        ("Front dsk", "did you mean 'Front desk'?"),
        ("FRONT DSK", "did you mean 'Front desk'?"),  # a name typed in any case
        ("xyz", "its name"),
    ]:
        unknown = runner.invoke(app, ["toptasks", str(root), "--group", wrong])
        assert unknown.exit_code == 2
        assert f"the study has no group '{wrong}'" in unknown.stderr and hint in unknown.stderr


def test_a_group_no_respondent_answered_for_is_refused_with_those_that_did() -> None:
    study, mapping = PROPERTY_STUDY, PROPERTY_MAPPING
    result = analyse_toptasks(
        study, mapping, _tally({"g2": (6, [3, 2, 1, 0, 0]), "g4": (9, [1, 2, 3, 4, 5])})
    )
    with pytest.raises(UsageError) as raised:
        group_breakdown(result, "g3", study)
    (problem,) = raised.value.problems
    assert problem.message == "no respondents from group 'g3' in this survey"
    assert problem.hint == "groups with respondents: g2, g4"
    assert group_breakdown(result, "g4", study).respondents == 9


def test_terminal_ranking_fits_80_columns(tmp_path: Path) -> None:
    """Headings wrap before task labels are squeezed into a narrow column."""
    root = _cli_study(tmp_path)
    shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    bullet = next(i for i, line in enumerate(lines) if line.startswith(" • Office staff (n=3)"))
    assert lines[bullet + 1].startswith("   ")  # wrapped under its own text
    assert any(line.startswith("   2  Book leave ") for line in lines)
    assert any("Plan a meeting with lunch " in line for line in lines)
    assert runner.invoke(app, ["toptasks", str(root), "--top", "0"]).exit_code == 2
    top = runner.invoke(app, ["toptasks", str(root), "--top", "2"]).stdout
    assert "… 4 more (--top 6 shows all)" in top
    dutch = runner.invoke(app, ["toptasks", str(root), "--top", "2", "--language", "nl"]).stdout
    assert "… nog 4 (--top 6 toont alle)" in dutch
    evidence = lines[lines.index("Evidence for needs") :]
    assert evidence[1].split() == ["Rank", "Need", "Votes", "Share", "Weighted"]
    assert evidence[3].split()[:3] == ["1", "Canteen", "information"]


def test_group_option_in_every_format(tmp_path: Path) -> None:
    """--group combines with --json and --out; a hidden group is refused in each of them."""
    root = _cli_study(tmp_path, minimum=4)

    shown = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert (data["group"], data["respondents"]) == ("desk", 5)
    assert [t["rank"] for t in data["tasks"]] == list(range(1, len(data["tasks"]) + 1))
    shares = [t["share"] for t in data["tasks"]]
    assert shares == sorted(shares, reverse=True) and math.isclose(sum(shares), 1, abs_tol=1e-3)

    out = tmp_path / "desk.csv"
    written = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--out", str(out)])
    assert written.exit_code == 0, written.output
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Rank", "Task", "Share"] and len(rows) == 1 + len(data["tasks"])
    assert rows[1] == ["1", data["tasks"][0]["label"], f"{shares[0] * 100:.1f}%"]

    written_json = tmp_path / "desk.json"
    assert (
        runner.invoke(app, ["toptasks", str(root), "-g", "desk", "-o", str(written_json)]).exit_code
        == 0
    )
    assert json.loads(written_json.read_text(encoding="utf-8")) == data
    clash = runner.invoke(app, ["toptasks", str(root), "--json", "-o", str(tmp_path / "d.md")])
    assert clash.exit_code == 2 and "use a name ending in .json" in clash.stderr
    assert not (tmp_path / "d.md").exists()
    chart = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "-o", str(tmp_path / "d.png")])
    assert chart.exit_code == 2 and "use .md, .csv or .xlsx" in chart.stderr
    assert not (tmp_path / "d.png").exists()
    for extra in (["--json"], ["--out", str(tmp_path / "field.csv")]):
        refused = runner.invoke(app, ["toptasks", str(root), "-g", "field", *extra])
        assert refused.exit_code == 2 and "group 'field' is not shown" in refused.stderr
    assert not (tmp_path / "field.csv").exists()


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
    mapping = _mapping({t: f"Task {t}" for t in tasks})
    tally = _tally({"g1": (40, [31, 25, 25, 22, 17] + [0] * 17)}, tasks)
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
        _mapping({t: f"{label} {t}" for t in ids}),
        _tally({"g1": (200, votes)}, ids),
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
    figure, and the lowest ends just above its bottom."""
    figure = _drawn_neck(tasks, label)
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    bars, line = figure.axes
    measured = [part.get_tightbbox(renderer) for part in (bars.xaxis, bars.yaxis, line.yaxis)]
    boxes = [box for box in measured if box is not None]
    assert len(boxes) == 3
    assert min(box.x0 for box in boxes) >= 0
    assert max(box.x1 for box in boxes) <= figure.bbox.width
    assert 0 <= min(box.y0 for box in boxes) < 0.05 * figure.bbox.height


@pytest.mark.parametrize(
    ("tasks", "named", "slanted", "shares"),
    [
        (10, 10, False, "0% 5% 10% 15% 20%"),
        (11, 11, True, "0% 5% 10% 15% 20%"),
        (25, 25, True, "0% 1% 2% 3% 4% 5% 6% 7% 8%"),
        (26, 6, False, "0% 1% 2% 3% 4% 5% 6% 7% 8%"),
        (60, 13, False, "0.0% 0.5% 1.0% 1.5% 2.0% 2.5% 3.0% 3.5%"),
    ],
)
def test_long_neck_names_every_bar_up_to_25_tasks(
    tasks: int, named: int, slanted: bool, shares: str
) -> None:
    """Up to ten tasks, each bar's name stands under it, wrapped; up to 25, slanted; beyond,
    the bars are numbered 1, 5, 10 … and the neck's tasks named in a list. The share axis
    has as many decimals as its step needs, and no more."""
    bars = _drawn_neck(tasks, "T").axes[0]
    ticks = [tick for tick in bars.get_xticklabels() if tick.get_text()]
    assert len(ticks) == named
    assert {tick.get_rotation() for tick in ticks} == {40.0 if slanted else 0.0}
    assert (ticks[0].get_text() == "T t00") is (tasks <= 25)
    assert " ".join(tick.get_text() for tick in bars.get_yticklabels()) == shares


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
    tally = _tally({"g1": (100, votes), "g2": (80, [*votes[::-1][2:], 0, 0])}, ids)
    result = analyse_toptasks(
        make_study({"g1": 100, "g2": 100}, {}), _mapping({t: f"Task {t}" for t in ids}), tally
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


# --- command line ----------------------------------------------------------------------------


def test_cli_import_and_outputs(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    mapping = SURVEY_FIXTURES / "mappings" / "limesurvey.yaml"
    imported = runner.invoke(
        app,
        [
            "survey",
            "import",
            str(root),
            str(SURVEY_FIXTURES / "exports" / "limesurvey.csv"),
            "--mapping",
            str(mapping),
        ],
    )
    assert imported.exit_code == 0, imported.output
    assert "CSV, UTF-8, comma-separated" in imported.stdout
    assert (root / "surveys" / "toptasks.tally.json").exists()
    (root / "surveys" / "toptasks.yaml").write_text(mapping.read_text())
    data = json.loads(runner.invoke(app, ["toptasks", str(root), "--json", "--unweighted"]).stdout)
    assert data["order"] == "unweighted"
    # the lone 'other' respondent (café menu) is left out: 24 votes; 7+5+4+3 = 19 >= 18
    assert data["coverage"] == {
        "target": 0.75,
        "tasks": ["leave", "colleague", "meeting", "expense"],
    }
    for name in ("t.md", "t.csv", "t.xlsx", "neck.png", "neck.svg", "page.html"):
        result = runner.invoke(app, ["toptasks", str(root), "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 300
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert ">Evidence for needs</span></caption>" in page and "Canteen information" in page
    assert "## Evidence for needs" in (tmp_path / "t.md").read_text(encoding="utf-8")
    workbook = load_workbook(tmp_path / "t.xlsx")
    assert workbook.sheetnames == ["Top tasks", "Evidence for needs", "Weights"]
    assert [c.value for c in workbook["Evidence for needs"][1]][:2] == ["Rank", "Need"]
    weights = [[c.value for c in row] for row in workbook["Weights"].iter_rows()]
    assert weights[0] == ["Group", "Respondents", "People", "Response", "Weight"]
    assert [row[0] for row in weights[1:4]] == ["Front desk", "Field staff", "Office staff"]
    assert workbook["Weights"]["E2"].number_format == "0.00"
    # rank, votes and shares are numbers with formats, so that they sort and sum in Excel
    first = [(c.value, c.number_format) for c in workbook["Top tasks"][2]][:7]
    shown = (tmp_path / "t.csv").read_bytes().decode("utf-8-sig").splitlines()[1].split(",")
    assert [shown[0], shown[2], shown[3]] == [str(first[0][0]), str(first[2][0]), "16.7%"]
    assert [f for _, f in first] == ["0", "General", "0", "0.0%", "0.0%", "0.0%", "General"]
    assert first[3][0] == pytest.approx(4 / 24)  # 24 votes in all (see above)
    # the rows of the 75% set are banded, numbers right-aligned; each column is as wide as
    # its longest value and two more, from 10 to 60 characters
    sheet = workbook["Top tasks"]
    assert sheet["A2"].fill.fill_type == "solid" and sheet["A7"].fill.fill_type is None
    assert sheet["C2"].alignment.horizontal == "right"
    labels = [str(row[1].value) for row in sheet.iter_rows(min_row=2, max_row=7)]
    assert sheet.column_dimensions["B"].width == max(len(label) for label in labels) + 2
    assert sheet.column_dimensions["A"].width == 10
    groups = runner.invoke(
        app, ["toptasks", str(root), "--out", str(tmp_path / "g.png"), "--chart", "groups"]
    )
    assert groups.exit_code == 0
    bad = runner.invoke(app, ["toptasks", str(root), "--out", str(tmp_path / "t.docx")])
    assert bad.exit_code == 2 and "use .html or .pdf for a page, .md, .csv or .xlsx" in bad.stderr


def test_cli_import_again_says_what_it_replaced(tmp_path: Path) -> None:
    root = _cli_study(tmp_path)  # the long export, imported once
    export = SURVEY_FIXTURES / "exports" / "long.csv"
    again = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == "The tally held these counts already: it is unchanged."
    fewer = tmp_path / "fewer.csv"
    # three respondents of one group: as many as the minimum, which one group alone needs
    fewer.write_bytes(b"\n".join(export.read_bytes().splitlines()[:7]) + b"\n")
    replaced = runner.invoke(app, ["survey", "import", str(root), str(fewer)])
    assert replaced.exit_code == 0, replaced.output
    # as many as the import of long.csv said it counted: the one outside the groups is
    # fewer than the minimum (3), so it is left out of both, or it could be worked out
    assert f"Counted 11 respondents into {root / 'surveys'}" in again.stdout
    assert replaced.stdout.splitlines()[-1] == (
        "Replaced the earlier tally: 11 respondents from long.csv."
    )


def test_cli_import_refuses_bad_export_and_writes_nothing(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, mapping="google-forms", imported=False)
    export = tmp_path / "e.csv"
    export.write_text(
        "Timestamp,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "t,Pilot,Book leave\n"
        "\n"
        "t,Office staff,Book leave,Claim expenses\n"
    )
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{export}:2:2: unknown group answer 'Pilot'" in lines
    assert f"{export}:3:1: warning: empty row left out" in lines
    assert f"{export}:4:4: this row has 4 cells but the header has 3: its values have shifted" in (
        lines
    )
    assert lines[-1] == "2 errors and 1 warning found."
    assert not (root / "surveys" / "toptasks.tally.json").exists()


def test_cli_names_the_cell_of_a_problem_in_a_workbook(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, mapping="ms-forms", imported=False)
    workbook = Workbook()
    with (SURVEY_FIXTURES / "exports" / "ms-forms.csv").open(newline="", encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            workbook.active.append(row)
    workbook.active["G3"] = "Book leave;Fly to the moon;"
    export = tmp_path / "Top tasks.xlsx"
    workbook.save(export)
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}:3:7: cell G3: unknown choice 'Fly to the moon'" in result.stderr.splitlines()


def test_cli_failure_count_includes_the_rows_summed_up(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, imported=False)
    export = tmp_path / "many.csv"
    export.write_text(
        "respondent;group;task\n"
        + "".join(f"r{i};office;Fly to the moon\n" for i in range(12))
        + "x;field;Book leave;extra\n"
    )
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}: 2 more rows like these: unknown choice" in result.stderr
    assert result.stderr.splitlines()[-1] == "13 problems found."


def test_cli_import_of_an_export_without_answers_is_refused(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, imported=False)
    export = tmp_path / "blank.csv"
    export.write_text("respondent;group;task\n;;\nr1;office;\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}: no respondent could be counted: every row was left out or empty" in (
        result.stderr.splitlines()
    )
    assert not (root / "surveys" / "toptasks.tally.json").exists()


@pytest.mark.parametrize(
    ("outside", "named"),
    [
        (["extern", "intern"], "'other', 'extern', 'intern'"),
        (["extern", "intern", "guest"], "'other', 'extern', 'intern' and 1 more"),
    ],
)
def test_the_answers_outside_the_groups_are_named_up_to_three(
    tmp_path: Path, outside: list[str], named: str
) -> None:
    root = _cli_study(tmp_path, imported=False)
    mapping = root / "surveys" / "toptasks.yaml"
    extra = "".join(f", {answer}: ~" for answer in outside)
    mapping.write_text(mapping.read_text().replace("other: ~", "other: ~" + extra))
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\nr1;extern;Book leave\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].endswith(f"outside the groups ({named})")


def test_cli_import_of_an_export_from_outside_the_groups_only_is_refused(
    tmp_path: Path,
) -> None:
    """A test run of the survey, answered "other" by the consultant and two colleagues,
    was counted as 0 respondents; then every report that reads the surveys failed with
    "no votes to analyse" while validate passed. The import now refuses it, and a tally
    of it written before is an error that validate reports, as the reports do."""
    root = _cli_study(tmp_path, imported=False)
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\nr1;other;Book leave\nr2;other;Claim expenses\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{export}: no respondent is in a target group: all 2 counted gave a group answer "
        "that the mapping marks as outside the groups ('other')"
    )
    tally = root / "surveys" / "toptasks.tally.json"
    assert not tally.exists()
    export.with_name("ok.csv").write_text(
        "respondent;group;task\nr1;other;Book leave\n"
        + "".join(f"r{i};desk;Claim expenses\n" for i in range(2, 5))
    )
    before = runner.invoke(app, ["survey", "import", str(root), str(export.with_name("ok.csv"))])
    assert before.exit_code == 0, before.output
    data = json.loads(tally.read_text())
    data["respondents"] = {"~": 2}
    data["votes"] = {"~": {"leave": 1, "expense": 1}}
    tally.write_text(json.dumps(data))
    _refused_everywhere(
        root,
        f"{tally}: this tally counted no respondent in a target group (2 outside them): "
        "there are no votes to show",
    )


@pytest.mark.parametrize(
    ("respondents", "counted"),
    [
        ({"desk": 2}, 2),
        ({"desk": 2, "~": 2}, 2),  # too few outside the groups to count
        ({"desk": 2, "~": 3}, 5),  # as many as the minimum: they count
        ({"desk": 2, "field": 1}, 3),
        ({"~": 5}, 5),  # no group at all: refused as such on import
    ],
)
def test_the_results_count_the_groups_and_enough_others(
    respondents: dict[str, int], counted: int
) -> None:
    tally = _tally({g: (n, [n]) for g, n in respondents.items()}, ("t0",))
    assert tally.counted_respondents(3) == counted
    assert tally.outside_counted(3) == counted - tally.group_respondents


@pytest.mark.parametrize(
    ("minimum", "rows", "more", "too_few", "counted"),
    [
        (  # three directors, one of them outside the groups: the results are the two's
            3,
            ["r1;desk;Book leave", "r2;desk;Claim expenses", "r3;other;Book leave"],
            ["r4;desk;Book leave"],
            "only 'Front desk' answered this survey, fewer than {minimum} of them",
            (2, 3),
        ),
        (  # three people in three groups, each n<5, and one outside them, too few to count
            5,
            [
                "r1;desk;Book leave",
                "r2;field;Claim expenses",
                "r3;office;Book leave",
                "r4;other;Book leave",
            ],
            ["r5;office;Claim expenses", "r6;desk;Book leave"],
            "this survey's results would come from {counted} respondents, fewer than {minimum}",
            (3, 5),
        ),
    ],
)
def test_cli_a_survey_whose_results_would_show_fewer_than_the_minimum_is_refused(
    tmp_path: Path,
    minimum: int,
    rows: list[str],
    more: list[str],
    too_few: str,
    counted: tuple[int, int],
) -> None:
    """Each group read "n<5", but every figure of the survey was those few people's, down
    to which task one of them chose. The import refuses it, and a tally of it (imported
    before the minimum was raised) is an error that validate and every report give."""
    root = _cli_study(tmp_path, minimum=minimum, imported=False)
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\n" + "".join(f"{row}\n" for row in rows))
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    message = too_few.format(minimum=minimum, counted=counted[0])
    assert result.stderr.splitlines()[:2] == [
        f"{export}: {message}: every result of it would show their answers",
        f"    hint: import the export once at least {minimum} have answered; answers from "
        f"outside the target groups count only when there are {minimum} of them "
        "(privacy.min_group_size)",
    ]
    tally = root / "surveys" / "toptasks.tally.json"
    assert not tally.exists()
    export.write_text(export.read_text() + "".join(f"{row}\n" for row in more))
    assert runner.invoke(app, ["survey", "import", str(root), str(export)]).exit_code == 0
    settings = root / "study.yaml"
    raised = f"min_group_size: {counted[1] + 1}"
    settings.write_text(settings.read_text().replace(f"min_group_size: {minimum}", raised))
    message = too_few.format(minimum=counted[1] + 1, counted=counted[1])
    _refused_everywhere(root, f"{tally}: {message}: every result of it would show their answers")


def _refused_everywhere(root: Path, problem: str) -> None:
    """``validate`` and every command that reads the surveys give ``problem`` and exit 2."""
    for command in (["validate"], ["roadmap"], ["toptasks"], ["build", "--no-pdf"]):
        refused = runner.invoke(app, [*command, str(root)])
        assert refused.exit_code == 2, command
        assert problem in refused.stderr.splitlines(), command


def test_cli_toptasks_before_import(tmp_path: Path) -> None:
    root = _cli_study(tmp_path, imported=False)
    result = runner.invoke(app, ["toptasks", str(root)])
    assert result.exit_code == 2
    assert "has not been imported yet" in result.stderr


def test_cli_toptasks_shows_the_only_survey_imported_yet(tmp_path: Path) -> None:
    """A study often holds the mapping of a survey still running beside one whose results
    are in: ``toptasks`` shows those without ``--survey``, until a second is imported."""
    root = _cli_study(tmp_path, imported=False)
    running = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    running = running.replace("id: toptasks", "id: running").replace("2026", "2027")
    (root / "surveys" / "running.yaml").write_text(running)
    none = runner.invoke(app, ["toptasks", str(root)])
    assert none.exit_code == 2
    assert "none of the study's 2 surveys has been imported yet" in none.stderr
    export = SURVEY_FIXTURES / "exports" / "long.csv"
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    shown = runner.invoke(app, ["toptasks", str(root)])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Top tasks: Top tasks intranet 2026\n")
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    both = runner.invoke(app, ["toptasks", str(root)])
    assert both.exit_code == 2 and "say which" in both.stderr
    chosen = runner.invoke(app, ["toptasks", str(root), "--survey", "running"])
    assert chosen.stdout.startswith("Top tasks: Top tasks intranet 2027\n")


def test_cli_toptasks_refuses_a_tally_the_mapping_no_longer_fits(tmp_path: Path) -> None:
    """A task dropped from the mapping after import used to vanish from the unweighted
    shares only; now every figure waits for a new import."""
    root = _cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    text = mapping.read_text()
    kept = [line for line in text.splitlines() if "id: leave" not in line]
    assert len(kept) == len(text.splitlines()) - 1
    mapping.write_text("\n".join(kept).replace("id: expense", "id: expenses") + "\n")
    for extra in ([], ["--json"], ["--out", str(tmp_path / "t.csv")]):
        result = runner.invoke(app, ["toptasks", str(root), *extra])
        assert result.exit_code == 2, result.output
        tally = root / "surveys" / "toptasks.tally.json"
        assert result.stderr.splitlines()[:5] == [
            f"{tally}: task 'leave' was counted at import but is no longer in the mapping",
            f"    hint: import the export again: needmap survey import {root} long.csv",
            f"{tally}: task 'expense' was counted at import but is no longer in the mapping",
            f"    hint: import the export again: needmap survey import {root} long.csv",
            f"{tally}: task 'expenses' was added to the mapping after the import",
        ]
        assert not (tmp_path / "t.csv").exists()
    # what the reports refuse, validate does not pass
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 2, checked.output
    assert checked.stderr.splitlines()[:5] == result.stderr.splitlines()[:5]
    assert "3 problems found." in checked.stderr


def test_cli_toptasks_refuses_a_tally_counted_with_more_picks_than_the_mapping_allows(
    tmp_path: Path,
) -> None:
    """Five desk respondents cast 12 votes; had the survey allowed two picks each, as the
    mapping now says, they could have cast 10 at most."""
    root = _cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(mapping.read_text().replace("max_picks: 5", "max_picks: 2"))
    tally = root / "surveys" / "toptasks.tally.json"
    expected = [
        f"{tally}: 'desk' has 12 votes, more than its 5 respondents can cast choosing at "
        "most 2 tasks each (max_picks)",
        f"    hint: import the export again: needmap survey import {root} long.csv",
    ]
    for command in (["toptasks", str(root)], ["validate", str(root)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[:2] == expected
    mapping.write_text(mapping.read_text().replace("max_picks: 2", "max_picks: 3"))
    assert runner.invoke(app, ["toptasks", str(root)]).exit_code == 0


def test_a_group_whose_every_respondent_chose_the_most_tasks_fits_the_mapping() -> None:
    """Two respondents choosing three tasks each cast six votes: exactly what max_picks 3
    allows, and one more than max_picks 3 allows is one too many."""
    ids = ("t0", "t1", "t2", "t3")
    fits = _tally({"desk": (2, [2, 2, 1, 1])}, ids)
    assert fits.differences(ids, {"desk"}, max_picks=3) == []
    over = _tally({"desk": (2, [2, 2, 2, 1])}, ids)
    assert over.differences(ids, {"desk"}, max_picks=3) == [
        "'desk' has 7 votes, more than its 2 respondents can cast choosing at most 3 tasks "
        "each (max_picks)"
    ]


def test_respondents_outside_the_groups_count_from_the_minimum_on() -> None:
    ids = ("t0", "t1")
    tally = _tally({"desk": (3, [2, 1])}, ids)
    assert (tally.outside_counted(1), tally.counted_respondents(1)) == (0, 3)
    outside = _tally({"desk": (3, [2, 1]), OUTSIDE: (2, [1, 1])}, ids)
    assert [outside.counted_respondents(m) for m in (1, 2, 3)] == [5, 5, 3]


def test_validate_reads_each_mapping_and_tally_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mappings are checked, and the tallies that fit them checked against the study's
    headcounts and minimum, from one reading of each file."""
    import needmap.surveys.catalog as catalog
    from needmap.surveys.study_check import check_study

    root = _cli_study(tmp_path)
    read: list[str] = []

    def counted(real: Callable[..., object]) -> Callable[..., object]:
        def reading(path: Path, *args: object, **kwargs: object) -> object:
            read.append(path.name)
            return real(path, *args, **kwargs)

        return reading

    for name in ("read_tally", "checked_mapping"):
        monkeypatch.setattr(catalog, name, counted(getattr(catalog, name)))
    checked = check_study(root)
    assert checked.study is not None, checked.problems
    assert sorted(read) == ["toptasks.tally.json", "toptasks.yaml"]


def test_validate_warns_about_a_tally_no_mapping_names(tmp_path: Path) -> None:
    """After a survey's id is changed, its old tally would count in no report, silently."""
    root = _cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(mapping.read_text().replace("id: toptasks", "id: toptasks-2026"))
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    orphan = root / "surveys" / "toptasks.tally.json"
    assert checked.stderr.splitlines()[:2] == [
        f"{orphan}: warning: no survey mapping has the id 'toptasks': this tally's votes "
        "count in no report",
        "    hint: if the survey's id was changed, import the export again (needmap survey "
        f"import {root} EXPORT) and delete this file; if the survey was dropped, delete it; "
        "ids now: toptasks-2026",
    ]
    assert runner.invoke(app, ["validate", str(root), "--strict"]).exit_code == 2
    orphan.unlink()
    assert runner.invoke(app, ["validate", str(root)]).stderr == ""


def test_a_tally_no_mapping_names_is_reported_beside_the_mappings_warnings(
    tmp_path: Path,
) -> None:
    """Only a mapping with errors (which may be the tally's) keeps the orphan unreported."""
    root = _cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    renamed = mapping.read_text().replace("id: toptasks", "id: toptasks-2026")
    mapping.write_text(renamed.replace("needs: [canteen]", "needs: []"))
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    assert "is evidence for no need: 'cafe'" in checked.stderr
    assert "no survey mapping has the id 'toptasks'" in checked.stderr
    mapping.write_text(renamed.replace("needs: [canteen]", "needs: [nothing]"))
    refused = runner.invoke(app, ["validate", str(root)])
    assert refused.exit_code == 2 and "unknown need 'nothing'" in refused.stderr
    assert "no survey mapping has the id" not in refused.stderr


def test_cli_broken_tally_is_located_and_says_how_to_mend_it(tmp_path: Path) -> None:
    root = _cli_study(tmp_path)
    tally = root / "surveys" / "toptasks.tally.json"
    tally.write_text('{\n  "survey": "toptasks",\n  "title" "x"\n}\n')
    result = runner.invoke(app, ["toptasks", str(root)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{tally}:3:11: cannot read this tally: Expecting ':' delimiter",
        f"    hint: import the survey again: needmap survey import {root} EXPORT.csv",
    ]


def test_analysis_refuses_a_tally_of_other_groups(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    stale = Tally(
        survey=tally.survey,
        title=tally.title,
        layout=tally.layout,
        source=tally.source,
        source_sha256=tally.source_sha256,
        tasks=tally.tasks,
        respondents={**tally.respondents, "pilots": 4},
        votes={**tally.votes, "pilots": dict.fromkeys(tally.tasks, 1)},
    )
    with pytest.raises(UsageError) as raised:
        analyse_toptasks(study, mapping, stale)
    assert [p.message for p in raised.value.problems] == [
        "group 'pilots' was counted at import but is no longer in the study"
    ]


def test_cli_survey_option_names_a_mapping_by_id_or_file(tmp_path: Path) -> None:
    root = _cli_study(tmp_path)
    second = (root / "surveys" / "toptasks.yaml").read_text().replace("id: toptasks", "id: pulse")
    assert "id: pulse" in second
    (root / "surveys" / "pulse-2026.yaml").write_text(second)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")

    unsaid = runner.invoke(app, ["survey", "import", str(root), export])
    assert unsaid.exit_code == 2
    assert unsaid.stderr.splitlines() == [
        f"{root}/surveys: the study has 2 survey mappings and the export has the columns of 2; "
        "say which",
        "    hint: pass --survey with one of: pulse, toptasks",
    ]
    by_file = runner.invoke(app, ["survey", "import", str(root), export, "-s", "pulse-2026"])
    assert by_file.exit_code == 0, by_file.output
    assert (root / "surveys" / "pulse.tally.json").exists()
    shown = runner.invoke(app, ["toptasks", str(root)])  # both imported now
    assert shown.exit_code == 2
    assert shown.stderr.splitlines()[0] == (
        f"{root}/surveys: the study has 2 survey mappings; say which"
    )
    by_id = runner.invoke(app, ["toptasks", str(root), "--survey", "pulse", "--json"])
    assert by_id.exit_code == 0 and json.loads(by_id.stdout)["survey"] == "pulse"
    unknown = runner.invoke(app, ["toptasks", str(root), "-s", "puls"])
    assert unknown.exit_code == 2 and "did you mean 'pulse'?" in unknown.stderr
    stranger = runner.invoke(app, ["toptasks", str(root), "-s", "employees"])
    assert stranger.exit_code == 2
    assert stranger.stderr.splitlines() == [
        "no survey 'employees'",
        "    hint: surveys: pulse, toptasks",
    ]


def test_import_takes_the_one_mapping_whose_columns_the_export_has(tmp_path: Path) -> None:
    """Two surveys (say, employees in Microsoft Forms and a long export): an export fits one."""
    root = _cli_study(tmp_path, imported=False)
    other = (
        (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml")
        .read_text()
        .replace("id: toptasks", "id: forms")
    )
    (root / "surveys" / "forms.yaml").write_text(other)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    done = runner.invoke(app, ["survey", "import", str(root), export])
    assert done.exit_code == 0, done.output
    assert "Survey 'toptasks': the one mapping whose columns this export has." in done.stderr
    assert (root / "surveys" / "toptasks.tally.json").exists()
    assert not (root / "surveys" / "forms.tally.json").exists()
    forms = runner.invoke(
        app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / "ms-forms.csv")]
    )
    assert forms.exit_code == 0, forms.output
    assert (root / "surveys" / "forms.tally.json").exists()


def test_chart_texts_are_inside_the_figure(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    from tests.test_reports import _texts_outside

    result = analyse_toptasks(study, mapping, tally)
    for language in ("en", "nl"):
        assert _texts_outside(draw_long_neck(result, language)) == []
        assert _texts_outside(draw_group_chart(result, language)) == []


def test_a_long_survey_title_is_made_to_fit_the_chart(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """The subtitle names the survey and sums it up; centred, a long one was cut off at
    both edges of the chart."""
    from tests.test_reports import _texts_outside

    result = analyse_toptasks(study, mapping, tally)
    long = replace(result, title="Toptakenonderzoek " * 12 + "2026")
    figure = draw_long_neck(long, "nl")
    assert _texts_outside(figure) == []
    assert any(t.get_text().endswith("…") for t in figure.texts)


@pytest.mark.parametrize("tasks", [18, 40])
def test_long_neck_with_many_tasks(tasks: int) -> None:
    from tests.test_reports import _texts_outside

    study, _ = _property_study()
    mapping = _mapping(
        {f"t{i}": f"Een taak met een wat langere naam {i}" for i in range(tasks)},
        title="Een lange lijst taken",
    )
    ids = tuple(f"t{i}" for i in range(tasks))
    tally = _tally(
        {
            "g1": (100, [200 // (i + 1) for i in range(tasks)]),
            "g2": (50, [3 + i % 7 for i in range(tasks)]),
        },
        ids,
    )
    result = analyse_toptasks(study, mapping, tally)
    figure = draw_long_neck(result, "nl")
    assert _texts_outside(figure) == []


@given(data=counts, choice=st.data(), new_id=st.booleans())
def test_a_merged_tally_keeps_every_respondent_and_vote(
    data: dict[str, tuple[int, list[int]]], choice: st.DataObject, new_id: bool
) -> None:
    tally = _tally(data)
    merged = choice.draw(st.sets(st.sampled_from(sorted(data)), min_size=1))
    into = "new" if new_id else sorted(merged)[0]
    result = tally.merged(merged, into)
    assert result.total_respondents == tally.total_respondents
    assert result.respondents[into] == sum(tally.respondents[g] for g in merged)
    for task in tally.tasks:
        assert sum(v[task] for v in result.votes.values()) == sum(
            v[task] for v in tally.votes.values()
        )
    kept = set(data) - merged
    assert set(result.respondents) == kept | {into}
    assert all(result.votes[g] == tally.votes[g] for g in kept)


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
    1.25-inch column), and the columns widen to keep the names clear of each other. A
    name of five lines stays below the title."""

    names = {
        "g1": "Bureaumedewerkers",
        "g2": "Beleidsadviseurs en projectmanagers",
        "g3": "Beveiliging, catering en facilitair",
        "g4": "Buitendienst",
        "g5": "Medewerkers van de buitendienst en de wijkteams van de gemeente",
    }
    figure, labels, boxes, title = _group_chart(names, 4, "nl", "Task {}, named at some length")
    (ax,) = figure.axes
    assert [label.get_text().rsplit("\n", 1)[0] for label in labels] == [
        "Bureaumedewerkers",
        "Beleidsadviseurs\nen projectmanagers",
        "Beveiliging, catering\nen facilitair",
        "Buitendienst",
        "Medewerkers\nvan de buitendienst\nen de wijkteams\nvan de gemeente",
    ]
    assert all(b.x0 - a.x1 >= 0.09 * figure.dpi for a, b in itertools.pairwise(boxes))
    assert title.y0 - max(b.y1 for b in boxes) > 0.1 * figure.dpi
    column = (ax.get_position().width * figure.get_size_inches()[0] - 0.6) / len(names)
    assert 1.4 < column < 1.6
    from tests.test_reports import _texts_outside

    assert _texts_outside(figure) == []


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


@pytest.mark.parametrize(("count", "sizes"), [(8, []), (9, [5, 4]), (17, [6, 6, 5])])
def test_a_ranking_of_many_groups_is_printed_in_parts(count: int, sizes: list[int]) -> None:
    """An A4 page holds eight group columns beside the tasks: more are printed in even
    parts, each with rank and task; the screen keeps the one table."""
    from needmap.reports.toptasks_page import render_toptasks_page
    from needmap.reports.toptasks_table import print_parts
    from tests.studies import make_study

    groups = {f"g{i:02}": 100 for i in range(count)}
    ids = tuple(f"t{i}" for i in range(6))
    tally = _tally({g: (20 + i, [6 - j for j in range(6)]) for i, g in enumerate(groups)}, ids)
    result = analyse_toptasks(make_study(groups, {}), _mapping({t: t for t in ids}), tally)
    table = build_ranking(result, "nl")
    parts = print_parts(table)
    if not sizes:
        assert parts == (table,)
        return
    assert [len(p.header) for p in parts] == [7, *(2 + n for n in sizes)]
    assert parts[0].header == table.header[:7] and parts[0].rows[0] == table.rows[0][:7]
    assert [p.title for p in parts[1:]] == [
        f"Aandeel van de stemmen per groep ({i} van {len(sizes)})" for i in range(1, len(sizes) + 1)
    ]
    shown = [h for p in parts[1:] for h in p.header[2:]]
    assert shown == list(table.header[7:])  # every group once, in order
    assert {p.text_columns for p in parts} == {(1,)}  # the task, left-aligned in every part
    assert all(p.header[:2] == table.header[:2] for p in parts[1:])
    last = parts[-1]
    assert last.rows[0] == (table.rows[0][0], table.rows[0][1], *table.rows[0][-sizes[-1] :])
    page = render_toptasks_page(result, "nl", "Org")
    # the whole table for the screen, the parts for print, the weights (the tasks map to no
    # needs here)
    assert page.count('<div class="print-only">') == 1
    assert page.count("<table") == 1 + len(parts) + 1


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Beleidsadviseurs en projectmanagers", "Beleidsadviseurs en\u00a0projectmanagers"),
        ("Medewerkers van de  buitendienst", "Medewerkers van\u00a0de\u00a0buitendienst"),
        ("De raad", "De\u00a0raad"),
        ("Bureaumedewerkers", "Bureaumedewerkers"),
        ("", ""),
    ],
)
def test_short_words_are_kept_with_the_next(name: str, kept: str) -> None:
    from needmap.reports.wrapping import keep_short_words

    assert keep_short_words(name) == kept


def test_the_ranking_tables_group_headings_never_break_after_a_short_word() -> None:
    """The printed ranking table wrapped "Beleidsadviseurs / en / projectmanagers": the
    page's group headings keep a short word with the next (the tables' other formats keep
    the names as written)."""
    from needmap.reports.toptasks_page import render_toptasks_page

    names = {"g1": "Beleidsadviseurs en projectmanagers", "g2": "In de wijk"}
    study = _named_study(names)
    ids = ("t0", "t1")
    tally = _tally({"g1": (20, [5, 3]), "g2": (30, [2, 4])}, ids)
    result = analyse_toptasks(study, _mapping({t: f"Werk en {t}" for t in ids}), tally)
    page = html.unescape(render_toptasks_page(result, "nl", "Org"))
    headings = re.findall(r'<th scope="col" class="num unit group">([^<]*)</th>', page)
    assert set(headings) == {
        "Beleidsadviseurs en\u00a0projectmanagers (n=20)",
        "In\u00a0de\u00a0wijk (n=30)",
    }
    assert "Werk en t0" in page  # a task keeps its spaces
    assert "Beleidsadviseurs en projectmanagers (n=20)" in build_ranking(result, "nl").header


def test_upright_headings_are_as_tall_as_their_longest_word() -> None:
    """A turned heading breaks between words only, so "Klantcontactcentrummedewerkers" ran
    out of the top of its cell, over the text above the table. The row is 13em, or the
    longest word (no-break spaces join words) plus 1.5em, rounded up to a tenth: the word
    is 17.36em in DejaVu Sans and 19.44em in bold, by the measure checked against Pillow."""
    from needmap.reports.wrapping import keep_short_words, upright_height

    assert upright_height([]) == "13em"
    assert upright_height(["Buitendienst", "Inwoners en ondernemers"]) == "13em"
    assert upright_height(["B · Klantcontactcentrummedewerkers"], bold=False) == "18.9em"
    assert upright_height(["Balie", "Klantcontactcentrummedewerkers (n=20)"]) == "21em"
    name = "Medewerkers in de buitendienstorganisatie"
    assert upright_height([name]) == "15em"  # "buitendienstorganisatie"
    assert upright_height([keep_short_words(name)]) == "18.1em"  # "in de buitendienst…"


def test_a_page_of_upright_group_headings_makes_room_for_their_longest_word() -> None:
    """The ranking's row of upright headings is as tall as its longest word needs; tables
    without group columns (the weights, the parts printed without groups) set no height."""
    from needmap.reports.toptasks_page import render_toptasks_page

    names = {"g1": "Klantcontactcentrummedewerkers", "g2": "Balie"}
    ids = ("t0", "t1")
    tally = _tally({"g1": (20, [5, 3]), "g2": (30, [2, 4])}, ids)
    result = analyse_toptasks(_named_study(names), _mapping({t: t for t in ids}), tally)
    page = render_toptasks_page(result, "nl", "Org")
    tables = re.findall(r"<table [^>]*>", page)
    assert tables.count('<table class="needs ranking" style="--upright: 21em">') == 1
    assert all("--upright" not in t for t in tables if t != tables[0])
    assert "height: var(--upright, 13em)" in page


@pytest.mark.parametrize(
    ("names", "titles"),
    [
        (
            [
                "Klantcontactcentrummedewerkers",
                "Beveiliging, catering en facilitair",
                "Bureaumedewerkers en secretariaten",
                "Buitendienstmedewerkers",
                "Beleidsadviseurs en projectmanagers",
                "Teamleiders en afdelingshoofden",
                "Bestuurders en directie",
                "Vrijwilligersorganisaties",
            ],
            [
                "Aandeel van de stemmen per groep (1 van 2)",
                "Aandeel van de stemmen per groep (2 van 2)",
            ],
        ),
        (
            [
                "Baliemedewerkers",
                "Beveiliging, catering en facilitair",
                "Bureaumedewerkers",
                "Buitendienst",
                "Beleidsadviseurs en projectmanagers",
                "Teamleiders en afdelingshoofden",
                "Bestuurders en directie",
            ],
            ["Aandeel van de stemmen per groep"],
        ),
    ],
)
def test_a_ranking_too_wide_for_the_page_is_printed_in_parts_that_fit(
    names: list[str], titles: list[str]
) -> None:
    """Eight groups of long names ran past the page's right edge: the browser engine wraps
    no word, and every column is as wide as its widest. The groups of the demo's seven
    Dutch names did too, in DejaVu Sans (the font a PDF gets on Linux without Arial's
    metric twin). A table is printed whole only if its widest words fit the page, as
    measured in that font; else in parts, each on the page."""
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.toptasks_page import render_toptasks_page
    from needmap.reports.toptasks_table import print_parts
    from tests.test_pdf import _assert_on_the_page

    ids = {f"g{i}": name for i, name in enumerate(names)}
    study = _named_study(ids, headcount=1000)
    tasks = tuple(f"t{i:02}" for i in range(6))
    tally = _tally({g: (200 + i, [30 - j + i for j in range(6)]) for i, g in enumerate(ids)}, tasks)
    labels = {t: f"Een vergaderruimte met lunch en beamer boeken {t}" for t in tasks}
    result = analyse_toptasks(study, _mapping(labels), tally)
    parts = print_parts(build_ranking(result, "nl"))
    assert [p.title for p in parts[1:]] == titles
    assert sorted(h for p in parts[1:] for h in p.header[2:]) == sorted(
        f"{name} (n={200 + i})" for i, name in enumerate(names)
    )
    pdf = html_to_pdf(render_toptasks_page(result, "nl", "Org"))
    _assert_on_the_page(PdfReader(io.BytesIO(pdf)))


@given(
    before=st.integers(2, 6),
    groups=st.integers(0, 30),
    after=st.integers(0, 2),
    rows=st.integers(0, 4),
)
def test_print_parts_show_every_column_once(
    before: int, groups: int, after: int, rows: int
) -> None:
    """However many group columns a table has: each part holds at most eight of them beside
    the key columns, in order, each shown once; the other columns come first, in one table;
    every row keeps its cells in every part."""
    from needmap.reports.toptasks_table import PRINT_GROUP_COLUMNS, RankingTable, print_parts

    width = before + groups + after
    header = tuple(f"c{i}" for i in range(width))
    table = RankingTable(
        "T",
        header,
        tuple(tuple(f"r{r}c{i}" for i in range(width)) for r in range(rows)),
        (False,) * rows,
        (),
        language="en",
        group_columns=tuple(range(before, before + groups)),
        part_title="part {part} of {parts}",
    )
    parts = print_parts(table)
    if groups <= PRINT_GROUP_COLUMNS:
        assert parts == (table,)
        return
    first, *rest = parts
    assert first.header == tuple(h for i, h in enumerate(header) if i not in table.group_columns)
    shown = [h for part in rest for h in part.header[1:]]
    assert shown == [header[i] for i in table.group_columns]
    sizes = [len(part.header) - 1 for part in rest]
    assert max(sizes) <= PRINT_GROUP_COLUMNS and max(sizes) - min(sizes) <= 1
    assert len(rest) == -(-groups // PRINT_GROUP_COLUMNS)  # as few parts as fit
    for number, part in enumerate(rest, start=1):
        assert part.title == f"part {number} of {len(rest)}" and part.header[0] == "c0"
        assert all(row == tuple(f"r{r}{h}" for h in part.header) for r, row in enumerate(part.rows))


def test_printed_widths_are_measured_in_dejavu_sans() -> None:
    """Widths as a PDF sets DejaVu Sans, unhinted: checked by hand against Pillow's
    FreeType rendering of the Debian font files (98.99, 36.22 and 50.83 px)."""
    from needmap.reports.wrapping import PrintedWidth

    measure = PrintedWidth()
    assert measure("Bureaumedewerkers", 8.5, bold=True) == pytest.approx(98.99, abs=0.6)
    assert measure("100,0%", 9.5) == pytest.approx(36.22, abs=0.6)
    assert measure("Stemmen", 9.5, bold=True) == pytest.approx(50.83, abs=0.6)


def test_a_printed_column_is_as_wide_as_its_widest_word_or_cell() -> None:
    """A group heading's widest piece keeps its short word ("en projectmanagers"), at the
    group headings' 8.5px with their 6px of padding; other headings break at every space,
    in 9.5px bold with 10px; a number is never wrapped; the task column is 14em at least,
    or as wide as its longest word."""
    from needmap.reports import toptasks_table as tt
    from needmap.reports.wrapping import PrintedWidth

    long_word = "Klantcontactcentrummedewerkersondersteuningsprogramma"
    table = tt.RankingTable(
        "T",
        ("Rang", "Taak", "%", "Beleidsadviseurs en projectmanagers (n=155)"),
        (("1", "Een vergaderruimte met lunch en beamer boeken", "100,0%", "1"),),
        (False,),
        (),
        language="nl",
        group_columns=(3,),
    )
    measure = PrintedWidth()
    assert tt._printed_widths(table) == pytest.approx(
        [
            measure("Rang", 9.5, bold=True) + 10,
            14 * 9.5 + 10,
            measure("100,0%", 9.5) + 10,
            measure("en projectmanagers", 8.5, bold=True) + 6,
        ]
    )
    wide = replace(table, rows=(("1", f"Een {long_word}", "1", "1"),))
    assert tt._printed_widths(wide)[1] == pytest.approx(measure(long_word, 9.5) + 10)


@given(groups=st.integers(1, 20), length=st.integers(1, 150), rows=st.integers(0, 3))
def test_printed_parts_fit_the_page_and_are_as_few_as_fit(
    groups: int, length: int, rows: int
) -> None:
    """Whatever the groups' names: a table printed whole fits the page, by the measure of
    its widest words; else each part of the groups fits beside rank and task (unless it
    holds one group alone, too wide for any page), and one part fewer would not."""
    from needmap.reports import toptasks_table as tt
    from needmap.reports.print_layout import PRINTED

    header = ("Rank", "Task", "Votes", *(f"{'w' * length} {i}" for i in range(groups)))
    table = tt.RankingTable(
        "T",
        header,
        tuple(("1", "A task", "3", *("12,5%",) * groups) for _ in range(rows)),
        (False,) * rows,
        (),
        language="en",
        group_columns=tuple(range(3, 3 + groups)),
        key_columns=(0, 1),
        part_title="part {part} of {parts}",
        groups_title="groups",
    )
    widths = tt._printed_widths(table)
    parts = tt.print_parts(table)
    if len(parts) == 1:
        assert groups <= tt.PRINT_GROUP_COLUMNS and sum(widths) <= PRINTED.page
        return
    assert groups > tt.PRINT_GROUP_COLUMNS or sum(widths) > PRINTED.page
    room = PRINTED.page - widths[0] - widths[1]
    count = len(parts) - 1
    for part in parts[1:]:
        assert len(part.header) == 3 or sum(tt._printed_widths(part)) <= PRINTED.page
    assert all(len(part.header) > 2 for part in parts[1:])  # a group, however wide, in each
    if count - 1 >= -(-groups // tt.PRINT_GROUP_COLUMNS):
        fewer = tt._even_chunks(table.group_columns, count - 1)
        assert any(sum(widths[i] for i in chunk) > room for chunk in fewer)
    assert [p.title for p in parts[1:]] == (
        ["groups"] if count == 1 else [f"part {n} of {count}" for n in range(1, count + 1)]
    )


def test_more_respondents_than_a_group_s_headcount_is_a_warning(tmp_path: Path) -> None:
    """Desk's 5 respondents are more than a headcount of 4; field's 3 are more than 2, and
    fewer than the minimum of 5, so their number is not given. Office's 3 of 3 are fine."""
    root = _cli_study(tmp_path, minimum=5, imported=False)
    groups = root / "groups.yaml"
    groups.write_text(
        groups.read_text()
        .replace("headcount: 10", "headcount: 4")
        .replace("30}", "2}")
        .replace("60}", "3}")
    )
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    strict = runner.invoke(app, ["survey", "import", str(root), export, "--strict"])
    assert strict.exit_code == 2
    assert not (root / "surveys" / "toptasks.tally.json").exists()
    expected = [
        f"{groups}:2:10: warning: survey 'toptasks' counted 5 respondents for 'Front desk', "
        "more than its headcount of 4",
        f"{groups}:3:10: warning: survey 'toptasks' counted more respondents for 'Field staff' "
        "than its headcount of 2",
    ]
    imported = runner.invoke(app, ["survey", "import", str(root), export])
    assert imported.exit_code == 0, imported.output
    assert [line for line in imported.stderr.splitlines() if "headcount of" in line] == expected
    assert "group.values gives 'desk', or raise the headcount" in imported.stderr
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    assert [line for line in checked.stderr.splitlines() if "headcount of" in line] == expected


def test_the_weights_table_gives_each_group_s_response_and_hides_the_small_ones(
    tmp_path: Path,
) -> None:
    """Desk: 5 of 10 people answered (50%); with field (3 of 30) and office (3 of 60), 11
    of 100: desk's weight is (10/100) / (5/11) = 0.22. Field and office have fewer than 4
    respondents: only their people are shown."""
    study = load_study(private_survey_study(tmp_path))
    mapping, tally = load_survey(study)
    table = build_weights(analyse_toptasks(study, mapping, tally), "nl")
    assert table is not None
    assert table.header == ("Groep", "Respondenten", "Mensen", "Respons", "Gewicht")
    assert table.rows == (
        ("Front desk", "5", "10", "50,0%", "0,22"),
        ("Field staff", "n<4", "30", "n<4", "n<4"),
        ("Office staff", "n<4", "60", "n<4", "n<4"),
    )
    assert table.rows[0][4].value == pytest.approx(0.1 / (5 / 11))  # type: ignore[attr-defined]
    unweighted = analyse_toptasks(study, mapping, tally, weighted=False)
    assert build_weights(unweighted, "nl") is None
    markdown = ranking_to_markdown(table)
    assert "| Groep | Respondenten | Mensen | Respons | Gewicht |\n| --- | ---: |" in markdown
    shown = runner.invoke(app, ["toptasks", str(study.root)], env={"COLUMNS": "80"})
    lines = shown.stdout.splitlines()
    start = lines.index("Weights (headcount share / response share)")
    assert [line.split() for line in lines[start + 1 : start + 4 : 2]] == [
        ["Group", "Respondents", "People", "Response", "Weight"],
        ["Front", "desk", "5", "10", "50.0%", "0.22"],
    ]


def test_groups_over_their_headcount_come_in_the_study_s_order(study: Study, tally: Tally) -> None:
    """The tally lists office before desk; the study, desk (headcount 10) first."""
    counted = replace(tally, respondents={"office": 70, "field": 3, "desk": 11})
    over = over_headcount(study, counted)
    assert [(group.id, respondents) for group, respondents in over] == [
        ("desk", 11),
        ("office", 70),
    ]
