"""The demo's generated survey export: a Microsoft Forms file as the tool gives it, with as
many respondents per group as its headcount and response rate make, each picking tasks
that serve the group's needs more often. The whole demo is run by the CLI tests."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from needmap import load_study
from needmap.demo import RESPONSE_RATES, add_earlier_runs, write_example_export
from needmap.demo import _task_weight as task_weight
from needmap.demo_searches import add_earlier_months
from needmap.personas.study import Study
from needmap.reports.searches_report import study_searches
from needmap.scaffold import init_study, list_templates
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.mapping import SurveyMapping, mapping_files
from needmap.surveys.searchlog import check_search_logs, search_log_files
from tests.conftest import SURVEY_FIXTURES


def _survey_study(tmp_path: Path, groups: str | None = None) -> tuple[Study, SurveyMapping]:
    """The survey fixture study (desk 10, field 30, office 60 people) and its Microsoft
    Forms mapping; ``groups`` replaces its groups.yaml."""
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    if groups is not None:
        (root / "groups.yaml").write_text(groups, encoding="utf-8")
    study = load_study(root)
    return study, load_mapping(SURVEY_FIXTURES / "mappings" / "ms-forms.yaml", study)


def test_each_group_answers_at_its_response_rate(tmp_path: Path) -> None:
    study, mapping = _survey_study(tmp_path)
    export = tmp_path / "export.csv"
    # desk: 10 x 0.5 (a group the rates do not name); field: 30 x 0.2; office: 60 x 0.55
    assert write_example_export(study, mapping, export) == 5 + 6 + 33
    tally = import_survey(mapping, export, strict=True).tally
    assert dict(tally.respondents) == {"desk": 5, "field": 6, "office": 33}


def test_a_group_without_headcount_or_answer_is_left_out_and_a_small_one_answers(
    tmp_path: Path,
) -> None:
    groups = """\
groups:
  - {id: field, name: Field staff}
  - {id: board, name: Board, headcount: 40}
  - {id: office, name: Office staff, headcount: 0}
  - {id: desk, name: Front desk, headcount: 1}
"""
    study, mapping = _survey_study(tmp_path, groups)
    export = tmp_path / "export.csv"
    # desk: 1 x 0.5 rounds to 0, yet one answers; field and office have no headcount;
    # board is no answer of the survey's question
    assert write_example_export(study, mapping, export) == 1
    assert dict(import_survey(mapping, export).tally.respondents) == {"desk": 1}


def test_the_export_is_laid_out_as_microsoft_forms_writes_it(tmp_path: Path) -> None:
    study, mapping = _survey_study(tmp_path)
    export = tmp_path / "export.csv"
    write_example_export(study, mapping, export)
    data = export.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfID,Start time,") and data.count(b"\r\n") == 45
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "What is your role?",
        "Which tasks do you do most often? Choose at most five.",
    ]
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, 45)]
    assert rows[1][1:6] == [
        "3/3/26 9:01:10",
        "3/3/26 9:01:55",
        "anonymous",
        "",
        "Front desk / reception",
    ]
    assert rows[44][1:3] == ["3/10/26 9:44:10", "3/10/26 9:44:55"]
    assert {row[5] for row in rows[1:]} == {"Front desk / reception", "Field staff", "Office staff"}
    labels = {task.label for task in mapping.tasks}
    picks = [row[6].split(";") for row in rows[1:]]
    assert all(chosen[-1] == "" for chosen in picks)  # each choice ends in ";", as Forms does
    assert {len(set(chosen[:-1])) for chosen in picks} == {3, 4, 5}  # distinct, 3 to 5
    assert all(len(chosen) - 1 in (3, 4, 5) and set(chosen[:-1]) <= labels for chosen in picks)


def test_every_answer_has_times_a_spreadsheet_reads_as_times(tmp_path: Path) -> None:
    groups = """\
groups:
  - {id: desk, name: Front desk}
  - {id: field, name: Field staff}
  - {id: office, name: Office staff, headcount: 300}
