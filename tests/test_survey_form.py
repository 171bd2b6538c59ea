"""A survey's questions to build it in its tool (``needmap survey questions``): the answers
and tasks exactly as the mapping lists them, so that the export the tool writes imports."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.reports.survey_form import (
    SurveyForm,
    form_text,
    form_to_json,
    form_to_markdown,
    form_to_text,
    render_form_page,
    survey_form,
)
from needmap.scaffold import init_study
from needmap.surveys import import_survey
from needmap.surveys.draft_words import answer_language
from needmap.surveys.mapping import SurveyMapping, SurveyTask, load_mapping
from tests.conftest import SURVEY_FIXTURES, plain, run_needmap
from tests.rendered import PageParts

runner = CliRunner()


@pytest.fixture(scope="module")
def gemeente(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gemeente") / "study"
    init_study(root, "gemeente")
    return root


@pytest.fixture(scope="module")
def care(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("care") / "study"
    init_study(root, "care")
    return root


def _mapping(root: Path, name: str = "toptasks.yaml") -> SurveyMapping:
    return load_mapping(root / "surveys" / name, load_study(root))


def _form(
    root: Path, mapping: SurveyMapping | None = None, name: str = "toptasks.yaml"
) -> SurveyForm:
    """The form of the study's mapping ``name`` (or of ``mapping``, read from that file)."""
    chosen = mapping or _mapping(root, name)
    return survey_form(chosen, load_study(root), root / "surveys" / name)


def _task(label: str, code: str | None = None) -> SurveyTask:
    return SurveyTask(id="t", label=label, code=code)


def _options(text: str, label: str) -> list[str]:
    """The lines after the line that starts with ``label``, up to the next empty one."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(label)) + 1
    return lines[start : lines.index("", start)]


def test_the_options_are_the_mapping_s_answers_and_labels_one_a_line(care: Path) -> None:
    mapping = _mapping(care)
    text = form_to_text(_form(care, mapping))
    assert text.splitlines()[:3] == [
        "Top-task survey of employees and volunteers, 2026: the questions to build in",
        "Microsoft Forms",
        "",
    ]
    assert _options(text, "Options (6):") == list(mapping.group.values)
    assert _options(text, "Options (16)") == [t.label for t in mapping.tasks]
    assert "1. What is your role at Linden?\nOne answer.\n" in text
    assert "2. Which tasks do you do most often? Choose at most five.\nUp to 5 answers," in text
    assert "Multiple answers on and Shuffle options." in " ".join(text.split())


def test_what_the_form_lists_the_import_reads_back(care: Path, tmp_path: Path) -> None:
    """An export as Microsoft Forms writes it from a form built with these options: every
    answer and task is known, and each respondent's votes are counted."""
    mapping = _mapping(care)
    text = form_to_text(_form(care, mapping))
    answers, tasks = _options(text, "Options (6)"), _options(text, "Options (16)")
    export = tmp_path / "export.csv"
    with export.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["ID", mapping.group.column, mapping.choices.column])
        for row, answer in enumerate(answers * 5):
            picks = [tasks[(row + k) % len(tasks)] for k in range(5)]
            writer.writerow([row + 1, answer, ";".join(picks) + ";"])
    imported = import_survey(mapping, export)
    assert imported.tally.total_respondents == 30
    assert sum(sum(v.values()) for v in imported.tally.votes.values()) == 150
    assert not imported.warnings


def test_long_prose_wraps_and_a_long_option_does_not(care: Path) -> None:
    form = _form(care)
    long_label = "A task whose label is longer than a line of eighty columns, " * 2
    form = form.__class__(**{**form.__dict__, "tasks": (_task(long_label.strip()),)})
    text = form_to_text(form)
    assert long_label.strip() in text.splitlines()
    prose = [line for line in text.splitlines() if line != long_label.strip()]
    assert max(len(line) for line in prose) <= 80


