"""The group question's answers in the study's other language: put in the study's words
(``role_words``) and guessed to the group they name (``draft_words.guess_in_words_of``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from needmap import load_study
from needmap.personas.schema import Language
from needmap.personas.study import Study
from needmap.scaffold import init_study
from needmap.surveys import load_mapping
from needmap.surveys.draft_words import guess_group, guess_in_words_of
from needmap.surveys.mapping import mapping_files
from needmap.surveys.role_words import in_language

_TWINS = (("gemeente", "municipality"), ("zorginstelling", "care"), ("bedrijf", "company"))
"""The templates that are one study in two languages: their groups in the same order, and
the group question of their survey translated."""


@pytest.mark.parametrize(
    ("parts", "language", "said"),
    [
        # a part the table has whole: each of its translations, the likeliest first
        (["director"], "nl", [("directeur", "directie")]),
        (["team lead", "department head"], "nl", [("teamleider",), ("afdelingshoofd",)]),
        # word by word, the longest phrase first; a word the table lacks as it is
        (["senior policy adviser"], "nl", [("senior beleidsadviseur",)]),
        (["front desk staff"], "nl", [("balie medewerker",)]),
        # plural endings: "nurses", "verpleegkundigen", "medewerkers"
        (["nurses"], "nl", [("verpleegkundige",)]),
        (["verpleegkundigen"], "en", [("nurse",)]),
        # a Dutch compound by its halves, with or without the linking s
        (["receptiemedewerkers"], "en", [("reception staff",)]),
        (["beveiligingsmedewerker"], "en", [("security staff",)]),
        (["bedrijfsarts"], "en", [("company doctor",)]),
        # a word of four letters is looked up without its ending too
        (["bodes"], "en", [("usher",)]),
        # folded, as the draft hands the parts over: no accents
        (["financien", "inkoop"], "en", [("finance",), ("purchasing", "procurement")]),
        # a part with no word known beside one that has
        (["verpleegkundige", "stagebegeleider"], "en", [("nurse",), ("stagebegeleider",)]),
    ],
)
def test_an_answer_s_parts_are_put_in_the_other_language_s_words(
    parts: list[str], language: Language, said: list[tuple[str, ...]]
) -> None:
    assert in_language(parts, language) == said


@pytest.mark.parametrize(
    ("parts", "language"),
    [
        (["anders"], "en"),
        (["other"], "nl"),
        # the table is of one language each way: English words are not put in English
        (["front desk"], "en"),
        # a word of three letters without its ending is not looked up: "kccs" is not "kcc"
        (["kccs"], "en"),
    ],
)
def test_an_answer_with_no_word_the_table_knows_is_not_put_in_other_words(
    parts: list[str], language: Language
) -> None:
    assert in_language(parts, language) is None


@pytest.mark.parametrize(
    ("study_template", "other_template"), [*_TWINS, *((b, a) for a, b in _TWINS)]
)
def test_each_answer_of_a_template_is_guessed_to_the_group_of_its_twin(
    tmp_path: Path, study_template: str, other_template: str
) -> None:
    """A study started from one template, and the survey of its twin in the other
    language: every answer that names a group is guessed to the group in its place in the
    study, by its own words or else by their translation; "Other" to none."""
    ours, theirs = (_started(tmp_path, name) for name in (study_template, other_template))
    their_mapping = load_mapping(mapping_files(tmp_path / other_template)[0], theirs)
    to_ours = {their.id: our.id for their, our in zip(theirs.groups, ours.groups, strict=True)}
    in_words = 0
    for answer, group in their_mapping.group.values.items():
        assert isinstance(group, str | None)
        guessed = guess_group(ours, answer)
        if guessed is None:
            found = guess_in_words_of(ours, answer)
            in_words += found is not None
            guessed = None if found is None else found[0]
        assert guessed == (None if group is None else to_ours[group]), answer
    assert in_words >= 2


def test_words_that_name_two_groups_guess_neither(tmp_path: Path) -> None:
    """ "Buitendienst of bureau" is field work or office in English words: two groups of
    the municipality, and neither is guessed (it would count people in the wrong group)."""
    study = _started(tmp_path, "municipality")
    assert in_language(["buitendienst", "bureau"], "en") == [
        ("field work", "field staff", "field service", "field"),
        ("office",),
    ]
    assert guess_in_words_of(study, "Buitendienst of bureau") is None
    assert guess_in_words_of(study, "Buitendienst") == ("field", "field work")


def test_an_answer_with_no_word_the_table_knows_guesses_nothing(tmp_path: Path) -> None:
    study = _started(tmp_path, "municipality")
    assert guess_in_words_of(study, "Anders") is None
    assert guess_in_words_of(study, "Stagebegeleider") is None


def test_a_carer_by_profession_is_not_guessed_to_the_family_s_carers(tmp_path: Path) -> None:
    """ "Verzorgende" is care staff; English "carer" is as often the family's (a
    "mantelzorger"), so the table does not give it, or the name "Family and carers" would
    take the care staff."""
    study = _started(tmp_path, "care")
    assert guess_in_words_of(study, "Verzorgende") == ("care-staff", "care staff")
    assert guess_in_words_of(study, "Mantelzorger") == ("family", "informal carer")


def _started(tmp_path: Path, template: str) -> Study:
    init_study(tmp_path / template, template)
    return load_study(tmp_path / template)
