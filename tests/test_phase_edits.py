"""Listing the roadmap's phases, and renaming one in study.yaml and in every need decided for
it (``needmap phases``); finishing a rename done by hand; validate's hint that leads there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, UsageError
from needmap.personas.loader import read_study
from needmap.regroup import plan_phase_rename, write_study_edits
from needmap.scaffold import init_study
from tests.conftest import StudyMaker, plain, run_needmap
from tests.edited_files import assert_comments_kept, files_of

runner = CliRunner()

STUDY = """\
    name: Test study
    organisation: Test org
    language: en
    roadmap:
      phases:
        - {id: now, name: Now, capacity: 5}  # this year
        # the steering group meets in March
        - id: next
          name: Next
          capacity: 6
        - {id: later, name: Later}
    """

NEEDS = """\
    needs:
      - id: search
        title: Search
        kind: function
        groups: {desk: must, field: should}
        phase: now  # decided on 12 Nov
      - id: mobile
        title: Works on a phone
        kind: technology
        groups: {field: must}
        phase: next
      - {id: news, title: News, kind: content, groups: {desk: could}, phase: now}
    """


@pytest.fixture
def decided(make_study: StudyMaker) -> Path:
    """The minimal study with three phases and three needs decided for two of them."""
    return make_study({"study.yaml": STUDY, "needs.yaml": NEEDS})


def _edit(path: Path, *changes: tuple[str, str]) -> None:
    """Change ``path`` as a user would by hand: each (old, new), where old must stand."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _phases(root: Path) -> list[tuple[str, str, float | None]]:
    study = load_study(root)
    return [(p.id, p.name, p.capacity) for p in study.settings.roadmap.phases]


def _decisions(root: Path) -> dict[str, str | None]:
    return {n.id: n.phase for n in load_study(root).needs}


