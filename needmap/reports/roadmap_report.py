"""The roadmap report: the phases with their needs, and the table that shows why this order,
as an offline HTML page, Markdown, CSV, XLSX or JSON.

The table is a :class:`~needmap.reports.toptasks_table.RankingTable`, so Markdown, CSV and
XLSX come from the same writers as the top-task ranking (formula-safe, text as text).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.model.analysis import analyse_overlap
from needmap.model.replan import CHANGE_ORDER, NeedChange, RoadmapChanges
from needmap.model.roadmap import Roadmap, ScoredNeed, plan_roadmap
from needmap.model.toptasks import TopTasks
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.reports.i18n import (
    Language,
    counted,
    format_count,
    format_points,
    labels,
    note_text,
    sentence_start,
)
from needmap.reports.interviews_report import interview_counts, study_interviews
from needmap.reports.jinja import render_report
from needmap.reports.pdf import html_to_pdf
from needmap.reports.searches_report import search_count, search_figures, study_searches
from needmap.reports.sheet_cells import count_cell, decimal_cell, percent_cell
from needmap.reports.survey_runs import study_runs
from needmap.reports.table_formats import (
    csv_bytes,
    json_bytes,
    markdown_cell,
    markdown_line,
    write_in_format,
)
from needmap.reports.toptasks_table import (
    RankingTable,
    ranking_to_csv,
    ranking_to_markdown,
    ranking_to_xlsx,
)

__all__ = [
    "SCORE_PLACES",
    "PhaseView",
    "brought_forward",
    "build_changes_table",
    "build_roadmap_table",
    "changes_line",
    "need_titles",
    "passed_over_json",
    "phase_views",
    "platform_line",
    "platform_of",
    "render_roadmap_page",
    "roadmap_notes",
    "roadmap_summary",
    "roadmap_to_json",
    "roadmap_to_markdown",
    "study_roadmap",
    "study_toptasks",
    "write_roadmap",
]

FOLD_AFTER = 30
"""A phase of more than :data:`FOLD_FROM` needs shows this many on the board and folds
the rest away (all of them are in the table below it): a board of 300 needs whose
"later" column runs for metres is no board. A study of some fifty needs, as the demo's,
keeps every need on its board."""
FOLD_FROM = 40

SCORE_PLACES = 2
"""Decimals of a score and an evidence factor. Scores are a share of the demand in
percent, times the factor, over effort points: in a study of forty needs or more most
lie between 0 and 3, where one decimal showed needs of different scores as alike and the
score of a need as other than its figures make it (2.5% x 1.1 / 3 read 1.0 for 0.95)."""


def study_toptasks(study: Study) -> list[TopTasks]:
    """The study's top-task evidence: every imported survey but the runs a later imported
    run repeats, in file order, analysed as the reports show it (weighted where the
    study's headcounts allow, the 75% set; :func:`~needmap.reports.survey_runs.study_runs`).
    A survey not imported yet is left out; a tally that no longer fits its mapping raises."""
    return list(study_runs(study).latest)


def study_roadmap(study: Study) -> Roadmap:
    """The study's roadmap, with the votes of every imported top-task survey as evidence and
    its interviews and search logs beside them."""
    return plan_roadmap(
        study,
        analyse_overlap(study).overlap,
        study_toptasks(study),
        study_interviews(study),
        study_searches(study),
    )


def _effort(scored: ScoredNeed, language: Language) -> str:
    size = scored.effort.upper() if scored.effort_known else "?"
    return f"{size} ({format_points(scored.points, language)})"


def need_titles(ids: tuple[str, ...] | list[str], study: Study) -> str:
    """The needs' titles, joined by semicolons (titles may hold commas)."""
    return "; ".join(study.need_by_id[i].title for i in ids if i in study.need_by_id)


def platform_of(roadmap: Roadmap, need: Need, language: Language) -> str:
    """Where the need is delivered: the shared platform or a group's own tool or channel,
    with the channel the study names for it."""
    words = labels(language)
    where = words["rm.on.shared" if roadmap.on_shared_platform(need.id) else "rm.on.specific"]
    return f"{where} ({need.channel})" if need.channel else where


def platform_line(roadmap: Roadmap, language: Language) -> str:
    """The platform form, and how many needs go on the shared platform and how many not."""
    words = labels(language)
    advice = roadmap.platform
    form = words[f"form.{advice.form}"]
    shared = len(advice.shared_needs)
    return words["rm.platform_line"].format(
        form=sentence_start(form),
        shared=counted(shared, "needs", language),
        specific=len(advice.specific_needs),
    )


def build_roadmap_table(roadmap: Roadmap, study: Study) -> RankingTable:
    """One row per need in plan order: phase, score and its parts, effort, dependencies.
    Rows of the first phase are marked (the band in XLSX)."""
    language = study.settings.language
    words = labels(language)
    phase_name = {p.phase.id: p.phase.name for p in roadmap.phases}
    plan = roadmap.first_phase()
    first = None if plan is None else plan.phase.id
    phase_of = roadmap.phase_ids()
    interviews = roadmap.interviews if roadmap.interviews and roadmap.interviews.shown else None
    searches = roadmap.searches if roadmap.searches and roadmap.searches.logs else None
    extra = (interviews is not None) + (searches is not None)
    rows: list[tuple[str, ...]] = []
    marked = []
    for number, scored in enumerate(roadmap.needs, start=1):
        phase = phase_of.get(scored.need.id)
        heard = (interview_counts(interviews.for_need(scored.need.id)),) if interviews else ()
        sought = (search_count(searches.for_need(scored.need.id), language),) if searches else ()
        where = phase_name[phase] if phase else words["rm.unplanned"]
        rows.append(
            (
                count_cell(number, language),
                scored.need.title,
                f"{where} ({words['rm.decided']})" if scored.decided else where,
                platform_of(roadmap, scored.need, language),
                decimal_cell(scored.score, language, places=SCORE_PLACES),
                percent_cell(scored.demand_share, language),
                "\u2013" if scored.evidence is None else percent_cell(scored.evidence, language),
                decimal_cell(
                    scored.evidence_factor, language, prefix="\u00d7", places=SCORE_PLACES
                ),
                *heard,
                *sought,
                _effort(scored, language),
                need_titles(scored.need.depends_on, study),
                need_titles(brought_forward(scored), study),
            )
        )
        marked.append(phase == first)
    return RankingTable(
        language=language,
        title=words["rm.table"],
        header=(
            words["rm.order"],
            words["need"],
            words["rm.phase"],
            words["rm.platform"],
            words["rm.score"],
            words["rm.demand"],
            words["rm.votes"],
            words["rm.factor"],
            *((words["rm.interviews"],) if interviews else ()),
            *((words["rm.searches"],) if searches else ()),
            words["rm.effort"],
            words["rm.after"],
            words["rm.needed_by"],
        ),
        rows=tuple(rows),
        in_coverage=tuple(marked),
        notes=roadmap_notes(roadmap, language)
        + ((words["rm.interviews_note"],) if interviews else ())
        + ((words["rm.searches_note"],) if searches else ()),
        marks_column=None,
        sheet=words["rm.sheet"],
        text_columns=(1, 2, 3, 9 + extra, 10 + extra),
        row_header=1,
    )


def brought_forward(scored: ScoredNeed) -> tuple[str, ...]:
    """The needs it comes early for: those whose score raised its priority, and those
    decided for a phase that it must not come after."""
    return tuple(dict.fromkeys((*scored.needed_by, *scored.due_for)))


def build_changes_table(roadmap: Roadmap, study: Study) -> RankingTable | None:
    """What moved since the earlier plan (``roadmap.changes``): a row per need that moved
    to an earlier or a later phase, is new or was dropped; None without an earlier plan."""
    changes = roadmap.changes
    if changes is None:
        return None
    language = study.settings.language
    words = labels(language)

    def phase(names: tuple[str, ...], position: int | None, known: bool) -> str:
        if not known:
            return "\u2013"
        return words["rm.unplanned"] if position is None else names[position]

    def score(value: float | None) -> str:
        return "\u2013" if value is None else decimal_cell(value, language, places=SCORE_PLACES)

    decided = {s.need.id for s in roadmap.needs if s.decided}  # as the roadmap table says

    def now_in(change: NeedChange) -> str:
        where = phase(changes.after.phases, change.after, change.kind != "dropped")
        return f"{where} ({words['rm.decided']})" if change.need in decided else where

    rows = tuple(
        (
            change.title,
            words[f"rm.change.{change.kind}"],
            phase(changes.before.phases, change.before, change.kind != "new"),
            now_in(change),
            score(change.score_before),
            score(change.score_after),
        )
        for change in changes.changes
    )
    return RankingTable(
        language=language,
        title=words["rm.changes"].format(since=changes.since),
        header=(
            words["need"],
            words["rm.change"],
            words["rm.was_in"],
            words["rm.now_in"],
            words["rm.score_then"],
            words["rm.score_now"],
        ),
        rows=rows,
        in_coverage=tuple(c.kind == "earlier" for c in changes.changes),
        notes=(_stays(changes, words), words["rm.changes_rule"]),
        marks_column=None,
        sheet=words["rm.changes_sheet"],
        text_columns=(0, 1, 2, 3),
        row_header=0,
    )


def changes_line(roadmap: Roadmap, language: Language) -> str:
    """'Since roadmap-october.json: 3 earlier, 2 later, 1 new; 40 needs stay in their phase.'"""
    changes = roadmap.changes
    if changes is None:
        return ""
    words = labels(language)
    moved = [
        f"{changes.count(kind)} {words[f'rm.change.{kind}']}"
        for kind in CHANGE_ORDER
        if changes.count(kind)
    ]
    since = words["rm.since"].format(since=changes.since)
    stays = _stays(changes, words)
    if not moved:
        return f"{since}: {stays}"
    return f"{since}: {', '.join(moved)}; {stays[:1].lower()}{stays[1:]}"


def _stays(changes: RoadmapChanges, words: Mapping[str, str]) -> str:
    """How many needs kept their phase, in a sentence."""
    if not changes.changes:
        return words["rm.unchanged.all"]
    if changes.unchanged <= 1:
        return words["rm.unchanged.none" if changes.unchanged == 0 else "rm.unchanged.one"]
    return words["rm.unchanged"].format(count=changes.unchanged)


def roadmap_notes(roadmap: Roadmap, language: Language) -> tuple[str, ...]:
    """The rule, where the votes come from, and the model's notes, in words."""
    words = labels(language)
    surveys = (
        words["rm.surveys"].format(surveys=", ".join(roadmap.surveys))
        if roadmap.surveys
        else words["rm.no_surveys"]
    )
    notes = [note_text(n, language) for n in roadmap.notes]
    decided = (words["rm.rule_decided"],) if any(s.decided for s in roadmap.needs) else ()
    return (words["rm.rule"], *decided, surveys, *(sentence_start(n) + "." for n in notes))


@dataclass(frozen=True)
class PhaseView:
    name: str
    load: str
    """Points planned, of the capacity if it has one."""
    full: float
    """Share of the capacity used (0-1); 0 for a phase without capacity."""
    needs: tuple[tuple[str, str, str, str, str, str], ...]
    """Per need: title, kind, effort, what it waits for, the platform it is delivered on,
    and "decided" (in the study's language) if its phase was, else ""."""
    first: int
    """The number of its first need in the whole plan (the table's #)."""


def phase_views(roadmap: Roadmap, study: Study) -> tuple[PhaseView, ...]:
    """The phases in words, the unplanned needs last as a phase of their own."""
    language = study.settings.language
    words = labels(language)

    def needs(items: tuple[ScoredNeed, ...]) -> tuple[tuple[str, str, str, str, str, str], ...]:
        return tuple(
            (
                s.need.title,
                words[f"kind.{s.need.kind}"],
                _effort(s, language),
                need_titles(s.need.depends_on, study),
                platform_of(roadmap, s.need, language),
                words["rm.decided"] if s.decided else "",
            )
            for s in items
        )

    views: list[PhaseView] = []
    first = 1
    for plan in roadmap.phases:
        used = format_points(plan.points, language)
        capacity = plan.phase.capacity
        load = (
            words["rm.load"].format(used=used, capacity=format_points(capacity, language))
            if capacity
            else words["rm.load.open"].format(used=used)
        )
        views.append(
            PhaseView(
                plan.phase.name,
                load,
                plan.points / capacity if capacity else 0.0,
                needs(plan.needs),
                first,
            )
        )
        first += len(plan.needs)
    if roadmap.unplanned:
        used = format_points(float(sum(s.points for s in roadmap.unplanned)), language)
        views.append(
            PhaseView(
                words["rm.unplanned"],
                words["rm.load.open"].format(used=used),
                0.0,
                needs(roadmap.unplanned),
                first,
            )
        )
    return tuple(views)


def roadmap_summary(roadmap: Roadmap, language: Language) -> str:
    """'18 of 24 needs planned in 3 phases', in the study's language; ', 3 of them as
    decided' when the steering group decided some needs' phases."""
    words = labels(language)
    planned = sum(len(p.needs) for p in roadmap.phases)
    summary = words["rm.summary"].format(
        planned=format_count(planned, language),
        needs=format_count(len(roadmap.needs), language),
        phases=counted(len(roadmap.phases), "phases", language),
    )
    decided = sum(1 for s in roadmap.needs if s.decided)
    if not decided:
        return summary
    return words["rm.summary.decided"].format(
        summary=summary, decided=format_count(decided, language)
    )


def _title(study: Study) -> str:
    return labels(study.settings.language)["rm.title"].format(name=study.settings.name)


def render_roadmap_page(roadmap: Roadmap, study: Study, *, chapter: str | None = None) -> str:
    """The roadmap as one offline HTML page: phases as columns, then why this order.

    With ``chapter``, the same content as that chapter (section id) of the brief.
    """
    language = study.settings.language
    words = labels(language)
    return render_report(
        "roadmap.html.j2",
        chapter,
        language=language,
        title=_title(study),
        organisation=study.settings.organisation,
        summary=roadmap_summary(roadmap, language),
        platform=platform_line(roadmap, language),
        phases=phase_views(roadmap, study),
        unplanned_hint=words["rm.unplanned_hint"] if roadmap.unplanned else "",
        after=words["rm.after"],
        fold_after=FOLD_AFTER,
        fold_from=FOLD_FROM,
        more=words["rm.more"],
        changes=build_changes_table(roadmap, study),
        table=build_roadmap_table(roadmap, study),
    )


def roadmap_to_markdown(roadmap: Roadmap, study: Study) -> str:
    language = study.settings.language
    words = labels(language)
    lines = [
        f"# {markdown_cell(_title(study))}",
        "",
        f"{markdown_line(study.settings.organisation)} · {roadmap_summary(roadmap, language)}",
        "",
        platform_line(roadmap, language),
        "",
    ]
    for view in phase_views(roadmap, study):
        lines += [f"## {markdown_cell(view.name)} ({view.load})", ""]
        if not view.needs:
            lines.append(f"_{words['rm.empty']}_")
        for title, kind, effort, after, where, decided in view.needs:
            waits = f"; {words['rm.after'].lower()}: {after}" if after else ""
            said = f"{decided}; " if decided else ""
            item = f"{title} ({said}{kind}, {effort}, {where}{waits})"
            lines.append(f"- {markdown_line(item)}")
        lines.append("")
    if roadmap.unplanned:
        lines += [f"_{words['rm.unplanned_hint']}_", ""]
    changes = build_changes_table(roadmap, study)
    if changes is not None:
        lines.append(ranking_to_markdown(changes))
    table = ranking_to_markdown(build_roadmap_table(roadmap, study))
    return "\n".join(lines) + "\n" + table


def passed_over_json(roadmap: Roadmap, need_id: str) -> list[dict[str, Any]]:
    """The phases too full for the need when its turn came, as the JSON gives them."""
    return [
        {"phase": full.phase, "room": full.room} for full in roadmap.passed_over.get(need_id, ())
    ]


def roadmap_to_json(roadmap: Roadmap) -> dict[str, Any]:
    """The stable JSON of ``needmap roadmap --json`` (docs/json-output.md)."""

    def need(s: ScoredNeed) -> dict[str, Any]:
        return {
            "id": s.need.id,
            "title": s.need.title,
            "score": round(s.score, 4),
            "priority": round(s.priority, 4),
            "demand_share": round(s.demand_share, 4),
            "evidence": None if s.evidence is None else round(s.evidence, 4),
            "evidence_factor": round(s.evidence_factor, 4),
            "effort": s.effort if s.effort_known else None,
            "points": s.points,
            "depends_on": list(s.need.depends_on),
            "needed_by": list(s.needed_by),
            "decided": s.decided,
            "due_for": list(s.due_for),
            "passed_over": passed_over_json(roadmap, s.need.id),
            "placement": "shared" if roadmap.on_shared_platform(s.need.id) else "specific",
            "channel": s.need.channel,
            "interviews": interviews(s.need.id),
            "searches": searches(s.need.id),
        }

    def interviews(need_id: str) -> dict[str, int] | None:
        if roadmap.interviews is None or not roadmap.interviews.shown:
            return None
        heard = roadmap.interviews.for_need(need_id)
        return {"supported": heard.supported, "questioned": heard.questioned}

    def searches(need_id: str) -> dict[str, Any] | None:
        if roadmap.searches is None or not roadmap.searches.logs:
            return None
        return search_figures(roadmap.searches.for_need(need_id))

    return {
        "phases": [
            {
                "id": p.phase.id,
                "name": p.phase.name,
                "capacity": p.phase.capacity,
                "points": round(p.points, 4),
                "needs": [need(s) for s in p.needs],
            }
            for p in roadmap.phases
        ],
        "unplanned": [need(s) for s in roadmap.unplanned],
        "platform_form": roadmap.platform.form,
        "surveys": list(roadmap.surveys),
        "notes": [note_text(n, "en") for n in roadmap.notes],
        "changes": None if roadmap.changes is None else _changes_json(roadmap.changes),
    }


def _changes_json(changes: RoadmapChanges) -> dict[str, Any]:
    def phase(position: int | None, names: Sequence[str]) -> str | None:
        return None if position is None else names[position]

    return {
        "since": changes.since,
        "unchanged": changes.unchanged,
        "needs": [
            {
                "id": c.need,
                "title": c.title,
                "change": c.kind,
                "was_in": phase(c.before, changes.before.phases),
                "now_in": phase(c.after, changes.after.phases),
                "score_then": None if c.score_before is None else round(c.score_before, 4),
                "score_now": None if c.score_after is None else round(c.score_after, 4),
            }
            for c in changes.changes
        ],
    }


def write_roadmap(roadmap: Roadmap, study: Study, path: Path) -> None:
    """Write the roadmap as ``path``'s suffix asks: .html, .pdf, .md, .csv, .xlsx or .json."""
    renderers: Mapping[str, Callable[[Roadmap], bytes]] = {
        ".html": lambda r: render_roadmap_page(r, study).encode("utf-8"),
        ".pdf": lambda r: html_to_pdf(render_roadmap_page(r, study)),
        ".md": lambda r: roadmap_to_markdown(r, study).encode("utf-8"),
        ".csv": lambda r: csv_bytes(ranking_to_csv(build_roadmap_table(r, study))),
        ".xlsx": lambda r: ranking_to_xlsx(
            build_roadmap_table(r, study),
            *filter(None, (build_changes_table(r, study),)),
        ),
        ".json": lambda r: json_bytes(roadmap_to_json(r)),
    }
    write_in_format(
        renderers,
        roadmap,
        path,
        "the roadmap",
    )
