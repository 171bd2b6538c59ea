"""Needs decided for a phase (``phase`` in needs.yaml): planned there whatever their score,
with what they depend on no later; hand-checked plans, a property test, every output, and
the merge of a decided need."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.model.notes import Note
from needmap.model.overlap import need_order
from needmap.personas.references import (
    decided_too_early,
    dependencies_first,
    dependencies_of,
    highest_below,
)
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.reports.i18n import note_text
from needmap.reports.roadmap_report import (
    build_roadmap_table,
    render_roadmap_page,
    roadmap_summary,
    roadmap_to_json,
    roadmap_to_markdown,
)
from needmap.reports.why_report import need_story, why_to_markdown
from tests.conftest import IN_A_TERMINAL, StudyMaker, plain
from tests.plans import ROADMAP_NEEDS, planned_ids, random_plans, roadmap_of, roadmap_study

runner = CliRunner()

# ROADMAP_NEEDS' scores (see tests/test_roadmap.py): n1 16 (m, 3 points), n2 12 (s, 2), n3 4 (xs, 1;
# priority 6, as n4 depends on it), n4 6 (s, 2), n5 4 (m, 3). Planned by score alone into
# now (5 points) and next (6): now n1, n2; next n3, n4, n5.
PHASES: list[dict[str, Any]] = [
    {"id": "now", "name": "Now", "capacity": 5},
    {"id": "next", "name": "Next", "capacity": 6},
    {"id": "later", "name": "Later"},
]


def _decided(decisions: dict[str, str], phases: list[dict[str, Any]] = PHASES) -> Study:
    needs = [
        {**n, "phase": decisions[n["id"]]} if n["id"] in decisions else n for n in ROADMAP_NEEDS
    ]
    return roadmap_study(needs, phases)


def test_a_decided_need_takes_its_phase_first() -> None:
    """n5 (score 4) decided for now: its 3 points are set aside, so n1 (3) no longer fits
    in now's remaining 2 and goes next; n2 (2) fills now; n3 and n4 follow n1 in next."""
    roadmap = roadmap_of(_decided({"n5": "now"}))
    assert planned_ids(roadmap) == [["n2", "n5"], ["n1", "n3", "n4"], [], []]
    scored = {s.need.id: s for s in roadmap.needs}
    assert scored["n5"].decided and not scored["n1"].decided
    assert [n.key for n in roadmap.notes] == ["note.effort_unknown"]  # none over capacity


def test_what_a_decided_need_depends_on_comes_no_later() -> None:
    """n4 (2 points) decided for now, after n3 (1): both set aside in now, leaving 2 for
    n2; n1 (3) goes next with n5. By score alone n3 and n4 were next."""
    roadmap = roadmap_of(_decided({"n4": "now"}))
    assert planned_ids(roadmap) == [["n2", "n3", "n4"], ["n1", "n5"], [], []]
    scored = {s.need.id: s for s in roadmap.needs}
    assert scored["n3"].due_for == ("n4",) and not scored["n3"].decided
    assert scored["n2"].due_for == ()
    # decided itself, n3 is not due for anything: its own decision places it
    both = {s.need.id: s for s in roadmap_of(_decided({"n3": "now", "n4": "now"})).needs}
    assert both["n3"].due_for == () and both["n3"].decided


def test_what_a_decided_need_depends_on_may_come_earlier() -> None:
    """n4 decided for next: n3 is due by next, but goes now where there is room (6
    points: n1 3, n2 2, n3 1); the point set aside for it in next is given back, so n5
    (3) fits there beside n4 (2) in 5."""
    phases = [{**PHASES[0], "capacity": 6}, {**PHASES[1], "capacity": 5}, PHASES[2]]
    roadmap = roadmap_of(_decided({"n4": "next"}, phases))
    assert planned_ids(roadmap) == [["n1", "n2", "n3"], ["n4", "n5"], [], []]


def test_decisions_beyond_a_phase_s_capacity_fill_it_and_say_so() -> None:
    """n1 (3), n2 (2) and n4 (2, after n3's 1) decided for now: 8 of its 5 points."""
    study = _decided({"n1": "now", "n2": "now", "n4": "now"})
    roadmap = roadmap_of(study)
    assert planned_ids(roadmap) == [["n1", "n2", "n3", "n4"], ["n5"], [], []]
    assert [note_text(n, "en") for n in roadmap.notes] == [
        "no effort given for n5: counted as m",
        "Now holds 8 points, over its capacity of 5: the needs decided for it and what "
        "they depend on take more",
    ]
    assert note_text(roadmap.notes[1], "nl").startswith("Now bevat 8 punten, meer dan de ")
    page = render_roadmap_page(roadmap, study)
    assert page.count('<div class="meter over">') == 1  # next's 3 of 6 is not over
    assert "Now holds 8 points, over its capacity of 5" in page


