"""An earlier roadmap, read back from the JSON that ``needmap roadmap --json`` wrote, so that
``--since`` can show what changed.

Only what a comparison needs is read: the phases' names, and each need's id, title and
score. Other keys are ignored rather than refused, because the file is needmap's own output
and gains keys as needmap grows; a file from an older or newer version still compares. The
file is read by the same position-keeping reader as the study (JSON is YAML), so a problem
in it is reported at its line and column.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from needmap.errors import InvalidStudyError, Problem, Severity, UsageError
from needmap.model.replan import PlanSnapshot
from needmap.personas.messages import schema_problems
from needmap.personas.yamlsource import format_key, read_yaml_file

__all__ = ["read_plan"]

_HINT = "write it with 'needmap roadmap DIR --json --out FILE' and keep it to compare later"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class _Need(_Model):
    id: str
    title: str
    score: float


class _Phase(_Model):
    name: str
    needs: list[_Need]


class _Plan(_Model):
    phases: list[_Phase] = Field(min_length=1)
    unplanned: list[_Need] = Field(default_factory=list)


def read_plan(path: Path) -> PlanSnapshot:
    """The plan in ``path``, a roadmap's JSON; every problem is raised at once, with its
    position."""
    if not path.is_file():
        raise UsageError.single("no earlier roadmap in this file", path=path, hint=_HINT)
    document = read_yaml_file(path)
    problems = list(document.problems)
    if not isinstance(document.data, dict):
        problems.append(
            Problem(
                document.source.locate(()),
                "expected the JSON of 'needmap roadmap --json'",
                hint=_HINT,
            )
        )
        raise InvalidStudyError(problems)
    try:
        plan = _Plan.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, document, _Plan))
        raise InvalidStudyError(problems) from None
    placed: dict[str, int | None] = {}
    titles: dict[str, str] = {}
    scores: dict[str, float] = {}
    entries = [
        (("phases", p, "needs", n), need, p)
        for p, phase in enumerate(plan.phases)
        for n, need in enumerate(phase.needs)
    ] + [(("unplanned", n), need, None) for n, need in enumerate(plan.unplanned)]
    for key, need, position in entries:
        if need.id in placed:
            problems.append(
                Problem(
                    document.source.locate((*key, "id")),
                    f"need '{need.id}' is in the plan twice",
                    key=format_key((*key, "id")),
                    hint="a roadmap places each need once; is the file edited by hand?",
                )
            )
            continue
        placed[need.id] = position
        titles[need.id] = need.title
        scores[need.id] = need.score
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    return PlanSnapshot(tuple(phase.name for phase in plan.phases), placed, titles, scores)
