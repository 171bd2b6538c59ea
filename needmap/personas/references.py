"""Checks across files: unique ids, references that resolve, no dependency cycles.

The schema checks one file at a time; this module sees the whole study, so it is where a
need naming a group defined in another file is checked. Every problem points at the place
that makes the reference, with a "did you mean" when a defined id is close.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from needmap.errors import Location, Problem, Severity
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import Family, Need, Persona, RoadmapPhase, TargetGroup
from needmap.personas.yamlsource import Node, YamlDocument, format_key

__all__ = ["Placed", "check_references"]

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Placed(Generic[T]):
    """A validated item and where it stands in its file."""

    item: T
    document: YamlDocument
    path: Node

    def at(self, *subpath: str | int, key: bool = False) -> Location:
        return self.document.source.locate((*self.path, *subpath), key=key)

    def key(self, *subpath: str | int) -> str:
        return format_key((*self.path, *subpath))


@dataclass(frozen=True, slots=True)
class Definitions:
    families: Sequence[Placed[Family]]
    groups: Sequence[Placed[TargetGroup]]
    needs: Sequence[Placed[Need]]
    personas: Sequence[Placed[Persona]]
    phases: Sequence[Placed[RoadmapPhase]]
    broken_ids: Mapping[str, set[str]]
    """Ids of items that failed validation: references to them are not reported again."""
    complete: bool = True
    """False when a file could not be read at all: its ids are unknown, so dangling
    references are not reported (they would only echo that file's problem)."""


def check_references(defs: Definitions, *, warn: bool = True) -> list[Problem]:
    """All cross-file problems of a study's definitions; warnings too when ``warn``.

    Callers pass ``warn=False`` when files already failed to load: warnings such as "no need
    mentions this group" would then only echo the items that could not be read.
    """
    problems: list[Problem] = []
    families = _unique(defs.families, "family", problems)
    groups = _unique(defs.groups, "group", problems)
    needs = _unique(defs.needs, "need", problems)
    known_families = _Known(families.keys() | defs.broken_ids["families"], defs.complete)
    known_groups = _Known(groups.keys() | defs.broken_ids["groups"], defs.complete)
    known_needs = _Known(needs.keys() | defs.broken_ids["needs"], defs.complete)
    _unique(defs.personas, "persona", problems)
    _unique(defs.phases, "roadmap phase", problems)

    for group in defs.groups:
        family = group.item.family
        if family is not None and family not in known_families:
            problems.append(_dangling(group, ("family",), family, "family", known_families))
    for need in defs.needs:
        for group_id in need.item.groups:
            if group_id not in known_groups:
                problems.append(
                    _dangling(need, ("groups", group_id), group_id, "group", known_groups, key=True)
                )
        for i, dependency in enumerate(need.item.depends_on):
            if dependency == need.item.id:
                problems.append(
                    Problem(
                        need.at("depends_on", i),
                        f"need '{dependency}' depends on itself",
                        key=need.key("depends_on", i),
                        hint="remove it from depends_on",
                    )
                )
            elif dependency not in known_needs:
                problems.append(_dangling(need, ("depends_on", i), dependency, "need", known_needs))
    for persona in defs.personas:
        if persona.item.group not in known_groups:
            problems.append(
                _dangling(persona, ("group",), persona.item.group, "group", known_groups)
            )
        for i, need_id in enumerate(persona.item.needs):
            if need_id not in known_needs:
                problems.append(_dangling(persona, ("needs", i), need_id, "need", known_needs))
    problems.extend(_cycles(needs))
    if warn and not problems:
        problems.extend(_warnings(defs, groups, needs))
    return problems


class _Known(frozenset[str]):
    """Defined ids; when the study could not be read completely, every id counts as known."""

    complete: bool

    def __new__(cls, ids: Iterable[str], complete: bool) -> _Known:
        known = super().__new__(cls, ids)
        known.complete = complete
        return known

    def __contains__(self, item: object) -> bool:
        return not self.complete or super().__contains__(item)


def _unique(items: Iterable[Placed[T]], noun: str, problems: list[Problem]) -> dict[str, Placed[T]]:
    seen: dict[str, Placed[T]] = {}
    for placed in items:
        item_id = str(getattr(placed.item, "id"))  # noqa: B009 - every definition has an id
        first = seen.get(item_id)
        if first is None:
            seen[item_id] = placed
            continue
        where = first.at("id")
        problems.append(
            Problem(
                placed.at("id"),
                f"duplicate {noun} id '{item_id}' (first defined at {where})",
                key=placed.key("id"),
                hint=f"give each {noun} its own id, or remove one of the two",
            )
        )
    return seen


def _dangling(
    placed: Placed[Any],
    subpath: Node,
    ref: str,
    noun: str,
    defined: Collection[str],
    *,
    key: bool = False,
) -> Problem:
    if defined:
        shown = ", ".join(sorted(defined)[:8]) + (" …" if len(defined) > 8 else "")
        hint = did_you_mean(ref, defined) or f"define a {noun} '{ref}', or use one of: {shown}"
    else:
        plural = "families" if noun == "family" else f"{noun}s"
        hint = f"no {plural} are defined yet; add them under '{plural}:'"
    return Problem(
        placed.at(*subpath, key=key),
        f"unknown {noun} '{ref}'",
        key=placed.key(*subpath),
        hint=hint,
    )


def _cycles(needs: Mapping[str, Placed[Need]]) -> list[Problem]:
    """Report each dependency cycle once, at the need of the cycle defined first."""
    state: dict[str, int] = {}
    problems: list[Problem] = []
    reported: set[frozenset[str]] = set()

    for start in needs:
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail: list[str] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                state[node] = 1
                trail.append(node)
            deps = [d for d in needs[node].item.depends_on if d in needs and d != node]
            if index < len(deps):
                stack.append((node, index + 1))
                nxt = deps[index]
                if state.get(nxt) == 1:
                    cycle = [*trail[trail.index(nxt) :], nxt]
                    members = frozenset(cycle)
                    if members not in reported:
                        reported.add(members)
                        first = needs[cycle[0]]
                        problems.append(
                            Problem(
                                first.at("depends_on"),
                                "dependency cycle: " + " -> ".join(cycle),
                                key=first.key("depends_on"),
                                hint="a need cannot (indirectly) depend on itself; "
                                "remove one of these dependencies",
                            )
                        )
                elif nxt not in state:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                trail.pop()
    return problems


def _warnings(
    defs: Definitions, groups: Mapping[str, Placed[TargetGroup]], needs: Mapping[str, Placed[Need]]
) -> list[Problem]:
    problems = []
    needed_by: dict[str, int] = dict.fromkeys(groups, 0)
    for need in defs.needs:
        for group_id in need.item.groups:
            if group_id in needed_by:
                needed_by[group_id] += 1
        if not need.item.groups:
            problems.append(
                Problem(
                    need.at("id"),
                    f"need '{need.item.id}' matters to no group, so no diagram or table shows it",
                    key=need.key(),
                    hint="add 'groups:' with the groups it matters to",
                    severity=Severity.WARNING,
                )
            )
    for group_id, count in needed_by.items():
        if count == 0:
            group = groups[group_id]
            problems.append(
                Problem(
                    group.at("id"),
                    f"no need mentions group '{group_id}'",
                    key=group.key(),
                    hint="add the group to the 'groups:' of the needs that matter to it",
                    severity=Severity.WARNING,
                )
            )
    for persona in defs.personas:
        for i, need_id in enumerate(persona.item.needs):
            key_need = needs.get(need_id)
            if (
                key_need is not None
                and persona.item.group in groups
                and persona.item.group not in key_need.item.groups
            ):
                problems.append(
                    Problem(
                        persona.at("needs", i),
                        f"key need '{need_id}' does not list the persona's group "
                        f"'{persona.item.group}'",
                        key=persona.key("needs", i),
                        hint=f"add '{persona.item.group}' to the groups of need '{need_id}'",
                        severity=Severity.WARNING,
                    )
                )
    return problems
