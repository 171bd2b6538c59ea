"""Any study that loads builds every report: small random studies
(:func:`tests.study_files.studies`), each loaded as files, so the loader's checks apply,
and built without PDFs; every report must be written, none may raise."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from needmap import load_study
from needmap.build import build_reports
from needmap.reports.interviews_report import interviews_to_json, study_interviews
from needmap.reports.roadmap_report import study_toptasks
from needmap.reports.status_report import status_to_json, study_status
from needmap.reports.toptasks_table import toptasks_to_json
from needmap.reports.why_report import need_story, why_to_json
from tests.study_files import studies, write_study_files

pytestmark = [
    pytest.mark.filterwarnings("error"),
    pytest.mark.filterwarnings("ignore:Glyph .* missing from font"),
]
"""Any warning is a failure (matplotlib's about an axis from 0 to 0 showed a chart drawn
wrong), but for emoji and rare scripts in a name, which the diagrams' font draws as boxes."""


def _examples(count: int) -> settings:
    """``count`` studies, each as long as it takes (a build draws every chart)."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@_examples(15)
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
    for need in study.needs:  # `needmap why` of every need, not only those the brief explains
        assert why_to_json(need_story(study, need.id))["id"] == need.id


@_examples(30)
@given(files=studies())
def test_no_breakdown_of_any_study_shows_a_group_below_the_minimum(
    files: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The privacy rule, over any study: an interview bucket or survey group is shown only
    with at least the minimum of people; nothing about a hidden one is given (no count, no
    share, no weight, no quote, not named as the one that disagrees most); one group is
    never hidden alone where the others and the total would give it away; and no survey's
    results come from fewer people than the minimum."""
    study = load_study(write_study_files(tmp_path_factory.mktemp("study"), files))
    minimum = study.settings.privacy.min_group_size
    interviews = interviews_to_json(study_interviews(study))
    shown = {b["key"] for b in interviews["buckets"] if b["shown"]}
    for bucket in interviews["buckets"]:
        assert (
            bucket["participants"] >= minimum if bucket["shown"] else "participants" not in bucket
        )
    for need in interviews["needs"]:
        assert {*need["supports"], *need["questions"]} <= shown
        assert {quote["bucket"] for quote in need["quotes"]} <= shown
    for result in study_toptasks(study):
        survey = toptasks_to_json(result)
        assert survey["respondents"] >= minimum
        hidden = {g["group"] for g in survey["groups"] if g["suppressed"]}
        for group in survey["groups"]:
            if group["suppressed"]:
                assert group["respondents"] is None
                assert all(share is None for share in group["shares"].values())
            else:
                assert group["respondents"] >= minimum
        assert len(hidden) != 1 or len(survey["groups"]) == 1
        assert all(survey["weights"].get(group) is None for group in hidden)
        assert not hidden & {
            g for d in survey["disagreements"] for g in (d["highest"], d["lowest"])
        }
