"""Each group's comparison at a glance (``compare_groups``): which groups are compared,
what stays hidden, and how every format shows the table of what moved most per group."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from needmap.cli import app
from needmap.model.toptasks import GroupBreakdown, TopTasks, analyse_toptasks
from needmap.model.toptasks_change import compare_group, compare_groups, compare_toptasks
from needmap.personas.study import Study
from needmap.reports.toptasks_change import (
    build_group_changes,
    build_group_moves,
    change_tables,
    group_move_lines,
)
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally, stratum_key
from tests.toptasks.conftest import runner
from tests.toptasks.test_compare import _two_runs

DASH = "\u2013"


def _analysis(study: Study, mapping: SurveyMapping, tally: Tally) -> TopTasks:
    return analyse_toptasks(study, mapping, tally, weighted=False)


def test_each_group_s_moves_are_those_of_its_own_comparison(tmp_path: Path) -> None:
    """Hand-checked for the front desk: 2026 five respondents, 12 votes (leave 3, colleague
    3); 2024 three, 4 votes (leave 2, nobody chose colleague): colleague 0.25 up, leave
    0.25 down, the two largest moves, ranked by the later run's rank where equal."""
    root = _two_runs(tmp_path)
    result = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2024", "--json"])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)["groups"]
    assert [
        (g["id"], g["respondents"], g["respondents_before"], g["compared"]) for g in groups
    ] == [
        ("desk", 5, 3, True),
        ("field", 3, 3, True),
        ("office", 3, 3, True),
    ]
    desk = groups[0]
    assert desk["rose_most"] == {
        "id": "colleague",
        "label": "Find a colleague, by name or expertise",
        "change": 0.25,
    }
    assert desk["fell_most"] == {"id": "leave", "label": "Book leave", "change": -0.25}
    for group in groups:  # the same as the group's whole comparison says
        alone = runner.invoke(
            app,
            ["toptasks", str(root), "--compare", "toptasks-2024", "--group", group["id"], "--json"],
        )
        alone_tasks = json.loads(alone.stdout)["tasks"]
        assert group["tasks"] == alone_tasks  # the whole comparison, as --group gives it
        changes = {t["id"]: t["change"] for t in alone_tasks}
        moved = [c for c in changes.values() if c is not None]
        assert group["rose_most"]["change"] == max(moved)
        assert group["fell_most"]["change"] == min(moved)
        assert changes[group["rose_most"]["id"]] == max(moved)
    grouped = json.loads(
        runner.invoke(
            app,
            ["toptasks", str(root), "--compare", "toptasks-2024", "--group", "desk", "--json"],
        ).stdout
    )
    assert grouped["groups"] == []  # one group's comparison has no table of groups


def test_the_terminal_shows_the_groups_after_the_tasks(tmp_path: Path) -> None:
    """A line each, after the tasks' table (--top counts tasks): the table's five
    columns are too many for a terminal."""
    root = _two_runs(tmp_path)
    printed = runner.invoke(
        app,
        ["toptasks", str(root), "--compare", "toptasks-2024", "--top", "2"],
        env={"COLUMNS": "200"},
    )
    assert printed.exit_code == 0, printed.output
    lines = printed.stdout.splitlines()
    groups = lines[lines.index("What moved most in each group:") + 1 :]
    assert groups[:3] == [
        " • Front desk (n=5; before n=3): ▲ Find a colleague, by name or expertise (25.0); "
        "▼ Book leave (25.0)",
        " • Field staff (n=3; before n=3): ▲ Book leave (26.7); ▼ Report a broken printer (13.3)",
        # 42.9% after 33.3% reads 9.6 points, as the two shares read (9.5 exactly)
        " • Office staff (n=3; before n=3): ▲ Plan a meeting with lunch and projector (9.6); "
        "▼ Book leave (19.0)",
    ]
    assert groups[3] == "▲ rose most, ▼ fell most, in points."
    assert groups[4].startswith("Each group's shares of its own votes, unweighted")


