"""Interview evidence: loading with positions, hand-checked counts, privacy, every output."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, Problem, Severity
from needmap.model.interviews import (
    OTHER_GROUPS,
    InterviewEvidence,
    NeedInterviews,
    analyse_interviews,
)
from needmap.personas.schema import Need, StudySettings, TargetGroup
from needmap.personas.study import Study
from needmap.reports.interviews_report import (
    build_interviews_table,
    interview_notes,
    interviews_summary,
    interviews_to_json,
    interviews_to_markdown,
    render_interviews_page,
    study_interviews,
)
from needmap.surveys.interviews import (
    Interview,
    check_interviews,
    free_interview_id,
    load_interviews,
)
from needmap.surveys.study_check import check_study
from tests.conftest import StudyMaker, run_needmap

runner = CliRunner()

GROUPS = """\
    groups:
      - {id: desk, name: Front desk, headcount: 10}
      - {id: field, name: Field staff, headcount: 20}
      - {id: office, name: Office staff, headcount: 40}
      - {id: boss, name: Bosses, headcount: 5}
    """
NEEDS = """\
    needs:
      - {id: search, title: Search, kind: function, groups: {desk: must, field: should}}
      - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must}}
      - {id: news, title: News, kind: content, groups: {desk: could, office: should}}
      - {id: dash, title: Dashboards, kind: content, groups: {boss: must}}
    """
INTERVIEWS = """\
    interviews:
      - id: i1
        group: desk
        participants: 3
        date: 2026-09-15
        notes: Spoke with Jan de Vries, jan@example.org
        quotes:
          - text: I search all day, mail me at desk@example.org
            needs: [search]
          - text: Search the news, that would help.
            needs: [search, news]
          - text: A phone app? Not at the desk.
            questions: [mobile]
      - id: i2
        group: desk
        participants: 2
        quotes:
          - text: On my break I use my phone.
            needs: [mobile]
            questions: [news]
      - id: i3
        group: field
        participants: 6
        quotes:
          - text: The phone is all we carry.
            needs: [mobile, search]
          - text: Search? We know where things are.
            questions: [search]
      - id: i4
        group: office
        participants: 2
        quotes:
          - text: Office news matters to us.
            needs: [news]
      - id: i5
        group: boss
        quotes:
          - text: I want my dashboard.
            needs: [dash]
    """
"""Hand-checked, with the default minimum of 5: desk 3+2 = 5 people and field 6 are buckets
of their own; office (2) and boss (1) pool to 3, below 5, so their interviews are hidden."""


def _files(min_size: int = 5) -> dict[str, str | None]:
    return {
        "study.yaml": "name: T\norganisation: O\nlanguage: en\n"
        f"privacy: {{min_group_size: {min_size}}}\n",
        "groups.yaml": GROUPS,
        "needs.yaml": NEEDS,
        "personas.yaml": None,
        "interviews/round-1.yaml": INTERVIEWS,
    }


@pytest.fixture
def study_dir(make_study: StudyMaker) -> Path:
    return make_study(_files())


def _evidence(folder: Path) -> tuple[Study, InterviewEvidence]:
    study = load_study(folder)
    return study, analyse_interviews(study, load_interviews(study))


def test_counts_by_hand(study_dir: Path) -> None:
    _, evidence = _evidence(study_dir)
    assert [(b.key, b.interviews, b.participants, b.shown) for b in evidence.buckets] == [
        ("desk", 2, 5, True),
        ("field", 1, 6, True),
        (OTHER_GROUPS, None, None, False),
    ]
    assert evidence.bucket_of("office") == evidence.buckets[2]
    assert (evidence.interviews, evidence.participants) == (3, 11)
    search = evidence.for_need("search")
    # i1 supports search with two quotes but counts once; i3 both supports and questions it.
    assert dict(search.supports) == {"desk": 1, "field": 1}
    assert dict(search.questions) == {"field": 1}
    assert (search.supported, search.questioned, search.verdict) == (2, 1, "mixed")
    assert [(q.bucket, q.signal) for q in search.quotes] == [
        ("desk", "supports"),
        ("desk", "supports"),
        ("field", "supports"),
        ("field", "questions"),
    ]
    mobile = evidence.for_need("mobile")
    assert (dict(mobile.supports), dict(mobile.questions)) == ({"desk": 1, "field": 1}, {"desk": 1})
    assert mobile.unlisted == ("desk",)  # desk supports it; needs.yaml lists only field
    news = evidence.for_need("news")  # office's support is hidden with its bucket
    assert (dict(news.supports), dict(news.questions), news.verdict) == (
        {"desk": 1},
        {"desk": 1},
        "mixed",
    )
    assert evidence.for_need("dash").verdict == "none"  # only the hidden boss spoke of it
    assert search.quotes[0].text == "I search all day, mail me at [e-mail]"


def test_the_order_of_the_interviews_does_not_matter(study_dir: Path) -> None:
    """The hidden groups' interviews come last in the file; read first, they are still
    only left out, and the rest counted as before."""
    study = load_study(study_dir)
    interviews = load_interviews(study)
    forward = analyse_interviews(study, interviews)
    backward = analyse_interviews(study, reversed(interviews))  # an iterator: read once
    for need in ("search", "mobile", "news", "dash"):
        ahead, behind = forward.for_need(need), backward.for_need(need)
        assert (dict(behind.supports), dict(behind.questions)) == (
            dict(ahead.supports),
            dict(ahead.questions),
        )
        assert set(behind.quotes) == set(ahead.quotes)
    assert backward.for_need("search").supported == 2


def test_a_long_quote_is_kept_whole() -> None:
    """A quote is the interview's words: cut, it would say less than was said."""
    said = "We ring the service desk for every small thing, and by the time someone calls back"
    said += " the visitor has gone home."
    study = _hypothesis_study(1)
    evidence = analyse_interviews(study, _make([("a", 1, [{"text": said, "needs": ["n1"]}])]))
    assert [q.text for q in evidence.for_need("n1").quotes] == [said]


def test_a_need_only_questioned_is_questioned() -> None:
    def verdict(supports: dict[str, int], questions: dict[str, int]) -> str:
        return NeedInterviews("search", supports, questions, (), ()).verdict

    assert verdict({}, {"desk": 1}) == "questioned"
    assert verdict({"desk": 1}, {}) == "supported"
    assert verdict({"desk": 1}, {"field": 2}) == "mixed"
    assert verdict({}, {}) == "none"


