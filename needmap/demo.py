"""``needmap demo``: an example study and every report of it, in one call.

The example survey export is generated, not shipped: respondents per group follow the
group's headcount and a response rate that is lower for front-desk, facility and field staff
(as in real top-task studies), and each group prefers the tasks that map to the needs that
matter to it. A fixed seed makes the demo the same on every machine.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from needmap.errors import Problem
from needmap.fileio import write_bytes_atomic
from needmap.model.analysis import analyse_overlap
from needmap.model.personas import build_personas
from needmap.model.replan import replan, snapshot
from needmap.model.roadmap import plan_roadmap
from needmap.model.toptasks import TopTasks, analyse_toptasks
from needmap.personas.loader import load_study
from needmap.personas.study import Study
from needmap.reports.brief import study_brief, write_brief
from needmap.reports.bundle import write_overlap_bundle, write_toptasks_bundle
from needmap.reports.guide_report import group_guide, write_guide
from needmap.reports.i18n import labels
from needmap.reports.index_page import write_index_page
from needmap.reports.interviews_report import study_interviews, write_interviews
from needmap.reports.pdf import pdf_unavailable
from needmap.reports.personas_report import write_personas
from needmap.reports.roadmap_report import write_roadmap
from needmap.reports.searches_report import study_searches, write_searches
from needmap.scaffold import init_study
from needmap.surveys import import_survey, load_mapping, tally_path, write_tally
from needmap.surveys.interviews import interview_files
from needmap.surveys.mapping import SurveyMapping, mapping_files
from needmap.surveys.searchlog import search_log_files

__all__ = ["DemoResult", "build_demo", "write_example_export"]

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


@dataclass
class DemoResult:
    study_dir: Path
    created: bool
    """Whether the example study was created now (else it existed and was reused)."""
    files: list[Path] = field(default_factory=list)
    warnings: tuple[Problem, ...] = ()


def build_demo(
    out: Path, template: str = "gemeente", progress: Callable[[Path], None] | None = None
) -> DemoResult:
    """Create the example study in ``out/study`` (once) and write all reports into ``out``."""
    study_dir = out / "study"
    created = not (study_dir / "study.yaml").exists()
    if created:
        init_study(study_dir, template)
    study = load_study(study_dir)
    no_pdf = pdf_unavailable()
    result = DemoResult(
        study_dir, created, warnings=(*study.warnings, *((no_pdf,) if no_pdf else ()))
    )
    pdf = (".pdf",) if no_pdf is None else ()

    def wrote(path: Path) -> None:
        result.files.append(path)
        if progress is not None:
            progress(path)

    write_overlap_bundle(study, out, progress=wrote, pdf=no_pdf is None)
    overlap_analysis = analyse_overlap(study)
    interviews = study_interviews(study)
    searches = study_searches(study)
    before_surveys = snapshot(
        plan_roadmap(study, overlap_analysis.overlap, [], interviews, searches)
    )
    surveys: list[TopTasks] = []
    for path in mapping_files(study.root):
        mapping = load_mapping(path, study)
        export = out / f"example-export-{mapping.id}.csv"
        write_example_export(study, mapping, export)
        wrote(export)
        imported = import_survey(mapping, export)
        tally = tally_path(study.root, mapping.id)
        write_tally(imported.tally, tally)
        wrote(tally)
        analysis = analyse_toptasks(study, mapping, imported.tally)
        surveys.append(analysis)
        write_toptasks_bundle(
            analysis, study.settings.language, study.settings.organisation, out, progress=wrote
        )
    if study.personas:
        profiles = build_personas(
            study, overlap_analysis, surveys, interviews=interviews, searches=searches
        )
        for suffix in (".html", *pdf, ".md"):
            path = out / f"personas{suffix}"
            write_personas(profiles, study, path)
            wrote(path)
    plan = plan_roadmap(study, overlap_analysis.overlap, surveys, interviews, searches)
    earlier = (before_surveys, labels(study.settings.language)["demo.before_surveys"])
    if surveys:
        plan = replan(plan, *earlier)
    for suffix in (".html", *pdf, ".md", ".xlsx"):
        path = out / f"roadmap{suffix}"
        write_roadmap(plan, study, path)
        wrote(path)
    if study.groups:
        guide = group_guide(study, study.groups[0].id, date.today())
        for suffix in (".html", *pdf, ".md"):
            path = out / f"guide-{guide.group.id}{suffix}"
            write_guide([guide], path)
            wrote(path)
    if interview_files(study.root):
        for suffix in (".html", ".md"):
            path = out / f"interviews{suffix}"
            write_interviews(interviews, study, path)
            wrote(path)
    if search_log_files(study.root):
        for suffix in (".html", ".md"):
            path = out / f"searches{suffix}"
            write_searches(searches, study, path)
            wrote(path)
    brief = [out / f"brief{suffix}" for suffix in (".html", *pdf, ".md")]
    write_brief(study_brief(study, earlier if surveys else None), *brief, today=date.today())
    for path in brief:
        wrote(path)
    wrote(write_index_page(study, result.files, out))
    return result


def write_example_export(study: Study, mapping: SurveyMapping, path: Path, seed: int = 2026) -> int:
    """A Microsoft Forms-style export for ``mapping``; returns the number of respondents."""
    if mapping.layout != "ms-forms":
        raise ValueError("example exports are written in the ms-forms layout")
    rnd = random.Random(seed)
    answer_of = {group: answer for answer, group in mapping.group.values.items() if group}
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
        weights = [_task_weight(study, task.needs, group.id) for task in mapping.tasks]
        rate = RESPONSE_RATES.get(group.id, DEFAULT_RESPONSE_RATE)
        for _ in range(max(1, round(group.headcount * rate))):
            number += 1
            chosen: list[int] = []
            picks = rnd.randint(3, mapping.max_picks)
            while len(chosen) < picks:
                index = rnd.choices(range(len(mapping.tasks)), weights)[0]
                if index not in chosen:
                    chosen.append(index)
            minute = number % 60
            writer.writerow(
                [
                    number,
                    f"3/{2 + number % 12}/26 9:{minute:02}:10",
                    f"3/{2 + number % 12}/26 9:{minute:02}:55",
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
