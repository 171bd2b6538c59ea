"""Answers a survey's questions take that are not one known option: answers to 'Other' (typed
in place of a task or a group), a group cell of several answers, and the organisation's own name
kept where a person's is scrubbed from what the import quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from needmap.errors import (
    InvalidStudyError,
    Problem,
)
from needmap.personas.study import Study
from needmap.scrub import name_words
from needmap.surveys import import_survey, load_mapping
from tests.conftest import (
    GOOGLE_FORMS_HEADER,
    MS_FORMS_HEADER,
    SURVEY_FIXTURES,
    import_layout,
    placed,
    write_file,
)

_OTHER_EXPORTS = {
    "ms-forms": (
        MS_FORMS_HEADER + '1,Front desk / reception,"Book leave;Parking, and bikes;"\n'
        "2,Field staff,Call me at 06-12345678;\n3,Front desk / reception,Claim expenses;\n",
        [2, 3],
    ),
    "google-forms": (
        GOOGLE_FORMS_HEADER + 't1,Front desk / reception,"Book leave, Parking, and bikes"\n'
        "t2,Field staff,Call me at 06-12345678\nt3,Front desk / reception,Claim expenses\n",
        [2, 3],
    ),
    "long": (
        "respondent;group;task\nr1;desk;Book leave\nr1;desk;Parking, and bikes\n"
        "r2;field;Call me at 06-12345678\nr3;desk;Claim expenses\n",
        [3, 4],
    ),
}


@pytest.mark.parametrize("layout", list(_OTHER_EXPORTS))
def test_answers_to_other_are_left_out_when_the_mapping_says_the_question_has_other(
    study: Study, tmp_path: Path, layout: str
) -> None:
    """Desk r1 chose a task and wrote an 'Other' text; field r2 wrote one only; desk r3
    chose a task. Without ``other`` such texts are unknown choices, which stop the import."""
    text, (first, second) = _OTHER_EXPORTS[layout]
    export = write_file(tmp_path, f"{layout}.csv", text)
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, export)
    unknown = "cannot match '{}' to a task" if layout == "google-forms" else "unknown choice '{}'"
    assert placed(raised.value.problems) == [
        (first, 3, unknown.format("Parking, and bikes")),
        (second, 3, unknown.format("Call me at [phone]")),
    ]
    mapping_text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text(encoding="utf-8")
    mapping_path = write_file(
        tmp_path, "other.yaml", mapping_text.replace("choices:\n", "choices:\n  other: true\n")
    )
    result = import_survey(load_mapping(mapping_path, study), export)
    assert result.tally.respondents == {"desk": 2}
    assert {t: n for t, n in result.tally.votes["desk"].items() if n} == {"leave": 1, "expense": 1}
    left_out = "matches no task: left out as an answer to 'Other'"
    assert placed(result.warnings) == [
        (first, 3, f"'Parking, and bikes' {left_out}"),
        (second, 3, f"'Call me at [phone]' {left_out}"),
        (second, 3, "no task chosen: respondent left out"),
    ]


_TYPED_GROUPS = (
    "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
    "1,Front desk / reception,Book leave;\n2,Intern,Claim expenses;\n"
    "3,Jan de Vries (facilities),Book leave;\n4,intern ,Book leave;Claim expenses;\n"
)


def test_group_answers_typed_for_other_count_outside_the_groups_when_the_mapping_says_so(
    study: Study, tmp_path: Path
) -> None:
    """Rows 3 and 5 typed 'Intern' for 'Other' (in two spellings), row 4 a name. Without
    ``group.other`` each is an unknown answer, whose hint says how to take them; with it,
    they count outside the groups, with a warning per text and the rows it is on."""
    export = write_file(tmp_path, "typed.csv", _TYPED_GROUPS)
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, "ms-forms", export)
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [
        (
            3,
            "unknown group answer 'Intern' (also on row 5)",
            'add it under group.values in the mapping with a group id (or ~): "Intern": …; '
            "or, if respondents typed it for 'Other', write other: true under group",
        ),
        (
            4,
            "unknown group answer '[name] (facilities)'",
            "it holds personal data, so a respondent typed it: if for 'Other', write other: "
            "true under group in the mapping",
        ),
    ]
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    result = import_survey(load_mapping(write_file(tmp_path, "typed.yaml", typed), study), export)
    assert result.tally.respondents == {"desk": 1, "~": 3}
    assert result.tally.votes["~"] == {t: 0 for t in result.tally.tasks} | {
        "leave": 2,
        "expense": 2,
    }
    outside = "is none of group.values: counted outside the target groups, as an answer to 'Other'"
    assert [(p.location.line, p.message, p.hint) for p in result.warnings] == [
        (
            3,
            f"group answer 'Intern' {outside} (also on row 5)",
            "if it names a target group, add it under group.values in the mapping with the "
            'group\'s id: "Intern": …',
        ),
        (
            4,
            f"group answer '[name] (facilities)' {outside}",
            "it holds personal data, so it is left outside the groups, as it is",
        ),
    ]
    with pytest.raises(InvalidStudyError):
        import_survey(load_mapping(tmp_path / "typed.yaml", study), export, strict=True)


_ROLE_AND_TASKS = "What is your role?,Which tasks do you do most often? Choose at most five."
_VAN_DIJK = name_words(["Van Dijk Installatietechniek"])
"""The words of an organisation named after a family (:attr:`Study.own_names`)."""


@pytest.mark.parametrize(
    ("layout", "export", "unknown_choice"),
    [
        (
            "ms-forms",
            f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;News of Van Dijk;\n"
            "2,Front desk / reception,Book leave;Ask Van Dijk or Jansen;\n"
            "3,Works at Van Dijk,Book leave;\n",
            "unknown choice '{}'",
        ),
        (
            "google-forms",
            f"Timestamp,{_ROLE_AND_TASKS}\n"
            't1,Front desk / reception,"Book leave, News of Van Dijk"\n'
            't2,Front desk / reception,"Book leave, Ask Van Dijk or Jansen"\n'
            "t3,Works at Van Dijk,Book leave\n",
            "cannot match '{}' to a task",
        ),
        (
            "long",
            "respondent,group,task\nr0,desk,Book leave\nr1,desk,News of Van Dijk\n"
            "r2,desk,Ask Van Dijk or Jansen\nr3,Works at Van Dijk,Book leave\n",
            "unknown choice '{}'",
        ),
    ],
)
def test_problems_quote_the_organisation_s_own_name_and_scrub_a_person_s(
    study: Study, tmp_path: Path, layout: str, export: str, unknown_choice: str
) -> None:
    """An organisation named after a family ("Van Dijk Installatietechniek") is named in
    the answers: a message that quotes them shows its name, and a person's beside it
    ("Jansen") as a label. Without the study's own names, all are labels."""
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{layout}.yaml", study)
    path = write_file(tmp_path, "e.csv", export)
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(mapping, path, own_names=_VAN_DIJK)
    first = raised.value.problems[0].location.line or 0
    assert [(p.location.line, p.message) for p in raised.value.problems] == [
        (first, unknown_choice.format("News of Van Dijk")),
        (first + 1, unknown_choice.format("Ask Van Dijk or [name]")),
        (first + 2, "unknown group answer 'Works at Van Dijk'"),
    ]
    assert raised.value.problems[2].hint.startswith(
        'add it under group.values in the mapping with a group id (or ~): "Works at Van Dijk"'
    )
    with pytest.raises(InvalidStudyError) as unkept:
        import_survey(mapping, path)
    assert [p.message for p in unkept.value.problems] == [
        unknown_choice.format("News of [name]"),
        unknown_choice.format("Ask [name] or [name]"),
        "unknown group answer 'Works at [name]'",
    ]
    assert unkept.value.problems[2].hint.startswith("it holds personal data")


