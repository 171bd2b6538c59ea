"""Personas and the roadmap: ``personas`` and ``roadmap``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    LanguageOption,
    SinceOption,
    StudyDir,
    app,
    emit_json,
    escape,
    id_list,
    light_table,
    new_console,
    out_option,
    print_bullets,
    print_indented,
    print_table,
    study_at,
    writing,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from needmap.model.roadmap import Roadmap
    from needmap.personas.study import Study
    from needmap.reports.i18n import Language
    from needmap.reports.personas_report import PersonaView
    from needmap.reports.toptasks_table import RankingTable


@app.command()
def personas(
    folder: StudyDir,
    persona: Annotated[
        str | None,
        typer.Option(
            "--persona",
            "-p",
            metavar="<ids>",
            help="Comma-separated persona ids or names to include. Default: every persona.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        out_option(
            "File to write: .html (a page), .pdf (a persona per page), .md, .xlsx (a sheet "
            "of personas and one of their key needs), .csv (the key needs) or .json. "
            "Default: print them."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the personas as JSON (docs/json-output.md).")
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Persona reports: each persona with its group, key needs and top-task evidence.

    Key needs show how much the persona's group needs them, how many groups share them,
    where the platform advice puts them and their roadmap phase; every imported survey adds
    what the group chose.
    """
    from needmap.errors import UsageError
    from needmap.reports.personas_report import persona_profiles, personas_to_json

    study = study_at(folder, language, out=out)
    if not study.personas:
        raise UsageError.single(
            "the study defines no personas",
            path=study.root,
            hint="add them to personas.yaml (see docs/study-format.md)",
        )
    profiles = persona_profiles(study, id_list(persona))
    if as_json:
        emit_json(personas_to_json(profiles, study), out)
        return
    if out is not None:
        from needmap.reports.personas_report import write_personas

        with writing(out):
            write_personas(profiles, study, out)
        new_console().print(escape(f"wrote {out} ({plural(len(profiles), 'persona')})"))
        return
    from needmap.reports.personas_report import persona_views

    _print_personas(persona_views(profiles, study), study.settings.language)


@app.command()
def roadmap(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        out_option(
            "File to write: .html (a page), .pdf, .md, .csv, .xlsx or .json. Default: print it."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the roadmap as JSON (docs/json-output.md).")
    ] = False,
    since: SinceOption = None,
    language: LanguageOption = None,
) -> None:
    """The roadmap: needs by score (demand x evidence / effort) in the study's phases.

    Phases and their capacity in effort points come from roadmap.phases in study.yaml
    (needmap phases list shows their ids); a need is never planned before what it depends
    on, and a need with a phase in needs.yaml (the steering group's decision) is in that
    phase. Imported top-task surveys are evidence;
    interviews and search logs are shown beside the score. Each need says whether it goes on
    the shared platform or per group, under the platform form (in the terminal, these
    columns from 110 columns wide). With --since, the needs that moved since an earlier plan
    are listed too. needmap why DIR NEED says why a need is where it is, and not sooner.
    """
    from needmap.reports.roadmap_report import roadmap_to_json, study_roadmap

    study = study_at(folder, language, out=out)
    plan = study_roadmap(study)
    if since is not None:
        from needmap.model.replan import replan
        from needmap.reports.roadmap_baseline import earlier_plan

        plan = replan(plan, *earlier_plan(since, study.root))
    if as_json:
        emit_json(roadmap_to_json(plan), out)
        return
    if out is not None:
        from needmap.reports.roadmap_report import write_roadmap

        with writing(out):
            write_roadmap(plan, study, out)
        planned = sum(len(p.needs) for p in plan.phases)
        done = f"{planned:,} of {len(plan.needs):,} needs planned"
        new_console().print(escape(f"wrote {out} ({done})"))
        return
    _print_roadmap(plan, study)


def _labels(language: Language) -> Mapping[str, str]:
    from needmap.reports.i18n import labels

    return labels(language)


