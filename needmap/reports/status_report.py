"""Where a study stands and what to do next: the consultant's daily check.

The brief's cover lines say where the study stands; the next steps say what is still
missing, each with the command that helps: files named like a part of the study that are
not read (``persona.yaml``, ``gesprekken/``), a study of one group, groups nobody has
interviewed yet, groups whose interviews are still too few to be shown, interviews whose
quotes are not filled in, personal data in the texts, a study without personas, survey
exports not imported, survey tasks linked to no need, groups a survey asked with too few
respondents to show, needs that nothing speaks for or against yet, and reports older
than the study's files (in ``reports/``, in the folder the study is in when a build made
its reports there, as the demo does, or in the folder given). The steps are in the order
of the work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from needmap.build_folder import built_study, reports_of, same_folder
from needmap.model.interviews import OTHER_GROUPS
from needmap.model.overlap import most_alike_to
from needmap.personas.fingerprint import REPORTS, study_fingerprint
from needmap.personas.lookalikes import Lookalike
from needmap.personas.schema import TargetGroup
from needmap.personas.study import Study
from needmap.reports.brief import BriefContent, glance, study_brief
from needmap.reports.guide_report import has_evidence, need_evidence
from needmap.reports.i18n import (
    Language,
    counted,
    format_count,
    format_date,
    format_percent,
    format_points,
    labels,
    number_key,
)
from needmap.reports.searches_report import terms_counted
from needmap.scaffold import SCHEMA_FOLDER, outdated_schemas
from needmap.scrub import personal_data
from needmap.shell import command_word
from needmap.surveys.catalog import (
    fitting_tallies,
    import_command,
    one_export,
    over_headcount,
    questions_command,
    same_answers,
    surveys_to_import,
)
from needmap.surveys.interviews import interviews_by_file
from needmap.surveys.mapping import SurveyMapping, load_mapping, mapping_files
from needmap.surveys.runs import unnamed_repeats
from needmap.surveys.study_check import study_warnings, unread_lookalikes
from needmap.surveys.tally import OUTSIDE, Tally, stratum_groups

__all__ = ["NextStep", "StudyStatus", "status_to_json", "study_status"]

NAMES_SHOWN = 4
"""Group names in one step, at most; the rest are counted."""


@dataclass(frozen=True, slots=True)
class NextStep:
    """One thing to do, and the command that helps with it ("" when none does)."""

    text: str
    command: str = ""


@dataclass(frozen=True, slots=True)
class StudyStatus:
    glance: tuple[tuple[str, str], ...]
    """The brief's cover lines: (label, text), in the study's language."""
    steps: tuple[NextStep, ...]
    """What to do next, in the order of the work, in the study's language; empty when
    nothing waits."""


def study_status(study: Study, reports: Path | None = None) -> StudyStatus:
    """Where ``study`` stands (:func:`~needmap.reports.brief.glance`) and its next steps.

    ``reports``: the folder its reports were built into (``needmap build --out``); by
    default, the one :func:`~needmap.build_folder.reports_of` finds, if any."""
    content = study_brief(study)
    folder = command_word(study.root)  # as the commands suggested write it
    unread = unread_lookalikes(study)
    steps = [
        *_unread_steps(study, unread, folder),
        *_group_steps(study),
        *_interview_steps(content, folder),
        *_interview_text_steps(study, folder),
        *_persona_steps(study, unread),
        *_survey_steps(study, folder),
        *_search_steps(content, folder),
        *_silent_steps(content, folder),
        *_decision_steps(content, folder),
        *_schema_steps(study),
    ]
    steps += _warning_steps(study, steps, folder)
    told = reports is not None
    reports = reports if told else reports_of(study.root)
    if reports is not None:
        step = _rebuild_step(study.root, reports, told, study.settings.language)
        if step is not None:
            steps.append(step)
    return StudyStatus(tuple(glance(content)), tuple(steps))


def _warning_steps(study: Study, steps: list[NextStep], folder: str) -> list[NextStep]:
    """The warnings of the study's files (a row of a search log or a quote of an interview
    given twice, an answer left out of a survey's count), where no step before sends the
    consultant to ``needmap validate``, which shows each at its place with its fix: how
    many there are. Each is something counted, but maybe not as meant; ``build`` counts
    them too."""
    command = f"needmap validate {folder}"
    if any(step.command == command for step in steps):
        return []
    warnings = study_warnings(study)
    if not warnings:
        return []
    language = study.settings.language
    text = labels(language)["status.warnings"].format(
        warnings=counted(len(warnings), "warnings", language)
    )
    return [NextStep(text, command)]


def _unread_steps(study: Study, unread: list[Lookalike], folder: str) -> list[NextStep]:
    """Files and folders named like a part of the study that is not read: moved first,
    since every later step reads the study without them."""
    if not unread:
        return []
    language = study.settings.language
    moves = [f"{found.place} → {found.target}" for found in unread]
    text = labels(language)["status.unread"].format(moves=_names(moves, language))
    return [NextStep(text, f"needmap validate {folder}")]


def _group_steps(study: Study) -> list[NextStep]:
    """A study of one group (as one starts, or a template cut down too far): its needs are
    compared with no other group's, so the overlap and the platform form say nothing yet."""
    if len(study.groups) != 1:
        return []
    text = labels(study.settings.language)["status.one_group"]
    return [NextStep(text.format(group=study.groups[0].name))]


