"""Dates with the month's name, in Dutch and English, as sheets show and people type them."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needmap.personas.written_dates import month_named


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("7 dec 2026", "2026-12-07"),
        ("07-Dec-26", "2026-12-07"),
        ("07/Dec/2026", "2026-12-07"),
        ("7 december 2026", "2026-12-07"),
        ("zondag 6 december 2026", "2026-12-06"),
        ("zo 6 dec. 2026", "2026-12-06"),
        ("Sunday, December 6, 2026", "2026-12-06"),
        ("Dec 6 2026", "2026-12-06"),
        ("1 mei 2026", "2026-05-01"),
        ("1 May 2026", "2026-05-01"),
        ("3 mrt 2026", "2026-03-03"),
        ("3 okt 2026", "2026-10-03"),
        ("3 sept 2026", "2026-09-03"),
        ("  3 JUNI 2026 ", "2026-06-03"),
    ],
)
def test_a_date_with_the_month_s_name(text: str, date: str) -> None:
    assert month_named(text) == date


@pytest.mark.parametrize(
    "text",
    ["", "7 2026", "dec 2026", "7 dec", "7 decem 2026", "2026-12-07", "7 dec 202", "vandaag"],
)
def test_other_text_is_no_date(text: str) -> None:
    assert month_named(text) is None


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)))
def test_every_day_reads_back_as_excel_and_python_write_it(day: datetime.date) -> None:
    """English as ``strftime`` writes it in the C locale, each way a sheet shows it."""
    for form in ("%d %b %Y", "%d-%b-%y", "%A, %B %d, %Y", "%a %d %B %Y", "%b %d %Y", "%d/%b/%Y"):
        assert month_named(day.strftime(form)) == day.isoformat()
