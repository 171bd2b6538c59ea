"""Counting a clean LimeSurvey export from its whole text: the same tally as the row
reader, and for anything not clean, the row reader's own tally or problems."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from needmap import load_study
from needmap.errors import InvalidStudyError, Problem
from needmap.surveys import import_survey, load_mapping, whole_text
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tables import open_table
from needmap.surveys.tally import Tally
from tests.conftest import SURVEY_FIXTURES

HEADER = ["id", "G01Q01", *(f"G02Q02[SQ00{i}]" for i in range(1, 7)), "comment"]
"""The fixture mapping's columns: the group answer, six task columns, and a free text."""


def _mapping() -> SurveyMapping:
    study = load_study(SURVEY_FIXTURES / "study")
    return load_mapping(SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", study)


@contextmanager
def _counted_by_text() -> Iterator[list[bool]]:
    """Record whether each import was counted from the whole text."""
    outcomes: list[bool] = []
    real = whole_text.count_limesurvey_text

    def spy(*args: object) -> bool:
        outcomes.append(real(*args))  # type: ignore[arg-type]
        return outcomes[-1]

    with mock.patch("needmap.surveys.layouts.count_limesurvey_text", spy):
        yield outcomes


Outcome = tuple[Tally | None, list[Problem]]


def _outcome(mapping: SurveyMapping, path: Path) -> Outcome:
    try:
        result = import_survey(mapping, path)
    except InvalidStudyError as error:
        return None, list(error.problems)
    return result.tally, list(result.warnings)


def _both_ways(path: Path) -> tuple[list[bool], Outcome, Outcome]:
    """Whether the whole-text way counted ``path``, and the outcome with it allowed and
    with the row reader alone."""
    mapping = _mapping()
    with _counted_by_text() as counted:
        fast = _outcome(mapping, path)
    with mock.patch("needmap.surveys.layouts.count_limesurvey_text", lambda *_: False):
        slow = _outcome(mapping, path)
    return counted, fast, slow


def _write(folder: Path, text: str) -> Path:
    path = folder / "export.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_the_fixture_is_counted_from_its_text_with_the_hand_counted_votes() -> None:
    """LimeSurvey quotes every cell; the fixture's twelve respondents are counted without
    a row loop, and come out as counted by hand (see conftest)."""
    from tests.conftest import EXPECTED_RESPONDENTS, EXPECTED_VOTES

    with _counted_by_text() as counted:
        result = import_survey(_mapping(), SURVEY_FIXTURES / "exports" / "limesurvey.csv")
    assert counted == [True]
    assert dict(result.tally.respondents) == EXPECTED_RESPONDENTS
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES


@pytest.mark.parametrize(
    ("rows", "respondents", "leave", "cafe"),
    [
        # plain cells, as Excel saves them, with the task run ending the row
        ("1;AO01;Y;;;;;Y\n2;AO01;;Y;;;;\n3;AO02;Y;;;;;\n", {"desk": 2, "field": 1}, 2, 1),
        # quoted cells, CRLF, no line break after the last row
        ('"1";"AO03";"";"";"";"";"";"Y"\r\n"2";"AO03";"Y";"";"";"";"";"Y"', {"office": 2}, 1, 2),
        # full answers, as "Export responses" with full answers writes them
        (
            '"1";"AO04";"Not selected";"Yes";"Not selected";"Not selected";"Not selected";"Yes"\n'
            '"2";"AO01";"Yes";"Not selected";"Not selected";"Not selected";"Not selected";"Yes"\n',
            {"desk": 1, "~": 1},
            1,
            2,
        ),
        # full answers after a space: the byte that tells them apart is the Y, since
        # "Not selected" holds a space too
        (
            "1;AO01; Yes;Not selected;Not selected;Not selected;Not selected; Yes\n",
            {"desk": 1},
            1,
            1,
        ),
        # Dutch full answers, plain; an empty cell is not chosen either
        ("1;AO02;Ja;Niet geselecteerd;;Ja;Ja;Niet geselecteerd\n", {"field": 1}, 1, 0),
    ],
)
def test_clean_exports_are_counted_from_their_text(
    tmp_path: Path, rows: str, respondents: dict[str, int], leave: int, cafe: int
) -> None:
    header = ";".join(HEADER[:-1])
    with _counted_by_text() as counted:
        tally = import_survey(_mapping(), _write(tmp_path, f"{header}\n{rows}")).tally
    assert counted == [True]
    assert dict(tally.respondents) == respondents
    assert sum(v["leave"] for v in tally.votes.values()) == leave
    assert sum(v["cafe"] for v in tally.votes.values()) == cafe


@pytest.mark.parametrize(
    "row",
    [
        "1,AO01,Y,,,,,,Y,extra",  # wider than the header
        "1,AO01,Y,,,,",  # narrower: padded by the row reader
        "1,AO09,Y,,,,,,",  # unknown group answer
        "1,,Y,,,,,,",  # no group
        "1,AO01,,,,,,,",  # no task chosen
        "1,AO01,Y,Y,Y,Y,Y,Y,",  # more than five
        "1,AO01,yes,,,,,,\n2,AO01,Yes,,,,,,",  # chosen written two ways
        '1,AO01,Y"",,,,,,',  # a quote inside a plain cell
        '1,AO01,"Y",,,,,,',  # quoted and plain cells mixed
        "1,AO01,Y,N,No,,,,",  # not chosen written two ways
        "1,AO01,YY,,,,,,",  # a cell of two Y's
        pytest.param("1,AO01,Y,,,,,," + "x" * 200_000, id="a cell over the csv size limit"),
    ],
)
def test_anything_not_clean_is_left_to_the_row_reader(tmp_path: Path, row: str) -> None:
    counted, fast, slow = _both_ways(_write(tmp_path, ",".join(HEADER) + "\n" + row + "\n"))
    assert counted == [False]
    assert fast == slow


@pytest.mark.parametrize("end", ["", "\n"], ids=["no line end", "a line end"])
def test_a_header_with_no_rows_is_never_read_again_as_a_row(tmp_path: Path, end: str) -> None:
    """The text after the header is counted; when the header has no line end, there is no
    such text, and the header itself must not be taken for a respondent's row."""
    counted, fast, slow = _both_ways(_write(tmp_path, ",".join(HEADER) + end))
    assert True not in counted
    assert fast == slow
    assert [p.message for p in fast[1]] == [
        "no respondent could be counted: every row was left out or empty"
    ]


_TASKS = HEADER[2:8]


@pytest.mark.parametrize(
    "header",
    [
        ["id", "G01Q01", *_TASKS[:2], "G02Q02[other]", *_TASKS[2:], "comment"],
        ["id", "G01Q01", _TASKS[1], _TASKS[0], *_TASKS[2:], "comment"],
        ["id", *_TASKS[:3], "G01Q01", *_TASKS[3:], "comment"],
    ],
    ids=["a column between the tasks", "tasks in another order", "the group amid the tasks"],
)
def test_task_columns_not_side_by_side_in_order_are_left_to_the_row_reader(
    tmp_path: Path, header: list[str]
) -> None:
    """The text is counted a run of cells at a time: only tasks that stand side by side,
    in the mapping's order, with the group answer outside them, can be."""
    answers = [
        {"G01Q01": "AO01", _TASKS[0]: "Y", _TASKS[2]: "Y", "G02Q02[other]": "Y"},
        {"G01Q01": "AO02", _TASKS[1]: "Y", _TASKS[5]: "Y"},
    ]
    rows = "".join(
        f"{i},{','.join(a.get(h, '') for h in header[1:])}\n" for i, a in enumerate(answers)
    )
    counted, fast, slow = _both_ways(_write(tmp_path, ",".join(header) + "\n" + rows))
    assert counted == [False]
    assert fast == slow
    assert fast[0] is not None and dict(fast[0].respondents) == {"desk": 1, "field": 1}


@pytest.mark.parametrize(
    "header",
    [
        ["G01Q01", *_TASKS, "id", "comment"],
        ["id", *_TASKS, "comment", "G01Q01"],
        [*_TASKS, "G01Q01", "id"],
        ["G01Q01", "id", *_TASKS, "comment"],
    ],
    ids=[
        "the group first, the key after the tasks",
        "the group last",
        "the tasks first",
        "the key between the group and the tasks",
    ],
)
def test_the_group_and_key_columns_may_stand_on_either_side_of_the_tasks(
    tmp_path: Path, header: list[str]
) -> None:
    """The cells the text is counted from are found by their columns, wherever they stand
    (a group column after the tasks was read row by row), and a key on two rows is found
    too."""
    answers = [
        {"G01Q01": "AO01", _TASKS[0]: "Y", _TASKS[2]: "Y"},
        {"G01Q01": "AO02", _TASKS[1]: "Y", _TASKS[5]: "Y"},
    ]
    rows = [[str(i) if h == "id" else a.get(h, "") for h in header] for i, a in enumerate(answers)]
    text = "".join(",".join(row) + "\n" for row in [header, *rows])
    counted, fast, slow = _both_ways(_write(tmp_path, text))
    assert counted == [True]
    assert fast == slow
    assert fast[0] is not None and dict(fast[0].respondents) == {"desk": 1, "field": 1}
    assert fast[0].votes["desk"]["expense"] == 1

    counted, fast, slow = _both_ways(_write(tmp_path, text + ",".join(rows[0]) + "\n"))
    assert counted == []  # the key on two rows: read again row by row
    assert fast == slow
    assert fast[0] is not None and dict(fast[0].respondents) == {"desk": 1, "field": 1}
    assert [p.location.line for p in fast[1]] == [4]


@pytest.mark.parametrize("respondent", ["G01Q01", "G02Q02[SQ003]"])
def test_a_key_column_that_is_the_group_s_or_a_task_s_is_left_to_the_row_reader(
    tmp_path: Path, respondent: str
) -> None:
    """A mapping that names the group column, or a task column, as the respondent's: the
    text's pattern captures each column once, so the rows are read one by one. The group
    column's answer is on both rows, which differ: the warning says the column may not
    tell respondents apart (a task's empty cells are no keys)."""
    mapping = _mapping().model_copy(update={"respondent": respondent})
    rows = "1,AO01,Y,,,,,,\n2,AO01,,Y,,,,,\n"
    with _counted_by_text() as counted:
        result = import_survey(mapping, _write(tmp_path, ",".join(HEADER) + "\n" + rows))
    assert counted == [False]
    assert dict(result.tally.respondents) == {"desk": 2}
    if respondent == "G01Q01":
        [warning] = result.warnings
        assert warning.message.startswith("this row's respondent ('G01Q01') is on line 2 too")
        assert warning.hint.endswith(
            "if the column does not tell respondents apart, name another under respondent: "
            "in the mapping"
        )
    else:
        assert result.warnings == ()


def test_a_line_break_in_a_quoted_cell_is_read_as_the_csv_module_reads_it(
    tmp_path: Path,
) -> None:
    """An open answer over two lines does not stop counting from the text; the rows still
    come out as the csv module reads them."""
    rows = '1,AO01,Y,,,,,,"first line\r\nsecond, line"\r\n2,AO02,,Y,,,,,""\r\n'
    counted, fast, slow = _both_ways(_write(tmp_path, ",".join(HEADER) + "\r\n" + rows))
    assert counted == [True]
    assert fast == slow
    assert fast[0] is not None and dict(fast[0].respondents) == {"desk": 1, "field": 1}


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b"\xef\xbb\xbf"),
        ("cp1252", b""),
        ("utf-8", b"sep=;\n"),
        ("utf-8", b"# Top tasks\r\n#\r\n\r\n"),
    ],
)
def test_exports_are_read_from_their_bytes_in_each_encoding(
    tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    """UTF-8 with a BOM, Windows-1252, a sep= line and notes: the bytes after the header are
    counted, and an open answer with accents does not get in the way."""
    text = ";".join(HEADER) + "\r\n1;AO01;Y;;;;;;Café, één\r\n2;AO02;;;Y;;;;\r\n"
    path = tmp_path / "export.csv"
    path.write_bytes(prefix + text.encode(encoding))
    counted, fast, slow = _both_ways(path)
    assert counted == [True]
    assert fast == slow
    assert fast[0] is not None and dict(fast[0].respondents) == {"desk": 1, "field": 1}


def test_the_data_starts_after_the_header(tmp_path: Path) -> None:
    quoted_break = _write(tmp_path, '\ufeffsep=,\r\n"a\r\nb",c\r\n1,2\r\n')
    data = open_table(quoted_break).data
    assert data is not None and data.raw[data.start :] == b"1,2\r\n"
    assert (data.delimiter, data.codec) == (",", "utf-8")
    lone_return = tmp_path / "lone.csv"
    lone_return.write_bytes(b"a;b\rc\n1;2\n")
    assert open_table(lone_return).data is None
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("a\tb\n1\t2\n".encode("utf-16"))
    assert open_table(utf16).data is None


_GROUPS = st.sampled_from(["AO01", "AO02", "AO04", '"AO03"', "", "AO09", " ao01", '"A,O"'])
_TASK_CELLS = st.sampled_from(
    ["Y", "", '"Y"', '""', "N", "YY", 'Y""', '""Y', '"', " Y", "Yes", "yes", "Not selected", "Ja"]
)
_WORDS = st.sampled_from(
    [("Y", ""), ("Y", ""), ("Yes", "Not selected"), ("Ja", "Niet geselecteerd"), ("1", "0")]
)
_TEXT_CELLS = st.sampled_from(["", "fine", '"a, b"', '"say ""hi"""', "Y", '"a\nb"', '"'])


_BOTH_WAYS_AGREE = settings(
    max_examples=250,
    deadline=None,
    derandomize=True,  # the same cases each run: CI cannot flake
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
_FLAW_RATES = st.sampled_from([0, 0, 1, 3])
"""Out of ten rows, about how many have a flaw."""


@st.composite
def _exports(draw: st.DrawFn, flaw_rates: st.SearchStrategy[int] = _FLAW_RATES) -> str:
    """An export in the fixture's columns: clean, its task cells written with one pair of
    words, or with a few flaws of every kind mixed in (bad cells, rows of another width,
    quoting styles, line ends, blank lines, rows pasted again, a respondent's key on rows
    that differ, quoted or not)."""
    quoted = draw(st.booleans())
    delimiter = draw(st.sampled_from([",", ";"]))
    line_end = draw(st.sampled_from(["\n", "\r\n", "\r\n", "\n", "\r"]))
    flaws = draw(flaw_rates)
    yes, no = draw(_WORDS)
    columns = HEADER if draw(st.booleans()) else HEADER[:-1]  # the tasks end the row, or not
    lines = [delimiter.join(f'"{h}"' if quoted else h for h in columns)]
    for number in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 9)) >= flaws:
            picks = draw(st.sets(st.integers(0, 5), min_size=1, max_size=5))
            chosen, empty = (f'"{yes}"', f'"{no}"') if quoted else (yes, no)
            group = draw(st.sampled_from(["AO01", "AO02", "AO04"]))
            key = str(draw(st.sampled_from([number, number, number, 0])))
            if (draw(st.integers(0, 4)) > 0) == quoted:  # mostly as the export's cells
                key = f'"{key}"'
            cells = [key, f'"{group}"' if quoted else group]
            cells += [chosen if i in picks else empty for i in range(6)]
            cells += [draw(st.sampled_from(["", chosen, empty, '"a, b"', '"a\nb"']))] * (
                len(columns) - 8
            )
        else:
            tasks = draw(st.lists(_TASK_CELLS, min_size=6, max_size=6))
            cells = [str(number), draw(_GROUPS), *tasks, draw(_TEXT_CELLS)]
            cells = cells[: draw(st.integers(len(columns) - 2, len(columns)))]
            cells += draw(st.sampled_from([[], ["x"]]))
        lines.append(delimiter.join(cells))
        if flaws and draw(st.integers(0, 9)) == 0:
            lines.append("")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(lines[1:])))
    return line_end.join(lines) + draw(st.sampled_from(["", line_end]))


