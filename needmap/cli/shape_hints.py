"""A command line the parser refuses, said in needmap's words: a command or an option
that is not there (``needmap bulid``, ``--fo``), an option without its value (``--top``
last, or ``--out --pdf``, which click read as a folder named ``--pdf``), a value given to
a switch (``--json=yes``) and words left over (``needmap status My Study``: a name with a
space, not in quotes).

click answers these under a usage line, as "Error: No such option: --fo (Possible
options: --out)" or "Error: Got unexpected extra argument(s) (Study)", in a shape unlike
needmap's other problems and without what to do. Each problem here names what was given
and has a hint with the command line put right where it can be guessed, else the
options or commands to choose from.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from needmap.cli.line_hints import command_words, placeholder, words_after
from needmap.cli.value_hints import annotation_of, number_or_date_hint
from needmap.errors import UsageError, first_of
from needmap.personas.messages import closest
from needmap.shell import command_word

__all__ = ["missing_option", "refused_words", "unknown_command", "wrong_shape"]

_LEFT_OVER = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((?P<words>.*)\)", re.S)
"""click's message for words no argument takes: the only place they are told."""
_FIRST_CLAUSE = re.compile(r"(?:[^.:;(]|\.(?=\S))*")
"""An option's help up to its first full stop, colon, semicolon or parenthesis: what the
option holds ("File to write: .md, .html …" → "File to write"). The dot of a suffix
(".png") is no full stop."""
_HELP = ("-h", "--help")
"""The help option: click adds it to every command, outside the command's own options."""
_LISTED = 6
"""Options a hint names before it says how many more there are."""


def wrong_shape(exc: Exception, root: Any, given: list[str]) -> UsageError | None:
    """The problem of a command line the parser refused with ``exc``; None for anything
    else. ``root`` is needmap's own context, ``given`` the words after the command's first
    word (an exception without a context of its own is placed through them)."""
    kind = type(exc).__name__
    option = getattr(exc, "option_name", None)
    ctx = getattr(exc, "ctx", None)
    command = ctx.command if ctx else _command_at(root, given)
    if kind == "NoSuchOption" and option and ctx:  # the parser gives it its context
        return _unknown_option(option, command, command_words(ctx))
    message = str(getattr(exc, "message", ""))
    param = _option(command, option) if kind == "BadOptionUsage" and option else None
    if param is not None and "requires" in message:
        return _no_value(param, str(option))
    if param is not None and "does not take a value" in message:
        return _value_not_taken(param, str(option), given)
    left_over = _LEFT_OVER.fullmatch(message)
    if left_over is not None and ctx is not None:
        return _left_over(left_over["words"].split(" "), ctx, root, given)
    return None


def missing_option(exc: Exception, given: list[str]) -> UsageError | None:
    """For typer's "Missing option '--into'", what the option holds, with the command line
    to complete as its hint; None for any other problem. ``given`` holds the words after
    the command's first word."""
    param, ctx = getattr(exc, "param", None), getattr(exc, "ctx", None)
    if type(exc).__name__ != "MissingParameter" or ctx is None or param is None:
        return None
    if param.param_type_name != "option":
        return None
    option = param.opts[0]
    words = command_words(ctx)
    line = " ".join(["needmap", *words, *words_after(words, given)])
    holds = _holds(param)
    message = f"needmap {' '.join(words)}: give {option}" + (f", {holds}" if holds else "")
    hint = f"{line} {option} {_value_placeholder(param, holds)}"
    return UsageError.single(message, hint=hint)


def unknown_command(ctx: Any, commands: list[str], args: list[str]) -> UsageError:
    """The problem of ``args[0]``, given where one of ``commands`` goes: with the help meant
    (``needmap help build``), the option meant (``needmap version``), the command it is
    most like, else where the commands are listed."""
    group = " ".join(["needmap", *command_words(ctx)])
    word, later = args[0], args[1:]
    meant = closest(word, commands)
    if word == "help":
        hint = f"{group} -h lists the commands"
        if later and later[0] in commands:
            hint = f"{group} {later[0]} -h says what it does and what it takes"
    elif _option(ctx.command, f"--{word}") is not None:
        hint = f"did you mean {group} --{word}?"
    elif meant is not None:
        hint = f"did you mean {meant}? ({group} -h says what each command does)"
    else:
        hint = f"{group} -h lists the commands"
    return UsageError.single(f"{command_word(word)}: not a command of {group}", hint=hint)


