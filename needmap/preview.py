"""``needmap serve``: the reports of a study in the browser, refreshed as the study is saved.

As ``mkdocs serve`` does for documentation: the consultant keeps the reports open beside
the YAML, and each save shows in the page without a reload by hand. The server only reads
the folder it is given (the CLI builds into a temporary one, so ``reports/`` keeps its
PDFs), listens on 127.0.0.1 only, and adds to each page it sends a small script that asks
twice a second how the study stands:

* after a new build the page reloads itself;
* while the study has problems, the page keeps the last good build and shows them in a
  banner, which goes once they are fixed.

The files themselves are not changed: a report saved from the browser, or built with
``needmap build``, has no script in it.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from needmap.errors import NeedmapError, Problem, problem_count

__all__ = ["STATE_PATH", "PreviewServer"]

STATE_PATH = "/__needmap__/state"
"""Where a page asks how the study stands: ``{"build": N, "problems": ["…"], "count":
"1 error and 1 warning"}`` (the count empty while there are none)."""

_POLL_MS = 500

_SCRIPT = """
<style>@media print {{ .needmap-problems {{ display: none; }} }}</style>
<script>
(() => {{
  const seen = {build};
  let banner = null;
  const show = (problems, count) => {{
    if (!problems.length) {{ if (banner) {{ banner.remove(); banner = null; }} return; }}
    if (!banner) {{
      banner = document.createElement("pre");
      banner.setAttribute("role", "alert");
      banner.className = "needmap-problems";
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;margin:0;z-index:9;"
        + "max-height:40vh;overflow:auto;padding:12px 16px;background:#7f1d1d;color:#fff;"
        + "font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap";
      document.body.appendChild(banner);
    }}
    banner.textContent = "needmap: " + count + {heading} + "\\n\\n" + problems.join("\\n");
    const waiting = document.getElementById("needmap-waiting");
    if (waiting) waiting.textContent = "needmap: the study has errors (below)";
  }};
  const ask = () => fetch("{path}", {{cache: "no-store"}})
    .then((answer) => answer.json())
    .then((state) => {{
      if (state.build !== seen) location.reload(); else show(state.problems, state.count);
    }})
    .catch(() => {{}})
    .finally(() => setTimeout(ask, {poll}));
  ask();
}})();
</script>
"""


_WAITING = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>needmap</title></head>'
    b'<body style="font:16px system-ui,sans-serif;margin:40px">'
    b'<p id="needmap-waiting">needmap: building the reports\xe2\x80\xa6</p></body></html>'
)
"""The index before the first build: its script loads the reports once they are built."""


class PreviewServer:
    """Serves ``folder`` on ``http://127.0.0.1:PORT/``, each HTML page with the script
    that follows the builds (see the module's docstring).

    ``port`` 0 takes a free one (see :attr:`url`). Binding fails at once, with a
    :class:`NeedmapError`, when the port is taken. The builder calls :meth:`built` after
    each build and :meth:`failed` when the study has problems; the server answers requests
    on its own threads until :meth:`close`.
    """

    def __init__(self, folder: Path, port: int = 8000) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._build = 0
        self._problems: tuple[str, ...] = ()
        self._count = ""
        handler = partial(_Handler, preview=self, directory=str(folder))
        try:
            self._httpd = _Server(("127.0.0.1", port), handler)
        except OSError as exc:
            free = _free_port_after(port)
            raise NeedmapError.single(
                f"cannot listen on port {port}: {exc.strerror or exc}",
                hint="another program (or needmap serve) uses it; choose another with --port"
                + (f" ({free} is free)" if free is not None else ", or --port 0 for any free one"),
            ) from exc
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def start(self) -> None:
        """Answer requests on a thread of their own, until :meth:`close`."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Stop answering and free the port (a server never started is only closed:
        asking a loop that never ran to stop would wait for ever)."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def built(self) -> None:
        """A new build is in the folder: open pages reload, and problems shown go."""
        with self._lock:
            self._build += 1
            self._problems = ()
            self._count = ""

    def failed(self, problems: Sequence[Problem]) -> None:
        """The study has problems: open pages show them and keep the last good build."""
        with self._lock:
            self._problems = tuple(
                p.format() + (f"\n    hint: {p.hint}" if p.hint else "") for p in problems
            )
            self._count = problem_count(problems)

    def state(self) -> dict[str, Any]:
        with self._lock:
            return {"build": self._build, "problems": list(self._problems), "count": self._count}

    def script(self) -> bytes:
        """The script a page gets: it knows the build it belongs to. Before the first
        good build there is none to show: the banner says the reports come once the errors
        are fixed."""
        build = self.state()["build"]
        heading = (
            " in the study; this page shows the last good build"
            if build
            else " in the study; the reports are built once its errors are fixed"
        )
        return _SCRIPT.format(
            build=build, path=STATE_PATH, poll=_POLL_MS, heading=json.dumps(heading)
        ).encode()


def _free_port_after(port: int, tries: int = 20) -> int | None:
    """The first of the ``tries`` ports after ``port`` that one can listen on at
    127.0.0.1 (None when none is, or ``port`` is not one to count on from): what the
    hint for a port in use offers."""
    import socket

    if port <= 0:
        return None
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    return None


class _Server(ThreadingHTTPServer):
    """Answers each request on a thread of its own. A browser drops its connections when a
    page reloads while images are loading, as each build makes it do: that is no error, and
    it printed a traceback per image in the terminal."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(SimpleHTTPRequestHandler):
    """Files of the folder; HTML pages with the script; the state as JSON. No folder
    listings, no log line per request."""

    def __init__(self, *args: Any, preview: PreviewServer, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] == STATE_PATH:
            self._send(json.dumps(self.preview.state()).encode(), "application/json")
            return
        page = Path(self.translate_path(self.path))
        if "\x00" in str(page):  # no file is called that: open() would raise, not answer
            self.send_error(HTTPStatus.NOT_FOUND, "No such report")
            return
        if page.is_dir():
            page = page / "index.html"
        if page.suffix != ".html":
            super().do_GET()
            return
        if page.is_file():
            text = page.read_bytes()
        elif page == self.preview.folder / "index.html":
            text = _WAITING  # the first build is under way, or the study has problems
        else:
            self.send_error(HTTPStatus.NOT_FOUND, "No such report")
            return
        end = text.rfind(b"</body>")
        end = len(text) if end < 0 else end
        self._send(text[:end] + self.preview.script() + text[end:], "text/html; charset=utf-8")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        """Every answer is fresh: a report changes with each build."""
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def list_directory(self, path: object) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "No such report")
        return None

    def log_message(self, format: str, *args: Any) -> None:
        return
