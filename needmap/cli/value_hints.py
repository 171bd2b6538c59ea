"""An option's value that typer cannot take (``--top abc``, ``--port 99999``, ``--date
2026-13-01``), said in needmap's words: the value given, what is wrong with it, and what
to give instead.

typer checks these values with pydantic and answers in its words ("Input should be a valid
integer, unable to parse string as an integer", "Value error, '2026-13-01' does not match
the formats '%Y-%m-%d'"), without the value and under a usage line; the pydantic error it
raises from holds all that is needed to say it as needmap's other problems do.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

import pydantic
import typer

from needmap.cli.app import SHARE
from needmap.cli.line_hints import named_value
from needmap.errors import UsageError
from needmap.shell import command_word

__all__ = ["annotation_of", "number_or_date_hint", "share_of", "wrong_value"]

_READABLE = {"%Y": "YYYY", "%m": "MM", "%d": "DD"}
"""How the parts of a date option's format (``%Y-%m-%d``) read to a user."""


def wrong_value(exc: typer.BadParameter) -> UsageError | None:
    """The problem of an option's value that typer refused; None for any other bad
    parameter, or an error typer raised in another way."""
    param, cause = exc.param, exc.__cause__
    if param is None or not isinstance(cause, pydantic.ValidationError):
        return None
    error = cause.errors(include_url=False)[0]
    limits: dict[str, Any] = error.get("ctx", {})
    option = param.opts[0] if param.param_type_name == "option" else None
    named = named_value(param, command_word(str(error["input"])))
    formats = _date_formats(param)
    if error["type"] == "value_error" and option and formats:
        return UsageError.single(f"{named}: not a date", hint=_date_hint(formats[0], option))
    wrong = {
        "int_parsing": "not a whole number",
        "greater_than_equal": f"less than {limits.get('ge')}",
        "less_than_equal": f"more than {limits.get('le')}",
    }.get(error["type"])
    if wrong is None:
        return None
    return UsageError.single(f"{named}: {wrong}", hint=_what_to_give(param, option))


def share_of(text: str, option: str, default: str) -> float:
    """A share given on the command line as a fraction (``0.75``, or ``0,75`` as Dutch
    writes it) or a percentage (``75%``): above 0 and at most all. A bare ``75`` is refused
    rather than read as a percentage, since ``1`` could then mean either."""
    written = text.strip().replace(",", ".")
    percent = written.endswith("%")
    try:
        share = float(written.removesuffix("%").strip()) / (100 if percent else 1)
    except ValueError:
        share = math.nan
    if not math.isfinite(share):
        wrong = "not a number"
    elif share <= 0:
        wrong = "not above 0"
    elif share > 1:
        wrong = "more than 100%" if percent else "more than 1"
    else:
        return share
    raise UsageError.single(
        f"{option} {command_word(text)}: {wrong}", hint=_share_hint(option, default)
    )


def _share_hint(option: str, default: str) -> str:
    return (
        f"give a share above 0 and up to 1, such as {option} {default} (the default), "
        f"or a percentage: {option} {float(default) * 100:g}%"
    )


def number_or_date_hint(param: Any, option: str) -> str | None:
    """What to give an option that takes a number or a date (``--top``, ``--date``); None
    for an option that takes anything else."""
    formats = _date_formats(param)
    if formats:
        return _date_hint(formats[0], option)
    if param.metavar == SHARE:
        return _share_hint(option, param.default)
    if annotation_of(param) is int:
        return _what_to_give(param, option)
    return None


def annotation_of(param: Any) -> Any:
    """The type a parameter's value is converted to, as typer holds it: ``Path`` for an
    option annotated ``Path | None`` too, since typer takes the ``None`` off."""
    return getattr(getattr(param, "type_descriptor", None), "annotation", None)


def _date_hint(date_format: str, option: str) -> str:
    """The hint for a date: "write it as YYYY-MM-DD, such as --date 2026-12-04" (today)."""
    example = datetime.datetime.now().strftime(date_format)
    return f"write it as {_readable(date_format)}, such as {option} {example}"


def _date_formats(param: Any) -> list[str]:
    """The formats of a date option (``formats=`` of ``typer.Option``); none for others."""
    described = getattr(param, "type_descriptor", None)
    if described is None or not getattr(described, "is_datetime", False):
        return []
    return list(getattr(described.parameter_info, "formats", None) or [])


def _readable(date_format: str) -> str:
    for code, shown in _READABLE.items():
        date_format = date_format.replace(code, shown)
    return date_format


def _what_to_give(param: Any, option: str | None) -> str:
    """What to give instead: "give a whole number from 0 to 65535, such as --port 8000
    (the default)"."""
    number = "a whole number"
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        number += f" from {low} to {high}"
    elif low is not None:
        number += f" of {low} or more"
    default = param.default
    if option and isinstance(default, int | float) and not isinstance(default, bool):
        return f"give {number}, such as {option} {default} (the default)"
    return f"give {number}"
