"""For the steering group: ``why``, ``brief``, and ``build`` and ``demo`` with every report
at once."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from needmap.cli.app import (
    JsonOption,
    LanguageOption,
    SinceOption,
    StudyDir,
    app,
    emit_json,
    escape,
    new_console,
    out_option,
    print_indented,
    print_problems,
    print_steps,
    study_at,
    watch_study,
    whole_study_at,
    writing,
)
from needmap.errors import plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from rich.console import Console
    from rich.status import Status

    from needmap.reports.why_report import NeedStory


@app.command()
def why(
    folder: StudyDir,
    need: Annotated[
        str,
        typer.Argument(
            metavar="NEED",
            help="The need's id (as in needs.yaml) or its title.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        out_option("File to write: .html or .pdf (a page), .md or .json. Default: print it."),
    ] = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Why a need is where it is: who needs it, its place and score in the roadmap, and the
    survey votes, interviews and searches behind it.

    The answer to a steering group's "why is this need first?", in sentences; and to
    "why not sooner?": the earlier phases that were too full when its turn came.
    """
    from needmap.reports.why_report import need_story, why_to_json

    story = need_story(study_at(folder, language, out=out), need)
    if as_json:
        emit_json(why_to_json(story), out)
        return
    if out is not None:
        from needmap.reports.why_report import write_why

        with writing(out):
            write_why(story, out)
        new_console().print(escape(f"wrote {out}"))
        return
    _print_why(story)


