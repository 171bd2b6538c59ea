"""The needs table: needs grouped by kind, one column per circle, importance in the cells.

This module shapes the data once; the Markdown, HTML, CSV, XLSX and terminal renderers all
read the same :class:`NeedsTable`, so every format shows the same rows, order and codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from needmap.errors import Location, Problem, UsageError
from needmap.model.overlap import KIND_ORDER, Overlap, need_order
from needmap.model.platform import PlatformAdvice
from needmap.personas.messages import did_you_mean
from needmap.personas.schema import Kind
from needmap.personas.study import Study
from needmap.reports.i18n import Language, labels

__all__ = ["COMPACT_FROM", "NeedsTable", "TableRow", "build_needs_table", "parse_kinds"]

COMPACT_FROM = 11
"""From this many columns the table marks importance with a letter and has a key of the
letters under its title; printed, it heads the columns by letter too: on an A4 page (or a
laptop's screen) full names and words no longer fit."""


@dataclass(frozen=True, slots=True)
class TableRow:
    need_id: str
    title: str
    kind: Kind
    cells: tuple[str, ...]
    """The importance for each column, translated; "" where the unit does not need it."""
    levels: tuple[str, ...]
    """The same as importance keywords (must/should/could/""), for styling."""
    region: str
    """Region code, e.g. "AB" or "R3"."""
    region_label: str
    """The code with what it means: "ABC · core", "A · only Baliemedewerkers"."""
    is_core: bool
    placement: str


@dataclass(frozen=True, slots=True)
class NeedsTable:
    title: str
    columns: tuple[str, ...]
    """Column headings: "A · Baliemedewerkers"."""
    letters: tuple[str, ...]
    """Each column's letter alone: "A"."""
    short: dict[str, str]
    """Each importance keyword's one-letter mark, for a printed table of many columns."""
    key: str
    """What the letters of a compact printed table stand for: columns, then marks."""
    kinds: tuple[tuple[Kind, str], ...]
    """The kinds present, in order, with their translated heading."""
    rows: tuple[TableRow, ...]
    headers: tuple[str, str, str, str]
    """Translated headings of the kind, need, region and placement columns."""
    legend: str
    language: Language = "en"
    """The study's language: a page of the table declares it."""

    def rows_of(self, kind: Kind) -> tuple[TableRow, ...]:
        return tuple(r for r in self.rows if r.kind == kind)

    @property
    def compact(self) -> bool:
        """Whether the page marks importance, and print heads columns, by letter (see
        :data:`COMPACT_FROM`)."""
        return len(self.columns) >= COMPACT_FROM


def parse_kinds(names: Sequence[str] | None) -> tuple[Kind, ...] | None:
    """Kinds named on the command line (in any case), checked; None means all."""
    if names is None:
        return None
    if not names:
        raise UsageError.single(
            "no kind of need named", hint="name one or more of: content, function, technology"
        )
    problems = [
        Problem(
            Location(),
            f"unknown kind of need '{name}'",
            hint=did_you_mean(name, KIND_ORDER) or "use content, function or technology",
        )
        for name in names
        if name.casefold() not in KIND_ORDER
    ]
    if problems:
        raise UsageError(problems)
    named = {name.casefold() for name in names}
    return tuple(k for k in KIND_ORDER if k in named)


def build_needs_table(
    study: Study,
    overlap: Overlap,
    advice: PlatformAdvice,
    kinds: Sequence[Kind] | None = None,
) -> NeedsTable:
    """The table of ``overlap``'s needs, limited to ``kinds`` (all when None)."""
    words = labels(study.settings.language)
    wanted = tuple(k for k in KIND_ORDER if kinds is None or k in kinds)
    regions = overlap.region_of
    shared = set(advice.shared_needs)
    names = {u.id: u.name for u in overlap.units}
    rows = []
    for need in sorted((study.need_by_id[n] for n in overlap.importance), key=need_order):
        if need.kind not in wanted:
            continue
        by_unit = overlap.importance[need.id]
        levels = tuple(by_unit.get(u.id, "") for u in overlap.units)
        region = regions[need.id]
        is_core = region.degree == len(overlap.units) and len(overlap.units) > 1
        if is_core:
            meaning = words["core"]
        elif region.degree == 1:
            meaning = words["only"].format(name=names[region.units[0]])
        else:
            meaning = words["shared_by"].format(count=region.degree)
        rows.append(
            TableRow(
                need_id=need.id,
                title=need.title,
                kind=need.kind,
                cells=tuple(words[f"importance.{lv}"] if lv else "" for lv in levels),
                levels=levels,
                region=region.code,
                region_label=f"{region.code} · {meaning}",
                is_core=is_core,
                placement=words["placement.shared" if need.id in shared else "placement.specific"],
            )
        )
    present = {r.kind for r in rows}
    columns = tuple(f"{u.letter} · {u.name}" for u in overlap.units)
    short = {lv: words[f"importance.short.{lv}"] for lv in ("must", "should", "could")}
    return NeedsTable(
        title=words["table.title.family" if overlap.by_family else "table.title"],
        columns=columns,
        letters=tuple(u.letter for u in overlap.units),
        short=short,
        key=f"{words['table.key']}: {'; '.join(columns)}. "
        + ", ".join(f"{mark} = {words[f'importance.{lv}']}" for lv, mark in short.items())
        + ".",
        kinds=tuple((k, words[f"kind.{k}"]) for k in wanted if k in present),
        rows=tuple(rows),
        headers=(words["kind"], words["need"], words["region"], "Platform"),
        legend=words["legend.importance"],
        language=study.settings.language,
    )
