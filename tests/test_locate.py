"""needmap.personas.locate: which study a user meant — one further down, the one a folder
is inside, the one here — checked against a plain walk over random folder trees."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needmap.personas.locate import (
    STUDY_FILE,
    is_study,
    not_a_study,
    studies_below,
    studies_meant,
)
from tests.conftest import StudyMaker


def test_studies_below_looks_three_folders_deep_and_not_inside_a_study(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    deep = make_study(name="a/b/c")
    make_study(name="a/b/c/d/e")  # inside a study: not looked for
    make_study(name="x/y/z/too-deep")
    make_study(name=".hidden/study")
    make_study(name="package/templates/care")  # needmap's own, in a clone of it
    (tmp_path / "package" / "__init__.py").write_text("")
    near = make_study(name="z")
    assert studies_below(tmp_path) == [near, deep]
    assert studies_below(tmp_path, depth=1) == [near]
    assert studies_below(tmp_path / "nowhere") == []


def test_the_studies_meant_by_a_command_given_no_folder(
    make_study: StudyMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert studies_meant(tmp_path) == []
    study = make_study(name="gem")
    make_study(name="out/demo/study")
    (study / "reports" / "old").mkdir(parents=True)
    assert studies_meant(tmp_path) == [study, tmp_path / "out" / "demo" / "study"]
    assert studies_meant(study) == [study]
    monkeypatch.chdir(study / "reports" / "old")
    assert studies_meant(Path()) == [Path("../..")]
    monkeypatch.chdir(study)
    assert studies_meant(Path()) == [Path()]
    (problem,) = not_a_study(Path("reports")).problems
    assert problem.hint == "it is inside the study in .: give that folder instead"


@pytest.mark.parametrize(
    ("study_file", "hint"),
    [
        ("study.yml", "study.yml is not read: name it study.yaml"),
        ("STUDY.YAML", "STUDY.YAML is not read: name it study.yaml"),
        ("studie.yaml", "studie.yaml is not read: name it study.yaml"),
        (
            "notes.yaml",
            "add the study's study.yaml beside its groups.yaml, with 'name:', "
            "'organisation:' and 'language:' (see docs/study-format.md)",
        ),
    ],
)
def test_a_study_whose_study_file_is_misnamed_or_missing_is_not_offered_init(
    make_study: StudyMaker, study_file: str, hint: str
) -> None:
    """``init`` would refuse to write over the study's other files."""
    root = make_study()
    (root / STUDY_FILE).rename(root / study_file)
    (problem,) = not_a_study(root).problems
    assert problem.message == "this folder has no study.yaml, so it is not a needmap study"
    assert problem.hint == hint


def test_a_folder_of_needs_alone_is_a_study_without_its_study_file(tmp_path: Path) -> None:
    (tmp_path / "needs").mkdir()
    (problem,) = not_a_study(tmp_path).problems
    assert problem.hint.startswith("add the study's study.yaml beside its needs, with")
    (tmp_path / "needs").rmdir()
    (problem,) = not_a_study(tmp_path).problems
    assert problem.hint == f"create one with: needmap init {tmp_path} --template gemeente"


def test_studies_below_opens_two_hundred_folders_at_most(tmp_path: Path) -> None:
    """A home folder or a large checkout answers at once: the study in zz/ is found when
    zz is the 200th folder opened, and not when it would be the 201st."""
    study = tmp_path / "zz" / "study"
    study.mkdir(parents=True)
    (study / STUDY_FILE).write_text("")
    for i in range(198):
        (tmp_path / f"a{i:03}").mkdir()
    assert studies_below(tmp_path) == [study]
    (tmp_path / "a198").mkdir()
    assert studies_below(tmp_path) == []


def test_a_link_to_a_folder_that_is_no_study_is_told_so(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "folder")
    (problem,) = not_a_study(link).problems
    assert problem.message == "this folder has no study.yaml, so it is not a needmap study"


