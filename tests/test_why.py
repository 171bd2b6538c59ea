"""``needmap why``: one need explained, from its groups to its evidence."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.reports.brief import brief_to_markdown, render_brief, study_brief
from needmap.reports.why_report import (
    need_story,
    render_why_page,
    why_sections,
    why_to_json,
    why_to_markdown,
    write_why,
)
from tests.conftest import StudyMaker, private_survey_study, run_needmap

runner = CliRunner()

NEEDS = """\
    needs:
      - id: search
        title: Search
        kind: function
        groups: {desk: must, field: should}
        depends_on: [mobile]
      - id: mobile
        title: Works on a phone
        kind: technology
        groups: {field: must}
        effort: s
    """


def test_a_need_is_explained_as_checked_by_hand(make_study: StudyMaker) -> None:
    """Demand: search 3x10 + 2x20 = 70, mobile 3x20 = 60 of 130. Search (m, 3 points)
    scores 53.8 / 3 = 17.9; mobile (s, 2 points) 46.2 / 2 = 23.1 and goes first anyway,
    since search waits for it. Both fit in Now (20 points)."""
    study = load_study(make_study({"needs.yaml": NEEDS}))
    assert why_sections(need_story(study, "search")) == [
        ("Search (search) · Functions · effort ? (3)", []),
        (
            "Who needs it",
            [
                "Must: Front desk (10 people)",
                "Should: Field staff (20 people)",
                "Needed by 2 of 2 groups: 53.8% of the weighted demand; region AB; belongs "
                "on: shared platform.",
            ],
        ),
        (
            "Where the roadmap puts it",
            [
                "Now: number 2 of 2 in plan order.",
                "Score 17.95 = demand 53.85% \u00d7 evidence factor 1.00 ÷ 3 effort points.",
                "Comes after: Works on a phone.",
            ],
        ),
        (
            "Evidence",
            [
                "No top-task survey imported yet.",
                "No interviews that may be shown.",
                "No search logs.",
            ],
        ),
    ]
    mobile = why_sections(need_story(study, "mobile"))
    assert mobile[0][0] == "Works on a phone (mobile) · Technology · effort S (2)"
    assert mobile[2][1][:2] == [
        "Now: number 1 of 2 in plan order.",
        "Score 23.08 = demand 46.15% \u00d7 evidence factor 1.00 ÷ 2 effort points.",
    ]
    assert mobile[-1] == ("Key need of the personas", ["Henk"])
    markdown = why_to_markdown(need_story(study, "search"))
    assert markdown.startswith(
        "# Search (search) · Functions · effort ? (3)\n\n## Who needs it\n\n"
        "- Must: Front desk (10 people)\n"
    )
    assert markdown.count("\n## ") == 3
    placements = {n: why_to_json(need_story(study, n))["placement"] for n in ("search", "mobile")}
    assert placements == {"search": "shared", "mobile": "specific"}


def test_each_need_is_told_its_own_phase(make_study: StudyMaker) -> None:
    """Now holds 2 points: mobile (s, 2 points) fits; search (m, 3) waits for Later."""
    study_yaml = (
        "name: T\norganisation: O\nlanguage: en\nroadmap:\n  phases:\n"
        "    - {id: now, name: Now, capacity: 2}\n    - {id: later, name: Later}\n"
    )
    study = load_study(make_study({"study.yaml": study_yaml, "needs.yaml": NEEDS}))
    assert [need_story(study, n).phase for n in ("mobile", "search")] == ["Now", "Later"]
    search = need_story(study, "search")
    assert dict(why_sections(search))["Where the roadmap puts it"][2] == (
        "Not earlier: too little room when its turn came (Now: full); it takes 3 points."
    )
    assert why_to_json(search)["passed_over"] == [{"phase": "now", "room": 0.0}]
    assert "Not earlier" not in str(why_sections(need_story(study, "mobile")))
    # the roadmap in the terminal ends with how to ask about it; where every need is in the
    # first phase it could be in, there is nothing to ask
    shown = runner.invoke(app, ["roadmap", str(study.root)])
    assert shown.stdout.splitlines()[-2:] == [
        "Why a need is where it is, and not sooner:",
        f"  needmap why {study.root} search",
    ]
    roomy = runner.invoke(app, ["roadmap", str(make_study({"needs.yaml": NEEDS}, "roomy"))])
    assert roomy.exit_code == 0 and "needmap why" not in roomy.stdout


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("en", ["1 of 2 needs planned in 1 phase", "the one need of Now, with its reasons"]),
        ("nl", ["1 van 2 behoeften gepland in 1 fase", "de ene behoefte van Now, met de redenen"]),
    ],
)
def test_one_phase_with_one_need_reads_in_the_singular(
    make_study: StudyMaker, language: str, phrases: list[str]
) -> None:
    """Only mobile (s, 2 points) fits the one phase: nothing reads "1 phases" or "the 1
    needs"."""
    study_yaml = (
        f"name: T\norganisation: O\nlanguage: {language}\nroadmap:\n  phases:\n"
        "    - {id: now, name: Now, capacity: 2}\n"
    )
    study = load_study(make_study({"study.yaml": study_yaml, "needs.yaml": NEEDS}))
    content = study_brief(study)
    text = " ".join([*brief_to_markdown(content).split(), *render_brief(content).split()])
    assert all(phrase in text for phrase in phrases)
    assert not re.search(r"\b1 (?:phases|fasen|needs|behoeften)\b", text)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Needed by the study's one group: 100.0% of the weighted demand; region A; "),
        ("nl", "Nodig voor de enige groep van het onderzoek: 100,0% van de gewogen vraag; "),
    ],
)
def test_a_study_of_one_group_reads_not_of_1_of_1_groups(
    make_study: StudyMaker, language: str, line: str
) -> None:
    groups = "groups:\n  - {id: staff, name: Staff, headcount: 40}\n"
    needs = "needs:\n  - {id: search, title: Search, kind: function, groups: {staff: must}}\n"
    study = load_study(
        make_study(
            {
                "study.yaml": f"name: T\norganisation: O\nlanguage: {language}\n",
                "groups.yaml": groups,
                "needs.yaml": needs,
                "personas.yaml": "personas: []\n",
            }
        )
    )
    (told,) = [t for t in why_sections(need_story(study, "search"))[1][1] if "100" in t]
    assert told.startswith(line), told


