"""Turn pydantic validation errors into problems a consultant can act on.

pydantic's messages are written for programmers ("Input should be a valid string"). Here each
common error type gets a message in the study's terms and a hint, positioned at the offending
key or value by the document's source map.
"""

from __future__ import annotations

import datetime
import re
import types
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from needmap.errors import Problem, RuleError, RuleErrors
from needmap.personas.messages import did_you_mean
from needmap.personas.other_words import key_meant, value_meant
from needmap.personas.schema import BRANCH, DATE_PATTERN, id_from, year_first
from needmap.personas.written_dates import month_named
from needmap.personas.yamlsource import Node, YamlDocument, format_key

__all__ = ["schema_problems", "validated_document"]


M = TypeVar("M", bound=BaseModel)


def validated_document(
    document: YamlDocument, model: type[M], problems: list[Problem], *, expected: str, hint: str
) -> M | None:
    """The document as ``model``, or None with its problems added to ``problems``: one when
    it does not hold 'key: value' lines at the top (``expected`` says what it should hold,
    ``hint`` how to start), else one per schema error."""
    if not isinstance(document.data, dict):
        if not document.is_spoiled(()):
            problems.append(Problem(document.source.locate(()), expected, hint=hint))
        return None
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, document, model))
        return None


def schema_problems(
    error: ValidationError, document: YamlDocument, model: type[BaseModel], prefix: Node = ()
) -> list[Problem]:
    """One problem per pydantic error (a required key misspelt is one, not two), skipping
    places the YAML reader already reported.

    ``model`` was validated against the value at ``prefix`` in ``document``.
    """
    found = [
        (detail, problem)
        for raised in error.errors(include_url=False)
        for detail in _each_rule(raised)
        if (problem := _problem(detail, document, model, prefix)) is not None
    ]
    return _one_per_slip(found)


def _each_rule(detail: ErrorDetails) -> list[ErrorDetails]:
    """The error, or one per rule it broke, each placed at the path its rule is about;
    without the tag of a union's branch in its path (:data:`BRANCH`)."""
    loc = detail["loc"]
    if any(isinstance(part, str) and part.startswith(BRANCH) for part in loc):
        kept = tuple(p for p in loc if not (isinstance(p, str) and p.startswith(BRANCH)))
        detail = ErrorDetails(
            **{**detail, "loc": kept, "ctx": {**detail.get("ctx", {}), "branch": True}}
        )
    raised = detail.get("ctx", {}).get("error")
    if isinstance(raised, RuleErrors):
        rules = list(raised.errors)
    elif isinstance(raised, RuleError) and raised.at:
        rules = [raised]
    else:
        return [detail]
    return [
        ErrorDetails(
            type=detail["type"],
            loc=(*detail["loc"], *rule.at),
            msg=str(rule),
            input=detail["input"],
            ctx={"error": rule},
        )
        for rule in rules
    ]


def _one_per_slip(found: list[tuple[ErrorDetails, Problem]]) -> list[Problem]:
    """The problems, but for a required key that an unknown key beside it misspells
    ('titel: Search'): that is one slip, not two. The unknown key's hint names the key
    meant, and renaming it mends both, so that the key is missing is left unsaid."""
    hints = {(p.key, p.hint) for detail, p in found if detail["type"] == "extra_forbidden"}

    def misspelt(detail: ErrorDetails, problem: Problem) -> bool:
        if detail["type"] != "missing":
            return False
        name = str(detail["loc"][-1])
        return (problem.key, did_you_mean(name, [name])) in hints

    return [problem for detail, problem in found if not misspelt(detail, problem)]


