"""One need, explained: who needs it, where the roadmap puts it and why, and every piece of
evidence for it, in one place.

The steering group asks "why is this need first?" (DESIGN.md). The roadmap table answers it
in one row of numbers; this report answers it in sentences: the groups and their
importance, the score and its parts, what raised its priority, what it waits for, the survey
tasks that serve it and their votes, the interviews that support or question it with their
quotes, its searches, and the personas for whom it is a key need. Every privacy rule of the
reports it draws on holds: interviews come from shown groups only, quotes and search terms
are the ones those reports may show, and survey figures are for all respondents, never for
one group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from needmap.errors import UsageError
from needmap.model.analysis import OverlapAnalysis, analyse_overlap
from needmap.model.interviews import NeedInterviews
from needmap.model.overlap import Region
from needmap.model.roadmap import Roadmap, ScoredNeed, plan_roadmap
from needmap.model.searches import NeedSearches, SearchEvidence
from needmap.model.toptasks import NeedEvidence, TopTasks
from needmap.personas.messages import name_hint
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.reports.i18n import (
    Language,
    counted,
    format_count,
    format_decimal,
    format_percent,
    format_points,
    labels,
    number_key,
    sentence_start,
)
from needmap.reports.interviews_report import bucket_name, study_interviews
from needmap.reports.jinja import render_report
from needmap.reports.pdf import page_bytes
from needmap.reports.roadmap_report import SCORE_PLACES, need_titles, passed_over_json
from needmap.reports.searches_report import (
    searches_apart,
    searches_apart_json,
    study_searches,
    terms_counted,
)
from needmap.reports.sheet_cells import points_cell, shown_change, unbroken
from needmap.reports.survey_runs import study_runs
from needmap.reports.table_formats import (
    json_bytes,
    json_share,
    markdown_cell,
    markdown_line,
    write_in_format,
)
from needmap.shell import command_word

__all__ = [
    "NeedStory",
    "StoryView",
    "first_phase_stories",
    "need_story",
    "render_why_page",
    "why_sections",
    "why_to_json",
    "why_to_markdown",
    "write_why",
]

QUOTES_SHOWN = 3
TERMS_SHOWN = 5


@dataclass(frozen=True)
class NeedStory:
    """Everything the study knows about one need, computed as the reports compute it."""

    study: Study
    need: Need
    analysis: OverlapAnalysis
    """The overlap of all groups and its platform advice."""
    roadmap: Roadmap
    surveys: tuple[TopTasks, ...]
    repeated: Mapping[str, TopTasks] = field(default_factory=dict)
    """Each survey's id -> the run it repeats, where that one is imported: what the
    need's votes were before."""
    every_run: Mapping[str, tuple[TopTasks, ...]] = field(default_factory=dict)
    """Each survey's id -> every run of it, oldest first, where three or more are
    imported (:attr:`~needmap.reports.survey_runs.SurveyRuns.every_run`)."""

    @property
    def scored(self) -> ScoredNeed:
        return next(s for s in self.roadmap.needs if s.need.id == self.need.id)

    @property
    def rank(self) -> int:
        """The need's place in plan order (1 = first)."""
        return [s.need.id for s in self.roadmap.needs].index(self.need.id) + 1

    @property
    def phase(self) -> str | None:
        """The name of the phase it is planned in; None when it fits in no phase."""
        return next(
            (
                p.phase.name
                for p in self.roadmap.phases
                if any(s.need.id == self.need.id for s in p.needs)
            ),
            None,
        )

    @property
    def region(self) -> Region | None:
        """Its region in the overlap of all groups; None when no group needs it."""
        return next((r for r in self.analysis.overlap.regions if self.need.id in r.needs), None)

    @property
    def interviews(self) -> NeedInterviews | None:
        evidence = self.roadmap.interviews
        if evidence is None or not evidence.shown:
            return None
        return evidence.for_need(self.need.id)

    @property
    def search_logs(self) -> SearchEvidence | None:
        """The study's search-log evidence; None where it has no logs."""
        evidence = self.roadmap.searches
        return evidence if evidence is not None and evidence.logs else None

    def votes(self, survey: TopTasks) -> NeedEvidence | None:
        """The survey's votes for the tasks that serve the need; None when no task does."""
        return next((e for e in survey.needs if e.need == self.need.id), None)

    @property
    def personas(self) -> tuple[str, ...]:
        """Names of the personas for whom it is a key need."""
        return tuple(p.name for p in self.study.personas if self.need.id in p.needs)


