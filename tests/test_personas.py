"""Persona reports: hand-checked evidence, privacy, scrubbing, and every output format."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.model.analysis import analyse_overlap
from needmap.model.personas import build_personas
from needmap.model.toptasks import analyse_toptasks
from needmap.personas.study import Study
from needmap.reports.personas_report import (
    build_persona_tables,
    persona_profiles,
    personas_summary,
    personas_to_json,
    personas_to_markdown,
    render_personas_page,
)
from needmap.reports.toptasks_table import ranking_to_csv, ranking_to_xlsx
from needmap.surveys import imported_surveys
from tests.conftest import (
    IN_A_TERMINAL,
    SURVEY_FIXTURES,
    StudyMaker,
    plain,
    run_needmap,
    write_tree,
)

runner = CliRunner()

PERSONAS = """\
    personas:
      - id: dana
        name: Dana
        group: desk
        role: Receptionist
        summary: Welcomes visitors and answers the phone.
        goals: [Answer a question in the first call]
        quotes:
          - "Mail me at dana.jansen@example.org or call 06-12345678."
        needs: [hr-self-service, people-finder, canteen, room-booking, service-desk]
      - id: femke
        name: Femke
        group: field
        role: Park keeper
        needs: [hr-self-service]
    """


def _study(tmp_path: Path, *, minimum: int = 3, imported: bool = True) -> Path:
    """The survey fixture study with two personas, its long export imported if asked."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    settings = root / "study.yaml"
    settings.write_text(
        settings.read_text().replace("min_group_size: 3", f"min_group_size: {minimum}")
    )
    write_tree(root, {"personas.yaml": PERSONAS})
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "long.yaml", root / "surveys" / "toptasks.yaml")
    if imported:
        export = str(SURVEY_FIXTURES / "exports" / "long.csv")
        result = runner.invoke(app, ["survey", "import", str(root), export])
        assert result.exit_code == 0, result.output
    return root


# Front desk (respondents r01-r05) cast 12 votes: leave 3, colleague 3, expense 2,
# printer 2, meeting 1, cafe 1. Needs: hr-self-service <- leave + expense = 5/12,
# people-finder <- colleague = 3/12, canteen <- meeting + cafe = 2/12,
# room-booking <- meeting = 1/12, service-desk <- printer = 2/12.
# Platform rule over 3 groups: shared when at least 2 groups need it; room-booking is
# office's alone. Field staff (3 respondents): leave 3, printer 1, expense 1 of 5 votes.


@pytest.mark.parametrize(
    ("kind", "text", "found"),
    [
        ("group", "desk", "desk"),
        ("group", "Front desk", "desk"),
        ("group", " FRONT  DESK ", "desk"),
        ("group", "Front\u00a0desk", "desk"),  # a no-break space, as a PDF or Word copies
        ("group", "Fi\u00adeld staff", "field"),  # a soft hyphen
        ("group", "Fi\u200beld staff", "field"),  # a zero-width space
        ("group", "DESK", "desk"),  # an id in another case
        ("group", "Front", None),
        ("group", "search", None),
        ("need", "Works on a phone", "mobile"),
        ("need", "works on a\u00a0phone", "mobile"),
        ("need", "Mobile", "mobile"),
        ("need", "desk", None),
        ("persona", "HENK", "henk"),
        ("persona", "Hen\u00adk", "henk"),
    ],
)
def test_a_name_on_the_command_line_finds_its_item_as_a_reader_sees_it(
    make_study: StudyMaker, kind: str, text: str, found: str | None
) -> None:
    """A group, need or persona named on the command line by its id, or by its name in
    any case and with what one cannot see aside: names are copied out of the reports."""
    study = load_study(make_study())
    named = {
        "group": study.group_named,
        "need": study.need_named,
        "persona": study.persona_named,
    }[kind](text)
    assert (named.id if named is not None else None) == found


