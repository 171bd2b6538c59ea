"""The top-task ranking as a table: terminal-neutral rows, then Markdown, CSV, XLSX and JSON.

Group columns of hidden groups read ``n<5`` (the study's minimum) in every format; their
respondent counts and weights are never written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from needmap.model.toptasks import GroupBreakdown, TopTasks
from needmap.reports.i18n import (
    Language,
    format_count,
    labels,
    note_text,
    number_key,
    sentence_start,
)
from needmap.reports.print_layout import PRINTED
from needmap.reports.sheet_cells import (
    SheetNumber,
    count_cell,
    decimal_cell,
    percent_cell,
    whole_cell,
)
from needmap.reports.table_formats import (
    column_pixels,
    csv_bytes,
    csv_text,
    finish_sheet,
    json_share,
    markdown_cell,
    note_columns,
    put_text,
    write_in_format,
)
from needmap.reports.wrapping import BOUND, PrintedWidth

__all__ = [
    "RANKING_FORMATS",
    "RankingTable",
    "build_evidence",
    "build_group_ranking",
    "build_ranking",
    "build_weights",
    "group_ranking_to_json",
    "neck_text",
    "print_parts",
    "ranking_tables",
    "ranking_to_csv",
    "ranking_to_markdown",
    "ranking_to_xlsx",
    "respondents_label",
    "summary_text",
    "toptasks_to_json",
    "write_ranking",
]


def _pct(value: float | None, language: Language) -> str:
    return "" if value is None else percent_cell(value, language)


def respondents_label(group: GroupBreakdown, language: Language) -> str:
    """``n=12.514``: a shown group's respondents, as the language writes numbers; empty
    for a hidden group, whose count is never shown."""
    return "" if group.respondents is None else f"n={format_count(group.respondents, language)}"


PRINT_GROUP_COLUMNS = 8
"""At most this many group columns in one printed table: beside the names of the rows and
the overall figures, an A4 page holds no more."""


@dataclass(frozen=True)
class RankingTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    in_coverage: tuple[bool, ...]
    notes: tuple[str, ...]
    marks_column: int | None = None
    """The column of coverage marks (●), centred; None (the default) when the table has none."""
    sheet: str = "Top tasks"
    """Its sheet's name in a workbook."""
    text_columns: tuple[int, ...] = (1,)
    """Columns of text, aligned left (the others hold numbers or marks)."""
    language: Language = field(kw_only=True)
    """The language of its text, which CSV's delimiter follows."""
    group_columns: tuple[int, ...] = field(default=(), kw_only=True)
    """Its columns of one group each, which print splits up where there are many
    (:func:`print_parts`)."""
    key_columns: tuple[int, ...] = field(default=(0,), kw_only=True)
    """The columns that say which row is which, printed beside each part of the groups."""
    part_title: str = field(default="", kw_only=True)
    """The title of each printed part of the group columns, with ``{part}`` and ``{parts}``."""
    groups_title: str = field(default="", kw_only=True)
    """The title of the group columns printed as one table of their own: the whole table
    is too wide for the page, its group columns beside the key columns are not."""
    row_header: int | None = field(default=None, kw_only=True)
    """The column whose cell names its row (the task, the need, the group): the row's
    heading in HTML, which a screen reader names with each of the row's cells."""

    @property
    def many_groups(self) -> bool:
        """More group columns than a printed page holds (:data:`PRINT_GROUP_COLUMNS`)."""
        return len(self.group_columns) > PRINT_GROUP_COLUMNS

    @property
    def group_headings(self) -> tuple[str, ...]:
        """The headings of the group columns, in order."""
        return tuple(self.header[i] for i in self.group_columns)


