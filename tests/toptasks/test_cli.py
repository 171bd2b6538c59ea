"""Top-task commands: survey import and toptasks through the command line."""

from __future__ import annotations

import csv
import json
import math
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from needmap import load_study
from needmap.cli import app
from needmap.cli.value_hints import share_of
from needmap.errors import UsageError
from needmap.model.toptasks import analyse_toptasks
from needmap.reports.toptasks_table import build_weights, ranking_to_markdown
from needmap.surveys import load_survey
from tests.conftest import IN_A_TERMINAL, SURVEY_FIXTURES, plain, private_survey_study
from tests.toptasks.conftest import assert_hidden, cli_study, runner


@pytest.mark.parametrize(
    ("unlinked", "said"),
    [
        (
            ["[canteen]"],
            "1 of 6 tasks is linked to no need, so its votes are evidence for "
            "nothing yet: link it in {mapping}",
        ),
        (
            ["[canteen]", "[service-desk]"],
            "2 of 6 tasks are linked to no need, so their votes "
            "are evidence for nothing yet: link them in {mapping}",
        ),
    ],
)
def test_import_says_how_many_tasks_are_linked_to_no_need(
    tmp_path: Path, unlinked: list[str], said: str
) -> None:
    root = cli_study(tmp_path, imported=False)
    mapping = root / "surveys" / "toptasks.yaml"
    text = mapping.read_text()
    for needs in unlinked:
        text = text.replace(needs, "[]")
    mapping.write_text(text)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    result = runner.invoke(app, ["survey", "import", str(root), export])
    assert result.exit_code == 0, result.output
    assert said.format(mapping=mapping) in " ".join(result.stderr.split())


def test_import_counts_respondents_outside_the_groups_when_there_are_enough(
    tmp_path: Path,
) -> None:
    root = cli_study(tmp_path, minimum=1, imported=False)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    imported = runner.invoke(app, ["survey", "import", str(root), export])
    assert imported.exit_code == 0, imported.output
    outside = next(line for line in imported.stdout.splitlines() if "outside the target" in line)
    assert " ".join(outside.split()) == "outside the target groups 1"
    assert "Counted 12 respondents" in imported.stdout


def test_import_says_why_it_hides_a_group_as_large_as_the_minimum(tmp_path: Path) -> None:
    """Without r11, office has 2 respondents, under the minimum of 3, and field (3) is
    hidden with it: the desk's 5 and the total would give office away. Each reads n<3, and
    the import says why. With r11, nothing is hidden, and nothing said of it."""
    root = cli_study(tmp_path, imported=False)
    rows = (SURVEY_FIXTURES / "exports" / "long.csv").read_bytes().splitlines(keepends=True)
    export = tmp_path / "without-r11.csv"
    export.write_bytes(b"".join(row for row in rows if not row.startswith(b"r11;")))
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    lines = [" ".join(line.split()) for line in imported.stdout.splitlines()]
    assert lines[2:7] == [
        "Front desk 5",
        "Field staff n<3",
        "Office staff n<3",
        "outside the target groups n<3 (left out of results)",
        "Groups with fewer than 3 respondents are not shown (n<3); where one group would be "
        "derivable from the total, a second is hidden too.",
    ]
    whole = SURVEY_FIXTURES / "exports" / "long.csv"
    shown = runner.invoke(app, ["survey", "import", str(root), str(whole)])
    assert shown.exit_code == 0, shown.output
    assert "Office staff 3" in " ".join(shown.stdout.split())
    assert "are not shown" not in shown.stdout


def test_thousands_of_respondents_are_written_with_a_thousands_separator(
    tmp_path: Path,
) -> None:
    """1,200 at the front desk, 1,100 of whom chose no task, against a headcount of 1,000:
    the import's count per group, what it left out and the headcount warning said 1200."""
    root = cli_study(tmp_path, imported=False)
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("headcount: 10", "headcount: 1000"))
    export = tmp_path / "long.csv"
    rows = [f"r{i:04};desk;{'Book leave' if i < 100 else ''}" for i in range(1200)]
    export.write_text("respondent;group;task\n" + "\n".join(rows) + "\n")
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    assert "Front desk 100" in " ".join(imported.stdout.split())
    assert "Left out: 1,100 (no task chosen)" in imported.stdout
    rows = [f"r{i:04};desk;Book leave" for i in range(1200)]
    export.write_text("respondent;group;task\n" + "\n".join(rows) + "\n")
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    assert "Front desk 1,200" in " ".join(imported.stdout.split())
    assert (
        f"{groups}:2:10: warning: survey 'toptasks' counted 1,200 respondents for 'Front "
        "desk', more than its headcount of 1,000"
    ) in imported.stderr.splitlines()
    shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    assert re.search(r"^ +1 +Book leave +1,200 +100\.0%", shown.stdout, re.M)
    assert "Front desk (n=1,200): Book leave" in shown.stdout


def test_import_says_which_respondents_it_left_out_and_why(tmp_path: Path) -> None:
    root = cli_study(tmp_path, imported=False)
    export = tmp_path / "long.csv"
    rows = (SURVEY_FIXTURES / "exports" / "long.csv").read_bytes()
    export.write_bytes(rows + b"r99;desk;\r\nr98;;Book leave\r\n")
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    assert "Left out: 1 (no task chosen), 1 (no group answer)" in imported.stdout
    assert "long.csv:27:3: warning: no task chosen: respondent left out" in imported.stderr


def test_import_quotes_the_organisation_s_name_and_hides_a_person_s(tmp_path: Path) -> None:
    """The study's organisation is named after a family: an answer that names it is quoted
    whole, a colleague's surname beside it is not."""
    root = cli_study(tmp_path, imported=False)
    settings = root / "study.yaml"
    settings.write_text(
        settings.read_text().replace("Test org", "Van Dijk Installatietechniek"), encoding="utf-8"
    )
    export = tmp_path / "long.csv"
    rows = (SURVEY_FIXTURES / "exports" / "long.csv").read_bytes()
    export.write_bytes(rows + b"r99;desk;Ask Jansen at Van Dijk\r\n")
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 2
    assert "unknown choice 'Ask [name] at Van Dijk'" in imported.stderr
    assert "Jansen" not in imported.output


def test_privacy_terminal_and_group_option(tmp_path: Path) -> None:
    root = cli_study(tmp_path, minimum=4, imported=False)
    imported = runner.invoke(
        app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / "long.csv")]
    )
    assert imported.exit_code == 0, imported.output
    assert "n<4" in imported.stdout and "   3\n" not in imported.stdout
    outside = next(line for line in imported.stdout.splitlines() if "outside the target" in line)
    assert " ".join(outside.split()) == "outside the target groups n<4 (left out of results)"
    shown = runner.invoke(app, ["toptasks", str(root)])
    assert shown.exit_code == 0, shown.output
    assert_hidden(shown.stdout)
    refused = runner.invoke(app, ["toptasks", str(root), "--group", "field"])
    assert refused.exit_code == 2
    assert "group 'field' is not shown" in refused.stderr
    allowed = runner.invoke(app, ["toptasks", str(root), "--group", "desk"])
    assert allowed.exit_code == 0 and "Front desk (n=5)" in allowed.stdout
    by_name = runner.invoke(app, ["toptasks", str(root), "--group", "front DESK"])
    assert by_name.exit_code == 0 and by_name.stdout == allowed.stdout
    picture = tmp_path / "desk.png"
    drawn = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--out", str(picture)])
    assert drawn.exit_code == 2 and not picture.exists()
    assert drawn.stderr.splitlines() == [
        f"{picture}: cannot write top tasks as '.png'",
        "    hint: one group's ranking is a table: use .md, .csv or .xlsx",
    ]
    for wrong, hint in [
        ("Front dsk", "did you mean 'Front desk'?"),
        ("FRONT DSK", "did you mean 'Front desk'?"),  # a name typed in any case
        ("xyz", "its name"),
    ]:
        unknown = runner.invoke(app, ["toptasks", str(root), "--group", wrong])
        assert unknown.exit_code == 2
        assert f"the study has no group '{wrong}'" in unknown.stderr and hint in unknown.stderr


