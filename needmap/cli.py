"""The ``needmap`` command: parse arguments, call one library function, print.

Nothing here computes: each command is a few lines over a public function of the library.
Problems the user can fix arrive as :class:`needmap.errors.NeedmapError` and become exit code
2 in :func:`main`, the one handler. Library modules are imported inside the commands so that
``needmap --help`` starts fast.

Exit codes: 0 success; 1 internal error (a bug: please report it); 2 bad input, a refused
action, or problems found by ``validate``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from typer.core import TyperGroup

from needmap import __version__
from needmap.errors import NeedmapError

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from needmap.errors import Problem
    from needmap.model.analysis import OverlapAnalysis
    from needmap.model.interviews import InterviewEvidence
    from needmap.model.roadmap import Roadmap
    from needmap.model.searches import SearchEvidence
    from needmap.model.toptasks import GroupBreakdown, TopTasks
    from needmap.personas.study import Study
    from needmap.regroup import GroupSplit, Regrouping, StudyEdits
    from needmap.reports.groups_report import GroupsOverview
    from needmap.reports.i18n import Language
    from needmap.reports.needs_table import NeedsTable
    from needmap.reports.personas_report import PersonaView
    from needmap.reports.toptasks_table import RankingTable
    from needmap.reports.why_report import NeedStory
    from needmap.surveys.importer import ImportResult

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2

_MERGE_HINT_FROM = 0.8
"""Weighted similarity from which ``overlap`` suggests merging the two groups."""


class _HandledGroup(TyperGroup):
    """Runs a command and maps errors to exit codes: the one handler at the edge."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except NeedmapError as exc:
            _print_problems(exc.problems)
            errors = sum(p.repeats for p in exc.errors)
            warnings = sum(p.repeats for p in exc.problems) - errors
            if errors > 1 or warnings:
                _console(stderr=True).print(_problem_count(errors, warnings))
            ctx.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            ctx.exit(130)
        except Exception as exc:
            if os.environ.get("NEEDMAP_DEBUG"):
                raise
            sys.stderr.write(
                f"needmap: internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug. Run again with NEEDMAP_DEBUG=1 to see the traceback, and "
                "please report it.\n"
            )
            ctx.exit(EXIT_INTERNAL)


def _problem_count(errors: int, warnings: int) -> str:
    """'2 problems found.', or '3 errors and 2 warnings found.' when warnings came too."""
    if not warnings:
        return f"{errors} problems found."
    return f"{_count(errors, 'error')} and {_count(warnings, 'warning')} found."


app = typer.Typer(
    cls=_HandledGroup,
    name="needmap",
    help="Stakeholder-needs research and persona modelling for intranets, extranets and "
    "websites. Start with: needmap init my-study --template gemeente",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StudyDir = Annotated[
    Path,
    typer.Argument(
        help="Folder of the study (holds study.yaml).", show_default=False, file_okay=False
    ),
]

LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        "-l",
        help="Language of the report: nl or en. Default: the study's (language in study.yaml).",
        show_default=False,
    ),
]

SurveyId = Annotated[
    str | None,
    typer.Option(
        "--survey",
        "-s",
        help="Survey id (or its mapping's file name), when the study has several.",
        show_default=False,
    ),
]


def _console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


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


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="New folder for the study.", show_default=False)],
    template: Annotated[
        str,
        typer.Option("--template", "-t", help="Template to start from; see: needmap templates."),
    ] = "gemeente",
) -> None:
    """Create a new study from a template. Never overwrites an existing study."""
    from needmap.personas.loader import load_study
    from needmap.scaffold import init_study

    written = init_study(folder, template)
    study = load_study(folder)
    out = _console()
    out.print(
        f"Created a study in {folder} from template '{template}': {_counts(study)}, "
        f"{len(written)} files."
    )
    out.print(
        f"Next: fit the groups to the organisation (needmap groups list {folder}; "
        "then groups merge, split or rename), edit the YAML files, "
        f"and run: needmap validate {folder}"
    )


@app.command()
def templates() -> None:
    """List the study templates that init can start from."""
    from rich.table import Table

    from needmap.scaffold import list_templates

    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("template", "language", "organisation", "study"):
        table.add_column(column, overflow="fold")
    for info in list_templates():
        table.add_row(info.name, info.language, info.organisation, info.study_name)
    console = _console()
    console.print(table)
    console.print("\nStart a study with: needmap init FOLDER --template NAME")


