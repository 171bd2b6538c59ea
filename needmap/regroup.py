"""Merge or rename target groups in every file of a study (``needmap groups merge|rename``).

A template's groups rarely fit an organisation as they are: the templates themselves say
"merge or split groups as the organisation works". By hand that means editing the group,
every need that names it, the personas, the interviews, the survey mappings and their
tallies, without missing one. Here it is one step that leaves every other character of the
user's files as it was (comments included): each file is edited where its values stand
(:mod:`needmap.personas.yamledit`), read back, and compared with what the edit should give,
and nothing is written unless every file passed.

Merging keeps one group's entry (the target's, if it is among the groups merged, else the
first named), with the headcounts added up; a need that several of the merged groups need
keeps one entry with the highest importance among them. A tally is recounted exactly: a
respondent belongs to one group, so the merged group's respondents and votes are the sums.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location, Problem, Severity, UsageError
from needmap.fileio import replace_files
from needmap.personas.loader import STUDY_FILE, definition_files
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import ID_PATTERN
from needmap.personas.study import Study
from needmap.personas.yamledit import EditRefused, YamlEdit
from needmap.personas.yamlsource import read_yaml_text
from needmap.surveys.catalog import check_mappings
from needmap.surveys.interviews import check_interviews, interview_files
from needmap.surveys.mapping import mapping_files
from needmap.surveys.tally import Tally, read_tally, tally_text

__all__ = ["FileChange", "Regrouping", "plan_regrouping", "write_regrouping"]

_RANK = {"could": 1, "should": 2, "must": 3}
_BOM = "\ufeff"


@dataclass(frozen=True)
class FileChange:
    """One file of the study as it is and as it will be."""

    path: Path
    before: str
    after: str
    what: str
    """What changes in it, counted: "5 needs, 1 persona"."""


@dataclass(frozen=True)
class Regrouping:
    """What merging ``groups`` into ``into`` changes, file by file; nothing written yet."""

    root: Path
    groups: tuple[str, ...]
    into: str
    kept: str
    """The group whose entry became the merged group's."""
    name: str
    headcount: int | None
    changes: tuple[FileChange, ...]
    description_at: Location | None
    """Where the kept description stands, when several groups were merged: it describes
    one of them and may need rewriting."""

    def diff(self) -> str:
        """The changes as a unified diff, with paths relative to the study."""
        parts: list[str] = []
        for change in self.changes:
            name = change.path.relative_to(self.root).as_posix()
            parts.extend(
                difflib.unified_diff(
                    change.before.splitlines(keepends=True),
                    change.after.splitlines(keepends=True),
                    f"a/{name}",
                    f"b/{name}",
                )
            )
        return "".join(line if line.endswith("\n") else line + "\n" for line in parts)


def write_regrouping(regrouping: Regrouping) -> None:
    """Write every changed file, or none of them."""
    replace_files({change.path: _encoded(change.after) for change in regrouping.changes})


def _encoded(text: str) -> bytes:
    if text.startswith(_BOM):
        return _BOM.encode("utf-8") + text[1:].encode("utf-8")
    return text.encode("utf-8")


def plan_regrouping(
    study: Study, groups: Sequence[str], into: str, name: str | None = None
) -> Regrouping:
    """The changes that merge ``groups`` into one group ``into`` (a rename, for one group).

    ``into`` is one of ``groups`` or a new id; a merge into a new id needs a ``name``.
    Every problem with the request, or with the study's evidence files, is raised at once.
    """
    _check_evidence(study)
    _check_request(study, groups, into, name)
    members = [study.group_by_id[g] for g in groups]
    kept = into if into in groups else groups[0]
    counts = [g.headcount for g in members]
    headcount = sum(c for c in counts if c is not None) if None not in counts else None
    target = _Target(frozenset(groups), into, kept, name or study.group_by_id[kept].name, headcount)
    changes = []
    for path in _yaml_files(study.root):
        change = _yaml_change(path, target)
        if change is not None:
            changes.append(change)
    changes.extend(_tally_changes(study.root, target))
    description_at = None
    if len(groups) > 1 and study.group_by_id[kept].description:
        description_at = _description_at(study, changes, kept, into)
    return Regrouping(
        study.root,
        tuple(groups),
        into,
        kept,
        target.name,
        headcount,
        tuple(changes),
        description_at,
    )


