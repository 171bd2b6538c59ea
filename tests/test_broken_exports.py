"""Every problem a broken survey export or search log is told, with its whole hint, in
golden files.

The tests in ``test_surveys.py`` each check a problem's place and message; this one reads
as a consultant does what ``needmap survey import`` prints for exports gone wrong in each
layout's usual ways: ``tests/golden/broken-exports.txt``, updated only with
``--update-golden``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from needmap import load_study
from needmap.errors import InvalidStudyError, Problem, listed
from needmap.personas.study import Study
from needmap.surveys import import_survey, load_mapping
from needmap.surveys.mapping import checked_mapping
from needmap.surveys.searchlog import check_search_logs
from tests.conftest import SURVEY_FIXTURES, StudyMaker

EXPORTS = SURVEY_FIXTURES / "exports"
MS_FORMS_ROW = "{respondent},3/2/26 9:12:40,3/2/26 9:14:03,anonymous,,{group},{choices}\n"
GOOGLE_ROW = "2026/03/02 9:14:03 AM CET,{group},{choices}\n"


@dataclass(frozen=True)
class Broken:
    """An export of the fixtures with ``rows`` added at its end (or its header replaced)."""

    id: str
    layout: str
    rows: tuple[str, ...] = ()
    header: str | None = None


def _ms_forms(group: str, choices: str, respondent: int = 99) -> str:
    return MS_FORMS_ROW.format(respondent=respondent, group=group, choices=f'"{choices}"')


def _google(group: str, choices: str) -> str:
    return GOOGLE_ROW.format(group=group, choices=f'"{choices}"')


CASES = (
    Broken(
        "ms-forms, answers the mapping does not know",
        "ms-forms",
        (
            _ms_forms("Nurse", "Book leave;", 90),
            _ms_forms("Field staf", "Book leave;", 91),
            _ms_forms("Field staff", "Book leav;Fly to the moon;", 92),
            _ms_forms("Field staff", "Book leav;Claim expnses;", 93),
            _ms_forms("Field staff", "Swim;Fly;Run;Jump;", 94),
        ),
    ),
    Broken(
        "ms-forms, respondents left out",
        "ms-forms",
        (
            _ms_forms(
                "Field staff",
                "Book leave;Claim expenses;Report a broken printer;"
                "Plan a meeting with lunch and projector;See the café menu;"
                "Find a colleague, by name or expertise;",
            ),
            _ms_forms("Field staff", "Book leave;Book leave;", 91),
            _ms_forms("Field staff", "", 92),
            _ms_forms("", "Book leave;", 93),
            "\n",
        ),
    ),
    Broken(
        "ms-forms, a row with a cell too many",
        "ms-forms",
        (_ms_forms("Field staff", "Book leave;").rstrip("\n") + ",extra\n",),
    ),
    Broken(
        "ms-forms, choices joined as Google Forms joins them",
        "ms-forms",
        (_ms_forms("Field staff", "Book leave, Claim expenses"),),
    ),
    Broken(
        "ms-forms, the group column renamed",
        "ms-forms",
        header="ID,Start time,Completion time,Email,Name,Role,"
        "Which tasks do you do most often? Choose at most five.\n",
    ),
    Broken(
        "google-forms, a choice no task has",
        "google-forms",
        (_google("Field staff", "Book leave, Fly to the moon, Claim expenses"),),
    ),
    Broken(
        "google-forms, choices joined as Microsoft Forms joins them",
        "google-forms",
        (_google("Field staff", "Book leave;Claim expenses"),),
    ),
    Broken(
        "limesurvey, a mark that is not Y and a group code the mapping lacks",
        "limesurvey",
        (
            '"99","2026-03-02 09:14:03","2","en","1","AO02","Y","Maybe","","","",""\n',
            '"98","2026-03-02 09:14:03","2","en","1","AO09","Y","","","","",""\n',
        ),
    ),
    Broken(
        "limesurvey, exported with full answers where the mapping has codes",
        "limesurvey",
        tuple(
            f'"9{n}","2026-03-02 09:14:03","2","en","1","Front desk","Y","","","","",""\n'
            for n in range(3)
        ),
    ),
    Broken(
        "long, one respondent in two groups and a task no one listed",
        "long",
        ("r99;desk;Book leave\r\n", "r99;field;Claim expenses\r\n", "r98;desk;Fly\r\n"),
    ),
    Broken(
        "long, a row that stops before its task cell",
        "long",
        ("r97;desk\r\n", "r96;desk;Book leave\r\n"),
    ),
    Broken(
        "ms-forms, a row that stops before its last cell",
        "ms-forms",
        ("99,3/2/26 9:12:40,3/2/26 9:14:03,anonymous,,Field staff\n",),
    ),
    Broken(
        "ms-forms, a quote left open",
        "ms-forms",
        (
            '99,3/2/26 9:12:40,3/2/26 9:14:03,anonymous,,Field staff,"Book leave;\n',
            _ms_forms("Field staff", "Claim expenses;"),
        ),
    ),
    Broken(
        "ms-forms, a dozen respondents who chose nothing: warnings, counted on",
        "ms-forms",
        tuple(_ms_forms("Field staff", "", 80 + i) for i in range(12)),
    ),
    Broken(
        "ms-forms, its first rows pasted again: warnings, counted once",
        "ms-forms",
        tuple(
            f"{row}\n" for row in (EXPORTS / "ms-forms.csv").read_text("utf-8").splitlines()[1:5]
        ),
    ),
    Broken(
        "long, the same problem on a dozen rows",
        "long",
        tuple(f"x{i:02};desk;Fly to the moon\r\n" for i in range(12)),
    ),
)


def _export(case: Broken, folder: Path) -> Path:
    """The fixture export of the case's layout, broken as the case says, in ``folder``."""
    fixture = EXPORTS / f"{case.layout}.csv"
    encoding = "cp1252" if case.layout == "long" else "utf-8-sig"
    text = fixture.read_text(encoding=encoding)
    if case.header is not None:
        text = case.header + text.split("\n", 1)[1]
    if not text.endswith("\n"):
        text += "\n"
    path = folder / fixture.name
    path.write_text(text + "".join(case.rows), encoding=encoding, newline="")
    return path


