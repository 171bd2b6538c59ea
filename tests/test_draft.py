"""``needmap survey draft``: a mapping drafted from the export counts what a hand-written one
counts."""

from __future__ import annotations

import re
import shlex
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import list_templates, load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, TargetExistsError, UsageError
from needmap.personas.study import Study
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.draft import MAX_ANSWERS, MAX_TASKS, MappingDraft, draft_mapping, write_draft
from needmap.surveys.draft_words import guess_group, suggest_needs
from needmap.surveys.mapping import SurveyMapping
from tests.conftest import (
    ROLE_HEADING,
    SURVEY_FIXTURES,
    TASKS_HEADING,
    StudyMaker,
    limesurvey_with_text_headings,
    notes_then_forms_export,
    run_needmap,
)

runner = CliRunner()
LAYOUTS = {
    "ms-forms": {"group_column": ROLE_HEADING, "choices_column": TASKS_HEADING, "respondent": "ID"},
    "google-forms": {
        "group_column": ROLE_HEADING,
        "choices_column": TASKS_HEADING,
        "respondent": "Timestamp",
    },
    "long": {"group_column": "group", "choices_column": "task", "respondent": "respondent"},
    "limesurvey": {"group_column": "G01Q01", "question": "G02Q02", "respondent": "id"},
}


def votes_by_label(mapping_path: Path, study_root: Path, export: Path) -> Counter[str]:
    """Votes per task label (LimeSurvey: per code), over every group and those outside."""
    mapping = load_mapping(mapping_path, load_study(study_root))
    tally = import_survey(mapping, export).tally
    label = {
        t.id: (t.code or "") if mapping.layout == "limesurvey" else t.label for t in mapping.tasks
    }
    found: Counter[str] = Counter()
    for by_task in tally.votes.values():
        for task, n in by_task.items():
            found[label[task]] += n
    return found


LIMESURVEY_GROUPS = {"AO01": "desk", "AO02": "field", "AO03": "office"}
"""The groups of the LimeSurvey fixture's answer codes, which a draft cannot guess."""


def give_groups(draft: Path, groups: dict[str, str]) -> None:
    """Fill in the draft's group answers, as the consultant does after drafting."""
    text = draft.read_text(encoding="utf-8")
    for answer, group in groups.items():
        text = text.replace(f"    {answer}: ~  # TODO", f"    {answer}: {group}  # TODO")
    draft.write_text(text, encoding="utf-8")


def _ms_forms_draft(
    tmp_path: Path,
    rows: str,
    *,
    name: str = "export.csv",
    question: str = TASKS_HEADING,
    title: str | None = None,
) -> tuple[Study, Path, MappingDraft]:
    """A small Microsoft Forms export of ``rows`` (ID, role, choices), drafted for the
    fixture study: the study, the export and the draft."""
    export = tmp_path / name
    export.write_text(f'ID,{ROLE_HEADING},"{question}"\n{rows}', encoding="utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(
        study,
        export,
        layout="ms-forms",
        group_column=ROLE_HEADING,
        choices_column=question,
        title=title,
    )
    return study, export, draft


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_a_heading_row_repeated_below_is_no_answer_nor_task(tmp_path: Path, layout: str) -> None:
    """Two exports pasted into one: the draft took the second's heading row for a group
    answer (the role question) and a task (the tasks question), as the import did."""
    lines = _fixture_lines(layout)
    once, twice = _two_exports(tmp_path, lines, [*lines[:6], lines[0].upper(), *lines[6:]])
    drafted = [_drafted(export, layout).text for export in (once, twice)]
    assert drafted[1] == drafted[0]


def _fixture_lines(layout: str) -> list[bytes]:
    """The lines of the fixture export of ``layout``, each with its line break."""
    return (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes().splitlines(keepends=True)


def _two_exports(tmp_path: Path, lines: list[bytes], changed: list[bytes]) -> tuple[Path, Path]:
    """An export of ``lines`` and one of ``changed``, under one name in two folders."""
    (tmp_path / "once").mkdir()
    (tmp_path / "changed").mkdir()
    once, other = tmp_path / "once" / "export.csv", tmp_path / "changed" / "export.csv"
    once.write_bytes(b"".join(lines))
    other.write_bytes(b"".join(changed))
    return once, other


def _drafted(export: Path, layout: str) -> MappingDraft:
    """The draft of a fixture export, its group column given for LimeSurvey's (answer
    codes name no group)."""
    group = "G01Q01" if layout == "limesurvey" else None
    return draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, group_column=group)


def test_limesurvey_asked_of_an_export_without_its_columns_says_what_to_give(
    tmp_path: Path,
) -> None:
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    with pytest.raises(UsageError) as raised:
        draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, layout="limesurvey")
    [problem] = [p for p in raised.value.problems if "--question" in p.message]
    assert (problem.location.path, problem.location.line) == (export, 1)
    assert problem.message == (
        "layout limesurvey needs --question (its code): the header has no columns "
        "'CODE[SQ001]' to take it from"
    )
    assert problem.hint.endswith("or the layout the export has: ms-forms, google-forms or long")


def test_empty_rows_count_for_nothing_in_a_draft(tmp_path: Path) -> None:
    rows = "1,Field staff,Book leave;\n,,\n2,Field staff,Book leave;Claim expenses;\n"
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    _, _, plain = _ms_forms_draft(tmp_path, rows.replace(",,\n", ""), name="plain.csv")
    assert draft.answers == plain.answers
    assert [(t.label, t.votes) for t in draft.tasks] == [("Book leave", 2), ("Claim expenses", 1)]


def test_a_sheet_of_notes_before_the_answers_is_passed_over(tmp_path: Path) -> None:
    """The draft reads the workbook's sheet that shows a survey's answers, not a sheet of
    notes put before it; the draft's check imports that sheet too."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    book, answers = notes_then_forms_export(tmp_path / "export.xlsx")
    study = load_study(root)
    draft = draft_mapping(study, tmp_path / "export.xlsx")
    assert (draft.layout, draft.group_column) == ("ms-forms", ROLE_HEADING)
    check = write_draft(study, draft, root / "surveys" / "drafted.yaml", tmp_path / "export.xlsx")
    assert check.respondents == 11
    book.copy_worksheet(answers).title = "Form1 cleaned"  # of two, the user says which
    book.save(tmp_path / "export.xlsx")
    with pytest.raises(InvalidStudyError) as raised:
        draft_mapping(study, tmp_path / "export.xlsx")
    assert [p.message for p in raised.value.problems] == [
        "the sheets 'Form1' and 'Form1 cleaned' each show a survey's answers: which holds the "
        "answers?"
    ]
    with pytest.raises(UsageError) as notes:  # a sheet named: no other looked for
        draft_mapping(study, tmp_path / "export.xlsx", sheet="Notes")
    assert notes.value.problems[0].message == (
        "cannot tell which column holds the respondent's group"
    )
    export = str(tmp_path / "export.xlsx")
    args = ["survey", "draft", str(root), export, "--sheet", "Form1 cleaned", "--id", "clean"]
    drafted = runner.invoke(app, args)
    assert drafted.exit_code == 0, drafted.output
    assert "Read export.xlsx (XLSX, sheet 'Form1 cleaned') as ms-forms" in drafted.stdout
    assert "With it, the export imports 11 respondents in the target groups." in drafted.stdout
    command = " ".join(drafted.stdout.split()).split("then: ")[1]
    assert command == (
        f"needmap survey import {root} {export} --survey clean --sheet 'Form1 cleaned'"
    )
    imported = runner.invoke(app, shlex.split(command)[1:])
    assert imported.exit_code == 0, imported.output
    assert "(XLSX, sheet 'Form1 cleaned')" in imported.stdout


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_drafted_mapping_counts_the_votes_of_the_hand_written_one(
    tmp_path: Path, layout: str
) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    export = SURVEY_FIXTURES / "exports" / f"{layout}.{'csv'}"
    study = load_study(root)
    draft = draft_mapping(study, export, layout=layout, **LAYOUTS[layout])  # type: ignore[arg-type]
    target = root / "surveys" / "drafted.yaml"
    check = write_draft(study, draft, target, export)
    hand = SURVEY_FIXTURES / "mappings" / f"{layout}.yaml"
    assert check.respondents == (None if layout == "limesurvey" else 11)  # AO01…: no guesses
    if layout == "limesurvey":
        assert check.problems[0].message.startswith("no respondent is in a target group")
        give_groups(target, LIMESURVEY_GROUPS)
    assert votes_by_label(target, root, export) == votes_by_label(hand, root, export)
    assert draft.max_picks == 5
    # the draft's own counts (which order it and hint at "other" answers) are the import's
    counted = {(t.code or "") if layout == "limesurvey" else t.label: t.votes for t in draft.tasks}
    assert counted == votes_by_label(hand, root, export)
    assert draft.answer_codes is (layout == "limesurvey")
    assert not any(p.name.endswith(".draft") for p in (root / "surveys").iterdir())
    if layout != "limesurvey":
        guessed = {a.text: a.group for a in draft.answers}
        assert {k: v for k, v in guessed.items() if k != "Other" and k != "other"} == {
            k: v for k, v in load_mapping(hand, study).group.values.items() if v is not None
        }


def test_google_forms_labels_with_a_comma_stay_whole(tmp_path: Path) -> None:
    export = SURVEY_FIXTURES / "exports" / "google-forms.csv"
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(study, export, layout="google-forms", **LAYOUTS["google-forms"])
    labels = [t.label for t in draft.tasks]
    assert "Find a colleague, by name or expertise" in labels
    assert '{id: find-colleague-name-expertise, label: "Find a colleague, by name' in (draft.text)
    assert "Other: ~  # TODO: a group id, or ~" in draft.text


def test_task_ids_that_yaml_would_read_as_booleans_are_quoted(tmp_path: Path) -> None:
    study, export, draft = _ms_forms_draft(
        tmp_path, "1,Front desk / reception,Yes;Book leave;\n2,Field staff,Yes;\n"
    )
    assert '{id: "yes", label: "Yes", needs: []}' in draft.text
    target = tmp_path / "yes.yaml"
    check = write_draft(study, draft, target, export)
    assert check.respondents == 2
    assert [task.id for task in load_mapping(target, study).tasks] == ["yes", "book-leave"]


def test_answers_and_labels_holding_a_line_separator_are_drafted_and_imported(
    tmp_path: Path,
) -> None:
    """YAML reads U+2028 (and NEL, U+0085) as a line break: written as it was in a quoted
    group answer, it broke the draft's line in two, and the draft did not load."""
    study, export, draft = _ms_forms_draft(
        tmp_path,
        "1,Front desk\u2028reception,Book leave\x85today;\n2,Field staff,Book leave\x85today;\n",
    )
    assert '"Front desk\\u2028reception": ~' in draft.text
    assert 'label: "Book leave\\u0085today"' in draft.text
    target = tmp_path / "separated.yaml"
    check = write_draft(study, draft, target, export)
    assert check.respondents == 1  # field staff; the front desk answer is still to map
    mapping = load_mapping(target, study)
    assert "Front desk\u2028reception" in mapping.group.values
    assert [task.label for task in mapping.tasks] == ["Book leave\x85today"]


