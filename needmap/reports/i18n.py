"""The words reports use, in Dutch and English.

A dictionary per language is enough for the few dozen labels needmap prints; the study's
``language`` picks one. Every key exists in both languages (a test checks it).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from needmap.model.notes import Note

__all__ = [
    "Language",
    "counted",
    "format_count",
    "format_date",
    "format_decimal",
    "format_percent",
    "format_points",
    "labels",
    "note_text",
    "sentence_start",
]

Language = Literal["nl", "en"]

_LABELS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "kind.content": "Content",
        "kind.function": "Functions",
        "kind.technology": "Technology",
        "importance.must": "must",
        "importance.should": "should",
        "importance.could": "could",
        "importance.short.must": "M",
        "importance.short.should": "S",
        "importance.short.could": "C",
        "table.key": "Columns",
        "need": "Need",
        "needs": "needs",
        "kind": "Kind",
        "region": "Region",
        "core": "core",
        "people": "people",
        "only": "only {name}",
        "shared_by": "shared by {count}",
        "form.universal": "one universal platform",
        "form.hybrid": "a hybrid of a shared platform and specific tools",
        "form.landscape": "a landscape of applications",
        "placement.shared": "shared platform",
        "placement.specific": "group-specific tool or channel",
        "diagram.title": "Which needs do the groups share?",
        "caption.scaled": "Areas are approximately proportional to the number of needs.",
        "caption.unscaled": "Not to scale: every region is drawn the same size so that all "
        "are visible.",
        "caption.codes": "Codes refer to the needs table.",
        "upset.bars": "Needs shared by exactly these groups",
        "upset.sizes": "Needs per group",
        "upset.hidden": "{count} smaller combinations with {needs} not shown",
        "upset.hidden.one": "1 smaller combination with {needs} not shown",
        "upset.hidden_more": "{count} more combinations with {needs} not shown",
        "upset.hidden_more.one": "1 more combination with {needs} not shown",
        "upset.legend.core": "all groups",
        "upset.legend.single": "one group only",
        "diagram.title.family": "Which needs do the families of groups share?",
        "upset.bars.family": "Needs shared by exactly these families",
        "upset.sizes.family": "Needs per family",
        "upset.legend.core.family": "all families",
        "upset.legend.single.family": "one family only",
        "col.group.family": "family",
        "col.groups.family": "families",
        "overlap.regions.family": "Regions: needs shared by exactly these families",
        "table.title": "Needs per target group",
        "table.title.family": "Needs per family of groups",
        "legend.importance": "must = cannot do without, should = clearly helps, "
        "could = nice to have",
        "legend.marks": "●●● must  ●● should  ● could",
        "col.group": "group",
        "col.people": "people",
        "col.needs": "needs",
        "col.only": "only theirs",
        "col.code": "code",
        "col.groups": "groups",
        "col.demand": "demand",
        "col.examples": "needs in this region",
        "overlap.regions": "Regions: needs shared by exactly these groups",
        "overlap.more": "{hidden}, as in the diagram; --all lists them.",
        "ranking.more": "… {more} more (--top {rows} shows all)",
        "roadmap.wide": "{columns}: in a terminal of {width} columns or more, and in the files "
        "(--out roadmap.html, .pdf, .xlsx)",
        "roadmap.why": "Why a need is where it is, and not sooner:",
        "overlap.advice": "Recommended form: {form}. {share} of the weighted demand is for needs "
        "that at least {k} of the {n} circles share (universal from {u}, landscape below {l}); "
        "{shared_needs} for the shared platform, {specific} group-specific.",
        "overlap.advice.one": "Recommended form: {form}. With one circle, every need counts as "
        "shared: {share} of the weighted demand (universal from {u}, landscape below {l}); "
        "{shared_needs} for the shared platform, {specific} group-specific.",
        "overlap.note": "Note: {note}.",
        "overlap.alike": "Most alike in what they need (needs in common, weighed by importance): "
        "{pairs}.",
        "overlap.alike_pair": "\u201c{a}\u201d and \u201c{b}\u201d ({share})",
        "gl.name": "name",
        "gl.id": "id",
        "gl.personas": "personas",
        "gl.interviewed": "interviewed",
        "gl.answered": "answered",
        "gl.no_family": "(no family)",
        "gl.legend.needs": "needs: must/should/could",
        "gl.legend.interviewed": "interviewed: people in the interviews",
        "gl.legend.answered": "answered: respondents of survey {survey}",
        "gl.legend.survey_n": "#{n}: respondents of survey {survey}",
        "gl.legend.hidden": "n<{n}: fewer, not shown",
        "gl.legend.together": "†: respondents of several groups together, which one answer "
        "of the survey covered",
        "gl.legend.too_few": "*: fewer people than {n}, so never shown on their own "
        "(needmap status says what to merge the group into)",
        "nlist.groups": "groups",
        "nlist.after": "after",
        "nlist.legend.groups": "groups: how many need it, must/should/could",
        "nlist.legend.personas": "personas: key need of how many",
        "nlist.legend.after": "after: the needs to deliver first",
        "nlist.decided": "Decided for a roadmap phase (phase): {phases}.",
        "nlist.first": "Deliver first: {firsts}.",
        "nlist.before": "{first} before {then}",
        "form.title": "{title}: the questions to build in {tool}",
        "form.intro": "Copy each question, answer and task exactly as written here: the "
        "import reads the export by these texts, as {file} lists them.",
        "form.intro.limesurvey": "Copy each code, and each answer that has none, exactly as "
        "written here: the import reads the export by them, as {file} lists them.",
        "form.tool.limesurvey": "LimeSurvey",
        "form.tool.ms-forms": "Microsoft Forms",
        "form.tool.google-forms": "Google Forms",
        "form.tool.long": "the survey tool",
        "form.single": "One answer.",
        "form.unasked": "No answer is for {groups}: the survey does not ask them.",
        "form.other": "With an option 'Other' that people type their own answer into.",
        "form.picks": "Up to {n} answers, the options in random order: a task at the top "
        "of a long list is chosen more for standing there.",
        "form.question_code": "In the export: question {code}, a column per subquestion.",
        "form.column": "In the export: column '{column}'.",
        "form.group_heading": "The respondent's group",
        "form.task_heading": "The tasks they do most often",
        "form.options": "Options ({count}):",
        "form.codes": "Subquestions ({count}), code and text:",
        "form.also": "Other texts the import reads as a task ({count}), each after the task's "
        "label: its translation, for a survey in two languages, or how it read before an edit:",
        "form.answer_codes": "Answers ({count}), code and text (the export gives the code; the "
        "text is what people see, worded as you like):",
        "form.outside": "Another group",
        "form.tip.limesurvey": "In LimeSurvey, the first question is of the type List "
        "(radio), the second Multiple choice; each with the codes above, the second with "
        "Maximum answers {n} and Random order.",
        "form.tip.ms-forms": "In Microsoft Forms, both are Choice questions; the second has "
        "Multiple answers on and Shuffle options.",
        "form.tip.google-forms": "In Google Forms, the first is a Multiple choice question; "
        "the second is Checkboxes, with Response validation Select at most {n} and Shuffle "
        "option order.",
        "form.tip.long": "Export one row per chosen task, with the respondent, the answer "
        "to the first question and the task (docs/surveys.md, the long layout).",
        "form.limit": "Where the tool cannot limit the answers to {n}, the question says so: "
        "the import leaves out whoever chose more, with a warning.",
        "form.elsewhere": "In another tool? First set layout in {file} to the tool's: "
        "{layouts}. Each tool writes its export in its own way.",
        "plist.capacity": "capacity",
        "plist.decided": "decided",
        "plist.no_limit": "no limit",
        "plist.legend.capacity": "capacity: effort points that fit in the phase; 0: only the "
        "needs decided for it",
        "plist.legend.decided": "decided: the needs decided for it (phase in the needs files)",
        "note.no_headcount.equal": "no headcount for {groups}: groups weighed equally",
        "note.no_headcount.unweighted": "no headcount for {groups}: results are not weighted",
        "note.no_groups": "no respondents in any target group: results are not weighted",
        "note.no_group_votes": "no votes from any target group: results are not weighted",
        "note.outside": "respondents outside the target groups ({count}) count in unweighted "
        "results only",
        "note.outside_left_out": "respondents outside the target groups (n<{minimum}) are left "
        "out of all results",
        "report.title": "Shared and specific needs",
        "report.title.family": "Shared and specific needs, by family of groups",
        "brief.title": "Brief for the steering group",
        "brief.glance": "At a glance",
        "brief.contents": "Contents",
        "brief.advice": "Platform form",
        "brief.first_phase": "{phase}: {needs}.",
        "brief.more": "and {count} more",
        "brief.survey": "{title}: {count} of {tasks} tasks take {pct} of the votes of "
        "{respondents} respondents.",
        "brief.survey.one": "{title}: 1 of {tasks} tasks takes {pct} of the votes of "
        "{respondents} respondents.",
        "brief.top_tasks": "Chosen most: {tasks}.",
        "index.brief": "Brief for the steering group",
        "report.advice": "Recommended form of the digital workplace",
        "report.advice_text": "{share} of the weighted demand is for needs that at least {k} of "
        "the {n} circles share (universal platform from {u}, landscape below {l}). On the shared "
        "platform: {shared_needs}; in group-specific tools or channels: {specific}.",
        "report.advice_text.one": "With one circle, every need counts as shared: {share} of the "
        "weighted demand (universal platform from {u}, landscape below {l}). On the shared "
        "platform: {shared_needs}; in group-specific tools or channels: {specific}.",
        "count.needs": "{n} needs",
        "count.needs.one": "1 need",
        "count.interviews": "{n} interviews",
        "count.interviews.one": "1 interview",
        "count.people": "{n} people",
        "count.people.one": "1 person",
        "count.groups": "{n} target groups",
        "count.groups.one": "1 target group",
        "count.texts": "{n} texts",
        "count.texts.one": "1 text",
        "count.phases": "{n} phases",
        "count.phases.one": "1 phase",
        "count.searches": "{n} searches",
        "count.searches.one": "1 search",
        "count.logs": "{n} logs",
        "count.logs.one": "1 log",
        "count.votes": "{n} votes",
        "count.votes.one": "1 vote",
        "count.families": "{n} families of groups",
        "count.families.one": "1 family of groups",
        "count.personas": "{n} personas",
        "count.personas.one": "1 persona",
        "count.files": "{n} files",
        "count.files.one": "1 file",
        "report.alt": "{drawing} of the needs of {units}: which they share and which are "
        "their own. The needs table lists them region by region.",
        "report.alt.venn": "Overlapping circles",
        "report.alt.upset": "An UpSet matrix",
        "tt.rank": "Rank",
        "tt.task": "Task",
        "tt.swipe": "Scroll the table sideways for the columns of each group \u2192",
        "tt.votes": "Votes",
        "tt.share": "Share",
        "tt.weighted": "Weighted",
        "tt.cumulative": "Cumulative",
        "tt.coverage": "In {pct} set",
        "tt.title": "Top tasks: {title}",
        "tt.summary": "{respondents} respondents, {votes} votes on {tasks} tasks; {order} shares.",
        "tt.order.weighted": "weighted",
        "tt.order.unweighted": "unweighted",
        "tt.coverage_line": "{count} of {tasks} tasks take {pct} of the votes.",
        "tt.coverage_line.one": "1 of {tasks} tasks takes {pct} of the votes.",
        "tt.neck_line": "The long neck: {count} tasks take a quarter of the votes.",
        "tt.neck_line.one": "The long neck: one task takes a quarter of the votes.",
        "tt.weights": "Weights (headcount share / response share)",
        "tt.w.sheet": "Weights",
        "tt.w.group": "Group",
        "tt.w.respondents": "Respondents",
        "tt.w.headcount": "People",
        "tt.w.response": "Response",
        "tt.w.weight": "Weight",
        "tt.w.note": "Response is the group's respondents as a share of its people; a weight "
        "above 1 counts each of their votes more, to make up for a low response.",
        "tt.suppressed": "n<{n}",
        "tt.suppressed_note": "Groups with fewer than {n} respondents are not shown (n<{n}); "
        "where one group would be derivable from the total, a second is hidden too.",
        "tt.disagree": "Where groups differ most",
        "tt.group_tops": "The {n} tasks each group chose most",
        "tt.compare_hint": "What changed since {before}, the run this survey repeats:",
        "tt.held_again": "Held again: {later} repeats this survey, and its votes are the "
        "evidence for needs now, not these.",
        "tt.held_again_hint": "What changed since, in {later}:",
        "tt.spread": "{task}: {points} points apart ({high} highest, {low} lowest)",
        "tt.needs": "Evidence for needs",
        "tt.sheet": "Top tasks",
        "tt.per_group_part": "Share of each group's votes ({part} of {parts})",
        "tt.per_group": "Share of each group's votes",
        "tt.chart.neck": "The long neck of top tasks",
        "tt.chart.share": "Share of votes",
        "tt.chart.cumulative": "Cumulative share",
        "tt.chart.neck_label": "long neck ({count} tasks, {pct})",
        "tt.chart.neck_label.one": "long neck (one task, {pct})",
        "tt.chart.cover_label": "{count} tasks = {pct}",
        "tt.chart.cover_label.one": "1 task = {pct}",
        "tt.chart.groups": "Top tasks per group (share of the group's votes)",
        "tt.alt.neck": "{title}: the {tasks} tasks as bars by their share of the votes, "
        "highest first, with the cumulative share as a line. {neck} The ranking table lists "
        "every task.",
        "tt.alt.groups": "{title}: the {tasks} most chosen tasks against {groups}, each cell "
        "the share of that group's votes, darker for more. The ranking table lists every "
        "task.",
        "tt.chart.tasks": "Tasks by rank",
        "tc.title": "Top tasks compared: {title} against {before}",
        "tc.title.group": "Top tasks of {group} compared: {title} against {before}",
        "tc.sheet": "Compared",
        "tc.rank_before": "Rank before",
        "tc.share_before": "Share before",
        "tc.change": "Change (points)",
        "tc.new": "new",
        "tc.dropped": "dropped",
        "tc.summary": "{title}: {respondents} respondents; {before}: {before_respondents} "
        "respondents; {order} shares.",
        "tc.new_note": "{n} tasks were not in the earlier survey (new).",
        "tc.new_note.one": "1 task was not in the earlier survey (new).",
        "tc.dropped_note": "{n} tasks are not in the later survey (dropped).",
        "tc.dropped_note.one": "1 task is not in the later survey (dropped).",
        "tc.lists_differ": "The surveys' lists of tasks differ, so a share of one is of other "
        "tasks than a share of the other: compare ranks and shares with care.",
        "tc.moved.both": "Compared with {before}: \u201c{up}\u201d rose most "
        "({up_points}\u00a0points), \u201c{down}\u201d fell most ({down_points}).",
        "tc.moved.up": "Compared with {before}: \u201c{up}\u201d rose most "
        "({up_points}\u00a0points); no task's share fell.",
        "tc.moved.down": "Compared with {before}: \u201c{down}\u201d fell most "
        "({down_points}\u00a0points); no task's share rose.",
        "tc.moved.none": "Compared with {before}: no task's share moved.",
        "tc.chapter": "Top tasks since {before}",
        "tc.chart.title": "Top tasks then and now",
        "tc.chart.title.group": "Top tasks of {group} then and now",
        "tc.chart.subtitle": "{tasks} tasks in the order of the later survey; {order} shares",
        "tc.alt": "{chart}: {tasks} tasks in the order of {title}, each with its share in "
        "{before} (open circle) and in {title} (filled circle), the line between them blue "
        "where the share rose and orange where it fell, and the change in points. The table "
        "lists every task.",
        "tc.groups.title": "What moved most in each group",
        "tc.groups.sheet": "Groups",
        "tc.groups.group": "Group",
        "tc.groups.respondents": "Respondents",
        "tc.groups.respondents_before": "Respondents before",
        "tc.groups.up": "Rose most",
        "tc.groups.down": "Fell most",
        "tc.groups.note": "Each group's shares of its own votes, unweighted: the fewer its "
        "respondents, the more its shares move by chance. A group is compared where both "
        "surveys show it.",
        "tc.groups.line": "{group} ({now}; before {before})",
        "tc.groups.legend": "\u25b2 rose most, \u25bc fell most, in points",
        "tc.groups.line.still": "no share moved",
        "tc.groups.line.not_compared": "not shown in both surveys",
        "tc.groups.hidden_note": "n<{n}: fewer than {n} respondents in that survey (or hidden "
        "so that a small group cannot be worked out); \u2013: no respondents counted as this "
        "group.",
        "qs.quotes": "Quotes",
        "qs.groups": "Groups",
        "qs.needs": "Needs",
        "qs.name": "name",
        "qs.title": "title",
        "qs.kind": "kind",
        "qs.pick_group": "Pick a group from the list (the sheet Groups has them), or type its "
        "id. An interview needs it on one of its rows only.",
        "qs.pick_interview": "Pick the interview this quote is from, or type a new one's name: "
        "its group and date need be on one of its rows only.",
        "qs.participants": "Write how many people took part: 1, or more for a focus group.",
        "index.title": "Reports of this study",
        "index.built": "built on {date}",
        "index.overlap": "Shared and specific needs",
        "index.toptasks": "Top tasks",
        "index.files": "Other files",
        "index.about.brief": "One document for the steering group: the study at a glance, the "
        "platform form, the roadmap and why the first needs come first.",
        "index.about.overlap": "Which needs the groups share and which are their own: the "
        "diagram, the needs table, and the platform form that follows.",
        "index.about.toptasks": "What the respondents chose most: the long neck, the fewest "
        "tasks that cover most of the votes, and each group's ranking.",
        "index.about.questions": "Each survey's questions and options, to build it in its "
        "tool and agree on before it is held; its results come here once its export is "
        "imported.",
        "index.about.personas": "Each persona with their group, goals, key needs and the "
        "evidence behind them.",
        "index.about.roadmap": "The needs by score in the study's phases, with their evidence "
        "and effort.",
        "index.about.interviews": "Guides for the next interviews, and what the interviews so "
        "far say about each need.",
        "index.about.searches": "What people searched for, which needs the searches point to, "
        "and what found nothing.",
        "index.about.files": "",
        "index.entry.brief": "The brief",
        "index.entry.personas": "The personas, one per page",
        "index.entry.roadmap": "The roadmap",
        "index.entry.interviews": "What the interviews say",
        "index.entry.searches": "What the search logs say",
        "index.entry.guides": "Interview guides, every group",
        "index.entry.guide": "Interview guide: {group}",
        "index.entry.overlap.groups": "Overview: target groups",
        "index.entry.overlap.families": "Overview: families of groups",
        "index.entry.needs.groups": "Needs table: target groups",
        "index.entry.needs.families": "Needs table: families of groups",
        "index.entry.diagram.groups": "Diagram: target groups",
        "index.entry.diagram.families": "Diagram: families of groups",
        "index.entry.chart.neck": "Chart: the long neck ({survey})",
        "index.entry.questions": "The questions, to build the survey: {survey}",
        "index.entry.chart.groups": "Chart: top tasks per group ({survey})",
        "index.entry.compare": "Compared with the run before: {survey}",
        "index.entry.toptasks.earlier": "{survey} (held again since)",
        "index.entry.chart.compare": "Chart: top tasks then and now ({survey})",
        "index.format.page": "Page",
        "index.format.page.tip": "a web page, to read on screen or send as one file",
        "index.format.pdf": "PDF",
        "index.format.pdf.tip": "to print or send",
        "index.format.md": "Markdown",
        "index.format.md.tip": "text, for a wiki, an issue or an e-mail",
        "index.format.xlsx": "Excel",
        "index.format.xlsx.tip": "a spreadsheet, to sort and filter",
        "index.format.csv": "CSV",
        "index.format.csv.tip": "plain data, for other tools",
        "index.format.svg": "SVG",
        "index.format.svg.tip": "a drawing that stays sharp at any size, for slides and documents",
        "index.format.png": "PNG",
        "index.format.png.tip": "a picture, for slides and e-mail",
        "index.personas": "Personas",
        "index.roadmap": "Roadmap",
        "index.interviews": "Interviews",
        "rm.title": "Roadmap: {name}",
        "rm.summary": "{planned} of {needs} needs planned in {phases}",
        "rm.summary.decided": "{summary}, {decided} of them as decided",
        "rm.load": "{used} of {capacity} points",
        "rm.load.open": "{used} points",
        "rm.order": "#",
        "rm.phase": "Phase",
        "rm.score": "Score",
        "rm.demand": "Demand",
        "rm.votes": "Votes",
        "rm.factor": "Evidence",
        "rm.effort": "Effort",
        "rm.after": "After",
        "rm.more": "{count} more needs, in the table below",
        "rm.decided": "decided",
        "rm.rule_decided": "A need with a phase in needs.yaml is in that phase whatever its "
        "score (the steering group decided it), and what it depends on is no later.",
        "rm.needed_by": "Brought forward for",
        "rm.interviews": "Interviews",
        "rm.interviews_note": "Interviews: \u2713 supported in, \u2717 questioned in that many "
        "interviews (the interview report has the groups and quotes); shown beside the score, "
        "not part of it.",
        "rm.unplanned": "Does not fit in any phase",
        "rm.unplanned_hint": "Raise a phase's capacity in study.yaml (roadmap.phases), add a "
        "phase without capacity, or split the need.",
        "rm.empty": "nothing planned",
        "rm.table": "Why this order",
        "rm.sheet": "Roadmap",
        "rm.changes": "Changes since {since}",
        "rm.changes_sheet": "Changes",
        "rm.change": "Change",
        "rm.was_in": "Was in",
        "rm.now_in": "Now in",
        "rm.score_then": "Score then",
        "rm.score_now": "Score now",
        "rm.change.earlier": "earlier",
        "rm.change.later": "later",
        "rm.change.new": "new",
        "rm.change.dropped": "dropped",
        "rm.unchanged": "{count} needs stay in their phase.",
        "rm.unchanged.one": "1 need stays in its phase.",
        "rm.unchanged.all": "Every need stays in its phase.",
        "rm.unchanged.none": "No need stays in its phase.",
        "rm.changes_rule": "A phase with the same id in both plans is the same phase; others "
        "are compared by their place in the order, so a phase that was renamed is the same "
        "phase. A new need is new in the study, a dropped need left it.",
        "brief.changes": "Changes",
        "demo.before_surveys": "the plan before the top-task survey",
        "demo.earlier_run": "Made up by needmap demo: the same survey two years earlier, to "
        "show what changed since.",
        "why.groups": "Who needs it",
        "why.not_heard": "No interview speaks of it.",
        "why.no_groups": "No group needs it yet: it is in no region and has no demand.",
        "why.first_title": "Why these needs come first",
        "why.one_title": "Why this need is where it is",
        "why.first_summary": "the {count} needs of {phase}, each with its reasons and evidence",
        "why.first_summary.one": "the one need of {phase}, with its reasons and evidence",
        "why.roadmap": "Where the roadmap puts it",
        "why.evidence": "Evidence",
        "why.personas": "Key need of the personas",
        "why.shared": "Needed by {count} of {groups} groups: {share} of the weighted demand; "
        "region {region}; belongs on: {placement}.",
        "why.not_searched": "Nobody searched for it in the search logs.",
        "why.place": "{phase}: number {rank} of {needs} in plan order.",
        "why.score": "Score {score} = demand {demand} \u00d7 evidence factor {factor} \u00f7 "
        "{points} effort points.",
        "why.raised": "Planned by a priority of {priority}: the score of what depends on it "
        "({needs}).",
        "why.decided": "Decided for {phase} (phase: {id} in needs.yaml), whatever its score.",
        "why.due": "Planned no later than {phase}: needs decided for it depend on it ({needs}).",
        "why.after": "Comes after: {needs}.",
        "why.full": "Not earlier: too little room when its turn came ({rooms}); it takes "
        "{points} points.",
        "why.full_unplanned": "In no phase: too little room when its turn came ({rooms}); it "
        "takes {points} points.",
        "why.room_left": "{phase}: {points} points left",
        "why.room_left.one": "{phase}: 1 point left",
        "why.room_none": "{phase}: full",
        "why.no_task": "{survey}: no task of the survey serves this need.",
        "why.weighted": "; weighted {share}",
        "why.votes": "{survey}: {votes} ({share} of all votes) for the tasks: {tasks}.",
        "why.since": "Since {before}: {then} of all votes then, {now} now ({change}\u00a0points).",
        "why.since.other_tasks": "Since {before}: not compared, as other tasks served it "
        "in that survey.",
        "why.no_surveys": "No top-task survey imported yet.",
        "why.no_interviews": "No interviews that may be shown.",
        "why.heard": "Interviews: supported in {supported}, questioned in {questioned}.",
        "why.more_quotes": "and {count} more quotes (needmap interviews DIR).",
        "why.more_quotes.one": "and 1 more quote (needmap interviews DIR).",
        "why.no_searches": "No search logs.",
        "why.searched": "Searches: {searches}, of which {none} found nothing.",
        "why.searched_untold": "Searches: {searches} (the logs do not say how many found "
        "nothing).",
        "why.searched_part": "Searches: {searches}; of the {told} in the logs that say, {none} "
        "found nothing.",
        "why.gap": "A content gap.",
        "why.terms": "Searched for as: {terms}.",
        "rm.since": "Since {since}",
        "rm.rule": "Score = share of the demand (headcount \u00d7 importance) "
        "\u00d7 evidence factor \u00f7 "
        "effort points. Evidence factor: the need's share of top-task votes against the average "
        "need's, between 0.5 and 2; 1 without votes. Needs go in order of score into the "
        "earliest phase with room, never before what they depend on; a need others depend on "
        "takes their score when it is higher.",
        "rm.on.shared": "shared platform",
        "rm.on.specific": "per group",
        "rm.platform": "Platform",
        "rm.platform_line": "{form}; {shared} on the shared platform, {specific} in "
        "group-specific tools or channels.",
        "rm.no_surveys": "No top-task survey imported: every evidence factor is 1.",
        "rm.surveys": "Votes from: {surveys}.",
        "note.over_capacity": "{phase} holds {points} points, over its capacity of "
        "{capacity}: the needs decided for it and what they depend on take more",
        "note.effort_unknown": "no effort given for {needs}: counted as m",
        "p.title": "Personas",
        "p.summary": "{count} personas of {groups}",
        "p.summary.one": "One persona",
        "p.people": "{count} people",
        "p.goals": "Goals",
        "p.frustrations": "Frustrations",
        "p.scenarios": "Scenarios",
        "p.devices": "Devices",
        "p.places": "Places of work",
        "p.quotes": "In their own words",
        "p.needs": "Key needs",
        "p.importance": "For the group",
        "p.not_listed": "not listed",
        "p.shared_by": "Groups",
        "p.shared_count": "{count} of {total}",
        "p.where": "Where",
        "p.when": "When",
        "p.votes": "Votes {survey}",
        "p.respondents": "{count} respondents from this group. Their top tasks:",
        "p.respondents_together": "{count} respondents from {groups} together (the survey "
        "did not ask which). Their top tasks:",
        "p.no_respondents": "Nobody from this group answered this survey.",
        "p.hidden": "Not shown: fewer than {n} respondents from this group (n<{n}), or hidden "
        "so that a smaller group cannot be worked out.",
        "p.share_hint": "Votes: the group's share of votes for the tasks that serve the need.",
        "p.searches_hint": "Searches: how often the search logs looked for the need, "
        "everyone's searches (logs have no groups); 'gap' marks many searches without results.",
        "p.interviews": "From the interviews",
        "p.iv.own": "{interviews} with {participants} from this group. "
        "Interviews: \u2713 supported in, \u2717 questioned in that many.",
        "p.iv.pooled": "This group's interviews had fewer than {n} participants, so they are "
        "counted with other small groups: see the interview report.",
        "p.iv.hidden": "Not shown: fewer than {n} interview participants from this group, and "
        "from the small groups together (n<{n}).",
        "p.iv.none": "Nobody from this group has been interviewed yet.",
        "p.persona": "Persona",
        "p.role": "Role",
        "p.group": "Group",
        "p.about": "About the group",
        "p.summary_col": "Summary",
        "p.needs_sheet": "Key needs",
        "iv.title": "Interviews: {name}",
        "iv.summary": "{interviews} with {participants}",
        "iv.other": "Other groups",
        "iv.bucket": "{name} (n={n})",
        "iv.verdict.supported": "supported",
        "iv.verdict.questioned": "questioned",
        "iv.verdict.mixed": "mixed",
        "iv.verdict": "Verdict",
        "iv.supports": "Supported in",
        "iv.questions": "Questioned in",
        "iv.unlisted": "Mentioned by, not listed for",
        "iv.table": "Needs in the interviews",
        "iv.sheet": "Interviews",
        "iv.per_group_part": "Interviews per group ({part} of {parts})",
        "iv.per_group": "Interviews per group",
        "iv.rule": "Counts are interviews: an interview counts once per need, however many of "
        "its quotes support (or question) the need.",
        "iv.marks": "Per group: \u2713 supported, \u2717 questioned.",
        "iv.pooled": "Groups with fewer than {n} interview participants are counted together as "
        "'other groups': {groups}.",
        "iv.hidden": "Not shown: interviews with {groups} (together fewer than {n} participants, "
        "n<{n}).",
        "iv.unlisted_note": "'Mentioned by, not listed for': groups whose interviews support the "
        "need although its groups do not include them; consider adding them to the need.",
        "iv.unlisted_list": "Supported by groups the need does not list (consider adding them "
        "to the need): {needs}.",
        "iv.no_evidence": "{count} needs have no interview evidence yet.",
        "iv.no_evidence.one": "1 need has no interview evidence yet.",
        "iv.not_interviewed": "Not interviewed yet: {groups}. needmap guide prepares an "
        "interview with a group.",
        "iv.none": "No interviews in interviews/ yet (see docs/interviews.md).",
        "iv.none.unread": "No interviews in interviews/ yet: needmap does not read {path}, "
        "which it would as {target}.",
        "iv.quotes": "Quotes",
        "iv.signal.supports": "supports",
        "iv.signal.questions": "questions",
        "index.searches": "Search logs",
        "read.sheet": "sheet '{sheet}'",
        "read.utf8_bom": "UTF-8 with BOM",
        "read.semicolon": "semicolon-separated",
        "read.comma": "comma-separated",
        "read.tab": "tab-separated",
        "read.other": "'{delimiter}'-separated",
        "read.declared": "as its sep= line says",
        "read.notes_lines": "header below {n} lines of notes",
        "read.notes_lines.one": "header below 1 line of notes",
        "read.notes_rows": "header below {n} rows of notes",
        "read.notes_rows.one": "header below 1 row of notes",
        "read.doubled": "every line end doubled: the empty line after each row left out",
        "read.empty_before": "the {n} sheets before it empty",
        "read.empty_before.one": "the sheet before it empty",
        "sl.title": "Search logs: {name}",
        "sl.summary": "{searches} in {logs}; {matched} ({share}) about a need",
        "sl.summary_none": "; {none} found nothing",
        "sl.summary_none_part": "; of the {told} in logs that say, {none} found nothing",
        "sl.exports": "{count} exports, {first} to {last}; the first: ",
        "sl.table": "Needs people searched for",
        "sl.sheet": "Searches",
        "sl.searches": "Searches",
        "sl.share": "Share of searches",
        "sl.no_results": "Found nothing",
        "sl.gap": "Content gap",
        "sl.gap_mark": "gap",
        "sl.terms": "Most searched terms",
        "sl.more_terms": "{count} rarer",
        "sl.more_unused": "{count} more",
        "sl.unmatched": "Searched for, but about no need",
        "sl.unmatched_sheet": "Terms without a need",
        "sl.term": "Search term",
        "sl.logs": "Logs",
        "sl.log_line": "{title}: {searches}",
        "sl.without_term": "; {searches} without a term left out (empty, or '(not set)')",
        "sl.rule": "A search counts for every need whose topics match its term; case, accents "
        "and spacing do not matter. Terms searched fewer than {n} times, or holding personal "
        "data, count in the figures but are not shown.",
        "sl.gap_rule": "{title}: a need is a content gap from {n} searches without results.",
        "sl.no_results_column": "{title} does not say how many results a search found, so it "
        "marks no gaps.",
        "sl.unmatched_note": "Frequent searches that match no need: add their terms to a topic "
        "in analytics/, or a need to the study.",
        "sl.unmatched_hidden": "{count} rarer terms match no need and are not shown.",
        "sl.unmatched_hidden.one": "1 rarer term matches no need and is not shown.",
        "sl.no_evidence": "{count} needs were not searched for.",
        "sl.unused": "{title}: these topic terms matched no search (misspelt, or nobody "
        "searched for them): {terms}.",
        "sl.elsewhere": "{title}: searches for terms that another log's topics give a need and "
        "its own do not, so they count for none: {terms}. Add them to its topics.",
        "sl.no_evidence.one": "1 need was not searched for.",
        "sl.none": "No search logs in analytics/ yet (see docs/search-logs.md).",
        "sl.none.unread": "No search logs in analytics/ yet: needmap does not read {path}, "
        "which it would as {target}.",
        "rm.searches": "Searches",
        "rm.searches_note": "Searches: how often the search logs looked for the need; 'gap' "
        "marks many searches without results. Shown beside the score, not part of it.",
        "guide.title": "Interview guide: {name}",
        "guide.all_title": "Interview guides",
        "guide.interviewed": "Interviewed so far: {people} in {interviews}.",
        "guide.interviewed_few": "Interviewed so far: fewer than {n} people (not shown).",
        "guide.not_interviewed": "Not interviewed yet.",
        "guide.too_few": "The group has fewer people ({people}) than the minimum of {n}: what "
        "they say is never shown as this group's, only with other small groups or in "
        "totals. Tell them so.",
        "guide.personas": "Personas in this group",
        "guide.no_personas": "No personas for this group yet (personas.yaml).",
        "guide.questions": "Open questions",
        "guide.question.1": "Walk me through a normal working day: where do you work, and "
        "on which devices?",
        "guide.question.2": "Which information do you look for most often? Where do you find "
        "it now, and how long does that take?",
        "guide.question.3": "Which tasks do you do on the intranet or in other applications? "
        "Which take too long or go wrong?",
        "guide.question.4": "What do you now ask colleagues for, by phone or on paper, that "
        "you would rather find yourself?",
        "guide.question.5": "If one thing were better tomorrow, what should it be?",
        "guide.needs": "The group's needs",
        "guide.ask": "Needs with no evidence yet: ask about them",
        "guide.ask_intro": "Ask for each: how do you do this now, how often, and what goes "
        "wrong?",
        "guide.check": "Needs with evidence so far: check it",
        "guide.check_intro": "Does what was said, chosen or searched so far hold for this "
        "group?",
        "guide.said": "Said in earlier interviews with this group",
        "guide.said_intro": "Ask whether it still holds, and for whom.",
        "guide.said_more": "{count} more in needmap interviews.",
        "guide.no_needs": "No need lists this group yet (needs.yaml): the open questions are "
        "the guide.",
        "guide.heard": "interviews {heard}",
        "guide.votes": "{share} of the votes",
        "guide.others": "Needs of other groups to check",
        "guide.others_intro": "Listed for other groups in {family}, not for this one: does "
        "this group need them too?",
        "guide.other": "{count} of the {others} other groups",
        "guide.other.all": "all {others} other groups",
        "guide.other.only": "the other group",
        "guide.all_groups": "the study",
        "guide.survey": "What the top-task survey says",
        "guide.no_surveys": "No top-task survey imported yet.",
        "guide.not_asked": "{survey}: this group was not asked.",
        "guide.hidden": "{survey}: fewer than {n} respondents from this group (or hidden so "
        "that a small group cannot be worked out): not shown.",
        "guide.top": "{survey}, {respondents} respondents from this group; chosen most: "
        "{tasks}.",
        "guide.top_together": "{survey}, {respondents} respondents from {groups} together "
        "(the survey did not ask which); chosen most: {tasks}.",
        "guide.record": "Recording",
        "guide.record_intro": "Save as interviews/{id}.yaml (needmap guide --record writes "
        "it), or add it to a file there. Tag each quote with the needs it supports or "
        "questions, and write no names; needmap validate checks it.",
        "guide.quote_text": "What was said, in their words",
        "guide.replace": "replace [] with the quotes, as below",
        "guide.supports": "the needs it supports",
        "guide.casts_doubt": "the needs it casts doubt on",
        "iv.more_in_file": "Per group, and the quotes: {command} (or .md, .xlsx)",
        "status.next_steps": "Next steps",
        "init.created": "Created a study in {folder} from template '{template}': {counts}.",
        "init.step.groups": "Fit the groups to the organisation (then merge, split or rename):",
        "init.step.validate": "Edit the YAML files, and check them:",
        "init.step.serve": "While you edit, the reports in the browser, refreshed on each save:",
        "init.step.guide": "Before the interviews, a guide per group:",
        "init.step.questions": "Before the top-task survey, its questions to build it with:",
        "init.step.status": "Where the study stands, and what to do next:",
        "init.step.build": "Every report, to share:",
        "status.nothing_waits": "Nothing waits. Write every report: {command}",
        "status.more": "{shown} and {more} more",
        "status.unread": "Move {moves}: needmap reads them only there, and leaves them out of "
        "every report until then.",
        "status.one_group": "Add the organisation's other target groups to groups.yaml: with "
        "one group ({group}) there is nothing to compare, so every need counts as shared, and "
        "the platform form follows from that alone.",
        "status.unheard": "Interview {groups}: no interviews yet.",
        "status.pooled": "Interview more people of {groups}: fewer than {minimum} each so far, "
        "so their interviews count only together with other small groups.",
        "status.pooled.one": "Interview more people of {groups}: fewer than {minimum} so far, "
        "so its interviews count only together with other small groups.",
        "status.too_few": "{group} has fewer people ({people}) than the minimum of {minimum} "
        "(privacy.min_group_size): however many of them you interview or survey, no report "
        "shows their answers as a group, only in totals.",
        "status.too_few.merge_alike": "To show them, merge the group into the one most like "
        "it in what it needs: {other} ({share} alike).",
        "status.too_few.merge": "To show them, merge the group into a related one (OTHER: its "
        "id).",
        "status.empty": "Fill in the quotes of {interviews} ({files}): each counts as held, but "
        "is evidence for no need yet.",
        "status.private": "Take the e-mail addresses, phone numbers and other personal data "
        "out of {texts} of the interviews and personas: the reports leave them out, but the "
        "study's files keep them.",
        "status.personas": "Describe the study's personas in personas.yaml: it has none yet. "
        "A persona is a typical person of a group, with a role, goals, frustrations and the "
        "needs that matter most to them; the persona report puts each beside the group's "
        "evidence (docs/study-format.md).",
        "status.import": "Import the export of the survey '{title}'.",
        "status.not_held": " If it is not held, remove {file}.",
        "status.questions": "Not held yet? Build the survey '{title}' in the survey tool from "
        "its questions and options, exactly as listed.",
        "status.unbuilt": "Build the reports into {folder}: it holds none yet.",
        "status.other_study": "The reports in {folder} are of another study ({other}); build "
        "this study's into its own reports/ folder.",
        "status.rebuild": "Build the reports in {folder} again: they date from {date}, and "
        "the study's files have changed since.",
        "status.headcount": "Check which group the survey '{title}' gives each answer: {groups} "
        "got more respondents than their headcount, which the weighting trusts.",
        "status.few_respondents": "Ask more people of {groups} to answer the survey '{title}', "
        "if it is still open: each has fewer than {minimum} respondents so far, so no report "
        "shows their top tasks. Then import its export again.",
        "status.few_respondents.one": "Ask more people of {groups} to answer the survey "
        "'{title}', if it is still open: fewer than {minimum} have so far, so no report shows "
        "their top tasks. Then import its export again.",
        "status.same_answers": "The surveys '{one}' and '{other}' counted the same "
        "answers, from the same export ({export}), and both count as evidence: their votes "
        "count twice. If they are one survey, delete one of the two mappings and its tally.",
        "status.repeat": "The surveys '{one}' and '{other}' ask mostly the same tasks "
        "({shared} of {tasks}), and both count as evidence. If one is the other held again, "
        "name the earlier in the later one's mapping ({one_file} or {other_file}: earlier: "
        "ID): its votes then replace the earlier run's, and the reports show what changed. "
        "Held at the same time in two tools, both count rightly.",
        "status.unlinked": "Link {count} of the {tasks} tasks of the survey '{title}' to "
        "needs: their votes are evidence for nothing.",
        "status.elsewhere": "Add to the topics of the search log '{title}' the terms another "
        "log gives a need: {terms}. Its searches for them count for no need yet.",
        "status.unmatched_gaps": "Searched for often without results, and about no need: "
        "{terms}. Give their terms a topic in analytics/, or the study a need for them.",
        "status.over_capacity": "Revisit what is decided for {phase}: with what it depends on, "
        "it holds {points} of {capacity} points. Decide some of it for a later phase (phase in "
        "needs.yaml), or raise the phase's capacity in study.yaml.",
        "status.schemas": "Refresh the JSON Schemas in schemas/ ({files}): an older needmap "
        "wrote them, so your editor checks the study's files against fields that have changed.",
        "status.silent.one": "{needs} of {total} has no evidence yet (no votes, interviews or "
        "searches): ask about it in the interviews.",
        "status.silent": "{needs} of {total} have no evidence yet (no votes, interviews or "
        "searches): ask about them in the interviews.",
    },
    "nl": {
        "kind.content": "Content",
        "kind.function": "Functies",
        "kind.technology": "Technologie",
        "importance.must": "moet",
        "importance.should": "zou moeten",
        "importance.could": "kan",
        "importance.short.must": "M",
        "importance.short.should": "Z",
        "importance.short.could": "K",
        "table.key": "Kolommen",
        "need": "Behoefte",
        "needs": "behoeften",
        "kind": "Soort",
        "region": "Gebied",
        "core": "kern",
        "people": "mensen",
        "only": "alleen {name}",
        "shared_by": "gedeeld door {count}",
        "form.universal": "één universeel platform",
        "form.hybrid": "een hybride vorm: gedeeld platform plus specifieke toepassingen",
        "form.landscape": "een landschap van applicaties",
        "placement.shared": "gedeeld platform",
        "placement.specific": "toepassing of kanaal per groep",
        "diagram.title": "Welke behoeften delen de groepen?",
        "caption.scaled": "Oppervlakken zijn bij benadering evenredig met het aantal behoeften.",
        "caption.unscaled": "Niet op schaal: alle gebieden zijn even groot getekend, zodat ze "
        "allemaal zichtbaar zijn.",
        "caption.codes": "De codes verwijzen naar de behoeftentabel.",
        "upset.bars": "Behoeften die precies deze groepen delen",
        "upset.sizes": "Behoeften per groep",
        "upset.hidden": "{count} kleinere combinaties met {needs} niet getoond",
        "upset.hidden.one": "1 kleinere combinatie met {needs} niet getoond",
        "upset.hidden_more": "{count} andere combinaties met {needs} niet getoond",
        "upset.hidden_more.one": "1 andere combinatie met {needs} niet getoond",
        "upset.legend.core": "alle groepen",
        "upset.legend.single": "één groep",
        "diagram.title.family": "Welke behoeften delen de families?",
        "upset.bars.family": "Behoeften die precies deze families delen",
        "upset.sizes.family": "Behoeften per familie",
        "upset.legend.core.family": "alle families",
        "upset.legend.single.family": "één familie",
        "col.group.family": "familie",
        "col.groups.family": "families",
        "overlap.regions.family": "Gebieden: behoeften die precies deze families delen",
        "table.title": "Behoeften per doelgroep",
        "table.title.family": "Behoeften per familie",
        "legend.importance": "moet = onmisbaar, zou moeten = helpt duidelijk, kan = leuk om "
        "te hebben",
        "legend.marks": "●●● moet  ●● zou moeten  ● kan",
        "col.group": "groep",
        "col.people": "mensen",
        "col.needs": "behoeften",
        "col.only": "alleen zij",
        "col.code": "code",
        "col.groups": "groepen",
        "col.demand": "vraag",
        "col.examples": "behoeften in dit gebied",
        "overlap.regions": "Gebieden: behoeften die precies deze groepen delen",
        "overlap.more": "{hidden}, zoals in het diagram; --all toont ze.",
        "ranking.more": "… nog {more} (--top {rows} toont alle)",
        "roadmap.wide": "{columns}: in een terminal van {width} kolommen of meer, en in de "
        "bestanden (--out roadmap.html, .pdf, .xlsx)",
        "roadmap.why": "Waarom een behoefte staat waar ze staat, en niet eerder:",
        "overlap.advice": "Aanbevolen vorm: {form}. {share} van de gewogen vraag betreft "
        "behoeften die minstens {k} van de {n} cirkels delen (universeel vanaf {u}, landschap "
        "onder {l}); {shared_needs} voor het gedeelde platform, {specific} per groep.",
        "overlap.advice.one": "Aanbevolen vorm: {form}. Met één cirkel telt elke behoefte als "
        "gedeeld: {share} van de gewogen vraag (universeel vanaf {u}, landschap onder {l}); "
        "{shared_needs} voor het gedeelde platform, {specific} per groep.",
        "overlap.note": "Let op: {note}.",
        "overlap.alike": "Meest gelijk in wat ze nodig hebben (gedeelde behoeften, gewogen naar "
        "belang): {pairs}.",
        "overlap.alike_pair": "\u201c{a}\u201d en \u201c{b}\u201d ({share})",
        "gl.name": "naam",
        "gl.id": "id",
        "gl.personas": "persona's",
        "gl.interviewed": "gesproken",
        "gl.answered": "antwoorden",
        "gl.no_family": "(geen familie)",
        "gl.legend.needs": "behoeften: moet/zou moeten/kan",
        "gl.legend.interviewed": "gesproken: mensen in de gesprekken",
        "gl.legend.answered": "antwoorden: respondenten van onderzoek {survey}",
        "gl.legend.survey_n": "#{n}: respondenten van onderzoek {survey}",
        "gl.legend.hidden": "n<{n}: minder, niet getoond",
        "gl.legend.together": "†: respondenten van meer groepen samen, die één antwoord in "
        "het onderzoek omvatte",
        "gl.legend.too_few": "*: minder mensen dan {n}, dus nooit apart getoond "
        "(needmap status zegt met welke groep samen te voegen)",
        "nlist.groups": "doelgroepen",
        "nlist.after": "na",
        "nlist.legend.groups": "doelgroepen: hoeveel hem nodig hebben, moet/zou moeten/kan",
        "nlist.legend.personas": "persona's: kernbehoefte van hoeveel",
        "nlist.legend.after": "na: de behoeften die eerst komen",
        "nlist.decided": "Besloten voor een fase van de roadmap (phase): {phases}.",
        "nlist.first": "Eerst leveren: {firsts}.",
        "nlist.before": "{first} vóór {then}",
        "form.title": "{title}: de vragen om in {tool} te maken",
        "form.intro": "Neem elke vraag, elk antwoord en elke taak precies zo over: de import "
        "leest de export aan deze teksten, zoals {file} ze noemt.",
        "form.intro.limesurvey": "Neem elke code, en elk antwoord zonder code, precies zo over: "
        "de import leest de export daaraan, zoals {file} ze noemt.",
        "form.tool.limesurvey": "LimeSurvey",
        "form.tool.ms-forms": "Microsoft Forms",
        "form.tool.google-forms": "Google Forms",
        "form.tool.long": "het enquêteprogramma",
        "form.single": "Eén antwoord.",
        "form.unasked": "Geen antwoord is voor {groups}: de enquête vraagt hen niet.",
        "form.other": "Met een optie 'Anders' waarin men een eigen antwoord typt.",
        "form.picks": "Maximaal {n} antwoorden, de opties in willekeurige volgorde: een taak "
        "bovenaan een lange lijst wordt vaker gekozen omdat hij daar staat.",
        "form.question_code": "In de export: vraag {code}, een kolom per subvraag.",
        "form.column": "In de export: kolom '{column}'.",
        "form.group_heading": "De groep van de respondent",
        "form.task_heading": "De taken die men het vaakst doet",
        "form.options": "Opties ({count}):",
        "form.codes": "Subvragen ({count}), code en tekst:",
        "form.also": "Andere teksten die de import als een taak leest ({count}), elk na het "
        "label van de taak: de vertaling, voor een enquête in twee talen, of hoe de taak luidde "
        "voor een wijziging:",
        "form.answer_codes": "Antwoorden ({count}), code en tekst (de export geeft de code; de "
        "tekst is wat men ziet, naar eigen keuze verwoord):",
        "form.outside": "Een andere groep",
        "form.tip.limesurvey": "In LimeSurvey is de eerste vraag van het type List (radio), "
        "de tweede Multiple choice; elk met de codes hierboven, de tweede met Maximum answers "
        "{n} en Random order.",
        "form.tip.ms-forms": "In Microsoft Forms zijn beide keuzevragen; bij de tweede staan "
        "meerdere antwoorden aan en de opties in willekeurige volgorde.",
        "form.tip.google-forms": "In Google Forms is de eerste een meerkeuzevraag; de tweede "
        "selectievakjes, met antwoordvalidatie 'maximaal {n} selecteren' en de opties in "
        "willekeurige volgorde.",
        "form.tip.long": "Exporteer een regel per gekozen taak, met de respondent, het "
        "antwoord op de eerste vraag en de taak (docs/surveys.md, de lange indeling).",
        "form.limit": "Kan het programma het aantal antwoorden niet tot {n} beperken, zeg "
        "het dan in de vraag: de import laat wie meer koos weg, met een waarschuwing.",
        "form.elsewhere": "In een ander programma? Zet dan eerst layout in {file} op die van "
        "dat programma: {layouts}. Elk programma schrijft zijn export op zijn eigen manier.",
        "plist.capacity": "capaciteit",
        "plist.decided": "besloten",
        "plist.no_limit": "geen limiet",
        "plist.legend.capacity": "capaciteit: de inspanningspunten die in de fase passen; 0: "
        "alleen de behoeften die ervoor besloten zijn",
        "plist.legend.decided": "besloten: de behoeften die ervoor besloten zijn (phase in de "
        "behoeftebestanden)",
        "note.no_headcount.equal": "geen aantal mensen bekend voor {groups}: groepen wegen "
        "even zwaar",
        "note.no_headcount.unweighted": "geen aantal mensen bekend voor {groups}: uitkomsten "
        "zijn niet gewogen",
        "note.no_groups": "geen respondenten in een doelgroep: uitkomsten zijn niet gewogen",
        "note.no_group_votes": "geen stemmen uit een doelgroep: uitkomsten zijn niet gewogen",
        "note.outside": "respondenten buiten de doelgroepen ({count}) tellen alleen mee in de "
        "ongewogen uitkomsten",
        "note.outside_left_out": "respondenten buiten de doelgroepen (n<{minimum}) tellen in "
        "geen enkele uitkomst mee",
        "report.title": "Gedeelde en specifieke behoeften",
        "report.title.family": "Gedeelde en specifieke behoeften, per familie van doelgroepen",
        "brief.title": "Notitie voor de stuurgroep",
        "brief.glance": "In het kort",
        "brief.contents": "Inhoud",
        "brief.advice": "Vorm van het platform",
        "brief.first_phase": "{phase}: {needs}.",
        "brief.more": "en nog {count}",
        "brief.survey": "{title}: {count} van de {tasks} taken krijgen {pct} van de stemmen van "
        "{respondents} respondenten.",
        "brief.survey.one": "{title}: 1 van de {tasks} taken krijgt {pct} van de stemmen van "
        "{respondents} respondenten.",
        "brief.top_tasks": "Meest gekozen: {tasks}.",
        "index.brief": "Notitie voor de stuurgroep",
        "report.advice": "Aanbevolen vorm van de digitale werkomgeving",
        "report.advice_text": "{share} van de gewogen vraag betreft behoeften die minstens {k} "
        "van de {n} cirkels delen (universeel platform vanaf {u}, landschap onder {l}). Op het "
        "gedeelde platform: {shared_needs}; in toepassingen of kanalen per groep: {specific}.",
        "report.advice_text.one": "Met één cirkel telt elke behoefte als gedeeld: {share} van "
        "de gewogen vraag (universeel platform vanaf {u}, landschap onder {l}). Op het gedeelde "
        "platform: {shared_needs}; in toepassingen of kanalen per groep: {specific}.",
        "count.needs": "{n} behoeften",
        "count.needs.one": "1 behoefte",
        "count.interviews": "{n} gesprekken",
        "count.interviews.one": "1 gesprek",
        "count.people": "{n} mensen",
        "count.people.one": "1 persoon",
        "count.groups": "{n} doelgroepen",
        "count.groups.one": "1 doelgroep",
        "count.texts": "{n} teksten",
        "count.texts.one": "1 tekst",
        "count.phases": "{n} fasen",
        "count.phases.one": "1 fase",
        "count.searches": "{n} zoekopdrachten",
        "count.searches.one": "1 zoekopdracht",
        "count.logs": "{n} logs",
        "count.logs.one": "1 log",
        "count.votes": "{n} stemmen",
        "count.votes.one": "1 stem",
        "count.families": "{n} families van doelgroepen",
        "count.families.one": "1 familie van doelgroepen",
        "count.personas": "{n} persona's",
        "count.personas.one": "1 persona",
        "count.files": "{n} bestanden",
        "count.files.one": "1 bestand",
        "report.alt": "{drawing} van de behoeften van {units}: welke ze delen en welke alleen "
        "de hunne zijn. De behoeftentabel zet ze per gebied op een rij.",
        "report.alt.venn": "Overlappende cirkels",
        "report.alt.upset": "Een UpSet-matrix",
        "tt.rank": "Rang",
        "tt.task": "Taak",
        "tt.swipe": "Schuif de tabel opzij voor de kolommen per groep \u2192",
        "tt.votes": "Stemmen",
        "tt.share": "Aandeel",
        "tt.weighted": "Gewogen",
        "tt.cumulative": "Cumulatief",
        "tt.coverage": "In {pct}-set",
        "tt.title": "Toptaken: {title}",
        "tt.summary": "{respondents} respondenten, {votes} stemmen op {tasks} taken; "
        "{order} aandelen.",
        "tt.order.weighted": "gewogen",
        "tt.order.unweighted": "ongewogen",
        "tt.coverage_line": "{count} van de {tasks} taken krijgen {pct} van de stemmen.",
        "tt.coverage_line.one": "1 van de {tasks} taken krijgt {pct} van de stemmen.",
        "tt.neck_line": "De lange nek: {count} taken krijgen een kwart van de stemmen.",
        "tt.neck_line.one": "De lange nek: één taak krijgt een kwart van de stemmen.",
        "tt.weights": "Gewichten (aandeel in populatie / aandeel in respons)",
        "tt.w.sheet": "Gewichten",
        "tt.w.group": "Groep",
        "tt.w.respondents": "Respondenten",
        "tt.w.headcount": "Mensen",
        "tt.w.response": "Respons",
        "tt.w.weight": "Gewicht",
        "tt.w.note": "Respons is het aantal respondenten van de groep als deel van haar "
        "mensen; een gewicht boven 1 telt elke stem van de groep zwaarder, om een lage respons "
        "goed te maken.",
        "tt.suppressed": "n<{n}",
        "tt.suppressed_note": "Groepen met minder dan {n} respondenten worden niet getoond "
        "(n<{n}); waar één groep uit het totaal af te leiden zou zijn, is ook een tweede "
        "verborgen.",
        "tt.disagree": "Waar groepen het meest verschillen",
        "tt.group_tops": "De {n} taken die elke groep het vaakst koos",
        "tt.held_again": "Opnieuw gehouden: {later} herhaalt deze enquête, en de stemmen "
        "daarvan zijn nu het bewijs voor behoeften, niet deze.",
        "tt.held_again_hint": "Wat er sindsdien veranderde, in {later}:",
        "tt.compare_hint": "Wat er veranderde sinds {before}, de ronde die deze enquête "
        "herhaalt:",
        "tt.spread": "{task}: {points} procentpunt verschil ({high} het hoogst, {low} het laagst)",
        "tt.needs": "Bewijs voor behoeften",
        "tt.sheet": "Toptaken",
        "tt.per_group_part": "Aandeel van de stemmen per groep ({part} van {parts})",
        "tt.per_group": "Aandeel van de stemmen per groep",
        "tt.chart.neck": "De lange nek van de toptaken",
        "tt.chart.share": "Aandeel van de stemmen",
        "tt.chart.cumulative": "Cumulatief aandeel",
        "tt.chart.neck_label": "lange nek ({count} taken, {pct})",
        "tt.chart.neck_label.one": "lange nek (één taak, {pct})",
        "tt.chart.cover_label": "{count} taken = {pct}",
        "tt.chart.cover_label.one": "1 taak = {pct}",
        "tt.chart.groups": "Toptaken per groep (aandeel van de stemmen van de groep)",
        "tt.alt.neck": "{title}: de {tasks} taken als balken naar hun aandeel van de "
        "stemmen, het grootste eerst, met het cumulatieve aandeel als lijn. {neck} De "
        "ranglijst noemt elke taak.",
        "tt.alt.groups": "{title}: de {tasks} meest gekozen taken tegen {groups}, in elke cel "
        "het aandeel van de stemmen van die groep, donkerder voor meer. De ranglijst noemt "
        "elke taak.",
        "tt.chart.tasks": "Taken op rang",
        "tc.title": "Toptaken vergeleken: {title} tegenover {before}",
        "tc.title.group": "Toptaken van {group} vergeleken: {title} tegenover {before}",
        "tc.sheet": "Vergeleken",
        "tc.rank_before": "Rang eerder",
        "tc.share_before": "Aandeel eerder",
        "tc.change": "Verschil (procentpunten)",
        "tc.new": "nieuw",
        "tc.dropped": "vervallen",
        "tc.summary": "{title}: {respondents} respondenten; {before}: {before_respondents} "
        "respondenten; {order} aandelen.",
        "tc.new_note": "{n} taken stonden niet in de eerdere enquête (nieuw).",
        "tc.new_note.one": "1 taak stond niet in de eerdere enquête (nieuw).",
        "tc.dropped_note": "{n} taken staan niet in de latere enquête (vervallen).",
        "tc.dropped_note.one": "1 taak staat niet in de latere enquête (vervallen).",
        "tc.lists_differ": "De takenlijsten van de enquêtes verschillen, dus het aandeel in de "
        "ene is van andere taken dan in de andere: vergelijk rangen en aandelen met zorg.",
        "tc.moved.both": "Vergeleken met {before}: \u201c{up}\u201d steeg het meest "
        "({up_points}\u00a0procentpunt), \u201c{down}\u201d daalde het meest ({down_points}).",
        "tc.moved.up": "Vergeleken met {before}: \u201c{up}\u201d steeg het meest "
        "({up_points}\u00a0procentpunt); het aandeel van geen taak daalde.",
        "tc.moved.down": "Vergeleken met {before}: \u201c{down}\u201d daalde het meest "
        "({down_points}\u00a0procentpunt); het aandeel van geen taak steeg.",
        "tc.moved.none": "Vergeleken met {before}: het aandeel van geen taak veranderde.",
        "tc.chapter": "Toptaken sinds {before}",
        "tc.chart.title": "Toptaken toen en nu",
        "tc.chart.title.group": "Toptaken van {group} toen en nu",
        "tc.chart.subtitle": "{tasks} taken in de volgorde van de latere enquête; {order} aandelen",
        "tc.alt": "{chart}: {tasks} taken in de volgorde van {title}, elk met het "
        "aandeel in {before} (open cirkel) en in {title} (gevulde cirkel), de lijn "
        "ertussen blauw waar het aandeel steeg en oranje waar het daalde, en het verschil in "
        "procentpunten. De tabel noemt elke taak.",
        "tc.groups.title": "Wat per doelgroep het meest veranderde",
        "tc.groups.sheet": "Doelgroepen",
        "tc.groups.group": "Doelgroep",
        "tc.groups.respondents": "Respondenten",
        "tc.groups.respondents_before": "Respondenten eerder",
        "tc.groups.up": "Steeg het meest",
        "tc.groups.down": "Daalde het meest",
        "tc.groups.note": "Elke groep met het aandeel in haar eigen stemmen, ongewogen: hoe "
        "minder respondenten, hoe meer haar aandelen door toeval bewegen. Een groep is "
        "vergeleken waar beide enquêtes haar tonen.",
        "tc.groups.line": "{group} ({now}; eerder {before})",
        "tc.groups.legend": "\u25b2 steeg het meest, \u25bc daalde het meest, in procentpunten",
        "tc.groups.line.still": "geen aandeel veranderde",
        "tc.groups.line.not_compared": "niet in beide enquêtes getoond",
        "tc.groups.hidden_note": "n<{n}: minder dan {n} respondenten in die enquête (of "
        "verborgen zodat een kleine groep niet af te leiden is); \u2013: geen respondenten "
        "als deze groep geteld.",
        "qs.quotes": "Citaten",
        "qs.groups": "Groepen",
        "qs.needs": "Behoeften",
        "qs.name": "naam",
        "qs.title": "titel",
        "qs.kind": "soort",
        "qs.pick_group": "Kies een groep uit de lijst (het blad Groepen heeft ze), of typ de "
        "id. Een gesprek heeft hem op maar één van zijn rijen nodig.",
        "qs.pick_interview": "Kies het gesprek waar dit citaat uit komt, of typ de naam van een "
        "nieuw gesprek: de groep en datum hoeven maar op één van zijn rijen te staan.",
        "qs.participants": "Schrijf hoeveel mensen meededen: 1, of meer bij een focusgroep.",
        "index.title": "Rapporten van dit onderzoek",
        "index.built": "bijgewerkt op {date}",
        "index.overlap": "Gedeelde en specifieke behoeften",
        "index.toptasks": "Toptaken",
        "index.files": "Overige bestanden",
        "index.about.brief": "Eén document voor de stuurgroep: het onderzoek in één oogopslag, "
        "de platformvorm, de roadmap en waarom de eerste behoeften voorgaan.",
        "index.about.overlap": "Welke behoeften de groepen delen en welke alleen van henzelf "
        "zijn: het diagram, de behoeftentabel en de platformvorm die daaruit volgt.",
        "index.about.toptasks": "Wat de respondenten het vaakst kozen: de lange nek, de minste "
        "taken die de meeste stemmen dekken, en de ranglijst per groep.",
        "index.about.questions": "De vragen en opties van elke enquête, om haar in het "
        "programma te maken en af te stemmen voor ze gehouden wordt; de uitkomsten komen hier "
        "zodra haar export is geïmporteerd.",
        "index.about.personas": "Elke persona met de groep, doelen, belangrijkste behoeften en "
        "het bewijs daarvoor.",
        "index.about.roadmap": "De behoeften op score in de fasen van het onderzoek, met hun "
        "bewijs en inspanning.",
        "index.about.interviews": "Gesprekshandleidingen voor de volgende gesprekken, en wat de "
        "gesprekken tot nu toe over elke behoefte zeggen.",
        "index.about.searches": "Waar mensen naar zochten, bij welke behoeften de zoektermen "
        "horen, en wat niets opleverde.",
        "index.about.files": "",
        "index.entry.brief": "De notitie",
        "index.entry.personas": "De persona's, één per pagina",
        "index.entry.roadmap": "De roadmap",
        "index.entry.interviews": "Wat de gesprekken zeggen",
        "index.entry.searches": "Wat de zoektermen zeggen",
        "index.entry.guides": "Gesprekshandleidingen, alle groepen",
        "index.entry.guide": "Gesprekshandleiding: {group}",
        "index.entry.overlap.groups": "Overzicht: doelgroepen",
        "index.entry.overlap.families": "Overzicht: families van doelgroepen",
        "index.entry.needs.groups": "Behoeftentabel: doelgroepen",
        "index.entry.needs.families": "Behoeftentabel: families van doelgroepen",
        "index.entry.diagram.groups": "Diagram: doelgroepen",
        "index.entry.diagram.families": "Diagram: families van doelgroepen",
        "index.entry.chart.neck": "Grafiek: de lange nek ({survey})",
        "index.entry.questions": "De vragen, om de enquête te maken: {survey}",
        "index.entry.chart.groups": "Grafiek: toptaken per groep ({survey})",
        "index.entry.compare": "Vergeleken met de eerdere enquête: {survey}",
        "index.entry.toptasks.earlier": "{survey} (sindsdien opnieuw gehouden)",
        "index.entry.chart.compare": "Grafiek: toptaken toen en nu ({survey})",
        "index.format.page": "Pagina",
        "index.format.page.tip": "een webpagina, om op het scherm te lezen of als één bestand te "
        "versturen",
        "index.format.pdf": "PDF",
        "index.format.pdf.tip": "om te printen of te versturen",
        "index.format.md": "Markdown",
        "index.format.md.tip": "tekst, voor een wiki, een issue of een e-mail",
        "index.format.xlsx": "Excel",
        "index.format.xlsx.tip": "een spreadsheet, om te sorteren en te filteren",
        "index.format.csv": "CSV",
        "index.format.csv.tip": "kale gegevens, voor andere programma's",
        "index.format.svg": "SVG",
        "index.format.svg.tip": "een tekening die op elk formaat scherp blijft, voor dia's en "
        "documenten",
        "index.format.png": "PNG",
        "index.format.png.tip": "een afbeelding, voor dia's en e-mail",
        "index.personas": "Persona's",
        "index.roadmap": "Roadmap",
        "index.interviews": "Gesprekken",
        "rm.title": "Roadmap: {name}",
        "rm.summary": "{planned} van {needs} behoeften gepland in {phases}",
        "rm.summary.decided": "{summary}, waarvan {decided} zoals besloten",
        "rm.load": "{used} van {capacity} punten",
        "rm.load.open": "{used} punten",
        "rm.order": "#",
        "rm.phase": "Fase",
        "rm.score": "Score",
        "rm.demand": "Vraag",
        "rm.votes": "Stemmen",
        "rm.factor": "Bewijs",
        "rm.effort": "Omvang",
        "rm.after": "Na",
        "rm.more": "Nog {count} behoeften, in de tabel hieronder",
        "rm.decided": "besloten",
        "rm.rule_decided": "Een behoefte met een fase in needs.yaml staat in die fase, wat haar "
        "score ook is (de stuurgroep besloot het), en waar ze van afhangt staat niet later.",
        "rm.needed_by": "Naar voren voor",
        "rm.interviews": "Gesprekken",
        "rm.interviews_note": "Gesprekken: \u2713 ondersteund in, \u2717 betwijfeld in zoveel "
        "gesprekken (het gespreksrapport toont de groepen en citaten); getoond naast de score, "
        "geen deel ervan.",
        "rm.unplanned": "Past in geen fase",
        "rm.unplanned_hint": "Verhoog de capaciteit van een fase in study.yaml (roadmap.phases), "
        "voeg een fase zonder capaciteit toe of splits de behoefte.",
        "rm.empty": "niets gepland",
        "rm.table": "Waarom deze volgorde",
        "rm.sheet": "Roadmap",
        "rm.changes": "Wijzigingen sinds {since}",
        "rm.changes_sheet": "Wijzigingen",
        "rm.change": "Wijziging",
        "rm.was_in": "Stond in",
        "rm.now_in": "Staat nu in",
        "rm.score_then": "Score toen",
        "rm.score_now": "Score nu",
        "rm.change.earlier": "eerder",
        "rm.change.later": "later",
        "rm.change.new": "nieuw",
        "rm.change.dropped": "vervallen",
        "rm.unchanged": "{count} behoeften blijven in hun fase.",
        "rm.unchanged.one": "1 behoefte blijft in haar fase.",
        "rm.unchanged.all": "Elke behoefte blijft in haar fase.",
        "rm.unchanged.none": "Geen behoefte blijft in haar fase.",
        "rm.changes_rule": "Een fase met hetzelfde id in beide planningen is dezelfde fase; "
        "andere worden vergeleken op hun plaats in de volgorde, dus een hernoemde fase is "
        "dezelfde fase. Een nieuwe behoefte is nieuw in het onderzoek, een vervallen behoefte "
        "is eruit verdwenen.",
        "brief.changes": "Wijzigingen",
        "demo.before_surveys": "de planning vóór het toptakenonderzoek",
        "demo.earlier_run": "Verzonnen door needmap demo: hetzelfde onderzoek twee jaar "
        "eerder, om te laten zien wat er sindsdien veranderde.",
        "why.groups": "Wie heeft het nodig",
        "why.not_heard": "Geen gesprek gaat erover.",
        "why.no_groups": "Nog geen groep heeft het nodig: het valt in geen gebied en heeft geen "
        "vraag.",
        "why.first_title": "Waarom deze behoeften eerst komen",
        "why.one_title": "Waarom deze behoefte staat waar ze staat",
        "why.first_summary": "de {count} behoeften van {phase}, elk met de redenen en het bewijs",
        "why.first_summary.one": "de ene behoefte van {phase}, met de redenen en het bewijs",
        "why.roadmap": "Waar de roadmap het plaatst",
        "why.evidence": "Bewijs",
        "why.personas": "Belangrijke behoefte van de persona's",
        "why.shared": "Nodig voor {count} van de {groups} groepen: {share} van de gewogen "
        "vraag; gebied {region}; hoort op: {placement}.",
        "why.not_searched": "In de zoeklogs zocht niemand ernaar.",
        "why.place": "{phase}: nummer {rank} van {needs} in de planning.",
        "why.score": "Score {score} = vraag {demand} \u00d7 bewijsfactor {factor} \u00f7 "
        "{points} omvangpunten.",
        "why.raised": "Gepland met een prioriteit van {priority}: de score van wat ervan afhangt "
        "({needs}).",
        "why.decided": "Besloten voor {phase} (phase: {id} in needs.yaml), wat de score ook is.",
        "why.due": "Niet later gepland dan {phase}: behoeften die daarvoor besloten zijn hangen "
        "ervan af ({needs}).",
        "why.after": "Komt na: {needs}.",
        "why.full": "Niet eerder: te weinig ruimte toen deze behoefte aan de beurt was "
        "({rooms}); ze vraagt {points} punten.",
        "why.full_unplanned": "In geen fase: te weinig ruimte toen deze behoefte aan de beurt "
        "was ({rooms}); ze vraagt {points} punten.",
        "why.room_left": "{phase}: nog {points} punten over",
        "why.room_left.one": "{phase}: nog 1 punt over",
        "why.room_none": "{phase}: vol",
        "why.no_task": "{survey}: geen taak van het onderzoek dient deze behoefte.",
        "why.weighted": "; gewogen {share}",
        "why.votes": "{survey}: {votes} ({share} van alle stemmen) voor de taken: {tasks}.",
        "why.since": "Sinds {before}: toen {then} van alle stemmen, nu {now} ({change}\u00a0"
        "procentpunt).",
        "why.since.other_tasks": "Sinds {before}: niet vergeleken, want in die enquête dienden "
        "andere taken haar.",
        "why.no_surveys": "Nog geen toptakenonderzoek ingelezen.",
        "why.no_interviews": "Geen gesprekken die getoond mogen worden.",
        "why.heard": "Gesprekken: ondersteund in {supported}, betwijfeld in {questioned}.",
        "why.more_quotes": "en nog {count} citaten (needmap interviews DIR).",
        "why.more_quotes.one": "en nog 1 citaat (needmap interviews DIR).",
        "why.no_searches": "Geen zoeklogs.",
        "why.searched": "Zoekopdrachten: {searches}, waarvan {none} niets vonden.",
        "why.searched_untold": "Zoekopdrachten: {searches} (de logs zeggen niet hoeveel er "
        "niets vonden).",
        "why.searched_part": "Zoekopdrachten: {searches}; van de {told} in de logs die het "
        "zeggen, vonden er {none} niets.",
        "why.gap": "Een leemte in de inhoud.",
        "why.terms": "Gezocht als: {terms}.",
        "rm.since": "Sinds {since}",
        "rm.rule": "Score = aandeel in de vraag (aantal mensen \u00d7 belang) "
        "\u00d7 bewijsfactor \u00f7 "
        "omvangpunten. Bewijsfactor: het aandeel van de behoefte in de toptaakstemmen tegenover "
        "dat van de gemiddelde behoefte, tussen 0,5 en 2; 1 zonder stemmen. Behoeften gaan op "
        "volgorde van score in de vroegste fase met ruimte, nooit vóór waar ze van afhangen; een "
        "behoefte waar andere van afhangen krijgt hun score als die hoger is.",
        "rm.on.shared": "gedeeld platform",
        "rm.on.specific": "per groep",
        "rm.platform": "Platform",
        "rm.platform_line": "{form}; {shared} op het gedeelde platform, {specific} in "
        "toepassingen of kanalen per groep.",
        "rm.no_surveys": "Geen toptakenonderzoek ingelezen: elke bewijsfactor is 1.",
        "rm.surveys": "Stemmen uit: {surveys}.",
        "note.over_capacity": "{phase} bevat {points} punten, meer dan de capaciteit van "
        "{capacity}: de behoeften die ervoor besloten zijn en waar ze van afhangen vragen meer",
        "note.effort_unknown": "geen omvang opgegeven voor {needs}: geteld als m",
        "p.title": "Persona's",
        "p.summary": "{count} persona's uit {groups}",
        "p.summary.one": "Eén persona",
        "p.people": "{count} mensen",
        "p.goals": "Doelen",
        "p.frustrations": "Frustraties",
        "p.scenarios": "Scenario's",
        "p.devices": "Apparaten",
        "p.places": "Werkplekken",
        "p.quotes": "In eigen woorden",
        "p.needs": "Belangrijkste behoeften",
        "p.importance": "Voor de groep",
        "p.not_listed": "niet genoemd",
        "p.shared_by": "Groepen",
        "p.shared_count": "{count} van {total}",
        "p.where": "Waar",
        "p.when": "Wanneer",
        "p.votes": "Stemmen {survey}",
        "p.respondents": "{count} respondenten uit deze groep. Hun toptaken:",
        "p.respondents_together": "{count} respondenten uit {groups} samen (het onderzoek "
        "vroeg niet welke). Hun toptaken:",
        "p.no_respondents": "Niemand uit deze groep heeft dit onderzoek ingevuld.",
        "p.hidden": "Niet getoond: minder dan {n} respondenten uit deze groep (n<{n}), of "
        "verborgen zodat een kleinere groep niet af te leiden is.",
        "p.share_hint": "Stemmen: het aandeel van de stemmen van de groep voor de taken die bij "
        "de behoefte horen.",
        "p.searches_hint": "Zoekopdrachten: hoe vaak de zoeklogs naar de behoefte zochten, "
        "over alle zoekers (zoeklogs kennen geen groepen); 'leemte' markeert veel "
        "zoekopdrachten zonder resultaat.",
        "p.interviews": "Uit de gesprekken",
        "p.iv.own": "{interviews} met {participants} uit deze groep. "
        "Gesprekken: \u2713 ondersteund in, \u2717 betwijfeld in zoveel.",
        "p.iv.pooled": "Aan de gesprekken met deze groep deden minder dan {n} mensen mee; ze "
        "tellen samen met andere kleine groepen: zie het gespreksrapport.",
        "p.iv.hidden": "Niet getoond: minder dan {n} deelnemers aan gesprekken uit deze groep, "
        "ook samen met de andere kleine groepen (n<{n}).",
        "p.iv.none": "Met deze groep is nog niet gesproken.",
        "p.persona": "Persona",
        "p.role": "Rol",
        "p.group": "Groep",
        "p.about": "Over de groep",
        "p.summary_col": "Samenvatting",
        "p.needs_sheet": "Belangrijkste behoeften",
        "iv.title": "Gesprekken: {name}",
        "iv.summary": "{interviews} met {participants}",
        "iv.other": "Overige groepen",
        "iv.bucket": "{name} (n={n})",
        "iv.verdict.supported": "ondersteund",
        "iv.verdict.questioned": "betwijfeld",
        "iv.verdict.mixed": "wisselend",
        "iv.verdict": "Oordeel",
        "iv.supports": "Ondersteund in",
        "iv.questions": "Betwijfeld in",
        "iv.unlisted": "Genoemd door, niet opgenomen voor",
        "iv.table": "Behoeften in de gesprekken",
        "iv.sheet": "Gesprekken",
        "iv.per_group_part": "Gesprekken per groep ({part} van {parts})",
        "iv.per_group": "Gesprekken per groep",
        "iv.rule": "Tellingen zijn gesprekken: een gesprek telt eenmaal per behoefte, hoeveel "
        "citaten de behoefte ook ondersteunen (of betwijfelen).",
        "iv.marks": "Per groep: \u2713 ondersteund, \u2717 betwijfeld.",
        "iv.pooled": "Groepen met minder dan {n} deelnemers aan gesprekken tellen samen als "
        "'overige groepen': {groups}.",
        "iv.hidden": "Niet getoond: gesprekken met {groups} (samen minder dan {n} deelnemers, "
        "n<{n}).",
        "iv.unlisted_note": "'Genoemd door, niet opgenomen voor': groepen die de behoefte in "
        "gesprekken ondersteunen, terwijl de behoefte hen niet bij haar groepen noemt; overweeg "
        "hen toe te voegen.",
        "iv.unlisted_list": "Ondersteund door groepen die de behoefte niet noemt (overweeg hen "
        "toe te voegen): {needs}.",
        "iv.no_evidence": "{count} behoeften hebben nog geen bewijs uit gesprekken.",
        "iv.no_evidence.one": "1 behoefte heeft nog geen bewijs uit gesprekken.",
        "iv.not_interviewed": "Nog niet gesproken: {groups}. needmap guide bereidt een gesprek "
        "met een groep voor.",
        "iv.none": "Nog geen gesprekken in interviews/ (zie docs/interviews.md).",
        "iv.none.unread": "Nog geen gesprekken in interviews/: needmap leest {path} niet, "
        "wel als {target}.",
        "iv.quotes": "Citaten",
        "iv.signal.supports": "ondersteunt",
        "iv.signal.questions": "betwijfelt",
        "index.searches": "Zoektermen",
        "read.sheet": "blad '{sheet}'",
        "read.utf8_bom": "UTF-8 met BOM",
        "read.semicolon": "gescheiden door puntkomma's",
        "read.comma": "gescheiden door komma's",
        "read.tab": "gescheiden door tabs",
        "read.other": "gescheiden door '{delimiter}'",
        "read.declared": "zoals de regel sep= zegt",
        "read.notes_lines": "kop onder {n} regels met notities",
        "read.notes_lines.one": "kop onder 1 regel met notities",
        "read.notes_rows": "kop onder {n} rijen met notities",
        "read.notes_rows.one": "kop onder 1 rij met notities",
        "read.doubled": "elk regeleinde dubbel: de lege regel na elke rij overgeslagen",
        "read.empty_before": "de {n} bladen ervoor leeg",
        "read.empty_before.one": "het blad ervoor leeg",
        "sl.title": "Zoektermen: {name}",
        "sl.summary": "{searches} in {logs}; {matched} ({share}) over een behoefte",
        "sl.summary_none": "; {none} vonden niets",
        "sl.summary_none_part": "; van de {told} in logs die het zeggen, vonden er {none} niets",
        "sl.exports": "{count} exports, {first} t/m {last}; de eerste: ",
        "sl.table": "Behoeften waarnaar gezocht is",
        "sl.sheet": "Zoekopdrachten",
        "sl.searches": "Zoekopdrachten",
        "sl.share": "Aandeel",
        "sl.no_results": "Niets gevonden",
        "sl.gap": "Ontbrekende content",
        "sl.gap_mark": "leemte",
        "sl.terms": "Meest gezochte termen",
        "sl.more_terms": "{count} zeldzamere",
        "sl.more_unused": "nog {count}",
        "sl.unmatched": "Gezocht, maar bij geen behoefte",
        "sl.unmatched_sheet": "Termen zonder behoefte",
        "sl.term": "Zoekterm",
        "sl.logs": "Logs",
        "sl.log_line": "{title}: {searches}",
        "sl.without_term": "; {searches} zonder zoekterm niet meegeteld (leeg, of '(not set)')",
        "sl.rule": "Een zoekopdracht telt voor elke behoefte waarvan een onderwerp bij de term "
        "past; hoofdletters, accenten en spaties tellen niet mee. Termen die minder dan {n} keer "
        "gezocht zijn, of persoonsgegevens bevatten, tellen mee in de cijfers maar worden niet "
        "getoond.",
        "sl.gap_rule": "{title}: een behoefte is een leemte vanaf {n} zoekopdrachten zonder "
        "resultaat.",
        "sl.no_results_column": "{title} zegt niet hoeveel resultaten een zoekopdracht vond, en "
        "markeert dus geen leemtes.",
        "sl.unmatched_note": "Vaak gezocht, maar bij geen behoefte: voeg de termen toe aan een "
        "onderwerp in analytics/, of een behoefte aan de studie.",
        "sl.unmatched_hidden": "{count} zeldzamere termen horen bij geen behoefte en worden niet "
        "getoond.",
        "sl.unmatched_hidden.one": "1 zeldzamere term hoort bij geen behoefte en wordt niet "
        "getoond.",
        "sl.no_evidence": "Naar {count} behoeften is niet gezocht.",
        "sl.unused": "{title}: deze termen van onderwerpen vonden geen enkele zoekopdracht "
        "(verkeerd gespeld, of niemand zocht erop): {terms}.",
        "sl.elsewhere": "{title}: zoekopdrachten op termen die de onderwerpen van een ander log "
        "aan een behoefte geven en die van dit log niet, zodat ze voor geen behoefte tellen: "
        "{terms}. Voeg ze toe aan de onderwerpen van dit log.",
        "sl.no_evidence.one": "Naar 1 behoefte is niet gezocht.",
        "sl.none": "Nog geen zoeklogs in analytics/ (zie docs/search-logs.md).",
        "sl.none.unread": "Nog geen zoeklogs in analytics/: needmap leest {path} niet, "
        "wel als {target}.",
        "rm.searches": "Zoekopdrachten",
        "rm.searches_note": "Zoekopdrachten: hoe vaak de zoeklogs naar de behoefte zochten; "
        "'leemte' markeert veel zoekopdrachten zonder resultaat. Staat naast de score, telt er "
        "niet in mee.",
        "guide.title": "Gespreksleidraad: {name}",
        "guide.all_title": "Gespreksleidraden",
        "guide.interviewed": "Tot nu toe gesproken: {people} in {interviews}.",
        "guide.interviewed_few": "Tot nu toe gesproken: minder dan {n} mensen (niet getoond).",
        "guide.not_interviewed": "Nog niet gesproken.",
        "guide.too_few": "De groep telt minder mensen ({people}) dan het minimum van {n}: wat "
        "zij zeggen wordt nooit als deze groep getoond, alleen samen met andere kleine groepen "
        "of in totalen. Zeg hun dat.",
        "guide.personas": "Persona's in deze groep",
        "guide.no_personas": "Nog geen persona's voor deze groep (personas.yaml).",
        "guide.questions": "Open vragen",
        "guide.question.1": "Neem me mee door een gewone werkdag: waar werk je, en met welke "
        "apparaten?",
        "guide.question.2": "Welke informatie zoek je het vaakst? Waar vind je die nu, en hoe "
        "lang duurt dat?",
        "guide.question.3": "Welke taken doe je op het intranet of in andere applicaties? "
        "Welke kosten te veel tijd of gaan mis?",
        "guide.question.4": "Wat vraag je nu aan collega's, telefonisch of op papier, dat je "
        "liever zelf zou vinden?",
        "guide.question.5": "Als er morgen één ding beter zou zijn, wat zou dat moeten zijn?",
        "guide.needs": "Behoeften van de groep",
        "guide.ask": "Behoeften nog zonder bewijs: vraag ernaar",
        "guide.ask_intro": "Vraag bij elk: hoe doe je dit nu, hoe vaak, en wat gaat er mis?",
        "guide.check": "Behoeften met bewijs tot nu toe: toets het",
        "guide.check_intro": "Klopt wat tot nu toe gezegd, gekozen of gezocht is voor deze "
        "groep?",
        "guide.said": "Eerder gezegd in gesprekken met deze groep",
        "guide.said_intro": "Vraag of het nog klopt, en voor wie.",
        "guide.said_more": "Nog {count} in needmap interviews.",
        "guide.no_needs": "Nog geen behoefte noemt deze groep (needs.yaml): de open vragen "
        "zijn de leidraad.",
        "guide.heard": "gesprekken {heard}",
        "guide.votes": "{share} van de stemmen",
        "guide.others": "Behoeften van andere groepen om na te gaan",
        "guide.others_intro": "Genoemd voor andere groepen in {family}, niet voor deze: heeft "
        "deze groep ze ook nodig?",
        "guide.other": "{count} van de {others} andere groepen",
        "guide.other.all": "alle {others} andere groepen",
        "guide.other.only": "de andere groep",
        "guide.all_groups": "het onderzoek",
        "guide.survey": "Wat het toptakenonderzoek zegt",
        "guide.no_surveys": "Nog geen toptakenonderzoek ingelezen.",
        "guide.not_asked": "{survey}: deze groep is niet gevraagd.",
        "guide.hidden": "{survey}: minder dan {n} respondenten uit deze groep (of verborgen "
        "zodat een kleine groep niet te herleiden is): niet getoond.",
        "guide.top": "{survey}, {respondents} respondenten uit deze groep; het vaakst "
        "gekozen: {tasks}.",
        "guide.top_together": "{survey}, {respondents} respondenten uit {groups} samen (het "
        "onderzoek vroeg niet welke); het vaakst gekozen: {tasks}.",
        "guide.record": "Vastleggen",
        "guide.record_intro": "Bewaar als interviews/{id}.yaml (needmap guide --record "
        "schrijft het), of voeg het toe aan een bestand daar. Koppel elk citaat aan de "
        "behoeften die het ondersteunt of betwijfelt, en schrijf geen namen; needmap validate "
        "controleert het.",
        "guide.quote_text": "Wat er gezegd is, in hun woorden",
        "guide.replace": "vervang [] door de citaten, zoals hieronder",
        "guide.supports": "de behoeften die het ondersteunt",
        "guide.casts_doubt": "de behoeften die het betwijfelt",
        "iv.more_in_file": "Per groep, en de citaten: {command} (of .md, .xlsx)",
        "status.next_steps": "Volgende stappen",
        "init.created": "Onderzoek gemaakt in {folder} uit sjabloon '{template}': {counts}.",
        "init.step.groups": "Stem de doelgroepen af op de organisatie (voeg samen, splits of "
        "hernoem):",
        "init.step.validate": "Bewerk de YAML-bestanden, en controleer ze:",
        "init.step.serve": "Tijdens het bewerken de rapporten in de browser, na elke opslag "
        "vernieuwd:",
        "init.step.guide": "Voor de gesprekken, een gespreksleidraad per groep:",
        "init.step.questions": "Voor het toptakenonderzoek, de vragen om de enquête mee te bouwen:",
        "init.step.status": "Waar het onderzoek staat, en wat er nu te doen is:",
        "init.step.build": "Alle rapporten, om te delen:",
        "status.nothing_waits": "Er wacht niets. Schrijf alle rapporten: {command}",
        "status.more": "{shown} en nog {more}",
        "status.unread": "Verplaats {moves}: needmap leest ze alleen daar; tot dan ontbreekt "
        "wat erin staat in elk rapport.",
        "status.one_group": "Voeg de andere doelgroepen van de organisatie toe aan groups.yaml: "
        "met één groep ({group}) valt er niets te vergelijken, dus telt elke behoefte als "
        "gedeeld, en volgt de vorm van het platform alleen daaruit.",
        "status.unheard": "Voer gesprekken met {groups}: nog niemand gesproken.",
        "status.pooled": "Spreek meer mensen van {groups}: nog minder dan {minimum} per groep, "
        "dus hun gesprekken tellen alleen samen met die van andere kleine groepen.",
        "status.pooled.one": "Spreek meer mensen van {groups}: nog minder dan {minimum}, dus "
        "hun gesprekken tellen alleen samen met die van andere kleine groepen.",
        "status.too_few": "{group} telt minder mensen ({people}) dan het minimum van {minimum} "
        "(privacy.min_group_size): hoeveel je er ook spreekt of ondervraagt, geen rapport "
        "toont hun antwoorden als groep, alleen in totalen.",
        "status.too_few.merge_alike": "Voeg de groep samen met de groep die er in behoeften "
        "het meest op lijkt om ze te tonen: {other} ({share} gelijk).",
        "status.too_few.merge": "Voeg de groep samen met een verwante groep (OTHER: de id "
        "daarvan) om ze te tonen.",
        "status.empty": "Vul de citaten in van {interviews} ({files}): elk telt als gehouden, "
        "maar is nog voor geen behoefte bewijs.",
        "status.private": "Haal de e-mailadressen, telefoonnummers en andere persoonsgegevens "
        "uit {texts} van de gesprekken en persona's: de rapporten laten ze weg, maar de "
        "bestanden van het onderzoek bewaren ze.",
        "status.personas": "Beschrijf de persona's van het onderzoek in personas.yaml: er zijn "
        "er nog geen. Een persona is een typische persoon uit een groep, met een rol, doelen, "
        "frustraties en de behoeften die voor die persoon het zwaarst wegen; het "
        "persona-rapport zet elke persona naast het bewijs van de groep (docs/study-format.md).",
        "status.import": "Importeer de export van de enquête '{title}'.",
        "status.not_held": " Wordt die enquête niet gehouden, verwijder dan {file}.",
        "status.questions": "Nog niet gehouden? Maak de enquête '{title}' in het "
        "enquêteprogramma met haar vragen en opties, precies zoals vermeld.",
        "status.unbuilt": "Bouw de rapporten in {folder}: daar staan er nog geen.",
        "status.other_study": "De rapporten in {folder} zijn van een ander onderzoek ({other}); "
        "bouw die van dit onderzoek in zijn eigen map reports/.",
        "status.rebuild": "Bouw de rapporten in {folder} opnieuw: ze zijn van {date}, en de "
        "bestanden van het onderzoek zijn sindsdien gewijzigd.",
        "status.headcount": "Controleer aan welke groep de enquête '{title}' elk antwoord "
        "geeft: {groups} kregen meer respondenten dan hun aantal mensen, waar de weging op "
        "vertrouwt.",
        "status.few_respondents": "Vraag meer mensen van {groups} de enquête '{title}' in te "
        "vullen, als die nog openstaat: elk heeft nog minder dan {minimum} respondenten, dus "
        "geen rapport toont hun toptaken. Importeer daarna de export opnieuw.",
        "status.few_respondents.one": "Vraag meer mensen van {groups} de enquête '{title}' in "
        "te vullen, als die nog openstaat: nog minder dan {minimum} deden dat, dus geen rapport "
        "toont hun toptaken. Importeer daarna de export opnieuw.",
        "status.same_answers": "De enquêtes '{one}' en '{other}' telden dezelfde "
        "antwoorden, uit dezelfde export ({export}), en tellen allebei als bewijs: hun "
        "stemmen tellen dubbel. Zijn ze één enquête, verwijder dan een van de twee mappings "
        "met haar telling.",
        "status.repeat": "De enquêtes '{one}' en '{other}' vragen grotendeels dezelfde taken "
        "({shared} van {tasks}), en tellen allebei als bewijs. Is de ene de andere opnieuw "
        "gehouden, noem dan de eerdere in de mapping van de latere ({one_file} of "
        "{other_file}: earlier: ID): haar stemmen vervangen dan die van de eerdere, en de "
        "rapporten laten zien wat er veranderde. Tegelijk in twee tools gehouden tellen ze "
        "terecht allebei.",
        "status.unlinked": "Koppel {count} van de {tasks} taken van de enquête '{title}' "
        "aan behoeften: hun stemmen zijn nu nergens bewijs voor.",
        "status.elsewhere": "Voeg aan de onderwerpen van het zoeklog '{title}' de termen toe die "
        "een ander log aan een behoefte geeft: {terms}. De zoekopdrachten daarop tellen nog voor "
        "geen behoefte.",
        "status.unmatched_gaps": "Vaak zonder resultaat gezocht, en over geen behoefte: {terms}. "
        "Geef die termen een onderwerp in analytics/, of het onderzoek een behoefte ervoor.",
        "status.over_capacity": "Bekijk opnieuw wat voor {phase} besloten is: met waar het van "
        "afhangt, bevat de fase {points} van {capacity} punten. Besluit een deel voor een latere "
        "fase (phase in needs.yaml), of verhoog de capaciteit van de fase in study.yaml.",
        "status.schemas": "Vernieuw de JSON Schema's in schemas/ ({files}): een oudere "
        "needmap schreef ze, dus je editor toetst de bestanden van de studie aan velden die "
        "veranderd zijn.",
        "status.silent.one": "{needs} van {total} heeft nog geen bewijs (geen stemmen, gesprekken "
        "of zoektermen): vraag ernaar in de gesprekken.",
        "status.silent": "{needs} van {total} hebben nog geen bewijs (geen stemmen, gesprekken of "
        "zoektermen): vraag ernaar in de gesprekken.",
    },
}


_FAMILY_VARIANTS = (
    "diagram.title",
    "upset.bars",
    "upset.sizes",
    "upset.legend.core",
    "upset.legend.single",
    "col.group",
    "col.groups",
    "overlap.regions",
)
"""The labels that say "groups" where the circles are groups; each has a ``.family``
variant that says "families"."""


def labels(language: Language, *, by_family: bool = False) -> Mapping[str, str]:
    """The labels of ``language``; ``by_family``, those of an overlap of families."""
    if not by_family:
        return _LABELS[language]
    words = _LABELS[language]
    return {**words, **{key: words[f"{key}.family"] for key in _FAMILY_VARIANTS}}


def number_key(key: str, count: int) -> str:
    """The label ``key``, or its singular ``key.one`` when ``count`` is 1."""
    return f"{key}.one" if count == 1 else key


def counted(number: int, noun: str, language: Language) -> str:
    """``number`` with its noun in the right number: "1 interview", "3 interviews" (the
    labels ``count.NOUN.one`` and ``count.NOUN``)."""
    words = labels(language)
    if number == 1:
        return words[f"count.{noun}.one"]
    return words[f"count.{noun}"].format(n=format_count(number, language))


def format_count(number: int, language: Language) -> str:
    """A whole number with the language's thousands separator: 4.200 (nl), 4,200 (en)."""
    text = f"{number:,}"
    return text.replace(",", ".") if language == "nl" else text


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}


