"""PDF reports: the HTML pages laid out for print by WeasyPrint, read back with pypdf."""

from __future__ import annotations

import http.server
import importlib.abc
import io
import re
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject
from typer.testing import CliRunner

from needmap import __version__, init_study, load_study
from needmap.cli import app
from needmap.reports.pdf import html_to_pdf
from tests.conftest import DEMO_BRIEF_CONTENTS, StudyMaker, run_needmap
from tests.rendered import Matrix, assert_on_the_page

runner = CliRunner()


def _reader(path: Path) -> PdfReader:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def _title(reader: PdfReader) -> str:
    """The document title in the PDF's metadata (WeasyPrint takes the page's <title>)."""
    assert reader.metadata is not None and reader.metadata.title is not None
    return reader.metadata.title


def _landscape(reader: PdfReader) -> bool:
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    }
    assert sizes in ({(842, 595)}, {(595, 842)}), sizes  # A4, one orientation throughout
    return sizes == {(842, 595)}


def test_the_persona_report_prints_one_persona_per_portrait_page(demo: Path) -> None:
    study = load_study(demo / "study")
    reader = _reader(demo / "personas.pdf")
    assert not _landscape(reader)
    assert len(reader.pages) == len(study.personas)
    for page, persona in zip(reader.pages, study.personas, strict=True):
        text = page.extract_text()
        assert persona.name in text and persona.role in text
        others = [p.name for p in study.personas if p is not persona]
        assert not any(f"\n{name}\n" in f"\n{text}\n" for name in others)
    assert _title(reader).startswith("Personas")


