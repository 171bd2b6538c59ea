"""What a survey draft guesses from words (for ``needmap survey draft``): the group an
answer names, the needs a task may be evidence for, a task's id, and how many tasks the
question lets a respondent choose; and the language a group answer is in, which
``needmap survey questions`` needs of a survey in two languages too.

Answers and labels are compared folded (no case, no accents) and part by part, with
Dutch compounds in mind ("nieuws" in "organisatienieuws"). Where two groups fit as well
nothing is guessed: a wrong guess would count people in the wrong group.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from needmap.controls import without_accents
from needmap.personas.schema import Language, id_from
from needmap.personas.study import Study
from needmap.surveys.role_words import in_language

__all__ = [
    "answer_language",
    "asked_picks",
    "guess_group",
    "guess_in_words_of",
    "slug",
    "suggest_needs",
    "unique_ids",
]


def _fold(text: str) -> str:
    return without_accents(text.casefold())


def slug(text: str) -> str:
    """A survey id from the export's file name: "Top taken 2026 (def)" is top-taken-2026-def."""
    return id_from(text, 40)


# fmt: off
_FILLERS = frozenset((
    "a", "an", "the", "my", "your", "of", "or", "and", "to", "in", "on", "at", "for",
    "with", "from", "by",
    "een", "de", "het", "mijn", "je", "jouw", "van", "en", "te", "op", "aan", "voor",
    "met", "bij", "naar",
))
# fmt: on
"""Words left out of a task's id: "Een storing of defect melden" is storing-defect-melden."""


# fmt: off
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
}
# fmt: on
_AT_MOST = re.compile(
    r"\b(?:at most|up to|no more than|(?:a )?maximum(?: of)?|max\.?|maximaal|hoogstens"
    r"|ten hoogste|niet meer dan)\s+(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\b"
)


def asked_picks(question: str) -> int | None:
    """How many tasks the question lets a respondent choose, if its text says so
    ("Choose at most five", "Kies maximaal 5 taken"), in English or Dutch."""
    found = _AT_MOST.search(_fold(question))
    if found is None:
        return None
    number = found.group(1)
    return int(number) if number.isdigit() else _NUMBER_WORDS[number]


_APOSTROPHES = re.compile("['\u2018\u2019`]")
"""Left out of a word, not a break in it: "a client's plan" has clients, "foto's" fotos."""


def _task_id(label: str) -> str:
    """A short id from the label's first four words that say something."""
    text = _APOSTROPHES.sub("", _fold(label))
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in _FILLERS]
    return "-".join(words[:4])[:40].strip("-")


def unique_ids(texts: Sequence[str], known: Sequence[str | None] = ()) -> list[str]:
    """An id for each text: the one ``known`` gives it (an earlier mapping's) unless a text
    before has that id, else one made from its words, like none of the others."""
    given = [*known, *[None] * (len(texts) - len(known))]
    taken = {i for i in given if i is not None}
    ids: list[str] = []
    for text, known_id in zip(texts, given, strict=True):
        if known_id is not None and known_id not in ids:
            ids.append(known_id)
            continue
        base = _task_id(text) or "task"
        candidate, n = base, 2
        while candidate in ids or candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


_PARTS = re.compile(r"[,/();:]|\s(?:of|or|en|and|&)\s")
"""Where an answer or a group name splits into parts: "Teamleider of afdelingshoofd"."""
_MATCH = 0.85
"""How alike (difflib ratio) two parts must be to count as the same word."""


def _parts(text: str) -> list[str]:
    """The words or phrases of ``text`` worth comparing: folded, their white space (a tab,
    a no-break space) one space, four letters or more."""
    parts = (" ".join(p.split()) for p in _PARTS.split(_fold(text)))
    return [part for part in parts if len(part) >= 4]


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", _fold(text)) if len(w) >= 4]


def _alike(a: str, b: str) -> bool:
    """Whether two words are (nearly) the same ("lead" and "leads", "policy" and
    "policies"), or one is a part of the other that Dutch writes as one word: "nieuws"
    and "organisatienieuws", "personeelsregeling" and "regeling"."""
    short, long = sorted((a, b), key=len)
    if len(short) >= _PART and (long.startswith(short) or long.endswith(short)):
        return True
    if short.endswith("y") and long == short[:-1] + "ies":  # "policy" and "policies"
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= _MATCH


_PART = 5
"""Letters a word needs to count as a part of a longer one: "zorg" in "zorgplan" is too
common a start to say much."""


def _names_two_groups(study: Study, answer: str) -> bool:
    """Whether the answer names more than one group, as "Office or field staff" does.

    The group whose name the answer covers best is the one it names; another group counts
    too only if the answer has a word of that group's name which the first group's name
    lacks ("field"), and half of that name's words or more. A word that the names share
    ("staff", "service", "team") names no second group: "Reception or customer service"
    names "Reception and customer service", not "Service engineers and field staff".
    """
    ours = _words(answer)
    named: list[tuple[float, frozenset[str]]] = []
    for group in study.groups:
        theirs = _words(group.name)
        used = frozenset(a for a in ours if any(_alike(a, b) for b in theirs))
        if used:
            share = sum(any(_alike(a, b) for a in ours) for b in theirs) / len(theirs)
            named.append((share, used))
    if len(named) < 2:
        return False
    named.sort(key=lambda item: (item[0], len(item[1])), reverse=True)
    best = named[0][1]
    return any(share >= 0.5 and not used <= best for share, used in named[1:])