def _interview_steps(content: BriefContent, folder: str) -> list[NextStep]:
    """Groups nobody has interviewed; groups whose interviews are pooled with other small
    groups' until more are held; groups too small to be shown on their own at all (a step
    each, :func:`_too_few_step`, and in no other step)."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    heard: set[str] = set()
    pooled: list[str] = []
    if content.interviews is not None:
        for bucket in content.interviews.buckets:
            heard.update(bucket.groups)
            if bucket.key == OTHER_GROUPS:
                pooled += bucket.groups
    too_few = [g for g in study.groups if study.settings.privacy.too_few(g.headcount)]
    small = {g.id for g in too_few}
    steps = []
    unheard = [g for g in study.groups if g.id not in heard and g.id not in small]
    if unheard:
        steps.append(
            NextStep(
                words["status.unheard"].format(groups=_names([g.name for g in unheard], language)),
                f"needmap guide {folder} {unheard[0].id} --record",
            )
        )
    pooled = [g for g in pooled if g not in small]
    if pooled:
        steps.append(
            NextStep(
                words[number_key("status.pooled", len(pooled))].format(
                    groups=_names([study.group_by_id[g].name for g in pooled], language),
                    minimum=study.settings.privacy.min_group_size,
                ),
                f"needmap guide {folder} {pooled[0]} --record",
            )
        )
    return steps + [_too_few_step(content, group, folder) for group in too_few]


def _interview_text_steps(study: Study, folder: str) -> list[NextStep]:
    """Interviews whose quotes are not filled in, and texts that hold personal data (in
    the quotes and the personas), which reports leave out but the study's files keep."""
    language = study.settings.language
    words = labels(language)
    held = interviews_by_file(study)
    steps = []
    empty = [(path, i) for path, i in held if not i.quotes]
    if empty:
        where = sorted({str(path.relative_to(study.root)) for path, _ in empty})
        steps.append(
            NextStep(
                words["status.empty"].format(
                    interviews=counted(len(empty), "interviews", language), files=", ".join(where)
                ),
                f"needmap validate {folder}",
            )
        )
    private = sum(
        bool(personal_data(q.text, study.own_names)) for _, i in held for q in i.quotes
    ) + sum(
        bool(personal_data(text, study.own_names | study.persona_names))
        for p in study.personas
        for _, text in p.free_texts()
    )
    if private:
        steps.append(
            NextStep(
                words["status.private"].format(texts=counted(private, "texts", language)),
                f"needmap validate {folder}",
            )
        )
    return steps


