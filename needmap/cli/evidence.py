"""The evidence: ``interviews``, ``searches``, ``survey import|draft`` and ``toptasks``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    SHARE,
    CommandFirstGroup,
    ImportedSurveyId,
    LanguageOption,
    StudyDir,
    SurveyId,
    app,
    choice_of,
    emit_json,
    escape,
    light_table,
    new_console,
    out_option,
    print_bullets,
    print_problems,
    print_ranking,
    print_table,
    study_at,
    writing,
)
from needmap.errors import listed, plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from needmap.model.interviews import InterviewEvidence
    from needmap.model.searches import SearchEvidence
    from needmap.model.toptasks import GroupBreakdown, TopTasks
    from needmap.personas.study import Study
    from needmap.reports.i18n import Language
    from needmap.surveys.draft import MappingDraft
    from needmap.surveys.importer import ImportResult
    from needmap.surveys.tally import Tally


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
        new_console().print(f"wrote {out} ({plural(evidence.interviews, 'interview')} shown)")
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
            f"wrote {out} ({plural(evidence.searches, 'search', 'searches')}, "
            f"{plural(len(evidence.logs), 'log')})"
        )
        return
    _print_searches(evidence, study)


survey_app = typer.Typer(
    cls=CommandFirstGroup,
    help="Top-task survey exports (LimeSurvey, Microsoft Forms, Google Forms, long CSV): draft "
    "a mapping from one, or import one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(survey_app, name="survey")


@survey_app.command("import")
def survey_import(
    folder: StudyDir,
    export: Annotated[
        Path,
        typer.Argument(
            metavar="EXPORT",
            help="The survey tool's export: .csv, or a workbook (.xlsx, .xls, .ods).",
            show_default=False,
        ),
    ],
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="Mapping file; default: the study's surveys/*.yaml.",
            dir_okay=False,
        ),
    ] = None,
    survey: SurveyId = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Count an export's votes per group and task into surveys/ID.tally.json.

    Only counts are stored: no respondent ids and no answers row by row.
    """
    from dataclasses import replace

    from needmap.errors import InvalidStudyError, Severity
    from needmap.surveys import find_mapping, import_survey, tally_path, write_tally
    from needmap.surveys.catalog import headcount_warnings, too_few_problem
    from needmap.surveys.mapping import mapping_files

    study = study_at(folder)
    chosen = find_mapping(study, mapping, survey, export)
    if mapping is None and survey is None and len(mapping_files(study.root)) > 1:
        new_console(stderr=True).print(
            f"Survey '{escape(chosen.id)}': the one mapping whose columns this export has."
        )
    with new_console(stderr=True).status(f"Reading {escape(export.name)}…"):
        result = import_survey(chosen, export, strict=strict)
    too_few = too_few_problem(study, result.tally, export)
    if too_few is not None:
        raise InvalidStudyError([too_few])
    over = headcount_warnings(study, result.tally)
    if strict and over:
        raise InvalidStudyError([replace(p, severity=Severity.ERROR) for p in over])
    target = tally_path(study.root, chosen.id)
    earlier = _earlier_tally(target)
    write_tally(result.tally, target)
    print_problems((*result.warnings, *over))
    _print_import(study, result, target)
    if earlier is not None and earlier.to_json() == result.tally.to_json():
        new_console().print("The tally held these counts already: it is unchanged.")
    elif earlier is not None:
        shown = earlier.counted_respondents(study.settings.privacy.min_group_size)
        new_console().print(
            f"Replaced the earlier tally: {plural(shown, 'respondent')} "
            f"from {escape(earlier.source)}."
        )
    unlinked = sum(1 for task in chosen.tasks if not task.needs)
    if unlinked:
        one = unlinked == 1
        new_console(stderr=True).print(
            f"{unlinked} of {len(chosen.tasks)} tasks {'is' if one else 'are'} linked to no "
            f"need, so {'its' if one else 'their'} votes are evidence for nothing yet: link "
            f"{'it' if one else 'them'} in the mapping (needmap validate "
            f"{escape(command_word(folder))} shows where).",
            style="yellow",
        )


