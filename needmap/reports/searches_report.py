"""The search-log report: which needs people searched for, which found nothing (content gaps),
and what they searched for that no need covers, as an offline HTML page, Markdown, CSV, XLSX
or JSON.

Only terms :mod:`needmap.model.searches` lets through are written; rarer ones appear as a
count ("3 rarer").
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from needmap.model.searches import (
    LogSummary,
    NeedSearches,
    SearchEvidence,
    SearchTerm,
    analyse_searches,
)
from needmap.personas.study import Study
from needmap.personas.written_dates import MONTHS
from needmap.reports.drawings import Drawings, drawings_of
from needmap.reports.how_read import how_read_text
from needmap.reports.i18n import (
    Language,
    counted,
    format_count,
    labels,
    month_name,
    number_key,
)
from needmap.reports.jinja import render_report
from needmap.reports.pdf import html_to_pdf
from needmap.reports.search_chart import SEARCH_CHART_NEEDS, SearchTrend, search_trend_alt
from needmap.reports.sheet_cells import count_cell, percent_cell
from needmap.reports.table_formats import (
    csv_bytes,
    json_bytes,
    markdown_cell,
    markdown_line,
    write_in_format,
)
from needmap.reports.toptasks_table import (
    RankingTable,
    print_parts,
    ranking_to_csv,
    ranking_to_markdown,
    ranking_to_xlsx,
)
from needmap.surveys.evidence_folders import unread_evidence
from needmap.surveys.searchlog import SEARCH_FOLDER, load_search_logs

__all__ = [
    "TERMS_PER_NEED",
    "UNMATCHED_SHOWN",
    "UNUSED_NAMED",
    "build_searches_by_log",
    "build_searches_table",
    "build_unmatched_table",
    "render_searches_page",
    "search_count",
    "search_figures",
    "search_notes",
    "search_trends",
    "searches_apart",
    "searches_apart_json",
    "searches_to_json",
    "searches_to_markdown",
    "study_searches",
    "summary_line",
    "terms_counted",
    "write_searches",
]

TERMS_PER_NEED = 5
"""Terms named per need in the table; the rest are counted."""
UNMATCHED_SHOWN = 25
"""Unmatched terms listed in the reports (the JSON has them all)."""
UNUSED_NAMED = 10
"""Terms named per log in a note (topic terms that matched nothing, terms another log
gives a need); the JSON has them all."""


def study_searches(study: Study) -> SearchEvidence:
    """The study's search-log evidence, from every log in ``analytics/``."""
    return analyse_searches(study, load_search_logs(study))


def _pct(part: int, whole: int, language: Language) -> str:
    return percent_cell(part / whole, language) if whole else "\u2013"


def _searched(evidence: SearchEvidence) -> list[NeedSearches]:
    """Needs people searched for, most searches first (study order among equals)."""
    return sorted((n for n in evidence.needs if n.searches), key=lambda n: -n.searches)


def search_count(need: NeedSearches, language: Language) -> str:
    """A need's searches in a table cell: ``47``, ``47 (gap)`` or an en dash for none."""
    if not need.searches:
        return "\u2013"
    count = count_cell(need.searches, language)
    return f"{count} ({labels(language)['sl.gap_mark']})" if need.gap else count


def search_figures(need: NeedSearches) -> dict[str, Any]:
    """A need's searches in the JSON of the reports that show them beside other evidence
    (roadmap, personas): the whole need, its terms aside."""
    return {"searches": need.searches, "no_results": need.no_results, "gap": need.gap}


def terms_counted(terms: Sequence[SearchTerm], language: Language) -> list[str]:
    """Each term with its searches, as reports name them: 'verlof (33)'."""
    return [f"{t.text} ({format_count(t.searches, language)})" for t in terms]


def _terms(need: NeedSearches, language: Language, most: int) -> str:
    words = labels(language)
    named = terms_counted(need.terms, language)
    rest = max(0, len(named) - most) + need.hidden_terms
    shown = named[:most]
    if rest > 0:
        shown.append(words["sl.more_terms"].format(count=format_count(rest, language)))
    return ", ".join(shown)


