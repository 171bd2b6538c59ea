"""Survey import and analysis speed, as ratios to baselines measured in the same run.

For each layout (LimeSurvey, MS Forms, Google Forms, long) a CSV export of 100,000
respondents x 5 picks from 80 tasks is generated, quoted as each tool quotes it (the
LimeSurvey one with an open question and the time taken after the tasks, as real ones
have). Three
things are timed, each in a fresh process, ``--repeat`` rounds (5 by default), with that
process's peak memory:

* needmap: ``import_survey`` + ``analyse_toptasks``;
* a bare ``csv.reader`` pass over the same file (the floor for any CSV import);
* pandas ``read_csv`` and a groupby that makes the same counts (in ``.venv-bench``, which
  ``benchmarks/overlap.py --setup`` creates, since needmap itself does not depend on pandas).

The three run in turn, round after round. The times printed are each one's fastest run;
a ratio is the median over the rounds of the ratio within a round, so that a busy moment,
which slows all the runs of its round alike, does not skew it (a ratio of two best-ofs can
pair a quiet moment with a busy one). For Microsoft Forms a fourth is timed: a loop that
files each cell under its group answer and counts the joined cells, with no checks at all,
to show how close a checking importer can come.

Targets: under 2x the bare pass, faster than pandas, peak memory under 300 MB.

    python benchmarks/survey.py [--respondents N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
TASKS = 80
GROUPS = {f"g{i}": (i + 1) * 150 for i in range(8)}
ANSWERS = {gid: f"Functie {i}: {gid}" for i, gid in enumerate(GROUPS)}

NEEDMAP_RUN = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from needmap import load_study
from needmap.model.toptasks import analyse_toptasks
from needmap.surveys import import_survey, load_mapping
study = load_study(Path({study!r}))
mapping = load_mapping(Path({mapping!r}), study)
start = time.perf_counter()
tally = import_survey(mapping, Path({export!r})).tally
result = analyse_toptasks(study, mapping, tally)
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "rss_mb": rss, "respondents": tally.total_respondents}}))
"""

CSV_RUN = """
import csv, json, resource, time
start = time.perf_counter()
with open({export!r}, newline="", encoding="utf-8") as handle:
    for row in csv.reader(handle, delimiter={delimiter!r}):
        pass
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": time.perf_counter() - start, "rss_mb": rss}}))
"""

UNCHECKED_RUN = """
import csv, json, resource, time
from collections import Counter
start = time.perf_counter()
cells = {{}}
with open({export!r}, newline="", encoding="utf-8") as handle:
    rows = csv.reader(handle)
    header = next(rows)
    group, choice = header.index("Functie"), header.index("Taken")
    for row in rows:
        cells.setdefault(row[group], []).append(row[choice])
counts = {{g: Counter(";".join(c).split(";")) for g, c in cells.items()}}
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": time.perf_counter() - start, "rss_mb": rss}}))
"""

PANDAS_RUN = """
import json, resource, time
import pandas as pd
layout, export, group, choice, labels = {layout!r}, {export!r}, {group!r}, {choice!r}, {labels!r}
start = time.perf_counter()
frame = pd.read_csv(export, sep={delimiter!r}, dtype=str, keep_default_na=False)
if layout == "limesurvey":
    picks = frame[[c for c in frame.columns if c.startswith("Q2[")]].eq("Y")
    counts = picks.groupby(frame[group]).sum()
elif layout == "long":
    counts = frame.groupby([group, choice]).size()
else:
    sep = ";" if layout == "ms-forms" else ", "
    split = frame[choice].str.split(sep)
    exploded = frame[[group, choice]].assign(**{{choice: split}}).explode(choice)
    exploded = exploded[exploded[choice] != ""]
    counts = exploded.groupby([group, choice]).size()
total = int(counts.to_numpy().sum())
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": time.perf_counter() - start, "rss_mb": rss, "votes": total}}))
"""


def labels() -> list[str]:
    """80 task labels; some contain ', ' as real ones do (Google Forms must cope)."""
    return [
        f"Taak {i:02}, met een komma" if i % 10 == 0 else f"Taak {i:02} regelen"
        for i in range(TASKS)
    ]


def write_study(folder: Path) -> None:
    (folder / "study.yaml").write_text("name: Bench\norganisation: Bench\nlanguage: nl\n")
    groups = "\n".join(
        f"  - {{id: {g}, name: Groep {g}, headcount: {n}}}" for g, n in GROUPS.items()
    )
    (folder / "groups.yaml").write_text("groups:\n" + groups + "\n")
    (folder / "needs.yaml").write_text(
        "needs:\n  - {id: n1, title: Need, kind: function, groups: {g0: must}}\n"
    )


def write_mapping(folder: Path, layout: str, task_labels: list[str]) -> Path:
    tasks = "\n".join(
        f'  - {{id: t{i:02}, label: "{label}", code: SQ{i:03}}}'
        for i, label in enumerate(task_labels)
    )
    values = "\n".join(f'    "{answer}": {gid}' for gid, answer in ANSWERS.items())
    choices = "  question: Q2" if layout == "limesurvey" else "  column: Taken"
    path = folder / f"{layout}.yaml"
    path.write_text(
        f"id: bench\ntitle: Bench\nlayout: {layout}\nmax_picks: 5\nrespondent: id\n"
        f"group:\n  column: Functie\n  values:\n{values}\nchoices:\n{choices}\ntasks:\n{tasks}\n"
    )
    return path


