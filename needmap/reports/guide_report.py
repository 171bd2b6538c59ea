"""Interview guides for target groups: what to ask a group, and how to record what was said.

The consultant who interviews a group (DESIGN.md: "records interviews as they happen") wants,
on one page: who the group is and its personas; a few open questions over content,
functions and technology; the group's needs with no evidence yet, since those are what an
interview can still settle, apart from those with evidence to check; needs the other
groups of its family have and it does not list, to check; what the top-task survey says
the group does most; and the entry to write the interview down in, with the group and need
ids filled in.

Every figure comes from the reports that already apply the privacy rules: interview counts
from shown buckets only, vote shares for all respondents (the group's own top tasks only
when the survey shows the group), searches over all logs.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from needmap.errors import UsageError
from needmap.model.analysis import analyse_overlap
from needmap.model.interviews import analyse_interviews
from needmap.model.roadmap import Roadmap, plan_roadmap
from needmap.model.toptasks import TopTasks
from needmap.personas.schema import Importance, Need, Persona, TargetGroup
from needmap.personas.study import Study
from needmap.personas.yamledit import yaml_scalar
from needmap.reports.i18n import Language, counted, format_count, format_percent, labels
from needmap.reports.interviews_report import heard
from needmap.reports.jinja import render_report
from needmap.reports.pdf import page_bytes
from needmap.reports.roadmap_report import study_toptasks
from needmap.reports.searches_report import study_searches
from needmap.reports.table_formats import markdown_cell, markdown_line, write_in_format
from needmap.scaffold import add_study_files
from needmap.surveys.interviews import (
    INTERVIEW_FOLDER,
    free_interview_id,
    interview_files,
    load_interviews,
)

__all__ = [
    "GroupGuide",
    "GuideNeed",
    "GuideSection",
    "group_guide",
    "group_guides",
    "guide_sections",
    "guide_to_markdown",
    "has_evidence",
    "need_evidence",
    "record_interviews",
    "recording_entry",
    "render_guide_page",
    "write_guide",
]

OTHERS_SHOWN = 5
"""Needs of other groups to check, at most."""
TASKS_SHOWN = 5
"""The group's top tasks per survey, at most."""
QUOTES_SHOWN = 5
"""What the group said earlier, at most."""
_IMPORTANCE = {"must": 0, "should": 1, "could": 2}


@dataclass(frozen=True)
class GuideNeed:
    """One of the group's needs, with the evidence the study has for it so far."""

    need: Need
    importance: Importance
    interviews: tuple[int, int] | None
    """Interviews (of shown groups) that support and that question it; None when the
    study has no interviews that may be shown."""
    share: float | None
    """Its largest share of all votes in any survey; None when no survey task serves it."""
    searches: int | None
    """Searches for it over all logs; None when the study has no search logs."""

    @property
    def evidence(self) -> bool:
        """Whether anything speaks for or against it yet."""
        return has_evidence((self.interviews, self.share, self.searches))


def has_evidence(evidence: tuple[tuple[int, int] | None, float | None, int | None]) -> bool:
    """Whether a need's evidence (as :func:`need_evidence` gives it) says anything yet: an
    interview that supports or questions it, a share of the votes, or a search."""
    interviews, share, searches = evidence
    return bool((interviews and any(interviews)) or share or searches)


@dataclass(frozen=True)
class GroupGuide:
    """What the guide for one group holds, computed as the other reports compute it."""

    study: Study
    group: TargetGroup
    personas: tuple[Persona, ...]
    needs: tuple[GuideNeed, ...]
    """The group's needs in the order to ask them: no evidence yet first, then must,
    should, could, then plan order."""
    others: tuple[tuple[Need, int], ...]
    """Needs the group does not list, with how many other groups of its family list them."""
    surveys: tuple[TopTasks, ...]
    day: datetime.date
    """The date the recording entry is for (today, by default)."""
    interview_id: str
    """The entry's id: the group and the date, with -2, -3… when the study already has an
    interview (or a file in interviews/) of that name."""
    interviewed: tuple[int, int] | None
    """Interviews with the group so far and their participants; None when they are fewer
    than the study's minimum, and so not shown."""
    said: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    """What the group said in earlier interviews, when they may be shown (the group's own
    bucket): each quote with the (need id, signal) pairs it is tagged with."""


def group_guide(study: Study, group_id: str, day: datetime.date) -> GroupGuide:
    """The guide for the group with id (or, ignoring case, name) ``group_id``; a group the
    study does not have is a usage error (exit 2)."""
    return group_guides(study, [group_id], day)[0]


