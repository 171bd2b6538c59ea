"""``needmap survey draft`` reads an export's layout and columns from the export itself: the
group answers, the choices and the column that tells respondents apart; what it cannot tell
is asked for."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.surveys.draft import draft_mapping
from needmap.surveys.mapping import Layout
from tests.conftest import (
    ROLE_HEADING,
    SURVEY_FIXTURES,
    TASKS_HEADING,
)

runner = CliRunner()


@pytest.mark.parametrize(
    ("layout", "given", "read"),
    [
        ("ms-forms", {}, ("ms-forms", ROLE_HEADING, TASKS_HEADING)),
        ("google-forms", {}, ("google-forms", ROLE_HEADING, TASKS_HEADING)),
        ("limesurvey", {"group_column": "G01Q01"}, ("limesurvey", "G01Q01", "G02Q02")),
        ("long", {}, ("long", "group", "task")),
    ],
)
@pytest.mark.parametrize("layout_given", [False, True])
def test_what_is_not_given_is_read_from_the_export(
    layout: str, given: dict[str, str], read: tuple[str, str, str], layout_given: bool
) -> None:
    """With the layout given too, the columns are read for that layout alone: a long
    export's task "Find a colleague, by name or expertise" holds ", " as a Google Forms
    answer does."""
    study = load_study(SURVEY_FIXTURES / "study")
    export = SURVEY_FIXTURES / "exports" / f"{layout}.csv"
    if layout_given:
        given = {**given, "layout": layout}
    draft = draft_mapping(study, export, **given)  # type: ignore[arg-type]
    assert (draft.layout, draft.group_column, draft.choices) == read
    assert draft.respondent == _RESPONDENT_COLUMNS[layout]


_RESPONDENT_COLUMNS = {
    "ms-forms": "ID",
    "google-forms": "Timestamp",
    "limesurvey": "id",
    "long": "respondent",
}
"""The fixtures' columns that tell respondents apart: read by their headings for the
layouts of one row per respondent (for the import to find rows listed twice), by their
runs of rows for the long one."""


@pytest.mark.parametrize(
    ("layout", "given", "cuts"),
    [
        ("ms-forms", {}, ("99,3/2/26 9:12:40", "99,3/2/26 9:12:40,3/2/26 9:14:03,anonymous,,")),
        ("google-forms", {}, ("2026/03/02 9:14:03 AM CET", "2026/03/02 9:14:03 AM CET,")),
        (
            "limesurvey",
            {"group_column": "G01Q01"},
            ('"99","2026-03-02 09:14:03"', '"99","2026-03-02 09:14:03","2","en","1","",""'),
        ),
        ("long", {}, ("r99", "r99;")),
    ],
)
def test_rows_cut_short_are_read_past(
    tmp_path: Path, layout: str, given: dict[str, str], cuts: tuple[str, str]
) -> None:
    """A download cut off, a row deleted by hand: rows with fewer cells than the group and
    choices columns need (among the rows that tell the layout, and cut off before its
    choices at the end) leave what is drafted as it is."""
    study = load_study(SURVEY_FIXTURES / "study")
    fixture = SURVEY_FIXTURES / "exports" / f"{layout}.csv"
    header, *rows = fixture.read_bytes().splitlines()  # the long one is in Windows-1252
    export = tmp_path / f"{layout}.csv"
    early, late = (cut.encode() for cut in cuts)
    export.write_bytes(b"\n".join([header, early, *rows, late]) + b"\n")
    whole = draft_mapping(study, fixture, **given)  # type: ignore[arg-type]
    draft = draft_mapping(study, export, **given)  # type: ignore[arg-type]
    assert (draft.layout, draft.group_column, draft.choices, draft.respondent) == (
        whole.layout,
        whole.group_column,
        whole.choices,
        whole.respondent,
    )
    assert [(t.label, t.votes) for t in draft.tasks] == [(t.label, t.votes) for t in whole.tasks]
    assert draft.answers == whole.answers and draft.max_picks == whole.max_picks


def _long_export(tmp_path: Path, header: str, row: Callable[[int, str, str], str]) -> Path:
    """A long export of twelve respondents who chose two or three of Task A to Task D, a
    line per task as ``row(respondent, role, task)`` writes it."""
    answers = [
        ("Front desk", "AB"),
        ("Office staff", "ABC"),
        ("Front desk", "CA"),
        ("Field", "BCD"),
    ]
    lines = [header]
    for respondent, (role, tasks) in enumerate(answers * 3):
        lines += [row(respondent, role, f"Task {t}") for t in tasks]
    export = tmp_path / "long.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export


def test_a_layout_given_is_the_only_one_the_columns_are_read_for(tmp_path: Path) -> None:
    """A long export with a column of comma-joined values reads as Google Forms when the
    layout is not given; with --layout long it is long, on the command line too. With
    --layout google-forms, a long export is not read as long: the choices column is asked
    for."""
    export = _long_export(
        tmp_path,
        "respondent,Role,Task,Departments",
        lambda n, role, task: f'r{n},{role},{task},"Finance, HR, Legal"',
    )
    study = load_study(SURVEY_FIXTURES / "study")
    assert draft_mapping(study, export).layout == "google-forms"
    draft = draft_mapping(study, export, layout="long")
    assert (draft.layout, draft.choices, draft.respondent) == ("long", "Task", "respondent")
    with pytest.raises(UsageError, match="layout google-forms needs --choices-column"):
        draft_mapping(study, SURVEY_FIXTURES / "exports" / "long.csv", layout="google-forms")
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    for layout, options in (("google-forms", []), ("long", ["--layout", "long"])):
        args = ["survey", "draft", str(root), str(export), "--id", layout, *options]
        drafted = runner.invoke(app, [*args, "--title", "Pulse 2026"])
        assert drafted.exit_code == 0, drafted.output
        text = (root / "surveys" / f"{layout}.yaml").read_text()
        assert f"\nlayout: {layout}\n" in text and "\ntitle: Pulse 2026\n" in text
    nobody = runner.invoke(app, [*args, "--respondent", "Nope"])
    assert nobody.exit_code == 2
    assert "no column 'Nope' (--respondent) in the header" in nobody.stderr


def test_a_long_export_with_a_timestamp_beside_the_id_keys_respondents_by_the_id(
    tmp_path: Path,
) -> None:
    export = _long_export(
        tmp_path,
        "Submitted,id,Role,Task",
        lambda n, role, task: f"2026-03-0{n % 3 + 1},r{n},{role},{task}",
    )
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    assert (draft.layout, draft.group_column, draft.choices) == ("long", "Role", "Task")
    assert draft.respondent == "id"
    assert "\nrespondent: id  # joins each respondent's rows\n" in draft.text
    assert draft.max_picks == 3


@pytest.mark.parametrize(
    "body",
    [
        # one task per respondent: one row each, and nothing joined
        ["1,Front desk,Book leave", "2,Field,Claim expenses", "3,Front desk,Plan a meeting"],
        # a free-text column: its commas join words that do not repeat as options do
        [
            "1,Front desk,Slow search, Old news, Broken links",
            "2,Field,Login fails, Menu unclear",
            "3,Front desk,Too many systems, No search",
        ],
    ],
)
def test_a_layout_that_cannot_be_read_is_asked_for(tmp_path: Path, body: list[str]) -> None:
    export = tmp_path / "export.csv"
    quoted = [",".join([*line.split(",", 2)[:2], f'"{line.split(",", 2)[2]}"']) for line in body]
    export.write_text("\n".join(["ID,What is your role?,Tasks", *quoted]) + "\n", "utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export)
    assert caught.value.problems[0].message == "cannot tell how this export lists the choices"
    assert caught.value.problems[0].hint == (
        "give --layout: limesurvey, ms-forms, google-forms or long (docs/surveys.md)"
    )
    assert caught.value.problems[0].location.path == export
    assert len(caught.value.problems) == 1  # the group column was found: 'What is your role?'


def test_a_pilot_export_s_choices_are_found_once_the_layout_is_given(tmp_path: Path) -> None:
    """Three answers of a pilot: the joined choices repeat too little to tell them from a
    comment, so the layout is asked for; given it, the column with the most choices per
    answer is the one, and a comment with a comma is not."""
    export = tmp_path / "pilot.csv"
    rows = [
        '1,Front desk,"Book leave, Claim expenses","Slow, old"',
        '2,Field,"Plan a meeting, Find a colleague, Read the news",',
        '3,Front desk,"Claim expenses, Report a fault",Fine',
    ]
    export.write_text("\n".join(["ID,What is your role?,Tasks,Comments", *rows]) + "\n", "utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    with pytest.raises(UsageError, match="cannot tell how this export lists the choices"):
        draft_mapping(study, export)
    draft = draft_mapping(study, export, layout="google-forms")
    assert (draft.layout, draft.choices, draft.group_column) == (
        "google-forms",
        "Tasks",
        "What is your role?",
    )
    assert [t.label for t in draft.tasks][:1] == ["Claim expenses"]  # chosen twice


@pytest.mark.parametrize("stamp", ["Timestamp", "Tijdstempel", "ZEITSTEMPEL "])
def test_a_google_forms_pilot_is_known_by_its_timestamp_column(tmp_path: Path, stamp: str) -> None:
    """Google Forms heads its first column with the time of the answer, in the form's
    language: the pilot above is read with no --layout given."""
    export = tmp_path / "pilot.csv"
    rows = [
        '3/2/2026 9:01:10,Front desk,"Book leave, Claim expenses","Slow, old"',
        '3/2/2026 9:02:10,Field,"Plan a meeting, Find a colleague, Read the news",',
        '3/2/2026 9:03:10,Front desk,"Claim expenses, Report a fault",Fine',
    ]
    header = f"{stamp},What is your role?,Tasks,Comments"
    export.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    assert (draft.layout, draft.choices, draft.group_column) == (
        "google-forms",
        "Tasks",
        "What is your role?",
    )


@pytest.mark.parametrize(
    ("layout", "message", "option"),
    [
        ("google-forms", "layout google-forms needs --choices-column", "--choices-column"),
        ("long", "layout long needs --respondent", "--respondent"),
    ],
)
def test_a_column_the_layout_needs_is_asked_for_with_the_headings(
    tmp_path: Path, layout: Layout, message: str, option: str
) -> None:
    """A layout given, but its column not found in a few rows: the problem says what the
    column holds and lists the header, as for the group column."""
    export = tmp_path / "export.csv"
    rows = ["1,Front desk,Book leave", "2,Field,Claim expenses", "3,Front desk,Plan a meeting"]
    export.write_text("\n".join(["ID,What is your role?,Tasks", *rows]) + "\n", "utf-8")
    with pytest.raises(UsageError) as caught:
        draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, layout=layout)
    [problem] = [p for p in caught.value.problems if p.message.startswith(message)]
    assert problem.hint == f"give {option}; the header has: 'ID', 'What is your role?', 'Tasks'"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "Submitted,id,,Task",
            [(3, "column 3 seems to hold the respondents' groups", "--group-column")],
        ),
        (
            "Submitted,,Role,",
            [
                (2, "column 2 seems to hold who answered", "--respondent"),
                (4, "column 4 seems to hold the chosen tasks", "--choices-column"),
            ],
        ),
    ],
)
def test_a_column_found_without_a_heading_is_asked_to_be_headed(
    tmp_path: Path, header: str, expected: list[tuple[int, str, str]]
) -> None:
    """A mapping names columns by their headings: drafted with an empty one, the mapping
    did not load (an internal error). An Excel error value in a heading reads as empty."""
    lines = [header]
    for respondent, (role, tasks) in enumerate([("Front desk", "AB"), ("Field", "BCD")] * 3):
        lines += [f"2026-03-01,r{respondent},{role},Task {t}" for t in tasks]
    export = tmp_path / "long.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export)
    found = [
        (p.location.column, p.message.removesuffix(", but has no heading"), p.hint)
        for p in caught.value.problems
    ]
    assert {(p.location.path, p.location.line) for p in caught.value.problems} == {(export, 1)}
    assert [(column, message) for column, message, _ in found] == [
        (column, message) for column, message, _ in expected
    ]
    for (_, _, hint), (_, _, option) in zip(found, expected, strict=True):
        assert hint == (
            "give it a heading in the export's first row (a mapping names its columns by "
            "their headings), then draft again; if it is not that column, name the right "
            f"one with {option}"
        )
    # named on the command line, the column is not asked about
    if header.startswith("Submitted,id"):
        draft = draft_mapping(study, export, group_column="Submitted")
        assert draft.group_column == "Submitted"


def _detected(tmp_path: Path, header: str, rows: list[str]) -> tuple[str | None, str | None]:
    """The layout and group column a draft of this CSV export finds, or (None, None) when
    it asks for them: the problems' messages are then checked by the caller."""
    export = tmp_path / "export.csv"
    export.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    return draft.layout, draft.group_column


