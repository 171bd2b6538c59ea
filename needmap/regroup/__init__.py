"""Merge, rename or split target groups in every file of a study (``needmap groups``);
rename or merge needs (``needmap needs rename``, ``merge``); rename roadmap phases
(``needmap phases rename``).

A template's groups rarely fit an organisation as they are: the templates themselves say
"merge or split groups as the organisation works". By hand that means editing the group,
every need that names it, the personas, the interviews, the survey mappings and their
tallies, without missing one. Here it is one step that leaves every other character of the
user's files as it was, comments included. A need's id is named as widely: by other
needs, personas, interview quotes, survey tasks and search logs.
"""

from needmap.regroup.files import FileChange, StudyEdits, write_study_edits
from needmap.regroup.merge import (
    FinishedRename,
    Regrouping,
    plan_finished_rename,
    plan_regrouping,
)
from needmap.regroup.need_edits import NeedMerge, NeedRename, plan_need_merge, plan_need_rename
from needmap.regroup.phase_edits import PhaseRename, plan_phase_rename
from needmap.regroup.split import GroupPart, GroupSplit, plan_split

__all__ = [
    "FileChange",
    "FinishedRename",
    "GroupPart",
    "GroupSplit",
    "NeedMerge",
    "NeedRename",
    "PhaseRename",
    "Regrouping",
    "StudyEdits",
    "plan_finished_rename",
    "plan_need_merge",
    "plan_need_rename",
    "plan_phase_rename",
    "plan_regrouping",
    "plan_split",
    "write_study_edits",
]