def test_terminal_ranking_fits_80_columns(tmp_path: Path) -> None:
    """Headings wrap before task labels are squeezed into a narrow column."""
    root = cli_study(tmp_path)
    shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    bullet = next(i for i, line in enumerate(lines) if line.startswith(" • Office staff (n=3)"))
    assert lines[bullet + 1].startswith("   ")  # wrapped under its own text
    assert any(line.startswith("   2  Book leave ") for line in lines)
    assert any("Plan a meeting with lunch " in line for line in lines)
    assert runner.invoke(app, ["toptasks", str(root), "--top", "0"]).exit_code == 2
    top = runner.invoke(app, ["toptasks", str(root), "--top", "2"]).stdout
    assert "… 4 more (--top 6 shows all)" in top
    least = runner.invoke(app, ["toptasks", str(root), "--top", "1"])
    assert least.exit_code == 0 and "… 5 more (--top 6 shows all)" in least.stdout
    assert "\nThe long neck: one task takes a quarter of the votes.\n" in least.stdout
    dutch = runner.invoke(app, ["toptasks", str(root), "--top", "2", "--language", "nl"]).stdout
    assert "… nog 4 (--top 6 toont alle)" in dutch
    evidence = lines[lines.index("Evidence for needs") :]
    assert evidence[1].split() == ["Rank", "Need", "Votes", "Share", "Weighted"]
    assert evidence[3].split()[:3] == ["1", "Canteen", "information"]


def test_terminal_ranking_marks_the_coverage_set_in_bold(tmp_path: Path) -> None:
    """The tasks that take 75% of the votes stand out; all rows shown, nothing is 'more'."""
    root = cli_study(tmp_path)
    shown = runner.invoke(
        app, ["toptasks", str(root), "--top", "6"], env={"COLUMNS": "100", **IN_A_TERMINAL}
    )
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if plain(line).startswith("   1  "))
    rows = lines[first : first + 6]
    assert [plain(row).split()[0] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert ["\x1b[1m" in row for row in rows] == [True, True, True, False, False, False]
    assert "more (--top" not in shown.stdout


_RANK = re.compile(r" +\d+  ")
"""The start of a ranking's row: its rank, right-aligned."""


def test_terminal_ranking_keeps_every_figure_in_a_narrow_terminal(tmp_path: Path) -> None:
    """At 60 and 66 columns rich cut the last column (the mark of the 75% set) and the
    cumulative share; each rank's figures are now the same as in a wide terminal, and at
    40 columns too, where each task is a card."""
    root = cli_study(tmp_path)

    def ranks(columns: int) -> dict[str, list[str]]:
        shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": str(columns)})
        assert shown.exit_code == 0, shown.output
        lines = shown.stdout.splitlines()
        rows = [line for line in lines[: lines.index("Evidence for needs")] if _RANK.match(line)]
        return {row.split()[0]: re.findall(r"\d+\.\d%|\b\d+\b|●", row)[1:] for row in rows}

    wide = ranks(200)
    assert len(wide) == 6 and all(len(found) >= 4 for found in wide.values())
    assert [found[-1] for found in wide.values()].count("●") == 3
    for columns in (66, 60):
        assert ranks(columns) == wide
    shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "40", **IN_A_TERMINAL})
    lines = plain(shown.stdout).splitlines()
    lines = lines[: lines.index("Evidence for needs")]
    titles = [i for i, line in enumerate(lines) if re.match(r"\d+  ", line)]
    cards = {  # too narrow for the table: a card per task, its figures under its title
        lines[i].split()[0]: re.findall(r": (\S+)", " ".join(lines[i + 1 : end]))
        for i, end in zip(titles, [*titles[1:], titles[-1] + 5], strict=True)
    }
    assert cards == wide


def test_group_option_in_every_format(tmp_path: Path) -> None:
    """--group combines with --json and --out; a hidden group is refused in each of them."""
    root = cli_study(tmp_path, minimum=4)

    shown = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert (data["group"], data["respondents"]) == ("desk", 5)
    assert [t["rank"] for t in data["tasks"]] == list(range(1, len(data["tasks"]) + 1))
    shares = [t["share"] for t in data["tasks"]]
    assert shares == sorted(shares, reverse=True) and math.isclose(sum(shares), 1, abs_tol=1e-3)

    out = tmp_path / "desk.csv"
    written = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--out", str(out)])
    assert written.exit_code == 0, written.output
    assert written.stdout == f"wrote {out}\n"
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Rank", "Task", "Share"] and len(rows) == 1 + len(data["tasks"])
    assert rows[1] == ["1", data["tasks"][0]["label"], f"{shares[0] * 100:.1f}%"]

    written_json = tmp_path / "desk.json"
    assert (
        runner.invoke(app, ["toptasks", str(root), "-g", "desk", "-o", str(written_json)]).exit_code
        == 0
    )
    assert json.loads(written_json.read_text(encoding="utf-8")) == data
    clash = runner.invoke(app, ["toptasks", str(root), "--json", "-o", str(tmp_path / "d.md")])
    assert clash.exit_code == 2 and "use a name ending in .json" in clash.stderr
    assert not (tmp_path / "d.md").exists()
    chart = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "-o", str(tmp_path / "d.png")])
    assert chart.exit_code == 2 and "use .md, .csv or .xlsx" in chart.stderr
    assert not (tmp_path / "d.png").exists()
    for extra in (["--json"], ["--out", str(tmp_path / "field.csv")]):
        refused = runner.invoke(app, ["toptasks", str(root), "-g", "field", *extra])
        assert refused.exit_code == 2 and "group 'field' is not shown" in refused.stderr
    assert not (tmp_path / "field.csv").exists()


