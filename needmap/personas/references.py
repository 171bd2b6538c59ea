"""Checks across files: unique ids, references that resolve, no dependency cycles.

The schema checks one file at a time; this module sees the whole study, so it is where a
need naming a group defined in another file is checked. Every problem points at the place
that makes the reference, with a "did you mean" when a defined id is close.
"""

from __future__ import annotations

import heapq
import math
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from needmap.controls import fold_text
from needmap.errors import Location, Problem, Severity
from needmap.personas.messages import (
    arrow_path,
    closest,
    comma_path,
    did_you_mean,
    reference_hint,
    unknown_id_hint,
)
from needmap.personas.schema import (
    DEFAULT_PHASE_IDS,
    Family,
    Need,
    Persona,
    RoadmapPhase,
    TargetGroup,
    default_phase_elsewhere,
    is_id,
)
from needmap.personas.study import RenamedKind, Renames, rename_command
from needmap.personas.yamlsource import Node, YamlDocument, format_key

__all__ = [
    "EarlyDecision",
    "Placed",
    "Unchecked",
    "check_references",
    "decided_too_early",
    "dependencies_first",
    "dependencies_of",
    "highest_below",
    "renamed_ids",
]

T = TypeVar("T", bound=BaseModel)


class _InFile:
    """Where an item stands: its file and its path in it."""

    __slots__ = ()
    document: YamlDocument
    path: Node

    def at(self, *subpath: str | int, key: bool = False) -> Location:
        return self.document.source.locate((*self.path, *subpath), key=key)

    def key(self, *subpath: str | int) -> str:
        return format_key((*self.path, *subpath))

    def written_id(self) -> str | None:
        """The item's id as written, if it is one."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Placed(_InFile, Generic[T]):
    """A validated item and where it stands in its file."""

    item: T
    document: YamlDocument
    path: Node

    def written_id(self) -> str:
        return str(getattr(self.item, "id"))  # noqa: B009 - every definition has an id


@dataclass(frozen=True, slots=True)
class Unchecked(_InFile):
    """An item that failed its schema, as written. Its references are checked all the same,
    so that a need with a misspelt kind has its unknown group reported in the same run."""

    data: Mapping[str, Any]
    document: YamlDocument
    path: Node

    def get(self, field: str) -> Any:
        return self.data.get(field)

    def written_id(self) -> str | None:
        value = self.data.get("id")
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class Definitions:
    families: Sequence[Placed[Family]]
    groups: Sequence[Placed[TargetGroup]]
    needs: Sequence[Placed[Need]]
    personas: Sequence[Placed[Persona]]
    phases: Sequence[Placed[RoadmapPhase]]
    unchecked: Mapping[str, Sequence[Unchecked]]
    """Per kind, the items that failed validation but are mappings: their references are
    checked too."""
    written: Mapping[str, Sequence[Placed[Any] | Unchecked]]
    """Per kind, every item as read, validated or not, in reading order: an id is
    reported twice even when the first of the two failed its schema."""
    unread: frozenset[str] = frozenset()
    """The kinds of which some items could not be read: in a file that could not be read
    at all (every kind), under a key that is not a list, or in a list under a misspelt key
    (``group:``). Their ids are unknown, so references to them are not reported as dangling
    (they would only echo that file's problem)."""

    def known(self, kind: str) -> Collection[str]:
        """The ids of ``kind`` that references may name: those of every item as written, so
        that a reference to an item that failed its schema is not reported again; all ids
        when some items of the kind could not be read."""
        ids = (i for item in self.written[kind] if (i := item.written_id()))
        return _Known(ids, complete=kind not in self.unread)


_NOUNS = {"families": "family", "groups": "group", "needs": "need"}
"""The kinds that other items refer to, and what one of each is called in messages."""


def check_references(
    defs: Definitions,
    *,
    warn: bool,
    root: Path,
    renames: Sequence[Renames] = (),
) -> list[Problem]:
    """All cross-file problems of a study's definitions; warnings too when ``warn``.

    Callers pass ``warn=False`` when files already failed to load: warnings such as "no need
    mentions this group" would then only echo the items that could not be read. With
    ``renames`` (of :func:`renamed_ids`), a reference to a group or need that looks renamed
    by hand gets the command that finishes the rename in its hint; so does an unknown phase
    that is spelled like none of the roadmap's (with ``root``, the study's folder).
    """
    problems: list[Problem] = []
    for kind, noun in {**_NOUNS, "personas": "persona"}.items():
        _duplicates(defs.written[kind], noun, problems)
    _duplicates(defs.phases, "roadmap phase", problems)
    groups = _first_of_each(defs.groups)
    needs = _first_of_each(defs.needs)
    known = {noun: defs.known(kind) for kind, noun in _NOUNS.items()}
    # a study.yaml that could not be read has no phases to check against
    known["phase"] = _Known((p.item.id for p in defs.phases), complete=bool(defs.phases))
    hints = {_NOUNS[r.kind]: r.hint for r in renames}
    called = {  # what people write for an id: the group's name, the need's title
        "group": {fold_text(g.item.name): gid for gid, g in groups.items()},
        "need": {fold_text(n.item.title): nid for nid, n in needs.items()},
        "phase": {fold_text(p.item.name): p.item.id for p in defs.phases},
    }

    def unknown(ref: str, noun: str) -> str:
        if noun == "phase":
            return _unknown_phase_hint(ref, defs.phases, root, renamed_phases.get(ref))
        hint = unknown_id_hint(ref, noun, known[noun])
        return hints[noun](ref, hint) if noun in hints else hint

    references = [
        (where, get, subpath, ref, noun)
        for kind in ("groups", "needs", "personas")
        for where, get in _written(defs, kind)
        for subpath, ref, noun in _references(kind, get)
    ]
    renamed_phases = _renamed_phase(
        [p.item.id for p in defs.phases], [ref for *_, ref, noun in references if noun == "phase"]
    )
    for where, get, subpath, ref, noun in references:
        if subpath[0] == "depends_on" and ref == get("id"):
            problems.append(
                Problem(
                    where.at(*subpath),
                    f"need '{ref}' depends on itself",
                    key=where.key(*subpath),
                    hint="remove it from depends_on",
                )
            )
        elif ref not in known[noun]:
            meant = called.get(noun, {}).get(fold_text(str(ref)))
            hint = reference_hint(str(ref), noun, meant, unknown(ref, noun), known[noun])
            if hint is None:
                continue
            if noun == "phase" and meant is not None and is_id(ref):
                command = rename_command(root, ref, meant, "phases")
                hint += f"; if the phase was renamed, change every need decided for it: {command}"
            problems.append(
                Problem(
                    where.at(*subpath, key=subpath[0] == "groups"),
                    f"unknown {noun} '{ref}'",
                    key=where.key(*subpath),
                    hint=hint,
                )
            )
    cycles = _cycles(needs)
    problems.extend(cycles)
    if not cycles:
        problems.extend(_decided_before_dependencies(needs, [p.item.id for p in defs.phases]))
    if warn and not problems:
        problems.extend(_warnings(defs, groups, needs))
    return problems


def _written(defs: Definitions, kind: str) -> Iterator[tuple[_InFile, Callable[[str], Any]]]:
    """Every item of ``kind`` with a reader of its fields: validated items, then those that
    failed their schema (as written)."""
    for placed in getattr(defs, kind):
        yield placed, partial(getattr, placed.item)
    for item in defs.unchecked.get(kind, ()):
        yield item, item.get


def renamed_ids(defs: Definitions, kind: RenamedKind) -> dict[str, str]:
    """Unknown group (or need) ids that look like one renamed by hand: old id -> new id.

    Renaming a group where it is defined leaves every reference to the old id dangling and
    the new id referred to by no need or persona. So the new id is the group closest in
    spelling to the unknown one, if nothing refers to it; or, when none is close, the one
    group nothing refers to, if one id is unknown. A need is looked for by spelling only:
    most needs are named by no other need or persona (the evidence files name them), so
    that one need is named by nothing says little."""
    noun = _NOUNS[kind]
    refs = [
        ref
        for referrer in ("needs", "personas")
        for _, get in _written(defs, referrer)
        for _, ref, named in _references(referrer, get)
        if named == noun
    ]
    defined = [i for item in defs.written[kind] if (i := item.written_id())]
    known = defs.known(kind)
    named = set(refs)
    unknown = [r for r in dict.fromkeys(refs) if r not in known]
    free = [d for d in dict.fromkeys(defined) if d not in named]
    renamed: dict[str, str] = {}
    for old in unknown:
        meant = closest(old, defined)
        if meant is None and kind == "groups" and len(unknown) == 1 and len(free) == 1:
            meant = free[0]
        if meant in free:
            renamed[old] = meant
            free.remove(meant)
    return renamed


def _references(kind: str, get: Callable[[str], Any]) -> Iterator[tuple[Node, str, str]]:
    """The ids an item of ``kind`` refers to: where (its path in the item), the id, and the
    kind of thing it names. ``get`` reads a field, of a validated item or as written (so
    anything that is not an id where one belongs is passed over: the schema reports it)."""
    if kind == "groups":
        family = get("family")
        if isinstance(family, str):
            yield ("family",), family, "family"
    elif kind == "needs":
        groups = get("groups")
        for group_id in groups if isinstance(groups, Mapping) else ():
            if isinstance(group_id, str):
                yield ("groups", group_id), group_id, "group"
        yield from _ids_in(get("depends_on"), "depends_on", "need")
        phase = get("phase")
        if isinstance(phase, str):
            yield ("phase",), phase, "phase"
    else:
        group = get("group")
        if isinstance(group, str):
            yield ("group",), group, "group"
        yield from _ids_in(get("needs"), "needs", "need")


def _ids_in(value: Any, field: str, noun: str) -> Iterator[tuple[Node, str, str]]:
    for i, ref in enumerate(value if isinstance(value, list) else ()):
        if isinstance(ref, str):
            yield (field, i), ref, noun


class _Known(frozenset[str]):
    """Defined ids; when not all of them could be read, every id counts as known."""

    complete: bool

    def __new__(cls, ids: Iterable[str], *, complete: bool) -> _Known:
        known = super().__new__(cls, ids)
        known.complete = complete
        return known

    def __contains__(self, item: object) -> bool:
        return not self.complete or super().__contains__(item)


def _first_of_each(items: Iterable[Placed[T]]) -> dict[str, Placed[T]]:
    """Items by id; of two with one id (reported by :func:`_duplicates`), the first."""
    seen: dict[str, Placed[T]] = {}
    for placed in items:
        seen.setdefault(placed.written_id(), placed)
    return seen


def _duplicates(items: Iterable[_InFile], noun: str, problems: list[Problem]) -> None:
    seen: dict[str, _InFile] = {}
    for placed in items:
        item_id = placed.written_id()
        if item_id is None:
            continue
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
                                "dependency cycle: " + arrow_path(cycle, "need"),
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


def _renamed_phase(phases: Sequence[str], refs: Sequence[str]) -> dict[str, str]:
    """The phase id the decisions name that looks renamed by hand in study.yaml: old id ->
    new id. Renaming a phase there leaves every decision for it naming the old id, and the
    new id named by none; so when one id the decisions name is unknown and one phase is
    named by none (leaving out those called as the default phases are, which a study keeps
    as they are and seldom decides a need for, such as 'later'), that phase is the one."""
    unknown = set(refs) - set(phases)
    free = [p for p in phases if p not in refs and p not in DEFAULT_PHASE_IDS]
    if len(unknown) == 1 and len(free) == 1:
        return {unknown.pop(): free[0]}
    return {}


def _unknown_phase_hint(
    ref: str, phases: Sequence[Placed[RoadmapPhase]], root: Path, renamed_to: str | None
) -> str:
    """A need's ``phase`` names no phase of the roadmap: the one meant, or those there are
    and, as a phase renamed in study.yaml leaves its decisions naming the old id, the
    command that changes them all: with the new id when one phase looks renamed
    (:func:`_renamed_phase`)."""
    ids = [p.item.id for p in phases]
    meant = did_you_mean(ref, ids)
    if meant:
        return meant
    same = [i for i in default_phase_elsewhere(ref) if i in ids]
    if same:
        return f"did you mean '{same[0]}'? That is '{ref}' in the study's language"
    if renamed_to is not None:
        command = rename_command(root, ref, renamed_to, "phases")
        return (
            f"no need is decided for phase '{renamed_to}': if it is '{ref}' renamed, change "
            f"every need decided for it at once: {command}"
        )
    hint = "write the id of one of the roadmap's phases (roadmap.phases in study.yaml): "
    hint += ", ".join(ids)
    command = rename_command(root, ref, "NEW-ID", "phases")
    return f"{hint}; or, if the phase was renamed, change every need decided for it: {command}"


def _decided_before_dependencies(
    needs: Mapping[str, Placed[Need]], phases: Sequence[str]
) -> list[Problem]:
    """Each need decided for a phase before the phase decided for a need it depends on
    (:func:`decided_too_early`), told at the earlier decision."""
    items = {need_id: placed.item for need_id, placed in needs.items()}
    return [
        Problem(
            needs[early.need].at("phase"),
            early.message,
            key=needs[early.need].key("phase"),
            hint=early.hint,
        )
        for early in decided_too_early(items, phases)
    ]


@dataclass(frozen=True, slots=True)
class EarlyDecision:
    """A need decided for a phase before the phase decided for a need it depends on: no
    plan can deliver both as decided."""

    need: str
    phase: str
    dependency: str
    later: str
    """The phase decided for ``dependency``, after ``phase``."""
    through: tuple[str, ...]
    """The needs between the two, when ``need`` depends on ``dependency`` through them."""

    @property
    def message(self) -> str:
        via = f" (through {comma_path(self.through, 'need')})" if self.through else ""
        return (
            f"need '{self.need}' is decided for phase '{self.phase}', before "
            f"'{self.dependency}' it depends on{via}, decided for '{self.later}'"
        )

    @property
    def hint(self) -> str:
        return (
            f"decide '{self.need}' for '{self.later}' or later, or '{self.dependency}' for "
            f"'{self.phase}' or earlier"
        )


def decided_too_early(needs: Mapping[str, Need], phases: Sequence[str]) -> Iterator[EarlyDecision]:
    """Each need decided for a phase (``phase``) before the phase decided for a need it
    depends on, even through needs in between; once per pair. ``phases`` are the ids of
    the roadmap's phases, in order. A walk goes down only where a later decision lies
    below (:func:`highest_below`): a chain of a thousand needs, each decided, walked from
    each need took seconds."""
    index = {phase: i for i, phase in enumerate(phases)}

    def decided_at(need: Need) -> float:
        return index.get(need.phase or "", -1)

    below = highest_below(needs, decided_at)
    for need_id, need in needs.items():
        decided = index.get(need.phase or "")
        if decided is None or below[need_id] <= decided:
            continue
        reached = dependencies_of(need_id, needs, partial(_above, below, decided))
        for dependency in reached:
            later = needs[dependency].phase
            if later in index and index[later] > decided:
                through = _trail(need_id, dependency, reached)
                yield EarlyDecision(need_id, phases[decided], dependency, later, through)


def _above(highest: Mapping[str, float], value: float, need_id: str) -> bool:
    return highest[need_id] > value


def highest_below(needs: Mapping[str, Need], value: Callable[[Need], float]) -> dict[str, float]:
    """need id -> the highest ``value`` of the needs it depends on, directly or not (-1
    for none); infinite for a need in a cycle of dependencies or depending on one, where
    nothing can be ruled out. Each need once, its dependencies first."""
    highest = dict.fromkeys(needs, math.inf)
    for need_id in dependencies_first(list(needs), lambda n: needs[n].depends_on):
        highest[need_id] = max(
            (max(value(needs[d]), highest[d]) for d in needs[need_id].depends_on if d in needs),
            default=-1,
        )
    return highest


def dependencies_first(ids: Sequence[str], depends_on: Callable[[str], Iterable[str]]) -> list[str]:
    """``ids`` with each moved after its dependencies among them: at each step the first
    in ``ids`` whose dependencies have all come. A heap of the ready ones' places makes
    that a pick rather than a scan of those still to come, which was quadratic when the
    order runs against a long chain of dependencies. An id in a cycle of dependencies, or
    depending on one, never comes."""
    place = {need_id: n for n, need_id in enumerate(ids)}
    waiting = [0] * len(ids)
    dependents: list[list[int]] = [[] for _ in ids]
    for n, need_id in enumerate(ids):
        for dependency in set(depends_on(need_id)) & place.keys():
            waiting[n] += 1
            dependents[place[dependency]].append(n)
    ready = [n for n, count in enumerate(waiting) if count == 0]  # ascending: a heap
    arranged = []
    while ready:
        n = heapq.heappop(ready)
        arranged.append(ids[n])
        for dependent in dependents[n]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(ready, dependent)
    return arranged


def dependencies_of(
    need_id: str, needs: Mapping[str, Need], into: Callable[[str], bool] | None = None
) -> dict[str, str]:
    """Every need that ``need_id`` depends on, directly or not, nearest first, each with
    the need it was reached from (``need_id`` for a direct dependency; :func:`_trail` gives
    the needs in between). With ``into``, the walk goes on below a need only where it says
    so, though the need itself is reached."""
    reached: dict[str, str] = {}
    waiting = deque([need_id])
    while waiting:
        current = waiting.popleft()
        for dependency in needs[current].depends_on:
            if dependency in needs and dependency != need_id and dependency not in reached:
                reached[dependency] = current
                if into is None or into(dependency):
                    waiting.append(dependency)
    return reached


def _trail(need_id: str, dependency: str, reached: Mapping[str, str]) -> tuple[str, ...]:
    """The needs between ``need_id`` and ``dependency`` on the walk that reached it."""
    trail = []
    current = reached[dependency]
    while current != need_id:
        trail.append(current)
        current = reached[current]
    return tuple(reversed(trail))


def _warnings(
    defs: Definitions, groups: Mapping[str, Placed[TargetGroup]], needs: Mapping[str, Placed[Need]]
) -> list[Problem]:
    """Needs of no group, groups of no need, families of no group, personas of no key
    need, and key needs that do not list their persona's group. Asked only when the
    definitions have no problem, so every reference resolves."""
    problems = []
    in_use = {group.item.family for group in groups.values()}
    for family in defs.families:
        if family.item.id not in in_use:
            problems.append(
                Problem(
                    family.at("id"),
                    f"no group is in family '{family.item.id}', so no diagram or table by "
                    "family shows it",
                    key=family.key(),
                    hint=f"give the groups that belong to it 'family: {family.item.id}', or "
                    "remove the family",
                    severity=Severity.WARNING,
                )
            )
    mentioned: set[str] = set()
    for need in defs.needs:
        mentioned.update(need.item.groups)
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
    for group_id, group in groups.items():
        if group_id not in mentioned:
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
        if not persona.item.needs:
            problems.append(
                Problem(
                    persona.at("id"),
                    f"persona '{persona.item.id}' names no key needs, so its page shows "
                    "none of its needs or their evidence",
                    key=persona.key(),
                    hint="list under 'needs:' the ids of the needs that matter most to them "
                    "(needmap needs list shows the ids)",
                    severity=Severity.WARNING,
                )
            )
        for i, need_id in enumerate(persona.item.needs):
            if persona.item.group not in needs[need_id].item.groups:
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
