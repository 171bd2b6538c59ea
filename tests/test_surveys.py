"""Survey import: every export layout yields the same counts; problems have row and column."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable
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
from needmap.surveys import import_survey, importer, load_mapping, read_tally, write_tally
from needmap.surveys.counting import MAX_PER_KIND, Problems
from needmap.surveys.draft import draft_mapping
from needmap.surveys.layouts import Interleaved, Labels, slow_split
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import open_table
from needmap.surveys.tally import Tally, tally_text
from tests.conftest import (
    EXPECTED_RESPONDENTS,
    EXPECTED_VOTES,
    GOOGLE_FORMS_HEADER,
    MS_FORMS_HEADER,
    SURVEY_FIXTURES,
    import_layout,
    limesurvey_with_text_headings,
    notes_then_forms_export,
    placed,
    table_rows,
    write_file,
)


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
    result = import_layout(study, layout, SURVEY_FIXTURES / "exports" / export)
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
    doubled = write_file(
        tmp_path, "doubled.csv", raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\r\n")
    )
    result = import_layout(study, layout, doubled)
    assert how_read_text(result.how, "en").endswith(
        "-separated, every line end doubled: the empty line after each row left out"
    )
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert result.warnings == ()

    once = raw.replace(b"\r\n", b"\n")
    one_empty = write_file(tmp_path, "one-empty.csv", once.replace(b"\n", b"\r\r\n", 1))
    warned = import_layout(study, layout, one_empty)
    assert placed(warned.warnings) == [(2, 1, "empty row left out")]


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_a_heading_row_repeated_below_is_left_out_with_a_warning(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Two exports pasted into one: the second's heading row was told as an unknown choice
    and group answer (LimeSurvey: a value 'unexpected in a task column' for each task),
    with hints to add them to the mapping. In upper case, as a tool may write it."""
    raw = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes()
    lines = raw.splitlines(keepends=True)
    pasted = write_file(
        tmp_path, "pasted.csv", b"".join([*lines[:4], lines[0].upper(), *lines[4:]])
    )
    result = import_layout(study, layout, pasted)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert placed(result.warnings) == [(5, None, "this row repeats the heading row: left out")]
    assert result.warnings[0].hint == (
        "delete it (two exports pasted into one keep both heading rows)"
    )


def test_ms_forms_xlsx_yields_the_same_counts(study: Study, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for row in table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv"):
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "Top tasks(1-12).xlsx"
    workbook.save(path)
    result = import_layout(study, "ms-forms", path)
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
    result = import_layout(study, "ms-forms", path)
    assert how_read_text(result.how, "en") == f"{kind}, sheet 'Sheet1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert open_table(path).header == table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")[0]


def test_a_zip_archive_is_told_with_the_export_in_it(study: Study, tmp_path: Path) -> None:
    """Google Forms downloads its responses as a ZIP archive of the CSV."""
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "google-forms.yaml", study)
    zipped = tmp_path / "Top tasks.csv.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(SURVEY_FIXTURES / "exports" / "google-forms.csv", "Top tasks.csv")
    renamed = write_file(tmp_path, "export.csv", zipped.read_bytes())
    with zipfile.ZipFile(tmp_path / "two.zip", "w") as archive:
        archive.writestr("a/Round 1.csv", "x")
        archive.writestr("Round 2.xlsx", "x")
        archive.writestr("readme.pdf", "x")
    with zipfile.ZipFile(tmp_path / "none.zip", "w") as archive:
        archive.writestr("readme.pdf", "x")
    damaged = write_file(tmp_path, "damaged.csv", b"PK\x03\x04" + bytes(40))
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
    result = import_layout(study, "ms-forms", path)
    assert how_read_text(result.how, "en") == "ODS, sheet 'Sheet1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


