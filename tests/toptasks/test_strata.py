"""An answer that covers several groups (``[desk, field]`` in a mapping, as ``needmap groups
split`` writes it): its respondents are counted, weighted and shown for the groups together."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needmap.model.toptasks import analyse_toptasks, group_breakdown
from needmap.personas.study import Study
from needmap.reports.i18n import note_text
from needmap.surveys import import_survey
from needmap.surveys.catalog import headcount_warnings, too_few_problem
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally, joined_strata, stratum_groups, stratum_key
from tests.conftest import SURVEY_FIXTURES
from tests.toptasks.conftest import counts, tally_of, with_minimum

# The fixture's desk (5 respondents: leave 3, colleague 3, expense 2, printer 2, meeting 1,
# cafe 1) and field (3: leave 3, printer 1, expense 1), answered as one: 8 respondents of
# headcount 10 + 30; office 3 of 60 (colleague 2, meeting 3, cafe 1, leave 1).
#   w_together = 0.4 / (8/11) = 0.55, w_office = 0.6 / (3/11) = 2.2
#   denominator 0.55*17 + 2.2*7 = 24.75; leave (0.55*6 + 2.2*1) / 24.75 = 5.5 / 24.75 = 2/9,
#   meeting (0.55*1 + 2.2*3) / 24.75 = 7.15 / 24.75 = 13/45.


@pytest.fixture(scope="module")
def together(mapping: SurveyMapping) -> SurveyMapping:
    """The fixture mapping with desk's and field's answers naming both groups."""
    values: dict[str, str | list[str] | None] = {
        "desk": ["desk", "field"],
        "field": ["field", "desk"],
    }
    values |= {"office": "office", "other": None}
    return mapping.model_copy(update={"group": mapping.group.model_copy(update={"values": values})})


@pytest.fixture(scope="module")
def together_tally(together: SurveyMapping) -> Tally:
    return import_survey(together, SURVEY_FIXTURES / "exports" / "long.csv").tally


def test_an_answer_for_two_groups_counts_them_as_one(together_tally: Tally) -> None:
    assert together_tally.respondents == {"desk+field": 8, "office": 3, "~": 1}
    assert together_tally.votes["desk+field"] == {
        "leave": 6,
        "colleague": 3,
        "expense": 3,
        "printer": 3,
        "meeting": 1,
        "cafe": 1,
    }


def test_groups_answered_together_are_weighted_as_one_stratum_by_hand(
    study: Study, together: SurveyMapping, together_tally: Tally
) -> None:
    result = analyse_toptasks(with_minimum(study, 1), together, together_tally)
    assert dict(result.weights) == pytest.approx({"desk+field": 0.55, "office": 2.2})
    assert result.headcounts == {"desk+field": 40, "office": 60}
    shares = {t.id: t.weighted_share for t in result.tasks}
    assert shares["leave"] == pytest.approx(2 / 9)
    assert shares["meeting"] == pytest.approx(13 / 45)
    assert sum(s or 0 for s in shares.values()) == pytest.approx(1)
    [both, office] = result.groups
    assert (both.group, both.name, both.members, both.respondents) == (
        "desk+field",
        "Front desk + Field staff",
        ("desk", "field"),
        8,
    )
    assert both.shares["leave"] == pytest.approx(6 / 17)
    assert office.members == ("office",)
    assert result.asked == {"desk", "field", "office"}
    # either group's breakdown is the one they share
    assert result.breakdown_of("field") is both
    assert group_breakdown(result, "Field staff", study) is both
    assert result.breakdown_of("nobody") is None


def test_a_stratum_is_hidden_as_a_group_is(
    study: Study, together: SurveyMapping, together_tally: Tally
) -> None:
    """Office's 3 are below a minimum of 4: hidden, and so is the stratum (the only other
    shown group), since office's votes would be the total minus the stratum's."""
    result = analyse_toptasks(with_minimum(study, 4), together, together_tally)
    assert result.suppressed == {"desk+field", "office"}
    assert all(b.suppressed and b.respondents is None for b in result.groups)


def test_headcount_and_privacy_checks_take_a_stratum_as_one(
    study: Study, together_tally: Tally
) -> None:
    over = replace(together_tally, respondents={"desk+field": 41, "office": 3})
    [warning] = headcount_warnings(study, over)
    assert warning.message == (
        "survey 'toptasks' counted 41 respondents for 'Front desk + Field staff', more than "
        "their headcounts' sum of 40"
    )
    assert "'desk' and 'field'" in warning.hint
    alone = tally_of({"desk+field": (2, [2, 0, 0, 0, 0])})
    problem = too_few_problem(study, alone, Path("x.csv"))
    assert problem is not None
    assert problem.message.startswith("only 'Front desk + Field staff' answered this survey")


@given(data=counts, parts=st.sets(st.sampled_from(["a", "b", "c"]), min_size=2))
def test_a_split_group_merged_again_gives_the_tally_back(
    data: dict[str, tuple[int, list[int]]], parts: set[str]
) -> None:
    tally = tally_of(data)
    group = sorted(data)[0]
    split = tally.split(group, sorted(parts))
    assert split.total_respondents == tally.total_respondents
    assert stratum_key(parts) in split.respondents
    assert group not in {g for key in split.respondents for g in stratum_groups(key)}
    back = split.merged(parts, group)
    assert back.respondents == tally.respondents
    assert back.votes == tally.votes


def test_a_stratum_split_again_names_every_part() -> None:
    tally = tally_of({"crew+drivers": (4, [4, 0, 0, 0, 0]), "desk": (2, [1, 1, 0, 0, 0])})
    split = tally.split("drivers", ["vans", "lorries"])
    assert split.respondents == {"crew+lorries+vans": 4, "desk": 2}
    merged = split.merged({"crew", "vans", "lorries"}, "field")
    assert merged.respondents == {"field": 4, "desk": 2}
    # a merge of some of a stratum's groups leaves the others in it; merged into a group
    # counted apart, that group's respondents join the stratum's
    assert split.merged({"vans", "lorries"}, "drivers").respondents == {
        "crew+drivers": 4,
        "desk": 2,
    }
    assert split.merged({"vans", "desk"}, "desk").respondents == {"crew+desk+lorries": 6}


def test_a_stratum_with_a_group_the_study_no_longer_has_is_told() -> None:
    tally = tally_of({"desk+pilots": (4, [4, 0, 0, 0, 0])})
    assert tally.differences(tally.tasks, {"desk", "field"}, 5) == [
        "group 'pilots' was counted at import but is no longer in the study"
    ]


def test_a_stratum_comes_where_its_first_group_is(study: Study, mapping: SurveyMapping) -> None:
    """desk and office answered as one, field apart: the stratum comes first, where desk is
    in the study, not after field, where office is."""
    values: dict[str, str | list[str] | None] = {"desk": ["desk", "office"], "field": "field"}
    values |= {"office": ["desk", "office"], "other": None}
    apart = mapping.model_copy(
        update={"group": mapping.group.model_copy(update={"values": values})}
    )
    tally = import_survey(apart, SURVEY_FIXTURES / "exports" / "long.csv").tally
    result = analyse_toptasks(with_minimum(study, 1), apart, tally)
    assert [b.group for b in result.groups] == ["desk+office", "field"]


def test_a_stratum_with_a_group_of_no_headcount_is_not_weighted(
    study: Study, together: SurveyMapping, together_tally: Tally
) -> None:
    """Field's headcount unknown: the stratum's is unknown too, not desk's 10 alone."""
    groups = tuple(
        g.model_copy(update={"headcount": None}) if g.id == "field" else g for g in study.groups
    )
    without = Study(root=study.root, settings=study.settings, groups=groups, needs=study.needs)
    # nor compared with a headcount: desk's 10 is not the stratum's
    assert (
        headcount_warnings(without, replace(together_tally, respondents={"desk+field": 41})) == []
    )
    result = analyse_toptasks(with_minimum(without, 1), together, together_tally)
    assert result.weights == {}
    assert result.headcounts["desk+field"] is None
    assert [note_text(n, "en") for n in result.notes] == [
        "no headcount for Field staff: results are not weighted"
    ]
    groups = tuple(
        g.model_copy(update={"headcount": None}) if g.id in ("desk", "field") else g
        for g in study.groups
    )
    neither = Study(root=study.root, settings=study.settings, groups=groups, needs=study.needs)
    result = analyse_toptasks(with_minimum(neither, 1), together, together_tally)
    assert [note_text(n, "en") for n in result.notes] == [
        "no headcount for Front desk, Field staff: results are not weighted"
    ]