def test_profiles_by_hand(tmp_path: Path) -> None:
    root = _study(tmp_path)
    with (root / "study.yaml").open("a", encoding="utf-8") as settings:
        settings.write("roadmap:\n  phases:\n    - {id: now, name: Now, capacity: 6}\n")
        settings.write("    - {id: later, name: Later}\n")
    study = load_study(root)
    dana, femke = persona_profiles(study)
    assert dana.group.id == "desk" and dana.family is None
    needs = {k.need.id: k for k in dana.key_needs}
    assert [k.need.id for k in dana.key_needs] == [
        "hr-self-service",
        "people-finder",
        "canteen",
        "room-booking",
        "service-desk",
    ]
    assert {n: (k.importance, k.shared_by, k.on_shared_platform) for n, k in needs.items()} == {
        "hr-self-service": ("must", 3, True),
        "people-finder": ("must", 2, True),
        "canteen": ("could", 3, True),
        "room-booking": (None, 1, False),
        "service-desk": ("could", 3, True),
    }
    # roadmap scores (see test_roadmap): hr 12.7, room-booking 8.4, canteen 6.3,
    # people-finder 5.2, service-desk 2.7; 3 points each, so 6 points hold the first two.
    assert {n: k.phase for n, k in needs.items()} == {
        "hr-self-service": "Now",
        "people-finder": "Later",
        "canteen": "Later",
        "room-booking": "Now",
        "service-desk": "Later",
    }
    (survey,) = dana.surveys
    assert (survey.survey, survey.suppressed, survey.respondents) == ("toptasks", False, 5)
    assert dict(survey.need_shares) == pytest.approx(
        {
            "hr-self-service": 5 / 12,
            "people-finder": 3 / 12,
            "canteen": 2 / 12,
            "room-booking": 1 / 12,
            "service-desk": 2 / 12,
        }
    )
    # Equal votes rank as a reader files the labels: leave and colleague 3 each, expense
    # and printer 2, meeting and cafe 1 ("Plan a meeting…" before "See the café menu").
    assert [label for label, _ in survey.top_tasks] == [
        "Book leave",
        "Find a colleague, by name or expertise",
        "Claim expenses",
        "Report a broken printer",
        "Plan a meeting with lunch and projector",
    ]
    assert survey.top_tasks[0][1] == pytest.approx(3 / 12)
    assert femke.surveys[0].need_shares == pytest.approx({"hr-self-service": 4 / 5})


def test_a_persona_s_votes_are_named_by_survey_when_there_are_several(tmp_path: Path) -> None:
    """One survey: its column is 'Votes'. Two (the same export imported as 'pulse' too):
    a column per survey, named by its id."""
    from needmap.reports.personas_report import persona_views
    from needmap.surveys import import_survey, load_mapping, tally_path, write_tally

    root = _study(tmp_path)
    one = persona_views(persona_profiles(load_study(root)), load_study(root))[0]
    assert one.needs_header[6:] == ("Votes",)
    pulse = root / "surveys" / "pulse.yaml"
    mapping = (root / "surveys" / "toptasks.yaml").read_text(encoding="utf-8")
    pulse.write_text(mapping.replace("id: toptasks", "id: pulse"), encoding="utf-8")
    study = load_study(root)
    imported = import_survey(load_mapping(pulse, study), SURVEY_FIXTURES / "exports" / "long.csv")
    write_tally(imported.tally, tally_path(root, "pulse"))
    study = load_study(root)
    two = persona_views(persona_profiles(study), study)[0]
    assert two.needs_header[6:] == ("Votes pulse", "Votes toptasks")