@app.command()
def validate(
    folder: StudyDir,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON on standard output.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Check a study, its survey mappings, interviews and search logs, reporting every problem
    at file:line:col."""
    from needmap.errors import InvalidStudyError
    from needmap.personas.loader import load_study
    from needmap.surveys.catalog import check_mappings
    from needmap.surveys.interviews import check_interviews
    from needmap.surveys.searchlog import check_search_logs

    try:
        study = load_study(folder)
    except InvalidStudyError as exc:
        if not as_json:
            raise
        _print_json(_validation_result(folder, None, exc.problems))
        raise typer.Exit(EXIT_INPUT) from None
    evidence_problems = (
        tuple(check_mappings(study))
        + tuple(check_interviews(study))
        + tuple(check_search_logs(study))
    )
    if any(p.severity == "error" for p in evidence_problems):
        if as_json:
            _print_json(_validation_result(folder, None, study.warnings + evidence_problems))
            raise typer.Exit(EXIT_INPUT)
        raise InvalidStudyError(study.warnings + evidence_problems)
    problems = study.warnings + evidence_problems
    failed = strict and bool(problems)
    if as_json:
        _print_json(_validation_result(folder, study, problems, strict=strict))
    else:
        _print_problems(problems)
        mark = "✗" if failed else "✓"
        _console().print(
            f"{mark} {folder}: '{study.settings.name}' ({study.settings.organisation}) — "
            f"{_counts(study)}" + (f", {_count(len(problems), 'warning')}" if problems else "")
        )
    if failed:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write all schema files into this folder (e.g. STUDY/schemas) instead of "
            "printing one.",
            file_okay=False,
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="Which schema to print: study, definitions, survey, interviews or search-log.",
        ),
    ] = "study",
) -> None:
    """Print or write the JSON Schema of the study files, for editors and CI checks."""
    from needmap.errors import UsageError
    from needmap.scaffold import schema_texts, write_schemas

    if out is not None:
        for path in write_schemas(out):
            _console().print(f"wrote {path}")
        return
    texts = schema_texts()
    name = f"{kind}.schema.json"
    if name not in texts:
        raise UsageError.single(
            f"unknown schema kind '{kind}'",
            hint="use --kind study, definitions, survey, interviews or search-log",
        )
    sys.stdout.write(texts[name])


GroupsOption = Annotated[
    str | None,
    typer.Option(
        "--groups",
        "-g",
        help="Comma-separated ids of the groups to compare (families with --by-family); "
        "default: all.",
        show_default=False,
    ),
]
ByFamilyOption = Annotated[
    bool,
    typer.Option("--by-family", help="Merge groups into their families: one circle per family."),
]


def _load(folder: Path, language: str | None = None) -> Study:
    """The study in ``folder``, its reports in ``language`` when one is given."""
    from needmap.errors import UsageError
    from needmap.personas.loader import load_study

    study = load_study(folder)
    if language is None:
        return study
    if language not in ("nl", "en"):
        raise UsageError.single(f"unknown language '{language}'", hint="use nl or en")
    return study.in_language(cast("Language", language))


def _ids(text: str | None) -> list[str] | None:
    return None if text is None else [part.strip() for part in text.split(",") if part.strip()]


def _analysis(
    folder: Path, groups: str | None, by_family: bool, language: str | None
) -> OverlapAnalysis:
    from needmap.model.analysis import analyse_overlap

    return analyse_overlap(_load(folder, language), _ids(groups), by_family=by_family)


@app.command()
def overlap(
    folder: StudyDir,
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full result as JSON (docs/json-output.md).")
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Show which needs the groups share, region by region, and the recommended platform form."""
    analysis = _analysis(folder, groups, by_family, language)
    if as_json:
        from needmap.reports.overlap_json import overlap_to_json

        _print_json(overlap_to_json(analysis))
        return
    _print_overlap(analysis)


@app.command()
def diagram(
    folder: StudyDir,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="File to write: .svg or .png.", show_default=False),
    ],
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    language: LanguageOption = None,
) -> None:
    """Draw the overlapping-circles diagram (Venn for up to 3 circles, UpSet for more)."""
    from needmap.reports.diagram import draw_diagram, write_diagram

    analysis = _analysis(folder, groups, by_family, language)
    drawn = draw_diagram(analysis.study, analysis.overlap)
    write_diagram(drawn, out)
    detail = "to scale" if drawn.scaled else "not to scale"
    if drawn.kind == "upset":
        detail = f"{len(drawn.shown_codes)} combinations" + (
            f", {drawn.hidden_regions} smaller ones not shown" if drawn.hidden_regions else ""
        )
    _console().print(f"wrote {out} ({drawn.kind}, {detail})")


@app.command()
def table(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .md, .html (a page), .pdf, .csv or .xlsx. Default: print it.",
            show_default=False,
        ),
    ] = None,
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="Comma-separated kinds to include: content, function, technology.",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
) -> None:
    """The needs table: needs by kind, one column per group, importance in each cell."""
    from needmap.reports.needs_table import build_needs_table, parse_kinds

    analysis = _analysis(folder, groups, by_family, language)
    needs_table = build_needs_table(
        analysis.study, analysis.overlap, analysis.advice, parse_kinds(_ids(kind))
    )
    if out is None:
        _print_table(needs_table, analysis.study.settings.language)
        return
    from needmap.reports.table_formats import write_table

    write_table(needs_table, out)
    _console().print(f"wrote {out} ({len(needs_table.rows)} needs)")


@app.command()
def report(
    folder: StudyDir,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html (a page), .pdf or .md (without the diagram).",
            show_default=False,
        ),
    ],
    groups: GroupsOption = None,
    by_family: ByFamilyOption = False,
    language: LanguageOption = None,
) -> None:
    """Write the overlap overview: advice, diagram and needs table on one offline page (or as
    PDF or Markdown)."""
    from needmap.reports.diagram import draw_diagram
    from needmap.reports.overview import write_overview

    analysis = _analysis(folder, groups, by_family, language)
    write_overview(analysis, draw_diagram(analysis.study, analysis.overlap), out)
    _console().print(f"wrote {out}")


