"""``needmap status``: where the study stands and its next steps, each with its command."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.personas.schema import Privacy
from needmap.reports.status_report import NextStep, study_status
from needmap.scaffold import schema_texts, write_schemas
from needmap.surveys import import_survey, load_mapping, tally_path, write_tally
from tests.conftest import (
    MINIMAL_STUDY,
    SHOWN_INTERVIEW,
    SURVEY_FIXTURES,
    StudyMaker,
    private_survey_study,
    run_needmap,
)

MINIMAL_PERSONAS = textwrap.dedent(MINIMAL_STUDY["personas.yaml"])

runner = CliRunner()

FEW_AT_THE_DESK = """\
    interviews:
      - id: desk-1
        group: desk
        participants: 2
        quotes:
          - text: I search all day.
            needs: [mobile]
      - id: desk-2
        group: desk
        quotes: []
    """


def test_a_new_study_is_told_to_interview_every_group(make_study: StudyMaker) -> None:
    root = make_study()
    found = study_status(load_study(root))
    assert found.steps == (
        NextStep(
            "Interview Front desk, Field staff: no interviews yet.",
            f"needmap guide {root} desk --record",
        ),
        NextStep(
            "2 needs of 2 have no evidence yet (no votes, interviews or searches): ask about "
            "them in the interviews.",
            f"needmap guide {root} --out guides.pdf",
        ),
    )
    assert [label for label, _ in found.glance] == ["Platform form", "Roadmap", "Personas"]
    in_dutch = study_status(load_study(root).in_language("nl"))
    assert [step.text for step in in_dutch.steps] == [
        "Voer gesprekken met Front desk, Field staff: nog niemand gesproken.",
        "2 behoeften van 2 hebben nog geen bewijs (geen stemmen, gesprekken of zoektermen): "
        "vraag ernaar in de gesprekken.",
    ]
    assert [step.command for step in in_dutch.steps] == [step.command for step in found.steps]


def test_a_study_of_one_group_is_told_to_add_the_others_first(make_study: StudyMaker) -> None:
    """With one group, every need counts as shared: the overlap and the platform form say
    nothing yet, so adding the groups comes before interviewing the one there is."""
    root = make_study(
        {
            "groups.yaml": "groups:\n  - {id: desk, name: Front desk, headcount: 10}\n",
            "needs.yaml": "needs:\n  - {id: search, title: Search, kind: function, "
            "groups: {desk: must}}\n",
            "personas.yaml": None,
        }
    )
    study = load_study(root)
    steps = study_status(study).steps
    assert steps[0] == NextStep(
        "Add the organisation's other target groups to groups.yaml: with one group (Front "
        "desk) there is nothing to compare, so every need counts as shared, and the platform "
        "form follows from that alone."
    )
    assert steps[1].text == "Interview Front desk: no interviews yet."
    assert study_status(study.in_language("nl")).steps[0].text == (
        "Voeg de andere doelgroepen van de organisatie toe aan groups.yaml: met één groep "
        "(Front desk) valt er niets te vergelijken, dus telt elke behoefte als gedeeld, en "
        "volgt de vorm van het platform alleen daaruit."
    )
    # the advice says as much, not "needs that at least 1 of the 1 circles share"
    [(_, advice)] = [line for line in study_status(study).glance if line[0] == "Platform form"]
    assert advice == (
        "One universal platform. With one circle, every need counts as shared: 100% of the "
        "weighted demand (universal platform from 60%, landscape below 30%). On the shared "
        "platform: 1 need; in group-specific tools or channels: 0."
    )
    # Dutch writes "één" at the start of a sentence as "Eén", not "Één"
    [(_, advies)] = study_status(study.in_language("nl")).glance[:1]
    assert advies.startswith("Eén universeel platform. Met één cirkel")
    shown = runner.invoke(app, ["overlap", str(root)])
    assert shown.exit_code == 0, shown.output
    assert (
        "Recommended form: one universal platform. With one circle, every need counts as "
        "shared: 100% of the weighted demand (universal from 60%, landscape below 30%); "
        "1 need for the shared platform, 0 group-specific."
    ) in " ".join(shown.stdout.split())


def test_a_study_without_personas_is_told_to_describe_them(make_study: StudyMaker) -> None:
    """Persona reports are a deliverable: a study with none gets a step for them, after
    the interviews they draw on, with no command (none writes them)."""
    study = load_study(make_study({"personas.yaml": None}))
    texts = [step.text for step in study_status(study).steps]
    assert len(texts) == 3 and texts[1].startswith(
        "Describe the study's personas in personas.yaml: it has none yet."
    )
    assert study_status(study).steps[1].command == ""
    dutch = study_status(study.in_language("nl")).steps[1].text
    assert dutch.startswith("Beschrijf de persona's van het onderzoek in personas.yaml")


def test_files_named_like_missing_parts_are_the_first_step(make_study: StudyMaker) -> None:
    """Until they are moved, their interviews and personas are in no report, and the steps
    after would ask for interviews and personas the consultant has written."""
    root = make_study({"personas.yaml": None, "persona.yaml": MINIMAL_PERSONAS})
    (root / "gesprekken").mkdir()
    (root / "gesprekken" / "desk.yaml").write_text(textwrap.dedent(SHOWN_INTERVIEW))
    (root / "interviews.yaml").write_text("interviews: []\n")
    study = load_study(root)
    steps = study_status(study).steps
    assert steps[0] == NextStep(
        "Move persona.yaml → personas.yaml, gesprekken → interviews, interviews.yaml → "
        "interviews/interviews.yaml: needmap reads them only there, and leaves them out of "
        "every report until then.",
        f"needmap validate {root}",
    )
    assert not any(step.text.startswith("Describe the study's personas") for step in steps)
    assert (
        study_status(study.in_language("nl"))
        .steps[0]
        .text.startswith("Verplaats persona.yaml → personas.yaml, gesprekken → interviews, ")
    )
    (root / "persona.yaml").unlink()  # the other files still wait; the personas are asked for
    texts = [step.text for step in study_status(load_study(root)).steps]
    assert texts[0].startswith("Move gesprekken → interviews, interviews.yaml → ")
    assert any(text.startswith("Describe the study's personas") for text in texts)
    (root / "gesprekken").rename(root / "interviews")
    assert not study_status(load_study(root)).steps[0].text.startswith("Move")
    (root / "needs").mkdir()
    (root / "needs" / "extra.YAML").write_text("needs: []\n")  # no system reads these
    (root / "interviews" / "late.YML").write_text("interviews: []\n")
    moves = study_status(load_study(root)).steps[0].text
    assert moves.startswith(
        "Move needs/extra.YAML → needs/extra.yaml, interviews/late.YML → interviews/late.yml: "
    )


def test_warnings_no_other_step_names_are_a_step_of_their_own(make_study: StudyMaker) -> None:
    """A quote given twice in an interview is something counted, maybe not as meant:
    validate warned of it, status did not. Where a step sends the consultant to validate
    already (files to move into place), that step will show them all."""
    twice = SHOWN_INTERVIEW.replace(
        "quotes:\n", "quotes:\n" + "          - {text: I search all day., needs: [mobile]}\n" * 2
    )
    root = make_study({"interviews/field.yaml": twice})
    checked = runner.invoke(app, ["validate", str(root)])
    assert checked.stderr.count("warning:") == 1, checked.stderr
    steps = study_status(load_study(root)).steps
    assert steps[-1] == NextStep(
        "The study's files have 1 warning: each says where it is and how to mend it (a "
        "warning is about something counted, but maybe not as meant).",
        f"needmap validate {root}",
    )
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("language: en", "language: nl"))
    assert (
        study_status(load_study(root))
        .steps[-1]
        .text.startswith("De bestanden van het onderzoek hebben 1 waarschuwing: elke zegt waar")
    )
    settings.write_text(settings.read_text().replace("language: nl", "language: en"))
    (root / "interviews").rename(root / "gesprekken")
    texts = [step.text for step in study_status(load_study(root)).steps]
    assert texts[0].startswith("Move gesprekken → interviews")
    assert not any("warning" in text for text in texts)  # the first step's command shows them
    (root / "gesprekken").rename(root / "interviews")
    (root / "interviews" / "desk.yaml").write_text(twice.replace("field", "desk"))
    assert (
        study_status(load_study(root))
        .steps[-1]
        .text.startswith("The study's files have 2 warnings: ")
    )


@pytest.mark.parametrize(
    ("groups", "named"),
    [
        (4, "Group 1, Group 2, Group 3, Group 4"),
        (5, "Group 1, Group 2, Group 3, Group 4 and 1 more"),
        (7, "Group 1, Group 2, Group 3, Group 4 and 3 more"),
    ],
)
def test_a_step_names_four_groups_and_counts_the_rest(
    make_study: StudyMaker, groups: int, named: str
) -> None:
    ids = [f"g{i}" for i in range(1, groups + 1)]
    root = make_study(
        {
            "groups.yaml": "groups:\n"
            + "".join(f"  - {{id: {g}, name: Group {g[1:]}, headcount: 10}}\n" for g in ids),
            "needs.yaml": "needs:\n  - {id: search, title: Search, kind: function, groups: {"
            + ", ".join(f"{g}: must" for g in ids)
            + "}}\n",
            "personas.yaml": None,
        }
    )
    (first, _, _) = study_status(load_study(root)).steps  # then personas, then evidence
    assert first.text == f"Interview {named}: no interviews yet."


def test_pooled_groups_empty_interviews_and_silent_needs(make_study: StudyMaker) -> None:
    """Field staff (5 people) are shown; the desk's 3 are pooled; desk-2 has no quotes; the
    desk's quote is pooled, so only field's support for 'mobile' is evidence."""
    root = make_study(
        {"interviews/field.yaml": SHOWN_INTERVIEW, "interviews/desk.yaml": FEW_AT_THE_DESK}
    )
    steps = study_status(load_study(root)).steps
    assert [step.text for step in steps] == [
        "Interview more people of Front desk: fewer than 5 so far, so its interviews count "
        "only together with other small groups.",
        "Fill in the quotes of 1 interview (interviews/desk.yaml): each counts as held, but "
        "is evidence for no need yet.",
        "1 need of 2 has no evidence yet (no votes, interviews or searches): ask about it "
        "in the interviews.",
    ]
    assert steps[0].command == f"needmap guide {root} desk --record"
    assert steps[1].command == f"needmap validate {root}"


@pytest.mark.parametrize("headcount", [1, 4])
def test_a_group_smaller_than_the_minimum_is_told_to_merge_not_to_interview_more(
    make_study: StudyMaker, headcount: int
) -> None:
    """With fewer people than the minimum (5), no number of interviews shows the desk on
    its own: the step says so, with the merge into the group of its family most alike in
    what it needs, instead of asking for more people. A group of the minimum (field, 5)
    is asked to interview more as before."""
    groups = textwrap.dedent(MINIMAL_STUDY["groups.yaml"])
    groups = groups.replace("headcount: 10", f"headcount: {headcount}")
    groups = groups.replace("headcount: 20", "headcount: 5")
    few_in_the_field = SHOWN_INTERVIEW.replace("participants: 5", "participants: 2")
    root = make_study(
        {
            "groups.yaml": groups,
            "interviews/desk.yaml": FEW_AT_THE_DESK.replace("participants: 2", "participants: 1"),
            "interviews/field.yaml": few_in_the_field,
        }
    )
    steps = study_status(load_study(root)).steps
    assert steps[:2] == (
        NextStep(
            "Interview more people of Field staff: fewer than 5 so far, so its interviews "
            "count only together with other small groups.",
            f"needmap guide {root} field --record",
        ),
        # search: must for the desk, should for field; mobile: field only
        NextStep(
            f"Front desk has fewer people ({headcount}) than the minimum of 5 "
            "(privacy.min_group_size): however many of them you interview or survey, no "
            "report shows their answers as a group, only in totals. To show them, merge the "
            "group into the one most like it in what it needs: Field staff (33% alike).",
            f"needmap groups merge {root} field desk --into field --dry-run",
        ),
    )
    assert run_needmap("groups", "merge", *steps[1].command.split()[3:]).returncode == 0


def test_a_small_group_is_told_to_merge_into_a_group_that_makes_up_the_minimum_with_it(
    make_study: StudyMaker,
) -> None:
    """The desk (2 people) is most alike the field staff (2; both must search: 3 of 6
    weighted, 50%), but the two together stay below 5: the office (10; could search: 1 of 3,
    33%) is the merge that shows it. With the office at 2 as well, no one group makes up the
    minimum: the most alike is the first merge, and the step says more must follow."""
    groups = textwrap.dedent(MINIMAL_STUDY["groups.yaml"]).replace("headcount: 10", "headcount: 2")
    needs = textwrap.dedent(MINIMAL_STUDY["needs.yaml"]).replace(
        "{desk: must, field: should}", "{desk: must, field: must, office: could}"
    )
    merge = "needmap groups merge {root} {other} desk --into {other} --dry-run"
    for office, other, told in (
        (
            10,
            "office",
            "To show them, merge the group into the one most like it in what it "
            "needs: Office (33% alike).",
        ),
        (
            2,
            "field",
            "No one group of its family makes up the minimum with it: merge it into "
            "the one most like it in what it needs, Field staff (50% alike, 4 people "
            "together), and then more of the family into that.",
        ),
    ):
        root = make_study(
            {
                "groups.yaml": groups.replace("headcount: 20", "headcount: 2")
                + f"  - {{id: office, name: Office, family: staff, headcount: {office}}}\n",
                "needs.yaml": needs,
            },
            name=f"office-{office}",
        )
        step = next(s for s in study_status(load_study(root)).steps if s.text.startswith("Front"))
        assert step.text.endswith(told), step.text
        assert step.command == merge.format(root=root, other=other)


def test_a_small_group_alone_in_its_family_is_told_to_merge_with_one_to_choose(
    make_study: StudyMaker,
) -> None:
    """Groups of two families cannot be merged: a small group with no other group in its
    family gets the command with OTHER to fill in, in the study's language; each small
    group gets a step of its own, and is not among the groups to interview."""
    groups = textwrap.dedent(MINIMAL_STUDY["groups.yaml"]).replace("headcount: 20", "headcount: 3")
    groups += "  - {id: visitors, name: Visitors, headcount: 2}\n"
    needs = textwrap.dedent(MINIMAL_STUDY["needs.yaml"]).replace(
        "field: must}", "field: must, visitors: must}"
    )
    study = load_study(make_study({"groups.yaml": groups, "needs.yaml": needs}))
    steps = study_status(study.in_language("nl")).steps
    # no interviews yet: those that could show a group are asked for, with the desk only
    assert steps[0].text == "Voer gesprekken met Front desk: nog niemand gesproken."
    assert [step.text.split(":")[0] for step in steps[1:3]] == [
        "Field staff telt minder mensen (3) dan het minimum van 5 (privacy.min_group_size)",
        "Visitors telt minder mensen (2) dan het minimum van 5 (privacy.min_group_size)",
    ]
    assert steps[2].text.endswith(
        "Voeg de groep samen met een verwante groep (OTHER: de id daarvan) om ze te tonen."
    )
    assert (
        steps[2].command
        == f"needmap groups merge {study.root} OTHER visitors --into OTHER --dry-run"
    )
    assert steps[1].command.startswith(f"needmap groups merge {study.root} desk field --into desk")


@pytest.mark.parametrize(
    ("changes", "texts"),
    [
        ({}, None),
        ({"desk": ("I search all day.", "I search all day, a@b.nl, 06-12345678.")}, "1 text"),
        (
            {
                "desk": ("I search all day.", "Mail me at a@b.nl."),
                "henk": ("role: Park keeper", "role: Park keeper, 020-1234567"),
                "henk2": ("needs: [mobile]", "needs: [mobile]\n    quotes: [Bel 0612345678]"),
            },
            "3 texts",
        ),
        (
            {
                "study": ("Test org", "Van Dijk Installatietechniek"),
                "desk": (
                    "I search all day.",
                    "I ask Van den Berg.\n            needs: [mobile]\n"
                    "          - text: Everyone at Van Dijk searches.",
                ),
                "henk": ("role: Park keeper", "role: Park keeper at Van Dijk"),
            },
            "1 text",
        ),
    ],
)
def test_a_step_counts_the_texts_that_keep_personal_data(
    make_study: StudyMaker, changes: dict[str, tuple[str, str]], texts: str | None
) -> None:
    """Each interview quote or persona text with an e-mail address, phone number… counts
    once, however much it holds, and the organisation's own name is no person's; the step
    comes after the interviews' own steps."""
    settings = textwrap.dedent(MINIMAL_STUDY["study.yaml"])
    desk, personas = FEW_AT_THE_DESK, MINIMAL_PERSONAS
    for what, (old, new) in changes.items():
        if what == "study":
            settings = settings.replace(old, new)
        elif what == "desk":
            desk = desk.replace(old, new)
        else:
            personas = personas.replace(old, new)
    root = make_study(
        {"study.yaml": settings, "interviews/desk.yaml": desk, "personas.yaml": personas}
    )
    steps = [step for step in study_status(load_study(root)).steps if "personal" in step.text]
    if texts is None:
        assert steps == []
        return
    assert steps == [
        NextStep(
            f"Take the e-mail addresses, phone numbers and other personal data out of {texts} "
            "of the interviews and personas: the reports leave them out, but the study's "
            "files keep them.",
            f"needmap validate {root}",
        )
    ]
    every = study_status(load_study(root)).steps
    assert every.index(steps[0]) == 3  # after field unheard, desk pooled, its empty interview


