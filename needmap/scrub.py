"""Take personal data out of free text before needmap shows it.

Survey exports hold what respondents typed, and personas quote what interviewees said.
needmap quotes export text in problem messages (an unknown answer, a choice that matches no
task), which end up in terminals, CI logs and tickets, so it is also shortened there; persona
reports show the consultant's text whole. In both, e-mail addresses (also written
``name(at)domain``), phone numbers, IBANs (in any case), long digit runs, citizen service
numbers and card numbers written in groups (``123.456.782``, ``4234 5678 9012 3456``), dates
after a word that says they are a birth (``geboren 12-03-1985``), Dutch licence plates
(``12-ABC-3``), Dutch postcodes, street addresses, names
after a title (``mevrouw Jansen``, ``Mr Smith``; typed in lower case, a common surname or
one after ``van der`` and the like: ``mevrouw jansen``, ``mevrouw van dijk``, ``meneer van
der wolk``), common first names with the surname that follows (``Piet``, ``Fatima
el Amrani``, see :mod:`needmap.first_names`; typed in lower case, with that surname only:
``jan de vries``, ``marieke van hr``) and surnames alone (``collega Van den Berg``, ``De
Vries``, see :mod:`needmap.surnames`) are replaced by a label. A rarer surname alone or a
rare first name cannot be recognised reliably; shortening limits how much of them can show
in a message. The organisation's own name may be a family's (``Van Dijk
Installatietechniek``): texts of a study keep it.

Libraries that find personal data (scrubadub, presidio) bring machine-learning stacks and
language models for English; for quoting a cell in a message, these patterns do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from needmap.first_names import (
    FIRST_NAMES,
    NAMED_AFTER,
    NAMES_THAT_ARE_WORDS,
    WORDS_IN_LOWER_CASE,
)
from needmap.surnames import (
    SURNAMES,
    SURNAMES_THAT_ARE_PHRASES,
    SURNAMES_THAT_ARE_WORDS,
    VAN_SURNAMES,
)

__all__ = ["name_words", "names_a_person", "personal_data", "scrub"]

_NOT_POSTCODES = "SA|SD|SS|AI|BV|CV|EU|HR|ID|IT|NL|NV|OK|PC|PR|QA|TV|UK|US|VS"
"""Letter pairs after four digits that are not a postcode: the three PostNL never gives out,
and abbreviations that follow a year or a number in a sentence ("2026 IT", "1500 EU")."""

_SIDECODES = (
    *("XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9"),
    *("9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9"),
)
"""The shapes of a Dutch licence plate (the RDW's "sidecodes"): groups of letters (X) and
digits (9), always a group of each, so that a date ("12-03-85") is none."""

_LICENCE_PLATE = "|".join(
    code.replace("X", "[A-Z]").replace("9", r"\d") for code in sorted(_SIDECODES)
)

_MONTH = r"(?:jan|feb|maa|mar|mrt|apr|may|mei|jun|jul|aug|sep|o[ck]t|nov|dec)[a-z]*\.?"
"""A month's name, Dutch or English, whole or shortened ("maart", "mrt.", "Sept")."""

_DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})\b|\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\d{{1,2}}(?:e|st|nd|rd|th)? {_MONTH} \d{{4}}\b|{_MONTH} \d{{1,2}},? \d{{4}}\b)"
)
"""A date as people write one: 12-03-1985, 12/3/85, 1985-03-12, 12 maart 1985, March 12,
1985. Only a date after a word that says it is one's birth is scrubbed: other dates are a
study's content (a deadline, an interview's day)."""

_CAPITAL = r"[^\W\d_a-zß-ÿ]"
"""A capital letter, of any script's (``Ümit``)."""

_CAPITALISED = rf"{_CAPITAL}[\w'\u2019-]*"
"""A word that starts with a capital (``Ümit``, ``O'Brien``)."""

