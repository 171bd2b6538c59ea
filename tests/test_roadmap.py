"""The roadmap: hand-checked scores and plans, properties of planning, and every output."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from needmap import init_study, load_study
from needmap.cli import app
from needmap.model.overlap import compute_overlap, need_order
from needmap.model.roadmap import evidence_factors, plan_roadmap
from needmap.personas.schema import StudySettings
from needmap.personas.study import Study
from needmap.reports.roadmap_report import (
    build_roadmap_table,
    phase_views,
    render_roadmap_page,
    roadmap_to_json,
    roadmap_to_markdown,
    study_roadmap,
    write_roadmap,
)
from tests.conftest import (
    IN_A_TERMINAL,
    SURVEY_FIXTURES,
    StudyMaker,
    assert_prints_like_the_pdf,
    plain,
    run_needmap,
)
from tests.plans import ROADMAP_NEEDS, planned_ids, random_plans, roadmap_of, roadmap_study

runner = CliRunner()


def test_scores_and_plan_by_hand() -> None:
    phases: list[dict[str, Any]] = [
        {"id": "now", "name": "Now", "capacity": 5},
        {"id": "next", "name": "Next", "capacity": 6},
        {"id": "later", "name": "Later"},
    ]
    roadmap = roadmap_of(roadmap_study(ROADMAP_NEEDS, phases))
    scored = {s.need.id: s for s in roadmap.needs}
    assert {n: s.score for n, s in scored.items()} == pytest.approx(
        {"n1": 16.0, "n2": 12.0, "n3": 4.0, "n4": 6.0, "n5": 4.0}
    )
    assert {n: s.demand_share for n, s in scored.items()} == pytest.approx(
        {"n1": 0.48, "n2": 0.24, "n3": 0.04, "n4": 0.12, "n5": 0.12}
    )
    assert scored["n3"].priority == pytest.approx(6.0) and scored["n3"].needed_by == ("n4",)
    assert scored["n5"].effort == "m" and not scored["n5"].effort_known
    # now: n1 (3) + n2 (2) = 5, full; n3 (1) and n4 (2) after it, then n5 (3) in next: 6.
    assert planned_ids(roadmap) == [["n1", "n2"], ["n3", "n4", "n5"], [], []]
    assert [p.points for p in roadmap.phases] == [5, 6, 0]
    # the table's rows in plan order; the first phase's are marked (the band in XLSX)
    table = build_roadmap_table(roadmap, roadmap_study(ROADMAP_NEEDS, phases))
    assert [
        (row[1], marked) for row, marked in zip(table.rows, table.in_coverage, strict=True)
    ] == [
        ("Need n1", True),
        ("Need n2", True),
        ("Need n3", False),
        ("Need n4", False),
        ("Need n5", False),
    ]
    votes, factor = table.header.index("Votes"), table.header.index("Evidence")
    assert {(row[votes], row[factor]) for row in table.rows} == {("\u2013", "\u00d71.00")}
    assert [(n.key, dict(n.values)) for n in roadmap.notes] == [
        ("note.effort_unknown", {"needs": "n5"})
    ]


def test_each_need_says_on_which_platform_it_is_delivered() -> None:
    """Two groups: a need of both is shared (at least two of the two circles), a need of one
    is not. Shared demand: n1 120 of 250 = 48%, between the landscape's 30% and the
    universal platform's 60%: a hybrid."""
    needs = [dict(n) for n in ROADMAP_NEEDS]
    needs[0]["channel"] = "intranet"
    phases = [{"id": "now", "name": "Now"}]
    roadmap = roadmap_of(roadmap_study(needs, phases))
    assert roadmap.platform.form == "hybrid"
    assert [n for n in ("n1", "n2", "n3") if roadmap.on_shared_platform(n)] == ["n1"]
    table = build_roadmap_table(roadmap, roadmap_study(needs, phases))
    column = table.header.index("Platform")
    assert {row[1]: row[column] for row in table.rows} == {
        "Need n1": "shared platform (intranet)",  # with the channel the study names
        "Need n2": "per group",
        "Need n4": "per group",
        "Need n3": "per group",
        "Need n5": "per group",
    }
    data = roadmap_to_json(roadmap)
    assert data["platform_form"] == "hybrid"
    first = data["phases"][0]["needs"][0]
    assert (first["id"], first["placement"], first["channel"]) == ("n1", "shared", "intranet")
    markdown = roadmap_to_markdown(roadmap, roadmap_study(needs, phases))
    assert "A hybrid of a shared platform and specific tools; 1 need on the shared platform, " in (
        markdown
    )
    assert "- Need n1 (Functions, M (3), shared platform (intranet))" in markdown


