"""Control characters and characters one cannot see, in text that comes from outside.

Text needmap reads from exports and logs (a search term a visitor typed, a cell of a survey
export, a quote in an interview sheet) may hold control characters: an escape sequence that
recolours or clears the terminal it is printed in, the vertical tab Word writes for a line
break, a NUL byte. None of them means anything in a report, a workbook refuses most of them
(openpyxl will not save one), and a terminal obeys them. :func:`without_controls` takes
them out before such text is counted or shown.

A problem message quotes what it found, and there a character one cannot see (a zero-width
or no-break space pasted from Word or Teams, a tab) is often the very reason two texts that
look alike differ; :func:`visible` names each such character (``<U+200B>``) instead.
Where such texts are matched (an export's answer with the mapping's, a name typed or
copied into a command line with the study's), :func:`fold_text` compares them as a reader
would: one cannot tell them apart.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CONTROLS", "fold_text", "unshowable", "visible", "without_accents", "without_controls"]

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
"""The C0 and C1 control characters and DEL: what a workbook refuses and a terminal
obeys. Not tab, line feed and carriage return, nor the next-line character (U+0085),
which YAML reads as a line break as it does U+2028: text may hold them as white space."""


_LINE_BREAKS = {0x0B: "\n", 0x0C: "\n"}
"""Controls that stand for a line break: the vertical tab Word writes for Shift+Enter, and
the form feed."""
_TAKEN_OUT = {code: _LINE_BREAKS.get(code) for code in range(0xA0) if CONTROLS.fullmatch(chr(code))}


def without_controls(text: str) -> str:
    """``text`` without :data:`CONTROLS`; those that stand for a line break become one."""
    return text if text.isprintable() else text.translate(_TAKEN_OUT)


_TYPED_PLAIN = str.maketrans(
    dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u2032", "'")
    | dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"')
    | dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-")
    | {"\u2026": "..."}
)
"""Curly quotes, dashes and the ellipsis as typed on a keyboard: Word (and Outlook, and
a Mac) turns a straight quote into a curly one, a hyphen between spaces into a dash and
three points into an ellipsis as one types, so an option written in Word and pasted
into the form tool differs from the same option typed into the mapping."""


def fold_text(text: str) -> str:
    """``text`` as it is compared with another that a reader cannot tell it from: without
    case, control characters or characters that print as nothing (a zero-width space, a
    soft hyphen), with its white space as one plain space, its accented letters composed
    and its curly quotes and dashes plain (:data:`_TYPED_PLAIN`). A form tool or Excel
    may write a no-break space where the mapping has a space, an option or a name copied
    from Word or a PDF may keep a zero-width space or a soft hyphen, and text copied on a
    Mac may write ``é`` as ``e`` and an accent."""
    text = without_controls(text)
    if not text.isprintable():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if not text.isascii():  # é as one character or as e and an accent (as macOS writes it)
        text = unicodedata.normalize("NFC", text).translate(_TYPED_PLAIN)
    return " ".join(text.split()).casefold()


_LATIN_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d"}
    | {"Æ": "Ae", "Œ": "Oe", "Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D"}
)
"""Latin letters that Unicode does not take apart into a letter and an accent, as the
letters they are read as."""


def without_accents(text: str) -> str:
    """``text`` with plain letters for accented ones (é as e), and for the Latin letters
    that Unicode does not take apart as a letter and an accent (ł as l, ø as o, æ as ae):
    "Zgłoś usterkę" is "Zglos usterke". For ids made from text, and for text compared or
    sorted as a reader would, who sees the same word."""
    if text.isascii():
        return text
    plain = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
    return "".join(c for c in plain if not unicodedata.combining(c))


def visible(text: str) -> str:
    """``text`` with each character that prints as nothing or as a plain space, but for a
    space and a line break, written as its code point: ``'office<U+00A0>staff'``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else f"<U+{ord(c):04X}>" for c in text)


_SURROGATES = re.compile("[\ud800-\udfff]")
"""Half of a character: what Python makes of a byte on the command line that is not
UTF-8, or what a YAML escape such as ``"\\ud800"`` writes. No file can hold one."""


def unshowable(text: str) -> str | None:
    """What is wrong with ``text`` that holds a control character or half a character, as
    a message's end (``holds the control character <U+001B>, which …``); None for text
    without one. The YAML reader and the commands that write a name into a study's file
    say it alike."""
    control = CONTROLS.search(text)
    if control is not None:
        return (
            f"holds the control character {visible(control.group())}, "
            "which no report or workbook can show"
        )
    half = _SURROGATES.search(text)
    if half is not None:
        return (
            f"holds {visible(half.group())}, half of a character, which no file can hold "
            "(a byte that is not UTF-8, or an escape that writes it)"
        )
    return None