def test_cli_import_and_outputs(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    mapping = SURVEY_FIXTURES / "mappings" / "limesurvey.yaml"
    imported = runner.invoke(
        app,
        [
            "survey",
            "import",
            str(root),
            str(SURVEY_FIXTURES / "exports" / "limesurvey.csv"),
            "--mapping",
            str(mapping),
        ],
    )
    assert imported.exit_code == 0, imported.output
    assert "CSV, UTF-8, comma-separated" in imported.stdout
    assert (root / "surveys" / "toptasks.tally.json").exists()
    (root / "surveys" / "toptasks.yaml").write_text(mapping.read_text())
    data = json.loads(runner.invoke(app, ["toptasks", str(root), "--json", "--unweighted"]).stdout)
    assert data["order"] == "unweighted"
    # the lone 'other' respondent (café menu) is left out: 24 votes; 7+5+4+3 = 19 >= 18
    assert data["coverage"] == {
        "target": 0.75,
        "tasks": ["leave", "colleague", "meeting", "expense"],
    }
    half = runner.invoke(
        app, ["toptasks", str(root), "--json", "--unweighted", "--coverage", "0.5"]
    )
    assert json.loads(half.stdout)["coverage"] == {"target": 0.5, "tasks": ["leave", "colleague"]}
    for name in ("t.md", "t.csv", "t.xlsx", "neck.png", "neck.svg", "page.html"):
        result = runner.invoke(app, ["toptasks", str(root), "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 300
    assert "The long neck of top tasks" in (tmp_path / "neck.svg").read_text()  # by default
    groups = runner.invoke(
        app, ["toptasks", str(root), "--chart", "groups", "--out", str(tmp_path / "g.svg")]
    )
    assert groups.exit_code == 0, groups.output
    drawn = (tmp_path / "g.svg").read_text()
    assert "Top tasks per group" in drawn and "The long neck" not in drawn
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert ">Evidence for needs</span></caption>" in page and "Canteen information" in page
    assert "## Evidence for needs" in (tmp_path / "t.md").read_text(encoding="utf-8")
    workbook = load_workbook(tmp_path / "t.xlsx")
    assert workbook.sheetnames == ["Top tasks", "Evidence for needs", "Weights"]
    assert [c.value for c in workbook["Evidence for needs"][1]][:2] == ["Rank", "Need"]
    weights = [[c.value for c in row] for row in workbook["Weights"].iter_rows()]
    assert weights[0] == ["Group", "Respondents", "People", "Response", "Weight"]
    assert [row[0] for row in weights[1:4]] == ["Front desk", "Field staff", "Office staff"]
    assert workbook["Weights"]["E2"].number_format == "0.00"
    # rank, votes and shares are numbers with formats, so that they sort and sum in Excel
    first = [(c.value, c.number_format) for c in workbook["Top tasks"][2]][:7]
    shown = (tmp_path / "t.csv").read_bytes().decode("utf-8-sig").splitlines()[1].split(",")
    assert [shown[0], shown[2], shown[3]] == [str(first[0][0]), str(first[2][0]), "16.7%"]
    # (votes with a thousands separator, as in the other outputs)
    assert [f for _, f in first] == ["0", "General", "#,##0", "0.0%", "0.0%", "0.0%", "General"]
    assert first[3][0] == pytest.approx(4 / 24)  # 24 votes in all (see above)
    # the rows of the 75% set are banded, numbers right-aligned; each column is as wide as
    # its longest value and two more, from 10 to 60 characters
    sheet = workbook["Top tasks"]
    assert sheet["A2"].fill.fill_type == "solid" and sheet["A7"].fill.fill_type is None
    assert sheet["C2"].alignment.horizontal == "right"
    labels = [str(row[1].value) for row in sheet.iter_rows(min_row=2, max_row=7)]
    assert sheet.column_dimensions["B"].width == max(len(label) for label in labels) + 2
    assert sheet.column_dimensions["A"].width == 10
    groups = runner.invoke(
        app, ["toptasks", str(root), "--out", str(tmp_path / "g.png"), "--chart", "groups"]
    )
    assert groups.exit_code == 0
    bad = runner.invoke(app, ["toptasks", str(root), "--out", str(tmp_path / "t.docx")])
    assert bad.exit_code == 2 and "use .html or .pdf for a page, .md, .csv or .xlsx" in bad.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--chart", "pie", "-o", "t.png"], "unknown chart 'pie'\n    hint: use --chart neck or"),
        (["--chart", "groups"], "--chart draws a picture: give --out a .png or .svg file\n"),
        (
            ["--chart", "groups", "-o", "t.md"],
            "hint: needmap toptasks study --chart groups --out t.png",
        ),
        (["--chart", "neck", "--json"], "hint: needmap toptasks study --chart neck --out neck.png"),
    ],
)
def test_a_chart_asked_for_where_none_is_drawn_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    """It was ignored without a word: the table printed or written, or (an unknown chart)
    refused only with --out FILE.png."""
    cli_study(tmp_path)
    monkeypatch.chdir(tmp_path)
    refused = runner.invoke(app, ["toptasks", "study", *args])
    assert refused.exit_code == 2
    assert said in refused.stderr
    assert refused.stdout == "" and not list(tmp_path.glob("t.*"))


def test_cli_import_again_says_what_it_replaced(tmp_path: Path) -> None:
    root = cli_study(tmp_path)  # the long export, imported once
    export = SURVEY_FIXTURES / "exports" / "long.csv"
    again = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert again.exit_code == 0, again.output
    assert again.stdout.splitlines()[-1] == "The tally held these counts already: it is unchanged."
    fewer = tmp_path / "fewer.csv"
    # three respondents of one group: as many as the minimum, which one group alone needs
    fewer.write_bytes(b"\n".join(export.read_bytes().splitlines()[:7]) + b"\n")
    replaced = runner.invoke(app, ["survey", "import", str(root), str(fewer)])
    assert replaced.exit_code == 0, replaced.output
    # as many as the import of long.csv said it counted: the one outside the groups is
    # fewer than the minimum (3), so it is left out of both, or it could be worked out
    assert f"Counted 11 respondents into {root / 'surveys'}" in again.stdout
    lines = again.stdout.splitlines()
    counted = lines.index(next(line for line in lines if line.startswith("Counted 11")))
    assert [" ".join(line.split()) for line in lines[counted + 1 : counted + 5]] == [
        "Front desk 5",
        "Field staff 3",
        "Office staff 3",
        "outside the target groups n<3 (left out of results)",
    ]
    assert replaced.stdout.splitlines()[-1] == (
        "Replaced the earlier tally: 11 respondents from long.csv."
    )


def test_cli_import_refuses_bad_export_and_writes_nothing(tmp_path: Path) -> None:
    root = cli_study(tmp_path, mapping="google-forms", imported=False)
    export = tmp_path / "e.csv"
    export.write_text(
        "Timestamp,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "t,Pilot,Book leave\n"
        "\n"
        "t,Office staff,Book leave,Claim expenses\n"
    )
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{export}:2:2: unknown group answer 'Pilot'" in lines
    assert f"{export}:3:1: warning: empty row left out" in lines
    assert f"{export}:4:4: this row has 4 cells but the header has 3: its values have shifted" in (
        lines
    )
    assert lines[-1] == "2 errors and 1 warning found."
    assert not (root / "surveys" / "toptasks.tally.json").exists()


def test_cli_names_the_cell_of_a_problem_in_a_workbook(tmp_path: Path) -> None:
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    workbook = Workbook()
    with (SURVEY_FIXTURES / "exports" / "ms-forms.csv").open(newline="", encoding="utf-8-sig") as f:
        for row in csv.reader(f):
            workbook.active.append(row)
    workbook.active["G3"] = "Book leave;Fly to the moon;"
    export = tmp_path / "Top tasks.xlsx"
    workbook.save(export)
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}:3:7: cell G3: unknown choice 'Fly to the moon'" in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("export", "read"),
    [
        ("ms-forms.csv", "CSV, UTF-8 with BOM, comma-separated"),
        ("ms-forms.ods", "ODS, sheet 'Sheet1'"),
        ("ms-forms.xls", "XLS, sheet 'Sheet1'"),
    ],
)
def test_cli_import_says_how_it_read_the_export(tmp_path: Path, export: str, read: str) -> None:
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    result = runner.invoke(
        app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / export)]
    )
    assert result.exit_code == 0, result.output
    assert " ".join(result.stdout.split("Counted")[0].split()) == (
        f"Read {export} ({read}) as layout ms-forms, with {root / 'surveys' / 'toptasks.yaml'}."
    )


def test_the_chart_is_named_in_any_case(tmp_path: Path) -> None:
    root = cli_study(tmp_path)
    drawn = runner.invoke(
        app, ["toptasks", str(root), "--chart", "Groups", "--out", str(tmp_path / "g.svg")]
    )
    assert drawn.exit_code == 0, drawn.output
    assert "per group" in (tmp_path / "g.svg").read_text(encoding="utf-8").lower()


