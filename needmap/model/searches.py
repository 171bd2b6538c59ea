"""Search-log evidence per need: how often people searched for it, how often that found
nothing, and which searched-for topics the study has no need for.

Many searches without results on one topic are the classic sign of missing content ("twenty
searches in a month on a subject that is not on the intranet"); each log says from how many
a need counts as a *gap*. Frequent terms that match no need point at needs the model lacks.

Privacy: a search term is text someone typed, sometimes a colleague's name or an illness. A
term is shown only when it was searched at least the study's minimum group size times (over
all logs), holds nothing :func:`~needmap.scrub.scrub` would take out and names no one in
lower case either (:func:`~needmap.scrub.names_a_person`). Other terms still
count in the totals and in their need's figures, which are sums, but their text is not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from needmap.personas.study import Study
from needmap.scrub import names_a_person, scrub
from needmap.surveys.searchlog import SearchLog, SearchLogData, fold_term
from needmap.surveys.tables import HowRead

__all__ = [
    "LogSummary",
    "NeedSearches",
    "SearchEvidence",
    "SearchTerm",
    "TopicMatcher",
    "analyse_searches",
]


@dataclass(frozen=True)
class SearchTerm:
    """A term that may be shown, with its counts over all logs."""

    text: str
    searches: int
    no_results: int


@dataclass(frozen=True)
class NeedSearches:
    """One need's searches over all logs."""

    need: str
    searches: int
    no_results: int
    terms: tuple[SearchTerm, ...]
    """The need's terms that may be shown, most searched first."""
    hidden_terms: int
    """How many of its terms count but are not shown (too rare, or personal data)."""
    gap_in: tuple[str, ...]
    """Ids of the logs in which its searches without results reached the log's ``gap_from``."""

    @property
    def gap(self) -> bool:
        return bool(self.gap_in)


@dataclass(frozen=True)
class LogSummary:
    id: str
    title: str
    period: str | None
    how: HowRead
    """How the export was read."""
    searches: int
    matched: int
    """Searches whose term is about at least one need."""
    no_results: int | None
    """Searches that found nothing; None when the export does not say."""
    gap_from: int
    without_term: int
    """Searches left out for want of a term (an empty cell, or "(not set)")."""
    unused: tuple[tuple[str, str], ...] = ()
    """(need, topic term as written) for each topic term that matched no search of the log:
    a misspelling, or a subject nobody searched for."""


@dataclass(frozen=True)
class SearchEvidence:
    logs: tuple[LogSummary, ...]
    needs: tuple[NeedSearches, ...]
    """Every need of the study, in study order."""
    unmatched: tuple[SearchTerm, ...]
    """Shown terms that match no need, most searched first."""
    unmatched_hidden: int
    """How many terms match no need and are not shown."""
    min_size: int

    @property
    def searches(self) -> int:
        return sum(log.searches for log in self.logs)

    @property
    def matched(self) -> int:
        return sum(log.matched for log in self.logs)

    @property
    def has_results(self) -> bool:
        return any(log.no_results is not None for log in self.logs)

    @property
    def no_results(self) -> int:
        return sum(log.no_results or 0 for log in self.logs)

    @cached_property
    def _by_need(self) -> Mapping[str, NeedSearches]:
        return {n.need: n for n in self.needs}

    def for_need(self, need_id: str) -> NeedSearches:
        return self._by_need[need_id]