def test_a_need_that_fits_nowhere_is_unplanned_with_what_depends_on_it() -> None:
    phases = [
        {"id": "now", "name": "Now", "capacity": 5},
        {"id": "next", "name": "Next", "capacity": 4},
    ]
    needs = [
        *ROADMAP_NEEDS,
        {"id": "n6", "groups": {"b": "must"}, "effort": "xl", "depends_on": ["n1"]},
    ]
    needs[3] = {**needs[3], "depends_on": ["n3", "n6"]}
    roadmap = roadmap_of(roadmap_study(needs, phases))
    # n6 (8 points) fits in no phase; n4 depends on it, so n4 waits too. The rest fits:
    # n1 (3) + n2 (2) now, n3 (1) + n5 (3) next.
    assert planned_ids(roadmap) == [["n1", "n2"], ["n3", "n5"], ["n6", "n4"]]
    assert {s.need.id: s.needed_by for s in roadmap.needs}["n6"] == ("n4",)
    # both phases are full; the needs that fit in none have no capacity to fill
    views = phase_views(roadmap, roadmap_study(needs, phases))
    assert [(v.name, v.full) for v in views] == [
        ("Now", 1.0),
        ("Next", 1.0),
        ("Does not fit in any phase", 0.0),
    ]
    # each format says how to make room, and what each need waits for
    hint = (
        "Raise a phase's capacity in study.yaml (roadmap.phases), add a phase without "
        "capacity, or split the need."
    )
    markdown = roadmap_to_markdown(roadmap, roadmap_study(needs, phases))
    assert f"\n_{hint}_\n" in markdown
    assert "\n- Need n6 (Functions, XL (8), per group; after: Need n1)\n" in markdown
    assert "\n- Need n4 (Functions, S (2), per group; after: Need n3; Need n6)\n" in markdown
    page = render_roadmap_page(roadmap, roadmap_study(needs, phases))
    assert hint.replace("'", "&#39;") in page
    # n6 adds b's must, 30 x 3 = 90, to the demand: 90 of 340 is 26.47%, / 8 points = 3.31;
    # n4 (30 of 340, / 2 points = 4.41) depends on it, and lends it its priority; it comes
    # before n3 (4) and n5 (4), when next still has all its 4 points, too few
    data = roadmap_to_json(roadmap)
    assert data["unplanned"][0] == {
        "id": "n6",
        "title": "Need n6",
        "score": 3.3088,
        "priority": 4.4118,
        "demand_share": 0.2647,
        "evidence": None,
        "evidence_factor": 1.0,
        "effort": "xl",
        "points": 8.0,
        "depends_on": ["n1"],
        "needed_by": ["n4"],
        "decided": False,
        "due_for": [],
        "passed_over": [{"phase": "now", "room": 0.0}, {"phase": "next", "room": 4.0}],
        "placement": "specific",
        "channel": None,
        "interviews": None,
        "searches": None,
    }
    assert data["phases"][1]["needs"][1]["effort"] is None  # n5: none given, counted as m
    assert data["notes"] == ["no effort given for n5: counted as m"]
    assert [(p["id"], p["name"], p["capacity"], p["points"]) for p in data["phases"]] == [
        ("now", "Now", 5, 5),
        ("next", "Next", 4, 4),
    ]
    assert (data["platform_form"], data["surveys"], data["changes"]) == ("hybrid", [], None)


# Demand: big 10*3 + 30*3 = 120, mid 30*2 = 60, dep 10*1 = 10, late 10*2 = 20; of 210.
# Scores (share % / points): big 57.1 / 3, mid 28.6 / 2, dep 4.8 / 1, late 9.5 / 3: in
# that order. Now (3) takes big and is full; mid (2) goes to next (5, leaving 3); dep (1),
# after mid, goes there too (leaving 2), not passing over now, which it could not be in;
# late (3) finds now full and 2 points in next. "Done" (0) holds decisions only.
ROOMY: list[dict[str, Any]] = [
    {"id": "big", "groups": {"a": "must", "b": "must"}, "effort": "m"},
    {"id": "mid", "groups": {"b": "should"}, "effort": "s"},
    {"id": "dep", "groups": {"a": "could"}, "effort": "xs", "depends_on": ["mid"]},
    {"id": "late", "groups": {"a": "should"}, "effort": "m"},
]
ROOMY_PHASES: list[dict[str, Any]] = [
    {"id": "done", "name": "Done", "capacity": 0},
    {"id": "now", "name": "Now", "capacity": 3},
    {"id": "next", "name": "Next", "capacity": 5},
    {"id": "later", "name": "Later"},
]


