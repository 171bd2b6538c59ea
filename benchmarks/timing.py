"""Timing that the benchmarks share: an action run several times, in one process."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def run_times(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds that each of ``repeat`` runs of ``action`` took."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def median_time(action: Callable[[], object], repeat: int) -> float:
    """The median run: steady on a busy machine, when baseline and action alternate."""
    return statistics.median(run_times(action, repeat))


def best_time(action: Callable[[], object], repeat: int) -> float:
    """The fastest run: what the action costs with the least interference."""
    return min(run_times(action, repeat))


def alternating_best(
    baseline: Callable[[], float], action: Callable[[], float], repeat: int
) -> tuple[float, float]:
    """The best of ``repeat`` rounds of each, run in turn (baseline, action, baseline, …) so
    that a busy moment slows both alike; each callable times its own run, leaving out its
    set-up, and returns the seconds."""
    base: list[float] = []
    timed: list[float] = []
    for _ in range(repeat):
        base.append(baseline())
        timed.append(action())
    return min(base), min(timed)
