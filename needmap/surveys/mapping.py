"""The survey mapping: how a survey tool's export maps to the study's groups, tasks and needs.

One YAML file per survey in the study's ``surveys/`` folder. It names the export's layout, the
column that holds each respondent's group and how its values map to group ids, where the task
choices are, and each task's label, id and needs. Checked against the study, with positions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

from needmap.controls import fold_text
from needmap.errors import (
    InvalidStudyError,
    Problem,
    RuleError,
    RuleErrors,
    Severity,
    first_of,
)
from needmap.personas.messages import one_per_place
from needmap.personas.schema import BRANCH, Id, Ids
from needmap.personas.schema_messages import validated_document
from needmap.personas.slips import named_twice
from needmap.personas.study import Study, StudyIds, unknown_reference
from needmap.personas.yamledit import yaml_flow_list
from needmap.personas.yamlsource import (
    YamlDocument,
    format_key,
    read_yaml_file,
    yaml_files,
)
from needmap.surveys.draft_words import asked_picks, suggest_needs
from needmap.surveys.tally import stratum_groups, stratum_key

__all__ = [
    "LAYOUTS",
    "SURVEY_FOLDER",
    "Choices",
    "GroupColumn",
    "Layout",
    "SurveyMapping",
    "SurveyTask",
    "checked_mapping",
    "load_mapping",
    "mapping_files",
]

SURVEY_FOLDER = "surveys"
"""The folder of a study that holds its survey mappings and the tallies imported with them."""

Layout = Literal["limesurvey", "ms-forms", "google-forms", "long"]
LAYOUTS: tuple[str, ...] = ("limesurvey", "ms-forms", "google-forms", "long")
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


GroupIds = Annotated[list[Id], Field(min_length=2, json_schema_extra={"uniqueItems": True})]
"""The groups of an answer that covers several (the loader warns of one named twice)."""

GroupAnswer = Annotated[
    Annotated[Id | None, Tag(BRANCH + "one")] | Annotated[GroupIds, Tag(BRANCH + "several")],
    Discriminator(lambda value: BRANCH + ("several" if isinstance(value, list) else "one")),
]
"""A group id, a list of several, or None: a value that is not a list is told as a group
id would be, and a list as a list, not both."""


class GroupColumn(_Model):
    """Where a respondent's group is, and what each answer means."""

    column: Text = Field(description="Heading of the column with the respondent's group.")
    values: dict[str, GroupAnswer] = Field(
        description="Each answer in that column -> group id; a list of group ids, "
        "[nurses, carers], for an answer that covers several groups without telling them "
        "apart (as after needmap groups split): its respondents are counted, weighted and "
        "shown for those groups together; ~ (empty) for answers outside the target groups, "
        "whose respondents count only in unweighted totals.",
        min_length=1,
    )
    other: bool = Field(
        False,
        description="The question has an 'Other' option, whose typed text the export writes "
        "in the group column (ms-forms, google-forms, long): an answer that matches none of "
        "values is such a text, and its respondent is counted outside the target groups, "
        "with a warning. LimeSurvey writes it in a column of its own, which is not read.",
    )

    @model_validator(mode="after")
    def _one_way_per_group(self) -> GroupColumn:
        """Each group's respondents are counted one way: alone, or with the same other
        groups. Counted both ways, the group's people would be weighted twice (once in
        each count's headcount), and no breakdown would hold all its respondents."""
        first: dict[str, tuple[str, str]] = {}
        broken = []
        counted_as = {answer: key for answer, key in self.strata().items() if key is not None}
        for answer, key in counted_as.items():
            for group in stratum_groups(key):
                earlier, counted = first.setdefault(group, (answer, key))
                if counted != key:
                    broken.append(
                        RuleError(
                            f"'{group}' is counted {_counted_as(counted, group)} for "
                            f"'{earlier}' and {_counted_as(key, group)} for '{answer}'",
                            "a group's respondents are counted one way: give both answers the "
                            f"same groups, such as {yaml_flow_list(_union(counted, key))}",
                            at=("values", answer),
                        )
                    )
                    break
        if broken:
            raise RuleErrors(broken)
        return self

    def strata(self) -> dict[str, str | None]:
        """Each answer -> the tally key its respondents count under
        (:func:`~needmap.surveys.tally.stratum_key`), or None outside the groups."""
        return {
            answer: None
            if group is None
            else stratum_key([group] if isinstance(group, str) else group)
            for answer, group in self.values.items()
        }

    def group_ids(self) -> list[str]:
        """Every group an answer names, once each, in the order of the answers."""
        keys = [key for key in self.strata().values() if key is not None]
        return list(dict.fromkeys(g for key in keys for g in stratum_groups(key)))


