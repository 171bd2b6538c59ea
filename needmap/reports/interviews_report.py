"""The interview report: which needs the interviews support or question, per group, with the
quotes, as an offline HTML page, Markdown, CSV, XLSX or JSON.

Only shown buckets appear (see :mod:`needmap.model.interviews`); a hidden pool is named by
its groups and ``n<5``, never with a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.model.interviews import (
    OTHER_GROUPS,
    Bucket,
    InterviewEvidence,
    NeedInterviews,
    analyse_interviews,
)
from needmap.personas.study import Study
from needmap.reports.i18n import counted, format_count, labels, number_key
from needmap.reports.jinja import render_report
from needmap.reports.pdf import html_to_pdf
from needmap.reports.sheet_cells import count_cell
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
from needmap.surveys.interviews import INTERVIEW_FOLDER, load_interviews

__all__ = [
    "QuoteView",
    "bucket_name",
    "build_interviews_table",
    "heard",
    "interview_counts",
    "interview_notes",
    "interviews_summary",
    "interviews_to_json",
    "interviews_to_markdown",
    "quote_views",
    "render_interviews_page",
    "study_interviews",
    "write_interviews",
]


def study_interviews(study: Study) -> InterviewEvidence:
    """The study's interview evidence, from every file in ``interviews/``."""
    return analyse_interviews(study, load_interviews(study))


def bucket_name(bucket: Bucket, study: Study) -> str:
    """The group's name, or "other groups" for the pool of small groups."""
    if bucket.key == OTHER_GROUPS:
        return labels(study.settings.language)["iv.other"]
    return study.group_by_id[bucket.key].name


def _bucket_heading(bucket: Bucket, study: Study) -> str:
    """'Front desk (n=5)': a shown bucket's column heading, its participants counted as
    the language writes numbers."""
    language = study.settings.language
    n = "" if bucket.participants is None else format_count(bucket.participants, language)
    return labels(language)["iv.bucket"].format(name=bucket_name(bucket, study), n=n)


def _with_evidence(evidence: InterviewEvidence) -> list[NeedInterviews]:
    """Needs the interviews speak of, most interviews first (study order among equals)."""
    found = [n for n in evidence.needs if n.verdict != "none"]
    return sorted(found, key=lambda n: -(n.supported + n.questioned))


def heard(supported: int, questioned: int, none: str = "\u2013") -> str:
    """Interview counts in a table cell: ``✓2 ✗1`` (supported in 2, questioned in 1), or
    ``none`` (an en dash) when no interview speaks of the need."""
    parts = [f"\u2713{supported}"] if supported else []
    if questioned:
        parts.append(f"\u2717{questioned}")
    return " ".join(parts) or none


def interview_counts(need: NeedInterviews) -> str:
    """A need's interviews over all shown groups, as :func:`heard` writes them."""
    return heard(need.supported, need.questioned)


def _per_bucket(need: NeedInterviews, key: str) -> str:
    return heard(need.supports.get(key, 0), need.questions.get(key, 0), none="")


def build_interviews_table(evidence: InterviewEvidence, study: Study) -> RankingTable:
    """One row per need the interviews speak of: verdict, counts, per group, unlisted groups."""
    language = study.settings.language
    words = labels(language)
    shown = evidence.shown
    rows = []
    for need in _with_evidence(evidence):
        item = study.need_by_id[need.need]
        rows.append(
            (
                item.title,
                words[f"kind.{item.kind}"],
                words[f"iv.verdict.{need.verdict}"],
                count_cell(need.supported, language),
                count_cell(need.questioned, language),
                *(_per_bucket(need, b.key) for b in shown),
                "; ".join(study.group_by_id[g].name for g in need.unlisted),
            )
        )
    return RankingTable(
        language=study.settings.language,
        title=words["iv.table"],
        header=(
            words["need"],
            words["kind"],
            words["iv.verdict"],
            words["iv.supports"],
            words["iv.questions"],
            *(_bucket_heading(b, study) for b in shown),
            words["iv.unlisted"],
        ),
        rows=tuple(rows),
        in_coverage=tuple(False for _ in rows),
        notes=interview_notes(evidence, study),
        marks_column=None,
        sheet=words["iv.sheet"],
        group_columns=tuple(range(5, 5 + len(shown))),
        part_title=words["iv.per_group_part"],
        groups_title=words["iv.per_group"],
        text_columns=(0, 1, 2, 5 + len(shown)),
        row_header=0,
    )