def test_surveys_to_import_and_tasks_linked_to_no_need(tmp_path: Path) -> None:
    root = private_survey_study(tmp_path)
    mapping = (root / "surveys" / "toptasks.yaml").read_text(encoding="utf-8")
    pulse = re.sub(
        r"needs: \[[^\]]*\]",
        "needs: []",
        re.sub(r"title: .+", "title: Pulse", mapping.replace("id: toptasks", "id: pulse")),
    )
    (root / "surveys" / "pulse.yaml").write_text(pulse, encoding="utf-8")
    study = load_study(root)
    tasks = len(re.findall(r"needs: \[\]", pulse))
    steps = {step.text: step.command for step in study_status(study).steps}
    # beside a survey imported, one that is not may never be held: how to be rid of it
    assert steps[
        "Import the export of the survey 'Pulse'. If it is not held, remove surveys/pulse.yaml."
    ] == (f"needmap survey import {root} --survey pulse EXPORT")
    (root / "surveys" / "toptasks.tally.json").unlink()
    alone = [step.text for step in study_status(load_study(root)).steps]
    # none imported: the surveys may not be built yet, from their questions
    assert [text for text in alone if text.startswith(("Import ", "Not held"))] == [
        "Not held yet? Build the survey 'Pulse' in the survey tool from its questions and "
        "options, exactly as listed.",
        "Import the export of the survey 'Pulse'.",
        "Not held yet? Build the survey 'Top tasks intranet 2026' in the survey tool from its "
        "questions and options, exactly as listed.",
        "Import the export of the survey 'Top tasks intranet 2026'.",
    ]
    commands = [s.command for s in study_status(load_study(root)).steps]
    assert f"needmap survey questions {root} --survey pulse" in commands
    linking = [text for text in steps if text.startswith("Link ")]
    assert linking == [
        f"Link {tasks} of the {tasks} tasks of the survey 'Pulse' to needs: their votes are "
        "evidence for nothing."
    ]
    assert steps[linking[0]] == f"needmap validate {root}"


