"""When a study last changed: its files' times and sizes, without a file-watching library.

``needmap build --watch`` and ``needmap serve`` build again when the fingerprint changes;
``needmap status`` tells when the reports in ``reports/`` are older than the newest file.
"""

from __future__ import annotations

from pathlib import Path

from needmap.errors import WORKBOOKS
from needmap.personas.yamlsource import walk_folders

__all__ = ["REPORTS", "study_fingerprint"]

REPORTS = "reports"
"""The folder inside a study that ``needmap build`` writes into by default."""

_WATCHED = (".yaml", ".yml", ".json", ".csv", ".tsv", ".txt", *WORKBOOKS)
"""What a study's files end with: definitions, mappings, tallies, interviews, search logs
and the exports they read."""


def study_fingerprint(root: Path, *outputs: Path) -> frozenset[tuple[str, int, int]]:
    """Each study file below ``root`` (not in the ``outputs`` folders or hidden ones, in
    linked ones too, as the study reads them) with its modification time and size: when
    this changes, the reports are out of date.

    ``needmap build --watch`` and ``needmap serve`` compare it twice a second. A study is
    a few dozen small files, so reading their times is cheap, and it sees every way an
    editor saves (a rename over the old file included) without a file-watching library.
    """
    skip = {output.resolve() for output in outputs}
    found = set()
    for here, files in walk_folders(root, lambda folder: folder.resolve() in skip):
        for name in files:
            if name.endswith(_WATCHED) and not name.startswith("."):
                try:
                    stat = (here / name).stat()
                except OSError:  # removed between the listing and now
                    continue
                found.add((str(here / name), stat.st_mtime_ns, stat.st_size))
    return frozenset(found)
