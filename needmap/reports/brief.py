"""The steering-group brief: the whole study in one document, to read or print.

A steering group reviews the advice on the platform form, the overlap of needs, the roadmap
and the evidence behind it (DESIGN.md). The brief puts these together in the order they are
discussed: a cover with the overlap diagram, the study at a glance and the contents, then
the overlap overviews, the roadmap, why the needs of its first phase come first, the
personas, each top-task survey (of one held again, the latest run and what changed since
the run it repeats), the interviews and the search logs. Every chapter is rendered from
the same template as its own report (see :func:`needmap.reports.jinja.render_report`), so
the brief and the reports never differ and every privacy rule of a report holds in the
brief too.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from markupsafe import Markup

from needmap.errors import UsageError
from needmap.fileio import write_bytes_atomic
from needmap.model.analysis import OverlapAnalysis, analyse_overlap
from needmap.model.interviews import InterviewEvidence
from needmap.model.personas import PersonaProfile, build_personas
from needmap.model.replan import PlanSnapshot, replan
from needmap.model.roadmap import Roadmap, plan_roadmap
from needmap.model.searches import SearchEvidence
from needmap.model.toptasks import TopTasks
from needmap.model.toptasks_change import TopTasksChange
from needmap.model.units import families_tell_more
from needmap.personas.study import Study
from needmap.reports.drawings import Drawings, drawings_of
from needmap.reports.i18n import (
    Language,
    format_count,
    format_date,
    labels,
    number_key,
    sentence_start,
)
from needmap.reports.interviews_report import (
    interviews_summary,
    interviews_to_markdown,
    render_interviews_page,
    study_interviews,
)
from needmap.reports.jinja import render_report
from needmap.reports.overview import (
    advice_sentence,
    diagram_alt,
    overview_to_markdown,
    render_overview,
)
from needmap.reports.pdf import page_bytes
from needmap.reports.personas_report import (
    personas_summary,
    personas_to_markdown,
    render_personas_page,
)
from needmap.reports.roadmap_report import (
    changes_line,
    render_roadmap_page,
    roadmap_summary,
    roadmap_to_markdown,
)
from needmap.reports.searches_report import (
    render_searches_page,
    searches_to_markdown,
    study_searches,
    summary_line,
)
from needmap.reports.survey_runs import study_runs
from needmap.reports.table_formats import markdown_cell
from needmap.reports.toptasks_change import change_tables, moved_sentence, render_change_page
from needmap.reports.toptasks_page import render_toptasks_page
from needmap.reports.toptasks_table import ranking_tables, ranking_to_markdown
from needmap.reports.why_report import (
    first_phase_stories,
    render_why_page,
    why_to_markdown,
)
from needmap.surveys.interviews import interview_files
from needmap.surveys.searchlog import search_log_files

__all__ = [
    "BriefContent",
    "Chapter",
    "brief_to_markdown",
    "glance",
    "render_brief",
    "study_brief",
    "write_brief",
]

_SUFFIXES = (".html", ".htm", ".pdf", ".md")
_FIRST_NEEDS = 6
"""Needs of the first phase named on the cover; the roadmap chapter lists them all."""
_TOP_TASKS = 3
"""Most chosen tasks named on the cover, per survey."""


@dataclass(frozen=True, slots=True)
class BriefContent:
    """Everything the brief shows, computed once: each chapter and the cover draw on it."""

    study: Study
    overlap: OverlapAnalysis
    families: OverlapAnalysis | None
    """The overlap by family, when it tells more than the one by group
    (:func:`~needmap.model.families_tell_more`)."""
    surveys: tuple[TopTasks, ...]
    """The latest run of each imported survey: the evidence
    (:class:`~needmap.reports.survey_runs.SurveyRuns`)."""
    earlier_runs: tuple[TopTasks, ...]
    """The runs a later imported run repeats: their own reports, no chapter."""
    changes: tuple[TopTasksChange, ...]
    """Each latest run beside the run it repeats, where that one is imported."""
    repeated: dict[str, TopTasks]
    """Each latest run's id -> the run it repeats, where that one is imported."""
    every_run: Mapping[str, tuple[TopTasks, ...]]
    """Each latest run's id -> every run of its survey, oldest first, three or more."""
    roadmap: Roadmap
    personas: tuple[PersonaProfile, ...]
    interviews: InterviewEvidence | None
    """None when the study has no interview files (the brief then has no interview chapter)."""
    searches: SearchEvidence | None
    """None when the study has no search logs."""


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    """The section's id: the target of its line in the contents."""
    title: str
    """Its line in the contents."""
    html: Markup