def test_each_need_knows_the_phases_too_full_for_it_when_its_turn_came() -> None:
    roadmap = roadmap_of(roadmap_study(ROOMY, ROOMY_PHASES))
    assert planned_ids(roadmap) == [[], ["big"], ["mid", "dep"], ["late"], []]
    assert {n: [(f.phase, f.room) for f in p] for n, p in roadmap.passed_over.items()} == {
        "mid": [("now", 0.0)],
        "late": [("now", 0.0), ("next", 2.0)],
    }
    needs = {s["id"]: s for p in roadmap_to_json(roadmap)["phases"] for s in p["needs"]}
    assert needs["late"]["passed_over"] == [
        {"phase": "now", "room": 0.0},
        {"phase": "next", "room": 2.0},
    ]
    assert needs["dep"]["passed_over"] == needs["big"]["passed_over"] == []
    # without a last phase to take it, late fits nowhere, for the same reasons
    unplanned = roadmap_of(roadmap_study(ROOMY, ROOMY_PHASES[:3]))
    assert planned_ids(unplanned) == [[], ["big"], ["mid", "dep"], ["late"]]
    assert [(f.phase, f.room) for f in unplanned.passed_over["late"]] == [
        ("now", 0.0),
        ("next", 2.0),
    ]
    # a decided need is where the steering group put it: no room was looked for
    decided = [*ROOMY[:3], {**ROOMY[3], "phase": "later"}]
    assert "late" not in roadmap_of(roadmap_study(decided, ROOMY_PHASES)).passed_over


def test_the_points_of_a_phase_are_told_without_float_dust() -> None:
    """Efforts of 0.1 and 0.2 points in a phase of 0.3: after two needs of 0.1 the phase
    has 0.3 - 0.1 - 0.1 = 0.09999999999999998 points left, told as 0.1."""
    needs = [
        {"id": "a", "groups": {"a": "must"}, "effort": "xs"},
        {"id": "b", "groups": {"a": "should"}, "effort": "xs"},
        {"id": "c", "groups": {"b": "could"}, "effort": "s"},
    ]
    phases: list[dict[str, Any]] = [
        {"id": "now", "name": "Now", "capacity": 0.3},
        {"id": "later", "name": "Later"},
    ]
    study = roadmap_study(needs, phases)
    scoring = study.settings.scoring
    points = scoring.effort_points.model_copy(update={"xs": 0.1, "s": 0.2})
    settings = study.settings.model_copy(
        update={"scoring": scoring.model_copy(update={"effort_points": points})}
    )
    roadmap = roadmap_of(dataclasses.replace(study, settings=settings))
    assert planned_ids(roadmap) == [["a", "b"], ["c"], []]
    assert [(f.phase, f.room) for f in roadmap.passed_over["c"]] == [("now", 0.1)]
    # and a phase of a need of 0.1 and one of 0.2 holds 0.3 points, not 0.30000000000000004
    fitting = dataclasses.replace(study, settings=settings, needs=(study.needs[0], study.needs[2]))
    assert [p["points"] for p in roadmap_to_json(roadmap_of(fitting))["phases"]] == [0.3, 0]


def test_evidence_factor_is_relative_and_bounded() -> None:
    # mean share 0.1125: 0.3 -> 2.67 kept at 2; 0.1 -> 0.889; 0.05 -> 0.44 kept at 0.5; 0 -> 0.5
    factors = evidence_factors({"x": 0.3, "y": 0.1, "z": 0.05, "w": 0.0})
    assert factors == pytest.approx({"x": 2.0, "y": 0.1 / 0.1125, "z": 0.5, "w": 0.5})
    assert evidence_factors({}) == {} and evidence_factors({"x": 0.0}) == {"x": 1.0}


def _survey_study(tmp_path: Path) -> Path:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "long.yaml", root / "surveys" / "toptasks.yaml")
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    assert runner.invoke(app, ["survey", "import", str(root), export]).exit_code == 0
    return root


