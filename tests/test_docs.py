"""The docs stay true to the code: every field of every file format is documented."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from needmap.personas import schema
from needmap.surveys import interviews, mapping, searchlog
from needmap.surveys.interview_sheet import SHEET_COLUMNS
from tests.documented import REPOSITORY, documented_calls

MODELS = [
    schema.StudySettings,
    schema.Privacy,
    schema.Scoring,
    schema.ImportanceWeights,
    schema.EffortPoints,
    schema.PlatformSettings,
    schema.Roadmap,
    schema.RoadmapPhase,
    schema.Family,
    schema.TargetGroup,
    schema.Need,
    schema.Persona,
]


SURVEY_MODELS = [mapping.SurveyMapping, mapping.GroupColumn, mapping.Choices, mapping.SurveyTask]


@pytest.mark.parametrize("model", SURVEY_MODELS, ids=lambda m: m.__name__)
def test_every_survey_field_is_in_the_survey_guide(model: type[BaseModel]) -> None:
    text = (REPOSITORY / "docs" / "surveys.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"[`.]{name}[`.\[,]", text), f"{model.__name__}.{name} is not documented"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_in_the_format_reference(model: type[BaseModel]) -> None:
    text = (REPOSITORY / "docs" / "study-format.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"[`.]{name}[`.\[]", text), f"{model.__name__}.{name} is not documented"


@pytest.mark.parametrize(
    "model", [interviews.Interview, interviews.InterviewQuote], ids=lambda m: m.__name__
)
def test_every_interview_field_is_in_the_interview_guide(model: type[BaseModel]) -> None:
    text = (REPOSITORY / "docs" / "interviews.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"`{name}`", text), f"{model.__name__}.{name} is not documented"


def test_every_heading_of_an_interview_sheet_is_in_the_interview_guide() -> None:
    text = (REPOSITORY / "docs" / "interviews.md").read_text(encoding="utf-8")
    for field, headings in SHEET_COLUMNS.items():
        for heading in headings:
            assert f"`{heading}`" in text, f"the heading '{heading}' of {field} is not documented"


@pytest.mark.parametrize(
    "model",
    [searchlog.SearchLog, searchlog.SearchColumns, searchlog.SearchTopic],
    ids=lambda m: m.__name__,
)
def test_every_search_log_field_is_in_the_search_log_guide(model: type[BaseModel]) -> None:
    text = (REPOSITORY / "docs" / "search-logs.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"`{name}`", text), f"{model.__name__}.{name} is not documented"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (REPOSITORY / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in (REPOSITORY / "README.md").read_text(encoding="utf-8")
    assert ci in (REPOSITORY / "CONTRIBUTING.md").read_text(encoding="utf-8")  # "Run the tests"


def test_the_readme_s_library_example_runs_as_written(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import needmap

    (example,) = re.findall(r"```python\n(.*?)```", (REPOSITORY / "README.md").read_text(), re.S)
    shutil.copytree(demo / "study", tmp_path / "my-study")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    study = needmap.load_study("my-study")
    regions = needmap.analyse_overlap(study).overlap.regions
    (survey,) = needmap.study_toptasks(study)
    phases = needmap.study_roadmap(study).phases
    assert printed[0].startswith(str(study.summary()))
    assert printed[1].startswith(f"{regions[0].code} {regions[0].units!r} ")
    assert printed[4].endswith("% of the demand is shared")
    assert printed[5] == f"{survey.title} ({survey.respondents} respondents, ranked weighted)"
    assert [line.split(" ", 1)[0] for line in printed[6:9]] == ["1", "2", "3"]
    assert printed[6].startswith(f"1 {survey.tasks[0].label} ")
    after = 9 + len(phases)
    assert printed[9:after] == [
        f"{p.phase.name} {[s.need.title for s in p.needs]!r}" for p in phases
    ]
    story = needmap.need_story(study, "search")
    rank = [s.need.id for s in needmap.study_roadmap(study).needs].index("search") + 1
    assert printed[after] == f"{story.need.title} rank {rank} {story.phase} score " + (
        f"{story.scored.score:.2f}"
    )
    steps = needmap.study_status(study).steps
    assert printed[after + 1 : -1] == [f"{step.text} {step.command}" for step in steps]
    assert steps  # the demo study has a step or two left: the example prints them
    reports = [f for f in (tmp_path / "my-reports").iterdir() if not f.name.startswith(".")]
    assert printed[-1] == f"{len(reports)} files; open {Path('my-reports', 'index.html')}"


def test_changelog_mentions_every_command() -> None:
    from needmap.cli import app

    changelog = (REPOSITORY / "CHANGELOG.md").read_text(encoding="utf-8")
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"needmap {name}" in changelog + readme, name


def test_every_documented_command_and_option_exists() -> None:
    """A renamed command or option would leave the README and docs telling users to type
    what no longer works."""
    import typer

    from needmap.cli import app

    root = typer.main.get_command(app)
    calls = documented_calls()
    assert len(calls) > 60  # the README's command list and every guide's examples
    for where, words in calls:
        command: Any = root
        rest = words
        while hasattr(command, "get_command") and rest and not rest[0].startswith("-"):
            found = command.get_command(typer.Context(command), rest[0])
            assert found is not None, f"{where}: no command '{rest[0]}'"
            command, rest = found, rest[1:]
        options = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        options |= {"-h", "--help"}
        for word in rest:
            if word.startswith("-") and word != "-":
                assert word.split("=")[0] in options, f"{where}: {command.name} has no {word}"


REFERENCE = REPOSITORY / "docs" / "cli.md"
REFERENCE_TITLE = "needmap command-line reference"
TYPER_DOCS = (sys.executable, "-m", "typer", "needmap.cli", "utils", "docs")


def test_the_command_line_reference_is_every_command_s_help(
    request: pytest.FixtureRequest,
) -> None:
    """docs/cli.md is what typer's own ``utils docs`` makes of the commands' help: a
    changed command, option or help text must be written into it (``pytest
    --update-golden``, then review the diff), or the reference tells users what the
    ``--help`` no longer says."""
    made = subprocess.run(
        [*TYPER_DOCS, "--name", "needmap", "--title", REFERENCE_TITLE],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "80"},
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"# {REFERENCE_TITLE}\n")
    assert "## `needmap groups`" in made.stdout and "### `needmap survey import`" in made.stdout
    if request.config.getoption("--update-golden"):
        REFERENCE.write_text(made.stdout, encoding="utf-8")
    assert REFERENCE.read_text(encoding="utf-8") == made.stdout, (
        "docs/cli.md differs from the commands' help: pytest --update-golden"
    )