@app.command()
def personas(
    folder: StudyDir,
    persona: Annotated[
        str | None,
        typer.Option(
            "--persona",
            "-p",
            help="Comma-separated persona ids to include. Default: every persona.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html (a page), .pdf (a persona per page), .md or .json. "
            "Default: print them.",
            show_default=False,
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

    study = _load(folder, language)
    if not study.personas:
        raise UsageError.single(
            "the study defines no personas",
            path=study.root,
            hint="add them to personas.yaml (see docs/study-format.md)",
        )
    profiles = persona_profiles(study, _ids(persona))
    if as_json:
        _emit_json(personas_to_json(profiles), out)
        return
    if out is not None:
        from needmap.reports.personas_report import write_personas

        write_personas(profiles, study, out)
        count = len(profiles)
        _console().print(f"wrote {out} ({count} persona{'' if count == 1 else 's'})")
        return
    from needmap.reports.personas_report import persona_views

    _print_personas(persona_views(profiles, study), study.settings.language)


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="An earlier plan: a roadmap's JSON (needmap roadmap DIR --json --out FILE) or a "
        "git revision of the study (a tag, a branch, HEAD~1). Shows which needs moved to an "
        "earlier or later phase, are new or were dropped since.",
        show_default=False,
    ),
]


@app.command()
def roadmap(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html (a page), .pdf, .md, .csv, .xlsx or .json. "
            "Default: print it.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the roadmap as JSON (docs/json-output.md).")
    ] = False,
    since: SinceOption = None,
    language: LanguageOption = None,
) -> None:
    """The roadmap: needs by score (demand x evidence / effort) in the study's phases.

    Phases and their capacity in effort points come from roadmap.phases in study.yaml; a need
    is never planned before what it depends on. Imported top-task surveys are evidence;
    interviews and search logs are shown beside the score (in the terminal from 110 columns
    wide). With --since, the needs that moved since an earlier plan are listed too.
    """
    from needmap.reports.roadmap_report import roadmap_to_json, study_roadmap

    study = _load(folder, language)
    plan = study_roadmap(study)
    if since is not None:
        from needmap.model.replan import replan
        from needmap.reports.roadmap_baseline import earlier_plan

        plan = replan(plan, *earlier_plan(since, study.root))
    if as_json:
        _emit_json(roadmap_to_json(plan), out)
        return
    if out is not None:
        from needmap.reports.roadmap_report import write_roadmap

        write_roadmap(plan, study, out)
        planned = sum(len(p.needs) for p in plan.phases)
        _console().print(f"wrote {out} ({planned} of {len(plan.needs)} needs planned)")
        return
    _print_roadmap(plan, study)


EvidenceJson = Annotated[
    bool, typer.Option("--json", help="Print the evidence as JSON (docs/json-output.md).")
]


@app.command()
def interviews(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html (a page with the quotes), .pdf, .md, .csv, .xlsx or .json. "
            "Default: print the table.",
            show_default=False,
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

    study = _load(folder, language)
    evidence = study_interviews(study)
    if as_json:
        _emit_json(interviews_to_json(evidence), out)
        return
    if out is not None:
        from needmap.reports.interviews_report import write_interviews

        write_interviews(evidence, study, out)
        _console().print(f"wrote {out} ({evidence.interviews} interviews shown)")
        return
    _print_interviews(evidence, study)


@app.command()
def searches(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html (a page), .pdf, .md, .csv (the needs table), .xlsx or "
            ".json. Default: print the tables.",
            show_default=False,
        ),
    ] = None,
    as_json: EvidenceJson = False,
    language: LanguageOption = None,
) -> None:
    """Search-log evidence: which needs people searched for, which searches found nothing
    (content gaps), and frequent searches that match no need.

    Reads each search log in analytics/ (a YAML file beside its export). Terms searched
    fewer times than the study's minimum group size are counted but never shown.
    """
    from needmap.reports.searches_report import searches_to_json, study_searches

    study = _load(folder, language)
    evidence = study_searches(study)
    if as_json:
        _emit_json(searches_to_json(evidence), out)
        return
    if out is not None:
        from needmap.reports.searches_report import write_searches

        write_searches(evidence, study, out)
        logs = len(evidence.logs)
        _console().print(
            f"wrote {out} ({evidence.searches} searches, {logs} log{'' if logs == 1 else 's'})"
        )
        return
    _print_searches(evidence, study)


survey_app = typer.Typer(
    help="Import top-task survey exports (LimeSurvey, Microsoft Forms, Google Forms, long CSV).",
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
            help="The survey tool's export: .csv or .xlsx.", show_default=False, dir_okay=False
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
    from needmap.surveys import find_mapping, import_survey, tally_path, write_tally

    study = _load(folder)
    chosen = find_mapping(study, mapping, survey)
    with _console(stderr=True).status(f"Reading {escape(export.name)}…"):
        result = import_survey(chosen, export, strict=strict)
    target = tally_path(study.root, chosen.id)
    write_tally(result.tally, target)
    _print_problems(result.warnings)
    _print_import(study, result, target)


groups_app = typer.Typer(
    help="List the target groups, or merge, rename or split them in every file of the study: "
    "the group, the needs, personas, interviews, survey mappings and tallies. Comments and "
    "layout are kept.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(groups_app, name="groups")

DryRun = Annotated[
    bool,
    typer.Option("--dry-run", "-n", help="Print the changes as a diff; write nothing."),
]
GroupName = Annotated[
    str | None,
    typer.Option("--name", help="Name of the resulting group; default: the kept group's name."),
]


@groups_app.command("list")
def groups_list(
    folder: StudyDir,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print it as JSON (docs/json-output.md).")
    ] = False,
    language: LanguageOption = None,
) -> None:
    """The groups side by side, to decide what to merge or split: id, family, headcount,
    needs by importance (must/should/could), personas, people interviewed, respondents per
    survey, and the most alike groups."""
    from needmap.reports.groups_report import groups_to_json, study_groups

    overview = study_groups(_load(folder, language))
    if as_json:
        _print_json(groups_to_json(overview))
        return
    _print_groups(overview)


@groups_app.command("merge")
def groups_merge(
    folder: StudyDir,
    groups: Annotated[
        list[str],
        typer.Argument(help="Ids of the groups to merge (two or more).", show_default=False),
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            help="Id of the merged group: one of the groups, or a new id (then give --name).",
            show_default=False,
        ),
    ],
    name: GroupName = None,
    dry_run: DryRun = False,
) -> None:
    """Merge groups into one, in every file of the study.

    The merged group keeps one entry (the --into group's, or the first named) with the
    headcounts added up. A need that several of the groups need keeps one entry with the
    highest importance among them. Personas, interviews and survey answers move to the
    merged group, and imported tallies are recounted.
    """
    from needmap.errors import UsageError

    if len(groups) < 2:
        raise UsageError.single(
            "name two or more groups to merge",
            hint=f"to rename one group: needmap groups rename {folder} {groups[0]} NEW-ID",
        )
    _regroup(folder, groups, into, name, dry_run)