@survey_app.command("draft")
def survey_draft(
    folder: StudyDir,
    export: Annotated[
        Path,
        typer.Argument(
            metavar="EXPORT",
            help="The survey tool's export: .csv, or a workbook (.xlsx, .xls, .ods).",
            show_default=False,
        ),
    ],
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            metavar="<layout>",
            help="limesurvey, ms-forms, google-forms or long (see docs/surveys.md); "
            "default: read from the export.",
            show_default=False,
        ),
    ] = None,
    group_column: Annotated[
        str | None,
        typer.Option(
            "--group-column",
            metavar="<column>",
            help="Heading of the column with the respondent's group (LimeSurvey: its code); "
            "default: the column whose answers name the study's groups.",
            show_default=False,
        ),
    ] = None,
    choices_column: Annotated[
        str | None,
        typer.Option(
            "--choices-column",
            metavar="<column>",
            help="ms-forms, google-forms: the column with the chosen tasks; long: the task column.",
            show_default=False,
        ),
    ] = None,
    question: Annotated[
        str | None,
        typer.Option(
            "--question",
            metavar="<code>",
            help="limesurvey: the code of the top-task question (its columns are CODE[SQ…]).",
            show_default=False,
        ),
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option(
            "--respondent",
            metavar="<column>",
            help="The column that identifies a respondent; long: default read from the "
            "export (a few rows per respondent).",
            show_default=False,
        ),
    ] = None,
    survey_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="<id>", help="Id of the survey; default: from the export's name."
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", metavar="<title>", help="Title shown in reports; default: the export's name."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        out_option(
            "The mapping to write; default: surveys/ID.yaml in the study. Never overwrites."
        ),
    ] = None,
) -> None:
    """Draft a survey mapping from an export: every group answer and task label in it.

    The layout and the columns are read from the export where they can be (LimeSurvey's
    CODE[SQ…] columns, the ;-joined choices of Microsoft Forms or the ,-joined ones of
    Google Forms, the long layout's few rows per respondent, the column whose answers
    name the study's groups); give them where they cannot. An answer or task the study's
    other mappings have keeps the group, id and needs they gave it (a survey run again);
    other answers are guessed to the groups whose name or id they resemble; a TODO marks
    each answer to decide and each task to link to its needs. The draft is read back
    before it is written, and the export imported with it.
    """
    from typing import cast

    from needmap.errors import UsageError
    from needmap.surveys.draft import draft_mapping, write_draft
    from needmap.surveys.mapping import LAYOUTS, Layout

    if layout is not None:
        named = choice_of(layout, LAYOUTS)
        if named is None:
            raise UsageError.single(
                f"unknown layout '{layout}'", hint="use one of: " + ", ".join(LAYOUTS)
            )
        layout = named
    study = study_at(folder)
    with new_console(stderr=True).status(f"Reading {escape(export.name)}…"):
        draft = draft_mapping(
            study,
            export,
            layout=cast("Layout | None", layout),
            group_column=group_column,
            choices_column=choices_column,
            question=question,
            respondent=respondent,
            survey_id=survey_id,
            title=title,
        )
        target = out or study.root / "surveys" / f"{survey_id or draft.survey_id}.yaml"
        check = write_draft(study, draft, target, export)
    console = new_console()
    choices = "question" if draft.layout == "limesurvey" else "choices in column"
    respondents = (
        f", respondents in column '{escape(draft.respondent)}'" if draft.respondent else ""
    )
    console.print(
        f"Read {escape(export.name)} ({escape(draft.read_as)}) as {draft.layout}: groups in column "
        f"'{escape(draft.group_column)}', "
        f"{choices} '{escape(draft.choices)}'{respondents}."
    )
    console.print(f"wrote {escape(str(target))}: {escape(_drafted(draft))}.")
    if draft.left_out:
        console.print(
            f"Left out, as they hold personal data: {draft.left_out} of the answers and labels."
        )
    if draft.answer_codes and all(a.group is None and a.source is None for a in draft.answers):
        console.print(
            "The group answers are codes: export again with full answers (LimeSurvey: "
            "'Export responses as: Full answers') to have them guessed, or give each its "
            "group by the question's answer options."
        )
    if check.respondents is not None:
        console.print(
            f"With it, the export imports {plural(check.respondents, 'respondent')} "
            "in the target groups."
        )
    else:
        print_problems(check.problems)
        console.print("With it, the export does not import yet: see the problems above.")
    todo = "# TODO" in draft.text  # all may be as the study's other mappings have them
    console.print(
        "Next: "
        + (
            "check each TODO in it (groups for the answers, needs for the tasks), then: "
            if todo
            else ""
        )
        + f"needmap survey import {escape(command_word(folder))} {escape(command_word(export))}"
        + escape(_which_mapping(study, target, draft.survey_id))
    )


