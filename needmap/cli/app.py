"""The ``needmap`` command: parse arguments, call one library function, print.

Nothing here computes: each command is a few lines over a public function of the library.
Problems the user can fix arrive as :class:`needmap.errors.NeedmapError` and become exit code
2 in :func:`main`, the one handler. Library modules are imported inside the commands so that
``needmap --help`` starts fast.

Exit codes: 0 success; 1 internal error (a bug: please report it); 2 bad input, a refused
action, a path the system refuses, or problems found by ``validate``."""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, cast

import typer
from typer.core import TyperGroup

from needmap import __version__
from needmap.errors import NeedmapError, loop_problem, os_problem, plural, problem_count

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from needmap.errors import Problem
    from needmap.personas.study import Study
    from needmap.reports.i18n import Language
    from needmap.reports.toptasks_table import RankingTable


EXIT_INTERNAL = 1
EXIT_INPUT = 2


class CommandFirstGroup(TyperGroup):
    """A group of commands that tells a study's folder named before the command (``needmap
    gem build``, ``needmap groups gem list``) that the command comes first."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """A group given alone (``needmap``, ``needmap survey``) is a question, not a
        mistake: its help, as ``--help`` prints it, and exit 0 (click takes it for a
        usage error: its help on standard error, and exit 2)."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        from needmap.cli.line_hints import command_first, command_words, holds_study
        from needmap.cli.shape_hints import refused_words, unknown_command

        if args and args[0] not in self.commands and not ctx.resilient_parsing:
            if holds_study(args[0]):
                raise command_first(ctx, list(self.commands), args)
            if not args[0].startswith("-"):
                shown = [name for name, command in self.commands.items() if not command.hidden]
                raise unknown_command(ctx, shown, args)
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None and not isinstance(command, TyperGroup):
            line = " ".join(["needmap", *command_words(ctx), str(name)])
            refused = refused_words(command, line, rest)
            if refused is not None:
                raise refused
        return name, command, rest


class _HandledGroup(CommandFirstGroup):
    """Runs a command and maps errors to exit codes: the one handler at the edge."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """needmap's own options (``needmap --versoin``) refused in needmap's words too."""
        given = list(args)  # the parser empties the list
        try:
            return super().parse_args(ctx, args)
        except typer.TyperException as exc:
            _say_shape(exc, ctx, given)
            raise

    def invoke(self, ctx: Any) -> Any:
        from needmap.cli.line_hints import (
            missing_argument,
            study_given_later,
            wrong_kind_of_path,
        )
        from needmap.cli.shape_hints import missing_option
        from needmap.cli.value_hints import wrong_value

        _tolerant_output()
        given = list(ctx.args)  # the words after the command: invoke empties the list
        try:
            return super().invoke(ctx)
        except typer.BadParameter as exc:
            hinted = (
                missing_argument(exc, given)
                or missing_option(exc, given)
                or wrong_kind_of_path(exc)
                or wrong_value(exc)
            )
            if hinted is None:
                raise
            print_problems(hinted.problems)
            ctx.exit(EXIT_INPUT)
        except typer.TyperException as exc:
            _say_shape(exc, ctx, given)
            raise
        except (typer.Exit, typer.Abort):
            raise
        except NeedmapError as exc:
            print_problems(study_given_later(exc, given))
            errors = sum(p.repeats for p in exc.errors)
            warnings = sum(p.repeats for p in exc.problems) - errors
            if errors > 1 or warnings:
                count = (
                    f"{problem_count(exc.problems)} found{_by_file(exc.problems)}"
                    f"{_messages(errors + warnings, len(exc.problems))}."
                )
                new_console(stderr=True).print(count, highlight=False)
            ctx.exit(EXIT_INPUT)
        except BrokenPipeError:
            raise  # the reader of the output has gone (`| head`): typer ends quietly
        except (OSError, RuntimeError) as exc:  # a path the system refuses, or a link loop
            problem = os_problem(exc) if isinstance(exc, OSError) else loop_problem(exc)
            if problem is None:
                _report_bug(exc)
            print_problems((problem,))
            ctx.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            ctx.exit(130)
        except Exception as exc:
            _report_bug(exc)


def _say_shape(exc: Exception, ctx: Any, given: list[str]) -> None:
    """For a command line the parser refused (see :mod:`needmap.cli.shape_hints`), print
    its problem and end with exit code 2; return for any other exception of typer's."""
    from needmap.cli.shape_hints import wrong_shape

    hinted = wrong_shape(exc, ctx, given)
    if hinted is not None:
        print_problems(hinted.problems)
        ctx.exit(EXIT_INPUT)


