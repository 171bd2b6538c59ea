"""``needmap import-interviews``: a spreadsheet of interview quotes, written into the study.

It sits above ``surveys`` (which reads the sheet, :mod:`needmap.surveys.interview_sheet`)
because it writes a study file with the schema modeline, as ``init`` does.

A sheet usually grows through a round of interviews, so it may be imported again with
``update``: the interviews the file does not have yet are added below the others, where
the file stands, so that every comment and hand edit in it stays. An interview the file
has already is changed only where the sheet gives more of its quotes below the ones the
file has: those are added (an interview imported while its quotes were still being typed).
Where the sheet says something else of it, a warning says so and the file's is kept,
since it may hold a correction made by hand.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from needmap.errors import InvalidStudyError, Location, Problem, Severity, TargetExistsError
from needmap.fileio import replace_files
from needmap.personas.schema import Language
from needmap.personas.study import Study
from needmap.personas.yamledit import BOM, EditRefused, YamlEdit
from needmap.personas.yamlsource import YamlDocument, read_yaml_text
from needmap.scaffold import add_study_files
from needmap.surveys.interview_sheet import (
    SheetInterview,
    SheetQuote,
    interview_item_yaml,
    interview_sheet_yaml,
    quote_item_yaml,
    read_interview_sheet,
    sheet_file_stem,
    source_comment,
)
from needmap.surveys.interviews import INTERVIEW_FOLDER, Interview, InterviewsFile

__all__ = ["ImportedInterviews", "import_interview_sheet"]


@dataclass(frozen=True)
class ImportedInterviews:
    path: Path
    """The interview file written to (or, when nothing was new, left as it was)."""
    interviews: tuple[SheetInterview, ...]
    """The interviews written: all of the sheet's in a new file, the new ones on update."""
    warnings: tuple[Problem, ...]
    already: tuple[str, ...] = ()
    """Ids of the sheet's interviews that the file had already (on update)."""
    created: bool = True
    """Whether the file is new (else the interviews were added to it, if any)."""
    grown: tuple[tuple[str, int], ...] = ()
    """Interviews the file had, to which the sheet added quotes: id, and quotes added."""


def import_interview_sheet(
    study: Study, sheet: Path, name: str | None = None, *, update: bool = False
) -> ImportedInterviews:
    """Write the interviews of ``sheet`` into the study as the new file
    ``interviews/NAME.yaml`` (``name`` defaults to the sheet's file name). Nothing is
    written when the sheet has an error (all are raised together). When the file exists,
    ``update`` adds the interviews it does not have yet; without it, nothing is written."""
    stem = sheet_file_stem(name if name is not None else sheet.stem)
    relative = f"{INTERVIEW_FOLDER}/{stem}.yaml"
    target = study.root / relative
    exists = target.exists()
    if exists and not update and _imported_from(target, sheet.name):  # say that first
        raise TargetExistsError.single(
            f"{relative} exists already: was this sheet imported before?",
            path=target,
            hint="to add the interviews it does not have yet, use --update; to add the "
            "sheet as a file of its own, give it another name with --name",
        )
    if exists and not update:  # a file of the template's, or written by hand
        free = next(
            f"{stem}-{n}"
            for n in itertools.count(2)
            if not (study.root / INTERVIEW_FOLDER / f"{stem}-{n}.yaml").exists()
        )
        raise TargetExistsError.single(
            f"{relative} exists already, and was not imported from {sheet.name}",
            path=target,
            hint=f"give the sheet's interviews a file of their own with --name {free}; or, to "
            "add them to that file, use --update",
        )
    interviews, warnings = read_interview_sheet(study, sheet, into=target if exists else None)
    if not exists:
        text = interview_sheet_yaml(interviews, sheet.name, study.settings.language)
        read_back = read_yaml_text(text, target)
        _check_valid(read_back.data, target, read_back.problems)
        [written] = add_study_files(study.root, {relative: text.encode("utf-8")})
        return ImportedInterviews(written, tuple(interviews), tuple(warnings))
    return _add_new(target, relative, sheet, interviews, warnings)


def _imported_from(target: Path, sheet_name: str) -> bool:
    """Whether the interview file ``target`` was written by importing the sheet named
    ``sheet_name``: a comment at its top says so, in either language (below the schema's
    modeline that ``init`` and the import put first)."""
    try:
        with target.open(encoding="utf-8-sig", errors="replace") as text:
            top = [line.rstrip("\r\n") for line in itertools.islice(text, 3)]
    except OSError:
        return False
    return any(source_comment(sheet_name, language) in top for language in get_args(Language))


