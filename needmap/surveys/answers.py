"""How a LimeSurvey export writes a task that was chosen, and one that was not: codes
(``Y`` and empty) or full answers, in English or Dutch, compared without case or spaces;
and how any answer is compared with the mapping's (:func:`fold_answer`)."""

from __future__ import annotations

import unicodedata

from needmap.controls import without_controls

__all__ = ["CHOSEN", "NOT_CHOSEN", "fold_answer"]

CHOSEN = frozenset({"y", "yes", "ja", "1", "x"})
NOT_CHOSEN = frozenset({"", "n", "no", "nee", "0", "not selected", "niet geselecteerd"})


def fold_answer(text: str) -> str:
    """An answer (a group, a task's label) as it is compared: without case, control
    characters or characters that print as nothing (a zero-width space, a soft hyphen),
    and with its white space as one plain space and its accented letters composed. A form
    tool or Excel may write a no-break space where the mapping has a space, or keep a
    zero-width space pasted into an option, and text copied on a Mac may write ``é`` as
    ``e`` and an accent: a reader cannot tell the two texts apart. A mapping holds no
    control character (:mod:`needmap.controls`), while an export may."""
    text = without_controls(text)
    if not text.isprintable():
        text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    if not text.isascii():  # é as one character or as e and an accent (as macOS writes it)
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split()).casefold()