def _report_bug(exc: Exception) -> NoReturn:
    """End with exit code 1 and a request to report the bug; with ``NEEDMAP_DEBUG`` set,
    with the traceback instead."""
    if os.environ.get("NEEDMAP_DEBUG"):
        raise exc
    sys.stderr.write(
        f"needmap: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug. Run again with NEEDMAP_DEBUG=1 to see the traceback, and "
        "please report it.\n"
    )
    raise typer.Exit(EXIT_INTERNAL)


def _messages(problems: int, messages: int) -> str:
    """Where a message stood for the same problem on several rows ('also on rows 3 and
    4', '3 more rows like these'), how many messages the count was told in, so that a
    reader counting them is not left to wonder; else nothing."""
    if problems == messages:
        return ""
    return f" ({plural(messages, 'message')} above)"


_FILES_SHOWN = 4
"""How many files the count of a long list of problems names, the most problems first."""


def _by_file(problems: tuple[Problem, ...]) -> str:
    """For a list of problems too long to see at once, in more than one file, where they
    are (': 120 in needs.yaml, 16 in personas.yaml'), so that the file most of them are
    in shows after they scrolled by; else nothing."""
    per_file: Counter[str] = Counter()
    for problem in problems:
        if problem.location.path is not None:
            per_file[str(problem.location.path)] += problem.repeats
    if len(per_file) < 2 or per_file.total() < 10:
        return ""
    ranked = sorted(per_file.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{count:,} in {path}" for path, count in ranked[:_FILES_SHOWN]]
    if len(ranked) > _FILES_SHOWN:
        shown.append(f"{sum(count for _, count in ranked[_FILES_SHOWN:]):,} in other files")
    return ": " + ", ".join(shown)


app = typer.Typer(
    cls=_HandledGroup,
    name="needmap",
    help="Stakeholder-needs research and persona modelling for intranets, extranets and "
    "websites. See an example: needmap demo. Start a study: needmap init DIR --template "
    "gemeente (needmap templates lists the templates). Write all its reports: needmap "
    "build DIR.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def command_family(name: str, help: str) -> typer.Typer:
    """A command of ``needmap`` that holds commands (``needmap groups merge``): its help
    shown when it is given alone, and a study's folder named before its command told."""
    family = typer.Typer(
        cls=CommandFirstGroup, help=help, no_args_is_help=True, rich_markup_mode=None
    )
    app.add_typer(family, name=name)
    return family


StudyDir = Annotated[
    Path,
    typer.Argument(
        metavar="DIR", help="Folder of the study (holds study.yaml).", show_default=False
    ),
]

JsonOption = Annotated[bool, typer.Option("--json", help="Print it as JSON (docs/json-output.md).")]

LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        "-l",
        metavar="<nl|en>",
        help="Language of the report: nl or en. Default: the study's (language in study.yaml).",
        show_default=False,
    ),
]

SurveyId = Annotated[
    str | None,
    typer.Option(
        "--survey",
        "-s",
        metavar="<id>",
        help="Survey id (or its mapping's file name), when the study has several.",
        show_default=False,
    ),
]
ImportedSurveyId = Annotated[
    str | None,
    typer.Option(
        "--survey",
        "-s",
        metavar="<id>",
        help="Survey id (or its mapping's file name), when several have been imported: by "
        "default the only one, or the latest run of a survey held again (docs/surveys.md).",
        show_default=False,
    ),
]