@groups_app.command("rename")
def groups_rename(
    folder: StudyDir,
    group: Annotated[str, typer.Argument(help="Id of the group.", show_default=False)],
    new_id: Annotated[
        str,
        typer.Argument(help="Its new id (the same id to change only --name).", show_default=False),
    ],
    name: GroupName = None,
    dry_run: DryRun = False,
) -> None:
    """Give a group a new id (and --name) in every file of the study that refers to it."""
    _regroup(folder, [group], new_id, name, dry_run)


@groups_app.command("split")
def groups_split(
    folder: StudyDir,
    group: Annotated[str, typer.Argument(help="Id of the group to split.", show_default=False)],
    into: Annotated[
        list[str],
        typer.Option(
            "--into",
            help="Id of a part (once per part; the group's own id may be one of them).",
            show_default=False,
        ),
    ],
    names: Annotated[
        list[str],
        typer.Option(
            "--name", help="Name of each part, in the order of --into.", show_default=False
        ),
    ],
    headcounts: Annotated[
        list[int] | None,
        typer.Option(
            "--headcount",
            min=0,
            help="Headcount of each part, in the order of --into (when the group has one).",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """Split a group into parts, in every file of the study.

    Each part is a copy of the group's entry with its own id, name and headcount. Every need
    of the group becomes a need of each part with the same importance, to adjust per part.
    The group's personas, interviews and survey answers go to the first part and are listed,
    to move where they belong; imported tallies must be imported again.
    """
    from needmap.errors import UsageError
    from needmap.regroup import GroupPart, plan_split, write_study_edits

    counts = headcounts or []
    if len(names) != len(into) or (counts and len(counts) != len(into)):
        raise UsageError.single(
            f"{len(into)} parts (--into), {len(names)} names (--name)"
            + (f" and {len(counts)} headcounts (--headcount)" if counts else ""),
            hint="give --name (and --headcount) once per --into, in the same order",
        )
    parts = [
        GroupPart(part, name, counts[i] if counts else None)
        for i, (part, name) in enumerate(zip(into, names, strict=True))
    ]
    split = plan_split(_load(folder), group, parts)
    if dry_run:
        typer.echo(split.diff(), nl=False)
    else:
        write_study_edits(split)
    _print_split(split, folder, dry_run)


def _regroup(folder: Path, groups: list[str], into: str, name: str | None, dry_run: bool) -> None:
    from needmap.regroup import plan_regrouping, write_study_edits

    regrouping = plan_regrouping(_load(folder), groups, into, name)
    if dry_run:
        typer.echo(regrouping.diff(), nl=False)
    else:
        write_study_edits(regrouping)
    _print_regrouping(regrouping, folder, dry_run)


@app.command()
def toptasks(
    folder: StudyDir,
    survey: SurveyId = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", "-g", help="One group's ranking (printed, or with --json or --out)."
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
        float, typer.Option("--coverage", help="Share of votes the coverage set must reach.")
    ] = 0.75,
    top: Annotated[
        int, typer.Option("--top", min=1, help="Tasks (and needs) to list in the terminal.")
    ] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the analysis as JSON (see docs/json-output.md).")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Write a page (.html, .pdf), a table (.md, .csv, .xlsx), a chart (.png, .svg) or "
            "the JSON (.json) instead of printing.",
            show_default=False,
        ),
    ] = None,
    chart: Annotated[
        str, typer.Option("--chart", help="Chart for .png/.svg: neck (long neck) or groups.")
    ] = "neck",
    language: LanguageOption = None,
) -> None:
    """Top-task results: shares, the long neck, the coverage set, weights and group rankings."""
    from needmap.model.toptasks import analyse_toptasks, group_breakdown
    from needmap.surveys import load_survey

    study = _load(folder, language)
    mapping, tally = load_survey(study, survey)
    result = analyse_toptasks(study, mapping, tally, weighted=weighted, coverage_target=coverage)
    language = study.settings.language
    as_json = as_json or (out is not None and out.suffix.lower() == ".json")
    if group is not None:
        _group_toptasks(result, group_breakdown(result, group, study), language, top, as_json, out)
        return
    if as_json:
        from needmap.reports.toptasks_table import toptasks_to_json

        _emit_json(toptasks_to_json(result), out)
        return
    if out is not None:
        _write_toptasks(result, language, study.settings.organisation, out, chart)
        _console().print(f"wrote {out}")
        return
    _print_toptasks(result, language, top)


