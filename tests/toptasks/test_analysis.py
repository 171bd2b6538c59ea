"""Top-task analysis: hand-checked numbers, properties, and what the minimum group size hides."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needmap import load_study
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
from needmap.reports.toptasks_charts import draw_group_chart
from needmap.reports.toptasks_table import (
    build_evidence,
    build_group_ranking,
    build_ranking,
    group_ranking_to_json,
    summary_text,
    toptasks_to_json,
)
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.catalog import over_headcount
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import OUTSIDE, Tally
from tests.conftest import SURVEY_FIXTURES
from tests.toptasks.conftest import (
    PROPERTY_MAPPING,
    PROPERTY_STUDY,
    counts,
    group_counts,
    mapping_of,
    property_study,
    tally_of,
    with_minimum,
)

# Unweighted, by hand: leave 7, colleague 5, meeting 4, cafe 3, expense 3, printer 3 of 25 votes;
# equal votes rank as a reader files the labels: "Claim expenses", "Report a broken printer",
# "See the café menu".
# Weighted (headcounts desk 10, field 30, office 60; respondents 5, 3, 3 of 11 in groups):
#   w_desk = 0.1 / (5/11) = 0.22, w_field = 0.3 / (3/11) = 1.1, w_office = 0.6 / (3/11) = 2.2
#   denominator 0.22*12 + 1.1*5 + 2.2*7 = 23.54 (the outside respondent is not weighted)
#   meeting (0.22*1 + 2.2*3) / 23.54 = 6.82 / 23.54, leave 6.16, colleague 5.06, cafe 2.42,
#   expense 1.54, printer 1.54.


def test_unweighted_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    assert result.order == "unweighted"
    assert [(t.rank, t.id, t.votes, t.share) for t in result.tasks] == [
        (1, "leave", 7, 0.28),
        (2, "colleague", 5, 0.20),
        (3, "meeting", 4, 0.16),
        (4, "expense", 3, 0.12),
        (5, "printer", 3, 0.12),
        (6, "cafe", 3, 0.12),
    ]
    assert result.cumulative == pytest.approx((0.28, 0.48, 0.64, 0.76, 0.88, 1.0))
    assert result.coverage == ("leave", "colleague", "meeting", "expense")
    assert result.neck == ("leave",)
    assert result.respondents == 12 and result.votes == 25
    assert result.weights == {}


def test_weighted_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally)  # nothing hidden
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
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally)  # nothing hidden
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
    assert group_breakdown(result, "Field staff", study) == field  # by name too
    assert result.headcounts == {"desk": 10, "field": 30, "office": 60}


def test_a_hidden_group_s_breakdown_is_refused_with_where_the_minimum_is_set(
    study: Study, private: TopTasks
) -> None:
    with pytest.raises(UsageError) as raised:
        group_breakdown(private, "field", study)
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "group 'field' is not shown: fewer than 4 respondents (or hidden so that a small "
            "group cannot be worked out)",
            "privacy.min_group_size in study.yaml sets the minimum",
        )
    ]


def test_needs_get_task_votes_as_evidence(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    evidence = {e.need: (e.tasks, e.votes) for e in result.needs}
    assert evidence["hr-self-service"] == (("leave", "expense"), 10)
    assert evidence["canteen"] == (("meeting", "cafe"), 7)


def test_evidence_table_by_hand(study: Study, mapping: SurveyMapping, tally: Tally) -> None:
    """Weighted (see the sums above): canteen = meeting + cafe = (6.82 + 2.42) / 23.54,
    HR = leave + expense = (6.16 + 1.54) / 23.54, room booking = meeting, people finder =
    colleague, service desk = printer; ranked by weighted share, as the tasks are."""
    weighted = build_evidence(analyse_toptasks(with_minimum(study, 1), mapping, tally), "en")
    assert weighted.title == "Evidence for needs"
    assert weighted.header == ("Rank", "Need", "Votes", "Share", "Weighted")
    assert weighted.rows == (
        ("1", "Canteen information", "7", "28.0%", "39.3%"),
        ("2", "HR self-service", "10", "40.0%", "32.7%"),
        ("3", "Room booking", "4", "16.0%", "29.0%"),
        ("4", "People finder", "5", "20.0%", "21.5%"),
        ("5", "Service desk", "3", "12.0%", "6.5%"),
    )
    plain = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    unweighted = build_evidence(plain, "nl")
    assert unweighted.header == ("Rang", "Behoefte", "Stemmen", "Aandeel")
    assert [row[1] for row in unweighted.rows][:2] == ["HR self-service", "Canteen information"]
    data = toptasks_to_json(plain)
    assert data["needs"][0]["title"] == "HR self-service"


def test_json_shares_are_rounded_to_four_decimals_as_documented() -> None:
    study, _ = property_study()
    ids = ("t0", "t1", "t2")
    tally = tally_of({"g1": (10, [1, 2, 0])}, ids)
    result = analyse_toptasks(study, mapping_of({t: t for t in ids}), tally, weighted=False)
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
    _, both = post_stratification_weights({"a": 3, "b": 2, "c": 1}, {"b": 5})
    assert both is not None and note_text(both, "en") == (
        "no headcount for a, c: results are not weighted"
    )


def test_summary_groups_thousands_as_the_language_does() -> None:
    big = tally_of({"g3": (1200, [900, 700, 500, 300, 100]), "g4": (1300, [0, 0, 0, 0, 1])})
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
            **mapping_of(labels).model_dump(exclude={"tasks"}),
            "tasks": [
                {"id": t, "label": label, "needs": [need]}
                for (t, label), need in zip(labels.items(), ["n10", "n2", "n10", "n2"], strict=True)
            ],
        }
    )
    tasks = tuple(labels)
    tally = tally_of({"g1": (5, [2, 2, 2, 2]), "g2": (5, [3, 3, 3, 3])}, tasks)
    result = analyse_toptasks(PROPERTY_STUDY, mapping, tally, weighted=False)
    reading = ["t2", "t3", "t1", "t0"]
    assert [t.id for t in result.tasks] == reading
    assert result.coverage == tuple(reading[:3])
    assert [b.ranked() for b in result.groups] == [tuple(reading)] * 2
    assert [e.need for e in result.needs] == ["n2", "n10"]


def test_a_survey_without_votes_is_refused() -> None:
    with pytest.raises(UsageError) as raised:
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of({"g1": (3, [0] * 5)}))
    assert raised.value.problems[0].message == "survey 's' has no votes to analyse"
    assert raised.value.problems[0].hint == (
        "its respondents were all left out (or outside the target groups and fewer than 5); "
        "import an export with answers from the target groups"
    )


def test_two_groups_disagree_where_their_shares_differ() -> None:
    g1, g2 = (5, [3, 2, 0, 0, 0]), (5, [0, 2, 3, 0, 0])
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of({"g1": g1, "g2": g2}))
    # t0: g1 3/5 against g2 0; t2 the other way round; t1 2/5 in both
    assert [(d.task, d.highest, d.lowest) for d in result.disagreements] == [
        ("t0", "g1", "g2"),
        ("t2", "g2", "g1"),
    ]
    assert [d.spread for d in result.disagreements] == pytest.approx([0.6, 0.6])
    assert result.notes == ()  # weighted, everyone in a target group: nothing to say


def test_a_group_that_chose_no_task_has_shares_of_0() -> None:
    data = tally_of({"g1": (5, [0] * 5), "g2": (5, [3, 2, 0, 0, 0])})
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data)
    assert [(g.group, set(g.shares.values())) for g in result.groups] == [
        ("g1", {0.0}),
        ("g2", {0.6, 0.4, 0.0}),
    ]


@pytest.mark.parametrize(
    ("groups", "english", "dutch"),
    [
        # the target groups answered but chose nothing: weighted shares would all be 0
        (
            {"g1": (5, [0] * 5)},
            "no votes from any target group: results are not weighted",
            "geen stemmen uit een doelgroep: uitkomsten zijn niet gewogen",
        ),
        (
            {},
            "no respondents in any target group: results are not weighted",
            "geen respondenten in een doelgroep: uitkomsten zijn niet gewogen",
        ),
    ],
)
def test_votes_only_from_outside_the_groups_are_not_weighted(
    groups: dict[str, tuple[int, list[int]]], english: str, dutch: str
) -> None:
    data = tally_of({**groups, OUTSIDE: (5, [3, 2, 0, 0, 0])})
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data)
    assert (result.order, result.weights) == ("unweighted", {})
    assert [(t.id, t.share, t.weighted_share) for t in result.tasks[:2]] == [
        ("t0", 0.6, None),
        ("t1", 0.4, None),
    ]
    assert [note_text(n, "en") for n in result.notes] == [english]
    assert [note_text(n, "nl") for n in result.notes] == [dutch]


def test_coverage_runs_from_above_0_to_all_of_the_votes() -> None:
    data = tally_of({"g1": (5, [3, 2, 0, 0, 0])})
    whole = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=1.0)
    assert whole.coverage == ("t0", "t1")
    with pytest.raises(UsageError, match="coverage must be between 0 and 1, found 0") as zero:
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=0)
    assert zero.value.problems[0].hint == "e.g. 0.75"
    with pytest.raises(UsageError, match=r"coverage must be between 0 and 1, found 1\.01"):
        analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, data, coverage_target=1.01)


def test_a_task_a_group_gave_no_votes_may_be_left_out_of_its_votes() -> None:
    """A tally made in code may leave out the tasks a group did not choose."""
    full = tally_of({"g1": (5, [3, 2, 0, 0, 0]), "g2": (5, [0, 1, 0, 0, 4])})
    sparse = replace(
        full, votes={g: {t: n for t, n in v.items() if n} for g, v in full.votes.items()}
    )
    expected = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, full)
    assert analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, sparse) == expected


def test_a_missing_headcount_is_said_when_a_group_is_hidden_too() -> None:
    from tests.studies import make_study

    study = make_study({"g1": 10, "g2": None}, {})
    data = tally_of({"g1": (2, [1, 1, 0, 0, 0]), "g2": (8, [4, 0, 4, 0, 0])})
    result = analyse_toptasks(study, PROPERTY_MAPPING, data)  # g1 hidden: fewer than 5
    assert result.weights == {}
    assert [note_text(n, "en") for n in result.notes] == [
        "no headcount for G2: results are not weighted"
    ]


def test_a_hidden_group_without_respondents_or_headcount_weighs_nothing() -> None:
    """g1 (2 respondents of 10 people) and g2 (none answered, no headcount) are hidden and
    weighted together: 10 people answered by 2 of the 10 respondents, as g3's 40 people by
    8. Each weight is 1, so the weighted shares are the unweighted ones."""
    from tests.studies import make_study

    study = make_study({"g1": 10, "g2": None, "g3": 40}, {})
    data = tally_of({"g1": (2, [1, 1, 0, 0, 0]), "g2": (0, [0] * 5), "g3": (8, [4, 0, 4, 0, 0])})
    result = analyse_toptasks(study, PROPERTY_MAPPING, data)
    assert result.suppressed == {"g1", "g2"}
    assert result.weights == {"g1": None, "g3": pytest.approx(1.0)}
    assert [t.weighted_share for t in result.tasks] == pytest.approx(
        [t.share for t in result.tasks]
    )


def test_groups_keep_the_study_order_and_the_asked_are_the_mapped() -> None:
    from tests.studies import make_study

    study = make_study({"zz": 10, "aa": 20, "mm": 5}, {})
    votes = [1, 1, 0, 0, 0]
    data = tally_of({"aa": (5, votes), "mm": (9, votes), "zz": (7, votes)})
    result = analyse_toptasks(study, PROPERTY_MAPPING, data)
    assert [g.group for g in result.groups] == ["zz", "aa", "mm"]
    assert result.asked == frozenset({"g1"})  # the one group the mapping's answers name


def test_json_gives_the_ten_largest_disagreements() -> None:
    """Twelve tasks that two groups rank the other way round: twelve disagreements, of
    which JSON gives the ten largest, as docs/json-output.md says."""
    tasks = tuple(f"t{i:02}" for i in range(12))
    data = tally_of(
        {"g1": (12, [i + 1 for i in range(12)]), "g2": (12, [12 - i for i in range(12)])}, tasks
    )
    mapping = mapping_of({t: f"Task {t}" for t in tasks})
    result = analyse_toptasks(PROPERTY_STUDY, mapping, data)
    assert len(result.disagreements) == 12
    shown = toptasks_to_json(result)["disagreements"]
    assert [d["task"] for d in shown] == [d.task for d in result.disagreements[:10]]
    assert {d["task"] for d in shown} == set(tasks) - {"t05", "t06"}  # the two in the middle


def test_groups_that_agree_have_no_disagreements() -> None:
    same = (5, [3, 2, 0, 0, 0])
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of({"g1": same, "g2": same}))
    assert [g.group for g in result.groups if not g.suppressed] == ["g1", "g2"]
    assert result.disagreements == ()


def test_the_last_task_completes_the_cumulative_share_exactly() -> None:
    """Ten shares of 0.1 added up make 0.9999999999999999, which would read ">99.9%"."""
    tasks = tuple(f"t{i}" for i in range(10))
    mapping = mapping_of({t: f"Task {t}" for t in tasks})
    result = analyse_toptasks(
        PROPERTY_STUDY, mapping, tally_of({"g2": (10, [1] * 10)}, tasks), weighted=False
    )
    assert result.cumulative[-1] == 1.0
    assert result.cumulative == pytest.approx([i / 10 for i in range(1, 11)])
    ranking = build_ranking(result, "en")
    assert ranking.rows[-1][ranking.header.index("Cumulative")] == "100.0%"


@settings(max_examples=200, deadline=None)
@given(counts)
def test_weighted_shares_sum_to_one(data: dict[str, tuple[int, list[int]]]) -> None:
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of(data))
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
    counted = analyse_toptasks(with_minimum(study, 1), mapping, tally)
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
    before = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of(first | shown))
    after = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, tally_of(moved | shown))
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


def test_a_group_no_respondent_answered_for_is_refused_with_those_that_did() -> None:
    study, mapping = PROPERTY_STUDY, PROPERTY_MAPPING
    result = analyse_toptasks(
        study, mapping, tally_of({"g2": (6, [3, 2, 1, 0, 0]), "g4": (9, [1, 2, 3, 4, 5])})
    )
    with pytest.raises(UsageError) as raised:
        group_breakdown(result, "g3", study)
    (problem,) = raised.value.problems
    assert problem.message == "no respondents from group 'g3' in this survey"
    assert problem.hint == "groups with respondents: g2, g4"
    assert group_breakdown(result, "g4", study).respondents == 9


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
    tally = tally_of({g: (n, [n]) for g, n in respondents.items()}, ("t0",))
    assert tally.counted_respondents(3) == counted
    assert tally.outside_counted(3) == counted - tally.group_respondents


def test_a_group_whose_every_respondent_chose_the_most_tasks_fits_the_mapping() -> None:
    """Two respondents choosing three tasks each cast six votes: exactly what max_picks 3
    allows, and one more than max_picks 3 allows is one too many."""
    ids = ("t0", "t1", "t2", "t3")
    fits = tally_of({"desk": (2, [2, 2, 1, 1])}, ids)
    assert fits.differences(ids, {"desk"}, max_picks=3) == []
    over = tally_of({"desk": (2, [2, 2, 2, 1])}, ids)
    assert over.differences(ids, {"desk"}, max_picks=3) == [
        "'desk' has 7 votes, more than its 2 respondents can cast choosing at most 3 tasks "
        "each (max_picks)"
    ]


def test_respondents_outside_the_groups_count_from_the_minimum_on() -> None:
    ids = ("t0", "t1")
    tally = tally_of({"desk": (3, [2, 1])}, ids)
    assert (tally.outside_counted(1), tally.counted_respondents(1)) == (0, 3)
    outside = tally_of({"desk": (3, [2, 1]), OUTSIDE: (2, [1, 1])}, ids)
    assert [outside.counted_respondents(m) for m in (1, 2, 3)] == [5, 5, 3]


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
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "group 'pilots' was counted at import but is no longer in the study",
            "import the export again",
        )
    ]


@given(data=counts, choice=st.data(), new_id=st.booleans())
def test_a_merged_tally_keeps_every_respondent_and_vote(
    data: dict[str, tuple[int, list[int]]], choice: st.DataObject, new_id: bool
) -> None:
    tally = tally_of(data)
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


def test_a_merged_tally_counts_a_task_a_group_left_out_of_its_votes_as_none() -> None:
    """A tally may leave out the tasks a group gave no votes; merged, they count 0."""
    tally = tally_of({"g1": (3, [2, 1, 0, 0, 0]), "g2": (2, [1, 0, 0, 0, 1])})
    sparse = replace(
        tally,
        votes={"g1": {"t0": 2, "t1": 1}, "g2": {"t0": 1, "t4": 1}},
    )
    merged = sparse.merged({"g1", "g2"}, "g1")
    assert merged.votes["g1"] == {"t0": 3, "t1": 1, "t2": 0, "t3": 0, "t4": 1}
    assert (merged.respondents, merged.total_respondents) == ({"g1": 5}, 5)


def test_a_task_added_to_the_mapping_after_the_import_is_told() -> None:
    tally = tally_of({"g1": (3, [2, 1, 0, 0, 0])})
    groups = {g.id: g for g in PROPERTY_STUDY.groups}
    assert tally.differences([*tally.tasks, "t9"], groups, 5) == [
        "task 't9' was added to the mapping after the import"
    ]


def test_groups_over_their_headcount_come_in_the_study_s_order(study: Study, tally: Tally) -> None:
    """The tally lists office before desk; the study, desk (headcount 10) first."""
    counted = replace(tally, respondents={"office": 70, "field": 3, "desk": 11})
    over = over_headcount(study, counted)
    assert [([g.id for g in groups], respondents) for groups, respondents in over] == [
        (["desk"], 11),
        (["office"], 70),
    ]
    # one respondent of a group of nobody (a headcount of 0) is one too many
    closed = replace(
        study,
        groups=tuple(
            g.model_copy(update={"headcount": 0}) if g.id == "field" else g for g in study.groups
        ),
    )
    lone = replace(tally, respondents={"field": 1})
    assert [([g.id for g in gs], n) for gs, n in over_headcount(closed, lone)] == [(["field"], 1)]
