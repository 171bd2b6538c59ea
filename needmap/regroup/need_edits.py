"""Rename a need, or merge needs into one, in every file of a study (``needmap needs rename``
and ``merge``); or finish a rename done by hand.

A need's id stands where the need is defined and wherever something refers to it: other
needs' ``depends_on``, personas' key needs, interview quotes (``needs`` and
``questions``), survey tasks and search-log topics. Tallies count tasks, not needs, so they
stay as they are. Needs merged into one keep one entry (the target's, if it is among them,
else the first named) with every group they matter to, at the highest importance any of them
gave it, every need they depend on, and the earliest roadmap phase decided for any of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location, Problem, UsageError
from needmap.personas.loader import STUDY_FILE, StudyReading, definition_files
from needmap.personas.messages import arrow_path, text_problems
from needmap.personas.references import decided_too_early
from needmap.personas.schema import Need
from needmap.personas.study import Study
from needmap.personas.yamledit import EditRefused, YamlEdit
from needmap.regroup.checks import (
    named_ids,
    new_id_problems,
    taken_name_problems,
    twice_problems,
    unknown_problems,
)
from needmap.regroup.files import (
    StudyEdits,
    check_evidence,
    description_at_after,
    importance_rank,
    rewritten_files,
)
from needmap.shell import command_word
from needmap.surveys.interviews import interview_files
from needmap.surveys.mapping import mapping_files
from needmap.surveys.searchlog import search_log_files

__all__ = ["NeedMerge", "NeedRename", "plan_need_merge", "plan_need_rename"]


@dataclass(frozen=True)
class NeedRename(StudyEdits):
    """What renaming need ``old`` to ``new`` changes, file by file; nothing written yet."""

    old: str
    new: str
    title: str | None
    """The need's new title, when it changes."""
    finished: bool
    """Whether the need was already called ``new`` where it is defined (a rename by hand):
    then only the references changed."""


@dataclass(frozen=True)
class NeedMerge(StudyEdits):
    """What merging ``needs`` into ``into`` changes, file by file; nothing written yet."""

    needs: tuple[str, ...]
    into: str
    kept: str
    """The need whose entry became the merged need's."""
    title: str
    description_at: Location | None
    """Where the kept description stands: it describes one of the needs and may need
    rewriting."""
    phase: str | None = None
    """The roadmap phase decided for the merged need, if any was for one of them."""
    decided_as: str | None = None
    """The merged need whose decided phase the kept entry took, when the kept need had
    none or a later one; else None."""
    described_by: str | None = None
    """The need whose description the merged need has: the kept one's, or where it had
    none, the first other one's that has one; None when none had a description."""
    taken: tuple[tuple[str, str], ...] = ()
    """The channel or effort (and the need it is of) the kept entry took from another of the
    needs, having none of its own."""


def plan_need_rename(
    reading: StudyReading, old: str, new: str, title: str | None = None
) -> NeedRename:
    """The changes that rename need ``old`` to ``new`` (and give it ``title``) in every
    file of the study that names it.

    When no file defines ``old`` any more and one defines ``new``, the need was renamed by
    hand: then the references that still name ``old`` are changed, which is what the
    study's "unknown need" errors ask for, and the study need not load. Otherwise the study
    must load, ``old`` must be a need (given by its id or its title) and ``new`` a valid
    id no other need has. Every problem with the request is raised at once.
    """
    ids = reading.ids.need_by_id
    if reading.study is not None:
        [old] = named_ids(reading.study, [old], "needs")
    if title is None and reading.settings is not None and old not in ids and new in ids:
        return _finish(reading, old, new)
    study = reading.study
    if study is None:
        raise InvalidStudyError(reading.problems)
    check_evidence(study)
    title = None if title is None else title.strip()
    _check_rename(study, old, new, title)
    if title == study.need_by_id[old].title:
        title = None
    change = _NeedChange((old,), new, old, title)
    changes = rewritten_files(_files(study.root), change)
    return NeedRename(study.root, tuple(changes), old, new, title, finished=False)


