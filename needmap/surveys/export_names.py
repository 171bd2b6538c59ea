"""The exports one pattern names (``search-terms-*-2026.csv``): in the order of their
months, and each called by what its name adds to the pattern.

Monthly exports are named as their tool or their consultant likes: ``2026-01``, ``jan``,
``mei-2026``. Sorted by name, ``april`` comes before ``januari`` and ``10`` before ``2``;
a table with a column per month must read from the first month to the last, so names are
sorted by the year and the month they hold, then by their numbers as numbers.
"""

from __future__ import annotations

import re
from itertools import groupby
from pathlib import PurePath

from needmap.personas.written_dates import MONTHS

__all__ = ["export_label", "export_order"]

_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def export_order(name: PurePath) -> tuple[int, int, tuple[tuple[int, int, str], ...]]:
    """A sort key for an export's path: first the year it holds (``q4-2025`` before
    ``q1-2026``), then the month it names (``mei-2026``, ``2025-december``), then its
    parts, numbers by value (``2`` before ``10``) and before words."""
    tokens = _TOKENS.findall(name.as_posix().lower())
    year = next((int(t) for t in tokens if _YEAR.fullmatch(t)), 0)
    month = next((MONTHS[t] for t in tokens if t in MONTHS), 0)
    parts = tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in tokens)
    return year, month, parts


def export_label(pattern: str, name: PurePath) -> str:
    """What an export's path (relative to the folder of the pattern) has where the pattern
    has ``*``, ``?`` or ``[…]``: ``mei`` of ``zoektermen-mei-2026.csv`` by
    ``zoektermen-*-2026.csv``; the name without its suffix where that is nothing. The
    suffixes are left out of both first, so that ``terms-*.*`` (CSV and workbook exports
    alike) and ``terms-*`` call ``terms-may.xlsx`` ``may``."""
    path = name.as_posix()
    tried = ((_without_suffix(pattern), path.removesuffix(name.suffix)), (pattern, path))
    for flags in (re.DOTALL, re.DOTALL | re.IGNORECASE):  # a file system may ignore case
        for glob, text in tried:
            found = re.fullmatch(_as_regex(glob), text, flags)
            if found is not None:
                return " ".join(part for part in found.groups() if part) or name.stem
    return name.stem


def _without_suffix(pattern: str) -> str:
    """``pattern`` without the suffix of its last part (``.csv``, ``.*``), if any."""
    suffix = PurePath(pattern).suffix
    return pattern.removesuffix(suffix) if suffix else pattern


def _as_regex(pattern: str) -> str:
    """The glob ``pattern`` as a regular expression with a group for each run of wildcards
    (``?*`` is one: what it matches is one part of the name)."""
    runs: list[tuple[bool, str]] = []
    """(whether a wildcard, its regular expression), in the pattern's order."""
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char == "*":
            runs.append((True, ".*"))  # ** (any folders) too
        elif char == "?":
            runs.append((True, "[^/]"))
        elif char == "[" and (end := pattern.find("]", at + 2)) != -1:
            inside = pattern[at + 1 : end]
            negated = inside.startswith("!")
            inside = re.escape(inside[1:] if negated else inside).replace("\\-", "-")
            runs.append((True, f"[{'^' if negated else ''}{inside}]"))
            at = end
        else:
            runs.append((False, re.escape(char)))
        at += 1
    return "".join(
        f"({''.join(r for _, r in run)})" if wild else "".join(r for _, r in run)
        for wild, run in ((w, list(g)) for w, g in groupby(runs, key=lambda r: r[0]))
    )
