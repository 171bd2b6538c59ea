"""The loaded study: validated settings and definitions, and where each was defined."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from needmap.errors import Location, Problem
from needmap.personas.schema import (
    Family,
    Language,
    Need,
    Persona,
    StudySettings,
    TargetGroup,
)

__all__ = ["Study"]


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

    @cached_property
    def need_by_id(self) -> Mapping[str, Need]:
        return {n.id: n for n in self.needs}

    @cached_property
    def family_by_id(self) -> Mapping[str, Family]:
        return {f.id: f for f in self.families}

    @cached_property
    def persona_by_id(self) -> Mapping[str, Persona]:
        return {p.id: p for p in self.personas}

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
