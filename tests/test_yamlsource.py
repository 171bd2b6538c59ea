"""The YAML reader: YAML 1.2 scalars, positions, and only needmap's own error type."""

from __future__ import annotations

import contextlib
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from needmap import load_study
from needmap.errors import NeedmapError
from needmap.personas import yamlsource
from needmap.personas.yamlsource import format_key, read_yaml_text

P = Path("t.yaml")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("-12", -12),
        ("0x1F", 31),
        ("0", 0),
        ("1.5", 1.5),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("null", None),
        ("hello world", "hello world"),
        ("'NO'", "NO"),
        ('"0123"', "0123"),
        ("2024-05-01", "2024-05-01"),
        ("1e3", "1e3"),
    ],
)
def test_scalars_read_as_yaml_12(text: str, value: object) -> None:
    document = read_yaml_text(f"k: {text}\n", P)
    assert document.data == {"k": value}
    assert type(document.data["k"]) is type(value)
    assert document.problems == []


def test_infinity_and_nan() -> None:
    document = read_yaml_text("a: .inf\nb: -.Inf\nc: .nan\n", P)
    assert document.data["a"] == math.inf
    assert document.data["b"] == -math.inf
    assert math.isnan(document.data["c"])


@pytest.mark.parametrize("text", ["NO", "yes", "On", "off", "0123", "12:30", "1_000", "0b101"])
def test_ambiguous_scalars_are_reported_and_kept_as_text(text: str) -> None:
    document = read_yaml_text(f"k: {text}\n", P)
    assert document.data == {"k": text}
    (problem,) = document.problems
    assert (problem.location.line, problem.location.column) == (1, 4)
    assert problem.key == "k"
    assert document.is_spoiled(("k",))


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("1_000", "write it without underscores (1000), or quote it"),
        ("1_000.5", "write it without underscores (1000.5), or quote it"),
        ("1:20.5", 'quote this value ("1:20.5")'),
        # base 60 too: quoted, not written without underscores
        ("1_0:20.5", 'quote this value ("1_0:20.5")'),
    ],
)
def test_a_number_yaml_versions_read_apart_gets_a_hint_for_what_was_meant(
    text: str, hint: str
) -> None:
    (problem,) = read_yaml_text(f"k: {text}\n", P).problems
    assert problem.message.startswith(f"'{text}' is a")
    assert problem.hint == hint


def test_a_text_of_the_largest_size_is_read_and_one_character_more_refused() -> None:
    largest = "#" * (yamlsource.MAX_FILE_BYTES - 1) + "\n"
    assert read_yaml_text(largest, P).data is None
    with pytest.raises(NeedmapError, match="text is longer than 5 MiB"):
        read_yaml_text(largest + "\n", P)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            'title: "Company news" and more\n',
            "a value that starts with a quote ends at the closing one: quote all of it, "
            "'\"Company news\" and more'",
        ),
        # what follows the quotes is a key of its own: not a value's rest to quote
        ('title: "Company news" kind: content\n', "check the indentation"),
        # YAML notices an unclosed quote only at the file's end: the hint says where it opened
        (
            'title: "unclosed\nkind: content\n',
            'the " at line 1, column 8 is not closed: end the text with ", and write " inside '
            'it as \\"',
        ),
        (
            "title: 'unclosed\nkind: content\n",
            "the ' at line 1, column 8 is not closed: end the text with ', and write ' inside "
            "it as ''",
        ),
        (
            "title: [news\nkind: content\n",
            "the '[' at line 1, column 8 is not closed: close it with ']', and quote a value "
            "that holds ',', '[' or ']'",
        ),
    ],
)
def test_a_value_that_goes_on_after_its_quotes_is_told_apart(text: str, hint: str) -> None:
    with pytest.raises(NeedmapError) as raised:
        read_yaml_text(text, P)
    assert raised.value.problems[0].hint.startswith(hint)


