"""``needmap import-interviews``: a spreadsheet of interview quotes, written into the study.

It sits above ``surveys`` (which reads the sheet, :mod:`needmap.surveys.interview_sheet`)
because it writes a study file with the schema modeline, as ``init`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from needmap.errors import Problem, TargetExistsError
from needmap.personas.study import Study
from needmap.scaffold import add_study_files
from needmap.surveys.interview_sheet import (
    SheetInterview,
    interview_sheet_yaml,
    read_interview_sheet,
    sheet_file_stem,
)
from needmap.surveys.interviews import INTERVIEW_FOLDER

__all__ = ["ImportedInterviews", "import_interview_sheet"]


@dataclass(frozen=True)
class ImportedInterviews:
    path: Path
    """The interview file written."""
    interviews: tuple[SheetInterview, ...]
    warnings: tuple[Problem, ...]


def import_interview_sheet(
    study: Study, sheet: Path, name: str | None = None
) -> ImportedInterviews:
    """Write the interviews of ``sheet`` into the study as the new file
    ``interviews/NAME.yaml`` (``name`` defaults to the sheet's file name). Nothing is
    written when the sheet has an error (all are raised together) or the file exists."""
    stem = sheet_file_stem(name if name is not None else sheet.stem)
    relative = f"{INTERVIEW_FOLDER}/{stem}.yaml"
    if (study.root / relative).exists():  # most likely imported before: say that first
        raise TargetExistsError.single(
            f"{relative} exists already: was this sheet imported before?",
            path=study.root / relative,
            hint="to add it as well, give it another file name with --name; to replace "
            "it, remove that file first",
        )
    interviews, warnings = read_interview_sheet(study, sheet)
    data = interview_sheet_yaml(interviews, sheet.name).encode("utf-8")
    [written] = add_study_files(study.root, {relative: data})
    return ImportedInterviews(written, tuple(interviews), tuple(warnings))
