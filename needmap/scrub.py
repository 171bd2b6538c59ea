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

__all__ = ["personal_data", "scrub"]

_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "e-mail"),
    (re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"), "IBAN"),
    (re.compile(r"(?<![\w+])(?:\+|00)\d{2}[\s-]?(?:\(0\))?(?:[\s-]?\d){7,10}\b"), "phone"),
    (re.compile(r"(?<![\w+])0\d{1,3}[\s-]?(?:\d[\s-]?){6,8}\d\b"), "phone"),
    (re.compile(r"\b\d{8,}\b"), "number"),
)
"""Each kind of personal data, in the order they are looked for: an e-mail address first,
so that its digits are not also taken for a phone number."""

_LABELS = {
    "en": {"e-mail": "[e-mail]", "IBAN": "[IBAN]", "phone": "[phone]", "number": "[number]"},
    "nl": {"e-mail": "[e-mail]", "IBAN": "[IBAN]", "phone": "[telefoon]", "number": "[nummer]"},
}
"""What stands in the text for each kind, in a report's language."""

_DESCRIBED = {
    "e-mail": "an e-mail address",
    "IBAN": "an IBAN",
    "phone": "a phone number",
    "number": "a long number (a citizen service or account number?)",
}


def scrub(text: str, limit: int | None = 80, *, language: str = "en") -> str:
    """``text`` without the personal data above, cut to ``limit`` characters (None: whole).

    ``language`` is the study's (``nl`` or ``en``) for text in its reports and JSON; problem
    messages, in English, keep the English labels."""
    labels = _LABELS.get(language, _LABELS["en"])
    for pattern, kind in _PATTERNS:
        text = pattern.sub(labels[kind], text)
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def personal_data(text: str) -> list[str]:
    """What personal data ``text`` holds, described ("a phone number"), each kind once, in
    the order :func:`scrub` looks for them: for a warning that the file itself keeps it."""
    found: list[str] = []
    for pattern, kind in _PATTERNS:
        text, count = pattern.subn(" ", text)
        if count and _DESCRIBED[kind] not in found:
            found.append(_DESCRIBED[kind])
    return found
