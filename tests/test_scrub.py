"""Personal data is taken out of text quoted from exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from needmap import load_study
from needmap.errors import InvalidStudyError, Location, Severity
from needmap.first_names import FIRST_NAMES, NAMED_AFTER, WORDS_IN_LOWER_CASE
from needmap.personas.messages import personal_data_warning
from needmap.personas.schema import Persona
from needmap.scrub import _PARTICLES as PARTICLES
from needmap.scrub import _SIDECODES, name_words, names_a_person, personal_data, scrub
from needmap.surnames import SURNAMES, SURNAMES_THAT_ARE_PHRASES, VAN_SURNAMES
from tests.conftest import GOOGLE_FORMS_HEADER, SURVEY_FIXTURES, import_layout, write_file


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Anders: Piet (piet.jansen@gemeente.nl)", "Anders: [name] ([e-mail])"),
        ("bel 06-12345678", "bel [phone]"),
        ("06 1234 5678", "[phone]"),
        ("tel +31 20 123 4567 of 020-1234567", "tel [phone] of [phone]"),
        ("NL91 ABNA 0417 1643 00", "[IBAN]"),
        ("bsn 123456782", "bsn [number]"),
        ("mail jan(at)gemeente.nl of piet [at] gemeente.nl", "mail [e-mail] of [e-mail]"),
        ("iban nl91 abna 0417 1643 00", "iban [IBAN]"),
        ("nl91abna0417164300", "[IBAN]"),
        ("06 - 12 34 56 78", "[phone]"),
        ("(020) 123 45 67", "[phone]"),
        ("bsn 123.456.782 of 1234 56 782", "bsn [number] of [number]"),
        ("Kerkstraat 12, 1234 AB Amsterdam", "[address], [postcode] Amsterdam"),
        ("Graaf Florislaan 12a, 1234AB", "Graaf [address], [postcode]"),
        ("12 Baker Street", "[address]"),
        ("Ik vroeg het aan mevrouw Jansen", "Ik vroeg het aan [name]"),
        ("dhr. J.P. van der Berg en mw. Bos", "[name] en [name]"),
        ("Mr Smith and Mrs. O'Brien", "[name] and [name]"),
        ("prof. dr. Ümit Yilmaz zei", "[name] zei"),
        ("Werkt in MS Teams en MS Word", "Werkt in MS Teams en MS Word"),
        ("De heer is mijn herder; Doctor Who", "De heer is mijn herder; Doctor Who"),
        ("Buitendienst (handhaving, groen)", "Buitendienst (handhaving, groen)"),
        ("Taak 12, 3 uur; 2026-03-02 09:14:03", "Taak 12, 3 uur; 2026-03-02 09:14:03"),
        ("room AB12 with many people", "room AB12 with many people"),
        ("code AB12 CDEF 1234 5678", "code [IBAN]"),
        ("code AB12 CDEF 1234 567X", "code AB12 CDEF 1234 567X"),
        ("In 2026 IT moves to 1500 EU sites", "In 2026 IT moves to 1500 EU sites"),
        ("budget 1.234.567.890, 100 500 2000", "budget 1.234.567.890, 100 500 2000"),
        ("We zijn onderweg 3 uur, Top 5 taken", "We zijn onderweg 3 uur, Top 5 taken"),
        ("Ik vroeg het aan Piet de Vries", "Ik vroeg het aan [name]"),
        ("Fatima el Amrani belde Anne-Marie van den Berg", "[name] belde [name]"),
        ("Jan Peter Jansen weet het; ask Sarah", "[name] weet het; ask [name]"),
        ("Ask Linda de Roos Tuesday, or Jan J. Peter", "Ask [name] Tuesday, or [name]"),
        ("Piet's laptop en Sanne's telefoon", "[name] laptop en [name] telefoon"),
        ("Ben je er? Wil je Ben bellen?", "Ben je er? Wil je [name] bellen?"),
        ("Dan bel ik Dan. Will it work? Ask Will", "Dan bel ik [name]. Will it work? Ask [name]"),
        # a name that is also a word, starting a sentence before a verb of speaking or a colon
        ("Jan zei: traag. Dan zei hij: nee", "[name] zei: traag. Dan zei hij: nee"),
        ("Noor: ik kan niets vinden. Max: 5 taken", "[name]: ik kan niets vinden. Max: 5 taken"),
        ("Mark said so. Frank zegt het. Roos belt", "[name] said so. [name] zegt het. [name] belt"),
        (
            "Rose from HR. Roos van ICT. Floor van de hal",
            "[name] from HR. [name] van ICT. Floor van de hal",
        ),
        ("Max 5 taken, vanaf Jan 5", "Max 5 taken, vanaf Jan 5"),
        ("Naar Albert Heijn of het Anna Ziekenhuis", "Naar Albert Heijn of het Anna Ziekenhuis"),
        ("Henk-achtig: piet en sarah", "Henk-achtig: piet en sarah"),
        ("In het Frans, Engels en Turks", "In het Frans, Engels en Turks"),
        ("Vraag het (Ben je er?) aan haar", "Vraag het (Ben je er?) aan haar"),
        ("  Ben je er?", "  Ben je er?"),
        ("& Ben", "& [name]"),
        ("Bel Marieke van HR of Piet (ICT)", "Bel [name] van HR of [name] (ICT)"),
        ("Petra (planning), Karim (HR), Joyce", "[name] (planning), [name] (HR), [name]"),
        ("Stefan en Yassine, of Harm zelf", "[name] en [name], of [name] zelf"),
        ("Harm reduction; Bob: nee. In het Frans", "Harm reduction; [name]: nee. In het Frans"),
        ("Jan P. Jansen en Sarah J.M. de Wit", "[name] en [name]"),
        # the edges of each pattern: the shortest IBANs (Norway's, with a tail of three;
        # Switzerland's, with a tail of one), a trunk prefix in brackets, a mobile's 06 in
        # brackets, eight digits, a flat number after a hyphen, one digit before a street,
        # a postcode that does not start with 1, and a pair PostNL never gives out
        ("NO93 8601 1117 947 of CH93 0076 2011 6238 5295 7", "[IBAN] of [IBAN]"),
        ("+31 (0)20 123 4567 of (06) 12345678", "[phone] of [phone]"),
        ("personeelsnummer 12345678", "personeelsnummer [number]"),
        ("Kerkstraat 12-3, Vismarkt 5, 5 Baker Street", "[address], [address], [address]"),
        ("2511 AB Den Haag, kamer 1234 SA", "[postcode] Den Haag, kamer 1234 SA"),
        ("Anna von Trapp en Piet\u2019s laptop", "[name] en [name] laptop"),
        (
            "Roos gaf het door. Rose felt so. Mark emailed",
            "[name] gaf het door. [name] felt so. [name] emailed",
        ),
        # a date after a word that says it is a birth, in any way of writing one; not
        # another date, nor a year
        ("geboren 12-03-1985, geb. 1/3/85", "geboren [date of birth], geb. [date of birth]"),
        ("Geboren op 3 maart 1985 in Delft", "Geboren op [date of birth] in Delft"),
        (
            "born on March 12, 1985; DOB: 1985-03-12",
            "born on [date of birth]; DOB: [date of birth]",
        ),
        ("geboortedatum: 12 mrt. 1985", "geboortedatum: [date of birth]"),
        ("deadline 12-03-2026, geboren in 1985", "deadline 12-03-2026, geboren in 1985"),
        # a card number in groups (Visa's four of four, Amex's 4-6-5); not years listed
        ("pas 4234 5678 9012 3456 of 3782-822463-10005", "pas [number] of [number]"),
        ("in 2023 2024 2025 2026 2027", "in 2023 2024 2025 2026 2027"),
        # a Van before a name already scrubbed is no surname: scrubbing again keeps the Ben
        ("Ben Van A. Jansen; Ben Van [name]", "Ben Van [name]; Ben Van [name]"),
        # a Dutch licence plate, in any of its shapes and cases; not a date or a word
        (
            "kenteken 12-ABC-3, de bus AB-123-C, 1-kbd-23",
            "kenteken [licence plate], de bus [licence plate], [licence plate]",
        ),
        (
            "co-2-uitstoot, top-10-app, 12-03-85, A4-papier",
            "co-2-uitstoot, top-10-app, 12-03-85, A4-papier",
        ),
        # a surname alone: a capitalised Van mid-sentence, or a common surname; not a
        # sentence that starts with "Van" (unless a verb of speaking follows), a firm named
        # after a family, a department, nor a word or river that is also a surname
        ("Ik vroeg collega Van den Berg om hulp", "Ik vroeg collega [name] om hulp"),
        # a surname after Van that is also a first name: whole mid-sentence, the first name
        # where the Van starts the sentence ("from Jim")
        (
            "Ik vroeg Van Jim om hulp. Van Jim kreeg ik niets",
            "Ik vroeg [name] om hulp. Van [name] kreeg ik niets",
        ),
        ("Van Amsterdam tot Zwolle. Van Dijk zei nee", "Van Amsterdam tot Zwolle. [name] zei nee"),
        (
            "bij Van Dijk Installatietechniek, Jansen Transport en iemand Van HR",
            "bij Van Dijk Installatietechniek, Jansen Transport en iemand Van HR",
        ),
        ("vraag het aan De Vries of J. Jansen", "vraag het aan [name] of [name]"),
        ("De Jonge Honden en de Maas; ask Smith", "De Jonge Honden en de Maas; ask [name]"),
        ("Dat zegt Jansen's team. Jansen: nee", "Dat zegt [name] team. [name]: nee"),
        ("De Vries vindt het goed, Smithson ook", "[name] vindt het goed, Smithson ook"),
        ("De Vries regelt het. Jansen ook", "[name] regelt het. [name] ook"),
        # a name typed in lower case, with its surname: a common one, or any word after a
        # particle; and a common surname in lower case after a capitalised name
        ("ik sprak met jan de vries gisteren", "ik sprak met [name] gisteren"),
        ("bel piet jansen of marieke van hr", "bel [name] of [name]"),
        ("fatima el amrani, piet Jansen, jan-willem de vries", "[name], [name], [name]"),
        ("Jan de vries en Piet jansen belden", "[name] en [name] belden"),
        # but not a name alone, nor one before "te" (a word), nor a name that is a word
        # before a surname that is one too, nor a building named after someone
        ("vraag het piet; anna te laat", "vraag het piet; anna te laat"),
        ("ik ben bakker, ben de boer, wil de baas", "ik ben bakker, ben de boer, wil de baas"),
        ("Ben bakker? Ik ben de koning", "Ben bakker? Ik ben de koning"),
        ("naar het johan de witt college", "naar het johan de witt college"),
        # a common surname typed in lower case after a title, but no other word
        ("bel mevrouw jansen, Meneer de vries of dhr. bakker", "bel [name], [name] of [name]"),
        ("de mevrouw van de receptie zei; ms word", "de mevrouw van de receptie zei; ms word"),
        # after a title, a common Van surname, or any word after "van der" and the like;
        # not a department, a title or "ter plaatse"
        ("bel mevrouw van dijk of meneer van der wolk", "bel [name] of [name]"),
        ("meneer el idrissi en Mevr. van 't hof", "[name] en [name]"),
        (
            "meneer de voorzitter, de mevrouw ter plaatse, mevrouw van hr",
            "meneer de voorzitter, de mevrouw ter plaatse, mevrouw van hr",
        ),
        # a name that is a word only capitalised ("Jan 5"), before a particle and a word
        ("jan de wolf belde, noor van hr ook", "[name] belde, [name] ook"),
    ],
)
def test_examples(text: str, shown: str) -> None:
    assert scrub(text) == shown


def test_a_dutch_report_gets_dutch_labels() -> None:
    text = (
        "Mail a@b.nl, bel 06-12345678, bsn 123456782, NL91 ABNA 0417 1643 00, "
        "Dorpsstraat 1, 1234 AB, mevrouw Jansen"
    )
    assert scrub(text, limit=None, language="nl") == (
        "Mail [e-mail], bel [telefoon], bsn [nummer], [IBAN], [adres], [postcode], [naam]"
    )
    assert scrub(text, limit=None, language="en") == (
        "Mail [e-mail], bel [phone], bsn [number], [IBAN], [address], [postcode], [name]"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bel 06-12345678 of 020-1234567", ["a phone number"]),
        ("a@b.nl, NL91 ABNA 0417 1643 00", ["an e-mail address", "an IBAN"]),
        ("bsn 123456782", ["a long number (a citizen service, account or card number?)"]),
        ("geboren 12-03-1985, auto 12-ABC-3", ["a date of birth", "a licence plate"]),
        ("deadline 12-03-2026, 2024-2025-2026", []),
        ("jan06@b.nl", ["an e-mail address"]),
        ("Kerkstraat 12, 1234 AB", ["a street address", "a postcode"]),
        ("room AB12 with many people", []),
        ("Bel meneer De Vries", ["a name after a title (mevrouw, Mr)"]),
        ("Vraag het Piet", ["a person's first name"]),
        ("Vraag het Van der Meer", ["a person's surname"]),
        ("Vraag het Piet of De Vries", ["a person's first name", "a person's surname"]),
        ("vraag het jan de vries", ["a person's first name"]),
        ("vraag het mevrouw de vries", ["a name after a title (mevrouw, Mr)"]),
        ("Mr Smith and mrs jones", ["a name after a title (mevrouw, Mr)"]),
        ("fatima el amrani belt", []),
        ("Fatima belt", []),
        ("Taak 12, 3 uur; 2026-03-02 09:14:03", []),
    ],
)
def test_personal_data_says_what_a_text_holds(text: str, found: list[str]) -> None:
    assert personal_data(text, keep={"Fatima"}) == found


@pytest.mark.parametrize(
    ("term", "names"),
    [
        ("jan de wolf", True),  # a surname the list of common ones lacks
        ("Emma", True),
        ("telefoon marieke", True),
        ("anne-marie", True),
        ("jan-willem", True),
        ("henk-achtig rooster", False),  # a name and a word joined
        ("PIET'S ROOSTER", True),
        ("mark de wolf", True),
        ("max 5", False),
        ("emma 2", False),
        ("roos", False),
        ("wil thuiswerken", False),
        ("albert heijn", False),
        ("sint anna ziekenhuis", False),
        ("johan de witt college", False),  # the third word after the name
        ("piet de wolf bij ziekenhuis", True),  # the fourth: a person at a hospital
        ("verlof aanvragen", False),
        # a common surname alone, but not one that is also words ("the young colleague"),
        # nor the organisation's own name
        ("de vries", True),
        ("telefoon jansen", True),
        ("jansen rooster", True),  # a surname of one word before another word
        ("van den berg", True),  # three words
        ("telefoon van der meer", True),
        ("van den bosch", False),  # from Den Bosch
        ("van dijk", True),
        ("de jonge collega", False),
        ("jansens", False),
    ],
)
def test_which_search_terms_name_a_person(term: str, names: bool) -> None:
    assert names_a_person(term) is names


def test_a_search_term_with_the_organisation_s_name_names_no_one() -> None:
    own = name_words(["Jansen Transport"])
    assert not names_a_person("jansen transport", own)
    assert not names_a_person("van dijk installatietechniek", name_words(["Van Dijk B.V."]))
    assert not names_a_person("Jansen", own)
    assert names_a_person("jansen transport") and names_a_person("bakker transport", own)
    assert names_a_person("de vries", name_words(["De Jong Advies"]))
    assert not names_a_person("de vries parkeren", name_words(["De Vries"]))
    assert names_a_person("de vries parkeren")


_NAME_WORDS = st.sampled_from(
    [
        "Piet",
        "Ben",
        "Jan",
        "van",
        "de",
        "HR",
        "Jansen",
        "mevrouw",
        "5",
        ".",
        "(",
        "A.",
        "Albert",
        "Heijn",
        "Max",
        "je",
        "Will",
        "Anne-Marie",
        "Piet's",
        "a@b.nl",
        "El",
        "College",
        "\n",
        "Van",
        "De",
        "Vries",
        "zei",
        "piet",
        "vries",
        "jansen",
        "hr",
    ]
)


@example(["Piet", "Piet", "Piet", "Piet", "Piet", "HR", "Heijn"])
@settings(max_examples=1000)
@given(st.lists(_NAME_WORDS, max_size=12))
def test_scrubbing_twice_changes_nothing_more(words: list[str]) -> None:
    """A name judged by the words after it (a firm, a department) is judged the same once
    the names around it are labels: a quote scrubbed for its need reads the same in the
    persona report that scrubs it again."""
    once = scrub(" ".join(words), limit=None)
    assert scrub(once, limit=None) == once


def test_the_names_a_study_keeps_stay() -> None:
    """Persona names are made up: a persona's texts name her, and other personas."""
    keep = name_words(["Fatima, KCC-medewerker", "Anne-Marie"])
    assert keep >= {"Fatima", "Anne", "Marie"}
    text = "Fatima belt Anne-Marie en Piet"
    assert scrub(text, keep=keep) == "Fatima belt Anne-Marie en [name]"
    only_anne = name_words(["Anne"])
    assert scrub("Anne belt Anne-Marie", keep=only_anne) == "Anne belt [name]"
    assert scrub(text) == "[name] belt [name] en [name]"


