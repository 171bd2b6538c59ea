"""Surnames that :mod:`needmap.scrub` takes for a person when they stand alone.

Dutch speakers name a colleague by surname ("collega De Vries", "vraag het aan Jansen"),
and Dutch writes the particle of a surname without a given name with a capital ("Van den
Berg"): mid-sentence, a capitalised "Van" is almost always someone's name. Other surnames
cannot be told from words, places and firms by their form; these are the most common ones
in the Netherlands and Flanders (the Meertens Instituut's and Statbel's counts) and in
England and the United States, less those that are also a common word, place or first name
("Bos", "Maas", "Prins", "Brown", "Taylor"): overlooking a rarer surname costs less than
blotting out the river Maas. A surname starting with a capitalised "Van" is found by its
particle; the most common of them are listed apart, to be known in lower case too
("mevrouw van dijk", a search for "van den berg").
"""

from __future__ import annotations

__all__ = ["SURNAMES", "SURNAMES_THAT_ARE_PHRASES", "SURNAMES_THAT_ARE_WORDS", "VAN_SURNAMES"]

_WITH_DE = """
De Boer, De Bruijn, De Bruin, De Clercq, De Graaf, De Groot, De Haan, De Jong, De Jonge,
De Koning, De Lange, De Leeuw, De Ridder, De Ruiter, De Smet, De Vos, De Vries, De Wit
"""

_WITH_VAN = """
Van Dijk, Van den Berg, Van der Meer, Van Leeuwen, Van der Linden, Van Beek, Van der Heijden,
Van Vliet, Van den Broek, Van Dam, Van der Veen, Van der Wal, Van de Ven, Van Doorn,
Van der Laan, Van den Heuvel, Van der Velden, Van de Pol, Van der Steen, Van Zanten,
Van der Horst, Van Rooij, Van de Velde, Van der Ploeg, Van der Werf, Van Wijngaarden,
Van der Schaaf, Van der Zee, Van Veen, Van Es
"""

_DUTCH_AND_FLEMISH = """
Bakker Bosman Brouwer Claes Dekker Dijkstra Gerritsen Goossens Hendriks Hermans Hoekstra
Huisman Jacobs Janssen Janssens Jansen Kramer Kuipers Maes Meijer Mertens Mulder Peeters
Postma Schouten Smit Smits Timmermans Verbeek Verhoeven Vermeulen Visser Willems Wouters
"""

_ENGLISH = """
Anderson Clarke Davies Davis Evans Harris Jackson Johnson Jones Robinson Roberts Smith
Thompson Williams Wilson
"""

SURNAMES: tuple[str, ...] = tuple(
    sorted(
        {
            *(name.strip() for name in _WITH_DE.split(",")),
            *_DUTCH_AND_FLEMISH.split(),
            *_ENGLISH.split(),
        },
        key=len,
        reverse=True,
    )
)
"""Every surname scrubbing takes alone, as written, the longest first (so that a pattern of
them tries "De Jonge" before "De Jong")."""

VAN_SURNAMES: tuple[str, ...] = tuple(name.strip() for name in _WITH_VAN.split(","))
"""The most common surnames that start with "Van" (the Meertens Instituut's count), known
in lower case after a title or in a search term. Not those whose words are a place or a
word as well ("van den bosch" is from Den Bosch, "van wijk", "van loon" and "van hout"
are of a district, a wage and wood, "van kampen" from Kampen)."""

SURNAMES_THAT_ARE_PHRASES: frozenset[str] = frozenset(
    {"De Haan", "De Jonge", "De Koning", "De Lange", "De Leeuw", "De Ridder", "De Vos"}
)
"""Surnames that, in lower case, are also Dutch words after their article ("de jonge
collega", "de koning"): a search term, typed in lower case, holding one names no one."""

SURNAMES_THAT_ARE_WORDS: frozenset[str] = frozenset(
    {
        *("Bakker", "Brouwer", "Dekker", "Huisman", "Kramer", "Kuipers", "Mulder", "Smit"),
        *("Smith", "Visser", "De Boer", "De Bruin", "De Graaf", "De Groot", "De Jong"),
        *("De Ruiter", "De Wit"),
        *SURNAMES_THAT_ARE_PHRASES,
    }
)
"""Surnames that, in lower case, are also a trade or a word after its article ("ik ben
bakker", "wil visser worden", "ben de boer"): after a given name that is also a word
("ben", "wil"), one typed in lower case is none."""
