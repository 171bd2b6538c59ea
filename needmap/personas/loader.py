"""Load a study folder: find its files, read and validate each, check references across them.

Layout (see docs/study-format.md)::

    study.yaml                 settings; may also hold families, groups, needs, personas
    families.yaml groups.yaml needs.yaml personas.yaml      optional, at the top
    groups/ needs/ personas/   optional folders; every *.yaml in them is read, sorted by path

Every definitions file may hold any of ``families``, ``groups``, ``needs`` and ``personas``;
by convention a file holds what its name says. All problems of all files are collected and
raised together.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar, cast

from pydantic import BaseModel, ValidationError

from needmap.errors import (
    InvalidStudyError,
    Location,
    NeedmapError,
    Problem,
    Severity,
)
from needmap.personas.locate import STUDY_FILE, not_a_study
from needmap.personas.lookalikes import Lookalike, capital_suffixes, lookalikes
from needmap.personas.messages import (
    closest,
    did_you_mean,
    one_per_place,
    personal_data_warnings,
)
from needmap.personas.other_words import key_meant
from needmap.personas.references import (
    Definitions,
    Placed,
    Unchecked,
    check_references,
    renamed_ids,
)
from needmap.personas.schema import (
    DEFINITION_KINDS,
    Family,
    Need,
    Persona,
    RoadmapPhase,
    StudyFile,
    StudySettings,
    TargetGroup,
)
from needmap.personas.schema_messages import schema_problems
from needmap.personas.slips import slips
from needmap.personas.study import Renames, Study, StudyIds, WrittenIds
from needmap.personas.yamlsource import YAML_SUFFIXES, YamlDocument, read_yaml_file, yaml_files
from needmap.scrub import name_words

__all__ = [
    "DEFINITION_FOLDERS",
    "STUDY_FILE",
    "StudyReading",
    "definition_files",
    "definition_lookalikes",
    "definition_suffixes",
    "load_study",
    "read_study",
]

T = TypeVar("T", bound=BaseModel)

DEFINITION_FOLDERS: tuple[str, ...] = ("families", "groups", "needs", "personas")


def definition_files(root: Path) -> Iterator[Path]:
    """The definitions files of a study, in the order they are read."""
    for name in DEFINITION_FOLDERS:
        for suffix in YAML_SUFFIXES:
            top = root / f"{name}{suffix}"
            if top.is_file():
                yield top
        yield from yaml_files(root / name, below=True)


def load_study(root: Path | str) -> Study:
    """Load and check the study in folder ``root``.

    Raises :class:`~needmap.errors.InvalidStudyError` with every problem found (errors and
    warnings; warnings alone are on the returned study), or
    :class:`~needmap.errors.NotAStudyError`.
    """
    reading = read_study(root)
    if reading.study is None:
        raise InvalidStudyError(reading.problems)
    return reading.study


@dataclass(frozen=True)
class StudyReading:
    """A study folder as read: the study if it has no errors, every problem, and its ids."""

    study: Study | None
    """None when any problem is an error."""
    problems: tuple[Problem, ...]
    ids: StudyIds
    """The study itself, or the ids its files give (:class:`WrittenIds`), so that the study's
    evidence files can be checked in the same run as broken definitions."""
    settings: StudySettings | None = None
    """The study file's settings, when it could be read (the study may still have errors)."""