def _command_at(root: Any, given: list[str]) -> Any:
    """The command a command line runs, for an exception raised before the command's
    context was made: ``root.invoked_subcommand`` names it, or a command of that group,
    the first word in ``given`` that is not an option; needmap itself when none does."""
    name = getattr(root, "invoked_subcommand", None)
    if name is None:
        return root.command
    command = root.command.commands[name]
    later = [word for word in given if not word.startswith("-")]
    while hasattr(command, "commands") and later and later[0] in command.commands:
        command = command.commands[later.pop(0)]
    return command


def _option(command: Any, name: str) -> Any:
    """The option of ``command`` called ``name`` (``--top``, ``-o``, ``--no-weighted``)."""
    for param in command.params:
        if param.param_type_name == "option" and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _unknown_option(option: str, command: Any, words: list[str]) -> UsageError:
    line = " ".join(["needmap", *words])
    options = [
        param.opts[0]  # as declared: the long name first (--out, -o)
        for param in command.params
        if param.param_type_name == "option" and not param.hidden
    ]
    every = {
        name.lstrip("-"): name
        for param in command.params
        for name in (*param.opts, *param.secondary_opts)
    }
    bare = closest(option.lstrip("-"), every)  # the dashes alike in all would make --fo --pdf
    meant = None if bare is None else every[bare]
    if meant is not None:
        hint = f"did you mean {meant}? ({line} -h says what each option does)"
    elif options:
        hint = f"its options are {_listed(options)} ({line} -h says what each does)"
    else:
        hint = f"{line} takes no options but -h (help)"
    return UsageError.single(f"{option}: not an option of {line}", hint=hint)


def refused_words(command: Any, line: str, args: list[str]) -> UsageError | None:
    """The problem of a word in ``args`` (the words after ``line``, the command's own,
    such as ``needmap build``) that click would take without a word but that is surely
    not meant; None when there is none:

    - an option that takes a value followed by another option of ``command`` (``--out
      --pdf``, ``--top --json``): click took the second for the first's value, and
      ``needmap build gem --out --pdf`` wrote the reports into a folder named ``--pdf``,
      ``--out -h`` into ``-h``, where the user meant the help;
    - an empty word for a path (``--out ""``, ``needmap init ""``, a script's variable
      left empty): click took it for the folder one is in, so ``init`` made its study
      there and ``build`` wrote forty reports into it. (An empty word for anything else
      is refused where it is checked, with what to choose from.)
    """
    names = {
        name: param
        for param in command.params
        if param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    }
    arguments = [param for param in command.params if param.param_type_name == "argument"]
    at, position, options_end = 0, 0, False
    while at < len(args):
        word = args[at]
        at += 1
        if word == "--" and not options_end:  # the words after it are arguments
            options_end = True
            continue
        name, equals, value = word.partition("=")
        param = None if options_end else names.get(name)
        if param is not None:
            if param.is_flag:
                continue
            if not equals:
                if at == len(args):
                    return None  # nothing after it: the parser refuses it (wrong_shape)
                value, at = args[at], at + 1
                if value in names or value in _HELP:
                    return _no_value(param, name, then=value)
            if value == "" and _takes_path(param):
                return _no_value(param, name, empty=True)
        elif options_end or not word.startswith("-"):  # an argument ("" too)
            argument = _argument_at(arguments, position)
            position += 1
            if word == "" and argument is not None and _takes_path(argument):
                return _empty_argument(argument, line)
    return None


def _argument_at(arguments: list[Any], position: int) -> Any:
    """The argument the word at ``position`` among the arguments goes to: the last takes
    the rest when it takes many (``GROUPS...``); None for a word left over."""
    if position < len(arguments):
        return arguments[position]
    if arguments and arguments[-1].nargs == -1:
        return arguments[-1]
    return None


def _no_value(
    param: Any, option: str, *, then: str | None = None, empty: bool = False
) -> UsageError:
    """``--top`` with nothing after it, only another option (``then``), or an empty word."""
    hint = number_or_date_hint(param, option)
    if hint is None:
        holds = _holds(param)
        hint = f"give its value after it: {option} {_value_placeholder(param, holds)}"
        if holds:
            hint += f" ({holds})"
    if then is not None:
        hint += f"; {then} is an option of its own"
    return UsageError.single(
        f"{option}: {'an empty value' if empty else 'no value after it'}", hint=hint
    )