def _drafted(draft: MappingDraft) -> str:
    """What a draft holds: '8 group answers (5 as in toptasks.yaml, 2 guessed to a group),
    8 tasks (3 with needs as in toptasks.yaml), max_picks 5'."""
    named = [a.source for a in draft.answers] + [t.source for t in draft.tasks]
    sources = listed(sorted({source for source in named if source is not None}))
    taken = sum(1 for a in draft.answers if a.source is not None)
    guessed = sum(1 for a in draft.answers if a.source is None and a.group is not None)
    how = [
        f"{taken} as in {sources}" if taken else "",
        f"{guessed} guessed to a group" if guessed or not taken else "",
    ]
    linked = sum(1 for t in draft.tasks if t.source is not None)
    needs = f" ({linked} with needs as in {sources})" if linked else ""
    return (
        f"{plural(len(draft.answers), 'group answer')} ({', '.join(filter(None, how))}), "
        f"{plural(len(draft.tasks), 'task')}{needs}, max_picks {draft.max_picks}"
    )


def _which_mapping(study: Study, target: Path, survey_id: str) -> str:
    """What the import of a drafted mapping's export needs to be told: the mapping, when it
    was written outside the study's surveys/; its survey, when the study has others, whose
    columns the export may have too; else nothing."""
    from needmap.surveys.mapping import mapping_files

    found = mapping_files(study.root)
    if target.resolve() not in {path.resolve() for path in found}:
        return f" --mapping {command_word(target)}"
    return f" --survey {command_word(survey_id)}" if len(found) > 1 else ""


_COVERAGE = "0.75"
"""The share of the votes the coverage set reaches unless ``--coverage`` says otherwise."""


