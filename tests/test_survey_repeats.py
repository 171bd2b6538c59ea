"""Rows an export lists twice (two exports pasted into one, a row pasted again): each respondent
counted once, with one warning, found by the column that tells respondents apart."""

from __future__ import annotations

import csv
import dataclasses
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from needmap.personas.study import Study
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.catalog import one_export, same_answers
from needmap.surveys.counting import RowsRepeated, check_keys
from needmap.surveys.layouts import _A_TIME
from needmap.surveys.tables import open_table
from needmap.surveys.tally import Tally
from tests.conftest import (
    EXPECTED_RESPONDENTS,
    EXPECTED_VOTES,
    SURVEY_FIXTURES,
    import_layout,
    placed,
    table_rows,
    write_file,
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
    joined = write_file(tmp_path, "joined.csv", b"".join([*lines, *lines[1:5]]))
    result = import_layout(study, layout, joined)
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    heading = _RESPONDENT_HEADINGS[layout]
    assert placed(result.warnings) == [
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
    tally = import_layout(study, "ms-forms", SURVEY_FIXTURES / "exports" / "ms-forms.csv").tally
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
        export = write_file(Path(folder), "pasted.csv", b"".join(lines))
        result = import_layout(study, layout, export)
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
    keyless = write_file(tmp_path, "keyless.yaml", text.replace(f"respondent: {heading}\n", ""))
    mapping = load_mapping(keyless, study)
    assert mapping.respondent is None
    lines = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes().splitlines(keepends=True)
    joined = write_file(tmp_path, "joined.csv", b"".join([*lines, *lines[1:5]]))
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
    result = import_layout(study, layout, write_file(tmp_path, "same-key.csv", text.getvalue()))
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    if layout == "google-forms":
        assert result.warnings == ()
        return
    assert placed(result.warnings) == [
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
    result = import_layout(
        study, "long", write_file(tmp_path, "j.csv", b"".join([*lines, *lines[1:]]))
    )
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
    rows = table_rows(SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    for row in [*rows, rows[3]]:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    workbook.save(tmp_path / "joined.xlsx")
    result = import_layout(study, "ms-forms", tmp_path / "joined.xlsx")
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert placed(result.warnings)[0][:2] == (14, None)
    assert "(line 4)" in result.warnings[0].message

    lines = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text("utf-8").splitlines()
    unquoted = lines[2].replace('"2",', "2,", 1)
    cut = lines[1].removesuffix(',"","","",""')  # its empty cells at the end dropped
    assert cut != lines[1]
    export = write_file(tmp_path, "again.csv", "\n".join([*lines, unquoted, cut]) + "\n")
    result = import_layout(study, "limesurvey", export)
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
    export = write_file(tmp_path, "no-id.csv", text.replace("ID,", "Nr,", 1))
    result = import_layout(study, "ms-forms", export)
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
    table = open_table(write_file(tmp_path, "t.csv", "ID,What is your role?,Tasks\n1,Desk,Leave\n"))
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
    export = write_file(
        tmp_path,
        "twice.csv",
        "\n".join([header + ",WHAT IS YOUR ROLE?", *(row + ",Office staff" for row in rows)]),
    )
    result = import_layout(study, "ms-forms", export)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert placed(result.warnings) == [
        (
            1,
            8,
            "this column is headed 'What is your role?' too: the respondent's group is read "
            "from the first one",
        )
    ]
