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
from dataclasses import dataclass, replace
from functools import cached_property

from needmap.personas.study import Study
from needmap.scrub import names_a_person, scrub
from needmap.surveys.searchlog import SearchLog, SearchLogData, TermCount, fold_term
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
    no_results: int | None
    """Searches of the term that found nothing, in the logs that say; None when none of
    the logs it was searched in does (a count of 0 would read as "all found something")."""


@dataclass(frozen=True)
class NeedSearches:
    """One need's searches over all logs."""

    need: str
    searches: int
    no_results: int | None
    """Its searches that found nothing, in the logs that say; None when none of the logs
    it was searched in does (and, for a need not searched for, when no log does)."""
    searches_told: int
    """Of its searches, those in the logs that say how many found nothing: what
    :attr:`no_results` is a part of, where the others' logs do not say."""
    terms: tuple[SearchTerm, ...]
    """The need's terms that may be shown, most searched first."""
    hidden_terms: int
    """How many of its terms count but are not shown (too rare, or personal data)."""
    gap_in: tuple[str, ...]
    """Ids of the logs in which its searches without results reached the log's ``gap_from``."""
    per_log: tuple[int, ...] = ()
    """Its searches in each log, in the order of :attr:`SearchEvidence.logs`: two months'
    logs, or the intranet's and the website's, side by side."""
    per_export: tuple[tuple[int, ...], ...] = ()
    """Its searches in each export of each log, in the order of :attr:`SearchEvidence.logs`
    and of each one's :attr:`LogSummary.exports`: the months of one log's monthly exports
    side by side. Empty for a log of one export."""

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
    mapped_elsewhere: tuple[SearchTerm, ...] = ()
    """Shown terms of the log that its topics map to no need and another log's topics do,
    with their searches in this log, most searched first: a topic term the log lacks."""
    exports: tuple[str, ...] = ()
    """The names of its exports, where its ``file`` names several, in the order of their
    months; empty for one."""
    export_labels: tuple[str, ...] = ()
    """What each of :attr:`exports` is called in a report (``mei``), where there are two or
    more; else empty."""


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
    """Sum each need's searches over the logs, mark gaps, and collect the unmatched terms.

    Each log's topics are its own: a term counts for a need in the logs whose topics map
    it there. A term no log maps is unmatched (a need the study may lack); one that another
    log maps but this one does not is named with the log (a topic term it lacks: the
    website's log without the intranet's "waste calendar")."""
    minimum = study.settings.privacy.min_group_size
    by_need = {n.id: _Tally() for n in study.needs}
    told_searches = dict.fromkeys(by_need, 0)
    """need -> its searches in the logs that say how many found nothing."""
    need_terms: dict[str, dict[str, _Tally]] = {n.id: {} for n in study.needs}
    """need -> folded term -> its counts in the logs where it is about the need (logs may
    map a term differently)."""
    gap_in: dict[str, list[str]] = {n.id: [] for n in study.needs}
    per_log: dict[str, list[int]] = {n.id: [] for n in study.needs}
    per_export: dict[str, list[tuple[int, ...]]] = {n.id: [] for n in study.needs}
    totals: dict[str, int] = {}
    unmatched: list[dict[str, _Tally]] = []
    """Per log: folded term -> its counts, for the terms its topics map to no need."""
    text_of: dict[str, str] = {}
    summaries = []
    for data in logs:
        matcher = TopicMatcher(data.log)
        in_log = dict.fromkeys(by_need, 0)
        searched_in_log = dict.fromkeys(by_need, 0)
        matched = 0
        told = data.has_results
        log_unmatched: dict[str, _Tally] = {}  # a log has each folded term once
        unmatched.append(log_unmatched)
        needs_of: dict[str, list[str]] = {}
        """folded term -> the needs it is about in this log."""
        for key, term in data.terms.items():
            totals[key] = totals.get(key, 0) + term.searches
            text_of.setdefault(key, term.text)
            needs = needs_of[key] = [n for n in matcher.needs(key) if n in by_need]
            if not needs:
                log_unmatched[key] = _Tally(term.searches, term.no_results if told else None)
                continue
            matched += term.searches
            for need in needs:
                by_need[need].add(term, told)
                searched_in_log[need] += term.searches
                if told:
                    told_searches[need] += term.searches
                in_log[need] += term.no_results
                terms = need_terms[need]
                tally = terms.get(key)
                if tally is None:
                    terms[key] = _Tally(term.searches, term.no_results if told else None)
                else:
                    tally.add(term, told)
        for need, count in in_log.items():
            if data.has_results and count >= data.log.gap_from:
                gap_in[need].append(data.log.id)
            per_log[need].append(searched_in_log[need])
        for need, counts in _per_export(data, needs_of, by_need).items():
            per_export[need].append(counts)
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
                exports=data.exports,
                export_labels=data.export_labels,
            )
        )
    shown = {
        key
        for key, searches in totals.items()
        if searches >= minimum
        and scrub(text_of[key], limit=None, keep=study.own_names) == text_of[key]
        and not names_a_person(text_of[key], study.own_names)
    }
    mapped = {key for terms in need_terms.values() for key in terms}
    nowhere: dict[str, _Tally] = {}
    for log_terms in unmatched:
        for key, tally in log_terms.items():
            if key in mapped:
                continue
            known = nowhere.get(key)
            if known is None:  # a copy: the log's own counts stay as they are
                nowhere[key] = _Tally(tally.searches, tally.no_results)
            else:
                known.merge(tally)
    summaries = [
        replace(
            summary,
            mapped_elsewhere=_ranked(
                tally.term(text_of[key])
                for key, tally in log_terms.items()
                if key in mapped and key in shown
            ),
        )
        for summary, log_terms in zip(summaries, unmatched, strict=True)
    ]
    any_told = any(log.no_results is not None for log in summaries)
    return SearchEvidence(
        logs=tuple(summaries),
        needs=tuple(
            NeedSearches(
                need=need.id,
                searches=by_need[need.id].searches,
                no_results=by_need[need.id].no_results
                if by_need[need.id].searches
                else (0 if any_told else None),  # none of no searches, where a log can say
                searches_told=told_searches[need.id],
                terms=_ranked(
                    tally.term(text_of[k]) for k, tally in need_terms[need.id].items() if k in shown
                ),
                hidden_terms=sum(1 for k in need_terms[need.id] if k not in shown),
                gap_in=tuple(gap_in[need.id]),
                per_log=tuple(per_log[need.id]),
                per_export=tuple(per_export[need.id]),
            )
            for need in study.needs
        ),
        unmatched=_ranked(tally.term(text_of[k]) for k, tally in nowhere.items() if k in shown),
        unmatched_hidden=sum(1 for k in nowhere if k not in shown),
        min_size=minimum,
    )