def test_every_output_marks_a_decided_need() -> None:
    study = _decided({"n4": "now"})
    roadmap = roadmap_of(study)
    table = build_roadmap_table(roadmap, study)
    rows = {row[1]: row for row in table.rows}
    assert rows["Need n4"][2] == "Now (decided)" and rows["Need n3"][2] == "Now"
    assert rows["Need n3"][-1] == "Need n4"  # brought forward for
    assert table.notes[1].startswith("A need with a phase in needs.yaml is in that phase")
    markdown = roadmap_to_markdown(roadmap, study)
    assert "- Need n4 (decided; Functions, S (2), " in markdown
    assert "- Need n3 (Functions, XS (1), " in markdown
    page = render_roadmap_page(roadmap, study)
    assert page.count('<span class="decided">decided</span>') == 1
    summary = "5 of 5 needs planned in 3 phases, 1 of them as decided"
    assert roadmap_summary(roadmap, "en") == summary and summary in page
    data = roadmap_to_json(roadmap)
    now = {n["id"]: n for n in data["phases"][0]["needs"]}
    assert (now["n4"]["decided"], now["n4"]["due_for"]) == (True, [])
    assert (now["n3"]["decided"], now["n3"]["due_for"]) == (False, ["n4"])
    # a need brought forward only by a decision: n2's score is above n5's
    needs = [*ROADMAP_NEEDS[:4], {**ROADMAP_NEEDS[4], "depends_on": ["n2"], "phase": "now"}]
    decided = roadmap_study(needs, PHASES)
    plan = roadmap_of(decided)
    assert {s.need.id: s.needed_by for s in plan.needs}["n2"] == ()
    rows = {row[1]: row for row in build_roadmap_table(plan, decided).rows}
    assert rows["Need n2"][-1] == "Need n5"
    # without decisions the rule about them is not told
    undecided = roadmap_study(ROADMAP_NEEDS, PHASES)
    notes = build_roadmap_table(roadmap_of(undecided), undecided).notes
    assert not any("phase in needs.yaml" in note for note in notes)
    assert roadmap_summary(roadmap_of(undecided), "en") == "5 of 5 needs planned in 3 phases"


def test_a_dutch_roadmap_says_besloten() -> None:
    phases: list[dict[str, Any]] = [
        {"id": "nu", "name": "Nu", "capacity": 5},
        {"id": "later", "name": "Later"},
    ]
    needs = [{**n, "phase": "nu"} if n["id"] == "n5" else n for n in ROADMAP_NEEDS]
    study = roadmap_study(needs, phases)
    study = dataclasses.replace(
        study, settings=study.settings.model_copy(update={"language": "nl"})
    )
    roadmap = roadmap_of(study)
    rows = {row[1]: row for row in build_roadmap_table(roadmap, study).rows}
    assert rows["Need n5"][2] == "Nu (besloten)"
    assert roadmap_summary(roadmap, "nl") == (
        "5 van 5 behoeften gepland in 2 fasen, waarvan 1 zoals besloten"
    )


