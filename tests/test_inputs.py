"""``--out`` never writes a report over a file the study reads (needmap.surveys.inputs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap.cli import app
from needmap.errors import TargetExistsError
from needmap.surveys.inputs import refuse_overwriting_inputs

runner = CliRunner()


@pytest.fixture
def demo_copy(demo: Path, tmp_path: Path) -> Path:
    """The demo folder (the study in study/, the survey export beside it), to write into."""
    copy = tmp_path / "demo"
    shutil.copytree(demo, copy, ignore=shutil.ignore_patterns("*.pdf", "*.png", "*.svg"))
    return copy


def _export(folder: Path) -> Path:
    """The export of the demo's latest survey (the other is of the run it repeats)."""
    return folder / "example-export-toptasks-2026.csv"


@pytest.mark.parametrize(
    ("command", "target", "refusal"),
    [
        (["roadmap"], "export", "the export survey 'toptasks-2026' was imported from"),
        (["toptasks"], "moved export", "the export survey 'toptasks-2026' was imported from"),
        (["table"], "search log", "the export that search log search.yaml reads"),
        (["toptasks"], "tally", "into the study's own folder surveys/"),
        (["why", "people-finder"], "notes beside", "into the study's own folder surveys/"),
        (["personas"], "new in interviews", "into the study's own folder interviews/"),
        (["interviews"], "new in interviews", "into the study's own folder interviews/"),
        (["searches"], "search log", "the export that search log search.yaml reads"),
        (["diagram"], "notes beside", "into the study's own folder surveys/"),
        (["report"], "export", "the export survey 'toptasks-2026' was imported from"),
        (["guide"], "new in interviews", "into the study's own folder interviews/"),
        (["brief"], "moved export", "the export survey 'toptasks-2026' was imported from"),
        (["roadmap"], "new in needs", "into the study's own folder needs/"),
    ],
)
def test_a_report_is_not_written_over_an_input(
    demo_copy: Path, tmp_path: Path, command: list[str], target: str, refusal: str
) -> None:
    study = demo_copy / "study"
    export = _export(demo_copy)
    moved = tmp_path / "elsewhere" / "answers.csv"  # found by its contents, not its name
    moved.parent.mkdir()
    shutil.copy(export, moved)
    search_log = study / "analytics" / "search-terms-april-2026.csv"  # one the pattern reads
    tally = study / "surveys" / "toptasks-2026.tally.json"
    beside = study / "surveys" / "notes.md"
    beside.write_text("# My notes on the survey\n")
    path = {
        "export": export,
        "moved export": moved,
        "search log": search_log,
        "tally": tally,
        "notes beside": beside,
        "new in interviews": study / "interviews" / "personas.md",
        "new in needs": study / "needs" / "roadmap.md",  # the gemeente's needs by kind
    }[target]
    before = path.read_bytes() if path.exists() else None
    result = runner.invoke(app, [command[0], str(study), *command[1:], "--out", str(path)])
    assert result.exit_code == 2
    if refusal.startswith("into"):
        assert f"{path}: will not write a report {refusal}" in result.stderr
        assert "hint: write it elsewhere, such as the study's reports/ folder" in result.stderr
    else:
        assert f"{path}: will not write a report over {refusal}" in result.stderr
        assert "hint: give --out another file name" in result.stderr
    assert (path.read_bytes() if path.exists() else None) == before


def test_an_earlier_report_or_a_new_file_is_written(demo_copy: Path, tmp_path: Path) -> None:
    study = demo_copy / "study"
    for out in (tmp_path / "roadmap.csv", study / "roadmap.csv", study / "reports" / "r.csv"):
        for _ in range(2):
            result = runner.invoke(app, ["roadmap", str(study), "--out", str(out)])
            assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8-sig").startswith("#,Need,Phase")
    edited = tmp_path / "other.csv"  # same name as nothing, other bytes than any export
    edited.write_bytes(_export(demo_copy).read_bytes() + b"\n")
    refuse_overwriting_inputs(study, edited)


def test_a_broken_search_log_or_tally_does_not_stop_the_check(demo_copy: Path) -> None:
    study = demo_copy / "study"
    (definition,) = (study / "analytics").glob("*.yaml")
    definition.write_text("file: [unclosed\n")
    tally = study / "surveys" / "toptasks-2026.tally.json"
    tally.write_text("{")
    refuse_overwriting_inputs(study, demo_copy / "roadmap.md")
    with pytest.raises(TargetExistsError, match="own folder surveys/"):
        refuse_overwriting_inputs(study, tally)