def test_only_selects_and_orders_and_unknown_ids_are_all_named(tmp_path: Path) -> None:
    study = load_study(_study(tmp_path, imported=False))
    analysis = analyse_overlap(study)
    chosen = build_personas(study, analysis, only=["femke", "dana", "femke"])
    assert [p.persona.id for p in chosen] == ["femke", "dana"]
    by_name = build_personas(study, analysis, only=["Dana", " FEMKE ", "dana"])
    assert [p.persona.id for p in by_name] == ["dana", "femke"]  # a name is as good as an id
    assert all(p.surveys == () for p in chosen)  # nothing imported: no evidence
    with pytest.raises(UsageError) as caught:
        build_personas(study, analysis, only=["dnaa", "nobody"])
    messages = [(p.message, p.hint) for p in caught.value.problems]
    assert ("no persona 'dnaa'", "did you mean 'dana'?") in messages
    assert ("no persona 'nobody'", "personas: dana, femke") in messages
    with pytest.raises(UsageError, match="no persona 'Femk'") as misspelt:
        build_personas(study, analysis, only=["Femk"])
    assert misspelt.value.problems[0].hint == "did you mean 'femke'?"
    with pytest.raises(UsageError) as shouted:  # a name typed in capitals, misspelt
        build_personas(study, analysis, only=["DANNA"])
    assert shouted.value.problems[0].hint == "did you mean 'Dana'?"
    # a group named where a persona belongs: its personas, by id or name
    groups = {p.group for p in study.personas}
    with_one = next(g for g in study.groups if g.id in groups)
    without = next(g for g in study.groups if g.id not in groups)
    with pytest.raises(UsageError) as grouped:
        build_personas(study, analysis, only=[with_one.id, without.name])
    of_group = ", ".join(p.id for p in study.personas if p.group == with_one.id)
    assert [p.hint for p in grouped.value.problems] == [
        f"'{with_one.id}' is a group; its personas: {of_group}",
        f"'{without.name}' is a group, with no persona yet",
    ]


def test_a_group_the_survey_counted_with_another_says_whose_votes_they_are(
    tmp_path: Path,
) -> None:
    """Field and office answered as one (3 + 3 respondents): Femke's survey evidence is
    theirs together, and every output says so; one group's would say "this group"."""
    root = _study(tmp_path, imported=False)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(
        mapping.read_text().replace(
            "field: field, office: office", "field: [field, office], office: [field, office]"
        )
    )
    export = str(SURVEY_FIXTURES / "exports" / "long.csv")
    assert runner.invoke(app, ["survey", "import", str(root), export]).exit_code == 0
    study = load_study(root)
    dana, femke = persona_profiles(study)
    (survey,) = femke.surveys
    assert (survey.respondents, survey.together) == (6, "Field staff + Office staff")
    assert dana.surveys[0].together == ""  # the front desk answered as one group
    markdown = personas_to_markdown([femke], study)
    assert "6 respondents from Field staff + Office staff together (the survey did not ask" in (
        " ".join(markdown.split())
    )
    assert personas_to_json([femke], study)["personas"][0]["surveys"][0]["together"] == (
        "Field staff + Office staff"
    )


def test_a_survey_that_did_not_ask_the_group_is_left_out(tmp_path: Path) -> None:
    study = load_study(_study(tmp_path))
    ((mapping, tally),) = imported_surveys(study)
    result = analyse_toptasks(study, mapping, tally)
    assert result.asked == {"desk", "field", "office"}
    not_desk = dataclasses.replace(result, asked=frozenset({"field", "office"}))
    dana, femke = build_personas(study, analyse_overlap(study), [not_desk])
    assert dana.surveys == () and len(femke.surveys) == 1


def _outputs(root: Path) -> dict[str, str]:
    """The report in every format and the terminal, for one study."""
    study = load_study(root)
    profiles = persona_profiles(study)
    terminal = runner.invoke(app, ["personas", str(root)], env={"COLUMNS": "80"})
    assert terminal.exit_code == 0, terminal.output
    return {
        "html": render_personas_page(profiles, study),
        "markdown": personas_to_markdown(profiles, study),
        "json": json.dumps(personas_to_json(profiles, study), ensure_ascii=False),
        "terminal": terminal.stdout,
        "xlsx": _workbook_text(ranking_to_xlsx(*build_persona_tables(profiles, study))),
    }


def _workbook_sheets(workbook: bytes) -> dict[str, list[list[object]]]:
    """Each sheet's rows of cell values ("" for an empty cell, none after the last value),
    percentages as Excel shows them (``41.7%``)."""
    from openpyxl import load_workbook

    sheets = {}
    for sheet in load_workbook(io.BytesIO(workbook)).worksheets:
        rows = []
        for row in sheet.iter_rows():
            values = [
                f"{c.value:.1%}"
                if c.number_format == "0.0%"
                else ""
                if c.value is None
                else c.value
                for c in row
            ]
            while values and values[-1] == "":
                values.pop()
            rows.append(values)
        sheets[sheet.title] = rows
    return sheets


def _workbook_text(workbook: bytes) -> str:
    return "\n".join(
        "\t".join(map(str, row)) for rows in _workbook_sheets(workbook).values() for row in rows
    )