def test_survey_votes_are_evidence_by_hand(tmp_path: Path) -> None:
    """The fixture survey's weighted votes (of 23.54, see tests/toptasks/test_analysis.py)
    per need: hr 7.70 (leave + expense), people-finder 5.06, service-desk 1.54, room-booking 6.82,
    canteen 9.24 (meeting + cafe); mean 6.072. Demand of 800: hr 240, people-finder 150,
    service-desk 130, room-booking 180, canteen 100. No efforts: 3 points each."""
    roadmap = study_roadmap(load_study(_survey_study(tmp_path)))
    scored = {s.need.id: s for s in roadmap.needs}
    factors = {
        "hr-self-service": 7.70 / 6.072,
        "people-finder": 5.06 / 6.072,
        "service-desk": 0.5,  # 1.54 / 6.072 = 0.25, kept at 0.5
        "room-booking": 6.82 / 6.072,
        "canteen": 9.24 / 6.072,
    }
    assert {n: s.evidence_factor for n, s in scored.items()} == pytest.approx(factors, rel=1e-3)
    assert scored["canteen"].evidence == pytest.approx(9.24 / 23.54, rel=1e-3)
    demand = {"hr-self-service": 240, "people-finder": 150, "service-desk": 130}
    demand |= {"room-booking": 180, "canteen": 100}
    assert {n: s.score for n, s in scored.items()} == pytest.approx(
        {n: 100 * demand[n] / 800 * factors[n] / 3 for n in demand}, rel=1e-3
    )
    assert roadmap.surveys == ("toptasks",)


def test_a_need_in_two_surveys_takes_the_mean_of_its_shares(tmp_path: Path) -> None:
    """A second survey that asks about hr-self-service only, with a weighted share of 0.5:
    hr's share is (7.70 / 23.54 + 0.5) / 2, the others' stay their one survey's share."""
    from needmap.reports.roadmap_report import study_toptasks

    study = load_study(_survey_study(tmp_path))
    (first,) = study_toptasks(study)
    hr = next(e for e in first.needs if e.need == "hr-self-service")
    second = dataclasses.replace(first, needs=(dataclasses.replace(hr, weighted_share=0.5),))
    roadmap = plan_roadmap(study, compute_overlap(study), [first, second])
    votes = {"people-finder": 5.06, "service-desk": 1.54, "room-booking": 6.82, "canteen": 9.24}
    shares = {n: v / 23.54 for n, v in votes.items()}
    shares["hr-self-service"] = (7.70 / 23.54 + 0.5) / 2
    mean = sum(shares.values()) / len(shares)
    factor = {s.need.id: s.evidence_factor for s in roadmap.needs}
    assert factor["hr-self-service"] == pytest.approx(shares["hr-self-service"] / mean, rel=1e-3)
    assert factor["canteen"] == pytest.approx(shares["canteen"] / mean, rel=1e-3)


ALL = [{"id": "all", "name": "All"}]


def test_groups_of_no_people_give_no_demand_and_every_need_a_score_of_0() -> None:
    roadmap = roadmap_of(roadmap_study(ROADMAP_NEEDS, ALL, headcounts={"a": 0, "b": 0}))
    assert {(s.demand_share, s.score) for s in roadmap.needs} == {(0.0, 0.0)}
    assert len(roadmap.phases[0].needs) == len(ROADMAP_NEEDS)  # planned all the same


def test_the_roadmap_notes_only_what_it_had_to_assume() -> None:
    """Efforts all known and every group's headcount: no note. A group without one: every
    group weighs the same, and the roadmap says so, naming it."""
    known = [{"effort": "m", **need} for need in ROADMAP_NEEDS]
    assert roadmap_of(roadmap_study(known, ALL)).notes == ()
    roadmap = roadmap_of(roadmap_study(known, ALL, headcounts={"a": 10, "b": None}))
    assert [(n.key, dict(n.values)) for n in roadmap.notes] == [
        ("note.no_headcount.equal", {"groups": "B"})
    ]


def test_a_need_of_no_group_has_no_demand_and_comes_last() -> None:
    """A need that no group needs yet (validate warns of it) is planned, after the rest."""
    roadmap = roadmap_of(
        roadmap_study([*ROADMAP_NEEDS, {"id": "n6", "groups": {}, "effort": "xs"}], ALL)
    )
    last = next(s for s in roadmap.needs if s.need.id == "n6")
    assert (last.demand_share, last.score) == (0.0, 0.0)
    assert planned_ids(roadmap)[-2][-1] == "n6"


def test_a_dependent_of_the_same_score_brings_nothing_forward() -> None:
    same = {"groups": {"a": "must"}, "effort": "s"}
    study = roadmap_study([{"id": "n1", **same}, {"id": "n2", **same, "depends_on": ["n1"]}], ALL)
    scored = {s.need.id: s for s in roadmap_of(study).needs}
    assert scored["n1"].score == scored["n2"].score
    assert scored["n1"].needed_by == ()


