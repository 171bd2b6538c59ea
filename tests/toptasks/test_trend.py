"""Every run of a survey held three times or more, side by side (``toptasks_trend``):
hand-checked shares, the properties of any trend, and where the reports show it."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from needmap import load_study
from needmap.build import build_reports
from needmap.cli import app
from needmap.model.toptasks import analyse_toptasks
from needmap.model.toptasks_change import compare_toptasks, toptasks_trend
from needmap.personas.study import Study
from needmap.reports.survey_runs import study_runs
from needmap.reports.toptasks_change import build_trend
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally
from tests.toptasks.conftest import runner
from tests.toptasks.test_compare import DASH, _base, _result, third_run
from tests.toptasks.test_runs import _edit, _repeating


def _three_runs(tmp_path: Path) -> Path:
    """2022, 2024 and 2026, each naming the one before as its ``earlier``: the 2022 run
    counted what 2024 did (10 votes: leave 4, the phone list 2, the others 1 each; no
    café), 2026 24 votes (leave 7, colleague 5, meeting 4, expenses 3, printer 3, café
    2; no phone list)."""
    root = _repeating(tmp_path)
    third_run(root)
    _edit(
        root / "surveys" / "toptasks-2024.yaml",
        "max_picks: 5\n",
        "max_picks: 5\nearlier: toptasks-2022\n",
    )
    return root


def test_every_run_s_shares_by_hand(tmp_path: Path) -> None:
    """Raw shares (the --unweighted comparison): the latest run's tasks in its rank order
    (expenses and the printer tie, ranked by label), then the phone list, which only the
    earlier runs asked."""
    root = _three_runs(tmp_path)
    args = ["toptasks", str(root), "--compare", "toptasks-2024", "--unweighted", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    trend = json.loads(result.stdout)["trend"]
    assert trend["order"] == "unweighted"
    assert [(run["survey"], run["respondents"]) for run in trend["runs"]] == [
        ("toptasks-2022", 9),
        ("toptasks-2024", 9),
        ("toptasks", 11),
    ]
    assert [(task["id"], task["shares"], task["change"]) for task in trend["tasks"]] == [
        ("leave", [0.4, 0.4, round(7 / 24, 4)], round(7 / 24 - 0.4, 4)),
        ("colleague", [0.1, 0.1, round(5 / 24, 4)], round(5 / 24 - 0.1, 4)),
        ("meeting", [0.1, 0.1, round(4 / 24, 4)], round(4 / 24 - 0.1, 4)),
        ("expense", [0.1, 0.1, 0.125], 0.025),
        ("printer", [0.1, 0.1, 0.125], 0.025),
        ("cafe", [None, None, round(2 / 24, 4)], None),
        ("phones", [0.2, 0.2, None], None),
    ]
    across = runner.invoke(app, [*args[:2], "--compare", "toptasks-2022", "--json"])
    assert json.loads(across.stdout)["trend"]["runs"] == trend["runs"]  # any two of the runs
    other = root / "surveys" / "other.yaml"  # another survey, its own: not of the runs
    other.write_text(
        (root / "surveys" / "toptasks-2022.yaml")
        .read_text(encoding="utf-8")
        .replace("id: toptasks-2022", "id: other"),
        encoding="utf-8",
    )
    shutil.copy(
        root / "surveys" / "toptasks-2022.tally.json", root / "surveys" / "other.tally.json"
    )
    unrelated = runner.invoke(app, [*args[:2], "-s", "toptasks", "--compare", "other", "--json"])
    assert unrelated.exit_code == 0, unrelated.output
    assert json.loads(unrelated.stdout)["trend"] is None
    other.unlink()
    (root / "surveys" / "other.tally.json").unlink()
    group = runner.invoke(app, [*args[:4], "--group", "desk", "--json"])
    assert json.loads(group.stdout)["trend"] is None  # one group's: the two runs only
    printed = runner.invoke(app, ["toptasks", str(root), "--compare", "toptasks-2024"])
    assert "Top tasks in all 3 runs of the survey" in printed.stdout
    _edit(root / "surveys" / "toptasks-2024.yaml", "earlier: toptasks-2022\n", "")
    two = runner.invoke(app, [*args, "-s", "toptasks"])
    assert two.exit_code == 0, two.output
    assert json.loads(two.stdout)["trend"] is None  # two runs: the comparison says it all
    assert "all 3 runs" not in runner.invoke(app, [*args[:4], "-s", "toptasks"]).stdout


def test_a_build_shows_every_run_on_the_comparison_s_page_and_in_its_tables(
    tmp_path: Path,
) -> None:
    root = _three_runs(tmp_path)
    (change,) = study_runs(load_study(root)).changes
    assert change.trend is not None
    assert [run.survey for run in change.trend.runs] == [
        "toptasks-2022",
        "toptasks-2024",
        "toptasks",
    ]
    runs = study_runs(load_study(root)).earlier  # each latest run's, the newest first
    assert [run.survey for run in runs] == ["toptasks-2024", "toptasks-2022"]
    out = tmp_path / "reports"
    build_reports(load_study(root), out, pdf=False)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"Top tasks intranet \d+ \(held again since\)", index) == [
        "Top tasks intranet 2024 (held again since)",
        "Top tasks intranet 2022 (held again since)",
    ]
    pictures = re.findall(r'<img src="([^"]+)"', index)
    assert pictures[-2:] == ["toptasks-toptasks-neck.png", "compare-toptasks-chart.png"]
    page = (out / "compare-toptasks.html").read_text(encoding="utf-8")
    assert '<table class="needs ranking trend">' in page
    assert '<table class="needs ranking moves">' in page
    assert page.index("all 3 runs") < page.index("What moved most in each group")
    trend_table = page.split('<table class="needs ranking trend">')[1].split("</table>")[0]
    assert '<th scope="row">Plan a meeting with lunch and projector</th>' in trend_table
    assert "covered" not in trend_table  # no run's 75% set is marked across all runs
    assert "## Top tasks in all 3 runs of the survey" in (out / "compare-toptasks.md").read_text(
        encoding="utf-8"
    )
    sheet = load_workbook(out / "compare-toptasks.xlsx")["Every run"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(max_row=2)]
    assert rows[0][2:] == [
        "Top tasks intranet 2022 (n=9)",
        "Top tasks intranet 2024 (n=9)",
        "Top tasks intranet 2026 (n=11)",
        "Since the first (points)",
    ]
    assert rows[1][:2] == [1, "Plan a meeting with lunch and projector"]  # weighted here
    _edit(root / "surveys" / "toptasks-2024.yaml", "earlier: toptasks-2022\n", "")
    (two,) = study_runs(load_study(root)).changes
    assert two.trend is None


def test_a_task_the_latest_run_did_not_ask_has_no_rank_nor_change(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    base = _base(study, mapping, tally)
    runs = [
        replace(_result(base, {"a": 0.6, "b": 0.4}), survey="first", title="First"),
        replace(_result(base, {"b": 0.7, "c": 0.3}), survey="second", title="Second"),
        replace(_result(base, {"c": 0.5, "a": 0.5}), survey="third", title="Third"),
    ]
    trend = toptasks_trend(runs)
    assert [(t.id, t.shares, t.change) for t in trend.tasks] == [
        ("c", (None, 0.3, 0.5), None),
        ("a", (0.6, None, 0.5), pytest.approx(-0.1)),
        ("b", (0.4, 0.7, None), None),  # only earlier runs asked it: the second's order
    ]
    table = build_trend(trend, "en")
    assert [row[0] for row in table.rows] == ["1", "2", DASH]
    assert table.rows[1][-1] == "\u25bc 10.0"
    assert table.rows[0][2:] == (DASH, "30.0%", "50.0%", DASH)
    with pytest.raises(ValueError, match="two runs or more"):
        toptasks_trend(runs[:1])


@given(weighted=st.lists(st.booleans(), min_size=2, max_size=4))
def test_two_runs_trend_as_they_compare_and_every_run_sums_to_the_whole(
    study: Study, mapping: SurveyMapping, tally: Tally, weighted: list[bool]
) -> None:
    """Whatever the runs' measures: weighted only where all are; each run's shares of the
    tasks it asked sum to one; the last two runs' shares are those the comparison of the
    two gives, task for task in its order."""
    runs = [
        replace(
            analyse_toptasks(study, mapping, tally, weighted=flag),
            survey=f"run-{i}",
            title=f"Run {i}",
        )
        for i, flag in enumerate(weighted)
    ]
    trend = toptasks_trend(runs)
    assert trend.order == ("weighted" if all(weighted) else "unweighted")
    for i in range(len(runs)):
        shares = [share for task in trend.tasks if (share := task.shares[i]) is not None]
        assert sum(shares) == pytest.approx(1)
    last_two = toptasks_trend(runs[-2:])
    change = compare_toptasks(runs[-1], runs[-2])
    assert [(t.id, t.shares) for t in last_two.tasks] == [
        (t.id, (t.share_before, t.share)) for t in change.tasks
    ]


def test_why_gives_a_need_s_share_in_every_run(tmp_path: Path) -> None:
    """Hand-checked raw shares of the HR self-service (leave and expenses): 5 of 10
    votes in 2022 and in 2024, 10 of 24 in 2026. The text gives the weighted shares (all
    three runs are weighted) and the change since the first. The canteen is served by the
    café too in 2026 only: no line, as the run before says it is not compared."""
    root = _three_runs(tmp_path)
    result = runner.invoke(app, ["why", str(root), "hr-self-service", "--json"])
    assert result.exit_code == 0, result.output
    [survey] = json.loads(result.stdout)["surveys"]
    runs = survey["every_run"]
    assert [(run["survey"], run["votes"], run["share"]) for run in runs] == [
        ("toptasks-2022", 5, 0.5),
        ("toptasks-2024", 5, 0.5),
        ("toptasks", 10, 0.4167),
    ]
    shares = [run["weighted_share"] for run in runs]
    assert all(share is not None for share in shares)
    text = runner.invoke(app, ["why", str(root), "hr-self-service"], env={"COLUMNS": "300"})
    change = round(shares[2] * 100, 1) - round(shares[0] * 100, 1)
    arrow = "▲" if change > 0 else "▼"
    since = f"{arrow} {abs(change):.1f} points since Top tasks intranet 2022"
    shown = ", ".join(f"{share * 100:.1f}%" for share in shares)
    line = f"In all 3 runs, oldest first: {shown} of all votes ({since})."
    assert line in " ".join(text.stdout.replace("\u00a0", " ").split())
    canteen = json.loads(runner.invoke(app, ["why", str(root), "canteen", "--json"]).stdout)
    assert canteen["surveys"][0]["every_run"] is None
    words = runner.invoke(app, ["why", str(root), "canteen"], env={"COLUMNS": "300"}).stdout
    assert "In all 3 runs" not in words and "not compared" in words
