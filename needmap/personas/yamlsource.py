"""Read YAML safely, keeping the position of every key and value.

PyYAML's composer gives us a node tree with marks (over libyaml's parser where PyYAML has
it, five times as fast as its own); we build plain Python values from it ourselves instead
of using a constructor, which lets us:

* remember where every value and key came from, so schema and reference errors can point at
  ``file:line:column``;
* refuse what a study file never needs and what makes files hard to review: anchors, aliases
  and merge keys, custom or Python tags, duplicate keys, and nesting deeper than people write;
* read plain scalars the way YAML 1.2 does, and flag the ones YAML 1.1 tools read differently
  (``NO`` is a boolean there, ``0123`` an octal number, ``12:30`` a base-60 number), because
  the same file must mean the same thing in every editor, linter and parser.

All problems in a file are collected; only a syntax error stops the read, since the parser
cannot go on after it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from needmap.controls import unshowable
from needmap.errors import InvalidStudyError, Location, Problem
from needmap.personas.yaml_syntax import reader_problem, syntax_problem

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "YAML_SUFFIXES",
    "Node",
    "SourceMap",
    "YamlDocument",
    "format_key",
    "read_yaml_file",
    "read_yaml_text",
    "walk_folders",
    "yaml_files",
]

YAML_SUFFIXES = (".yaml", ".yml")
"""What the name of a file needmap reads as YAML ends in."""

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Larger files are refused: a study file is hand-written; megabytes mean a wrong file."""

MAX_DEPTH = 40
"""Deeper nesting is refused before Python's recursion limit can be reached."""

Node = tuple[str | int, ...]
"""A path into a document: mapping keys and list indexes, outermost first."""

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)
_BOOL_WORDS = {"true": True, "false": False}
_YAML12_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*|0x[0-9a-fA-F]+)")
_YAML12_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_MAX_NUMBER_CHARS = 100


