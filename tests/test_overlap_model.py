"""The overlap model against hand-checked numbers, degenerate inputs and properties."""

from __future__ import annotations

import dataclasses
import math
import random
from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needmap.errors import UsageError
from needmap.model import (
    analyse_overlap,
    compute_overlap,
    families_tell_more,
    recommend_platform,
)
from needmap.model.ordering import reading_order
from needmap.model.overlap import most_alike, most_alike_to, need_order
from needmap.model.platform import shared_threshold
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.reports.i18n import note_text
from tests.studies import make_study

# Worked out by hand (weights must 3, should 2, could 1; headcounts a 10, b 20, c 30):
#   n1 {a must, b must, c must}  demand 10*3 + 20*3 + 30*3 = 180   region ABC
#   n2 {a should, b could}       demand 10*2 + 20*1        =  40   region AB
#   n3 {a must}                  demand 10*3               =  30   region A
#   n4 {b should, c could}       demand 20*2 + 30*1        =  70   region BC
#   n5 {c must}                  demand 30*3               =  90   region C
#   n6 {c could}                 demand 30*1               =  30   region C
#   total 440
SMALL = make_study(
    {"a": 10, "b": 20, "c": 30},
    {
        "n1": {"a": "must", "b": "must", "c": "must"},
        "n2": {"a": "should", "b": "could"},
        "n3": {"a": "must"},
        "n4": {"b": "should", "c": "could"},
        "n5": {"c": "must"},
        "n6": {"c": "could"},
    },
    families={"f1": ["a", "b"]},
)


def test_regions_by_hand() -> None:
    overlap = compute_overlap(SMALL)
    shown = [(r.code, r.needs, r.demand) for r in overlap.regions]
    # largest first; ties: more groups first, then by group ids
    assert shown == [
        ("C", ("n5", "n6"), 120.0),
        ("ABC", ("n1",), 180.0),
        ("AB", ("n2",), 40.0),
        ("BC", ("n4",), 70.0),
        ("A", ("n3",), 30.0),
    ]
    assert overlap.total_demand == 440.0
    assert (overlap.weighting, overlap.weighting_note) == ("headcount", None)
    assert overlap.needs == ("n5", "n6", "n1", "n2", "n4", "n3")  # region by region
    assert {n: r.code for n, r in overlap.region_of.items()} == {
        "n1": "ABC",
        "n2": "AB",
        "n3": "A",
        "n4": "BC",
        "n5": "C",
        "n6": "C",
    }
    assert {r.code: round(r.share, 4) for r in overlap.regions} == {
        "C": round(120 / 440, 4),
        "ABC": round(180 / 440, 4),
        "AB": round(40 / 440, 4),
        "BC": round(70 / 440, 4),
        "A": round(30 / 440, 4),
    }
    assert overlap.core is not None and overlap.core.needs == ("n1",)
    assert overlap.unique("a") == ("n3",)
    assert overlap.unique("b") == ()
    assert overlap.unique("c") == ("n5", "n6")


def test_similarity_by_hand() -> None:
    overlap = compute_overlap(SMALL)
    pairs = {(s.a, s.b): (s.jaccard, s.weighted_jaccard) for s in overlap.similarity}
    # a={1,2,3} b={1,2,4}: 2/4; weighted min(3,3)+min(2,1)=4 over max 3+2+3+2=10
    assert pairs[("a", "b")] == pytest.approx((0.5, 0.4))
    # a={1,2,3} c={1,4,5,6}: 1/6; weighted 3 over 3+2+3+1+3+1=13
    assert pairs[("a", "c")] == pytest.approx((1 / 6, 3 / 13))
    # b={1,2,4} c={1,4,5,6}: 2/5; weighted 3+1=4 over 3+1+2+3+1=10
    assert pairs[("b", "c")] == pytest.approx((0.4, 0.4))


