"""Fitting the groups to the organisation: ``groups list``, ``merge``, ``rename``, ``split``.

Also what ``needs rename`` and ``needs merge`` share with them: a dry run's diff, the table
of changed files, and what to do next."""

from __future__ import annotations

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
from needmap.errors import listed, plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from rich.console import Console

    from needmap.personas.study import Study
    from needmap.regroup import GroupSplit, Regrouping, StudyEdits
    from needmap.reports.groups_report import GroupsOverview


groups_app = command_family(
    "groups",
    "List the target groups, or merge, rename or split them in every file of the study: "
    "the group, the needs, personas, interviews, survey mappings and tallies. Comments and "
    "layout are kept.",
)

DryRun = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Print the changes as a diff; write nothing."),
]
MergedName = Annotated[
    str | None,
    typer.Option(
        "--name",
        metavar="<name>",
        help="Name of the merged group; default: the kept group's name.",
    ),
]
NewId = Annotated[
    str,
    typer.Argument(
        metavar="NEW-ID",
        help="Its new id (the same id to change only --name).",
        show_default=False,
    ),
]
"""A rename's new id, of a group or phase (a need's new id changes only its --title)."""
NewName = Annotated[
    str | None,
    typer.Option(
        "--name",
        metavar="<name>",
        help="The group's new name; default: it keeps its name.",
    ),
]


@groups_app.command("list")
def groups_list(
    folder: StudyDir,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """The groups side by side, to decide what to merge or split: id, family, headcount,
    needs by importance (must/should/could), personas, people interviewed, respondents per
    survey, and the most alike groups."""
    from needmap.reports.groups_report import groups_to_json, study_groups

    overview = study_groups(study_at(folder, language))
    if as_json:
        print_json(groups_to_json(overview))
        return
    _print_groups(overview)


@groups_app.command("merge")
def groups_merge(
    folder: StudyDir,
    groups: Annotated[
        list[str],
        typer.Argument(
            metavar="GROUPS",
            help="Ids or names of the groups to merge (two or more).",
            show_default=False,
        ),
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            metavar="<id>",
            help="The merged group: one of the groups (id or name), or a new id "
            "(then give --name).",
            show_default=False,
        ),
    ],
    name: MergedName = None,
    dry_run: DryRun = False,
) -> None:
    """Merge groups into one, in every file of the study.

    The merged group keeps one entry (the --into group's, or the first named) with the
    headcounts added up, and a description from the first named that has one where it has
    none. A need that several of the groups need keeps one entry with the
    highest importance among them. Personas, interviews and survey answers move to the
    merged group, and imported tallies are recounted.
    """
    from needmap.errors import UsageError

    if len(groups) < 2:
        raise UsageError.single(
            "name two or more groups to merge",
            hint="to rename one group: needmap groups rename "
            f"{command_word(folder)} {command_word(groups[0])} NEW-ID",
        )
    _regroup(study_at(folder), folder, groups, into, name, dry_run)


@groups_app.command("rename")
def groups_rename(
    folder: StudyDir,
    group: Annotated[
        str, typer.Argument(metavar="GROUP", help="Id or name of the group.", show_default=False)
    ],
    new_id: NewId,
    name: NewName = None,
    dry_run: DryRun = False,
) -> None:
    """Give a group a new id (and --name) in every file of the study that refers to it.

    Also finishes a rename done by hand: when the group is already called NEW-ID where it
    is defined, the needs, personas, interviews, survey answers and tallies that still
    name GROUP are changed to NEW-ID (the study's errors about them are what this fixes).
    """
    from needmap.errors import InvalidStudyError
    from needmap.personas.loader import read_study
    from needmap.personas.schema import is_id
    from needmap.regroup import plan_finished_rename

    reading = read_study(folder)
    ids = reading.ids.group_by_id
    named = reading.study.group_named(group) if reading.study is not None else None
    # an id renamed by hand whose group's name is the old id ("drivers", name Drivers)
    finishing = named is not None and named.id == new_id and is_id(group)
    defined = named is not None and not finishing
    if name is not None or defined or group in ids or new_id not in ids:
        if reading.study is None:
            raise InvalidStudyError(reading.problems)
        _regroup(reading.study, folder, [group], new_id, name, dry_run)
        return
    finished = plan_finished_rename(reading, group, new_id)
    apply_edits(finished, dry_run)
    console = new_console(stderr=dry_run)
    console.print(finished_line(finished, group, new_id, "group", dry_run))
    print_file_changes(console, finished)
    print_next(console, folder, dry_run)


