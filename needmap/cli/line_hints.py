"""Hints for a command line in the wrong shape, each with the line put right: a study's
folder named before the command (``needmap gem build``), given after another argument
(``needmap why search gem``), or left out (``needmap build``), another argument left
out (``needmap why gem``), and a file given where a folder goes or the other way round
(``needmap table gem --out gem``).

typer alone answers these with "No such command 'gem'", "Missing argument 'folder'" or a
problem with the wrong word; a user new to the tool learns more from the line they meant.
"""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer

from needmap.errors import NeedmapError, NotAStudyError, Problem, UsageError, first_of
from needmap.personas.locate import is_study, studies_meant, unfinished_study_hint
from needmap.personas.messages import closest, files_in
from needmap.shell import command_word

_LISTED = {"need": "needs", "needs": "needs", "group": "groups", "groups": "groups"}
"""Arguments that name a study's needs or groups, by name, and the kind of item they name:
their hint lists the study's ids."""
_TABLES = ("export", "sheet")
"""Arguments that name a survey export or an interview sheet: their hint lists the tables
in the working folder."""
_LONGEST_HELP = 60
"""An argument's help longer than this is cut at its first parenthesis in the message."""
_WRONG_KIND = re.compile(r"\w+ (?P<path>'.*'|\".*\") is a (?P<kind>file|directory)\.")
"""click's "dir 'out' is a file." and "file 'gem' is a directory.", the path in Python's
quotes."""


def command_first(ctx: Any, commands: list[str], args: list[str]) -> NeedmapError:
    """The problem of a study's folder, ``args[0]``, named where a command of ``commands``
    goes, with the command line put right as its hint (the command meant: ``args[1]``, or
    the one it is most like, else ``status`` or a group's ``list``)."""
    named = closest(args[1], commands) if len(args) > 1 else None
    group = "" if ctx.parent is None else f" {ctx.info_name}"
    if named is None:
        fallback = "list" if group else "status"
        line = f"needmap{group} {fallback} {command_word(args[0])}"
        line += f" (needmap{group} -h lists the commands)"
    else:
        line = f"needmap{group} {named} " + " ".join(map(command_word, [args[0], *args[2:]]))
    return UsageError.single(
        "this is a study's folder, not a command",
        path=Path(args[0]),
        hint=f"the command comes first: {line}",
    )


def study_given_later(exc: NeedmapError, given: list[str]) -> tuple[Problem, ...]:
    """The problems of ``exc``; when it says a folder given is no study and a study folder
    was given after it (``needmap survey import export.csv gem``, ``needmap why search gem``),
    the hint says that the study's folder comes first."""
    if not isinstance(exc, NotAStudyError) or len(exc.problems) != 1:
        return exc.problems
    (problem,) = exc.problems
    if str(problem.location.path) not in given:
        return exc.problems
    after = given[given.index(str(problem.location.path)) + 1 :]
    for word in after:
        if not word.startswith("-") and holds_study(word):
            hint = (
                f"{command_word(word)}, given after it, is a study: the study's folder comes first"
            )
            return (replace(problem, hint=hint),)
    return exc.problems


def missing_argument(exc: typer.BadParameter, given: list[str]) -> UsageError | None:
    """For typer's "Missing argument", the problem with the command line put right as its
    hint; None for any other bad parameter. ``given`` holds the words after the command's
    first word.

    A study's folder left out gets the study meant: this folder (``.``), the one it is
    inside (``..``), the one below it (the demo's ``out/demo/study``), or how to make one.
    A need or group left out gets the study's ids to choose from."""
    param, ctx = exc.param, exc.ctx
    if type(exc).__name__ != "MissingParameter" or ctx is None or param is None:
        return None
    if param.param_type_name != "argument":  # an option: shape_hints.missing_option
        return None
    missing = [
        placeholder(later)
        for later in ctx.command.params[ctx.command.params.index(param) :]
        if later.param_type_name == "argument" and later.required
    ]
    words = command_words(ctx)
    rest = words_after(words, given)
    if param.name == "folder" and ctx.info_name != "init":
        message = f"needmap {' '.join(words)}: give the study's folder"
        return UsageError.single(message, hint=_study_meant(["needmap", *words], missing, rest))
    what = (getattr(param, "help", None) or "").rstrip(".")
    if len(what) > _LONGEST_HELP:
        what = what.split(" (")[0]  # the sheet's: what it is, not its columns
    message = f"needmap {' '.join(words)}: give {missing[0]}"
    if what:
        message += f", {what[:1].lower()}{what[1:]}"
    line = " ".join(["needmap", *words, *rest, *missing])
    if ctx.info_name == "init":
        line = f"{line} (needmap templates lists the starting points)"
    return UsageError.single(message, hint=line + _choices(str(param.name), ctx.params))


