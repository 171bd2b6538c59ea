"""The English words of the reports, by key (:func:`needmap.reports.i18n.labels`).

Every key is in :mod:`needmap.reports.words_nl` too (a test checks it). The file is
laid out by hand, long texts split where they read well: ``ruff format`` leaves it alone.
"""

from collections.abc import Mapping

__all__ = ["WORDS"]

WORDS: Mapping[str, str] = {
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
    "form.also_answers": "Translations of the answers ({count}), each after the answer it "
    "translates: that answer in the survey's other language, not one more option in this "
    "one; the import reads both:",
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
    "report.alt.one": "A circle of the needs of {units}. The needs table lists them.",
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
    "tc.alt.others": "Small grey marks: its share in the survey's other runs ({runs}).",
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
    "tc.trend.title": "Top tasks in all {n} runs of the survey",
    "tc.trend.sheet": "Every run",
    "tc.trend.run": "{title} (n={respondents})",
    "tc.trend.change": "Since the first (points)",
    "tc.trend.note": "Each task's share of the votes in every run, oldest first ({order} "
    "shares), ranked as in the latest; \u2013 where a run did not ask the task. The last "
    "column: the change since {first}.",
    "tc.every_group.title": "Each group's tasks compared",
    "tc.every_group.sheet": "Each group",
    "tc.every_group.note": "Each group's tasks, with their shares of the group's own "
    "votes in both surveys, unweighted (as needmap toptasks --compare shows one group's "
    "with --group). A group is compared where both surveys show it.",
    "tc.every_group.left_out": "Not compared, as a survey hides them (fewer than {n} "
    "respondents, or so that a small group cannot be worked out) or counted nobody as "
    "them: {groups}.",
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
    "demo.earlier_run": "Made up by needmap demo: the same survey {years} years earlier, to "
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
    "why.shared.one": "Needed by the study's one group: {share} of the weighted demand; "
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
    "why.every_run": "In all {count} runs, oldest first: {shares} of all votes ({change}\u00a0"
    "points since {first}).",
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
    "why.per_log": "Per log: {counts}.",
    "why.per_export": "Per export: {counts}.",
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
    "iv.summary.none_shown": "no interviews shown yet (together fewer than {n} people so far, "
    "n<{n})",
    "iv.summary.more_hidden": "{summary}, and more with groups too small to show (n<{n})",
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
    "sl.log_exports": " in {exports} exports, {first} to {last}",
    "sl.without_term": "; {searches} without a term left out (empty, or '(not set)')",
    "sl.rule": "A search counts for every need whose topics match its term; case, accents "
    "and spacing do not matter. Terms searched fewer than {n} times, or holding personal "
    "data, count in the figures but are not shown.",
    "sl.rule.every_term": "A search counts for every need whose topics match its term; case, "
    "accents and spacing do not matter. Terms holding personal data count in the figures but "
    "are not shown.",
    "sl.gap_rule": "{title}: a need is a content gap from {n} searches without results.",
    "sl.no_results_column": "{title} does not say how many results a search found, so it "
    "marks no gaps.",
    "sl.by_log": "Searches per log",
    "sl.by_log_part": "Searches per log ({part} of {parts})",
    "sl.by_log_sheet": "Per log",
    "sl.all_logs": "All logs",
    "sl.by_export": "Searches per export",
    "sl.by_export_part": "Searches per export ({part} of {parts})",
    "sl.by_export_sheet": "Per export",
    "sl.all_exports": "All exports",
    "sl.trend.title": "Searches per export: {log}",
    "sl.trend.subtitle": "The {needs} most searched needs: their searches in each export",
    "sl.trend.axis": "Searches",
    "sl.trend.alt": "Line chart \u201c{chart}\u201d: the searches of the {needs} most searched "
    "needs in each of {exports} exports, {first} to {last}. The table below gives every figure.",
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
    "status.too_few.merge_alike.too_few": "No one group of its family makes up the minimum "
    "with it: merge it into the one most like it in what it needs, {other} ({share} alike, "
    "{people} people together), and then more of the family into that.",
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
    "status.same_answers.alike": "The surveys '{one}' and '{other}' counted the same "
    "answers, from exports with the same counts in every group ({export} and "
    "{other_export}), and both count as evidence: their votes count twice. If they are one "
    "survey, delete one of the two mappings and its tally.",
    "count.warnings": "{n} warnings",
    "count.warnings.one": "1 warning",
    "status.warnings": "The study's files have {warnings}: each says where it is and how "
    "to mend it (a warning is about something counted, but maybe not as meant).",
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
}
