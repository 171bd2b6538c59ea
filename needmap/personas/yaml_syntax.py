"""What to say of a YAML file the parser cannot read: where, what, and a hint that names
the slip (a bracket or quote left open and where it opened, a key glued to its value, a
tab) rather than the parser's own words alone.

PyYAML notices a slip only where the text stops making sense, often a line or more after
it; each hint looks back from there to the line that holds it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from needmap.controls import visible
from needmap.errors import Location, Problem

__all__ = ["reader_problem", "syntax_problem"]


_SYNTAX_HINTS = (
    ("cannot start any token", "'\\t'", "indent with spaces; YAML does not allow tabs"),
    ("mapping values are not allowed", "", "text containing ': ' must be in quotes"),
    ("could not find expected ':'", "", "each line of a mapping needs 'key: value'"),
    ("but found ']'", "", "this ']' closes no '[': remove it, or quote the text that holds it"),
    ("but found '}'", "", "this '}' closes no '{': remove it, or quote the text that holds it"),
    ("expected <block end>", "", "check the indentation: items of one list or mapping line up"),
    ("found unexpected end of stream", "", "a quote or bracket is not closed"),
    ("but found another document", "", "a file holds one document: remove the extra '---'"),
    (
        "while scanning a double-quoted scalar",
        "",
        "inside double quotes a backslash starts an escape such as \\n: write a backslash "
        "as \\\\, or put the text in single quotes",
    ),
    ("found character '@'", "", "text starting with @ or ` must be in quotes"),
    ("found character '`'", "", "text starting with @ or ` must be in quotes"),
    ("found character '%'", "", "text starting with % must be in quotes"),
    ("while scanning an alias", "", "text starting with * must be in quotes"),
    ("while scanning an anchor", "", "text starting with & must be in quotes"),
    (
        "expected ',' or '}'",
        "",
        "close the '{' of this mapping, and quote a value that holds ',', '{' or '}'",
    ),
    (
        "expected ',' or ']'",
        "",
        "close the '[' of this list, and quote a value that holds ',', '[' or ']'",
    ),
    (
        "expected the node content",
        "",
        "a '{' or '[' before it is not closed, or a value is missing",
    ),
)
_ANY_SYNTAX_HINT = "check the quotes, brackets and indentation of this line and the one before"


def syntax_problem(exc: yaml.MarkedYAMLError, path: Path, text: str) -> Problem:
    """The problem to report for a syntax error in ``text`` (the file at ``path``): at
    the place the parser stopped, in its words, with the hint that names the slip where
    one of the hints below recognises it, else the hint for the parser's message."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    said = f"{exc.context or ''} {problem}"
    hint = next(
        (h for needle, extra, h in _SYNTAX_HINTS if needle in said and extra in said),
        _ANY_SYNTAX_HINT,
    )
    if mark is None:
        return Problem(Location(path), f"YAML syntax error: {problem}", hint=hint)
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    hint = (
        _quoted_start_hint(line, mark.column)
        or _marked_start_hint(line, mark.column)
        or _colon_in_text_hint(exc, line, mark.column)
        or _unclosed_hint(exc, text)
        or _glued_key_hint(exc, lines)
        or _block_text_hint(exc, lines)
        or _indent_hint(exc, lines)
        or _continued_text_hint(exc, lines)
        or hint
    )
    return Problem(
        Location(path, mark.line + 1, mark.column + 1), f"YAML syntax error: {problem}", hint=hint
    )


def _unclosed_hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    """Where the bracket or quote that is never closed opened. YAML notices only where
    it expected the close: often lines further on, or at the file's end."""
    opened = exc.context_mark
    if opened is None or not 0 <= opened.index < len(text):
        return ""
    opener = text[opened.index]
    at = f"line {opened.line + 1}, column {opened.column + 1}"
    problem = exc.problem or ""
    close = "]" if opener == "[" else "}"
    if opener in "[{" and problem.startswith(f"expected ',' or '{close}'"):
        seen = exc.problem_mark
        if seen is not None and seen.line == opened.line and problem.endswith("but got ':'"):
            return (
                f"a ',' is missing between two items of the '{opener}' before column "
                f"{seen.column + 1}, or a value that holds ',', '{opener}' or '{close}' is "
                "not quoted"
            )
        return (
            f"the '{opener}' at {at} is not closed: close it with '{close}', and quote a "
            f"value that holds ',', '{opener}' or '{close}'"
        )
    if opener in "\"'" and problem == "found unexpected end of stream":
        inside = '\\"' if opener == '"' else "''"
        return (
            f"the {opener} at {at} is not closed: end the text with {opener}, and write "
            f"{opener} inside it as {inside}"
        )
    return ""


