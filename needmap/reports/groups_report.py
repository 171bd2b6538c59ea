"""``needmap groups list``: the study's groups with what refers to them.

Before merging or splitting groups a consultant wants them side by side: their ids (which
the ``groups`` commands take), family and headcount, how many needs each has at each
importance, its personas, how many people were interviewed and how many answered each
survey, and which groups are most alike. The interview and survey counts come from the
interview and top-task reports, so a group below the study's minimum size reads ``n<5``
here as there; a group with fewer people than that minimum is marked, since no report
will ever show it on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from needmap.model.analysis import analyse_overlap
from needmap.model.interviews import InterviewEvidence
from needmap.model.toptasks import TopTasks
from needmap.personas.schema import Importance, Language, TargetGroup
from needmap.personas.study import Study
from needmap.reports.i18n import format_count
from needmap.reports.interviews_report import study_interviews
from needmap.reports.overview import alike_sentence
from needmap.reports.roadmap_report import study_toptasks

__all__ = ["GroupSummary", "GroupsOverview", "groups_to_json", "study_groups"]

_IMPORTANCE: tuple[Importance, ...] = ("must", "should", "could")


@dataclass(frozen=True)
class GroupSummary:
    """One group and what refers to it."""

    group: TargetGroup
    needs: Mapping[Importance, int]
    """importance -> needs that matter to the group that much."""
    personas: int
    participants: int | None
    """People interviewed (0 when none); None when hidden: too few to show on their own."""
    respondents: tuple[int | None, ...]
    """Per survey (in the order of :attr:`GroupsOverview.surveys`): respondents, or None
    when the survey hides the group or did not ask it."""
    asked: tuple[bool, ...]
    """Per survey: whether its mapping has an answer for the group."""
    too_few: bool
    """Whether the group has fewer people (headcount) than the study's minimum group size:
    no report ever shows its answers on their own, so it is one to merge (``needmap
    status`` says into which)."""
    shared_with: tuple[tuple[str, ...], ...] = ()
    """Per survey: the other groups whose respondents :attr:`respondents` counts too, when
    one answer of the survey covered them all (empty for the group's own)."""


@dataclass(frozen=True)
class GroupsOverview:
    groups: tuple[GroupSummary, ...]
    surveys: tuple[str, ...]
    """Ids of the imported surveys."""
    min_size: int
    alike: str
    """The most alike groups, as the overlap overview says it."""
    families: Mapping[str, str]
    """family id -> name, in study order."""
    language: Language

    def by_family(self) -> list[tuple[str | None, list[GroupSummary]]]:
        """The groups per family (family order, then the groups of none), in study order."""
        order = [*self.families, None]
        found = {f: [s for s in self.groups if s.group.family == f] for f in order}
        return [(f, found[f]) for f in order if found[f]]


def study_groups(study: Study) -> GroupsOverview:
    """The study's groups in study order, with their needs, personas and evidence."""
    return groups_overview(study, study_interviews(study), tuple(study_toptasks(study)))


def groups_overview(
    study: Study, interviews: InterviewEvidence, surveys: tuple[TopTasks, ...]
) -> GroupsOverview:
    """:func:`study_groups` from evidence the caller has already read."""
    summaries = []
    for group in study.groups:
        needs = {
            level: sum(1 for n in study.needs if n.groups.get(group.id) == level)
            for level in _IMPORTANCE
        }
        bucket = interviews.bucket_of(group.id)
        own = bucket is not None and bucket.shown and bucket.groups == (group.id,)
        # a pooled or hidden bucket stands for more groups (or too few people): no count
        breakdowns = [survey.breakdown_of(group.id) for survey in surveys]
        summaries.append(
            GroupSummary(
                group=group,
                needs=needs,
                personas=sum(1 for p in study.personas if p.group == group.id),
                participants=(bucket.participants if own else None) if bucket else 0,
                respondents=tuple(None if b is None else b.respondents for b in breakdowns),
                asked=tuple(group.id in survey.asked for survey in surveys),
                shared_with=tuple(
                    () if b is None else tuple(g for g in b.members if g != group.id)
                    for b in breakdowns
                ),
                too_few=study.settings.privacy.too_few(group.headcount),
            )
        )
    return GroupsOverview(
        groups=tuple(summaries),
        surveys=tuple(survey.survey for survey in surveys),
        min_size=study.settings.privacy.min_group_size,
        alike=alike_sentence(analyse_overlap(study).overlap, study.settings.language),
        families={f.id: f.name for f in study.families},
        language=study.settings.language,
    )


def hidden(count: int | None, present: bool, min_size: int, language: Language) -> str:
    """A count as shown: the number, as the language writes it; ``n<5`` when there is one
    but it is hidden; an en dash when there is none."""
    if count is not None:
        return format_count(count, language)
    return f"n<{min_size}" if present else "\u2013"


def groups_to_json(overview: GroupsOverview) -> dict[str, Any]:
    """The overview as JSON (docs/json-output.md): hidden counts are ``null``; a survey
    that did not ask the group is left out of its ``respondents``."""
    return {
        "min_group_size": overview.min_size,
        "surveys": list(overview.surveys),
        "groups": [
            {
                "id": s.group.id,
                "name": s.group.name,
                "family": s.group.family,
                "headcount": s.group.headcount,
                "below_minimum": s.too_few,
                "needs": dict(s.needs),
                "personas": s.personas,
                "interview_participants": s.participants,
                "respondents": {
                    survey: count
                    for survey, count, asked in zip(
                        overview.surveys, s.respondents, s.asked, strict=True
                    )
                    if asked
                },
                "respondents_shared_with": {
                    survey: list(others)
                    for survey, others in zip(overview.surveys, s.shared_with, strict=True)
                    if others
                },
            }
            for s in overview.groups
        ],
    }
