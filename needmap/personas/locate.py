"""Where a study is: what to tell a user whose path holds none, and which study a command
given no folder at all most likely meant.

A study is a folder with a ``study.yaml``. Users get there wrong in a few common ways — the
reports folder inside a study, the demo's ``out/demo`` whose study is in ``out/demo/study``,
a name misspelt, the ``study.yaml`` itself, a study file misnamed (``study.yml``), or
nothing at all — and each gets a hint that names the folder or file meant, written the way
the user wrote the path (relative stays relative).
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from pathlib import Path

from needmap.errors import NotAStudyError, first_of
from needmap.personas.messages import closest
from needmap.personas.yamlsource import YAML_SUFFIXES
from needmap.shell import command_word

__all__ = [
    "STUDY_FILE",
    "is_study",
    "not_a_study",
    "studies_below",
    "studies_meant",
    "unfinished_study_hint",
]

STUDY_FILE = "study.yaml"

_DEPTH = 3
"""How deep :func:`studies_below` looks: the demo's study is three folders down
(``out/demo/study``) from where ``needmap demo out/demo`` was run."""
_FOLDERS_LOOKED_IN = 200
"""How many folders :func:`studies_below` opens at most, so that a home folder or a large
checkout answers at once; a study further away is not hinted at."""
_ENTRIES_PER_FOLDER = 1000


def is_study(folder: Path) -> bool:
    """Whether ``folder`` holds a study (its ``study.yaml``); a path the system refuses (a
    name too long) holds none."""
    try:
        return (folder / STUDY_FILE).is_file()
    except OSError:
        return False


def not_a_study(root: Path) -> NotAStudyError:
    """The error for a ``root`` that holds no study, with a hint at the study the user
    most likely meant: the folder above (``gem/reports`` for ``gem``), one below (the
    demo's ``out/demo/study``), one spelled nearly the same beside it, or the study file's
    own folder when the file was given. Only when none is found does it offer ``init``."""
    create = f"create a study with: needmap init {command_word(root)} --template gemeente"
    if root.is_file():
        folder = root.parent
        if is_study(folder):
            hint = f"give the study's folder instead: {command_word(folder)}"
        else:
            hint = "give the folder that holds the study's study.yaml"
        return NotAStudyError.single("this is a file, not a study folder", path=root, hint=hint)
    above = _study_above(root)
    inside = (
        f"it is inside the study in {command_word(above)}: give that folder instead"
        if above is not None
        else ""
    )
    if root.is_symlink() and not root.is_dir():  # leads nowhere, or back into itself
        return NotAStudyError.single(
            "this symbolic link leads to no folder",
            path=root,
            hint="point the link at the study's folder, or give that folder",
        )
    if not root.is_dir():
        beside = studies_below(root.parent, depth=1)
        match = closest(root.name, [folder.name for folder in beside])
        hint = f"did you mean {command_word(root.parent / match)}?" if match else inside or create
        return NotAStudyError.single("no such folder", path=root, hint=hint)
    message = f"this folder has no {STUDY_FILE}, so it is not a needmap study"
    if inside:
        return NotAStudyError.single(message, path=root, hint=inside)
    unfinished = unfinished_study_hint(root)
    if unfinished is not None:
        return NotAStudyError.single(message, path=root, hint=unfinished)
    below = studies_below(root)
    if len(below) == 1:
        hint = f"the study is in {command_word(below[0])}: give that folder instead"
        return NotAStudyError.single(message, path=root, hint=hint)
    if below:
        named = first_of([command_word(folder) for folder in below])
        hint = f"it holds the studies {named}: give one of them instead"
        return NotAStudyError.single(message, path=root, hint=hint)
    return NotAStudyError.single(message, path=root, hint=create.replace("a study", "one"))


def unfinished_study_hint(folder: Path) -> str | None:
    """What to do with a ``folder`` that holds a study but not its study file: name the
    file that looks like it (``study.yml``) as it is read, or add one beside the study's
    other files. None for a folder with no sign of a study. ``init`` would not help: it
    refuses to write over those files."""
    misnamed = _misnamed_study_file(folder)
    if misnamed is not None:
        return f"{misnamed} is not read: name it {STUDY_FILE}"
    defined = [name for name in _DEFINED_BESIDE if (folder / name).exists()]
    if defined:
        return (
            f"add the study's {STUDY_FILE} beside its {defined[0]}, with 'name:', "
            "'organisation:' and 'language:' (see docs/study-format.md)"
        )
    return None


_STUDY_NAMES = ("study", "studie")
_DEFINED_BESIDE = ("groups.yaml", "needs.yaml", "groups", "needs")
"""Files and folders that only a study holds: a folder with them but no study file is a
study whose study file is missing, where ``init`` would refuse to write over them."""


def _misnamed_study_file(root: Path) -> str | None:
    """The name of a YAML file in ``root`` that looks like its study file (``study.yml``,
    ``Study.yaml``, ``studie.yaml``), which is read only as ``study.yaml``."""
    try:
        entries = sorted(itertools.islice(root.iterdir(), _ENTRIES_PER_FOLDER))
    except OSError:
        return None
    for entry in entries:
        if (
            entry.suffix.lower() in YAML_SUFFIXES
            and entry.name != STUDY_FILE
            and closest(entry.stem, _STUDY_NAMES, ignore_case=True) is not None
            and entry.is_file()
        ):
            return entry.name
    return None


def studies_meant(folder: Path) -> list[Path]:
    """The studies a command given no study's folder could mean, nearest first, when run
    in ``folder``: ``folder`` itself when it is a study, the study it is inside (``..``),
    else the studies below it (:func:`studies_below`)."""
    if is_study(folder):
        return [folder]
    above = _study_above(folder)
    if above is not None:
        return [above]
    return studies_below(folder)


def studies_below(folder: Path, depth: int = _DEPTH) -> list[Path]:
    """The study folders below ``folder``, at most ``depth`` levels down, nearest first
    and by name; hidden folders, Python packages (needmap's own templates, in a clone of
    it) and the inside of a study are not looked in, nor a folder that cannot be read."""
    found: list[Path] = []
    waiting: deque[tuple[Path, int]] = deque([(folder, 0)])
    opened = 0
    while waiting and opened < _FOLDERS_LOOKED_IN:
        here, level = waiting.popleft()
        opened += 1
        for entry in _subfolders(here):
            if is_study(entry):
                found.append(entry)
            elif level + 1 < depth and not (entry / "__init__.py").is_file():
                waiting.append((entry, level + 1))
    return found


def _subfolders(folder: Path) -> list[Path]:
    """The folders directly in ``folder`` that are not hidden, by name; none when it cannot
    be read. A folder of thousands of entries is looked through only so far."""
    try:
        entries = sorted(itertools.islice(folder.iterdir(), _ENTRIES_PER_FOLDER))
        return [entry for entry in entries if not entry.name.startswith(".") and entry.is_dir()]
    except OSError:
        return []


def _study_above(root: Path) -> Path | None:
    """The study ``root`` is inside, written the way ``root`` was given (``gem`` for
    ``gem/reports``), else from the working folder (``..`` for ``.`` inside a study), or
    absolute when ``root`` is."""
    # absolute(), not resolve(): a link is looked at where it is given, a loop is no error
    absolute = root.absolute()
    above = next((f for f in absolute.parents if is_study(f)), None)
    if above is None:
        return None
    for candidate in root.parents:
        if candidate.absolute() == above:
            return candidate
    return above if root.is_absolute() else Path(os.path.relpath(above))