def study_brief(study: Study, earlier: tuple[PlanSnapshot, str] | None = None) -> BriefContent:
    """Compute what the brief shows: the overlap, surveys, roadmap, personas and evidence;
    with ``earlier`` (an earlier plan and what to call it), what moved in the roadmap since."""
    overlap = analyse_overlap(study)
    runs = study_runs(study)
    surveys = runs.latest
    interviews = study_interviews(study)
    searches = study_searches(study)
    roadmap = plan_roadmap(study, overlap.overlap, surveys, interviews, searches)
    if earlier is not None:
        roadmap = replan(roadmap, *earlier)
    return BriefContent(
        study=study,
        overlap=overlap,
        families=analyse_overlap(study, by_family=True) if families_tell_more(study) else None,
        surveys=surveys,
        earlier_runs=runs.earlier,
        changes=runs.changes,
        repeated=runs.repeated,
        every_run=runs.every_run,
        roadmap=roadmap,
        personas=build_personas(study, overlap, surveys, interviews=interviews, searches=searches),
        interviews=interviews if interview_files(study.root) else None,
        searches=searches if search_log_files(study.root) else None,
    )


def render_brief(
    content: BriefContent,
    *,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    drawings: Drawings | None = None,
) -> str:
    """The brief as one offline HTML page (its print stylesheet makes the PDF).

    ``today`` dates the cover (no date when None); ``progress`` is called with each
    chapter's title before it is rendered. ``drawings``: the build's, whose diagrams and
    charts the other reports drew already (see :class:`Drawings`); without, the brief
    draws its own and frees them after.
    """
    study = content.study
    language = study.settings.language
    words = labels(language)
    with drawings_of(drawings) as shared:
        chapters = []
        for part in _parts(content, shared):
            if progress is not None:
                progress(part.title)
            chapters.append(Chapter(part.id, part.title, Markup(part.html())))
        drawn = content.families or content.overlap
        diagram = shared.diagram(drawn)
        cover = shared.svg(diagram.figure)
    return render_report(
        "brief.html.j2",
        language=language,
        title=words["brief.title"],
        organisation=study.settings.organisation,
        study_name=study.settings.name,
        date=format_date(today, language) if today is not None else "",
        glance_title=words["brief.glance"],
        glance=glance(content),
        contents_title=words["brief.contents"],
        cover_svg=base64.b64encode(cover).decode("ascii"),
        cover_alt=diagram_alt(drawn.overlap, diagram.kind, language),
        chapters=chapters,
    )


def write_brief(
    content: BriefContent,
    *paths: Path,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    drawings: Drawings | None = None,
) -> None:
    """Write the brief atomically to each of ``paths``: a page (.html, .htm), its PDF (.pdf,
    the page rendered once for both) or its Markdown (.md, without the pictures).

    ``progress`` is also called with ``"PDF"`` before a PDF is laid out, the slowest step;
    ``drawings`` as for :func:`render_brief`.
    """
    for path in paths:
        if path.suffix.lower() not in _SUFFIXES:
            raise UsageError.single(
                f"cannot write the brief as '{path.suffix or path.name}'",
                path=path,
                hint="use a name ending in .pdf, .html (a page) or .md",
            )
    pages = [p for p in paths if p.suffix.lower() != ".md"]
    page = render_brief(content, today=today, progress=progress, drawings=drawings) if pages else ""
    for path in paths:
        if path.suffix.lower() == ".md":
            text = brief_to_markdown(content, today=today)
            write_bytes_atomic(path, text.encode("utf-8"))
            continue
        if path.suffix.lower() == ".pdf" and progress is not None:
            progress("PDF")
        write_bytes_atomic(path, page_bytes(page, path.suffix))


