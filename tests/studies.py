"""Studies built in memory, for model tests that need no files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from needmap.personas.schema import (
    Family,
    Need,
    PlatformSettings,
    StudySettings,
    TargetGroup,
)
from needmap.personas.study import Study


def make_study(
    groups: Mapping[str, int | None],
    needs: Mapping[str, Mapping[str, str]],
    *,
    families: Mapping[str, list[str]] | None = None,
    platform: Mapping[str, Any] | None = None,
    language: str = "en",
) -> Study:
    """``groups``: id -> headcount; ``needs``: id -> {group: importance}; kinds cycle."""
    family_of = {g: f for f, members in (families or {}).items() for g in members}
    kinds = ("content", "function", "technology")
    return Study(
        root=Path(),
        settings=StudySettings.model_validate(
            {
                "name": "Test study",
                "organisation": "Test org",
                "language": language,
                "platform": PlatformSettings.model_validate(platform or {}),
            }
        ),
        families=tuple(Family(id=f, name=f.upper()) for f in (families or {})),
        groups=tuple(
            TargetGroup(id=g, name=g.upper(), headcount=h, family=family_of.get(g))
            for g, h in groups.items()
        ),
        needs=tuple(
            Need.model_validate(
                {"id": n, "title": f"Need {n}", "kind": kinds[i % 3], "groups": dict(by_group)}
            )
            for i, (n, by_group) in enumerate(needs.items())
        ),
    )