def test_most_alike_pairs_by_hand() -> None:
    # a-b and b-c are both 0.4 weighted; a-b shares more needs unweighted (0.5 against 0.4)
    alike = most_alike(compute_overlap(SMALL), top=2)
    assert [(s.a, s.b) for s in alike] == [("a", "b"), ("b", "c")]
    lonely = make_study({"a": 1, "b": 1, "c": 1}, {"n1": {"a": "must"}, "n2": {"b": "could"}})
    assert most_alike(compute_overlap(lonely)) == ()
    everyone = make_study(dict.fromkeys("abcd", 1), {"n1": dict.fromkeys("abcd", "must")})
    assert len(most_alike(compute_overlap(everyone))) == 3  # of six pairs: the reports show three


def test_the_group_most_alike_to_one_by_hand() -> None:
    """From the similarities above: b is as alike to a as to c (0.4 weighted) and shares
    more needs with a (0.5 against 0.4); c is most alike to b (0.4 against 3/13); among
    the candidates given only."""
    overlap = compute_overlap(SMALL)

    def partner(unit: str, candidates: set[str]) -> str | None:
        found = most_alike_to(overlap, unit, candidates)
        return None if found is None else ({found.a, found.b} - {unit}).pop()

    assert partner("b", {"a", "c"}) == "a"
    assert partner("c", {"a", "b"}) == "b"
    assert partner("c", {"a"}) == "a"
    assert partner("a", set()) is None
    lonely = make_study({"a": 1, "b": 1}, {"n1": {"a": "must"}, "n2": {"b": "could"}})
    assert most_alike_to(compute_overlap(lonely), "a", {"b"}) is None  # nothing in common


def test_platform_by_hand() -> None:
    advice = analyse_overlap(SMALL).advice
    # shared: at least max(2, ceil(0.5*3)) = 2 groups -> n1, n2, n4: (180+40+70)/440
    assert advice.shared_min_units == 2
    assert advice.shared_share == pytest.approx(290 / 440)
    assert advice.form == "universal"
    assert set(advice.shared_needs) == {"n1", "n2", "n4"}
    assert set(advice.specific_needs) == {"n3", "n5", "n6"}


@pytest.mark.parametrize(
    ("platform", "form", "share"),
    [
        ({"shared_from": 1.0}, "hybrid", 180 / 440),
        ({"universal_from": 0.7}, "hybrid", 290 / 440),
        (
            {"shared_from": 1.0, "landscape_below": 0.45, "universal_from": 0.9},
            "landscape",
            180 / 440,
        ),
    ],
)
def test_platform_thresholds(platform: dict[str, float], form: str, share: float) -> None:
    study = make_study(
        {"a": 10, "b": 20, "c": 30},
        {
            n: dict(g)
            for n, g in zip(
                ["n1", "n2", "n3", "n4", "n5", "n6"],
                [
                    {"a": "must", "b": "must", "c": "must"},
                    {"a": "should", "b": "could"},
                    {"a": "must"},
                    {"b": "should", "c": "could"},
                    {"c": "must"},
                    {"c": "could"},
                ],
                strict=True,
            )
        },
        platform=platform,
    )
    advice = analyse_overlap(study).advice
    assert advice.form == form
    assert advice.shared_share == pytest.approx(share)


@pytest.mark.parametrize(
    ("platform", "form"),
    [
        ({"universal_from": 0.5, "landscape_below": 0.3}, "universal"),
        ({"universal_from": 0.6, "landscape_below": 0.5}, "hybrid"),
    ],
)
def test_a_share_on_a_threshold_reaches_it(platform: dict[str, float], form: str) -> None:
    """The rule reads "universal from 60%, landscape below 30%": a share of exactly a
    threshold reaches it, so 0.5 is universal from 0.5 and not landscape below 0.5."""
    study = make_study(
        {"a": 1, "b": 1},
        {"n1": {"a": "must", "b": "must"}, "n2": {"a": "must"}, "n3": {"b": "must"}},
        platform=platform,
    )
    advice = analyse_overlap(study).advice
    assert advice.shared_share == 0.5
    assert advice.form == form


@pytest.mark.parametrize(
    ("units", "shared_from", "k"),
    [
        (0, 0.5, 0),
        (1, 0.5, 1),
        (2, 0.5, 2),
        (3, 0.5, 2),
        (4, 0.5, 2),
        (5, 0.5, 3),
        (9, 0.5, 5),
        (9, 0.1, 2),
        (9, 1.0, 9),
        (4, 0.75, 3),
    ],
)
def test_shared_threshold(units: int, shared_from: float, k: int) -> None:
    assert shared_threshold(units, shared_from) == k


