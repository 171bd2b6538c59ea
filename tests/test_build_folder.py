"""A build writes over its own earlier files only: never over a file of the user's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import __version__, load_study
from needmap.build import build_reports
from needmap.build_folder import (
    RECORD,
    BuildFolder,
    EarlierBuild,
    check_the_way,
    earlier_build,
    earlier_pdfs,
    outdated,
    write_record,
)
from needmap.cli import app
from needmap.demo import write_example_export
from needmap.errors import OutputError, TargetExistsError
from needmap.surveys import import_survey, load_mapping, tally_path, write_tally
from needmap.surveys.mapping import mapping_files
from tests.conftest import StudyMaker, write_tree

runner = CliRunner()

USERS_OWN = {
    "index.html": "<p>our project site</p>",
    "roadmap.md": "# our own roadmap",
    "notes.md": "x",
}
"""A project folder of the user's, two of whose files have the names of reports."""


def _listing(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder``, hidden ones too, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _recorded(folder: Path) -> list[str]:
    files: list[str] = json.loads((folder / RECORD).read_text(encoding="utf-8"))["files"]
    return files


def test_a_build_into_a_folder_with_files_of_the_user_s_names_each_and_changes_nothing(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    out = write_tree(tmp_path / "project", USERS_OWN)
    before = _listing(out)
    built = runner.invoke(app, ["build", str(root), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 2, built.output
    problems = [line for line in built.stderr.splitlines() if line.startswith(str(out))]
    assert problems == [
        f"{out / name}: needmap would write '{name}' here, over a file it did not write"
        for name in ("index.html", "roadmap.md")
    ]
    assert f"nothing in {out} was changed" in " ".join(built.stderr.split())
    assert _listing(out) == before  # no report, no record, no hidden folder left behind
    assert [p.name for p in out.iterdir() if p.is_dir()] == []


def test_the_files_in_the_way_are_named_before_the_pdfs_are_laid_out(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laying out the PDFs takes most of a build's time: a user's brief.pdf or index.html
    is found before it, and no PDF is laid out."""

    def laid_out(*args: object, **kwargs: object) -> None:
        raise AssertionError("the PDFs were laid out")

    monkeypatch.setattr("needmap.build.write_pdfs", laid_out)
    out = write_tree(tmp_path / "project", {"brief.pdf": b"%PDF-1.7", "index.html": "mine"})
    with pytest.raises(TargetExistsError) as refused:
        build_reports(load_study(make_study()), out, pdf=True)
    assert [p.location.path for p in refused.value.problems] == [
        out / "brief.pdf",
        out / "index.html",
    ]
    assert refused.value.problems[0].hint == (
        "move or rename the file, or build into another folder with --out; nothing in "
        f"{out} was changed: needmap writes over the files of its own earlier builds only"
    )
    assert _listing(out) == {"brief.pdf": b"%PDF-1.7", "index.html": b"mine"}


def test_a_build_writes_over_its_own_earlier_files_and_leaves_the_user_s(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study({"personas.yaml": None})
    out = write_tree(tmp_path / "site", {"notes.md": "ours"})
    first = build_reports(load_study(root), out, pdf=False)
    assert sorted(_recorded(out)) == sorted(p.name for p in first)
    assert "index.html" in _recorded(out) and "notes.md" not in _recorded(out)
    (out / "roadmap.md").write_text("edited by hand", encoding="utf-8")
    build_reports(load_study(root), out, pdf=False)  # a refresh: no problem
    assert (out / "roadmap.md").read_text(encoding="utf-8").startswith("# ")
    assert (out / "notes.md").read_text(encoding="utf-8") == "ours"
    # a file of the user's where a later report goes: the personas, once the study has them
    (out / "personas.md").write_text("our own persona notes", encoding="utf-8")
    assert make_study() == root  # the minimal study again, with its persona
    with pytest.raises(TargetExistsError) as refused:
        build_reports(load_study(root), out, pdf=False)
    assert [p.location.path for p in refused.value.problems] == [out / "personas.md"]
    assert (out / "personas.md").read_text(encoding="utf-8") == "our own persona notes"


def test_a_folder_built_before_builds_were_recorded_is_known_by_its_index_page(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta name="generator" content="needmap 0.1.0">'
    )
    files: dict[str, str | bytes] = {
        "index.html": page,
        "roadmap.md": "old",
        "roadmap.pdf": b"%PDF-1.7",
        ".DS_Store": b"\0",
    }
    out = write_tree(tmp_path / "reports", files)
    assert earlier_build(out).wrote("roadmap.md")
    build_reports(load_study(make_study()), out, pdf=False)
    assert (out / "roadmap.md").read_text(encoding="utf-8") != "old"
    assert "roadmap.md" in _recorded(out)
    assert ".DS_Store" not in _recorded(out)  # the system's, not a report
    # the old build's PDF, not made by this one, is not in the way of the next build
    assert (out / "roadmap.pdf").exists() and "roadmap.pdf" in _recorded(out)
    check_the_way(out, ["roadmap.pdf"])
    other = write_tree(tmp_path / "other", {"index.html": "<title>needmap</title>"})
    assert not earlier_build(other).wrote("index.html")  # needmap named, not as generator


def test_a_record_an_earlier_version_wrote_is_read_and_a_damaged_one_grants_nothing(
    tmp_path: Path,
) -> None:
    """The record's name and shape are a format: folders built by earlier versions hold
    it (without "reports", before it told them apart). A record damaged by hand never
    lets a build write over a file; the folder is then known by its index page only."""
    built = {".needmap-build.json": '{"files": ["index.html"]}', "index.html": "<p>report</p>"}
    assert earlier_build(write_tree(tmp_path / "built", built)).wrote("index.html")
    for number, damaged in enumerate(
        [
            '{"files": ["index.html"], "reports": "index.html"}',
            '{"files": "index.html", "reports": []}',
            '{"reports": ["index.html"]}',
            '["index.html"]',
            '{"files": ["index.html"',
        ]
    ):
        out = write_tree(tmp_path / str(number), {RECORD: damaged, **USERS_OWN})
        with pytest.raises(TargetExistsError):
            check_the_way(out, ["index.html"])


def test_the_record_keeps_earlier_files_still_there_and_what_the_caller_listed(
    tmp_path: Path,
) -> None:
    out = tmp_path / "shared" / "out"  # made, with the folder it is in
    with BuildFolder(out) as folder:
        write_tree(folder.stage, {"a.html": "1", "b.html": "1", "charts/c.png": b"png"})
        folder.commit()
    assert _recorded(out) == ["a.html", "b.html", "charts/c.png"]
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))
    assert record["written_by"] == f"needmap {__version__}"  # for a reader who wonders
    write_tree(out, {"export.csv": "id"})  # written by the caller itself, as demo does
    (out / "b.html").unlink()
    with BuildFolder(out) as folder:
        write_tree(folder.stage, {"a.html": "2", "charts/c.png": b"png"})
        folder.commit(listed=[out / "export.csv", tmp_path / "elsewhere.csv"])
    assert _recorded(out) == ["a.html", "charts/c.png", "export.csv"]
    assert _listing(out)["a.html"] == b"2"
    with BuildFolder(out) as folder:  # the caller's file, written before, is still there
        write_tree(folder.stage, {"a.html": "3", "charts/c.png": b"png"})
        folder.commit()
    assert _recorded(out) == ["a.html", "charts/c.png", "export.csv"]


def test_a_build_works_in_a_hidden_folder_and_one_that_cannot_start_says_why(
    tmp_path: Path,
) -> None:
    """Half a build is not shown among the reports (a file browser, ``needmap watch`` and
    the next build pass over hidden folders); a folder that cannot be made is named."""
    out = write_tree(tmp_path / "out", {"keep.txt": "mine"})
    with BuildFolder(out) as folder:
        assert folder.stage.parent == out and folder.stage.name.startswith(".needmap-build-")
    blocked = tmp_path / "out" / "keep.txt" / "site"
    with pytest.raises(OutputError) as refused, BuildFolder(blocked):
        pass
    [problem] = refused.value.problems
    assert (problem.location.path, problem.message) == (
        blocked,
        "cannot write here: Not a directory",
    )
    assert _listing(out) == {"keep.txt": b"mine"}


def test_a_build_that_fails_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    out = write_tree(tmp_path / "out", {"keep.txt": "mine"})
    with pytest.raises(RuntimeError), BuildFolder(out) as folder:
        write_tree(folder.stage, {"index.html": "half a build"})
        raise RuntimeError("the layout failed")
    assert _listing(out) == {"keep.txt": b"mine"}


def test_the_demo_does_not_write_its_example_export_over_a_file_of_the_user_s(
    tmp_path: Path,
) -> None:
    out = write_tree(tmp_path / "demo", {"example-export-toptaken-2026.csv": "our survey"})
    refused = runner.invoke(app, ["demo", str(out)])
    assert refused.exit_code == 2, refused.output
    assert f"{out / 'example-export-toptaken-2026.csv'}: needmap would write" in refused.stderr
    assert (out / "example-export-toptaken-2026.csv").read_text() == "our survey"


def test_the_demo_does_not_import_its_example_survey_into_a_study_it_did_not_create(
    tmp_path: Path,
) -> None:
    """``demo DIR`` reuses DIR/study: if that is the user's own study, the example survey's
    tally would replace (or stand in for) the real one."""
    out = tmp_path / "work"
    assert runner.invoke(app, ["init", str(out / "study"), "-t", "gemeente"]).exit_code == 0
    before = _listing(out)
    refused = runner.invoke(app, ["demo", str(out)])
    assert refused.exit_code == 2, refused.output
    assert refused.stderr.splitlines() == [
        f"{out / 'study' / 'study.yaml'}: this study was not created by needmap demo, which "
        "would import a generated example survey into it",
        "    hint: run the demo in a folder of its own (needmap demo demo-out); needmap build "
        "writes the reports of a study of yours",
    ]
    assert _listing(out) == before


def test_a_demo_stopped_half_way_runs_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The study the demo created is claimed in the record at once: stopped before its
    reports were built (Ctrl-C during the PDFs), it is the demo's study the next time."""
    from needmap import demo

    def stopped(*args: object, **kwargs: object) -> list[Path]:
        raise KeyboardInterrupt

    out = tmp_path / "demo"
    with monkeypatch.context() as patched:
        patched.setattr(demo, "build_reports", stopped)
        with pytest.raises(KeyboardInterrupt):
            demo.build_demo(out)
    assert (out / "study" / "study.yaml").exists() and not (out / "index.html").exists()
    again = demo.build_demo(out)
    assert not again.created and (out / "index.html").exists()


def test_a_report_that_cannot_be_written_is_named_with_how_far_the_build_got(
    tmp_path: Path,
) -> None:
    """On Windows a PDF reader locks the PDF it shows, and the rename onto it fails; here a
    folder in the report's place does the same. What was moved in before stays recorded."""
    out = write_tree(tmp_path / "out", {"b.html/inside.txt": "a folder in the way"})
    write_record(out, EarlierBuild(frozenset(), everything=False), ["b.html"])
    with pytest.raises(OutputError) as failed, BuildFolder(out) as folder:
        write_tree(folder.stage, {"a.html": "1", "b.html": "1", "c.html": "1"})
        folder.commit()
    (problem,) = failed.value.problems
    assert problem.location.path == out / "b.html"
    assert (problem.message, problem.hint) == (
        "cannot write the report: Is a directory; 1 of the 3 files were written",
        "close the file where it is open (on Windows, a PDF reader locks the PDF it shows) "
        "and build again",
    )
    assert _recorded(out) == ["a.html"]
    assert not (out / "c.html").exists()


@pytest.mark.parametrize(
    ("template", "pdf"), [(None, True), (None, False), ("gemeente", True), ("care", False)]
)
def test_a_build_looks_for_the_very_files_it_writes_before_it_makes_any(
    make_study: StudyMaker,
    tmp_path: Path,
    template: str | None,
    pdf: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file the build writes without looking for it first would be found only at the
    move, after the build; one it looks for and does not write would refuse a user's file
    for nothing. The templates have families, surveys, interviews and search logs."""
    import needmap.build

    if pdf:  # the PDFs' names, without their layout
        monkeypatch.setattr(
            "needmap.build.write_pdfs",
            lambda pages, progress, laying_out: [
                progress(page.with_suffix(".pdf")) for page in pages
            ],
        )
    looked_for: list[list[str]] = []

    def check(out: Path, names: list[str]) -> EarlierBuild:
        looked_for.append(list(names))
        return check_the_way(out, names)

    monkeypatch.setattr(needmap.build, "check_the_way", check)
    if template is None:
        root = make_study({"personas.yaml": None})
    else:  # with its example survey imported
        root = tmp_path / "study"
        assert runner.invoke(app, ["init", str(root), "-t", template]).exit_code == 0
        (mapping_file,) = mapping_files(root)
        mapping = load_mapping(mapping_file, load_study(root))
        write_example_export(load_study(root), mapping, tmp_path / "export.csv")
        tally = import_survey(mapping, tmp_path / "export.csv").tally
        write_tally(tally, tally_path(root, mapping.id))
    out = tmp_path / "out"
    written = build_reports(load_study(root), out, pdf=pdf)
    assert looked_for == [[path.relative_to(out).as_posix() for path in written]]
    assert ("brief.pdf" in looked_for[0]) is pdf
    if template is not None:
        assert {"diagram-families.png", "interviews.md", "searches.html"} <= set(looked_for[0])
        assert f"toptasks-{mapping.id}-neck.png" in looked_for[0]


@pytest.mark.parametrize("mine", ["index.html", "personas.md"])
def test_a_user_s_file_stops_the_build_before_a_file_is_listed(
    make_study: StudyMaker, tmp_path: Path, mine: str
) -> None:
    out = write_tree(tmp_path / "project", {mine: "ours"})
    built = runner.invoke(app, ["build", str(make_study()), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 2
    assert built.stderr.startswith(f"{out / mine}: needmap would write '{mine}' here")
    assert "wrote" not in built.stdout
    assert _listing(out) == {mine: b"ours"}


def test_listed_files_are_linked_whether_named_relative_or_absolute(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script may name the files it wrote into the folder itself with absolute paths and
    the folder with a relative one: the index links them all the same, and a file outside
    the folder not at all."""
    monkeypatch.chdir(tmp_path)
    out = write_tree(tmp_path / "site", {"export.csv": "id", "notes.txt": "n"})
    listed = [out / "export.csv", Path("site") / "notes.txt", tmp_path / "elsewhere.csv"]
    build_reports(load_study(make_study()), Path("site"), pdf=False, listed=listed)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="export.csv"' in index and 'href="notes.txt"' in index
    assert "elsewhere" not in index
    assert {"export.csv", "notes.txt"} <= set(_recorded(out))
    assert not any("elsewhere" in name for name in _recorded(out))


def _reports(folder: Path) -> list[str]:
    reports: list[str] = json.loads((folder / RECORD).read_text(encoding="utf-8"))["reports"]
    return reports


def test_the_reports_an_earlier_build_made_and_this_one_does_not_are_removed(
    tmp_path: Path,
) -> None:
    """A survey renamed, a group's guide now among the others: the folder a consultant
    shares holds the current reports only. The PDF of a page made again stays (--no-pdf
    leaves the PDFs), and so do the caller's files and the user's."""
    out = write_tree(tmp_path / "out", {"notes.md": "ours"})
    with BuildFolder(out) as folder:
        write_tree(folder.stage, dict.fromkeys(["a.html", "a.pdf", "b.html", "b.pdf"], "1"))
        write_tree(folder.stage, {"charts/b.png": b"png", "charts/c.png": b"png"})
        write_tree(out, {"export.csv": "id"})
        assert folder.commit(listed=[out / "export.csv"]) == []
    with BuildFolder(out) as folder:
        write_tree(folder.stage, {"a.html": "2", "charts/c.png": b"png"})
        removed = folder.commit()
    assert removed == [out / "b.html", out / "b.pdf", out / "charts" / "b.png"]
    assert sorted(_listing(out)) == [
        RECORD,
        "a.html",
        "a.pdf",
        "charts/c.png",
        "export.csv",
        "notes.md",
    ]
    assert _reports(out) == ["a.html", "a.pdf", "charts/c.png"]
    assert _recorded(out) == ["a.html", "a.pdf", "charts/c.png", "export.csv"]


def test_the_pdfs_left_beside_their_pages_are_the_earlier_build_s_own(tmp_path: Path) -> None:
    """Only a PDF an earlier build laid out, of a page this build made, still there: not
    the user's own PDF of that name's page, nor one whose page this build did not make."""
    out = write_tree(tmp_path / "out", {"notes.pdf": "ours"})
    with BuildFolder(out) as folder:
        pages = ["a", "b", "c", "sub/d"]
        write_tree(
            folder.stage, {f"{page}{suffix}": "1" for page in pages for suffix in (".html", ".pdf")}
        )
        folder.commit()
    (out / "c.pdf").unlink()
    made = [
        out / "a.html",
        out / "c.html",
        out / "notes.html",
        out / "sub" / "d.html",
        out / "b.md",
    ]
    assert earlier_pdfs(out, made) == [out / "a.pdf", out / "sub" / "d.pdf"]
    assert earlier_pdfs(tmp_path / "new", []) == []


@pytest.mark.parametrize(
    "record",
    [
        {"files": ["old.html"]},  # written before the record told the reports apart
        {"files": ["old.html"], "reports": "old.html"},
        {"files": ["old.html", "../outside.txt"], "reports": ["../outside.txt"]},
        {"files": ["old.html", "old"], "reports": ["old"]},  # now a folder of the user's
    ],
)
def test_nothing_but_a_recorded_report_inside_the_folder_is_removed(
    tmp_path: Path, record: dict[str, object]
) -> None:
    files = {"old.html": "1", "old/notes.md": "ours", RECORD: json.dumps(record)}
    out = write_tree(tmp_path / "out", files)
    write_tree(tmp_path, {"outside.txt": "not the build's"})
    with BuildFolder(out) as folder:
        write_tree(folder.stage, {"index.html": "new"})
        assert folder.commit() == []
    assert (out / "old.html").exists() and (out / "old" / "notes.md").exists()
    assert (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/Windows/win.ini", "a/../../x", "..\\x"])
def test_a_recorded_name_that_leads_out_of_the_folder_is_never_outdated(name: str) -> None:
    earlier = EarlierBuild(frozenset([name, "old.html"]), False, frozenset([name, "old.html"]))
    assert outdated(earlier, ["index.html"]) == ["old.html"]


def test_a_build_says_which_reports_of_an_earlier_build_it_removed(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    root = make_study()
    first = runner.invoke(app, ["build", str(root), "--out", str(out), "--no-pdf"])
    assert first.exit_code == 0 and (out / "personas.html").exists()
    (root / "personas.yaml").unlink()  # the personas left the study
    built = runner.invoke(app, ["build", str(root), "--out", str(out), "--no-pdf"])
    assert built.exit_code == 0, built.output
    removed = [
        line.split()[1].rstrip(",") for line in built.stdout.splitlines() if "removed" in line
    ]
    assert removed == [str(out / f"personas{suffix}") for suffix in (".html", ".md", ".xlsx")]
    assert not any(out.glob("personas.*"))
    assert "personas" not in (out / "index.html").read_text(encoding="utf-8")
