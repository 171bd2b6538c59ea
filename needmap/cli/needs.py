"""The needs by id, and renaming or merging them: ``needs list``, ``rename``, ``merge``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    JsonOption,
    LanguageOption,
    StudyDir,
    add_name_column,
    command_family,
    escape,
    light_table,
    new_console,
    print_json,
    print_table,
    study_at,
)
from needmap.cli.groups import (
    DryRun,
    apply_edits,
    finished_line,
    print_file_changes,
    print_next,
)
from needmap.errors import plural

if TYPE_CHECKING:
    from needmap.regroup import NeedMerge
    from needmap.reports.needs_list import NeedsOverview, NeedSummary

NewTitle = Annotated[
    str | None,
    typer.Option(
        "--title", metavar="<title>", help="The need's new title; default: it keeps its title."
    ),
]
MergedTitle = Annotated[
    str | None,
    typer.Option(
        "--title",
        metavar="<title>",
        help="Title of the merged need; default: the kept need's title.",
    ),
]


needs_app = command_family(
    "needs",
    "List the needs with their ids, or rename or merge them in every file of the study: "
    "the need, the needs that depend on it, personas, interview quotes, survey tasks and "
    "search logs. Comments and layout are kept.",
)


@needs_app.command("list")
def needs_list(
    folder: StudyDir,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """The needs by kind with their ids (which the reports do not show): how many groups
    need each (must/should/could), the personas that hold it as a key need, and the needs
    it comes after (in a narrow terminal, such as 80 columns, under the table: "sso
    before search, people-finder"); then the needs decided for each roadmap phase."""
    from needmap.reports.needs_list import needs_to_json, study_needs

    overview = study_needs(study_at(folder, language))
    if as_json:
        print_json(needs_to_json(overview))
        return
    _print_needs(overview)


@needs_app.command("rename")
def needs_rename(
    folder: StudyDir,
    need: Annotated[
        str, typer.Argument(metavar="NEED", help="Id or title of the need.", show_default=False)
    ],
    new_id: Annotated[
        str,
        typer.Argument(
            metavar="NEW-ID",
            help="Its new id (the same id to change only --title).",
            show_default=False,
        ),
    ],
    title: NewTitle = None,
    dry_run: DryRun = False,
) -> None:
    """Give a need a new id (and --title) in every file of the study that refers to it.

    Also finishes a rename done by hand: when the need is already called NEW-ID where it
    is defined, the needs, personas, interview quotes, survey tasks and search logs that
    still name NEED are changed to NEW-ID (the study's errors about them are what this
    fixes).
    """
    from needmap.personas.loader import read_study
    from needmap.regroup import plan_need_rename

    rename = plan_need_rename(read_study(folder), need, new_id, title)
    apply_edits(rename, dry_run)
    console = new_console(stderr=dry_run)
    files = plural(len(rename.changes), "file")
    if rename.finished:
        console.print(finished_line(rename, rename.old, new_id, "need", dry_run))
    elif rename.old == new_id:
        verb = "Would give" if dry_run else "Gave"
        console.print(escape(f"{verb} {rename.old} the title '{title or ''}' in {files}:"))
    else:
        verb = "Would rename" if dry_run else "Renamed"
        retitled = "" if rename.title is None else f" ({rename.title})"
        console.print(escape(f"{verb} {rename.old} to '{new_id}'{retitled} in {files}:"))
    print_file_changes(console, rename)
    print_next(console, folder, dry_run)


@needs_app.command("merge")
def needs_merge(
    folder: StudyDir,
    needs: Annotated[
        list[str],
        typer.Argument(
            metavar="NEEDS",
            help="Ids or titles of the needs to merge (two or more).",
            show_default=False,
        ),
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            metavar="<id>",
            help="The merged need: one of the needs (id or title), or a new id.",
            show_default=False,
        ),
    ],
    title: MergedTitle = None,
    dry_run: DryRun = False,
) -> None:
    """Merge needs that turned out to be one, in every file of the study.

    The merged need keeps one entry (the --into need's, or the first named): it matters to
    every group any of the needs matters to, at the highest importance, depends on every
    need they depend on, and is decided for the earliest roadmap phase any of them was
    decided for (phase in needs.yaml); a description, channel or effort it has none of it
    takes from the first named that has one. Other needs' dependencies, personas, interview
    quotes and survey tasks name the merged need, once; a search log's topics about the
    needs become one, with the terms of all.
    """
    from needmap.errors import UsageError
    from needmap.regroup import plan_need_merge
    from needmap.shell import command_word

    if len(needs) < 2:
        raise UsageError.single(
            "name two or more needs to merge",
            hint="to rename one need: needmap needs rename "
            f"{command_word(folder)} {command_word(needs[0])} NEW-ID",
        )
    merge = plan_need_merge(study_at(folder), needs, into, title)
    apply_edits(merge, dry_run)
    _print_merge(merge, folder, dry_run)


