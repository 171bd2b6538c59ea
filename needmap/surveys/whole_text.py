"""Count a clean CSV export from its whole text, with no loop over its rows.

The row readers of :mod:`needmap.surveys.layouts` look at every cell in a Python loop,
which costs more than reading the file. Most exports are clean, though: every row as wide
as the header, every task cell written one of two ways (``Y`` and empty, or full answers
such as ``Yes`` and ``Not selected``), every group answer known, every respondent with one
to ``max_picks`` tasks. For those, one regular expression over the file's bytes checks
every row and picks out the cells that count, and bytes methods written in C count them.

Anything else (a row of another width, a lone carriage return, a task cell written a third
way, quoted and plain task cells mixed, an unknown or empty group answer, a respondent
with no task or too many) makes :func:`count_limesurvey_text` decline, with nothing
counted. The row reader then reads the file and reports each problem at its row and
column. So this way only counts files that the row reader would count without a word, and
counts them the same: ``tests/test_whole_text.py`` compares the two on generated exports.
A respondent's key on two rows raises :class:`~needmap.surveys.counting.RowsRepeated`,
as the row reader would.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from needmap.surveys.answers import CHOSEN, NOT_CHOSEN
from needmap.surveys.counting import Counts, check_keys
from needmap.surveys.tables import DataBytes

__all__ = ["count_limesurvey_text"]

_SAMPLE_ROWS = 20
"""Rows read with the csv module to learn how this export writes its task cells."""


class _Words(NamedTuple):
    """How this export writes a chosen task and one not chosen (``Y`` and empty, or
    ``Yes`` and ``Not selected``), and whether in quotes, as LimeSurvey writes every cell."""

    chosen: bytes
    empty: bytes
    quoted: bool
    key: bytes
    """A byte that ``chosen`` holds once and ``empty`` not at all: all a cell needs to keep
    to tell the two apart."""


_QUOTED_FIELD = b'"[^"]*+(?:""[^"]*+)*+"'
"""A CSV cell in double quotes, a quote inside doubled. Possessive, as :func:`_plain_field`."""


def _plain_field(escaped_delimiter: bytes) -> bytes:
    """A CSV cell with no quote, delimiter or line break. Possessive: giving characters
    back cannot help, since the next thing must be a delimiter or the line's end."""
    return b"[^" + escaped_delimiter + b'"\r\n]*+'


@lru_cache(maxsize=16)
def _limesurvey_row(
    width: int, delimiter: bytes, group: int, key: int, first: int, stop: int, words: _Words
) -> re.Pattern[bytes]:
    """A whole row of ``width`` cells, capturing the row, its group answer, its key (if
    ``key`` is a column) and, as one string, its task cells ``first`` to ``stop``, each
    written as ``words`` says (a plain cell may also be empty); the groups in the order of
    their columns. The key is quoted as the task cells are, or the row does not match:
    then keys that differ as bytes differ as text (``"7"`` and ``7`` are one key).

    A row starts at a line's start and ends with its line feed; a quoted cell may hold
    line breaks, as in the csv module. The task cells are spelled out one by one: a run
    of their bytes would be quicker to match, but where more cells follow, it would
    swallow those that look alike and give them back one byte at a time, matching the
    rest of the row at each."""
    d = re.escape(delimiter)
    field = _QUOTED_FIELD + b"|" + _plain_field(d)
    key_field = _QUOTED_FIELD if words.quoted else _plain_field(d)
    either = b"(?:" + re.escape(words.chosen) + b"|" + re.escape(words.empty) + b")"
    cell = b'"' + either + b'"' if words.quoted else either + b"?"
    cells: list[bytes] = []
    for column in range(width):
        if column == group:
            cells.append(b"(" + field + b")")
        elif column == key:
            cells.append(b"(" + key_field + b")")
        elif column == first:
            cells.append(b"(" + d.join([cell] * (stop - first)) + b")")
        elif not first < column < stop:
            cells.append(b"(?:" + field + b")")
    return re.compile(b"(?m)^(" + d.join(cells) + b"\r?\n)")


def _unquoted(cell: str) -> str:
    return cell[1:-1].replace('""', '"') if cell.startswith('"') else cell


