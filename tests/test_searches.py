"""Search-log evidence: reading exports with positions, hand-checked counts, privacy, every
output, and the roadmap column."""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, Severity
from needmap.model.searches import SearchEvidence, SearchTerm, TopicMatcher, analyse_searches
from needmap.personas.schema import Need, StudySettings
from needmap.personas.study import Study
from needmap.reports.how_read import how_read_text
from needmap.reports.searches_report import (
    build_searches_by_log,
    build_searches_table,
    build_unmatched_table,
    render_searches_page,
    search_notes,
    searches_to_json,
    searches_to_markdown,
    study_searches,
    summary_line,
)
from needmap.reports.toptasks_table import terminal_parts
from needmap.surveys.searchlog import (
    SearchLog,
    check_search_logs,
    fold_term,
    load_search_logs,
)
from tests.conftest import SURVEY_FIXTURES, StudyMaker, run_needmap
from tests.search_logs import (
    APP,
    APP_CSV,
    GROUPS,
    INTRANET,
    INTRANET_CSV,
    NEEDS,
    TOPICS,
    files_with_logs,
    leave_and_news,
    log_data,
)

runner = CliRunner()


@pytest.fixture
def study_dir(make_study: StudyMaker) -> Path:
    return make_study(files_with_logs())


def _evidence(folder: Path) -> tuple[Study, SearchEvidence]:
    study = load_study(folder)
    return study, study_searches(study)


def test_counts_by_hand(study_dir: Path) -> None:
    _, evidence = _evidence(study_dir)
    assert [(log.id, log.searches, log.matched, log.no_results) for log in evidence.logs] == [
        ("app", 6, 5, None),
        ("intranet-may", 109, 76, 66),
    ]
    assert (evidence.searches, evidence.matched, evidence.no_results) == (115, 81, 66)
    leave = evidence.for_need("leave")
    assert (leave.searches, leave.no_results, leave.gap_in) == (50, 17, ("intranet-may",))
    assert [(t.text, t.searches, t.no_results) for t in leave.terms] == [
        ("verlof", 33, 0),
        ("verlof aanvragen", 8, 8),
        ("ouderschapsverlof", 6, 6),
    ]
    assert leave.hidden_terms == 1  # vakantiedagen, 3 searches
    phonebook = evidence.for_need("phonebook")
    assert (phonebook.searches, phonebook.no_results, phonebook.gap) == (29, 25, True)
    assert [t.text for t in phonebook.terms] == ["telefoonlijst"]
    news = evidence.for_need("news")
    assert (news.searches, news.terms, news.hidden_terms, news.gap) == (2, (), 1, False)
    assert evidence.for_need("dash").searches == 0
    assert [(t.text, t.searches, t.no_results) for t in evidence.unmatched] == [
        ("parkeren", 16, 15),
        ("kantine menu", 7, 0),
    ]
    assert evidence.unmatched_hidden == 2  # 'jan de vries' (rare), the e-mail address
    # topic terms that found nothing in their own log (nieuws is searched only in the app)
    assert [log.unused for log in evidence.logs] == [
        (),
        (("phonebook", "collega*"), ("news", "nieuws")),
    ]


def test_a_google_analytics_export_with_notes_above_its_header(
    make_study: StudyMaker,
) -> None:
    """Google Analytics puts lines of notes (``# Account: ...``) and a blank line above the
    header: they are read past, and the counts are those of the export without them."""
    notes = (
        "# ----------------------------------------\r\n# Search terms\r\n"
        "# Account: Gemeente Voorbeeldstad\r\n# ----------------------------------------\r\n"
        "#\r\n# Start date: 20260501\r\n# End date: 20260531\r\n\r\n"
    )
    files = files_with_logs()
    files["analytics/intranet-may.csv"] = notes.encode() + INTRANET_CSV.removeprefix(
        "\ufeff".encode()
    )
    study, evidence = _evidence(make_study(files))
    plain = _evidence(make_study(files_with_logs(), name="plain"))[1]
    assert evidence.for_need("leave") == plain.for_need("leave")
    assert [(log.searches, log.no_results) for log in evidence.logs] == [(6, None), (109, 66)]
    how = load_search_logs(study)[1].how
    assert how_read_text(how, "en") == (
        "CSV, UTF-8, semicolon-separated, header below 8 lines of notes"
    )
    assert how_read_text(how, "nl") == (
        "CSV, UTF-8, gescheiden door puntkomma's, kop onder 8 regels met notities"
    )