def test_a_character_yaml_does_not_allow_is_found_below_a_blank_line() -> None:
    with pytest.raises(NeedmapError) as raised:
        read_yaml_text("\na: b\x07\n", P)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 5)
    assert problem.message == (
        "the file contains the control character <U+0007>, which YAML does not allow"
    )


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        # no space after a key's colon: YAML stumbles only on the line after it
        (
            "needs:\n  - id: a\n    title:Search\n    kind: function\n",
            (4, 5),
            "put a space after the ':' on line 3, as in 'title: Search': without it, YAML "
            "reads 'title:Search' as one text",
        ),
        (
            "needs:\n  - id:search\n    # the title\n\n    title: Search\n",
            (5, 5),
            "put a space after the ':' on line 2, as in 'id: search': without it, YAML reads "
            "'id:search' as one text",
        ),
        (
            "links:\n  site:https://example.org\n  kind: content\n",
            (3, 7),
            "put a space after the ':' on line 2, as in 'site: https://example.org': without "
            "it, YAML reads 'site:https://example.org' as one text",
        ),
        # on the file's first line
        (
            "title:Search\nkind: function\n",
            (2, 5),
            "put a space after the ':' on line 1, as in 'title: Search': without it, YAML "
            "reads 'title:Search' as one text",
        ),
        (
            "description: >\nLong text.\nkind: content\n",
            (3, 1),
            "indent the text under 'description: >' (line 1) further than 'description': the "
            "text ends at the first line that is not",
        ),
        # a link in a list is not a key: the hint on ': ' stays
        (
            "links:\n  - https://example.org\n    kind: x\n",
            (3, 9),
            "text containing ': ' must be in quotes",
        ),
        # the text of a '>' or '|' key no further in than the key
        (
            "needs:\n  - id: a\n    description: >\n    Long text.\n    kind: content\n",
            (5, 5),
            "indent the text under 'description: >' (line 3) further than 'description': the "
            "text ends at the first line that is not",
        ),
        (
            "needs:\n  - description: |-\n    Long text.\n    kind: content\n",
            (4, 5),
            "indent the text under 'description: |' (line 2) further than 'description': the "
            "text ends at the first line that is not",
        ),
        # an escape past the last character there is (PyYAML's scanner raised ValueError)
        (
            'title: "\\U99999999"\n',
            (1, 11),
            "inside double quotes a backslash starts an escape such as \\n: write a backslash "
            "as \\\\, or put the text in single quotes",
        ),
        # a key or an item a column off from the one before it
        (
            "needs:\n  - id: a\n   title: A\n",
            (3, 4),
            "'title' starts at column 4, and 'id' on line 2 at column 5: the keys of one "
            "mapping start at the same column",
        ),
        (
            "needs:\n  - id: a\n    # the title\n     title: A\n",
            (4, 6),
            "'title' starts at column 6, and 'id' on line 2 at column 5: the keys of one "
            "mapping start at the same column",
        ),
        (
            "study: x\n language: nl\n",
            (2, 10),
            "'language' starts at column 2, and 'study' on line 1 at column 1: the keys of "
            "one mapping start at the same column",
        ),
        (
            "needs:\n  - id: a\n    title: A\n - id: b\n",
            (4, 2),
            "this item's '-' is at column 2, and the one on line 2 at column 3: the items of "
            "one list start at the same column",
        ),
        # a text going on no further in than its key, or a key without its colon
        (
            "needs:\n  - id: a\n    description: Long text\n  and more\n    kind: x\n",
            (5, 9),
            "line 4 is read as a key without its ':'. If it goes on with the text of "
            "'description' on line 3, indent it further than 'description'; if it is a key, "
            "write 'key: value'",
        ),
        (
            "needs:\n  - id: a\n    kind content\n",
            (4, 1),
            "line 3 is read as a key without its ':'. If it goes on with the text of 'id' on "
            "line 2, indent it further than 'id'; if it is a key, write 'key: value'",
        ),
        # a comma left out between two items on the line of their '{'
        (
            "needs:\n  - groups: {desk: must field: should}\n",
            (2, 30),
            "a ',' is missing between two items of the '{' before column 30, or a value that "
            "holds ',', '{' or '}' is not quoted",
        ),
        # text with ': ' in it, as a quote often has; in the quotes that read most plainly
        (
            "quotes:\n  - text: Jan said: slow\n    needs: [search]\n",
            (2, 19),
            "text containing ': ' must be in quotes: put all of it in quotes, 'Jan said: slow'",
        ),
        (
            "quotes:\n  - text: It's slow: always  # by phone\n",
            (2, 20),
            "text containing ': ' must be in quotes: put all of it in quotes, "
            '"It\'s slow: always"',
        ),
        # the file's very first character
        (
            "{desk: must\n",
            (2, 1),
            "the '{' at line 1, column 1 is not closed: close it with '}', and quote a value "
            "that holds ',', '{' or '}'",
        ),
        # a '[' closed by a '}', and a close with nothing to close
        (
            "groups: {desk: [must, should}\n",
            (1, 29),
            "the '[' at line 1, column 16 is not closed: close it with ']', and quote a value "
            "that holds ',', '[' or ']'",
        ),
        (
            "needs: [a, b]]\n",
            (1, 14),
            "this ']' closes no '[': remove it, or quote the text that holds it",
        ),
        (
            'path: "C:\\Users\\desk"\n',
            (1, 12),
            "inside double quotes a backslash starts an escape such as \\n: write a backslash "
            "as \\\\, or put the text in single quotes",
        ),
    ],
)
def test_yaml_slips_get_a_hint_that_names_the_slip(
    text: str, where: tuple[int, int], hint: str
) -> None:
    with pytest.raises(NeedmapError) as raised:
        read_yaml_text(text, P)
    problem = raised.value.problems[0]
    assert ((problem.location.line, problem.location.column), problem.hint) == (where, hint)


