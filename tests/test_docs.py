"""The docs stay true to the code: every field of every file format is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from needmap.personas import schema
from needmap.surveys import interviews, mapping, searchlog

ROOT = Path(__file__).parent.parent
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
    text = (ROOT / "docs" / "surveys.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"[`.]{name}[`.\[,]", text), f"{model.__name__}.{name} is not documented"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_in_the_format_reference(model: type[BaseModel]) -> None:
    text = (ROOT / "docs" / "study-format.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"[`.]{name}[`.\[]", text), f"{model.__name__}.{name} is not documented"


@pytest.mark.parametrize(
    "model", [interviews.Interview, interviews.InterviewQuote], ids=lambda m: m.__name__
)
def test_every_interview_field_is_in_the_interview_guide(model: type[BaseModel]) -> None:
    text = (ROOT / "docs" / "interviews.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"`{name}`", text), f"{model.__name__}.{name} is not documented"


@pytest.mark.parametrize(
    "model",
    [searchlog.SearchLog, searchlog.SearchColumns, searchlog.SearchTopic],
    ids=lambda m: m.__name__,
)
def test_every_search_log_field_is_in_the_search_log_guide(model: type[BaseModel]) -> None:
    text = (ROOT / "docs" / "search-logs.md").read_text(encoding="utf-8")
    for name in model.model_fields:
        assert re.search(rf"`{name}`", text), f"{model.__name__}.{name} is not documented"


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in (ROOT / "README.md").read_text(encoding="utf-8")


def test_changelog_mentions_every_command() -> None:
    from needmap.cli import app

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"needmap {name}" in changelog + readme, name
