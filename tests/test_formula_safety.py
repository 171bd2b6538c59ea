"""No text needmap writes to a CSV file or a workbook becomes a formula, in any report: the
demo study with its names, titles, quotes and search terms starting as formulas do
(``=``, ``+``, ``-``, ``@``), built whole and written by each command that writes a table.
The tests of each format check their own writer; this one finds a report that writes its
cells some other way."""

from __future__ import annotations

import csv
import itertools
import re
import shutil
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from needmap.cli import app

runner = CliRunner()

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list)."""

_FREE_TEXT = re.compile(
    r"^(\s*(?:- )?(?:title|name|description|role|text|goals?|notes?): )([^\"'\[{|>\s].*)$",
    flags=re.M,
)


def _hostile(study: Path) -> None:
    """Each plain title, name, description and quote of the study's YAML files made to start
    as a formula does, in turn; every fifth search term of its logs too."""
    starts = itertools.cycle(["=1+", "+", "-", "@SUM(A1)"])
    for path in study.rglob("*.yaml"):
        if path.parent.name == "schemas":
            continue
        text = path.read_text(encoding="utf-8")
        text = _FREE_TEXT.sub(lambda m: f'{m[1]}"{next(starts)}{m[2]}"', text)
        path.write_text(text, encoding="utf-8")
    for path in (study / "analytics").glob("*.csv"):
        lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        for n in range(1, len(lines), 5):
            lines[n] = "=cmd|' /C calc'!A0 " + lines[n]
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


def test_no_report_writes_a_formula(demo: Path, tmp_path: Path) -> None:
    study = tmp_path / "study"
    shutil.copytree(demo / "study", study)
    _hostile(study)
    out = tmp_path / "out"
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
    tables = sorted(out.glob("*.csv")) + sorted(out.glob("*.xlsx"))
    assert len(tables) >= 23
    assert "=1+" in (out / "table.csv").read_text(encoding="utf-8-sig")  # made hostile
    for path in tables:
        found = _formulas_in_csv(path) if path.suffix == ".csv" else _formulas_in_workbook(path)
        assert not found, f"{path.name}: {found[:3]}"
