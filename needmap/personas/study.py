"""The loaded study: validated settings and definitions, and where each was defined."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from needmap.controls import fold_text
from needmap.errors import Location, Problem
from needmap.personas.messages import (
    closest,
    did_you_mean,
    ids_listed,
    name_hint,
    reference_hint,
    spelling_edits,
    unknown_id_hint,
)
from needmap.personas.schema import (
    Family,
    Language,
    Need,
    Persona,
    StudySettings,
    TargetGroup,
)
from needmap.scrub import name_words
from needmap.shell import command_word

__all__ = [
    "RenamedKind",
    "Renames",
    "Study",
    "StudyIds",
    "WrittenIds",
    "rename_command",
    "unknown_reference",
]


_Item = TypeVar("_Item")

RenamedKind = Literal["groups", "needs"]
"""The kinds of item whose ids ``needmap groups rename`` and ``needs rename`` change."""


_SLIP_EDITS = 2
"""Letters wrong, left out, added or swapped in an id that make a slip of the keys, not a
rename (:meth:`Renames.hint`)."""


@dataclass(frozen=True)
class Renames:
    """Ids of groups or needs that look renamed by hand where they are defined (old id ->
    new id), so that each reference still naming the old id gets the command that changes
    them all. Found by :func:`needmap.personas.references.renamed_ids`."""

    root: Path
    """The study's folder, for the command."""
    kind: RenamedKind
    new_ids: Mapping[str, str] = field(default_factory=dict)

    def hint(self, ref: str, hint: str, close: str | None = None) -> str:
        """The hint for an unknown id ``ref``: ``hint`` as it is, unless ``ref`` looks
        renamed; then ``hint`` if it is "did you mean" the new id, or why the new id is
        meant, with the command that finishes the rename.

        A need is named in more files than a group (the evidence files name it, where
        :func:`~needmap.personas.references.renamed_ids` does not look), and its new id is
        often far from the old one; so an unknown need gets the command too: with
        ``close``, the id spelled like it, as the new id when more than a slip of the keys
        tells them apart ('calamiteiten' made 'calamiteiten-bhv'); with the new id to fill
        in when none is close. A slip ('serch') is mended where it stands."""
        noun = self.kind[:-1]
        new = self.new_ids.get(ref)
        if new is None and self.kind == "needs" and close is not None:
            new = close if spelling_edits(ref, close) > _SLIP_EDITS else None
        if new is None:
            if self.kind == "needs" and not hint.startswith("did you mean"):
                command = rename_command(self.root, ref, "NEW-ID", self.kind)
                return f"{hint}; or, if the need was renamed, change every reference: {command}"
            return hint
        if hint == did_you_mean(ref, [new]):
            lead = f"{hint} If it is '{ref}' renamed"
        else:
            lead = f"no need or persona refers to {noun} '{new}': if it is '{ref}' renamed"
        command = rename_command(self.root, ref, new, self.kind)
        return f"{lead}, change every reference at once: {command}"


def rename_command(
    root: Path, old: str, new: str, kind: RenamedKind | Literal["phases"] = "groups"
) -> str:
    """The command that renames group (need, roadmap phase) ``old`` to ``new``, or finishes
    that rename."""
    return f"needmap {kind} rename {command_word(root)} {command_word(old)} {new}"


