"""``needmap demo``: an example study and every report of it, in one call.

The example survey export is generated, not shipped: respondents per group follow the
group's headcount and a response rate that is lower for front-desk, facility and field staff
(as in real top-task studies), and each group prefers the tasks that map to the needs that
matter to it. A fixed seed makes the demo the same on every machine.

The demo's study also holds the survey as it was held two and four years before (made up,
beside the template's mapping; each run names the one before it as its ``earlier:`` run), so
that the reports show what changed since, and every run side by side: fewer answered then,
the news was chosen more often the further back, logging in from home more in the first
run, what to do in an emergency more in the second only (a task that rose and fell back),
and the template's last tasks were not asked yet.
"""

from __future__ import annotations

import copy
import csv
import io
import random
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from needmap.build import build_reports
from needmap.build_folder import check_the_way, write_record
from needmap.demo_searches import add_earlier_months
from needmap.errors import Problem, TargetExistsError
from needmap.fileio import write_bytes_atomic, write_text_atomic
from needmap.model.analysis import analyse_overlap
from needmap.model.replan import snapshot
from needmap.model.roadmap import plan_roadmap
from needmap.personas.loader import load_study
from needmap.personas.study import Study
from needmap.personas.yamledit import BOM, YamlEdit
from needmap.personas.yamlsource import read_yaml_text
from needmap.reports.i18n import labels
from needmap.reports.interviews_report import study_interviews
from needmap.reports.pdf import pdf_unavailable
from needmap.reports.searches_report import study_searches
from needmap.scaffold import init_study
from needmap.surveys import import_survey, load_mapping, tally_path, write_tally
from needmap.surveys.mapping import SurveyMapping, mapping_files
from needmap.surveys.searchlog import search_log_files

__all__ = ["DemoResult", "EarlierRun", "add_earlier_runs", "build_demo", "write_example_export"]

RESPONSE_RATES = {
    # gemeente, municipality, bedrijf and company: front desk, facility and field staff
    # answer least
    "balie": 0.35,
    "facilitair": 0.25,
    "buitendienst": 0.2,
    "bureau": 0.55,
    "front-desk": 0.35,
    "facility": 0.25,
    "field": 0.2,
    "office": 0.55,
    # zorginstelling and care: care staff on shifts and volunteers answer least
    "zorg": 0.25,
    "vrijwilligers": 0.2,
    "behandelaars": 0.6,
    "care-staff": 0.25,
    "volunteers": 0.2,
    "therapists": 0.6,
}
"""Share of each group that answers; groups not named answer at DEFAULT_RESPONSE_RATE."""
DEFAULT_RESPONSE_RATE = 0.5
_WEIGHT = {"must": 3.0, "should": 2.0, "could": 1.0}
SURVEY_YEAR = 2026
"""The year of the templates' surveys."""


@dataclass(frozen=True)
class EarlierRun:
    """A run of the template's survey that the demo makes up, years before the template's."""

    year: int
    turnout: float
    """How many answered, as a share of those who answer the template's survey."""
    favourites: Mapping[str, float]
    """How much more often each task (by id, in any template) was chosen."""


EARLIER_RUNS = (
    EarlierRun(
        2024,
        0.8,
        {"news": 2.5, "nieuws": 2.5, "emergency": 2, "calamiteit": 2, "nood": 2, "protocol": 2},
    ),
    EarlierRun(2022, 0.65, {"news": 4.0, "nieuws": 4.0, "remote": 2.5, "thuiswerken": 2.5}),
)
"""The earlier runs, newest first: each drops one more of the template's last tasks."""


@dataclass
class DemoResult:
    study_dir: Path
    created: bool
    """Whether the example study was created now (else it existed and was reused)."""
    files: list[Path] = field(default_factory=list)
    warnings: tuple[Problem, ...] = ()


