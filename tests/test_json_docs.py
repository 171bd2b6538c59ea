"""docs/json-output.md against what each ``--json`` command writes for the demo study: every
key the command writes is named in its section, and no key of a section's example is one the
command does not write. The goldens pin the JSON itself; this keeps the page that scripts
are written from true to it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from needmap.cli import app
from tests.conftest import StudyMaker
from tests.documented import REPOSITORY

runner = CliRunner()

ID_KEYED: dict[str, tuple[str, ...]] = {
    "validate": (),
    "overlap": ("needs", "needs.*.importance"),
    "toptasks": ("groups[].shares", "weights"),
    "toptasks --group": (),
    "toptasks --compare": (),
    "personas": ("personas[].interviews.needs", "personas[].surveys[].need_shares"),
    "roadmap": (),
    "why": ("groups", "searches.per_log", "searches.per_export", "searches.per_export.*"),
    "groups list": ("groups[].respondents", "groups[].respondents_shared_with"),
    "survey questions": (),
    "needs list": ("needs[].groups",),
    "phases list": (),
    "status": (),
    "interviews": ("needs[].questions", "needs[].supports"),
    "searches": ("needs[].per_log", "needs[].per_export", "needs[].per_export.*"),
}
"""Each section's maps keyed by the study's ids (groups, needs, tasks, logs, exports) rather
than by names of fields: their keys are compared as ``*``."""


def _sections() -> dict[str, str]:
    """The page's sections by their command (``toptasks --group``), with their text."""
    text = (REPOSITORY / "docs" / "json-output.md").read_text(encoding="utf-8")
    found = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title = section.splitlines()[0].strip("`")
        command = re.sub(r"^needmap | DIR| --json| [A-Z]+\b", "", title)
        found[command] = section
    return found


def _names(section: str, sections: dict[str, str]) -> set[str]:
    """The names of keys a section gives: in code (```problems[].sheet``` names
    ``problems`` and ``sheet``) and in its example, and those of the sections it refers
    to ("as in ``needmap roadmap --json``")."""
    names = set(re.findall(r'"([a-z_]+)":', section))
    prose = re.sub(r"```.*?```", "", section, flags=re.S)
    for code in re.findall(r"`([^`]+)`", prose):
        names.update(re.findall(r"[a-z_]+", code))
    for command in re.findall(r"as in `needmap ([a-z ]+?) --json`", section):
        names |= _names(sections[command], {})
    return names


def _paths(value: Any, wild: tuple[str, ...], at: str = "") -> dict[str, bool]:
    """Every key path in ``value`` (``a.b``, a list's items as ``a[]``, an id-keyed map's
    keys as ``*``), each with whether anything is written below it."""
    found: dict[str, bool] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{at}.{'*' if at in wild else key}" if at else key
            below = _paths(item, wild, path)
            found[path] = found.get(path, False) or bool(below) or item not in (None, [], {})
            found.update({p: found.get(p, False) or b for p, b in below.items()})
    elif isinstance(value, list):
        for item in value:
            below = _paths(item, wild, at + "[]")
            found.update({p: found.get(p, False) or b for p, b in below.items()})
    return found


def _example(section: str) -> Any:
    return json.loads(re.findall(r"```json\n(.*?)```", section, flags=re.S)[0])


def _written(command: str, demo: Path, make_study: StudyMaker, tmp_path: Path) -> Any:
    """What ``needmap COMMAND --json`` prints for the demo study (a broken study for
    ``validate``; for ``roadmap``, since a plan in which one need stood a phase later)."""
    study = str(demo / "study")
    words = {
        "validate": ["validate", str(_broken(make_study))],
        "toptasks --group": ["toptasks", study, "--group", "front-desk"],
        "toptasks --compare": ["toptasks", study, "--compare", "toptasks-2024"],
        "why": ["why", study, "hr-self-service"],
        "survey questions": ["survey", "questions", study, "--survey", "toptasks-2026"],
        "roadmap": ["roadmap", study, "--since", str(_plan_before(study, tmp_path))],
    }.get(command, [*command.split(), study])
    result = runner.invoke(app, [*words, "--json"])
    assert result.exit_code in (0, 2), result.output
    return json.loads(result.stdout)


def _broken(make_study: StudyMaker) -> Path:
    return make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: intranet, title: Intranet, kind: tech, groups: {desk: must}}
                """
        }
    )


def _plan_before(study: str, tmp_path: Path) -> Path:
    """The study's plan as JSON, its first phase's first need moved to the second phase."""
    result = runner.invoke(app, ["roadmap", study, "--json"])
    plan = json.loads(result.stdout)
    first, second = plan["phases"][0], plan["phases"][1]
    second["needs"].insert(0, first["needs"].pop(0))
    path = tmp_path / "plan-before.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", list(ID_KEYED))
def test_the_json_page_names_every_key_and_shows_only_keys_written(
    command: str, demo: Path, make_study: StudyMaker, tmp_path: Path
) -> None:
    section = _sections()[command]
    wild = ID_KEYED[command]
    written = _paths(_written(command, demo, make_study, tmp_path), wild)
    named = _names(section, _sections())
    unnamed = [p for p in written if p.rsplit(".", 1)[-1].removesuffix("[]") not in {*named, "*"}]
    assert not unnamed, f"{command}: keys written but not on the page: {unnamed}"
    # a key the example shows must be written, where the command writes what holds it
    shown = _paths(_example(section), wild)
    for path in shown:
        holder = path.rsplit(".", 1)[0] if "." in path else ""
        holder = holder.removesuffix("[]")
        if path not in written and (not holder or written.get(holder)):
            pytest.fail(f"{command}: the page shows {path}, which is not written")


def test_every_section_of_the_json_page_is_checked() -> None:
    assert set(_sections()) == set(ID_KEYED)
