"""``needmap serve``: the study's reports in the browser, rebuilt and reloaded on each save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from needmap.cli.app import (
    LanguageOption,
    StudyDir,
    app,
    escape,
    new_console,
    watch_study,
    whole_study_at,
)


@app.command()
def serve(
    folder: StudyDir,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            "-p",
            min=0,
            max=65535,
            metavar="<port>",
            help="Port to listen on, at 127.0.0.1 (this computer only); 0 takes a free one.",
        ),
    ] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the reports in the default browser.")
    ] = False,
    language: LanguageOption = None,
) -> None:
    """The study's reports in the browser, refreshed as you save: keep them open beside
    the YAML files while you edit.

    Builds the reports as needmap build --no-pdf does, into a temporary folder (reports/
    is left as it is), and serves them on http://127.0.0.1:8000/. After each save of a
    study file, they are built again and the open pages reload themselves. While the
    study has problems, the pages keep the last build and show the problems at the
    bottom until they are fixed; the terminal prints them too. Ctrl-C stops.
    """
    import signal
    import tempfile
    import webbrowser

    from needmap.build import build_reports
    from needmap.errors import NeedmapError
    from needmap.personas.fingerprint import REPORTS
    from needmap.preview import PreviewServer

    console = new_console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="needmap-serve-") as temporary:
        target = Path(temporary)
        server = PreviewServer(target, port)

        def once() -> None:
            try:
                files = build_reports(whole_study_at(folder, language), target, pdf=False)
            except NeedmapError as exc:
                server.failed(exc.problems)
                raise
            server.built()
            console.print(f"Built {len(files)} files; open pages reload: {server.url}")

        previous = signal.signal(signal.SIGTERM, _stop_as_with_ctrl_c)
        try:
            server.start()
            console.print(escape(f"Serving the reports of {folder} on {server.url}"))
            if open_browser:
                webbrowser.open(server.url)
            watch_study(folder, [folder / REPORTS], once)  # needmap build writes there
        finally:
            signal.signal(signal.SIGTERM, previous)
            server.close()


def _stop_as_with_ctrl_c(signum: int, frame: object) -> None:
    """A ``kill`` (or a service manager) stops the server as Ctrl-C does, so the temporary
    folder is removed."""
    raise KeyboardInterrupt
