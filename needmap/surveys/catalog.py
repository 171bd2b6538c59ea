"""Find a study's surveys: their mappings and, once imported, their tallies."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from needmap.errors import (
    InvalidStudyError,
    Location,
    NeedmapError,
    Problem,
    Severity,
    UsageError,
)
from needmap.personas.messages import closest, did_you_mean
from needmap.personas.schema import TargetGroup
from needmap.personas.study import Study, StudyIds, rename_command
from needmap.personas.yamlsource import read_yaml_file
from needmap.shell import command_word
from needmap.surveys.draft_columns import layout_of
from needmap.surveys.evidence_folders import unread_evidence
from needmap.surveys.mapping import (
    SURVEY_FOLDER,
    SurveyMapping,
    checked_mapping,
    load_mapping,
    mapping_files,
)
from needmap.surveys.runs import (
    earlier_named_otherwise,
    earlier_problems,
    earlier_runs,
    repeated_surveys,
)
from needmap.surveys.tables import column_of, open_export
from needmap.surveys.tally import (
    OUTSIDE,
    Tally,
    in_study_order,
    read_tally,
    stratum_groups,
    stratum_members,
    stratum_name,
    tally_path,
)

__all__ = [
    "check_mappings",
    "check_tallies",
    "find_mapping",
    "find_mapping_file",
    "fitting_tallies",
    "headcount_warnings",
    "import_command",
    "imported_earlier",
    "imported_repeats",
    "imported_surveys",
    "load_mappings",
    "load_survey",
    "one_export",
    "over_headcount",
    "questions_command",
    "same_answers",
    "same_answers_warnings",
    "surveys_to_import",
    "too_few_problem",
]


def check_mappings(study: StudyIds, fitting: list[Tally] | None = None) -> list[Problem]:
    """Every problem in the study's survey mappings (all files, all problems), and an error
    for each imported tally that no longer fits its mapping or the study's groups: the
    reports refuse it (:func:`imported_surveys`), so a study that passes is one they build.
    The tallies that fit go to ``fitting``, when given, for :func:`check_tallies`."""
    warnings: list[Problem] = []
    mappings, problems = load_mappings(study, warnings)
    problems += warnings
    for mapping in mappings.values():
        if tally_path(study.root, mapping.id).exists():
            try:
                tally = _fitting_tally(study, mapping)
            except NeedmapError as exc:
                problems.extend(exc.problems)
            else:
                if fitting is not None:
                    fitting.append(tally)
    if not problems or all(p.severity is Severity.WARNING for p in problems):
        problems += _orphan_tallies(study, {m.id for m in mappings.values()})
    return problems


def _orphan_tallies(study: StudyIds, survey_ids: set[str]) -> list[Problem]:
    """A warning for each tally that no mapping's id names, as after a survey's id was
    changed: its votes count in no report. (Only asked when every mapping loaded, since a
    broken one may be the tally's.)"""
    found = []
    for path in sorted((study.root / "surveys").glob("*.tally.json")):
        survey = path.name.removesuffix(".tally.json")
        if survey not in survey_ids:
            found.append(
                Problem(
                    Location(path),
                    f"no survey mapping has the id '{survey}': this tally's votes count "
                    "in no report",
                    hint="if the survey's id was changed, import the export again "
                    f"(needmap survey import {command_word(study.root)} EXPORT) and delete this "
                    "file; "
                    "if the survey was dropped, delete it"
                    + (f"; ids now: {', '.join(sorted(survey_ids))}" if survey_ids else ""),
                    severity=Severity.WARNING,
                )
            )
    return found


def load_mappings(
    study: StudyIds, warnings: list[Problem] | None = None
) -> tuple[dict[Path, SurveyMapping], list[Problem]]:
    """Every mapping of the study that loads, and the problems of those that don't; the
    warnings about those that do go to ``warnings``, when given."""
    mappings: dict[Path, SurveyMapping] = {}
    problems: list[Problem] = []
    for path in mapping_files(study.root):
        try:
            mapping, found = checked_mapping(path, study)
        except NeedmapError as exc:
            problems.extend(exc.problems)
            continue
        first = next((p for p, m in mappings.items() if m.id == mapping.id), None)
        if first is not None:
            problems.append(_id_taken(path, mapping.id, first))
            continue
        mappings[path] = mapping
        if warnings is not None:
            warnings.extend(found)
    runs = earlier_problems(mappings, complete=not problems)
    problems = earlier_named_otherwise(problems, mappings)
    problems += [p for p in runs if p.severity is Severity.ERROR]
    if warnings is not None:
        warnings.extend(p for p in runs if p.severity is Severity.WARNING)
    return mappings, problems


def _id_taken(path: Path, survey: str, first: Path) -> Problem:
    """The error for a second mapping with an id that one before it has: the import of
    either would write the tally of the other, and reports would count one run twice."""
    return Problem(
        read_yaml_file(path).source.locate(("id",)),
        f"survey id '{survey}' is the id of {first.name} too",
        key="id",
        hint="give each survey its own id (it names the survey's tally, "
        f"surveys/{survey}.tally.json); a run held again needs one of its own too, and "
        f"earlier: {survey} to say which it repeats",
    )


def find_mapping(
    study: Study,
    mapping: Path | None = None,
    survey: str | None = None,
    export: Path | None = None,
    *,
    imported: bool = False,
) -> SurveyMapping:
    """The mapping given, the one with id (or file name) ``survey``, or the study's only one;
    with several and an ``export``, the one mapping whose columns the export has (of
    several, the one of its layout); with several and ``imported`` (for the analysis), the
    only one imported yet, or of those the latest run (that no other imported one repeats:
    :mod:`~needmap.surveys.runs`): a study often holds the mapping of a survey still
    running beside one whose results are in, or the runs of a survey held again. With
    neither (the questions to build a survey with), where every mapping is a run of one
    survey, the latest run.

    Otherwise, with several mappings and no ``survey``, the message lists their ids: those
    are what ``--survey`` takes and what the tallies are named after.
    """
    return find_mapping_file(study, mapping, survey, export, imported=imported)[1]


def find_mapping_file(
    study: Study,
    mapping: Path | None = None,
    survey: str | None = None,
    export: Path | None = None,
    *,
    imported: bool = False,
    sheet: str | None = None,
) -> tuple[Path, SurveyMapping]:
    """:func:`find_mapping`, with the file it is in: for messages that send the user there.
    ``sheet``: the sheet of the workbook ``export`` that holds the answers."""
    if mapping is not None:
        return mapping, load_mapping(mapping, study)
    if not mapping_files(study.root):
        misnamed = unread_evidence(study.root, SURVEY_FOLDER)
        raise UsageError.single(
            "the study has no survey mapping",
            path=study.root / SURVEY_FOLDER,
            hint=misnamed[0].described() if misnamed else _no_mapping_hint(study, imported),
        )
    mappings, problems = load_mappings(study)
    if problems:
        raise InvalidStudyError(problems)
    found = list(mappings.items())
    ids = [m.id for m in mappings.values()]
    if survey is None:
        if len(found) == 1:
            return found[0]
        if imported:
            done = [(p, m) for p, m in found if tally_path(study.root, m.id).exists()]
            if not done:
                raise UsageError.single(
                    f"none of the study's {len(mappings)} surveys has been imported yet",
                    path=study.root / "surveys",
                    hint="import an export first: needmap survey import "
                    f"{command_word(study.root)} EXPORT.csv",
                )
            latest = repeated_surveys(m for _, m in done)
            done = [(p, m) for p, m in done if m.id not in latest]
            if len(done) == 1:  # the only one imported, or the latest run of those
                return done[0]
        elif export is None:  # the questions to hold a survey again: its latest run's
            repeated = repeated_surveys(m for _, m in found)
            last_runs = [(p, m) for p, m in found if m.id not in repeated]
            if repeated and len(last_runs) == 1:
                return last_runs[0]
        table = open_export(export, sheet) if export is not None else None
        fitting = [(p, m) for p, m in found if table is not None and _fits(m, table.header)]
        if len(fitting) > 1 and table is not None:  # the same questions in two tools
            layout = layout_of(study, table)
            fitting = [(p, m) for p, m in fitting if m.layout == layout] or fitting
        if len(fitting) == 1:
            return fitting[0]
        why = "" if table is None else f" and the export has the columns of {len(fitting)}"
        named = [m.id for _, m in fitting] if len(fitting) > 1 else ids  # those it may be
        raise UsageError.single(
            f"the study has {len(mappings)} survey mappings{why}; say which",
            path=study.root / "surveys",
            hint="pass --survey with one of: " + ", ".join(named),
        )
    chosen = next((f for f in found if f[1].id == survey), None) or next(
        (f for f in found if survey in (f[0].stem, f[0].name)), None
    )
    if chosen is None:
        raise UsageError.single(
            f"no survey '{survey}'",
            hint=did_you_mean(survey, ids) or "surveys: " + ", ".join(ids),
        )
    return chosen


def _no_mapping_hint(study: Study, imported: bool) -> str:
    """How to give a study its first mapping; for the analysis (``imported``), which has
    no ``--mapping``, also that the export is imported next."""
    folder = command_word(study.root)
    draft = f"draft one from the export: needmap survey draft {folder} EXPORT"
    if imported:
        return f"{draft}, then import the export: needmap survey import {folder} EXPORT"
    return f"{draft}; or write surveys/NAME.yaml (docs/surveys.md), or pass --mapping"


def _fits(mapping: SurveyMapping, header: list[str]) -> bool:
    """Whether an export with this header has every column ``mapping`` reads."""
    by_code = mapping.layout == "limesurvey"
    if by_code:
        wanted = [f"{mapping.choices.question}[{t.code}]" for t in mapping.tasks]
    else:
        wanted = [mapping.choices.column or ""]
    if mapping.layout == "long":
        wanted.append(mapping.respondent or "")
    return all(
        column_of(header, heading, by_code=by_code) is not None
        for heading in [mapping.group.column, *wanted]
    )


def load_survey(study: Study, survey: str | None = None) -> tuple[SurveyMapping, Tally]:
    """A survey's mapping and its imported tally (which survey: :func:`find_mapping`)."""
    mapping = find_mapping(study, survey=survey, imported=True)
    path = tally_path(study.root, mapping.id)
    if not path.exists():
        raise UsageError.single(
            f"survey '{mapping.id}' has not been imported yet",
            path=path,
            hint=f"import the export first: {import_command(study, mapping)}EXPORT.csv",
        )
    return mapping, _shown_tally(study, mapping)


def surveys_compared(
    study: Study, later: str | None, earlier: str
) -> tuple[tuple[SurveyMapping, Tally], tuple[SurveyMapping, Tally]]:
    """Two imported runs of a survey to compare: ``later`` (an id or file name; None: the
    only other survey imported, or the latest run: :func:`find_mapping`) and ``earlier``,
    each as :func:`load_survey` gives it. Runs whose mappings say the other way round are
    refused."""
    before = load_survey(study, earlier)
    if later is None:
        others = [s for s in imported_surveys(study) if s[0].id != before[0].id]
        after = others[0] if len(others) == 1 else load_survey(study)  # or the latest run
    else:
        after = load_survey(study, later)
    if after[0].id == before[0].id:
        raise UsageError.single(
            f"--compare names the survey it would be compared with: '{earlier}'",
            hint="give --compare the earlier survey and --survey the later one",
        )
    mappings, _ = load_mappings(study)
    if after[0].id in earlier_runs(mappings.values(), before[0].id):
        raise UsageError.single(
            f"'{after[0].id}' was held before '{before[0].id}', as the mappings' earlier: says",
            hint=f"swap them: --survey {before[0].id} --compare {after[0].id}",
        )
    return after, before


def imported_earlier(study: StudyIds, mapping: SurveyMapping) -> str | None:
    """The id of the run ``mapping`` says it repeats (``earlier``), if that one has been
    imported: then the two can be compared."""
    if mapping.earlier is None or not tally_path(study.root, mapping.earlier).exists():
        return None
    return mapping.earlier


def imported_repeats(study: StudyIds, survey: str) -> list[SurveyMapping]:
    """The imported surveys whose mappings say they repeat ``survey`` (``earlier``): the
    runs held after it, whose votes are the evidence in its place."""
    mappings, _ = load_mappings(study)
    return [
        m
        for m in mappings.values()
        if m.earlier == survey and tally_path(study.root, m.id).exists()
    ]


def imported_surveys(study: Study) -> list[tuple[SurveyMapping, Tally]]:
    """Every survey of the study that has been imported, with its tally, in file order.

    Surveys not imported yet are left out; a broken mapping or a tally that no longer fits
    raises, with every problem, as ``toptasks`` does: evidence from a stale tally would be
    wrong without a sign of it.
    """
    mappings, problems = load_mappings(study)
    surveys: list[tuple[SurveyMapping, Tally]] = []
    for mapping in mappings.values():
        if tally_path(study.root, mapping.id).exists():
            try:
                surveys.append((mapping, _shown_tally(study, mapping)))
            except NeedmapError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InvalidStudyError(problems)
    return surveys


def surveys_to_import(study: Study) -> list[tuple[Path, SurveyMapping]]:
    """The surveys whose mapping loads but whose export has not been imported yet, with
    their mapping's file: their votes are in no report until it is."""
    mappings, _ = load_mappings(study)
    return [(p, m) for p, m in mappings.items() if not tally_path(study.root, m.id).exists()]


def import_command(study: StudyIds, mapping: SurveyMapping) -> str:
    """The start of the command that imports ``mapping``'s export, for hints."""
    return _survey_command("import", study, mapping)


def questions_command(study: StudyIds, mapping: SurveyMapping) -> str:
    """The command that prints ``mapping``'s questions, to build the survey with (and a
    space after it, as :func:`import_command` ends)."""
    return _survey_command("questions", study, mapping)


def _survey_command(command: str, study: StudyIds, mapping: SurveyMapping) -> str:
    words = f"needmap survey {command} {command_word(study.root)} "
    if len(mapping_files(study.root)) > 1:
        words += f"--survey {mapping.id} "
    return words


def _fitting_tally(study: StudyIds, mapping: SurveyMapping) -> Tally:
    """The mapping's tally; raises (errors: the reports refuse such a tally) when it was
    imported with other tasks or groups, or counted no respondent in a target group."""
    path = tally_path(study.root, mapping.id)
    tally = read_tally(path, f"{import_command(study, mapping)}EXPORT.csv")
    changed = tally.differences([t.id for t in mapping.tasks], study.group_by_id, mapping.max_picks)
    if changed:
        hint = f"import the export again: {import_command(study, mapping)}{tally.source}"
        renamed = _renamed_since(tally, mapping, study)
        if renamed is not None:
            old, new = renamed
            hint += f"; or, if '{new}' is '{old}' renamed, recount it with: " + rename_command(
                study.root, old, new
            )
        raise InvalidStudyError(Problem(Location(path), c, hint=hint) for c in changed)
    if not tally.group_respondents:  # as imported before needmap refused such an export
        message = (
            f"this tally counted no respondent in a target group ({tally.total_respondents} "
            "outside them): there are no votes to show"
        )
        hint = (
            f"import an export with answers: {import_command(study, mapping)}{tally.source}; "
            "or remove this file until there is one"
        )
        raise InvalidStudyError([Problem(Location(path), message, hint=hint)])
    return tally


def _shown_tally(study: Study, mapping: SurveyMapping) -> Tally:
    """The mapping's tally (:func:`_fitting_tally`), if its results may be shown."""
    tally = _fitting_tally(study, mapping)
    too_few = too_few_problem(study, tally, tally_path(study.root, mapping.id))
    if too_few is not None:
        raise InvalidStudyError([too_few])
    return tally


def too_few_problem(study: Study, tally: Tally, path: Path) -> Problem | None:
    """An error when the survey's results would show the answers of fewer people than the
    minimum size (:meth:`Tally.counted_respondents`): one small group that answered alone,
    or a few people however spread over the groups. At ``path``, the export being imported
    or the tally imported before the study's minimum was raised."""
    minimum = study.settings.privacy.min_group_size
    counted = tally.counted_respondents(minimum)
    if counted >= minimum:
        return None
    groups = [g for g, n in tally.respondents.items() if g != OUTSIDE and n]
    if len(groups) == 1:
        name = stratum_name(groups[0], study)
        message = f"only '{name}' answered this survey, fewer than {minimum} of them"
    else:
        message = (
            f"this survey's results would come from {counted} respondents, fewer than {minimum}"
        )
    return Problem(
        Location(path),
        f"{message}: every result of it would show their answers",
        hint=f"import the export once at least {minimum} have answered; answers from outside "
        f"the target groups count only when there are {minimum} of them "
        "(privacy.min_group_size)",
    )


def _renamed_since(tally: Tally, mapping: SurveyMapping, study: StudyIds) -> tuple[str, str] | None:
    """The one group the tally counted that the study no longer has, and the group it
    looks renamed to: one the mapping's answers name but the tally did not count, close in
    spelling or the only one. None when no group or several are gone."""
    counted = {g for key in tally.respondents if key != OUTSIDE for g in stratum_groups(key)}
    gone = [g for g in counted if g not in study.group_by_id]
    new = [g for g in mapping.group.group_ids() if g not in counted and g in study.group_by_id]
    if len(gone) != 1 or not new:
        return None
    meant = closest(gone[0], new) or (new[0] if len(new) == 1 else None)
    return None if meant is None else (gone[0], meant)


def check_tallies(study: Study, fitting: Sequence[Tally]) -> list[Problem]:
    """For each imported survey whose tally still fits (``fitting``, as
    :func:`check_mappings` found them; one that does not it reported):
    :func:`headcount_warnings`, and :func:`too_few_problem`."""
    found: list[Problem] = []
    for tally in fitting:
        found += headcount_warnings(study, tally)
        too_few = too_few_problem(study, tally, tally_path(study.root, tally.survey))
        if too_few is not None:
            found.append(too_few)
    return found + same_answers_warnings(study, fitting)


_ALIKE_BY_CHANCE = 10
"""Respondents below which two surveys of other answers may count alike (a pilot each,
filled in by the consultant): their counts alone do not tell the same answers."""


def same_answers(tallies: Sequence[Tally]) -> list[tuple[Tally, Tally]]:
    """Each survey of ``tallies`` that counted the same answers as an earlier one of them,
    with that one: the same counts in every group (task ids aside), from the same export
    byte for byte or, with :data:`_ALIKE_BY_CHANCE` respondents or more and a vote, from
    another file (the export saved again by Excel, or downloaded again in another
    format). Such a second survey is a second mapping drafted from the same answers, its
    tasks given the first's needs: as two surveys, their votes count twice as evidence.
    One export with two top-task questions, read by two mappings, gives two surveys'
    counts: not these."""
    first: dict[tuple[str, str], Tally] = {}
    found: list[tuple[Tally, Tally]] = []
    for tally in tallies:
        by_counts = sum(tally.respondents.values()) >= _ALIKE_BY_CHANCE and any(
            any(votes.values()) for votes in tally.votes.values()
        )
        if not by_counts and not tally.source_sha256:
            continue
        counts = (
            sorted(tally.respondents.items()),
            sorted((group, sorted(votes.values())) for group, votes in tally.votes.items()),
        )
        before = first.setdefault(("" if by_counts else tally.source_sha256, repr(counts)), tally)
        if before is not tally:
            found.append((tally, before))
    return found


def one_export(tally: Tally, before: Tally) -> bool:
    """Whether the two surveys of :func:`same_answers` read one export, byte for byte."""
    return bool(tally.source_sha256) and tally.source_sha256 == before.source_sha256


def same_answers_warnings(study: Study, tallies: Sequence[Tally]) -> list[Problem]:
    """A warning, at its tally, for each survey of :func:`same_answers`."""
    return [
        Problem(
            Location(tally_path(study.root, tally.survey)),
            f"survey '{tally.survey}' counted the same answers as survey "
            f"'{before.survey}', "
            + (
                f"from the same export ({tally.source})"
                if one_export(tally, before)
                else f"the same counts in every group ({before.source} and {tally.source})"
            )
            + ": their votes count twice as evidence (as two runs of one survey, nothing "
            "changed)",
            hint="if they are one survey, delete one of the two mappings and its "
            "tally; if the survey was held again, import the new run's export",
            severity=Severity.WARNING,
        )
        for tally, before in same_answers(tallies)
    ]


def fitting_tallies(study: Study) -> list[Tally]:
    """The tallies of the study's imported surveys that still fit their mapping and the
    study's groups, in file order."""
    found: list[Tally] = []
    for mapping in load_mappings(study)[0].values():
        if tally_path(study.root, mapping.id).exists():
            try:
                found.append(_fitting_tally(study, mapping))
            except NeedmapError:
                continue
    return found


def over_headcount(study: Study, tally: Tally) -> list[tuple[list[TargetGroup], int]]:
    """The groups with more respondents in ``tally`` than their headcount, each with its
    respondents: an answer mapped to the wrong group, or a headcount too low. Weighting
    trusts both, so it would weigh the group's votes down without a sign of it. The
    groups of an answer that covers several are compared with their headcounts' sum."""
    found: list[tuple[list[TargetGroup], int]] = []
    for key in in_study_order(tally.respondents, study):  # as every list of groups
        respondents = tally.respondents[key]
        groups = stratum_members(key, study)  # none for OUTSIDE
        counts = [g.headcount for g in groups]
        if groups and None not in counts and respondents > sum(c or 0 for c in counts):
            found.append((groups, respondents))
    return found


def headcount_warnings(study: Study, tally: Tally) -> list[Problem]:
    """A warning, at the group's place in the study, for each group of
    :func:`over_headcount`. A group with fewer respondents than the study's minimum gets it
    without its number, as every output leaves that number out."""
    minimum = study.settings.privacy.min_group_size
    found = []
    for groups, respondents in over_headcount(study, tally):
        name = " + ".join(g.name for g in groups)
        counted = (
            f"{respondents:,} respondents for '{name}', more"
            if respondents >= minimum
            else f"more respondents for '{name}'"
        )
        headcount = sum(g.headcount or 0 for g in groups)
        ids = " and ".join(f"'{g.id}'" for g in groups)
        found.append(
            Problem(
                study.origins.get(("groups", groups[0].id), Location(study.root)),
                f"survey '{tally.survey}' counted {counted} than "
                + (
                    f"its headcount of {headcount:,}"
                    if len(groups) == 1
                    else f"their headcounts' sum of {headcount:,}"
                ),
                hint=f"check which answers the mapping's group.values gives {ids}, or "
                "raise the headcount: weighting trusts both",
                severity=Severity.WARNING,
            )
        )
    return found
