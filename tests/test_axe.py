"""Every HTML report, checked by axe-core itself in Chromium, at a phone's, a small
window's and a desktop's width: what a screen reader and a keyboard need (names, headings,
contrast, landmarks, regions that scroll). ``tests/test_accessibility.py`` keeps to a few
of these without a browser; this runs the whole rule set on the pages as a browser lays
them out (a table scrolls sideways only where the window is narrow).

Chromium comes from the system (Debian's ``chromium``, which the README's test command
installs where it is missing), driven by Playwright; axe-core comes with
axe-playwright-python. Without a Chromium the tests are skipped, saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Browser

_WIDTHS = (375, 800, 1280)
"""A phone's, a window's default in headless Chromium, a desktop's."""

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium: the README's test command installs Debian's"
)


def _violations(browser: Browser, pages: list[Path], width: int) -> list[str]:
    """Each rule a page breaks at ``width``, with the elements that break it."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tab = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for path in pages:
        tab.goto(path.as_uri())
        for rule in axe.run(tab).response["violations"]:
            where = "; ".join(" ".join(node["target"]) for node in rule["nodes"][:3])
            found.append(f"{path.name} at {width}px: {rule['id']} ({rule['help']}): {where}")
    tab.close()
    return found


@pytest.mark.parametrize("width", _WIDTHS)
def test_every_report_passes_axe_core(browser: Browser, html_pages: list[Path], width: int) -> None:
    assert _violations(browser, html_pages, width) == []


def test_axe_core_finds_what_it_is_meant_to(browser: Browser, tmp_path: Path) -> None:
    """The check can fail: a picture without a text and a box that scrolls out of the
    keyboard's reach are found."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><title>Broken</title></head><body><main>'
        '<h1>Broken</h1><img src="chart.png"><div style="overflow:auto;width:40px">'
        f"<pre>{'x' * 80}</pre></div></main></body></html>",
        encoding="utf-8",
    )
    found = _violations(browser, [page], 800)
    assert [line.split(": ")[1].split(" (")[0] for line in found] == [
        "image-alt",
        "scrollable-region-focusable",
    ]
