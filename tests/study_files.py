"""Small random study folders, as files: a hypothesis strategy and the writer.

The demo and the templates are studies a consultant would write; these are the ones they
might end up with on the way: a group of one person, none with a headcount, a need no group
holds, every group below the minimum size, one phase with no room, personas without needs,
interviews of groups too small to show, a survey and a search log.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

__all__ = ["studies", "write_study_files"]

_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() != "")
"""Names and titles: accents, markup (``<b>``, ``|``, ``*``), emoji and right-to-left text."""


def _tally(tasks: list[str], groups: list[str], rnd: random.Random, minimum: int) -> dict[str, Any]:
    """A tally an import could have written: up to 40 respondents per group (the first
    group has one at least, and some answered outside the groups), each with one to three
    tasks; the results count ``minimum`` respondents at least
    (:meth:`Tally.counted_respondents`)."""
    counts = {g: rnd.randint(1 if g == groups[0] else 0, 40) for g in [*groups, "~"]}
    outside = counts["~"] if counts["~"] >= minimum else 0
    if sum(counts[g] for g in groups) + outside < minimum:
        counts[groups[0]] = max(counts[groups[0]], minimum)
    respondents = {g: n for g, n in counts.items() if n}
    votes: dict[str, dict[str, int]] = {g: dict.fromkeys(tasks, 0) for g in respondents}
    for group, count in respondents.items():
        for _ in range(count):
            for task in rnd.sample(tasks, rnd.randint(1, min(3, len(tasks)))):
                votes[group][task] += 1
    return {
        "survey": "survey",
        "title": "Survey",
        "layout": "ms-forms",
        "source": "export.csv",
        "source_sha256": "0" * 64,
        "tasks": tasks,
        "respondents": respondents,
        "votes": votes,
    }


@st.composite
def studies(draw: st.DrawFn) -> dict[str, Any]:
    """The YAML of a study: settings, families, groups, needs, personas and interviews."""
    minimum = draw(st.integers(1, 10))
    ids = draw(st.lists(_IDS, min_size=4, max_size=30, unique=True))
    families = ids[: draw(st.integers(0, 2))]
    rest = ids[len(families) :]
    group_ids = rest[: draw(st.integers(1, min(6, len(rest) - 1)))]
    need_ids = rest[len(group_ids) :][: draw(st.integers(1, 9))]
    groups = [
        {
            "id": gid,
            "name": draw(_TEXT),
            "family": draw(st.sampled_from([None, *families])),
            "headcount": draw(st.none() | st.integers(0, 2000)),
        }
        for gid in group_ids
    ]
    needs = []
    for i, nid in enumerate(need_ids):
        held = draw(st.lists(st.sampled_from(group_ids), unique=True, max_size=len(group_ids)))
        needs.append(
            {
                "id": nid,
                "title": draw(_TEXT),
                "kind": draw(st.sampled_from(["content", "function", "technology"])),
                "groups": {g: draw(st.sampled_from(["must", "should", "could"])) for g in held},
                "effort": draw(st.sampled_from([None, "xs", "s", "m", "l", "xl"])),
                "channel": draw(st.none() | _TEXT),
                "depends_on": draw(st.lists(st.sampled_from(need_ids[:i]), unique=True))
                if i
                else [],
            }
        )
    personas = [
        {
            "id": f"persona-{n}",
            "name": draw(_TEXT),
            "group": draw(st.sampled_from(group_ids)),
            "role": draw(_TEXT),
            "summary": draw(st.sampled_from(["", "A summary.\n\nOf two paragraphs."])),
            **{
                field: draw(st.lists(_TEXT, max_size=2))
                for field in ("goals", "frustrations", "scenarios", "devices", "places", "quotes")
            },
            "needs": draw(st.lists(st.sampled_from(need_ids), unique=True)),
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    interviews = [
        {
            "id": f"interview-{n}",
            "group": draw(st.sampled_from(group_ids)),
            "participants": draw(st.integers(1, 8)),
            "date": draw(st.sampled_from(["2026-03-02", "2026-11-30"])),
            "quotes": [
                {"text": draw(_TEXT), draw(st.sampled_from(["needs", "questions"])): tagged}
                for tagged in draw(
                    st.lists(
                        st.lists(st.sampled_from(need_ids), min_size=1, max_size=2, unique=True),
                        min_size=1,
                        max_size=3,
                    )
                )
            ],
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    tasks: list[dict[str, Any]] = [
        {
            "id": f"task-{n}",
            "label": f"Task {n}",
            "needs": draw(st.lists(st.sampled_from(need_ids), unique=True)),
        }
        for n in range(draw(st.integers(0, 6)))
    ]
    terms = [f"term {n}" for n in range(draw(st.integers(0, 6)))]
    """Search terms; a topic names one, or all of them as ``term*``."""
    phases = [
        {"id": f"phase-{n}", "name": draw(_TEXT), "capacity": draw(st.none() | st.integers(1, 9))}
        for n in range(draw(st.integers(1, 3)))
    ]
    files: dict[str, Any] = {
        "study.yaml": {
            "name": draw(_TEXT),
            "organisation": draw(_TEXT),
            "language": draw(st.sampled_from(["nl", "en"])),
            "privacy": {"min_group_size": minimum},
            "platform": {"demand_weight": draw(st.sampled_from(["headcount", "equal"]))},
            "roadmap": {"phases": phases},
        },
        "groups.yaml": {
            "families": [{"id": f, "name": draw(_TEXT)} for f in families],
            "groups": [{k: v for k, v in g.items() if v is not None} for g in groups],
        },
        "needs.yaml": {"needs": [{k: v for k, v in n.items() if v is not None} for n in needs]},
        "personas.yaml": {"personas": personas},
        "interviews/round-1.yaml": {"interviews": interviews},
    }
    if tasks:
        files["surveys/survey.yaml"] = {
            "id": "survey",
            "title": draw(_TEXT),
            "layout": "ms-forms",
            "max_picks": 3,
            "group": {"column": "Group", "values": {f"answer {g}": g for g in group_ids}},
            "choices": {"column": "Tasks"},
            "tasks": tasks,
        }
        files["surveys/survey.tally.json"] = _tally(
            [t["id"] for t in tasks], group_ids, draw(st.randoms(use_true_random=False)), minimum
        )
    if terms:
        files["analytics/search.yaml"] = {
            "id": "search",
            "title": draw(_TEXT),
            "file": "search.csv",
            "gap_from": draw(st.integers(1, 30)),
            "columns": {"term": "Term", "searches": "Searches", "results": "Results"},
            "topics": [
                {"need": draw(st.sampled_from(need_ids)), "terms": [term]}
                for term in terms
                if draw(st.booleans())
            ]
            or [{"need": need_ids[0], "terms": [draw(st.sampled_from(["nothing", "term*"]))]}],
        }
        files["analytics/search.csv"] = "Term,Searches,Results\n" + "".join(
            f"{term},{draw(st.integers(1, 500))},{draw(st.integers(0, 30))}\n" for term in terms
        )
    return files


def write_study_files(root: Path, files: dict[str, Any]) -> Path:
    """Write a study drawn from :func:`studies` below ``root``: YAML, JSON or CSV by name."""
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".json"):
            text = json.dumps(content)
        elif name.endswith(".csv"):
            text = content
        else:
            text = yaml.safe_dump(content, allow_unicode=True)
        (root / name).write_text(text, encoding="utf-8")
    return root
