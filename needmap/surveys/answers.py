"""How a LimeSurvey export writes a task that was chosen, and one that was not: codes
(``Y`` and empty) or full answers, in English or Dutch, compared without case or spaces.
Any other answer is compared with the mapping's as :func:`needmap.controls.fold_text` folds
it."""

from __future__ import annotations

import re

__all__ = ["ANSWER_CODE", "CHOSEN", "NOT_CHOSEN"]

CHOSEN = frozenset({"y", "yes", "ja", "1", "x"})
NOT_CHOSEN = frozenset({"", "n", "no", "nee", "0", "not selected", "niet geselecteerd"})

ANSWER_CODE = re.compile(r"[A-Za-z]{0,3}\d+")
"""An answer as a code (``AO01``, ``A3``), as LimeSurvey exports with "Answer codes": two
codes a digit apart are two answers, not one misspelt, and no group's name resembles one."""
