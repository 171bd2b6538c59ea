"""A page printed from the browser, as a user prints an HTML report that has no PDF of its
own (the comparison of two runs of a survey, a table written as a page): Chromium must
keep to the print stylesheet as WeasyPrint does for the PDFs (``tests/test_pdf.py``).
Without a Chromium the tests are skipped, saying so."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from tests.conftest import CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium: the README's test command installs Debian's"
)


def _printed(browser: Browser, space: int) -> list[str]:
    """A table as the reports write it, with its caption, ``space`` mm below the page's
    title, printed by Chromium on A4: the text of each page."""
    from needmap.reports.jinja import environment

    page = environment().from_string(
        '{% extends "base.html.j2" %}{% block content %}<h1>Rows</h1>'
        '<div style="height: {{ space }}mm"></div>'
        '<div class="table-wrap"><table class="needs ranking"><caption>The caption</caption>'
        "<thead><tr><th>Row</th></tr></thead><tbody>{% for i in range(12) %}<tr><td>row "
        "{{ i }} of the table</td></tr>{% endfor %}</tbody></table></div>{% endblock %}"
    )
    tab = browser.new_page()
    tab.set_content(page.render(language="en", title="Rows", space=space))
    pdf = tab.pdf(format="A4", landscape=True)
    tab.close()
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_table_s_caption_and_headings_print_with_its_first_rows(browser: Browser) -> None:
    """A table that starts at a page's foot, wherever that is: Chromium left its caption
    and its headings alone there (the comparison page printed from the browser) and
    started the rows on the next page."""
    alone = []
    for space in range(120, 166, 3):
        pages = _printed(browser, space)
        for text in pages:
            if "The caption" in text and "row 0 of the table" not in text:
                alone.append(space)
        assert sum(t.count("of the table") for t in pages) == 12
    assert not alone