def test_one_need_explained_prints_on_a_portrait_page(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "why-search.pdf"
    result = runner.invoke(app, ["why", str(demo / "study"), "search", "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = _reader(out)
    assert not _landscape(reader)
    assert len(reader.pages) == 1
    assert _title(reader) == "Why this need is where it is: One search across all sources"
    text = reader.pages[0].extract_text()
    assert "WHERE THE ROADMAP PUTS IT" in text and "Now: number " in text
    assert_on_the_page(reader)


def test_the_demo_s_interview_guide_prints_portrait_and_is_linked_with_the_interviews(
    demo: Path,
) -> None:
    reader = _reader(demo / "guide-front-desk.pdf")
    assert not _landscape(reader)
    assert _title(reader) == "Interview guide: Front desk and contact centre"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Needs with no evidence yet: ask about them" in text
    assert "- id: front-desk-" in text and "group: front-desk" in text
    assert_on_the_page(reader)
    index = (demo / "index.html").read_text(encoding="utf-8")
    interviews = index[index.index("<h2>Interviews</h2>") :]
    for name in ("guide-front-desk.html", "guide-front-desk.pdf", "guide-front-desk.md"):
        assert f'href="{name}"' in interviews


def test_the_roadmap_prints_landscape_with_title_and_page_numbers(demo: Path) -> None:
    reader = _reader(demo / "roadmap.pdf")
    assert _landscape(reader)
    pages = len(reader.pages)
    assert pages >= 2
    title = _title(reader)
    assert title.startswith("Roadmap: ")
    assert reader.metadata is not None
    assert (reader.metadata.author, reader.metadata.creator) == (
        "City of Exampleton",
        f"needmap {__version__}",
    )
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"{number} / {pages}" in text
        assert title in text  # the footer names the report on every page
    assert "Why this order" in "".join(p.extract_text() for p in reader.pages)


def _structure(node: Any) -> Iterator[Any]:
    """The elements of a tagged PDF's structure tree under ``node``, in reading order."""
    node = node.get_object()
    if not isinstance(node, DictionaryObject):
        return
    if "/S" in node:
        yield node
    kids = node.get("/K")
    kids = kids.get_object() if kids is not None else []
    for kid in kids if isinstance(kids, list) else [kids]:
        yield from _structure(kid)


def test_a_pdf_is_tagged_for_a_screen_reader(demo: Path) -> None:
    """Its headings and tables are in the PDF's structure, each cell of the needs table
    with its column's heading and its row's (the need), and the diagram with the words
    the page gives it for who cannot see it."""
    reader = _reader(demo / "overlap-groups.pdf")
    root: Any = reader.trailer["/Root"]
    assert (root["/MarkInfo"]["/Marked"], root["/Lang"]) == (True, "en")
    # the metadata claims PDF/UA-1, which a checker reads before anything else
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    elements = list(_structure(root["/StructTreeRoot"]))
    kinds = Counter(str(e["/S"]) for e in elements)
    assert (kinds["/H1"], kinds["/Table"]) == (1, 3)
    [figure] = [e for e in elements if e["/S"] == "/Figure"]
    assert figure["/Alt"] == (
        "An UpSet matrix of the needs of 9 target groups: which they share and which are "
        "their own. The needs table lists them region by region."
    )
    headings = {str(e["/ID"]) for e in elements if e["/S"] == "/TH"}
    cells = [e for e in elements if e["/S"] == "/TD"]
    headed = [{str(h) for h in cell["/A"].get("/Headers", [])} for cell in cells]
    assert all(found <= headings for found in headed)
    by_row = [found for found in headed if any(h.split("-")[1] != "0" for h in found)]
    assert len(by_row) > len(cells) / 2  # the needs table's cells, headed by their need


def test_every_pdf_passes_the_machine_checks_of_pdf_ua(demo: Path, tmp_path: Path) -> None:
    """pdfua checks the machine-checkable part of PDF/UA-1 (and WCAG 2.1) of every PDF
    the demo writes: nothing is found but UA-15-003, a heuristic that looks for /Scope on
    the header cells and counts no header associated, where each data cell names its
    headers by /Headers and /IDs (:func:`test_a_pdf_is_tagged_for_a_screen_reader`). A PDF
    without tags is refused: the check can fail."""
    import pdfua

    pdfs = sorted(demo.glob("*.pdf"))
    assert len(pdfs) >= 6  # the overviews, personas, roadmap, guide and brief
    found = [
        f"{path.name}, page {finding.location.page}: {finding.rule_id} {finding.message}"
        for path in pdfs
        for finding in pdfua.validate(str(path)).findings
        if finding.rule_id != "UA-15-003"
    ]
    assert found == []
    untagged = tmp_path / "untagged.pdf"
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.write(untagged)
    refused = {finding.rule_id for finding in pdfua.validate(str(untagged)).findings}
    assert {"UA-01-002", "UA-01-005"} <= refused  # not marked, no structure tree


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (None, "overlap-groups.pdf"),
        (None, "overlap-families.pdf"),
        (None, "roadmap.pdf"),
        (["table"], "needs.pdf"),
        (["toptasks"], "toptasks.pdf"),
        (["interviews"], "interviews.pdf"),
        (["searches"], "searches.pdf"),
    ],
)
def test_no_report_runs_past_the_edge_of_the_page(
    demo: Path, tmp_path: Path, command: Sequence[str] | None, name: str
) -> None:
    """The widest study of the templates (nine groups, every kind of evidence): each
    table fits the page, so nothing is cut off."""
    path = demo / name
    if command is not None:
        path = tmp_path / name
        result = runner.invoke(app, [*command, str(demo / "study"), "-o", str(path)])
        assert result.exit_code == 0, result.output
    reader = _reader(path)
    assert _landscape(reader)
    assert_on_the_page(reader)


def _contents_lines(reader: PdfReader, heading: str) -> list[str]:
    """The lines of the brief's table of contents (the right-hand column of its cover), as
    laid out on the page, the footer left out."""
    lines = reader.pages[0].extract_text(extraction_mode="layout").splitlines()
    start = next(i for i, line in enumerate(lines) if heading in line)
    column = lines[start].index(heading)
    return [
        line[column:].strip()
        for line in lines[start + 1 :]
        if line[column:].strip() and " / " not in line
    ]


def test_every_contents_entry_ends_in_a_leader_and_its_page(demo: Path, tmp_path: Path) -> None:
    """In Dutch, 'Gedeelde en specifieke behoeften, per familie van doelgroepen' is one
    line of the cover's contents column. It was printed with its page number straight
    after it and no leader; with groups of longer names, the leader and the number went
    to a line of their own. A title now wraps short of the page numbers' column."""
    out = tmp_path / "brief.pdf"
    result = runner.invoke(app, ["brief", str(demo / "study"), "-l", "nl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    numbered = [line for line in _contents_lines(_reader(out), "Inhoud") if line[-1].isdigit()]
    assert len(numbered) == 9
    assert all(re.fullmatch(r".*[a-z'].*?(\. ){3,}.*\d+", line) for line in numbered), numbered


def test_the_index_links_the_pdfs(demo: Path) -> None:
    index = (demo / "index.html").read_text(encoding="utf-8")
    personas = index[index.index("<h2>Personas</h2>") : index.index("<h2>Roadmap</h2>")]
    assert '<a href="personas.pdf" title="to print or send">PDF</a>' in personas
    assert 'href="roadmap.pdf"' in index[index.index("<h2>Roadmap</h2>") :]


def test_a_subprocess_writes_a_pdf(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "personas.pdf"
    result = run_needmap("personas", str(demo / "study"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # WeasyPrint's own log stays out of the terminal
    assert len(_reader(out).pages) == len(load_study(demo / "study").personas)


def test_an_unknown_suffix_names_pdf_among_the_formats(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.doc"
    result = runner.invoke(app, ["roadmap", str(demo / "study"), "-o", str(out)])
    assert result.exit_code == 2
    assert "use a name ending in .html, .pdf, .md, .csv, .xlsx or .json" in result.stderr
    assert not out.exists()


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_printing_fetches_nothing_but_inline_data(
    server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """Reports are self-contained: a link to the network or to a local file is not
    followed while the PDF is made, and inline images still are."""
    url, requests = server
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red; }", encoding="utf-8")
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9Q"
        "DwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    html = (
        f'<html><head><link rel="stylesheet" href="{url}/style.css">'
        f'<link rel="stylesheet" href="{secret.as_uri()}"></head>'
        f'<body><p>Report</p><img src="{url}/chart.png"><img src="{pixel}"></body></html>'
    )
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert requests == []
    assert "Report" in reader.pages[0].extract_text()
    assert len(reader.pages[0].images) == 1  # the inline one


class _NoPango(importlib.abc.MetaPathFinder):
    """Imports WeasyPrint as a machine without the Pango library does: with an OSError."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.split(".")[0] == "weasyprint":
            raise OSError(
                "cannot load library 'libpango-1.0-0': libpango-1.0-0: "
                "cannot open shared object file: No such file or directory"
            )
        return None


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint unloaded, and importing it fails as it does without Pango."""
    for name in [m for m in sys.modules if m.split(".")[0] == "weasyprint"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])


@pytest.mark.usefixtures("no_pango")
def test_without_pango_the_pdf_is_a_clear_error(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "roadmap.pdf"
    result = runner.invoke(app, ["roadmap", str(demo / "study"), "-o", str(out)])
    assert result.exit_code == 2
    assert "cannot write PDF: cannot load library 'libpango-1.0-0'" in result.stderr
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []
    html = tmp_path / "roadmap.html"
    assert runner.invoke(app, ["roadmap", str(demo / "study"), "-o", str(html)]).exit_code == 0


@pytest.mark.usefixtures("no_pango")
def test_without_pango_the_demo_leaves_the_pdfs_out_and_says_so(tmp_path: Path) -> None:
    """The set-up command must work on a machine without Pango: everything but the PDFs."""
    out = tmp_path / "demo"
    result = runner.invoke(app, ["demo", str(out), "--template", "municipality"])
    assert result.exit_code == 0, result.output
    assert "warning: PDF files left out: cannot load library 'libpango-1.0-0'" in result.output
    assert "apt-get install libpango-1.0-0" in result.output
    assert not list(out.glob("*.pdf"))
    assert {"personas.html", "roadmap.html", "overlap-groups.html"} <= {
        p.name for p in out.iterdir()
    }


def test_the_brief_prints_its_chapters_where_the_contents_says(demo: Path) -> None:
    """The contents' page numbers lead to the chapters' first pages; the personas are on
    portrait pages and everything else landscape; nothing runs past the page's edge."""
    study = load_study(demo / "study")
    reader = _reader(demo / "brief.pdf")
    assert _title(reader) == "Brief for the steering group"
    texts = [page.extract_text() for page in reader.pages]
    contents = dict(
        (title, int(number))
        for title, number in re.findall(r"^(\S.*?)(?: \.)+ (\d+)$", texts[0], re.M)
    )
    assert list(contents) == DEMO_BRIEF_CONTENTS
    starts = list(contents.values())
    assert starts == sorted(starts) and starts[0] == 2
    headings = {
        "Roadmap": "Roadmap: Digital workplace needs study\n",
        "Personas": "Personas: Digital workplace needs study\n",
        "Interviews": "Interviews: Digital workplace needs study\n",
        "Search logs": "Search logs: Digital workplace needs study\n",
        "Top tasks since Intranet top-task survey, March 2024": "Top tasks compared: Intranet "
        "top-task survey, March 2026 against Intranet top-task survey, March 2024\n",
    }
    for title, page in contents.items():
        assert texts[page - 1].startswith(headings.get(title, title + "\n")), title
        assert title not in texts[page - 2].split("\n")[:2]  # it starts on that page
    portrait = [
        number
        for number, page in enumerate(reader.pages, start=1)
        if float(page.mediabox.width) < float(page.mediabox.height)
    ]
    first = contents["Personas"]
    assert portrait == list(range(first, first + len(study.personas)))
    pages = len(reader.pages)
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {pages}" in text
    assert_on_the_page(reader)


def test_the_needs_table_prints_every_group_column_equally_wide(tmp_path: Path) -> None:
    """Nine groups with names of different lengths and long Dutch words (Bureaumedewerkers):
    each group's column is as wide as the others (the words in the headings are hyphenated),
    so no group looks more important."""
    study = tmp_path / "gemeente"
    init_study(study, "gemeente")
    path = tmp_path / "needs.pdf"
    result = runner.invoke(app, ["table", str(study), "-o", str(path)])
    assert result.exit_code == 0, result.output
    starts: dict[str, float] = {}

    def heading(text: str, cm: Matrix, tm: Matrix, font: object, size: float) -> None:
        if re.match(r"[A-I] \u00b7", text):
            starts[text[0]] = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]

    _reader(path).pages[0].extract_text(visitor_text=heading)
    assert len(starts) >= 5, starts
    letters = sorted(starts)
    steps = [(starts[b] - starts[a]) / (ord(b) - ord(a)) for a, b in pairwise(letters)]
    assert max(steps) - min(steps) < 0.5, steps


def test_the_dutch_brief_s_cover_fits_its_page(tmp_path: Path) -> None:
    """Dutch words run longer, and the demo's cover has every line (the changes since the
    plan before its survey, too): the contents once ran onto a second page of its own."""
    from needmap.demo import build_demo

    build_demo(tmp_path / "demo", "gemeente")
    reader = _reader(tmp_path / "demo" / "brief.pdf")
    cover = reader.pages[0].extract_text()
    assert "Wijzigingen" in cover and "Zoektermen" in cover
    contents = cover[cover.index("\nInhoud\n") : cover.index("Notitie voor de stuurgroep 1 /")]
    numbers = re.findall(r"^\S.*?(?: \.)* (\d+)$", contents, re.M)  # a long title has no dots
    assert len(numbers) == 9 and numbers[0] == "2"  # every chapter listed on the cover
    assert reader.pages[1].extract_text().startswith("Gedeelde en specifieke behoeften\n")
    # the comparison's heading takes two lines, and its chart still fits below the notes
    texts = [page.extract_text() for page in reader.pages]
    compared = next(text for text in texts if text.startswith("Toptaken vergeleken"))
    assert "Toptaken toen en nu" in compared


def test_pdfs_laid_out_two_at_a_time_are_those_laid_out_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import needmap.reports.pdf as pdf

    texts = {}
    for cores in (2, 1):
        monkeypatch.setattr(pdf, "_cores", lambda cores=cores: cores)
        folder = tmp_path / str(cores)
        folder.mkdir()
        pages = []
        for name, paragraphs in (("small", 1), ("large", 40), ("middle", 8)):
            page = folder / f"{name}.html"
            body = "".join(f"<p>{name} paragraph {i}</p>" for i in range(paragraphs))
            page.write_text(f"<!DOCTYPE html><html><body>{body}</body></html>", encoding="utf-8")
            pages.append(page)
        seen: list[Path] = []
        told: list[list[Path]] = []

        def laying_out(
            pdfs: list[Path], seen: list[Path] = seen, told: list[list[Path]] = told
        ) -> None:
            assert not seen  # told before the first is laid out
            told.append(pdfs)

        done = pdf.write_pdfs(pages, progress=seen.append, laying_out=laying_out)
        assert seen == done and sorted(p.name for p in done) == [
            "large.pdf",
            "middle.pdf",
            "small.pdf",
        ]
        assert told == [[folder / "large.pdf", folder / "middle.pdf", folder / "small.pdf"]]
        texts[cores] = {p.name: _reader(p).pages[0].extract_text() for p in done}
    assert texts[2] == texts[1]
    assert "large paragraph 39" in "".join(
        page.extract_text() for page in _reader(tmp_path / "2" / "large.pdf").pages
    )


def _two_pages(folder: Path) -> list[Path]:
    """Two small report pages, a.html and b.html, of the same length."""
    pages = [folder / f"{name}.html" for name in ("a", "b")]
    for page in pages:
        page.write_text(f"<p>page {page.stem}</p>", encoding="utf-8")
    return pages


def test_the_processes_that_lay_out_pdfs_are_not_forked_from_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build shows its progress from a thread: a process forked while that thread holds
    the terminal's lock would hang on WeasyPrint's first warning (Python 3.12 warns of such
    forks). The processes are started by a server process, or anew."""
    from concurrent.futures import ProcessPoolExecutor as real

    import needmap.reports.pdf as pdf

    started: list[str] = []

    def recorded(workers: int, mp_context: Any) -> Any:
        started.append(mp_context.get_start_method())
        return real(workers, mp_context=mp_context)

    monkeypatch.setattr(pdf, "_cores", lambda: 2)
    monkeypatch.setattr(pdf, "ProcessPoolExecutor", recorded)
    pages = _two_pages(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)  # "use of fork() may lead to …"
        done = pdf.write_pdfs(pages)
    assert started == ["forkserver"]
    assert sorted(p.name for p in done) == ["a.pdf", "b.pdf"]
    assert "page b" in _reader(tmp_path / "b.pdf").pages[0].extract_text()


def test_where_no_process_can_be_started_the_pdfs_are_laid_out_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import needmap.reports.pdf as pdf

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(38, "Function not implemented")  # what a sandbox without semaphores says

    monkeypatch.setattr(pdf, "_cores", lambda: 2)
    monkeypatch.setattr(pdf, "ProcessPoolExecutor", refused)
    done = pdf.write_pdfs(_two_pages(tmp_path))
    assert done == [tmp_path / "a.pdf", tmp_path / "b.pdf"]  # the largest first: a tie keeps order
    assert "page b" in _reader(tmp_path / "b.pdf").pages[0].extract_text()


def _rows_per_page(rows: int, space: int = 0) -> list[int]:
    """A report page holding a table of ``rows`` rows, ``space`` mm below its title, laid
    out: the rows on each page."""
    from needmap.reports.jinja import environment

    page = environment().from_string(
        '{% extends "base.html.j2" %}{% block content %}<h1>Rows</h1>'
        '<div style="height: {{ space }}mm"></div><table><thead><tr><th>Row</th></tr></thead>'
        "<tbody>{% for i in range(rows) %}<tr><td>row {{ i }} of the table</td></tr>"
        "{% endfor %}</tbody></table>{% endblock %}"
    )
    pdf = html_to_pdf(page.render(language="en", title="Rows", rows=rows, space=space))
    return [p.extract_text().count("of the table") for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_table_leaves_no_row_alone_on_a_page() -> None:
    """One row more than a page holds: without care the last page would hold that row
    alone. And a table that starts at a page's foot, wherever that is: it would leave one
    or two rows there. The first and last three rows keep together."""
    full = _rows_per_page(200)[0]
    pages = _rows_per_page(full + 1)
    assert len(pages) == 2 and sum(pages) == full + 1
    assert pages[-1] >= 3
    # The title and a space of 140-173 mm: the table starts lower each time, past the foot.
    starts = [_rows_per_page(8, space)[0] for space in range(140, 176, 3)]
    assert not {1, 2} & set(starts)
    assert starts[0] >= 3 and starts[-1] == 0


def _legend_pages(rows: int, kind: str = "", space: int = 0) -> list[tuple[int, bool]]:
    """A table of ``rows`` rows as the reports write it, ``space`` mm below the title, with
    its legend below it, laid out: on each page, how many rows and whether the legend."""
    from needmap.reports.jinja import environment

    page = environment().from_string(
        '{% extends "base.html.j2" %}{% block content %}<h1>Rows</h1>'
        '<div style="height: {{ space }}mm"></div>'
        '<div class="table-wrap"><table class="needs ranking {{ kind }}"><thead><tr><th>Row'
        "</th></tr></thead><tbody>{% for i in range(rows) %}<tr><td>row {{ i }} of the table"
        '</td></tr>{% endfor %}</tbody></table></div><p class="legend">What the rows mean.</p>'
        '<p class="legend">A second note.</p>{% endblock %}'
    )
    html = page.render(language="en", title="Rows", rows=rows, kind=kind, space=space)
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(html_to_pdf(html))).pages]
    return [(t.count("of the table"), "What the rows mean" in t) for t in texts]


def test_a_legend_never_starts_a_page_alone() -> None:
    """A table that ends at a page's foot took its legend to the next page, which held that
    line only (the weights of the Dutch demo's brief). A legend now keeps the table's last
    rows with it."""
    full = _legend_pages(400)[0][0]
    for rows in range(full - 4, full + 1):
        pages = _legend_pages(rows)
        assert sum(n for n, _ in pages) == rows
        last_rows, has_legend = pages[-1]
        assert has_legend and last_rows > 0, (rows, pages)


def test_the_weights_table_is_kept_on_one_page() -> None:
    """The weights (a row per group) read as one table: where it would start low on a
    page, it moves to the next page whole, where a ranking is split."""
    assert _legend_pages(12, "weights", space=120) == [(0, False), (12, True)]
    ranking = _legend_pages(12, space=120)
    assert len(ranking) == 2 and ranking[0][0] > 3, ranking


def test_the_quotes_heading_stands_above_both_columns_of_quotes(demo: Path, tmp_path: Path) -> None:
    """Printed, the quotes run in two columns; their heading stood atop the first, level
    with the first need of the second column."""
    out = tmp_path / "interviews.pdf"
    result = runner.invoke(app, ["interviews", str(demo / "study"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    runs: list[tuple[str, float, float]] = []
    page = next(p for p in _reader(out).pages if "Quotes" in p.extract_text())

    def seen(text: str, ctm: Any, tm: Any, *_: Any) -> None:
        if text.strip():
            runs.append((text.strip(), ctm[4] + tm[4] * ctm[0], ctm[5] + tm[5] * ctm[3]))

    page.extract_text(visitor_text=seen)
    heading = next(y for text, _, y in runs if text == "Quotes")
    below = [(x, y) for text, x, y in runs if y < heading]
    right = float(page.mediabox.width) / 2
    assert any(x > right for x, _ in below)  # the second column, below the heading
    assert not [text for text, x, y in runs if x > right and abs(y - heading) < 4]
    # in the brief the heading keeps its first quotes on its page: set above the columns
    # as a spanning element, it stood alone at a page's foot, the quotes on the next page
    brief = _reader(demo / "brief.pdf")
    [lines] = [t for t in (p.extract_text().splitlines() for p in brief.pages) if "Quotes" in t]
    assert any(" · supports" in line for line in lines[lines.index("Quotes") :])


_ADDRESS = (
    "https://intranet.example.org/sites/hr/Shared%20Documents/Forms/AllItems.aspx?"
    "RootFolder=%2Fsites%2Fhr%2FShared%20Documents%2FPolicies%2F2026&FolderCTID=0x0120"
    + "ABCDEF0123456789"
    * 8
)
_UNBROKEN = _ADDRESS.split("?")[1]
"""The part of the web address with no place a line may break, longer than a line of any
column: it ran over the cells beside it, or off the page."""


@pytest.mark.parametrize("command", ["table", "personas", "roadmap"])
def test_a_long_web_address_breaks_within_its_column(
    make_study: StudyMaker, tmp_path: Path, command: str
) -> None:
    """A need titled with a web address, and a persona's frustration with one: the part
    of the address without a place to break ran over the cells to its right (the needs
    table's, the roadmap's) and, in the persona's list, off the page. It breaks anywhere
    in a table's first text column and where it meets the edge of its block elsewhere."""
    needs = (
        "needs:\n"
        f"  - {{id: news, title: 'News at {_ADDRESS}', kind: content, groups: {{desk: must}}}}\n"
        "  - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must}}\n"
    )
    personas = (
        "personas:\n  - {id: henk, name: Henk, group: field, role: Park keeper, needs: [mobile],\n"
        f"     frustrations: ['Policies hide at {_ADDRESS}']}}\n"
    )
    root = make_study({"needs.yaml": needs, "personas.yaml": personas})
    out = tmp_path / f"{command}.pdf"
    result = runner.invoke(app, [command, str(root), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reader = _reader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("RootFolder=") == (2 if command == "roadmap" else 1)  # board, table
    assert not any(_UNBROKEN in line for line in text.splitlines())
    assert_on_the_page(reader)