def _counted_as(key: str, group: str) -> str:
    """How a group's respondents are counted under ``key``: alone, or with which others."""
    others = [g for g in stratum_groups(key) if g != group]
    return "with " + " and ".join(others) if others else "alone"


def _union(*keys: str) -> list[str]:
    return list(dict.fromkeys(g for key in keys for g in stratum_groups(key)))


class Choices(_Model):
    """Where the chosen tasks are."""

    column: str | None = Field(
        None,
        description="ms-forms, google-forms: heading of the column whose cell lists the "
        "choices; long: heading of the column with one chosen task per row.",
    )
    question: str | None = Field(
        None,
        description="limesurvey: the question code; each task's column is 'QUESTION[CODE]'. "
        "With 'Full question text' headings, the question's text: each task's column is "
        "'QUESTION [CODE]'.",
    )
    other: bool = Field(
        False,
        description="The question has an 'Other' option, whose text the export writes among "
        "the choices (ms-forms, google-forms, long): a choice that matches no task is such a "
        "text, left out with a warning, and the respondent's other choices count. LimeSurvey "
        "writes it in a column of its own, which is not read.",
    )


class SurveyTask(_Model):
    """One task of the top-task list."""

    id: Id
    label: Text = Field(description="The task as the survey showed it, exactly.")
    also: list[Text] = Field(
        default_factory=list,
        description="Other texts the export has for this task, read as its label is: the "
        "survey in another language, or the option as it read before an edit made while the "
        "survey ran. Not for limesurvey, which reads tasks by their codes.",
    )
    code: str | None = Field(None, description="limesurvey: the subquestion code, e.g. SQ001.")
    needs: Ids = Field(default_factory=list, description="Needs this task is evidence for.")

    @property
    def texts(self) -> tuple[str, ...]:
        """Every text that names this task in an export: its label, then ``also``'s."""
        return (self.label, *self.also)


def _when_layout(layouts: list[str], then: dict[str, Any]) -> dict[str, Any]:
    return {
        "if": {"properties": {"layout": {"enum": layouts}}, "required": ["layout"]},
        "then": then,
    }


_NO_SEMICOLON = "^[^;]*$"
"""A task's texts in a Microsoft Forms mapping: the export joins choices with ';'."""

_LAYOUT_RULES: dict[str, Any] = {
    "allOf": [
        _when_layout(
            ["limesurvey"],
            {
                "properties": {
                    "choices": {"required": ["question"]},
                    "tasks": {"items": {"required": ["code"]}},
                }
            },
        ),
        _when_layout(
            ["ms-forms", "google-forms", "long"],
            {"properties": {"choices": {"required": ["column"]}}},
        ),
        _when_layout(["long"], {"required": ["respondent"]}),
        _when_layout(
            ["ms-forms"],
            {
                "properties": {
                    "tasks": {
                        "items": {
                            "properties": {
                                "label": {"pattern": _NO_SEMICOLON},
                                "also": {"items": {"pattern": _NO_SEMICOLON}},
                            }
                        }
                    }
                }
            },
        ),
    ]
}
"""What :meth:`SurveyMapping._layout_needs` checks, in the JSON Schema: an editor that
reads the schema marks a long mapping without ``respondent`` as ``validate`` does."""