def test_a_group_the_survey_asked_but_nobody_answered_for_is_said_so(tmp_path: Path) -> None:
    """Field staff is one of the survey's groups, but the export holds none of its rows."""
    root = _study(tmp_path, imported=False)
    rows = (SURVEY_FIXTURES / "exports" / "long.csv").read_bytes().split(b"\r\n")
    export = tmp_path / "no-field.csv"
    export.write_bytes(b"\r\n".join(row for row in rows if b";field;" not in row))
    assert runner.invoke(app, ["survey", "import", str(root), str(export)]).exit_code == 0
    study = load_study(root)
    markdown = personas_to_markdown(persona_profiles(study, ["femke"]), study)
    assert "Nobody from this group answered this survey." in markdown
    assert "\n\n\n" not in markdown  # no list of tasks, and no empty line for one


def test_hidden_group_shows_no_figures_in_any_output(tmp_path: Path) -> None:
    """With a minimum of 4, field (3 respondents) and office (3) are hidden; desk (5) is not."""
    study = load_study(_study(tmp_path, minimum=4))
    femke = persona_profiles(study, ["femke"])[0]
    assert femke.surveys[0].suppressed and femke.surveys[0].need_shares == {}
    assert femke.surveys[0].top_tasks == ()
    for name, text in _outputs(study.root).items():
        femke_part = text[text.rindex("Femke") :]
        assert "80.0%" not in femke_part and "0.8" not in femke_part, name
        assert "3 respondents" not in femke_part, name
        if name in ("markdown", "html"):  # the survey's part says why it shows nothing
            said = "Not shown: fewer than 4 respondents from this group (n<4)"
            assert (said.replace("<", "&lt;") if name == "html" else said) in femke_part, name
        assert "Nobody from this group answered" not in femke_part, name
        if name != "json":
            assert ("n&lt;4" if name == "html" else "n<4") in femke_part, name
        else:
            assert '"suppressed": true, "respondents": null' in femke_part
        assert "41.7%" in text or "0.4167" in text, name  # desk's evidence is shown


def test_free_text_is_scrubbed_and_escaped(tmp_path: Path) -> None:
    root = _study(tmp_path)
    text = (root / "personas.yaml").read_text()
    (root / "personas.yaml").write_text(text.replace("name: Dana", "name: <b>Dana</b>"))
    outputs = _outputs(root)
    for name, output in outputs.items():
        assert "dana.jansen@example.org" not in output and "12345678" not in output, name
        assert "[e-mail]" in output and "[phone]" in output, name
    assert "&lt;b&gt;Dana&lt;/b&gt;" in outputs["html"] and "<b>Dana" not in outputs["html"]


def test_first_names_are_scrubbed_but_the_personas_own_names_stay(tmp_path: Path) -> None:
    """Persona names are made up, and a persona's texts name her and the other personas;
    a colleague an interviewee named is a real person, the organisation is none."""
    root = _study(tmp_path)
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("Test org", "Van Dijk Installatietechniek"))
    text = (root / "personas.yaml").read_text()
    summary = "Welcomes visitors and answers the phone."
    (root / "personas.yaml").write_text(
        text.replace(summary, "Dana asks Femke at Van Dijk, or Piet de Vries at HR.")
    )
    for name, output in _outputs(root).items():
        assert "Dana asks Femke at Van Dijk, or [name] at HR." in output, name
        assert "Vries" not in output, name
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "first name" in line]
    assert warning.endswith(
        "personas[0].summary: warning: this text holds a person's first name: "
        "reports show a label instead, but the study's files keep it"
    )