@dataclass(frozen=True)
class Study:
    """Everything a study folder defines, checked and cross-referenced.

    Built by :func:`needmap.load_study`; the computations in ``needmap.model`` take it as input
    and never touch files themselves.
    """

    root: Path
    settings: StudySettings
    families: tuple[Family, ...] = ()
    groups: tuple[TargetGroup, ...] = ()
    needs: tuple[Need, ...] = ()
    personas: tuple[Persona, ...] = ()
    origins: Mapping[tuple[str, str], Location] = field(default_factory=dict)
    """Where each item is defined: ``("needs", "smoelenboek") -> needs.yaml:12:5``."""
    warnings: tuple[Problem, ...] = ()

    @cached_property
    def group_by_id(self) -> Mapping[str, TargetGroup]:
        return {g.id: g for g in self.groups}

    @property
    def group_renames(self) -> Renames:
        """No group: a group renamed by hand leaves references that keep a study from loading."""
        return Renames(self.root, "groups")

    @property
    def need_renames(self) -> Renames:
        """No need that the definitions name (they would keep the study from loading); an
        unknown need in an evidence file still gets the command with the new id to fill in."""
        return Renames(self.root, "needs")

    @cached_property
    def need_by_id(self) -> Mapping[str, Need]:
        return {n.id: n for n in self.needs}

    def id_called(self, noun: str, text: str) -> str | None:
        """The id of the group whose name, or the need whose title, ``text`` is (in any
        case): what people write where an id belongs."""
        called = (
            {g.name: g.id for g in self.groups}
            if noun == "group"
            else {n.title: n.id for n in self.needs}
        )
        wanted = fold_text(text)
        return next((i for name, i in called.items() if fold_text(name) == wanted), None)

    @cached_property
    def family_by_id(self) -> Mapping[str, Family]:
        return {f.id: f for f in self.families}

    @cached_property
    def persona_names(self) -> frozenset[str]:
        """The words of the personas' names: made up, so persona texts show them where
        other first names are scrubbed."""
        return name_words(p.name for p in self.personas)

    @cached_property
    def own_names(self) -> frozenset[str]:
        """The words of the organisation's name: no person's, though a firm may be named
        after a family (``Van Dijk`` of Van Dijk Installatietechniek), so the study's texts
        show them where other surnames are scrubbed."""
        return name_words([self.settings.organisation])

    @cached_property
    def persona_by_id(self) -> Mapping[str, Persona]:
        return {p.id: p for p in self.personas}

    def group_named(self, text: str) -> TargetGroup | None:
        """The group a command's group argument names (see :func:`_named`)."""
        return _named(text, self.group_by_id, lambda group: group.name)

    def persona_named(self, text: str) -> Persona | None:
        """The persona a command's persona option names (see :func:`_named`)."""
        return _named(text, self.persona_by_id, lambda persona: persona.name)

    def need_named(self, text: str) -> Need | None:
        """The need a command's need argument names, by id or title (see :func:`_named`)."""
        return _named(text, self.need_by_id, lambda need: need.title)

    def unknown_group(self, text: str) -> Problem:
        """The problem for a group argument that names no group (see :meth:`group_named`):
        a family, a persona or a need named instead is told as such."""
        listed = "use a group's id, as in groups.yaml, or its name: " + ids_listed(
            [g.id for g in self.groups]
        )
        persona = self.persona_named(text)
        return Problem(
            Location(self.root),
            f"the study has no group '{text}'",
            hint=self.family_hint(text)
            or (f"'{text}' is a persona, of group '{persona.group}'" if persona else "")
            or (f"'{text}' is a need; {listed}" if self.need_named(text) else "")
            or name_hint(text, {g.id: g.name for g in self.groups})
            or listed,
        )

    def family_hint(self, text: str) -> str:
        """For ``text`` given where a group belongs: if it names a family (by id or name, as
        :func:`_named` compares), that it is one, with the ids of its groups; else an
        empty string. The circles of the diagram by family are what a reader may name."""
        family = _named(text, self.family_by_id, lambda family: family.name)
        if family is None:
            return ""
        groups = [g.id for g in self.groups if g.family == family.id]
        return f"'{text}' is a family ({family.name}); its groups are: " + ", ".join(groups)

    def in_language(self, language: Language) -> Study:
        """The same study with its reports in ``language`` (``needmap ... --language``)."""
        return replace(self, settings=self.settings.in_language(language))

    def summary(self) -> dict[str, int]:
        """Counts shown after a successful validation."""
        return {
            "families": len(self.families),
            "groups": len(self.groups),
            "needs": len(self.needs),
            "personas": len(self.personas),
        }


def _named(text: str, by_id: Mapping[str, _Item], name: Callable[[_Item], str]) -> _Item | None:
    """The item with id ``text``; else the one whose name, or else whose id, is ``text`` as
    :func:`~needmap.controls.fold_text` compares them: in any case, and with what one cannot
    see aside (an id is lowercase). A name is often copied into the command line from a
    report, and a PDF's soft hyphen or a no-break space comes with it."""
    if text in by_id:
        return by_id[text]
    wanted = fold_text(text)
    named = next((item for item in by_id.values() if fold_text(name(item)) == wanted), None)
    return by_id.get(wanted) if named is None else named


class StudyIds(Protocol):
    """What the checks of a study's evidence files (survey mappings, interviews, search
    logs) need of it: its folder, and which group and need ids it defines.

    A :class:`Study` is one. So is :class:`WrittenIds`, with which ``validate`` checks those
    files in the same run as definitions that still have errors.
    """

    @property
    def root(self) -> Path: ...

    @property
    def group_by_id(self) -> Collection[str]: ...

    @property
    def need_by_id(self) -> Collection[str]: ...

    @property
    def group_renames(self) -> Renames: ...

    @property
    def need_renames(self) -> Renames: ...

    @property
    def own_names(self) -> Collection[str]: ...

    def id_called(self, noun: str, text: str) -> str | None: ...


@dataclass(frozen=True)
class WrittenIds:
    """The ids a study's definition files give, valid or not (see :class:`StudyIds`).

    An id whose item failed its schema still counts as defined, so a misspelt kind in a need
    does not also make every survey task that names the need an error. When a file could not
    be read at all, every id counts as defined: which ones it holds is not known.
    """

    root: Path
    group_by_id: Collection[str]
    need_by_id: Collection[str]
    group_renames: Renames
    need_renames: Renames
    own_names: Collection[str] = frozenset()
    """The words of the organisation's name, when the study file could be read."""

    def id_called(self, noun: str, text: str) -> str | None:
        """None: with definitions that do not load, names are not looked up."""
        return None


def unknown_reference(
    study: StudyIds,
    noun: Literal["group", "need"],
    ref: object,
    where: Location,
    key: str,
    *,
    also: str = "",
) -> Problem | None:
    """The problem for a reference in an evidence file (an interview, a survey mapping, a
    search log) to a group or need the study does not define, with a hint to the id meant
    (:func:`~needmap.personas.messages.reference_hint`); None for a defined id, for what is
    not text, and for text that is no id and names nothing (its schema error says so).
    ``also`` names one more thing that may stand there, such as ``~``."""
    known = study.group_by_id if noun == "group" else study.need_by_id
    if not isinstance(ref, str) or ref in known:
        return None
    renames = study.group_renames if noun == "group" else study.need_renames
    otherwise = renames.hint(ref, unknown_id_hint(ref, noun, known, also=also), closest(ref, known))
    hint = reference_hint(ref, noun, study.id_called(noun, ref), otherwise, known)
    return None if hint is None else Problem(where, f"unknown {noun} '{ref}'", key=key, hint=hint)
