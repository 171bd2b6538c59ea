"""Split one group into several (``needmap groups split``).

The group's entry becomes one entry per part, each a copy of it as written with the part's
id, name and headcount. Every need of the group becomes a need of each part, with the same
importance: a starting point that the consultant then adjusts per part. What can belong to
one group only (personas, interviews) goes to the first part, and is listed so that it can
be moved. A survey answer that meant the group now names all its parts: the survey did not
ask which part a respondent is of, so its respondents are counted and weighted for the
parts together, in the tallies too (their respondents are gone, so the counts cannot be
split); importing the export again counts them the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from needmap.errors import Location, Problem, UsageError
from needmap.personas.messages import text_problems
from needmap.personas.study import Study
from needmap.personas.yamledit import YamlEdit
from needmap.regroup.checks import (
    named_ids,
    new_id_problems,
    taken_name_problems,
    twice_problems,
    unknown_problems,
)
from needmap.regroup.files import (
    FileChange,
    StudyEdits,
    check_evidence,
    description_at_after,
    tally_change,
    tally_files,
    yaml_changes,
)
from needmap.surveys.tally import read_tally, stratum_groups

__all__ = ["GroupPart", "GroupSplit", "plan_split"]


@dataclass(frozen=True)
class GroupPart:
    """One of the groups a group is split into."""

    id: str
    name: str
    headcount: int | None = None


@dataclass(frozen=True)
class GroupSplit(StudyEdits):
    """What splitting ``group`` into ``parts`` changes, file by file; nothing written yet."""

    group: str
    parts: tuple[GroupPart, ...]
    headcount: int | None
    """The group's headcount before the split, for the parts' to be compared with."""
    moved: tuple[tuple[Location, str], ...]
    """Where each persona and interview of the group now names the first part, and what it
    is ("persona 'ahmed'"): each may belong to another part."""
    together: tuple[tuple[Location, str], ...]
    """Where each survey answer that meant the group now names all its parts, and what it
    is ("survey answer 'Nurse or carer'"): if the survey's answers tell the parts apart,
    each answer is to name its own part, and the export imported again."""
    tallies: tuple[Path, ...]
    """Tallies that counted the group: its respondents are now the parts' together, as
    importing again would count them while the mapping's answers name all the parts."""
    descriptions: tuple[tuple[Location, str], ...]
    """Where each part's description stands, when the group had one, and the part's id:
    each part has the group's, to be rewritten for the part."""
    min_group_size: int
    """The study's ``privacy.min_group_size``: a part with fewer people is never shown on
    its own (:attr:`too_small`)."""
    too_small: tuple[GroupPart, ...]
    """The parts whose headcount is below the minimum group size
    (:meth:`~needmap.personas.schema.Privacy.too_few`): no number of interviews or
    respondents will show them, which the one who splits should know before writing the
    split."""


def plan_split(study: Study, group: str, parts: Sequence[GroupPart]) -> GroupSplit:
    """The changes that split ``group`` into ``parts`` (two or more; the first part takes
    the group's personas, interviews and survey answers). The group may be given by its
    name (:func:`~needmap.regroup.checks.named_ids`). Every problem with the request, or
    with the study's evidence files, is raised at once."""
    check_evidence(study)
    [group] = named_ids(study, [group])
    parts = [GroupPart(part.id, part.name.strip(), part.headcount) for part in parts]
    _check_request(study, group, parts)
    split = _Split(group, tuple(parts))
    changes = yaml_changes(study.root, split)
    counted = {path: read_tally(path) for path in tally_files(study.root)}
    tallies = [
        path
        for path, tally in counted.items()
        if any(group in stratum_groups(key) for key in tally.respondents)
    ]
    minimum = study.settings.privacy.min_group_size
    ids = [part.id for part in parts]
    for path in tallies:
        tally = counted[path].split(group, ids)
        key = next(k for k in tally.respondents if set(ids) <= set(stratum_groups(k)))
        changes.append(tally_change(path, tally, key, "counted together", minimum))
    return GroupSplit(
        root=study.root,
        changes=tuple(changes),
        group=group,
        parts=tuple(parts),
        headcount=study.group_by_id[group].headcount,
        moved=tuple(split.moved),
        together=tuple(split.together),
        tallies=tuple(tallies),
        descriptions=_descriptions(study, changes, group, ids),
        min_group_size=minimum,
        too_small=tuple(p for p in parts if study.settings.privacy.too_few(p.headcount)),
    )


