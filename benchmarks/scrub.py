"""Scrubbing time on long texts of awkward shapes, as ratios to a bare regular-expression
pass over the same text, measured in the same run.

``needmap.scrub`` runs over every persona text, interview quote, search term and quoted
export cell. A pattern that tries every position of a long word again (an e-mail address
looked for inside a 10,000-character token took 2 s; 100,000 characters, minutes) would
hang a build on one pasted blob. The figures to watch: each shape's ratio to the bare pass,
and how much longer ten times the text takes (10x is linear; 100x would be quadratic).

    python benchmarks/scrub.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_time

from needmap.scrub import personal_data, scrub

SHAPES: dict[str, Callable[[int], str]] = {
    "one long word": lambda n: "a" * n,
    "digits": lambda n: "1" * n,
    "dotted word": lambda n: "a." * (n // 2),
    "hyphenated": lambda n: "a-" * (n // 2),
    "a Street name": lambda n: "Kerk" + "straat" * (n // 6),
    "titles": lambda n: "mevrouw " * (n // 8),
    "initials": lambda n: "dhr. " + "A. " * (n // 3),
    "initials alone": lambda n: "Bel " + "A. " * (n // 3),
    "Van": lambda n: "Bel" + " Van" * (n // 4),
    "spaced digits": lambda n: "1 " * (n // 2),
    "prose": lambda n: "Ik bel mevrouw Jansen over de Kerkstraat 12. " * (n // 45),
    "first names": lambda n: "Ben belde Piet van der Berg en Ben. " * (n // 36),
    "particles": lambda n: "Piet" + " van" * (n // 4),
    "typed names": lambda n: "bel jan de vries of piet van hr. " * (n // 33),
    "typed particles": lambda n: "piet" + " van" * (n // 4),
    "firm, surname": lambda n: "Albert Heijn en Jansen. " * (n // 24),
    "dashed groups": lambda n: "AB-12-" * (n // 6),
    "digit groups": lambda n: "4234 " * (n // 5),
    "birth words": lambda n: "geboren op 12-3-" * (n // 16),
}

_BARE = re.compile(r"\w+")


def _scrub_all(text: str) -> None:
    scrub(text, limit=None)
    personal_data(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (default 5)")
    args = parser.parse_args()
    print("shape            10,000 chars  ratio  100,000 chars  ratio  10x text takes")
    growths = []
    for name, make in SHAPES.items():
        row = []
        for size in (10_000, 100_000):
            text = make(size)
            needmap = best_time(partial(_scrub_all, text), args.repeat)
            bare = best_time(partial(_BARE.findall, text), args.repeat)
            row.append((needmap, needmap / bare))
        growth = row[1][0] / row[0][0]
        growths.append(growth)
        print(
            f"{name:15} {row[0][0] * 1000:10.1f}ms {row[0][1]:5.0f}x {row[1][0] * 1000:11.1f}ms"
            f" {row[1][1]:5.0f}x {growth:12.1f}x"
        )
    print(f"median growth for 10x the text: {statistics.median(growths):.1f}x (linear: 10x)")


if __name__ == "__main__":
    main()