def read_study(root: Path | str) -> StudyReading:
    """Read and check the study in folder ``root``, keeping what could be read when it has
    errors (``validate`` goes on to check the evidence files with it).

    Raises :class:`~needmap.errors.NotAStudyError` for a folder that is not a study.
    """
    root = Path(root)
    study_path = root / STUDY_FILE
    if not root.is_dir() or not study_path.is_file():
        raise not_a_study(root)

    reading = _Reading()
    settings = reading.study_file(study_path)
    for path in definition_files(root):
        reading.definitions_file(path)
    definitions = reading.definitions()
    absent = _absent_kinds(definitions)
    unread = definition_lookalikes(root, absent)
    problems = reading.problems
    if settings is not None:
        problems.extend(_completeness(absent, study_path, reading.left_empty, unread))
    definitions = replace(definitions, unread=definitions.unread | (absent & set(_REQUIRED)))
    renames = (
        Renames(root, "groups", renamed_ids(definitions, "groups")),
        Renames(root, "needs", renamed_ids(definitions, "needs")),
    )
    problems = one_per_place(
        [*problems, *check_references(definitions, warn=not problems, renames=renames, root=root)]
    )
    problems.extend(reading.warnings)
    problems.extend(found.warning() for kind, found in unread.items() if kind not in _REQUIRED)
    problems.extend(found.warning() for found in definition_suffixes(root))
    own_names = name_words([settings.organisation]) if settings is not None else frozenset()
    problems.extend(_personal_data(definitions.personas, own_names))
    problems.extend(slips(definitions))
    if settings is None or any(p.severity is Severity.ERROR for p in problems):
        ids = WrittenIds(
            root, definitions.known("groups"), definitions.known("needs"), *renames, own_names
        )
        return StudyReading(None, tuple(problems), ids, settings)
    study = Study(
        root=root,
        settings=settings,
        families=tuple(p.item for p in definitions.families),
        groups=tuple(p.item for p in definitions.groups),
        needs=tuple(p.item for p in definitions.needs),
        personas=tuple(p.item for p in definitions.personas),
        origins={
            (kind, str(getattr(p.item, "id"))): p.at("id")  # noqa: B009
            for kind in DEFINITION_KINDS
            for p in reading.items[kind]
        },
        warnings=tuple(problems),  # no error, so every problem is a warning
    )
    return StudyReading(study, tuple(problems), study, settings)


_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "families": Family,
    "groups": TargetGroup,
    "needs": Need,
    "personas": Persona,
}


