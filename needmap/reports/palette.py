"""Colour-blind-safe colours, the same for a group (or family) in every picture of a study.

Groups take Paul Tol's "muted" scheme, families the Okabe-Ito scheme (without its blue, which
marks the "all groups" region); both are designed to stay distinguishable with the common
forms of colour blindness. A unit's colour depends only on its
position in the study, never on which subset is drawn.
"""

from __future__ import annotations

from needmap.model.units import Unit

__all__ = ["FAMILY_COLOURS", "GROUP_COLOURS", "HIGHLIGHT", "INK", "MUTED", "colour_of"]

GROUP_COLOURS = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
    "#882255", "#44AA99", "#999933", "#AA4499",
)  # fmt: skip
FAMILY_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#F0E442", "#999999")
HIGHLIGHT = "#0072B2"
"""Marks the "all groups" region; no group or family has this colour."""
INK = "#222222"
MUTED = "#C8C8C8"


def colour_of(unit: Unit) -> str:
    """The colour of a circle, from its kind and its position in the study."""
    palette = FAMILY_COLOURS if unit.kind == "family" else GROUP_COLOURS
    return palette[unit.palette_index % len(palette)]
