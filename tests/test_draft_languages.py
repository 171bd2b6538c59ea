"""``needmap survey draft`` of an export in two languages: the languages told apart, each task's
texts paired by their places, shared texts and group answers in the other language."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from dataclasses import replace
from itertools import combinations
from math import comb
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.cli.survey import _in_two_languages
from needmap.personas.schema import Language
from needmap.reports.survey_form import survey_form
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.draft import draft_mapping
from needmap.surveys.draft_languages import (
    ChoiceLinks,
    TwoLanguages,
    _fewest_between,
    _Order,
    _Pairs,
    _pairs,
    _ranks,
    _votes_agree,
    _within_reach,
    in_the_other_language,
)
from tests.conftest import (
    SURVEY_FIXTURES,
)

runner = CliRunner()


_TASKS_EN = (
    "Book leave",
    "Claim expenses",
    "Find a colleague",
    "Read the news",
    "Report a fault",
    "Plan a meeting",
)
_TASKS_NL = (
    "Verlof aanvragen",
    "Onkosten declareren",
    "Een collega vinden",
    "Het nieuws lezen",
    "Een storing melden",
    "Een vergadering plannen",
)
_PICKS = tuple(combinations(range(6), 3))
"""Three tasks each, in the order of the options: the first twelve give the English
respondents' choices, the first ten the Dutch ones'. Every two neighbouring options are
chosen together by someone, so the cells show the one order of each list. Counted by
hand, the English tasks have 10, 6, 6, 5, 5 and 4 votes, the Dutch 10, 4, 4, 4, 4, 4."""


def _bilingual_export(
    tmp_path: Path,
    *,
    in_order: bool = True,
    dutch: tuple[tuple[int, ...], ...] = _PICKS[:10],
    role: str = "Receptie",
) -> Path:
    """Microsoft Forms of a survey with a Dutch translation: each respondent's answers in
    the language they answered in, the Dutch ``role`` one. ``in_order=False``: half the
    Dutch cells list their choices backwards, as the order of the clicks would."""
    rows = ["ID,What is your role?,Tasks"]
    rows += [
        f"{n},Front desk / reception,{';'.join(_TASKS_EN[i] for i in picks)};"
        for n, picks in enumerate(_PICKS[:12])
    ]
    rows += [
        f"{n},{role},{';'.join(_TASKS_NL[i] for i in picks[:: 1 if in_order or n % 2 else -1])};"
        for n, picks in enumerate(dutch, 100)
    ]
    export = tmp_path / "forms.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return export


def _drafted_in_a_study(tmp_path: Path, export: Path) -> tuple[Path, str]:
    """``survey draft`` of a Microsoft Forms export in a copy of the survey study, as a
    user runs it: the study's folder, and what the command said, on one line."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    args = ["survey", "draft", str(root), str(export), "--layout", "ms-forms", "--id", "t"]
    result = runner.invoke(app, [*args, "--group-column", "What is your role?"])
    assert result.exit_code == 0, result.output
    return root, " ".join(result.stdout.split())


def test_a_survey_in_two_languages_is_drafted_with_each_task_s_translation(
    tmp_path: Path,
) -> None:
    """No respondent chooses from both lists, and each list keeps one order in the cells:
    the n-th text of the one is the n-th of the other, one task, its votes together; the
    group answer given with the Dutch choices is marked as in the other language."""
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(study, _bilingual_export(tmp_path), layout="ms-forms")
    assert [(t.label, t.also, t.votes, t.paired) for t in draft.tasks] == [
        ("Book leave", ("Verlof aanvragen",), 20, True),
        ("Claim expenses", ("Onkosten declareren",), 10, True),
        ("Find a colleague", ("Een collega vinden",), 10, True),
        ("Read the news", ("Het nieuws lezen",), 9, True),
        ("Report a fault", ("Een storing melden",), 9, True),
        ("Plan a meeting", ("Een vergadering plannen",), 8, True),
    ]
    assert [(a.text, a.group, a.other_language) for a in draft.answers] == [
        ("Front desk / reception", "desk", False),
        ("Receptie", None, True),
    ]
    assert (
        "Receptie: ~  # TODO: in the export's other language: the group id of its translation"
        in draft.text
    )
    assert "also: [Verlof aanvragen]" in draft.text
    assert "; also: its translation, by place in the list: check it" in draft.text
    mapping = tmp_path / "forms.yaml"
    written = draft.text.replace("Receptie: ~", "Receptie: desk")
    mapping.write_text(written, encoding="utf-8")
    tally = import_survey(load_mapping(mapping, study), tmp_path / "forms.csv").tally
    assert tally.respondents == {"desk": 22}
    assert dict(tally.votes["desk"]) == {
        "book-leave": 20,
        "claim-expenses": 10,
        "find-colleague": 10,
        "read-news": 9,
        "report-fault": 9,
        "plan-meeting": 8,
    }
    # the survey's questions, to build it again: the Dutch answer as the English one's
    form = survey_form(load_mapping(mapping, study), study, mapping)
    assert form.answer_translations == (("Front desk / reception", "Receptie"),)


def test_tasks_in_two_languages_the_cells_do_not_order_come_last_to_pair_by_hand(
    tmp_path: Path,
) -> None:
    export = _bilingual_export(tmp_path, in_order=False)
    root, said = _drafted_in_a_study(tmp_path, export)
    lines = (root / "surveys" / "t.yaml").read_text(encoding="utf-8").splitlines()
    tasks = lines[lines.index("tasks:") + 1 :]
    labels = [re.search(r"label: ([^,]+)", line) for line in tasks]
    assert [m.group(1) for m in labels if m] == [
        *_TASKS_EN,
        "Verlof aanvragen",
        *sorted(_TASKS_NL[1:]),
    ]
    assert tasks[6:8] == [
        "# TODO: the export's other language: no respondent chose from both lists. Put each task",
        "# below under also: of the task above it translates, and delete its line.",
    ]
    assert "also:" not in "\n".join(tasks[8:])
    assert "The export is in two languages: no respondent chose from both lists of tasks." in said
    assert (
        "6 tasks in the other language come last: put each under also: of the task it "
        "translates (the cells list the choices as they were clicked, in no one order)." in said
    )
    assert "1 group answer in the other language: give each the group id of its" in said
    assert "With it, the export imports 12 respondents in the target groups." in said


def test_a_group_answer_in_the_other_language_is_guessed_by_its_words_in_the_study_s(
    tmp_path: Path,
) -> None:
    """ "Baliemedewerker" is "front desk" in English: the group Front desk of the English
    study, with the words it was guessed from in the comment, for the consultant to
    check; the command says so instead of asking for its group."""
    root, said = _drafted_in_a_study(tmp_path, _bilingual_export(tmp_path, role="Baliemedewerker"))
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert "Baliemedewerker: desk  # guessed from its words in English: front desk\n" in text
    assert (
        "1 group answer in the other language was guessed from its words in the study's "
        "language: check it." in said
    )
    assert "give each the group id" not in said
    assert "With it, the export imports 22 respondents in the target groups." in said


