"""Top-task surveys: ``survey questions`` prints what to build in the tool, ``survey import``
counts an export into its tally, ``survey draft`` writes the mapping to read one with."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from needmap.cli.app import (
    JsonOption,
    LanguageOption,
    StudyDir,
    SurveyId,
    choice_of,
    command_family,
    emit_json,
    escape,
    new_console,
    out_option,
    print_problems,
    study_at,
)
from needmap.errors import listed, plural
from needmap.shell import command_word

if TYPE_CHECKING:
    from collections.abc import Sequence

    from needmap.personas.study import Study
    from needmap.surveys.draft import MappingDraft
    from needmap.surveys.draft_languages import TwoLanguages
    from needmap.surveys.importer import ImportResult
    from needmap.surveys.tally import Tally


SurveyExport = Annotated[
    Path,
    typer.Argument(
        metavar="EXPORT",
        help="The survey tool's export: .csv, or a workbook (.xlsx, .xls, .ods).",
        show_default=False,
    ),
]

ExportSheet = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="<name>",
        help="Of a workbook: the sheet with the answers. Default: its first sheet with "
        "data, or the one other sheet that holds a survey's answers.",
        show_default=False,
    ),
]

MappingFile = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        "-m",
        help="Mapping file; default: the study's surveys/*.yaml.",
        dir_okay=False,
    ),
]

survey_app = command_family(
    "survey",
    "Top-task surveys (LimeSurvey, Microsoft Forms, Google Forms, long CSV): the questions "
    "to build the survey with, and its exports: draft a mapping from one, or import one.",
)


@survey_app.command("questions")
def survey_questions(
    folder: StudyDir,
    mapping: MappingFile = None,
    survey: SurveyId = None,
    out: Annotated[
        Path | None,
        out_option(
            "File to write: .md or .txt (to copy from), .html or .pdf (a page to hand round), "
            ".json. Default: print it."
        ),
    ] = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """The survey's questions and options, to build it in its tool (Microsoft Forms, Google
    Forms, LimeSurvey): the group question with its answers and the task question with its
    tasks, exactly as the mapping lists them, so that the import reads the export; one
    option a line, to copy. With how many tasks to allow, the tasks in random order, and
    each task's other texts (also:, its translation in a survey in two languages; there,
    each group answer's translation too).
    """
    from needmap.reports.survey_form import (
        form_text,
        form_to_json,
        survey_form,
        write_survey_form,
    )
    from needmap.surveys.catalog import find_mapping_file

    study = study_at(folder, language, out=out)
    mapping_file, chosen = find_mapping_file(study, mapping, survey)
    form = survey_form(chosen, study, mapping_file)
    if as_json:
        emit_json(form_to_json(form), out)
        return
    if out is not None:
        write_survey_form(form, out)
        new_console().print(escape(f"wrote {out}"))
        return
    text = form_text(form)
    console = new_console()

    def prose(words: str, style: str = "") -> None:  # wrapped to the terminal
        console.print(escape(words), style=style, soft_wrap=False)

    prose(text.title, "bold")
    prose(text.lead, "dim")
    console.print()
    for question in text.questions:
        prose(question.heading, "bold")
        prose(" ".join(question.notes))
        prose(question.options_label, "dim")
        for option in question.options:  # unwrapped: each is one line to copy
            console.print(escape(option), highlight=False)
        console.print()
        if question.also:
            prose(question.also_label, "dim")
            for line in question.also:
                console.print(escape(line), highlight=False)
            console.print()
    for note in text.closing:
        prose(note)


@survey_app.command("import")
def survey_import(
    folder: StudyDir,
    export: SurveyExport,
    mapping: MappingFile = None,
    survey: SurveyId = None,
    sheet: ExportSheet = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Count an export's votes per group and task into surveys/ID.tally.json.

    Only counts are stored: no respondent ids and no answers row by row.
    """
    from dataclasses import replace

    from needmap.errors import InvalidStudyError, Severity
    from needmap.surveys import import_survey, tally_path, write_tally
    from needmap.surveys.catalog import (
        find_mapping_file,
        fitting_tallies,
        headcount_warnings,
        imported_earlier,
        imported_repeats,
        same_answers_warnings,
        too_few_problem,
    )
    from needmap.surveys.mapping import mapping_files

    study = study_at(folder)
    mapping_file, chosen = find_mapping_file(study, mapping, survey, export, sheet=sheet)
    if mapping is None and survey is None and len(mapping_files(study.root)) > 1:
        new_console(stderr=True).print(
            f"Survey '{escape(chosen.id)}': the one mapping that fits this export."
        )
    with new_console(stderr=True).status(f"Reading {escape(export.name)}…"):
        result = import_survey(
            chosen,
            export,
            strict=strict,
            mapping_file=mapping_file,
            sheet=sheet,
            own_names=study.own_names,
        )
    too_few = too_few_problem(study, result.tally, export)
    if too_few is not None:
        raise InvalidStudyError([too_few])
    others = [t for t in fitting_tallies(study) if t.survey != chosen.id]
    warned = [
        *headcount_warnings(study, result.tally),
        *same_answers_warnings(study, [*others, result.tally]),
    ]
    if strict and warned:
        raise InvalidStudyError([replace(p, severity=Severity.ERROR) for p in warned])
    target = tally_path(study.root, chosen.id)
    earlier = _earlier_tally(target)
    write_tally(result.tally, target)
    print_problems((*result.warnings, *warned))
    _print_import(study, result, target, mapping_file)
    if earlier is not None and earlier.to_json() == result.tally.to_json():
        new_console().print("The tally held these counts already: it is unchanged.")
    elif earlier is not None:
        shown = earlier.counted_respondents(study.settings.privacy.min_group_size)
        new_console().print(
            f"Replaced the earlier tally: {plural(shown, 'respondent')} "
            f"from {escape(earlier.source)}."
        )
    before = imported_earlier(study, chosen)
    if before is not None:
        compare = f"-s {chosen.id} --compare {before}"
        new_console().print(
            f"It repeats '{escape(before)}': its votes are the evidence now, in place of that "
            "run's; "
            f"what changed: needmap toptasks {escape(command_word(folder))} {escape(compare)}"
        )
    for later in imported_repeats(study, chosen.id):
        compare = f"-s {later.id} --compare {chosen.id}"
        new_console().print(
            f"'{escape(later.id)}' repeats it, and its votes stay the evidence, not these; "
            f"what changed since: needmap toptasks {escape(command_word(folder))} "
            f"{escape(compare)}"
        )
    unlinked = sum(1 for task in chosen.tasks if not task.needs)
    if unlinked:
        one = unlinked == 1
        new_console(stderr=True).print(
            f"{unlinked} of {len(chosen.tasks)} tasks {'is' if one else 'are'} linked to no "
            f"need, so {'its' if one else 'their'} votes are evidence for nothing yet: link "
            f"{'it' if one else 'them'} in {escape(str(mapping_file))} (needmap validate "
            f"{escape(command_word(folder))} shows where).",
            style="yellow",
        )


