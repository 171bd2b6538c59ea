"""The roadmap's phases by id, and renaming one: ``phases list``, ``phases rename``."""

from __future__ import annotations

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
from needmap.cli.groups import DryRun, NewId, apply_edits, print_file_changes, print_next
from needmap.errors import plural

if TYPE_CHECKING:
    from needmap.reports.phases_list import PhasesOverview

phases_app = command_family(
    "phases",
    "List the roadmap's phases with their ids, or rename one in every file of the "
    "study: the phase in study.yaml and the needs decided for it. Comments and layout are "
    "kept.",
)


@phases_app.command("list")
def phases_list(
    folder: StudyDir,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """The roadmap's phases in order with their ids (which the reports do not show), each
    phase's capacity in effort points, and the needs decided for it (phase in the needs
    files)."""
    from needmap.reports.phases_list import phases_to_json, study_phases

    overview = study_phases(study_at(folder, language))
    if as_json:
        print_json(phases_to_json(overview))
        return
    _print_phases(overview)


@phases_app.command("rename")
def phases_rename(
    folder: StudyDir,
    phase: Annotated[
        str, typer.Argument(metavar="PHASE", help="Id or name of the phase.", show_default=False)
    ],
    new_id: NewId,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="<name>",
            help="The phase's new name, as the reports show it; default: it keeps its name.",
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Give a roadmap phase a new id (and --name) in study.yaml and in every need decided
    for it (phase in the needs files). A study.yaml that names no phases gets the default
    ones written in, this one renamed.

    Also finishes a rename done by hand: when study.yaml calls the phase NEW-ID already,
    the needs still decided for PHASE are changed to NEW-ID (the study's "unknown phase"
    errors are what this fixes). An earlier plan that --since compares with keeps the old
    id: its phases are matched by place where no id is the same.
    """
    from needmap.personas.loader import read_study
    from needmap.regroup import plan_phase_rename

    rename = plan_phase_rename(read_study(folder), phase, new_id, name)
    apply_edits(rename, dry_run)
    console = new_console(stderr=dry_run)
    files = plural(len(rename.changes), "file")
    if rename.finished:
        verb = "Would change" if dry_run else "Changed"
        line = (
            f"{verb} the needs decided for {escape(rename.old)} to '{escape(new_id)}', the "
            f"phase's new id, in {files}:"
        )
    elif rename.old == new_id:
        verb = "Would give" if dry_run else "Gave"
        line = (
            f"{verb} phase {escape(rename.old)} the name '{escape(rename.name or '')}' in {files}:"
        )
    else:
        verb = "Would rename" if dry_run else "Renamed"
        named = "" if rename.name is None else f" ({escape(rename.name)})"
        line = f"{verb} phase {escape(rename.old)} to '{escape(new_id)}'{named} in {files}:"
    console.print(line)
    print_file_changes(console, rename)
    if rename.wrote_defaults:
        console.print(
            "study.yaml named no phases, so the roadmap's default ones are written into it "
            "(roadmap.phases), this one renamed: change their names and capacities there."
        )
    print_next(console, folder, dry_run)


def _print_phases(overview: PhasesOverview) -> None:
    """The phases in a table that fits 80 columns, in the study's language: names first
    (they wrap between words, ids do not), the decided needs last (they wrap between ids)."""
    from needmap.reports.i18n import format_points, labels

    language = overview.language
    words = labels(language)
    table = light_table("")
    add_name_column(table, words["gl.name"], (s.phase.name for s in overview.phases))
    table.add_column(words["gl.id"], no_wrap=True)
    table.add_column(words["plist.capacity"], justify="right", no_wrap=True)
    table.add_column(words["plist.decided"])
    for s in overview.phases:
        capacity = s.phase.capacity
        table.add_row(
            escape(s.phase.name),
            escape(s.phase.id),
            words["plist.no_limit"] if capacity is None else format_points(capacity, language),
            escape(", ".join(s.decided)),
        )
    console = new_console()
    print_table(console, table)
    legend = [words["plist.legend.capacity"], words["plist.legend.decided"]]
    console.print(escape("; ".join(legend) + "."), style="dim", soft_wrap=False)