def test_a_group_answer_of_the_study_s_language_is_not_put_in_other_words(
    tmp_path: Path,
) -> None:
    """Only answers in the study's other language are translated: those given with that
    language's choices, or all of an export whose tasks are in it. A Dutch answer of
    English respondents ("Baliemedewerker" in an English study whose survey was in
    English only) is the consultant's to decide, as the study's words do not name it."""
    study = load_study(SURVEY_FIXTURES / "study")
    rows = ["ID,What is your role?,Tasks"]
    rows += [
        f"{n},Baliemedewerker,{';'.join(_TASKS_EN[i] for i in picks)};"
        for n, picks in enumerate(_PICKS[:12])
    ]
    export = tmp_path / "forms.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    draft = draft_mapping(study, export, layout="ms-forms", group_column="What is your role?")
    assert [(a.text, a.group, a.words) for a in draft.answers] == [("Baliemedewerker", None, None)]


def test_an_export_in_the_study_s_other_language_alone_has_its_answers_guessed_in_words(
    tmp_path: Path,
) -> None:
    """The municipality's survey, held in English, drafted in a Dutch study started from
    its twin: each answer is guessed to its group, those by their Dutch words said so."""
    from needmap.demo import write_example_export
    from needmap.scaffold import init_study
    from needmap.surveys.mapping import mapping_files

    root, english = tmp_path / "gemeente", tmp_path / "municipality"
    init_study(root, "gemeente")
    init_study(english, "municipality")
    for mapping in mapping_files(root):
        mapping.unlink()
    study = load_study(english)
    export = tmp_path / "export.csv"
    write_example_export(study, load_mapping(mapping_files(english)[0], study), export)
    result = runner.invoke(app, ["survey", "draft", str(root), str(export), "--id", "en"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        "The export's tasks read as the study's other language; 4 group answers were "
        "guessed from their words in the study's language: check them." in said
    )
    text = (root / "surveys" / "en.yaml").read_text(encoding="utf-8")
    assert (
        "    Team lead or department head: bazen  # geraden uit de woorden in het "
        "Nederlands: teamleider, afdelingshoofd\n" in text
    )
    assert "    Administration, HR, finance or purchasing: bureau  # geraden uit de naam" in text


@pytest.mark.parametrize(
    ("texts", "language", "other"),
    [
        (_TASKS_EN, "nl", True),
        (_TASKS_NL, "nl", False),
        (_TASKS_NL, "en", True),
        (_TASKS_EN, "en", False),
        (("SQ001", "SQ002", "SQ003"), "nl", False),  # codes read as no language
        # one short word of the other language in five texts is not enough, two are
        (("Book leave", "See my payslip", "Rooster", "Verlof", "Storing"), "nl", False),
        (("Book a room", "See my payslip", "Rooster", "Verlof", "Storing"), "nl", True),
        # the study's language's short words count against them
        (("Book a room", "See my payslip", "Het rooster", "Verlof", "Storing"), "nl", False),
    ],
)
def test_a_list_of_tasks_reads_as_the_study_s_other_language_by_its_short_words(
    texts: tuple[str, ...], language: Language, other: bool
) -> None:
    assert in_the_other_language(texts, language) is other


def _links(cells: list[tuple[str, list[str]]]) -> ChoiceLinks:
    links = ChoiceLinks()
    for answer, chosen in cells:
        links.add(answer, chosen)
    return links


def _cells(
    tasks: tuple[str, ...], picks: tuple[tuple[int, ...], ...], answer: str
) -> list[tuple[str, list[str]]]:
    return [(answer, [tasks[i] for i in chosen]) for chosen in picks]


def _two_lists(
    nl: tuple[tuple[int, ...], ...] = _PICKS[:10], en: tuple[tuple[int, ...], ...] = _PICKS[:12]
) -> list[tuple[str, list[str]]]:
    return [*_cells(_TASKS_EN, en, "Front desk"), *_cells(_TASKS_NL, nl, "Receptie")]


def _languages(
    cells: list[tuple[str, list[str]]], language: Language = "en"
) -> TwoLanguages | None:
    votes = Counter(text for _, chosen in cells for text in chosen)
    return _links(cells).two_languages(list(votes), votes, language)


@pytest.mark.parametrize(("others", "two"), [(10, True), (11, False)])
def test_two_lists_must_hold_nine_in_ten_votes(others: int, two: bool) -> None:
    """Fifteen respondents of each list chose three tasks: 90 votes. Of ten more, each
    for a text chosen alone, the two lists hold nine in ten, and are two languages; of
    eleven more, they hold less."""
    cells = [
        *_cells(_TASKS_EN, _PICKS[:15], "Front desk"),
        *_cells(_TASKS_NL, _PICKS[:15], "Receptie"),
        *[("Receptie", [f"Anders {n}"]) for n in range(others)],
    ]
    assert (_languages(cells) is not None) is two


def test_two_lists_of_tasks_are_two_languages_the_study_s_first() -> None:
    english = _languages(_two_lists())
    assert english is not None
    assert set(english.other) == set(_TASKS_NL)
    assert english.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))
    dutch = _languages(_two_lists(), "nl")
    assert dutch is not None
    assert set(dutch.other) == set(_TASKS_EN)
    assert dutch.paired == dict(zip(_TASKS_EN, _TASKS_NL, strict=True))
    assert english.answers == {"Receptie"}


def test_two_lists_of_three_tasks_ten_chose_from_are_two_languages() -> None:
    """The least that is taken for two languages: three texts a list, each chosen from
    by ten respondents; with two texts, a list is one of a pilot's chance sets."""
    pairs = ((0, 1), (1, 2), (0, 2), (0, 1), (1, 2)) * 2
    three = _languages(_two_lists(nl=pairs, en=pairs))
    assert three is not None
    assert three.paired == dict(zip(_TASKS_NL[:3], _TASKS_EN[:3], strict=True))
    two = ((0, 1),) * 10
    assert _languages(_two_lists(nl=two, en=two)) is None


