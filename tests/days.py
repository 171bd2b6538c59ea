"""Expected texts that name today's date.

A test's expected values are made when pytest collects it, and a run that starts before
midnight checks them after it: an expected text writes ``TODAY`` for the date, and the
test accepts the day the command ran on, read before and after it.
"""

from datetime import date

__all__ = ["TODAY", "on_either_day"]

TODAY = "<today>"


def on_either_day(text: str, before: date, after: date) -> set[str]:
    """``text`` with ``TODAY`` as each day the command may have read the clock on."""
    return {text.replace(TODAY, f"{day:%Y-%m-%d}") for day in (before, after)}
