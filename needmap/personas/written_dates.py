"""Dates written out with the month's name, in Dutch or English: "7 dec 2026", "7-Dec-26",
"maandag 7 december 2026", "Monday, December 7, 2026", "07/Dec/2026".

A sheet of interview notes saved as CSV keeps each date cell as Excel showed it, and a
date typed into a cell formatted as text stays as typed; both are as often written with the
month's name as with its number. Only whole dates are read: a day, a month and a year.
"""

from __future__ import annotations

import re

__all__ = ["MONTHS", "month_named"]

MONTHS = {
    **dict.fromkeys(("januari", "january", "jan"), 1),
    **dict.fromkeys(("februari", "february", "feb"), 2),
    **dict.fromkeys(("maart", "march", "mrt", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("augustus", "august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
"""A month's name or abbreviation, Dutch or English, in lower case -> its number."""
_WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_FIRST = re.compile(
    rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?(\d{{1,2}})[\s./-]*({_MONTH})\.?[\s,/-]*(\d{{4}}|\d{{2}})",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"(?:(?:{_WEEKDAYS})\.?,?\s+)?({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE
)


def month_named(text: str) -> str | None:
    """``text`` as YYYY-MM-DD where it is a date with the month's name; None for any other
    text. A two-digit year is of this century. Whether the day exists is not checked."""
    day_first = _DAY_FIRST.fullmatch(text.strip())
    if day_first is not None:
        day, month, year = day_first.groups()
    else:
        month_first = _MONTH_FIRST.fullmatch(text.strip())
        if month_first is None:
            return None
        month, day, year = month_first.groups()
    century = 2000 if len(year) == 2 else 0
    return f"{int(year) + century}-{MONTHS[month.casefold()]:02}-{int(day):02}"
