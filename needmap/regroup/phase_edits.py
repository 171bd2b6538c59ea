"""Rename a roadmap phase in every file of a study (``needmap phases rename``), or finish a
rename done by hand.

A phase's id stands where the phase is defined (``roadmap.phases`` in study.yaml) and in
every need decided for it (``phase:`` in the needs files). Renaming it in study.yaml alone
leaves each of those decisions naming a phase the roadmap has no more, and the study will
not load until every one is changed: what a consultant does when "now, next, later"
become "Q1 2027, Q2 2027, later" once the steering group has set the dates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.controls import fold_text
from needmap.errors import InvalidStudyError, Location, Problem, UsageError
from needmap.personas.loader import STUDY_FILE, StudyReading, definition_files
from needmap.personas.messages import did_you_mean, text_problems
from needmap.personas.schema import RoadmapPhase, id_from, is_id
from needmap.personas.study import rename_command
from needmap.personas.yamledit import BOM, YamlEdit, yaml_scalar
from needmap.personas.yamlsource import read_yaml_text
from needmap.regroup.files import FileChange, StudyEdits, rewritten_files
from needmap.shell import command_word

__all__ = ["PhaseRename", "plan_phase_rename"]


@dataclass(frozen=True)
class PhaseRename(StudyEdits):
    """What renaming roadmap phase ``old`` to ``new`` changes, file by file; nothing
    written yet."""

    old: str
    new: str
    name: str | None
    """The phase's new name, when it changes."""
    finished: bool
    """Whether study.yaml called the phase ``new`` already (a rename by hand): then only
    the needs decided for it changed."""
    wrote_defaults: bool = False
    """Whether study.yaml named no phases, so that the roadmap's default phases were
    written into it, the renamed one among them."""


def plan_phase_rename(
    reading: StudyReading, old: str, new: str, name: str | None = None
) -> PhaseRename:
    """The changes that rename phase ``old`` (its id or its name) to ``new``, and give it
    ``name``: in study.yaml and in every need decided for it. A study.yaml that names no
    phases (the roadmap plans in the default ones) gets them written in, renamed.

    When the roadmap has no phase ``old`` any more and has one ``new``, the phase was
    renamed by hand in study.yaml: then the needs that still name ``old`` are changed,
    which is what the study's "unknown phase" errors ask for, and the study need not load.
    Otherwise the study must load. Every problem with the request is raised at once.
    """
    settings = reading.settings
    if settings is None:
        raise InvalidStudyError(reading.problems)
    root = reading.ids.root
    phases = settings.roadmap.phases
    ids = [p.id for p in phases]
    if name is None and old not in ids and new in ids and _id_named(phases, old) in (old, new):
        return _finish(root, old, new)
    old = _id_named(phases, old)
    if reading.study is None:
        raise InvalidStudyError(reading.problems)
    name = None if name is None else name.strip()
    written = _WrittenPhases.read(root)
    _check_rename(root, phases, written, old, new, name)
    if name == next(p.name for p in phases if p.id == old):
        name = None
    renamed = [
        p.model_copy(update={"id": new, "name": name or p.name}) if p.id == old else p
        for p in phases
    ]
    study_file = rewritten_files(
        [root / STUDY_FILE],
        _StudyChange(old, new, name, () if written.roadmap else tuple(renamed)),
    )
    changes = [*study_file, *_decisions(root, old, new)]
    return PhaseRename(
        root, tuple(changes), old, new, name, finished=False, wrote_defaults=not written.roadmap
    )


def _id_named(phases: Sequence[RoadmapPhase], text: str) -> str:
    """The id of the phase ``text`` names: its id, or its name as the reports show it (in
    any case); ``text`` itself when it names none, or the name of more than one."""
    if any(p.id == text for p in phases):
        return text
    called = [p.id for p in phases if fold_text(p.name) == fold_text(text)]
    return called[0] if len(called) == 1 else text


def _finish(root: Path, old: str, new: str) -> PhaseRename:
    changes = _decisions(root, old, new)
    if not changes:
        raise UsageError.single(
            f"unknown phase '{old}'",
            hint=f"no need is decided for phase '{old}': nothing to change",
        )
    return PhaseRename(root, tuple(changes), old, new, None, finished=True)


def _decisions(root: Path, old: str, new: str) -> list[FileChange]:
    """The needs files with needs decided for phase ``old``, deciding them for ``new``."""
    if old == new:
        return []
    return rewritten_files(definition_files(root), _DecisionChange(old, new))


@dataclass(frozen=True)
class _WrittenPhases:
    """What study.yaml writes of the roadmap: whether it has a ``roadmap`` at all, whether
    that lists phases, and where each phase stands, by id."""

    roadmap: bool
    phases: bool
    at: Mapping[str, Location]

    @classmethod
    def read(cls, root: Path) -> _WrittenPhases:
        path = root / STUDY_FILE
        document = read_yaml_text(path.read_text(encoding="utf-8").removeprefix(BOM), path)
        data = document.data if isinstance(document.data, dict) else {}
        roadmap = data.get("roadmap")
        phases = roadmap.get("phases") if isinstance(roadmap, dict) else None
        at = {  # the study loaded: each phase is a mapping with an id
            phase["id"]: document.source.locate(("roadmap", "phases", i))
            for i, phase in enumerate(phases if isinstance(phases, list) else ())
        }
        return cls("roadmap" in data, isinstance(phases, list), at)