def test_by_family_merges_groups() -> None:
    overlap = compute_overlap(SMALL, by_family=True)
    assert [(u.id, u.kind, u.groups, u.headcount) for u in overlap.units] == [
        ("f1", "family", ("a", "b"), 30),
        ("c", "group", ("c",), 30),
    ]
    regions = {r.units: r.needs for r in overlap.regions}
    assert regions == {("f1", "c"): ("n1", "n4"), ("f1",): ("n2", "n3"), ("c",): ("n5", "n6")}
    # a family takes the highest importance of its groups
    assert overlap.importance["n2"] == {"f1": "should"}
    # demand still counts every group: n1 is 180 as before
    assert overlap.demand["n1"] == 180.0
    # reports call its circles families (one group may stand alone among them)
    assert overlap.by_family and not compute_overlap(SMALL).by_family
    with pytest.raises(UsageError) as raised:
        compute_overlap(SMALL, ["f2"], by_family=True)
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == ("unknown family 'f2'", "choose from: f1, c")


def test_a_family_with_no_groups_yet_is_no_circle() -> None:
    """A family set out before its groups are: left out, and the families after it kept."""
    study = dataclasses.replace(
        SMALL, families=(SMALL.families[0].model_copy(update={"id": "none"}), *SMALL.families)
    )
    overlap = compute_overlap(study, by_family=True)
    assert [u.id for u in overlap.units] == ["f1", "c"]


def test_a_family_takes_the_highest_importance_whatever_the_order_of_its_groups() -> None:
    study = make_study(
        {"a": 1, "b": 1},
        {"n1": {"a": "could", "b": "should"}, "n2": {"a": "should", "b": "must"}},
        families={"f": ["a", "b"]},
    )
    overlap = compute_overlap(study, by_family=True)
    assert overlap.importance == {"n1": {"f": "should"}, "n2": {"f": "must"}}


def test_chosen_subset_and_order() -> None:
    overlap = compute_overlap(SMALL, ["c", "a"])
    assert [u.letter + u.id for u in overlap.units] == ["Ac", "Ba"]
    assert {r.code: r.needs for r in overlap.regions} == {
        "A": ("n4", "n5", "n6"),
        "AB": ("n1",),
        "B": ("n2", "n3"),
    }
    # demand counts only the chosen groups: n2 is 10*2 for group a alone
    assert overlap.demand["n2"] == 20.0


def test_missing_headcount_weighs_equally_and_says_so() -> None:
    study = make_study({"a": 10, "b": None}, {"n1": {"a": "must"}, "n2": {"b": "could"}})
    overlap = compute_overlap(study)
    assert overlap.weighting == "equal"
    assert overlap.weighting_note is not None
    # by the group's name, as the brief shows it to the steering group (make_study: "B")
    assert note_text(overlap.weighting_note, "en") == "no headcount for B: groups weighed equally"
    assert note_text(overlap.weighting_note, "nl") == (
        "geen aantal mensen bekend voor B: groepen wegen even zwaar"
    )
    assert overlap.demand == {"n1": 3.0, "n2": 1.0}
    three = make_study({"a": None, "b": 5, "c": None}, {"n1": {"a": "must"}})
    note = compute_overlap(three).weighting_note
    assert note is not None and note_text(note, "en") == (
        "no headcount for A, C: groups weighed equally"
    )


def test_equal_weighting_setting() -> None:
    study = make_study(
        {"a": 10, "b": 1000},
        {"n1": {"a": "must"}, "n2": {"b": "must"}},
        platform={"demand_weight": "equal"},
    )
    overlap = compute_overlap(study)
    assert overlap.weighting == "equal" and overlap.weighting_note is None
    assert overlap.demand == {"n1": 3.0, "n2": 3.0}


def test_unknown_and_repeated_groups_are_usage_errors() -> None:
    with pytest.raises(UsageError) as raised:
        compute_overlap(SMALL, ["a", "bb", "a"])
    messages = [p.message for p in raised.value.problems]
    assert messages == ["unknown group 'bb'", "group 'a' is chosen twice"]
    assert raised.value.problems[0].hint == "did you mean 'b'?"
    with pytest.raises(UsageError) as none:
        compute_overlap(SMALL, [])
    [problem] = none.value.problems
    assert (problem.message, problem.hint) == ("no groups chosen", "name at least one group")