@survey_app.command("draft")
def survey_draft(
    folder: StudyDir,
    export: SurveyExport,
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            metavar="<layout>",
            help="limesurvey, ms-forms, google-forms or long (see docs/surveys.md); "
            "default: read from the export.",
            show_default=False,
        ),
    ] = None,
    group_column: Annotated[
        str | None,
        typer.Option(
            "--group-column",
            metavar="<column>",
            help="Heading of the column with the respondent's group (LimeSurvey: its code); "
            "default: the column whose answers name the study's groups.",
            show_default=False,
        ),
    ] = None,
    choices_column: Annotated[
        str | None,
        typer.Option(
            "--choices-column",
            metavar="<column>",
            help="ms-forms, google-forms: the column with the chosen tasks; long: the task column.",
            show_default=False,
        ),
    ] = None,
    question: Annotated[
        str | None,
        typer.Option(
            "--question",
            metavar="<code>",
            help="limesurvey: the code of the top-task question (its columns are CODE[SQ…]).",
            show_default=False,
        ),
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option(
            "--respondent",
            metavar="<column>",
            help="The column that identifies a respondent; default read from the export "
            "(long: a few rows per respondent; the others: a heading such as ID or Timestamp).",
            show_default=False,
        ),
    ] = None,
    survey_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="<id>", help="Id of the survey; default: from the export's name."
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", metavar="<title>", help="Title shown in reports; default: the export's name."
        ),
    ] = None,
    sheet: ExportSheet = None,
    out: Annotated[
        Path | None,
        out_option(
            "The mapping to write; default: surveys/ID.yaml in the study. Never overwrites."
        ),
    ] = None,
) -> None:
    """Draft a survey mapping from an export: every group answer and task label in it.

    The layout and the columns are read from the export where they can be (LimeSurvey's
    CODE[SQ…] columns, the ;-joined choices of Microsoft Forms or the ,-joined ones of
    Google Forms, the long layout's few rows per respondent, the column whose answers
    name the study's groups); give them where they cannot. An answer or task the study's
    other mappings have keeps the group, id and needs they gave it (a survey run again),
    and the texts they give one task (its also:, another language) are one task again;
    other answers are guessed to the groups whose name or id they resemble (an answer in
    the study's other language once its words for a role are in the study's); a TODO marks
    each answer to decide and each task to link to its needs. Of an export in two
    languages (no respondent chooses from both lists, but for a text both have, such as a
    product's name), each task is paired with its translation where the cells keep the
    options' order, and given the few it may translate where its place is one of a few
    (the cells leave it open, or one language's list is the shorter: tasks none of its
    respondents chose); a text of the other language whose place leaves it none is named
    as such a task. The draft is read back before it is written, and the export imported
    with it.
    """
    from typing import cast

    from needmap.errors import UsageError
    from needmap.reports.how_read import how_read_text
    from needmap.surveys.draft import draft_mapping, imported_already, write_draft
    from needmap.surveys.mapping import LAYOUTS, Layout

    if layout is not None:
        named = choice_of(layout, LAYOUTS)
        if named is None:
            raise UsageError.single(
                f"unknown layout '{layout}'", hint="use one of: " + ", ".join(LAYOUTS)
            )
        layout = named
    study = study_at(folder)
    with new_console(stderr=True).status(f"Reading {escape(export.name)}…"):
        draft = draft_mapping(
            study,
            export,
            layout=cast("Layout | None", layout),
            group_column=group_column,
            choices_column=choices_column,
            question=question,
            respondent=respondent,
            survey_id=survey_id,
            title=title,
            sheet=sheet,
        )
        target = out or study.root / "surveys" / f"{survey_id or draft.survey_id}.yaml"
        check = write_draft(study, draft, target, export)
    console = new_console()
    choices = "question" if draft.layout == "limesurvey" else "choices in column"
    respondents = (
        f", respondents in column '{escape(draft.respondent)}'" if draft.respondent else ""
    )
    console.print(
        f"Read {escape(export.name)} ({escape(how_read_text(draft.how, 'en'))}) as "
        f"{draft.layout}: groups in column "
        f"'{escape(draft.group_column)}', "
        f"{choices} '{escape(draft.choices)}'{respondents}."
    )
    console.print(escape(f"wrote {target}: {_drafted(draft)}."))
    for line in _in_two_languages(draft):
        console.print(escape(line))
    if draft.left_out:
        console.print(
            f"Left out, as they hold personal data: {draft.left_out} of the answers and labels."
        )
    if draft.answer_codes and all(a.group is None and a.source is None for a in draft.answers):
        console.print(
            "The group answers are codes: export again with full answers (LimeSurvey: "
            "'Export responses as: Full answers') to have them guessed, or give each its "
            "group by the question's answer options."
        )
    print_problems(check.problems)
    if check.respondents is not None:
        warned = " (see the warnings above)" if check.problems else ""
        console.print(
            f"With it, the export imports {plural(check.respondents, 'respondent')} "
            f"in the target groups{warned}."
        )
    else:
        console.print("With it, the export does not import yet: see the problems above.")
    imported = imported_already(study, draft, export, check)
    if imported is not None:
        whence = (
            f"is the one survey '{escape(imported.survey)}' was imported from"
            if imported.same_file
            else f"holds the answers survey '{escape(imported.survey)}' was imported from "
            f"({escape(imported.source)}: the same counts in every group)"
        )
        console.print(
            f"This export {whence}: imported with this mapping too, its answers would count "
            "twice. If the two are one survey, delete this draft.",
            style="yellow",
        )
    elif draft.repeats is not None:
        console.print(
            f"Its tasks are mostly those of {escape(draft.repeats)}: if this survey is that "
            "one held again, uncomment earlier: in it, and the reports show what changed."
        )
    todo = "# TODO" in draft.text  # all may be as the study's other mappings have them
    console.print(
        "Next: "
        + (
            "check each TODO in it (groups for the answers, needs for the tasks), then: "
            if todo
            else ""
        )
        + f"needmap survey import {escape(command_word(folder))} {escape(command_word(export))}"
        + escape(_which_mapping(study, target, draft.survey_id))
        + (f" --sheet {escape(command_word(sheet))}" if sheet is not None else "")
    )


