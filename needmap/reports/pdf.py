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

from needmap.errors import Location, OutputError, Problem, Severity

__all__ = ["html_to_pdf", "page_bytes", "pdf_unavailable"]

_PANGO_HINT = (
    "PDF needs the Pango text library: on Debian or Ubuntu 'apt-get install libpango-1.0-0', "
    "on macOS 'brew install pango'; or write .html and print it from a browser"
)


def html_to_pdf(html: str) -> bytes:
    """The PDF of a report page."""
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:
        raise OutputError.single(
            f"cannot write PDF: {_first_line(exc)}", hint=_PANGO_HINT
        ) from None
    fetcher = URLFetcher(allowed_protocols={"data"})
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf


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
