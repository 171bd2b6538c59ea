"""Colour-blind-safe colours, the same for a group (or family) in every picture of a study.

Groups take Paul Tol's "muted" scheme, families the Okabe-Ito scheme (without its blue, which
marks the "all groups" region); both are designed to stay distinguishable with the common
forms of colour blindness. A unit's colour depends only on its
position in the study, never on which subset is drawn. A study with more groups (or
families) than its scheme has colours goes round it again in darker shades (:data:`SHADES`),
so that up to three times as many keep a colour of their own.
"""

from __future__ import annotations

from needmap.model.units import Unit

__all__ = ["FAMILY_COLOURS", "GROUP_COLOURS", "HIGHLIGHT", "INK", "MUTED", "SHADES", "colour_of"]

GROUP_COLOURS = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
    "#882255", "#44AA99", "#999933", "#AA4499",
)  # fmt: skip
FAMILY_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#F0E442", "#999999")
HIGHLIGHT = "#0072B2"
"""Marks the "all groups" region; no group or family has this colour."""
INK = "#222222"
MUTED = "#C8C8C8"


SHADES = (0.0, 0.3, 0.55)
"""Each round through a scheme: its colours as they are, then 30% and 55% of the way to
black. A hue seen twice differs in lightness, which colour-blind eyes see too. Not lighter:
matplotlib-venn mixes an overlap's colour as 0.7 x (sum of the circles' colours), so two
light tints make a white overlap that reads as outside every circle."""


def colour_of(unit: Unit) -> str:
    """The colour of a circle, from its kind and its position in the study."""
    palette = FAMILY_COLOURS if unit.kind == "family" else GROUP_COLOURS
    base = palette[unit.palette_index % len(palette)]
    shade = SHADES[unit.palette_index // len(palette) % len(SHADES)]
    return _darkened(base, shade) if shade else base


def _darkened(colour: str, amount: float) -> str:
    """``colour`` moved ``amount`` of the way to black."""
    from matplotlib.colors import to_hex, to_rgb

    red, green, blue = (c * (1 - amount) for c in to_rgb(colour))
    return to_hex((red, green, blue)).upper()