def _drafted(draft: MappingDraft) -> str:
    """What a draft holds: '8 group answers (5 as in toptasks.yaml, 2 guessed to a group),
    8 tasks (3 with needs as in toptasks.yaml), max_picks 5'."""
    named = [a.source for a in draft.answers] + [t.source for t in draft.tasks]
    sources = listed(sorted({source for source in named if source is not None}))
    taken = sum(1 for a in draft.answers if a.source is not None)
    guessed = sum(1 for a in draft.answers if a.source is None and a.group is not None)
    how = [
        f"{taken} as in {sources}" if taken else "",
        f"{guessed} guessed to a group" if guessed or not taken else "",
    ]
    linked = sum(1 for t in draft.tasks if t.source is not None)
    needs = f" ({linked} with needs as in {sources})" if linked else ""
    return (
        f"{plural(len(draft.answers), 'group answer')} ({', '.join(filter(None, how))}), "
        f"{plural(len(draft.tasks), 'task')}{needs}, max_picks {draft.max_picks}"
    )


def _in_two_languages(draft: MappingDraft) -> list[str]:
    """What a draft of an export in two languages did with the other language's texts;
    of an export in the study's other language alone, with its group answers."""
    languages = draft.two_languages
    if languages is None:
        if not draft.other_language:
            return []
        guessed = _guessed_in_words(draft)
        return [
            "The export's tasks read as the study's other language"
            + (f"; {guessed}" if guessed else ".")
        ]
    paired = sum(1 for task in draft.tasks if task.paired)
    untranslated = [task.label for task in draft.tasks if task.untranslated]
    unpaired = sum(1 for task in draft.tasks if task.other_language) - len(untranslated)
    maybe = sum(1 for task in draft.tasks if task.maybe)
    shared = languages.shared
    quoted = listed([f"'{text}'" for text in shared])
    lines = [
        "The export is in two languages: no respondent chose from both lists of tasks"
        + (
            f", but for {quoted}, which both have: "
            f"{'one task' if len(shared) == 1 else 'a task each'}, chosen in both languages."
            if shared
            else "."
        )
    ]
    if paired:
        lines.append(
            f"{plural(paired, 'task')} {'has' if paired == 1 else 'have'} the other "
            "language's text under also:, paired by their places in the lists: check them."
        )
    if unpaired:
        lines.append(
            f"{plural(unpaired, 'task')} in the other language "
            f"{'comes' if unpaired == 1 else 'come'} last: put each under "
            f"also: of the task it translates ({_why_unpaired(languages, maybe)})."
        )
    if untranslated:
        lines.append(_untranslated(untranslated, languages.lengths))
    guessed = _guessed_in_words(draft, " in the other language")
    if guessed:
        lines.append(guessed)
    answers = sum(1 for answer in draft.answers if answer.other_language)
    if answers:
        lines.append(
            f"{plural(answers, 'group answer')} in the other language: give each the group "
            "id of its translation."
        )
    return lines


