"""``needmap serve``: the reports served on 127.0.0.1, following the builds."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from needmap.cli import app
from needmap.errors import Location, NeedmapError, Problem, Severity
from needmap.preview import STATE_PATH, PreviewServer, _free_port_after
from tests.conftest import StudyMaker, ctrl_c_as_in_a_terminal, wait_for, write_tree

runner = CliRunner()

PAGE = "<!DOCTYPE html><html><body><h1>Roadmap</h1></body></html>"


def _answer(url: str) -> tuple[int, bytes, Message]:
    """Status, body and headers; an HTTP error is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def _get(url: str) -> tuple[int, bytes, str]:
    """Status, body and content type."""
    status, body, headers = _answer(url)
    return status, body, headers["Content-Type"]


def _state(url: str) -> dict[str, Any]:
    status, body, kind = _get(url.rstrip("/") + STATE_PATH)
    assert (status, kind) == (200, "application/json")
    state: dict[str, Any] = json.loads(body)
    return state


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[PreviewServer, Path]]:
    folder = write_tree(
        tmp_path / "site",
        {"index.html": PAGE, "roadmap.md": "# Roadmap\n", "chart.png": b"\x89PNG\r\n\x1a\n"},
    )
    (folder / "empty").mkdir()
    (tmp_path / "secret.txt").write_text("not for the browser")
    server = PreviewServer(folder, port=0)
    server.start()
    try:
        yield server, folder
    finally:
        server.close()


def test_pages_get_the_script_and_other_files_come_as_they_are(
    served: tuple[PreviewServer, Path],
) -> None:
    server, folder = served
    status, body, kind = _get(server.url)
    assert (status, kind) == (200, "text/html; charset=utf-8")
    page = body.decode()
    assert page.startswith(PAGE.removesuffix("</body></html>"))
    assert page.index("const seen = 0;") < page.index("</body>")  # the script, in the body
    assert STATE_PATH in page
    assert (folder / "index.html").read_text() == PAGE  # the file itself is unchanged
    assert _get(server.url + "chart.png")[1] == b"\x89PNG\r\n\x1a\n"
    assert _get(server.url + "roadmap.md")[1] == b"# Roadmap\n"
    write_tree(folder, {"part.html": "<p>no body</p>"})  # the script goes at the end
    part = _get(server.url + "part.html")[1].decode()
    assert part == "<p>no body</p>" + server.script().decode()


def test_every_answer_is_fresh_and_a_page_s_length_counts_its_script(
    served: tuple[PreviewServer, Path],
) -> None:
    """A report changes with each build: a browser that kept one would show the last
    build's. A page's length is the page's with the script, or the browser cuts it off."""
    server, _ = served
    for path in ("", "chart.png", STATE_PATH.lstrip("/"), "missing.html"):
        status, body, headers = _answer(server.url + path)
        assert headers["Cache-Control"] == "no-store", path
        assert headers["Content-Length"] == str(len(body)), path
    assert status == 404 and b"<p>Message: No such report.</p>" in body


def test_nothing_outside_the_folder_and_no_listings(served: tuple[PreviewServer, Path]) -> None:
    server, _ = served
    assert _get(server.url + "../secret.txt")[0] == 404
    assert _get(server.url + "%2e%2e/secret.txt")[0] == 404
    for path in ("empty/", "missing.html", "a%00.html"):
        status, body, _ = _get(server.url + path)
        assert status == 404 and b"<p>Message: No such report.</p>" in body, path