@app.command()
def brief(
    folder: StudyDir,
    out: Annotated[
        Path,
        out_option(
            "File to write: .pdf (to print or send), .html (a page) or .md (text, "
            "without the pictures)."
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
    top-task survey (of a survey held again, the latest run and what changed since the
    run it repeats), the interviews and the search logs, each as its own chapter. With
    --since, the cover and the roadmap say what moved since an earlier plan.
    """
    from datetime import date

    from needmap.reports.brief import study_brief, write_brief

    study = study_at(folder, language, out=out)
    earlier = None
    if since is not None:
        from needmap.reports.roadmap_baseline import earlier_plan

        earlier = earlier_plan(since, study.root)
    with new_console(stderr=True).status("Computing the overlap, roadmap and evidence…") as status:
        write_brief(
            study_brief(study, earlier),
            out,
            today=date.today() if dated else None,
            progress=lambda step: status.update(f"Writing {escape(step)}…"),
        )
    new_console().print(escape(f"wrote {out}"))


@app.command()
def status(
    folder: StudyDir,
    reports: Annotated[
        Path | None,
        typer.Option(
            "--reports",
            help="The folder the reports were built into (build --out DIR), to check them "
            "for age. Default: reports/ in the study, or the folder the study is in when a "
            "build made its reports there (as needmap demo does).",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Where the study stands, and what to do next, each step with the command that helps.

    The brief's lines at a glance (platform form, roadmap, personas, top tasks,
    interviews, search logs); then what is still missing: files named like a part of the
    study that are not read (persona.yaml, gesprekken/), a study of one group (nothing to
    compare its needs with), groups not interviewed yet or too few to be shown,
    interviews without quotes, personal data that interview quotes and persona texts
    still hold, survey exports not imported, survey tasks linked to no need, groups a
    survey asked with too few respondents to be shown, groups with more survey
    respondents than their headcount, search terms another search log gives a
    need and a log's own topics lack, searches that found nothing as often as makes a
    content gap and match no need, needs without any evidence yet, reports older than
    the study's files, and how many warnings the files have (needmap validate shows them)
    where no step before says to run it.
    """
    from needmap.reports.i18n import labels
    from needmap.reports.status_report import status_to_json, study_status

    study = study_at(folder, language)
    found = study_status(study, reports)
    if as_json:
        emit_json(status_to_json(found), None)
        return
    console = new_console()
    settings = study.settings
    print_indented(console, [f"{settings.name} ({settings.organisation})"], indent=0, style="bold")
    print_indented(console, [f"{label}: {text}" for label, text in found.glance])
    console.print()
    words = labels(study.settings.language)
    if not found.steps:
        command = f"needmap build {escape(command_word(folder))}"
        console.print(words["status.nothing_waits"].format(command=command))
        return
    console.print(f"[bold]{escape(words['status.next_steps'])}[/bold]")
    print_steps(console, [(step.text, step.command) for step in found.steps])


@app.command()
def build(
    folder: StudyDir,
    out: Annotated[
        Path | None,
        out_option(
            "Folder to write the reports into: one of their own, not the study's nor one "
            "that holds its files (interviews/, surveys/, …). Default: reports/ in the study.",
            folder=True,
        ),
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf/--no-pdf",
            help="Also write the PDFs (to print or send); --no-pdf refreshes the pages and "
            "tables in half the time, and names the PDFs of an earlier build it leaves.",
        ),
    ] = True,
    since: SinceOption = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch",
            help="Build again whenever a file of the study changes, until Ctrl-C; while "
            "the study has problems, they are printed and the next save is awaited.",
        ),
    ] = False,
    language: LanguageOption = None,
) -> None:
    """Every report of the study in one folder, with index.html to open: to share, or to
    refresh when evidence comes in.

    The overlap overviews of the groups and of the families (pages, PDFs, diagrams and
    needs tables), each imported survey's top tasks (and a survey held again compared
    with the run it repeats: compare-ID.html, .md, .xlsx, -chart.png), the personas,
    the roadmap, the interview guides of every group (guides.html, .pdf, .md), the
    interview and search-log reports, and the brief for the steering group. The files of an earlier
    build are written over (.needmap-build.json in the folder lists them), and those
    of its reports that this build no longer makes (a renamed survey's, say) are
    removed; other files are left alone, and one of yours where a report goes stops the
    build with nothing changed. With --since, the roadmap and the brief say what moved
    since an earlier plan.
    """
    from needmap.build import build_reports
    from needmap.build_folder import earlier_pdfs
    from needmap.personas.fingerprint import REPORTS
    from needmap.reports.pdf import pdf_unavailable
    from needmap.surveys.catalog import fitting_tallies, import_command, surveys_to_import
    from needmap.surveys.inputs import refuse_study_folder
    from needmap.surveys.study_check import study_warnings

    target = out if out is not None else folder / REPORTS
    refuse_study_folder(folder, target)  # before a --watch loop, not in each round
    no_pdf = pdf_unavailable() if pdf else None
    print_problems((no_pdf,) if no_pdf else ())
    console = new_console()

    def once() -> None:
        study = whole_study_at(folder, language)
        earlier = None
        if since is not None:
            from needmap.reports.roadmap_baseline import earlier_plan

            earlier = earlier_plan(since, study.root)
        if watch:  # each file removed is named, but not each one written
            files = build_reports(
                study,
                target,
                pdf=pdf and no_pdf is None,
                earlier=earlier,
                removed=partial(_print_removed, console),
            )
        else:
            with console.status(_WRITING) as status:
                shown = _ShownProgress(console, status)
                try:
                    files = build_reports(
                        study,
                        target,
                        pdf=pdf and no_pdf is None,
                        earlier=earlier,
                        progress=shown.wrote,
                        laying_out=shown.laying_out,
                        removed=shown.removed,
                    )
                except KeyboardInterrupt:
                    _interrupted(console, target)
        console.print(escape(f"Open {target / 'index.html'} in a browser ({len(files)} files)."))
        if not pdf:
            command = f"needmap build {command_word(folder)}" + (
                f" --out {command_word(out)}" if out is not None else ""
            )
            _tell_earlier_pdfs(console, earlier_pdfs(target, files), command)
        held = bool(fitting_tallies(study))  # another survey is imported: as status says
        for path, survey in surveys_to_import(study):
            not_held = f" (not held? remove {path.relative_to(study.root).as_posix()})"
            questions = f"its questions, to build it with: questions-{survey.id}.html"
            console.print(
                f"Not in the reports yet: survey '{escape(survey.title)}' ({escape(questions)}), "
                f"until its export is imported: {escape(import_command(study, survey))}EXPORT"
                + escape(not_held if held else ""),
                highlight=False,
            )
        warned = len(study_warnings(study))
        if warned:
            console.print(
                f"The study's files have {plural(warned, 'warning')}: needmap validate "
                f"{escape(command_word(folder))} shows them.",
                style="yellow",
                highlight=False,
            )

    if watch:
        watch_study(folder, [target], once)
    else:
        once()


_WRITING = "Writing the reports…"


def _interrupted(console: Console, out: Path) -> NoReturn:
    """End a build stopped by Ctrl-C (exit 130, as a shell reports it), saying that the
    reports its "wrote" lines named never went into ``out``: a build writes them into a
    hidden folder of its own, and moves them in once all are written."""
    console.print(
        escape(f"Interrupted: the reports go into {out} once all are written."), style="yellow"
    )
    raise typer.Exit(130)