_NAMES = st.sampled_from(["a", "b", "c", ".h"])
_TREES = st.lists(st.tuples(st.lists(_NAMES, min_size=1, max_size=5), st.booleans()), max_size=12)
"""Folders as paths of names, each a study or not."""


def _walked(root: Path, depth: int) -> list[Path]:
    """The reference: every study at most ``depth`` folders down with no hidden folder and
    no study on its way, nearest first, then by path."""
    found = []
    for here, folders, _ in os.walk(root):
        level = len(Path(here).relative_to(root).parts)
        if here != str(root) and (Path(here) / STUDY_FILE).is_file():
            found.append(Path(here))
            folders.clear()
        elif level >= depth:
            folders.clear()
        folders[:] = [name for name in folders if not name.startswith(".")]
    return sorted(found, key=lambda path: (len(path.relative_to(root).parts), path.parts))


@settings(max_examples=150, deadline=None)
@given(tree=_TREES, depth=st.integers(min_value=1, max_value=4))
def test_studies_below_finds_what_a_plain_walk_finds(
    tree: list[tuple[list[str], bool]], depth: int
) -> None:
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        for parts, is_study in tree:
            folder = root.joinpath(*parts)
            folder.mkdir(parents=True, exist_ok=True)
            if is_study:
                (folder / STUDY_FILE).write_text("")
        assert studies_below(root, depth) == _walked(root, depth)


@pytest.mark.parametrize(
    ("given", "message", "hint"),
    [
        (
            "gem/study.yaml",
            "this is a file, not a study folder",
            "give the study's folder instead: gem",
        ),
        (
            "notes.txt",
            "this is a file, not a study folder",
            "give the folder that holds the study's study.yaml",
        ),
        (
            "dangling",
            "this symbolic link leads to no folder",
            "point the link at the study's folder, or give that folder",
        ),
        ("gemm", "no such folder", "did you mean gem?"),
        # the study two folders down is no misspelling of it
        (
            "deep/gen",
            "no such folder",
            "create a study with: needmap init deep/gen --template gemeente",
        ),
        (
            "gem/rapport",
            "no such folder",
            "it is inside the study in gem: give that folder instead",
        ),
        (
            "gem/reports",
            "this folder has no study.yaml, so it is not a needmap study",
            "it is inside the study in gem: give that folder instead",
        ),
        # the study is named the way the user wrote the path, through the link
        (
            "link/../studie/reports",
            "this folder has no study.yaml, so it is not a needmap study",
            "it is inside the study in link/../studie: give that folder instead",
        ),
        (
            "one",
            "this folder has no study.yaml, so it is not a needmap study",
            "the study is in one/x/study: give that folder instead",
        ),
        (
            "several",
            "this folder has no study.yaml, so it is not a needmap study",
            "it holds the studies several/a, several/b: give one of them instead",
        ),
        (
            "empty",
            "this folder has no study.yaml, so it is not a needmap study",
            "create one with: needmap init empty --template gemeente",
        ),
    ],
)
def test_each_way_of_missing_a_study_gets_its_message_and_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, message: str, hint: str
) -> None:
    """Paths as a user types them, relative to the folder they are in: hints name the
    folder meant the same way."""
    for study in ("gem", "deep/x/gem", "elsewhere/studie", "one/x/study", "several/a", "several/b"):
        (tmp_path / study).mkdir(parents=True)
        (tmp_path / study / STUDY_FILE).write_text("")
    for folder in ("gem/reports", "elsewhere/x", "elsewhere/studie/reports", "empty"):
        (tmp_path / folder).mkdir()
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere" / "x")
    monkeypatch.chdir(tmp_path)
    (problem,) = not_a_study(Path(given)).problems
    assert (problem.location.path, problem.message, problem.hint) == (Path(given), message, hint)


def test_a_path_the_system_refuses_holds_no_study(tmp_path: Path) -> None:
    assert not is_study(tmp_path / ("x" * 300))