def _persona_steps(study: Study, unread: list[Lookalike]) -> list[NextStep]:
    """A study without personas is told to describe them, unless its personas are in a
    file that is not read, which the first step moves."""
    if study.personas or any(found.meant == "personas" for found in unread):
        return []
    return [NextStep(labels(study.settings.language)["status.personas"])]


def _survey_steps(study: Study, folder: str) -> list[NextStep]:
    """Survey exports to import; survey tasks linked to no need, whose votes count for
    nothing; imported tallies with more respondents than a group has people. Where another
    survey has been imported, one not imported may never be held (the template's, beside
    the survey held in another tool): its step says how to be rid of it. Where none has,
    the survey may not be built yet: a step before says where its questions are."""
    language = study.settings.language
    words = labels(language)
    tallies = fitting_tallies(study)
    steps = []
    for path, survey in surveys_to_import(study):
        if not tallies:
            steps.append(
                NextStep(
                    words["status.questions"].format(title=survey.title),
                    questions_command(study, survey).rstrip(),
                )
            )
        not_held = words["status.not_held"].format(file=path.relative_to(study.root).as_posix())
        steps.append(
            NextStep(
                words["status.import"].format(title=survey.title) + (not_held if tallies else ""),
                f"{import_command(study, survey)}EXPORT",
            )
        )
    files = {path: load_mapping(path, study) for path in mapping_files(study.root)}
    loaded = list(files.values())
    for mapping in loaded:
        unlinked = [t for t in mapping.tasks if not t.needs]
        if unlinked:
            steps.append(
                NextStep(
                    words["status.unlinked"].format(
                        count=len(unlinked), tasks=len(mapping.tasks), title=mapping.title
                    ),
                    f"needmap validate {folder}",
                )
            )
    twice = same_answers(tallies)
    steps += [
        NextStep(
            words["status.same_answers"].format(
                one=before.title, other=tally.title, export=tally.source
            )
            if one_export(tally, before)
            else words["status.same_answers.alike"].format(
                one=before.title, other=tally.title, export=before.source, other_export=tally.source
            ),
            f"needmap validate {folder}",
        )
        for tally, before in twice
    ]
    told = {frozenset((tally.survey, before.survey)) for tally, before in twice}
    steps += _repeat_steps(study, files, {tally.survey for tally in tallies}, told)
    steps += _response_steps(study, tallies, {m.id: m for m in loaded})
    for tally in tallies:
        over = over_headcount(study, tally)
        if over:
            steps.append(
                NextStep(
                    words["status.headcount"].format(
                        title=tally.title,
                        groups=_names(
                            [" + ".join(g.name for g in groups) for groups, _ in over], language
                        ),
                    ),
                    f"needmap validate {folder}",
                )
            )
    return steps


def _repeat_steps(
    study: Study,
    files: Mapping[Path, SurveyMapping],
    imported: set[str],
    told: set[frozenset[str]],
) -> list[NextStep]:
    """Two imported surveys of mostly the same tasks, both evidence: if one is the other
    held again, its mapping should name the earlier (:func:`unnamed_repeats`). Not for a
    pair ``told`` already as the same answers counted twice."""
    words = labels(study.settings.language)
    where = {mapping.id: path.relative_to(study.root).as_posix() for path, mapping in files.items()}
    counted = [mapping for mapping in files.values() if mapping.id in imported]
    return [
        NextStep(
            words["status.repeat"].format(
                one=one.title,
                other=other.title,
                shared=shared,
                tasks=min(len(one.tasks), len(other.tasks)),
                one_file=where[one.id],
                other_file=where[other.id],
            )
        )
        for one, other, shared in unnamed_repeats(counted)
        if frozenset((one.id, other.id)) not in told
    ]


