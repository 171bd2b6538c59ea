"""The study's files that name groups, needs or phases, rewritten together: what merge, split and
rename share.

Each YAML file is edited where its values stand (:mod:`needmap.personas.yamledit`), read
back, and compared with what the edit should give; nothing is written unless every file
passed, and then all files are replaced together (:func:`~needmap.fileio.replace_files`).
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from needmap.errors import InvalidStudyError, Location, Problem, Severity, plural
from needmap.fileio import replace_files
from needmap.personas.loader import STUDY_FILE, definition_files
from needmap.personas.study import Study
from needmap.personas.yamledit import BOM, EditRefused, YamlEdit
from needmap.personas.yamlsource import read_yaml_text
from needmap.surveys.catalog import check_mappings
from needmap.surveys.interviews import check_interviews, interview_files
from needmap.surveys.mapping import mapping_files
from needmap.surveys.tally import Tally, tally_text

__all__ = [
    "FileChange",
    "Rewrite",
    "Rewriter",
    "StudyEdits",
    "check_evidence",
    "description_at_after",
    "importance_rank",
    "rewritten_files",
    "tally_change",
    "tally_files",
    "unified_diff",
    "write_study_edits",
    "yaml_changes",
]


@dataclass(frozen=True)
class FileChange:
    """One file of the study as it is and as it will be."""

    path: Path
    before: str
    after: str
    what: str
    """What changes in it, counted: "5 needs, 1 persona"."""
    private: bool = False
    """Whether the text holds counts of groups that may be small (a tally): the diff
    names the file but does not show it."""


@dataclass(frozen=True)
class StudyEdits:
    """Changes to a study's files, file by file; nothing written yet."""

    root: Path
    changes: tuple[FileChange, ...]

    def diff(self) -> str:
        """The changes as a unified diff, with paths relative to the study."""
        parts: list[str] = []
        for change in self.changes:
            name = change.path.relative_to(self.root).as_posix()
            if change.private:
                parts.append(f"# {name}: {change.what} (not shown: it holds counts per group)\n")
                continue
            parts.extend(
                unified_diff(
                    change.before.splitlines(keepends=True),
                    change.after.splitlines(keepends=True),
                    f"a/{name}",
                    f"b/{name}",
                )
            )
        return "".join(line if line.endswith("\n") else line + "\n" for line in parts)


def unified_diff(
    before: Sequence[str], after: Sequence[str], before_name: str, after_name: str
) -> Iterable[str]:
    """``before`` and ``after`` as a unified diff with three lines of context, as
    :func:`difflib.unified_diff` writes it, but lined up without difflib's "popular line"
    shortcut: in a file of 200 lines or more, a line as common as ``channel: platform``
    is never matched, so a need's changed line took its unchanged neighbours along as
    removed and added again."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for number, group in enumerate(matcher.get_grouped_opcodes(3)):
        if not number:
            yield f"--- {before_name}\n"
            yield f"+++ {after_name}\n"
        first, last = group[0], group[-1]
        old = _hunk_range(first[1], last[2])
        new = _hunk_range(first[3], last[4])
        yield f"@@ -{old} +{new} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in before[i1:i2])
                continue
            yield from ("-" + line for line in before[i1:i2])
            yield from ("+" + line for line in after[j1:j2])


def _hunk_range(start: int, stop: int) -> str:
    """A hunk's lines as a unified diff's header gives them: the first line's number
    (the line before, for none) and, unless it is one line, their count."""
    length = stop - start
    first = start + 1 if length else start
    return str(first) if length == 1 else f"{first},{length}"


def write_study_edits(edits: StudyEdits) -> None:
    """Write every changed file, or none of them."""
    replace_files({change.path: change.after.encode("utf-8") for change in edits.changes})


def check_evidence(study: Study) -> None:
    """Refuse to start while a survey mapping or an interview file has errors: they are
    among the files to change, and must read as the study's loader reads them."""
    problems = [
        p
        for p in (*check_mappings(study), *check_interviews(study))
        if p.severity is Severity.ERROR
    ]
    if problems:
        raise InvalidStudyError(problems)


class Rewriter(Protocol):
    """What one change of groups does to each kind of entry. Each method edits the text
    through ``edit``, changes ``items`` (a copy of the data) the same way, and returns how
    many entries it changed."""

    def groups(self, items: list[Any], edit: YamlEdit, section: str) -> int: ...

    def needs(self, items: list[Any], edit: YamlEdit, section: str) -> int: ...

    def members(self, items: list[Any], edit: YamlEdit, section: str) -> int:
        """Personas and interviews: the entries with a ``group``."""
        ...

    def answers(self, values: dict[str, Any], edit: YamlEdit) -> int:
        """A survey mapping's ``group.values``: answer -> group id."""
        ...


