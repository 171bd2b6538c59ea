"""Survey import: every export layout yields the same counts; problems have row and column."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from needmap import load_study
from needmap.errors import (
    InvalidStudyError,
    Location,
    NeedmapError,
    Problem,
    Severity,
    UsageError,
)
from needmap.personas.study import Study
from needmap.reports.how_read import how_read_text
from needmap.scrub import name_words
from needmap.surveys import import_survey, importer, load_mapping, read_tally, write_tally
from needmap.surveys.catalog import one_export, same_answers
from needmap.surveys.counting import MAX_PER_KIND, Problems, RowsRepeated, check_keys
from needmap.surveys.draft import draft_mapping
from needmap.surveys.importer import ImportResult
from needmap.surveys.layouts import _A_TIME, Interleaved, Labels, slow_split
from needmap.surveys.mapping import SurveyMapping, checked_mapping
from needmap.surveys.tables import open_table
from needmap.surveys.tally import Tally, tally_text
from tests.conftest import SURVEY_FIXTURES, limesurvey_with_text_headings, notes_then_forms_export

# Counted by hand from the twelve respondents written out in each fixture:
EXPECTED_RESPONDENTS = {"desk": 5, "field": 3, "office": 3, "~": 1}
EXPECTED_VOTES = {
    "desk": {"leave": 3, "colleague": 3, "expense": 2, "printer": 2, "meeting": 1, "cafe": 1},
    "field": {"leave": 3, "colleague": 0, "expense": 1, "printer": 1, "meeting": 0, "cafe": 0},
    "office": {"leave": 1, "colleague": 2, "expense": 0, "printer": 0, "meeting": 3, "cafe": 1},
    "~": {"leave": 0, "colleague": 0, "expense": 0, "printer": 0, "meeting": 0, "cafe": 1},
}


@pytest.fixture(scope="module")
def study() -> Study:
    return load_study(SURVEY_FIXTURES / "study")


def _import(study: Study, layout: str, export: Path, *, strict: bool = False) -> ImportResult:
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{layout}.yaml", study)
    return import_survey(mapping, export, strict=strict)


@pytest.mark.parametrize(
    ("layout", "export", "description"),
    [
        ("limesurvey", "limesurvey.csv", "CSV, UTF-8, comma-separated"),
        ("ms-forms", "ms-forms.csv", "CSV, UTF-8 with BOM, comma-separated"),
        ("google-forms", "google-forms.csv", "CSV, UTF-8, comma-separated"),
        ("long", "long.csv", "CSV, Windows-1252, semicolon-separated"),
    ],
)
def test_each_layout_yields_the_same_counts(
    study: Study, layout: str, export: str, description: str
) -> None:
    result = _import(study, layout, SURVEY_FIXTURES / "exports" / export)
    assert how_read_text(result.how, "en") == description
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert result.warnings == ()


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_line_ends_written_twice_leave_no_empty_rows_to_warn_of(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """A script on Windows that writes the csv module's line ends through a text file ends
    every line in CR CR LF: every other line is empty. The counts are those of the export,
    without a warning for each empty line; problems keep the lines an editor shows."""
    raw = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes()
    doubled = _write_bytes(
        tmp_path, "doubled.csv", raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\r\n")
    )
    result = _import(study, layout, doubled)
    assert how_read_text(result.how, "en").endswith(
        "-separated, every line end doubled: the empty line after each row left out"
    )
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert result.warnings == ()

    once = raw.replace(b"\r\n", b"\n")
    one_empty = _write_bytes(tmp_path, "one-empty.csv", once.replace(b"\n", b"\r\r\n", 1))
    warned = _import(study, layout, one_empty)
    assert _placed(warned.warnings) == [(2, 1, "empty row left out")]


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_a_heading_row_repeated_below_is_left_out_with_a_warning(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Two exports pasted into one: the second's heading row was told as an unknown choice
    and group answer (LimeSurvey: a value 'unexpected in a task column' for each task),
    with hints to add them to the mapping. In upper case, as a tool may write it."""
    raw = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes()
    lines = raw.splitlines(keepends=True)
    pasted = _write_bytes(
        tmp_path, "pasted.csv", b"".join([*lines[:4], lines[0].upper(), *lines[4:]])
    )
    result = _import(study, layout, pasted)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert _placed(result.warnings) == [(5, None, "this row repeats the heading row: left out")]
    assert result.warnings[0].hint == (
        "delete it (two exports pasted into one keep both heading rows)"
    )


