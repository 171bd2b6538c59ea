"""Merge groups into one, or rename one (``needmap groups merge`` and ``rename``), or
finish a rename done by hand.

Merging keeps one group's entry (the target's, if it is among the groups merged, else the
first named), with the headcounts added up; a need that several of the merged groups need
keeps one entry with the highest importance among them. A tally is recounted exactly: a
respondent belongs to one group, so the merged group's respondents and votes are the sums.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location, Problem, UsageError
from needmap.personas.loader import StudyReading
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
    importance_rank,
    tally_change,
    tally_files,
    yaml_changes,
)
from needmap.shell import command_word
from needmap.surveys.tally import joined_strata, read_tally, stratum_groups

__all__ = ["FinishedRename", "Regrouping", "plan_finished_rename", "plan_regrouping"]


@dataclass(frozen=True)
class Regrouping(StudyEdits):
    """What merging ``groups`` into ``into`` changes, file by file; nothing written yet."""

    groups: tuple[str, ...]
    into: str
    kept: str
    """The group whose entry became the merged group's."""
    name: str
    headcount: int | None
    description_at: Location | None
    """Where the kept description stands, when several groups were merged: it describes
    one of them and may need rewriting."""
    described_by: str | None = None
    """The group whose description the merged group has: the kept one's, or where it had
    none, the first other one's that has one (it went with that group's entry before)."""


def plan_regrouping(
    study: Study, groups: Sequence[str], into: str, name: str | None = None
) -> Regrouping:
    """The changes that merge ``groups`` into one group ``into`` (a rename, for one group).

    ``into`` is one of ``groups`` or a new id; a merge into a new id needs a ``name``
    (spaces around it are left out). A group may be given by its name, as a report shows
    it (:func:`~needmap.regroup.checks.named_ids`); so may ``into`` when groups merge.
    Every problem with the request, or with the study's evidence files, is raised at once.
    """
    check_evidence(study)
    groups = named_ids(study, groups)
    if len(groups) > 1:  # a rename's new id is no name: 'Desk' for desk is not valid
        [into] = named_ids(study, [into])
    name = None if name is None else name.strip()
    _check_request(study, groups, into, name)
    members = [study.group_by_id[g] for g in groups]
    kept = into if into in groups else groups[0]
    counts = [g.headcount for g in members]
    headcount = sum(c for c in counts if c is not None) if None not in counts else None
    described_by = next(
        (g.id for g in sorted(members, key=lambda g: g.id != kept) if g.description), None
    )
    taken = None if described_by in (None, kept) else study.group_by_id[described_by].description
    new_name = name or study.group_by_id[kept].name
    merge = _Merge(frozenset(groups), into, kept, new_name, headcount, taken)
    changes = yaml_changes(study.root, merge)
    changes.extend(_tally_changes(study.root, merge, study.settings.privacy.min_group_size))
    description_at = None
    if len(groups) > 1 and described_by is not None:
        description_at = description_at_after(study, changes, "groups", kept, into)
    return Regrouping(
        root=study.root,
        changes=tuple(changes),
        groups=tuple(groups),
        into=into,
        kept=kept,
        name=merge.name,
        headcount=headcount,
        description_at=description_at,
        described_by=described_by if len(groups) > 1 else None,
    )


@dataclass(frozen=True)
class FinishedRename(StudyEdits):
    """What finishing a rename done by hand changes; nothing written yet."""

    old: str
    """The group's id before, which no file defines any more."""
    new: str
    """Its id now, where the group is defined."""


def plan_finished_rename(reading: StudyReading, old: str, new: str) -> FinishedRename:
    """The changes that finish renaming group ``old`` to ``new`` where it is defined: every
    need, persona, interview and survey answer that still names ``old`` names ``new``, and
    imported tallies are recounted, as :func:`plan_regrouping` would have done.

    A rename by hand leaves a study with an error per reference to ``old``, which
    :func:`plan_regrouping` cannot start from (a study that loads, when only survey
    mappings, interviews or tallies still name it). The definitions of the groups are left
    as they are. Raises the reading's problems unless the study file could be read, ``old``
    is defined nowhere, ``new`` is a group, and some file still refers to ``old``; a
    ``ValueError`` for a study that loads but holds no such rename.
    """
    ids, root = reading.ids.group_by_id, reading.ids.root
    if reading.settings is None or old in ids or new not in ids:
        if reading.study is not None:
            raise ValueError(f"'{old}' to '{new}' is no rename by hand: use plan_regrouping")
        raise InvalidStudyError(reading.problems)
    references = _References(frozenset({old, new}), new, new, "", None)
    changes = yaml_changes(root, references)
    changes.extend(_tally_changes(root, references, reading.settings.privacy.min_group_size))
    if not changes:
        raise (
            InvalidStudyError(reading.problems)
            if reading.study is None
            else UsageError(unknown_problems(reading.study, [old]))
        )
    return FinishedRename(root=root, changes=tuple(changes), old=old, new=new)


