"""An export's headings: the codes LimeSurvey writes in them, and what to say when the
header lacks a column that a survey mapping or a command's option names.

The import (:mod:`needmap.surveys.layouts`) and the draft of a mapping
(:mod:`needmap.surveys.draft`) report a missing column alike: what was looked for, and a
hint that names the likely heading or lists the header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from needmap.errors import Location, Problem
from needmap.personas.messages import did_you_mean

__all__ = ["header_list", "heading_code", "missing_column", "missing_question", "subquestion"]

_CODE_HEADING = re.compile(r"([A-Za-z]\w*(?:\[[^\[\]]+\])?)(?:[^\w\[].*)?", re.DOTALL)
_SUBQUESTION = re.compile(r"(.+)\[(.+)\]")
_LAST_BRACKETS = re.compile(r".*\[([^\[\]]+)\]\s*", re.DOTALL)
_HEADINGS_SHOWN = 12
"""Headings a hint lists; it counts the rest (an export can have a hundred columns)."""


def heading_code(heading: str) -> str | None:
    """The code a heading starts with, as LimeSurvey writes headings when exported with
    "Question code & question text": ``G02Q02[SQ001]. Which tasks? [Book leave]`` starts
    with ``G02Q02[SQ001]``; a code-only heading is its own code."""
    match = _CODE_HEADING.fullmatch(heading.strip())
    return match.group(1) if match else None


def subquestion(heading: str) -> tuple[str, str, str] | None:
    """A LimeSurvey subquestion column's question code, subquestion code and label.

    Exported with "Question code" headings (``G02Q02[SQ001]``) the label is not in the
    export, and the code stands in for it; with "Question code & question text" the label
    is the last ``[…]`` (``G02Q02[SQ001]. Which tasks? [Book leave]``). A full-text
    heading (``Which tasks? [Book leave]``) is read as question and code, without the space
    between them."""
    code = heading_code(heading)
    if code is not None and code.endswith("]"):
        question, sub = code[:-1].split("[", 1)
        label = _LAST_BRACKETS.fullmatch(heading.strip()[len(code) :])
        return question, sub, label.group(1).strip() if label else sub
    match = _SUBQUESTION.fullmatch(heading)
    return (match.group(1).strip(), match.group(2), match.group(2)) if match else None


def header_list(header: Sequence[str]) -> str:
    """The header's first headings, quoted, and how many more it has."""
    shown = ", ".join(f"'{h}'" for h in header[:_HEADINGS_SHOWN])
    more = len(header) - _HEADINGS_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def missing_column(path: Path, header: Sequence[str], heading: str, what: str) -> Problem:
    """No column ``heading`` (``what`` says what it holds, or the option that named it)."""
    return Problem(
        Location(path, 1),
        f"no column '{heading}' ({what}) in the header",
        hint=did_you_mean(heading.strip(), header, ignore_case=True)
        or "the header has: " + header_list(header),
    )


def missing_question(path: Path, header: Sequence[str], question: str, what: str) -> Problem:
    """No column of the LimeSurvey question ``question`` at all: one problem, not one
    per task, since one code is wrong; the hint names the questions the header has."""
    questions = sorted({sub[0] for heading in header if (sub := subquestion(heading))})
    return Problem(
        Location(path, 1),
        f"no columns '{question.strip()}[…]' ({what}) in the header",
        hint=did_you_mean(question.strip(), questions, ignore_case=True)
        or "questions with subquestions in the header: " + (", ".join(questions) or "none"),
    )
