"""The text of a drafted survey mapping: its YAML, with the comments that say what was
guessed, what was taken from the study's other mappings, and what is left to do."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from needmap.controls import without_controls
from needmap.personas.yamledit import yaml_flow_list, yaml_scalar
from needmap.surveys.mapping import Layout

__all__ = ["DraftAnswer", "DraftTask", "mapping_text"]


@dataclass(frozen=True)
class DraftAnswer:
    """One answer of the group question, and the group it was guessed to mean. (How many
    chose it is not kept: a small group's count must not reach any file.)"""

    text: str
    group: str | tuple[str, ...] | None
    """A group id; the ids of an answer that covers several groups (from a mapping of the
    study); None outside the target groups."""
    source: str | None = None
    """The study's mapping the group was taken from, if one has this answer; else the
    group is guessed."""
    other_language: bool = False
    """Given with the task texts of the export's other language, and like no group: the
    group question in that language."""
    words: str | None = None
    """Of an answer in the study's other language (of an export in two, or in that one
    alone), its words in the study's language where the group was guessed from them
    ("teamleider, afdelingshoofd")."""


@dataclass(frozen=True)
class DraftTask:
    """One task of the draft: its id, label and (LimeSurvey) code, how many chose it (for
    the question whether choices made once are answers to "Other"), and its needs, taken
    from a mapping of the study or else only suggested in a comment."""

    id: str
    label: str
    code: str | None
    votes: int
    suggested_needs: tuple[str, ...]
    needs: tuple[str, ...] = ()
    source: str | None = None
    """The study's mapping the needs (and the id) were taken from, if one has this label."""
    also: tuple[str, ...] = ()
    """The export's other texts for this task, as a mapping of the study groups them
    under one task (the survey in another language): counted as the task."""
    paired: bool = False
    """Whether ``also`` is the export's other language, paired by its place in the list."""
    other_language: bool = False
    """A text of the export's other language that nothing paired: to pair by hand."""
    maybe: tuple[str, ...] = ()
    """Of such a text, the ids of the few tasks it may translate, by its place in its
    list."""
    or_none: bool = False
    """Whether such a text with ``maybe`` may instead be a task none chose in the study's
    language, which its list lacks (the other language's list is the longer)."""
    untranslated: bool = False
    """Whether such a text's place leaves no task it may translate: it is a task none
    chose in the study's language."""


_ONCE_HINT = 3
_VOTES_HINT = 50
"""A draft of at least this many votes, with at least ``_ONCE_HINT`` choices made once
each, asks whether those are answers to an "Other" option: a task of the list is seldom
chosen by one respondent of dozens, a text of one's own nearly always."""


def _heading(heading: str) -> str:
    """A column's heading as the mapping names it: without the control characters a
    mapping may not hold (the import finds the column without them)."""
    return yaml_scalar(without_controls(heading))


def mapping_text(
    draft_id: str,
    title: str,
    stem: str,
    layout: Layout,
    picks: tuple[int, int | None],
    respondent: str | None,
    group_column: str,
    choices_column: str | None,
    question: str | None,
    answers: Sequence[DraftAnswer],
    tasks: Sequence[DraftTask],
    source: str,
    notes: Mapping[str, str],
    other_from: Mapping[str, str],
    repeats: tuple[str, str] | None = None,
) -> str:
    """The mapping's YAML, with ``notes`` as its comments (:mod:`.file_notes`); ``picks``
    is max_picks and what the question asked for, if it says. Without a ``title``, the
    export's name (``stem``) stands in, marked to do. ``other_from`` names, for "group"
    and "choices", the mapping of the study whose question there has an 'Other' option.
    ``repeats``: the id and file of the survey this one may be held again of, as
    :meth:`~needmap.surveys.draft_earlier.EarlierMappings.repeated` finds it: its
    ``earlier`` is written commented out, for the consultant to keep or drop."""
    max_picks, asked = picks
    if asked == max_picks:
        picks_note = notes["picks_asked"]
    elif asked is None:
        picks_note = notes["picks_found"]
    else:
        picks_note = notes["picks_more"].format(asked=asked, chosen=max_picks)
    lines = [
        "# " + notes["drafted"].format(source=source),
        "# " + notes["order"] + (notes["export_order"] if layout == "limesurvey" else "") + ".",
        "# " + notes["check"],
        "# " + notes["import"],
        f"id: {yaml_scalar(draft_id)}",
        f"title: {yaml_scalar(title)}"
        if title
        else f"title: {yaml_scalar(stem)}  # {notes['title']}",
        f"layout: {layout}",
        f"max_picks: {max_picks}  # {picks_note}",
    ]
    if repeats is not None:
        survey, mapping = repeats
        lines.append(f"# earlier: {survey}  # " + notes["earlier"].format(source=mapping))
    if respondent:
        note = notes["respondent_long" if layout == "long" else "respondent"]
        lines.append(f"respondent: {_heading(respondent)}  # {note}")
    lines += ["group:", f"  column: {_heading(group_column)}", "  values:"]
    for answer in answers:
        group = (
            "~"
            if answer.group is None
            else yaml_scalar(answer.group)
            if isinstance(answer.group, str)
            else yaml_flow_list(answer.group)
        )
        if answer.source is not None:
            note = notes["as_in"].format(source=answer.source)
        elif answer.other_language:
            note = notes["answer_other"]
        elif answer.words is not None:
            note = notes["in_words"].format(words=answer.words)
        else:
            note = notes["answer" if answer.group is None else "guessed"]
        lines.append(f"    {yaml_scalar(answer.text)}: {group}  # {note}")
    if "group" in other_from:
        lines.append("  other: true  # " + notes["as_in"].format(source=other_from["group"]))
    lines.append("choices:")
    if question:
        lines.append(f"  question: {_heading(question)}")
    else:
        lines.append(f"  column: {_heading(choices_column or '')}")
    two_languages = any(task.other_language for task in tasks)
    once = sum(1 for task in tasks if task.votes == 1 and not task.other_language)
    if "choices" in other_from:
        lines.append("  other: true  # " + notes["as_in"].format(source=other_from["choices"]))
    elif (
        layout != "limesurvey" and once >= _ONCE_HINT and sum(t.votes for t in tasks) >= _VOTES_HINT
    ):
        lines.append("# " + notes["once_before" if two_languages else "once"].format(once=once))
    lines.append("tasks:")
    for task in tasks:
        if task.other_language and task is next(t for t in tasks if t.other_language):
            lines += ["# " + line for line in textwrap.wrap(notes["languages"], 88)]
        code = f", code: {yaml_scalar(task.code, flow=True)}" if task.code is not None else ""
        label = yaml_scalar(task.label, flow=True)
        also = f", also: {yaml_flow_list(task.also)}" if task.also else ""
        needs = yaml_flow_list(task.needs)
        entry = (
            f"  - {{id: {yaml_scalar(task.id, flow=True)}, label: {label}{also}{code}, "
            f"needs: {needs}}}"
        )
        if task.source is not None:  # its label is an earlier mapping's: the survey's
            note = "  # " + notes["as_in"].format(source=task.source)
        else:
            note = "  # " + notes["needs"]
            if task.suggested_needs:
                note += notes["perhaps"].format(needs=", ".join(task.suggested_needs))
            if task.code == task.label:
                note += notes["label"]
        if task.paired:
            note += notes["paired"]
        if task.maybe and task.or_none:
            note += notes["maybe_or_none"].format(ids=notes["or"].join(task.maybe))
        elif task.maybe:
            note += notes["maybe"].format(ids=", ".join(task.maybe))
        if task.untranslated:
            note += notes["untranslated"]
        lines.append(entry + note)
    return "\n".join(lines) + "\n"