def _check_rename(
    root: Path,
    phases: Sequence[RoadmapPhase],
    written: _WrittenPhases,
    old: str,
    new: str,
    name: str | None,
) -> None:
    ids = [p.id for p in phases]
    study_file = Location(root / STUDY_FILE)
    problems: list[Problem] = []
    called = [p.id for p in phases if fold_text(p.name) == fold_text(old)]
    if old not in ids and len(called) > 1:
        problems.append(
            Problem(
                Location(),
                f"'{old}' is the name of {len(called)} phases: {', '.join(called)}",
                hint="give the id of the phase you mean",
            )
        )
    elif old not in ids:
        problems.append(
            Problem(
                Location(),
                f"unknown phase '{old}'",
                hint=did_you_mean(old, ids) or "the roadmap's phases are: " + ", ".join(ids),
            )
        )
    elif written.roadmap and not written.phases:
        flow = ", ".join("{" + _phase_text(p) + "}" for p in phases)
        problems.append(
            Problem(
                study_file,
                "study.yaml has a roadmap without phases: it plans in the default ones, "
                "which no file holds to rename",
                hint=f"write them under roadmap, as phases: [{flow}], then rename one",
            )
        )
    if not is_id(new):
        like = id_from(new)
        advice = "use lowercase letters, digits, '-' and '_', starting with a letter or digit"
        if like:
            advice += f", such as '{like}'"
        if name is None and old in ids and (new != new.lower() or " " in new.strip()):
            advice += (
                f"; to change only its name: {rename_command(root, old, old, 'phases')} "
                f"--name {command_word(new)}"
            )
        problems.append(Problem(Location(), f"'{new}' is not a valid phase id", hint=advice))
    elif new != old and new in ids:
        problems.append(
            Problem(
                written.at.get(new, study_file),
                f"phase '{new}' already exists",
                hint="choose an id no phase has",
            )
        )
    problems += text_problems(name, "name", "give a name, or leave out --name")
    taken = next(
        (p for p in phases if p.id != old and name and fold_text(p.name) == fold_text(name)),
        None,
    )
    if taken is not None:
        problems.append(
            Problem(
                written.at.get(taken.id, study_file),
                f"phase '{taken.id}' has the name '{taken.name}' already",
                hint=f"give phase '{old}' a name of its own: no report could tell the two apart",
            )
        )
    if not problems and old == new and name in (None, *(p.name for p in phases if p.id == old)):
        problems.append(
            Problem(
                Location(), "nothing to change", hint="give the phase a new id, or a new --name"
            )
        )
    if problems:
        raise UsageError(problems)


def _phase_text(phase: RoadmapPhase) -> str:
    """A phase's entries as YAML flow text: ``id: now, name: Now, capacity: 20``."""
    values: dict[str, str | int] = {"id": phase.id, "name": phase.name}
    entries = [f"{key}: {yaml_scalar(value, flow=True)}" for key, value in values.items()]
    if phase.capacity is not None:
        entries.append(f"capacity: {phase.capacity:g}")
    return ", ".join(entries)


@dataclass(frozen=True)
class _StudyChange:
    """The phase renamed in study.yaml, as a :data:`~needmap.regroup.files.Rewrite`; or,
    when study.yaml has no roadmap, the ``defaults`` written in (the renamed one among
    them)."""

    old: str
    new: str
    name: str | None
    defaults: tuple[RoadmapPhase, ...] = ()

    def __call__(self, data: dict[str, Any], edit: YamlEdit) -> dict[str, int]:
        if self.defaults:
            items = "".join(f"    - {{{_phase_text(p)}}}\n" for p in self.defaults)
            edit.append_block(f"roadmap:\n  phases:\n{items}")
            data["roadmap"] = {"phases": [p.model_dump(exclude_none=True) for p in self.defaults]}
            return {"phases": len(self.defaults)}
        i, phase = next(
            (i, p) for i, p in enumerate(data["roadmap"]["phases"]) if p["id"] == self.old
        )
        values = {"id": self.new, "name": self.name}
        for key, value in values.items():
            if value is not None and phase[key] != value:  # an id written in quotes stays so
                edit.set_value(("roadmap", "phases", i, key), value)
                phase[key] = value
        return {"phases": 1}


@dataclass(frozen=True)
class _DecisionChange:
    """The needs decided for phase ``old`` decided for ``new``, as a
    :data:`~needmap.regroup.files.Rewrite` of a needs file."""

    old: str
    new: str

    def __call__(self, data: dict[str, Any], edit: YamlEdit) -> dict[str, int]:
        needs = data.get("needs")
        changed = 0
        for i, need in enumerate(needs if isinstance(needs, list) else ()):
            if isinstance(need, dict) and need.get("phase") == self.old:
                edit.set_value(("needs", i, "phase"), self.new)
                need["phase"] = self.new
                changed += 1
        return {"decisions": changed}
