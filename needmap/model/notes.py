"""Remarks on results that reports show in the study's language.

The model decides *that* something needs saying (a group without a headcount, respondents
outside the target groups); the reports say it, in Dutch or English, with the words of
:mod:`needmap.reports.i18n`. So a note holds a key and the values to fill in, not text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Note"]


@dataclass(frozen=True)
class Note:
    key: str
    """The key of its words in :mod:`needmap.reports.i18n`, e.g. ``note.outside``."""
    values: Mapping[str, str] = field(default_factory=dict)
    """What fills the words' ``{placeholders}``: group ids, counts already formatted."""
