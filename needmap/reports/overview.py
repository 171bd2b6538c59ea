"""The overlap overview: one self-contained HTML page with the advice, the diagram and the
needs table beside it, as a steering group reads them together."""

from __future__ import annotations

import base64
from pathlib import Path

from needmap.errors import UsageError
from needmap.fileio import write_bytes_atomic
from needmap.model.analysis import OverlapAnalysis
from needmap.model.overlap import Overlap, most_alike
from needmap.model.platform import PlatformAdvice
from needmap.reports.diagram import Diagram, render_diagram
from needmap.reports.i18n import (
    Language,
    counted,
    format_count,
    format_percent,
    labels,
    note_text,
    number_key,
)
from needmap.reports.jinja import render_report
from needmap.reports.needs_table import build_needs_table
from needmap.reports.pdf import page_bytes
from needmap.reports.table_formats import markdown_cell, table_to_html, table_to_markdown

__all__ = [
    "advice_fields",
    "advice_sentence",
    "alike_sentence",
    "diagram_alt",
    "overview_to_markdown",
    "render_overview",
    "write_overview",
]


def advice_fields(advice: PlatformAdvice, units: int, language: Language) -> dict[str, object]:
    """The numbers of the platform advice, as the advice sentences in ``i18n`` name them."""
    return {
        "shared_needs": counted(len(advice.shared_needs), "needs", language),
        "share": f"{advice.shared_share:.0%}",
        "k": advice.shared_min_units,
        "n": units,
        "u": f"{advice.universal_from:.0%}",
        "l": f"{advice.landscape_below:.0%}",
        "specific": format_count(len(advice.specific_needs), language),
    }


def advice_sentence(
    key: str, advice: PlatformAdvice, units: int, language: Language, **more: object
) -> str:
    """The advice sentence ``key`` (``report.advice_text``, ``overlap.advice``) with the
    advice's numbers (and ``more``); of one circle, its ``.one`` form, which says that
    every need counts as shared rather than how many of one circle share it."""
    sentence = labels(language)[number_key(key, units)]
    return sentence.format(**advice_fields(advice, units, language), **more)


def diagram_alt(overlap: Overlap, kind: str, language: Language) -> str:
    """The diagram in words, for whoever cannot see it: what it draws, of how many groups
    or families, and where the table that lists the same needs is."""
    words = labels(language)
    noun = "families" if overlap.by_family else "groups"
    units = len(overlap.units)
    return words[number_key("report.alt", units)].format(
        drawing=words[f"report.alt.{kind}"], units=counted(units, noun, language)
    )


def alike_sentence(overlap: Overlap, language: Language) -> str:
    """Which circles are most alike in what they need, with their weighted similarity; empty
    when no two circles share a need."""
    words = labels(language)
    names = {unit.id: unit.name for unit in overlap.units}
    pairs = [
        words["overlap.alike_pair"].format(
            a=names[s.a], b=names[s.b], share=format_percent(s.weighted_jaccard, language, 0)
        )
        for s in most_alike(overlap)
    ]
    return words["overlap.alike"].format(pairs="; ".join(pairs)) if pairs else ""


def _in_words(analysis: OverlapAnalysis) -> dict[str, str]:
    """The overview's title and advice in the study's language: the page and its Markdown
    say the same."""
    study, overlap, advice = analysis.study, analysis.overlap, analysis.advice
    words = labels(study.settings.language)
    return {
        "title": words["report.title.family" if overlap.by_family else "report.title"],
        "organisation": study.settings.organisation,
        "study_name": study.settings.name,
        "advice_heading": words["report.advice"],
        "advice_form": words[f"form.{advice.form}"],
        "advice_text": advice_sentence(
            "report.advice_text", advice, len(overlap.units), study.settings.language
        ),
        "note": words["overlap.note"].format(
            note=note_text(overlap.weighting_note, study.settings.language)
        )
        if overlap.weighting_note
        else "",
        "alike": alike_sentence(overlap, study.settings.language),
    }


def render_overview(
    analysis: OverlapAnalysis,
    diagram: Diagram,
    svg: bytes | None = None,
    *,
    chapter: str | None = None,
) -> str:
    """The page as HTML text; images are embedded, so the file works offline.

    ``svg`` is the diagram already rendered, when the caller has it (saves rendering twice);
    ``chapter`` renders it as that chapter of the brief instead of a page.
    """
    study = analysis.study
    table = build_needs_table(study, analysis.overlap, analysis.advice)
    if svg is None:
        svg = render_diagram(diagram, ".svg")
    return render_report(
        "overview.html.j2",
        chapter,
        language=study.settings.language,
        **_in_words(analysis),
        diagram_svg_base64=base64.b64encode(svg).decode("ascii"),
        diagram_alt=diagram_alt(analysis.overlap, diagram.kind, study.settings.language),
        stacked=diagram.kind == "upset",
        table_html=table_to_html(table),
        table_title=table.title,
    )


def overview_to_markdown(analysis: OverlapAnalysis) -> str:
    """The overview as Markdown: the title, the advice and the needs table, whose region
    codes (``AB``, ``R3``) stand in for the diagram that Markdown cannot hold."""
    said = {key: markdown_cell(text) for key, text in _in_words(analysis).items()}
    lines = [
        f"# {said['title']}",
        "",
        f"{said['organisation']} — {said['study_name']}",
        "",
        f"**{said['advice_heading']}: {said['advice_form']}**",
        "",
        said["advice_text"],
        "",
    ]
    for key in ("note", "alike"):
        if said[key]:
            lines += [said[key], ""]
    study = analysis.study
    table = build_needs_table(study, analysis.overlap, analysis.advice)
    return "\n".join(lines) + "\n" + table_to_markdown(table)


def write_overview(
    analysis: OverlapAnalysis, diagram: Diagram, path: Path, svg: bytes | None = None
) -> None:
    """Write the overview atomically: a page (.html or .htm), its PDF (.pdf) or its Markdown
    (.md, without the diagram)."""
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf", ".md"):
        raise UsageError.single(
            f"cannot write the overview as '{path.suffix or path.name}'",
            path=path,
            hint="use a name ending in .html (a page), .pdf or .md",
        )
    if suffix == ".md":
        write_bytes_atomic(path, overview_to_markdown(analysis).encode("utf-8"))
        return
    write_bytes_atomic(path, page_bytes(render_overview(analysis, diagram, svg), suffix))
