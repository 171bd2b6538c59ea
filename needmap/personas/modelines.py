"""The first line of a study file that points editors at the JSON Schema of its kind.

``needmap init`` writes the schemas into the study's ``schemas/`` folder and starts each
file with such a line (the YAML language server's modeline), so that an editor completes
and checks what the consultant types. The files needmap adds later (a survey mapping
drafted, interviews recorded) start with it too, wherever the study has that schema.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

__all__ = [
    "DEFINITIONS_SCHEMA",
    "INTERVIEWS_SCHEMA",
    "MODELINE",
    "SCHEMA_FOLDER",
    "SEARCH_LOG_SCHEMA",
    "STUDY_SCHEMA",
    "SURVEY_SCHEMA",
    "modeline",
    "study_modeline",
]

SCHEMA_FOLDER = "schemas"
"""The study's folder of JSON Schemas, at its root."""
STUDY_SCHEMA = "study.schema.json"
DEFINITIONS_SCHEMA = "definitions.schema.json"
SURVEY_SCHEMA = "survey.schema.json"
INTERVIEWS_SCHEMA = "interviews.schema.json"
SEARCH_LOG_SCHEMA = "search-log.schema.json"
MODELINE = "# yaml-language-server: $schema="


def modeline(relative: str, schema: str) -> str:
    """The line that starts the study file at ``relative`` (a POSIX path from the study's
    root), pointing at ``schema`` in the study's schema folder, relative to the file."""
    depth = len(PurePosixPath(relative).parts) - 1
    return MODELINE + "/".join([".."] * depth + [SCHEMA_FOLDER, schema]) + "\n"


def study_modeline(root: Path, relative: str, schema: str) -> str:
    """:func:`modeline` for the study at ``root``, where it has ``schema`` (``init`` writes
    them; a line pointing at no file would only puzzle an editor); else an empty string."""
    return modeline(relative, schema) if (root / SCHEMA_FOLDER / schema).is_file() else ""