class TopicMatcher:
    """Which needs a folded term is about, by a log's topics, and which topic terms have
    matched anything so far (a topic term that never does is likely misspelt).

    A topic term without ``*`` must equal the search term; with ``*`` it is a pattern in which
    ``*`` stands for any text. A term may be about several needs.
    """

    def __init__(self, log: SearchLog) -> None:
        self._exact: dict[str, list[tuple[str, str]]] = {}
        """folded term -> (need, topic term as written) for each topic that names it."""
        self._patterns: list[tuple[str, str, re.Pattern[str]]] = []
        for topic in log.topics:
            for term in topic.terms:
                folded = fold_term(term)
                if "*" in folded:
                    parts = (re.escape(p) for p in folded.split("*"))
                    self._patterns.append((topic.need, term, re.compile(".*".join(parts))))
                else:
                    self._exact.setdefault(folded, []).append((topic.need, term))
        every = [p.pattern for _, _, p in self._patterns]
        self._any = re.compile("|".join(f"(?:{p})" for p in every)) if every else None
        """All patterns in one: most terms match none, and one C-level match says so."""
        self.used: set[str] = set()
        """The topic terms (as written) that have matched a term passed to :meth:`needs`."""

    def needs(self, folded: str) -> tuple[str, ...]:
        hits = list(self._exact.get(folded, ()))
        if self._any is not None and self._any.fullmatch(folded):
            hits += ((n, t) for n, t, p in self._patterns if p.fullmatch(folded))
        self.used.update(term for _, term in hits)
        return tuple(dict.fromkeys(need for need, _ in hits))


def analyse_searches(study: Study, logs: Iterable[SearchLogData]) -> SearchEvidence:
    """Sum each need's searches over the logs, mark gaps, and collect the unmatched terms."""
    minimum = study.settings.privacy.min_group_size
    searches = {n.id: 0 for n in study.needs}
    no_results = {n.id: 0 for n in study.needs}
    need_terms: dict[str, dict[str, list[int]]] = {n.id: {} for n in study.needs}
    """need -> folded term -> its searches and no-results in the logs where it is about the
    need (logs may map a term differently)."""
    gap_in: dict[str, list[str]] = {n.id: [] for n in study.needs}
    totals: dict[str, list[int]] = {}
    text_of: dict[str, str] = {}
    matched_any: set[str] = set()
    summaries = []
    for data in logs:
        matcher = TopicMatcher(data.log)
        in_log = {n.id: 0 for n in study.needs}
        matched = 0
        for key, term in data.terms.items():
            total = totals.setdefault(key, [0, 0])
            total[0] += term.searches
            total[1] += term.no_results
            text_of.setdefault(key, term.text)
            needs = [n for n in matcher.needs(key) if n in searches]
            if needs:
                matched += term.searches
                matched_any.add(key)
            for need in needs:
                searches[need] += term.searches
                no_results[need] += term.no_results
                in_log[need] += term.no_results
                counts = need_terms[need].setdefault(key, [0, 0])
                counts[0] += term.searches
                counts[1] += term.no_results
        for need, count in in_log.items():
            if data.has_results and count >= data.log.gap_from:
                gap_in[need].append(data.log.id)
        summaries.append(
            LogSummary(
                data.log.id,
                data.log.title,
                data.log.period,
                data.how,
                data.searches,
                matched,
                sum(t.no_results for t in data.terms.values()) if data.has_results else None,
                data.log.gap_from,
                data.without_term,
                tuple(
                    (topic.need, term)
                    for topic in data.log.topics
                    for term in topic.terms
                    if term not in matcher.used
                ),
            )
        )
    shown = {
        key
        for key, (s, _) in totals.items()
        if s >= minimum
        and scrub(text_of[key], limit=None) == text_of[key]
        and not names_a_person(text_of[key])
    }
    unmatched = [key for key in totals if key not in matched_any]
    return SearchEvidence(
        logs=tuple(summaries),
        needs=tuple(
            NeedSearches(
                need=need.id,
                searches=searches[need.id],
                no_results=no_results[need.id],
                terms=_ranked(
                    SearchTerm(text_of[k], s, n)
                    for k, (s, n) in need_terms[need.id].items()
                    if k in shown
                ),
                hidden_terms=sum(1 for k in need_terms[need.id] if k not in shown),
                gap_in=tuple(gap_in[need.id]),
            )
            for need in study.needs
        ),
        unmatched=_ranked(SearchTerm(text_of[k], *totals[k]) for k in unmatched if k in shown),
        unmatched_hidden=sum(1 for k in unmatched if k not in shown),
        min_size=minimum,
    )


def _ranked(terms: Iterable[SearchTerm]) -> tuple[SearchTerm, ...]:
    """Most searched first, then most often without results, then alphabetically."""
    return tuple(sorted(terms, key=lambda t: (-t.searches, -t.no_results, t.text)))