def test_answers_and_labels_holding_control_characters_are_drafted_and_imported(
    tmp_path: Path,
) -> None:
    """A mapping may not hold a control character (no report could show it), so a draft
    leaves them out of what it copies from the export, and the import still finds the
    export's answers and labels, with their control characters, in it."""
    study, export, draft = _ms_forms_draft(
        tmp_path,
        "1,Front desk\x1b[0m,Book\x0bleave;\n2,Field staff\x07,Book\x0bleave;\n",
    )
    assert "    Front desk[0m: desk" in draft.text and 'label: "Book\\nleave"' in draft.text
    target = tmp_path / "controls.yaml"
    check = write_draft(study, draft, target, export)
    assert check.respondents == 2
    mapping = load_mapping(target, study)
    assert mapping.group.values == {"Field staff": "field", "Front desk[0m": "desk"}
    assert [task.label for task in mapping.tasks] == ["Book\nleave"]


def test_a_heading_holding_a_control_character_is_named_without_it(tmp_path: Path) -> None:
    """The mapping names the column as the import finds it: without the character, which
    a mapping may not hold (the draft stopped with an internal error)."""
    study, export, draft = _ms_forms_draft(
        tmp_path, "1,Field staff,Book leave;\n", question="Which tasks?\x0bChoose five.\x07"
    )
    assert '  column: "Which tasks?\\nChoose five."' in draft.text
    check = write_draft(study, draft, tmp_path / "heading.yaml", export)
    assert check.respondents == 1


@pytest.mark.parametrize(
    ("title", "message"),
    [("  ", "the title is empty"), ("Top\x1b[2J", "the title holds the control character <U")],
)
def test_a_title_the_mapping_could_not_hold_is_refused(
    tmp_path: Path, title: str, message: str
) -> None:
    """The draft used to be written and then found not to load: an internal error."""
    with pytest.raises(UsageError, match=re.escape(message)):
        _ms_forms_draft(tmp_path, "1,Field staff,Book leave;\n", title=title)


def test_an_export_s_name_stands_in_the_mapping_as_one_line_without_controls(
    tmp_path: Path,
) -> None:
    """The name is in the first comment and, without a --title, the title: a line break
    in it ended the comment, and a control character made a mapping that does not load."""
    study, _, draft = _ms_forms_draft(
        tmp_path, "1,Field staff,Book leave;\n", name="top\ntasks\x07.csv", title=" Tasks "
    )
    assert draft.text.startswith("# Drafted by needmap survey draft from top tasks.csv.\n")
    assert "\ntitle: Tasks\n" in draft.text
    _, _, untitled = _ms_forms_draft(tmp_path, "1,Field staff,Book leave;\n", name=" .csv")
    target = tmp_path / "untitled.yaml"
    write_draft(study, untitled, target, tmp_path / " .csv")
    assert load_mapping(target, study).title == untitled.survey_id


def test_task_ids_keep_words_with_an_apostrophe_whole(tmp_path: Path) -> None:
    _, _, draft = _ms_forms_draft(
        tmp_path, "1,Field staff,See a client's care plan;Foto\u2019s delen;\n"
    )
    assert {t.label: t.id for t in draft.tasks} == {
        "See a client's care plan": "see-clients-care-plan",
        "Foto\u2019s delen": "fotos-delen",
    }


def test_every_number_word_a_question_may_use_is_read_as_its_number() -> None:
    from needmap.surveys.draft_words import asked_picks

    english = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    dutch = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]
    for number, (en, nl) in enumerate(zip(english, dutch, strict=True), start=1):
        assert asked_picks(f"Choose up to {en} tasks") == number
        assert asked_picks(f"Kies maximaal {nl.capitalize()} taken") == number
    assert asked_picks("Which tasks do you do most often?") is None


@pytest.mark.parametrize(
    ("question", "max_picks", "note"),
    [
        ("Which tasks? Choose at most five.", 5, "the question asks for at most this many"),
        ("Welke taken doet u? Kies maximaal 3 taken", 3, "the question asks for at most this many"),
        ("Welke taken (hoogstens Vijf)?", 5, "the question asks for at most this many"),
        ("Tasks (max. 4)", 4, "the question asks for at most this many"),
        ("Welke taken doet u het vaakst?", 2, "the most tasks one respondent chose in the export"),
        (
            "Choose up to one",
            2,
            "TODO: the question asks for at most 1, but a respondent chose 2; with 1, such "
            "respondents are left out",
        ),
    ],
)
def test_max_picks_is_what_the_question_asks_for_when_it_says(
    tmp_path: Path, question: str, max_picks: int, note: str
) -> None:
    """Not fewer than a respondent chose: a question that says one while the export has
    two is not believed."""
    rows = "1,Field staff,Book leave;Claim expenses;\n2,Front desk / reception,Book leave;\n"
    _, _, draft = _ms_forms_draft(tmp_path, rows, question=question)
    assert draft.max_picks == max_picks
    assert f"max_picks: {max_picks}  # {note}\n" in draft.text


def test_a_task_named_twice_counts_once_towards_max_picks(tmp_path: Path) -> None:
    """As import counts it: the draft's max_picks leaves no respondent out."""
    rows = "1,Field staff,Book leave;Claim expenses;Book leave;\n2,Field staff,Book leave;\n"
    _, _, draft = _ms_forms_draft(tmp_path, rows, question="Welke taken doet u het vaakst?")
    assert draft.max_picks == 2
    lines = ["id,Role,Task"] + [f"r{n},Front desk,Task {t}" for n in range(6) for t in "ABCA"]
    export = tmp_path / "long.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    long = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, layout="long")
    assert (long.respondent, long.max_picks) == ("id", 3)


def test_a_long_export_s_task_is_one_cell_whatever_its_commas(tmp_path: Path) -> None:
    """A row of the long layout names one task: a label with ', ' is not split as a
    Google Forms cell is."""
    lines = ["id,Role,Task"] + [
        f'r{n},Front desk,"{t}"' for n in range(3) for t in ("Rooms, Parking", "Book leave")
    ]
    export = tmp_path / "long.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, layout="long")
    assert sorted((t.label, t.votes) for t in draft.tasks) == [
        ("Book leave", 3),
        ("Rooms, Parking", 3),
    ]


@pytest.mark.parametrize(
    ("question", "note"),
    [
        ("Welke taak doet u het vaakst?", "the most tasks one respondent chose in the export"),
        ("Kies maximaal een taak", "the question asks for at most this many"),
    ],
)
def test_one_pick_each_is_a_max_picks_of_one(tmp_path: Path, question: str, note: str) -> None:
    rows = "1,Field staff,Book leave;\n2,Front desk / reception,Claim expenses;\n"
    _, _, draft = _ms_forms_draft(tmp_path, rows, question=question)
    assert draft.max_picks == 1
    assert f"max_picks: 1  # {note}\n" in draft.text