def format_date(day: date, language: Language) -> str:
    """30 November 2026 (en) or 30 november 2026 (nl): a date as people write it."""
    return f"{day.day} {_MONTHS[language].split()[day.month - 1]} {day.year}"


def format_decimal(number: float, language: Language, places: int = 1) -> str:
    """A number with ``places`` decimals and the language's decimal sign: 2.5 (en), 2,5 (nl).

    Dutch writes a decimal comma and a thousands point (see :func:`format_count`), so a
    point in a Dutch report would read as thousands.
    """
    text = f"{number:.{places}f}"
    return text.replace(".", ",") if language == "nl" else text


def format_percent(share: float, language: Language, places: int = 1) -> str:
    """A share (0.123) as a percentage: 12.3% (en), 12,3% (nl).

    A share above nought that would round to 0% reads <0.1% (<1% with no places), and
    one short of the whole that would round to 100% reads >99.9%: a rounded 0% says
    "none at all", which a region of five needs is not.
    """
    percent = share * 100
    step = 10.0**-places
    if 0 < percent < step / 2:
        return f"<{format_decimal(step, language, places)}%"
    if 100 - step / 2 <= percent < 100:
        return f">{format_decimal(100 - step, language, places)}%"
    return f"{format_decimal(percent, language, places)}%"


def format_points(points: float, language: Language) -> str:
    """Effort points as the roadmap shows them: 8, or 2.5 (2,5 in Dutch)."""
    return str(int(points)) if float(points).is_integer() else format_decimal(points, language)


_NOTE_NUMBERS = frozenset({"points", "capacity"})
"""The values of notes that are numbers written with a decimal point (as the model has no
language), which a Dutch note writes with a comma."""


def sentence_start(text: str) -> str:
    """``text`` with a capital first letter, as it reads at the start of a sentence.

    Dutch capitalises both letters of "ij" ("IJsselland") and writes "één" as "Eén"
    (the accent stays on the second e, the form the templates and most Dutch text use);
    ``str.capitalize`` would also lower the rest ("KCC" to "Kcc").
    """
    if text[:2] == "ij":
        return "IJ" + text[2:]
    if text[:2] == "éé":
        return "Eé" + text[2:]
    return text[:1].upper() + text[1:]


def note_text(note: Note, language: Language) -> str:
    """A model's note in words (JSON output uses English, so its text stays stable)."""
    values = {
        key: value.replace(".", ",") if key in _NOTE_NUMBERS and language == "nl" else value
        for key, value in note.values.items()
    }
    return labels(language)[note.key].format(**values)
