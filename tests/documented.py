"""The command lines the README and the pages of docs/ give, read from their code blocks."""

from __future__ import annotations

import shlex
from pathlib import Path

REPOSITORY = Path(__file__).parent.parent
"""The repository's folder: README.md, docs/, CHANGELOG.md."""


def documented_calls() -> list[tuple[str, list[str]]]:
    """Every ``needmap …`` line in the code blocks of the README and docs/, with its
    continuation lines, as (where, words); comments after ``#`` left out, quoted words
    kept whole."""
    calls = []
    for path in [REPOSITORY / "README.md", *sorted((REPOSITORY / "docs").glob("*.md"))]:
        in_block, pending, start = False, "", 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("```"):
                in_block = not in_block
                continue
            if not in_block:
                continue
            text = line.split(" #")[0].strip()
            if pending:
                pending += " " + text
            elif text.startswith("needmap "):
                pending, start = text, number
            else:
                continue
            if pending.endswith("\\"):
                pending = pending[:-1]
                continue
            calls.append((f"{path.name}:{start}", shlex.split(pending)[1:]))  # as a shell reads it
            pending = ""
    return calls