def test_markdown_keeps_the_options_in_a_block_that_copies_as_it_is(care: Path) -> None:
    form = _form(care)
    markdown = form_to_markdown(form)
    assert markdown.startswith(
        "# Top-task survey of employees and volunteers, 2026: the questions to build in "
        "Microsoft Forms\n"
    )
    assert "## 1. What is your role at Linden?\n" in markdown
    assert "```text\nCarer, nurse or support worker\n" in markdown
    ticked = form.__class__(**{**form.__dict__, "tasks": (_task("Run ```make``` here"),)})
    assert "````text\nRun ```make``` here\n````\n" in form_to_markdown(ticked)
    # the closing notes, each a paragraph, the first right after the last block
    closing = form_text(form).closing
    assert markdown.endswith("```\n\n" + "\n\n".join(closing) + "\n")


def test_the_page_shows_a_circle_per_answer_and_a_box_per_task(care: Path) -> None:
    form = _form(care)
    form = form.__class__(**{**form.__dict__, "tasks": (_task("Find <b>R&D</b> news", "SQ1"),)})
    page = render_form_page(form)
    one = page.index('<ul class="options one">')
    several = page.index('<ul class="options several">')
    assert one < page.index("<li>Carer, nurse or support worker</li>") < several
    assert "<li>Find &lt;b&gt;R&amp;D&lt;/b&gt; news</li>" in page[several:]
    read = PageParts()
    read.feed(page)  # as the reports' accessibility checks read them
    assert read.headings == [form_text(form).title] and read.unheaded == 0


