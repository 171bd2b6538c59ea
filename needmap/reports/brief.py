"""The steering-group brief: the whole study in one document, to read or print.

A steering group reviews the advice on the platform form, the overlap of needs, the roadmap
and the evidence behind it (DESIGN.md). The brief puts these together in the order they are
discussed: a cover with the study at a glance and the contents, then the overlap overviews,
the roadmap, the personas, each top-task survey, the interviews and the search logs. Every
chapter is rendered from the same template as its own report (see
:func:`needmap.reports.jinja.render_report`), so the brief and the reports never differ and
every privacy rule of a report holds in the brief too.
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
from needmap.personas.study import Study
from needmap.reports.diagram import Diagram, draw_diagram, render_diagram
from needmap.reports.i18n import Language, format_count, labels
from needmap.reports.interviews_report import (
    interviews_summary,
    interviews_to_markdown,
    render_interviews_page,
    study_interviews,
)
from needmap.reports.jinja import render_report
from needmap.reports.overview import advice_fields, overview_to_markdown, render_overview
from needmap.reports.pdf import page_bytes
from needmap.reports.personas_report import (
    personas_summary,
    personas_to_markdown,
    render_personas_page,
)
from needmap.reports.roadmap_report import (
    analysed_surveys,
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
from needmap.reports.table_formats import markdown_cell
from needmap.reports.toptasks_page import render_toptasks_page
from needmap.reports.toptasks_table import build_evidence, build_ranking, ranking_to_markdown
from needmap.reports.why_report import (
    NeedStory,
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
    "render_brief",
    "study_brief",
    "write_brief",
]

_SUFFIXES = (".html", ".htm", ".pdf", ".md")
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
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
    """The overlap by family, when the study defines families."""
    surveys: tuple[TopTasks, ...]
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
    surveys = tuple(analysed_surveys(study))
    interviews = study_interviews(study)
    searches = study_searches(study)
    roadmap = plan_roadmap(study, overlap.overlap, surveys, interviews, searches)
    if earlier is not None:
        roadmap = replan(roadmap, *earlier)
    return BriefContent(
        study=study,
        overlap=overlap,
        families=analyse_overlap(study, by_family=True) if study.families else None,
        surveys=surveys,
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
) -> str:
    """The brief as one offline HTML page (its print stylesheet makes the PDF).

    ``today`` dates the cover (no date when None); ``progress`` is called with each
    chapter's title before it is rendered.
    """
    study = content.study
    language = study.settings.language
    words = labels(language)
    drawn = {"overlap-groups": _draw(content.overlap)}
    if content.families is not None:
        drawn["overlap-families"] = _draw(content.families)
    try:
        chapters = []
        for chapter_id, title, render in _chapters(content, drawn):
            if progress is not None:
                progress(title)
            chapters.append(Chapter(chapter_id, title, Markup(render(chapter=chapter_id))))
    finally:
        for diagram, _ in drawn.values():
            diagram.figure.clear()
    cover = drawn.get("overlap-families", drawn["overlap-groups"])[1]
    return render_report(
        "brief.html.j2",
        language=language,
        title=words["brief.title"],
        organisation=study.settings.organisation,
        study_name=study.settings.name,
        date=_long_date(today, language) if today is not None else "",
        glance_title=words["brief.glance"],
        glance=_glance(content),
        contents_title=words["brief.contents"],
        cover_svg=base64.b64encode(cover).decode("ascii"),
        cover_alt=words["report.alt"],
        chapters=chapters,
    )


def _draw(analysis: OverlapAnalysis) -> tuple[Diagram, bytes]:
    """The overlap's diagram and its SVG: drawn once for its chapter (and the cover)."""
    diagram = draw_diagram(analysis.study, analysis.overlap)
    return diagram, render_diagram(diagram, ".svg")


