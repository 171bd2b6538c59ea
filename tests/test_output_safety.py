"""What no report may hold, checked over all of them at once: the demo study made hostile (its
names, titles, quotes and search terms starting as formulas do, its quotes and search terms
holding a person's e-mail address and phone number), built whole and written by each
command that writes a table. The tests of each report check their own writer; these find a
report that writes its cells or texts some other way."""

from __future__ import annotations

import csv
import itertools
import re
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from needmap.cli import app
from tests.conftest import IN_A_TERMINAL
from tests.rendered import JAVA, html_problems

runner = CliRunner()

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list)."""

_FREE_TEXT = re.compile(
    r"^(\s*(?:- )?(?:title|name|organisation|description|role|text|goals?|notes?|period|channel): )"
    r"([^\"'\[{|>\s].*)$",
    flags=re.M,
)


MARKUP = " <i>x</i> [a](javascript:b) [/] Q[zz]Q"
"""Markup a text may hold that a Markdown renderer would act on (raw HTML, a link), and
that rich, which prints to the terminal, would (a closing tag with nothing to close, a
style it does not know, which it leaves out)."""
EMAIL = "jan.jansen@example.org"
PHONE = "06-12345678"


def _hostile(study: Path) -> None:
    """Each plain title, name, description and quote of the study's YAML files made to start
    as a formula does, in turn, and to end in markup; every fifth search term of its logs
    starts so too. Each quote ends with an e-mail address or a phone number, and two
    searched terms are them. Each text of a persona ends in markup."""
    starts = itertools.cycle(["=1+", "+", "-", "@SUM(A1)"])
    contacts = itertools.cycle([f" Mail {EMAIL}.", f" Bel {PHONE}."])
    for path in study.rglob("*.yaml"):
        if path.parent.name == "schemas":
            continue
        text = path.read_text(encoding="utf-8")
        text = _FREE_TEXT.sub(lambda m: f'{m[1]}"{next(starts)}{m[2]}{MARKUP}"', text)
        text = re.sub(r'(- text: ".*)"$', lambda m: f'{m[1]}{next(contacts)}"', text, flags=re.M)
        path.write_text(text, encoding="utf-8")
    for mapping in (study / "surveys").glob("*.yaml"):
        survey = yaml.safe_load(mapping.read_text(encoding="utf-8"))
        for task in survey["tasks"]:
            task["label"] += MARKUP
        mapping.write_text(yaml.safe_dump(survey, allow_unicode=True), encoding="utf-8")
    personas = study / "personas.yaml"
    listed = yaml.safe_load(personas.read_text(encoding="utf-8"))
    for persona in listed["personas"]:
        persona["summary"] += MARKUP
        for key in ("goals", "frustrations", "scenarios", "devices", "places", "quotes"):
            persona[key] = [item + MARKUP for item in persona.get(key, [])]
    personas.write_text(yaml.safe_dump(listed, allow_unicode=True), encoding="utf-8")
    for path in (study / "analytics").glob("*.csv"):
        lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        for n in range(1, len(lines), 5):
            lines[n] = "=cmd|' /C calc'!A0 " + lines[n]
        lines += [f"{EMAIL},40,0\n", f"{PHONE},30,0\n"]
        path.write_text("".join(lines), encoding="utf-8-sig")


def _formulas_in_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    return [c for c in cells if c.startswith(FORMULA_STARTS) and not _a_number(c)]


def _a_number(text: str) -> bool:
    return re.fullmatch(r"[-+]?\d[\d,.]*%?", text) is not None


def _formulas_in_workbook(path: Path) -> list[str]:
    found = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    found.append(f"{sheet.title}!{cell.coordinate}: {cell.value}")
    return found


@pytest.fixture(scope="module")
def hostile_reports(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of every report of the hostile demo study, PDFs aside, and each table
    as CSV and workbook, and the guide's quote sheet."""
    study = tmp_path_factory.mktemp("hostile") / "study"
    shutil.copytree(demo / "study", study)
    _hostile(study)
    out = study.parent / "out"
    built = runner.invoke(app, ["build", str(study), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 0, built.output
    for command, name in [
        (["personas"], "personas"),
        (["roadmap"], "roadmap"),
        (["table"], "table"),
        (["searches"], "searches"),
        (["interviews"], "interviews"),
        (["toptasks"], "toptasks"),
        (["toptasks", "--compare", "toptasks-2024"], "compare"),
    ]:
        for suffix in (".csv", ".xlsx"):
            target = out / f"{name}{suffix}"
            written = runner.invoke(app, [*command, str(study), "--out", str(target)])
            assert written.exit_code == 0, written.output
    sheet = runner.invoke(app, ["guide", str(study), "--sheet", str(out / "quotes.xlsx")])
    assert sheet.exit_code == 0, sheet.output
    return out


def test_no_report_writes_a_formula(hostile_reports: Path) -> None:
    out = hostile_reports
    tables = sorted(out.glob("*.csv")) + sorted(out.glob("*.xlsx"))
    assert len(tables) >= 23
    assert "=1+" in (out / "table.csv").read_text(encoding="utf-8-sig")  # made hostile
    for path in tables:
        found = _formulas_in_csv(path) if path.suffix == ".csv" else _formulas_in_workbook(path)
        assert not found, f"{path.name}: {found[:3]}"


def test_no_report_shows_a_person_s_contact_details(hostile_reports: Path) -> None:
    """Quotes are shown with the address and number scrubbed; the terms that are them are
    counted but never shown, in any page, table, chart, workbook or the brief."""
    reports = [p for p in sorted(hostile_reports.iterdir()) if p.suffix != ".png"]
    assert len(reports) >= 50
    quoted = 0
    for path in reports:
        text = _text_of(path)
        assert EMAIL not in text and PHONE not in text, path.name
        quoted += "Mail [" in text or "Bel [" in text
    assert quoted >= 5  # the quotes are shown, scrubbed


def _text_of(path: Path) -> str:
    """A report's text: a workbook's cells, any other file as it is written."""
    if path.suffix == ".xlsx":
        cells = (
            str(cell.value)
            for sheet in load_workbook(path).worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
        return "\n".join(cells)
    return path.read_text(encoding="utf-8-sig", errors="replace")


def test_no_markdown_report_lets_a_text_become_markup(hostile_reports: Path) -> None:
    """Every text of the study in a Markdown report is shown as written: its ``<i>`` and
    its link escaped, in headings, list items, quotes and tables alike (many renderers,
    MkDocs and pandoc among them, keep raw HTML); and escaped in every page and SVG."""
    pages = sorted(hostile_reports.glob("*.md"))
    assert len(pages) >= 8
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "\\<i>x\\</i>" in text, path.name  # made hostile, and escaped
        prose = re.sub(r"^(`{3,})text\n.*?^\1$", "", text, flags=re.M | re.S)  # verbatim
        raw = [
            line
            for line in prose.splitlines()
            if re.search(r"(?<!\\)<[A-Za-z/!?]|(?<!\\)\[[^\]]*\]\(javascript", line)
        ]
        assert not raw, f"{path.name}: {raw[:3]}"
    for path in [*hostile_reports.glob("*.html"), *hostile_reports.glob("*.svg")]:
        assert "<i>x</i>" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.skipif(JAVA is None, reason="no Java to run the Nu Html Checker")
def test_every_page_stays_valid_html(hostile_reports: Path) -> None:
    """No text of the study breaks a page's markup (an attribute it is quoted into, an
    element it would open), as the Nu Html Checker reads the pages."""
    pages = sorted(hostile_reports.glob("*.html"))
    assert len(pages) >= 12
    assert html_problems(pages) == []


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["overlap"],
        ["overlap", "--by-family"],
        ["table"],
        ["personas"],
        ["roadmap"],
        ["toptasks"],
        ["toptasks", "--group", "front-desk"],
        ["toptasks", "--compare", "toptasks-2024"],
        ["interviews"],
        ["searches"],
        ["why", "@", "hr-self-service"],
        ["status"],
        ["groups", "list"],
        ["needs", "list"],
        ["survey", "questions", "@", "--survey", "toptasks-2026"],
        ["guide", "@", "front-desk"],
    ],
    ids=" ".join,
)
def test_the_terminal_shows_every_text_as_written(
    hostile_reports: Path, command: list[str]
) -> None:
    """rich reads its own markup in what it prints: a study's text with a closing tag that
    closes nothing stopped a command with an internal error, and one with a tag rich does
    not know lost it. Each command that prints the study's texts shows them whole."""
    study = str(hostile_reports.parent / "study")
    words = [study if w == "@" else w for w in command]
    if "@" not in command:
        words.insert(2 if command[0] in ("groups", "needs") else 1, study)
    result = runner.invoke(app, words, env=IN_A_TERMINAL)
    assert result.exit_code == 0, result.output
    assert "Q[zz]Q" in result.output and "QQ" not in result.output
