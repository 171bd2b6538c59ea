"""``needmap build``: every report of the consultant's own study, with an index page."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from needmap import load_study
from needmap.build import build_reports
from needmap.cli import app
from needmap.cli.brief import _ShownProgress
from needmap.errors import UsageError
from tests.conftest import (
    SHOWN_INTERVIEW,
    StudyMaker,
    ctrl_c_as_in_a_terminal,
    private_survey_study,
    run_needmap,
    wait_for,
)

runner = CliRunner()

OVERLAP = [  # the minimal study has one family of both groups: nothing to compare by family
    f"{stem}-groups{suffix}"
    for stem, suffixes in (
        ("overlap", (".html", ".pdf")),
        ("diagram", (".svg", ".png")),
        ("needs", (".md", ".html", ".csv", ".xlsx")),
    )
    for suffix in suffixes
]


def test_build_writes_every_report_into_reports_in_the_study(make_study: StudyMaker) -> None:
    root = make_study({"interviews/r1.yaml": SHOWN_INTERVIEW})
    built = runner.invoke(app, ["build", str(root)])
    assert built.exit_code == 0, built.stderr
    reports = root / "reports"
    assert f"Open {reports / 'index.html'} in a browser (25 files)." in " ".join(
        built.stdout.split()
    )
    assert sorted(p.name for p in reports.iterdir()) == sorted(
        [
            *OVERLAP,
            "index.html",
            *("personas.html", "personas.pdf", "personas.md", "personas.xlsx"),
            *("roadmap.html", "roadmap.pdf", "roadmap.md", "roadmap.xlsx"),
            *("guides.html", "guides.pdf", "guides.md"),  # both groups in one document
            *("interviews.html", "interviews.md"),  # no search logs: no search report
            *("brief.html", "brief.pdf", "brief.md"),
            ".needmap-build.json",  # what the build wrote: the next may write over it
        ]
    )
    index = (reports / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="([^"]+)"', index))
    assert linked == {p.name for p in reports.iterdir()} - {"index.html", ".needmap-build.json"}
    glance = index[index.index("<h2>At a glance</h2>") : index.index("</dl>")]  # the brief's
    assert "<dt>Platform form</dt>" in glance and "<dt>Roadmap</dt>" in glance
    assert "<dd>1 interview with 5 people.</dd>" in glance
    guides = (reports / "guides.md").read_text(encoding="utf-8")
    assert "# Interview guide: Front desk" in guides and "# Interview guide: Field staff" in guides
    # the reports inside the study are not read as part of it
    assert len(load_study(root).groups) == 2
    assert runner.invoke(app, ["validate", str(root)]).exit_code == 0
    # --no-pdf leaves the PDFs as they were, and says so
    pages_only = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert pages_only.exit_code == 0, pages_only.stderr
    assert (
        f"brief.pdf and 4 other PDFs in {reports} are an earlier build's (--no-pdf leaves "
        f"them as they were); to bring them up to date: needmap build {root}"
    ) in " ".join(pages_only.stdout.split())
    for name in ("guides", "overlap-groups", "personas", "roadmap"):
        (reports / f"{name}.pdf").unlink()
    one_left = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert (
        f"brief.pdf in {reports} is an earlier build's (--no-pdf leaves it as it was); to "
        f"bring it up to date: needmap build {root}"
    ) in " ".join(one_left.stdout.split())
    (reports / "brief.pdf").unlink()
    none_left = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert "earlier build's" not in none_left.stdout


def test_a_study_without_personas_or_interviews_gets_no_empty_reports(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"personas.yaml": None})
    out = tmp_path / "site"
    built = runner.invoke(app, ["build", str(root), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 0, built.stderr
    names = {p.name for p in out.iterdir()}
    assert "roadmap.html" in names and "brief.html" in names
    into_the_study = runner.invoke(app, ["build", str(root), "--out", str(root), "--no-pdf"])
    assert into_the_study.exit_code == 2
    assert "the reports need a folder of their own" in into_the_study.stderr
    assert sorted(p.name for p in root.iterdir()) == ["groups.yaml", "needs.yaml", "study.yaml"]
    assert not any(n.startswith(("personas", "interviews", "searches")) for n in names)
    assert not any(n.endswith(".pdf") for n in names)  # --no-pdf


@pytest.mark.parametrize("inside", ["interviews", "needs", "surveys/2026"])
def test_a_build_into_a_folder_of_the_study_s_files_is_refused(
    make_study: StudyMaker, inside: str
) -> None:
    """Reports among the user's files would be taken for theirs, and a later build removes
    the reports it no longer makes; the library refuses as the command does."""
    root = make_study()
    out = root / inside
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    built = runner.invoke(app, ["build", str(root), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 2
    folder = inside.split("/")[0]
    assert built.stderr.splitlines() == [
        f"{out}: the reports need a folder of their own, not the study's {folder}/",
        "    hint: leave --out out for reports/ in the study, or name another folder",
    ]
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    with pytest.raises(UsageError):
        build_reports(load_study(root), out, pdf=False)
    elsewhere = runner.invoke(app, ["build", str(root), "--out", str(root / "out"), "--no-pdf"])
    assert elsewhere.exit_code == 0, elsewhere.stderr


def test_build_reports_the_evidence_files_problems_with_the_definitions(
    make_study: StudyMaker,
) -> None:
    """As validate does: not the interview's unknown need after the need's kind is fixed."""
    root = make_study(
        {
            "needs.yaml": "needs:\n  - {id: search, title: Search, kind: fuction}\n",
            "personas.yaml": None,
            "interviews/a.yaml": "interviews:\n"
            "  - {id: a, group: desk, quotes: [{text: Hi, needs: [search, serch]}]}\n",
        }
    )
    built = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert built.exit_code == 2
    lines = built.stderr.splitlines()
    assert [line.split(": ", 1)[1] for line in lines if line.startswith(str(root))] == [
        "interviews[0].quotes[0].needs[1]: unknown need 'serch'",
        "needs[0].kind: 'fuction' is not allowed here",
    ]
    assert not (root / "reports").exists()


def test_build_in_a_subprocess_with_a_survey_and_since_an_earlier_plan(tmp_path: Path) -> None:
    root = private_survey_study(tmp_path)
    plan = tmp_path / "plan.json"
    assert runner.invoke(app, ["roadmap", str(root), "--json", "--out", str(plan)]).exit_code == 0
    needs = root / "needs.yaml"
    needs.write_text(needs.read_text(encoding="utf-8") + _NEW_NEED, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    done = run_needmap("build", str(root), "--out", str(out), "--since", str(plan))
    assert done.returncode == 0, done.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"  # left alone
    assert (out / "toptasks-toptasks.html").is_file()
    # every file is listed as it is written, the survey's five too
    listed = {
        Path(line.split("wrote ", 1)[1]).name
        for line in done.stdout.splitlines()
        if "wrote " in line
    }
    toptasks = {p.name for p in out.iterdir() if p.name.startswith("toptasks-")}
    assert len(toptasks) == 5 and toptasks <= listed
    roadmap = (out / "roadmap.md").read_text(encoding="utf-8")
    assert "Changes since plan.json" in roadmap and "Intranet app" in roadmap
    assert not any(p.name.endswith(".tmp") for p in out.iterdir())


_NEW_NEED = """\
  - id: app
    title: Intranet app
    kind: technology
    groups: {desk: must, field: must, office: must}