@pytest.mark.parametrize(
    ("language", "capacity", "line"),
    [
        (
            "en",
            2,
            "In no phase: too little room when its turn came (Now: full); it takes 3 points.",
        ),
        (
            "nl",
            3,
            "In geen fase: te weinig ruimte toen deze behoefte aan de beurt was (Now: nog 1 punt "
            "over); ze vraagt 3 punten.",
        ),
        (
            "en",
            4.5,
            "In no phase: too little room when its turn came (Now: 2.5 points left); it "
            "takes 3 points.",
        ),
    ],
)
def test_a_need_in_no_phase_says_what_room_the_phases_had(
    make_study: StudyMaker, language: str, capacity: float, line: str
) -> None:
    """Mobile (2 points) takes its room first; search (3) then finds too little."""
    study_yaml = (
        f"name: T\norganisation: O\nlanguage: {language}\nroadmap:\n  phases:\n"
        f"    - {{id: now, name: Now, capacity: {capacity}}}\n"
    )
    study = load_study(make_study({"study.yaml": study_yaml, "needs.yaml": NEEDS}))
    story = need_story(study, "search")
    assert story.phase is None
    assert line in why_sections(story)[2][1]


def _heard_and_searched(make_study: StudyMaker, quotes: int) -> list[str]:
    """Search's evidence lines when the desk (5 people) said ``quotes`` things for it and
    seven terms about it were searched 20 down to 14 times."""
    said = "".join(f"          - {{text: Quote {i}., needs: [search]}}\n" for i in range(quotes))
    terms = "".join(f"zoek {c};{20 - i};3\n" for i, c in enumerate("abcdefg"))
    root = make_study(
        {
            "needs.yaml": NEEDS,
            "interviews/r1.yaml": "interviews:\n  - id: i1\n    group: desk\n"
            f"    participants: 5\n    quotes:\n{said}",
            "analytics/log.yaml": "id: log\ntitle: Log\nfile: log.csv\n"
            "columns: {term: term, searches: searches, results: results}\n"
            "topics:\n  - {need: search, terms: ['zoek*']}\n",
            "analytics/log.csv": "term;searches;results\n" + terms,
        },
        name=f"said-{quotes}",
    )
    (evidence,) = [
        lines
        for heading, lines in why_sections(need_story(load_study(root), "search"))
        if heading == "Evidence"
    ]
    return evidence


