"""The one jinja2 Environment of needmap's reports: package templates, autoescape always on."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["environment"]


def environment() -> Environment:
    """A fresh Environment; templates extend ``base.html.j2``."""
    return Environment(
        loader=PackageLoader("needmap", "reports/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