@pytest.mark.parametrize("width", range(40, 90, 3))
def test_an_arrow_stays_with_its_task_where_the_terminal_wraps(tmp_path: Path, width: int) -> None:
    """ "▼" ended a line and "Read news about the organisation" began the next; in the
    sentence of what moved most, "(▲" ended a line and "9.6 points)" began the next."""
    root = _two_runs(tmp_path)
    printed = runner.invoke(
        app, ["toptasks", str(root), "--compare", "toptasks-2024"], env={"COLUMNS": str(width)}
    )
    assert printed.exit_code == 0, printed.output
    assert "\u00a0" not in printed.stdout
    assert not re.search("[▲▼] *\n", printed.stdout)
    assert not re.search(r"\n *points\)", printed.stdout)
    groups = printed.stdout[printed.stdout.index("What moved most in each group:") :]
    assert groups.count("▼") == 4  # three groups and the legend
    sentence = re.search(r"Compared with .*?\(▼ 9\.3\)\.", printed.stdout, re.DOTALL)
    assert sentence and " rose most (▲ 9.6 points)" in sentence[0].replace("\n", " ")


def test_a_line_says_when_a_group_is_not_compared_or_nothing_moved(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    now = _analysis(study, mapping, tally)
    moves = compare_groups(now, replace(now, groups=now.groups[:1]))
    change = replace(compare_toptasks(now, now), groups=moves)
    hidden = replace(moves[2], respondents=None)
    assert group_move_lines(replace(change, groups=(moves[0], hidden)), "nl") == [
        "Front desk (n=5; eerder n=5): geen aandeel veranderde",
        "Office staff (n<3; eerder n=0): niet in beide enquêtes getoond",
    ]


def test_a_group_hidden_in_a_run_shows_no_count_of_that_run(tmp_path: Path) -> None:
    """With a minimum of four, 2024's groups (three respondents each) are hidden, and
    2026's field and office staff (three each): only the front desk's five are shown, and
    no group is compared."""
    root = _two_runs(tmp_path)
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("min_group_size: 3", "min_group_size: 4"))
    args = ["toptasks", str(root), "--compare", "toptasks-2024"]
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert all(g["tasks"] is None for g in data["groups"])  # none compared
    assert [
        (g["id"], g["respondents"], g["respondents_before"], g["compared"], g["rose_most"])
        for g in data["groups"]
    ] == [
        ("desk", 5, None, False, None),
        ("field", None, None, False, None),
        ("office", None, None, False, None),
    ]
    out = tmp_path / "compare.md"
    assert runner.invoke(app, [*args, "--out", str(out)]).exit_code == 0
    groups = out.read_text(encoding="utf-8").split("## What moved most in each group\n")[1]
    assert groups.splitlines()[3:6] == [
        f"| Front desk | 5 | n<4 | {DASH} | {DASH} |",
        f"| Field staff | n<4 | n<4 | {DASH} | {DASH} |",
        f"| Office staff | n<4 | n<4 | {DASH} | {DASH} |",
    ]
    assert "_n<4: fewer than 4 respondents in that survey" in groups


