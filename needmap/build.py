"""``needmap build``: every report of a study in one folder, with an index page to open.

What ``needmap demo`` shows for the example study, for the consultant's own: the overlap
overviews of the groups and the families, each imported survey's top tasks, the personas,
the roadmap, the interview guides, the interview and search-log reports and the brief for
the steering group, with ``index.html`` linking them, so one command refreshes the whole
set when evidence comes in. Reports that have nothing to show (no personas, interviews or
search logs yet) are left out rather than written empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from needmap.build_folder import BuildFolder, check_the_way
from needmap.model.replan import PlanSnapshot
from needmap.personas.study import Study
from needmap.reports.brief import glance, study_brief, write_brief
from needmap.reports.bundle import write_overlap_bundle, write_toptasks_bundle
from needmap.reports.drawings import Drawings
from needmap.reports.guide_report import group_guides, write_guide
from needmap.reports.index_page import write_index_page
from needmap.reports.interviews_report import write_interviews
from needmap.reports.pdf import write_pdfs
from needmap.reports.personas_report import write_personas
from needmap.reports.roadmap_report import write_roadmap
from needmap.reports.searches_report import write_searches

__all__ = ["ALWAYS_BUILT", "build_reports"]

_ALWAYS_PRINTED = ("overlap-groups", "roadmap", "brief")
ALWAYS_BUILT = (
    "index.html",
    "overlap-groups.html",
    *(f"diagram-groups{suffix}" for suffix in (".svg", ".png")),
    *(f"needs-groups{suffix}" for suffix in (".md", ".html", ".csv", ".xlsx")),
    *(f"roadmap{suffix}" for suffix in (".html", ".md", ".xlsx")),
    *(f"brief{suffix}" for suffix in (".html", ".md")),
)
"""Files every build writes, whatever the study holds (with ``.pdf`` of the pages of
``_ALWAYS_PRINTED``): looked for before anything is made, so that a user's ``index.html``
in the folder stops the build at once, before a file is listed. The files that depend on
the study (personas, surveys, interviews) are looked for before the PDFs."""


def build_reports(
    study: Study,
    out: Path,
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
    all are written (see :mod:`needmap.build_folder`): a file in ``out`` that no earlier
    build wrote, where a report is to go, raises :class:`~needmap.errors.TargetExistsError`
    with ``out`` left as it was. The reports of earlier builds that this one no longer
    makes (a renamed survey's, a guide of one group) are removed; files of the user's and
    the ``listed`` ones never are.
    """
    day = today or date.today()
    check_the_way(out, [*ALWAYS_BUILT, *(f"{stem}.pdf" for stem in _ALWAYS_PRINTED if pdf)])
    with BuildFolder(out) as folder:  # written beside the target, moved in when all is done
        stage = folder.stage
        written: list[Path] = []
        printed: list[Path] = []  # pages to print as PDF too: laid out at the end, two at a time

        def wrote(path: Path) -> None:
            written.append(path)
            if progress is not None:
                progress(folder.final(path))

        content = study_brief(study, earlier)  # what every report shows, computed once
        drawings = Drawings()  # each figure drawn once, for its page, its files and the brief
        for path in write_overlap_bundle(study, stage, progress=wrote, drawings=drawings):
            if path.name.startswith("overlap-") and path.suffix == ".html":
                printed.append(path)
        for survey in content.surveys:
            write_toptasks_bundle(
                survey,
                study.settings.language,
                study.settings.organisation,
                stage,
                progress=wrote,
                drawings=drawings,
            )
        if study.personas:
            for suffix in (".html", ".md", ".xlsx"):
                write_personas(content.personas, study, stage / f"personas{suffix}")
                wrote(stage / f"personas{suffix}")
            printed.append(stage / "personas.html")
        for suffix in (".html", ".md", ".xlsx"):
            write_roadmap(content.roadmap, study, stage / f"roadmap{suffix}")
            wrote(stage / f"roadmap{suffix}")
        printed.append(stage / "roadmap.html")
        if study.groups:
            guides = group_guides(study, guide_groups, day)
            stem = f"guide-{guides[0].group.id}" if len(guides) == 1 else "guides"
            for suffix in (".html", ".md"):
                write_guide(guides, stage / f"{stem}{suffix}")
                wrote(stage / f"{stem}{suffix}")
            printed.append(stage / f"{stem}.html")
        if content.interviews is not None:
            for suffix in (".html", ".md"):
                write_interviews(content.interviews, study, stage / f"interviews{suffix}")
                wrote(stage / f"interviews{suffix}")
        if content.searches is not None:
            for suffix in (".html", ".md"):
                write_searches(content.searches, study, stage / f"searches{suffix}")
                wrote(stage / f"searches{suffix}")
        brief = [stage / "brief.html", stage / "brief.md"]
        write_brief(content, *brief, today=day, drawings=drawings)
        drawings.clear()  # before the PDFs' layout, which needs memory of its own
        for path in brief:
            wrote(path)
        printed.append(stage / "brief.html")
        pdfs = [page.with_suffix(".pdf") for page in printed] if pdf else []
        coming = [*written, *pdfs, stage / "index.html"]
        check_the_way(out, [path.relative_to(stage).as_posix() for path in coming])
        if pdf:
            told = None if laying_out is None else _where_they_go(laying_out, folder)
            write_pdfs(printed, progress=wrote, laying_out=told)
        titles = {survey.survey: survey.title for survey in content.surveys}
        linked = [*map(folder.staged, listed), *written]
        wrote(write_index_page(study, linked, stage, glance(content), titles, day))
        for path in folder.commit(listed):
            if removed is not None:
                removed(path)
        return [folder.final(path) for path in written]


def _where_they_go(
    laying_out: Callable[[list[Path]], None], folder: BuildFolder
) -> Callable[[list[Path]], None]:
    """``laying_out`` told the PDFs where they will be, not where they are laid out."""
    return lambda pdfs: laying_out([folder.final(path) for path in pdfs])