def build_demo(
    out: Path | str,
    template: str = "gemeente",
    progress: Callable[[Path], None] | None = None,
    laying_out: Callable[[list[Path]], None] | None = None,
    removed: Callable[[Path], None] | None = None,
) -> DemoResult:
    """Create the example study in ``out/study`` (once; with each survey also as held two
    and four years before, :func:`add_earlier_runs`), import a generated export for each of its
    surveys, and write all reports into ``out`` (see :func:`build_reports`, which
    ``progress``, ``laying_out`` and ``removed`` are passed to), with what the survey
    changed in the plan made before it."""
    out = Path(out)
    study_dir = out / "study"
    created = not (study_dir / "study.yaml").exists()
    if created:
        init_study(study_dir, template)
        language = load_study(study_dir).settings.language
        made_up = labels(language)["demo.earlier_run"]
        for path in mapping_files(study_dir):
            add_earlier_runs(path, made_up, [run.year for run in EARLIER_RUNS])
        for path in search_log_files(study_dir):
            add_earlier_months(path, language)
    study = load_study(study_dir)
    mappings = [load_mapping(path, study) for path in mapping_files(study.root)]
    made_up_runs = _made_up_runs(mappings)
    _claim_the_demo_files(out, study_dir, mappings, created)
    no_pdf = pdf_unavailable()
    result = DemoResult(
        study_dir, created, warnings=(*study.warnings, *((no_pdf,) if no_pdf else ()))
    )

    def wrote(path: Path) -> None:
        result.files.append(path)
        if progress is not None:
            progress(path)

    before_surveys = snapshot(
        plan_roadmap(
            study,
            analyse_overlap(study).overlap,
            [],
            study_interviews(study),
            study_searches(study),
        )
    )
    for mapping in mappings:
        export = out / _export_name(mapping)
        run = made_up_runs.get(mapping.id)
        if run is not None:
            write_example_export(
                study,
                mapping,
                export,
                seed=run.year,
                year=run.year,
                turnout=run.turnout,
                favour=run.favourites,
            )
        else:
            write_example_export(study, mapping, export)
        wrote(export)
        tally = tally_path(study.root, mapping.id)
        write_tally(import_survey(mapping, export).tally, tally)
        wrote(tally)
    earlier = (before_surveys, labels(study.settings.language)["demo.before_surveys"])
    build_reports(
        study,
        out,
        pdf=no_pdf is None,
        guide_groups=[study.groups[0].id] if study.groups else [],
        earlier=earlier if mappings else None,
        listed=list(result.files),
        progress=wrote,
        laying_out=laying_out,
        removed=removed,
    )
    return result


def _claim_the_demo_files(
    out: Path, study_dir: Path, mappings: list[SurveyMapping], created: bool
) -> None:
    """Refuse to write the example exports over files of the user's, or to import them into
    a study that an earlier demo did not create: ``out/study`` may be the user's own, whose
    real tallies the example survey would replace. The files the demo writes itself are
    claimed in the record at once, so that a demo stopped half-way may run again."""
    tallies = [tally_path(study_dir, m.id).relative_to(out).as_posix() for m in mappings]
    exports = [_export_name(mapping) for mapping in mappings]
    earlier = check_the_way(out, [*exports, *tallies])
    if not created and not all(earlier.wrote(tally) for tally in tallies):
        raise TargetExistsError.single(
            "this study was not created by needmap demo, which would import a generated "
            "example survey into it",
            path=study_dir / "study.yaml",
            hint="run the demo in a folder of its own (needmap demo demo-out); needmap build "
            "writes the reports of a study of yours",
        )
    write_record(out, earlier, [*exports, *tallies])


def _export_name(mapping: SurveyMapping) -> str:
    return f"example-export-{mapping.id}.csv"


def _made_up_runs(mappings: list[SurveyMapping]) -> dict[str, EarlierRun]:
    """The surveys of ``mappings`` that are earlier runs of another, by id, each with the
    run of :data:`EARLIER_RUNS` it is: the first step back along the chain is the first."""
    earlier = {mapping.id: mapping.earlier for mapping in mappings if mapping.earlier}
    runs: dict[str, EarlierRun] = {}
    for survey in set(earlier) - set(earlier.values()):
        runs.update(zip(_steps_back(survey, earlier), EARLIER_RUNS, strict=False))
    return runs


def _steps_back(survey: str, earlier: Mapping[str, str]) -> Iterator[str]:
    """The runs ``survey`` repeats, one before another (``earlier``: each id's run before)."""
    step = earlier.get(survey)
    while step is not None:
        yield step
        step = earlier.get(step)


