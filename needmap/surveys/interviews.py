"""Interview notes: who was interviewed (by group, never by name) and what they said, tagged
with the needs it supports or questions.

A study keeps them in ``interviews/*.yaml``, one file per interview or several per file, each
under ``interviews:``. They are read with positions and checked against the study, so a
quote tagged with a misspelt need is reported at its line with a "did you mean".
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from needmap.errors import InvalidStudyError, Location, NeedmapError, Problem, RuleError, Severity
from needmap.personas.messages import one_per_place, personal_data_warnings
from needmap.personas.schema import DATE_PATTERN, Id, Ids
from needmap.personas.schema_messages import schema_problems
from needmap.personas.slips import named_twice
from needmap.personas.study import Study, StudyIds, unknown_reference
from needmap.personas.yamlsource import (
    YamlDocument,
    format_key,
    read_yaml_file,
    yaml_files,
)

__all__ = [
    "INTERVIEW_FOLDER",
    "Interview",
    "InterviewQuote",
    "InterviewsFile",
    "both_sides_warning",
    "check_interviews",
    "free_interview_id",
    "interview_files",
    "interviews_by_file",
    "load_interviews",
]

INTERVIEW_FOLDER = "interviews"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _real_date(text: str) -> str:
    try:
        datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise RuleError(
            f"'{text}' is not a date: {exc}", "check the day and the month: YYYY-MM-DD"
        ) from None
    return text


IsoDate = Annotated[
    str,
    StringConstraints(pattern=DATE_PATTERN),
    AfterValidator(_real_date),
    Field(description="Date as YYYY-MM-DD, e.g. 2026-10-14."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class InterviewQuote(_Model):
    """Something a participant said, in their words, tagged with the needs it bears on."""

    model_config = ConfigDict(  # what _tagged checks, for editors that read the schema
        json_schema_extra={
            "anyOf": [
                {"required": [key], "properties": {key: {"minItems": 1}}}
                for key in ("needs", "questions")
            ]
        }
    )

    text: Text = Field(
        description="What was said. Reports scrub e-mail addresses, phone numbers, IBANs, "
        "long numbers, dates of birth, licence plates, street addresses, postcodes, names "
        "after a title (mevrouw Jansen) "
        "and common first names (Piet de Vries); leave other names out yourself."
    )
    needs: Ids = Field(default_factory=list, description="Ids of the needs this quote supports.")
    questions: Ids = Field(
        default_factory=list,
        description="Ids of the needs this quote casts doubt on (not needed, or not like this).",
    )

    @model_validator(mode="after")
    def _tagged(self) -> InterviewQuote:
        if not self.needs and not self.questions:
            raise RuleError(
                "tag the quote with the needs it supports (needs:) or questions (questions:)",
                "add needs: [ID] for a need it supports, or questions: [ID] for one it "
                "casts doubt on",
            )
        return self


class Interview(_Model):
    """One interview or focus group, with the participants' target group."""

    id: Id
    group: Id = Field(description="Id of the target group the participants belong to.")
    participants: int = Field(
        1, ge=1, description="How many people took part (more than 1 for a focus group)."
    )
    date: IsoDate | None = Field(None, description="When it was held, e.g. 2026-10-14.")
    notes: str = Field(
        "", description="Your own notes. Never shown in a report: they may name people."
    )
    quotes: list[InterviewQuote] = Field(
        default_factory=list, description="What was said, each tagged with needs."
    )


class InterviewsFile(_Model):
    """``interviews/*.yaml``: interview notes."""

    interviews: list[Interview] = Field(default_factory=list, description="The interviews.")


@dataclass(frozen=True)
class _Raw:
    """An interview as written (checked or not), and where it stands: references are
    checked on what was written, so a broken interview still gets its unknown group and
    needs reported in the same run."""

    data: dict[str, Any]
    document: YamlDocument
    index: int

    def at(self, *path: str | int) -> Location:
        return self.document.source.locate(("interviews", self.index, *path))


def free_interview_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``…: the first id not taken, at most 63 characters
    (the longest id). A second interview with a group on one day gets an id of its own, and
    so does an imported one whose name the study has already."""
    base = base[:63]
    if base not in taken:
        return base
    return next(
        f"{base[:59]}-{n}" for n in range(2, len(taken) + 3) if f"{base[:59]}-{n}" not in taken
    )


def interview_files(study_root: Path) -> list[Path]:
    """The interview files of a study: every ``*.yaml`` under ``interviews/``, sorted."""
    return yaml_files(study_root / INTERVIEW_FOLDER, below=True)


def load_interviews(study: Study) -> tuple[Interview, ...]:
    """Every interview of the study, in file order; raises with every problem of every file."""
    return tuple(interview for _, interview in interviews_by_file(study))


def interviews_by_file(study: Study) -> tuple[tuple[Path, Interview], ...]:
    """Every interview of the study with the file it is in, in file order; raises with
    every problem of every file."""
    interviews, problems = _read_all(study)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    return tuple(interviews)


def check_interviews(study: StudyIds) -> list[Problem]:
    """Every problem in the study's interview files, for ``needmap validate``."""
    return _read_all(study)[1]