def plan_need_merge(
    study: Study, needs: Sequence[str], into: str, title: str | None = None
) -> NeedMerge:
    """The changes that merge ``needs`` into one need ``into``: one of them, or a new id.

    The merged need keeps the entry of ``into`` if it is among ``needs``, else of the first
    named, with ``title`` if one is given; it matters to every group any of them matters
    to, at the highest importance, and depends on every need they depend on. Every
    reference to one of them names ``into``, once. A need may be given by its title. Every
    problem with the request, or with the study's evidence files, is raised at once.
    """
    check_evidence(study)
    needs = named_ids(study, needs, "needs")
    [into] = named_ids(study, [into], "needs")
    kept = into if into in needs else needs[0]
    title = None if title is None else title.strip()
    _check_merge(study, needs, into, kept, title)
    groups: dict[str, str] = {}
    for need_id in _kept_first(needs, kept):
        for group, importance in study.need_by_id[need_id].groups.items():
            if importance_rank(importance) > importance_rank(groups.get(group)):
                groups[group] = importance
    depends_on = _merged_dependencies(study, needs, kept)
    phase = _merged_phase(study, needs)
    _check_decisions(study, needs, into, kept, phase, depends_on)
    new_title = title or study.need_by_id[kept].title
    filled = _filled_in(study, _kept_first(needs, kept))
    change = _NeedChange(
        tuple(needs),
        into,
        kept,
        None if new_title == study.need_by_id[kept].title else new_title,
        groups,
        depends_on,
        phase,
        {field: value for field, (value, _) in filled.items()},
    )
    changes = rewritten_files(_files(study.root), change)
    described_by = kept if study.need_by_id[kept].description else None
    described_by = filled["description"][1] if "description" in filled else described_by
    description_at = None
    if described_by is not None:
        description_at = description_at_after(study, changes, "needs", kept, into)
    decided_as = None
    if phase != study.need_by_id[kept].phase:
        decided_as = next(n for n in needs if study.need_by_id[n].phase == phase)
    return NeedMerge(
        root=study.root,
        changes=tuple(changes),
        needs=tuple(needs),
        into=into,
        kept=kept,
        title=new_title,
        description_at=description_at,
        phase=phase,
        decided_as=decided_as,
        described_by=described_by,
        taken=tuple(
            (field, source) for field, (_, source) in filled.items() if field != "description"
        ),
    )


_FILLED_IN = ("description", "channel", "effort")
"""What a merged need takes from the others where its own entry has none: a merge must not
lose a description or an effort that only the entries removed had."""