def test_positions_of_keys_and_values() -> None:
    document = read_yaml_text("a:\n  - x: 1\n    y: [2, 3]\n", P)
    source = document.source
    assert source.values[("a", 0, "y", 1)] == (3, 12)
    assert source.keys[("a", 0, "y")] == (3, 5)
    loc = source.locate(("a", 0, "missing", 4))
    assert (loc.line, loc.column) == (2, 5)
    loc = source.locate(("a", 0, "y", 5))  # the nearest ancestor, one step up
    assert (loc.line, loc.column) == (3, 8)
    loc = read_yaml_text("# nothing but a comment\n", P).source.locate(("a", 0))
    assert (loc.line, loc.column) == (1, 1)
    loc = read_yaml_text("# the groups\n\ngroups: []\n", P).source.locate(("missing",))
    assert (loc.line, loc.column) == (3, 1)  # the document, below its comment


def test_a_block_text_s_span_ends_at_its_last_character() -> None:
    """A text written as a block (``|``) ends where its last character does, not at the
    blank lines below it, where YAML's end mark lies: what follows it stays."""
    text = "a: |\n  two\n  lines\n\n\nb: 1\n"
    spans = read_yaml_text(text, P).source.spans
    assert text[slice(*spans[("a",)])] == "|\n  two\n  lines"
    assert spans[()][1] == len(text) - 1  # the document ends at the last value's end


def _reported(document: yamlsource.YamlDocument) -> list[tuple[int | None, int | None, str, str]]:
    """Each problem found reading a text: where, what, and the hint."""
    return [(p.location.line, p.location.column, p.message, p.hint) for p in document.problems]


