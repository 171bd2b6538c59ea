"""Search logs the tests share: a small study's two logs counted by hand (an intranet's
export with a results column, an app's log of one row per search), and a log built in
memory from rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from needmap.personas.schema import Need, StudySettings
from needmap.personas.study import Study
from needmap.surveys.searchlog import SearchLog, SearchLogData, TermCount
from needmap.surveys.tables import HowRead

NEEDS = """\
    needs:
      - {id: leave, title: Leave and holidays, kind: function, groups: {desk: must}}
      - {id: phonebook, title: Phone book, kind: content, groups: {desk: must}}
      - {id: news, title: News, kind: content, groups: {desk: could}}
      - {id: dash, title: Dashboards, kind: technology, groups: {desk: could}}
    """
GROUPS = "groups:\n  - {id: desk, name: Front desk, headcount: 10}\n"
INTRANET = """\
    id: intranet-may
    title: Intranet search
    period: May 2026
    file: intranet-may.csv
    gap_from: 15
    columns: {term: Zoekterm, searches: Aantal zoekopdrachten, results: Resultaten}
    topics:
      - need: leave
        terms: ["verlof*", "*verlof", vakantiedagen]
      - need: phonebook
        terms: [telefoonlijst, smoelenboek, "collega*"]
      - need: news
        terms: [nieuws]
    """
INTRANET_CSV = (
    "\ufeffZoekterm;Aantal zoekopdrachten;Resultaten\r\n"
    "verlof;30;12\r\nVerlof  aanvragen;8;0\r\nouderschapsverlof;6;0\r\nvakantiedagen;3;0\r\n"
    "telefoonlijst;25;0\r\nsmoelenboek;4;9\r\nJan de Vries;2;1\r\nparkeren;12;0\r\n"
    "kantine menu;7;3\r\nparkeren ;3;0\r\njan@example.org;9;0\r\n"
).encode()
APP = """\
    id: app
    title: App search
    file: app-searches.csv
    columns: {term: query}
    topics:
      - {need: leave, terms: [verlof]}
      - {need: news, terms: [nieuws]}
    """
APP_CSV = (
    "user,query,time\nu1,Verlof,2026-05-01\nu2,verlof ,2026-05-02\nu3,V\u00e9rlof,2026-05-03\n"
    "u4,nieuws,x\nu5,nieuws,x\nu6,parkeren,x\n"
).encode()
"""Hand-checked, minimum 5. Intranet (109 searches): leave = verlof 30 + verlof aanvragen 8/8
+ ouderschapsverlof 6/6 + vakantiedagen 3/3 = 47 searches, 17 without results (>= 15: a gap);
phonebook = telefoonlijst 25/25 + smoelenboek 4 = 29, 25 without results (gap); parkeren and
'parkeren ' fold to one term, 15/15. The app log (one row per search, no results column):
three spellings of verlof and two of nieuws, one parkeren. Shown terms need 5 searches over
both logs and no personal data: vakantiedagen, smoelenboek, nieuws (2), 'jan de vries' (2)
and the e-mail address are counted but never shown."""


def files_with_logs(min_size: int = 5) -> dict[str, str | bytes | None]:
    """A study of one group and four needs with both logs, as ``make_study`` takes it."""
    return {
        "study.yaml": "name: T\norganisation: O\nlanguage: en\n"
        f"privacy: {{min_group_size: {min_size}}}\n",
        "groups.yaml": GROUPS,
        "needs.yaml": NEEDS,
        "personas.yaml": None,
        "analytics/intranet.yaml": INTRANET,
        "analytics/intranet-may.csv": INTRANET_CSV,
        "analytics/app.yaml": APP,
        "analytics/app-searches.csv": APP_CSV,
    }


TOPICS: list[dict[str, Any]] = [
    {"need": "n1", "terms": ["verlof*"]},
    {"need": "n2", "terms": ["nieuws"]},
]


def log_data(
    rows: list[tuple[str, int, int]],
    replace: dict[str, str] | None = None,
    *,
    log_id: str = "p",
    has_results: bool = True,
    topics: list[dict[str, Any]] = TOPICS,
) -> SearchLogData:
    """A log read from ``rows`` (term, searches, searches without results), the terms folded
    as ``replace`` says, its topics :data:`TOPICS` unless given."""
    log = SearchLog.model_validate(
        {
            "id": log_id,
            "title": log_id.upper(),
            "file": "p.csv",
            "gap_from": 5,
            "columns": {"term": "t", "searches": "s", "results": "r"},
            "topics": topics,
        }
    )
    terms: dict[str, TermCount] = {}
    for text, searches, none in rows:
        text = (replace or {}).get(text, text)
        old = terms.get(text, TermCount(text, 0, 0))
        terms[text] = TermCount(text, old.searches + searches, old.no_results + min(none, searches))
    how = HowRead("CSV", "UTF-8", ",")
    return SearchLogData(log, Path("p.yaml"), how, terms, has_results=has_results, without_term=0)


def leave_and_news() -> Study:
    """An English study of two needs, the topics of :func:`log_data`'s logs."""
    return Study(
        root=Path(),
        settings=StudySettings.model_validate({"name": "P", "organisation": "O", "language": "en"}),
        needs=(
            Need(id="n1", title="Leave", kind="function"),
            Need(id="n2", title="News", kind="content"),
        ),
    )
