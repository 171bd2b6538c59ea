"""Change a YAML file where its values stand, leaving every other character as it was.

needmap rewrites a user's file only when a command says so (``needmap groups merge``), and
then comments, blank lines, quoting, key order and flow or block style must survive. A YAML
emitter cannot promise that, so the edits are made to the text, at the spans the
position-keeping reader recorded (:class:`~needmap.personas.yamlsource.SourceMap`). The
result is read back and compared with the data the edit should give: an edit that would
change anything else is refused rather than written.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from needmap.errors import InvalidStudyError, Location
from needmap.personas.yamlsource import Node, YamlDocument, format_key, read_yaml_text

__all__ = ["BOM", "EditRefused", "YamlEdit", "yaml_flow_list", "yaml_scalar"]

BOM = "\ufeff"
"""What Windows editors may put before a file's first line; an edit keeps it."""


class EditRefused(Exception):
    """The file is written in a way this edit cannot change safely."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location


_NOT_YAML_TEXT = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""Characters JSON leaves as they are but YAML does not read as themselves inside double
quotes: the line breaks NEL, LS and PS (a quoted value of an export's cell that held one
broke the line, and a key with one the whole file), and those it refuses in a file."""


def yaml_scalar(value: str | int, *, flow: bool = False) -> str:
    """``value`` as YAML text that reads back as exactly that value, inside a flow
    collection (``{a: 1}``, where ``,`` and brackets end a plain value) when ``flow``: plain
    where it can be, else in double quotes (JSON's string syntax is valid YAML, once the
    characters YAML reads as line breaks or refuses in a file are escaped too)."""
    if isinstance(value, int):
        return str(value)
    if value and value == value.strip() and "\n" not in value:
        probe_text = f"{{k: {value}}}\n" if flow else f"k: {value}\n"
        try:
            probe = read_yaml_text(probe_text, Path("probe"))
        except InvalidStudyError:
            probe = None
        if probe is not None and not probe.problems and probe.data == {"k": value}:
            return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_TEXT.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)


