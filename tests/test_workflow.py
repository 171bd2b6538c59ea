"""docs/workflow.md, run: every command of its code blocks, in order, in a fresh folder,
with an example survey export where the page says the consultant has one. A command the
page shows that fails, or that no longer fits the study the steps before it made, fails
this test."""

from __future__ import annotations

import csv
import shlex
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.demo import write_example_export
from needmap.surveys.mapping import load_mapping, mapping_files
from tests.documented import REPOSITORY, documented_calls

WORKFLOW = REPOSITORY / "docs" / "workflow.md"


def _commands() -> list[list[str]]:
    """The ``needmap`` commands in the page's code blocks, as words."""
    return [words for where, words in documented_calls() if where.startswith(f"{WORKFLOW.name}:")]


def _write_export(study_dir: Path, path: Path, seed: int) -> None:
    """The survey's export as Microsoft Forms gives it: a workbook of one sheet, its
    answers drawn with ``seed`` (another each run of the survey)."""
    study = load_study(study_dir)
    as_csv = path.with_suffix(".csv")
    mapping = load_mapping(mapping_files(study_dir)[-1], study)  # the template's survey
    write_example_export(study, mapping, as_csv, seed=seed)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    with as_csv.open(encoding="utf-8-sig", newline="") as rows:
        for row in csv.reader(rows):
            sheet.append(row)
    book.save(path)
    as_csv.unlink()


def test_the_workflow_page_runs_from_start_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    commands = _commands()
    assert len(commands) >= 20 and commands[1][:2] == ["init", "hartley"]
    exports = 0
    for words in commands:
        if words[:2] in (["survey", "import"], ["survey", "draft"]):
            export = tmp_path / words[3]
            if not export.exists():
                _write_export(tmp_path / words[2], export, seed=2026 + exports)
                exports += 1
        done = runner.invoke(app, words, env={"COLUMNS": "100"})
        assert done.exit_code == 0, f"needmap {shlex.join(words)}:\n{done.output}"
        if words[:2] == ["survey", "draft"]:  # as the page says: uncomment its earlier:
            draft = tmp_path / words[2] / "surveys" / f"{words[-1]}.yaml"
            text = draft.read_text(encoding="utf-8")
            assert "\n# earlier: toptasks-2026" in text
            draft.write_text(text.replace("\n# earlier:", "\nearlier:", 1), encoding="utf-8")
    study = tmp_path / "hartley"
    assert "id: support" in (study / "groups.yaml").read_text(encoding="utf-8")
    assert "group: field" in (study / "interviews" / "field-2026-10-05.yaml").read_text()
    assert (study / "surveys" / "toptasks-2026.tally.json").is_file()
    assert (study / "surveys" / "toptasks-2027.tally.json").is_file()
    assert (study / "reports" / "index.html").is_file()
    assert (tmp_path / "plan-october.json").is_file() and (tmp_path / "brief.html").is_file()
