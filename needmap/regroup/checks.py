"""Checks of the group ids that ``needmap groups`` is given: known, named once, valid and new."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from needmap.errors import Location, Problem
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import ID_PATTERN
from needmap.personas.study import Study

__all__ = ["new_id_problems", "twice_problems", "unknown_problems"]


def unknown_problems(study: Study, groups: Sequence[str]) -> list[Problem]:
    """One problem per id that names no group of the study."""
    return [
        Problem(
            Location(),
            f"unknown group '{group}'",
            hint=did_you_mean(group, study.group_by_id)
            or "see the groups with: needmap groups list",
        )
        for group in groups
        if group not in study.group_by_id
    ]


def twice_problems(ids: Sequence[str], noun: str) -> list[Problem]:
    """One problem per id given more than once."""
    return [
        Problem(Location(), f"{noun} '{i}' is named twice", hint=f"name each {noun} once")
        for i in sorted({i for i in ids if ids.count(i) > 1})
    ]


def new_id_problems(study: Study, new_id: str, reused: Collection[str], hint: str) -> list[Problem]:
    """What is wrong with ``new_id`` as the id of a group after the change: not an id, or
    the id of a group that stays (only the ids in ``reused`` may be taken over)."""
    if not re.fullmatch(ID_PATTERN, new_id):
        return [
            Problem(
                Location(),
                f"'{new_id}' is not a valid group id",
                hint="use lowercase letters, digits, '-' and '_', starting with a letter or digit",
            )
        ]
    if new_id in study.group_by_id and new_id not in reused:
        where = study.origins.get(("groups", new_id), Location())
        return [Problem(where, f"group '{new_id}' already exists", hint=hint)]
    return []