def build_searches_table(
    evidence: SearchEvidence, study: Study, terms: int = TERMS_PER_NEED
) -> RankingTable:
    """One row per need people searched for: searches, share, found nothing, gap, and its
    ``terms`` most searched terms. Gap rows are marked (the band in XLSX)."""
    language = study.settings.language
    words = labels(language)
    searched = _searched(evidence)
    rows = []
    for need in searched:
        item = study.need_by_id[need.need]
        rows.append(
            (
                item.title,
                words[f"kind.{item.kind}"],
                count_cell(need.searches, language),
                _pct(need.searches, evidence.searches, language),
                _found_nothing(need.no_results, language),
                words["sl.gap_mark"] if need.gap else "",
                _terms(need, language, terms),
            )
        )
    return RankingTable(
        language=language,
        title=words["sl.table"],
        header=(
            words["need"],
            words["kind"],
            words["sl.searches"],
            words["sl.share"],
            words["sl.no_results"],
            words["sl.gap"],
            words["sl.terms"],
        ),
        rows=tuple(rows),
        in_coverage=tuple(n.gap for n in searched),
        notes=search_notes(evidence, study),
        marks_column=5,
        sheet=words["sl.sheet"],
        text_columns=(0, 1, 6),
        row_header=0,
    )


def build_searches_by_log(evidence: SearchEvidence, study: Study) -> RankingTable:
    """Each need people searched for, its searches in each log side by side (months, or
    channels) and in all, a log of monthly exports (``file`` with ``*``) with a column per
    export (a study of that log only: "Searches per export"); no rows where that makes
    fewer than two columns, as the needs table says it all."""
    language = study.settings.language
    words = labels(language)
    columns = _log_columns(evidence, language)
    searched = _searched(evidence) if len(columns) > 1 else []
    per = "sl.by_export" if len(evidence.logs) == 1 else "sl.by_log"
    total = "sl.all_exports" if len(evidence.logs) == 1 else "sl.all_logs"
    return RankingTable(
        language=language,
        title=words[per],
        header=(words["need"], *(heading for heading, _, _ in columns), words[total]),
        rows=tuple(
            (
                study.need_by_id[need.need].title,
                *(count_cell(_count_in(need, at, export), language) for _, at, export in columns),
                count_cell(need.searches, language),
            )
            for need in searched
        ),
        in_coverage=tuple(False for _ in searched),
        notes=(),
        sheet=words[f"{per}_sheet"],
        text_columns=(0,),
        group_columns=tuple(range(1, len(columns) + 1)) if searched else (),
        part_title=words[f"{per}_part"],
        groups_title=words[per],
        row_header=0,
    )


def _log_columns(evidence: SearchEvidence, language: Language) -> list[tuple[str, int, int | None]]:
    """The per-log table's columns of counts: each one's heading, its log's place in the
    evidence and the export's place in the log's, or None for the whole log. A column per
    log, or per export of a log of several (``Intranet: May``; the export's label alone
    where the study has that log only)."""
    columns: list[tuple[str, int, int | None]] = []
    for at, log in enumerate(evidence.logs):
        if not log.export_labels:
            heading = f"{log.title} ({log.period})" if log.period else log.title
            columns.append((heading, at, None))
        for export, label in enumerate(_export_headings(log, language)):
            heading = label if len(evidence.logs) == 1 else f"{log.title}: {label}"
            columns.append((heading, at, export))
    return columns


def _export_headings(log: LogSummary, language: Language) -> tuple[str, ...]:
    """What the reports call each of the log's exports: its label, and a label that is a
    month's name (``may``, ``mrt``) as the report's language writes it in a date (``May``,
    ``maart``)."""
    months = (MONTHS.get(label.casefold()) for label in log.export_labels)
    return tuple(
        label if month is None else month_name(month, language)
        for label, month in zip(log.export_labels, months, strict=True)
    )


def _count_in(need: NeedSearches, at: int, export: int | None) -> int:
    """The need's searches in a column of :func:`_log_columns`."""
    return need.per_log[at] if export is None else need.per_export[at][export]


