"""The command line, through typer's CliRunner and through a real subprocess."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import needmap
from needmap import __version__, list_templates
from needmap.cli import app
from tests.conftest import MINIMAL_STUDY, StudyMaker, plain, run_needmap, write_tree
from tests.days import TODAY, on_either_day

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"needmap {__version__}\n"


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "--install-completion" not in result.stdout  # typer's: it edits the shell's profile
    for command in ("init", "templates", "validate", "schema", "demo"):
        assert command in result.stdout
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0, command
        assert "Usage:" in sub.stdout


@pytest.mark.parametrize("width", [100, 60])
def test_the_templates_and_a_new_study_s_next_steps_in_the_terminal(
    width: int,
    tmp_path: Path,
    golden: Callable[[str, str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`needmap templates` lists each template with its groups by family, a blank line
    between them; `needmap init` counts what it made and numbers the steps after it, each
    command on a line of its own, as `needmap status` does, in the new study's language
    (Dutch for 'gemeente'; tests/test_templates.py has an English one)."""
    monkeypatch.chdir(tmp_path)
    env = {"COLUMNS": str(width)}
    listed = runner.invoke(app, ["templates"], env=env)
    created = runner.invoke(app, ["init", "gem"], env=env)
    assert listed.exit_code == 0 and created.exit_code == 0, created.output
    golden(f"templates-{width}.txt", listed.stdout)
    golden(f"init-{width}.txt", created.stdout)