_NOUNS = {
    "groups": "group",
    "needs": "need",
    "personas": "persona",
    "interviews": "interview",
    "answers": "survey answer",
    "quotes": "quote",
    "tasks": "task",
    "topics": "search topic",
    "phases": "roadmap phase",
    "decisions": "decided need",
}

Rewrite = Callable[[dict[str, Any], YamlEdit], dict[str, int]]
"""A change of one YAML document: made through the edit and in the data (a copy) alike;
returns how many entries of each kind (a key of ``_NOUNS``) it changed."""


def yaml_changes(root: Path, rewriter: Rewriter) -> list[FileChange]:
    """The YAML files of the study that ``rewriter`` changes, as they would become."""
    files = [root / STUDY_FILE, *definition_files(root), *interview_files(root)]
    return rewritten_files([*files, *mapping_files(root)], partial(_rewrite, rewriter=rewriter))


def rewritten_files(paths: Iterable[Path], rewrite: Rewrite) -> list[FileChange]:
    """The files among ``paths`` that ``rewrite`` changes, as they would become."""
    changes = []
    for path in paths:
        change = _yaml_change(path, rewrite)
        if change is not None:
            changes.append(change)
    return changes


def _yaml_change(path: Path, rewrite: Rewrite) -> FileChange | None:
    text = path.read_bytes().decode("utf-8")
    body = text.removeprefix(BOM)
    document = read_yaml_text(body, path)
    if not isinstance(document.data, dict):
        return None
    edit = YamlEdit(body, document)
    expected = copy.deepcopy(document.data)
    try:
        counted = rewrite(expected, edit)
        if not any(counted.values()):
            return None
        after = edit.result(expected)
    except EditRefused as exc:
        problem = Problem(
            exc.location or Location(path),
            f"cannot change this file safely: {exc.message}",
            hint="make this change by hand; nothing was written",
        )
        raise InvalidStudyError([problem]) from None
    prefix = BOM if text.startswith(BOM) else ""
    return FileChange(path, text, prefix + after, _what(counted))


def _rewrite(data: dict[str, Any], edit: YamlEdit, *, rewriter: Rewriter) -> dict[str, int]:
    """Let ``rewriter`` change each kind of entry ``data`` holds (through ``edit``, and in
    ``data`` itself, a copy): how many of each kind it changed."""
    lists = {
        "groups": rewriter.groups,
        "needs": rewriter.needs,
        "personas": rewriter.members,
        "interviews": rewriter.members,
    }
    counted = {
        section: change(items, edit, section)
        for section, change in lists.items()
        if isinstance(items := data.get(section), list)
    }
    group = data.get("group")
    if isinstance(group, dict) and isinstance(group.get("values"), dict):
        counted["answers"] = rewriter.answers(group["values"], edit)
    return counted


def _what(counted: Mapping[str, int]) -> str:
    return ", ".join(plural(n, _NOUNS[key]) for key, n in counted.items() if n)


def tally_change(path: Path, tally: Tally, group: str, verb: str, min_size: int) -> FileChange:
    """``path`` rewritten as ``tally``: how many respondents ``group`` now has, or n<5 when
    too few to show."""
    count = tally.respondents[group]
    shown = plural(count, "respondent") if count >= min_size else f"n<{min_size} respondents"
    before = path.read_text(encoding="utf-8")
    return FileChange(path, before, tally_text(tally), f"{shown} {verb}", True)


def tally_files(root: Path) -> Sequence[Path]:
    """The imported tallies of the study: ``surveys/*.tally.json``."""
    folder = root / "surveys"
    return sorted(folder.glob("*.tally.json")) if folder.is_dir() else []


def description_at_after(
    study: Study, changes: Sequence[FileChange], kind: str, kept: str, into: str
) -> Location | None:
    """Where the description of the entry of ``kind`` that was ``kept`` (and is ``into``
    now) stands once the files are changed: a merged group or need keeps one description,
    which may need rewriting to describe them all."""
    origin = study.origins.get((kind, kept))
    if origin is None or origin.path is None:
        return origin
    text = next((c.after for c in changes if c.path == origin.path), None)
    if text is None:
        text = origin.path.read_text(encoding="utf-8")
    document = read_yaml_text(text.removeprefix(BOM), origin.path)
    items = document.data.get(kind) if isinstance(document.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else ()):
        if isinstance(item, dict) and item.get("id") == into:
            return document.source.locate((kind, i, "description"))
    return origin


_IMPORTANCE_RANK = {"could": 1, "should": 2, "must": 3}


def importance_rank(importance: object) -> int:
    """How much an importance weighs when merged groups or needs keep the highest: must
    over should over could; 0 for anything else (a value the schema will report)."""
    return _IMPORTANCE_RANK.get(importance, 0) if isinstance(importance, str) else 0
