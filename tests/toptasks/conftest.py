"""The top-task tests' fixture survey, and builders of small studies, mappings and tallies."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.personas.study import Study
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.tally import Tally
from tests.conftest import SURVEY_FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def study() -> Study:
    return load_study(SURVEY_FIXTURES / "study")


@pytest.fixture(scope="module")
def mapping(study: Study) -> SurveyMapping:
    return load_mapping(SURVEY_FIXTURES / "mappings" / "long.yaml", study)


@pytest.fixture(scope="module")
def tally(study: Study, mapping: SurveyMapping) -> Tally:
    return import_survey(mapping, SURVEY_FIXTURES / "exports" / "long.csv").tally


def with_minimum(study: Study, minimum: int) -> Study:
    privacy = study.settings.privacy.model_copy(update={"min_group_size": minimum})
    settings = study.settings.model_copy(update={"privacy": privacy})
    return Study(root=study.root, settings=settings, groups=study.groups, needs=study.needs)


def group_counts(most: int = 50) -> st.SearchStrategy[tuple[int, list[int]]]:
    """A group's respondents (``most`` at most) and its votes for five tasks, as an import
    could count them: each respondent chose one task or more, and each task once at most."""
    return st.integers(1, most).flatmap(
        lambda people: st.tuples(
            st.just(people),
            st.lists(st.integers(0, people), min_size=5, max_size=5).filter(
                lambda votes: sum(votes) >= people
            ),
        )
    )


counts = st.dictionaries(st.sampled_from(["g1", "g2", "g3", "g4"]), group_counts(), min_size=1)
"""Tallies of one group or more, so with at least one vote (a survey without is refused)."""


def tally_of(
    data: dict[str, tuple[int, list[int]]], tasks: tuple[str, ...] = ("t0", "t1", "t2", "t3", "t4")
) -> Tally:
    """Survey 's': per group its respondents and its votes, one number per task."""
    return Tally(
        survey="s",
        title="S",
        layout="long",
        source="x.csv",
        source_sha256="0",
        tasks=tasks,
        respondents={g: n for g, (n, _) in data.items()},
        votes={g: dict(zip(tasks, v, strict=True)) for g, (_, v) in data.items()},
    )


def mapping_of(labels: dict[str, str], title: str = "S") -> SurveyMapping:
    """A long-layout mapping of survey 's' with these task ids and labels, where a
    respondent could choose every task (so the tests' tallies need not count people)."""
    return SurveyMapping.model_validate(
        {
            "id": "s",
            "title": title,
            "layout": "long",
            "max_picks": len(labels),
            "respondent": "r",
            "group": {"column": "g", "values": {"x": "g1"}},
            "choices": {"column": "t"},
            "tasks": [{"id": task, "label": label} for task, label in labels.items()],
        }
    )


def named_study(names: dict[str, str], headcount: int = 100) -> Study:
    """A study of groups with these ids and names (names decide how charts and printed
    tables wrap), each of ``headcount`` people."""
    from tests.studies import make_study

    study = make_study(dict.fromkeys(names, headcount), {})
    return replace(
        study, groups=tuple(g.model_copy(update={"name": names[g.id]}) for g in study.groups)
    )


def property_study() -> tuple[Study, SurveyMapping]:
    from tests.studies import make_study

    study = make_study({"g1": 10, "g2": 200, "g3": 35, "g4": 1000}, {})
    return study, mapping_of({f"t{i}": f"Task {i}" for i in range(5)})


PROPERTY_STUDY, PROPERTY_MAPPING = property_study()


@pytest.fixture(scope="module")
def private(study: Study, mapping: SurveyMapping, tally: Tally) -> TopTasks:
    """min_group_size 4: field and office (3 respondents each) must not be shown."""
    return analyse_toptasks(with_minimum(study, 4), mapping, tally)


def assert_hidden(text: str) -> None:
    assert "n<4" in text
    assert "n=3" not in text
    assert "60.0%" not in text  # field's share of leave (3/5)
    assert "42.9%" not in text  # office's share of meeting (3/7)


def cli_study(
    tmp_path: Path, *, mapping: str = "long", minimum: int | None = None, imported: bool = True
) -> Path:
    """The fixture study with one mapping as surveys/toptasks.yaml, its minimum group size
    changed if asked, and (for the long layout) its fixture export imported."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    if minimum is not None:
        settings = root / "study.yaml"
        settings.write_text(
            settings.read_text().replace("min_group_size: 3", f"min_group_size: {minimum}")
        )
    (root / "surveys").mkdir()
    shutil.copy(
        SURVEY_FIXTURES / "mappings" / f"{mapping}.yaml", root / "surveys" / "toptasks.yaml"
    )
    if imported:
        export = str(SURVEY_FIXTURES / "exports" / f"{mapping}.csv")
        result = runner.invoke(app, ["survey", "import", str(root), export])
        assert result.exit_code == 0, result.output
    return root
