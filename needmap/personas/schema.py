"""The study file formats, as pydantic models: the one source of truth.

Each field is documented here, where it is defined; the JSON Schema that editors use for
autocompletion (``needmap schema``) and the reference in ``docs/study-format.md`` come from these
descriptions. Models forbid unknown keys and use strict types, because a misspelt key or a
number where text was meant is a mistake the consultant wants to hear about, not have ignored.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from needmap.controls import without_accents
from needmap.errors import RuleError

__all__ = [
    "BRANCH",
    "DATE_PATTERN",
    "DEFAULT_PHASE_IDS",
    "DEFINITION_KINDS",
    "DefinitionsFile",
    "Effort",
    "Family",
    "Id",
    "Importance",
    "Kind",
    "Need",
    "Persona",
    "PlatformSettings",
    "Privacy",
    "Roadmap",
    "RoadmapPhase",
    "Scoring",
    "StudyFile",
    "StudySettings",
    "TargetGroup",
    "default_phase_elsewhere",
    "id_from",
    "is_id",
    "json_schema",
    "year_first",
]

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_ID = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """Whether ``text`` is written as an id: a reference that is not gets its schema error
    ("not a valid id"), and no second one for being unknown."""
    return _ID.fullmatch(text) is not None


def id_from(text: str, limit: int = 63) -> str:
    """``text`` as an id: itself when it is one, else without case or accents, with '-'
    between its words, at most ``limit`` characters ("Café & Catering" is cafe-catering).
    Empty when ``text`` holds no Latin letter or digit. An id is what a file or a command
    line names an item by, so one made for the user must be one they can read back."""
    if is_id(text) and len(text) <= limit:
        return text
    plain = without_accents(text.casefold())
    return re.sub(r"[^a-z0-9_]+", "-", plain).strip("-_")[:limit].strip("-_")


BRANCH = "\x1f"
"""Starts the tag of a union's branch (``Tag(BRANCH + "one")``): pydantic puts the tag of
the branch an error is in into the error's location, where the messages leave it out."""

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
"""A date as YYYY-MM-DD, the one way YAML files of a study write dates."""
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def year_first(text: str) -> str | None:
    """A date written day first, as Dutch documents do (14-10-2026, 1/2/2026), as
    YYYY-MM-DD; None for any other text. Whether the day exists is not checked."""
    day_first = _DAY_FIRST.fullmatch(text.strip())
    if day_first is None:
        return None
    day, month, year = day_first.groups()
    return f"{year}-{int(month):02}-{int(day):02}"


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(
        description="Short stable name used to refer to this item: lowercase letters, digits, "
        "'-' and '_', e.g. 'baliemedewerkers'.",
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Ids = Annotated[
    list[Id],
    AfterValidator(lambda ids: list(dict.fromkeys(ids))),
    Field(json_schema_extra={"uniqueItems": True}),
]
"""A list of ids, each kept once: one named twice counts once (the loader warns of it, and
an editor with the JSON Schema marks it as it is typed)."""
Importance = Literal["must", "should", "could"]
Kind = Literal["content", "function", "technology"]
Effort = Literal["xs", "s", "m", "l", "xl"]
Language = Literal["nl", "en"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Privacy(_Model):
    """How needmap protects the people behind the numbers."""

    min_group_size: int = Field(
        5,
        ge=1,
        description="No table, chart or export shows a breakdown for a group with fewer "
        "people than this; such cells read 'n<5'.",
    )

    def too_few(self, headcount: int | None) -> bool:
        """Whether a group of ``headcount`` people is smaller than the minimum: however
        many of them are interviewed or answer, no report shows them on their own, so
        the group is one to merge (``status``, ``groups list`` and ``groups split`` say so).
        A group without a headcount is not known to be."""
        return headcount is not None and headcount < self.min_group_size


class ImportanceWeights(_Model):
    """How much each importance counts when needs are weighed."""

    must: float = Field(3.0, ge=0, description="Weight of a need the group cannot do without.")
    should: float = Field(2.0, ge=0, description="Weight of a need that clearly helps the group.")
    could: float = Field(1.0, ge=0, description="Weight of a nice-to-have.")


class EffortPoints(_Model):
    """Effort sizes as points, used to fill roadmap phases up to their capacity."""

    xs: float = Field(1, gt=0, description="Points of a need of effort xs (extra small).")
    s: float = Field(2, gt=0, description="Points of a need of effort s (small).")
    m: float = Field(3, gt=0, description="Points of a need of effort m (medium).")
    l: float = Field(  # noqa: E741 - the t-shirt size L
        5, gt=0, description="Points of a need of effort l (large)."
    )
    xl: float = Field(8, gt=0, description="Points of a need of effort xl (extra large).")


class Scoring(_Model):
    """Weights behind every score needmap computes; change them and re-run to see the effect."""

    importance_weights: ImportanceWeights = Field(
        default_factory=ImportanceWeights,
        description="How much must, should and could count when demand is weighed.",
    )
    effort_points: EffortPoints = Field(
        default_factory=EffortPoints,
        description="Points per effort size (xs to xl), which fill the roadmap's phases.",
    )


class PlatformSettings(_Model):
    """The rule that recommends the form of the digital workplace."""

    demand_weight: Literal["headcount", "equal"] = Field(
        "headcount",
        description="Weigh each group's demand by its headcount, or every group equally. "
        "Groups without a headcount make needmap weigh equally, and say so.",
    )
    shared_from: float = Field(
        0.5,
        gt=0,
        le=1,
        description="A need counts as shared when at least this share of the chosen groups "
        "need it (and at least two of them).",
    )
    universal_from: float = Field(
        0.6,
        ge=0,
        le=1,
        description="Recommend one universal platform when at least this share of the weighted "
        "demand is shared.",
    )
    landscape_below: float = Field(
        0.3,
        ge=0,
        le=1,
        description="Recommend a landscape of applications when less than this share of the "
        "weighted demand is shared; in between, a hybrid.",
    )

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> PlatformSettings:
        if self.landscape_below > self.universal_from:
            raise RuleError(
                f"landscape_below ({self.landscape_below}) must not be above "
                f"universal_from ({self.universal_from})",
                "a landscape is advised below landscape_below, one platform from "
                "universal_from: lower the first or raise the second",
                at=("landscape_below",),
            )
        return self


class RoadmapPhase(_Model):
    """One phase of the roadmap, such as 'now', 'next' or 'later'."""

    id: Id
    name: Text = Field(description="Name shown in reports, e.g. 'Nu' or 'Q1 2027'.")
    capacity: float | None = Field(
        None,
        ge=0,
        description="Effort points that fit in this phase; empty means no limit; 0 takes only "
        "the needs decided for it (phase in needs.yaml), as for a phase 'Already in place'.",
    )


_DEFAULT_PHASES = {
    "en": (("now", "Now"), ("next", "Next"), ("later", "Later")),
    "nl": (("nu", "Nu"), ("straks", "Straks"), ("later", "Later")),
}
"""The phases of a study that names none, in its language (as the Dutch templates name them)."""


DEFAULT_PHASE_IDS = frozenset(i for phases in _DEFAULT_PHASES.values() for i, _ in phases)
"""The ids of the default phases in every language: a phase so called is seldom one renamed."""


def default_phase_elsewhere(phase_id: str) -> list[str]:
    """The ids a default phase has in the other languages (``now`` is ``nu`` in Dutch); none
    for any other id: what a study in one language may have copied from the other."""
    for same_place in zip(*_DEFAULT_PHASES.values(), strict=True):
        ids = [default_id for default_id, _ in same_place]
        if phase_id in ids:
            return [default_id for default_id in ids if default_id != phase_id]
    return []


def _default_phases(language: str = "en") -> list[RoadmapPhase]:
    (now, now_name), (then, then_name), (last, last_name) = _DEFAULT_PHASES[language]
    return [
        RoadmapPhase(id=now, name=now_name, capacity=20),
        RoadmapPhase(id=then, name=then_name, capacity=20),
        RoadmapPhase(id=last, name=last_name),
    ]


class Roadmap(_Model):
    """Phases that needs are planned into, in order."""

    phases: list[RoadmapPhase] = Field(
        default_factory=_default_phases,
        min_length=1,
        description="The phases in order, each with an id, a name and its capacity in points.",
    )


class Family(_Model):
    """A circle of related target groups, such as employees or external parties."""

    id: Id
    name: Text = Field(description="Name shown in diagrams and reports.")
    description: str = Field("", description="What the groups in this family have in common.")


class TargetGroup(_Model):
    """A group of people the digital workplace serves, grouped by how they work."""

    id: Id
    name: Text = Field(description="Name shown in diagrams and reports.")
    family: Id | None = Field(
        None, description="Id of the family (circle) this group belongs to, if any."
    )
    headcount: int | None = Field(
        None, ge=0, description="How many people are in the group; used to weigh demand."
    )
    description: str = Field("", description="Who they are and how they work.")


class Need(_Model):
    """Something a group needs from the digital workplace: content, a function or technology."""

    id: Id
    title: Text = Field(description="Short name of the need, in the words users use.")
    kind: Kind = Field(
        description="content (information), function (something to do) or technology "
        "(how it is delivered: devices, access, integrations)."
    )
    description: str = Field("", description="What is needed and why.")
    groups: dict[Id, Importance] = Field(
        default_factory=dict,
        description="Target groups this need matters to, with its importance for each: "
        "must, should or could.",
    )
    channel: str | None = Field(
        None, description="Channel or platform that serves this need, e.g. 'intranet', 'app'."
    )
    effort: Effort | None = Field(None, description="Rough size of the work: xs, s, m, l or xl.")
    depends_on: Ids = Field(
        default_factory=list, description="Ids of needs that must be delivered first."
    )
    phase: Id | None = Field(
        None,
        description="The roadmap phase decided for this need (an id of roadmap.phases in "
        "study.yaml), whatever its score: the roadmap plans it there, and what it depends "
        "on no later. Empty: the score decides.",
    )


class Persona(_Model):
    """A named archetype within a target group, used to make its needs tangible."""

    id: Id
    name: Text = Field(description="The persona's name, e.g. 'Fatima, KCC-medewerker'.")
    group: Id = Field(description="Id of the target group this persona belongs to.")
    role: Text = Field(description="Job or role in one line.")
    summary: str = Field("", description="A few sentences that introduce the persona.")
    goals: list[Text] = Field(default_factory=list, description="What they want to achieve.")
    frustrations: list[Text] = Field(
        default_factory=list, description="What gets in their way today."
    )
    scenarios: list[Text] = Field(
        default_factory=list, description="A typical day, or situations where they need help."
    )
    devices: list[Text] = Field(default_factory=list, description="Devices they work with.")
    places: list[Text] = Field(default_factory=list, description="Where they work.")
    quotes: list[Text] = Field(
        default_factory=list, description="Things people like them said in interviews."
    )
    needs: Ids = Field(
        default_factory=list, description="Ids of the needs that matter most to them."
    )

    def free_texts(self) -> list[tuple[tuple[str | int, ...], str]]:
        """The texts that reports show scrubbed of personal data, each with its path in the
        persona: ``(("role",), …)``, ``(("quotes", 0), …)``. (The name is not among them: a
        persona's name is made up.)"""
        texts: list[tuple[tuple[str | int, ...], str]] = [
            (("role",), self.role),
            (("summary",), self.summary),
        ]
        for field in ("goals", "frustrations", "scenarios", "devices", "places", "quotes"):
            texts += [((field, i), text) for i, text in enumerate(getattr(self, field))]
        return texts


class DefinitionsFile(_Model):
    """A file with definitions: any of families, groups, needs and personas."""

    families: list[Family] = Field(default_factory=list, description="Circles of groups.")
    groups: list[TargetGroup] = Field(default_factory=list, description="Target groups.")
    needs: list[Need] = Field(default_factory=list, description="Needs of the groups.")
    personas: list[Persona] = Field(default_factory=list, description="Personas.")


DEFINITION_KINDS: tuple[str, ...] = ("families", "groups", "needs", "personas")


class StudySettings(_Model):
    """Settings of a study: who it is for, its language, and how it scores and protects."""

    name: Text = Field(description="Name of the study, shown on every report.")
    organisation: Text = Field(description="The organisation the study is for.")
    language: Language = Field("nl", description="Language of the reports: nl or en.")
    description: str = Field("", description="What the study is about, for the report intro.")
    privacy: Privacy = Field(
        default_factory=Privacy,
        description="How the reports protect the people behind the numbers.",
    )
    scoring: Scoring = Field(
        default_factory=Scoring, description="The weights behind every score needmap computes."
    )
    platform: PlatformSettings = Field(
        default_factory=PlatformSettings,
        description="The rule that recommends the form of the digital workplace.",
    )
    roadmap: Roadmap = Field(
        default_factory=Roadmap, description="The phases that needs are planned into."
    )

    @model_validator(mode="before")
    @classmethod
    def _phases_in_the_study_language(cls, data: Any) -> Any:
        """A Dutch study that names no phases plans in Nu, Straks and Later, not in English."""
        if not isinstance(data, dict) or data.get("language", "nl") != "nl":
            return data
        roadmap = data.get("roadmap", {})
        if isinstance(roadmap, dict) and "phases" not in roadmap:
            return {**data, "roadmap": {**roadmap, "phases": _default_phases("nl")}}
        return data

    def in_language(self, language: Language) -> StudySettings:
        """The settings with reports in ``language``. Phases named as the defaults are
        (Nu, Straks, Later; Now, Next, Later), in their place, take the other language's
        names; phases named otherwise ("Q1 2027") stay as named."""
        ours = [name for _, name in _DEFAULT_PHASES[self.language]]
        theirs = [name for _, name in _DEFAULT_PHASES[language]]
        phases = [
            phase.model_copy(update={"name": theirs[i]})
            if i < len(ours) and phase.name == ours[i]
            else phase
            for i, phase in enumerate(self.roadmap.phases)
        ]
        roadmap = self.roadmap.model_copy(update={"phases": phases})
        return self.model_copy(update={"language": language, "roadmap": roadmap})


class StudyFile(StudySettings, DefinitionsFile):
    """``study.yaml``: the study's settings, and optionally all its definitions in one file."""


def json_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a file format, as editors and check-jsonschema use it."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(),
    }
    schema["title"] = title
    return schema
