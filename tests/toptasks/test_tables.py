"""Top-task tables: every format hides small groups; printed and on-screen layout."""

from __future__ import annotations

import base64
import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.personas.schema import Language
from needmap.personas.study import Study
from needmap.reports.toptasks_table import (
    RANKING_FORMATS,
    RankingTable,
    build_ranking,
    ranking_tables,
    ranking_to_csv,
    ranking_to_markdown,
    ranking_to_xlsx,
    toptasks_to_json,
)
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally
from tests.toptasks.conftest import (
    PROPERTY_MAPPING,
    PROPERTY_STUDY,
    assert_hidden,
    mapping_of,
    named_study,
    tally_of,
    with_minimum,
)


def test_the_page_leads_with_the_coverage_then_the_neck_then_the_counts(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    from needmap.reports.toptasks_page import render_toptasks_page

    one = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    page = render_toptasks_page(one, "en", "Test org")
    lead = [
        page.index("4 of 6 tasks take 75% of the votes."),
        page.index("The long neck: one task takes a quarter of the votes."),
        page.index("12 respondents, 25 votes on 6 tasks"),
    ]
    assert lead == sorted(lead)
    assert page.count("4 of 6 tasks take 75% of the votes.") == 1
    assert page.count("12 respondents, 25 votes on 6 tasks") == 1
    charts = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(charts) == 2
    # a screen reader names each row by its task, and each need the tasks are evidence for
    assert re.findall(r'<th scope="row">([^<]+)</th>', page) == [
        *(task.label for task in one.tasks),
        *(need.title for need in one.needs),
    ]
    # each chart said in words for a screen reader, with what it shows the numbers of
    assert re.findall(r'alt="([^"]+)"', page) == [
        "The long neck of top tasks: the 6 tasks as bars by their share of the votes, highest "
        "first, with the cumulative share as a line. The long neck: one task takes a quarter "
        "of the votes. The ranking table lists every task.",
        "Top tasks per group (share of the group&#39;s votes): the 6 most chosen tasks "
        "against 3 target groups, each cell the share of that group&#39;s votes, darker for "
        "more. The ranking table lists every task.",
    ]
    assert all(b"<svg" in base64.b64decode(chart) for chart in charts)
    even = tally_of({"g1": (5, [2, 2, 2, 2, 2])})  # five tasks of 20%: the neck takes two
    two = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, even, weighted=False)
    assert "The long neck: 2 tasks take a quarter of the votes." in render_toptasks_page(
        two, "en", "Test org"
    )


def test_on_a_phone_the_task_heading_says_where_the_group_columns_are(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """A phone shows the rank, the task and the totals; the group columns are to the
    right, out of sight, and their upright headings leave room above the task's heading:
    it tells, in the study's language, to scroll. A screen reader, which reads the table
    by its headings, and the printed page, which shows every column, do without."""
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.toptasks_page import render_toptasks_page

    one = analyse_toptasks(with_minimum(study, 1), mapping, tally, weighted=False)
    cases: tuple[tuple[Language, str, str], ...] = (
        ("en", "Task", "Scroll the table sideways for the columns of each group \u2192"),
        ("nl", "Taak", "Schuif de tabel opzij voor de kolommen per groep \u2192"),
    )
    for language, task, swipe in cases:
        page = render_toptasks_page(one, language, "Test org")
        assert re.findall(r'<th scope="col">([^<]*)<span class="swipe"([^>]*)>([^<]*)<', page) == [
            (task, ' aria-hidden="true"', swipe)
        ]
        printed = PdfReader(io.BytesIO(html_to_pdf(page)))
        text = " ".join(" ".join(p.extract_text().split()) for p in printed.pages)
        assert " ".join(swipe.split()[:3]) not in text
        assert "@media screen and (max-width: 600px)" in page.split(".swipe { display: none; }")[1]


def test_the_chart_per_group_shows_the_tasks_chosen_among_the_first_twelve() -> None:
    from needmap.reports.toptasks_charts import charted_tasks

    two = tally_of({"g1": (10, [8, 1, 0, 0, 0])})
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, two, weighted=False)
    assert [t.votes for t in charted_tasks(result)] == [8, 1]
    assert [t.votes for t in charted_tasks(result, top=1)] == [8]


