"""The console needmap prints to, which passes no control character of what it shows.

What needmap prints holds text from outside: a search term a visitor typed, an answer in
a survey export, a file's name. An escape sequence in such text would recolour, clear or
retitle the user's terminal. The readers take control characters out of what they read
(:mod:`needmap.controls`), and problem messages name them; this console is the last guard:
it takes every control character out of the text it renders, at every level (a table's
cells, a spinner's message), while the styles and cursor moves rich writes itself, which
are kept apart from the text, pass as they are.

Output to a file or a pipe also loses the spaces rich pads a table's lines with at their
ends, which a terminal does not show but a file, ``diff`` or ``grep`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from needmap.controls import CONTROLS

__all__ = ["TextOnlyConsole", "new_console"]

_LINE_END_PADDING = re.compile(r" +$", re.MULTILINE)


class TextOnlyConsole(Console):
    """A rich console whose rendered text holds no control character."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or segment.text.isprintable():
                yield segment
            else:
                yield Segment(CONTROLS.sub("", segment.text), segment.style)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        text = super()._render_buffer(buffer)
        return text if self.is_terminal else _LINE_END_PADDING.sub("", text)


def new_console(*, stderr: bool = False) -> Console:
    """A console for what needmap prints: no highlighting of numbers and paths (the
    colours mean something), long lines left whole, and no control character let through."""
    return TextOnlyConsole(stderr=stderr, highlight=False, soft_wrap=True)