@pytest.mark.parametrize("extra", [0, 1])
def test_up_to_sixty_group_answers_make_a_group_question(tmp_path: Path, extra: int) -> None:
    """A question with more than MAX_ANSWERS answers is no choice of group (an open
    question, a name): it is not taken for the group column, and refused when named."""
    count = MAX_ANSWERS + extra
    rows = "".join(f"{i},Field staff {i},Book leave;\n" for i in range(count))
    if extra:
        with pytest.raises(UsageError) as raised:
            _ms_forms_draft(tmp_path, rows)
        [problem] = raised.value.problems
        assert (problem.message, problem.hint) == (
            f"column '{ROLE_HEADING}' has {count} different answers",
            "name the column of the question that asks for the respondent's group",
        )
        return
    _, export, _ = _ms_forms_draft(tmp_path, rows)
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export)
    assert draft.group_column == ROLE_HEADING and len(draft.answers) == count


@pytest.mark.parametrize("extra", [0, 1])
def test_up_to_250_different_choices_make_a_task_list(tmp_path: Path, extra: int) -> None:
    count = MAX_TASKS + extra
    rows = "".join(f"{i},Field staff,Task {i};Task {i + 1};\n" for i in range(count - 1))
    if extra:
        with pytest.raises(UsageError) as raised:
            _ms_forms_draft(tmp_path, rows)
        [problem] = raised.value.problems
        assert (problem.message, problem.hint) == (
            f"the choices have {count} different texts",
            "name the column (or question) that holds the chosen tasks",
        )
        return
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    assert len(draft.tasks) == count


