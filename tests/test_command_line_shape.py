"""A command line the parser refuses is said as needmap's other problems are: what was
given, what is wrong, and a hint with the line put right or what to choose from; exit 2,
no usage line. (The parser refuses these before any study is looked for.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from needmap.cli import app
from tests.conftest import StudyMaker, run_needmap
from tests.days import TODAY, on_either_day

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["bulid", "gem"],
            "bulid: not a command of needmap\n"
            "    hint: did you mean build? (needmap -h says what each command does)",
        ),
        (["xyzzy"], "xyzzy: not a command of needmap\n    hint: needmap -h lists the commands"),
        (["help"], "help: not a command of needmap\n    hint: needmap -h lists the commands"),
        (
            ["help", "build"],
            "help: not a command of needmap\n"
            "    hint: needmap build -h says what it does and what it takes",
        ),
        (
            ["groups", "help", "merge"],
            "help: not a command of needmap groups\n"
            "    hint: needmap groups merge -h says what it does and what it takes",
        ),
        (
            ["version"],
            "version: not a command of needmap\n    hint: did you mean needmap --version?",
        ),
        (
            ["groups", "lst", "gem"],
            "lst: not a command of needmap groups\n"
            "    hint: did you mean list? (needmap groups -h says what each command does)",
        ),
        (
            ["build", "gem", "--ot", "site"],
            "--ot: not an option of needmap build\n"
            "    hint: did you mean --out? (needmap build -h says what each option does)",
        ),
        (
            ["toptasks", "gem", "--lang", "nl"],
            "--lang: not an option of needmap toptasks\n"
            "    hint: did you mean --language? (needmap toptasks -h says what each option does)",
        ),
        (
            ["build", "gem", "--foo"],
            "--foo: not an option of needmap build\n"
            "    hint: its options are --out, --pdf, --since, --watch and --language "
            "(needmap build -h says what each does)",
        ),
        (
            ["toptasks", "gem", "-j"],
            "-j: not an option of needmap toptasks\n"
            "    hint: its options are --survey, --compare, --group, --weighted, --coverage, "
            "--top and 4 more (needmap toptasks -h says what each does)",
        ),
        (
            ["validate", "gem", "--all"],
            "--all: not an option of needmap validate\n"
            "    hint: its options are --json and --strict "
            "(needmap validate -h says what each does)",
        ),
        (
            ["--all"],
            "--all: not an option of needmap\n"
            "    hint: its options are --version (needmap -h says what each does)",
        ),
        (
            ["templates", "--all"],
            "--all: not an option of needmap templates\n"
            "    hint: needmap templates takes no options but -h (help)",
        ),
        (
            ["--verison"],
            "--verison: not an option of needmap\n"
            "    hint: did you mean --version? (needmap -h says what each option does)",
        ),
    ],
)
def test_a_command_or_option_that_is_not_there_is_named_with_the_one_meant(
    args: list[str], said: str
) -> None:
    """click said "No such command 'bulid'. Did you mean 'build', 'guide'?" and "No such
    option: --foo (Possible options: --out, --pdf)", each under a usage line."""
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["toptasks", "gem", "--top"],
            "--top: no value after it\n"
            "    hint: give a whole number of 1 or more, such as --top 20 (the default)",
        ),
        (
            ["toptasks", "gem", "--coverage"],
            "--coverage: no value after it\n"
            "    hint: give a share above 0 and up to 1, such as --coverage 0.75 (the default), "
            "or a percentage: --coverage 75%",
        ),
        (
            ["serve", "gem", "-p"],
            "-p: no value after it\n"
            "    hint: give a whole number from 0 to 65535, such as -p 8000 (the default)",
        ),
        (
            ["guide", "gem", "--date"],
            f"--date: no value after it\n    hint: write it as YYYY-MM-DD, such as --date {TODAY}",
        ),
        (
            ["table", "gem", "--out"],
            "--out: no value after it\n"
            "    hint: give its value after it: --out FILE (file to write)",
        ),
        (
            ["build", "gem", "--out"],
            "--out: no value after it\n"
            "    hint: give its value after it: --out DIR (folder to write the reports into)",
        ),
        (
            ["toptasks", "gem", "--chart"],
            "--chart: no value after it\n"
            "    hint: give its value after it: --chart <neck|groups> (chart for --out .png/.svg)",
        ),
        (
            ["groups", "merge", "gem", "desk", "field", "--into"],
            "--into: no value after it\n"
            "    hint: give its value after it: --into <id> (the merged group)",
        ),
        (
            ["--version=1"],
            "--version=1: --version is a switch and takes no value\n"
            "    hint: write --version alone",
        ),
        (
            ["status", "gem", "--json=yes"],
            "--json=yes: --json is a switch and takes no value\n    hint: write --json alone",
        ),
        (
            ["toptasks", "gem", "--weighted=1"],
            "--weighted=1: --weighted is a switch and takes no value\n"
            "    hint: write --weighted or --unweighted alone",
        ),
    ],
)
def test_an_option_s_value_missing_or_given_to_a_switch_says_what_to_write(
    args: list[str], said: str
) -> None:
    """click said "Option '--top' requires an argument." and "Option '--json' does not take
    a value."; the first without even a usage line to go by."""
    before = date.today()
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr in on_either_day(said + "\n", before, date.today())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["groups", "merge", "gem", "desk", "front desk"],
            "needmap groups merge: give --into, the merged group\n"
            "    hint: needmap groups merge gem desk 'front desk' --into <id>",
        ),
        (
            ["groups", "split", "gem", "desk", "--name", "A"],
            "needmap groups split: give --into, id of a part\n"
            "    hint: needmap groups split gem desk --name A --into <id>",
        ),
    ],
)
def test_an_option_the_command_needs_is_asked_for_with_the_line_to_complete(
    args: list[str], said: str
) -> None:
    """typer said "Missing option '--into'." under a usage line."""
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["build", "gem", "--out", "--pdf"],
            "--out: no value after it\n"
            "    hint: give its value after it: --out DIR (folder to write the reports into); "
            "--pdf is an option of its own",
        ),
        (
            ["toptasks", "gem", "--top", "--json"],
            "--top: no value after it\n"
            "    hint: give a whole number of 1 or more, such as --top 20 (the default); "
            "--json is an option of its own",
        ),
        (
            ["groups", "merge", "gem", "desk", "field", "--into", "-h"],
            "--into: no value after it\n"
            "    hint: give its value after it: --into <id> (the merged group); "
            "-h is an option of its own",
        ),
        (
            ["why", "gem", "search", "--out", "--help"],
            "--out: no value after it\n"
            "    hint: give its value after it: --out FILE (file to write); "
            "--help is an option of its own",
        ),
    ],
)
def test_an_option_followed_by_another_has_no_value(
    args: list[str], said: str, make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click took the second option for the first's value: `needmap build gem --out --pdf`
    wrote the reports into a folder named --pdf."""
    study = make_study()
    monkeypatch.chdir(study.parent)
    args = [study.name if word == "gem" else word for word in args]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"
    assert sorted(path.name for path in study.parent.iterdir()) == [study.name]
    assert not (study / "reports").exists()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["init", ""],
            "needmap init DIR: an empty word ('')\n    hint: give DIR: new folder for the study",
        ),
        (
            ["build", "gem", "--out="],
            "--out: an empty value\n"
            "    hint: give its value after it: --out DIR (folder to write the reports into)",
        ),
        (
            ["build", "gem", "--out", ""],
            "--out: an empty value\n"
            "    hint: give its value after it: --out DIR (folder to write the reports into)",
        ),
        (
            ["build", "--", ""],
            "needmap build DIR: an empty word ('')\n    hint: give DIR: folder of the study",
        ),
        (
            ["survey", "import", "gem", "", "--strict"],
            "needmap survey import EXPORT: an empty word ('')\n"
            "    hint: give EXPORT: the survey tool's export",
        ),
        (
            ["survey", "import", "", "export.csv"],
            "needmap survey import DIR: an empty word ('')\n"
            "    hint: give DIR: folder of the study",
        ),
        (
            ["survey", "import", "--mapping", "m.yaml", "", "export.csv"],
            "needmap survey import DIR: an empty word ('')\n"
            "    hint: give DIR: folder of the study",
        ),
        (
            ["status", "gem", ""],
            "needmap status takes DIR, and '' is left over\n"
            "    hint: needmap status -h says what it takes",
        ),
        (
            ["status", "gem", "--reports="],
            "--reports: an empty value\n"
            "    hint: give its value after it: --reports DIR (the folder the reports were "
            "built into)",
        ),
        (["", "gem"], "'': not a command of needmap\n    hint: needmap -h lists the commands"),
    ],
)
def test_an_empty_word_is_refused_where_it_would_name_this_folder(
    args: list[str], said: str, make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty word for a path (a script's variable left empty) was taken for the folder
    one is in: `needmap init ""` made its study there and `--out ""` wrote forty reports
    into it. (An empty need, group or kind is refused where it is looked up.)"""
    study = make_study()
    monkeypatch.chdir(study)
    before = sorted(path.name for path in study.iterdir())
    args = ["." if word == "gem" else word for word in args]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"
    assert sorted(path.name for path in study.iterdir()) == before


def test_after_the_double_dash_words_that_look_like_options_are_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``needmap why -- --out --json``: the study's folder is ``--out``, not an option
    without its value."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["why", "--", "--out", "--json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("--out: no such folder\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["overlap", "a", "b", "c"],
            "needmap overlap takes DIR, and b c are left over\n"
            "    hint: needmap overlap -h says what it takes",
        ),
        (
            ["why", "gem", "search", "intranet"],
            "needmap why takes DIR NEED, and intranet is left over\n"
            "    hint: needmap why -h says what it takes",
        ),
        (
            ["table", "gem", "needs.xlsx", "--kind", "content"],
            "needmap table takes DIR, and needs.xlsx is left over\n"
            "    hint: to write it there: needmap table gem --out needs.xlsx --kind content",
        ),
        (
            ["build", "gem", "site"],
            "needmap build takes DIR, and site is left over\n"
            "    hint: to write it there: needmap build gem --out site",
        ),
        (
            ["table", "gem", "needs.docx"],
            "needmap table takes DIR, and needs.docx is left over\n"
            "    hint: needmap table -h says what it takes",
        ),
        (
            ["groups", "rename", "gem", "desk", "balie", "front-desk"],
            "needmap groups rename takes DIR GROUP NEW-ID, and front-desk is left over\n"
            "    hint: needmap groups rename -h says what it takes",
        ),
        (
            ["templates", "gemeente"],
            "needmap templates takes no arguments, and gemeente is left over\n"
            "    hint: needmap templates -h says what it takes",
        ),
    ],
)
def test_words_left_over_are_named_with_what_the_command_takes(
    args: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click said "Got unexpected extra argument(s) (b c)". A word that names a folder
    alone is no name split at a space."""
    for word in args[1:]:
        if not word.startswith("-"):
            (tmp_path / word).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.stderr == said + "\n"


def test_a_name_with_a_space_not_in_quotes_gets_the_line_with_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A study folder named by its organisation is common; the shell splits its name."""
    (tmp_path / "Gemeente Voorbeeldstad").mkdir()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["why", "Gemeente", "Voorbeeldstad", "search"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "needmap why takes DIR NEED, and search is left over",
        "    hint: a name with a space goes in quotes: needmap why 'Gemeente Voorbeeldstad' search",
    ]


def test_a_name_with_a_space_in_a_subprocess(tmp_path: Path) -> None:
    (tmp_path / "My Study").mkdir()
    refused = run_needmap("status", "My", "Study", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "needmap status takes DIR, and Study is left over",
        "    hint: a name with a space goes in quotes: needmap status 'My Study'",
    ]


def test_every_argument_is_shown_as_the_messages_and_the_readme_write_it() -> None:
    """The help's usage line, the hints' command lines and the README write a study's
    folder as DIR and other arguments in capitals: typer showed {folder} and {need}."""
    import typer

    root = typer.main.get_command(app)
    seen = set()

    def arguments(command: Any) -> Iterator[Any]:
        for sub in getattr(command, "commands", {}).values():
            yield from arguments(sub)
        yield from (p for p in command.params if p.param_type_name == "argument")

    for argument in arguments(root):
        seen.add(argument.metavar)
        assert re.fullmatch(r"[A-Z][A-Z-]*", argument.metavar or ""), argument.name
        if argument.name in ("folder", "out"):  # a study's folder; the demo's
            assert argument.metavar == "DIR"
    assert seen == {"DIR", "EXPORT", "GROUP", "GROUPS", "NEED", "NEEDS", "NEW-ID", "PHASE", "SHEET"}
    usage = runner.invoke(app, ["groups", "rename", "-h"]).stdout.splitlines()[0]
    assert usage == "Usage: needmap groups rename [OPTIONS] {DIR} {GROUP} {NEW-ID}"
