"""Study definitions: file formats (pydantic), the position-keeping YAML reader, loading."""

from needmap.personas.loader import load_study
from needmap.personas.study import Study

__all__ = ["Study", "load_study"]