def _add_new(
    target: Path,
    relative: str,
    sheet: Path,
    interviews: Sequence[SheetInterview],
    warnings: list[Problem],
) -> ImportedInterviews:
    """Append to ``target`` the interviews it does not have, and the quotes the sheet gives
    below the last of one it has; warn of one it has in another form, and of one it has
    that the sheet no longer gives."""
    text = target.read_bytes().decode("utf-8")
    body = text.removeprefix(BOM)
    document = read_yaml_text(body, target)
    items: list[Any] = (document.data or {}).get("interviews") or []
    in_file = {item["id"]: (i, Interview.model_validate(item)) for i, item in enumerate(items)}
    edit = YamlEdit(body, document)
    expected = copy.deepcopy(document.data)
    new: list[SheetInterview] = []
    grown: list[tuple[str, int]] = []
    for interview in interviews:
        [written] = read_yaml_text("\n".join(interview_item_yaml(interview)) + "\n", target).data
        if interview.id not in in_file:
            new.append(interview)
            expected["interviews"].append(written)
            continue
        index, kept = in_file[interview.id]
        given = Interview.model_validate(written)
        if given == kept:
            continue
        more = interview.quotes[len(kept.quotes) :]
        if _grown(kept, given) and _append_quotes(edit, index, more):
            grown.append((interview.id, len(more)))
            expected["interviews"][index]["quotes"].extend(written["quotes"][-len(more) :])
            continue
        warnings.append(
            Problem(
                Location(sheet, interview.line),
                f"interview '{interview.id}' differs from the one in {relative}, "
                "which is kept as it is",
                hint="change it in the file; or remove it there and import again to take "
                "the sheet's",
                severity=Severity.WARNING,
            )
        )
    warnings += _not_in_sheet(document, in_file, interviews, sheet)
    if new or grown:
        try:
            if new:
                edit.append_items(("interviews",), ["\n".join(interview_item_yaml(i)) for i in new])
            after = edit.result(expected)  # reads back as ``expected``, or refused
            _check_valid(expected, target)
        except EditRefused as exc:
            raise InvalidStudyError(
                [
                    Problem(
                        exc.location or Location(target),
                        f"cannot add interviews to this file safely: {exc.message}",
                        hint="import the sheet into a file of its own with --name; "
                        "nothing was written",
                    )
                ]
            ) from None
        prefix = BOM if text.startswith(BOM) else ""
        replace_files({target: (prefix + after).encode("utf-8")})
    new_ids = {interview.id for interview in new}
    return ImportedInterviews(
        target,
        tuple(new),
        tuple(warnings),
        already=tuple(i.id for i in interviews if i.id not in new_ids),
        created=False,
        grown=tuple(grown),
    )


def _check_valid(data: Any, path: Path, problems: Sequence[Problem] = ()) -> None:
    """Raise unless ``data`` (what the text to write reads back as, with the reader's
    ``problems``) is interviews that ``validate`` accepts, read without a problem: what this
    module writes is checked before it reaches the study, never after."""
    try:
        InterviewsFile.model_validate(data)
    except ValidationError as exc:
        found = exc.errors()[0]["msg"]
    else:
        if not problems:
            return
        found = problems[0].message
    raise InvalidStudyError.single(
        f"the interviews would not read back as written: {found}",
        path=path,
        hint="nothing was written; this is a needmap bug, please report it with the sheet",
    )


def _append_quotes(edit: YamlEdit, index: int, quotes: Sequence[SheetQuote]) -> bool:
    """Add ``quotes`` below the quotes of the file's interview ``index``; False when they
    are not written one a line (a flow list, or no ``quotes:`` at all)."""
    try:
        edit.append_items(
            ("interviews", index, "quotes"), ["\n".join(quote_item_yaml(q)) for q in quotes]
        )
    except EditRefused:
        return False
    return True


def _grown(kept: Interview, given: Interview) -> bool:
    """Whether ``given`` is ``kept`` with quotes added below its last."""
    n = len(kept.quotes)
    return (
        len(given.quotes) > n
        and given.quotes[:n] == kept.quotes
        and given.model_copy(update={"quotes": []}) == kept.model_copy(update={"quotes": []})
    )


def _not_in_sheet(
    document: YamlDocument,
    in_file: Mapping[str, tuple[int, Interview]],
    interviews: Sequence[SheetInterview],
    sheet: Path,
) -> list[Problem]:
    """A warning for each interview of the file that the sheet does not give."""
    in_sheet = {interview.id for interview in interviews}
    return [
        Problem(
            document.source.locate(("interviews", index, "id")),
            f"interview '{gone}' is not in {sheet.name} (any more): it is kept",
            hint="if the sheet gave it another name, remove the old one here, or its quotes "
            "count twice",
            severity=Severity.WARNING,
        )
        for gone, (index, _) in in_file.items()
        if gone not in in_sheet
    ]
