"""A survey mapping's checks: every problem of the file at its place, with a hint; the rules at
their edges, a survey in two languages (``also``), and the defaults a silent mapping takes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from needmap.errors import (
    InvalidStudyError,
    Severity,
)
from needmap.personas.study import Study
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.mapping import SurveyMapping, checked_mapping
from tests.conftest import (
    EXPECTED_VOTES,
    SURVEY_FIXTURES,
    write_file,
)


def test_a_mapping_without_max_picks_allows_five(study: Study, tmp_path: Path) -> None:
    """Top-task surveys ask for up to five tasks: the default when the mapping is silent."""
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    path = write_file(tmp_path, "m.yaml", text.replace("max_picks: 5\n", ""))
    assert "max_picks" not in path.read_text()
    assert load_mapping(path, study).max_picks == 5


def test_a_list_where_a_mapping_of_values_belongs_is_said_to_be_one(
    study: Study, tmp_path: Path
) -> None:
    """The group answers listed without their groups: the mapping to write, which no
    value can be offered for (a group is no choice of a few), and no stumble over that."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    listed = text.replace(
        "values: {Front desk / reception: desk, Field staff: field, Office staff: office, "
        "Other: ~}",
        "values: [Front desk / reception, Field staff]",
    )
    assert listed != text
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", listed), study)
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [
        (
            8,
            "expected a mapping (key: value lines), found a list",
            "write 'key: value' lines, indented under this key",
        )
    ]


