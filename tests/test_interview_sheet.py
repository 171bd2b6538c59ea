"""``needmap import-interviews``: a spreadsheet of quotes, one per row, into interviews/."""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, Problem, Severity, TargetExistsError
from needmap.interview_import import import_interview_sheet
from needmap.personas.study import Study
from needmap.reports.i18n import labels
from needmap.scaffold import write_schemas
from needmap.surveys.interview_sheet import (
    _DUTCH_HEADINGS,
    SHEET_COLUMNS,
    SheetQuote,
    interview_sheet_yaml,
    read_interview_sheet,
    sheet_file_stem,
)
from needmap.surveys.interviews import check_interviews, load_interviews
from tests.conftest import FIXTURES, MINIMAL_STUDY, StudyMaker, run_needmap, write_tree

runner = CliRunner()

EARLIER = """\
    interviews:
      - id: desk-2026-03-02
        group: desk
        quotes: [{text: Earlier., needs: [search]}]
    """

SHEET = """\
Interview,Group,Date,Participants,Name,Quote,Needs,Questions,Notes
,Front desk,2026-03-02,3,Anna,We search in four systems.,"search, works on a phone",,team lead there
,DESK,2026-03-02,,Bert,An app? Not for us.,,Works-on-a-phone,
Depot visit,field,09-03-2026,1,Piet,I need the roster on my phone.,mobile; Search,,
,field,2026-03-10,2,,,,,
"""


def _refused(study: Study, sheet: Path) -> list[Problem]:
    """Every problem the sheet is refused for: reading it raises with all of them."""
    with pytest.raises(InvalidStudyError) as raised:
        read_interview_sheet(study, sheet)
    return list(raised.value.problems)


_GROUPS = "desk, field"
"""The minimal study's groups, as a hint lists them for a group the sheet does not name."""


def _sheet(tmp_path: Path, text: str = SHEET, name: str = "round 2.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_sheet_becomes_an_interview_file_the_study_accepts(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"interviews/round-1.yaml": EARLIER})
    result = import_interview_sheet(load_study(root), _sheet(tmp_path))
    assert result.path == root / "interviews" / "round-2.yaml"
    assert result.path.read_text(encoding="utf-8") == (
        "# From round 2.csv (needmap import-interviews).\n"
        "interviews:\n"
        "  - id: desk-2026-03-02-2\n"  # desk-2026-03-02 is round 1's
        "    group: desk\n"
        "    participants: 3\n"
        "    date: 2026-03-02\n"
        "    notes: team lead there\n"
        "    quotes:\n"
        "      - text: We search in four systems.\n"
        "        needs: [search, mobile]\n"  # by title, any case
        "      - text: An app? Not for us.\n"
        "        questions: [mobile]\n"  # hyphens for spaces
        "  - id: depot-visit\n"  # the sheet's name for it, as an id
        "    group: field\n"
        "    participants: 1\n"
        "    date: 2026-03-09\n"  # Dutch day-month-year
        "    quotes:\n"
        "      - text: I need the roster on my phone.\n"
        "        needs: [mobile, search]\n"
        "  - id: field-2026-03-10\n"
        "    group: field\n"
        "    participants: 2\n"
        "    date: 2026-03-10\n"
        "    quotes: []\n"  # held, nothing said yet
    )
    [warning] = result.warnings
    assert warning.severity is Severity.WARNING and "'Name'" in warning.message
    study = load_study(root)
    assert len(load_interviews(study)) == 4
    problems = check_interviews(study)
    assert [p.severity for p in problems] == [Severity.WARNING]  # the one without quotes
    assert "Anna" not in result.path.read_text(encoding="utf-8")


def _assert_the_dutch_sheet_read(root: Path) -> None:
    """The one interview of the Dutch sheet with date cells, as its study now holds it."""
    [interview] = load_interviews(load_study(root))
    assert (interview.id, interview.group, interview.date) == ("r1", "desk", "2026-03-09")
    assert interview.participants == 4
    assert [(q.text, q.needs, q.questions) for q in interview.quotes] == [
        ("Zoeken duurt lang.", ["search"], []),
        ("Geen app.", [], ["mobile"]),
    ]


def test_an_excel_sheet_with_dutch_headings_and_date_cells(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Gesprek", "Groep", "Datum", "Deelnemers", "Citaat", "Behoeften", "Betwijfelt"])
    sheet.append(["R1", "desk", datetime.date(2026, 3, 9), 4, "Zoeken duurt lang.", "search", None])
    sheet.append(
        ["R1", "desk", datetime.datetime(2026, 3, 9, 14, 30), None, "Geen app.", None, "mobile"]
    )
    path = tmp_path / "gesprekken.xlsx"
    workbook.save(path)
    root = make_study()
    result = import_interview_sheet(load_study(root), path, name="Ronde 1")
    assert result.path.name == "ronde-1.yaml" and result.warnings == ()
    other = load_study(make_study(name="other"))
    accented = import_interview_sheet(other, path, name="Gesprekken café")
    assert accented.path.name == "gesprekken-cafe.yaml"  # an accent goes, not the letter
    _assert_the_dutch_sheet_read(root)


def test_an_opendocument_sheet_with_date_cells(make_study: StudyMaker) -> None:
    """The sheet saved from LibreOffice (tests/fixtures/make_workbooks.py): its date
    cells, one with a time of day, read as the day; its problems at their cells."""
    sheet = FIXTURES / "interviews" / "gesprekken.ods"
    root = make_study()
    result = import_interview_sheet(load_study(root), sheet)
    assert result.path.name == "gesprekken.yaml" and result.warnings == ()
    _assert_the_dutch_sheet_read(root)
    renamed = MINIMAL_STUDY["needs.yaml"].replace("search", "find").replace("Search", "Find")
    other = load_study(make_study({"needs.yaml": renamed}, name="other"))
    with pytest.raises(InvalidStudyError) as unknown:
        import_interview_sheet(other, sheet)
    assert [p.format() for p in unknown.value.problems] == [
        f"{sheet}:2:6: cell F2: unknown need 'search'"
    ]


@pytest.mark.parametrize("alias", [1, 2, 3])
def test_every_heading_a_column_may_have_reads_as_its_first(
    make_study: StudyMaker, tmp_path: Path, alias: int
) -> None:
    """Each field's other headings (Dutch, or another English word: 'text', 'supports'),
    in any case: the sheet reads as with the first heading of each."""
    fields = list(SHEET_COLUMNS)
    row = ["Depot visit", "field", "2026-03-09", "2", "I need the roster on my phone.", "mobile"]
    row += ["search", "said twice"]

    def sheet(headings: list[str], name: str) -> Path:
        return _sheet(tmp_path, ",".join(headings) + "\n" + ",".join(row) + "\n", name)

    first = sheet([SHEET_COLUMNS[f][0] for f in fields], "first.csv")
    other = [SHEET_COLUMNS[f][min(alias, len(SHEET_COLUMNS[f]) - 1)].upper() for f in fields]
    study = load_study(make_study())
    expected = read_interview_sheet(study, first)
    assert read_interview_sheet(study, sheet(other, "other.csv")) == expected
    [interview] = expected[0]  # every field read
    assert expected[1] == [] and (interview.id, interview.group) == ("depot-visit", "field")
    assert (interview.date, interview.participants, interview.notes) == (
        "2026-03-09",
        2,
        ["said twice"],
    )
    assert interview.quotes == [
        SheetQuote("I need the roster on my phone.", ("mobile",), ("search",))
    ]


def test_a_date_column_that_lost_its_format_reads_as_its_dates(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Values pasted into a sheet, or a CSV saved from it, turn Excel's dates into its day
    numbers (46083 is 2026-03-02); a number outside this century stays an error."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Interview", "Group", "Date", "Quote", "Needs"])
    sheet.append(["R1", "desk", 46083, "Zoeken duurt lang.", "search"])
    sheet.append(["R2", "field", "36526", "Geen app.", "mobile"])
    path = tmp_path / "gesprekken.xlsx"
    workbook.save(path)
    root = make_study()
    import_interview_sheet(load_study(root), path)
    assert [(i.id, i.date) for i in load_interviews(load_study(root))] == [
        ("r1", "2026-03-02"),
        ("r2", "2000-01-01"),
    ]
    for far in ("36525", "73051"):
        sheet = _sheet(tmp_path, f"Group,Date,Quote,Needs\ndesk,{far},Slow.,search\n")
        with pytest.raises(InvalidStudyError) as raised:
            import_interview_sheet(load_study(root), sheet, name=f"far-{far}")
        assert [p.message for p in raised.value.problems] == [f"'{far}' is not a date"]


def test_a_date_with_the_month_s_name_reads_as_that_date(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A CSV saved from a sheet keeps each date as Excel showed it ("7-Dec-26", "maandag 7
    december 2026"); one that does not exist is still refused."""
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Quote,Needs\n"
        "A,desk,7-Dec-26,One.,search\n"
        "B,desk,maandag 7 december 2026,Two.,search\n"
        'C,field,"Monday, December 7, 2026",Three.,search\n'
        "D,field,2 mrt. 2026,Four.,search\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(i.id, i.date) for i in found] == [
        ("a", "2026-12-07"),
        ("b", "2026-12-07"),
        ("c", "2026-12-07"),
        ("d", "2026-03-02"),
    ]
    assert not problems
    for refused in ("31 feb 2026", "7 dec", "7 decem 2026"):
        other = _sheet(tmp_path, f"Group,Date,Quote,Needs\ndesk,{refused},One.,search\n", "x.csv")
        [problem] = _refused(load_study(make_study()), other)
        assert problem.message == f"'{refused}' is not a date"


def test_a_time_cell_in_the_date_column_is_said_to_be_a_time(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A date column formatted as a time in Excel shows only the hour: the day is lost, and
    the message says why the cell does not read as a date."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Interview", "Group", "Date", "Quote", "Needs"])
    sheet.append(["R1", "desk", datetime.time(10, 30), "Zoeken duurt lang.", "search"])
    sheet.append(["R2", "desk", datetime.datetime(2026, 3, 9, 0, 0), "Geen app.", "mobile"])
    path = tmp_path / "gesprekken.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(make_study()), path)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 3)
    assert problem.message == "'10:30:00' is a time, not a date"
    assert problem.hint == (
        "the cell is formatted as a time; "
        "write it as YYYY-MM-DD (2026-03-02) or DD-MM-YYYY (02-03-2026)"
    )


def test_a_quote_excel_took_for_a_formula_is_said_to_be_one(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Typed in Excel, "- we search in four systems" becomes a formula (=- we search…)
    whose value is an error, which reads as an empty cell; on a second sheet as well.
    openpyxl writes a text starting with '=' as such a formula, with no value kept."""
    workbook = Workbook()
    about = workbook.active
    assert about is not None
    about.title = "About"
    about.append(["Quotes of round 2"])
    sheet = workbook.create_sheet("Quotes")
    sheet.append(["Interview", "Group", "Date", "Quote", "Needs"])
    sheet.append(["R1", "desk", "2026-03-02", "=- we search in four systems", "search"])
    sheet.append(["R1", "desk", "2026-03-02", "", "mobile"])
    path = tmp_path / "gesprekken.xlsx"
    workbook.save(path)
    about.delete_rows(1)  # the first sheet with data is read: make it the quotes
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(make_study()), path)
    assert [(p.location.cell, p.message) for p in raised.value.problems] == [
        ("'Quotes'!D2", "needs without a quote"),  # the workbook has two sheets
        ("'Quotes'!D3", "needs without a quote"),
    ]
    assert [p.hint for p in raised.value.problems] == [
        "the cell holds a formula (=- we search in four systems), not text: Excel takes what "
        "is typed starting with =, + or - for one. Type it with a ' in front, '- we search "
        "in four systems, so that it stays text",
        "write what was said in the 'Quote' column",
    ]


def test_a_long_formula_is_quoted_cut_in_the_hint(make_study: StudyMaker, tmp_path: Path) -> None:
    """The hint quotes a formula, and the text to type instead, up to 40 characters each:
    a quote may be a paragraph."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Interview", "Group", "Date", "Quote", "Needs"])
    said = "- we search in four systems, and then we ask a colleague who knows"
    sheet.append(["R1", "desk", "2026-03-02", f"={said}", "search"])
    path = tmp_path / "gesprekken.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(make_study()), path)
    [problem] = raised.value.problems
    assert problem.hint == (
        "the cell holds a formula (=- we search in four systems, and then…), not text: "
        "Excel takes what is typed starting with =, + or - for one. Type it with a ' in "
        "front, '- we search in four systems, and then w…, so that it stays text"
    )


