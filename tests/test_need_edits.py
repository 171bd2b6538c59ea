"""Listing needs, and renaming or merging them across a study's files (``needmap needs``)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import InvalidStudyError, Location, UsageError
from needmap.personas.loader import read_study
from needmap.personas.messages import arrow_path
from needmap.personas.study import Renames
from needmap.regroup import plan_need_merge, plan_need_rename, write_study_edits
from needmap.scaffold import init_study
from needmap.surveys.searchlog import load_search_logs
from needmap.surveys.study_check import check_study
from tests.conftest import MINIMAL_STUDY, StudyMaker, run_needmap
from tests.edited_files import assert_comments_kept, dutch_and_english_templates, files_of

runner = CliRunner()


@pytest.fixture
def gemeente(tmp_path: Path) -> Path:
    root = tmp_path / "gemeente"
    init_study(root, "gemeente")
    return root


def need_refs(text: str, need: str) -> int:
    """How often ``need`` stands as an id in a YAML text: in a list or after ``id:`` or
    ``need:`` (not as a search term or in prose)."""
    pattern = rf"(?:[\[,] ?|(?:id|need): ){re.escape(need)}(?=[,\]]|$)"
    return sum(len(re.findall(pattern, line)) for line in text.splitlines() if "terms:" not in line)


def test_renaming_a_need_of_the_template_in_every_file(gemeente: Path) -> None:
    before = files_of(gemeente)
    rename = plan_need_rename(read_study(gemeente), "smoelenboek", "wie-is-wie", "Wie is wie")
    write_study_edits(rename)

    assert [(c.path.relative_to(gemeente).as_posix(), c.what) for c in rename.changes] == [
        ("needs/functions.yaml", "1 need"),
        ("personas.yaml", "1 persona"),
        ("interviews/gesprekken.yaml", "1 quote"),
        ("surveys/toptaken.yaml", "1 task"),
        ("analytics/zoeken.yaml", "1 search topic"),
    ]
    after = files_of(gemeente)
    assert {name: need_refs(text, "smoelenboek") for name, text in after.items()} == dict.fromkeys(
        after, 0
    )
    assert sum(need_refs(text, "wie-is-wie") for text in after.values()) == 5
    # the search term of the same spelling is what people typed: it stays
    assert (
        'terms: [telefoonlijst, "telefoonnummer*", smoelenboek, organogram]'
        in (after["analytics/zoeken.yaml"])
    )
    assert_comments_kept(before, after)
    check = check_study(gemeente)
    assert check.study is not None and not [p for p in check.problems if "unknown" in p.message]
    need = check.study.need_by_id["wie-is-wie"]
    assert need.title == "Wie is wie" and "smoelenboek" not in check.study.need_by_id


def test_a_questioned_need_is_renamed_but_a_task_or_term_of_its_spelling_is_not(
    gemeente: Path,
) -> None:
    rename = plan_need_rename(read_study(gemeente), "nieuws", "organisatienieuws")
    assert [(c.path.name, c.what) for c in rename.changes] == [
        ("content.yaml", "1 need"),
        ("gesprekken.yaml", "1 quote"),
        ("toptaken.yaml", "1 task"),
        ("zoeken.yaml", "1 search topic"),
    ]
    changed = [line for line in rename.diff().splitlines() if line.startswith("+ ")]
    assert changed == [
        "+  - id: organisatienieuws",
        "+        questions: [organisatienieuws]",
        "+  - {id: nieuws, label: Nieuws over de organisatie lezen, needs: [organisatienieuws]}",
        "+  - need: organisatienieuws",
    ]


def test_the_needs_that_depend_on_a_renamed_need_follow_it(gemeente: Path) -> None:
    rename = plan_need_rename(read_study(gemeente), "sso", "single-sign-on")
    write_study_edits(rename)
    assert [(c.path.name, c.what) for c in rename.changes] == [
        ("functions.yaml", "4 needs"),  # each depends on it
        ("technology.yaml", "3 needs"),  # the need itself, and two that depend on it
    ]
    study = load_study(gemeente)
    assert sum("single-sign-on" in n.depends_on for n in study.needs) == 6
    assert rename.title is None and not rename.finished


def test_a_new_title_alone_changes_the_need_and_nothing_else(gemeente: Path) -> None:
    rename = plan_need_rename(read_study(gemeente), "smoelenboek", "smoelenboek", "Wie is wie")
    assert [(c.path.name, c.what) for c in rename.changes] == [("functions.yaml", "1 need")]
    (change,) = rename.changes
    removed = [line for line in rename.diff().splitlines() if line.startswith("-  ")]
    assert removed == ["-    title: Smoelenboek met expertise en bereikbaarheid"]
    assert change.after.count("smoelenboek") == change.before.count("smoelenboek")
    result = runner.invoke(
        app, ["needs", "rename", str(gemeente), "smoelenboek", "smoelenboek", "--title", "Wie"]
    )
    assert result.exit_code == 0, result.output
    assert "Gave smoelenboek the title 'Wie' in 1 file:" in result.output
    assert load_study(gemeente).need_by_id["smoelenboek"].title == "Wie"


@pytest.mark.parametrize(
    ("old", "new", "title", "problems"),
    [
        ("smoelenbok", "wie-is-wie", None, [("unknown need 'smoelenbok'", "did you mean")]),
        ("balie", "wie-is-wie", None, [("unknown need 'balie'",
                                        "'balie' is a group, not a need; see the needs with")]),
        ("gone", "Wie Is Wie", None, [("unknown need 'gone'", "needmap needs list"),
                                      ("'Wie Is Wie' is not a valid need id", "lowercase")]),
        ("smoelenboek", "zoeken", None, [("need 'zoeken' already exists", "an id no need has")]),
        ("smoelenboek", "smoelenboek", None, [("nothing to change", "a new --title")]),
        ("smoelenboek", "smoelenboek", "Smoelenboek met expertise en bereikbaarheid",
         [("nothing to change", "a new --title")]),
        ("smoelenboek", "wie-is-wie", "  ", [("the title is empty", "leave out --title")]),
        ("smoelenboek", "wie-is-wie", "eén ZOEKFUNCTIE over alle bronnen", [
            ("need 'zoeken' has the title 'Eén zoekfunctie over alle bronnen' already",
             "give need 'wie-is-wie' a title of its own")]),
        ("smoelenboek", "wie-is-wie", "Wie\x07", [
            ("the title holds the control character <U+0007>, which no report or workbook "
             "can show", "without it")]),
    ],
)  # fmt: skip
def test_renames_that_make_no_sense_are_refused_with_every_problem(
    gemeente: Path, old: str, new: str, title: str | None, problems: list[tuple[str, str]]
) -> None:
    before = files_of(gemeente)
    with pytest.raises(UsageError) as raised:
        plan_need_rename(read_study(gemeente), old, new, title)
    got = raised.value.problems
    assert [p.message for p in got] == [message for message, _ in problems]
    for problem, (_, hint) in zip(got, problems, strict=True):
        assert hint in (problem.hint or ""), problem.hint
    assert files_of(gemeente) == before


def test_an_existing_need_is_located(gemeente: Path) -> None:
    with pytest.raises(UsageError) as raised:
        plan_need_rename(read_study(gemeente), "smoelenboek", "zoeken")
    (problem,) = raised.value.problems
    assert problem.location.path == gemeente / "needs" / "functions.yaml"
    assert problem.location.line == 5


def renamed_by_hand(root: Path, old: str, new: str) -> None:
    """Change the need's id where it is defined, as a user would in an editor."""
    for path in root.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if f"- id: {old}\n" in text:
            path.write_text(text.replace(f"- id: {old}\n", f"- id: {new}\n"), encoding="utf-8")
            return
    raise AssertionError(f"need {old} is defined nowhere")