def _told(problems: list[Problem], folder: Path) -> list[str]:
    lines = []
    for problem in problems:
        hint = f"\n    hint: {problem.hint}" if problem.hint else ""
        lines.append("  " + (problem.format() + hint).replace(f"{folder}/", ""))
    return lines


def test_every_broken_export_is_told_each_problem_with_its_whole_hint(
    study: Study, tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    told = []
    for n, case in enumerate(CASES):
        folder = tmp_path / str(n)
        folder.mkdir()
        mapping = load_mapping(SURVEY_FIXTURES / "mappings" / f"{case.layout}.yaml", study)
        try:
            export = _export(case, folder)
            named = Path("study/surveys/toptasks.yaml")  # as the command names it
            problems = list(import_survey(mapping, export, mapping_file=named).warnings)
        except InvalidStudyError as raised:
            problems = list(raised.problems)
        assert problems, f"{case.id}: nothing told"
        told += [f"{case.id}:", *_told(problems, folder)]
    golden("broken-exports.txt", "\n".join(told) + "\n")


LOG = "id: {id}\ntitle: T\nfile: {file}\ncolumns: {{term: {term}, searches: count}}\n"
TOPICS = "topics: [{need: search, terms: [zoeken]}]\n"
TERMS = "query;count\nzoeken;12\n"

BROKEN_LOGS: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "two logs with one id",
        {
            "analytics/a.yaml": LOG.format(id="may", file="a.csv", term="query") + TOPICS,
            "analytics/b.yaml": LOG.format(id="may", file="b.csv", term="query") + TOPICS,
            "analytics/a.csv": TERMS,
            "analytics/b.csv": TERMS,
        },
    ),
    (
        "a topic's term of wildcards only, and a need the study lacks",
        {
            "analytics/a.yaml": LOG.format(id="may", file="a.csv", term="query")
            + "topics: [{need: serch, terms: [zoeken, '*']}]\n",
            "analytics/a.csv": TERMS,
        },
    ),
    (
        "a column heading the export lacks",
        {
            "analytics/a.yaml": LOG.format(id="may", file="a.csv", term="querry") + TOPICS,
            "analytics/a.csv": TERMS,
        },
    ),
    (
        "an export that is not there, and one outside the study",
        {
            "analytics/a.yaml": LOG.format(id="may", file="terms-may.csv", term="query") + TOPICS,
            "analytics/b.yaml": LOG.format(id="june", file="../../terms.csv", term="query")
            + TOPICS,
            "analytics/terms-mai.csv": TERMS,
        },
    ),
    (
        "counts that are no numbers, and a row cut short",
        {
            "analytics/a.yaml": LOG.format(id="may", file="a.csv", term="query") + TOPICS,
            "analytics/a.csv": "query;count\nzoeken;twelve\nnieuws;1,5\nverlof\n",
        },
    ),
)


