"""Figures drawn once per build: :class:`needmap.reports.drawings.Drawings`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from needmap import load_study
from needmap.build import build_reports
from needmap.model.analysis import analyse_overlap
from needmap.reports import drawings as drawings_module
from needmap.reports.drawings import Drawings
from needmap.reports.roadmap_report import study_toptasks
from tests.conftest import private_survey_study


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each kind of figure is drawn, and rendered to SVG."""
    counts: Counter[str] = Counter()

    def counting(name: str) -> Any:
        real = getattr(drawings_module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return real(*args, **kwargs)

        return wrapper

    for name in ("draw_diagram", "draw_long_neck", "draw_group_chart", "figure_bytes"):
        monkeypatch.setattr(drawings_module, name, counting(name))
    return counts


def test_equal_analyses_share_one_drawing_and_one_svg(tmp_path: Path, drawn: Counter[str]) -> None:
    study = load_study(private_survey_study(tmp_path))
    drawings = Drawings()
    first = drawings.diagram(analyse_overlap(study))
    again = drawings.diagram(analyse_overlap(study))  # a new, equal analysis
    assert again is first
    assert drawings.svg(first.figure) is drawings.svg(again.figure)
    (survey,) = study_toptasks(study)
    (same,) = study_toptasks(study)
    assert drawings.charts(survey, "en") is drawings.charts(same, "en")
    assert drawings.charts(survey, "nl") is not drawings.charts(survey, "en")  # other words
    assert drawn == {
        "draw_diagram": 1,
        "figure_bytes": 1,
        "draw_long_neck": 2,
        "draw_group_chart": 2,
    }
    drawings.clear()
    assert drawings.diagram(analyse_overlap(study)) is not first  # drawn anew after clear


def test_a_build_draws_each_figure_once(tmp_path: Path, drawn: Counter[str]) -> None:
    """The overview, its SVG and PNG and the brief share the diagram; the top-task page,
    its PNGs and the brief share the charts."""
    study = load_study(private_survey_study(tmp_path))
    build_reports(study, tmp_path / "out", pdf=False)
    views = 2 if study.families else 1
    assert drawn == {
        "draw_diagram": views,
        "draw_long_neck": 1,
        "draw_group_chart": 1,
        "figure_bytes": views + 2,  # one SVG each; the PNGs are written, not kept
    }


def test_dollar_signs_in_names_are_drawn_as_text_not_as_math(tmp_path: Path) -> None:
    """matplotlib reads text between '$' as TeX: an organisation called '$$' stopped the
    build (a hypothesis example found it), and 'Budget $5 - $10' would print in italics."""
    root = private_survey_study(tmp_path)
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("organisation: Test org", "organisation: $$"))
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("name: Field staff", "name: Budget $5 - $10"))
    tasks = root / "surveys" / "toptasks.yaml"
    tasks.write_text(tasks.read_text().replace("label: Claim expenses", "label: Claim $ back"))
    written = build_reports(load_study(root), tmp_path / "out", pdf=False)
    svgs = [path.read_text(encoding="utf-8") for path in written if path.suffix == ".svg"]
    assert any("$$ — Survey test study" in svg for svg in svgs)
    assert any("Budget $5 - $10" in svg for svg in svgs)