def test_a_coverage_set_of_one_task_is_said_in_the_singular() -> None:
    from needmap.reports.brief import _survey_line
    from needmap.reports.toptasks_charts import draw_long_neck

    one = tally_of({"g1": (10, [8, 1, 1, 0, 0])})  # the first task alone takes 80%
    result = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, one, weighted=False)
    assert len(result.coverage) == 1
    assert build_ranking(result, "en").notes[1] == "1 of 5 tasks takes 75% of the votes."
    assert build_ranking(result, "nl").notes[1] == "1 van de 5 taken krijgt 75% van de stemmen."
    assert _survey_line(result, "en").startswith("S: 1 of 5 tasks takes 75% of the votes of 10")
    figure = draw_long_neck(result, "en")
    texts = [t.get_text() for axes in figure.axes for t in axes.texts]
    assert "1 task = 80%" in texts


def test_privacy_markdown(private: TopTasks) -> None:
    assert_hidden(ranking_to_markdown(build_ranking(private, "en")))


def test_the_ranking_says_why_groups_are_hidden_only_when_they_are(private: TopTasks) -> None:
    assert (
        "Groups with fewer than 4 respondents are not shown (n<4); where one group would be "
        "derivable from the total, a second is hidden too."
    ) in build_ranking(private, "en").notes
    assert any(
        note.startswith("Groepen met minder dan 4 respondenten worden niet getoond (n<4)")
        for note in build_ranking(private, "nl").notes
    )
    everyone = tally_of({"g1": (5, [3, 2, 0, 0, 0]), "g2": (5, [0, 2, 3, 0, 0])})
    shown = analyse_toptasks(PROPERTY_STUDY, PROPERTY_MAPPING, everyone)
    assert not [n for n in build_ranking(shown, "en").notes if "not shown" in n]


def test_the_tables_in_markdown(private: TopTasks, golden: Callable[[str, str], None]) -> None:
    """The ranking, the evidence and the weights as Markdown, two groups hidden: every row,
    aligned as its column reads (text left, numbers right, the coverage mark centred)."""
    markdown = RANKING_FORMATS[".md"](ranking_tables(private, "en")).decode("utf-8")
    golden("toptasks-private.md", markdown)


def test_privacy_csv(private: TopTasks) -> None:
    assert_hidden(ranking_to_csv(build_ranking(private, "en")))


def test_xlsx_sheet_names_are_ones_excel_accepts(tmp_path: Path) -> None:
    def table(sheet: str) -> RankingTable:
        return RankingTable(
            "T", ("#", "Task"), (("1", "x"),), (False,), (), None, sheet, language="en"
        )

    path = tmp_path / "t.xlsx"
    names = [
        "Finance/HR [team]: who? *all*",
        "Front desk, reception and the customer contact centre",
        "?/*",
    ]
    path.write_bytes(ranking_to_xlsx(*(table(n) for n in names)))
    assert load_workbook(path).sheetnames == [
        "FinanceHR team who all",
        "Front desk, reception and the c",
        "Sheet",
    ]


def test_xlsx_columns_fit_their_heading_words_and_rows_their_wrapped_text(
    tmp_path: Path,
) -> None:
    """A column is as wide as its longest line and its heading's longest word (the heading
    wraps between words), 10 to 60 characters. A row with a cell of several lines, or one
    wider than its column, wraps and is made as tall as that text: Excel would not."""
    long = "word " * 26  # 130 characters: three lines of 60
    table = RankingTable(
        "T",
        ("Zoekopdrachten", "Need", "#"),
        (("12", "one line", "1"), ("3", "a\nb\nc\nd", "2"), ("4", long, "3"), ("5", "a\nb", "4")),
        (False, False, False, True),
        (),
        None,
        language="en",
        text_columns=(1,),
    )
    path = tmp_path / "t.xlsx"
    path.write_bytes(ranking_to_xlsx(table))
    sheet = load_workbook(path).active
    assert [sheet.column_dimensions[c].width for c in "ABC"] == [16, 60, 10]
    assert [sheet.row_dimensions[r].height for r in (2, 3, 4, 5)] == [None, 60, 45, 30]
    assert [sheet.cell(r, 2).alignment.wrap_text for r in (2, 3, 4, 5)] == [None, True, True, True]
    assert [sheet.cell(r, 1).fill.fill_type for r in (1, 4, 5)] == [None, None, "solid"]
    assert sheet.cell(3, 1).alignment.vertical == "top"  # the row reads from the top
    assert sheet.cell(3, 1).alignment.horizontal == "right"  # a number column