def _described_group(study: Study, answer: str) -> str | None:
    """The one group whose name and description have every word of the answer, if one has.

    This settles an answer that seems to name two groups: "Carer, nurse or support worker"
    has words of "Care staff", "Support services" and "Family and carers", but only the
    first group is described as "Carers, nurses and support workers".
    """
    ours = _words(answer)
    described = [
        group.id
        for group in study.groups
        if all(any(_alike(a, b) for b in _words(f"{group.name} {group.description}")) for a in ours)
    ]
    return described[0] if len(described) == 1 else None


def guess_group(study: Study, answer: str) -> str | None:
    """The one group the answer names: its id or name exactly, else the one group whose
    name (then: description) shares a part with the answer ("Baliemedewerker, KCC of
    receptie" and "Baliemedewerkers"). When two groups fit, none is guessed (and where two
    names fit, the descriptions are not asked): a wrong guess would count people in the
    wrong group."""
    folded = _fold(answer)
    for group in study.groups:
        if folded in (_fold(group.id), _fold(group.name)):
            return group.id
    if _names_two_groups(study, answer):
        return _described_group(study, answer)
    ours = _parts(answer)
    for by_name in (True, False):
        scores = {
            g.id: _closeness(ours, [g.id, g.name] if by_name else [g.description])
            for g in study.groups
        }
        fitting = [group for group, score in scores.items() if score >= _MATCH]
        if fitting:
            return fitting[0] if len(fitting) == 1 else None
    return None


def guess_in_words_of(study: Study, answer: str) -> tuple[str, str] | None:
    """The one group an answer in the study's other language names, once its words are in
    the study's (:func:`~needmap.surveys.role_words.in_language`), and those words: as
    :func:`guess_group`, none where two groups fit as well or no word is known."""
    parts = in_language(_parts(answer), study.settings.language)
    if parts is None:
        return None
    group = guess_group(study, ", ".join(word for words in parts for word in words))
    return None if group is None else (group, ", ".join(words[0] for words in parts))


_OTHER_ANSWERS: Mapping[Language, frozenset[str]] = MappingProxyType(
    {
        "en": frozenset({"other", "others", "something else", "another group"}),
        "nl": frozenset({"anders", "overig", "overige", "iets anders", "een andere groep"}),
    }
)
"""The answer for everyone else, in each language: no role's words."""


def answer_language(answer: str) -> Language | None:
    """The language a group answer is in, by the words of the field's roles it holds
    (:mod:`~needmap.surveys.role_words`: "Field staff" is English, "Buitendienst
    (handhaving, wijkbeheer)" Dutch) or by being the answer for everyone else ("Other",
    "Anders"); None where it holds no such word, or words of both languages. The answer
    is read whole as well as by its parts, which part it at a Dutch "of" (or): "Head of
    department" is an English role."""
    whole = " ".join(_fold(answer).split())
    found = {language for language, texts in _OTHER_ANSWERS.items() if whole in texts}
    for read in (_parts(answer), [whole]):
        if in_language(read, "nl") is not None:  # English words the table puts in Dutch
            found.add("en")
        if in_language(read, "en") is not None:
            found.add("nl")
    return found.pop() if len(found) == 1 else None


def _closeness(ours: Sequence[str], texts: Sequence[str]) -> float:
    """How close the nearest of our parts comes to a part of ``texts`` (difflib ratio)."""
    return max(
        (
            difflib.SequenceMatcher(None, a, b).ratio()
            for a in ours
            for text in texts
            for b in _parts(text)
        ),
        default=0.0,
    )


def suggest_needs(study: Study, label: str) -> tuple[str, ...]:
    """Up to two needs whose title shares words with the task label, rarer words counting
    more ("calamiteit" says more than "bekijken"): a hint in a comment, never a link, since
    a wrong link would count votes as evidence for the wrong need. The second is offered
    only where it scores at least half the first: "Storing melden" is "Storing melden"
    (storing and melden), not also "Bezoekers aanmelden" (for melden alone)."""
    titles = {n.id: _words(n.title) for n in study.needs}
    scores: dict[str, float] = {}
    for word in _words(label):
        having = [need for need, words in titles.items() if any(_alike(word, w) for w in words)]
        for need in having:
            scores[need] = scores.get(need, 0.0) + 1 / len(having)
    ranked = sorted((n for n, score in scores.items() if score >= 0.5), key=lambda n: -scores[n])
    return tuple(n for n in ranked[:2] if scores[n] * 2 >= scores[ranked[0]])
