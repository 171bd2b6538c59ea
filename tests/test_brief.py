"""The steering-group brief: a cover with the study at a glance, then every report as a
chapter, rendered by the report's own template."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from needmap import load_study
from needmap.cli import app
from needmap.errors import UsageError
from needmap.model.analysis import OverlapAnalysis
from needmap.reports.brief import (
    BriefContent,
    brief_to_markdown,
    render_brief,
    study_brief,
    write_brief,
)
from needmap.reports.diagram import Diagram
from needmap.reports.drawings import Drawings
from needmap.reports.interviews_report import render_interviews_page
from needmap.reports.personas_report import render_personas_page
from needmap.reports.roadmap_report import render_roadmap_page
from needmap.reports.searches_report import render_searches_page
from needmap.reports.why_report import first_phase_stories, render_why_page
from tests.conftest import (
    DEMO_BRIEF_CONTENTS,
    IN_A_TERMINAL,
    StudyMaker,
    plain,
    private_survey_study,
    run_needmap,
)

runner = CliRunner()
_SECTION = re.compile(
    r'<section class="chapter (\w+)" id="([\w-]+)">\n(.*?)\n</section>\n'
    r'(?=\s*(<section class="chapter|</main>))',
    re.S,
)


def _chapters(page: str) -> dict[str, tuple[str, str]]:
    """Chapter id -> (orientation, inner HTML), in document order."""
    return {m[2]: (m[1], m[3]) for m in _SECTION.finditer(page)}


def _main(page: str) -> str:
    """The inner HTML of a standalone report's ``<main>``."""
    found = re.search(r"<main class=\"\w+\">\n(.*?)\n</main>", page, re.S)
    assert found is not None
    return found[1]


def _glance(page: str) -> list[tuple[str, str]]:
    return re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", page)


@pytest.fixture(scope="module")
def full(demo: Path) -> BriefContent:
    """The municipality demo's study: families, a survey, personas, interviews, search logs."""
    return study_brief(load_study(demo / "study"))


def test_every_report_is_a_chapter_in_the_order_a_steering_group_reads_them(
    full: BriefContent,
) -> None:
    page = render_brief(full)
    chapters = _chapters(page)
    assert list(chapters) == [
        "overlap-groups",
        "overlap-families",
        "roadmap",
        "why-first",
        "personas",
        "toptasks-toptasks-2026",
        "compare-toptasks-2026",
        "interviews",
        "searches",
    ]
    assert {k: v[0] for k, v in chapters.items() if v[0] != "landscape"} == {"personas": "portrait"}
    contents = re.findall(r'<li><a href="#([\w-]+)">(.*?)</a></li>', page)
    assert [target for target, _ in contents] == list(chapters)
    assert [title for _, title in contents] == DEMO_BRIEF_CONTENTS
    assert page.count("<!DOCTYPE html>") == 1 and page.count("<main") == 1
    cover = page[: page.index('<section class="chapter')]
    families = _chapters(page)["overlap-families"][1]
    svg = re.search(r'<img src="(data:image/svg\+xml;base64,[^"]+)"', families)
    assert svg is not None and svg[1] in cover  # the families' Venn, drawn once, on the cover
    assert 'alt="Overlapping circles of the needs of 2 families of groups: ' in cover


def test_the_cover_names_each_survey_s_three_most_chosen_tasks(full: BriefContent) -> None:
    [survey] = full.surveys
    line = dict(_glance(render_brief(full)))["Top tasks"]
    top = "; ".join(escape(task.label) for task in survey.tasks[:3])
    assert line == (
        f"{escape(survey.title)}: {len(survey.coverage)} of {len(survey.tasks)} tasks take 75% "
        f"of the votes of {survey.respondents:,} respondents. Chosen most: {top}. "
        "Compared with Intranet top-task survey, March 2024: \u201cLook up a work "
        "instruction\u201d rose most (▲\u00a01.7\u00a0points), \u201cRead news about the "
        "organisation\u201d fell most (▼\u00a04.7)."
    )
    assert survey.tasks[3].label not in line