_PATTERNS = (
    (re.compile(r"(?<![\w.+-])[\w.+-]++(?:@|\s?[(\[]at[)\]]\s?)[\w-]++(?:\.[\w-]++)++"), "e-mail"),
    (
        re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.IGNORECASE),
        "IBAN",
    ),
    (
        re.compile(
            r"(?P<cue>\b(?:geboren(?: op)?|geb\.|geboortedatum:?|born(?: on)?|date of birth:?"
            rf"|dob:?|d\.o\.b\.:?) ){_DATE}",
            re.IGNORECASE,
        ),
        "date of birth",
    ),
    (
        re.compile(
            r"(?<![\w.,])(?:(?:[3-6]\d{3}|2[2-7]\d\d)([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
            r"|3[47]\d\d([ -])\d{6}\2\d{5})(?![\w]|[.,]\d)"
        ),
        "number",
    ),
    (re.compile(rf"(?<![\w-])(?:{_LICENCE_PLATE})(?![\w-])", re.IGNORECASE), "licence plate"),
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
so that its digits are not also taken for a phone number. A card number starts as cards'
issuers do (2221-2720, 3, 4, 5, 6), so that years listed ("2023 2024 2025 2026") are none.
Each pattern takes time in proportion to the text: an e-mail address is looked for only
where a word starts, its parts never given back (``++``), and a name takes four titles at
most, so that a long text without spaces or of titles does not take minutes. An IBAN counts
only with at least ten digits (every country's has more), so that "room AB12 with many
people" is left alone."""

_IBAN_DIGITS = 10

_CAPITALISED_WORD = re.compile(rf"(?<![\w'\u2019.@/&+-]){_CAPITALISED}")
"""A word that may be a first name: capitalised, and not part of an e-mail address, a path
or a longer word."""

_PARTICLES = (
    *("van", "de", "der", "den", "ter", "ten", "te", "'t", "el", "al", "da", "dos", "du"),
    *("le", "la", "von"),
)
"""The words before a surname (``van der``, ``el``), in any case."""

_SURNAME = re.compile(
    rf" (?:[A-Z]\. ?)*(?:(?i:{'|'.join(_PARTICLES)}) )*"
    rf"(?!(?i:van|von|de|der|den|ter|ten)(?![\w'\u2019-])){_CAPITALISED}"
)
"""What follows a first name as its surname: initials, particles, then a capitalised word
that is no Dutch or German particle (a ``Van`` before a name already scrubbed is none: "Ben
Van [name]" would lose its ``Ben`` when scrubbed again); ``Le`` or ``Da`` may be one."""

_TYPED_SURNAME = re.compile(rf" ((?:(?:{'|'.join(_PARTICLES)}) )*)([^\W\d_][\w'\u2019-]*)")
"""What may follow a first name as its surname in text typed in lower case: particles as
typed, then a word in any case (``jan de vries``, ``piet Jansen``)."""

_TYPED_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "el", "'t", "von"})
"""The particles that, typed in lower case after a given name, show that the word after
them is a surname (``marieke van hr``, ``fatima el amrani``); not ``te``, ``al`` or ``la``,
which are words ("anna te laat")."""

_TITLE = re.compile(
    r"(?<![\w.])(?i:mevrouw|meneer|mevr\.?|mw\.|dhr\.?|de heer|mr\.?|mrs\.?|ms\.?)(?= )"
)
"""A title before a surname, in any case: the surname after it may be typed in lower case
("mevrouw jansen", "Meneer de vries")."""

_LOWER_CASE_WORD = re.compile(r"(?<![\w'\u2019.@/&+-])[^\W\d_][\w'\u2019-]*")
"""A word that may be a given name typed in lower case, not part of an e-mail address, a
path or a longer word."""

_SURNAME_ALONE = re.compile(
    r"(?<![\w'\u2019.@/&+-])(?<![A-Z]\. )(?:[A-Z]\. ?)*+"
    rf"(?:Van(?: (?:der|den|de|het|'t))? {_CAPITAL}[\w'\u2019-]+"
    rf"|(?:{'|'.join(map(re.escape, SURNAMES))})(?:['\u2019]s?)?(?![\w'\u2019-]))"
)
"""A surname without a given name: initials, then a capitalised ``Van`` and what follows
it (``Van den Berg``), or a common surname (:mod:`needmap.surnames`). A run of initials is
tried from its first only, and never given back: tried again from each of its initials, a
long run of them ("A. A. A. …") took minutes."""

_FOLDED_SURNAMES = frozenset(
    s.casefold() for s in (*SURNAMES, *VAN_SURNAMES) if s not in SURNAMES_THAT_ARE_PHRASES
)
"""The common surnames as a search term holds them, in lower case (``de vries``, ``van den
berg``), less those that are also words (``de jonge``)."""

_LONGEST_SURNAME = max(len(s.split()) for s in _FOLDED_SURNAMES)
"""The most words a common surname has (``van den berg``)."""

