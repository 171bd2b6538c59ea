"""Brief performance, as a ratio to a baseline measured in the same run.

The brief gathers every report of a study into one document. Its baseline is what a user
would otherwise run: each report on its own (the overlap overviews of groups and families,
the roadmap, the personas, the top-task page and its comparison with the run before, the
interviews and the search logs), each computing what it needs, as separate ``needmap``
commands do. Both are timed as HTML and as PDF, on the municipality demo study (nine groups,
46 needs, a survey of 514 respondents held again after one of 410, interviews and a search
log). The brief adds a cover, the contents and the "why these needs
come first" chapter, so it should cost about as much as the reports, not more.

    python benchmarks/brief.py [--repeat N]
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_study import demo_study  # noqa: E402
from timing import best_time  # noqa: E402

from needmap.model.analysis import analyse_overlap  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402
from needmap.reports.brief import study_brief, write_brief  # noqa: E402
from needmap.reports.diagram import draw_diagram  # noqa: E402
from needmap.reports.interviews_report import study_interviews, write_interviews  # noqa: E402
from needmap.reports.overview import write_overview  # noqa: E402
from needmap.reports.personas_report import persona_profiles, write_personas  # noqa: E402
from needmap.reports.roadmap_report import study_roadmap, write_roadmap  # noqa: E402
from needmap.reports.searches_report import study_searches, write_searches  # noqa: E402
from needmap.reports.survey_runs import study_runs  # noqa: E402
from needmap.reports.toptasks_change import write_change  # noqa: E402
from needmap.reports.toptasks_page import write_toptasks_page  # noqa: E402


def each_report(study_dir: Path, out: Path, suffix: str) -> None:
    """Every report the brief holds, written on its own, as separate commands would."""
    study = load_study(study_dir)
    for by_family in (False, True):
        analysis = analyse_overlap(study, by_family=by_family)
        diagram = draw_diagram(study, analysis.overlap)
        write_overview(analysis, diagram, out / f"overlap-{by_family}{suffix}")
        diagram.figure.clear()
    write_roadmap(study_roadmap(study), study, out / f"roadmap{suffix}")
    write_personas(persona_profiles(study), study, out / f"personas{suffix}")
    language, organisation = study.settings.language, study.settings.organisation
    runs = study_runs(study)
    for survey in runs.latest:
        write_toptasks_page(survey, language, organisation, out / f"toptasks{suffix}")
    for change in runs.changes:
        write_change(change, language, organisation, out / f"compare{suffix}")
    write_interviews(study_interviews(study), study, out / f"interviews{suffix}")
    write_searches(study_searches(study), study, out / f"searches{suffix}")


def the_brief(study_dir: Path, out: Path, suffix: str) -> None:
    write_brief(study_brief(load_study(study_dir)), out / f"brief{suffix}")


def main() -> None:
    with demo_study(__doc__, "municipality", "runs of each; the best counts") as (
        repeat,
        root,
        study_dir,
    ):
        print(f"municipality demo study, best of {repeat}")
        print(f"{'output':8} {'reports':>9} {'brief':>9} {'ratio':>7}")
        for suffix in (".html", ".pdf"):
            reports = best_time(partial(each_report, study_dir, root, suffix), repeat)
            brief = best_time(partial(the_brief, study_dir, root, suffix), repeat)
            print(f"{suffix[1:]:8} {reports:8.2f}s {brief:8.2f}s {brief / reports:6.2f}x")


if __name__ == "__main__":
    main()