def test_a_survey_with_more_respondents_than_a_group_s_headcount_is_a_step(
    tmp_path: Path,
) -> None:
    """Desk's 5 respondents and field's 3 against headcounts of 5 and 2: only field is over
    (office, 3 of 60, is fine); the step names it, whose number the study hides."""
    root = private_survey_study(tmp_path)
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("10}", "5}").replace("30}", "2}"))
    steps = {step.text: step.command for step in study_status(load_study(root)).steps}
    checking = [text for text in steps if text.startswith("Check which group")]
    assert checking == [
        "Check which group the survey 'Top tasks intranet 2026' gives each answer: Field "
        "staff got more respondents than their headcount, which the weighting trusts."
    ]
    assert steps[checking[0]] == f"needmap validate {root}"
    assert not any(text.startswith("The study's files have") for text in steps)  # as above
    groups.write_text(groups.read_text().replace("2}", "3}"))
    steps = {step.text: step.command for step in study_status(load_study(root)).steps}
    assert not any(text.startswith("Check which group") for text in steps)


def test_groups_a_survey_asked_with_too_few_respondents_are_a_step(tmp_path: Path) -> None:
    """Desk's 5 respondents against a minimum of 4 are shown; field's and office's 3 are
    not, nor is IT, asked and unanswered. The board (3 people) can never reach the minimum
    (its own step says merge), and clients were not asked."""
    root = private_survey_study(tmp_path)
    groups = root / "groups.yaml"
    groups.write_text(  # IT first: the step names the groups in the study's order
        groups.read_text().replace("groups:\n", "groups:\n  - {id: it, name: IT, headcount: 40}\n")
        + "  - {id: board, name: Board, headcount: 3}\n"
        + "  - {id: clients, name: Clients, headcount: 900}\n"
    )
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(
        mapping.read_text().replace("office: office,", "office: office, it: it, board: board,")
    )
    [step] = _steps_saying(root, "Ask more people")
    assert step == NextStep(
        "Ask more people of IT, Field staff, Office staff to answer the survey 'Top tasks "
        "intranet 2026', if it is still open: each has fewer than 4 respondents so far, so no "
        "report shows their top tasks. Then import its export again.",
        f"needmap survey import {root} EXPORT",
    )
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("language: en", "language: nl"))
    [step] = _steps_saying(root, "Vraag meer mensen")
    assert step.text.startswith("Vraag meer mensen van IT, Field staff, Office staff de enquête")
    settings.write_text(settings.read_text().replace("min_group_size: 4", "min_group_size: 3"))
    assert [s.text[:40] for s in _steps_saying(root, "Vraag meer mensen")] == [
        "Vraag meer mensen van IT, Board de enquê"
    ]  # field and office reach 3, and so can the board of 3
    settings.write_text(settings.read_text().replace("min_group_size: 3", "min_group_size: 1"))
    assert [s.text[:40] for s in _steps_saying(root, "Vraag meer mensen")] == [
        "Vraag meer mensen van IT, Board de enquê"
    ]  # asked, and not one answered