def _guessed_in_words(draft: MappingDraft, which: str = "") -> str:
    """How many group answers ``which`` were guessed from their words in the study's
    language, to check; empty if none."""
    count = sum(1 for answer in draft.answers if answer.words is not None)
    if not count:
        return ""
    one = count == 1
    return (
        f"{plural(count, 'group answer')}{which} {'was' if one else 'were'} guessed from "
        f"{'its' if one else 'their'} words in the study's language: "
        f"check {'it' if one else 'them'}."
    )


def _untranslated(texts: Sequence[str], lengths: tuple[int, int]) -> str:
    """What to do with the other language's ``texts`` that translate none of the study's
    list, whose ``lengths`` (the study's first) tell how much shorter it is."""
    shorter = plural(lengths[1] - lengths[0], "task")
    quoted = listed([f"'{text}'" for text in texts])
    if len(texts) == 1:
        return (
            f"By its place, {quoted} is a task none chose in the study's language, whose "
            f"list is {shorter} shorter: give it a label in that language, its text under also:."
        )
    return (
        f"By their places, {quoted} are tasks none chose in "
        f"the study's language, whose list is {shorter} shorter: give each a label in that "
        "language, its text under also:."
    )


def _why_unpaired(languages: TwoLanguages, maybe: int) -> str:
    """Why the draft's texts of the other language were not all paired: the cells do not
    show their places, or the lists differ in length; and of how many (``maybe``) the
    comments name the few tasks they may translate."""
    own, other = languages.lengths
    if not languages.in_order:
        return "the cells list the choices as they were clicked, in no one order"
    if languages.moved:
        return (
            "the votes of the texts their places pair do not agree: both lists likely lack "
            "a task none of their respondents chose, which moves the places of one against "
            "the other's"
        )
    why = "the cells leave their places in the list open"
    if own != other:
        missing = abs(own - other)
        where = "the study's language" if own > other else "the other language"
        why = (
            f"the lists differ in length, {own} tasks and {other}: {plural(missing, 'task')} "
            f"{'was' if missing == 1 else 'were'} chosen only in {where}"
        )
    if maybe == 1:
        return why + "; the comment of 1 task names the few it may translate"
    if maybe:
        return why + f"; the comments of {maybe} tasks name the few each may translate"
    return why