def test_a_misspelt_group_name_in_capitals_gets_did_you_mean_its_name() -> None:
    study = make_study({"desk": 10, "field": 20}, {"n": {"desk": "must"}})
    named = tuple(g.model_copy(update={"name": f"{g.id.title()} staff"}) for g in study.groups)
    with pytest.raises(UsageError) as raised:
        compute_overlap(dataclasses.replace(study, groups=named), ["DESK STAF"])
    assert raised.value.problems[0].hint == "did you mean 'Desk staff'?"


def test_a_name_with_commas_is_found_however_its_commas_are_spaced() -> None:
    study = make_study({"desk": 10, "facility": 20}, {"n": {"desk": "must"}})
    name = "Security, catering and facility staff"
    renamed = (study.groups[0], study.groups[1].model_copy(update={"name": name}))
    study = dataclasses.replace(study, groups=renamed)
    for typed in (
        ["security ,catering AND facility staff"],
        ["Security", " catering and facility staff"],
    ):
        [unit] = compute_overlap(study, typed).units
        assert unit.id == "facility"


# --- degenerate inputs -------------------------------------------------------------------


def test_one_group() -> None:
    overlap = compute_overlap(SMALL, ["a"])
    assert [(r.code, r.needs) for r in overlap.regions] == [("A", ("n1", "n2", "n3"))]
    assert overlap.core == overlap.regions[0]
    assert overlap.similarity == ()
    assert recommend_platform(overlap, SMALL.settings.platform).form == "universal"


def test_group_without_needs() -> None:
    study = make_study({"a": 1, "b": 1, "empty": 5}, {"n1": {"a": "must", "b": "could"}})
    overlap = compute_overlap(study)
    assert [(r.code, r.units) for r in overlap.regions] == [("AB", ("a", "b"))]
    assert overlap.core is None
    assert overlap.unit_needs("empty") == ()
    pairs = {(s.a, s.b): s.jaccard for s in overlap.similarity}
    assert pairs[("a", "empty")] == 0.0


def test_nothing_to_weigh_gives_zero_shares_and_no_likeness() -> None:
    """Groups of headcount 0 carry no demand, and two groups without needs share nothing:
    the shares and similarities that would divide by zero are 0, not 1."""
    study = make_study({"a": 0, "b": 0, "c": 0}, {"n1": {"a": "must"}})
    overlap = compute_overlap(study)
    assert [(r.code, r.demand, r.share) for r in overlap.regions] == [("A", 0.0, 0.0)]
    pairs = {(s.a, s.b): (s.jaccard, s.weighted_jaccard) for s in overlap.similarity}
    assert pairs[("b", "c")] == (0.0, 0.0)
    assert most_alike(overlap) == ()


def test_regions_of_equal_size_go_by_their_groups_not_their_needs() -> None:
    study = make_study(
        dict.fromkeys("abc", 1),
        {"n1": {"b": "must", "c": "must"}, "n2": {"a": "must", "b": "must"}},
    )
    assert [r.code for r in compute_overlap(study).regions] == ["AB", "BC"]


def test_identical_groups() -> None:
    study = make_study(
        {"a": 1, "b": 1}, {"n1": {"a": "must", "b": "must"}, "n2": {"a": "could", "b": "could"}}
    )
    overlap = compute_overlap(study)
    assert [(r.code, r.needs) for r in overlap.regions] == [("AB", ("n1", "n2"))]
    assert overlap.similarity[0].jaccard == 1.0
    assert overlap.similarity[0].weighted_jaccard == 1.0


def test_subset_group() -> None:
    study = make_study({"a": 1, "b": 1}, {"n1": {"a": "must", "b": "must"}, "n2": {"a": "must"}})
    overlap = compute_overlap(study)
    assert {r.code: r.needs for r in overlap.regions} == {"AB": ("n1",), "A": ("n2",)}
    assert overlap.unique("b") == ()


