"""An index page linking every output in a folder, grouped as a reader looks for them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from needmap.fileio import write_text_atomic
from needmap.personas.study import Study
from needmap.reports.i18n import labels
from needmap.reports.jinja import render_report

__all__ = ["write_index_page"]

_KINDS = {
    ".html": "index.page",
    ".pdf": "index.pdf",
    ".png": "index.picture",
    ".svg": "index.picture",
}
_REPORTS = {
    "brief.": "index.brief",
    "personas.": "index.personas",
    "roadmap.": "index.roadmap",
    "interviews.": "index.interviews",
    "searches.": "index.searches",
}
"""Reports with a section of their own, by the start of their file name."""


def write_index_page(
    study: Study,
    files: Sequence[Path],
    out: Path,
    glance: Sequence[tuple[str, str]] = (),
) -> Path:
    """Write ``out/index.html`` linking ``files`` (those inside ``out``), under the study at
    a glance (the brief's cover lines) when given; returns its path."""
    words = labels(study.settings.language)
    sections: dict[str, list[tuple[str, str]]] = {
        words["index.brief"]: [],
        words["index.overlap"]: [],
        words["index.toptasks"]: [],
        words["index.personas"]: [],
        words["index.roadmap"]: [],
        words["index.interviews"]: [],
        words["index.searches"]: [],
        words["index.files"]: [],
    }
    for path in files:
        relative = os.path.relpath(path, out)
        if relative.startswith(".."):
            continue
        kind = words[
            _KINDS.get(
                path.suffix,
                "index.table" if path.suffix in (".md", ".csv", ".xlsx") else "index.data",
            )
        ]
        if path.suffix == ".html" and path.name.startswith("overlap-"):
            sections[words["index.overlap"]].append((relative, kind))
        elif path.suffix == ".html" and path.name.startswith("toptasks-"):
            sections[words["index.toptasks"]].append((relative, kind))
        elif path.name.startswith(("guide-", "guides.")):  # interview guides: with the interviews
            kind = words["index.text"] if path.suffix == ".md" else kind
            sections[words["index.interviews"]].append((relative, kind))
        elif path.name.startswith(tuple(_REPORTS)):
            if path.suffix == ".md":
                kind = words["index.text"]
            section = _REPORTS[path.name.split(".")[0] + "."]
            sections[words[section]].append((relative, kind))
        else:
            sections[words["index.files"]].append((relative, kind))
    page = out / "index.html"
    write_text_atomic(
        page,
        render_report(
            "index.html.j2",
            language=study.settings.language,
            title=words["index.title"],
            organisation=study.settings.organisation,
            study_name=study.settings.name,
            sections=[(name, links) for name, links in sections.items() if links],
            glance_title=words["brief.glance"],
            glance=glance,
        ),
    )
    return page