class _Reading:
    """Collects items and problems while the files of one study are read.

    Items are validated one at a time, so that one broken need does not hide the rest of its
    file; ids of broken items are still remembered, so references to them do not cascade
    into "unknown id" errors elsewhere.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.items: dict[str, list[Placed[BaseModel]]] = {k: [] for k in DEFINITION_KINDS}
        self.unchecked: dict[str, list[Unchecked]] = {k: [] for k in DEFINITION_KINDS}
        self.written: dict[str, list[Placed[BaseModel] | Unchecked]] = {
            k: [] for k in DEFINITION_KINDS
        }
        self.phases: list[Placed[RoadmapPhase]] = []
        self.unread: set[str] = set()
        """See :attr:`Definitions.unread`."""
        self.left_empty: dict[str, Location] = {}
        """Each kind whose key is written with no items (``needs: []``), at its first key:
        where a study without any of them is told to add one."""
        self.warnings: list[Problem] = []
        """Warnings about the settings, kept apart from :attr:`problems`: a warning must not
        stop the checks that run only while the files have no problem."""

    def study_file(self, path: Path) -> StudySettings | None:
        document = self._read(path, empty_ok=False)
        if document is None:
            return None
        data = dict(document.data)
        for kind in DEFINITION_KINDS:
            self._items(document, kind, data.pop(kind, None))
        for key, value in data.items():
            if key not in StudySettings.model_fields:  # reported by the schema
                self._misplaced_list(key, value)
        try:
            settings = StudySettings.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(schema_problems(exc, document, StudyFile))
            return None
        self.phases = [
            Placed(phase, document, ("roadmap", "phases", i))
            for i, phase in enumerate(settings.roadmap.phases)
        ]
        self.warnings.extend(_low_minimum(settings, document))
        return settings

    def definitions_file(self, path: Path) -> None:
        document = self._read(path, empty_ok=True)
        if document is None:
            return
        for key, value in document.data.items():
            if key not in DEFINITION_KINDS:
                self.problems.append(
                    Problem(
                        document.source.locate((key,), key=True),
                        f"unknown key '{key}'",
                        hint=did_you_mean(key, DEFINITION_KINDS, ignore_case=True)
                        or key_meant(str(key), DEFINITION_KINDS)
                        or "a definitions file holds: " + ", ".join(DEFINITION_KINDS),
                    )
                )
                self._misplaced_list(key, value)
        for kind in DEFINITION_KINDS:
            self._items(document, kind, document.data.get(kind))

    def definitions(self) -> Definitions:
        return Definitions(
            families=_typed(self.items["families"], Family),
            groups=_typed(self.items["groups"], TargetGroup),
            needs=_typed(self.items["needs"], Need),
            personas=_typed(self.items["personas"], Persona),
            phases=self.phases,
            unchecked=self.unchecked,
            written=self.written,
            unread=frozenset(self.unread),
        )

    def _read(self, path: Path, *, empty_ok: bool) -> YamlDocument | None:
        try:
            document = read_yaml_file(path)
        except NeedmapError as exc:
            self.problems.extend(exc.problems)
            self.unread.update(DEFINITION_KINDS)
            return None
        self.problems.extend(document.problems)
        if document.data is None:
            if empty_ok:
                document.data = {}
                return document
            self.problems.append(
                Problem(
                    Location(path, 1, 1),
                    "the file is empty",
                    hint="start with 'name:', 'organisation:' and 'language:', "
                    "or create a study with: needmap init",
                )
            )
            return None
        if not isinstance(document.data, dict):
            self.unread.update(DEFINITION_KINDS)
            if not document.is_spoiled(()):
                self.problems.append(
                    Problem(
                        document.source.locate(()),
                        "expected 'key: value' lines at the top of the file, found "
                        + ("a list" if isinstance(document.data, list) else "a single value"),
                        hint=_top_level_hint(empty_ok),
                    )
                )
            return None
        return document

    def _misplaced_list(self, key: object, value: object) -> None:
        """A list under an unknown top-level key holds, most likely, the items of the kind
        the key was meant to name (``group:`` for ``groups:``), or of any kind if it names
        none: their ids are unknown, and a reference to each is no problem of its own."""
        if isinstance(value, list):
            meant = closest(str(key), DEFINITION_KINDS, ignore_case=True)
            self.unread.update([meant] if meant else DEFINITION_KINDS)

    def _items(self, document: YamlDocument, kind: str, value: object) -> None:
        if not value and kind in document.data:
            self.left_empty.setdefault(kind, document.source.locate((kind,), key=True))
        if value is None:
            return
        if not isinstance(value, list):
            self.unread.add(kind)
            if not document.is_spoiled((kind,)):
                self.problems.append(
                    Problem(
                        document.source.locate((kind,)),
                        f"expected a list of {kind}",
                        key=kind,
                        hint="write each item on its own line, starting with '- '",
                    )
                )
            return
        model = _ITEM_MODELS[kind]
        for i, raw in enumerate(value):
            try:
                item = model.model_validate(raw)
            except ValidationError as exc:
                self.problems.extend(schema_problems(exc, document, model, (kind, i)))
                if isinstance(raw, dict):
                    unchecked = Unchecked(raw, document, (kind, i))
                    self.unchecked[kind].append(unchecked)
                    self.written[kind].append(unchecked)
                continue
            placed = Placed(item, document, (kind, i))
            self.items[kind].append(placed)
            self.written[kind].append(placed)


def _personal_data(personas: Sequence[Placed[Persona]], own_names: frozenset[str]) -> list[Problem]:
    """A warning for each text of a persona that holds personal data (a persona's quotes
    are often what an interviewee said); the personas' own names, made up, are none, nor
    the organisation's (``own_names``)."""
    problems: list[Problem] = []
    made_up = own_names | name_words(placed.item.name for placed in personas)
    for placed in personas:
        texts = [((*placed.path, *path), text) for path, text in placed.item.free_texts()]
        problems += personal_data_warnings(placed.document, texts, made_up)
    return problems


_LEAST_MINIMUM = 3
"""The smallest ``privacy.min_group_size`` without a warning: below it, a breakdown can show
the answers of one or two people, which those who know them can trace back."""