@pytest.mark.parametrize(
    ("given", "share"),
    [("0.5", 0.5), ("0,5", 0.5), ("50%", 0.5), (" 50 % ", 0.5), ("100%", 1.0), ("1", 1.0)],
)
def test_coverage_takes_a_fraction_or_a_percentage(given: str, share: float) -> None:
    assert share_of(given, "--coverage", "0.75") == share


@pytest.mark.parametrize(
    ("given", "wrong"),
    [
        ("75", "75: more than 1"),
        ("101%", "101%: more than 100%"),
        ("0%", "0%: not above 0"),
        ("-0.5", "-0.5: not above 0"),
        ("nan", "nan: not a number"),
        ("%", "%: not a number"),
    ],
)
def test_coverage_outside_a_share_is_refused_with_both_ways_to_give_it(
    given: str, wrong: str
) -> None:
    with pytest.raises(UsageError) as refused:
        share_of(given, "--coverage", "0.75")
    [problem] = refused.value.problems
    assert (problem.message, problem.hint) == (
        f"--coverage {wrong}",
        "give a share above 0 and up to 1, such as --coverage 0.75 (the default), or a percentage: "
        "--coverage 75%",
    )


def test_cli_failure_count_includes_the_rows_summed_up(tmp_path: Path) -> None:
    root = cli_study(tmp_path, imported=False)
    export = tmp_path / "many.csv"
    export.write_text(
        "respondent;group;task\n"
        + "".join(f"s{i};office;Swim\n" for i in range(3))
        + "".join(f"r{i};office;Fly to the moon {i}\n" for i in range(12))
        + "x;field;Book leave;extra\n"
    )
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}: 3 more rows like these: unknown choice" in result.stderr
    assert "unknown choice 'Swim' (also on rows 3 and 4)" in result.stderr
    # each row counted, and the messages they were told in
    assert result.stderr.splitlines()[-1] == "16 problems found (12 messages above)."


def test_cli_import_of_an_export_without_answers_is_refused(tmp_path: Path) -> None:
    root = cli_study(tmp_path, imported=False)
    export = tmp_path / "blank.csv"
    export.write_text("respondent;group;task\n;;\nr1;office;\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert f"{export}: no respondent could be counted: every row was left out or empty" in (
        result.stderr.splitlines()
    )
    assert not (root / "surveys" / "toptasks.tally.json").exists()


@pytest.mark.parametrize(
    ("outside", "named"),
    [
        (["extern", "intern"], "'other', 'extern', 'intern'"),
        (["extern", "intern", "guest"], "'other', 'extern', 'intern' and 1 more"),
    ],
)
def test_the_answers_outside_the_groups_are_named_up_to_three(
    tmp_path: Path, outside: list[str], named: str
) -> None:
    root = cli_study(tmp_path, imported=False)
    mapping = root / "surveys" / "toptasks.yaml"
    extra = "".join(f", {answer}: ~" for answer in outside)
    mapping.write_text(mapping.read_text().replace("other: ~", "other: ~" + extra))
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\nr1;extern;Book leave\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].endswith(f"outside the groups ({named})")


def test_cli_import_of_an_export_from_outside_the_groups_only_is_refused(
    tmp_path: Path,
) -> None:
    """A test run of the survey, answered "other" by the consultant and two colleagues,
    was counted as 0 respondents; then every report that reads the surveys failed with
    "no votes to analyse" while validate passed. The import now refuses it, and a tally
    of it written before is an error that validate reports, as the reports do."""
    root = cli_study(tmp_path, imported=False)
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\nr1;other;Book leave\nr2;other;Claim expenses\n")
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{export}: no respondent is in a target group: all 2 counted gave a group answer "
        "that the mapping marks as outside the groups ('other')"
    )
    tally = root / "surveys" / "toptasks.tally.json"
    assert not tally.exists()
    export.with_name("ok.csv").write_text(
        "respondent;group;task\nr1;other;Book leave\n"
        + "".join(f"r{i};desk;Claim expenses\n" for i in range(2, 5))
    )
    before = runner.invoke(app, ["survey", "import", str(root), str(export.with_name("ok.csv"))])
    assert before.exit_code == 0, before.output
    data = json.loads(tally.read_text())
    data["respondents"] = {"~": 2}
    data["votes"] = {"~": {"leave": 1, "expense": 1}}
    tally.write_text(json.dumps(data))
    _refused_everywhere(
        root,
        f"{tally}: this tally counted no respondent in a target group (2 outside them): "
        "there are no votes to show",
    )
    refused = runner.invoke(app, ["toptasks", str(root)])
    assert refused.stderr.splitlines()[1] == (
        f"    hint: import an export with answers: needmap survey import {root} ok.csv; "
        "or remove this file until there is one"
    )


@pytest.mark.parametrize(
    ("minimum", "rows", "more", "too_few", "counted"),
    [
        (  # three directors, one of them outside the groups: the results are the two's
            3,
            ["r1;desk;Book leave", "r2;desk;Claim expenses", "r3;other;Book leave"],
            ["r4;desk;Book leave"],
            "only 'Front desk' answered this survey, fewer than {minimum} of them",
            (2, 3),
        ),
        (  # three people in three groups, each n<5, and one outside them, too few to count
            5,
            [
                "r1;desk;Book leave",
                "r2;field;Claim expenses",
                "r3;office;Book leave",
                "r4;other;Book leave",
            ],
            ["r5;office;Claim expenses", "r6;desk;Book leave"],
            "this survey's results would come from {counted} respondents, fewer than {minimum}",
            (3, 5),
        ),
    ],
)
def test_cli_a_survey_whose_results_would_show_fewer_than_the_minimum_is_refused(
    tmp_path: Path,
    minimum: int,
    rows: list[str],
    more: list[str],
    too_few: str,
    counted: tuple[int, int],
) -> None:
    """Each group read "n<5", but every figure of the survey was those few people's, down
    to which task one of them chose. The import refuses it, and a tally of it (imported
    before the minimum was raised) is an error that validate and every report give."""
    root = cli_study(tmp_path, minimum=minimum, imported=False)
    export = tmp_path / "pilot.csv"
    export.write_text("respondent;group;task\n" + "".join(f"{row}\n" for row in rows))
    result = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert result.exit_code == 2
    message = too_few.format(minimum=minimum, counted=counted[0])
    assert result.stderr.splitlines()[:2] == [
        f"{export}: {message}: every result of it would show their answers",
        f"    hint: import the export once at least {minimum} have answered; answers from "
        f"outside the target groups count only when there are {minimum} of them "
        "(privacy.min_group_size)",
    ]
    tally = root / "surveys" / "toptasks.tally.json"
    assert not tally.exists()
    export.write_text(export.read_text() + "".join(f"{row}\n" for row in more))
    assert runner.invoke(app, ["survey", "import", str(root), str(export)]).exit_code == 0
    settings = root / "study.yaml"
    raised = f"min_group_size: {counted[1] + 1}"
    settings.write_text(settings.read_text().replace(f"min_group_size: {minimum}", raised))
    message = too_few.format(minimum=counted[1] + 1, counted=counted[1])
    _refused_everywhere(root, f"{tally}: {message}: every result of it would show their answers")


def _refused_everywhere(root: Path, problem: str) -> None:
    """``validate`` and every command that reads the surveys give ``problem`` and exit 2."""
    for command in (["validate"], ["roadmap"], ["toptasks"], ["build", "--no-pdf"]):
        refused = runner.invoke(app, [*command, str(root)])
        assert refused.exit_code == 2, command
        assert problem in refused.stderr.splitlines(), command