def test_mapping_problems_have_positions(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    text = text.replace("Field staff: field", "Field staff: feild").replace(
        "[people-finder]", "[people-findr]"
    )
    path = write_file(tmp_path, "m.yaml", text)
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(path, study)
    shown = [(p.location.line, p.key, p.message, p.hint) for p in raised.value.problems]
    assert shown == [
        (8, "group.values.Field staff", "unknown group 'feild'", "did you mean 'field'?"),
        (
            13,
            "tasks[1].needs[0]",
            "unknown need 'people-findr'",
            "did you mean 'people-finder'?",
        ),
    ]
    broken = (
        text.replace("max_picks: 5", "max_picks: five")
        .replace("label: Claim expenses", 'label: " book leave"')
        .replace("code: SQ006,", "code: SQ006, cost: 3,")
    )
    with pytest.raises(InvalidStudyError) as raised:  # schema errors hide no reference
        load_mapping(write_file(tmp_path, "m.yaml", broken), study)
    found = [(p.location.line, p.key, p.message) for p in raised.value.problems]
    assert found == [
        (4, "max_picks", "expected a whole number, found the text 'five'"),
        (8, "group.values.Field staff", "unknown group 'feild'"),
        (13, "tasks[1].needs[0]", "unknown need 'people-findr'"),
        (14, "tasks[2].label", "task label ' book leave' is used twice (also task 1)"),
        (17, "tasks[5]", "unknown key 'cost'"),
    ]


def test_a_task_used_twice_is_found_past_tasks_written_wrong(study: Study, tmp_path: Path) -> None:
    """A task that is no mapping, or an id that is no text, is a problem of its own and
    stops no check of the tasks after it."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    broken = text.replace("tasks:\n", "tasks:\n  - Book leave\n").replace("{id: leave,", "{id: 42,")
    broken = broken.replace("label: Claim expenses", 'label: " book leave"')
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", broken), study)
    found = [(p.key, p.message) for p in raised.value.problems]
    assert ("tasks[3].label", "task label ' book leave' is used twice (also task 2)") in found
    assert [key for key, _ in found if key.startswith("tasks[")][:2] == ["tasks[0]", "tasks[1].id"]


DUTCH = {
    "Book leave": "Verlof aanvragen",
    "Find a colleague, by name or expertise": "Een collega vinden, op naam of expertise",
    "Claim expenses": "Declaratie indienen",
    "Report a broken printer": "Een kapotte printer melden",
    "Plan a meeting with lunch and projector": "Vergadering plannen, met lunch en beamer",
    "See the café menu": "Het menu van het café bekijken",
}
"""The fixture's tasks as a Dutch version of the survey words them (two with ', ')."""


def _with_also(layout: str, also: dict[str, str]) -> str:
    """The fixture mapping of ``layout`` with each task's text in ``also`` under also:."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    for label, other in also.items():
        written = f'"{label}"' if ", " in label else label
        text = text.replace(f"label: {written},", f'label: {written}, also: ["{other}"],')
    return text


@pytest.mark.parametrize("layout", ["ms-forms", "google-forms", "long"])
def test_a_survey_in_two_languages_counts_each_task_by_its_also_texts_too(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Every other respondent answered the Dutch version: the counts are the fixture's."""
    mapping = load_mapping(write_file(tmp_path, "m.yaml", _with_also(layout, DUTCH)), study)
    encoding = {"long": "cp1252", "ms-forms": "utf-8-sig"}.get(layout, "utf-8")
    export = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_text(encoding)
    for label in sorted(DUTCH, key=len, reverse=True):  # every other time it is chosen
        pieces = export.split(label)
        export = pieces[0] + "".join(
            (DUTCH[label] if n % 2 else label) + piece for n, piece in enumerate(pieces[1:])
        )
    both = tmp_path / "both.csv"
    both.write_text(export, encoding)
    assert all(dutch in both.read_text(encoding) for dutch in DUTCH.values())
    result = import_survey(mapping, both)
    assert {g: dict(v) for g, v in result.tally.votes.items()} == EXPECTED_VOTES
    assert result.warnings == ()
    both.write_text(export.replace("Verlof aanvragen", "Verlof aanvrage", 1), encoding)
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(mapping, both)
    [slip] = raised.value.problems
    assert slip.hint.startswith("did you mean 'Verlof aanvragen'? Or, if the survey showed both")


def test_an_also_text_that_names_a_task_already_is_told_at_the_also(
    study: Study, tmp_path: Path
) -> None:
    text = _with_also("ms-forms", {"Book leave": "claim expenses", "Claim expenses": "Declareren"})
    text = text.replace('also: ["Declareren"]', "also: [Declareren, Verlof aanvragen]")
    text = text.replace(
        "label: See the café menu,", "label: See the café menu, also: [Verlof aanvragen],"
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", text), study)
    hint = (
        "also: holds other texts of this task, not ones that name a task already: "
        "leave this one out"
    )
    assert [(p.location.line, p.key, p.message, p.hint) for p in raised.value.problems] == [
        (12, "tasks[0].also[0]", "task label 'claim expenses' is used twice (also task 3)", hint),
        (17, "tasks[5].also[0]", "task label 'Verlof aanvragen' is used twice (also task 3)", hint),
    ]


def test_an_also_text_with_a_semicolon_is_refused_for_ms_forms(
    study: Study, tmp_path: Path
) -> None:
    text = _with_also("ms-forms", {"Claim expenses": "Declareren; reizen"})
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", text), study)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.key) == (14, "tasks[2].also[0]")
    assert problem.message.endswith("so labels cannot contain it: Declareren; reizen")


def test_also_in_a_limesurvey_mapping_is_warned_of_as_read_by_code(
    study: Study, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "m.yaml", _with_also("limesurvey", {"Book leave": "Verlof"}))
    mapping, problems = checked_mapping(path, study)
    assert mapping.tasks[0].texts == ("Book leave", "Verlof")
    assert [(p.severity, p.key, p.hint) for p in problems] == [
        (Severity.WARNING, "tasks[0].also", "remove also:")
    ]


@pytest.mark.parametrize(
    ("other", "message", "hint"),
    [
        ("ja", "expected true or false, found the text 'ja'", "write true or false"),
        (
            "'True '",
            "expected true or false, found the text 'True '",
            "write it without quotes: true",
        ),
        ("{a: 1}", "expected true or false, found a mapping", "write true or false"),
        ("[true]", "expected true or false, found a list", "write one value here, not a list"),
    ],
)
def test_a_mapping_s_true_or_false_written_otherwise_gets_a_hint(
    study: Study, tmp_path: Path, other: str, message: str, hint: str
) -> None:
    text = (
        (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml")
        .read_text()
        .replace("choices:\n", f"choices:\n  other: {other}\n")
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", text), study)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.key, problem.message, problem.hint) == (
        10,
        "choices.other",
        message,
        hint,
    )


def _respondent_as(line: str, text: str) -> str:
    return text.replace("respondent: respondent\n", line)


def test_the_mapping_rules_at_their_edges(study: Study, tmp_path: Path) -> None:
    """One task and one pick make a mapping; only the long layout needs respondent:;
    spaces around a heading or a label do not count; no task, no answer or a blank heading
    is a problem."""

    def loaded(layout: str, edit: Callable[[str], str]) -> SurveyMapping:
        text = edit((SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text())
        return load_mapping(write_file(tmp_path, "m.yaml", text), study)

    def one_task(text: str) -> str:
        head, tasks = text.split("tasks:\n")
        return head + "tasks:\n" + tasks.splitlines()[0] + "\n"

    single = loaded("ms-forms", lambda t: one_task(t.replace("max_picks: 5", "max_picks: 1")))
    assert (single.max_picks, [task.id for task in single.tasks]) == (1, ["leave"])
    with pytest.raises(InvalidStudyError, match="at least 1"):
        loaded("ms-forms", lambda t: t.replace("max_picks: 5", "max_picks: 0"))
    assert loaded("ms-forms", lambda t: t.replace("respondent: ID\n", "")).respondent is None
    for respondent, key in (("", "layout"), ("respondent: ''\n", "respondent")):
        with pytest.raises(InvalidStudyError) as raised:  # told where it is missing
            loaded("long", partial(_respondent_as, respondent))
        [problem] = raised.value.problems
        assert (problem.key, problem.message) == (
            key,
            "layout long needs the column that identifies a respondent",
        )
    spaced = loaded(
        "ms-forms",
        lambda t: t.replace("label: Book leave", 'label: " Book leave "').replace(
            "column: What is your role?", 'column: " What is your role? "'
        ),
    )
    assert (spaced.group.column, spaced.tasks[0].label) == ("What is your role?", "Book leave")
    empty: list[tuple[Callable[[str], str], str]] = [  # no tasks, no answers, a blank heading
        (lambda t: t.split("tasks:\n")[0] + "tasks: []\n", "tasks"),
        (lambda t: re.sub(r"values: \{.*\}", "values: {}", t), "group.values"),
        (lambda t: t.replace("column: What is your role?", "column: '  '"), "group.column"),
    ]
    for edit, key in empty:
        with pytest.raises(InvalidStudyError) as raised:
            loaded("ms-forms", edit)
        assert [(p.key, p.message) for p in raised.value.problems] == [(key, "must not be empty")]


def test_a_group_is_counted_one_way(study: Study, tmp_path: Path) -> None:
    """A group counted alone for one answer and with others for another would be weighted
    twice; the error names both ways and both answers, and the groups to give both."""
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    edited = text.replace("other: ~}", "other: ~, both: [office, desk, field]}")
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", edited), study)
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        (
            "'desk' is counted alone for 'desk' and with field and office for 'both'",
            "a group's respondents are counted one way: give both answers the same groups, "
            "such as [desk, field, office]",
        )
    ]


def test_limesurvey_mapping_needs_codes(study: Study, tmp_path: Path) -> None:
    text = (
        (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text().replace(", code: SQ003", "")
    )
    with pytest.raises(
        InvalidStudyError, match="needs a code for every task; missing for: expense"
    ) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", text), study)
    (problem,) = raised.value.problems
    assert problem.hint.startswith("add code: to each, the code in the brackets")


@pytest.mark.parametrize(("layout", "warned"), [("limesurvey", True), ("ms-forms", False)])
def test_other_in_a_limesurvey_mapping_is_warned_of_as_doing_nothing(
    study: Study, tmp_path: Path, layout: str, warned: bool
) -> None:
    """LimeSurvey writes an 'Other' answer in a column of its own: ``other: true`` there
    changes nothing, which the consultant who wrote it would not expect."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    text = text.replace("choices:\n", "choices:\n  other: true\n")
    text = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", text), study)
    found = [(p.location.line, p.key, p.message) for p in problems if "other: true" in p.message]
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line == "  other: true"]
    said = (
        "other: true does nothing for layout limesurvey: LimeSurvey writes the "
        "'Other' answers in a column of their own, which is not read"
    )
    expected = [(lines[1], "choices.other", said), (lines[0], "group.other", said)]
    assert found == (expected if warned else [])


@pytest.mark.parametrize(("asked", "warned"), [("six", True), ("5", False), ("four", False)])
def test_a_question_that_asks_for_more_tasks_than_max_picks_is_warned_of(
    study: Study, tmp_path: Path, asked: str, warned: bool
) -> None:
    """The question says "Choose at most six" and max_picks is 5: whoever chose six would
    be left out of the counts. Fewer asked than max_picks leaves no one out."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text()
    assert "often? Choose at most five.\n" in text and "max_picks: 5\n" in text
    text = text.replace("Choose at most five.", f"Choose at most {asked}.")
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", text), study)
    found = [(p.location.line, p.key, p.message, p.hint) for p in problems]
    line = text.splitlines().index("max_picks: 5") + 1
    said = (
        "the question asks for at most 6 tasks, but max_picks is 5: the import would leave "
        "out each respondent who chose more than 5"
    )
    assert found == ([(line, "max_picks", said, "set max_picks: 6")] if warned else [])


def test_tasks_linked_to_no_need_are_named_up_to_three(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "long.yaml").read_text()
    for need in ("[hr-self-service]", "[people-finder]", "[service-desk]"):
        text = text.replace(need, "[]")
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == [
        "4 of 6 tasks are evidence for no need: 'leave', 'colleague', 'expense' and 1 more"
    ]
    text = text.replace("[]", "[canteen]", 1)
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == [
        "3 of 6 tasks are evidence for no need: 'colleague', 'expense', 'printer'"
    ]
    text = text.replace("[]", "[canteen]", 2)
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", text), study)
    assert [p.message for p in problems] == ["1 of 6 tasks is evidence for no need: 'printer'"]
    # no title shares the task's words: the example is one of the study's needs
    assert problems[0].hint == (
        "link each task to the needs it is evidence for, e.g. needs: [canteen]"
    )
    printer = text.replace("label: Report a broken printer", "label: Call the service desk")
    assert printer != text
    _, problems = checked_mapping(write_file(tmp_path, "m.yaml", printer), study)
    assert problems[0].hint == (
        "link each task to the needs it is evidence for; for 'Call the service desk' perhaps "
        "needs: [service-desk]"
    )


def test_a_label_with_a_semicolon_is_refused_where_choices_are_joined_with_it(
    study: Study, tmp_path: Path
) -> None:
    def with_semicolon(layout: str) -> Path:
        text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
        return write_file(
            tmp_path, f"{layout}.yaml", text.replace("Claim expenses", '"Claim; expenses"')
        )

    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(with_semicolon("ms-forms"), study)
    (problem,) = raised.value.problems
    assert problem.message.endswith(
        "ms-forms joins choices with ';', so labels cannot contain it: Claim; expenses"
    )
    assert problem.hint.startswith("take the ';' out of these options in the form")
    google = load_mapping(with_semicolon("google-forms"), study)
    assert google.tasks[2].label == "Claim; expenses"


@pytest.mark.parametrize(
    ("layout", "hint"),
    [
        ("limesurvey", "add question: under choices"),
        ("ms-forms", "add column: under choices"),
    ],
)
def test_a_mapping_without_its_choices_says_what_to_add(
    study: Study, tmp_path: Path, layout: str, hint: str
) -> None:
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text()
    text = re.sub(r"choices:\n  \S.*\n", "choices: {}\n", text)
    with pytest.raises(InvalidStudyError) as raised:
        load_mapping(write_file(tmp_path, "m.yaml", text), study)
    assert [p.hint.split(",")[0] for p in raised.value.problems] == [hint]
