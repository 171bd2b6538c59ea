"""Task texts in two languages, for ``survey draft``.

A survey that ran in two languages (Microsoft Forms lets a form have a translation) is
exported with each respondent's answers in the language they answered in, so a draft of
it lists every task twice. No respondent chooses from both lists: the texts fall apart into
two sets that are never chosen together. Where the cells keep each list in one order (as
a tool does that writes the choices in the order of its options, not of the clicks), the
two orders pair the texts: the third task of the one list is the third of the other. The
import reads both texts of a task once they are one task (``also:``). Where the cells
leave a text's place open among a few (two neighbouring options no one chose together),
or the list of the language fewer answered in lacks a task or two that none of them
chose, a text is paired only where its place leaves one text, and is otherwise given the
few it leaves. Where that language is the study's, a text of the other whose place
leaves it none is a task the study's list lacks.

A task whose translation is its own text (a product's name: "Microsoft Teams") is chosen
from both lists, and joins them. Such shared texts are found as the few texts that alone
keep the lists together (a smallest set of texts between them), each chosen with texts of
both lists by several respondents; the respondents on each side must have answered the
group question apart, as people do in two languages.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, pairwise
from typing import NamedTuple

from needmap.controls import fold_text
from needmap.personas.schema import Language

__all__ = ["ChoiceLinks", "TwoLanguages", "in_the_other_language"]

_LEAST_TEXTS = 3
"""Texts a list must have to be taken for a language of its own: a task chosen only alone,
by one or two respondents who chose nothing else, is a set of its own, not a language."""

_LEAST_RESPONDENTS = 10
"""Respondents each list must have been chosen from: of a pilot's few, two who chose from
three tasks each may well have chosen none of the other's."""

_MOSTLY = 0.9
"""The share of the votes the two lists must have together: the rest are such tasks."""

_MOST_SHARED = 3
"""Texts that may be shared by the two lists (chosen from both): more, and the lists are
not two languages but one list of tasks chosen apart."""

_MOST_NAMED = 4
"""Texts of the study's list that a text of the other may translate, for the draft to
name them (the others it leaves to find by hand): where the cells leave a text's place
open among a few, or the other list lacks a few tasks."""

_AGREEING_PAIRS = 8
"""Pairs it takes to tell whether their votes agree (:func:`_votes_agree`)."""

_AGREE = 0.2
"""The least rank correlation of the votes of the pairs the places make: of the true
pairs, a task much chosen in one language is much chosen in the other (of eight pairs or
more, 0.3 or more in simulations where the two languages' respondents weigh each task
up to 60% apart); where both lists lack a task none of their respondents chose, the
places of one list move against the other's, and the pairs' votes agree by chance
(around 0)."""

_SHARED_LINKS = 2
"""Times a shared text must be chosen together with a text of each list, counted over the
cells: one respondent who chose a text of the other list beside one of their own does not
make it shared."""

_TRIES = 8
"""Texts tried as lying in one of the two lists, each with one of the other
(:func:`_far_apart`)."""