def _key_needs_table(view: PersonaView, language: Language) -> Table:
    """A persona's key needs in 80 columns: without kind and place, and the evidence
    (votes, interviews, searches) in one column, so that the titles keep room."""
    header = view.needs_header
    table = light_table(escape(view.needs_title))
    table.padding = (0, 0)  # one space between columns
    table.add_column(escape(header[0]), min_width=20)
    for i in (2, 3, 5):
        table.add_column(escape(header[i]))
    table.add_column(_labels(language)["why.evidence"])
    for row in view.needs:
        evidence = " · ".join(cell for cell in row.votes if cell != "\u2013") or "\u2013"
        table.add_row(
            escape(row.title),
            escape(row.importance),
            row.shared_by,
            escape(row.when),
            escape(evidence),
        )
    return table


def _print_personas(views: tuple[PersonaView, ...], language: Language) -> None:
    """Each persona: who, the story, the lists as bullets, key needs and survey evidence."""
    from rich.padding import Padding
    from rich.text import Text

    console = new_console()
    for index, view in enumerate(views):
        if index:
            console.rule(style="dim")
        console.print(f"[bold]{escape(view.name)}[/bold]: {escape(view.role)}")
        about = f" · {view.about_group}" if view.about_group else ""
        console.print(f"[cyan]{escape(view.group)}[/cyan]{escape(about)}")
        if view.summary:
            console.print(Padding(Text(view.summary), (1, 0, 0, 0)), soft_wrap=False)
        for quote in view.quotes:
            console.print(
                Padding(Text(f"“{quote}”", style="italic"), (0, 0, 0, 2)), soft_wrap=False
            )
        for heading, items in view.lists:
            console.print(f"\n[bold]{escape(heading)}[/bold]")
            print_bullets(console, list(items))
        if view.needs:
            console.print()
            print_table(console, _key_needs_table(view, language))
            evidence = _labels(language)["why.evidence"]
            legend = " · ".join(view.needs_header[6:])
            console.print(escape(f"{evidence}: {legend}"), style="dim")
        for survey in view.surveys:
            console.print(f"\n[bold]{escape(survey.heading)}[/bold]")
            console.print(escape(survey.text))
            print_bullets(console, [f"{label}: {pct}" for label, pct, _ in survey.tasks])
        if view.interviews is not None:
            console.print(f"\n[bold]{escape(view.interviews.heading)}[/bold]")
            console.print(escape(view.interviews.text), soft_wrap=False)
            for text, need, signal, _ in view.interviews.quotes:
                console.print(
                    Padding(Text(f"“{text}” ({need}, {signal})", style="italic"), (0, 0, 0, 2)),
                    soft_wrap=False,
                )