def test_validate_gives_the_command_and_it_finishes_a_rename_by_hand(gemeente: Path) -> None:
    renamed_by_hand(gemeente, "smoelenboek", "smoelenboeken")  # close: "did you mean"
    renamed_by_hand(gemeente, "sso", "inloggen")  # far: the command with NEW-ID
    result = runner.invoke(app, ["validate", str(gemeente)])
    assert result.exit_code == 2
    hints = Counter(
        line.strip().removeprefix("hint: ")
        for line in result.output.splitlines()
        if line.strip().startswith("hint: ")
    )
    close = (
        "did you mean 'smoelenboeken'? If it is 'smoelenboek' renamed, change every reference "
        f"at once: needmap needs rename {gemeente} smoelenboek smoelenboeken"
    )
    far = (
        "; or, if the need was renamed, change every reference: "
        f"needmap needs rename {gemeente} sso NEW-ID"
    )
    assert hints[close] == 4  # persona, quote, task, search topic
    assert sum(n for hint, n in hints.items() if hint.endswith(far)) == 6  # depends_on

    for old, new in [("smoelenboek", "smoelenboeken"), ("sso", "inloggen")]:
        finished = runner.invoke(app, ["needs", "rename", str(gemeente), old, new])
        assert finished.exit_code == 0, finished.output
        assert f"Changed the references to {old} into '{new}', the need's new id" in (
            finished.output
        )
    assert runner.invoke(app, ["validate", str(gemeente)]).exit_code == 0
    again = runner.invoke(app, ["needs", "rename", str(gemeente), "sso", "inloggen"])
    assert again.exit_code == 2 and "unknown need 'sso'" in again.stderr


@pytest.mark.parametrize(
    ("old", "close", "command"),
    [
        ("serch", "search", False),  # a letter left out
        ("mobeil", "mobiel", False),  # two swapped: two edits, still a slip
        ("zoeken", "zoeken-nu", True),  # three letters added: renamed
        ("sso", None, True),  # nothing close: the command, with NEW-ID
    ],
)
def test_an_unknown_need_gets_the_rename_unless_it_is_a_slip(
    old: str, close: str | None, command: bool
) -> None:
    hint = f"did you mean '{close}'?" if close else "define a need"
    given = Renames(Path("gem"), "needs").hint(old, hint, close)
    assert given.startswith(hint)
    assert (f"needmap needs rename gem {old} {close or 'NEW-ID'}" in given) is command


def test_a_need_only_the_evidence_names_gets_the_command_with_its_new_id(
    gemeente: Path,
) -> None:
    """No need or persona names 'calamiteiten' (an interview and the survey do), so nothing
    shows the new id as renamed; made longer, it is more than a slip of the keys, and the
    hint gives the command with it."""
    renamed_by_hand(gemeente, "calamiteiten", "calamiteiten-bhv")
    result = runner.invoke(app, ["validate", str(gemeente)])
    hints = [line.strip() for line in result.output.splitlines() if "hint:" in line]
    assert hints == 2 * [
        "hint: did you mean 'calamiteiten-bhv'? If it is 'calamiteiten' renamed, change every "
        f"reference at once: needmap needs rename {gemeente} calamiteiten calamiteiten-bhv"
    ]