class SurveyMapping(_Model):
    """``surveys/<name>.yaml``: how to read one survey export."""

    model_config = ConfigDict(json_schema_extra=_LAYOUT_RULES)

    id: Id
    title: Text = Field(description="Name of the survey, shown in reports.")
    layout: Layout = Field(
        description="limesurvey (a column per task), ms-forms (choices in one cell, ';'-joined), "
        "google-forms (choices in one cell, ', '-joined) or long (a row per chosen task)."
    )
    max_picks: int = Field(5, ge=1, description="How many tasks a respondent could choose.")
    earlier: Id | None = Field(
        None,
        description="The id of the study's survey that this one repeats, held before it (a "
        "top-task survey held again after a redesign, or every year or two): reports show "
        "what changed since, and the earlier run's votes are no longer evidence for needs.",
    )
    respondent: str | None = Field(
        None,
        description="Heading of the column that tells respondents apart (required for "
        "long, whose rows it joins). In the other layouts, a row that repeats an earlier one "
        "word for word, this column too, is left out as listed twice (two exports joined). "
        "Never stored or shown.",
    )
    group: GroupColumn = Field(
        description="The column with the respondent's group, and the group each answer means."
    )
    choices: Choices = Field(
        description="Where the chosen tasks are: the question's code (limesurvey) or the "
        "column that holds them (the other layouts)."
    )
    tasks: list[SurveyTask] = Field(min_length=1, description="The tasks, as in the survey.")

    @model_validator(mode="after")
    def _layout_needs(self) -> SurveyMapping:
        broken = [*self._choices_rules(), *self._task_rules()]
        if self.layout == "long" and not self.respondent:
            broken.append(
                RuleError(
                    "layout long needs the column that identifies a respondent",
                    "add respondent: with that column's heading, such as the response id",
                    at=("respondent",) if self.respondent is not None else ("layout",),
                )
            )
        if broken:
            raise RuleErrors(broken)
        return self

    def _choices_rules(self) -> list[RuleError]:
        """Where the layout looks for the choices: a question's code (limesurvey) or a column
        (the others). The key the other layouts read, written instead, is said to be unread:
        a mapping whose layout was changed keeps it."""
        if self.layout == "limesurvey" and not self.choices.question:
            unread = "; layout limesurvey reads no column: there" if self.choices.column else ""
            return [
                RuleError(
                    "layout limesurvey needs the question's code",
                    "add question: under choices, with the code before the brackets of the "
                    f"task columns' headings (Q2 for Q2[SQ001]){unread}",
                    at=("choices", "question"),
                )
            ]
        if self.layout != "limesurvey" and not self.choices.column:
            unread = (
                f"; layout {self.layout} reads no question: there" if self.choices.question else ""
            )
            return [
                RuleError(
                    f"layout {self.layout} needs the column that holds the chosen tasks",
                    f"add column: under choices, with that column's heading{unread}",
                    at=("choices", "column"),
                )
            ]
        return []

    def _task_rules(self) -> list[RuleError]:
        """What the layout asks of the tasks: a code each (limesurvey), labels without the
        separator (ms-forms)."""
        if self.layout == "limesurvey":
            return _told_at_first(
                [
                    (("tasks", i, "code"), task.id)
                    for i, task in enumerate(self.tasks)
                    if not task.code
                ],
                "layout limesurvey needs a code for every task; missing for: ",
                "add code: to each, the code in the brackets of its column's heading "
                "(SQ001 for Q2[SQ001]); needmap survey draft writes them from an export",
            )
        if self.layout == "ms-forms":
            return _told_at_first(
                [
                    (_text_path(i, j), text)
                    for i, task in enumerate(self.tasks)
                    for j, text in enumerate(task.texts)
                    if ";" in text
                ],
                "ms-forms joins choices with ';', so labels cannot contain it: ",
                "take the ';' out of these options in the form and of their labels "
                "here: in the export, a choice with ';' cannot be told from two",
            )
        return []