def _print_roadmap(plan: Roadmap, study: Study) -> None:
    """Each phase with its load and its needs in plan order, then the rule and the notes."""
    from rich.cells import cell_len

    from needmap.reports.i18n import labels
    from needmap.reports.roadmap_report import (
        build_changes_table,
        build_roadmap_table,
        phase_views,
    )

    console = new_console()
    why = build_roadmap_table(plan, study)
    words = labels(study.settings.language)
    # in plan order, as the phases list their needs; a decided need says so by its title
    # (the table's phase column, which says it elsewhere, is the heading here)
    need_column = why.header.index(words["need"])
    marked = [
        tuple(
            f"{cell} ({words['rm.decided']})" if i == need_column and scored.decided else cell
            for i, cell in enumerate(row)
        )
        for row, scored in zip(why.rows, plan.needs, strict=True)
    ]
    rows = iter(marked)
    extra = [why.header.index(words[k]) for k in _WIDE_COLUMNS if words[k] in why.header]
    wide = console.width >= _WIDE_ROADMAP
    # number, need, score, votes, [platform, interviews, searches,] effort, after
    shown = (
        *(why.header.index(words[k]) for k in ("rm.order", "need", "rm.score", "rm.votes")),
        *(extra if wide else ()),
        *(why.header.index(words[k]) for k in ("rm.effort", "rm.after")),
    )
    # Each phase is a table of its own: as wide as the widest cell of any phase, a column
    # lines up from phase to phase.
    widest = {i: max(cell_len(why.header[i]), *(cell_len(r[i]) for r in marked)) for i in shown}
    gaps = 2 * (len(shown) - 1)
    fits = sum(widest.values()) + gaps <= console.width
    # Too wide to fit, the text columns share the room the others leave: the need's title
    # the most (rich honours the ratios only in a table as wide as the terminal).
    texts = {
        i: ratio
        for key, ratio in _TEXT_RATIOS.items()
        if words[key] in why.header and (i := why.header.index(words[key])) in shown
    }
    room = console.width - gaps - sum(w for i, w in widest.items() if i not in texts)
    ratios = _text_shares(room, texts, widest)
    for view in phase_views(plan, study):
        load = escape(view.load)
        if view.full > 1:  # decisions fill it beyond its capacity: as the page's meter
            load = f"[red]{load}[/red]"
        title = f"[bold]{escape(view.name)}[/bold] · {load}"
        if not view.needs:
            empty = words["rm.empty"]
            console.print(f"{title}\n[dim]{escape(empty)}[/dim]\n")
            continue
        table = light_table(title)
        for i in shown:
            table.add_column(
                escape(why.header[i]),
                justify="left" if i in why.text_columns else "right",
                ratio=ratios.get(i),
                min_width=widest[i] if fits or i not in ratios else None,
            )
        for _ in view.needs:
            row = next(rows)
            table.add_row(*(escape(row[i]) for i in shown))
        table.expand = not fits
        print_table(console, table)
        console.print()
    changes = build_changes_table(plan, study)
    if changes is not None:
        _print_changes(console, changes)
    print_indented(console, why.notes, indent=0, style="dim")
    if extra and not wide:
        columns = ", ".join(why.header[i] for i in extra)
        console.print(
            escape(words["roadmap.wide"].format(columns=columns, width=_WIDE_ROADMAP)),
            soft_wrap=False,
            style="dim",
        )
    # the need a reader asks about first: the first that earlier phases had no room for
    example = next((s.need.id for s in plan.needs if s.need.id in plan.passed_over), None)
    if example is not None:  # the command on a line of its own, whole, to copy
        console.print(escape(words["roadmap.why"]), style="dim")
        command = f"  needmap why {command_word(study.root)} {example}"
        console.print(escape(command), style="cyan", highlight=False, soft_wrap=True)


def _print_changes(console: Console, changes: RankingTable) -> None:
    """What moved since the earlier plan, and how many needs stayed."""
    if changes.rows:
        table = light_table(f"[bold]{escape(changes.title)}[/bold]")
        for i, heading in enumerate(changes.header):
            table.add_column(heading, justify="left" if i in changes.text_columns else "right")
        for row in changes.rows:
            table.add_row(*(escape(cell) for cell in row))
        print_table(console, table)
    else:
        console.print(f"[bold]{escape(changes.title)}[/bold]")
    console.print(escape(changes.notes[0]), soft_wrap=False, style="dim")
    console.print()


_WIDE_COLUMNS = ("rm.platform", "rm.interviews", "rm.searches")
"""The roadmap's columns shown when the terminal is wide: where each need is delivered,
and the evidence beside the score."""
_TEXT_RATIOS = {"need": 3, "rm.platform": 2, "rm.after": 2}
"""How the roadmap's text columns share a terminal too narrow for them: the need's title
the most."""
_WIDE_ROADMAP = 110
"""Terminal width from which the roadmap shows those columns too."""


def _text_shares(room: int, ratios: Mapping[int, int], widest: Mapping[int, int]) -> dict[int, int]:
    """The ratios by which the text columns share ``room``: their own, but a column whose
    share would be wider than its widest cell gets just that width, and the others the
    rest (rich gives a column its whole share, however narrow its cells: in a terminal a
    little too narrow for the roadmap, the need's title took room the steps it waits for
    wrapped without)."""
    shares = dict(ratios)
    capped: dict[int, int] = {}
    while shares:
        total, left = sum(shares.values()), room - sum(capped.values())
        full = {i for i, r in shares.items() if left * r >= widest[i] * total}
        if not full:
            break
        capped |= {i: widest[i] for i in full}
        shares = {i: r for i, r in shares.items() if i not in full}
    if not capped:
        return dict(ratios)
    total, left = sum(shares.values()), room - sum(capped.values())
    return capped | {i: max(1, left * r // total) for i, r in shares.items()}
