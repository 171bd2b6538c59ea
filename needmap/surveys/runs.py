"""Surveys held again: which run of a survey repeats which (a mapping's ``earlier``).

A top-task survey is held again after a redesign, or every year or two, each run with a
mapping of its own. Which run came first is not in the exports (a date is not always in
them, nor reliable: an export made later of the earlier run), so the later run's mapping
names the earlier one. With that, the reports take the latest run's votes as evidence,
show what changed since the earlier run, and the command that compares two runs knows
which is which.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from needmap.controls import fold_text
from needmap.errors import Problem, Severity
from needmap.personas.messages import arrow_path, did_you_mean
from needmap.personas.yamlsource import read_yaml_file
from needmap.surveys.mapping import SurveyMapping

__all__ = [
    "earlier_named_otherwise",
    "earlier_problems",
    "earlier_runs",
    "repeated_surveys",
    "unnamed_repeats",
]


def repeated_surveys(mappings: Iterable[SurveyMapping]) -> set[str]:
    """The ids of the surveys among ``mappings`` that another of them repeats: their votes
    give way to the later run's."""
    listed = list(mappings)
    ids = {mapping.id for mapping in listed}
    return {m.earlier for m in listed if m.earlier is not None and m.earlier in ids}


def earlier_runs(mappings: Iterable[SurveyMapping], survey: str) -> list[str]:
    """The runs ``survey`` repeats, the one just before it first, as far as ``mappings``
    name them (a chain that goes round stops where it would repeat itself)."""
    by_id = {mapping.id: mapping for mapping in mappings}
    runs: list[str] = []
    mapping = by_id.get(survey)
    while mapping is not None and mapping.earlier is not None and mapping.earlier not in runs:
        if mapping.earlier == survey:
            break
        runs.append(mapping.earlier)
        mapping = by_id.get(mapping.earlier)
    return runs


def _shared_tasks(one: SurveyMapping, other: SurveyMapping) -> int:
    """How many tasks of ``one`` ``other`` asks too: the same id, or the same label as
    imports compare it (a run mapped by hand may have given a task another id)."""
    ids = {task.id for task in other.tasks}
    texts = {fold_text(text) for task in other.tasks for text in (task.label, *task.also)}
    return sum(1 for t in one.tasks if t.id in ids or fold_text(t.label) in texts)


def unnamed_repeats(
    mappings: Sequence[SurveyMapping],
) -> list[tuple[SurveyMapping, SurveyMapping, int]]:
    """Pairs of latest runs (no mapping of ``mappings`` names either as its earlier run)
    that ask mostly the same tasks: half or more of the smaller one's. Either may be the
    other held again without ``earlier``, the out-of-date run's votes still counting as
    evidence; or both are one survey held at the same time in two tools, rightly counted
    both. Each pair once, in file order, with the tasks they share."""
    repeated = repeated_surveys(mappings)
    latest = [mapping for mapping in mappings if mapping.id not in repeated]
    pairs = []
    for at, one in enumerate(latest):
        for other in latest[at + 1 :]:
            smaller, larger = sorted((one, other), key=lambda m: len(m.tasks))
            shared = _shared_tasks(smaller, larger)
            if smaller.tasks and 2 * shared >= len(smaller.tasks):
                pairs.append((one, other, shared))
    return pairs