def test_every_broken_search_log_is_told_each_problem_with_its_whole_hint(
    make_study: StudyMaker, golden: Callable[[str, str], None]
) -> None:
    """As :func:`test_every_broken_export_is_told_each_problem_with_its_whole_hint`, for
    the search logs ``needmap validate`` checks: ``tests/golden/broken-search-logs.txt``."""
    told = []
    for n, (case, files) in enumerate(BROKEN_LOGS):
        root = make_study(files, name=f"s{n}")
        problems = check_search_logs(load_study(root))
        assert problems, f"{case}: nothing told"
        told += [f"{case}:", *_told(problems, root)]
    golden("broken-search-logs.txt", "\n".join(told) + "\n")


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ([], ""),
        (["8"], "8"),
        (["8", "9"], "8 and 9"),
        (["8", "9", "10"], "8, 9 and 10"),
        (["8", "9", "10", "11", "12"], "8, 9, 10 and 2 more"),
    ],
)
def test_what_a_problem_lists_reads_as_a_sentence(words: list[str], said: str) -> None:
    """The rows a problem is also on, the choices of a cell no task has."""
    assert listed(words) == said


def _mapping(layout: str, old: str = "", new: str = "") -> str:
    """The fixture mapping of ``layout``, with ``old`` replaced by ``new``."""
    text = (SURVEY_FIXTURES / "mappings" / f"{layout}.yaml").read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1) if old else text


BROKEN_MAPPINGS: tuple[tuple[str, str], ...] = (
    (
        "limesurvey without its question",
        _mapping("limesurvey", "choices:\n  question: G02Q02\n", "choices: {}\n"),
    ),
    ("limesurvey, a task without its code", _mapping("limesurvey", ", code: SQ002", "")),
    ("long without its respondent column", _mapping("long", "respondent: respondent\n")),
    (
        "limesurvey without its question and a task's code, each told",
        _mapping("limesurvey", "choices:\n  question: G02Q02\n", "choices: {}\n").replace(
            ", code: SQ002", ""
        ),
    ),
    (
        "a limesurvey mapping made long: no column of choices, no respondent",
        _mapping("limesurvey", "layout: limesurvey", "layout: long").replace(
            "respondent: id\n", ""
        ),
    ),
    (
        "an ms-forms mapping made limesurvey: a column, no question, a task without its code",
        _mapping("ms-forms", "layout: ms-forms", "layout: limesurvey").replace(", code: SQ006", ""),
    ),
    (
        "ms-forms without its column",
        _mapping(
            "ms-forms",
            "  column: Which tasks do you do most often? Choose at most five.\n",
            "  other: true\n",
        ),
    ),
    (
        "ms-forms, a label that holds ';'",
        _mapping("ms-forms", "label: Book leave,", "label: Book leave; today,"),
    ),
    (
        "a group and a need the study lacks, a need named twice, a label used twice",
        _mapping("ms-forms", "Field staff: field", "Field staff: feild")
        .replace("needs: [hr-self-service]}", "needs: [hr-self-servce, hr-self-service]}", 1)
        .replace("needs: [service-desk]", "needs: [service-desk, service-desk]")
        .replace("label: Claim expenses", "label: book leave"),
    ),
    (
        "limesurvey with other: true, and tasks linked to no need (warnings)",
        _mapping("limesurvey", "  question: G02Q02\n", "  question: G02Q02\n  other: true\n")
        .replace("needs: [room-booking, canteen]", "needs: []")
        .replace("needs: [canteen]", "needs: []"),
    ),
    ("a list where the mapping's keys belong", "- id: toptasks\n- layout: long\n"),
    ("max_picks of none", _mapping("long", "max_picks: 5", "max_picks: 0")),
    (
        "answers for several groups: one a list of one, one with a group misspelt and one "
        "named twice, one a number, one an empty list",
        _mapping("ms-forms", "Field staff: field", "Field staff: [field]")
        .replace("reception: desk", "reception: [desk, offce, desk]")
        .replace("Office staff: office", "Office staff: 7")
        .replace("Other: ~", "Other: []"),
    ),
    (
        "a group counted alone for one answer and with another group for the next; two "
        "groups counted alone, then together (told once)",
        _mapping("ms-forms", "reception: desk", "reception: [desk, office]").replace(
            "Other: ~", "Other: [field, office]"
        ),
    ),
)


def test_every_broken_mapping_is_told_each_problem_with_its_whole_hint(
    study: Study, tmp_path: Path, golden: Callable[[str, str], None]
) -> None:
    """As the exports', for survey mappings: ``tests/golden/broken-mappings.txt``."""
    told = []
    for n, (case, text) in enumerate(BROKEN_MAPPINGS):
        path = tmp_path / f"m{n}" / "toptasks.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        try:
            problems = checked_mapping(path, study)[1]
        except InvalidStudyError as raised:
            problems = list(raised.problems)
        assert problems, f"{case}: nothing told"
        told += [f"{case}:", *_told(problems, path.parent)]
    golden("broken-mappings.txt", "\n".join(told) + "\n")