def brief_to_markdown(content: BriefContent, *, today: date | None = None) -> str:
    """The brief as Markdown: the cover's lines, the contents, then each report's Markdown
    as a chapter (its headings one level down), without the pictures."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    cell = markdown_cell
    subtitle = f"{cell(study.settings.organisation)} — {cell(study.settings.name)}"
    if today is not None:
        subtitle += f" · {format_date(today, language)}"
    parts = list(_parts(content, Drawings()))  # Markdown draws nothing
    lines = [f"# {cell(words['brief.title'])}", "", subtitle, ""]
    lines += [f"## {cell(words['brief.glance'])}", ""]
    lines += [f"- **{cell(label)}:** {cell(text)}" for label, text in glance(content)]
    lines += ["", f"## {cell(words['brief.contents'])}", ""]
    lines += [f"{number}. {cell(part.title)}" for number, part in enumerate(parts, start=1)]
    return "\n".join(lines) + "\n" + "".join(f"\n{part.markdown()}" for part in parts)


def _overview(analysis: OverlapAnalysis, drawings: Drawings, *, chapter: str) -> str:
    diagram = drawings.diagram(analysis)
    return render_overview(analysis, diagram, drawings.svg(diagram.figure), chapter=chapter)


@dataclass(frozen=True, slots=True)
class _Part:
    """A chapter of the brief, not yet rendered: its HTML or its Markdown, on demand."""

    id: str
    title: str
    html: Callable[[], str]
    markdown: Callable[[], str]


def _parts(content: BriefContent, drawings: Drawings) -> Iterator[_Part]:
    """The chapters in the order a steering group discusses them."""
    study = content.study
    language = study.settings.language
    words = labels(language)

    def part(
        chapter: str, title: str, html: Callable[..., str], markdown: Callable[[], str]
    ) -> _Part:
        return _Part(chapter, title, partial(html, chapter=chapter), markdown)

    yield part(
        "overlap-groups",
        words["report.title"],
        partial(_overview, content.overlap, drawings),
        lambda: _down(overview_to_markdown(content.overlap)),
    )
    if content.families is not None:
        families = content.families
        yield part(
            "overlap-families",
            words["report.title.family"],
            partial(_overview, families, drawings),
            lambda: _down(overview_to_markdown(families)),
        )
    yield part(
        "roadmap",
        words["index.roadmap"],
        partial(render_roadmap_page, content.roadmap, study),
        lambda: _down(roadmap_to_markdown(content.roadmap, study)),
    )
    stories = first_phase_stories(
        study,
        content.overlap,
        content.roadmap,
        content.surveys,
        content.repeated,
        content.every_run,
    )
    if stories:
        yield part(
            "why-first",
            words["why.first_title"],
            partial(render_why_page, stories, study),
            lambda: (
                f"## {markdown_cell(words['why.first_title'])}\n\n"
                + "\n".join(_down(_down(why_to_markdown(story))) for story in stories)
            ),
        )
    if content.personas:
        yield part(
            "personas",
            words["index.personas"],
            partial(render_personas_page, content.personas, study),
            lambda: _down(personas_to_markdown(content.personas, study)),
        )
    organisation = study.settings.organisation
    for survey in content.surveys:
        yield part(
            f"toptasks-{survey.survey}",
            f"{words['index.toptasks']}: {survey.title}",
            partial(render_toptasks_page, survey, language, organisation, drawings),
            partial(_toptasks_markdown, survey, language),
        )
        for change in content.changes:
            if change.survey == survey.survey:
                yield part(
                    f"compare-{survey.survey}",
                    words["tc.chapter"].format(before=change.before_title),
                    partial(render_change_page, change, language, organisation, drawings),
                    partial(_change_markdown, change, language),
                )
    if content.interviews is not None:
        interviews = content.interviews
        yield part(
            "interviews",
            words["index.interviews"],
            partial(render_interviews_page, interviews, study),
            lambda: _down(interviews_to_markdown(interviews, study)),
        )
    if content.searches is not None:
        searches = content.searches
        yield part(
            "searches",
            words["index.searches"],
            partial(render_searches_page, searches, study, drawings),
            lambda: _down(searches_to_markdown(searches, study)),
        )


def _toptasks_markdown(survey: TopTasks, language: Language) -> str:
    """The ranking at the chapter's level, the tables after it (the evidence for needs,
    the weights) one level down."""
    ranking, *after = ranking_tables(survey, language)
    return "\n".join(
        [ranking_to_markdown(ranking), *(_down(ranking_to_markdown(t)) for t in after)]
    )


def _change_markdown(change: TopTasksChange, language: Language) -> str:
    """The comparison's chapter: the tasks' table, then (a level down) the groups'."""
    table, *more = change_tables(change, language)
    return "\n".join(
        [ranking_to_markdown(table), *(ranking_to_markdown(further, 3) for further in more)]
    )