@groups_app.command("split")
def groups_split(
    folder: StudyDir,
    group: Annotated[
        str,
        typer.Argument(
            metavar="GROUP", help="Id or name of the group to split.", show_default=False
        ),
    ],
    into: Annotated[
        list[str],
        typer.Option(
            "--into",
            metavar="<id>",
            help="Id of a part (once per part; the group's own id may be one of them).",
            show_default=False,
        ),
    ],
    names: Annotated[
        list[str],
        typer.Option(
            "--name",
            metavar="<name>",
            help="Name of each part, in the order of --into.",
            show_default=False,
        ),
    ],
    headcounts: Annotated[
        list[int] | None,
        typer.Option(
            "--headcount",
            min=0,
            metavar="<n>",
            help="Headcount of each part, in the order of --into (when the group has one).",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Split a group into parts, in every file of the study.

    Each part is a copy of the group's entry with its own id, name and headcount; where
    each part's copy of the description stands is listed, to describe the part. Every need
    of the group becomes a need of each part with the same importance, to adjust per part.
    The group's personas and interviews go to the first part and are listed, to move where
    they belong. A survey answer for the group names all the parts: its respondents are
    counted and weighted for them together, in the imported tallies too.
    """
    from needmap.errors import UsageError
    from needmap.regroup import GroupPart, plan_split

    counts = headcounts or []
    if len(names) != len(into) or (counts and len(counts) != len(into)):
        raise UsageError.single(
            f"{plural(len(into), 'part')} (--into), {plural(len(names), 'name')} (--name)"
            + (f" and {plural(len(counts), 'headcount')} (--headcount)" if counts else ""),
            hint="give --name (and --headcount) once per --into, in the same order",
        )
    parts = [
        GroupPart(part, name, counts[i] if counts else None)
        for i, (part, name) in enumerate(zip(into, names, strict=True))
    ]
    split = plan_split(study_at(folder), group, parts)
    apply_edits(split, dry_run)
    _print_split(split, folder, dry_run)


def _regroup(
    study: Study, folder: Path, groups: list[str], into: str, name: str | None, dry_run: bool
) -> None:
    from needmap.regroup import plan_regrouping

    regrouping = plan_regrouping(study, groups, into, name)
    apply_edits(regrouping, dry_run)
    _print_regrouping(regrouping, folder, dry_run)


def apply_edits(edits: StudyEdits, dry_run: bool) -> None:
    """Print the changes as a diff (``--dry-run``), or write them."""
    from needmap.regroup import write_study_edits

    if dry_run:
        typer.echo(edits.diff(), nl=False)
    else:
        write_study_edits(edits)


def finished_line(edits: StudyEdits, old: str, new: str, noun: str, dry_run: bool) -> str:
    """What finishing a rename done by hand changed (or would change)."""
    return (
        f"{'Would change' if dry_run else 'Changed'} the references to {escape(old)} into "
        f"'{escape(new)}', the {noun}'s new id, in {plural(len(edits.changes), 'file')}:"
    )


def print_next(console: Console, folder: Path, dry_run: bool) -> None:
    if dry_run:
        console.print("Nothing was written (--dry-run).")
    else:
        console.print(
            f"Comments and layout are kept. Next: needmap validate {escape(command_word(folder))}"
        )


def _print_groups(overview: GroupsOverview) -> None:
    """The groups in a table that fits 80 columns, in the study's language: names first
    (they wrap between words, ids do not), a heading row per family, a column per survey (headed
    "answered" when there is one)."""
    from needmap.reports.groups_report import hidden
    from needmap.reports.i18n import format_count, labels

    language = overview.language
    words = labels(language)
    interviews = any(s.participants != 0 for s in overview.groups)
    surveys = overview.surveys
    table = light_table("")
    add_name_column(table, words["gl.name"], (s.group.name for s in overview.groups))
    table.add_column(words["gl.id"], no_wrap=True)
    headings = [words["col.people"], words["col.needs"], words["gl.personas"]]
    for heading in [*headings, *([words["gl.interviewed"]] if interviews else [])]:
        table.add_column(heading, justify="right", no_wrap=True)
    for number, _ in enumerate(surveys, start=1):
        heading = words["gl.answered"] if len(surveys) == 1 else f"#{number}"
        table.add_column(heading, justify="right", no_wrap=True)
    for family, summaries in overview.by_family():
        if overview.families:
            name = overview.families[family] if family is not None else words["gl.no_family"]
            table.add_row(f"[bold]{escape(name)}[/bold]")
        for s in summaries:
            group = s.group
            figures = [
                group.id,
                ""
                if group.headcount is None
                else format_count(group.headcount, language) + ("*" if s.too_few else ""),
                "/".join(
                    format_count(s.needs[level], language) for level in ("must", "should", "could")
                ),
                str(s.personas),
                *(
                    [hidden(s.participants, True, overview.min_size, language)]
                    if interviews
                    else []
                ),
                *(
                    hidden(count, asked, overview.min_size, language) + ("†" if others else "")
                    for count, asked, others in zip(
                        s.respondents, s.asked, s.shared_with, strict=True
                    )
                ),
            ]
            table.add_row(escape(group.name), *map(escape, figures))
    console = new_console()
    print_table(console, table)
    legend = [words["gl.legend.needs"]]
    if interviews:
        legend.append(words["gl.legend.interviewed"])
    if len(surveys) == 1:
        legend.append(words["gl.legend.answered"].format(survey=escape(surveys[0])))
    else:
        legend.extend(
            words["gl.legend.survey_n"].format(n=number, survey=escape(survey))
            for number, survey in enumerate(surveys, start=1)
        )
    if any(
        (interviews and s.participants is None)
        or any(count is None and asked for count, asked in zip(s.respondents, s.asked, strict=True))
        for s in overview.groups
    ):
        legend.append(words["gl.legend.hidden"].format(n=overview.min_size))
    if any(any(s.shared_with) for s in overview.groups):
        legend.append(words["gl.legend.together"])
    if any(s.too_few for s in overview.groups):
        legend.append(words["gl.legend.too_few"].format(n=overview.min_size))
    console.print("; ".join(legend) + ".", style="dim", soft_wrap=False)
    if overview.alike:
        console.print(escape(overview.alike), soft_wrap=False)


def _print_split(split: GroupSplit, folder: Path, dry_run: bool) -> None:
    console = new_console(stderr=dry_run)
    parts = ", ".join(
        f"{escape(p.id)} ({escape(p.name)}"
        + ("" if p.headcount is None else f", headcount {p.headcount}")
        + ")"
        for p in split.parts
    )
    verb = "Would split" if dry_run else "Split"
    console.print(
        f"{verb} {escape(split.group)} into {parts} in {plural(len(split.changes), 'file')}:"
    )
    print_file_changes(console, split)
    parts_people = sum(p.headcount or 0 for p in split.parts)
    if split.headcount is not None and parts_people != split.headcount:
        console.print(
            f"The parts' headcounts add up to {parts_people:,}, where {escape(split.group)} "
            f"had {split.headcount:,}: the weighting and the demand go by the parts'."
        )
    console.print(
        "Each need of the group is now a need of every part, with the same importance: "
        "adjust them per part."
    )
    if split.descriptions:
        console.print(escape(f"Each part has the description of {split.group}: describe the part."))
        for where, part_id in split.descriptions:
            console.print(f"  {where}  {escape(part_id)}", soft_wrap=True)
    if split.moved:
        console.print(
            f"These now name {escape(split.parts[0].id)}; move those that belong to another part:"
        )
        for where, what in split.moved:
            console.print(f"  {where}  {escape(what)}", soft_wrap=True)
    if split.together:
        ids = listed([escape(p.id) for p in split.parts], shown=len(split.parts))
        console.print(
            f"These now name {ids} together: their respondents are counted and weighted for "
            "the parts as one, since the survey did not ask which part. If its answers tell "
            "the parts apart, give each answer its part and import the export again "
            "(needmap survey import):"
        )
        for where, what in split.together:
            console.print(f"  {where}  {escape(what)}", soft_wrap=True)
    for part in split.too_small:
        console.print(
            f"{escape(part.id)} has fewer people ({part.headcount}) than the minimum group "
            f"size of {split.min_group_size}: no report will show its answers on their own."
        )
    print_next(console, folder, dry_run)


def print_file_changes(console: Console, edits: StudyEdits) -> None:
    table = light_table("")
    table.add_column("file")
    table.add_column("changes")
    for change in edits.changes:
        table.add_row(escape(change.path.relative_to(edits.root).as_posix()), change.what)
    print_table(console, table)


def _print_regrouping(regrouping: Regrouping, folder: Path, dry_run: bool) -> None:
    console = new_console(stderr=dry_run)
    people = "" if regrouping.headcount is None else f", headcount {regrouping.headcount}"
    merged = ", ".join(regrouping.groups)
    verb, into = ("Would merge" if dry_run else "Merged"), "into"
    if len(regrouping.groups) == 1:
        verb, into = ("Would rename" if dry_run else "Renamed"), "to"
    console.print(
        f"{verb} {escape(merged)} {into} '{escape(regrouping.into)}' "
        f"({escape(regrouping.name)}{people}) in {plural(len(regrouping.changes), 'file')}:"
    )
    print_file_changes(console, regrouping)
    if regrouping.description_at is not None and regrouping.described_by is not None:
        console.print(
            f"The merged group kept the description of {escape(regrouping.described_by)} "
            f"({escape(str(regrouping.description_at))}): rewrite it to describe them all."
        )
    print_next(console, folder, dry_run)