def group_guides(
    study: Study, group_ids: Sequence[str], day: datetime.date
) -> tuple[GroupGuide, ...]:
    """The guides for the groups with these ids (or names), or for every group when none
    is given, from one computation of the evidence. Every unknown group is reported."""
    named = {group_id: study.group_named(group_id) for group_id in group_ids}
    if None in named.values():
        raise UsageError([study.unknown_group(g) for g, found in named.items() if not found])
    by_id = {g.id: g for g in named.values() if g is not None}  # once, by id or by name
    groups = list(by_id.values()) or list(study.groups)
    surveys = tuple(study_toptasks(study))
    interviews = load_interviews(study)  # read once: for the evidence and the ids taken
    roadmap = plan_roadmap(
        study,
        analyse_overlap(study).overlap,
        surveys,
        analyse_interviews(study, interviews),
        study_searches(study),
    )
    plan_order = {s.need.id: i for i, s in enumerate(roadmap.needs)}
    taken = {i.id for i in interviews} | {p.stem for p in interview_files(study.root)}
    return tuple(_guide(study, group, roadmap, surveys, plan_order, day, taken) for group in groups)


def _guide(
    study: Study,
    group: TargetGroup,
    roadmap: Roadmap,
    surveys: tuple[TopTasks, ...],
    plan_order: Mapping[str, int],
    day: datetime.date,
    taken: set[str],
) -> GroupGuide:
    needs = [
        _guide_need(need, need.groups[group.id], roadmap, surveys)
        for need in study.needs
        if group.id in need.groups
    ]
    needs.sort(key=lambda n: (n.evidence, _IMPORTANCE[n.importance], plan_order.get(n.need.id, 0)))
    return GroupGuide(
        study,
        group,
        tuple(p for p in study.personas if p.group == group.id),
        tuple(needs),
        _others(study, group, plan_order),
        surveys,
        day,
        free_interview_id(f"{group.id}-{day.isoformat()}", taken),
        _interviewed(roadmap, group),
        _said(roadmap, group),
    )