def test_an_empty_row_in_a_workbook_is_warned_of_where_excel_shows_it(
    study: Study, tmp_path: Path
) -> None:
    """Only a CSV with every line end doubled has empty rows that are no news."""
    workbook = Workbook()
    sheet = workbook.active
    rows = table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for row in [*rows[:3], [], *rows[3:]]:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / "gap.xlsx"
    workbook.save(path)
    result = import_layout(study, "ms-forms", path)
    assert placed(result.warnings) == [(4, 1, "empty row left out")]
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_limesurvey_task_columns_apart_are_read_row_by_row(
    study: Study, tmp_path: Path, suffix: str
) -> None:
    """With another column between the task columns (an export with the questions
    reordered), a CSV is not counted from its whole text but row by row, as an XLSX is."""
    rows = table_rows(SURVEY_FIXTURES / "exports" / "limesurvey.csv")
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
    tally = import_layout(study, "limesurvey", path).tally
    assert {g: dict(v) for g, v in tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_limesurvey_of_one_task_is_counted(study: Study, tmp_path: Path, suffix: str) -> None:
    """A pilot with one task column: the column alone is the run of task columns."""
    fixture = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text()
    one_task = fixture[: fixture.index("  - {id: colleague")]
    mapping_path = write_file(tmp_path, "pilot.yaml", one_task)
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
    assert placed(result.warnings) == [(3, 3, "no task chosen: respondent left out")]


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
        table_rows(SURVEY_FIXTURES / "exports" / "google-forms.csv")
    )
    path = tmp_path / "export.csv"
    path.write_bytes(bom + buffer.getvalue().encode(encoding))
    result = import_layout(study, "google-forms", path)
    assert how_read_text(result.how, "en") == description
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize(
    ("above", "line"), [("sep=,\n", 3), ("# Survey; top tasks\n\n#-- 12 responses\n", 5)]
)
def test_lines_above_the_header_are_counted_in_line_numbers(
    study: Study, tmp_path: Path, above: str, line: int
) -> None:
    export = write_file(
        tmp_path, "g.csv", above + GOOGLE_FORMS_HEADER + "t1,Astronaut,Book leave\n"
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
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
    export = write_file(
        tmp_path,
        "f.csv",
        MS_FORMS_HEADER
        + "1,Front desk / reception,Book leave;Coffee; tea; and cake;Claim expenses;\n",
    )
    mapping_text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    mapping_path = write_file(
        tmp_path, "other.yaml", mapping_text.replace("choices:\n", "choices:\n  other: true\n")
    )
    result = import_survey(load_mapping(mapping_path, study), export)
    assert {t: n for t, n in result.tally.votes["desk"].items() if n} == {"leave": 1, "expense": 1}
    assert placed(result.warnings) == [
        (2, 3, "'Coffee;tea;and cake' matches no task: left out as an answer to 'Other'")
    ]
    assert result.warnings[0].hint == (
        "if it is a task of the list, add it to the tasks in the mapping with this label"
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "ms-forms", export)
    assert placed(raised.value.problems) == [
        (2, 3, "unknown choices 'Coffee', 'tea' and 'and cake'")
    ]


def test_only_microsoft_forms_ends_a_group_answer_with_a_semicolon(
    study: Study, tmp_path: Path
) -> None:
    """A Microsoft Forms question that takes several answers ends even one with ';': its
    'Front desk / reception;' is the desk's answer. In a Google Forms export the ';' is
    part of the answer, which no group has."""
    forms = (SURVEY_FIXTURES / "exports" / "ms-forms.csv").read_text(encoding="utf-8-sig")
    ended = write_file(
        tmp_path, "ms.csv", forms.replace(",Front desk / reception,", ",Front desk / reception;,")
    )
    assert {g: dict(v) for g, v in import_layout(study, "ms-forms", ended).tally.votes.items()} == (
        EXPECTED_VOTES
    )
    google = (SURVEY_FIXTURES / "exports" / "google-forms.csv").read_text(encoding="utf-8")
    one = write_file(
        tmp_path,
        "g.csv",
        google.replace(",Front desk / reception,", ",Front desk / reception;,", 1),
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", one)
    assert placed(raised.value.problems) == [
        (2, 2, "unknown group answer 'Front desk / reception;'")
    ]


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
    first = MS_FORMS_HEADER if layout == "ms-forms" else GOOGLE_FORMS_HEADER
    joined = ", " if layout == "ms-forms" else ";"
    with_other = cells.replace("Claim expenses", f"Claim expenses{joined}Fly to the moon")
    half = cells.replace("Claim expenses", "Fly to the moon")
    alone = '"Book leave"' if layout == "ms-forms" else "Book leave;"  # as the tool writes it
    mostly_not = with_other.replace("Book leave", "Walk the dog")
    rows = [cells, with_other, half, alone, mostly_not]
    export = write_file(
        tmp_path, "f.csv", first + "".join(f"{n},Field staff,{c}\n" for n, c in enumerate(rows))
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, export)
    told = [(p.location.line, p.location.column, p.hint) for p in raised.value.problems]
    assert told[:3] == [(2, 3, hint), (3, 3, hint), (4, 3, hint)]
    if layout == "google-forms":  # one choice that Microsoft Forms ends with its ';'
        assert told[3] == (5, 3, hint)
    assert told[-1][:2] == (6, 3) and "joined with" not in told[-1][2]


def test_unknown_choice_and_group_are_errors_with_row_and_column(
    study: Study, tmp_path: Path
) -> None:
    export = write_file(
        tmp_path,
        "g.csv",
        GOOGLE_FORMS_HEADER
        + "t1,Field staff,Book leave\n"
        + 't2,Field staff,"Book leave, Fly to the moon"\n'
        + "t3,Astronaut,Book leave\n"
        + "t4,Cosmonaut,Fly to the moon\n",  # both: neither waits for the next import
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
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
    header = MS_FORMS_HEADER if layout == "ms-forms" else GOOGLE_FORMS_HEADER
    result = import_layout(study, layout, write_file(tmp_path, "x.csv", header + rows))
    assert dict(result.tally.respondents) == {"field": 4}
    votes = {t: n for t, n in result.tally.votes["field"].items() if n}
    assert votes == {"leave": 3, "expense": 1, "cafe": 1}
    export = write_file(tmp_path, "y.csv", header + rows + "t5,Fie\u00a0ld staff,Book leave\n")
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, export)
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
    mapping = write_file(
        tmp_path, "mapping.yaml", plain.replace("See the café menu", "See the menu...")
    )
    export = write_file(
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
    export = write_file(
        tmp_path,
        "g.csv",
        GOOGLE_FORMS_HEADER
        + "t1,Field staf,Book leave\n"
        + "t2,Field staff,Book leaves\n"
        + "t3,FIELD STAFS,Book leave\n"  # in capitals too, as an export may have it
        + "t4,Field staff,BOOK LEAVEZ\n"
        + "t5,FIELD STAF,BOOK LEAVES\n",  # as above but for case: the same problems
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
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
    export = write_file(
        tmp_path,
        "g.csv",
        GOOGLE_FORMS_HEADER
        + "t1,Field staff,Book leave\n"
        + ",,\n"
        + f't3,Office staff,"{six}"\n'
        + "t4,Office staff,\n"
        + "t5,,Book leave\n",
    )
    result = import_layout(study, "google-forms", export)
    shown = placed(result.warnings)
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
        import_layout(study, "google-forms", export, strict=True)
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
    header, *rows = table_rows(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
    if interleaved:  # a row of r11, who chose three tasks, first: their rows stand apart
        rows.insert(0, rows.pop(-2))
    width = len(header)
    rows[0] = rows[0][: width - 1] if rows[0][-1] == "" else rows[0]  # short: padded
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    result = import_layout(study, layout, path)
    assert result.warnings == ()
    assert sum(result.tally.respondents.values()) == 12
    rows[2] = [*rows[2][:1], "Office", " staff", *rows[2][2:]]  # "Office, staff" unquoted
    rows[5] = [*rows[5], ""]  # and a row further on: each is told, the reading goes on
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, path)
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
    header, *rows = table_rows(SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    lines = io.StringIO()
    csv.writer(lines, lineterminator="\n").writerows([header, *rows[:2]])
    broken = rows[2][:]
    broken[1] = '"' + broken[1]  # line 4, column 2: opened, never closed
    lines.write(",".join(broken) + "\n")
    csv.writer(lines, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows[3:])
    path = write_file(tmp_path, "export.csv", lines.getvalue())
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "limesurvey", path)
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
    header, *rows = table_rows(SURVEY_FIXTURES / "exports" / f"{layout}.csv")
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
    path = write_file(tmp_path, "export.csv", lines.getvalue())
    last = 5 if closed else len(rows) + 1
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, path)
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
        row, header = "t{i},Field staff,Teleport{n}\n", GOOGLE_FORMS_HEADER
    text = header + "".join(row.format(i=i, n=f" {i}") for i in range(count))
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, write_file(tmp_path, "g.csv", text))
    messages = [p.message for p in raised.value.problems]
    if count == MAX_PER_KIND:  # every one shown: nothing to sum up
        assert len(messages) == MAX_PER_KIND and "more rows" not in messages[-1]
    else:
        assert len(messages) == MAX_PER_KIND + 1
        assert messages[-1] == f"{count - MAX_PER_KIND} more rows like these: unknown choice"
        assert raised.value.problems[-1].repeats == count - MAX_PER_KIND
    same = header + "".join(row.format(i=i, n="") for i in range(count))
    with pytest.raises(InvalidStudyError) as once:
        import_layout(study, layout, write_file(tmp_path, "same.csv", same))
    [problem] = once.value.problems
    assert (problem.location.line, problem.repeats) == (2, count)
    assert problem.message.endswith(f"(also on rows 3, 4, 5 and {count - 4} more)")


def test_a_task_chosen_twice_counts_once(study: Study, tmp_path: Path) -> None:
    export = write_file(
        tmp_path,
        "m.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Field staff,Book leave;Book leave;Claim expenses;\n"
        "2,Field staff,Book leave;Book leave;\n",
    )
    result = import_layout(study, "ms-forms", export)
    tally = result.tally
    assert dict(tally.respondents) == {"field": 2}
    assert {t: n for t, n in tally.votes["field"].items() if n} == {"leave": 2, "expense": 1}
    twice = "'Book leave' chosen more than once by one respondent: counted once"
    assert placed(result.warnings) == [(2, 3, twice), (3, 3, twice)]
    with pytest.raises(InvalidStudyError):
        import_layout(study, "ms-forms", export, strict=True)


def test_a_warning_names_three_tasks_chosen_twice_and_counts_the_rest(
    study: Study, tmp_path: Path
) -> None:
    labels = ["Book leave", "Claim expenses", "See the café menu", "Report a broken printer"]
    export = write_file(
        tmp_path,
        "m.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        f"1,Field staff,{';'.join(labels * 500)};\n"
        f"2,Field staff,{';'.join(labels[:3] * 2)};\n",
    )
    result = import_layout(study, "ms-forms", export)
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
    export = write_file(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    result = import_layout(study, "long", export)
    tally = result.tally
    assert {t: n for t, n in tally.votes["field"].items() if n} == {"leave": 1, "expense": 1}
    assert {t: n for t, n in tally.votes["desk"].items() if n} == {"leave": 1, "cafe": 1}
    whose = "by the respondent whose first row this is: counted once"
    second = 5 if order == "grouped" else 3
    assert placed(result.warnings) == [  # told once, with the other respondent's row
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
    export = write_file(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    result = import_layout(study, "long", export)
    assert dict(result.tally.respondents) == {"desk": 1}
    first = 3 if order == "grouped" else 2
    assert placed(result.warnings) == [
        (
            first,
            3,
            "6 tasks chosen by the respondent whose first row this is, more than the 5 "
            "allowed: respondent left out",
        )
    ]


def test_missing_column_is_reported_at_the_header(study: Study, tmp_path: Path) -> None:
    export = write_file(
        tmp_path, "g.csv", "Timestamp,What is your rol?,Tasks\nt1,Field staff,Book leave\n"
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
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
        import_layout(study, "limesurvey", write_file(tmp_path, "l.csv", text))
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
    full = import_layout(study, "limesurvey", write_file(tmp_path, "full.csv", buffer.getvalue()))
    plain = import_layout(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    assert full.tally.votes == plain.tally.votes
    assert full.warnings == plain.warnings


def test_limesurvey_headings_with_question_text(study: Study, tmp_path: Path) -> None:
    """A mapping written with codes reads an export headed "Question code & question
    text" alike, and points at the same columns."""
    export = limesurvey_with_text_headings(tmp_path)
    assert '"G02Q02[SQ001]. Which tasks do you do most often? [Book leave]"' in (
        export.read_text("utf-8")
    )
    plain = import_layout(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    text = import_layout(study, "limesurvey", export)
    assert text.tally.votes == plain.tally.votes
    lines = export.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace('"AO01","Y"', '"AO01","maybe"', 1)
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "limesurvey", write_file(tmp_path, "l.csv", "\n".join(lines) + "\n"))
    assert [(p.location.line, p.location.column) for p in raised.value.problems] == [(2, 7)]
    # warnings point at the group answer (6) and the first task (7) too
    lines[1] = lines[1].replace('"AO01","maybe"', '"","Y"', 1)
    lines[2] = lines[2].split('"AO01"')[0] + '"AO01"' + ',""' * 6
    warned = import_layout(
        study, "limesurvey", write_file(tmp_path, "w.csv", "\n".join(lines) + "\n")
    )
    assert placed(warned.warnings) == [
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
        import_layout(study, layout, write_file(tmp_path, "x.csv", export))
    assert placed(raised.value.problems) == [problem]


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
    export = write_file(tmp_path, "l.csv", "respondent;group;task\n" + "\n".join(rows) + "\n")
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "long", export)
    fly, r2 = (3, 4) if order == "grouped" else (5, 3)  # the lines of those rows
    assert sorted(placed(raised.value.problems)) == sorted(
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
    path = write_file(tmp_path, "ids.csv", text)
    tally = import_survey(mapping, path).tally
    assert {g: dict(v) for g, v in tally.votes.items()} == EXPECTED_VOTES


def test_short_rows_of_a_long_export_in_any_order_are_padded(study: Study, tmp_path: Path) -> None:
    """A comment column that the export leaves off where it is empty, rows sorted by task
    (so read the second way): every row still counts."""
    header, *rows = table_rows(SURVEY_FIXTURES / "exports" / "long.csv")
    rows.sort(key=lambda row: row[2])
    rows[0].append("first")
    path = tmp_path / "sorted.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([[*header, "comment"], *rows])
    result = import_layout(study, "long", path)
    assert result.warnings == ()
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS


def test_limesurvey_empty_row_is_left_out(study: Study, tmp_path: Path) -> None:
    lines = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text("utf-8").splitlines()
    width = lines[0].count(",") + 1
    lines.insert(2, ",".join(['""'] * width))
    result = import_layout(
        study, "limesurvey", write_file(tmp_path, "l.csv", "\n".join(lines) + "\n")
    )
    assert placed(result.warnings) == [(3, 1, "empty row left out")]
    plain = import_layout(study, "limesurvey", SURVEY_FIXTURES / "exports" / "limesurvey.csv")
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
    export = write_file(tmp_path, "l.csv", "\n".join(["respondent,group,task", *rows]) + "\n")
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "long", export)
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
    export = write_file(
        tmp_path,
        "l.csv",
        "respondent,group,task\n"
        "r1,desk, book LEAVE \n"
        "r1,desk,\n"
        "r2,field,Claim expenses\n"
        ",,\n"
        "r3,office,\n",
    )
    result = import_layout(study, "long", export)
    tally = result.tally
    assert dict(tally.respondents) == {"desk": 1, "field": 1}
    assert {g: {t: n for t, n in v.items() if n} for g, v in tally.votes.items()} == {
        "desk": {"leave": 1},
        "field": {"expense": 1},
    }
    assert placed(result.warnings) == [
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
        import_layout(study, layout, write_file(tmp_path, "x.csv", header + "\n1,2,3,4\n"))
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
        import_layout(
            study, "limesurvey", write_file(tmp_path, "x.csv", header + "\n1,AO01,Y,,,,,\n")
        )
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
        import_layout(
            study, "ms-forms", write_file(tmp_path, "x.csv", header + "\n" + "1," * 19 + "1\n")
        )
    first = raised.value.problems[0]
    assert first.message == "no column 'What is your role?' (the respondent's group) in the header"
    assert first.hint == (
        "the header has: " + ", ".join(f"'Vraag {i}'" for i in range(1, 13)) + " and 8 more"
    )


def test_long_layout_in_any_row_order(study: Study, tmp_path: Path) -> None:
    """Sorted by task, a respondent's rows are apart: the export is read a second time with
    every respondent kept open, and counts as the grouped fixture does."""
    header, *rows = table_rows(SURVEY_FIXTURES / "exports" / "long.csv")
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
    export = write_file(
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
    export = write_file(
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
            return import_survey(mapping, write_file(Path(folder), "m.csv", header + rows))

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


@pytest.mark.parametrize("empty", [1, 2])
def test_the_first_sheet_with_data_is_read(study: Study, tmp_path: Path, empty: int) -> None:
    """An empty sheet put before the export's (for notes not yet written) hides nothing."""
    book = Workbook()
    for name in ["Notes", "More notes"][1:empty]:
        book.create_sheet(name)
    answers = book.create_sheet("Responses")
    for row in table_rows(SURVEY_FIXTURES / "exports" / "long.csv"):
        answers.append(row)
    book.save(tmp_path / "export.xlsx")
    result = import_layout(study, "long", tmp_path / "export.xlsx")
    first = "the sheet before it empty" if empty == 1 else "the 2 sheets before it empty"
    assert how_read_text(result.how, "en") == f"XLSX, sheet 'Responses', {first}"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


def test_a_sheet_of_notes_before_the_answers_is_passed_over(study: Study, tmp_path: Path) -> None:
    """A consultant may put a sheet of notes before the export's: the answers are read
    from the sheet that has the mapping's columns, and a problem names its sheet (row 3
    is on both), as a single sheet's problems do not. Of two sheets that have them,
    which holds the answers is the user's to say."""
    book, answers = notes_then_forms_export(tmp_path / "export.xlsx")
    result = import_layout(study, "ms-forms", tmp_path / "export.xlsx")
    assert how_read_text(result.how, "en") == "XLSX, sheet 'Form1'"
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    answers.append([cell.value for cell in answers[2]])  # a row pasted again: read again
    book.save(tmp_path / "export.xlsx")
    again = import_layout(study, "ms-forms", tmp_path / "export.xlsx")
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
        import_layout(study, "ms-forms", tmp_path / "export.xlsx")
    [problem] = raised.value.problems
    assert problem.format().endswith(":3:7: cell 'Form1'!G3: unknown choice 'Fly to the moon'")
    copy = book.copy_worksheet(answers)
    copy.title = "Form1 cleaned"
    book.save(tmp_path / "export.xlsx")
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "ms-forms", tmp_path / "export.xlsx")
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
        import_layout(study, "ms-forms", tmp_path / "alone.xlsx")
    assert alone.value.problems[0].location.cell == "G3"


def test_unreadable_inputs(study: Study, tmp_path: Path) -> None:
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)
    with pytest.raises(NeedmapError, match=r"cannot read '\.json' files") as raised:
        import_survey(mapping, write_file(tmp_path, "x.json", "{}"))
    assert (raised.value.problems[0].message, raised.value.problems[0].hint) == (
        "cannot read '.json' files",
        "export the survey as CSV or XLSX",
    )
    with pytest.raises(NeedmapError, match="the file is empty") as empty:
        import_survey(mapping, write_file(tmp_path, "x.csv", ""))
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
        write_file(tmp_path, name, office + stream + bytes(1024))
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
    write_file(tmp_path, "damaged.xls", office + bytes(1024))
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
        named = write_file(
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
    assert import_survey(mapping, write_file(tmp_path, "u.txt", utf16)).tally.respondents == {
        "desk": 1
    }


def test_tally_round_trip_keeps_no_respondent_data(study: Study, tmp_path: Path) -> None:
    result = import_layout(study, "ms-forms", SURVEY_FIXTURES / "exports" / "ms-forms.csv")
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
            "'desk' has 5 respondents but 1 vote, and each respondent chose at least one task",
        ),
        (
            lambda d: d["respondents"].update(desk=1200) or d["votes"]["desk"].update(leave=1201),
            "'desk' has 1,200 respondents but 1,201 votes for 'leave', and each respondent "
            "chose a task once at most",
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
    result = import_layout(study, "long", SURVEY_FIXTURES / "exports" / "long.csv")
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
    export = write_file(
        tmp_path,
        "g.csv",
        GOOGLE_FORMS_HEADER + "t1,Field staff,Book leave\n" + f't2,Field staff,"{huge}"\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
    (problem,) = raised.value.problems
    assert problem.location.line == 3
    assert problem.message.startswith("cannot read the file here: field larger than field limit")
    assert problem.hint.startswith("check the quotes on this line")
    # the draft reads the same rows: the same problem, not a traceback
    with pytest.raises(InvalidStudyError) as drafted:
        draft_mapping(study, export, layout="google-forms")
    assert [(p.location.line, p.message) for p in drafted.value.problems] == [(3, problem.message)]
    # a quote left open in the header itself
    header = write_file(tmp_path, "h.csv", f'"{huge}\n')
    with pytest.raises(InvalidStudyError) as opened:
        import_layout(study, "google-forms", header)
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
    rows = table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=2):
            sheet.cell(row=r, column=c, value=int(value) if value.isdigit() else value)
    sheet.cell(row=5, column=8, value="Book leave;Fly to the moon;")
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "ms-forms", path)
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
    for row in table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv"):
        sheet.append([int(c) if c.isdigit() else c for c in row])
    sheet["G3"] = "Book leave;\nFly to the moon;"
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "ms-forms", path)
    assert placed(raised.value.problems) == [(3, 7, "unknown choice 'Fly to the moon'")]


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