def test_a_rare_word_a_task_shares_with_a_need_suggests_it_and_a_common_one_does_not(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """ "Bekijken" is in every need's title and says nothing; "calamiteiten" is in one."""
    needs = "".join(
        f"  - {{id: {need}, title: {title} bekijken, kind: content, groups: {{desk: must}}}}\n"
        for need, title in [("calamity", "Calamiteiten"), ("roster", "Rooster"), ("news", "Nieuws")]
    )
    study = load_study(make_study({"needs.yaml": "needs:\n" + needs, "personas.yaml": None}))
    export = tmp_path / "export.csv"
    export.write_text(
        f"ID,{ROLE_HEADING},Tasks\n1,Front desk,Calamiteitenplan bekijken;Bekijken;\n",
        encoding="utf-8",
    )
    draft = draft_mapping(
        study, export, layout="ms-forms", group_column=ROLE_HEADING, choices_column="Tasks"
    )
    assert {t.label: t.suggested_needs for t in draft.tasks} == {
        "Calamiteitenplan bekijken": ("calamity",),
        "Bekijken": (),
    }
    assert "label: Calamiteitenplan bekijken, needs: []}  # TODO: needs, perhaps calamity\n" in (
        draft.text
    )
    assert "label: Bekijken, needs: []}  # TODO: needs\n" in draft.text


def test_a_second_need_is_suggested_only_where_it_fits_half_as_well(
    make_study: StudyMaker,
) -> None:
    """Storing and melden both name the fault report; melden alone the visitors' sign-in
    (a quarter of the score): offered alone. Two needs that fit alike are both offered."""
    needs = "".join(
        f"  - {{id: {need}, title: {title}, kind: function, groups: {{desk: must}}}}\n"
        for need, title in [
            ("fault", "Storing melden"),
            ("visitors", "Bezoekers aanmelden"),
            ("roster", "Rooster bekijken"),
            ("leave", "Verlof aanvragen"),
        ]
    )
    study = load_study(make_study({"needs.yaml": "needs:\n" + needs, "personas.yaml": None}))
    assert suggest_needs(study, "Storing melden") == ("fault",)
    assert suggest_needs(study, "Rooster en verlof") == ("roster", "leave")
    # exactly half: verlof is in two titles, so each gets half of what rooster gives one
    two_leaves = (
        "needs:\n"
        + needs
        + ("  - {id: leave-2, title: Verlof registreren, kind: function, groups: {desk: must}}\n")
    )
    study = load_study(make_study({"needs.yaml": two_leaves, "personas.yaml": None}, "half"))
    assert suggest_needs(study, "Rooster en verlof") == ("roster", "leave")


def test_a_title_not_given_is_the_export_s_name_marked_to_do(tmp_path: Path) -> None:
    rows, name = "1,Field staff,Book leave;\n", "Forms export 2026.csv"
    _, _, drafted = _ms_forms_draft(tmp_path, rows, name=name)
    assert "title: Forms export 2026  # TODO: the survey's name, as the reports show it\n" in (
        drafted.text
    )
    _, _, titled = _ms_forms_draft(tmp_path, rows, name=name, title="Top tasks 2026")
    assert "title: Top tasks 2026\n" in titled.text


@pytest.mark.parametrize(("common", "hinted"), [(25, True), (22, True), (21, False), (20, False)])
def test_choices_made_once_among_many_are_asked_about_as_answers_to_other(
    tmp_path: Path, common: int, hinted: bool
) -> None:
    """``common`` respondents chose two tasks, three wrote a text of their own: 56 votes,
    or 50, ask about the three; 48 are too few to tell."""
    rows = "".join(f"{i},Field staff,Book leave;Claim expenses;\n" for i in range(common))
    rows += "".join(f"{i},Field staff,Book leave;Own text {i};\n" for i in range(3))
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    hint = (
        '# TODO: the last 3 tasks were chosen once each. If the question has an "Other" '
        "option, they are its answers: delete them and write other: true under choices.\ntasks:"
    )
    assert ("\n" + hint in draft.text) is hinted
    assert [t.votes for t in draft.tasks] == [common + 3, common, 1, 1, 1]


def test_a_limesurvey_draft_is_not_asked_about_answers_to_other(tmp_path: Path) -> None:
    """LimeSurvey keeps an "Other" text in a column of its own: tasks chosen once each are
    tasks of its list, not texts typed in, and its tasks stand in the export's order."""
    tasks = [f"G02Q02[SQ00{n}]" for n in range(1, 6)]
    chosen = [{0, 1}] * 24 + [{2}, {3}, {4}]  # 51 votes, three tasks chosen once each
    rows = [
        ",".join([str(i), "Field staff", *("Y" if n in picks else "" for n in range(5))])
        for i, picks in enumerate(chosen)
    ]
    export = tmp_path / "export.csv"
    export.write_text("\n".join([",".join(["id", "G01Q01", *tasks]), *rows]) + "\n", "utf-8")
    draft = draft_mapping(load_study(SURVEY_FIXTURES / "study"), export, group_column="G01Q01")
    assert draft.layout == "limesurvey"
    assert [t.votes for t in draft.tasks] == [24, 24, 1, 1, 1]
    assert "TODO: the last" not in draft.text
    assert (
        "  - {id: sq001, label: SQ001, code: SQ001, needs: []}"
        "  # TODO: needs; and the label the survey showed\n"
    ) in draft.text
    assert "\n# Answers and tasks: the most given first (tasks in the export's order).\n" in (
        draft.text
    )


def test_answers_are_codes_only_when_every_one_is_a_code(tmp_path: Path) -> None:
    """A LimeSurvey export with answer codes ("AO01") is told to be exported again with
    full answers; one where a code stands among the names ("B2", a building) is not."""
    rows = "".join(
        f"{i},{role},Book leave;\n" for i, role in enumerate(["AO01", "A02", "AO01", "B2"])
    )
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    assert draft.answer_codes
    _, _, named = _ms_forms_draft(tmp_path, rows + "5,Field staff,Book leave;\n")
    assert "Field staff" in [a.text for a in named.answers]
    assert not named.answer_codes


def test_limesurvey_labels_are_read_from_headings_with_question_text(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    export = limesurvey_with_text_headings(tmp_path)
    study = load_study(root)
    draft = draft_mapping(study, export, group_column="G01Q01")
    hand = load_mapping(SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", study)
    assert (draft.layout, draft.choices) == ("limesurvey", "G02Q02")
    assert draft.answer_codes and [a.text for a in draft.answers] == [
        "AO01",
        "AO02",
        "AO03",
        "AO04",
    ]
    assert [(t.label, t.code) for t in draft.tasks] == [(t.label, t.code) for t in hand.tasks]
    assert draft.tasks[0].id == "book-leave" and "the label the survey showed" not in draft.text
    target = root / "surveys" / "drafted.yaml"
    write_draft(study, draft, target, export)
    give_groups(target, LIMESURVEY_GROUPS)
    assert votes_by_label(target, root, export) == votes_by_label(
        SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", root, export
    )


def test_a_draft_is_never_written_over_a_file(tmp_path: Path) -> None:
    study, export, draft = _ms_forms_draft(tmp_path, "1,Field staff,Book leave;\n")
    target = tmp_path / "mine.yaml"
    target.write_text("# my own mapping\n", encoding="utf-8")
    with pytest.raises(TargetExistsError) as refused:
        write_draft(study, draft, target, export)
    [problem] = refused.value.problems
    assert (problem.location.path, problem.message, problem.hint) == (
        target,
        "would overwrite an existing file",
        "choose another name with --out, or --id; needmap never overwrites your files",
    )
    assert target.read_text(encoding="utf-8") == "# my own mapping\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv", "mine.yaml"]


def test_limesurvey_full_question_text_headings_are_drafted_and_imported(tmp_path: Path) -> None:
    """LimeSurvey's "Full question text" headings put a space before the subquestion:
    ``Which tasks? [Book leave]``. The draft found the question as 'Which tasks? ' and then
    looked for it without the space, refusing the export with "did you mean 'Which
    tasks? '?". Three such columns make a question, and the import finds them by the
    question as written in YAML, without the space."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    export = tmp_path / "full-text.csv"
    export.write_text(
        "id,What is your role?,Which tasks? [Book leave],Which tasks? [Claim expenses],"
        "Which tasks? [Report a broken printer]\n"
        "1,Front desk / reception,Y,Y,\n2,Field staff,,Y,Y\n3,Office staff,Y,,\n",
        encoding="utf-8",
    )
    study = load_study(root)
    draft = draft_mapping(study, export)
    assert (draft.layout, draft.group_column, draft.choices) == (
        "limesurvey",
        "What is your role?",
        "Which tasks?",
    )
    assert "  question: Which tasks?\n" in draft.text
    assert [(t.label, t.votes) for t in draft.tasks] == [
        ("Book leave", 2),
        ("Claim expenses", 2),
        ("Report a broken printer", 1),
    ]
    check = write_draft(study, draft, root / "surveys" / "drafted.yaml", export)
    assert check.respondents == 3 and not check.problems


def test_draft_on_the_command_line(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    args = ["survey", "draft", str(root), str(export), "--layout", "MS-Forms"]  # any case
    wrong = runner.invoke(app, [*args, "--group-column", "Role", "--choices-column", TASKS_HEADING])
    assert wrong.exit_code == 2
    assert "no column 'Role' (--group-column) in the header" in wrong.stderr
    layout = runner.invoke(app, [*args[:4], "--layout", "msforms"])
    assert layout.exit_code == 2 and "unknown layout 'msforms'" in layout.stderr
    assert "use one of: limesurvey, ms-forms, google-forms, long" in layout.stderr
    done = run_needmap(
        *args, "--group-column", ROLE_HEADING, "--choices-column", TASKS_HEADING, "--id", "toptasks"
    )
    assert done.returncode == 0, done.stderr
    assert "surveys/toptasks.yaml: 4 group answers (3 guessed to a group), 6 tasks" in (done.stdout)
    assert "The group answers are codes" not in done.stdout
    assert "\nlayout: ms-forms\n" in (root / "surveys" / "toptasks.yaml").read_text("utf-8")
    said = " ".join(done.stdout.split())
    assert "With it, the export imports 11 respondents in the target groups." in said
    assert said.endswith(f"then: needmap survey import {root} {export}")
    again = run_needmap(
        *args, "--group-column", ROLE_HEADING, "--choices-column", TASKS_HEADING, "--id", "toptasks"
    )
    assert again.returncode == 2 and "would overwrite an existing file" in again.stderr
    imported = run_needmap("survey", "import", str(root), str(export))
    assert imported.returncode == 0, imported.stderr
    assert "6 of 6 tasks are linked to no need, so their votes are evidence for nothing" in (
        " ".join(imported.stderr.split())
    )
    long = runner.invoke(
        app, ["survey", "draft", str(root), str(SURVEY_FIXTURES / "exports" / "long.csv")]
    )
    assert long.exit_code == 0, long.stderr
    assert (
        "Read long.csv (CSV, Windows-1252, semicolon-separated) as long: groups in column 'group', "
        "choices in column 'task', respondents in column 'respondent'."
        in " ".join(long.stdout.split())
    )
    codes = runner.invoke(
        app,
        [
            "survey",
            "draft",
            str(root),
            str(SURVEY_FIXTURES / "exports" / "limesurvey.csv"),
            "--group-column",
            "G01Q01",
        ],
    )
    assert codes.exit_code == 0, codes.stderr
    assert codes.stdout.startswith(
        "Read limesurvey.csv (CSV, UTF-8, comma-separated) as limesurvey: groups in column "
        "'G01Q01', question 'G02Q02', respondents in column 'id'.\n"
    )
    assert "The group answers are codes: export again with full answers" in " ".join(
        codes.stdout.split()
    )
    assert "no respondent is in a target group" in codes.stderr  # no answer has a group yet
    assert "\nWith it, the export does not import yet: see the problems above.\n" in codes.stdout
    unnamed = tmp_path / "teams.csv"
    text = export.read_text(encoding="utf-8-sig")
    for n, role in enumerate(["Field staff", "Front desk / reception", "Office staff", "Other"]):
        text = text.replace(f",{role},", f",Team {n},")
    unnamed.write_text(text, encoding="utf-8")
    words = runner.invoke(
        app,
        [
            "survey",
            "draft",
            str(root),
            str(unnamed),
            "--id",
            "teams",
            "--group-column",
            ROLE_HEADING,
        ],
    )
    assert words.exit_code == 0, words.stderr
    said = " ".join(words.stdout.split())
    assert "4 group answers (0 guessed to a group)" in said
    assert "codes" not in said  # words that name no group are no codes to export again
    # with other mappings in the study, the import is told which; written elsewhere, where
    assert said.endswith(f"then: needmap survey import {root} {unnamed} --survey teams")
    elsewhere = tmp_path / "elsewhere.yaml"
    drafted = ["survey", "draft", str(root), str(unnamed), "--group-column", ROLE_HEADING]
    apart = runner.invoke(app, [*drafted, "--out", str(elsewhere)])
    assert apart.exit_code == 0, apart.stderr
    assert " ".join(apart.stdout.split()).endswith(
        f"then: needmap survey import {root} {unnamed} --mapping {elsewhere}"
    )


def _study_with_forms_mapping(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The survey fixture study, with the fixture's Microsoft Forms mapping as its
    ``surveys/toptasks.yaml``, each (old, new) of ``edits`` replaced in it."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    mapping = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in mapping, old
        mapping = mapping.replace(old, new)
    (root / "surveys" / "toptasks.yaml").write_text(mapping, encoding="utf-8")
    return root


def _forms_draft(root: Path, *rows: str) -> tuple[Study, MappingDraft, Path]:
    """The study in ``root``, the draft of a Microsoft Forms export of ``rows`` (ID, role,
    choices) beside it, and that export."""
    export = root.parent / "export.csv"
    export.write_text(
        f'ID,{ROLE_HEADING},"{TASKS_HEADING}"\n' + "\n".join(rows) + "\n", encoding="utf-8"
    )
    study = load_study(root)
    draft = draft_mapping(
        study, export, layout="ms-forms", group_column=ROLE_HEADING, choices_column=TASKS_HEADING
    )
    return study, draft, export


def test_a_draft_with_everything_as_in_the_study_s_mapping_says_so_and_has_nothing_to_do(
    tmp_path: Path,
) -> None:
    root = _study_with_forms_mapping(tmp_path)
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    args = ["survey", "draft", str(root), str(export), "--id", "again"]
    done = runner.invoke(app, [*args, "--title", "Top tasks 2027"])
    assert done.exit_code == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert (
        "again.yaml: 4 group answers (4 as in toptasks.yaml), 6 tasks (6 with needs as in "
        "toptasks.yaml), max_picks 5." in said
    )
    assert said.endswith(f"Next: needmap survey import {root} {export} --survey again")
    (root / "surveys" / "again.yaml").unlink()
    untitled = runner.invoke(app, args)  # the title is left to do
    assert " ".join(untitled.stdout.split()).endswith(
        "Next: check each TODO in it (groups for the answers, needs for the tasks), then: "
        f"needmap survey import {root} {export} --survey again"
    )
    renamed = tmp_path / "renamed.csv"
    text = export.read_text(encoding="utf-8-sig").replace(",Office staff,", ",Office,")
    renamed.write_text(text.replace("Claim expenses", "Claim travel costs"), encoding="utf-8")
    mixed = runner.invoke(app, ["survey", "draft", str(root), str(renamed), "--id", "mixed"])
    assert (
        "4 group answers (3 as in again.yaml, 1 guessed to a group), 6 tasks (5 with "
        "needs as in again.yaml)" in " ".join(mixed.stdout.split())  # the first by name
    )


def test_an_answer_for_several_groups_is_drafted_as_the_study_s_mapping_has_it(
    tmp_path: Path,
) -> None:
    """A group split after the first survey: its answer names the parts; a survey run
    again is drafted with the same list, and imported into the same stratum."""
    root = _study_with_forms_mapping(
        tmp_path,
        ("Field staff: field", "Field staff: [field, office]"),
        ("Office staff: office", "Office staff: [field, office]"),
    )
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    drafted = runner.invoke(app, ["survey", "draft", str(root), str(export), "--id", "again"])
    assert drafted.exit_code == 0, drafted.stderr
    text = (root / "surveys" / "again.yaml").read_text(encoding="utf-8")
    assert "    Field staff: [field, office]  # as in toptasks.yaml\n" in text
    study = load_study(root)
    counted = import_survey(load_mapping(root / "surveys" / "again.yaml", study), export).tally
    assert counted.respondents == {"desk": 5, "field+office": 6, "~": 1}


def test_a_survey_run_again_keeps_the_other_options_of_the_study_s_mapping(
    tmp_path: Path,
) -> None:
    """The study's mapping says the group question and the task question have an 'Other'
    option: the draft of the same questions says so too, and asks nothing about choices
    made once. Answers alike but for case are one entry, as the import reads them."""
    root = _study_with_forms_mapping(
        tmp_path, ("\nchoices:\n", "\n  other: true\nchoices:\n  other: true\n")
    )
    export = tmp_path / "again.csv"
    rows = [f"{n},{role},Book leave;" for n, role in enumerate(["Intern", "intern", "intern"])]
    export.write_text(
        "ID,What is your role?,Which tasks do you do most often? Choose at most five.\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    args = ["survey", "draft", str(root), str(export), "--id", "again"]
    drafted = runner.invoke(app, [*args, "--group-column", "What is your role?"])
    assert drafted.exit_code == 0, drafted.stderr
    text = (root / "surveys" / "again.yaml").read_text(encoding="utf-8")
    values = text.split("  values:\n")[1].split("choices:")[0]
    assert values.splitlines() == [
        "    intern: ~  # TODO: a group id, or ~ for answers outside the target groups",
        "  other: true  # as in toptasks.yaml",
    ]
    assert "choices:\n  column: Which tasks do you do most often? Choose at most five.\n" in text
    assert "\n  other: true  # as in toptasks.yaml\ntasks:\n" in text
    study = load_study(root)
    again = load_mapping(root / "surveys" / "again.yaml", study)
    assert (again.group.other, again.choices.other) == (True, True)


def test_a_limesurvey_draft_takes_no_other_option_from_a_mapping_of_the_same_column(
    tmp_path: Path,
) -> None:
    """LimeSurvey writes a text typed for 'Other' in a column of its own: ``other: true``
    there would do nothing, whatever a forms mapping with the same heading says."""
    root = _study_with_forms_mapping(
        tmp_path,
        ("column: What is your role?", "column: G01Q01"),
        ("\nchoices:\n", "\n  other: true\nchoices:\n"),
    )
    export = SURVEY_FIXTURES / "exports" / "limesurvey.csv"
    args = ["survey", "draft", str(root), str(export), "--id", "lime", "--group-column", "G01Q01"]
    drafted = runner.invoke(app, args)
    assert drafted.exit_code == 0, drafted.stderr
    assert "other:" not in (root / "surveys" / "lime.yaml").read_text(encoding="utf-8")


def _template_export(
    tmp_path: Path, template: str, name: str = "export.csv", *, aside: bool = False
) -> tuple[Path, Study, SurveyMapping, Path]:
    """A study from ``template`` and the demo's example export of its survey: the study's
    folder, the study, its mapping and the export. ``aside`` moves the mapping out of the
    study, which a draft would otherwise take the answers and tasks of."""
    from needmap.demo import write_example_export
    from needmap.scaffold import init_study
    from needmap.surveys.mapping import mapping_files

    root = tmp_path / template
    init_study(root, template)
    study = load_study(root)
    path = mapping_files(root)[0]
    mapping = load_mapping(path, study)
    if aside:
        path.rename(tmp_path / "aside.yaml")
    export = tmp_path / name
    write_example_export(study, mapping, export)
    return root, study, mapping, export


@pytest.mark.parametrize("template", [t.name for t in list_templates()])
def test_answers_are_guessed_to_the_groups_the_template_maps_them_to(
    tmp_path: Path, template: str
) -> None:
    """The templates' own mappings are the right answers; no guess may be wrong. (The
    mapping is taken out of the study first, or the draft would take its answers.)"""
    _, study, mapping, export = _template_export(tmp_path, template, aside=True)
    draft = draft_mapping(
        study,
        export,
        layout="ms-forms",
        group_column=mapping.group.column,
        choices_column=mapping.choices.column,
    )
    guessed = {a.text: a.group for a in draft.answers}
    assert guessed == {a: g for a, g in mapping.group.values.items() if a in guessed}
    assert len(guessed) >= 5 and None not in guessed.values()
    assert {a.source for a in draft.answers} == {t.source for t in draft.tasks} == {None}
    assert {t.label for t in draft.tasks} <= {t.label for t in mapping.tasks}
    # the suggestions are hints, but most should name a need the template links the task to
    linked = {t.label: set(t.needs) for t in mapping.tasks}
    hits = [bool(set(t.suggested_needs) & linked[t.label]) for t in draft.tasks]
    assert sum(hits) >= 0.6 * len(hits)


def test_a_survey_run_again_is_drafted_with_the_study_s_mapping_s_groups_ids_and_needs(
    tmp_path: Path,
) -> None:
    """The same survey again, next year: every answer keeps its group, ``~`` too, and every
    task its id and needs; a new answer and a new task are drafted as ever."""
    root, study, mapping, export = _template_export(tmp_path, "gemeente", "toptaken-2027.csv")
    with export.open("a", encoding="utf-8") as rows:
        rows.write("901,,,,,Anders,Verlof aanvragen;\r\n902,,,,,Stagiair,Parkeren;\r\n")
    draft = draft_mapping(
        study,
        export,
        layout="ms-forms",
        group_column=mapping.group.column,
        choices_column=mapping.choices.column,
        title="Toptaken 2027",
    )
    groups = {a.text: (a.group, a.source) for a in draft.answers}
    assert groups.pop("Stagiair") == (None, None)
    assert groups == {a: (g, "toptaken.yaml") for a, g in mapping.group.values.items()}
    parking = next(t for t in draft.tasks if t.label == "Parkeren")
    assert (parking.id, parking.needs, parking.source) == ("parkeren", (), None)
    earlier = {t.label: (t.id, tuple(t.needs)) for t in mapping.tasks}
    again = [t for t in draft.tasks if t is not parking]
    assert {t.label: (t.id, t.needs) for t in again} == {t.label: earlier[t.label] for t in again}
    assert {t.source for t in again} == {"toptaken.yaml"}
    assert draft.text.count("# TODO") == 2
    assert "    Stagiair: ~  # TODO" in draft.text
    assert "    Anders: ~  # zoals in toptaken.yaml" in draft.text
    assert "  - {id: parkeren, label: Parkeren, needs: []}  # TODO: needs" in draft.text
    assert (
        "  - {id: verlof, label: Verlof aanvragen, needs: [hr-selfservice]}  "
        "# zoals in toptaken.yaml\n" in draft.text
    )
    target = root / "surveys" / "toptaken-2027.yaml"
    assert write_draft(study, draft, target, export).respondents
    assert load_mapping(target, study).tasks[-1].id == "parkeren"


def test_a_dutch_study_s_mapping_is_drafted_with_dutch_comments(tmp_path: Path) -> None:
    """The mapping is the consultant's file from then on, beside the template's files with
    their Dutch comments; TODO stays TODO, as editors mark it."""
    _, study, _, export = _template_export(tmp_path, "gemeente", "toptaken.csv", aside=True)
    text = draft_mapping(study, export).text
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]
    assert comments[:5] == [
        " Opgesteld door needmap survey draft uit toptaken.csv.",
        " Antwoorden en taken: de vaakst gegeven eerst.",
        " Loop elke TODO na, koppel elke taak aan de behoeften waarvoor ze bewijs is, en dan:",
        " needmap survey import ONDERZOEK EXPORT",
        " TODO: de naam van de enquête, zoals de rapporten die tonen",
    ]
    assert "max_picks: 5  # de vraag laat hoogstens zoveel taken kiezen\n" in text
    assert "# geraden uit de naam of id van de groep\n" in text
    assert "needs: []}  # TODO: needs, misschien " in text
    assert not re.search(r"guessed|perhaps|Drafted|the survey", text)


def test_a_drafted_mapping_points_editors_at_the_study_s_schema(tmp_path: Path) -> None:
    """As every file ``init`` writes: where the study has its schemas, and the mapping is
    written inside it; a mapping written elsewhere, or into a study without schemas,
    has no such line (it would point at nothing)."""
    from needmap.personas.modelines import MODELINE

    root, study, _, export = _template_export(tmp_path, "company", "tasks.csv")
    draft = draft_mapping(study, export)
    inside, deeper, outside = (
        root / "surveys" / "t.yaml",
        root / "a" / "b" / "t.yaml",
        tmp_path / "t.yaml",
    )
    for path in (inside, deeper, outside):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_draft(study, draft, path, export)
    for path, schema in ((inside, "../schemas/"), (deeper, "../../schemas/")):
        first, rest = path.read_text(encoding="utf-8").split("\n", 1)
        assert first == MODELINE + schema + "survey.schema.json" and rest == draft.text
        assert (path.parent / first.removeprefix(MODELINE)).is_file()
        load_mapping(path, study)
    assert outside.read_text(encoding="utf-8") == draft.text
    shutil.rmtree(root / "schemas")
    inside.unlink()  # two mappings of one id the study would refuse (see below)
    write_draft(study, draft, root / "surveys" / "u.yaml", export)
    assert (root / "surveys" / "u.yaml").read_text(encoding="utf-8") == draft.text


def test_the_draft_s_comments_say_the_same_in_both_languages() -> None:
    from needmap.surveys.file_notes import FILE_NOTES

    fields = {
        language: {key: set(re.findall(r"\{(\w+)\}", note)) for key, note in notes.items()}
        for language, notes in FILE_NOTES.items()
    }
    assert fields["nl"] == fields["en"]
    assert all("\n" not in note for notes in FILE_NOTES.values() for note in notes.values())


def _suggested(
    make_study: StudyMaker, tmp_path: Path, needs: str, tasks: list[str]
) -> dict[str, tuple[str, ...]]:
    """The needs a draft suggests for each of ``tasks``, in a study with ``needs`` (lines
    of needs.yaml), from a Microsoft Forms export with one respondent who chose them."""
    root = make_study({"needs.yaml": "needs:\n" + needs, "personas.yaml": None})
    export = tmp_path / "export.csv"
    export.write_text(f"ID,Role,Tasks\n1,Front desk,{';'.join(tasks)}\n", encoding="utf-8")
    draft = draft_mapping(
        load_study(root), export, layout="ms-forms", group_column="Role", choices_column="Tasks"
    )
    return {t.label: t.suggested_needs for t in draft.tasks}


def test_a_task_s_word_that_is_part_of_a_dutch_compound_suggests_its_need(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """ "Nieuws" is in "Organisatienieuws", which also holds "organisatie": that need is
    offered, and not one whose title has "nieuws" alone (a third of its score); "zorg" is
    too short to count as a part of "zorgplan"."""
    needs = (
        "  - {id: push, title: Pushmeldingen bij urgent nieuws, kind: function,"
        " groups: {desk: must}}\n"
        "  - {id: nieuws, title: Organisatienieuws en mededelingen, kind: content,"
        " groups: {desk: must}}\n"
        "  - {id: plan, title: Zorgplan inzien, kind: content, groups: {field: must}}\n"
    )
    tasks = ["Nieuws over de organisatie lezen", "Zorg regelen"]
    assert _suggested(make_study, tmp_path, needs, tasks) == {
        "Nieuws over de organisatie lezen": ("nieuws",),
        "Zorg regelen": (),
    }
    # five letters are enough: "kaart" in "Parkeerkaart"
    needs = "  - {id: parkeren, title: Parkeerkaart, kind: function, groups: {desk: must}}\n"
    assert _suggested(make_study, tmp_path, needs, ["Een kaart regelen"]) == {
        "Een kaart regelen": ("parkeren",)
    }


def test_an_english_plural_in_ies_suggests_the_need_with_its_singular(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """ "Policy" is too unlike "policies" by its letters alone (difflib 0.71)."""
    needs = (
        "  - {id: hr-info, title: HR information and policies, kind: content,"
        " groups: {desk: must}}\n"
        "  - {id: news, title: News about the companies we serve, kind: content,"
        " groups: {desk: must}}\n"
    )
    tasks = ["Look up a policy", "Find a company", "Read the story"]
    assert _suggested(make_study, tmp_path, needs, tasks) == {
        "Look up a policy": ("hr-info",),
        "Find a company": ("news",),
        "Read the story": (),
    }


def test_an_answer_that_names_two_groups_is_not_guessed(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "ID,Role,Tasks\n"
        "1,Office or field staff,Book leave;\n"
        "2,Front desk / reception,Book leave;\n",
        encoding="utf-8",
    )
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(
        study, export, layout="ms-forms", group_column="Role", choices_column="Tasks"
    )
    assert {a.text: a.group for a in draft.answers} == {
        "Office or field staff": None,
        "Front desk / reception": "desk",
    }


def test_an_answer_two_group_names_fit_is_not_guessed_by_a_description(tmp_path: Path) -> None:
    """ "Teamleider" fits the name "Teamleiders en afdelingshoofden", "beveiliging" the name
    "Beveiliging, catering en facilitair": two groups by name, so none, though the words
    after it are the facility staff's description alone. One name fitting, the
    description is not asked."""
    from needmap.scaffold import init_study

    init_study(tmp_path / "s", "bedrijf")
    study = load_study(tmp_path / "s")
    assert guess_group(study, "Teamleider of beveiliging, kantine, schoonmaak") is None
    assert guess_group(study, "Beveiliging, kantine, schoonmaak") == "facilitair"
    assert guess_group(study, "Kantine of schoonmaak") == "facilitair"  # by the description


def test_a_word_two_group_names_share_does_not_make_an_answer_name_both(tmp_path: Path) -> None:
    """The word "service" is in "Reception and customer service" and "Service engineers and field
    staff"; only a word of one name that the other lacks ("field") names a second group."""
    from needmap.scaffold import init_study

    init_study(tmp_path / "s", "company")
    export = tmp_path / "export.csv"
    export.write_text(
        "ID,Role,Tasks\n"
        "1,Reception or customer service,Book leave;\n"
        "2,Service engineer or field staff,Book leave;\n"
        "3,Office or field staff,Book leave;\n"
        "4,Board or management team,Book leave;\n",
        encoding="utf-8",
    )
    draft = draft_mapping(
        load_study(tmp_path / "s"),
        export,
        layout="ms-forms",
        group_column="Role",
        choices_column="Tasks",
    )
    assert {a.text: a.group for a in draft.answers} == {
        "Reception or customer service": "front-desk",
        "Service engineer or field staff": "field",
        "Office or field staff": None,
        "Board or management team": "executives",
    }


def test_answers_with_personal_data_are_left_out_and_the_draft_still_written(
    tmp_path: Path,
) -> None:
    """Of what names someone, the organisation's own name (a firm named after a family)
    stays."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    settings = root / "study.yaml"
    settings.write_text(
        settings.read_text().replace("Test org", "Van Dijk Installatietechniek"),
        encoding="utf-8",
    )
    export = tmp_path / "export.csv"
    export.write_text(
        "ID,Role,Tasks\n1,Field staff,Book leave;\n2,Other: mail jan@example.org,Book leave;\n"
        "3,Field staff,News of Van Dijk;Ask Van den Berg at Van Dijk;\n",
        encoding="utf-8",
    )
    args = ["survey", "draft", str(root), str(export), "--layout", "ms-forms", "--id", "t"]
    result = runner.invoke(app, [*args, "--group-column", "Role", "--choices-column", "Tasks"])
    assert result.exit_code == 0, result.output
    text = (root / "surveys" / "t.yaml").read_text()
    assert "example.org" not in text and "Field staff: field" in text
    assert "News of Van Dijk" in text and "Berg" not in text
    assert "Left out, as they hold personal data: 2 of the answers and labels." in result.stdout
    assert "unknown group answer" in result.stderr
    assert "unknown choice 'Ask [name] at Van Dijk'" in result.stderr  # its check's import
    assert "example.org" not in result.output
    assert "the export does not import yet" in result.stdout
    refused = runner.invoke(app, [*args[:-1], "Top Tasks", "--group-column", "Role"])
    assert refused.exit_code == 2 and "'Top Tasks' is not a valid survey id" in refused.stderr


def test_validate_warns_while_tasks_are_linked_to_no_need(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    assert (
        runner.invoke(app, ["survey", "draft", str(root), str(export), "--id", "t"]).exit_code == 0
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0
    assert "t.yaml:20:48: tasks[0].needs: warning: 6 of 6 tasks are evidence for no need:" in (
        result.stderr
    )
    assert runner.invoke(app, ["validate", str(root), "--strict"]).exit_code == 2


@pytest.mark.parametrize(
    ("rows", "missing"),
    [
        ("", ["no answers in column 'Role'", "no chosen tasks"]),
        ("1,Field staff,\n2,Office staff,\n", ["no chosen tasks"]),
        ("1,,Book leave;\n", ["no answers in column 'Role'"]),
    ],
    ids=["no rows", "no tasks chosen", "no group answered"],
)
def test_an_export_without_answers_is_refused(
    tmp_path: Path, rows: str, missing: list[str]
) -> None:
    export = tmp_path / "export.csv"
    export.write_text("ID,Role,Tasks\n" + rows, encoding="utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export, layout="ms-forms", group_column="Role", choices_column="Tasks")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            f"cannot draft a mapping: {message}",
            "check that this is the survey's export, with its answers",
        )
        for message in missing
    ]


def test_answers_and_tasks_given_as_often_come_in_the_order_of_their_text(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"{i},{role},{tasks}\n"
        for i, (role, tasks) in enumerate(
            [
                ("Office staff", "Plan a meeting;Book leave;"),
                ("Field staff", "Book leave;Plan a meeting;"),
                ("Office staff", "Claim expenses;"),
                ("Field staff", "Claim expenses;"),
            ]
        )
    )
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    assert [a.text for a in draft.answers] == ["Field staff", "Office staff"]
    assert [t.label for t in draft.tasks] == ["Book leave", "Claim expenses", "Plan a meeting"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Book leave", "book leave!", "Leave", "???", "Claim expenses"]),
            st.sampled_from([None, "leave", "book-leave", "task", "expense"]),
        ),
        max_size=8,
    )
)
def test_task_ids_are_unique_and_each_known_one_kept_where_first_given(
    drafted: list[tuple[str, str | None]],
) -> None:
    from needmap.surveys.draft_words import unique_ids

    ids = unique_ids([text for text, _ in drafted], [known for _, known in drafted])
    assert len(ids) == len(drafted) == len(set(ids))
    for i, (_, known) in enumerate(drafted):
        if known is not None and known not in [k for _, k in drafted[:i]]:
            assert ids[i] == known


def test_task_ids_keep_the_letters_unicode_does_not_take_apart() -> None:
    """A Polish label keeps its ł as l, not a gap: "Zgłoś" is zglos, not zg-os."""
    from needmap.surveys.draft_words import unique_ids

    assert unique_ids(["Zgłoś usterkę lub uszkodzony sprzęt", "Smørrebrød på øen"]) == [
        "zglos-usterke-lub-uszkodzony",
        "smorrebrod-pa-oen",
    ]


def test_labels_of_no_word_that_says_something_are_tasks_numbered() -> None:
    from needmap.surveys.draft_words import unique_ids

    assert unique_ids(["???", "…", "Book leave"], [None, None, "task"]) == [
        "task-2",
        "task-3",
        "task",
    ]


def test_labels_that_make_one_id_get_numbered_ids(tmp_path: Path) -> None:
    rows = "1,Office staff,Book leave;Book leave!;Book (leave);\n"
    _, _, draft = _ms_forms_draft(tmp_path, rows)
    assert [t.id for t in draft.tasks] == ["book-leave", "book-leave-2", "book-leave-3"]


def test_the_first_mapping_that_loads_gives_a_label_its_id_and_no_id_is_given_twice(
    tmp_path: Path,
) -> None:
    """The study's mappings in the order of their names; one with problems is passed over
    (``validate`` tells them). A label alike but for its case is the same task, as the
    import reads it; and no id made from a label is one taken."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    ms_forms = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "a.yaml").write_text(
        ms_forms.replace("id: toptasks", "id: broken", 1).replace(
            "Office staff: office", "Office staff: offfice"
        ),
        encoding="utf-8",
    )
    (root / "surveys" / "b.yaml").write_text(ms_forms, encoding="utf-8")
    (root / "surveys" / "c.yaml").write_text(
        ms_forms.replace("id: toptasks", "id: later", 1)
        .replace("id: leave,", "id: holiday,")
        .replace("Field staff: field", "Field staff: office"),
        encoding="utf-8",
    )
    _, draft, _ = _forms_draft(
        root, "1,Office staff,Book leave;BOOK LEAVE;Leave!", "2,Field staff,Claim expenses;Leave!"
    )
    assert [(a.text, a.group, a.source) for a in draft.answers] == [
        ("Field staff", "field", "b.yaml"),
        ("Office staff", "office", "b.yaml"),
    ]
    assert [(t.label, t.id, t.needs, t.source, t.votes) for t in draft.tasks] == [
        ("Book leave", "leave", ("hr-self-service",), "b.yaml", 2),
        ("Leave!", "leave-2", (), None, 2),
        ("Claim expenses", "expense", ("hr-self-service",), "b.yaml", 1),
    ]


