"""The Markdown reports as markdownlint reads them (CONTRIBUTING says how to run it): each
file headed by its title (a file of guides, each guide by its own), headings one level
down at a time, one blank line between blocks."""

from __future__ import annotations

import html
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap.cli import app
from needmap.reports.table_formats import markdown_cell, markdown_line

_HEADING = re.compile(r"(#{1,6}) \S")


def _headings(text: str) -> list[int]:
    """The level of each heading, in order (table rows, list items and quotes start
    otherwise)."""
    return [len(m.group(1)) for line in text.splitlines() if (m := _HEADING.match(line))]


def test_every_markdown_report_reads_as_one_document(demo: Path) -> None:
    files = sorted(demo.glob("*.md"))
    assert len(files) >= 9  # the brief, guide, evidence, tables, personas, roadmap
    for path in files:
        text = path.read_text(encoding="utf-8")
        levels = _headings(text)
        assert levels[0] == 1 and text.startswith("# "), path.name  # the title first
        # one title, but in a file of several groups' guides, each printed on its own
        assert levels.count(1) == 1 or path.name.startswith("guide"), path.name
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skipped, path.name  # a heading at most one level below the one before
        assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n"), path.name


def test_a_needs_table_of_its_own_is_headed_by_its_title(demo: Path, tmp_path: Path) -> None:
    table = (demo / "needs-groups.md").read_text(encoding="utf-8")
    assert table.startswith("# Needs per target group\n\n## Content\n")
    # in the overview, the same table is a section under the overview's title
    out = tmp_path / "overview.md"
    result = CliRunner().invoke(app, ["report", str(demo / "study"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    overview = out.read_text(encoding="utf-8")
    assert overview.startswith("# ") and _headings(overview).count(1) == 1
    assert "\n## Needs per target group\n\n### Content\n" in overview


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("# Werkplek", "\\# Werkplek"),  # a heading
        ("> Intranet", "\\> Intranet"),  # a quote
        ("- Intranet", "\\- Intranet"),  # a list item
        ("+ Intranet", "\\+ Intranet"),
        ("1. Intranet", "1\\. Intranet"),  # an ordered list item
        ("2026) Intranet", "2026\\) Intranet"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)>"),
        ("[Log in](javascript:x)", "\\[Log in](javascript:x)"),
        ("*rooster*", "\\*rooster\\*"),
        ("a | b", "a \\| b"),
        ("#intranet", "#intranet"),  # no heading without a space
        ("-Intranet", "-Intranet"),
        ("C# en .NET", "C# en .NET"),
        ("2026 in cijfers", "2026 in cijfers"),
        ("n<5, < 30%", "n<5, < 30%"),
        ("hr_portal", "hr_portal"),
        ("---", "\\---"),  # a rule, or the line under a heading
        ("-- -", "\\-- -"),  # a rule: dashes, spaces between
        ("===", "\\==="),
        ("-", "\\-"),  # an empty list item
        ("~~weg~~", "\\~\\~weg\\~\\~"),  # struck through on GitHub
        ("&copy; 2026", "\\&copy; 2026"),  # an entity
        ("Tom & Jerry", "Tom & Jerry"),
    ],
)
def test_a_text_is_written_so_that_nothing_in_it_becomes_markup(text: str, written: str) -> None:
    """At the start of a line (a paragraph, a list item); in a table's cell or after other
    text, a heading's, quote's or list's mark is plain already and stays as written (the
    ranking's ``#`` column)."""
    assert markdown_line(text) == written
    if not re.match(r"(#+|>|[-+]|\d+[.)])( |$)|([- ]+|=+)$", text):
        assert markdown_cell(text) == written
    else:
        assert markdown_cell(text) == text


_MARKDOWN_TEXT = st.lists(
    st.sampled_from([*"ab1 #>-+=~*_`[]()<>!&;|\\:/.", "http://x", "&copy;", "&#35;", "<img"]),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(parts).strip())


@settings(max_examples=500, deadline=None)
@given(_MARKDOWN_TEXT)
def test_a_line_renders_as_the_text_written(text: str) -> None:
    """As CommonMark with GitHub's strikethrough and tables reads it, a text started on a
    line of its own or under a paragraph's line (where ``---`` or ``===`` would make that
    a heading) is a paragraph of exactly the text written, and in a table's cell, a cell
    of it."""
    from markdown_it import MarkdownIt

    assume(text)
    renderer = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    shown = html.escape(text, quote=False)
    assert renderer.render(markdown_line(text)) == f"<p>{shown}</p>\n"
    assert renderer.render("Intro\n" + markdown_line(text)) == f"<p>Intro\n{shown}</p>\n"
    table = renderer.render(f"| Term |\n| --- |\n| {markdown_cell(text)} |\n")
    assert f"<td>{shown}</td>" in table