def _problem(
    detail: ErrorDetails, document: YamlDocument, model: type[BaseModel], prefix: Node
) -> Problem | None:
    loc: Node = tuple(detail["loc"])
    on_key = bool(loc) and loc[-1] == "[key]"
    if on_key:
        loc = loc[:-1]
    full = (*prefix, *loc)
    if document.is_spoiled(full):
        return None
    kind = detail["type"]
    source = document.source
    if kind == "missing":
        return Problem(
            source.locate(full[:-1]),
            f"required key '{loc[-1]}' is missing",
            key=format_key(full[:-1]),
            hint=_field_hint(model, loc),
        )
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = (
            _comma_in_value_hint(document, full)
            or _belongs_under(loc[-1], _owner_of_key(model, loc))
            or did_you_mean(str(loc[-1]), allowed)
            or key_meant(str(loc[-1]), allowed)
            or _belongs_under(loc[-1], _empty_mapping_above(model, document, full, loc))
            or ("allowed keys here: " + ", ".join(allowed) if allowed else "")
        )
        return Problem(
            source.locate(full, key=True),
            f"unknown key '{loc[-1]}'",
            key=format_key(full[:-1]),
            hint=hint,
        )
    message, hint = _describe(detail, source.plain_text.get(full))
    hint = (
        _keys_without_values_hint(model, loc, detail.get("input"))
        or _one_key_hint(model, loc, detail.get("input"))
        or hint
    )
    left_empty = detail.get("input") is None and (kind in _TYPE_NAMES or kind == "literal_error")
    if left_empty and kind not in ("dict_type", "list_type") and _has_default(model, loc):
        hint += f", or leave '{loc[-1]}:' out for its default" + (
            "s" if kind == "model_type" else ""
        )
    if full in source.comments and detail.get("input") is None:
        hint = (
            "a '#' after a space starts a comment, so this value is empty; if the comment "
            f'is the value, quote it: "{source.comments[full]}"'
        )
    return Problem(source.locate(full, key=on_key), message, key=format_key(full), hint=hint)


_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
}


def _describe(detail: ErrorDetails, plain_text: str | None) -> tuple[str, str]:
    """The message and hint for a schema error other than a missing or unknown key;
    ``plain_text`` is the value as written, if it was written without quotes."""
    kind = detail["type"]
    given = detail.get("input")
    ctx = detail.get("ctx", {})
    if kind in _TYPE_NAMES:
        place = detail["loc"][-1] if detail["loc"] else ""
        message = f"expected {_TYPE_NAMES[kind]}, found {_shown(given)}"
        return message, _type_hint(kind, given, place, plain_text)
    if kind == "literal_error" and given is None:
        return _empty_choice(ctx.get("expected", ""), detail["loc"][-1] if detail["loc"] else "")
    if kind == "literal_error" and isinstance(given, list | dict):
        return f"expected one value, found {_shown(given)}", _one_value_hint(
            given, ctx.get("expected", "")
        )
    if kind == "literal_error":
        return f"'{given}' is not allowed here", _literal_hint(given, ctx.get("expected", ""))
    if kind == "string_pattern_mismatch":
        return _pattern_error(given, ctx.get("pattern"), defines=detail["loc"][-1:] == ("id",))
    if kind == "string_too_short":
        return "must not be empty", "write some text, or remove the key"
    if kind in _BOUND_WORDS:
        return _bound_error(kind, given, next(iter(ctx.values()), ""))
    if kind == "too_short" and ctx.get("min_length", 1) > 1:
        least = ctx["min_length"]
        found = len(given) if isinstance(given, list) else 0
        one = given[0] if isinstance(given, list) and len(given) == 1 else None
        place = detail["loc"][-1] if detail["loc"] else ""
        if isinstance(one, str) and ctx.get("branch"):
            hint = f"for one, write it alone, without the brackets: {place}: {one}"
        elif ctx.get("branch") and not found:
            hint = f"give {least} or more, one alone without the brackets, or none: {place}: ~"
        else:
            hint = f"add {least - found} more, or remove the list"
        return f"a list here needs at least {least} items, found {found}", hint
    if kind == "too_short":
        return "must not be empty", "add at least one item"
    message = str(detail["msg"]).removeprefix("Value error, ")
    return message[:1].lower() + message[1:], getattr(ctx.get("error"), "hint", "")


