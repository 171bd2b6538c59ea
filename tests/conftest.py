"""Shared test helpers: inline study folders and explicit golden-file updates."""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from needmap.errors import Problem
    from needmap.personas.study import Study
    from needmap.surveys.importer import ImportResult

# No example has a time limit: how long the code takes is measured by the scripts in
# benchmarks/, and on a slow or busy machine a deadline failed examples that were right.
settings.register_profile("needmap", deadline=None)
settings.load_profile("needmap")

FIXTURES = Path(__file__).parent / "fixtures"
SURVEY_FIXTURES = FIXTURES / "survey"
IN_A_TERMINAL = {"TTY_COMPATIBLE": "1"}
"""Environment under which needmap's output counts as a terminal's (CliRunner's is a
pipe): tables too wide for it become cards. Read the output through :func:`plain`."""
_STYLES = re.compile(r"\x1b\[[0-9;]*m")


def plain(output: str) -> str:
    """Terminal output without its colours and bold."""
    return _STYLES.sub("", output)


MINIMAL_STUDY = {
    "study.yaml": """\
        name: Test study
        organisation: Test org
        language: en
        """,
    "groups.yaml": """\
        families:
          - id: staff
            name: Staff
        groups:
          - id: desk
            name: Front desk
            family: staff
            headcount: 10
          - id: field
            name: Field staff
            family: staff
            headcount: 20
        """,
    "needs.yaml": """\
        needs:
          - id: search
            title: Search
            kind: function
            groups: {desk: must, field: should}
          - id: mobile
            title: Works on a phone
            kind: technology
            groups: {field: must}
        """,
    "personas.yaml": """\
        personas:
          - id: henk
            name: Henk
            group: field
            role: Park keeper
            needs: [mobile]
        """,
}

StudyMaker = Callable[..., Path]

ROLE_HEADING = "What is your role?"
"""The heading of the group question in the fixtures' Microsoft Forms and Google Forms exports."""
TASKS_HEADING = "Which tasks do you do most often? Choose at most five."
"""The heading of their tasks question."""
GOOGLE_FORMS_HEADER = f"Timestamp,{ROLE_HEADING},{TASKS_HEADING}\n"
"""The header line of the Google Forms fixture."""
MS_FORMS_HEADER = f"ID,{ROLE_HEADING},{TASKS_HEADING}\n"
"""The same questions headed as Microsoft Forms heads them (its fixture has more columns)."""

LIMESURVEY_TEXT = {
    "id": "Response ID",
    "submitdate": "Date submitted",
    "G01Q01": "What is your role?",
    "SQ001": "Book leave",
    "SQ002": "Find a colleague, by name or expertise",
    "SQ003": "Claim expenses",
    "SQ004": "Report a broken printer",
    "SQ005": "Plan a meeting with lunch and projector",
    "SQ006": "See the café menu",
}
"""The texts behind the LimeSurvey fixture's codes, as the hand-written mapping labels them."""


def limesurvey_with_text_headings(folder: Path) -> Path:
    """The LimeSurvey fixture exported with "Question code & question text" headings
    (``G02Q02[SQ001]. Which tasks…? [Book leave]``), the answers unchanged."""
    lines = (SURVEY_FIXTURES / "exports" / "limesurvey.csv").read_text("utf-8").splitlines()
    headings = []
    for code in (h.strip('"') for h in lines[0].split(",")):
        if "[" in code:
            sub = code[code.index("[") + 1 : -1]
            text = f"Which tasks do you do most often? [{LIMESURVEY_TEXT[sub]}]"
        else:
            text = LIMESURVEY_TEXT.get(code, code.capitalize())
        headings.append(f'"{code}. {text}"')
    path = folder / "limesurvey-text-headings.csv"
    path.write_text("\n".join([",".join(headings), *lines[1:]]) + "\n", encoding="utf-8")
    return path


def notes_then_forms_export(path: Path) -> tuple[Workbook, Worksheet]:
    """The Microsoft Forms fixture as a workbook with a sheet of notes put before it (a
    consultant's), saved at ``path``: the workbook, and its sheet 'Form1' of answers."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Exported on 2 March, before the reminder"])
    answers = book.create_sheet("Form1")
    with (SURVEY_FIXTURES / "exports" / "ms-forms.csv").open(encoding="utf-8-sig") as export:
        for row in csv.reader(export):
            answers.append(row)
    book.save(path)
    return book, answers


SHOWN_INTERVIEW = """\
    interviews:
      - id: field-focus
        group: field
        participants: 5
        quotes:
          - text: I read everything on my phone in the van.
            needs: [mobile]
    """
"""An interview of the minimal study's field staff, enough of them (5) to be shown."""


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text, dedented, or bytes) below ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


@pytest.fixture
def make_study(tmp_path: Path) -> StudyMaker:
    """A study folder from the minimal study, with files replaced, added or (None) removed."""

    def make(
        overrides: Mapping[str, str | bytes | None] | None = None, name: str = "study"
    ) -> Path:
        files: dict[str, str | bytes] = dict(MINIMAL_STUDY)
        for file, content in (overrides or {}).items():
            if content is None:
                files.pop(file, None)
            else:
                files[file] = content
        return write_tree(tmp_path / name, files)

    return make


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite golden files from the current output instead of comparing.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``tests/golden/NAME``; rewrite it only with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = Path(__file__).parent / "golden" / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden once"
        expected = path.read_bytes().decode("utf-8")
        assert actual == expected, f"{name} differs from its golden file (pytest --update-golden)"

    return check


