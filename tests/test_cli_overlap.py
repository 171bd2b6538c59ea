"""The overlap commands through CliRunner and a subprocess: overlap, diagram, table, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import init_study, load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.reports.needs_table import parse_kinds
from tests.conftest import IN_A_TERMINAL, StudyMaker, plain, run_needmap

runner = CliRunner()


@pytest.fixture(scope="module")
def study_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "study"
    init_study(root, "municipality")
    return root


def test_overlap_text(study_dir: Path) -> None:
    result = runner.invoke(app, ["overlap", str(study_dir), "-g", "front-desk,field,policy"])
    assert result.exit_code == 0, result.output
    assert "Regions: needs shared by exactly these groups" in result.stdout
    assert "Recommended form:" in result.stdout
    assert "ABC" in result.stdout


def test_overlap_counts_people_as_the_reports_do(study_dir: Path) -> None:
    shown = runner.invoke(app, ["overlap", str(study_dir), "--by-family"]).stdout
    residents = next(line for line in shown.splitlines() if line.startswith("B "))
    assert residents.split()[-3] == "4,850"  # 4200 + 650, as the diagram writes it
    dutch = runner.invoke(app, ["overlap", str(study_dir), "--by-family", "-l", "nl"]).stdout
    assert " 4.850 " in dutch
    # the circles are families, and the headings say so
    assert shown.splitlines()[0].split()[:2] == ["family", "people"]
    assert "Regions: needs shared by exactly these families" in shown
    assert "Gebieden: behoeften die precies deze families delen" in dutch
    assert "groups" not in shown and "groepen" not in dutch


def test_overlap_counts_thousands_of_needs_as_the_language_does(make_study: StudyMaker) -> None:
    """1,200 needs of both groups and 1,100 of the front desk alone: the counts per group
    and per region said 2300 and 1200 (and were cut to fit a column of three digits)."""
    needs = "needs:\n" + "".join(
        f"  - {{id: n{i:04}, title: N{i}, kind: content, "
        f"groups: {{desk: must{', field: should' if i < 1200 else ''}}}}}\n"
        for i in range(2300)
    )
    root = make_study({"needs.yaml": needs, "personas.yaml": "personas: []\n"})
    for language, counts in [
        ("en", ["2,300", "1,100", "1,200"]),
        ("nl", ["2.300", "1.100", "1.200"]),
    ]:
        shown = runner.invoke(app, ["overlap", str(root), "-l", language], env={"COLUMNS": "100"})
        assert shown.exit_code == 0, shown.output
        lines = shown.stdout.splitlines()
        desk = next(line for line in lines if line.startswith("A  "))
        assert desk.split()[-2:] == counts[:2]  # needs, and those of the group alone
        both = next(line for line in lines if line.startswith("AB "))
        assert both.split()[2] == counts[2]
        assert f"; {counts[2]} " in " ".join(lines)  # needs for the shared platform


def test_overlap_json(study_dir: Path) -> None:
    result = runner.invoke(app, ["overlap", str(study_dir), "--by-family", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [u["id"] for u in data["units"]] == ["employees", "external"]
    assert data["by"] == "family"
    assert data["platform"]["form"] in {"universal", "hybrid", "landscape"}
    assert set(data) == {
        "study",
        "organisation",
        "by",
        "weighting",
        "weighting_note",
        "units",
        "regions",
        "core",
        "similarity",
        "platform",
        "needs",
    }


def test_overlap_unknown_group_exit_2(study_dir: Path) -> None:
    result = runner.invoke(app, ["overlap", str(study_dir), "-g", "front-desk,feild"])
    assert result.exit_code == 2
    assert "unknown group 'feild'" in result.stderr
    assert "did you mean 'field'?" in result.stderr


@pytest.mark.parametrize(
    ("given", "chosen"),
    [
        ("front-desk,facility", ["front-desk", "facility"]),
        ("Front desk and contact centre,field", ["front-desk", "field"]),
        # a name with a comma, split by the comma-separated option, in any case
        ("security, CATERING and facility staff,Field staff", ["facility", "field"]),
        ("Security,catering and facility staff", ["facility"]),
        # copied from a report: a no-break space, a soft hyphen
        ("Front\u00a0desk and con\u00adtact centre,FIELD", ["front-desk", "field"]),
    ],
)
def test_groups_are_chosen_by_id_or_by_name(study_dir: Path, given: str, chosen: list[str]) -> None:
    result = runner.invoke(app, ["overlap", str(study_dir), "-g", given, "--json"])
    assert result.exit_code == 0, result.output
    assert [unit["id"] for unit in json.loads(result.stdout)["units"]] == chosen


def test_a_group_named_by_id_and_by_name_is_chosen_twice(study_dir: Path) -> None:
    result = runner.invoke(app, ["overlap", str(study_dir), "-g", "field,Field staff,feild"])
    assert result.exit_code == 2
    assert [line for line in result.stderr.splitlines() if not line.startswith(" ")] == [
        "group 'Field staff' is chosen twice",
        "unknown group 'feild'",
        "2 problems found.",
    ]


@pytest.mark.parametrize(
    ("name", "said"),
    [("d.svg", "venn, to scale"), ("d.png", "upset, 25 combinations, 9 more not shown")],
)
def test_diagram(study_dir: Path, tmp_path: Path, name: str, said: str) -> None:
    args = ["diagram", str(study_dir), "--out", str(tmp_path / name)]
    if said.startswith("venn"):
        args += ["--groups", "front-desk,field"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {tmp_path / name} ({said})\n"
    assert (tmp_path / name).stat().st_size > 1000


def test_a_diagram_that_leaves_out_only_smaller_combinations_says_so(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    """Six groups: 18 combinations of two needs fill the columns beside the core and the
    single groups, and the two of one need left out are smaller than any drawn. Without
    them, as the municipality template shows, those left out are "more"."""
    combos = [(a, b) for a in range(6) for b in range(a + 1, 6)] + [(0, 1, 2), (1, 2, 3), (2, 3, 4)]
    small = [(3, 4, 5), (0, 2, 4)]
    needs = [("core", range(6)), *((f"only{i}", [i]) for i in range(6))]
    needs += [(f"c{'-'.join(map(str, c))}-{k}", c) for c in combos for k in range(2)]
    needs += [(f"s{'-'.join(map(str, c))}", c) for c in small]
    root = make_study(
        {
            "groups.yaml": "groups:\n"
            + "".join(f"  - {{id: g{i}, name: G{i}, headcount: 10}}\n" for i in range(6)),
            "needs.yaml": "needs:\n"
            + "".join(
                f"  - {{id: {need}, title: {need}, kind: content, groups: "
                f"{{{', '.join(f'g{i}: must' for i in members)}}}}}\n"
                for need, members in needs
            ),
            "personas.yaml": None,
        }
    )
    out = tmp_path / "d.png"
    result = runner.invoke(app, ["diagram", str(root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} (upset, 25 combinations, 2 smaller ones not shown)\n"


def test_diagram_bad_suffix_writes_nothing(study_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["diagram", str(study_dir), "--out", str(tmp_path / "d.pdf")])
    assert result.exit_code == 2
    assert "use a file name ending in .svg or .png" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".md", ".html", ".csv", ".xlsx"])
def test_table_files(study_dir: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"t{suffix}"
    result = runner.invoke(app, ["table", str(study_dir), "--out", str(out), "--kind", "content"])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout
    assert out.stat().st_size > 200


def test_table_file_says_how_many_needs_it_holds(make_study: StudyMaker, tmp_path: Path) -> None:
    root = make_study()  # one need of each kind: search (function), mobile (technology)
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["table", str(root), "--out", str(out), "-k", "technology"])
    assert " ".join(result.stdout.split()) == f"wrote {out} (1 need)"
    result = runner.invoke(app, ["table", str(root), "--out", str(out)])
    assert " ".join(result.stdout.split()) == f"wrote {out} (2 needs)"


def test_table_html_is_a_page_that_stands_alone(study_dir: Path, tmp_path: Path) -> None:
    """Opened on its own (the demo's index links it) the table must look like the reports."""
    out = tmp_path / "t.html"
    assert runner.invoke(app, ["table", str(study_dir), "--out", str(out)]).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<style>" in page and "<title>Needs per target group</title>" in page
    assert page.count('<table class="needs matrix" style="--upright: 13em">') == 1


def test_table_terminal(study_dir: Path) -> None:
    result = runner.invoke(app, ["table", str(study_dir), "--by-family", "-k", "technology"])
    assert result.exit_code == 0
    assert "Technology" in result.stdout
    assert "●●●" in result.stdout
    assert "Content" not in result.stdout


def test_table_no_kind(study_dir: Path) -> None:
    result = runner.invoke(app, ["table", str(study_dir), "-k", ""])
    assert result.exit_code == 2
    assert "no kind of need named" in result.stderr


def test_table_bad_kind(study_dir: Path) -> None:
    result = runner.invoke(app, ["table", str(study_dir), "-k", "tech"])
    assert result.exit_code == 2
    assert "did you mean 'technology'?" in result.stderr


def test_kinds_named_keep_the_table_s_order_and_each_unknown_one_is_told() -> None:
    assert parse_kinds(None) is None  # all kinds
    assert parse_kinds(["technology", "content"]) == ("content", "technology")
    with pytest.raises(UsageError) as raised:
        parse_kinds([])
    assert [p.message for p in raised.value.problems] == ["no kind of need named"]
    with pytest.raises(UsageError) as raised:
        parse_kinds(["tech", "content", "people"])
    assert [(p.message, p.hint) for p in raised.value.problems] == [
        ("unknown kind of need 'tech'", "did you mean 'technology'?"),
        ("unknown kind of need 'people'", "use content, function or technology"),
    ]


def test_report(study_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "overview.html"
    result = runner.invoke(app, ["report", str(study_dir), "--out", str(out), "--by-family"])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Recommended form of the digital workplace" in page
    doc = tmp_path / "overview.doc"
    refused = runner.invoke(app, ["report", str(study_dir), "--out", str(doc)])
    assert refused.exit_code == 2 and "use a name ending in .html (a page), .pdf or .md" in (
        refused.stderr
    )
    assert not doc.exists()


def test_demo_builds_every_output(tmp_path: Path) -> None:
    result = run_needmap("demo", str(tmp_path / "demo"), "-t", "zorginstelling")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert names == sorted(
        ["study", "example-export-toptaken-2026.csv", "index.html", "brief.html", "brief.pdf"]
        + ["brief.md", "example-export-toptaken-2024.csv", "example-export-toptaken-2022.csv"]
        + [f"overlap-{v}{s}" for v in ("groups", "families") for s in (".html", ".pdf")]
        + [f"diagram-{v}{s}" for v in ("groups", "families") for s in (".svg", ".png")]
        + [
            f"needs-{v}{s}"
            for v in ("groups", "families")
            for s in (".md", ".html", ".csv", ".xlsx")
        ]
        + [
            f"toptasks-toptaken-{year}{s}"
            for year in (2022, 2024, 2026)
            for s in (".html", ".md", ".xlsx", "-neck.png", "-groups.png")
        ]
        + [f"compare-toptaken-2026{s}" for s in (".html", ".md", ".xlsx", "-chart.png")]
        + ["personas.html", "personas.pdf", "personas.md", "personas.xlsx"]
        + ["roadmap.html", "roadmap.pdf", "roadmap.md", "roadmap.xlsx"]
        + ["interviews.html", "interviews.md", "searches.html", "searches.md"]
        + ["guide-zorg.html", "guide-zorg.pdf", "guide-zorg.md"]  # the first group's
        + [".needmap-build.json"]  # what it wrote; no hidden folder it was made in is left
    )
    assert not any(p.name.endswith(".tmp") for p in (tmp_path / "demo").rglob("*"))


def test_demo_with_gemeente_includes_an_example_survey(tmp_path: Path) -> None:
    from needmap.demo import build_demo

    seen: list[Path] = []
    result = build_demo(tmp_path / "demo", "gemeente", progress=seen.append)
    assert result.created and seen == result.files
    names = {p.name for p in result.files}
    assert {
        "example-export-toptaken-2026.csv",
        "toptaken-2026.tally.json",
        "example-export-toptaken-2024.csv",
        "toptaken-2024.tally.json",
        "compare-toptaken-2026.html",
        "compare-toptaken-2026-chart.png",
        "toptasks-toptaken-2026.md",
        "toptasks-toptaken-2026.xlsx",
        "toptasks-toptaken-2026-neck.png",
        "toptasks-toptaken-2026-groups.png",
        "toptasks-toptaken-2026.html",
        "index.html",
    } <= names
    index = (tmp_path / "demo" / "index.html").read_text(encoding="utf-8")
    assert 'href="overlap-groups.html"' in index and 'href="toptasks-toptaken-2026.html"' in index
    personas = index[index.index("<h2>Persona&#39;s</h2>") :]
    assert 'href="personas.html"' in personas and 'href="personas.md"' in personas
    assert 'href="personas.xlsx"' in personas
    assert 'href="roadmap.html"' in index[index.index("<h2>Roadmap</h2>") :]
    assert 'href="interviews.html"' in index[index.index("<h2>Gesprekken</h2>") :]
    start = index.index("<h2>Notitie voor de stuurgroep</h2>")
    brief = index[start : index.index("<h2>Gedeelde en")]
    assert 'href="brief.html"' in brief and 'href="brief.pdf"' in brief
    tally, earlier, first = (
        json.loads((result.study_dir / "surveys" / f"toptaken-{year}.tally.json").read_text())
        for year in (2026, 2024, 2022)
    )
    assert "anonymous" not in json.dumps(tally)
    assert sum(tally["respondents"].values()) == 514
    assert sum(earlier["respondents"].values()) == 410  # four in five of them answered then
    assert sum(first["respondents"].values()) == 334  # and 65 in a hundred two years before
    for years, year in ((2, 2024), (4, 2022)):
        path = result.study_dir / "surveys" / f"toptaken-{year}.yaml"
        assert path.read_text(encoding="utf-8").splitlines()[1] == (
            f"# Verzonnen door needmap demo: hetzelfde onderzoek {years} jaar eerder, om te "
            "laten zien wat"
        )
    page = (tmp_path / "demo" / "toptasks-toptaken-2026.md").read_text(encoding="utf-8")
    again = build_demo(tmp_path / "demo", "gemeente")
    assert not again.created and {p.name for p in again.files} == names
    assert (tmp_path / "demo" / "toptasks-toptaken-2026.md").read_text(encoding="utf-8") == page


@pytest.mark.parametrize(
    ("command", "text"),
    [
        (["table"], "Confidential board papers "),
        (["overlap", "-g", "front-desk,field,policy"], "HR information and policies; "),
    ],
)
def test_terminal_tables_fit_80_columns(study_dir: Path, command: list[str], text: str) -> None:
    """Nine group columns or a long list of needs still leave the text column readable."""
    result = runner.invoke(app, [command[0], str(study_dir), *command[1:]], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "●" in line or "%  " in line]
    assert rows and max(len(line.rstrip()) for line in rows) <= 80
    assert any(text in line for line in rows)


def test_overlap_in_a_narrow_terminal_keeps_names_and_headings_whole(study_dir: Path) -> None:
    """At 40 columns rich cut the group names ("Front desk and contac…") and the region
    table's headings ("co…", "nee…"); the names wrap now, and the regions, too wide for
    40 columns with their words whole, are cards: each region's code over its figures."""
    env = {"COLUMNS": "40", **IN_A_TERMINAL}
    result = runner.invoke(app, ["overlap", str(study_dir), "-l", "nl"], env=env)
    assert result.exit_code == 0, result.output
    lines = plain(result.stdout).splitlines()
    study = load_study(study_dir)
    for group in study.groups:
        assert group.name.split()[0] in result.stdout
    assert all("…" not in line for line in lines[: lines.index("")])
    regions = [line.rstrip() for line in lines[lines.index("") + 1 :]]
    assert regions[:4] == [  # its title wrapped too
        "Gebieden: behoeften die precies deze",
        "groepen delen",
        "R1",
        "  groepen: ABCDEFG · behoeften: 5",
    ]
    assert max(map(len, regions)) <= 40


def test_the_table_s_group_letters_break_between_groups(study_dir: Path) -> None:
    result = runner.invoke(app, ["table", str(study_dir)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    study = load_study(study_dir)
    legend = [line for line in result.stdout.splitlines() if line.startswith("A · ")]
    assert legend, result.stdout
    start = result.stdout.splitlines().index(legend[0])
    lines = result.stdout.splitlines()[start : start + 4]
    assert max(len(line) for line in lines) <= 80
    entries = [e for line in lines for e in line.split("  ") if " · " in e]
    assert entries == [f"{chr(65 + i)} · {g.name}" for i, g in enumerate(study.groups)]


def test_overlap_names_the_most_alike_groups_and_suggests_a_merge(make_study: StudyMaker) -> None:
    same = "groups: {desk: must, field: must}"
    root = make_study(
        {
            "needs.yaml": f"""\
                needs:
                  - {{id: search, title: Search, kind: function, {same}}}
                  - {{id: news, title: News, kind: content, groups: {{desk: could, field: should}}}}
                """,
            "personas.yaml": None,
        }
    )
    result = runner.invoke(app, ["overlap", str(root)])
    assert result.exit_code == 0, result.output
    # weighted: min(3,3) + min(1,2) = 4 over max 3 + 2 = 5
    said = " ".join(result.stdout.split())
    assert "(needs in common, weighed by importance): “Front desk” and “Field staff” (80%)." in said
    assert f"needmap groups merge {root} desk field --into desk" in result.stdout
    apart = runner.invoke(app, ["overlap", str(make_study(name="apart"))])
    assert "“Front desk” and “Field staff” (33%)." in " ".join(apart.stdout.split())
    assert "needmap groups merge" not in apart.stdout


def test_a_table_of_many_groups_marks_them_by_letter_in_80_columns(make_study: StudyMaker) -> None:
    """Fourteen columns of ●●● marks would leave the needs no room: one letter per group."""
    groups = "".join(
        f"  - {{id: g{i:02}, name: Group {i} of the organisation}}\n" for i in range(14)
    )
    every = ", ".join(f"g{i:02}: {('must', 'should', 'could')[i % 3]}" for i in range(14))
    root = make_study(
        {
            "groups.yaml": "groups:\n" + groups,
            "needs.yaml": "needs:\n"
            "  - {id: search, title: Search all sources at once, kind: function,\n"
            f"     groups: {{{every}}}}}\n"
            "  - {id: roster, title: Roster, kind: function, groups: {g01: should}}\n",
            "personas.yaml": None,
        }
    )
    result = runner.invoke(app, ["table", str(root)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 80
    assert "Need                        A B C D E F G H I J K L M N  Region" in lines
    assert "Search all sources at once  M S C M S C M S C M S C M S  R1 core" in lines
    assert "Roster                      · S · · · · · · · · · · · ·  R2" in lines
    assert lines[-1] == "M must  S should  C could"


def test_groups_past_the_52nd_are_marked_under_two_capitals(make_study: StudyMaker) -> None:
    """The 53rd group is AA, the 54th AB: the table puts each mark under its letters, and
    a region's groups are listed with spaces between, "AAB" being AA and B or A and AB."""
    groups = "".join(f"  - {{id: g{i:02}, name: Group {i}}}\n" for i in range(54))
    last = ", ".join(f"g{i:02}: must" for i in (0, 52, 53))
    root = make_study(
        {
            "groups.yaml": "groups:\n" + groups,
            "needs.yaml": "needs:\n"
            f"  - {{id: search, title: Search, kind: function, groups: {{{last}}}}}\n"
            + "".join(
                f"  - {{id: n{i:02}, title: Need {i}, kind: content, groups: {{g{i:02}: could}}}}\n"
                for i in range(54)
            ),
            "personas.yaml": None,
        }
    )
    table = runner.invoke(app, ["table", str(root)], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    lines = [line.rstrip() for line in table.stdout.splitlines()]
    heading = next(line for line in lines if line.startswith("Need "))
    search = next(line for line in lines if line.startswith("Search "))
    assert heading.endswith(" x y z AA AB  Region")
    assert search.index("M") == heading.index(" A ") + 1
    assert search[heading.index(" AA ") + 1 :].startswith("M  M   R")
    overlap = runner.invoke(app, ["overlap", str(root), "--all"], env={"COLUMNS": "200"})
    assert overlap.exit_code == 0, overlap.output
    assert " A AA AB " in overlap.stdout and " AB " in overlap.stdout
    for command in (
        ["status", str(root)],
        ["groups", "list", str(root)],
        ["diagram", str(root), "--out", str(root / "d.svg")],
    ):
        shown = runner.invoke(app, command)
        assert shown.exit_code == 0, shown.output


def test_more_than_three_circles_list_the_regions_their_diagram_draws(
    make_study: StudyMaker,
) -> None:
    """Ten groups: one need of all, one of g0 alone and 30 of one pair each, so 32 regions of
    one need. The UpSet chart draws 25: the core, g0's own and the first 23 pairs; the
    terminal lists the same and counts the rest, and --all lists every one."""
    groups = "".join(f"  - {{id: g{i}, name: Group {i}}}\n" for i in range(10))
    pairs = [(a, b) for a in range(10) for b in range(a + 1, 10)][:30]
    needs = [
        "  - {id: all, title: All, kind: function, groups: {"
        + ", ".join(f"g{i}: must" for i in range(10))
        + "}}",
        "  - {id: own, title: Own, kind: function, groups: {g0: must}}",
        *(
            f"  - {{id: p{a}{b}, title: Pair {a}{b}, kind: content, "
            f"groups: {{g{a}: must, g{b}: must}}}}"
            for a, b in pairs
        ),
    ]
    root = make_study(
        {
            "groups.yaml": "groups:\n" + groups,
            "needs.yaml": "needs:\n" + "\n".join(needs) + "\n",
            "personas.yaml": None,
        }
    )

    def regions(*options: str) -> tuple[list[str], str]:
        result = runner.invoke(app, ["overlap", str(root), *options], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        rows = [line.split()[0] for line in lines if line[:1] == "R" and line[1:2].isdigit()]
        return rows, result.stdout

    drawn, text = regions()
    assert len(drawn) == 25 and drawn[0] == "R1" and drawn[-1] == "R32"  # the core, g0's own
    assert (
        "7 more combinations with 7 needs not shown, as in the diagram; --all lists them." in text
    )
    every, text = regions("--all")
    assert every == [f"R{i}" for i in range(1, 33)]
    assert "not shown" not in text