def _said(
    roadmap: Roadmap, group: TargetGroup
) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The group's quotes, from its own shown bucket only (as the interview report shows
    them), each once with every need it is tagged with."""
    evidence = roadmap.interviews
    bucket = None if evidence is None else evidence.bucket_of(group.id)
    if evidence is None or bucket is None or bucket.key != group.id or not bucket.shown:
        return ()
    tags: dict[str, list[tuple[str, str]]] = {}
    for need in evidence.needs:
        for quote in need.quotes:
            if quote.bucket == group.id:
                tags.setdefault(quote.text, []).append((need.need, quote.signal))
    return tuple((text, tuple(tagged)) for text, tagged in tags.items())


def _interviewed(roadmap: Roadmap, group: TargetGroup) -> tuple[int, int] | None:
    """The group's interviews and participants, if its interviews are a shown bucket of
    their own; None if they are pooled or hidden; (0, 0) if there are none."""
    evidence = roadmap.interviews
    bucket = None if evidence is None else evidence.bucket_of(group.id)
    if bucket is None:
        return (0, 0)
    if bucket.key != group.id or not bucket.shown:
        return None
    return (bucket.interviews or 0, bucket.participants or 0)


def _guide_need(
    need: Need, importance: Importance, roadmap: Roadmap, surveys: Sequence[TopTasks]
) -> GuideNeed:
    return GuideNeed(need, importance, *need_evidence(need.id, roadmap, surveys))


def need_evidence(
    need_id: str, roadmap: Roadmap, surveys: Sequence[TopTasks]
) -> tuple[tuple[int, int] | None, float | None, int | None]:
    """A need's evidence so far, as :class:`GuideNeed` holds it: the interviews (of shown
    groups) that support and question it, its largest vote share in a survey, and its
    searches; each None where the study has no such evidence at all."""
    interviews = None
    if roadmap.interviews is not None and roadmap.interviews.shown:
        said = roadmap.interviews.for_need(need_id)
        interviews = (said.supported, said.questioned)
    shares = [e.share for s in surveys for e in s.needs if e.need == need_id]
    searches = None
    if roadmap.searches is not None and roadmap.searches.logs:
        searches = roadmap.searches.for_need(need_id).searches
    return interviews, max(shares, default=None), searches


def _others(
    study: Study, group: TargetGroup, plan_order: Mapping[str, int]
) -> tuple[tuple[Need, int], ...]:
    """Needs that other groups of the family list and this group does not: the most
    groups first, then plan order."""
    family = {g.id for g in study.groups if g.id != group.id and g.family == group.family}
    shared = [
        (need, len(family & need.groups.keys()))
        for need in study.needs
        if group.id not in need.groups
    ]
    ranked = sorted(
        (item for item in shared if item[1]),
        key=lambda item: (-item[1], plan_order.get(item[0].id, 0)),
    )
    return tuple(ranked[:OTHERS_SHOWN])


@dataclass(frozen=True)
class GuideSection:
    heading: str
    lines: tuple[str, ...]
    intro: str = ""
    """A sentence before the lines."""
    code: str = ""
    """Text to copy as it is (the recording entry), shown in a code block."""


def guide_sections(guide: GroupGuide) -> list[GuideSection]:
    """The guide's sections in the study's language; the first holds the title line."""
    study, group = guide.study, guide.group
    language = study.settings.language
    words = labels(language)
    about = [group.description] if group.description else []
    if guide.interviewed is None:
        about.append(words["guide.interviewed_few"].format(n=study.settings.privacy.min_group_size))
    elif guide.interviewed[0]:
        interviews, people = guide.interviewed
        about.append(
            words["guide.interviewed"].format(
                people=counted(people, "people", language),
                interviews=counted(interviews, "interviews", language),
            )
        )
    else:
        about.append(words["guide.not_interviewed"])
    privacy = study.settings.privacy
    if privacy.too_few(group.headcount):  # people should know before they speak
        about.append(
            words["guide.too_few"].format(people=group.headcount, n=privacy.min_group_size)
        )
    sections = [
        GuideSection(words["guide.title"].format(name=group.name), tuple(about)),
        GuideSection(
            words["guide.personas"],
            tuple(f"{p.name}: {p.role}" for p in guide.personas) or (words["guide.no_personas"],),
        ),
        GuideSection(
            words["guide.questions"],
            tuple(words[f"guide.question.{i}"] for i in range(1, 6)),
        ),
    ]
    unheard = tuple(_need_line(n, language) for n in guide.needs if not n.evidence)
    heard_of = tuple(_need_line(n, language) for n in guide.needs if n.evidence)
    if unheard:
        sections.append(GuideSection(words["guide.ask"], unheard, words["guide.ask_intro"]))
    if heard_of:
        sections.append(GuideSection(words["guide.check"], heard_of, words["guide.check_intro"]))
    if guide.said:
        sections.append(_said_section(guide))
    if not guide.needs:
        sections.append(GuideSection(words["guide.needs"], (), words["guide.no_needs"]))
    if guide.others:
        family = next(
            (f.name for f in study.families if f.id == group.family), words["guide.all_groups"]
        )
        others = sum(1 for g in study.groups if g.family == group.family) - 1
        sections.append(
            GuideSection(
                words["guide.others"],
                tuple(
                    f"{need.title} ({need.id}) · {_of_others(count, others, language)}"
                    for need, count in guide.others
                ),
                words["guide.others_intro"].format(family=family),
            )
        )
    sections.append(GuideSection(words["guide.survey"], tuple(_survey_lines(guide, language))))
    sections.append(
        GuideSection(
            words["guide.record"],
            (),
            words["guide.record_intro"].format(id=guide.interview_id),
            recording_entry(guide),
        )
    )
    return sections


def _said_section(guide: GroupGuide) -> GuideSection:
    words = labels(guide.study.settings.language)
    titles = {n.id: n.title for n in guide.study.needs}
    lines = tuple(
        f"\u201c{text}\u201d ("
        + "; ".join(f"{titles[need]}: {words[f'iv.signal.{signal}']}" for need, signal in tagged)
        + ")"
        for text, tagged in guide.said[:QUOTES_SHOWN]
    )
    more = len(guide.said) - QUOTES_SHOWN
    intro = words["guide.said_intro"]
    if more > 0:
        intro += " " + words["guide.said_more"].format(count=more)
    return GuideSection(words["guide.said"], lines, intro)


def _of_others(count: int, others: int, language: Language) -> str:
    """ "5 of the 6 other groups", "all 6 other groups" or "the other group"."""
    words = labels(language)
    if count < others:
        return words["guide.other"].format(count=count, others=others)
    return words["guide.other.only" if others == 1 else "guide.other.all"].format(others=others)


def _need_line(item: GuideNeed, language: Language) -> str:
    words = labels(language)
    parts = [
        f"{item.need.title} ({item.need.id})",
        words[f"importance.{item.importance}"],
    ]
    if item.interviews is not None and any(item.interviews):
        parts.append(words["guide.heard"].format(heard=heard(*item.interviews)))
    if item.share:
        parts.append(words["guide.votes"].format(share=format_percent(item.share, language)))
    if item.searches:
        parts.append(counted(item.searches, "searches", language))
    return " · ".join(parts)


def _survey_lines(guide: GroupGuide, language: Language) -> list[str]:
    words = labels(language)
    if not guide.surveys:
        return [words["guide.no_surveys"]]
    lines = []
    for survey in guide.surveys:
        breakdown = survey.breakdown_of(guide.group.id)
        if guide.group.id not in survey.asked:
            lines.append(words["guide.not_asked"].format(survey=survey.title))
        elif breakdown is None or breakdown.suppressed:
            lines.append(words["guide.hidden"].format(survey=survey.title, n=survey.min_group_size))
        else:
            label_of = {t.id: t.label for t in survey.tasks}
            tasks = "; ".join(
                f"{label_of[t]} ({format_percent(breakdown.shares[t], language)})"
                for t in breakdown.top(TASKS_SHOWN)
            )
            respondents = format_count(breakdown.respondents or 0, language)
            together = len(breakdown.members) > 1
            lines.append(
                words["guide.top_together" if together else "guide.top"].format(
                    survey=survey.title, respondents=respondents, tasks=tasks, groups=breakdown.name
                )
            )
    return lines


def recording_entry(guide: GroupGuide) -> str:
    """The interview entry to fill in, as YAML for a file in ``interviews/``: the group,
    date and first needs to ask about filled in. The quotes are an example in comments, so
    the entry is valid as it stands and adds no evidence until real quotes replace them."""
    words = labels(guide.study.settings.language)
    tags = [n.need.id for n in guide.needs[:2]] or ["NEED-ID"]
    return "\n".join(
        [
            "interviews:",
            f"  - id: {yaml_scalar(guide.interview_id)}",
            f"    group: {yaml_scalar(guide.group.id)}",
            "    participants: 1",
            f"    date: {guide.day.isoformat()}",
            f"    quotes: []  # {words['guide.replace']}",
            f"    #   - text: {words['guide.quote_text']}",
            f"    #     needs: [{tags[0]}]  # {words['guide.supports']}",
            f"    #   - text: {words['guide.quote_text']}",
            f"    #     questions: [{tags[-1]}]  # {words['guide.casts_doubt']}",
        ]
    )


def record_interviews(guides: Sequence[GroupGuide]) -> list[Path]:
    """Write each guide's entry to ``interviews/ID.yaml`` in its study, to fill in during
    the interview; the files written. These are new files, never written over one (all or
    none are written), and each starts with the schema modeline where the study has the
    schemas ``init`` writes, so an editor completes the need ids."""
    if not guides:
        return []
    return add_study_files(
        guides[0].study.root,
        {
            f"{INTERVIEW_FOLDER}/{guide.interview_id}.yaml": (
                recording_entry(guide) + "\n"
            ).encode()
            for guide in guides
        },
    )


def guide_to_markdown(guides: Sequence[GroupGuide]) -> str:
    """The guides as Markdown: each guide's title line as a title, a section per part."""
    lines: list[str] = []
    for guide in guides:
        first, *rest = guide_sections(guide)
        lines += [f"# {markdown_cell(first.heading)}", ""]
        for line in first.lines:  # each its own paragraph
            lines += [markdown_line(line), ""]
        for section in rest:
            lines += [f"## {markdown_cell(section.heading)}", ""]
            lines += [markdown_line(section.intro), ""] if section.intro else []
            lines += [f"- {markdown_line(line)}" for line in section.lines]
            if section.code:
                lines += [""] if section.lines else []
                lines += ["```yaml", section.code, "```"]
            lines.append("")
    return "\n".join(lines)


