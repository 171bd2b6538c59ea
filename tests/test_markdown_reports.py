"""The Markdown reports as markdownlint reads them (CONTRIBUTING says how to run it): each
file headed by its title (a file of guides, each guide by its own), headings one level
down at a time, one blank line between blocks."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from typer.testing import CliRunner

from needmap.cli import app

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