def test_searches_without_a_term_are_left_out_and_said(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Google Analytics lists searches it has no term for as "(not set)" (and rolls rare ones
    up as "(other)"): counted as a term, it topped the frequent searches that no need covers.
    They and empty cells are left out of every count, and each report says how many."""
    files = files_with_logs()
    placeholders = "(not set);40;0\r\n (Other) ;5;0\r\n;3;0\r\n(not provided);2;0\r\n"
    files["analytics/intranet-may.csv"] = INTRANET_CSV + placeholders.encode()
    root = make_study(files)
    _, evidence = _evidence(root)
    plain = _evidence(make_study(files_with_logs(), name="plain"))[1]
    assert evidence.unmatched == plain.unmatched
    assert (evidence.searches, evidence.no_results) == (plain.searches, plain.no_results)
    assert [(log.id, log.without_term) for log in evidence.logs] == [
        ("app", 0),
        ("intranet-may", 50),
    ]
    result = runner.invoke(app, ["searches", str(root)])
    assert result.exit_code == 0, result.output
    assert (
        "Intranet search: CSV, UTF-8 with BOM, semicolon-separated; "
        "50 searches without a term left out (empty, or '(not set)')"
        in " ".join(result.stdout.split())
    )
    assert "(not set)" not in result.stdout.replace("'(not set)'", "")
    logs = json.loads(runner.invoke(app, ["searches", str(root), "--json"]).stdout)["logs"]
    assert [log["without_term"] for log in logs] == [0, 50]
    markdown = tmp_path / "searches.md"
    assert runner.invoke(app, ["searches", str(root), "--out", str(markdown)]).exit_code == 0
    lines = markdown.read_text().splitlines()
    assert "- App search: 6 searches" in lines
    assert (
        "- Intranet search (May 2026): 109 searches; 50 without a term left out (empty, or "
        "'(not set)')" in lines
    )


def test_a_log_of_one_search_says_so_in_the_singular(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    files = {**files_with_logs(), "analytics/app-searches.csv": b"user,query,time\nu1,Verlof,x\n"}
    markdown = tmp_path / "searches.md"
    result = runner.invoke(app, ["searches", str(make_study(files)), "--out", str(markdown)])
    assert result.exit_code == 0, result.output
    assert "- App search: 1 search" in markdown.read_text().splitlines()
    assert "searches, 2 logs)" in result.stdout.replace("\n", "")


def test_one_search_in_one_log_is_counted_in_the_singular(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    files = {
        **files_with_logs(min_size=1),
        "analytics/intranet.yaml": None,
        "analytics/intranet-may.csv": None,
        "analytics/app-searches.csv": b"user,query,time\nu1,Verlof,x\nu2,,x\n",
    }
    folder = make_study(files)
    markdown = tmp_path / "searches.md"
    written = runner.invoke(app, ["searches", str(folder), "--out", str(markdown)])
    assert written.exit_code == 0, written.output
    assert f"wrote {markdown} (1 search, 1 log)" in written.stdout.replace("\n", "")
    shown = runner.invoke(app, ["searches", str(folder)], env={"COLUMNS": "200"})
    assert shown.stdout.startswith("1 search in 1 log; 1 (100.0%) about a need\n")
    assert "comma-separated; 1 search without a term left out" in shown.stdout
    _, evidence = _evidence(folder)
    assert summary_line(evidence, "nl") == "1 zoekopdracht in 1 log; 1 (100,0%) over een behoefte"


def test_a_log_of_searches_without_a_term_has_no_share_about_a_need(
    make_study: StudyMaker,
) -> None:
    """No search counted, so no share of them: a dash, not a division by zero."""
    files = {
        **files_with_logs(min_size=1),
        "analytics/intranet.yaml": None,
        "analytics/intranet-may.csv": None,
        "analytics/app-searches.csv": b"user,query,time\nu2,,x\n",
    }
    shown = runner.invoke(app, ["searches", str(make_study(files))], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("0 searches in 1 log; 0 (\u2013) about a need\n")


def test_a_gap_needs_a_results_column_and_the_logs_threshold(make_study: StudyMaker) -> None:
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("gap_from: 15", "gap_from: 18")
    _, evidence = _evidence(make_study(files))
    assert evidence.for_need("leave").gap_in == ()  # 17 < 18
    assert evidence.for_need("phonebook").gap_in == ("intranet-may",)


def test_a_log_without_gap_from_marks_a_gap_from_twenty_searches(make_study: StudyMaker) -> None:
    """The rule of thumb, twenty searches a month without results: the phone book's 20
    (telefoonlijst, 20 times, all without results) make a gap, the leave's 17 do not."""
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("    gap_from: 15\n", "")
    files["analytics/intranet-may.csv"] = INTRANET_CSV.replace(
        b"telefoonlijst;25;0", b"telefoonlijst;20;0"
    )
    _, evidence = _evidence(make_study(files))
    assert evidence.for_need("phonebook").gap_in == ("intranet-may",)
    assert evidence.for_need("leave").gap_in == ()


def test_logs_without_results_show_no_results_and_a_term_at_the_minimum(
    make_study: StudyMaker,
) -> None:
    """The app log alone, minimum 3: verlof was searched 3 times (three spellings), exactly
    the minimum, so it is shown; nieuws (2) and parkeren (1) are not."""
    files = files_with_logs(min_size=3)
    files["analytics/intranet.yaml"] = files["analytics/intranet-may.csv"] = None
    study, evidence = _evidence(make_study(files))
    assert not evidence.has_results
    leave = evidence.for_need("leave")
    assert [(t.text, t.searches) for t in leave.terms] == [("verlof", 3)]
    assert evidence.for_need("news").terms == ()
    assert evidence.unmatched == () and evidence.unmatched_hidden == 1  # parkeren, once
    row = build_searches_table(evidence, study).rows[0]
    assert row[0] == "Leave and holidays" and "verlof (3)" in row and "\u2013" in row


def test_a_raw_log_with_results_counts_each_search_of_a_term_with_none_found(
    make_study: StudyMaker,
) -> None:
    """One row per search, with the number of results each gave: verlof was searched four
    times (the same cell each time), twice finding nothing."""
    files = files_with_logs(min_size=3)
    files["analytics/intranet.yaml"] = files["analytics/intranet-may.csv"] = None
    files["analytics/app.yaml"] = APP.replace("{term: query}", "{term: query, results: hits}")
    files["analytics/app-searches.csv"] = (
        b"user,query,hits\nu1,verlof,0\nu2,verlof,4\nu3,verlof,0\nu4,verlof,7\nu5,nieuws,0\n"
    )
    _, evidence = _evidence(make_study(files))
    leave = evidence.for_need("leave")
    assert (leave.searches, leave.no_results) == (4, 2)
    assert [(t.text, t.searches, t.no_results) for t in leave.terms] == [("verlof", 4, 2)]
    assert (evidence.searches, evidence.no_results) == (5, 3)


def test_terms_fold_case_accents_and_spaces() -> None:
    assert fold_term("  Verlöf \t Aanvragen ") == "verlof aanvragen"
    assert fold_term("CLIËNTPORTAAL") == fold_term("clientportaal")
    assert fold_term("Zgłoś usterkę") == fold_term("zglos usterke")  # ł: no accent to drop


def test_control_characters_a_visitor_typed_reach_no_output(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A search box takes anything: an escape sequence typed (or pasted) into it must not
    recolour the consultant's terminal, nor stop the workbook from being saved (openpyxl
    refuses control characters)."""
    files = files_with_logs()
    rows = "park\x1b[2Jeren\x07;9;0\r\nkantine\x0bmenu;5;0\r\n"
    files["analytics/intranet-may.csv"] = INTRANET_CSV + rows.encode()
    folder = make_study(files)
    assert fold_term("park\x1b[2Jeren\x07") == "park[2jeren"
    assert fold_term("kantine\x0bmenu") == "kantine menu"
    _, evidence = _evidence(folder)
    assert ("kantine menu", 12) in [(t.text, t.searches) for t in evidence.unmatched]
    book = tmp_path / "searches.xlsx"
    shown = run_needmap("searches", str(folder))
    written = run_needmap("searches", str(folder), "--out", str(book))
    assert (shown.returncode, written.returncode) == (0, 0), shown.stderr + written.stderr
    assert "park[2jeren" in shown.stdout and "\x1b" not in shown.stdout
    cells = [c.value for sheet in load_workbook(book) for row in sheet.iter_rows() for c in row]
    assert "park[2jeren" in cells


def test_markup_a_visitor_typed_stays_text_in_markdown(make_study: StudyMaker) -> None:
    """Many Markdown renderers (MkDocs, pandoc) keep raw HTML: a term typed into the search
    box must not become an element or a link of the page a consultant makes of
    searches.md, and a topic term keeps its asterisks."""
    from markdown_it import MarkdownIt

    files = files_with_logs()
    rows = (
        "<img src=x onerror=alert(1)>;9;9\r\n<b>n<5</b>;6;0\r\n"
        "[log in](https://evil.example);7;0\r\n__init__;5;0\r\n"
    )
    files["analytics/intranet-may.csv"] = INTRANET_CSV + rows.encode()
    files["analytics/intranet.yaml"] = INTRANET.replace('"collega*"', '"*collega*"')
    study, evidence = _evidence(make_study(files))
    text = searches_to_markdown(evidence, study)
    assert "\\<img src=x onerror=alert(1)>" in text and "\\<b>n<5\\</b>" in text
    page = MarkdownIt("commonmark").enable("table").render(text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert "&lt;b&gt;n&lt;5&lt;/b&gt;" in page and "<b>" not in page
    assert "[log in](https://evil.example)" in page and "<a " not in page
    assert "__init__" in page and "*collega* (Phone book)" in page


def test_a_heading_with_a_no_break_space_is_the_column_named_with_a_space(
    make_study: StudyMaker,
) -> None:
    files = files_with_logs()
    files["analytics/intranet-may.csv"] = INTRANET_CSV.replace(
        b"Aantal zoekopdrachten", "Aantal\u00a0zoekopdrachten ".encode()
    )
    _, evidence = _evidence(make_study(files))
    assert evidence.for_need("leave").searches == 47 + 3  # and the app log's three


def test_topic_patterns() -> None:
    log = SearchLog.model_validate(
        {
            "id": "x",
            "title": "X",
            "file": "x.csv",
            "columns": {"term": "t"},
            "topics": [
                {"need": "leave", "terms": ["verlof*", "*verlof", "Vakantie Dagen"]},
                {"need": "roster", "terms": ["*rooster*"]},
                {"need": "people", "terms": ["collega", "*verlof"]},
            ],
        }
    )
    matcher = TopicMatcher(log)
    assert matcher.needs("verlof aanvragen") == ("leave",)
    assert matcher.needs("ouderschapsverlof") == ("leave", "people")
    assert matcher.needs("vakantie dagen") == ("leave",)
    assert matcher.needs("vakantiedagen") == ()
    assert matcher.needs("dienstrooster zomer") == ("roster",)
    assert matcher.needs("collega") == ("people",)
    assert matcher.needs("collega zoeken") == ()
    assert matcher.needs("verl.of") == ()  # '.' is a character, not a pattern


def test_a_term_about_two_needs_counts_for_each_and_once_in_the_totals(
    make_study: StudyMaker,
) -> None:
    files = files_with_logs()
    files["analytics/app.yaml"] = APP.replace(
        "[verlof]", "[verlof]}\n      - {need: dash, terms: [verlof]"
    )
    _, evidence = _evidence(make_study(files))
    assert evidence.for_need("dash").searches == 3
    assert evidence.for_need("leave").searches == 50
    assert evidence.logs[0].matched == 5


def test_a_need_shows_a_terms_searches_from_the_logs_that_map_it(
    make_study: StudyMaker,
) -> None:
    files = files_with_logs()
    files["analytics/intranet-may.csv"] = INTRANET_CSV + b"nieuws;7;0\r\n"
    news_topic = "      - need: news\n        terms: [nieuws]\n"
    files["analytics/intranet.yaml"] = INTRANET.replace(news_topic, "")
    _, evidence = _evidence(make_study(files))
    news = evidence.for_need("news")
    # 9 searches in all make the term showable; only the app log's 2 are about news
    assert (news.searches, [(t.text, t.searches) for t in news.terms]) == (2, [("nieuws", 2)])
    assert news.no_results is None  # the app log does not say; the intranet's 7 are not news'
    assert news.terms[0].no_results is None  # nor for its term
    # Not a need the study lacks, but a topic term the intranet's log lacks: named with it.
    assert "nieuws" not in [t.text for t in evidence.unmatched]
    app_log, intranet = evidence.logs
    assert (app_log.mapped_elsewhere, intranet.mapped_elsewhere) == (
        (),
        (SearchTerm("nieuws", 7, 7),),
    )
    study = load_study(make_study(files))
    assert (
        "Intranet search: searches for terms that another log's topics give a need and its own "
        "do not, so they count for none: nieuws (7). Add them to its topics."
    ) in search_notes(evidence, study)
    dutch = study.in_language("nl")
    assert any(
        n.startswith("Intranet search: zoekopdrachten op termen")
        for n in search_notes(evidence, dutch)
    )
    assert searches_to_json(evidence)["logs"][1]["mapped_elsewhere"] == [
        {"term": "nieuws", "searches": 7, "no_results": 7}
    ]
    rare = {**files, "study.yaml": files_with_logs(min_size=10)["study.yaml"]}
    _, private = _evidence(make_study(rare, name="rare"))  # 9 searches in all: not named
    assert [log.mapped_elsewhere for log in private.logs] == [(), ()]


def test_found_nothing_counts_the_logs_that_say_and_is_none_where_none_does(
    make_study: StudyMaker,
) -> None:
    """The app log has no results column. Leave is searched in both logs: its 17 are the
    intranet's; news only in the app: None, not 0; dash not at all: 0, since the intranet
    log would have told. Without the intranet log, the unsearched need is None too."""
    _, evidence = _evidence(make_study(files_with_logs()))
    found_nothing = {n.need: n.no_results for n in evidence.needs}
    assert found_nothing == {"leave": 17, "phonebook": 25, "news": None, "dash": 0}
    files = files_with_logs()
    files.update({k: None for k in files if k.startswith("analytics/intranet")})
    _, app_only = _evidence(make_study(files, name="app-only"))
    assert {n.need: n.no_results for n in app_only.needs}["dash"] is None
    assert all(t.no_results is None for t in app_only.unmatched)


def test_a_term_whose_log_does_not_say_ranks_after_one_that_found_nothing_once(
    make_study: StudyMaker,
) -> None:
    """Of terms searched as often, the one more often without results ranks first; a term
    only the app log has (which does not say) counts none: zaal (6 searches, 1 without
    results over its two spellings) before printer (6, not said), though p comes first."""
    files = files_with_logs()
    files["analytics/intranet-may.csv"] = INTRANET_CSV + b"zaal;5;3\r\nZaal;1;0\r\n"
    files["analytics/app-searches.csv"] = APP_CSV + b"".join(
        f"p{n},printer,x\n".encode() for n in range(6)
    )
    _, evidence = _evidence(make_study(files))
    ranked = [(t.text, t.searches, t.no_results) for t in evidence.unmatched]
    assert [t for t in ranked if t[1] == 6] == [("zaal", 6, 1), ("printer", 6, None)]


def test_table_and_notes(study_dir: Path) -> None:
    study, evidence = _evidence(study_dir)
    table = build_searches_table(evidence, study)
    assert table.header == (
        "Need",
        "Kind",
        "Searches",
        "Share of searches",
        "Found nothing",
        "Content gap",
        "Most searched terms",
    )
    assert table.rows == (
        (
            "Leave and holidays",
            "Functions",
            "50",
            "43.5%",
            "17",
            "gap",
            "verlof (33), verlof aanvragen (8), ouderschapsverlof (6), 1 rarer",
        ),
        ("Phone book", "Content", "29", "25.2%", "25", "gap", "telefoonlijst (25), 1 rarer"),
        ("News", "Content", "2", "1.7%", "\u2013", "", "1 rarer"),  # the app log does not say
    )
    assert table.in_coverage == (True, True, False)
    notes = " ".join(table.notes)
    assert "App search does not say how many results" in notes
    assert "Intranet search: a need is a content gap from 15 searches" in notes
    assert "1 need was not searched for." in notes
    unmatched = build_unmatched_table(evidence, study)
    assert unmatched.rows == (("parkeren", "16", "15"), ("kantine menu", "7", "0"))
    assert unmatched.in_coverage == (True, False)  # mostly found nothing
    assert "2 rarer terms match no need and are not shown." in unmatched.notes
    page = render_searches_page(evidence, study)
    tables = re.findall(r'<table class="([^"]+)">', page)
    assert tables == [  # the CSS lays out each; two logs, so each one's searches too
        "needs ranking searches",
        "needs ranking by-log",
        "needs ranking unmatched",
    ]
    assert page.count('<tr class="gap">') == 3  # the gaps, and the terms mostly finding nothing


def test_the_rule_names_the_rarity_hidden_only_when_a_term_can_be_too_rare(
    make_study: StudyMaker,
) -> None:
    """A minimum of 1 hides no term for being rare: the rule says only that terms with
    personal data are not shown, not "searched fewer than 1 times"."""
    for minimum, rule in (
        (2, "Terms searched fewer than 2 times, or holding personal data, count in the "),
        (1, "do not matter. Terms holding personal data count in the figures but are not"),
    ):
        root = make_study(files_with_logs(min_size=minimum), name=f"min-{minimum}")
        study, evidence = _evidence(root)
        assert rule in search_notes(evidence, study)[0]
        dutch = " ".join(search_notes(evidence, study.in_language("nl")))
        assert ("minder dan" in dutch) == (minimum > 1)


def _many_terms_study(
    make_study: StudyMaker, unused: int = 12, others: int = 28, more_leave: int = 0
) -> Path:
    """One log, minimum 5: leave has 7 shown terms (verlof a-g, 20 down to 14 searches, with
    results), and ``more_leave`` of 13 searches; 2 + ``others`` terms match no need (100
    down), of which 'half' (100, 50 of them without results: two spellings, one found
    nothing) and 'more than half' (99, 50) lead; phonebook's ``unused`` topic terms match no
    search at all."""
    rows = [f"verlof {c};{20 - i};1" for i, c in enumerate("abcdefg")]
    rows += [f"verlof z{i:04};13;1" for i in range(more_leave)]
    rows += ["half;50;0", "Half ;50;3", "more than half;50;0", "More Than Half;49;7"]
    rows += [f"other {i:02};{98 - i % 90};0" for i in range(others)]
    topics = ", ".join(f"nope{i:02}" for i in range(1, unused + 1))
    log = (
        "id: big\ntitle: Big\nfile: big.csv\n"
        "columns: {term: term, searches: searches, results: results}\n"
        "topics:\n  - {need: leave, terms: ['verlof*']}\n"
        f"  - {{need: phonebook, terms: [{topics}]}}\n"
    )
    files = files_with_logs()
    files.update(
        {
            "analytics/intranet.yaml": None,
            "analytics/intranet-may.csv": None,
            "analytics/app.yaml": None,
            "analytics/app-searches.csv": None,
            "analytics/big.yaml": log,
            "analytics/big.csv": "term;searches;results\n" + "\n".join(rows) + "\n",
        }
    )
    return make_study(files)


def test_long_lists_are_cut_and_the_rest_counted(make_study: StudyMaker) -> None:
    study, evidence = _evidence(_many_terms_study(make_study))
    (leave,) = build_searches_table(evidence, study).rows
    assert leave[-1] == (
        "verlof a (20), verlof b (19), verlof c (18), verlof d (17), verlof e (16), 2 rarer"
    )
    unmatched = build_unmatched_table(evidence, study)
    assert len(unmatched.rows) == 25
    assert unmatched.rows[:2] == (("half", "100", "50"), ("more than half", "99", "50"))
    assert unmatched.rows[-1] == ("other 22", "76", "76")
    # mostly found nothing: more than half of its searches; exactly half is not
    assert unmatched.in_coverage[:3] == (False, True, True)
    assert "5 rarer terms match no need and are not shown." in unmatched.notes
    (unused,) = [n for n in build_searches_table(evidence, study).notes if "topic terms" in n]
    named = ", ".join(f"nope{i:02} (Phone book)" for i in range(1, 11))
    assert unused.endswith(f"{named}, 2 more.")


def test_thousands_of_terms_are_counted_as_the_language_writes_them(
    make_study: StudyMaker,
) -> None:
    """A raw log of a year holds thousands of terms: the counts of those not shown said
    1198 (and a Dutch reader takes 1,198 for one and a bit)."""
    study, evidence = _evidence(
        _many_terms_study(make_study, unused=1010, others=1200, more_leave=1000)
    )
    for language, rarer, terms, more in [
        ("en", "1,002 rarer", "1,177 rarer terms match no need", "1,000 more."),
        ("nl", "1.002 zeldzamere", "1.177 zeldzamere termen", "nog 1.000."),
    ]:
        study = dataclasses.replace(
            study, settings=study.settings.model_copy(update={"language": language})
        )
        table = build_searches_table(evidence, study)
        assert table.rows[0][-1].endswith(f", {rarer}")
        assert any(note.endswith(more) for note in table.notes)
        assert any(terms in note for note in build_unmatched_table(evidence, study).notes)


def test_ten_unused_topic_terms_are_all_named(make_study: StudyMaker) -> None:
    study, evidence = _evidence(_many_terms_study(make_study, unused=10))
    (unused,) = [n for n in build_searches_table(evidence, study).notes if "topic terms" in n]
    named = ", ".join(f"nope{i:02} (Phone book)" for i in range(1, 11))
    assert unused.endswith(f": {named}.")


def test_a_log_without_results_shows_a_dash_for_them_and_hides_nothing(
    make_study: StudyMaker,
) -> None:
    """The app log alone, minimum 1, and the two needs it is about: its one unmatched term
    is shown, with a dash for the results it does not count, and no note of terms not
    shown or of needs not searched for."""
    files = files_with_logs(min_size=1)
    files.update({"analytics/intranet.yaml": None, "analytics/intranet-may.csv": None})
    files["needs.yaml"] = (  # only the needs the app log's topics are about
        "needs:\n"
        "  - {id: leave, title: Leave and holidays, kind: function, groups: {desk: must}}\n"
        "  - {id: news, title: News, kind: content, groups: {desk: could}}\n"
    )
    study, evidence = _evidence(make_study(files))
    assert [n.need for n in evidence.needs if not n.searches] == []
    assert not any("not searched" in note for note in build_searches_table(evidence, study).notes)
    unmatched = build_unmatched_table(evidence, study)
    assert unmatched.rows == (("parkeren", "1", "\u2013"),)
    assert unmatched.notes == (
        "Frequent searches that match no need: add their terms to a topic in analytics/, "
        "or a need to the study.",
    )


def test_unmatched_terms_all_too_rare_to_show_are_still_counted_in_markdown(
    make_study: StudyMaker,
) -> None:
    """Minimum 30: no unmatched term of the intranet log is shown, but the note says how
    many there are."""
    study, evidence = _evidence(make_study(files_with_logs(min_size=30)))
    assert build_unmatched_table(evidence, study).rows == ()
    text = searches_to_markdown(evidence, study)
    assert "4 rarer terms match no need and are not shown." in text


def test_a_name_typed_in_any_case_is_counted_but_never_shown(make_study: StudyMaker) -> None:
    """People search the intranet for colleagues: "marieke" searched 9 times is as private
    as "Marieke". A firm named after someone and a word that is also a name are shown."""
    files = files_with_logs()
    rows = "marieke;9;0\r\ncollega jan de vries;6;0\r\nalbert heijn;7;0\r\nroos;5;0\r\n"
    files["analytics/intranet-may.csv"] = INTRANET_CSV + rows.encode()
    study, evidence = _evidence(make_study(files))
    phonebook = evidence.for_need("phonebook")
    assert (phonebook.searches, phonebook.hidden_terms) == (35, 2)  # + collega jan de vries
    assert [(t.text, t.searches) for t in evidence.unmatched] == [
        ("parkeren", 16),
        ("albert heijn", 7),
        ("kantine menu", 7),
        ("roos", 5),
    ]
    assert evidence.unmatched_hidden == 3  # marieke, 'jan de vries' (rare), the e-mail address
    long_query = "hoe vraag ik een parkeervergunning aan voor de garage onder het stadskantoor"
    long_query += " aan de markt"  # 89 characters, beyond the 80 of a cut: shown whole
    files["analytics/intranet-may.csv"] = INTRANET_CSV + f"{rows}{long_query};8;0\r\n".encode()
    _, longer = _evidence(make_study(files, name="long"))
    assert (long_query, 8) in [(t.text, t.searches) for t in longer.unmatched]
    outputs = [
        searches_to_markdown(evidence, study),
        render_searches_page(evidence, study),
        json.dumps(searches_to_json(evidence)),
    ]
    for text in outputs:
        assert "marieke" not in text and "vries" not in text.lower()


def test_rare_and_personal_terms_reach_no_output(study_dir: Path) -> None:
    study, evidence = _evidence(study_dir)
    outputs = [
        searches_to_markdown(evidence, study),
        render_searches_page(evidence, study),
        json.dumps(searches_to_json(evidence)),
    ]
    for text in outputs:
        for secret in ("jan de vries", "example.org", "vakantiedagen", "smoelenboek", "u1"):
            assert secret not in text.lower()


_TERMS = st.lists(
    st.tuples(
        st.sampled_from(["verlof", "verlof aanvragen", "nieuws", "parkeren", "jan", "a@b.nl"]),
        st.integers(1, 12),
        st.integers(0, 12),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(rows=_TERMS, min_size=st.integers(1, 9))
def test_privacy_and_totals_property(rows: list[tuple[str, int, int]], min_size: int) -> None:
    """Every shown term was searched at least the minimum and holds no personal data; need
    figures are sums over their terms; hidden unmatched terms change nothing but counts."""
    study = Study(
        root=Path(),
        settings=StudySettings.model_validate(
            {"name": "P", "organisation": "O", "privacy": {"min_group_size": min_size}}
        ),
        needs=tuple(Need(id=n, title=n, kind="content") for n in ("n1", "n2")),
    )
    evidence = analyse_searches(study, [log_data(rows)])
    data = searches_to_json(evidence)
    shown = [t for n in data["needs"] for t in n["terms"]] + data["unmatched"]
    assert all(t["searches"] >= min_size and "@" not in t["term"] for t in shown)
    assert evidence.searches == sum(s for _, s, _ in rows)
    assert evidence.matched == sum(
        s for text, s, _ in rows if text.startswith("verlof") or text == "nieuws"
    )
    assert sum(n.searches for n in evidence.needs) == evidence.matched  # no term is about two
    for need in evidence.needs:
        assert need.no_results is not None  # the log says how many found nothing
        assert need.no_results <= need.searches
        assert need.gap == (need.no_results >= 5)
    hidden = {t: s for t, s in _sums(rows).items() if t in ("jan", "a@b.nl") and s < min_size}
    renamed = analyse_searches(
        study, [log_data(rows, replace={t: t + " secret" for t in hidden if t != "a@b.nl"})]
    )
    assert searches_to_json(renamed) == data


@settings(max_examples=100, deadline=None)
@given(told=_TERMS, untold=_TERMS, swap=st.booleans())
def test_logs_with_and_without_a_results_column_property(
    told: list[tuple[str, int, int]], untold: list[tuple[str, int, int]], swap: bool
) -> None:
    """A log with a results column and one without, whose topics give only verlof* a need:
    "found nothing" counts the first log's searches only, and is None only for a need
    searched in the second alone; a term is either about a need, unmatched, or named with
    the log that lacks the topic, never two of these; the order of the logs changes no
    need's figures."""
    study = Study(
        root=Path(),
        settings=StudySettings.model_validate({"name": "P", "organisation": "O"}),
        needs=tuple(Need(id=n, title=n, kind="content") for n in ("n1", "n2")),
    )
    logs = [
        log_data(told, log_id="a"),
        log_data(untold, log_id="b", has_results=False, topics=TOPICS[:1]),
    ]
    evidence = analyse_searches(study, logs[::-1] if swap else logs)
    for need in evidence.needs:
        assert need.searches_told <= need.searches
        if need.searches_told:
            assert need.no_results is not None and need.no_results <= need.searches_told
        elif need.searches:
            assert need.no_results is None
    unmatched = {t.text for t in evidence.unmatched}
    named = {t.text for log in evidence.logs for t in log.mapped_elsewhere}
    about = {t.text for n in evidence.needs for t in n.terms}
    assert not unmatched & named and not unmatched & about
    assert named <= about  # named with a log because another log gives it a need
    in_order = analyse_searches(study, logs)
    assert [(n.searches, n.no_results, n.searches_told) for n in evidence.needs] == [
        (n.searches, n.no_results, n.searches_told) for n in in_order.needs
    ]
    for need, same in zip(evidence.needs, in_order.needs, strict=True):
        assert sum(need.per_log) == need.searches  # each log's part, in the logs' order
        assert need.per_log == (same.per_log[::-1] if swap else same.per_log)


def test_each_need_s_searches_in_each_log_side_by_side() -> None:
    """Hand-checked: May's log has leave 10 + 4 (two terms) and news 3, June's leave 6 and
    news 9. With one log the table has no rows: the needs table says it all."""
    study = leave_and_news()
    may = log_data([("verlof", 10, 2), ("nieuws", 3, 0), ("verlof aanvragen", 4, 0)], log_id="may")
    june = log_data([("verlof", 6, 0), ("nieuws", 9, 1)], log_id="june")
    evidence = analyse_searches(study, [may, june])
    assert [(n.need, n.per_log, n.searches) for n in evidence.needs] == [
        ("n1", (14, 6), 20),
        ("n2", (3, 9), 12),
    ]
    table = build_searches_by_log(evidence, study)
    assert table.header == ("Need", "MAY", "JUNE", "All logs")
    assert table.rows == (("Leave", "14", "6", "20"), ("News", "3", "9", "12"))
    assert [n["per_log"] for n in searches_to_json(evidence)["needs"]] == [
        {"may": 14, "june": 6},
        {"may": 3, "june": 9},
    ]
    assert "## Searches per log" in searches_to_markdown(evidence, study)
    alone = analyse_searches(study, [may])
    assert build_searches_by_log(alone, study).rows == ()
    assert "Searches per" not in searches_to_markdown(alone, study)
    assert "Searches per" not in render_searches_page(alone, study)


def test_an_export_named_by_its_month_is_headed_as_the_report_writes_the_month() -> None:
    """Exports called 'mrt' and 'mei' by their names are March and May in an English
    report, maart and mei in a Dutch one; any other name stays as it is. By hand: leave is
    10, 4 and 6 searches."""
    data = dataclasses.replace(
        log_data([("verlof", 20, 0)]),
        exports=("t-mrt.csv", "t-q2.csv", "t-mei.csv"),
        export_labels=("mrt", "Q2", "mei"),
        export_searches=({"verlof": 10}, {"verlof": 4}, {"verlof": 6}),
    )
    study = leave_and_news()
    evidence = analyse_searches(study, [data])
    table = build_searches_by_log(evidence, study)
    assert table.header == ("Need", "March", "Q2", "May", "All exports")
    assert table.rows == (("Leave", "10", "4", "6", "20"),)
    dutch = study.in_language("nl")
    assert build_searches_by_log(evidence, dutch).header[1:4] == ("maart", "Q2", "mei")


def test_a_year_of_monthly_logs_prints_in_parts_that_fit_the_page() -> None:
    """Twelve logs side by side are too wide for an A4 page: the screen shows the whole
    table, print its logs in parts beside the needs' names, each need's name a row
    heading."""
    study = leave_and_news()
    logs = [
        log_data([("verlof", month, 0)], log_id=f"intranet-2026-{month:02}")
        for month in range(1, 13)
    ]
    evidence = analyse_searches(study, logs)
    assert evidence.needs[0].per_log == tuple(range(1, 13))
    page = render_searches_page(evidence, study)
    screen, printed = page.split('<div class="print-only">', 1)
    assert screen.count('<table class="needs ranking by-log">') == 1
    parts = printed.count('<table class="needs ranking by-log">')
    assert parts >= 2
    assert printed.count('<th scope="row">Leave</th>') == parts
    assert "INTRANET-2026-12" in printed and ">78<" in printed  # every month, and all of them


def _sums(rows: list[tuple[str, int, int]]) -> dict[str, int]:
    sums: dict[str, int] = {}
    for text, searches, _ in rows:
        sums[text] = sums.get(text, 0) + searches
    return sums


def test_golden_markdown(study_dir: Path, golden: Callable[[str, str], None]) -> None:
    study, evidence = _evidence(study_dir)
    golden("searches-fixture.md", searches_to_markdown(evidence, study))


def test_counts_with_thousands_separators_and_xlsx(make_study: StudyMaker, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Search term", "Total searches", "Results"])
    sheet.append(["leave", 1200, 0])
    sheet.append(["news", 7, 3])
    sheet.append(["leave\n", 3, 0])  # a line break in a cell: no quote left open there
    buffer = tmp_path / "log.xlsx"
    workbook.save(buffer)
    folder = make_study(
        {
            "needs.yaml": NEEDS,
            "groups.yaml": GROUPS,
            "personas.yaml": None,
            "analytics/x.yaml": """\
                id: x
                title: X
                file: log.xlsx
                columns: {term: search term, searches: total searches, results: results}
                topics: [{need: leave, terms: [leave]}]
                """,
            "analytics/log.xlsx": buffer.read_bytes(),
            "analytics/y.yaml": INTRANET.replace("intranet-may", "y").replace(".csv", "-y.csv"),
            "analytics/y-y.csv": "Zoekterm;Aantal zoekopdrachten;Resultaten\n"
            "verlof;1.234;0\nnieuws;2 345;1\nbeleid;1,000;2.5\n",
        }
    )
    _, evidence = _evidence(folder)
    assert evidence.for_need("leave").searches == 1203 + 1234
    assert evidence.for_need("leave").gap_in == ("x", "y")
    assert evidence.for_need("news").searches == 2345
    assert [(t.text, t.searches, t.no_results) for t in evidence.unmatched] == [
        ("beleid", 1000, 0),
        ("news", 7, 0),
    ]


def _report_workbook(tmp_path: Path) -> bytes:
    """A workbook as intranet products export their search reports: a sheet about the
    report first, the terms on the next."""
    workbook = Workbook()
    about = workbook.active
    assert about is not None
    about.title = "Report Metadata"
    about.append(["Report", "Top Queries by Month"])
    about.append(["Site", "Intranet"])
    terms = workbook.create_sheet("Top Queries by Month")
    terms.append(["Query", "Count"])
    terms.append(["verlof", 30])
    terms.append(["nieuws", 4])
    workbook.create_sheet("Abandoned Queries").append(["Query", "Count"])
    workbook.create_sheet("Notes")
    path = tmp_path / "report.xlsx"
    workbook.save(path)
    return path.read_bytes()


def _log_yaml(sheet: str, file: str = "report.xlsx") -> str:
    return (
        f"id: r\ntitle: R\nfile: {file}\n{sheet}columns: {{term: query, searches: count}}\n"
        "topics: [{need: leave, terms: [verlof]}]\n"
    )


@pytest.mark.parametrize(
    "rows",
    ['"parkeren;2\nnieuws;3\n', '"parkeren;2\nnieuws";3\n'],
    ids=["never-closed", "closed-on-the-next-line"],
)
def test_a_quote_left_open_in_a_log_is_told_where_it_opens(
    make_study: StudyMaker, rows: str
) -> None:
    """A term is one line: one that runs on from a quote is the quote's mistake, told at the
    quote, not as a row too short (a run-on row has too few cells) nor counted as a term
    that holds the lines below."""
    files: dict[str, str | bytes | None] = {
        "needs.yaml": NEEDS,
        "groups.yaml": GROUPS,
        "personas.yaml": None,
        "analytics/log.csv": "query;count\nverlof;1\n" + rows,
        "analytics/r.yaml": _log_yaml("", "log.csv"),
    }
    (problem,) = check_search_logs(load_study(make_study(files)))
    assert (problem.location.path and problem.location.path.name, problem.location.line) == (
        "log.csv",
        3,
    )
    assert (problem.message, problem.hint) == (
        "a double quote that starts a value here runs on to line 4: lines 3-4 read as one row",
        "end the value with a double quote on line 3, or remove the quote that starts it",
    )


def test_a_heading_row_repeated_below_is_left_out_with_a_warning(make_study: StudyMaker) -> None:
    """Two months' exports joined end to end: the second's heading row (with its byte
    order mark) was "'Aantal zoekopdrachte' is not a number of searches"."""
    files = files_with_logs()
    header, rest = INTRANET_CSV.split(b"\r\n", 1)
    files["analytics/intranet-may.csv"] = header + b"\r\n" + rest + header + b"\r\n"
    study = load_study(make_study(files))
    (problem,) = check_search_logs(study)
    assert (problem.location.line, problem.severity, problem.message) == (
        13,
        Severity.WARNING,
        "this row repeats the heading row: left out",
    )
    assert [log.searches for log in study_searches(study).logs] == [6, 109]  # as before


def test_a_log_s_rows_given_again_count_once(make_study: StudyMaker) -> None:
    """Two exports of the same report joined end to end keep the rows they share: a row of
    a log with counts given again word for word was summed. It is left out, with one
    warning naming the rows; a raw log's rows alike are searches alike, and count."""
    files = files_with_logs()
    _, rest = INTRANET_CSV.split(b"\r\n", 1)
    first_rows = b"".join(line + b"\r\n" for line in rest.split(b"\r\n")[:3])
    files["analytics/intranet-may.csv"] = INTRANET_CSV + first_rows
    files["analytics/app-searches.csv"] = APP_CSV + b"u4,nieuws,x\n"  # a search again
    study = load_study(make_study(files))
    (problem,) = check_search_logs(study)
    assert (problem.location.line, problem.severity, problem.message) == (
        13,
        Severity.WARNING,
        "this row repeats an earlier one word for word (line 2): left out, so that its "
        "searches count once (also on rows 14 and 15)",
    )
    assert [log.searches for log in study_searches(study).logs] == [7, 109]  # the app's: 6+1


def test_a_file_pattern_reads_an_export_saved_twice_once(make_study: StudyMaker) -> None:
    """A download saved twice ('intranet-may (1).csv') matches the pattern as well: its
    searches were counted twice. An export that is an earlier one byte for byte is read
    once, with a warning at file:."""
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*")
    files["analytics/intranet-may (1).csv"] = INTRANET_CSV
    files["analytics/intranet-june.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;31")
    study = load_study(make_study(files))
    (problem,) = check_search_logs(study)
    assert (problem.location.line, problem.severity, problem.message, problem.hint) == (
        4,
        Severity.WARNING,
        "the export intranet-may (1).csv is intranet-may.csv again, byte for byte: read once",
        "delete intranet-may (1).csv (a download saved twice)",
    )
    _, intranet = study_searches(study).logs
    assert intranet.exports == ("intranet-may.csv", "intranet-june.csv")
    assert intranet.searches == 2 * 109 + 1


def test_an_export_read_by_two_logs_is_told_at_the_later(make_study: StudyMaker) -> None:
    """A log's definition copied to start another, its file: left as it was, read the
    same export again: its searches counted twice, without a word. Told at the later log's
    file:, naming the earlier; so is a pattern that matches an export another log names,
    and an export that is another's byte for byte. Two logs of one workbook's two sheets
    read other searches, and are not told."""
    files = files_with_logs()
    files["analytics/june.yaml"] = INTRANET.replace("id: intranet-may", "id: june")
    study = load_study(make_study(files))
    (problem,) = check_search_logs(study)
    location = problem.location
    assert (location.path, location.line, problem.severity) == (
        study.root / "analytics" / "june.yaml",
        4,
        Severity.WARNING,
    )
    assert problem.message == (
        "search log 'intranet-may' (analytics/intranet.yaml) reads analytics/intranet-may.csv "
        "too: its searches count twice as evidence"
    )
    assert problem.hint == (
        "give each log an export of its own, or put the topics of both in one log"
    )
    assert [log.searches for log in study_searches(study).logs] == [6, 109, 109]  # as told
    files["analytics/june.yaml"] = INTRANET.replace("id: intranet-may", "id: june").replace(
        "intranet-may.csv", "intranet-*.csv"
    )
    (matched,) = check_search_logs(load_study(make_study(files, name="pattern")))
    assert matched.message.startswith("search log 'intranet-may' (analytics/intranet.yaml) ")
    files["analytics/june.yaml"] = INTRANET.replace("id: intranet-may", "id: june").replace(
        "intranet-may.csv", "intranet-june.csv"
    )
    files["analytics/intranet-june.csv"] = INTRANET_CSV
    (copied,) = check_search_logs(load_study(make_study(files, name="copy")))
    assert copied.message == (
        "the export analytics/intranet-june.csv is analytics/intranet-may.csv again, byte for "
        "byte, which search log 'intranet-may' (analytics/intranet.yaml) reads: its searches "
        "count twice as evidence"
    )
    assert copied.hint.startswith("delete intranet-june.csv (a download saved twice)")
    files["analytics/intranet-june.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;31")
    assert check_search_logs(load_study(make_study(files, name="another"))) == []


def test_two_logs_of_one_workbook_s_two_sheets_are_not_told(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    _report_workbook(tmp_path)
    report = (tmp_path / "report.xlsx").read_bytes()
    files: dict[str, str | bytes | None] = {
        "needs.yaml": NEEDS,
        "groups.yaml": GROUPS,
        "personas.yaml": None,
        "analytics/report.xlsx": report,
        "analytics/r.yaml": _log_yaml("sheet: Top Queries by Month\n"),
        "analytics/s.yaml": _log_yaml("sheet: Top Queries by Month\n").replace("id: ", "id: s"),
    }
    (twice,) = check_search_logs(load_study(make_study(files)))
    assert "reads analytics/report.xlsx too" in twice.message
    del files["analytics/s.yaml"]
    files["analytics/t.yaml"] = _log_yaml("sheet: Abandoned Queries\n").replace("id: ", "id: t")
    assert check_search_logs(load_study(make_study(files, name="sheets"))) == []


def test_a_workbook_s_one_sheet_with_the_log_s_columns_is_read_without_a_name(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """A sheet about the report first and the terms on the next: the one sheet with the
    log's columns is read, and a problem names its sheet with the cell."""
    _report_workbook(tmp_path)
    workbook = load_workbook(tmp_path / "report.xlsx")
    del workbook["Abandoned Queries"]
    workbook["Top Queries by Month"]["B3"] = "many"
    workbook.save(tmp_path / "report.xlsx")
    files: dict[str, str | bytes | None] = {
        "needs.yaml": NEEDS,
        "groups.yaml": GROUPS,
        "personas.yaml": None,
        "analytics/report.xlsx": (tmp_path / "report.xlsx").read_bytes(),
        "analytics/r.yaml": _log_yaml(""),
    }
    (problem,) = check_search_logs(load_study(make_study(files)))
    assert problem.format().endswith(
        "report.xlsx:3:2: cell 'Top Queries by Month'!B3: 'many' is not a number of searches"
    )
    workbook["Top Queries by Month"]["B3"] = 4
    workbook.save(tmp_path / "report.xlsx")
    files["analytics/report.xlsx"] = (tmp_path / "report.xlsx").read_bytes()
    (log,) = load_search_logs(load_study(make_study(files, name="mended")))
    assert how_read_text(log.how, "en") == "XLSX, sheet 'Top Queries by Month'"
    assert [(t.text, t.searches) for t in log.terms.values()] == [("verlof", 30), ("nieuws", 4)]


def test_a_workbook_is_read_at_the_sheet_the_log_names(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    files: dict[str, str | bytes | None] = {
        "needs.yaml": NEEDS,
        "groups.yaml": GROUPS,
        "personas.yaml": None,
        "analytics/report.xlsx": _report_workbook(tmp_path),
        "analytics/log.csv": "query;count\nverlof;1\n",
        "analytics/export.ods": (SURVEY_FIXTURES / "exports" / "ms-forms.ods").read_bytes(),
    }
    study = load_study(make_study({**files, "analytics/r.yaml": _log_yaml("")}))
    (problem,) = check_search_logs(study)  # another sheet: one problem, not one a column
    assert (problem.location.line, problem.location.column) == (4, 17)
    assert problem.message == "the export report.xlsx has none of the columns 'query', 'count'"
    assert problem.hint == (
        "its columns are: Report, Top Queries by Month (on sheet 'Report Metadata'; the "
        "workbook also has 'Top Queries by Month', 'Abandoned Queries', 'Notes': name one "
        "with sheet:)"
    )
    named = make_study(
        {**files, "analytics/r.yaml": _log_yaml("sheet: top queries by month\n")}, name="named"
    )
    (log,) = load_search_logs(load_study(named))
    assert how_read_text(log.how, "en") == "XLSX, sheet 'Top Queries by Month'"  # any case
    assert [(t.text, t.searches) for t in log.terms.values()] == [("verlof", 30), ("nieuws", 4)]
    for n, (sheet, file, line, message, hint) in enumerate(
        [
            (
                "sheet: Top Queries\n",
                "report.xlsx",
                4,
                "the workbook report.xlsx has no sheet 'Top Queries'",
                "did you mean 'Top Queries by Month'?",
            ),
            (
                "sheet: TOP QUERIES\n",  # a misspelt name in another case: the same hint
                "report.xlsx",
                4,
                "the workbook report.xlsx has no sheet 'TOP QUERIES'",
                "did you mean 'Top Queries by Month'?",
            ),
            (
                "sheet: Zoektermen\n",
                "report.xlsx",
                4,
                "the workbook report.xlsx has no sheet 'Zoektermen'",
                "its sheets are: 'Report Metadata', 'Top Queries by Month', 'Abandoned Queries', "
                "'Notes'",
            ),
            (
                "sheet: notes\n",
                "report.xlsx",
                None,
                "the sheet 'Notes' is empty",
                "name the sheet that holds the data",
            ),
            (
                "sheet: Zoektermen\n",  # any workbook has sheets
                "export.ods",
                4,
                "the workbook export.ods has no sheet 'Zoektermen'",
                "its sheets are: 'Sheet1'",
            ),
            (
                "sheet: Zoektermen\n",
                "log.csv",
                4,
                "sheet: names a sheet, but log.csv is not a workbook (.xlsx, .ods…)",
                "leave sheet: out for a CSV export",
            ),
        ]
    ):
        folder = make_study({**files, "analytics/r.yaml": _log_yaml(sheet, file)}, name=f"s{n}")
        (problem,) = check_search_logs(load_study(folder))
        assert (problem.location.line, problem.message, problem.hint) == (line, message, hint)


@pytest.mark.parametrize(
    ("gap_from", "message"),
    [
        ("1", None),
        ("0", "must be at least 1, found 0"),
        ("'20'", "expected a whole number, found the text '20'"),  # quoted: text, not a number
    ],
)
def test_gap_from_is_a_whole_number_from_one(
    make_study: StudyMaker, gap_from: str, message: str | None
) -> None:
    log = INTRANET.replace("gap_from: 15", f"gap_from: {gap_from}")
    files = {**files_with_logs(), "analytics/intranet.yaml": log}
    problems = check_search_logs(load_study(make_study(files)))
    assert [(p.location.line, p.message) for p in problems] == (
        [] if message is None else [(5, message)]
    )


@pytest.mark.parametrize(
    ("topics", "line", "message"),
    [
        ("topics: []", 5, "topics: must not be empty"),
        ("topics:\n  - {need: leave, terms: []}", 6, "topics[0].terms: must not be empty"),
    ],
)
def test_a_log_without_topics_or_a_topic_without_terms_is_a_problem(
    make_study: StudyMaker, topics: str, line: int, message: str
) -> None:
    log = textwrap.dedent(APP).split("topics:")[0] + topics + "\n"
    files = {**files_with_logs(), "analytics/app.yaml": log}
    problems = check_search_logs(load_study(make_study(files)))
    assert [(p.location.line, f"{p.key}: {p.message}") for p in problems] == [(line, message)]


def test_spaces_around_a_text_do_not_count_and_a_blank_one_is_a_problem(
    make_study: StudyMaker,
) -> None:
    spaced = INTRANET.replace("{term: Zoekterm,", '{term: "  Zoekterm ",').replace(
        "period: May 2026", 'period: " May 2026 "'
    )
    files = {**files_with_logs(), "analytics/intranet.yaml": spaced}
    study, evidence = _evidence(make_study(files))
    assert check_search_logs(study) == []
    assert evidence == _evidence(make_study(files_with_logs()))[1]
    blank = INTRANET.replace("title: Intranet search", 'title: "   "')
    problems = check_search_logs(
        load_study(make_study({**files_with_logs(), "analytics/intranet.yaml": blank}))
    )
    assert [(p.location.line, p.location.column) for p in problems] == [(2, 8)]


def test_problems_have_positions(make_study: StudyMaker) -> None:
    folder = make_study(
        {
            "needs.yaml": NEEDS,
            "groups.yaml": GROUPS,
            "personas.yaml": None,
            "analytics/a.yaml": """\
                id: a
                title: A
                file: a.csv
                columns: {term: Zoekterm, searches: Aantal}
                topics:
                  - need: leav
                    terms: [verlof, "*"]
                """,
            "analytics/a.csv": "Zoekterm;Aantal\nverlof;12\nnieuws;veel\nbeleid;12,5\nkort\n"
            "leeg;\n" + "groot;" + "9" * 5000 + "\n",  # more digits than int() converts
            "analytics/b.yaml": """\
                id: a
                title: B
                file: missing.csv
                column: {term: x}
                topics: [{need: nws, terms: [nieuws]}]
                """,
            "analytics/c.yaml": """\
                id: c
                title: C
                file: a.csv
                columns: {term: Term}
                topics: [{need: news, terms: [nieuws]}]
                """,
        }
    )
    study = load_study(folder)
    found = [
        (p.location.path.name if p.location.path else "", p.location.line, p.location.column)
        for p in check_search_logs(study)
    ]
    messages = [p.message for p in check_search_logs(study)]
    hints = [p.hint for p in check_search_logs(study)]
    assert found == [
        ("a.yaml", 6, 11),
        ("a.yaml", 7, 21),
        ("b.yaml", 1, 5),
        ("b.yaml", 4, 1),
        ("b.yaml", 5, 17),
        ("c.yaml", 4, 17),
    ]
    assert messages[0] == "unknown need 'leav'" and hints[0] == "did you mean 'leave'?"
    assert messages[1] == "'*' would match every search"
    assert hints[1] == "write the words the searches contain, e.g. 'verlof*'"
    assert messages[2].startswith("search log id 'a' is used twice (also at ")
    assert hints[2] == "give each search log its own id, e.g. with the period"
    # 'columns' misspelt is one problem: that 'columns' is missing goes without saying
    assert messages[3:5] == ["unknown key 'column'", "unknown need 'nws'"]
    assert hints[3] == "did you mean 'columns'?" and hints[4] == "did you mean 'news'?"
    assert messages[5] == "the export a.csv has no column 'Term'"
    assert hints[5] == "its columns are: Zoekterm, Aantal"
    (folder / "analytics" / "c.yaml").write_text(
        "id: c\ntitle: C\nfile: a.csv\ncolumns: {term: Query}\n"
        "topics: [{need: news, terms: [nieuws]}]\n"
    )
    assert [p.hint for p in check_search_logs(study)][5] == "its columns are: Zoekterm, Aantal"
    with pytest.raises(InvalidStudyError):
        load_search_logs(study)
    # once the definitions are right, the export's own problems are at row and column
    (folder / "analytics" / "b.yaml").unlink()
    (folder / "analytics" / "c.yaml").unlink()
    (folder / "analytics" / "a.yaml").write_text(
        "id: a\ntitle: A\nfile: a.csv\ncolumns: {term: Zoekterm, searches: Aantal}\n"
        "topics: [{need: leave, terms: [verlof]}]\n",
        encoding="utf-8",
    )
    rows = [(p.location.line, p.location.column, p.message) for p in check_search_logs(study)]
    assert rows == [
        (3, 2, "'veel' is not a number of searches"),
        (4, 2, "'12,5' is not a number of searches"),
        (5, None, "the row has 1 cell; the columns need 2"),
        (6, 2, "the number of searches is empty"),
        (7, 2, "'99999999999999999999' is not a number of searches"),
    ]
    assert check_search_logs(study)[2].hint == "export the log again, or remove the broken row"
    (folder / "analytics" / "a.yaml").write_text(
        "id: a\ntitle: A\nfile: gone.csv\ncolumns: {term: Zoekterm}\n"
        "topics: [{need: leave, terms: [verlof]}]\n",
        encoding="utf-8",
    )
    [missing] = check_search_logs(study)
    assert (missing.location.line, missing.message) == (3, "the export 'gone.csv' is not there")
    assert missing.hint == f"put the export in {folder / 'analytics'}, or correct file:"
    (folder / "analytics" / "gone-2025.csv").write_text("Zoekterm\nverlof\n", encoding="utf-8")
    [missing] = check_search_logs(study)
    assert missing.hint.endswith("correct file: (did you mean 'gone-2025.csv'?)")
    (folder / "analytics" / "gone-2025.csv").unlink()
    (folder / "analytics" / "a.yaml").write_text(
        "id: a\ntitle: A\nfile: ../../outside.csv\ncolumns: {term: Zoekterm}\n"
        "topics: [{need: leave, terms: [verlof]}]\n",
        encoding="utf-8",
    )
    (folder.parent / "outside.csv").write_text("Zoekterm\nverlof\n", encoding="utf-8")
    [outside] = check_search_logs(study)
    assert (outside.location.line, outside.location.column) == (3, 7)  # at file:'s value
    assert outside.message == "the export '../../outside.csv' is outside the study folder"
    assert outside.hint == "copy the export into analytics/ and name it here"
    for pattern in ("../../out*.csv", f"{folder.parent}/out*.csv"):  # glob() takes no absolute
        (folder / "analytics" / "a.yaml").write_text(
            f"id: a\ntitle: A\nfile: {pattern}\ncolumns: {{term: Zoekterm}}\n"
            "topics: [{need: leave, terms: [verlof]}]\n",
            encoding="utf-8",
        )
        [outside] = check_search_logs(study)
        assert outside.message == f"the export '{pattern}' is outside the study folder"


def test_a_broken_export_is_reported_row_by_row_and_read_to_its_end(
    make_study: StudyMaker,
) -> None:
    """The first ten problems of each kind are shown and the rest counted, kind by kind;
    a row after a broken one is read as well, and a short row of empty cells (a line of
    delimiters under the data) says nothing."""
    rows = [
        "verlof;30;12",
        *(f"kort{n};" for n in range(12)),  # a term and an empty count, no results cell
        ";",
        *(f"nieuws{n};1;veel" for n in range(12)),
        "nieuws;4;0",
    ]
    text = "Zoekterm;Aantal zoekopdrachten;Resultaten\n" + "\n".join(rows) + "\n"
    study = load_study(make_study({**files_with_logs(), "analytics/intranet-may.csv": text}))
    found = [(p.location.line, p.location.column, p.message) for p in check_search_logs(study)]
    short = [(n, None, "the row has 2 cells; the columns need 3") for n in range(3, 13)]
    results = [(n, 3, "'veel' is not a number of results") for n in range(16, 26)]
    assert found == [
        *short,
        *results,
        (None, None, "2 more rows like these: short rows"),
        (None, None, "2 more rows like these: not a number of results"),
    ]


def test_the_needs_of_a_log_are_checked_past_a_topic_that_is_no_mapping(
    make_study: StudyMaker,
) -> None:
    topics = (
        'topics:\n  - verlof\n  - {need: nws, terms: [nieuws]}\n  - {need: leave, terms: ["*"]}\n'
    )
    log = INTRANET.split("topics:")[0].replace("    ", "") + topics
    study = load_study(make_study({**files_with_logs(), "analytics/intranet.yaml": log}))
    found = [(p.location.line, p.message) for p in check_search_logs(study)]
    assert found[1:] == [(9, "unknown need 'nws'"), (10, "'*' would match every search")]
    assert found[0] == (8, "expected a mapping (key: value lines), found the text 'verlof'")


def test_a_column_named_in_other_capitals_is_suggested(make_study: StudyMaker) -> None:
    log = INTRANET.replace("{term: Zoekterm,", "{term: ZOEKTERMEN,")
    study = load_study(make_study({**files_with_logs(), "analytics/intranet.yaml": log}))
    [problem] = check_search_logs(study)
    assert problem.message == "the export intranet-may.csv has no column 'ZOEKTERMEN'"
    assert problem.hint == "did you mean 'Zoekterm'?"


def test_every_column_the_export_lacks_is_told(make_study: StudyMaker) -> None:
    """An export of another tool, with other headings: each of the three columns, at once."""
    log = INTRANET.replace("{term: Zoekterm,", "{term: Query,").replace("Resultaten}", "Results}")
    study = load_study(make_study({**files_with_logs(), "analytics/intranet.yaml": log}))
    messages = [(p.location.line, p.message) for p in check_search_logs(study)]
    assert messages == [
        (6, "the export intranet-may.csv has no column 'Query'"),
        (6, "the export intranet-may.csv has no column 'Results'"),
    ]


def test_a_log_that_is_no_yaml_or_no_mapping_does_not_hide_the_logs_after_it(
    make_study: StudyMaker,
) -> None:
    """Every log is checked: one whose YAML cannot be read, or that is a list, is reported
    with the others' problems."""
    folder = make_study(
        {
            "needs.yaml": NEEDS,
            "groups.yaml": GROUPS,
            "personas.yaml": None,
            "analytics/a.yaml": "id: a\ntitle: [A\n",
            "analytics/b.yaml": "- id: b\n- title: B\n",
            "analytics/c.yaml": "id: c\ntitle: C\nfile: c.csv\ncolumns: {term: Term}\n"
            "topics: [{need: nws, terms: [nieuws]}]\n",
            "analytics/c.csv": "Term\nnieuws\n",
        }
    )
    found = check_search_logs(load_study(folder))
    assert [(p.location.path.name if p.location.path else "", p.location.line) for p in found] == [
        ("a.yaml", 3),
        ("b.yaml", 1),
        ("c.yaml", 5),
    ]
    assert found[0].message.startswith("YAML syntax error: ")
    assert (found[1].message, found[1].hint) == (
        "expected 'key: value' lines at the top of the search log",
        "start with 'id:', 'title:' and 'file:'; see docs/search-logs.md",
    )
    assert found[2].message == "unknown need 'nws'"


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        ('"telefoonlijst;25;0', (6, 1, 8)),  # in the term: the lines merge into one term
        ('telefoonlijst;"25;0', (6, 2, 8)),  # in a count: not a number
    ],
)
def test_a_quote_left_open_is_reported_where_it_opens(
    make_study: StudyMaker, broken: str, where: tuple[int, int, int]
) -> None:
    """A term that opens a quote runs the lines below it into one term, up to the next
    quote, and took their searches out of the log without a word; a count that opens one
    was "not a number". Both are reported where the quote opens."""
    text = INTRANET_CSV.decode().replace("telefoonlijst;25;0", broken)
    text = text.replace("Jan de Vries;2;1", '"Jan de Vries";2;1')
    study = load_study(make_study({**files_with_logs(), "analytics/intranet-may.csv": text}))
    [problem] = check_search_logs(study)
    line, column, last = where
    assert (problem.location.line, problem.location.column) == (line, column)
    assert problem.message == (
        f"a double quote that starts a value here runs on to line {last}: "
        f"lines {line}-{last} read as one row"
    )
    assert problem.hint == (
        f"end the value with a double quote on line {line}, or remove the quote that starts it"
    )


def test_validate_reports_search_log_problems(make_study: StudyMaker) -> None:
    folder = make_study(
        {
            "analytics/a.yaml": "id: a\ntitle: A\nfile: a.csv\ncolumns: {term: t}\n"
            "topics: [{need: nobody, terms: [x]}]\n",
            "analytics/a.csv": "t\nx\n",
        }
    )
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "a.yaml:5:" in result.output and "unknown need 'nobody'" in result.output


def test_cli_terminal_fits_80_columns(study_dir: Path) -> None:
    result = runner.invoke(app, ["searches", str(study_dir)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert (  # the app log does not say how many found nothing: of how many the 66 are
        "115 searches in 2 logs; 81 (70.4%) about a need; of the 109 in logs that say, 66\n"
        "found nothing\n"
    ) in result.output
    assert "parkeren" in result.output and "Leave and holidays" in result.output
    assert "Intranet search: CSV, UTF-8 with BOM, semicolon-separated" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    by_log = result.output[result.output.index("Searches per log") :]
    assert by_log.index("Leave and holidays") < by_log.index("Searched for, but about no need")
    assert " ".join(by_log.split("\n")[3].split()) == "Leave and holidays 3 47 50"  # each log, all


def test_the_terminal_table_of_a_template_fits_80_columns_with_its_terms_whole(
    tmp_path: Path,
) -> None:
    from needmap.scaffold import init_study

    init_study(tmp_path / "s", "gemeente")
    result = runner.invoke(app, ["searches", str(tmp_path / "s")], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    text = " ".join(result.output.split())
    assert "Leemte Meest gezochte termen" in text  # the gap column headed by its mark
    # how the log was read, in the study's language like the rest
    assert "Zoeken op het intranet: CSV, UTF-8 met BOM, gescheiden door puntkomma's" in text
    words = result.output.split()
    assert "parkeervergunning" in words and "zeldzamere" in words  # 3 terms, then the rest
    wide = runner.invoke(app, ["searches", str(tmp_path / "s")], env={"COLUMNS": "200"})
    assert "telefoonlijst (88), smoelenboek (31), telefoonnummer (23), 1 zeldzamere" in wide.output
    assert "\u2026" not in result.output  # nothing cut off


def test_cli_writes_every_format(study_dir: Path, tmp_path: Path) -> None:
    for suffix in (".html", ".pdf", ".md", ".csv", ".xlsx", ".json"):
        target = tmp_path / f"searches{suffix}"
        result = runner.invoke(app, ["searches", str(study_dir), "--out", str(target)])
        assert result.exit_code == 0, result.output
        assert "(115 searches, 2 logs)" in result.output
    csv_text = (tmp_path / "searches.csv").read_bytes().decode("utf-8-sig")
    assert (
        csv_text.splitlines()[2]
        == 'Phone book,Content,29,25.2%,25,gap,"telefoonlijst (25), 1 rarer"'
    )
    workbook = load_workbook(tmp_path / "searches.xlsx")
    assert workbook.sheetnames == ["Searches", "Per log", "Terms without a need"]
    assert workbook["Terms without a need"]["A2"].value == "parkeren"
    # the CSV's row 2 as a spreadsheet holds it: counts and the share as numbers
    phone_book = [(c.value, c.number_format) for c in workbook["Searches"][3]][:6]
    assert phone_book[:5] == [
        ("Phone book", "General"),
        ("Content", "General"),
        (29, "#,##0"),
        (pytest.approx(29 / 115), "0.0%"),
        (25, "#,##0"),
    ]
    assert (tmp_path / "searches.pdf").read_bytes().startswith(b"%PDF-")
    page = (tmp_path / "searches.html").read_text(encoding="utf-8")
    assert '<tr class="gap">' in page and "Searched for, but about no need" in page
    # the need, and the term about no need, head their rows for a screen reader
    assert '<th scope="row">Phone book</th>' in page
    unmatched = page[page.index("Searched for, but about no need") :]
    assert re.search(r'<tr class="gap">\s*<th scope="row">[^<]+</th>', unmatched)
    refused = runner.invoke(app, ["searches", str(study_dir), "--out", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "cannot write the search-log report" in refused.output


def test_terms_that_look_like_formulas_stay_text(make_study: StudyMaker, tmp_path: Path) -> None:
    files = files_with_logs()
    files["analytics/app-searches.csv"] = APP_CSV + b"u7,=1+2,x\n" * 6
    files["analytics/app.yaml"] = APP.rstrip(" ") + '      - {need: dash, terms: ["=*"]}\n'
    folder = make_study(files)
    target = tmp_path / "s.csv"
    assert runner.invoke(app, ["searches", str(folder), "--out", str(target)]).exit_code == 0
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert "Dashboards,Technology,6,5.0%,\u2013,,'=1+2 (6)" in lines
    book = tmp_path / "s.xlsx"
    assert runner.invoke(app, ["searches", str(folder), "--out", str(book)]).exit_code == 0
    cells = [c for row in load_workbook(book)["Searches"].iter_rows() for c in row]
    [cell] = [c for c in cells if c.value == "=1+2 (6)"]
    assert cell.data_type == "s"


def test_cli_json_through_a_subprocess(study_dir: Path) -> None:
    done = run_needmap("searches", str(study_dir), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["searches"], data["matched"], data["no_results"]) == (115, 81, 66)
    assert [n["id"] for n in data["needs"]] == ["leave", "phonebook", "news"]
    assert data["needs_not_searched"] == ["dash"]
    assert data["unmatched"][0] == {"term": "parkeren", "searches": 16, "no_results": 15}
    assert data["min_group_size"] == 5 and data["unmatched_hidden"] == 2
    # hand-checked (the note under APP_CSV): leave is 47 intranet searches and 3 in the app
    assert data["needs"][0] == {
        "id": "leave",
        "searches": 50,
        "no_results": 17,
        "searches_told": 47,  # the app's 3 come from a log that does not say
        "gap": True,
        "gap_in": ["intranet-may"],
        "per_log": {"app": 3, "intranet-may": 47},
        "per_export": {},
        "terms": [
            {"term": "verlof", "searches": 33, "no_results": 0},
            {"term": "verlof aanvragen", "searches": 8, "no_results": 8},
            {"term": "ouderschapsverlof", "searches": 6, "no_results": 6},
        ],
        "hidden_terms": 1,  # vakantiedagen, 3 searches
    }
    assert data["logs"] == [
        {
            "id": "app",
            "title": "App search",
            "period": None,
            "read_as": "CSV, UTF-8, comma-separated",
            "searches": 6,
            "without_term": 0,
            "matched": 5,
            "no_results": None,
            "gap_from": 20,
            "exports": [],
            "unused_topic_terms": [],
            "mapped_elsewhere": [],
        },
        {
            "id": "intranet-may",
            "title": "Intranet search",
            "period": "May 2026",
            "read_as": "CSV, UTF-8 with BOM, semicolon-separated",
            "searches": 109,
            "without_term": 0,
            "matched": 76,
            "no_results": 66,
            "gap_from": 15,
            "exports": [],
            "unused_topic_terms": [
                {"need": "phonebook", "term": "collega*"},
                {"need": "news", "term": "nieuws"},
            ],
            "mapped_elsewhere": [],
        },
    ]


def test_study_without_search_logs(make_study: StudyMaker) -> None:
    study = load_study(make_study())
    evidence = study_searches(study)
    assert evidence.logs == () and evidence.searches == 0
    assert searches_to_markdown(evidence, study) == (  # no summary, no empty table
        "# Search logs: Test study\n\n## Needs people searched for\n\n"
        "_No search logs in analytics/ yet (see docs/search-logs.md)._  \n"
    )
    page = render_searches_page(evidence, study)
    assert '<p class="subtitle">Test org</p>' in page  # no summary after it
    result = runner.invoke(app, ["searches", str(study.root)])
    assert result.exit_code == 0
    assert "No search logs in analytics/ yet" in result.output
    out = study.root.parent / "searches.xlsx"  # tables without rows: their headings
    written = runner.invoke(app, ["searches", str(study.root), "--out", str(out)])
    assert written.exit_code == 0, written.output
    searches, unmatched = load_workbook(out).worksheets
    assert [c.value for c in searches[1]][:3] == ["Need", "Kind", "Searches"]
    assert searches["A3"].value == "No search logs in analytics/ yet (see docs/search-logs.md)."
    assert [[c.value for c in row] for row in unmatched.iter_rows()] == [
        ["Search term", "Searches", "Found nothing"]
    ]


def test_roadmap_shows_searches_beside_the_score(study_dir: Path, make_study: StudyMaker) -> None:
    from needmap.reports.roadmap_report import build_roadmap_table, roadmap_to_json, study_roadmap

    study = load_study(study_dir)
    plan = study_roadmap(study)
    table = build_roadmap_table(plan, study)
    column = table.header.index("Searches")
    assert {row[1]: row[column] for row in table.rows} == {
        "Leave and holidays": "50 (gap)",
        "Phone book": "29 (gap)",
        "News": "2",
        "Dashboards": "\u2013",
    }
    assert table.text_columns[-2:] == (column + 2, column + 3)  # after, brought forward for
    needs = {n["id"]: n for p in roadmap_to_json(plan)["phases"] for n in p["needs"]}
    assert needs["leave"]["searches"] == {"searches": 50, "no_results": 17, "gap": True}
    plain = load_study(
        make_study(
            {"groups.yaml": GROUPS, "needs.yaml": NEEDS, "personas.yaml": None}, name="plain"
        )
    )
    assert "Searches" not in build_roadmap_table(study_roadmap(plain), plain).header
    assert roadmap_to_json(study_roadmap(plain))["phases"][0]["needs"][0]["searches"] is None


PERSONA = """\
    personas:
      - id: sam
        name: Sam
        group: desk
        role: Receptionist
        needs: [phonebook, leave, dash]
    """


def test_personas_show_the_searches_of_their_key_needs(
    study_dir: Path, make_study: StudyMaker
) -> None:
    """Sam's key needs in Sam's order: phone book 29 (gap), leave 50 (gap), dashboards none;
    the searches are everyone's (logs have no groups), and the legend says so."""
    from needmap.reports.personas_report import (
        persona_profiles,
        persona_views,
        personas_to_json,
        personas_to_markdown,
        render_personas_page,
    )

    (study_dir / "personas.yaml").write_text(textwrap.dedent(PERSONA), encoding="utf-8")
    study = load_study(study_dir)
    profiles = persona_profiles(study)
    (view,) = persona_views(profiles, study)
    assert view.needs_header[-1] == "Searches"
    assert [(row.title, row.votes) for row in view.needs] == [
        ("Phone book", ("29 (gap)",)),
        ("Leave and holidays", ("50 (gap)",)),
        ("Dashboards", ("\u2013",)),
    ]
    needs = personas_to_json(profiles, study)["personas"][0]["needs"]
    assert [n["searches"] for n in needs] == [
        {"searches": 29, "no_results": 25, "gap": True},
        {"searches": 50, "no_results": 17, "gap": True},
        {"searches": 0, "no_results": 0, "gap": False},
    ]
    hint = "Searches: how often the search logs looked for the need, everyone's searches"
    assert hint.replace("'", "&#39;") in render_personas_page(profiles, study)
    assert f"_{hint}" in personas_to_markdown(profiles, study)

    plain = make_study(
        {"groups.yaml": GROUPS, "needs.yaml": NEEDS, "personas.yaml": PERSONA}, name="plain"
    )
    plain_study = load_study(plain)
    plain_profiles = persona_profiles(plain_study)
    (plain_view,) = persona_views(plain_profiles, plain_study)
    assert "Searches" not in plain_view.needs_header
    assert all(row.votes == () for row in plain_view.needs)
    plain_needs = personas_to_json(plain_profiles, plain_study)["personas"][0]["needs"]
    assert [n["searches"] for n in plain_needs] == [None] * 3
    assert "Searches:" not in render_personas_page(plain_profiles, plain_study)


def test_a_wide_terminal_shows_the_roadmap_evidence_columns(study_dir: Path) -> None:
    wide = runner.invoke(app, ["roadmap", str(study_dir)], env={"COLUMNS": "120"})
    assert wide.exit_code == 0, wide.output
    header = next(line for line in wide.stdout.splitlines() if "Searches" in line)
    assert header.split()[:6] == ["#", "Need", "Score", "Votes", "Platform", "Searches"]
    leave = next(line for line in wide.stdout.splitlines() if "Leave and holidays" in line)
    assert "50 (gap)" in leave
    assert "in a terminal of 110 columns" not in wide.stdout
    narrow = runner.invoke(app, ["roadmap", str(study_dir)], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0
    assert max(len(line.rstrip()) for line in narrow.stdout.splitlines()) <= 80
    assert "50 (gap)" not in narrow.stdout
    assert "Platform, Searches: in a terminal of 110 columns or more" in narrow.stdout
    dutch = runner.invoke(
        app, ["roadmap", str(study_dir), "--language", "nl"], env={"COLUMNS": "80"}
    )
    assert "Platform, Zoekopdrachten: in een terminal van 110 kolommen of meer" in dutch.stdout


def test_a_need_s_title_written_for_its_id_in_a_topic_is_one_problem(
    make_study: StudyMaker,
) -> None:
    """Not also "not a valid id" at the same place; the hint gives the id."""
    intranet = INTRANET.replace("need: phonebook", "need: Phone BOOK")
    study = load_study(make_study({**files_with_logs(), "analytics/intranet.yaml": intranet}))
    [problem] = check_search_logs(study)
    assert (problem.message, problem.hint) == (
        "unknown need 'Phone BOOK'",
        "that is the title of need 'phonebook': write its id, phonebook",
    )


def test_a_file_pattern_reads_several_exports_as_one_log(make_study: StudyMaker) -> None:
    """The months of one search box: 'intranet-*.csv' reads May and June (the same rows
    again) in the order of their months (May first), and sums them; a file of notes beside
    them is no export. By hand: leave is 47 intranet searches a month and the app's 3."""
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*")
    files["analytics/intranet-may.csv"] = INTRANET_CSV + b";2;0\r\n"  # no term: left out
    files["analytics/intranet-june.csv"] = INTRANET_CSV + b"(not set);3;0\r\n"
    files["analytics/intranet-notes.md"] = "Exported by hand on the first of the month.\n"
    root = make_study(files)
    _, evidence = _evidence(root)
    _, intranet = evidence.logs
    assert intranet.exports == ("intranet-may.csv", "intranet-june.csv")
    assert intranet.export_labels == ("may", "june")  # two are side by side too
    assert (intranet.searches, intranet.no_results, intranet.without_term) == (218, 132, 5)
    leave = evidence.for_need("leave")
    assert (leave.searches, leave.no_results, leave.searches_told) == (97, 34, 94)
    assert evidence.logs[0].exports == ()  # one export: none listed
    shown = runner.invoke(app, ["searches", str(root)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert (
        "Intranet search: 2 exports, intranet-may.csv to intranet-june.csv; the first: CSV, "
        "UTF-8 with BOM, semicolon-separated"
    ) in shown.stdout
    data = json.loads(runner.invoke(app, ["searches", str(root), "--json"]).stdout)
    assert [log["exports"] for log in data["logs"]] == [
        [],
        ["intranet-may.csv", "intranet-june.csv"],
    ]
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-???.csv")
    may_root = make_study(files, name="may")
    _, may = _evidence(may_root)
    assert may.logs[1].exports == ("intranet-may.csv",)  # ? is one character: not june
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "'*/terms.csv'")
    files["analytics/2026-06/terms.csv"] = files.pop("analytics/intranet-june.csv")
    files["analytics/2026-05/terms.csv"] = files.pop("analytics/intranet-may.csv")
    _, folders = _evidence(make_study(files, name="folders"))
    assert folders.logs[1].exports == ("2026-05/terms.csv", "2026-06/terms.csv")  # apart
    assert folders.logs[1].export_labels == ("2026-05", "2026-06")
    assert may.logs[1].export_labels == ()  # one export: the log's own column
    assert may.needs[0].per_export == ((), ())
    assert build_searches_by_log(may, load_study(may_root)).header[1:] == (
        "App search",
        "Intranet search (May 2026)",
        "All logs",
    )
    one = runner.invoke(app, ["searches", str(may_root)], env={"COLUMNS": "200"})
    assert "\nIntranet search: CSV, UTF-8 with BOM, semicolon-separated" in one.stdout


def test_a_log_s_monthly_exports_stand_side_by_side_in_the_order_of_their_months(
    make_study: StudyMaker,
) -> None:
    """One log of monthly exports ('intranet-*.csv') was one column: a need searched for
    more each month did not show. Each export is a column, named by what its name adds to
    the pattern, April before May before June (not in the order of their names). By hand:
    leave is 10 + 8 + 6 + 3 = 27 searches in April, 47 in May, 50 + 17 = 67 in June, and
    the app's 3; the phone book 29 each month."""
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*.csv")
    files["analytics/intranet-april.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;10")
    files["analytics/intranet-june.csv"] = INTRANET_CSV.replace(b"verlof;30", b"verlof;50")
    root = make_study(files)
    study, evidence = _evidence(root)
    _, intranet = evidence.logs
    assert intranet.exports == ("intranet-april.csv", "intranet-may.csv", "intranet-june.csv")
    assert intranet.export_labels == ("april", "may", "june")
    leave, phonebook = evidence.for_need("leave"), evidence.for_need("phonebook")
    assert (leave.per_log, leave.per_export, leave.searches) == ((3, 141), ((), (27, 47, 67)), 144)
    assert phonebook.per_export == ((), (29, 29, 29))
    table = build_searches_by_log(evidence, study)
    assert (table.title, table.sheet) == ("Searches per log", "Per log")
    assert table.header == (
        "Need",
        "App search",
        "Intranet search: April",
        "Intranet search: May",
        "Intranet search: June",
        "All logs",
    )
    assert table.rows[:2] == (
        ("Leave and holidays", "3", "27", "47", "67", "144"),
        ("Phone book", "0", "29", "29", "29", "87"),
    )
    assert table.group_columns == (1, 2, 3, 4)
    data = json.loads(runner.invoke(app, ["searches", str(root), "--json"]).stdout)
    assert data["needs"][0]["per_export"] == {
        "intranet-may": {"intranet-april.csv": 27, "intranet-may.csv": 47, "intranet-june.csv": 67}
    }
    del files["analytics/app.yaml"]
    alone = make_study(files, name="alone")
    study, evidence = _evidence(alone)
    table = build_searches_by_log(evidence, study)
    assert (table.title, table.sheet) == ("Searches per export", "Per export")
    assert table.header == ("Need", "April", "May", "June", "All exports")  # as in a date
    assert table.rows[0] == ("Leave and holidays", "27", "47", "67", "141")
    shown = runner.invoke(app, ["searches", str(alone)], env={"COLUMNS": "200"})
    assert "Searches per export" in shown.stdout, shown.output


def test_two_years_of_monthly_exports_are_shown_in_parts_that_fit_the_terminal(
    make_study: StudyMaker,
) -> None:
    """A column per export ran far past the terminal's edge: the exports are shown in
    runs that fit beside the needs, each titled as its part, as the PDF splits them; a
    few exports stay one table."""
    files = files_with_logs()
    del files["analytics/app.yaml"]
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*.csv")
    del files["analytics/intranet-may.csv"]
    months = [f"{year}-{month:02}" for year in (2025, 2026) for month in range(1, 13)]
    for n, month in enumerate(months):
        files[f"analytics/intranet-{month}.csv"] = INTRANET_CSV.replace(
            b"verlof;30", f"verlof;{30 + n}".encode()
        )
    root = make_study(files)
    shown = runner.invoke(app, ["searches", str(root)], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    tables = lines[lines.index("Searches per export") :]
    assert max(map(len, tables)) <= 80
    titles = [line for line in lines if line.startswith("Searches per export")]
    assert titles == [
        "Searches per export",
        *(f"Searches per export ({n} of 4)" for n in (1, 2, 3, 4)),
    ]
    headings = [line.split()[1:] for line in lines if line.startswith("Need ") and "20" in line]
    assert [h for heading in headings for h in heading] == months  # each once, in order
    study, evidence = _evidence(root)
    table = build_searches_by_log(evidence, study)
    assert terminal_parts(table, 400) == (table,)


def test_a_file_pattern_that_matches_nothing_or_a_broken_export_is_told(
    make_study: StudyMaker,
) -> None:
    files = files_with_logs()
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-20*.csv")
    root = make_study(files)
    problems = check_search_logs(load_study(root))
    assert [((p.location.path or Path()).name, p.key, p.message) for p in problems] == [
        ("intranet.yaml", "file", "no export matches 'intranet-20*.csv'")
    ]
    assert problems[0].hint == f"put the exports in {root / 'analytics'}, or correct file:"
    files["analytics/intranet.yaml"] = INTRANET.replace("intranet-may.csv", "intranet-*.csv")
    files["analytics/intranet-june.csv"] = INTRANET_CSV.replace(b"verlof;30;", b"verlof;x;")
    files["analytics/intranet-july.csv"] = INTRANET_CSV.replace(b"Zoekterm", b"Term")
    broken = make_study(files, name="broken")
    told = [
        ((p.location.path or Path()).name, p.message) for p in check_search_logs(load_study(broken))
    ]
    assert told == [  # each export's problem, not only the first's
        ("intranet-june.csv", "'x' is not a number of searches"),
        ("intranet.yaml", "the export intranet-july.csv has no column 'Zoekterm'"),
    ]


def test_one_rarer_term_is_told_in_the_singular() -> None:
    study = Study(
        root=Path(),
        settings=StudySettings.model_validate({"name": "P", "organisation": "O", "language": "en"}),
        needs=tuple(Need(id=n, title=n, kind="content") for n in ("n1", "n2")),
    )
    rare = analyse_searches(study, [log_data([("parkeren", 1, 0)])])
    assert build_unmatched_table(rare, study).notes == (
        "1 rarer term matches no need and is not shown.",
    )
    dutch = study.in_language("nl")
    assert build_unmatched_table(rare, dutch).notes == (
        "1 zeldzamere term hoort bij geen behoefte en wordt niet getoond.",
    )


def test_a_term_with_the_organisation_s_name_is_shown_one_with_a_surname_is_not() -> None:
    """A firm named after a family (Van Dijk) names no person; a colleague's surname does."""
    study = Study(
        root=Path(),
        settings=StudySettings.model_validate(
            {"name": "P", "organisation": "Van Dijk Installatietechniek", "language": "en"}
        ),
        needs=tuple(Need(id=n, title=n, kind="content") for n in ("n1", "n2")),
    )
    rows = [("contact Van Dijk", 9, 0), ("bel Van den Berg", 9, 0), ("nieuws", 9, 0)]
    data = searches_to_json(analyse_searches(study, [log_data(rows)]))
    assert [t["term"] for t in data["unmatched"]] == ["contact Van Dijk"]
