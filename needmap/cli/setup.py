"""Setting a study up: ``init``, ``templates``, ``validate`` and ``schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from needmap.cli.app import (
    EXIT_INPUT,
    StudyDir,
    app,
    choice_of,
    escape,
    new_console,
    print_json,
    print_problems,
    print_steps,
    print_table,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from needmap.errors import Problem
    from needmap.personas.study import Study


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="New folder for the study.", show_default=False)
    ],
    template: Annotated[
        str,
        typer.Option(
            "--template",
            "-t",
            metavar="<name>",
            help="Template to start from; see: needmap templates.",
        ),
    ] = "gemeente",
) -> None:
    """Create a new study from a template. Never overwrites an existing study."""
    from needmap.personas.loader import load_study
    from needmap.reports.i18n import counted, labels
    from needmap.scaffold import init_study, template_name
    from needmap.surveys.mapping import mapping_files

    template = template_name(template)  # as the templates list names it
    written = init_study(folder, template)
    study = load_study(folder)
    language = study.settings.language  # the new study's: its files are in it too
    words = labels(language)
    counts = [
        counted(n, kind, language) for kind, n in study.summary().items() if kind != "families"
    ]
    out = new_console()
    out.print(
        escape(
            words["init.created"].format(
                folder=folder,
                template=template,
                counts=", ".join([*counts, counted(len(written), "files", language)]),
            )
        )
    )
    word = command_word(folder)
    steps = [
        ("groups", "groups list"),
        ("validate", "validate"),
        ("serve", "serve"),
        ("guide", "guide", "--out guides.pdf"),
        *([("questions", "survey questions")] if len(mapping_files(folder)) == 1 else []),
        ("status", "status"),
        ("build", "build"),
    ]
    out.print(escape(f"{words['status.next_steps']}:"))
    print_steps(
        out,
        [
            (words[f"init.step.{step}"], " ".join(("needmap", command, word, *extra)))
            for step, command, *extra in steps
        ],
    )


@app.command()
def templates() -> None:
    """List the study templates that init can start from."""
    from rich.table import Table

    from needmap.scaffold import list_templates

    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("template", "language", "study and target groups"):
        table.add_column(column, overflow="fold")
    for number, info in enumerate(list_templates()):
        if number:
            table.add_row()  # a blank line between templates
        circles = ", ".join(f"{name} ({count})" for name, count in info.families)
        groups = f"{info.groups} groups" + (f": {circles}" if circles else "")
        study = f"[bold]{escape(info.organisation)}[/]: {escape(info.study_name)}"
        table.add_row(info.name, info.language, f"{study}\n[dim]{escape(groups)}[/]")
    console = new_console()
    print_table(console, table)
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
    at file:line:col.

    The evidence files are checked even while the definitions have errors, so one run
    reports them all. Warnings include texts that keep personal data (reports scrub it,
    the files do not) and groups with more survey respondents than their headcount.
    """
    from needmap.errors import InvalidStudyError
    from needmap.surveys.study_check import check_study

    checked = check_study(folder)
    study, problems = checked.study, checked.problems
    if study is None:
        if not as_json:
            raise InvalidStudyError(problems)
        print_json(_validation_result(folder, None, problems))
        raise typer.Exit(EXIT_INPUT)
    failed = strict and bool(problems)
    if as_json:
        print_json(_validation_result(folder, study, problems, strict=strict))
    else:
        print_problems(problems)
        mark = "✗" if failed else "✓"
        new_console().print(
            escape(
                f"{mark} {folder}: '{study.settings.name}' ({study.settings.organisation}) — "
                f"{_counts(study)}" + (f", {plural(len(problems), 'warning')}" if problems else "")
            )
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
            "printing one: refreshes the ones needmap wrote, never writes over others.",
            file_okay=False,
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            metavar="<kind>",
            help="Which schema to print: study, definitions, survey, interviews or search-log.",
        ),
    ] = "study",
) -> None:
    """Print or write the JSON Schema of the study files, for editors and CI checks."""
    from needmap.errors import UsageError
    from needmap.scaffold import schema_texts, write_schemas

    if out is not None:
        for path in write_schemas(out):
            new_console().print(escape(f"wrote {path}"))
        return
    texts = schema_texts()
    named = choice_of(kind, [name.removesuffix(".schema.json") for name in texts])
    if named is None:
        raise UsageError.single(
            f"unknown schema kind '{kind}'",
            hint="use --kind study, definitions, survey, interviews or search-log",
        )
    sys.stdout.write(texts[f"{named}.schema.json"])


def _counts(study: Study) -> str:
    """'8 groups, 1 need, 5 personas': each count with its noun in the right number."""
    summary = study.summary()
    return ", ".join(plural(n, kind[:-1]) for kind, n in summary.items() if kind != "families")


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