_RESPONDENT_HEADINGS = {"limesurvey": "id", "ms-forms": "ID", "google-forms": "Timestamp"}


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms"])
def test_rows_pasted_again_count_once_with_one_warning(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """An export joined with an earlier one of the same survey (or pasted twice) lists the
    rows they share twice: each respondent of them counted twice, without a word. A row
    that repeats an earlier one word for word, its respondent (the mapping's
    ``respondent`` column) too, is left out, with one warning naming the rows."""
    raw = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes()
    lines = raw.splitlines(keepends=True)
    joined = _write_bytes(tmp_path, "joined.csv", b"".join([*lines, *lines[1:5]]))
    result = _import(study, layout, joined)
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    heading = _RESPONDENT_HEADINGS[layout]
    assert _placed(result.warnings) == [
        (
            14,
            None,
            f"this row repeats an earlier one word for word (line 2), its respondent "
            f"('{heading}') too: left out, so that it counts once (also on rows 15, 16 and 17)",
        )
    ]
    assert result.warnings[0].repeats == 4


def test_the_same_answers_are_those_counted_alike(study: Study) -> None:
    """Two surveys' tallies in the same counts in every group (task ids aside): the later
    one is told, with the earlier, whether their exports are one file, byte for byte, or
    two (saved again, or downloaded in another format; a tally edited by hand names no
    file). Below ten respondents, or with no vote, counts alike may be chance: only one
    file tells. Other counts are other answers."""
    tally = _import(study, "ms-forms", SURVEY_FIXTURES / "exports" / "ms-forms.csv").tally
    assert sum(tally.respondents.values()) == 12
    renamed = {g: {f"t-{t}": n for t, n in v.items()} for g, v in tally.votes.items()}
    again = dataclasses.replace(tally, survey="again", votes=renamed)
    copy = dataclasses.replace(again, source="ms-forms.xlsx", source_sha256="0" * 64)
    unknown = dataclasses.replace(again, source_sha256="")
    for later in (again, copy, unknown):
        assert [(t.survey, b.survey) for t, b in same_answers([tally, later])] == [
            ("again", "toptasks")
        ]
    assert one_export(again, tally) and not one_export(copy, tally)
    assert not one_export(unknown, dataclasses.replace(tally, source_sha256=""))
    fewer = dataclasses.replace(again, respondents={**tally.respondents, "desk": 4})
    assert same_answers([tally, fewer]) == []

    def pilot(survey: Tally, sha: str, respondents: int = 9) -> Tally:
        return dataclasses.replace(survey, respondents={"desk": respondents}, source_sha256=sha)

    assert same_answers([pilot(tally, "1" * 64), pilot(again, "0" * 64)]) == []
    assert len(same_answers([pilot(tally, "1" * 64), pilot(again, "1" * 64)])) == 1
    assert same_answers([pilot(tally, ""), pilot(again, "")]) == []
    assert len(same_answers([pilot(tally, "1" * 64, 10), pilot(again, "0" * 64, 10)])) == 1
    unanswered = [dataclasses.replace(t, votes={}) for t in (tally, copy)]
    assert same_answers(unanswered) == []  # a question nobody answered, in two files


def test_check_keys_names_the_keys_on_more_than_one_row() -> None:
    """An empty cell is no key (an empty row has one), so empty ones beside each other say
    nothing, nor hide a key that is repeated."""
    check_keys(["1", "2", "", ""])
    with pytest.raises(RowsRepeated) as raised:
        check_keys(["1", "", "2", "1"])
    assert raised.value.keys == {"1"}
    with pytest.raises(RowsRepeated) as raised:
        check_keys(["7", "8", "7", "8", "9", "8", ""])
    assert raised.value.keys == {"7", "8"}


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    layout=st.sampled_from(["limesurvey", "ms-forms", "google-forms"]),
    pastes=st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 12), st.integers(1, 20)), max_size=3
    ),
)
def test_rows_pasted_anywhere_count_as_the_export_did(
    study: Study, layout: str, pastes: list[tuple[int, int, int]]
) -> None:
    """Blocks of rows pasted again anywhere (before the rows they repeat, too): the votes
    are the export's, and one warning counts every row left out."""
    lines = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes().splitlines(keepends=True)
    pasted = 0
    for start, size, at in pastes:
        block = lines[1:][start - 1 : start - 1 + size]  # data rows only
        at = min(at, len(lines))
        lines[at:at] = block
        pasted += len(block)
    with tempfile.TemporaryDirectory() as folder:
        export = _write_bytes(Path(folder), "pasted.csv", b"".join(lines))
        result = _import(study, layout, export)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert [w.repeats for w in result.warnings] == ([pasted] if pasted else [])


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms"])
def test_without_the_respondent_column_a_row_pasted_again_counts_again(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """A mapping of one row per respondent may leave ``respondent`` out: then a row pasted
    again cannot be told from another respondent who answered alike, and counts, without
    a warning (docs/surveys.md says so)."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text("utf-8")
    heading = _RESPONDENT_HEADINGS[layout]
    keyless = _write(tmp_path, "keyless.yaml", text.replace(f"respondent: {heading}\n", ""))
    mapping = load_mapping(keyless, study)
    assert mapping.respondent is None
    lines = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes().splitlines(keepends=True)
    joined = _write_bytes(tmp_path, "joined.csv", b"".join([*lines, *lines[1:5]]))
    result = import_survey(mapping, joined)
    assert result.warnings == ()
    assert sum(result.tally.respondents.values()) == sum(EXPECTED_RESPONDENTS.values()) + 4


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms"])
def test_a_respondent_s_key_on_two_rows_that_differ_counts_both(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Two forms' exports joined each number their respondents from 1, and two answers
    in one second share a timestamp: rows that differ are two answers, counted as before.
    But a response completed or changed after an earlier export, the two joined, is one
    respondent counted twice: where the key is a number, a warning names both rows; a key
    that is a time says nothing of that."""
    table = open_table(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
    header, *rows = [table.header, *table.rows]
    key = header.index(_RESPONDENT_HEADINGS[layout])
    rows[2][key] = rows[1][key]
    rows[7][key] = rows[1][key]
    rows[9][key] = rows[4][key]
    text = io.StringIO()
    csv.writer(text).writerows([header, *rows])
    result = _import(study, layout, _write(tmp_path, "same-key.csv", text.getvalue()))
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    if layout == "google-forms":
        assert result.warnings == ()
        return
    assert _placed(result.warnings) == [
        (
            4,
            None,
            f"this row's respondent ('{_RESPONDENT_HEADINGS[layout]}') is on line 3 too, "
            "with other answers: both count (also on rows 9 and 11)",
        )
    ]
    assert result.warnings[0].hint.startswith("a response completed or changed after an")
    assert result.warnings[0].repeats == 3


@pytest.mark.parametrize(
    ("key", "is_a_time"),
    [
        ("2026/03/02 9:14:03 AM CET", True),
        ("2-3-2026 9:14:03", True),
        ("02.03.2026, 09.14.03", True),
        ("2026-03-02T09:14:03Z", True),
        ("17", False),
        ("R_3kXnQ2", False),
        ("someone@example.org", False),
        ("9:14", False),
    ],
)
def test_a_key_that_is_a_time_is_told_from_an_id(key: str, is_a_time: bool) -> None:
    """Two answers in one second share a timestamp; they share no id."""
    assert bool(_A_TIME.match(key)) is is_a_time


def test_a_long_export_s_rows_pasted_again_count_once(study: Study, tmp_path: Path) -> None:
    """A long export joins a respondent's rows by their key: rows pasted again name each
    task twice, counted once, and one warning names the rows (it was one per respondent:
    a whole export joined again gave a screenful)."""
    raw = (SURVEY_FIXTURES / "exports" / "long.csv").read_bytes()
    lines = raw.splitlines(keepends=True)
    result = _import(study, "long", _write_bytes(tmp_path, "j.csv", b"".join([*lines, *lines[1:]])))
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    [warning] = result.warnings
    assert (warning.location.line, warning.location.column) == (2, 3)
    assert warning.message == (
        "'Book leave', 'Find a colleague, by name or expertise' chosen more than once by the "
        "respondent whose first row this is: counted once (also on rows 4, 7, 8 and 8 more)"
    )
    assert warning.repeats == 12
    assert warning.hint == (
        "survey tools list each choice once: check whether the export holds rows twice "
        "(two exports joined) or was edited by hand"
    )


def test_a_row_pasted_again_is_found_in_a_workbook_unquoted_or_cut_short(
    study: Study, tmp_path: Path
) -> None:
    """A workbook's rows are compared as the cells read, and a LimeSurvey row saved again
    by Excel, which quotes only where it must, or with its empty cells at the end dropped,
    is the row it was."""
    workbook = Workbook()
    sheet = workbook.active
    rows = _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for row in [*rows, rows[3]]:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    workbook.save(tmp_path / "joined.xlsx")
    result = _import(study, "ms-forms", tmp_path / "joined.xlsx")
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert _placed(result.warnings)[0][:2] == (14, None)
    assert "(line 4)" in result.warnings[0].message

    lines = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text("utf-8").splitlines()
    unquoted = lines[2].replace('"2",', "2,", 1)
    cut = lines[1].removesuffix(',"","","",""')  # its empty cells at the end dropped
    assert cut != lines[1]
    export = _write(tmp_path, "again.csv", "\n".join([*lines, unquoted, cut]) + "\n")
    result = _import(study, "limesurvey", export)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    [again] = result.warnings
    assert again.message.endswith(
        "(line 3), its respondent ('id') too: left out, so that it counts once (also on row 15)"
    )


def test_a_mapping_s_respondent_column_missing_from_the_export_is_a_warning(
    study: Study, tmp_path: Path
) -> None:
    """Of one row per respondent, the column serves only to find rows listed twice: the
    export counts as well without it, and the warning says what is not checked."""
    text = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_text("utf-8-sig")
    export = _write(tmp_path, "no-id.csv", text.replace("ID,", "Nr,", 1))
    result = _import(study, "ms-forms", export)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    [warning] = result.warnings
    assert (warning.location.line, warning.message) == (
        1,
        "no column 'ID' (the respondent) in the header: a row listed twice cannot be found",
    )
    assert warning.hint.endswith(
        "; or, if the export has no such column, remove respondent: from the mapping"
    )


def test_a_row_is_the_heading_row_again_only_when_every_cell_is_its_heading(
    tmp_path: Path,
) -> None:
    table = open_table(_write(tmp_path, "t.csv", "ID,What is your role?,Tasks\n1,Desk,Leave\n"))
    assert table.heading_again(["id", " WHAT IS  YOUR ROLE? ", "tasks"])  # case, spacing
    assert table.heading_again(["\ufeffID", "What is your role?", "Tasks"])  # files joined
    assert not table.heading_again(["ID", "What is your role?", "Leave"])
    assert not table.heading_again(["ID", "What is your role?"])  # a short row
    assert not table.heading_again(["ID", "What is your role?", "Tasks", ""])
    assert not table.heading_again([])


def test_a_second_column_headed_as_the_mapping_s_is_warned_of(study: Study, tmp_path: Path) -> None:
    """Two questions of one text: the first column was read, without a word, and which
    one the mapping meant cannot be told."""
    lines = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_text(encoding="utf-8-sig")
    header, *rows = lines.splitlines()
    export = _write(
        tmp_path,
        "twice.csv",
        "\n".join([header + ",WHAT IS YOUR ROLE?", *(row + ",Office staff" for row in rows)]),
    )
    result = _import(study, "ms-forms", export)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert _placed(result.warnings) == [
        (
            1,
            8,
            "this column is headed 'What is your role?' too: the respondent's group is read "
            "from the first one",
        )
    ]


def _rows(path: Path) -> list[list[str]]:
    table = open_table(path)
    return [table.header, *table.rows]


def test_ms_forms_xlsx_yields_the_same_counts(study: Study, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for row in _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv"):
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "Top tasks(1-12).xlsx"
    workbook.save(path)
    result = _import(study, "ms-forms", path)
    assert how_read_text(result.how, "en") == "XLSX, sheet 'Sheet1'"
    assert result.tally.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize(("suffix", "kind"), [(".xls", "XLS"), (".ods", "ODS")])
def test_the_export_saved_as_xls_or_ods_yields_the_same_counts(
    study: Study, suffix: str, kind: str
) -> None:
    """The Microsoft Forms export saved as Excel 97-2003 and as OpenDocument (as
    LibreOffice and Google Sheets write it; tests/fixtures/survey/make_workbooks.py)."""
    path = (SURVEY_FIXTURES / "exports" / "ms-forms").with_suffix(suffix)
    result = _import(study, "ms-forms", path)
    assert how_read_text(result.how, "en") == f"{kind}, sheet 'Sheet1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert open_table(path).header == _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")[0]


def test_a_zip_archive_is_told_with_the_export_in_it(study: Study, tmp_path: Path) -> None:
    """Google Forms downloads its responses as a ZIP archive of the CSV."""
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "google-forms.yaml", study)
    zipped = tmp_path / "Top tasks.csv.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(SURVEY_FIXTURES / "exports" / "google-forms.csv", "Top tasks.csv")
    renamed = _write_bytes(tmp_path, "export.csv", zipped.read_bytes())
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as archive:
        archive.writestr("a/Round 1.csv", "x")
        archive.writestr("Round 2.xlsx", "x")
        archive.writestr("readme.pdf", "x")
    with zipfile.ZipFile(tmp_path / "none.zip", "w") as archive:
        archive.writestr("readme.pdf", "x")
    damaged = _write_bytes(tmp_path, "damaged.csv", b"PK\x03\x04" + bytes(40))
    told = []
    for path in (zipped, renamed, tmp_path / "two.zip", tmp_path / "none.zip", damaged):
        with pytest.raises(NeedmapError) as raised:
            import_survey(mapping, path)
        told += [(p.location.path, p.message, p.hint) for p in raised.value.problems]
    assert told == [
        (zipped, "this is a ZIP archive", "unzip it and give the file in it: 'Top tasks.csv'"),
        (
            renamed,
            "this is a ZIP archive, not a CSV text file",
            "unzip it and give the file in it: 'Top tasks.csv'",
        ),
        (
            tmp_path / "two.zip",
            "this is a ZIP archive",
            "unzip it and give one of the files in it: 'Round 1.csv', 'Round 2.xlsx'",
        ),
        (
            tmp_path / "none.zip",
            "this is a ZIP archive",
            "unzip it and give the CSV or XLSX export it holds",
        ),
        (  # too damaged to list what it holds
            damaged,
            "this is a ZIP archive, not a CSV text file",
            "unzip it and give the CSV or XLSX export it holds",
        ),
    ]


def test_a_workbook_of_one_kind_named_as_another_is_read(study: Study, tmp_path: Path) -> None:
    """Whichever of the workbook suffixes it has: the file's bytes say what it is."""
    path = tmp_path / "export.xlsx"
    path.write_bytes((SURVEY_FIXTURES / "exports" / "ms-forms.ods").read_bytes())
    result = _import(study, "ms-forms", path)
    assert how_read_text(result.how, "en") == "ODS, sheet 'Sheet1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


def test_an_empty_row_in_a_workbook_is_warned_of_where_excel_shows_it(
    study: Study, tmp_path: Path
) -> None:
    """Only a CSV with every line end doubled has empty rows that are no news."""
    workbook = Workbook()
    sheet = workbook.active
    rows = _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for row in [*rows[:3], [], *rows[3:]]:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "gap.xlsx"
    workbook.save(path)
    result = _import(study, "ms-forms", path)
    assert _placed(result.warnings) == [(4, 1, "empty row left out")]
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_limesurvey_task_columns_apart_are_read_row_by_row(
    study: Study, tmp_path: Path, suffix: str
) -> None:
    """With another column between the task columns (an export with the questions
    reordered), a CSV is not counted from its whole text but row by row, as an XLSX is."""
    rows = _rows(SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    middle = rows[0].index("G02Q02[SQ003]")
    order = [i for i in range(len(rows[0])) if i != 1]
    order.insert(middle - 1, 1)  # submitdate between SQ002 and SQ003
    moved = [[row[i] for i in order] for row in rows]
    path = tmp_path / f"limesurvey{suffix}"
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, quoting=csv.QUOTE_ALL).writerows(moved)
    else:
        workbook = Workbook()
        for row in moved:
            workbook.active.append(row)
        workbook.save(path)
    assert [open_table(path).header[i] for i in range(middle - 2, middle + 1)] == [
        "G02Q02[SQ002]",
        "submitdate",
        "G02Q02[SQ003]",
    ]
    tally = _import(study, "limesurvey", path).tally
    assert {g: dict(v) for g, v in tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_limesurvey_of_one_task_is_counted(study: Study, tmp_path: Path, suffix: str) -> None:
    """A pilot with one task column: the column alone is the run of task columns."""
    fixture = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text()
    one_task = fixture[: fixture.index("  - {id: colleague")]
    mapping_path = _write(tmp_path, "pilot.yaml", one_task)
    rows = [
        ["id", "G01Q01", "G02Q02[SQ001]"],
        ["1", "AO01", "Y"],
        ["2", "AO01", ""],
        ["3", "AO02", "Y"],
    ]
    path = tmp_path / f"pilot{suffix}"
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
    else:
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    result = import_survey(load_mapping(mapping_path, study), path)
    tally = result.tally
    assert {g: dict(v) for g, v in tally.votes.items()} == {
        "desk": {"leave": 1},
        "field": {"leave": 1},
    }
    assert dict(tally.respondents) == {"desk": 1, "field": 1}
    assert _placed(result.warnings) == [(3, 3, "no task chosen: respondent left out")]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom", "description"),
    [
        ("cp1252", ";", b"", "CSV, Windows-1252, semicolon-separated"),
        ("utf-8", "\t", b"", "CSV, UTF-8, tab-separated"),
        ("utf-8", ";", b"\xef\xbb\xbf", "CSV, UTF-8 with BOM, semicolon-separated"),
        ("utf-8", "|", b"sep=|\r\n", "CSV, UTF-8, '|'-separated, as its sep= line says"),
        ("utf-16-le", "\t", b"\xff\xfe", "CSV, UTF-16, tab-separated"),  # "Unicode Text"
        (
            "utf-8",
            ",",
            b"# ------\r\n# Top tasks; by role\r\n#\r\n# Exported: 2026-03-09\r\n\r\n",
            "CSV, UTF-8, comma-separated, header below 5 lines of notes",
        ),
        (
            "utf-8",
            ";",
            b"sep=;\n# notes\n",
            "CSV, UTF-8, semicolon-separated, as its sep= line says, header below 1 line of notes",
        ),
    ],
)
def test_csv_as_excel_writes_it(
    study: Study, tmp_path: Path, encoding: str, delimiter: str, bom: bytes, description: str
) -> None:
    """``bom`` is whatever comes before the rows: a byte order mark, or Excel's sep= line."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        _rows(SURVEY_FIXTURES / "exports" / "google-forms.csv")
    )
    path = tmp_path / "export.csv"
    path.write_bytes(bom + buffer.getvalue().encode(encoding))
    result = _import(study, "google-forms", path)
    assert how_read_text(result.how, "en") == description
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize(
    ("above", "line"), [("sep=,\n", 3), ("# Survey; top tasks\n\n#-- 12 responses\n", 5)]
)
def test_lines_above_the_header_are_counted_in_line_numbers(
    study: Study, tmp_path: Path, above: str, line: int
) -> None:
    export = _write(tmp_path, "g.csv", above + HEADER + "t1,Astronaut,Book leave\n")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.location.column) == (line, 2)


@pytest.mark.parametrize(
    ("text", "header", "rows", "description"),
    [
        ("a;b,c\n1;2,3\n", ["a;b", "c"], [["1;2", "3"]], "comma"),  # a tie: the comma
        (
            "term\nverlof, vakantie\nnieuws\n",
            ["term"],
            [["verlof, vakantie"], ["nieuws"]],
            "semicolon",
        ),
        ("term\nverlof, vakantie; zomer\n", ["term"], [["verlof, vakantie; zomer"]], "tab"),
        ("term\nverlof\n", ["term"], [["verlof"]], "comma"),
    ],
)
def test_one_column_is_split_at_a_delimiter_its_rows_do_not_hold(
    tmp_path: Path, text: str, header: list[str], rows: list[list[str]], description: str
) -> None:
    """A header without a delimiter is one column, such as a raw search log of terms: its
    rows are read with the delimiter they hold least, so a term with a comma stays whole."""
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    table = open_table(path)
    assert (table.header, list(table.rows)) == (header, rows)
    assert how_read_text(table.how, "en") == f"CSV, UTF-8, {description}-separated"


@pytest.mark.parametrize(
    ("sheet", "header", "rows", "description"),
    [
        (  # a title, a blank row, a note, then the header: the rows keep Excel's numbers
            [["Top queries"], [], ["Intranet, May 2026"], ["Query", "Count"], ["verlof", 3]],
            ["Query", "Count"],
            [(5, ["verlof", "3"])],
            "XLSX, sheet 'Sheet', header below 2 rows of notes",
        ),
        (  # one column all the way: its first row is the header, and every row is data
            [["Query"], ["verlof"], [], ["nieuws"]],
            ["Query"],
            [(2, ["verlof"]), (3, []), (4, ["nieuws"])],
            "XLSX, sheet 'Sheet'",
        ),
        (  # a row of several cells too far down is data under a one-column header
            [["Query"], *([f"t{i}"] for i in range(10)), ["a", "b"]],
            ["Query", ""],  # as wide as the sheet
            [*((i + 2, [f"t{i}"]) for i in range(10)), (12, ["a", "b"])],
            "XLSX, sheet 'Sheet'",
        ),
    ],
    ids=["title", "one-column", "far"],
)
def test_a_title_above_a_workbook_s_header_is_read_past(
    tmp_path: Path,
    sheet: list[list[object]],
    header: list[str],
    rows: list[tuple[int, list[str]]],
    description: str,
) -> None:
    book = Workbook()
    active = book.active
    assert active is not None
    for row in sheet:
        active.append(row)
    book.save(tmp_path / "export.xlsx")
    table = open_table(tmp_path / "export.xlsx")
    assert table.header == header and how_read_text(table.how, "en") == description
    read = [(table.line(), [c for c in row if c]) for row in table.rows]
    assert read == rows


def test_a_header_that_starts_with_a_hash_is_the_header(tmp_path: Path) -> None:
    """Only ``#`` alone or before a space, ``#`` or ``-`` makes a line of notes: a first
    column headed ``#`` (a row number) or ``#searches`` is the header's."""
    for header in ("#,Search term", "#searches,Search term"):
        path = tmp_path / "export.csv"
        path.write_text(f"# notes\n{header}\n1,leave\n", encoding="utf-8")
        table = open_table(path)
        assert (table.header, list(table.rows)) == (header.split(","), [["1", "leave"]])


def test_commas_inside_quoted_headings_do_not_make_the_delimiter(tmp_path: Path) -> None:
    """Dutch Excel's semicolons, with headings that hold more commas than the header has
    semicolons: the commas are inside quotes, so they do not count."""
    path = tmp_path / "export.csv"
    path.write_text('"Functie, rol";"Taken, kies er vijf, of minder"\nbalie;Verlof\n')
    table = open_table(path)
    assert how_read_text(table.how, "en") == "CSV, UTF-8, semicolon-separated"
    assert (table.header, list(table.rows)) == (
        ["Functie, rol", "Taken, kies er vijf, of minder"],
        [["balie", "Verlof"]],
    )


def test_a_header_that_cannot_be_read_is_reported_below_the_notes(tmp_path: Path) -> None:
    """A quote left open in a header under three lines of notes runs into the next line,
    which is longer than the csv module takes: reported on that line, the notes counted."""
    path = tmp_path / "export.csv"
    path.write_text(
        '# Account: x\n# Property: y\n\nSearch term;"Searches\n' + "a" * 140_000 + "\nleave;3\n"
    )
    with pytest.raises(InvalidStudyError) as raised:
        open_table(path)
    [problem] = raised.value.problems
    assert problem.location.line == 5
    assert problem.message.startswith("cannot read the file here: field larger than field limit")


@pytest.mark.parametrize(
    ("cell", "parts", "unmatched"),
    [
        ("Book leave", [0], []),
        ("Book leave, Claim expenses", [0, 2], []),
        ("Find a colleague, by name or expertise, Book leave", [1, 0], []),
        ("book leave ,  Find a colleague, by name or expertise", [0, 1], []),
        ("Book leave, Fly to the moon", [0], ["Fly to the moon"]),
        ("Find a colleague", [], ["Find a colleague"]),
        ("Fly, to the moon, Book leave", [0], ["Fly, to the moon"]),
        ("Book leave, Fly to the moon, Claim expenses", [0, 2], ["Fly to the moon"]),
        ("Fly, Book leave, to the moon", [], ["Fly, Book leave, to the moon"]),
    ],
)
def test_google_forms_splitting(
    study: Study, cell: str, parts: list[int], unmatched: list[str]
) -> None:
    """What matches no task runs on to where the rest of the cell is all tasks, or to its
    end: its pieces may hold ', ' themselves."""
    labels = Labels(load_mapping(SURVEY_FIXTURES / "mappings" / "google-forms.yaml", study))
    assert slow_split(cell, ", ", labels) == (parts, unmatched)


def test_microsoft_forms_splitting_matches_past_a_piece_that_matches_no_task(
    study: Study,
) -> None:
    labels = Labels(load_mapping(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", study))
    cell = "book leave;Fly to the moon;Claim expenses;Swim;"
    assert slow_split(cell, ";", labels) == ([0, 2], ["Fly to the moon", "Swim"])


def test_an_answer_to_other_that_holds_semicolons_is_quoted_whole(
    study: Study, tmp_path: Path
) -> None:
    """Microsoft Forms splits the text at its semicolons like the choices; without an
    'Other' option, each of its pieces is a choice no task has."""
    export = _write(
        tmp_path,
        "f.csv",
        f"ID,{HEADER.split(',', 1)[1]}"
        "1,Front desk / reception,Book leave;Coffee; tea; and cake;Claim expenses;\n",
    )
    mapping_text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    mapping_path = _write(
        tmp_path, "other.yaml", mapping_text.replace("choices:\n", "choices:\n  other: true\n")
    )
    result = import_survey(load_mapping(mapping_path, study), export)
    assert {t: n for t, n in result.tally.votes["desk"].items() if n} == {"leave": 1, "expense": 1}
    assert _placed(result.warnings) == [
        (2, 3, "'Coffee;tea;and cake' matches no task: left out as an answer to 'Other'")
    ]
    assert result.warnings[0].hint == (
        "if it is a task of the list, add it to the tasks in the mapping with this label"
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", export)
    assert _placed(raised.value.problems) == [
        (2, 3, "unknown choices 'Coffee', 'tea' and 'and cake'")
    ]


def test_only_microsoft_forms_ends_a_group_answer_with_a_semicolon(
    study: Study, tmp_path: Path
) -> None:
    """A Microsoft Forms question that takes several answers ends even one with ';': its
    'Front desk / reception;' is the desk's answer. In a Google Forms export the ';' is
    part of the answer, which no group has."""
    forms = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_text(encoding="utf-8-sig")
    ended = _write(
        tmp_path, "ms.csv", forms.replace(",Front desk / reception,", ",Front desk / reception;,")
    )
    assert {g: dict(v) for g, v in _import(study, "ms-forms", ended).tally.votes.items()} == (
        EXPECTED_VOTES
    )
    google = (SURVEY_FIXTURES / "exports" / "google-forms.csv").read_text(encoding="utf-8")
    one = _write(
        tmp_path,
        "g.csv",
        google.replace(",Front desk / reception,", ",Front desk / reception;,", 1),
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", one)
    assert _placed(raised.value.problems) == [
        (2, 2, "unknown group answer 'Front desk / reception;'")
    ]


def _write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _placed(problems: Iterable[Problem]) -> list[tuple[int | None, int | None, str]]:
    """Each problem (of an import's warnings or errors) as its line, column and message."""
    return [(p.location.line, p.location.column, p.message) for p in problems]


HEADER = "Timestamp,What is your role?,Which tasks do you do most often? Choose at most five.\n"


_OTHER_EXPORTS = {
    "ms-forms": (
        f'ID,{HEADER.split(",", 1)[1]}1,Front desk / reception,"Book leave;Parking, and bikes;"\n'
        "2,Field staff,Call me at 06-12345678;\n3,Front desk / reception,Claim expenses;\n",
        [2, 3],
    ),
    "google-forms": (
        HEADER + 't1,Front desk / reception,"Book leave, Parking, and bikes"\n'
        "t2,Field staff,Call me at 06-12345678\nt3,Front desk / reception,Claim expenses\n",
        [2, 3],
    ),
    "long": (
        "respondent;group;task\nr1;desk;Book leave\nr1;desk;Parking, and bikes\n"
        "r2;field;Call me at 06-12345678\nr3;desk;Claim expenses\n",
        [3, 4],
    ),
}


@pytest.mark.parametrize("layout", list(_OTHER_EXPORTS))
def test_answers_to_other_are_left_out_when_the_mapping_says_the_question_has_other(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Desk r1 chose a task and wrote an 'Other' text; field r2 wrote one only; desk r3
    chose a task. Without ``other`` such texts are unknown choices, which stop the import."""
    text, (first, second) = _OTHER_EXPORTS[layout]
    export = _write(tmp_path, f"{layout}.csv", text)
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, export)
    unknown = "cannot match '{}' to a task" if layout == "google-forms" else "unknown choice '{}'"
    assert _placed(raised.value.problems) == [
        (first, 3, unknown.format("Parking, and bikes")),
        (second, 3, unknown.format("Call me at [phone]")),
    ]
    mapping_text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text(encoding="utf-8")
    mapping_path = _write(
        tmp_path, "other.yaml", mapping_text.replace("choices:\n", "choices:\n  other: true\n")
    )
    result = import_survey(load_mapping(mapping_path, study), export)
    assert result.tally.respondents == {"desk": 2}
    assert {t: n for t, n in result.tally.votes["desk"].items() if n} == {"leave": 1, "expense": 1}
    left_out = "matches no task: left out as an answer to 'Other'"
    assert _placed(result.warnings) == [
        (first, 3, f"'Parking, and bikes' {left_out}"),
        (second, 3, f"'Call me at [phone]' {left_out}"),
        (second, 3, "no task chosen: respondent left out"),
    ]


_TYPED_GROUPS = (
    "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
    "1,Front desk / reception,Book leave;\n2,Intern,Claim expenses;\n"
    "3,Jan de Vries (facilities),Book leave;\n4,intern ,Book leave;Claim expenses;\n"
)


def test_group_answers_typed_for_other_count_outside_the_groups_when_the_mapping_says_so(
    study: Study, tmp_path: Path
) -> None:
    """Rows 3 and 5 typed 'Intern' for 'Other' (in two spellings), row 4 a name. Without
    ``group.other`` each is an unknown answer, whose hint says how to take them; with it,
    they count outside the groups, with a warning per text and the rows it is on."""
    export = _write(tmp_path, "typed.csv", _TYPED_GROUPS)
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", export)
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [
        (
            3,
            "unknown group answer 'Intern' (also on row 5)",
            'add it under group.values in the mapping with a group id (or ~): "Intern": …; '
            "or, if respondents typed it for 'Other', write other: true under group",
        ),
        (
            4,
            "unknown group answer '[name] (facilities)'",
            "it holds personal data, so a respondent typed it: if for 'Other', write other: "
            "true under group in the mapping",
        ),
    ]
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    result = import_survey(load_mapping(_write(tmp_path, "typed.yaml", typed), study), export)
    assert result.tally.respondents == {"desk": 1, "~": 3}
    assert result.tally.votes["~"] == {t: 0 for t in result.tally.tasks} | {
        "leave": 2,
        "expense": 2,
    }
    outside = "is none of group.values: counted outside the target groups, as an answer to 'Other'"
    assert [(p.location.line, p.message, p.hint) for p in result.warnings] == [
        (
            3,
            f"group answer 'Intern' {outside} (also on row 5)",
            "if it names a target group, add it under group.values in the mapping with the "
            'group\'s id: "Intern": …',
        ),
        (
            4,
            f"group answer '[name] (facilities)' {outside}",
            "it holds personal data, so it is left outside the groups, as it is",
        ),
    ]
    with pytest.raises(InvalidStudyError):
        import_survey(load_mapping(tmp_path / "typed.yaml", study), export, strict=True)


_ROLE_AND_TASKS = "What is your role?,Which tasks do you do most often? Choose at most five."
_VAN_DIJK = name_words(["Van Dijk Installatietechniek"])
"""The words of an organisation named after a family (:attr:`Study.own_names`)."""


@pytest.mark.parametrize(
    ("layout", "export", "unknown_choice"),
    [
        (
            "ms-forms",
            f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;News of Van Dijk;\n"
            "2,Front desk / reception,Book leave;Ask Van Dijk or Jansen;\n"
            "3,Works at Van Dijk,Book leave;\n",
            "unknown choice '{}'",
        ),
        (
            "google-forms",
            f"Timestamp,{_ROLE_AND_TASKS}\n"
            't1,Front desk / reception,"Book leave, News of Van Dijk"\n'
            't2,Front desk / reception,"Book leave, Ask Van Dijk or Jansen"\n'
            "t3,Works at Van Dijk,Book leave\n",
            "cannot match '{}' to a task",
        ),
        (
            "long",
            "respondent,group,task\nr0,desk,Book leave\nr1,desk,News of Van Dijk\n"
            "r2,desk,Ask Van Dijk or Jansen\nr3,Works at Van Dijk,Book leave\n",
            "unknown choice '{}'",
        ),
    ],
)
def test_problems_quote_the_organisation_s_own_name_and_scrub_a_person_s(
    study: Study, tmp_path: Path, layout: str, export: str, unknown_choice: str
) -> None:
    """An organisation named after a family ("Van Dijk Installatietechniek") is named in
    the answers: a message that quotes them shows its name, and a person's beside it
    ("Jansen") as a label. Without the study's own names, all are labels."""
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{layout}.yaml", study)
    path = _write(tmp_path, "e.csv", export)
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(mapping, path, own_names=_VAN_DIJK)
    first = raised.value.problems[0].location.line or 0
    assert [(p.location.line, p.message) for p in raised.value.problems] == [
        (first, unknown_choice.format("News of Van Dijk")),
        (first + 1, unknown_choice.format("Ask Van Dijk or [name]")),
        (first + 2, "unknown group answer 'Works at Van Dijk'"),
    ]
    assert raised.value.problems[2].hint.startswith(
        'add it under group.values in the mapping with a group id (or ~): "Works at Van Dijk"'
    )
    with pytest.raises(InvalidStudyError) as unkept:
        import_survey(mapping, path)
    assert [p.message for p in unkept.value.problems] == [
        unknown_choice.format("News of [name]"),
        unknown_choice.format("Ask [name] or [name]"),
        "unknown group answer 'Works at [name]'",
    ]
    assert unkept.value.problems[2].hint.startswith("it holds personal data")


def test_every_message_that_quotes_an_export_keeps_the_organisation_s_name(
    study: Study, tmp_path: Path
) -> None:
    """Each way a problem quotes an export's text: several unknown choices of one cell,
    the tasks they look like, a LimeSurvey task column's value, a respondent's group that
    changes, an answer to 'Other', a group answer typed for it, the group answers a
    respondent chose together, and the answers the mapping counts outside the groups."""

    def problems(layout: str, text: str, mapping_text: str | None = None) -> list[Problem]:
        mapping_file = SURVEY_FIXTURES / "mappings" / f"{layout}.yaml"
        if mapping_text is not None:
            mapping_file = _write(tmp_path, "m.yaml", mapping_text)
        export = _write(tmp_path, "e.csv", text)
        try:
            result = import_survey(load_mapping(mapping_file, study), export, own_names=_VAN_DIJK)
        except InvalidStudyError as error:
            return list(error.problems)
        return list(result.warnings)

    joined = problems(
        "ms-forms",
        f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;News of Van Dijk;Ask Jansen;\n"
        '2,Front desk / reception,"Book leeve;Find a colleague at Van Dijk, by name or '
        'expertise;"\n',
    )
    assert [p.message for p in joined] == [
        "unknown choices 'News of Van Dijk' and 'Ask [name]'",
        "unknown choices 'Book leeve' and 'Find a colleague at Van Dijk, by name or expertise'",
    ]
    assert joined[1].hint == (
        "did you mean 'Book leave' for 'Book leeve' and 'Find a colleague, by name or "
        "expertise' for 'Find a colleague at Van Dijk, by name or expertise'?"
    )
    columns = ",".join(f"G02Q02[SQ00{i}]" for i in range(1, 7))
    [value] = problems("limesurvey", f"id,G01Q01,{columns}\n1,AO01,Y,at Van Dijk,,,,\n")
    assert value.message == "unexpected value 'at Van Dijk' in a task column"
    [changed] = problems(
        "long", "respondent,group,task\nr1,desk,Book leave\nr1,at Van Dijk,Claim expenses\n"
    )
    assert changed.message == "this respondent's group was 'desk' on line 2, here 'at Van Dijk'"
    mapping = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = mapping.replace("\nchoices:\n", "\n  other: true\nchoices:\n  other: true\n")
    assert [p.message for p in problems("ms-forms", _OTHERS_NAMING_VAN_DIJK, typed)] == [
        "'Coffee with Van Dijk' matches no task: left out as an answer to 'Other'",
        "group answer 'Van Dijk staff' is none of group.values: counted outside the target "
        "groups, as an answer to 'Other'",
    ]
    both = mapping.replace("Other: ~}", "Other: ~, Works at Van Dijk: office}")
    [several] = problems("ms-forms", _TWO_GROUPS_NAMING_VAN_DIJK, both)
    assert several.hint.startswith("'Field staff' and 'Works at Van Dijk' chosen together")
    outside = mapping.replace("Other: ~}", "Other: ~, Works at Van Dijk: ~}")
    [nobody] = problems(
        "ms-forms", f"ID,{_ROLE_AND_TASKS}\n1,Works at Van Dijk,Book leave;\n", outside
    )
    assert nobody.message.endswith("as outside the groups ('Other', 'Works at Van Dijk')")


_TWO_GROUPS_NAMING_VAN_DIJK = (
    f"ID,{_ROLE_AND_TASKS}\n1,Field staff;Works at Van Dijk;,Book leave;\n"
)
_OTHERS_NAMING_VAN_DIJK = (
    f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;Coffee with Van Dijk;\n"
    "2,Van Dijk staff,Book leave;\n"
)


@pytest.mark.parametrize(
    ("layout", "cell"),
    [
        ("ms-forms", "Front desk / reception;Field staff;"),
        ("google-forms", '"Front desk / reception, Field staff"'),
    ],
)
def test_a_group_cell_of_several_answers_is_told_as_such(
    study: Study, tmp_path: Path, layout: str, cell: str
) -> None:
    """A group question that let respondents choose more than one: the cell joins known
    answers as the tool joins choices."""
    choices = "Book leave;" if layout == "ms-forms" else "Book leave"
    respondent = "ID" if layout == "ms-forms" else "Timestamp"
    export = _write(
        tmp_path,
        "several.csv",
        f"{respondent},What is your role?,Which tasks do you do most often? Choose at most five.\n"
        f"1,{cell},{choices}\n2,Field staff,{choices}\n",
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, export)
    [problem] = raised.value.problems
    joined = cell.strip('"')
    assert problem.hint == (
        "'Front desk / reception' and 'Field staff' chosen together, but a respondent counts "
        "for one group: give the combination a group id (or ~) under group.values in the "
        f'mapping: "{joined}": …; and let the question take one answer when it is asked again'
    )


def test_several_group_answers_are_told_as_such_where_the_question_has_other_too(
    study: Study, tmp_path: Path
) -> None:
    """With ``group.other``, a cell of two known answers counts outside the groups like a
    typed text, but its warning says what it is."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    export = _write(
        tmp_path,
        "both.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Front desk / reception;Field staff;,Book leave;\n2,Field staff,Book leave;\n",
    )
    result = import_survey(load_mapping(_write(tmp_path, "t.yaml", typed), study), export)
    [warning] = result.warnings
    assert warning.hint.startswith("'Front desk / reception' and 'Field staff' chosen together")


def test_one_group_answer_of_a_question_that_takes_several_counts(
    study: Study, tmp_path: Path
) -> None:
    """Microsoft Forms ends the answers of a question that takes several with ';', one
    answer too: that one is the answer."""
    export = _write(
        tmp_path,
        "one.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Field staff;,Book leave;\n2,Field staff ; ,Claim expenses;\n",
    )
    assert _import(study, "ms-forms", export).tally.respondents == {"field": 2}


def test_several_group_answers_are_found_longest_first(study: Study, tmp_path: Path) -> None:
    """'Field staff, drivers' is an answer of its own: taken whole, not as 'Field staff'
    followed by an unknown 'drivers'."""
    text = (SURVEY_FIXTURES / "mappings" / "google-forms.yaml").read_text(encoding="utf-8")
    mapping = _write(
        tmp_path,
        "m.yaml",
        text.replace("Field staff: field,", 'Field staff: field, "Field staff, drivers": field,'),
    )
    export = _write(
        tmp_path,
        "g.csv",
        "Timestamp,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        't1,"Field staff, drivers, Office staff",Book leave\nt2,"Office staff,",Book leave\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(load_mapping(mapping, study), export)
    several, one = raised.value.problems
    assert several.hint.startswith("'Field staff, drivers' and 'Office staff' chosen together")
    assert one.hint == "did you mean 'Office staff'?"  # one answer is not several


def test_a_limesurvey_export_s_unknown_group_answer_is_not_said_to_be_typed(
    study: Study, tmp_path: Path
) -> None:
    """LimeSurvey writes a text typed for 'Other' in a column of its own: an answer in the
    group column is an option's, to add."""
    text = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text(encoding="utf-8")
    export = _write(tmp_path, "l.csv", text.replace('"AO01"', '"Intern"', 1))
    mapping = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text(encoding="utf-8")
    full = _write(tmp_path, "l.yaml", mapping.replace("AO04: ~}", "AO04: ~, Other: ~}"))
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(load_mapping(full, study), export)
    assert [p.hint for p in raised.value.problems] == [
        'add it under group.values in the mapping with a group id (or ~): "Intern": …'
    ]


def test_a_typed_group_answer_alike_a_known_one_is_pointed_at(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    export = _write(tmp_path, "e.csv", _TYPED_GROUPS.replace("Intern", "Field stafff"))
    result = import_survey(load_mapping(_write(tmp_path, "t.yaml", typed), study), export)
    assert result.warnings[0].hint == "did you mean 'Field staff'?"


@pytest.mark.parametrize(
    ("layout", "cells", "hint"),
    [
        (
            "ms-forms",
            '"Book leave, Claim expenses"',
            "the choices are joined with ',', as Google Forms writes them: set layout: "
            "google-forms in the mapping",
        ),
        (
            "google-forms",
            "Book leave;Claim expenses;",
            "the choices are joined with ';', as Microsoft Forms writes them: set layout: "
            "ms-forms in the mapping",
        ),
    ],
)
def test_choices_joined_as_the_other_forms_tool_joins_them_name_the_layout(
    study: Study, tmp_path: Path, layout: str, cells: str, hint: str
) -> None:
    """A wrong layout makes every row an unknown choice: the hint says which is right.
    Choices that are mostly tasks are taken for that, since a respondent's answer to
    'Other' is among them in many rows; choices mostly no task are not."""
    first = f"ID,{HEADER.split(',', 1)[1]}" if layout == "ms-forms" else HEADER
    joined = ", " if layout == "ms-forms" else ";"
    with_other = cells.replace("Claim expenses", f"Claim expenses{joined}Fly to the moon")
    half = cells.replace("Claim expenses", "Fly to the moon")
    alone = '"Book leave"' if layout == "ms-forms" else "Book leave;"  # as the tool writes it
    mostly_not = with_other.replace("Book leave", "Walk the dog")
    rows = [cells, with_other, half, alone, mostly_not]
    export = _write(
        tmp_path, "f.csv", first + "".join(f"{n},Field staff,{c}\n" for n, c in enumerate(rows))
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, export)
    told = [(p.location.line, p.location.column, p.hint) for p in raised.value.problems]
    assert told[:3] == [(2, 3, hint), (3, 3, hint), (4, 3, hint)]
    if layout == "google-forms":  # one choice that Microsoft Forms ends with its ';'
        assert told[3] == (5, 3, hint)
    assert told[-1][:2] == (6, 3) and "joined with" not in told[-1][2]


def test_unknown_choice_and_group_are_errors_with_row_and_column(
    study: Study, tmp_path: Path
) -> None:
    export = _write(
        tmp_path,
        "g.csv",
        HEADER
        + "t1,Field staff,Book leave\n"
        + 't2,Field staff,"Book leave, Fly to the moon"\n'
        + "t3,Astronaut,Book leave\n"
        + "t4,Cosmonaut,Fly to the moon\n",  # both: neither waits for the next import
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    shown = [p.format().replace(f"{tmp_path}/", "") for p in raised.value.problems]
    assert shown == [  # a choice on two rows is told once: one fix mends both
        "g.csv:3:3: cannot match 'Fly to the moon' to a task (also on row 5)",
        "g.csv:4:2: unknown group answer 'Astronaut'",
        "g.csv:5:2: unknown group answer 'Cosmonaut'",
    ]
    assert [p.repeats for p in raised.value.problems] == [2, 1, 1]


@pytest.mark.parametrize(
    ("layout", "joined"),
    [
        ("ms-forms", "Book\u00a0leave;Claim  expenses;"),
        ("google-forms", "Book\u00a0leave, Claim  expenses"),
    ],
)
def test_answers_and_labels_match_with_any_spacing_and_no_control_character(
    study: Study, tmp_path: Path, layout: str, joined: str
) -> None:
    """Excel and the form tools may write a no-break space, or two spaces, where the
    mapping has one, or keep a zero-width space pasted into an option, and a Mac may write
    é as e and an accent; a control character is no part of an answer. Another answer that
    differs only in what one cannot see is named with it in the problem."""
    rows = (
        f't1,Field\u00a0staff,"{joined}"\nt2,Field staff\x07,Book leave\n'
        "t3,Field\u200b staff,Book lea\u00adve\n"
        "t4,field staff,See the cafe\u0301 menu\n"
    )
    header = HEADER.replace("Timestamp", "ID") if layout == "ms-forms" else HEADER
    result = _import(study, layout, _write(tmp_path, "x.csv", header + rows))
    assert dict(result.tally.respondents) == {"field": 4}
    votes = {t: n for t, n in result.tally.votes["field"].items() if n}
    assert votes == {"leave": 3, "expense": 1, "cafe": 1}
    export = _write(tmp_path, "y.csv", header + rows + "t5,Fie\u00a0ld staff,Book leave\n")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, export)
    [problem] = raised.value.problems
    assert problem.format().endswith("y.csv:6:2: unknown group answer 'Fie<U+00A0>ld staff'")
    assert problem.hint == "did you mean 'Field staff'?"


def test_a_curly_quote_or_a_dash_from_word_matches_the_mapping_s_plain_one(
    study: Study, tmp_path: Path
) -> None:
    """An option written in Word and pasted into the form tool has Word's curly quote and
    dash (and a mapping typed from the form, the keyboard's): they count as one task."""
    plain = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    plain = plain.replace("label: Book leave", "label: Book a day's leave - or more")
    mapping = _write(
        tmp_path, "mapping.yaml", plain.replace("See the café menu", "See the menu...")
    )
    export = _write(
        tmp_path,
        "x.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Field staff,Book a day\u2019s leave \u2013 or more;See the menu\u2026;\n"
        "2,Field staff,Book a day's leave - or more;\n",
    )
    result = import_survey(load_mapping(mapping, study), export)
    votes = {t: n for t, n in result.tally.votes["field"].items() if n}
    assert votes == {"leave": 2, "cafe": 1}


LEAVE_ALSO = (
    "'Book leave'? Or, if the survey showed both (an option edited while it ran), add this "
    "text under that task's also: in the mapping"
)
"""The hint for a text like the label 'Book leave': a slip, or a second text of the task."""


def test_hints_name_the_label_and_answer_as_written(study: Study, tmp_path: Path) -> None:
    export = _write(
        tmp_path,
        "g.csv",
        HEADER
        + "t1,Field staf,Book leave\n"
        + "t2,Field staff,Book leaves\n"
        + "t3,FIELD STAFS,Book leave\n"  # in capitals too, as an export may have it
        + "t4,Field staff,BOOK LEAVEZ\n"
        + "t5,FIELD STAF,BOOK LEAVES\n",  # as above but for case: the same problems
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        ("unknown group answer 'Field staf' (also on row 6)", "did you mean 'Field staff'?"),
        ("cannot match 'Book leaves' to a task (also on row 6)", f"did you mean {LEAVE_ALSO}"),
        ("unknown group answer 'FIELD STAFS'", "did you mean 'Field staff'?"),
        ("cannot match 'BOOK LEAVEZ' to a task", f"did you mean {LEAVE_ALSO}"),
    ]


def test_warnings_leave_respondents_out_and_strict_makes_them_errors(
    study: Study, tmp_path: Path
) -> None:
    six = (
        "Book leave, Claim expenses, Report a broken printer, See the café menu, "
        "Plan a meeting with lunch and projector, Find a colleague, by name or expertise"
    )
    export = _write(
        tmp_path,
        "g.csv",
        HEADER
        + "t1,Field staff,Book leave\n"
        + ",,\n"
        + f't3,Office staff,"{six}"\n'
        + "t4,Office staff,\n"
        + "t5,,Book leave\n",
    )
    result = _import(study, "google-forms", export)
    shown = _placed(result.warnings)
    assert shown == [
        (3, 1, "empty row left out"),
        (4, 3, "6 tasks chosen, more than the 5 allowed: respondent left out"),
        (5, 3, "no task chosen: respondent left out"),
        (6, 2, "no group given: respondent left out"),
    ]
    assert all(p.severity is Severity.WARNING for p in result.warnings)
    assert dict(result.tally.respondents) == {"field": 1}
    assert dict(result.tally.skipped) == {
        "too many choices": 1,
        "no task chosen": 1,
        "no group answer": 1,
    }
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export, strict=True)
    assert len(raised.value.errors) == 4


@pytest.mark.parametrize(
    ("layout", "interleaved"),
    [("ms-forms", False), ("long", False), ("long", True), ("limesurvey", False)],
    ids=["ms-forms", "long", "long-interleaved", "limesurvey"],
)
def test_rows_wider_than_the_header(
    study: Study, tmp_path: Path, layout: str, interleaved: bool
) -> None:
    """Shifted values are an error at the first cell past the header, even when the cell
    pushed out is empty; short rows are padded. A long export whose respondents' rows
    stand apart is read another way: the same holds."""
    header, *rows = _rows(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
    if interleaved:  # a row of r11, who chose three tasks, first: their rows stand apart
        rows.insert(0, rows.pop(-2))
    width = len(header)
    rows[0] = rows[0][: width - 1] if rows[0][-1] == "" else rows[0]  # short: padded
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    result = _import(study, layout, path)
    assert result.warnings == ()
    assert sum(result.tally.respondents.values()) == 12
    rows[2] = [*rows[2][:1], "Office", " staff", *rows[2][2:]]  # "Office, staff" unquoted
    rows[5] = [*rows[5], ""]  # and a row further on: each is told, the reading goes on
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, path)
    problem, further = raised.value.problems
    assert (further.location.line, further.location.column) == (7, width + 1)
    assert (problem.location.line, problem.location.column) == (4, width + 1)
    assert problem.message == (
        f"this row has {width + 1} cells but the header has {width}: its values have shifted"
    )
    assert problem.hint == (
        "a value that contains the delimiter must be in double quotes; "
        "check this line in a text editor"
    )


def test_a_quote_left_open_is_reported_where_it_opens(study: Study, tmp_path: Path) -> None:
    """A value that starts with a double quote and does not end with one runs its line and
    the next into one row. That row was reported at its end, as shifted values, with the
    hint to add quotes: the quote to remove is at the start. (The forms and long layouts:
    :func:`test_a_quote_left_open_in_any_cell_is_reported_where_it_opens`.)"""
    header, *rows = _rows(SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    lines = io.StringIO()
    csv.writer(lines, lineterminator="\n").writerows([header, *rows[:2]])
    broken = rows[2][:]
    broken[1] = '"' + broken[1]  # line 4, column 2: opened, never closed
    lines.write(",".join(broken) + "\n")
    csv.writer(lines, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows[3:])
    path = _write(tmp_path, "export.csv", lines.getvalue())
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "limesurvey", path)
    [problem] = raised.value.problems  # told once, not also as the shifted values it makes
    assert (problem.location.line, problem.location.column) == (4, 2)
    assert problem.message == (
        "a double quote that starts a value here runs on to line 5: lines 4-5 read as one row"
    )
    assert (
        problem.hint
        == "end the value with a double quote on line 4, or remove the quote that starts it"
    )


_GROUP_AND_CHOICES = {
    "ms-forms": ("What is your role?", "Which tasks do you do most often? Choose at most five."),
    "google-forms": (
        "What is your role?",
        "Which tasks do you do most often? Choose at most five.",
    ),
    "long": ("group", "task"),
}


@pytest.mark.parametrize("closed", [True, False], ids=["closed-later", "never-closed"])
@pytest.mark.parametrize("opened_in", [0, 1], ids=["group", "choices"])
@pytest.mark.parametrize("layout", list(_GROUP_AND_CHOICES))
def test_a_quote_left_open_in_any_cell_is_reported_where_it_opens(
    study: Study, tmp_path: Path, layout: str, opened_in: int, closed: bool
) -> None:
    """Wherever the quote opens and whether or not a later one closes it, the run-on row
    is reported at the quote: not as an unknown choice or group answer at the last line
    (with the lines below in its text), nor as shifted values."""
    header, *rows = _rows(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
    column = header.index(_GROUP_AND_CHOICES[layout][opened_in])
    delimiter = ";" if layout == "long" else ","
    below = [[cell.replace(delimiter, " ") for cell in row] for row in rows[3:]]
    lines = io.StringIO()
    csv.writer(lines, delimiter=delimiter, lineterminator="\n").writerows([header, *rows[:2]])
    broken = [cell.replace(delimiter, " ") for cell in rows[2]]
    broken[column] = '"' + broken[column]
    lines.write(delimiter.join(broken) + "\n")
    if closed:  # the next line's first quote closes it
        csv.writer(
            lines, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n"
        ).writerows(below)
    else:  # no quote below: it takes the rest of the file
        lines.writelines(delimiter.join(row) + "\n" for row in below)
    path = _write(tmp_path, "export.csv", lines.getvalue())
    last = 5 if closed else len(rows) + 1
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, path)
    problem = raised.value.problems[0]
    assert (problem.location.line, problem.location.column) == (4, column + 1)
    assert problem.message == (
        f"a double quote that starts a value here runs on to line {last}: lines 4-{last} read "
        "as one row"
    )


@pytest.mark.parametrize("layout", ["google-forms", "long"])
@pytest.mark.parametrize("count", [MAX_PER_KIND, MAX_PER_KIND + 1, 50])
def test_many_bad_rows_are_summarised(
    study: Study, tmp_path: Path, count: int, layout: str
) -> None:
    """A different unknown choice on every row: the first ten told, the rest summed up.
    The same one on every row: told once, with the rows it is on."""
    if layout == "long":
        row = "r{i};desk;Teleport{n}\n"
        header = "respondent;group;task\n"
    else:
        row, header = "t{i},Field staff,Teleport{n}\n", HEADER
    text = header + "".join(row.format(i=i, n=f" {i}") for i in range(count))
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, _write(tmp_path, "g.csv", text))
    messages = [p.message for p in raised.value.problems]
    if count == MAX_PER_KIND:  # every one shown: nothing to sum up
        assert len(messages) == MAX_PER_KIND and "more rows" not in messages[-1]
    else:
        assert len(messages) == MAX_PER_KIND + 1
        assert messages[-1] == f"{count - MAX_PER_KIND} more rows like these: unknown choice"
        assert raised.value.problems[-1].repeats == count - MAX_PER_KIND
    same = header + "".join(row.format(i=i, n="") for i in range(count))
    with pytest.raises(InvalidStudyError) as once:
        _import(study, layout, _write(tmp_path, "same.csv", same))
    [problem] = once.value.problems
    assert (problem.location.line, problem.repeats) == (2, count)
    assert problem.message.endswith(f"(also on rows 3, 4, 5 and {count - 4} more)")


def test_a_task_chosen_twice_counts_once(study: Study, tmp_path: Path) -> None:
    export = _write(
        tmp_path,
        "m.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Field staff,Book leave;Book leave;Claim expenses;\n"
        "2,Field staff,Book leave;Book leave;\n",
    )
    result = _import(study, "ms-forms", export)
    tally = result.tally
    assert dict(tally.respondents) == {"field": 2}
    assert {t: n for t, n in tally.votes["field"].items() if n} == {"leave": 2, "expense": 1}
    twice = "'Book leave' chosen more than once by one respondent: counted once"
    assert _placed(result.warnings) == [(2, 3, twice), (3, 3, twice)]
    with pytest.raises(InvalidStudyError):
        _import(study, "ms-forms", export, strict=True)


def test_a_warning_names_three_tasks_chosen_twice_and_counts_the_rest(
    study: Study, tmp_path: Path
) -> None:
    labels = ["Book leave", "Claim expenses", "See the café menu", "Report a broken printer"]
    export = _write(
        tmp_path,
        "m.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        f"1,Field staff,{';'.join(labels * 500)};\n"
        f"2,Field staff,{';'.join(labels[:3] * 2)};\n",
    )
    result = _import(study, "ms-forms", export)
    assert [p.message for p in result.warnings] == [
        "'Book leave', 'Claim expenses', 'Report a broken printer' and 1 more task "
        "chosen more than once by one respondent: counted once",
        "'Book leave', 'Claim expenses', 'See the café menu' "
        "chosen more than once by one respondent: counted once",
    ]
    assert dict(result.tally.respondents) == {"field": 2}


@pytest.mark.parametrize("order", ["grouped", "interleaved"])
def test_a_long_row_given_twice_counts_once_with_a_warning(
    study: Study, tmp_path: Path, order: str
) -> None:
    rows = ["r1;field;Book leave", "r1;field;Claim expenses", "r1;field;Book leave"]
    rows += ["r2;desk;Book leave", "r2;desk;See the café menu", "r2;desk;See the café menu"]
    if order == "interleaved":
        rows = [rows[0], rows[3], rows[1], rows[4], rows[2], rows[5]]
    export = _write(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    result = _import(study, "long", export)
    tally = result.tally
    assert {t: n for t, n in tally.votes["field"].items() if n} == {"leave": 1, "expense": 1}
    assert {t: n for t, n in tally.votes["desk"].items() if n} == {"leave": 1, "cafe": 1}
    whose = "by the respondent whose first row this is: counted once"
    second = 5 if order == "grouped" else 3
    assert _placed(result.warnings) == [  # told once, with the other respondent's row
        (2, 3, f"'Book leave' chosen more than once {whose} (also on row {second})"),
    ]


@pytest.mark.parametrize("order", ["grouped", "interleaved"])
def test_a_long_respondent_with_too_many_tasks_is_told_at_their_first_row(
    study: Study, tmp_path: Path, order: str
) -> None:
    tasks = ["Book leave", "Claim expenses", "See the café menu", "Report a broken printer"]
    tasks += ["Plan a meeting with lunch and projector", "Find a colleague, by name or expertise"]
    rows = ["r1;desk;Book leave", *(f"r2;field;{task}" for task in tasks)]
    if order == "interleaved":
        rows = [rows[1], rows[0], *rows[2:]]
    export = _write(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    result = _import(study, "long", export)
    assert dict(result.tally.respondents) == {"desk": 1}
    first = 3 if order == "grouped" else 2
    assert _placed(result.warnings) == [
        (
            first,
            3,
            "6 tasks chosen by the respondent whose first row this is, more than the 5 "
            "allowed: respondent left out",
        )
    ]


def test_missing_column_is_reported_at_the_header(study: Study, tmp_path: Path) -> None:
    export = _write(
        tmp_path, "g.csv", "Timestamp,What is your rol?,Tasks\nt1,Field staff,Book leave\n"
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    first = raised.value.problems[0]
    assert (first.location.line, first.message) == (
        1,
        "no column 'What is your role?' (the respondent's group) in the header",
    )
    assert first.hint == "did you mean 'What is your rol?'?"


def test_limesurvey_unexpected_value(study: Study, tmp_path: Path) -> None:
    text = (
        (SURVEY_FIXTURES / "exports" / "limesurvey.csv")
        .read_text()
        .replace('"AO01","Y","Y"', '"AO01","Y","maybe"', 1)
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "limesurvey", _write(tmp_path, "l.csv", text))
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 8)
    assert problem.message == "unexpected value 'maybe' in a task column"


def test_limesurvey_full_answers(study: Study, tmp_path: Path) -> None:
    """'Export responses' with full answers writes Yes / Not selected instead of Y / empty."""
    codes = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text()
    rows = list(csv.reader(io.StringIO(codes)))
    first_task = next(i for i, h in enumerate(rows[0]) if "[" in h)
    for row in rows[1:]:
        row[first_task:] = [{"Y": "Yes", "": "Not selected"}.get(c, c) for c in row[first_task:]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    full = _import(study, "limesurvey", _write(tmp_path, "full.csv", buffer.getvalue()))
    plain = _import(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    assert full.tally.votes == plain.tally.votes
    assert full.warnings == plain.warnings


def test_limesurvey_headings_with_question_text(study: Study, tmp_path: Path) -> None:
    """A mapping written with codes reads an export headed "Question code & question
    text" alike, and points at the same columns."""
    export = limesurvey_with_text_headings(tmp_path)
    assert '"G02Q02[SQ001]. Which tasks do you do most often? [Book leave]"' in (
        export.read_text("utf-8")
    )
    plain = _import(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    text = _import(study, "limesurvey", export)
    assert text.tally.votes == plain.tally.votes
    lines = export.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace('"AO01","Y"', '"AO01","maybe"', 1)
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "limesurvey", _write(tmp_path, "l.csv", "\n".join(lines) + "\n"))
    assert [(p.location.line, p.location.column) for p in raised.value.problems] == [(2, 7)]
    # warnings point at the group answer (6) and the first task (7) too
    lines[1] = lines[1].replace('"AO01","maybe"', '"","Y"', 1)
    lines[2] = lines[2].split('"AO01"')[0] + '"AO01"' + ',""' * 6
    warned = _import(study, "limesurvey", _write(tmp_path, "w.csv", "\n".join(lines) + "\n"))
    assert _placed(warned.warnings) == [
        (2, 6, "no group given: respondent left out"),
        (3, 7, "no task chosen: respondent left out"),
    ]


@pytest.mark.parametrize(
    ("layout", "export", "problem"),
    [
        (
            "ms-forms",
            "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
            "1,Field staff,Teleport;Book leave;\n",
            (2, 3, "unknown choice 'Teleport'"),
        ),
        (
            "long",
            "respondent,group,task\nr1,field,Book leave\nr1,field,Teleport\n",
            (3, 3, "unknown choice 'Teleport'"),
        ),
    ],
)
def test_an_unknown_choice_is_named_alone_at_its_cell(
    study: Study, tmp_path: Path, layout: str, export: str, problem: tuple[int, int, str]
) -> None:
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, _write(tmp_path, "x.csv", export))
    assert _placed(raised.value.problems) == [problem]


@pytest.mark.parametrize("order", ["grouped", "interleaved"])
def test_a_long_respondent_with_only_unknown_choices_has_the_group_checked(
    study: Study, tmp_path: Path, order: str
) -> None:
    """As in the forms layouts, a respondent left out for an unknown choice still has an
    unknown group answer named, at their first row, in the same import; a known group
    adds no "no task chosen" to the choice's error."""
    rows = ["r1;Astronaut;Teleport", "r1;Astronaut;Fly", "r2;desk;Teleport", "r3;desk;Book leave"]
    if order == "interleaved":
        rows = [rows[0], rows[2], rows[3], rows[1]]
    export = _write(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "long", export)
    fly, r2 = (3, 4) if order == "grouped" else (5, 3)  # the lines of those rows
    assert sorted(_placed(raised.value.problems)) == sorted(
        [
            (2, 2, "unknown group answer 'Astronaut'"),
            (2, 3, f"unknown choice 'Teleport' (also on row {r2})"),
            (fly, 3, "unknown choice 'Fly'"),
        ]
    )


def test_a_long_export_may_name_the_tasks_by_their_ids(study: Study, tmp_path: Path) -> None:
    """As the mapping's ids, which a script that writes the long layout may use."""
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    text = (SURVEY_FIXTURES / "exports" / "long.csv").read_text(encoding="cp1252")
    for task in sorted(mapping.tasks, key=lambda t: -len(t.label)):
        text = text.replace(f";{task.label}", f";{task.id}")
    assert "Book leave" not in text
    path = _write(tmp_path, "ids.csv", text)
    tally = import_survey(mapping, path).tally
    assert {g: dict(v) for g, v in tally.votes.items()} == EXPECTED_VOTES


def test_short_rows_of_a_long_export_in_any_order_are_padded(study: Study, tmp_path: Path) -> None:
    """A comment column that the export leaves off where it is empty, rows sorted by task
    (so read the second way): every row still counts."""
    header, *rows = _rows(SURVEY_FIXTURES / "exports" / "long.csv")
    rows.sort(key=lambda row: row[2])
    rows[0].append("first")
    path = tmp_path / "sorted.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[*header, "comment"], *rows])
    result = _import(study, "long", path)
    assert result.warnings == ()
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS


def test_limesurvey_empty_row_is_left_out(study: Study, tmp_path: Path) -> None:
    lines = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text("utf-8").splitlines()
    width = lines[0].count(",") + 1
    lines.insert(2, ",".join(['""'] * width))
    result = _import(study, "limesurvey", _write(tmp_path, "l.csv", "\n".join(lines) + "\n"))
    assert _placed(result.warnings) == [(3, 1, "empty row left out")]
    plain = _import(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    assert result.tally.votes == plain.tally.votes


@pytest.mark.parametrize(
    "rows",
    [
        ["r1,desk,Book leave", "r1,field,Claim expenses"],
        ["r1,desk,Book leave", "r2,field,Book leave", "r1,field,Claim expenses"],
    ],
    ids=["rows together", "rows apart"],
)
def test_long_layout_group_must_not_change(study: Study, tmp_path: Path, rows: list[str]) -> None:
    export = _write(tmp_path, "l.csv", "\n".join(["respondent,group,task", *rows]) + "\n")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "long", export)
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.location.column) == (len(rows) + 1, 2)
    assert (problem.message, problem.hint) == (
        "this respondent's group was 'desk' on line 2, here 'field'",
        "each respondent has one group; check the export",
    )


def test_long_layout_reads_labels_loosely_and_empty_cells_as_no_task(
    study: Study, tmp_path: Path
) -> None:
    """A label in other case and spaces is its task; an empty task cell adds nothing but
    leaves its respondent counted; a respondent with nothing but empty cells chose no task,
    and an empty row is left out."""
    export = _write(
        tmp_path,
        "l.csv",
        "respondent,group,task\n"
        "r1,desk, book LEAVE \n"
        "r1,desk,\n"
        "r2,field,Claim expenses\n"
        ",,\n"
        "r3,office,\n",
    )
    result = _import(study, "long", export)
    tally = result.tally
    assert dict(tally.respondents) == {"desk": 1, "field": 1}
    assert {g: {t: n for t, n in v.items() if n} for g, v in tally.votes.items()} == {
        "desk": {"leave": 1},
        "field": {"expense": 1},
    }
    assert _placed(result.warnings) == [
        (5, 1, "empty row left out"),
        (6, 3, "no task chosen: respondent left out"),
    ]


@pytest.mark.parametrize(
    ("layout", "header", "first"),
    [
        (
            "ms-forms",
            "ID,Role,Which tasks do you do most often? Choose at most five.",
            "'What is your role?' (the respondent's group)",
        ),
        (
            "ms-forms",
            "ID,What is your role?,Tasks",
            "'Which tasks do you do most often? Choose at most five.' (the chosen tasks)",
        ),
        ("long", "person,group,task", "'respondent' (the respondent)"),
        ("long", "respondent,role,task", "'group' (the respondent's group)"),
        (
            "limesurvey",
            '"id","G01Q01","G02Q02[SQ001]","G02Q02[SQ002]"',
            "'G02Q02[SQ003]' (task 'expense')",
        ),
    ],
)
def test_one_missing_column_is_reported_alone(
    study: Study, tmp_path: Path, layout: str, header: str, first: str
) -> None:
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, layout, _write(tmp_path, "x.csv", header + "\n1,2,3,4\n"))
    messages = [p.message for p in raised.value.problems]
    assert messages[0] == f"no column {first} in the header"
    assert all(m.startswith("no column") for m in messages)
    if layout == "limesurvey":  # each task not in the export, by its column and its id
        assert messages == [
            f"no column 'G02Q02[SQ00{i}]' (task '{task}') in the header"
            for i, task in enumerate(["expense", "printer", "meeting", "cafe"], start=3)
        ]


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        ("G02Q07", "did you mean 'G02Q07'?"),
        ("Q9", "questions with subquestions in the header: Q9X, Which tasks?"),
    ],
)
def test_a_wrong_question_code_is_one_problem_not_one_per_task(
    study: Study, tmp_path: Path, question: str, hint: str
) -> None:
    """The mapping's choices.question (G02Q02) names none of the export's columns: its code
    is what to fix, said once, with the question the header has."""
    codes = [f"SQ00{i}" for i in range(1, 7)]
    headings = [f"{question}[{code}]" for code in codes]
    if question == "Q9":  # no code near G02Q02: the hint lists the questions there are
        headings = ["Q9X[SQ001]", *(f"Which tasks? [{c}]" for c in codes[1:])]
    header = ",".join(["id", "G01Q01", *headings])
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "limesurvey", _write(tmp_path, "x.csv", header + "\n1,AO01,Y,,,,,\n"))
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.message, problem.hint) == (
        1,
        "no columns 'G02Q02[…]' (the tasks) in the header",
        hint,
    )


def test_problems_past_the_first_are_counted_in_what_they_are_about(tmp_path: Path) -> None:
    """Rows for the rows' problems, columns for missing columns."""
    problems = Problems(tmp_path / "x.csv")
    for i in range(MAX_PER_KIND + 2):
        problems.add("unknown choice", i + 2, 3, f"unknown choice {i}")
        problems.report("missing column", Problem(Location(tmp_path / "x.csv", 1), f"no {i}"))
    messages = [p.message for p in problems.all()]
    assert len(messages) == 2 * MAX_PER_KIND + 2
    assert messages[-2:] == [
        "2 more rows like these: unknown choice",
        "2 more columns like these: missing column",
    ]


@pytest.mark.parametrize("name", ["export.csv", "export.xlsx"])
def test_an_export_that_cannot_be_read_says_why_in_words(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's reason, without its errno and path; a folder given for the export:
    that it is one; a file that is not there: the file beside it most like it."""
    export = tmp_path / name
    export.write_bytes(b"")
    reader = "_workbook" if name.endswith(".xlsx") else "_csv"
    with monkeypatch.context() as patched:
        patched.setattr(f"needmap.surveys.tables.{reader}", _refused)
        with pytest.raises(InvalidStudyError) as raised:
            open_table(export)
    assert [p.message for p in raised.value.problems] == ["cannot read file: Permission denied"]
    with pytest.raises(InvalidStudyError) as raised:
        open_table(tmp_path / name.replace(".", "s."))
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == ("no such file", f"did you mean {export}?")
    export.unlink()
    export.mkdir()
    with pytest.raises(InvalidStudyError) as raised:
        open_table(export)
    [problem] = raised.value.problems
    assert (problem.location.path, problem.message) == (export, "this is a folder, not a file")


def test_the_file_meant_is_found_by_its_name_without_the_suffix(tmp_path: Path) -> None:
    """Any two CSV files share '.csv': compared whole, 'a.csv' looked like 'gone.csv'."""
    from needmap.personas.messages import nearest_file

    for name in ("a.csv", "toptasks-2025.csv", "toptasks-2025.xlsx", "notes.md"):
        (tmp_path / name).write_text("")
    readable = (".csv", ".xlsx")
    assert nearest_file(tmp_path / "gone.csv", readable) is None
    assert (
        nearest_file(tmp_path / "toptasks-2026.xlsx", readable) == tmp_path / "toptasks-2025.xlsx"
    )
    assert nearest_file(tmp_path / "toptasks-2026.csv", readable) == tmp_path / "toptasks-2025.csv"
    assert nearest_file(tmp_path / "toptasks-2025.cs", readable) == tmp_path / "toptasks-2025.csv"
    assert nearest_file(tmp_path / "nowhere" / "x.csv", readable) is None


def _refused(*args: object) -> NoReturn:
    raise PermissionError(13, "Permission denied")


def test_a_missing_column_s_hint_lists_the_header_s_first_twelve(
    study: Study, tmp_path: Path
) -> None:
    header = ",".join(f"Vraag {i}" for i in range(1, 21))
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", _write(tmp_path, "x.csv", header + "\n" + "1," * 19 + "1\n"))
    first = raised.value.problems[0]
    assert first.message == "no column 'What is your role?' (the respondent's group) in the header"
    assert first.hint == (
        "the header has: " + ", ".join(f"'Vraag {i}'" for i in range(1, 13)) + " and 8 more"
    )


def test_long_layout_in_any_row_order(study: Study, tmp_path: Path) -> None:
    """Sorted by task, a respondent's rows are apart: the export is read a second time with
    every respondent kept open, and counts as the grouped fixture does."""
    header, *rows = _rows(SURVEY_FIXTURES / "exports" / "long.csv")
    rows.sort(key=lambda row: row[2])
    path = tmp_path / "sorted.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    with pytest.raises(Interleaved):
        importer._import(importer._Request(mapping, path), grouped=True)
    result = import_survey(mapping, path)
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize("grouped", [True, False])
def test_a_respondent_s_group_written_with_spaces_is_one_group(
    study: Study, tmp_path: Path, grouped: bool
) -> None:
    export = _write(
        tmp_path,
        "l.csv",
        "respondent,group,task\nr1,desk,Book leave\nr1, desk ,Claim expenses\n"
        "r2,field,Book leave\n",
    )
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    result = importer._import(importer._Request(mapping, export), grouped=grouped)
    assert result.warnings == ()
    assert dict(result.tally.respondents) == {"desk": 1, "field": 1}
    assert {t: n for t, n in result.tally.votes["desk"].items() if n} == {"leave": 1, "expense": 1}


@pytest.mark.parametrize("grouped", [True, False])
def test_a_long_row_wider_than_the_header_is_refused_in_any_row_order(
    study: Study, tmp_path: Path, grouped: bool
) -> None:
    export = _write(
        tmp_path, "l.csv", "respondent,group,task\nr1,desk,Book leave\nr2,field,Book leave,x\n"
    )
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    with pytest.raises(InvalidStudyError) as raised:
        importer._import(importer._Request(mapping, export), grouped=grouped)
    assert [(p.location.line, p.message[:26]) for p in raised.value.problems] == [
        (3, "this row has 4 cells but t")
    ]


_MS_FORMS_LABELS = ["Book leave", "Claim expenses", "See the café menu", "Report a broken printer"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Field staff", "Office staff", "Front desk / reception"]),
            st.lists(st.sampled_from(_MS_FORMS_LABELS), min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_task_named_again_changes_no_count_and_is_warned_of_once_a_respondent(
    answers: list[tuple[str, list[str]]],
) -> None:
    """Microsoft Forms cells with any choices repeated count as the cells with each choice
    once; each respondent who repeated one gets one warning, at their row."""
    study = load_study(SURVEY_FIXTURES / "study")
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", study)
    header = "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"

    def imported(cells: list[list[str]]) -> Any:
        rows = "".join(
            f"{i},{role},{';'.join(cell)};\n"
            for i, ((role, _), cell) in enumerate(zip(answers, cells, strict=True))
        )
        with tempfile.TemporaryDirectory() as folder:
            return import_survey(mapping, _write(Path(folder), "m.csv", header + rows))

    repeated = imported([cell for _, cell in answers])
    once = imported([list(dict.fromkeys(cell)) for _, cell in answers])
    same_source = dataclasses.replace(once.tally, source_sha256=repeated.tally.source_sha256)
    assert repeated.tally == same_source and once.warnings == ()
    twice = [i + 2 for i, (_, cell) in enumerate(answers) if len(set(cell)) < len(cell)]
    warned = [p.location.line for p in repeated.warnings if "more than once" in p.message]
    assert warned == twice[:MAX_PER_KIND]


_LONG_CELLS = st.tuples(
    st.sampled_from(["r1", "r2", "r3", "r4", "r5", "r6", "r7", ""]),
    st.sampled_from(["desk", "field", "office", "other", " desk", "Martian", ""]),
    st.sampled_from(
        ["Book leave", "Claim expenses", "See the café menu", " book LEAVE", "Fly", "", "cafe"]
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LONG_CELLS, st.just(("", "", ""))), max_size=40))
def test_grouped_long_reading_matches_the_general_one(rows: list[tuple[str, str, str]]) -> None:
    """Counting each respondent as their rows end gives the same tally and the same problems
    as keeping all respondents open, for grouped exports with any mix of bad rows."""
    rows = sorted(rows, key=lambda row: row[0] or "~")  # empty rows may land anywhere
    study = load_study(SURVEY_FIXTURES / "study")
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([("respondent", "group", "task"), *rows])
        outcomes = [_outcome(mapping, path, grouped) for grouped in (True, False)]
    assert outcomes[0] == outcomes[1]


def _outcome(
    mapping: SurveyMapping, path: Path, grouped: bool
) -> tuple[Tally | None, list[Problem]]:
    def key(p: Problem) -> tuple[int, int, str]:
        return (p.location.line or 0, p.location.column or 0, p.message)

    try:
        result = importer._import(importer._Request(mapping, path), grouped=grouped)
    except InvalidStudyError as error:
        return None, sorted(error.problems, key=key)
    return result.tally, sorted(result.warnings, key=key)


def test_a_mapping_without_max_picks_allows_five(study: Study, tmp_path: Path) -> None:
    """Top-task surveys ask for up to five tasks: the default when the mapping is silent."""
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    path = _write(tmp_path, "m.yaml", text.replace("max_picks: 5\n", ""))
    assert "max_picks" not in path.read_text()
    assert load_mapping(path, study).max_picks == 5


def test_a_list_where_a_mapping_of_values_belongs_is_said_to_be_one(
    study: Study, tmp_path: Path
) -> None:
    """The group answers listed without their groups: the mapping to write, which no
    value can be offered for (a group is no choice of a few), and no stumble over that."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    listed = text.replace(
        "values: {Front desk / reception: desk, Field staff: field, Office staff: office, "
        "Other: ~}",
        "values: [Front desk / reception, Field staff]",
    )
    assert listed != text
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", listed), study)
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [
        (
            8,
            "expected a mapping (key: value lines), found a list",
            "write 'key: value' lines, indented under this key",
        )
    ]


def test_mapping_problems_have_positions(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    text = text.replace("Field staff: field", "Field staff: feild").replace(
        "[people-finder]", "[people-findr]"
    )
    path = _write(tmp_path, "m.yaml", text)
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(path, study)
    shown = [(p.location.line, p.key, p.message, p.hint) for p in raised.value.problems]
    assert shown == [
        (8, "group.values.Field staff", "unknown group 'feild'", "did you mean 'field'?"),
        (
            13,
            "tasks[1].needs[0]",
            "unknown need 'people-findr'",
            "did you mean 'people-finder'?",
        ),
    ]
    broken = (
        text.replace("max_picks: 5", "max_picks: five")
        .replace("label: Claim expenses", 'label: " book leave"')
        .replace("code: SQ006,", "code: SQ006, cost: 3,")
    )
    with pytest.raises(InvalidStudyError) as raised:  # schema errors hide no reference
        load_mapping(_write(tmp_path, "m.yaml", broken), study)
    found = [(p.location.line, p.key, p.message) for p in raised.value.problems]
    assert found == [
        (4, "max_picks", "expected a whole number, found the text 'five'"),
        (8, "group.values.Field staff", "unknown group 'feild'"),
        (13, "tasks[1].needs[0]", "unknown need 'people-findr'"),
        (14, "tasks[2].label", "task label ' book leave' is used twice (also task 1)"),
        (17, "tasks[5]", "unknown key 'cost'"),
    ]


def test_a_task_used_twice_is_found_past_tasks_written_wrong(study: Study, tmp_path: Path) -> None:
    """A task that is no mapping, or an id that is no text, is a problem of its own and
    stops no check of the tasks after it."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    broken = text.replace("tasks:\n", "tasks:\n  - Book leave\n").replace("{id: leave,", "{id: 42,")
    broken = broken.replace("label: Claim expenses", 'label: " book leave"')
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", broken), study)
    found = [(p.key, p.message) for p in raised.value.problems]
    assert ("tasks[3].label", "task label ' book leave' is used twice (also task 2)") in found
    assert [key for key, _ in found if key.startswith("tasks[")][:2] == ["tasks[0]", "tasks[1].id"]


DUTCH = {
    "Book leave": "Verlof aanvragen",
    "Find a colleague, by name or expertise": "Een collega vinden, op naam of expertise",
    "Claim expenses": "Declaratie indienen",
    "Report a broken printer": "Een kapotte printer melden",
    "Plan a meeting with lunch and projector": "Vergadering plannen, met lunch en beamer",
    "See the café menu": "Het menu van het café bekijken",
}
"""The fixture's tasks as a Dutch version of the survey words them (two with ', ')."""


def _with_also(layout: str, also: dict[str, str]) -> str:
    """The fixture mapping of ``layout`` with each task's text in ``also`` under also:."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    for label, other in also.items():
        written = f'"{label}"' if ", " in label else label
        text = text.replace(f"label: {written},", f'label: {written}, also: ["{other}"],')
    return text


@pytest.mark.parametrize("layout", ["ms-forms", "google-forms", "long"])
def test_a_survey_in_two_languages_counts_each_task_by_its_also_texts_too(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Every other respondent answered the Dutch version: the counts are the fixture's."""
    mapping = load_mapping(_write(tmp_path, "m.yaml", _with_also(layout, DUTCH)), study)
    encoding = {"long": "cp1252", "ms-forms": "utf-8-sig"}.get(layout, "utf-8")
    export = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_text(encoding)
    for label in sorted(DUTCH, key=len, reverse=True):  # every other time it is chosen
        pieces = export.split(label)
        export = pieces[0] + "".join(
            (DUTCH[label] if n % 2 else label) + piece for n, piece in enumerate(pieces[1:])
        )
    both = tmp_path / "both.csv"
    both.write_text(export, encoding)
    assert all(dutch in both.read_text(encoding) for dutch in DUTCH.values())
    result = import_survey(mapping, both)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert result.warnings == ()
    both.write_text(export.replace("Verlof aanvragen", "Verlof aanvrage", 1), encoding)
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(mapping, both)
    [slip] = raised.value.problems
    assert slip.hint.startswith("did you mean 'Verlof aanvragen'? Or, if the survey showed both")


def test_an_also_text_that_names_a_task_already_is_told_at_the_also(
    study: Study, tmp_path: Path
) -> None:
    text = _with_also("ms-forms", {"Book leave": "claim expenses", "Claim expenses": "Declareren"})
    text = text.replace('also: ["Declareren"]', "also: [Declareren, Verlof aanvragen]")
    text = text.replace(
        "label: See the café menu,", "label: See the café menu, also: [Verlof aanvragen],"
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", text), study)
    hint = (
        "also: holds other texts of this task, not ones that name a task already: "
        "leave this one out"
    )
    assert [(p.location.line, p.key, p.message, p.hint) for p in raised.value.problems] == [
        (12, "tasks[0].also[0]", "task label 'claim expenses' is used twice (also task 3)", hint),
        (17, "tasks[5].also[0]", "task label 'Verlof aanvragen' is used twice (also task 3)", hint),
    ]


def test_an_also_text_with_a_semicolon_is_refused_for_ms_forms(
    study: Study, tmp_path: Path
) -> None:
    text = _with_also("ms-forms", {"Claim expenses": "Declareren; reizen"})
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", text), study)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.key) == (14, "tasks[2].also[0]")
    assert problem.message.endswith("so labels cannot contain it: Declareren; reizen")


def test_also_in_a_limesurvey_mapping_is_warned_of_as_read_by_code(
    study: Study, tmp_path: Path
) -> None:
    path = _write(tmp_path, "m.yaml", _with_also("limesurvey", {"Book leave": "Verlof"}))
    mapping, problems = checked_mapping(path, study)
    assert mapping.tasks[0].texts == ("Book leave", "Verlof")
    assert [(p.severity, p.key, p.hint) for p in problems] == [
        (Severity.WARNING, "tasks[0].also", "remove also:")
    ]


@pytest.mark.parametrize(
    ("other", "message", "hint"),
    [
        ("ja", "expected true or false, found the text 'ja'", "write true or false"),
        (
            "'True '",
            "expected true or false, found the text 'True '",
            "write it without quotes: true",
        ),
        ("{a: 1}", "expected true or false, found a mapping", "write true or false"),
        ("[true]", "expected true or false, found a list", "write one value here, not a list"),
    ],
)
def test_a_mapping_s_true_or_false_written_otherwise_gets_a_hint(
    study: Study, tmp_path: Path, other: str, message: str, hint: str
) -> None:
    text = (
        (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml")
        .read_text()
        .replace("choices:\n", f"choices:\n  other: {other}\n")
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", text), study)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.key, problem.message, problem.hint) == (
        10,
        "choices.other",
        message,
        hint,
    )


def _respondent_as(line: str, text: str) -> str:
    return text.replace("respondent: respondent\n", line)


def test_the_mapping_rules_at_their_edges(study: Study, tmp_path: Path) -> None:
    """One task and one pick make a mapping; only the long layout needs respondent:;
    spaces around a heading or a label do not count; no task, no answer or a blank heading
    is a problem."""

    def loaded(layout: str, edit: Callable[[str], str]) -> SurveyMapping:
        text = edit((SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text())
        return load_mapping(_write(tmp_path, "m.yaml", text), study)

    def one_task(text: str) -> str:
        head, tasks = text.split("tasks:\n")
        return head + "tasks:\n" + tasks.splitlines()[0] + "\n"

    single = loaded("ms-forms", lambda t: one_task(t.replace("max_picks: 5", "max_picks: 1")))
    assert (single.max_picks, [task.id for task in single.tasks]) == (1, ["leave"])
    with pytest.raises(InvalidStudyError, match="at least 1"):
        loaded("ms-forms", lambda t: t.replace("max_picks: 5", "max_picks: 0"))
    assert loaded("ms-forms", lambda t: t.replace("respondent: ID\n", "")).respondent is None
    for respondent, key in (("", "layout"), ("respondent: ''\n", "respondent")):
        with pytest.raises(InvalidStudyError) as raised:  # told where it is missing
            loaded("long", partial(_respondent_as, respondent))
        [problem] = raised.value.problems
        assert (problem.key, problem.message) == (
            key,
            "layout long needs the column that identifies a respondent",
        )
    spaced = loaded(
        "ms-forms",
        lambda t: t.replace("label: Book leave", 'label: " Book leave "').replace(
            "column: What is your role?", 'column: " What is your role? "'
        ),
    )
    assert (spaced.group.column, spaced.tasks[0].label) == ("What is your role?", "Book leave")
    empty: list[tuple[Callable[[str], str], str]] = [  # no tasks, no answers, a blank heading
        (lambda t: t.split("tasks:\n")[0] + "tasks: []\n", "tasks"),
        (lambda t: re.sub(r"values: \{.*\}", "values: {}", t), "group.values"),
        (lambda t: t.replace("column: What is your role?", "column: '  '"), "group.column"),
    ]
    for edit, key in empty:
        with pytest.raises(InvalidStudyError) as raised:
            loaded("ms-forms", edit)
        assert [(p.key, p.message) for p in raised.value.problems] == [(key, "must not be empty")]


def test_a_group_is_counted_one_way(study: Study, tmp_path: Path) -> None:
    """A group counted alone for one answer and with others for another would be weighted
    twice; the error names both ways and both answers, and the groups to give both."""
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    edited = text.replace("other: ~}", "other: ~, both: [office, desk, field]}")
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", edited), study)
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "'desk' is counted alone for 'desk' and with field and office for 'both'",
            "a group's respondents are counted one way: give both answers the same groups, "
            "such as [desk, field, office]",
        )
    ]


def test_limesurvey_mapping_needs_codes(study: Study, tmp_path: Path) -> None:
    text = (
        (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text().replace(", code: SQ003", "")
    )
    with pytest.raises(
        InvalidStudyError, match="needs a code for every task; missing for: expense"
    ) as raised:
        load_mapping(_write(tmp_path, "m.yaml", text), study)
    (problem,) = raised.value.problems
    assert problem.hint.startswith("add code: to each, the code in the brackets")


@pytest.mark.parametrize(("layout", "warned"), [("limesurvey", True), ("ms-forms", False)])
def test_other_in_a_limesurvey_mapping_is_warned_of_as_doing_nothing(
    study: Study, tmp_path: Path, layout: str, warned: bool
) -> None:
    """LimeSurvey writes an 'Other' answer in a column of its own: ``other: true`` there
    changes nothing, which the consultant who wrote it would not expect."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    text = text.replace("choices:\n", "choices:\n  other: true\n")
    text = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", text), study)
    found = [(p.location.line, p.key, p.message) for p in problems if "other: true" in p.message]
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line == "  other: true"]
    said = (
        "other: true does nothing for layout limesurvey: LimeSurvey writes the "
        "'Other' answers in a column of their own, which is not read"
    )
    expected = [(lines[1], "choices.other", said), (lines[0], "group.other", said)]
    assert found == (expected if warned else [])


@pytest.mark.parametrize(("asked", "warned"), [("six", True), ("5", False), ("four", False)])
def test_a_question_that_asks_for_more_tasks_than_max_picks_is_warned_of(
    study: Study, tmp_path: Path, asked: str, warned: bool
) -> None:
    """The question says "Choose at most six" and max_picks is 5: whoever chose six would
    be left out of the counts. Fewer asked than max_picks leaves no one out."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    assert "often? Choose at most five.\n" in text and "max_picks: 5\n" in text
    text = text.replace("Choose at most five.", f"Choose at most {asked}.")
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", text), study)
    found = [(p.location.line, p.key, p.message, p.hint) for p in problems]
    line = text.splitlines().index("max_picks: 5") + 1
    said = (
        "the question asks for at most 6 tasks, but max_picks is 5: the import would leave "
        "out each respondent who chose more than 5"
    )
    assert found == ([(line, "max_picks", said, "set max_picks: 6")] if warned else [])


def test_tasks_linked_to_no_need_are_named_up_to_three(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    for need in ("[hr-self-service]", "[people-finder]", "[service-desk]"):
        text = text.replace(need, "[]")
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == [
        "4 of 6 tasks are evidence for no need: 'leave', 'colleague', 'expense' and 1 more"
    ]
    text = text.replace("[]", "[canteen]", 1)
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == [
        "3 of 6 tasks are evidence for no need: 'colleague', 'expense', 'printer'"
    ]
    text = text.replace("[]", "[canteen]", 2)
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == ["1 of 6 tasks is evidence for no need: 'printer'"]
    # no title shares the task's words: the example is one of the study's needs
    assert problems[0].hint == (
        "link each task to the needs it is evidence for, e.g. needs: [canteen]"
    )
    printer = text.replace("label: Report a broken printer", "label: Call the service desk")
    assert printer != text
    _, problems = checked_mapping(_write(tmp_path, "m.yaml", printer), study)
    assert problems[0].hint == (
        "link each task to the needs it is evidence for; for 'Call the service desk' perhaps "
        "needs: [service-desk]"
    )


def test_a_label_with_a_semicolon_is_refused_where_choices_are_joined_with_it(
    study: Study, tmp_path: Path
) -> None:
    def with_semicolon(layout: str) -> Path:
        text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
        return _write(
            tmp_path, f"{layout}.yaml", text.replace("Claim expenses", '"Claim; expenses"')
        )

    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(with_semicolon("ms-forms"), study)
    (problem,) = raised.value.problems
    assert problem.message.endswith(
        "ms-forms joins choices with ';', so labels cannot contain it: Claim; expenses"
    )
    assert problem.hint.startswith("take the ';' out of these options in the form")
    google = load_mapping(with_semicolon("google-forms"), study)
    assert google.tasks[2].label == "Claim; expenses"


@pytest.mark.parametrize(
    ("layout", "hint"),
    [
        ("limesurvey", "add question: under choices"),
        ("ms-forms", "add column: under choices"),
    ],
)
def test_a_mapping_without_its_choices_says_what_to_add(
    study: Study, tmp_path: Path, layout: str, hint: str
) -> None:
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    text = re.sub(r"choices:\n  \S.*\n", "choices: {}\n", text)
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(_write(tmp_path, "m.yaml", text), study)
    assert [p.hint.split(",")[0] for p in raised.value.problems] == [hint]


@pytest.mark.parametrize("empty", [1, 2])
def test_the_first_sheet_with_data_is_read(study: Study, tmp_path: Path, empty: int) -> None:
    """An empty sheet put before the export's (for notes not yet written) hides nothing."""
    book = Workbook()
    for name in ["Notes", "More notes"][1:empty]:
        book.create_sheet(name)
    answers = book.create_sheet("Responses")
    for row in _rows(SURVEY_FIXTURES / "exports" / "long.csv"):
        answers.append(row)
    book.save(tmp_path / "export.xlsx")
    result = _import(study, "long", tmp_path / "export.xlsx")
    first = "the sheet before it empty" if empty == 1 else "the 2 sheets before it empty"
    assert how_read_text(result.how, "en") == f"XLSX, sheet 'Responses', {first}"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


def test_a_sheet_of_notes_before_the_answers_is_passed_over(study: Study, tmp_path: Path) -> None:
    """A consultant may put a sheet of notes before the export's: the answers are read
    from the sheet that has the mapping's columns, and a problem names its sheet (row 3
    is on both), as a single sheet's problems do not. Of two sheets that have them,
    which holds the answers is the user's to say."""
    book, answers = notes_then_forms_export(tmp_path / "export.xlsx")
    result = _import(study, "ms-forms", tmp_path / "export.xlsx")
    assert how_read_text(result.how, "en") == "XLSX, sheet 'Form1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    answers.append([cell.value for cell in answers[2]])  # a row pasted again: read again
    book.save(tmp_path / "export.xlsx")
    again = _import(study, "ms-forms", tmp_path / "export.xlsx")
    assert {g: dict(v) for g, v in again.tally.votes.items()} == EXPECTED_VOTES
    [pasted] = again.warnings
    assert pasted.format().endswith(
        ":14: sheet 'Form1': warning: this row repeats an earlier one word for word (line 2), "
        "its respondent ('ID') too: left out, so that it counts once"
    )
    assert (pasted.to_dict()["cell"], pasted.to_dict()["sheet"]) == (None, "Form1")
    answers.delete_rows(14)
    answers["G3"] = "Fly to the moon;"
    book.save(tmp_path / "export.xlsx")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", tmp_path / "export.xlsx")
    [problem] = raised.value.problems
    assert problem.format().endswith(":3:7: cell 'Form1'!G3: unknown choice 'Fly to the moon'")
    copy = book.copy_worksheet(answers)
    copy.title = "Form1 cleaned"
    book.save(tmp_path / "export.xlsx")
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", tmp_path / "export.xlsx")
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "the sheets 'Form1' and 'Form1 cleaned' each have the mapping's columns: which "
            "holds the answers?",
            "name it with --sheet, such as --sheet Form1",
        )
    ]
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", study)
    copy["G3"] = "Book leave;"  # the cleaned copy: named, it is read (Form1 would fail)
    book.save(tmp_path / "export.xlsx")
    named = import_survey(mapping, tmp_path / "export.xlsx", sheet="form1 CLEANED")
    assert how_read_text(named.how, "en") == "XLSX, sheet 'Form1 cleaned'"
    with pytest.raises(InvalidStudyError) as notes:  # no other sheet is looked for
        import_survey(mapping, tmp_path / "export.xlsx", sheet="Notes")
    assert notes.value.problems[0].message.startswith("no column ")
    with pytest.raises(InvalidStudyError) as unknown:
        import_survey(mapping, tmp_path / "export.xlsx", sheet="Form1 cleand")
    assert [(p.message, p.hint) for p in unknown.value.problems] == [
        ("the workbook has no sheet 'Form1 cleand'", "did you mean 'Form1 cleaned'?")
    ]
    with pytest.raises(UsageError) as csv_sheet:
        import_survey(mapping, SURVEY_FIXTURES / "exports" / "ms-forms.csv", sheet="Form1")
    assert csv_sheet.value.problems[0].message == (
        "--sheet names a sheet, but ms-forms.csv is not a workbook (.xlsx, .ods…)"
    )
    del book["Notes"], book["Form1 cleaned"]
    book.save(tmp_path / "alone.xlsx")
    with pytest.raises(InvalidStudyError) as alone:
        _import(study, "ms-forms", tmp_path / "alone.xlsx")
    assert alone.value.problems[0].location.cell == "G3"


def test_unreadable_inputs(study: Study, tmp_path: Path) -> None:
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    with pytest.raises(NeedmapError, match=r"cannot read '\.json' files") as raised:
        import_survey(mapping, _write(tmp_path, "x.json", "{}"))
    assert (raised.value.problems[0].message, raised.value.problems[0].hint) == (
        "cannot read '.json' files",
        "export the survey as CSV or XLSX",
    )
    with pytest.raises(NeedmapError, match="the file is empty") as empty:
        import_survey(mapping, _write(tmp_path, "x.csv", ""))
    assert (empty.value.problems[0].message, empty.value.problems[0].hint) == (
        "the file is empty",
        "export the responses again, with their header",
    )
    blank = Workbook()
    blank.save(tmp_path / "blank.xlsx")
    with pytest.raises(NeedmapError, match="the sheet is empty") as first:
        import_survey(mapping, tmp_path / "blank.xlsx")
    assert (
        first.value.problems[0].hint == "put the data, under its header, on a sheet of the workbook"
    )
    blank.create_sheet("Notes")
    blank.save(tmp_path / "blank.xlsx")
    with pytest.raises(NeedmapError, match="every sheet is empty"):
        import_survey(mapping, tmp_path / "blank.xlsx")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(NeedmapError) as damaged:
        import_survey(mapping, tmp_path / "bad.xlsx")
    [problem] = damaged.value.problems
    assert problem.message.startswith("cannot read this workbook: ")  # and calamine's reason
    assert problem.hint == "save it again from Excel as .xlsx"
    office = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # a container's header
    stream = "EncryptedPackage".encode("utf-16-le")  # in the directory of an encrypted one
    for name in ("labelled.xlsx", "old.xls"):
        _write_bytes(tmp_path, name, office + stream + bytes(1024))
        with pytest.raises(NeedmapError) as encrypted:
            import_survey(mapping, tmp_path / name)
        assert [(p.location.path, p.message, p.hint) for p in encrypted.value.problems] == [
            (
                tmp_path / name,
                "this workbook is encrypted: a password or a sensitivity label protects it",
                "open it in Excel, take off the password (File > Info > Protect Workbook) or "
                "the label, and save it again; or download the export as CSV",
            )
        ]
    _write_bytes(tmp_path, "damaged.xls", office + bytes(1024))
    with pytest.raises(NeedmapError) as damaged_old:
        import_survey(mapping, tmp_path / "damaged.xls")
    assert damaged_old.value.problems[0].message.startswith("cannot read this workbook: ")
    assert damaged_old.value.problems[0].location.path == tmp_path / "damaged.xls"
    blank.save(tmp_path / "export.csv")
    with pytest.raises(NeedmapError) as workbook:
        import_survey(mapping, tmp_path / "export.csv")
    [problem] = workbook.value.problems
    assert problem.message == "this is a workbook (XLSX), not a CSV text file"
    assert problem.hint == "name it export.xlsx, or save it from Excel as CSV"
    for fixture, kind in (("ms-forms.ods", "ODS"), ("ms-forms.xls", "XLS")):
        named = _write_bytes(
            tmp_path, "Export.csv", (SURVEY_FIXTURES / "exports" / fixture).read_bytes()
        )
        with pytest.raises(NeedmapError) as other:
            import_survey(mapping, named)
        assert [(p.location.path, p.message, p.hint) for p in other.value.problems] == [
            (
                named,
                f"this is a workbook ({kind}), not a CSV text file",
                f"name it Export.{kind.lower()}, or save it from Excel as CSV",
            )
        ]
    (tmp_path / "image.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(NeedmapError) as image:
        import_survey(mapping, tmp_path / "image.csv")
    [problem] = image.value.problems
    assert (problem.location.path, problem.message, problem.hint) == (
        tmp_path / "image.csv",
        "this is not a text file: it holds binary data",
        "export the data as CSV (text) or XLSX; an XLSX workbook needs the .xlsx suffix",
    )
    utf16 = "respondent\tgroup\ttask\nr1\tdesk\tBook leave\n".encode("utf-16")
    assert b"\x00" in utf16  # read as UTF-16, by its byte order mark
    assert import_survey(mapping, _write_bytes(tmp_path, "u.txt", utf16)).tally.respondents == {
        "desk": 1
    }


def test_tally_round_trip_keeps_no_respondent_data(study: Study, tmp_path: Path) -> None:
    result = _import(study, "ms-forms", SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    path = tmp_path / "t.tally.json"
    write_tally(result.tally, path)
    text = path.read_text()
    assert "anonymous" not in text and "3/2/26" not in text
    assert read_tally(path) == result.tally
    titled = dataclasses.replace(result.tally, title="Toptaken-enquête")
    write_tally(titled, path)
    assert '"title": "Toptaken-enquête"' in path.read_text()  # as written, for a reader
    export = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_bytes()
    assert result.tally.source_sha256 == hashlib.sha256(export).hexdigest()
    (tmp_path / "broken.json").write_text('{\n  "survey": "x"\n  "title": "y"}')
    with pytest.raises(NeedmapError, match="cannot read this tally") as raised:
        read_tally(tmp_path / "broken.json")
    (problem,) = raised.value.problems
    assert (problem.location.line, problem.location.column) == (3, 3)
    assert "needmap survey import" in problem.hint


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("title"), "it has no 'title'"),
        (
            lambda d: d["respondents"].update(desk=-1),
            "respondents of 'desk' is -1, not a count (a whole number, 0 or more)",
        ),
        (
            lambda d: d["votes"]["desk"].update(leave=1.5),
            "votes of 'desk' for 'leave' is 1.5, not a count (a whole number, 0 or more)",
        ),
        (
            lambda d: d["skipped"].update(empty="2"),
            "skipped 'empty' is \"2\", not a count (a whole number, 0 or more)",
        ),
        (
            lambda d: d["votes"].update(desk={"leave": 1}),
            "'desk' has 5 respondents but 1 votes, and each respondent chose at least one task",
        ),
        (
            lambda d: d["votes"]["desk"].update(leave=6),
            "'desk' has 5 respondents but 6 votes for 'leave', and each respondent chose a "
            "task once at most",
        ),
        (
            lambda d: d["votes"].update(boss={"leave": 1}),
            "it has votes of 'boss' but no respondents of 'boss'",
        ),
        (
            lambda d: d["votes"]["desk"].update(lunch=1),
            "it has votes of 'desk' for 'lunch', not one of its tasks",
        ),
    ],
)
def test_a_tally_edited_into_counts_no_import_writes_is_refused(
    study: Study, tmp_path: Path, edit: Callable[[dict[str, Any]], object], message: str
) -> None:
    result = _import(study, "long", SURVEY_FIXTURES / "exports" / "long.csv")
    data = result.tally.to_json()
    assert data["respondents"]["desk"] == 5 and sum(data["votes"]["desk"].values()) > 1
    data.setdefault("skipped", {})
    edit(data)
    path = tmp_path / "t.tally.json"
    path.write_text(json.dumps(data))
    with pytest.raises(NeedmapError) as raised:
        read_tally(path)
    (problem,) = raised.value.problems
    assert problem.message == f"cannot read this tally: {message}"
    assert problem.location.path == path


def test_fixture_study_is_a_real_study(tmp_path: Path) -> None:
    copy = tmp_path / "s"
    shutil.copytree(SURVEY_FIXTURES / "study", copy)
    assert load_study(copy).summary()["groups"] == 3
    with pytest.raises(UsageError):
        from needmap.surveys import find_mapping

        find_mapping(load_study(copy))


def test_malformed_csv_is_a_positioned_problem(study: Study, tmp_path: Path) -> None:
    huge = "x" * (csv.field_size_limit() + 10)
    export = _write(
        tmp_path, "g.csv", HEADER + "t1,Field staff,Book leave\n" + f't2,Field staff,"{huge}"\n'
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    (problem,) = raised.value.problems
    assert problem.location.line == 3
    assert problem.message.startswith("cannot read the file here: field larger than field limit")
    assert problem.hint.startswith("check the quotes on this line")
    # the draft reads the same rows: the same problem, not a traceback
    with pytest.raises(InvalidStudyError) as drafted:
        draft_mapping(study, export, layout="google-forms")
    assert [(p.location.line, p.message) for p in drafted.value.problems] == [(3, problem.message)]
    # a quote left open in the header itself
    header = _write(tmp_path, "h.csv", f'"{huge}\n')
    with pytest.raises(InvalidStudyError) as opened:
        _import(study, "google-forms", header)
    assert [(p.location.line, p.hint) for p in opened.value.problems] == [(1, problem.hint)]


@pytest.mark.parametrize(
    ("column", "cell"),
    [(1, "A3"), (26, "Z3"), (27, "AA3"), (52, "AZ3"), (702, "ZZ3"), (703, "AAA3")],
)
def test_a_place_in_a_workbook_is_named_as_excel_names_its_cell(column: int, cell: str) -> None:
    assert Location(Path("Export.XLSX"), 3, column).cell == cell


@pytest.mark.parametrize("name", ["export.xls", "export.xlsm", "Export.ODS"])
def test_a_cell_of_any_workbook_is_named_so(name: str) -> None:
    assert Location(Path(name), 3, 6).cell == "F3"


def test_only_a_cell_of_a_workbook_has_a_cell_name() -> None:
    assert Location(Path("export.csv"), 3, 2).cell is None
    assert Location(Path("export.txt"), 3, 2).cell is None
    assert Location(Path("export.xlsx"), 3).cell is None
    assert Location(Path("export.xlsx")).cell is None
    assert Location().cell is None


def test_xlsx_with_empty_rows_and_columns_before_the_data(study: Study, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    rows = _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=2):
            sheet.cell(row=r, column=c, value=int(value) if value.isdigit() else value)
    sheet.cell(row=5, column=8, value="Book leave;Fly to the moon;")
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", path)
    (problem,) = raised.value.problems
    # row 5, column H, as Excel shows them
    assert (problem.location.line, problem.location.column) == (5, 8)
    assert problem.message == "unknown choice 'Fly to the moon'"
    assert problem.format() == f"{path}:5:8: cell H5: unknown choice 'Fly to the moon'"


def test_a_line_break_in_a_workbook_cell_is_no_quote_left_open(
    study: Study, tmp_path: Path
) -> None:
    """In a CSV file a line break inside a wrong row means a quote ran on; in a workbook
    it is a line typed with Alt+Enter, and the row's own problem is reported."""
    workbook = Workbook()
    sheet = workbook.active
    for row in _rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv"):
        sheet.append([int(c) if c.isdigit() else c for c in row])
    sheet["G3"] = "Book leave;\nFly to the moon;"
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "ms-forms", path)
    assert _placed(raised.value.problems) == [(3, 7, "unknown choice 'Fly to the moon'")]


def test_a_hint_that_takes_work_is_found_only_for_the_problems_kept(tmp_path: Path) -> None:
    """A broken export repeats one problem on every row: its "did you mean" is looked for
    in the first ten only, which are shown."""
    asked: list[int] = []

    def hint(row: int) -> str:
        asked.append(row)
        return f"hint {row}"

    problems = Problems(tmp_path / "x.csv")
    for row in range(1, MAX_PER_KIND + 6):
        problems.add("unknown choice", row, 3, "unknown choice 'x'", hint=partial(hint, row))
    problems.add("unknown group answer", 1, 2, "unknown group answer 'y'", hint="plain")
    assert asked == list(range(1, MAX_PER_KIND + 1))
    shown = problems.all()
    assert [p.hint for p in shown[:2]] == ["hint 1", "hint 2"]
    assert shown[MAX_PER_KIND].hint == "plain"
    assert shown[-1].message == "5 more rows like these: unknown choice"


def test_a_tally_file_is_written_the_same_way_every_time() -> None:
    """The tally is kept in the study's folder, often in git: its text is sorted, indented
    by two, without zero counts, and keeps letters as they are, so that importing the same
    answers again changes nothing and another export changes only its counts."""
    tally = Tally(
        survey="pilot",
        title="Café survey",
        layout="long",
        source="pilot.csv",
        source_sha256="ab12",
        tasks=("menu", "book"),
        respondents={"field": 1, "desk": 2},
        votes={"field": {"menu": 1, "book": 0}, "desk": {"menu": 1, "book": 2}},
        skipped={"no task chosen": 1},
    )
    assert tally_text(tally) == (
        "{\n"
        '  "survey": "pilot",\n'
        '  "title": "Café survey",\n'
        '  "layout": "long",\n'
        '  "source": "pilot.csv",\n'
        '  "source_sha256": "ab12",\n'
        '  "tasks": [\n    "menu",\n    "book"\n  ],\n'
        '  "respondents": {\n    "desk": 2,\n    "field": 1\n  },\n'
        '  "votes": {\n'
        '    "desk": {\n      "book": 2,\n      "menu": 1\n    },\n'
        '    "field": {\n      "menu": 1\n    }\n'
        "  },\n"
        '  "skipped": {\n    "no task chosen": 1\n  }\n'
        "}\n"
    )
    assert Tally.from_json(json.loads(tally_text(tally))) == tally
