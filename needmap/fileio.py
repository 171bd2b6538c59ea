"""Write files atomically, so that no reader ever sees half a file.

Every output needmap writes goes through here: the bytes go to a temporary file in the same
folder, are flushed to disk, and then replace the target in one ``os.replace``. If anything
fails, the target is untouched and the temporary file is removed.

A file written anew gets the permissions ``open()`` would give it (0o666 less the user's
umask), and a file replaced keeps its own: reports hold what people said, and a user whose
umask keeps files private expects them to stay so. (``tempfile.mkstemp`` makes every file
0o600, so the temporary file is made here.)
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from needmap.errors import OutputError, TargetExistsError, first_of

__all__ = ["replace_files", "write_bytes_atomic", "write_files_new", "write_text_atomic"]


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; create parent folders as needed."""
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise OutputError.single(
            f"cannot write here: {blocker} is a file, not a folder",
            path=path,
            hint="choose another output path",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _kept_mode(path)
        fd, temp = _open_temp(path)
    except OSError as exc:
        raise OutputError.single(f"cannot write here: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            temp.chmod(mode)
        temp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError.single(f"cannot write file: {exc.strerror or exc}", path=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _kept_mode(path: Path) -> int | None:
    """The permissions of the file at ``path``, to keep; None when there is none yet."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


_TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _open_temp(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path``, open for writing, made as ``open()`` makes a
    file: 0o666 less the umask, which the system applies."""
    while True:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temp, _TEMP_FLAGS, 0o666), temp
        except FileExistsError:
            continue


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text with ``\\n`` line endings, atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_files_new(root: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write a set of new files below ``root``, refusing to touch any that exist.

    All targets are checked before anything is written (a file in the way, or a file where
    a folder must go); if writing fails half-way, the files written so far are removed
    again, and the folders made for them, so the folder is left as it was.
    """
    targets = {root / name: data for name, data in files.items()}
    folders = {folder for path in targets for folder in path.parents if root in folder.parents}
    blocking = [f for f in folders if f.exists() and not f.is_dir()]
    existing = sorted(str(p) for p in [*targets, *blocking] if p.exists())
    if existing:
        raise TargetExistsError.single(
            "would overwrite existing files: " + first_of(existing, 5),
            path=root,
            hint="choose a new or empty folder; needmap never overwrites your files",
        )
    made = sorted(
        (f for f in [root, *folders] if not f.exists()), key=lambda f: len(f.parts), reverse=True
    )  # the deepest first, to remove again
    written: list[Path] = []
    try:
        for path, data in targets.items():
            write_bytes_atomic(path, data)
            written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty: a folder of the user's made meanwhile stays
        raise
    return written


def replace_files(files: Mapping[Path, bytes]) -> None:
    """Rewrite existing files together, keeping their permissions.

    Every new text is written to a temporary file beside its target and flushed to disk
    before the first target is replaced, so a full disk or a read-only folder leaves every
    file as it was; what remains is a rename per file.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            try:
                mode = path.stat().st_mode & 0o7777
                fd, temp = _open_temp(path)
                staged.append((temp, path))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                temp.chmod(mode)
            except OSError as exc:
                raise OutputError.single(
                    f"cannot write file: {exc.strerror or exc}; no file was changed", path=path
                ) from None
        for temp, path in staged:
            temp.replace(path)
    except BaseException:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
