"""The one jinja2 Environment of needmap's reports: package templates, autoescape always on."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from needmap import __version__
from needmap.reports.print_layout import PRINTED
from needmap.reports.wrapping import keep_short_words, upright_height

__all__ = ["PAGE_LAYOUT", "environment", "render_report"]

PAGE_LAYOUT = "base.html.j2"
"""A report on its own: a whole HTML page."""
CHAPTER_LAYOUT = "chapter.html.j2"
"""A report as one chapter (a ``<section>``) of a larger document: the steering-group brief."""


@cache
def environment() -> Environment:
    """The Environment, made once; report templates extend ``layout`` (see
    :func:`render_report`). Jinja compiles a template the first time it is asked for and
    keeps it in its Environment: with a fresh one for every page, a build compiled 85
    templates (the base and the macros again for each page), 0.3 s of a 3.8 s build
    (``benchmarks/templates.py``). Nothing changes the Environment after it is made."""
    env = Environment(
        loader=PackageLoader("needmap", "reports/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["version"] = __version__
    env.globals["printed"] = PRINTED
    env.filters["keep_short_words"] = keep_short_words
    env.filters["upright_height"] = upright_height
    return env


def render_report(template: str, chapter: str | None = None, **context: Any) -> str:
    """Render a report template as a whole page, or, given ``chapter`` (the section's id), as
    that chapter of the brief: the same template either way, so both tell the same story."""
    if chapter is None:
        return environment().get_template(template).render(layout=PAGE_LAYOUT, **context)
    return (
        environment()
        .get_template(template)
        .render(layout=CHAPTER_LAYOUT, chapter_id=chapter, **context)
    )