def _response_steps(
    study: Study, tallies: Sequence[Tally], mappings: Mapping[str, SurveyMapping]
) -> list[NextStep]:
    """Groups an imported survey asked with fewer respondents than the minimum group
    size (none, or a few): no report shows their top tasks, which more answers would,
    while the survey is open. A group too small to reach the minimum is left to its own
    step (:func:`_too_few_step`), as with interviews."""
    words = labels(study.settings.language)
    minimum = study.settings.privacy.min_group_size
    order = {g.id: i for i, g in enumerate(study.groups)}
    steps = []
    for tally in tallies:
        mapping = mappings[tally.survey]
        counts = {k: n for k, n in tally.respondents.items() if k != OUTSIDE}
        answered = {g for key in counts for g in stratum_groups(key)}
        asked = mapping.group.group_ids()
        strata = sorted(
            [*counts, *(g for g in asked if g not in answered)],
            key=lambda key: min(order.get(g, len(order)) for g in stratum_groups(key)),
        )
        few = [
            key
            for key in strata
            if counts.get(key, 0) < minimum
            and not all(
                study.settings.privacy.too_few(study.group_by_id[g].headcount)
                for g in stratum_groups(key)
            )
        ]
        if few:
            names = [" + ".join(study.group_by_id[g].name for g in stratum_groups(k)) for k in few]
            text = words[number_key("status.few_respondents", len(few))].format(
                groups=_names(names, study.settings.language), title=tally.title, minimum=minimum
            )
            steps.append(NextStep(text, f"{import_command(study, mapping)}EXPORT"))
    return steps


def _search_steps(content: BriefContent, folder: str) -> list[NextStep]:
    """A step per search log whose topics lack terms another log gives a need: their
    searches count for no need, though the study has one for them. And one for terms that
    match no need and found nothing as often as makes a need a content gap (the smallest
    ``gap_from`` of the logs that say): a gap the study has no need for."""
    if content.searches is None:
        return []
    language = content.study.settings.language
    words = labels(language)
    command = f"needmap searches {folder}"
    steps = [
        NextStep(
            words["status.elsewhere"].format(
                title=log.title,
                terms=_names(terms_counted(log.mapped_elsewhere, language), language),
            ),
            command,
        )
        for log in content.searches.logs
        if log.mapped_elsewhere
    ]
    gap_from = min(
        (log.gap_from for log in content.searches.logs if log.no_results is not None),
        default=None,
    )
    gaps = [
        term
        for term in content.searches.unmatched
        if gap_from is not None and term.no_results is not None and term.no_results >= gap_from
    ]
    if gaps:
        terms = _names(terms_counted(gaps, language), language)
        steps.append(NextStep(words["status.unmatched_gaps"].format(terms=terms), command))
    return steps


def _silent_steps(content: BriefContent, folder: str) -> list[NextStep]:
    """Needs that no vote, interview or search speaks for or against yet: to ask about."""
    study = content.study
    language = study.settings.language
    silent = [
        need
        for need in study.needs
        if not has_evidence(need_evidence(need.id, content.roadmap, content.surveys))
    ]
    if not silent:
        return []
    text = labels(language)[number_key("status.silent", len(silent))].format(
        needs=counted(len(silent), "needs", language),
        total=format_count(len(study.needs), language),
    )
    return [NextStep(text, f"needmap guide {folder} --out guides.pdf")]


def _decision_steps(content: BriefContent, folder: str) -> list[NextStep]:
    """Phases that the needs decided for them fill beyond their capacity (only decisions
    can): a choice the steering group may not know it made, as the plan does not empty a
    decided phase."""
    language = content.study.settings.language
    words = labels(language)
    return [
        NextStep(
            words["status.over_capacity"].format(
                phase=plan.phase.name,
                points=format_points(plan.points, language),
                capacity=format_points(plan.phase.capacity or 0, language),
            ),
            f"needmap roadmap {folder}",
        )
        for plan in content.roadmap.phases
        if plan.over_capacity
    ]


def _schema_steps(study: Study) -> list[NextStep]:
    """JSON Schemas an older needmap wrote into the study: refreshed by one command."""
    outdated = outdated_schemas(study.root)
    if not outdated:
        return []
    language = study.settings.language
    text = labels(language)["status.schemas"].format(files=_names(outdated, language))
    return [NextStep(text, f"needmap schema --out {command_word(study.root / SCHEMA_FOLDER)}")]


