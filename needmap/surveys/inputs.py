"""The files a study reads, so that no report written with ``--out`` replaces one.

``--out FILE`` replaces an existing file, as writing a report again should. An input is
different: a survey export, a search log or a tally replaced by a report is data the study
loses (the export may be the only copy), and ``--out export.csv`` is an easy slip. Like a
compiler that will not write its output over its source, needmap refuses; and it writes no
report into the folders that hold the study's own files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from needmap.errors import NeedmapError, TargetExistsError, UsageError
from needmap.personas.loader import DEFINITION_FOLDERS
from needmap.personas.yamlsource import read_yaml_file
from needmap.surveys.searchlog import names_several, search_log_files
from needmap.surveys.tables import READABLE
from needmap.surveys.tally import read_tally

__all__ = ["refuse_overwriting_inputs", "refuse_study_folder", "survey_imported_from"]

_OWN_FOLDERS = ("analytics", "interviews", "schemas", "surveys", *DEFINITION_FOLDERS)
"""The study's folders of definitions and evidence: every file in them is the user's, and
a report written into one would be taken for one of them (a ``.json`` in ``surveys/``)."""


def refuse_overwriting_inputs(study_root: Path, out: Path) -> None:
    """Raise :class:`~needmap.errors.TargetExistsError` when ``out`` is in one of the
    study's own folders (``analytics/``, ``interviews/``, ``schemas/``, ``surveys/``, whose
    files are all the user's), or is the export of one of its search logs or the export a
    tally was counted from (by its SHA-256, wherever it lies). Any other file, such as an
    earlier report, may be replaced."""
    root, target = study_root.resolve(), out.resolve()
    what = _input_at(root, target) if target.is_file() else None
    if what is not None:
        raise TargetExistsError.single(
            f"will not write a report over {what}",
            path=out,
            hint="give --out another file name",
        )
    inside = target.relative_to(root).parts if target.is_relative_to(root) else ()
    if inside and inside[0] in _OWN_FOLDERS:
        raise TargetExistsError.single(
            f"will not write a report into the study's own folder {inside[0]}/",
            path=out,
            hint="write it elsewhere, such as the study's reports/ folder",
        )


def refuse_study_folder(study_root: Path, out: Path) -> None:
    """Raise :class:`~needmap.errors.UsageError` when ``out``, the folder for every
    report of a build, is the study's own folder or one of (or inside one of) the folders
    that hold its files: the reports would sit among the user's files, and a build
    removes the reports of an earlier one it no longer makes. The study's ``reports/``,
    or any other folder, will do."""
    root, target = study_root.resolve(), out.resolve()
    if not target.is_relative_to(root):
        return
    inside = target.relative_to(root).parts
    if not inside or inside[0] in _OWN_FOLDERS:
        whose = f"the study's {inside[0]}/" if inside else "the study's"
        raise UsageError.single(
            f"the reports need a folder of their own, not {whose}",
            path=out,
            hint="leave --out out for reports/ in the study, or name another folder",
        )


def _input_at(root: Path, target: Path) -> str | None:
    for log, export in _search_log_exports(root):
        if export == target:
            return f"the export that search log {log} reads"
    survey = survey_imported_from(root, target)
    if survey is not None:
        return f"the export survey '{survey}' was imported from"
    return None


def survey_imported_from(study_root: Path, export: Path) -> str | None:
    """The id of the study's survey whose tally was counted from ``export`` (by its
    SHA-256, wherever it lies), if any: the file is an input of the study, and drafted and
    imported as another survey, its answers would count twice."""
    if export.suffix.lower() not in READABLE:
        return None
    digest = ""
    for tally_file in sorted((study_root / "surveys").glob("*.tally.json")):
        try:
            tally = read_tally(tally_file)
        except NeedmapError:
            continue
        digest = digest or _sha256(export)
        if tally.source_sha256 == digest:
            return tally.survey
    return None


def _sha256(path: Path) -> str:
    """The file's SHA-256, as a tally keeps its export's, read in chunks: the file named
    with ``--out`` may be of any size."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _search_log_exports(root: Path) -> Iterator[tuple[str, Path]]:
    """Each search log's name (its definition's file name) and its exports (those its
    ``file`` pattern matches, or the one it names), as far as the definitions can be read:
    one with errors is reported by ``validate``, not here."""
    for definition in search_log_files(root):
        try:
            file = read_yaml_file(definition).data
        except NeedmapError:
            continue
        name = file.get("file") if isinstance(file, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        if not names_several(name):
            yield definition.name, (definition.parent / name.strip()).resolve()
            continue
        try:  # a log of monthly exports: each is its input
            matched = sorted(definition.parent.glob(name.strip()))
        except (NotImplementedError, ValueError):  # an absolute pattern, told by validate
            continue
        yield from ((definition.name, path.resolve()) for path in matched)