class YamlEdit:
    """Edits to one YAML text, collected and then applied together by :meth:`result`."""

    def __init__(self, text: str, document: YamlDocument) -> None:
        self.text = text
        self.document = document
        self._replacements: list[tuple[int, int, str]] = []
        self._removed: dict[Node, list[Node]] = defaultdict(list)

    def set_value(self, path: Node, value: str | int | Sequence[str]) -> None:
        """Give the scalar at ``path`` a new value; a list is written as a flow list,
        ``[a, b]``, and so is a list replaced by a list, as written in either style."""
        start, end = self.document.source.spans[path]
        written = (
            yaml_scalar(value, flow=self._in_flow(path))
            if isinstance(value, str | int)
            else yaml_flow_list(value)
        )
        self._replacements.append((start, end, written))

    def rename_key(self, path: Node, key: str) -> None:
        """Give the mapping entry at ``path`` another key; its value stays as written."""
        start, end = self.document.source.key_spans[path]
        self._replacements.append((start, end, yaml_scalar(key, flow=self._in_flow(path))))

    def remove(self, path: Node) -> None:
        """Remove the mapping entry or list item at ``path``, with its comment on its last
        line; comments on lines of their own stay."""
        self._removed[path[:-1]].append(path)

    def insert_after(self, path: Node, key: str, value: str | int | Sequence[str]) -> None:
        """Add the entry ``key: value`` right after the mapping entry at ``path``, in the
        same style: ``, key: value`` in a flow mapping, a line of its own in a block one.
        A list is written as a flow list, ``[a, b]``."""
        flow = self._in_flow(path)
        written = (
            yaml_scalar(value, flow=flow) if isinstance(value, str | int) else yaml_flow_list(value)
        )
        entry = f"{yaml_scalar(key, flow=flow)}: {written}"
        if path[:-1] in self.document.source.flow:
            end = self.document.source.spans[path][1]
            self._replacements.append((end, end, f", {entry}"))
            return
        start, end = self._block_lines(path)
        indent = self.text[start : self.document.source.key_spans[path][0]]
        line = self.text[start:end]
        newline = "\r\n" if line.endswith("\r\n") else "\n"
        before = "" if line.endswith("\n") else newline
        self._replacements.append((end, end, f"{before}{indent}{entry}{newline}"))

    def append_items(self, path: Node, items: Sequence[str]) -> None:
        """Add items at the end of the block list at ``path``, below its last item and
        above anything after it (a comment on a line of its own); or make an empty
        ``key: []`` a block list of them. Each item is YAML text written at the left
        margin (``- id: a\\n  group: b\\n``); it is indented as the list's items are (two
        more than the key of an empty one), with the file's line endings."""
        source = self.document.source
        try:
            data = self._data_at(path)
        except (KeyError, IndexError, TypeError):  # not there at all
            data = None
        if data == [] and path in source.key_spans and not self._in_flow(path):
            start, end = source.spans[path]
            line_start = self.text.rfind("\n", 0, start) + 1
            if not self.text[start:end].strip("[] \t\r\n"):  # "[]", "[ ]": no comment inside
                colon = self.text.index(":", source.key_spans[path][1]) + 1
                indent = " " * (source.key_spans[path][0] - line_start + 2)
                newline = "\r\n" if "\r\n" in self.text else "\n"
                block = newline.join(self._indented(items, indent))
                line_end = self.text.find("\n", end)
                self._replacements.append((colon, end, ""))  # a comment after it stays
                if line_end < 0:
                    self._replacements.append((len(self.text), len(self.text), newline + block))
                else:
                    self._replacements.append((line_end + 1, line_end + 1, block + newline))
                return
        if path in source.flow or not isinstance(data, list) or not data:
            raise EditRefused(
                f"'{format_key(path)}' is not a list written one item a line, so items "
                "cannot be added below it",
                source.locate(path, key=True),
            )
        start, end = self._block_lines((*path, len(data) - 1))
        indent = self.text[start : self.text.index("-", start)]
        newline = "\r\n" if self.text[start:end].endswith("\r\n") else "\n"
        before = "" if self.text[start:end].endswith("\n") else newline
        lines = self._indented(items, indent)
        self._replacements.append((end, end, before + newline.join(lines) + newline))

    def append_block(self, block: str) -> None:
        """Add top-level entries at the end of the document: ``block`` is YAML text written
        at the left margin (``roadmap:\n  phases: []\n``), given the file's line endings."""
        newline = "\r\n" if "\r\n" in self.text else "\n"
        before = newline if self.text and not self.text.endswith("\n") else ""
        lines = block.splitlines()
        end = len(self.text)
        self._replacements.append((end, end, before + newline.join(lines) + newline))

    def set_list(self, path: Node, values: Sequence[str]) -> None:
        """Make the list of scalars at ``path`` hold ``values``: a flow list (``[a, b]``)
        is written anew; in a block list the items that stay keep their lines, the others
        are removed, and the new ones are added below (so ``values`` must list the items
        that stay first, in their order)."""
        if path in self.document.source.flow:
            start, end = self.document.source.spans[path]
            self._replacements.append((start, end, yaml_flow_list(values)))
            return
        current = self._data_at(path)
        for i, item in enumerate(current):
            if item not in values or current.index(item) != i:
                self.remove((*path, i))
        added = [value for value in values if value not in current]
        if added:
            self.append_items(path, [f"- {yaml_scalar(value)}\n" for value in added])

    @staticmethod
    def _indented(items: Sequence[str], indent: str) -> list[str]:
        return [indent + line if line else line for item in items for line in item.splitlines()]

    def copy_item(self, path: Node, copies: Sequence[Mapping[str, str | int]]) -> None:
        """Replace the list item at ``path`` (a mapping) with copies of it as written, each
        with the values its mapping names: ``[{"id": "a"}, {"id": "b"}]`` makes two items."""
        source = self.document.source
        if path[:-1] in source.flow:
            start, end = source.spans[path]
            separator = ", "
        else:
            start, end = self._block_lines(path)
            separator = ""
        written = self.text[start:end]
        texts = []
        for values in copies:
            cuts: list[tuple[int, int, str]] = []
            for key, value in values.items():
                key_start, key_end = source.spans[(*path, key)]
                written_value = yaml_scalar(value, flow=self._in_flow((*path, key)))
                cuts.append((key_start - start, key_end - start, written_value))
            cuts.sort()
            text = written
            for cut_start, cut_end, replacement in reversed(cuts):
                text = text[:cut_start] + replacement + text[cut_end:]
            texts.append(text)
        self._replacements.append((start, end, separator.join(texts)))

    def result(self, expected: Any) -> str:
        """The edited text; :class:`EditRefused` unless it reads back as ``expected``."""
        cuts = [(start, end, i, text) for i, (start, end, text) in enumerate(self._replacements)]
        for parent, removed in self._removed.items():
            cuts.extend((s, e, -1, t) for s, e, t in self._removals(parent, removed))
        cuts.sort()  # insertions at one place stay in the order they were asked for
        for (_, end, _, _), (start, _, _, _) in pairwise(cuts):
            if start < end:
                raise EditRefused("two edits overlap")
        pieces, done = [], 0
        for start, end, _, replacement in cuts:
            pieces += [self.text[done:start], replacement]
            done = end
        text = "".join([*pieces, self.text[done:]])
        source = self.document.source
        try:
            again = read_yaml_text(text, source.path)
        except InvalidStudyError:  # the edit broke the file's syntax
            again = None
        if again is None or again.problems or again.data != expected:
            raise EditRefused(
                "the edited file would not read back as intended", Location(source.path)
            )
        return text

    def _in_flow(self, path: Node) -> bool:
        """Whether the value at ``path`` stands inside a flow collection."""
        flow = self.document.source.flow
        return any(path[:end] in flow for end in range(len(path)))

    def _removals(self, parent: Node, removed: list[Node]) -> list[tuple[int, int, str]]:
        if parent in self.document.source.flow:
            return self._flow_removals(parent, set(removed))
        cuts = [(*self._block_lines(path), "") for path in removed]
        if len(removed) == len(self._data_at(parent)):
            cuts.append(self._emptied(parent))
        return cuts

    def _emptied(self, parent: Node) -> tuple[int, int, str]:
        """``key: []`` (or ``{}``) for a block collection whose entries all go: without it
        the key would be left with no value, which YAML reads as null."""
        if parent not in self.document.source.key_spans:
            raise self._refused(parent)
        colon = self.text.index(":", self.document.source.key_spans[parent][1]) + 1
        empty = "{}" if isinstance(self._data_at(parent), dict) else "[]"
        return colon, colon, f" {empty}"

    def _entry(self, path: Node) -> tuple[int, int]:
        """Where an entry starts (at its key, for a mapping) and where its content ends."""
        source = self.document.source
        start, end = source.spans[path]
        if path in source.key_spans:
            start = source.key_spans[path][0]
        return start, end

    def _flow_removals(self, parent: Node, removed: set[Node]) -> list[tuple[int, int, str]]:
        """Cut each run of removed entries together with the comma that joins it to a kept
        neighbour: ``{a: 1, b: 2, c: 3}`` without ``b`` is ``{a: 1, c: 3}``."""
        data = self._data_at(parent)
        children = list(data) if isinstance(data, dict) else list(range(len(data)))
        entries = [self._entry((*parent, child)) for child in children]
        gone = [(*parent, child) in removed for child in children]
        cuts = []
        i = 0
        while i < len(children):
            if not gone[i]:
                i += 1
                continue
            first = i
            while i < len(children) and gone[i]:
                i += 1
            if first > 0:
                cuts.append((entries[first - 1][1], entries[i - 1][1], ""))
            elif i < len(children):
                cuts.append((entries[first][0], entries[i][0], ""))
            else:
                cuts.append((entries[first][0], entries[i - 1][1], ""))
        return cuts

    def _block_lines(self, path: Node) -> tuple[int, int]:
        """The whole lines of a block entry: from its key or its list dash to the end of the
        line its content ends on."""
        start, end = self._entry(path)
        text = self.text
        if isinstance(path[-1], int):
            dash = start - 1
            while dash >= 0 and text[dash] in " \t\r\n":
                dash -= 1
            if dash < 0 or text[dash] != "-":
                raise self._refused(path)
            start = dash
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip():
            raise self._refused(path)
        line_end = text.find("\n", end)
        return line_start, len(text) if line_end < 0 else line_end + 1

    def _refused(self, path: Node) -> EditRefused:
        message = (
            f"cannot remove '{format_key(path)}' where it is written"
            if path
            else "cannot remove every entry of the file: it would be left empty"
        )
        return EditRefused(message, self.document.source.locate(path, key=True))

    def _data_at(self, path: Node) -> Any:
        data = self.document.data
        for part in path:
            data = data[part]
        return data


def yaml_flow_list(values: Sequence[str]) -> str:
    """``values`` as a YAML flow list, ``[a, b]``."""
    return "[" + ", ".join(yaml_scalar(value, flow=True) for value in values) + "]"