def test_the_organisation_s_own_name_stays() -> None:
    """A firm named after a family is no person: its name stays where a colleague's
    surname does not."""
    own = name_words(["Van Dijk Installatietechniek"])
    text = "Iedereen bij Van Dijk vraagt het Van den Berg"
    assert scrub(text, keep=own) == "Iedereen bij Van Dijk vraagt het [name]"
    assert personal_data("Iedereen bij Van Dijk", keep=own) == []
    assert scrub(text) == "Iedereen bij [name] vraagt het [name]"
    # a family's name with initials is a person's
    assert scrub("A. Van Dijk belde", keep=own) == "[name] belde"


@given(st.text(max_size=60))
def test_personal_data_is_found_exactly_where_scrub_changes_the_text(text: str) -> None:
    assert bool(personal_data(text)) == (scrub(text, limit=None) != text)


def test_the_warning_names_each_kind_the_text_holds() -> None:
    text = "a@b.nl, 06-12345678, NL91 ABNA 0417 1643 00"
    warning = personal_data_warning(Location(Path("a.yaml"), 3, 9), text, "quotes[0]")
    assert warning is not None and warning.severity is Severity.WARNING
    assert warning.format() == (
        "a.yaml:3:9: quotes[0]: warning: this text holds an e-mail address, an IBAN and a "
        "phone number: reports show a label instead, but the study's files keep it"
    )
    assert personal_data_warning(Location(Path("a.yaml")), "Nothing personal") is None


