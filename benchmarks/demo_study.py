"""The demo study that ``build.py`` and ``brief.py`` time, built in a temporary folder,
with the ``--repeat`` option both take."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from needmap.demo import build_demo


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