def test_anchors_and_aliases_are_refused_each_with_its_own_hint() -> None:
    """An alias of an anchor was meant as one: write the value out. An alias of no anchor
    is text that starts with * and lacks its quotes. Either reads as empty, not as a crash."""
    document = read_yaml_text("a: &x [1]\nb: *x\nc: *y\n", P)
    assert document.data == {"a": [1], "b": None, "c": None}
    assert _reported(document) == [
        (
            1,
            4,
            "anchor '&x' is not allowed",
            "to write text that starts with &, put it in quotes; else remove the anchor and "
            "write out every value where it is used",
        ),
        (
            2,
            4,
            "alias '*x' is not allowed",
            "write the value out in full; anchors and aliases make files hard to review",
        ),
        (
            3,
            4,
            "alias '*y' is not allowed",
            'to write text that starts with *, put it in quotes: "*y"; YAML reads it as an '
            "alias, which study files do not use",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "a: 1\n<<: {b: 2}\nc: 3\n",
            "merge keys ('<<') are not allowed",
            "write the keys out in full",
        ),
        (
            "a: 1\n[x, y]: 2\nc: 3\n",
            "a key must be plain text",
            "write keys as simple words, such as 'title:'",
        ),
        (
            "a: 1\na: 2\nc: 3\n",
            "duplicate key 'a' (first at line 1, column 1)",
            "remove one of the two; YAML tools disagree on which one wins",
        ),
    ],
)
def test_a_key_that_is_refused_leaves_the_keys_after_it_read(
    text: str, message: str, hint: str
) -> None:
    """One message for the key on line 2, and the file's other keys still read, so that
    the checks after reading find their problems in the same run."""
    document = read_yaml_text(text, P)
    assert document.data == {"a": 1, "c": 3}
    assert _reported(document) == [(2, 1, message, hint)]


def test_a_long_text_is_no_number() -> None:
    """Only a plain value YAML 1.1 reads as a number is checked for its length."""
    text = " ".join(["word"] * 30)
    document = read_yaml_text(f"k: {text}\n", P)
    assert (document.data, document.problems) == ({"k": text}, [])


def test_a_file_not_there_or_not_a_file_is_named_with_a_hint(tmp_path: Path) -> None:
    """A mapping given on the command line: the one beside it spelled nearly the same is
    offered, else a check of the name; a folder given for it cannot be read."""
    (tmp_path / "mapping.yaml").write_text("tasks: []\n")
    with pytest.raises(NeedmapError) as missing:
        yamlsource.read_yaml_file(tmp_path / "mapping.yml")
    with pytest.raises(NeedmapError) as unlike:
        yamlsource.read_yaml_file(tmp_path / "groups.yaml")
    with pytest.raises(NeedmapError) as folder:
        yamlsource.read_yaml_file(tmp_path)
    problems = missing.value.problems + unlike.value.problems + folder.value.problems
    assert [(p.message, p.hint) for p in problems] == [
        ("no such file", f"did you mean {tmp_path / 'mapping.yaml'}?"),
        ("no such file", "check the name, or give the file's whole path"),
        ("cannot read file: Is a directory", ""),
    ]


def test_format_key() -> None:
    assert format_key(("needs", 3, "groups", "desk")) == "needs[3].groups.desk"
    assert format_key(()) == ""


def test_very_long_number_is_not_a_crash() -> None:
    document = read_yaml_text("k: " + "9" * 5000 + "\n", P)
    assert document.problems[0].message == "number is too long"
    assert document.problems[0].hint == f'quote this value ("{"9" * 20}…") if it is text'


def test_a_number_of_a_hundred_digits_is_read_and_one_more_refused() -> None:
    assert read_yaml_text("k: " + "9" * 100 + "\n", P).data == {"k": int("9" * 100)}
    assert read_yaml_text("k: " + "9" * 101 + "\n", P).problems[0].message == ("number is too long")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_raises_only_needmap_errors(text: str) -> None:
    with contextlib.suppress(NeedmapError):
        read_yaml_text(text, P)


_YAML_PIECES = st.sampled_from(
    [
        "a:",
        " b:",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x ",
        "*x",
        "!!str ",
        "!!python/name:os ",
        "? ",
        ": ",
        "'",
        '"',
        "|\n",
        ">\n",
        "\n",
        "  ",
        "\t",
        "#c",
        "---\n",
        "...\n",
        "<<: ",
        "NO",
        "0123",
        "12:30",
        "~",
        "%YAML 1.1\n",
        "%TAG ! tag:x,2000:\n",
        "!foo ",
        "\x00",
        "\ufeff",
        "é",
        "9" * 50,
        "id:x",
        "\\U",
        "\\",
        "|-\n",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_YAML_PIECES, max_size=40).map("".join))