def _check_request(study: Study, groups: Sequence[str], into: str, name: str | None) -> None:
    problems = [
        *unknown_problems(study, groups),
        *twice_problems(groups, "group"),
        *new_id_problems(
            study,
            into,
            groups,
            hint="to merge into it, name it among the groups: "
            + " ".join(command_word(g) for g in [*groups, into]),
            renamed=groups[0] if len(groups) == 1 and name is None else None,
        ),
        *text_problems(name, "name", "give a name, or leave out --name"),
        *taken_name_problems(study, [(f"group '{into}'", name)], groups),
    ]
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
    if len(groups) > 1 and into not in groups and name is None:
        problems.append(
            Problem(
                Location(),
                f"the new group '{into}' needs a name",
                hint="give it one with --name 'Name'",
            )
        )
    if list(groups) == [into] and name in (None, study.group_by_id[into].name):
        problems.append(
            Problem(
                Location(), "nothing to change", hint="give the group a new id, or a new --name"
            )
        )
    if problems:
        raise UsageError(problems)


@dataclass(frozen=True)
class _Merge:
    """The merge as a :class:`~needmap.regroup.files.Rewriter`."""

    merged: frozenset[str]
    into: str
    kept: str
    name: str
    headcount: int | None
    description: str | None = None
    """The description the kept entry takes from another merged group, having none."""

    @property
    def moved(self) -> frozenset[str]:
        """The merged groups whose references change: all but the target."""
        return self.merged - {self.into}

    def groups(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """Keep the target's entry, renamed and with the summed headcount; drop the others."""
        changed = 0
        for i, item in reversed(list(enumerate(items))):
            if not isinstance(item, dict) or item.get("id") not in self.merged:
                continue
            if item["id"] != self.kept:
                edit.remove((section, i))
                del items[i]
                changed += 1
                continue
            new = {"id": self.into, "name": self.name, "headcount": self.headcount}
            edits = {k: v for k, v in new.items() if v is not None and k in item and item[k] != v}
            for key, value in edits.items():
                edit.set_value((section, i, key), value)
                item[key] = value
            if self.description is not None:
                if "description" in item:
                    edit.set_value((section, i, "description"), self.description)
                else:  # the last key of a group, as the schema has it
                    edit.insert_after((section, i, list(item)[-1]), "description", self.description)
                item["description"] = self.description
            changed += bool(edits) or self.description is not None
        return changed

    def needs(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """One entry per need for the merged groups, with the highest importance among them."""
        changed = 0
        for i, need in enumerate(items):
            groups = need.get("groups") if isinstance(need, dict) else None
            if not isinstance(groups, dict):
                continue
            present = [g for g in groups if g in self.merged]
            if not present or present == [self.into]:
                continue
            changed += 1
            best = max((groups[g] for g in present), key=importance_rank)
            path = (section, i, "groups")
            first = present[0]
            if first != self.into:
                edit.rename_key((*path, first), self.into)
            if groups[first] != best:
                edit.set_value((*path, first), best)
            for other in present[1:]:
                edit.remove((*path, other))
            need["groups"] = {
                (self.into if g == first else g): (best if g == first else v)
                for g, v in groups.items()
                if g == first or g not in self.merged
            }
        return changed

    def members(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """Personas and interviews of a merged group belong to the target."""
        changed = 0
        for i, item in enumerate(items):
            if isinstance(item, dict) and item.get("group") in self.moved:
                changed += 1
                edit.set_value((section, i, "group"), self.into)
                item["group"] = self.into
        return changed

    def answers(self, values: dict[str, Any], edit: YamlEdit) -> int:
        """Survey answers that meant a merged group now mean the target; an answer for
        several groups names the target once, and only the target once it names no other
        (the parts of a split merged again). The target counted with others for one answer
        and alone (or with others) for another is counted with all of them for both
        (:func:`~needmap.surveys.tally.joined_strata`), as the tally is recounted."""
        written = {a: v if isinstance(v, list) else [v] for a, v in values.items() if v}
        renamed = {
            answer: list(dict.fromkeys(self.into if g in self.moved else g for g in groups))
            for answer, groups in written.items()
        }
        together = joined_strata(renamed.values())
        changed = 0
        for answer, groups in renamed.items():
            joined = together[groups[0]]
            if joined == written[answer]:
                continue
            changed += 1
            value = joined[0] if len(joined) == 1 else joined
            edit.set_value(("group", "values", answer), value)
            values[answer] = value
        return changed


class _References(_Merge):
    """A merge of a group that is no longer defined into the one it was renamed to: only
    the references change."""

    def groups(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        return 0


def _tally_changes(root: Path, merge: _Merge, min_size: int) -> list[FileChange]:
    """Each tally that counted a merged group other than the target, recounted."""
    changes = []
    for path in tally_files(root):
        tally = read_tally(path)
        counted = {g for key in tally.respondents for g in stratum_groups(key)}
        if merge.moved & counted:
            merged = tally.merged(merge.merged, merge.into)
            key = next(k for k in merged.respondents if merge.into in stratum_groups(k))
            changes.append(tally_change(path, merged, key, "recounted", min_size))
    return changes
