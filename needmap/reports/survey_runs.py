"""The study's imported top-task surveys as the reports take them: the latest run of each
survey as evidence, and what changed since the run it repeats.

A survey held again has a mapping of its own that names the run before it (``earlier``,
:mod:`~needmap.surveys.runs`). Both runs' votes counted as evidence would make a need
whose task was asked twice weigh as two surveys' findings, and keep a finding the later
run no longer bears out; so the earlier run's votes give way, and the reports show how
the tasks moved instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.model.toptasks_change import TopTasksChange, compare_toptasks
from needmap.personas.study import Study
from needmap.surveys import imported_surveys
from needmap.surveys.runs import repeated_surveys

__all__ = ["SurveyRuns", "study_runs"]


@dataclass(frozen=True, slots=True)
class SurveyRuns:
    """Every imported survey of a study, analysed as the reports show it (weighted where
    the study's headcounts allow, the 75% set), in file order."""

    latest: tuple[TopTasks, ...]
    """The surveys no other imported survey repeats: the evidence for needs."""
    earlier: tuple[TopTasks, ...]
    """The runs a later imported run repeats: shown on their own, no longer evidence."""
    changes: tuple[TopTasksChange, ...]
    """Each latest run beside the run it repeats, where that one is imported."""

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
    return SurveyRuns(
        latest=tuple(analysed[mapping.id] for mapping in latest),
        earlier=tuple(analysed[survey] for survey in analysed if survey in repeated),
        changes=tuple(
            compare_toptasks(analysed[mapping.id], analysed[mapping.earlier])
            for mapping in latest
            if mapping.earlier in analysed
        ),
    )
