"""The ``needmap`` command: parse arguments, call one library function, print.

``app`` (in :mod:`needmap.cli.app`, with the one error handler and what the commands share)
gets its commands from the modules below, imported in the order ``needmap --help`` lists
them. Only this package knows typer and rich.
"""

# isort: off
from needmap.cli import setup  # noqa: F401  init, templates, validate, schema
from needmap.cli import overlap  # noqa: F401  overlap, diagram, table, report
from needmap.cli import plans  # noqa: F401  personas, roadmap
from needmap.cli import guide  # noqa: F401  guide, import-interviews
from needmap.cli import evidence  # noqa: F401  interviews, searches, toptasks
from needmap.cli import survey  # noqa: F401  survey import, survey draft
from needmap.cli import brief  # noqa: F401  why, brief, status, build, demo
from needmap.cli import serve  # noqa: F401  serve
from needmap.cli import groups  # noqa: F401  groups
from needmap.cli import needs  # noqa: F401  needs
from needmap.cli import phases  # noqa: F401  phases

# isort: on
from needmap.cli.app import app, main

__all__ = ["app", "main"]
