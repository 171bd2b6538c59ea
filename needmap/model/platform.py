"""Recommend the form of the digital workplace from how much demand the groups share.

Article 000 names three forms: one universal platform, a landscape (palette) of applications,
or a hybrid. The rule here is deliberately simple and shown with its numbers, so a steering
group can check it: a need is *shared* when at least ``shared_from`` of the chosen units need it
(and at least two; with one unit, everything is shared); the share of weighted demand that
shared needs carry decides the form against two thresholds from ``study.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from needmap.model.overlap import Overlap
from needmap.personas.schema import PlatformSettings

__all__ = ["PlatformAdvice", "PlatformForm", "recommend_platform", "shared_threshold"]

PlatformForm = Literal["universal", "hybrid", "landscape"]


@dataclass(frozen=True, slots=True)
class PlatformAdvice:
    """The recommended form, the numbers behind it, and where each need belongs."""

    form: PlatformForm
    shared_share: float
    """Share of the weighted demand carried by shared needs (0-1)."""
    shared_min_units: int
    """How many units must need a need for it to count as shared (after capping)."""
    universal_from: float
    landscape_below: float
    shared_needs: tuple[str, ...]
    """Needs for the shared core platform."""
    specific_needs: tuple[str, ...]
    """Needs for group-specific tools or channels."""


def shared_threshold(units: int, shared_from: float) -> int:
    """How many of ``units`` must need a need for it to count as shared: at least two,
    never more than there are (so with one unit, its every need is shared)."""
    return min(units, max(2, math.ceil(shared_from * units - 1e-9)))


def recommend_platform(overlap: Overlap, settings: PlatformSettings) -> PlatformAdvice:
    """Apply the platform rule to ``overlap``."""
    k = shared_threshold(len(overlap.units), settings.shared_from)
    shared = tuple(n for r in overlap.regions if r.degree >= k for n in r.needs)
    specific = tuple(n for r in overlap.regions if r.degree < k for n in r.needs)
    total = overlap.total_demand
    share = sum(overlap.demand[n] for n in shared) / total if total else 0.0
    form: PlatformForm
    if share >= settings.universal_from:
        form = "universal"
    elif share < settings.landscape_below:
        form = "landscape"
    else:
        form = "hybrid"
    return PlatformAdvice(
        form=form,
        shared_share=share,
        shared_min_units=k,
        universal_from=settings.universal_from,
        landscape_below=settings.landscape_below,
        shared_needs=shared,
        specific_needs=specific,
    )