def count_limesurvey_text(
    data: DataBytes, width: int, group: int, tasks: Sequence[int], counts: Counts, key: int = -1
) -> bool:
    """Count a LimeSurvey export from its data rows, if it is clean (see the module's
    docstring); return whether it was counted. ``tasks`` are the task columns in the
    mapping's order: they must stand side by side, in that order. ``key``: the column
    that identifies a respondent, if the mapping names one (-1 if not)."""
    raw, start, delimiter, codec = data
    first, stop = tasks[0], tasks[0] + len(tasks)
    if list(tasks) != list(range(first, stop)) or first <= group < stop or start >= len(raw):
        return False
    if key == group or first <= key < stop:  # the pattern captures each column once
        return False
    words = _words(raw, start, delimiter, codec, width, first, stop)
    if words is None:
        return False
    if not raw.endswith(b"\n"):
        raw, start = raw[start:] + b"\n", 0
    end = delimiter.encode()
    columns = sorted(c for c in (group, key, first) if c >= 0)
    at_answer, at_run = 1 + columns.index(group), 1 + columns.index(first)
    rows = _limesurvey_row(width, end, group, key, first, stop, words).findall(raw, start)
    if sum(map(len, map(itemgetter(0), rows))) != len(raw) - start:
        return False  # rows that are not whole and clean were stepped over
    if key >= 0:
        _check_keys(rows, 1 + columns.index(key), codec)
    runs_by_answer: dict[bytes, list[bytes]] = {}
    for found in rows:
        runs_by_answer.setdefault(found[at_answer], []).append(found[at_run])
    runs_by_slot: dict[int, list[bytes]] = {}
    for answer, runs in runs_by_answer.items():
        slot = counts.slot(_unquoted(answer.decode(codec, errors="replace")))
        if slot < 0:
            return False
        runs_by_slot.setdefault(slot, []).extend(runs)
    counted: list[tuple[int, int, list[int]]] = []
    for slot, runs in runs_by_slot.items():
        votes = _votes(runs, end, len(tasks), counts.mapping.max_picks, words.key)
        if votes is None:
            return False
        counted.append((slot, len(runs), votes))
    for slot, respondents, votes in counted:
        counts.add_counted(slot, respondents, votes)
    return True


def _check_keys(rows: list[tuple[bytes, ...]], at: int, codec: str) -> None:
    """Raise :class:`~needmap.surveys.counting.RowsRepeated` if a respondent's key is on
    two rows. The pattern let the keys through quoted all alike, so keys that differ as
    bytes differ as text; only where some repeat are they read as text, as the row reader
    reads them (an empty one is no key)."""
    cells = list(map(itemgetter(at), rows))
    if len(set(cells)) < len(cells):
        check_keys([_unquoted(c.decode(codec, errors="replace")) for c in cells])


def _words(
    raw: bytes, start: int, delimiter: str, codec: str, width: int, first: int, stop: int
) -> _Words | None:
    """How the first rows write their task cells: one way for chosen, one for not (``Y``
    and empty unless the rows show otherwise; an empty plain cell is not chosen either),
    quoted or not; None if they write either two ways, or something else. Only a guess to
    build the pattern on: the pattern checks every cell."""
    end = start - 1
    for _ in range(_SAMPLE_ROWS):
        found = raw.find(b"\n", end + 1)
        if found < 0:
            end = len(raw)
            break
        end = found
    sample = raw[start : end + 1]
    rows = csv.reader(
        io.StringIO(sample.decode(codec, errors="replace"), newline=""), delimiter=delimiter
    )
    try:
        values = {value for row in rows if len(row) == width for value in row[first:stop]}
    except csv.Error:  # a cell over the csv module's size limit: the row reader reports it
        return None
    chosen = [v for v in values if v.strip().casefold() in CHOSEN]
    empty = [v for v in values if v and v.strip().casefold() in NOT_CHOSEN]
    if len(chosen) > 1 or len(empty) > 1 or len(chosen) + len(empty) != len(values - {""}):
        return None
    yes = (chosen[0] if chosen else "Y").encode(codec)
    no = (empty[0] if empty else "").encode(codec)
    if any(b in b'"\r\n' + delimiter.encode() for b in yes + no):
        return None
    key = next((bytes([b]) for b in yes if yes.count(b) == 1 and b not in no), None)
    if key is None:
        return None
    return _Words(yes, no, b'"' + yes + b'"' in sample, key)


@lru_cache(maxsize=16)
def _all_but(*kept: bytes) -> bytes:
    """Every byte value but ``kept``: what ``bytes.translate`` is to delete."""
    return bytes(b for b in range(256) if bytes([b]) not in kept)


def _votes(
    runs: list[bytes], delimiter: bytes, tasks: int, max_picks: int, key: bytes
) -> list[int] | None:
    """Votes per task from the respondents' runs of task cells (checked by the pattern),
    or None if a respondent chose no task or more than ``max_picks``.

    The runs are joined with a delimiter and a line feed after each, so that every cell
    ends with a delimiter. Keeping only the delimiters, the line feeds and the byte that
    tells chosen from not (``key``), and making that byte and its delimiter one, leaves one
    byte per cell: task ``i``'s cells are every ``tasks + 1``-th byte from ``i``. Without
    the delimiters, each line holds a respondent's picks."""
    cells = (delimiter + b"\n").join(runs) + delimiter + b"\n"
    one_per_cell = cells.translate(None, _all_but(key, delimiter, b"\n")).replace(
        key + delimiter, key
    )
    picks = b"\n" + one_per_cell.translate(None, delimiter)
    if b"\n\n" in picks or key * (max_picks + 1) in picks:
        return None
    line = tasks + 1
    return [one_per_cell[i::line].count(key) for i in range(tasks)]
