"""Persona profiles: each persona with its group, its key needs and the survey evidence.

A persona is written by the consultant; this module adds what the rest of the study knows
about it, so that a reader of the persona report can see why these needs matter: how
important each need is to the persona's group, how many groups share it, where the
platform advice places it and in which roadmap phase it comes, and what the group's
respondents chose in each top-task survey.

*Privacy.* Survey evidence is taken from the group breakdowns of
:func:`~needmap.model.toptasks.analyse_toptasks`, so a group hidden there (fewer respondents
than the study's minimum, or hidden so that a small one cannot be worked out) is hidden here
too: the profile says so and shows no figures of it. Interview evidence is shown only for
a group that is a bucket of its own in :mod:`needmap.model.interviews`; for a pooled or
hidden group the profile says only that. Search logs have no groups: a key need's searches
are the whole organisation's, as in :mod:`needmap.model.searches`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from needmap.errors import Location, Problem, UsageError
from needmap.model.analysis import OverlapAnalysis
from needmap.model.interviews import OTHER_GROUPS, InterviewEvidence
from needmap.model.roadmap import plan_roadmap
from needmap.model.searches import NeedSearches, SearchEvidence
from needmap.model.toptasks import TopTasks
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import Family, Importance, Need, Persona, TargetGroup
from needmap.personas.study import Study

__all__ = ["KeyNeed", "PersonaInterviews", "PersonaProfile", "PersonaSurvey", "build_personas"]

QUOTES_PER_PERSONA = 3
"""At most this many interview quotes per persona: the report is one printed page each."""


@dataclass(frozen=True, slots=True)
class KeyNeed:
    need: Need
    importance: Importance | None
    """How much the persona's group needs it; None when the need does not list the group
    (``validate`` warns about that)."""
    shared_by: int
    """Number of target groups the need matters to."""
    on_shared_platform: bool
    """Whether the platform advice places the need on the shared platform (else in a
    group-specific tool or channel)."""
    phase: str | None
    """The name of the roadmap phase it is planned in; None when it fits in no phase."""
    searches: NeedSearches | None = None
    """Its searches in the study's search logs (by everyone: logs have no groups); None when
    the study has no search logs."""


@dataclass(frozen=True, slots=True)
class PersonaSurvey:
    """What the persona's group chose in one top-task survey."""

    survey: str
    title: str
    suppressed: bool
    """The group is hidden in this survey's results: no figures below are filled in."""
    respondents: int
    """The group's respondents; 0 when suppressed or when nobody of the group answered
    (the survey asked the group, but no one of it took part)."""
    min_group_size: int
    top_tasks: tuple[tuple[str, float], ...]
    """The group's most chosen tasks: (label, share of the group's votes), largest first."""
    need_shares: Mapping[str, float]
    """Key need id -> the group's share of votes for the tasks that map to the need; only
    needs that tasks map to."""
    together: str = ""
    """The names of the groups whose respondents these are, when one answer of the survey
    covered the persona's group and others ("Nurses + Carers"); empty for the group's own."""


@dataclass(frozen=True, slots=True)
class PersonaInterviews:
    """What the interviews with the persona's group say about its key needs."""

    status: Literal["own", "pooled", "hidden", "none"]
    """``own``: the group is shown on its own, with the figures below; ``pooled``: counted
    with other small groups; ``hidden``: too few even together; ``none``: not interviewed.
    Only ``own`` has figures and quotes."""
    interviews: int
    participants: int
    min_group_size: int
    counts: Mapping[str, tuple[int, int]]
    """Key need id -> interviews of the group that support it, and that question it."""
    quotes: tuple[tuple[str, str, str], ...]
    """(need id, text, "supports" or "questions"): the group's quotes on its key needs, in
    the order of the key needs, each text once, at most ``QUOTES_PER_PERSONA``."""


@dataclass(frozen=True, slots=True)
class PersonaProfile:
    persona: Persona
    group: TargetGroup
    family: Family | None
    key_needs: tuple[KeyNeed, ...]
    """The persona's needs, in the order the persona lists them."""
    surveys: tuple[PersonaSurvey, ...]
    """The surveys that asked the persona's group (whose mapping has an answer for it)."""
    interviews: PersonaInterviews | None = None
    """None when the study has no interviews."""