def _read_all(study: StudyIds) -> tuple[list[tuple[Path, Interview]], list[Problem]]:
    interviews: list[tuple[Path, Interview]] = []
    raw: list[_Raw] = []
    problems: list[Problem] = []
    for path in interview_files(study.root):
        try:
            document = read_yaml_file(path)
        except NeedmapError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(document.problems)
        for index, value in _items_of(document, problems):
            if isinstance(value, dict):
                raw.append(_Raw(value, document, index))
            try:
                interviews.append((path, Interview.model_validate(value)))
            except ValidationError as exc:
                problems.extend(schema_problems(exc, document, Interview, ("interviews", index)))
    problems.extend(_references(raw, study))
    problems.extend(_personal_data(raw, study.own_names))
    problems.extend(_held_later(raw, datetime.date.today()))
    return interviews, sorted(one_per_place(problems), key=Problem.sort_key)


def _personal_data(items: Sequence[_Raw], own_names: Collection[str]) -> list[Problem]:
    """A warning for each quote that holds personal data (see
    :func:`~needmap.personas.messages.personal_data_warnings`) other than the words of
    the organisation's name (``own_names``)."""
    problems = []
    for item in items:
        quotes = item.data.get("quotes")
        texts = [
            (("interviews", item.index, "quotes", q, "text"), quote["text"])
            for q, quote in enumerate(quotes if isinstance(quotes, list) else [])
            if isinstance(quote, dict) and isinstance(quote.get("text"), str)
        ]
        problems += personal_data_warnings(item.document, texts, own_names)
    return problems


def _items_of(document: YamlDocument, problems: list[Problem]) -> list[tuple[int, object]]:
    data = document.data
    if data is None:
        return []
    if not isinstance(data, dict) or set(data) - {"interviews"}:
        if not document.is_spoiled(()):
            problems.append(
                Problem(
                    document.source.locate(()),
                    "expected 'interviews:' and a list of interviews",
                    hint="start the file with 'interviews:' (see docs/interviews.md)",
                )
            )
        return []
    items = data.get("interviews")
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(
            Problem(
                document.source.locate(("interviews",)),
                "expected a list of interviews",
                hint="write each interview on its own line, starting with '- id:'",
            )
        )
        return []
    return list(enumerate(items))


def _references(items: Sequence[_Raw], study: StudyIds) -> list[Problem]:
    """Ids used twice, and groups and needs the study does not define."""
    problems: list[Problem] = []
    first: dict[str, Location] = {}
    for item in items:
        interview_id, group = item.data.get("id"), item.data.get("group")
        if isinstance(interview_id, str):
            where = item.at("id")
            if interview_id in first:
                problems.append(
                    Problem(
                        where,
                        f"interview id '{interview_id}' is used twice "
                        f"(also at {first[interview_id]})",
                        key=format_key(("interviews", item.index, "id")),
                        hint="give each interview its own id, e.g. with the date or a number",
                    )
                )
            first.setdefault(interview_id, where)
        at_group = ("interviews", item.index, "group")
        unknown = unknown_reference(study, "group", group, item.at("group"), format_key(at_group))
        if unknown is not None:
            problems.append(unknown)
        problems += _more_than_the_group(item, study)
        quotes = item.data.get("quotes")
        if quotes in (None, []) and isinstance(interview_id, str):  # not: a wrong type
            problems.append(_no_quotes_yet(item, interview_id, has_key="quotes" in item.data))
        given: dict[tuple[str, ...], Location] = {}
        for q, quote in enumerate(quotes if isinstance(quotes, list) else []):
            if not isinstance(quote, dict):
                continue
            twice = _given_twice(item, q, quote, given)
            if twice is not None:
                problems.append(twice)
            problems += _both_ways(item, q, quote)
            for field in ("needs", "questions"):
                tags = quote.get(field)
                for n, need_id in enumerate(tags if isinstance(tags, list) else []):
                    path = ("interviews", item.index, "quotes", q, field, n)
                    where = item.document.source.locate(path)
                    unknown = unknown_reference(study, "need", need_id, where, format_key(path))
                    if unknown is not None:
                        problems.append(unknown)
                quote_path = ("interviews", item.index, "quotes", q, field)
                problems += named_twice(item.document, quote_path, "need")
    return problems


