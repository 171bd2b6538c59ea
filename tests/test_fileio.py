"""Atomic writes: a failed write leaves the old file and no temporary files behind."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from needmap.errors import OutputError, TargetExistsError
from needmap.fileio import replace_files, write_bytes_atomic, write_files_new, write_text_atomic


def test_write_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_text_atomic(target, "one")
    write_text_atomic(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


@pytest.fixture
def private_umask() -> Iterator[None]:
    """A user who keeps their files to themselves (umask 027)."""
    earlier = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(earlier)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="permissions as POSIX has them")
@pytest.mark.usefixtures("private_umask")
def test_a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    new = tmp_path / "new.html"
    write_text_atomic(new, "report")
    assert _mode(new) == 0o640  # as open() would make it: not readable by everyone
    kept = tmp_path / "kept.html"
    kept.write_text("old")
    kept.chmod(0o600)
    write_text_atomic(kept, "new")
    assert (kept.read_text(), _mode(kept)) == ("new", 0o600)
    shared = tmp_path / "study.yaml"
    shared.write_text("name: S\n")
    shared.chmod(0o664)
    replace_files({shared: b"name: T\n"})
    assert (shared.read_text(), _mode(shared)) == ("name: T\n", 0o664)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.html", "new.html", "study.yaml"]


def _no_space(*args: object) -> None:
    raise OSError(28, "No space left on device")


def _interrupted(*args: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("where", "failure", "raised", "said"),
    [
        ((Path, "replace"), _no_space, OutputError, "cannot write file: No space left"),
        ((os, "fsync"), _interrupted, KeyboardInterrupt, None),  # Ctrl-C goes on as it is
    ],
)
def test_a_failed_or_interrupted_write_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: tuple[object, str],
    failure: Callable[..., None],
    raised: type[BaseException],
    said: str | None,
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    monkeypatch.setattr(*where, failure)
    with pytest.raises(raised, match=said):
        write_bytes_atomic(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_folder_that_cannot_be_written_to_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root here, which no permission stops: the refusal is the system's."""

    def refused(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(OutputError) as raised:
        write_bytes_atomic(tmp_path / "out.txt", b"new")
    assert raised.value.problems[0].message == "cannot write here: Permission denied"
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_name_taken_already_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two writes at once draw their temporary names at random: one drawn twice is not
    written over, another is drawn."""
    drawn = iter(["aaaa", "bbbb", "aaaa"])
    monkeypatch.setattr("needmap.fileio.secrets.token_hex", lambda n: next(drawn))
    (tmp_path / ".out.txt.aaaa.tmp").write_text("another write's")
    write_bytes_atomic(tmp_path / "out.txt", b"one")
    write_bytes_atomic(tmp_path / "two.txt", b"two")  # draws 'aaaa' again: free for it
    assert (tmp_path / ".out.txt.aaaa.tmp").read_text() == "another write's"
    assert (tmp_path / "out.txt").read_text() == "one"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.txt.aaaa.tmp", "out.txt", "two.txt"]


def test_a_file_in_the_way_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match=f"{blocker} is a file, not a folder"):
        write_text_atomic(blocker / "sub" / "out.txt", "data")
    assert blocker.read_text() == "x"


def test_write_files_new_rolls_back_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = write_bytes_atomic

    def flaky(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OutputError.single("disk full", path=path)
        real(path, data)

    monkeypatch.setattr("needmap.fileio.write_bytes_atomic", flaky)
    with pytest.raises(OutputError):
        write_files_new(tmp_path, {"a.txt": b"a", "b.txt": b"b", "c.txt": b"c"})
    assert list(tmp_path.iterdir()) == []


def test_write_files_new_removes_the_folders_it_made_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A study's folders made before the failure go too; the target folder, made for the
    study, goes; a folder that was there stays, with the user's file in it."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine")
    real = write_bytes_atomic

    def failing_last(path: Path, data: bytes) -> None:
        if path.name == "last.txt":
            raise OutputError.single("disk full", path=path)
        real(path, data)

    monkeypatch.setattr("needmap.fileio.write_bytes_atomic", failing_last)
    files = {"a/b/one.txt": b"1", "mine/two.txt": b"2", "c/last.txt": b"3"}
    with pytest.raises(OutputError):
        write_files_new(tmp_path / "study", files)
    with pytest.raises(OutputError):
        write_files_new(tmp_path, files)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "mine",
        "mine/notes.txt",
    ]


def test_a_file_where_a_folder_must_go_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "schemas").write_text("mine")
    with pytest.raises(TargetExistsError, match=r"would overwrite existing files: .*schemas"):
        write_files_new(tmp_path, {"a.txt": b"a", "schemas/study.json": b"{}"})
    assert [p.name for p in tmp_path.iterdir()] == ["schemas"]


def test_write_files_new_refuses_existing(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("mine")
    with pytest.raises(TargetExistsError):
        write_files_new(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]


@pytest.mark.parametrize(("existing", "more"), [(5, ""), (7, " and 2 more")])
def test_the_files_in_the_way_are_named_five_at_most(
    tmp_path: Path, existing: int, more: str
) -> None:
    names = [f"{i}.txt" for i in range(existing)]
    for name in names:
        (tmp_path / name).write_text("mine")
    with pytest.raises(TargetExistsError) as raised:
        write_files_new(tmp_path, {name: b"new" for name in names})
    listed = ", ".join(str(tmp_path / name) for name in names[:5])
    assert raised.value.problems[0].message == f"would overwrite existing files: {listed}{more}"
