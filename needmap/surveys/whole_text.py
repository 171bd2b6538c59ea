"""Count a clean CSV export from its whole text, with no loop over its rows.

The row readers of :mod:`needmap.surveys.layouts` look at every cell in a Python loop,
which costs more than reading the file. Most exports are clean, though: every row as wide
as the header, every task cell empty or ``Y``, every group answer known, every respondent
with one to ``max_picks`` tasks. For those, one regular expression over the whole text
picks out the cells that count, and string methods written in C do the counting.

Anything else (a row of another width, a lone carriage return, a task cell that is quoted
or holds another value, an unknown or empty group answer, a respondent with no task or too
many) makes :func:`count_limesurvey_text` decline, with nothing counted. The row reader
then reads the file and reports each problem at its row and column. So this way only
counts files that the row reader would count without a word, and counts them the same:
``tests/test_whole_text.py`` compares the two on generated exports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

from needmap.surveys.counting import Counts
from needmap.surveys.tables import DataText

__all__ = ["count_limesurvey_text"]

_CHOSEN = "Y"


def _field(delimiter: str) -> str:
    """A CSV cell: in double quotes (a quote inside doubled), or plain with no quote,
    delimiter or line break. A plain cell is possessive: giving characters back cannot
    help, since the next thing must be a delimiter or the line's end."""
    d = re.escape(delimiter)
    return f'"[^"]*+(?:""[^"]*+)*+"|[^{d}"\\r\\n]*+'


@lru_cache(maxsize=16)
def _limesurvey_row(
    width: int, delimiter: str, group: int, first: int, stop: int
) -> re.Pattern[str]:
    """A whole row of ``width`` cells, capturing the group answer and, as one string, the
    task cells ``first`` to ``stop`` (only ``Y``, quotes and delimiters; :func:`_votes`
    checks that they make cells).

    Rows are anchored at a line's start, and each ends with its line feed, so each match is
    one line. The task run is greedy but not possessive: cells after it may be empty or
    ``Y`` too, and the run gives back what they need to make up the row."""
    field = _field(delimiter)
    cells: list[str] = []
    for column in range(width):
        if column == group:
            cells.append(f"({field})")
        elif column == first:
            cells.append(f'([{_CHOSEN}"{re.escape(delimiter)}]*)')
        elif not first < column < stop:
            cells.append(f"(?:{field})")
    return re.compile("(?m)^" + re.escape(delimiter).join(cells) + "\\r?\\n")


def _unquoted(cell: str) -> str:
    return cell[1:-1].replace('""', '"') if cell.startswith('"') else cell


def count_limesurvey_text(
    whole: DataText, width: int, group: int, tasks: Sequence[int], counts: Counts
) -> bool:
    """Count a LimeSurvey export from its data rows' text, if it is clean (see the
    module's docstring); return whether it was counted. ``tasks`` are the task columns in
    the mapping's order: they must stand side by side, in that order."""
    text, delimiter = whole
    first, stop = tasks[0], tasks[0] + len(tasks)
    if list(tasks) != list(range(first, stop)) or first <= group < stop or not text:
        return False
    if not text.endswith("\n"):
        text += "\n"
    rows = _limesurvey_row(width, delimiter, group, first, stop).findall(text)
    if len(rows) != text.count("\n"):  # a line that is not one whole, clean row
        return False
    runs_by_answer: dict[str, list[str]] = {}
    for answer, run in rows:
        runs_by_answer.setdefault(answer, []).append(run)
    runs_by_slot: dict[int, list[str]] = {}
    for answer, runs in runs_by_answer.items():
        slot = counts.slot(_unquoted(answer))
        if slot < 0:
            return False
        runs_by_slot.setdefault(slot, []).extend(runs)
    counted: list[tuple[int, int, list[int]]] = []
    for slot, runs in runs_by_slot.items():
        votes = _votes(runs, delimiter, len(tasks), counts.mapping.max_picks)
        if votes is None:
            return False
        counted.append((slot, len(runs), votes))
    for slot, respondents, votes in counted:
        counts.add_counted(slot, respondents, votes)
    return True


def _votes(runs: list[str], delimiter: str, tasks: int, max_picks: int) -> list[int] | None:
    """Votes per task from the respondents' runs of task cells, or None if a run has
    another number of cells, a cell other than ``Y`` and empty (all plain) or ``"Y"`` and
    ``""`` (all quoted, as LimeSurvey writes them), or a respondent chose no task or more
    than ``max_picks``.

    The runs are joined with a delimiter after each, as bytes (a run holds only ``Y``,
    quotes and delimiters). Quoted cells are checked as whole pieces, cell and delimiter:
    if the pieces ``"Y",`` and ``"",`` end at every delimiter and add up to the whole
    length, they are all there is. With the quotes gone, each ``Y,`` becomes ``Y``, so every
    cell is one byte and task ``i``'s cells are every ``tasks``-th byte from ``i``."""
    if set(map(str.count, runs, repeat(delimiter))) != {tasks - 1}:
        return None
    picks = list(map(str.count, runs, repeat(_CHOSEN)))
    if min(picks) < 1 or max(picks) > max_picks:
        return None
    cells = (delimiter.join(runs) + delimiter).encode("ascii")
    end, chosen = delimiter.encode("ascii"), _CHOSEN.encode("ascii")
    count = len(runs) * tasks
    if b'"' in cells:
        quoted_chosen, quoted_empty = (
            cells.count(b'"' + chosen + b'"' + end),
            cells.count(b'""' + end),
        )
        if (
            quoted_chosen + quoted_empty != count
            or len(cells) != 4 * quoted_chosen + 3 * quoted_empty
        ):
            return None
        cells = cells.translate(None, b'"')
    elif chosen * 2 in cells:
        return None
    one_per_cell = cells.replace(chosen + end, chosen)
    return [one_per_cell[i::tasks].count(chosen) for i in range(tasks)]