def _type_hint(kind: str, given: Any, place: str | int, plain_text: str | None) -> str:
    """How to write the value of the type ``kind`` asks for at ``place`` (a key, or a list
    item's index), where ``given`` was found."""
    if given is None:
        return _empty_value_hint(kind, place)
    if kind == "string_type" and (plain_text is not None or isinstance(given, dict)):
        return _text_hint(given, plain_text)
    if isinstance(given, list) and kind not in ("list_type", "dict_type", "model_type"):
        return "write one value here, not a list"
    if kind == "list_type":
        text = given.strip() if isinstance(given, str) else ""
        return _list_hint(text) if text else "write each item on its own line, starting with '- '"
    if kind in ("dict_type", "model_type"):
        return "write 'key: value' lines, indented under this key"
    if kind in _NUMBER_TYPES:
        return _number_hint(kind, given, plain_text)
    if kind == "bool_type":
        written = str(given).strip().casefold()
        quoted = written in ("true", "false")
        return f"write it without quotes: {written}" if quoted else "write true or false"
    return ""


def _empty_value_hint(kind: str, place: str | int) -> str:
    """How to fill in a value left empty at ``place``: a key, or a list item's index."""
    if not isinstance(place, str):
        return "write a value after the '- '"
    if kind in ("dict_type", "model_type"):
        return f"write its 'key: value' lines under '{place}:', indented further"
    if kind == "list_type":
        return f"write its items under '{place}:', each on a line starting with '- '"
    return f"write a value after '{place}:'"


def _text_hint(given: Any, plain_text: str | None) -> str:
    """How to write text that YAML read as something else: a number or date written
    plainly (``plain_text``), or a mapping, which text holding ': ' becomes unquoted."""
    if plain_text is not None:
        return f'quote this value: "{plain_text}"'
    if len(given) == 1:
        ((key, value),) = given.items()
        return f'text that holds ": " must be in quotes: "{key}: {value}"'
    return "write text here; text that holds ': ' must be in quotes"


def _empty_choice(expected: str, place: str | int) -> tuple[str, str]:
    """The message and hint for a value left out at the key ``place`` where one of a few
    belongs: a need's ``groups: {balie, bureau: must}``, whose first group has no
    importance, or ``kind:`` with nothing after it. (Every such choice in the study's
    files is of two or more values, under a key.)"""
    options = _literal_options(expected)
    message = f"expected {', '.join(options[:-1])} or {options[-1]}, found an empty value"
    return message, f"write one of {', '.join(options)} after '{place}:'"


def _one_value_hint(given: list[Any] | dict[Any, Any], expected: str) -> str:
    """For a list or a mapping where one of a few values belongs (``managers: [must]``):
    the one allowed value of a list of one, written bare; else the values allowed."""
    options = _literal_options(expected)
    if isinstance(given, list) and len(given) == 1 and str(given[0]) in options:
        return f"write it without the brackets: {given[0]}"
    return "write one of: " + ", ".join(options)


def _literal_hint(given: Any, expected: str) -> str:
    """The allowed value meant by ``given``: by spelling, or by the words a consultant uses
    for it (:func:`~needmap.personas.other_words.value_meant`); else the values allowed."""
    options = _literal_options(expected)
    meant = value_meant(str(given))
    hint = (
        f"did you mean '{meant}'?"
        if meant in options
        else did_you_mean(str(given), options, ignore_case=True)
    )
    return hint or "use one of: " + ", ".join(options)


def _pattern_error(given: Any, pattern: object, *, defines: bool) -> tuple[str, str]:
    """The message and hint for a date or an id not written as one. An id that ``defines``
    an item (its ``id:``) is offered as it may be written ('ICT-afdeling' as
    'ict-afdeling'); a reference is not, since the id it means may be another one."""
    if pattern == DATE_PATTERN:
        return f"'{given}' is not a date as YYYY-MM-DD", _date_hint(str(given))
    if isinstance(given, str) and not given.isprintable():
        return (
            f"'{given}' is not a valid id: it holds a character that cannot be seen",
            _unseen_hint(given),
        )
    rules = (
        "ids use lowercase letters, digits, '-' and '_', start with a letter or digit "
        "and are at most 63 characters"
    )
    written = id_from(given) if defines and isinstance(given, str) else ""
    hint = f"write it as '{written}': {rules}" if written else f"{rules}, e.g. 'front-desk'"
    return f"'{given}' is not a valid id", hint