def test_a_label_the_export_writes_in_another_case_keeps_the_earlier_id(tmp_path: Path) -> None:
    _, draft, _ = _forms_draft(
        _study_with_forms_mapping(tmp_path), "1,Office staff,BOOK LEAVE;claim expenses"
    )
    assert [(t.label, t.id) for t in draft.tasks] == [
        ("BOOK LEAVE", "leave"),
        ("claim expenses", "expense"),
    ]


def test_a_task_s_also_text_in_an_export_keeps_the_earlier_id(tmp_path: Path) -> None:
    """The Dutch version of the survey run again on its own: its labels are the also:
    texts of the study's mapping, whose tasks they name."""
    root = _study_with_forms_mapping(
        tmp_path, ("label: Book leave,", "label: Book leave, also: [Verlof aanvragen],")
    )
    _, draft, _ = _forms_draft(root, "1,Office staff,Verlof aanvragen;Parkeren")
    assert sorted((t.label, t.id, t.needs) for t in draft.tasks) == [
        ("Parkeren", "parkeren", ()),
        ("Verlof aanvragen", "leave", ("hr-self-service",)),
    ]


def test_choices_alike_but_for_case_are_one_task_of_the_draft(tmp_path: Path) -> None:
    """An option mended while the survey ran ("PARKEREN" to "Parkeren"): the import reads
    both as one task, so the draft has one, as most respondents saw it. (Two tasks of one
    label stopped the draft with an internal error.)"""
    root = _study_with_forms_mapping(tmp_path)
    study, draft, export = _forms_draft(
        root,
        "1,Office staff,Parkeren;Book leave",
        "2,Office staff,PARKEREN;",
        "3,Field staff,Parkeren;",
    )
    assert [(t.label, t.votes) for t in draft.tasks] == [("Parkeren", 3), ("Book leave", 1)]
    assert write_draft(study, draft, root / "surveys" / "again.yaml", export).respondents == 3