def test_a_stratum_s_headcount_is_its_groups_together(
    study: Study, together: SurveyMapping, together_tally: Tally
) -> None:
    """Desk's 10 and field's 30; with field's given as 0 (no one works there now), desk's
    10 alone."""
    result = analyse_toptasks(with_minimum(study, 1), together, together_tally)
    assert result.headcounts["desk+field"] == 40
    groups = tuple(
        g.model_copy(update={"headcount": 0}) if g.id == "field" else g for g in study.groups
    )
    emptied = Study(root=study.root, settings=study.settings, groups=groups, needs=study.needs)
    result = analyse_toptasks(with_minimum(emptied, 1), together, together_tally)
    assert result.headcounts["desk+field"] == 10


def test_strata_that_share_a_group_after_a_merge_are_one() -> None:
    """Nurses and carers answered as one, support alone; carers and support merged: the
    merged group's respondents are all with the nurses', so both counts are one."""
    tally = tally_of({"carers+nurses": (5, [5, 0, 0, 0, 0]), "support": (3, [0, 3, 0, 0, 0])})
    merged = tally.merged({"carers", "support"}, "care")
    assert merged.respondents == {"care+nurses": 8}
    assert merged.votes["care+nurses"]["t0"] == 5 and merged.votes["care+nurses"]["t1"] == 3
    assert joined_strata([["a", "b"], ["c"], ["d", "c"], ["b", "d"]])["c"] == ["a", "b", "d", "c"]


@given(
    sizes=st.lists(st.integers(1, 3), min_size=1, max_size=4),
    merged=st.sets(st.integers(0, 9), min_size=1),
)
def test_after_any_merge_each_group_is_counted_one_way(sizes: list[int], merged: set[int]) -> None:
    """Strata of groups g0, g1, ... (each in one), some merged: every group is still in
    one key only, and no respondent or vote is lost."""
    names = iter(f"g{i}" for i in range(sum(sizes)))
    keys = [stratum_key([next(names) for _ in range(size)]) for size in sizes]
    tally = tally_of({key: (2, [1, 1, 0, 0, 0]) for key in keys})
    result = tally.merged({f"g{i}" for i in merged}, "m")
    counted = [g for key in result.respondents for g in stratum_groups(key)]
    assert len(counted) == len(set(counted))
    assert result.total_respondents == tally.total_respondents
    assert sum(v["t0"] for v in result.votes.values()) == len(keys)
