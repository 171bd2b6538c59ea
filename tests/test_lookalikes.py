"""Files and folders at the top of a study that are not read, though named like a part of
it that is missing: each is named, with the name that would be read."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, Severity
from needmap.personas.lookalikes import lookalikes
from needmap.scaffold import init_study
from needmap.surveys.study_check import check_study
from tests.conftest import MINIMAL_STUDY, StudyMaker, write_tree

SPELLINGS = {"groups": "groups", "group": "groups", "interviews": "interviews"}


def _renamed(tmp_path: Path, template: str, renamed: dict[str, str] | None = None) -> Path:
    """A study from ``template`` with some of its files or folders renamed (old -> new)."""
    root = tmp_path / "study"
    init_study(root, template)
    for old, new in (renamed or {}).items():
        (root / old).rename(root / new)
    return root


def test_lookalikes_name_each_unread_file_or_folder_with_what_it_was_meant_to_be(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            "groups.yaml": "",  # read as a file
            "groups/a.yaml": "",  # read as a folder
            "GROUP.yaml": "",
            "Group.yml": "",
            "groups.YAML": "",  # read on Windows, not on Linux
            "grups/a.yaml": "",
            "groups.yml/a.yaml": "",  # a folder with a file's name
            "interviews.yaml": "",  # interviews are read from a folder only
            "interview.txt": "",  # not YAML
            ".group.yaml": "",  # hidden: an editor's
            "notes.yaml": "",
        },
    )
    found = lookalikes(tmp_path, SPELLINGS, files=["groups"])
    assert [(f.path.name, f.meant, f.message, f.hint) for f in found] == [
        ("GROUP.yaml", "groups", "GROUP.yaml is not read", "name it groups.yaml"),
        ("Group.yml", "groups", "Group.yml is not read", "name it groups.yaml"),
        ("groups.YAML", "groups", "groups.YAML is not read", "name it groups.yaml"),
        (
            "groups.yml",
            "groups",
            "groups.yml is a folder, so it is not read",
            "make it a file, or name the folder groups (every YAML file in it is read)",
        ),
        ("grups", "groups", "the folder grups is not read", "name it groups"),
        (
            "interviews.yaml",
            "interviews",
            "interviews.yaml is not read",
            "move it into the folder interviews",
        ),
    ]
    assert [f.target for f in found] == [
        "groups.yaml",
        "groups.yaml",
        "groups.yaml",
        "groups",
        "groups",
        "interviews/interviews.yaml",
    ]
    assert found[1].described() == "Group.yml is not read: name it groups.yaml"
    warning = found[4].warning()
    assert (warning.location.path, warning.location.line) == (tmp_path / "grups", None)
    assert warning.severity is Severity.WARNING and warning.hint == "name it groups"


def test_a_misnamed_personas_file_is_a_warning_only_while_no_persona_is_read(
    make_study: StudyMaker,
) -> None:
    root = make_study({"personas.yaml": None, "persona.yaml": MINIMAL_STUDY["personas.yaml"]})
    study = load_study(root)
    assert [(p.format(), p.hint) for p in study.warnings] == [
        (f"{root / 'persona.yaml'}: warning: persona.yaml is not read", "name it personas.yaml"),
    ]
    (root / "personas.yaml").write_text(MINIMAL_STUDY["personas.yaml"])
    assert load_study(root).warnings == ()


def test_groups_of_a_family_in_a_misnamed_file_are_still_errors(make_study: StudyMaker) -> None:
    """A group's family must be defined, or the reports could not draw its circle: the
    warning only says where the families most likely are."""
    groups = "groups:\n  - {id: desk, name: Front desk, family: staff}\n"
    root = make_study(
        {
            "groups.yaml": groups + "  - {id: field, name: Field staff}\n",
            "family.yaml": "families:\n  - {id: staff, name: Staff}\n",
        }
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [(p.format(), p.severity) for p in raised.value.problems] == [
        (f"{root / 'family.yaml'}: warning: family.yaml is not read", Severity.WARNING),
        (
            f"{root / 'groups.yaml'}:2:42: groups[0].family: unknown family 'staff'",
            Severity.ERROR,
        ),
    ]


@pytest.mark.parametrize(
    ("folder", "misnamed", "meant"),
    [
        ("interviews", "gesprekken", "interviews"),
        ("interviews", "Interviews", "interviews"),
        ("analytics", "searches", "analytics"),
        ("surveys", "survey", "surveys"),
    ],
)
def test_a_misnamed_evidence_folder_is_a_warning(
    tmp_path: Path, folder: str, misnamed: str, meant: str
) -> None:
    root = _renamed(tmp_path, "municipality", {folder: misnamed})
    checked = check_study(root)
    assert checked.study is not None
    assert [(p.format(), p.hint) for p in checked.problems] == [
        (f"{root / misnamed}: warning: the folder {misnamed} is not read", f"name it {meant}"),
    ]


def test_an_evidence_file_beside_its_folder_is_no_problem(tmp_path: Path) -> None:
    """A file of interviews at the top, where the study has its interviews folder, may be
    notes or a copy: the interviews are read."""
    root = _renamed(tmp_path, "municipality")
    (root / "interview.yaml").write_text("interviews: []\n")
    assert check_study(root).problems == ()
    (root / "interviews").rename(root / "archive")
    assert [p.format() for p in check_study(root).problems] == [
        f"{root / 'interview.yaml'}: warning: interview.yaml is not read",
    ]


def test_an_evidence_folder_beside_its_folder_is_a_warning_when_it_holds_yaml(
    tmp_path: Path,
) -> None:
    """The template's interviews/ and the consultant's own gesprekken/ beside it: the
    interviews in gesprekken/ would be left out; an empty survey/ (or one of notes) is
    nothing to tell."""
    root = _renamed(tmp_path, "gemeente")
    (root / "survey").mkdir()
    (root / "survey" / "notes.txt").write_text("to do\n")
    (root / "gesprekken" / "mei").mkdir(parents=True)
    # the folder itself by another name, as macOS finds Interviews/ for interviews/
    (root / "Interviews").symlink_to(root / "interviews", target_is_directory=True)
    assert check_study(root).problems == ()
    (root / "gesprekken" / "mei" / "ronde-2.YML").write_text("interviews: []\n")
    assert [(p.format(), p.hint) for p in check_study(root).problems] == [
        (
            f"{root / 'gesprekken'}: warning: the folder gesprekken is not read",
            "move its YAML files into the folder interviews",
        )
    ]


def test_validate_shows_the_warning_and_passes_unless_strict(tmp_path: Path) -> None:
    root = _renamed(tmp_path, "gemeente", {"interviews": "gesprekken"})
    runner = CliRunner()
    shown = runner.invoke(app, ["validate", str(root)])
    assert shown.exit_code == 0
    assert shown.stderr.splitlines() == [
        f"{root / 'gesprekken'}: warning: the folder gesprekken is not read",
        "    hint: name it interviews",
    ]
    assert runner.invoke(app, ["validate", str(root), "--strict"]).exit_code == 2


def test_a_yaml_file_with_its_suffix_in_capitals_is_pointed_at(tmp_path: Path) -> None:
    """Saved as ``content.YAML``, a file of needs would be left out without a word."""
    root = _renamed(tmp_path, "municipality")
    write_tree(
        root,
        {
            "needs/content.YAML": "needs: []\n",
            "needs/more/tech.Yml": "needs: []\n",
            "needs/.old/x.YAML": "",  # hidden: an editor's
            "needs/notes.TXT": "",  # not YAML
            "needs/v2.YAML/read.yaml": "needs: []\n",  # a folder so named: its files are read
            "interviews/round-2.YAML": "interviews: []\n",
            "interviews/2027/round-3.yml": "interviews: []\n",
            "interviews/2027/round-4.YAML": "interviews: []\n",
            "surveys/pilot.YAML": "",
            "surveys/old/s.YAML": "",  # below the survey folder: not read either way
            "analytics/log.YML": "",
        },
    )
    assert [(p.format(), p.hint) for p in check_study(root).problems] == [
        (f"{root / 'analytics/log.YML'}: warning: log.YML is not read", "name it log.yml"),
        (
            f"{root / 'interviews/2027/round-4.YAML'}: warning: round-4.YAML is not read",
            "name it round-4.yaml",
        ),
        (
            f"{root / 'interviews/round-2.YAML'}: warning: round-2.YAML is not read",
            "name it round-2.yaml",
        ),
        (
            f"{root / 'needs/content.YAML'}: warning: content.YAML is not read",
            "name it content.yaml",
        ),
        (f"{root / 'needs/more/tech.Yml'}: warning: tech.Yml is not read", "name it tech.yml"),
        (
            f"{root / 'surveys/pilot.YAML'}: warning: pilot.YAML is not read",
            "name it pilot.yaml",
        ),
    ]


def test_a_command_that_finds_no_survey_mapping_says_where_it_most_likely_is(
    tmp_path: Path,
) -> None:
    root = _renamed(tmp_path, "municipality", {"surveys": "survey"})
    runner = CliRunner()
    refused = runner.invoke(app, ["toptasks", str(root)])
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        f"{root / 'surveys'}: the study has no survey mapping",
        "    hint: the folder survey is not read: name it surveys",
    ]
    (root / "survey").rename(root / "surveys")
    (root / "surveys" / "toptasks.yaml").rename(root / "surveys" / "toptasks.YAML")
    refused = runner.invoke(app, ["survey", "import", str(root), "export.csv"])
    assert refused.exit_code == 2
    hint = refused.stderr.splitlines()[1]
    assert hint == "    hint: toptasks.YAML is not read: name it toptasks.yaml"


def test_the_interview_and_search_reports_say_where_their_evidence_most_likely_is(
    tmp_path: Path,
) -> None:
    unread = {"interviews": "gesprekken", "analytics/zoeken.yaml": "analytics/zoeken.YML"}
    root = _renamed(tmp_path, "gemeente", unread)
    runner = CliRunner()
    wide = {"COLUMNS": "200"}
    said = runner.invoke(app, ["interviews", str(root), "-l", "en"], env=wide)
    assert said.exit_code == 0 and said.stdout.splitlines() == [
        "No interviews in interviews/ yet: needmap does not read gesprekken, which it would "
        "as interviews."
    ]
    said = runner.invoke(app, ["searches", str(root)], env=wide)
    assert said.exit_code == 0 and said.stdout.splitlines() == [
        "Nog geen zoeklogs in analytics/: needmap leest analytics/zoeken.YML niet, wel als "
        "analytics/zoeken.yml."
    ]
