"""The circles of an overlap: chosen target groups, or groups merged into their families.

A *unit* is one circle in the diagram and one column in the needs table. Each unit keeps the
index of its group or family in the study, so every picture of a study gives it the same
colour and letter-independent identity, whatever subset is drawn.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from needmap.errors import Location, Problem, UsageError
from needmap.personas.messages import did_you_mean
from needmap.personas.study import Study

__all__ = ["Unit", "UnitKind", "choose_units", "families_tell_more"]

UnitKind = Literal["group", "family"]
_LETTERS = string.ascii_uppercase + string.ascii_lowercase


@dataclass(frozen=True, slots=True)
class Unit:
    """One circle: a target group, or a family of groups taken together."""

    id: str
    name: str
    kind: UnitKind
    groups: tuple[str, ...]
    """Ids of the target groups this unit stands for (one, for a group unit)."""
    headcount: int | None
    """Sum of the groups' headcounts; None if any of them has none."""
    letter: str
    """Short label (A, B, …) in the order the units were chosen."""
    palette_index: int
    """Position of the group (or family) among the study's groups (or families): with
    ``kind``, the key to its colour, the same in every picture of the study."""


def choose_units(
    study: Study, ids: Sequence[str] | None = None, *, by_family: bool = False
) -> tuple[Unit, ...]:
    """The units for ``ids`` (group ids, or family ids with ``by_family``); all when None.

    Raises :class:`UsageError` naming every unknown or repeated id.
    """
    available = _family_units(study) if by_family else _group_units(study)
    by_id = {unit.id: unit for unit in available}
    if ids is None:
        chosen = list(available)
    else:
        problems = []
        seen: set[str] = set()
        for item in ids:
            noun = "family" if by_family else "group"
            if item in seen:
                problems.append(Problem(Location(), f"{noun} '{item}' is chosen twice"))
            elif item not in by_id:
                problems.append(
                    Problem(
                        Location(),
                        f"unknown {noun} '{item}'",
                        hint=did_you_mean(item, by_id) or "choose from: " + ", ".join(by_id),
                    )
                )
            seen.add(item)
        if problems:
            raise UsageError(problems)
        chosen = [by_id[item] for item in ids]
    if not chosen:
        raise UsageError.single("no groups chosen", hint="name at least one group")
    if len(chosen) > len(_LETTERS):
        raise UsageError.single(
            f"{len(chosen)} circles chosen; needmap draws at most {len(_LETTERS)}",
            hint="choose fewer groups, or merge them into families with --by-family",
        )
    return tuple(
        Unit(u.id, u.name, u.kind, u.groups, u.headcount, _LETTERS[i], u.palette_index)
        for i, u in enumerate(chosen)
    )


def families_tell_more(study: Study) -> bool:
    """Whether circles by family show what the circles by group do not: two circles at
    least, one of them a family of several groups. With one family holding every group
    (an intranet study) there is one circle to compare with nothing; with a family per
    group, the same picture again. Reports leave such a view out."""
    units = _family_units(study)
    return len(units) >= 2 and any(len(u.groups) > 1 for u in units)


def _group_units(study: Study) -> list[Unit]:
    return [
        Unit(g.id, g.name, "group", (g.id,), g.headcount, "", i) for i, g in enumerate(study.groups)
    ]


def _family_units(study: Study) -> list[Unit]:
    units = []
    for i, family in enumerate(study.families):
        members = [g for g in study.groups if g.family == family.id]
        if not members:
            continue
        counts = [g.headcount for g in members if g.headcount is not None]
        headcount = sum(counts) if len(counts) == len(members) else None  # None: one unknown
        units.append(
            Unit(family.id, family.name, "family", tuple(g.id for g in members), headcount, "", i)
        )
    for i, group in enumerate(study.groups):
        if group.family is None:
            units.append(Unit(group.id, group.name, "group", (group.id,), group.headcount, "", i))
    return units