def _description_at(
    study: Study, changes: Sequence[FileChange], kept: str, into: str
) -> Location | None:
    """Where the merged group's description stands once the files are changed."""
    origin = study.origins.get(("groups", kept))
    if origin is None or origin.path is None:
        return origin
    text = next((c.after for c in changes if c.path == origin.path), None)
    if text is None:
        text = origin.path.read_text(encoding="utf-8")
    document = read_yaml_text(text.removeprefix(_BOM), origin.path)
    items = document.data.get("groups") if isinstance(document.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else ()):
        if isinstance(item, dict) and item.get("id") == into:
            return document.source.locate(("groups", i, "description"))
    return origin


def _check_evidence(study: Study) -> None:
    problems = [
        p
        for p in (*check_mappings(study), *check_interviews(study))
        if p.severity is Severity.ERROR
    ]
    if problems:
        raise InvalidStudyError(problems)


def _check_request(study: Study, groups: Sequence[str], into: str, name: str | None) -> None:
    problems: list[Problem] = []
    for group in groups:
        if group not in study.group_by_id:
            hint = (
                did_you_mean(group, study.group_by_id) or "the groups are listed by: needmap table"
            )
            problems.append(Problem(Location(), f"unknown group '{group}'", hint=hint))
    twice = sorted({g for g in groups if groups.count(g) > 1})
    if twice:
        problems.append(
            Problem(Location(), f"group '{twice[0]}' is named twice", hint="name each group once")
        )
    if not re.fullmatch(ID_PATTERN, into):
        problems.append(
            Problem(
                Location(),
                f"'{into}' is not a valid group id",
                hint="use lowercase letters, digits, '-' and '_', starting with a letter or digit",
            )
        )
    elif into in study.group_by_id and into not in groups:
        problems.append(
            Problem(
                study.origins.get(("groups", into), Location()),
                f"group '{into}' already exists",
                hint=f"to merge into it, name it among the groups: {' '.join([*groups, into])}",
            )
        )
    if problems:
        raise UsageError(problems)
    members = [study.group_by_id[g] for g in groups]
    where = study.origins.get(("groups", groups[-1]), Location())
    if len({g.family for g in members}) > 1:
        problems.append(
            Problem(
                where,
                "the groups are in different families: "
                + ", ".join(f"{g.id} in {g.family or 'none'}" for g in members),
                hint="merge groups of one family, or move them to one family first",
            )
        )
    missing = [g.id for g in members if g.headcount is None]
    if missing and len(missing) < len(members):
        problems.append(
            Problem(
                study.origins.get(("groups", missing[0]), Location()),
                f"{', '.join(missing)} has no headcount but the other groups do",
                hint="give every group a headcount first, so the merged one has their sum",
            )
        )
    if len(groups) > 1 and into not in groups and not name:
        problems.append(
            Problem(
                Location(),
                f"the new group '{into}' needs a name",
                hint="give it one with --name 'Name'",
            )
        )
    if list(groups) == [into] and (not name or name == study.group_by_id[into].name):
        problems.append(
            Problem(
                Location(), "nothing to change", hint="give the group a new id, or a new --name"
            )
        )
    if problems:
        raise UsageError(problems)


@dataclass(frozen=True)
class _Target:
    groups: frozenset[str]
    into: str
    kept: str
    name: str
    headcount: int | None


def _yaml_files(root: Path) -> list[Path]:
    study_file = root / STUDY_FILE
    return [study_file, *definition_files(root), *interview_files(root), *mapping_files(root)]


def _yaml_change(path: Path, target: _Target) -> FileChange | None:
    text = path.read_bytes().decode("utf-8")
    body = text.removeprefix(_BOM)
    document = read_yaml_text(body, path)
    if not isinstance(document.data, dict):
        return None
    edit = YamlEdit(body, document)
    expected = copy.deepcopy(document.data)
    counted: dict[str, int] = {}
    for section, change in _SECTIONS.items():
        items = expected.get(section)
        if isinstance(items, list):
            n = change(items, edit, target, section)
            if n:
                counted[section] = n
    values = (
        expected.get("group", {}).get("values") if isinstance(expected.get("group"), dict) else None
    )
    if isinstance(values, dict):
        n = _answers(values, edit, target)
        if n:
            counted["answers"] = n
    if not counted:
        return None
    try:
        after = edit.result(expected)
    except EditRefused as exc:
        problem = Problem(
            exc.location or Location(path),
            f"cannot change this file safely: {exc.message}",
            hint="make this change by hand; nothing was written",
        )
        raise InvalidStudyError([problem]) from None
    prefix = _BOM if text.startswith(_BOM) else ""
    return FileChange(path, text, prefix + after, _what(counted))


