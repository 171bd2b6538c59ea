"""How a file was read, said in a language: "CSV, UTF-8 met BOM, gescheiden door puntkomma's".

The reader's guesses (encoding, delimiter, which sheet, notes above the header) are worth
saying wherever a file's contents are shown: a wrong guess shows first in the labels and
terms read. The commands' own messages say it in English; reports in the study's language.
"""

from __future__ import annotations

from needmap.reports.i18n import Language, labels, number_key
from needmap.surveys.tables import HowRead

__all__ = ["how_read_text"]

_DELIMITERS = {";": "read.semicolon", ",": "read.comma", "\t": "read.tab"}


def how_read_text(how: HowRead, language: Language) -> str:
    """``how`` as a phrase of ``language``, its parts joined by commas."""
    words = labels(language)
    parts = [how.kind]
    if how.sheet is not None:
        parts.append(words["read.sheet"].format(sheet=how.sheet))
    else:
        encoding = words["read.utf8_bom"] if how.encoding == "UTF-8 with BOM" else how.encoding
        delimiter = words[_DELIMITERS.get(how.delimiter, "read.other")]
        parts += [encoding, delimiter.format(delimiter=how.delimiter)]
    if how.declared:
        parts.append(words["read.declared"])
    if how.notes:
        unit = "read.notes_rows" if how.sheet is not None else "read.notes_lines"
        parts.append(words[number_key(unit, how.notes)].format(n=how.notes))
    if how.doubled:
        parts.append(words["read.doubled"])
    if how.empty_before:
        parts.append(
            words[number_key("read.empty_before", how.empty_before)].format(n=how.empty_before)
        )
    return ", ".join(parts)
