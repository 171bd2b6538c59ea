"""Any study that loads builds every report: small random studies
(:func:`tests.study_files.studies`), each loaded as files, so the loader's checks apply,
and built without PDFs; every report must be written, none may raise."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from needmap import load_study
from needmap.build import build_reports
from needmap.reports.status_report import status_to_json, study_status
from tests.study_files import studies, write_study_files

pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
"""Emoji and rare scripts in a name are drawn as boxes by the diagrams' font; not a fault."""


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=studies())
def test_any_study_that_loads_builds_every_report(
    files: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = write_study_files(tmp_path_factory.mktemp("study"), files)
    study = load_study(root)
    out = root / "out"
    written = build_reports(study, out, pdf=False)
    assert written[-1] == out / "index.html"
    assert all(path.stat().st_size > 0 for path in written)
    names = {path.name for path in written}
    assert {"roadmap.html", "brief.html", "overlap-groups.html"} <= names
    assert ("personas.html" in names) == bool(files["personas.yaml"]["personas"])
    assert ("searches.html" in names) == ("analytics/search.yaml" in files)
    assert ("toptasks-survey.html" in names) == ("surveys/survey.yaml" in files)
    index = (out / "index.html").read_text("utf-8")
    assert all(path.name in index for path in written[:-1])
    status = status_to_json(study_status(study))
    assert status["glance"] and all(line["text"] for line in status["glance"])