def test_a_need_names_three_quotes_and_five_terms_and_counts_the_rest(
    make_study: StudyMaker,
) -> None:
    for quotes, more in (
        (3, []),
        (4, ["and 1 more quote (needmap interviews DIR)."]),
        (5, ["and 2 more quotes (needmap interviews DIR)."]),
    ):
        lines = _heard_and_searched(make_study, quotes)
        said = [line for line in lines if line.startswith("\u201cQuote")]
        assert said == [f"\u201cQuote {i}.\u201d (Front desk, supports)" for i in range(3)]
        assert [line for line in lines if " more quote" in line] == more
    assert lines[-1] == (
        "Searched for as: zoek a (20), zoek b (19), zoek c (18), zoek d (17), zoek e (16)."
    )


def test_a_need_others_wait_for_says_whose_score_raised_it(make_study: StudyMaker) -> None:
    """Swap the efforts: mobile (m) scores 46.2 / 3 = 15.4, below search (s) at 53.8 / 2 =
    26.9, which waits for it, so mobile is planned by search's score."""
    needs = NEEDS.replace("groups: {field: must}\n        effort: s", "groups: {field: must}")
    needs = needs.replace("kind: function\n", "kind: function\n        effort: s\n")
    study = load_study(make_study({"needs.yaml": needs}))
    lines = why_sections(need_story(study, "mobile"))[2][1]
    assert lines[1:] == [
        "Score 15.38 = demand 46.15% \u00d7 evidence factor 1.00 ÷ 3 effort points.",
        "Planned by a priority of 26.92: the score of what depends on it (Search).",
    ]
    data = why_to_json(need_story(study, "mobile"))
    assert (data["priority"], data["needed_by"], data["rank"]) == (26.9231, ["search"], 1)


def test_the_evidence_of_a_need_comes_from_every_source(demo: Path) -> None:
    """The municipality demo: the people finder has survey votes, an interview and
    searches that found nothing often enough to be a content gap."""
    study = load_study(demo / "study")
    story = need_story(study, "people-finder")
    evidence = dict(why_sections(story))["Evidence"]
    assert re.fullmatch(
        r"Intranet top-task survey, March 2026: [\d,]+ votes \([\d.]+%; weighted [\d.]+% of all "
        r"votes\) for the tasks: Find a colleague, by name or expertise\.",
        evidence[0],
    ), evidence[0]
    assert evidence[1] == (
        "Since Intranet top-task survey, March 2024: 10.2% of all votes then, 10.3% now "
        "(▲\u00a00.1\u00a0points)."
    )
    assert evidence[2] == (  # the demo's survey is held three times
        "In all 3 runs, oldest first: 8.7%, 10.2%, 10.3% of all votes (▲\u00a01.6\u00a0points "
        "since Intranet top-task survey, March 2022)."
    )
    assert evidence[3].startswith("Interviews: supported in 1, questioned in 0.")
    assert evidence[4].startswith("\u201c") and evidence[4].endswith(", supports)")
    assert re.fullmatch(r"Searches: \d+, of which \d+ found nothing\. A content gap\.", evidence[5])
    assert evidence[6] == "Per export: March 72, April 99, May 148."  # the demo's months
    assert evidence[7].startswith("Searched for as: phone list (")
    data = why_to_json(story)
    assert data["searches"]["gap"] is True and "phone list" in data["searches"]["terms"]
    assert list(data["searches"]["per_export"].values()) == [
        {
            "search-terms-march-2026.csv": 72,
            "search-terms-april-2026.csv": 99,
            "search-terms-may-2026.csv": 148,
        }
    ]
    assert data["surveys"][0]["tasks"] == ["colleague"]
    assert data["surveys"][0]["votes"] > 0 and 0 < data["surveys"][0]["weighted_share"] < 1
    assert data["interviews"]["supported"] == 1
    assert data["interviews"]["questioned"] == 0 and len(data["interviews"]["quotes"]) == 1
    assert set(data["interviews"]["quotes"][0]) == {"text", "signal"}
    assert data["surveys"][0]["survey"] == "toptasks-2026"
    keys = {"survey", "tasks", "votes", "share", "weighted_share"}
    assert set(data["surveys"][0]) == {*keys, "since", "every_run"}
    assert [run["survey"] for run in data["surveys"][0]["every_run"]] == [
        "toptasks-2022",
        "toptasks-2024",
        "toptasks-2026",
    ]
    assert data["surveys"][0]["since"] == {
        "survey": "toptasks-2024",
        "tasks": ["colleague"],
        "votes": 183,
        "share": 0.1098,
        "weighted_share": 0.1015,
    }
    assert data["searches"]["searches"] > data["searches"]["no_results"] > 0
    assert data["points"] == 3.0 and data["depends_on"] == ["sso"] and data["personas"]


