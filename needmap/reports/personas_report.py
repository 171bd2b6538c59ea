"""The persona report: every persona with its group, key needs and survey evidence, as an
offline HTML page, PDF, Markdown, JSON, or as tables for a workbook and CSV (the terminal
view in the CLI uses the same words).

The profiles are first put into words (:class:`PersonaView`), in the study's language, so
each format shows the same text. Free text is scrubbed of e-mail addresses, phone numbers
and the like (:func:`needmap.scrub.scrub`): persona quotes often come from interview notes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.model.analysis import analyse_overlap
from needmap.model.personas import (
    PersonaInterviews,
    PersonaProfile,
    PersonaSurvey,
    build_personas,
)
from needmap.personas.study import Study
from needmap.reports.i18n import Language, counted, format_count, format_percent, labels
from needmap.reports.interviews_report import heard, study_interviews
from needmap.reports.jinja import render_report
from needmap.reports.pdf import html_to_pdf
from needmap.reports.roadmap_report import study_toptasks
from needmap.reports.searches_report import search_count, search_figures, study_searches
from needmap.reports.sheet_cells import percent_cell
from needmap.reports.table_formats import (
    csv_bytes,
    json_bytes,
    markdown_cell,
    markdown_line,
    write_in_format,
)
from needmap.reports.toptasks_table import RankingTable, ranking_to_csv, ranking_to_xlsx
from needmap.scrub import scrub

__all__ = [
    "NeedRow",
    "PersonaView",
    "SurveyView",
    "build_persona_tables",
    "persona_profiles",
    "persona_views",
    "personas_summary",
    "personas_to_json",
    "personas_to_markdown",
    "render_personas_page",
    "write_personas",
]


def persona_profiles(study: Study, only: Sequence[str] | None = None) -> tuple[PersonaProfile, ...]:
    """The profiles of the study's personas (or of ``only``), with the platform advice over
    all groups, the evidence of every imported top-task survey, the interviews and the
    search logs."""
    return build_personas(
        study,
        analyse_overlap(study),
        study_toptasks(study),
        only,
        interviews=study_interviews(study),
        searches=study_searches(study),
    )


@dataclass(frozen=True)
class NeedRow:
    title: str
    kind: str
    importance: str
    importance_key: str
    """``must``, ``should``, ``could`` or ``none``: the style of the importance cell."""
    shared_by: str
    where: str
    when: str
    """The roadmap phase, or that it fits in none."""
    votes: tuple[str, ...]
    """Per survey: the group's share of votes for the need's tasks, ``n<5`` when the group
    is hidden, or a dash when no task serves the need; then, when the group's interviews are
    shown, their count (``✓2 ✗1``); then, when the study has search logs, the need's
    searches (``384 (gap)``)."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The cells before the evidence (:func:`_need_header` heads them)."""
        return (self.title, self.kind, self.importance, self.shared_by, self.where, self.when)


@dataclass(frozen=True)
class SurveyView:
    heading: str
    text: str
    tasks: tuple[tuple[str, str, float], ...]
    """The group's top tasks: label, share as text, share (for the bar)."""


@dataclass(frozen=True)
class InterviewsView:
    heading: str
    text: str
    quotes: tuple[tuple[str, str, str, str], ...]
    """Per quote: its text, the need's title, the signal in words and the signal key."""


@dataclass(frozen=True)
class PersonaView:
    id: str
    name: str
    role: str
    group: str
    about_group: str
    """The group's family and headcount, e.g. "Medewerkers · 120 mensen"."""
    summary: str
    quotes: tuple[str, ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]
    """(heading, items) for goals, frustrations, scenarios, devices and places; only the
    ones with items."""
    needs_title: str
    needs_header: tuple[str, ...]
    """Need, kind, importance, groups, where, when, then votes per survey (named by its id when
    there are several; each survey's title heads its evidence)."""
    needs: tuple[NeedRow, ...]
    surveys: tuple[SurveyView, ...]
    interviews: InterviewsView | None


_LISTS = ("p.goals", "p.frustrations", "p.scenarios", "p.devices", "p.places")
"""The headings of a persona's lists, in the order every format shows them."""
_NEED_COLUMNS = 6
"""The columns of a key-needs table before its evidence (:func:`_need_header`)."""


_NO_TASK = "\u2013"
"""An en dash: no task of the survey serves the need."""


def _text(text: str, study: Study) -> str:
    """Free text on one line, scrubbed, with the labels of the study's language; the
    personas' names, made up, and the organisation's stay."""
    return scrub(
        " ".join(text.split()),
        limit=None,
        language=study.settings.language,
        keep=study.own_names | study.persona_names,
    )