def _which_mapping(study: Study, target: Path, survey_id: str) -> str:
    """What the import of a drafted mapping's export needs to be told: the mapping, when it
    was written outside the study's surveys/; its survey, when the study has others, whose
    columns the export may have too; else nothing."""
    from needmap.surveys.mapping import mapping_files

    found = mapping_files(study.root)
    if target.resolve() not in {path.resolve() for path in found}:
        return f" --mapping {command_word(target)}"
    return f" --survey {command_word(survey_id)}" if len(found) > 1 else ""


def _earlier_tally(path: Path) -> Tally | None:
    """The tally an earlier import wrote to ``path``, to say what this import replaces;
    None when there is none, or it cannot be read (this import writes it anew)."""
    from needmap.errors import NeedmapError
    from needmap.surveys.tally import read_tally

    if not path.is_file():
        return None
    try:
        return read_tally(path)
    except NeedmapError:
        return None


def _print_import(study: Study, result: ImportResult, target: Path, mapping_file: Path) -> None:
    from needmap.model.toptasks import suppressed_groups
    from needmap.reports.how_read import how_read_text
    from needmap.reports.i18n import labels
    from needmap.surveys.tally import OUTSIDE, in_study_order, stratum_name

    tally = result.tally
    console = new_console()
    console.print(
        f"Read {escape(tally.source)} ({escape(how_read_text(result.how, 'en'))}) as layout "
        f"{tally.layout}, "
        f"with {escape(str(mapping_file))}."
    )
    groups = {g: n for g, n in tally.respondents.items() if g != OUTSIDE}
    minimum = study.settings.privacy.min_group_size
    hidden = suppressed_groups(groups, minimum)
    outside = tally.outside_counted(minimum)
    counted = plural(tally.counted_respondents(minimum), "respondent")
    console.print(escape(f"Counted {counted} into {target}:"))
    for key in in_study_order(groups, study):
        shown = f"n<{minimum}" if key in hidden else f"{groups[key]:,}"
        console.print(escape(f"  {stratum_name(key, study):40} {shown:>7}"))
    if outside:
        console.print(f"  {'outside the target groups':40} {outside:>7,}")
    elif tally.respondents.get(OUTSIDE):
        console.print(
            f"  {'outside the target groups':40} {'n<' + str(minimum):>7}  (left out of results)"
        )
    if hidden:  # as the reports will show them, and why a group of the minimum is hidden
        console.print(labels("en")["tt.suppressed_note"].format(n=minimum))
    if tally.skipped:
        console.print(
            "Left out: " + ", ".join(f"{n:,} ({reason})" for reason, n in tally.skipped.items())
        )
