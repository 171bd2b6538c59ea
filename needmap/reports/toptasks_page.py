"""The top-task page: summary, long neck, groups, the ranking, the evidence for needs and
the weights, as offline HTML or PDF.

Built from the same :class:`RankingTable` and charts as the other outputs, so hidden groups
read ``n<5`` here too.
"""

from __future__ import annotations

import base64
from pathlib import Path

from needmap.fileio import write_bytes_atomic
from needmap.model.toptasks import TopTasks
from needmap.reports.drawings import Drawings, drawings_of
from needmap.reports.i18n import Language, counted, labels
from needmap.reports.jinja import render_report
from needmap.reports.pdf import page_bytes
from needmap.reports.toptasks_charts import charted_tasks
from needmap.reports.toptasks_table import (
    build_evidence,
    build_ranking,
    build_weights,
    neck_text,
    print_parts,
)

__all__ = ["render_toptasks_page", "write_toptasks_page"]


def _svg64(svg: bytes) -> str:
    return base64.b64encode(svg).decode("ascii")


def render_toptasks_page(
    result: TopTasks,
    language: Language,
    organisation: str,
    drawings: Drawings | None = None,
    *,
    chapter: str | None = None,
    held_again: str | None = None,
) -> str:
    """The page as HTML, its charts from ``drawings`` when the caller shares them (a
    build: see :class:`Drawings`).

    With ``chapter``, the same content as that chapter (section id) of the brief. With
    ``held_again`` (the title of a later run that repeats this survey), a note under the
    first says that run's votes are the evidence now: this page's evidence for needs no
    longer counts.
    """
    with drawings_of(drawings) as shared:
        neck, groups = (_svg64(shared.svg(chart)) for chart in shared.charts(result, language))
    words = labels(language)
    table = build_ranking(result, language)
    return render_report(
        "toptasks.html.j2",
        chapter,
        language=language,
        title=table.title,
        organisation=organisation,
        notes=[
            table.notes[1],
            *(() if held_again is None else (words["tt.held_again"].format(later=held_again),)),
            neck_text(result, language),
            table.notes[0],
            *table.notes[2:],
        ],
        neck_svg=neck,
        groups_svg=groups,
        neck_alt=words["tt.alt.neck"].format(
            title=words["tt.chart.neck"],
            tasks=len(result.tasks),
            neck=neck_text(result, language),
        ),
        groups_alt=words["tt.alt.groups"].format(
            title=words["tt.chart.groups"],
            tasks=len(charted_tasks(result)),
            groups=counted(len(result.groups), "groups", language),
        ),
        table=table,
        swipe=words["tt.swipe"],
        parts=print_parts(table),
        evidence=build_evidence(result, language),
        weights=build_weights(result, language),
    )


def write_toptasks_page(
    result: TopTasks,
    language: Language,
    organisation: str,
    path: Path,
    drawings: Drawings | None = None,
    held_again: str | None = None,
) -> None:
    """Write the page (.html) or its PDF (.pdf), atomically; ``held_again`` as for
    :func:`render_toptasks_page`."""
    page = render_toptasks_page(result, language, organisation, drawings, held_again=held_again)
    write_bytes_atomic(path, page_bytes(page, path.suffix))