def test_why_says_the_phase_was_decided_and_what_it_brought_forward(
    make_study: StudyMaker,
) -> None:
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, groups: {desk: must},
                     depends_on: [mobile], phase: next}
                  - {id: mobile, title: Works on a phone, kind: technology,
                     groups: {field: must}}
                """
        }
    )
    study = load_study(root)
    search = why_to_markdown(need_story(study, "search"))
    assert "Decided for Next (phase: next in needs.yaml), whatever its score." in search
    mobile = why_to_markdown(need_story(study, "mobile"))
    assert "Planned no later than Next: needs decided for it depend on it (Search)." in mobile
    result = runner.invoke(app, ["why", str(root), "search", "--json"])
    assert json.loads(result.stdout)["decided"] is True
    printed = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": "80"})
    assert printed.exit_code == 0, printed.output
    assert "Search (decided)" in plain(printed.stdout)


def test_in_a_terminal_a_phase_decisions_overfill_shows_its_load_in_red(
    make_study: StudyMaker,
) -> None:
    study_yaml = (
        "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
        "    - {id: now, name: Now, capacity: 2}\n    - {id: later, name: Later, capacity: 9}\n"
    )
    needs = """\
        needs:
          - {id: search, title: Search, kind: function, groups: {desk: must}, phase: now}
          - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must}}
        """
    root = make_study({"study.yaml": study_yaml, "needs.yaml": needs})
    shown = runner.invoke(app, ["roadmap", str(root)], env={"COLUMNS": "80", **IN_A_TERMINAL})
    lines = shown.stdout.splitlines()
    assert "\x1b[3;31m3 of 2 points\x1b[0m" in lines[0]  # a table title: italic too
    later = next(line for line in lines if plain(line).startswith("Later"))
    assert "3 of 9 points" in later and "\x1b[31m" not in later


@st.composite
def _decided_plans(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Random needs and phases (as tests/test_roadmap.py draws them), some needs decided
    for a phase, none before a need it depends on."""
    needs, phases = draw(random_plans())
    # some phases take decisions only
    phases = [{**p, "capacity": 0} if draw(st.booleans()) else p for p in phases]
    ids = [p["id"] for p in phases]
    decided = [
        {**n, "phase": draw(st.sampled_from(ids))} if draw(st.booleans()) else n for n in needs
    ]
    study = roadmap_study(decided, phases)
    assume(not any(decided_too_early(study.need_by_id, ids)))
    return decided, phases


@settings(max_examples=150, deadline=None)
@given(plan=_decided_plans())
def test_decided_plans_keep_decisions_and_dependencies(
    plan: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    needs, phases = plan
    roadmap = roadmap_of(roadmap_study(needs, phases))
    ids = planned_ids(roadmap)
    assert sorted(n for part in ids for n in part) == sorted(n["id"] for n in needs)
    phase_of = {n: i for i, part in enumerate(ids[:-1]) for n in part}
    index = {p["id"]: i for i, p in enumerate(phases)}
    for need in needs:
        if "phase" in need:  # a decision stands, whatever the room
            assert phase_of[need["id"]] == index[need["phase"]]
        for dependency in need["depends_on"]:
            if need["id"] in phase_of:
                assert phase_of[dependency] <= phase_of[need["id"]]
    for plan_ in roadmap.phases:
        capacity = plan_.phase.capacity
        free = [s for s in plan_.needs if not s.decided and not s.due_for]
        # only decisions fill a phase beyond its capacity: a need placed by its score
        # found room, and kept it
        if capacity is not None and free:
            assert plan_.points <= capacity + 1e-9
        if capacity == 0:  # decisions only, and what they depend on
            assert not free


def test_merging_a_decided_need_keeps_the_earliest_decision(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - id: search
                    title: Search
                    kind: function
                    groups: {desk: must, field: should}
                    phase: later  # steering group
                  - id: find
                    title: Find things
                    kind: function
                    groups: {field: must}
                    phase: next
                  - id: mobile
                    title: Works on a phone
                    kind: technology
                    groups: {field: must}
                """
        }
    )
    result = runner.invoke(app, ["needs", "merge", str(root), "search", "find", "--into", "search"])
    assert result.exit_code == 0, result.output
    assert "decided for phase 'next', as find was" in plain(result.stdout)
    text = (root / "needs.yaml").read_text()
    assert "    phase: next  # steering group\n" in text and "Find things" not in text


def test_a_merge_that_decides_a_need_before_its_dependency_is_refused(
    make_study: StudyMaker,
) -> None:
    needs = """\
        needs:
          - id: search
            title: Search
            kind: function
            groups: {desk: must}
            depends_on: [mobile]
          - id: find
            title: Find things
            kind: function
            groups: {field: must}
            phase: now
          - id: mobile
            title: Works on a phone
            kind: technology
            groups: {field: must}
            phase: later
        """
    root = make_study({"needs.yaml": needs})
    before = (root / "needs.yaml").read_text()
    result = runner.invoke(app, ["needs", "merge", str(root), "search", "find", "--into", "search"])
    assert result.exit_code == 2
    assert plain(result.stderr).splitlines()[:2] == [
        f"{root / 'needs.yaml'}:2:9: after the merge, need 'search' is decided for phase "
        "'now', before 'mobile' it depends on, decided for 'later'",
        "    hint: decide 'search' for 'later' or later, or 'mobile' for 'now' or earlier, "
        "then merge",
    ]
    assert (root / "needs.yaml").read_text() == before
    # into a new id, the problem stands where the merged need would: at the entry it keeps
    renamed = ["needs", "merge", str(root), "search", "find", "--into", "finding"]
    result = runner.invoke(app, renamed)
    assert result.exit_code == 2
    assert plain(result.stderr).startswith(
        f"{root / 'needs.yaml'}:2:9: after the merge, need 'finding' is decided for phase "
    )


@pytest.mark.parametrize("phase", ["now", "next"])
def test_a_need_decided_for_the_phase_it_would_be_planned_in_changes_nothing(
    phase: str,
) -> None:
    undecided = planned_ids(roadmap_of(roadmap_study(ROADMAP_NEEDS, PHASES)))
    need = "n1" if phase == "now" else "n5"
    assert planned_ids(roadmap_of(_decided({need: phase}))) == undecided


def test_a_need_and_its_dependency_decided_for_one_phase_load(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, groups: {desk: must},
                     depends_on: [mobile], phase: now}
                  - {id: mobile, title: Works on a phone, kind: technology,
                     groups: {field: must}, phase: now}
                """
        }
    )
    roadmap = roadmap_of(load_study(root))
    assert planned_ids(roadmap)[0] == ["mobile", "search"]