def test_privacy_xlsx(private: TopTasks, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(ranking_to_xlsx(build_ranking(private, "en")))
    sheet = load_workbook(path).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert_hidden("\n".join(v for v in values if isinstance(v, str)))
    # shares are numbers in a workbook: the hidden ones must not be there as numbers either
    numbers = [v for v in values if not isinstance(v, str)]
    assert numbers and not any(
        v == pytest.approx(3 / 5) or v == pytest.approx(3 / 7) for v in numbers
    )
    header = [c.value for c in sheet[1]]
    for group in ("Field staff", "Office staff"):
        column = header.index(group) + 1
        cells = [sheet.cell(r, column) for r in range(2, len(private.tasks) + 2)]
        assert {(c.value, c.data_type) for c in cells} == {("n<4", "s")}


def test_a_workbook_keeps_its_notes_below_the_table_and_bands_the_coverage(
    study: Study, mapping: SurveyMapping, tally: Tally, tmp_path: Path
) -> None:
    table = build_ranking(analyse_toptasks(with_minimum(study, 1), mapping, tally), "en")
    path = tmp_path / "r.xlsx"
    path.write_bytes(ranking_to_xlsx(table))
    sheet = load_workbook(path).active
    last = len(table.rows) + 1  # the heading row, then one row per task
    assert [sheet.cell(r, 2).value for r in range(2, last + 1)] == [row[1] for row in table.rows]
    assert sheet.cell(last + 1, 1).value is None  # a blank row, then the notes
    notes = [sheet.cell(r, 1).value for r in range(last + 2, last + 2 + len(table.notes))]
    assert notes == list(table.notes) and notes
    # each note wraps across the table's width, its row as tall as its lines, so that it
    # prints whole on a page one table wide
    end = get_column_letter(len(table.header))
    spans = {str(merged) for merged in sheet.merged_cells.ranges}
    assert spans == {f"A{r}:{end}{r}" for r in range(last + 2, last + 2 + len(notes))}
    assert all(sheet.cell(r, 1).alignment.wrap_text for r in range(last + 2, last + 2 + len(notes)))
    longest = max(range(len(notes)), key=lambda i: len(notes[i]))
    heights = [sheet.row_dimensions[last + 2 + i].height for i in range(len(notes))]
    assert all(h >= 15 for h in heights) and heights[longest] == max(heights)
    marks = [row[table.marks_column or 0] for row in table.rows]
    assert marks == ["●" if covered else "" for covered in table.in_coverage]
    assert table.in_coverage.count(True) == 3  # the 75% set: meeting, leave, colleague
    banded = [sheet.cell(r, 1).fill.fgColor.rgb == "00E3EEF6" for r in range(1, last + 1)]
    assert banded == [False, *table.in_coverage]  # the heading is not part of the coverage
    assert sheet.cell(2, 3).alignment.horizontal == "right"  # votes, a number
    assert sheet.cell(2, 2).alignment.horizontal is None  # the task, text
    # each heading stands above its column as the values do: right above numbers
    headings = [sheet.cell(1, c + 1).alignment.horizontal for c in range(len(table.header))]
    assert headings == [None if c in table.text_columns else "right" for c in range(len(headings))]
    assert headings[1] is None and headings[2] == "right"
    # the task stands right of its rank, a number: a space between them, heading and cells
    assert [sheet.cell(r, 2).alignment.indent for r in (1, 2)] == [1, 1]
    assert [sheet.cell(r, 3).alignment.indent for r in (1, 2)] == [0, 0]


def test_privacy_html_page(private: TopTasks) -> None:
    from needmap.reports.toptasks_page import render_toptasks_page

    page = render_toptasks_page(private, "en", "Test org")
    assert page.startswith("<!DOCTYPE html>")
    assert_hidden(page.replace("n&lt;4", "n<4"))
    assert page.count("data:image/svg+xml;base64,") == 2
    notes = build_ranking(private, "en").notes
    assert len(notes) >= 3  # the page says every one of them, the hidden groups' too
    assert all(html.escape(note) in page for note in notes)


def test_privacy_pdf(private: TopTasks) -> None:
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.toptasks_page import render_toptasks_page

    pdf = PdfReader(io.BytesIO(html_to_pdf(render_toptasks_page(private, "en", "Test org"))))
    assert_hidden("\n".join(page.extract_text() for page in pdf.pages))


def test_privacy_json(private: TopTasks) -> None:
    data = toptasks_to_json(private)
    text = json.dumps(data)
    assert data["weights"] == {"desk": 0.22, "field": None, "office": None}
    assert [g["respondents"] for g in data["groups"]] == [5, None, None]
    assert "0.6" not in text.replace("0.6x", "")


@pytest.mark.parametrize(("count", "sizes"), [(8, []), (9, [5, 4]), (17, [6, 6, 5])])
def test_a_ranking_of_many_groups_is_printed_in_parts(count: int, sizes: list[int]) -> None:
    """An A4 page holds eight group columns beside the tasks: more are printed in even
    parts, each with rank and task; the screen keeps the one table."""
    from needmap.reports.toptasks_page import render_toptasks_page
    from needmap.reports.toptasks_table import print_parts
    from tests.studies import make_study

    groups = {f"g{i:02}": 100 for i in range(count)}
    ids = tuple(f"t{i}" for i in range(6))
    tally = tally_of({g: (20 + i, [6 - j for j in range(6)]) for i, g in enumerate(groups)}, ids)
    result = analyse_toptasks(make_study(groups, {}), mapping_of({t: t for t in ids}), tally)
    table = build_ranking(result, "nl")
    parts = print_parts(table)
    if not sizes:
        assert parts == (table,)
        return
    assert [len(p.header) for p in parts] == [7, *(2 + n for n in sizes)]
    assert parts[0].header == table.header[:7] and parts[0].rows[0] == table.rows[0][:7]
    assert [p.title for p in parts[1:]] == [
        f"Aandeel van de stemmen per groep ({i} van {len(sizes)})" for i in range(1, len(sizes) + 1)
    ]
    shown = [h for p in parts[1:] for h in p.header[2:]]
    assert shown == list(table.header[7:])  # every group once, in order
    assert {p.text_columns for p in parts} == {(1,)}  # the task, left-aligned in every part
    assert {p.row_header for p in parts} == {1}  # and heading its row in every part
    assert [p.marks_column for p in parts] == [6, *(None for _ in sizes)]  # the first part's
    assert all(p.header[:2] == table.header[:2] for p in parts[1:])
    last = parts[-1]
    assert last.rows[0] == (table.rows[0][0], table.rows[0][1], *table.rows[0][-sizes[-1] :])
    page = render_toptasks_page(result, "nl", "Org")
    # the whole table for the screen, the parts for print, the weights (the tasks map to no
    # needs here)
    assert page.count('<div class="print-only">') == 1
    assert page.count("<table") == 1 + len(parts) + 1
    # each row headed by its task (the screen's table and each printed part) or group
    tasks = [f'<th scope="row">{row[1]}</th>' for row in table.rows]
    assert all(page.count(task) == 1 + len(parts) for task in tasks)
    assert page.count('<th scope="row">') == len(tasks) * (1 + len(parts)) + count


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Beleidsadviseurs en projectmanagers", "Beleidsadviseurs en\u00a0projectmanagers"),
        ("Medewerkers van de  buitendienst", "Medewerkers van\u00a0de\u00a0buitendienst"),
        ("De raad", "De\u00a0raad"),
        ("Bureaumedewerkers", "Bureaumedewerkers"),
        ("", ""),
    ],
)
def test_short_words_are_kept_with_the_next(name: str, kept: str) -> None:
    from needmap.reports.wrapping import keep_short_words

    assert keep_short_words(name) == kept