def interview_notes(
    evidence: InterviewEvidence, study: Study, *, per_group: bool = True
) -> tuple[str, ...]:
    """How the counts are made, which groups are pooled or hidden, what has no evidence,
    and which groups were not interviewed yet (``needmap guide`` prepares that). Without
    ``per_group`` (the terminal's table, which leaves out the columns per group and of
    groups not listed), the marks are not explained, and the groups not listed are named
    in a note with their needs, since adding them is a step to take."""
    words = labels(study.settings.language)
    if not evidence.buckets:
        unread = unread_evidence(study.root, INTERVIEW_FOLDER)
        if unread:
            found = unread[0]
            return (words["iv.none.unread"].format(path=found.place, target=found.target),)
        return (words["iv.none"],)
    notes = [f"{words['iv.rule']} {words['iv.marks']}" if per_group else words["iv.rule"]]
    for bucket in evidence.buckets:
        if bucket.key != OTHER_GROUPS:
            continue
        names = ", ".join(study.group_by_id[g].name for g in bucket.groups)
        key = "iv.pooled" if bucket.shown else "iv.hidden"
        notes.append(words[key].format(n=evidence.min_size, groups=names))
    unlisted = [n for n in evidence.needs if n.unlisted]
    if unlisted and per_group:
        notes.append(words["iv.unlisted_note"])
    elif unlisted:
        group_names = {g.id: g.name for g in study.groups}
        needs = "; ".join(
            f"{study.need_by_id[n.need].title} ({', '.join(group_names[g] for g in n.unlisted)})"
            for n in unlisted
        )
        notes.append(words["iv.unlisted_list"].format(needs=needs))
    silent = sum(1 for n in evidence.needs if n.verdict == "none")
    if silent:
        key = number_key("iv.no_evidence", silent)
        notes.append(words[key].format(count=silent))
    heard = {g for b in evidence.buckets for g in b.groups}
    unheard = [g.name for g in study.groups if g.id not in heard]
    if unheard:
        notes.append(words["iv.not_interviewed"].format(groups=", ".join(unheard)))
    return tuple(notes)


@dataclass(frozen=True)
class QuoteView:
    need: str
    """The need's title."""
    quotes: tuple[tuple[str, str, str], ...]
    """Per quote: its text, the group (or "other groups") and the signal ("supports" or
    "questions", for styling)."""


def quote_views(evidence: InterviewEvidence, study: Study) -> tuple[QuoteView, ...]:
    """The quotes of each need the interviews speak of, in the table's order."""
    names = {b.key: bucket_name(b, study) for b in evidence.shown}
    return tuple(
        QuoteView(
            study.need_by_id[need.need].title,
            tuple((q.text, names[q.bucket], q.signal) for q in need.quotes),
        )
        for need in _with_evidence(evidence)
    )


def _title(study: Study) -> str:
    return labels(study.settings.language)["iv.title"].format(name=study.settings.name)


def interviews_summary(evidence: InterviewEvidence, study: Study) -> str:
    """'9 interviews with 23 people', in the study's language: those that may be shown.

    The small groups' interviews together below the minimum keep no figures (else the
    total would give them away), but are said to be there: "0 interviews with 0 people"
    after the first interview misled the consultant who held it."""
    language = study.settings.language
    words = labels(language)
    hidden = any(not bucket.shown for bucket in evidence.buckets)
    if hidden and not evidence.interviews:
        return words["iv.summary.none_shown"].format(n=evidence.min_size)
    summary = words["iv.summary"].format(
        interviews=counted(evidence.interviews, "interviews", language),
        participants=counted(evidence.participants, "people", language),
    )
    return (
        words["iv.summary.more_hidden"].format(summary=summary, n=evidence.min_size)
        if hidden
        else summary
    )