def test_dropped_connections_and_impossible_paths_print_no_traceback(
    served: tuple[PreviewServer, Path], capfd: pytest.CaptureFixture[str]
) -> None:
    """A page that reloads while its images load drops their connections: each printed a
    traceback in the terminal of needmap serve, as did a path with a NUL byte."""
    server, folder = served
    (folder / "big.png").write_bytes(b"\x89PNG" + bytes(4_000_000))
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    for _ in range(10):
        with socket.create_connection(("127.0.0.1", port)) as dropped:
            dropped.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            dropped.sendall(b"GET /big.png HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert _get(server.url + "%00")[0] == 404
    assert _get(server.url + "chart%00.html")[0] == 404
    assert _get(server.url + "chart.png")[0] == 200  # still serving
    time.sleep(0.5)  # the dropped requests' threads have given up
    assert capfd.readouterr().err == ""


def test_the_state_follows_builds_and_problems(served: tuple[PreviewServer, Path]) -> None:
    server, _ = served
    assert _state(server.url) == {"build": 0, "problems": [], "count": ""}
    server.built()
    assert _state(server.url) == {"build": 1, "problems": [], "count": ""}
    assert "const seen = 1;" in _get(server.url)[1].decode()  # a page knows its build
    where = Location(Path("needs.yaml"), 3, 11)
    server.failed([Problem(where, "'contnt' is not allowed here", hint="did you mean 'content'?")])
    assert _state(server.url) == {
        "build": 1,
        "problems": [
            "needs.yaml:3:11: 'contnt' is not allowed here\n    hint: did you mean 'content'?"
        ],
        "count": "1 problem",
    }
    server.failed([Problem(where, "'contnt' is not allowed here")])  # no hint, no line
    assert _state(server.url + STATE_PATH + "?at=now")["problems"] == [
        "needs.yaml:3:11: 'contnt' is not allowed here"
    ]
    warned = Problem(where, "a person's first name", severity=Severity.WARNING, repeats=2)
    server.failed([Problem(where, "'contnt' is not allowed here"), warned])
    assert _state(server.url)["count"] == "1 error and 2 warnings"  # as the terminal counts
    server.built()
    assert _state(server.url) == {"build": 2, "problems": [], "count": ""}


def test_before_the_first_build_the_index_waits(tmp_path: Path) -> None:
    server = PreviewServer(tmp_path, port=0)
    server.start()
    try:
        status, body, _ = _get(server.url)
        assert status == 200
        page = body.decode()
        assert page.startswith(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>needmap</title></head>'
            '<body style="font:16px system-ui,sans-serif;margin:40px">'
            '<p id="needmap-waiting">needmap: building the reports…</p>\n'
        )
        assert "const seen = 0;" in page and page.endswith("</script>\n</body></html>")
        # no build to show yet: the banner of a study with errors says so
        assert "the reports are built once its errors are fixed" in page
        assert 'getElementById("needmap-waiting")' in page  # which says so too
        assert "last good build" not in page
        server.built()
        assert "this page shows the last good build" in _get(server.url)[1].decode()
    finally:
        server.close()


def test_a_port_in_use_is_refused_with_a_hint(make_study: StudyMaker) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = runner.invoke(app, ["serve", str(make_study()), "--port", str(port)])
    assert served.exit_code == 2
    message, hint = served.stderr.splitlines()
    assert message == f"cannot listen on port {port}: Address already in use"
    offered = re.fullmatch(
        r"    hint: another program \(or needmap serve\) uses it; choose another with --port "
        r"\((\d+) is free\)",
        hint,
    )
    assert offered is not None, hint
    free = int(offered[1])
    assert port < free <= port + 20
    with socket.socket() as probe:  # free indeed
        probe.bind(("127.0.0.1", free))


def test_a_port_to_offer_is_one_after_the_taken_one_or_none() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        assert _free_port_after(port, tries=0) is None
        assert _free_port_after(0) is None  # any free port was asked for: nothing to count on
        assert _free_port_after(65535) is None  # no port after the last
        found = _free_port_after(port - 1, tries=1)  # the only one tried is the taken one
        assert found is None


def test_without_a_free_port_near_the_hint_offers_any(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("needmap.preview._free_port_after", lambda port: None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        with pytest.raises(NeedmapError) as refused:
            PreviewServer(tmp_path, taken.getsockname()[1])
    assert refused.value.problems[0].hint == (
        "another program (or needmap serve) uses it; choose another with --port, or --port 0 "
        "for any free one"
    )


class _Listening:
    """Stands in for :class:`PreviewServer`: notes the port it was asked for."""

    def __init__(self, folder: Path, port: int, ports: list[int]) -> None:
        ports.append(port)
        self.url = f"http://127.0.0.1:{port}/"

    def start(self) -> None: ...

    def close(self) -> None: ...


@pytest.mark.parametrize(
    ("options", "port", "opened"),
    [([], 8000, False), (["--port", "65535"], 65535, False), (["-p", "0", "--open"], 0, True)],
)
def test_serve_listens_on_8000_and_opens_a_browser_only_when_asked(
    make_study: StudyMaker,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    port: int,
    opened: bool,
) -> None:
    ports: list[int] = []
    urls: list[str] = []
    monkeypatch.setattr(
        "needmap.preview.PreviewServer", lambda folder, port: _Listening(folder, port, ports)
    )
    monkeypatch.setattr("needmap.cli.serve.watch_study", lambda *args: None)
    monkeypatch.setattr("webbrowser.open", urls.append)
    served = runner.invoke(app, ["serve", str(make_study()), *options])
    assert served.exit_code == 0, served.output
    assert ports == [port]
    assert urls == ([f"http://127.0.0.1:{port}/"] if opened else [])


def test_a_server_never_started_closes_at_once(tmp_path: Path) -> None:
    PreviewServer(tmp_path, port=0).close()  # would hang if it waited for its loop


def test_a_closed_server_frees_its_port(tmp_path: Path) -> None:
    """``needmap serve`` stopped and started again listens on the same port."""
    first = PreviewServer(tmp_path, port=0)
    first.start()
    port = int(first.url.rsplit(":", 1)[1].strip("/"))
    first.close()
    again = PreviewServer(tmp_path, port=port)
    again.start()
    try:
        assert _get(again.url)[0] == 200
    finally:
        again.close()


def test_serve_builds_reloads_shows_problems_and_stops_on_ctrl_c(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    root = make_study()
    err, temporary = tmp_path / "err.txt", tmp_path / "tmp"
    temporary.mkdir()
    with err.open("w") as stderr:
        serving = subprocess.Popen(
            [sys.executable, "-m", "needmap", "serve", str(root), "--port", "0"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "TMPDIR": str(temporary)},
            preexec_fn=ctrl_c_as_in_a_terminal,
        )
        try:
            wait_for(lambda: "Serving the reports" in err.read_text())
            found = re.search(r"http://127\.0\.0\.1:\d+/", err.read_text())
            assert found is not None
            url = found.group(0)
            wait_for(lambda: _state(url)["build"] == 1)
            assert b"Search" in _get(url + "roadmap.html")[1]
            assert _get(url + "roadmap.pdf")[0] == 404  # built as build --no-pdf does
            (root / "reports").mkdir()  # needmap build writing the study's reports meanwhile
            (root / "reports" / "needs-groups.csv").write_text("need,desk\n")
            time.sleep(1.5)
            assert _state(url)["build"] == 1  # is no change to the study
            assert b"const seen = 1;" in _get(url)[1]
            needs = root / "needs.yaml"
            needs.write_text(needs.read_text().replace("title: Search", "title: Find anything"))
            wait_for(lambda: _state(url)["build"] == 2)
            assert b"Find anything" in _get(url + "roadmap.html")[1]
            needs.write_text(needs.read_text() + "  - id: broken\n")  # a need without a title
            (root / "interviews").mkdir()  # and an interview's unknown need, shown with it
            (root / "interviews" / "a.yaml").write_text(
                "interviews:\n  - {id: a, group: desk, quotes: [{text: Hi, needs: [serch]}]}\n"
            )
            wait_for(lambda: len(_state(url)["problems"]) == 3)
            first, second, _ = _state(url)["problems"]
            assert "unknown need 'serch'" in first and "did you mean 'search'?" in first
            assert "required key 'title' is missing" in second
            assert b"Find anything" in _get(url + "roadmap.html")[1]  # the last good build
        finally:
            serving.send_signal(signal.SIGINT)
            code = serving.wait(timeout=30)
    assert code == 0
    assert err.read_text().rstrip().endswith("Stopped watching.")
    assert [p.name for p in (root / "reports").iterdir()] == ["needs-groups.csv"]  # left alone
    assert not any(temporary.iterdir())  # and that folder is gone


def test_a_kill_stops_the_server_as_ctrl_c_does(make_study: StudyMaker, tmp_path: Path) -> None:
    err, temporary = tmp_path / "err.txt", tmp_path / "tmp"
    temporary.mkdir()
    with err.open("w") as stderr:
        serving = subprocess.Popen(
            [sys.executable, "-m", "needmap", "serve", str(make_study()), "--port", "0"],
            stderr=stderr,
            env={**os.environ, "TMPDIR": str(temporary)},
        )
        wait_for(lambda: "Built " in err.read_text())
        serving.terminate()
        code = serving.wait(timeout=30)
    assert code == 0
    assert err.read_text().rstrip().endswith("Stopped watching.")
    assert not any(temporary.iterdir())  # the temporary folder is removed
