"""The demo study that the build benchmarks time, built in a temporary folder, with the
``--repeat`` option they all take."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from timing import alternating_best

from needmap.demo import build_demo

TimedBuild = Callable[[Path, Path, bool], float]
"""A build of the study into a folder, the way under test (True) or the baseline's; the
seconds it took, leaving out its set-up."""


@contextmanager
def demo_study(doc: str, template: str, repeat_help: str) -> Iterator[tuple[int, Path, Path]]:
    """Parse the command line (``doc``'s first line is its description), build the demo
    of ``template``, and give the rounds to run, the temporary folder and the study."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help=repeat_help)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build_demo(root / "demo", template)
        yield repeat, root, root / "demo" / "study"


def compare_builds(doc: str, timed_build: TimedBuild, baseline: str, action: str) -> None:
    """Time ``build --no-pdf`` of the Dutch demo both ways, in alternating rounds after one
    to warm up (imports, fonts, templates), and print the best of each: ``baseline`` and
    ``action`` say what each way is."""
    with demo_study(doc, "gemeente", "rounds; the best of each counts") as (
        repeat,
        root,
        study_dir,
    ):
        timed_build(study_dir, root / "warm", True)
        base, timed = alternating_best(
            partial(timed_build, study_dir, root / "baseline", False),
            partial(timed_build, study_dir, root / "action", True),
            repeat,
        )
        width = max(len(baseline), len(action)) + 1
        print(f"needmap build --no-pdf of the gemeente demo, best of {repeat}")
        print(f"{baseline + ':':{width}} {base:5.2f} s")
        print(f"{action + ':':{width}} {timed:5.2f} s  ({base / timed:.2f}x faster)")