_BOUND_WORDS = {
    "greater_than_equal": "at least",
    "greater_than": "more than",
    "less_than_equal": "at most",
    "less_than": "less than",
}
"""pydantic's bound errors, and how the message says the bound."""


def _bound_error(kind: str, given: Any, bound: Any) -> tuple[str, str]:
    """The message and hint for a number beyond its ``bound``; a percentage written where
    a share (at most 1) belongs gets the fraction to write."""
    if isinstance(bound, float) and bound.is_integer():
        bound = int(bound)  # "at most 1", not "at most 1.0"
    words = _BOUND_WORDS[kind]
    hint = f"write a number {words} {bound}"
    if kind == "less_than_equal" and bound == 1 and isinstance(given, int | float) and given <= 100:
        hint = f"write a share as a fraction of 1: {_fraction(given)} for {given}%"
    return f"must be {words} {bound}, found {given}", hint


_NUMBER_TYPES = ("int_type", "int_from_float", "float_type")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,' ]\d{3})+")
"""A whole number written with a separator between the thousands (1.450, 1,450)."""
_DECIMAL_COMMA = re.compile(r"\d*,\d+")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_NUMBERS_IN = {
    True: re.compile(r"\d{1,3}(?:[.,' ]\d{3})+|\d+"),
    False: re.compile(r"\d*[.,]?\d+"),
}
"""The numbers in a text, whole (with a separator between the thousands, or none) or
not: a value written with words around it ('ca. 40', '40 fte') has one."""
_NUMBER_WORDS = {
    word: number
    for words in (
        "zero one two three four five six seven eight nine ten eleven twelve",
        "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf",
    )
    for number, word in enumerate(words.split())
} | {"één": 1}
"""Numbers written as a word, in English or Dutch, up to twelve: what a minimum group
size, a number of picks or a capacity is written as in a sentence."""
_EXPONENT = re.compile(r"[-+]?\d+(?:\.\d*)?[eE][-+]?\d{1,3}")
"""A number with an exponent (5e-1): a number in YAML 1.2, text in YAML 1.1 without a
point and a sign in the exponent, as needmap reads YAML."""


def _comma_in_value_hint(document: YamlDocument, path: Node) -> str:
    """A key with no value in a mapping in braces, after a key with text: the rest of that
    text, cut off at its comma (``{label: Find a colleague, by name or expertise}``), since
    a comma ends a value there. The hint quotes the text whole."""
    parent, key = path[:-1], path[-1]
    mapping = document.value_at(parent)
    if parent not in document.source.flow or not isinstance(mapping, dict) or key not in mapping:
        return ""
    keys = list(mapping)
    at = keys.index(key)
    before = mapping[keys[at - 1]] if at > 0 else None
    if mapping[key] is not None or not isinstance(before, str):
        return ""
    return (
        f"a comma ends a value inside {{ }}: if '{key}' belongs to {keys[at - 1]}, quote "
        f'it whole: {keys[at - 1]}: "{before}, {key}"'
    )


def _keys_without_values_hint(model: type[BaseModel], loc: Node, given: object) -> str:
    """For a list of names where a mapping of them to one of a few values belongs (a need's
    ``groups: [balie, bazen]``, which needs each group's importance): the mapping to write,
    with the first value filled in, and the values to choose from."""
    kind = _type_at(model, loc)
    if get_origin(kind) is not dict or not isinstance(given, list) or not given:
        return ""
    value = _unwrap(get_args(kind)[1])
    if get_origin(value) is not Literal or not all(isinstance(item, str) for item in given):
        return ""
    values = get_args(value)
    pairs = ", ".join(f"{item}: {values[0]}" for item in given)
    return f"give each its value: {{{pairs}}}, with one of: " + ", ".join(map(str, values))