def build_ranking(result: TopTasks, language: Language) -> RankingTable:
    """Rows in rank order: rank, task, votes, share, weighted share (when weighted: unweighted
    results have none, and an empty column read as a gap), cumulative, coverage mark, per
    group."""
    words = labels(language)
    hidden = words["tt.suppressed"].format(n=result.min_group_size)
    covered = set(result.coverage)
    weighted = result.order == "weighted"
    header = [
        words["tt.rank"],
        words["tt.task"],
        words["tt.votes"],
        words["tt.share"],
        *([words["tt.weighted"]] if weighted else []),
        words["tt.cumulative"],
        words["tt.coverage"].format(pct=f"{result.coverage_target:.0%}"),
    ]
    overall = len(header)
    for group in result.groups:
        n = respondents_label(group, language)
        header.append(f"{group.name} ({n})" if n else group.name)
    rows = []
    for task, cumulative in zip(result.tasks, result.cumulative, strict=True):
        row = [
            whole_cell(task.rank),
            task.label,
            count_cell(task.votes, language),
            _pct(task.share, language),
            *([_pct(task.weighted_share, language)] if weighted else []),
            _pct(cumulative, language),
            "●" if task.id in covered else "",
        ]
        row += [
            hidden if g.suppressed else _pct(g.shares[task.id], language) for g in result.groups
        ]
        rows.append(tuple(row))
    notes = [
        summary_text(result, language),
        words[number_key("tt.coverage_line", len(result.coverage))].format(
            count=len(result.coverage), tasks=len(result.tasks), pct=f"{result.coverage_target:.0%}"
        ),
    ]
    if result.suppressed:
        notes.append(words["tt.suppressed_note"].format(n=result.min_group_size))
    for note in result.notes:
        text = note_text(note, language)
        notes.append(sentence_start(text) + ".")
    return RankingTable(
        language=language,
        title=words["tt.title"].format(title=result.title),
        sheet=words["tt.sheet"],
        header=tuple(header),
        rows=tuple(rows),
        in_coverage=tuple(t.id in covered for t in result.tasks),
        notes=tuple(notes),
        marks_column=overall - 1,
        group_columns=tuple(range(overall, len(header))),
        key_columns=(0, 1),
        row_header=1,
        part_title=words["tt.per_group_part"],
        groups_title=words["tt.per_group"],
    )


def neck_text(result: TopTasks, language: Language) -> str:
    """'The long neck: 3 tasks take a quarter of the votes.' in the study's language."""
    return labels(language)[number_key("tt.neck_line", len(result.neck))].format(
        count=len(result.neck)
    )


def summary_text(result: TopTasks, language: Language) -> str:
    """'514 respondents, 2,071 votes on 22 tasks; weighted shares.' in the study's language."""
    return labels(language)["tt.summary"].format(
        respondents=format_count(result.respondents, language),
        votes=format_count(result.votes, language),
        tasks=len(result.tasks),
        order=labels(language)[f"tt.order.{result.order}"],
    )