def test_no_needs_at_all() -> None:
    study = make_study({"a": 1, "b": 1}, {})
    overlap = compute_overlap(study)
    assert overlap.regions == ()
    advice = recommend_platform(overlap, study.settings.platform)
    assert advice.shared_share == 0.0
    assert advice.form == "landscape"


@pytest.mark.parametrize(
    ("count", "codes"), [(3, ["ABC", "A"]), (4, ["R1", "R2"]), (5, ["R1", "R2"])]
)
def test_many_groups_use_ranked_codes(count: int, codes: list[str]) -> None:
    """Letters name a region while a Venn diagram shows it (up to three circles)."""
    groups = {f"g{i}": 1 for i in range(count)}
    study = make_study(groups, {"n1": dict.fromkeys(groups, "must"), "n2": {"g0": "could"}})
    overlap = compute_overlap(study)
    assert [r.code for r in overlap.regions] == codes


def test_a_letter_names_each_of_52_groups_and_two_capitals_each_one_more() -> None:
    """A study of more groups than letters (each department a group) is one to merge
    groups in: its overviews and the groups list's most alike pairs must still show."""
    groups = {f"g{i:03}": 1 for i in range(729)}
    study = make_study(groups, {"n1": {"g000": "must"}})
    units = compute_overlap(study, list(groups)[:728]).units
    letters = [unit.letter for unit in units]
    assert letters[:3] + letters[25:27] + letters[51:55] == [
        *("A", "B", "C", "Z", "a"),
        *("z", "AA", "AB", "AC"),
    ]
    assert letters[-1] == "ZZ" and len(set(letters)) == 728
    with pytest.raises(UsageError) as raised:
        compute_overlap(study)
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == (
        "729 circles chosen; needmap draws at most 728",
        "choose fewer groups, or merge them into families with --by-family",
    )


def test_an_unknown_group_like_none_is_told_the_choice() -> None:
    with pytest.raises(UsageError) as raised:
        compute_overlap(SMALL, ["quux"])
    assert raised.value.problems[0].hint == "choose from: a, b, c"


# --- properties ----------------------------------------------------------------------------

LEVELS = st.sampled_from(["must", "should", "could"])


@st.composite
def random_studies(draw: st.DrawFn) -> tuple[Study, list[str]]:
    n_groups = draw(st.integers(1, 7))
    groups = {f"g{i}": draw(st.one_of(st.none(), st.integers(0, 500))) for i in range(n_groups)}
    n_needs = draw(st.integers(0, 30))
    needs = {
        f"n{j}": draw(st.dictionaries(st.sampled_from(list(groups)), LEVELS, max_size=n_groups))
        for j in range(n_needs)
    }
    chosen = draw(st.lists(st.sampled_from(list(groups)), min_size=1, unique=True))
    return make_study(groups, needs), chosen


@settings(max_examples=150, deadline=None)
@given(random_studies())
def test_regions_partition_the_union_and_match_brute_force(case: tuple[Study, list[str]]) -> None:
    study, chosen = case
    overlap = compute_overlap(study, chosen)
    seen: list[str] = [n for r in overlap.regions for n in r.needs]
    assert len(seen) == len(set(seen)), "a need is in two regions"
    union = {n.id for n in study.needs if set(n.groups) & set(chosen)}
    assert set(seen) == union
    for region in overlap.regions:
        assert region.needs, "empty region listed"
        for need_id in region.needs:
            need = study.need_by_id[need_id]
            assert set(region.units) == set(need.groups) & set(chosen)
    if overlap.total_demand > 0:
        assert math.isclose(sum(r.share for r in overlap.regions), 1.0)
    advice = recommend_platform(overlap, study.settings.platform)
    assert sorted(advice.shared_needs + advice.specific_needs) == sorted(seen)
    for s in overlap.similarity:
        assert 0.0 <= s.weighted_jaccard <= 1.0 and 0.0 <= s.jaccard <= 1.0


def _signature(study: Study, chosen: list[str]) -> object:
    overlap = compute_overlap(study, chosen)
    return (
        {frozenset(r.units): frozenset(r.needs) for r in overlap.regions},
        {n: round(d, 9) for n, d in overlap.demand.items()},
        {
            frozenset((s.a, s.b)): (round(s.jaccard, 9), round(s.weighted_jaccard, 9))
            for s in overlap.similarity
        },
        [r.needs for r in overlap.regions] if len(chosen) > 3 else None,
    )


