"""``needmap survey questions``: a survey's questions and options, to build it in its tool.

A study started from a template has its survey mapping before it has a survey: the mapping
lists the group question with its answers and the task question with its tasks, exactly as
the import will match them in the export. Typed again by hand into Microsoft Forms, an
answer or a label comes out a little different ("Carer, nurse or support-worker"), and the
import then refuses it as unknown. So this writes them to copy from, one option a line, with
what the top-task method asks of the tool: up to ``max_picks`` answers, the tasks in random
order (a task at the top of a long list is chosen more for standing there).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from needmap.personas.schema import Language, TargetGroup
from needmap.personas.study import Study
from needmap.reports.i18n import labels
from needmap.reports.jinja import render_report
from needmap.reports.pdf import page_bytes
from needmap.reports.table_formats import json_bytes, markdown_cell, markdown_line, write_in_format
from needmap.surveys.answers import ANSWER_CODE
from needmap.surveys.draft_languages import in_the_other_language
from needmap.surveys.draft_words import answer_language
from needmap.surveys.mapping import LAYOUTS, Layout, SurveyMapping, SurveyTask

__all__ = [
    "FormQuestion",
    "FormText",
    "SurveyForm",
    "form_text",
    "form_to_json",
    "form_to_markdown",
    "form_to_text",
    "render_form_page",
    "survey_form",
    "write_survey_form",
]


@dataclass(frozen=True)
class SurveyForm:
    """What the survey asks, as the tool must show it for the import to read the export."""

    survey: str
    """The survey's id, as its mapping gives it."""
    title: str
    layout: Layout
    language: Language
    mapping_file: str
    """The mapping, relative to the study: where the texts come from."""
    group_question: str
    """The group question's column in the export: the question itself in Microsoft and
    Google Forms; a question code (or text) in LimeSurvey; a column name in the long
    layout."""
    group_answers: tuple[str, ...]
    """The group question's answers, as the mapping lists them (those counted outside the
    target groups too: they are options people choose)."""
    answer_texts: tuple[str, ...]
    """For a LimeSurvey mapping that reads answer codes (``AO01``), a text for each answer
    to show people, since the export gives only the code: the names of the groups it is
    for. Empty where the answers are the texts themselves."""
    unasked: tuple[TargetGroup, ...]
    """The study's groups that no answer names: the survey does not ask them (a survey
    among employees leaves out clients), which the form says, to check."""
    group_other: bool
    """Whether the group question has an 'Other' option people type into."""
    answer_translations: tuple[tuple[str, str], ...]
    """Of a survey in two languages, each answer in the study's language with the answer
    of the other language that is its translation (both for one group, and the only two
    for it): the form lists the first as an option, the second as its translation."""
    task_question: str
    """The task question's column, as :attr:`group_question` is the group question's; in
    LimeSurvey, its question code (or text), whose subquestions have a column each."""
    tasks: tuple[SurveyTask, ...]
    """The tasks (label, and LimeSurvey's subquestion code), in the mapping's order."""
    max_picks: int
    task_other: bool
    """Whether the task question has an 'Other' option people type into."""


def survey_form(mapping: SurveyMapping, study: Study, mapping_file: Path) -> SurveyForm:
    """The questions of the survey ``mapping`` (read from ``mapping_file``) describes, in
    the study's language."""
    answered = {
        group
        for answer in mapping.group.values.values()
        for group in ([answer] if isinstance(answer, str) else answer or ())
    }
    return SurveyForm(
        survey=mapping.id,
        title=mapping.title,
        layout=mapping.layout,
        language=study.settings.language,
        mapping_file=_relative(mapping_file, study.root),
        group_question=mapping.group.column,
        group_answers=tuple(mapping.group.values),
        answer_texts=_answer_texts(mapping, study),
        unasked=tuple(g for g in study.groups if g.id not in answered),
        group_other=mapping.group.other,
        answer_translations=_answer_translations(mapping, study.settings.language),
        task_question=mapping.choices.question or mapping.choices.column or "",
        tasks=tuple(mapping.tasks),
        max_picks=mapping.max_picks,
        task_other=mapping.choices.other,
    )


def _answer_texts(mapping: SurveyMapping, study: Study) -> tuple[str, ...]:
    """What people see for each of a LimeSurvey mapping's answer codes: the name of the
    group it is for (names joined where it is for several; for none, that it is another
    group); empty when any answer is not a code (the answers are the texts)."""
    values = mapping.group.values
    if mapping.layout != "limesurvey" or not all(map(ANSWER_CODE.fullmatch, values)):
        return ()
    names = {g.id: g.name for g in study.groups}
    outside = labels(study.settings.language)["form.outside"]
    return tuple(
        outside
        if not groups
        else " / ".join(names.get(g, g) for g in ([groups] if isinstance(groups, str) else groups))
        for groups in values.values()
    )


