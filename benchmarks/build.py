"""``needmap build`` speed: PDFs laid out two at a time, against one at a time, in one run.

Most of a build is WeasyPrint laying out the PDFs (the overviews, personas, roadmap, guides
and the brief), which is Python code; ``write_pdfs`` lays them out in two processes where
there are two cores. The baseline is the same build with one core allowed, so only that
differs. On the Dutch municipality demo study (nine groups, 46 needs, a survey held three
times, interviews and a search log); the rounds alternate, and each one's best time counts.

    python benchmarks/build.py [--repeat N]
"""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_study import demo_study  # noqa: E402
from timing import alternating_best  # noqa: E402

import needmap.reports.pdf as pdf  # noqa: E402
from needmap.build import build_reports  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402


def timed_build(study_dir: Path, out: Path, cores: int) -> float:
    real = pdf._cores
    pdf._cores = lambda: cores  # the one difference between the runs
    try:
        start = time.perf_counter()
        build_reports(load_study(study_dir), out)
        return time.perf_counter() - start
    finally:
        pdf._cores = real


def main() -> None:
    with demo_study(__doc__, "gemeente", "rounds; the best of each counts") as (
        repeat,
        root,
        study_dir,
    ):
        one, two = alternating_best(
            partial(timed_build, study_dir, root / "one", 1),
            partial(timed_build, study_dir, root / "two", 2),
            repeat,
        )
        print(f"needmap build of the gemeente demo, with PDFs, best of {repeat}")
        print(f"one process: {one:5.1f} s")
        print(f"two at once: {two:5.1f} s  ({one / two:.2f}x faster)")


if __name__ == "__main__":
    main()
