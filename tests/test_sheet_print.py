"""How needmap's workbooks print from Excel: one page wide where that leaves the text
readable, otherwise across pages, each starting with the columns that name the rows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from needmap.reports.table_formats import column_pixels, note_columns, pages_wide
from needmap.reports.toptasks_table import RankingTable, ranking_to_xlsx
from tests.conftest import assert_prints_like_the_pdf


@pytest.mark.parametrize(
    ("widths", "pages"),
    [
        # a page prints 978 pixels; at 65% of its size at least, 1504.6 of the sheet
        ([150] * 10, 1),
        ([1504], 1),
        ([1505], 1),  # one column: nothing to print beside it on another page
        # 1505 in all: the 1205 after the first two on pages with 1204.6 beside those two
        ([150] * 10 + [5], 2),
        ([100, 100, *[400] * 8], 3),  # 3200 on pages of 1304.6 each
        ([800, 800, 100], 1),  # the other columns get a quarter of a page at least: 376.2
        ([800, 800, 1300], 4),
    ],
)
def test_a_sheet_prints_across_as_many_pages_as_keep_it_readable(
    widths: list[int], pages: int
) -> None:
    assert pages_wide(widths) == pages


columns = st.lists(st.integers(column_pixels(0), column_pixels(60)), min_size=1, max_size=40)
"""A sheet's columns, as needmap sizes them: from empty to 60 characters wide."""


@given(columns, st.integers(column_pixels(0), column_pixels(60)))
def test_a_sheet_prints_readably_on_as_few_pages_as_can_be(widths: list[int], more: int) -> None:
    pages = pages_wide(widths)
    room = 978 / 0.65  # a page's width at the smallest print
    if pages == 1:
        assert sum(widths) <= room or len(widths) <= 2
    else:  # each page: the first two columns and its share of the others, within a page
        titles = sum(widths[:2])
        assert titles + sum(widths[2:]) / pages <= room
        assert titles + sum(widths[2:]) / (pages - 1) > room  # and no page could be spared
    assert pages_wide([*widths, more]) >= pages  # a column more never prints on fewer


def test_a_column_is_as_wide_as_excel_draws_it() -> None:
    # 7 pixels a character of 11-point Calibri and 5 of margin; Excel's default 8.43
    assert [column_pixels(w) for w in (10, 60, 8.5, None)] == [75, 425, 65, 64]


def test_notes_go_across_the_table_or_across_the_columns_each_page_repeats() -> None:
    assert note_columns([150] * 10) == 10
    assert note_columns([150] * 11) == 2


def _wide_table(notes: tuple[str, ...], columns: int = 6) -> RankingTable:
    """A persona-like table: the persona's name, then ``columns - 1`` columns of 60
    characters of text (425 pixels each)."""
    text = "Wants to know where the engineer is and when the fault will be fixed."[:58]
    header = ("Persona", "Role", "Goals", "Frustrations", "Scenarios", "Quotes")[:columns]
    return RankingTable(
        language="en",
        title="Personas",
        header=header,
        rows=(("Priya", *[text] * (columns - 1)),),
        in_coverage=(False,),
        notes=notes,
        marks_column=None,
        sheet="Personas",
        text_columns=tuple(range(columns)),
    )


def test_a_wide_sheet_prints_across_pages_its_notes_on_each(tmp_path: Path) -> None:
    note = "Goals, frustrations and scenarios come from the interviews. " * 3
    path = tmp_path / "p.xlsx"
    path.write_bytes(ranking_to_xlsx(_wide_table((note,))))
    sheet = load_workbook(path).active
    widths = [sheet.column_dimensions[c].width for c in "ABCDEF"]
    assert widths == [10, 60, 60, 60, 60, 60]  # "Persona" at least 8 wide, + 2
    # 75 + 5 x 425 pixels: 2200 in all; the four after the first two, 1700, on pages with
    # 1504.6 - 500 = 1004.6 beside those two
    assert_prints_like_the_pdf(sheet, pages=2)
    # the note below the table spans the two columns printed on every page, and wraps
    # there: 180 characters in 70 a line, three lines of 15 points
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A4:B4"]
    assert sheet["A4"].value == note and sheet["A4"].alignment.wrap_text
    assert sheet.row_dimensions[4].height == 45


def test_a_sheet_that_fits_prints_one_page_wide_its_notes_across_it(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(ranking_to_xlsx(_wide_table(("Goals come from the interviews.",), 4)))
    sheet = load_workbook(path).active
    assert_prints_like_the_pdf(sheet)  # 75 + 3 x 425 = 1350 pixels, within 1504.6
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A4:D4"]


def test_the_demo_workbooks_print_readably(demo: Path) -> None:
    def sheet(name: str, title: str) -> object:
        return load_workbook(demo / name)[title]

    # the needs table of nine groups, the roadmap with its notes, and the personas (twelve
    # columns of text) across pages; the rest one page wide
    assert_prints_like_the_pdf(sheet("needs-groups.xlsx", "Needs per target group"), pages=2)
    assert_prints_like_the_pdf(sheet("roadmap.xlsx", "Roadmap"), pages=2)
    assert_prints_like_the_pdf(sheet("personas.xlsx", "Personas"), pages=4)
    assert_prints_like_the_pdf(sheet("needs-families.xlsx", "Needs per family of groups"))
    assert_prints_like_the_pdf(sheet("personas.xlsx", "Key needs"))
    assert_prints_like_the_pdf(sheet("roadmap.xlsx", "Changes"))


def test_a_sheet_name_excel_would_refuse_is_made_one_it_takes(tmp_path: Path) -> None:
    """Excel opens no workbook with a sheet named with []:*?/\\ or over 31 characters: a
    group's name may be either (``toptasks --group``). Those characters are left out, the
    name cut, and a name of nothing else is 'Sheet'."""
    table = RankingTable(
        title="t",
        header=("A",),
        rows=(("x",),),
        in_coverage=(False,),
        notes=(),
        marks_column=None,
        sheet="R&D: north/south [X] ?*",
        text_columns=(0,),
        language="en",
    )
    long = replace(table, sheet="Policy advisers and project managers")
    nothing = replace(table, sheet="[]:*?/\\")
    out = tmp_path / "sheets.xlsx"
    out.write_bytes(ranking_to_xlsx(table, long, nothing))
    assert load_workbook(out).sheetnames == [
        "R&D northsouth X",
        "Policy advisers and project man",
        "Sheet",
    ]


def test_a_row_or_note_of_many_lines_is_as_tall_as_excel_allows(tmp_path: Path) -> None:
    """A row is 15 points a line, but Excel takes no row over 409 points (27 lines); a
    note wraps from the top of its row, as a tall row's cells do."""
    many = "\n".join(f"line {n}" for n in range(40))
    table = RankingTable(
        title="t",
        header=("Persona", "Goals"),
        rows=(("Dana", "one\ntwo\nthree"), ("Femke", many)),
        in_coverage=(False, False),
        notes=("short note", many),
        marks_column=None,
        text_columns=(0, 1),
        language="en",
    )
    out = tmp_path / "tall.xlsx"
    out.write_bytes(ranking_to_xlsx(table))
    sheet = load_workbook(out).worksheets[0]
    assert [sheet.row_dimensions[r].height for r in (2, 3, 5, 6)] == [45, 409, 15, 409]
    assert {sheet.cell(r, 1).alignment.vertical for r in (2, 3, 5, 6)} == {"top"}
    assert sheet.cell(6, 1).alignment.wrap_text