def _down(markdown: str) -> str:
    """Every heading one level down: a report's ``# Title`` becomes a chapter's ``## Title``.

    Reports write headings only as whole lines that start with ``#``; table rows, list items
    and quotes start otherwise."""
    return "".join(
        f"#{line}" if line.startswith("#") else line for line in markdown.splitlines(keepends=True)
    )


def glance(content: BriefContent) -> list[tuple[str, str]]:
    """The cover's lines: (label, text) for the advice, the roadmap and each kind of
    evidence; the index page of a build shows them too."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    advice = content.overlap.advice
    form = words[f"form.{advice.form}"]
    lines = [
        (
            words["brief.advice"],
            f"{sentence_start(form)}. "
            + advice_sentence(
                "report.advice_text", advice, len(content.overlap.overlap.units), language
            ),
        ),
        (words["index.roadmap"], _roadmap_line(content.roadmap, language)),
    ]
    if content.roadmap.changes is not None:
        lines.append((words["brief.changes"], changes_line(content.roadmap, language)))
    if content.personas:
        lines.append((words["index.personas"], personas_summary(content.personas, language) + "."))
    moved = {change.survey: moved_sentence(change, language) for change in content.changes}
    for survey in content.surveys:
        line = _survey_line(survey, language)
        if survey.survey in moved:
            line += f" {moved[survey.survey]}"
        lines.append((words["index.toptasks"], line))
    if content.interviews is not None:
        lines.append(
            (words["index.interviews"], interviews_summary(content.interviews, study) + ".")
        )
    if content.searches is not None:
        lines.append((words["index.searches"], summary_line(content.searches, language) + "."))
    return lines


def _roadmap_line(roadmap: Roadmap, language: Language) -> str:
    words = labels(language)
    text = roadmap_summary(roadmap, language) + "."
    first = roadmap.first_phase()
    if first is None:
        return text
    titles = [scored.need.title for scored in first.needs[:_FIRST_NEEDS]]
    if len(first.needs) > _FIRST_NEEDS:
        more = format_count(len(first.needs) - _FIRST_NEEDS, language)
        titles.append(words["brief.more"].format(count=more))
    return (
        text
        + " "
        + words["brief.first_phase"].format(phase=first.phase.name, needs="; ".join(titles))
    )


def _survey_line(survey: TopTasks, language: Language) -> str:
    words = labels(language)
    text = words[number_key("brief.survey", len(survey.coverage))].format(
        title=survey.title,
        count=len(survey.coverage),
        tasks=len(survey.tasks),
        pct=f"{survey.coverage_target:.0%}",
        respondents=format_count(survey.respondents, language),
    )
    top = [task.label for task in survey.tasks[:_TOP_TASKS]]  # a survey has a task or more
    return text + " " + words["brief.top_tasks"].format(tasks="; ".join(top))