def test_only_the_yaml_files_under_interviews_are_read(make_study: StudyMaker) -> None:
    """Notes beside the interview files (a README, a spreadsheet, a hidden editor backup,
    a folder named like a YAML file) are not interviews."""
    root = make_study(_files())
    folder = root / "interviews"
    (folder / "README.md").write_text("interviews: [not, an, interview]\n")
    (folder / ".round-1.yaml.swp").write_text("interviews: [broken\n")
    (folder / ".old").mkdir()
    (folder / ".old" / "round-0.yaml").write_text("interviews: [broken\n")
    (folder / "more.yaml").mkdir()
    (folder / "more.yaml" / "round-2.yml").write_text(
        "interviews:\n  - {id: i9, date: 2026-03-09, group: field, participants: 1,\n"
        "     quotes: [{text: Offline please, needs: [mobile]}]}\n"
    )
    study = load_study(root)
    assert [i.id for i in load_interviews(study)] == ["i9", "i1", "i2", "i3", "i4", "i5"]
    problem_files = {p.location.path for p in check_interviews(study)}
    assert problem_files == {folder / "round-1.yaml"}


def test_an_interview_file_of_another_shape_is_one_problem_each(make_study: StudyMaker) -> None:
    """A file with no interviews yet is none; one whose interviews are not a list, one
    that is not 'interviews:' at all and one saved as UTF-16 get a problem each, in the
    same run."""
    root = make_study(_files())
    folder = root / "interviews"
    (folder / "a-new.yaml").write_text("interviews:\n# round 3 goes here\n")
    (folder / "b-text.yaml").write_text("interviews: held in March\n")
    (folder / "c-list.yaml").write_text("- id: x\n")
    (folder / "d-utf16.yaml").write_bytes("interviews: []\n".encode("utf-16"))
    study = load_study(root)
    shown = [
        (p.location.path.name if p.location.path else "", p.location.line, p.message)
        for p in check_interviews(study)
        if p.location.path != folder / "round-1.yaml"
    ]
    assert shown == [
        ("b-text.yaml", 1, "expected a list of interviews"),
        ("c-list.yaml", 1, "expected 'interviews:' and a list of interviews"),
        ("d-utf16.yaml", None, "file is encoded as UTF-16"),
    ]
    (folder / "b-text.yaml").unlink()
    (folder / "c-list.yaml").unlink()
    (folder / "d-utf16.yaml").unlink()
    assert len(load_interviews(load_study(root))) == 5  # a-new.yaml holds none


def test_a_free_interview_id_counts_on_and_keeps_to_63_characters() -> None:
    assert free_interview_id("balie-2026-03-02", set()) == "balie-2026-03-02"
    assert free_interview_id("balie-2026-03-02", {"balie-2026-03-02"}) == "balie-2026-03-02-2"
    taken = {"balie-2026-03-02", "balie-2026-03-02-2", "balie-2026-03-02-3"}
    assert free_interview_id("balie-2026-03-02", taken) == "balie-2026-03-02-4"
    long = "x" * 70
    assert free_interview_id(long, set()) == "x" * 63
    assert free_interview_id(long, {"x" * 63}) == "x" * 59 + "-2"
    many = {"x" * 63, *(f"{'x' * 59}-{n}" for n in range(2, 120))}
    assert free_interview_id(long, many) == "x" * 59 + "-120"
    assert len(free_interview_id(long, many)) == 63


def test_pool_is_shown_once_it_reaches_the_minimum(make_study: StudyMaker) -> None:
    study, evidence = _evidence(make_study(_files(min_size=3)))
    other = evidence.buckets[-1]
    assert (other.key, other.groups, other.interviews, other.participants, other.shown) == (
        OTHER_GROUPS,
        ("office", "boss"),
        2,
        3,
        True,
    )
    assert dict(evidence.for_need("news").supports) == {"desk": 1, OTHER_GROUPS: 1}
    assert evidence.for_need("dash").verdict == "supported"
    assert evidence.for_need("dash").unlisted == ()  # a pool is never "not listed"
    assert "Other groups (n=3)" in build_interviews_table(evidence, study).header


def test_a_thousand_interviews_are_counted_as_the_language_writes_numbers(
    make_study: StudyMaker,
) -> None:
    """1,200 interviews supporting search and 1,100 questioning it: the table's counts said
    1200 (and a Dutch reader takes 1,200 for one and a fifth)."""
    interviews = "interviews:\n" + "".join(
        f"  - {{id: i{i:04}, group: desk, date: 2026-03-02, "
        f"quotes: [{{text: Slow., {'needs' if i < 1200 else 'questions'}: [search]}}]}}\n"
        for i in range(2300)
    )
    root = make_study({"interviews/many.yaml": interviews})
    for language, counts in [("en", ("1,200", "1,100")), ("nl", ("1.200", "1.100"))]:
        settings = root / "study.yaml"
        settings.write_text(re.sub(r"language: \w+", f"language: {language}", settings.read_text()))
        study, evidence = _evidence(root)
        (search,) = [
            row for row in build_interviews_table(evidence, study).rows if row[0] == "Search"
        ]
        assert search[3:5] == counts


def test_table_and_notes(study_dir: Path) -> None:
    study, evidence = _evidence(study_dir)
    table = build_interviews_table(evidence, study)
    assert table.in_coverage == (False,) * len(table.rows)  # no row of a top-task set to mark
    assert table.header == (
        "Need",
        "Kind",
        "Verdict",
        "Supported in",
        "Questioned in",
        "Front desk (n=5)",
        "Field staff (n=6)",
        "Mentioned by, not listed for",
    )
    assert table.rows == (
        ("Search", "Functions", "mixed", "2", "1", "\u27131", "\u27131 \u27171", ""),
        (
            "Works on a phone",
            "Technology",
            "mixed",
            "2",
            "1",
            "\u27131 \u27171",
            "\u27131",
            "Front desk",
        ),
        ("News", "Content", "mixed", "1", "1", "\u27131 \u27171", "", ""),
    )
    notes = " ".join(table.notes)
    assert "Office staff, Bosses (together fewer than 5 participants, n<5)" in notes
    assert "1 need has no interview evidence yet." in notes
    assert "Not interviewed yet" not in notes  # every group was