def persona_views(profiles: Sequence[PersonaProfile], study: Study) -> tuple[PersonaView, ...]:
    """The profiles in words, in the study's language."""
    return tuple(_view(p, study) for p in profiles)


def _view(profile: PersonaProfile, study: Study) -> PersonaView:
    language = study.settings.language
    groups = len(study.groups)
    words = labels(language)
    persona, group = profile.persona, profile.group
    own = profile.interviews if profile.interviews and profile.interviews.status == "own" else None
    searched = any(k.searches is not None for k in profile.key_needs)
    about = [profile.family.name] if profile.family else []
    if group.headcount:
        about.append(words["p.people"].format(count=format_count(group.headcount, language)))
    items = (
        persona.goals,
        persona.frustrations,
        persona.scenarios,
        persona.devices,
        persona.places,
    )
    lists = zip(_LISTS, items, strict=True)
    return PersonaView(
        id=persona.id,
        name=persona.name,
        role=_text(persona.role, study),
        group=group.name,
        about_group=" · ".join(about),
        summary=_text(persona.summary, study),
        quotes=tuple(_text(q, study) for q in persona.quotes),
        lists=tuple(
            (words[key], tuple(_text(item, study) for item in items))
            for key, items in lists
            if items
        ),
        needs_title=words["p.needs"],
        needs_header=(
            *_need_header(words),
            *(
                words["p.votes"].format(survey=s.survey)
                if len(profile.surveys) > 1
                else words["tt.votes"]
                for s in profile.surveys
            ),
            *((words["rm.interviews"],) if own else ()),
            *((words["rm.searches"],) if searched else ()),
        ),
        needs=tuple(
            NeedRow(
                title=k.need.title,
                kind=words[f"kind.{k.need.kind}"],
                importance=words[f"importance.{k.importance}"]
                if k.importance
                else words["p.not_listed"],
                importance_key=k.importance or "none",
                shared_by=words["p.shared_count"].format(count=k.shared_by, total=groups),
                where=words["placement.shared" if k.on_shared_platform else "placement.specific"],
                when=k.phase or words["rm.unplanned"],
                votes=(
                    *(_need_votes(s, k.need.id, language) for s in profile.surveys),
                    *((heard(*own.counts[k.need.id]),) if own else ()),
                    *((search_count(k.searches, language),) if k.searches else ()),
                ),
            )
            for k in profile.key_needs
        ),
        surveys=tuple(_survey_view(s, language) for s in profile.surveys),
        interviews=None
        if profile.interviews is None
        else _interviews_view(profile.interviews, study),
    )


def _need_header(words: Mapping[str, str]) -> tuple[str, ...]:
    """The headings of a key-needs table's first columns, before its evidence."""
    return (
        words["need"],
        words["kind"],
        words["p.importance"],
        words["p.shared_by"],
        words["p.where"],
        words["p.when"],
    )


def _interviews_view(interviews: PersonaInterviews, study: Study) -> InterviewsView:
    words = labels(study.settings.language)
    language = study.settings.language
    text = words[f"p.iv.{interviews.status}"].format(
        n=interviews.min_group_size,
        interviews=counted(interviews.interviews, "interviews", language),
        participants=counted(interviews.participants, "people", language),
    )
    return InterviewsView(
        words["p.interviews"],
        text,
        tuple(
            (text, study.need_by_id[need].title, words[f"iv.signal.{signal}"], signal)
            for need, text, signal in interviews.quotes
        ),
    )


def _need_votes(survey: PersonaSurvey, need: str, language: Language) -> str:
    if survey.suppressed:
        return labels(language)["tt.suppressed"].format(n=survey.min_group_size)
    share = survey.need_shares.get(need)
    return _NO_TASK if share is None else percent_cell(share, language)


def _survey_view(survey: PersonaSurvey, language: Language) -> SurveyView:
    words = labels(language)
    heading = survey.title
    if survey.suppressed:
        return SurveyView(heading, words["p.hidden"].format(n=survey.min_group_size), ())
    if not survey.respondents:
        return SurveyView(heading, words["p.no_respondents"], ())
    return SurveyView(
        heading,
        words["p.respondents_together" if survey.together else "p.respondents"].format(
            count=format_count(survey.respondents, language), groups=survey.together
        ),
        tuple((label, format_percent(share, language), share) for label, share in survey.top_tasks),
    )


def _title(study: Study) -> str:
    return f"{labels(study.settings.language)['p.title']}: {study.settings.name}"


