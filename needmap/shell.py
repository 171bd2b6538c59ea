"""How a path is written in a command that needmap suggests, so that it can be copied."""

from __future__ import annotations

import shlex
from pathlib import Path

__all__ = ["command_word"]


def command_word(path: Path | str) -> str:
    """``path`` as one word of a shell command: in quotes when it holds a space or another
    character a shell would split at or expand (``'mijn studie'``), else as it is. A study
    folder named by its organisation ("Gemeente Voorbeeldstad") is common."""
    return shlex.quote(str(path))