def test_a_merge_that_decides_a_dependency_after_its_dependent_is_refused(
    make_study: StudyMaker,
) -> None:
    """Search (decided for now) depends on find; find merged into mobile (decided for
    later): search would depend on a need decided after it."""
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, groups: {desk: must},
                     depends_on: [find], phase: now}
                  - {id: find, title: Find things, kind: technology, groups: {field: must}}
                  - {id: mobile, title: Works on a phone, kind: technology,
                     groups: {field: must}, phase: later}
                """
        }
    )
    result = runner.invoke(app, ["needs", "merge", str(root), "mobile", "find", "--into", "mobile"])
    assert result.exit_code == 2
    assert (
        "after the merge, need 'search' is decided for phase 'now', before 'mobile' it "
        "depends on, decided for 'later'" in plain(result.stderr)
    )


def test_status_asks_to_revisit_decisions_beyond_a_phase_s_capacity(
    make_study: StudyMaker,
) -> None:
    from needmap.reports.status_report import study_status

    study_yaml = (
        "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
        "    - {id: now, name: Now, capacity: 2.5}\n    - {id: later, name: Later}\n"
    )
    needs = """\
        needs:
          - {id: search, title: Search, kind: function, groups: {desk: must}, phase: now}
          - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must},
             effort: xs}
        """
    root = make_study({"study.yaml": study_yaml, "needs.yaml": needs})
    steps = [s for s in study_status(load_study(root)).steps if "decided" in s.text]
    assert [(s.text, s.command) for s in steps] == [
        (
            "Revisit what is decided for Now: with what it depends on, it holds 3 of 2.5 "
            "points. Decide some of it for a later phase (phase in needs.yaml), or raise the "
            "phase's capacity in study.yaml.",
            f"needmap roadmap {root}",
        )
    ]
    # a phase of capacity 0 holds decisions only: nothing to revisit
    in_place = study_yaml.replace("capacity: 2.5", "capacity: 0")
    decided_only = make_study({"study.yaml": in_place, "needs.yaml": needs}, name="in-place")
    assert not [s for s in study_status(load_study(decided_only)).steps if "decided" in s.text]
    note = roadmap_of(load_study(root)).notes[-1]
    assert note_text(note, "nl").startswith("Now bevat 3 punten, meer dan de capaciteit van 2,5:")
    assert note_text(note, "en").startswith("Now holds 3 points, over its capacity of 2.5:")
    # thousands as each language writes them: the model gives the figures without any
    large = Note("note.over_capacity", {"phase": "Now", "points": "1500", "capacity": "1000.5"})
    assert note_text(large, "nl").startswith(
        "Now bevat 1.500 punten, meer dan de capaciteit van 1.000,5:"
    )
    assert note_text(large, "en").startswith(
        "Now holds 1,500 points, over its capacity of 1,000.5:"
    )


def test_what_a_decision_moved_is_marked_decided_in_the_changes() -> None:
    """n4 decided for now: it and n3 moved there from next, n1 to next; only n4 was
    decided."""
    from needmap.model.replan import replan, snapshot
    from needmap.reports.roadmap_report import build_changes_table

    before = snapshot(roadmap_of(roadmap_study(ROADMAP_NEEDS, PHASES)))
    study = _decided({"n4": "now"})
    changes = build_changes_table(replan(roadmap_of(study), before, "october"), study)
    assert changes is not None
    assert {row[0]: (row[1], row[3]) for row in changes.rows} == {
        "Need n1": ("later", "Next"),
        "Need n3": ("earlier", "Now"),
        "Need n4": ("earlier", "Now (decided)"),
    }


def test_a_phase_of_no_capacity_takes_only_what_is_decided_for_it() -> None:
    """'In place' (capacity 0) before now: n2 decided for it; the rest is planned as if
    it were not there (n1, n3 now; n4, n5 next), and 2 points over 0 is no note."""
    phases = [{"id": "in-place", "name": "Already in place", "capacity": 0}, *PHASES]
    study = _decided({"n2": "in-place"}, phases)
    roadmap = roadmap_of(study)
    assert planned_ids(roadmap) == [["n2"], ["n1", "n3"], ["n4", "n5"], [], []]
    assert [n.key for n in roadmap.notes] == ["note.effort_unknown"]
    page = render_roadmap_page(roadmap, study)
    assert '<h2>Already in place</h2>\n    <p class="load">2 points</p>' in page
    # what comes first is now's, not what is in place: the band, the brief, why
    first = roadmap.first_phase()
    assert first is not None and first.phase.id == "now"
    table = build_roadmap_table(roadmap, study)
    marked = [row[1] for row, band in zip(table.rows, table.in_coverage, strict=True) if band]
    assert marked == ["Need n1", "Need n3"]


def test_the_summary_writes_a_thousand_needs_as_each_language_does() -> None:
    """'1,200 of 1,200 needs', '1.200 van 1.200 behoeften', as the reports' other counts:
    the summary wrote 1200, and a Dutch reader takes 1,200 for one and a fifth."""
    needs = [
        {"id": f"n{i:04}", "groups": {"a": "must"}, "effort": "xs", "phase": "now"}
        if i < 1100
        else {"id": f"n{i:04}", "groups": {"a": "must"}, "effort": "xs"}
        for i in range(1200)
    ]
    roadmap = roadmap_of(roadmap_study(needs, [{"id": "now", "name": "Now"}]))
    assert roadmap_summary(roadmap, "en") == (
        "1,200 of 1,200 needs planned in 1 phase, 1,100 of them as decided"
    )
    assert roadmap_summary(roadmap, "nl") == (
        "1.200 van 1.200 behoeften gepland in 1 fase, waarvan 1.100 zoals besloten"
    )
    study = roadmap_study(needs, [{"id": "now", "name": "Now"}])
    assert build_roadmap_table(roadmap, study).rows[-1][0] == "1,200"  # its place in order


@st.composite
def _any_decisions(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Random needs and phases, some needs decided for a phase, before their dependencies'
    or not."""
    needs, phases = draw(random_plans())
    ids = [p["id"] for p in phases]
    decided = [
        {**n, "phase": draw(st.sampled_from(ids))} if draw(st.booleans()) else n for n in needs
    ]
    return decided, phases