def _per_export(
    data: SearchLogData, needs_of: Mapping[str, list[str]], needs: Iterable[str]
) -> dict[str, tuple[int, ...]]:
    """Each need's searches in each of the log's exports (``needs_of``: the needs each
    folded term is about in the log)."""
    counts = {need: [0] * len(data.export_searches) for need in needs}
    for at, searches in enumerate(data.export_searches):
        for key, count in searches.items():
            for need in needs_of[key]:
                counts[need][at] += count
    return {need: tuple(each) for need, each in counts.items()}


class _Tally:
    """Searches summed over logs, and of them those that found nothing in the logs that
    say (None until one of those is added)."""

    __slots__ = ("no_results", "searches")

    def __init__(self, searches: int = 0, no_results: int | None = None) -> None:
        self.searches = searches
        self.no_results = no_results

    def add(self, term: TermCount, told: bool) -> None:
        self.searches += term.searches
        if told:
            self.no_results = (self.no_results or 0) + term.no_results

    def merge(self, other: _Tally) -> None:
        self.searches += other.searches
        if other.no_results is not None:
            self.no_results = (self.no_results or 0) + other.no_results

    def term(self, text: str) -> SearchTerm:
        return SearchTerm(text, self.searches, self.no_results)


def _ranked(terms: Iterable[SearchTerm]) -> tuple[SearchTerm, ...]:
    """Most searched first, then most often without results, then alphabetically."""
    return tuple(sorted(terms, key=lambda t: (-t.searches, -(t.no_results or 0), t.text)))
