"""What changed in the roadmap since an earlier plan (``--since``): the comparison, reading
the earlier plan back from its JSON, and the reports that show it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, UsageError
from needmap.model.replan import PlanSnapshot, compare_plans, replan, snapshot
from needmap.reports.brief import render_brief, study_brief
from needmap.reports.roadmap_baseline import plan_at_revision, read_plan
from needmap.reports.roadmap_report import (
    build_changes_table,
    changes_line,
    roadmap_to_json,
    study_roadmap,
)
from tests.conftest import IN_A_TERMINAL, StudyMaker

runner = CliRunner()


def _plan(phases: tuple[str, ...], placed: dict[str, int | None]) -> PlanSnapshot:
    return PlanSnapshot(
        phases,
        placed,
        {need: need.upper() for need in placed},
        {need: float(len(need)) for need in placed},
    )


def test_changes_are_found_by_the_place_of_the_phase_as_checked_by_hand() -> None:
    """Q1..Q3 renamed to Now, Next, Later is no change. a stays first; b moves from the
    second phase to the first and d from no phase into the third: earlier. c drops out of
    every phase: later. f is new, e was dropped."""
    before = _plan(("Q1", "Q2", "Q3"), {"a": 0, "b": 1, "c": 2, "d": None, "e": 0})
    after = _plan(("Now", "Next", "Later"), {"a": 0, "b": 0, "c": None, "d": 2, "f": 1})
    changes = compare_plans(before, after, "october.json")
    assert [(c.need, c.kind, c.before, c.after) for c in changes.changes] == [
        ("b", "earlier", 1, 0),
        ("d", "earlier", None, 2),
        ("c", "later", 2, None),
        ("f", "new", None, 1),
        ("e", "dropped", 0, None),
    ]
    assert changes.unchanged == 1
    assert [changes.count(k) for k in ("earlier", "later", "new", "dropped")] == [2, 1, 1, 1]
    assert changes.changes[3].score_before is None and changes.changes[3].score_after == 1.0


def test_an_unplanned_need_stays_unplanned_whatever_the_number_of_phases() -> None:
    before = _plan(("Now", "Later"), {"a": None, "b": 1})
    after = _plan(("Now", "Next", "Later"), {"a": None, "b": 2})
    changes = compare_plans(before, after, "x")
    assert [(c.need, c.kind) for c in changes.changes] == [("b", "later")]
    assert changes.unchanged == 1


def test_a_phase_is_the_same_phase_where_its_id_is() -> None:
    """'In place' added before now: a and b stay in now and next (the second and third
    phase now); c and d moved from later into now and next."""
    ids = ("now", "next", "later")
    before = dataclasses.replace(
        _plan(("Now", "Next", "Later"), {"a": 0, "b": 1, "c": 2, "d": 2}), ids=ids
    )
    after = dataclasses.replace(
        _plan(("In place", "Now", "Next", "Later"), {"a": 1, "b": 2, "c": 1, "d": 2}),
        ids=("in-place", *ids),
    )
    changes = compare_plans(before, after, "october.json")
    assert [(c.need, c.kind) for c in changes.changes] == [("c", "earlier"), ("d", "earlier")]
    assert changes.unchanged == 2
    # a plan without ids (made by hand) is compared by place: d stayed third
    by_place = compare_plans(dataclasses.replace(before, ids=()), after, "october.json")
    assert [(c.need, c.kind) for c in by_place.changes] == [
        ("c", "earlier"),
        ("a", "later"),
        ("b", "later"),
    ]


_PHASES = st.integers(min_value=1, max_value=4)
_PLACED = st.dictionaries(
    st.sampled_from([f"n{i}" for i in range(12)]),
    st.one_of(st.none(), st.integers(min_value=0, max_value=3)),
    max_size=12,
)


def _snapshot(phases: int, placed: dict[str, int | None]) -> PlanSnapshot:
    clipped = {n: None if p is None else min(p, phases - 1) for n, p in placed.items()}
    return _plan(tuple(f"P{i}" for i in range(phases)), clipped)


@given(_PHASES, _PLACED)
def test_a_plan_compared_with_itself_has_no_changes(
    phases: int, placed: dict[str, int | None]
) -> None:
    plan = _snapshot(phases, placed)
    changes = compare_plans(plan, plan, "same")
    assert changes.changes == () and changes.unchanged == len(plan.placed)


@given(_PHASES, _PLACED, _PHASES, _PLACED)
def test_every_need_is_counted_once_and_the_comparison_runs_both_ways(
    phases_a: int, placed_a: dict[str, int | None], phases_b: int, placed_b: dict[str, int | None]
) -> None:
    a, b = _snapshot(phases_a, placed_a), _snapshot(phases_b, placed_b)
    forward, backward = compare_plans(a, b, "a"), compare_plans(b, a, "b")
    counts = {k: forward.count(k) for k in ("earlier", "later", "new", "dropped")}
    assert counts["earlier"] + counts["later"] + counts["new"] + forward.unchanged == len(b.placed)
    assert counts["dropped"] == len(set(a.placed) - set(b.placed))
    swapped = {"earlier": "later", "later": "earlier", "new": "dropped", "dropped": "new"}
    assert {(c.need, swapped[c.kind]) for c in forward.changes} == {
        (c.need, c.kind) for c in backward.changes
    }
    assert forward.unchanged == backward.unchanged


def test_a_roadmap_read_back_from_its_json_is_the_same_plan(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    roadmap = study_roadmap(load_study(make_study()))
    path = tmp_path / "roadmap.json"
    path.write_text(json.dumps(roadmap_to_json(roadmap), indent=2), encoding="utf-8")
    read = read_plan(path)
    now = snapshot(roadmap)
    assert (read.phases, read.ids, dict(read.placed), dict(read.titles)) == (
        now.phases,
        ("now", "next", "later"),
        dict(now.placed),
        dict(now.titles),
    )
    assert now.ids == read.ids
    assert read.scores == pytest.approx(now.scores, abs=1e-4)
    assert compare_plans(read, now, "roadmap.json").changes == ()


def test_a_need_that_fits_in_no_phase_is_in_the_plan_as_unplanned(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """An unplanned need is part of the plan: kept when read back, and a need that no
    longer fits moved later, not dropped."""
    root = make_study(
        {
            "study.yaml": """\
                name: Test study
                organisation: Test org
                language: en
                roadmap:
                  phases: [{id: now, name: Now, capacity: 3}]
                """,
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, effort: s, groups: {desk: must}}
                  - {id: mobile, title: App, kind: technology, effort: xl, groups: {field: must}}
                """,
        }
    )
    roadmap = study_roadmap(load_study(root))
    now = snapshot(roadmap)
    assert dict(now.placed) == {"search": 0, "mobile": None}
    path = tmp_path / "roadmap.json"
    path.write_text(json.dumps(roadmap_to_json(roadmap)), encoding="utf-8")
    assert dict(read_plan(path).placed) == dict(now.placed)
    assert compare_plans(read_plan(path), now, "roadmap.json").changes == ()
    before = dataclasses.replace(now, placed={"search": 0, "mobile": 0})
    moved = compare_plans(before, now, "last month").changes
    assert [(c.need, c.kind, c.before, c.after) for c in moved] == [("mobile", "later", 0, None)]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            '{"phases": [{"name": "Now", "needs": [}]}',
            ":1:39",
            "YAML syntax error: expected the node content, but found '}'",
        ),
        ("[1, 2]", ":1:1", "expected the JSON of 'needmap roadmap --json'"),
        ("name: Study\nlanguage: nl\n", ":1:1", "this is not a roadmap's JSON: it has no 'phases'"),
        (
            '{"phases": [\n  {"name": "Now", "needs": [\n    {"id": "a", "title": "A", '
            '"score": "high"}]}]}',
            ":3:40",
            "expected a number, found the text 'high'",
        ),
        ('{"phases": []}', ":1:12", "must not be empty"),
        (
            '{"phases": [{"name": "Now", "needs": [{"id": "a", "title": "A", "score": 1}]}],\n'
            ' "unplanned": [{"id": "a", "title": "A", "score": 1}]}',
            ":2:",
            "need 'a' is in the plan twice",
        ),
        (
            '{"phases": [{"name": "Now", "needs": [{"id": "a", "title": "A", "score": 1}]},\n'
            ' {"name": "Next", "needs": [{"id": "a", "title": "A", "score": 1}]}]}',
            ":2:36:",
            "need 'a' is in the plan twice",
        ),
    ],
)
def test_a_broken_earlier_plan_is_reported_where_it_is_broken(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = tmp_path / "old.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidStudyError) as raised:
        read_plan(path)
    shown = [f"{p.location}: {p.message}" for p in raised.value.problems]
    assert any(where in line and line.endswith(f": {message}") for line in shown), shown
    hints = {p.hint for p in raised.value.problems if p.message == message}
    if "plan twice" in message:
        assert hints == {"a roadmap places each need once; is the file edited by hand?"}
    elif "roadmap's JSON" in message or "JSON of" in message:
        assert hints == {
            "write it with 'needmap roadmap DIR --json --out FILE' and keep it to compare later"
        }


def test_a_missing_earlier_plan_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        read_plan(tmp_path / "nothing.json")
    (problem,) = raised.value.problems
    assert (problem.location.path, problem.message) == (tmp_path / "nothing.json", "no such file")
    assert "needmap roadmap DIR --json --out FILE" in problem.hint


STUDY = """\
    name: Test study
    organisation: Test org
    language: en
    roadmap:
      phases:
        - {id: now, name: Now, capacity: 3}
        - {id: next, name: Next, capacity: 3}
        - {id: later, name: Later}
    """
NEEDS_LATER = """\
    needs:
      - id: search
        title: Search
        kind: function
        groups: {desk: must, field: should}
      - id: mobile
        title: Works on a phone
        kind: technology
        groups: {field: must, desk: must}
      - id: news
        title: News
        kind: content
        groups: {desk: could}
    """


@pytest.fixture
def moved(make_study: StudyMaker, tmp_path: Path) -> tuple[Path, Path]:
    """A plan written as JSON (search Now, mobile Next: 70 against 60 of demand), then the
    study changed: desk needs mobile too (90 against 70), and news is new."""
    root = make_study({"study.yaml": STUDY})
    before = tmp_path / "october.json"
    written = runner.invoke(app, ["roadmap", str(root), "--json", "--out", str(before)])
    assert written.exit_code == 0, written.output
    (root / "needs.yaml").write_text(NEEDS_LATER.replace("\n    ", "\n")[4:], encoding="utf-8")
    return root, before


def test_the_roadmap_says_what_moved_since_the_earlier_plan(moved: tuple[Path, Path]) -> None:
    root, before = moved
    result = runner.invoke(app, ["roadmap", str(root), "--since", str(before)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Changes since october.json")
    # Scores before: search 70/130 = 53.85% / 3 points = 17.95, mobile 60/130 / 3 = 15.38.
    # Now: mobile 90/170 = 52.94% / 3 = 17.65, search 70/170 / 3 = 13.73, news 10/170 / 3 = 1.96.
    assert lines[start + 1 : start + 7] == [
        "Need              Change   Was in  Now in  Score then  Score now",
        "\u2500" * 64,
        "Works on a phone  earlier  Next    Now          15.38      17.65",
        "Search            later    Now     Next         17.95      13.73",
        "News              new      \u2013       Later            \u2013       1.96",
        "No need stays in its phase.",
    ]


def test_in_a_terminal_the_changes_title_is_bold_and_their_count_dim(
    moved: tuple[Path, Path],
) -> None:
    root, before = moved
    env = {"COLUMNS": "100", **IN_A_TERMINAL}
    result = runner.invoke(app, ["roadmap", str(root), "--since", str(before)], env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("\x1b[1;3mChanges since october.json\x1b[0m")  # a table title
    assert "\x1b[2mNo need stays in its phase.\x1b[0m" in lines[start + 1 :]


def test_a_need_dropped_since_the_earlier_plan_is_in_no_phase_now(
    moved: tuple[Path, Path],
) -> None:
    """The study after the earlier plan loses search: it was in Now, scored 17.9, and is
    now in no phase and has no score: a dash, not 'unplanned'."""
    root, before = moved
    needs = root / "needs.yaml"
    text = needs.read_text(encoding="utf-8")
    needs.write_text(text[: text.index("  - id: search")] + text[text.index("  - id: mobile") :])
    study = load_study(root)
    table = build_changes_table(replan(study_roadmap(study), read_plan(before), "october"), study)
    assert table is not None
    [dropped] = [row for row in table.rows if row[0] == "Search"]
    assert dropped == ("Search", "dropped", "Now", "\u2013", "17.95", "\u2013")


def test_a_plan_that_did_not_change_says_every_need_stays(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"study.yaml": STUDY})
    before = tmp_path / "october.json"
    assert runner.invoke(app, ["roadmap", str(root), "--json", "--out", str(before)]).exit_code == 0
    result = runner.invoke(app, ["roadmap", str(root), "--since", str(before)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Changes since october.json")  # a heading with no table under it
    assert lines[start + 1 : start + 3] == ["Every need stays in its phase.", ""]
    assert lines[start + 3].startswith("Score = share of the demand")
    study = load_study(root)
    page = render_brief(study_brief(study, (read_plan(before), before.name)))
    assert "<dd>Since october.json: Every need stays in its phase.</dd>" in page


def test_one_need_that_stays_is_counted_as_one(make_study: StudyMaker) -> None:
    """Now: search Now, mobile Next. The earlier plan had both in Now: mobile moved later,
    search stayed."""
    study = load_study(make_study({"study.yaml": STUDY}))
    now = study_roadmap(study)
    before = PlanSnapshot(
        ("Now", "Next", "Later"),
        {"search": 0, "mobile": 0},
        {"search": "Search", "mobile": "Works on a phone"},
        {"search": 17.9, "mobile": 15.4},
    )
    replanned = replan(now, before, "june.json")
    assert changes_line(replanned, "en") == "Since june.json: 1 later; 1 need stays in its phase."


@pytest.mark.parametrize(
    ("unchanged", "stays"),
    [
        (0, "no need stays in its phase."),
        (1, "1 need stays in its phase."),
        (2, "2 needs stay in their phase."),
    ],
)
def test_the_needs_that_stay_are_counted_in_words(
    make_study: StudyMaker, unchanged: int, stays: str
) -> None:
    study = load_study(make_study({"study.yaml": STUDY}))
    before = PlanSnapshot(
        ("Now", "Next", "Later"),
        {"search": 0, "mobile": 0},
        {"search": "Search", "mobile": "Works on a phone"},
        {"search": 17.9, "mobile": 15.4},
    )
    moved = replan(study_roadmap(study), before, "june.json")
    assert moved.changes is not None
    counted = dataclasses.replace(moved.changes, unchanged=unchanged)
    line = changes_line(dataclasses.replace(moved, changes=counted), "en")
    assert line == f"Since june.json: 1 later; {stays}"


def test_the_changes_reach_every_format(moved: tuple[Path, Path], tmp_path: Path) -> None:
    root, before = moved
    outputs = {}
    for suffix in (".json", ".md", ".html", ".xlsx"):
        out = tmp_path / f"roadmap{suffix}"
        result = runner.invoke(app, ["roadmap", str(root), "--since", str(before), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs[suffix] = out
    data = json.loads(outputs[".json"].read_text(encoding="utf-8"))
    assert data["changes"]["since"] == "october.json" and data["changes"]["unchanged"] == 0
    assert [(n["id"], n["change"], n["was_in"], n["now_in"]) for n in data["changes"]["needs"]] == [
        ("mobile", "earlier", "Next", "Now"),
        ("search", "later", "Now", "Next"),
        ("news", "new", None, "Later"),
    ]
    assert [(n["score_then"], n["score_now"]) for n in data["changes"]["needs"]] == [
        (15.3846, 17.6471),  # four places, as the roadmap's own scores
        (17.9487, 13.7255),
        (None, 1.9608),
    ]
    markdown = outputs[".md"].read_text(encoding="utf-8")
    assert "## Changes since october.json\n" in markdown
    assert "| Works on a phone | earlier | Next | Now | 15.38 | 17.65 |" in markdown
    page = outputs[".html"].read_text(encoding="utf-8")
    assert '<table class="needs ranking changes">' in page and "<td>dropped</td>" not in page
    assert load_workbook(outputs[".xlsx"]).sheetnames == ["Roadmap", "Changes"]
    plain = runner.invoke(app, ["roadmap", str(root), "--json"])
    assert json.loads(plain.stdout)["changes"] is None
    assert changes_line(study_roadmap(load_study(root)), "en") == ""  # no earlier plan


def test_the_brief_puts_the_changes_on_its_cover(moved: tuple[Path, Path]) -> None:
    root, before = moved
    study = load_study(root)
    page = render_brief(study_brief(study, (read_plan(before), before.name)))
    assert (
        "<dt>Changes</dt>\n      <dd>Since october.json: 1 earlier, 1 later, 1 new; no need "
        "stays in its phase.</dd>" in page
    )
    assert "Changes since october.json" in page  # the roadmap chapter has the table
    assert "<dt>Changes</dt>" not in render_brief(study_brief(study))


def test_a_broken_since_file_is_exit_code_2_with_its_position(
    moved: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = moved
    broken = tmp_path / "broken.json"
    broken.write_text('{"phases": [{"name": "Now", "needs": [{"id": 3}]}]}', encoding="utf-8")
    for command in ("roadmap", "brief"):
        extra = ["-o", str(tmp_path / "brief.html")] if command == "brief" else []
        result = runner.invoke(app, [command, str(root), "--since", str(broken), *extra])
        assert result.exit_code == 2, result.output
        assert f"{broken}:1:" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "brief.html").exists()


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def test_the_earlier_plan_can_be_a_git_revision_of_the_study(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """The study kept in git, one folder down in the repository: the plan at HEAD is
    planned again from the committed files, whatever the working tree holds now."""
    root = make_study({"study.yaml": STUDY})
    repo = root.parent
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "October")
    _git(repo, "tag", "october")
    (root / "needs.yaml").write_text(NEEDS_LATER.replace("\n    ", "\n")[4:], encoding="utf-8")
    result = runner.invoke(app, ["roadmap", str(root), "--since", "october", "--json"])
    assert result.exit_code == 0, result.output
    changes = json.loads(result.stdout)["changes"]
    assert changes["since"] == "october"
    assert [(n["id"], n["change"]) for n in changes["needs"]] == [
        ("mobile", "earlier"),
        ("search", "later"),
        ("news", "new"),
    ]
    assert (root / "needs.yaml").read_text(encoding="utf-8").count("id: news") == 1  # untouched
    same = runner.invoke(app, ["roadmap", str(root), "--since", "HEAD~0", "--json"])
    assert json.loads(same.stdout)["changes"]["needs"] == changes["needs"]


def test_an_unknown_revision_or_no_repository_is_a_clear_error(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    env = {"GIT_CEILING_DIRECTORIES": str(root.parent), "LANG": "nl_NL.UTF-8"}
    outside = runner.invoke(app, ["roadmap", str(root), "--since", "october"], env=env)
    assert outside.exit_code == 2
    assert (
        "no earlier plan 'october': no such file, and the study is not in git, so it has no "
        "revision 'october'"
    ) in " ".join(outside.stderr.split())
    assert "or keep the study in git (git init)" in " ".join(outside.stderr.split())
    _git(root.parent, "init", "-q")
    _git(root.parent, "add", ".")
    _git(root.parent, "commit", "-q", "-m", "first")
    option = runner.invoke(app, ["roadmap", str(root), "--since=--output=x.tar"])
    assert option.exit_code == 2 and "is no file and no git revision" in option.stderr
    assert not (root.parent / "x.tar").exists() and not Path("x.tar").exists()
    unknown = runner.invoke(app, ["roadmap", str(root), "--since", "v9"])
    assert unknown.exit_code == 2 and "no earlier plan 'v9'" in unknown.stderr
    assert "Traceback" not in unknown.output
    good = (root / "needs.yaml").read_text(encoding="utf-8")
    (root / "needs.yaml").write_text("needs: [", encoding="utf-8")
    _git(root.parent, "commit", "-q", "-a", "-m", "broken")
    (root / "needs.yaml").write_text(good, encoding="utf-8")
    broken = runner.invoke(app, ["roadmap", str(root), "--since", "HEAD"])
    assert broken.exit_code == 2
    assert "the study at revision 'HEAD' does not load (1 problem)" in broken.stderr
    assert "run 'needmap validate' there" in broken.stderr
    for revision, message, hint in [
        (
            "--output=x.tar",
            "'--output=x.tar' is no file and no git revision",
            "give a roadmap's JSON file, or a git revision such as a tag or HEAD~1",
        ),
        (
            "HEAD",
            "the study at revision 'HEAD' does not load (1 problem)",
            "check out 'HEAD' and run 'needmap validate' there, or compare with a roadmap's "
            "JSON instead",
        ),
    ]:
        with pytest.raises(UsageError) as refused:
            plan_at_revision(root, revision)
        [problem] = refused.value.problems
        assert (problem.location.path, problem.message, problem.hint) == (root, message, hint)


def test_a_study_at_the_root_of_its_repository_and_a_plan_file_not_there(
    make_study: StudyMaker,
) -> None:
    """``git init`` in the study folder itself, as a consultant does: the plan at HEAD is
    found there too. An earlier plan named as a JSON file that is not there is said to be
    missing, not looked for in git."""
    root = make_study({"study.yaml": STUDY})
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "October")
    (root / "needs.yaml").write_text(NEEDS_LATER.replace("\n    ", "\n")[4:], encoding="utf-8")
    result = runner.invoke(app, ["roadmap", str(root), "--since", "HEAD", "--json"])
    assert result.exit_code == 0, result.output
    assert [n["change"] for n in json.loads(result.stdout)["changes"]["needs"]] == [
        "earlier",
        "later",
        "new",
    ]
    missing = runner.invoke(app, ["roadmap", str(root), "--since", "october.json"])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("october.json: no such file")