def test_the_ranking_tables_group_headings_never_break_after_a_short_word() -> None:
    """The printed ranking table wrapped "Beleidsadviseurs / en / projectmanagers": the
    page's group headings keep a short word with the next (the tables' other formats keep
    the names as written)."""
    from needmap.reports.toptasks_page import render_toptasks_page

    names = {"g1": "Beleidsadviseurs en projectmanagers", "g2": "In de wijk"}
    study = named_study(names)
    ids = ("t0", "t1")
    tally = tally_of({"g1": (20, [5, 3]), "g2": (30, [2, 4])}, ids)
    result = analyse_toptasks(study, mapping_of({t: f"Werk en {t}" for t in ids}), tally)
    page = html.unescape(render_toptasks_page(result, "nl", "Org"))
    headings = re.findall(r'<th scope="col" class="num unit group">([^<]*)</th>', page)
    assert set(headings) == {
        "Beleidsadviseurs en\u00a0projectmanagers (n=20)",
        "In\u00a0de\u00a0wijk (n=30)",
    }
    assert "Werk en t0" in page  # a task keeps its spaces
    assert "Beleidsadviseurs en projectmanagers (n=20)" in build_ranking(result, "nl").header


def test_upright_headings_are_as_tall_as_their_longest_word() -> None:
    """A turned heading breaks between words only, so "Klantcontactcentrummedewerkers" ran
    out of the top of its cell, over the text above the table. The row is 13em, or the
    longest word (no-break spaces join words) plus 1.5em, rounded up to a tenth: the word
    is 17.36em in DejaVu Sans and 19.44em in bold, by the measure checked against Pillow."""
    from needmap.reports.wrapping import keep_short_words, upright_height

    assert upright_height([]) == "13em"
    assert upright_height(["Buitendienst", "Inwoners en ondernemers"]) == "13em"
    assert upright_height(["B · Klantcontactcentrummedewerkers"], bold=False) == "18.9em"
    assert upright_height(["Balie", "Klantcontactcentrummedewerkers (n=20)"]) == "21em"
    name = "Medewerkers in de buitendienstorganisatie"
    assert upright_height([name]) == "15em"  # "buitendienstorganisatie"
    assert upright_height([keep_short_words(name)]) == "18.1em"  # "in de buitendienst…"