def write_export(folder: Path, layout: str, respondents: int, task_labels: list[str]) -> Path:
    rnd = random.Random(7)
    weights = [1 / (i + 1) for i in range(TASKS)]
    group_ids = list(GROUPS)
    path = folder / f"{layout}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        # LimeSurvey quotes every cell, "Y" and "" too; the forms tools only where needed.
        if layout == "limesurvey":
            writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        else:
            writer = csv.writer(handle)
        if layout == "limesurvey":  # an open question and the time taken follow the tasks
            tasks = [f"Q2[SQ{i:03}]" for i in range(TASKS)]
            writer.writerow(["id", "submitdate", "Functie", *tasks, "Q3", "interviewtime"])
        elif layout == "long":
            writer.writerow(["id", "Functie", "Taken"])
        else:
            writer.writerow(["id", "Tijd", "Functie", "Taken"])
        for r in range(respondents):
            group = ANSWERS[rnd.choice(group_ids)]
            picks: set[int] = set()
            while len(picks) < 5:
                picks.add(rnd.choices(range(TASKS), weights)[0])
            ordered = sorted(picks)
            if layout == "limesurvey":
                writer.writerow(
                    [
                        r,
                        "2026-03-02 09:14:03",
                        group,
                        *["Y" if i in picks else "" for i in range(TASKS)],
                        "Meer over verlof, graag" if r % 7 == 0 else "",
                        f"{60 + r % 300}.{r % 100:02}",
                    ]
                )
            elif layout == "long":
                for i in ordered:
                    writer.writerow([f"r{r}", group, task_labels[i]])
            elif layout == "ms-forms":
                writer.writerow(
                    [r, "3/2/26 9:14", group, ";".join(task_labels[i] for i in ordered) + ";"]
                )
            else:
                writer.writerow(
                    [r, "2026/03/02 9:14:03", group, ", ".join(task_labels[i] for i in ordered)]
                )
    return path


def run_once(python: Path | str, code: str) -> dict[str, float]:
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def interleaved_runs(
    commands: dict[str, tuple[Path | str, str]], repeat: int
) -> dict[str, list[dict[str, float]]]:
    """Run the commands in turn, ``repeat`` rounds; every run of each, in round order.

    Interleaving means a slow spell of the machine hits the commands of one round alike,
    so a ratio taken within a round stays meaningful on a shared or busy machine.
    """
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (python, code) in commands.items():
            runs[name].append(run_once(python, code))
    return runs


def fastest(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda run: run["seconds"])


def round_ratio(ours: list[dict[str, float]], theirs: list[dict[str, float]]) -> float:
    """The median over rounds of ours / theirs within the same round: steadier than the
    ratio of two best-ofs, which may come from a quiet and a busy moment."""
    return statistics.median(a["seconds"] / b["seconds"] for a, b in zip(ours, theirs, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of runs")
    args = parser.parse_args()
    task_labels = labels()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_study(folder)
        unchecked = "not measured"
        print(
            f"{args.respondents:,} respondents x 5 picks from {TASKS} tasks, {args.repeat} rounds: "
            "times are the fastest run, ratios the median of the rounds' ratios"
        )
        print(
            f"{'layout':13} {'needmap':>9} {'csv pass':>9} {'ratio':>6} "
            f"{'pandas':>9} {'ratio':>6} {'peak MB':>8}"
        )
        for layout in ("limesurvey", "ms-forms", "google-forms", "long"):
            mapping = write_mapping(folder, layout, task_labels)
            export = write_export(folder, layout, args.respondents, task_labels)
            commands: dict[str, tuple[Path | str, str]] = {
                "ours": (
                    sys.executable,
                    NEEDMAP_RUN.format(
                        root=str(ROOT), study=str(folder), mapping=str(mapping), export=str(export)
                    ),
                ),
                "bare": (sys.executable, CSV_RUN.format(export=str(export), delimiter=",")),
            }
            if BENCH_PYTHON.exists():
                commands["pandas"] = (
                    BENCH_PYTHON,
                    PANDAS_RUN.format(
                        layout=layout,
                        export=str(export),
                        group="Functie",
                        choice="Taken",
                        labels=task_labels,
                        delimiter=",",
                    ),
                )
            if layout == "ms-forms":
                commands["unchecked"] = (sys.executable, UNCHECKED_RUN.format(export=str(export)))
            runs = interleaved_runs(commands, args.repeat)
            if "unchecked" in runs:
                floor = fastest(runs["unchecked"])["seconds"]
                unchecked = (
                    f"{floor * 1000:.0f}ms, {round_ratio(runs['unchecked'], runs['bare']):.2f}x"
                )
            ours, bare = fastest(runs["ours"]), fastest(runs["bare"])
            pandas_text = "      n/a"
            pandas_ratio = "   n/a"
            if "pandas" in runs:
                pandas_text = f"{fastest(runs['pandas'])['seconds'] * 1000:7.0f}ms"
                pandas_ratio = f"{round_ratio(runs['ours'], runs['pandas']):5.2f}x"
            print(
                f"{layout:13} {ours['seconds'] * 1000:7.0f}ms {bare['seconds'] * 1000:7.0f}ms "
                f"{round_ratio(runs['ours'], runs['bare']):5.2f}x {pandas_text} {pandas_ratio} "
                f"{max(run['rss_mb'] for run in runs['ours']):8.0f}"
            )
        print(f"ms-forms without any checks (file each cell under its group): {unchecked}")
        if not BENCH_PYTHON.exists():
            print("pandas: not measured; run python benchmarks/overlap.py --setup once")


if __name__ == "__main__":
    main()
