"""Reports as PDF: the HTML page, laid out for print by WeasyPrint.

A PDF is the same page a browser shows, through the print part of the stylesheet (A4
landscape for tables, portrait for personas, page numbers and the report's title in the
footer), so the HTML and the PDF never tell different stories. WeasyPrint is used rather than
a browser because it is a Python library: no browser has to be installed or started.

Reports are self-contained (charts are inline data), so the renderer may fetch ``data:``
URLs only: a report never reads another file or the network while it is printed.

WeasyPrint is imported when a PDF is asked for, not before: it loads the Pango text library,
and every other command should start quickly and work without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from needmap.errors import Location, OutputError, Problem, Severity
from needmap.fileio import write_bytes_atomic

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

__all__ = ["html_to_pdf", "page_bytes", "pdf_unavailable", "write_pdfs"]

_PANGO_HINT = (
    "PDF needs the Pango text library: on Debian or Ubuntu 'apt-get install libpango-1.0-0', "
    "on macOS 'brew install pango'; or write .html and print it from a browser"
)


def html_to_pdf(html: str) -> bytes:
    """The PDF of a report page, tagged as PDF/UA-1 asks: its headings, lists and tables
    (with the header of each cell), and each figure's text for who cannot see it, are in
    the PDF's structure for a screen reader, as in the HTML, and its metadata says it is
    made so. Public bodies, a steering group's usual readers, may publish only documents
    so made; the pages look the same."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:
        raise OutputError.single(
            f"cannot write PDF: {_first_line(exc)}", hint=_PANGO_HINT
        ) from None
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def write_pdfs(
    pages: Sequence[Path],
    progress: Callable[[Path], None] | None = None,
    laying_out: Callable[[list[Path]], None] | None = None,
) -> list[Path]:
    """Write the PDF of each HTML page in ``pages`` beside it (the same name, ``.pdf``);
    returns them in the order they were done, each told to ``progress`` as it is.
    ``laying_out`` is told the PDFs to come before the first is laid out, so that a caller
    can say what the seconds of waiting are for.

    Laying out is most of the time a study's reports take (in the Dutch demo the brief 6 s,
    the five other PDFs 6 s together), and it is Python code, so the pages are laid out in
    two processes at once where there are two cores, the largest first. A machine without
    PDF support gets the usual error, from this process; where no process can be started,
    or one dies, the pages left are laid out here, one at a time.
    """
    jobs = sorted(
        ((page.read_text(encoding="utf-8"), page.with_suffix(".pdf")) for page in pages),
        key=lambda job: -len(job[0]),
    )
    done: list[Path] = []
    if laying_out is not None:
        laying_out([target for _, target in jobs])

    def finished(target: Path, data: bytes) -> None:
        write_bytes_atomic(target, data)
        done.append(target)
        if progress is not None:
            progress(target)

    workers = min(2, _cores(), len(jobs))
    if workers >= 2 and pdf_unavailable() is None:
        try:
            with ProcessPoolExecutor(workers, mp_context=_unforked()) as pool:
                futures = {pool.submit(html_to_pdf, html): target for html, target in jobs}
                for future in as_completed(futures):
                    finished(futures[future], future.result())
        except (OSError, NotImplementedError, BrokenProcessPool):
            pass  # no processes to be had here (a locked-down sandbox): one at a time
    for html, target in jobs:
        if target not in done:
            finished(target, html_to_pdf(html))
    return done


def _unforked() -> BaseContext:
    """How the processes that lay out PDFs are started: from a server process started for
    them (forkserver, on Linux) or each anew (spawn), never forked from this one. A build
    shows its progress from a thread of its own, and a process forked while that thread
    holds a lock (the terminal's, as it writes) would wait for it forever the first time
    WeasyPrint logs a warning. Python 3.12 warns of such forks, and 3.14 no longer makes
    them by default; macOS and Windows never did. The server imports WeasyPrint before it
    forks the processes (its preload), as a process forked from this one had it: each
    importing it by itself made a large study's build 10% slower."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint"])
    return context


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's, in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def page_bytes(html: str, suffix: str) -> bytes:
    """A report page as the file's ``suffix`` asks: its PDF for ``.pdf``, else the page."""
    return html_to_pdf(html) if suffix.lower() == ".pdf" else html.encode("utf-8")


def pdf_unavailable() -> Problem | None:
    """Why no PDF can be written on this machine (a warning, with how to fix it), or None.

    For commands that write PDFs among other files (``needmap demo``): they leave the PDFs
    out and say so, rather than fail on a machine without Pango.
    """
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return Problem(
            Location(),
            f"PDF files left out: {_first_line(exc)}",
            hint=_PANGO_HINT,
            severity=Severity.WARNING,
        )
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else type(exc).__name__
