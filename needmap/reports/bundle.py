"""Every output of a study in one folder: what ``needmap demo`` builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from needmap.fileio import write_bytes_atomic
from needmap.model.analysis import analyse_overlap
from needmap.model.toptasks import TopTasks
from needmap.model.toptasks_change import TopTasksChange
from needmap.model.units import families_tell_more
from needmap.personas.study import Study
from needmap.reports.diagram import write_diagram, write_figure
from needmap.reports.drawings import Drawings, drawings_of
from needmap.reports.i18n import Language
from needmap.reports.needs_table import build_needs_table
from needmap.reports.overview import render_overview
from needmap.reports.table_formats import write_table
from needmap.reports.toptasks_change import write_change
from needmap.reports.toptasks_page import write_toptasks_page
from needmap.reports.toptasks_table import ranking_tables, write_ranking

__all__ = [
    "compare_files",
    "overlap_files",
    "overlap_views",
    "toptasks_files",
    "write_compare_bundle",
    "write_overlap_bundle",
    "write_toptasks_bundle",
]

_TABLE_SUFFIXES = (".md", ".html", ".csv", ".xlsx")
"""The needs table's formats in a bundle; its PDF is the overview's (with the diagram)."""


def overlap_views(study: Study) -> list[tuple[str, bool]]:
    """The overviews a bundle holds, each as its name and whether it is by family: the
    groups', and the families' where they tell more than the groups."""
    return [("groups", False), *([("families", True)] if families_tell_more(study) else [])]


def overlap_files(view: str) -> list[str]:
    """The files of one overview of a bundle, in the order they are written: its page,
    its diagram (SVG, PNG) and its needs table."""
    return [
        f"overlap-{view}.html",
        f"diagram-{view}.svg",
        f"diagram-{view}.png",
        *(f"needs-{view}{suffix}" for suffix in _TABLE_SUFFIXES),
    ]


def toptasks_files(survey: str) -> list[str]:
    """The files of a survey's top tasks, in the order they are written: its page, the
    ranking table (Markdown, XLSX) and the two charts."""
    stem = f"toptasks-{survey}"
    return [f"{stem}.html", f"{stem}.md", f"{stem}.xlsx", f"{stem}-neck.png", f"{stem}-groups.png"]


def compare_files(survey: str) -> list[str]:
    """The files of a survey's comparison with the run it repeats: its page, its tables
    (Markdown, XLSX) and its chart. Named after the later run: a run repeats one run."""
    stem = f"compare-{survey}"
    return [f"{stem}.html", f"{stem}.md", f"{stem}.xlsx", f"{stem}-chart.png"]


def write_compare_bundle(
    change: TopTasksChange,
    language: Language,
    organisation: str,
    out: Path,
    progress: Callable[[Path], None] | None = None,
    drawings: Drawings | None = None,
) -> list[Path]:
    """The comparison's page (HTML), tables (Markdown, XLSX) and chart (PNG);
    ``drawings`` as for :func:`write_overlap_bundle`."""
    written = [out / file for file in compare_files(change.survey)]
    with drawings_of(drawings) as shared:
        for path in written:
            write_change(change, language, organisation, path, shared)
            if progress is not None:
                progress(path)
    return written


def write_overlap_bundle(
    study: Study,
    out: Path,
    progress: Callable[[Path], None] | None = None,
    drawings: Drawings | None = None,
) -> list[Path]:
    """Write the overview pages, diagrams and tables for all groups and for families (the
    pages' PDFs are laid out by :func:`~needmap.reports.pdf.write_pdfs`).

    ``progress`` is called with each file as it is written. ``drawings``: the build's, to
    share the diagrams with the brief (see :class:`Drawings`); without, the figures are
    drawn for these files and freed after.
    """
    written = []
    with drawings_of(drawings) as shared:
        for path in _bundle(study, out, shared):
            written.append(path)
            if progress is not None:
                progress(path)
    return written


def _bundle(study: Study, out: Path, drawings: Drawings) -> Iterator[Path]:
    for name, by_family in overlap_views(study):
        analysis = analyse_overlap(study, by_family=by_family)
        diagram = drawings.diagram(analysis)
        svg = drawings.svg(diagram.figure)
        page, vector, bitmap, *tables = (out / file for file in overlap_files(name))
        write_bytes_atomic(page, render_overview(analysis, diagram, svg).encode("utf-8"))
        yield page
        write_bytes_atomic(vector, svg)
        yield vector
        write_diagram(diagram, bitmap)
        yield bitmap
        table = build_needs_table(study, analysis.overlap, analysis.advice)
        for path in tables:
            write_table(table, path)
            yield path


def write_toptasks_bundle(
    result: TopTasks,
    language: Language,
    organisation: str,
    out: Path,
    progress: Callable[[Path], None] | None = None,
    drawings: Drawings | None = None,
    held_again: str | None = None,
) -> list[Path]:
    """The top-task page (HTML), the ranking table (Markdown, XLSX) and both charts (PNG);
    ``drawings`` as for :func:`write_overlap_bundle`, ``held_again`` (a later run's title)
    as for :func:`~needmap.reports.toptasks_page.render_toptasks_page`."""
    ranking = ranking_tables(result, language, held_again)
    page, markdown, workbook, neck, groups = (out / file for file in toptasks_files(result.survey))
    tables = [markdown, workbook]
    with drawings_of(drawings) as shared:
        write_toptasks_page(result, language, organisation, page, shared, held_again)
        for path in tables:
            write_ranking(ranking, path)
        charts = shared.charts(result, language)
        write_figure(charts[0], neck)
        write_figure(charts[1], groups)
    written = [page, *tables, neck, groups]
    if progress is not None:
        for path in written:
            progress(path)
    return written
