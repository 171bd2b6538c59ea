"""Table-driven: each broken study gives exactly these problems, at these positions.

Positions were checked by hand against the YAML of each case: line and column count from 1,
as editors show them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, NeedmapError, NotAStudyError, plural
from needmap.personas.messages import did_you_mean, ids_listed, name_hint, unknown_id_hint
from needmap.personas.yamlsource import MAX_DEPTH, MAX_FILE_BYTES
from needmap.scaffold import init_study
from needmap.surveys.interviews import check_interviews
from tests.conftest import MINIMAL_STUDY, StudyMaker


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, str | bytes | None]
    expected: list[str]
    hint: str = ""
    """A fragment that the first problem's hint must contain."""


MINIMAL_PERSONAS = textwrap.dedent(MINIMAL_STUDY["personas.yaml"])


def _needs(body: str) -> dict[str, str | bytes | None]:
    """Replace needs.yaml; drop the personas, whose key needs it would no longer define."""
    return {"needs.yaml": "needs:\n" + body, "personas.yaml": None}


CASES = [
    Case(
        "tab-indent",
        _needs("  - id: search\n\ttitle: Search\n"),
        ["needs.yaml:3:1: YAML syntax error: found character '\\t' that cannot start any token"],
        "spaces",
    ),
    Case(
        "unclosed-quote",
        _needs('  - id: search\n    title: "Search\n    kind: function\n'),
        ["needs.yaml:5:1: YAML syntax error: found unexpected end of stream"],
        "not closed",
    ),
    Case(
        "colon-in-plain-text",
        _needs("  - id: search\n    title: Search: everything\n    kind: function\n"),
        ["needs.yaml:3:18: YAML syntax error: mapping values are not allowed here"],
        "quotes",
    ),
    Case(
        "duplicate-key",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    title: Find\n"
            "    groups: {desk: must}\n"
        ),
        ["needs.yaml:5:5: needs[0].title: duplicate key 'title' (first at line 3, column 5)"],
        "remove one",
    ),
    Case(
        "anchor-and-alias",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: &both {desk: must, field: must}\n"
            "  - id: mobile\n    title: Phone\n    kind: technology\n    groups: *both\n"
        ),
        [
            "needs.yaml:5:13: anchor '&both' is not allowed",
            "needs.yaml:9:13: alias '*both' is not allowed",
        ],
        "write out",
    ),
    Case(
        "alias-of-no-anchor",  # a search term with a wildcard, or any text starting with *
        _needs("  - id: search\n    title: *Search\n    kind: function\n"),
        ["needs.yaml:3:12: alias '*Search' is not allowed"],
        'to write text that starts with *, put it in quotes: "*Search"',
    ),
    Case(
        "text-starting-with-a-star",
        _needs("  - id: search\n    title: *Search everything\n    kind: function\n"),
        ["needs.yaml:3:20: YAML syntax error: expected <block end>, but found '<scalar>'"],
        "text starting with * must be in quotes: put all of it in quotes, '*Search everything'",
    ),
    Case(
        "python-tag",
        _needs(
            "  - id: search\n    title: !!python/object/apply:os.system [ls]\n    kind: function\n"
        ),
        [
            "needs.yaml:3:12: needs[0].title: the tag '!!python/object/apply:os.system' "
            "is not allowed"
        ],
        "remove the tag",
    ),
    Case(
        "yaml11-boolean-NO",
        _needs("  - id: search\n    title: NO\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:12: needs[0].title: 'NO' is a boolean in YAML 1.1 but text in YAML 1.2"],
        'quote this value ("NO")',
    ),
    Case(
        "yaml11-boolean-on",
        {
            "personas.yaml": "personas:\n  - id: henk\n    name: Henk\n    group: field\n"
            "    role: on\n"
        },
        [
            "personas.yaml:5:11: personas[0].role: "
            "'on' is a boolean in YAML 1.1 but text in YAML 1.2"
        ],
        'quote this value ("on")',
    ),
    Case(
        "yaml11-octal",
        {
            "personas.yaml": "personas:\n  - id: henk\n    name: 0123\n    group: field\n"
            "    role: Keeper\n"
        },
        [
            "personas.yaml:3:11: personas[0].name: '0123' has a leading zero: YAML 1.1 reads it "
            "as an octal number"
        ],
        'quote this value ("0123")',
    ),
    Case(
        "yaml11-sexagesimal",
        {
            "personas.yaml": "personas:\n  - id: henk\n    name: Henk\n    group: field\n"
            "    role: Keeper\n    scenarios: [12:30]\n"
        },
        [
            "personas.yaml:6:17: personas[0].scenarios[0]: '12:30' is a base-60 number in YAML 1.1 "
            "(like a clock time) but text in YAML 1.2"
        ],
        'quote this value ("12:30")',
    ),
    Case(
        "deep-nesting",
        _needs("  - " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"),
        [f"needs.yaml:2:{5 + MAX_DEPTH - 2}: nesting is deeper than {MAX_DEPTH} levels"],
        "study files need only a few levels; check the indentation",
    ),
    Case(
        "latin1-encoding",
        {"needs.yaml": "needs:\n  - id: search\n    title: Zoeken in één keer\n".encode("latin-1")},
        ["needs.yaml:3:22: file is not valid UTF-8 (byte 0xe9)"],
        "save the file as UTF-8; most editors offer this under 'Save with encoding'",
    ),
    Case(
        "latin1-below-a-blank-first-line",
        {"needs.yaml": "\n# één\nneeds: []\n".encode("latin-1")},
        ["needs.yaml:2:3: file is not valid UTF-8 (byte 0xe9)"],
    ),
    Case(
        "utf16-encoding",
        {"needs.yaml": "needs: []\n".encode("utf-16")},
        ["needs.yaml: file is encoded as UTF-16"],
        "UTF-8",
    ),
    Case(
        "control-character",
        _needs("  - id: search\n    title: Sea\x07rch\n"),
        [
            "needs.yaml:3:15: the file contains the control character <U+0007>, which YAML does "
            "not allow"
        ],
        "remove it",
    ),
    Case(
        "escaped-control-character",
        _needs(
            '  - id: search\n    title: "Sea\\erch\\x07"\n    kind: function\n'
            "    groups: {desk: must}\n"
        ),
        [
            "needs.yaml:3:12: needs[0].title: the text holds the control character <U+001B>, "
            "which no report or workbook can show"
        ],
        "remove the escape",
    ),
    Case(
        "escaped-half-character",
        _needs(
            '  - id: search\n    title: "Search \\ud800"\n    kind: function\n'
            "    groups: {desk: must}\n"
        ),
        [
            "needs.yaml:3:12: needs[0].title: the text holds <U+D800>, half of a character, "
            "which no file can hold (a byte that is not UTF-8, or an escape that writes it)"
        ],
        "remove the escape",
    ),
    Case(
        "invisible-character-in-a-key",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk\u00a0: must}\n"
        ),
        [
            "needs.yaml:5:14: needs[0].groups.desk<U+00A0>: 'desk<U+00A0>' is not a valid id: it "
            "holds a character that cannot be seen"
        ],
        "delete the no-break space after 'desk'",
    ),
    Case(
        "invisible-character-in-id",
        _needs(
            "  - id: search\u200bbox\n    title: Search\n    kind: function\n"
            "    groups: {desk: must}\n"
        ),
        [
            "needs.yaml:2:9: needs[0].id: 'search<U+200B>box' is not a valid id: it holds a "
            "character that cannot be seen"
        ],
        "delete the zero width space after 'search'",
    ),
    Case(
        "two-documents",
        {"needs.yaml": "needs: []\n---\nneeds: []\n"},
        ["needs.yaml:2:1: YAML syntax error: but found another document"],
        "one document",
    ),
    Case(
        "wrong-type-headcount",
        {
            "groups.yaml": "groups:\n  - id: desk\n    name: Desk\n    headcount: many\n"
            "  - id: field\n    name: Field\n"
        },
        ["groups.yaml:4:16: groups[0].headcount: expected a whole number, found the text 'many'"],
    ),
    Case(  # not right below its key: only that key has it
        "a-key-of-a-section-written-further-down",
        {
            "study.yaml": "name: S\nprivacy:\n  min_group_size: 5\norganisation: O\n"
            "min_group_size: 3\n"
        },
        ["study.yaml:5:1: unknown key 'min_group_size'"],
        "'min_group_size' belongs under 'privacy:': indent it under that key",
    ),
    Case(
        "headcount-with-a-fraction",
        {
            "groups.yaml": "groups:\n  - id: desk\n    name: Desk\n    headcount: 12.5\n"
            "  - id: field\n    name: Field\n"
        },
        ["groups.yaml:4:16: groups[0].headcount: expected a whole number, found the number 12.5"],
    ),
    Case(
        "headcount-in-a-dutch-word",
        {
            "groups.yaml": "groups:\n  - id: desk\n    name: Desk\n    headcount: twaalf\n"
            "  - id: field\n    name: Field\n"
        },
        ["groups.yaml:4:16: groups[0].headcount: expected a whole number, found the text 'twaalf'"],
        "write it in digits: 12",
    ),
    Case(
        "number-where-text-expected",
        {"groups.yaml": "groups:\n  - id: desk\n    name: 2024\n  - id: field\n    name: Field\n"},
        ["groups.yaml:3:11: groups[0].name: expected text, found the number 2024"],
        'quote this value: "2024"',
    ),
    Case(
        "missing-required",
        _needs("  - id: search\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:2:5: needs[0]: required key 'title' is missing"],
        "add 'title:'",
    ),
    Case(
        "unknown-key",
        _needs(
            "  - id: search\n    titel: Search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must}\n"
        ),
        ["needs.yaml:3:5: needs[0]: unknown key 'titel'"],
        "did you mean 'title'?",
    ),
    Case(  # one slip, one problem: that 'title' is missing goes without saying
        "misspelt-required-key",
        _needs("  - id: search\n    titel: Search\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:5: needs[0]: unknown key 'titel'"],
        "did you mean 'title'?",
    ),
    Case(  # a key unlike the one missing is another slip
        "unknown-key-and-missing-required",
        _needs("  - id: search\n    label: Search\n    kind: function\n    groups: {desk: must}\n"),
        [
            "needs.yaml:2:5: needs[0]: required key 'title' is missing",
            "needs.yaml:3:5: needs[0]: unknown key 'label'",
        ],
        "add 'title:'",
    ),
    Case(  # as a group's or a persona's: a need has a title
        "name-for-title",
        _needs("  - id: search\n    name: Search\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:5: needs[0]: unknown key 'name'"],
        "did you mean 'title'?",
    ),
    Case(
        "key-in-dutch",
        {"groups.yaml": "groups:\n  - id: desk\n    Naam: Balie\n  - id: field\n    name: Field\n"},
        ["groups.yaml:3:5: groups[0]: unknown key 'Naam'"],
        "did you mean 'name'?",
    ),
    Case(  # the required role, in Dutch: one slip
        "role-in-dutch",
        {
            "personas.yaml": "personas:\n  - id: henk\n    name: Henk\n    group: field\n"
            "    rol: Monteur\n"
        },
        ["personas.yaml:5:5: personas[0]: unknown key 'rol'"],
        "did you mean 'role'?",
    ),
    Case(
        "description-in-dutch",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    groups: {desk: must}\n"
            "    omschrijving: Find it\n"
        ),
        ["needs.yaml:6:5: needs[0]: unknown key 'omschrijving'"],
        "did you mean 'description'?",
    ),
    Case(
        "bad-importance",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: moet, field: could}\n"
        ),
        ["needs.yaml:5:20: needs[0].groups.desk: 'moet' is not allowed here"],
        "did you mean 'must'?",
    ),
    Case(
        "one-key-need-without-brackets",
        {"personas.yaml": MINIMAL_PERSONAS.replace("needs: [mobile]", "needs: mobile")},
        ["personas.yaml:6:12: personas[0].needs: expected a list, found the text 'mobile'"],
        "write it as a list, even of one item: [mobile]",
    ),
    Case(
        "goals-without-brackets",
        {"personas.yaml": MINIMAL_PERSONAS + "    goals: Fix it, in one visit\n"},
        [
            "personas.yaml:7:12: personas[0].goals: expected a list, found the text "
            "'Fix it, in one visit'"
        ],
        'write it as a list: [Fix it, in one visit] for several items, or ["Fix it, in one '
        'visit"] for one text',
    ),
    Case(
        "a-comment-where-the-value-was-meant",
        _needs("  - id: search\n    title: #1 search\n    kind: function\n"),
        ["needs.yaml:3:11: needs[0].title: expected text, found an empty value"],
        'if the comment is the value, quote it: "#1 search"',
    ),
    Case(
        "a-value-that-goes-on-after-its-closing-quote",
        _needs('  - id: search\n    title: "One search" for all\n    kind: function\n'),
        ["needs.yaml:3:25: YAML syntax error: expected <block end>, but found '<scalar>'"],
        "quote all of it, '\"One search\" for all'",
    ),
    Case(
        "a-value-that-goes-on-after-its-closing-single-quote",
        _needs("  - id: search\n    title: 'One search' for all\n    kind: function\n"),
        ["needs.yaml:3:25: YAML syntax error: expected <block end>, but found '<scalar>'"],
        "quote all of it, \"'One search' for all\"",
    ),
    Case(
        "a-value-starting-with-a-star",
        _needs("  - id: search\n    title: * search\n    kind: function\n"),
        [
            "needs.yaml:3:13: YAML syntax error: expected alphabetic or numeric character, "
            "but found ' '"
        ],
        "text starting with * must be in quotes",
    ),
    Case(
        "a-comma-in-a-value-inside-braces",
        _needs(
            "  - {id: search, title: Search, in every source, kind: function, "
            "groups: {desk: must}}\n"
        ),
        ["needs.yaml:2:33: needs[0]: unknown key 'in every source'"],
        "if 'in every source' belongs to title, quote it whole: title: \"Search, in every source\"",
    ),
    Case(
        "a-comma-in-the-first-value-inside-braces",  # the text is the mapping's first value
        _needs(
            "  - {title: Search, in every source, id: search, kind: function, "
            "groups: {desk: must}}\n"
        ),
        ["needs.yaml:2:21: needs[0]: unknown key 'in every source'"],
        "if 'in every source' belongs to title, quote it whole: title: \"Search, in every source\"",
    ),
    Case(
        "an-unknown-key-with-no-value-after-a-text-in-block-style",  # no comma to blame
        _needs(
            "  - id: search\n    title: Search\n    in every source:\n    kind: function\n"
            "    groups: {desk: must}\n"
        ),
        ["needs.yaml:4:5: needs[0]: unknown key 'in every source'"],
        "allowed keys here: id, title,",
    ),
    Case(
        "an-unknown-key-with-no-value-first-inside-braces",  # no value before it to blame
        _needs(
            "  - {in every source, id: search, groups: {desk: must}, kind: function, title: S}\n"
        ),
        ["needs.yaml:2:6: needs[0]: unknown key 'in every source'"],
        "allowed keys here: id, title,",
    ),
    Case(
        "an-unknown-key-inside-braces-with-a-value",
        _needs("  - {id: search, title: Search, size: l, kind: function, groups: {desk: must}}\n"),
        ["needs.yaml:2:33: needs[0]: unknown key 'size'"],
        "did you mean 'effort'?",  # a need's size; a group's would be its headcount
    ),
    Case(
        "effort-in-words",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    effort: Extra-Large\n"
            "    groups: {desk: must}\n"
        ),
        ["needs.yaml:5:13: needs[0].effort: 'Extra-Large' is not allowed here"],
        "did you mean 'xl'?",
    ),
    Case(
        "importance-as-moscow-writes-it",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: Should Have}\n"
        ),
        ["needs.yaml:5:20: needs[0].groups.desk: 'Should Have' is not allowed here"],
        "did you mean 'should'?",
    ),
    Case(
        "importance-as-a-list",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: [must], field: could}\n"
        ),
        ["needs.yaml:5:20: needs[0].groups.desk: expected one value, found a list"],
        "write it without the brackets: must",
    ),
    Case(
        "importance-as-a-mapping",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: {level: must}}\n"
        ),
        ["needs.yaml:5:20: needs[0].groups.desk: expected one value, found a mapping"],
        "write one of: must, should, could",
    ),
    Case(
        "importance-with-no-likeness",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: essential-ish}\n"
        ),
        ["needs.yaml:5:20: needs[0].groups.desk: 'essential-ish' is not allowed here"],
        "use one of: must, should, could",
    ),
    Case(
        "bad-kind",
        _needs("  - id: search\n    title: Search\n    kind: functie\n    groups: {desk: must}\n"),
        ["needs.yaml:4:11: needs[0].kind: 'functie' is not allowed here"],
        "did you mean 'function'?",
    ),
    Case(
        "group-without-its-importance",  # a flow mapping's key with no value
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk, field: should}\n"
        ),
        [
            "needs.yaml:5:18: needs[0].groups.desk: expected must, should or could, found an "
            "empty value"
        ],
        "write one of must, should, could after 'desk:'",
    ),
    Case(
        "groups-listed-with-a-number-among-them",  # no mapping of names to offer
        _needs("  - {id: search, title: Search, kind: function, groups: [desk, 1]}\n"),
        ["needs.yaml:2:57: needs[0].groups: expected a mapping (key: value lines), found a list"],
        "write 'key: value' lines, indented under this key",
    ),
    Case(
        "language-left-empty",  # one of a few, with a default
        {"study.yaml": "name: S\norganisation: O\nlanguage:\n"},
        ["study.yaml:3:10: language: expected nl or en, found an empty value"],
        "write one of nl, en after 'language:', or leave 'language:' out for its default",
    ),
    Case(
        "effort-in-capitals",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    effort: XL\n"
            "    groups: {desk: must}\n"
        ),
        ["needs.yaml:5:13: needs[0].effort: 'XL' is not allowed here"],
        "did you mean 'xl'?",
    ),
    Case(
        "bad-id",
        _needs(
            "  - id: Search All\n    title: Search\n    kind: function\n    groups: {desk: must}\n"
        ),
        ["needs.yaml:2:9: needs[0].id: 'Search All' is not a valid id"],
        "write it as 'search-all': ids use lowercase letters, digits, '-' and '_', start with "
        "a letter or digit and are at most 63 characters",
    ),
    Case(
        "group-id-with-capitals-and-accents",
        {
            "groups.yaml": "groups:\n  - {id: desk, name: Desk}\n  - {id: field, name: Field}\n"
            "  - {id: Front-Desk, name: Front}\n  - {id: Café_Staff, name: Café staff}\n",
        },
        [
            "groups.yaml:4:10: groups[2].id: 'Front-Desk' is not a valid id",
            "groups.yaml:5:10: groups[3].id: 'Café_Staff' is not a valid id",
        ],
        "write it as 'front-desk': ids use lowercase letters",
    ),
    Case(
        "dangling-group",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must, feild: should}\n"
        ),
        ["needs.yaml:5:26: needs[0].groups.feild: unknown group 'feild'"],
        "did you mean 'field'?",
    ),
    Case(
        "dangling-persona-need",
        {
            "personas.yaml": "personas:\n  - id: henk\n    name: Henk\n    group: field\n"
            "    role: Keeper\n    needs: [mobile, moblie-app, teleport]\n"
        },
        [
            "personas.yaml:6:21: personas[0].needs[1]: unknown need 'moblie-app'",
            "personas.yaml:6:33: personas[0].needs[2]: unknown need 'teleport'",
        ],
        "use one of: mobile, search",
    ),
    Case(
        "duplicate-id-across-files",
        {
            "more/extra.yaml": None,
            "needs/extra.yaml": "needs:\n  - id: search\n    title: Again\n"
            "    kind: content\n    groups: {desk: could}\n",
        },
        [
            "needs/extra.yaml:2:9: needs[0].id: duplicate need id 'search' (first defined at "
            "{root}/needs.yaml:2:9)"
        ],
        "own id",
    ),
    Case(
        "duplicate-id-of-a-broken-need",
        _needs(
            "  - id: search\n    title: Search\n    kind: functoin\n    groups: {desk: must}\n"
            "  - id: search\n    title: Again\n    kind: content\n    groups: {desk: could}\n"
        ),
        [
            "needs.yaml:4:11: needs[0].kind: 'functoin' is not allowed here",
            "needs.yaml:6:9: needs[1].id: duplicate need id 'search' (first defined at "
            "{root}/needs.yaml:2:9)",
        ],
        "did you mean 'function'?",
    ),
    Case(
        "dependency-cycle",
        _needs(
            "  - id: a\n    title: A\n    kind: function\n    groups: {desk: must}\n"
            "    depends_on: [b]\n"
            "  - id: b\n    title: B\n    kind: function\n    groups: {desk: must}\n"
            "    depends_on: [a]\n"
        ),
        ["needs.yaml:6:17: needs[0].depends_on: dependency cycle: a -> b -> a"],
        "remove one",
    ),
    Case(
        "dependency-cycle-through-a-second-dependency",
        _needs(
            "  - {id: a, title: A, kind: function, groups: {desk: must}, depends_on: [c, b]}\n"
            "  - {id: b, title: B, kind: function, groups: {desk: must}, depends_on: [a]}\n"
            "  - {id: c, title: C, kind: function, groups: {desk: must}}\n"
        ),
        ["needs.yaml:2:73: needs[0].depends_on: dependency cycle: a -> b -> a"],
    ),
    Case(
        "unknown-phase",
        _needs(
            "  - id: a\n    title: A\n    kind: function\n    groups: {desk: must}\n"
            "    phase: nwo\n"
        ),
        ["needs.yaml:6:12: needs[0].phase: unknown phase 'nwo'"],
        "did you mean 'now'?",
    ),
    Case(
        "phase-by-its-name",
        {
            **_needs(
                "  - {id: a, title: A, kind: function, groups: {desk: must}, phase: Q1 2027}\n"
            ),
            "study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
            "    - {id: q1, name: Q1 2027}\n    - {id: q2, name: Q2 2027}\n",
        },
        ["needs.yaml:2:68: needs[0].phase: unknown phase 'Q1 2027'"],
        "that is the name of phase 'q1': write its id, q1",
    ),
    Case(
        "roadmap-as-a-list-of-phases",
        {"study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  - now\n  - later\n"},
        ["study.yaml:5:3: roadmap: expected a mapping (key: value lines), found a list"],
        "write 'key: value' lines, indented under this key",
    ),
    Case(
        "duplicate-phase-id",
        {
            "study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
            "    - {id: q1, name: Q1 2027}\n    - {id: q1, name: Q2 2027}\n",
        },
        [
            "study.yaml:7:12: roadmap.phases[1].id: duplicate roadmap phase id 'q1' (first "
            "defined at {root}/study.yaml:6:12)"
        ],
        "give each roadmap phase its own id",
    ),
    Case(
        "phase-by-the-id-like-name-of-another",
        {
            **_needs("  - {id: a, title: A, kind: function, groups: {desk: must}, phase: now}\n"),
            "study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
            "    - {id: q1, name: Now}\n    - {id: later, name: Later}\n",
        },
        ["needs.yaml:2:68: needs[0].phase: unknown phase 'now'"],
        "that is the name of phase 'q1': write its id, q1; if the phase was renamed, change "
        "every need decided for it: needmap phases rename ",
    ),
    Case(
        "phase-of-a-dutch-study-without-phases",
        {
            **_needs("  - {id: a, title: A, kind: function, groups: {desk: must}, phase: now}\n"),
            "study.yaml": "name: S\norganisation: O\nlanguage: nl\n",
        },
        ["needs.yaml:2:68: needs[0].phase: unknown phase 'now'"],
        "did you mean 'nu'? That is 'now' in the study's language",
    ),
    Case(
        "phase-renamed-by-hand",
        {
            **_needs("  - {id: a, title: A, kind: function, groups: {desk: must}, phase: now}\n"),
            "study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
            "    - {id: q1, name: Q1 2027}\n    - {id: later, name: Later}\n",
        },
        ["needs.yaml:2:68: needs[0].phase: unknown phase 'now'"],
        "no need is decided for phase 'q1': if it is 'now' renamed, change every need decided "
        "for it at once: needmap phases rename ",
    ),
    Case(
        "phase-renamed-by-hand-beside-a-new-phase",
        {
            **_needs("  - {id: a, title: A, kind: function, groups: {desk: must}, phase: now}\n"),
            "study.yaml": "name: S\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
            "    - {id: in-place, name: In place, capacity: 0}\n"
            "    - {id: q1, name: Q1 2027}\n    - {id: later, name: Later}\n",
        },
        ["needs.yaml:2:68: needs[0].phase: unknown phase 'now'"],
        "write the id of one of the roadmap's phases (roadmap.phases in study.yaml): in-place, "
        "q1, later; or, if the phase was renamed, change every need decided for it: needmap "
        "phases rename ",
    ),
    Case(
        "phase-where-study-yaml-could-not-be-read",
        {
            **_needs("  - {id: a, title: A, kind: function, groups: {desk: must}, phase: now}\n"),
            "study.yaml": "name: S\norganisation: O\nlanguage: de\n",
        },
        ["study.yaml:3:11: language: 'de' is not allowed here"],
    ),
    Case(
        "decided-with-an-unknown-dependency",
        _needs(
            "  - {id: a, title: A, kind: function, groups: {desk: must}, depends_on: [c],"
            " phase: now}\n"
            "  - {id: b, title: B, kind: function, groups: {desk: must}, phase: later}\n"
        ),
        ["needs.yaml:2:74: needs[0].depends_on[0]: unknown need 'c'"],
    ),
    Case(
        "decided-in-a-dependency-cycle",
        _needs(
            "  - {id: a, title: A, kind: function, groups: {desk: must}, depends_on: [b],"
            " phase: now}\n"
            "  - {id: b, title: B, kind: function, groups: {desk: must}, depends_on: [a],"
            " phase: later}\n"
        ),
        ["needs.yaml:2:73: needs[0].depends_on: dependency cycle: a -> b -> a"],
    ),
    Case(
        "decided-before-a-dependency",
        _needs(
            "  - {id: a, title: A, kind: function, groups: {desk: must}, depends_on: [b],"
            " phase: now}\n"
            "  - {id: b, title: B, kind: function, groups: {desk: must}, depends_on: [c]}\n"
            "  - {id: c, title: C, kind: function, groups: {desk: must}, phase: later}\n"
        ),
        [
            "needs.yaml:2:85: needs[0].phase: need 'a' is decided for phase 'now', before "
            "'c' it depends on (through b), decided for 'later'"
        ],
        "decide 'a' for 'later' or later, or 'c' for 'now' or earlier",
    ),
    Case(
        "self-dependency",
        _needs(
            "  - id: a\n    title: A\n    kind: function\n    groups: {desk: must}\n"
            "    depends_on: [a]\n"
        ),
        ["needs.yaml:6:18: needs[0].depends_on[0]: need 'a' depends on itself"],
        "remove it",
    ),
    Case(
        "unknown-family",
        {
            "groups.yaml": "families: [{id: staff, name: Staff}]\ngroups:\n  - id: desk\n"
            "    name: Desk\n    family: staf\n  - id: field\n    name: Field\n"
        },
        ["groups.yaml:5:13: groups[0].family: unknown family 'staf'"],
        "did you mean 'staff'?",
    ),
    Case(
        "bad-language",
        {"study.yaml": "name: S\norganisation: O\nlanguage: de\n"},
        ["study.yaml:3:11: language: 'de' is not allowed here"],
        "nl, en",
    ),
    Case(
        "negative-min-group-size",
        {"study.yaml": "name: S\norganisation: O\nprivacy:\n  min_group_size: 0\n"},
        ["study.yaml:4:19: privacy.min_group_size: must be at least 1, found 0"],
    ),
    Case(  # an item as a bare text: its schema fails, and no reference check trips on it
        "persona-as-a-text",
        {"personas.yaml": "personas:\n  - fatima\n"},
        [
            "personas.yaml:2:5: personas[0]: expected a mapping (key: value lines), "
            "found the text 'fatima'"
        ],
        "key: value",
    ),
    Case(
        "study-file-as-a-list",
        {"study.yaml": "- name: S\n  organisation: O\n"},
        ["study.yaml:1:1: expected 'key: value' lines at the top of the file, found a list"],
        "starts with keys such as 'name:'",
    ),
    Case(
        "empty-study-file",
        {"study.yaml": "# nothing yet\n"},
        ["study.yaml:1:1: the file is empty"],
        "name:",
    ),
    Case(
        "empty-study-file-and-nothing-else",  # not also "defines no groups", "no needs"
        {
            "study.yaml": "# nothing yet\n",
            "groups.yaml": None,
            "needs.yaml": None,
            "personas.yaml": None,
        },
        ["study.yaml:1:1: the file is empty"],
        "name:",
    ),
    Case(
        "top-level-list",
        {"needs.yaml": "- id: search\n  title: Search\n"},
        ["needs.yaml:1:1: expected 'key: value' lines at the top of the file, found a list"],
        "'needs:'",
    ),
    Case(
        "merge-key",
        _needs("  - id: search\n    <<: {title: Search}\n    kind: function\n"),
        ["needs.yaml:3:5: needs[0]: merge keys ('<<') are not allowed"],
        "in full",
    ),
    Case(  # a need that fails its schema still has its references checked, in the same run
        "schema-error-and-references-in-one-need",
        _needs(
            "  - id: search\n    title: Search\n    kind: functie\n"
            "    groups: {desk: must, feild: should}\n    depends_on: [serch, search]\n"
        ),
        [
            "needs.yaml:4:11: needs[0].kind: 'functie' is not allowed here",
            "needs.yaml:5:26: needs[0].groups.feild: unknown group 'feild'",
            "needs.yaml:6:18: needs[0].depends_on[0]: unknown need 'serch'",
            "needs.yaml:6:25: needs[0].depends_on[1]: need 'search' depends on itself",
        ],
        "did you mean 'function'?",
    ),
    Case(  # and a persona's; one named as a need is not its own dependency
        "schema-error-and-references-in-one-persona",
        {
            "personas.yaml": "personas:\n  - id: mobile\n    name: Henk\n    group: feld\n"
            "    role: Keeper\n    needs: [mobile, telport]\n    age: 40\n"
        },
        [
            "personas.yaml:4:12: personas[0].group: unknown group 'feld'",
            "personas.yaml:6:21: personas[0].needs[1]: unknown need 'telport'",
            "personas.yaml:7:5: personas[0]: unknown key 'age'",
        ],
        "did you mean 'field'?",
    ),
    Case(
        "list-where-a-mapping-belongs",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    groups: [desk, field]\n"
        ),
        ["needs.yaml:5:13: needs[0].groups: expected a mapping (key: value lines), found a list"],
        "give each its value: {desk: must, field: must}, with one of: must, should, could",
    ),
    Case(
        "mapping-where-a-list-belongs",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must}\n    depends_on: {mobile: first}\n"
        ),
        ["needs.yaml:6:17: needs[0].depends_on: expected a list, found a mapping"],
        "starting with '- '",
    ),
    Case(
        "boolean-where-text-belongs",
        _needs("  - id: search\n    title: true\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:12: needs[0].title: expected text, found true/false"],
        'quote this value: "true"',
    ),
    Case(  # "title:" with nothing after it: quoting nothing would not help
        "empty-value",
        _needs("  - id: search\n    title:\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:11: needs[0].title: expected text, found an empty value"],
        "write a value after 'title:'",
    ),
    Case(  # spaces only: nothing to show in a report
        "blank-value",
        _needs('  - id: search\n    title: "   "\n    kind: function\n    groups: {desk: must}\n'),
        ["needs.yaml:3:12: needs[0].title: must not be empty"],
        "write some text, or remove the key",
    ),
    Case(
        "empty-list-item",
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must}\n    depends_on:\n      -\n"
        ),
        ["needs.yaml:7:8: needs[0].depends_on[0]: expected text, found an empty value"],
        "after the '- '",
    ),
    Case(
        "empty-text",
        _needs("  - id: search\n    title: ''\n    kind: function\n    groups: {desk: must}\n"),
        ["needs.yaml:3:12: needs[0].title: must not be empty"],
        "write some text",
    ),
    Case(
        "several-problems-in-several-files",
        {
            "study.yaml": "name: S\norganisation: O\nlanguag: en\n",
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must, nobody: must}\n",
            "personas.yaml": None,
        },
        [
            "needs.yaml:5:26: needs[0].groups.nobody: unknown group 'nobody'",
            "study.yaml:3:1: unknown key 'languag'",
        ],
    ),
    Case(
        "thresholds-out-of-order",
        {
            "study.yaml": "name: S\norganisation: O\nplatform:\n  universal_from: 0.4\n"
            "  landscape_below: 0.5\n"
        },
        [
            "study.yaml:5:20: platform.landscape_below: landscape_below (0.5) must not be above "
            "universal_from (0.4)"
        ],
        "lower the first or raise the second",
    ),
    Case(
        # The groups are under a misspelt key, so every reference to one is no problem of
        # its own (it was reported 136 times for the care template); needs are still known.
        "misspelt-section-key-leaves-references-to-its-kind-unchecked",
        {
            "groups.yaml": "Groups:\n  - {id: desk, name: Desk, headcount: 10}\n",
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must}\n    depends_on: [nosuch]\n",
        },
        [
            "groups.yaml:1:1: unknown key 'Groups'",
            "needs.yaml:6:18: needs[0].depends_on[0]: unknown need 'nosuch'",
            "personas.yaml:6:13: personas[0].needs[0]: unknown need 'mobile'",
        ],
        "did you mean 'groups'?",
    ),
    Case(
        # A group's name or a need's title written where its id belongs: one problem each
        # (not also "not a valid id"), whose hint gives the id; not taken for a rename by
        # hand, whose command would have been broken by the space.
        "name-or-title-written-for-the-id",
        {
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {desk: must, Field Staff: should}\n    depends_on: [works on a PHONE]\n"
            "  - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must}}\n",
            "personas.yaml": "personas:\n  - {id: h, name: H, group: Front desk, role: R}\n",
        },
        [
            "needs.yaml:5:26: needs[0].groups.Field Staff: unknown group 'Field Staff'",
            "needs.yaml:6:18: needs[0].depends_on[0]: unknown need 'works on a PHONE'",
            "personas.yaml:2:29: personas[0].group: unknown group 'Front desk'",
        ],
        "that is the name of group 'field': write its id, field",
    ),
    Case(
        # An id written with capitals or a space where the id belongs: one problem each,
        # whose hint gives the id (it was "not a valid id", with the rules for ids).
        "id-written-with-capitals-or-spaces",
        {
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {Desk: must, field: should}\n    depends_on: [Mobile]\n"
            "  - {id: mobile, title: Phone, kind: technology, groups: {field: must}}\n",
            "personas.yaml": "personas:\n  - {id: h, name: H, group: FIELD, role: R}\n",
        },
        [
            "needs.yaml:5:14: needs[0].groups.Desk: unknown group 'Desk'",
            "needs.yaml:6:18: needs[0].depends_on[0]: unknown need 'Mobile'",
            "personas.yaml:2:29: personas[0].group: unknown group 'FIELD'",
        ],
        "did you mean 'desk'? Ids are written in lowercase, with '-' between words",
    ),
    Case(
        "a-name-copied-with-a-no-break-space-written-for-the-id",  # as a reader sees it
        _needs(
            '  - {id: search, title: Search, kind: function, groups: {"Field\\u00a0staff": must}}\n'
        ),
        ["needs.yaml:2:58: needs[0].groups.Field<U+00A0>staff: unknown group 'Field<U+00A0>staff'"],
        "that is the name of group 'field': write its id, field",
    ),
    Case(
        "a-reference-that-is-no-id-and-no-name-is-reported-once",
        _needs("  - {id: search, title: Search, kind: function, groups: {Nobody Here: must}}\n"),
        ["needs.yaml:2:58: needs[0].groups.Nobody Here: 'Nobody Here' is not a valid id"],
        "ids use lowercase letters, digits, '-' and '_', start with a letter or digit and are "
        "at most 63 characters, e.g. 'front-desk'",
    ),
    Case(
        "list-under-an-unknown-key-leaves-every-reference-unchecked",
        {
            "study.yaml": "name: S\norganisation: O\nextra:\n  - {id: x}\n",
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    groups: {nobody: must}\n    depends_on: [nosuch]\n",
        },
        ["study.yaml:3:1: unknown key 'extra'"],
    ),
    Case(
        "a-kind-that-is-no-list",
        _needs("  search\n"),
        ["needs.yaml:2:3: needs: expected a list of needs"],
        "starting with '- '",
    ),
]