@app.command()
def toptasks(
    folder: StudyDir,
    survey: ImportedSurveyId = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            "-g",
            metavar="<group>",
            help="One group's ranking, the group by its id or name (printed, or with --json "
            "or --out).",
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
            help="Chart for --out .png/.svg: neck (the long neck; the default) or groups.",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """Top-task results: shares, the long neck, the coverage set, weights and group rankings."""
    from needmap.cli.value_hints import share_of
    from needmap.model.toptasks import analyse_toptasks, group_breakdown
    from needmap.surveys import load_survey

    share = share_of(coverage, "--coverage", _COVERAGE)
    drawn = _chart_drawn(chart, out, folder)
    study = study_at(folder, language, out=out)
    mapping, tally = load_survey(study, survey)
    result = analyse_toptasks(study, mapping, tally, weighted=weighted, coverage_target=share)
    language = study.settings.language
    as_json = as_json or (out is not None and out.suffix.lower() == ".json")
    if group is not None:
        _group_toptasks(result, group_breakdown(result, group, study), language, top, as_json, out)
        return
    if as_json:
        from needmap.reports.toptasks_table import toptasks_to_json

        emit_json(toptasks_to_json(result), out)
        return
    if out is not None:
        _write_toptasks(result, language, study.settings.organisation, out, drawn)
        new_console().print(f"wrote {out}")
        return
    _print_toptasks(result, language, top)


def _earlier_tally(path: Path) -> Tally | None:
    """The tally an earlier import wrote to ``path``, to say what this import replaces;
    None when there is none, or it cannot be read (this import writes it anew)."""
    from needmap.errors import NeedmapError
    from needmap.surveys.tally import read_tally

    if not path.is_file():
        return None
    try:
        return read_tally(path)
    except NeedmapError:
        return None


def _print_import(study: Study, result: ImportResult, target: Path) -> None:
    from needmap.model.toptasks import suppressed_groups
    from needmap.surveys.tally import OUTSIDE

    tally = result.tally
    console = new_console()
    console.print(
        f"Read {escape(tally.source)} ({escape(result.description)}) as layout {tally.layout}."
    )
    groups = {g: n for g, n in tally.respondents.items() if g != OUTSIDE}
    minimum = study.settings.privacy.min_group_size
    hidden = suppressed_groups(groups, minimum)
    outside = tally.outside_counted(minimum)
    counted = plural(tally.counted_respondents(minimum), "respondent")
    console.print(f"Counted {counted} into {target}:")
    for g in study.groups:
        if g.id in groups:
            shown = f"n<{minimum}" if g.id in hidden else str(groups[g.id])
            console.print(f"  {escape(g.name):40} {shown:>7}")
    if outside:
        console.print(f"  {'outside the target groups':40} {outside:>7}")
    elif tally.respondents.get(OUTSIDE):
        console.print(
            f"  {'outside the target groups':40} {'n<' + str(minimum):>7}  (left out of results)"
        )
    if tally.skipped:
        console.print(
            "Left out: " + ", ".join(f"{n} ({reason})" for reason, n in tally.skipped.items())
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
    result: TopTasks, language: Language, organisation: str, out: Path, chart: str
) -> None:
    if out.suffix.lower() in (".html", ".pdf"):
        from needmap.reports.toptasks_page import write_toptasks_page

        write_toptasks_page(result, language, organisation, out)
        return
    if out.suffix.lower() in (".png", ".svg"):
        from needmap.reports.diagram import write_figure
        from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck

        drawers = {"neck": draw_long_neck, "groups": draw_group_chart}
        write_figure(drawers[chart](result, language), out)
        return
    from needmap.reports.toptasks_table import ranking_tables, write_ranking

    write_ranking(ranking_tables(result, language), out)


def _print_toptasks(result: TopTasks, language: Language, top: int) -> None:
    from needmap.reports.i18n import labels
    from needmap.reports.toptasks_table import (
        build_evidence,
        build_ranking,
        build_weights,
        neck_text,
    )

    words = labels(language)
    ranking = build_ranking(result, language)
    console = new_console()
    print_ranking(console, ranking, top)
    for note in ranking.notes:
        console.print(escape(note), soft_wrap=False)
    console.print(neck_text(result, language))
    if result.needs:
        console.print()
        print_ranking(console, build_evidence(result, language), top)
    weights = build_weights(result, language)
    if weights is not None:
        console.print()
        print_ranking(console, weights, len(weights.rows))
        for note in weights.notes:
            console.print(escape(note), style="dim", soft_wrap=False)
    labels_of = {t.id: t.label for t in result.tasks}
    if any(not g.suppressed for g in result.groups):
        console.print()
        console.print(words["tt.group_tops"].format(n=GROUP_TOP) + ":")
        print_bullets(
            console,
            [
                f"{g.name}: " + words["tt.suppressed"].format(n=result.min_group_size)
                if g.suppressed
                else f"{g.name} (n={g.respondents}): "
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
    then the notes."""
    from needmap.reports.i18n import labels
    from needmap.reports.interviews_report import build_interviews_table, interviews_summary

    console = new_console()
    table = build_interviews_table(evidence, study)
    if table.rows:
        summary = interviews_summary(evidence, study)
        shown = (0, 2, 3, 4)  # need, verdict, supported, questioned
        rich_table = light_table(f"{escape(table.title)} · {escape(summary)}")
        for i in shown:
            rich_table.add_column(
                table.header[i],
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
    for note in table.notes:
        console.print(escape(note), soft_wrap=False, style="dim")


def _print_searches(evidence: SearchEvidence, study: Study) -> None:
    """The summary, the needs table without kind and share, the unmatched terms, the notes."""
    from needmap.reports.i18n import labels
    from needmap.reports.searches_report import (
        build_searches_table,
        build_unmatched_table,
        summary_line,
    )

    console = new_console()
    language = study.settings.language
    needs = build_searches_table(evidence, study, terms=TERMS_IN_TERMINAL)
    if evidence.logs:
        console.print(escape(summary_line(evidence, language)), soft_wrap=False)
        for log in evidence.logs:
            left_out = (
                f"; {plural(log.without_term, 'search', 'searches')} without a term left out "
                "(empty, or '(not set)')"
                if log.without_term
                else ""
            )
            console.print(escape(f"{log.title}: {log.description}{left_out}"), style="dim")
        console.print()
    unmatched = build_unmatched_table(evidence, study)
    # The gap column is headed by its mark ("gap"), not "Content gap": room for the terms.
    gap = labels(language)["sl.gap_mark"].capitalize()
    for table, shown in ((needs, (0, 2, 4, 5, 6)), (unmatched, None)):
        if not table.rows:
            continue
        columns = shown or tuple(range(len(table.header)))
        rich_table = light_table(escape(table.title))
        rich_table.padding = (0, 0)  # one space between columns: the terms keep room
        for i in columns:
            rich_table.add_column(
                gap if table is needs and i == 5 else table.header[i],
                justify="left" if i in table.text_columns else "right",
                min_width=18 if i == 0 else None,
            )
        for row in table.rows:
            rich_table.add_row(*(escape(row[i]) for i in columns))
        print_table(console, rich_table)
        console.print()
    for note in needs.notes + unmatched.notes:
        console.print(escape(note), soft_wrap=False, style="dim")


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
        new_console().print(f"wrote {out}")
        return
    print_ranking(new_console(), ranking, top)