_NEXT_CAPITALISED = re.compile(rf" {_CAPITALISED}")
"""A capitalised word right after a surname: the rest of a firm's name ("Van Dijk
Installatietechniek", "Jansen Transport")."""

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d+")
"""A word of a search term, or a number (after which a name is none: ``max 5``)."""

_SPEAKS = re.compile(
    r" (?:zei|zegt|vertelde|vertelt|vroeg|vraagt|antwoordde|antwoordt|vond|vindt|dacht|denkt"
    r"|wilde|wil|schreef|schrijft|mailde|mailt|belde|belt|merkte|noemde|legde|gaf"
    r"|said|says|told|asked|asks|replied|explained|mentioned|thinks|thought|feels|felt"
    r"|wants|wanted|wrote|called|emailed)\b|:(?!\s*\d)| (?:from|van) (?=[A-Z])"
)
"""What follows a name that is also a word when it starts a sentence as the name: a verb of
speaking or thinking ("Jan zei", "Roos vindt", "Mark said"), a colon, as in notes that put
the speaker first ("Noor: ik kan niets vinden"; "Max: 5" is a maximum), or the department
someone is from ("Rose from HR", "Roos van ICT")."""

_ADVERBS_BEFORE_A_VERB = frozenset({"Dan"})
"""Names that are also a Dutch adverb, which starts a sentence before its verb too: "Dan
zei hij" is "then he said"."""

_SENTENCE_ENDS = frozenset(".!?:;\"'\u201c\u2018\u00ab([*\u2022>\u2013\u2014-")
"""Characters after which a word starts a sentence, a quotation or an item of a list."""

