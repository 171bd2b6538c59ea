"""The study's imported top-task surveys as the reports take them: the latest run of each
survey as evidence, and what changed since the run it repeats.

A survey held again has a mapping of its own that names the run before it (``earlier``,
:mod:`~needmap.surveys.runs`). Both runs' votes counted as evidence would make a need
whose task was asked twice weigh as two surveys' findings, and keep a finding the later
run no longer bears out; so the earlier run's votes give way, and the reports show how
the tasks moved instead: since the run before, and, for a survey held three times or
more, across every run (its trend).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.model.toptasks_change import (
    TopTasksChange,
    TopTasksTrend,
    compare_toptasks,
    toptasks_trend,
)
from needmap.personas.study import Study
from needmap.surveys import imported_surveys
from needmap.surveys.runs import repeated_surveys

__all__ = ["SurveyRuns", "study_runs", "survey_trend"]


@dataclass(frozen=True, slots=True)
class SurveyRuns:
    """Every imported survey of a study, analysed as the reports show it (weighted where
    the study's headcounts allow, the 75% set), in file order."""

    latest: tuple[TopTasks, ...]
    """The surveys no other imported survey repeats: the evidence for needs."""
    earlier: tuple[TopTasks, ...]
    """The runs a later imported run repeats: shown on their own, no longer evidence;
    those of each latest run the newest first (2024, then 2022), as an index lists them."""
    changes: tuple[TopTasksChange, ...]
    """Each latest run beside the run it repeats, where that one is imported; with every
    run of the survey (its ``trend``) where the runs before that one are imported too, as
    far back as they go, three or more in all."""
    every_run: Mapping[str, tuple[TopTasks, ...]]
    """Each latest run's id -> every run of its survey, oldest first, where three or more
    are imported (those its ``trend`` compares): what a need's votes were in each."""

    @property
    def repeated(self) -> dict[str, TopTasks]:
        """Each latest run's id -> the run it repeats, where that one is imported."""
        earlier = {run.survey: run for run in self.earlier}
        return {change.survey: earlier[change.before_survey] for change in self.changes}


def study_runs(study: Study) -> SurveyRuns:
    """The study's imported surveys (:class:`SurveyRuns`). A survey not imported yet is
    left out; a tally that no longer fits its mapping raises."""
    surveys = imported_surveys(study)
    repeated = repeated_surveys(mapping for mapping, _ in surveys)
    analysed = {mapping.id: analyse_toptasks(study, mapping, tally) for mapping, tally in surveys}
    latest = [mapping for mapping, _ in surveys if mapping.id not in repeated]
    earlier_of = {mapping.id: mapping.earlier for mapping, _ in surveys}
    changes = []
    newest_first: dict[str, None] = {}
    every_run: dict[str, tuple[TopTasks, ...]] = {}
    for mapping in latest:
        chain = _chain(mapping.id, earlier_of)
        newest_first.update(dict.fromkeys(chain[-2::-1]))
        if mapping.earlier not in analysed:
            continue
        change = compare_toptasks(analysed[mapping.id], analysed[mapping.earlier])
        if len(chain) >= 3:
            every_run[mapping.id] = tuple(analysed[run] for run in chain)
            change = replace(change, trend=toptasks_trend(every_run[mapping.id]))
        changes.append(change)
    return SurveyRuns(
        latest=tuple(analysed[mapping.id] for mapping in latest),
        earlier=tuple(analysed[survey] for survey in newest_first),
        changes=tuple(changes),
        every_run=every_run,
    )


def survey_trend(
    study: Study, now: TopTasks, before: TopTasks, *, weighted: bool
) -> TopTasksTrend | None:
    """Every run of the survey ``now`` as far back as they are imported, where ``before``
    is one of them and they are three or more (analysed as ``weighted`` says): what
    ``toptasks --compare`` shows beside the two runs it compares. None otherwise. Only
    the runs between and before the two are analysed here."""
    surveys = {mapping.id: (mapping, tally) for mapping, tally in imported_surveys(study)}
    chain = _chain(now.survey, {key: mapping.earlier for key, (mapping, _) in surveys.items()})
    if len(chain) < 3 or before.survey not in chain:
        return None
    given = {now.survey: now, before.survey: before}
    return toptasks_trend(
        [
            given.get(run) or analyse_toptasks(study, *surveys[run], weighted=weighted)
            for run in chain
        ]
    )


def _chain(survey: str, earlier_of: dict[str, str | None]) -> list[str]:
    """The ids of the runs ``survey`` repeats, one before another, as far back as they are
    imported (``earlier_of`` holds the imported ones), oldest first, ending with
    ``survey`` (``validate`` refuses runs that repeat each other in a circle; a run met
    twice ends the chain all the same)."""
    chain = [survey]
    before = earlier_of.get(survey)
    while before is not None and before in earlier_of and before not in chain:
        chain.append(before)
        before = earlier_of.get(before)
    return chain[::-1]
