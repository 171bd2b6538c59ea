"""Interviews: ``guide``, what to ask a group and how to record it; ``import-interviews``,
the quotes of a spreadsheet written into the study."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
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
    print_indented,
    print_problems,
    study_at,
    writing,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from needmap.interview_import import ImportedInterviews
    from needmap.reports.guide_report import GroupGuide


@app.command()
def guide(
    folder: StudyDir,
    groups: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="GROUPS",
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
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--sheet",
            metavar="<path>",
            help="Also write an Excel sheet (.xlsx, a new file) to note the quotes in, a row "
            "each, with a row set out for each group's interview, the groups to pick from and "
            "the needs beside; needmap import-interviews reads it into the study afterwards.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """Interview guides for some groups or all: what to ask, and where to write it down.

    Who the group is and its personas; open questions over content, functions and
    technology; the group's needs, those with no evidence yet (what an interview can still
    settle) apart from those with evidence to check; what the group said earlier, where
    that may be shown; needs of the other groups of its family to check; the group's top
    tasks in each survey that shows it; and the interviews/ entry to fill in, with the
    group and need ids in it (--record writes it into the study; --sheet writes a
    spreadsheet to note the quotes in instead).
    """
    from datetime import date

    from needmap.reports.guide_report import group_guides

    guides = group_guides(
        study_at(folder, language, out=out),
        groups or [],
        day.date() if day is not None else date.today(),
    )
    if sheet is not None:
        from needmap.reports.quote_sheet import write_quote_sheet

        write_quote_sheet(guides, sheet)
        new_console().print(
            f"wrote {escape(str(sheet))}: note the quotes in it, then needmap import-interviews "
            f"{escape(command_word(folder))} {escape(command_word(sheet))} (and with --update "
            "as more come in)"
        )
    if out is not None:
        from needmap.reports.guide_report import write_guide

        with writing(out):
            write_guide(guides, out)
        new_console().print(escape(f"wrote {out} ({plural(len(guides), 'group')})"))
    else:
        _print_guides(guides)
    if record:
        from needmap.reports.guide_report import record_interviews

        console = new_console()
        for path in record_interviews(guides):
            console.print(escape(f"wrote {path}: fill in the quotes during the interview"))


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


@app.command("import-interviews")
def import_interviews(
    folder: StudyDir,
    sheet: Annotated[
        Path,
        typer.Argument(
            metavar="SHEET",
            help="The spreadsheet (.xlsx, .ods or .csv), one row per quote, with columns group "
            "and quote, and any of interview, date, participants, needs, questions, notes "
            "(or their Dutch names).",
            show_default=False,
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="<name>",
            help="Name of the file to write in interviews/. Default: the sheet's name.",
            show_default=False,
        ),
    ] = None,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="When the file exists (the sheet was imported before and has grown): add "
            "the interviews it does not have yet, below the others, and the quotes the "
            "sheet gives below the last of one it has. The rest of the file stays as it "
            "is, comments and all; a warning names an interview the sheet now gives "
            "differently.",
        ),
    ] = False,
) -> None:
    """Write the interview quotes of a spreadsheet into the study, as a new file in
    interviews/, or with --update add what is new in it to that file.

    Rows are gathered into interviews by the interview column (its group on one of its
    rows is enough), or by group and date. Groups and needs may be written as ids or as
    names; needs and questions are separated by commas. Every problem is reported with
    its row and column, and nothing is written until there are none. Columns needmap does
    not know (a participant's name) are left out. See docs/interviews.md.
    """
    from needmap.interview_import import import_interview_sheet

    study = study_at(folder)
    result = import_interview_sheet(study, sheet, name, update=update)
    print_problems(result.warnings)
    console = new_console()
    names = {group.id: group.name for group in study.groups}
    console.print(_imported_summary(result, names))
    if result.interviews or result.grown:
        console.print(
            f"What they say about each need: needmap interviews {escape(command_word(folder))}"
        )


def _imported_summary(result: ImportedInterviews, group_names: Mapping[str, str]) -> str:
    """What ``import-interviews`` wrote: the interviews per group, the quotes added to
    interviews the file had, and how many it left as they were."""
    path = escape(str(result.path))
    quotes = sum(len(interview.quotes) for interview in result.interviews)
    per_group = Counter(group_names[interview.group] for interview in result.interviews)
    added = (
        f"{plural(len(result.interviews), 'interview')} with {plural(quotes, 'quote')} "
        "(interviews per group: "
        + ", ".join(f"{escape(group)} {count}" for group, count in per_group.items())
        + ")"
    )
    if result.created:
        return f"wrote {path}: {added}."
    if not result.interviews and not result.grown:
        had = plural(len(result.already), "interview")
        return f"nothing to add: {path} has the sheet's {had} already."
    parts = [f"added {added}"] if result.interviews else []
    if result.grown:
        more = sum(count for _, count in result.grown)
        ids = ", ".join(interview_id for interview_id, _ in result.grown)
        parts.append(
            f"added {plural(more, 'quote')} to {plural(len(result.grown), 'interview')} "
            f"it had ({ids})"
        )
    if unchanged := len(result.already) - len(result.grown):
        parts.append(f"{unchanged} unchanged")
    return f"updated {path}: " + "; ".join(parts) + "."