def test_long_text_is_cut() -> None:
    assert scrub("a" * 200) == "a" * 79 + "…"
    assert scrub("a" * 80) == "a" * 80


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
_local = st.text("abcdefghijklmnopqrstuvwxyz0123456789.", min_size=1, max_size=12).filter(
    lambda s: s.strip(".")
)


_domain = st.text("abcdefghij", min_size=1, max_size=8)


@given(
    st.sampled_from(sorted(FIRST_NAMES)),
    st.sampled_from(["", "de ", "van der ", "El "]),
    st.from_regex(r"[A-Z][a-zé]{1,9}", fullmatch=True).filter(lambda s: s not in NAMED_AFTER),
    st.sampled_from(["Gisteren sprak ik", "Ask", "Piet en", ""]),
)
def test_no_first_name_before_a_surname_survives(
    name: str, particle: str, surname: str, before: str
) -> None:
    """Any name the list knows, even one that is also a word, with any surname after it."""
    text = f"{before} {name} {particle}{surname}, over verlof.".lstrip()
    shown = scrub(text, limit=None).replace(",", " ").split()
    assert name not in shown and surname not in shown
    assert scrub(text, limit=None, keep={name, "Piet"}).startswith(f"{before} {name}".lstrip())


def _particle_and_word(particles: list[str]) -> st.SearchStrategy[str]:
    """A surname typed in lower case: one of ``particles``, then any word that is none."""
    return st.builds(
        "{} {}".format,
        st.sampled_from(particles),
        st.from_regex(r"[a-z\u00e9]{2,9}", fullmatch=True).filter(
            lambda word: word not in PARTICLES
        ),
    )


