"""Slips that load without an error but would show wrong: a persona's text split at its
comma in a list in brackets, an id named twice in one list, two items with one name, and a
minimum group size that lets a breakdown show one or two people."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from needmap import analyse_toptasks, check_study, import_survey, load_mapping, load_study
from needmap.errors import Severity
from tests.conftest import MINIMAL_STUDY, SURVEY_FIXTURES, StudyMaker, run_needmap

PERSONAS = """\
    personas:
      - id: henk
        name: Henk
        group: field
        role: Park keeper
        frustrations: [No signal in the basement, and the drawing is on the server]
        goals: [Planning, contracts and history in one place, Fewer calls]
        devices: [Laptop, smartphone, Tablet in the van]
        places: ["Depot, north side", on the road]
        quotes: ["If it is not on my phone, it does not exist, really"]
        needs: [mobile, search, mobile]
    """


def test_a_text_split_at_its_comma_and_a_need_named_twice_are_warnings(
    make_study: StudyMaker,
) -> None:
    needs = textwrap.dedent(MINIMAL_STUDY["needs.yaml"]) + "    depends_on: [search, search]\n"
    root = make_study({"personas.yaml": PERSONAS, "needs.yaml": needs})
    study = load_study(root)
    shown = [(f"{w.location.line}:{w.location.column}", w.key, w.message) for w in study.warnings]
    assert shown == [  # by file and line
        (
            "10:26",
            "needs[1].depends_on[1]",
            "need 'search' is named twice in this list (first at line 10, column 18)",
        ),
        (
            "6:47",
            "personas[0].frustrations[1]",
            "the comma before 'and the drawing is on the server' ends an item: YAML splits "
            "a list in brackets at every comma, so this is an item of its own",
        ),
        (
            "7:23",
            "personas[0].goals[1]",
            "the comma before 'contracts and history in one place' ends an item: YAML "
            "splits a list in brackets at every comma, so this is an item of its own",
        ),
        (
            "11:29",
            "personas[0].needs[2]",
            "need 'mobile' is named twice in this list (first at line 11, column 13)",
        ),
    ]
    assert all(w.severity is Severity.WARNING for w in study.warnings)
    assert study.warnings[1].hint == (
        'if it is one text, quote it: ["No signal in the basement, and the drawing is on '
        'the server"]; if they are two items, start this one with a capital letter'
    )
    # what the reports use holds each id once, in the order first written
    assert study.personas[0].needs == ["mobile", "search"]
    assert study.need_by_id["mobile"].depends_on == ["search"]


def test_two_items_with_one_name_are_a_warning_at_the_second(make_study: StudyMaker) -> None:
    """A group copied to make another, its name left: two columns no reader can tell
    apart. Names compare as a reader sees them (case, a soft hyphen); each kind on its
    own (a need may be called as a group is), and a name that differs is no slip."""
    root = make_study(
        {
            "groups.yaml": textwrap.dedent(MINIMAL_STUDY["groups.yaml"])
            + '  - {id: desk2, name: "FRONT de\\u00adsk", family: staff}\n'
            + "  - {id: desk3, name: Front desks, family: staff}\n",
            "needs.yaml": textwrap.dedent(MINIMAL_STUDY["needs.yaml"])
            + "  - {id: search2, title: search, kind: content, groups: {desk: could}}\n"
            + "  - {id: desk, title: Front desk, kind: content, groups: {desk: could}}\n",
            "personas.yaml": PERSONAS.replace("[mobile, search, mobile]", "[mobile]").rstrip(" ")
            + "      - {id: henk2, name: Henk, group: desk, role: Clerk}\n",
        }
    )
    study = load_study(root)
    shown = [
        (Path(str(w.location.path)).name, w.location.line, w.key, w.message.replace(f"{root}/", ""))
        for w in study.warnings
        if "of its own" in w.hint
    ]
    assert shown == [
        (
            "groups.yaml",
            13,
            "groups[2].name",
            "group 'desk2' has the name 'FRONT de<U+00AD>sk' of group 'desk' "
            "(at groups.yaml:6:11): no report can tell the two apart",
        ),
        (
            "needs.yaml",
            10,
            "needs[2].title",
            "need 'search2' has the title 'search' of need 'search' (at needs.yaml:3:12): "
            "no report can tell the two apart",
        ),
        (
            "personas.yaml",
            12,
            "personas[1].name",
            "persona 'henk2' has the name 'Henk' of persona 'henk' (at personas.yaml:3:11): "
            "no report can tell the two apart",
        ),
    ]
    assert {w.hint for w in study.warnings if "of its own" in w.hint} == {
        "give each group a name of its own, or merge the two",
        "give each need a title of its own, or merge the two",
        "give each persona a name of its own, or merge the two",
    }


def test_lists_that_are_meant_as_lists_give_no_warning(make_study: StudyMaker) -> None:
    """Short names in lower case ('smartphone'), a quoted text with its comma, an item in
    lower case after one in lower case (the first item is after none, the last item not
    before it), and a list written one item a line."""
    personas = """\
        personas:
          - id: henk
            name: Henk
            group: field
            role: Park keeper
            devices: [Laptop, smartphone, tablet in the van]
            scenarios: [walks the rounds with a tablet, Fixes what he finds]
            places: ["Depot, north side", In the van]
            goals: [fix it on the spot, and close the work order there]
            frustrations:
              - No signal in the basement
              - and the drawing is on the server, which he reads on a phone
            needs: [mobile, search]
        """
    assert load_study(make_study({"personas.yaml": personas})).warnings == ()


@pytest.mark.parametrize(
    ("devices", "warned"),
    [("tablet in the van", True), ("tablet in van", False), ("and a tablet", True)],
)
def test_four_words_in_lower_case_after_a_capital_read_as_a_clause(
    make_study: StudyMaker, devices: str, warned: bool
) -> None:
    """Four words in lower case after a capital read as the rest of its sentence, as do
    fewer that start with a word such as 'and'; three others are an item of their own."""
    personas = PERSONAS.replace("[Laptop, smartphone, Tablet in the van]", f"[Laptop, {devices}]")
    warnings = load_study(make_study({"personas.yaml": personas})).warnings
    assert any(w.key == "personas[0].devices[1]" for w in warnings) is warned


def test_validate_prints_the_warnings_and_passes(make_study: StudyMaker) -> None:
    root = make_study({"personas.yaml": PERSONAS})
    done = run_needmap("validate", str(root))
    assert done.returncode == 0, done.stderr
    assert f"{root}/personas.yaml:6:47: personas[0].frustrations[1]: warning: the comma" in (
        done.stderr
    )
    strict = run_needmap("validate", str(root), "--strict")
    assert strict.returncode == 2


def test_a_need_named_twice_by_a_survey_task_or_a_quote_counts_once(tmp_path: Path) -> None:
    """A task whose needs name one twice gave that need the task's votes twice; a quote's,
    its interview twice. Both are warnings of validate, and count once; as is a group
    that a survey answer names twice."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    mapping = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text(encoding="utf-8")
    twice = mapping.replace(
        "needs: [hr-self-service]}", "needs: [hr-self-service, hr-self-service]}", 1
    ).replace("office: office,", "office: [office, office],")
    assert twice != mapping
    (root / "surveys" / "toptasks.yaml").write_text(twice, encoding="utf-8")
    (root / "interviews").mkdir()
    (root / "interviews" / "desk.yaml").write_text(
        "interviews:\n  - id: desk-1\n    group: desk\n    participants: 3\n    quotes:\n"
        "      - text: Leave takes three forms.\n"
        "        needs: [hr-self-service, hr-self-service]\n",
        encoding="utf-8",
    )
    study = load_study(root)
    loaded = load_mapping(root / "surveys" / "toptasks.yaml", study)
    assert loaded.tasks[0].needs == ["hr-self-service"]
    tally = import_survey(loaded, SURVEY_FIXTURES / "exports" / "long.csv").tally
    twice_evidence = {e.need: e.votes for e in analyse_toptasks(study, loaded, tally).needs}
    (root / "surveys" / "toptasks.yaml").write_text(mapping, encoding="utf-8")
    once = load_mapping(root / "surveys" / "toptasks.yaml", study)
    once_evidence = {e.need: e.votes for e in analyse_toptasks(study, once, tally).needs}
    assert twice_evidence == once_evidence and once_evidence["hr-self-service"] > 0
    (root / "surveys" / "toptasks.yaml").write_text(twice, encoding="utf-8")
    warned = [
        (p.location.path.name if p.location.path else "", p.key, p.message)
        for p in check_study(root).problems
        if "named twice" in p.message
    ]
    assert warned == [
        (
            "desk.yaml",
            "interviews[0].quotes[0].needs[1]",
            "need 'hr-self-service' is named twice in this list (first at line 7, column 17)",
        ),
        (
            "toptasks.yaml",
            "group.values.office[1]",
            "group 'office' is named twice in this list (first at line 8, column 47)",
        ),
        (
            "toptasks.yaml",
            "tasks[0].needs[1]",
            "need 'hr-self-service' is named twice in this list (first at line 12, column 57)",
        ),
    ]


@pytest.mark.parametrize(("minimum", "people"), [(1, "one person"), (2, "two people"), (3, None)])
def test_a_minimum_group_size_below_three_is_a_warning(
    make_study: StudyMaker, minimum: int, people: str | None
) -> None:
    privacy = f"privacy:\n  min_group_size: {minimum}\n"
    settings = textwrap.dedent(MINIMAL_STUDY["study.yaml"]) + privacy
    study = load_study(make_study({"study.yaml": settings}))
    shown = [(w.location.line, w.location.column, w.key, w.message) for w in study.warnings]
    if people is None:
        assert shown == []
        return
    assert shown == [
        (
            5,
            19,
            "privacy.min_group_size",
            f"a minimum of {minimum} lets a table or chart show what {people} answered, "
            "which those who know them can trace back",
        )
    ]
    assert study.warnings[0].severity is Severity.WARNING
    assert study.settings.privacy.min_group_size == minimum  # a warning: the study loads