def _descriptions(
    study: Study, changes: Sequence[FileChange], group: str, parts: Sequence[str]
) -> tuple[tuple[Location, str], ...]:
    """Where each part's copy of the group's description stands once the files are
    changed, with the part's id; none when the group has no description."""
    if not study.group_by_id[group].description:
        return ()
    found = ((description_at_after(study, changes, "groups", group, p), p) for p in parts)
    return tuple((location, part) for location, part in found if location is not None)


def _check_request(study: Study, group: str, parts: Sequence[GroupPart]) -> None:
    problems = unknown_problems(study, [group])
    if problems:
        raise UsageError(problems)
    if len(parts) < 2:
        problems.append(
            Problem(
                Location(),
                "name two or more parts to split into",
                hint="--into ID --name NAME, once per part; to rename: needmap groups rename",
            )
        )
    problems += twice_problems([part.id for part in parts], "part")
    for part in parts:
        problems += text_problems(
            part.name, f"name of part '{part.id}'", "give each part a name with --name"
        )
        problems += new_id_problems(
            study,
            part.id,
            [group],
            hint="give the part a new id (or the id of the group that is split)",
        )
    problems += taken_name_problems(study, [(f"part '{p.id}'", p.name) for p in parts], [group])
    counted = study.group_by_id[group].headcount is not None
    given = [part.headcount is not None for part in parts]
    if counted and not all(given):
        problems.append(
            Problem(
                study.origins.get(("groups", group), Location()),
                f"'{group}' has a headcount, so each part needs one",
                hint="give --headcount once per part, in the order of --into",
            )
        )
    if not counted and any(given):
        problems.append(
            Problem(
                study.origins.get(("groups", group), Location()),
                f"'{group}' has no headcount, so its parts cannot have one",
                hint="leave --headcount out, or give the group a headcount first",
            )
        )
    if problems:
        raise UsageError(problems)


@dataclass
class _Split:
    """The split as a :class:`~needmap.regroup.files.Rewriter`."""

    group: str
    parts: tuple[GroupPart, ...]
    moved: list[tuple[Location, str]] = field(default_factory=list)
    together: list[tuple[Location, str]] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.parts[0].id

    def groups(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """The group's entry, copied once per part with the part's id, name and headcount."""
        for i, item in enumerate(items):
            if isinstance(item, dict) and item.get("id") == self.group:
                copies = [
                    {
                        key: value
                        for key, value in (
                            ("id", part.id),
                            ("name", part.name),
                            ("headcount", part.headcount),
                        )
                        if key in item and value is not None
                    }
                    for part in self.parts
                ]
                edit.copy_item((section, i), copies)
                items[i : i + 1] = [{**item, **values} for values in copies]
                return 1
        return 0

    def needs(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """Each need of the group becomes a need of every part, with the same importance."""
        changed = 0
        for i, need in enumerate(items):
            groups = need.get("groups") if isinstance(need, dict) else None
            if not isinstance(groups, dict) or self.group not in groups:
                continue
            changed += 1
            path = (section, i, "groups", self.group)
            importance = groups[self.group]
            if self.first != self.group:
                edit.rename_key(path, self.first)
            for part in self.parts[1:]:
                edit.insert_after(path, part.id, importance)
            need["groups"] = {
                key: value
                for g, v in groups.items()
                for key, value in (
                    [(part.id, v) for part in self.parts] if g == self.group else [(g, v)]
                )
            }
        return changed

    def members(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """Personas and interviews of the group go to the first part, and are listed."""
        changed = 0
        for i, item in enumerate(items):
            if not isinstance(item, dict) or item.get("group") != self.group:
                continue
            where = edit.document.source.locate((section, i, "group"))
            self.moved.append((where, f"{section[:-1]} '{item.get('id', i + 1)}'"))
            if self.first != self.group:
                changed += 1
                edit.set_value((section, i, "group"), self.first)
                item["group"] = self.first
        return changed

    def answers(self, values: dict[str, Any], edit: YamlEdit) -> int:
        """Survey answers that meant the group now mean its parts together (a list of
        their ids), and are listed: the survey did not ask which part a respondent is of,
        so its respondents are counted and weighted for the parts as one."""
        changed = 0
        for answer, named in values.items():
            groups = named if isinstance(named, list) else [named]
            if self.group not in groups:
                continue
            changed += 1
            parts = [part.id for part in self.parts]
            together = list(
                dict.fromkeys(p for g in groups for p in (parts if g == self.group else [g]))
            )
            edit.set_value(("group", "values", answer), together)
            values[answer] = together
            where = edit.document.source.locate(("group", "values", answer))
            self.together.append((where, f"survey answer '{answer}'"))
        return changed