def _takes_path(param: Any) -> bool:
    """Whether ``param`` takes a file's or a folder's name (``Path``, ``Path | None``)."""
    return annotation_of(param) is Path


def _empty_argument(param: Any, line: str) -> UsageError:
    """``needmap init ""``: an argument given as an empty word."""
    holds = _holds(param)
    hint = f"give {placeholder(param)}: {holds}" if holds else f"give {placeholder(param)}"
    return UsageError.single(f"{line} {placeholder(param)}: an empty word ('')", hint=hint)


def _holds(param: Any) -> str:
    """What a parameter holds, from the start of its help, to follow a colon ("file to
    write")."""
    what = _FIRST_CLAUSE.match(param.help or "")
    holds = what[0].strip() if what else ""
    return holds[:1].lower() + holds[1:]


def _value_not_taken(param: Any, option: str, given: list[str]) -> UsageError:
    """``--json=yes``: a switch is on when it is given, and takes no value."""
    written = next((word for word in given if word.startswith(f"{option}=")), option)
    switches = " or ".join([param.opts[0], *param.secondary_opts])
    return UsageError.single(
        f"{command_word(written)}: {option} is a switch and takes no value",
        hint=f"write {switches} alone",
    )


def _left_over(extra: list[str], ctx: Any, root: Any, given: list[str]) -> UsageError:
    """Words after the last argument: a name with a space, not in quotes, gets the line
    with it in quotes as its hint."""
    line = " ".join(["needmap", *command_words(ctx)])
    takes = [
        placeholder(param) for param in ctx.command.params if param.param_type_name == "argument"
    ]
    shown = " ".join(map(command_word, extra))
    message = (
        f"{line} takes {' '.join(takes) if takes else 'no arguments'}, and {shown} "
        f"{'is' if len(extra) == 1 else 'are'} left over"
    )
    first = getattr(root, "invoked_subcommand", None) or ""
    quoted = _quoted(given)
    if quoted is not None:
        hint = f"a name with a space goes in quotes: needmap {first} {quoted}"
    elif len(extra) == 1 and extra[0] in given and _written_to(ctx.command, extra[0]):
        at = len(given) - 1 - given[::-1].index(extra[0])
        words = [*given[:at], "--out", *given[at:]]
        hint = f"to write it there: needmap {first} {' '.join(map(command_word, words))}"
    else:
        hint = f"{line} -h says what it takes"
    return UsageError.single(message, hint=hint)


def _written_to(command: Any, word: str) -> bool:
    """Whether ``word`` looks like where ``command`` writes (``--out``): a file of a kind
    its help names (``needmap table gem needs.xlsx``), or a folder for a command that
    writes into one (``needmap build gem site``)."""
    out = _option(command, "--out")
    if out is None:
        return False
    written = out.help or ""
    suffix = Path(word).suffix.lower()
    if suffix:
        return suffix in re.findall(r"\.\w+", written)
    return written.lower().startswith("folder")


def _quoted(given: list[str]) -> str | None:
    """``given`` with the words that together name a file or folder here (``My Study``)
    as one word in quotes; None when no run of words does."""
    for start in range(len(given)):
        for end in range(len(given), start + 1, -1):
            name = " ".join(given[start:end])
            if not name.startswith("-") and _names_a_path(name):
                words = [*given[:start], name, *given[end:]]
                return " ".join(map(command_word, words))
    return None


def _names_a_path(name: str) -> bool:
    """Whether ``name`` is a file or folder here; a name the system refuses (one too long
    for it) is none, and the hint that asks goes on without it."""
    try:
        return Path(name).exists()
    except OSError:
        return False


def _value_placeholder(param: Any, holds: str) -> str:
    """How a command line writes an option's value: its metavar (``<nl|en>``), else DIR for
    a folder, FILE for a file."""
    if param.metavar:
        return str(param.metavar)
    return "DIR" if "folder" in holds.lower() else "FILE"


def _listed(options: list[str]) -> str:
    """'--out, --pdf and --since'; a long list cut short ('…, --json and 3 more')."""
    if len(options) == 1 or len(options) > _LISTED:
        return first_of(options, shown=_LISTED)
    return f"{', '.join(options[:-1])} and {options[-1]}"
