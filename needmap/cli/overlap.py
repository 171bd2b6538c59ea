"""The overlap model: ``overlap``, ``diagram``, ``table`` and ``report``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    LanguageOption,
    StudyDir,
    app,
    escape,
    id_list,
    light_table,
    new_console,
    out_option,
    print_json,
    print_legend,
    print_table,
    study_at,
    writing,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from needmap.model.analysis import OverlapAnalysis
    from needmap.reports.needs_table import NeedsTable


_MERGE_HINT_FROM = 0.8
"""Weighted similarity from which ``overlap`` suggests merging the two groups."""


GroupsOption = Annotated[
    str | None,
    typer.Option(
        "--groups",
        "-g",
        metavar="<ids>",
        help="Comma-separated ids or names of the groups to compare (families with "
        "--by-family); default: all.",
        show_default=False,
    ),
]
ByFamilyOption = Annotated[
    bool,
    typer.Option("--by-family", help="Merge groups into their families: one circle per family."),
]


def _analysis(
    folder: Path,
    groups: str | None,
    by_family: bool,
    language: str | None,
    out: Path | None = None,
) -> OverlapAnalysis:
    from needmap.model.analysis import analyse_overlap

    study = study_at(folder, language, out=out)
    return analyse_overlap(study, id_list(groups), by_family=by_family)


@app.command()
def overlap(
    folder: StudyDir,
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result as JSON (docs/json-output.md).")
    ] = False,
    language: LanguageOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every region. Without it, more than three circles list the regions "
            "their diagram draws (the largest, with the shared core and each group's own).",
        ),
    ] = False,
) -> None:
    """Show which needs the groups share, region by region, and the recommended platform form."""
    analysis = _analysis(folder, groups, by_family, language)
    if as_json:
        from needmap.reports.overlap_json import overlap_to_json

        print_json(overlap_to_json(analysis))
        return
    _print_overlap(analysis, show_all=show_all)


@app.command()
def diagram(
    folder: StudyDir,
    out: Annotated[
        Path,
        out_option("File to write: .svg or .png."),
    ],
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    language: LanguageOption = None,
) -> None:
    """Draw the overlapping-circles diagram (Venn for up to 3 circles, UpSet for more)."""
    from needmap.reports.diagram import draw_diagram, write_diagram

    analysis = _analysis(folder, groups, by_family, language, out)
    drawn = draw_diagram(analysis.study, analysis.overlap)
    write_diagram(drawn, out)
    detail = "to scale" if drawn.scaled else "not to scale"
    if drawn.kind == "upset":
        left_out = "smaller ones" if drawn.hidden_smaller else "more"
        detail = f"{len(drawn.shown_codes)} combinations" + (
            f", {drawn.hidden_regions} {left_out} not shown" if drawn.hidden_regions else ""
        )
    new_console().print(escape(f"wrote {out} ({drawn.kind}, {detail})"))


@app.command()
def table(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        out_option("File to write: .md, .html (a page), .pdf, .csv or .xlsx. Default: print it."),
    ] = None,
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="<kinds>",
            help="Comma-separated kinds to include: content, function, technology.",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """The needs table: needs by kind, one column per group, importance in each cell."""
    from needmap.reports.needs_table import build_needs_table, parse_kinds

    analysis = _analysis(folder, groups, by_family, language, out)
    needs_table = build_needs_table(
        analysis.study, analysis.overlap, analysis.advice, parse_kinds(id_list(kind))
    )
    if out is None:
        _print_table(needs_table, analysis.study.settings.language)
        return
    from needmap.reports.table_formats import write_table

    write_table(needs_table, out)
    new_console().print(escape(f"wrote {out} ({plural(len(needs_table.rows), 'need')})"))


@app.command()
def report(
    folder: StudyDir,
    out: Annotated[
        Path,
        out_option("File to write: .html (a page), .pdf or .md (without the diagram)."),
    ],
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    language: LanguageOption = None,
) -> None:
    """Write the overlap overview: advice, diagram and needs table on one offline page (or as
    PDF or Markdown)."""
    from needmap.reports.diagram import draw_diagram
    from needmap.reports.overview import write_overview

    analysis = _analysis(folder, groups, by_family, language, out)
    with writing(out):
        write_overview(analysis, draw_diagram(analysis.study, analysis.overlap), out)
    new_console().print(escape(f"wrote {out}"))


def _print_overlap(analysis: OverlapAnalysis, *, show_all: bool) -> None:
    from rich.table import Table

    from needmap.model.overlap import VENN_MAX_CIRCLES, most_alike
    from needmap.reports.i18n import format_count, format_percent, labels, note_text
    from needmap.reports.overview import advice_sentence, alike_sentence
    from needmap.reports.upset import MAX_COLUMNS, hidden_note, select_columns

    study, result, advice = analysis.study, analysis.overlap, analysis.advice
    language = study.settings.language
    words = labels(language, by_family=result.by_family)
    console = new_console()
    letters = {u.id: u.letter for u in result.units}
    joiner = "" if all(len(letter) == 1 for letter in letters.values()) else " "  # AA, AB
    codes = {r.code: joiner.join(letters[u] for u in r.units) for r in result.regions}
    units = Table(box=None, pad_edge=False)
    units.add_column("")
    units.add_column(words["col.group"])
    for key in ("col.people", "col.needs", "col.only"):
        units.add_column(words[key], justify="right", no_wrap=True)
    for unit in result.units:
        units.add_row(
            unit.letter,
            escape(unit.name),
            "" if unit.headcount is None else format_count(unit.headcount, language),
            format_count(len(result.unit_needs(unit.id)), language),
            format_count(len(result.unique(unit.id)), language),
        )
    print_table(console, units)
    console.print()
    regions = light_table(words["overlap.regions"])
    fixed = []
    for key, content in (
        ("col.code", max(len(r.code) for r in result.regions)),
        ("col.groups", min(max(map(len, codes.values())), _GROUPS_WIDTH)),
        ("col.needs", max(len(format_count(len(r.needs), language)) for r in result.regions)),
        ("col.demand", 4),
    ):
        width = max(content, len(words[key]))
        fixed.append(width)
        regions.add_column(
            words[key],
            no_wrap=True,
            width=width,
            justify="right" if key in ("col.needs", "col.demand") else "left",
        )
    room = console.width - sum(fixed) - 2 * len(fixed)
    regions.add_column(
        words["col.examples"], overflow="ellipsis", no_wrap=True, width=max(room, 12)
    )
    # More circles than a Venn diagram holds are drawn as an UpSet chart of some regions:
    # list the same.
    drawn = len(result.units) > VENN_MAX_CIRCLES and not show_all
    shown, hidden = select_columns(result, MAX_COLUMNS) if drawn else (result.regions, ())
    for region in shown:
        regions.add_row(
            region.code,
            codes[region.code],
            format_count(len(region.needs), language),
            format_percent(region.share, language, 0),
            escape("; ".join(study.need_by_id[n].title for n in region.needs)),
        )
    print_table(console, regions)
    if hidden:
        more = hidden_note(shown, hidden, len(result.units), language)
        console.print(words["overlap.more"].format(hidden=more), soft_wrap=False)
    console.print()
    console.print(
        advice_sentence(
            "overlap.advice",
            advice,
            len(result.units),
            language,
            form=f"[bold]{words['form.' + advice.form]}[/bold]",
        ),
        soft_wrap=False,
    )
    if result.weighting_note:
        note = note_text(result.weighting_note, language)
        console.print(words["overlap.note"].format(note=escape(note)), soft_wrap=False)
    alike = alike_sentence(result, language)
    if alike:
        console.print(escape(alike), soft_wrap=False)
    closest = next(iter(most_alike(result)), None)
    if (
        closest is not None
        and closest.weighted_jaccard >= _MERGE_HINT_FROM
        and all(unit.kind == "group" for unit in result.units)
    ):
        console.print(
            "Groups this alike may be one: needmap groups merge "
            f"{escape(command_word(study.root))} "
            f"{closest.a} {closest.b} --into {closest.a}",
            style="dim",
            soft_wrap=True,  # a command to copy: not broken over lines
        )


_GROUPS_WIDTH = 52
"""The widest the regions' column of group letters gets: the letters of 52 groups, one
each; the codes of more (AA, AB, …, with spaces between) end in an ellipsis."""

_TITLE_WIDTH = 24
"""The narrowest the need column gets in the terminal."""


def _print_table(needs_table: NeedsTable, language: str) -> None:
    """Marks (●●● must, ●● should, ● could) in a column per group; where those columns
    would leave the needs no room, one column of letters (``M · S C``), a character per
    group, as the printed table does from many groups on."""
    from needmap.reports.i18n import labels

    words = labels("en" if language == "en" else "nl")
    console = new_console()
    table = light_table(escape(needs_table.title))
    table.add_column(escape(needs_table.headers[1]), min_width=_TITLE_WIDTH)
    region_width = max([len(needs_table.headers[2]), *(len(r.region) for r in needs_table.rows)])
    marks_fit = _TITLE_WIDTH + 5 * len(needs_table.columns) + region_width + 2 <= console.width
    if marks_fit:
        marks = {"must": "[bold]●●●[/bold]", "should": "●●", "could": "[dim]●[/dim]", "": ""}
        for letter in needs_table.letters:
            table.add_column(letter, justify="center", no_wrap=True)
        legend = words["legend.marks"]
    else:
        short = needs_table.short
        marks = {"must": f"[bold]{short['must']}[/bold]", "should": short["should"]}
        marks |= {"could": f"[dim]{short['could']}[/dim]", "": "[dim]·[/dim]"}
        table.add_column(" ".join(needs_table.letters), no_wrap=True)
        legend = "  ".join(f"{short[lv]} {words[f'importance.{lv}']}" for lv in short)
    table.add_column(escape(needs_table.headers[2]), no_wrap=True)
    # each mark under its column's letter, of two from the 53rd column on (AA)
    widths = [len(letter) for letter in needs_table.letters]
    for kind, heading in needs_table.kinds:
        table.add_section()
        table.add_row(f"[bold]{escape(heading)}[/bold]")
        for row in needs_table.rows_of(kind):
            cells = [marks[level] for level in row.levels]
            lined = " ".join(f"{c}{' ' * (w - 1)}" for c, w in zip(cells, widths, strict=True))
            table.add_row(
                escape(row.title),
                *(cells if marks_fit else [lined.rstrip()]),
                escape(row.region) + (f" {words['core']}" if row.is_core else ""),
            )
    print_table(console, table)
    print_legend(console, list(needs_table.columns))
    console.print(legend, style="dim")
