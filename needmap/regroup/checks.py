"""Checks of the ids that ``needmap groups`` and ``needmap needs`` are given: known, named
once, valid and new; and of the names and titles they are given: not another's."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from needmap.controls import fold_text
from needmap.errors import Location, Problem
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import ID_PATTERN
from needmap.personas.study import Study
from needmap.shell import command_word

__all__ = [
    "Kind",
    "new_id_problems",
    "taken_name_problems",
    "twice_problems",
    "unknown_problems",
]

Kind = Literal["groups", "needs"]
"""The kinds of item whose ids these commands change."""

_NOUN: Mapping[Kind, str] = {"groups": "group", "needs": "need"}
_NAME_FIELD: Mapping[Kind, str] = {"groups": "name", "needs": "title"}


def _defined(study: Study, kind: Kind) -> Mapping[str, object]:
    return study.group_by_id if kind == "groups" else study.need_by_id


def unknown_problems(study: Study, ids: Sequence[str], kind: Kind = "groups") -> list[Problem]:
    """One problem per id that names no item of ``kind`` in the study."""
    defined = _defined(study, kind)
    listing = f"needmap {kind} list {command_word(study.root)}"
    return [
        Problem(
            Location(),
            f"unknown {_NOUN[kind]} '{i}'",
            hint=did_you_mean(i, defined) or f"see the {kind} with: {listing}",
        )
        for i in ids
        if i not in defined
    ]


def twice_problems(ids: Sequence[str], noun: str) -> list[Problem]:
    """One problem per id given more than once."""
    return [
        Problem(Location(), f"{noun} '{i}' is named twice", hint=f"name each {noun} once")
        for i in sorted({i for i in ids if ids.count(i) > 1})
    ]


def new_id_problems(
    study: Study, new_id: str, reused: Collection[str], hint: str, kind: Kind = "groups"
) -> list[Problem]:
    """What is wrong with ``new_id`` as the id of an item of ``kind`` after the change: not
    an id, or the id of an item that stays (only the ids in ``reused`` may be taken over).
    One of ``reused`` is no new id: where it names no item, :func:`unknown_problems` says
    so, once ("unknown group 'OTHER'", not also "'OTHER' is not a valid group id")."""
    noun = _NOUN[kind]
    if new_id in reused:
        return []
    if not re.fullmatch(ID_PATTERN, new_id):
        return [
            Problem(
                Location(),
                f"'{new_id}' is not a valid {noun} id",
                hint="use lowercase letters, digits, '-' and '_', starting with a letter or digit",
            )
        ]
    if new_id in _defined(study, kind):
        where = study.origins.get((kind, new_id), Location())
        return [Problem(where, f"{noun} '{new_id}' already exists", hint=hint)]
    return []


def taken_name_problems(
    study: Study,
    names: Sequence[tuple[str, str | None]],
    replaced: Collection[str],
    kind: Kind = "groups",
) -> list[Problem]:
    """One problem per name (a need's title) given for an item, as (what it names, name),
    that reads as the name of an item of ``kind`` that stays (every one but ``replaced``)
    or of one given before it: no report could tell the two apart, and ``validate`` would
    warn of them (:mod:`needmap.personas.slips`). Names compare as a reader sees them
    (:func:`~needmap.controls.fold_text`); None (not given) is no name."""
    field = _NAME_FIELD[kind]
    items = study.groups if kind == "groups" else study.needs
    taken = {
        fold_text(getattr(item, field)): (f"{_NOUN[kind]} '{item.id}'", getattr(item, field))
        for item in items
        if item.id not in replaced
    }
    problems = []
    for owner, name in names:
        if name is None or not name.strip():
            continue
        holder, held = taken.setdefault(fold_text(name), (owner, name.strip()))
        if holder != owner:
            problems.append(
                Problem(
                    Location(),
                    f"{holder} has the {field} '{held}' already",
                    hint=f"give {owner} a {field} of its own: no report could tell the two apart",
                )
            )
    return problems