def test_needs_are_listed_by_the_interviews_that_speak_of_them_for_or_against(
    make_study: StudyMaker,
) -> None:
    """News is supported in 1 interview and questioned in 2: 3 in all, before search's 2,
    which are both support."""
    interviews = """\
        interviews:
          - {id: i1, group: desk, quotes: [{text: a, needs: [search], questions: [news]}]}
          - {id: i2, group: field, quotes: [{text: b, needs: [search]}]}
          - {id: i3, group: office, quotes: [{text: c, questions: [news]}]}
          - {id: i4, group: boss, quotes: [{text: d, needs: [news]}]}
        """
    study, evidence = _evidence(
        make_study({**_files(min_size=1), "interviews/round-1.yaml": interviews})
    )
    table = build_interviews_table(evidence, study)
    assert [(row[0], row[3], row[4]) for row in table.rows] == [
        ("News", "1", "2"),
        ("Search", "2", "0"),
    ]


def test_one_interview_with_one_person_is_said_so(make_study: StudyMaker) -> None:
    one = INTERVIEWS[: INTERVIEWS.index("      - id: i2")]
    one = one.replace("participants: 3", "participants: 1")
    root = make_study({**_files(min_size=1), "interviews/round-1.yaml": one})
    study = load_study(root)
    assert interviews_summary(study_interviews(study), study) == "1 interview with 1 person"


def test_the_notes_name_the_groups_not_interviewed_yet(make_study: StudyMaker) -> None:
    without_boss = INTERVIEWS[: INTERVIEWS.index("      - id: i5")]
    root = make_study({**_files(), "interviews/round-1.yaml": without_boss})
    study = load_study(root)
    notes = interview_notes(study_interviews(study), study)
    assert notes[-1] == (
        "Not interviewed yet: Bosses. needmap guide prepares an interview with a group."
    )


def test_the_terminal_s_notes_name_the_groups_not_listed_instead_of_their_column(
    study_dir: Path,
) -> None:
    """The terminal leaves out the columns per group and of groups not listed: its notes
    do not explain them, and name the needs supported by groups they do not list."""
    study, evidence = _evidence(study_dir)
    files = interview_notes(evidence, study)
    terminal = interview_notes(evidence, study, per_group=False)
    assert files[0].endswith(" Per group: \u2713 supported, \u2717 questioned.")
    assert terminal[0] == files[0].removesuffix(" Per group: \u2713 supported, \u2717 questioned.")
    assert [n for n in files if n.startswith("'Mentioned by")] != []
    assert [n for n in terminal if "not list" in n] == [
        "Supported by groups the need does not list (consider adding them to the need): "
        "Works on a phone (Front desk)."
    ]
    assert len(terminal) == len(files)
    dutch = study.in_language("nl")
    assert interview_notes(evidence, dutch, per_group=False)[0].endswith("(of betwijfelen).")


def test_a_complete_round_has_only_the_counting_rule_for_notes(make_study: StudyMaker) -> None:
    """Every group interviewed, every need spoken of, by the groups that list it: none of
    the notes for what is missing applies. With no quotes kept, the Markdown has no
    section for them."""
    complete = """\
        interviews:
          - {id: i1, group: desk, participants: 5, quotes: [{text: a, needs: [search, news]}]}
          - {id: i2, group: field, participants: 5, quotes: [{text: b, questions: [mobile]}]}
          - {id: i3, group: office, participants: 5, quotes: [{text: c, needs: [news]}]}
          - {id: i4, group: boss, participants: 5, quotes: [{text: d, needs: [dash]}]}
        """
    study, evidence = _evidence(make_study({**_files(), "interviews/round-1.yaml": complete}))
    assert interview_notes(evidence, study) == (
        "Counts are interviews: an interview counts once per need, however many of its quotes "
        "support (or question) the need. Per group: \u2713 supported, \u2717 questioned.",
    )
    assert "\n## Quotes\n" in interviews_to_markdown(evidence, study)
    quiet = complete.replace("quotes: [{text: d, needs: [dash]}]", "quotes: []")
    study, evidence = _evidence(make_study({**_files(), "interviews/round-1.yaml": quiet}))
    assert interview_notes(evidence, study)[1:] == ("1 need has no interview evidence yet.",)
    silent = re.sub(r"quotes: \[\{.*\}\]", "quotes: []", complete)
    study, evidence = _evidence(make_study({**_files(), "interviews/round-1.yaml": silent}))
    assert "## Quotes" not in interviews_to_markdown(evidence, study)


def test_hidden_interviews_reach_no_output(study_dir: Path) -> None:
    study, evidence = _evidence(study_dir)
    outputs = [
        interviews_to_markdown(evidence, study),
        render_interviews_page(evidence, study),
        json.dumps(interviews_to_json(evidence)),
    ]
    for text in outputs:
        for secret in ("Office news", "dashboard", "Dashboards", "Jan de Vries", "example.org"):
            assert secret not in text
    hidden = interviews_to_json(evidence)["buckets"][-1]
    assert hidden == {"key": OTHER_GROUPS, "groups": ["office", "boss"], "shown": False}


_GROUP_IDS = ("a", "b", "c", "d")
_NEED_IDS = ("n1", "n2", "n3")


def _hypothesis_study(min_size: int) -> Study:
    return Study(
        root=Path(),
        settings=StudySettings.model_validate(
            {"name": "P", "organisation": "O", "privacy": {"min_group_size": min_size}}
        ),
        groups=tuple(TargetGroup(id=g, name=g.upper()) for g in _GROUP_IDS),
        needs=tuple(Need(id=n, title=n, kind="content", groups={"a": "must"}) for n in _NEED_IDS),
    )


_quotes = st.lists(
    st.fixed_dictionaries(
        {
            "text": st.sampled_from(["yes", "no", "maybe"]),
            "needs": st.lists(st.sampled_from(_NEED_IDS), min_size=1, max_size=2),
            "questions": st.lists(st.sampled_from(_NEED_IDS), max_size=2),
        }
    ),
    max_size=3,
)
_interviews = st.lists(
    st.tuples(st.sampled_from(_GROUP_IDS), st.integers(1, 4), _quotes), max_size=8
)


def _make(raw: list[tuple[str, int, list[dict[str, Any]]]]) -> list[Interview]:
    return [
        Interview.model_validate({"id": f"i{i}", "group": g, "participants": n, "quotes": q})
        for i, (g, n, q) in enumerate(raw)
    ]


