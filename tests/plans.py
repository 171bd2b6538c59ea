"""Roadmaps the tests share: a small in-memory study of two groups, five needs scored by hand,
its plan, and random plans for the property tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from needmap.model.overlap import compute_overlap
from needmap.model.roadmap import Roadmap, plan_roadmap
from needmap.personas.schema import Need, StudySettings, TargetGroup
from needmap.personas.study import Study


def roadmap_study(
    needs: Sequence[Mapping[str, Any]],
    phases: Sequence[Mapping[str, Any]],
    headcounts: Mapping[str, int | None] | None = None,
) -> Study:
    """An in-memory study: groups ``a`` (10 people) and ``b`` (30), ``needs`` as in YAML."""
    return Study(
        root=Path(),
        settings=StudySettings.model_validate(
            {
                "name": "Roadmap test",
                "organisation": "Test org",
                "language": "en",
                "roadmap": {"phases": list(phases)},
            }
        ),
        groups=tuple(
            TargetGroup(id=g, name=g.upper(), headcount=n)
            for g, n in (headcounts or {"a": 10, "b": 30}).items()
        ),
        needs=tuple(
            Need.model_validate({"title": f"Need {n['id']}", "kind": "function", **n})
            for n in needs
        ),
    )


# Demand (headcount x weight; must 3, should 2, could 1): n1 10*3 + 30*3 = 120, n2 30*2 = 60,
# n3 10*1 = 10, n4 10*3 = 30, n5 30*1 = 30; total 250. Scores (share % / points):
# n1 48 / 3 = 16, n2 24 / 2 = 12, n3 4 / 1 = 4, n4 12 / 2 = 6, n5 12 / 3 (no effort: m) = 4.
# n4 depends on n3, so n3 takes n4's priority 6 and is planned just before it.
ROADMAP_NEEDS: list[dict[str, Any]] = [
    {"id": "n1", "groups": {"a": "must", "b": "must"}, "effort": "m"},
    {"id": "n2", "groups": {"b": "should"}, "effort": "s"},
    {"id": "n3", "groups": {"a": "could"}, "effort": "xs"},
    {"id": "n4", "groups": {"a": "must"}, "effort": "s", "depends_on": ["n3"]},
    {"id": "n5", "groups": {"b": "could"}},
]


def roadmap_of(study: Study) -> Roadmap:
    """The study's roadmap, over the overlap of all its groups."""
    return plan_roadmap(study, compute_overlap(study))


def planned_ids(roadmap: Roadmap) -> list[list[str]]:
    """The ids of each phase's needs, and last of the needs not planned."""
    return [[s.need.id for s in p.needs] for p in roadmap.phases] + [
        [s.need.id for s in roadmap.unplanned]
    ]


@st.composite
def random_plans(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Up to 12 needs of groups a and b, each depending only on needs before it, and up to
    4 phases (capacity open or 1-12), as YAML gives them."""
    count = draw(st.integers(min_value=1, max_value=12))
    needs = []
    for i in range(count):
        earlier = [f"n{j}" for j in range(i)]
        needs.append(
            {
                "id": f"n{i}",
                "groups": draw(
                    st.dictionaries(
                        st.sampled_from(["a", "b"]),
                        st.sampled_from(["must", "should", "could"]),
                        min_size=1,
                    )
                ),
                "effort": draw(st.sampled_from(["xs", "s", "m", "l", "xl"])),
                "depends_on": draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2))
                if earlier
                else [],
            }
        )
    capacities = draw(
        st.lists(st.none() | st.integers(min_value=1, max_value=12), min_size=1, max_size=4)
    )
    phases = [{"id": f"p{i}", "name": f"P{i}", "capacity": c} for i, c in enumerate(capacities)]
    return needs, phases
