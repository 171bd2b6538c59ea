"""The order and names of the exports one pattern matches (a log's monthly exports)."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given
from hypothesis import strategies as st

from needmap.surveys.export_names import export_label, export_order

_EN = "january february march april may june july august september october november december"
_NL = "januari februari maart april mei juni juli augustus september oktober november december"
_ABBREVIATED = "jan feb mrt apr mei jun jul aug sep okt nov dec"


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=lambda name: export_order(PurePath(name)))


def test_months_by_name_sort_by_year_then_month() -> None:
    names = ["zoektermen-mei-2026.csv", "zoektermen-april-2026.csv", "zoektermen-dec-2025.csv"]
    assert _sorted(names) == [
        "zoektermen-dec-2025.csv",
        "zoektermen-april-2026.csv",
        "zoektermen-mei-2026.csv",
    ]


def test_numbers_sort_by_value_and_words_alone_by_name() -> None:
    assert _sorted(["t-2026-10.csv", "t-2026-2.csv", "t-2026-1.csv"]) == [
        "t-2026-1.csv",
        "t-2026-2.csv",
        "t-2026-10.csv",
    ]
    assert _sorted(["shop.csv", "intranet.csv"]) == ["intranet.csv", "shop.csv"]
    assert _sorted(["terms-q1-2026.csv", "terms-q4-2025.csv"]) == [
        "terms-q4-2025.csv",
        "terms-q1-2026.csv",
    ]
    assert _sorted(["terms-final.csv", "terms-2.csv"]) == ["terms-2.csv", "terms-final.csv"]
    assert _sorted(["2026-03/terms.csv", "2025-12/terms.csv"]) == [
        "2025-12/terms.csv",
        "2026-03/terms.csv",
    ]


@given(
    st.lists(
        st.tuples(
            st.integers(2015, 2035), st.integers(1, 12), st.sampled_from((_EN, _NL, _ABBREVIATED))
        ),
        min_size=1,
        max_size=24,
        unique_by=lambda month: month[:2],
    ),
    st.booleans(),
)
def test_named_months_of_any_years_sort_as_dates(
    months: list[tuple[int, int, str]], year_first: bool
) -> None:
    names = {
        (
            f"terms_{year}_{words.split()[month - 1]}.csv"
            if year_first
            else f"Terms {words.split()[month - 1].title()} {year}.xlsx"
        ): (year, month)
        for year, month, words in months
    }
    assert [names[name] for name in _sorted(list(names))] == sorted(names.values())


def test_a_label_is_what_the_name_adds_to_the_pattern() -> None:
    def label(pattern: str, name: str) -> str:
        return export_label(pattern, PurePath(name))

    assert label("zoektermen-*-2026.csv", "zoektermen-mei-2026.csv") == "mei"
    assert label("zoektermen-*.csv", "zoektermen-mei-2026.csv") == "mei-2026"
    assert label("t-2026-?*.csv", "t-2026-10.csv") == "10"  # a run of wildcards is one part
    assert label("t-[0-9]*.csv", "t-2026-1.csv") == "2026-1"
    assert label("t-[!a-c]*.csv", "t-2026-1.csv") == "2026-1"
    assert label("t-[!2]*.csv", "t-!x.csv") == "!x"  # ! negates, and is no character
    assert label("t-[]x]*.csv", "t-]a.csv") == "]a"  # ] first in [] is one
    assert label("terms-[0-9][0-9].csv", "terms-10.csv") == "10"
    assert label("terms-??.csv", "terms-10.csv") == "10"
    assert label("terms-[ab].csv", "terms-a.csv") == "a"
    assert label("t-[x*.csv", "t-[xy.csv") == "y"  # a [ never closed is a [
    assert label("terms-[a.]?.csv", "terms-.x.csv") == ".x"
    assert label("*-terms-*.csv", "shop-terms-may.csv") == "shop may"
    assert label("*/terms.csv", "2026-03/terms.csv") == "2026-03"
    assert label("Terms-*.CSV", "terms-may.csv") == "may"  # a file system that ignores case
    assert label("terms*.csv", "terms.csv") == "terms"  # nothing added: the name
    assert label("terms-*.*", "terms-may.xlsx") == "may"  # the suffix is none of it
    assert label("terms-*", "terms-may.csv") == "may"
    assert label("terms-*.2026.csv", "terms-may.2026.csv") == "may"


@given(st.text(st.characters(codec="utf-8", exclude_characters="/*?[]\\\x00"), min_size=1))
def test_any_text_in_the_place_of_the_wildcard_is_the_label(added: str) -> None:
    assert export_label("terms-*.csv", PurePath(f"terms-{added}.csv")) == added