def personas_summary(profiles: Sequence[PersonaProfile], language: Language) -> str:
    """'6 personas of 5 target groups', in the study's language."""
    words = labels(language)
    if len(profiles) == 1:
        return words["p.summary.one"]
    groups = len({p.group.id for p in profiles})
    return words["p.summary"].format(
        count=len(profiles), groups=counted(groups, "groups", language)
    )


def render_personas_page(
    profiles: Sequence[PersonaProfile], study: Study, *, chapter: str | None = None
) -> str:
    """The persona report as one offline HTML page, a persona per printed page.

    With ``chapter``, the same content as that chapter (section id) of the brief.
    """
    language = study.settings.language
    return render_report(
        "personas.html.j2",
        chapter,
        language=language,
        title=_title(study),
        organisation=study.settings.organisation,
        summary=personas_summary(profiles, language),
        personas=persona_views(profiles, study),
        hints=_hints(profiles, language),
    )


def personas_to_markdown(profiles: Sequence[PersonaProfile], study: Study) -> str:
    language = study.settings.language
    lines = [
        f"# {markdown_cell(_title(study))}",
        "",
        f"{markdown_line(study.settings.organisation)} · {personas_summary(profiles, language)}",
        "",
    ]
    for view in persona_views(profiles, study):
        lines += [f"## {markdown_cell(view.name)}: {markdown_cell(view.role)}", ""]
        lines += [
            f"**{markdown_cell(view.group)}**"
            + (f" · {markdown_cell(view.about_group)}" if view.about_group else ""),
            "",
        ]
        if view.summary:
            lines += [markdown_line(view.summary), ""]
        for quote in view.quotes:
            lines += [f"> {markdown_line(quote)}", ""]
        for heading, items in view.lists:
            lines += [f"**{heading}**", "", *(f"- {markdown_line(item)}" for item in items), ""]
        if view.needs:
            lines += [f"### {view.needs_title}", ""]
            lines.append("| " + " | ".join(map(markdown_cell, view.needs_header)) + " |")
            numbers = len(view.needs_header) - _NEED_COLUMNS
            lines.append("|" + "|".join([" --- "] * _NEED_COLUMNS + [" ---: "] * numbers) + "|")
            for row in view.needs:
                cells = [*row.columns, *row.votes]
                lines.append("| " + " | ".join(map(markdown_cell, cells)) + " |")
            lines.append("")
        for survey in view.surveys:
            lines += [f"### {markdown_cell(survey.heading)}", "", survey.text, ""]
            lines += [
                f"{i}. {markdown_line(label)}: {pct}"
                for i, (label, pct, _) in enumerate(survey.tasks, 1)
            ]
            if survey.tasks:
                lines.append("")
        if view.interviews is not None:
            lines += [f"### {view.interviews.heading}", "", view.interviews.text, ""]
            for text, need, signal, _ in view.interviews.quotes:
                lines += [
                    f"> {markdown_line(text)}  ",
                    f"> \u2014 {markdown_cell(need)}, {signal}",
                    "",
                ]
    for hint in _hints(profiles, language):
        lines += [f"_{hint}_", ""]
    return "\n".join(lines)


def build_persona_tables(
    profiles: Sequence[PersonaProfile], study: Study
) -> tuple[RankingTable, RankingTable]:
    """The report as two tables, for a workbook and CSV: a row per persona, with each list
    an item per line; and a row per key need of each persona, with every evidence column
    that any persona's key-needs table has (empty where its own has none)."""
    language = study.settings.language
    words = labels(language)
    views = persona_views(profiles, study)
    lists = [words[key] for key in _LISTS]
    people = RankingTable(
        language=language,
        title=_title(study),
        header=(
            words["p.persona"],
            words["p.role"],
            words["p.group"],
            words["p.about"],
            words["p.summary_col"],
            *lists,
            words["p.quotes"],
            words["p.needs"],
        ),
        rows=tuple(
            (
                view.name,
                view.role,
                view.group,
                view.about_group,
                view.summary,
                *("\n".join(dict(view.lists).get(heading, ())) for heading in lists),
                "\n".join(view.quotes),
                "\n".join(row.title for row in view.needs),
            )
            for view in views
        ),
        in_coverage=tuple(False for _ in views),
        notes=(),
        marks_column=None,
        sheet=words["p.title"],
        text_columns=tuple(range(7 + len(lists))),
    )
    evidence = list(dict.fromkeys(h for view in views for h in view.needs_header[_NEED_COLUMNS:]))
    needs = tuple(
        (
            view.name,
            view.group,
            *row.columns,
            *(
                dict(zip(view.needs_header[_NEED_COLUMNS:], row.votes, strict=True)).get(h, "")
                for h in evidence
            ),
        )
        for view in views
        for row in view.needs
    )
    key_needs = RankingTable(
        language=language,
        title=f"{words['p.needs']}: {study.settings.name}",
        header=(
            words["p.persona"],
            words["p.group"],
            *_need_header(words),
            *evidence,
        ),
        rows=needs,
        in_coverage=tuple(False for _ in needs),
        notes=tuple(_hints(profiles, language)),
        marks_column=None,
        sheet=words["p.needs_sheet"],
        text_columns=tuple(range(2 + _NEED_COLUMNS)),
    )
    return people, key_needs