@pytest.mark.parametrize(
    ("header", "keys", "found"),
    [
        ("Id,Role,Tasks", [str(i) for i in range(6)], "Id"),  # Microsoft Forms in Dutch
        ("Response ID,Role,Tasks", [str(i) for i in range(6)], "Response ID"),
        ("Antwoord-ID,Role,Tasks", ["1", "2", "3", "1", "2", "3"], "Antwoord-ID"),  # pasted
        ("ID,Role,Tasks", ["1", "2", "", "4", "5", "6"], None),  # a row without: no key
        ("ID,Role,Tasks", ["a"] * 6, None),  # rows that differ share a key
        ("ID,Role,Tasks", ["1", "1", "2", "2", "3", "3"], "ID"),  # half of them: enough
        ("Nr,Role,Tasks", [str(i) for i in range(6)], None),  # not known as a key
    ],
)
def test_the_draft_names_the_column_that_tells_respondents_apart(
    tmp_path: Path, header: str, keys: list[str], found: str | None
) -> None:
    """For the import to leave out a row listed twice (two exports joined): found by its
    heading, with a key in every row, and one of its own in most distinct rows (a row
    pasted again, as in the third, has its row's)."""
    tasks = ["Book leave;Claim expenses;", "Claim expenses;", "Book leave;"]
    rows = [f"{k},Front desk,{tasks[i % 3]}" for i, k in enumerate(keys)]
    export = tmp_path / "export.csv"
    export.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    assert (draft.layout, draft.respondent) == ("ms-forms", found)
    written = f"\nrespondent: {found}  # tells respondents apart: a row given twice counts once\n"
    assert (written in draft.text) is (found is not None)