def test_a_survey_s_answer_for_several_groups_is_a_step_as_one(tmp_path: Path) -> None:
    """Field and office answered as one (6 respondents): under a minimum of 7 they are
    named together, as the reports count them, after the desk's 5."""
    root = private_survey_study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(
        mapping.read_text().replace(
            "field: field, office: office", "field: [field, office], office: [field, office]"
        )
    )
    study = load_study(root)
    survey = load_mapping(mapping, study)
    write_tally(
        import_survey(survey, SURVEY_FIXTURES / "exports" / "long.csv").tally,
        tally_path(root, survey.id),
    )
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("min_group_size: 4", "min_group_size: 7"))
    [step] = _steps_saying(root, "Ask more people")
    assert step.text.startswith("Ask more people of Front desk, Field staff + Office staff to ")
    settings.write_text(settings.read_text().replace("min_group_size: 7", "min_group_size: 6"))
    [step] = _steps_saying(root, "Ask more people")
    assert step.text == (  # one group: not "each has"
        "Ask more people of Front desk to answer the survey 'Top tasks intranet 2026', if it "
        "is still open: fewer than 6 have so far, so no report shows their top tasks. Then "
        "import its export again."
    )
    settings.write_text(settings.read_text().replace("language: en", "language: nl"))
    [step] = _steps_saying(root, "Vraag meer mensen")
    assert "als die nog openstaat: nog minder dan 6 deden dat, dus geen rapport" in step.text


