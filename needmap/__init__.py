"""needmap: stakeholder-needs research and persona modelling for digital workplaces.

The public API is listed in ``__all__``. Names are imported on first use (PEP 562), so that
``import needmap`` — and with it ``needmap --help`` — stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Study": "needmap.personas.study",
    "load_study": "needmap.personas.loader",
    "check_study": "needmap.surveys.study_check",
    "Problem": "needmap.errors",
    "Location": "needmap.errors",
    "NeedmapError": "needmap.errors",
    "InvalidStudyError": "needmap.errors",
    "init_study": "needmap.scaffold",
    "list_templates": "needmap.scaffold",
    "write_schemas": "needmap.scaffold",
    "analyse_overlap": "needmap.model.analysis",
    "analyse_toptasks": "needmap.model.toptasks",
    "compare_toptasks": "needmap.model.toptasks_change",
    "build_personas": "needmap.model.personas",
    "analyse_interviews": "needmap.model.interviews",
    "load_interviews": "needmap.surveys.interviews",
    "study_interviews": "needmap.reports.interviews_report",
    "analyse_searches": "needmap.model.searches",
    "load_search_logs": "needmap.surveys.searchlog",
    "study_searches": "needmap.reports.searches_report",
    "plan_roadmap": "needmap.model.roadmap",
    "study_roadmap": "needmap.reports.roadmap_report",
    "study_toptasks": "needmap.reports.roadmap_report",
    "persona_profiles": "needmap.reports.personas_report",
    "load_mapping": "needmap.surveys.mapping",
    "import_survey": "needmap.surveys.importer",
    "build_demo": "needmap.demo",
    "build_reports": "needmap.build",
    "study_status": "needmap.reports.status_report",
    "need_story": "needmap.reports.why_report",
}

__all__ = [
    "InvalidStudyError",
    "Location",
    "NeedmapError",
    "Problem",
    "Study",
    "__version__",
    "analyse_interviews",
    "analyse_overlap",
    "analyse_searches",
    "analyse_toptasks",
    "build_demo",
    "build_personas",
    "build_reports",
    "check_study",
    "compare_toptasks",
    "import_survey",
    "init_study",
    "list_templates",
    "load_interviews",
    "load_mapping",
    "load_search_logs",
    "load_study",
    "need_story",
    "persona_profiles",
    "plan_roadmap",
    "study_interviews",
    "study_roadmap",
    "study_searches",
    "study_status",
    "study_toptasks",
    "write_schemas",
]

if TYPE_CHECKING:
    from needmap.build import build_reports
    from needmap.demo import build_demo
    from needmap.errors import InvalidStudyError, Location, NeedmapError, Problem
    from needmap.model.analysis import analyse_overlap
    from needmap.model.interviews import analyse_interviews
    from needmap.model.personas import build_personas
    from needmap.model.roadmap import plan_roadmap
    from needmap.model.searches import analyse_searches
    from needmap.model.toptasks import analyse_toptasks
    from needmap.model.toptasks_change import compare_toptasks
    from needmap.personas.loader import load_study
    from needmap.personas.study import Study
    from needmap.reports.interviews_report import study_interviews
    from needmap.reports.personas_report import persona_profiles
    from needmap.reports.roadmap_report import study_roadmap, study_toptasks
    from needmap.reports.searches_report import study_searches
    from needmap.reports.status_report import study_status
    from needmap.reports.why_report import need_story
    from needmap.scaffold import init_study, list_templates, write_schemas
    from needmap.surveys.importer import import_survey
    from needmap.surveys.interviews import load_interviews
    from needmap.surveys.mapping import load_mapping
    from needmap.surveys.searchlog import load_search_logs
    from needmap.surveys.study_check import check_study


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'needmap' has no attribute {name!r}")
    return getattr(import_module(module), name)
