"""Cold start of ``needmap --help`` as a ratio to ``python -c pass``, measured in one run.

Each command runs in a fresh process, alternating, so both see the same machine load; the
median of the repetitions is reported. ``import typer`` alone is shown for reference: the CLI
framework costs most of the budget (target: needmap --help under 5x python -c pass).

    python benchmarks/startup.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _needmap_command() -> list[str]:
    script = Path(sys.executable).parent / "needmap"
    return [str(script)] if script.exists() else [sys.executable, "-m", "needmap"]


COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "needmap --help": [*_needmap_command(), "--help"],
}


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The runs' environment: with PYTHONDONTWRITEBYTECODE set (some shells and containers set
it), the warm-up run could not write the .pyc files, and every run would compile the
modules changed since the last install, which no installed needmap does."""


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=_ENV
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs per command (default 21)")
    args = parser.parse_args()
    for command in COMMANDS.values():
        _time(command)  # warm the OS file cache and write .pyc files once
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            samples[name].append(_time(command))
    baseline = statistics.median(samples["python -c pass"])
    print(f"{'command':28} {'median ms':>10} {'ratio':>7}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:28} {median * 1000:10.1f} {median / baseline:6.2f}x")
    ratio = statistics.median(samples["needmap --help"]) / baseline
    print(f"\nneedmap --help: {ratio:.2f}x python -c pass (target < 5x)")


if __name__ == "__main__":
    main()
