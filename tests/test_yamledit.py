"""Editing YAML text where its values stand: everything else must stay as written."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from needmap.personas.yamledit import EditRefused, YamlEdit, yaml_scalar
from needmap.personas.yamlsource import read_yaml_text


def edit_of(text: str) -> tuple[YamlEdit, Any]:
    """An edit of ``text`` and a copy of its data to change the same way."""
    document = read_yaml_text(text, Path("x.yaml"))
    return YamlEdit(text, document), copy.deepcopy(document.data)


NEEDS = textwrap.dedent(
    """\
    # Needs of the groups
    needs:
      - id: search
        groups: {desk: must, field: should, office: could}  # agreed in May
      - id: news
        groups:
          desk: could   # only at breaks
          # the field hardly reads news
          field: should
          office: must
    """
)


def test_removing_from_a_flow_mapping_takes_one_comma_along() -> None:
    edit, expected = edit_of(NEEDS)
    edit.remove(("needs", 0, "groups", "field"))
    del expected["needs"][0]["groups"]["field"]
    assert "groups: {desk: must, office: could}  # agreed in May" in edit.result(expected)


@pytest.mark.parametrize(
    ("removed", "left"),
    [
        (["desk"], "{field: should, office: could}"),
        (["office"], "{desk: must, field: should}"),
        (["desk", "field"], "{office: could}"),
        (["field", "office"], "{desk: must}"),
        (["desk", "office"], "{field: should}"),
        (["desk", "field", "office"], "{}"),
    ],
)
def test_removing_runs_from_a_flow_mapping(removed: list[str], left: str) -> None:
    edit, expected = edit_of(NEEDS)
    for key in removed:
        edit.remove(("needs", 0, "groups", key))
        del expected["needs"][0]["groups"][key]
    assert f"groups: {left}  # agreed" in edit.result(expected)


def test_removing_from_a_block_mapping_keeps_the_comments_on_their_own_lines() -> None:
    edit, expected = edit_of(NEEDS)
    edit.remove(("needs", 1, "groups", "desk"))
    edit.remove(("needs", 1, "groups", "field"))
    del expected["needs"][1]["groups"]["desk"], expected["needs"][1]["groups"]["field"]
    assert edit.result(expected).endswith(
        "    groups:\n      # the field hardly reads news\n      office: must\n"
    )


def test_a_renamed_key_keeps_its_value_and_comment() -> None:
    edit, expected = edit_of(NEEDS)
    edit.rename_key(("needs", 1, "groups", "desk"), "front-desk")
    edit.set_value(("needs", 1, "groups", "desk"), "must")
    expected["needs"][1]["groups"] = {"front-desk": "must", "field": "should", "office": "must"}
    assert "      front-desk: must   # only at breaks\n" in edit.result(expected)


def test_removing_a_list_item_removes_its_dash_and_its_lines_only() -> None:
    text = (
        "groups:\n  - id: a\n    name: A\n\n  # b is next\n"
        "  - id: b\n    about: >-\n      two\n      lines\n  - id: c\n"
    )
    edit, expected = edit_of(text)
    edit.remove(("groups", 1))
    del expected["groups"][1]
    assert edit.result(expected) == "groups:\n  - id: a\n    name: A\n\n  # b is next\n  - id: c\n"


@pytest.mark.parametrize(
    ("text", "path", "after"),
    [
        ("- a\n- b\n", (0,), "- b\n"),  # a list at the very start of the file
        ("\na: 1\nb: 2\n", ("a",), "\nb: 2\n"),  # below a blank first line, which stays
    ],
)
def test_an_entry_at_the_start_of_a_file_is_removed_with_its_line_only(
    text: str, path: tuple[str | int, ...], after: str
) -> None:
    edit, expected = edit_of(text)
    edit.remove(path)
    del expected[path[0]]
    assert edit.result(expected) == after


def test_a_block_list_without_items_becomes_an_empty_flow_list() -> None:
    text = "groups:  # ours\n  - id: a\n  # b next\n  - id: b\nneeds: []\n"
    edit, expected = edit_of(text)
    edit.remove(("groups", 0))
    edit.remove(("groups", 1))
    expected["groups"] = []
    assert edit.result(expected) == "groups: []  # ours\n  # b next\nneeds: []\n"


def test_a_flow_item_of_a_block_list_is_removed_whole() -> None:
    text = "groups:\n  - {id: a, n: 1}\n  - {id: b, n: 2}   # gone\n  - {id: c, n: 3}\n"
    edit, expected = edit_of(text)
    edit.remove(("groups", 1))
    del expected["groups"][1]
    assert edit.result(expected) == "groups:\n  - {id: a, n: 1}\n  - {id: c, n: 3}\n"


def test_entries_are_inserted_after_one_in_its_style() -> None:
    edit, expected = edit_of(NEEDS)
    edit.rename_key(("needs", 0, "groups", "field"), "crew")
    edit.insert_after(("needs", 0, "groups", "field"), "drivers", "should")
    edit.insert_after(("needs", 0, "groups", "field"), "gardeners", "should")
    edit.insert_after(("needs", 1, "groups", "desk"), "phone", "could")
    expected["needs"][0]["groups"] = {
        "desk": "must",
        "crew": "should",
        "drivers": "should",
        "gardeners": "should",
        "office": "could",
    }
    expected["needs"][1]["groups"]["phone"] = "could"
    result = edit.result(expected)
    assert "{desk: must, crew: should, drivers: should, gardeners: should, office: could}" in result
    assert "      desk: could   # only at breaks\n      phone: could\n      # the field" in result


def test_a_list_item_is_copied_as_written_with_new_values() -> None:
    text = (
        "groups:\n  - id: a   # the first\n    name: A\n    headcount: 60\n  - {id: b, name: B}\n"
    )
    edit, expected = edit_of(text)
    edit.copy_item(("groups", 0), [{"id": "a1", "headcount": 20}, {"id": "a2", "name": "A: two"}])
    edit.copy_item(("groups", 1), [{"id": "b1"}, {"id": "b2"}])
    expected["groups"] = [
        {"id": "a1", "name": "A", "headcount": 20},
        {"id": "a2", "name": "A: two", "headcount": 60},
        {"id": "b1", "name": "B"},
        {"id": "b2", "name": "B"},
    ]
    assert edit.result(expected) == (
        "groups:\n  - id: a1   # the first\n    name: A\n    headcount: 20\n"
        '  - id: a2   # the first\n    name: "A: two"\n    headcount: 60\n'
        "  - {id: b1, name: B}\n  - {id: b2, name: B}\n"
    )


def test_line_endings_of_a_windows_file_stay() -> None:
    text = "groups:\r\n  a: must\r\n  b: could\r\n  c: should\r\n"
    edit, expected = edit_of(text)
    edit.remove(("groups", "b"))
    edit.insert_after(("groups", "c"), "d", "must")
    del expected["groups"]["b"]
    expected["groups"]["d"] = "must"
    assert edit.result(expected) == "groups:\r\n  a: must\r\n  c: should\r\n  d: must\r\n"


def test_an_entry_is_inserted_after_the_last_line_without_a_line_break() -> None:
    edit, expected = edit_of("groups:\n  a: must")
    edit.insert_after(("groups", "a"), "b", "could")
    expected["groups"]["b"] = "could"
    assert edit.result(expected) == "groups:\n  a: must\n  b: could\n"


ITEM = "- id: c\n  quotes:\n    - text: Said.\n"


@pytest.mark.parametrize(
    ("text", "after"),
    [
        (  # below the last item's lines, above a comment of its own, at the items' indent
            "interviews:\n    - id: a\n      group: g  # kept\n\n# the end\n",
            "interviews:\n    - id: a\n      group: g  # kept\n"
            "    - id: c\n      quotes:\n        - text: Said.\n\n# the end\n",
        ),
        (  # at the margin, with Windows line endings, and a key after the list
            "interviews:\r\n- id: a\r\nother: 1\r\n",
            "interviews:\r\n- id: a\r\n- id: c\r\n  quotes:\r\n    - text: Said.\r\nother: 1\r\n",
        ),
        (  # after a last line without a line break
            "interviews:\n  - {id: a}",
            "interviews:\n  - {id: a}\n  - id: c\n    quotes:\n      - text: Said.\n",
        ),
        (  # an empty list becomes a block list, indented below its key and its comment
            "interviews: []  # none yet\nother: 1\n",
            "interviews:  # none yet\n  - id: c\n    quotes:\n      - text: Said.\nother: 1\n",
        ),
        (  # the same below a blank first line
            "\ninterviews: []\n",
            "\ninterviews:\n  - id: c\n    quotes:\n      - text: Said.\n",
        ),
    ],
)
def test_items_are_appended_to_a_block_list_as_its_items_stand(text: str, after: str) -> None:
    edit, expected = edit_of(text)
    edit.append_items(("interviews",), [ITEM])
    expected["interviews"].append({"id": "c", "quotes": [{"text": "Said."}]})
    assert edit.result(expected) == after


@pytest.mark.parametrize(
    "text",
    [
        "interviews: [{id: a}]\n",
        "interviews:\n",
        "other: 1\n",
        "{interviews: []}\n",
        "interviews: none yet\n",
        "interviews:\n  a: 1\n",
    ],
)
def test_items_are_not_appended_to_a_list_not_written_an_item_a_line(text: str) -> None:
    edit, _ = edit_of(text)
    with pytest.raises(EditRefused, match="'interviews' is not a list written one item a line"):
        edit.append_items(("interviews",), [ITEM])


def test_a_refused_append_points_at_the_key() -> None:
    edit, _ = edit_of("other: 1\ninterviews: none yet\n")
    with pytest.raises(EditRefused) as refused:
        edit.append_items(("interviews",), [ITEM])
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == (2, 1)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("a: 1\n", "a: 1\nb:\n  c: [x]\n"),
        ("a: 1  # no line end", "a: 1  # no line end\nb:\n  c: [x]\n"),
        ("a: 1\r\n# last\r\n", "a: 1\r\n# last\r\nb:\r\n  c: [x]\r\n"),
    ],
)
def test_a_block_is_appended_at_the_end_with_the_file_s_line_endings(text: str, after: str) -> None:
    edit, data = edit_of(text)
    edit.append_block("b:\n  c: [x]\n")
    data["b"] = {"c": ["x"]}
    assert edit.result(data) == after


def test_an_appended_block_that_does_not_read_as_intended_is_refused() -> None:
    edit, data = edit_of("{a: 1}\n")  # a flow mapping: the block would stand outside it
    edit.append_block("b: 2\n")
    data["b"] = 2
    with pytest.raises(EditRefused):
        edit.result(data)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("balie", "balie"),
        ("Front desk staff", "Front desk staff"),
        ("yes", '"yes"'),
        ("0123", '"0123"'),
        ("Balie: KCC", '"Balie: KCC"'),
        ("# not a comment", '"# not a comment"'),
        ("Café", "Café"),
        ("Café: balie", '"Café: balie"'),  # quoted, and still readable
        (" padded", '" padded"'),
        (145, "145"),
    ],
)
def test_scalars_are_written_so_that_they_read_back_as_themselves(
    value: str | int, written: str
) -> None:
    assert yaml_scalar(value) == written
    assert read_yaml_text(f"k: {written}\n", Path("x")).data == {"k": value}


AWKWARD = st.sampled_from("\x85\u2028\u2029\ufeff\x7f\x9f\t\r\n :#'\"-[]{},&*!|>%@`?")
"""Characters YAML gives a meaning of its own, which random text rarely holds."""


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.characters(codec="utf-8"), AWKWARD), min_size=1))
def test_any_text_is_written_so_that_it_reads_back_as_itself(value: str) -> None:
    """As a value, in a flow collection, and as a key. An export's cell that held a line
    separator (U+2028) once made a drafted mapping that did not load."""
    texts = {
        "value": f"k: {yaml_scalar(value)}\n",
        "flow": f"k: {{a: {yaml_scalar(value, flow=True)}}}\n",
        "key": f"k:\n  {yaml_scalar(value)}: 1\n",
    }
    expected = {"value": {"k": value}, "flow": {"k": {"a": value}}, "key": {"k": {value: 1}}}
    for place, text in texts.items():
        assert read_yaml_text(text, Path("x")).data == expected[place], place


def test_an_edit_that_would_change_other_data_is_refused() -> None:
    edit, expected = edit_of(NEEDS)
    edit.remove(("needs", 0, "groups", "desk"))
    with pytest.raises(EditRefused, match="would not read back"):
        edit.result(expected)


def test_overlapping_edits_are_refused() -> None:
    edit, expected = edit_of(NEEDS)
    edit.remove(("needs", 1, "groups", "desk"))
    edit.set_value(("needs", 1, "groups", "desk"), "must")
    with pytest.raises(EditRefused, match="overlap"):
        edit.result(expected)


def test_an_entry_that_shares_its_line_with_another_is_not_removed() -> None:
    text = "groups:\n  - a: 1\n    b: 2\n"
    edit, expected = edit_of(text)
    edit.remove(("groups", 0, "a"))
    del expected["groups"][0]["a"]
    with pytest.raises(EditRefused, match=r"cannot remove 'groups\[0\].a'") as refused:
        edit.result(expected)
    assert str(refused.value.location) == "x.yaml:2:5"


KEYS = st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=8, unique=True)


@given(
    keys=KEYS,
    data=st.data(),
    flow=st.booleans(),
    comments=st.booleans(),
)
def test_any_proper_subset_can_be_removed_and_the_rest_stays_as_written(
    keys: list[str], data: st.DataObject, flow: bool, comments: bool
) -> None:
    values = {k: data.draw(st.sampled_from(["must", "should", "could"])) for k in keys}
    if flow:
        text = "groups: {" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}\n"
    else:
        text = "groups:\n" + "".join(
            (f"  # about {k}\n" if comments else "")
            + f"  {k}: {v}"
            + ("  # why\n" if comments else "\n")
            for k, v in values.items()
        )
    removed = data.draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys) - 1))
    edit, expected = edit_of(text)
    for key in removed:
        edit.remove(("groups", key))
        del expected["groups"][key]
    result = edit.result(expected)
    for key in keys:
        assert (f"{key}: {values[key]}" in result) is (key not in removed)
    if comments and not flow:
        assert result.count("# about") == len(keys)


@given(
    written=st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=4),
    added=st.lists(st.sampled_from(["x", "y"]), min_size=1, max_size=3),
    indent=st.sampled_from(["", "  ", "    "]),
    comments=st.booleans(),
    windows=st.booleans(),
)
def test_appended_items_come_after_the_list_and_everything_else_stays(
    written: list[str], added: list[str], indent: str, comments: bool, windows: bool
) -> None:
    """Whatever the list's indent, comments and line endings: the text before the end of
    the last item and after it is as it was, and the new items stand between."""
    items = "".join(
        (f"{indent}# before {name}\n" if comments else "")
        + f"{indent}- id: {name}\n{indent}  quotes: [{{text: Said {name}.}}]"
        + ("  # kept\n" if comments else "\n")
        for name in written
    )
    tail = "# the end\nother: 1\n" if comments else "other: 1\n"
    newline = "\r\n" if windows else "\n"
    text = ("interviews:\n" + items + tail).replace("\n", newline)
    edit, expected = edit_of(text)
    edit.append_items(("interviews",), [f"- id: {name}\n  quotes: []\n" for name in added])
    expected["interviews"] += [{"id": name, "quotes": []} for name in added]
    result = edit.result(expected)
    head = ("interviews:\n" + items).replace("\n", newline)
    assert result.startswith(head) and result.endswith(tail.replace("\n", newline))
    new = result[len(head) : len(result) - len(tail.replace("\n", newline))]
    assert new == "".join(
        f"{indent}- id: {name}{newline}{indent}  quotes: []{newline}" for name in added
    )


DEPENDENCIES = textwrap.dedent(
    """\
    needs:
      - id: search
        depends_on: [sso, intranet]  # first things first
      - id: news
        depends_on:
          - sso  # single sign-on
          - cms
        title: News
      - id: app
        title: App
    """
)


def test_a_flow_list_is_written_anew_and_a_block_list_keeps_the_lines_that_stay() -> None:
    edit, expected = edit_of(DEPENDENCIES)
    edit.set_list(("needs", 0, "depends_on"), ["intranet", "mobile"])
    edit.set_list(("needs", 1, "depends_on"), ["sso", "mobile", "search"])
    edit.insert_after(("needs", 2, "title"), "depends_on", ["news", "a, b"])
    expected["needs"][0]["depends_on"] = ["intranet", "mobile"]
    expected["needs"][1]["depends_on"] = ["sso", "mobile", "search"]
    expected["needs"][2]["depends_on"] = ["news", "a, b"]
    assert edit.result(expected) == textwrap.dedent(
        """\
        needs:
          - id: search
            depends_on: [intranet, mobile]  # first things first
          - id: news
            depends_on:
              - sso  # single sign-on
              - mobile
              - search
            title: News
          - id: app
            title: App
            depends_on: [news, "a, b"]
        """
    )


def test_a_block_list_that_only_loses_items_gains_no_line() -> None:
    edit, expected = edit_of(DEPENDENCIES)
    edit.set_list(("needs", 1, "depends_on"), ["sso"])
    expected["needs"][1]["depends_on"] = ["sso"]
    assert edit.result(expected) == DEPENDENCIES.replace("      - cms\n", "")


def test_a_value_inside_a_flow_mapping_is_quoted_where_a_comma_would_end_it() -> None:
    """``groups: {desk: must}`` sits in a block mapping: the value is inside the braces all
    the same, where a plain ``a, b`` would read as two entries."""
    edit, expected = edit_of(NEEDS)
    edit.set_value(("needs", 0, "groups", "desk"), "must, now")
    edit.rename_key(("needs", 0, "groups", "office"), "office, hq")
    expected["needs"][0]["groups"] = {"desk": "must, now", "field": "should", "office, hq": "could"}
    assert '{desk: "must, now", field: should, "office, hq": could}' in edit.result(expected)


@pytest.mark.parametrize("text", ["a: 1\nb: 2\n", "- a\n- b\n"])
def test_a_file_is_not_emptied(text: str) -> None:
    """A block collection whose entries all go is written ``key: []``; the file itself has
    no key to write that after, and an empty file reads as nothing at all."""
    edit, expected = edit_of(text)
    edit.remove((0,) if text.startswith("-") else ("a",))
    edit.remove((1,) if text.startswith("-") else ("b",))
    with pytest.raises(EditRefused) as refused:
        edit.result(expected)
    assert refused.value.message == "cannot remove every entry of the file: it would be left empty"
    assert refused.value.location is not None
    assert (refused.value.location.line, refused.value.location.column) == (1, 1)


@pytest.mark.parametrize(
    ("empty", "written"),
    [
        ("[]\n", "\n      - text: Said.\n        who: A\n"),
        ("[ ]  # none yet\n", "  # none yet\n      - text: Said.\n        who: A\n"),
        ("[]", "\n      - text: Said.\n        who: A"),  # the file's last line, unended
        ("[]\r\n", "\r\n      - text: Said.\r\n        who: A\r\n"),
    ],
)
def test_a_nested_empty_list_becomes_a_block_list_indented_below_its_key(
    empty: str, written: str
) -> None:
    """However the empty list is spaced, with the file's line endings; a comment after it
    stays on the key's line."""
    newline = "\r\n" if empty.endswith("\r\n") else "\n"
    start = newline.join(["# interviews", "interviews:", "  - id: a", "    quotes: "])
    edit, expected = edit_of(start + empty)
    edit.append_items(("interviews", 0, "quotes"), ["- text: Said.\n  who: A\n"])
    expected["interviews"][0]["quotes"] = [{"text": "Said.", "who": "A"}]
    assert edit.result(expected) == start.removesuffix(" ") + written


def test_an_empty_list_with_a_comment_inside_is_left_as_written() -> None:
    edit, _ = edit_of("quotes: [  # none yet\n]\n")
    with pytest.raises(EditRefused, match="'quotes' is not a list written one item a line"):
        edit.append_items(("quotes",), ["- text: Said.\n"])


def test_an_item_of_a_flow_list_is_copied_within_it() -> None:
    text = "groups: [{id: a, name: A}, {id: b, name: B}]  # two\n"
    edit, expected = edit_of(text)
    edit.copy_item(("groups", 0), [{"id": "a1"}, {"id": "a2"}])
    expected["groups"] = [
        {"id": "a1", "name": "A"},
        {"id": "a2", "name": "A"},
        {"id": "b", "name": "B"},
    ]
    assert edit.result(expected) == (
        "groups: [{id: a1, name: A}, {id: a2, name: A}, {id: b, name: B}]  # two\n"
    )