"""


def test_watch_builds_again_after_each_change_until_ctrl_c(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        watching = subprocess.Popen(
            [sys.executable, "-m", "needmap", "build", str(root), "--watch", "--no-pdf"],
            stdout=stdout,
            stderr=stderr,
            preexec_fn=ctrl_c_as_in_a_terminal,
        )
        try:
            roadmap = root / "reports" / "roadmap.md"
            wait_for(lambda: roadmap.is_file() and "Search" in roadmap.read_text())
            needs = root / "needs.yaml"
            needs.write_text(needs.read_text().replace("title: Search", "title: Find anything"))
            wait_for(lambda: "Find anything" in roadmap.read_text())
            (root / "personas.yaml").unlink()  # the persona report is removed, and named
            wait_for(lambda: not (root / "reports" / "personas.html").exists())
            needs.write_text(needs.read_text() + "  - id: broken\n")  # a need without a title
            wait_for(lambda: "Waiting for the next change" in err.read_text())
            assert watching.poll() is None  # a broken study does not end the watch
        finally:
            watching.send_signal(signal.SIGINT)
            code = watching.wait(timeout=30)
    assert code == 0
    printed = err.read_text()
    assert "needs.yaml:" in printed and "required key 'title' is missing" in printed
    assert printed.rstrip().endswith("Stopped watching.")
    assert len(re.findall(r"^\d\d:\d\d:\d\d building…$", printed, re.MULTILINE)) == 4
    assert out.read_text().count("Open ") == 3  # three builds; the broken study wrote nothing
    assert f"  removed {root / 'reports' / 'personas.html'}, an earlier build's" in out.read_text()


def test_the_fingerprint_sees_study_files_and_not_the_reports(make_study: StudyMaker) -> None:
    from needmap.personas.fingerprint import study_fingerprint

    root = make_study()
    before = study_fingerprint(root, root / "reports")
    (root / "reports").mkdir()
    (root / "reports" / "roadmap.md").write_text("x")
    (root / ".git").mkdir()
    (root / ".git" / "index.json").write_text("{}")
    # an editor's backup and swap files, a hidden file, a note: not what the reports read
    for name in ("needs.yaml~", ".needs.yaml.swp", ".groups.yaml", "notes.md"):
        (root / name).write_text("x")
    assert study_fingerprint(root, root / "reports") == before
    (root / "site").mkdir()
    (root / "site" / "needs.csv").write_text("x")
    assert study_fingerprint(root, root / "reports", root / "site") == before  # several
    assert study_fingerprint(root, root / "reports") != before
    (root / "site" / "needs.csv").unlink()
    (root / "interviews").mkdir()
    (root / "interviews" / "r1.yaml").write_text("interviews: []\n")
    assert study_fingerprint(root, root / "reports") != before
    # a linked folder of needs is read as the study's, so its changes are seen; a link
    # back up to the study adds nothing
    shared = root.parent / "shared"
    shared.mkdir()
    (root / "needs").mkdir()
    (root / "needs" / "shared").symlink_to(shared)
    (root / "needs" / "study").symlink_to(root)
    linked = study_fingerprint(root, root / "reports")
    (shared / "extra.yaml").write_text("needs: []\n")
    assert {p for p, _, _ in study_fingerprint(root, root / "reports")} - {
        p for p, _, _ in linked
    } == {str(root / "needs" / "shared" / "extra.yaml")}


def test_the_fingerprint_passes_over_a_file_it_cannot_read(
    make_study: StudyMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link that leads nowhere (or a file removed as the folder is listed) is passed over,
    and the files after it in the same folder are still seen."""
    from needmap.personas import fingerprint

    root = make_study()
    before = {path for path, _, _ in fingerprint.study_fingerprint(root)}
    (root / "gone.yaml").symlink_to(root / "nowhere.yaml")
    real_walk = os.walk

    def gone_first(top: Path, followlinks: bool) -> Iterator[tuple[str, list[str], list[str]]]:
        for folder, subfolders, files in real_walk(top, followlinks=followlinks):
            yield folder, subfolders, sorted(files, key=lambda name: name != "gone.yaml")

    monkeypatch.setattr(os, "walk", gone_first)
    assert {path for path, _, _ in fingerprint.study_fingerprint(root)} == before


