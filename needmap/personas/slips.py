"""Warnings for slips that load without an error but show wrong in every report.

- A text split at its comma: in a list written in brackets, YAML ends an item at every
  comma, so ``frustrations: [No signal in the basement, and the drawing is on the server]``
  holds two frustrations, the second starting "and the drawing". A persona's lists of
  goals, frustrations and quotes are written this way, and sentences hold commas.
- An id named twice in one list (a persona's key needs, a need's ``depends_on``; a survey
  task's needs and an interview quote's, checked where those files are read): the persona
  report would show the need twice, a task's votes would count twice for it. The schemas
  keep the first of the two.
- Two groups, families, needs or personas with one name (a group copied to make another,
  its id changed and its name not): every report shows two columns, circles or rows that
  no reader can tell apart; a report command given the name finds the first, and a
  command that rewrites files (``groups``, ``needs``) needs the id. Names are compared as a
  reader sees them (:func:`~needmap.controls.fold_text`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from needmap.controls import fold_text
from needmap.errors import Problem, Severity
from needmap.personas.references import Definitions, Placed
from needmap.personas.yamlsource import Node, YamlDocument, format_key

__all__ = ["named_twice", "slips"]

PERSONA_LISTS = ("goals", "frustrations", "scenarios", "devices", "places", "quotes")
"""A persona's lists of texts, often written in brackets on one line."""

# fmt: off
_GOING_ON = frozenset([
    "and", "or", "but", "so", "then", "because", "which", "who", "while", "whereas",
    "though", "although", "yet", "nor",
    "en", "of", "maar", "dus", "want", "omdat", "terwijl", "die", "dat", "waardoor",
    "zodat", "hoewel", "noch",
])
# fmt: on
"""Words that carry a sentence on after its comma, in English and Dutch."""

_LONG = 4
"""Words that make an item in lower case a clause rather than a name ('smartphone')."""


def slips(definitions: Definitions) -> list[Problem]:
    """The warnings of this module for the study's definitions, by file and line."""
    problems: list[Problem] = []
    for persona in definitions.personas:
        for field in PERSONA_LISTS:
            problems += _split_texts(persona.document, (*persona.path, field))
        problems += named_twice(persona.document, (*persona.path, "needs"), "need")
    for need in definitions.needs:
        problems += named_twice(need.document, (*need.path, "depends_on"), "need")
    problems += _named_alike(definitions.families, "family", "name")
    problems += _named_alike(definitions.groups, "group", "name")
    problems += _named_alike(definitions.needs, "need", "title")
    problems += _named_alike(definitions.personas, "persona", "name")
    return sorted(problems, key=lambda p: (str(p.location.path), p.location.line or 0))


def _named_alike(items: Sequence[Placed[Any]], noun: str, field: str) -> Iterator[Problem]:
    """Each item whose ``field`` (its name or title) reads as an earlier item's."""
    first: dict[str, Placed[Any]] = {}
    for placed in items:
        name = getattr(placed.item, field)
        earlier = first.setdefault(fold_text(name), placed)
        if earlier is placed:
            continue
        yield Problem(
            placed.at(field),
            f"{noun} '{placed.written_id()}' has the {field} '{name}' of {noun} "
            f"'{earlier.written_id()}' (at {earlier.at(field)}): no report can tell the "
            "two apart",
            key=placed.key(field),
            hint=f"give each {noun} a {field} of its own, or merge the two",
            severity=Severity.WARNING,
        )


def _split_texts(document: YamlDocument, path: Node) -> Iterator[Problem]:
    """An item of the bracketed list at ``path`` that reads as the rest of the item before
    it: in lower case after one in capitals, starting with a word such as 'and' or long
    enough to be a clause."""
    items = document.value_at(path)
    if path not in document.source.flow or not isinstance(items, list):
        return
    for i in range(1, len(items)):
        before, item = items[i - 1], items[i]
        if not (isinstance(before, str) and isinstance(item, str) and before and item):
            continue
        words = item.split()
        if (
            before[0].isupper()
            and item[0].islower()
            and (words[0] in _GOING_ON or len(words) >= _LONG)
        ):
            yield Problem(
                document.source.locate((*path, i)),
                f"the comma before '{item}' ends an item: YAML splits a list in "
                "brackets at every comma, so this is an item of its own",
                key=format_key((*path, i)),
                hint=f'if it is one text, quote it: ["{before}, {item}"]; if they are two '
                "items, start this one with a capital letter",
                severity=Severity.WARNING,
            )


def named_twice(document: YamlDocument, path: Node, noun: str) -> Iterator[Problem]:
    """Each id of the list at ``path`` that an earlier item already named."""
    items = document.value_at(path)
    first: dict[str, int] = {}
    for i, ref in enumerate(items if isinstance(items, list) else ()):
        if not isinstance(ref, str):
            continue
        if ref not in first:
            first[ref] = i
            continue
        where = document.source.locate((*path, first[ref]))
        yield Problem(
            document.source.locate((*path, i)),
            f"{noun} '{ref}' is named twice in this list (first at line "
            f"{where.line}, column {where.column})",
            key=format_key((*path, i)),
            hint="remove one of the two; reports count it once",
            severity=Severity.WARNING,
        )