def test_a_row_cut_short_before_the_respondent_column_says_nothing_of_it(
    tmp_path: Path,
) -> None:
    """A download cut off ends in a row of a cell or two: the column after them is still
    the one that tells respondents apart, and the draft reads past the row (of a long
    export too, where it was an internal error)."""
    rows = [f"Front desk,{i},Book leave;Claim expenses;" for i in range(5)]
    export = tmp_path / "export.csv"
    export.write_text("\n".join(["Role,ID,Tasks", *rows, "Front desk"]) + "\n", "utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    assert (draft.layout, draft.respondent) == ("ms-forms", "ID")
    long = tmp_path / "long.csv"  # cut before its respondent column: an internal error
    long.write_text(
        "group,task,respondent\n"
        + "".join(f"Front desk,{task},r{i}\n" for i in range(4) for task in ("Book leave", "Claim"))
        + "Front desk\n",
        "utf-8",
    )
    study = load_study(SURVEY_FIXTURES / "study")
    drafted = draft_mapping(study, long, layout="long", respondent="respondent")
    assert [(t.label, t.votes) for t in drafted.tasks] == [("Book leave", 4), ("Claim", 4)]


def test_the_draft_tells_what_its_import_of_the_export_warns_of(tmp_path: Path) -> None:
    """The draft imports the export it came from: where that import warns (rows listed
    twice, in an export joined with an earlier one), the draft says so now, not only the
    import to come."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    lines = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_text("utf-8").splitlines()
    export = tmp_path / "joined.csv"
    export.write_text("\n".join([*lines, *lines[1:3]]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["survey", "draft", str(root), str(export), "--id", "t"])
    assert result.exit_code == 0, result.output
    assert "joined.csv:14: warning: this row repeats an earlier one word for word (line 2)" in (
        result.stderr
    )
    assert (
        "With it, the export imports 11 respondents in the target groups (see the warnings "
        "above)." in " ".join(result.stdout.split())
    )


def test_the_group_column_is_found_with_one_answer_that_names_a_group(tmp_path: Path) -> None:
    """Everyone at the front desk answered (one answer, naming one group); the other
    column's answers name no group."""
    rows = [f'{i},Front desk,"Book leave;Claim expenses;"' for i in range(6)]
    assert _detected(tmp_path, "ID,Role,Tasks", rows) == ("ms-forms", "Role")


def test_two_columns_that_name_the_groups_equally_are_asked_about(tmp_path: Path) -> None:
    rows = [f'{i},{g},{g},"Book leave;Claim expenses;"' for i, g in enumerate(["Field staff"] * 6)]
    with pytest.raises(UsageError) as caught:
        _detected(tmp_path, "ID,Role,Team,Tasks", rows)
    [problem] = caught.value.problems
    assert problem.message == "cannot tell which column holds the respondent's group"


def test_a_comment_with_a_semicolon_now_and_then_is_not_a_choices_column(tmp_path: Path) -> None:
    """Microsoft Forms joins the choices with ';' in most answers; a comment column with
    one in a few answers (two in ten) is not them, and the export is read as long."""
    rows = []
    for respondent, group in enumerate(["Front desk", "Field staff"] * 5):
        comment = "slow; old" if respondent < 2 else "fine"
        rows += [f"r{respondent},{group},{task},{comment}" for task in ("Book leave", "Claim")]
    assert _detected(tmp_path, "respondent,Role,Task,Comment", rows) == ("long", "Role")