def test_the_workbook_has_a_sheet_of_personas_and_one_of_their_key_needs(
    tmp_path: Path,
) -> None:
    root = _study(tmp_path)
    text = (root / "personas.yaml").read_text()
    text = text.replace("role: Park keeper", "role: \"=HYPERLINK('http://x')\"")
    text = text.replace(
        "goals: [Answer a question in the first call]", "goals: [First call, Fewer]"
    )
    (root / "personas.yaml").write_text(text)
    out = tmp_path / "personas.xlsx"
    result = runner.invoke(app, ["personas", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    sheets = _workbook_sheets(out.read_bytes())
    assert list(sheets) == ["Personas", "Key needs"]
    people = sheets["Personas"]
    assert people[0] == [
        "Persona",
        "Role",
        "Group",
        "About the group",
        "Summary",
        "Goals",
        "Frustrations",
        "Scenarios",
        "Devices",
        "Places of work",
        "In their own words",
        "Key needs",
    ]
    dana = dict(zip(people[0], people[1], strict=True))
    assert dana["Goals"] == "First call\nFewer"  # a list, an item per line
    assert dana["In their own words"] == "Mail me at [e-mail] or call [phone]."
    assert str(dana["Key needs"]).splitlines() == [
        "HR self-service",
        "People finder",
        "Canteen information",
        "Room booking",
        "Service desk",
    ]
    assert people[2][:3] == ["Femke", "=HYPERLINK('http://x')", "Field staff"]
    needs = sheets["Key needs"]
    assert needs[0] == [
        "Persona",
        "Group",
        "Need",
        "Kind",
        "For the group",
        "Groups",
        "Where",
        "When",
        "Votes",
    ]
    assert [row[:3] + row[4:5] + row[8:] for row in needs[1:7]] == [
        ["Dana", "Front desk", "HR self-service", "must", "41.7%"],  # 5 of 12 votes
        ["Dana", "Front desk", "People finder", "must", "25.0%"],
        ["Dana", "Front desk", "Canteen information", "could", "16.7%"],
        ["Dana", "Front desk", "Room booking", "not listed", "8.3%"],
        ["Dana", "Front desk", "Service desk", "could", "16.7%"],
        ["Femke", "Field staff", "HR self-service", "must", "80.0%"],  # 4 of 5
    ]
    assert needs[8] == [
        "Votes: the group's share of votes for the tasks that serve the need."
    ]  # the note, below a blank row
    from openpyxl import load_workbook

    book = load_workbook(out)
    role = book["Personas"]["B3"]
    assert role.data_type == "s" and role.value.startswith("=")  # text, never a formula
    assert book["Personas"]["F2"].alignment.wrap_text
    assert book["Key needs"]["I2"].number_format == "0.0%"
    # text to the left, numbers to the right; no row banded (that marks the top tasks)
    aligned = [book["Personas"][f"{c}2"].alignment.horizontal for c in "ABCDEFGHIJKL"]
    assert aligned == [None] * 12
    # text beside text is not set off, heading or cell; text right of a number would be
    indents = {book["Personas"][f"{c}{r}"].alignment.indent for c in "ABCDEFGHIJKL" for r in (1, 2)}
    assert indents == {0}
    assert [book["Key needs"][f"{c}2"].alignment.horizontal for c in "HI"] == [None, "right"]
    assert {c.fill.fill_type for sheet in book for row in sheet.iter_rows() for c in row} == {None}


def test_the_csv_holds_every_persona_s_key_needs(tmp_path: Path) -> None:
    root = _study(tmp_path, minimum=4)
    out = tmp_path / "personas.csv"
    result = runner.invoke(app, ["personas", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    study = load_study(root)
    expected = ranking_to_csv(build_persona_tables(persona_profiles(study), study)[1])
    assert out.read_bytes().decode("utf-8-sig") == expected
    lines = expected.splitlines()
    assert lines[0] == "Persona,Group,Need,Kind,For the group,Groups,Where,When,Votes"
    assert lines[1].startswith("Dana,Front desk,HR self-service,Functions,must,3 of 3,")
    assert lines[1].endswith(",41.7%")
    assert lines[-1].startswith("Femke,Field staff,") and lines[-1].endswith(",n<4")  # hidden
    assert len(lines) == 7


def test_the_page_colours_each_key_need_by_its_importance_to_the_group(tmp_path: Path) -> None:
    """Dana's desk must have HR self-service and the people finder, could use the canteen
    and the service desk; room booking is an office need, not listed for the desk."""
    html = _outputs(_study(tmp_path))["html"]
    assert re.findall(r'<td class="level (\w+)">', html)[:5] == [
        "must",
        "must",
        "could",
        "none",
        "could",
    ]
    # each key need heads its row, so a screen reader names it with its importance
    levels = re.findall(r'<th scope="row">([^<]+)</th>\s*<td>[^<]*</td>\s*<td class="level', html)
    assert levels[:2] == ["HR self-service", "People finder"]


def _interview(interview_id: str, participants: int, *quotes: str) -> str:
    """One interview of an ``interviews/`` file, its group the start of its id, with
    ``quotes`` as written in its list."""
    group = interview_id.rsplit("-", 1)[0]
    head = f"  - id: {interview_id}\n    group: {group}\n    participants: {participants}\n"
    return head + "    quotes:\n" + "".join(f"      - {quote}\n" for quote in quotes)


def _golden_study(tmp_path: Path) -> Study:
    """The survey fixture, with a family for two groups, one group's headcount unknown, a
    need no task of the survey serves, and an interview round of the front desk."""
    root = _study(tmp_path)
    write_tree(
        root,
        {
            "groups.yaml": """\
                families: [{id: staff, name: Staff}]
                groups:
                  - {id: desk, name: Front desk, family: staff, headcount: 10}
                  - {id: field, name: Field staff, family: staff}
                  - {id: office, name: Office staff, headcount: 60}
                """,
            "interviews/round-1.yaml": "interviews:\n"
            + _interview(
                "desk-1",
                3,
                "{text: I book leave between two calls., needs: [hr-self-service]}",
                "{text: The phone list is always out of date., questions: [people-finder]}",
            ),
        },
    )
    needs = root / "needs.yaml"
    needs.write_text(
        needs.read_text(encoding="utf-8")
        + "  - {id: visitors, title: Visitor registration, kind: function, groups: {desk: must}}\n",
        encoding="utf-8",
    )
    personas = root / "personas.yaml"
    personas.write_text(
        personas.read_text(encoding="utf-8").replace(
            "room-booking, service-desk]", "room-booking, service-desk, visitors]"
        ),
        encoding="utf-8",
    )
    return load_study(root)


def test_a_persona_shows_three_quotes_of_its_group_in_the_order_of_its_key_needs(
    tmp_path: Path,
) -> None:
    """Four quotes of Dana's group on her key needs, one of them twice: the first three
    texts, by key need (hr-self-service before people-finder before canteen)."""
    root = _study(tmp_path, imported=False)
    write_tree(
        root,
        {
            "interviews/round-1.yaml": "interviews:\n"
            + _interview(
                "desk-1",
                3,
                "{text: The canteen menu is never up to date., needs: [canteen]}",
                "{text: Who is on duty today?, questions: [people-finder]}",
                "{text: I book leave between two calls., needs: [hr-self-service]}",
                "{text: Where is the room list?, needs: [room-booking]}",
            )
            + _interview(
                "desk-2", 2, "{text: I book leave between two calls., needs: [hr-self-service]}"
            )
            + _interview(
                "field-1", 1, "{text: Leave on my phone please., needs: [hr-self-service]}"
            ),
        },
    )
    dana, femke = persona_profiles(load_study(root))
    assert dana.interviews is not None and dana.interviews.status == "own"
    assert dana.interviews.quotes == (
        ("hr-self-service", "I book leave between two calls.", "supports"),
        ("people-finder", "Who is on duty today?", "questions"),
        ("canteen", "The canteen menu is never up to date.", "supports"),
    )
    assert (dana.interviews.interviews, dana.interviews.participants) == (2, 5)
    assert dana.interviews.counts == {
        "hr-self-service": (2, 0),
        "people-finder": (0, 1),
        "canteen": (1, 0),
        "room-booking": (1, 0),
        "service-desk": (0, 0),
    }
    # one participant of field, and no other small group to count with: hidden
    assert femke.interviews is not None
    assert (femke.interviews.status, femke.interviews.interviews) == ("hidden", 0)
    assert (femke.interviews.participants, femke.interviews.quotes) == (0, ())


def test_markdown_golden(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    study = _golden_study(tmp_path)
    golden("personas-survey-fixture.md", personas_to_markdown(persona_profiles(study), study))


def test_json_golden(tmp_path: Path, golden: Callable[[str, str], None]) -> None:
    """The stable JSON of docs/json-output.md, every key, for the same study."""
    study = _golden_study(tmp_path)
    data = personas_to_json(persona_profiles(study), study)
    golden("personas-survey-fixture.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def test_terminal_fits_80_columns(tmp_path: Path) -> None:
    terminal = _outputs(_study(tmp_path))["terminal"]
    assert max(len(line.rstrip()) for line in terminal.splitlines()) <= 80
    assert "Key needs" in terminal and "not listed" in terminal
    assert "Find a colleague, by name or expertise: 25.0%" in terminal


def test_the_terminal_styles_who_a_persona_is_their_words_and_the_legends(demo: Path) -> None:
    """In a terminal: the name in bold, the group in cyan, what people said in italics (the
    persona's own quote and those of the interviews), the evidence legend and the rule
    between two personas dim."""
    shown = runner.invoke(
        app,
        ["personas", str(demo / "study"), "-p", "fatima,henk"],
        env={"COLUMNS": "100", **IN_A_TERMINAL},
    )
    assert shown.exit_code == 0, shown.output
    lines = [line.rstrip() for line in shown.stdout.splitlines()]

    def styled(start: str) -> list[str]:
        return [line for line in lines if plain(line).lstrip().startswith(start)]

    assert lines[0] == "\x1b[1mFatima\x1b[0m: Contact centre agent"
    assert lines[1].startswith("\x1b[36mFront desk and contact centre\x1b[0m · Employees")
    (own,) = styled("\u201cIf I have to search")
    assert own.startswith("  \x1b[3m\u201cIf I have to search")
    heard = styled("\u201cThe answers in the knowledge base")
    assert heard and all(line.startswith("  \x1b[3m") for line in heard)
    legends = styled("Evidence: Votes")
    assert legends == ["\x1b[2mEvidence: Votes · Interviews · Searches\x1b[0m"] * 2
    (rule,) = [line for line in lines if plain(line).startswith("\u2500" * 100)]
    assert rule.startswith("\x1b[2m\u2500")
    assert plain(lines[lines.index(rule) + 1]) == "Henk: Neighbourhood maintenance officer"


def test_the_summary_counts_personas_and_groups_in_words(tmp_path: Path) -> None:
    root = _study(tmp_path, imported=False)
    both = persona_profiles(load_study(root))
    assert personas_summary(both, "en") == "2 personas of 2 target groups"
    (root / "personas.yaml").write_text(
        textwrap.dedent(PERSONAS).replace("group: field", "group: desk"), encoding="utf-8"
    )
    same_group = persona_profiles(load_study(root))
    assert personas_summary(same_group, "en") == "2 personas of 1 target group"
    assert personas_summary(same_group, "nl") == "2 persona's uit 1 doelgroep"
    assert personas_summary(same_group[:1], "en") == "One persona"


def test_dutch_template_report(tmp_path: Path) -> None:
    root = tmp_path / "gemeente"
    assert runner.invoke(app, ["init", str(root), "--template", "gemeente"]).exit_code == 0
    out = tmp_path / "personas.html"
    result = runner.invoke(app, ["personas", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and "Belangrijkste behoeften" in page
    assert page.count('<article class="persona"') == 6
    assert f"wrote {out} (6 personas)" in result.stdout.replace("\n", "")
    terminal = runner.invoke(app, ["personas", str(root)], env={"COLUMNS": "80"}).stdout
    lines = terminal.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("Behoefte "))
    assert header.index("Voor de groep") > 20  # the titles keep room, not one word a line
    assert header.split()[-1] == "Bewijs"  # votes, interviews and searches in one column
    assert "Bewijs: Gesprekken · Zoekopdrachten" in terminal  # no survey imported yet


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--persona", "dnaa"], "no persona 'dnaa'"),
        (["--out", "x.docx"], "cannot write the persona report as '.docx'"),
        (["--json", "--out", "x.md"], "--json writes JSON, not '.md'"),
        (["--json", "--out", "x"], "--json writes JSON, not 'x'"),  # a name with no suffix
    ],
)
def test_refusals(tmp_path: Path, args: list[str], message: str) -> None:
    root = _study(tmp_path, imported=False)
    result = runner.invoke(app, ["personas", str(root), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not (root / "x.docx").exists() and not Path("x.md").exists()


def test_no_persona_named_is_refused_with_the_personas_to_name(tmp_path: Path) -> None:
    root = _study(tmp_path, imported=False)
    result = runner.invoke(app, ["personas", str(root), "--persona", " , "])
    assert (result.exit_code, result.stderr) == (
        2,
        "no personas chosen\n    hint: name at least one: dana, femke\n",
    )


def test_no_personas_and_stale_tally_are_errors(tmp_path: Path) -> None:
    root = _study(tmp_path)
    mapping = root / "surveys" / "toptasks.yaml"
    mapping.write_text(mapping.read_text().replace("  - {id: cafe,", "  - {id: cafe2,"))
    stale = runner.invoke(app, ["personas", str(root)])
    assert stale.exit_code == 2 and "task 'cafe' was counted at import" in stale.stderr
    (root / "personas.yaml").unlink()
    empty = runner.invoke(app, ["personas", str(root)])
    assert empty.exit_code == 2
    assert empty.stderr.splitlines() == [
        f"{root}: the study defines no personas",
        "    hint: add them to personas.yaml (see docs/study-format.md)",
    ]
    bare = _study(tmp_path / "bare", imported=False)
    (bare / "personas.yaml").unlink()
    with pytest.raises(UsageError) as named:  # the library, asked for one all the same
        persona_profiles(load_study(bare), ["dana"])
    assert [(p.message, p.hint) for p in named.value.problems] == [
        ("no persona 'dana'", "the study defines no personas")
    ]


def test_subprocess_writes_each_format(tmp_path: Path) -> None:
    root = _study(tmp_path)
    for suffix in (".html", ".md", ".json", ".csv", ".xlsx"):
        out = tmp_path / f"personas{suffix}"
        done = run_needmap("personas", str(root), "-p", "dana", "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert f"wrote {out} (1 persona)" in done.stdout.replace("\n", "")
        written = out.read_bytes()
        assert "Dana" in (_workbook_text(written) if suffix == ".xlsx" else written.decode())
    data = json.loads((tmp_path / "personas.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["personas"]] == ["dana"]
    assert data["personas"][0]["surveys"][0]["respondents"] == 5
    top = data["personas"][0]["surveys"][0]["top_tasks"]  # shares rounded to four places
    assert [task["share"] for task in top] == [0.25, 0.25, 0.1667, 0.1667, 0.0833]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(minimum=st.integers(min_value=1, max_value=7))
def test_evidence_is_hidden_exactly_where_the_ranking_hides_it(
    tmp_path_factory: pytest.TempPathFactory, minimum: int
) -> None:
    root = _study(tmp_path_factory.mktemp("study"), minimum=minimum)
    study = load_study(root)
    ((mapping, tally),) = imported_surveys(study)
    result = analyse_toptasks(study, mapping, tally)
    for profile in persona_profiles(study):
        (survey,) = profile.surveys
        assert survey.suppressed == (profile.group.id in result.suppressed)
        if survey.suppressed:
            assert (survey.respondents, survey.top_tasks, dict(survey.need_shares)) == (0, (), {})
        else:
            assert 0 < sum(share for _, share in survey.top_tasks) <= 1 + 1e-9
            assert all(0 <= share <= 1 for share in survey.need_shares.values())


def test_settings_in_another_language_rename_only_the_default_phases() -> None:
    from needmap.personas.schema import StudySettings

    dutch = StudySettings.model_validate({"name": "S", "organisation": "O", "language": "nl"})
    assert [p.name for p in dutch.in_language("en").roadmap.phases] == ["Now", "Next", "Later"]
    named = StudySettings.model_validate(
        {
            "name": "S",
            "organisation": "O",
            "language": "nl",
            "roadmap": {
                "phases": [
                    {"id": "nu", "name": "Nu", "capacity": 30},
                    {"id": "q3", "name": "Q3 2027"},
                    {"id": "later", "name": "Later"},
                ]
            },
        }
    )
    english = named.in_language("en")
    assert [(p.id, p.name, p.capacity) for p in english.roadmap.phases] == [
        ("nu", "Now", 30),
        ("q3", "Q3 2027", None),
        ("later", "Later", None),
    ]
    assert english.language == "en" and english.in_language("nl") == named