def earlier_problems(mappings: Mapping[Path, SurveyMapping], complete: bool) -> list[Problem]:
    """What is wrong with the mappings' ``earlier``: a survey that names itself, or runs
    that each repeat another in a circle (errors: no run would be the latest), and a survey
    whose earlier run has no task of the same id (a warning: the comparison matches tasks
    by id). ``complete``: whether every mapping of the study loaded; only then is an
    ``earlier`` that names none of them wrong, as the broken one may be it."""
    by_id = {mapping.id: mapping for mapping in mappings.values()}
    problems = []
    circled: set[str] = set()
    for path, mapping in mappings.items():
        earlier = mapping.earlier
        if earlier is None or mapping.id in circled:
            continue
        if earlier == mapping.id:
            problems.append(
                _at_earlier(
                    path,
                    f"survey '{mapping.id}' names itself as the survey it repeats",
                    "earlier: takes the id of the survey held before this one; remove it if "
                    "this is the first run",
                )
            )
        elif earlier not in by_id:
            if complete:
                problems.append(
                    _at_earlier(
                        path,
                        f"no survey '{earlier}' in the study",
                        _id_hint(earlier, mappings, mapping.id),
                    )
                )
        elif mapping.id in earlier_runs(mappings.values(), earlier):
            circle = [mapping.id, *earlier_runs(mappings.values(), mapping.id)]
            circled.update(circle)
            problems.append(
                _at_earlier(
                    path,
                    "these surveys each name another as the one they repeat, in a circle: "
                    + arrow_path([*circle, mapping.id], "survey"),
                    "the first run of a survey has no earlier: remove it from that one",
                )
            )
        elif not {t.id for t in mapping.tasks} & {t.id for t in by_id[earlier].tasks}:
            problems.append(
                _at_earlier(
                    path,
                    f"no task of '{mapping.id}' has the id of a task of '{earlier}': compared, "
                    "each would read new or dropped",
                    "give a task that both runs asked the same id in both mappings (survey "
                    "draft of the later export takes the ids of the tasks the study's "
                    "mappings have)",
                    Severity.WARNING,
                )
            )
    return problems


def earlier_named_otherwise(
    problems: list[Problem], mappings: Mapping[Path, SurveyMapping]
) -> list[Problem]:
    """``problems``, with the hint of an ``earlier`` that is no id because it names a
    survey by its mapping's file name or its title (``toptaken.yaml``, ``Toptaken 2024``:
    ``--survey`` takes a file name) giving the survey's id instead."""
    mended = []
    for problem in problems:
        path = problem.location.path
        if problem.key == "earlier" and "is not a valid id" in problem.message and path:
            named = read_yaml_file(path).value_at(("earlier",))
            meant = _named_by(named, mappings) if isinstance(named, str) else None
            if meant is not None:
                problem = replace(problem, hint=f"earlier: takes the survey's id: {meant}")
            elif isinstance(named, str) and fold_text(named) in {
                fold_text(path.name),
                fold_text(path.stem),
            }:
                problem = replace(
                    problem,
                    hint="that is this mapping's own file: earlier: takes the id of the "
                    "survey held before this one",
                )
        mended.append(problem)
    return mended


def _named_by(text: str, mappings: Mapping[Path, SurveyMapping]) -> str | None:
    """The id of the survey whose mapping's file name (with or without its suffix) or title
    ``text`` is, as a reader compares them."""
    folded = fold_text(text)
    for path, mapping in mappings.items():
        if folded in {fold_text(path.name), fold_text(path.stem), fold_text(mapping.title)}:
            return mapping.id
    return None


def _id_hint(earlier: str, mappings: Mapping[Path, SurveyMapping], survey: str) -> str:
    """The hint for an ``earlier`` that names no survey: the id of the survey it names
    otherwise (its file, its title) or is spelled like; else the ids there are."""
    meant = _named_by(earlier, mappings)
    if meant is not None and meant != survey:
        return f"that names survey '{meant}': earlier: takes its id, {meant}"
    ids = sorted({m.id for m in mappings.values()} - {survey})
    listed = f"; ids: {', '.join(ids)}" if ids else ", and the study has no other"
    return (
        did_you_mean(earlier, ids)
        or f"earlier: takes the id of a survey mapping in surveys/{listed}"
    )


def _at_earlier(
    path: Path, message: str, hint: str, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem told at the mapping's ``earlier`` (read again for its position: only a
    mapping with a problem is)."""
    location = read_yaml_file(path).source.locate(("earlier",))
    return Problem(location, message, key="earlier", hint=hint, severity=severity)