def test_build_names_the_surveys_not_imported_yet(tmp_path: Path) -> None:
    from needmap.scaffold import init_study

    root = tmp_path / "s"
    init_study(root, "company")
    built = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert built.exit_code == 0, built.stderr
    assert (
        "Not in the reports yet: survey 'Intranet top-task survey, March 2026' (its questions, "
        "to build it with: questions-toptasks-2026.html), until its export is imported: "
        f"needmap survey import {root} EXPORT"
    ) in " ".join(built.stdout.split())
    assert not any(p.name.startswith("toptasks") for p in (root / "reports").iterdir())
    questions = sorted(p.name for p in (root / "reports").glob("questions-*"))
    assert questions == ["questions-toptasks-2026.html", "questions-toptasks-2026.md"]
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "The questions, to build the survey: Intranet top-task survey, March 2026" in index
    assert "its results come here once its export is imported" in index
    assert "warning" not in built.stdout  # a template has none
    interviews = root / "interviews" / "round-1.yaml"
    text = interviews.read_text(encoding="utf-8")
    quote = "      - text: "
    interviews.write_text(text.replace(quote, quote + "Mail a@b.nl, ", 2), encoding="utf-8")
    again = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert again.exit_code == 0, again.stderr
    assert again.stdout.splitlines()[-1] == (
        f"The study's files have 2 warnings: needmap validate {root} shows them."
    )