def _one_key_hint(model: type[BaseModel], loc: Node, given: object) -> str:
    """For text where a mapping belongs whose one required key holds text (an interview's
    quote written as '- We search a lot.', which is '- text: We search a lot.'): the key to
    write it under."""
    target = _type_at(model, loc)
    if not isinstance(given, str) or not (
        isinstance(target, type) and issubclass(target, BaseModel)
    ):
        return ""
    required = [name for name, field in target.model_fields.items() if field.is_required()]
    if len(required) != 1 or _unwrap(target.model_fields[required[0]].annotation) is not str:
        return ""
    item = "- " if loc and isinstance(loc[-1], int) else ""
    shown = given if len(given) <= 40 else given[:40].rsplit(" ", 1)[0] + "…"
    return f"write it under its key: {item}{required[0]}: {shown}"


def _list_hint(text: str) -> str:
    """How to write ``text`` as the list it should be: its items in brackets, or, where it
    holds a comma, either its items or one quoted text (which YAML cannot tell apart)."""
    if "," not in text:
        return f"write it as a list, even of one item: [{text}]"
    return f'write it as a list: [{text}] for several items, or ["{text}"] for one text'


def _number_hint(kind: str, given: Any, plain_text: str | None) -> str:
    """How to write a number as YAML reads it, from how it was written: people write
    1.450 (which YAML reads as 1.45), 0,6 and 50% in Dutch and English documents."""
    written = plain_text if plain_text is not None else given if isinstance(given, str) else ""
    text = written.strip()
    whole = kind != "float_type"
    if whole and _THOUSANDS.fullmatch(text):
        return f"write {re.sub(r'[^0-9]', '', text)}, without a separator between the thousands"
    if not whole and _DECIMAL_COMMA.fullmatch(text):
        return f"write the decimals after a point: {text.replace(',', '.')}"
    percents = list(_PERCENT.finditer(text))
    if not whole and len(percents) == 1 and len(_NUMBERS_IN[False].findall(text)) == 1:
        share = float(percents[0].group(1).replace(",", "."))
        return f"write a share as a fraction of 1: {_fraction(share)} for {percents[0].group()}"
    if isinstance(given, str) and _EXPONENT.fullmatch(text):
        plain = format(Decimal(text), "f")
        if not whole or "." not in plain:
            return f"write it without an exponent: {plain}"
    if isinstance(given, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return f"write the number without quotes: {text}"
    numbers = _NUMBERS_IN[whole].findall(text) if isinstance(given, str) else []
    if len(numbers) == 1 and "%" not in text:
        number = re.sub(r"[^0-9]", "", numbers[0]) if whole else numbers[0].replace(",", ".")
        return f"write the number alone: {number}"
    if whole and isinstance(given, float):
        return "write a whole number, without decimals"
    spelled = _NUMBER_WORDS.get(text.casefold())
    if spelled is not None:
        return f"write it in digits: {spelled}"
    return "write digits only, e.g. 250" if whole else "write a number, e.g. 0.5"


def _date_hint(text: str) -> str:
    """The date as YYYY-MM-DD, if ``text`` is one written day first (14-10-2026) or with
    the month's name (14 okt 2026)."""
    iso = year_first(text)
    if iso is not None and _exists(iso):
        return f"write it year first: {iso}"
    iso = month_named(text)
    if iso is not None and _exists(iso):
        return f"write it in numbers, year first: {iso}"
    return "write the year, month and day with '-' between them, e.g. 2026-10-14"


def _exists(iso: str) -> bool:
    """Whether YYYY-MM-DD is a day of the calendar: 2026-02-30 is offered to no one."""
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _unseen_hint(text: str) -> str:
    """Which character of ``text`` cannot be seen, and where: text copied from Word, Teams
    or a web page brings such characters along, and the message shows them as ``<U+…>``."""
    at = next(i for i, c in enumerate(text) if not c.isprintable())
    name = unicodedata.name(text[at], "control character").lower()
    where = f"after '{text[:at]}'" if at else "at the start"
    return (
        f"delete the {name} {where} (copied text brings such characters along), "
        "or type the id again"
    )


def _fraction(percent: float) -> str:
    """``percent`` as a fraction of 1, as short as it goes (60 -> 0.6)."""
    return f"{percent / 100:.4f}".rstrip("0").rstrip(".")


def _shown(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _literal_options(expected: str) -> list[str]:
    """pydantic writes ``'must', 'should' or 'could'``; turn it back into a list."""
    return [
        part.strip().strip("'") for part in expected.replace(" or ", ",").split(",") if part.strip()
    ]


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional so the container or model type shows."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _type_at(model: type[BaseModel], loc: Sequence[str | int]) -> Any:
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) is list:
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def _allowed_keys(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    target = _type_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _belongs_under(key: str | int, owner: str) -> str:
    """The hint for an unknown ``key`` written flush left under ``owner``, if there is one."""
    return f"'{key}' belongs under '{owner}:': indent it under that key" if owner else ""


def _owner_of_key(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    """The one key beside the unknown key ``loc[-1]`` whose own mapping has that key (a
    key written flush left under the one it belongs to: ``privacy:``, then
    ``min_group_size: 5`` not indented), or an empty string."""
    owners = [
        name
        for name in _allowed_keys(model, loc[:-1])
        if loc[-1] in _allowed_keys(model, [*loc[:-1], name])
    ]
    return owners[0] if len(owners) == 1 else ""


def _empty_mapping_above(
    model: type[BaseModel], document: YamlDocument, path: Node, loc: Sequence[str | int]
) -> str:
    """The key above the unknown key at ``path`` (``loc`` in ``model``), with only unknown
    keys between, that is a mapping left empty: what a need's ``groups:`` is when its
    lines below are not indented (``balie: must``); else an empty string. Asked after a
    misspelt key of this mapping, which an empty mapping above may stand beside too."""
    allowed = _allowed_keys(model, loc[:-1])
    mapping = document.value_at(path[:-1])
    if not isinstance(mapping, dict) or loc[-1] not in mapping:
        return ""
    keys = list(mapping)
    above = [k for k in keys[: keys.index(loc[-1])] if k in allowed]
    if not above or mapping[above[-1]] is not None:
        return ""
    kind = _type_at(model, [*loc[:-1], above[-1]])
    holds_keys = get_origin(kind) is dict or (
        isinstance(kind, type) and issubclass(kind, BaseModel)
    )
    return str(above[-1]) if holds_keys else ""


def _has_default(model: type[BaseModel], loc: Sequence[str | int]) -> bool:
    """Whether the key at ``loc`` may be left out: a section whose lines are all commented
    out (``privacy:`` above ``# min_group_size: 5``) is empty, not its defaults."""
    parent = _type_at(model, loc[:-1])
    if not loc or not (isinstance(parent, type) and issubclass(parent, BaseModel)):
        return False
    field = parent.model_fields.get(str(loc[-1]))
    return field is not None and not field.is_required()


def _field_hint(model: type[BaseModel], loc: Sequence[str | int]) -> str:
    parent = _type_at(model, loc[:-1])
    if not (isinstance(parent, type) and issubclass(parent, BaseModel)):
        return ""
    field = parent.model_fields.get(str(loc[-1]))
    if field is None:
        return ""
    annotation = _unwrap(field.annotation)
    if get_origin(annotation) is Literal:
        return f"add '{loc[-1]}:' with one of: " + ", ".join(map(str, get_args(annotation)))
    description = field.description or ""
    return f"add '{loc[-1]}:' — {description[:1].lower()}{description[1:]}" if description else ""
