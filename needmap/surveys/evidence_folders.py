"""A study's evidence folders (interviews, surveys, search logs) as they may be misnamed:
the files and folders named like one the study does not have, and the YAML files in them
whose suffix is in capitals. Each is left out of every report without a word; ``validate``
warns of them, ``status`` asks to move them, and a command that finds no evidence says
where it most likely is."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from needmap.personas.lookalikes import Lookalike, capital_suffixes, lookalikes
from needmap.personas.yamlsource import YAML_SUFFIXES
from needmap.surveys.interviews import INTERVIEW_FOLDER
from needmap.surveys.mapping import SURVEY_FOLDER
from needmap.surveys.searchlog import SEARCH_FOLDER

__all__ = ["evidence_lookalikes", "evidence_suffixes", "unread_evidence"]

_EVIDENCE_SPELLINGS = {
    **{INTERVIEW_FOLDER: INTERVIEW_FOLDER, "interview": INTERVIEW_FOLDER},
    **{SURVEY_FOLDER: SURVEY_FOLDER, "survey": SURVEY_FOLDER},
    **{SEARCH_FOLDER: SEARCH_FOLDER, "searches": SEARCH_FOLDER, "search-logs": SEARCH_FOLDER},
    **{"gesprekken": INTERVIEW_FOLDER, "enquetes": SURVEY_FOLDER, "zoeklogs": SEARCH_FOLDER},
}
"""What a folder of evidence may be called by mistake: in the singular, by what it holds,
or in Dutch (the names are English in a Dutch study too)."""


def evidence_lookalikes(root: Path) -> list[Lookalike]:
    """The folders and YAML files at the top of the study that look like an evidence folder
    (``interview/``, ``Surveys/``, ``gesprekken/``): its interviews, survey or search logs
    would be left out of every report without a word. Beside the folder itself (a template's
    ``interviews/``, and the consultant's own ``gesprekken/``), a folder counts when it
    holds YAML files, which are then to be moved in (not one that is the folder itself, as
    a file system that ignores case finds ``Surveys/`` for ``surveys/``); a file there may
    be notes or a copy, and does not count."""
    found = []
    for lookalike in lookalikes(root, _EVIDENCE_SPELLINGS):
        real = root / lookalike.meant
        if not real.is_dir():
            found.append(lookalike)
        elif (
            lookalike.path.is_dir()
            and not real.samefile(lookalike.path)
            and _holds_yaml(lookalike.path)
        ):
            hint = f"move its YAML files into the folder {lookalike.meant}"
            found.append(replace(lookalike, hint=hint))
    return found


def _holds_yaml(folder: Path) -> bool:
    """Whether ``folder`` or a folder in it holds a YAML file (a suffix in any case)."""
    return any(p.suffix.lower() in YAML_SUFFIXES for p in folder.rglob("*") if p.is_file())


def evidence_suffixes(root: Path) -> list[Lookalike]:
    """The YAML files in the evidence folders with their suffix in capitals."""
    return [
        *capital_suffixes(root / INTERVIEW_FOLDER, below=True),
        *capital_suffixes(root / SURVEY_FOLDER),
        *capital_suffixes(root / SEARCH_FOLDER),
    ]


def unread_evidence(root: Path, folder: str) -> list[Lookalike]:
    """What of ``folder`` (``interviews``, ``surveys``, ``analytics``) the study in ``root``
    holds but does not read: a folder or file named like it, YAML files in it with their
    suffix in capitals. What a command that finds no evidence of the kind points at."""
    found = [*evidence_lookalikes(root), *evidence_suffixes(root)]
    return [unread for unread in found if unread.meant == folder]