def test_a_group_answer_is_in_the_language_most_who_gave_it_chose_in() -> None:
    """Half or fewer is not most: such an answer was given in both languages."""
    english, dutch = ["Book leave", "Plan a meeting"], ["Verlof aanvragen"]
    cells = [
        *_two_lists(),
        *[("Stagiair", dutch)] * 2,
        ("Stagiair", english),
        *[("Overig", dutch)] * 2,
        *[("Overig", english)] * 2,
        *[("Anders", dutch)] * 2,
        *[("Anders", english)] * 3,
        ("", dutch),
    ]
    found = _languages(cells)
    assert found is not None
    assert found.answers == {"Receptie", "Stagiair"}


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        (
            [*_two_lists(), *[("Front desk", ["Coffee", "Parking"])] * 10],
            "20 of the 86 votes are in neither list",
        ),
        ([*_two_lists(), ("Receptie", ["Book leave", "Verlof aanvragen"])], "one chose from both"),
        (_two_lists(nl=_PICKS[:9]), "nine chose from the Dutch list"),
        (_cells(_TASKS_EN, _PICKS, "Front desk"), "one list"),
    ],
)
def test_lists_a_respondent_joins_or_too_few_chose_from_are_one_language(
    cells: list[tuple[str, list[str]]], why: str
) -> None:
    assert _languages(cells) is None, why


def test_a_draft_pairs_the_tasks_whose_places_it_knows_and_leaves_the_others_last(
    tmp_path: Path,
) -> None:
    apart = tuple(p for p in _PICKS[:12] if not {2, 3} <= set(p))
    export = _bilingual_export(tmp_path, dutch=apart)
    root, said = _drafted_in_a_study(tmp_path, export)
    mapping = load_mapping(root / "surveys" / "t.yaml", load_study(root))
    assert [(t.label, tuple(t.also)) for t in mapping.tasks] == [
        ("Book leave", ("Verlof aanvragen",)),  # 10 and 9 votes
        ("Claim expenses", ("Onkosten declareren",)),  # 6 and 5
        ("Report a fault", ("Een storing melden",)),  # 5 and 5
        ("Plan a meeting", ("Een vergadering plannen",)),  # 4 and 4
        ("Find a colleague", ()),
        ("Read the news", ()),
        ("Een collega vinden", ()),
        ("Het nieuws lezen", ()),
    ]
    assert "4 tasks have the other language's text under also:, paired by their places" in said
    assert (
        "2 tasks in the other language come last: put each under also: of the task it "
        "translates (the cells leave their places in the list open; the comments of 2 "
        "tasks name the few each may translate)." in said
    )
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert "Het nieuws lezen, needs: []}  # TODO: needs; by its place, the translation of " in (
        text
    )
    assert "one of: find-colleague, read-news\n" in text


def test_texts_whose_place_the_cells_leave_open_are_not_paired() -> None:
    """No one chose the third and fourth Dutch tasks together, nor either with a task
    between them: which comes first is not known, and they are left to pair by hand,
    each given the two English texts at those places. The others' places are known (the
    first two come before both, the last two after)."""
    apart = tuple(p for p in _PICKS[:12] if not {2, 3} <= set(p))
    found = _languages(_two_lists(nl=apart))
    assert found is not None
    assert found.paired == {_TASKS_NL[i]: _TASKS_EN[i] for i in (0, 1, 4, 5)}
    assert found.maybe == {_TASKS_NL[i]: _TASKS_EN[2:4] for i in (2, 3)}
    assert set(found.other) == set(_TASKS_NL)


@pytest.mark.parametrize(
    ("nl", "why"),
    [
        (tuple(p for p in _PICKS if 5 not in p), "the Dutch list has a task less"),
        (_PICKS[:5] + tuple(p[::-1] for p in _PICKS[5:10]), "half the cells list it backwards"),
    ],
)
def test_lists_whose_places_do_not_tell_the_pairs_are_not_paired(
    nl: tuple[tuple[int, ...], ...], why: str
) -> None:
    found = _languages(_two_lists(nl=nl))
    assert found is not None and not found.paired, why
    assert set(found.other) == set(_TASKS_NL) - ({_TASKS_NL[5]} if "less" in why else set())


@given(st.permutations(range(6)))
def test_texts_are_paired_by_their_places_in_any_order_the_options_stand_in(
    order: list[int],
) -> None:
    """Whatever the order of the options, as long as both languages have it: each cell
    lists its choices as the options stand."""
    place = {task: i for i, task in enumerate(order)}

    def in_order(picks: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(sorted(p, key=place.__getitem__)) for p in picks)

    found = _languages(_two_lists(nl=in_order(_PICKS[:10]), en=in_order(_PICKS[:12])))
    assert found is not None
    assert found.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))


@given(st.randoms(use_true_random=False))
def test_the_order_of_the_respondents_does_not_matter(rng: random.Random) -> None:
    cells = _two_lists()
    rng.shuffle(cells)
    found = _languages(cells)
    assert found is not None
    assert found.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))
    assert set(found.other) == set(_TASKS_NL)


_WITHOUT_CLAIMS = tuple(p for p in _PICKS if 1 not in p)
"""The Dutch respondents' choices where none of them chose "Onkosten declareren": their
list is one shorter, in the same order."""


def test_a_shorter_list_s_texts_are_given_the_texts_their_places_leave() -> None:
    """A Dutch list without its second task: its n-th text is the n-th or the next of
    the English list. Nothing is certain, so nothing is paired; each text is given its
    two. With Dutch the study's language, the longer list is the other: each English text
    may translate one or two Dutch ones, or be the task none chose in Dutch, and is
    given them; no English text's place leaves it none, so none is certain to be that
    task."""
    english = _languages(_two_lists(nl=_WITHOUT_CLAIMS))
    assert english is not None
    assert english.paired == {}
    assert english.maybe == {
        "Verlof aanvragen": ("Book leave", "Claim expenses"),
        "Een collega vinden": ("Claim expenses", "Find a colleague"),
        "Het nieuws lezen": ("Find a colleague", "Read the news"),
        "Een storing melden": ("Read the news", "Report a fault"),
        "Een vergadering plannen": ("Report a fault", "Plan a meeting"),
    }
    assert (english.lengths, english.in_order) == ((6, 5), True)
    dutch = _languages(_two_lists(nl=_WITHOUT_CLAIMS), "nl")
    assert dutch is not None
    assert (dutch.paired, dutch.lengths, dutch.untranslated) == ({}, (5, 6), frozenset())
    assert dutch.maybe == {
        "Book leave": ("Verlof aanvragen",),
        "Claim expenses": ("Verlof aanvragen", "Een collega vinden"),
        "Find a colleague": ("Een collega vinden", "Het nieuws lezen"),
        "Read the news": ("Het nieuws lezen", "Een storing melden"),
        "Report a fault": ("Een storing melden", "Een vergadering plannen"),
        "Plan a meeting": ("Een vergadering plannen",),
    }


