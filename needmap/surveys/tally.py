"""The tally of a top-task survey: respondents and votes per group and task, nothing more.

Import turns an export into a tally and stores it as ``surveys/<id>.tally.json`` beside the
mapping. Only counts are kept: no respondent ids, no row data, so the study folder holds no
personal data from the export, and analysis does not need the export again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location, Problem, plural
from needmap.fileio import write_text_atomic
from needmap.personas.schema import TargetGroup
from needmap.personas.study import Study

__all__ = [
    "OUTSIDE",
    "Tally",
    "in_study_order",
    "joined_strata",
    "read_tally",
    "stratum_groups",
    "stratum_key",
    "stratum_members",
    "stratum_name",
    "tally_path",
    "tally_text",
    "write_tally",
]

OUTSIDE = "~"
"""Key of respondents whose group answer maps to no target group (``~`` in the mapping)."""

_JOIN = "+"
"""Joins the group ids of a stratum of several groups; no group id holds it."""


def stratum_key(groups: Iterable[str]) -> str:
    """The key a tally counts respondents under: a group's id, or for an answer that covers
    several groups (the survey did not ask which of them), their ids joined in a fixed
    order, as in ``carers+nurses``. Such respondents are counted, weighted and shown
    together: nothing tells them apart."""
    return _JOIN.join(sorted(set(groups)))


def stratum_groups(key: str) -> tuple[str, ...]:
    """The group ids of a tally's key (:func:`stratum_key`): one for most keys."""
    return tuple(key.split(_JOIN))


def stratum_members(key: str, study: Study) -> list[TargetGroup]:
    """The study's groups of a tally's key, in the study's order."""
    ids = set(stratum_groups(key))
    return [group for group in study.groups if group.id in ids]


