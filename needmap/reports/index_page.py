"""An index page for a folder of reports: a card per kind of report, as a reader looks for
them, each file named for what it holds and its format, with the diagrams shown small.

A file list alone made the steering group guess that ``needs-families.xlsx`` is the table
of the circles' needs; each card says what its reports are for and who reads them.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from needmap.fileio import write_text_atomic
from needmap.personas.study import Study
from needmap.reports.i18n import format_date, labels
from needmap.reports.jinja import render_report

__all__ = ["write_index_page"]

_SECTIONS = (
    "brief",
    "overlap",
    "toptasks",
    "personas",
    "roadmap",
    "interviews",
    "searches",
    "files",
)
"""The cards in the order a reader goes through a study: the decision first."""

_FORMATS = {
    ".html": "index.format.page",
    ".pdf": "index.format.pdf",
    ".xlsx": "index.format.xlsx",
    ".csv": "index.format.csv",
    ".md": "index.format.md",
    ".svg": "index.format.svg",
    ".png": "index.format.png",
}
"""Format label keys by suffix, in the order an entry lists them (the page first, to read
on screen); each has ``.tip`` (what the format is good for) beside it."""

_REPORTS = ("brief", "personas", "roadmap", "interviews", "searches")
"""Reports whose file stem names their card."""


@dataclass
class _Link:
    href: str
    format: str
    tip: str


@dataclass
class _Entry:
    label: str
    links: list[_Link] = field(default_factory=list)


@dataclass
class _Card:
    key: str
    title: str
    about: str
    entries: dict[str, _Entry] = field(default_factory=dict)
    """By label (one per file stem), in the order the files were written."""
    pictures: list[tuple[str, str]] = field(default_factory=list)
    """(href, label) of the diagrams and charts shown small on the card."""


def _place(
    stem: str,
    study: Study,
    surveys: Mapping[str, str],
    words: Mapping[str, str],
    earlier: Collection[str],
) -> tuple[str, str]:
    """The card a file of this stem goes on, and the label of its entry there: a run a
    later one repeats (``earlier``) says it was held again."""
    if stem in _REPORTS:
        return stem, words[f"index.entry.{stem}"]
    for prefix in ("overlap", "needs", "diagram"):
        for unit in ("groups", "families"):
            if stem == f"{prefix}-{unit}":
                return "overlap", words[f"index.entry.{prefix}.{unit}"]
    if stem == "guides":
        return "interviews", words["index.entry.guides"]
    if stem.startswith("guide-"):
        names = {group.id: group.name for group in study.groups}
        name = names.get(stem.removeprefix("guide-"), stem.removeprefix("guide-"))
        return "interviews", words["index.entry.guide"].format(group=name)
    compared = stem.removeprefix("compare-").removesuffix("-chart")
    if stem == f"compare-{compared}-chart" and compared in surveys:
        return "toptasks", words["index.entry.chart.compare"].format(survey=surveys[compared])
    for prefix in ("questions", "compare"):
        if stem.startswith(f"{prefix}-"):
            survey = stem.removeprefix(f"{prefix}-")
            label = words[f"index.entry.{prefix}"]
            return "toptasks", label.format(survey=surveys.get(survey, survey))
    if stem.startswith("toptasks-"):
        survey = stem.removeprefix("toptasks-")
        for chart in ("neck", "groups"):
            if survey.endswith(f"-{chart}") and survey.removesuffix(f"-{chart}") in surveys:
                title = surveys[survey.removesuffix(f"-{chart}")]
                return "toptasks", words[f"index.entry.chart.{chart}"].format(survey=title)
        title = surveys.get(survey, survey)
        if survey in earlier:
            return "toptasks", words["index.entry.toptasks.earlier"].format(survey=title)
        return "toptasks", title
    return "files", stem


def _shown_small(stem: str, earlier: Collection[str]) -> bool:
    """The overlap diagrams, the long-neck charts and the charts of a survey held again:
    what a reader recognises a report by. Not the neck of a run a later one repeats
    (``earlier``): the chart of the tasks then and now stands for it."""
    if stem.startswith("toptasks-") and stem.endswith("-neck"):
        return stem.removeprefix("toptasks-").removesuffix("-neck") not in earlier
    return stem.startswith("diagram-") or (stem.startswith("compare-") and stem.endswith("-chart"))


def _cards(
    study: Study,
    files: Sequence[Path],
    out: Path,
    surveys: Mapping[str, str],
    earlier: Collection[str],
) -> list[_Card]:
    words = labels(study.settings.language)
    cards = {
        key: _Card(key, words[f"index.{key}"], words[f"index.about.{key}"]) for key in _SECTIONS
    }
    for path in files:
        href = os.path.relpath(path, out)
        if href.startswith(".."):
            continue
        # A report of the build stands beside the index; a file below it is the study's
        # (a survey's tally), whatever its name looks like: "toptasks-2026.tally.json".
        own = Path(href).parent == Path()
        key, label = _place(path.stem, study, surveys, words, earlier) if own else ("files", href)
        if key == "files":  # any other file: an entry of its own, by its name
            label = href
        card = cards[key]
        entry = card.entries.setdefault(label, _Entry(label))
        format_key = _FORMATS.get(path.suffix)
        if format_key is None:
            entry.links.append(_Link(href, path.suffix.lstrip(".").upper() or href, ""))
        else:
            entry.links.append(_Link(href, words[format_key], words[f"{format_key}.tip"]))
        if path.suffix == ".png" and _shown_small(path.stem, earlier):
            card.pictures.append((href, label))
    if not any(path.stem.startswith("toptasks-") for path in files):  # no survey held yet
        cards["toptasks"].about = words["index.about.questions"]
    order = list(_FORMATS)
    for card in cards.values():
        for entry in card.entries.values():
            entry.links.sort(key=lambda link: _rank(link.href, order))
    return [card for card in cards.values() if card.entries]


def _rank(href: str, order: list[str]) -> int:
    suffix = Path(href).suffix
    return order.index(suffix) if suffix in order else len(order)


def write_index_page(
    study: Study,
    files: Sequence[Path],
    out: Path,
    glance: Sequence[tuple[str, str]] = (),
    surveys: Mapping[str, str] | None = None,
    day: date | None = None,
    earlier: Collection[str] = (),
) -> Path:
    """Write ``out/index.html`` linking ``files`` (those inside ``out``), under the study at
    a glance (the brief's cover lines) when given; returns its path.

    ``surveys`` maps a top-task survey's id to its title, so its files (its results, or
    its questions while it is not held) are named by it.
    ``day``, the day of the build, is said under the title: a page opened weeks later
    tells how current its reports are. ``earlier``: the ids of the runs a later imported
    run repeats (the comparison of the latest run shows them), whose charts are not shown
    small.
    """
    words = labels(study.settings.language)
    page = out / "index.html"
    write_text_atomic(
        page,
        render_report(
            "index.html.j2",
            language=study.settings.language,
            title=words["index.title"],
            organisation=study.settings.organisation,
            study_name=study.settings.name,
            cards=_cards(study, files, out, surveys or {}, earlier),
            glance_title=words["brief.glance"],
            glance=glance,
            built=words["index.built"].format(date=format_date(day, study.settings.language))
            if day
            else "",
        ),
    )
    return page
