"""Interview evidence per need: how many interviews support or question it, and the quotes.

Privacy decides the shape. Interviews are few, so a group is often represented by two or
three people; a table that shows "the front desk questioned the news page" then says what
those few people said. So evidence is counted per *bucket*: a group whose interviews had at
least the study's minimum number of participants is a bucket of its own; all smaller groups
are pooled into one "other groups" bucket, which is shown only when the pool reaches the
minimum too. A hidden bucket contributes to nothing that is shown, totals included, so no
figure can be worked back to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from needmap.personas.study import Study
from needmap.scrub import scrub
from needmap.surveys.interviews import Interview

__all__ = [
    "OTHER_GROUPS",
    "Bucket",
    "InterviewEvidence",
    "NeedInterviews",
    "Quote",
    "Verdict",
    "analyse_interviews",
]

OTHER_GROUPS = "~other"
"""Key of the bucket that pools the groups with fewer participants than the minimum."""

Verdict = Literal["supported", "questioned", "mixed", "none"]
Signal = Literal["supports", "questions"]


@dataclass(frozen=True)
class Bucket:
    """A group, or the pool of small groups, with its interviews and participants."""

    key: str
    groups: tuple[str, ...]
    interviews: int | None
    """None when hidden: a hidden bucket's figures are not kept, so none can be shown."""
    participants: int | None
    shown: bool


@dataclass(frozen=True)
class Quote:
    text: str
    """Scrubbed of e-mail addresses, phone numbers, IBANs, long numbers, dates of birth,
    licence plates, street addresses, postcodes, names after a title and first names
    (:func:`needmap.scrub.scrub`)."""
    bucket: str
    signal: Signal


@dataclass(frozen=True)
class NeedInterviews:
    """One need's interview evidence, from shown buckets only."""

    need: str
    supports: Mapping[str, int]
    """bucket key -> interviews with a quote that supports the need."""
    questions: Mapping[str, int]
    """bucket key -> interviews with a quote that questions the need."""
    quotes: tuple[Quote, ...]
    unlisted: tuple[str, ...]
    """Groups (own buckets) that support the need although the need does not list them."""

    @property
    def supported(self) -> int:
        return sum(self.supports.values())

    @property
    def questioned(self) -> int:
        return sum(self.questions.values())

    @property
    def verdict(self) -> Verdict:
        if self.supported and self.questioned:
            return "mixed"
        if self.supported:
            return "supported"
        if self.questioned:
            return "questioned"
        return "none"


@dataclass(frozen=True)
class InterviewEvidence:
    buckets: tuple[Bucket, ...]
    """Groups with interviews in study order, then the pool of small groups (if any)."""
    needs: tuple[NeedInterviews, ...]
    """Every need of the study, in study order."""
    min_size: int

    @property
    def shown(self) -> tuple[Bucket, ...]:
        return tuple(b for b in self.buckets if b.shown)

    @property
    def interviews(self) -> int:
        """Interviews in the shown buckets (whose figures are kept)."""
        return sum(b.interviews for b in self.shown if b.interviews is not None)

    @property
    def participants(self) -> int:
        return sum(b.participants for b in self.shown if b.participants is not None)

    def bucket_of(self, group_id: str) -> Bucket | None:
        return next((b for b in self.buckets if group_id in b.groups), None)

    @cached_property
    def _by_need(self) -> Mapping[str, NeedInterviews]:
        return {n.need: n for n in self.needs}

    def for_need(self, need_id: str) -> NeedInterviews:
        return self._by_need[need_id]


def analyse_interviews(study: Study, interviews: Iterable[Interview]) -> InterviewEvidence:
    """Count each need's supporting and questioning interviews per shown bucket."""
    interviews = tuple(interviews)
    minimum = study.settings.privacy.min_group_size
    buckets = _buckets(study, interviews, minimum)
    shown_bucket = {g: b.key for b in buckets if b.shown for g in b.groups}
    supports: dict[str, dict[str, int]] = {n.id: {} for n in study.needs}
    questions: dict[str, dict[str, int]] = {n.id: {} for n in study.needs}
    quotes: dict[str, list[Quote]] = {n.id: [] for n in study.needs}
    for interview in interviews:
        bucket = shown_bucket.get(interview.group)
        if bucket is None:
            continue
        supported: set[str] = set()
        questioned: set[str] = set()
        for quote in interview.quotes:
            supported.update(quote.needs)
            questioned.update(quote.questions)
            text = scrub(
                quote.text, limit=None, language=study.settings.language, keep=study.own_names
            )
            for need_id in dict.fromkeys(quote.needs):
                quotes[need_id].append(Quote(text, bucket, "supports"))
            for need_id in dict.fromkeys(quote.questions):
                quotes[need_id].append(Quote(text, bucket, "questions"))
        for need_id in supported:
            supports[need_id][bucket] = supports[need_id].get(bucket, 0) + 1
        for need_id in questioned:
            questions[need_id][bucket] = questions[need_id].get(bucket, 0) + 1
    order = [b.key for b in buckets]
    return InterviewEvidence(
        buckets=buckets,
        needs=tuple(
            NeedInterviews(
                need=need.id,
                supports=_ordered(supports[need.id], order),
                questions=_ordered(questions[need.id], order),
                quotes=tuple(quotes[need.id]),
                unlisted=tuple(
                    key
                    for key in _ordered(supports[need.id], order)
                    if key != OTHER_GROUPS and key not in need.groups
                ),
            )
            for need in study.needs
        ),
        min_size=minimum,
    )


def _buckets(study: Study, interviews: tuple[Interview, ...], minimum: int) -> tuple[Bucket, ...]:
    count: dict[str, int] = {}
    people: dict[str, int] = {}
    for interview in interviews:
        count[interview.group] = count.get(interview.group, 0) + 1
        people[interview.group] = people.get(interview.group, 0) + interview.participants
    own = [
        Bucket(g.id, (g.id,), count[g.id], people[g.id], shown=True)
        for g in study.groups
        if people.get(g.id, 0) >= minimum
    ]
    small = [g.id for g in study.groups if 0 < people.get(g.id, 0) < minimum]
    if not small:
        return tuple(own)
    pooled = sum(people[g] for g in small)
    if pooled < minimum:
        return (*own, Bucket(OTHER_GROUPS, tuple(small), None, None, shown=False))
    return (*own, Bucket(OTHER_GROUPS, tuple(small), sum(count[g] for g in small), pooled, True))


def _ordered(counts: Mapping[str, int], order: list[str]) -> dict[str, int]:
    return {key: counts[key] for key in order if key in counts}