def test_a_phase_is_renamed_where_it_is_defined_and_in_every_decision(decided: Path) -> None:
    before = files_of(decided)
    rename = plan_phase_rename(read_study(decided), "now", "q1-2027", "Q1 2027")
    assert [(c.path.name, c.what) for c in rename.changes] == [
        ("study.yaml", "1 roadmap phase"),
        ("needs.yaml", "2 decided needs"),
    ]
    write_study_edits(rename)

    after = files_of(decided)
    assert "    - {id: q1-2027, name: Q1 2027, capacity: 5}  # this year\n" in after["study.yaml"]
    assert "    phase: q1-2027  # decided on 12 Nov\n" in after["needs.yaml"]
    assert (
        "  - {id: news, title: News, kind: content, groups: {desk: could}, phase: q1-2027}\n"
        in (after["needs.yaml"])
    )
    assert_comments_kept(before, after)
    changed = [
        (old, new)
        for name in before
        for old, new in zip(before[name].splitlines(), after[name].splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 3  # the phase's line and the two decisions: nothing else
    assert _phases(decided) == [
        ("q1-2027", "Q1 2027", 5),
        ("next", "Next", 6),
        ("later", "Later", None),
    ]
    assert _decisions(decided) == {"search": "q1-2027", "mobile": "next", "news": "q1-2027"}


def test_a_phase_written_in_block_style_and_named_by_its_name(decided: Path) -> None:
    rename = plan_phase_rename(read_study(decided), "NEXT", "q2-2027")
    assert (rename.old, rename.new, rename.name) == ("next", "q2-2027", None)
    write_study_edits(rename)
    text = (decided / "study.yaml").read_text(encoding="utf-8")
    assert "    - id: q2-2027\n      name: Next\n      capacity: 6\n" in text
    assert _decisions(decided)["mobile"] == "q2-2027"


def test_only_the_name_changes_when_the_id_stays(decided: Path) -> None:
    """The decisions for the phase stay as they are, and so does its id as written."""
    study_file = decided / "study.yaml"
    _edit(study_file, ("{id: now,", '{id: "now",'))
    rename = plan_phase_rename(read_study(decided), "now", "now", " This year ")
    assert [(c.path.name, c.what) for c in rename.changes] == [("study.yaml", "1 roadmap phase")]
    assert rename.name == "This year"
    write_study_edits(rename)
    assert '    - {id: "now", name: This year, capacity: 5}  # this year\n' in (
        study_file.read_text(encoding="utf-8")
    )


def test_a_name_given_as_it_is_is_no_change_of_name(decided: Path) -> None:
    rename = plan_phase_rename(read_study(decided), "now", "q1", "Now")
    assert rename.name is None
    result = runner.invoke(app, ["phases", "rename", str(decided), "now", "q1", "--name", "Now"])
    assert plain(result.output).splitlines()[0] == "Renamed phase now to 'q1' in 2 files:"


def test_a_phase_renamed_by_hand_is_finished_in_the_needs(decided: Path) -> None:
    _edit(decided / "study.yaml", ("{id: now, name: Now", "{id: q1, name: Q1"))
    reading = read_study(decided)
    assert reading.study is None  # two decisions name a phase there is no more
    rename = plan_phase_rename(reading, "now", "q1")
    assert rename.finished
    assert [(c.path.name, c.what) for c in rename.changes] == [("needs.yaml", "2 decided needs")]
    write_study_edits(rename)
    assert _decisions(decided) == {"search": "q1", "mobile": "next", "news": "q1"}


def test_finishing_a_rename_no_need_names_is_refused(decided: Path) -> None:
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "soon", "later")
    [problem] = caught.value.problems
    assert problem.message == "unknown phase 'soon'"
    assert problem.hint == "no need is decided for phase 'soon': nothing to change"


def test_the_default_phases_are_written_into_a_study_yaml_without_a_roadmap(
    make_study: StudyMaker,
) -> None:
    root = make_study(
        {"needs.yaml": NEEDS.replace("phase: next", "phase: later"), "study.yaml": _NO_ROADMAP}
    )
    rename = plan_phase_rename(read_study(root), "now", "q1-2027", "Q1 2027")
    assert rename.wrote_defaults
    assert [(c.path.name, c.what) for c in rename.changes] == [
        ("study.yaml", "3 roadmap phases"),
        ("needs.yaml", "2 decided needs"),
    ]
    write_study_edits(rename)
    assert (root / "study.yaml").read_text(encoding="utf-8") == (
        "name: Test study\norganisation: Test org\nlanguage: en  # no newline at the end\n"
        "roadmap:\n  phases:\n"
        "    - {id: q1-2027, name: Q1 2027, capacity: 20}\n"
        "    - {id: next, name: Next, capacity: 20}\n"
        "    - {id: later, name: Later}\n"
    )
    assert _phases(root)[0] == ("q1-2027", "Q1 2027", 20)


_NO_ROADMAP = "name: Test study\norganisation: Test org\nlanguage: en  # no newline at the end"


def test_a_dutch_study_gets_its_own_default_phases(tmp_path: Path) -> None:
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    study_file = root / "study.yaml"
    text = study_file.read_text(encoding="utf-8")
    start = text.index("roadmap:")
    end = text.index("\n", text.index("# - {id: bestaand")) + 1
    study_file.write_text(text[:start] + text[end:], encoding="utf-8")
    write_study_edits(plan_phase_rename(read_study(root), "straks", "2028"))
    assert _phases(root) == [("nu", "Nu", 20), ("2028", "Straks", 20), ("later", "Later", None)]


def test_a_roadmap_without_phases_is_refused_with_the_phases_to_write(
    make_study: StudyMaker,
) -> None:
    root = make_study({"study.yaml": _NO_ROADMAP + "\nroadmap: {}\n"})
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(root), "now", "q1")
    [problem] = caught.value.problems
    assert problem.location.path == root / "study.yaml"
    assert problem.hint == (
        "write them under roadmap, as phases: [{id: now, name: Now, capacity: 20}, "
        "{id: next, name: Next, capacity: 20}, {id: later, name: Later}], then rename one"
    )


def test_every_problem_with_a_rename_is_told_at_once(decided: Path) -> None:
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "soon", "Q1 2027", "Later")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        ("unknown phase 'soon'", "the roadmap's phases are: now, next, later"),
        (
            "'Q1 2027' is not a valid phase id",
            "use lowercase letters, digits, '-' and '_', starting with a letter or digit, "
            "such as 'q1-2027'",
        ),
        (
            "phase 'later' has the name 'Later' already",
            "give phase 'soon' a name of its own: no report could tell the two apart",
        ),
    ]
    assert str(caught.value.problems[2].location) == f"{decided / 'study.yaml'}:11:7"


def test_a_new_id_like_a_name_gets_the_command_that_changes_only_the_name(decided: Path) -> None:
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "nwo", "Q1 2027")
    assert [p.hint for p in caught.value.problems] == [
        "did you mean 'now'?",
        "use lowercase letters, digits, '-' and '_', starting with a letter or digit, "
        "such as 'q1-2027'",
    ]
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "now", "Q1 2027")
    [problem] = caught.value.problems
    assert problem.hint.endswith(
        f"such as 'q1-2027'; to change only its name: needmap phases rename {decided} now now "
        "--name 'Q1 2027'"
    )
    for like_a_name, quoted in (("Soon", "Soon"), ("q1 2027", "'q1 2027'")):  # one sign each
        with pytest.raises(UsageError) as caught:
            plan_phase_rename(read_study(decided), "now", like_a_name)
        [problem] = caught.value.problems
        assert problem.hint.endswith(f"rename {decided} now now --name {quoted}")