def _filled_in(study: Study, needs: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Each of :data:`_FILLED_IN` the first need (the kept one) lacks, with its value in the
    first other need that has one, and that need."""
    kept, *others = (study.need_by_id[n] for n in needs)
    filled: dict[str, tuple[str, str]] = {}
    for field in _FILLED_IN:
        if getattr(kept, field):
            continue
        source = next((n for n in others if getattr(n, field)), None)
        if source is not None:
            filled[field] = (str(getattr(source, field)), source.id)
    return filled


def _merged_dependencies(study: Study, needs: Sequence[str], kept: str) -> tuple[str, ...]:
    """What the merged need depends on: the kept need's dependencies, then the others', each
    once, leaving out the merged needs themselves."""
    found = [
        d
        for n in _kept_first(needs, kept)
        for d in study.need_by_id[n].depends_on
        if d not in needs
    ]
    return tuple(dict.fromkeys(found))


def _merged_phase(study: Study, needs: Sequence[str]) -> str | None:
    """The phase decided for the merged need: the earliest decided for any of them (a part
    decided for now is the whole's decision too); None when none was decided."""
    decided = {study.need_by_id[n].phase for n in needs}
    return next((p.id for p in study.settings.roadmap.phases if p.id in decided), None)


def _check_decisions(
    study: Study,
    needs: Sequence[str],
    into: str,
    kept: str,
    phase: str | None,
    depends_on: tuple[str, ...],
) -> None:
    """Refuse a merge after which the merged need would be decided for a phase before a
    need it depends on, or after a need that depends on it (both decided): the study
    would not load. (Dependency cycles were refused before.)"""
    merged = set(needs)
    after: dict[str, Need] = {}
    for need in study.needs:
        if need.id == kept:
            update: dict[str, Any] = {"id": into, "phase": phase, "depends_on": list(depends_on)}
        elif need.id in merged:
            continue
        else:
            renamed = [into if d in merged else d for d in need.depends_on]
            update = {"depends_on": list(dict.fromkeys(renamed))}
        after[update.get("id", need.id)] = need.model_copy(update=update)
    phases = [p.id for p in study.settings.roadmap.phases]
    problems = [
        Problem(
            study.origins.get(("needs", kept if early.need == into else early.need), Location()),
            f"after the merge, {early.message}",
            hint=f"{early.hint}, then merge",
        )
        for early in decided_too_early(after, phases)
    ]
    if problems:
        raise UsageError(problems)


def _kept_first(needs: Sequence[str], kept: str) -> list[str]:
    """The merged needs, the kept one first: its groups and dependencies keep their
    places, and the others' come after them."""
    return [kept, *(n for n in needs if n != kept)]


def _finish(reading: StudyReading, old: str, new: str) -> NeedRename:
    root = reading.ids.root
    changes = rewritten_files(_files(root), _NeedChange((old,), new, None, None))
    if not changes:
        if reading.study is None:
            raise InvalidStudyError(reading.problems)
        raise UsageError(unknown_problems(reading.study, [old], "needs"))
    return NeedRename(root, tuple(changes), old, new, None, finished=True)


def _files(root: Path) -> list[Path]:
    return [
        root / STUDY_FILE,
        *definition_files(root),
        *interview_files(root),
        *mapping_files(root),
        *search_log_files(root),
    ]


def _title_problems(title: str | None) -> list[Problem]:
    return text_problems(title, "title", "give a title, or leave out --title")


def _check_rename(study: Study, old: str, new: str, title: str | None) -> None:
    problems = unknown_problems(study, [old], "needs")
    if old != new:
        hint = (
            "choose an id no need has; to merge the two: "
            f"needmap needs merge {command_word(study.root)} {old} {new} --into {new}"
        )
        renamed = old if title is None else None
        problems += new_id_problems(study, new, (), hint=hint, kind="needs", renamed=renamed)
    problems += _title_problems(title)
    problems += taken_name_problems(study, [(f"need '{new}'", title)], [old], "needs")
    if not problems and old == new and title in (None, study.need_by_id[old].title):
        problems.append(
            Problem(
                Location(), "nothing to change", hint="give the need a new id, or a new --title"
            )
        )
    if problems:
        raise UsageError(problems)


def _check_merge(
    study: Study, needs: Sequence[str], into: str, kept: str, title: str | None
) -> None:
    problems = [
        *unknown_problems(study, needs, "needs"),
        *twice_problems(needs, "need"),
        *new_id_problems(
            study,
            into,
            needs,
            hint="to merge into it, name it among the needs: "
            + " ".join(command_word(n) for n in [*needs, into]),
            kind="needs",
        ),
        *_title_problems(title),
        *taken_name_problems(study, [(f"need '{into}'", title)], needs, "needs"),
    ]
    if problems:
        raise UsageError(problems)
    members = [study.need_by_id[n] for n in needs]
    if len({n.kind for n in members}) > 1:
        problems.append(
            Problem(
                study.origins.get(("needs", needs[-1]), Location()),
                "the needs are of different kinds: "
                + ", ".join(f"{n.id} is {n.kind}" for n in members),
                hint="merge needs of one kind, or change a need's kind first",
            )
        )
    cycle = _cycle_through(study, needs, into, kept)
    if cycle:
        problems.append(
            Problem(
                study.origins.get(("needs", cycle[1]), Location()),
                "merging them makes a dependency cycle: " + arrow_path(cycle, "need"),
                hint=f"remove one of these dependencies first (depends_on of {cycle[1]})",
            )
        )
    if problems:
        raise UsageError(problems)


def _cycle_through(study: Study, needs: Sequence[str], into: str, kept: str) -> list[str]:
    """A dependency path from the merged need back to itself once the needs are one, as
    ``[into, …, into]``; empty when there is none. (A cycle among the other needs would
    have kept the study from loading.)"""
    merged = set(needs)

    def after(need_id: str) -> list[str]:
        if need_id == into:
            return list(_merged_dependencies(study, needs, kept))
        return [into if d in merged else d for d in study.need_by_id[need_id].depends_on]

    # depth first, on a stack of our own: a chain of dependencies may be deeper than
    # Python's recursion limit
    seen: set[str] = set()
    path = [(into, iter(after(into)))]
    while path:
        next_id = next(path[-1][1], None)
        if next_id is None:
            path.pop()
        elif next_id == into:
            return [need_id for need_id, _ in path] + [into]
        elif next_id not in seen:
            seen.add(next_id)
            path.append((next_id, iter(after(next_id))))
    return []


@dataclass(frozen=True)
class _NeedChange:
    """A rename or merge as a :data:`~needmap.regroup.files.Rewrite` of one YAML document:
    each list a need id may stand in is looked at by its key (the schemas allow each key in
    one kind of file only)."""

    merged: tuple[str, ...]
    """The ids that become ``into``: one for a rename."""
    into: str
    kept: str | None
    """The need whose entry becomes the merged or renamed need's; None when finishing a
    rename by hand (no entry has the old id)."""
    title: str | None
    groups: Mapping[str, str] | None = None
    """The kept entry's groups after a merge; None for a rename."""
    depends_on: tuple[str, ...] | None = None
    """What the kept entry depends on after a merge; None for a rename."""
    phase: str | None = None
    """The phase decided for the kept entry after a merge (:func:`_merged_phase`); None
    when none of the merged needs was decided, and for a rename."""
    filled: Mapping[str, str] | None = None
    """What the kept entry takes from the other merged needs (:func:`_filled_in`)."""

    def __call__(self, data: dict[str, Any], edit: YamlEdit) -> dict[str, int]:
        counted: dict[str, int] = {}
        for key, counts, change in (
            ("needs", "needs", self._needs),
            ("personas", "personas", partial(self._entries, field="needs")),
            ("interviews", "quotes", self._interviews),
            ("tasks", "tasks", partial(self._entries, field="needs")),
            ("topics", "topics", self._topics),
        ):
            items = data.get(key)
            if isinstance(items, list):
                counted[counts] = change(items, edit, (key,))
        return counted

    def _needs(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """The kept entry (its id, title, and after a merge its groups and dependencies),
        the other merged needs' entries (removed), and the needs that depend on them."""
        changed = 0
        for i, need in reversed(list(enumerate(items))):
            if not isinstance(need, dict):
                continue
            at = (*path, i)
            if self.kept is not None and need.get("id") == self.kept:
                changed += self._kept(need, edit, at)
            elif need.get("id") in self.merged:
                edit.remove(at)
                del items[i]
                changed += 1
            else:
                changed += self._renamed(need.get("depends_on"), edit, (*at, "depends_on"))
        return changed

    def _kept(self, need: dict[str, Any], edit: YamlEdit, at: tuple[str | int, ...]) -> bool:
        values = {"id": self.into, "title": self.title}
        changes = {k: v for k, v in values.items() if v is not None and need.get(k) != v}
        for key, value in changes.items():
            edit.set_value((*at, key), value)
            need[key] = value
        merged = False
        if self.groups is not None and self.groups != need.get("groups"):
            self._set_groups(need, edit, at)
            merged = True
        if self.depends_on is not None and list(self.depends_on) != need.get("depends_on", []):
            self._set_dependencies(need, edit, at)
            merged = True
        if self.phase is not None and need.get("phase") != self.phase:
            if "phase" in need:
                edit.set_value((*at, "phase"), self.phase)
            else:
                edit.insert_after((*at, list(need)[-1]), "phase", self.phase)
            need["phase"] = self.phase
            merged = True
        written = list(need)  # the keys in the file, to write a new one after
        order = list(Need.model_fields)
        for field, value in (self.filled or {}).items():
            if field in written:
                edit.set_value((*at, field), value)
            else:  # where the schema has it: after the last key before it in Need's order
                before = order[: order.index(field)]
                after = next((k for k in reversed(written) if k in before), written[-1])
                edit.insert_after((*at, after), field, value)
            need[field] = value
            merged = True
        return bool(changes) or merged

    def _set_groups(self, need: dict[str, Any], edit: YamlEdit, at: tuple[str | int, ...]) -> None:
        assert self.groups is not None
        groups = need.get("groups")
        if not isinstance(groups, dict) or not groups:
            raise EditRefused(
                f"need '{need.get('id')}' has no groups to add the merged needs' groups to",
                edit.document.source.locate(at),
            )
        for group, importance in groups.items():
            if self.groups[group] != importance:
                edit.set_value((*at, "groups", group), self.groups[group])
        last = (*at, "groups", list(groups)[-1])
        for group, importance in self.groups.items():
            if group not in groups:
                edit.insert_after(last, group, importance)
        need["groups"] = {
            **{g: self.groups[g] for g in groups},
            **{g: v for g, v in self.groups.items() if g not in groups},
        }

    def _set_dependencies(
        self, need: dict[str, Any], edit: YamlEdit, at: tuple[str | int, ...]
    ) -> None:
        assert self.depends_on is not None
        if isinstance(need.get("depends_on"), list):
            edit.set_list((*at, "depends_on"), self.depends_on)
        else:
            edit.insert_after((*at, list(need)[-1]), "depends_on", self.depends_on)
        need["depends_on"] = list(self.depends_on)

    def _entries(
        self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...], *, field: str
    ) -> int:
        """Personas' key needs, or survey tasks' needs."""
        return sum(
            self._renamed(item.get(field), edit, (*path, i, field))
            for i, item in enumerate(items)
            if isinstance(item, dict)
        )

    def _interviews(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """Quotes that support or question the need; counted by quote."""
        changed = 0
        for i, interview in enumerate(items):
            quotes = interview.get("quotes") if isinstance(interview, dict) else None
            for q, quote in enumerate(quotes if isinstance(quotes, list) else ()):
                if not isinstance(quote, dict):
                    continue
                at = (*path, i, "quotes", q)
                supports = self._renamed(quote.get("needs"), edit, (*at, "needs"))
                questions = self._renamed(quote.get("questions"), edit, (*at, "questions"))
                changed += supports or questions
        return changed

    def _topics(self, items: list[Any], edit: YamlEdit, path: tuple[str | int, ...]) -> int:
        """Search-log topics about the need. After a merge, the first topic of the log about
        any of the merged needs holds the terms of them all, and the others go: one need,
        one topic, as a consultant would write it."""
        about = [
            i
            for i, topic in enumerate(items)
            if isinstance(topic, dict) and topic.get("need") in {*self.merged, self.into}
        ]
        if not about:
            return 0
        kept, *joined = about
        topic = items[kept]
        changed = 0
        if topic["need"] != self.into:
            edit.set_value((*path, kept, "need"), self.into)
            topic["need"] = self.into
            changed = 1
        terms = [
            t for i in about if isinstance(items[i].get("terms"), list) for t in items[i]["terms"]
        ]
        terms = list(dict.fromkeys(terms))
        if joined and terms != topic.get("terms"):
            edit.set_list((*path, kept, "terms"), terms)
            topic["terms"] = terms
            changed = 1
        for i in reversed(joined):
            edit.remove((*path, i))
            del items[i]
        return changed + len(joined)

    def _renamed(self, ids: Any, edit: YamlEdit, path: Sequence[str | int]) -> bool:
        """Name ``into`` for the merged needs in a list of ids, once: at the first of them
        (or of ``into``); the others go. Whether anything changed."""
        if not isinstance(ids, list):
            return False
        named = {*self.merged, self.into}
        first = next((i for i, need in enumerate(ids) if need in named), None)
        if first is None:
            return False
        gone = [i for i in range(first + 1, len(ids)) if ids[i] in named]
        for i in gone:
            edit.remove((*path, i))
        if ids[first] != self.into:
            edit.set_value((*path, first), self.into)
        changed = bool(gone) or ids[first] != self.into
        ids[first] = self.into
        ids[:] = [need for i, need in enumerate(ids) if i not in gone]
        return changed
