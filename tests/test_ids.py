"""Ids made from what people write: a survey's file name, an interview sheet's name, a
group's name given where its id belongs (``needmap.personas.schema.id_from``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needmap.personas.schema import id_from, is_id


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Café & Catering", 63, "cafe-catering"),
        ("Top taken 2026 (def)", 40, "top-taken-2026-def"),
        ("top_taken", 63, "top_taken"),  # an id stays as it is
        ("front--desk", 63, "front--desk"),  # as written, though no name would make it
        ("a--" + "b" * 60, 63, "a--" + "b" * 60),  # at the limit too
        ("  Beleids\u00admedewerkers  ", 63, "beleids-medewerkers"),
        ("-x_", 63, "x"),
        ("Teamleiders en afdelingshoofden", 20, "teamleiders-en-afdel"),
        ("Teamleiders en afdelingshoofden", 12, "teamleiders"),  # no '-' left at the end
        ("a" * 64, 63, "a" * 63),  # too long to be an id
        ("!?", 63, ""),
        ("Ærø Straße", 63, "aero-strasse"),  # letters Unicode does not take apart
        ("Отдел", 63, ""),  # no Latin letter: the caller names it otherwise
    ],
)
def test_an_id_from_text(text: str, limit: int, expected: str) -> None:
    assert id_from(text, limit) == expected


@given(st.text(max_size=80), st.integers(min_value=1, max_value=63))
def test_an_id_from_any_text_is_an_id_within_the_limit_or_empty(text: str, limit: int) -> None:
    made = id_from(text, limit)
    assert made == "" or (is_id(made) and len(made) <= limit)
    assert id_from(made, limit) == made