def _tasks_named_twice(document: YamlDocument) -> list[Problem]:
    """An id, label or code that two tasks share, told at the second; then each text under
    ``also`` that names a task already, told there: the label is what the survey showed,
    so the ``also`` that repeats it is the one to mend."""
    tasks = document.value_at(("tasks",))
    listed = list(enumerate(tasks if isinstance(tasks, list) else ()))
    fields: list[tuple[str, tuple[str | int, ...]]] = [
        (f, ("tasks", i, f)) for i, _ in listed for f in ("id", "label", "code")
    ]
    for i, task in listed:
        also = task.get("also") if isinstance(task, dict) else None
        texts = len(also) if isinstance(also, list) else 0
        fields += [("label", _text_path(i, j)) for j in range(1, 1 + texts)]
    seen: dict[str, dict[str, int]] = {"id": {}, "label": {}, "code": {}}
    problems = []
    for field, where in fields:
        value = document.value_at(where)
        if not isinstance(value, str):
            continue
        folded = fold_text(value) if field == "label" else value  # as imports compare it
        if folded in seen[field]:
            problems.append(
                Problem(
                    document.source.locate(where),
                    f"task {field} '{value}' is used twice (also task {seen[field][folded] + 1})",
                    key=format_key(where),
                    hint="also: holds other texts of this task, not ones that name a task "
                    "already: leave this one out"
                    if "also" in where
                    else f"each task needs its own {field}",
                )
            )
        seen[field].setdefault(folded, int(where[1]))
    return problems


def _text_path(task: int, text: int) -> tuple[str | int, ...]:
    """Where the ``text``-th of task ``task``'s :attr:`SurveyTask.texts` is in the mapping:
    its label, or an item of its ``also``."""
    return ("tasks", task, "label") if text == 0 else ("tasks", task, "also", text - 1)


def _told_at_first(
    broken: list[tuple[tuple[str | int, ...], str]], message: str, hint: str
) -> list[RuleError]:
    """One rule error for all the tasks that break a rule, given as (where, name):
    ``message`` names them, and it is placed where the first one breaks it."""
    if not broken:
        return []
    names = first_of([name for _, name in broken])
    return [RuleError(message + names, hint, at=broken[0][0])]


def mapping_files(study_root: Path) -> list[Path]:
    """The survey mappings of a study: ``surveys/*.yaml``."""
    return yaml_files(study_root / SURVEY_FOLDER)


def load_mapping(path: Path | str, study: Study) -> SurveyMapping:
    """Read and check a mapping; every problem is raised at once, with its position."""
    return checked_mapping(Path(path), study)[0]


def checked_mapping(path: Path, study: StudyIds) -> tuple[SurveyMapping, list[Problem]]:
    """:func:`load_mapping`, with the warnings about the mapping that loaded."""
    document = read_yaml_file(path)
    problems = list(document.problems)
    mapping = validated_document(
        document,
        SurveyMapping,
        problems,
        expected="expected 'key: value' lines at the top of the survey mapping",
        hint="start with 'id:', 'title:' and 'layout:'; see docs/surveys.md",
    )
    problems = one_per_place([*problems, *_references(document, study)])
    if mapping is None or any(p.severity is Severity.ERROR for p in problems):
        raise InvalidStudyError(problems)
    return mapping, [
        *problems,
        *_picks_asked(mapping, document),
        *_unlinked(mapping, document, study),
        *_other_unread(mapping, document),
        *_also_unread(mapping, document),
    ]


def _picks_asked(mapping: SurveyMapping, document: YamlDocument) -> list[Problem]:
    """A warning when the task question's text asks for more tasks than ``max_picks``
    ("Choose at most five" and ``max_picks: 3``): the import would leave out every
    respondent who chose as many as the question allowed."""
    question = mapping.choices.question or mapping.choices.column or ""
    asked = asked_picks(question)
    if asked is None or asked <= mapping.max_picks:
        return []
    return [
        Problem(
            document.source.locate(("max_picks",)),
            f"the question asks for at most {asked} tasks, but max_picks is "
            f"{mapping.max_picks}: the import would leave out each respondent who chose more "
            f"than {mapping.max_picks}",
            key="max_picks",
            hint=f"set max_picks: {asked}",
            severity=Severity.WARNING,
        )
    ]


def _also_unread(mapping: SurveyMapping, document: YamlDocument) -> list[Problem]:
    """A warning for each task's ``also`` in a LimeSurvey mapping, where it changes nothing:
    LimeSurvey's export gives each task a column, read by the task's code."""
    if mapping.layout != "limesurvey":
        return []
    return [
        Problem(
            document.source.locate(("tasks", i, "also")),
            "also: does nothing for layout limesurvey: its tasks are read by their codes, "
            "in every language of the survey",
            key=format_key(("tasks", i, "also")),
            hint="remove also:",
            severity=Severity.WARNING,
        )
        for i, task in enumerate(mapping.tasks)
        if task.also
    ]


