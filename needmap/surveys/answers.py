"""How a LimeSurvey export writes a task that was chosen, and one that was not: codes
(``Y`` and empty) or full answers, in English or Dutch, compared without case or spaces;
and how any answer is compared with the mapping's (:func:`fold_answer`)."""

from __future__ import annotations

from needmap.controls import without_controls

__all__ = ["CHOSEN", "NOT_CHOSEN", "fold_answer"]

CHOSEN = frozenset({"y", "yes", "ja", "1", "x"})
NOT_CHOSEN = frozenset({"", "n", "no", "nee", "0", "not selected", "niet geselecteerd"})


def fold_answer(text: str) -> str:
    """An answer (a group, a task's label) as it is compared: without case or control
    characters, and with its white space as one plain space. A form tool or Excel may write
    a no-break space where the mapping has a space, and a reader cannot tell the two apart;
    a mapping holds no control character (:mod:`needmap.controls`), while an export may."""
    return " ".join(without_controls(text).split()).casefold()