DEMO_BRIEF_CONTENTS = [
    "Shared and specific needs",
    "Shared and specific needs, by family of groups",
    "Roadmap",
    "Why these needs come first",
    "Personas",
    "Top tasks: Intranet top-task survey, March 2026",
    "Top tasks since Intranet top-task survey, March 2024",
    "Interviews",
    "Search logs",
]
"""The chapters of the :func:`demo` study's brief, in order, as its contents names them."""


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The municipality demo (English), built once: every report of a study with every kind
    of evidence, the overviews, personas, roadmap and brief also as PDF."""
    from needmap.demo import build_demo

    out = tmp_path_factory.mktemp("demo") / "demo"
    build_demo(out, "municipality")
    return out


@pytest.fixture(scope="session")
def html_pages(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every kind of HTML page: the :func:`demo`'s, those only a study without a survey's
    answers has (the questions to build the survey with, the guides of every group), and
    a need's page from ``why``."""
    from needmap import init_study, load_study
    from needmap.build import build_reports
    from needmap.reports.why_report import need_story, write_why

    root = tmp_path_factory.mktemp("pages") / "study"
    init_study(root, "company")
    study = load_study(root)
    out = root.parent / "reports"
    built = [p for p in build_reports(study, out, pdf=False) if p.suffix == ".html"]
    why = root.parent / "why.html"
    write_why(need_story(study, study.needs[0].id), why)
    found = [*sorted(demo.glob("*.html")), *(p for p in built if not (demo / p.name).exists())]
    assert {"guides.html", "questions-toptasks-2026.html"} <= {p.name for p in found}
    return [*found, why]


CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
"""The system's Chromium (Debian's, which the README's test command installs where it is
missing), or None: the tests that drive it are skipped without one."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium, driven by Playwright: one a test file, closed after it, so that
    no Playwright event loop stays open under the files that follow."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


# Counted by hand from the twelve respondents written out in each survey fixture:
EXPECTED_RESPONDENTS = {"desk": 5, "field": 3, "office": 3, "~": 1}
EXPECTED_VOTES = {
    "desk": {"leave": 3, "colleague": 3, "expense": 2, "printer": 2, "meeting": 1, "cafe": 1},
    "field": {"leave": 3, "colleague": 0, "expense": 1, "printer": 1, "meeting": 0, "cafe": 0},
    "office": {"leave": 1, "colleague": 2, "expense": 0, "printer": 0, "meeting": 3, "cafe": 1},
    "~": {"leave": 0, "colleague": 0, "expense": 0, "printer": 0, "meeting": 0, "cafe": 1},
}


@pytest.fixture(scope="module")
def study() -> Study:
    """The survey fixtures' study (``fixtures/survey/study``), loaded once a module."""
    from needmap import load_study

    return load_study(SURVEY_FIXTURES / "study")


def import_layout(study: Study, layout: str, export: Path, *, strict: bool = False) -> ImportResult:
    """``export`` imported with the survey fixtures' hand-written mapping of ``layout``."""
    from needmap.surveys import import_survey, load_mapping

    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{layout}.yaml", study)
    return import_survey(mapping, export, strict=strict)


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """``content`` written to ``folder/name`` as it is (text as UTF-8): its path."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def placed(problems: Iterable[Problem]) -> list[tuple[int | None, int | None, str]]:
    """Each problem (of an import's warnings or errors) as its line, column and message."""
    return [(p.location.line, p.location.column, p.message) for p in problems]


def table_rows(path: Path) -> list[list[str]]:
    """An export's header and rows as the import reads them."""
    from needmap.surveys.tables import open_table

    table = open_table(path)
    return [table.header, *table.rows]


def private_survey_study(tmp_path: Path) -> Path:
    """The survey fixture study with a minimum group size of 4: field and office (3
    respondents each) must not be shown anywhere."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    settings = root / "study.yaml"
    settings.write_text(settings.read_text().replace("min_group_size: 3", "min_group_size: 4"))
    (root / "surveys").mkdir()
    shutil.copy(SURVEY_FIXTURES / "mappings" / "long.yaml", root / "surveys" / "toptasks.yaml")
    from needmap import load_study
    from needmap.surveys import import_survey, load_mapping, tally_path, write_tally

    mapping = load_mapping(root / "surveys" / "toptasks.yaml", load_study(root))
    imported = import_survey(mapping, SURVEY_FIXTURES / "exports" / "long.csv")
    write_tally(imported.tally, tally_path(root, mapping.id))
    return root


def run_needmap(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """needmap in a real subprocess, as a shell runs it: ``python -m needmap ARGS``, in the
    folder ``cwd`` when one is given."""
    return subprocess.run(
        [sys.executable, "-m", "needmap", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        check=False,
    )


def assert_prints_like_the_pdf(sheet: Any, pages: int = 1) -> None:
    """Printed from Excel: landscape A4, ``pages`` wide, the heading row on every page;
    across pages, each starts with the two columns that name the rows, and a row's pages
    follow one another."""
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (pages, 0)
    assert sheet.print_title_rows == "$1:$1"
    if pages == 1:
        assert sheet.print_title_cols is None and sheet.page_setup.pageOrder is None
    else:
        assert sheet.print_title_cols == "$A:$B"
        assert sheet.page_setup.pageOrder == "overThenDown"
    assert sheet.freeze_panes == "C2"
    assert sheet.oddFooter.right.text == "&P / &N"
    assert sheet["A1"].font.b


def ctrl_c_as_in_a_terminal() -> None:
    """Let Ctrl-C reach a watching needmap as in a terminal (a ``preexec_fn``): a test run
    started in the background by a non-interactive shell ignores SIGINT, and its children
    would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    """Until ``condition()`` holds; fails the test after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
