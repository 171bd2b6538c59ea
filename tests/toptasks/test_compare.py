"""Two runs of a survey compared (``toptasks --compare``): hand-checked ranks, shares and
changes, the properties of any comparison, and every way out of the command."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from needmap.cli import app
from needmap.model.toptasks import TaskResult, TopTasks, analyse_toptasks
from needmap.model.toptasks_change import compare_toptasks
from needmap.personas.study import Study
from needmap.reports.sheet_cells import percent_cell, points_cell, shown_change
from needmap.reports.toptasks_change import build_change
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally
from tests.conftest import SURVEY_FIXTURES
from tests.rendered import PageParts
from tests.toptasks.conftest import cli_study, runner

DASH = "\u2013"
"""What a table shows for a task the run did not ask."""


def _result(base: TopTasks, shares: dict[str, float], *, weighted: bool = False) -> TopTasks:
    """``base`` with these tasks (id: share, in rank order); weighted, each task's weighted
    share is its share and its raw share half of it, so that the two orders can differ.
    Without the groups' breakdowns, which are of ``base``'s tasks."""
    tasks = tuple(
        TaskResult(
            id=task,
            label=task.upper(),
            votes=0,
            share=share / 2 if weighted else share,
            weighted_share=share if weighted else None,
            rank=rank,
        )
        for rank, (task, share) in enumerate(shares.items(), start=1)
    )
    return replace(base, tasks=tasks, order="weighted" if weighted else "unweighted", groups=())


def _base(study: Study, mapping: SurveyMapping, tally: Tally) -> TopTasks:
    return analyse_toptasks(study, mapping, tally, weighted=False)


def test_each_task_s_rank_and_share_then_and_now(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    base = _base(study, mapping, tally)
    now = _result(base, {"a": 0.5, "b": 0.3, "c": 0.2})
    before = replace(_result(base, {"b": 0.4, "a": 0.35, "d": 0.25}), survey="old", title="Old")
    change = compare_toptasks(now, before)
    rows = [(t.id, t.rank, t.share, t.rank_before, t.share_before) for t in change.tasks]
    assert rows == [
        ("a", 1, 0.5, 2, 0.35),
        ("b", 2, 0.3, 1, 0.4),
        ("c", 3, 0.2, None, None),  # new: nobody could choose it before
        ("d", None, None, 3, 0.25),  # dropped: after the later run's tasks
    ]
    a, b, c, d = change.tasks
    assert round(a.change or 0, 4) == 0.15
    assert round(b.change or 0, 4) == -0.1
    assert c.change is None and d.change is None
    assert (change.new, change.dropped) == (("c",), ("d",))
    assert (change.before_survey, change.before_title) == ("old", "Old")
    assert change.order == "unweighted"


def test_weighted_shares_are_compared_only_when_both_runs_have_them(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """A weighted run compared with a raw one is compared raw, ranked again by raw share:
    a weighted share beside a raw one would show a change that is the weighting's."""
    base = _base(study, mapping, tally)
    weighted_now = _result(base, {"a": 0.6, "b": 0.4}, weighted=True)
    weighted_before = _result(base, {"b": 0.7, "a": 0.3}, weighted=True)
    both = compare_toptasks(weighted_now, weighted_before)
    assert both.order == "weighted"
    assert [(t.id, t.share, t.share_before) for t in both.tasks] == [
        ("a", 0.6, 0.3),
        ("b", 0.4, 0.7),
    ]
    # raw, the later run's ranks are its raw shares' (a 0.3, b 0.2 here), not its weighted
    raw_before = _result(base, {"b": 0.1, "a": 0.9})
    reweighed = replace(
        weighted_now,
        tasks=(
            replace(weighted_now.tasks[0], share=0.2),
            replace(weighted_now.tasks[1], share=0.3),
        ),
    )
    one = compare_toptasks(reweighed, raw_before)
    assert one.order == "unweighted"
    assert [(t.id, t.rank, t.share, t.rank_before) for t in one.tasks] == [
        ("b", 1, 0.3, 1),
        ("a", 2, 0.2, 2),
    ]
    # equal raw shares rank as a reader files the labels (A before B), as the analysis does
    tied = replace(
        weighted_now,
        tasks=tuple(
            replace(t, share=0.25, label=label)
            for t, label in zip(weighted_now.tasks, ("Task 10", "Task 9"), strict=True)
        ),
    )
    assert [(t.label, t.rank) for t in compare_toptasks(tied, raw_before).tasks] == [
        ("Task 9", 1),
        ("Task 10", 2),
    ]