def test_a_text_both_lists_share_makes_the_places_before_it_certain() -> None:
    """Microsoft Teams is the fourth task of both lists, and the Dutch list lacks the
    last: its first three texts can only be the first three English ones, and are
    paired; the two after Teams may each be one of two."""
    cells = [
        *_shared_lists(nl=0),
        *[("Receptie", [_SHARED_NL[i] for i in p]) for p in combinations(range(6), 3)],
    ]
    found = _languages(cells)
    assert found is not None
    assert found.shared == (_TEAMS,)
    assert found.paired == dict(zip(_TASKS_NL[:3], _TASKS_EN[:3], strict=True))
    assert found.maybe == {
        "Het nieuws lezen": ("Read the news", "Report a fault"),
        "Een storing melden": ("Report a fault", "Plan a meeting"),
    }
    assert found.lengths == (7, 6)


def test_a_text_is_paired_only_with_texts_on_its_side_of_a_shared_one() -> None:
    """The Dutch list lacks the last two tasks: its third text may stand two places
    later in the English list, but not after Teams, which it comes before; so it is the
    third, and the two before it the first two. The one after Teams may be any of the
    three there. And the other way round, where the first two are missing."""
    cells = [
        *_shared_lists(nl=0),
        *[("Receptie", [_SHARED_NL[i] for i in p]) for p in combinations(range(5), 3)],
    ]
    found = _languages(cells)
    assert found is not None
    assert found.shared == (_TEAMS,)
    assert found.paired == dict(zip(_TASKS_NL[:3], _TASKS_EN[:3], strict=True))
    assert found.maybe == {"Het nieuws lezen": _TASKS_EN[3:]}
    cells = [
        *_shared_lists(nl=0),
        *[("Receptie", [_SHARED_NL[i] for i in p]) for p in combinations(range(2, 7), 3)] * 2,
    ]
    found = _languages(cells)  # the first two missing: the texts after Teams are certain
    assert found is not None
    assert found.paired == dict(zip(_TASKS_NL[3:], _TASKS_EN[3:], strict=True))
    assert found.maybe == {"Een collega vinden": _TASKS_EN[:3]}


def test_lists_whose_shared_text_stands_elsewhere_are_not_paired() -> None:
    """The Dutch form has Teams first, the English fourth: the options are not in one
    order, so no place tells a translation, and nothing is paired or given."""
    dutch = (_TEAMS, *_TASKS_NL)
    picks = list(combinations(range(7), 3))
    cells = [*_shared_lists(nl=0), *[("Receptie", [dutch[i] for i in p]) for p in picks]]
    found = _languages(cells)
    assert found is not None
    assert found.shared == (_TEAMS,)
    assert (found.paired, found.maybe) == ({}, {})


def test_two_texts_left_one_translation_are_not_paired() -> None:
    """Two Dutch texts come before Teams, in an order the cells leave open, and one
    English text does: each is left only that one, which cannot translate both. The
    lists are not one list in two languages, and nothing is given."""
    own = _Order(
        {"A": (0, 0), "Teams": (1, 1), "B": (2, 2), "C": (3, 3)},
        {"A": {"Teams", "B", "C"}, "Teams": {"B", "C"}, "B": {"C"}, "C": set()},
    )
    other = _Order(
        {"x": (0, 1), "y": (0, 1), "Teams": (2, 2), "z": (3, 3)},
        {"x": {"Teams", "z"}, "y": {"Teams", "z"}, "Teams": {"z"}, "z": set()},
    )
    assert _within_reach(own, other, {"Teams"}) == {}
    one_before = _Order(
        {"x": (0, 0), "Teams": (1, 1), "y": (2, 2), "z": (3, 3)},
        {"x": {"Teams", "y", "z"}, "Teams": {"y", "z"}, "y": {"z"}, "z": set()},
    )
    assert _within_reach(own, one_before, {"Teams"}) == {"x": ("A",), "y": ("B",), "z": ("C",)}


def test_a_text_the_study_s_shorter_list_has_no_place_for_is_untranslated() -> None:
    """Dutch the study's language, and no Dutch respondent chose one of the three tasks
    before Microsoft Teams, the first of their list: the three English texts before it
    translate none, and without them the places after Teams pair the other three. The
    Dutch respondents count for their list by the text they chose after Teams."""
    dutch = [("Receptie", [_SHARED_NL[i] for i in p]) for p in combinations(range(3, 7), 3)]
    found = _languages([*_shared_lists(nl=0), *dutch * 3], "nl")
    assert found is not None
    assert found.shared == (_TEAMS,)
    assert found.untranslated == frozenset(_TASKS_EN[:3])
    assert found.paired == dict(zip(_TASKS_EN[3:], _TASKS_NL[3:], strict=True))
    assert (found.maybe, found.lengths) == ({}, (4, 7))


def test_without_the_texts_none_may_translate_the_others_places_close_up() -> None:
    """The English list lacks two of the Dutch; Teams comes first in English, so x,
    before it in Dutch, translates none. Without x, the Dutch list lacks one English
    text: B, the last, may be z or w, and no longer y too."""
    own = _Order.known({"Teams": {"A", "B"}, "A": {"B"}, "B": set()})
    other = _Order.known(
        {"x": {"Teams", "y", "z", "w"}, "Teams": {"y", "z", "w"}, "y": {"z", "w"}}
        | {"z": {"w"}, "w": set()}
    )
    assert _pairs(own, other, {"Teams"}) == _Pairs(
        {}, {"y": ("A",), "z": ("A", "B"), "w": ("B",)}, frozenset({"x"})
    )


def _in_order(texts: str) -> _Order:
    """Each of ``texts`` (one letter each) known to come before the next."""
    return _Order.known({text: set(texts[i + 1 :]) for i, text in enumerate(texts)})


def test_a_text_is_given_up_to_four_texts_its_place_may_translate() -> None:
    """The Dutch list lacks three of the seven English tasks: each Dutch text may be four
    of them, and is given them; lacking four of eight, it would be five, too many to
    name. The other way round, four English texts in an order the cells leave open
    against five Dutch ones: each Dutch text may be any of the four, or none."""
    found = _pairs(_in_order("ABCDEFG"), _in_order("wxyz"), ())
    assert found == _Pairs(
        {}, {text: tuple("ABCDEFG"[i : i + 4]) for i, text in enumerate("wxyz")}, frozenset()
    )
    assert _pairs(_in_order("ABCDEFGH"), _in_order("wxyz"), ()).maybe == {}
    open_order = _Order.known({text: set() for text in "ABCD"})
    found = _pairs(open_order, _in_order("vwxyz"), ())
    assert found == _Pairs({}, {text: tuple("ABCD") for text in "vwxyz"}, frozenset())
    assert _pairs(_Order.known({t: set() for t in "ABCDE"}), _in_order("uvwxyz"), ()).maybe == {}


