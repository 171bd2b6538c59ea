"""``needmap guide``: the interview guide for one group, its order, privacy and entry."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import Severity, UsageError
from needmap.model.analysis import analyse_overlap
from needmap.model.roadmap import plan_roadmap
from needmap.reports.guide_report import (
    group_guide,
    group_guides,
    guide_sections,
    guide_to_markdown,
    need_evidence,
    record_interviews,
    recording_entry,
    render_guide_page,
)
from needmap.reports.i18n import format_percent
from needmap.reports.interviews_report import study_interviews
from needmap.surveys.interviews import check_interviews
from tests.conftest import SHOWN_INTERVIEW, StudyMaker, private_survey_study, run_needmap

runner = CliRunner()
DAY = datetime.date(2026, 12, 3)


def test_a_roadmap_planned_without_evidence_gives_none_of_any_kind(
    make_study: StudyMaker,
) -> None:
    """The status and the brief ask for a need's evidence from a roadmap planned without
    interviews or search logs: each kind is None, not zero."""
    study = load_study(make_study())
    roadmap = plan_roadmap(study, analyse_overlap(study).overlap, ())
    assert need_evidence("search", roadmap, ()) == (None, None, None)


def test_needs_without_evidence_come_first_then_by_importance(make_study: StudyMaker) -> None:
    study = load_study(make_study())
    plain = group_guide(study, "field", DAY)
    assert [(n.need.id, n.importance) for n in plain.needs] == [
        ("mobile", "must"),
        ("search", "should"),
    ]
    heard = group_guide(
        load_study(make_study({"interviews/r1.yaml": SHOWN_INTERVIEW})), "field", DAY
    )
    assert [n.need.id for n in heard.needs] == ["search", "mobile"]  # mobile has evidence now
    assert heard.needs[1].interviews == (1, 0)
    assert guide_sections(heard)[0].lines == ("Interviewed so far: 5 people in 1 interview.",)
    assert guide_sections(plain)[0].lines == ("Not interviewed yet.",)
    (said,) = [s for s in guide_sections(heard) if s.heading.startswith("Said in earlier")]
    assert said.lines == (
        "\u201cI read everything on my phone in the van.\u201d (Works on a phone: supports)",
    )
    few = SHOWN_INTERVIEW.replace("participants: 5", "participants: 4")
    pooled = group_guide(load_study(make_study({"interviews/r1.yaml": few})), "field", DAY)
    assert pooled.interviewed is None and pooled.needs[0].interviews is None  # nothing shown
    assert pooled.said == ()  # nor what they said
    assert not any(s.heading.startswith("Said") for s in guide_sections(pooled))
    assert guide_sections(pooled)[0].lines == (
        "Interviewed so far: fewer than 5 people (not shown).",
    )
    sections = {s.heading: s for s in guide_sections(heard)}
    ask = sections["Needs with no evidence yet: ask about them"]
    check = sections["Needs with evidence so far: check it"]
    assert ask.lines == ("Search (search) · should",)
    assert ask.intro == "Ask for each: how do you do this now, how often, and what goes wrong?"
    assert check.lines == ("Works on a phone (mobile) · must · interviews ✓1",)
    assert "Needs with evidence so far: check it" not in [s.heading for s in guide_sections(plain)]


POOLED = """\
    interviews:
      - id: field-visit
        group: field
        participants: 3
        quotes:
          - text: The van is my office.
            needs: [mobile]
      - id: desk-chat
        group: desk
        participants: 3
        quotes:
          - text: We search all day.
            needs: [search]
    """
"""Three of field and three of desk: each fewer than 5, together a shown pool of six."""


def test_a_group_in_a_shown_pool_gets_no_figures_or_quotes_of_its_own(
    make_study: StudyMaker,
) -> None:
    """The interview report shows the pool as "other groups"; the guide of one of its
    groups must not pass the pool's figures or quotes off as the group's."""
    study = load_study(make_study({"interviews/r1.yaml": POOLED}))
    for group in ("field", "desk"):
        guide = group_guide(study, group, DAY)
        assert guide.interviewed is None and guide.said == ()
        assert guide_sections(guide)[0].lines == (
            "Interviewed so far: fewer than 5 people (not shown).",
        )
    # the pool is shown, so the needs' interview counts (of shown groups) include it
    assert {n.need.id: n.interviews for n in group_guide(study, "field", DAY).needs} == {
        "search": (1, 0),
        "mobile": (1, 0),
    }


def test_a_group_below_the_minimum_size_is_told_it_is_never_shown_alone(
    make_study: StudyMaker,
) -> None:
    """Its interviewees should hear it before they speak: what they say counts only with
    other small groups or in totals. A group of the minimum size is not told so."""
    root = make_study()
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("headcount: 10", "headcount: 4"))
    study = load_study(root)
    assert guide_sections(group_guide(study, "desk", DAY))[0].lines == (
        "Not interviewed yet.",
        "The group has fewer people (4) than the minimum of 5: what they say is never shown "
        "as this group's, only with other small groups or in totals. Tell them so.",
    )
    dutch = group_guide(study.in_language("nl"), "desk", DAY)
    assert guide_sections(dutch)[0].lines[1].startswith("De groep telt minder mensen (4) dan")
    assert "Tell them so." in render_guide_page([group_guide(study, "desk", DAY)])
    groups.write_text(groups.read_text().replace("headcount: 4", "headcount: 5"))
    assert guide_sections(group_guide(load_study(root), "desk", DAY))[0].lines == (
        "Not interviewed yet.",
    )


def test_should_comes_before_could_whatever_the_plan_order(make_study: StudyMaker) -> None:
    needs = (
        "needs:\n"
        "  - {id: a, title: A, kind: function, groups: {desk: could, field: must}}\n"
        "  - {id: b, title: B, kind: function, groups: {desk: should}}\n"
        "  - {id: c, title: C, kind: function, groups: {desk: must}}\n"
    )
    study = load_study(make_study({"needs.yaml": needs, "personas.yaml": None}))
    guide = group_guide(study, "desk", DAY)
    # a is planned first (two groups need it), yet for the desk it is a could
    assert [(n.need.id, n.importance) for n in guide.needs] == [
        ("c", "must"),
        ("b", "should"),
        ("a", "could"),
    ]


def test_a_need_s_largest_share_of_any_survey_is_its_evidence(tmp_path: Path) -> None:
    """The same answers imported a second time with 'Book leave' serving the canteen
    rather than HR self-service: HR self-service has a smaller share in that survey, and
    the guide names its larger one."""
    from needmap.surveys import import_survey, load_mapping, tally_path, write_tally
    from tests.conftest import SURVEY_FIXTURES

    root = private_survey_study(tmp_path)
    mapping = (root / "surveys" / "toptasks.yaml").read_text(encoding="utf-8")
    pulse = root / "surveys" / "pulse.yaml"
    pulse.write_text(
        mapping.replace("id: toptasks", "id: pulse").replace(
            "code: SQ001, needs: [hr-self-service]", "code: SQ001, needs: [canteen]"
        ),
        encoding="utf-8",
    )
    imported = import_survey(
        load_mapping(pulse, load_study(root)), SURVEY_FIXTURES / "exports" / "long.csv"
    )
    write_tally(imported.tally, tally_path(root, "pulse"))
    study = load_study(root)
    guide = group_guide(study, "desk", DAY)
    shares = {s.survey: {e.need: e.share for e in s.needs} for s in guide.surveys}
    hr = next(n for n in guide.needs if n.need.id == "hr-self-service")
    assert shares["pulse"]["hr-self-service"] < shares["toptasks"]["hr-self-service"]
    assert hr.share == shares["toptasks"]["hr-self-service"]
    checked = {s.heading: s.lines for s in guide_sections(guide)}[
        "Needs with evidence so far: check it"
    ]
    share = format_percent(hr.share, "en")
    assert f"HR self-service (hr-self-service) · must · {share} of the votes" in checked


def test_searches_are_evidence_and_a_need_nobody_searched_is_asked_about_first(
    make_study: StudyMaker,
) -> None:
    from tests.search_logs import APP_CSV, files_with_logs

    guide = group_guide(load_study(make_study(files_with_logs())), "desk", DAY)
    assert [(n.need.id, n.searches) for n in guide.needs] == [
        ("dash", 0),  # no evidence yet: first
        ("phonebook", 29),  # then must before could, in plan order
        ("leave", 50),
        ("news", 2),
    ]
    sections = {s.heading: s.lines for s in guide_sections(guide)}
    assert sections["Needs with evidence so far: check it"][1] == (
        "Leave and holidays (leave) · must · 50 searches"
    )
    files = files_with_logs()
    files["analytics/app-searches.csv"] = APP_CSV.replace(b"u5,nieuws,x\n", b"")
    once = group_guide(load_study(make_study(files, name="once")), "desk", DAY)
    lines = {s.heading: s.lines for s in guide_sections(once)}[
        "Needs with evidence so far: check it"
    ]
    assert "News (news) · could · 1 search" in lines


@pytest.mark.parametrize(
    ("quotes", "more"),
    [
        (4, ""),
        (5, ""),
        (6, " 1 more in needmap interviews."),
        (7, " 2 more in needmap interviews."),
    ],
)
def test_at_most_five_quotes_and_how_many_more(
    make_study: StudyMaker, quotes: int, more: str
) -> None:
    said_here = "".join(
        f"          - text: Quote {i}.\n            needs: [mobile]\n" for i in range(quotes)
    )
    many = SHOWN_INTERVIEW[: SHOWN_INTERVIEW.index("          - text:")] + said_here
    guide = group_guide(load_study(make_study({"interviews/r1.yaml": many})), "field", DAY)
    (said,) = [s for s in guide_sections(guide) if s.heading.startswith("Said in earlier")]
    assert len(said.lines) == min(quotes, 5) and said.lines[0].startswith("\u201cQuote 0.\u201d")
    assert said.intro == "Ask whether it still holds, and for whom." + more


def test_at_most_five_needs_of_other_groups_the_most_listed_first(make_study: StudyMaker) -> None:
    """Seven needs that field lists and desk does not: the five first in the plan."""
    needs = (
        "needs:\n  - {id: search, title: Search, kind: function, groups: {desk: must}}\n"
        + "".join(
            f"  - {{id: n{i}, title: Need {i}, kind: content, groups: {{field: must}}}}\n"
            for i in range(1, 8)
        )
    )
    root = make_study({"needs.yaml": needs, "personas.yaml": None})
    guide = group_guide(load_study(root), "desk", DAY)
    assert len(guide.others) == 5
    assert all(count == 1 for _, count in guide.others)


def test_needs_of_the_other_groups_in_the_family_are_offered_to_check(
    make_study: StudyMaker,
) -> None:
    guide = group_guide(load_study(make_study()), "Front desk", DAY)  # by name, too
    assert guide.group.id == "desk"
    assert [(need.id, count) for need, count in guide.others] == [("mobile", 1)]
    others = next(s for s in guide_sections(guide) if s.heading == "Needs of other groups to check")
    assert others.intro == (
        "Listed for other groups in Staff, not for this one: does this group need them too?"
    )
    assert others.lines == ("Works on a phone (mobile) · the other group",)
    assert guide.personas == ()
    assert guide_sections(group_guide(load_study(make_study()), "field", DAY))[1].lines == (
        "Henk: Park keeper",
    )


TWO_SHOWN = """\
    interviews:
      - id: field-visit
        group: field
        participants: 5
        quotes:
          - text: The van is my office.
            needs: [mobile]
      - id: desk-chat
        group: desk
        participants: 5
        quotes:
          - text: We search all day.
            needs: [search]
    """
"""Five of field and five of desk: each group a shown bucket of its own."""


def test_each_group_s_guide_quotes_that_group_only(make_study: StudyMaker) -> None:
    study = load_study(make_study({"interviews/r1.yaml": TWO_SHOWN}))
    desk, field = (group_guide(study, group, DAY) for group in ("desk", "field"))
    assert desk.said == (("We search all day.", (("search", "supports"),)),)
    assert field.said == (("The van is my office.", (("mobile", "supports"),)),)


def test_a_group_whose_needs_all_have_evidence_is_asked_about_none(
    make_study: StudyMaker,
) -> None:
    study = load_study(make_study({"interviews/r1.yaml": TWO_SHOWN}))
    headings = [s.heading for s in guide_sections(group_guide(study, "desk", DAY))]
    assert "Needs with evidence so far: check it" in headings
    assert "Needs with no evidence yet: ask about them" not in headings


def test_needs_of_other_groups_say_how_many_of_them_list_each(make_study: StudyMaker) -> None:
    """Of three groups in a family, a need the two others list is "all 2"; one that one
    of them lists, "1 of the 2"."""
    groups = "families: [{id: staff, name: Staff}]\ngroups:\n" + "".join(
        f"  - {{id: {g}, name: {g.title()}, family: staff, headcount: 10}}\n"
        for g in ("desk", "field", "office")
    )
    needs = (
        "needs:\n"
        "  - {id: search, title: Search, kind: function, groups: {desk: must}}\n"
        "  - {id: mobile, title: Mobile, kind: technology, groups: {field: must, office: could}}\n"
        "  - {id: rooms, title: Rooms, kind: function, groups: {office: must}}\n"
    )
    root = make_study({"groups.yaml": groups, "needs.yaml": needs, "personas.yaml": None})
    guide = group_guide(load_study(root), "desk", DAY)
    (others,) = [s for s in guide_sections(guide) if s.heading == "Needs of other groups to check"]
    assert others.lines == (
        "Mobile (mobile) · all 2 other groups",
        "Rooms (rooms) · 1 of the 2 other groups",
    )


def test_a_group_no_need_lists_is_guided_by_the_open_questions(make_study: StudyMaker) -> None:
    root = make_study()
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text() + "  - {id: office, name: Office, family: staff}\n")
    guide = group_guide(load_study(root), "office", DAY)
    assert guide.needs == ()
    (needs,) = [s for s in guide_sections(guide) if s.heading == "The group's needs"]
    assert needs.intro.startswith("No need lists this group yet (needs.yaml)")
    assert "- id: office-2026-12-03" in recording_entry(guide)
    assert "needs: [NEED-ID]" in recording_entry(guide)


def test_the_recording_entry_is_a_valid_interview_of_the_group(make_study: StudyMaker) -> None:
    root = make_study()
    guide = group_guide(load_study(root), "field", DAY)
    entry = recording_entry(guide)
    assert "  - id: field-2026-12-03\n    group: field\n" in entry
    assert "#     needs: [mobile]  # the needs it supports" in entry
    assert "#     questions: [search]  # the needs it casts doubt on" in entry
    (root / "interviews").mkdir()
    (root / "interviews" / "field-2026-12-03.yaml").write_text(entry + "\n", encoding="utf-8")
    study = load_study(root)
    (waiting,) = check_interviews(study)  # valid; only a reminder that it has no quotes
    assert waiting.severity is Severity.WARNING
    assert (waiting.location.line, waiting.location.column) == (6, 13)  # at "[]"
    assert "interview 'field-2026-12-03' has no quotes yet" in waiting.message
    evidence = study_interviews(study).for_need("mobile")  # the example adds no evidence
    assert (evidence.supported, evidence.questioned) == (0, 0)


def test_must_should_could_and_the_entry_s_example_tags_the_first_two(
    make_study: StudyMaker,
) -> None:
    needs = """\
        needs:
          - {id: c, title: C, kind: content, groups: {field: could}}
          - {id: s, title: S, kind: content, groups: {field: should}}
          - {id: m, title: M, kind: content, groups: {field: must}}
        """
    guide = group_guide(
        load_study(make_study({"needs.yaml": needs, "personas.yaml": None})), "field", DAY
    )
    assert [n.need.id for n in guide.needs] == ["m", "s", "c"]
    entry = recording_entry(guide)
    assert "#     needs: [m]" in entry and "#     questions: [s]" in entry


def test_record_writes_each_entry_as_a_new_file(make_study: StudyMaker) -> None:
    root = make_study({"interviews/r1.yaml": SHOWN_INTERVIEW})
    assert record_interviews([]) == []  # no guide, no file
    entry = recording_entry(group_guide(load_study(root), "field", DAY))
    shown = runner.invoke(
        app, ["guide", str(root), "field", "desk", "--date", "2026-12-03", "--record"]
    )
    assert shown.exit_code == 0, shown.stderr
    first = root / "interviews" / "field-2026-12-03.yaml"
    assert f"wrote {first}: fill in the quotes" in " ".join(shown.stdout.split())
    assert (root / "interviews" / "desk-2026-12-03.yaml").is_file()
    before = first.read_bytes()
    assert before.decode() == entry + "\n"  # no schemas/ in this study: no modeline
    # a second interview with the group that day: an entry and a file of its own
    again = run_needmap("guide", str(root), "field", "--date", "2026-12-03", "--record")
    assert again.returncode == 0, again.stderr
    second = root / "interviews" / "field-2026-12-03-2.yaml"
    assert "  - id: field-2026-12-03-2\n" in second.read_text(encoding="utf-8")
    assert "interviews/field-2026-12-03-2.yaml (needmap guide --record writes it)" in " ".join(
        again.stdout.split()
    )
    assert first.read_bytes() == before
    study = load_study(root)
    problems = check_interviews(study)
    assert {p.severity for p in problems} == {Severity.WARNING}
    assert sorted(p.location.path.name for p in problems if p.location.path) == [
        "desk-2026-12-03.yaml",
        "field-2026-12-03-2.yaml",
        "field-2026-12-03.yaml",
    ]
    assert runner.invoke(app, ["validate", str(root)]).exit_code == 0


def test_a_recorded_entry_starts_with_the_schema_modeline_where_the_study_has_schemas(
    tmp_path: Path,
) -> None:
    from needmap.personas.modelines import MODELINE
    from needmap.scaffold import init_study

    init_study(tmp_path / "s", "company")
    (written,) = record_interviews(group_guides(load_study(tmp_path / "s"), ["field"], DAY))
    assert written == tmp_path / "s" / "interviews" / "field-2026-12-03.yaml"
    first = written.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE + "../schemas/interviews.schema.json"
    assert (written.parent / first.removeprefix(MODELINE)).is_file()


def test_each_need_carries_its_own_share_of_the_votes(tmp_path: Path) -> None:
    """Minimum 4, so the one 'other' respondent (the café menu) is left out: 24 votes.
    HR = leave 7 + expenses 3, people finder = colleague 5, canteen = meeting 4 + café 2,
    service desk = printer 3."""
    guide = group_guide(load_study(private_survey_study(tmp_path)), "desk", DAY)
    assert {n.need.id: n.share for n in guide.needs} == pytest.approx(
        {
            "hr-self-service": 10 / 24,
            "people-finder": 5 / 24,
            "canteen": 6 / 24,
            "service-desk": 3 / 24,
        }
    )


def test_needs_of_groups_in_another_family_are_not_offered(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "groups.yaml": """\
                families:
                  - {id: staff, name: Staff}
                  - {id: public, name: Public}
                groups:
                  - {id: desk, name: Front desk, family: staff}
                  - {id: field, name: Field staff, family: staff}
                  - {id: citizen, name: Citizens, family: public}
                """,
            "needs.yaml": """\
                needs:
                  - {id: search, title: Search, kind: function, groups: {desk: must}}
                  - {id: mobile, title: Mobile, kind: technology, groups: {field: must}}
                  - {id: forms, title: Forms, kind: function, groups: {citizen: must}}
                """,
        }
    )
    guide = group_guide(load_study(root), "desk", DAY)
    assert [(need.id, count) for need, count in guide.others] == [("mobile", 1)]


def test_a_group_below_the_minimum_shows_no_survey_figures(tmp_path: Path) -> None:
    study = load_study(private_survey_study(tmp_path))
    shown = guide_sections(group_guide(study, "desk", DAY))
    hidden = guide_sections(group_guide(study, "field", DAY))
    survey = "What the top-task survey says"
    (desk_line,) = next(s for s in shown if s.heading == survey).lines
    (field_line,) = next(s for s in hidden if s.heading == survey).lines
    # the desk's 12 votes: leave 3, colleague 3, expenses 2, printer 2, meeting 1, café 1;
    # five are named, equal shares as a reader files the labels
    assert desk_line == (
        "Top tasks intranet 2026, 5 respondents from this group; chosen most: Book leave "
        "(25.0%); Find a colleague, by name or expertise (25.0%); Claim expenses (16.7%); "
        "Report a broken printer (16.7%); Plan a meeting with lunch and projector (8.3%)."
    )
    assert field_line == (
        "Top tasks intranet 2026: fewer than 4 respondents from this group (or hidden so that "
        "a small group cannot be worked out): not shown."
    )
    assert "respondents from this group;" not in guide_to_markdown(
        [group_guide(study, "field", DAY)]
    )


def test_a_group_the_survey_did_not_ask_is_said_so(tmp_path: Path) -> None:
    root = private_survey_study(tmp_path)
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text() + "  - {id: boss, name: Bosses, headcount: 5}\n")
    sections = guide_sections(group_guide(load_study(root), "boss", DAY))
    (survey,) = [s for s in sections if s.heading == "What the top-task survey says"]
    assert survey.lines == ("Top tasks intranet 2026: this group was not asked.",)


def test_an_unknown_group_is_a_usage_error(make_study: StudyMaker) -> None:
    with pytest.raises(UsageError, match="the study has no group 'feild'") as caught:
        group_guide(load_study(make_study()), "feild", DAY)
    assert "did you mean 'field'" in caught.value.problems[0].hint
    with pytest.raises(UsageError) as family:  # a circle of the diagram by family
        group_guide(load_study(make_study()), "STAFF", DAY)
    assert (
        family.value.problems[0].hint == "'STAFF' is a family (Staff); its groups are: desk, field"
    )
    with pytest.raises(UsageError) as both:
        group_guides(load_study(make_study()), ["feild", "desk", "dsk"], DAY)
    assert [p.message for p in both.value.problems] == [
        "the study has no group 'feild'",
        "the study has no group 'dsk'",
    ]
    with pytest.raises(UsageError) as far:  # nothing close: the groups, in the file's order
        group_guide(load_study(make_study()), "Directors", DAY)
    assert far.value.problems[0].hint == (
        "use a group's id, as in groups.yaml, or its name: desk, field"
    )
    # a persona or a need named where a group belongs: told what it is
    hints = []
    for named in ("henk", "Henk", "mobile", "Works on a phone"):
        with pytest.raises(UsageError) as other:
            group_guide(load_study(make_study()), named, DAY)
        hints.append(other.value.problems[0].hint)
    assert hints == [
        "'henk' is a persona, of group 'field'",
        "'Henk' is a persona, of group 'field'",
        "'mobile' is a need; use a group's id, as in groups.yaml, or its name: desk, field",
        "'Works on a phone' is a need; use a group's id, as in groups.yaml, or its name: desk, "
        "field",
    ]


def test_a_group_named_twice_gets_one_guide(make_study: StudyMaker) -> None:
    guides = group_guides(load_study(make_study()), ["field", "Field staff", "desk"], DAY)
    assert [g.group.id for g in guides] == ["field", "desk"]


def test_without_a_group_every_group_gets_a_guide_on_a_page_of_its_own(
    make_study: StudyMaker,
) -> None:
    guides = group_guides(load_study(make_study()), [], DAY)
    assert [g.group.id for g in guides] == ["desk", "field"]
    page = render_guide_page(guides)
    assert "<title>Interview guides</title>" in page
    assert page.count('<article class="guide">') == 2
    assert "article.guide + article.guide { break-before: page;" in page
    text = guide_to_markdown(guides)
    assert text.index("# Interview guide: Front desk\n") < text.index(
        "# Interview guide: Field staff\n"
    )


def test_one_guide_s_page_is_titled_by_its_group_with_the_group_s_people(
    make_study: StudyMaker,
) -> None:
    root = make_study()
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("    headcount: 20\n", ""))  # field has none
    study = load_study(root)
    desk = render_guide_page([group_guide(study, "desk", DAY)])
    assert "<title>Interview guide: Front desk</title>" in desk
    assert '<p class="subtitle">Test org · 10 people</p>' in desk
    field = render_guide_page([group_guide(study, "field", DAY)])
    assert '<p class="subtitle">Test org</p>' in field


def test_markdown_golden(make_study: StudyMaker, golden: Callable[[str, str], None]) -> None:
    root = make_study({"interviews/r1.yaml": SHOWN_INTERVIEW})
    golden("guide-minimal.md", guide_to_markdown(group_guides(load_study(root), [], DAY)))


def test_the_page_escapes_the_study_s_text(make_study: StudyMaker) -> None:
    root = make_study()
    groups = root / "groups.yaml"
    groups.write_text(groups.read_text().replace("Front desk", "Front <b>desk</b>"))
    page = render_guide_page([group_guide(load_study(root), "desk", DAY)])
    assert "<h1>Interview guide: Front &lt;b&gt;desk&lt;/b&gt;</h1>" in page
    assert '<pre tabindex="0">interviews:\n  - id: desk-2026-12-03' in page


def test_guide_on_the_command_line(make_study: StudyMaker, tmp_path: Path) -> None:
    root = make_study()
    printed = runner.invoke(app, ["guide", str(root), "field", "--date", "2026-12-03"])
    assert printed.exit_code == 0, printed.stderr
    assert printed.stdout.startswith("Interview guide: Field staff\n")
    assert "  - id: field-2026-12-03\n" in printed.stdout
    dutch = runner.invoke(app, ["guide", str(root), "field", "-l", "nl"])
    assert dutch.stdout.startswith("Gespreksleidraad: Field staff\n")
    wrong = runner.invoke(app, ["guide", str(root), "field", "--date", "3-12-2026"])
    assert wrong.exit_code == 2
    unknown = runner.invoke(app, ["guide", str(root), "nobody"])
    assert unknown.exit_code == 2 and "the study has no group 'nobody'" in unknown.stderr
    out = tmp_path / "guide.md"
    done = run_needmap("guide", str(root), "field", "--date", "2026-12-03", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Interview guide: Field staff\n")
    assert "```yaml\ninterviews:\n  - id: field-2026-12-03\n" in text
    refused = runner.invoke(app, ["guide", str(root), "field", "--out", str(tmp_path / "g.xlsx")])
    assert refused.exit_code == 2
    assert "cannot write the interview guide as '.xlsx'" in refused.stderr
    assert "use a name ending in .html, .pdf or .md" in " ".join(refused.stderr.split())
    every = runner.invoke(app, ["guide", str(root), "--out", str(tmp_path / "all.html")])
    assert every.exit_code == 0, every.stderr
    assert "all.html (2 groups)" in every.stdout
    two = runner.invoke(app, ["guide", str(root), "field", "Front desk", "--date", "2026-12-03"])
    assert two.exit_code == 0, two.stderr
    assert two.stdout.index("Interview guide: Field staff") < two.stdout.index(
        "Interview guide: Front desk"
    )
