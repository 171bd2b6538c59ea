"""``needmap build``: every report of a study in one folder, with an index page to open.

What ``needmap demo`` shows for the example study, for the consultant's own: the overlap
overviews of the groups and the families, each imported survey's top tasks (and the
questions of each survey not held yet), the personas, the roadmap, the interview guides,
the interview and search-log reports and the brief for the steering group, with
``index.html`` linking them, so one command refreshes the whole set when evidence comes in.
Reports that have nothing to show (no personas, interviews or search logs yet) are left out
rather than written empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path, PurePosixPath

from needmap.build_folder import BuildFolder, check_the_way
from needmap.model.replan import PlanSnapshot
from needmap.model.toptasks import TopTasks
from needmap.model.toptasks_change import TopTasksChange
from needmap.personas.study import Study
from needmap.reports.brief import BriefContent, glance, study_brief, write_brief
from needmap.reports.bundle import (
    compare_files,
    overlap_files,
    overlap_views,
    toptasks_files,
    write_compare_bundle,
    write_overlap_bundle,
    write_toptasks_bundle,
)
from needmap.reports.drawings import Drawings
from needmap.reports.guide_report import group_guides, write_guide
from needmap.reports.index_page import write_index_page
from needmap.reports.interviews_report import write_interviews
from needmap.reports.pdf import write_pdfs
from needmap.reports.personas_report import write_personas
from needmap.reports.roadmap_report import write_roadmap
from needmap.reports.searches_report import write_searches
from needmap.reports.survey_form import survey_form, write_survey_form
from needmap.surveys.catalog import surveys_to_import
from needmap.surveys.inputs import refuse_study_folder
from needmap.surveys.mapping import SurveyMapping

__all__ = ["build_reports"]


@dataclass(frozen=True)
class _Document:
    """A report that a build writes in some formats, besides the overviews, the top-task
    pages and the brief: its file name without the suffix, its formats, how to write one,
    and whether its page is printed as a PDF too."""

    stem: str
    suffixes: tuple[str, ...]
    write: Callable[[Path], None]
    printed: bool = True


def _documents(
    study: Study,
    content: BriefContent,
    guide_groups: Sequence[str],
    day: date,
    unheld: Sequence[tuple[Path, SurveyMapping]],
    drawings: Drawings,
) -> list[_Document]:
    """The personas, the roadmap, the interview guides, and the interview and search-log
    reports, as far as the study has something for them to show; and the questions of
    each survey not imported yet (``unheld``, with its mapping's file), to build it in its
    tool and hand round before it is held (once its export is imported, its results take
    their place). ``drawings``: the build's, whose search-log charts the brief shows too."""
    documents = []
    if study.personas:
        write = partial(write_personas, content.personas, study)
        documents.append(_Document("personas", (".html", ".md", ".xlsx"), write))
    write = partial(write_roadmap, content.roadmap, study)
    documents.append(_Document("roadmap", (".html", ".md", ".xlsx"), write))
    if study.groups:
        guides = group_guides(study, guide_groups, day)
        stem = f"guide-{guides[0].group.id}" if len(guides) == 1 else "guides"
        documents.append(_Document(stem, (".html", ".md"), partial(write_guide, guides)))
    if content.interviews is not None:
        write = partial(write_interviews, content.interviews, study)
        documents.append(_Document("interviews", (".html", ".md"), write, printed=False))
    if content.searches is not None:
        write = partial(write_searches, content.searches, study, drawings=drawings)
        documents.append(_Document("searches", (".html", ".md"), write, printed=False))
    for path, mapping in unheld:
        write = partial(write_survey_form, survey_form(mapping, study, path))
        documents.append(_Document(f"questions-{mapping.id}", (".html", ".md"), write))
    return documents


def _planned_files(
    study: Study, content: BriefContent, documents: Sequence[_Document], pdf: bool
) -> tuple[list[str], list[str]]:
    """The files a build of ``study`` writes, in their order, and of them the pages it
    prints as PDFs (their ``.pdf`` files come after all the others, then ``index.html``)."""
    views = [view for view, _ in overlap_views(study)]
    pages = [
        *(f"overlap-{view}.html" for view in views),
        *(f"{document.stem}.html" for document in documents if document.printed),
        "brief.html",
    ]
    files = [
        *(file for view in views for file in overlap_files(view)),
        *(file for survey, change in _runs(content) for file in _survey_files(survey, change)),
        *(document.stem + suffix for document in documents for suffix in document.suffixes),
        "brief.html",
        "brief.md",
        *(str(PurePosixPath(page).with_suffix(".pdf")) for page in pages if pdf),
        "index.html",
    ]
    return files, pages


def build_reports(
    study: Study,
    out: Path | str,
    *,
    pdf: bool = True,
    guide_groups: Sequence[str] = (),
    earlier: tuple[PlanSnapshot, str] | None = None,
    listed: Sequence[Path] = (),
    today: date | None = None,
    progress: Callable[[Path], None] | None = None,
    laying_out: Callable[[list[Path]], None] | None = None,
    removed: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write every report of ``study`` into ``out``, then ``out/index.html``; returns the
    files written, the index last.

    ``guide_groups``: the groups to write interview guides for (ids or names), in one
    document ``guides.*``, or ``guide-GROUP.*`` for one group; none means every group.
    ``earlier``: a plan made before (with the words that say when), whose changes the
    roadmap and the brief show. ``listed``: files written before into ``out`` that the
    index links too, and the record counts as the build's. ``progress`` is told each file
    as soon as it is made; ``laying_out``, the PDFs to come, before their layout (most of
    the time a build takes) starts; ``removed``, each report of an earlier build in
    ``out`` that this one no longer makes, once it is removed.

    The reports are written into a hidden folder inside ``out`` and moved into place when
    all are written (see :mod:`needmap.build_folder`). A file in ``out`` that no earlier
    build wrote, where a report is to go, raises :class:`~needmap.errors.TargetExistsError`
    before any report is made (every file the build will write is known once the study is
    analysed: :func:`_planned_files`), with ``out`` left as it was. The reports of earlier
    builds that this one no longer makes (a renamed survey's, a guide of one group) are
    removed; files of the user's and the ``listed`` ones never are.
    """
    out = Path(out)
    refuse_study_folder(study.root, out)
    day = today or date.today()
    content = study_brief(study, earlier)  # what every report shows, computed once
    unheld = surveys_to_import(study)  # the mappings are read once, for the files and index
    drawings = Drawings()  # each figure drawn once, for its page, its files and the brief
    documents = _documents(study, content, guide_groups, day, unheld, drawings)
    planned, pages = _planned_files(study, content, documents, pdf)
    check_the_way(out, planned)
    # written beside the target, moved in when all is done
    with BuildFolder(out, study.root) as folder:
        stage = folder.stage
        written: list[Path] = []

        def wrote(path: Path) -> None:
            written.append(path)
            if progress is not None:
                progress(folder.final(path))

        write_overlap_bundle(study, stage, progress=wrote, drawings=drawings)
        language, organisation = study.settings.language, study.settings.organisation
        later = {change.before_survey: change.title for change in content.changes}
        for survey, change in _runs(content):
            write_toptasks_bundle(
                survey,
                language,
                organisation,
                stage,
                progress=wrote,
                drawings=drawings,
                held_again=later.get(survey.survey),
            )
            if change is not None:
                write_compare_bundle(
                    change, language, organisation, stage, progress=wrote, drawings=drawings
                )
        for document in documents:
            for suffix in document.suffixes:
                document.write(stage / f"{document.stem}{suffix}")
                wrote(stage / f"{document.stem}{suffix}")
        brief = [stage / "brief.html", stage / "brief.md"]
        write_brief(content, *brief, today=day, drawings=drawings)
        drawings.clear()  # before the PDFs' layout, which needs memory of its own
        for path in brief:
            wrote(path)
        if pdf:
            told = None if laying_out is None else _where_they_go(laying_out, folder)
            write_pdfs([stage / page for page in pages], progress=wrote, laying_out=told)
        titles = {mapping.id: mapping.title for _, mapping in unheld}
        titles.update({survey.survey: survey.title for survey, _ in _runs(content)})
        linked = [*map(folder.staged, listed), *written]
        held_again = [survey.survey for survey in content.earlier_runs]
        wrote(write_index_page(study, linked, stage, glance(content), titles, day, held_again))
        for path in folder.commit(listed):
            if removed is not None:
                removed(path)
        return [folder.final(path) for path in written]


def _runs(content: BriefContent) -> list[tuple[TopTasks, TopTasksChange | None]]:
    """Every imported survey, each with its own reports: the latest runs, each with its
    comparison with the run it repeats (if imported), then the runs they repeat (these
    have no chapter in the brief, which compares them instead)."""
    changes = {change.survey: change for change in content.changes}
    return [
        *((survey, changes.get(survey.survey)) for survey in content.surveys),
        *((survey, None) for survey in content.earlier_runs),
    ]


def _survey_files(survey: TopTasks, change: TopTasksChange | None) -> list[str]:
    return [*toptasks_files(survey.survey), *(compare_files(survey.survey) if change else [])]


def _where_they_go(
    laying_out: Callable[[list[Path]], None], folder: BuildFolder
) -> Callable[[list[Path]], None]:
    """``laying_out`` told the PDFs where they will be, not where they are laid out."""
    return lambda pdfs: laying_out([folder.final(path) for path in pdfs])