@pytest.mark.parametrize(
    ("old", "new", "name", "message"),
    [
        ("now", "next", None, "phase 'next' already exists"),
        ("now", "now", None, "nothing to change"),
        ("Now", "now", "Now", "nothing to change"),  # by its name, with the name it has
        ("now", "now", " ", "the name is empty"),
        ("soon", "soon", None, "unknown phase 'soon'"),  # that, and not "nothing to change"
        ("Later", "now", None, "phase 'now' already exists"),  # by its name: no rename by hand
    ],
)
def test_a_rename_that_would_clash_or_change_nothing_is_refused(
    decided: Path, old: str, new: str, name: str | None, message: str
) -> None:
    before = files_of(decided)
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), old, new, name)
    assert [p.message for p in caught.value.problems] == [message]
    assert files_of(decided) == before


def test_a_name_two_phases_have_is_not_taken_for_either(decided: Path) -> None:
    _edit(decided / "study.yaml", ("name: Later", "name: Next"))
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "next ", "q2")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        ("'next ' is the name of 2 phases: next, later", "give the id of the phase you mean")
    ]


@pytest.mark.parametrize(
    ("new", "name", "hint"),
    [
        ("q1!", None, "such as 'q1'"),
        ("Q1", "Q1", "such as 'q1'"),  # a name is given: the id is meant as an id
    ],
)
def test_only_a_new_id_like_a_name_gets_the_command_for_the_name(
    decided: Path, new: str, name: str | None, hint: str
) -> None:
    with pytest.raises(UsageError) as caught:
        plan_phase_rename(read_study(decided), "now", new, name)
    [problem] = caught.value.problems
    assert problem.hint.endswith(hint)


def test_a_study_with_errors_is_not_renamed_in(decided: Path) -> None:
    _edit(decided / "needs.yaml", ("phase: next\n", "phase: next\n  - id: broken\n"))
    with pytest.raises(InvalidStudyError):
        plan_phase_rename(read_study(decided), "now", "q1")