def test_a_page_of_upright_group_headings_makes_room_for_their_longest_word() -> None:
    """The ranking's row of upright headings is as tall as its longest word needs; tables
    without group columns (the weights, the parts printed without groups) set no height."""
    from needmap.reports.toptasks_page import render_toptasks_page

    names = {"g1": "Klantcontactcentrummedewerkers", "g2": "Balie"}
    ids = ("t0", "t1")
    tally = tally_of({"g1": (20, [5, 3]), "g2": (30, [2, 4])}, ids)
    result = analyse_toptasks(named_study(names), mapping_of({t: t for t in ids}), tally)
    page = render_toptasks_page(result, "nl", "Org")
    tables = re.findall(r"<table [^>]*>", page)
    assert tables.count('<table class="needs ranking" style="--upright: 21em">') == 1
    assert all("--upright" not in t for t in tables if t != tables[0])
    assert "height: var(--upright, 13em)" in page


@pytest.mark.parametrize(
    ("names", "titles"),
    [
        (
            [
                "Klantcontactcentrummedewerkers",
                "Beveiliging, catering en facilitair",
                "Bureaumedewerkers en secretariaten",
                "Buitendienstmedewerkers",
                "Beleidsadviseurs en projectmanagers",
                "Teamleiders en afdelingshoofden",
                "Bestuurders en directie",
                "Vrijwilligersorganisaties",
            ],
            [
                "Aandeel van de stemmen per groep (1 van 2)",
                "Aandeel van de stemmen per groep (2 van 2)",
            ],
        ),
        (
            [
                "Baliemedewerkers",
                "Beveiliging, catering en facilitair",
                "Bureaumedewerkers",
                "Buitendienst",
                "Beleidsadviseurs en projectmanagers",
                "Teamleiders en afdelingshoofden",
                "Bestuurders en directie",
            ],
            ["Aandeel van de stemmen per groep"],
        ),
    ],
)
def test_a_ranking_too_wide_for_the_page_is_printed_in_parts_that_fit(
    names: list[str], titles: list[str]
) -> None:
    """Eight groups of long names ran past the page's right edge: the browser engine wraps
    no word, and every column is as wide as its widest. The groups of the demo's seven
    Dutch names did too, in DejaVu Sans (the font a PDF gets on Linux without Arial's
    metric twin). A table is printed whole only if its widest words fit the page, as
    measured in that font; else in parts, each on the page."""
    from pypdf import PdfReader

    from needmap.reports.pdf import html_to_pdf
    from needmap.reports.toptasks_page import render_toptasks_page
    from needmap.reports.toptasks_table import print_parts
    from tests.rendered import assert_on_the_page

    ids = {f"g{i}": name for i, name in enumerate(names)}
    study = named_study(ids, headcount=1000)
    tasks = tuple(f"t{i:02}" for i in range(6))
    tally = tally_of(
        {g: (200 + i, [30 - j + i for j in range(6)]) for i, g in enumerate(ids)}, tasks
    )
    labels = {t: f"Een vergaderruimte met lunch en beamer boeken {t}" for t in tasks}
    result = analyse_toptasks(study, mapping_of(labels), tally)
    parts = print_parts(build_ranking(result, "nl"))
    assert [p.title for p in parts[1:]] == titles
    assert sorted(h for p in parts[1:] for h in p.header[2:]) == sorted(
        f"{name} (n={200 + i})" for i, name in enumerate(names)
    )
    pdf = html_to_pdf(render_toptasks_page(result, "nl", "Org"))
    assert_on_the_page(PdfReader(io.BytesIO(pdf)))