"""
    study, mapping = _survey_study(tmp_path, groups)
    export = tmp_path / "export.csv"
    assert write_example_export(study, mapping, export) == 165
    rows = list(csv.reader(export.read_text(encoding="utf-8-sig").splitlines()))[1:]
    started = [datetime.strptime(row[1], "%m/%d/%y %H:%M:%S") for row in rows]
    completed = [datetime.strptime(row[2], "%m/%d/%y %H:%M:%S") for row in rows]
    taken = {end - start for start, end in zip(started, completed, strict=True)}
    assert taken == {timedelta(seconds=45)}
    assert {start.minute for start in started} == set(range(60))


def test_the_export_is_the_same_for_a_seed_and_another_for_another(tmp_path: Path) -> None:
    study, mapping = _survey_study(tmp_path)
    first, again, other = (tmp_path / name for name in ("first.csv", "again.csv", "other.csv"))
    write_example_export(study, mapping, first)
    write_example_export(study, mapping, again)
    write_example_export(study, mapping, other, seed=7)
    assert first.read_bytes() == again.read_bytes() != other.read_bytes()


def test_a_task_weighs_more_the_more_its_needs_matter_to_the_group(tmp_path: Path) -> None:
    study, _ = _survey_study(tmp_path)
    # 0.3 for every task, plus the square of 3 (must), 2 (should) or 1 (could) per need
    assert task_weight(study, ["hr-self-service"], "desk") == pytest.approx(9.3)
    assert task_weight(study, ["hr-self-service"], "office") == pytest.approx(4.3)
    assert task_weight(study, ["service-desk"], "office") == pytest.approx(1.3)
    assert task_weight(study, ["room-booking", "canteen"], "office") == pytest.approx(10.3)
    assert task_weight(study, ["room-booking"], "desk") == pytest.approx(0.3)
    assert task_weight(study, ["no-such-need"], "desk") == pytest.approx(0.3)


def test_groups_pick_the_tasks_that_serve_them(tmp_path: Path) -> None:
    study, mapping = _survey_study(tmp_path)
    export = tmp_path / "export.csv"
    write_example_export(study, mapping, export)
    votes = import_survey(mapping, export).tally.votes
    # room booking is a must for office staff only; booking leave a must for field staff
    assert votes["office"]["meeting"] > votes["office"]["cafe"]
    assert votes["desk"]["meeting"] <= votes["desk"]["leave"]
    assert votes["field"]["leave"] > votes["field"]["meeting"]


def test_only_a_microsoft_forms_mapping_gets_an_example_export(tmp_path: Path) -> None:
    study, _ = _survey_study(tmp_path)
    mapping = load_mapping(SURVEY_FIXTURES / "mappings" / "limesurvey.yaml", study)
    with pytest.raises(ValueError) as refused:
        write_example_export(study, mapping, tmp_path / "export.csv")
    assert str(refused.value) == "example exports are written in the ms-forms layout"
    assert not (tmp_path / "export.csv").exists()


def test_every_response_rate_names_a_group_asked_in_a_template_s_survey(tmp_path: Path) -> None:
    asked: set[str] = set()
    for template in list_templates():
        root = tmp_path / template.name
        init_study(root, template.name)
        study = load_study(root)
        for path in mapping_files(root):
            asked.update(load_mapping(path, study).group.group_ids())
    assert set(RESPONSE_RATES) <= asked


def test_the_earlier_runs_are_the_template_s_survey_two_and_four_years_before(
    tmp_path: Path,
) -> None:
    """The demo's study holds the survey as held in 2024 (its last task not asked yet) and
    in 2022 (its last two), each named by the run after it as its earlier run; every file
    keeps every comment, and says how many years before its run is made up."""
    root = tmp_path / "study"
    init_study(root, "municipality")
    path = root / "surveys" / "toptasks.yaml"
    template = path.read_text(encoding="utf-8")
    made = add_earlier_runs(path, "Made up, {years} years before.", [2024, 2022])
    assert made == [root / "surveys" / f"toptasks-{year}.yaml" for year in (2024, 2022)]
    lines = template.splitlines(keepends=True)
    title = lines.index("title: Intranet top-task survey, March 2026\n")
    now = [*lines[: title + 1], "earlier: toptasks-2024\n", *lines[title + 1 :]]
    assert path.read_text(encoding="utf-8") == "".join(now)
    two_years = [
        lines[0],
        "# Made up, 2 years before.\n",
        *lines[1 : title - 1],
        "id: toptasks-2024\n",
        "title: Intranet top-task survey, March 2024\n",
        "earlier: toptasks-2022\n",
        *lines[title + 1 : -1],
    ]
    four_years = [
        lines[0],
        "# Made up, 4 years before.\n",
        *lines[1 : title - 1],
        "id: toptasks-2022\n",
        "title: Intranet top-task survey, March 2022\n",
        *lines[title + 1 : -2],
    ]
    assert lines[-1].startswith("  - {id: council-agenda,")
    assert made[0].read_text(encoding="utf-8") == "".join(two_years)
    assert made[1].read_text(encoding="utf-8") == "".join(four_years)
    study = load_study(root)
    later, earlier, first = (load_mapping(p, study) for p in (path, *made))
    assert later.earlier == earlier.id == "toptasks-2024"
    assert earlier.earlier == first.id == "toptasks-2022" and first.earlier is None
    assert [t.id for t in earlier.tasks] == [t.id for t in later.tasks][:-1]
    assert [t.id for t in first.tasks] == [t.id for t in later.tasks][:-2]


def test_each_made_up_run_names_the_one_before_it(tmp_path: Path) -> None:
    root = tmp_path / "study"
    init_study(root, "care")
    path = root / "surveys" / "toptasks.yaml"
    made = add_earlier_runs(path, "Made up.", [2024, 2022, 2020])
    study = load_study(root)
    chain = [load_mapping(p, study) for p in (path, *made)]
    assert [(m.id, m.earlier) for m in chain] == [
        ("toptasks-2026", "toptasks-2024"),
        ("toptasks-2024", "toptasks-2022"),
        ("toptasks-2022", "toptasks-2020"),
        ("toptasks-2020", None),
    ]
    assert [len(m.tasks) for m in chain] == [len(chain[0].tasks) - n for n in range(4)]


def test_an_earlier_run_of_a_survey_named_without_a_year_adds_the_year(tmp_path: Path) -> None:
    root = tmp_path / "study"
    shutil.copytree(SURVEY_FIXTURES / "study", root)
    path = root / "surveys" / "forms.yaml"
    path.parent.mkdir(exist_ok=True)
    text = (SURVEY_FIXTURES / "mappings" / "ms-forms.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("intranet 2026", "intranet"), encoding="utf-8")
    [made] = add_earlier_runs(path, "Made up.", [2024])
    study = load_study(root)
    earlier = load_mapping(made, study)
    assert made.name == "toptasks-2024.yaml" and earlier.id == "toptasks-2024"
    assert earlier.title == "Top tasks intranet (2024)"
    assert load_mapping(path, study).earlier == "toptasks-2024"


def test_each_made_up_run_is_answered_as_its_year_says(demo: Path) -> None:
    """The demo's exports: the template's survey as in 2026, the run before it as in 2024
    (fewer respondents, the news favoured), the first as in 2022 (fewer still)."""
    years = {}
    for year in (2022, 2024, 2026):
        rows = (demo / f"example-export-toptasks-{year}.csv").read_text("utf-8-sig").splitlines()
        years[year] = {row.split(",")[1][-10:-8] for row in rows[1:]}, len(rows) - 1
    assert {year: stamps for year, (stamps, _) in years.items()} == {
        2022: {"22"},
        2024: {"24"},
        2026: {"26"},
    }
    assert years[2022][1] < years[2024][1] < years[2026][1]


def test_the_earlier_run_is_answered_by_fewer_in_its_year_and_favours_its_tasks(
    tmp_path: Path,
) -> None:
    study, mapping = _survey_study(tmp_path)
    plain, earlier = tmp_path / "plain.csv", tmp_path / "earlier.csv"
    write_example_export(study, mapping, plain, seed=5)
    # desk: 10 x 0.5 x 0.8 = 4; field: 30 x 0.2 x 0.8 = 4.8, 5; office: 60 x 0.55 x 0.8 = 26.4
    favour = {"cafe": 10.0}
    count = write_example_export(
        study, mapping, earlier, seed=5, year=2024, turnout=0.8, favour=favour
    )
    assert count == 4 + 5 + 26
    rows = list(csv.reader(earlier.read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert {row[1][-10:-8] for row in rows} == {"24"}  # 3/D/24 9:MM:10
    votes = [import_survey(mapping, export).tally.votes for export in (plain, earlier)]
    assert all(votes[1][group]["cafe"] > votes[0][group]["cafe"] for group in votes[0])


def test_the_search_log_reads_the_template_s_month_and_two_made_up_before_it(
    tmp_path: Path,
) -> None:
    """The template's log of May becomes March to May: two exports written beside May's,
    the same terms with fewer searches (by hand: 0.85 a month back for a term that found
    something, 0.6 for one that found nothing, within 15% either way), the file: a pattern,
    gap_from three months' worth; every other line and comment as it was."""
    root = tmp_path / "study"
    init_study(root, "municipality")
    path = root / "analytics" / "search.yaml"
    template = path.read_text(encoding="utf-8")
    made = add_earlier_months(path, "en")
    assert [p.name for p in made] == ["search-terms-march-2026.csv", "search-terms-april-2026.csv"]
    changed = {
        "period: May 2026\n": "period: March\u2013May 2026\n",
        "file: search-terms-may-2026.csv  # several months as one log: search-terms-*.csv\n": (
            "file: search-terms-*-2026.csv  # several months as one log: search-terms-*.csv\n"
        ),
        "gap_from: 20\n": "gap_from: 60\n",
    }
    lines = template.splitlines(keepends=True)
    assert set(changed) <= set(lines)
    assert path.read_text(encoding="utf-8") == "".join(changed.get(line, line) for line in lines)
    may = _search_rows(root / "analytics" / "search-terms-may-2026.csv")
    for back, export in zip((2, 1), made, strict=True):
        rows = _search_rows(export)
        assert [row[0] for row in rows] == [row[0] for row in may]
        for (_, searches, results), (_, then, then_results) in zip(may, rows, strict=True):
            kept = (0.85 if int(results) else 0.6) ** back
            assert then_results == results
            assert max(1, round(int(searches) * kept * 0.85)) <= int(then)
            assert int(then) <= max(1, round(int(searches) * kept * 1.15))
    assert add_earlier_months(path, "en") == []  # a pattern already: left as it is
    study = load_study(root)
    [log] = study_searches(study).logs
    assert log.export_labels == ("march", "april", "may")
    (root / "analytics" / "search-terms-may-2026.csv").rename(root / "analytics" / "terms.csv")
    path.write_text(template.replace("search-terms-may-2026.csv", "terms.csv"), encoding="utf-8")
    assert add_earlier_months(path, "en") == []  # no month in its name: nothing to count back
    assert "file: terms.csv" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "months"),
    [
        ("gemeente", ("maart", "april", "mei")),
        ("bedrijf", ("juni", "juli", "augustus")),
        ("zorginstelling", ("augustus", "september", "oktober")),
        ("company", ("june", "july", "august")),
        ("care", ("august", "september", "october")),
    ],
)
def test_every_template_s_log_gets_the_two_months_before_its_own(
    tmp_path: Path, template: str, months: tuple[str, ...]
) -> None:
    """In the template's language, written as its export is (a Dutch one with a BOM and
    semicolons), and read without a problem."""
    root = tmp_path / "study"
    init_study(root, template)
    [path] = search_log_files(root)
    study = load_study(root)
    [own] = [p for p in path.parent.iterdir() if p.suffix == ".csv"]
    made = add_earlier_months(path, study.settings.language)
    assert [p.name for p in made] == [own.name.replace(months[2], m) for m in months[:2]]
    for export in made:
        assert export.read_bytes()[:3] == own.read_bytes()[:3]  # a BOM where it has one
        header = export.read_text(encoding="utf-8-sig").splitlines()[0]
        assert header == own.read_text(encoding="utf-8-sig").splitlines()[0]
    assert check_search_logs(load_study(root)) == []
    [log] = study_searches(load_study(root)).logs
    assert log.export_labels == months


def test_the_demo_s_searches_rise_month_by_month(demo: Path) -> None:
    study = load_study(demo / "study")
    evidence = study_searches(study)
    [log] = evidence.logs
    assert log.exports == (
        "search-terms-march-2026.csv",
        "search-terms-april-2026.csv",
        "search-terms-may-2026.csv",
    )
    most = max(evidence.needs, key=lambda need: need.searches)
    [(march, april, may)] = most.per_export
    assert march < april < may
    page = (demo / "searches.html").read_text(encoding="utf-8")
    table = page[page.index('<table class="needs ranking by-log">') :]
    headings = [f'<th scope="col" class="num">{month}</th>' for month in ("March", "April", "May")]
    assert "Searches per export" in table[: table.index("</caption>")]
    assert [table.index(heading) for heading in headings] == sorted(
        table.index(heading) for heading in headings
    )


def _search_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))[1:]