def test_nothing_waits_when_every_group_and_need_has_shown_evidence(
    make_study: StudyMaker,
) -> None:
    desk = SHOWN_INTERVIEW.replace("field", "desk").replace("[mobile]", "[search]")
    root = make_study({"interviews/field.yaml": SHOWN_INTERVIEW, "interviews/desk.yaml": desk})
    assert study_status(load_study(root)).steps == ()
    shown = runner.invoke(app, ["status", str(root)])
    assert shown.exit_code == 0, shown.stderr
    assert f"Nothing waits. Write every report: needmap build {root}" in shown.stdout


def test_status_on_the_command_line_names_commands_that_exist(tmp_path: Path) -> None:
    root = tmp_path / "demo" / "study"
    shutil.copytree(Path(__file__).parent / "fixtures" / "survey" / "study", root)
    shown = runner.invoke(app, ["status", str(root)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Survey test study (Test org)"
    prose = [line for line in lines if not line.lstrip().startswith("needmap ")]
    assert max(len(line) for line in prose) <= 80  # commands stay whole, to copy
    assert "Next steps" in lines
    commands = {
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    } | {g.name for g in app.registered_groups if g.name}
    named = set(re.findall(r"^\s+needmap (\w+)", shown.stdout, re.MULTILINE))
    assert named and named <= commands
    as_json = json.loads(runner.invoke(app, ["status", str(root), "--json"]).stdout)
    assert as_json["glance"][0]["label"] == "Platform form"
    assert as_json["steps"] == [
        {"text": step.text, "command": step.command}
        for step in study_status(load_study(root)).steps
    ]
    done = run_needmap("status", str(root), "-l", "nl")
    assert done.returncode == 0, done.stderr
    assert "Vorm van het platform: " in done.stdout
    assert "\nVolgende stappen\n" in done.stdout and "Next steps" not in done.stdout


def test_reports_older_than_the_study_s_files_are_a_step(make_study: StudyMaker) -> None:
    """A steering group must not get last month's roadmap: reports/ built before a study
    file changed is a step; built after, or not in reports/ at all, it is none."""
    desk = SHOWN_INTERVIEW.replace("field", "desk").replace("[mobile]", "[search]")
    root = make_study({"interviews/field.yaml": SHOWN_INTERVIEW, "interviews/desk.yaml": desk})
    assert runner.invoke(app, ["build", str(root), "--no-pdf"]).exit_code == 0
    assert study_status(load_study(root)).steps == ()  # built after every change
    built = datetime(2026, 3, 2, 12).timestamp()
    os.utime(root / "reports" / "index.html", (built, built))
    assert study_status(load_study(root)).steps == (
        NextStep(
            "Build the reports in reports/ again: they date from 2 March 2026, 12:00, and "
            "the study's files have changed since.",
            f"needmap build {root}",
        ),
    )
    os.utime(root / "reports" / "index.html")  # built now, after the files
    assert study_status(load_study(root)).steps == ()
    # the newest file decides: all of them a year old, the build in March, one changed since
    old = datetime(2025, 3, 2, 12).timestamp()
    for path in root.rglob("*.yaml"):
        os.utime(path, (old, old))
    os.utime(root / "reports" / "index.html", (built, built))
    assert study_status(load_study(root)).steps == ()
    os.utime(root / "interviews" / "desk.yaml", (built + 60, built + 60))
    assert len(study_status(load_study(root)).steps) == 1
    same = (root / "reports" / "index.html").stat().st_mtime_ns
    os.utime(root / "interviews" / "desk.yaml", ns=(same, same))  # saved as the build ended
    assert study_status(load_study(root)).steps == ()
    (root / "reports" / "index.html").unlink()  # built elsewhere (--out), if at all
    assert study_status(load_study(root)).steps == ()


def test_reports_built_elsewhere_are_found_or_named(make_study: StudyMaker) -> None:
    """Reports built with --out are checked for age where status can find them (the folder
    the study is in, when its build record names this study: the demo's layout) or where
    the user says they are; a folder named that holds none is a step of its own."""
    desk = SHOWN_INTERVIEW.replace("field", "desk").replace("[mobile]", "[search]")
    heard = {"interviews/field.yaml": SHOWN_INTERVIEW, "interviews/desk.yaml": desk}
    root = make_study(heard)
    around = root.parent
    assert runner.invoke(app, ["build", str(root), "--no-pdf", "--out", str(around)]).exit_code == 0
    assert json.loads((around / ".needmap-build.json").read_text())["study"] == "study"
    assert study_status(load_study(root)).steps == ()
    built = datetime(2026, 3, 2, 12).timestamp()
    os.utime(around / "index.html", (built, built))
    rebuild = NextStep(
        f"Build the reports in {around} again: they date from 2 March 2026, 12:00, and "
        "the study's files have changed since.",
        f"needmap build {root} --out {around}",
    )
    assert study_status(load_study(root)).steps == (rebuild,)
    assert study_status(load_study(root), around).steps == (rebuild,)
    other = make_study(heard, name="other")  # beside it, but not the study built there
    assert study_status(load_study(other)).steps == ()
    assert study_status(load_study(other), around).steps == (
        NextStep(
            f"The reports in {around} are of another study ({root}); build this study's into "
            "its own reports/ folder.",
            f"needmap build {other}",
        ),
    )
    empty = around / "shared"
    empty.mkdir()
    assert study_status(load_study(root), empty).steps == (
        NextStep(
            f"Build the reports into {empty}: it holds none yet.",
            f"needmap build {root} --out {empty}",
        ),
    )
    shown = run_needmap("status", str(root), "--reports", str(empty), "-l", "nl")
    assert shown.returncode == 0, shown.stderr
    assert f"Bouw de rapporten in {empty}: daar staan er nog geen." in " ".join(
        shown.stdout.split()
    )
    assert f"needmap build {root} --out {empty}" in shown.stdout


@pytest.mark.parametrize(
    ("headcount", "too_few"), [(4, True), (5, False), (0, True), (None, False)]
)
def test_a_group_is_too_few_below_the_minimum_not_at_it(
    headcount: int | None, too_few: bool
) -> None:
    """Five people at a minimum of five are shown; a group without a headcount is not known
    to be too small, so no report or step says it is."""
    assert Privacy(min_group_size=5).too_few(headcount) is too_few


def test_status_asks_to_refresh_schemas_an_older_needmap_wrote(make_study: StudyMaker) -> None:
    """An editor checks needs.yaml against schemas/definitions.schema.json: one written
    before needs had a phase would flag every decision."""
    root = make_study()
    write_schemas(root / "schemas")
    old = json.loads(schema_texts()["definitions.schema.json"])
    del old["$defs"]["Need"]["properties"]["phase"]
    (root / "schemas" / "definitions.schema.json").write_text(json.dumps(old))
    (root / "schemas" / "study.schema.json").write_text('{"title": "my own schema"}')

    def told() -> list[tuple[str, str | None]]:
        steps = study_status(load_study(root)).steps
        return [(s.text, s.command) for s in steps if "schema" in s.text.lower()]

    assert told() == [
        (
            "Refresh the JSON Schemas in schemas/ (definitions.schema.json): an older needmap "
            "wrote them, so your editor checks the study's files against fields that have "
            "changed.",
            f"needmap schema --out {root / 'schemas'}",
        )
    ]
    (root / "schemas" / "study.schema.json").unlink()  # the user's, in the way of a refresh
    write_schemas(root / "schemas")
    assert told() == []


def test_a_search_log_without_a_term_another_log_gives_a_need_is_a_step(
    make_study: StudyMaker,
) -> None:
    """The app log gives 'nieuws' to news; the intranet's topics do not, so its seven
    searches for it count for no need: a step names the log and the term, once."""
    from tests.search_logs import INTRANET, INTRANET_CSV, files_with_logs

    files = files_with_logs()
    files["analytics/intranet-may.csv"] = INTRANET_CSV + b"nieuws;7;0\r\n"
    files["analytics/intranet.yaml"] = INTRANET.replace(
        "      - need: news\n        terms: [nieuws]\n", ""
    )
    root = make_study(files)
    step = NextStep(
        "Add to the topics of the search log 'Intranet search' the terms another log gives a "
        "need: nieuws (7). Its searches for them count for no need yet.",
        f"needmap searches {root}",
    )
    assert _steps_saying(root, "Add to the topics") == [step]
    whole = make_study(files_with_logs(), name="whole")
    assert _steps_saying(whole, "Add to the topics") == []  # with the topic, nothing lacks


def test_searches_that_find_nothing_as_often_as_a_gap_and_match_no_need_are_a_step(
    make_study: StudyMaker,
) -> None:
    """Parkeren: 16 searches, 15 without results, and no need's topic; the intranet log
    makes a need a gap from 15. From 16 the step goes; the app log, which does not say,
    sets no threshold of its own (its 10 is not taken)."""
    from tests.search_logs import APP, INTRANET, files_with_logs

    root = make_study(files_with_logs())
    step = NextStep(
        "Searched for often without results, and about no need: parkeren (16). Give their "
        "terms a topic in analytics/, or the study a need for them.",
        f"needmap searches {root}",
    )
    assert _steps_saying(root, "Searched for often") == [step]
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("gap_from: 15", "gap_from: 16")
    files["analytics/app.yaml"] = APP.replace("file:", "gap_from: 10\n    file:")
    assert "gap_from: 16" in str(files["analytics/intranet.yaml"])
    assert _steps_saying(make_study(files, name="higher"), "Searched for often") == []


def _steps_saying(root: Path, start: str) -> list[NextStep]:
    """The study's next steps whose text starts with ``start``."""
    return [step for step in study_status(load_study(root)).steps if step.text.startswith(start)]


def test_thousands_of_needs_are_counted_as_the_language_does(make_study: StudyMaker) -> None:
    """2,300 needs, none with evidence: status said '2,300 needs of 2300', and groups list
    '2300/0/0' beside '1,200' people."""
    needs = "needs:\n" + "".join(
        f"  - {{id: n{i:04}, title: N{i}, kind: content, groups: {{desk: must}}}}\n"
        for i in range(2300)
    )
    root = make_study({"needs.yaml": needs, "personas.yaml": "personas: []\n"})
    for language, count in [("en", "2,300"), ("nl", "2.300")]:
        status = runner.invoke(app, ["status", str(root), "-l", language])
        assert status.exit_code == 0, status.output
        assert f"{count} {'needs of' if language == 'en' else 'behoeften van'} {count} " in (
            " ".join(status.stdout.split())
        )
        groups = runner.invoke(app, ["groups", "list", str(root), "-l", language])
        assert f" {count}/0/0 " in groups.stdout