def _answer_translations(mapping: SurveyMapping, language: Language) -> tuple[tuple[str, str], ...]:
    """Each group answer in ``language`` with its translation, where the survey is in two
    languages: its tasks' other texts (``also``) read as the other language, or, where
    they are too short to tell ("Request leave"), do not read as this one and the answers
    of two groups or more pair up. An answer is paired only where it and one answer in
    the other language are all the answers for its group
    (:func:`~needmap.surveys.draft_words.answer_language` tells the language); where a
    group has more, or an answer's language is not told by its words, all stay options,
    as the mapping lists them. LimeSurvey's answers are read by their codes in every
    language: it has none."""
    others = [text for task in mapping.tasks for text in task.also]
    if mapping.layout == "limesurvey" or not others:
        return ()
    pairs = _answer_pairs(mapping, language)
    if in_the_other_language(others, language):
        return pairs
    in_this_one = in_the_other_language(others, "en" if language == "nl" else "nl")
    return pairs if len(pairs) >= _LEAST_PAIRS and not in_this_one else ()


_LEAST_PAIRS = 2
"""Groups whose answers must pair up, one in each language, to take a survey whose tasks'
other texts tell no language for one in two: one such group may be a team named in
English in a Dutch survey ("Facilitair" and "Facility management")."""


def _answer_pairs(mapping: SurveyMapping, language: Language) -> tuple[tuple[str, str], ...]:
    """Each group's answer in ``language`` and its answer in the other, of the groups that
    have those two answers only."""
    for_group: dict[tuple[str, ...], list[str]] = {}
    for answer, groups in mapping.group.values.items():
        key = (groups,) if isinstance(groups, str) else tuple(groups or ())
        for_group.setdefault(key, []).append(answer)
    pairs = []
    for answers in for_group.values():
        if len(answers) != 2:
            continue
        spoken = [answer_language(answer) for answer in answers]
        if language in spoken and None not in spoken and spoken[0] != spoken[1]:
            own = spoken.index(language)
            pairs.append((answers[own], answers[1 - own]))
    return tuple(pairs)


def _relative(path: Path, root: Path) -> str:
    """``path`` as the study's files name it: relative to the study, where it is inside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class FormQuestion:
    """One question as the renderers show it: heading, what it allows, its options."""

    heading: str
    notes: tuple[str, ...]
    options_label: str
    options: tuple[str, ...]
    """One a line, to copy into the tool's option fields as they are."""
    also_label: str = ""
    also: tuple[str, ...] = ()
    """The tasks' other texts (``also``), each after its task's label and a tab, or the
    group answers' translations, each after its answer: a translation to type into a
    form in two languages, which the import must read too (none for LimeSurvey, whose
    export the import reads by codes)."""


@dataclass(frozen=True)
class FormText:
    """The form in words, in its language: what every output of it shows."""

    title: str
    lead: str
    questions: tuple[FormQuestion, ...]
    closing: tuple[str, ...]
    """How to set the questions up in the tool, what if it cannot limit the answers, and
    what to change for another tool."""


def form_text(form: SurveyForm) -> FormText:
    """The form's title, lead, two questions and closing notes, in words."""
    words = labels(form.language)
    tool = words[f"form.tool.{form.layout}"]
    # Microsoft and Google Forms head the export's columns with the questions; LimeSurvey's
    # and a long export's headings are codes or column names, told beside the question
    by_code = form.layout in ("limesurvey", "long")
    limesurvey = form.layout == "limesurvey"
    group_notes = [words["form.single"]]
    if by_code:
        group_notes.insert(0, words["form.column"].format(column=form.group_question))
    if form.group_other:
        group_notes.append(words["form.other"])
    if form.unasked:
        group_notes.append(
            words["form.unasked"].format(groups="; ".join(g.name for g in form.unasked))
        )
    task_notes = [words["form.picks"].format(n=form.max_picks)]
    if by_code:
        where = "form.question_code" if limesurvey else "form.column"
        task_notes.insert(
            0, words[where].format(code=form.task_question, column=form.task_question)
        )
    if form.task_other:
        task_notes.append(words["form.other"])
    options = tuple(
        f"{task.code}\t{_typed(task.label)}" if limesurvey and task.code else _typed(task.label)
        for task in form.tasks
    )
    # LimeSurvey's columns are read by code in every language: no other text counts there
    also = tuple(
        f"{_typed(task.label)}\t{_typed(text)}"
        for task in ([] if limesurvey else form.tasks)
        for text in task.also
    )
    translated = {other for _, other in form.answer_translations}
    answers = tuple(_typed(a) for a in form.group_answers if a not in translated)
    if form.answer_texts:
        texts = map(_typed, form.answer_texts)
        answers = tuple(f"{a}\t{t}" for a, t in zip(answers, texts, strict=True))
    answer_also = tuple(f"{_typed(a)}\t{_typed(b)}" for a, b in form.answer_translations)
    questions = (
        FormQuestion(
            f"1. {words['form.group_heading'] if by_code else form.group_question}",
            tuple(group_notes),
            words["form.answer_codes" if form.answer_texts else "form.options"].format(
                count=len(answers)
            ),
            answers,
            words["form.also_answers"].format(count=len(answer_also)) if answer_also else "",
            answer_also,
        ),
        FormQuestion(
            f"2. {words['form.task_heading'] if by_code else form.task_question}",
            tuple(task_notes),
            words["form.codes" if limesurvey else "form.options"].format(count=len(options)),
            options,
            words["form.also"].format(count=len(also)) if also else "",
            also,
        ),
    )
    return FormText(
        title=words["form.title"].format(title=form.title, tool=tool),
        lead=words["form.intro.limesurvey" if limesurvey else "form.intro"].format(
            file=form.mapping_file
        ),
        questions=questions,
        closing=(
            words[f"form.tip.{form.layout}"].format(n=form.max_picks, tool=tool),
            words["form.limit"].format(n=form.max_picks),
            words["form.elsewhere"].format(
                file=form.mapping_file,
                layouts=", ".join(layout for layout in LAYOUTS if layout != form.layout),
            ),
        ),
    )


