"""The folder a build writes its reports into, without writing over anything of the user's.

``needmap build --out`` and ``needmap demo`` may be pointed at a folder that holds files of
the user's own: a project folder with its own ``index.html`` or ``roadmap.xlsx``. The files
of an earlier build are to be written over (that is how a build refreshes the reports);
a file of the user's must never be. So the reports are first written into a hidden folder
inside the target; when all are written, they are moved into place, one rename each, unless
one would land on a file that no earlier build wrote: then the build is refused, with each
such file named, and the target is left as it was. A record in the target
(``.needmap-build.json``) lists the files the builds wrote, so the next build knows them.
A folder built before that record existed is known by its index page, which names needmap
as its generator.

The record also tells the reports a build made apart from the files a caller wrote into
the folder itself (the demo's example export, and the tally it imports into its study).
A report of an earlier build that the new one no longer makes (a survey renamed, a
group's guide now in one document with the others) is removed, so that the folder a
consultant shares holds the current reports only; the caller's files never are.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import TracebackType

from needmap import __version__
from needmap.errors import Location, OutputError, Problem, TargetExistsError
from needmap.fileio import write_text_atomic
from needmap.personas.fingerprint import REPORTS

__all__ = [
    "RECORD",
    "BuildFolder",
    "EarlierBuild",
    "built_study",
    "check_the_way",
    "earlier_build",
    "earlier_pdfs",
    "outdated",
    "reports_of",
    "same_folder",
    "write_record",
]

RECORD = ".needmap-build.json"
"""The file in a build's folder that lists what the builds wrote there."""

_GENERATOR = b'<meta name="generator" content="needmap'
"""How an index page that needmap wrote starts its generator line."""


@dataclass(frozen=True)
class EarlierBuild:
    """What earlier builds wrote into a folder, as far as the folder tells."""

    names: frozenset[str]
    """The files the record lists, as paths relative to the folder; for a build from
    before the record, the files in the folder."""
    everything: bool
    """A build from before the record: every file in the folder counts as written by it."""
    reports: frozenset[str] = frozenset()
    """Of ``names``, the reports a build made (not the files a caller wrote itself)."""

    def wrote(self, name: str) -> bool:
        return self.everything or name in self.names