def test_groups_are_matched_by_what_each_run_counted(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """The earlier run counted the front desk with the field staff (an answer that covered
    both), and asked the office staff nothing: the later run's groups come first, in its
    order, each with 0 for the run that counted nobody as it, then the earlier run's
    stratum; none of them is compared. The office staff of both runs are."""
    now = _analysis(study, mapping, tally)
    office = next(b for b in now.groups if b.group == "office")
    together = GroupBreakdown(
        group=stratum_key(["desk", "field"]),
        name="Front desk + Field staff",
        suppressed=False,
        respondents=8,
        shares=dict.fromkeys((t.id for t in now.tasks), 1 / len(now.tasks)),
    )
    before = replace(now, survey="old", title="Old", groups=(together, office))
    moves = compare_groups(now, before)
    assert [(m.group, m.respondents, m.respondents_before) for m in moves] == [
        ("desk", 5, 0),
        ("field", 3, 0),
        ("office", 3, 3),
        (stratum_key(["desk", "field"]), 0, 8),
    ]
    assert [m.change is not None for m in moves] == [False, False, True, False]
    assert moves[3].name == "Front desk + Field staff"
    compared = moves[2].change
    assert compared is not None and all(task.change == 0 for task in compared.tasks)
    assert compared == compare_group(now, before, "office", study)
    table = build_group_moves(replace(compare_toptasks(now, now), groups=moves), "en")
    assert table is not None
    assert [row[:3] for row in table.rows] == [
        ("Front desk", "5", DASH),
        ("Field staff", "3", DASH),
        ("Office staff", "3", "3"),
        ("Front desk + Field staff", DASH, "8"),
    ]
    assert table.rows[2][3:] == (DASH, DASH)  # compared, and no share moved
    assert not any(table.in_coverage)  # no row is marked as in a coverage set
    # a move that rounds to 0.0 points is none, as in the table of the group's tasks
    tiny = replace(
        compared,
        tasks=tuple(replace(t, share=(t.share_before or 0) + 0.0004) for t in compared.tasks[:1])
        + compared.tasks[1:],
    )
    nudged = replace(moves[2], change=tiny)
    assert tiny.moved_most(up=True) is not None
    again = build_group_moves(replace(compare_toptasks(now, now), groups=(nudged,)), "en")
    assert again is not None and again.rows[0][3:] == (DASH, DASH)
    assert again.notes == (table.notes[0],)  # compared: no note of hidden counts
    assert table.notes[1].endswith(f"{DASH}: no respondents counted as this group.")


@given(
    hidden_now=st.lists(st.booleans(), min_size=3, max_size=3),
    hidden_before=st.lists(st.booleans(), min_size=3, max_size=3),
    asked_before=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_no_count_a_run_hides_is_shown_and_only_groups_both_show_are_compared(
    study: Study,
    mapping: SurveyMapping,
    tally: Tally,
    hidden_now: list[bool],
    hidden_before: list[bool],
    asked_before: list[bool],
) -> None:
    now = _analysis(study, mapping, tally)

    def hide(groups: tuple[GroupBreakdown, ...], flags: list[bool]) -> tuple[GroupBreakdown, ...]:
        return tuple(
            replace(g, suppressed=True, respondents=None, shares={}) if flag else g
            for g, flag in zip(groups, flags, strict=True)
        )

    later = replace(now, groups=hide(now.groups, hidden_now))
    kept = hide(now.groups, hidden_before)
    earlier = replace(
        now, survey="old", groups=tuple(g for g, a in zip(kept, asked_before, strict=True) if a)
    )
    moves = compare_groups(later, earlier)
    assert [m.group for m in moves] == [g.group for g in now.groups]
    for move, gone, was_gone, asked in zip(
        moves, hidden_now, hidden_before, asked_before, strict=True
    ):
        assert (move.respondents is None) == gone
        assert (move.respondents_before is None) == (asked and was_gone)
        assert (move.respondents_before == 0) == (not asked)
        assert (move.change is not None) == (not gone and asked and not was_gone)
    table = build_group_moves(replace(compare_toptasks(later, earlier), groups=moves), "en")
    assert table is not None
    for row, move in zip(table.rows, moves, strict=True):
        for cell, count in zip(row[1:3], (move.respondents, move.respondents_before), strict=True):
            assert (cell == "n<3") == (count is None)


def test_every_format_has_the_groups_table_in_either_language(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    args = ["toptasks", str(root), "--compare", "toptasks-2024", "-l", "nl"]
    for name in ("c.md", "c.xlsx", "c.html", "c.csv"):
        assert runner.invoke(app, [*args, "--out", str(tmp_path / name)]).exit_code == 0
    markdown = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "\n## Wat per doelgroep het meest veranderde\n" in markdown
    assert "\n| --- | ---: | ---: | --- | --- |\n" in markdown  # counts right, names left
    assert (
        "| Doelgroep | Respondenten | Respondenten eerder | Steeg het meest | Daalde het meest |"
        in markdown
    )
    front_desk = "| Front desk | 5 | 3 | Find a colleague, by name or expertise (▲\u00a025,0) |"
    assert front_desk in markdown
    book = load_workbook(tmp_path / "c.xlsx")
    assert book.sheetnames == ["Vergeleken", "Doelgroepen", "Per doelgroep"]
    assert [c.value for c in book["Doelgroepen"][2]][:3] == ["Front desk", 5, 3]  # numbers
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '<table class="needs ranking moves">' in page
    assert '<th scope="row">Front desk</th>' in page
    assert "Elke groep met het aandeel in haar eigen stemmen, ongewogen" in page
    assert "De taken per doelgroep vergeleken" not in page  # hundreds of rows: the tables'
    csv = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "Doelgroep" not in csv  # CSV holds one table: the tasks


def test_one_group_s_comparison_has_no_table_of_groups(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    now = _analysis(study, mapping, tally)
    change = compare_group(now, now, "desk", study)
    assert change.groups == () and build_group_moves(change, "en") is None
    assert len(change_tables(change, "en")) == 1
    assert len(change_tables(compare_toptasks(now, now), "en")) == 2


def test_each_group_s_whole_comparison_is_in_the_markdown_and_the_workbook(
    tmp_path: Path,
) -> None:
    """A row per group and task, as ``--group G`` compares the group alone: hand-checked
    for the front desk (2026: 12 votes, leave 3 and colleague 3, ranked by label where
    equal; 2024: 4 votes, leave 2, expenses and the phone list 1 each, so colleague is
    first of those nobody chose, fourth). With a minimum of four no
    group is shown in both runs: no such table, and the groups' table says why."""
    root = _two_runs(tmp_path)
    args = ["toptasks", str(root), "--compare", "toptasks-2024"]
    out = tmp_path / "c.xlsx"
    assert runner.invoke(app, [*args, "--out", str(out)]).exit_code == 0
    markdown = tmp_path / "c.md"
    assert runner.invoke(app, [*args, "--out", str(markdown)]).exit_code == 0
    every = markdown.read_text(encoding="utf-8").split("## Each group's tasks compared\n")[1]
    assert every.splitlines()[1:3] == [  # names left, figures right
        "| Group | Rank | Task | Share | Rank before | Share before | Change (points) |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    sheet = load_workbook(out)["Each group"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Group",
        "Rank",
        "Task",
        "Share",
        "Rank before",
        "Share before",
        "Change (points)",
    ]
    assert rows[1:3] == [
        ["Front desk", 1, "Book leave", 0.25, 1, 0.5, -25],
        ["Front desk", 2, "Find a colleague, by name or expertise", 0.25, 4, 0, 25],
    ]
    for group in ("desk", "field", "office"):  # each group's rows: its comparison alone
        alone = json.loads(runner.invoke(app, [*args, "--group", group, "--json"]).stdout)
        name = alone["group"]["name"]
        mine = [row for row in rows[1:] if row[0] == name]
        assert [row[2] for row in mine] == [task["label"] for task in alone["tasks"]]
        assert [row[1] for row in mine] == [task["rank"] or DASH for task in alone["tasks"]]
    assert {row[0] for row in rows[1:] if row[0] and row[1]} == {
        "Front desk",
        "Field staff",
        "Office staff",
    }
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("min_group_size: 3", "min_group_size: 4"))
    hidden = tmp_path / "hidden.md"
    assert runner.invoke(app, [*args, "--out", str(hidden)]).exit_code == 0
    none_compared = hidden.read_text(encoding="utf-8")
    assert "## What moved most in each group" in none_compared
    assert "Each group's tasks compared" not in none_compared


def test_groups_not_compared_are_named_below_every_group_s_comparison(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """The office staff hidden in the earlier run: the front desk's and the field staff's
    tasks are listed, the office staff named in a note, never with a share."""
    now = _analysis(study, mapping, tally)
    hidden = tuple(
        replace(g, suppressed=True, respondents=None, shares={}) if g.group == "office" else g
        for g in now.groups
    )
    change = compare_toptasks(now, replace(now, survey="old", groups=hidden))
    table = build_group_changes(change, "en")
    assert table is not None
    assert [name for name in dict.fromkeys(row[0] for row in table.rows)] == [
        "Front desk",
        "Field staff",
    ]
    assert len(table.rows) == 2 * len(now.tasks)
    assert table.notes[1] == (
        "Not compared, as a survey hides them (fewer than 3 respondents, or so that a small "
        "group cannot be worked out) or counted nobody as them: Office staff."
    )
    assert len(change_tables(change, "en", every_group=True)) == 3
    assert build_group_changes(compare_group(now, now, "desk", study), "en") is None
