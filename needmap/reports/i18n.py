"""The words reports use, in Dutch and English, and how numbers and dates are written.

A dictionary per language (:mod:`needmap.reports.words_en`, :mod:`needmap.reports.words_nl`)
holds every label, by key; the study's ``language`` picks one. Every key exists in both
languages (a test checks it). The dictionaries have modules of their own, as they grow with
every report, and the functions here stay short to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Literal

from needmap.model.notes import Note
from needmap.reports import words_en, words_nl

if TYPE_CHECKING:
    from matplotlib.ticker import FuncFormatter

__all__ = [
    "Language",
    "count_ticks",
    "counted",
    "format_count",
    "format_date",
    "format_decimal",
    "format_percent",
    "format_points",
    "labels",
    "month_name",
    "note_text",
    "sentence_start",
]

Language = Literal["nl", "en"]

_LABELS: Mapping[str, Mapping[str, str]] = {"en": words_en.WORDS, "nl": words_nl.WORDS}


_FAMILY_VARIANTS = (
    "diagram.title",
    "upset.bars",
    "upset.sizes",
    "upset.legend.core",
    "upset.legend.single",
    "col.group",
    "col.groups",
    "overlap.regions",
)
"""The labels that say "groups" where the circles are groups; each has a ``.family``
variant that says "families"."""


def labels(language: Language, *, by_family: bool = False) -> Mapping[str, str]:
    """The labels of ``language``; ``by_family``, those of an overlap of families."""
    if not by_family:
        return _LABELS[language]
    words = _LABELS[language]
    return {**words, **{key: words[f"{key}.family"] for key in _FAMILY_VARIANTS}}


def number_key(key: str, count: int) -> str:
    """The label ``key``, or its singular ``key.one`` when ``count`` is 1."""
    return f"{key}.one" if count == 1 else key


def counted(number: int, noun: str, language: Language) -> str:
    """``number`` with its noun in the right number: "1 interview", "3 interviews" (the
    labels ``count.NOUN.one`` and ``count.NOUN``)."""
    words = labels(language)
    if number == 1:
        return words[f"count.{noun}.one"]
    return words[f"count.{noun}"].format(n=format_count(number, language))


def count_ticks(language: Language) -> FuncFormatter:
    """A chart axis's ticks as the language writes counts (1.200 in Dutch, not 1200)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: format_count(int(value), language))


def format_count(number: int, language: Language) -> str:
    """A whole number with the language's thousands separator: 4.200 (nl), 4,200 (en)."""
    text = f"{number:,}"
    return text.replace(",", ".") if language == "nl" else text


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def month_name(month: int, language: Language) -> str:
    """The name of ``month`` (1 is January) as written in a date: May (en), mei (nl)."""
    return _MONTHS[language].split()[month - 1]


def format_date(day: date, language: Language) -> str:
    """30 November 2026 (en) or 30 november 2026 (nl): a date as people write it."""
    return f"{day.day} {month_name(day.month, language)} {day.year}"


def format_decimal(number: float, language: Language, places: int = 1) -> str:
    """A number with ``places`` decimals and the language's decimal sign: 2.5 (en), 2,5 (nl);
    1,234.5 with thousands (1.234,5).

    Dutch writes a decimal comma and a thousands point (see :func:`format_count`), so a
    point in a Dutch report would read as thousands.
    """
    text = f"{number:,.{places}f}"
    return text.translate(_DUTCH_SIGNS) if language == "nl" else text


_DUTCH_SIGNS = str.maketrans(",.", ".,")
"""English's thousands comma and decimal point, swapped as Dutch writes them."""


def format_percent(share: float, language: Language, places: int = 1) -> str:
    """A share (0.123) as a percentage: 12.3% (en), 12,3% (nl).

    A share above nought that would round to 0% reads <0.1% (<1% with no places), and
    one short of the whole that would round to 100% reads >99.9%: a rounded 0% says
    "none at all", which a region of five needs is not.
    """
    percent = share * 100
    step = 10.0**-places
    if 0 < percent < step / 2:
        return f"<{format_decimal(step, language, places)}%"
    if 100 - step / 2 <= percent < 100:
        return f">{format_decimal(100 - step, language, places)}%"
    return f"{format_decimal(percent, language, places)}%"


def format_points(points: float, language: Language) -> str:
    """Effort points as the roadmap shows them: 8, or 2.5 (2,5 in Dutch); 1,500 (1.500)."""
    if float(points).is_integer():
        return format_count(int(points), language)
    return format_decimal(points, language)


_NOTE_NUMBERS = frozenset({"points", "capacity"})
"""The values of notes that are numbers (written as Python writes them, as the model has
no language), which a note writes as its language does (:func:`format_points`)."""


def sentence_start(text: str) -> str:
    """``text`` with a capital first letter, as it reads at the start of a sentence.

    Dutch capitalises both letters of "ij" ("IJsselland") and writes "één" as "Eén"
    (the accent stays on the second e, the form the templates and most Dutch text use);
    ``str.capitalize`` would also lower the rest ("KCC" to "Kcc").
    """
    if text[:2] == "ij":
        return "IJ" + text[2:]
    if text[:2] == "éé":
        return "Eé" + text[2:]
    return text[:1].upper() + text[1:]


def note_text(note: Note, language: Language) -> str:
    """A model's note in words (JSON output uses English, so its text stays stable)."""
    values = {
        key: format_points(float(value), language) if key in _NOTE_NUMBERS else value
        for key, value in note.values.items()
    }
    return labels(language)[note.key].format(**values)
