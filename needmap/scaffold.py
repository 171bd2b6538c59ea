"""Study templates, the JSON Schemas of the file formats, and ``init``.

Templates are plain study folders shipped in ``needmap/templates/<name>/``. ``init`` copies one
into a new folder, writes the JSON Schemas into ``schemas/``, and starts every YAML file with a
``yaml-language-server`` modeline pointing at the schema of its kind (study, definitions,
survey mapping, interviews or search log), so editors autocomplete and check the files
offline. This module sits above ``personas`` and ``surveys`` because it writes the formats of
both.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath
from typing import Any

from needmap.errors import Location, Problem, TargetExistsError, UsageError
from needmap.fileio import write_files_new, write_text_atomic
from needmap.personas.loader import STUDY_FILE
from needmap.personas.messages import did_you_mean
from needmap.personas.modelines import (
    DEFINITIONS_SCHEMA,
    INTERVIEWS_SCHEMA,
    SCHEMA_FOLDER,
    SEARCH_LOG_SCHEMA,
    STUDY_SCHEMA,
    SURVEY_SCHEMA,
    modeline,
    study_modeline,
)
from needmap.personas.schema import DefinitionsFile, StudyFile, json_schema
from needmap.personas.yamlsource import read_yaml_text
from needmap.surveys.interviews import INTERVIEW_FOLDER, InterviewsFile
from needmap.surveys.mapping import SurveyMapping
from needmap.surveys.searchlog import SEARCH_FOLDER, SearchLog

__all__ = [
    "SCHEMA_FOLDER",
    "TemplateInfo",
    "add_study_files",
    "init_study",
    "list_templates",
    "outdated_schemas",
    "schema_texts",
    "template_name",
    "with_modeline",
    "write_schemas",
]

GITIGNORE = """\
# needmap build writes the study's reports here; remove this line to keep them in git.
/reports/
"""
"""The .gitignore of a new study, so that a study kept in git holds what people wrote."""


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """What ``needmap templates`` shows about a template."""

    name: str
    language: str
    organisation: str
    study_name: str
    description: str
    files: tuple[str, ...]
    groups: int
    families: tuple[tuple[str, int], ...]
    """Each family's name with how many of the groups belong to it, in the files' order."""


def _templates_root() -> Traversable:
    return resources.files("needmap").joinpath("templates")


def _template_files(folder: Traversable, prefix: str = "") -> dict[str, bytes]:
    """The files of a template folder by relative POSIX path, in a stable order: its YAML,
    and the CSV exports and search logs its evidence reads."""
    files: dict[str, bytes] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir():
            files.update(_template_files(entry, f"{prefix}{entry.name}/"))
        elif entry.name.endswith((".yaml", ".csv")):
            files[f"{prefix}{entry.name}"] = entry.read_bytes()
    return files


def _template_folders() -> list[Traversable]:
    """The bundled templates' folders, by name (a hidden or ``_`` one is none)."""
    return sorted(
        (
            f
            for f in _templates_root().iterdir()
            if f.is_dir() and not f.name.startswith((".", "_"))
        ),
        key=lambda f: f.name,
    )


def list_templates() -> list[TemplateInfo]:
    """All bundled templates, sorted by name."""
    infos = []
    for folder in _template_folders():
        files = _template_files(folder)
        settings = _template_yaml(folder.name, STUDY_FILE, files[STUDY_FILE])
        definitions = [
            _template_yaml(folder.name, relative, data)
            for relative, data in files.items()
            if relative.endswith(".yaml")
            and relative != STUDY_FILE
            and PurePosixPath(relative).parts[0] not in _EVIDENCE_FOLDERS
        ]
        groups = [g for d in definitions for g in d.get("groups", [])]
        per_family = Counter(g.get("family") for g in groups)
        infos.append(
            TemplateInfo(
                name=folder.name,
                language=settings.get("language", "nl"),
                organisation=settings.get("organisation", ""),
                study_name=settings.get("name", ""),
                description=" ".join(str(settings.get("description", "")).split()),
                files=tuple(files),
                groups=len(groups),
                families=tuple(
                    (family["name"], per_family[family["id"]])
                    for d in definitions
                    for family in d.get("families", [])
                ),
            )
        )
    return infos


_EVIDENCE_FOLDERS = ("surveys", INTERVIEW_FOLDER, SEARCH_FOLDER)
"""Folders of a template that hold evidence, not definitions (groups, needs, personas)."""


def _template_yaml(template: str, relative: str, data: bytes) -> dict[str, Any]:
    """A bundled template's YAML file as plain values, read as every study file is read."""
    document = read_yaml_text(data.decode("utf-8-sig"), Path("templates", template, relative))
    return document.data if isinstance(document.data, dict) else {}


def schema_texts() -> dict[str, str]:
    """The JSON Schema files, by file name, as ``needmap schema`` writes them."""
    schemas = {
        STUDY_SCHEMA: json_schema(StudyFile, "needmap study.yaml"),
        DEFINITIONS_SCHEMA: json_schema(
            DefinitionsFile, "needmap definitions (families, groups, needs, personas)"
        ),
        SURVEY_SCHEMA: json_schema(SurveyMapping, "needmap survey mapping (surveys/*.yaml)"),
        INTERVIEWS_SCHEMA: json_schema(InterviewsFile, "needmap interviews (interviews/*.yaml)"),
        SEARCH_LOG_SCHEMA: json_schema(SearchLog, "needmap search log (analytics/*.yaml)"),
    }
    return {name: json.dumps(s, indent=2, ensure_ascii=False) + "\n" for name, s in schemas.items()}


