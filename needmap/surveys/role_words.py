"""The words of a group question's answers in English and in Dutch: the roles of the 7 B's
and of the other target groups ("front desk" and "balie", "team lead" and "teamleider").

An export in two languages has the group question in both; the answers in the study's
language are guessed to groups by the groups' names, and those in the other language by
the same names once their words are put in the study's language. The table is small and
of the field's words only: an answer it cannot put in other words is left to decide by
hand, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from needmap.controls import without_accents
from needmap.personas.schema import Language

__all__ = ["in_language"]

# fmt: off
_ROLES: tuple[tuple[str, str], ...] = (
    # front desk, facility staff
    ("front desk", "balie"), ("front desk", "baliemedewerker"),
    ("reception", "receptie"), ("switchboard", "telefooncentrale"),
    ("contact centre", "klantcontactcentrum"), ("contact center", "klantcontactcentrum"),
    ("contact centre", "kcc"), ("customer service", "klantenservice"),
    ("security", "beveiliging"), ("security guard", "beveiliger"), ("usher", "bode"),
    ("canteen", "kantine"), ("cleaning", "schoonmaak"), ("cleaner", "schoonmaker"),
    ("warehouse", "magazijn"), ("facility services", "facilitaire dienst"),
    ("facility", "facilitair"), ("facilities", "facilitair"),
    # office and field staff
    ("administration", "administratie"), ("finance", "financiën"),
    ("purchasing", "inkoop"), ("procurement", "inkoop"),
    ("office staff", "bureaumedewerker"), ("office", "bureau"), ("office", "kantoor"),
    ("field work", "buitendienst"), ("field staff", "buitendienst"),
    ("field service", "buitendienst"), ("field", "buitendienst"),
    ("enforcement", "handhaving"), ("neighbourhood management", "wijkbeheer"),
    ("neighbourhoods", "wijken"), ("parks", "groen"), ("parks service", "plantsoenendienst"),
    ("service engineer", "servicemonteur"), ("service engineer", "monteur"),
    ("mechanic", "monteur"), ("technician", "monteur"), ("installer", "installateur"),
    # policy advisers and project managers
    ("policy adviser", "beleidsadviseur"), ("policy advisor", "beleidsadviseur"),
    ("policy officer", "beleidsmedewerker"), ("policy", "beleid"),
    ("adviser", "adviseur"), ("advisor", "adviseur"), ("consultant", "adviseur"),
    ("project manager", "projectleider"), ("project manager", "projectmanager"),
    ("project leader", "projectleider"), ("project lead", "projectleider"),
    ("work planner", "werkvoorbereider"),
    # bosses and directors
    ("team lead", "teamleider"), ("team leader", "teamleider"),
    ("department head", "afdelingshoofd"), ("head of department", "afdelingshoofd"),
    ("manager", "leidinggevende"), ("supervisor", "leidinggevende"),
    ("management team", "managementteam"), ("management", "leiding"),
    ("director", "directeur"), ("director", "directie"), ("executive", "bestuurder"),
    ("executive", "bestuur"), ("board", "bestuur"), ("board of directors", "raad van bestuur"),
    # care
    ("care staff", "verzorgende"), ("care worker", "verzorgende"),
    ("care staff", "zorgmedewerker"),
    ("nurse", "verpleegkundige"), ("support worker", "begeleider"),
    ("doctor", "arts"), ("physician", "arts"), ("therapist", "behandelaar"),
    ("therapist", "therapeut"), ("psychologist", "psycholoog"),
    ("physiotherapist", "fysiotherapeut"), ("allied health", "paramedicus"),
    ("support services", "ondersteunende dienst"), ("support", "ondersteuning"),
    # outside the organisation
    ("volunteer", "vrijwilliger"), ("resident", "inwoner"), ("resident", "bewoner"),
    ("citizen", "burger"), ("citizen", "inwoner"), ("company", "bedrijf"),
    ("business", "bedrijf"),
    ("entrepreneur", "ondernemer"), ("client", "cliënt"),
    ("client", "klant"), ("customer", "klant"), ("family", "familie"),
    ("relative", "naaste"), ("informal carer", "mantelzorger"),
    ("subcontractor", "onderaannemer"), ("supplier", "leverancier"),
    # anyone
    ("staff", "medewerker"), ("employee", "medewerker"), ("teacher", "docent"),
    ("intern", "stagiair"), ("trainee", "stagiair"),
)
# fmt: on
"""Pairs of an English and a Dutch word or phrase for the same role, in lower case; a
word with several translations has a pair for each, the likeliest first."""

_ENDINGS = ("s", "es", "en", "n")
"""Plural endings taken off a word the table lacks: "nurses", "verpleegkundigen"."""
_SHORTEST = 4
"""Letters a word needs to be looked up without its ending, and each half of a compound."""
_LONGEST = max(len(word.split()) for pair in _ROLES for word in pair)
"""Words of the longest phrase the table has ("board of directors")."""
_LONGEST_WORD = max(len(word) for pair in _ROLES for word in pair) + max(map(len, _ENDINGS))
"""Letters of the longest word (or phrase) the table has, with a plural ending: no half of
a compound is longer, so a longer word is not cut into every two."""


def _table(source: int, target: int) -> Mapping[str, tuple[str, ...]]:
    """Each folded word or phrase of one language -> its translations in the other."""
    table: dict[str, list[str]] = {}
    for pair in _ROLES:
        table.setdefault(without_accents(pair[source]), []).append(pair[target])
    return MappingProxyType({word: tuple(words) for word, words in table.items()})


_INTO: Mapping[Language, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"nl": _table(0, 1), "en": _table(1, 0)}
)
"""The table for each language to put words into."""


def in_language(parts: Sequence[str], language: Language) -> list[tuple[str, ...]] | None:
    """The ``parts`` of an answer (folded: lower case, no accents), each put in
    ``language``'s words: a part the table has whole as each of its translations, the
    likeliest first ("director" as "directeur" and "directie"), another word by word, the
    longest phrase first (and a Dutch compound by its halves: "receptiemedewerkers" as
    "reception staff"); a word the table lacks stays as it is. None when the table knows
    no word of any part."""
    table = _INTO[language]
    translated = [_looked_up(part, table) or (_word_by_word(part, table),) for part in parts]
    return None if translated == [(part,) for part in parts] else translated


def _word_by_word(part: str, table: Mapping[str, tuple[str, ...]]) -> str:
    """``part`` with each word or phrase the table has in its likeliest translation."""
    words = part.split()
    said: list[str] = []
    at = 0
    while at < len(words):
        for length in range(min(_LONGEST, len(words) - at), 0, -1):
            found = _looked_up(" ".join(words[at : at + length]), table)
            if found:
                said.append(found[0])
                at += length
                break
        else:
            said.append(_compound(words[at], table) or words[at])
            at += 1
    return " ".join(said)


def _looked_up(phrase: str, table: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The translations of ``phrase``, or of it without a plural ending; none if neither."""
    if phrase in table:
        return table[phrase]
    for ending in _ENDINGS:
        bare = phrase.removesuffix(ending)
        if bare != phrase and len(bare) >= _SHORTEST and bare in table:
            return table[bare]
    return ()


def _compound(word: str, table: Mapping[str, tuple[str, ...]]) -> str | None:
    """A word written as one of two the table has ("balie" and "medewerker"; the linking s
    of "beveiligingsmedewerker" is taken off the first as a plural ending is), in their
    translations; None if it is no such word."""
    if len(word) > 2 * _LONGEST_WORD:
        return None
    for cut in range(_SHORTEST, len(word) - _SHORTEST + 1):
        head, tail = word[:cut], word[cut:]
        first = _looked_up(head, table)
        if not first:
            continue
        second = _looked_up(tail, table)
        if second:
            return f"{first[0]} {second[0]}"
    return None
