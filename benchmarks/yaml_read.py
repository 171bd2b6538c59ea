"""Reading study files with libyaml's parser against PyYAML's own, in the same run.

needmap reads every YAML file through PyYAML's composer, which keeps each value's position.
Where PyYAML has libyaml (its wheels do), the events come from libyaml's parser in C and
only the composing stays in Python; a file that libyaml cannot read is read again by
PyYAML's parser, for its messages. Timed, alternating, best of ``--repeat`` rounds:

* every YAML file of the Dutch municipality demo study;
* an interview file of 3,000 quotes (a large study's notes);
* ``needmap build --no-pdf`` of the demo (what ``needmap serve`` does after each save).

    python benchmarks/yaml_read.py [--repeat N]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo_study import demo_study  # noqa: E402
from timing import best_time  # noqa: E402

from needmap.build import build_reports  # noqa: E402
from needmap.personas import yamlsource  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402

QUOTES = 3_000


def _interviews(path: Path) -> Path:
    """An interview file of ``QUOTES`` quotes, 20 to an interview."""
    lines = ["interviews:"]
    for i in range(QUOTES // 20):
        lines += [f"  - id: gesprek-{i}", "    group: balie", "    date: 2026-03-02", "    quotes:"]
        lines += [
            f"      - text: Ik zoek elke dag een werkinstructie op, en dat kost tijd ({j}).\n"
            "        needs: [zoeken]"
            for j in range(20)
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _both(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best time of ``action`` with libyaml and with PyYAML's parser, alternating."""
    fast: list[float] = []
    slow: list[float] = []
    for _ in range(repeat):
        for libyaml, times in ((True, fast), (False, slow)):
            yamlsource._LIBYAML = libyaml  # the switch this script measures
            times.append(best_time(action, 1))
    yamlsource._LIBYAML = True
    return min(fast), min(slow)


def main() -> None:
    if not yamlsource._LIBYAML:
        print("PyYAML was built without libyaml here: nothing to compare")
        return
    with demo_study(__doc__, "gemeente", "rounds (default 3)") as (repeat, root, study):
        files = sorted(study.rglob("*.yaml"))
        big = _interviews(root / "interviews.yaml")
        measures: dict[str, Callable[[], object]] = {
            f"demo study ({len(files)} files)": lambda: [
                yamlsource.read_yaml_file(f) for f in files
            ],
            f"{QUOTES:,} interview quotes": lambda: yamlsource.read_yaml_file(big),
            "build --no-pdf of the demo": lambda: build_reports(
                load_study(study), root / "out", pdf=False
            ),
        }
        print(f"{'what':30} {'libyaml':>9} {'PyYAML':>9} {'faster':>7}")
        for name, action in measures.items():
            fast, slow = _both(action, repeat)
            print(f"{name:30} {fast * 1000:7.0f}ms {slow * 1000:7.0f}ms {slow / fast:6.1f}x")


if __name__ == "__main__":
    main()
