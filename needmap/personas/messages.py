"""Hints for what a consultant wrote or typed: the name or id meant by a misspelt one,
the file meant by a missing one, and warnings of personal data in a study's texts.

The translation of schema errors into such problems is in
:mod:`needmap.personas.schema_messages`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from needmap.controls import fold_text, unshowable
from needmap.errors import Location, Problem, Severity, plural
from needmap.personas.schema import id_from, is_id
from needmap.personas.yamlsource import Node, YamlDocument, format_key
from needmap.scrub import personal_data

__all__ = [
    "arrow_path",
    "closest",
    "comma_path",
    "did_you_mean",
    "files_in",
    "ids_listed",
    "missing_file_hint",
    "name_hint",
    "nearest_file",
    "one_per_place",
    "personal_data_warning",
    "personal_data_warnings",
    "reference_hint",
    "spelling_edits",
    "text_problems",
    "unknown_id_hint",
]


_PATH_ENDS = 4
"""Ids a long path keeps at each end, around an ellipsis."""


def arrow_path(ids: Sequence[str], noun: str) -> str:
    """``ids`` joined by arrows, as a message tells a cycle of dependencies: a long one
    with its middle left out and how many ``noun`` it goes through (a chain of 1,500
    needs closed into a circle is one line, not 1,500 ids)."""
    if len(ids) <= 2 * _PATH_ENDS + 1:
        return " -> ".join(ids)
    shown = [*ids[:_PATH_ENDS], "…", *ids[-_PATH_ENDS:]]
    return " -> ".join(shown) + f" ({plural(len(set(ids)), noun)})"


def comma_path(ids: Sequence[str], noun: str) -> str:
    """``ids`` joined by commas, as a message names the needs a dependency goes through: a
    long chain by how many ``noun`` it holds and its ends, as :func:`arrow_path` does."""
    if len(ids) <= 2 * _PATH_ENDS + 1:
        return ", ".join(ids)
    ends = f"{', '.join(ids[:_PATH_ENDS])}, …, {', '.join(ids[-_PATH_ENDS:])}"
    return f"{plural(len(ids), noun)}: {ends}"


def did_you_mean(word: str, candidates: Iterable[str], *, ignore_case: bool = False) -> str:
    """A hint naming the closest candidate (:func:`closest`), or an empty string when none
    is close."""
    match = closest(word, candidates, ignore_case=ignore_case)
    return f"did you mean '{match}'?" if match is not None else ""


def nearest_file(path: Path, suffixes: Collection[str]) -> Path | None:
    """For a file that is not there, the file beside it, with one of ``suffixes``, that it
    is most like by name (a typo, a suffix cut short, another year), or None. The names are
    compared without their suffix, which would make any two CSV files look alike; of files
    with that name, the one with ``path``'s suffix is taken first."""
    by_stem: dict[str, list[Path]] = {}
    for found in files_in(path.parent, suffixes):
        by_stem.setdefault(found.stem, []).append(found)
    stem = closest(path.stem, by_stem)
    if stem is None:
        return None
    same = [p for p in by_stem[stem] if p.suffix.lower() == path.suffix.lower()]
    return (same or by_stem[stem])[0]