def earlier_build(out: Path) -> EarlierBuild:
    """What earlier builds wrote into ``out``: the names in its record; for a folder built
    before records were kept (its ``index.html`` written by needmap), everything in it;
    else nothing."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        files, reports = data["files"], data.get("reports", [])
        if isinstance(files, list) and isinstance(reports, list):
            names = frozenset(str(name) for name in files)
            return EarlierBuild(names, False, names & {str(name) for name in reports})
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        with (out / "index.html").open("rb") as page:
            legacy = _GENERATOR in page.read(4096)
    except OSError:
        legacy = False
    if not legacy:
        return EarlierBuild(frozenset(), everything=False)
    # recorded as the build's, so that a file this build does not make (a PDF, after
    # --no-pdf) is not in the way of the next one
    files = frozenset(p.name for p in out.iterdir() if p.is_file() and not p.name.startswith("."))
    return EarlierBuild(files, everything=True)


def check_the_way(out: Path, names: Iterable[str]) -> EarlierBuild:
    """Refuse, with each file named, if any of ``names`` (relative to ``out``) is a file in
    ``out`` that no earlier build wrote; else return what the earlier builds wrote."""
    earlier = earlier_build(out)
    in_the_way = [
        Problem(
            Location(out / name),
            f"needmap would write '{name}' here, over a file it did not write",
            hint=f"move or rename the file, or build into another folder with --out; "
            f"nothing in {out} was changed: needmap writes over the files of its own "
            "earlier builds only",
        )
        for name in sorted(set(names))
        if (out / name).exists() and not earlier.wrote(name)
    ]
    if in_the_way:
        raise TargetExistsError(in_the_way)
    return earlier


class BuildFolder:
    """A hidden folder inside ``out`` to write a build into, moved into ``out`` by
    :meth:`commit`; removed on leaving the ``with`` block whatever happened."""

    def __init__(self, out: Path, study: Path | None = None) -> None:
        self.out = out
        self.stage = out
        self.study = study
        """The folder of the study built, for the record (:func:`reports_of`)."""

    def __enter__(self) -> BuildFolder:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(prefix=".needmap-build-", dir=self.out))
        except OSError as exc:
            raise OutputError.single(
                f"cannot write here: {exc.strerror or exc}", path=self.out
            ) from None
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)

    def final(self, staged: Path) -> Path:
        """Where a file written into the stage will be once committed."""
        return self.out / staged.relative_to(self.stage)

    def name_in_out(self, path: Path) -> str | None:
        """``path`` relative to ``out`` (either may be relative or absolute), or None if it
        is not inside ``out``."""
        inside = os.path.relpath(path, self.out)
        return None if inside.startswith("..") else Path(inside).as_posix()

    def staged(self, final: Path) -> Path:
        """Where a file of ``out`` stands in the stage (for links between them); a file
        outside ``out`` as it is."""
        name = self.name_in_out(final)
        return final if name is None else self.stage / name

    def commit(self, listed: Iterable[Path] = ()) -> list[Path]:
        """Move every staged file into ``out`` and record them, with ``listed`` (files the
        caller wrote into ``out`` itself); refuse, moving nothing, if any would land on a
        file that no earlier build wrote. Then remove the :func:`outdated` reports of
        earlier builds; returns them."""
        names = sorted(
            path.relative_to(self.stage).as_posix()
            for path in self.stage.rglob("*")
            if path.is_file()
        )
        earlier = check_the_way(self.out, names)
        moved: list[str] = []
        try:
            for name in names:
                target = self.out / name
                target.parent.mkdir(parents=True, exist_ok=True)
                (self.stage / name).replace(target)
                moved.append(name)
            return _remove(self.out, outdated(earlier, names))
        except OSError as exc:
            raise OutputError.single(
                f"cannot write the report: {exc.strerror or exc}; "
                f"{len(moved)} of the {len(names)} files were written",
                path=self.out / names[len(moved)],
                hint="close the file where it is open (on Windows, a PDF reader locks the "
                "PDF it shows) and build again",
            ) from None
        finally:
            listed_here = [name for name in map(self.name_in_out, listed) if name is not None]
            write_record(self.out, earlier, listed_here, made=moved, study=self.study)


def outdated(earlier: EarlierBuild, made: Iterable[str]) -> list[str]:
    """The reports of ``earlier`` builds that a build which ``made`` these files no longer
    makes. The PDF of a page it made is not outdated: ``--no-pdf`` refreshes the pages
    and leaves their PDFs. A name that would lead out of the folder (a record edited by
    hand) is never outdated."""
    now = set(made)
    pages = {PurePosixPath(name).with_suffix("") for name in now if name.endswith(".html")}
    return sorted(
        name
        for name in earlier.reports - now
        if not (name.endswith(".pdf") and PurePosixPath(name).with_suffix("") in pages)
        and _stays_inside(name)
    )


def earlier_pdfs(out: Path, made: Iterable[Path]) -> list[Path]:
    """The PDFs in ``out`` that an earlier build laid out of pages this build ``made``
    (files in ``out``) without them: after ``--no-pdf`` they show the study as it was,
    beside pages that show it as it is, so the user is told."""
    reports = earlier_build(out).reports
    pages = {
        path.relative_to(out).with_suffix("").as_posix() for path in made if path.suffix == ".html"
    }
    return sorted(
        out / name
        for name in reports
        if name.endswith(".pdf") and name[: -len(".pdf")] in pages and (out / name).is_file()
    )


def _stays_inside(name: str) -> bool:
    """A relative path that leads nowhere outside its folder, on any system (a drive,
    a root or ``..`` would)."""
    path = PureWindowsPath(name)  # which reads / and \\ alike
    return not path.anchor and ".." not in path.parts


def _remove(out: Path, names: Iterable[str]) -> list[Path]:
    """Remove the files ``names`` in ``out`` that are there; returns those removed. One
    that cannot be removed (open elsewhere) stays, recorded, for the next build."""
    removed = []
    for name in names:
        with contextlib.suppress(OSError):
            (out / name).unlink()
            removed.append(out / name)
    return removed


def write_record(
    out: Path,
    earlier: EarlierBuild,
    names: Iterable[str],
    made: Iterable[str] = (),
    study: Path | None = None,
) -> None:
    """Record what needmap wrote in ``out`` (paths relative to it): the reports a build
    ``made``, and ``names``, files that a command wrote into ``out`` itself (so that the
    next run may write over them, but never removes them), with what the ``earlier``
    builds wrote that is still there; and the folder of the ``study`` built, so that
    ``needmap status`` finds its reports (:func:`reports_of`). Without the record, the
    next build knows the folder by its index page only."""
    now = set(made)
    files = {name for name in earlier.names if (out / name).is_file()} | set(names) | now
    reports = {name for name in earlier.reports if (out / name).is_file()} | now
    record: dict[str, object] = {
        "written_by": f"needmap {__version__}",
        "files": sorted(files),
        "reports": sorted(reports),
    }
    if study is not None:
        record["study"] = _path_from(out, study)
    with contextlib.suppress(OutputError):
        write_text_atomic(out / RECORD, json.dumps(record, indent=1) + "\n")


def _path_from(out: Path, study: Path) -> str:
    """``study`` as seen from ``out``: relative, so that the two may be moved together
    (the demo's folder, a project folder in a shared drive); absolute where no relative
    path leads there (another drive)."""
    try:
        return Path(os.path.relpath(study, out)).as_posix()
    except ValueError:
        return str(study.absolute())


def built_study(out: Path) -> Path | None:
    """The folder of the study whose reports the record in ``out`` says were built there,
    if the record names one that is still there."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        named = out / str(data["study"])
        return named if named.is_dir() else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def same_folder(one: Path, other: Path) -> bool:
    """Whether two paths name one folder, however written (relative, through a link);
    False when either is gone."""
    try:
        return one.samefile(other)
    except OSError:
        return False


def reports_of(root: Path) -> Path | None:
    """The folder the reports of the study in ``root`` were built into, as far as it can
    be found without being told: ``reports`` in the study (where ``needmap build`` writes
    them), or the folder the study is in, when the record of a build there names this
    study (the demo's layout, or ``needmap build study --out .`` in a project folder).
    None when neither holds an index page."""
    if (root / REPORTS / "index.html").is_file():
        return root / REPORTS
    parent = Path(os.path.normpath(root / os.pardir))  # as the user wrote the study's
    named = built_study(parent)
    if named is None or not same_folder(named, root):
        return None
    return parent if (parent / "index.html").is_file() else None
