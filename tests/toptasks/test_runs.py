"""A survey held again (a mapping's ``earlier``): where it is checked, which run is the
evidence and the default, how the comparison is told, what a build and the brief show,
and what a draft of the next run suggests."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from needmap import load_study
from needmap.build import build_reports
from needmap.cli import app
from needmap.errors import UsageError
from needmap.model.toptasks import TaskResult, TopTasks
from needmap.model.toptasks_change import TaskChange, TopTasksChange, compare_toptasks
from needmap.reports.roadmap_report import study_roadmap, study_toptasks
from needmap.reports.survey_runs import study_runs
from needmap.reports.toptasks_change import moved_sentence
from needmap.reports.toptasks_page import render_toptasks_page
from needmap.surveys.draft import draft_mapping, write_draft
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.runs import (
    earlier_problems,
    earlier_runs,
    repeated_surveys,
    unnamed_repeats,
)
from tests.conftest import SURVEY_FIXTURES
from tests.toptasks.conftest import mapping_of, runner
from tests.toptasks.test_compare import _BASE, _two_runs, third_run


def _repeating(tmp_path: Path) -> Path:
    """The fixture study with its 2026 survey ``toptasks`` saying it repeats the 2024 run
    ``toptasks-2024`` (both imported; :func:`_two_runs`)."""
    root = _two_runs(tmp_path)
    _edit(
        root / "surveys" / "toptasks.yaml",
        "max_picks: 5\n",
        "max_picks: 5\nearlier: toptasks-2024\n",
    )
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _validate(root: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", str(root)])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.stderr.split())


def test_an_earlier_run_that_is_not_one_is_told_where_it_is_named(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    assert _validate(root) == (0, "")  # no warning: the runs share their tasks' ids
    later = root / "surveys" / "toptasks.yaml"
    _edit(later, "earlier: toptasks-2024", "earlier: toptasks-2042")
    code, said = _validate(root)
    assert code == 2
    assert (
        f"{later}:5:10: earlier: no survey 'toptasks-2042' in the study hint: did you mean "
        "'toptasks-2024'?"
    ) in said
    _edit(later, "earlier: toptasks-2042", "earlier: toptasks")
    code, said = _validate(root)
    assert code == 2
    assert f"{later}:5:10: earlier: survey 'toptasks' names itself as the survey it repeats" in (
        said
    )
    _edit(later, "earlier: toptasks", "earlier: toptasks-2024")
    _edit(
        root / "surveys" / "toptasks-2024.yaml",
        "max_picks: 5\n",
        "max_picks: 5\nearlier: toptasks\n",
    )
    code, said = _validate(root)
    assert code == 2
    assert said.count("in a circle") == 1  # once for the circle, at the first file's
    assert (
        "toptasks-2024.yaml:5:10: earlier: these surveys each name another as the one they "
        "repeat, in a circle: toptasks-2024 -> toptasks -> toptasks-2024 hint: the first run "
        "of a survey has no earlier: remove it from that one"
    ) in said


def test_a_second_mapping_with_a_survey_s_id_is_refused_at_its_id(tmp_path: Path) -> None:
    """Its import would write the other's tally, and the reports would count one run
    twice."""
    root = _two_runs(tmp_path)
    copy = root / "surveys" / "toptasks-copy.yaml"
    shutil.copy(root / "surveys" / "toptasks.yaml", copy)
    code, said = _validate(root)
    assert code == 2
    first = root / "surveys" / "toptasks.yaml"  # told at the second in file order
    assert f"{first}:1:5: id: survey id 'toptasks' is the id of toptasks-copy.yaml too" in said
    assert "earlier: toptasks to say which it repeats" in said
    built = runner.invoke(app, ["toptasks", str(root)])
    assert built.exit_code == 2 and "is the id of toptasks-copy.yaml too" in built.stderr


def test_runs_with_no_task_of_the_same_id_are_warned_of(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    (root / "surveys" / "toptasks-2024.tally.json").unlink()  # its tasks are renamed
    earlier = root / "surveys" / "toptasks-2024.yaml"
    text = earlier.read_text(encoding="utf-8")
    for task in ("leave", "colleague", "meeting", "expense", "printer", "phones"):
        text = text.replace(f"{{id: {task},", f"{{id: old-{task},")
    earlier.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    assert "no task of 'toptasks' has the id of a task of 'toptasks-2024'" in " ".join(
        result.stderr.split()
    )


def test_the_latest_run_is_the_evidence_and_what_toptasks_shows(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    assert [s.survey for s in study_toptasks(load_study(root))] == ["toptasks-2024", "toptasks"]
    which = runner.invoke(app, ["toptasks", str(root)])
    assert which.exit_code == 2 and "say which" in which.stderr
    root = _repeating(tmp_path / "again")
    study = load_study(root)
    assert [s.survey for s in study_toptasks(study)] == ["toptasks"]
    assert study_roadmap(study).surveys == ("toptasks",)
    shown = runner.invoke(app, ["toptasks", str(root), "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["survey"] == "toptasks"
    assert json.loads(shown.stdout)["held_again"] is None
    earlier = runner.invoke(app, ["toptasks", str(root), "-s", "toptasks-2024", "--json"])
    assert json.loads(earlier.stdout)["survey"] == "toptasks-2024"  # still there to show
    assert json.loads(earlier.stdout)["held_again"] == {
        "survey": "toptasks",
        "title": "Top tasks intranet 2026",
    }
    printed = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "200"})
    assert printed.stdout.splitlines()[-2:] == [
        "What changed since toptasks-2024, the run this survey repeats:",
        f"  needmap toptasks {root} -s toptasks --compare toptasks-2024",
    ]
    first = runner.invoke(
        app, ["toptasks", str(root), "-s", "toptasks-2024"], env={"COLUMNS": "200"}
    )
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-4:] == [  # the later run is the evidence, and compares
        "",
        "Held again: Top tasks intranet 2026 repeats this survey, and its votes are the "
        "evidence for needs now, not these.",
        "What changed since, in toptasks:",
        f"  needmap toptasks {root} -s toptasks --compare toptasks-2024",
    ]
    page = tmp_path / "earlier.html"
    written = runner.invoke(app, ["toptasks", str(root), "-s", "toptasks-2024", "-o", str(page)])
    assert written.exit_code == 0, written.output
    assert "Held again: Top tasks intranet 2026 repeats" in page.read_text(encoding="utf-8")
    for table in ("earlier.md", "earlier.xlsx", "latest.md"):
        survey = "toptasks" if table.startswith("latest") else "toptasks-2024"
        args = ["toptasks", str(root), "-s", survey, "-o", str(tmp_path / table)]
        assert runner.invoke(app, args).exit_code == 0
    markdown = (tmp_path / "earlier.md").read_text(encoding="utf-8").splitlines()
    at = markdown.index(
        "_Held again: Top tasks intranet 2026 repeats this survey, and its votes "
        "are the evidence for needs now, not these._  "
    )
    assert markdown[at - 1].startswith("_") and "respondents" in markdown[at - 1]  # 2nd note
    assert "Held again" not in (tmp_path / "latest.md").read_text(encoding="utf-8")
    sheet = load_workbook(tmp_path / "earlier.xlsx").active
    assert sheet is not None
    column = [str(row[0]) for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert any(cell.startswith("Held again: Top tasks intranet 2026") for cell in column)


def test_a_comparison_the_wrong_way_round_is_refused(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    swapped = runner.invoke(
        app, ["toptasks", str(root), "-s", "toptasks-2024", "--compare", "toptasks"]
    )
    assert swapped.exit_code == 2
    assert " ".join(swapped.stderr.split()) == (
        "'toptasks-2024' was held before 'toptasks', as the mappings' earlier: says "
        "hint: swap them: --survey toptasks --compare toptasks-2024"
    )


def test_with_three_runs_the_comparison_is_with_the_latest(tmp_path: Path) -> None:
    """2022, 2024, 2026, each repeating the one before: the earliest compared with the
    latest, the later run not given; the 2022 run compared with 2026 the wrong way round
    across 2024 is refused too."""
    root = _repeating(tmp_path)
    third_run(root)
    asks = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2022"])
    assert asks.exit_code == 2 and "say which" in asks.stderr  # 2022 and 2026: both latest
    _edit(
        root / "surveys" / "toptasks-2024.yaml",
        "max_picks: 5\n",
        "max_picks: 5\nearlier: toptasks-2022\n",
    )
    latest = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2022", "--json"])
    assert latest.exit_code == 0, latest.output
    assert json.loads(latest.stdout)["survey"] == "toptasks"
    across = runner.invoke(
        app, ["toptasks", str(root), "-s", "toptasks-2022", "--compare", "toptasks"]
    )
    assert across.exit_code == 2 and "'toptasks-2022' was held before 'toptasks'" in across.stderr


def test_a_build_compares_the_latest_run_with_the_one_it_repeats(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    out = tmp_path / "reports"
    written = build_reports(load_study(root), out, pdf=False, today=date(2026, 12, 7))
    names = [path.name for path in written]
    at = names.index("toptasks-toptasks.html")
    assert names[at : at + 9] == [
        "toptasks-toptasks.html",
        "toptasks-toptasks.md",
        "toptasks-toptasks.xlsx",
        "toptasks-toptasks-neck.png",
        "toptasks-toptasks-groups.png",
        "compare-toptasks.html",
        "compare-toptasks.md",
        "compare-toptasks.xlsx",
        "compare-toptasks-chart.png",
    ]
    assert "toptasks-toptasks-2024.html" in names  # the earlier run keeps its reports
    held_again = "Held again: Top tasks intranet 2026 repeats this survey"
    assert held_again in (out / "toptasks-toptasks-2024.html").read_text(encoding="utf-8")
    assert "Held again" not in (out / "toptasks-toptasks.html").read_text(encoding="utf-8")
    assert held_again in (out / "toptasks-toptasks-2024.md").read_text(encoding="utf-8")
    assert "Held again" not in (out / "toptasks-toptasks.md").read_text(encoding="utf-8")
    assert "compare-toptasks-2024.html" not in names
    table = (out / "compare-toptasks.md").read_text(encoding="utf-8")
    assert table.startswith(
        "# Top tasks compared: Top tasks intranet 2026 against Top tasks intranet 2024\n"
    )
    sheet = load_workbook(out / "compare-toptasks.xlsx").active
    assert sheet is not None and sheet.title == "Compared"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Compared with the run before: Top tasks intranet 2026" in index
    assert '<a href="compare-toptasks-chart.png"' in index
    assert "Chart: top tasks then and now (Top tasks intranet 2026)" in index
    pictures = re.findall(r'<img src="([^"]+)"', index)
    assert pictures[-2:] == ["toptasks-toptasks-neck.png", "compare-toptasks-chart.png"]
    assert '<a href="toptasks-toptasks-2024-neck.png"' in index  # linked, not shown small
    brief = (out / "brief.md").read_text(encoding="utf-8")
    chapters = [line for line in brief.splitlines() if line.startswith("## ")]
    assert "## Top tasks compared: Top tasks intranet 2026 against Top tasks intranet 2024" in (
        chapters
    )
    assert not any("2024" in c and "compared" not in c for c in chapters)  # no chapter of its own
    assert "Top tasks since Top tasks intranet 2024" in brief  # in the contents
    groups = brief.split("### What moved most in each group\n")[1]
    assert groups.startswith("\n| Group | Respondents | Respondents before | Rose most |")
    # the weighted shares of the golden comparison (test_compare): meeting 0.1935 to
    # 0.2897, leave 0.3548 to 0.2617, the others less
    moved = (
        "Compared with Top tasks intranet 2024: \u201cPlan a meeting with lunch and "
        "projector\u201d rose most (▲ 9.6 points), \u201cBook leave\u201d fell most (▼ 9.3)."
    )
    assert moved in " ".join(index.split())  # the cover's line, on the index too


def test_a_build_without_the_earlier_run_imported_compares_nothing(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    (root / "surveys" / "toptasks-2024.tally.json").unlink()
    out = tmp_path / "reports"
    names = [p.name for p in build_reports(load_study(root), out, pdf=False)]
    assert "toptasks-toptasks.html" in names
    assert not any(name.startswith("compare-") for name in names)
    assert "questions-toptasks-2024.html" in names  # not imported: its questions, as before


def _change(**moves: float | None) -> TopTasksChange:
    """A comparison of tasks named by ``moves``, in that order, each moved so much (None:
    new)."""
    return TopTasksChange(
        survey="now",
        title="Now",
        respondents=100,
        before_survey="then",
        before_title="Then",
        before_respondents=90,
        order="unweighted",
        tasks=tuple(
            TaskChange(
                id=task,
                label=task.title(),
                rank=rank,
                share=0.2,
                rank_before=None if move is None else rank,
                share_before=None if move is None else 0.2 - move,
            )
            for rank, (task, move) in enumerate(moves.items(), start=1)
        ),
    )


def test_what_moved_most_is_said_in_a_sentence_in_either_language() -> None:
    both = _change(a=0.01, b=0.031, c=-0.02, d=None, e=-0.0201)
    assert moved_sentence(both, "en") == (
        "Compared with Then: \u201cB\u201d rose most (▲\u00a03.1\u00a0points), \u201cE\u201d "
        "fell most (▼\u00a02.0)."
    )
    assert moved_sentence(both, "nl") == (
        "Vergeleken met Then: \u201cB\u201d steeg het meest (▲\u00a03,1\u00a0procentpunt), "
        "\u201cE\u201d daalde het meest (▼\u00a02,0)."
    )
    assert moved_sentence(_change(a=0.05, b=0.0), "en") == (
        "Compared with Then: \u201cA\u201d rose most (▲\u00a05.0\u00a0points); "
        "no task's share fell."
    )
    assert moved_sentence(_change(a=-0.05, b=None), "en") == (
        "Compared with Then: \u201cA\u201d fell most (▼\u00a05.0\u00a0points); "
        "no task's share rose."
    )
    # a change that rounds to 0.0 points is none
    assert moved_sentence(_change(a=0.0004, b=-0.0004), "en") == (
        "Compared with Then: no task's share moved."
    )


@given(st.lists(st.one_of(st.none(), st.floats(-0.5, 0.5)), min_size=1, max_size=8))
def test_the_task_that_moved_most_moved_at_least_as_much_as_any(moves: list[float | None]) -> None:
    change = _change(**{f"t{i}": move for i, move in enumerate(moves)})
    compared = [t for t in change.tasks if t.change is not None]
    for up in (True, False):
        sign = 1 if up else -1
        most = change.moved_most(up=up)
        moved = [t for t in compared if sign * (t.change or 0) > 0]
        if not moved:
            assert most is None
            continue
        assert most is not None and sign * (most.change or 0) > 0
        assert all(sign * (t.change or 0) <= sign * (most.change or 0) for t in moved)
        ties = [t for t in moved if t.change == most.change]
        assert most == ties[0]  # of equal changes, the one ranked higher now


def test_compare_toptasks_feeds_moved_most_with_its_own_changes() -> None:
    def result(shares: dict[str, float]) -> TopTasks:
        tasks = tuple(
            TaskResult(id=t, label=t, votes=0, share=s, weighted_share=None, rank=r)
            for r, (t, s) in enumerate(shares.items(), start=1)
        )
        return replace(_BASE, tasks=tasks, order="unweighted", groups=())

    change = compare_toptasks(
        result({"a": 0.5, "b": 0.3, "c": 0.2}), result({"b": 0.5, "a": 0.2, "c": 0.3})
    )
    up, down = change.moved_most(up=True), change.moved_most(up=False)
    assert up is not None and up.id == "a"  # 0.3 up
    assert down is not None and down.id == "b"  # 0.2 down, more than c's 0.1


def _draft_study(tmp_path: Path) -> Path:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", root / "surveys" / "toptasks.yaml")
    return root


def test_a_draft_of_the_same_tasks_suggests_the_run_it_may_repeat(tmp_path: Path) -> None:
    root = _draft_study(tmp_path)
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    result = runner.invoke(app, ["survey", "draft", str(root), str(export), "--id", "again"])
    assert result.exit_code == 0, result.output
    text = (root / "surveys" / "again.yaml").read_text(encoding="utf-8")
    assert (
        "\n# earlier: toptasks  # uncomment if this survey is the one of toptasks.yaml held "
        "again: reports then show what changed since, and take this run's votes as evidence\n"
    ) in text
    said = " ".join(result.stdout.split())
    assert (
        "Its tasks are mostly those of toptasks.yaml: if this survey is that one held again, "
        in said
    )
    # uncommented, it is the run that repeats it
    _edit(root / "surveys" / "again.yaml", "# earlier: toptasks  #", "earlier: toptasks  #")
    assert _validate(root)[0] == 0
    # a third export with other tasks suggests nothing
    other = tmp_path / "other.csv"
    other.write_text(
        "ID,What is your role?,Which tasks?\n1,Field staff,Wash the car;Feed the cat\n",
        encoding="utf-8",
    )
    none = runner.invoke(
        app,
        [
            "survey",
            "draft",
            str(root),
            str(other),
            "--group-column",
            "What is your role?",
            "--choices-column",
            "Which tasks?",
            "--layout",
            "ms-forms",
        ],
    )
    assert none.exit_code == 0, none.output
    assert "# earlier:" not in (root / "surveys" / "other.yaml").read_text(encoding="utf-8")
    assert "Its tasks are mostly" not in none.stdout


def test_a_draft_among_the_study_s_mappings_may_not_take_one_s_id(tmp_path: Path) -> None:
    root = _draft_study(tmp_path)
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    study = load_study(root)
    draft = draft_mapping(study, export)
    assert draft.survey_id == "ms-forms" and draft.repeats == "toptasks.yaml"
    taken = replace(draft, survey_id="toptasks")
    target = root / "surveys" / "again.yaml"
    try:
        write_draft(study, taken, target, export)
    except UsageError as exc:
        assert [(p.location.path, p.message, p.hint) for p in exc.problems] == [
            (
                target,
                "survey id 'toptasks' is the id of toptasks.yaml already",
                "give the draft an id of its own with --id, such as toptasks-2",
            )
        ]
    else:
        raise AssertionError("a draft took the id of the study's mapping")
    assert not target.exists() and not list((root / "surveys").glob(".*"))
    elsewhere = tmp_path / "elsewhere.yaml"  # outside the study: read with --mapping
    write_draft(study, taken, elsewhere, export)
    assert elsewhere.exists()


def test_the_import_of_either_run_says_how_to_compare_them(tmp_path: Path) -> None:
    root = _repeating(tmp_path)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    result = runner.invoke(app, ["survey", "import", str(root), export, "-s", "toptasks"])
    assert result.exit_code == 0, result.output
    assert (
        "It repeats 'toptasks-2024': its votes are the evidence now, in place of that run's; "
        "what changed: "
        f"needmap toptasks {root} -s toptasks --compare toptasks-2024"
    ) in " ".join(result.stdout.split())
    before = runner.invoke(
        app, ["survey", "import", str(root), str(tmp_path / "earlier.csv"), "-s", "toptasks-2024"]
    )
    assert before.exit_code == 0, before.output
    assert (
        "'toptasks' repeats it, and its votes stay the evidence, not these; what changed since: "
        f"needmap toptasks {root} -s toptasks --compare toptasks-2024"
    ) in " ".join(before.stdout.split())
    (root / "surveys" / "toptasks-2024.tally.json").unlink()  # nothing to compare with
    alone = runner.invoke(app, ["survey", "import", str(root), export, "-s", "toptasks"])
    assert alone.exit_code == 0 and "It repeats" not in alone.stdout


@pytest.mark.parametrize(
    ("named", "message", "hint"),
    [
        (
            "old.yaml",
            "'old.yaml' is not a valid id",
            "earlier: takes the survey's id: toptasks-2024",
        ),
        (
            "Top tasks intranet 2024",
            "'Top tasks intranet 2024' is not a valid id",
            "earlier: takes the survey's id: toptasks-2024",
        ),
        (
            "old",
            "no survey 'old' in the study",
            "that names survey 'toptasks-2024': earlier: takes its id, toptasks-2024",
        ),
        (
            "toptasks.yaml",
            "'toptasks.yaml' is not a valid id",
            "that is this mapping's own file: earlier: takes the id of the survey held before "
            "this one",
        ),
        (
            "toptasks-2023",
            "no survey 'toptasks-2023' in the study",
            "did you mean 'toptasks-2024'?",
        ),
        (
            "Top tasks 2023",
            "'Top tasks 2023' is not a valid id",
            "ids use lowercase letters, digits, '-' and '_', start with a letter or digit and "
            "are at most 63 characters, e.g. 'front-desk'",
        ),
    ],
)
def test_an_earlier_run_named_by_its_file_or_title_gets_its_id_as_the_hint(
    tmp_path: Path, named: str, message: str, hint: str
) -> None:
    """``--survey`` takes a mapping's file name, so a mapping may name its earlier run so
    (here ``old.yaml``, whose survey is ``toptasks-2024``)."""
    root = _repeating(tmp_path)
    (root / "surveys" / "toptasks-2024.yaml").rename(root / "surveys" / "old.yaml")
    later = root / "surveys" / "toptasks.yaml"
    _edit(later, "earlier: toptasks-2024", f"earlier: {named}")
    code, said = _validate(root)
    assert code == 2
    assert f"{later}:5:10: earlier: {message} hint: {hint}" in said


def test_other_problems_of_a_mapping_keep_their_own_hints(tmp_path: Path) -> None:
    """An id that is no id elsewhere in a mapping whose ``earlier`` names a survey by its
    file's name is told as ever; and an ``earlier`` is not told unknown while a mapping
    that may be the one it names does not load."""
    root = _repeating(tmp_path)
    later = root / "surveys" / "toptasks.yaml"
    _edit(later, "{id: leave,", "{id: Leave Now,")  # earlier: toptasks-2024, a file's name
    code, said = _validate(root)
    assert code == 2
    assert "tasks[0].id: 'Leave Now' is not a valid id hint: write it as 'leave-now'" in said
    assert "takes the survey's id" not in said
    _edit(later, "{id: Leave Now,", "{id: leave,")
    _edit(later, "earlier: toptasks-2024", "earlier: toptasks-2023")
    _edit(root / "surveys" / "toptasks-2024.yaml", "max_picks: 5", "max_picks: 0")
    code, said = _validate(root)
    assert code == 2 and "max_picks" in said
    assert "no survey 'toptasks-2023'" not in said  # toptasks-2024.yaml may be it, mended


def test_only_the_surveys_given_are_repeated_ones(mapping: SurveyMapping) -> None:
    later = mapping.model_copy(update={"id": "later", "earlier": "toptasks"})
    orphan = mapping.model_copy(update={"id": "orphan", "earlier": "gone"})
    assert repeated_surveys([mapping, later, orphan]) == {"toptasks"}
    assert repeated_surveys([later, orphan]) == set()


@given(links=st.lists(st.integers(0, 7), min_size=1, max_size=8))
def test_every_run_leads_back_to_a_first_and_forward_to_one_latest(
    mapping: SurveyMapping, links: list[int]
) -> None:
    """Runs ``s0``, ``s1``, … where run ``i`` repeats run ``links[i]`` if that came before
    it (and none else): a study of several surveys, some held again, some more than once."""
    mappings = [
        mapping.model_copy(update={"id": f"s{i}", "earlier": f"s{j}" if j < i else None})
        for i, j in enumerate(links)
    ]
    repeated = repeated_surveys(mappings)
    latest = [m.id for m in mappings if m.id not in repeated]
    assert latest  # a run held last exists, whatever the links
    by_id = {m.id: m for m in mappings}
    for run in mappings:
        runs = earlier_runs(mappings, run.id)
        assert len(runs) == len(set(runs)) and run.id not in runs
        assert by_id[runs[-1] if runs else run.id].earlier is None  # back to a first run
        assert all(run in repeated for run in runs)
    # each repeated run is before some latest run: its votes give way to that one's
    assert repeated == {run for survey in latest for run in earlier_runs(mappings, survey)}
    paths = {Path(f"{m.id}.yaml"): m for m in mappings}
    assert earlier_problems(paths, complete=True) == []  # no circle, tasks shared


def test_a_draft_suggests_the_run_with_most_of_its_tasks_if_that_is_half_or_more() -> None:
    from needmap.surveys.draft_earlier import EarlierMappings, EarlierRun

    runs = EarlierMappings(
        {},
        {},
        {},
        latest=(
            EarlierRun("a", "a.yaml", frozenset({"book leave", "claim expenses"})),
            EarlierRun("b", "b.yaml", frozenset({"book leave", "order a pass", "see the menu"})),
        ),
    )
    four = ["Book leave", "Order a pass", "See the menu", "Fix a printer"]
    assert runs.repeated(four) == runs.latest[1]  # three of four
    assert runs.repeated(["Book leave", "Order a pass", "X", "Y"]) == runs.latest[1]  # half
    assert runs.repeated(["Book leave", "X", "Y"]) is None  # one of three
    assert runs.repeated([]) is None
    assert EarlierMappings({}, {}, {}).repeated(four) is None  # no mapping to repeat


def _run(survey: str, tasks: dict[str, str], earlier: str | None = None) -> SurveyMapping:
    return mapping_of(tasks).model_copy(
        update={"id": survey, "title": survey.title(), "earlier": earlier}
    )


def test_runs_of_mostly_the_same_tasks_that_name_no_earlier_are_found() -> None:
    """Half or more of the smaller survey's tasks, by id or by label (a run mapped by hand
    may give a task another id); not runs one of which names the other, nor a run another
    repeats (its votes count for nothing already)."""
    a = _run("a", {"leave": "Book leave", "room": "Book a room", "pay": "See my pay"})
    b = _run("b", {"leave": "Book leave", "verlof": "Book a room", "x": "X", "y": "Y"})
    c = _run("c", {"leave": "Book leave", "z": "Z", "w": "W"})
    assert [(one.id, other.id, shared) for one, other, shared in unnamed_repeats([a, b, c])] == [
        ("a", "b", 2),  # leave by id, the room by its label: two of a's three
        # a and c share one of three, b and c one of three: not mostly the same
    ]
    assert unnamed_repeats([a, b.model_copy(update={"earlier": "a"})]) == []
    named = unnamed_repeats(
        [a, b.model_copy(update={"earlier": "a"}), c.model_copy(update={"tasks": a.tasks})]
    )
    assert [(one.id, other.id) for one, other, _ in named] == [("b", "c")]  # a gives way to b
    half = c.model_copy(update={"tasks": c.tasks[:2]})  # leave and z: one of two is half
    assert [(o.id, t.id) for o, t, _ in unnamed_repeats([a, half])] == [("a", "c")]
    assert unnamed_repeats([a, c.model_copy(update={"tasks": ()})]) == []


def test_status_asks_for_earlier_where_two_imported_runs_name_none(tmp_path: Path) -> None:
    from needmap.reports.status_report import study_status

    root = _two_runs(tmp_path)  # 2026 and 2024 share five of their six tasks
    steps = [step.text for step in study_status(load_study(root)).steps]
    assert (
        "The surveys 'Top tasks intranet 2024' and 'Top tasks intranet 2026' ask mostly the "
        "same tasks (5 of 6), and both count as evidence. If one is the other held again, name "
        "the earlier in the later one's mapping (surveys/toptasks-2024.yaml or "
        "surveys/toptasks.yaml: earlier: ID)"
    ) in " ".join(steps)
    repeating = _repeating(tmp_path / "again")
    assert not any("mostly the same" in s.text for s in study_status(load_study(repeating)).steps)


def test_why_tells_how_a_need_s_share_moved_since_the_run_repeated(tmp_path: Path) -> None:
    """Room booking is served by the meeting task alone, in both runs: weighted 0.1935 in
    2024 (1.8 of 9.3, one office vote) and 0.2897 in 2026, as their comparison has it.
    The canteen is served by the café menu too in 2026, which 2024 did not ask: a share
    of other tasks is not compared."""
    root = _repeating(tmp_path)
    room = runner.invoke(app, ["why", str(root), "room-booking"], env={"COLUMNS": "200"})
    assert room.exit_code == 0, room.output
    assert (
        "Since Top tasks intranet 2024: 19.4% of all votes then, 29.0% now (▲ 9.6 points)."
        in room.stdout
    )
    canteen = runner.invoke(app, ["why", str(root), "canteen"], env={"COLUMNS": "200"})
    assert (
        "Since Top tasks intranet 2024: not compared, as other tasks served it in that survey."
        in canteen.stdout
    )
    data = json.loads(runner.invoke(app, ["why", str(root), "room-booking", "--json"]).stdout)
    assert data["surveys"][0]["since"] == {
        "survey": "toptasks-2024",
        "tasks": ["meeting"],
        "votes": 1,
        "share": 0.1,
        "weighted_share": 0.1935,
    }
    unrepeated = _two_runs(tmp_path / "apart")  # both runs evidence: nothing is since
    alone = json.loads(
        runner.invoke(app, ["why", str(unrepeated), "room-booking", "--json"]).stdout
    )
    assert [survey["since"] for survey in alone["surveys"]] == [None, None]


def test_why_compares_raw_shares_where_a_run_is_not_weighted(tmp_path: Path) -> None:
    """Room booking's raw shares: 1 of 10 votes in 2024, 4 of 24 in 2026; and nothing
    where no task of the earlier run served the need."""
    from needmap.reports.why_report import need_story, why_sections

    story = need_story(load_study(_repeating(tmp_path)), "room-booking")
    earlier = story.repeated["toptasks"]
    raw = replace(earlier, needs=tuple(replace(e, weighted_share=None) for e in earlier.needs))

    def evidence(repeated: dict[str, TopTasks]) -> list[str]:
        sections = dict(why_sections(replace(story, repeated=repeated)))
        return [line for line in sections["Evidence"] if line.startswith("Since")]

    assert evidence({"toptasks": raw}) == [
        "Since Top tasks intranet 2024: 10.0% of all votes then, 16.7% now "
        "(▲\u00a06.7\u00a0points)."
    ]
    assert evidence({"toptasks": replace(earlier, needs=())}) == []
    assert evidence({}) == []


def test_an_earlier_run_s_page_says_in_either_language_that_it_was_held_again(
    tmp_path: Path,
) -> None:
    [earlier] = study_runs(load_study(_repeating(tmp_path))).earlier
    dutch = render_toptasks_page(earlier, "nl", "Gemeente", held_again="Toptaken 2026")
    assert (
        "<p>Opnieuw gehouden: Toptaken 2026 herhaalt deze enquête, en de stemmen daarvan zijn "
        "nu het bewijs voor behoeften, niet deze.</p>"
    ) in dutch
    assert "Opnieuw gehouden" not in render_toptasks_page(earlier, "nl", "Gemeente")


def test_the_questions_of_a_survey_held_again_are_its_latest_run_s(tmp_path: Path) -> None:
    """To hold it once more, start from the last run; two surveys that are not runs of one
    still need --survey, as does a survey held again beside another survey."""
    root = _repeating(tmp_path)
    asked = runner.invoke(app, ["survey", "questions", str(root), "--json"])
    assert asked.exit_code == 0, asked.output
    assert json.loads(asked.stdout)["survey"] == "toptasks"
    other = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "other.yaml").write_text(other.replace("id: toptasks", "id: other"))
    which = runner.invoke(app, ["survey", "questions", str(root)])
    assert which.exit_code == 2 and "the study has 3 survey mappings; say which" in which.stderr
