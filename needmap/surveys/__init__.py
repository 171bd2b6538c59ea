"""Evidence from surveys: mappings of survey-tool exports, import, and tallies."""

from needmap.surveys.catalog import find_mapping, imported_surveys, load_survey
from needmap.surveys.importer import ImportResult, import_survey
from needmap.surveys.mapping import SurveyMapping, load_mapping
from needmap.surveys.tally import Tally, read_tally, tally_path, write_tally

__all__ = [
    "ImportResult",
    "SurveyMapping",
    "Tally",
    "find_mapping",
    "import_survey",
    "imported_surveys",
    "load_mapping",
    "load_survey",
    "read_tally",
    "tally_path",
    "write_tally",
]