def format_key(path: Node) -> str:
    """``needs[3].groups.balie`` — the dotted key shown in messages."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(slots=True)
class SourceMap:
    """Where each value and key of one document stands in its file."""

    path: Path
    values: dict[Node, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Node, tuple[int, int]] = field(default_factory=dict)
    plain_text: dict[Node, str] = field(default_factory=dict)
    """The source text of unquoted scalars, to quote it back in hints."""
    spans: dict[Node, tuple[int, int]] = field(default_factory=dict)
    """Character offsets of each value: its start, and the end of its last character that is
    not a comment or blank line (a block collection's end mark lies past those), so that
    :mod:`~needmap.personas.yamledit` can change a file exactly where a value stands."""
    key_spans: dict[Node, tuple[int, int]] = field(default_factory=dict)
    """Character offsets of each mapping key."""
    flow: set[Node] = field(default_factory=set)
    """Mappings and lists written in flow style (``{a: 1}``, ``[a, b]``)."""
    comments: dict[Node, str] = field(default_factory=dict)
    """Empty values followed by a comment on their line (``title: #1 news``): the comment,
    which was meant as the value more often than not."""

    def locate(self, path: Node, *, key: bool = False) -> Location:
        """The position of ``path``; of its key when ``key``; else of the nearest ancestor."""
        if key and path in self.keys:
            return self._location(self.keys[path])
        for end in range(len(path), -1, -1):
            mark = self.values.get(path[:end])
            if mark is not None:
                return self._location(mark)
        return Location(self.path, 1, 1)

    def _location(self, mark: tuple[int, int]) -> Location:
        return Location(self.path, mark[0], mark[1])


@dataclass(slots=True)
class YamlDocument:
    """A document as plain Python values, its source map, and the problems found reading it."""

    data: Any
    source: SourceMap
    problems: list[Problem] = field(default_factory=list)
    spoiled: set[Node] = field(default_factory=set)
    """Paths already reported; later stages skip errors at or below them (one message each)."""

    def is_spoiled(self, path: Node) -> bool:
        return any(path[: len(s)] == s for s in self.spoiled)

    def value_at(self, path: Node) -> Any:
        """The value at ``path`` as written, or None where there is none."""
        value: Any = self.data
        for step in path:
            try:
                value = value[step]
            except (KeyError, IndexError, TypeError):
                return None
        return value


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


class _Refusals(yaml.composer.Composer):
    """A composer that refuses anchors and aliases and limits nesting depth; the parser
    beside it in a subclass gives the events."""

    check_event: Callable[..., bool]
    get_event: Callable[[], Any]
    peek_event: Callable[[], Any]

    def _refuse_for(self, document: YamlDocument) -> None:
        self._document = document
        self._depth = 0
        self.placeholders: set[int] = set()
        """ids of the empty nodes standing in for refused aliases: already reported."""
        self._anchors: set[str] = set()
        """Anchors named so far: an alias of none of them is text that lacks its quotes."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            name = event.anchor
            hint = (
                "write the value out in full; anchors and aliases make files hard to review"
                if name in self._anchors
                else f'to write text that starts with *, put it in quotes: "*{name}"; YAML '
                "reads it as an alias, which study files do not use"
            )
            self._document.problems.append(
                _problem(self._document, event.start_mark, f"alias '*{name}' is not allowed", hint)
            )
            placeholder = yaml.ScalarNode(
                "tag:yaml.org,2002:null", "", event.start_mark, event.end_mark
            )
            self.placeholders.add(id(placeholder))
            return placeholder
        event = self.peek_event()
        if event.anchor is not None:
            self._anchors.add(event.anchor)
            self._document.problems.append(
                _problem(
                    self._document,
                    event.start_mark,
                    f"anchor '&{event.anchor}' is not allowed",
                    "to write text that starts with &, put it in quotes; else remove the "
                    "anchor and write out every value where it is used",
                )
            )
            event.anchor = None
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _StrictComposer(_Refusals, yaml.SafeLoader):
    """PyYAML's own parser, in Python: the one whose syntax errors the hints know."""

    def __init__(self, stream: str, document: YamlDocument) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._refuse_for(document)


_LIBYAML: bool = yaml.__with_libyaml__
"""Whether PyYAML has libyaml, as its wheels do: its parser gives the events of a file in a
fifth of the time of PyYAML's own (``benchmarks/yaml_read.py``)."""

_LIBYAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastComposer(_Refusals, _LIBYAML_LOADER):  # type: ignore[misc,valid-type]
    """The same composer over libyaml's events. Its marks hold no buffer, and it calls a
    plain scalar's style '' where PyYAML says None."""

    def __init__(self, stream: str, document: YamlDocument) -> None:
        _LIBYAML_LOADER.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        self._refuse_for(document)

    def compose_scalar_node(self, anchor: dict[Any, yaml.Node]) -> yaml.ScalarNode:
        node = super().compose_scalar_node(anchor)
        if node.style == "":
            node.style = None
        return node


def _problem(
    document: YamlDocument, mark: yaml.Mark, message: str, hint: str = "", path: Node = ()
) -> Problem:
    return Problem(
        Location(document.source.path, mark.line + 1, mark.column + 1),
        message,
        key=format_key(path),
        hint=hint,
    )


def read_yaml_file(path: Path) -> YamlDocument:
    """Read one YAML file; raise :class:`InvalidStudyError` only if it cannot be read at all.

    Problems that still leave a usable document (an alias, an ambiguous scalar, a duplicate
    key) are returned in ``YamlDocument.problems`` so that schema checks can run as well.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidStudyError.single(
                f"file is {size / 1_048_576:.1f} MiB; needmap reads YAML files up to "
                f"{MAX_FILE_BYTES // 1_048_576} MiB",
                path=path,
                hint="split it into several files in a folder, or check it is the right file",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise InvalidStudyError.single(
                f"a link to {path.readlink()}, which is not there",
                path=path,
                hint="put the file back where the link points, or remove the link",
            ) from None
        # a file given on the command line (a survey's --mapping)
        from needmap.personas.messages import missing_file_hint  # which reads this module

        hint = missing_file_hint(path, YAML_SUFFIXES)
        raise InvalidStudyError.single("no such file", path=path, hint=hint) from None
    except OSError as exc:
        raise InvalidStudyError.single(
            f"cannot read file: {exc.strerror or exc}", path=path
        ) from None
    return read_yaml_text(_decode(raw, path), path)


def yaml_files(folder: Path, *, below: bool = False) -> list[Path]:
    """The YAML files in ``folder`` (and its subfolders, with ``below``), sorted.

    Hidden files and folders are passed over (an editor's lock file ``.#needs.yaml`` is
    one); a link to a file that is not there is listed, so that reading it says so instead
    of the file's content going missing without a word. A linked subfolder is read as any
    other (``rglob`` passed it over); each folder once, and none that holds ``folder``
    (a link back up would read the study's other files as these, or go round for ever).
    """
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in (_below(folder) if below else folder.iterdir())
        if p.suffix in YAML_SUFFIXES
        and (p.is_file() or (p.is_symlink() and not p.exists()))
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _below(folder: Path) -> Iterator[Path]:
    """Every file and link in ``folder`` and its subfolders, linked ones too."""
    for place, files in walk_folders(folder):
        yield from (place / name for name in files)


def walk_folders(
    folder: Path, leave_out: Callable[[Path], bool] = lambda _: False
) -> Iterator[tuple[Path, list[str]]]:
    """``folder`` and each folder below it that is not hidden (nor ``leave_out``), with
    the names of its files and links to files; linked folders too, each once, and none
    that holds ``folder`` (a link back up would go round for ever)."""
    top = Path(os.path.realpath(folder))
    seen: set[Path] = set()
    for place, folders, files in os.walk(folder, followlinks=True):
        here = Path(place)
        real = Path(os.path.realpath(here))
        if real in seen or (real != top and real in top.parents):
            folders.clear()
            continue
        seen.add(real)
        folders[:] = [d for d in folders if not d.startswith(".") and not leave_out(here / d)]
        yield here, files


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidStudyError.single(
            "file is encoded as UTF-16", path=path, hint="save it as UTF-8"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidStudyError(
            [
                Problem(
                    Location(path, line, column),
                    f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    hint="save the file as UTF-8; most editors offer this under "
                    "'Save with encoding'",
                )
            ]
        ) from None


def read_yaml_text(text: str, path: Path) -> YamlDocument:
    """Parse ``text`` (the contents of ``path``) into a :class:`YamlDocument`."""
    document = YamlDocument(data=None, source=SourceMap(path))
    if len(text) > MAX_FILE_BYTES:
        raise InvalidStudyError.single(
            f"text is longer than {MAX_FILE_BYTES // 1_048_576} MiB", path=path
        )
    loader: _Refusals | None = None
    try:
        loader, root = _compose(text, document)
    except _TooDeep as deep:
        raise InvalidStudyError(
            [
                _problem(
                    document,
                    deep.mark,
                    f"nesting is deeper than {MAX_DEPTH} levels",
                    "study files need only a few levels; check the indentation",
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise InvalidStudyError([syntax_problem(exc, path, text)]) from None
    except yaml.reader.ReaderError as exc:
        raise InvalidStudyError([reader_problem(exc, text, path)]) from None
    except yaml.YAMLError as exc:
        raise InvalidStudyError.single(f"YAML syntax error: {exc}", path=path) from None
    if root is not None:
        assert loader is not None
        document.data = _Builder(document, loader.placeholders, text).build(root, ())
    return document


def _compose(text: str, document: YamlDocument) -> tuple[_Refusals, yaml.Node | None]:
    """The composer that read ``text``, and the root node. libyaml reads it where it can; a
    file it cannot read is read again by PyYAML's parser, whose messages the hints know
    (libyaml words them its own way). So is a file with a byte order mark inside, past
    which libyaml counts columns differently. libyaml reads what YAML allows and PyYAML's
    parser refuses: a tab inside a value (pasted from a spreadsheet) or before a comment,
    and '? ' inside a value in braces."""
    if _LIBYAML and "\ufeff" not in text:
        fast = _FastComposer(text, document)
        try:
            return fast, fast.get_single_node()
        except yaml.YAMLError:
            document.problems.clear()
        finally:
            fast.dispose()
    slow = _StrictComposer(text, document)
    try:
        return slow, slow.get_single_node()
    except (ValueError, OverflowError):  # PyYAML's scanner turns "\U99999999" into chr()
        raise yaml.scanner.ScannerError(
            "while scanning a double-quoted scalar",
            None,
            "found an escape that names no character",
            slow.get_mark(),
        ) from None
    finally:
        slow.dispose()


class _Builder:
    """Turns a node tree into Python values while filling the source map."""

    def __init__(self, document: YamlDocument, placeholders: set[int], text: str) -> None:
        self.document = document
        self.source = document.source
        self.placeholders = placeholders
        self.text = text

    def build(self, node: yaml.Node, path: Node) -> Any:
        self.source.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        value = self._value(node, path)
        self.source.spans[path] = (node.start_mark.index, self._content_end(node, path, value))
        return value

    def _content_end(self, node: yaml.Node, path: Node, value: Any) -> int:
        end = int(node.end_mark.index)
        if isinstance(node, yaml.ScalarNode):
            if node.style in ("|", ">"):  # the end mark lies past the trailing line breaks
                text, start = self.text, node.start_mark.index
                while end > start and text[end - 1] in " \t\r\n":
                    end -= 1
            return end
        if isinstance(node, yaml.CollectionNode) and node.flow_style:
            self.source.flow.add(path)
            return end
        children: Iterable[str | int] = ()
        if isinstance(value, dict):
            children = value.keys()
        elif isinstance(value, list):
            children = range(len(value))
        ends = [self.source.spans[(*path, child)][1] for child in children]
        return max(ends, default=int(node.end_mark.index))

    def _value(self, node: yaml.Node, path: Node) -> Any:
        if id(node) in self.placeholders:
            self.document.spoiled.add(path)
            return None
        if node.tag not in _STANDARD_TAGS:
            return self._refuse_tag(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _refuse_tag(self, node: yaml.Node, path: Node) -> None:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        if shown == "!!merge":
            message, hint = "merge keys ('<<') are not allowed", "write the keys out in full"
        else:
            message = f"the tag '{shown}' is not allowed"
            hint = "remove the tag; study files hold plain text, numbers, lists and mappings"
        self.document.problems.append(_problem(self.document, node.start_mark, message, hint, path))
        self.document.spoiled.add(path)
        return None

    def _mapping(self, node: yaml.MappingNode, path: Node) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._refuse_tag(key_node, path)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.document.problems.append(
                    _problem(
                        self.document,
                        key_node.start_mark,
                        "a key must be plain text",
                        "write keys as simple words, such as 'title:'",
                    )
                )
                self.document.spoiled.add(path)
                continue
            key = key_node.value
            key_path = (*path, key)
            if key in result:
                first = self.source.keys[key_path]
                hint = "remove one of the two; YAML tools disagree on which one wins"
                if path and isinstance(path[-1], int):  # the next item's '- ' may be missing
                    hint += "; or, if another item starts here, write '- ' before its first key"
                self.document.problems.append(
                    _problem(
                        self.document,
                        key_node.start_mark,
                        f"duplicate key '{key}' (first at line {first[0]}, column {first[1]})",
                        hint,
                        key_path,
                    )
                )
                self.document.spoiled.add(key_path)
                continue
            self.source.keys[key_path] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            self.source.key_spans[key_path] = (key_node.start_mark.index, key_node.end_mark.index)
            result[key] = self.build(value_node, key_path)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Node) -> Any:
        text: str = node.value
        wrong = unshowable(text)
        if wrong:  # only an escape in quotes ("\e", "\x1b") can write one
            return self._ambiguous(
                node,
                path,
                f"the text {wrong}",
                "remove the escape that writes it (such as \\e, \\x1b or \\ud800)",
            )
        if node.style is not None or node.tag in ("tag:yaml.org,2002:str",):
            return text
        self.source.plain_text[path] = text
        tag = node.tag.rsplit(":", 1)[-1]
        if tag == "null":
            if not text:
                self._comment_after(node, path)
            return None
        if tag == "timestamp":
            return text
        if tag == "bool":
            if text.lower() in _BOOL_WORDS:
                return _BOOL_WORDS[text.lower()]
            return self._ambiguous(
                node,
                path,
                f"'{text}' is a boolean in YAML 1.1 but text in YAML 1.2",
                f'quote this value ("{text}") if it is text, or write true or false',
            )
        if len(text) > _MAX_NUMBER_CHARS:
            return self._ambiguous(
                node, path, "number is too long", f'quote this value ("{text[:20]}…") if it is text'
            )
        if tag == "int":
            if _YAML12_INT.fullmatch(text):
                return int(text, 0)
            return self._ambiguous(node, path, *_int_surprise(text))
        if tag == "float":
            if _YAML12_FLOAT.fullmatch(text):
                return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))
            return self._ambiguous(node, path, *_float_surprise(text))
        return text

    def _comment_after(self, node: yaml.ScalarNode, path: Node) -> None:
        start = node.start_mark.index
        end = self.text.find("\n", start)
        rest = self.text[start : len(self.text) if end < 0 else end].strip()
        if rest.startswith("#"):
            self.source.comments[path] = rest

    def _ambiguous(self, node: yaml.ScalarNode, path: Node, message: str, hint: str) -> str:
        self.document.problems.append(_problem(self.document, node.start_mark, message, hint, path))
        self.document.spoiled.add(path)
        return str(node.value)


def _float_surprise(text: str) -> tuple[str, str]:
    """A YAML 1.1 float that YAML 1.2 reads as text: with underscores (``0_0.5``) or in
    base 60 (``1:20.5``). The one with underscores was meant as a number, most likely."""
    message = f"'{text}' is a number in YAML 1.1 but text in YAML 1.2"
    if "_" in text and ":" not in text:
        return message, f"write it without underscores ({text.replace('_', '')}), or quote it"
    return message, f'quote this value ("{text}")'


def _int_surprise(text: str) -> tuple[str, str]:
    digits = text.lstrip("+-")
    if ":" in digits:
        return (
            f"'{text}' is a base-60 number in YAML 1.1 (like a clock time) but text in YAML 1.2",
            f'quote this value ("{text}")',
        )
    if digits.startswith("0b"):
        return (f"'{text}' is a binary number in YAML 1.1", f'quote this value ("{text}")')
    if "_" in digits:
        return (
            f"'{text}' is a number in YAML 1.1 but text in YAML 1.2",
            f"write it without underscores ({text.replace('_', '')}), or quote it",
        )
    return (
        f"'{text}' has a leading zero: YAML 1.1 reads it as an octal number",
        f"write it without leading zeros ({int(digits) if digits.isdigit() else digits}), "
        f'or quote this value ("{text}") if it is text',
    )
