"""Checks of the ids that ``needmap groups`` and ``needmap needs`` are given: known, named
once, valid and new; and of the names and titles they are given: not another's. Also the
ids of what a command names by name or title, as the reports show it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from needmap.controls import fold_text
from needmap.errors import Location, Problem
from needmap.personas.messages import name_hint
from needmap.personas.schema import id_from, is_id
from needmap.personas.study import Study
from needmap.shell import command_word

__all__ = [
    "Kind",
    "named_ids",
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


def named_ids(study: Study, texts: Sequence[str], kind: Kind = "groups") -> list[str]:
    """The id of the item of ``kind`` each text names: its id, or its name (a need's title)
    as a reader sees it (:meth:`~needmap.personas.study.Study.group_named`), since a
    report shows names and no ids. A text that names no item, or the name of more than
    one, is kept as it is, for :func:`unknown_problems` to report, or to be a new id: a
    command that rewrites files must not guess which of two groups called alike is meant
    (``validate`` warns of them, and renaming one is how they come apart)."""
    return [_id_named(study, text, kind) for text in texts]


def _id_named(study: Study, text: str, kind: Kind) -> str:
    if text not in _defined(study, kind) and len(_called(study, text, kind)) > 1:
        return text
    item = (study.group_named if kind == "groups" else study.need_named)(text)
    return text if item is None else item.id


def _called(study: Study, text: str, kind: Kind) -> list[str]:
    """The ids of the items of ``kind`` whose name (title) is ``text`` as a reader sees it."""
    wanted = fold_text(text)
    return [
        item_id
        for item_id, item in _defined(study, kind).items()
        if fold_text(getattr(item, _NAME_FIELD[kind])) == wanted
    ]


def unknown_problems(study: Study, ids: Sequence[str], kind: Kind = "groups") -> list[Problem]:
    """One problem per id that names no item of ``kind`` in the study, with the item it
    points at as its hint (:func:`~needmap.personas.messages.name_hint`; for a family, its
    groups); or that is the name of several, with their ids."""
    defined = _defined(study, kind)
    noun, field = _NOUN[kind], _NAME_FIELD[kind]
    names = {item_id: getattr(item, field) for item_id, item in defined.items()}
    listing = f"needmap {kind} list {command_word(study.root)}"
    problems = []
    for i in ids:
        if i in defined:
            continue
        called = _called(study, i, kind)
        if len(called) > 1:
            problems.append(
                Problem(
                    Location(),
                    f"'{i}' is the {field} of {len(called)} {kind}: {', '.join(called)}",
                    hint=f"give the id of the {noun} you mean",
                )
            )
            continue
        see = f"see the {kind} with: {listing}"
        other: Kind = "needs" if kind == "groups" else "groups"
        if kind == "groups" and (family := study.family_hint(i)):
            hint = family
        elif i in _defined(study, other) or _called(study, i, other):
            hint = f"'{i}' is a {_NOUN[other]}, not a {noun}; {see}"
        else:
            hint = name_hint(i, names) or see
        problems.append(Problem(Location(), f"unknown {noun} '{i}'", hint=hint))
    return problems


def twice_problems(ids: Sequence[str], noun: str) -> list[Problem]:
    """One problem per id given more than once."""
    return [
        Problem(Location(), f"{noun} '{i}' is named twice", hint=f"name each {noun} once")
        for i in sorted({i for i in ids if ids.count(i) > 1})
    ]


def new_id_problems(
    study: Study,
    new_id: str,
    reused: Collection[str],
    hint: str,
    kind: Kind = "groups",
    renamed: str | None = None,
) -> list[Problem]:
    """What is wrong with ``new_id`` as the id of an item of ``kind`` after the change: not
    an id, or the id of an item that stays (only the ids in ``reused`` may be taken over).
    One of ``reused`` is no new id: where it names no item, :func:`unknown_problems` says
    so, once ("unknown group 'OTHER'", not also "'OTHER' is not a valid group id").

    ``renamed`` is the id of the item a rename without a new name (title) gives
    ``new_id``: a new id with capitals or spaces is most often the name that was meant,
    and the hint gives the command that changes only that."""
    noun = _NOUN[kind]
    if new_id in reused:
        return []
    if not is_id(new_id):
        like = id_from(new_id)
        advice = "use lowercase letters, digits, '-' and '_', starting with a letter or digit"
        if like:
            advice += f", such as '{like}'"
        if renamed is not None and (new_id != new_id.lower() or " " in new_id.strip()):
            option = "--name" if kind == "groups" else "--title"
            advice += (
                f"; to change only its {_NAME_FIELD[kind]}: needmap {kind} rename "
                f"{command_word(study.root)} {renamed} {renamed} {option} {command_word(new_id)}"
            )
        return [Problem(Location(), f"'{new_id}' is not a valid {noun} id", hint=advice)]
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
