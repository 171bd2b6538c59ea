"""Damaged evidence files give needmap's own errors, never a traceback.

Real exports arrive edited by hand, cut short, saved in another encoding or half-written by
a crashed download. Each test takes a file that imports cleanly, damages it at random
places with the characters that matter to a CSV reader or a zip archive, and reads it:
the result is either what was read or a :class:`NeedmapError`, whose problems the CLI
prints with file, line and column. Any other exception would reach the user as a traceback.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from needmap import load_study
from needmap.errors import NeedmapError
from needmap.interview_import import import_interview_sheet
from needmap.personas.study import Study
from needmap.reports.searches_report import study_searches, write_searches
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.interviews import check_interviews
from tests.conftest import SURVEY_FIXTURES, write_tree
from tests.search_logs import APP_CSV, INTRANET_CSV, files_with_logs

# What a CSV reader, a decoder or an unzipper trips over, and some plain text; a cell longer
# than the csv module's field limit (131,072 characters), as an open quote makes of the rest.
_PIECES = [b'"', b",", b";", b"\t", b"\n", b"\r", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf"]
_PIECES += [b" ", b"Y", b"", b"\xc3", "é".encode(), b"Book leave", b"x" * 140_000]
# control characters a reader passes on, which a workbook refuses and a terminal obeys
_PIECES += [b"\x1b[2J", b"\x0b", b"\x07", "\u0085".encode(), "\u00a0".encode()]


@st.composite
def damaged(draw: st.DrawFn, good: bytes) -> bytes:
    """``good`` with one to five places cut, replaced or added to, often below the header
    line (a damaged header stops the reading early); or cut short."""
    data = bytearray(good)
    first = good.find(b"\n") + 1 if draw(st.booleans()) else 0
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(min(first, len(data)), len(data)))
        cut = draw(st.integers(0, 3))
        data[at : at + cut] = draw(st.sampled_from(_PIECES))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def reads_or_refuses(read: Callable[[Path], object], data: bytes, name: str) -> None:
    """``read`` of a file holding ``data`` returns or raises a NeedmapError with problems."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            read(path)
        except NeedmapError as error:
            assert error.problems


@pytest.fixture(scope="module")
def ms_forms_xlsx() -> bytes:
    """The Microsoft Forms fixture as a workbook, made once: openpyxl writes the time into
    each, and hypothesis needs the same bytes for every example."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    with (SURVEY_FIXTURES / "exports" / "ms-forms.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("layout", ["limesurvey", "ms-forms", "google-forms", "long"])
def test_a_damaged_survey_export_gives_needmap_errors_only(
    layout: str, study: Study, data: st.DataObject
) -> None:
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{layout}.yaml", study)
    good = (SURVEY_FIXTURES / "exports" / f"{layout}.csv").read_bytes()
    strict = data.draw(st.booleans(), label="strict")
    reads_or_refuses(
        lambda path: import_survey(mapping, path, strict=strict),
        data.draw(damaged(good), label="export"),
        "export.csv",
    )


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_damaged_xlsx_export_gives_needmap_errors_only(
    study: Study, ms_forms_xlsx: bytes, data: st.DataObject
) -> None:
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", study)
    reads_or_refuses(
        lambda path: import_survey(mapping, path), data.draw(damaged(ms_forms_xlsx)), "export.xlsx"
    )


_SHEET = (
    "interview,date,group,participants,quote,needs,questions\n"
    "Desk 1,2026-03-02,desk,2,We phone around for names,people-finder,\n"
    'Desk 1,2026-03-02,desk,2,"Leave, always by mail",hr-self-service,canteen\n'
)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_damaged_interview_sheet_gives_needmap_errors_only(
    study: Study, data: st.DataObject
) -> None:
    """What imports, the study reads back."""

    def import_and_read(sheet: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            root = shutil.copytree(study.root, Path(tmp) / "study")
            import_interview_sheet(load_study(root), sheet)
            check_interviews(load_study(root))

    reads_or_refuses(import_and_read, data.draw(damaged(_SHEET.encode())), "interviews.csv")


@pytest.fixture(scope="module")
def study_with_search_logs(tmp_path_factory: pytest.TempPathFactory) -> Study:
    root = tmp_path_factory.mktemp("searches") / "study"
    write_tree(root, {k: v for k, v in files_with_logs().items() if v is not None})
    return load_study(root)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize(
    ("name", "good"), [("intranet-may.csv", INTRANET_CSV), ("app-searches.csv", APP_CSV)]
)
def test_a_damaged_search_log_gives_needmap_errors_only(
    study_with_search_logs: Study, name: str, good: bytes, data: st.DataObject
) -> None:
    """What reads is also written, in every format the report has."""
    export = study_with_search_logs.root / "analytics" / name
    export.write_bytes(data.draw(damaged(good)))
    try:
        evidence = study_searches(study_with_search_logs)
        with tempfile.TemporaryDirectory() as tmp:
            for suffix in (".md", ".html", ".csv", ".xlsx", ".json"):
                write_searches(evidence, study_with_search_logs, Path(tmp) / f"s{suffix}")
    except NeedmapError as error:
        assert error.problems
    finally:
        export.write_bytes(good)