def test_the_page_as_a_pdf_holds_every_option(care: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "survey.pdf"
    result = runner.invoke(app, ["survey", "questions", str(care), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert all(task.label in text for task in _mapping(care).tasks)
    assert "Top-task survey of employees and volunteers, 2026" in text


def test_a_limesurvey_form_gives_the_codes(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", root / "surveys")
    text = form_text(_form(root, name="limesurvey.yaml"))
    assert text.lead == (  # the export gives codes: the texts beside them are free to word
        "Copy each code, and each answer that has none, exactly as written here: the import "
        "reads the export by them, as surveys/limesurvey.yaml lists them."
    )
    group, tasks = text.questions
    assert (group.heading, tasks.heading) == (
        "1. The respondent's group",
        "2. The tasks they do most often",
    )
    assert form_to_json(_form(root, name="limesurvey.yaml"))["group"]["answer_texts"] == [
        "Front desk",
        "Field staff",
        "Office staff",
        "Another group",
    ]
    assert group.notes[0] == "In the export: column 'G01Q01'."
    # The export gives answer codes: each is shown with a text, its group's name, to word
    assert group.options_label.startswith("Answers (4), code and text (the export gives")
    assert group.options == (
        "AO01\tFront desk",
        "AO02\tField staff",
        "AO03\tOffice staff",
        "AO04\tAnother group",  # ~: counted outside the target groups
    )
    assert tasks.notes[0] == "In the export: question G02Q02, a column per subquestion."
    assert tasks.options_label == "Subquestions (6), code and text:"
    assert tasks.options[:2] == (
        "SQ001\tBook leave",
        "SQ002\tFind a colleague, by name or expertise",
    )
    assert text.closing[0].startswith("In LimeSurvey, the first question is of the type List")
    assert text.closing[2] == (
        "In another tool? First set layout in surveys/limesurvey.yaml to the tool's: ms-forms, "
        "google-forms, long. Each tool writes its export in its own way."
    )


def test_answer_codes_get_their_groups_names_and_answer_texts_none(tmp_path: Path) -> None:
    """An answer code for two groups names both; a mapping with one answer that is no code
    reads full answers, which are the texts themselves; a Dutch study words the rest."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", load_study(root))
    both = mapping.model_copy(
        update={
            "group": mapping.group.model_copy(
                update={"values": {"A1": ["desk", "field"], "A2": None}}
            )
        }
    )
    assert _form(root, both, "limesurvey.yaml").answer_texts == (
        "Front desk / Field staff",
        "Another group",
    )
    numbered = both.model_copy(update={"layout": "long"})  # its answers are what people see
    assert _form(root, numbered, "limesurvey.yaml").answer_texts == ()  # A1 is a text there
    texts = mapping.group.model_copy(update={"values": {"AO01": "desk", "Field staff": "field"}})
    full = mapping.model_copy(update={"group": texts})
    assert _form(root, full, "limesurvey.yaml").answer_texts == ()
    assert form_text(_form(root, full, "limesurvey.yaml")).questions[0].options == (
        "AO01",
        "Field staff",
    )
    study = root / "study.yaml"
    study.write_text(study.read_text().replace("language: en", "language: nl"))
    assert "language: nl" in study.read_text()
    dutch = form_text(_form(root, both, "limesurvey.yaml")).questions[0]
    assert dutch.options == ("A1\tFront desk / Field staff", "A2\tEen andere groep")
    assert dutch.options_label.startswith("Antwoorden (2), code en tekst")


def test_a_long_export_s_columns_are_told_beside_its_questions(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "long.yaml", root / "surveys")
    group, tasks = form_text(_form(root, name="long.yaml")).questions
    assert group.heading == "1. The respondent's group"
    assert group.notes[0] == "In the export: column 'group'."
    assert tasks.notes[0] == "In the export: column 'task'."
    assert tasks.options[0] == "Book leave"  # a long export names the task, not its code


def test_a_survey_in_two_languages_lists_each_task_s_translation(
    care: Path, tmp_path: Path
) -> None:
    """The tasks' ``also`` texts, each after its label, in every output: the translation to
    type into a form in two languages, so that the import reads it as the task."""
    mapping = _mapping(care)
    first, second, *rest = mapping.tasks
    tasks = [
        first.model_copy(update={"also": ["Rooster bekijken", "See my roster"]}),
        second,
        *rest[:-1],
        rest[-1].model_copy(update={"also": ["Run ```make```"]}),
    ]
    form = _form(care, mapping.model_copy(update={"tasks": tasks}))
    shown = [
        f"{first.label}\tRooster bekijken",
        f"{first.label}\tSee my roster",
        f"{rest[-1].label}\tRun ```make```",
    ]
    text = form_to_text(form)
    assert _options(text, "Options (16)") == [t.label for t in tasks]  # the labels alone
    assert "Other texts the import reads as a task (3), each after the task's label: its" in text
    assert text.split("an edit:\n", 1)[1].splitlines()[:4] == [*shown, ""]
    assert f"````text\n{chr(10).join(shown)}\n````\n" in form_to_markdown(form)
    options = form_to_json(form)["tasks"]["options"]
    assert [o["also"] for o in options[:2]] == [["Rooster bekijken", "See my roster"], []]
    page = render_form_page(form)
    assert f'<li><span class="meta">{first.label}</span> Rooster bekijken</li>' in page
    assert page.index('<ul class="options several">') < page.index('<ul class="options also">')
    # a form without other texts says nothing of them, nor does LimeSurvey's, read by code
    assert "Other texts" not in form_to_text(_form(care)) + render_form_page(_form(care))
    coded = mapping.model_copy(update={"tasks": tasks, "layout": "limesurvey"})
    assert form_text(_form(care, coded)).questions[1].also == ()
    root = tmp_path / "study"
    shutil.copytree(care, root)
    mapping_file = root / "surveys" / "toptasks.yaml"
    before = mapping_file.read_text(encoding="utf-8")
    mapping_file.write_text(
        before.replace(f"label: {first.label},", f"label: {first.label}, also: [Rooster],"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["survey", "questions", str(root)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Other texts the import reads as a task (1)" in result.stdout
    assert f"\n{first.label}" in result.stdout and " Rooster\n" in result.stdout


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("Field staff", "en"),
        ("Field\tstaff", "en"),  # a tab or a no-break space is a space
        ("Team\u00a0lead", "en"),
        ("Buitendienst (handhaving, wijkbeheer, groen)", "nl"),
        ("Front desk, contact centre or reception", "en"),
        ("Baliemedewerker, KCC of receptie", "nl"),  # "of" is Dutch for "or"
        ("Team lead or department head", "en"),
        ("Head of department", "en"),  # read whole too: parts are cut at "of", Dutch "or"
        ("Zorgmedewerker", "nl"),  # a compound, by its halves
        ("Other", "en"),
        ("Anders", "nl"),
        ("ICT", None),  # no role's words
        ("Balie of front desk", None),  # both languages'
    ],
)
def test_a_group_answer_s_language_is_told_by_its_words(answer: str, language: str) -> None:
    assert answer_language(answer) == language


def test_each_role_the_table_knows_is_told_its_language() -> None:
    """But a word both languages write alike, once its accent is left out (cliënt)."""
    from needmap.surveys.role_words import _ROLES

    told = {(answer_language(english), answer_language(dutch)) for english, dutch in _ROLES}
    assert told == {("en", "nl"), ("en", "en")}
    assert [pair for pair in _ROLES if answer_language(pair[1]) == "en"] == [("client", "cliënt")]


def test_a_survey_in_two_languages_gives_each_group_answer_s_translation(tmp_path: Path) -> None:
    """Where the tasks' other texts are in the study's other language, a group's answer in
    it is the translation of the group's one answer in the study's language: listed after
    it, not as an option of its own, which a Dutch form would then show in English."""
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    mapping = _mapping(root, "toptaken.yaml")
    english = {
        "Front desk, contact centre or reception": "balie",
        "Board or management": "bestuur",  # with a second Dutch answer: not paired
        "College en raad": "bestuur",
        "ICT": "bureau",  # its words tell no language: not paired
        "Field staff": "buitendienst",
        "Other": None,
    }
    # a translation may stand before its answer too
    values = {"Team lead or department head": "bazen", **mapping.group.values, **english}
    labels = ["Request leave", "Submit an expense claim", "View my payslip", "Find a colleague"]
    tasks = [
        task.model_copy(update={"also": [label]})
        for task, label in zip(mapping.tasks, labels, strict=False)
    ] + mapping.tasks[len(labels) :]
    two = mapping.model_copy(
        update={"group": mapping.group.model_copy(update={"values": values}), "tasks": tasks}
    )
    form = _form(root, two, "toptaken.yaml")
    pairs = [
        ("Teamleider of afdelingshoofd", "Team lead or department head"),
        ("Baliemedewerker, KCC of receptie", "Front desk, contact centre or reception"),
        ("Buitendienst (handhaving, wijkbeheer, groen)", "Field staff"),
        ("Anders", "Other"),
    ]
    group = form_text(form).questions[0]
    assert group.options == (
        *mapping.group.values,
        "Board or management",
        "College en raad",
        "ICT",
    )
    assert group.also == tuple(f"{own}\t{other}" for own, other in pairs)
    text = form_to_text(form)
    assert "Opties (11):" in text and "Vertalingen van de antwoorden (4)" in text
    assert "\nField staff\n" not in text and "\tField staff\n" in text
    assert form_to_json(form)["group"]["translations"] == [
        {"answer": own, "translation": other} for own, other in pairs
    ]
    assert form_to_json(form)["group"]["answers"] == list(values)  # all that the import reads
    assert '<span class="meta">Anders</span> Other</li>' in render_form_page(form)
    # the tasks' other texts in the study's language (a label edited) say nothing of it
    edited = [t.model_copy(update={"also": [f"{t.label}!"]}) for t in mapping.tasks]
    one = two.model_copy(update={"tasks": edited})
    assert form_text(_form(root, one, "toptaken.yaml")).questions[0].also == ()
    # nor does LimeSurvey's, whose answers are read by their codes in every language
    coded = two.model_copy(update={"layout": "limesurvey"})
    assert _form(root, coded, "toptaken.yaml").answer_translations == ()


GroupValues = dict[str, str | list[str] | None]


def test_answers_that_pair_up_tell_two_languages_where_the_tasks_texts_cannot(
    gemeente: Path,
) -> None:
    """Tasks' other texts of a word or two ("Request leave") tell no language: there, two
    groups whose answers pair up, one in each language, tell a survey in two; one group's
    pair does not (a team named in English in a Dutch survey), nor do pairs where the
    tasks' other texts read as the study's own language (labels edited)."""
    mapping = _mapping(gemeente, "toptaken.yaml")
    short = ["Request leave", "Expense claims", "Payslip", "Roster"]
    tasks = [
        task.model_copy(update={"also": [label]})
        for task, label in zip(mapping.tasks, short, strict=False)
    ]

    def translations(values: GroupValues, tasks: list[SurveyTask]) -> list[str]:
        update = {"group": mapping.group.model_copy(update={"values": values}), "tasks": tasks}
        form = _form(gemeente, mapping.model_copy(update=update), "toptaken.yaml")
        return list(form_text(form).questions[0].also)

    dutch = dict(mapping.group.values)
    facility = {**dutch, "Facility management": dutch["Beveiliging, catering of facilitair"]}
    assert translations(facility, tasks) == []
    field = {**facility, "Field staff": dutch["Buitendienst (handhaving, wijkbeheer, groen)"]}
    assert translations(field, tasks) == [
        "Beveiliging, catering of facilitair\tFacility management",
        "Buitendienst (handhaving, wijkbeheer, groen)\tField staff",
    ]
    edited = [t.model_copy(update={"also": [f"Het {t.label} van de afdeling"]}) for t in tasks]
    assert translations(field, edited) == []


_ANSWERS = (
    "Baliemedewerker",
    "Front desk",
    "Buitendienst",
    "Field staff",
    "Teamleider",
    "Team lead",
    "Anders",
    "Other",
    "ICT",
    "Directie",
    "Board",
)
"""Group answers of both languages, and one of neither ("ICT")."""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(_ANSWERS),
        st.sampled_from(["balie", "buitendienst", "bazen", None]),
        min_size=1,
    )
)
def test_every_answer_is_an_option_or_the_translation_of_one(
    gemeente: Path, values: dict[str, str | None]
) -> None:
    """Whatever the answers and their groups, each is listed once: as an option, or after
    the option of its group that it translates; a translation only of an answer in the
    study's language, of the other language, for the same group."""
    mapping = _mapping(gemeente, "toptaken.yaml")
    tasks = [t.model_copy(update={"also": [f"Find the {t.id} of my team"]}) for t in mapping.tasks]
    two = mapping.model_copy(
        update={"group": mapping.group.model_copy(update={"values": values}), "tasks": tasks}
    )
    group = form_text(_form(gemeente, two, "toptaken.yaml")).questions[0]
    pairs = [line.split("\t") for line in group.also]
    assert sorted([*group.options, *(other for _, other in pairs)]) == sorted(values)
    for own, other in pairs:
        assert own in group.options and values[own] == values[other]
        assert (answer_language(own), answer_language(other)) == ("nl", "en")


def test_a_text_with_a_tab_or_a_line_break_is_shown_as_it_is_typed(care: Path) -> None:
    """A tab or a line break in a label or an answer (pasted from a spreadsheet into the
    mapping) is one space, as the import reads it: a tab parted the label from a code in
    the page, which showed half the label as one."""
    mapping = _mapping(care)
    first, *rest = mapping.tasks
    answer, *others = mapping.group.values.items()
    spaced = mapping.model_copy(
        update={
            "tasks": [first.model_copy(update={"label": "Book\tmy\nleave"}), *rest],
            "group": mapping.group.model_copy(
                update={"values": dict([("Care\tstaff", answer[1]), *others])}
            ),
        }
    )
    form = _form(care, spaced)
    group, tasks = form_text(form).questions
    assert group.options[0] == "Care staff" and tasks.options[0] == "Book my leave"
    page = render_form_page(form)
    assert "<li>Book my leave</li>" in page and "<li>Care staff</li>" in page
    assert form_to_json(form)["tasks"]["options"][0]["label"] == "Book\tmy\nleave"  # as read


def test_a_mapping_outside_the_study_is_named_by_its_path(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    mapping = SURVEY_FIXTURES / "mappings" / "google-forms.yaml"
    result = runner.invoke(app, ["survey", "questions", str(root), "-m", str(mapping)])
    assert result.exit_code == 0, result.output
    assert f"as {mapping} lists them" in " ".join(result.stdout.split())
    assert "In Google Forms, the first is a Multiple choice question" in result.stdout


def test_other_options_are_told_and_the_form_is_in_dutch(tmp_path: Path) -> None:
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    mapping = _mapping(root, "toptaken.yaml")
    other = mapping.model_copy(
        update={
            "group": mapping.group.model_copy(
                update={"other": True, "values": {**mapping.group.values, "Inwoner": ["burgers"]}}
            ),
            "choices": mapping.choices.model_copy(update={"other": True}),
            "max_picks": 3,
        }
    )
    text = form_text(_form(root, other, "toptaken.yaml"))
    group, tasks = text.questions
    assert (
        text.title
        == "Toptakenonderzoek intranet, maart 2026: de vragen om in Microsoft Forms te maken"
    )
    assert group.notes == (  # among employees, and residents (an answer for one group or more)
        "Eén antwoord.",
        "Met een optie 'Anders' waarin men een eigen antwoord typt.",
        "Geen antwoord is voor Ondernemers: de enquête vraagt hen niet.",
    )
    assert tasks.notes == (
        "Maximaal 3 antwoorden, de opties in willekeurige volgorde: een taak bovenaan een lange "
        "lijst wordt vaker gekozen omdat hij daar staat.",
        "Met een optie 'Anders' waarin men een eigen antwoord typt.",
    )
    assert group.options_label.startswith("Opties (")


def test_the_form_of_the_template_as_printed(care: Path, golden: object) -> None:
    result = runner.invoke(app, ["survey", "questions", str(care)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    golden("survey-questions-care.txt", plain(result.stdout))  # type: ignore[operator]


def test_the_form_is_written_as_the_suffix_asks(care: Path, tmp_path: Path) -> None:
    out = tmp_path / "vragen.md"
    result = runner.invoke(app, ["survey", "questions", str(care), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == form_to_markdown(_form(care))
    result = runner.invoke(app, ["survey", "questions", str(care), "-o", str(tmp_path / "v.txt")])
    assert (tmp_path / "v.txt").read_text(encoding="utf-8").startswith("Top-task survey of")


def test_the_form_as_json_for_a_script_that_builds_the_survey(care: Path, tmp_path: Path) -> None:
    mapping = _mapping(care)
    result = runner.invoke(app, ["survey", "questions", str(care), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["survey"] == "toptasks-2026" and data["max_picks"] == 5
    assert data["group"] == {
        "question": "What is your role at Linden?",
        "answers": list(mapping.group.values),
        "answer_texts": None,  # the answers are the texts people see
        "other": False,
        "not_asked": ["clients", "family", "prospective"],
        "translations": [],  # one language
    }
    assert data["tasks"]["options"][0] == {
        "id": "roster",
        "label": "See my roster or swap a shift",
        "code": None,
        "also": [],
    }
    assert len(data["tasks"]["options"]) == len(mapping.tasks)
    out = tmp_path / "form.json"
    written = runner.invoke(app, ["survey", "questions", str(care), "--json", "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert json.loads(out.read_text(encoding="utf-8")) == data
    runner.invoke(app, ["survey", "questions", str(care), "-o", str(tmp_path / "again.json")])
    assert json.loads((tmp_path / "again.json").read_text(encoding="utf-8")) == data


def test_a_form_into_another_format_or_over_the_mapping_is_refused(care: Path) -> None:
    before = (care / "surveys" / "toptasks.yaml").read_bytes()
    result = run_needmap("survey", "questions", str(care), "--out", "form.docx", cwd=care.parent)
    assert result.returncode == 2
    assert "cannot write the survey's questions as '.docx'" in result.stderr
    assert "use a name ending in .md, .txt, .html, .pdf or .json" in result.stderr
    mapping = str(care / "surveys" / "toptasks.yaml")
    result = run_needmap("survey", "questions", str(care), "--out", mapping)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (care / "surveys" / "toptasks.yaml").read_bytes() == before