@given(
    st.sampled_from(sorted(FIRST_NAMES - WORDS_IN_LOWER_CASE)),
    st.one_of(
        st.sampled_from([s for s in SURNAMES if s not in SURNAMES_THAT_ARE_PHRASES]),
        st.sampled_from(VAN_SURNAMES),
        _particle_and_word(["van", "de", "van der", "el", "ter"]),
    ),
    st.sampled_from(["gisteren sprak ik", "bel", "ask", ""]),
)
def test_no_name_typed_in_lower_case_survives_with_its_surname(
    name: str, surname: str, before: str
) -> None:
    """Any name the list knows that is no word too, typed in lower case before a common
    surname or a particle and any word: neither shows."""
    typed = f"{name} {surname}".lower()
    text = f"{before} {typed}, over verlof.".lstrip()
    assert scrub(text, limit=None) == f"{before} [name], over verlof.".lstrip()
    assert scrub(text, limit=None, keep={name}) == text


@given(
    st.one_of(
        st.sampled_from(SURNAMES),
        st.builds(
            "Van {}{}".format,
            st.sampled_from(["", "der ", "den ", "de ", "'t "]),
            st.from_regex(r"[A-Z][a-zé]{1,9}", fullmatch=True).filter(
                lambda word: word.casefold() not in PARTICLES  # 'Van der' is no surname
            ),
        ),
    ),
    st.sampled_from(["Ik vroeg", "Bel", "ask", "Volgens collega", "Dat zei"]),
    st.sampled_from([" om hulp.", ", die het weet.", "", " morgen"]),
)
def test_no_surname_alone_survives_but_the_organisation_s_does(
    surname: str, before: str, after: str
) -> None:
    """Any common surname, or any name after a capitalised Van, mid-sentence; the same
    name stays where it is the organisation's."""
    text = f"{before} {surname}{after}"
    assert scrub(text, limit=None) == f"{before} [name]{after}"
    own = name_words([f"{surname} Advies"])
    assert scrub(text, limit=None, keep=own) == text