def test_a_survey_in_two_languages_run_again_is_drafted_with_its_texts_as_one_task(
    tmp_path: Path,
) -> None:
    """The study's mapping gives 'Book leave' the Dutch text under also: an export of both
    languages is drafted with one task of both texts, the mapping's label first, and
    imports as that mapping does."""
    root = _study_with_forms_mapping(
        tmp_path, ("label: Book leave,", "label: Book leave, also: [Verlof aanvragen],")
    )
    study, draft, export = _forms_draft(
        root,
        "1,Office staff,Verlof aanvragen;Claim expenses",
        "2,Office staff,Verlof aanvragen;",
        "3,Field staff,Book leave;Parkeren",
    )
    assert [(t.id, t.label, t.also, t.votes) for t in draft.tasks] == [
        ("leave", "Book leave", ("Verlof aanvragen",), 3),
        ("expense", "Claim expenses", (), 1),
        ("parkeren", "Parkeren", (), 1),
    ]
    assert (
        "  - {id: leave, label: Book leave, also: [Verlof aanvragen], needs: [hr-self-service]}"
        "  # as in toptasks.yaml\n" in draft.text
    )
    target = root / "surveys" / "again.yaml"
    assert write_draft(study, draft, target, export).respondents == 3
    tally = import_survey(load_mapping(target, study), export).tally
    assert (tally.votes["office"]["leave"], tally.votes["field"]["leave"]) == (2, 1)