def _shown(problem_text: str, root: Path) -> str:
    return problem_text.replace(f"{root}/", "")


def test_every_broken_study_is_told_each_problem_with_its_whole_hint(
    make_study: StudyMaker, golden: Callable[[str, str], None]
) -> None:
    """What :data:`CASES` are told, as ``needmap validate`` prints it: every problem and its
    hint whole (the cases name a fragment each), read as a consultant would in
    ``tests/golden/broken-studies.txt``."""
    told = []
    for case in CASES:
        root = make_study(case.files, name=case.id)
        with pytest.raises(InvalidStudyError) as raised:
            load_study(root)
        told.append(f"{case.id}:")
        for problem in raised.value.problems:
            hint = f"\n    hint: {problem.hint}" if problem.hint else ""
            told.append("  " + _shown(problem.format() + hint, root).replace(str(root), "STUDY"))
    golden("broken-studies.txt", "\n".join(told) + "\n")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_study_reports_exact_problems(case: Case, make_study: StudyMaker) -> None:
    root = make_study(case.files)
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    shown = [_shown(p.format(), root) for p in raised.value.problems]
    assert shown == [e.replace("{root}/", "") for e in case.expected]
    if case.hint:
        assert case.hint in raised.value.problems[0].hint


@pytest.mark.parametrize(
    ("written", "empty", "kind"),
    [
        ("privacy:\nmin_group_size: 5\n", "privacy", "a mapping (key: value lines)"),
        (
            "roadmap:\nphases:\n  - {id: now, name: Now}\n",
            "roadmap",
            "a mapping (key: value lines)",
        ),
    ],
)
def test_a_key_written_flush_left_under_its_own_is_said_to_belong_there(
    make_study: StudyMaker, written: str, empty: str, kind: str
) -> None:
    """Not indented, the key's own lines leave it empty and stand beside it: both
    problems say where the lines go."""
    root = make_study({"study.yaml": "name: S\norganisation: O\n" + written})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    key = written.splitlines()[1].split(":")[0]
    assert [(p.location.line, p.message, p.hint) for p in raised.value.problems] == [
        (
            3,
            f"expected {kind}, found an empty value",
            f"write its 'key: value' lines under '{empty}:', indented further, "
            f"or leave '{empty}:' out for its defaults",
        ),
        (4, f"unknown key '{key}'", f"'{key}' belongs under '{empty}:': indent it under that key"),
    ]