def wrong_kind_of_path(exc: typer.BadParameter) -> UsageError | None:
    """For click's "dir 'x' is a file" or "file 'x' is a directory", what the command
    wants there and what to give instead; None for any other bad parameter. (An export or
    a sheet given as a folder is met earlier, with the files in it.)"""
    param, ctx = exc.param, exc.ctx
    found = _WRONG_KIND.fullmatch(exc.message)
    if found is None or param is None or ctx is None:
        return None
    path = ast.literal_eval(found["path"])
    named = named_value(param, path)
    command = " ".join(["needmap", *command_words(ctx)])
    if found["kind"] == "file":
        written = param.name in ("out", "folder")  # --out DIR; demo's folder
        return UsageError.single(
            f"{named}: this is a file, and {command} takes a folder",
            hint="name a folder (made if it is not there), or move the file out of the way"
            if written
            else "name a folder",
        )
    suffixes = list(dict.fromkeys(re.findall(r"\.\w+", getattr(param, "help", None) or "")))
    example = command_word(Path(path) / f"{ctx.info_name}{suffixes[0] if suffixes else ''}")
    formats = f" ({', '.join(suffixes[:-1])} or {suffixes[-1]})" if len(suffixes) > 1 else ""
    return UsageError.single(
        f"{named}: this is a folder, and {command} writes a file",
        hint=f"name a file, such as {example}{formats}",
    )


def named_value(param: Any, value: str) -> str:
    """``value`` as a problem names it: after its option's name (``--out gem``), or alone
    for an argument."""
    return f"{param.opts[0]} {value}" if param.param_type_name == "option" else value


def command_words(ctx: Any) -> list[str]:
    """The words of the command ``ctx`` runs, after needmap's own name (``groups merge``),
    whatever that name was (``python -m needmap`` too)."""
    words: list[str] = []
    while ctx.parent is not None:
        words.insert(0, str(ctx.info_name))
        ctx = ctx.parent
    return words


def words_after(words: list[str], given: list[str]) -> list[str]:
    """The words of the command line after the command ``words`` (``groups merge``), as a
    shell reads them: ``given`` starts after the command's first word."""
    return list(map(command_word, given[len(words) - 1 :]))


def _choices(name: str, given: dict[str, object]) -> str:
    """What there is to choose from for the argument ``name`` left out, to follow the
    command line in its hint: the study's needs or groups (the study's folder is among the
    values ``given``), or the tables in the working folder for an export or a sheet."""
    kind, folder = _LISTED.get(name), given.get("folder")
    if kind is not None and isinstance(folder, Path):
        ids = _ids_of(folder, kind)
        if ids:
            listing = f"needmap {kind} list {command_word(folder)}"
            return f", of its {kind}: {first_of(ids, shown=4)} ({listing} shows them all)"
    elif name in _TABLES:
        from needmap.surveys.tables import READABLE

        here = [command_word(path.name) for path in files_in(Path(), READABLE)]
        if here:
            return f", one of the files here: {first_of(here, shown=4)}"
    return ""


def _study_meant(command: list[str], missing: list[str], rest: list[str]) -> str:
    """The hint for a command given no study's folder: the command line with the study
    meant in its place (see :func:`~needmap.personas.locate.studies_meant`)."""

    def line(folder: str) -> str:
        return " ".join([*command, folder, *missing[1:], *rest])

    studies = [command_word(folder) for folder in studies_meant(Path())]
    unfinished = unfinished_study_hint(Path()) if not studies else None
    if unfinished is not None:
        return f"{unfinished}, then: {line('.')}"
    if not studies:
        return (
            f"{line('DIR')}, with the folder that holds its study.yaml (there is none "
            "here: needmap init DIR makes one, needmap demo an example)"
        )
    if studies == ["."]:
        return f"this folder is the study: {line('.')}"
    if studies[0].startswith(".."):
        return f"this folder is inside the study in {studies[0]}: {line(studies[0])}"
    if len(studies) == 1:
        return f"the study here is {studies[0]}: {line(studies[0])}"
    return f"the studies here are {first_of(studies)}: {line(studies[0])}"


def placeholder(param: Any) -> str:
    """An argument's place in a command line to copy: its metavar, as ``needmap COMMAND
    -h`` shows it (``DIR``, ``NEW-ID``; every argument of needmap's has one)."""
    return str(param.metavar)


def _ids_of(folder: Path, kind: str) -> list[str]:
    """The ids of the study in ``folder`` of ``kind`` (needs or groups), in the order of
    its files; none when it is no study, has errors, or is a path the system refuses (a
    name too long): the command will say so."""
    from needmap.personas.loader import read_study

    try:
        study = read_study(folder).study
    except (NeedmapError, OSError):
        return []
    if study is None:
        return []
    return list(study.need_by_id if kind == "needs" else study.group_by_id)


def holds_study(word: str) -> bool:
    """Whether ``word``, a word of the command line, names a study's folder (an empty
    word names none, though ``Path("")`` is the folder one is in)."""
    return bool(word) and is_study(Path(word))