def build_personas(
    study: Study,
    analysis: OverlapAnalysis,
    surveys: Sequence[TopTasks] = (),
    only: Sequence[str] | None = None,
    top: int = 5,
    interviews: InterviewEvidence | None = None,
    searches: SearchEvidence | None = None,
) -> tuple[PersonaProfile, ...]:
    """A profile per persona (or per id or name in ``only``, in that order), in definition
    order.

    ``analysis`` is the overlap over all groups (its platform advice places the needs, and
    the roadmap planned from it and ``surveys`` says when); ``surveys`` are the analysed
    top-task surveys whose evidence the profiles show; ``top`` how many of the group's tasks each
    survey lists; ``interviews`` the study's interview evidence, if it has interviews;
    ``searches`` its search-log evidence, if it has search logs.
    Unknown ids in ``only`` raise a :class:`UsageError` naming every one.
    """
    if only is None:
        personas = list(study.personas)
    elif not only:
        raise UsageError.single(
            "no personas chosen",
            hint="name at least one: " + ", ".join(p.id for p in study.personas),
        )
    else:
        found = {p: study.persona_named(p) for p in only}
        unknown = [p for p, persona in found.items() if persona is None]
        if unknown:
            raise UsageError(_unknown_persona(p, study) for p in unknown)
        chosen = {persona.id: persona for persona in found.values() if persona is not None}
        personas = list(chosen.values())
    shared = frozenset(analysis.advice.shared_needs)
    roadmap = plan_roadmap(study, analysis.overlap, surveys)
    names = {p.phase.id: p.phase.name for p in roadmap.phases}
    phases = {need: names[phase] for need, phase in roadmap.phase_ids().items()}
    logs = searches if searches is not None and searches.logs else None
    return tuple(
        _profile(study, p, shared, phases, surveys, top, interviews, logs) for p in personas
    )


def _unknown_persona(persona: str, study: Study) -> Problem:
    known = [p.id for p in study.personas]
    group = study.group_named(persona)
    of_group = [p.id for p in study.personas if group is not None and p.group == group.id]
    return Problem(
        Location(),
        f"no persona '{persona}'",
        hint=(
            (f"'{persona}' is a group; its personas: " + ", ".join(of_group))
            if of_group
            else f"'{persona}' is a group, with no persona yet"
        )
        if group is not None
        else did_you_mean(persona, known)
        or did_you_mean(persona, [p.name for p in study.personas], ignore_case=True)
        or ("personas: " + ", ".join(known) if known else "the study defines no personas"),
    )


def _profile(
    study: Study,
    persona: Persona,
    shared: frozenset[str],
    phases: Mapping[str, str],
    surveys: Sequence[TopTasks],
    top: int,
    interviews: InterviewEvidence | None,
    searches: SearchEvidence | None,
) -> PersonaProfile:
    group = study.group_by_id[persona.group]
    key_needs = tuple(
        KeyNeed(
            need=need,
            importance=need.groups.get(group.id),
            shared_by=len(need.groups),
            on_shared_platform=need.id in shared,
            phase=phases.get(need.id),
            searches=searches.for_need(need.id) if searches is not None else None,
        )
        for need in (study.need_by_id[n] for n in persona.needs)
    )
    return PersonaProfile(
        persona=persona,
        group=group,
        family=study.family_by_id.get(group.family) if group.family else None,
        key_needs=key_needs,
        surveys=tuple(
            _survey(result, group.id, persona.needs, top)
            for result in surveys
            if group.id in result.asked
        ),
        interviews=_interviews(interviews, group.id, persona.needs)
        if interviews is not None and interviews.buckets
        else None,
    )


def _interviews(evidence: InterviewEvidence, group: str, needs: Sequence[str]) -> PersonaInterviews:
    bucket = evidence.bucket_of(group)
    if bucket is None or bucket.key == OTHER_GROUPS or not bucket.shown:
        status: Literal["pooled", "hidden", "none"] = (
            "none" if bucket is None else "pooled" if bucket.shown else "hidden"
        )
        return PersonaInterviews(status, 0, 0, evidence.min_size, {}, ())
    counts = {}
    quotes: dict[str, tuple[str, str, str]] = {}
    for need_id in needs:
        heard = evidence.for_need(need_id)
        counts[need_id] = (heard.supports.get(group, 0), heard.questions.get(group, 0))
        for quote in heard.quotes:
            if quote.bucket == group:
                quotes.setdefault(quote.text, (need_id, quote.text, quote.signal))
    return PersonaInterviews(
        "own",
        bucket.interviews or 0,
        bucket.participants or 0,
        evidence.min_size,
        counts,
        tuple(quotes.values())[:QUOTES_PER_PERSONA],
    )


def _survey(result: TopTasks, group: str, needs: Sequence[str], top: int) -> PersonaSurvey:
    breakdown = result.breakdown_of(group)
    if breakdown is None or breakdown.suppressed:
        return PersonaSurvey(
            result.survey,
            result.title,
            suppressed=breakdown is not None,
            respondents=0,
            min_group_size=result.min_group_size,
            top_tasks=(),
            need_shares={},
        )
    label = {t.id: t.label for t in result.tasks}
    tasks_of = {e.need: e.tasks for e in result.needs}
    return PersonaSurvey(
        result.survey,
        result.title,
        suppressed=False,
        respondents=breakdown.respondents or 0,
        min_group_size=result.min_group_size,
        top_tasks=tuple((label[t], breakdown.shares[t]) for t in breakdown.top(top)),
        need_shares={
            need: sum(breakdown.shares[t] for t in tasks_of[need])
            for need in needs
            if need in tasks_of
        },
        together=breakdown.name if len(breakdown.members) > 1 else "",
    )