def test_a_chain_of_dependencies_deeper_than_python_s_recursion_limit_is_planned() -> None:
    """1,500 needs, each depending on the one before: the last need's higher score raises
    every need before it, each raised by the one after it (this recursed, and crashed)."""
    count = 1500
    needs = [
        {
            "id": f"n{i:04}",
            "groups": {"b": "must"} if i == count - 1 else {"a": "could"},
            "effort": "xs",
            "depends_on": [f"n{i - 1:04}"] if i else [],
        }
        for i in range(count)
    ]
    roadmap = roadmap_of(roadmap_study(needs, ALL))
    assert [s.need.id for s in roadmap.needs] == [n["id"] for n in needs]
    last = roadmap.needs[-1]
    assert last.score > roadmap.needs[0].score
    assert {s.priority for s in roadmap.needs} == {last.score}
    assert [s.needed_by for s in roadmap.needs[:2]] == [("n0001",), ("n0002",)]


@settings(max_examples=150, deadline=None)
@given(plan=random_plans(), reverse=st.booleans())
def test_planning_properties(
    plan: tuple[list[dict[str, Any]], list[dict[str, Any]]], reverse: bool
) -> None:
    needs, phases = plan
    roadmap = roadmap_of(roadmap_study(needs, phases))
    ids = planned_ids(roadmap)
    everything = [n for part in ids for n in part]
    assert sorted(everything) == sorted(n["id"] for n in needs)  # each need exactly once
    phase_of = {n: i for i, part in enumerate(ids[:-1]) for n in part}
    for plan_ in roadmap.phases:
        capacity = plan_.phase.capacity
        assert capacity is None or plan_.points <= capacity
    position = {n: i for i, n in enumerate(everything)}
    for need in needs:
        for dependency in need["depends_on"]:
            if need["id"] in phase_of:
                assert phase_of[dependency] <= phase_of[need["id"]]
                assert position[dependency] < position[need["id"]]
    if phases[-1]["capacity"] is None:
        assert roadmap.unplanned == ()
    for scored in roadmap.needs:
        assert scored.priority >= scored.score
    # the phases a need passed over: each from its dependencies' phase on to its own (or to
    # the end, unplanned), but for those of capacity 0; none of them had room for it
    for scored in roadmap.needs:
        need_id, passed = scored.need.id, roadmap.passed_over.get(scored.need.id, ())
        assert all(full.room < scored.points for full in passed)
        dependencies = scored.need.depends_on
        if not all(d in phase_of for d in dependencies):
            assert passed == ()  # waits for a dependency that fits nowhere: no room sought
            continue
        start = max((phase_of[d] for d in dependencies), default=0)
        end = phase_of.get(need_id, len(phases))
        assert [full.phase for full in passed] == [
            p["id"] for p in phases[start:end] if p["capacity"] != 0
        ]
    # within a phase, the needs come in priority order but each after its dependencies:
    # at each step the first need in priority order whose dependencies have all come
    pending = sorted(roadmap.needs, key=lambda s: (-s.priority, -s.score, need_order(s.need)))
    arranged: list[str] = []
    while pending:
        ready = next(s for s in pending if set(s.need.depends_on) <= set(arranged))
        pending.remove(ready)
        arranged.append(ready.need.id)
    for part in ids:
        assert part == [n for n in arranged if n in part]
    # the order the needs are written in does not matter
    again = roadmap_of(roadmap_study(list(reversed(needs)) if reverse else needs, phases))
    assert planned_ids(again) == ids


def _fixture_study(tmp_path: Path) -> Study:
    return load_study(_survey_study(tmp_path))


