"""The overviews that ``build`` and ``demo`` write: each file holds the view its name says."""

from __future__ import annotations

import csv
from pathlib import Path

from needmap import load_study
from needmap.reports.bundle import (
    overlap_files,
    overlap_views,
    toptasks_files,
    write_overlap_bundle,
    write_toptasks_bundle,
)
from needmap.scaffold import init_study


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return next(csv.reader(file, delimiter=";"))


def test_each_overview_is_of_the_circles_its_name_says(tmp_path: Path) -> None:
    """The municipality's two families tell more than its nine groups: the bundle holds
    both views, the groups' by group and the families' by family, and gives every file it
    wrote, in order, to its progress and as its result."""
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    study = load_study(root)
    assert overlap_views(study) == [("groups", False), ("families", True)]
    out = tmp_path / "out"
    out.mkdir()
    seen: list[Path] = []
    written = write_overlap_bundle(study, out, progress=seen.append)
    assert (
        written == seen == [out / f for view in ("groups", "families") for f in overlap_files(view)]
    )

    families = [family.name for family in study.families]
    groups = [group.name for group in study.groups]
    assert header(out / "needs-families.csv")[2:-2] == [
        f"{letter} · {name}" for letter, name in zip("AB", families, strict=True)
    ]
    assert [column.split(" · ")[1] for column in header(out / "needs-groups.csv")[2:-2]] == groups
    assert "per familie van doelgroepen</h1>" in (out / "overlap-families.html").read_text()
    assert "per familie" not in (out / "overlap-groups.html").read_text()


def test_each_top_task_chart_is_the_one_its_name_says(tmp_path: Path) -> None:
    """The long neck in ``-neck.png``, the ranking per group in ``-groups.png``: the two
    were written from one pair of figures, and each file is compared with its own figure
    drawn anew (PNG bytes are the same for the same figure)."""
    from needmap.reports.diagram import figure_bytes
    from needmap.reports.roadmap_report import study_toptasks
    from needmap.reports.toptasks_charts import draw_group_chart, draw_long_neck
    from tests.conftest import private_survey_study

    study = load_study(private_survey_study(tmp_path))
    (result,) = study_toptasks(study)
    out = tmp_path / "out"
    out.mkdir()
    written = write_toptasks_bundle(result, "en", "Test org", out)
    assert [p.name for p in written] == toptasks_files(result.survey)
    neck, groups = (
        out / f"toptasks-{result.survey}-neck.png",
        out / f"toptasks-{result.survey}-groups.png",
    )
    assert neck.read_bytes() == figure_bytes(draw_long_neck(result, "en"), ".png")
    assert groups.read_bytes() == figure_bytes(draw_group_chart(result, "en"), ".png")