def need_story(study: Study, need_id: str) -> NeedStory:
    """The story of the need with id (or, ignoring case, title) ``need_id``; a need the
    study does not have is a usage error (exit 2)."""
    need = study.need_named(need_id)
    if need is None:
        listed = f"needmap needs list {command_word(study.root)} shows them"
        other = next(
            (
                kind
                for kind, named in (("group", study.group_named), ("persona", study.persona_named))
                if named(need_id) is not None
            ),
            None,
        )
        raise UsageError.single(
            f"the study has no need '{need_id}'",
            path=study.root,
            hint=f"'{need_id}' is a {other}; name a need, by its id or title ({listed})"
            if other
            else name_hint(need_id, {n.id: n.title for n in study.needs})
            or f"use a need's id or its title; {listed}",
        )
    analysis = analyse_overlap(study)
    runs = study_runs(study)
    roadmap = plan_roadmap(
        study, analysis.overlap, runs.latest, study_interviews(study), study_searches(study)
    )
    return NeedStory(study, need, analysis, roadmap, runs.latest, runs.repeated, runs.every_run)


def why_sections(story: NeedStory) -> list[tuple[str, list[str]]]:
    """(heading, lines) in the study's language: the heading line first, with no lines."""
    study, need = story.study, story.need
    language = study.settings.language
    words = labels(language)
    sections: list[tuple[str, list[str]]] = [
        (_heading(story, language), [need.description] if need.description else []),
        (words["why.groups"], _groups(story, language)),
        (words["why.roadmap"], _roadmap(story, language)),
        (words["why.evidence"], _evidence(story, language)),
    ]
    if story.personas:
        sections.append((words["why.personas"], [", ".join(story.personas)]))
    return sections


def _heading(story: NeedStory, language: Language) -> str:
    words = labels(language)
    scored = story.scored
    size = scored.effort.upper() if scored.effort_known else "?"
    points = format_points(scored.points, language)
    return (
        f"{story.need.title} ({story.need.id}) · {words[f'kind.{story.need.kind}']} · "
        f"{words['rm.effort'].lower()} {size} ({points})"
    )


def _groups(story: NeedStory, language: Language) -> list[str]:
    words = labels(language)
    study, need = story.study, story.need
    lines = []
    for level in ("must", "should", "could"):
        named = [
            group.name
            + (
                f" ({format_count(group.headcount, language)} {words['people']})"
                if group.headcount
                else ""
            )
            for group in study.groups
            if need.groups.get(group.id) == level
        ]
        if named:
            said = words[f"importance.{level}"]
            lines.append(f"{sentence_start(said)}: {'; '.join(named)}")
    region = story.region
    if region is None:
        return [words["why.no_groups"]]
    shared = need.id in story.analysis.advice.shared_needs
    lines.append(
        words[number_key("why.shared", len(study.groups))].format(
            count=len(need.groups),
            groups=len(study.groups),
            share=format_percent(story.scored.demand_share, language),
            region=region.code,
            placement=words["placement.shared" if shared else "placement.specific"],
        )
    )
    return lines


def _roadmap(story: NeedStory, language: Language) -> list[str]:
    words = labels(language)
    study, scored = story.study, story.scored
    where = story.phase or words["rm.unplanned"]
    lines = [
        words["why.place"].format(
            phase=where,
            rank=format_count(story.rank, language),
            needs=format_count(len(story.roadmap.needs), language),
        ),
        *(
            [words["why.decided"].format(phase=where, id=story.need.phase)]
            if scored.decided
            else []
        ),
        words["why.score"].format(
            score=format_decimal(scored.score, language, SCORE_PLACES),
            demand=format_percent(scored.demand_share, language, SCORE_PLACES),
            factor=format_decimal(scored.evidence_factor, language, SCORE_PLACES),
            points=format_points(scored.points, language),
        ),
    ]
    if full := _too_full(story, language):
        lines.append(full)
    if scored.due_for:
        lines.append(
            words["why.due"].format(
                phase=_due_phase(story), needs=need_titles(scored.due_for, study)
            )
        )
    if scored.needed_by:
        lines.append(
            words["why.raised"].format(
                priority=format_decimal(scored.priority, language, SCORE_PLACES),
                needs=need_titles(scored.needed_by, study),
            )
        )
    if story.need.depends_on:
        lines.append(words["why.after"].format(needs=need_titles(story.need.depends_on, study)))
    return lines


