"""What the tests of the commands that edit a study's files share: the files as text, a
check that every comment is kept, and a Dutch and an English template to edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from needmap import init_study


def files_of(root: Path) -> dict[str, str]:
    """The text of each YAML and JSON file below ``root``, by its path from there."""
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in (".yaml", ".json")
    }


def assert_comments_kept(before: dict[str, str], after: dict[str, str]) -> None:
    """Every comment line of every file is still there, in its order."""
    for name, text in before.items():
        comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
        assert comments == [
            line.strip() for line in after[name].splitlines() if line.strip().startswith("#")
        ], name


def dutch_and_english_templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A study of the gemeente template and one of the company template."""
    roots = []
    for template in ("gemeente", "company"):
        roots.append(tmp_path_factory.mktemp(template) / "study")
        init_study(roots[-1], template)
    return roots