_Change = Callable[[list[Any], YamlEdit, _Target, str], int]


def _groups(items: list[Any], edit: YamlEdit, target: _Target, section: str) -> int:
    """Keep the target's entry, renamed and with the summed headcount; drop the others."""
    changed = 0
    for i, item in reversed(list(enumerate(items))):
        if not isinstance(item, dict) or item.get("id") not in target.groups:
            continue
        if item["id"] != target.kept:
            edit.remove((section, i))
            del items[i]
            changed += 1
            continue
        new = {"id": target.into, "name": target.name, "headcount": target.headcount}
        edits = {k: v for k, v in new.items() if v is not None and k in item and item[k] != v}
        for key, value in edits.items():
            edit.set_value((section, i, key), value)
            item[key] = value
        changed += bool(edits)
    return changed


def _needs(items: list[Any], edit: YamlEdit, target: _Target, section: str) -> int:
    """One entry per need for the merged groups, with the highest importance among them."""
    changed = 0
    for i, need in enumerate(items):
        groups = need.get("groups") if isinstance(need, dict) else None
        if not isinstance(groups, dict):
            continue
        present = [g for g in groups if g in target.groups]
        if not present:
            continue
        best = max((groups[g] for g in present), key=lambda v: _RANK.get(v, 0))
        path = (section, i, "groups")
        first = present[0]
        if present == [target.into]:
            continue
        changed += 1
        if first != target.into:
            edit.rename_key((*path, first), target.into)
        if groups[first] != best:
            edit.set_value((*path, first), best)
        for other in present[1:]:
            edit.remove((*path, other))
        need["groups"] = {
            (target.into if g == first else g): (best if g == first else v)
            for g, v in groups.items()
            if g == first or g not in target.groups
        }
    return changed


def _members(items: list[Any], edit: YamlEdit, target: _Target, section: str) -> int:
    """Personas and interviews of a merged group belong to the target."""
    changed = 0
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("group") in target.groups - {target.into}:
            changed += 1
            edit.set_value((section, i, "group"), target.into)
            item["group"] = target.into
    return changed


_SECTIONS: Mapping[str, _Change] = {
    "groups": _groups,
    "needs": _needs,
    "personas": _members,
    "interviews": _members,
}


def _answers(values: dict[str, Any], edit: YamlEdit, target: _Target) -> int:
    """A survey mapping's group answers that meant a merged group now mean the target."""
    changed = 0
    for answer, group in values.items():
        if group in target.groups - {target.into}:
            changed += 1
            edit.set_value(("group", "values", answer), target.into)
            values[answer] = target.into
    return changed


def _what(counted: Mapping[str, int]) -> str:
    nouns = {
        "groups": "group",
        "needs": "need",
        "personas": "persona",
        "interviews": "interview",
        "answers": "survey answer",
    }
    return ", ".join(f"{n} {nouns[key]}{'' if n == 1 else 's'}" for key, n in counted.items())


def _tally_changes(root: Path, target: _Target) -> list[FileChange]:
    folder = root / "surveys"
    if not folder.is_dir():
        return []
    changes = []
    for path in sorted(folder.glob("*.tally.json")):
        tally = read_tally(path)
        merged = _merged_tally(tally, target)
        if merged is not None:
            before = path.read_text(encoding="utf-8")
            respondents = merged.respondents[target.into]
            changes.append(
                FileChange(path, before, tally_text(merged), f"{respondents} respondents recounted")
            )
    return changes


def _merged_tally(tally: Tally, target: _Target) -> Tally | None:
    if not (target.groups - {target.into}) & tally.respondents.keys():
        return None
    respondents = {g: n for g, n in tally.respondents.items() if g not in target.groups}
    respondents[target.into] = sum(n for g, n in tally.respondents.items() if g in target.groups)
    votes = {g: dict(v) for g, v in tally.votes.items() if g not in target.groups}
    votes[target.into] = {
        task: sum(tally.votes.get(g, {}).get(task, 0) for g in target.groups)
        for task in tally.tasks
    }
    return replace(tally, respondents=respondents, votes=votes)