_OWN_WORDS = 5
"""A list has more short words of the study's language than of the other (English or
Dutch) in more than one in this many texts: it is in the study's language too. A word of
another language may look like one now and then ("wie" in German)."""

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
    """The texts of the list not in the study's language, as the draft writes them (not
    the texts both lists share)."""
    paired: Mapping[str, str]
    """Each text of ``other`` -> the text in the study's language in its place in the
    other list, where what the cells show of the places leaves one (:func:`_within_reach`);
    empty where the cells list the texts in no one order."""
    answers: frozenset[str]
    """The group answers given, mostly, by respondents who chose from ``other``: the
    group question in that language."""
    shared: tuple[str, ...] = ()
    """The texts both lists have (a task whose translation is its own text), as the
    draft writes them: each one task, chosen in both languages."""
    maybe: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Each text of ``other`` that ``paired`` lacks -> the few texts in the study's
    language it may translate, in the order of the list, where its place leaves a few
    (the cells leave it open, or the other list is the shorter: it lacks tasks none of
    its respondents chose): to choose from by hand. Where the other list is longer by more
    texts than ``untranslated`` holds, a text may instead translate none of them (a task
    the study's list lacks), and may be given one."""
    lengths: tuple[int, int] = (0, 0)
    """How many texts each list has, the study's language first, the shared texts in
    both: where the other list is the shorter, each of its texts may be as many places
    later in the study's."""
    in_order: bool = True
    """Whether the cells show the place of each text in its list (they list the choices
    in the order of the options, not of the clicks)."""
    untranslated: frozenset[str] = frozenset()
    """The texts of ``other`` whose place leaves none of the study's language they may
    translate, where the other list is the longer: tasks none of the respondents in the
    study's language chose, which its list lacks."""
    moved: bool = False
    """Whether what the places made of the texts was dropped, as the votes of its pairs
    disagree (:func:`_votes_agree`): both lists likely lack a task none of their
    respondents chose, and the places of one moved against the other's."""

    @property
    def none_may(self) -> bool:
        """Whether a text of ``other`` given a few in ``maybe`` may instead translate none
        of them: the other list is longer by more texts than ``untranslated`` holds."""
        return self.lengths[1] - self.lengths[0] > len(self.untranslated)


class _TwoLists(NamedTuple):
    texts: list[list[str]]
    """The texts of each list, as the draft writes them."""
    list_of: dict[str, str]
    """Each text (as compared) -> the first of its list; "" for a text both share."""


@dataclass
class ChoiceLinks:
    """What a draft learns of the task texts while reading the export: which were chosen
    together by a respondent, and in which order the cells list them. Texts are compared
    as the import compares them (:func:`fold_text`)."""

    _next: set[tuple[str, str]] = field(default_factory=set)
    """Texts one cell lists next to each other, in its order: of two texts next to each
    other in a list's order, a cell that has both has nothing between them."""
    _together: Counter[tuple[str, str]] = field(default_factory=Counter)
    """Texts one cell has both of, the first as the cell lists them first, and how many
    cells have them: which texts were chosen together, also where a text both lists
    share stands between them."""
    _chose: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(group answer, the first text chosen, the second or "") of each respondent,
    counted: how many chose from each list, and with which answer. The second tells the
    list where the first is a text both lists share (the first option, "AFAS")."""
    _keys: dict[str, str] = field(default_factory=dict)
    """Each text as cells write it -> as it is compared: folded once."""

    def add(self, answer: str, chosen: Sequence[str]) -> None:
        """One respondent's group answer and choices, in the order of the cell: two
        look-ups a choice, as a draft reads every row of a large export."""
        if not chosen:
            return
        keys = [self._keys.get(text) or self._key(text) for text in chosen]
        self._next.update(pairwise(keys))
        self._together.update(combinations(keys, 2))
        self._chose[answer, keys[0], keys[1] if len(keys) > 1 else ""] += 1

    def _key(self, text: str) -> str:
        key = self._keys[text] = fold_text(text)
        return key

    def _lists(self, without: Collection[str] = ()) -> dict[str, str]:
        """Each text -> the first text of the list it is in: texts chosen together, or
        together with texts chosen with them, are in one list. (A text no cell had, of
        a layout not read for lists, is in a list of its own.) Texts ``without`` join
        nothing: those both lists share."""
        parent = {key: key for key in self._keys.values()}

        def find(key: str) -> str:
            while parent[key] != key:
                parent[key] = key = parent[parent[key]]
            return key

        for first, then in self._together:
            if first not in without and then not in without:
                parent[find(then)] = find(first)
        return {key: find(key) for key in parent}

    def two_languages(
        self, labels: Sequence[str], votes: Mapping[str, int], language: Language
    ) -> TwoLanguages | None:
        """``labels`` (the texts as the draft writes them, with their ``votes``) as two
        languages, the study's ``language`` first; None where they are one list."""
        found = self._two_lists(labels, votes, self._lists())
        shared: list[str] = []
        if found is None:
            split = self._split_at_shared(labels, votes)
            if split is None:
                return None
            found, shared = split
        list_of = found.list_of
        own, other = sorted(
            found.texts,
            key=lambda texts: (-_words_of(texts, language), -sum(votes[t] for t in texts)),
        )
        if _words_of(other, language) * _OWN_WORDS > len(other):
            return None  # both read as the study's language: tasks some chose apart
        own_order, other_order = self._order(own + shared), self._order(other + shared)
        pairs = _Pairs.none()
        if own_order is not None and other_order is not None:
            pairs = _pairs(own_order, other_order, shared)
        moved = not _votes_agree(pairs.paired, votes)
        if moved:
            pairs = _Pairs.none()
        other_list = list_of[fold_text(other[0])]
        answers = self._answers_in(other_list, list_of)
        return TwoLanguages(
            tuple(other),
            pairs.paired,
            answers,
            tuple(shared),
            pairs.maybe,
            (len(own) + len(shared), len(other) + len(shared)),
            own_order is not None and other_order is not None,
            pairs.untranslated,
            moved,
        )

    def _two_lists(
        self, labels: Sequence[str], votes: Mapping[str, int], list_of: dict[str, str]
    ) -> _TwoLists | None:
        """The two lists ``list_of`` makes of ``labels`` (each text -> its list's first),
        and that mapping; None unless two lists each have enough texts and respondents,
        and hold nearly all the votes."""
        lists: dict[str, list[str]] = {}
        for label in labels:
            key = fold_text(label)
            lists.setdefault(list_of.setdefault(key, key), []).append(label)
        chose: Counter[str] = Counter()
        for (_, root), respondents in self._respondents(list_of).items():
            chose[root] += respondents
        large = [
            texts
            for root, texts in lists.items()
            if root and len(texts) >= _LEAST_TEXTS and chose[root] >= _LEAST_RESPONDENTS
        ]
        total = sum(votes[label] for label in labels)
        if len(large) != 2 or sum(votes[t] for texts in large for t in texts) < _MOSTLY * total:
            return None
        return _TwoLists(large, list_of)

    def _split_at_shared(
        self, labels: Sequence[str], votes: Mapping[str, int]
    ) -> tuple[_TwoLists, list[str]] | None:
        """The two lists that a few texts both have (see the module) join into one, and
        those texts; None where no few texts keep two such lists together."""
        near: dict[str, set[str]] = {}
        for first, then in self._together:
            if first != then:
                near.setdefault(first, set()).add(then)
                near.setdefault(then, set()).add(first)
        if not near:
            return None
        for start, end in _far_apart(near)[:_TRIES]:
            cut = _fewest_between(near, start, end, _MOST_SHARED)
            if not cut:
                continue
            list_of = self._lists(without=cut)
            for key in cut:
                list_of[key] = ""  # in neither list
            found = self._two_lists(
                [label for label in labels if fold_text(label) not in cut], votes, list_of
            )
            if found is None:
                continue
            roots = {list_of[fold_text(texts[0])] for texts in found.texts}
            if self._shared_by_both(cut, roots, list_of):
                return found, [label for label in labels if fold_text(label) in cut]
        return None

    def _shared_by_both(self, cut: set[str], roots: set[str], list_of: Mapping[str, str]) -> bool:
        """Whether each text of ``cut`` was chosen together with texts of both lists
        (their first texts: ``roots``) at least twice each, and the respondents of the
        two lists answered the group question apart, as people in two languages do: at
        most half with an answer that respondents of the other list gave too (a group's
        name may be the same in both languages: "ICT"). Of one list of tasks that some
        chose apart, nearly all answers were given with both."""
        for key in cut:
            beside: Counter[str] = Counter()
            for (first, then), cells in self._together.items():
                if key in (first, then):
                    beside[list_of[then if first == key else first]] += cells
            if min(beside[root] for root in roots) < _SHARED_LINKS:
                return False
        respondents = self._respondents(list_of)
        sides: dict[str, set[str]] = {}
        for answer, root in respondents:
            if root in roots:
                sides.setdefault(answer, set()).add(root)
        counted = both = 0
        for (answer, root), n in respondents.items():
            if root in roots:
                counted += n
                both += n if len(sides[answer]) > 1 else 0
        return both * 2 <= counted

    def _answers_in(self, root: str, list_of: Mapping[str, str]) -> frozenset[str]:
        """The group answers given, mostly, by respondents who chose from the list of
        ``root``."""
        given: Counter[str] = Counter()
        with_texts: Counter[str] = Counter()
        for (answer, chose_from), respondents in self._respondents(list_of).items():
            given[answer] += respondents
            if chose_from == root:
                with_texts[answer] += respondents
        return frozenset(
            answer for answer, n in with_texts.items() if answer and n * 2 > given[answer]
        )

    def _respondents(self, list_of: Mapping[str, str]) -> Counter[tuple[str, str]]:
        """(group answer, the first text of the list chosen from) -> respondents: the
        list of a respondent's first choice, or of the second where the first is a text
        both lists share; "" where both are (or the one)."""
        respondents: Counter[tuple[str, str]] = Counter()
        for (answer, first, then), n in self._chose.items():
            respondents[answer, list_of.get(first, "") or list_of.get(then, "")] += n
        return respondents

    def _order(self, texts: Sequence[str]) -> _Order | None:
        """What the cells show of the order of ``texts`` in their list: a cell that lists
        a before b, and another b before c, puts a before c. None where the cells list
        the texts in no one order: two of them both ways round."""
        key_of = {fold_text(text): text for text in texts}
        after: dict[str, set[str]] = {key: set() for key in key_of}
        for first, then in self._next:
            if first in after and then in after and first != then:
                after[first].add(then)
        later = {key: _reachable(key, after) for key in key_of}
        if any(key in later[key] for key in key_of):
            return None
        return _Order.known(
            {key_of[key]: {key_of[other] for other in later[key]} for key in key_of}
        )


class _Order(NamedTuple):
    spans: dict[str, tuple[int, int]]
    """Each text -> the first and the last place (0 for the first) it may have in its
    list: after every text known to come before it, before every one known to come
    after it. Where the two are one, its place is known."""
    later: dict[str, set[str]]
    """Each text -> the texts known to come after it (all of them: the texts known to
    come after those too)."""

    @classmethod
    def known(cls, later: dict[str, set[str]]) -> _Order:
        """The order that what is ``later`` than each text shows."""
        earlier = Counter(other for texts in later.values() for other in texts)
        return cls(
            {text: (earlier[text], len(later) - 1 - len(after)) for text, after in later.items()},
            later,
        )

    def without(self, texts: Collection[str]) -> _Order:
        """The order of the list without ``texts``: the others' places close up."""
        return _Order.known(
            {text: after - set(texts) for text, after in self.later.items() if text not in texts}
        )


class _Pairs(NamedTuple):
    paired: dict[str, str]
    """Each text of the other list -> its translation, where its place leaves one."""
    maybe: dict[str, tuple[str, ...]]
    """Each text of the other list not paired -> the few texts of the study's list it may
    translate (see :attr:`TwoLanguages.maybe`)."""
    untranslated: frozenset[str]
    """The texts of the other list whose place leaves none of the study's list."""

    @classmethod
    def none(cls) -> _Pairs:
        """No pairs, nothing given: the places tell nothing, or no pairing fits."""
        return cls({}, {}, frozenset())


def _pairs(own: _Order, other: _Order, shared: Collection[str]) -> _Pairs:
    """What the places of the texts of the study's list (``own``) and of the other list
    tell of their translations (:func:`_within_reach`). Where the other list is the
    longer (the study's language is the one fewer answered in, and its list lacks the
    tasks none of them chose), each text of the study's list is given the texts of the
    other it may be; a text of the other that none may be is a task its list lacks, and
    without it the others' places close up, which may leave each text fewer."""
    untranslated: set[str] = set()
    while len(other.spans) > len(own.spans):
        back = _within_reach(other, own, shared)
        lacking = set(other.spans) - set(shared) - {t for texts in back.values() for t in texts}
        if not back or len(lacking) > len(other.spans) - len(own.spans):
            return _Pairs.none()  # no pairing fits
        if not lacking:
            paired = {texts[0]: text for text, texts in back.items() if len(texts) == 1}
            maybe = {
                text: tuple(own_text for own_text, texts in back.items() if text in texts)
                for text in other.spans
                if text not in paired and text not in shared
            }
            return _Pairs(
                paired,
                {
                    text: tuple(sorted(texts, key=lambda t: (own.spans[t], t)))
                    for text, texts in maybe.items()
                    if len(texts) <= _MOST_NAMED
                },
                frozenset(untranslated),
            )
        untranslated |= lacking
        other = other.without(lacking)
    reach = _within_reach(own, other, shared)
    return _Pairs(
        {text: texts[0] for text, texts in reach.items() if len(texts) == 1},
        {text: texts for text, texts in reach.items() if 1 < len(texts) <= _MOST_NAMED},
        frozenset(untranslated) if reach else frozenset(),
    )


def _within_reach(
    own: _Order, other: _Order, shared: Collection[str]
) -> dict[str, tuple[str, ...]]:
    """Each text of the other list -> the texts of the study's list (``own``) it may
    translate, in the order of that list; {} where the other list is the longer (it has
    texts without a translation) or the cells contradict the lists being one list in
    two languages.

    Both lists are the options in one order, but for the tasks that none of a language's
    respondents chose; the other list may lack as many as it is shorter. Its text that
    may stand at places i to j may then translate a text of the study's list that may
    stand at places i to j + what it lacks, on the same side as it of each text both
    lists share. A text of the study's list certain to be one text's translation is no
    other's (which may leave another text one, and so on)."""
    lacks = len(own.spans) - len(other.spans)
    if lacks < 0:
        return {}
    own_texts = sorted((span, text) for text, span in own.spans.items() if text not in shared)
    reach: dict[str, list[str]] = {}
    for text, (first, last) in other.spans.items():
        if text in shared:
            continue
        reach[text] = [
            own_text
            for (own_first, own_last), own_text in own_texts
            if own_first <= last + lacks
            and own_last >= first
            and not any(
                (mark in other.later[text] and own_text in own.later[mark])
                or (text in other.later[mark] and mark in own.later[own_text])
                for mark in shared
            )
        ]
    certain: set[str] = set()
    while found := {texts[0] for texts in reach.values() if len(texts) == 1} - certain:
        certain |= found
        for text, texts in reach.items():
            if len(texts) > 1:
                reach[text] = [own_text for own_text in texts if own_text not in certain]
    if any(not texts for texts in reach.values()) or len(certain) < sum(
        len(texts) == 1 for texts in reach.values()
    ):
        return {}  # no pairing fits (none left to a text, or one to two): not one list
    return {text: tuple(texts) for text, texts in reach.items()}


def _votes_agree(paired: Mapping[str, str], votes: Mapping[str, int]) -> bool:
    """Whether the votes of the texts ``paired`` rank alike in the two languages (see
    ``_AGREE``); True where the pairs are too few to tell, or one language's votes all
    alike."""
    if len(paired) < _AGREEING_PAIRS:
        return True
    other = _ranks([votes[text] for text in paired])
    own = _ranks([votes[text] for text in paired.values()])
    try:
        return statistics.correlation(other, own) >= _AGREE
    except statistics.StatisticsError:  # one language's votes all alike: nothing to rank
        return True


def _ranks(values: Sequence[int]) -> list[float]:
    """Each value's rank among ``values`` (1 for the least), alike values sharing the
    mean of their ranks: a rank correlation is the correlation of the ranks
    (``statistics.correlation`` ranks them itself only from Python 3.12)."""
    ordered = sorted(values)
    first = {value: ordered.index(value) for value in set(values)}
    return [first[value] + (ordered.count(value) + 1) / 2 for value in values]


def _far_apart(near: Mapping[str, set[str]]) -> list[tuple[str, str]]:
    """Pairs of texts that may lie in the two lists: each of the texts chosen with the
    most others, with the text chosen with the most others of those it was never chosen
    with and that have no more than a few texts they were chosen with in common. Two
    texts of one language are both chosen with many of its texts; texts of two languages
    only with the texts the lists share."""
    by_links = sorted(near, key=lambda key: (-len(near[key]), key))
    pairs = []
    for key in by_links[:_TRIES]:
        other = next(
            (
                o
                for o in by_links
                if o != key and o not in near[key] and len(near[key] & near[o]) <= _MOST_SHARED
            ),
            None,
        )
        if other is not None:
            pairs.append((key, other))
    return pairs


def _fewest_between(
    near: Mapping[str, set[str]], start: str, end: str, most: int
) -> set[str] | None:
    """A smallest set of texts (neither ``start`` nor ``end``) without which no chain of
    texts chosen together leads from ``start`` to ``end``; None where that takes more
    than ``most``. Menger's theorem: as many as there are chains that share no text, found
    one at a time (each text carries one chain: ``(key, 0)`` is where chains enter it,
    ``(key, 1)`` where they leave)."""
    used: dict[tuple[tuple[str, int], tuple[str, int]], int] = {}

    def room(a: tuple[str, int], b: tuple[str, int]) -> int:
        """What more may flow from ``a`` to ``b``: one chain through a text; from a text
        to one chosen with it, more than ``most`` (so that the smallest cut is one of
        texts, never of the links of ``start`` or ``end``, which carry any number: chains
        start where ``start``'s leave and end where ``end``'s enter)."""
        if a[0] == b[0]:
            capacity = 1 if (a[1], b[1]) == (0, 1) else 0
        else:
            capacity = most + 1 if (a[1], b[1]) == (1, 0) else 0
        return capacity - used.get((a, b), 0) + used.get((b, a), 0)

    def onward(node: tuple[str, int]) -> list[tuple[str, int]]:
        key, side = node
        return [(key, 1 - side), *((other, 1 - side) for other in near[key])]

    source, sink = (start, 1), (end, 0)
    for _ in range(most + 1):
        came: dict[tuple[str, int], tuple[str, int] | None] = {source: None}
        waiting = [source]
        while waiting and sink not in came:
            node = waiting.pop(0)
            for nxt in onward(node):
                if nxt not in came and room(node, nxt) > 0:
                    came[nxt] = node
                    waiting.append(nxt)
        if sink not in came:
            return {
                key
                for (key, side) in came
                if side == 0 and (key, 1) not in came and key not in (start, end)
            }
        node = sink
        while (before := came[node]) is not None:
            used[before, node] = used.get((before, node), 0) + 1
            node = before
    return None


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


def in_the_other_language(texts: Sequence[str], language: Language) -> bool:
    """Whether the task ``texts`` of an export in one language read as the language other
    than the study's ``language`` (a survey held in English for a Dutch study): as
    :meth:`ChoiceLinks.two_languages` tells a list of the study's language, by its short
    words in more than one in :data:`_OWN_WORDS` texts."""
    return _words_of(texts, _other_than(language)) * _OWN_WORDS > len(texts)


def _other_than(language: Language) -> Language:
    return "en" if language == "nl" else "nl"


def _words_of(texts: Iterable[str], language: Language) -> int:
    """How many words of ``texts`` are short words of ``language`` rather than of the
    other language."""
    words = [word for text in texts for word in fold_text(text).split()]
    return sum(w in _FUNCTION_WORDS[language] for w in words) - sum(
        w in _FUNCTION_WORDS[_other_than(language)] for w in words
    )
