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
    "Problem": "needmap.errors",
    "Location": "needmap.errors",
    "NeedmapError": "needmap.errors",
    "InvalidStudyError": "needmap.errors",
    "init_study": "needmap.scaffold",
    "list_templates": "needmap.scaffold",
    "write_schemas": "needmap.scaffold",
}

__all__ = [
    "InvalidStudyError",
    "Location",
    "NeedmapError",
    "Problem",
    "Study",
    "__version__",
    "init_study",
    "list_templates",
    "load_study",
    "write_schemas",
]

if TYPE_CHECKING:
    from needmap.errors import InvalidStudyError, Location, NeedmapError, Problem
    from needmap.personas.loader import load_study
    from needmap.personas.study import Study
    from needmap.scaffold import init_study, list_templates, write_schemas


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'needmap' has no attribute {name!r}")
    return getattr(import_module(module), name)
