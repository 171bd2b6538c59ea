"""Files and folders of a study that needmap does not read, though their names say they
hold a part of it: at the top, one named like a part that is missing (``group.yaml``,
``Personas/``, ``groepen.yaml``, ``interview/``, a folder named ``groups.yaml``); in the
study's folders, a YAML file with its suffix in capitals (``content.YAML``).

Without a word about them, what they hold would simply be left out of every report, or
every reference to it be reported as unknown. Names at the top are looked at only where a
part is missing, so that a copy kept beside the real file (``groups-old.yaml``) is no
problem.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from needmap.errors import Location, Problem, Severity
from needmap.personas.messages import closest
from needmap.personas.yamlsource import YAML_SUFFIXES

__all__ = ["Lookalike", "capital_suffixes", "lookalikes"]


@dataclass(frozen=True, slots=True)
class Lookalike:
    """An unread file or folder, what it was most likely meant to be, and where it would be
    read."""

    path: Path
    meant: str
    """The part of the study it holds: a kind of definitions (``groups``) or an evidence
    folder (``interviews``)."""
    place: str
    """Where it is, relative to the study: ``gesprekken``, ``needs/content.YAML``."""
    target: str
    """Where it would be read, relative to the study: ``personas.yaml``, ``interviews``,
    ``interviews/interview.yaml``, ``needs/content.yaml``."""
    message: str
    hint: str

    def described(self) -> str:
        """What is wrong and how to put it right, as the hint of another problem."""
        return f"{self.message}: {self.hint}"

    def warning(self) -> Problem:
        return Problem(Location(self.path), self.message, hint=self.hint, severity=Severity.WARNING)


def _named_like(entry: Path, meant: str, *, as_file: bool) -> Lookalike:
    """``entry`` at the top of a study, named like ``meant``, which is read as a folder of
    that name, and also as ``meant.yaml`` when ``as_file``."""
    name = entry.name
    if not entry.is_dir():
        target = f"{meant}.yaml" if as_file else f"{meant}/{name}"
        hint = f"name it {target}" if as_file else f"move it into the folder {meant}"
        return Lookalike(entry, meant, name, target, f"{name} is not read", hint)
    if entry.suffix in YAML_SUFFIXES:
        message = f"{name} is a folder, so it is not read"
        hint = f"make it a file, or name the folder {meant} (every YAML file in it is read)"
        return Lookalike(entry, meant, name, meant, message, hint)
    return Lookalike(
        entry, meant, name, meant, f"the folder {name} is not read", f"name it {meant}"
    )


def lookalikes(
    root: Path, spellings: Mapping[str, str], *, files: Collection[str] = ()
) -> list[Lookalike]:
    """The YAML files and the folders at the top of ``root`` named like a key of
    ``spellings`` (case ignored, within a typo), each with the name the key stands for, in
    name order. Names that ``spellings`` maps to (``groups``) are read as folders, and also
    as files where ``files`` holds them; those are left out, unless a folder has the name of
    a file (``groups.yaml/``). A file is read only with its suffix in lower case, so
    ``groups.YAML`` is pointed at: Windows and macOS find it as ``groups.yaml``, Linux does
    not, and the study would read differently on each. Hidden entries are left out."""
    found = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        is_folder = entry.is_dir()
        if is_folder and entry.suffix in YAML_SUFFIXES and entry.stem in files:
            found.append(_named_like(entry, entry.stem, as_file=True))
            continue
        if not is_folder and entry.suffix.lower() not in YAML_SUFFIXES:
            continue
        name = entry.name if is_folder else entry.stem
        read = is_folder or (name in files and entry.suffix in YAML_SUFFIXES)
        if name in spellings.values() and read:
            continue
        spelled = closest(name, spellings, ignore_case=True)
        if spelled is not None:
            meant = spellings[spelled]
            found.append(_named_like(entry, meant, as_file=meant in files))
    return found


def capital_suffixes(folder: Path, *, below: bool = False) -> list[Lookalike]:
    """Each file in ``folder`` (and in its folders, with ``below``) whose suffix is YAML's
    in capitals (``content.YAML``, ``ronde-1.Yml``): a file is read only with its suffix in
    lower case, so what it holds would be left out without a word. ``folder`` is one of a
    study's own (``needs``, ``interviews``). Hidden files and folders are left out."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if below else folder.iterdir()
    return [
        Lookalike(
            path,
            folder.name,
            path.relative_to(folder.parent).as_posix(),
            path.with_suffix(path.suffix.lower()).relative_to(folder.parent).as_posix(),
            f"{path.name} is not read",
            f"name it {path.stem}{path.suffix.lower()}",
        )
        for path in sorted(found)
        if path.suffix.lower() in YAML_SUFFIXES
        and path.suffix not in YAML_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and path.is_file()
    ]