def _low_minimum(settings: StudySettings, document: YamlDocument) -> list[Problem]:
    """A warning for a minimum group size below :data:`_LEAST_MINIMUM`. A warning, not an
    error: a study whose participants all agreed to be shown may set it lower on purpose."""
    minimum = settings.privacy.min_group_size
    if minimum >= _LEAST_MINIMUM:
        return []
    people = "one person" if minimum == 1 else "two people"
    return [
        Problem(
            document.source.locate(("privacy", "min_group_size")),
            f"a minimum of {minimum} lets a table or chart show what {people} answered, "
            "which those who know them can trace back",
            key="privacy.min_group_size",
            hint=f"5 is the usual minimum and {_LEAST_MINIMUM} the least; set it lower only "
            "when everyone in the study agreed to be shown",
            severity=Severity.WARNING,
        )
    ]


def _top_level_hint(definitions: bool) -> str:
    if not definitions:
        return "study.yaml starts with keys such as 'name:' and 'organisation:'"
    return "put the list under one of: " + ", ".join(f"'{k}:'" for k in DEFINITION_KINDS)


def _typed(items: list[Placed[BaseModel]], cls: type[T]) -> list[Placed[T]]:
    assert all(isinstance(p.item, cls) for p in items)
    return cast("list[Placed[T]]", items)


_FIRST_ITEM = {
    "groups": "add a group under it: '- id: staff' with 'name: Staff' on the next line",
    "needs": "add a need under it: '- id:', 'title:', 'kind:' (content, function or "
    "technology) and 'groups:' (each group's id with must, should or could)",
}


_REQUIRED = ("groups", "needs")
"""The kinds every study must have."""

_SPELLINGS = {
    **{kind: kind for kind in DEFINITION_FOLDERS},
    **{"family": "families", "group": "groups", "need": "needs", "persona": "personas"},
    **{"groepen": "groups", "doelgroepen": "groups", "behoeften": "needs"},
}
"""What a file or folder of definitions may be called by mistake: in the singular, or in
Dutch (the names are English in a Dutch study too)."""


def definition_lookalikes(root: Path, missing: Collection[str]) -> dict[str, Lookalike]:
    """Of each kind of definitions ``missing`` from the study in ``root``, the first file
    or folder at its top that is named like the kind's own but not read (``group.yaml``,
    ``groepen.yaml``)."""
    unread: dict[str, Lookalike] = {}
    if not missing:  # the usual study: no need to look
        return unread
    for found in lookalikes(root, _SPELLINGS, files=DEFINITION_FOLDERS):
        if found.meant in missing:
            unread.setdefault(found.meant, found)
    return unread


def definition_suffixes(root: Path) -> list[Lookalike]:
    """The YAML files in the definitions folders of the study in ``root`` with their suffix
    in capitals (``needs/content.YAML``), which are not read."""
    return [
        found for name in DEFINITION_FOLDERS for found in capital_suffixes(root / name, below=True)
    ]


def _absent_kinds(definitions: Definitions) -> frozenset[str]:
    """The kinds of which no item is written in any file that was read. A study without
    groups or needs is told once that it defines none, and each reference to one is left
    unchecked, since it would only echo that: a study whose groups.yaml is misnamed would
    get a problem for every need, persona and interview."""
    return frozenset(
        kind
        for kind in DEFINITION_KINDS
        if not definitions.written[kind] and kind not in definitions.unread
    )


def _completeness(
    absent: frozenset[str],
    study_path: Path,
    left_empty: Mapping[str, Location],
    unread: Mapping[str, Lookalike],
) -> list[Problem]:
    """A study needs groups and needs: where their key is written with none under it, the
    problem is at that key, else at the top of study.yaml, with the file or folder that
    looks like theirs but is not read (``unread``) named in the hint."""
    problems = []
    for kind in _REQUIRED:
        if kind not in absent:
            continue
        if kind in left_empty:
            problems.append(
                Problem(
                    left_empty[kind],
                    f"the list of {kind} is empty",
                    hint=f"{_FIRST_ITEM[kind]}; see docs/study-format.md",
                )
            )
        else:
            problems.append(
                Problem(
                    Location(study_path, 1, 1),
                    f"the study defines no {kind}",
                    hint=unread[kind].described()
                    if kind in unread
                    else f"add '{kind}:' to study.yaml or create {kind}.yaml; "
                    "see docs/study-format.md",
                )
            )
    return problems
