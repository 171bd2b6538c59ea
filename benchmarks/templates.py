"""Templates compiled once per process, against a fresh jinja Environment per page, in one run.

Every page and chapter is rendered through ``needmap.reports.jinja.environment()``. Jinja
compiles a template the first time its Environment is asked for it and keeps it there; the
Environment is now made once, so each template (and the base and macros every page extends
and imports) is compiled once per process. The baseline is the same build with a fresh
Environment for every page, as before. On ``needmap build --no-pdf`` of the Dutch
municipality demo study (what ``needmap serve`` does after each save); the rounds alternate,
and each one's best time counts.

    python benchmarks/templates.py [--repeat N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_study import compare_builds  # noqa: E402

import needmap.reports.jinja as jinja  # noqa: E402
import needmap.reports.table_formats as table_formats  # noqa: E402
from needmap.build import build_reports  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402

_USERS = (jinja, table_formats)
"""The modules that call ``environment()`` by that name."""


def timed_build(study_dir: Path, out: Path, shared: bool) -> float:
    made_once = jinja.environment
    for module in _USERS:
        vars(module)["environment"] = made_once if shared else made_once.__wrapped__
    try:
        start = time.perf_counter()
        build_reports(load_study(study_dir), out, pdf=False)
        return time.perf_counter() - start
    finally:
        for module in _USERS:
            vars(module)["environment"] = made_once


def main() -> None:
    compare_builds(
        __doc__,
        timed_build,
        "a fresh Environment for every page",
        "one Environment, templates kept",
    )


if __name__ == "__main__":
    main()