@given(new=st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_renaming_a_phase_and_back_gives_the_files_as_they_were(decided: Path, new: str) -> None:
    """Whatever the new id, only the phase's id and the decisions change, and renaming back
    restores every byte."""
    if new in ("now", "next", "later"):
        return
    before = files_of(decided)
    write_study_edits(plan_phase_rename(read_study(decided), "now", new))
    assert _decisions(decided) == {"search": new, "mobile": "next", "news": new}
    write_study_edits(plan_phase_rename(read_study(decided), new, "now"))
    assert files_of(decided) == before


def test_validate_gives_the_command_for_a_phase_renamed_by_hand(decided: Path) -> None:
    """'q2' is the one phase no need is decided for, apart from 'later' (a default phase's
    id, seldom renamed); with a phase added beside it, the new id is to fill in."""
    study_file = decided / "study.yaml"
    _edit(study_file, ("id: next\n      name: Next", "id: q2\n      name: Q2"))
    [problem] = read_study(decided).problems
    assert problem.message == "unknown phase 'next'"
    assert problem.hint == (
        "no need is decided for phase 'q2': if it is 'next' renamed, change every need decided "
        f"for it at once: needmap phases rename {decided} next q2"
    )
    _edit(
        study_file,
        ("{id: later, name: Later}\n", "{id: later, name: Later}\n    - {id: h2, name: H2}\n"),
    )
    [problem] = read_study(decided).problems
    assert problem.hint == (
        "write the id of one of the roadmap's phases (roadmap.phases in study.yaml): now, "
        "q2, later, h2; or, if the phase was renamed, change every need decided for it: "
        f"needmap phases rename {decided} next NEW-ID"
    )


def test_a_phase_decided_for_is_not_taken_for_the_renamed_one(decided: Path) -> None:
    """'in-place' has a need decided for it: the phase renamed is 'q1', named by none."""
    _edit(
        decided / "study.yaml",
        (
            "    - {id: now, name: Now",
            "    - {id: in-place, name: In place}\n    - {id: q1, name: Q1",
        ),
    )
    _edit(decided / "needs.yaml", ("phase: next", "phase: in-place"))
    hints = {p.hint for p in read_study(decided).problems}
    assert hints == {
        "no need is decided for phase 'q1': if it is 'now' renamed, change every need decided "
        f"for it at once: needmap phases rename {decided} now q1"
    }


def test_two_phases_renamed_by_hand_are_not_guessed(decided: Path) -> None:
    _edit(
        decided / "study.yaml",
        ("{id: now, name: Now", "{id: q1, name: Q1"),
        ("id: next\n      name: Next", "id: q2\n      name: Q2"),
    )
    hints = {p.hint for p in read_study(decided).problems}
    assert hints == {
        "write the id of one of the roadmap's phases (roadmap.phases in study.yaml): q1, q2, "
        f"later; or, if the phase was renamed, change every need decided for it: needmap "
        f"phases rename {decided} {old} NEW-ID"
        for old in ("now", "next")
    }


def test_validate_gives_the_whole_command_when_the_phase_kept_its_name(decided: Path) -> None:
    """The old id is the name the phase still has: that phase is the one renamed."""
    _edit(decided / "study.yaml", ("id: next", "id: q2-2027"))
    [problem] = read_study(decided).problems
    assert problem.hint == (
        "that is the name of phase 'q2-2027': write its id, q2-2027; if the phase was renamed, "
        f"change every need decided for it: needmap phases rename {decided} next q2-2027"
    )


def test_validate_gives_no_command_for_a_slip_of_the_keys(decided: Path) -> None:
    _edit(decided / "needs.yaml", ("phase: next", "phase: nxet"))
    [problem] = read_study(decided).problems
    assert problem.hint == "did you mean 'next'?"


def test_the_command_renames_and_says_what_it_changed(decided: Path) -> None:
    result = runner.invoke(app, ["phases", "rename", str(decided), "now", "q1", "--name", "Q1"])
    assert result.exit_code == 0, result.output
    lines = plain(result.output).splitlines()
    assert lines[0] == "Renamed phase now to 'q1' (Q1) in 2 files:"
    assert [line.split() for line in lines[3:5]] == [
        ["study.yaml", "1", "roadmap", "phase"],
        ["needs.yaml", "2", "decided", "needs"],
    ]
    assert lines[-1] == f"Comments and layout are kept. Next: needmap validate {decided}"


def test_the_command_says_when_only_the_name_changed(decided: Path) -> None:
    args = ["phases", "rename", str(decided), "Now", "now", "--name", "This year"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert plain(result.output).splitlines()[0] == (
        "Gave phase now the name 'This year' in 1 file:"
    )


def test_a_dry_run_prints_the_diff_and_writes_nothing(decided: Path) -> None:
    before = files_of(decided)
    result = runner.invoke(app, ["phases", "rename", str(decided), "now", "q1", "-n"])
    assert result.exit_code == 0
    assert "-    phase: now  # decided on 12 Nov\n+    phase: q1  # decided on 12 Nov\n" in (
        result.stdout
    )
    assert "Would rename phase now to 'q1' in 2 files:" in plain(result.stderr)
    assert files_of(decided) == before


def test_the_command_finishes_a_rename_by_hand(decided: Path) -> None:
    _edit(decided / "study.yaml", ("id: next", "id: q2"))
    result = runner.invoke(app, ["phases", "rename", str(decided), "next", "q2"])
    assert result.exit_code == 0, result.output
    assert plain(result.output).splitlines()[0] == (
        "Changed the needs decided for next to 'q2', the phase's new id, in 1 file:"
    )
    assert _decisions(decided)["mobile"] == "q2"


def test_the_command_says_when_it_wrote_the_default_phases(make_study: StudyMaker) -> None:
    root = make_study({"study.yaml": _NO_ROADMAP})
    result = runner.invoke(app, ["phases", "rename", str(root), "later", "someday"])
    assert result.exit_code == 0, result.output
    assert "the roadmap's default ones are written into it" in " ".join(result.output.split())


def test_a_refused_rename_exits_2_in_a_real_shell(decided: Path) -> None:
    before = files_of(decided)
    result = run_needmap("phases", "rename", str(decided), "now", "next")
    assert result.returncode == 2
    assert "phase 'next' already exists" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_of(decided) == before


def test_the_phases_are_listed_with_their_decisions(decided: Path) -> None:
    result = runner.invoke(app, ["phases", "list", str(decided)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in plain(result.output).splitlines()]
    assert rows[0] == ["name", "id", "capacity", "decided"]
    assert rows[2:5] == [
        ["Now", "now", "5", "search,", "news"],
        ["Next", "next", "6", "mobile"],
        ["Later", "later", "no", "limit"],
    ]
    result = runner.invoke(app, ["phases", "list", str(decided), "--json"])
    assert json.loads(result.stdout) == {
        "phases": [
            {"id": "now", "name": "Now", "capacity": 5, "decided": ["search", "news"]},
            {"id": "next", "name": "Next", "capacity": 6, "decided": ["mobile"]},
            {"id": "later", "name": "Later", "capacity": None, "decided": []},
        ]
    }


def test_the_phases_are_listed_in_dutch(tmp_path: Path) -> None:
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    result = runner.invoke(app, ["phases", "list", str(root)], env={"COLUMNS": "80"})
    rows = [line.split() for line in plain(result.output).splitlines()]
    assert rows[0] == ["naam", "id", "capaciteit", "besloten"]
    assert rows[4] == ["Later", "later", "geen", "limiet"]
    assert "capaciteit: de inspanningspunten" in result.output