def test_yaml_shaped_text_raises_only_needmap_errors(text: str) -> None:
    with contextlib.suppress(NeedmapError):
        read_yaml_text(text, P)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    raw=st.binary(max_size=200),
    which=st.sampled_from(["study.yaml", "needs.yaml", "groups/x.yaml"]),
)
def test_random_bytes_in_a_study_raise_only_needmap_errors(
    raw: bytes, which: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "study.yaml").write_text("name: S\norganisation: O\n", encoding="utf-8")
    target = root / which
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    try:
        load_study(root)
    except NeedmapError as exc:
        assert all(p.message for p in exc.problems)


_ROOT = Path(__file__).resolve().parent.parent
_STUDY_FILES = sorted(
    [
        *(_ROOT / "needmap" / "templates").rglob("*.yaml"),
        *(_ROOT / "tests" / "fixtures").rglob("*.yaml"),
    ]
)
_AWKWARD = [
    "a: &x 1\nb: *x\nc: [*x]\n",
    "a:\n" + "  - " * 45 + "deep\n",
    "text: |\n  two lines\n  here\n\n\nnext: >-\n  folded\n  text\n",
    "a: NO\nb: 0123\nc: 12:30\nd: 1e400\ne: !!python/object x\nf: 2026-13-45\n",
    "a: 1\r\nb: 'caf\u00e9 \U0001f600'\r\nc: \"line\\u2028break\"\r\n",
    "a: 1\na: 2\n{x: 1}: y\n? [k]\n: v\n",
    "# only a comment\n",
    "",
    "a: [1, 2\n",
    "a: b: c\n",
    "key: value\n\x07\n",
    "a:\n\tb: 1\n",
    "a: [x\ufeff, y]\nb: 1\n",
    "\ufeffa: x\nb: [1, 2]\n",  # a mark at the start: libyaml counts the offsets from after it
    "a: 1\n---\nb: 2\n",
]


def _reading(text: str) -> tuple[object, ...]:
    try:
        document = read_yaml_text(text, P)
    except NeedmapError as exc:
        return ("refused", [p.format() for p in exc.problems], [p.hint for p in exc.problems])
    source = document.source
    return (
        document.data,
        source.values,
        source.spans,
        source.key_spans,
        source.flow,
        [(p.format(), p.hint) for p in document.problems],
    )


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    "text",
    [*(path.read_text(encoding="utf-8") for path in _STUDY_FILES), *_AWKWARD],
    ids=[*(str(path.relative_to(_ROOT)) for path in _STUDY_FILES), *map(repr, _AWKWARD)],
)
def test_libyaml_reads_as_pyyaml_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml reads study files ten times as fast; what they hold, where each value stands,
    and every problem with its message and hint must be as PyYAML's own parser has them."""
    fast = _reading(text)
    monkeypatch.setattr(yamlsource, "_LIBYAML", False)
    assert fast == _reading(text)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "- {id: nood, label: Wat te doen?  Bel}\n",
            [{"id": "nood", "label": "Wat te doen?  Bel"}],
        ),
        ("text: Ik zoek\telke dag\n", {"text": "Ik zoek\telke dag"}),
        ("title: Zoeken\t# on the intranet\nfile: a.csv\t\n", {"title": "Zoeken", "file": "a.csv"}),
    ],
)
def test_what_yaml_allows_and_pyyaml_refused_is_read(text: str, value: object) -> None:
    """A task label may ask a question, and a quote pasted from a spreadsheet may hold a
    tab: YAML allows both, libyaml reads them, PyYAML's own parser refused them."""
    assert read_yaml_text(text, P).data == value


def test_a_tab_that_indents_is_refused_with_its_hint() -> None:
    with pytest.raises(NeedmapError) as raised:
        read_yaml_text("a:\n\tb: 1\n", P)
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 1)
    assert problem.hint == "indent with spaces; YAML does not allow tabs"