def joined_strata(groupings: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """Each group -> the groups counted together with it, in the order first named: the
    groupings that share a group, joined (transitively). After a merge, the merged group
    may be in a stratum for one answer and alone for another ("[nurses, carers]" and
    "support", carers and support merged): its respondents can then be counted only with
    the stratum's others, as one."""
    together: dict[str, list[str]] = {}
    for grouping in groupings:
        joined = list(dict.fromkeys(g for first in grouping for g in together.get(first, [first])))
        for group in joined:
            together[group] = joined
    return together


def in_study_order(keys: Iterable[str], study: Study) -> list[str]:
    """Groups' and strata's keys in the order of the study's files, a stratum where its
    first group is; keys of groups the study lacks (and OUTSIDE) last."""
    index = {group.id: i for i, group in enumerate(study.groups)}
    return sorted(keys, key=lambda key: min(index.get(g, len(index)) for g in stratum_groups(key)))


def stratum_name(key: str, study: Study) -> str:
    """A group's name; the names of a stratum's groups, joined with " + "."""
    return " + ".join(group.name for group in stratum_members(key, study))


@dataclass(frozen=True)
class Tally:
    survey: str
    title: str
    layout: str
    source: str
    """File name of the export (no folders: they may name people or machines)."""
    source_sha256: str
    tasks: tuple[str, ...]
    respondents: Mapping[str, int]
    """group id, stratum of several groups (:func:`stratum_key`) or OUTSIDE -> respondents
    with at least one valid choice."""
    votes: Mapping[str, Mapping[str, int]]
    """group id, stratum or OUTSIDE -> task id -> votes."""
    skipped: Mapping[str, int] = field(default_factory=dict)
    """reason -> number of rows or respondents left out."""

    @property
    def total_respondents(self) -> int:
        return sum(self.respondents.values())

    @property
    def group_respondents(self) -> int:
        """Respondents in the study's target groups, leaving out those outside them: with
        none, the survey says nothing about any group."""
        return sum(n for g, n in self.respondents.items() if g != OUTSIDE)

    def outside_counted(self, minimum: int) -> int:
        """How many respondents outside the target groups the results include: all of them,
        or none when they are fewer than ``minimum``. Their votes are in the overall totals
        only, so a lone "other" answer would be the totals minus the groups' votes; and with
        weights shown, the target groups' total, and so their number, can be worked out."""
        outside = self.respondents.get(OUTSIDE, 0)
        return outside if outside >= minimum else 0

    def counted_respondents(self, minimum: int) -> int:
        """The respondents whose answers the results show: those of the target groups, and
        those outside them when they count (:meth:`outside_counted`)."""
        return self.group_respondents + self.outside_counted(minimum)

    def differences(
        self, task_ids: Sequence[str], group_ids: Collection[str], max_picks: int
    ) -> list[str]:
        """How the mapping's tasks and the study's groups differ from those at import time.

        A task removed from the mapping would drop its votes from some figures but not
        others; a task added would show 0 votes it never had a chance to get. A group with
        more votes than its respondents could cast was counted with a higher ``max_picks``
        than the mapping now allows. Either way the tally no longer fits, and only importing
        the export again makes it fit.
        """
        found = [
            f"task '{t}' was counted at import but is no longer in the mapping"
            for t in self.tasks
            if t not in task_ids
        ]
        found += [
            f"task '{t}' was added to the mapping after the import"
            for t in task_ids
            if t not in self.tasks
        ]
        found += [
            f"group '{g}' was counted at import but is no longer in the study"
            for key in self.respondents
            if key != OUTSIDE
            for g in stratum_groups(key)
            if g not in group_ids
        ]
        found += [
            f"'{g}' has {plural(cast, 'vote')}, more than its {plural(n, 'respondent')} can "
            f"cast choosing at most {plural(max_picks, 'task')} each (max_picks)"
            for g, n in self.respondents.items()
            if (cast := sum(self.votes[g].values())) > n * max_picks
        ]
        return found

    def merged(self, groups: Collection[str], into: str) -> Tally:
        """The tally as if ``groups`` had been one group ``into`` when it was counted: a
        respondent belongs to one group, so its respondents and votes are their sums. A
        stratum of several groups (:func:`stratum_key`) names ``into`` for each of them, and
        is ``into`` itself once it names no other group; strata that then share a group are
        one (:func:`joined_strata`). ``into`` is one of ``groups`` or a group the tally did
        not count."""
        renamed = self.rekeyed(
            lambda key: stratum_key(into if g in groups else g for g in stratum_groups(key))
        )
        together = joined_strata(stratum_groups(key) for key in renamed.respondents)
        return renamed.rekeyed(lambda key: stratum_key(together[stratum_groups(key)[0]]))

    def split(self, group: str, parts: Sequence[str]) -> Tally:
        """The tally once ``group`` is split into ``parts``: its respondents are of one of
        the parts, which the survey did not ask, so they are counted for the parts together
        (one stratum), and so is any stratum ``group`` was in."""
        return self.rekeyed(
            lambda key: stratum_key(
                part for g in stratum_groups(key) for part in (parts if g == group else [g])
            )
        )

    def rekeyed(self, new_key: Callable[[str], str]) -> Tally:
        """The tally with each group's or stratum's key replaced by ``new_key(key)``;
        respondents and votes of keys that become one are added up. (OUTSIDE names no
        group, so the changes of groups that call this leave it as it is.)"""
        respondents: dict[str, int] = {}
        votes: dict[str, dict[str, int]] = {}
        for key, count in self.respondents.items():
            new = new_key(key)
            respondents[new] = respondents.get(new, 0) + count
            by_task = votes.setdefault(new, dict.fromkeys(self.tasks, 0))
            for task, n in self.votes[key].items():
                by_task[task] += n
        return replace(self, respondents=respondents, votes=votes)

    def to_json(self) -> dict[str, Any]:
        return {
            "survey": self.survey,
            "title": self.title,
            "layout": self.layout,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "tasks": list(self.tasks),
            "respondents": dict(sorted(self.respondents.items())),
            "votes": {
                g: {t: n for t, n in sorted(by_task.items()) if n}
                for g, by_task in sorted(self.votes.items())
            },
            "skipped": dict(sorted(self.skipped.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Tally:
        """The tally written by :meth:`to_json`; zero counts, left out there, come back.

        A tally is needmap's own file, but it is plain text in the user's folder: counts
        edited by hand that no import could have written (a negative count, a group's
        respondents with fewer votes than people, when each chose at least one task) are
        refused rather than analysed, and so are more votes for one task than the group has
        people, each of whom chose a task once at most."""
        tasks = tuple(str(t) for t in data["tasks"])
        respondents = {
            str(k): _count(v, f"respondents of '{k}'") for k, v in data["respondents"].items()
        }
        stored = data["votes"]
        for group, by_task in stored.items():
            if group not in respondents:
                raise ValueError(f"it has votes of '{group}' but no respondents of '{group}'")
            for task in by_task:
                if task not in tasks:
                    raise ValueError(
                        f"it has votes of '{group}' for '{task}', not one of its tasks"
                    )
        votes = {
            g: {t: _count(stored.get(g, {}).get(t, 0), f"votes of '{g}' for '{t}'") for t in tasks}
            for g in respondents
        }
        for group, people in respondents.items():
            if (cast := sum(votes[group].values())) < people:
                raise ValueError(
                    f"'{group}' has {plural(people, 'respondent')} but {plural(cast, 'vote')}, "
                    "and each respondent chose at least one task"
                )
            for task, n in votes[group].items():
                if n > people:
                    raise ValueError(
                        f"'{group}' has {plural(people, 'respondent')} but {plural(n, 'vote')} "
                        f"for '{task}', and each respondent chose a task once at most"
                    )
        return cls(
            survey=str(data["survey"]),
            title=str(data["title"]),
            layout=str(data["layout"]),
            source=str(data["source"]),
            source_sha256=str(data["source_sha256"]),
            tasks=tasks,
            respondents=respondents,
            votes=votes,
            skipped={
                str(k): _count(v, f"skipped '{k}'") for k, v in data.get("skipped", {}).items()
            },
        )


def _count(value: Any, what: str) -> int:
    """``value`` as a count: a whole number, 0 or more (``what`` names it in the refusal)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} is {json.dumps(value)}, not a count (a whole number, 0 or more)")
    return value


def tally_path(study_root: Path, survey_id: str) -> Path:
    return study_root / "surveys" / f"{survey_id}.tally.json"


def tally_text(tally: Tally) -> str:
    """The tally file's text."""
    return json.dumps(tally.to_json(), indent=2, ensure_ascii=False) + "\n"


def write_tally(tally: Tally, path: Path) -> None:
    write_text_atomic(path, tally_text(tally))


def read_tally(path: Path, command: str = "needmap survey import") -> Tally:
    """The tally at ``path``; ``command`` is the import the hint suggests when it is broken."""
    hint = f"import the survey again: {command}"
    try:
        return Tally.from_json(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        where = Location(path, exc.lineno, exc.colno)
        problem = Problem(where, f"cannot read this tally: {exc.msg}", hint=hint)
        raise InvalidStudyError([problem]) from None
    except KeyError as exc:
        raise InvalidStudyError.single(
            f"cannot read this tally: it has no {exc}", path=path, hint=hint
        ) from None
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise InvalidStudyError.single(
            f"cannot read this tally: {exc}", path=path, hint=hint
        ) from None