_LABELS = {
    "en": {
        "e-mail": "[e-mail]",
        "IBAN": "[IBAN]",
        "phone": "[phone]",
        "number": "[number]",
        "date of birth": "[date of birth]",
        "licence plate": "[licence plate]",
        "address": "[address]",
        "postcode": "[postcode]",
        "name": "[name]",
    },
    "nl": {
        "e-mail": "[e-mail]",
        "IBAN": "[IBAN]",
        "phone": "[telefoon]",
        "number": "[nummer]",
        "date of birth": "[geboortedatum]",
        "licence plate": "[kenteken]",
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
    "number": "a long number (a citizen service, account or card number?)",
    "date of birth": "a date of birth",
    "licence plate": "a licence plate",
    "address": "a street address",
    "postcode": "a postcode",
    "name": "a name after a title (mevrouw, Mr)",
    "first name": "a person's first name",
    "surname": "a person's surname",
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
        return (match.groupdict().get("cue") or "") + label

    return pattern.sub(replaced, text), found


def _bare(word: str) -> str:
    """``word`` without a possessive ending (``Piet's``)."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of a sentence, a quotation or a line."""
    at = start - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at < 0 or text[at] == "\n" or text[at] in _SENTENCE_ENDS


def _is_department(surname: re.Match[str] | None) -> bool:
    """Whether what follows a first name is a department in capitals ("van HR")."""
    return surname is not None and surname[0].split()[-1].isupper()


def _typed_surname_end(
    text: str, end: int, parts: list[str], *, after_a_particle: bool = False
) -> int | None:
    """Where the surname typed in lower case after the given name ``parts`` (ending at
    ``end``) ends, or None if none follows: a common surname (``jan de vries``, ``Piet
    jansen``) or, if ``after_a_particle``, any word after a particle (``marieke van
    hr``). A given name that is also a word before a surname that is also a word is none
    (``ik ben bakker``, ``ben de boer``), nor such a name before a particle and any word
    (``wil de baas``)."""
    surname = _TYPED_SURNAME.match(text, end)
    if surname is None or surname[2].casefold() in _PARTICLES:
        return None
    particles = surname[1].split()
    word = _bare(surname[2])
    a_word_too = len(parts) == 1 and parts[0] in WORDS_IN_LOWER_CASE
    written = " ".join([*particles, word])
    if written.casefold() in _FOLDED_SURNAMES:
        if a_word_too and written.title() in SURNAMES_THAT_ARE_WORDS:
            return None
        return surname.end()
    if after_a_particle and particles and _TYPED_PARTICLES.issuperset(particles):
        return None if a_word_too else surname.end()
    return None


def _surname_end(text: str, end: int, parts: list[str]) -> int:
    """Where the surname after the first name ``parts`` that ends at ``end`` ends, or
    ``end`` if none follows. After a second given name comes the surname ("Jan Peter
    Jansen"); a surname with a particle or initials is none, even when it ends in a given
    name ("Linda de Roos Tuesday" keeps its Tuesday). A common surname counts in lower case
    too ("Jan de vries")."""
    surname = _SURNAME.match(text, end)
    if surname is None or _is_department(surname):
        return _typed_surname_end(text, end, parts) or end
    if _bare(surname[0].lstrip(" ")) in FIRST_NAMES:
        further = _SURNAME.match(text, surname.end())
        if further and not _is_department(further):
            return further.end()
    return surname.end()


_VAN_BEFORE = re.compile(r"(?<![\w'\u2019.@/&+-])Van(?: (?:der|den|de|het|'t))? $")
"""A capitalised ``Van`` (and its article) right before a word: that word is a surname."""


def _after_a_van(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a capitalised ``Van`` that does not start a
    sentence: a surname alone (``Van Jim``), not a first name ("Van Jim kreeg ik het" is
    "from Jim")."""
    van = _VAN_BEFORE.search(text, max(0, start - 12), start)
    return van is not None and not _starts_sentence(text, van.start())


def _name_at(text: str, match: re.Match[str], keep: Collection[str]) -> tuple[int, bool] | None:
    """The name that starts with ``match``: where it ends (surname included) and whether it
    is a person's, to scrub. A name of ``keep`` (every part of it: a persona ``Anne`` keeps
    no ``Anne-Marie``) or of a firm or building (``Albert Heijn``, ``Johan de Witt
    College``) is not, and its words are passed over whole. None if ``match`` is no name:
    not a known first name, one before a date or a count (``Jan 5``, ``Max 5``), a word
    that merely starts a sentence (``Ben je er?``), or a surname after a capitalised
    ``Van`` mid-sentence (``collega Van Jim``), which the surname pass takes whole."""
    parts = _bare(match[0]).split("-")
    if not all(part in FIRST_NAMES for part in parts) or _after_a_van(text, match.start()):
        return None
    end = match.end()
    name_end = _surname_end(text, end, parts)
    after = _SURNAME.match(text, name_end)
    if NAMED_AFTER.intersection(text[end : after.end() if after else name_end].split()):
        return (after.end() if after else name_end), False
    if all(part in keep for part in parts):
        return name_end, False
    if name_end > end:
        return name_end, True
    if text[end : end + 2].lstrip(" ")[:1].isdigit() or (
        len(parts) == 1
        and parts[0] in NAMES_THAT_ARE_WORDS
        and _starts_sentence(text, match.start())
        and not _speaks(text, end, parts[0])
    ):
        return None
    return end, True


def _speaks(text: str, end: int, name: str) -> bool:
    """Whether a name that is also a word, at the start of a sentence and ending at ``end``,
    is followed by what shows it is someone: a verb of speaking or a colon."""
    return name not in _ADVERBS_BEFORE_A_VERB and _SPEAKS.match(text, end) is not None


def _replace_first_names(
    text: str, label: str, keep: Collection[str]
) -> tuple[str, bool, list[tuple[int, int]]]:
    """``text`` with each first name and its surname put as ``label``, whether there was
    any, and where the names that stay (those in ``keep``, a firm's) stand in the text
    returned: their surnames are none to scrub alone either."""
    pieces: list[str] = []
    done = 0
    at = 0
    replaced = False
    passed_over: list[tuple[int, int]] = []
    for match in _CAPITALISED_WORD.finditer(text):
        if match.start() < done:
            continue
        name = _name_at(text, match, keep)
        if name is None:
            continue
        name_end, personal = name
        shown = label if personal else text[match.start() : name_end]
        at += match.start() - done
        if not personal:
            passed_over.append((at, at + len(shown)))
        pieces += [text[done : match.start()], shown]
        at += len(shown)
        replaced = replaced or personal
        done = name_end
    if not replaced:
        return text, False, passed_over
    return "".join(pieces) + text[done:], True, passed_over


def _labelled(
    text: str,
    matches: Iterable[re.Match[str]],
    end_of: Callable[[re.Match[str]], int | None],
    label: str,
) -> tuple[str, bool]:
    """``text`` with each span from a match to where ``end_of`` says it ends (None: no
    span there) put as ``label``, and whether there was any; a match inside an earlier
    span is passed over."""
    pieces: list[str] = []
    done = 0
    for match in matches:
        end = None if match.start() < done else end_of(match)
        if end is not None:
            pieces += [text[done : match.start()], label]
            done = end
    if not pieces:
        return text, False
    return "".join(pieces) + text[done:], True


_TITLED_PARTICLES = frozenset({"der", "den", "'t", "el", "von"})
"""Particles that, after a title, show that the word after them is a surname ("mevrouw
van der wolk", "meneer el idrissi"). Not ``van`` or ``de`` alone, which also start where
someone works or a title ("de mevrouw van de receptie", "meneer de voorzitter"), nor
``ter`` and ``ten`` ("de mevrouw ter plaatse")."""


def _titled_surname_end(text: str, title: re.Match[str]) -> int | None:
    """Where the surname typed in lower case after ``title`` ends: a common surname, or
    any word after a particle of :data:`_TITLED_PARTICLES`; None if none follows."""
    common = _typed_surname_end(text, title.end(), [])
    if common is not None:
        return common
    surname = _TYPED_SURNAME.match(text, title.end())
    if (
        surname is None
        or surname[2].casefold() in _PARTICLES
        or not _TITLED_PARTICLES.intersection(surname[1].casefold().split())
    ):
        return None
    return surname.end()


def _replace_titled_surnames(text: str, label: str) -> tuple[str, bool]:
    """``text`` with each surname typed in lower case after a title put, with its title,
    as ``label`` ("mevrouw jansen", "dhr. de vries", "mevrouw van dijk", "meneer van der
    wolk"), and whether there was any. Any other word after a title stays: "de mevrouw
    van de receptie" names no one."""
    return _labelled(
        text, _TITLE.finditer(text), lambda title: _titled_surname_end(text, title), label
    )


def _replace_typed_names(text: str, label: str, keep: Collection[str]) -> tuple[str, bool]:
    """``text`` with each given name typed in lower case and the surname after it put as
    ``label`` (``jan de vries``, ``fatima el amrani``), and whether there was any. A name
    alone stays: in lower case, too many are words too ("mats", "roger", "lily"). So does
    a name of ``keep`` and a building's name (``johan de witt college``)."""
    kept = {word.casefold() for word in keep}

    def name_end(match: re.Match[str]) -> int | None:
        parts = [part.capitalize() for part in _bare(match[0]).split("-")]
        if not match[0].islower() or not all(part in FIRST_NAMES for part in parts):
            return None
        end = _typed_surname_end(text, match.end(), parts, after_a_particle=True)
        after = _WORD.match(text, end + 1) if end and text[end : end + 1] == " " else None
        if kept.issuperset(part.casefold() for part in parts) or (
            after is not None and after[0].capitalize() in NAMED_AFTER
        ):
            return None
        return end

    return _labelled(text, _LOWER_CASE_WORD.finditer(text), name_end, label)


def _surname_at(text: str, match: re.Match[str], keep: Collection[str]) -> tuple[int, bool]:
    """Where the surname alone that ``match`` found ends and whether it is a person's, to
    scrub. A firm named after a family (``Van Dijk Installatietechniek``: a capitalised
    word follows), a department in capitals (``Van HR``), a surname all of whose words are
    in ``keep`` (the organisation's own name) and a ``Van`` that merely starts a sentence
    (``Van Amsterdam tot Zwolle``) without a verb of speaking after it are not. A common
    surname starts a sentence as the name (``De Vries regelt het``)."""
    end = match.end()
    firm = _NEXT_CAPITALISED.match(text, end)
    if firm is not None:
        while (further := _NEXT_CAPITALISED.match(text, firm.end())) is not None:
            firm = further
        return firm.end(), False
    words = [
        _bare(word)
        for word in re.findall(r"[^\W\d_][\w'\u2019]*", match[0])
        if word.casefold() not in _PARTICLES
    ]
    if (
        not words
        or words[-1].isupper()
        or all(word in keep for word in words)
        or (
            "Van" in match[0].split()
            and _starts_sentence(text, match.start())
            and _SPEAKS.match(text, end) is None
        )
    ):
        return end, False
    return end, True


def _replace_surnames(
    text: str, label: str, keep: Collection[str], passed_over: Collection[tuple[int, int]]
) -> tuple[str, bool]:
    """``text`` with each surname alone put as ``label``, and whether there was any; those
    of ``keep`` stay, and so does what stands in ``passed_over`` (the names that
    :func:`_replace_first_names` left, in order)."""
    if text.lower() == text:  # each surname starts with a capital: a search term has none
        return text, False
    pieces: list[str] = []
    done = 0
    replaced = False
    spans = iter(passed_over)  # in the order of the text, as the matches are
    span = next(spans, None)
    for match in _SURNAME_ALONE.finditer(text):
        while span is not None and span[1] <= match.start():
            span = next(spans, None)
        if match.start() < done or (span is not None and span[0] <= match.start()):
            continue
        end, personal = _surname_at(text, match, keep)
        pieces += [text[done : match.start()], label if personal else text[match.start() : end]]
        replaced = replaced or personal
        done = end
    if not replaced:
        return text, False
    return "".join(pieces) + text[done:], True


def names_a_person(term: str, keep: Collection[str] = ()) -> bool:
    """Whether ``term``, as typed into a search box (in any case), holds a first name or a
    common surname: ``jan de vries``, ``emma``, ``telefoon marieke``, ``de vries``. A name
    that is also a word (``max``, ``roos``) counts only before a surname's particle (``jan
    de vries``); names before a number or of a firm or building (``albert heijn``) do not
    count, nor a surname whose words are all in ``keep`` (the organisation's own name)."""
    words = [_bare(w.casefold()) for w in _WORD.findall(term)]
    kept = {word.casefold() for word in keep}
    for i, word in enumerate(words):
        if any(
            " ".join(words[i:end]) in _FOLDED_SURNAMES and not kept.issuperset(words[i:end])
            for end in range(i + 1, i + 1 + _LONGEST_SURNAME)
        ):
            return True
        parts = [part.capitalize() for part in word.split("-")]
        after = words[i + 1 : i + 4]
        if (
            not all(part in FIRST_NAMES for part in parts)
            or any(w.capitalize() in NAMED_AFTER for w in after)
            or (after and after[0].isdigit())
        ):
            continue
        if len(parts) > 1 or parts[0] not in NAMES_THAT_ARE_WORDS:
            return True
        if len(after) >= 2 and after[0] in _PARTICLES:
            return True
    return False


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The words of ``names`` ("Fatima, KCC-medewerker"): a :func:`scrub` ``keep`` for
    texts about the personas, whose names are made up."""
    return frozenset(word for name in names for word in re.findall(r"[^\W\d_]+", name))


def scrub(
    text: str, limit: int | None = 80, *, language: str = "en", keep: Collection[str] = ()
) -> str:
    """``text`` without the personal data above, cut to ``limit`` characters (None: whole).

    ``language`` is the study's (``nl`` or ``en``) for text in its reports and JSON; problem
    messages, in English, keep the English labels. ``keep`` holds the words of names that
    stay: those of the study's personas, which are made up, and of its organisation."""
    labels = _LABELS.get(language, _LABELS["en"])
    for pattern, kind in _PATTERNS:
        text, _ = _replace(pattern, kind, text, labels[kind])
    text, _ = _replace_titled_surnames(text, labels["name"])
    text, _ = _replace_typed_names(text, labels["name"], keep)
    text, _, passed_over = _replace_first_names(text, labels["name"], keep)
    text, _ = _replace_surnames(text, labels["name"], keep, passed_over)
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def personal_data(text: str, keep: Collection[str] = ()) -> list[str]:
    """What personal data ``text`` holds, described ("a phone number"), each kind once, in
    the order :func:`scrub` looks for them: for a warning that the file itself keeps it.
    ``keep`` is :func:`scrub`'s."""
    found: list[str] = []
    labels = _LABELS["en"]  # as scrub puts them, so that the names around read the same
    for pattern, kind in _PATTERNS:
        text, holds = _replace(pattern, kind, text, labels[kind])
        if holds and _DESCRIBED[kind] not in found:
            found.append(_DESCRIBED[kind])
    text, titled = _replace_titled_surnames(text, labels["name"])
    if titled and _DESCRIBED["name"] not in found:
        found.append(_DESCRIBED["name"])
    text, typed = _replace_typed_names(text, labels["name"], keep)
    text, first_name, passed_over = _replace_first_names(text, labels["name"], keep)
    if typed or first_name:
        found.append(_DESCRIBED["first name"])
    if _replace_surnames(text, labels["name"], keep, passed_over)[1]:
        found.append(_DESCRIBED["surname"])
    return found