@settings(max_examples=100, deadline=None)
@given(random_studies(), st.randoms(use_true_random=False))
def test_result_does_not_depend_on_order(case: tuple[Study, list[str]], rnd: random.Random) -> None:
    study, chosen = case
    before = _signature(study, chosen)
    shuffled_groups = list(chosen)
    rnd.shuffle(shuffled_groups)
    needs = list(study.needs)
    rnd.shuffle(needs)
    groups = list(study.groups)
    rnd.shuffle(groups)
    reordered = Study(
        root=study.root, settings=study.settings, groups=tuple(groups), needs=tuple(needs)
    )
    assert _signature(reordered, shuffled_groups) == before


def test_order_independence_exhaustively_for_three_groups() -> None:
    for order in permutations(["a", "b", "c"]):
        overlap = compute_overlap(SMALL, list(order))
        assert {frozenset(r.units): r.needs for r in overlap.regions} == {
            frozenset({"c"}): ("n5", "n6"),
            frozenset({"a", "b", "c"}): ("n1",),
            frozenset({"a", "b"}): ("n2",),
            frozenset({"b", "c"}): ("n4",),
            frozenset({"a"}): ("n3",),
        }


# --- the order of needs in every table ---------------------------------------------------


def test_titles_sort_as_a_reader_files_them() -> None:
    titles = ["Zoeken", "Fase 10", "Één loket", "fase 2", "Agenda", "Eerste hulp", "Fase 2b"]
    titles += ["Łódź", "Lyon"]  # ł is read as l, as é as e
    assert sorted(titles, key=reading_order) == [
        "Agenda",
        "Één loket",
        "Eerste hulp",
        "fase 2",
        "Fase 2b",
        "Fase 10",
        "Łódź",
        "Lyon",
        "Zoeken",
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), unique=True), st.randoms(use_true_random=False))
def test_any_titles_sort_the_same_whatever_their_order(
    titles: list[str], rnd: random.Random
) -> None:
    """Digits of any script, accents, signs: the key compares (text with text, numbers
    with numbers) and, with the title itself after it, orders any list one way."""

    def key(title: str) -> tuple[tuple[str | int, ...], str]:
        return reading_order(title), title  # ties broken by the title, as need_order does

    shuffled = rnd.sample(titles, len(titles))
    assert sorted(shuffled, key=key) == sorted(titles, key=key)


def test_needs_sort_by_kind_then_title_then_id() -> None:
    def need(id: str, title: str, kind: str) -> Need:
        fields = {"id": id, "title": title, "kind": kind, "groups": {"a": "must"}}
        return Need.model_validate(fields)

    needs = [
        need("t1", "Apps", "technology"),
        need("c3", "Fase 10", "content"),
        need("c2", "fase 2", "content"),
        need("c1", "Fase 2", "content"),
        need("c4", "Fase 2", "content"),
        need("f1", "Agenda", "function"),
    ]
    assert [n.id for n in sorted(needs, key=need_order)] == ["c1", "c4", "c2", "c3", "f1", "t1"]


@pytest.mark.parametrize(
    ("families", "tells_more"),
    [
        ({}, False),  # no families: nothing to compare
        ({"staff": ["a", "b", "c"]}, False),  # one circle
        ({"x": ["a"], "y": ["b"], "z": ["c"]}, False),  # the groups' picture again
        ({"staff": ["a", "b"]}, True),  # the family and group c, which has none
        ({"x": ["a"], "y": ["b", "c"]}, True),
        ({"x": ["a", "b"], "y": []}, True),  # an empty family is no circle
        ({"x": ["a", "b", "c"], "y": []}, False),
    ],
)
def test_families_tell_more_than_the_groups_only_with_two_circles_one_of_several(
    families: dict[str, list[str]], tells_more: bool
) -> None:
    study = make_study(dict.fromkeys("abc", 10), {"n": {"a": "must"}}, families=families)
    assert families_tell_more(study) is tells_more
