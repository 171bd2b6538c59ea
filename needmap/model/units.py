"""The circles of an overlap: chosen target groups, or groups merged into their families.

A *unit* is one circle in the diagram and one column in the needs table. Each unit keeps the
index of its group or family in the study, so every picture of a study gives it the same
colour and letter-independent identity, whatever subset is drawn.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from needmap.controls import fold_text
from needmap.errors import Location, Problem, UsageError
from needmap.personas.messages import did_you_mean
from needmap.personas.study import Study

__all__ = ["Unit", "UnitKind", "choose_units", "families_tell_more"]

UnitKind = Literal["group", "family"]
_LETTERS = string.ascii_uppercase + string.ascii_lowercase
_PAIRS = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
_CODES = [*_LETTERS, *_PAIRS]
"""The short labels of the units, in the order they are chosen: a letter each for the
first 52 (A-Z, a-z), then two capitals (AA, AB, …). A study of more groups than letters
(each department a group) needs groups merged, and the groups list's most alike pairs say
which: it must still be shown."""


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

    Each may also be the group's (or family's) name, in any case, as the reports show it;
    a name that holds commas may come in the pieces a comma-separated option splits it
    into (see :func:`_resolve`). Raises :class:`UsageError` naming every unknown or
    repeated one.
    """
    available = _family_units(study) if by_family else _group_units(study)
    if ids is None:
        chosen = list(available)
    else:
        noun = "family" if by_family else "group"
        problems = []
        chosen = []
        for item, unit in _resolve(list(ids), available):
            if unit is None:
                problems.append(
                    Problem(
                        Location(),
                        f"unknown {noun} '{item}'",
                        hint=did_you_mean(item, [u.id for u in available])
                        or did_you_mean(item, [u.name for u in available], ignore_case=True)
                        or "choose from: " + ", ".join(u.id for u in available),
                    )
                )
            elif unit in chosen:
                problems.append(Problem(Location(), f"{noun} '{item}' is chosen twice"))
            else:
                chosen.append(unit)
        if problems:
            raise UsageError(problems)
    if not chosen:
        raise UsageError.single("no groups chosen", hint="name at least one group")
    if len(chosen) > len(_CODES):
        raise UsageError.single(
            f"{len(chosen)} circles chosen; needmap draws at most {len(_CODES)}",
            hint="choose fewer groups, or merge them into families with --by-family",
        )
    return tuple(
        Unit(u.id, u.name, u.kind, u.groups, u.headcount, _CODES[i], u.palette_index)
        for i, u in enumerate(chosen)
    )


def _name_key(text: str) -> str:
    """A name as it is compared: as :func:`~needmap.controls.fold_text` compares names (in
    any case, what one cannot see aside), and the spaces around its commas aside."""
    return _AROUND_COMMAS.sub(",", fold_text(text))


_AROUND_COMMAS = re.compile(r"\s*,\s*")


def _resolve(items: list[str], available: Sequence[Unit]) -> list[tuple[str, Unit | None]]:
    """Each item with the unit it names (None for none): by id, else by name, else by id in
    another case (an id is lowercase). Pieces that together make a name with commas
    ("Security", "catering and facility staff") are taken as that name, the most pieces
    first."""
    by_id = {u.id: u for u in available}
    by_name = {_name_key(u.name): u for u in available}
    most = max((u.name.count(",") for u in available), default=0) + 1
    found: list[tuple[str, Unit | None]] = []
    i = 0
    while i < len(items):
        for size in range(min(most, len(items) - i), 0, -1):
            text = ", ".join(items[i : i + size])
            key = _name_key(text)
            unit = by_name.get(key)
            if size == 1:  # an id, as written or in another case
                unit = by_id.get(text) or unit or by_id.get(key)
            if unit is not None:
                found.append((text, unit))
                i += size
                break
        else:
            found.append((items[i], None))
            i += 1
    return found


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