@settings(max_examples=150, deadline=None)
@given(
    raw=_interviews,
    other_quotes=st.lists(_quotes, min_size=8, max_size=8),
    min_size=st.integers(1, 7),
)
def test_privacy_property(
    raw: list[tuple[str, int, list[dict[str, Any]]]],
    other_quotes: list[list[dict[str, Any]]],
    min_size: int,
) -> None:
    """Every shown bucket has at least the minimum of participants, totals add up over shown
    buckets, and what hidden groups said changes no output at all."""
    study = _hypothesis_study(min_size)
    evidence = analyse_interviews(study, _make(raw))
    shown = {b.key for b in evidence.shown}
    for bucket in evidence.buckets:
        if bucket.shown:
            assert bucket.participants is not None and bucket.participants >= min_size
        else:
            assert bucket.interviews is None and bucket.participants is None
    for need in evidence.needs:
        assert set(need.supports) <= shown and set(need.questions) <= shown
        assert all(q.bucket in shown for q in need.quotes)
    assert evidence.interviews == sum(b.interviews or 0 for b in evidence.shown)
    hidden_groups = {g for b in evidence.buckets if not b.shown for g in b.groups}
    changed = [
        (g, n, other_quotes[i] if g in hidden_groups else q) for i, (g, n, q) in enumerate(raw)
    ]
    again = analyse_interviews(study, _make(changed))
    assert interviews_to_json(again) == interviews_to_json(evidence)
    assert interviews_to_markdown(again, study) == interviews_to_markdown(evidence, study)


def test_golden_markdown(study_dir: Path, golden: Callable[[str, str], None]) -> None:
    study, evidence = _evidence(study_dir)
    golden("interviews-fixture.md", interviews_to_markdown(evidence, study))


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("14-10-2026", "write it year first: 2026-10-14"),
        ("1/2/2026", "write it year first: 2026-02-01"),
        ("'1.2.2026'", "write it year first: 2026-02-01"),
        ("14 okt 2026", "write it in numbers, year first: 2026-10-14"),
        ("Wednesday, October 14, 2026", "write it in numbers, year first: 2026-10-14"),
        ("oct 2026", "write the year, month and day with '-' between them, e.g. 2026-10-14"),
        ("30-02-2026", "write the year, month and day with '-' between them, e.g. 2026-10-14"),
        ("31 sep 2026", "write the year, month and day with '-' between them, e.g. 2026-10-14"),
    ],
)
def test_a_date_written_otherwise_is_shown_year_first(
    make_study: StudyMaker, written: str, hint: str
) -> None:
    """The interview's date was said to be no valid id."""
    folder = make_study(
        {
            "interviews/a.yaml": "interviews:\n  - id: x1\n    group: desk\n"
            f"    date: {written}\n    quotes: [{{text: Hi, needs: [search]}}]\n"
        }
    )
    (problem,) = check_interviews(load_study(folder))
    shown = written.strip("'")
    assert (problem.message, problem.hint) == (f"'{shown}' is not a date as YYYY-MM-DD", hint)


@pytest.mark.parametrize(
    ("field", "line", "message"),
    [
        (
            "participants: 0\n    quotes: [{text: Hi, needs: [search]}]",
            5,
            "interviews[0].participants: must be at least 1, found 0",
        ),
        (
            "quotes: [{text: '', needs: [search]}]",
            5,
            "interviews[0].quotes[0].text: must not be empty",
        ),
        (
            "quotes: [{text: '  ', needs: [search]}]",
            5,
            "interviews[0].quotes[0].text: must not be empty",
        ),
    ],
)
def test_no_one_took_part_and_an_empty_quote_are_problems(
    make_study: StudyMaker, field: str, line: int, message: str
) -> None:
    interview = "interviews:\n  - id: x1\n    group: desk\n    date: 2026-03-02\n"
    folder = make_study({"interviews/a.yaml": interview + f"    {field}\n"})
    found = [
        (p.location.line, f"{p.key}: {p.message}") for p in check_interviews(load_study(folder))
    ]
    assert found == [(line, message)]


def test_problems_have_positions(make_study: StudyMaker) -> None:
    folder = make_study(
        {
            "interviews/a.yaml": """\
                interviews:
                  - id: x1
                    group: dsk
                    date: 2026-13-01
                    quotes:
                      - text: Hello
                        needs: [serch]
                      - text: Untagged
                  - id: x1
                    group: desk
                    participant: 2
                """,
            "interviews/b.yaml": "interview: []\n",
        }
    )
    study = load_study(folder)
    found = [
        (p.location.path.name if p.location.path else "", p.location.line, p.message, p.hint)
        for p in check_interviews(study)
    ]
    assert [(file, line) for file, line, _, _ in found] == [
        ("a.yaml", 3),
        ("a.yaml", 4),
        ("a.yaml", 7),
        ("a.yaml", 8),
        ("a.yaml", 9),
        ("a.yaml", 9),
        ("a.yaml", 11),
        ("b.yaml", 1),
    ]
    assert found[0][2:] == ("unknown group 'dsk'", "did you mean 'desk'?")
    assert found[1][2].startswith("'2026-13-01' is not a date")
    assert found[1][3] == "check the day and the month: YYYY-MM-DD"
    assert found[2][2:] == ("unknown need 'serch'", "did you mean 'search'?")
    assert found[3][2].startswith("tag the quote")
    assert found[3][3].startswith("add needs: [ID] for a need it supports")
    assert found[4][2].startswith("interview id 'x1' is used twice (also at ")
    assert found[5][2].startswith("interview 'x1' has no quotes yet: it counts as held")
    assert found[6][2:] == ("unknown key 'participant'", "did you mean 'participants'?")
    assert found[7][2] == "expected 'interviews:' and a list of interviews"
    with pytest.raises(InvalidStudyError) as caught:
        load_interviews(study)
    assert len(caught.value.problems) == len(found)