def _too_full(story: NeedStory, language: Language) -> str | None:
    """Why the need is in no earlier phase, or in none: the phases it could have gone into
    had too little room left when its turn came, each with what it had left."""
    passed = story.roadmap.passed_over.get(story.need.id)
    if not passed:
        return None
    words = labels(language)
    names = {plan.phase.id: plan.phase.name for plan in story.roadmap.phases}
    rooms = "; ".join(
        words["why.room_none"].format(phase=names[full.phase])
        if full.room < 1e-9
        else words[number_key("why.room_left", 1 if full.room == 1 else 2)].format(
            phase=names[full.phase], points=format_points(full.room, language)
        )
        for full in passed
    )
    key = "why.full" if story.phase is not None else "why.full_unplanned"
    return words[key].format(rooms=rooms, points=format_points(story.scored.points, language))


def _due_phase(story: NeedStory) -> str:
    """The name of the earliest phase decided for a need that depends on the story's."""
    phases = [plan.phase for plan in story.roadmap.phases]
    decided = {story.study.need_by_id[d].phase for d in story.scored.due_for}
    return next(p.name for p in phases if p.id in decided)


def _evidence(story: NeedStory, language: Language) -> list[str]:
    words = labels(language)
    lines = []
    for survey in story.surveys:
        votes = story.votes(survey)
        if votes is None:
            lines.append(words["why.no_task"].format(survey=survey.title))
            continue
        labels_of = {t.id: t.label for t in survey.tasks}
        share = format_percent(votes.share, language)
        if votes.weighted_share is not None:
            share += words["why.weighted"].format(
                share=format_percent(votes.weighted_share, language)
            )
        lines.append(
            words["why.votes"].format(
                survey=survey.title,
                tasks="; ".join(labels_of.get(t, t) for t in votes.tasks),
                votes=counted(votes.votes, "votes", language),
                share=share,
            )
        )
        since = _since_line(story, survey, language)
        if since is not None:
            lines.append(since)
        every = _every_run_line(story, survey, language)
        if every is not None:
            lines.append(every)
    if not story.surveys:
        lines.append(words["why.no_surveys"])
    lines += _interviews(story, language)
    lines += _searches(story, language)
    return lines


def _interviews(story: NeedStory, language: Language) -> list[str]:
    words = labels(language)
    heard = story.interviews
    evidence = story.roadmap.interviews
    if heard is None or evidence is None:
        return [words["why.no_interviews"]]
    if not heard.supported and not heard.questioned:
        return [words["why.not_heard"]]
    lines = [words["why.heard"].format(supported=heard.supported, questioned=heard.questioned)]
    names = {b.key: bucket_name(b, story.study) for b in evidence.shown}
    for quote in heard.quotes[:QUOTES_SHOWN]:
        signal = words[f"iv.signal.{quote.signal}"]
        lines.append(f"\u201c{quote.text}\u201d ({names[quote.bucket]}, {signal})")
    if len(heard.quotes) > QUOTES_SHOWN:
        more = len(heard.quotes) - QUOTES_SHOWN
        key = number_key("why.more_quotes", more)
        lines.append(words[key].format(count=more))
    return lines


def _searches(story: NeedStory, language: Language) -> list[str]:
    words = labels(language)
    evidence = story.search_logs
    if evidence is None:
        return [words["why.no_searches"]]
    sought = evidence.for_need(story.need.id)
    if not sought.searches:
        return [words["why.not_searched"]]
    searches = format_count(sought.searches, language)
    if sought.no_results is None:
        text = words["why.searched_untold"].format(searches=searches)
    else:
        key = "why.searched" if sought.searches_told == sought.searches else "why.searched_part"
        text = words[key].format(
            searches=searches,
            none=format_count(sought.no_results, language),
            told=format_count(sought.searches_told, language),
        )
    if sought.gap:
        text += " " + words["why.gap"]
    lines = [text]
    apart = searches_apart(evidence, sought, language)
    if apart:
        key = "why.per_export" if len(evidence.logs) == 1 else "why.per_log"
        counts = ", ".join(f"{heading} {format_count(n, language)}" for heading, n in apart)
        lines.append(words[key].format(counts=counts))
    if sought.terms:
        terms = ", ".join(terms_counted(sought.terms[:TERMS_SHOWN], language))
        lines.append(words["why.terms"].format(terms=terms))
    return lines