def print_parts(table: RankingTable) -> tuple[RankingTable, ...]:
    """``table`` as a printed page shows it: whole, where it fits an A4 page; else its other
    columns, then its group columns in as few tables as fit the page beside the key columns
    (of even size, at most :data:`PRINT_GROUP_COLUMNS` each).

    A table fits when its columns, each as wide as the widest word of its heading or its
    cells (:func:`_printed_widths`), add up to the page's width: eight groups of long names
    ran off the page's edge, where the browser engine cannot wrap a word."""
    groups = table.group_columns
    widths = _printed_widths(table)
    if not groups or (not table.many_groups and sum(widths) <= PRINTED.page):
        return (table,)
    return _split(table, widths, PRINTED.page, -(-len(groups) // PRINT_GROUP_COLUMNS))


def terminal_parts(table: RankingTable, width: int) -> tuple[RankingTable, ...]:
    """``table`` as a terminal ``width`` characters wide shows it: whole, where its
    columns fit (each as wide as its widest cell, or its heading's widest word, and a space;
    a text column at least :data:`TERMINAL_TEXT` wide, its words wrapping); else split as
    :func:`print_parts` splits it for the page. Two years of monthly search exports, a
    column each, ran far past the terminal's edge."""
    widths = [
        1
        + max(
            max(map(len, table.header[i].split()), default=0),
            TERMINAL_TEXT
            if i in table.text_columns
            else max((len(row[i]) for row in table.rows), default=0),
        )
        for i in range(len(table.header))
    ]
    if not table.group_columns or sum(widths) <= width:
        return (table,)
    return _split(table, widths, width, 1)


TERMINAL_TEXT = 18
"""The least width of a text column in the terminal (a need's title), in characters."""


def _split(
    table: RankingTable, widths: Sequence[float], page: float, count: int
) -> tuple[RankingTable, ...]:
    """The table's other columns, then its group columns in ``count`` or more even runs,
    as few as fit ``page`` beside the key columns (one group column each at most)."""
    groups = table.group_columns
    room = page - sum(widths[i] for i in table.key_columns)
    chunks = _even_chunks(groups, count)
    while count < len(groups) and any(sum(widths[i] for i in c) > room for c in chunks):
        count += 1
        chunks = _even_chunks(groups, count)
    others = [i for i in range(len(table.header)) if i not in groups]
    parts = [_columns(table, others, table.title)]
    for number, chunk in enumerate(chunks, start=1):
        title = (
            table.part_title.format(part=number, parts=len(chunks))
            if len(chunks) > 1
            else table.groups_title
        )
        parts.append(_columns(table, [*table.key_columns, *chunk], title))
    return tuple(parts)


def _even_chunks(columns: tuple[int, ...], count: int) -> list[tuple[int, ...]]:
    """``columns`` in ``count`` runs of even size (the first ones one longer if need be)."""
    size, larger = divmod(len(columns), count)
    starts = [n * size + min(n, larger) for n in range(count + 1)]
    return [columns[starts[n] : starts[n + 1]] for n in range(count)]


def _printed_widths(table: RankingTable) -> list[float]:
    """Each column's least width in print, in CSS pixels: its heading's widest word (a
    short word and the next are one in a group's heading, as the pages keep them: see
    :func:`~needmap.reports.wrapping.keep_short_words`), or its widest cell (a word of a
    text column, else the whole cell), with their padding; the second column at least
    :attr:`~needmap.reports.print_layout.PrintedTable.task_em` wide."""
    measure = PrintedWidth()
    widths = []
    for i, heading in enumerate(table.header):
        if i in table.group_columns:
            words = BOUND.findall(heading)
            size, padding = PRINTED.group, 2 * PRINTED.group_padding
        else:
            words, size, padding = heading.split(), PRINTED.text, 2 * PRINTED.padding
        if i in table.text_columns:
            cells = [w for row in table.rows for w in row[i].split()]
        else:
            cells = [row[i] for row in table.rows]  # numbers and marks, never wrapped
        least = PRINTED.task_em * PRINTED.text if i == 1 else 0.0
        widths.append(
            max(
                max((measure(w, size, bold=True) for w in words), default=0.0) + padding,
                max([least, *(measure(c, PRINTED.text) for c in cells)]) + 2 * PRINTED.padding,
            )
        )
    return widths


def _columns(table: RankingTable, keep: Sequence[int], title: str) -> RankingTable:
    """The columns ``keep`` of ``table``, under ``title``."""
    return replace(
        table,
        title=title,
        header=tuple(table.header[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
        marks_column=keep.index(table.marks_column) if table.marks_column in keep else None,
        text_columns=tuple(n for n, i in enumerate(keep) if i in table.text_columns),
        group_columns=tuple(n for n, i in enumerate(keep) if i in table.group_columns),
        row_header=keep.index(table.row_header) if table.row_header in keep else None,
    )


def build_group_ranking(
    result: TopTasks, group: GroupBreakdown, language: Language
) -> RankingTable:
    """One shown group's ranking: rank, task and share of the group's own votes.

    ``group`` comes from :func:`~needmap.model.toptasks.group_breakdown`, which refuses
    hidden groups, so nothing here can show a group below the minimum size.
    """
    words = labels(language)
    label_of = {t.id: t.label for t in result.tasks}
    order = group.ranked()
    return RankingTable(
        language=language,
        title=words["tt.title"].format(title=result.title)
        + f" — {group.name} ({respondents_label(group, language)})",
        header=(words["tt.rank"], words["tt.task"], words["tt.share"]),
        rows=tuple(
            (whole_cell(rank), label_of[task], _pct(group.shares[task], language))
            for rank, task in enumerate(order, start=1)
        ),
        in_coverage=(False,) * len(order),
        notes=(),
        marks_column=None,
        sheet=group.name,
    )


def build_evidence(result: TopTasks, language: Language) -> RankingTable:
    """The needs the tasks are evidence for: each need's votes and shares, summed over the
    tasks that map to it, in the order of the task ranking."""
    words = labels(language)
    weighted = result.order == "weighted"
    header = [words["tt.rank"], words["need"], words["tt.votes"], words["tt.share"]]
    header += [words["tt.weighted"]] if weighted else []
    rows = []
    for rank, e in enumerate(result.needs, start=1):
        row = [whole_cell(rank), e.title, count_cell(e.votes, language), _pct(e.share, language)]
        rows.append(tuple([*row, _pct(e.weighted_share, language)] if weighted else row))
    return RankingTable(
        language=language,
        title=words["tt.needs"],
        sheet=words["tt.needs"],
        header=tuple(header),
        rows=tuple(rows),
        in_coverage=(False,) * len(rows),
        notes=(),
        marks_column=None,
        row_header=1,
    )


def build_weights(result: TopTasks, language: Language) -> RankingTable | None:
    """Each weighted group's respondents, people, response rate and weight; None when the
    results are not weighted. A hidden group reads ``n<5`` in all but its people: its
    respondents, and so its response and weight, are not shown."""
    if not result.weights:
        return None
    words = labels(language)
    hidden = words["tt.suppressed"].format(n=result.min_group_size)
    rows: list[tuple[str, ...]] = []
    for group in result.groups:
        if group.group not in result.weights:
            continue
        people = result.headcounts[group.group] or 0  # weighted: each group has one, >= 1
        weight = result.weights[group.group]
        shown_people = count_cell(people, language)
        if group.respondents is None or weight is None:
            rows.append((group.name, hidden, shown_people, hidden, hidden))
            continue
        response = _pct(group.respondents / people, language)
        respondents = count_cell(group.respondents, language)
        weighs = decimal_cell(weight, language, places=2)
        rows.append((group.name, respondents, shown_people, response, weighs))
    columns = ("tt.w.group", "tt.w.respondents", "tt.w.headcount", "tt.w.response", "tt.w.weight")
    return RankingTable(
        language=language,
        title=words["tt.weights"],
        sheet=words["tt.w.sheet"],
        header=tuple(words[k] for k in columns),
        rows=tuple(rows),
        in_coverage=(False,) * len(rows),
        notes=(words["tt.w.note"],),
        marks_column=None,
        text_columns=(0,),
        row_header=0,
    )


def ranking_tables(
    result: TopTasks, language: Language, held_again: str | None = None
) -> list[RankingTable]:
    """The tables of a survey's results, in the order every format gives them: the
    ranking, the evidence for needs, and (when weighted) the weights. ``held_again`` (the
    title of a later run that repeats this survey) is said under the ranking's first note,
    as on the page: this run's evidence for needs no longer counts."""
    weights = build_weights(result, language)
    ranking = build_ranking(result, language)
    if held_again is not None:
        first, *rest = ranking.notes
        held = labels(language)["tt.held_again"].format(later=held_again)
        ranking = replace(ranking, notes=(first, held, *rest))
    tables = [ranking, build_evidence(result, language)]
    return tables if weights is None else [*tables, weights]


def ranking_to_markdown(table: RankingTable, level: int = 2) -> str:
    """The table under a heading of ``level`` (2: a section of a report), its notes below
    it; it ends with its last line, so that the tables of a report joined by a blank line
    stand one blank line apart. A table without rows is its notes alone (say, that no
    search log was read yet), as on the HTML page: a header over nothing tells nothing."""
    cell = markdown_cell
    lines = [f"{'#' * level} {cell(table.title)}"]
    if table.rows:
        aligns = [
            " --- " if i in table.text_columns else " :-: " if i == table.marks_column else " ---: "
            for i in range(len(table.header))
        ]
        lines += ["", "| " + " | ".join(cell(h) for h in table.header) + " |"]
        lines.append("|" + "|".join(aligns) + "|")
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table.rows]
    if table.notes:
        lines += ["", *(f"_{cell(note)}_  " for note in table.notes)]
    return "\n".join(lines) + "\n"


def ranking_to_csv(table: RankingTable) -> str:
    return csv_text([table.header, *table.rows], table.language)


def ranking_to_xlsx(*tables: RankingTable) -> bytes:
    """A workbook with a sheet per table: frozen headings, filters, text as text and
    numbers (:class:`~needmap.reports.sheet_cells.SheetNumber`) as numbers."""
    from openpyxl import Workbook

    workbook = Workbook()
    for i, table in enumerate(tables):
        sheet = workbook.active if i == 0 else workbook.create_sheet()
        sheet.title = _sheet_title(table.sheet)
        _fill_sheet(sheet, table)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """Excel refuses sheet names over 31 characters or with any of []:*?/\\."""
    return "".join(c for c in title if c not in "[]:*?/\\")[:31].strip() or "Sheet"


_WIDEST = 60
"""The widest a column is made, in characters."""
_LINE_HEIGHT = 15
"""Points per line of text in a row (Excel's default row, in its default font)."""


def _fill_sheet(sheet: Any, table: RankingTable) -> None:
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    band = PatternFill("solid", fgColor="E3EEF6")
    rows = [table.header, *table.rows]
    # as wide as the longest line below the heading, and as its longest word (the heading
    # wraps between words): at least 10 characters, at most _WIDEST
    widths = [
        min(max(_longest(heading.split()), _longest(_cell_lines(table.rows, c)), 8) + 2, _WIDEST)
        for c, heading in enumerate(table.header)
    ]
    # text that stands right of a number (the roadmap's "after" beside its effort) keeps a
    # space from it, which the cells alone do not
    after_number = {c for c in table.text_columns if c > 0 and c - 1 not in table.text_columns}
    for r, values in enumerate(rows, start=1):
        # text of several lines (a persona's goals) or wider than its column (a persona's
        # summary) wraps, its row as tall as its longest cell, read from the top
        lines = max(_lines_in(value, width) for value, width in zip(values, widths, strict=True))
        tall = r > 1 and lines > 1
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, SheetNumber):
                cell.value = value.value
                cell.number_format = value.excel_format
            else:
                put_text(cell, str(value))
            if r > 1:
                cell.alignment = Alignment(
                    horizontal=None if c - 1 in table.text_columns else "right",
                    vertical="top" if tall else None,
                    wrap_text=tall or None,
                    indent=1 if c - 1 in after_number else 0,
                )
            if r > 1 and table.in_coverage[r - 2]:
                cell.fill = band
        if tall:  # Excel sizes a row to its wrapped text only when it is edited
            sheet.row_dimensions[r].height = min(lines * _LINE_HEIGHT, 409)
    # each note across the table's width (or its first page's), wrapped: a note left to
    # run on past the last column is cut off where Excel prints one page wide, and
    # LibreOffice prints the whole sheet smaller to fit it
    span = note_columns([column_pixels(width) for width in widths])
    for i, note in enumerate(table.notes, start=len(rows) + 2):
        cell = sheet.cell(row=i, column=1)
        put_text(cell, note)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if span > 1:
            sheet.merge_cells(start_row=i, start_column=1, end_row=i, end_column=span)
        lines = _lines_in(note, sum(widths[:span]))
        sheet.row_dimensions[i].height = min(lines * _LINE_HEIGHT, 409)
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    numbers = [c for c in range(len(table.header)) if c not in table.text_columns]
    aligned = dict.fromkeys(numbers, "right")
    finish_sheet(sheet, len(table.header), len(rows), aligned, indented=after_number)


def _longest(texts: Iterable[str]) -> int:
    return max(map(len, texts), default=0)


def _cell_lines(rows: Iterable[Sequence[str]], column: int) -> Iterator[str]:
    return (line for row in rows for line in row[column].split("\n"))


def _lines_in(text: str, width: int) -> int:
    """About the lines ``text`` takes wrapped in a column ``width`` characters wide: a
    column's characters are its font's digits, wider than most letters, which makes up for
    the cell's padding and the words carried over whole."""
    return sum(max(1, -(-len(line) // width)) for line in text.split("\n"))


def _tables_to_markdown(tables: Sequence[RankingTable]) -> str:
    """A file of tables: the first headed as the file's title, the others as its sections."""
    first, *rest = tables
    return "\n".join([ranking_to_markdown(first, level=1), *(ranking_to_markdown(t) for t in rest)])


RANKING_FORMATS: dict[str, Callable[[Sequence[RankingTable]], bytes]] = {
    ".md": lambda tables: _tables_to_markdown(tables).encode("utf-8"),
    ".csv": lambda tables: csv_bytes(ranking_to_csv(tables[0])),
    ".xlsx": lambda tables: ranking_to_xlsx(*tables),
}
"""Markdown and XLSX hold every table given; CSV, one table by nature, the first."""


def write_ranking(
    tables: Sequence[RankingTable],
    path: Path,
    *,
    hint: str = "use .html or .pdf for a page, .md, .csv or .xlsx for a table, "
    ".png or .svg for a chart",
) -> None:
    """Write the ranking (and the tables after it) as the suffix asks: .md, .csv or .xlsx;
    ``hint`` is shown for another suffix."""
    write_in_format(RANKING_FORMATS, tables, path, "top tasks", hint)


def group_ranking_to_json(result: TopTasks, group: GroupBreakdown) -> dict[str, Any]:
    """The stable JSON of ``needmap toptasks --group G --json`` (docs/json-output.md)."""
    label_of = {t.id: t.label for t in result.tasks}
    return {
        "survey": result.survey,
        "title": result.title,
        "group": group.group,
        "name": group.name,
        "respondents": group.respondents,
        "tasks": [
            {
                "id": task,
                "label": label_of[task],
                "rank": rank,
                "share": round(group.shares[task], 4),
            }
            for rank, task in enumerate(group.ranked(), start=1)
        ],
    }


def toptasks_to_json(result: TopTasks, held_again: tuple[str, str] | None = None) -> dict[str, Any]:
    """The stable JSON of ``needmap toptasks --json`` (docs/json-output.md); ``held_again``
    the id and title of the imported run that repeats this survey, if any."""
    return {
        "survey": result.survey,
        "title": result.title,
        "held_again": (
            None if held_again is None else {"survey": held_again[0], "title": held_again[1]}
        ),
        "order": result.order,
        "respondents": result.respondents,
        "votes": result.votes,
        "coverage": {"target": result.coverage_target, "tasks": list(result.coverage)},
        "neck": list(result.neck),
        "weights": {g: json_share(w) for g, w in result.weights.items()},
        "weighting_note": "; ".join(note_text(note, "en") for note in result.notes),
        "min_group_size": result.min_group_size,
        "tasks": [
            {
                "id": t.id,
                "label": t.label,
                "rank": t.rank,
                "votes": t.votes,
                "share": json_share(t.share),
                "weighted_share": json_share(t.weighted_share),
                "cumulative": json_share(c),
            }
            for t, c in zip(result.tasks, result.cumulative, strict=True)
        ],
        "groups": [
            {
                "group": g.group,
                "name": g.name,
                "suppressed": g.suppressed,
                "respondents": g.respondents,
                "shares": {t: json_share(s) for t, s in g.shares.items()},
            }
            for g in result.groups
        ],
        "disagreements": [
            {
                "task": d.task,
                "spread": json_share(d.spread),
                "highest": d.highest,
                "lowest": d.lowest,
            }
            for d in result.disagreements[:10]
        ],
        "needs": [
            {
                "need": e.need,
                "title": e.title,
                "tasks": list(e.tasks),
                "votes": e.votes,
                "share": json_share(e.share),
                "weighted_share": json_share(e.weighted_share),
            }
            for e in result.needs
        ],
    }