@given(st.text(max_size=40), _local, _domain, st.text(max_size=40))
def test_no_email_survives(before: str, user: str, domain: str, after: str) -> None:
    shown = scrub(f"{before} {user}@{domain}.nl {after}", limit=1000)
    assert f"{user}@{domain}.nl" not in shown
    assert scrub(shown, limit=1000) == shown  # scrubbing twice changes nothing more


@given(
    st.sampled_from(["NL", "nl", "BE", "de"]),
    st.text("0123456789", min_size=2, max_size=2),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=4, max_size=4),
    st.text("0123456789", min_size=10, max_size=10),
    st.sampled_from(["", " "]),
)
def test_no_iban_survives(country: str, check: str, bank: str, account: str, space: str) -> None:
    groups = [country + check, bank, account[:4], account[4:8], account[8:]]
    iban = space.join(groups)
    assert "[IBAN]" in scrub(f"rekening {iban} graag", limit=None)


@given(
    st.text("0123456789", min_size=9, max_size=9),
    st.sampled_from([(3, 3, 3), (4, 2, 3)]),
    st.sampled_from([".", " "]),
)
def test_no_citizen_service_number_survives(
    digits: str, sizes: tuple[int, int, int], separator: str
) -> None:
    first, second, _ = sizes
    grouped = separator.join(
        [digits[:first], digits[first : first + second], digits[first + second :]]
    )
    shown = scrub(f"bsn {grouped}.", limit=None)
    assert not any(c.isdigit() for c in shown), shown