def _walk(need_id: str, study: Study) -> list[tuple[str, tuple[str, ...]]]:
    """Every dependency of a need, nearest first, with the needs in between: each walked."""
    found: list[tuple[str, tuple[str, ...]]] = []
    paths: list[tuple[str, tuple[str, ...]]] = [(need_id, ())]
    seen = {need_id}
    while paths:
        current, trail = paths.pop(0)
        for dependency in study.need_by_id[current].depends_on:
            if dependency not in seen:
                seen.add(dependency)
                found.append((dependency, trail))
                paths.append((dependency, (*trail, dependency)))
    return found


@settings(max_examples=200, deadline=None)
@given(plan=_any_decisions())
def test_a_walk_only_where_a_decision_lies_below_finds_what_walking_everything_finds(
    plan: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    """The decisions before a dependency's, and the decisions each undecided need is due
    for, as walking every dependency of every decided need finds them, in its order and
    with its needs in between."""
    needs, phases = plan
    study = roadmap_study(needs, phases)
    ids = [p["id"] for p in phases]
    early = [
        (need.id, need.phase, dependency, later, through)
        for need in study.needs
        if need.phase is not None
        for dependency, through in _walk(need.id, study)
        if (later := study.need_by_id[dependency].phase) is not None
        and ids.index(later) > ids.index(need.phase)
    ]
    found = decided_too_early(study.need_by_id, ids)
    assert [(e.need, e.phase, e.dependency, e.later, e.through) for e in found] == early
    if early:
        return
    ordered = sorted(study.needs, key=need_order)
    for scored in roadmap_of(study).needs:
        due = [
            n.id
            for n in ordered
            if n.phase is not None
            and scored.need.phase is None
            and scored.need.id in dict(_walk(n.id, study))
        ]
        assert scored.due_for == tuple(due)


def test_a_decision_before_a_long_chain_s_end_names_the_chain_by_its_ends() -> None:
    """n00 decided for now depends, through 18 needs, on n19 decided for later: the
    message named all 18; a chain of a thousand made a line of a thousand ids."""
    needs = [
        {"id": f"n{i:02}", "groups": {"a": "must"}, "depends_on": [f"n{i + 1:02}"]}
        for i in range(19)
    ]
    needs[0]["phase"] = "now"
    needs.append({"id": "n19", "groups": {"a": "must"}, "phase": "later"})
    study = roadmap_study(needs, PHASES)
    (early,) = decided_too_early(study.need_by_id, [p["id"] for p in PHASES])
    assert early.through == tuple(f"n{i:02}" for i in range(1, 19))
    assert early.message == (
        "need 'n00' is decided for phase 'now', before 'n19' it depends on (through 18 "
        "needs: n01, n02, n03, n04, …, n15, n16, n17, n18), decided for 'later'"
    )
    short = roadmap_study([*needs[:1], {**needs[18], "id": "n01"}, needs[19]], PHASES)
    (early,) = decided_too_early(short.need_by_id, [p["id"] for p in PHASES])
    assert "(through n01), decided" in early.message


def test_the_brief_counts_the_first_phase_s_other_needs_as_the_language_does() -> None:
    """'and 1,200 more' (en nog 1.200): the six needs named first, then the count."""
    from needmap.reports.brief import _roadmap_line

    needs = [{"id": f"n{i:04}", "groups": {"a": "must"}, "effort": "xs"} for i in range(1206)]
    roadmap = roadmap_of(roadmap_study(needs, [{"id": "now", "name": "Now"}]))
    assert _roadmap_line(roadmap, "en").endswith("Need n0005; and 1,200 more.")
    assert _roadmap_line(roadmap, "nl").endswith("Need n0005; en nog 1.200.")


def test_what_lies_below_each_need_is_found_in_one_pass() -> None:
    """highest_below by hand: d depends on c on b on a, e on a and on nothing known; x and
    y depend on each other (a cycle: nothing ruled out, for them and what depends on them).
    dependencies_of reaches a need the walk does not go on below."""
    written: list[dict[str, Any]] = [
        {"id": "a", "phase": "later"},
        {"id": "b", "depends_on": ["a"]},
        {"id": "c", "depends_on": ["b", "b"], "phase": "now"},
        {"id": "d", "depends_on": ["c"]},
        {"id": "e", "depends_on": ["a", "gone"]},
        {"id": "x", "depends_on": ["y"]},
        {"id": "y", "depends_on": ["x"]},
        {"id": "z", "depends_on": ["x"]},
    ]
    needs = {
        n["id"]: Need.model_validate({"title": n["id"], "kind": "content", **n}) for n in written
    }
    index = {"now": 0, "later": 1}
    below = highest_below(needs, lambda need: index.get(need.phase or "", -1))
    assert below == {
        "a": -1,
        "b": 1,
        "c": 1,
        "d": 1,
        "e": 1,
        "x": math.inf,
        "y": math.inf,
        "z": math.inf,
    }
    assert dependencies_of("d", needs) == {"c": "d", "b": "c", "a": "b"}
    assert dependencies_of("d", needs, lambda n: n != "c") == {"c": "d"}
    assert dependencies_of("x", needs) == {"y": "x"}
    # the first ready in the order given, each time; a cycle, and what depends on it, never
    ids = ["d", "c", "b", "a", "x", "y", "z", "e"]
    arranged = dependencies_first(ids, lambda n: needs[n].depends_on)
    assert arranged == ["a", "b", "c", "d", "e"]