_GLUED_KEY = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*):([^\s/#].*?)\s*$")
"""A key with its value after the colon and no space between (``id:search``), which YAML
reads as one text. A value starting with ``/`` is a link's rest (``- https://…``)."""


def _glued_key_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """``title:Search``: YAML takes it for a text of its own, and stumbles only on the
    line after it, where the mapping goes on. Which line holds it: the text YAML was
    reading as a key, or else the last line with content before the one it stumbled on."""
    problem, at = exc.problem or "", exc.problem_mark
    if problem == "could not find expected ':'" and exc.context_mark is not None:
        number = exc.context_mark.line
    elif at is not None and problem in (
        "mapping values are not allowed here",
        "expected <block end>, but found '<block mapping start>'",
    ):
        before = _lines_before(lines, at.line)
        if not before:
            return ""
        number = before[0]
    else:
        return ""
    glued = _GLUED_KEY.match(lines[number]) if number < len(lines) else None
    if glued is None:
        return ""
    key, value = glued.groups()
    return (
        f"put a space after the ':' on line {number + 1}, as in '{key}: {value}': without "
        f"it, YAML reads '{key}:{value}' as one text"
    )


_BLOCK_START = re.compile(r"(\s*)(?:-\s+)?([^\s:#'\"][^:#]*):\s+([>|])[-+0-9]*\s*(?:#.*)?$")
"""A key whose text follows on the lines below it (``description: >``)."""


def _block_text_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """``description: >`` with its text no further in than the key: YAML ends the text
    at once, and reads the first line of it as a key that lacks its colon."""
    opened = exc.context_mark
    if exc.problem != "could not find expected ':'" or opened is None:
        return ""
    before = _lines_before(lines, opened.line)
    block = _BLOCK_START.match(lines[before[0]]) if before else None
    if block is None:
        return ""
    indent, key, style = block.groups()
    key_column = len(indent) + lines[before[0]][len(indent) :].index(key)
    if opened.column > key_column:
        return ""
    return (
        f"indent the text under '{key}: {style}' (line {before[0] + 1}) further than "
        f"'{key}': the text ends at the first line that is not"
    )


_MARKED_START = re.compile(r"(\s*(?:-\s+)?(?:[^\s\"'#*&][^:#]*:\s+)?)([*&]\S.*?)\s*(?:#.*)?$")
"""A value that starts with ``*`` or ``&`` (``title: *Search everything``)."""


def _marked_start_hint(line: str, column: int) -> str:
    """A value that starts with ``*`` or ``&`` and goes on after its first word: YAML
    takes that word for an alias or an anchor, and stumbles on the rest."""
    found = _MARKED_START.match(line)
    if found is None or column <= len(found.group(1)):
        return ""
    value = found.group(2)
    quoted = _quoted(value)
    return f"text starting with {value[0]} must be in quotes: put all of it in quotes, {quoted}"


_KEYED_TEXT = re.compile(r"(\s*(?:-\s+)?[^\s\"'#\[{][^:#]*:\s+)([^\s\"'\[{|>].*?)\s*(?:\s#.*)?$")
"""A key and its plain text on one line (``text: He said: no``)."""


def _colon_in_text_hint(exc: yaml.MarkedYAMLError, line: str, column: int) -> str:
    """A plain text with ``': '`` in it (``text: Jan said: slow``): YAML reads the rest as
    a key and its value, where none may start. The hint gives the text in quotes."""
    if exc.problem != "mapping values are not allowed here":
        return ""
    found = _KEYED_TEXT.match(line)
    if found is None or column <= len(found.group(1)):
        return ""
    text = found.group(2)
    return "text containing ': ' must be in quotes: put all of it in quotes, " + _quoted(text)


def _quoted(text: str) -> str:
    """``text`` in the quotes that read most plainly: double where it holds an apostrophe
    and nothing double quotes would escape, else single (an apostrophe written twice)."""
    if "'" in text and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


_KEY_LINE = re.compile(r"(\s*)(-\s+)?([^\s:#'\"\[{-][^:#]*?):(?:\s|$)")
"""A line that starts a key, perhaps as a list's item (``  - id: a``)."""
_ITEM_LINE = re.compile(r"(\s*)-(?:\s|$)")
"""A line that starts an item of a list."""
_MISALIGNED = (
    "mapping values are not allowed here",
    "expected <block end>, but found '<block mapping start>'",
    "expected <block end>, but found '<block sequence start>'",
    "expected <block end>, but found '?'",
)


def _indent_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """A key or a list's item a column or two off from the one before it: YAML reads a
    key further in as the rest of the value above (and stumbles on its colon), and one
    further out as the end of a mapping that does not end there. The hint names both
    columns."""
    at = exc.problem_mark
    if exc.problem not in _MISALIGNED or at is None or at.line >= len(lines):
        return ""
    line = lines[at.line]
    earlier = _lines_before(lines, at.line)
    item = _ITEM_LINE.match(line)
    if item is not None and exc.problem.endswith("'<block sequence start>'"):
        above = next((n for n in earlier if _ITEM_LINE.match(lines[n])), None)
        if above is None:
            return ""
        column, other = len(item.group(1)), lines[above].index("-")
        if column == other:
            return ""
        return (
            f"this item's '-' is at column {column + 1}, and the one on line {above + 1} at "
            f"column {other + 1}: the items of one list start at the same column"
        )
    key = _KEY_LINE.match(line)
    above_key = _KEY_LINE.match(lines[earlier[0]]) if earlier else None
    if key is None or above_key is None:
        return ""
    column, other = _key_column(key), _key_column(above_key)
    if column == other or (
        exc.problem == "mapping values are not allowed here" and at.column != key.end(3)
    ):
        return ""
    return (
        f"'{key.group(3)}' starts at column {column + 1}, and '{above_key.group(3)}' on line "
        f"{earlier[0] + 1} at column {other + 1}: the keys of one mapping start at the same "
        "column"
    )


def _continued_text_hint(exc: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """A line of plain text no further in than the key above it, which has a text: YAML
    reads it as a key that lacks its colon. It is the text going on (``description:
    Long text`` and ``and more`` below it), or a key whose colon was left out (``kind
    content``): the hint names both."""
    if exc.problem == "could not find expected ':'" and exc.context_mark is not None:
        number = exc.context_mark.line
    elif exc.problem == "expected <block end>, but found '<scalar>'" and exc.problem_mark:
        number = exc.problem_mark.line
    else:
        return ""
    if number >= len(lines):
        return ""
    text = lines[number].strip()
    if not text or ": " in text or text.endswith(":") or text[0] in "-#'\"[{":
        return ""
    earlier = _lines_before(lines, number)
    key = _KEY_LINE.match(lines[earlier[0]]) if earlier else None
    if key is None or not lines[earlier[0]][key.end() :].strip():
        return ""
    indent = len(lines[number]) - len(lines[number].lstrip())
    if indent > _key_column(key):
        return ""
    name = key.group(3)
    return (
        f"line {number + 1} is read as a key without its ':'. If it goes on with the text "
        f"of '{name}' on line {earlier[0] + 1}, indent it further than '{name}'; if it is a "
        "key, write 'key: value'"
    )


def _lines_before(lines: list[str], number: int) -> list[int]:
    """The indexes of the lines before line ``number`` (from 0) that hold more than a
    comment, the nearest first: where a hint looks for the slip YAML stumbled on later."""
    return [
        n
        for n in range(min(number, len(lines)) - 1, -1, -1)
        if lines[n].strip() and not lines[n].lstrip().startswith("#")
    ]


def _key_column(key: re.Match[str]) -> int:
    return len(key.group(1)) + len(key.group(2) or "")


def _quoted_start_hint(line: str, column: int) -> str:
    """A value that starts with a quote and goes on after the closing one
    (``title: "Company news" and more``): YAML takes the quoted part for the whole value,
    and stumbles on the rest. The hint quotes all of it."""
    found = re.match(r"\s*(?:- +)?(?:[^\s\"'#][^:#]*: +)?([\"'])", line)
    if found is None:
        return ""
    quote, start = found.group(1), found.end() - 1
    close = line.find(quote, start + 1)
    rest = line[close + 1 :].strip()
    if close < 0 or column <= close or not rest or ": " in rest:
        return ""
    quoted = _quoted(line[start:].rstrip())
    return f"a value that starts with a quote ends at the closing one: quote all of it, {quoted}"


def reader_problem(exc: yaml.reader.ReaderError, text: str, path: Path) -> Problem:
    """The problem to report for a character YAML does not allow in a file at all."""
    position = min(exc.position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Problem(
        Location(path, line, column),
        f"the file contains the control character {visible(character)}, which YAML does not allow",
        hint="remove it; it often comes from copying text out of another program",
    )