def render_interviews_page(
    evidence: InterviewEvidence, study: Study, *, chapter: str | None = None
) -> str:
    """The interview evidence as one offline HTML page: table, then the quotes per need.

    With ``chapter``, the same content as that chapter (section id) of the brief.
    """
    language = study.settings.language
    words = labels(language)
    table = build_interviews_table(evidence, study)
    return render_report(
        "interviews.html.j2",
        chapter,
        language=language,
        title=_title(study),
        organisation=study.settings.organisation,
        summary=interviews_summary(evidence, study),
        table=table,
        parts=print_parts(table),
        quotes=quote_views(evidence, study),
        quotes_title=words["iv.quotes"],
        supported=words["iv.verdict.supported"],
        signals={s: words[f"iv.signal.{s}"] for s in ("supports", "questions")},
    )


def interviews_to_markdown(evidence: InterviewEvidence, study: Study) -> str:
    words = labels(study.settings.language)
    lines = [
        f"# {markdown_cell(_title(study))}",
        "",
        f"{markdown_line(study.settings.organisation)} · {interviews_summary(evidence, study)}",
        "",
        ranking_to_markdown(build_interviews_table(evidence, study)),
    ]
    views = quote_views(evidence, study)
    if views:
        lines += [f"## {words['iv.quotes']}", ""]
    for view in views:
        lines += [f"### {markdown_cell(view.need)}", ""]
        for text, bucket, signal in view.quotes:
            lines.append(f"> {markdown_line(' '.join(text.split()))}  ")
            lines.append(f"> \u2014 {markdown_cell(bucket)}, {words[f'iv.signal.{signal}']}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def interviews_to_json(evidence: InterviewEvidence) -> dict[str, Any]:
    """The stable JSON of ``needmap interviews --json`` (docs/json-output.md)."""

    def need(n: NeedInterviews) -> dict[str, Any]:
        return {
            "id": n.need,
            "verdict": n.verdict,
            "supported": n.supported,
            "questioned": n.questioned,
            "supports": dict(n.supports),
            "questions": dict(n.questions),
            "unlisted_groups": list(n.unlisted),
            "quotes": [{"text": q.text, "bucket": q.bucket, "signal": q.signal} for q in n.quotes],
        }

    return {
        "min_group_size": evidence.min_size,
        "interviews": evidence.interviews,
        "participants": evidence.participants,
        "buckets": [
            {
                "key": b.key,
                "groups": list(b.groups),
                "shown": b.shown,
                **({"interviews": b.interviews, "participants": b.participants} if b.shown else {}),
            }
            for b in evidence.buckets
        ],
        "needs": [need(n) for n in evidence.needs if n.verdict != "none"],
        "needs_without_evidence": [n.need for n in evidence.needs if n.verdict == "none"],
    }


def write_interviews(evidence: InterviewEvidence, study: Study, path: Path) -> None:
    """Write the interview report as ``path``'s suffix asks: .html, .pdf, .md, .csv, .xlsx
    or .json."""
    renderers: Mapping[str, Callable[[InterviewEvidence], bytes]] = {
        ".html": lambda e: render_interviews_page(e, study).encode("utf-8"),
        ".pdf": lambda e: html_to_pdf(render_interviews_page(e, study)),
        ".md": lambda e: interviews_to_markdown(e, study).encode("utf-8"),
        ".csv": lambda e: csv_bytes(ranking_to_csv(build_interviews_table(e, study))),
        ".xlsx": lambda e: ranking_to_xlsx(build_interviews_table(e, study)),
        ".json": lambda e: json_bytes(interviews_to_json(e)),
    }
    write_in_format(
        renderers,
        evidence,
        path,
        "the interview report",
    )