SHARE = "<share>"
"""The metavar of an option that takes a share, 0.75 or 75% (read by
:func:`~needmap.cli.value_hints.share_of`): its hints know it by this."""


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="<file|rev>",
        help="An earlier plan: a roadmap's JSON (needmap roadmap DIR --json --out FILE) or a "
        "git revision of the study (a tag, a branch, HEAD~1). Shows which needs moved to an "
        "earlier or later phase, are new or were dropped since.",
        show_default=False,
    ),
]


def out_option(what: str, *, folder: bool = False) -> Any:
    """The ``--out``/``-o`` option, with what the command writes (by suffix) as its help:
    a file, or a ``folder``; the other kind of thing already there is refused."""
    return typer.Option(
        "--out", "-o", help=what, show_default=False, file_okay=not folder, dir_okay=folder
    )


def id_list(text: str | None) -> list[str] | None:
    """Ids given as ``a,b,c`` (spaces and empty parts ignored); None when not given."""
    return None if text is None else [part.strip() for part in text.split(",") if part.strip()]


def new_console(*, stderr: bool = False) -> Console:
    """The console of :mod:`needmap.cli.terminal`, imported with rich when first used."""
    from needmap.cli.terminal import new_console

    return new_console(stderr=stderr)


@contextmanager
def writing(out: Path) -> Iterator[None]:
    """A spinner on standard error (in a terminal) while ``out`` is written, when it is a
    PDF: its layout takes seconds, with nothing else to show meanwhile. Other files are
    written in a blink, so they get none."""
    if out.suffix.lower() != ".pdf":
        yield
        return
    with new_console(stderr=True).status(f"Laying out {escape(out.name)}…"):
        yield