def search_trends(evidence: SearchEvidence, study: Study) -> list[SearchTrend]:
    """For each log of several exports that found a need, what its chart shows: its most
    searched needs (at most :data:`SEARCH_CHART_NEEDS`, none it never found), each one's
    searches in each export."""
    language = study.settings.language
    trends = []
    for at, log in enumerate(evidence.logs):
        if not log.export_labels:
            continue
        searched = sorted(
            (need for need in evidence.needs if need.per_log[at]),
            key=lambda need: -need.per_log[at],
        )[:SEARCH_CHART_NEEDS]
        if not searched:  # no line to draw
            continue
        trends.append(
            SearchTrend(
                log.title,
                _export_headings(log, language),
                tuple(
                    (study.need_by_id[need.need].title, need.per_export[at]) for need in searched
                ),
            )
        )
    return trends


def searches_apart(
    evidence: SearchEvidence, need: NeedSearches, language: Language
) -> list[tuple[str, int]]:
    """The need's searches in each column of the table per log (each log, or each export
    of a log of several), with the column's heading; empty where that is one column."""
    columns = _log_columns(evidence, language)
    if len(columns) < 2:
        return []
    return [(heading, _count_in(need, at, export)) for heading, at, export in columns]


def searches_apart_json(evidence: SearchEvidence, need: NeedSearches) -> dict[str, Any]:
    """The need's ``per_log`` and ``per_export`` of the JSON (docs/json-output.md)."""
    return {
        "per_log": dict(zip((log.id for log in evidence.logs), need.per_log, strict=True)),
        "per_export": {
            log.id: dict(zip(log.exports, counts, strict=True))
            for log, counts in zip(evidence.logs, need.per_export, strict=True)
            if counts
        },
    }


def _found_nothing(count: int | None, language: Language) -> str:
    """The cell of searches that found nothing: a dash where no log they were in says."""
    return "\u2013" if count is None else count_cell(count, language)


def _term_row(term: SearchTerm, language: Language) -> tuple[str, ...]:
    return (
        term.text,
        count_cell(term.searches, language),
        _found_nothing(term.no_results, language),
    )


def build_unmatched_table(evidence: SearchEvidence, study: Study) -> RankingTable:
    """The most searched terms that match no need (at most :data:`UNMATCHED_SHOWN`)."""
    language = study.settings.language
    words = labels(language)
    terms = evidence.unmatched[:UNMATCHED_SHOWN]
    notes = [words["sl.unmatched_note"]] if terms else []
    hidden = evidence.unmatched_hidden + len(evidence.unmatched) - len(terms)
    if hidden:
        note = words[number_key("sl.unmatched_hidden", hidden)]
        notes.append(note.format(count=format_count(hidden, language)))
    return RankingTable(
        language=language,
        title=words["sl.unmatched"],
        header=(words["sl.term"], words["sl.searches"], words["sl.no_results"]),
        rows=tuple(_term_row(t, language) for t in terms),
        in_coverage=tuple((t.no_results or 0) * 2 > t.searches for t in terms),
        notes=tuple(notes),
        marks_column=None,
        sheet=words["sl.unmatched_sheet"],
        text_columns=(0,),
        row_header=0,
    )


def search_notes(evidence: SearchEvidence, study: Study) -> tuple[str, ...]:
    """How searches are matched and hidden; per log its gap rule, its topic terms that
    matched nothing and the terms other logs map that it does not; needs nobody searched
    for."""
    language = study.settings.language
    words = labels(language)
    if not evidence.logs:
        unread = unread_evidence(study.root, SEARCH_FOLDER)
        if unread:
            found = unread[0]
            return (words["sl.none.unread"].format(path=found.place, target=found.target),)
        return (words["sl.none"],)
    shown_from = evidence.min_size
    notes = [
        words["sl.rule"].format(n=shown_from) if shown_from > 1 else words["sl.rule.every_term"]
    ]
    for log in evidence.logs:
        if log.no_results is None:
            notes.append(words["sl.no_results_column"].format(title=log.title))
        else:
            notes.append(words["sl.gap_rule"].format(title=log.title, n=log.gap_from))
        if log.unused:
            terms = [f"{term} ({study.need_by_id[need].title})" for need, term in log.unused]
            notes.append(words["sl.unused"].format(title=log.title, terms=_named(terms, language)))
        if log.mapped_elsewhere:
            terms = terms_counted(log.mapped_elsewhere, language)
            named = _named(terms, language)
            notes.append(words["sl.elsewhere"].format(title=log.title, terms=named))
    silent = sum(1 for n in evidence.needs if not n.searches)
    if silent:
        key = number_key("sl.no_evidence", silent)
        notes.append(words[key].format(count=silent))
    return tuple(notes)


