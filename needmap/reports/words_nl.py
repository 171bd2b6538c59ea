"""The Dutch words of the reports, by key (:func:`needmap.reports.i18n.labels`).

Every key is in :mod:`needmap.reports.words_en` too (a test checks it). The file is
laid out by hand, long texts split where they read well: ``ruff format`` leaves it alone.
"""

from collections.abc import Mapping

__all__ = ["WORDS"]

WORDS: Mapping[str, str] = {
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
    "form.also_answers": "Vertalingen van de antwoorden ({count}), elk na het antwoord dat "
    "ze vertalen: dat antwoord in de andere taal van de enquête, geen extra optie in deze; "
    "de import leest beide:",
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
    "report.alt.one": "Een cirkel van de behoeften van {units}. De behoeftentabel zet ze op "
    "een rij.",
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
    "tc.alt.others": "Kleine grijze tekens: het aandeel in de andere metingen van de "
    "enquête ({runs}).",
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
    "tc.trend.title": "Toptaken in alle {n} metingen van de enquête",
    "tc.trend.sheet": "Alle metingen",
    "tc.trend.run": "{title} (n={respondents})",
    "tc.trend.change": "Sinds de eerste (procentpunten)",
    "tc.trend.note": "Het aandeel van elke taak in de stemmen van elke meting, de oudste "
    "eerst ({order} aandelen), gerangschikt als in de laatste; \u2013 waar een meting de "
    "taak niet vroeg. De laatste kolom: het verschil sinds {first}.",
    "tc.every_group.title": "De taken per doelgroep vergeleken",
    "tc.every_group.sheet": "Per doelgroep",
    "tc.every_group.note": "De taken van elke doelgroep, met hun aandeel in de eigen "
    "stemmen van de groep in beide enquêtes, ongewogen (zoals needmap toptasks --compare "
    "die van één groep toont met --group). Een groep is vergeleken waar beide enquêtes "
    "haar tonen.",
    "tc.every_group.left_out": "Niet vergeleken, omdat een enquête ze verbergt (minder dan "
    "{n} respondenten, of zodat een kleine groep niet af te leiden is) of niemand als ze "
    "telde: {groups}.",
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
    "demo.earlier_run": "Verzonnen door needmap demo: hetzelfde onderzoek {years} jaar "
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
    "why.shared.one": "Nodig voor de enige groep van het onderzoek: {share} van de gewogen "
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
    "why.every_run": "In alle {count} metingen, de oudste eerst: {shares} van alle stemmen "
    "({change}\u00a0procentpunt sinds {first}).",
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
    "why.per_log": "Per log: {counts}.",
    "why.per_export": "Per export: {counts}.",
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
    "iv.summary.none_shown": "nog geen gesprekken getoond (samen minder dan {n} mensen tot nu "
    "toe, n<{n})",
    "iv.summary.more_hidden": "{summary}, en meer met groepen te klein om te tonen (n<{n})",
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
    "sl.log_exports": " in {exports} exports, {first} t/m {last}",
    "sl.without_term": "; {searches} zonder zoekterm niet meegeteld (leeg, of '(not set)')",
    "sl.rule": "Een zoekopdracht telt voor elke behoefte waarvan een onderwerp bij de term "
    "past; hoofdletters, accenten en spaties tellen niet mee. Termen die minder dan {n} keer "
    "gezocht zijn, of persoonsgegevens bevatten, tellen mee in de cijfers maar worden niet "
    "getoond.",
    "sl.rule.every_term": "Een zoekopdracht telt voor elke behoefte waarvan een onderwerp bij "
    "de term past; hoofdletters, accenten en spaties tellen niet mee. Termen die "
    "persoonsgegevens bevatten, tellen mee in de cijfers maar worden niet getoond.",
    "sl.gap_rule": "{title}: een behoefte is een leemte vanaf {n} zoekopdrachten zonder "
    "resultaat.",
    "sl.no_results_column": "{title} zegt niet hoeveel resultaten een zoekopdracht vond, en "
    "markeert dus geen leemtes.",
    "sl.by_log": "Zoekopdrachten per log",
    "sl.by_log_part": "Zoekopdrachten per log ({part} van {parts})",
    "sl.by_log_sheet": "Per log",
    "sl.all_logs": "Alle logs",
    "sl.by_export": "Zoekopdrachten per export",
    "sl.by_export_part": "Zoekopdrachten per export ({part} van {parts})",
    "sl.by_export_sheet": "Per export",
    "sl.all_exports": "Alle exports",
    "sl.trend.title": "Zoekopdrachten per export: {log}",
    "sl.trend.subtitle": "De {needs} meest gezochte behoeften: hun zoekopdrachten per export",
    "sl.trend.axis": "Zoekopdrachten",
    "sl.trend.alt": "Lijngrafiek \u201c{chart}\u201d: de zoekopdrachten naar de {needs} meest "
    "gezochte behoeften in elk van {exports} exports, {first} t/m {last}. De tabel eronder geeft "
    "alle cijfers.",
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
    "status.too_few.merge_alike.too_few": "Geen enkele groep uit haar familie haalt samen "
    "met haar het minimum: voeg de groep samen met de groep die er in behoeften het meest "
    "op lijkt, {other} ({share} gelijk, samen {people} mensen), en daarna meer groepen uit "
    "de familie.",
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
    "status.same_answers.alike": "De enquêtes '{one}' en '{other}' telden dezelfde "
    "antwoorden, uit exports met dezelfde aantallen in elke groep ({export} en "
    "{other_export}), en tellen allebei als bewijs: hun stemmen tellen dubbel. Zijn ze één "
    "enquête, verwijder dan een van de twee mappings met haar telling.",
    "count.warnings": "{n} waarschuwingen",
    "count.warnings.one": "1 waarschuwing",
    "status.warnings": "De bestanden van het onderzoek hebben {warnings}: elke zegt waar ze "
    "staat en hoe het op te lossen (een waarschuwing gaat over iets dat meetelt, maar "
    "misschien niet zoals bedoeld).",
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
}