def test_finishing_a_rename_keeps_one_of_a_list_that_names_both(make_study: StudyMaker) -> None:
    root = make_study()
    renamed_by_hand(root, "mobile", "phone")
    personas = root / "personas.yaml"
    text = personas.read_text()
    assert "needs: [mobile]" in text
    personas.write_text(text.replace("needs: [mobile]", "needs: [phone, mobile, search, mobile]"))
    assert read_study(root).study is None
    rename = plan_need_rename(read_study(root), "mobile", "phone")
    assert rename.finished
    write_study_edits(rename)
    assert load_study(root).persona_by_id["henk"].needs == ["phone", "search"]


def test_a_rename_of_an_id_nothing_names_in_a_study_that_does_not_read_shows_its_problems(
    make_study: StudyMaker,
) -> None:
    """'needmap needs rename DIR gone search' looks like finishing a rename by hand; with no
    file naming 'gone', the study's own problems are what the user must see first."""
    root = make_study(
        {"personas.yaml": "personas:\n  - {id: henk, name: Henk, group: yard, role: Keeper}\n"}
    )
    reading = read_study(root)
    assert reading.study is None
    with pytest.raises(InvalidStudyError) as raised:
        plan_need_rename(reading, "gone", "search")
    assert raised.value.problems == reading.problems
    assert [p.message for p in reading.problems] == ["unknown group 'yard'"]


def test_only_a_study_that_reads_or_a_rename_by_hand_is_changed(make_study: StudyMaker) -> None:
    root = make_study()
    renamed_by_hand(root, "mobile", "phone")
    reading = read_study(root)
    assert reading.study is None
    # a rename other than the one by hand waits until the study loads
    with pytest.raises(InvalidStudyError) as raised:
        plan_need_rename(reading, "search", "find")
    assert raised.value.problems == reading.problems
    # with a new title, too: the title is set where the study loads
    with pytest.raises(InvalidStudyError):
        plan_need_rename(reading, "mobile", "phone", "Phone")


def test_a_need_no_other_need_or_persona_names_is_taken_for_a_rename_only_when_close(
    make_study: StudyMaker,
) -> None:
    def renamed(needs: list[str], refs: list[str]) -> Mapping[str, str]:
        """The needs that look renamed where one persona names each of ``refs``."""
        root = make_study(
            {
                "needs.yaml": "needs:\n"
                + "".join(
                    f"  - {{id: {n}, title: {n.title()}, kind: content, groups: {{desk: must}}}}\n"
                    for n in needs
                ),
                "personas.yaml": "personas:\n"
                + "".join(
                    f"  - {{id: p{i}, name: P{i}, group: desk, needs: [{ref}]}}\n"
                    for i, ref in enumerate(refs)
                ),
            }
        )
        return read_study(root).ids.need_renames.new_ids

    assert renamed(["news", "search-all"], ["news", "search"]) == {"search": "search-all"}
    # 'serch' is close to 'search', which a persona names: a typo
    assert renamed(["news", "search"], ["search", "serch"]) == {}
    # one unknown id and one need nothing names, but far apart: no guess for needs
    assert renamed(["news", "find"], ["news", "search"]) == {}


