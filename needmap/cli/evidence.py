"""The evidence: ``interviews``, ``searches`` and ``toptasks``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    SHARE,
    ImportedSurveyId,
    LanguageOption,
    StudyDir,
    app,
    choice_of,
    emit_json,
    escape,
    light_table,
    new_console,
    out_option,
    print_bullets,
    print_indented,
    print_ranking,
    print_table,
    study_at,
    writing,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from needmap.model.interviews import InterviewEvidence
    from needmap.model.searches import SearchEvidence
    from needmap.model.toptasks import GroupBreakdown, TopTasks
    from needmap.personas.study import Study
    from needmap.reports.i18n import Language
    from needmap.surveys.mapping import SurveyMapping


TERMS_IN_TERMINAL = 3
"""Most searched terms per need in the terminal's table (the reports show more)."""

GROUP_TOP = 3
"""Tasks listed for each group under the terminal's ranking (the reports give every task's
share per group)."""

EvidenceJson = Annotated[
    bool, typer.Option("--json", help="Print the evidence as JSON (docs/json-output.md).")
]


@app.command()
def interviews(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        out_option(
            "File to write: .html (a page with the quotes), .pdf, .md, .csv, .xlsx or .json. "
            "Default: print the table."
        ),
    ] = None,
    as_json: EvidenceJson = False,
    language: LanguageOption = None,
) -> None:
    """Interview evidence: which needs the interviews in interviews/ support or question.

    Counts are interviews, per group; groups with fewer interview participants than the
    study's minimum are pooled as "other groups", and the pool is hidden when it is small too.
    """
    from needmap.reports.interviews_report import interviews_to_json, study_interviews

    study = study_at(folder, language, out=out)
    evidence = study_interviews(study)
    if as_json:
        emit_json(interviews_to_json(evidence), out)
        return
    if out is not None:
        from needmap.reports.interviews_report import write_interviews

        with writing(out):
            write_interviews(evidence, study, out)
        new_console().print(
            escape(f"wrote {out} ({plural(evidence.interviews, 'interview')} shown)")
        )
        return
    _print_interviews(evidence, study)


@app.command()
def searches(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        out_option(
            "File to write: .html (a page), .pdf, .md, .csv (the needs table), .xlsx or "
            ".json. Default: print the tables."
        ),
    ] = None,
    as_json: EvidenceJson = False,
    language: LanguageOption = None,
) -> None:
    """Search-log evidence: which needs people searched for, which searches found nothing
    (content gaps), and frequent searches that match no need.

    Reads each search log in analytics/ (a YAML file beside its export). Terms searched
    fewer times than the study's minimum group size, and terms with personal data (an
    e-mail address, a phone number, a colleague's name), are counted but never shown.
    """
    from needmap.reports.searches_report import searches_to_json, study_searches

    study = study_at(folder, language, out=out)
    evidence = study_searches(study)
    if as_json:
        emit_json(searches_to_json(evidence), out)
        return
    if out is not None:
        from needmap.reports.searches_report import write_searches

        with writing(out):
            write_searches(evidence, study, out)
        new_console().print(
            escape(
                f"wrote {out} ({plural(evidence.searches, 'search', 'searches')}, "
                f"{plural(len(evidence.logs), 'log')})"
            )
        )
        return
    _print_searches(evidence, study)


_COVERAGE = "0.75"
"""The share of the votes the coverage set reaches unless ``--coverage`` says otherwise."""