@dataclass(frozen=True)
class _GuideView:
    title: str
    summary: str
    intro: tuple[str, ...]
    sections: tuple[GuideSection, ...]


def render_guide_page(guides: Sequence[GroupGuide]) -> str:
    """The guides as one page, to print and take along: portrait, each group on a page of
    its own."""
    study = guides[0].study
    language = study.settings.language
    words = labels(language)
    views = []
    for guide in guides:
        first, *rest = guide_sections(guide)
        facts = [study.settings.organisation]
        if guide.group.headcount:
            facts.append(f"{format_count(guide.group.headcount, language)} {words['people']}")
        views.append(_GuideView(first.heading, " · ".join(facts), first.lines, tuple(rest)))
    return render_report(
        "guide.html.j2",
        language=language,
        page_title=views[0].title if len(views) == 1 else words["guide.all_title"],
        guides=views,
    )


def write_guide(guides: Sequence[GroupGuide], path: Path) -> None:
    """Write the guides as ``path``'s suffix asks: .html or .pdf (a page) or .md."""
    renderers: Mapping[str, Callable[[Sequence[GroupGuide]], bytes]] = {
        ".html": lambda g: page_bytes(render_guide_page(g), ".html"),
        ".pdf": lambda g: page_bytes(render_guide_page(g), ".pdf"),
        ".md": lambda g: guide_to_markdown(g).encode("utf-8"),
    }
    write_in_format(renderers, guides, path, "the interview guide")