def test_build_tells_how_to_be_rid_of_a_survey_not_held_beside_one_imported(
    tmp_path: Path,
) -> None:
    from needmap.demo import write_example_export
    from needmap.scaffold import init_study
    from needmap.surveys import load_mapping

    root = tmp_path / "s"
    init_study(root, "company")
    mapping = root / "surveys" / "toptasks.yaml"
    pulse = mapping.read_text(encoding="utf-8").replace("id: toptasks-2026", "id: pulse", 1)
    (root / "surveys" / "pulse.yaml").write_text(pulse, encoding="utf-8")
    study = load_study(root)
    export = tmp_path / "export.csv"
    write_example_export(study, load_mapping(mapping, study), export)
    imported = runner.invoke(app, ["survey", "import", str(root), str(export), "-s", "toptasks"])
    assert imported.exit_code == 0, imported.stderr
    built = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert built.exit_code == 0, built.stderr
    assert (
        f"until its export is imported: needmap survey import {root} --survey pulse EXPORT "
        "(not held? remove surveys/pulse.yaml)"
    ) in " ".join(built.stdout.split())
    # the survey held has its results; the other its questions, beside them on the index
    reports = root / "reports"
    assert sorted(p.name for p in reports.glob("questions-*")) == [
        "questions-pulse.html",
        "questions-pulse.md",
    ]
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "What the respondents chose most" in index
    assert "The questions, to build the survey: " in index
    (root / "surveys" / "pulse.yaml").unlink()
    again = runner.invoke(app, ["build", str(root), "--no-pdf"])
    assert again.exit_code == 0, again.stderr
    assert not list(reports.glob("questions-*"))  # gone with the survey's mapping


class _Status:
    """What a rich Status is told, line by line."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def update(self, text: str) -> None:
        self.said.append(text)


def test_the_spinner_says_how_many_pdfs_are_laid_out(tmp_path: Path) -> None:
    """The seconds of PDF layout, with nothing written, are shown as progress; each file
    is still listed as it is written."""
    printed = tmp_path / "printed.txt"
    status = _Status()
    with printed.open("w") as handle:
        shown = _ShownProgress(Console(file=handle, width=200), status)  # type: ignore[arg-type]
        shown.wrote(tmp_path / "roadmap.html")
        shown.laying_out([tmp_path / "brief.pdf", tmp_path / "roadmap.pdf"])
        shown.wrote(tmp_path / "roadmap.pdf")
        shown.wrote(tmp_path / "brief.pdf")
        shown.wrote(tmp_path / "index.html")
    assert status.said == [
        "Laying out the PDFs: 0 of 2 done…",
        "Laying out the PDFs: 1 of 2 done…",
        "Writing the reports…",
    ]
    assert printed.read_text().splitlines() == [
        f"  wrote {tmp_path / name}"
        for name in ("roadmap.html", "roadmap.pdf", "brief.pdf", "index.html")
    ]


def test_build_reports_prints_the_pages_meant_for_paper_and_says_where_the_pdfs_go(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By default the overviews, the guide, the roadmap and the brief are laid out as PDFs
    (the layout itself stood in for here); the interview and search-log reports, made
    to be read on screen, are not. ``laying_out`` hears where the PDFs will be, not the
    hidden folder they are made in; the index is written last. A build told of no
    ``removed`` still removes what it no longer makes."""
    import needmap.build
    from needmap.build import build_reports
    from tests.search_logs import files_with_logs

    laid_out: list[str] = []

    def lay_out(
        pages: list[Path],
        progress: Callable[[Path], None],
        laying_out: Callable[[list[Path]], None],
    ) -> list[Path]:
        pdfs = [page.with_suffix(".pdf") for page in pages]
        laying_out(pdfs)
        for page, pdf in zip(pages, pdfs, strict=True):
            laid_out.append(page.name)
            pdf.write_bytes(b"%PDF-")
            progress(pdf)
        return pdfs

    monkeypatch.setattr(needmap.build, "write_pdfs", lay_out)
    interview = "interviews:\n  - {id: a, group: desk, quotes: [{text: Hi, needs: [leave]}]}\n"
    root = make_study({**files_with_logs(), "interviews/r1.yaml": interview})
    out = tmp_path / "site"
    told: list[list[Path]] = []
    written = build_reports(load_study(root), out, guide_groups=["desk"], laying_out=told.append)
    assert laid_out == ["overlap-groups.html", "roadmap.html", "guide-desk.html", "brief.html"]
    assert told == [[out / name.replace(".html", ".pdf") for name in laid_out]]
    names = [path.name for path in written]
    assert names[-1] == "index.html"
    assert {"guide-desk.md", "interviews.html", "interviews.md", "searches.html"} <= set(names)
    assert {"interviews.pdf", "searches.pdf", "guides.html"}.isdisjoint(names)
    assert all(path.parent == out and path.exists() for path in written)
    shutil.rmtree(root / "analytics")  # the search logs taken out: their report goes too
    build_reports(load_study(root), out, pdf=False)
    assert not (out / "searches.html").exists() and not (out / "searches.md").exists()