def write_brief(
    content: BriefContent,
    *paths: Path,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Write the brief atomically to each of ``paths``: a page (.html, .htm), its PDF (.pdf,
    the page rendered once for both) or its Markdown (.md, without the pictures).

    ``progress`` is also called with ``"PDF"`` before a PDF is laid out, the slowest step.
    """
    for path in paths:
        if path.suffix.lower() not in _SUFFIXES:
            raise UsageError.single(
                f"cannot write the brief as '{path.suffix or path.name}'",
                path=path,
                hint="use a name ending in .pdf, .html (a page) or .md",
            )
    pages = [p for p in paths if p.suffix.lower() != ".md"]
    page = render_brief(content, today=today, progress=progress) if pages else ""
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
        subtitle += f" · {_long_date(today, language)}"
    chapters = list(_markdown_chapters(content))
    lines = [f"# {cell(words['brief.title'])}", "", subtitle, ""]
    lines += [f"## {cell(words['brief.glance'])}", ""]
    lines += [f"- **{cell(label)}:** {cell(text)}" for label, text in _glance(content)]
    lines += ["", f"## {cell(words['brief.contents'])}", ""]
    lines += [f"{number}. {cell(title)}" for number, (title, _) in enumerate(chapters, start=1)]
    return "\n".join(lines) + "\n" + "".join(f"\n{text}" for _, text in chapters)


def _markdown_chapters(content: BriefContent) -> Iterator[tuple[str, str]]:
    """(title, Markdown) per chapter, in the order of :func:`_chapters`."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    yield words["report.title"], _down(overview_to_markdown(content.overlap))
    if content.families is not None:
        yield words["report.title.family"], _down(overview_to_markdown(content.families))
    yield words["index.roadmap"], _down(roadmap_to_markdown(content.roadmap, study))
    stories = _first_stories(content)
    if stories:
        yield (
            words["why.first_title"],
            f"## {markdown_cell(words['why.first_title'])}\n\n"
            + "\n".join(_down(_down(why_to_markdown(story))) for story in stories),
        )
    if content.personas:
        yield words["index.personas"], _down(personas_to_markdown(content.personas, study))
    for survey in content.surveys:
        ranking, evidence = build_ranking(survey, language), build_evidence(survey, language)
        yield (
            f"{words['index.toptasks']}: {survey.title}",
            ranking_to_markdown(ranking) + "\n" + _down(ranking_to_markdown(evidence)),
        )
    if content.interviews is not None:
        yield words["index.interviews"], _down(interviews_to_markdown(content.interviews, study))
    if content.searches is not None:
        yield words["index.searches"], _down(searches_to_markdown(content.searches, study))


def _first_stories(content: BriefContent) -> tuple[NeedStory, ...]:
    return first_phase_stories(content.study, content.overlap, content.roadmap, content.surveys)


def _down(markdown: str) -> str:
    """Every heading one level down: a report's ``# Title`` becomes a chapter's ``## Title``.

    Reports write headings only as whole lines that start with ``#``; table rows, list items
    and quotes start otherwise."""
    return "".join(
        f"#{line}" if line.startswith("#") else line for line in markdown.splitlines(keepends=True)
    )


def _chapters(
    content: BriefContent, drawn: Mapping[str, tuple[Diagram, bytes]]
) -> Iterator[tuple[str, str, Callable[..., str]]]:
    """(id, title, render) per chapter, in the order a steering group discusses them;
    ``render(chapter=id)`` gives the chapter's HTML."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    yield (
        "overlap-groups",
        words["report.title"],
        partial(render_overview, content.overlap, *drawn["overlap-groups"]),
    )
    if content.families is not None:
        yield (
            "overlap-families",
            words["report.title.family"],
            partial(render_overview, content.families, *drawn["overlap-families"]),
        )
    yield "roadmap", words["index.roadmap"], partial(render_roadmap_page, content.roadmap, study)
    stories = _first_stories(content)
    if stories:
        yield "why-first", words["why.first_title"], partial(render_why_page, stories, study)
    if content.personas:
        yield (
            "personas",
            words["index.personas"],
            partial(render_personas_page, content.personas, study),
        )
    for survey in content.surveys:
        yield (
            f"toptasks-{survey.survey}",
            f"{words['index.toptasks']}: {survey.title}",
            partial(render_toptasks_page, survey, language, study.settings.organisation),
        )
    if content.interviews is not None:
        yield (
            "interviews",
            words["index.interviews"],
            partial(render_interviews_page, content.interviews, study),
        )
    if content.searches is not None:
        yield (
            "searches",
            words["index.searches"],
            partial(render_searches_page, content.searches, study),
        )


def _glance(content: BriefContent) -> list[tuple[str, str]]:
    """The cover's lines: (label, text) for the advice, the roadmap and each kind of evidence."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    advice = content.overlap.advice
    form = words[f"form.{advice.form}"]
    lines = [
        (
            words["brief.advice"],
            f"{form[:1].upper()}{form[1:]}. "
            + words["report.advice_text"].format(
                **advice_fields(advice, len(content.overlap.overlap.units), language)
            ),
        ),
        (words["index.roadmap"], _roadmap_line(content.roadmap, language)),
    ]
    if content.roadmap.changes is not None:
        lines.append((words["brief.changes"], changes_line(content.roadmap, language)))
    if content.personas:
        lines.append((words["index.personas"], personas_summary(content.personas, language) + "."))
    for survey in content.surveys:
        lines.append((words["index.toptasks"], _survey_line(survey, language)))
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
    first = next((phase for phase in roadmap.phases if phase.needs), None)
    if first is None:
        return text
    titles = [scored.need.title for scored in first.needs[:_FIRST_NEEDS]]
    if len(first.needs) > _FIRST_NEEDS:
        titles.append(words["brief.more"].format(count=len(first.needs) - _FIRST_NEEDS))
    return (
        text
        + " "
        + words["brief.first_phase"].format(phase=first.phase.name, needs="; ".join(titles))
    )


def _survey_line(survey: TopTasks, language: Language) -> str:
    words = labels(language)
    text = words["brief.survey"].format(
        title=survey.title,
        count=len(survey.coverage),
        tasks=len(survey.tasks),
        pct=f"{survey.coverage_target:.0%}",
        respondents=format_count(survey.respondents, language),
    )
    top = [task.label for task in survey.tasks[:_TOP_TASKS]]
    if not top:
        return text
    return text + " " + words["brief.top_tasks"].format(tasks="; ".join(top))


def _long_date(day: date, language: Language) -> str:
    """30 November 2026 (en) or 30 november 2026 (nl): the cover's date, as people write it."""
    return f"{day.day} {_MONTHS[language].split()[day.month - 1]} {day.year}"