def _print_merge(merge: NeedMerge, folder: Path, dry_run: bool) -> None:
    console = new_console(stderr=dry_run)
    verb = "Would merge" if dry_run else "Merged"
    console.print(
        f"{verb} {escape(', '.join(merge.needs))} into '{escape(merge.into)}' "
        f"({escape(merge.title)}) in {plural(len(merge.changes), 'file')}:"
    )
    print_file_changes(console, merge)
    if merge.description_at is not None and merge.described_by is not None:
        console.print(
            f"The merged need kept the description of {escape(merge.described_by)} "
            f"({escape(str(merge.description_at))}): rewrite it to describe them all."
        )
    for field, source in merge.taken:
        console.print(f"It took the {field} of {escape(source)}, as {escape(merge.kept)} had none.")
    if merge.decided_as is not None and merge.phase is not None:
        console.print(
            f"The merged need is decided for phase '{escape(merge.phase)}', as "
            f"{escape(merge.decided_as)} was: the earliest decision of the needs stands."
        )
    print_next(console, folder, dry_run)


_TITLE_ROOM = 30
"""The least room the titles keep beside an "after" column; in less (80 columns), the
needs to deliver first are told under the table instead, so a title is not folded into
three or four lines."""


def _print_needs(overview: NeedsOverview) -> None:
    """The needs in a table that fits 80 columns, in the study's language: a heading row
    per kind, titles first (they wrap between words, ids do not)."""
    from needmap.reports.i18n import labels

    words = labels(overview.language)
    console = new_console()
    table = light_table("")
    add_name_column(table, words["gl.name"], (s.need.title for s in overview.needs))
    table.add_column(words["gl.id"], no_wrap=True)
    table.add_column(words["nlist.groups"], justify="right", no_wrap=True)
    table.add_column(words["gl.personas"], justify="right", no_wrap=True)
    needs_after = any(s.need.depends_on for s in overview.needs)
    after = needs_after and _after_fits(overview, words, console.width)
    if after:
        table.add_column(words["nlist.after"], min_width=len(words["nlist.after"]))
    for kind, summaries in overview.by_kind():
        table.add_row(f"[bold]{escape(words[f'kind.{kind}'])}[/bold]")
        for s in summaries:
            table.add_row(
                escape(s.need.title),
                *map(escape, _figures(s)),
                *([escape(", ".join(s.need.depends_on))] if after else []),
            )
    print_table(console, table)
    keys = ("groups", "personas", "after") if after else ("groups", "personas")
    legend = [words[f"nlist.legend.{key}"] for key in keys]
    console.print("; ".join(legend) + ".", style="dim", soft_wrap=False)
    if needs_after and not after:
        firsts = "; ".join(
            words["nlist.before"].format(first=first, then=", ".join(then))
            for first, then in overview.delivered_first()
        )
        console.print(escape(words["nlist.first"].format(firsts=firsts)), soft_wrap=False)
    decided = overview.decided()  # not a column: in 80 columns it would squeeze the titles
    if decided:
        phases = "; ".join(f"{phase}: {', '.join(ids)}" for phase, ids in decided)
        console.print(escape(words["nlist.decided"].format(phases=phases)), soft_wrap=False)


def _figures(summary: NeedSummary) -> tuple[str, str, str]:
    """A need's id, its groups must/should/could (``2/2/3``) and its personas, as shown."""
    levels = (summary.groups[level] for level in ("must", "should", "could"))
    return summary.need.id, "/".join(map(str, levels)), str(summary.personas)


def _after_fits(overview: NeedsOverview, words: Mapping[str, str], width: int) -> bool:
    """Whether an "after" column leaves the titles :data:`_TITLE_ROOM` in ``width``: the
    other columns as wide as their widest cell, one space apart."""
    cells = [(*_figures(s), max(s.need.depends_on, key=len, default="")) for s in overview.needs]
    headings = (words["gl.id"], words["nlist.groups"], words["gl.personas"], words["nlist.after"])
    widest = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headings)]
    return width - sum(widest) - len(widest) >= _TITLE_ROOM