def test_a_dutch_study_explains_in_dutch(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "study.yaml": "name: Onderzoek\norganisation: Gemeente\nlanguage: nl\n",
            "needs.yaml": NEEDS,
        }
    )
    story = need_story(load_study(root), "search")
    sections = why_sections(story)
    write_why(story, root / "search.json")
    written = (root / "search.json").read_text(encoding="utf-8")
    assert written.endswith("}\n")
    assert json.loads(written)["phase"] == "Nu"
    assert [heading for heading, _ in sections[1:]] == [
        "Wie heeft het nodig",
        "Waar de roadmap het plaatst",
        "Bewijs",
    ]
    assert sections[2][1][:2] == [
        "Nu: nummer 2 van 2 in de planning.",
        "Score 17,95 = vraag 53,85% \u00d7 bewijsfactor 1,00 ÷ 3 omvangpunten.",
    ]


def test_a_study_of_one_log_gives_no_line_per_log(make_study: StudyMaker) -> None:
    """The searches' own line says it all: 47 in the one log."""
    from tests.search_logs import files_with_logs

    files = files_with_logs()
    files["analytics/app.yaml"] = None
    story = need_story(load_study(make_study(files)), "leave")
    evidence = dict(why_sections(story))["Evidence"]
    assert evidence[-2].startswith("Searches: 47, of which 17 found nothing.")
    assert not any(line.startswith("Per ") for line in evidence)
    assert why_to_json(story)["searches"]["per_export"] == {}


def test_a_need_searched_too_rarely_to_show_its_terms_is_no_gap(make_study: StudyMaker) -> None:
    """News was searched twice, in the app, whose log does not say whether they found
    anything: no content gap, no count of them (not "0 found nothing"), and no term line
    (a term searched twice is below the minimum of 5). Its description opens the
    Markdown."""
    from tests.search_logs import files_with_logs

    files = files_with_logs()
    files["needs.yaml"] = str(files["needs.yaml"]).replace(
        "{id: news, title: News,", "{id: news, title: News, description: What goes on here.,"
    )
    story = need_story(load_study(make_study(files)), "news")
    assert dict(why_sections(story))["Evidence"][-2:] == [
        "Searches: 2 (the logs do not say how many found nothing).",
        "Per log: App search 2, Intranet search (May 2026) 0.",  # each log's, side by side
    ]
    leave = need_story(load_study(make_study(files, "leave")), "leave")  # 47 + the app's 3
    assert dict(why_sections(leave))["Evidence"][-3] == (
        "Searches: 50; of the 47 in the logs that say, 17 found nothing. A content gap."
    )
    assert why_to_markdown(story).startswith(
        "# News (news) · Content · effort ? (3)\n\nWhat goes on here.\n\n## Who needs it\n"
    )
    # by hand: the desk's weights are must 3, must 3, could 1, could 1, so news has 1/8 of
    # the demand, and a score of 12.5 / 3 points; leave and the phone book come first
    assert why_to_json(story) == {
        "id": "news",
        "title": "News",
        "kind": "content",
        "groups": {"desk": "could"},
        "region": "A",
        "placement": "shared",
        "phase": "Now",
        "rank": 3,
        "score": 4.1667,
        "priority": 4.1667,
        "demand_share": 0.125,
        "evidence_factor": 1.0,
        "points": 3.0,
        "depends_on": [],
        "needed_by": [],
        "decided": False,
        "due_for": [],
        "passed_over": [],
        "surveys": [],
        "interviews": None,
        "searches": {
            "searches": 2,
            "no_results": None,
            "searches_told": 0,
            "gap": False,
            "per_log": {"app": 2, "intranet-may": 0},
            "per_export": {},
            "terms": [],
        },
        "personas": [],
    }


def test_an_unknown_need_is_told_how_to_find_the_needs(make_study: StudyMaker) -> None:
    root = make_study()
    with pytest.raises(UsageError) as raised:
        need_story(load_study(root), "coffee")
    [problem] = raised.value.problems
    assert (problem.message, problem.hint) == (
        "the study has no need 'coffee'",
        f"use a need's id or its title; needmap needs list {root} shows them",
    )
    # a group or a persona named instead, by id or name: why explains needs only
    for named, kind in [("desk", "group"), ("Field staff", "group"), ("henk", "persona")]:
        with pytest.raises(UsageError) as raised:
            need_story(load_study(root), named)
        assert raised.value.problems[0].hint == (
            f"'{named}' is a {kind}; name a need, by its id or title (needmap needs list "
            f"{root} shows them)"
        )