def why_to_markdown(story: NeedStory) -> str:
    """The story as Markdown: the heading line as the title, a section per part."""
    sections = why_sections(story)
    (title, intro), rest = sections[0], sections[1:]
    lines = [f"# {markdown_cell(title)}", ""]
    if intro:
        lines += [markdown_cell(intro[0]), ""]
    for heading, items in rest:
        lines += [f"## {markdown_cell(heading)}", ""]
        lines += [f"- {markdown_line(item)}" for item in items]
        lines.append("")
    return "\n".join(lines)


def why_to_json(story: NeedStory) -> dict[str, Any]:
    """The stable JSON of ``needmap why --json`` (docs/json-output.md)."""
    scored, need = story.scored, story.need
    heard, logs = story.interviews, story.search_logs
    region = story.region
    return {
        "id": need.id,
        "title": need.title,
        "kind": need.kind,
        "groups": dict(need.groups),
        "region": None if region is None else region.code,
        "placement": "shared" if need.id in story.analysis.advice.shared_needs else "specific",
        "phase": story.phase,
        "rank": story.rank,
        "score": round(scored.score, 4),
        "priority": round(scored.priority, 4),
        "demand_share": round(scored.demand_share, 4),
        "evidence_factor": round(scored.evidence_factor, 4),
        "points": scored.points,
        "depends_on": list(need.depends_on),
        "needed_by": list(scored.needed_by),
        "decided": scored.decided,
        "due_for": list(scored.due_for),
        "passed_over": passed_over_json(story.roadmap, need.id),
        "surveys": [_survey_json(story, s) for s in story.surveys],
        "interviews": None
        if heard is None
        else {
            "supported": heard.supported,
            "questioned": heard.questioned,
            "quotes": [{"text": q.text, "signal": q.signal} for q in heard.quotes],
        },
        "searches": None if logs is None else _searches_json(logs, logs.for_need(need.id)),
        "personas": list(story.personas),
    }


def _searches_json(evidence: SearchEvidence, sought: NeedSearches) -> dict[str, Any]:
    return {
        "searches": sought.searches,
        "no_results": sought.no_results,
        "searches_told": sought.searches_told,
        "gap": sought.gap,
        **searches_apart_json(evidence, sought),
        "terms": [t.text for t in sought.terms],
    }


def _before(story: NeedStory, survey: TopTasks) -> tuple[TopTasks, NeedEvidence] | None:
    """The run ``survey`` repeats and its votes for the need; None where no earlier run
    is imported, or no task of it served the need."""
    before = story.repeated.get(survey.survey)
    then = None if before is None else story.votes(before)
    return None if before is None or then is None else (before, then)


def _since_line(story: NeedStory, survey: TopTasks, language: Language) -> str | None:
    """How the need's share of all votes moved since the run ``survey`` repeats, in the
    measure both runs have (weighted where both are, as their comparison is). Only where
    the same tasks serve it in both: a share of other tasks would show a change that is
    the task list's."""
    words = labels(language)
    before, now = _before(story, survey), story.votes(survey)
    if before is None or now is None:
        return None
    run, then = before
    if set(then.tasks) != set(now.tasks):
        return words["why.since.other_tasks"].format(before=run.title)
    both = now.weighted_share is not None and then.weighted_share is not None
    shares = (then.weighted_share, now.weighted_share) if both else (then.share, now.share)
    old, new = (share or 0.0 for share in shares)
    return words["why.since"].format(
        before=run.title,
        then=format_percent(old, language),
        now=format_percent(new, language),
        change=unbroken(points_cell(shown_change(new, old) or 0.0, language)),
    )


def _every_run(story: NeedStory, survey: TopTasks) -> list[tuple[TopTasks, NeedEvidence]]:
    """Every run of ``survey`` with its votes for the need, oldest first, where three or
    more are imported and the same tasks serve the need in each; else none (the line
    since the run before says where the tasks differ)."""
    runs = story.every_run.get(survey.survey, ())
    votes = [story.votes(run) for run in runs]
    found = [(run, then) for run, then in zip(runs, votes, strict=True) if then is not None]
    if len(found) < len(runs) or len({frozenset(then.tasks) for _, then in found}) != 1:
        return []
    return found