def _other_unread(mapping: SurveyMapping, document: YamlDocument) -> list[Problem]:
    """A warning for each ``other: true`` in a LimeSurvey mapping, where it changes
    nothing: LimeSurvey writes an 'Other' answer's text in a column of its own, not among
    the choices nor in the group column."""
    if mapping.layout != "limesurvey":
        return []
    written = [("choices", mapping.choices.other), ("group", mapping.group.other)]
    return [
        Problem(
            document.source.locate((section, "other")),
            "other: true does nothing for layout limesurvey: LimeSurvey writes the 'Other' "
            "answers in a column of their own, which is not read",
            key=format_key((section, "other")),
            hint="remove other: true",
            severity=Severity.WARNING,
        )
        for section, other in written
        if other
    ]


def _unlinked(mapping: SurveyMapping, document: YamlDocument, study: StudyIds) -> list[Problem]:
    """One warning for the tasks linked to no need: their votes are evidence for nothing
    (a drafted mapping starts that way). Its example is the study's: the needs whose
    titles share the first such task's words, or else one of its need ids."""
    unlinked = [i for i, task in enumerate(mapping.tasks) if not task.needs]
    if not unlinked:
        return []
    first = ("tasks", unlinked[0], "needs")
    names = first_of([f"'{mapping.tasks[i].id}'" for i in unlinked])
    return [
        Problem(
            document.source.locate(first),
            f"{len(unlinked)} of {len(mapping.tasks)} tasks "
            f"{'is' if len(unlinked) == 1 else 'are'} evidence for no need: {names}",
            key=format_key(first),
            hint="link each task to the needs it is evidence for"
            + _needs_example(mapping.tasks[unlinked[0]], study),
            severity=Severity.WARNING,
        )
    ]


def _needs_example(task: SurveyTask, study: StudyIds) -> str:
    """What the hint for unlinked tasks shows: "; for 'Storing melden' perhaps needs:
    [storing-melden]", from the needs whose titles share its words; else ", e.g. needs:
    [ID]" with the first of the study's need ids; else nothing."""
    suggested = suggest_needs(study, task.label) if isinstance(study, Study) else ()
    if suggested:
        return f"; for '{task.label}' perhaps needs: [{', '.join(suggested)}]"
    some = min(study.need_by_id, default=None)  # a set where definitions failed: sorted
    return f", e.g. needs: [{some}]" if some is not None else ""


def _references(document: YamlDocument, study: StudyIds) -> list[Problem]:
    """Unknown groups and needs, and tasks named twice. Read from the mapping as written,
    so that they are reported in the same run as any schema error in it; a value that is
    not text is the schema's to report."""
    source = document.source
    data = document.data if isinstance(document.data, dict) else {}
    problems = []
    group = data.get("group")
    values = group.get("values") if isinstance(group, dict) else None
    for answer, named in values.items() if isinstance(values, dict) else ():
        path = ("group", "values", answer)
        paths = [(*path, j) for j in range(len(named))] if isinstance(named, list) else [path]
        for at in paths:
            unknown = unknown_reference(
                study,
                "group",
                document.value_at(at),
                source.locate(at),
                format_key(at),
                also="~ for answers of no group",
            )
            if unknown is not None:
                problems.append(unknown)
        if isinstance(named, list):
            problems += named_twice(document, path, "group")
    tasks = data.get("tasks")
    problems += _tasks_named_twice(document)
    for i, task in enumerate(tasks if isinstance(tasks, list) else ()):
        if not isinstance(task, dict):
            continue
        needs = task.get("needs")
        for j, need_id in enumerate(needs if isinstance(needs, list) else ()):
            need_path = ("tasks", i, "needs", j)
            unknown = unknown_reference(
                study, "need", need_id, source.locate(need_path), format_key(need_path)
            )
            if unknown is not None:
                problems.append(unknown)
        problems += named_twice(document, ("tasks", i, "needs"), "need")
    return problems