def test_more_texts_translating_none_than_the_list_lacks_contradict() -> None:
    """The English list is one shorter, but two Dutch texts come before Teams, which is
    first in English: they translate none, more than the one it lacks. And the English
    list is two shorter, but of the three Dutch texts after Teams, which is last in
    English, none may translate any (the three before it in English may each be either
    of two). Neither is one list in two languages: nothing is paired or given."""
    own = _Order.known({"Teams": {"A", "B"}, "A": {"B"}, "B": set()})
    other = _Order.known({"x": {"Teams", "z"}, "y": {"Teams", "z"}, "Teams": {"z"}, "z": set()})
    assert _pairs(own, other, {"Teams"}) == _Pairs({}, {}, frozenset())
    own = _Order.known({"A": {"Teams"}, "B": {"Teams"}, "C": {"Teams"}, "Teams": set()})
    after = {"z": {"w", "v"}, "w": {"v"}, "v": set()}
    other = _Order.known(
        {"x": {"Teams", *after}, "y": {"Teams", *after}, "Teams": set(after)} | after
    )
    assert _pairs(own, other, {"Teams"}) == _Pairs({}, {}, frozenset())


def _ten_tasks_alternating(english: range, dutch: range) -> list[tuple[str, list[str]]]:
    """300 respondents in each language who chose three of the tasks in ``english`` and
    ``dutch`` (of ten, in one order), the even ones five times as often as the odd."""
    rng = random.Random(1)
    cells = []
    for answer, texts, tasks in (
        ("Front desk", "The task", english),
        ("Receptie", "De taak", dutch),
    ):
        for _ in range(300):
            picks: set[int] = set()
            while len(picks) < 3:
                picks.add(rng.choices(tasks, [5 if i % 2 == 0 else 1 for i in tasks])[0])
            cells.append((answer, [f"{texts} {i}" for i in sorted(picks)]))
    return cells


def test_pairs_whose_votes_disagree_are_not_paired() -> None:
    """No English respondent chose the first task and no Dutch one the last: both lists
    have nine, and by their places the n-th Dutch text pairs with the English text one
    task later, the much chosen with the seldom chosen. The pairs' votes disagree, and
    nothing is paired. With every task chosen in both languages, they agree."""
    found = _languages(_ten_tasks_alternating(range(1, 10), range(9)))
    assert found is not None
    assert (found.lengths, found.moved, found.paired, found.maybe) == ((9, 9), True, {}, {})
    found = _languages(_ten_tasks_alternating(range(10), range(10)))
    assert found is not None
    assert found.paired == {f"De taak {i}": f"The task {i}" for i in range(10)}
    assert not found.moved


@pytest.mark.parametrize(("pairs", "agree"), [(7, True), (8, False)])
def test_it_takes_eight_pairs_to_tell_their_votes_disagree(pairs: int, agree: bool) -> None:
    """Votes that rank the other way round in the other language: of seven pairs, too
    few to tell; of eight, they disagree. Votes all alike in one language rank nothing."""
    paired = {f"t{i}": f"T{i}" for i in range(pairs)}
    votes = {f"t{i}": i for i in range(pairs)} | {f"T{i}": -i for i in range(pairs)}
    assert _votes_agree(paired, votes) is agree
    assert _votes_agree(paired, votes | {f"T{i}": 3 for i in range(pairs)})


def test_alike_values_share_the_mean_of_their_ranks() -> None:
    assert _ranks([30, 10, 30, 20]) == [3.5, 1, 3.5, 2]


def test_a_draft_says_why_pairs_whose_votes_disagree_are_not_made(tmp_path: Path) -> None:
    export = _export_of(tmp_path, _ten_tasks_alternating(range(1, 10), range(9)))
    _, said = _drafted_in_a_study(tmp_path, export)
    assert (
        "9 tasks in the other language come last: put each under also: of the task it "
        "translates (the votes of the texts their places pair do not agree: both lists "
        "likely lack a task none of their respondents chose, which moves the places of one "
        "against the other's)." in said
    )