def _every_run_line(story: NeedStory, survey: TopTasks, language: Language) -> str | None:
    """The need's share of all votes in every run of ``survey``, oldest first, and its
    change since the first: a share that rose and fell back looks unmoved since the run
    before. In the measure all runs have (weighted where all are, as their trend is)."""
    found = _every_run(story, survey)
    if not found:
        return None
    weighted = all(then.weighted_share is not None for _, then in found)
    shares = [(then.weighted_share if weighted else then.share) or 0.0 for _, then in found]
    return labels(language)["why.every_run"].format(
        count=len(shares),
        shares=", ".join(format_percent(share, language) for share in shares),
        first=found[0][0].title,
        change=unbroken(points_cell(shown_change(shares[-1], shares[0]) or 0.0, language)),
    )


def _survey_json(story: NeedStory, survey: TopTasks) -> dict[str, Any]:
    votes = story.votes(survey)
    before = _before(story, survey)
    return {
        "survey": survey.survey,
        "tasks": list(votes.tasks) if votes else [],
        "votes": votes.votes if votes else 0,
        "share": round(votes.share, 4) if votes else None,
        "weighted_share": (
            round(votes.weighted_share, 4) if votes and votes.weighted_share is not None else None
        ),
        "since": None
        if before is None
        else {
            "survey": before[0].survey,
            "tasks": list(before[1].tasks),
            "votes": before[1].votes,
            "share": json_share(before[1].share),
            "weighted_share": json_share(before[1].weighted_share),
        },
        "every_run": [
            {
                "survey": run.survey,
                "votes": then.votes,
                "share": json_share(then.share),
                "weighted_share": json_share(then.weighted_share),
            }
            for run, then in _every_run(story, survey)
        ]
        or None,
    }


def write_why(story: NeedStory, path: Path) -> None:
    """Write the story as ``path``'s suffix asks: .html or .pdf (a page), .md or .json."""
    renderers: Mapping[str, Callable[[NeedStory], bytes]] = {
        ".html": lambda s: page_bytes(render_why_page([s], s.study, single=True), ".html"),
        ".pdf": lambda s: page_bytes(render_why_page([s], s.study, single=True), ".pdf"),
        ".md": lambda s: why_to_markdown(s).encode("utf-8"),
        ".json": lambda s: json_bytes(why_to_json(s)),
    }
    write_in_format(renderers, story, path, "the need's story")


@dataclass(frozen=True)
class StoryView:
    title: str
    intro: tuple[str, ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...]


def first_phase_stories(
    study: Study,
    analysis: OverlapAnalysis,
    roadmap: Roadmap,
    surveys: Sequence[TopTasks],
    repeated: Mapping[str, TopTasks],
    every_run: Mapping[str, tuple[TopTasks, ...]],
) -> tuple[NeedStory, ...]:
    """The stories of the needs in the roadmap's first phase (:meth:`Roadmap.first_phase`):
    what a steering group asks about first. ``repeated`` and ``every_run``: as
    :class:`NeedStory` has them."""
    first = roadmap.first_phase()
    if first is None:
        return ()
    return tuple(
        NeedStory(study, scored.need, analysis, roadmap, tuple(surveys), repeated, every_run)
        for scored in first.needs
    )


def render_why_page(
    stories: Sequence[NeedStory],
    study: Study,
    *,
    chapter: str | None = None,
    single: bool = False,
) -> str:
    """The stories as one page: a short article per need, its parts side by side.

    By default the page presents the needs of the roadmap's first phase (as the brief
    does); ``single`` presents one need on its own, as ``needmap why --out`` writes it.
    With ``chapter``, the same content as that chapter (section id) of the brief.
    """
    words = labels(study.settings.language)
    views = []
    for story in stories:
        (title, intro), *parts = why_sections(story)
        views.append(StoryView(title, tuple(intro), tuple((h, tuple(lines)) for h, lines in parts)))
    page_title = title = words["why.first_title"]
    if single:
        title = words["why.one_title"]
        page_title = f"{title}: {stories[0].need.title}"
        summary = study.settings.name
    else:
        plan = stories[0].roadmap.first_phase() if stories else None
        first = plan.phase.name if plan is not None else ""
        key = number_key("why.first_summary", len(stories))
        summary = words[key].format(phase=first, count=len(stories))
    return render_report(
        "why.html.j2",
        chapter,
        language=study.settings.language,
        title=title,
        page_title=page_title,
        organisation=study.settings.organisation,
        summary=summary,
        stories=views,
        orientation="portrait" if single else "landscape",
    )