def test_a_need_s_groups_written_flush_left_are_said_to_belong_under_groups(
    make_study: StudyMaker,
) -> None:
    """An empty mapping above unknown keys takes them; a misspelt key of the need's own
    (``chanel``) is still that."""
    root = make_study(
        _needs(
            "  - id: search\n    title: Search\n    kind: function\n    groups:\n"
            "    desk: must\n    field: could\n    chanel: intranet\n"
        )
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [(p.location.line, p.hint) for p in raised.value.problems] == [
        (5, "write its 'key: value' lines under 'groups:', indented further"),
        (6, "'desk' belongs under 'groups:': indent it under that key"),
        (7, "'field' belongs under 'groups:': indent it under that key"),
        (8, "did you mean 'channel'?"),
    ]


def test_a_section_with_its_lines_commented_out_may_be_left_out(
    make_study: StudyMaker,
) -> None:
    """Every line under it commented out, the key is empty, not its defaults; a value
    that is required cannot be left out, and its hint does not say so."""
    root = make_study({"study.yaml": "name: S\norganisation:\nprivacy:\n  # min_group_size: 5\n"})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [(p.key, p.hint) for p in raised.value.problems] == [
        ("organisation", "write a value after 'organisation:'"),
        (
            "privacy",
            "write its 'key: value' lines under 'privacy:', indented further, "
            "or leave 'privacy:' out for its defaults",
        ),
    ]


def test_a_key_twice_in_a_list_item_may_be_the_next_item_without_its_dash(
    make_study: StudyMaker,
) -> None:
    root = make_study(
        {
            "study.yaml": "name: S\norganisation: O\nname: T\n",
            **_needs(
                "  - id: search\n    title: Search\n    kind: function\n"
                "    id: mobile\n    title: Mobile\n    kind: technology\n"
            ),
        }
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    hints = {(str(p.location.path), p.location.line): p.hint for p in raised.value.problems}
    plain = "remove one of the two; YAML tools disagree on which one wins"
    assert hints[(str(root / "study.yaml"), 3)] == plain
    assert hints[(str(root / "needs.yaml"), 5)] == (
        f"{plain}; or, if another item starts here, write '- ' before its first key"
    )


def test_an_empty_list_says_how_its_items_are_written(make_study: StudyMaker) -> None:
    personas = "personas:\n  - {id: henk, name: Henk, group: field, role: Keeper, needs:}\n"
    root = make_study({"personas.yaml": personas})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [p.hint for p in raised.value.problems] == [
        "write its items under 'needs:', each on a line starting with '- '"
    ]


def test_at_least_twenty_cases() -> None:
    assert len(CASES) >= 20


def test_file_over_size_cap_is_refused(make_study: StudyMaker) -> None:
    """A file of exactly the cap is read; one byte more is refused."""
    needs = textwrap.dedent(MINIMAL_STUDY["needs.yaml"])
    padding = "#" * (MAX_FILE_BYTES - len(needs) - 1) + "\n"
    root = make_study({"needs.yaml": needs + padding})
    assert (root / "needs.yaml").stat().st_size == MAX_FILE_BYTES
    load_study(root)
    (root / "needs.yaml").write_text(needs + "#" + padding)
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    (problem,) = raised.value.problems
    assert (problem.location.path, problem.message, problem.hint) == (
        root / "needs.yaml",
        "file is 5.0 MiB; needmap reads YAML files up to 5 MiB",
        "split it into several files in a folder, or check it is the right file",
    )


def test_folder_without_study_yaml(tmp_path: Path) -> None:
    with pytest.raises(NotAStudyError) as raised:
        load_study(tmp_path)
    (problem,) = raised.value.problems
    assert "no study.yaml" in problem.message
    assert "needmap init" in problem.hint


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(NeedmapError, match="no such folder") as raised:
        load_study(tmp_path / "nope")
    assert raised.value.problems[0].hint.startswith("create a study with: needmap init")


def _not_a_study_hint(root: Path) -> str:
    with pytest.raises(NotAStudyError) as raised:
        load_study(root)
    (problem,) = raised.value.problems
    assert problem.location.path == root
    return problem.hint


def test_a_folder_inside_a_study_points_at_the_study(make_study: StudyMaker) -> None:
    study = make_study(name="gem")
    (study / "reports" / "old").mkdir(parents=True)
    expected = f"it is inside the study in {study}: give that folder instead"
    assert _not_a_study_hint(study / "reports") == expected
    assert _not_a_study_hint(study / "reports" / "old") == expected
    assert _not_a_study_hint(study / "needs.yml") == expected  # no such file or folder


def test_a_folder_holding_studies_points_at_them(make_study: StudyMaker, tmp_path: Path) -> None:
    study = make_study(name="study")  # as the demo writes it: its reports beside the study
    (tmp_path / "reports").mkdir()
    assert _not_a_study_hint(tmp_path) == f"the study is in {study}: give that folder instead"
    for name in ("mijn studie", "a", "b"):
        make_study(name=name)
    assert _not_a_study_hint(tmp_path) == (
        f"it holds the studies {tmp_path}/a, {tmp_path}/b, '{tmp_path}/mijn studie' and 1 more:"
        " give one of them instead"
    )


def test_a_folder_holding_a_study_further_down_points_at_it(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """``needmap demo out/demo`` writes its study to out/demo/study: ``out`` was offered
    ``init``."""
    study = make_study(name="out/demo/study")
    (tmp_path / "out" / "demo" / "reports").mkdir()
    assert _not_a_study_hint(tmp_path / "out") == (
        f"the study is in {study}: give that folder instead"
    )


def test_a_misspelt_folder_finds_the_study_beside_it(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    make_study(name="gemeente")
    (tmp_path / "gemeentehuis").mkdir()  # no study: not offered
    with pytest.raises(NotAStudyError, match="no such folder") as raised:
        load_study(tmp_path / "gemeent")
    assert raised.value.problems[0].hint == f"did you mean {tmp_path}/gemeente?"


def test_a_study_file_given_points_at_its_folder(make_study: StudyMaker) -> None:
    study = make_study()
    hint = _not_a_study_hint(study / "study.yaml")
    assert hint == f"give the study's folder instead: {study}"


def test_no_groups_and_no_needs(make_study: StudyMaker) -> None:
    root = make_study({"groups.yaml": None, "needs.yaml": None, "personas.yaml": None})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [p.format() for p in raised.value.problems] == [
        f"{root / 'study.yaml'}:1:1: the study defines no groups",
        f"{root / 'study.yaml'}:1:1: the study defines no needs",
    ]


def test_groups_and_no_needs(make_study: StudyMaker) -> None:
    root = make_study({"needs.yaml": None, "personas.yaml": None})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [p.format() for p in raised.value.problems] == [
        f"{root / 'study.yaml'}:1:1: the study defines no needs",
    ]


@pytest.mark.parametrize(
    ("kind", "misnamed", "hint"),
    [
        ("groups", "group.yaml", "group.yaml is not read: name it groups.yaml"),
        ("groups", "Groups.yml", "Groups.yml is not read: name it groups.yaml"),
        ("groups", "groepen.yaml", "groepen.yaml is not read: name it groups.yaml"),
        ("groups", "grps/groups.yaml", "the folder grps is not read: name it groups"),
        (
            "groups",
            "groups.yaml/groups.yaml",
            "groups.yaml is a folder, so it is not read: make it a file, or name the folder "
            "groups (every YAML file in it is read)",
        ),
        ("needs", "need.yaml", "need.yaml is not read: name it needs.yaml"),
        ("needs", "behoeften.yaml", "behoeften.yaml is not read: name it needs.yaml"),
        (
            "needs",
            "notes.yaml",
            "add 'needs:' to study.yaml or create needs.yaml; see docs/study-format.md",
        ),
    ],
)
def test_a_misnamed_definitions_file_is_one_problem_that_names_it(
    make_study: StudyMaker, kind: str, misnamed: str, hint: str
) -> None:
    """Every need names groups, every persona a group and needs: a groups.yaml that is not
    read would otherwise bury its one problem under one for each of them."""
    root = make_study({f"{kind}.yaml": None, misnamed: MINIMAL_STUDY[f"{kind}.yaml"]})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [(p.format(), p.hint) for p in raised.value.problems] == [
        (f"{root / 'study.yaml'}:1:1: the study defines no {kind}", hint)
    ]


def test_no_groups_is_told_beside_the_other_problems(make_study: StudyMaker) -> None:
    root = make_study({"groups.yaml": None, "personas.yaml": "personas: 5\n"})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [p.format() for p in raised.value.problems] == [
        f"{root / 'personas.yaml'}:1:11: personas: expected a list of personas",
        f"{root / 'study.yaml'}:1:1: the study defines no groups",
    ]


def test_validate_tells_a_template_study_without_its_groups_file_once(tmp_path: Path) -> None:
    """Its needs, personas, interviews, survey and search log all name groups."""
    root = tmp_path / "study"
    init_study(root, "gemeente")
    (root / "groups.yaml").rename(root / "groepen.yaml")
    result = CliRunner().invoke(app, ["validate", str(root)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{root / 'study.yaml'}:1:1: the study defines no groups",
        "    hint: groepen.yaml is not read: name it groups.yaml",
    ]


def test_a_definitions_file_with_only_comments_is_no_problem(make_study: StudyMaker) -> None:
    """A personas file not filled in yet, or a needs file whose needs are all commented
    out, is a study in progress: only study.yaml must say something."""
    study = load_study(
        make_study(
            {
                "personas.yaml": "# personas come after the interviews\n",
                "needs/later.yaml": "",
            }
        )
    )
    assert study.personas == () and [n.id for n in study.needs] == ["search", "mobile"]


def test_a_list_left_empty_is_the_place_to_add_the_first_item(make_study: StudyMaker) -> None:
    """``needs: []`` in needs.yaml was told to "add 'needs:' to study.yaml or create
    needs.yaml", at study.yaml's first line: the problem is now at the key left empty, the
    first if it is written twice, and says what an item holds."""
    root = make_study(
        {
            "groups.yaml": "# our groups\ngroups:\n",
            "needs.yaml": "needs: []\n",
            "needs/more.yaml": "needs: []\n",
            "personas.yaml": None,
        }
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    assert [
        (p.location.path, p.location.line, p.location.column) for p in raised.value.problems
    ] == [
        (root / "groups.yaml", 2, 1),
        (root / "needs.yaml", 1, 1),
    ]
    groups, needs = raised.value.problems
    assert groups.message == "the list of groups is empty"
    assert groups.hint.startswith("add a group under it: '- id: staff' with 'name: Staff'")
    assert needs.message == "the list of needs is empty"
    assert "'kind:' (content, function or technology)" in needs.hint


def test_hidden_files_and_folders_are_not_read(make_study: StudyMaker) -> None:
    """An editor's lock or backup (``.#needs.yaml``), a hidden folder (``.old/``) and a
    folder named like a file hold no definitions, nor interviews, survey mappings or
    search logs."""
    broken = "needs: [\n"
    root = make_study(
        {
            "needs/.#extra.yaml": broken,
            "needs/.old/extra.yaml": broken,
            "interviews/.#round-2.yaml": broken,
            "interviews/.old/round-2.yaml": broken,
            "surveys/.#toptaken.yaml": broken,
            "analytics/.#zoeklog.yaml": broken,
        }
    )
    (root / "needs" / "folder.yaml").mkdir()
    (root / "interviews" / "folder.yaml").mkdir()
    assert [n.id for n in load_study(root).needs] == ["search", "mobile"]
    assert check_interviews(load_study(root)) == []
    assert CliRunner().invoke(app, ["validate", str(root)]).exit_code == 0


def test_a_link_to_a_file_that_is_not_there_is_told_in_every_study_folder(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A link left pointing at a moved or unsynced file (definitions, interviews, survey
    mappings, search logs) is a problem of its own: its content would otherwise go missing
    without a word. An editor's lock file (``.#needs.yaml``, a link to nothing) is not."""
    root = make_study()
    gone = tmp_path / "elsewhere" / "gone.yaml"
    for folder in ("needs", "interviews", "surveys", "analytics"):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / "shared.yaml").symlink_to(gone)
        (root / folder / ".#shared.yaml").symlink_to("someone@laptop.4242")
    result = CliRunner().invoke(app, ["validate", str(root)])
    assert result.exit_code == 2, result.output
    told = [line for line in result.output.splitlines() if "shared.yaml" in line]
    assert told == [
        f"{root / folder / 'shared.yaml'}: a link to {gone}, which is not there"
        for folder in ("analytics", "interviews", "needs", "surveys")  # told by file
    ]
    assert result.output.count("put the file back where the link points, or remove") == 4
    gone.parent.mkdir()
    gone.write_text("")
    assert "which is not there" not in CliRunner().invoke(app, ["validate", str(root)]).output


def test_a_linked_folder_of_needs_is_read_and_a_link_back_up_is_not(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Needs kept in a folder shared between studies, linked into needs/, are the study's
    (they went missing without a word: "unknown need" wherever one was named); a link back
    up to the study or to needs/ itself is not read again."""
    shared = tmp_path / "shared-needs"
    shared.mkdir()
    (shared / "extra.yaml").write_text(
        "needs:\n  - {id: news, title: News, kind: content, groups: {desk: could}}\n"
    )
    root = make_study()
    (root / "needs").mkdir()
    (root / "needs" / "shared").symlink_to(shared)
    (root / "needs" / "study").symlink_to(root)
    (root / "needs" / "again").symlink_to(root / "needs")
    assert [n.id for n in load_study(root).needs] == ["search", "mobile", "news"]


def test_an_unknown_section_key_written_with_a_capital_names_the_kind(
    make_study: StudyMaker,
) -> None:
    """``NEEDS:`` for ``needs:`` in a definitions file: the hint names the kind, and the
    needs under it are unread, so a persona's reference to one is no problem of its own;
    its reference to a group still is."""
    root = make_study(
        {
            "needs.yaml": "NEEDS:\n  - {id: search, title: Search, kind: function}\n",
            "personas.yaml": "personas:\n  - {id: h, name: H, group: nosuch, role: R, "
            "needs: [mobile]}\n",
        }
    )
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    first, *rest = raised.value.problems
    assert (first.message, first.hint) == ("unknown key 'NEEDS'", "did you mean 'needs'?")
    assert [p.message for p in rest] == ["unknown group 'nosuch'"]
    other = make_study({"needs.yaml": "wants:\n  - {id: search}\n"}, name="other")
    with pytest.raises(InvalidStudyError) as raised:
        load_study(other)
    assert raised.value.problems[0].hint == (
        "a definitions file holds: families, groups, needs, personas"
    )
    dutch = make_study({"needs.yaml": "Behoeften:\n  - {id: search}\n"}, name="dutch")
    with pytest.raises(InvalidStudyError) as raised:
        load_study(dutch)
    assert raised.value.problems[0].hint == "did you mean 'needs'?"


@pytest.mark.parametrize(
    ("word", "candidates", "hint"),
    [
        ("smoel", ["mobiel", "smoelenboek", "zoeken"], "did you mean 'smoelenboek'?"),
        ("tech", ["technology", "content"], "did you mean 'technology'?"),
        ("nieuwz", ["nieuws", "nieuwsbrief"], "did you mean 'nieuws'?"),
        ("nieuws", ["nieuw", "nieuwsbrief"], "did you mean 'nieuw'?"),
        ("hr-", ["hr-selfservice", "hr-portaal"], ""),
        ("sso", ["ssl", "sso-login"], "did you mean 'sso-login'?"),
        ("balie", ["baliekantoor", "balje"], "did you mean 'balje'?"),  # alike by 0.8
        ("xy", ["xylofoon"], ""),
        ("Balie", ["balie"], "did you mean 'balie'?"),
        ("mobeil", ["mobiel", "zoeken"], "did you mean 'mobiel'?"),  # two letters swapped
        ("vacatures", ["vacature", "verlof"], "did you mean 'vacature'?"),
        ("calamiteiten", ["chatten", "contact"], ""),  # alike by 0.63: not a typo
        ("calamtetn", ["calamiteiten"], "did you mean 'calamiteiten'?"),  # 3 edits in 9
        ("smoelnbk", ["smoelenboek"], ""),  # 3 edits in 8 letters: more than a typo
        ("bestuursagenda", ["bestuur"], ""),
    ],
)
def test_did_you_mean_takes_a_word_cut_short_for_the_one_id_it_starts(
    word: str, candidates: list[str], hint: str
) -> None:
    """A unique id that starts with the word wins over a loose likeness ('smoel' is not
    'mobiel'), but not over a near-same spelling; two ids that start with it name neither.
    A likeness counts only within a typo's edits: a removed need's id is not taken for
    another that shares its letters."""
    assert did_you_mean(word, candidates) == hint


TITLES = {
    "zoeken": "Eén zoekfunctie over alle bronnen",
    "smoelenboek": "Smoelenboek met expertise",
    "vraag": "Vraag uitzetten bij collega's met expertise",
    "samenwerken": "Samenwerken met documenten en agenda",
    "nieuws": "Nieuws",
}


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("smoelenbok", "did you mean 'smoelenboek'?"),  # an id misspelt
        ("NIEUWS", "did you mean 'Nieuws'?"),  # a title in another case
        ("zoekfunctie", "did you mean 'zoeken' (Eén zoekfunctie over alle bronnen)?"),
        ("Alle  Bronnen", "did you mean 'zoeken' (Eén zoekfunctie over alle bronnen)?"),
        (
            "expertise",
            "did you mean one of 'smoelenboek' (Smoelenboek met expertise), "
            "'vraag' (Vraag uitzetten bij collega's met expertise)?",
        ),
        ("alle", "did you mean 'zoeken' (Eén zoekfunctie over alle bronnen)?"),
        ("expertise met smoelenboek", "did you mean 'smoelenboek' (Smoelenboek met expertise)?"),
        ("met", ""),  # too short to look for
        ("zoekfunctie agenda", ""),  # every word in one title, or none
        ("koffie", ""),
    ],
)
def test_a_name_hint_finds_a_need_by_a_word_of_its_title(text: str, hint: str) -> None:
    """Reports show titles, not ids: a word of a title finds its need."""
    assert name_hint(text, TITLES) == hint


def test_a_word_in_many_titles_names_none() -> None:
    titles = {f"n{i}": f"Informatie over onderwerp {i}" for i in range(5)}
    assert name_hint("onderwerp", titles) == ""
    assert name_hint("onderwerp", dict(list(titles.items())[:4])).count("' (") == 4


def test_unknown_id_hint_names_the_close_id_else_how_to_define_one() -> None:
    """Eight ids are listed whole, of nine the first eight and an ellipsis."""
    needs = [f"need-{i}" for i in range(9, 0, -1)]
    assert unknown_id_hint("need-10", "need", needs) == "did you mean 'need-1'?"
    assert unknown_id_hint("zoom", "need", needs) == (
        "define a need 'zoom', or use one of: need-1, need-2, need-3, need-4, need-5, need-6, "
        "need-7, need-8 …"
    )
    assert unknown_id_hint("x", "group", ["desk"], also="~ for answers of no group") == (
        "define a group 'x', or use one of: desk; or ~ for answers of no group"
    )
    eight = needs[1:]
    assert unknown_id_hint("zoom", "need", eight).endswith("need-7, need-8")
    assert unknown_id_hint("x", "family", []) == (
        "no families are defined yet; add them under 'families:'"
    )


def test_ids_listed_keeps_their_order_and_names_twelve_at_most() -> None:
    groups = [f"g{i}" for i in range(13, 0, -1)]
    assert ids_listed(groups[1:]) == "g12, g11, g10, g9, g8, g7, g6, g5, g4, g3, g2, g1"
    assert ids_listed(groups) == "g13, g12, g11, g10, g9, g8, g7, g6, g5, g4, g3, g2 …"
    assert ids_listed(groups, 2) == "g13, g12 …" and ids_listed([]) == ""
    assert unknown_id_hint("x", "group", [], also="~") == (
        "no groups are defined yet; add them under 'groups:', or use ~"
    )


_STUDY = "name: S\norganisation: O\nlanguage: en\n"


def test_weights_and_points_may_be_fractions(make_study: StudyMaker) -> None:
    """Effort points and a phase's capacity count in any unit above 0 (half a point); an
    importance may weigh nothing at all."""
    scoring = (
        "scoring:\n  effort_points: {xs: 0.5, l: 0.5, xl: 0.5}\n"
        "  importance_weights: {must: 0.5, should: 0.5, could: 0}\n"
    )
    phases = "roadmap:\n  phases: [{id: now, name: Now, capacity: 0.5}]\n"
    study = load_study(make_study({"study.yaml": _STUDY + scoring + phases}))
    weights = study.settings.scoring.importance_weights
    assert (weights.must, weights.should, weights.could) == (0.5, 0.5, 0)
    points = study.settings.scoring.effort_points
    assert (points.xs, points.l, points.xl, study.settings.roadmap.phases[0].capacity) == (
        0.5,
        0.5,
        0.5,
        0.5,
    )
    with pytest.raises(InvalidStudyError, match="xs: must be more than 0, found 0"):
        load_study(make_study({"study.yaml": _STUDY + scoring.replace("xs: 0.5", "xs: 0")}))


@pytest.mark.parametrize(
    ("files", "shown", "hint"),
    [
        (
            {"needs.yaml": "needs:\n  - {id: a, title: A}\n", "personas.yaml": None},
            "needs.yaml:2:5: needs[0]: required key 'kind' is missing",
            "add 'kind:' with one of: content, function, technology",
        ),
        (
            {"personas.yaml": "personas:\n  - {id: p, name: P, group: desk}\n"},
            "personas.yaml:2:5: personas[0]: required key 'role' is missing",
            "add 'role:' — job or role in one line.",
        ),
        (
            {"study.yaml": _STUDY + "roadmap:\n  phases: [{id: now}]\n"},
            "study.yaml:5:12: roadmap.phases[0]: required key 'name' is missing",
            "add 'name:' — name shown in reports, e.g. 'Nu' or 'Q1 2027'.",
        ),
        (  # a roadmap plans into one phase at least
            {"study.yaml": _STUDY + "roadmap:\n  phases: []\n"},
            "study.yaml:5:11: roadmap.phases: must not be empty",
            "add at least one item",
        ),
        (
            {"study.yaml": _STUDY + "roadmap:\n  phases: [{id: now, name: Now, capacty: 3}]\n"},
            "study.yaml:5:33: roadmap.phases[0]: unknown key 'capacty'",
            "did you mean 'capacity'?",
        ),
        (
            {"study.yaml": _STUDY + "privacy: {min_group: 3}\n"},
            "study.yaml:4:11: privacy: unknown key 'min_group'",
            "did you mean 'min_group_size'?",
        ),
        (
            {
                "needs.yaml": "needs:\n"
                "  - {id: a, title: A, kind: content, groups: {desk: {x: 1}}}\n",
                "personas.yaml": None,
            },
            "needs.yaml:2:53: needs[0].groups.desk: expected one value, found a mapping",
            "write one of: must, should, could",
        ),
        (
            {
                "personas.yaml": "personas:\n"
                "  - {id: p, name: P, group: desk, role: R, quote: [x]}\n"
            },
            "personas.yaml:2:44: personas[0]: unknown key 'quote'",
            "did you mean 'quotes'?",
        ),
    ],
)
def test_a_schema_problem_s_hint_knows_the_field_at_any_depth(
    make_study: StudyMaker, files: dict[str, str | None], shown: str, hint: str
) -> None:
    """Through lists (a phase), mappings (a need's groups) and nested models (privacy):
    a missing key's hint is its choices or its description, an unknown one's the key meant."""
    root = make_study(files)
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    first = raised.value.problems[0]
    assert (_shown(first.format(), root), first.hint) == (shown, hint)


def _headcount(value: str) -> dict[str, str | None]:
    return {"groups.yaml": f"groups:\n  - id: desk\n    name: D\n    headcount: {value}\n"}


def _platform(value: str) -> dict[str, str | None]:
    return {"study.yaml": _STUDY + f"platform:\n  universal_from: {value}\n"}


@pytest.mark.parametrize(
    ("files", "message", "hint"),
    [
        (  # YAML reads 1.450 as 1.45
            _headcount("1.450"),
            "expected a whole number, found the number 1.45",
            "write 1450, without a separator between the thousands",
        ),
        (
            _headcount("1,450"),
            "expected a whole number, found the text '1,450'",
            "write 1450, without a separator between the thousands",
        ),
        (
            _headcount("'12 500'"),
            "expected a whole number, found the text '12 500'",
            "write 12500, without a separator between the thousands",
        ),
        (
            _headcount("'250'"),
            "expected a whole number, found the text '250'",
            "write the number without quotes: 250",
        ),
        (
            _headcount("2.5"),
            "expected a whole number, found the number 2.5",
            "write a whole number, without decimals",
        ),
        (
            _headcount("many"),
            "expected a whole number, found the text 'many'",
            "write digits only, e.g. 250",
        ),
        (
            _headcount("ca. 40"),
            "expected a whole number, found the text 'ca. 40'",
            "write the number alone: 40",
        ),
        (
            _headcount("1.450 fte"),
            "expected a whole number, found the text '1.450 fte'",
            "write the number alone: 1450",
        ),
        (
            _headcount("twelve"),
            "expected a whole number, found the text 'twelve'",
            "write it in digits: 12",
        ),
        (
            _headcount("Vijf"),
            "expected a whole number, found the text 'Vijf'",
            "write it in digits: 5",
        ),
        (
            _headcount("één"),
            "expected a whole number, found the text 'één'",
            "write it in digits: 1",
        ),
        (
            _headcount("30-40"),
            "expected a whole number, found the text '30-40'",
            "write digits only, e.g. 250",
        ),
        (_headcount("-3"), "must be at least 0, found -3", "write a number at least 0"),
        (
            _headcount("[1450, 20]"),
            "expected a whole number, found a list",
            "write one value here, not a list",
        ),
        (_platform("[0.5]"), "expected a number, found a list", "write one value here, not a list"),
        (
            _platform("0,6"),
            "expected a number, found the text '0,6'",
            "write the decimals after a point: 0.6",
        ),
        (
            _platform("60%"),
            "expected a number, found the text '60%'",
            "write a share as a fraction of 1: 0.6 for 60%",
        ),
        (
            _platform("62,5 %"),
            "expected a number, found the text '62,5 %'",
            "write a share as a fraction of 1: 0.625 for 62,5 %",
        ),
        (
            _platform("60"),
            "must be at most 1, found 60",
            "write a share as a fraction of 1: 0.6 for 60%",
        ),
        (
            _platform("100"),
            "must be at most 1, found 100",
            "write a share as a fraction of 1: 1 for 100%",
        ),
        (_platform("101"), "must be at most 1, found 101", "write a number at most 1"),
        (_platform("250"), "must be at most 1, found 250", "write a number at most 1"),
        (_platform("half"), "expected a number, found the text 'half'", "write a number, e.g. 0.5"),
        (
            _platform("about 0,55"),
            "expected a number, found the text 'about 0,55'",
            "write the number alone: 0.55",
        ),
        (
            _platform("ca. 60%"),
            "expected a number, found the text 'ca. 60%'",
            "write a share as a fraction of 1: 0.6 for 60%",
        ),
        (
            _platform("50% - 60%"),
            "expected a number, found the text '50% - 60%'",
            "write a number, e.g. 0.5",
        ),
        (  # a number in YAML 1.2, text in YAML 1.1 (no point, no sign in the exponent)
            _platform("5e-1"),
            "expected a number, found the text '5e-1'",
            "write it without an exponent: 0.5",
        ),
        (
            _headcount("4.5e1"),
            "expected a whole number, found the text '4.5e1'",
            "write it without an exponent: 45",
        ),
        (
            _headcount("2.5e0"),
            "expected a whole number, found the text '2.5e0'",
            "write digits only, e.g. 250",
        ),
    ],
)
def test_a_number_written_as_people_write_it_gets_the_way_yaml_reads_it(
    make_study: StudyMaker, files: dict[str, str | None], message: str, hint: str
) -> None:
    root = make_study(files)
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    first = raised.value.problems[0]
    assert (first.message, first.hint) == (message, hint)


@pytest.mark.parametrize(
    ("persona_lines", "message", "hint"),
    [
        (  # a list item with ': ' in it is a mapping to YAML
            "    scenarios:\n      - Mornings: the roster first\n",
            "expected text, found a mapping",
            'text that holds ": " must be in quotes: "Mornings: the roster first"',
        ),
        (
            "    role: {}\n",
            "expected text, found a mapping",
            "write text here; text that holds ': ' must be in quotes",
        ),
        (
            "    role: [Keeper, Driver]\n",
            "expected text, found a list",
            "write one value here, not a list",
        ),
    ],
)
def test_text_that_yaml_reads_as_something_else_gets_a_hint(
    make_study: StudyMaker, persona_lines: str, message: str, hint: str
) -> None:
    persona = "personas:\n  - id: henk\n    name: Henk\n    group: field\n"
    if "role:" not in persona_lines:
        persona_lines = "    role: Park keeper\n" + persona_lines
    root = make_study({"personas.yaml": persona + persona_lines})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    first = raised.value.problems[0]
    assert (first.message, first.hint) == (message, hint)


@pytest.mark.parametrize(
    ("needs", "hint"),
    [
        ("needs: [{id: a},\n  - {id: b}]\n", "a '{' or '[' before it is not closed"),
        (
            "needs:\n  - {id: a, title: A\n  - {id: b}\n",
            "the '{' at line 2, column 5 is not closed",
        ),
        ("needs: [{id: a}\nx: y\n", "the '[' at line 1, column 8 is not closed"),
        ('needs:\n  - {id: a, title: "C:\\Users"}\n', "inside double quotes a backslash starts"),
        ("%TAG\nneeds: []\n", "check the quotes, brackets and indentation"),
    ],
)
def test_every_yaml_syntax_error_has_a_hint(make_study: StudyMaker, needs: str, hint: str) -> None:
    root = make_study({"needs.yaml": needs, "personas.yaml": None})
    with pytest.raises(InvalidStudyError) as raised:
        load_study(root)
    first = raised.value.problems[0]
    assert first.message.startswith("YAML syntax error") and first.hint.startswith(hint)


def test_spaces_around_a_text_are_not_kept(make_study: StudyMaker) -> None:
    """A title pasted with spaces around it shows without them in every report."""
    needs = '  - id: search\n    title: "  Search "\n    kind: function\n    groups: {desk: must}\n'
    study = load_study(make_study(_needs(needs)))
    assert study.need_by_id["search"].title == "Search"


def test_a_loaded_study_cannot_be_changed_by_accident(make_study: StudyMaker) -> None:
    """Reports share one loaded study: one that changed a need would change the others."""
    study = load_study(make_study())
    with pytest.raises(ValidationError, match="frozen"):
        study.need_by_id["search"].title = "Find"  # type: ignore[misc]


def _format_words() -> tuple[set[str], set[str]]:
    """Every key and every choice of value in the study's file formats, read from their
    JSON Schemas (generated from the models)."""
    import json

    from needmap.scaffold import schema_texts

    keys: set[str] = set()
    values: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            values.update(v for v in node.get("enum", []) if isinstance(v, str))
            if isinstance(node.get("const"), str):
                values.add(node["const"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for text in schema_texts().values():
        walk(json.loads(text))
    return keys, values


def test_the_words_a_consultant_uses_stand_for_keys_and_values_the_formats_have() -> None:
    """Each word is found as it is written in the table (a word the lookup would write
    otherwise, in capitals say, would never be), and what it stands for is a key or value
    some file has, or the hint would send the consultant astray."""
    from needmap.personas.other_words import KEYS_MEANT, VALUES_MEANT, key_meant, value_meant

    keys, values = _format_words()
    assert set(VALUES_MEANT.values()) <= values
    assert {key for meant in KEYS_MEANT.values() for key in meant} <= keys
    assert all(value_meant(word) == meant for word, meant in VALUES_MEANT.items())
    assert all(
        key_meant(word, meant) == f"did you mean '{meant[0]}'?"
        for word, meant in KEYS_MEANT.items()
    )
    assert not set(VALUES_MEANT.values()) & set(VALUES_MEANT)  # no value is a word for another
    assert (value_meant(" Must-Have "), key_meant("Hangt af van", ["depends_on"])) == (
        "must",
        "did you mean 'depends_on'?",
    )
    assert [value_meant(tag) for tag in ("nl-NL", "nl_BE", "en-GB", "en_US")] == [
        *("nl", "nl", "en", "en")
    ]
    assert [value_meant(tool) for tool in ("Microsoft Forms", "Google", "Lime Survey")] == [
        *("ms-forms", "google-forms", "limesurvey")
    ]


def test_a_need_of_no_group_a_group_of_no_need_and_a_persona_s_other_need_are_warned(
    make_study: StudyMaker,
) -> None:
    """Each is a study that loads but shows less than meant: a need no diagram shows, a
    group no need is for, a key need that is not its persona's group's."""
    root = make_study(
        {
            "needs.yaml": "needs:\n"
            "  - {id: search, title: Search, kind: function, groups: {field: must}}\n"
            "  - {id: mobile, title: Phone, kind: technology, groups: {}}\n",
            "personas.yaml": "personas:\n"
            "  - {id: henk, name: Henk, group: field, role: Park keeper, needs: [mobile]}\n",
        }
    )
    told = [
        (Path(str(p.location.path)).name, p.location.line, p.message, p.hint)
        for p in load_study(root).warnings
    ]
    assert told == [
        (
            "needs.yaml",
            3,
            "need 'mobile' matters to no group, so no diagram or table shows it",
            "add 'groups:' with the groups it matters to",
        ),
        (
            "groups.yaml",
            5,
            "no need mentions group 'desk'",
            "add the group to the 'groups:' of the needs that matter to it",
        ),
        (
            "personas.yaml",
            2,
            "key need 'mobile' does not list the persona's group 'field'",
            "add 'field' to the groups of need 'mobile'",
        ),
    ]


def test_a_family_of_no_group_is_warned(make_study: StudyMaker) -> None:
    """A family no group names (a typo in the groups' ``family``, or all its groups merged
    into another's) is left out of every view by family without a word."""
    groups = MINIMAL_STUDY["groups.yaml"].replace(
        "families:\n", "families:\n          - {id: public, name: Residents}\n"
    )
    warnings = load_study(make_study({"groups.yaml": groups})).warnings
    assert [(p.location.line, p.location.column, p.key, p.message, p.hint) for p in warnings] == [
        (
            2,
            10,
            "families[0]",
            "no group is in family 'public', so no diagram or table by family shows it",
            "give the groups that belong to it 'family: public', or remove the family",
        )
    ]
    assert not load_study(make_study(name="whole")).warnings


def test_a_persona_of_no_key_need_is_warned(make_study: StudyMaker) -> None:
    """Its page shows its goals and frustrations but none of its needs or evidence,
    without a word of why."""
    personas = "personas:\n  - {id: henk, name: Henk, group: field, role: Park keeper}\n"
    warnings = load_study(make_study({"personas.yaml": personas})).warnings
    assert [(p.location.line, p.key, p.message, p.hint) for p in warnings] == [
        (
            2,
            "personas[0]",
            "persona 'henk' names no key needs, so its page shows none of its needs or their "
            "evidence",
            "list under 'needs:' the ids of the needs that matter most to them (needmap needs "
            "list shows the ids)",
        )
    ]


def test_a_count_in_a_message_reads_as_english_writes_it() -> None:
    """Messages are English: thousands with a comma, the plural where not one."""
    assert plural(1, "search", "searches") == "1 search"
    assert plural(2193, "search", "searches") == "2,193 searches"
    assert plural(0, "row") == "0 rows"