def test_outputs_agree(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    study = _fixture_study(tmp_path)
    roadmap = study_roadmap(study)
    markdown = roadmap_to_markdown(roadmap, study)
    golden("roadmap-survey-fixture.md", markdown)
    page = render_roadmap_page(roadmap, study)
    table = build_roadmap_table(roadmap, study)
    for row in table.rows:
        assert row[1] in page and row[1] in markdown
    data = roadmap_to_json(roadmap)
    planned = [n["id"] for p in data["phases"] for n in p["needs"]]
    assert planned == [s.need.id for s in roadmap.needs]
    assert data["notes"] == [
        "no effort given for hr-self-service, room-booking, canteen, people-finder, "
        "service-desk: counted as m"
    ]


def _long_later() -> Study:
    """One need fits 'now'; the other 45 go 'later', more than a board column can hold."""
    needs = [{"id": f"n{i:02}", "groups": {"a": "must"}, "effort": "s"} for i in range(46)]
    return roadmap_study(
        needs, [{"id": "now", "name": "Now", "capacity": 2}, {"id": "later", "name": "Later"}]
    )


def test_a_long_phase_shows_its_first_needs_and_folds_the_rest() -> None:
    study = _long_later()
    page = render_roadmap_page(roadmap_of(study), study)
    later = page[page.index("<h2>Later</h2>") :]
    board, folded = later.split('<details class="more">', 1)
    assert board.count("<li>") == 30
    assert "<summary>15 more needs, in the table below</summary>" in folded
    assert folded[: folded.index("</details>")].count("<li>") == 15
    # each list numbers on from the one before, in a browser (start) and in the PDF
    assert '<ol start="2" style="counter-reset: list-item 1">' in board
    assert '<ol start="32" style="counter-reset: list-item 31">' in folded
    forty = [{"id": f"n{i:02}", "groups": {"a": "must"}} for i in range(40)]
    whole = roadmap_study(forty, [{"id": "all", "name": "All"}])  # forty needs: nothing folded
    page = render_roadmap_page(roadmap_of(whole), whole)
    assert "<details" not in page and page.count("<li>") == 40
    one_more = roadmap_study(
        [*forty, {"id": "n40", "groups": {"a": "must"}}], [{"id": "all", "name": "All"}]
    )
    page = render_roadmap_page(roadmap_of(one_more), one_more)
    assert "<summary>11 more needs, in the table below</summary>" in page


def test_markdown_says_how_to_plan_what_fits_in_no_phase() -> None:
    """One phase of 2 points: the small need fits, the large one (3 points) does not."""
    needs = [
        {"id": "small", "groups": {"a": "must"}, "effort": "s"},
        {"id": "large", "groups": {"b": "must"}, "effort": "m"},
    ]
    study = roadmap_study(needs, [{"id": "now", "name": "Now", "capacity": 2}])
    plan = roadmap_of(study)
    assert planned_ids(plan) == [["small"], ["large"]]
    hint = "_Raise a phase's capacity in study.yaml (roadmap.phases), add a phase without "
    assert hint in roadmap_to_markdown(plan, study)
    fits = roadmap_study(needs, [{"id": "all", "name": "All"}])
    assert hint not in roadmap_to_markdown(roadmap_of(fits), fits)


def test_a_phase_s_meter_shows_the_share_of_its_capacity_used() -> None:
    """2 of 4 points used: half; a phase without capacity has no meter."""
    needs = [{"id": "small", "groups": {"a": "must"}, "effort": "s"}]
    phases: list[dict[str, Any]] = [
        {"id": "now", "name": "Now", "capacity": 4},
        {"id": "later", "name": "Later"},
    ]
    study = roadmap_study(needs, phases)
    plan = roadmap_of(study)
    assert [view.full for view in phase_views(plan, study)] == [0.5, 0.0]
    page = render_roadmap_page(plan, study)
    assert page.count('<div class="meter">') == 1 and 'style="width: 50.0%"' in page


def test_the_printed_board_numbers_on_from_phase_to_phase() -> None:
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf

    study = _long_later()
    pdf = PdfReader(io.BytesIO(html_to_pdf(render_roadmap_page(roadmap_of(study), study))))
    board = pdf.pages[0].extract_text()
    # the text holds the list numbers apart from the items, in order: 1 was there twice
    numbers = [int(n) for n in re.findall(r"^(\d+)\. *$", board, re.M)]
    assert numbers == list(range(1, 32))  # 'now' 1, 'later' 2-31; the folded 15 are not printed
    assert "15 more needs, in the table below" in board


NUMBERS = ("#", "Score", "Demand", "Evidence")


@pytest.mark.parametrize("suffix", [".html", ".md", ".csv", ".xlsx", ".json"])
def test_cli_writes_each_format(tmp_path: Path, suffix: str) -> None:
    root = _survey_study(tmp_path)
    out = tmp_path / f"roadmap{suffix}"
    result = runner.invoke(app, ["roadmap", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and "5 of 5 needs planned" in result.stdout
    if suffix == ".xlsx":
        sheet = load_workbook(out).active
        assert sheet.title == "Roadmap" and sheet.cell(1, 2).value == "Need"
        assert sheet.max_row >= 6
        # numbers are numbers, to sort and sum: order, score, demand and evidence factor
        first = {sheet.cell(1, c).value: sheet.cell(2, c) for c in range(1, sheet.max_column + 1)}
        assert [(first[h].data_type, first[h].number_format) for h in first if h in NUMBERS] == [
            ("n", "#,##0"),  # the order, as 1,200 once a plan is that long
            ("n", "0.00"),  # a score and an evidence factor: two decimals
            ("n", "0.0%"),
            ("n", '"\u00d7"0.00'),
        ]
        assert 0 < first["Demand"].value < 1 and first["Evidence"].value >= 1
        # text right of a number is set off from it (the need beside its rank, "after"
        # beside the effort), heading and cell; text beside text is not
        headings = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
        indented = {h for c, h in enumerate(headings, 1) if sheet.cell(2, c).alignment.indent}
        assert indented == {"Need", "After"}
        assert {sheet.cell(1, headings.index(h) + 1).alignment.indent for h in indented} == {1}
        assert_prints_like_the_pdf(sheet)  # five needs with short names: one page wide
    elif suffix == ".json":
        assert len(json.loads(out.read_text(encoding="utf-8"))["phases"]) == 3
    else:
        assert "Room booking" in out.read_text(encoding="utf-8-sig")


def test_terminal_fits_80_columns_and_refusals(tmp_path: Path) -> None:
    root = _survey_study(tmp_path)
    shown = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    assert max(len(line.rstrip()) for line in shown.stdout.splitlines()) <= 80
    assert "Now · 15 of 20 points" in shown.stdout and "Score = share of the demand" in shown.stdout
    # an empty phase is its title and "nothing planned", no table without rows
    empty = "Next · 0 of 20 points\nnothing planned\n\nLater · 0 points\nnothing planned\n\nScore ="
    assert empty in shown.stdout
    refused = runner.invoke(app, ["roadmap", str(root), "--out", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "cannot write the roadmap as '.docx'" in refused.stderr
    assert not (tmp_path / "x.docx").exists()


def test_in_a_terminal_phases_are_bold_and_the_notes_dim(tmp_path: Path) -> None:
    root = _survey_study(tmp_path)
    shown = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": "80", **IN_A_TERMINAL})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("\x1b[1;3mNow\x1b[0m")  # a table title: bold and italic
    notes = lines[lines.index("\x1b[1mLater\x1b[0m · 0 points") + 3 :]
    assert plain(notes[0]).startswith("Score = share of the demand")
    assert "Platform: in a terminal of 110 columns or more" in plain("".join(notes[-2:]))
    assert all(line.startswith("\x1b[2m") for line in notes)


@pytest.mark.parametrize(("columns", "wide"), [(80, False), (130, True)])
def test_a_narrow_terminal_gives_the_need_s_title_the_most_room(
    make_study: StudyMaker, columns: int, wide: bool
) -> None:
    """Titles too long for both to fit: the need's keeps 3/5 of the room the figures leave,
    and stays on one line, while what it comes after wraps; a wide terminal changes nothing."""
    root = make_study(
        {
            "needs.yaml": "needs:\n"
            "  - {id: search, title: Information on projects in town, kind: content,"
            " groups: {desk: must}, depends_on: [mobile]}\n"
            "  - {id: mobile, title: One login for every application on a phone,"
            " kind: technology, groups: {field: must}}\n",
            "personas.yaml": None,
        }
    )
    shown = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": str(columns)})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    [row] = [line for line in lines if "Information on" in line]
    assert "Information on projects in town" in row
    assert ("One login for every application on a phone" in row) is wide


@pytest.mark.parametrize("columns", [80, 100, 200])
def test_the_phases_columns_line_up(tmp_path: Path, columns: int) -> None:
    """Each phase is a table of its own; sized by its own cells, 'Score' stood at a
    different place in each phase, and the reader's eye had to find it again."""
    root = tmp_path / "company"
    init_study(root, "company")
    shown = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": str(columns)})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    headings = [line for line in lines if line.lstrip().startswith("#  Need")]
    assert len(headings) == 3 and len(set(headings)) == 1
    *text, command = lines  # a command is one line, to copy whole, as status prints it
    assert command.startswith("  needmap why ")
    assert max(len(line.rstrip()) for line in text) <= columns


def test_dutch_template_in_a_subprocess(tmp_path: Path) -> None:
    root = tmp_path / "gemeente"
    assert runner.invoke(app, ["init", str(root), "--template", "gemeente"]).exit_code == 0
    out = tmp_path / "roadmap.html"
    done = run_needmap("roadmap", str(root), "-o", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "Waarom deze volgorde" in page
    assert "Nu" in page and "Straks" in page


@pytest.mark.parametrize(
    ("settings", "names"),
    [
        ({"language": "en"}, ["Now", "Next", "Later"]),
        ({"language": "nl"}, ["Nu", "Straks", "Later"]),
        ({}, ["Nu", "Straks", "Later"]),  # a study is Dutch unless it says otherwise
        ({"language": "nl", "roadmap": {}}, ["Nu", "Straks", "Later"]),
        ({"language": "nl", "roadmap": {"phases": [{"id": "q1", "name": "Q1"}]}}, ["Q1"]),
    ],
)
def test_a_study_without_phases_plans_in_its_own_language(
    settings: dict[str, Any], names: list[str]
) -> None:
    study = StudySettings.model_validate({"name": "S", "organisation": "O", **settings})
    assert [phase.name for phase in study.roadmap.phases] == names
    assert [phase.capacity for phase in study.roadmap.phases][:2] == (
        [20, 20] if len(names) == 3 else [None]
    )


def test_the_demo_roadmap_shows_what_the_survey_changed(demo: Path) -> None:
    """Before the survey every evidence factor is 1; search's tasks take more than twice the
    average share of votes, so its factor is the maximum, 2, and its score doubles."""
    roadmap = (demo / "roadmap.md").read_text(encoding="utf-8")
    changes = roadmap[roadmap.index("## Changes since the plan before the top-task survey") :]
    assert "| One search across all sources | earlier | Next | Now | 1.02 | 2.04 |" in changes
    brief = (demo / "brief.md").read_text(encoding="utf-8")
    assert "- **Changes:** Since the plan before the top-task survey: 4 earlier, 7 later;" in brief
    # texts to the left, figures to the right; with interview and search columns too
    assert "\n| --- | --- | --- | --- | ---: | ---: |\n" in changes
    ranking = "| ---: | --- | --- | --- |" + " ---: |" * 7 + " --- | --- |"
    assert f"\n{ranking}\n" in roadmap
    page = (demo / "roadmap.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="needs ranking changes">') :]
    table = table[: table.index("</table>")]
    # the need heads its row, so a screen reader names it with the change and the phases
    marked = re.findall(
        r'<tr class="covered">\s*<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>', table
    )
    assert len(marked) == 4 and {kind for _, kind in marked} == {"earlier"}
    plan = page[page.index('<table class="needs ranking roadmap">') :]
    headed = re.findall(r'<td class="num">\d+</td>\s*<th scope="row">([^<]*)</th>', plan)
    assert len(headed) == 46 and "One search across all sources" in headed


def _json_needs(data: dict[str, Any]) -> list[dict[str, Any]]:
    unplanned: list[dict[str, Any]] = data["unplanned"]
    return [n for phase in data["phases"] for n in phase["needs"]] + unplanned


def test_the_json_s_numbers_have_four_places_as_documented(demo: Path) -> None:
    roadmap = study_roadmap(load_study(demo / "study"))
    fields = ("score", "priority", "demand_share", "evidence", "evidence_factor")
    scored = [s for plan in roadmap.phases for s in plan.needs] + list(roadmap.unplanned)
    exact = [getattr(s, f) for s in scored for f in fields]
    shown = [n[f] for n in _json_needs(roadmap_to_json(roadmap)) for f in fields]
    assert shown == [None if v is None else round(v, 4) for v in exact]
    assert any(v is not None and round(v, 4) != v for v in exact)  # so the rounding shows


def test_the_json_has_each_need_s_interviews_and_searches_where_the_study_has_them(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    from tests.conftest import SHOWN_INTERVIEW
    from tests.search_logs import files_with_logs

    heard = roadmap_to_json(
        study_roadmap(load_study(make_study({"interviews/r1.yaml": SHOWN_INTERVIEW})))
    )
    assert {n["id"]: (n["interviews"], n["searches"]) for n in _json_needs(heard)} == {
        "search": ({"supported": 0, "questioned": 0}, None),
        "mobile": ({"supported": 1, "questioned": 0}, None),
    }
    files = files_with_logs()
    files["needs.yaml"] = str(files["needs.yaml"]).replace(
        "title: Phone book", "title: Telefoonlijst é"
    )
    study = load_study(make_study(files, name="searched"))
    searched = roadmap_to_json(study_roadmap(study))
    assert {n["id"]: n["searches"] for n in _json_needs(searched)}["leave"] == {
        "searches": 50,
        "no_results": 17,
        "gap": True,
    }
    assert all(n["interviews"] is None for n in _json_needs(searched))
    write_roadmap(study_roadmap(study), study, tmp_path / "roadmap.json")
    assert '"title": "Telefoonlijst é"' in (tmp_path / "roadmap.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("room", "shares"),
    [
        (100, {1: 3, 2: 2, 3: 2}),  # 42.9, 28.6, 28.6: none wider than its cells
        (130, {1: 51, 2: 39, 3: 39}),  # 55.7 > 51: the need's title 51, the rest 79 / 2
        (136, {1: 51, 2: 40, 3: 45}),  # 58.3 > 51, then 42.5 > 40, then 45: all whole
    ],
)
def test_the_roadmap_s_text_columns_take_no_more_than_their_widest_cell(
    room: int, shares: dict[int, int]
) -> None:
    """Columns 1 (the need, 3), 2 (platform, 2) and 3 (after, 2), at most 51, 40 and 45
    wide, share the room the figures leave."""
    from needmap.cli.plans import _text_shares

    assert _text_shares(room, {1: 3, 2: 2, 3: 2}, {1: 51, 2: 40, 3: 45}) == shares