def _version(value: bool) -> None:
    if value:
        typer.echo(f"needmap {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """needmap: map what each target group needs, and what they share."""


def choice_of(given: str, choices: Sequence[str]) -> str | None:
    """The one of ``choices`` that ``given`` names, in any case (``-l EN``, ``--layout
    MS-Forms``), as the choices write it; None when it names none."""
    return next((choice for choice in choices if choice.casefold() == given.casefold()), None)


def study_at(folder: Path, language: str | None = None, *, out: Path | None = None) -> Study:
    """The study in ``folder``, its reports in ``language`` when one is given; refused
    when ``out``, the file a command is to write, would replace a file the study reads or
    go into one of its own folders (:func:`needmap.surveys.refuse_overwriting_inputs`)."""
    from needmap.errors import UsageError
    from needmap.personas.loader import load_study
    from needmap.surveys.inputs import refuse_overwriting_inputs

    study = load_study(folder)
    if out is not None:
        refuse_overwriting_inputs(study.root, out)
    if language is None:
        return study
    chosen = choice_of(language, ("nl", "en"))
    if chosen is None:
        from needmap.personas.other_words import value_meant

        meant = value_meant(language)  # "dutch", "nl-NL"
        hint = f"did you mean '{meant}'?" if meant in ("nl", "en") else "use nl or en"
        raise UsageError.single(f"unknown language '{language}'", hint=hint)
    return study.in_language(cast("Language", chosen))


def whole_study_at(folder: Path, language: str | None = None) -> Study:
    """:func:`study_at`, for the commands that read every file of the study (``build``,
    ``serve``): when the study has errors, those of its evidence files are reported with
    them, as ``validate`` does, not in a second round after the first are fixed."""
    from needmap.errors import InvalidStudyError
    from needmap.surveys.study_check import check_study

    try:
        return study_at(folder, language)
    except InvalidStudyError:
        raise InvalidStudyError(check_study(folder).problems) from None


def print_json(data: dict[str, Any]) -> None:
    """``data`` as JSON on standard output: UTF-8 as it is, or with ``\\u`` escapes where the
    output cannot hold every character, so that the JSON stays whole either way."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=not _utf8(sys.stdout)) + "\n")


def _utf8(stream: Any) -> bool:
    return str(getattr(stream, "encoding", "") or "").lower().replace("-", "") == "utf8"


def _tolerant_output() -> None:
    """Let text the output's encoding cannot hold become '?' instead of stopping the
    command: a ✓ printed to a file that Windows writes in cp1252, or a terminal set to
    ASCII. (Files needmap writes itself are always UTF-8.)"""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _utf8(stream):
            stream.reconfigure(errors="replace")


def emit_json(data: dict[str, Any], out: Path | None) -> None:
    """Print the JSON, or write it to ``out``, which must then end in .json."""
    if out is None:
        print_json(data)
        return
    from needmap.errors import UsageError
    from needmap.fileio import write_text_atomic

    if out.suffix.lower() != ".json":
        raise UsageError.single(
            f"--json writes JSON, not '{out.suffix or out.name}'",
            path=out,
            hint="use a name ending in .json, or leave out --out to print it",
        )
    write_text_atomic(out, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    new_console().print(escape(f"wrote {out}"))


def light_table(title: str) -> Table:
    """A table framed by a rule under its headings only, with two spaces between columns:
    in an 80-column terminal the text column keeps room that borders would take. Its title
    is printed by :func:`print_table`, left-aligned and wrapped to the terminal; it is rich
    markup, so a study's text in it goes through :func:`escape`."""
    from rich import box
    from rich.table import Table

    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )


def add_name_column(table: Table, heading: str, names: Iterable[str]) -> None:
    """A first column of names that wrap between words, in a table with one space between
    columns: as wide as the longest word (8 to 20 characters), so that no word is cut."""
    table.padding = (0, 0)
    longest_word = max((len(w) for name in names for w in name.split()), default=0)
    table.add_column(escape(heading), min_width=min(max(longest_word, 8), 20), overflow="fold")


def escape(text: str) -> str:
    """Text shown literally by rich (group names may hold [brackets])."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def print_table(console: Console, table: Table) -> None:
    """A table with its cells wrapped to the terminal's width. The console soft-wraps
    (a long path stays one line), which would let a table's rows run past the edge; the
    title is printed on its own, wrapped to the terminal rather than to a narrow table.
    A terminal too narrow for the table gets its columns narrowed by needmap rather than
    figures or words cut off (:func:`~needmap.cli.table_layout.fit_table`), and one too
    narrow to keep its words whole its rows one below the other, as cards
    (:func:`~needmap.cli.table_layout.as_cards`); output to a pipe stays a table."""
    from needmap.cli.table_layout import as_cards, fit_table

    if table.title:
        console.print(table.title, style="table.title", soft_wrap=False)
        table.title = None
    width = console.width
    fitted = fit_table(console, table)
    if fitted is None:
        for card in as_cards(console, table):
            console.print(card, soft_wrap=False)
        return
    console.width = fitted  # print's own width= is capped at this
    try:
        console.print(table, soft_wrap=False)
    finally:
        console.width = width


def print_legend(console: Console, entries: list[str], style: str = "") -> None:
    """Short entries (``A · Front desk``) side by side, two spaces apart, in lines as
    wide as the terminal: a line breaks between entries, never inside one."""
    lines: list[str] = []
    for entry in entries:
        if lines and len(lines[-1]) + 2 + len(entry) <= console.width:
            lines[-1] += "  " + entry
        else:
            lines.append(entry)
    for line in lines:
        console.print(escape(line), style=style, soft_wrap=True)


def print_indented(
    console: Console, lines: Iterable[str], indent: int = 2, style: str = ""
) -> None:
    """Lines indented by ``indent``, each wrapped between words at the terminal's width;
    an indented line continues two spaces further in, so that each line's start stands
    out."""
    margin = " " * indent
    for line in lines:
        wrapped = _between_words(console, line, margin, margin + ("  " if indent else ""))
        console.print(escape(wrapped), style=style, soft_wrap=True)


def _between_words(
    console: Console, text: str, first: str, rest: str, width: int | None = None
) -> str:
    """``text`` wrapped at the terminal's width (or ``width``) after ``first`` and then
    ``rest``, only between words (a terminal's own wrap would break words at the edge): a
    path or a hyphenated word stays whole, to copy. Never at a no-break space (which
    rich's own wrap takes for any other space: "▼" ended a line, its task began the
    next), printed as a space."""
    import textwrap

    wrapped = textwrap.fill(
        text,
        width=max(console.width if width is None else width, 20),
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped.replace("\u00a0", " ")


def print_bullets(console: Console, lines: list[str]) -> None:
    """One bullet a line, wrapped at the terminal's width under its own text, only between
    words (:func:`_between_words`)."""
    from rich.table import Table

    bullets = Table.grid(padding=(0, 1), pad_edge=True)
    bullets.add_column(style="dim")
    bullets.add_column()
    for line in lines:
        wrapped = _between_words(console, line, "", "", width=console.width - 4)
        bullets.add_row("•", escape(wrapped))
    console.print(bullets, soft_wrap=False)


def print_steps(console: Console, steps: Iterable[tuple[str, str | None]]) -> None:
    """Numbered steps, each wrapped under its own text, with its command (if any) on a
    line of its own below it: one line, to copy whole."""
    for number, (text, command) in enumerate(steps, 1):
        head = f"  {number}. "
        console.print(escape(_between_words(console, text, head, " " * len(head))), soft_wrap=True)
        if command:
            command_line = " " * len(head) + escape(command)
            console.print(command_line, style="cyan", highlight=False, soft_wrap=True)


def print_ranking(console: Console, ranking: RankingTable, top: int) -> None:
    """The first ``top`` rows of a ranking (without its columns per group), tasks in the
    coverage set in bold, then how many rows were left out."""
    table = light_table(escape(ranking.title))
    shown = [i for i in range(len(ranking.header)) if i not in ranking.group_columns]
    for i in shown:
        # Headings may wrap, so that a narrow terminal leaves room for the task labels.
        text = i in ranking.text_columns
        table.add_column(
            escape(ranking.header[i]),
            justify="left" if text else "right",
            min_width=20 if text else None,
        )
    for row, covered in list(zip(ranking.rows, ranking.in_coverage, strict=True))[:top]:
        table.add_row(*(escape(row[i]) for i in shown), style="bold" if covered else "")
    print_table(console, table)
    if len(ranking.rows) > top:
        from needmap.reports.i18n import labels

        more = labels(ranking.language)["ranking.more"]
        console.print(
            more.format(more=len(ranking.rows) - top, rows=len(ranking.rows)), style="dim"
        )


def print_problems(problems: tuple[Problem, ...]) -> None:
    from rich.text import Text

    console = new_console(stderr=True)
    for problem in problems:
        line = Text()
        if problem.location.path is not None:
            line.append(f"{problem.location}: ", style="bold")
        if problem.location.place:
            line.append(f"{problem.location.place}: ", style="cyan")
        if problem.key:
            line.append(f"{problem.key}: ", style="cyan")
        if problem.severity == "warning":
            line.append("warning: ", style="yellow bold")
        line.append(problem.message, style="red" if problem.severity == "error" else "")
        console.print(line)
        if problem.hint:
            console.print(Text(f"    hint: {problem.hint}", style="dim"))


def watch_study(folder: Path, outputs: Sequence[Path], build_once: Callable[[], None]) -> None:
    """Build, then build again after each change to the study's files (not those in
    ``outputs``), until Ctrl-C. A change counts once the files have stayed the same for a
    moment (an editor may save in steps); a study with problems prints them and waits for
    the next change."""
    import time
    from datetime import datetime

    from needmap.errors import NeedmapError
    from needmap.personas.fingerprint import study_fingerprint

    console = new_console(stderr=True)
    seen = None
    console.print(escape(f"Watching {folder} for changes; Ctrl-C stops."))
    try:
        while True:
            now = study_fingerprint(folder, *outputs)
            if now != seen:
                time.sleep(0.3)
                if study_fingerprint(folder, *outputs) != now:
                    continue  # still being saved
                seen = now
                console.print(f"{datetime.now():%H:%M:%S} building…")
                try:
                    build_once()
                except NeedmapError as exc:
                    print_problems(exc.problems)
                    console.print("Waiting for the next change to the study.")
            time.sleep(0.5)
    except KeyboardInterrupt:
        console.print("Stopped watching.")


def main() -> None:
    """Entry point of the ``needmap`` command."""
    app()
