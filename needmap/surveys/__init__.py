"""Evidence: top-task survey mappings, their import and tallies; interview notes; search logs."""

from needmap.surveys.catalog import find_mapping, imported_surveys, load_survey, surveys_compared
from needmap.surveys.importer import ImportResult, import_survey
from needmap.surveys.inputs import refuse_overwriting_inputs
from needmap.surveys.interviews import Interview, check_interviews, load_interviews
from needmap.surveys.mapping import SurveyMapping, load_mapping
from needmap.surveys.searchlog import SearchLog, check_search_logs, load_search_logs
from needmap.surveys.tally import Tally, read_tally, tally_path, write_tally

__all__ = [
    "ImportResult",
    "Interview",
    "SearchLog",
    "SurveyMapping",
    "Tally",
    "check_interviews",
    "check_search_logs",
    "find_mapping",
    "import_survey",
    "imported_surveys",
    "load_interviews",
    "load_mapping",
    "load_search_logs",
    "load_survey",
    "read_tally",
    "refuse_overwriting_inputs",
    "surveys_compared",
    "tally_path",
    "write_tally",
]