def test_every_message_that_quotes_an_export_keeps_the_organisation_s_name(
    study: Study, tmp_path: Path
) -> None:
    """Each way a problem quotes an export's text: several unknown choices of one cell,
    the tasks they look like, a LimeSurvey task column's value, a respondent's group that
    changes, an answer to 'Other', a group answer typed for it, the group answers a
    respondent chose together, and the answers the mapping counts outside the groups."""

    def problems(layout: str, text: str, mapping_text: str | None = None) -> list[Problem]:
        mapping_file = SURVEY_FIXTURES / "mappings" / f"{layout}.yaml"
        if mapping_text is not None:
            mapping_file = write_file(tmp_path, "m.yaml", mapping_text)
        export = write_file(tmp_path, "e.csv", text)
        try:
            result = import_survey(load_mapping(mapping_file, study), export, own_names=_VAN_DIJK)
        except InvalidStudyError as error:
            return list(error.problems)
        return list(result.warnings)

    joined = problems(
        "ms-forms",
        f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;News of Van Dijk;Ask Jansen;\n"
        '2,Front desk / reception,"Book leeve;Find a colleague at Van Dijk, by name or '
        'expertise;"\n',
    )
    assert [p.message for p in joined] == [
        "unknown choices 'News of Van Dijk' and 'Ask [name]'",
        "unknown choices 'Book leeve' and 'Find a colleague at Van Dijk, by name or expertise'",
    ]
    assert joined[1].hint == (
        "did you mean 'Book leave' for 'Book leeve' and 'Find a colleague, by name or "
        "expertise' for 'Find a colleague at Van Dijk, by name or expertise'?"
    )
    columns = ",".join(f"G02Q02[SQ00{i}]" for i in range(1, 7))
    [value] = problems("limesurvey", f"id,G01Q01,{columns}\n1,AO01,Y,at Van Dijk,,,,\n")
    assert value.message == "unexpected value 'at Van Dijk' in a task column"
    [changed] = problems(
        "long", "respondent,group,task\nr1,desk,Book leave\nr1,at Van Dijk,Claim expenses\n"
    )
    assert changed.message == "this respondent's group was 'desk' on line 2, here 'at Van Dijk'"
    mapping = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = mapping.replace("\nchoices:\n", "\n  other: true\nchoices:\n  other: true\n")
    assert [p.message for p in problems("ms-forms", _OTHERS_NAMING_VAN_DIJK, typed)] == [
        "'Coffee with Van Dijk' matches no task: left out as an answer to 'Other'",
        "group answer 'Van Dijk staff' is none of group.values: counted outside the target "
        "groups, as an answer to 'Other'",
    ]
    both = mapping.replace("Other: ~}", "Other: ~, Works at Van Dijk: office}")
    [several] = problems("ms-forms", _TWO_GROUPS_NAMING_VAN_DIJK, both)
    assert several.hint.startswith("'Field staff' and 'Works at Van Dijk' chosen together")
    outside = mapping.replace("Other: ~}", "Other: ~, Works at Van Dijk: ~}")
    [nobody] = problems(
        "ms-forms", f"ID,{_ROLE_AND_TASKS}\n1,Works at Van Dijk,Book leave;\n", outside
    )
    assert nobody.message.endswith("as outside the groups ('Other', 'Works at Van Dijk')")