@app.command()
def toptasks(
    folder: StudyDir,
    survey: ImportedSurveyId = None,
    compare: Annotated[
        str | None,
        typer.Option(
            "--compare",
            metavar="<id>",
            help="Compare with an earlier survey of the study (its id or its mapping's file "
            "name): each task's rank and share in both, and the change, then what moved most "
            "in each group (with --group, that group's shares; in .md and .xlsx, every "
            "group's too), and every run of a survey held three times or more. The later "
            "survey is "
            "--survey's, or the only other one imported, or the latest run.",
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            metavar="<group>",
            help="One group's ranking, the group by its id or name (printed, or with --json "
            "or --out); with --compare, its shares in both runs.",
        ),
    ] = None,
    weighted: Annotated[
        bool,
        typer.Option(
            "--weighted/--unweighted",
            help="Order by shares weighted to each group's headcount, or by raw shares.",
        ),
    ] = True,
    coverage: Annotated[
        str,
        typer.Option(
            "--coverage",
            metavar=SHARE,
            help="Share of votes the coverage set must reach: 0.75 or 75%.",
        ),
    ] = _COVERAGE,
    top: Annotated[
        int,
        typer.Option(
            "--top", min=1, metavar="<n>", help="Tasks (and needs) to list in the terminal."
        ),
    ] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the analysis as JSON (see docs/json-output.md).")
    ] = False,
    out: Annotated[
        Path | None,
        out_option(
            "Write a page (.html, .pdf), a table (.md, .csv, .xlsx), a chart (.png, .svg) or "
            "the JSON (.json) instead of printing."
        ),
    ] = None,
    chart: Annotated[
        str | None,
        typer.Option(
            "--chart",
            metavar="<neck|groups>",
            help="Chart for --out .png/.svg: neck (the long neck; the default) or groups. "
            "With --compare, --out .png/.svg draws the tasks then and now.",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """Top-task results: shares, the long neck, the coverage set, weights and group rankings;
    or, with --compare, how the tasks moved since an earlier survey."""
    from needmap.cli.value_hints import share_of
    from needmap.model.toptasks import analyse_toptasks, group_breakdown
    from needmap.surveys import load_survey

    share = share_of(coverage, "--coverage", _COVERAGE)
    if compare is not None:
        _compare_alone(chart, coverage)
    drawn = _chart_drawn(chart, out, folder)
    study = study_at(folder, language, out=out)
    as_json = as_json or (out is not None and out.suffix.lower() == ".json")
    if compare is not None:
        _print_compared(study, survey, compare, group, weighted, as_json, out, top)
        return
    mapping, tally = load_survey(study, survey)
    result = analyse_toptasks(study, mapping, tally, weighted=weighted, coverage_target=share)
    language = study.settings.language
    if group is not None:
        _group_toptasks(result, group_breakdown(result, group, study), language, top, as_json, out)
        return
    later = _held_again(study, mapping)
    if as_json:
        from needmap.reports.toptasks_table import toptasks_to_json

        data = toptasks_to_json(result, None if later is None else (later.id, later.title))
        emit_json(data, out)
        return
    if out is not None:
        held_again = None if later is None else later.title
        _write_toptasks(result, language, study.settings.organisation, out, drawn, held_again)
        new_console().print(escape(f"wrote {out}"))
        return
    _print_toptasks(result, language, top)
    _compare_hint(study, mapping, folder)
    if later is not None:
        _held_again_hint(study, mapping, later, folder)


def _compare_hint(study: Study, mapping: SurveyMapping, folder: Path) -> None:
    """After a survey's results, the command that compares it with the run it repeats,
    where that run is imported: the change is what a survey held again is for."""
    from needmap.reports.i18n import labels
    from needmap.surveys.catalog import imported_earlier

    before = imported_earlier(study, mapping)
    if before is None:
        return
    words = labels(study.settings.language)
    command = f"needmap toptasks {command_word(folder)} -s {mapping.id} --compare {before}"
    console = new_console()
    console.print()
    console.print(escape(words["tt.compare_hint"].format(before=before)))
    console.print(f"  {escape(command)}", soft_wrap=True)


def _held_again(study: Study, mapping: SurveyMapping) -> SurveyMapping | None:
    """The imported run that repeats ``mapping``'s survey (``earlier:``), if any: its votes
    are the evidence in this run's place."""
    from needmap.surveys.catalog import imported_repeats

    return next(iter(imported_repeats(study, mapping.id)), None)


def _held_again_hint(
    study: Study, mapping: SurveyMapping, later: SurveyMapping, folder: Path
) -> None:
    """After an earlier run's results: that a later run repeats it and is the evidence now,
    and the command that compares the two."""
    from needmap.reports.i18n import labels

    words = labels(study.settings.language)
    command = f"needmap toptasks {command_word(folder)} -s {later.id} --compare {mapping.id}"
    console = new_console()
    console.print()
    print_indented(console, [words["tt.held_again"].format(later=later.title)], indent=0)
    print_indented(console, [words["tt.held_again_hint"].format(later=later.id)], indent=0)
    console.print(f"  {escape(command)}", soft_wrap=True)


def _compare_alone(chart: str | None, coverage: str) -> None:
    """Refuse what ``--compare`` cannot show, before the study is read: it has one chart
    (its tasks then and now), not the long neck or the groups', and no coverage set."""
    from needmap.errors import UsageError

    if chart is not None:
        raise UsageError.single(
            "--compare has one chart, of the tasks then and now, not --chart's",
            hint="leave out --chart; --out FILE.png (or .svg) draws the comparison's chart",
        )
    if coverage != _COVERAGE:
        raise UsageError.single(
            "--compare compares ranks and shares, not coverage sets",
            hint="leave out --coverage, or leave out --compare for the coverage set",
        )


def _print_compared(
    study: Study,
    survey: str | None,
    compare: str,
    group: str | None,
    weighted: bool,
    as_json: bool,
    out: Path | None,
    top: int,
) -> None:
    """``toptasks --compare``: the later survey (``survey``, or the only other one
    imported) beside the earlier one, everyone's shares or ``group``'s, printed or
    written."""
    from dataclasses import replace

    from needmap.model.toptasks import analyse_toptasks
    from needmap.model.toptasks_change import compare_group, compare_toptasks
    from needmap.reports.i18n import labels
    from needmap.reports.survey_runs import survey_trend
    from needmap.reports.toptasks_change import (
        build_change,
        build_group_moves,
        build_trend,
        change_to_json,
        group_move_lines,
        write_change,
    )
    from needmap.surveys import surveys_compared

    later, earlier = surveys_compared(study, survey, compare)
    now = analyse_toptasks(study, *later, weighted=weighted)
    before = analyse_toptasks(study, *earlier, weighted=weighted)
    if group is None:
        trend = survey_trend(study, now, before, weighted=weighted)
        change = replace(compare_toptasks(now, before), trend=trend)
    else:
        change = compare_group(now, before, group, study)
    if as_json:
        emit_json(change_to_json(change), out)
        return
    if out is not None:
        write_change(change, study.settings.language, study.settings.organisation, out)
        new_console().print(escape(f"wrote {out}"))
        return
    language = study.settings.language
    console = new_console()
    table = build_change(change, language)
    print_ranking(console, table, top)
    print_indented(console, table.notes, indent=0)
    if change.trend is not None:
        every_run = build_trend(change.trend, language)
        console.print()
        print_ranking(console, every_run, top)
        print_indented(console, every_run.notes, indent=0, style="dim")
    groups = build_group_moves(change, language)
    if groups is not None:  # a line each: five columns are too many for a terminal
        console.print()
        console.print(escape(groups.title) + ":")
        print_bullets(console, group_move_lines(change, language))
        print_indented(
            console,
            [labels(language)["tc.groups.legend"] + ".", *groups.notes],
            indent=0,
            style="dim",
        )


_CHARTS = ("neck", "groups")
"""The charts ``toptasks --out FILE.png`` draws: the long neck, and the groups' rankings."""


def _chart_drawn(chart: str | None, out: Path | None, folder: Path) -> str:
    """The chart to draw for ``--out`` (the long neck unless ``--chart`` says which),
    checked before the study is read: an unknown one, or one asked for where no picture
    is written, would otherwise be ignored without a word."""
    from needmap.errors import UsageError

    if chart is not None:
        named = choice_of(chart, _CHARTS)
        if named is None:
            raise UsageError.single(
                f"unknown chart '{chart}'", hint="use --chart neck or --chart groups"
            )
        chart = named
    if chart is not None and (out is None or out.suffix.lower() not in (".png", ".svg")):
        picture = out.with_suffix(".png") if out is not None else Path(f"{chart}.png")
        line = (
            f"needmap toptasks {command_word(folder)} --chart {chart} --out {command_word(picture)}"
        )
        raise UsageError.single(
            "--chart draws a picture: give --out a .png or .svg file", hint=line
        )
    return chart or _CHARTS[0]


def _write_toptasks(
    result: TopTasks,
    language: Language,
    organisation: str,
    out: Path,
    chart: str,
    held_again: str | None,
) -> None:
    if out.suffix.lower() in (".html", ".pdf"):
        from needmap.reports.toptasks_page import write_toptasks_page

        write_toptasks_page(result, language, organisation, out, held_again=held_again)
        return
    if out.suffix.lower() in (".png", ".svg"):
        from needmap.reports.diagram import write_figure
        from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck

        drawers = {"neck": draw_long_neck, "groups": draw_group_chart}
        write_figure(drawers[chart](result, language), out)
        return
    from needmap.reports.toptasks_table import ranking_tables, write_ranking

    write_ranking(ranking_tables(result, language, held_again), out)


def _print_toptasks(result: TopTasks, language: Language, top: int) -> None:
    from needmap.reports.i18n import labels
    from needmap.reports.toptasks_table import (
        build_evidence,
        build_ranking,
        build_weights,
        neck_text,
        respondents_label,
    )

    words = labels(language)
    ranking = build_ranking(result, language)
    console = new_console()
    print_ranking(console, ranking, top)
    print_indented(console, ranking.notes, indent=0)
    console.print(neck_text(result, language))
    if result.needs:
        console.print()
        print_ranking(console, build_evidence(result, language), top)
    weights = build_weights(result, language)
    if weights is not None:
        console.print()
        print_ranking(console, weights, len(weights.rows))
        print_indented(console, weights.notes, indent=0, style="dim")
    labels_of = {t.id: t.label for t in result.tasks}
    if any(not g.suppressed for g in result.groups):
        console.print()
        console.print(words["tt.group_tops"].format(n=GROUP_TOP) + ":")
        print_bullets(
            console,
            [
                f"{g.name}: " + words["tt.suppressed"].format(n=result.min_group_size)
                if g.suppressed
                else f"{g.name} ({respondents_label(g, language)}): "
                + "; ".join(labels_of[t] for t in g.top(GROUP_TOP))
                for g in result.groups
            ],
        )
    if result.disagreements:
        console.print()
        console.print(words["tt.disagree"] + ":")
        names = {g.group: g.name for g in result.groups}
        print_bullets(
            console,
            [
                words["tt.spread"].format(
                    task=labels_of[d.task],
                    points=f"{d.spread * 100:.0f}",
                    high=names[d.highest],
                    low=names[d.lowest],
                )
                for d in result.disagreements[:5]
            ],
        )


def _print_interviews(evidence: InterviewEvidence, study: Study) -> None:
    """The summary, the table without kind and per-group columns (they fit in the files),
    then the notes for what it shows (the groups a need does not list named in one)."""
    from needmap.reports.i18n import labels
    from needmap.reports.interviews_report import (
        build_interviews_table,
        interview_notes,
        interviews_summary,
    )

    console = new_console()
    table = build_interviews_table(evidence, study)
    if table.rows:
        summary = interviews_summary(evidence, study)
        shown = (0, 2, 3, 4)  # need, verdict, supported, questioned
        rich_table = light_table(f"{escape(table.title)} · {escape(summary)}")
        for i in shown:
            rich_table.add_column(
                escape(table.header[i]),
                justify="left" if i in table.text_columns else "right",
                min_width=24 if i == 0 else None,
            )
        for row in table.rows:
            rich_table.add_row(*(escape(row[i]) for i in shown))
        print_table(console, rich_table)
        command = f"needmap interviews {escape(command_word(study.root))} --out interviews.html"
        console.print(
            labels(study.settings.language)["iv.more_in_file"].format(command=command),
            soft_wrap=False,
        )
        console.print()
    print_indented(
        console, interview_notes(evidence, study, per_group=False), indent=0, style="dim"
    )


def _print_searches(evidence: SearchEvidence, study: Study) -> None:
    """The summary, the needs table without kind and share, each log's searches (where
    there are several), the unmatched terms, the notes."""
    from needmap.reports.how_read import how_read_text
    from needmap.reports.i18n import counted, labels, sentence_start
    from needmap.reports.searches_report import (
        build_searches_by_log,
        build_searches_table,
        build_unmatched_table,
        summary_line,
    )
    from needmap.reports.toptasks_table import terminal_parts

    console = new_console()
    language = study.settings.language
    needs = build_searches_table(evidence, study, terms=TERMS_IN_TERMINAL)
    if evidence.logs:
        console.print(escape(summary_line(evidence, language)), soft_wrap=False)
        for log in evidence.logs:
            read = how_read_text(log.how, language)
            if len(log.exports) > 1:  # one export matched: how it was read says enough
                read = (
                    labels(language)["sl.exports"].format(
                        count=len(log.exports), first=log.exports[0], last=log.exports[-1]
                    )
                    + read
                )
            if log.without_term:
                searches = counted(log.without_term, "searches", language)
                read += labels(language)["sl.without_term"].format(searches=searches)
            console.print(escape(f"{log.title}: {read}"), style="dim")
        console.print()
    unmatched = build_unmatched_table(evidence, study)
    # The gap column is headed by its mark ("gap"), not "Content gap": room for the terms.
    gap = sentence_start(labels(language)["sl.gap_mark"])
    by_log = terminal_parts(build_searches_by_log(evidence, study), console.width)
    for table, shown in ((needs, (0, 2, 4, 5, 6)), *((t, None) for t in by_log), (unmatched, None)):
        if not table.rows:
            continue
        columns = shown or tuple(range(len(table.header)))
        rich_table = light_table(escape(table.title))
        rich_table.padding = (0, 0)  # one space between columns: the terms keep room
        for i in columns:
            rich_table.add_column(
                escape(gap if table is needs and i == 5 else table.header[i]),
                justify="left" if i in table.text_columns else "right",
                min_width=18 if i == 0 else None,
            )
        for row in table.rows:
            rich_table.add_row(*(escape(row[i]) for i in columns))
        print_table(console, rich_table)
        console.print()
    print_indented(console, needs.notes + unmatched.notes, indent=0, style="dim")


def _group_toptasks(
    result: TopTasks,
    group: GroupBreakdown,
    language: Language,
    top: int,
    as_json: bool,
    out: Path | None,
) -> None:
    """``toptasks --group``: one group's ranking, printed, as JSON, or written as a table."""
    from needmap.reports.toptasks_table import (
        build_group_ranking,
        group_ranking_to_json,
        write_ranking,
    )

    if as_json:
        emit_json(group_ranking_to_json(result, group), out)
        return
    ranking = build_group_ranking(result, group, language)
    if out is not None:
        write_ranking([ranking], out, hint="one group's ranking is a table: use .md, .csv or .xlsx")
        new_console().print(escape(f"wrote {out}"))
        return
    print_ranking(new_console(), ranking, top)