def _typed(text: str) -> str:
    """A text as it is typed into the tool's field: its white space (a tab, a line break
    the mapping's YAML holds) one space, which is how the import reads it too; a tab
    parts a label from its code or translation in the form's lines."""
    return " ".join(text.split())


_WIDTH = 80
"""Where the prose of a text file wraps; options never do (each is one line to copy)."""


def form_to_text(form: SurveyForm) -> str:
    """The form as plain text, its prose wrapped at 80 columns, the options one a line at
    the left margin."""
    text = form_text(form)

    def prose(*paragraphs: str) -> list[str]:
        return [line for p in paragraphs for line in textwrap.wrap(p, _WIDTH)]

    lines = [*prose(text.title), "", *prose(text.lead), ""]
    for question in text.questions:
        lines += [*prose(question.heading, *question.notes, question.options_label)]
        lines += [*question.options, ""]
        if question.also:
            lines += [*prose(question.also_label), *question.also, ""]
    lines += prose(*text.closing)
    return "\n".join(lines) + "\n"


def form_to_markdown(form: SurveyForm) -> str:
    """The form as Markdown: each question a heading, its options in a block of plain text
    that copies as it is."""
    text = form_text(form)
    lines = [f"# {markdown_cell(text.title)}", "", markdown_line(text.lead), ""]
    for question in text.questions:
        fence = _fence(question.options)
        lines += [f"## {markdown_cell(question.heading)}", ""]
        lines += [markdown_line(" ".join(question.notes)), ""]
        lines += [markdown_line(question.options_label), ""]
        lines += [f"{fence}text", *question.options, fence, ""]
        if question.also:
            fence = _fence(question.also)
            lines += [markdown_line(question.also_label), ""]
            lines += [f"{fence}text", *question.also, fence, ""]
    lines += [line for note in text.closing for line in ("", markdown_line(note))][1:]
    return "\n".join(lines) + "\n"


def _fence(lines: tuple[str, ...]) -> str:
    """A code fence longer than any run of backticks in ``lines``, so none ends it."""
    longest = max((len(run) for line in lines for run in re.findall("`+", line)), default=0)
    return "`" * max(3, longest + 1)


def render_form_page(form: SurveyForm) -> str:
    """The form as a page to hand round before the survey is built (portrait, to print):
    each answer after a circle (one answer), each task after a box (several)."""
    text = form_text(form)
    return render_report("survey_form.html.j2", language=form.language, form=text)


def form_to_json(form: SurveyForm) -> dict[str, Any]:
    """The form as JSON (docs/json-output.md): what a script needs to create the survey
    through a tool's programming interface, the texts exactly as the import reads them."""
    return {
        "survey": form.survey,
        "title": form.title,
        "layout": form.layout,
        "max_picks": form.max_picks,
        "group": {
            "question": form.group_question,
            "answers": list(form.group_answers),
            "answer_texts": list(form.answer_texts) or None,
            "other": form.group_other,
            "not_asked": [g.id for g in form.unasked],
            "translations": [
                {"answer": answer, "translation": other}
                for answer, other in form.answer_translations
            ],
        },
        "tasks": {
            "question": form.task_question,
            "options": [
                {"id": task.id, "label": task.label, "code": task.code, "also": list(task.also)}
                for task in form.tasks
            ],
            "other": form.task_other,
        },
    }


def write_survey_form(form: SurveyForm, path: Path) -> None:
    """Write the form as ``path``'s suffix asks: .md or .txt, .html or .pdf (a page), or
    .json."""
    renderers: Mapping[str, Callable[[SurveyForm], bytes]] = {
        ".md": lambda f: form_to_markdown(f).encode("utf-8"),
        ".txt": lambda f: form_to_text(f).encode("utf-8"),
        ".html": lambda f: page_bytes(render_form_page(f), ".html"),
        ".pdf": lambda f: page_bytes(render_form_page(f), ".pdf"),
        ".json": lambda f: json_bytes(form_to_json(f)),
    }
    write_in_format(renderers, form, path, "the survey's questions")