@given(
    before=st.integers(2, 6),
    groups=st.integers(0, 30),
    after=st.integers(0, 2),
    rows=st.integers(0, 4),
)
def test_print_parts_show_every_column_once(
    before: int, groups: int, after: int, rows: int
) -> None:
    """However many group columns a table has: each part holds at most eight of them beside
    the key columns, in order, each shown once; the other columns come first, in one table;
    every row keeps its cells in every part."""
    from needmap.reports.toptasks_table import PRINT_GROUP_COLUMNS, RankingTable, print_parts

    width = before + groups + after
    header = tuple(f"c{i}" for i in range(width))
    table = RankingTable(
        "T",
        header,
        tuple(tuple(f"r{r}c{i}" for i in range(width)) for r in range(rows)),
        (False,) * rows,
        (),
        language="en",
        group_columns=tuple(range(before, before + groups)),
        part_title="part {part} of {parts}",
    )
    parts = print_parts(table)
    if groups <= PRINT_GROUP_COLUMNS:
        assert parts == (table,)
        return
    first, *rest = parts
    assert first.header == tuple(h for i, h in enumerate(header) if i not in table.group_columns)
    shown = [h for part in rest for h in part.header[1:]]
    assert shown == [header[i] for i in table.group_columns]
    sizes = [len(part.header) - 1 for part in rest]
    assert max(sizes) <= PRINT_GROUP_COLUMNS and max(sizes) - min(sizes) <= 1
    assert len(rest) == -(-groups // PRINT_GROUP_COLUMNS)  # as few parts as fit
    for number, part in enumerate(rest, start=1):
        assert part.title == f"part {number} of {len(rest)}" and part.header[0] == "c0"
        assert all(row == tuple(f"r{r}{h}" for h in part.header) for r, row in enumerate(part.rows))


def test_printed_widths_are_measured_in_dejavu_sans() -> None:
    """Widths as a PDF sets DejaVu Sans, unhinted: checked by hand against Pillow's
    FreeType rendering of the Debian font files (98.99, 36.22 and 50.83 px)."""
    from needmap.reports.wrapping import PrintedWidth

    measure = PrintedWidth()
    assert measure("Bureaumedewerkers", 8.5, bold=True) == pytest.approx(98.99, abs=0.6)
    assert measure("100,0%", 9.5) == pytest.approx(36.22, abs=0.6)
    assert measure("Stemmen", 9.5, bold=True) == pytest.approx(50.83, abs=0.6)


def test_a_printed_column_is_as_wide_as_its_widest_word_or_cell() -> None:
    """A group heading's widest piece keeps its short word ("en projectmanagers"), at the
    group headings' 8.5px with their 6px of padding; other headings break at every space,
    in 9.5px bold with 10px; a number is never wrapped; the task column is 14em at least,
    or as wide as its longest word."""
    from needmap.reports import toptasks_table as tt
    from needmap.reports.wrapping import PrintedWidth

    long_word = "Klantcontactcentrummedewerkersondersteuningsprogramma"
    table = tt.RankingTable(
        "T",
        ("Rang", "Taak", "%", "Beleidsadviseurs en projectmanagers (n=155)"),
        (("1", "Een vergaderruimte met lunch en beamer boeken", "100,0%", "1"),),
        (False,),
        (),
        language="nl",
        group_columns=(3,),
    )
    measure = PrintedWidth()
    assert tt._printed_widths(table) == pytest.approx(
        [
            measure("Rang", 9.5, bold=True) + 10,
            14 * 9.5 + 10,
            measure("100,0%", 9.5) + 10,
            measure("en projectmanagers", 8.5, bold=True) + 6,
        ]
    )
    wide = replace(table, rows=(("1", f"Een {long_word}", "1", "1"),))
    assert tt._printed_widths(wide)[1] == pytest.approx(measure(long_word, 9.5) + 10)


@given(groups=st.integers(1, 20), length=st.integers(1, 150), rows=st.integers(0, 3))
def test_printed_parts_fit_the_page_and_are_as_few_as_fit(
    groups: int, length: int, rows: int
) -> None:
    """Whatever the groups' names: a table printed whole fits the page, by the measure of
    its widest words; else each part of the groups fits beside rank and task (unless it
    holds one group alone, too wide for any page), and one part fewer would not."""
    from needmap.reports import toptasks_table as tt
    from needmap.reports.print_layout import PRINTED

    header = ("Rank", "Task", "Votes", *(f"{'w' * length} {i}" for i in range(groups)))
    table = tt.RankingTable(
        "T",
        header,
        tuple(("1", "A task", "3", *("12,5%",) * groups) for _ in range(rows)),
        (False,) * rows,
        (),
        language="en",
        group_columns=tuple(range(3, 3 + groups)),
        key_columns=(0, 1),
        part_title="part {part} of {parts}",
        groups_title="groups",
    )
    widths = tt._printed_widths(table)
    parts = tt.print_parts(table)
    if len(parts) == 1:
        assert groups <= tt.PRINT_GROUP_COLUMNS and sum(widths) <= PRINTED.page
        return
    assert groups > tt.PRINT_GROUP_COLUMNS or sum(widths) > PRINTED.page
    room = PRINTED.page - widths[0] - widths[1]
    count = len(parts) - 1
    for part in parts[1:]:
        assert len(part.header) == 3 or sum(tt._printed_widths(part)) <= PRINTED.page
    assert all(len(part.header) > 2 for part in parts[1:])  # a group, however wide, in each
    if count - 1 >= -(-groups // tt.PRINT_GROUP_COLUMNS):
        fewer = tt._even_chunks(table.group_columns, count - 1)
        assert any(sum(widths[i] for i in chunk) > room for chunk in fewer)
    assert [p.title for p in parts[1:]] == (
        ["groups"] if count == 1 else [f"part {n} of {count}" for n in range(1, count + 1)]
    )


def test_unweighted_results_have_no_weighted_column(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    """Without weighting there are no weighted shares: the column left empty in every row
    read as missing figures, in the terminal and in every file."""
    one = with_minimum(study, 1)
    table = build_ranking(analyse_toptasks(one, mapping, tally, weighted=False), "en")
    assert table.header == (
        "Rank",
        "Task",
        "Votes",
        "Share",
        "Cumulative",
        "In 75% set",
        "Front desk (n=5)",
        "Field staff (n=3)",
        "Office staff (n=3)",
    )
    assert table.rows[0] == (
        "1",
        "Book leave",
        "7",
        "28.0%",
        "28.0%",
        "●",
        "25.0%",
        "60.0%",
        "14.3%",
    )
    assert (table.marks_column, table.group_columns) == (5, (6, 7, 8))
    assert "| ---: | --- | ---: | ---: | ---: | :-: | ---: | ---: | ---: |" in ranking_to_markdown(
        table
    )
    weighted = build_ranking(analyse_toptasks(one, mapping, tally), "en")
    assert weighted.header[4:7] == ("Weighted", "Cumulative", "In 75% set")
    assert (weighted.marks_column, weighted.group_columns) == (6, (7, 8, 9))


def test_a_dutch_workbook_names_its_sheets_in_dutch(
    study: Study, mapping: SurveyMapping, tally: Tally
) -> None:
    result = analyse_toptasks(with_minimum(study, 1), mapping, tally)
    book = load_workbook(io.BytesIO(ranking_to_xlsx(*ranking_tables(result, "nl"))))
    assert book.sheetnames == ["Toptaken", "Bewijs voor behoeften", "Gewichten"]