_shares = st.dictionaries(
    st.sampled_from("abcdefgh"), st.floats(0.01, 1), min_size=1, max_size=8
).map(lambda d: dict(sorted(d.items(), key=lambda item: -item[1])))


@given(_shares, _shares)
def test_every_task_of_either_run_is_listed_once_in_the_later_run_s_order(
    now_shares: dict[str, float], before_shares: dict[str, float]
) -> None:
    base = _BASE
    change = compare_toptasks(_result(base, now_shares), _result(base, before_shares))
    ids = [t.id for t in change.tasks]
    assert sorted(ids) == sorted(set(now_shares) | set(before_shares))
    later = [t for t in change.tasks if t.rank is not None]
    assert [t.rank for t in later] == list(range(1, len(now_shares) + 1))
    assert change.tasks[: len(later)] == tuple(later)  # the dropped ones come last
    dropped = [t.rank_before or 0 for t in change.tasks[len(later) :]]
    assert dropped == sorted(dropped)  # in the earlier run's order
    for task in change.tasks:
        if task.id in now_shares and task.id in before_shares:
            assert task.change == now_shares[task.id] - before_shares[task.id]
            assert task.rank_before == list(before_shares).index(task.id) + 1
        else:
            assert task.change is None


def _fixture_base() -> TopTasks:
    from needmap import load_study
    from needmap.surveys import import_survey, load_mapping

    study = load_study(SURVEY_FIXTURES / "study")
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    tally = import_survey(mapping, SURVEY_FIXTURES / "exports" / "long.csv").tally
    return _base(study, mapping, tally)


_BASE = _fixture_base()


def test_a_change_in_points_reads_without_a_sign_a_spreadsheet_would_take_for_a_formula() -> None:
    up, down, same = points_cell(0.031, "en"), points_cell(-0.02, "nl"), points_cell(0.0, "en")
    assert (up, down, same) == ("▲ 3.1", "▼ 2,0", "0.0")
    assert (points_cell(0.004, "en"), points_cell(-0.004, "en")) == ("▲ 0.4", "▼ 0.4")
    assert (up.value, down.value, same.value) == (3.1, -2.0, 0.0)
    assert up.excel_format == '"▲ "0.0;"▼ "0.0;0.0'


@pytest.mark.parametrize(
    ("now", "before", "shown"),
    [
        (0.1234, 0.1006, "▲ 2.2"),  # 12.3% after 10.1%; exactly 2.28 points, "2.3"
        (0.01360, 0.01249, "▲ 0.2"),  # 1.4% after 1.2%; exactly 0.11, "0.1"
        (3 / 7, 1 / 3, "▲ 9.6"),  # 42.9% after 33.3%
        (0.1249, 0.1251, "0.0"),  # both read 12.5%
        (0.1, 0.3, "▼ 20.0"),
    ],
)
def test_a_change_reads_as_the_two_shares_read(now: float, before: float, shown: str) -> None:
    """A reader subtracts the two shares the table shows: the change is theirs, not the
    exact shares' (which may differ by a tenth of a point)."""
    assert (percent_cell(now, "en"), percent_cell(before, "en")) == (
        f"{round(now * 100, 1)}%",
        f"{round(before * 100, 1)}%",
    )
    assert points_cell(shown_change(now, before) or 0.0, "en") == shown
    assert shown_change(None, before) is None and shown_change(now, None) is None


@given(st.floats(0.0005, 0.999), st.floats(0.0005, 0.999))
def test_any_change_is_the_difference_of_the_shares_as_shown(now: float, before: float) -> None:
    """Subtracting the two shares the table shows gives the change it shows, whatever the
    shares (above the 0.05% a share needs to read as more than "<0.1%")."""

    def tenths(cell: str) -> int:
        return round(float(cell.rstrip("%")) * 10)

    points = points_cell(shown_change(now, before) or 0.0, "en")
    difference = tenths(percent_cell(now, "en")) - tenths(percent_cell(before, "en"))
    assert round(points.value * 10) == difference
    assert points == ("▲ " if difference > 0 else "▼ " if difference < 0 else "") + (
        f"{abs(difference) / 10:.1f}"
    )


_EARLIER_EXPORT = """respondent;group;task
a1;desk;Book leave
a1;desk;Find the phone list
a2;desk;Book leave
a3;desk;Claim expenses
a4;field;Book leave
a5;field;Find the phone list
a6;field;Report a broken printer
a7;office;Find a colleague, by name or expertise
a8;office;Plan a meeting with lunch and projector
a9;office;Book leave
"""


