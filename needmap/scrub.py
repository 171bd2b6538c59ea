"""Take personal data out of free text before needmap shows it.

Survey exports hold what respondents typed, and personas quote what interviewees said.
needmap quotes export text in problem messages (an unknown answer, a choice that matches no
task), which end up in terminals, CI logs and tickets, so it is also shortened there; persona
reports show the consultant's text whole. In both, e-mail addresses, phone numbers, IBANs and
long digit runs (citizen service and account numbers) are replaced by a label.
Names cannot be recognised reliably; shortening limits how much of them can show.

Libraries that find personal data (scrubadub, presidio) bring machine-learning stacks and
language models for English; for quoting a cell in a message, these patterns do.
"""

from __future__ import annotations

import re

__all__ = ["scrub"]

_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"), "[IBAN]"),
    (re.compile(r"(?<![\w+])(?:\+|00)\d{2}[\s-]?(?:\(0\))?(?:[\s-]?\d){7,10}\b"), "[phone]"),
    (re.compile(r"(?<![\w+])0\d{1,3}[\s-]?(?:\d[\s-]?){6,8}\d\b"), "[phone]"),
    (re.compile(r"\b\d{8,}\b"), "[number]"),
)


def scrub(text: str, limit: int | None = 80) -> str:
    """``text`` without the personal data above, cut to ``limit`` characters (None: whole)."""
    for pattern, label in _PATTERNS:
        text = pattern.sub(label, text)
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