def _hints(profiles: Sequence[PersonaProfile], language: Language) -> list[str]:
    """What the evidence columns of the key-needs tables mean, for those that appear."""
    words = labels(language)
    searched = any(k.searches is not None for p in profiles for k in p.key_needs)
    return [
        *((words["p.share_hint"],) if any(p.surveys for p in profiles) else ()),
        *((words["p.searches_hint"],) if searched else ()),
    ]


def personas_to_json(profiles: Sequence[PersonaProfile], study: Study) -> dict[str, Any]:
    """The stable JSON shape (docs/json-output.md); free text scrubbed as in the reports, in
    the study's language."""
    return {
        "personas": [
            {
                "id": p.persona.id,
                "name": p.persona.name,
                "group": p.group.id,
                "role": _text(p.persona.role, study),
                "summary": _text(p.persona.summary, study),
                "goals": [_text(t, study) for t in p.persona.goals],
                "frustrations": [_text(t, study) for t in p.persona.frustrations],
                "scenarios": [_text(t, study) for t in p.persona.scenarios],
                "devices": [_text(t, study) for t in p.persona.devices],
                "places": [_text(t, study) for t in p.persona.places],
                "quotes": [_text(t, study) for t in p.persona.quotes],
                "needs": [
                    {
                        "id": k.need.id,
                        "title": k.need.title,
                        "kind": k.need.kind,
                        "importance": k.importance,
                        "shared_by": k.shared_by,
                        "placement": "shared" if k.on_shared_platform else "specific",
                        "phase": k.phase,
                        "searches": None if k.searches is None else search_figures(k.searches),
                    }
                    for k in p.key_needs
                ],
                "surveys": [_survey_json(s) for s in p.surveys],
                "interviews": None if p.interviews is None else _interviews_json(p.interviews),
            }
            for p in profiles
        ]
    }


def _survey_json(survey: PersonaSurvey) -> dict[str, Any]:
    return {
        "survey": survey.survey,
        "title": survey.title,
        "suppressed": survey.suppressed,
        "respondents": None if survey.suppressed else survey.respondents,
        "together": survey.together or None,
        "top_tasks": [{"label": label, "share": round(s, 4)} for label, s in survey.top_tasks],
        "need_shares": {need: round(s, 4) for need, s in survey.need_shares.items()},
    }


def _interviews_json(interviews: PersonaInterviews) -> dict[str, Any]:
    own = interviews.status == "own"
    return {
        "status": interviews.status,
        "interviews": interviews.interviews if own else None,
        "participants": interviews.participants if own else None,
        "needs": {
            need: {"supported": s, "questioned": q} for need, (s, q) in interviews.counts.items()
        },
        "quotes": [
            {"need": need, "text": text, "signal": signal}
            for need, text, signal in interviews.quotes
        ],
    }


def write_personas(profiles: Sequence[PersonaProfile], study: Study, path: Path) -> None:
    """Write the report as HTML, PDF, Markdown, JSON, CSV (the key needs of every persona)
    or XLSX (a sheet of personas and one of their key needs), as ``path``'s suffix says."""
    renderers: dict[str, Callable[[Sequence[PersonaProfile]], bytes]] = {
        ".html": lambda p: render_personas_page(p, study).encode("utf-8"),
        ".pdf": lambda p: html_to_pdf(render_personas_page(p, study)),
        ".md": lambda p: personas_to_markdown(p, study).encode("utf-8"),
        ".csv": lambda p: csv_bytes(ranking_to_csv(build_persona_tables(p, study)[1])),
        ".xlsx": lambda p: ranking_to_xlsx(*build_persona_tables(p, study)),
        ".json": lambda p: json_bytes(personas_to_json(p, study)),
    }
    write_in_format(renderers, profiles, path, "the persona report")