def _two_runs(tmp_path: Path) -> Path:
    """The fixture study with its 2026 survey imported, and an earlier run of 2024 that
    asked 'Find the phone list' where the later asks 'See the café menu'."""
    root = cli_study(tmp_path)
    earlier = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text(encoding="utf-8")
    earlier = earlier.replace("id: toptasks", "id: toptasks-2024").replace("2026", "2024")
    earlier = earlier.replace(
        "{id: cafe, label: See the café menu, code: SQ006, needs: [canteen]}",
        "{id: phones, label: Find the phone list, needs: [people-finder]}",
    )
    assert "phones" in earlier
    (root / "surveys" / "toptasks-2024.yaml").write_text(earlier, encoding="utf-8")
    export = tmp_path / "earlier.csv"
    export.write_text(_EARLIER_EXPORT, encoding="utf-8")
    result = runner.invoke(app, ["survey", "import", str(root), str(export), "-s", "toptasks-2024"])
    assert result.exit_code == 0, result.output
    return root


def third_run(root: Path) -> None:
    """A 2022 run beside the 2024 one of :func:`_two_runs`, the same mapping and votes."""
    third = (root / "surveys" / "toptasks-2024.yaml").read_text(encoding="utf-8")
    third = third.replace("id: toptasks-2024", "id: toptasks-2022").replace("2024", "2022")
    (root / "surveys" / "toptasks-2022.yaml").write_text(third, encoding="utf-8")
    shutil.copy(
        root / "surveys" / "toptasks-2024.tally.json", root / "surveys" / "toptasks-2022.tally.json"
    )