def _named(terms: Sequence[str], language: Language) -> str:
    """The first :data:`UNUSED_NAMED` terms of a note, and how many more (the JSON has all)."""
    if len(terms) <= UNUSED_NAMED:
        return ", ".join(terms)
    more = labels(language)["sl.more_unused"].format(
        count=format_count(len(terms) - UNUSED_NAMED, language)
    )
    return ", ".join([*terms[:UNUSED_NAMED], more])


def summary_line(evidence: SearchEvidence, language: Language) -> str:
    """'115 searches in 2 logs; 81 (70.4%) about a need; 66 found nothing', or where a log
    does not say how many found nothing, '…; of the 109 in logs that say, 66 found nothing'."""
    words = labels(language)
    text = words["sl.summary"].format(
        searches=counted(evidence.searches, "searches", language),
        logs=counted(len(evidence.logs), "logs", language),
        matched=format_count(evidence.matched, language),
        share=_pct(evidence.matched, evidence.searches, language),
    )
    told = sum(log.searches for log in evidence.logs if log.no_results is not None)
    none = format_count(evidence.no_results, language)
    if evidence.has_results and told == evidence.searches:
        text += words["sl.summary_none"].format(none=none)
    elif told:  # some logs do not say: of how many the count is
        text += words["sl.summary_none_part"].format(none=none, told=format_count(told, language))
    return text


def _log_lines(evidence: SearchEvidence, language: Language) -> list[str]:
    """Each log with its period and searches (and its exports, first and last, where it has
    several). How its export was read (encoding, delimiter) is for whoever runs needmap:
    the terminal and the JSON say it, the reports do not."""
    words = labels(language)
    return [
        words["sl.log_line"].format(
            title=log.title + (f" ({log.period})" if log.period else ""),
            searches=counted(log.searches, "searches", language),
        )
        + (
            words["sl.log_exports"].format(
                exports=len(headings), first=headings[0], last=headings[-1]
            )
            if (headings := _export_headings(log, language))
            else ""
        )
        + (
            words["sl.without_term"].format(searches=format_count(log.without_term, language))
            if log.without_term
            else ""
        )
        for log in evidence.logs
    ]


def _title(study: Study) -> str:
    return labels(study.settings.language)["sl.title"].format(name=study.settings.name)


def render_searches_page(
    evidence: SearchEvidence,
    study: Study,
    drawings: Drawings | None = None,
    *,
    chapter: str | None = None,
) -> str:
    """The search-log evidence as one offline HTML page: the needs, each log's searches
    side by side (with the chart of a log of monthly exports), then the unmatched terms;
    its charts from ``drawings`` when the caller shares them (the brief's).

    With ``chapter``, the same content as that chapter (section id) of the brief.
    """
    language = study.settings.language
    words = labels(language)
    with drawings_of(drawings) as shared:
        charts = [
            (
                base64.b64encode(shared.svg(shared.search_trend(trend, language))).decode(),
                search_trend_alt(trend, language),
            )
            for trend in search_trends(evidence, study)
        ]
    return render_report(
        "searches.html.j2",
        chapter,
        language=language,
        title=_title(study),
        organisation=study.settings.organisation,
        summary=summary_line(evidence, language) if evidence.logs else "",
        logs=_log_lines(evidence, language),
        logs_title=words["sl.logs"],
        charts=charts,
        tables=[
            (css, table, print_parts(table))
            for css, table in (
                ("searches", build_searches_table(evidence, study)),
                ("by-log", build_searches_by_log(evidence, study)),
                ("unmatched", build_unmatched_table(evidence, study)),
            )
        ],
    )