@app.command()
def why(
    folder: StudyDir,
    need: Annotated[
        str,
        typer.Argument(help="The need's id (as in needs.yaml) or its title.", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .html or .pdf (a page), .md or .json. Default: print it.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print it as JSON (docs/json-output.md).")
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Why a need is where it is: who needs it, its place and score in the roadmap, and the
    survey votes, interviews and searches behind it.

    The answer to a steering group's "why is this need first?", in sentences.
    """
    from needmap.reports.why_report import need_story, why_to_json

    story = need_story(_load(folder, language), need)
    if as_json:
        _emit_json(why_to_json(story), out)
        return
    if out is not None:
        from needmap.reports.why_report import write_why

        write_why(story, out)
        _console().print(f"wrote {out}")
        return
    _print_why(story)


@app.command()
def brief(
    folder: StudyDir,
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .pdf (to print or send), .html (a page) or .md (text, "
            "without the pictures).",
            show_default=False,
        ),
    ],
    dated: Annotated[
        bool, typer.Option("--date/--no-date", help="Put today's date on the cover.")
    ] = True,
    since: SinceOption = None,
    language: LanguageOption = None,
) -> None:
    """One document for the steering group: the study at a glance, then every report.

    A cover with the platform advice, the roadmap's first phase and the evidence in a few
    lines, and the contents; then the overlap (groups, and families if the study has them),
    the roadmap, why the needs of its first phase come first, the personas, each imported
    top-task survey, the interviews and the search logs, each as its own chapter. With
    --since, the cover and the roadmap say what moved since an earlier plan.
    """
    from datetime import date

    from needmap.reports.brief import study_brief, write_brief

    study = _load(folder, language)
    earlier = None
    if since is not None:
        from needmap.reports.roadmap_baseline import earlier_plan

        earlier = earlier_plan(since, study.root)
    with _console(stderr=True).status("Computing the overlap, roadmap and evidence…") as status:
        write_brief(
            study_brief(study, earlier),
            out,
            today=date.today() if dated else None,
            progress=lambda step: status.update(f"Writing {escape(step)}…"),
        )
    _console().print(f"wrote {out}")


@app.command()
def demo(
    out: Annotated[
        Path, typer.Argument(help="Folder for the example study and its outputs.")
    ] = Path("needmap-demo"),
    template: Annotated[
        str, typer.Option("--template", "-t", help="Template of the example study.")
    ] = "gemeente",
) -> None:
    """Create an example study (once) and build every report of it: needmap at a glance.

    This includes each template's example top-task survey: a generated export
    (example-export-*.csv), its import, and the top-task page, tables and charts; the
    persona report (personas.html, .pdf, .md) with the survey's evidence; the roadmap
    (roadmap.html, .pdf, .md, .xlsx), with what the survey's evidence changed in the plan
    made before it; and the brief for the steering group (brief.pdf, .html, .md).
    """
    from needmap.demo import build_demo

    console = _console()
    result = build_demo(out, template, progress=lambda p: console.print(f"  wrote {p}"))
    _print_problems(result.warnings)
    state = "Created the" if result.created else "Used the existing"
    console.print(f"{state} example study in {result.study_dir} (template '{template}').")
    console.print(f"Open {out / 'index.html'} in a browser to start ({len(result.files)} files).")


def _counts(study: Study) -> str:
    """'8 groups, 1 need, 5 personas': each count with its noun in the right number."""
    summary = study.summary()
    return ", ".join(_count(n, kind[:-1]) for kind, n in summary.items() if kind != "families")


def _count(number: int, noun: str) -> str:
    """'1 warning', '3 warnings'."""
    return f"{number} {noun}{'s' * (number != 1)}"


def _validation_result(
    folder: Path, study: Study | None, problems: tuple[Problem, ...], *, strict: bool = False
) -> dict[str, Any]:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    return {
        "study": str(folder),
        "valid": not errors and not (strict and warnings),
        "errors": len(errors),
        "warnings": len(warnings),
        "counts": study.summary() if study is not None else None,
        "problems": [p.to_dict() for p in problems],
    }


def _print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _emit_json(data: dict[str, Any], out: Path | None) -> None:
    """Print the JSON, or write it to ``out``, which must then end in .json."""
    if out is None:
        _print_json(data)
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
    _console().print(f"wrote {out}")


def _print_overlap(analysis: OverlapAnalysis) -> None:
    from rich.table import Table

    from needmap.model.overlap import most_alike
    from needmap.reports.i18n import labels, note_text
    from needmap.reports.overview import advice_fields, alike_sentence

    study, result, advice = analysis.study, analysis.overlap, analysis.advice
    words = labels(study.settings.language)
    console = _console()
    letters = {u.id: u.letter for u in result.units}
    units = Table(box=None, pad_edge=False)
    units.add_column("")
    units.add_column(words["col.group"])
    for key in ("col.people", "col.needs", "col.only"):
        units.add_column(words[key], justify="right", no_wrap=True)
    for unit in result.units:
        units.add_row(
            unit.letter,
            escape(unit.name),
            "" if unit.headcount is None else str(unit.headcount),
            str(len(result.unit_needs(unit.id))),
            str(len(result.unique(unit.id))),
        )
    console.print(units)
    console.print()
    regions = _light_table(words["overlap.regions"])
    fixed = []
    for key, content in (
        ("col.code", max(len(r.code) for r in result.regions)),
        ("col.groups", max(r.degree for r in result.regions)),
        ("col.needs", 3),
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
    for region in result.regions:
        regions.add_row(
            region.code,
            "".join(letters[u] for u in region.units),
            str(len(region.needs)),
            f"{region.share:.0%}",
            escape("; ".join(study.need_by_id[n].title for n in region.needs)),
        )
    console.print(regions)
    console.print()
    console.print(
        words["overlap.advice"].format(
            form=f"[bold]{words['form.' + advice.form]}[/bold]",
            **advice_fields(advice, len(result.units), study.settings.language),
        ),
        soft_wrap=False,
    )
    if result.weighting_note:
        note = note_text(result.weighting_note, study.settings.language)
        console.print(words["overlap.note"].format(note=escape(note)), soft_wrap=False)
    alike = alike_sentence(result, study.settings.language)
    if alike:
        console.print(escape(alike), soft_wrap=False)
    closest = next(iter(most_alike(result)), None)
    if (
        closest is not None
        and closest.weighted_jaccard >= _MERGE_HINT_FROM
        and all(unit.kind == "group" for unit in result.units)
    ):
        console.print(
            f"Groups this alike may be one: needmap groups merge {escape(str(study.root))} "
            f"{closest.a} {closest.b} --into {closest.a}",
            style="dim",
            soft_wrap=True,  # a command to copy: not broken over lines
        )


def _light_table(title: str) -> Table:
    """A table framed by a rule under its headings only, with two spaces between columns:
    in an 80-column terminal the text column keeps room that borders would take."""
    from rich import box
    from rich.table import Table

    return Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )


def _print_table(needs_table: NeedsTable, language: str) -> None:
    from needmap.reports.i18n import labels

    words = labels("en" if language == "en" else "nl")
    marks = {"must": "[bold]●●●[/bold]", "should": "●●", "could": "[dim]●[/dim]", "": ""}
    table = _light_table(needs_table.title)
    table.add_column(needs_table.headers[1], min_width=24)
    for column in needs_table.columns:
        table.add_column(column.split(" · ")[0], justify="center", no_wrap=True)
    table.add_column(needs_table.headers[2], no_wrap=True)
    for kind, heading in needs_table.kinds:
        table.add_section()
        table.add_row(f"[bold]{escape(heading)}[/bold]")
        for row in needs_table.rows_of(kind):
            table.add_row(
                escape(row.title),
                *(marks[level] for level in row.levels),
                escape(row.region) + (f" {words['core']}" if row.is_core else ""),
            )
    console = _console()
    console.print(table)
    console.print(escape("  ".join(needs_table.columns)))
    console.print(words["legend.marks"], style="dim")


def escape(text: str) -> str:
    """Text shown literally by rich (group names may hold [brackets])."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _print_import(study: Study, result: ImportResult, target: Path) -> None:
    from needmap.model.toptasks import outside_counted, suppressed_groups
    from needmap.surveys.tally import OUTSIDE

    tally = result.tally
    console = _console()
    console.print(f"Read {escape(tally.source)} ({result.description}) as layout {tally.layout}.")
    groups = {g: n for g, n in tally.respondents.items() if g != OUTSIDE}
    minimum = study.settings.privacy.min_group_size
    hidden = suppressed_groups(groups, minimum)
    outside = outside_counted(tally, minimum)
    console.print(f"Counted {sum(groups.values()) + outside} respondents into {target}:")
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


def _write_toptasks(
    result: TopTasks, language: Language, organisation: str, out: Path, chart: str
) -> None:
    from needmap.errors import UsageError

    if out.suffix.lower() in (".html", ".pdf"):
        from needmap.reports.toptasks_page import write_toptasks_page

        write_toptasks_page(result, language, organisation, out)
        return
    if out.suffix.lower() in (".png", ".svg"):
        from needmap.reports.diagram import write_figure
        from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck

        drawers = {"neck": draw_long_neck, "groups": draw_group_chart}
        if chart not in drawers:
            raise UsageError.single(
                f"unknown chart '{chart}'", hint="use --chart neck or --chart groups"
            )
        write_figure(drawers[chart](result, language), out)
        return
    from needmap.reports.toptasks_table import build_evidence, build_ranking, write_ranking

    write_ranking([build_ranking(result, language), build_evidence(result, language)], out)


def _print_groups(overview: GroupsOverview) -> None:
    """The groups in a table that fits 80 columns, in the study's language: names first
    (they wrap, ids do not), a heading row per family, a column per survey (headed
    "answered" when there is one)."""
    from needmap.reports.groups_report import hidden
    from needmap.reports.i18n import labels

    words = labels(overview.language)
    interviews = any(s.participants != 0 for s in overview.groups)
    surveys = overview.surveys
    table = _light_table("")
    table.add_column(words["gl.name"], min_width=12, overflow="fold")
    table.add_column(words["gl.id"], no_wrap=True)
    headings = [words["col.people"], words["col.needs"], words["gl.personas"]]
    for heading in [*headings, *([words["gl.interviewed"]] if interviews else [])]:
        table.add_column(heading, justify="right", no_wrap=True)
    for survey in surveys:
        heading = words["gl.answered"] if len(surveys) == 1 else escape(survey)
        table.add_column(heading, justify="right")
    for family, summaries in overview.by_family():
        if overview.families:
            name = overview.families[family] if family is not None else words["gl.no_family"]
            table.add_row(f"[bold]{escape(name)}[/bold]")
        for s in summaries:
            group = s.group
            table.add_row(
                escape(group.name),
                escape(group.id),
                "" if group.headcount is None else str(group.headcount),
                "/".join(str(s.needs[level]) for level in ("must", "should", "could")),
                str(s.personas),
                *([hidden(s.participants, True, overview.min_size)] if interviews else []),
                *(
                    hidden(count, asked, overview.min_size)
                    for count, asked in zip(s.respondents, s.asked, strict=True)
                ),
            )
    console = _console()
    console.print(table)
    legend = [words["gl.legend.needs"]]
    if interviews:
        legend.append(words["gl.legend.interviewed"])
    if len(surveys) == 1:
        legend.append(words["gl.legend.answered"].format(survey=escape(surveys[0])))
    elif surveys:
        legend.append(words["gl.legend.surveys"])
    legend.append(words["gl.legend.hidden"].format(n=overview.min_size))
    console.print("; ".join(legend) + ".", style="dim", soft_wrap=False)
    if overview.alike:
        console.print(escape(overview.alike), soft_wrap=False)


def _print_split(split: GroupSplit, folder: Path, dry_run: bool) -> None:
    console = _console(stderr=dry_run)
    parts = ", ".join(
        f"{escape(p.id)} ({escape(p.name)}"
        + ("" if p.headcount is None else f", headcount {p.headcount}")
        + ")"
        for p in split.parts
    )
    verb = "Would split" if dry_run else "Split"
    console.print(
        f"{verb} {escape(split.group)} into {parts} in {_count(len(split.changes), 'file')}:"
    )
    _print_file_changes(console, split)
    console.print(
        "Each need of the group is now a need of every part, with the same importance: "
        "adjust them per part."
    )
    if split.moved:
        console.print(
            f"These now name {escape(split.parts[0].id)}; move those that belong to another part:"
        )
        for where, what in split.moved:
            console.print(f"  {where}  {escape(what)}", soft_wrap=True)
    for tally in split.tallies:
        console.print(
            f"{tally.relative_to(split.root).as_posix()}: the respondents of "
            f"{escape(split.group)} count for {escape(split.parts[0].id)}; once the survey "
            "mapping's answers name the parts, import the export again (needmap survey import)."
        )
    if dry_run:
        console.print("Nothing was written (--dry-run).")
    else:
        console.print(f"Comments and layout are kept. Next: needmap validate {escape(str(folder))}")


def _print_file_changes(console: Console, edits: StudyEdits) -> None:
    table = _light_table("")
    table.add_column("file")
    table.add_column("changes")
    for change in edits.changes:
        table.add_row(escape(change.path.relative_to(edits.root).as_posix()), change.what)
    console.print(table)


def _print_regrouping(regrouping: Regrouping, folder: Path, dry_run: bool) -> None:
    console = _console(stderr=dry_run)
    people = "" if regrouping.headcount is None else f", headcount {regrouping.headcount}"
    merged = ", ".join(regrouping.groups)
    verb = "Would merge" if dry_run else "Merged"
    if len(regrouping.groups) == 1:
        verb = "Would rename" if dry_run else "Renamed"
    console.print(
        f"{verb} {escape(merged)} into '{escape(regrouping.into)}' "
        f"({escape(regrouping.name)}{people}) in {_count(len(regrouping.changes), 'file')}:"
    )
    _print_file_changes(console, regrouping)
    if regrouping.description_at is not None:
        console.print(
            f"The merged group kept the description of {escape(regrouping.kept)} "
            f"({regrouping.description_at}): rewrite it to describe them all."
        )
    if dry_run:
        console.print("Nothing was written (--dry-run).")
    else:
        console.print(f"Comments and layout are kept. Next: needmap validate {escape(str(folder))}")


def _print_toptasks(result: TopTasks, language: Language, top: int) -> None:
    from needmap.reports.i18n import labels
    from needmap.reports.toptasks_table import build_evidence, build_ranking

    words = labels(language)
    ranking = build_ranking(result, language)
    console = _console()
    _print_ranking(console, ranking, top)
    for note in ranking.notes:
        console.print(escape(note), soft_wrap=False)
    neck_key = "tt.neck_line.one" if len(result.neck) == 1 else "tt.neck_line"
    console.print(words[neck_key].format(count=len(result.neck)))
    if result.needs:
        console.print()
        _print_ranking(console, build_evidence(result, language), top)
    if result.weights:
        console.print()
        console.print(words["tt.weights"] + ":")
        names = {g.group: g.name for g in result.groups}
        for group, weight in result.weights.items():
            shown = (
                words["tt.suppressed"].format(n=result.min_group_size)
                if weight is None
                else f"{weight:.2f}"
            )
            console.print(f"  {escape(names.get(group, group)):40} {shown:>7}")
    labels_of = {t.id: t.label for t in result.tasks}
    if any(not g.suppressed for g in result.groups):
        console.print()
        _print_bullets(
            console,
            [
                f"{g.name}: " + words["tt.suppressed"].format(n=result.min_group_size)
                if g.suppressed
                else f"{g.name} (n={g.respondents}): " + "; ".join(labels_of[t] for t in g.top(3))
                for g in result.groups
            ],
        )
    if result.disagreements:
        console.print()
        console.print(words["tt.disagree"] + ":")
        names = {g.group: g.name for g in result.groups}
        _print_bullets(
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


def _print_bullets(console: Console, lines: list[str]) -> None:
    """One bullet a line, wrapped at the terminal's width under its own text."""
    from rich.table import Table

    bullets = Table.grid(padding=(0, 1), pad_edge=True)
    bullets.add_column(style="dim")
    bullets.add_column()
    for line in lines:
        bullets.add_row("•", escape(line))
    console.print(bullets, soft_wrap=False)


def _print_personas(views: tuple[PersonaView, ...], language: Language) -> None:
    """Each persona: who, the story, the lists as bullets, key needs and survey evidence."""
    from rich.padding import Padding
    from rich.text import Text

    console = _console()
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
            _print_bullets(console, list(items))
        if view.needs:
            console.print()
            table = _light_table(view.needs_title)  # without kind and place: 80 columns
            for i, heading in enumerate(view.needs_header):
                if i not in (1, 4):
                    table.add_column(heading, justify="right" if i >= 6 else "left")
            for row in view.needs:
                table.add_row(
                    escape(row.title),
                    escape(row.importance),
                    row.shared_by,
                    escape(row.when),
                    *map(escape, row.votes),
                )
            console.print(table)
        for survey in view.surveys:
            console.print(f"\n[bold]{escape(survey.heading)}[/bold]")
            console.print(escape(survey.text))
            _print_bullets(console, [f"{label}: {pct}" for label, pct, _ in survey.tasks])
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
    from needmap.reports.i18n import labels
    from needmap.reports.roadmap_report import (
        build_changes_table,
        build_roadmap_table,
        phase_views,
    )

    console = _console()
    why = build_roadmap_table(plan, study)
    rows = iter(why.rows)  # in plan order, as the phases list their needs
    words = labels(study.settings.language)
    evidence = [why.header.index(words[k]) for k in _EVIDENCE if words[k] in why.header]
    wide = console.width >= _WIDE_ROADMAP
    # number, need, score, votes, [interviews, searches,] effort, after
    shown = (
        0,
        1,
        3,
        5,
        *(evidence if wide else ()),
        *(why.header.index(words[k]) for k in ("rm.effort", "rm.after")),
    )
    for view in phase_views(plan, study):
        title = f"[bold]{escape(view.name)}[/bold] · {escape(view.load)}"
        if not view.needs:
            empty = words["rm.empty"]
            console.print(f"{title}\n[dim]{escape(empty)}[/dim]\n")
            continue
        table = _light_table(title)
        for i in shown:
            table.add_column(why.header[i], justify="left" if i in why.text_columns else "right")
        for _ in view.needs:
            row = next(rows)
            table.add_row(*(escape(row[i]) for i in shown))
        console.print(table)
        console.print()
    changes = build_changes_table(plan, study)
    if changes is not None:
        _print_changes(console, changes)
    for note in why.notes:
        console.print(escape(note), soft_wrap=False, style="dim")
    if evidence and not wide:
        columns = ", ".join(why.header[i] for i in evidence)
        console.print(
            f"{escape(columns)}: in a terminal of {_WIDE_ROADMAP} columns or more, "
            "and in the files (--out roadmap.html, .pdf, .xlsx)",
            soft_wrap=False,
            style="dim",
        )


def _print_why(story: NeedStory) -> None:
    """The heading line in bold, then each part with its lines."""
    from needmap.reports.why_report import why_sections

    console = _console()
    (title, intro), *parts = why_sections(story)
    console.print(f"[bold]{escape(title)}[/bold]")
    for line in intro:
        console.print(escape(line))
    for heading, lines in parts:
        console.print()
        console.print(f"[bold]{escape(heading)}[/bold]")
        for line in lines:
            console.print(f"  {escape(line)}")


def _print_changes(console: Console, changes: RankingTable) -> None:
    """What moved since the earlier plan, and how many needs stayed."""
    if changes.rows:
        table = _light_table(f"[bold]{escape(changes.title)}[/bold]")
        for i, heading in enumerate(changes.header):
            table.add_column(heading, justify="left" if i in changes.text_columns else "right")
        for row in changes.rows:
            table.add_row(*(escape(cell) for cell in row))
        console.print(table)
    else:
        console.print(f"[bold]{escape(changes.title)}[/bold]")
    console.print(escape(changes.notes[0]), soft_wrap=False, style="dim")
    console.print()


_EVIDENCE = ("rm.interviews", "rm.searches")
"""The roadmap's evidence columns beside the score, shown when the terminal is wide."""
_WIDE_ROADMAP = 110
"""Terminal width from which the roadmap shows its evidence columns too."""


def _print_interviews(evidence: InterviewEvidence, study: Study) -> None:
    """The summary, the table without kind and per-group columns (they fit in the files),
    then the notes."""
    from needmap.reports.i18n import labels
    from needmap.reports.interviews_report import build_interviews_table

    words = labels(study.settings.language)
    console = _console()
    table = build_interviews_table(evidence, study)
    if table.rows:
        summary = words["iv.summary"].format(
            interviews=evidence.interviews, participants=evidence.participants
        )
        shown = (0, 2, 3, 4)  # need, verdict, supported, questioned
        rich_table = _light_table(f"{escape(table.title)} · {escape(summary)}")
        for i in shown:
            rich_table.add_column(
                table.header[i],
                justify="left" if i in table.text_columns else "right",
                min_width=24 if i == 0 else None,
            )
        for row in table.rows:
            rich_table.add_row(*(escape(row[i]) for i in shown))
        console.print(rich_table)
        console.print(
            f"Per group, and the quotes: needmap interviews {escape(str(study.root))} "
            "--out interviews.html (or .md, .xlsx)",
            soft_wrap=False,
        )
        console.print()
    for note in table.notes:
        console.print(escape(note), soft_wrap=False, style="dim")


def _print_searches(evidence: SearchEvidence, study: Study) -> None:
    """The summary, the needs table without kind and share, the unmatched terms, the notes."""
    from needmap.reports.searches_report import (
        build_searches_table,
        build_unmatched_table,
        summary_line,
    )

    console = _console()
    language = study.settings.language
    needs = build_searches_table(evidence, study)
    if evidence.logs:
        console.print(escape(summary_line(evidence, language)), soft_wrap=False)
        for log in evidence.logs:
            console.print(escape(f"{log.title}: {log.description}"), style="dim")
        console.print()
    unmatched = build_unmatched_table(evidence, study)
    for table, shown in ((needs, (0, 2, 4, 5, 6)), (unmatched, None)):
        if not table.rows:
            continue
        columns = shown or tuple(range(len(table.header)))
        rich_table = _light_table(escape(table.title))
        for i in columns:
            rich_table.add_column(
                table.header[i],
                justify="left" if i in table.text_columns else "right",
                min_width=20 if i == 0 else None,
            )
        for row in table.rows:
            rich_table.add_row(*(escape(row[i]) for i in columns))
        console.print(rich_table)
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
        _emit_json(group_ranking_to_json(result, group), out)
        return
    ranking = build_group_ranking(result, group, language)
    if out is not None:
        write_ranking([ranking], out, hint="one group's ranking is a table: use .md, .csv or .xlsx")
        _console().print(f"wrote {out}")
        return
    _print_ranking(_console(), ranking, top)


def _print_ranking(console: Console, ranking: RankingTable, top: int) -> None:
    """The first ``top`` rows of a ranking (at most its first seven columns), tasks in the
    coverage set in bold, then how many rows were left out."""
    table = _light_table(ranking.title)
    for i, heading in enumerate(ranking.header[:7]):
        # Headings may wrap, so that a narrow terminal leaves room for the task labels.
        table.add_column(
            heading, justify="left" if i == 1 else "right", min_width=20 if i == 1 else None
        )
    for row, covered in list(zip(ranking.rows, ranking.in_coverage, strict=True))[:top]:
        table.add_row(*(escape(c) for c in row[:7]), style="bold" if covered else "")
    console.print(table)
    if len(ranking.rows) > top:
        console.print(
            f"… {len(ranking.rows) - top} more (--top {len(ranking.rows)} shows all)", style="dim"
        )


def _print_problems(problems: tuple[Problem, ...]) -> None:
    from rich.text import Text

    console = _console(stderr=True)
    for problem in problems:
        line = Text()
        if problem.location.path is not None:
            line.append(f"{problem.location}: ", style="bold")
        if problem.key:
            line.append(f"{problem.key}: ", style="cyan")
        if problem.severity == "warning":
            line.append("warning: ", style="yellow bold")
        line.append(problem.message, style="red" if problem.severity == "error" else "")
        console.print(line)
        if problem.hint:
            console.print(Text(f"    hint: {problem.hint}", style="dim"))


def main() -> None:
    """Entry point of the ``needmap`` command."""
    app()
