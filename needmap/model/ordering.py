"""The order in which a reader files titles and labels: needs in their tables, top tasks of
equal share. One key for every list, so that no two reports sort the same names apart."""

from __future__ import annotations

import re

from needmap.controls import without_accents

__all__ = ["reading_order"]

_DIGITS = re.compile(r"(\d+)")


def reading_order(text: str) -> tuple[str | int, ...]:
    """A sort key that files text as a person would: "Fase 2" before "Fase 10", and "Één
    loket" with the e's rather than after "Zoeken" (plain code-point order puts accented
    letters after z, and compares numbers digit by digit)."""
    plain = without_accents(text).casefold()
    parts = _DIGITS.split(plain)
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))