def test_a_quote_written_as_plain_text_or_a_count_in_quotes_is_a_problem_at_its_place(
    make_study: StudyMaker,
) -> None:
    """A quote typed without ``text:`` in front, and participants written as "3": each is
    reported where it stands (the personal-data check, which reads every quote's text,
    passes the plain one by rather than stumbling on it)."""
    folder = make_study(
        {
            "interviews/a.yaml": """\
                interviews:
                  - id: x1
                    group: desk
                    participants: "3"
                    quotes:
                      - I search in four systems.
                      - text: " Mail me at jan@example.org "
                        needs: [search]
                """,
        }
    )
    problems = check_interviews(load_study(folder))
    found = [(p.location.line, p.message) for p in problems]
    assert found == [
        (4, "expected a whole number, found the text '3'"),
        (6, "expected a mapping (key: value lines), found the text 'I search in four systems.'"),
        (
            7,
            "this text holds an e-mail address: reports show a label instead, but the study's "
            "files keep it",
        ),
    ]
    # the quote's one key is the way to write it; a long text is cut in the hint
    assert problems[1].hint == "write it under its key: - text: I search in four systems."
    long = "We search in four systems and then we ring a colleague anyway."
    (folder / "interviews" / "a.yaml").write_text(
        f"interviews:\n  - {{id: x1, group: desk, quotes: [{long}]}}\n", encoding="utf-8"
    )
    [cut] = check_interviews(load_study(folder))
    assert cut.hint == "write it under its key: - text: We search in four systems and then we…"
    forty = "We search in four systems, then we call."  # 40 characters: shown whole
    assert len(forty) == 40
    (folder / "interviews" / "a.yaml").write_text(
        f"interviews:\n  - {{id: x1, group: desk, quotes: [{forty!r}]}}\n", encoding="utf-8"
    )
    [whole] = check_interviews(load_study(folder))
    assert whole.hint == f"write it under its key: - text: {forty}"


def test_a_name_written_for_an_id_in_an_interview_or_a_mapping_is_one_problem(
    make_study: StudyMaker,
) -> None:
    """A group's name where its id belongs, in an interview and in a survey mapping's
    answers, and a need's title among a quote's tags: one problem each, whose hint gives
    the id (it was also "not a valid id", at the same place). What names nothing is no
    valid id, and only that."""
    folder = make_study(
        {
            "interviews/a.yaml": """\
                interviews:
                  - id: x1
                    group: Front desk
                    quotes: [{text: Hello, needs: [Works on a phone, Faster Search]}]
                """,
            "surveys/s.yaml": """\
                id: s
                title: S
                layout: long
                respondent: r
                group: {column: g, values: {Desk: front DESK, Van: Drivers}}
                choices: {column: t}
                tasks: [{id: t1, label: T1, needs: [works on a phone]}]
                """,
        }
    )
    found = [
        (p.location.path.name if p.location.path else "", p.location.line, p.message, p.hint)
        for p in check_study(folder).problems
    ]
    desk = "that is the name of group 'desk': write its id, desk"
    mobile = "that is the title of need 'mobile': write its id, mobile"
    assert [f[:3] for f in found] == [
        ("a.yaml", 3, "unknown group 'Front desk'"),
        ("a.yaml", 4, "unknown need 'Works on a phone'"),
        ("a.yaml", 4, "'Faster Search' is not a valid id"),
        ("s.yaml", 5, "unknown group 'front DESK'"),
        ("s.yaml", 5, "'Drivers' is not a valid id"),
        ("s.yaml", 7, "unknown need 'works on a phone'"),
    ]
    assert [f[3] for f in found if f[2].startswith("unknown")] == [desk, mobile, desk, mobile]


def test_an_id_written_with_capitals_in_an_interview_is_told_the_id(
    make_study: StudyMaker,
) -> None:
    """'DESK' and 'Mobile' are the ids desk and mobile as one types a name: one problem
    each, with the id, not "not a valid id" with the rules for ids."""
    folder = make_study(
        {
            "interviews/a.yaml": """\
                interviews:
                  - id: x1
                    group: DESK
                    quotes: [{text: Hello, needs: [Mobile, Not Here]}]
                """,
        }
    )
    found = [(p.location.line, p.message, p.hint) for p in check_study(folder).problems]
    lowercase = "Ids are written in lowercase, with '-' between words"
    assert found[:2] == [
        (3, "unknown group 'DESK'", f"did you mean 'desk'? {lowercase}"),
        (4, "unknown need 'Mobile'", f"did you mean 'mobile'? {lowercase}"),
    ]
    assert [message for _, message, _ in found[2:]] == ["'Not Here' is not a valid id"]


def test_validate_reports_interview_problems(make_study: StudyMaker) -> None:
    folder = make_study({"interviews/a.yaml": "interviews:\n  - {id: x, group: nobody}\n"})
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "a.yaml:2:" in result.output and "unknown group 'nobody'" in result.output