def test_a_limesurvey_copy_exported_with_codes_takes_labels_by_its_codes(tmp_path: Path) -> None:
    """A survey copied in LimeSurvey keeps its question and subquestion codes, and an
    export with code headings has no labels: a mapping of the study with that question
    gives each code its label, id and needs, and each answer code its group. Answer
    codes of another group column are another question's, and are not taken."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    lime = (SURVEY_FIXTURES / "mappings" / "limesurvey.yaml").read_text(encoding="utf-8")
    (root / "surveys" / "a.yaml").write_text(
        lime.replace("id: toptasks", "id: other", 1)
        .replace("G01Q01", "G09Q01")
        .replace("G02Q02", "G09Q02")
        .replace("AO01: desk", "AO01: field")
        .replace("label: Book leave", "label: Book a holiday")
        .replace("Find a colleague, by", "Find someone, by"),
        encoding="utf-8",
    )
    (root / "surveys" / "b.yaml").write_text(lime, encoding="utf-8")
    export = SURVEY_FIXTURES / "exports" / "limesurvey.csv"
    draft = draft_mapping(load_study(root), export, group_column="G01Q01", title="Again")
    assert [(a.text, a.group, a.source) for a in draft.answers][:2] == [
        ("AO01", "desk", "b.yaml"),
        ("AO02", "field", "b.yaml"),
    ]
    assert [(t.code, t.label, t.id, t.source) for t in draft.tasks][:2] == [
        ("SQ001", "Book leave", "leave", "b.yaml"),
        ("SQ002", "Find a colleague, by name or expertise", "colleague", "b.yaml"),
    ]
    assert "# TODO" not in draft.text
    (root / "surveys" / "b.yaml").unlink()
    other = draft_mapping(load_study(root), export, group_column="G01Q01")
    assert {(a.group, a.source) for a in other.answers} == {(None, None)}
    assert [t.label for t in other.tasks][:2] == ["SQ001", "SQ002"]


def test_columns_not_in_the_header_are_named_with_what_is_there(tmp_path: Path) -> None:
    study = load_study(SURVEY_FIXTURES / "study")
    export = SURVEY_FIXTURES / "exports" / "ms-forms.csv"
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export, layout="ms-forms", group_column="WHAT IS YOUR ROL?")
    (problem,) = caught.value.problems
    assert problem.location.line == 1
    assert problem.message == "no column 'WHAT IS YOUR ROL?' (--group-column) in the header"
    assert problem.hint == f"did you mean '{ROLE_HEADING}'?"
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export, layout="ms-forms", group_column="Department")
    assert caught.value.problems[0].hint == "the header has: " + ", ".join(
        f"'{h}'" for h in export.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    )
    limesurvey = SURVEY_FIXTURES / "exports" / "limesurvey.csv"
    for question, hint in [
        ("G02Q03", "did you mean 'G02Q02'?"),
        ("TASKS_HEADING", "questions with subquestions in the header: G02Q02"),
    ]:
        with pytest.raises(UsageError) as caught:
            draft_mapping(study, limesurvey, layout="limesurvey", question=question)
        found = [(p.location.line, p.message, p.hint) for p in caught.value.problems]
        assert (1, f"no columns '{question}[…]' (--question) in the header", hint) in found


def test_an_export_with_no_column_of_group_answers_is_asked_about(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("ID,Tasks\n1,Book leave;\n2,Claim expenses;\n", encoding="utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    with pytest.raises(UsageError) as caught:
        draft_mapping(study, export, layout="ms-forms", choices_column="Tasks")
    assert [(p.message, p.hint) for p in caught.value.problems] == [
        (
            "cannot tell which column holds the respondent's group",
            "give --group-column; the header has: 'ID', 'Tasks'",
        )
    ]


def test_answers_and_tasks_are_drafted_most_given_first(tmp_path: Path) -> None:
    """The order an export first shows them in is chance; counted by hand in the fixture:
    front desk 5 respondents, field and office staff 3 each, other 1; Book leave 7 votes,
    Find a colleague 5, Plan a meeting 4, the other three 3 each (ties by text)."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    draft = draft_mapping(load_study(root), SURVEY_FIXTURES / "exports" / "ms-forms.csv")
    assert [a.text for a in draft.answers] == [
        "Front desk / reception",
        "Field staff",
        "Office staff",
        "Other",
    ]
    assert [t.label for t in draft.tasks] == [
        "Book leave",
        "Find a colleague, by name or expertise",
        "Plan a meeting with lunch and projector",
        "Claim expenses",
        "Report a broken printer",
        "See the café menu",
    ]
    assert "# Answers and tasks: the most given first.\n" in draft.text