def files_in(folder: Path, suffixes: Collection[str]) -> list[Path]:
    """The files in ``folder`` with one of ``suffixes`` (lower case), by name; none when
    it cannot be read (or is no folder)."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes)
    except OSError:
        return []


def missing_file_hint(path: Path, suffixes: Collection[str]) -> str:
    """The hint for a file given on the command line that is not there: the one beside it
    most like it (:func:`nearest_file`), else to check the name."""
    from needmap.shell import command_word

    meant = nearest_file(path, suffixes)
    if meant is None:
        return "check the name, or give the file's whole path"
    return f"did you mean {command_word(meant)}?"


def closest(word: str, candidates: Iterable[str], *, ignore_case: bool = False) -> str | None:
    """The candidate ``word`` most likely stands for, or None when none is close.

    Close means similar spelling (difflib) within the edits of a typo (:func:`_typo_of`),
    or being the only candidate that starts with ``word`` (so an abbreviation like 'tech'
    finds 'technology'). A word cut short is taken for that candidate unless another is
    spelled nearly the same: 'smoel' finds 'smoelenboek', not 'mobiel', but 'nieuwz' still
    finds 'nieuws'. With ``ignore_case`` the spelling is compared case-folded, but the
    candidate is returned as written, so the user can copy it.
    """
    spelled: dict[str, str] = {}
    for option in candidates:
        spelled.setdefault(option.casefold() if ignore_case else option, option)
    key = word.casefold() if ignore_case else word
    options = list(spelled)
    similar = difflib.get_close_matches(key, options, n=3, cutoff=0.6)
    match = [option for option in similar if _typo_of(key, option)][:1]
    started = [o for o in options if o.startswith(key)] if len(key) >= 3 else []
    if len(started) == 1 and (not match or _similarity(key, match[0]) < _NEARLY_SAME):
        match = started
    return spelled[match[0]] if match else None


_NAMED_SHOWN = 4
"""Items at most that :func:`name_hint` offers for a word of their names."""


def name_hint(text: str, names: Mapping[str, str]) -> str:
    """The hint for ``text`` given on the command line for a group or need (``names``: id ->
    name or title) that names none: the id or the name it is spelled like; else the items
    whose name holds its words, since a reader knows a need by its title ('zoekfunctie':
    "did you mean 'zoeken' (Eén zoekfunctie over alle bronnen)?"); else an empty string."""
    hint = did_you_mean(text, names) or did_you_mean(text, names.values(), ignore_case=True)
    words = set(re.findall(r"\w+", fold_text(text)))
    if hint or len(text.strip()) < 4 or not words:
        return hint
    holding = [
        item for item, name in names.items() if words <= set(re.findall(r"\w+", fold_text(name)))
    ]
    if not holding or len(holding) > _NAMED_SHOWN:
        return ""
    meant = ", ".join(f"'{item}' ({names[item]})" for item in holding)
    return f"did you mean {meant}?" if len(holding) == 1 else f"did you mean one of {meant}?"


def unknown_id_hint(ref: str, noun: str, defined: Collection[str], *, also: str = "") -> str:
    """The hint for a reference to an id that is not defined: the id meant, if one is
    close; else how to define it, and the ids there are (the first eight, sorted).
    ``also`` names one more thing that may stand there, such as ``~``."""
    hint = did_you_mean(ref, defined)
    if hint:
        return hint
    plural = "families" if noun == "family" else f"{noun}s"
    if not defined:
        return f"no {plural} are defined yet; add them under '{plural}:'" + (
            f", or use {also}" if also else ""
        )
    shown = ids_listed(sorted(defined), 8)
    return f"define a {noun} '{ref}', or use one of: {shown}" + (f"; or {also}" if also else "")


def ids_listed(ids: Sequence[str], most: int = 12) -> str:
    """The first ``most`` of ``ids``, comma-separated, with "…" for the rest: what a hint
    offers where a name matched none and no single one is close. A study's groups are
    rarely more than twelve, so a hint for a group usually names them all."""
    return ", ".join(ids[:most]) + (" …" if len(ids) > most else "")


def reference_hint(
    ref: str, noun: str, meant: str | None, otherwise: str, defined: Collection[str]
) -> str | None:
    """The hint for a reference ``ref`` to a group or need that is not defined, or None
    when it is not to be reported as unknown: it is not written as an id, so its schema
    error ("not a valid id") says what is wrong. ``meant`` is the id of the item ``ref``
    names (a group's name, a need's title), which people write where the id belongs;
    an id of ``defined`` written with capitals or spaces ('Zoeken', 'Front Desk') is
    meant too (one with a character that cannot be seen keeps its schema error, which
    says where that is). ``otherwise`` is the hint for any other unknown id."""
    if meant is not None:
        what = "title" if noun == "need" else "name"
        return f"that is the {what} of {noun} '{meant}': write its id, {meant}"
    if is_id(ref):
        return otherwise
    as_id = id_from(ref)
    if as_id in defined and ref.isprintable():
        return f"did you mean '{as_id}'? Ids are written in lowercase, with '-' between words"
    return None


def one_per_place(problems: list[Problem]) -> list[Problem]:
    """The problems, less a reference's "not a valid id" (for whatever reason, a character
    one cannot see too) where the same place is also an unknown group or need: one whose
    hint gives the id of the item named (:func:`reference_hint`)."""
    unknown = {p.location for p in problems if p.message.startswith("unknown ")}
    return [
        p for p in problems if not (p.location in unknown and "' is not a valid id" in p.message)
    ]


def personal_data_warning(
    location: Location, text: str, key: str = "", keep: Collection[str] = ()
) -> Problem | None:
    """A warning if ``text`` holds personal data (:func:`~needmap.scrub.personal_data`,
    which leaves ``keep`` alone). Reports show a label in its place, but the study's files
    keep it, and study folders are shared and kept in git."""
    found = personal_data(text, keep)
    if not found:
        return None
    what = " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found)
    return Problem(
        location,
        f"this text holds {what}: reports show a label instead, but the study's files keep it",
        key=key,
        hint="take it out; to say who, write a role ('a colleague at HR'), not a name or "
        "contact details",
        severity=Severity.WARNING,
    )


def personal_data_warnings(
    document: YamlDocument, texts: Iterable[tuple[Node, str]], keep: Collection[str] = ()
) -> list[Problem]:
    """:func:`personal_data_warning` for each text, at its path in ``document``."""
    found = (
        personal_data_warning(document.source.locate(path), text, format_key(path), keep)
        for path, text in texts
    )
    return [warning for warning in found if warning is not None]


_NEARLY_SAME = 0.8
"""A spelling this similar (difflib's ratio) is a typo of that candidate, not a word cut
short of another."""


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _typo_of(word: str, option: str) -> bool:
    """Whether ``word`` is ``option`` with a typo's few edits: at most one for every three
    letters (and two in any word). difflib's ratio alone is not enough for longer ids,
    which share many letters without being alike: it put 'chatten' forward for
    'calamiteiten', a need that was removed, and the hint to rename every reference stayed
    unsaid."""
    return spelling_edits(word, option) <= max(2, len(word) // 3)


def spelling_edits(word: str, option: str) -> int:
    """How many letters of ``word`` must be changed, left out or added to spell ``option``
    (two letters swapped count two), as difflib lines them up."""
    matcher = difflib.SequenceMatcher(None, word, option, autojunk=False)
    return sum(
        max(end - start, option_end - option_start)
        for tag, start, end, option_start, option_end in matcher.get_opcodes()
        if tag != "equal"
    )


def text_problems(text: str | None, what: str, empty_hint: str) -> list[Problem]:
    """What is wrong with ``text``, given on the command line as a name or title (``what``)
    for a study's file: only spaces, which the study would read as no text at all, or a
    control character, which it refuses. None (not given) is fine; so are spaces around
    the text, which the caller leaves out."""
    if text is None:
        return []
    if not text.strip():
        return [Problem(Location(), f"the {what} is empty", hint=empty_hint)]
    wrong = unshowable(text)
    if wrong:
        return [Problem(Location(), f"the {what} {wrong}", hint=f"give the {what} without it")]
    return []
