"""Overlap performance, as ratios to baselines measured in the same run.

1. Regions for 20 groups x 5,000 needs: ``compute_overlap`` (regions, demand, similarity,
   sorting) against a bare pass that only groups the needs by their exact set of groups.
2. An 8-group UpSet chart drawn and saved as PNG: needmap's plain-matplotlib chart against
   UpSetPlot drawing the same memberships. UpSetPlot fails with pandas 3, so it runs in a
   separate environment, ``.venv-bench`` (pandas 2.x, numpy < 2.4), which ``--setup`` creates.

    python benchmarks/overlap.py [--setup] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402

from needmap.model import compute_overlap  # noqa: E402
from needmap.personas.study import Study  # noqa: E402
from needmap.reports.diagram import draw_diagram, render_diagram  # noqa: E402
from tests.studies import make_study  # noqa: E402

BENCH_ENV = ROOT / ".venv-bench"
BENCH_PACKAGES = ["upsetplot==0.9.0", "pandas>=2,<3", "numpy<2.4", "matplotlib"]

UPSETPLOT_SCRIPT = """
import io, json, statistics, sys, time
import matplotlib
matplotlib.use("Agg")
from matplotlib.figure import Figure
import upsetplot

memberships = json.load(open(sys.argv[1]))
repeat = int(sys.argv[2])
times = []
for _ in range(repeat):
    start = time.perf_counter()
    data = upsetplot.from_memberships(memberships)
    figure = Figure(figsize=(15, 7))
    upsetplot.UpSet(
        data, subset_size="count", sort_by="cardinality", max_subset_rank=25
    ).plot(fig=figure)
    figure.savefig(io.BytesIO(), format="png", dpi=200)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def synthetic_study(groups: int, needs: int, seed: int) -> Study:
    """Needs that matter to a random, skewed subset of groups, like real studies."""
    rnd = random.Random(seed)
    group_ids = [f"g{i:02}" for i in range(groups)]
    levels = ["must", "should", "could"]
    table: dict[str, dict[str, str]] = {}
    for j in range(needs):
        size = min(groups, max(1, int(rnd.expovariate(1 / 3))))
        table[f"n{j:05}"] = {g: rnd.choice(levels) for g in rnd.sample(group_ids, size)}
    return make_study({g: rnd.randint(10, 500) for g in group_ids}, table)


def bare_pass(study: Study) -> dict[frozenset[str], list[str]]:
    regions: dict[frozenset[str], list[str]] = defaultdict(list)
    for need in study.needs:
        if need.groups:
            regions[frozenset(need.groups)].append(need.id)
    return regions


def bench_regions(repeat: int) -> None:
    study = synthetic_study(20, 5000, seed=1)
    overlap = compute_overlap(study)
    baseline = median_time(lambda: bare_pass(study), repeat)
    ours = median_time(lambda: compute_overlap(study), repeat)
    print(f"regions, 20 groups x 5,000 needs ({len(overlap.regions)} non-empty regions)")
    print(f"  bare grouping pass     {baseline * 1000:8.1f} ms   1.00x")
    print(f"  needmap compute_overlap{ours * 1000:8.1f} ms  {ours / baseline:5.2f}x")


def bench_upset(repeat: int) -> None:
    study = synthetic_study(8, 400, seed=2)
    overlap = compute_overlap(study)

    def ours() -> None:
        diagram = draw_diagram(study, compute_overlap(study))
        render_diagram(diagram, ".png")
        diagram.figure.clear()

    ours_time = median_time(ours, repeat)
    print(f"\nUpSet chart, 8 groups x 400 needs ({len(overlap.regions)} regions, 25 drawn), PNG")
    python = BENCH_ENV / "bin" / "python"
    if not python.exists():
        print(f"  needmap                {ours_time * 1000:8.1f} ms")
        print("  UpSetPlot: not measured; run with --setup once to create .venv-bench")
        return
    memberships = [sorted(study.need_by_id[n].groups) for n in overlap.needs]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(memberships, handle)
    result = subprocess.run(
        [str(python), "-c", UPSETPLOT_SCRIPT, handle.name, str(repeat)],
        capture_output=True,
        text=True,
        check=False,
    )
    Path(handle.name).unlink()
    if result.returncode != 0:
        print(f"  needmap                {ours_time * 1000:8.1f} ms")
        print("  UpSetPlot failed:", result.stderr.strip().splitlines()[-1:])
        return
    theirs = float(result.stdout.strip())
    print(f"  UpSetPlot (pandas 2)   {theirs * 1000:8.1f} ms   1.00x")
    print(f"  needmap                {ours_time * 1000:8.1f} ms  {ours_time / theirs:5.2f}x")


def setup() -> None:
    if not BENCH_ENV.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_ENV)], check=True)
    subprocess.run([str(BENCH_ENV / "bin" / "pip"), "install", "-q", *BENCH_PACKAGES], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", action="store_true", help="create .venv-bench for UpSetPlot")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (default 7)")
    args = parser.parse_args()
    if args.setup:
        setup()
    bench_regions(args.repeat)
    bench_upset(max(3, args.repeat // 2))


if __name__ == "__main__":
    main()