@pytest.mark.parametrize(
    ("export", "option", "problem"),
    [
        (
            "ms-forms.csv",
            ["--question", "G02Q02"],
            "--question is for a LimeSurvey export, and this export's layout is ms-forms",
        ),
        (
            "limesurvey.csv",
            ["--choices-column", "G01Q01"],
            "--choices-column is for the other layouts: a LimeSurvey export has a column per task",
        ),
    ],
)
def test_an_option_of_another_layout_is_refused(
    tmp_path: Path, export: str, option: list[str], problem: str
) -> None:
    """The mapping drafted with it lacked what its layout needs, and did not load: an
    internal error, found by random command lines."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    path = SURVEY_FIXTURES / "exports" / export
    result = runner.invoke(app, ["survey", "draft", str(root), str(path), *option])
    assert result.exit_code == 2
    assert problem in " ".join(result.stderr.split())
    assert not (root / "surveys").exists()


_MS_FORMS_HEADER = (
    "the header has: 'ID', 'Start time', 'Completion time', 'Email', 'Name', "
    f"'{ROLE_HEADING}', '{TASKS_HEADING}'"
)


@pytest.mark.parametrize(
    ("export", "given", "problem"),
    [
        (
            "ms-forms.csv",
            {"question": "G02Q02"},
            (
                None,
                "--question is for a LimeSurvey export, and this export's layout is ms-forms",
                "leave --question out; --choices-column names the column with the chosen "
                "tasks, and --layout limesurvey says the export is LimeSurvey's",
            ),
        ),
        (
            "ms-forms.csv",
            {"layout": "limesurvey"},
            (
                1,
                "layout limesurvey needs --question (its code): the header has no columns "
                "'CODE[SQ001]' to take it from",
                "give --question with the task question's code (G01Q02 for columns "
                "G01Q02[SQ001], …), or the layout the export has: ms-forms, google-forms or long",
            ),
        ),
        (
            "ms-forms.csv",
            {"layout": "ms-forms", "choices_column": "Nope"},
            (1, "no column 'Nope' (--choices-column) in the header", _MS_FORMS_HEADER),
        ),
        (
            "ms-forms.csv",
            {"respondent": "Nope"},
            (1, "no column 'Nope' (--respondent) in the header", _MS_FORMS_HEADER),
        ),
        (
            "ms-forms.csv",
            {"survey_id": "Top Tasks"},
            (
                None,
                "'Top Tasks' is not a valid survey id (--id)",
                "use lowercase letters, digits, '-' and '_', such as toptasks-2026",
            ),
        ),
        (
            "limesurvey.csv",
            {"choices_column": "G01Q01", "group_column": "G01Q01"},
            (
                None,
                "--choices-column is for the other layouts: a LimeSurvey export has a column "
                "per task",
                "leave --choices-column out; --question names the question (its code), and "
                "--layout the export's layout",
            ),
        ),
    ],
    ids=["question", "limesurvey", "choices-column", "respondent", "id", "not-limesurvey"],
)
def test_each_option_refused_is_told_whole(
    export: str, given: dict[str, str], problem: tuple[int | None, str, str]
) -> None:
    """What the user typed is named, with the option, and what to do instead."""
    path = SURVEY_FIXTURES / "exports" / export
    with pytest.raises(UsageError) as raised:
        draft_mapping(load_study(SURVEY_FIXTURES / "study"), path, **given)  # type: ignore[arg-type]
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [problem]


def test_a_question_given_makes_an_export_of_few_task_columns_limesurvey(tmp_path: Path) -> None:
    """Three or more CODE[SQ…] columns tell LimeSurvey by themselves; with two, --question
    tells it."""
    export = tmp_path / "two-tasks.csv"
    export.write_text(
        "id,G01Q01,G02Q02[SQ001],G02Q02[SQ002]\n"
        "1,Front desk,Y,\n2,Front desk,,Y\n3,Field staff,Y,Y\n",
        encoding="utf-8",
    )
    study = load_study(SURVEY_FIXTURES / "study")
    draft = draft_mapping(study, export, group_column="G01Q01", question="G02Q02")
    assert draft.layout == "limesurvey"
    assert [t.code for t in draft.tasks] == ["SQ001", "SQ002"]


_SPELLINGS = ["Book leave", "BOOK LEAVE", "Book  leave", "Verlof aanvragen", "verlof aanvragen"]
_SPELLINGS += ["Claim expenses", "Parkeren", "PARKEREN", "Een collega, op naam"]
"""Choices of a survey run again in two languages, some written two ways but for case or
spacing (an option mended while it ran): texts of one task, of the mapping, or new."""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Office staff", "office staff", "Field staff", "Intern"]),
            st.lists(st.sampled_from(_SPELLINGS), min_size=1, max_size=4, unique=True),
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["ms-forms", "long"]),
)
def test_any_export_of_a_survey_run_again_drafts_a_mapping_that_imports_it(
    rows: list[tuple[str, list[str]]], layout: str
) -> None:
    """Whatever texts the export has, the draft loads (a draft that does not is a bug,
    raised as one) and imports every respondent of the export (some in a target group:
    an export of none is refused as a test run)."""
    import tempfile

    assume(any(role != "Intern" for role, _ in rows))

    with tempfile.TemporaryDirectory() as folder:
        root = _study_with_forms_mapping(
            Path(folder), ("label: Book leave,", "label: Book leave, also: [Verlof aanvragen],")
        )
        export = Path(folder) / "export.csv"
        if layout == "ms-forms":
            lines = [f'{n},{role},"{";".join(picks)};"' for n, (role, picks) in enumerate(rows)]
            export.write_text(f'ID,{ROLE_HEADING},"{TASKS_HEADING}"\n' + "\n".join(lines) + "\n")
            options: dict[str, str] = {
                "group_column": ROLE_HEADING,
                "choices_column": TASKS_HEADING,
            }
        else:
            lines = [f'{n},{role},"{p}"' for n, (role, picks) in enumerate(rows) for p in picks]
            export.write_text("id,group,task\n" + "\n".join(lines) + "\n")
            options = {"group_column": "group", "choices_column": "task", "respondent": "id"}
        study = load_study(root)
        draft = draft_mapping(study, export, layout=layout, **options)  # type: ignore[arg-type]
        check = write_draft(study, draft, root / "surveys" / "again.yaml", export)
        assert check.respondents is not None, check.problems  # warnings at most
        counted = import_survey(load_mapping(root / "surveys" / "again.yaml", study), export)
        assert sum(counted.tally.respondents.values()) == len(rows)


def test_an_answer_is_taken_from_a_mapping_whose_group_question_was_worded_otherwise(
    tmp_path: Path,
) -> None:
    """A run held again with its group question reworded keeps its answers: an answer in
    words is the same answer under any heading (an answer code is not: AO01 of another
    question is another answer)."""
    root = _study_with_forms_mapping(
        tmp_path, (f"column: {ROLE_HEADING}", "column: Your job here?")
    )
    _, draft, _ = _forms_draft(root, "1,Field staff,Book leave", "2,Office staff,Book leave")
    assert {(a.text, a.group, a.source) for a in draft.answers} == {
        ("Field staff", "field", "toptasks.yaml"),
        ("Office staff", "office", "toptasks.yaml"),
    }


@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_rows_pasted_again_do_not_reorder_the_drafted_tasks(tmp_path: Path, layout: str) -> None:
    """An export joined with an earlier one keeps the rows they share: their votes moved
    tasks up the draft's list (most chosen first), which the import then counts once.
    Left out by the respondent's key as the import leaves them out, the draft is the
    clean export's; a row of another respondent alike but for its key still counts."""
    lines = _fixture_lines(layout)
    once, joined = _two_exports(tmp_path, lines, [*lines, *lines[-3:] * 3])
    clean, pasted = (_drafted(export, layout) for export in (once, joined))
    assert clean.respondent is not None
    assert [(t.label, t.votes) for t in pasted.tasks] == [(t.label, t.votes) for t in clean.tasks]
    assert pasted.text == clean.text
    if layout == "ms-forms":  # its key first: the last row again as respondent 99's
        other = b"99" + lines[-1][lines[-1].index(b",") :]
        joined.write_bytes(b"".join([*lines, other]))
        again = _drafted(joined, layout)
        assert sum(t.votes for t in again.tasks) > sum(t.votes for t in clean.tasks)