def test_needs_list_shows_ids_by_kind_with_what_refers_to_them(gemeente: Path) -> None:
    """In 80 columns, the needs to deliver first are told under the table, one line for
    each need others come after, so that the titles keep their room; wider, in a column."""
    result = runner.invoke(app, ["needs", "list", str(gemeente), "--language", "en"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["name", "id", "groups", "personas"]
    kinds = [
        line.strip() for line in lines if line.strip() in ("Content", "Functions", "Technology")
    ]
    assert kinds == ["Content", "Functions", "Technology"]
    (row,) = [line for line in lines if " smoelenboek " in line]
    headings = {line.strip(): i for i, line in enumerate(lines) if line.strip() in kinds}
    assert headings["Functions"] < lines.index(row) < headings["Technology"]
    assert row.split()[-2:] == ["2/2/3", "1"]
    assert row.startswith("Smoelenboek met expertise en ")  # not folded after two words
    assert max(len(line) for line in lines) <= 80
    told = " ".join(result.output[result.output.index("Deliver first: ") :].split())
    assert told.startswith("Deliver first: mobiel before roosters, chatten, pushmeldingen,")
    assert "; sso before zoeken, smoelenboek, hr-selfservice, startpagina, " in told
    wide = runner.invoke(
        app, ["needs", "list", str(gemeente), "--language", "en"], env={"COLUMNS": "120"}
    )
    wide_lines = wide.output.splitlines()
    assert wide_lines[0].split() == ["name", "id", "groups", "personas", "after"]
    (wide_row,) = [line for line in wide_lines if " smoelenboek " in line]
    assert wide_row.split()[-3:] == ["2/2/3", "1", "sso"]
    assert "Deliver first" not in wide.output
    data = json.loads(runner.invoke(app, ["needs", "list", str(gemeente), "--json"]).output)
    need = next(n for n in data["needs"] if n["id"] == "smoelenboek")
    assert need["kind"] == "function" and need["personas"] == 1 and need["depends_on"] == ["sso"]
    assert need["title"] == "Smoelenboek met expertise en bereikbaarheid"
    assert list(need["groups"].values()).count("must") == 2
    assert [n["kind"] for n in data["needs"]] == sorted(
        (n["kind"] for n in data["needs"]), key=["content", "function", "technology"].index
    )


def test_needs_list_shows_the_after_column_once_the_titles_keep_30_columns(
    gemeente: Path,
) -> None:
    """The narrowest terminal with the column leaves the titles 30 columns, one space
    before the ids; one column less tells the needs to deliver first under the table."""
    command = ["needs", "list", str(gemeente), "--language", "en"]
    headers = {
        width: runner.invoke(app, command, env={"COLUMNS": str(width)}).output.splitlines()[0]
        for width in range(84, 96)
    }
    widths = [width for width, header in headers.items() if header.endswith(" after")]
    assert widths and widths[0] > 84
    assert headers[widths[0]].index(" id ") == 30
    assert headers[widths[0]].split() == ["name", "id", "groups", "personas", "after"]


def test_needs_list_puts_the_kinds_in_their_order_whatever_the_files_order(
    make_study: StudyMaker,
) -> None:
    """A needs file may list technology first; the list, like every report, goes content,
    functions, technology, keeping the file's order within a kind."""
    root = make_study(
        {
            "needs.yaml": """\
                needs:
                  - {id: sso, title: Single sign-on, kind: technology, groups: {desk: must}}
                  - {id: search, title: Search, kind: function, groups: {desk: must},
                     phase: next}
                  - {id: news, title: News, kind: content, groups: {field: should}}
                  - {id: mobile, title: Mobile, kind: technology, groups: {field: must},
                     phase: now}
                """,
            "personas.yaml": None,
        }
    )
    data = json.loads(runner.invoke(app, ["needs", "list", str(root), "--json"]).output)
    assert [n["id"] for n in data["needs"]] == ["news", "search", "sso", "mobile"]
    assert [n["phase"] for n in data["needs"]] == [None, "next", None, "now"]
    listed = runner.invoke(app, ["needs", "list", str(root)], env={"COLUMNS": "80"})
    last = listed.stdout.splitlines()[-1]  # in the roadmap's order
    assert last == "Decided for a roadmap phase (phase): now: mobile; next: search."


def test_needs_rename_in_a_real_process_with_a_dry_run_first(gemeente: Path) -> None:
    before = files_of(gemeente)
    dry = run_needmap("needs", "rename", str(gemeente), "zoeken", "zoekfunctie", "-n")
    assert dry.returncode == 0, dry.stderr
    assert "-        needs: [zoeken]\n+        needs: [zoekfunctie]\n" in dry.stdout
    assert "Would rename zoeken to 'zoekfunctie' in 4 files:" in dry.stderr
    assert dry.stderr.splitlines()[1:] == [
        "file                        changes",
        "─────────────────────────────────────",
        "needs/functions.yaml        1 need",
        "personas.yaml               1 persona",
        "interviews/gesprekken.yaml  1 quote",
        "surveys/toptaken.yaml       2 tasks",
        "Nothing was written (--dry-run).",
    ]
    assert files_of(gemeente) == before
    done = run_needmap("needs", "rename", str(gemeente), "zoeken", "zoekfunctie")
    assert done.returncode == 0, done.stderr
    assert "Renamed zoeken to 'zoekfunctie' in 4 files:" in done.stdout
    assert f"Next: needmap validate {gemeente}" in done.stdout
    assert files_of(gemeente) != before
    bad = run_needmap("needs", "rename", str(gemeente), "zoeken", "x")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "unknown need 'zoeken'" in bad.stderr
    assert f"hint: see the needs with: needmap needs list {gemeente}" in bad.stderr


def test_an_unknown_id_that_looks_renamed_from_nothing_keeps_its_hint(
    make_study: StudyMaker,
) -> None:
    """Only an unknown need gets the rename command without a new id: a group's references
    are in fewer files, and 'define it' is the likelier fix."""
    root = make_study(
        {
            "personas.yaml": "personas:\n"
            "  - {id: p, name: P, group: kitchen, role: Cook, needs: [lunch]}\n"
        }
    )
    hints = [
        line.strip()
        for line in runner.invoke(app, ["validate", str(root)]).output.splitlines()
        if line.strip().startswith("hint:")
    ]
    assert hints == [
        "hint: define a group 'kitchen', or use one of: desk, field",
        "hint: define a need 'lunch', or use one of: mobile, search; or, if the need was "
        f"renamed, change every reference: needmap needs rename {root} lunch NEW-ID",
    ]


def test_a_merged_need_s_new_groups_follow_its_own(make_study: StudyMaker) -> None:
    """The kept need's groups stay as written, first; those the others add come after."""
    groups = MINIMAL_STUDY["groups.yaml"].rstrip(" ") + (
        "          - id: yard\n            name: Yard\n            family: staff\n"
        "            headcount: 5\n"
    )
    needs = (
        "needs:\n"
        "  - {id: x, title: X, kind: function, groups: {desk: must, field: should}}\n"
        "  - id: y\n    title: Y\n    kind: function\n    groups:\n      yard: could\n"
        "  - id: z\n    title: Z\n    kind: function\n    groups:\n"
        "      desk: could\n      field: could\n"
    )
    root = make_study({"groups.yaml": groups, "needs.yaml": needs, "personas.yaml": None})
    write_study_edits(plan_need_merge(load_study(root), ["x", "y"], "x"))
    assert (
        "groups: {desk: must, field: should, yard: could}}\n" in (root / "needs.yaml").read_text()
    )
    write_study_edits(plan_need_merge(load_study(root), ["z", "x"], "z"))
    text = (root / "needs.yaml").read_text()
    assert "  - id: z\n    title: Z\n    kind: function\n    groups:\n" in text
    assert "      desk: must\n      field: should\n      yard: could\n" in text
    assert list(load_study(root).need_by_id["z"].groups) == ["desk", "field", "yard"]


def test_a_merge_that_leaves_the_kept_need_s_file_as_it_is_points_at_its_description(
    make_study: StudyMaker,
) -> None:
    """The need merged in asks nothing the kept one lacks: only its own file changes, and
    the description to look at again is read from the kept need's file as it stands."""
    root = make_study(
        {
            "needs.yaml": "needs:\n  - id: search\n    title: Search\n    kind: function\n"
            "    description: Find anything.\n    groups: {desk: must, field: should}\n",
            "needs/more.yaml": "needs:\n  - id: mobile\n    title: Works on a phone\n"
            "    kind: function\n    groups: {field: should}\n",
            "personas.yaml": None,
        }
    )
    merge = plan_need_merge(load_study(root), ["search", "mobile"], "search")
    assert [(c.path.name, c.what) for c in merge.changes] == [("more.yaml", "1 need")]
    assert merge.description_at == Location(root / "needs.yaml", 5, 18)


def test_merging_two_needs_of_the_template(gemeente: Path) -> None:
    before = files_of(gemeente)
    merge = plan_need_merge(
        load_study(gemeente), ["smoelenboek", "vraag-collegas"], "smoelenboek", "Wie is wie"
    )
    write_study_edits(merge)
    assert [(c.path.name, c.what) for c in merge.changes] == [
        ("functions.yaml", "2 needs"),  # the kept one, the other removed
        ("gesprekken.yaml", "1 quote"),
        ("toptaken.yaml", "1 task"),
    ]
    assert merge.description_at == Location(gemeente / "needs" / "functions.yaml", 16, 18)
    after = files_of(gemeente)
    assert_comments_kept(before, after)
    assert "needs: [kennisbank, smoelenboek]" in after["interviews/gesprekken.yaml"]
    study = load_study(gemeente)
    assert "vraag-collegas" not in study.need_by_id
    need = study.need_by_id["smoelenboek"]
    assert need.title == "Wie is wie" and need.depends_on == ["sso"]
    assert need.groups == {  # buitendienst: could for smoelenboek, should for the other
        "balie": "must",
        "bureau": "should",
        "beleid": "must",
        "bazen": "should",
        "buitendienst": "should",
        "facilitair": "could",
        "bestuur": "could",
    }


def test_a_merge_joins_the_search_topics_of_the_merged_needs_in_one_log(gemeente: Path) -> None:
    """Two topics about one need read the same as one, but no consultant writes them so:
    the first topic of the log gets the terms of both, and the other goes."""
    before = files_of(gemeente)
    merge = plan_need_merge(load_study(gemeente), ["vacatures", "nieuws"], "nieuws")
    write_study_edits(merge)
    assert ("zoeken.yaml", "2 search topics") in [(c.path.name, c.what) for c in merge.changes]
    after = files_of(gemeente)
    assert_comments_kept(before, after)
    log = after["analytics/zoeken.yaml"]
    assert "  - need: nieuws\n    terms: [nieuws, vacature*]\n  - need: roosters\n" in log
    assert log.count("need: nieuws") == 1 and "vacatures" not in log
    (data,) = load_search_logs(load_study(gemeente))
    assert [t.terms for t in data.log.topics if t.need == "nieuws"] == [["nieuws", "vacature*"]]


MERGEABLE = """\
needs:
  - id: a
    title: A
    kind: function
    groups: {desk: must}
    depends_on: [c]
  - id: b
    title: B
    kind: function
    groups:
      desk: could  # the front desk asked twice
      field: should
    depends_on:
      - d
      - a
  - id: c
    title: C
    kind: function
    groups: {desk: should}
  - id: d
    title: D
    kind: function
    groups: {field: could}
    depends_on: [f]
  - id: e
    title: E
    kind: function
    groups: {desk: could}
    depends_on: [b, c, a]
  - id: f
    title: F
    kind: technology
    groups: {desk: could}
  - id: g
    title: G
    kind: function
    groups: {desk: could}
    depends_on: [f]
  - id: h
    title: H
    kind: function
    groups: {desk: could}
"""


@pytest.fixture
def mergeable(make_study: StudyMaker) -> Path:
    return make_study(
        {
            "needs.yaml": MERGEABLE,
            "personas.yaml": "personas:\n"
            "  - {id: henk, name: Henk, group: field, role: Park keeper, needs: [b, c, a]}\n",
        }
    )


def test_a_merge_into_a_new_id_keeps_the_first_entry_with_the_union_of_groups_and_dependencies(
    mergeable: Path,
) -> None:
    merge = plan_need_merge(load_study(mergeable), ["a", "b"], "ab")
    write_study_edits(merge)
    assert merge.kept == "a" and merge.title == "A" and merge.description_at is None
    text = (mergeable / "needs.yaml").read_text()
    assert "  - id: ab\n    title: A\n    kind: function\n" in text
    assert "    groups: {desk: must, field: should}\n    depends_on: [c, d]\n" in text
    assert "depends_on: [ab, c]\n" in text  # e, once
    assert "# the front desk asked twice" not in text  # it went with b's entry
    study = load_study(mergeable)
    assert [n.id for n in study.needs] == ["ab", "c", "d", "e", "f", "g", "h"]
    assert study.persona_by_id["henk"].needs == ["ab", "c"]


def test_a_merge_into_a_block_written_need_keeps_its_layout(mergeable: Path) -> None:
    merge = plan_need_merge(load_study(mergeable), ["a", "b"], "b")
    assert [(c.path.name, c.what) for c in merge.changes] == [
        ("needs.yaml", "3 needs"),  # b's groups and dependencies, a removed, e's dependencies
        ("personas.yaml", "1 persona"),
    ]
    write_study_edits(merge)
    text = (mergeable / "needs.yaml").read_text()
    expected = """\
  - id: b
    title: B
    kind: function
    groups:
      desk: must  # the front desk asked twice
      field: should
    depends_on:
      - d
      - c
"""
    assert expected in text
    assert load_study(mergeable).need_by_id["b"].depends_on == ["d", "c"]


def test_a_need_without_dependencies_gets_those_of_the_merged_ones(mergeable: Path) -> None:
    write_study_edits(plan_need_merge(load_study(mergeable), ["c", "d"], "c"))
    text = (mergeable / "needs.yaml").read_text()
    assert "    groups: {desk: should, field: could}\n    depends_on: [f]\n" in text
    study = load_study(mergeable)
    assert study.need_by_id["a"].depends_on == ["c"]
    assert study.need_by_id["b"].depends_on == ["c", "a"]


def test_a_merged_need_takes_the_description_channel_and_effort_it_lacks(
    make_study: StudyMaker,
) -> None:
    """Search has none of the three; find has all, ask only an effort: the kept entry takes
    each from the first named that has it (ask's effort, find's description and channel),
    where the schema has it, and keeps its own where it has one. Without this, find's
    description and effort went with its entry."""
    needs = """\
        needs:
          - {id: search, title: Search, kind: function, groups: {desk: must}}
          - id: find
            title: Find
            kind: function
            description: One search box over the intranet and the document stores.
            groups: {field: must}
            channel: intranet
            effort: l
          - {id: ask, title: Ask, kind: function, effort: s, groups: {desk: could}}
          - {id: mobile, title: Works on a phone, kind: technology, groups: {field: must}}
        """
    root = make_study({"needs.yaml": needs, "personas.yaml": None})
    merge = plan_need_merge(load_study(root), ["search", "ask", "find"], "search")
    assert (merge.described_by, merge.taken) == ("find", (("channel", "find"), ("effort", "ask")))
    write_study_edits(merge)
    assert (
        "  - {id: search, title: Search, kind: function, description: One search box over "
        "the intranet and the document stores., groups: {desk: must, field: must}, channel: "
        "intranet, effort: s}\n" in (root / "needs.yaml").read_text()
    )
    kept = load_study(root).need_by_id["search"]
    assert (kept.channel, kept.effort) == ("intranet", "s")
    block = make_study({"needs.yaml": needs, "personas.yaml": None}, name="block")
    write_study_edits(plan_need_merge(load_study(block), ["find", "search"], "find"))
    assert load_study(block).need_by_id["find"].effort == "l"  # its own stays
    told = make_study({"needs.yaml": needs, "personas.yaml": None}, name="told")
    args = ["needs", "merge", str(told), "search", "ask", "find", "--into", "search"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"kept the description of find ({told / 'needs.yaml'}:2:" in said
    assert "It took the channel of find, as search had none." in said
    assert "It took the effort of ask, as search had none." in said


@pytest.mark.parametrize(
    ("needs", "what"),
    [
        (["e", "g"], "2 needs"),  # e gets g's dependency, g goes
        (["d", "h"], "2 needs"),  # d gets h's group
        (["e", "h"], "1 need"),  # e has all h had: only h goes
    ],
)
def test_the_kept_need_counts_as_changed_when_it_gains_anything(
    mergeable: Path, needs: list[str], what: str
) -> None:
    merge = plan_need_merge(load_study(mergeable), needs, needs[0])
    assert [(c.path.name, c.what) for c in merge.changes] == [("needs.yaml", what)]


@pytest.mark.parametrize(
    ("needs", "into", "title", "messages"),
    [
        (["a", "x", "y"], "a", None, ["unknown need 'x'", "unknown need 'y'"]),
        (["a", "a"], "a", None, ["need 'a' is named twice"]),
        (["a", "b"], "c", None, ["need 'c' already exists"]),
        (["a", "b"], "ab", "c", ["need 'c' has the title 'C' already"]),
        (
            ["a", "f"],
            "a",
            None,
            ["the needs are of different kinds: a is function, f is technology"],
        ),
        # e depends on b, which depends on a, which depends on c
        (["c", "e"], "c", None, ["merging them makes a dependency cycle: c -> b -> a -> c"]),
    ],
)
def test_merges_that_make_no_sense_are_refused(
    mergeable: Path, needs: list[str], into: str, title: str | None, messages: list[str]
) -> None:
    before = files_of(mergeable)
    with pytest.raises(UsageError) as raised:
        plan_need_merge(load_study(mergeable), needs, into, title)
    assert [p.message for p in raised.value.problems] == messages
    assert files_of(mergeable) == before
    located = {"different kinds": 30, "cycle": 7}  # at f, the later one; at b, on the cycle
    for problem in raised.value.problems:
        for words, line in located.items():
            if words in problem.message:
                assert problem.location == Location(mergeable / "needs.yaml", line, 9)
        if "cycle" in problem.message:  # the need the location points at: b
            assert problem.hint == "remove one of these dependencies first (depends_on of b)"


def test_a_merge_that_closes_a_long_chain_into_a_cycle_is_told_in_one_line(
    make_study: StudyMaker,
) -> None:
    """1,500 needs, each depending on the one before: merging the first and the last
    makes a cycle through all of them, found without recursing (which crashed) and told
    by its ends."""
    count = 1500
    needs = "needs:\n" + "".join(
        f"  - {{id: n{i:04}, title: Need {i}, kind: function, groups: {{desk: must}}"
        + (f", depends_on: [n{i - 1:04}]}}\n" if i else "}\n")
        for i in range(count)
    )
    root = make_study({"needs.yaml": needs, "personas.yaml": None})
    with pytest.raises(UsageError) as raised:
        plan_need_merge(load_study(root), ["n0000", "n1499"], "n0000")
    assert [p.message for p in raised.value.problems] == [
        "merging them makes a dependency cycle: n0000 -> n1498 -> n1497 -> n1496 -> … -> "
        "n0003 -> n0002 -> n0001 -> n0000 (1,499 needs)"
    ]


@pytest.mark.parametrize(
    ("ids", "told"),
    [
        (["a", "b", "a"], "a -> b -> a"),
        ([*"abcdefgh", "a"], "a -> b -> c -> d -> e -> f -> g -> h -> a"),
        ([*"abcdefghi", "a"], "a -> b -> c -> d -> … -> g -> h -> i -> a (9 needs)"),
    ],
)
def test_a_path_of_ids_is_shortened_in_its_middle(ids: list[str], told: str) -> None:
    assert arrow_path(ids, "need") == told


def test_a_need_with_no_groups_to_add_to_is_left_to_the_user(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "needs.yaml": MERGEABLE.replace("groups: {desk: must}", "groups: {}"),
            "personas.yaml": None,
        }
    )
    with pytest.raises(InvalidStudyError) as raised:
        plan_need_merge(load_study(root), ["a", "b"], "a")
    (problem,) = raised.value.problems
    assert problem.message == (
        "cannot change this file safely: need 'a' has no groups to add the merged needs' groups to"
    )
    assert problem.location.line == 2 and problem.hint == (
        "make this change by hand; nothing was written"
    )


def test_needs_merge_on_the_command_line(mergeable: Path) -> None:
    one = runner.invoke(app, ["needs", "merge", str(mergeable), "a", "--into", "a"])
    assert one.exit_code == 2
    assert f"to rename one need: needmap needs rename {mergeable} a NEW-ID" in one.stderr
    titled = runner.invoke(app, ["needs", "merge", str(mergeable), "Need A", "--into", "a"])
    assert f"needs rename {mergeable} 'Need A' NEW-ID" in " ".join(titled.stderr.split())
    result = run_needmap(
        "needs", "merge", str(mergeable), "a", "b", "--into", "ab", "--title", "AB"
    )
    assert result.returncode == 0, result.stderr
    assert "Merged a, b into 'ab' (AB) in 2 files:" in result.stdout
    assert "needs.yaml     3 needs" in result.stdout and "personas.yaml  1 persona" in result.stdout
    assert runner.invoke(app, ["validate", str(mergeable)]).exit_code == 0
    taken = runner.invoke(app, ["needs", "rename", str(mergeable), "c", "ab"])
    assert taken.exit_code == 2
    assert f"to merge the two: needmap needs merge {mergeable} c ab --into ab" in taken.stderr


def test_a_need_is_named_by_its_id_or_by_its_title_as_a_report_shows_it(gemeente: Path) -> None:
    """Reports show titles, not ids: ``needs rename`` and ``merge`` take either, in any
    case; ``--into`` too when needs merge. A rename's new id is not looked up."""
    rename = plan_need_rename(read_study(gemeente), "organisatienieuws EN mededelingen", "news")
    assert (rename.old, rename.new, rename.finished) == ("nieuws", "news", False)
    study = load_study(gemeente)
    merge = plan_need_merge(study, ["SMOELENBOEK", "Vraag uitzetten bij collega's"], "Smoelenboek")
    assert (merge.needs, merge.into) == (("smoelenboek", "vraag-collegas"), "smoelenboek")
    with pytest.raises(UsageError) as raised:  # a title where the new id belongs
        plan_need_rename(read_study(gemeente), "nieuws", "Nieuws en mededelingen")
    assert [p.hint.split("; ")[1] for p in raised.value.problems] == [
        f"to change only its title: needmap needs rename {gemeente} nieuws nieuws "
        "--title 'Nieuws en mededelingen'"
    ]
    result = runner.invoke(
        app, ["needs", "rename", str(gemeente), "Organisatienieuws en mededelingen", "news"]
    )
    assert result.exit_code == 0, result.output
    assert "Renamed nieuws to 'news' in 4 files:" in result.stdout
    assert load_study(gemeente).need_by_id["news"].title == "Organisatienieuws en mededelingen"


def test_a_merge_on_the_command_line_points_at_the_description_to_rewrite(gemeente: Path) -> None:
    args = ["needs", "merge", str(gemeente), "smoelenboek", "vraag-collegas"]
    result = runner.invoke(app, [*args, "--into", "smoelenboek", "--title", "Wie is wie"])
    assert result.exit_code == 0, result.output
    assert (
        "The merged need kept the description of smoelenboek "
        f"({gemeente / 'needs' / 'functions.yaml'}:16:18): rewrite it to describe them all."
    ) in " ".join(result.stdout.split())
    assert " ".join(result.stdout.split()).endswith(
        f"Comments and layout are kept. Next: needmap validate {gemeente}"
    )
    groups = ["groups", "merge", str(gemeente), "bureau", "facilitair", "--into", "bureau", "-n"]
    dry = runner.invoke(app, groups)
    assert dry.exit_code == 0, dry.output
    assert "The merged group kept the description of bureau" in " ".join(dry.stderr.split())


@pytest.fixture(scope="module")
def pristine_templates(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A Dutch and an English template, never written to: each example merges in a copy."""
    return dutch_and_english_templates(tmp_path_factory)


_RANK = {"could": 1, "should": 2, "must": 3}
_KINDS = ("content", "function", "technology")


@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_any_merge_of_needs_of_one_kind_keeps_every_group_dependency_and_reference(
    pristine_templates: list[Path], data: st.DataObject
) -> None:
    """Two or three needs of one kind, merged into one of them or a new id: the study reads
    and checks clean after, the merged need matters to every group at the highest importance
    any of them had, depends on what they depended on, and every list that named one of them
    names the merged need once, and each search log has one topic about it with the terms
    of all. A merge that would make a dependency cycle writes nothing."""
    template = data.draw(st.sampled_from(pristine_templates), label="study")
    study = load_study(template)
    kind_of = {n.id: n.kind for n in study.needs}
    # the needs of a kind; or of a kind, a need with those it depends on, a persona's needs,
    # or a search log's topics: then the merged needs often stand in one list together
    related = [list(kind_of), *([n.id, *n.depends_on] for n in study.needs)]
    related += [p.needs for p in study.personas]
    related += [[t.need for t in log.log.topics] for log in load_search_logs(study)]
    pools = {tuple(i for i in ids if kind_of[i] == kind) for ids in related for kind in _KINDS}
    pool = data.draw(st.sampled_from(sorted(p for p in pools if len(p) >= 2)), label="pool")
    needs = data.draw(st.lists(st.sampled_from(pool), min_size=2, max_size=3, unique=True))
    into = data.draw(st.sampled_from([*needs, "merged-need"]), label="into")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "study"
        shutil.copytree(template, root)
        try:
            merge = plan_need_merge(load_study(root), needs, into)
        except UsageError as refused:
            assert [p.message for p in refused.problems if "cycle" not in p.message] == []
            assert files_of(root) == files_of(template)
            return
        write_study_edits(merge)
        check = check_study(root)
        assert check.study is not None and check.problems == check_study(template).problems
        after = check.study
        topics_after = [log.log.topics for log in load_search_logs(after)]

    for log, topics in zip(load_search_logs(study), topics_after, strict=True):
        about = [t for t in log.log.topics if t.need in needs]
        joined = list(dict.fromkeys(term for t in about for term in t.terms))
        assert [t.terms for t in topics if t.need == into] == ([joined] if about else [])
        others = [(t.need, t.terms) for t in log.log.topics if t.need not in needs]
        assert [(t.need, t.terms) for t in topics if t.need != into] == others

    merged = after.need_by_id[into]
    gone = set(needs) - {into}
    assert not gone & set(after.need_by_id)
    assert len(after.needs) == len(study.needs) - len(needs) + 1
    highest: dict[str, str] = {}
    for need in needs:
        for group, importance in study.need_by_id[need].groups.items():
            if _RANK[importance] > _RANK.get(highest.get(group, ""), 0):
                highest[group] = importance
    assert dict(merged.groups) == highest
    wanted = {d for n in needs for d in study.need_by_id[n].depends_on} - set(needs)
    assert sorted(merged.depends_on) == sorted(wanted)
    for before_list, after_list in [
        *((p.needs, after.persona_by_id[p.id].needs) for p in study.personas),
        *(
            (n.depends_on, after.need_by_id[n.id].depends_on)
            for n in study.needs
            if n.id not in needs
        ),
    ]:
        named = [x for x in before_list if x in needs]
        assert after_list.count(into) == (1 if named else 0)
        assert [x for x in after_list if x != into] == [x for x in before_list if x not in needs]


def test_a_dry_run_shows_only_the_lines_a_merge_changes(tmp_path: Path) -> None:
    """In the care template's needs.yaml (over 200 lines), the merged need's unchanged
    ``channel: platform`` and ``effort: l`` stand as context, not removed and added again
    beside its changed groups."""
    root = tmp_path / "care"
    init_study(root, "care")
    result = runner.invoke(
        app, ["needs", "merge", str(root), "people-finder", "search", "--into", "search", "-n"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "-    groups: {care-staff: must, therapists: must, support: must, management: should, "
        "volunteers: should, family: could}\n"
        "+    groups: {care-staff: must, therapists: must, support: must, management: must, "
        "volunteers: should, family: could}\n"
        "     channel: platform\n"
        "     effort: l\n"
        "+    depends_on: [sso]\n"
    ) in result.stdout
