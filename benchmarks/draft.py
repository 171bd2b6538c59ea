"""`survey draft` speed, as ratios to a bare ``csv.reader`` pass over the same export,
measured in the same run.

A draft reads every row of the export: each respondent's group answer and choices, and,
for an export in two languages, which texts were chosen together and in which order (to
tell the languages apart and pair the tasks; ``needmap/surveys/draft_languages.py``). Two
Microsoft Forms exports of ``--respondents`` rows (100,000 by default), five picks each in
the options' order: one in Dutch (80 tasks), one with a fifth of the respondents answering
in English (the same 80 tasks, translated), and that one again with two tasks whose
translation is their own text (a product's name), chosen in both languages. The figures to
watch: each ratio to the bare pass, what the second language costs, and the tasks drafted:
80 for one language; for two, 80 and the other language's texts the draft could not pair
(their places left open by the cells), the same with the shared texts (160 would mean the
languages were not told apart).

    python benchmarks/draft.py [--respondents N] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import best_time

from needmap import load_study
from needmap.personas.study import Study
from needmap.surveys.draft import draft_mapping

TASKS = 80
ROLE, CHOICES = "Wat is je functie?", "Welke taken doe je het vaakst?"
ANSWERS = {
    "nl": ["Monteur of buitendienst", "Receptie of klantenservice", "Kantoor"],
    "en": ["Field engineer", "Reception or customer service", "Office"],
}
LABELS = {
    "nl": [f"Taak {i:02} van de lijst regelen" for i in range(TASKS)],
    "en": [f"Arrange task {i:02} of the list" for i in range(TASKS)],
}


def write_study(folder: Path) -> Path:
    folder.mkdir()
    (folder / "study.yaml").write_text("name: Bench\norganisation: Bench\nlanguage: nl\n")
    (folder / "groups.yaml").write_text(
        "groups:\n  - {id: buitendienst, name: Buitendienst, headcount: 100}\n"
        "  - {id: balie, name: Receptie, headcount: 100}\n"
    )
    (folder / "needs.yaml").write_text(
        "needs:\n  - {id: n1, title: Need, kind: function, groups: {balie: must}}\n"
    )
    return folder


SHARED = (10, 40)
"""Tasks whose English text is the Dutch one, in the third export."""


def write_export(
    path: Path, respondents: int, english_share: float, shared: tuple[int, ...] = ()
) -> Path:
    rnd = random.Random(7)
    labels = {
        "nl": LABELS["nl"],
        "en": [LABELS["nl" if i in shared else "en"][i] for i in range(TASKS)],
    }
    weights = [1 / (i + 1) for i in range(TASKS)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Tijd", ROLE, CHOICES])
        for r in range(respondents):
            language = "en" if rnd.random() < english_share else "nl"
            picks: set[int] = set()
            while len(picks) < 5:
                picks.add(rnd.choices(range(TASKS), weights)[0])
            cell = ";".join(labels[language][i] for i in sorted(picks)) + ";"
            writer.writerow([r, "3/2/26 9:14", rnd.choice(ANSWERS[language]), cell])
    return path


def bare_pass(path: Path) -> int:
    with path.open(newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle))


def draft(study: Study, path: Path) -> int:
    drafted = draft_mapping(
        study, path, layout="ms-forms", group_column=ROLE, choices_column=CHOICES
    )
    return len(drafted.tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (default 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        study = load_study(write_study(folder / "study"))
        print(
            f"{args.respondents:,} respondents x 5 picks from {TASKS} tasks, best of {args.repeat}"
        )
        print("export           draft   csv pass  ratio  tasks drafted")
        seconds = {}
        exports = (
            ("one language", 0.0, ()),
            ("two languages", 0.2, ()),
            ("two, 2 shared", 0.2, SHARED),
        )
        for name, share, shared in exports:
            path = write_export(folder / f"{name}.csv", args.respondents, share, shared)
            ours = best_time(partial(draft, study, path), args.repeat)
            bare = best_time(partial(bare_pass, path), args.repeat)
            seconds[name] = ours
            print(
                f"{name:14} {ours * 1000:7.0f}ms {bare * 1000:7.0f}ms {ours / bare:5.1f}x"
                f"  {draft(study, path):5}"
            )
        print(
            f"the second language costs {seconds['two languages'] / seconds['one language']:.2f}x"
            " the draft of one"
        )


if __name__ == "__main__":
    main()
