"""The index page of a folder of reports: a card per kind of report, files named for what
they hold, formats in a fixed order, diagrams shown small."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from needmap import load_study
from needmap.build import build_reports
from needmap.reports.index_page import write_index_page
from tests.conftest import StudyMaker

FILES = [
    "overlap-groups.html",
    "overlap-groups.pdf",
    "diagram-groups.svg",
    "diagram-groups.png",
    "needs-groups.md",
    "needs-groups.html",
    "needs-groups.csv",
    "needs-groups.xlsx",
    "toptasks-s1.html",
    "toptasks-s1.md",
    "toptasks-s1-neck.png",
    "toptasks-s1-groups.png",
    "personas.html",
    "personas.md",
    "guide-desk.html",
    "guides.md",
    "brief.html",
    "brief.pdf",
    "notes.txt",
    "notes.csv",
    "study/surveys/toptasks-s1.tally.json",  # the study's, named like a report
]


def _index(make_study: StudyMaker, tmp_path: Path, language: str = "en") -> str:
    root = make_study(
        {"study.yaml": f"name: Test study\norganisation: Test org\nlanguage: {language}\n"}
    )
    out = tmp_path / "out"
    out.mkdir()
    files = [tmp_path / "elsewhere.html"] + [out / name for name in FILES]  # skipped, not the end
    surveys = {"s1": "Survey <2026>"}
    page = write_index_page(load_study(root), files, out, surveys=surveys)
    return page.read_text(encoding="utf-8")


def _cards(index: str) -> dict[str, str]:
    """Card title -> the card's HTML."""
    parts = re.findall(
        r'<section class="card[^"]*" id="\w+">\s*<h2>(.*?)</h2>(.*?)</section>', index, re.S
    )
    return dict(parts)


def _entries(card: str) -> list[tuple[str, list[str]]]:
    """(label, [format names in order]) of each entry of a card."""
    rows = re.findall(r'<span class="label">(.*?)</span><span class="formats">(.*?)</span>', card)
    return [(label, re.findall(r">([^<]+)</a>", formats)) for label, formats in rows]


def test_cards_follow_the_reader_and_name_each_file(make_study: StudyMaker, tmp_path: Path) -> None:
    index = _index(make_study, tmp_path)
    cards = _cards(index)
    assert list(cards) == [
        "Brief for the steering group",
        "Shared and specific needs",
        "Top tasks",
        "Personas",
        "Interviews",
        "Other files",
    ]
    assert _entries(cards["Shared and specific needs"]) == [
        ("Overview: target groups", ["Page", "PDF"]),
        ("Diagram: target groups", ["SVG", "PNG"]),
        ("Needs table: target groups", ["Page", "Excel", "CSV", "Markdown"]),  # page first
    ]
    assert _entries(cards["Top tasks"]) == [
        ("Survey &lt;2026&gt;", ["Page", "Markdown"]),  # by its title, escaped
        ("Chart: the long neck (Survey &lt;2026&gt;)", ["PNG"]),
        ("Chart: top tasks per group (Survey &lt;2026&gt;)", ["PNG"]),
    ]
    assert _entries(cards["Interviews"]) == [
        ("Interview guide: Front desk", ["Page"]),  # the group's name, not its id
        ("Interview guides, every group", ["Markdown"]),
    ]
    assert _entries(cards["Other files"]) == [
        ("notes.txt", ["TXT"]),
        ("notes.csv", ["CSV"]),
        ("study/surveys/toptasks-s1.tally.json", ["JSON"]),
    ]
    assert "elsewhere.html" not in index  # outside the folder: not linked
    # each known format says what it is good for
    assert '<a href="brief.pdf" title="to print or send">PDF</a>' in index
    assert '<a href="diagram-groups.png" title="a picture, for slides and e-mail">PNG</a>' in index
    linked = re.findall(r'<span class="formats">.*?</span>', index)
    assert sum(len(re.findall(r"href=", f)) for f in linked) == len(FILES)


def test_the_diagrams_and_the_long_neck_are_shown_small(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    index = _index(make_study, tmp_path)
    cards = _cards(index)
    shown = {title: re.findall(r'<img src="([^"]+)"', html) for title, html in cards.items()}
    assert shown["Shared and specific needs"] == ["diagram-groups.png"]
    assert shown["Top tasks"] == ["toptasks-s1-neck.png"]  # not the per-group chart
    assert shown["Personas"] == [] and shown["Brief for the steering group"] == []
    assert '<section class="card wide" id="overlap">' in index


def test_dutch_index(make_study: StudyMaker, tmp_path: Path) -> None:
    cards = _cards(_index(make_study, tmp_path, "nl"))
    assert "Notitie voor de stuurgroep" in cards and "Overige bestanden" in cards
    assert _entries(cards["Persona&#39;s"]) == [
        ("De persona&#39;s, één per pagina", ["Pagina", "Markdown"])
    ]


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Test org — Test study · built on 2 March 2026"), ("nl", "bijgewerkt op 2 maart 2026")],
)
def test_the_page_says_the_day_of_the_build(
    make_study: StudyMaker, tmp_path: Path, language: str, said: str
) -> None:
    """Opened weeks later, the page tells how current its reports are."""
    root = make_study(
        {"study.yaml": f"name: Test study\norganisation: Test org\nlanguage: {language}\n"}
    )
    build_reports(load_study(root), tmp_path / "built", pdf=False, today=date(2026, 3, 2))
    subtitle = re.search(
        r'<p class="subtitle">(.*?)</p>',
        (tmp_path / "built" / "index.html").read_text(encoding="utf-8"),
    )
    assert subtitle is not None and subtitle[1].endswith(said)
    assert "·" not in _index(make_study, tmp_path)  # no day given, none said


def test_a_survey_held_again_shows_its_chart_then_and_now_in_place_of_the_earlier_neck(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"study.yaml": "name: Test study\norganisation: Test org\nlanguage: en\n"})
    out = tmp_path / "out"
    names = [
        "toptasks-s2.html",
        "toptasks-s2-neck.png",
        "compare-s2.html",
        "compare-s2-chart.png",
        "toptasks-s1.html",
        "toptasks-s1-neck.png",
        "notes-chart.png",  # not a chart of needmap's
    ]
    surveys = {"s1": "Survey 2024", "s2": "Survey 2026"}
    study = load_study(root)
    page = write_index_page(study, [out / n for n in names], out, surveys=surveys, earlier=["s1"])
    cards = _cards(page.read_text(encoding="utf-8"))
    assert re.findall(r'<img src="([^"]+)"', cards["Top tasks"]) == [
        "toptasks-s2-neck.png",
        "compare-s2-chart.png",
    ]
    assert ("Chart: top tasks then and now (Survey 2026)", ["PNG"]) in _entries(cards["Top tasks"])
    entries = dict(_entries(cards["Top tasks"]))
    assert entries["Survey 2024 (held again since)"] == ["Page"]  # linked still, and says so
    assert entries["Survey 2026"] == ["Page"]


def test_before_any_survey_is_held_the_card_says_where_its_questions_are(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"study.yaml": "name: Test study\norganisation: Test org\nlanguage: en\n"})
    out = tmp_path / "out"
    held = write_index_page(load_study(root), [out / "toptasks-s1.html"], out)
    assert "the long neck" in held.read_text(encoding="utf-8")
    page = write_index_page(load_study(root), [out / "questions-s1.html"], out)
    said = page.read_text(encoding="utf-8")
    assert "Each survey&#39;s questions and options, to build it" in said