@_BOTH_WAYS_AGREE
@given(_exports())
@example(",".join(HEADER) + '\n1,AO01,"Y""Y",,,,,,\n')  # a quoted cell holding Y"Y
@example(",".join(HEADER) + '\n1,AO01,Y,"""",,,,,\n')  # a quoted cell holding a quote
@example(",".join(HEADER) + '\n1,AO01,Y,",",,,,\n')  # a quoted delimiter among the tasks
def test_whole_text_counting_agrees_with_the_row_reader(export: str) -> None:
    """Whatever the export, counting it with the whole-text way allowed gives the same
    tally, warnings and errors as the row reader alone."""
    with tempfile.TemporaryDirectory() as folder:
        _, fast, slow = _both_ways(_write(Path(folder), export))
    assert fast == slow


_STRAY = st.sampled_from(['"', ",", ";", "\r", "\n", "\r\n", "Y", " ", "N", "\x00", "é", '""'])


@st.composite
def _mutated_exports(draw: st.DrawFn) -> str:
    """A clean export with a character or two put in or taken out after its header: the
    flaws a hand edit or a broken tool leaves, anywhere in a cell."""
    export = draw(_exports(st.just(0)))
    header_end = len(export.splitlines(keepends=True)[0])
    body = export[header_end:]
    for _ in range(draw(st.integers(1, 2))):
        at = draw(st.integers(0, len(body)))
        if draw(st.booleans()):
            body = body[:at] + draw(_STRAY) + body[at:]
        else:
            body = body[:at] + body[at + 1 :]
    return export[:header_end] + body


@_BOTH_WAYS_AGREE
@given(_mutated_exports())
def test_a_clean_export_changed_by_a_character_is_counted_alike(export: str) -> None:
    """One character more or less anywhere in a clean export: the whole-text way and the
    row reader still agree on the tally, warnings and errors."""
    with tempfile.TemporaryDirectory() as folder:
        _, fast, slow = _both_ways(_write(Path(folder), export))
    assert fast == slow
