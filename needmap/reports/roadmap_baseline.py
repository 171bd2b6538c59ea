"""An earlier roadmap, so that ``--since`` can show what changed: read back from the JSON
that ``needmap roadmap --json`` wrote, or planned again from the study as it was at a git
revision (a study is plain files, kept in git).

Only what a comparison needs is read: the phases' names, and each need's id, title and
score. Other keys are ignored rather than refused, because the file is needmap's own output
and gains keys as needmap grows; a file from an older or newer version still compares. The
file is read by the same position-keeping reader as the study (JSON is YAML), so a problem
in it is reported at its line and column.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from needmap.errors import (
    InvalidStudyError,
    NeedmapError,
    Problem,
    Severity,
    UsageError,
    plural,
)
from needmap.model.replan import PlanSnapshot, snapshot
from needmap.personas.loader import load_study
from needmap.personas.schema_messages import validated_document
from needmap.personas.yamlsource import format_key, read_yaml_file
from needmap.reports.roadmap_report import study_roadmap

__all__ = ["earlier_plan", "plan_at_revision", "read_plan"]

_HINT = "write it with 'needmap roadmap DIR --json --out FILE' and keep it to compare later"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class _Need(_Model):
    id: str
    title: str
    score: float


class _Phase(_Model):
    id: str | None = None
    name: str
    needs: list[_Need]


class _Plan(_Model):
    phases: list[_Phase] = Field(min_length=1)
    unplanned: list[_Need] = Field(default_factory=list)


def read_plan(path: Path) -> PlanSnapshot:
    """The plan in ``path``, a roadmap's JSON; every problem is raised at once, with its
    position."""
    if not path.is_file():
        raise UsageError.single("no such file", path=path, hint=_HINT)
    document = read_yaml_file(path)
    problems = list(document.problems)
    if isinstance(document.data, dict) and "phases" not in document.data:
        raise InvalidStudyError(
            [
                Problem(
                    document.source.locate(()),
                    "this is not a roadmap's JSON: it has no 'phases'",
                    hint=_HINT,
                )
            ]
        )
    plan = validated_document(
        document,
        _Plan,
        problems,
        expected="expected the JSON of 'needmap roadmap --json'",
        hint=_HINT,
    )
    if plan is None:
        raise InvalidStudyError(problems)
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
    return PlanSnapshot(
        tuple(phase.name for phase in plan.phases),
        placed=placed,
        titles=titles,
        scores=scores,
        ids=tuple(phase.id for phase in plan.phases),
    )


def earlier_plan(since: str, study_root: Path) -> tuple[PlanSnapshot, str]:
    """The plan ``since`` names and what to call it: a roadmap's JSON file when ``since`` is
    a file, else a git revision (a tag, a branch, ``HEAD~3``) of the study's repository."""
    path = Path(since)
    if path.is_file() or path.suffix.lower() == ".json":
        return read_plan(path), path.name
    return plan_at_revision(study_root, since), since


def plan_at_revision(study_root: Path, revision: str) -> PlanSnapshot:
    """The roadmap of the study as it was at ``revision``: its files taken from git into a
    temporary folder, loaded and planned as now. The working tree is not touched."""
    if revision.startswith("-"):
        raise UsageError.single(
            f"'{revision}' is no file and no git revision",
            path=study_root,
            hint="give a roadmap's JSON file, or a git revision such as a tag or HEAD~1",
        )
    top = _git(study_root, "rev-parse", "--show-toplevel", revision=revision).strip()
    prefix = _git(study_root, "rev-parse", "--show-prefix", revision=revision).strip()
    archive = _git_bytes(
        Path(top), "archive", "--format=tar", revision, "--", prefix or ".", revision=revision
    )
    with tempfile.TemporaryDirectory(prefix="needmap-since-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                tar.extractall(folder, filter="data")
            else:  # older Python: the archive is the study's own repository
                tar.extractall(folder)
        old_root = Path(folder) / prefix
        try:
            old = load_study(old_root)
        except NeedmapError as exc:
            raise UsageError.single(
                f"the study at revision '{revision}' does not load "
                f"({plural(len(exc.errors), 'problem')})",
                path=study_root,
                hint=f"check out '{revision}' and run 'needmap validate' there, or compare "
                "with a roadmap's JSON instead",
            ) from None
        return snapshot(study_roadmap(old))


def _git(root: Path, *args: str, revision: str) -> str:
    return _git_bytes(root, *args, revision=revision).decode("utf-8", "replace")


def _git_bytes(root: Path, *args: str, revision: str) -> bytes:
    """Run git in ``root``; a missing git, a folder outside a repository or an unknown
    revision is a usage error that says which (git's words in English, as needmap's)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            check=False,
            timeout=60,
            env={**os.environ, "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise UsageError.single(
            f"'{revision}' is no file, and git is not installed to read it as a revision",
            path=root,
            hint="give a roadmap's JSON (needmap roadmap DIR --json --out FILE), or install git",
        ) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if any("not a git repository" in line for line in reason):
            raise UsageError.single(
                f"no earlier plan '{revision}': no such file, and the study is not in git, so "
                f"it has no revision '{revision}'",
                path=root,
                hint="give a roadmap's JSON file (keep one with 'needmap roadmap DIR --json "
                "--out FILE'), or keep the study in git (git init) to compare its revisions",
            )
        raise UsageError.single(
            f"no earlier plan '{revision}': not a file, and git says: "
            f"{reason[-1] if reason else 'failed'}",
            path=root,
            hint="give a roadmap's JSON file, or a git revision of the study (a tag, a "
            "branch, HEAD~1)",
        )
    return done.stdout