def test_cli_toptasks_before_import(tmp_path: Path) -> None:
    root = cli_study(tmp_path, imported=False)
    result = runner.invoke(app, ["toptasks", str(root)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{root / 'surveys' / 'toptasks.tally.json'}: survey 'toptasks' has not been imported yet",
        f"    hint: import the export first: needmap survey import {root} EXPORT.csv",
    ]


def test_a_study_with_no_survey_mapping_is_told_how_to_make_one(tmp_path: Path) -> None:
    """The analysis has no --mapping: its hint says to draft a mapping and import the
    export; the import's hint offers --mapping too."""
    root = cli_study(tmp_path, imported=False)
    (root / "surveys" / "toptasks.yaml").unlink()
    draft = f"    hint: draft one from the export: needmap survey draft {root} EXPORT"
    said = {
        "toptasks": f"{draft}, then import the export: needmap survey import {root} EXPORT",
        "survey": f"{draft}; or write surveys/NAME.yaml (docs/surveys.md), or pass --mapping",
    }
    for command in (["toptasks", str(root)], ["survey", "import", str(root), "export.csv"]):
        refused = runner.invoke(app, command)
        assert refused.exit_code == 2
        assert refused.stderr.splitlines() == [
            f"{root / 'surveys'}: the study has no survey mapping",
            said[command[0]],
        ]


def test_cli_toptasks_shows_the_only_survey_imported_yet(tmp_path: Path) -> None:
    """A study often holds the mapping of a survey still running beside one whose results
    are in: ``toptasks`` shows those without ``--survey``, until a second is imported."""
    root = cli_study(tmp_path, imported=False)
    running = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    running = running.replace("id: toptasks", "id: running").replace("2026", "2027")
    (root / "surveys" / "running.yaml").write_text(running)
    none = runner.invoke(app, ["toptasks", str(root)])
    assert none.exit_code == 2
    assert none.stderr.splitlines() == [
        f"{root / 'surveys'}: none of the study's 2 surveys has been imported yet",
        f"    hint: import an export first: needmap survey import {root} EXPORT.csv",
    ]
    export = SURVEY_FIXTURES / "exports" / "long.csv"
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    shown = runner.invoke(app, ["toptasks", str(root)])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Top tasks: Top tasks intranet 2026\n")
    running_yet = runner.invoke(app, ["toptasks", str(root), "--survey", "running"])
    assert running_yet.exit_code == 2
    assert running_yet.stderr.splitlines()[1] == (  # which of the two to import it as
        f"    hint: import the export first: needmap survey import {root} --survey running "
        "EXPORT.csv"
    )
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    imported = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert imported.exit_code == 0, imported.output
    both = runner.invoke(app, ["toptasks", str(root)])
    assert both.exit_code == 2
    assert both.stderr.splitlines() == [
        f"{root / 'surveys'}: the study has 2 survey mappings; say which",
        "    hint: pass --survey with one of: running, toptasks",
    ]
    chosen = runner.invoke(app, ["toptasks", str(root), "--survey", "running"])
    assert chosen.stdout.startswith("Top tasks: Top tasks intranet 2027\n")


def test_cli_toptasks_refuses_a_tally_the_mapping_no_longer_fits(tmp_path: Path) -> None:
    """A task dropped from the mapping after import used to vanish from the unweighted
    shares only; now every figure waits for a new import."""
    root = cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    text = mapping.read_text()
    kept = [line for line in text.splitlines() if "id: leave" not in line]
    assert len(kept) == len(text.splitlines()) - 1
    mapping.write_text("\n".join(kept).replace("id: expense", "id: expenses") + "\n")
    for extra in ([], ["--json"], ["--out", str(tmp_path / "t.csv")]):
        result = runner.invoke(app, ["toptasks", str(root), *extra])
        assert result.exit_code == 2, result.output
        tally = root / "surveys" / "toptasks.tally.json"
        assert result.stderr.splitlines()[:5] == [
            f"{tally}: task 'leave' was counted at import but is no longer in the mapping",
            f"    hint: import the export again: needmap survey import {root} long.csv",
            f"{tally}: task 'expense' was counted at import but is no longer in the mapping",
            f"    hint: import the export again: needmap survey import {root} long.csv",
            f"{tally}: task 'expenses' was added to the mapping after the import",
        ]
        assert not (tmp_path / "t.csv").exists()
    # what the reports refuse, validate does not pass
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 2, checked.output
    assert checked.stderr.splitlines()[:5] == result.stderr.splitlines()[:5]
    assert "3 problems found." in checked.stderr


def test_cli_toptasks_refuses_a_tally_counted_with_more_picks_than_the_mapping_allows(
    tmp_path: Path,
) -> None:
    """Five desk respondents cast 12 votes; had the survey allowed two picks each, as the
    mapping now says, they could have cast 10 at most."""
    root = cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(mapping.read_text().replace("max_picks: 5", "max_picks: 2"))
    tally = root / "surveys" / "toptasks.tally.json"
    expected = [
        f"{tally}: 'desk' has 12 votes, more than its 5 respondents can cast choosing at "
        "most 2 tasks each (max_picks)",
        f"    hint: import the export again: needmap survey import {root} long.csv",
    ]
    for command in (["toptasks", str(root)], ["validate", str(root)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines()[:2] == expected
    mapping.write_text(mapping.read_text().replace("max_picks: 2", "max_picks: 3"))
    assert runner.invoke(app, ["toptasks", str(root)]).exit_code == 0


def test_validate_reads_each_mapping_and_tally_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mappings are checked, and the tallies that fit them checked against the study's
    headcounts and minimum, from one reading of each file."""
    import needmap.surveys.catalog as catalog
    from needmap.surveys.study_check import check_study

    root = cli_study(tmp_path)
    read: list[str] = []

    def counted(real: Callable[..., object]) -> Callable[..., object]:
        def reading(path: Path, *args: object, **kwargs: object) -> object:
            read.append(path.name)
            return real(path, *args, **kwargs)

        return reading

    for name in ("read_tally", "checked_mapping"):
        monkeypatch.setattr(catalog, name, counted(getattr(catalog, name)))
    checked = check_study(root)
    assert checked.study is not None, checked.problems
    assert sorted(read) == ["toptasks.tally.json", "toptasks.yaml"]


def test_validate_warns_about_a_tally_no_mapping_names(tmp_path: Path) -> None:
    """After a survey's id is changed, its old tally would count in no report, silently."""
    root = cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(mapping.read_text().replace("id: toptasks", "id: toptasks-2026"))
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    orphan = root / "surveys" / "toptasks.tally.json"
    assert checked.stderr.splitlines()[:2] == [
        f"{orphan}: warning: no survey mapping has the id 'toptasks': this tally's votes "
        "count in no report",
        "    hint: if the survey's id was changed, import the export again (needmap survey "
        f"import {root} EXPORT) and delete this file; if the survey was dropped, delete it; "
        "ids now: toptasks-2026",
    ]
    assert runner.invoke(app, ["validate", str(root), "--strict"]).exit_code == 2
    other = root / "surveys" / "pulse.yaml"
    other.write_text(mapping.read_text().replace("id: toptasks-2026", "id: pulse"))
    both = runner.invoke(app, ["validate", str(root)])
    assert both.stderr.splitlines()[1].endswith("ids now: pulse, toptasks-2026")
    other.unlink()
    orphan.unlink()
    assert runner.invoke(app, ["validate", str(root)]).stderr == ""


def test_a_tally_no_mapping_names_is_reported_beside_the_mappings_warnings(
    tmp_path: Path,
) -> None:
    """Only a mapping with errors (which may be the tally's) keeps the orphan unreported."""
    root = cli_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    renamed = mapping.read_text().replace("id: toptasks", "id: toptasks-2026")
    mapping.write_text(renamed.replace("needs: [canteen]", "needs: []"))
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    assert "is evidence for no need: 'cafe'" in checked.stderr
    assert "no survey mapping has the id 'toptasks'" in checked.stderr
    mapping.write_text(renamed.replace("needs: [canteen]", "needs: [nothing]"))
    refused = runner.invoke(app, ["validate", str(root)])
    assert refused.exit_code == 2 and "unknown need 'nothing'" in refused.stderr
    assert "no survey mapping has the id" not in refused.stderr


def test_cli_broken_tally_is_located_and_says_how_to_mend_it(tmp_path: Path) -> None:
    root = cli_study(tmp_path)
    tally = root / "surveys" / "toptasks.tally.json"
    tally.write_text('{\n  "survey": "toptasks",\n  "title" "x"\n}\n')
    result = runner.invoke(app, ["toptasks", str(root)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{tally}:3:11: cannot read this tally: Expecting ':' delimiter",
        f"    hint: import the survey again: needmap survey import {root} EXPORT.csv",
    ]


def test_cli_import_finds_the_mapping_whose_columns_the_export_has(tmp_path: Path) -> None:
    """Several mappings, no --survey: each export goes to the one mapping it has every
    column of, the long layout's respondent column too, and LimeSurvey's column of each
    task's code (a later wave with a seventh task does not fit the first's export)."""
    root = cli_study(tmp_path, imported=False)
    surveys = root / "surveys"
    forms = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    (surveys / "pulse.yaml").write_text(forms.replace("id: toptasks", "id: pulse"))
    lime = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text()
    (surveys / "lime.yaml").write_text(lime.replace("id: toptasks", "id: lime"))
    wave = lime.replace("id: toptasks", "id: wave") + (
        "  - {id: canteen, label: See who is in, code: SQ007, needs: [canteen]}\n"
    )
    (surveys / "wave.yaml").write_text(wave)
    long = (surveys / "toptasks.yaml").read_text()
    other = long.replace("id: toptasks", "id: panel").replace(
        "respondent: respondent", "respondent: panelist"
    )
    (surveys / "panel.yaml").write_text(other)
    for export, survey in (
        ("ms-forms.csv", "pulse"),
        ("long.csv", "toptasks"),
        ("limesurvey.csv", "lime"),
    ):
        imported = runner.invoke(
            app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / export)]
        )
        assert imported.exit_code == 0, imported.output
        assert (surveys / f"{survey}.tally.json").exists()
    assert not (surveys / "panel.tally.json").exists()
    assert not (surveys / "wave.tally.json").exists()


def test_cli_a_mapping_or_export_that_is_not_there_gets_the_one_most_like_it(
    tmp_path: Path,
) -> None:
    root = cli_study(tmp_path, imported=False)
    export = SURVEY_FIXTURES / "exports" / "long.csv"
    args = ["survey", "import", str(root), str(export)]
    mapping = runner.invoke(app, [*args, "--mapping", str(root / "surveys" / "toptasks.yml")])
    assert mapping.exit_code == 2
    assert mapping.stderr.splitlines() == [
        f"{root}/surveys/toptasks.yml: no such file",
        f"    hint: did you mean {root}/surveys/toptasks.yaml?",
    ]
    typo = runner.invoke(app, [*args[:-1], str(export.with_name("lnog.csv"))])
    assert typo.stderr.splitlines()[1] == f"    hint: did you mean {export}?"
    assert not (root / "surveys" / "toptasks.tally.json").exists()


def test_cli_survey_option_names_a_mapping_by_id_or_file(tmp_path: Path) -> None:
    root = cli_study(tmp_path)
    second = (root / "surveys" / "toptasks.yaml").read_text().replace("id: toptasks", "id: pulse")
    assert "id: pulse" in second
    (root / "surveys" / "pulse-2026.yaml").write_text(second)
    lime = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "a-lime.yaml").write_text(lime.replace("id: toptasks", "id: lime"))
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")

    unsaid = runner.invoke(app, ["survey", "import", str(root), export])
    assert unsaid.exit_code == 2
    assert unsaid.stderr.splitlines() == [  # the hint names the two it may be
        f"{root}/surveys: the study has 3 survey mappings and the export has the columns of 2; "
        "say which",
        "    hint: pass --survey with one of: pulse, toptasks",
    ]
    (root / "surveys" / "a-lime.yaml").unlink()
    by_file = runner.invoke(app, ["survey", "import", str(root), export, "-s", "pulse-2026"])
    assert by_file.exit_code == 0, by_file.output
    assert (root / "surveys" / "pulse.tally.json").exists()
    shown = runner.invoke(app, ["toptasks", str(root)])  # both imported now
    assert shown.exit_code == 2
    assert shown.stderr.splitlines()[0] == (
        f"{root}/surveys: the study has 2 survey mappings; say which"
    )
    by_id = runner.invoke(app, ["toptasks", str(root), "--survey", "pulse", "--json"])
    assert by_id.exit_code == 0 and json.loads(by_id.stdout)["survey"] == "pulse"
    named = runner.invoke(app, ["toptasks", str(root), "--survey", "pulse-2026.yaml", "--json"])
    assert named.exit_code == 0 and json.loads(named.stdout)["survey"] == "pulse"
    unknown = runner.invoke(app, ["toptasks", str(root), "-s", "puls"])
    assert unknown.exit_code == 2 and "did you mean 'pulse'?" in unknown.stderr
    stranger = runner.invoke(app, ["toptasks", str(root), "-s", "employees"])
    assert stranger.exit_code == 2
    assert stranger.stderr.splitlines() == [
        "no survey 'employees'",
        "    hint: surveys: pulse, toptasks",
    ]


def test_import_takes_the_one_mapping_whose_columns_the_export_has(tmp_path: Path) -> None:
    """Two surveys (say, employees in Microsoft Forms and a long export): an export fits one."""
    root = cli_study(tmp_path, imported=False)
    other = (
        (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml")
        .read_text()
        .replace("id: toptasks", "id: forms")
    )
    (root / "surveys" / "forms.yaml").write_text(other)
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    done = runner.invoke(app, ["survey", "import", str(root), export])
    assert done.exit_code == 0, done.output
    assert "Survey 'toptasks': the one mapping that fits this export." in done.stderr
    assert (root / "surveys" / "toptasks.tally.json").exists()
    assert not (root / "surveys" / "forms.tally.json").exists()
    forms = runner.invoke(
        app, ["survey", "import", str(root), str(SURVEY_FIXTURES / "exports" / "ms-forms.csv")]
    )
    assert forms.exit_code == 0, forms.output
    assert (root / "surveys" / "forms.tally.json").exists()


def test_of_two_mappings_of_the_same_questions_import_takes_the_export_s_layout(
    tmp_path: Path,
) -> None:
    """The same questions asked in Microsoft Forms and again in Google Forms: both
    mappings have the export's columns; its ';'- or ', '-joined choices tell which."""
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    google = (SURVEY_FIXTURES / "mappings" / "google-forms.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "google.yaml").write_text(google.replace("id: toptasks", "id: google"))
    for layout, survey in (("ms-forms", "toptasks"), ("google-forms", "google")):
        export = str(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
        done = runner.invoke(app, ["survey", "import", str(root), export])
        assert done.exit_code == 0, done.output
        assert f"Survey '{survey}': the one mapping that fits this export." in done.stderr
        assert (root / "surveys" / f"{survey}.tally.json").exists()
    unknown = tmp_path / "unknown.csv"
    text = (SURVEY_FIXTURES / "exports" / "google-forms.csv").read_text(encoding="utf-8")
    unknown.write_text(text.replace("Book leave", "Book a holiday", 1), encoding="utf-8")
    refused = runner.invoke(app, ["survey", "import", str(root), str(unknown)])
    assert refused.exit_code == 2
    assert (  # the hint names the mapping to mend, of the two
        f"add the task to the tasks in {root / 'surveys' / 'google.yaml'}, with this exact label"
    ) in " ".join(refused.stderr.split())


def test_one_export_imported_as_two_surveys_is_told(tmp_path: Path) -> None:
    """A second mapping drafted from an export already imported, its tasks given the same
    needs: the same answers counted as two surveys count twice as evidence. The import
    says so (--strict refuses it, writing nothing), and so do status and validate while
    both tallies stand (validate at the later tally in file order). The same file read by
    a mapping of another question counts other answers: no warning."""
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    mapping = (root / "surveys" / "toptasks.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "again.yaml").write_text(mapping.replace("id: toptasks", "id: again"))
    export = str(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    first = runner.invoke(app, ["survey", "import", str(root), export, "--survey", "toptasks"])
    assert first.exit_code == 0 and "warning" not in first.stderr, first.output
    told = (
        f"{root / 'surveys' / 'again.tally.json'}: warning: survey 'again' counted the same "
        "answers as survey 'toptasks', from the same export (ms-forms.csv): their votes count "
        "twice as evidence (as two runs of one survey, nothing changed)"
    )
    args = ["survey", "import", str(root), export, "--survey", "again"]
    strict = runner.invoke(app, [*args, "--strict"])
    assert strict.exit_code == 2
    assert not (root / "surveys" / "again.tally.json").exists()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert told in " ".join(second.stderr.split())
    from needmap.reports.status_report import study_status

    steps = " ".join(step.text for step in study_status(load_study(root)).steps)
    assert (  # in place of the step for runs that name no earlier one
        "The surveys 'Top tasks intranet 2026' and 'Top tasks intranet 2026' counted the same "
        "answers, from the same export (ms-forms.csv), and both count as evidence: their votes "
        "count twice. If they are one survey, delete one of the two mappings and its tally."
    ) in steps
    assert "mostly the same tasks" not in steps
    assert "The study's files have" not in steps  # the step's command shows its warning
    validated = runner.invoke(app, ["validate", str(root)])  # at the later in file order
    assert (
        f"{root / 'surveys' / 'toptasks.tally.json'}: warning: survey 'toptasks' counted the "
        "same answers as survey 'again'"
    ) in " ".join(validated.stderr.split())
    other = mapping.replace("id: toptasks", "id: again").replace(
        "Office staff: office", "Office staff: ~"
    )
    (root / "surveys" / "again.yaml").write_text(other)  # other counts: another question's
    assert runner.invoke(app, args).exit_code == 0
    assert "same answers" not in runner.invoke(app, ["validate", str(root)]).stderr


def test_the_same_answers_from_another_file_are_told(tmp_path: Path) -> None:
    """The export a survey was imported from, saved again in another format (the same
    answers, another file) and imported as a second survey: the same counts in every
    group tell it, in the import's warning and in status, naming both files."""
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    mapping = (root / "surveys" / "toptasks.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "again.yaml").write_text(mapping.replace("id: toptasks", "id: again"))
    exports = SURVEY_FIXTURES / "exports"
    first = runner.invoke(
        app, ["survey", "import", str(root), str(exports / "ms-forms.csv"), "-s", "toptasks"]
    )
    assert first.exit_code == 0, first.output
    args = ["survey", "import", str(root), str(exports / "ms-forms.ods"), "--survey", "again"]
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert (
        "warning: survey 'again' counted the same answers as survey 'toptasks', the same "
        "counts in every group (ms-forms.csv and ms-forms.ods): their votes count twice as "
        "evidence"
    ) in " ".join(second.stderr.split())
    from needmap.reports.status_report import study_status

    steps = " ".join(step.text for step in study_status(load_study(root)).steps)
    assert (  # in file order: again.yaml first
        "counted the same answers, from exports with the same counts in every group "
        "(ms-forms.ods and ms-forms.csv), and both count as evidence"
    ) in steps


def test_a_draft_of_an_export_imported_already_says_so(tmp_path: Path) -> None:
    """Drafting a mapping from the export a survey was imported from, for the same
    question: imported with it too, its answers would count twice. So is the export saved
    again in another format, whose check import counts the same in every group (the
    survey and its export named). For another question of the same export (a survey of
    its own), for other answers, or where the check import fails, nothing is said."""
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    exports = SURVEY_FIXTURES / "exports"
    export = str(exports / "ms-forms.csv")
    assert runner.invoke(app, ["survey", "import", str(root), export]).exit_code == 0

    def draft(path: Path | str, *more: str) -> str:
        drafted = runner.invoke(app, ["survey", "draft", str(root), str(path), *more])
        assert drafted.exit_code == 0, drafted.output
        return " ".join(drafted.stdout.split())

    assert (
        "This export is the one survey 'toptasks' was imported from: imported with this "
        "mapping too, its answers would count twice. If the two are one survey, delete this "
        "draft."
    ) in draft(export, "--id", "again")
    assert (
        "This export holds the answers survey 'toptasks' was imported from (ms-forms.csv: the "
        "same counts in every group): imported with this mapping too, its answers would count "
        "twice. If the two are one survey, delete this draft."
    ) in draft(exports / "ms-forms.ods", "--id", "copy")
    codes = draft(exports / "limesurvey.csv", "--group-column", "G01Q01")  # answer codes
    assert "does not import yet" in codes and "imported from" not in codes
    fewer = tmp_path / "fewer.csv"
    lines = Path(export).read_text("utf-8-sig").splitlines()
    fewer.write_text("".join(f"{line}\n" for line in lines[:-1]), encoding="utf-8")  # a row less
    assert "imported from" not in draft(fewer, "--id", "fewer")
    two = tmp_path / "two-questions.csv"  # the intranet's tasks, then the website's
    website = ["Which website tasks do you do most often?"] + ["Claim expenses;"] * 12
    two.write_text("".join(f"{a},{b}\n" for a, b in zip(lines, website, strict=True)))
    imported = runner.invoke(app, ["survey", "import", str(root), str(two), "-s", "toptasks"])
    assert imported.exit_code == 0, imported.output
    other = draft(two, "--id", "website", "--choices-column", website[0])
    assert "imported from" not in other


def test_strict_import_refuses_an_export_with_warnings_and_writes_no_tally(
    tmp_path: Path,
) -> None:
    """A respondent who chose no task is left out with a warning; --strict makes it an
    error, so nothing is counted until the export or the mapping is mended."""
    root = cli_study(tmp_path, mapping="ms-forms", imported=False)
    export = tmp_path / "answers.csv"
    export.write_bytes(
        (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_bytes()
        + b"13,3/9/26 9:00:00,3/9/26 9:01:00,anonymous,,Front desk / reception,\n"
    )
    problem = f"{export}:14:7: no task chosen: respondent left out"
    strict = runner.invoke(app, ["survey", "import", str(root), str(export), "--strict"])
    assert strict.exit_code == 2
    assert problem in strict.stderr.splitlines()
    assert not (root / "surveys" / "toptasks.tally.json").exists()
    lenient = runner.invoke(app, ["survey", "import", str(root), str(export)])
    assert lenient.exit_code == 0, lenient.output
    assert problem.replace(": no task", ": warning: no task") in lenient.stderr.splitlines()
    assert (root / "surveys" / "toptasks.tally.json").exists()


def test_more_respondents_than_a_group_s_headcount_is_a_warning(tmp_path: Path) -> None:
    """Desk's 5 respondents are more than a headcount of 4; field's 3 are more than 2, and
    fewer than the minimum of 5, so their number is not given. Office's 3 of 3 are fine,
    and so are the interns, none of whom there are yet, nor answered."""
    root = cli_study(tmp_path, minimum=5, imported=False)
    groups = root / "groups.yaml"
    groups.write_text(
        groups.read_text()
        .replace("headcount: 10", "headcount: 4")
        .replace("30}", "2}")
        .replace("60}", "3}")
        + "  - {id: interns, name: Interns, headcount: 0}\n"
    )
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    strict = runner.invoke(app, ["survey", "import", str(root), export, "--strict"])
    assert strict.exit_code == 2
    assert not (root / "surveys" / "toptasks.tally.json").exists()
    expected = [
        f"{groups}:2:10: warning: survey 'toptasks' counted 5 respondents for 'Front desk', "
        "more than its headcount of 4",
        f"{groups}:3:10: warning: survey 'toptasks' counted more respondents for 'Field staff' "
        "than its headcount of 2",
    ]
    refused = [line for line in strict.stderr.splitlines() if "headcount of" in line]
    assert refused == [line.replace(": warning: ", ": ") for line in expected]  # errors now
    imported = runner.invoke(app, ["survey", "import", str(root), export])
    assert imported.exit_code == 0, imported.output
    assert [line for line in imported.stderr.splitlines() if "headcount of" in line] == expected
    assert "group.values gives 'desk', or raise the headcount" in imported.stderr
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.exit_code == 0, checked.output
    assert [line for line in checked.stderr.splitlines() if "headcount of" in line] == expected


def test_the_weights_table_gives_each_group_s_response_and_hides_the_small_ones(
    tmp_path: Path,
) -> None:
    """Desk: 5 of 10 people answered (50%); with field (3 of 30) and office (3 of 60), 11
    of 100: desk's weight is (10/100) / (5/11) = 0.22. Field and office have fewer than 4
    respondents: only their people are shown."""
    study = load_study(private_survey_study(tmp_path))
    mapping, tally = load_survey(study)
    table = build_weights(analyse_toptasks(study, mapping, tally), "nl")
    assert table is not None
    assert table.header == ("Groep", "Respondenten", "Mensen", "Respons", "Gewicht")
    assert table.rows == (
        ("Front desk", "5", "10", "50,0%", "0,22"),
        ("Field staff", "n<4", "30", "n<4", "n<4"),
        ("Office staff", "n<4", "60", "n<4", "n<4"),
    )
    assert table.rows[0][4].value == pytest.approx(0.1 / (5 / 11))  # type: ignore[attr-defined]
    unweighted = analyse_toptasks(study, mapping, tally, weighted=False)
    assert build_weights(unweighted, "nl") is None
    markdown = ranking_to_markdown(table)
    assert "| Groep | Respondenten | Mensen | Respons | Gewicht |\n| --- | ---: |" in markdown
    shown = runner.invoke(app, ["toptasks", str(study.root)], env={"COLUMNS": "80"})
    lines = shown.stdout.splitlines()
    start = lines.index("Weights (headcount share / response share)")
    assert [line.split() for line in lines[start + 1 : start + 4 : 2]] == [
        ["Group", "Respondents", "People", "Response", "Weight"],
        ["Front", "desk", "5", "10", "50.0%", "0.22"],
    ]


def test_the_terminal_lists_each_group_s_three_most_chosen_tasks(tmp_path: Path) -> None:
    """Under the ranking, each group's own top three, most chosen first, with its number of
    respondents, under a heading that says what they are."""
    root = cli_study(tmp_path)
    shown = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "200"})
    lines = shown.stdout.splitlines()
    at = lines.index("The 3 tasks each group chose most:")
    assert lines[at + 1 : at + 5] == [
        " • Front desk (n=5): Book leave; Find a colleague, by name or expertise; Claim expenses",
        " • Field staff (n=3): Book leave; Claim expenses; Report a broken printer",
        " • Office staff (n=3): Plan a meeting with lunch and projector; Find a colleague, by "
        "name or expertise; Book leave",
        "",
    ]
    dutch = runner.invoke(app, ["toptasks", str(root), "-l", "nl"], env={"COLUMNS": "200"})
    assert "\nDe 3 taken die elke groep het vaakst koos:\n" in dutch.stdout


def test_the_terminal_lists_twenty_tasks_unless_told(demo: Path) -> None:
    """The demo's survey has 22 tasks: the ranking stops at 20 and says how to see all."""
    shown = runner.invoke(app, ["toptasks", str(demo / "study")], env={"COLUMNS": "120"})
    assert shown.exit_code == 0, shown.output
    ranks = [line.split()[0] for line in shown.stdout.splitlines() if line[:4].strip().isdigit()]
    assert ranks[:20] == [str(n) for n in range(1, 21)] and "21" not in ranks
    assert "… 2 more (--top 22 shows all)" in shown.stdout
    assert "\nThe long neck: 3 tasks take a quarter of the votes.\n" in shown.stdout


def test_the_terminal_shows_no_weighted_column_for_unweighted_results(tmp_path: Path) -> None:
    root = cli_study(tmp_path)
    shown = runner.invoke(app, ["toptasks", str(root), "--unweighted"], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[1].split() == ["Rank", "Task", "Votes", "Share", "Cumulative", "In", "75%", "set"]
    assert lines[3].split() == ["1", "Book", "leave", "7", "29.2%", "29.2%", "●"]
    evidence = lines[lines.index("Evidence for needs") + 1]
    assert evidence.split() == ["Rank", "Need", "Votes", "Share"]
    weighted = runner.invoke(app, ["toptasks", str(root)], env={"COLUMNS": "100"})
    assert "Weighted  Cumulative  In 75% set" in weighted.stdout.splitlines()[1]


def test_one_group_s_ranking_in_a_workbook_is_a_sheet_named_after_it(tmp_path: Path) -> None:
    """One group's ranking has no coverage set: none of its rows is banded, as the tasks of
    the 75% set are in the whole ranking's sheet (and only there)."""
    root = cli_study(tmp_path)
    band = "00E3EEF6"
    whole, group = tmp_path / "all.xlsx", tmp_path / "desk.xlsx"
    assert runner.invoke(app, ["toptasks", str(root), "--out", str(whole)]).exit_code == 0
    first, *others = load_workbook(whole).worksheets
    assert first["A2"].fill.fgColor.rgb == band  # the top task is in the 75% set
    assert [sheet.title for sheet in others] == ["Evidence for needs", "Weights"]
    for sheet in others:  # a need or a group is in no coverage set
        assert not [c for row in sheet.iter_rows() for c in row if c.fill.fgColor.rgb == band]
    written = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--out", str(group)])
    assert written.exit_code == 0, written.output
    book = load_workbook(group)
    assert book.sheetnames == ["Front desk"]
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["Rank", "Task", "Share"]
    assert sheet.max_row == 7  # the heading and the six tasks
    assert not [c for row in sheet.iter_rows() for c in row if c.fill.fgColor.rgb == band]


def test_json_golden(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    """The stable JSON of docs/json-output.md, every key: a survey's results and one group's
    ranking."""
    root = cli_study(tmp_path)
    whole = runner.invoke(app, ["toptasks", str(root), "--json"])
    assert whole.exit_code == 0, whole.output
    golden("toptasks-fixture.json", whole.stdout)
    group = runner.invoke(app, ["toptasks", str(root), "-g", "desk", "--json"])
    assert group.exit_code == 0, group.output
    golden("toptasks-group-fixture.json", group.stdout)