class _ShownProgress:
    """Each file as it is written, under a spinner (in a terminal) that says what is
    under way: the reports, then the PDFs, whose layout takes seconds each with nothing
    written in between."""

    def __init__(self, console: Console, status: Status) -> None:
        self.console = console
        self.status = status
        self.pdfs: list[Path] = []
        self.laid_out = 0

    def wrote(self, path: Path) -> None:
        self.console.print(escape(f"  wrote {path}"))
        if path in self.pdfs:
            self.laid_out += 1
            left = len(self.pdfs) - self.laid_out
            self.status.update(
                f"Laying out the PDFs: {self.laid_out} of {len(self.pdfs)} done…"
                if left
                else _WRITING
            )

    def laying_out(self, pdfs: list[Path]) -> None:
        self.pdfs, self.laid_out = list(pdfs), 0
        self.status.update(f"Laying out the PDFs: 0 of {len(pdfs)} done…")

    def removed(self, path: Path) -> None:
        _print_removed(self.console, path)


def _tell_earlier_pdfs(console: Console, pdfs: list[Path], command: str) -> None:
    """Say that the PDFs ``--no-pdf`` left show the study as an earlier build found it,
    and the ``command`` that brings them up to date."""
    if not pdfs:
        return
    if len(pdfs) == 1:
        which, them, were = f"{pdfs[0].name} in {pdfs[0].parent} is", "it", "it was"
    else:
        others = plural(len(pdfs) - 1, "other PDF")
        which, them, were = (
            f"{pdfs[0].name} and {others} in {pdfs[0].parent} are",
            "them",
            "they were",
        )
    console.print(
        f"{escape(which)} an earlier build's (--no-pdf leaves {them} as {were}); to bring "
        f"{them} up to date: {escape(command)}",
        highlight=False,
    )


def _print_removed(console: Console, path: Path) -> None:
    console.print(
        f"  removed {escape(str(path))}, an earlier build's report that this build does not make"
    )


@app.command()
def demo(
    out: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="Folder for the example study and its outputs.", file_okay=False
        ),
    ] = Path("needmap-demo"),
    template: Annotated[
        str,
        typer.Option("--template", "-t", metavar="<name>", help="Template of the example study."),
    ] = "gemeente",
) -> None:
    """Create an example study (once) and build every report of it: needmap at a glance.

    This includes each template's example top-task survey: a generated export
    (example-export-*.csv), its import, and the top-task page, tables and charts; the
    same survey as held two and four years before (made up) and what changed since
    (compare-*); the persona report (personas.html, .pdf, .md) with the survey's
    evidence; the roadmap (roadmap.html, .pdf, .md, .xlsx), with what the survey's
    evidence changed in the plan made before it; the interview guide for the first
    group (guide-GROUP.html, .pdf, .md); the search-log report over three months (the
    template's and two made up before it, side by side); and the brief for the steering
    group (brief.pdf, .html, .md). A study in OUT/study that the demo did not create is
    left alone: the demo stops, writing nothing.
    """
    from needmap.demo import build_demo

    console = new_console()
    with console.status(_WRITING) as status:
        shown = _ShownProgress(console, status)
        try:
            result = build_demo(
                out,
                template,
                progress=shown.wrote,
                laying_out=shown.laying_out,
                removed=shown.removed,
            )
        except KeyboardInterrupt:
            _interrupted(console, out)
    print_problems(result.warnings)
    state = "Created the" if result.created else "Used the existing"
    console.print(escape(f"{state} example study in {result.study_dir} (template '{template}')."))
    console.print(
        escape(f"Open {out / 'index.html'} in a browser to start ({len(result.files)} files).")
    )
    console.print(
        "Your own study: needmap init my-study (needmap templates lists the starting points), "
        "then needmap build my-study writes all of its reports."
    )


def _print_why(story: NeedStory) -> None:
    """The heading line in bold, then each part with its lines."""
    from needmap.reports.why_report import why_sections

    console = new_console()
    (title, intro), *parts = why_sections(story)
    print_indented(console, [title], indent=0, style="bold")
    print_indented(console, list(intro), indent=0)
    for heading, lines in parts:
        console.print()
        console.print(f"[bold]{escape(heading)}[/bold]")
        print_indented(console, list(lines))