def write_schemas(folder: Path | str) -> list[Path]:
    """Write (or refresh) the JSON Schemas into ``folder``.

    Schema files belong to needmap, not to the user, so refreshing them after an upgrade is
    safe; a file of the same name that is no schema of needmap's (``folder`` may be any) is
    the user's, and is named instead, with nothing written.
    """
    folder = Path(folder)
    texts = schema_texts()
    in_the_way = [
        Problem(
            Location(folder / name),
            f"'{name}' here is not a schema that needmap wrote: needmap does not write over it",
            hint="move or rename the file, or write the schemas into another folder",
        )
        for name in texts
        if (folder / name).exists() and not _is_needmap_schema(folder / name)
    ]
    if in_the_way:
        raise TargetExistsError(in_the_way)
    written = []
    for name, text in texts.items():
        write_text_atomic(folder / name, text)
        written.append(folder / name)
    return written


def _is_needmap_schema(path: Path) -> bool:
    """Whether ``path`` holds a JSON Schema that needmap wrote: its title names needmap."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and str(data.get("title", "")).startswith("needmap ")


def outdated_schemas(root: Path) -> list[str]:
    """The names of the JSON Schemas in the study's ``schemas/`` that needmap wrote and
    that differ from this needmap's. Written by an older needmap, they make the editor
    flag what the study may now hold (a need's ``phase``) and miss what it may not."""
    folder = root / SCHEMA_FOLDER
    outdated = []
    for name, text in schema_texts().items():
        path = folder / name
        if path.is_file() and _is_needmap_schema(path):
            try:
                if path.read_text(encoding="utf-8") != text:
                    outdated.append(name)
            except OSError:  # gone since, or not readable: the editor cannot use it either
                continue
    return outdated


def _schema_of(relative: str) -> str:
    """The JSON Schema file of the study file at ``relative``, by where it stands."""
    parts = PurePosixPath(relative).parts
    if relative == STUDY_FILE:
        return STUDY_SCHEMA
    if parts[0] == "surveys":
        return SURVEY_SCHEMA
    if parts[0] == INTERVIEW_FOLDER:
        return INTERVIEWS_SCHEMA
    if parts[0] == SEARCH_FOLDER:
        return SEARCH_LOG_SCHEMA
    return DEFINITIONS_SCHEMA


def with_modeline(relative: str, data: bytes) -> bytes:
    """``data`` for the study file at ``relative`` (a POSIX path from the study's root),
    starting with the modeline that points editors at the JSON Schema of its kind."""
    return modeline(relative, _schema_of(relative)).encode() + data


def add_study_files(root: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write new YAML files into the study at ``root`` (by POSIX path from it): never over
    one, all or none. Each starts with the schema modeline of its kind where the study has
    that schema (``init`` writes them), so an editor completes and checks it."""
    return write_files_new(
        root,
        {
            relative: study_modeline(root, relative, _schema_of(relative)).encode() + data
            for relative, data in files.items()
        },
    )


def template_name(given: str) -> str:
    """The bundled template ``given`` names, in any case (``Gemeente``); raises
    :class:`~needmap.errors.UsageError` with the nearest names for one that names none."""
    names = [folder.name for folder in _template_folders()]  # no need to read them
    named = next((name for name in names if name.casefold() == given.casefold()), None)
    if named is None:
        raise UsageError.single(
            f"unknown template '{given}'",
            hint=did_you_mean(given, names) or "available: " + ", ".join(names),
        )
    return named


def init_study(target: Path | str, template: str = "gemeente") -> list[Path]:
    """Create a new study in ``target`` from ``template``; never overwrites anything.

    Returns the files written. Raises :class:`~needmap.errors.UsageError` for an unknown
    template and :class:`~needmap.errors.TargetExistsError` when ``target`` already holds a
    study or any file the template would write.
    """
    target = Path(target)
    template = template_name(template)
    if target.exists() and not target.is_dir():
        raise TargetExistsError.single(
            "this is a file, not a folder",
            path=target,
            hint="name a new folder (or an empty one) for the study",
        )
    if (target / STUDY_FILE).exists():
        raise TargetExistsError.single(
            "this folder already holds a study",
            path=target,
            hint="choose a new folder; needmap init never overwrites a study",
        )
    files = {
        name: with_modeline(name, data) if name.endswith(".yaml") else data
        for name, data in _template_files(_templates_root().joinpath(template)).items()
    }
    for name, text in schema_texts().items():
        files[f"{SCHEMA_FOLDER}/{name}"] = text.encode()
    if not (target / ".gitignore").exists():  # a repository's own is left as it is
        files[".gitignore"] = GITIGNORE.encode()
    written = write_files_new(target, files)
    return [Path(os.path.relpath(p, target)) for p in written]