def test_a_quote_that_reads_as_an_excel_error_is_refused(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Saved as CSV, a quote Excel took for a formula is its error's text, in the language
    of the Excel that saved it: not a quote to import."""
    sheet = _sheet(
        tmp_path,
        "Group,Date,Quote,Needs\ndesk,2026-03-02,#NAME?,search\ndesk,2026-03-02,#NAAM?,search\n"
        "desk,2026-03-02,#NAME? is what I saw,search\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.location.column, p.message) for p in problems] == [
        (2, 3, "the quote reads #NAME?: an error Excel shows for a formula"),
        (3, 3, "the quote reads #NAAM?: an error Excel shows for a formula"),
    ]
    assert problems[0].hint == (
        "Excel takes what is typed starting with =, + or - for a formula; type the quote "
        "again with a ' in front, so that it stays text"
    )


def test_control_characters_in_a_sheet_are_taken_out_and_a_vertical_tab_breaks_the_line(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Text pasted from Word into a sheet brings its Shift+Enter line break (a vertical
    tab) and, now and then, other control characters: the interview file must read back,
    and no report refuse the quote."""
    sheet = 'Interview,Group,Quote,Needs\nR1,desk,"Too slow.\x0bEvery day.\x1b[0m\x07",search\n'
    root = make_study()
    import_interview_sheet(load_study(root), _sheet(tmp_path, sheet))
    [interview] = load_interviews(load_study(root))
    assert [q.text for q in interview.quotes] == ["Too slow.\nEvery day.[0m"]


def test_names_match_with_a_no_break_space_or_a_zero_width_space_in_them(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A sheet's headings, group and need names are compared as survey answers are: what
    one cannot tell apart is one name."""
    sheet = (
        "Interview,Target\u00a0 group,Quote,Needs\n"
        'R1,Front\u00a0desk,Slow.,"works on a\u200b phone"\n'
    )
    root = make_study()
    import_interview_sheet(load_study(root), _sheet(tmp_path, sheet))
    [interview] = load_interviews(load_study(root))
    assert interview.group == "desk" and interview.quotes[0].needs == ["mobile"]


def test_names_match_with_hyphens_underscores_or_spaces_for_one_another(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """'Works-on-a-phone', 'WORKS_ON_A_PHONE': ids typed with the wrong joiner, or titles
    with one, are the names they stand for."""
    sheet = "Group,Quote,Needs,Questions\nFront_Desk,Slow.,Works-on-a-phone,SEARCH\n"
    sheet += "field,Fine.,works_on_a_phone,\n"
    root = make_study()
    import_interview_sheet(load_study(root), _sheet(tmp_path, sheet))
    found = [
        (i.group, q.needs, q.questions) for i in load_interviews(load_study(root)) for q in i.quotes
    ]
    assert found == [("desk", ["mobile"], ["search"]), ("field", ["mobile"], [])]


def test_two_interviews_of_the_sheet_named_alike_are_told_at_the_second(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Quote,Needs\n"
        "Depot visit,field,One.,search\n"
        "depot-visit,desk,Two.,search\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.message, p.hint) for p in problems] == [
        (
            3,
            "interview 'depot-visit' is already in this sheet",
            "give it another name in the 'Interview' column: its name and an earlier one's "
            "make the same id",
        )
    ]


def test_the_file_and_its_first_line_are_named_after_the_sheet_whatever_its_name() -> None:
    assert sheet_file_stem("Ronde 2 (def)") == "ronde-2-def"
    assert sheet_file_stem("!!!") == "interviews"  # nothing an id can be made of
    first = interview_sheet_yaml([], "round\n2.csv", "en").splitlines()[0]
    assert first == "# From round 2.csv (needmap import-interviews)."


def test_a_row_with_an_unknown_need_is_also_told_its_interview_s_other_group(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A Dutch sheet, as ``guide --sheet`` heads it for a Dutch study: the hints name its
    columns as it heads them. A row whose need is unknown still belongs to its interview,
    so a group other than that interview's is told in the same run, not after the need is
    mended; and a need written as a word of its title is pointed at."""
    sheet = _sheet(
        tmp_path,
        "gesprek,groep,datum,deelnemers,citaat,behoeften\n"
        "balie-1,Front desk,2026-12-05,4,Het zoeken duurt lang.,search\n"
        "balie-1,Field staff,,6,De app werkt niet onderweg.,phone\n"
        "balie-1,,,,Zoeken gaat slecht.,\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.location.column, p.message, p.hint) for p in problems] == [
        (
            3,
            2,
            "this interview's group was 'Front desk' on row 2, here 'Field staff'",
            "give each interview its own value in the 'gesprek' column",
        ),
        (3, 6, "unknown need 'phone'", "did you mean 'mobile' (Works on a phone)?"),
        (
            4,
            6,
            "this quote is tagged with no need",
            "name the needs it supports under 'behoeften' (or casts doubt on under 'betwijfelt')",
        ),
    ]


def test_a_heading_row_repeated_below_is_left_out_with_a_warning(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Two sheets pasted into one: the second's heading row gave four problems (group
    'Groep' unknown, 'Datum' not a date, ...)."""
    heading = "Gesprek,Groep,Datum,Deelnemers,Citaat,Behoeften\n"
    sheet = _sheet(
        tmp_path,
        heading
        + ",desk,2026-03-02,3,We search in four systems.,search\n"
        + heading.upper()
        + ",field,2026-03-09,1,I need the roster on my phone.,mobile\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(i.group, len(i.quotes)) for i in found] == [("desk", 1), ("field", 1)]
    assert [(p.location.line, p.severity, p.message, p.hint) for p in problems] == [
        (
            3,
            Severity.WARNING,
            "this row repeats the heading row: left out",
            "delete it (two sheets pasted into one keep both heading rows)",
        )
    ]


def test_a_quote_given_again_in_its_interview_counts_once(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Two sheets pasted into one keep the rows they share: each quote was taken twice,
    and counted twice as evidence for its needs. One given again word for word, with the
    same needs, in the same interview, is left out with a warning; in another interview,
    or tagged otherwise, it counts."""
    rows = (
        "Group,Date,Quote,Needs\n"
        "desk,2026-03-02,We search in four systems.,search\n"
        "desk,2026-03-02,Slow.,search\n"
        "field,2026-03-09,Slow.,search\n"  # another interview: its own
        "desk,2026-03-02,Slow.,mobile\n"  # tagged otherwise: a quote of its own
        "desk,2026-03-02,We search in four systems.,Search\n"  # the need as a title, any case
    )
    found, problems = read_interview_sheet(load_study(make_study()), _sheet(tmp_path, rows))
    assert [(i.group, [(q.text, q.needs) for q in i.quotes]) for i in found] == [
        (
            "desk",
            [
                ("We search in four systems.", ("search",)),
                ("Slow.", ("search",)),
                ("Slow.", ("mobile",)),
            ],
        ),
        ("field", [("Slow.", ("search",))]),
    ]
    assert [(p.location.line, p.location.column, p.severity, p.message) for p in problems] == [
        (
            6,
            3,
            Severity.WARNING,
            "this quote is on line 2 too, in the same interview, with the same needs: left "
            "out, so that it counts once",
        )
    ]
    assert problems[0].hint == (
        "two sheets pasted into one keep the rows they share; delete this row"
    )


def test_a_second_column_for_the_same_field_is_refused(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Two quote columns ('Quote' and 'Text'): the second's quotes were left out, with
    only a warning that a column was not imported."""
    sheet = _sheet(
        tmp_path,
        "Group,Quote,Needs,Text\ndesk,We search in four systems.,search,And the intranet.\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.location.column, p.message, p.hint) for p in problems] == [
        (
            1,
            4,
            "a second column for what the column 'Quote' holds: needmap reads one",
            "move what this column holds into the first, or head it so that needmap leaves "
            "it out ('Quote 2')",
        )
    ]


def test_rows_without_an_interview_column_are_told_how_to_part_two_interviews(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path,
        "Group,Date,Participants,Quote,Needs\n"
        "desk,2026-12-05,4,Slow.,search\n"
        "desk,2026-12-05,many,Slow.,search\n"
        "desk,2026-12-05,2,Slow.,search\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.message, p.hint) for p in problems] == [
        (
            3,
            "'many' is not a number of participants",
            "write how many people took part: 1, or more for a focus group",
        ),
        (
            4,
            "this interview's participants was 4 on row 2, here 2",
            "rows of one group and date are one interview: add an 'interview' column to tell "
            "them apart",
        ),
    ]


def test_every_problem_at_its_row_and_column_and_nothing_written(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"interviews/round-1.yaml": EARLIER})
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        ",Frontdesk,2026-03-02,1,Slow.,search\n"
        ",desk,2026-02-30,1,Slow.,search\n"
        ",desk,2026-03-02 or 03,1,Slow.,search\n"
        ",desk,2026-03-02,many,Slow.,serch\n"
        ",desk,2026-03-02,1,Said nothing of use.,\n"
        ",desk,2026-03-02,1,,search\n"
        "A,desk,2026-03-03,1,One.,search\n"
        "A,desk,2026-03-03,2,Two.,search\n"
        "desk-2026-03-02,desk,2026-03-04,1,Three.,search\n"
        "B,desk,2026-03-05,1,One.,search\n"
        "B,desk,2026-03-06,,Two.,search\n"
        ',FRONT DSK,2026-03-02,1,Slow.,"foo, WORKS ON A PHNE, bar"\n'
        ",desk,2026-03-02\n",  # a row cut short: an interview not held yet
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet)
    found = [(p.location.line, p.location.column, p.message) for p in raised.value.problems]
    assert found == [
        (2, 2, "unknown group 'Frontdesk'"),
        (3, 3, "'2026-02-30' is not a date"),
        (4, 3, "'2026-03-02 or 03' is not a date"),  # a date with more after it
        (5, 4, "'many' is not a number of participants"),
        (5, 6, "unknown need 'serch'"),
        (6, 6, "this quote is tagged with no need"),
        (7, 5, "needs without a quote"),
        (9, 4, "this interview's participants was 1 on row 8, here 2"),
        (10, None, "interview 'desk-2026-03-02' is already in the study's interviews/"),
        (12, 3, "this interview's date was 2026-03-05 on row 11, here 2026-03-06"),
        (13, 2, "unknown group 'FRONT DSK'"),
        (13, 6, "unknown need 'foo'"),
        (13, 6, "unknown need 'WORKS ON A PHNE'"),
        (13, 6, "unknown need 'bar'"),
    ]
    hints = [p.hint for p in raised.value.problems]
    assert hints[0] == "did you mean 'Front desk'?" and hints[4] == "did you mean 'search'?"
    assert hints[1:3] == ["write it as YYYY-MM-DD (2026-03-02) or DD-MM-YYYY (02-03-2026)"] * 2
    assert hints[3] == "write how many people took part: 1, or more for a focus group"
    assert hints[5] == (
        "name the needs it supports under 'Needs' (or casts doubt on under 'questions')"
    )
    assert hints[6] == "write what was said in the 'Quote' column"
    assert hints[7] == hints[9] == "give each interview its own value in the 'Interview' column"
    assert hints[8] == (
        "give it another name in the 'Interview' column, or remove the earlier file if this "
        "sheet replaces it"
    )
    assert hints[10] == "did you mean 'Front desk'?"
    assert (
        hints[11]
        == hints[13]
        == (
            f"write need ids or titles, as in needs.yaml, separated by commas (needmap needs list "
            f"{root} lists them)"
        )
    )
    assert hints[12] == "did you mean 'Works on a phone'?"
    assert sorted(p.name for p in (root / "interviews").iterdir()) == ["round-1.yaml"]


def test_a_cell_quoted_in_a_problem_is_scrubbed_and_shortened(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Problems end up in terminals, logs and tickets: a cell typed in the wrong column
    (what someone said, with a phone number) shows without its personal data, and cut."""
    long = "Bel Piet op 06-12345678 " + "en dan nog veel meer " * 10
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        f",desk,{long},1,Slow.,search\n"
        ",Anna 06-12345678,2026-03-02,1,Slow.,search\n",
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(make_study()), sheet)
    date, group = (p.message for p in raised.value.problems)
    assert date.startswith("'Bel [name] op [phone] en dan") and date.endswith("…' is not a date")
    assert len(date) < 100
    assert group == "unknown group '[name] [phone]'"


def test_the_organisation_s_own_name_is_no_person_s(make_study: StudyMaker, tmp_path: Path) -> None:
    """An organisation named after a family ("Van Dijk Installatietechniek"): a quote
    that names it is not warned of, and a problem quotes a cell that names it whole; a
    colleague's surname beside it is still a person's."""
    root = make_study({"study.yaml": "name: T\norganisation: Van Dijk Installatietechniek\n"})
    kept = _sheet(
        tmp_path,
        "Group,Date,Quote,Needs\n"
        "desk,2026-03-02,Bij Van Dijk zoek ik alles op het intranet.,search\n"
        "desk,2026-03-02,Bij Van Dijk vraag ik het aan Van den Berg.,search\n",
    )
    [warning] = read_interview_sheet(load_study(root), kept)[1]
    assert (warning.location.line, warning.message) == (
        3,
        "this text holds a person's surname: reports show a label instead, but the study's "
        "files keep it",
    )
    broken = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        "At Van Dijk,at Van Dijk,at Van Dijk,at Van Dijk,Slow.,search of Van Dijk\n",
        "broken.csv",
    )
    assert [p.message for p in _refused(load_study(root), broken)] == [
        "unknown group 'at Van Dijk'",
        "'at Van Dijk' is not a date",
        "'at Van Dijk' is not a number of participants",
        "unknown need 'search of Van Dijk'",
    ]
    assert [p.message for p in _refused(load_study(make_study()), broken)] == [
        "unknown group 'at [name]'",
        "'at [name]' is not a date",
        "'at [name]' is not a number of participants",
        "unknown need 'search of [name]'",
    ]


def test_an_interview_s_date_may_come_on_a_later_row(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Rows without a date agree with any; the first date given is the interview's."""
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        "Depot,field,,,I need the roster.,mobile\n"
        "Depot,field,,2,It never loads.,mobile\n"
        "Depot,field,2026-03-09,,Search finds nothing.,search\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(i.date, i.participants, len(i.quotes)) for i in found] == [("2026-03-09", 2, 3)]
    assert not problems


def test_an_interview_s_group_may_be_given_on_one_of_its_rows_only(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A consultant fills in the interview's first row, then notes quotes below it with
    only the interview's name; the group may as well come on a later row."""
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        "Depot,,,,I need the roster.,mobile\n"
        "Desk,Front desk,2026-03-02,2,We search a lot.,search\n"
        "Depot,field,2026-03-09,3,It never loads.,mobile\n"
        "Desk,,,,Four systems.,search\n"
        "Depot,,,,Search finds nothing.,search\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(i.id, i.group, i.date, i.participants, [q.text for q in i.quotes]) for i in found] == [
        (
            "depot",
            "field",
            "2026-03-09",
            3,
            ["I need the roster.", "It never loads.", "Search finds nothing."],
        ),
        ("desk", "desk", "2026-03-02", 2, ["We search a lot.", "Four systems."]),
    ]
    assert not problems


def test_an_interview_s_unknown_or_missing_group_is_told_at_its_rows(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """An unknown group once, at the row that gives it (not at the rows that leave it out);
    an interview no row gives a group at each of its rows, with where to give it. A row
    that gives a group of its own is an interview of its own, not one of the row above."""
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Quote,Needs\n"
        "Depot,feild,It never loads.,mobile\n"
        "Depot,,Search finds nothing.,search\n"
        "Desk,,We search a lot.,search\n"
        ",,Four systems.,search\n"
        ",Canteen,Lunch menu.,search\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.location.column, p.message, p.hint) for p in problems] == [
        (2, 2, "unknown group 'feild'", "did you mean 'field'?"),
        (
            4,
            2,
            "no group on this row",
            "write a group's id or name, as in groups.yaml, on this row or another of "
            f"interview 'Desk'; the groups: {_GROUPS}",
        ),
        (
            5,
            2,
            "no group on this row",
            "for a quote of row 4's interview, write its name ('Desk') in the 'Interview' "
            "column, as on each row of its quotes: a row is not counted with the rows above "
            "it. Or write a group's id or name, as in groups.yaml, or the name of an interview "
            f"that another row gives it; the groups: {_GROUPS}",
        ),
        (
            6,
            2,
            "unknown group 'Canteen'",
            "write a group's id or name, as in groups.yaml, or the name of an interview that "
            f"another row gives it; the groups: {_GROUPS}",
        ),
    ]
    unnamed = _sheet(tmp_path, "Group,Quote,Needs\n,Slow.,search\n", "unnamed.csv")
    with pytest.raises(InvalidStudyError) as raised:
        read_interview_sheet(load_study(make_study()), unnamed)
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "no group on this row",
            f"write a group's id or name, as in groups.yaml; the groups: {_GROUPS}",
        )
    ]


