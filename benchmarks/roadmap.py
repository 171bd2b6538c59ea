"""Roadmap planning of a long chain of dependencies, as ratios to baselines measured in
the same run.

1. ``plan_roadmap`` places each need in priority order but never before its
   dependencies. The worst order for that is a chain running against the priority order:
   1,500 needs of one kind and score, each depending on the need after it in reading
   order, so that only the last need in the order is ready at each step. The baseline is
   ``plan_roadmap`` over the same needs without dependencies; the ratio says what the
   chain costs on top.
2. The same chain with each need decided for the last phase: the check that no decision
   comes before a dependency's (``decided_too_early``, which ``validate`` runs) and the
   plan, against the chain without decisions.

    python benchmarks/roadmap.py [--needs N] [--repeat N]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402

from needmap.model import compute_overlap  # noqa: E402
from needmap.model.roadmap import plan_roadmap  # noqa: E402
from needmap.personas.references import decided_too_early  # noqa: E402
from needmap.personas.schema import Need, Roadmap  # noqa: E402
from needmap.personas.study import Study  # noqa: E402
from tests.studies import make_study  # noqa: E402

PHASES = [{"id": "now", "name": "Now", "capacity": 50}, {"id": "later", "name": "Later"}]


def study_of(needs: int, *, chained: bool, decided: bool = False) -> Study:
    """``needs`` needs of one kind, group and importance (so one score); chained, each
    depends on the next in reading order, which comes later in the priority order;
    decided, each for the last phase."""
    base = make_study({"desk": 100}, {})
    settings = base.settings.model_copy(
        update={"roadmap": Roadmap.model_validate({"phases": PHASES})}
    )
    ids = [f"n{i:05}" for i in range(needs)]
    made = tuple(
        Need.model_validate(
            {
                "id": need_id,
                "title": f"Need {need_id}",
                "kind": "content",
                "groups": {"desk": "must"},
                "depends_on": [ids[i + 1]] if chained and i + 1 < needs else [],
                **({"phase": "later"} if decided else {}),
            }
        )
        for i, need_id in enumerate(ids)
    )
    return dataclasses.replace(base, settings=settings, needs=made)


def checked_and_planned(study: Study) -> None:
    """What ``validate`` and ``roadmap`` add for the decisions: the check, and the plan."""
    phases = [p.id for p in study.settings.roadmap.phases]
    assert not any(decided_too_early(study.need_by_id, phases))
    plan_roadmap(study, compute_overlap(study))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", type=int, default=1500, help="needs (default 1,500)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    args = parser.parse_args()
    free, chain = study_of(args.needs, chained=False), study_of(args.needs, chained=True)
    free_overlap, chain_overlap = compute_overlap(free), compute_overlap(chain)
    baseline = median_time(lambda: plan_roadmap(free, free_overlap), args.repeat)
    ours = median_time(lambda: plan_roadmap(chain, chain_overlap), args.repeat)
    print(f"roadmap of {args.needs:,} needs, one score")
    print(f"  no dependencies        {baseline * 1000:8.1f} ms   1.00x")
    print(f"  a chain against order  {ours * 1000:8.1f} ms  {ours / baseline:5.2f}x")
    decided = study_of(args.needs, chained=True, decided=True)
    baseline = median_time(lambda: checked_and_planned(chain), args.repeat)
    ours = median_time(lambda: checked_and_planned(decided), args.repeat)
    print("\nthe chain checked and planned, each need decided for the last phase")
    print(f"  no decisions           {baseline * 1000:8.1f} ms   1.00x")
    print(f"  every need decided     {ours * 1000:8.1f} ms  {ours / baseline:5.2f}x")


if __name__ == "__main__":
    main()