def add_earlier_runs(path: Path, made_up: str, years: Sequence[int]) -> list[Path]:
    """Write beside the survey mapping at ``path`` (a template's, as ``needmap init`` wrote
    it) the same survey as held in each of ``years`` (newest first), each without one more
    of the mapping's last tasks (new since), and each named as the ``earlier:`` run of the
    one after it; returns the files written. Each says it is ``made_up`` (its ``{years}``
    how many years before) in a comment below its modeline. All are edited where the
    template's values stand, so its comments stay."""
    text = path.read_text(encoding="utf-8").removeprefix(BOM)
    document = read_yaml_text(text, path)
    data = document.data
    runs = [_of_year(data, year, dropped) for dropped, year in enumerate(years, start=1)]
    written = []
    for index, (year, run) in enumerate(zip(years, runs, strict=True)):
        edit = YamlEdit(text, document)
        for key in ("id", "title"):
            edit.set_value((key,), run[key])
        for dropped in range(index + 1):
            edit.remove(("tasks", len(data["tasks"]) - 1 - dropped))
        if index + 1 < len(runs):
            run = {**run, "earlier": runs[index + 1]["id"]}
            edit.insert_after(("title",), "earlier", run["earlier"])
        first, rest = edit.result(run).split("\n", 1)
        said = made_up.format(years=SURVEY_YEAR - year)
        comment = "".join(f"# {line}\n" for line in textwrap.wrap(said, 86))
        target = path.with_name(f"{run['id']}.yaml")
        write_text_atomic(target, f"{first}\n{comment}{rest}")
        written.append(target)
    if runs:
        now = YamlEdit(text, document)
        now.insert_after(("title",), "earlier", runs[0]["id"])
        write_text_atomic(path, now.result({**data, "earlier": runs[0]["id"]}))
    return written


def _of_year(data: dict[str, Any], year: int, dropped: int) -> dict[str, Any]:
    """The mapping ``data`` as of ``year``: its id and title with that year (in place of
    2026, or added as the formats say where they hold no year), without its last
    ``dropped`` tasks; the ``earlier:`` run is set by the caller, as the chain goes."""
    run = copy.deepcopy(data)
    for key, otherwise in (("id", "{}-{}"), ("title", "{} ({})")):
        text = data[key]
        year_now = str(SURVEY_YEAR)
        run[key] = (
            text.replace(year_now, str(year)) if year_now in text else otherwise.format(text, year)
        )
    del run["tasks"][len(run["tasks"]) - dropped :]
    return run


def write_example_export(
    study: Study,
    mapping: SurveyMapping,
    path: Path,
    seed: int = 2026,
    *,
    year: int = 2026,
    turnout: float = 1.0,
    favour: Mapping[str, float] | None = None,
) -> int:
    """A Microsoft Forms-style export for ``mapping``, answered in March of ``year`` by
    ``turnout`` times the respondents the response rates give, each task chosen as much
    more often as ``favour`` says (by task id); returns the number of respondents."""
    if mapping.layout != "ms-forms":
        raise ValueError("example exports are written in the ms-forms layout")
    rnd = random.Random(seed)
    answer_of = {group: answer for answer, group in mapping.group.strata().items() if group}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            mapping.group.column,
            mapping.choices.column,
        ]
    )
    number = 0
    for group in study.groups:
        if group.id not in answer_of or not group.headcount:
            continue
        weights = [
            _task_weight(study, task.needs, group.id) * (favour or {}).get(task.id, 1.0)
            for task in mapping.tasks
        ]
        rate = RESPONSE_RATES.get(group.id, DEFAULT_RESPONSE_RATE) * turnout
        for _ in range(max(1, round(group.headcount * rate))):
            number += 1
            chosen: list[int] = []
            picks = rnd.randint(3, mapping.max_picks)
            while len(chosen) < picks:
                index = rnd.choices(range(len(mapping.tasks)), weights)[0]
                if index not in chosen:
                    chosen.append(index)
            minute = number % 60
            day = f"3/{2 + number % 12}/{year % 100:02}"
            writer.writerow(
                [
                    number,
                    f"{day} 9:{minute:02}:10",
                    f"{day} 9:{minute:02}:55",
                    "anonymous",
                    "",
                    answer_of[group.id],
                    "".join(f"{mapping.tasks[i].label};" for i in chosen),
                ]
            )
    write_bytes_atomic(path, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return number


def _task_weight(study: Study, needs: list[str], group: str) -> float:
    """Tasks that serve needs that matter to the group are picked more often."""
    weight = 0.3
    for need_id in needs:
        need = study.need_by_id.get(need_id)
        if need is not None and group in need.groups:
            weight += _WEIGHT[need.groups[group]] ** 2
    return weight