def test_the_cover_has_a_line_for_each_kind_of_evidence(full: BriefContent) -> None:
    """The demo has personas, a survey, interviews and a search log: a line for each, in
    the order of the chapters, with the counts of its report."""
    glance = dict(_glance(render_brief(full)))
    assert list(glance) == [
        "Platform form",
        "Roadmap",
        "Personas",
        "Top tasks",
        "Interviews",
        "Search logs",
    ]
    assert re.fullmatch(r"\d+ interviews with \d+ people\.", glance["Interviews"])
    assert re.fullmatch(
        r"[\d,]+ searches in 1 log; [\d,]+ \(\d+\.\d%\) about a need; \d+ found nothing\.",
        glance["Search logs"],
    )


def test_the_brief_leaves_the_build_s_drawings_for_its_other_reports(
    full: BriefContent,
) -> None:
    """A build hands its drawings to every report: the brief must not free them, or the
    reports after it would draw the diagrams again."""
    drawings = Drawings()
    diagram = drawings.diagram(full.overlap)
    render_brief(full, drawings=drawings)
    assert drawings.diagram(full.overlap) is diagram


def test_a_brief_on_its_own_frees_the_drawings_it_made(
    full: BriefContent, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``needmap brief`` alone draws its own diagrams; matplotlib keeps a figure's memory
    until it is cleared, so the brief clears what it drew once the page is rendered."""
    drawn: list[Diagram] = []

    class Watched(Drawings):
        def diagram(self, analysis: OverlapAnalysis) -> Diagram:
            drawn.append(super().diagram(analysis))
            return drawn[-1]

    monkeypatch.setattr("needmap.reports.drawings.Drawings", Watched)
    render_brief(full)
    assert len(drawn) >= 2  # the diagrams by group and by family (and the cover's again)
    assert [d.figure.axes for d in drawn] == [[] for _ in drawn]


def test_each_chapter_is_its_report_word_for_word(full: BriefContent) -> None:
    """The brief never tells a different story from the reports: a chapter is the report's
    page without the page around it."""
    study = full.study
    assert full.interviews is not None and full.searches is not None
    chapters = _chapters(render_brief(full))
    standalone = {
        "roadmap": render_roadmap_page(full.roadmap, study),
        "personas": render_personas_page(full.personas, study),
        "interviews": render_interviews_page(full.interviews, study),
        "searches": render_searches_page(full.searches, study),
        "why-first": render_why_page(
            first_phase_stories(
                study, full.overlap, full.roadmap, full.surveys, full.repeated, full.every_run
            ),
            study,
        ),
    }
    for chapter, page in standalone.items():
        assert chapters[chapter][1] == _main(page), chapter
    assert (
        "<h1>Shared and specific needs, by family of groups</h1>"
        in (chapters["overlap-families"][1])
    )
    first = full.roadmap.phases[0].needs
    assert chapters["why-first"][1].count('<article class="why">') == len(first) > 0
    assert chapters["overlap-groups"][1].count("data:image/svg+xml;base64,") == 1
    assert chapters["toptasks-toptasks-2026"][1].count("data:image/svg+xml;base64,") == 2


def test_the_cover_sums_up_a_small_study_as_checked_by_hand(make_study: StudyMaker) -> None:
    """desk (10 people) must and field (20) should search; field must work on a phone.
    Weighted demand: search 3x10 + 2x20 = 70, mobile 3x20 = 60, so 70/130 = 54% is shared
    by both circles: between the 30% and 60% thresholds, a hybrid. Both needs fit in 'Now'
    (20 points). No survey, interviews or search logs: no lines and no chapters for them;
    one family holds both groups, so no chapter by family (one circle, compared with none)."""
    content = study_brief(load_study(make_study()))
    page = render_brief(content, today=date(2026, 3, 1))
    assert '<p class="subtitle">Test org — Test study · 1 March 2026</p>' in page
    assert _glance(page) == [
        (
            "Platform form",
            "A hybrid of a shared platform and specific tools. 54% of the weighted demand is "
            "for needs that at least 2 of the 2 circles share (universal platform from 60%, "
            "landscape below 30%). On the shared platform: 1 need; in group-specific tools or "
            "channels: 1.",
        ),
        ("Roadmap", "2 of 2 needs planned in 3 phases. Now: Search; Works on a phone."),
        ("Personas", "One persona."),
    ]
    assert list(_chapters(page)) == ["overlap-groups", "roadmap", "why-first", "personas"]


def test_a_dutch_study_gets_a_dutch_brief(make_study: StudyMaker) -> None:
    root = make_study(
        {
            "study.yaml": "name: Onderzoek\norganisation: Gemeente\nlanguage: nl\n",
            "groups.yaml": "groups:\n  - {id: desk, name: Balie, headcount: 10}\n"
            "  - {id: field, name: Buitendienst, headcount: 20}\n",
        }
    )
    page = render_brief(study_brief(load_study(root)), today=date(2026, 11, 30))
    assert "<title>Notitie voor de stuurgroep</title>" in page
    assert "Gemeente — Onderzoek · 30 november 2026" in page
    assert [label for label, _ in _glance(page)] == [
        "Vorm van het platform",
        "Roadmap",
        "Persona&#39;s",
    ]
    assert "Nu: Search; Works on a phone." in page
    assert list(_chapters(page)) == ["overlap-groups", "roadmap", "why-first", "personas"]


@pytest.mark.parametrize(
    ("needs", "named"),
    [
        (9, "Need 1; Need 2; Need 3; Need 4; Need 5; Need 6; and 3 more."),
        (6, "Need 1; Need 2; Need 3; Need 4; Need 5; Need 6."),
    ],
)
def test_many_needs_in_the_first_phase_are_counted_not_listed(
    make_study: StudyMaker, needs: int, named: str
) -> None:
    defined = "needs:\n" + "".join(
        f"  - {{id: n{i}, title: Need {i}, kind: content, groups: {{desk: must}}}}\n"
        for i in range(1, needs + 1)
    )
    no_limit = """\
        name: Test study
        organisation: Test org
        language: en
        roadmap:
          phases: [{id: now, name: Now}]
        """
    root = make_study({"study.yaml": no_limit, "needs.yaml": defined, "personas.yaml": None})
    page = render_brief(study_brief(load_study(root)))
    roadmap = dict(_glance(page))["Roadmap"]
    assert roadmap.endswith(f"Now: {named}")
    assert "personas" not in _chapters(page)
    assert "Personas" not in dict(_glance(page))  # no personas: no line for them either


def test_a_roadmap_with_nothing_planned_names_no_first_needs(make_study: StudyMaker) -> None:
    """Both needs take more points than the one phase holds: none is planned."""
    small = """\
        name: Test study
        organisation: Test org
        language: en
        roadmap:
          phases: [{id: now, name: Now, capacity: 0.5}]
        """
    page = render_brief(study_brief(load_study(make_study({"study.yaml": small}))))
    assert dict(_glance(page))["Roadmap"] == "0 of 2 needs planned in 1 phase."
    assert list(_chapters(page)) == ["overlap-groups", "roadmap", "personas"]  # no "why first"


def test_the_brief_hides_small_groups_and_respondents(tmp_path: Path) -> None:
    page = render_brief(study_brief(load_study(private_survey_study(tmp_path))))
    assert "toptasks-toptasks" in _chapters(page)
    assert "n&lt;4" in page
    assert "n=3" not in page
    assert "60.0%" not in page and "42.9%" not in page  # field's and office's own shares
    assert not re.search(r"\br\d\d\b", page)  # respondent ids (r01 …)


def test_cli_writes_the_brief_and_refuses_other_formats(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", str(demo / "study"), "-o", str(out), "--no-date"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and len(_chapters(page)) == 9
    assert "City of Exampleton — Digital workplace needs study</p>" in page  # no date

    # In a terminal, the chapters being written show on standard error, under a spinner.
    before = date.today()
    dated = runner.invoke(app, ["brief", str(demo / "study"), "-o", str(out)], env=IN_A_TERMINAL)
    assert dated.exit_code == 0, dated.output
    assert plain(dated.stdout) == f"wrote {out}\n"
    assert "Writing " in dated.stderr
    on_the_cover = {f"{day.day} {day:%B} {day.year}</p>" for day in (before, date.today())}
    assert any(cover in out.read_text("utf-8") for cover in on_the_cover)

    refused = tmp_path / "brief.docx"
    result = runner.invoke(app, ["brief", str(demo / "study"), "-o", str(refused)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"{refused}: cannot write the brief as '.docx'\n"
        "    hint: use a name ending in .pdf, .html (a page) or .md\n"
    )
    assert not refused.exists()


def test_write_brief_checks_every_name_before_it_writes_any(
    full: BriefContent, tmp_path: Path
) -> None:
    page, other = tmp_path / "brief.html", tmp_path / "brief.txt"
    with pytest.raises(UsageError) as raised:
        write_brief(full, page, other)
    assert raised.value.problems[0].message == "cannot write the brief as '.txt'"
    assert list(tmp_path.iterdir()) == []


def test_progress_names_each_chapter_and_a_pdf_before_its_layout(
    make_study: StudyMaker, tmp_path: Path
) -> None:
    content = study_brief(load_study(make_study()))
    steps: list[str] = []
    write_brief(content, tmp_path / "b.md", progress=steps.append)
    assert steps == []  # Markdown renders no page: nothing slow to show
    write_brief(content, tmp_path / "b.md", tmp_path / "b.html", progress=steps.append)
    assert (tmp_path / "b.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    chapters = ["overlap-groups", "roadmap", "why-first", "personas"]
    assert len(steps) == len(chapters) and "PDF" not in steps
    steps.clear()
    write_brief(content, tmp_path / "b.pdf", progress=steps.append)
    assert len(steps) == len(chapters) + 1 and steps[-1] == "PDF"


def test_a_subprocess_writes_the_brief_as_pdf(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = run_needmap("brief", str(demo / "study"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out}\n"
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_markdown_brief_of_a_small_study_is_golden(
    make_study: StudyMaker, golden: Callable[[str, str], None]
) -> None:
    content = study_brief(load_study(make_study()))
    golden("brief-minimal.md", brief_to_markdown(content, today=date(2026, 3, 1)))


def test_the_markdown_brief_has_a_chapter_per_report_under_its_contents(
    full: BriefContent, tmp_path: Path
) -> None:
    out = tmp_path / "brief.md"
    write_brief(full, out)
    text = out.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("# ")] == [
        "# Brief for the steering group"
    ]
    chapters = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    contents = re.findall(r"^\d+\. (.*)$", text, re.M)[:9]
    assert chapters[:2] == ["At a glance", "Contents"]
    assert len(chapters[2:]) == len(contents) == 9
    since = "Top tasks since Intranet top-task survey, March 2024"
    for heading, title in zip(chapters[2:], contents, strict=True):
        # the comparison's contents entry is short for its heading, "Top tasks compared: …"
        assert heading.startswith("Top tasks compared: " if title == since else title), heading
    # no HTML: nothing that opens a tag ("n<5" and "<0.1%" are text in Markdown)
    assert "data:image" not in text and not re.search(r"<[A-Za-z/!?]", text)


def test_report_writes_the_overview_as_markdown(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "overview.md"
    result = runner.invoke(app, ["report", str(demo / "study"), "-o", str(out), "--by-family"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Shared and specific needs, by family of groups\n")
    assert "**Recommended form of the digital workplace: one universal platform**" in text
    assert "\n## Needs per family of groups\n" in text and "\n### Content\n" in text