def test_small_groups_and_respondents_stay_hidden(tmp_path: Path) -> None:
    root = private_survey_study(tmp_path)
    study = load_study(root)
    for need in study.needs:
        story = need_story(study, need.id)
        text = json.dumps(why_to_json(story)) + repr(why_sections(story))
        assert "n=3" not in text and "60.0%" not in text and "42.9%" not in text
        assert not re.search(r"\br\d\d\b", text)


def test_cli_prints_writes_and_refuses(demo: Path, tmp_path: Path) -> None:
    study = str(demo / "study")
    shown = runner.invoke(app, ["why", study, "sso"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith("Single sign-on (sso) · Technology")
    assert "\nWhere the roadmap puts it\n  Now: number " in shown.stdout
    assert "\n  No interview speaks of it.\n" in shown.stdout  # interviews exist, none on sso
    assert (
        "\n  Intranet top-task survey, March 2026: no task of the survey serves this need.\n"
        in (shown.stdout)
    )
    out = tmp_path / "sso.md"
    written = runner.invoke(app, ["why", study, "sso", "-o", str(out)])
    assert written.exit_code == 0 and written.stdout == f"wrote {out}\n"
    markdown = out.read_text(encoding="utf-8")
    assert markdown.startswith("# Single sign-on (sso)")
    assert "\n\n## Where the roadmap puts it\n\n- Now: number " in markdown
    as_json = runner.invoke(app, ["why", study, "sso", "--json"])
    data = json.loads(as_json.stdout)
    assert data["phase"] == "Now"
    scored = need_story(load_study(demo / "study"), "sso").scored
    exact = {k: getattr(scored, k) for k in ("score", "demand_share", "evidence_factor")}
    assert {k: data[k] for k in exact} == {k: round(v, 4) for k, v in exact.items()}
    assert any(round(v, 4) != v for v in exact.values())  # so the rounding shows
    # no task of the survey is evidence for single sign-on
    assert [(v["tasks"], v["votes"], v["share"], v["weighted_share"]) for v in data["surveys"]] == [
        ([], 0, None, None)
    ]
    by_title = runner.invoke(app, ["why", study, "single SIGN-on"])
    assert by_title.exit_code == 0 and by_title.stdout == shown.stdout
    near_title = runner.invoke(app, ["why", study, "SINGLE SIGN ON"])
    assert near_title.exit_code == 2 and "did you mean 'Single sign-on'?" in near_title.stderr
    unknown = runner.invoke(app, ["why", study, "serch"])
    assert unknown.exit_code == 2
    assert "the study has no need 'serch'" in unknown.stderr
    assert "did you mean 'search'?" in unknown.stderr
    by_word = runner.invoke(app, ["why", study, "projector"])  # a word of its title
    assert by_word.exit_code == 2 and (
        "did you mean 'book-room' (Book a meeting room with lunch and projector)?"
        in " ".join(by_word.stderr.split())
    )
    nothing_near = runner.invoke(app, ["why", study, "coffee"])
    assert nothing_near.exit_code == 2
    assert f"use a need's id or its title; needmap needs list {study} shows them" in " ".join(
        nothing_near.stderr.split()
    )
    refused = runner.invoke(app, ["why", study, "sso", "-o", str(tmp_path / "sso.docx")])
    assert refused.exit_code == 2
    assert "use a name ending in .html, .pdf, .md or .json" in refused.stderr
    page = tmp_path / "sso.html"
    assert runner.invoke(app, ["why", study, "sso", "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "<title>Why this need is where it is: Single sign-on</title>" in html
    assert '<main class="portrait">' in html
    assert html.count('<article class="why">') == 1
    assert "<h2>Single sign-on (sso) · Technology" in html


def test_the_terminal_wraps_between_words_at_its_width(demo: Path) -> None:
    result = runner.invoke(app, ["why", str(demo / "study"), "search"], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 60
    assert not any(line.endswith(" ") for line in result.stdout.splitlines())
    printed = " ".join(result.stdout.split())
    for _, lines in why_sections(need_story(load_study(demo / "study"), "search"))[1:]:
        for line in lines:  # a word broken at the edge would read as two words here
            assert " ".join(line.split()) in printed


def test_a_subprocess_explains_a_need(demo: Path) -> None:
    result = run_needmap("why", str(demo / "study"), "search")
    assert result.returncode == 0, result.stderr
    assert "One search across all sources (search)" in result.stdout


def test_a_need_no_group_needs_is_explained_too(make_study: StudyMaker) -> None:
    """A need without groups is in no region of the overlap (validate warns about it); the
    story says so instead of failing, and the brief still has its chapter."""
    orphan = NEEDS + "  - {id: orphan, title: Nobody's need, kind: content}\n"
    study = load_study(make_study({"needs.yaml": orphan}))
    story = need_story(study, "orphan")
    assert why_sections(story)[1] == (
        "Who needs it",
        ["No group needs it yet: it is in no region and has no demand."],
    )
    assert why_to_json(story)["region"] is None
    brief = render_brief(study_brief(study))
    assert "Nobody&#39;s need (orphan)" in brief[brief.index('id="why-first"') :]


def test_a_dutch_study_explains_in_english_when_asked(make_study: StudyMaker) -> None:
    """--language swaps the labels and the default phase names; the study's own words stay."""
    dutch = {"study.yaml": "name: Onderzoek\norganisation: Gemeente\nlanguage: nl\n"}
    root = make_study({**dutch, "needs.yaml": NEEDS})
    sections = why_sections(need_story(load_study(root).in_language("en"), "search"))
    assert sections[2] == (
        "Where the roadmap puts it",
        [
            "Now: number 2 of 2 in plan order.",
            "Score 17.95 = demand 53.85% \u00d7 evidence factor 1.00 ÷ 3 effort points.",
            "Comes after: Works on a phone.",
        ],
    )
    shown = run_needmap("why", str(root), "search", "--language", "en")
    assert shown.returncode == 0, shown.stderr
    assert "\nWhere the roadmap puts it\n  Now: number 2 of 2 in plan order.\n" in shown.stdout
    refused = runner.invoke(app, ["why", str(root), "search", "-l", "de"])
    assert refused.exit_code == 2
    assert "unknown language 'de'" in refused.stderr and "use nl or en" in refused.stderr
    tagged = runner.invoke(app, ["why", str(root), "search", "-l", "nl-NL"])
    assert tagged.exit_code == 2
    assert "unknown language 'nl-NL'\n    hint: did you mean 'nl'?" in tagged.stderr


def test_one_need_s_page_stands_alone_in_portrait_and_the_first_phase_s_page_in_landscape(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """``why --out`` writes one need on its own (its title in the page's title, portrait);
    the brief's chapter, by default, the needs of the first phase (landscape)."""
    study = load_study(make_study({"needs.yaml": NEEDS.replace("title: Search", "title: Zoekén")}))
    story = need_story(study, "search")
    first = render_why_page([story], study)
    assert "<title>Why these needs come first" in first
    assert "the one need of Now, with its reasons and evidence" in first
    assert '<main class="landscape">' in first
    write_why(story, tmp_path / "search.pdf")
    from pypdf import PdfReader

    page = PdfReader(tmp_path / "search.pdf").pages[0]
    assert page.mediabox.width < page.mediabox.height  # A4 portrait
    write_why(story, tmp_path / "search.json")
    assert '"title": "Zoekén"' in (tmp_path / "search.json").read_text(encoding="utf-8")


def test_a_place_in_a_plan_of_thousands_is_written_as_the_language_does(
    make_study: StudyMaker,
) -> None:
    """1,200 needs of one score, in reading order, the technology last: it is number
    1,201 (it said 1201), and 1.201 in Dutch, where 1,201 reads as one and a bit."""
    needs = "needs:\n" + "".join(
        f"  - {{id: n{i:04}, title: Need {i:04}, kind: content, groups: {{desk: must}}}}\n"
        for i in range(1200)
    )
    needs += "  - {id: mobile, title: Works on a phone, kind: technology, groups: {desk: must}}\n"
    study = load_study(make_study({"needs.yaml": needs}))
    place = dict(why_sections(need_story(study, "mobile")))["Where the roadmap puts it"][0]
    assert place == "Later: number 1,201 of 1,201 in plan order."
    dutch = dataclasses.replace(
        study, settings=study.settings.model_copy(update={"language": "nl"})
    )
    place = dict(why_sections(need_story(dutch, "mobile")))["Waar de roadmap het plaatst"][0]
    assert place == "Later: nummer 1.201 van 1.201 in de planning."