def _too_few_step(content: BriefContent, group: TargetGroup, folder: str) -> NextStep:
    """A group with fewer people than the minimum group size: no number of interviews or
    respondents will show it on its own (asking for more interviews, as for other small
    groups, would send the consultant after people who are not there). Merged into a
    group of its family (as a merge must be), the one most alike in what it needs of those
    that make up the minimum with it, it is shown with it; the dry run shows what would
    change. When no one group of the family makes up the minimum with it, the most alike
    is still the first merge to make, and the step says more must follow."""
    study = content.study
    language = study.settings.language
    words = labels(language)
    minimum = study.settings.privacy.min_group_size
    people = {
        g.id: g.headcount
        for g in study.groups
        if g.family == group.family and g.id != group.id and g.headcount is not None
    }
    enough = [g for g, count in people.items() if count + (group.headcount or 0) >= minimum]
    overlap = content.overlap.overlap
    alike = most_alike_to(overlap, group.id, enough) or most_alike_to(overlap, group.id, people)
    text = words["status.too_few"].format(
        group=group.name,
        people=format_count(group.headcount or 0, language),
        minimum=format_count(minimum, language),
    )
    if alike is None:
        return NextStep(
            f"{text} {words['status.too_few.merge']}",
            f"needmap groups merge {folder} OTHER {group.id} --into OTHER --dry-run",
        )
    other = alike.b if alike.a == group.id else alike.a
    key = "merge_alike" if other in enough else "merge_alike.too_few"
    merge = words[f"status.too_few.{key}"].format(
        other=study.group_by_id[other].name,
        share=format_percent(alike.weighted_jaccard, language, 0),
        people=format_count((group.headcount or 0) + people[other], language),
    )
    return NextStep(
        f"{text} {merge}",
        f"needmap groups merge {folder} {other} {group.id} --into {other} --dry-run",
    )


def _rebuild_step(root: Path, reports: Path, told: bool, language: Language) -> NextStep | None:
    """Build the ``reports`` again if a study file changed after they were built (a
    steering group must not get last month's roadmap), or at all if the folder the user
    ``told`` holds none yet; a folder that holds another study's reports is said to."""
    words = labels(language)
    default = reports.absolute() == (root / REPORTS).absolute()
    where = f"{REPORTS}/" if default else command_word(reports)
    command = f"needmap build {command_word(root)}" + ("" if default else f" --out {where}")
    built = _built_at(reports)
    if built is None:
        return NextStep(words["status.unbuilt"].format(folder=where), command) if told else None
    other = built_study(reports)
    if other is not None and not same_folder(other, root):
        return NextStep(
            words["status.other_study"].format(folder=where, other=command_word(other)),
            f"needmap build {command_word(root)}",
        )
    newest = max((changed for _, changed, _ in study_fingerprint(root, root / REPORTS)), default=0)
    if newest <= built:
        return None
    when = datetime.fromtimestamp(built / 1e9)
    return NextStep(
        words["status.rebuild"].format(
            folder=where, date=f"{format_date(when.date(), language)}, {when:%H:%M}"
        ),
        command,
    )


def _built_at(reports: Path) -> int | None:
    """When the reports in ``reports`` were built (their index page, written last), in
    nanoseconds; None when there are none."""
    try:
        return (reports / "index.html").stat().st_mtime_ns
    except OSError:
        return None


def status_to_json(status: StudyStatus) -> dict[str, Any]:
    """The status for scripts (docs/json-output.md): the glance lines and the steps."""
    return {
        "glance": [{"label": label, "text": text} for label, text in status.glance],
        "steps": [{"text": step.text, "command": step.command} for step in status.steps],
    }


def _names(names: list[str], language: Language) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return labels(language)["status.more"].format(shown=shown, more=more) if more > 0 else shown
