"""Take personal data out of free text before needmap shows it.

Survey exports hold what respondents typed, and personas quote what interviewees said.
needmap quotes export text in problem messages (an unknown answer, a choice that matches no
task), which end up in terminals, CI logs and tickets, so it is also shortened there; persona
reports show the consultant's text whole. In both, e-mail addresses (also written
``name(at)domain``), phone numbers, IBANs (in any case), long digit runs and citizen service
numbers written in groups (``123.456.782``), Dutch postcodes, street addresses and names
after a title (``mevrouw Jansen``, ``Mr Smith``) are replaced by a label. Other names cannot
be recognised reliably; shortening limits how much of them can show.

Libraries that find personal data (scrubadub, presidio) bring machine-learning stacks and
language models for English; for quoting a cell in a message, these patterns do.
"""

from __future__ import annotations

import re

__all__ = ["personal_data", "scrub"]

_NOT_POSTCODES = "SA|SD|SS|AI|BV|CV|EU|HR|ID|IT|NL|NV|OK|PC|PR|QA|TV|UK|US|VS"
"""Letter pairs after four digits that are not a postcode: the three PostNL never gives out,
and abbreviations that follow a year or a number in a sentence ("2026 IT", "1500 EU")."""

_CAPITALISED = r"[^\W\d_a-zß-ÿ][\w'\u2019-]*"
"""A word that starts with a capital (any script's: ``Ümit``, ``O'Brien``)."""

_PATTERNS = (
    (re.compile(r"(?<![\w.+-])[\w.+-]++(?:@|\s?[(\[]at[)\]]\s?)[\w-]++(?:\.[\w-]++)++"), "e-mail"),
    (
        re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE),
        "IBAN",
    ),
    (re.compile(r"(?<![\w+])(?:\+|00)\d{2}[\s-]?(?:\(0\))?(?:[\s-]?\d){7,10}\b"), "phone"),
    (
        re.compile(r"(?<![\w+(])(?:0\d{1,3}|\(0\d{1,3}\))(?: ?- ?| )?(?:\d[\s-]?){6,8}\d\b"),
        "phone",
    ),
    (re.compile(r"\b\d{8,}\b"), "number"),
    (
        re.compile(
            r"(?<![\w.,])(?:\d{3}([. ])\d{3}\1\d{3}|\d{4}([. ])\d{2}\2\d{3})(?![\w]|[.,]\d)"
        ),
        "number",
    ),
    (
        re.compile(
            r"\b[A-Z][a-zà-ÿ'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|"
            r"markt|hof)\s\d{1,4}(?:[ -]?[a-zA-Z]\b|-\d{1,3}\b)?"
            r"|\b\d{1,4}[a-zA-Z]?\s(?:[A-Z][a-z]+\s){1,2}(?:Street|Road|Lane|Avenue|Drive)\b"
        ),
        "address",
    ),
    (re.compile(rf"\b[1-9]\d{{3}} ?(?!{_NOT_POSTCODES})[A-Z]{{2}}\b"), "postcode"),
    (
        re.compile(
            r"(?<![\w.])(?:(?:[Mm]eneer|[Mm]evrouw|[Mm]evr\.?|[Mm]w\.|[Dd]hr\.?|[Dd]e heer|[Mm]r\.?"
            r"|Mrs\.?|Ms\.?|Miss|[Dd]r\.?|[Dd]rs\.?|[Ii]r\.?|[Pp]rof\.?) ){1,4}"
            r"(?:[A-Z]\.\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|'t|von|le|la) )*"
            rf"{_CAPITALISED}(?: {_CAPITALISED})?"
        ),
        "name",
    ),
)
"""Each kind of personal data, in the order they are looked for: an e-mail address first,
so that its digits are not also taken for a phone number. Each pattern takes time in
proportion to the text: an e-mail address is looked for only where a word starts, its parts
never given back (``++``), and a name takes four titles at most, so that a long text without
spaces or of titles does not take minutes. An IBAN counts only with at least
ten digits (every country's has more), so that "room AB12 with many people" is left alone."""

_IBAN_DIGITS = 10

_LABELS = {
    "en": {
        "e-mail": "[e-mail]",
        "IBAN": "[IBAN]",
        "phone": "[phone]",
        "number": "[number]",
        "address": "[address]",
        "postcode": "[postcode]",
        "name": "[name]",
    },
    "nl": {
        "e-mail": "[e-mail]",
        "IBAN": "[IBAN]",
        "phone": "[telefoon]",
        "number": "[nummer]",
        "address": "[adres]",
        "postcode": "[postcode]",
        "name": "[naam]",
    },
}
"""What stands in the text for each kind, in a report's language."""

_DESCRIBED = {
    "e-mail": "an e-mail address",
    "IBAN": "an IBAN",
    "phone": "a phone number",
    "number": "a long number (a citizen service or account number?)",
    "address": "a street address",
    "postcode": "a postcode",
    "name": "a name after a title (mevrouw, Mr)",
}


def _is_personal(kind: str, found: str) -> bool:
    """Whether a match of ``kind``'s pattern is that kind of data: an IBAN needs its digits."""
    return kind != "IBAN" or sum(c.isdigit() for c in found) >= _IBAN_DIGITS


def _replace(pattern: re.Pattern[str], kind: str, text: str, label: str) -> tuple[str, bool]:
    """``text`` with each of ``kind``'s data that ``pattern`` finds put as ``label``, and
    whether there was any."""
    found = False

    def replaced(match: re.Match[str]) -> str:
        nonlocal found
        if not _is_personal(kind, match[0]):
            return match[0]
        found = True
        return label

    return pattern.sub(replaced, text), found


def scrub(text: str, limit: int | None = 80, *, language: str = "en") -> str:
    """``text`` without the personal data above, cut to ``limit`` characters (None: whole).

    ``language`` is the study's (``nl`` or ``en``) for text in its reports and JSON; problem
    messages, in English, keep the English labels."""
    labels = _LABELS.get(language, _LABELS["en"])
    for pattern, kind in _PATTERNS:
        text, _ = _replace(pattern, kind, text, labels[kind])
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def personal_data(text: str) -> list[str]:
    """What personal data ``text`` holds, described ("a phone number"), each kind once, in
    the order :func:`scrub` looks for them: for a warning that the file itself keeps it."""
    found: list[str] = []
    for pattern, kind in _PATTERNS:
        text, holds = _replace(pattern, kind, text, " ")
        if holds and _DESCRIBED[kind] not in found:
            found.append(_DESCRIBED[kind])
    return found
