"""needmap.controls: what text from outside keeps, how a message shows it, and which texts
compare as the same (a reader could not tell them apart)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needmap.controls import (
    CONTROLS,
    fold_text,
    unshowable,
    visible,
    without_accents,
    without_controls,
)

_UNSEEN = ["\u200b", "\u00ad", "\u200d", "\ufeff"]
"""Characters that print as nothing: zero-width space, soft hyphen, zero-width joiner, BOM."""
_SPACES = [" ", "\u00a0", "\t", "  ", "\u2009", "\u3000"]

_texts = st.text(st.characters(codec="utf-8"), max_size=40)


@st.composite
def _look_alike(draw: st.DrawFn) -> tuple[str, str]:
    """A text of words and one a reader could not tell from it: other spaces between and
    around the words, characters that print as nothing inside them, accented letters
    decomposed, control characters, ASCII letters in the other case."""
    words = draw(
        st.lists(
            st.text(
                st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F),
                min_size=1,
                max_size=8,
            ),
            min_size=1,
            max_size=5,
        )
    )
    text = " ".join(words)
    pieces = []
    for word in words:
        letters = []
        for c in word:
            if c.isascii() and draw(st.booleans()):
                c = c.swapcase()
            letters.append(c + draw(st.sampled_from(["", "", *_UNSEEN, "\x07", "\x1b"])))
        pieces.append("".join(letters))
    spaced = draw(st.sampled_from(_SPACES)).join(pieces)
    twin = draw(st.sampled_from(["", *_SPACES])) + spaced + draw(st.sampled_from(["", *_SPACES]))
    return text, unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), twin)


@given(_look_alike())
def test_texts_a_reader_cannot_tell_apart_fold_alike(pair: tuple[str, str]) -> None:
    text, twin = pair
    assert fold_text(twin) == fold_text(text)


@given(_texts)
def test_a_folded_text_is_plain(text: str) -> None:
    """No control character, nothing that prints as nothing, single spaces only, no case:
    folding it again changes nothing."""
    folded = fold_text(text)
    assert CONTROLS.search(folded) is None
    assert all(unicodedata.category(c) != "Cf" for c in folded)
    assert folded == " ".join(folded.split())
    assert fold_text(folded) == folded


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Straße", "STRASSE"),  # case folded, not only lowered
        ("Beleids\u00admedewerkers", "beleidsmedewerkers"),
        ("Caf\u00e9\u00a0menu", "cafe\u0301 MENU "),
        ("Field\vstaff\x1b", "field staff"),
        ("Foto\u2019s \u2013 \u201cdelen\u201d\u2026", 'Foto\'s - "delen"...'),  # typed in Word
    ],
)
def test_texts_that_read_alike_fold_alike(one: str, other: str) -> None:
    assert fold_text(one) == fold_text(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Field staff", "Field-staff"),
        ("Café", "Cafe"),
        ("Baliemedewerkers", "Balie medewerkers"),
    ],
)
def test_texts_that_read_differently_stay_apart(one: str, other: str) -> None:
    assert fold_text(one) != fold_text(other)


@given(_texts)
def test_without_controls_keeps_all_else(text: str) -> None:
    kept = without_controls(text)
    assert CONTROLS.search(kept) is None
    assert kept == "".join("\n" if c in "\v\f" else "" if CONTROLS.match(c) else c for c in text)


def test_a_vertical_tab_and_a_form_feed_become_line_breaks() -> None:
    assert without_controls("one\vtwo\fthree\x1b[31m") == "one\ntwo\nthree[31m"


@given(_texts)
def test_visible_text_prints_each_character(text: str) -> None:
    shown = visible(text)
    assert all(c.isprintable() or c == "\n" for c in shown)
    assert shown.replace("\n", "") == "".join(
        c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text if c != "\n"
    )


def test_unshowable_names_the_first_control_character() -> None:
    assert unshowable("plain text\u00a0with a no-break space") is None
    assert unshowable("a\x07b\x1b") == (
        "holds the control character <U+0007>, which no report or workbook can show"
    )
    assert unshowable("Kantoor\udcff") == (
        "holds <U+DCFF>, half of a character, which no file can hold (a byte that is not "
        "UTF-8, or an escape that writes it)"
    )
    assert unshowable("\U0001f600 \u200b") is None  # a whole character, and one unseen


@given(_texts)
def test_a_text_without_accents_has_no_accent_nor_letter_unicode_keeps_whole(text: str) -> None:
    plain = without_accents(text)
    assert not any(unicodedata.combining(c) for c in plain)
    assert not set(plain) & set("łŁøØæÆœŒđĐðÐ")
    assert without_accents(plain) == plain
    if text.isascii():
        assert plain == text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Zgłoś usterkę", "Zglos usterke"),
        ("Ærø", "Aero"),
        ("Œuvre", "Oeuvre"),
        ("Đakovo", "Dakovo"),
    ],
)
def test_letters_unicode_keeps_whole_are_read_as_plain_letters(text: str, plain: str) -> None:
    assert without_accents(text) == plain