def searches_to_markdown(evidence: SearchEvidence, study: Study) -> str:
    language = study.settings.language
    lines = [f"# {markdown_cell(_title(study))}", ""]
    if evidence.logs:
        organisation = markdown_line(study.settings.organisation)
        lines += [f"{organisation} · {summary_line(evidence, language)}", ""]
        lines += [f"- {markdown_line(line)}" for line in _log_lines(evidence, language)] + [""]
    lines.append(ranking_to_markdown(build_searches_table(evidence, study)))
    by_log = build_searches_by_log(evidence, study)
    if by_log.rows:
        lines.append(ranking_to_markdown(by_log))
    unmatched = build_unmatched_table(evidence, study)
    if unmatched.rows or unmatched.notes:
        lines.append(ranking_to_markdown(unmatched))
    return "\n".join(lines).rstrip("\n") + "\n"


def searches_to_json(evidence: SearchEvidence) -> dict[str, Any]:
    """The stable JSON of ``needmap searches --json`` (docs/json-output.md)."""

    def term(t: SearchTerm) -> dict[str, Any]:
        return {"term": t.text, "searches": t.searches, "no_results": t.no_results}

    return {
        "min_group_size": evidence.min_size,
        "searches": evidence.searches,
        "matched": evidence.matched,
        "no_results": evidence.no_results if evidence.has_results else None,
        "logs": [
            {
                "id": log.id,
                "title": log.title,
                "period": log.period,
                "read_as": how_read_text(log.how, "en"),
                "searches": log.searches,
                "without_term": log.without_term,
                "matched": log.matched,
                "no_results": log.no_results,
                "gap_from": log.gap_from,
                "exports": list(log.exports),
                "unused_topic_terms": [{"need": n, "term": t} for n, t in log.unused],
                "mapped_elsewhere": [term(t) for t in log.mapped_elsewhere],
            }
            for log in evidence.logs
        ],
        "needs": [
            {
                "id": n.need,
                "searches": n.searches,
                "no_results": n.no_results,
                "searches_told": n.searches_told,
                "gap": n.gap,
                "gap_in": list(n.gap_in),
                **searches_apart_json(evidence, n),
                "terms": [term(t) for t in n.terms],
                "hidden_terms": n.hidden_terms,
            }
            for n in _searched(evidence)
        ],
        "needs_not_searched": [n.need for n in evidence.needs if not n.searches],
        "unmatched": [term(t) for t in evidence.unmatched],
        "unmatched_hidden": evidence.unmatched_hidden,
    }


def _sheets(evidence: SearchEvidence, study: Study) -> list[RankingTable]:
    """The workbook's tables: the needs, each log's searches where there are several, and
    the terms that match no need."""
    by_log = build_searches_by_log(evidence, study)
    return [
        build_searches_table(evidence, study),
        *([by_log] if by_log.rows else []),
        build_unmatched_table(evidence, study),
    ]


def write_searches(
    evidence: SearchEvidence, study: Study, path: Path, *, drawings: Drawings | None = None
) -> None:
    """Write the search-log report as ``path``'s suffix asks: .html, .pdf, .md, .csv (the needs
    table), .xlsx (a sheet per table) or .json; its charts from ``drawings`` when the caller
    shares them (a build's)."""
    renderers: Mapping[str, Callable[[SearchEvidence], bytes]] = {
        ".html": lambda e: render_searches_page(e, study, drawings).encode("utf-8"),
        ".pdf": lambda e: html_to_pdf(render_searches_page(e, study, drawings)),
        ".md": lambda e: searches_to_markdown(e, study).encode("utf-8"),
        ".csv": lambda e: csv_bytes(ranking_to_csv(build_searches_table(e, study))),
        ".xlsx": lambda e: ranking_to_xlsx(*_sheets(e, study)),
        ".json": lambda e: json_bytes(searches_to_json(e)),
    }
    write_in_format(
        renderers,
        evidence,
        path,
        "the search-log report",
    )
