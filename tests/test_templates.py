"""Templates: each one initialises into a valid study, with schemas that editors can use."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import init_study, list_templates, load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, TargetExistsError, UsageError
from needmap.personas.modelines import MODELINE
from needmap.scaffold import schema_texts, template_name
from tests.conftest import SURVEY_FIXTURES, write_tree

runner = CliRunner()

TEMPLATES = [t.name for t in list_templates()]


def test_the_promised_templates_exist() -> None:
    infos = {t.name: t for t in list_templates()}
    assert {"gemeente", "zorginstelling", "municipality", "bedrijf", "company", "care"} <= (
        infos.keys()
    )
    assert infos["gemeente"].language == "nl"
    assert infos["care"].language == "en"
    assert (infos["care"].organisation, infos["care"].study_name) == (
        "Linden Care Group",
        "One digital platform for care and wellbeing",
    )
    assert infos["care"].description.startswith(
        "Can one digital platform support employees in their daily work, and also volunteers,"
        " clients"
    )
    assert infos["gemeente"].groups == 9
    assert infos["gemeente"].families == (("Medewerkers", 7), ("Inwoners en ondernemers", 2))
    assert infos["care"].families == (
        ("Employees", 4),
        ("Volunteers", 1),
        ("Clients and relatives", 2),
        ("Prospective clients", 1),
    )
    assert infos["bedrijf"].language == "nl"
    assert infos["company"].language == "en"
    assert infos["zorginstelling"].language == "nl"
    assert infos["municipality"].language == "en"


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_initialises_a_clean_rich_study(template: str, tmp_path: Path) -> None:
    root = tmp_path / template
    init_study(root, template)
    study = load_study(root)
    assert study.warnings == ()
    assert len(study.groups) >= 8
    assert len(study.needs) >= 30
    assert len(study.personas) >= 4
    assert {n.kind for n in study.needs} == {"content", "function", "technology"}
    # real overlaps: needs shared by several groups, and needs only one group has
    shared = [n for n in study.needs if len(n.groups) >= 3]
    single = [n for n in study.needs if len(n.groups) == 1]
    assert len(shared) >= 10
    assert len(single) >= 1
    assert all(g.headcount for g in study.groups)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_yaml_file_starts_with_a_working_modeline(template: str, tmp_path: Path) -> None:
    root = tmp_path / template
    init_study(root, template)
    yaml_files = sorted(root.rglob("*.yaml"))
    assert yaml_files
    for path in yaml_files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE), path
        schema = (path.parent / first.removeprefix(MODELINE)).resolve()
        assert schema.is_file(), f"{path}: modeline points at missing {schema}"


def _check_jsonschema(schema: Path, path: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema (a test dependency, beside this Python) on ``path``, as an editor
    would read it against ``schema``."""
    checker = shutil.which("check-jsonschema") or str(
        Path(sys.executable).parent / "check-jsonschema"
    )
    return subprocess.run(
        [checker, "--schemafile", str(schema), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_files_validate_against_the_json_schema(template: str, tmp_path: Path) -> None:
    root = tmp_path / template
    init_study(root, template)
    for path in sorted(root.rglob("*.yaml")):
        schema = path.parent / path.read_text(encoding="utf-8").splitlines()[0].removeprefix(
            MODELINE
        )
        result = _check_jsonschema(schema, path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_json_schema_rejects_what_the_loader_rejects(tmp_path: Path) -> None:
    schema = tmp_path / "definitions.schema.json"
    schema.write_text(schema_texts()["definitions.schema.json"], encoding="utf-8")
    bad = tmp_path / "needs.yaml"
    bad.write_text("needs:\n  - id: x\n    title: X\n    kind: content\n    titel: oops\n")
    result = _check_jsonschema(schema, bad)
    assert result.returncode == 1
    assert "titel" in result.stdout


def test_the_survey_schema_holds_the_layout_rules_the_loader_checks(tmp_path: Path) -> None:
    """An editor that reads the schema marks what ``validate`` refuses: a LimeSurvey
    mapping without its question or a task's code, a long one without its respondent, a
    forms one without its column, an ms-forms label (or other text of a task) with ';', a
    list of one group. The fixture mappings of every layout pass both, and so do an answer
    for two groups and a task with another text."""
    from needmap.surveys.mapping import load_mapping

    schema = tmp_path / "survey.schema.json"
    schema.write_text(schema_texts()["survey.schema.json"], encoding="utf-8")
    study = load_study(SURVEY_FIXTURES / "study")
    mappings = SURVEY_FIXTURES / "mappings"
    lime, long, forms = (
        (mappings / f"{name}.yaml").read_text(encoding="utf-8")
        for name in ("limesurvey", "long", "ms-forms")
    )
    broken = {
        "no-question": lime.replace("  question: G02Q02\n", "  other: false\n"),
        "no-code": lime.replace(", code: SQ002", ""),
        "no-respondent": long.replace("respondent: respondent\n", ""),
        "no-column": forms.replace("  column: Which tasks", "  # column: Which tasks"),
        "semicolon": forms.replace("label: Book leave,", "label: Book leave; today,"),
        "semicolon-also": forms.replace("label: Book leave,", "label: Book leave, also: [A; B],"),
        "one-in-a-list": forms.replace("Field staff: field", "Field staff: [field]"),
    }
    together = tmp_path / "good" / "together.yaml"
    together.parent.mkdir()
    together.write_text(
        forms.replace("Field staff: field", "Field staff: [field, office]").replace(
            "Office staff: office", "Office staff: [office, field]"
        ),
        encoding="utf-8",
    )
    also = together.parent / "also.yaml"
    also.write_text(forms.replace("label: Book leave,", "label: Book leave, also: [Verlof],"))
    files = [*sorted(mappings.glob("*.yaml")), together, also]
    for name, text in broken.items():
        files.append(tmp_path / f"{name}.yaml")
        files[-1].write_text(text, encoding="utf-8")
    for path in files:
        result = _check_jsonschema(schema, path)
        loads = True
        try:
            load_mapping(path, study)
        except InvalidStudyError:
            loads = False
        good = path.parent in (mappings, together.parent)
        assert (result.returncode == 0) is loads is good, path.name


def test_the_interviews_schema_wants_each_quote_tagged(tmp_path: Path) -> None:
    schema = tmp_path / "interviews.schema.json"
    schema.write_text(schema_texts()["interviews.schema.json"], encoding="utf-8")
    quotes = {
        "needs": "needs: [search]",
        "questions": "questions: [search]",
        "untagged": "needs: []",
        "bare": "",
    }
    for name, tags in quotes.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            f"interviews:\n  - id: a\n    group: desk\n    quotes:\n      - text: Slow.\n"
            f"        {tags}\n",
            encoding="utf-8",
        )
        result = _check_jsonschema(schema, path)
        assert (result.returncode == 0) is (name in ("needs", "questions")), name


def test_schema_texts_are_stable(golden: object) -> None:
    texts = schema_texts()
    assert set(texts) == {
        "study.schema.json",
        "definitions.schema.json",
        "survey.schema.json",
        "interviews.schema.json",
        "search-log.schema.json",
    }
    for name, text in texts.items():
        schema = json.loads(text)
        assert schema["$schema"].endswith("2020-12/schema")
        assert schema["additionalProperties"] is False
        golden(name, text)  # type: ignore[operator]


def test_a_new_study_starts_from_the_municipality_in_dutch_unless_told(tmp_path: Path) -> None:
    """As ``needmap init`` does: the practice the tool comes from is Dutch local government."""
    init_study(tmp_path / "s")
    study = load_study(tmp_path / "s")
    assert (study.settings.language, study.settings.organisation) == (
        "nl",
        "Gemeente Voorbeeldstad",
    )


def test_init_refuses_an_existing_study(tmp_path: Path) -> None:
    init_study(tmp_path / "s", "gemeente")
    before = (tmp_path / "s" / "study.yaml").read_bytes()
    with pytest.raises(TargetExistsError) as raised:
        init_study(tmp_path / "s", "zorginstelling")
    [problem] = raised.value.problems
    assert (problem.location.path, problem.message, problem.hint) == (
        tmp_path / "s",
        "this folder already holds a study",
        "choose a new folder; needmap init never overwrites a study",
    )
    assert (tmp_path / "s" / "study.yaml").read_bytes() == before


def test_init_refuses_to_overwrite_any_file_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "s"
    root.mkdir()
    (root / "groups.yaml").write_text("# my own notes\n")
    with pytest.raises(TargetExistsError, match=r"groups\.yaml"):
        init_study(root, "gemeente")
    assert sorted(p.name for p in root.iterdir()) == ["groups.yaml"]
    assert (root / "groups.yaml").read_text() == "# my own notes\n"


def test_init_into_an_existing_folder_with_other_files(tmp_path: Path) -> None:
    root = tmp_path / "s"
    (root / ".git").mkdir(parents=True)
    (root / ".gitignore").write_text("*.pyc\n")
    written = init_study(root, "municipality")
    assert load_study(root).settings.language == "en"
    assert (root / ".gitignore").read_text() == "*.pyc\n"  # the repository's own, untouched
    assert Path(".gitignore") not in written


def test_a_new_study_ignores_the_reports_that_build_writes_into_it(tmp_path: Path) -> None:
    written = init_study(tmp_path / "s", "company")
    assert Path(".gitignore") in written
    assert (tmp_path / "s" / ".gitignore").read_text() == (
        "# needmap build writes the study's reports here; remove this line to keep them in git.\n"
        "/reports/\n"
    )
    # as git reads it: the reports the study's own folder holds, nothing else
    subprocess.run(["git", "init", "-q", str(tmp_path / "s")], check=True)
    ignored = subprocess.run(
        ["git", "check-ignore", "reports/brief.html", "study.yaml", "x/reports/a.md"],
        cwd=tmp_path / "s",
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.splitlines() == ["reports/brief.html"]


def test_unknown_template_suggests_a_close_one(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        init_study(tmp_path / "s", "gemente")
    assert (raised.value.problems[0].message, raised.value.problems[0].hint) == (
        "unknown template 'gemente'",
        "did you mean 'gemeente'?",
    )
    assert not (tmp_path / "s").exists()
    with pytest.raises(UsageError) as far:  # close to none: all are named
        init_study(tmp_path / "s", "minimal")
    names = ", ".join(t.name for t in list_templates())
    assert far.value.problems[0].hint == f"available: {names}"


def test_a_template_is_named_in_any_case(tmp_path: Path) -> None:
    assert template_name("Gemeente") == "gemeente" and template_name("CARE") == "care"
    init_study(tmp_path / "s", "Zorginstelling")
    assert "Zorggroep De Linde" in (tmp_path / "s" / "study.yaml").read_text(encoding="utf-8")
    said = runner.invoke(app, ["init", str(tmp_path / "t"), "-t", "Company"])
    assert said.exit_code == 0, said.output
    assert " ".join(said.stdout.split()).startswith(
        f"Created a study in {tmp_path / 't'} from template 'company':"
    )


def test_a_template_is_a_folder_of_yaml_and_csv_files_not_hidden_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an editor or a system leaves beside a template's files (a swap file, a
    ``.DS_Store``, a ``_drafts`` folder, a note) is neither a template nor copied into a
    new study; a template's own files below them still are."""
    import needmap.scaffold

    bundled = Path(needmap.scaffold.__file__).parent / "templates"
    root = tmp_path / "templates"
    shutil.copytree(bundled / "care", root / "care")
    beside = (".groups.yaml.swp", "_old/needs.yaml", "notes.txt", ".cache/x.yaml")
    junk = [".DS_Store", "_drafts/care/study.yaml", "README.txt", *(f"care/{n}" for n in beside)]
    write_tree(root, dict.fromkeys(junk, "needs: []\n"))
    own = sorted(
        p.relative_to(bundled / "care").as_posix()
        for p in (bundled / "care").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    monkeypatch.setattr(needmap.scaffold, "_templates_root", lambda: root)
    [info] = list_templates()
    assert (info.name, sorted(info.files)) == ("care", own)
    written = init_study(tmp_path / "s", "care")
    assert sorted(p.as_posix() for p in written if p.parts[0] not in ("schemas", ".gitignore")) == (
        own
    )


def test_every_template_file_is_packaged() -> None:
    """A wheel holds only what package-data names; a template file outside it would be
    missing from a regular install though present in a clone."""
    root = Path(__file__).parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["needmap"]
    package = root / "needmap"
    packaged = {p for pattern in patterns for p in package.glob(pattern)}
    for path in (package / "templates").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path in packaged, path.relative_to(package)