@given(st.sampled_from(_SIDECODES), st.data())
def test_no_licence_plate_survives(code: str, data: st.DataObject) -> None:
    """Every shape of a Dutch plate (the RDW's sidecodes), with any letters and digits."""
    plate = "".join(
        data.draw(st.sampled_from("BDFGHJKLNPRSTVXZ" if c == "X" else "0123456789"))
        if c in "X9"
        else c
        for c in code
    )
    assert scrub(f"auto {plate}.", limit=None) == "auto [licence plate]."
    assert scrub(f"auto {plate.lower()}", limit=None) == "auto [licence plate]"


@given(
    st.sampled_from(["2221", "2720", "3", "4", "5", "6"]),
    st.text("0123456789", min_size=15, max_size=15),
    st.sampled_from([" ", "-"]),
)
def test_no_card_number_survives(issuer: str, digits: str, separator: str) -> None:
    number = (issuer + digits)[:16]
    grouped = separator.join(number[i : i + 4] for i in range(0, 16, 4))
    shown = scrub(f"pas {grouped}, graag", limit=None)
    assert not any(c.isdigit() for c in shown), shown


def test_import_messages_quote_answers_without_personal_data(tmp_path: Path) -> None:
    study = load_study(SURVEY_FIXTURES / "study")
    export = write_file(
        tmp_path,
        "g.csv",
        GOOGLE_FORMS_HEADER
        + "t1,Jan de Vries jan@example.org 0612345678,Book leave\n"
        + 't2,Field staff,"Book leave, Call me on +31 6 1234 5678"\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "google-forms", export)
    shown = "\n".join(f"{p.format()} {p.hint}" for p in raised.value.problems)
    assert "jan@example.org" not in shown and "0612345678" not in shown and "Vries" not in shown
    assert "1234 5678" not in shown
    assert "unknown group answer '[name] [e-mail] [phone]'" in shown
    assert "cannot match 'Call me on [phone]' to a task" in shown


def test_a_persona_s_free_texts_are_every_text_the_reports_scrub() -> None:
    persona = Persona.model_validate(
        {
            "id": "p",
            "name": "P",
            "group": "g",
            "role": "r",
            "summary": "s",
            **{field: ["a", "b"] for field in ("goals", "frustrations", "scenarios")},
            **{field: ["a"] for field in ("devices", "places", "quotes")},
            "needs": ["n"],
        }
    )
    assert [path for path, _ in persona.free_texts()] == [
        ("role",),
        ("summary",),
        ("goals", 0),
        ("goals", 1),
        ("frustrations", 0),
        ("frustrations", 1),
        ("scenarios", 0),
        ("scenarios", 1),
        ("devices", 0),
        ("places", 0),
        ("quotes", 0),
    ]


@given(
    st.sampled_from(["mevrouw", "Meneer", "dhr.", "mw.", "de heer", "Mr", "mevr."]),
    st.one_of(
        st.sampled_from([s.casefold() for s in VAN_SURNAMES]),
        _particle_and_word(["van der", "van den", "van 't", "el", "von"]),
    ),
    st.sampled_from(["Ik sprak", "bel", "Volgens", ""]),
)
def test_no_surname_typed_in_lower_case_after_a_title_survives(
    title: str, surname: str, before: str
) -> None:
    """A common Van surname, or any word after a particle no department or title starts
    with, typed in lower case after a title: neither shows."""
    text = f"{before} {title} {surname}, over verlof.".lstrip()
    assert scrub(text, limit=None) == f"{before} [name], over verlof.".lstrip()