def test_validate_warns_of_personal_data_that_the_files_keep(make_study: StudyMaker) -> None:
    """Reports scrub it, but the study's own files keep it: interview quotes and persona
    texts are checked; texts without it are not reported."""
    root = make_study(
        {
            "study.yaml": "name: S\norganisation: O\nlanguage: nl\n",
            "interviews/a.yaml": "interviews:\n  - id: a\n    group: desk\n    participants: 5\n"
            "    quotes:\n"
            "      - {text: Zoeken kost tijd, needs: [search]}\n"
            "      - {text: 'Bel Jan, 06-12345678, of mail jan@ex.nl', needs: [search]}\n",
            "personas.yaml": "personas:\n  - id: henk\n    name: Henk\n"
            "    group: field\n    role: Parkwachter\n    needs: [mobile]\n"
            "    quotes: [Gewoon doen, 'IBAN NL91 ABNA 0417 1643 00']\n",
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert [line.removeprefix(f"{root}/") for line in lines[::2]] == [
        "interviews/a.yaml:7:16: interviews[0].quotes[1].text: warning: this text holds an "
        "e-mail address, a phone number and a person's first name: reports "
        "show a label instead, but the study's files keep it",
        "personas.yaml:7:27: personas[0].quotes[1]: warning: this text holds an IBAN: reports "
        "show a label instead, but the study's files keep it",
    ]
    assert "take it out; to say who, write a role ('a colleague at HR')" in lines[1]
    assert runner.invoke(app, ["validate", str(root), "--strict"]).exit_code == 2
    shown = runner.invoke(app, ["interviews", str(root), "--out", str(root / "iv.md")])
    assert shown.exit_code == 0, shown.stderr
    assert "Bel [naam], [telefoon], of mail [e-mail]" in (root / "iv.md").read_text()


def test_a_surname_alone_is_scrubbed_but_the_organisation_s_name_stays(
    make_study: StudyMaker,
) -> None:
    """A firm named after a family names no person; a colleague's surname does."""
    root = make_study(
        {
            "study.yaml": "name: S\norganisation: Van Dijk Installatietechniek\nlanguage: nl\n",
            "interviews/a.yaml": "interviews:\n  - id: a\n    group: desk\n    participants: 5\n"
            "    quotes:\n"
            "      - {text: Bij Van Dijk vraag ik het aan Van den Berg, needs: [search]}\n"
            "      - {text: Bij Van Dijk zoek ik alles zelf, needs: [search]}\n",
        }
    )
    result = runner.invoke(app, ["validate", str(root)])
    assert result.exit_code == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warning.removeprefix(f"{root}/").startswith(
        "interviews/a.yaml:6:16: interviews[0].quotes[0].text: warning: this text holds a "
        "person's surname"
    )
    shown = runner.invoke(app, ["interviews", str(root), "--out", str(root / "iv.md")])
    assert shown.exit_code == 0, shown.stderr
    report = (root / "iv.md").read_text()
    assert "Bij Van Dijk vraag ik het aan [naam]" in report
    assert "Bij Van Dijk zoek ik alles zelf" in report
    # definitions with an error: the interviews are still checked, with the same names kept
    needs = root / "needs.yaml"
    needs.write_text(needs.read_text().replace("kind: function", "kind: functoin", 1))
    broken = runner.invoke(app, ["validate", str(root)])
    assert broken.exit_code == 2 and "'functoin'" in broken.stderr
    assert [line for line in broken.stderr.splitlines() if "warning:" in line] == [warning]


def test_cli_terminal_fits_80_columns(study_dir: Path) -> None:
    result = runner.invoke(app, ["interviews", str(study_dir)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Works on a phone" in result.output and "mixed" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    assert "Per group, and the quotes: needmap interviews" in result.output
    dutch = runner.invoke(app, ["interviews", str(study_dir), "-l", "nl"], env={"COLUMNS": "200"})
    assert f"Per groep, en de citaten: needmap interviews {study_dir} --out" in dutch.output


def test_cli_writes_every_format(study_dir: Path, tmp_path: Path) -> None:
    for suffix in (".html", ".pdf", ".md", ".csv", ".xlsx", ".json"):
        target = tmp_path / f"interviews{suffix}"
        result = runner.invoke(app, ["interviews", str(study_dir), "--out", str(target)])
        assert result.exit_code == 0, result.output
        assert "3 interviews shown" in result.output
    csv_text = (tmp_path / "interviews.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.splitlines()[1] == "Search,Functions,mixed,2,1,\u27131,\u27131 \u27171,"
    sheet = load_workbook(tmp_path / "interviews.xlsx").active
    assert sheet is not None and sheet["F2"].value == "\u27131" and sheet["F2"].data_type == "s"
    assert [sheet["D2"].value, sheet["E2"].value, sheet["D2"].data_type] == [2, 1, "n"]
    assert (tmp_path / "interviews.pdf").read_bytes().startswith(b"%PDF-")
    page = (tmp_path / "interviews.html").read_text(encoding="utf-8")
    assert 'class="quote questions"' in page and "Search? We know where things are." in page
    # each need heads its row, so a screen reader names it with each figure
    assert re.findall(r'<th scope="row">([^<]*)</th>', page)[:3] == [
        "Search",
        "Works on a phone",
        "News",
    ]
    refused = runner.invoke(app, ["interviews", str(study_dir), "--out", str(tmp_path / "x.docx")])
    assert refused.exit_code == 2 and "cannot write the interview report" in refused.output


def test_cli_json_through_a_subprocess(study_dir: Path) -> None:
    done = run_needmap("interviews", str(study_dir), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["interviews"], data["participants"]) == (3, 11)
    assert [n["id"] for n in data["needs"]] == ["search", "mobile", "news"]
    assert data["needs_without_evidence"] == ["dash"]
    # hand-checked: i1 (desk) supports search in two quotes, counted once; i3 (field)
    # supports it in one and questions it in another; the e-mail address is scrubbed
    assert data["needs"][0] == {
        "id": "search",
        "verdict": "mixed",
        "supported": 2,
        "questioned": 1,
        "supports": {"desk": 1, "field": 1},
        "questions": {"field": 1},
        "unlisted_groups": [],
        "quotes": [
            {
                "text": "I search all day, mail me at [e-mail]",
                "bucket": "desk",
                "signal": "supports",
            },
            {"text": "Search the news, that would help.", "bucket": "desk", "signal": "supports"},
            {"text": "The phone is all we carry.", "bucket": "field", "signal": "supports"},
            {
                "text": "Search? We know where things are.",
                "bucket": "field",
                "signal": "questions",
            },
        ],
    }
    assert data["needs"][1]["unlisted_groups"] == ["desk"]  # mobile: listed for field only
    assert data["min_group_size"] == 5
    assert data["buckets"] == [
        {"key": "desk", "groups": ["desk"], "shown": True, "interviews": 2, "participants": 5},
        {"key": "field", "groups": ["field"], "shown": True, "interviews": 1, "participants": 6},
        {"key": "~other", "groups": ["office", "boss"], "shown": False},  # 3 people: no counts
    ]


def test_the_summary_says_interviews_are_there_that_it_does_not_count(
    study_dir: Path, make_study: StudyMaker
) -> None:
    """Office's and the bosses' 3 people are hidden: the summary counts the rest and says
    there are more; with a minimum of 20 every interview is hidden, and the summary says
    none is shown yet rather than "0 interviews with 0 people"."""
    study, evidence = _evidence(study_dir)
    assert interviews_summary(evidence, study) == (
        "3 interviews with 11 people, and more with groups too small to show (n<5)"
    )
    study, evidence = _evidence(make_study(_files(min_size=20), name="all-hidden"))
    assert interviews_summary(evidence, study) == (
        "no interviews shown yet (together fewer than 20 people so far, n<20)"
    )
    dutch = study.in_language("nl")
    assert interviews_summary(evidence, dutch) == (
        "nog geen gesprekken getoond (samen minder dan 20 mensen tot nu toe, n<20)"
    )
    glance = runner.invoke(app, ["status", str(study.root)], env={"COLUMNS": "200"}).output
    told = "Interviews: no interviews shown yet (together fewer than 20 people so far, n<20)."
    assert told in glance


def test_study_without_interviews(make_study: StudyMaker) -> None:
    study = load_study(make_study())
    evidence = study_interviews(study)
    assert evidence.buckets == () and evidence.interviews == 0
    assert interviews_to_markdown(evidence, study) == (  # the note, not an empty table
        "# Interviews: Test study\n\nTest org · 0 interviews with 0 people\n\n"
        "## Needs in the interviews\n\n"
        "_No interviews in interviews/ yet (see docs/interviews.md)._  \n"
    )
    result = runner.invoke(app, ["interviews", str(study.root)])
    assert result.exit_code == 0
    assert "No interviews in interviews/ yet" in result.output
    dutch = study.in_language("nl")  # "Gesprekken", as the index, the brief and the roadmap
    assert interviews_to_markdown(study_interviews(dutch), dutch).startswith(
        "# Gesprekken: Test study\n\nTest org · 0 gesprekken met 0 mensen\n\n"
    )


def test_roadmap_shows_interviews_beside_the_score(study_dir: Path, make_study: StudyMaker) -> None:
    from needmap.reports.roadmap_report import build_roadmap_table, roadmap_to_json, study_roadmap

    study = load_study(study_dir)
    plan = study_roadmap(study)
    table = build_roadmap_table(plan, study)
    column = table.header.index("Interviews")
    by_need = {row[1]: row[column] for row in table.rows}
    assert by_need == {
        "Search": "\u27132 \u27171",
        "Works on a phone": "\u27132 \u27171",
        "News": "\u27131 \u27171",
        "Dashboards": "\u2013",  # only the hidden boss spoke of it
    }
    assert any(note.startswith("Interviews: \u2713 supported in") for note in table.notes)
    # the columns of text, set apart from the figures (left-aligned, as text in XLSX)
    text = ["Need", "Phase", "Platform", "After", "Brought forward for"]
    assert [table.header[i] for i in table.text_columns] == text
    needs = {n["id"]: n for p in roadmap_to_json(plan)["phases"] for n in p["needs"]}
    assert needs["search"]["interviews"] == {"supported": 2, "questioned": 1}
    without = make_study({"groups.yaml": GROUPS, "needs.yaml": NEEDS}, name="plain")
    plain = load_study(without)
    plain_table = build_roadmap_table(study_roadmap(plain), plain)
    assert "Interviews" not in plain_table.header
    assert [plain_table.header[i] for i in plain_table.text_columns] == text
    assert roadmap_to_json(study_roadmap(plain))["phases"][0]["needs"][0]["interviews"] is None


PERSONAS = """\
    personas:
      - {id: dana, name: Dana, group: desk, role: Receptionist,
         needs: [mobile, search, news, dash]}
      - {id: bob, name: Bob, group: boss, role: Head of unit, needs: [dash]}
      - {id: olga, name: Olga, group: office, role: Clerk, needs: [news]}
    """


def test_personas_show_their_groups_interviews(make_study: StudyMaker) -> None:
    from needmap.reports.personas_report import (
        persona_profiles,
        personas_to_json,
        personas_to_markdown,
    )

    folder = make_study({**_files(), "personas.yaml": PERSONAS})
    study = load_study(folder)
    profiles = persona_profiles(study)
    dana, bob, olga = (p.interviews for p in profiles)
    assert dana is not None and bob is not None and olga is not None
    assert (dana.status, dana.interviews, dana.participants) == ("own", 2, 5)
    # no interview of the desk spoke of dashboards: nothing for it, not the boss's quote
    assert dict(dana.counts) == {
        "mobile": (1, 1),
        "search": (1, 0),
        "news": (1, 1),
        "dash": (0, 0),
    }
    # Key-need order, each text once ("Search the news" serves search and news), at most 3.
    assert [(need, signal) for need, _, signal in dana.quotes] == [
        ("mobile", "questions"),
        ("mobile", "supports"),
        ("search", "supports"),
    ]
    assert (bob.status, bob.quotes, olga.status) == ("hidden", (), "hidden")
    # a hidden group's counts are not carried, even in the library's objects
    assert (bob.interviews, bob.participants, dict(bob.counts)) == (0, 0, {})
    markdown = personas_to_markdown(profiles, study)
    assert "| Interviews |" in markdown and "2 interviews with 5 people" in markdown
    assert "I want my dashboard" not in markdown and "Office news" not in markdown
    assert markdown.count("fewer than 5 interview participants from this group") == 2
    data = personas_to_json(profiles, study)["personas"]
    assert data[0]["interviews"]["needs"]["mobile"] == {"supported": 1, "questioned": 1}
    assert (data[0]["interviews"]["interviews"], data[0]["interviews"]["participants"]) == (2, 5)
    assert data[1]["interviews"] == {
        "status": "hidden",
        "interviews": None,
        "participants": None,
        "needs": {},
        "quotes": [],
    }
    pooled = load_study(make_study({**_files(min_size=3), "personas.yaml": PERSONAS}, "p3"))
    assert [p.interviews.status for p in persona_profiles(pooled) if p.interviews] == [
        "own",
        "pooled",
        "pooled",
    ]


def test_many_interviewed_groups_are_printed_in_parts() -> None:
    """Ten groups heard by enough people made a table wider than the page (one row a page,
    the groups cut off at its edge): print now puts the group columns in parts beside the
    need; the screen, Markdown and CSV keep the one table."""
    from needmap.reports.toptasks_table import print_parts

    groups = [f"g{i}" for i in range(10)]
    study = Study(
        root=Path(),
        settings=StudySettings.model_validate({"name": "P", "organisation": "O", "language": "en"}),
        groups=tuple(TargetGroup(id=g, name=f"Group {g}") for g in groups),
        needs=(
            Need(id="n", title="Search", kind="function", groups=dict.fromkeys(groups, "must")),
        ),
    )
    heard = [(g, 5, [{"text": "yes", "needs": ["n"]}]) for g in groups]
    evidence = analyse_interviews(study, _make(heard))
    table = build_interviews_table(evidence, study)
    parts = print_parts(table)
    assert [p.title for p in parts] == [
        "Needs in the interviews",
        "Interviews per group (1 of 2)",
        "Interviews per group (2 of 2)",
    ]
    assert parts[0].header == (
        "Need",
        "Kind",
        "Verdict",
        "Supported in",
        "Questioned in",
        "Mentioned by, not listed for",
    )
    assert parts[0].rows == (("Search", "Functions", "supported", "10", "0", ""),)
    assert parts[0].text_columns == (0, 1, 2, 5)
    assert [p.header[1:] for p in parts[1:]] == [
        tuple(f"Group g{i} (n=5)" for i in range(0, 5)),
        tuple(f"Group g{i} (n=5)" for i in range(5, 10)),
    ]
    assert all(p.rows == (("Search", *("\u27131",) * 5),) for p in parts[1:])
    assert all(p.text_columns == (0,) for p in parts[1:])
    page = render_interviews_page(evidence, study)
    assert page.count('<div class="print-only">') == 1 and page.count("<table") == 4
    # group headings keep a short word with the next, on the screen (upright) and in print
    assert page.count('class="num unit group">Group g0\u00a0(n=5)</th>') == 1
    assert page.count('class="num group">Group g0\u00a0(n=5)</th>') == 1
    # only the table on screen turns its headings, and makes room for "Group g0 (n=5)"
    assert page.count('style="--upright: 13em"') == 1
    assert interviews_to_markdown(evidence, study).count("| Search |") == 1


def test_more_participants_than_the_group_has_people_is_a_warning(
    make_study: StudyMaker,
) -> None:
    """Desk has 10 people in the minimal study: 10 took part is possible, 100 is a slip
    (or a headcount too low). Said once the definitions load; not while they have errors."""
    interviews = (
        "interviews:\n"
        "  - {id: a, group: desk, participants: 10, quotes: [{text: Ok, needs: [search]}]}\n"
        "  - {id: b, group: desk, participants: 100, quotes: [{text: Ok, needs: [search]}]}\n"
    )
    root = make_study({"interviews/a.yaml": interviews})
    problems = check_study(root).problems
    assert [(p.location.line, p.location.column, p.message) for p in problems] == [
        (3, 40, "100 took part, more than the 10 people of group 'desk'")
    ]
    assert problems[0].severity is Severity.WARNING
    broken = make_study(
        {
            "interviews/a.yaml": interviews,
            "groups.yaml": "groups:\n  - {id: desk, name: D, headcount: 10}\n",  # no 'field'
        },
        name="broken",
    )
    assert not any("took part" in p.message for p in check_study(broken).problems)


def _told(root: Path, words: str) -> list[Problem]:
    """The study's problems whose message holds ``words``."""
    return [p for p in check_study(root).problems if words in p.message]


def test_a_quote_given_twice_in_an_interview_is_a_warning(make_study: StudyMaker) -> None:
    """Pasted twice into the file, a quote counts twice as evidence for its needs: said at
    the second, with the first's line. Tagged otherwise (needs in another order are the
    same), or in another interview, a quote is one of its own."""
    interviews = (
        "interviews:\n"
        "  - id: a\n"
        "    group: desk\n"
        "    quotes:\n"
        "      - {text: Slow search., needs: [search, mobile]}\n"
        "      - {text: Slow search., needs: [mobile]}\n"
        "      - {text: Slow search., needs: [mobile, search]}\n"
        "  - {id: b, group: desk, quotes: [{text: Slow search., needs: [search, mobile]}]}\n"
    )
    problems = _told(make_study({"interviews/a.yaml": interviews}), "twice")
    assert [(p.location.line, p.location.column, p.key, p.message) for p in problems] == [
        (
            7,
            16,
            "interviews[0].quotes[2].text",
            "this quote is given twice in this interview (also on line 5), word for word and "
            "with the same needs: it counts twice as their evidence",
        )
    ]
    assert problems[0].severity is Severity.WARNING
    assert problems[0].hint == "remove one of the two"


def test_quotes_without_their_words_are_not_given_twice(make_study: StudyMaker) -> None:
    """A quote with no text, or a blank one, is an error of its own (told once each), not
    a quote given twice: there are no words that would count twice."""
    interviews = (
        "interviews:\n"
        "  - id: a\n"
        "    group: desk\n"
        "    quotes:\n"
        "      - {needs: [search]}\n"
        "      - {needs: [search]}\n"
        "      - {text: ' ', needs: [search]}\n"
        "      - {text: ' ', needs: [search]}\n"
    )
    problems = check_study(make_study({"interviews/a.yaml": interviews})).problems
    assert [(p.location.line, p.severity) for p in problems] == [
        (line, Severity.ERROR) for line in (5, 6, 7, 8)
    ]
    assert not [p for p in problems if "twice" in p.message]


def test_a_quote_that_supports_a_need_and_casts_doubt_on_it_is_a_warning(
    make_study: StudyMaker,
) -> None:
    """Tagged on both sides, a quote's support and doubt cancel out: said at the need
    under ``questions``, with where it is under ``needs``. A need on one side only, or each
    side in another quote, says nothing."""
    interviews = (
        "interviews:\n"
        "  - id: a\n"
        "    group: desk\n"
        "    quotes:\n"
        "      - {text: Slow search., needs: [search, mobile], questions: [mobile]}\n"
        "      - {text: No app., questions: [search]}\n"
    )
    root = make_study({"interviews/a.yaml": interviews})
    problems = _told(root, "both sides")
    assert [(p.location.line, p.location.column, p.key, p.message) for p in problems] == [
        (
            5,
            67,
            "interviews[0].quotes[0].questions[0]",
            "this quote casts doubt on need 'mobile' and supports it too (line 5, column "
            "46): it counts on both sides",
        )
    ]
    assert problems[0].severity is Severity.WARNING
    assert problems[0].hint == (
        "keep it under needs if the quote says they need it (in another form than planned "
        "too), under questions if it says they do not"
    )
    assert run_needmap("validate", str(root)).returncode == 0  # a warning


def test_an_interview_dated_after_today_is_a_warning(make_study: StudyMaker) -> None:
    """A slip of the year, or an interview written down before it is held: every report
    counts it as held. Today's and earlier dates say nothing."""
    today = datetime.date.today()
    later = today + datetime.timedelta(days=1)
    interviews = (
        "interviews:\n"
        f"  - {{id: a, group: desk, date: {later}, quotes: [{{text: Slow., needs: [search]}}]}}\n"
        f"  - {{id: b, group: desk, date: {today}, quotes: [{{text: Slow., needs: [search]}}]}}\n"
        "  - {id: c, group: desk, date: 2020-02-29, quotes: [{text: Slow., needs: [search]}]}\n"
    )
    problems = [p for p in check_study(make_study({"interviews/a.yaml": interviews})).problems]
    assert [(p.location.line, p.key, p.message, p.severity) for p in problems] == [
        (
            2,
            "interviews[0].date",
            f"this interview is dated {later}, after today ({today}), yet every report "
            "counts it as held",
            Severity.WARNING,
        )
    ]