def test_cli_compares_the_later_survey_with_the_earlier(tmp_path: Path) -> None:
    """Raw shares, hand-checked: in 2024 10 votes (leave 4, the phone list 2, the rest 1
    each; ties ranked by label); in 2026 24 (leave 7, colleague 5, meeting 4, expenses 3,
    printer 3, café 2; the one respondent outside the groups left out)."""
    root = _two_runs(tmp_path)
    result = runner.invoke(
        app,
        ["toptasks", str(root), "--compare", "toptasks-2024", "--unweighted", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("survey", "respondents", "order", "compared_with")} == {
        "survey": "toptasks",
        "respondents": 11,
        "order": "unweighted",
        "compared_with": {
            "survey": "toptasks-2024",
            "title": "Top tasks intranet 2024",
            "respondents": 9,
        },
    }
    assert [
        (t["id"], t["rank"], t["share"], t["rank_before"], t["share_before"], t["change"])
        for t in data["tasks"]
    ] == [
        ("leave", 1, 0.2917, 1, 0.4, -0.1083),
        ("colleague", 2, 0.2083, 4, 0.1, 0.1083),
        ("meeting", 3, 0.1667, 5, 0.1, 0.0667),
        ("expense", 4, 0.125, 3, 0.1, 0.025),
        ("printer", 5, 0.125, 6, 0.1, 0.025),
        ("cafe", 6, 0.0833, None, None, None),
        ("phones", None, None, 2, 0.2, None),
    ]
    printed = runner.invoke(
        app,
        ["toptasks", str(root), "--compare", "toptasks-2024", "--unweighted"],
        env={"COLUMNS": "120"},
    )
    assert printed.exit_code == 0, printed.output
    lines = printed.stdout.splitlines()
    assert lines[0] == "Top tasks compared: Top tasks intranet 2026 against Top tasks intranet 2024"
    assert " ".join(lines[1].split()) == "Rank Task Share Rank before Share before Change (points)"
    assert lines[3].split() == ["1", "Book", "leave", "29.2%", "1", "40.0%", "▼", "10.8"]
    assert lines[8].split() == ["6", "See", "the", "café", "menu", "8.3%", DASH, DASH, "new"]
    assert lines[9].split() == [DASH, "Find", "the", "phone", "list", DASH, "2", "20.0%", "dropped"]
    assert " ".join(lines[10 : lines.index("")]) == (
        "Top tasks intranet 2026: 11 respondents; Top tasks intranet 2024: 9 respondents; "
        "unweighted shares. Compared with Top tasks intranet 2024: \u201cFind a colleague, by "
        "name or expertise\u201d rose most (▲ 10.8 points), \u201cBook leave\u201d fell most "
        "(▼ 10.8). 1 task was not in the earlier survey (new). 1 task is not in the "
        "later survey (dropped). The surveys' lists of tasks differ, so a share of one is of "
        "other tasks than a share of the other: compare ranks and shares with care."
    )


def test_cli_writes_the_comparison_as_a_table_in_either_language(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    args = ["toptasks", str(root), "--compare", "toptasks-2024", "--unweighted", "-l", "nl"]
    for name in ("c.md", "c.csv", "c.xlsx", "c.json", "c.html"):
        result = runner.invoke(app, [*args, "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    markdown = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert markdown.startswith(
        "# Toptaken vergeleken: Top tasks intranet 2026 tegenover Top tasks intranet 2024\n"
    )
    assert "| 1 | Book leave | 29,2% | 1 | 40,0% | ▼ 10,8 |" in markdown
    csv = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0] == "Rang;Taak;Aandeel;Rang eerder;Aandeel eerder;Verschil (procentpunten)"
    assert csv[-1] == f"{DASH};Find the phone list;{DASH};2;20,0%;vervallen"
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert sheet is not None and sheet.title == "Vergeleken"
    header = [c.value for c in sheet[1]]
    change = header.index("Verschil (procentpunten)") + 1
    assert sheet.cell(row=2, column=change).value == -10.8  # a number, shown with its arrow
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["order"] == "unweighted"
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    read = PageParts()
    read.feed(page)  # as the reports' accessibility checks read them
    assert read.headings == [
        "Toptaken vergeleken: Top tasks intranet 2026 tegenover Top tasks intranet 2024"
    ]
    assert '<html lang="nl"' in page and "<strong>Top tasks intranet 2026: 11 respondenten;" in page
    assert '<th scope="row">Find the phone list</th>' in page and ">vervallen</td>" in page


def test_cli_takes_the_only_other_survey_as_the_later_one(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    later = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2024", "--json"])
    assert later.exit_code == 0, later.output
    assert json.loads(later.stdout)["survey"] == "toptasks"
    # the other way round, given both, and the earlier survey by its mapping's file name
    swapped = runner.invoke(
        app, ["toptasks", str(root), "-s", "toptasks-2024", "--compare", "toptasks.yaml", "--json"]
    )
    assert swapped.exit_code == 0, swapped.output
    assert json.loads(swapped.stdout)["compared_with"]["survey"] == "toptasks"
    third_run(root)
    which = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2022"])
    assert which.exit_code == 2
    assert "the study has 3 survey mappings; say which" in which.stderr


def test_cli_refuses_what_a_comparison_cannot_show(tmp_path: Path) -> None:
    root = _two_runs(tmp_path)
    base = ["toptasks", str(root), "--compare", "toptasks-2024"]
    cases = {
        ("--chart", "neck", "--out", "n.png"): "--compare has one chart, of the tasks then and "
        "now, not --chart's",
        ("--coverage", "80%"): "--compare compares ranks and shares, not coverage sets",
        ("--out", str(tmp_path / "c.gif")): "cannot write top tasks as '.gif'",
        ("-s", "toptasks-2024"): "--compare names the survey it would be compared with",
    }
    for extra, message in cases.items():
        result = runner.invoke(app, [*base, *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert message in result.stderr, (extra, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "c.png").exists()
    unknown = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2023"])
    assert unknown.exit_code == 2 and "toptasks-2024" in unknown.stderr


def test_the_table_of_a_comparison_without_new_or_dropped_tasks_has_one_note(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    base = _base(study, mapping, tally)
    change = compare_toptasks(base, replace(base, survey="old", title="Old"))
    table = build_change(change, "en")
    assert all(row[-1] == "0.0" for row in table.rows)
    assert not any(table.in_coverage)  # no row is marked as in a coverage set
    assert table.notes == (
        "Top tasks intranet 2026: 11 respondents; Old: 11 respondents; unweighted shares.",
        "Compared with Old: no task's share moved.",
    )
    # a task only the later run asked: its note, and that the lists differ
    fewer = replace(base, survey="old", title="Old", tasks=base.tasks[1:], groups=())
    notes = build_change(compare_toptasks(base, fewer), "en").notes
    assert notes[-2:] == (
        "1 task was not in the earlier survey (new).",
        "The surveys' lists of tasks differ, so a share of one is of other tasks than a share "
        "of the other: compare ranks and shares with care.",
    )


def test_json_golden(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    """The stable JSON of docs/json-output.md, every key, weighted as both runs are. By
    hand for 2024: three respondents a group, headcounts 10, 30 and 60, so weights 0.3, 0.9
    and 1.8; weighted votes 0.3 x 4 + 0.9 x 3 + 1.8 x 3 = 9.3, of which leave has
    0.3 x 2 + 0.9 + 1.8 = 3.3 (0.3548) and meeting 1.8 (0.1935)."""
    root = _two_runs(tmp_path)
    result = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2024", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["order"] == "weighted"
    before = {t["id"]: t["share_before"] for t in data["tasks"]}
    assert (before["leave"], before["meeting"]) == (0.3548, 0.1935)
    golden("toptasks-compare-fixture.json", result.stdout)


def test_one_group_s_shares_compared_by_hand(tmp_path: Path) -> None:
    """The front desk's raw shares of its own votes. 2026: five respondents, 12 votes (leave
    3, colleague 3, expenses 2, printer 2, meeting 1, café 1); 2024: three, 4 votes (leave
    2, expenses 1, the phone list 1). Equal shares rank as a reader files the labels."""
    root = _two_runs(tmp_path)
    args = ["toptasks", str(root), "--compare", "toptasks-2024", "--group", "Front desk"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["group"], data["order"], data["respondents"]) == (
        {"id": "desk", "name": "Front desk"},
        "unweighted",
        5,
    )
    assert data["compared_with"]["respondents"] == 3
    assert [
        (t["id"], t["rank"], t["share"], t["rank_before"], t["share_before"]) for t in data["tasks"]
    ] == [
        ("leave", 1, 0.25, 1, 0.5),
        ("colleague", 2, 0.25, 4, 0.0),
        ("expense", 3, 0.1667, 2, 0.25),
        ("printer", 4, 0.1667, 6, 0.0),
        ("meeting", 5, 0.0833, 5, 0.0),
        ("cafe", 6, 0.0833, None, None),
        ("phones", None, None, 3, 0.25),
    ]
    page = runner.invoke(app, [*args, "-l", "nl", "--out", str(tmp_path / "desk.md")])
    assert page.exit_code == 0, page.output
    assert (
        (tmp_path / "desk.md")
        .read_text(encoding="utf-8")
        .startswith(
            "# Toptaken van Front desk vergeleken: Top tasks intranet 2026 tegenover Top tasks "
            "intranet 2024\n"
        )
    )
    assert '"group": null' in runner.invoke(app, [*args[:4], "--json"]).stdout


def test_a_group_hidden_in_either_run_is_not_compared(tmp_path: Path) -> None:
    """With a minimum of four, every group of 2024 (three respondents each) is hidden, and
    the field staff of 2026 (three) too: the message says in which run."""
    root = _two_runs(tmp_path)
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("min_group_size: 3", "min_group_size: 4"))
    base = ["toptasks", str(root), "--compare", "toptasks-2024", "--group"]
    desk = runner.invoke(app, [*base, "desk"])
    assert desk.exit_code == 2 and not desk.stdout
    assert " ".join(desk.stderr.split()).startswith(
        "survey 'toptasks-2024': group 'desk' is not shown: fewer than 4 respondents"
    )
    field = runner.invoke(app, [*base, "field", "--out", str(tmp_path / "field.csv")])
    assert field.exit_code == 2 and "survey 'toptasks': group 'field' is not shown" in field.stderr
    assert not (tmp_path / "field.csv").exists()
    unknown = runner.invoke(app, [*base, "nurses"])
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output


def test_a_group_counted_with_others_in_one_run_only_is_not_compared(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    from needmap.errors import UsageError
    from needmap.model.toptasks import GroupBreakdown
    from needmap.model.toptasks_change import compare_group
    from needmap.surveys.tally import stratum_key

    now = _base(study, mapping, tally)
    together = GroupBreakdown(
        group=stratum_key(["desk", "field"]),
        name="Front desk + Field staff",
        suppressed=False,
        respondents=8,
        shares={t.id: 1 / len(now.tasks) for t in now.tasks},
    )
    before = replace(now, survey="old", title="Old", groups=(together,))
    try:
        compare_group(now, before, "desk", study)
    except UsageError as exc:
        assert [p.message for p in exc.problems] == [
            "group 'desk' is counted as Front desk in 'toptasks' and as Front desk + Field "
            "staff in 'old': its shares are of other people"
        ]
    else:
        raise AssertionError("a group compared with a stratum")
    change = compare_group(now, now, "desk", study)
    assert (change.group, change.group_name) == ("desk", "Front desk")
    assert all(t.change == 0 for t in change.tasks)
