"""The demo's search log as read over three months: the template's export, and the two
months before it made up beside it.

A template's log holds one month's export; the demo's reads its months together as one log
(``file:`` a pattern, as the docs advise for the monthly exports of one search box), so
that its reports show each need's searches month by month. The made-up months are the
template's with fewer searches the further back: a few less of those that found something,
many less of those that found nothing (content gaps grow as people give up on other ways
to find it), each term's count varied a little with a fixed seed.
"""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path

from needmap.fileio import write_bytes_atomic, write_text_atomic
from needmap.personas.yamledit import BOM, YamlEdit
from needmap.personas.yamlsource import read_yaml_text
from needmap.reports.i18n import Language, month_name
from needmap.surveys.searchlog import names_several
from needmap.surveys.tables import open_table

__all__ = ["MONTHS_BEFORE", "add_earlier_months"]

MONTHS_BEFORE = 2
"""How many months before the template's the demo makes up."""
_KEPT_PER_MONTH = {True: 0.85, False: 0.6}
"""Of a term's searches, the share that the month before had: terms that found something
(True) and those that found nothing (False)."""
_WORD = re.compile(r"[^\W\d_]+")


def add_earlier_months(path: Path, language: Language, seed: int = 2026) -> list[Path]:
    """Write beside the search log at ``path`` (a template's, as ``needmap init`` wrote it,
    naming one export whose name holds its month, in English or Dutch) the exports of the
    :data:`MONTHS_BEFORE` months before, and edit the log to read them all: ``file:`` a
    pattern in the month's place, ``period:`` from the first month, ``gap_from`` as many
    times as the months (the docs' rule). Returns the exports written; none where the log
    already names several or its export's name holds no month."""
    text = path.read_text(encoding="utf-8").removeprefix(BOM)
    document = read_yaml_text(text, path)
    data = document.data
    file = str(data["file"])
    month = _month_in(file)
    if month is None or names_several(file):
        return []
    number, word = month
    export = path.parent / file
    table = open_table(export)
    searches = table.column(data["columns"]["searches"])
    results = table.column(data["columns"]["results"])
    rows = list(table.rows)
    raw = export.read_bytes()
    rnd = random.Random(seed)
    written = []
    for back in range(MONTHS_BEFORE, 0, -1):
        earlier = month_name((number - back - 1) % 12 + 1, language).lower()
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=table.how.delimiter, lineterminator="\r\n")
        writer.writerow(table.header)
        for row in rows:
            found = results is None or int(row[results] or 0) > 0
            kept = _KEPT_PER_MONTH[found] ** back * rnd.uniform(0.85, 1.15)
            made_up = list(row)
            if searches is not None:
                made_up[searches] = str(max(1, round(int(row[searches]) * kept)))
            writer.writerow(made_up)
        target = export.with_name(export.name.replace(word, earlier, 1))
        bom = BOM.encode() if raw.startswith(BOM.encode()) else b""
        write_bytes_atomic(target, bom + buffer.getvalue().encode("utf-8"))
        written.append(target)
    first = month_name((number - MONTHS_BEFORE - 1) % 12 + 1, language)
    edit = YamlEdit(text, document)
    changed = {
        **data,
        "file": file.replace(word, "*", 1),
        "gap_from": int(data.get("gap_from", 20)) * (MONTHS_BEFORE + 1),
    }
    edit.set_value(("file",), changed["file"])
    edit.set_value(("gap_from",), changed["gap_from"])
    if "period" in data:
        changed["period"] = f"{first}\u2013{data['period']}"
        edit.set_value(("period",), changed["period"])
    write_text_atomic(path, edit.result(changed))
    return written


def _month_in(name: str) -> tuple[int, str] | None:
    """The month a file name holds by its full name (English or Dutch), and the word."""
    for word in _WORD.findall(name):
        for language in ("en", "nl"):
            names = [month_name(m, language).lower() for m in range(1, 13)]
            if word.lower() in names:
                return names.index(word.lower()) + 1, word
    return None