def test_init_then_validate(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    result = runner.invoke(app, ["init", str(folder), "--template", "zorginstelling"])
    assert result.exit_code == 0, result.output
    assert "8 doelgroepen, 31 behoeften, 5 persona's, 14 bestanden" in result.stdout
    named = re.findall(r"needmap (\w+)", " ".join(result.stdout.split()))
    commands = {
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    }
    commands |= {g.name for g in app.registered_groups if g.name}
    assert set(named) == {"groups", "validate", "serve", "guide", "survey", "build", "status"}
    assert set(named) <= commands
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0
    assert result.stdout.startswith("✓ ")


def test_the_commands_needmap_suggests_can_be_copied_for_a_folder_with_a_space(
    tmp_path: Path,
) -> None:
    """A study folder named by its organisation has spaces: init's next steps, status and
    a missing export's hint quote it, so that each command can be pasted as printed."""
    folder = tmp_path / "Gemeente Voorbeeldstad [2026]"
    quoted = f"'{folder}'"
    result = runner.invoke(app, ["init", str(folder), "--template", "gemeente"])
    assert f"needmap validate {quoted}\n" in result.stdout
    assert f"needmap guide {quoted} --out guides.pdf\n" in result.stdout
    assert f"needmap survey questions {quoted}\n" in result.stdout
    status = runner.invoke(app, ["status", str(folder)], env={"COLUMNS": "300"})
    assert f"needmap survey questions {quoted}\n" in status.stdout
    assert f"needmap survey import {quoted} EXPORT\n" in status.stdout
    toptasks = runner.invoke(app, ["toptasks", str(folder)])
    assert toptasks.exit_code == 2
    assert f"needmap survey import {quoted} EXPORT.csv" in toptasks.stderr


def test_init_refuses_existing_study_with_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 2
    assert "already holds a study" in result.stderr
    assert "Traceback" not in result.output


def test_init_refuses_a_file_where_the_folder_would_go(tmp_path: Path) -> None:
    """It used to name the first template file it could not write inside it."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    result = runner.invoke(app, ["init", str(notes)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{notes}: this is a file, not a folder",
        "    hint: name a new folder (or an empty one) for the study",
    ]
    assert notes.read_text() == "mine"


@pytest.mark.parametrize(
    ("command", "refused"),
    [
        (["why", "search", "{study}"], "search: no such folder"),
        (
            ["survey", "import", "{export}", "{study}"],
            "{export}: this is a file, not a study folder",
        ),
        (["groups", "merge", "desk", "{study}", "field", "--into", "desk"], "desk: no such folder"),
    ],
)
def test_a_study_given_after_another_argument_is_said_to_come_first(
    make_study: StudyMaker, tmp_path: Path, command: list[str], refused: str
) -> None:
    """The study's folder given second (the need, the export or a group first) was
    refused as a folder that is no study, with the hint to create one there."""
    study = make_study()
    export = tmp_path / "export.csv"
    export.write_text("group,task\n")
    names = {"study": str(study), "export": str(export)}
    result = runner.invoke(app, [part.format(**names) for part in command])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        refused.format(**names),
        f"    hint: {study}, given after it, is a study: the study's folder comes first",
    ]
    assert export.read_text() == "group,task\n"


def test_a_word_after_a_folder_that_is_no_study_is_not_taken_for_one(tmp_path: Path) -> None:
    """Only a folder holding a study.yaml is said to be the study given too late: not the
    need's id after a misspelt folder, nor an option."""
    (tmp_path / "search").mkdir()
    result = runner.invoke(app, ["why", str(tmp_path / "gem"), "search", "--json"])
    assert result.exit_code == 2
    assert "given after it" not in result.stderr


@pytest.mark.parametrize(
    ("after", "command"),
    [(["build", "--no-pdf"], "build"), (["biuld"], "build"), ([], "status"), (["-h"], "status")],
)
def test_a_study_named_before_the_command_is_said_to_come_after_it(
    make_study: StudyMaker, after: list[str], command: str
) -> None:
    """typer said "No such command 'study'", as of a misspelt command."""
    study = make_study()
    result = runner.invoke(app, [str(study), *after])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"{study}: this is a study's folder, not a command"
    assert lines[1].startswith(f"    hint: the command comes first: needmap {command} {study}")
    assert not (study / "reports").exists()
    unknown = runner.invoke(app, ["nothing", "build"])
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("nothing: not a command of needmap\n")


def test_a_study_named_before_a_group_s_command_keeps_the_rest_in_the_hint(
    make_study: StudyMaker,
) -> None:
    study = make_study()
    merge = runner.invoke(app, ["groups", str(study), "merge", "desk", "field", "--into", "desk"])
    assert merge.exit_code == 2
    assert merge.stderr.splitlines()[1] == (
        f"    hint: the command comes first: needmap groups merge {study} desk field --into desk"
    )
    alone = runner.invoke(app, ["needs", str(study)])
    assert alone.stderr.splitlines()[1] == (
        f"    hint: the command comes first: needmap needs list {study} "
        "(needmap needs -h lists the commands)"
    )
    assert "field" in (study / "groups.yaml").read_text()
    survey = runner.invoke(app, ["survey", str(study), "import", "export.csv"])
    assert survey.stderr.splitlines()[1] == (
        f"    hint: the command comes first: needmap survey import {study} export.csv"
    )


@pytest.mark.parametrize("group", ["groups", "needs", "survey"])
def test_a_group_of_commands_alone_shows_its_commands(group: str) -> None:
    shown = runner.invoke(app, [group])
    assert shown.output.startswith(f"Usage: needmap {group} [OPTIONS] COMMAND [ARGS]...\n")
    assert "\nCommands:\n" in shown.output
    assert "─" not in shown.output  # plain text, as every help: no rich panels


@pytest.mark.parametrize("command", [["status"], ["validate"], ["build", "--no-pdf"]])
def test_a_symbolic_link_that_leads_nowhere_is_bad_input(
    tmp_path: Path, command: list[str]
) -> None:
    """A link that points back into itself ended in "internal error: RuntimeError: Symlink
    loop" (Python 3.11's pathlib, resolving the path), exit 1."""
    loop, dangling = tmp_path / "loop", tmp_path / "dangling"
    loop.symlink_to(loop)
    dangling.symlink_to(tmp_path / "nowhere")
    for link in (loop, dangling):
        result = runner.invoke(app, [command[0], str(link), *command[1:]])
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.stderr
        assert result.stderr.startswith(str(link))


def test_a_loop_met_while_resolving_a_path_is_named_with_its_place() -> None:
    from needmap.errors import loop_problem

    problem = loop_problem(RuntimeError("Symlink loop from '/data/study/reports'"))
    assert problem is not None
    assert (str(problem.location.path), problem.message) == (
        "/data/study/reports",
        "cannot use this path: Too many levels of symbolic links",
    )
    assert loop_problem(RuntimeError("something else")) is None


def test_argument_order_hints_in_a_real_shell(make_study: StudyMaker, tmp_path: Path) -> None:
    study = make_study()
    swapped = run_needmap("why", "search", str(study))
    assert swapped.returncode == 2
    assert f"hint: {study}, given after it, is a study" in swapped.stderr
    first = run_needmap(str(study), "validate")
    assert first.returncode == 2
    assert f"hint: the command comes first: needmap validate {study}" in first.stderr
    assert "Traceback" not in swapped.stderr + first.stderr


def test_a_command_given_no_study_points_at_the_studies_here(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """typer said "Missing argument 'folder'", wherever the user was."""

    def hint(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 2
        message, hint = result.stderr.splitlines()
        assert message.endswith(": give the study's folder")
        return hint.removeprefix("    hint: ")

    monkeypatch.chdir(tmp_path)
    assert hint("survey", "import") == (
        "needmap survey import DIR EXPORT, with the folder that holds its study.yaml "
        "(there is none here: needmap init DIR makes one, needmap demo an example)"
    )
    make_study(name="out/demo/study")
    assert hint("build", "--no-pdf") == (
        "the study here is out/demo/study: needmap build out/demo/study --no-pdf"
    )
    make_study(name="mijn studie")
    assert hint("why", "--json") == (
        "the studies here are 'mijn studie', out/demo/study: needmap why 'mijn studie' NEED --json"
    )
    study = tmp_path / "mijn studie"
    (study / "reports").mkdir()
    monkeypatch.chdir(study / "reports")
    assert hint("groups", "merge", "--into", "desk") == (
        "this folder is inside the study in ..: needmap groups merge .. GROUPS --into desk"
    )
    monkeypatch.chdir(study)
    assert hint("toptasks", "--group", "kantoor") == (
        "this folder is the study: needmap toptasks . --group kantoor"
    )
    assert runner.invoke(app, ["needs", "list"]).stderr.startswith(
        "needmap needs list: give the study's folder\n"
    )
    (study / "study.yaml").rename(study / "study.yml")
    assert hint("build") == "study.yml is not read: name it study.yaml, then: needmap build ."
    (study / "study.yml").unlink()
    assert hint("status") == (
        "add the study's study.yaml beside its groups.yaml, with 'name:', 'organisation:' "
        "and 'language:' (see docs/study-format.md), then: needmap status ."
    )


def test_an_argument_left_out_gets_the_line_and_what_to_choose_from(
    make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """typer said "Missing argument 'need'"."""
    study = make_study()

    def lines(*args: str) -> list[str]:
        result = runner.invoke(app, [*args])
        assert result.exit_code == 2
        return result.stderr.splitlines()

    assert lines("why", str(study), "--json") == [
        "needmap why: give NEED, the need's id (as in needs.yaml) or its title",
        f"    hint: needmap why {study} --json NEED, of its needs: search, mobile "
        f"(needmap needs list {study} shows them all)",
    ]
    assert lines("groups", "rename", str(study))[1] == (
        f"    hint: needmap groups rename {study} GROUP NEW-ID, of its groups: desk, field "
        f"(needmap groups list {study} shows them all)"
    )
    assert lines("needs", "rename", str(study), "search") == [
        "needmap needs rename: give NEW-ID, its new id (the same id to change only --title)",
        f"    hint: needmap needs rename {study} search NEW-ID",
    ]
    assert lines("import-interviews", str(study)) == [
        "needmap import-interviews: give SHEET, the spreadsheet",
        f"    hint: needmap import-interviews {study} SHEET",
    ]
    monkeypatch.chdir(study.parent)
    for name in ("notes.md", "quotes.xlsx", "export 2026.csv"):
        (study.parent / name).write_text("")
    assert lines("survey", "import", "study")[1] == (
        "    hint: needmap survey import study EXPORT, one of the files here: "
        "'export 2026.csv', quotes.xlsx"
    )
    for name in ("a.csv", "b.csv", "c.tsv"):
        (study.parent / name).write_text("")
    assert lines("survey", "import", "study")[1].endswith(
        "one of the files here: a.csv, b.csv, c.tsv, 'export 2026.csv' and 1 more"
    )
    option = runner.invoke(app, ["groups", "merge", str(study), "desk", "field"])
    assert option.exit_code == 2
    assert option.stderr.startswith("needmap groups merge: give --into, the merged group\n")
    care = study.parent / "care"
    assert runner.invoke(app, ["init", str(care), "-t", "care"]).exit_code == 0
    assert lines("groups", "split", str(care))[1] == (
        f"    hint: needmap groups split {care} GROUP, of its groups: care-staff, therapists, "
        f"support, management and 4 more (needmap groups list {care} shows them all)"
    )
    (study / "needs.yaml").write_text("needs: [")
    assert lines("why", str(study))[1] == f"    hint: needmap why {study} NEED"
    assert lines("init", "-t", "care") == [
        "needmap init: give DIR, new folder for the study",
        "    hint: needmap init -t care DIR (needmap templates lists the starting points)",
    ]


def test_a_command_given_no_study_in_a_real_shell(make_study: StudyMaker, tmp_path: Path) -> None:
    make_study(name="out/demo/study")
    result = run_needmap("status", cwd=tmp_path)
    assert (result.returncode, result.stderr.splitlines()) == (
        2,
        [
            "needmap status: give the study's folder",
            "    hint: the study here is out/demo/study: needmap status out/demo/study",
        ],
    )


def test_a_folder_given_for_an_export_names_the_files_in_it(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """It was refused by typer ("file 'exports' is a directory") before any file was read."""
    study, exports = make_study(), tmp_path / "exports"
    exports.mkdir()
    result = runner.invoke(app, ["survey", "draft", str(study), str(exports)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{exports}: this is a folder, not a file",
        "    hint: give the CSV or XLSX file itself",
    ]
    (exports / "notes.md").write_text("")
    (exports / "toptasks.csv").write_text("")
    one = runner.invoke(app, ["survey", "draft", str(study), str(exports)]).stderr
    assert one.splitlines()[1] == f"    hint: give the file in it: {exports}/toptasks.csv"
    for name in ("a.xlsx", "b.tsv", "c.txt"):
        (exports / name).write_text("")
    several = runner.invoke(app, ["survey", "draft", str(study), str(exports)]).stderr
    assert several.splitlines()[1] == (
        f"    hint: give one of the files in it: {exports}/a.xlsx, {exports}/b.tsv, "
        f"{exports}/c.txt and 1 more"
    )


def test_validate_reports_every_problem_and_exits_2(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "study.yaml": "name: S\norganisation: O\nlanguage: fr\n",
            "personas.yaml": (
                "personas:\n  - id: henk\n    name: Henk\n    group: feild\n    role: R\n"
            ),
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{root}/personas.yaml:4:12: personas[0].group: unknown group 'feild'" in lines
    assert "    hint: did you mean 'field'?" in lines
    assert f"{root}/study.yaml:3:11: language: 'fr' is not allowed here" in lines
    assert lines[-1] == "2 problems found."
    assert result.stdout == ""


def test_a_long_list_of_problems_ends_with_the_files_they_are_in(
    make_study: StudyMaker,
) -> None:
    """Ten needs of a group renamed in groups.yaml only, and a persona of it: the count
    after the list says where most of them are, once they have scrolled by."""
    needs = "".join(
        f"  - id: n{i}\n    title: Need {i}\n    kind: content\n    groups: {{desk: must}}\n"
        for i in range(10)
    )
    personas = "personas:\n  - id: p\n    name: P\n    group: desk\n    role: R\n"
    root = make_study(
        {
            "groups.yaml": "groups:\n  - id: balie\n    name: Front desk\n",
            "needs.yaml": "needs:\n" + needs,
            "personas.yaml": personas,
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"11 problems found: 10 in {root / 'needs.yaml'}, 1 in {root / 'personas.yaml'}."
    )


def test_the_count_names_four_files_at_most_and_leaves_short_lists_alone() -> None:
    from needmap.cli.app import _by_file
    from needmap.errors import Location, Problem

    def problems(*counts: int) -> tuple[Problem, ...]:
        return tuple(
            Problem(Location(Path(f"f{i}.yaml"), 1), "x", repeats=count)
            for i, count in enumerate(counts)
        )

    assert _by_file(problems(5, 1, 2, 2, 3, 1)) == (
        ": 5 in f0.yaml, 3 in f4.yaml, 2 in f2.yaml, 2 in f3.yaml, 2 in other files"
    )
    # Exactly ten in exactly four files, ties by path, whatever order they came in.
    assert _by_file(tuple(reversed(problems(3, 3, 2, 2)))) == (
        ": 3 in f0.yaml, 3 in f1.yaml, 2 in f2.yaml, 2 in f3.yaml"
    )
    # Counts of a thousand or more as the total before them writes them.
    assert _by_file(problems(1500, 1, 1, 1, 1200, 1)) == (
        ": 1,500 in f0.yaml, 1,200 in f4.yaml, 1 in f1.yaml, 1 in f2.yaml, 2 in other files"
    )
    assert _by_file(problems(900, 800, 700, 600, 500, 500)) == (
        ": 900 in f0.yaml, 800 in f1.yaml, 700 in f2.yaml, 600 in f3.yaml, 1,000 in other files"
    )
    assert _by_file(problems(20)) == ""  # one file: the messages say it
    assert _by_file(problems(5, 4)) == ""  # a short list: seen at once
    assert _by_file((*problems(9), Problem(Location(), "no file"))) == ""


def test_validate_counts_in_the_right_number(make_study: StudyMaker) -> None:
    """One persona and one warning (a need no group needs) are not 'personas' or
    'warning(s)'."""
    orphan = "          - {id: orphan, title: Orphan, kind: content}\n"
    needs = MINIMAL_STUDY["needs.yaml"].rstrip(" ") + orphan
    result = runner.invoke(app, ["validate", str(make_study({"needs.yaml": needs}))])
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("— 2 groups, 3 needs, 1 persona, 1 warning")


def test_validate_json_on_problems(make_study: StudyMaker) -> None:
    root = make_study({"needs.yaml": "needs:\n  - id: x\n    title: X\n    kind: tech\n"})
    result = runner.invoke(app, ["validate", str(root), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert data["errors"] >= 1
    first = data["problems"][0]
    assert set(first) == {
        "file",
        "line",
        "column",
        "cell",
        "sheet",
        "key",
        "severity",
        "message",
        "hint",
    }
    assert first["file"].endswith("needs.yaml")
    assert (first["line"], first["column"], first["cell"], first["sheet"]) == (4, 11, None, None)


def test_validate_json_on_success(make_study: StudyMaker) -> None:
    root = make_study()
    result = runner.invoke(app, ["validate", str(root), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == {
        "study": str(root),
        "valid": True,
        "errors": 0,
        "warnings": 0,
        "counts": {"families": 1, "groups": 2, "needs": 2, "personas": 1},
        "problems": [],
    }


def test_warnings_pass_unless_strict(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "needs.yaml": "needs:\n  - id: mobile\n    title: Phone\n    kind: technology\n"
            "    groups: {field: must}\n"
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0
    assert "warning: no need mentions group 'desk'" in result.stderr
    strict = runner.invoke(app, ["validate", str(root), "--strict"])
    assert strict.exit_code == 2
    assert strict.stdout.startswith("✗ ")
    for extra, valid, code in (([], True, 0), (["--strict"], False, 2)):
        as_json = runner.invoke(app, ["validate", str(root), "--json", *extra])
        assert as_json.exit_code == code
        data = json.loads(as_json.stdout)
        assert (data["valid"], data["errors"], data["warnings"]) == (valid, 0, 1)


def test_validate_not_a_study(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "no study.yaml" in result.stderr


def test_templates_lists_all(tmp_path: Path) -> None:
    result = runner.invoke(app, ["templates"])
    assert result.exit_code == 0
    for template in list_templates():
        assert template.name in result.stdout
    text = " ".join(result.stdout.split())
    assert "9 groups: Employees (7), Clients and partners (2)" in text  # company
    assert "8 groups: Medewerkers (4), Vrijwilligers (1), Cliënten en naasten (2)" in text


def test_schema_prints_and_writes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "--kind", "definitions"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"].startswith("needmap definitions")
    result = runner.invoke(app, ["schema", "--kind", "interviews"])
    assert json.loads(result.stdout)["title"] == "needmap interviews (interviews/*.yaml)"
    result = runner.invoke(app, ["schema", "--out", str(tmp_path / "schemas")])
    assert result.exit_code == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == [
        "definitions.schema.json",
        "interviews.schema.json",
        "search-log.schema.json",
        "study.schema.json",
        "survey.schema.json",
    ]
    said = sorted(line.rpartition("/")[2] for line in result.stdout.splitlines())
    assert said == written and result.stdout.startswith(f"wrote {tmp_path / 'schemas'}/")
    bad = runner.invoke(app, ["schema", "--kind", "nope"])
    assert bad.exit_code == 2
    assert "unknown schema kind" in bad.stderr


def test_schema_out_refreshes_needmap_s_schemas_and_never_writes_over_others(
    tmp_path: Path,
) -> None:
    """A schema an older needmap wrote is refreshed; a file of the same name that needmap
    did not write (a schema of the user's own, or no JSON at all) is named, and nothing
    is written."""
    schemas = tmp_path / "schemas"
    older = '{"title": "needmap study.yaml", "type": "object"}'
    write_tree(schemas, {"study.schema.json": older, "notes.txt": "mine"})
    refreshed = runner.invoke(app, ["schema", "--out", str(schemas)])
    assert refreshed.exit_code == 0, refreshed.output
    assert "$defs" in (schemas / "study.schema.json").read_text(encoding="utf-8")
    own = {"survey.schema.json": '{"title": "Our survey tool"}', "interviews.schema.json": "x"}
    write_tree(schemas, own)
    before = {p.name: p.read_bytes() for p in schemas.iterdir()}
    refused = runner.invoke(app, ["schema", "--out", str(schemas)])
    assert refused.exit_code == 2
    assert [line for line in refused.stderr.splitlines() if line.startswith(str(schemas))] == [
        f"{schemas / name}: '{name}' here is not a schema that needmap wrote: needmap does "
        "not write over it"
        for name in ("interviews.schema.json", "survey.schema.json")
    ]
    hint = "    hint: move or rename the file, or write the schemas into another folder"
    assert refused.stderr.splitlines().count(hint) == 2
    assert {p.name: p.read_bytes() for p in schemas.iterdir()} == before


def test_demo_is_repeatable_and_removes_what_it_no_longer_makes(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    first = runner.invoke(app, ["demo", str(out)])
    assert first.exit_code == 0, first.output
    assert "Created the example study" in first.stdout
    wrote = sum(line.startswith("  wrote ") for line in first.stdout.splitlines())
    assert f"Open {out / 'index.html'} in a browser to start ({wrote} files)." in first.stdout
    last = " ".join(first.stdout.splitlines()[-2:])  # where to go from the example
    assert set(re.findall(r"needmap (\w+)", last)) == {"init", "templates", "build"}
    mappings = {p.name: p.read_bytes() for p in (out / "study" / "surveys").glob("*.yaml")}
    assert set(mappings) == {"toptaken.yaml", "toptaken-2024.yaml", "toptaken-2022.yaml"}
    for config in (out / "study" / "analytics").glob("*.yaml"):
        config.unlink()  # the study no longer reads a search log
    second = runner.invoke(app, ["demo", str(out)])
    assert second.exit_code == 0
    assert "Used the existing example study" in second.stdout
    # the earlier run is made once, with the study
    assert {p.name: p.read_bytes() for p in (out / "study" / "surveys").glob("*.yaml")} == mappings
    for suffix in ("html", "md"):
        assert f"  removed {out / 'searches'}.{suffix}, an earlier build's report" in second.stdout
        assert not (out / f"searches.{suffix}").exists()


def test_usage_error_exit_code() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2


def test_internal_errors_are_reported_without_traceback(
    make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(root: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr("needmap.surveys.study_check.read_study", boom)
    result = runner.invoke(app, ["validate", str(make_study())])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # ended on purpose, not by a new error
    assert result.stderr == (
        "needmap: internal error: ZeroDivisionError: oops\n"
        "This is a bug. Run again with NEEDMAP_DEBUG=1 to see the traceback, and please "
        "report it.\n"
    )
    monkeypatch.setenv("NEEDMAP_DEBUG", "1")  # as the message says: the traceback instead
    debugged = runner.invoke(app, ["validate", str(make_study())])
    assert isinstance(debugged.exception, ZeroDivisionError) and debugged.stderr == ""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["table", "gem", "--out", "it's"],
            "--out it's: this is a folder, and needmap table writes a file\n"
            "    hint: name a file, such as 'it'\"'\"'s/table.md'"
            " (.md, .html, .pdf, .csv or .xlsx)",
        ),
        (
            ["diagram", "gem", "-o", "it's"],
            "--out it's: this is a folder, and needmap diagram writes a file\n"
            "    hint: name a file, such as 'it'\"'\"'s/diagram.svg' (.svg or .png)",
        ),
        (
            ["guide", "gem", "--sheet", "it's"],
            "--sheet it's: this is a folder, and needmap guide writes a file\n"
            "    hint: name a file, such as 'it'\"'\"'s/guide.xlsx'",
        ),
        (
            ["build", "gem", "-o", "notes.txt", "--no-pdf"],
            "--out notes.txt: this is a file, and needmap build takes a folder\n"
            "    hint: name a folder (made if it is not there), or move the file out of the way",
        ),
        (
            ["status", "gem", "--reports", "notes.txt"],
            "--reports notes.txt: this is a file, and needmap status takes a folder\n"
            "    hint: name a folder",
        ),
        (
            ["demo", "notes.txt"],
            "notes.txt: this is a file, and needmap demo takes a folder\n"
            "    hint: name a folder (made if it is not there), or move the file out of the way",
        ),
    ],
)
def test_a_file_where_a_folder_goes_or_a_folder_where_a_file_goes(
    args: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click said "dir 'notes.txt' is a file" or "file 'it's' is a directory": which
    option, what the command wants there, and a name to give instead. (Before click's
    check, a folder given where a file is written was told it "cannot write a chart as
    'reports'", as if the suffix were wrong; a file given to build, after building, that
    each report could not go in it.) Nothing is written."""
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "gem"]).exit_code == 0
    (tmp_path / "it's").mkdir()
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not any((tmp_path / "it's").iterdir())


def test_a_path_of_the_wrong_kind_names_the_command_as_typed(tmp_path: Path) -> None:
    """Run as `python -m needmap`, the message said "needmap -m needmap table"."""
    write_tree(tmp_path, {"notes.txt": "mine"})
    refused = run_needmap("schema", "--out", "notes.txt", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        "--out notes.txt: this is a file, and needmap schema takes a folder"
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["toptasks", "gem", "--top", "abc"],
            "--top abc: not a whole number\n"
            "    hint: give a whole number of 1 or more, such as --top 20 (the default)",
        ),
        (
            ["toptasks", "gem", "--top=0"],
            "--top 0: less than 1\n"
            "    hint: give a whole number of 1 or more, such as --top 20 (the default)",
        ),
        (
            ["toptasks", "gem", "--coverage", "three quarters"],
            "--coverage 'three quarters': not a number\n"
            "    hint: give a share above 0 and up to 1, such as --coverage 0.75 (the default), "
            "or a percentage: --coverage 75%",
        ),
        (
            ["toptasks", "gem", "--coverage", "75"],
            "--coverage 75: more than 1\n"
            "    hint: give a share above 0 and up to 1, such as --coverage 0.75 (the default), "
            "or a percentage: --coverage 75%",
        ),
        (
            ["serve", "gem", "-p", "65536"],
            "--port 65536: more than 65535\n"
            "    hint: give a whole number from 0 to 65535, such as --port 8000 (the default)",
        ),
        (
            ["serve", "gem", "--port", "-1"],
            "--port -1: less than 0\n"
            "    hint: give a whole number from 0 to 65535, such as --port 8000 (the default)",
        ),
        (
            ["groups", "split", "gem", "desk", "--into", "a,b", "--headcount", "x"],
            "--headcount x: not a whole number\n    hint: give a whole number of 0 or more",
        ),
        (
            ["guide", "gem", "--date", "2026-13-01"],
            "--date 2026-13-01: not a date\n"
            f"    hint: write it as YYYY-MM-DD, such as --date {TODAY}",
        ),
    ],
)
def test_a_value_typer_cannot_take_is_said_with_what_to_give(args: list[str], said: str) -> None:
    """typer said "Invalid value for '--top': Input should be a valid integer, unable to
    parse string as an integer" under a usage line, without the value; for a date, "does
    not match the formats '%Y-%m-%d'". (Values are read before the study is looked for.)"""
    before = date.today()
    result = runner.invoke(app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 2
    assert result.stderr in on_either_day(said + "\n", before, date.today())


def test_a_bad_parameter_needmap_cannot_word_is_left_to_typer() -> None:
    """Only a value pydantic refused as a number (or a date) is said in needmap's words:
    a bad parameter without an option, with another cause, or refused for another reason
    keeps typer's."""
    import pydantic
    import typer

    from needmap.cli.value_hints import wrong_value

    commands: Any = typer.main.get_command(app)
    option = next(p for p in commands.commands["toptasks"].params if "--top" in p.opts)
    assert wrong_value(typer.BadParameter("bad")) is None
    assert wrong_value(typer.BadParameter("bad", param=option)) is None
    adapters: list[tuple[str, pydantic.TypeAdapter[Any]]] = [
        ("ab", pydantic.TypeAdapter(Annotated[str, pydantic.Field(min_length=3)])),
        ("x", pydantic.TypeAdapter(int)),
    ]
    for value, adapter in adapters:
        try:
            adapter.validate_python(value)
        except pydantic.ValidationError as refused:
            exc = typer.BadParameter("bad", param=option)
            exc.__cause__ = refused
        said = wrong_value(exc)
        assert (said is None) == (value == "ab")
        assert said is None or said.problems[0].message == "--top x: not a whole number"


def test_a_value_typer_cannot_take_in_a_subprocess(tmp_path: Path) -> None:
    refused = run_needmap("serve", "gem", "--port", "http", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "--port http: not a whole number",
        "    hint: give a whole number from 0 to 65535, such as --port 8000 (the default)",
    ]


def test_ctrl_c_ends_quietly_with_the_shell_s_code(
    make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C is the user's choice, not a bug: exit 130, as a shell reports a program
    stopped by it, with no traceback and no "Aborted!"."""

    def stopped(root: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("needmap.surveys.study_check.read_study", stopped)
    result = runner.invoke(app, ["validate", str(make_study())])
    assert result.exit_code == 130
    assert result.output == ""


def test_ctrl_c_in_a_build_says_where_its_reports_would_have_gone(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build prints each report as it writes it into its hidden folder; stopped, it
    says those never went into the folder, which is as it was."""

    def stopped(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("needmap.build.build_reports", stopped)
    out = tmp_path / "reports"
    result = runner.invoke(app, ["build", str(make_study()), "--out", str(out)])
    assert result.exit_code == 130
    assert result.stdout == f"Interrupted: the reports go into {out} once all are written.\n"
    monkeypatch.setattr("needmap.demo.build_demo", stopped)
    result = runner.invoke(app, ["demo", str(tmp_path / "demo")])
    assert result.exit_code == 130
    assert "Interrupted: the reports go into" in result.stdout


def test_a_path_the_system_refuses_is_bad_input_not_a_bug(
    tmp_path: Path, make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name longer than the file system allows failed in pathlib's own check, before any
    reader could report it, as an internal error; a disk that fills up could fail anywhere."""
    too_long = tmp_path / ("a" * 300)
    result = runner.invoke(app, ["groups", "list", str(too_long)])
    assert result.exit_code == 2
    assert f"{too_long}: cannot use this path: File name too long" in result.stderr
    assert "hint: shorten the name" in result.stderr
    # the hints of a command line cut short or with words left over look for the study's
    # ids and for files the words name: a name too long is neither, not an internal error
    for args, said in [
        (["groups", "rename", str(too_long)], "GROUP NEW-ID"),
        (["why", str(too_long)], "NEED"),
        (["validate", str(too_long), "extra"], "and extra is left over"),
        (["validate", str(make_study()), "b" * 300], "is left over"),
    ]:
        hinted = runner.invoke(app, args)
        assert hinted.exit_code == 2 and said in hinted.stderr, hinted.output

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", "/data/out/brief.md")

    monkeypatch.setattr("needmap.reports.brief.write_brief", disk_full)
    full = runner.invoke(app, ["brief", str(make_study()), "--out", str(tmp_path / "b.md")])
    assert full.exit_code == 2
    assert "/data/out/brief.md: cannot use this path: No space left on device" in full.stderr
    assert "hint: free some disk space" in full.stderr


def test_a_file_of_needmap_s_own_that_cannot_be_read_is_a_bug(
    make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = Path(needmap.__file__).parent / "reports" / "templates" / "gone.html.j2"

    def missing(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", str(own))

    monkeypatch.setattr("needmap.reports.brief.write_brief", missing)
    result = runner.invoke(app, ["brief", str(make_study()), "--out", "b.md"])
    assert result.exit_code == 1
    assert "internal error: FileNotFoundError" in result.stderr


def test_subprocess_init_validate_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "study"
    assert run_needmap("init", str(folder), "-t", "gemeente").returncode == 0
    ok = run_needmap("validate", str(folder))
    assert ok.returncode == 0
    assert "9 groups, 46 needs, 6 personas" in ok.stdout
    (folder / "groups.yaml").write_text("groups:\n  - id: x\n    name: X\n    headcount: lots\n")
    bad = run_needmap("validate", str(folder), env={"NO_COLOR": "1"})
    assert bad.returncode == 2
    assert "\x1b[" not in bad.stderr
    assert f"{folder}/groups.yaml:4:16: groups[0].headcount: expected a whole number" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_output_the_encoding_cannot_hold_does_not_stop_a_command(tmp_path: Path) -> None:
    """Windows writes redirected output in cp1252, which has no ✓; a terminal may be ASCII."""
    folder = tmp_path / "study"
    assert run_needmap("init", str(folder), "-t", "gemeente").returncode == 0

    def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "needmap", *args],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            check=False,
        )

    checked = run("cp1252", "validate", str(folder))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.decode("cp1252").startswith(f"? {folder}: ")
    utf8 = run("utf-8", "overlap", str(folder), "--json").stdout.decode("utf-8")
    as_utf8 = json.loads(utf8)
    assert "Eén" in utf8  # as it is, where the output holds it
    assert utf8.startswith('{\n  "')  # indented, for people reading it too
    as_ascii = run("ascii", "overlap", str(folder), "--json")
    assert as_ascii.returncode == 0, as_ascii.stderr
    assert json.loads(as_ascii.stdout.decode("ascii")) == as_utf8  # escaped, not lost
    assert "Eén" not in as_ascii.stdout.decode("ascii")


def test_json_written_to_a_file(tmp_path: Path) -> None:
    """``--json --out``: UTF-8 as it is, indented, ending in a newline, whatever the output's
    encoding; any other name is refused at the option, with what to do instead."""
    folder = tmp_path / "study"
    assert runner.invoke(app, ["init", str(folder), "-t", "gemeente"]).exit_code == 0
    out = tmp_path / "plan.json"
    written = runner.invoke(app, ["roadmap", str(folder), "--json", "--out", str(out)])
    assert written.exit_code == 0, written.output
    assert f"wrote {out}" in written.stdout.replace("\n", "")
    text = out.read_text(encoding="utf-8")
    assert text.startswith('{\n  "') and text.endswith("}\n")
    assert "Eén" in text and "\\u" not in text
    refused = runner.invoke(
        app, ["roadmap", str(folder), "--json", "--out", str(tmp_path / "plan.md")]
    )
    assert refused.exit_code == 2
    assert " ".join(refused.stderr.split()) == (
        f"{tmp_path / 'plan.md'}: --json writes JSON, not '.md' "
        "hint: use a name ending in .json, or leave out --out to print it"
    )
    assert not (tmp_path / "plan.md").exists()


def test_subprocess_console_script_version() -> None:
    script = Path(sys.executable).parent / "needmap"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.strip() == f"needmap {__version__}"


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from needmap.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'matplotlib', 'rich.console', 'jinja2', "
        "'weasyprint') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_public_api_names_resolve() -> None:
    import needmap

    for name in needmap.__all__:
        assert getattr(needmap, name) is not None, name
    with pytest.raises(AttributeError):
        needmap.no_such_thing  # noqa: B018


def test_the_public_functions_take_a_path_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from tests.conftest import SURVEY_FIXTURES

    monkeypatch.chdir(tmp_path)
    written = needmap.init_study("new", "municipality")
    assert Path("study.yaml") in written and Path("new/study.yaml").is_file()
    assert Path("schemas/study.schema.json") in needmap.write_schemas("schemas")
    shutil.copytree(SURVEY_FIXTURES / "study", "study")
    study = needmap.load_study("study")
    mapping = needmap.load_mapping(str(SURVEY_FIXTURES / "mappings" / "long.yaml"), study)
    imported = needmap.import_survey(
        mapping, str(SURVEY_FIXTURES / "exports" / "long.csv"), mapping_file="long.yaml"
    )
    assert sum(imported.tally.respondents.values()) > 0


def test_validate_checks_survey_mappings_too(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "surveys/top.yaml": "id: top\ntitle: Top\nlayout: long\nrespondent: r\n"
            "group: {column: g, values: {Desk: desk, Feld: feild}}\n"
            "choices: {column: t}\ntasks:\n  - {id: s, label: Search, needs: [serch]}\n",
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2
    assert (
        f"{root}/surveys/top.yaml:5:47: group.values.Feld: unknown group 'feild'" in result.stderr
    )
    assert "did you mean 'search'?" in result.stderr
    as_json = json.loads(runner.invoke(app, ["validate", str(root), "--json"]).stdout)
    assert as_json["valid"] is False and as_json["errors"] == 2


_EVIDENCE_NAMING_NEEDS = {
    "surveys/top.yaml": "id: top\ntitle: Top\nlayout: long\nrespondent: r\n"
    "group: {column: g, values: {Desk: desk, Other: nobody}}\n"
    "choices: {column: t}\ntasks:\n  - {id: s, label: Search, needs: [search, zoom]}\n",
    "interviews/a.yaml": "interviews:\n  - id: x\n    group: field\n"
    "    quotes: [{text: Hi, needs: [mobile, teleport]}]\n",
    "analytics/a.yaml": "id: a\ntitle: A\nfile: a.csv\ncolumns: {term: t}\n"
    "topics: [{need: search, terms: [x]}, {need: nobody, terms: [y]}]\n",
    "analytics/a.csv": "t\nx\n",
}


def _refused_by_validate(root: Path) -> list[str]:
    """The problems ``needmap validate`` reports (exit code 2), without the study's path."""
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 2
    prefix = f"{root}/"
    return [
        line.removeprefix(prefix) for line in result.stderr.splitlines() if line.startswith(prefix)
    ]


def test_validate_checks_the_evidence_files_while_the_definitions_have_errors(
    make_study: StudyMaker,
) -> None:
    """One run reports every problem: a need's wrong kind and the evidence files' unknown
    ids together, not the second lot after the first is fixed. A need that failed its
    schema still counts as defined ('search' and 'mobile' are not reported)."""
    root = make_study(
        {
            **_EVIDENCE_NAMING_NEEDS,
            "needs.yaml": "needs:\n  - {id: search, title: Search, kind: fuction}\n"
            "  - {id: mobile, title: Phone, kind: technology, effort: large}\n",
        }
    )
    assert _refused_by_validate(root) == [
        "analytics/a.yaml:5:45: topics[1].need: unknown need 'nobody'",
        "interviews/a.yaml:4:41: interviews[0].quotes[0].needs[1]: unknown need 'teleport'",
        "needs.yaml:2:39: needs[0].kind: 'fuction' is not allowed here",
        "needs.yaml:3:58: needs[1].effort: 'large' is not allowed here",
        "surveys/top.yaml:5:48: group.values.Other: unknown group 'nobody'",
        "surveys/top.yaml:8:44: tasks[0].needs[1]: unknown need 'zoom'",
    ]
    as_json = json.loads(runner.invoke(app, ["validate", str(root), "--json"]).stdout)
    assert (as_json["valid"], as_json["errors"], as_json["counts"]) == (False, 6, None)


def test_validate_says_what_an_evidence_file_that_is_no_mapping_should_hold(
    make_study: StudyMaker,
) -> None:
    """A survey mapping or a search log written as a list, or one line of text, gets one
    problem at its top saying what it should hold; one whose top the reader refused gets
    the reader's problem only."""
    root = make_study(
        {
            "surveys/top.yaml": "- id: top\n- title: Top\n",
            "surveys/words.yaml": "survey of march\n",
            "surveys/tagged.yaml": "!!python/object x\n",
            "analytics/a.yaml": "- id: a\n",
        }
    )
    assert _refused_by_validate(root) == [
        "analytics/a.yaml:1:1: expected 'key: value' lines at the top of the search log",
        "surveys/tagged.yaml:1:1: the tag '!!python/object' is not allowed",
        "surveys/top.yaml:1:1: expected 'key: value' lines at the top of the survey mapping",
        "surveys/words.yaml:1:1: expected 'key: value' lines at the top of the survey mapping",
    ]


def test_validate_names_no_unknown_ids_while_a_definitions_file_cannot_be_read(
    make_study: StudyMaker,
) -> None:
    """With needs.yaml unreadable, which groups and needs exist is not known (any file may
    define both): the evidence files' other problems are still reported, their ids not."""
    root = make_study(
        {
            **_EVIDENCE_NAMING_NEEDS,
            "needs.yaml": "needs:\n  - id: [search\n",
            "analytics/b.yaml": "id: b\ntitle: B\ncolumns: {term: t}\n",
        }
    )
    assert _refused_by_validate(root) == [
        "analytics/b.yaml:1:1: required key 'file' is missing",
        "analytics/b.yaml:1:1: required key 'topics' is missing",
        "needs.yaml:3:1: YAML syntax error: expected ',' or ']', but got '<stream end>'",
    ]


def test_validate_names_no_unknown_needs_while_the_needs_stand_under_a_misspelt_key(
    make_study: StudyMaker,
) -> None:
    """``need:`` for ``needs:`` is one problem, not one per reference to a need; the
    evidence files' unknown groups are still reported, since the groups are known."""
    needs = MINIMAL_STUDY["needs.yaml"].replace("needs:", "need:", 1)
    root = make_study({**_EVIDENCE_NAMING_NEEDS, "needs.yaml": needs})
    assert _refused_by_validate(root) == [
        "needs.yaml:1:1: unknown key 'need'",
        "surveys/top.yaml:5:48: group.values.Other: unknown group 'nobody'",
    ]


def test_help_lists_the_commands_in_the_order_of_the_work() -> None:
    """The commands come from several modules; their import order is the order shown."""
    shown = runner.invoke(app, ["--help"]).stdout
    lines = shown[shown.index("Commands:") :].splitlines()[1:]
    listed = [line.split()[0] for line in lines if line.startswith("  ") and line.split()]
    assert listed == [
        "init",
        "templates",
        "validate",
        "schema",
        "overlap",
        "diagram",
        "table",
        "report",
        "personas",
        "roadmap",
        "guide",
        "import-interviews",
        "interviews",
        "searches",
        "toptasks",
        "why",
        "brief",
        "status",
        "build",
        "demo",
        "serve",
        "survey",
        "groups",
        "needs",
        "phases",
    ]


@pytest.mark.parametrize(("width", "header"), [(77, "A    B    C"), (76, "A B C")])
def test_the_needs_table_shows_marks_only_where_their_columns_fit(
    demo: Path, width: int, header: str
) -> None:
    """Nine groups: a title of 24, five columns a group and the region code (6) need 77;
    one column less and the table shows the importance as one letter a group."""
    shown = runner.invoke(app, ["table", str(demo / "study")], env={"COLUMNS": str(width)})
    assert shown.exit_code == 0, shown.output
    heading = shown.stdout.splitlines()[1]
    assert heading.startswith("Need ") and f" {header} " in heading


def test_output_to_a_pipe_ends_its_lines_with_no_padding(demo: Path) -> None:
    """A table's lines are padded to its width; a file or `diff` would show the spaces."""
    piped = run_needmap("toptasks", str(demo / "study"), env={"COLUMNS": "100"})
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert any(line.startswith("   1  Look up a work instruction") for line in lines)
    assert [line for line in lines if line.endswith(" ")] == []


def _commands(group: Any, words: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*words, name))
        else:
            yield (*words, name)


def test_every_option_says_what_it_takes() -> None:
    """`--top <n>`, `--language <nl|en>`: no option's value reads as a type (`<str>`,
    `<int range>`, `<list[str]>`), which tells the user nothing."""
    from typer.main import get_command

    every = list(_commands(get_command(app)))
    assert ("survey", "import") in every and ("toptasks",) in every and len(every) > 25
    vague = re.compile(r"^\s+(-\w, )?--[\w-]+ <(str|int|float|int range|float range|list\[.*\])>")
    for words in every:
        shown = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "200"})
        assert shown.exit_code == 0, words
        options = shown.stdout[shown.stdout.index("Options:") :]
        assert not [line for line in options.splitlines() if vague.match(line)], words


_REPORT_COMMANDS = (
    "toptasks",
    "interviews",
    "searches",
    "groups list",
    "needs list",
    "overlap",
    "table",
    "roadmap",
    "personas",
    "status",
)
"""Every command that shows a report in the terminal."""


@pytest.mark.parametrize(
    ("command", "width"),
    [
        *((command, width) for command in _REPORT_COMMANDS for width in (100, 60)),
        # From 110 columns the roadmap adds each need's platform and evidence; from 185, the
        # demo's widest cells side by side, each column is as wide as its widest cell.
        *(("roadmap", width) for width in (110, 184, 185)),
        # Two guides, a rule between them; the recording entry dated, not today.
        *(("guide", width) for width in (100, 60)),
        # One need's story: its title and introduction unindented, each part's lines below.
        *(("why", width) for width in (100, 60)),
    ],
)
def test_the_demo_in_the_terminal(
    command: str,
    width: int,
    demo: Path,
    golden: Callable[[str, str], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every part of each command's report in the terminal, in order: the columns that
    fit, the notes, the per-group lines (run beside the study, so that commands in the
    notes wrap alike wherever the tests run)."""
    monkeypatch.chdir(demo)
    words = command.split()
    extra = {"guide": ["front-desk", "facility", "--date", "2026-03-02"], "why": ["knowledge-base"]}
    shown = runner.invoke(
        app, [*words, "study", *extra.get(command, [])], env={"COLUMNS": str(width)}
    )
    assert shown.exit_code == 0, shown.output
    golden(f"{'-'.join(words)}-demo-{width}.txt", shown.stdout)


@pytest.mark.parametrize(
    ("words", "commands"),
    [
        ([], ["init", "templates"]),
        (["survey"], ["questions", "import", "draft"]),
        (["groups"], ["list", "merge", "rename", "split"]),
        (["needs"], ["list", "rename", "merge"]),
        (["phases"], ["list", "rename"]),
    ],
)
def test_a_command_family_given_alone_shows_its_commands(
    words: list[str], commands: list[str]
) -> None:
    """`needmap survey` with nothing after it is a question, not a mistake to report: its
    help, as --help gives it."""
    shown = runner.invoke(app, words)
    assert shown.exit_code == 0
    assert shown.stderr == ""
    assert shown.stdout == runner.invoke(app, [*words, "--help"]).stdout
    listing = shown.output[shown.output.index("Commands:") :]
    listed = [line.split()[0] for line in listing.splitlines()[1:] if line.startswith("  ")]
    assert listed[: len(commands)] == commands
    assert "Error" not in shown.output


def test_needmap_given_alone_in_a_shell_prints_its_help_and_succeeds() -> None:
    alone = run_needmap()
    assert alone.returncode == 0
    assert alone.stdout.startswith("Usage: python -m needmap [OPTIONS] COMMAND [ARGS]...")
    assert alone.stderr == ""


@pytest.fixture
def stderr_terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """What needmap.cli.app prints to standard error, as a terminal of 200 columns gets it
    (standard output, which may be the file written, goes elsewhere)."""
    cli_app = importlib.import_module("needmap.cli.app")  # the package's `app` hides it
    terminal = io.StringIO()
    monkeypatch.setattr(
        cli_app,
        "new_console",
        lambda stderr=False: Console(
            file=terminal if stderr else io.StringIO(), force_terminal=True, width=200
        ),
    )
    return terminal


@pytest.mark.parametrize(("name", "shown"), [("roadmap.pdf", True), ("roadmap.md", False)])
def test_a_pdf_being_laid_out_is_shown_in_a_terminal(
    name: str, shown: bool, stderr_terminal: io.StringIO
) -> None:
    cli_app = importlib.import_module("needmap.cli.app")
    with cli_app.writing(Path("out") / name):
        pass
    assert ("Laying out roadmap.pdf…" in stderr_terminal.getvalue()) is shown


def test_problems_show_their_place_and_errors_in_red(stderr_terminal: io.StringIO) -> None:
    """In a terminal: the place in bold, a workbook's cell or a key in cyan, an error in red,
    a warning's marked in yellow and its message plain, the hint dimmed."""
    from needmap.errors import Location, Problem, Severity

    cli_app = importlib.import_module("needmap.cli.app")
    cli_app.print_problems(
        (
            Problem(Location(Path("e.xlsx"), 3, 7), "unknown choice", hint="add it"),
            Problem(Location(Path("n.yaml"), 2), "unused", key="desk", severity=Severity.WARNING),
        )
    )
    assert stderr_terminal.getvalue().splitlines() == [
        "\x1b[1me.xlsx:3:7: \x1b[0m\x1b[36mcell G3: \x1b[0m\x1b[31munknown choice\x1b[0m",
        "\x1b[2m    hint: add it\x1b[0m",
        "\x1b[1mn.yaml:2: \x1b[0m\x1b[36mdesk: \x1b[0m\x1b[1;33mwarning: \x1b[0munused",
    ]


def test_indented_lines_and_legends_break_between_words_only() -> None:
    """A path longer than the terminal stays whole (to copy), and so does 'long-winded' at the
    edge; a legend's entries fill a line up to its last column, two spaces apart."""
    cli_app = importlib.import_module("needmap.cli.app")
    terminal = io.StringIO()
    console = Console(file=terminal, width=24, color_system=None)
    cli_app.print_indented(
        console, ["see /a/very/long/path/to/a/study/file.yaml and reply long-winded"]
    )
    cli_app.print_legend(console, ["A · Front desk", "B · Bosses", "C · Catering", "D"])
    assert terminal.getvalue().splitlines() == [
        "  see",
        "    /a/very/long/path/to/a/study/file.yaml",
        "    and reply",
        "    long-winded",
        "A · Front desk",
        "B · Bosses  C · Catering",
        "D",
    ]


def test_unindented_lines_continue_at_the_margin_in_their_style() -> None:
    """A heading or an introduction (indent 0) wraps back to the margin, bold if asked."""
    cli_app = importlib.import_module("needmap.cli.app")
    terminal = io.StringIO()
    console = Console(file=terminal, width=24, force_terminal=True, color_system="standard")
    cli_app.print_indented(console, ["Needs of the front desk and field staff"], 0, "bold")
    cli_app.print_legend(console, ["A · Front desk"], style="dim")
    assert terminal.getvalue().splitlines() == [
        "\x1b[1mNeeds of the front desk\x1b[0m",
        "\x1b[1mand field staff\x1b[0m",
        "\x1b[2mA · Front desk\x1b[0m",
    ]


def test_steps_keep_each_command_on_one_line_in_cyan_only() -> None:
    """A step's text wraps under its own start, between words only (a path stays whole); its
    command stays one line to copy whole, however narrow the terminal, and in one colour (no
    number or path highlighted)."""
    cli_app = importlib.import_module("needmap.cli.app")
    terminal = io.StringIO()
    console = Console(file=terminal, width=30, force_terminal=True, color_system="standard")
    command = "needmap build /a/long/path/to/study --out out/report-2026 --top 10"
    text = "Build /a/long/path/to/the/study/folder for the steering group"
    cli_app.print_steps(console, [(text, command)])
    cli_app.print_steps(console, [("Done", None)])
    lines = terminal.getvalue().splitlines()
    assert [plain(line) for line in lines] == [
        "  1. Build",
        "     /a/long/path/to/the/study/folder",
        "     for the steering group",
        f"     {command}",
        "  1. Done",
    ]
    assert lines[3] == f"\x1b[36m     {command}\x1b[0m"  # on any console, highlighting or not


def test_name_columns_fit_the_longest_word_within_bounds() -> None:
    """The name column is as wide as its longest word, at least 8 and at most 20."""
    from rich.table import Table

    cli_app = importlib.import_module("needmap.cli.app")
    widths = []
    for names in (
        ["HR", "Bo"],
        ["Catering staff", "Front desk"],
        ["Beleidsmedewerkersoverleg"],
        [],
    ):
        table = Table()
        cli_app.add_name_column(table, "Group", names)
        widths.append(table.columns[0].min_width)
    assert widths == [8, 8, 20, 8]
    assert widths[1] == len("Catering") and len("Beleidsmedewerkersoverleg") > 20


def test_the_console_prints_styles_but_no_control_character_of_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last guard against an escape sequence in a search term or a study's text: it is
    printed as plain characters, while the console's own colours and cursor moves pass."""
    from rich.table import Table
    from rich.text import Text

    from needmap.cli.terminal import new_console

    monkeypatch.setenv("FORCE_COLOR", "1")
    console = new_console()
    console.file = io.StringIO()
    table = Table("term")
    table.add_row("park\x1b]0;owned\x07ing\x9b2J")
    console.print(Text("red\x1b[2J", style="bold"))
    console.print(table)
    with console.status("reading\x1b[5m"):
        console.print("inside\x00")
    printed = console.file.getvalue()
    assert "\x1b[1m" in printed and "\x1b[?25l" in printed  # bold, the cursor hidden
    assert "red[2J" in printed and "park]0;owneding2J" in printed and "inside" in printed
    assert "\x1b[2J" not in printed and "\x1b]" not in printed and "\x1b[5m" not in printed
    assert not any(c in printed for c in "\x00\x07\x9b")


@pytest.mark.parametrize(
    ("written", "as_listed"),
    [
        (["overlap", "{study}", "-l", "NL"], ["overlap", "{study}", "-l", "nl"]),
        (
            ["table", "{study}", "-k", "Function,TECHNOLOGY"],
            ["table", "{study}", "-k", "function,technology"],
        ),
        (["schema", "--kind", "Search-Log"], ["schema", "--kind", "search-log"]),
    ],
)
def test_a_fixed_choice_is_taken_in_any_case(
    make_study: StudyMaker, written: list[str], as_listed: list[str]
) -> None:
    """``-l NL``, ``--kind Survey``: what the help lists, however it is typed."""
    root = str(make_study())
    outputs = []
    for args in (written, as_listed):
        result = runner.invoke(app, [a.replace("{study}", root) for a in args])
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0]


def test_a_file_name_with_brackets_is_told_whole(tmp_path: Path, make_study: StudyMaker) -> None:
    """rich reads ``[…]`` as markup: ``wrote …`` lost ``[draft]`` from a file's name, and a
    ``[/]`` in it stopped the command after the file was written."""
    folder = tmp_path / "v[/]2 [draft]"  # the folders 'v[' and ']2 [draft]'
    folder.mkdir(parents=True)
    for args in (["table", str(make_study())], ["schema"]):
        target = folder / ("needs.csv" if args[0] == "table" else "schemas")
        result = runner.invoke(app, [*args, "--out", str(target)])
        assert result.exit_code == 0, result.output
        assert f"wrote {target}" in result.output.replace("\n", "")