def _eight_tasks(shared: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Eight tasks in English and in Dutch, the first Microsoft Teams in both where
    ``shared``."""
    return (
        tuple("Teams" if shared and i == 0 else f"The task {i}" for i in range(8)),
        tuple("Teams" if shared and i == 0 else f"De taak {i}" for i in range(8)),
    )


def _picks_of(
    order: list[int], missing: set[int], respondents: int, rng: random.Random
) -> list[tuple[int, ...]]:
    """The choices of ``respondents`` (as many as there are ways, at most) who each
    chose three of the tasks but the ``missing``, in the ``order`` of the options."""
    kept = [i for i in order if i not in missing]
    return rng.sample(list(combinations(kept, 3)), min(respondents, comb(len(kept), 3)))


@given(
    st.sets(st.integers(0, 7), min_size=1, max_size=3),
    st.permutations(range(8)),
    st.integers(10, 56),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_where_the_study_s_list_is_the_shorter_a_text_is_never_given_a_wrong_one(
    missing: set[int], order: list[int], english: int, shared: bool, rng: random.Random
) -> None:
    """The English list (the study's) lacks a few tasks that no English respondent
    chose (``missing``, and any the ``english`` respondents' picks leave out); the Dutch
    respondents chose every three of the eight. A paired text is the
    translation; a text given texts has its translation among them, or translates a task
    the English list lacks, and may then be given texts only while fewer texts than the
    list lacks are certain to translate none; a text certain to translate none does."""
    english_texts, dutch_texts = _eight_tasks(shared)
    english_picks = _picks_of(order, missing, english, rng)
    cells = [
        *[("Front desk", [english_texts[i] for i in p]) for p in english_picks],
        *[("Receptie", [dutch_texts[i] for i in p]) for p in combinations(order, 3)],
    ]
    found = _languages(cells)
    if found is None:
        return  # too few English respondents, or the shared text not found
    translation = {dutch_texts[i]: english_texts[i] for p in english_picks for i in p}
    none_may = found.lengths[1] - found.lengths[0] > len(found.untranslated)
    assert all(translation.get(text) == paired for text, paired in found.paired.items())
    assert all(
        translation[text] in texts if text in translation else none_may
        for text, texts in found.maybe.items()
    )
    assert all(text not in translation for text in found.untranslated)
    assert all(0 < len(texts) <= 4 for texts in found.maybe.values())
    assert not set(found.paired) & set(found.maybe)
    assert not (set(found.paired) | set(found.maybe)) & found.untranslated


@given(
    st.sets(st.integers(0, 7), max_size=5),
    st.permutations(range(8)),
    st.integers(10, 56),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_a_text_s_translation_is_always_its_pair_or_among_the_texts_it_is_given(
    missing: set[int], order: list[int], dutch: int, shared: bool, rng: random.Random
) -> None:
    """Eight tasks in any order of the options, the first Teams in both languages where
    ``shared``; ``dutch`` respondents chose three each (of all 56 ways, every place is
    known; of fewer, some are left open), none of a few tasks. Whatever is paired is the
    translation, and each text given texts has its translation among them, never more
    than four; with every place known and three tasks missing at most, every text is
    paired or given texts."""
    english, translated = _eight_tasks(shared)
    dutch_picks = _picks_of(order, missing, dutch, rng)
    cells = [
        *[("Front desk", [english[i] for i in p]) for p in combinations(order, 3)],
        *[("Receptie", [translated[i] for i in p]) for p in dutch_picks],
    ]
    found = _languages(cells)
    if found is None:
        return  # too few Dutch respondents or texts, or the shared text not found
    translation = dict(zip(translated, english, strict=True))
    assert all(translation[text] == paired for text, paired in found.paired.items())
    assert all(translation[text] in texts for text, texts in found.maybe.items())
    assert all(1 < len(texts) <= 4 for texts in found.maybe.values())
    assert not set(found.paired) & set(found.maybe)
    if len(dutch_picks) == comb(8 - len(missing), 3) and len(missing) <= 3 and not shared:
        assert set(found.paired) | set(found.maybe) == {
            translated[i] for i in order if i not in missing
        }


def test_a_draft_of_a_shorter_list_names_what_each_text_may_translate(tmp_path: Path) -> None:
    """Through the command: the line says why the texts are not paired, and each text's
    comment names the tasks (by id) it may translate."""
    export = _bilingual_export(tmp_path, dutch=_WITHOUT_CLAIMS)
    root, said = _drafted_in_a_study(tmp_path, export)
    assert (
        "5 tasks in the other language come last: put each under also: of the task it "
        "translates (the lists differ in length, 6 tasks and 5: 1 task was chosen only in "
        "the study's language; the comments of 5 tasks name the few each may translate)." in said
    )
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert (
        "label: Een collega vinden, needs: []}  # TODO: needs; by its place, the translation "
        "of one of: claim-expenses, find-colleague\n" in text
    )
    shorter = _bilingual_export(tmp_path, dutch=_PICKS[:10])
    english_fewer = shorter.read_text(encoding="utf-8").replace("Claim expenses;", "")
    shorter.write_text(english_fewer, encoding="utf-8")
    root, said = _drafted_in_a_study(tmp_path / "again", shorter)
    assert (
        "(the lists differ in length, 5 tasks and 6: 1 task was chosen only in the other "
        "language; the comments of 6 tasks name the few each may translate)." in said
    )
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert (
        "label: Een collega vinden, needs: []}  # TODO: needs; by its place, the translation "
        "of find-colleague or read-news, or of a task none chose in English\n" in text
    )
    two_fewer = tuple(p for p in _PICKS if not {1, 2} & set(p)) * 3
    _, said = _drafted_in_a_study(tmp_path / "twice", _bilingual_export(tmp_path, dutch=two_fewer))
    assert (
        "(the lists differ in length, 6 tasks and 4: 2 tasks were chosen only in the study's "
        "language; the comments of 4 tasks name the few each may translate)." in said
    )


def test_a_draft_names_the_one_text_the_study_s_list_has_no_place_for(tmp_path: Path) -> None:
    """Teams is the second option, and no English respondent chose the first: its Dutch
    text is the one task none chose in English, and without it the other five pair.
    Of the three group answers, only the Dutch one is in the other language."""
    order = (0, 3, 1, 2, 4, 5, 6)  # Teams second
    english_order = order[1:]
    english = [
        ("Front desk" if n % 2 else "Field staff", [_SHARED_EN[english_order[i]] for i in p])
        for n, p in enumerate(combinations(range(6), 3))
    ]
    export = _export_of(tmp_path, [*english, *_shared_lists(en=0, order=order)])
    _, said = _drafted_in_a_study(tmp_path, export)
    assert "5 tasks have the other language's text under also:, paired by their places" in said
    assert (
        "By its place, 'Verlof aanvragen' is a task none chose in the study's language, "
        "whose list is 1 task shorter: give it a label in that language, its text under "
        "also:. 1 group answer in the other language: give each the group id of its "
        "translation." in said
    )


def test_a_draft_with_one_pair_says_it_has_it(tmp_path: Path) -> None:
    """The line on the pairs counts them: of one, "1 task has"."""
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(study, _bilingual_export(tmp_path), layout="ms-forms")
    first = next(task for task in draft.tasks if task.paired)
    one = replace(
        draft, tasks=tuple(t if t is first else replace(t, paired=False) for t in draft.tasks)
    )
    assert _in_two_languages(one)[1] == (
        "1 task has the other language's text under also:, paired by their places in the "
        "lists: check them."
    )


def test_choices_made_once_in_two_languages_are_asked_about_before_the_other(
    tmp_path: Path,
) -> None:
    """Three English respondents wrote a text of their own, and one Dutch respondent; the
    other language's tasks come last, so the texts chosen once in the study's language
    are the last before them, and only those are asked about: a task of a language few
    answered in may well be chosen once."""
    own = [("Front desk", [_TASKS_EN[0], f"Own text {n}"]) for n in range(3)]
    dutch_own = [("Receptie", [_TASKS_NL[0], "Eigen tekst"])]
    export = _export_of(
        tmp_path, [*_two_lists(), *_two_lists(en=_PICKS[:12], nl=()), *own, *dutch_own]
    )
    root, _ = _drafted_in_a_study(tmp_path, export)
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert (
        "\n# TODO: the last 3 tasks before the export's other language were chosen once each. "
        'If the question has an "Other" option, they are its answers: delete them and write '
        "other: true under choices.\ntasks:" in text
    )
    lines = text.splitlines()
    other = lines.index(next(line for line in lines if "the export's other language: no" in line))
    assert [line.split("label: ")[1].split(",")[0] for line in lines[other - 3 : other]] == [
        f"Own text {n}" for n in range(3)
    ]


def test_a_draft_names_the_texts_the_study_s_list_has_no_place_for(tmp_path: Path) -> None:
    """Through the command: no English respondent chose a task before Microsoft Teams,
    the first of their list; the three Dutch texts before it are such tasks, each with a
    comment that says so, and the three after Teams are paired."""
    english = [("Front desk", [_SHARED_EN[i] for i in p]) for p in combinations(range(3, 7), 3)]
    export = _export_of(tmp_path, [*english * 3, *_shared_lists(en=0)])
    root, said = _drafted_in_a_study(tmp_path, export)
    assert "3 tasks have the other language's text under also:, paired by their places" in said
    assert "come last" not in said
    assert (
        "By their places, 'Verlof aanvragen', 'Een collega vinden' and 'Onkosten declareren' "
        "are tasks none chose in the study's language, whose list is 3 tasks shorter: give "
        "each a label in that language, its text under also:." in said
    )
    text = (root / "surveys" / "t.yaml").read_text(encoding="utf-8")
    assert (
        "label: Onkosten declareren, needs: []}  # TODO: needs; by its place, a task none "
        "chose in English: give it an English label and this text under also:\n" in text
    )


_TEAMS = "Microsoft Teams"
_SHARED_EN = (*_TASKS_EN[:3], _TEAMS, *_TASKS_EN[3:])
_SHARED_NL = (*_TASKS_NL[:3], _TEAMS, *_TASKS_NL[3:])


def _shared_lists(
    en: int = 20,
    nl: int = 15,
    order: tuple[int, ...] = tuple(range(7)),
    tasks: tuple[tuple[str, ...], tuple[str, ...]] = (_SHARED_EN, _SHARED_NL),
) -> list[tuple[str, list[str]]]:
    """Three tasks each of seven, in the order of the options (``order``); the fourth,
    Microsoft Teams, is its own translation. Every two neighbouring options are chosen
    together in the first fifteen."""
    place = {task: i for i, task in enumerate(order)}
    picks = [sorted(p, key=place.__getitem__) for p in combinations(range(len(order)), 3)]

    def cells(texts: tuple[str, ...], n: int, answer: str) -> list[tuple[str, list[str]]]:
        return [(answer, [texts[i] for i in chosen]) for chosen in picks[:n]]

    return [*cells(tasks[0], en, "Front desk"), *cells(tasks[1], nl, "Receptie")]


def test_a_task_whose_text_both_languages_share_does_not_join_the_lists() -> None:
    """Microsoft Teams is chosen from both lists, so every text is chosen together with
    every other through it: it is found as the one text that keeps the lists together,
    and stays one task of both (never paired with itself); the others pair as before."""
    found = _languages(_shared_lists())
    assert found is not None
    assert set(found.other) == set(_TASKS_NL)
    assert found.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))
    assert found.answers == {"Receptie"}


@given(st.permutations(range(7)))
def test_a_shared_text_is_found_wherever_it_stands_among_the_options(order: list[int]) -> None:
    found = _languages(_shared_lists(order=tuple(order)))
    assert found is not None
    assert found.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))


def _export_of(tmp_path: Path, cells: list[tuple[str, list[str]]]) -> Path:
    """Microsoft Forms of ``cells``: each respondent's group answer and choices."""
    rows = ["ID,What is your role?,Tasks"] + [
        f"{n},{'Front desk / reception' if answer == 'Front desk' else answer}," + ";".join(chosen)
        for n, (answer, chosen) in enumerate(cells)
    ]
    export = tmp_path / "forms.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return export


def test_a_draft_of_two_languages_keeps_a_shared_text_as_one_task(tmp_path: Path) -> None:
    """Through a real export and its import: Microsoft Teams, chosen in both languages,
    is one task with the votes of both; every other task has its translation."""
    export = _export_of(tmp_path, _shared_lists())
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(study, export, layout="ms-forms")
    votes = Counter(text for _, chosen in _shared_lists() for text in chosen)
    assert votes[_TEAMS] == 7 + 5  # hand-counted: 7 of the 20 English cells, 5 of the 15 Dutch
    assert sorted((t.label, t.also, t.votes, t.paired) for t in draft.tasks) == sorted(
        [(_TEAMS, (), votes[_TEAMS], False)]
        + [
            (en, (nl,), votes[en] + votes[nl], True)
            for en, nl in zip(_TASKS_EN, _TASKS_NL, strict=True)
        ]
    )
    assert draft.two_languages is not None and draft.two_languages.shared == (_TEAMS,)
    mapping = tmp_path / "forms.yaml"
    mapping.write_text(draft.text.replace("Receptie: ~", "Receptie: desk"), encoding="utf-8")
    tally = import_survey(load_mapping(mapping, study), export).tally
    assert tally.respondents == {"desk": 35}
    teams = next(t.id for t in draft.tasks if t.label == _TEAMS)
    assert tally.votes["desk"][teams] == 12
    _, said = _drafted_in_a_study(tmp_path, export)
    assert (
        "The export is in two languages: no respondent chose from both lists of tasks, but "
        "for 'Microsoft Teams', which both have: one task, chosen in both languages." in said
    )
    assert "6 tasks have the other language's text under also:, paired by their places" in said


def test_a_group_answer_both_languages_share_does_not_keep_them_one() -> None:
    """'ICT' is its own translation too: a third of the respondents of each list gave it.
    Half or fewer with an answer of both lists is as two languages answer."""
    cells = [
        ("ICT" if n % 3 == 0 else answer, chosen)
        for n, (answer, chosen) in enumerate(_shared_lists())
    ]
    found = _languages(cells)
    assert found is not None
    assert found.paired == dict(zip(_TASKS_NL, _TASKS_EN, strict=True))
    assert found.answers == {"Receptie"}  # ICT: most who gave it chose in English


def test_two_lists_in_the_study_s_language_are_tasks_chosen_apart_not_two_languages() -> None:
    """Two groups of one language that chose from tasks of their own, with Microsoft Teams
    between them: the function words of both lists are the study's language."""
    dutch = (
        "Het rooster bekijken",
        "De kantine",
        "Een auto lenen",
        _TEAMS,
        "Mijn salarisstrook",
        "Een cursus vinden",
        "De wiki lezen",
    )
    assert _languages(_shared_lists(tasks=(dutch, _SHARED_NL)), "nl") is None


_POLISH = (
    "Wziąć urlop",
    "Rozliczyć wydatki",
    "Znaleźć kolegę",
    _TEAMS,
    "Czytać wiadomości",
    "Zgłosić usterkę",
    "Zaplanować spotkanie",
)


@pytest.mark.parametrize(
    ("dutch_words", "found"),
    [(0, True), (1, True), (2, False)],  # 7 texts: in one of five, one word is the most
)
def test_a_list_with_a_dutch_looking_word_now_and_then_is_another_language(
    dutch_words: int, found: bool
) -> None:
    """A Polish translation of a Dutch study: a word that looks Dutch ("de", a name) in
    one text does not make the list Dutch; in two of its seven, it reads as Dutch."""
    polish = tuple(f"{t} de" if i < dutch_words else t for i, t in enumerate(_POLISH))
    languages = _languages(_shared_lists(tasks=(polish, _SHARED_NL)), "nl")
    assert (languages is not None) is found
    if languages is not None:
        assert set(languages.other) == set(polish) - {_TEAMS}


def test_one_dutch_looking_word_in_five_texts_is_not_more_than_one_in_five() -> None:
    """The edge of the rule above: a list of five, one with "de", is another language."""
    polish = (f"{_POLISH[0]} de", *_POLISH[1:3], *_POLISH[4:6])
    picks = tuple(combinations(range(5), 3))
    cells = [*_cells(polish, picks, "Recepcja"), *_cells(_TASKS_NL[:5], picks, "Receptie")]
    languages = _languages(cells, "nl")
    assert languages is not None
    assert set(languages.other) == set(polish)


_FOUR_SHARED = ("Teams", "Outlook", "Coffee", "Parking")


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        (
            [
                ("Front desk" if n % 2 else "Receptie", chosen)
                for n, (_, chosen) in enumerate(_shared_lists())
            ],
            "both lists' respondents gave both answers: one language, its tasks chosen apart",
        ),
        (
            [*_two_lists(), ("Receptie", ["Book leave", "Verlof aanvragen"])],
            "one respondent chose next to a text of the other list: no shared text",
        ),
        (
            _shared_lists(
                40,
                40,
                tuple(range(8)),
                ((*_TASKS_EN[:4], *_FOUR_SHARED), (*_TASKS_NL[:4], *_FOUR_SHARED)),
            ),
            "four texts chosen from both lists: more than a few shared, one list",
        ),
    ],
)
def test_lists_joined_by_more_than_a_few_texts_or_answers_stay_one_language(
    cells: list[tuple[str, list[str]]], why: str
) -> None:
    assert _languages(cells) is None, why


@st.composite
def _cells_of_two_languages(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """Respondents in English or Dutch, each choosing from their language's seven tasks
    (Microsoft Teams in both), in the options' order or as clicked; now and then one who
    chose a text of the other language, or answered the group question with 'ICT'."""
    cells = []
    for _ in range(draw(st.integers(0, 60))):
        dutch = draw(st.booleans())
        tasks, answer = (_SHARED_NL, "Receptie") if dutch else (_SHARED_EN, "Front desk")
        picks = draw(st.lists(st.integers(0, 6), min_size=1, max_size=4, unique=True))
        if draw(st.booleans()):
            picks.sort()
        chosen = [tasks[i] for i in picks]
        if draw(st.integers(0, 9)) == 0:
            chosen.append((_SHARED_EN if dutch else _SHARED_NL)[draw(st.integers(0, 6))])
        cells.append(("ICT" if draw(st.integers(0, 4)) == 0 else answer, chosen))
    return cells


@given(_cells_of_two_languages(), st.sampled_from(("en", "nl")))
def test_whatever_the_cells_the_languages_found_are_consistent(
    cells: list[tuple[str, list[str]]], language: Language
) -> None:
    """Any such choices: no error, and what is found holds together: the other
    language's texts are not shared, each is paired with a text of the other list, and
    the shared texts are few, each chosen in cells of both lists."""
    found = _languages(cells, language)
    if found is None:
        return
    other, shared = set(found.other), set(found.shared)
    assert not other & shared and len(shared) <= 3
    assert set(found.paired) <= other
    assert not set(found.paired.values()) & (other | shared)
    assert len(set(found.paired.values())) == len(found.paired)
    for text in shared:
        beside = {t for _, chosen in cells if text in chosen for t in chosen} - shared - {text}
        assert beside & other and beside - other


def test_a_text_is_shared_when_chosen_with_each_list_s_texts_at_least_twice() -> None:
    """Twice with texts of each list is enough (a Dutch cell with Teams and two Dutch
    texts); once, with a Dutch text, is a respondent who chose from both lists."""
    english = [("Front desk", ["Book leave", _TEAMS])] * 2
    twice = [*_two_lists(), *english, ("Receptie", [_TEAMS, *_TASKS_NL[:2]])]
    found = _languages(twice)
    assert found is not None and found.shared == (_TEAMS,)
    once = [*_two_lists(), *english, ("Receptie", [_TEAMS, _TASKS_NL[0]])]
    assert _languages(once) is None


@pytest.mark.parametrize(("both", "found"), [(17, True), (18, False)])
def test_at_most_half_the_respondents_may_give_an_answer_of_both_lists(
    both: int, found: bool
) -> None:
    """34 respondents, their first choice in one list: with 17 of them answering 'ICT' in
    both lists the lists are two languages; with 18, they are one list chosen apart."""
    cells = _shared_lists(en=20, nl=14)
    ict = [
        ("ICT" if n < both // 2 or 20 <= n < 20 + both - both // 2 else a, c)
        for n, (a, c) in enumerate(cells)
    ]
    assert sum(a == "ICT" for a, _ in ict) == both
    assert (_languages(ict) is not None) is found


def test_three_texts_both_languages_share_are_found() -> None:
    """The most that is taken for shared texts: three, each in both lists."""
    three = ("Microsoft Teams", "AFAS", "Outlook")
    tasks = (
        (*_TASKS_EN[:2], *three, *_TASKS_EN[2:5]),
        (*_TASKS_NL[:2], *three, *_TASKS_NL[2:5]),
    )
    found = _languages(_shared_lists(40, 40, tuple(range(8)), tasks))
    assert found is not None
    assert set(found.shared) == set(three)
    assert found.paired == dict(zip(_TASKS_NL[:5], _TASKS_EN[:5], strict=True))


def _chosen_with(*links: str) -> dict[str, set[str]]:
    """Each one-letter text -> the texts chosen with it, from links such as "ab"."""
    near: dict[str, set[str]] = {}
    for one, other in (tuple(link) for link in links):
        near.setdefault(one, set()).add(other)
        near.setdefault(other, set()).add(one)
    return near


def test_the_fewest_texts_between_two_are_found_where_the_first_chain_must_be_rerouted() -> None:
    """s-a-b-t is the shortest chain, and the first found; the two chains that share no
    text (s-a-d-f-t, s-c-g-b-t) are found only by sending the second back through a-b.
    Two texts part s from t, the nearest to s: a and c (s has just two links, and they
    are cut as texts, not as links); with fewer allowed, None."""
    near = _chosen_with("sa", "ab", "bt", "sc", "cg", "gb", "ad", "df", "ft")
    assert _fewest_between(near, "s", "t", 3) == {"a", "c"}
    assert _fewest_between(near, "s", "t", 1) is None
    # s-a-b-c-t first; the second chain reaches c from s-x-y-z, and goes back through b
    # and a to leave a by its other links: s-x-y-z-c-t and s-a-u-v-w-t
    near = _chosen_with("sa", "ab", "bc", "ct", "sx", "xy", "yz", "zc", "au", "uv", "vw", "wt")
    assert _fewest_between(near, "s", "t", 3) == {"a", "x"}
