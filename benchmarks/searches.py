"""Search-log performance, as ratios to a baseline measured in the same run.

Two exports of the same searches (Zipf-distributed over 20,000 distinct terms): a raw log
with one row per search (user, query, time; 500,000 rows by default) and the per-term
export a "top searches" report gives (20,000 rows). For each, reading the export and
analysing it (``load_search_logs`` + ``analyse_searches``, 60 needs with exact and
wildcard topics) is timed against a bare ``csv.reader`` pass over the same file.

    python benchmarks/searches.py [--rows N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402

from needmap.model.searches import analyse_searches  # noqa: E402
from needmap.personas.loader import load_study  # noqa: E402
from needmap.personas.study import Study  # noqa: E402
from needmap.surveys.searchlog import load_search_logs  # noqa: E402

NEEDS = 60
TERMS = 20_000
WORDS = [f"woord{i}" for i in range(3_000)]


def _terms(rnd: random.Random) -> list[str]:
    terms: set[str] = set()
    while len(terms) < TERMS:
        terms.add(" ".join(rnd.sample(WORDS, rnd.randint(1, 3))))
    return sorted(terms)


def write_study(folder: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    terms = _terms(rnd)
    weights = [1 / (rank + 1) for rank in range(len(terms))]
    searches = Counter(rnd.choices(terms, weights, k=rows))
    needs = "\n".join(
        f"  - {{id: n{i}, title: Need {i}, kind: content, groups: {{g: must}}}}"
        for i in range(NEEDS)
    )
    (folder / "study.yaml").write_text(
        "name: Bench\norganisation: O\nlanguage: en\n"
        "groups:\n  - {id: g, name: G, headcount: 100}\n"
        f"needs:\n{needs}\n",
        encoding="utf-8",
    )
    analytics = folder / "analytics"
    analytics.mkdir()
    topics = "\n".join(
        f"  - need: n{i}\n    terms: [{', '.join(terms[i * 5 : i * 5 + 5])}, "
        f'"woord{i} *", "* woord{i + 100}"]'
        for i in range(NEEDS)
    )
    raw = io.StringIO()
    writer = csv.writer(raw, lineterminator="\r\n")
    writer.writerow(["user", "query", "time"])
    for number, term in enumerate(rnd.choices(terms, weights, k=rows)):
        writer.writerow([f"u{number % 997}", term, "2026-05-01 09:00"])
    per_term = io.StringIO()
    writer = csv.writer(per_term, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Zoekterm", "Aantal", "Resultaten"])
    for term in terms:
        writer.writerow([term, searches.get(term, 1), rnd.choice([0, 3, 12])])
    (analytics / "raw.csv").write_text(raw.getvalue(), encoding="utf-8")
    (analytics / "terms.csv").write_text(per_term.getvalue(), encoding="utf-8")
    for name, columns in (
        ("raw", "{term: query}"),
        ("terms", "{term: Zoekterm, searches: Aantal, results: Resultaten}"),
    ):
        (folder / f"{name}.yaml.off").write_text(
            f"id: {name}\ntitle: {name}\nfile: {name}.csv\ncolumns: {columns}\ntopics:\n{topics}\n",
            encoding="utf-8",
        )


def _bare(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass


def _analyse(study: Study) -> None:
    analyse_searches(study, load_search_logs(study))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000, help="searches in the raw log")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_study(folder, args.rows)
        print(f"{args.rows:,} searches, {TERMS:,} terms, {NEEDS} needs; median of {args.repeat}")
        for name in ("raw", "terms"):
            definition = folder / "analytics" / f"{name}.yaml"
            definition.write_bytes((folder / f"{name}.yaml.off").read_bytes())
            study = load_study(folder)
            export = folder / "analytics" / f"{name}.csv"
            bare = median_time(partial(_bare, export), args.repeat)
            full = median_time(partial(_analyse, study), args.repeat)
            rows = sum(1 for _ in export.open(encoding="utf-8")) - 1
            print(
                f"{name:>5} ({rows:,} rows): bare csv.reader {bare:.3f}s, "
                f"needmap {full:.3f}s = {full / bare:.2f}x"
            )
            definition.unlink()


if __name__ == "__main__":
    main()
