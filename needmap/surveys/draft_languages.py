"""Task texts in two languages, for ``survey draft``.

A survey that ran in two languages (Microsoft Forms lets a form have a translation) is
exported with each respondent's answers in the language they answered in, so a draft of
it lists every task twice. No respondent chooses from both lists: the texts fall apart into
two sets that are never chosen together. Where the cells keep each list in one order (as
a tool does that writes the choices in the order of its options, not of the clicks), the
two orders pair the texts: the third task of the one list is the third of the other. The
import reads both texts of a task once they are one task (``also:``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from needmap.controls import fold_text
from needmap.personas.schema import Language

__all__ = ["ChoiceLinks", "TwoLanguages"]

_LEAST_TEXTS = 3
"""Texts a list must have to be taken for a language of its own: a task chosen only alone,
by one or two respondents who chose nothing else, is a set of its own, not a language."""

_LEAST_RESPONDENTS = 10
"""Respondents each list must have been chosen from: of a pilot's few, two who chose from
three tasks each may well have chosen none of the other's."""

_MOSTLY = 0.9
"""The share of the votes the two lists must have together: the rest are such tasks."""

_DUTCH_WORDS = """
de het een van en mijn voor naar met te aan bij je jouw wat hoe waar wie welke over uit ons
onze
"""
_ENGLISH_WORDS = "the a an of and my for to with at your what how where who which about from our by"
_FUNCTION_WORDS: Mapping[Language, frozenset[str]] = {
    "nl": frozenset(_DUTCH_WORDS.split()),
    "en": frozenset(_ENGLISH_WORDS.split()),
}
"""Short words common in task labels of each language, and not in the other: they tell
which of two lists is in the study's language."""


@dataclass(frozen=True)
class TwoLanguages:
    """The task texts of an export in two languages."""

    other: tuple[str, ...]
    """The texts of the list not in the study's language, as the draft writes them."""
    paired: Mapping[str, str]
    """Each text of ``other`` -> the text in the study's language in its place in the
    other list, where the cells show the places of both; empty where the cells list the
    texts in no one order, or the lists differ in length."""
    answers: frozenset[str]
    """The group answers given, mostly, by respondents who chose from ``other``: the
    group question in that language."""


@dataclass
class ChoiceLinks:
    """What a draft learns of the task texts while reading the export: which were chosen
    together by a respondent, and in which order the cells list them. Texts are compared
    as the import compares them (:func:`fold_text`)."""

    _next: set[tuple[str, str]] = field(default_factory=set)
    """Texts one cell lists next to each other, in its order. Which texts were chosen
    together follows from them; and of two texts next to each other in a list's order, a
    cell that has both has nothing between them."""
    _chose: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(group answer, the first text chosen) of each respondent, counted: how many chose
    from each list, and with which answer."""
    _keys: dict[str, str] = field(default_factory=dict)
    """Each text as cells write it -> as it is compared: folded once."""

    def add(self, answer: str, chosen: Sequence[str]) -> None:
        """One respondent's group answer and choices, in the order of the cell: two
        look-ups a choice, as a draft reads every row of a large export."""
        if not chosen:
            return
        keys = [self._keys.get(text) or self._key(text) for text in chosen]
        self._next.update(pairwise(keys))
        self._chose[answer, keys[0]] += 1

    def _key(self, text: str) -> str:
        key = self._keys[text] = fold_text(text)
        return key

    def _lists(self) -> dict[str, str]:
        """Each text -> the first text of the list it is in: texts chosen together, or
        together with texts chosen with them, are in one list. (A text no cell had, of
        a layout not read for lists, is in a list of its own.)"""
        parent = {key: key for key in self._keys.values()}

        def find(key: str) -> str:
            while parent[key] != key:
                parent[key] = key = parent[parent[key]]
            return key

        for first, then in self._next:
            parent[find(then)] = find(first)
        return {key: find(key) for key in parent}

    def two_languages(
        self, labels: Sequence[str], votes: Mapping[str, int], language: Language
    ) -> TwoLanguages | None:
        """``labels`` (the texts as the draft writes them, with their ``votes``) as two
        languages, the study's ``language`` first; None where they are one list."""
        list_of = self._lists()
        lists: dict[str, list[str]] = {}
        for label in labels:
            key = fold_text(label)
            lists.setdefault(list_of.get(key, key), []).append(label)
        chose: Counter[str] = Counter()
        for (_, key), respondents in self._chose.items():
            chose[list_of[key]] += respondents
        large = [
            texts
            for root, texts in lists.items()
            if len(texts) >= _LEAST_TEXTS and chose[root] >= _LEAST_RESPONDENTS
        ]
        total = sum(votes[label] for label in labels)
        if len(large) != 2 or sum(votes[t] for texts in large for t in texts) < _MOSTLY * total:
            return None
        own, other = sorted(
            large,
            key=lambda texts: (-_words_of(texts, language), -sum(votes[t] for t in texts)),
        )
        own_places, other_places = self._places(own), self._places(other)
        paired: dict[str, str] = {}
        if own_places is not None and other_places is not None and len(own) == len(other):
            own_at = {place: text for text, place in own_places.items()}
            paired = {text: own_at[at] for text, at in other_places.items() if at in own_at}
        other_list = list_of.get(fold_text(other[0]), fold_text(other[0]))
        return TwoLanguages(tuple(other), paired, self._answers_in(other_list, list_of))

    def _answers_in(self, root: str, list_of: Mapping[str, str]) -> frozenset[str]:
        """The group answers given, mostly, by respondents who chose from the list of
        ``root``."""
        given: Counter[str] = Counter()
        with_texts: Counter[str] = Counter()
        for (answer, key), respondents in self._chose.items():
            given[answer] += respondents
            if list_of[key] == root:
                with_texts[answer] += respondents
        return frozenset(
            answer for answer, n in with_texts.items() if answer and n * 2 > given[answer]
        )

    def _places(self, texts: Sequence[str]) -> dict[str, int] | None:
        """Each text of ``texts`` whose place in the list the cells show -> its place (0
        for the first): a text every other one is known to come before or after (a cell
        that lists a before b, and another b before c, puts a before c). None where the
        cells list the texts in no one order: two of them both ways round."""
        key_of = {fold_text(text): text for text in texts}
        after: dict[str, set[str]] = {key: set() for key in key_of}
        for first, then in self._next:
            if first in after and then in after and first != then:
                after[first].add(then)
        later = {key: _reachable(key, after) for key in key_of}
        if any(key in later[key] for key in key_of):
            return None
        earlier = Counter(other for key in key_of for other in later[key])
        return {
            key_of[key]: earlier[key]
            for key in key_of
            if earlier[key] + len(later[key]) == len(key_of) - 1
        }


def _reachable(start: str, after: Mapping[str, set[str]]) -> set[str]:
    """The texts known to come after ``start``: after it, or after one that is."""
    found: set[str] = set()
    waiting = list(after[start])
    while waiting:
        key = waiting.pop()
        if key not in found:
            found.add(key)
            waiting.extend(after[key])
    return found


def _words_of(texts: Iterable[str], language: Language) -> int:
    """How many words of ``texts`` are short words of ``language`` rather than of the
    other language."""
    words = [word for text in texts for word in fold_text(text).split()]
    other: Language = "en" if language == "nl" else "nl"
    return sum(w in _FUNCTION_WORDS[language] for w in words) - sum(
        w in _FUNCTION_WORDS[other] for w in words
    )
