"""Two runs of a top-task survey side by side (``needmap toptasks --compare``): a ranking
table, which the terminal, Markdown, CSV, XLSX and the page (HTML, PDF) show as they show
the ranking, the chart of the tasks then and now (:mod:`~needmap.reports.change_chart`,
on the page and as PNG or SVG), and JSON.

One group's shares are compared only where both runs show the group
(:func:`~needmap.model.toptasks_change.compare_group`); everyone's comparison ends with
each group's at a glance (:func:`build_group_moves`), and its Markdown and workbook with
each group's whole comparison (:func:`build_group_changes`).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from needmap.fileio import write_bytes_atomic
from needmap.model.toptasks_change import GroupChange, TaskChange, TopTasksChange, TopTasksTrend
from needmap.reports.change_chart import change_chart_alt
from needmap.reports.diagram import DIAGRAM_FORMATS, write_figure
from needmap.reports.drawings import Drawings, drawings_of
from needmap.reports.i18n import Language, format_count, format_decimal, labels, number_key
from needmap.reports.jinja import render_report
from needmap.reports.pdf import page_bytes
from needmap.reports.sheet_cells import (
    SheetNumber,
    count_cell,
    percent_cell,
    points_cell,
    shown_change,
    unbroken,
    whole_cell,
)
from needmap.reports.table_formats import json_share
from needmap.reports.toptasks_table import RankingTable, write_ranking

__all__ = [
    "build_change",
    "build_group_changes",
    "build_group_moves",
    "build_trend",
    "change_tables",
    "change_to_json",
    "group_move_lines",
    "moved_sentence",
    "render_change_page",
    "write_change",
]

_NOT_ASKED = "\u2013"
"""The rank and share of a task in the run that did not ask it."""


def moved_sentence(change: TopTasksChange, language: Language) -> str:
    """What moved most since the earlier run, in a sentence: the task whose share rose
    most and the one whose share fell most, with their change in points (a change that
    rounds to 0.0 points is none)."""
    words = labels(language)
    moved = {
        key: (task, points_cell(shown_change(task.share, task.share_before) or 0.0, language))
        for key, task in (("up", change.moved_most(up=True)), ("down", change.moved_most(up=False)))
        if task is not None
    }
    shown = {key: pair for key, pair in moved.items() if pair[1].value != 0}
    form = "both" if len(shown) == 2 else next(iter(shown), "none")
    return words[f"tc.moved.{form}"].format(
        before=change.before_title,
        **{key: task.label for key, (task, _) in shown.items()},
        **{f"{key}_points": unbroken(points) for key, (_, points) in shown.items()},
    )


def _rank(rank: int | None) -> str:
    return _NOT_ASKED if rank is None else whole_cell(rank)


def _share(share: float | None, language: Language) -> str:
    return _NOT_ASKED if share is None else percent_cell(share, language)


def _points(change: float | None, language: Language) -> str:
    return _NOT_ASKED if change is None else points_cell(change, language)


def _change(task: TaskChange, language: Language) -> str:
    words = labels(language)
    if task.rank is None:
        return words["tc.dropped"]
    change = shown_change(task.share, task.share_before)
    if change is None:
        return words["tc.new"]
    return points_cell(change, language)


def _task_header(language: Language) -> tuple[str, ...]:
    """The headings of :func:`_task_cells`."""
    words = labels(language)
    keys = ("tt.rank", "tt.task", "tt.share", "tc.rank_before", "tc.share_before", "tc.change")
    return tuple(words[key] for key in keys)


def _task_cells(task: TaskChange, language: Language) -> tuple[str, ...]:
    """A task's row: rank and share now, rank and share before, the change in points (or
    that the task is new or dropped)."""
    return (
        _rank(task.rank),
        task.label,
        _share(task.share, language),
        _rank(task.rank_before),
        _share(task.share_before, language),
        _change(task, language),
    )


def build_change(change: TopTasksChange, language: Language) -> RankingTable:
    """Rows in the later run's rank order, then the tasks it dropped
    (:func:`_task_cells`)."""
    words = labels(language)
    header = _task_header(language)
    rows = tuple(_task_cells(task, language) for task in change.tasks)
    notes = [
        words["tc.summary"].format(
            title=change.title,
            respondents=format_count(change.respondents, language),
            before=change.before_title,
            before_respondents=format_count(change.before_respondents, language),
            order=words[f"tt.order.{change.order}"],
        )
    ]
    notes.append(moved_sentence(change, language))
    if change.new:
        notes.append(words[number_key("tc.new_note", len(change.new))].format(n=len(change.new)))
    if change.dropped:
        notes.append(
            words[number_key("tc.dropped_note", len(change.dropped))].format(n=len(change.dropped))
        )
    if change.new or change.dropped:
        notes.append(words["tc.lists_differ"])
    return RankingTable(
        language=language,
        title=words["tc.title" if change.group is None else "tc.title.group"].format(
            title=change.title, before=change.before_title, group=change.group_name
        ),
        sheet=words["tc.sheet"],
        header=header,
        rows=rows,
        in_coverage=tuple(False for _ in rows),
        notes=tuple(notes),
        row_header=1,
    )


def build_group_moves(change: TopTasksChange, language: Language) -> RankingTable | None:
    """Each group's respondents in both runs and, where both show the group, the task
    that rose most and the one that fell most in its own votes; None where there are no
    groups (one group's comparison)."""
    if not change.groups:
        return None
    words = labels(language)
    rows = tuple(
        (
            group.name,
            _respondents(group.respondents, group.min_group_size, language),
            _respondents(group.respondents_before, group.min_group_size, language),
            _moved(group, True, language),
            _moved(group, False, language),
        )
        for group in change.groups
    )
    notes = [words["tc.groups.note"]]
    if any(g.change is None for g in change.groups):  # hidden, or nobody counted as it
        notes.append(words["tc.groups.hidden_note"].format(n=change.groups[0].min_group_size))
    return RankingTable(
        language=language,
        title=words["tc.groups.title"],
        sheet=words["tc.groups.sheet"],
        header=tuple(
            words[f"tc.groups.{key}"]
            for key in ("group", "respondents", "respondents_before", "up", "down")
        ),
        rows=rows,
        in_coverage=tuple(False for _ in rows),
        notes=tuple(notes),
        text_columns=(0, 3, 4),
        row_header=0,
    )


def build_trend(trend: TopTasksTrend, language: Language) -> RankingTable:
    """Every run of the survey side by side: the latest run's rank, the task, its share in
    each run (oldest first; an en dash where a run did not ask it), and its change from
    the first run to the latest."""
    words = labels(language)
    latest = {task.id: rank for rank, task in enumerate(trend.tasks, start=1)}
    asked_now = {t.id for t in trend.tasks if t.shares[-1] is not None}
    rows = tuple(
        (
            _rank(latest[task.id] if task.id in asked_now else None),
            task.label,
            *(_share(share, language) for share in task.shares),
            _points(shown_change(task.shares[-1], task.shares[0]), language),
        )
        for task in trend.tasks
    )
    runs = len(trend.runs)
    return RankingTable(
        language=language,
        title=words["tc.trend.title"].format(n=runs),
        sheet=words["tc.trend.sheet"],
        header=(
            words["tt.rank"],
            words["tt.task"],
            *(
                words["tc.trend.run"].format(
                    title=run.title, respondents=format_count(run.respondents, language)
                )
                for run in trend.runs
            ),
            words["tc.trend.change"],
        ),
        rows=rows,
        in_coverage=tuple(False for _ in rows),
        notes=(
            words["tc.trend.note"].format(
                order=words[f"tt.order.{trend.order}"], first=trend.runs[0].title
            ),
        ),
        row_header=1,
    )


def build_group_changes(change: TopTasksChange, language: Language) -> RankingTable | None:
    """Every group's whole comparison in one long table, a row per group and task (its
    rank and share of the group's own votes in each run, and the change): what
    ``toptasks --compare ID --group G`` shows for one group, for all of them, to filter
    in a workbook. Groups that either run hides, or that it counted nobody as, are left
    out and named in a note. None where no group is compared, or for one group's
    comparison."""
    compared = [(g.name, g.change) for g in change.groups if g.change is not None]
    if not compared:
        return None
    words = labels(language)
    rows = tuple(
        (name, *_task_cells(task, language)) for name, shares in compared for task in shares.tasks
    )
    notes = [words["tc.every_group.note"]]
    left_out = [group.name for group in change.groups if group.change is None]
    if left_out:
        notes.append(
            words["tc.every_group.left_out"].format(
                n=change.groups[0].min_group_size, groups="; ".join(left_out)
            )
        )
    return RankingTable(
        language=language,
        title=words["tc.every_group.title"],
        sheet=words["tc.every_group.sheet"],
        header=(words["tc.groups.group"], *_task_header(language)),
        rows=rows,
        in_coverage=tuple(False for _ in rows),
        notes=tuple(notes),
        text_columns=(0, 2),
    )


def _respondents(count: int | None, min_group_size: int, language: Language) -> str:
    """A group's respondents in one run: ``n<5`` where that run hides them, an en dash
    where it counted nobody as the group."""
    if count is None:
        return f"n<{min_group_size}"
    return _NOT_ASKED if count == 0 else count_cell(count, language)  # a number in a workbook


def _shown_move(
    group: GroupChange, up: bool, language: Language
) -> tuple[TaskChange, SheetNumber] | None:
    """The task whose share of the group's votes rose (``up``) or fell most, with its
    change in points; None where the group is not compared or no share moved that way by
    a tenth of a point."""
    task = None if group.change is None else group.change.moved_most(up=up)
    change = None if task is None else shown_change(task.share, task.share_before)
    if task is None or change is None:
        return None
    points = points_cell(change, language)
    return None if points.value == 0 else (task, points)


def _moved(group: GroupChange, up: bool, language: Language) -> str:
    """The task that moved most that way, with its change: ``Book a room (▲ 3.1)``; an en
    dash where none did (:func:`_shown_move`)."""
    shown = _shown_move(group, up, language)
    return _NOT_ASKED if shown is None else f"{shown[0].label} ({unbroken(shown[1])})"


def group_move_lines(change: TopTasksChange, language: Language) -> list[str]:
    """The groups' table a line each, for the terminal, where five columns are too many
    for its width: "Front desk (n=5; before n=3): ▲ Find a colleague (25.0); ▼ Book
    leave (25.0)" (the table's title and ``tc.groups.legend`` say what the arrows mean).
    A no-break space keeps each arrow with its task where the terminal wraps the line."""
    words = labels(language)
    lines = []
    for group in change.groups:
        head = words["tc.groups.line"].format(
            group=group.name,
            now=_count(group.respondents, group.min_group_size),
            before=_count(group.respondents_before, group.min_group_size),
        )
        if group.change is None:
            lines.append(f"{head}: {words['tc.groups.line.not_compared']}")
            continue
        moves = []
        for arrow, up in (("▲", True), ("▼", False)):
            shown = _shown_move(group, up, language)
            if shown is not None:
                task, points = shown
                moves.append(
                    f"{arrow}\u00a0{task.label} ({format_decimal(abs(points.value), language)})"
                )
        lines.append(f"{head}: {'; '.join(moves) or words['tc.groups.line.still']}")
    return lines


def _count(count: int | None, min_group_size: int) -> str:
    """``n=30``; ``n<5`` where the run hides the group."""
    return f"n<{min_group_size}" if count is None else f"n={count}"


def change_tables(
    change: TopTasksChange, language: Language, *, every_group: bool = False
) -> list[RankingTable]:
    """The comparison's tables, in the order every format gives them: the tasks, every
    run's shares where the survey was held three times or more (its ``trend``), then (for
    everyone's) the groups at a glance; with ``every_group`` (the Markdown and the
    workbook, not the page, where it would run to hundreds of rows), each group's whole
    comparison after them (:func:`build_group_changes`)."""
    tables = [
        build_change(change, language),
        None if change.trend is None else build_trend(change.trend, language),
        build_group_moves(change, language),
    ]
    if every_group:
        tables.append(build_group_changes(change, language))
    return [table for table in tables if table is not None]


def change_to_json(change: TopTasksChange) -> dict[str, Any]:
    """The stable JSON of ``needmap toptasks --compare ID --json`` (docs/json-output.md)."""
    return {
        "survey": change.survey,
        "title": change.title,
        "respondents": change.respondents,
        "order": change.order,
        "group": None if change.group is None else {"id": change.group, "name": change.group_name},
        "compared_with": {
            "survey": change.before_survey,
            "title": change.before_title,
            "respondents": change.before_respondents,
        },
        "tasks": _tasks_json(change),
        "trend": None if change.trend is None else _trend_json(change.trend),
        "groups": [
            {
                "id": group.group,
                "name": group.name,
                "respondents": group.respondents,
                "respondents_before": group.respondents_before,
                "compared": group.change is not None,
                "rose_most": _moved_json(group, True),
                "fell_most": _moved_json(group, False),
                "tasks": None if group.change is None else _tasks_json(group.change),
            }
            for group in change.groups
        ],
    }


def _tasks_json(change: TopTasksChange) -> list[dict[str, Any]]:
    """Each task of the comparison, as JSON: its rank and share in each run, the change."""
    return [
        {
            "id": task.id,
            "label": task.label,
            "rank": task.rank,
            "share": json_share(task.share),
            "rank_before": task.rank_before,
            "share_before": json_share(task.share_before),
            "change": json_share(task.change),
        }
        for task in change.tasks
    ]


def _trend_json(trend: TopTasksTrend) -> dict[str, Any]:
    """Every run's shares, as JSON: the runs oldest first, each task's share in each."""
    return {
        "order": trend.order,
        "runs": [
            {"survey": run.survey, "title": run.title, "respondents": run.respondents}
            for run in trend.runs
        ],
        "tasks": [
            {
                "id": task.id,
                "label": task.label,
                "shares": [json_share(share) for share in task.shares],
                "change": json_share(task.change),
            }
            for task in trend.tasks
        ],
    }


def _moved_json(group: GroupChange, up: bool) -> dict[str, Any] | None:
    """The task whose share of the group's votes rose (``up``) or fell most, as JSON."""
    task = None if group.change is None else group.change.moved_most(up=up)
    if task is None:
        return None
    return {"id": task.id, "label": task.label, "change": json_share(task.change)}


def render_change_page(
    change: TopTasksChange,
    language: Language,
    organisation: str,
    drawings: Drawings | None = None,
    *,
    chapter: str | None = None,
) -> str:
    """The comparison as a page: its notes, its chart (from ``drawings`` when the caller
    shares them, as a build does), then its tables; with ``chapter``, the same as that
    chapter (section id) of the brief."""
    table = build_change(change, language)
    trend = None if change.trend is None else build_trend(change.trend, language)
    moves = build_group_moves(change, language)
    more = [(kind, t) for kind, t in (("trend", trend), ("moves", moves)) if t is not None]
    with drawings_of(drawings) as shared:
        chart = shared.svg(shared.change_chart(change, language))
    return render_report(
        "toptasks_change.html.j2",
        chapter,
        language=language,
        title=table.title,
        organisation=organisation,
        table=table,
        more=more,
        chart_svg=base64.b64encode(chart).decode("ascii"),
        chart_alt=change_chart_alt(change, language),
    )


def write_change(
    change: TopTasksChange,
    language: Language,
    organisation: str,
    path: Path,
    drawings: Drawings | None = None,
) -> None:
    """Write the comparison as the suffix asks: a page (.html, .pdf), the chart (.png,
    .svg) or the tables (.md, .csv, .xlsx); atomically. ``drawings``: shared by the
    files of one build, so that the chart is drawn once."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".pdf"):
        page = render_change_page(change, language, organisation, drawings)
        write_bytes_atomic(path, page_bytes(page, path.suffix))
    elif suffix in DIAGRAM_FORMATS:
        with drawings_of(drawings) as shared:
            write_figure(shared.change_chart(change, language), path)
    else:
        write_ranking(
            change_tables(change, language, every_group=True),
            path,
            hint="use .html or .pdf for a page, .png or .svg for the chart, .md, .csv or .xlsx "
            "for the tables, .json for the JSON",
        )