_TWO_GROUPS_NAMING_VAN_DIJK = (
    f"ID,{_ROLE_AND_TASKS}\n1,Field staff;Works at Van Dijk;,Book leave;\n"
)
_OTHERS_NAMING_VAN_DIJK = (
    f"ID,{_ROLE_AND_TASKS}\n1,Front desk / reception,Book leave;Coffee with Van Dijk;\n"
    "2,Van Dijk staff,Book leave;\n"
)


@pytest.mark.parametrize(
    ("layout", "cell"),
    [
        ("ms-forms", "Front desk / reception;Field staff;"),
        ("google-forms", '"Front desk / reception, Field staff"'),
    ],
)
def test_a_group_cell_of_several_answers_is_told_as_such(
    study: Study, tmp_path: Path, layout: str, cell: str
) -> None:
    """A group question that let respondents choose more than one: the cell joins known
    answers as the tool joins choices."""
    choices = "Book leave;" if layout == "ms-forms" else "Book leave"
    respondent = "ID" if layout == "ms-forms" else "Timestamp"
    export = write_file(
        tmp_path,
        "several.csv",
        f"{respondent},What is your role?,Which tasks do you do most often? Choose at most five.\n"
        f"1,{cell},{choices}\n2,Field staff,{choices}\n",
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_layout(study, layout, export)
    [problem] = raised.value.problems
    joined = cell.strip('"')
    assert problem.hint == (
        "'Front desk / reception' and 'Field staff' chosen together, but a respondent counts "
        "for one group: give the combination a group id (or ~) under group.values in the "
        f'mapping: "{joined}": …; and let the question take one answer when it is asked again'
    )


def test_several_group_answers_are_told_as_such_where_the_question_has_other_too(
    study: Study, tmp_path: Path
) -> None:
    """With ``group.other``, a cell of two known answers counts outside the groups like a
    typed text, but its warning says what it is."""
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    export = write_file(
        tmp_path,
        "both.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Front desk / reception;Field staff;,Book leave;\n2,Field staff,Book leave;\n",
    )
    result = import_survey(load_mapping(write_file(tmp_path, "t.yaml", typed), study), export)
    [warning] = result.warnings
    assert warning.hint.startswith("'Front desk / reception' and 'Field staff' chosen together")


def test_one_group_answer_of_a_question_that_takes_several_counts(
    study: Study, tmp_path: Path
) -> None:
    """Microsoft Forms ends the answers of a question that takes several with ';', one
    answer too: that one is the answer."""
    export = write_file(
        tmp_path,
        "one.csv",
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        "1,Field staff;,Book leave;\n2,Field staff ; ,Claim expenses;\n",
    )
    assert import_layout(study, "ms-forms", export).tally.respondents == {"field": 2}


def test_several_group_answers_are_found_longest_first(study: Study, tmp_path: Path) -> None:
    """'Field staff, drivers' is an answer of its own: taken whole, not as 'Field staff'
    followed by an unknown 'drivers'."""
    text = (SURVEY_FIXTURES / "mappings" / "google-forms.yaml").read_text(encoding="utf-8")
    mapping = write_file(
        tmp_path,
        "m.yaml",
        text.replace("Field staff: field,", 'Field staff: field, "Field staff, drivers": field,'),
    )
    export = write_file(
        tmp_path,
        "g.csv",
        "Timestamp,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        't1,"Field staff, drivers, Office staff",Book leave\nt2,"Office staff,",Book leave\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(load_mapping(mapping, study), export)
    several, one = raised.value.problems
    assert several.hint.startswith("'Field staff, drivers' and 'Office staff' chosen together")
    assert one.hint == "did you mean 'Office staff'?"  # one answer is not several


def test_a_limesurvey_export_s_unknown_group_answer_is_not_said_to_be_typed(
    study: Study, tmp_path: Path
) -> None:
    """LimeSurvey writes a text typed for 'Other' in a column of its own: an answer in the
    group column is an option's, to add."""
    text = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text(encoding="utf-8")
    export = write_file(tmp_path, "l.csv", text.replace('"AO01"', '"Intern"', 1))
    mapping = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text(encoding="utf-8")
    full = write_file(tmp_path, "l.yaml", mapping.replace("AO04: ~}", "AO04: ~, Other: ~}"))
    with pytest.raises(InvalidStudyError) as raised:
        import_survey(load_mapping(full, study), export)
    assert [p.hint for p in raised.value.problems] == [
        'add it under group.values in the mapping with a group id (or ~): "Intern": …'
    ]


def test_a_typed_group_answer_alike_a_known_one_is_pointed_at(study: Study, tmp_path: Path) -> None:
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    typed = text.replace("\nchoices:\n", "\n  other: true\nchoices:\n")
    export = write_file(tmp_path, "e.csv", _TYPED_GROUPS.replace("Intern", "Field stafff"))
    result = import_survey(load_mapping(write_file(tmp_path, "t.yaml", typed), study), export)
    assert result.warnings[0].hint == "did you mean 'Field staff'?"