def _both_ways(item: _Raw, q: int, quote: Mapping[str, Any]) -> list[Problem]:
    """A warning for each need a quote both supports and casts doubt on: it counts on both
    sides of the need's evidence, which cancel out; one of the two is a slip."""
    supports, doubts = (quote.get(field) for field in ("needs", "questions"))
    if not isinstance(supports, list) or not isinstance(doubts, list):
        return []
    first = {need: n for n, need in reversed(list(enumerate(supports))) if isinstance(need, str)}
    problems = []
    for n, need in enumerate(doubts):
        if not isinstance(need, str) or need not in first:
            continue
        also = item.at("quotes", q, "needs", first[need])
        path = ("interviews", item.index, "quotes", q, "questions", n)
        problems.append(
            both_sides_warning(
                item.document.source.locate(path),
                need,
                f"line {also.line}, column {also.column}",
                ("needs", "questions"),
                key=format_key(path),
            )
        )
    return problems


def both_sides_warning(
    where: Location, need: str, also: str, lists: tuple[str, str], key: str = ""
) -> Problem:
    """The warning for a quote that casts doubt on ``need`` and supports it too, in an
    interview file or a sheet of quotes: ``also`` says where it supports it, ``lists``
    names the two lists (needs, questions) as the file or the sheet heads them."""
    supports, doubts = lists
    return Problem(
        where,
        f"this quote casts doubt on need '{need}' and supports it too ({also}): it counts "
        "on both sides",
        key=key,
        hint=f"keep it under {supports} if the quote says they need it (in another form than "
        f"planned too), under {doubts} if it says they do not",
        severity=Severity.WARNING,
    )


def _held_later(items: Sequence[_Raw], today: datetime.date) -> list[Problem]:
    """A warning for each interview dated after ``today``: a slip of the year (2027 for
    2026), or an interview planned and written down ahead, which every report counts as
    held, its quotes as evidence."""
    problems = []
    for item in items:
        written = item.data.get("date")
        try:
            day = datetime.date.fromisoformat(written) if isinstance(written, str) else None
        except ValueError:  # the schema reports it
            continue
        if day is not None and day > today:
            problems.append(
                Problem(
                    item.at("date"),
                    f"this interview is dated {written}, after today ({today.isoformat()}), "
                    "yet every report counts it as held",
                    key=format_key(("interviews", item.index, "date")),
                    hint="write the day it was held; an interview still to come belongs in "
                    "the study once it is held",
                    severity=Severity.WARNING,
                )
            )
    return problems


def _given_twice(
    item: _Raw, q: int, quote: Mapping[str, Any], given: dict[tuple[str, ...], Location]
) -> Problem | None:
    """A warning for a quote of an interview that an earlier one of it gives word for
    word, with the same needs (pasted twice): each counts as evidence, so it would count
    twice. ``given``: the interview's quotes so far, each with where it is."""
    text = quote.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    tags = [quote.get(field) for field in ("needs", "questions")]
    key = (text, *(repr(sorted(map(str, t))) if isinstance(t, list) else repr(t) for t in tags))
    path = ("interviews", item.index, "quotes", q, "text")
    where = item.document.source.locate(path)
    first = given.get(key)
    if first is None:
        given[key] = where
        return None
    return Problem(
        where,
        f"this quote is given twice in this interview (also on line {first.line}), word for "
        "word and with the same needs: it counts twice as their evidence",
        key=format_key(path),
        hint="remove one of the two",
        severity=Severity.WARNING,
    )


def _more_than_the_group(item: _Raw, study: StudyIds) -> list[Problem]:
    """A warning for an interview with more participants than its group has people: a
    slip of the keyboard (600 for 6) or a headcount too low, either of which decides
    whether the group's quotes are shown. Known once the study's definitions load (its
    groups then have their headcounts)."""
    groups, group = study.group_by_id, item.data.get("group")
    participants = item.data.get("participants")
    defined = groups.get(group) if isinstance(groups, Mapping) and isinstance(group, str) else None
    headcount = getattr(defined, "headcount", None)
    if not isinstance(participants, int) or not isinstance(headcount, int):
        return []
    if participants <= headcount:
        return []
    return [
        Problem(
            item.at("participants"),
            f"{participants:,} took part, more than the {headcount:,} people of group '{group}'",
            key=format_key(("interviews", item.index, "participants")),
            hint="check participants (how many took part in this interview), or the "
            "group's headcount in the study's groups",
            severity=Severity.WARNING,
        )
    ]


def _no_quotes_yet(item: _Raw, interview_id: str, has_key: bool) -> Problem:
    """A warning for an interview without quotes, as ``needmap guide --record`` writes one
    before the interview: it counts as held (its participants count towards the group's
    minimum) but is evidence for no need until what was said is filled in."""
    key = "quotes" if has_key else "id"
    return Problem(
        item.at(key),
        f"interview '{interview_id}' has no quotes yet: it counts as held, "
        "but supports or questions no need",
        key=format_key(("interviews", item.index, key)),
        hint="fill in what was said, each quote tagged with its needs; remove the entry "
        "if the interview did not take place",
        severity=Severity.WARNING,
    )