def test_a_row_of_a_named_interview_s_group_and_date_that_names_none_is_refused(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """As ``guide --sheet`` sets a sheet out (a row with each interview's name, group and
    date), quotes typed below it with its group and date but no name were counted as a
    second interview with the group that day, of one participant: the import asks which.
    Rows of another date, or of a group no named interview has, are interviews of their
    own as before; named, the quotes join their interview."""
    study = load_study(make_study())
    text = (
        "Interview,Group,Date,Participants,Quote,Needs\n"
        "desk-2026-03-02,desk,2026-03-02,3,We search a lot.,search\n"
        "{name},Front desk,2-3-2026,,Four systems.,search\n"
        ",desk,2026-03-09,,A week later.,search\n"
        ",field,2026-03-02,,Out on the road.,mobile\n"
    )
    problems = _refused(study, _sheet(tmp_path, text.format(name="")))
    assert [(p.location.line, p.location.column, p.message, p.hint) for p in problems] == [
        (
            3,
            1,
            "this row names no interview, but interview 'desk-2026-03-02' of line 2 has its "
            "group and date: is it that one, or a second that day?",
            "write 'desk-2026-03-02' under 'Interview' on this row and the rows below it of "
            "the same group and date that name none; for a second interview, a name of its "
            "own ('desk-2026-03-02-2')",
        )
    ]
    found, problems = read_interview_sheet(
        study, _sheet(tmp_path, text.format(name="desk-2026-03-02"), "named.csv")
    )
    assert [(i.id, i.participants, len(i.quotes)) for i in found] == [
        ("desk-2026-03-02", 3, 2),
        ("desk-2026-03-09", None, 1),
        ("field-2026-03-02", None, 1),
    ]
    assert not problems


def test_a_quote_on_both_sides_or_an_interview_after_today_is_warned_of_and_kept(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A warning leaves the row's quote in (an error refuses the import): each warning at
    its cell, and the interview written with both its quotes."""
    later = datetime.date.today() + datetime.timedelta(days=30)
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Quote,Needs,Questions\n"
        f'A,desk,{later},Slow search.,"search, mobile",mobile\n'
        "A,,,No app.,,mobile\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(p.location.line, p.location.column, p.message) for p in problems] == [
        (
            2,
            6,
            "this quote casts doubt on need 'mobile' and supports it too (under 'Needs'): it "
            "counts on both sides",
        ),
        (
            2,
            3,
            f"this interview is dated {later}, after today, yet every report will count it as held",
        ),
    ]
    assert {p.severity for p in problems} == {Severity.WARNING}
    assert problems[0].hint == (
        "keep it under 'Needs' if the quote says they need it (in another form than planned "
        "too), under 'Questions' if it says they do not"
    )
    [interview] = found
    assert [q.text for q in interview.quotes] == ["Slow search.", "No app."]


def test_a_long_cell_is_quoted_shortened_in_its_message(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A message quotes a cell up to 80 characters: a paragraph typed into the wrong
    column stays readable as one line."""
    long_group = "Front office " * 10
    sheet = _sheet(tmp_path, f"Group,Quote,Needs\n{long_group},Slow.,search\n")
    [problem] = _refused(load_study(make_study()), sheet)
    quoted = problem.message.removeprefix("unknown group '").removesuffix("'")
    assert quoted == long_group[:79].rstrip() + "…"
    assert len(quoted) == 80


def test_a_row_without_its_group_is_told_of_the_row_above_without_an_interview_column(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Rows of one group and date make an interview; a row that leaves both out is not
    taken for the one above (the sheet may have been sorted), but its hint names it."""
    sheet = _sheet(
        tmp_path,
        "Group,Date,Quote,Needs\n"
        ",,First.,search\n"
        "desk,2026-03-02,We search a lot.,search\n"
        ",,Four systems.,search\n"
        ",2026-03-02,Slow.,search\n",
    )
    problems = _refused(load_study(make_study()), sheet)
    assert [(p.location.line, p.hint) for p in problems] == [
        (2, f"write a group's id or name, as in groups.yaml; the groups: {_GROUPS}"),
        *(
            (
                line,
                "for a quote of row 3's interview, write its group ('desk') and date on this "
                "row too: a row is not counted with the rows above it. Or write a group's id "
                f"or name, as in groups.yaml; the groups: {_GROUPS}",
            )
            for line in (4, 5)
        ),
    ]


def test_participants_may_be_written_with_a_word_after_the_number(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """ "3 people" is 3, as is "3.0" (a number cell saved as text); "2 nurses and a
    doctor" is refused: the words after the number change the count."""
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Participants,Quote,Needs\n"
        "A,desk,3 people,One.,search\n"
        "B,desk,2 deelnemers,Two.,search\n"
        "C,desk,4.0,Three.,search\n"
        "D,field,2 nurses.,Four.,search\n",
    )
    found, problems = read_interview_sheet(load_study(make_study()), sheet)
    assert [(i.id, i.participants) for i in found] == [("a", 3), ("b", 2), ("c", 4), ("d", 2)]
    assert not problems
    for refused in ("2 nurses and a doctor", "3-4", "2.5", "0 people", "people 3"):
        other = _sheet(
            tmp_path, f"Group,Participants,Quote,Needs\ndesk,{refused},One.,search\n", "x.csv"
        )
        [problem] = _refused(load_study(make_study()), other)
        assert problem.message == f"'{refused}' is not a number of participants"


def test_a_quote_left_open_in_the_first_row_is_refused_at_that_row(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        ',desk,2026-03-02,1,"The roster is never up to date.,search\n'
        ",desk,2026-03-02,1,An app? Not for us.,mobile\n",
    )
    [problem] = _refused(load_study(make_study()), sheet)
    assert problem.location.line == 2
    assert problem.message.startswith("a double quote that starts a value here runs on")


def test_a_quote_closed_wrongly_on_its_own_line_is_refused_at_that_line(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A value that opens and closes a quote on one line with text after it runs on to
    nothing: it is reported as the line the csv module cannot read."""
    root = make_study()
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        ",desk,2026-03-02,1,An app? Not for us.,mobile\n"
        ',desk,2026-03-02,1,"Slow" they all say,search\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.message) == (
        3,
        "cannot read the file here: ',' expected after '\"'",
    )
    assert problem.hint.startswith("check the quotes on this line")


@pytest.mark.parametrize(
    ("below", "stop"),
    [
        (',desk,2026-03-02,1,"Slow.",search\n', "6 (',' expected after '\"')"),
        (",desk,2026-03-02,1,Slow.,search\n", "6 (unexpected end of data)"),
    ],
    ids=["closed-wrongly", "never-closed"],
)
def test_a_quote_left_open_is_refused_where_it_opens(
    make_study: StudyMaker, tmp_path: Path, below: str, stop: str
) -> None:
    """A quote typed at the start of a cell, and not closed, ran the rows below into one
    quote, which was written into the study as it came: the rows' text, delimiters and
    all. A quote of several lines, closed as Excel closes it, is still one quote."""
    root = make_study()
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Date,Participants,Quote,Needs\n"
        ',desk,2026-03-02,1,"We search, every day,\nin four systems.",search\n'
        ',desk,2026-03-02,1,"The roster is never up to date.,search\n'
        ",desk,2026-03-02,1,An app? Not for us.,mobile\n" + below,
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet)
    [problem] = raised.value.problems
    assert problem.location.line == 4
    assert problem.message == f"a double quote that starts a value here runs on to line {stop}"
    assert problem.hint == (
        "end the value with a double quote on line 4, or remove the quote that starts it"
    )
    assert not (root / "interviews").exists()
    sheet.write_text(sheet.read_text().replace('"The roster', "The roster"))
    found, _ = read_interview_sheet(load_study(root), sheet)
    assert [q.text for q in found[0].quotes][:2] == [
        "We search, every day,\nin four systems.",
        "The roster is never up to date.",
    ]


def test_the_cli_writes_once_and_then_refuses(make_study: StudyMaker, tmp_path: Path) -> None:
    root = make_study()
    sheet = _sheet(tmp_path)
    done = runner.invoke(app, ["import-interviews", str(root), str(sheet), "--update"])
    assert done.exit_code == 0, done.output  # --update writes a file that is not there
    assert " ".join(done.stdout.split()) == (
        f"wrote {root / 'interviews' / 'round-2.yaml'}: 3 interviews with 3 quotes "
        "(interviews per group: Front desk 1, Field staff 2). What they say about each need: "
        f"needmap interviews {root}"
    )
    assert "warning: not imported: the column 'Name'" in done.stderr
    written = (root / "interviews" / "round-2.yaml").read_bytes()
    again = runner.invoke(app, ["import-interviews", str(root), str(sheet)])
    assert again.exit_code == 2
    assert "interviews/round-2.yaml exists already: was this sheet imported before?" in (
        again.stderr
    )
    assert "hint: to add the interviews it does not have yet, use --update" in again.stderr
    assert (root / "interviews" / "round-2.yaml").read_bytes() == written
    same = runner.invoke(app, ["import-interviews", str(root), str(sheet), "--update"])
    assert same.exit_code == 0, same.output
    assert " ".join(same.stdout.split()) == (
        f"nothing to add: {root / 'interviews' / 'round-2.yaml'} has the sheet's 3 "
        "interviews already."
    )
    assert (root / "interviews" / "round-2.yaml").read_bytes() == written


def _imported(root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """SHEET imported into the study at ``root``: the sheet, and the file written."""
    sheet = _sheet(tmp_path)
    return sheet, import_interview_sheet(load_study(root), sheet).path


GROWN = """\
,desk,2026-03-16,,,Slow on a phone.,mobile,,
Depot visit,field,09-03-2026,,,And the canteen menu.,search,,
,field,2026-03-10,,,Roster please.,mobile,,
"""
"""Rows added to SHEET: a new interview (its participants left empty: one is written),
and quotes for two interviews the sheet had."""

NEW_ITEM = """\
  - id: desk-2026-03-16
    group: desk
    participants: 1
    date: 2026-03-16
    quotes:
      - text: Slow on a phone.
        needs: [mobile]
"""


def test_update_with_only_new_quotes_says_what_it_added(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """No new interview, two new quotes for interviews the file has: it says so, and not
    "nothing to add"."""
    root = make_study({"interviews/round-1.yaml": EARLIER})
    sheet, path = _imported(root, tmp_path)
    sheet.write_text(SHEET + GROWN.split("\n", 1)[1], encoding="utf-8")
    done = runner.invoke(app, ["import-interviews", str(root), str(sheet), "--update"])
    assert done.exit_code == 0, done.output
    assert " ".join(done.stdout.split()).startswith(
        f"updated {path}: added 2 quotes to 2 interviews it had (depot-visit, "
        "field-2026-03-10); 1 unchanged."
    )


def test_update_adds_what_is_new_and_leaves_the_rest_as_written(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """New interviews go below the others, new quotes of one the file has below its own
    (an empty ``quotes: []`` too); a hand correction and a comment stay."""
    root = make_study({"interviews/round-1.yaml": EARLIER})
    sheet, path = _imported(root, tmp_path)
    edited = (
        path.read_text(encoding="utf-8")
        .replace("four systems.", "four systems!")  # corrected by hand
        .replace("  - id: depot-visit", "  # checked with the depot\n  - id: depot-visit")
    )
    path.write_text(edited, encoding="utf-8")
    sheet.write_text(SHEET + GROWN, encoding="utf-8")
    done = runner.invoke(app, ["import-interviews", str(root), str(sheet), "--update"])
    assert done.exit_code == 0, done.output
    assert " ".join(done.stdout.split()).startswith(
        f"updated {path}: added 1 interview with 1 quote (interviews per group: Front desk 1); "
        "added 2 quotes to 2 "
        "interviews it had (depot-visit, field-2026-03-10); 1 unchanged."
    )
    assert path.read_text(encoding="utf-8") == (
        edited.replace(
            "        needs: [mobile, search]\n",
            "        needs: [mobile, search]\n"
            "      - text: And the canteen menu.\n        needs: [search]\n",
        ).replace(
            "    quotes: []\n",
            "    quotes:\n      - text: Roster please.\n        needs: [mobile]\n",
        )
        + NEW_ITEM
    )
    assert f"{sheet}:2: warning: interview 'desk-2026-03-02-2' differs from the one in " in (
        " ".join(done.stderr.split())
    )
    assert check_interviews(load_study(root)) == []
    again = import_interview_sheet(load_study(root), sheet, update=True)
    assert (again.interviews, again.grown, again.created) == ((), (), False)
    assert again.already == (
        "desk-2026-03-02-2",
        "depot-visit",
        "field-2026-03-10",
        "desk-2026-03-16",
    )
    assert [(p.location.line, p.message) for p in again.warnings] == [
        (1, "not imported: the column 'Name'"),
        (
            2,
            "interview 'desk-2026-03-02-2' differs from the one in interviews/round-2.yaml, "
            "which is kept as it is",
        ),
    ]


def test_update_warns_of_an_interview_the_sheet_no_longer_has(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    sheet.write_text(SHEET.replace("Depot visit", "Depot"), encoding="utf-8")
    result = import_interview_sheet(load_study(root), sheet, update=True)
    assert [interview.id for interview in result.interviews] == ["depot"]
    [renamed] = [p for p in result.warnings if "any more" in p.message]
    assert renamed.message == "interview 'depot-visit' is not in round 2.csv (any more): it is kept"
    assert (renamed.location.path, renamed.location.line) == (path, 13)
    assert renamed.hint == (
        "if the sheet gave it another name, remove the old one here, or its quotes count twice"
    )


def test_update_leaves_quotes_it_cannot_add_to_with_a_warning(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    flow = path.read_text(encoding="utf-8").replace(
        "    quotes:\n      - text: I need the roster on my phone.\n"
        "        needs: [mobile, search]\n",
        '    quotes: [{text: "I need the roster on my phone.", needs: [mobile, search]}]\n',
    )
    path.write_text(flow, encoding="utf-8")
    sheet.write_text(SHEET + "Depot visit,field,09-03-2026,,,And the menu.,search,,\n")
    result = import_interview_sheet(load_study(root), sheet, update=True)
    assert (result.interviews, result.grown) == ((), ())
    assert [p.message for p in result.warnings][1:] == [
        "interview 'depot-visit' differs from the one in interviews/round-2.yaml, which is "
        "kept as it is"
    ]
    assert path.read_text(encoding="utf-8") == flow


def test_update_refuses_a_file_it_cannot_add_to_and_writes_nothing(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    flow = "interviews: [{id: depot-visit, group: field, quotes: []}]\n"
    path.write_text(flow, encoding="utf-8")
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet, update=True)
    [problem] = raised.value.problems
    assert problem.message.startswith("cannot add interviews to this file safely: ")
    assert (problem.location.path, problem.location.line) == (path, 1)  # at 'interviews:'
    assert problem.hint == (
        "import the sheet into a file of its own with --name; nothing was written"
    )
    assert path.read_text(encoding="utf-8") == flow


def test_a_sheet_imported_before_is_refused_unless_updating(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    written = path.read_text(encoding="utf-8")
    with pytest.raises(TargetExistsError) as raised:
        import_interview_sheet(load_study(root), sheet)
    [problem] = raised.value.problems
    assert (problem.location.path, problem.message, problem.hint) == (
        path,
        "interviews/round-2.yaml exists already: was this sheet imported before?",
        "to add the interviews it does not have yet, use --update; to add the sheet as a "
        "file of its own, give it another name with --name",
    )
    assert path.read_text(encoding="utf-8") == written


def test_a_file_of_the_same_name_not_imported_from_the_sheet_is_told_so(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A template's example interviews (gesprekken.yaml) and a sheet named gesprekken.xlsx:
    not "imported before?", but a free name to give; a Dutch study's import is recognised
    as the sheet's, and a sheet of another name is not."""
    by_hand = "interviews:\n  - {id: x1, group: desk, quotes: []}\n"
    root = make_study({"interviews/round-2.yaml": by_hand, "interviews/round-2-2.yaml": by_hand})
    sheet = _sheet(tmp_path)
    with pytest.raises(TargetExistsError) as raised:
        import_interview_sheet(load_study(root), sheet)
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == (
        "interviews/round-2.yaml exists already, and was not imported from round 2.csv",
        "give the sheet's interviews a file of their own with --name round-2-3; or, to add "
        "them to that file, use --update",
    )
    assert (root / "interviews" / "round-2.yaml").read_text(encoding="utf-8") == by_hand
    dutch = make_study({"study.yaml": "name: T\norganisation: O\nlanguage: nl\n"}, "dutch")
    write_schemas(dutch / "schemas")  # as init does: the import writes the modeline first
    imported = import_interview_sheet(load_study(dutch), sheet).path.read_text(encoding="utf-8")
    assert imported.startswith("# yaml-language-server: ")
    assert imported.splitlines()[1] == "# Uit round 2.csv (needmap import-interviews)."
    with pytest.raises(TargetExistsError, match="was this sheet imported before"):
        import_interview_sheet(load_study(dutch), sheet)
    other = sheet.rename(sheet.with_name("Round 2.csv"))  # the same file name in the study
    with pytest.raises(TargetExistsError, match=r"was not imported from Round 2\.csv"):
        import_interview_sheet(load_study(dutch), other)


def test_update_adds_every_new_interview_of_the_sheet(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Not only the first new one: the sheet's rows after it are read as well."""
    root = make_study()
    sheet, _ = _imported(root, tmp_path)
    more = ",desk,2026-03-16,1,,Slow on a phone.,mobile,,\n,desk,2026-03-17,1,,Logins.,search,,\n"
    sheet.write_text(SHEET + more, encoding="utf-8")
    result = import_interview_sheet(load_study(root), sheet, update=True)
    assert [i.id for i in result.interviews] == ["desk-2026-03-16", "desk-2026-03-17"]
    assert [i.id for i in load_interviews(load_study(root))][-2:] == [
        "desk-2026-03-16",
        "desk-2026-03-17",
    ]


def test_update_with_nothing_new_leaves_the_file_untouched(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Not even rewritten as it was: the file keeps its inode and time, so an editor that
    has it open, a hard link and a backup tool see no change."""
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    before = path.stat()
    result = import_interview_sheet(load_study(root), sheet, update=True)
    assert (result.interviews, result.grown) == ((), ())
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_update_adds_no_quotes_to_an_interview_corrected_by_hand(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Its quotes in the file are no longer the sheet's first ones: which of the sheet's
    are new cannot be told, so the interview is kept as it is, with a warning."""
    root = make_study()
    sheet, path = _imported(root, tmp_path)
    corrected = path.read_text(encoding="utf-8").replace("on my phone.", "on my phone!")
    path.write_text(corrected, encoding="utf-8")
    sheet.write_text(SHEET + "Depot visit,field,09-03-2026,,,And the menu.,search,,\n")
    result = import_interview_sheet(load_study(root), sheet, update=True)
    assert (result.interviews, result.grown) == ((), ())
    assert (result.warnings[-1].message, result.warnings[-1].hint) == (
        "interview 'depot-visit' differs from the one in interviews/round-2.yaml, which is "
        "kept as it is",
        "change it in the file; or remove it there and import again to take the sheet's",
    )
    assert path.read_text(encoding="utf-8") == corrected


def test_a_subprocess_reports_a_sheet_without_the_columns(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet = _sheet(tmp_path, "Who,What\nAnna,Slow search\n", name="notes.csv")
    result = run_needmap("import-interviews", str(root), str(sheet))
    assert result.returncode == 2
    assert f"{sheet}:1: no 'group' column in the heading row" in result.stderr
    assert f"{sheet}:1: no 'quote' column in the heading row" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "interviews").exists()


def test_a_missing_column_is_named_in_english_and_dutch_with_the_sheet_s_first_headings(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    headings = ["Who", "Quote", *(f"Q{i}" for i in range(3, 15))]
    sheet = _sheet(tmp_path, ",".join(headings) + "\n" + "x," * 13 + "x\n")
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(make_study()), sheet)
    # the columns said, and no row read: each would have had no group
    missing, unread = raised.value.problems
    assert missing.message == "no 'group' column in the heading row"
    assert missing.hint == "head a column 'group' (or 'groep'); the sheet has: " + ", ".join(
        f"'{h}'" for h in headings[:12]
    )
    assert unread.message.startswith("not imported: the columns 'Who', 'Q3', ")


def test_long_names_become_ids_of_63_characters_and_notes_keep_their_rows(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """An id is at most 63 characters: a longer interview or sheet name is cut to that,
    and the file written reads back; the notes of an interview's rows stand one a line."""
    name = "Werkbezoek aan de buitendienst in het depot aan de noordkant van de stad"
    sheet = _sheet(
        tmp_path,
        "Interview,Group,Quote,Needs,Notes\n"
        f"{name},field,Roster on my phone.,mobile,first note\n"
        ",,,,\n"  # a row left empty is no row
        f"{name},field,Slow search.,search,second note\n"
        "Depot,field,,,we meet them next week\n",  # notes alone: an interview all the same
    )
    root = make_study()
    result = import_interview_sheet(load_study(root), sheet, name=name)
    interview, depot = load_interviews(load_study(root))
    assert (depot.id, depot.notes, depot.quotes) == ("depot", "we meet them next week", [])
    assert interview.id == "werkbezoek-aan-de-buitendienst-in-het-depot-aan-de-noordkant-va"
    assert len(interview.id) == 63
    assert result.path.name == f"{interview.id}.yaml"  # the file is named as an id too
    assert interview.notes == "first note\nsecond note"
    assert result.warnings == ()


def test_a_sheet_without_quotes_is_an_error_and_unread_columns_a_warning(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet = _sheet(tmp_path, "Group,Name,Quote,Needs,Mood\n", name="empty.csv")
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet)
    assert [(p.severity, p.message, p.hint) for p in raised.value.problems] == [
        (
            Severity.WARNING,
            "not imported: the columns 'Name', 'Mood'",
            "needmap reads interview, group, date, participants, quote, needs, questions, "
            "notes; leave out names, reports must not show who said what",
        ),
        (Severity.ERROR, "the sheet has no quotes", "one row per quote, under the heading row"),
    ]
    # a column without a heading is no column to warn of; no quotes is still an error
    blank = _sheet(tmp_path, "Group,,Quote\n", name="blank.csv")
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), blank)
    assert [p.message for p in raised.value.problems] == ["the sheet has no quotes"]
    # a sheet headed in Dutch is told the Dutch headings
    dutch = _sheet(tmp_path, "Doelgroep,Citaat,Vragen\n", name="dutch.csv")
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), dutch)
    assert raised.value.problems[0].hint == (
        "needmap reads gesprek, groep, datum, deelnemers, citaat, behoeften, betwijfelt, "
        "notities; leave out names, reports must not show who said what"
    )


def test_the_dutch_headings_are_the_sheet_s_headings_that_are_dutch() -> None:
    """Every Dutch heading is one a field may have, each field's second is Dutch, and no
    field's first (English) one is."""
    aliases = {alias for names in SHEET_COLUMNS.values() for alias in names}
    assert aliases >= _DUTCH_HEADINGS
    assert {names[1] for names in SHEET_COLUMNS.values()} <= _DUTCH_HEADINGS
    assert not {names[0] for names in SHEET_COLUMNS.values()} & _DUTCH_HEADINGS


def test_ids_that_yaml_would_read_as_numbers_or_booleans_are_quoted(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    sheet = _sheet(
        tmp_path, "Interview,Group,Quote,Needs\n3,desk,One.,search\nYes,desk,Two.,search\n"
    )
    path = import_interview_sheet(load_study(root), sheet).path
    written = path.read_text(encoding="utf-8")
    assert '  - id: "3"\n' in written and '  - id: "yes"\n' in written
    assert [i.id for i in load_interviews(load_study(root))] == ["3", "yes"]


@pytest.mark.parametrize(
    ("written", "found"),
    [
        pytest.param(
            "interviews:\n  - id: 3\n    group: desk\n    quotes: []\n",
            "Input should be a valid string",
            id="an id that reads as a number",
        ),
        pytest.param(
            "interviews:\n  - id: a\n    id: b\n    group: desk\n    quotes: []\n",
            "duplicate key 'id' (first at line 2, column 5)",
            id="a key written twice",
        ),
    ],
)
def test_interviews_that_would_not_read_back_are_not_written(
    make_study: StudyMaker,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    written: str,
    found: str,
) -> None:
    """The safety net under the writer: had an id been written unquoted again (id: 3 reads
    as a number), or a key twice, the import stops before the study gets a file validate
    refuses, and says what it found."""
    import needmap.interview_import

    root = make_study()
    sheet = _sheet(tmp_path)
    monkeypatch.setattr(needmap.interview_import, "interview_sheet_yaml", lambda *_: written)
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(load_study(root), sheet)
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == (
        f"the interviews would not read back as written: {found}",
        "nothing was written; this is a needmap bug, please report it with the sheet",
    )
    assert not (root / "interviews").exists()


def test_need_titles_may_hold_commas(make_study: StudyMaker, tmp_path: Path) -> None:
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, groups: {desk: must}}
                  - {id: leave, title: "Leave, expenses, my details", kind: function,
                     groups: {desk: must}}
                """,
            "personas.yaml": None,
        }
    )
    study = load_study(root)
    sheet = _sheet(
        tmp_path,
        "Group,Quote,Needs\n"
        'desk,One.,"leave, expenses, my details, search"\n'
        'desk,Two.,"Search, Leave, Expenses, My Details"\n'
        'desk,Three.,"leave, expenses"\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_interview_sheet(study, sheet)
    # 'leave, expenses' is not a title: 'leave' is an id, 'expenses' nothing
    assert [p.message for p in raised.value.problems] == ["unknown need 'expenses'"]
    sheet.write_text(sheet.read_text(encoding="utf-8").rsplit("desk,Three", 1)[0], encoding="utf-8")
    [interview] = import_interview_sheet(study, sheet).interviews
    assert [q.needs for q in interview.quotes] == [("leave", "search"), ("search", "leave")]


def test_the_guide_s_sheet_comes_back_as_interviews(make_study: StudyMaker, tmp_path: Path) -> None:
    """guide --sheet sets out a row per group's interview; filled in, import-interviews
    reads it; the row of an interview not held is left out."""
    from openpyxl import load_workbook

    root = make_study()
    sheet = tmp_path / "round 3.xlsx"
    args = ["guide", str(root), "--sheet", str(sheet), "--date", "2026-12-03", "--out"]
    made = runner.invoke(app, [*args, str(tmp_path / "guides.md")])
    assert made.exit_code == 0, made.output
    # the command to copy quotes the sheet's name, which has a space
    assert f"import-interviews {root} '{sheet}'" in " ".join(made.stdout.split())
    workbook = load_workbook(sheet)
    quotes, groups, needs = workbook.worksheets
    assert [r for r in groups.iter_rows(values_only=True)] == [
        ("id", "name"),
        ("desk", "Front desk"),
        ("field", "Field staff"),
    ]
    assert [c.value for c in quotes[1]] == [
        "interview",
        "group",
        "date",
        "participants",
        "quote",
        "needs",
        "questions",
        "notes",
    ]
    rows = list(quotes.iter_rows(min_row=2, max_row=3, max_col=3, values_only=True))
    assert rows == [
        ("desk-2026-12-03", "Front desk", datetime.datetime(2026, 12, 3)),
        ("field-2026-12-03", "Field staff", datetime.datetime(2026, 12, 3)),
    ]
    # each column shows its heading and what the guide set out whole; the quote's widest
    widths = {c.value: quotes.column_dimensions[c.column_letter].width for c in quotes[1]}
    assert all(width >= max(len(str(name)), 10) for name, width in widths.items())
    assert widths["interview"] >= len("field-2026-12-03") and widths["group"] >= len("Field staff")
    assert max(widths, key=lambda name: widths[name]) == "quote"
    # lists to pick the interview and the group from, which take what is typed too (a new
    # interview's name, a group's id), each with a word on what to write; a number of
    # participants that is none is refused as it is typed
    interview, pick = [v for v in quotes.data_validations.dataValidation if v.type == "list"]
    assert (interview.formula1, str(interview.sqref)) == ("=$A$2:$A$3", "A2:A500")
    assert (pick.formula1, str(pick.sqref)) == ("='Groups'!$B$2:$B$3", "B2:B500")
    assert [(v.showErrorMessage, v.showInputMessage, v.promptTitle) for v in (interview, pick)] == [
        (False, True, "interview"),
        (False, True, "group"),
    ]
    assert interview.prompt == (
        "Pick the interview this quote is from, or type a new one's name: its group and date "
        "need be on one of its rows only."
    )
    assert pick.prompt == (
        "Pick a group from the list (the sheet Groups has them), or type its id. An interview "
        "needs it on one of its rows only."
    )
    [count] = [v for v in quotes.data_validations.dataValidation if v.type == "whole"]
    assert (count.operator, count.formula1, str(count.sqref)) == (
        "greaterThanOrEqual",
        "1",
        "D2:D500",
    )
    assert (count.showErrorMessage, count.errorTitle, count.error) == (
        True,
        "participants",
        "Write how many people took part: 1, or more for a focus group.",
    )
    assert all(v.allow_blank for v in (interview, pick, count))  # a cell emptied is no error
    assert (groups.auto_filter.ref, needs.auto_filter.ref) == ("A1:B3", "A1:E3")
    # empty rows too (4 on) take dates as dates and wrap quotes, down to the last row the
    # group list reaches; no other column does
    assert {quotes[f"C{r}"].number_format for r in (2, 4, 500)} == {"yyyy-mm-dd"}
    assert all(quotes[f"E{r}"].alignment.wrap_text for r in (2, 4, 500))
    assert not any(quotes[f"{c}4"].alignment.wrap_text for c in "ABCDFGH")
    assert {quotes[f"{c}4"].number_format for c in "ABD"} == {"General"}
    # the quotes, needs and notes as text: "- we search" typed stays text, not a formula
    assert {quotes[f"{c}{r}"].number_format for c in "EFGH" for r in (2, 4, 500)} == {"@"}
    assert [r for r in needs.iter_rows(values_only=True)] == [
        ("id", "title", "kind", "Front desk", "Field staff"),
        ("search", "Search", "Functions", "must", "should"),
        ("mobile", "Works on a phone", "Technology", None, "must"),
    ]
    quotes["D2"], quotes["E2"], quotes["F2"] = 2, "Search takes ages.", "search"
    workbook.save(sheet)
    again = runner.invoke(app, [*args, str(tmp_path / "guides.md")])
    assert again.exit_code == 2 and "this sheet exists already, and may hold quotes" in (
        again.stderr
    )
    [interview] = import_interview_sheet(load_study(root), sheet).interviews
    assert (interview.id, interview.group, interview.date, interview.participants) == (
        "desk-2026-12-03",
        "desk",
        "2026-12-03",
        2,
    )  # field's row, set out but not filled in, is no interview


def test_the_guide_s_sheet_keeps_names_that_look_like_formulas_as_text(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A name or title from the study that starts with '=' is text in the sheet, never a
    formula Excel would run, and comes back whole from the import."""
    from openpyxl import load_workbook

    root = make_study(
        {
            "groups.yaml": MINIMAL_STUDY["groups.yaml"].replace(
                "name: Front desk", 'name: "=HYPERLINK(1)"'
            ),
            "needs.yaml": MINIMAL_STUDY["needs.yaml"].replace("title: Search", 'title: "=SUM(1)"'),
            "personas.yaml": None,
        }
    )
    sheet = tmp_path / "round.xlsx"
    made = runner.invoke(app, ["guide", str(root), "--sheet", str(sheet), "--date", "2026-12-03"])
    assert made.exit_code == 0, made.output
    workbook = load_workbook(sheet)
    quotes, groups, needs = workbook.worksheets
    for cell in (quotes["B2"], groups["B2"], needs["B2"], needs["D1"]):
        assert (cell.value, cell.data_type) in {("=HYPERLINK(1)", "s"), ("=SUM(1)", "s")}
    quotes["E2"], quotes["F2"] = "Search takes ages.", "search"
    workbook.save(sheet)
    [interview] = import_interview_sheet(load_study(root), sheet).interviews
    assert (interview.group, interview.quotes[0].needs) == ("desk", ("search",))


def test_a_dutch_study_s_imported_interviews_say_where_they_come_from_in_dutch(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """As the template's comments beside it are."""
    root = make_study({"study.yaml": "name: T\norganisation: O\nlanguage: nl\n"})
    written = import_interview_sheet(load_study(root), _sheet(tmp_path)).path
    first, second = written.read_text(encoding="utf-8").splitlines()[:2]
    assert (first, second) == ("# Uit round 2.csv (needmap import-interviews).", "interviews:")


def test_a_dutch_study_gets_dutch_headings(make_study: StudyMaker, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root = make_study({"study.yaml": "name: T\norganisation: O\nlanguage: nl\n"})
    sheet = tmp_path / "ronde.xlsx"
    made = runner.invoke(app, ["guide", str(root), "desk", "--sheet", str(sheet), "-l", "nl"])
    assert made.exit_code == 0, made.output
    workbook = load_workbook(sheet)
    assert workbook.sheetnames == ["Citaten", "Groepen", "Behoeften"]
    assert [c.value for c in workbook.worksheets[0][1]][:6] == [
        "gesprek",
        "groep",
        "datum",
        "deelnemers",
        "citaat",
        "behoeften",
    ]
    said = {
        v.promptTitle or v.errorTitle: v.prompt or v.error
        for v in workbook.worksheets[0].data_validations.dataValidation
    }
    assert said == {
        "gesprek": "Kies het gesprek waar dit citaat uit komt, of typ de naam van een nieuw "
        "gesprek: de groep en datum hoeven maar op één van zijn rijen te staan.",
        "groep": "Kies een groep uit de lijst (het blad Groepen heeft ze), of typ de id. Een "
        "gesprek heeft hem op maar één van zijn rijen nodig.",
        "deelnemers": "Schrijf hoeveel mensen meededen: 1, of meer bij een focusgroep.",
    }
    # Excel refuses a workbook (it offers to repair it) whose prompt or error message is
    # over 255 characters, or whose title is over 32
    for language in ("en", "nl"):
        words = labels(language)
        for key in ("qs.pick_interview", "qs.pick_group", "qs.participants"):
            assert len(words[key]) <= 255, key
    assert all(len(title) <= 32 for title in said)
    refused = runner.invoke(app, ["guide", str(root), "--sheet", str(tmp_path / "r.csv")])
    assert refused.exit_code == 2 and "use a name ending in .xlsx" in refused.stderr


_ROW = st.tuples(
    st.sampled_from(["desk", "field", "Front desk"]),
    st.sampled_from(["2026-03-02", "2026-03-03", ""]),
    st.sampled_from(["", "2"]),
    st.sampled_from(["", "Slow.", "No app."]),
    st.sampled_from(["", "search", "mobile, Search"]),
)


@given(rows=st.lists(_ROW, min_size=1, max_size=8), seed=st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None)
def test_the_order_of_the_rows_does_not_matter(
    rows: list[tuple[str, ...]],
    seed: random.Random,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Shuffled, the same rows give the same interviews with the same quotes, or the same
    problems (at other rows)."""
    _assert_any_order("Group,Date,Participants,Quote,Needs", rows, seed, tmp_path_factory)


_NAMED = {"Depot": ("field", "2026-03-09"), "Desk visit": ("Front desk", "2026-03-02")}
_NAMED_ROW = st.builds(
    lambda name, group, date, quote, needs: (
        name,
        _NAMED[name][0] if group else "",
        _NAMED[name][1] if date else "",
        quote,
        needs,
    ),
    st.sampled_from(sorted(_NAMED)),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "Slow.", "No app."]),
    st.sampled_from(["", "search", "mobile, Search"]),
)
"""A row of a named interview, with its group and its date or without."""


@given(rows=st.lists(_NAMED_ROW, min_size=1, max_size=8), seed=st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None)
def test_the_row_that_gives_a_named_interview_s_group_may_be_any(
    rows: list[tuple[str, ...]],
    seed: random.Random,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    _assert_any_order("Interview,Group,Date,Quote,Needs", rows, seed, tmp_path_factory)


def _assert_any_order(
    header: str,
    rows: list[tuple[str, ...]],
    seed: random.Random,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The rows under ``header`` and the same rows shuffled give the same interviews, or
    the same problems (the lines they name aside)."""
    root = write_tree(tmp_path_factory.mktemp("study"), MINIMAL_STUDY)
    study = load_study(root)
    shuffled = rows[:]
    seed.shuffle(shuffled)
    outcomes: list[object] = []
    for order in (rows, shuffled):
        text = f"{header}\n" + "".join(
            ",".join(f'"{cell}"' for cell in row) + "\n" for row in order
        )
        sheet = tmp_path_factory.mktemp("sheet") / "s.csv"
        sheet.write_text(text, encoding="utf-8")
        try:
            found, _ = read_interview_sheet(study, sheet)
        except InvalidStudyError as error:
            outcomes.append(
                sorted(re.sub(r"line \d+", "line N", p.message) for p in error.problems)
            )
            continue
        outcomes.append(
            sorted(
                (i.id, i.group, i.date, i.participants, sorted((q.text, q.needs) for q in i.quotes))
                for i in found
            )
        )
    assert outcomes[0] == outcomes[1]


def test_a_quote_with_personal_data_is_imported_with_a_warning_at_its_cell(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """What was said is kept as said (the file is the consultant's notes), but the warning
    says where to take the phone number out; the reports scrub it either way."""
    sheet = _sheet(
        tmp_path,
        "Group,Date,Quote,Needs\n"
        "desk,2026-03-02,We search a lot.,search\n"
        "desk,2026-03-02,Call the desk on 06-12345678 about it.,search\n",
    )
    result = import_interview_sheet(load_study(make_study()), sheet)
    [warning] = result.warnings
    assert (warning.location.line, warning.location.column) == (3, 3)
    assert warning.message.startswith("this text holds a phone number:")
    assert "06-12345678" in result.path.read_text(encoding="utf-8")
