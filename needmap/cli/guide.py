"""Before an interview: ``guide``, what to ask one group and how to record it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    LanguageOption,
    StudyDir,
    app,
    escape,
    new_console,
    out_option,
    plural,
    print_indented,
    study_at,
)

if TYPE_CHECKING:
    from needmap.reports.guide_report import GroupGuide


@app.command()
def guide(
    folder: StudyDir,
    groups: Annotated[
        list[str] | None,
        typer.Argument(
            help="Groups by id (as in groups.yaml) or name, each on a page of its own. "
            "Default: every group.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        out_option("File to write: .html or .pdf (a page to print) or .md. Default: print it."),
    ] = None,
    day: Annotated[
        datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d"],
            metavar="<date>",
            help="Date of the interview, YYYY-MM-DD, for the entry to record it in. "
            "Default: today.",
            show_default=False,
        ),
    ] = None,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Also write each group's entry to interviews/ID.yaml in the study, to fill "
            "in during the interview: a new file, never written over one.",
        ),
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Interview guides for some groups or all: what to ask, and where to write it down.

    Who the group is and its personas; open questions over content, functions and
    technology; the group's needs, those with no evidence yet (what an interview can still
    settle) apart from those with evidence to check; what the group said earlier, where
    that may be shown; needs of the other groups of its family to check; the group's top
    tasks in each survey that shows it; and the interviews/ entry to fill in, with the
    group and need ids in it (--record writes it into the study).
    """
    from datetime import date

    from needmap.reports.guide_report import group_guides

    guides = group_guides(
        study_at(folder, language),
        groups or [],
        day.date() if day is not None else date.today(),
    )
    if out is not None:
        from needmap.reports.guide_report import write_guide

        write_guide(guides, out)
        new_console().print(f"wrote {out} ({plural(len(guides), 'group')})")
    else:
        _print_guides(guides)
    if record:
        from needmap.reports.guide_report import record_interviews

        console = new_console()
        for path in record_interviews(guides):
            console.print(f"wrote {path}: fill in the quotes during the interview")


def _print_guides(guides: Sequence[GroupGuide]) -> None:
    """Per guide: the title in bold, then each section: its sentence, its lines, the entry
    to copy."""
    from needmap.reports.guide_report import guide_sections

    console = new_console()
    for number, made in enumerate(guides):
        if number:
            console.rule()
        first, *rest = guide_sections(made)
        print_indented(console, [first.heading], indent=0, style="bold")
        print_indented(console, list(first.lines), indent=0)
        for section in rest:
            console.print()
            console.print(f"[bold]{escape(section.heading)}[/bold]")
            print_indented(console, [section.intro] if section.intro else [], indent=0)
            print_indented(console, list(section.lines))
            if section.code:
                console.print(escape(section.code), highlight=False, soft_wrap=True)
