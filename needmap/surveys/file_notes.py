"""The comments needmap writes into a study's files, in the study's language.

A drafted survey mapping or an imported interview file is the consultant's own file from
the moment it is written, beside the template's files, whose comments are in the study's
language too (as are the entries ``guide --record`` adds). ``TODO`` is the same in both languages:
editors mark it, and ``survey draft`` tells the consultant to check each one.
"""

from __future__ import annotations

from collections.abc import Mapping

from needmap.personas.schema import Language

__all__ = ["FILE_NOTES", "file_notes"]

FILE_NOTES: Mapping[Language, Mapping[str, str]] = {
    "en": {
        "drafted": "Drafted by needmap survey draft from {source}.",
        "order": "Answers and tasks: the most given first",
        "export_order": " (tasks in the export's order)",
        "check": "Check every TODO, link each task to the needs it is evidence for, then:",
        "import": "needmap survey import STUDY EXPORT",
        "title": "TODO: the survey's name, as the reports show it",
        "picks_asked": "the question asks for at most this many",
        "respondent": "tells respondents apart: a row given twice counts once",
        "respondent_long": "joins each respondent's rows",
        "picks_found": "the most tasks one respondent chose in the export",
        "picks_more": "TODO: the question asks for at most {asked}, but a respondent chose "
        "{chosen}; with {asked}, such respondents are left out",
        "guessed": "guessed from the group's name or id",
        "in_words": "guessed from its words in English: {words}",
        "as_in": "as in {source}",
        "earlier": "uncomment if this survey is the one of {source} held again: "
        "reports then show what changed since, and take this run's votes as evidence",
        "answer": "TODO: a group id, or ~ for answers outside the target groups",
        "once": 'TODO: the last {once} tasks were chosen once each. If the question has an "Other" '
        "option, they are its answers: delete them and write other: true under choices.",
        "once_before": "TODO: the last {once} tasks before the export's other language were "
        'chosen once each. If the question has an "Other" option, they are its answers: delete '
        "them and write other: true under choices.",
        "needs": "TODO: needs",
        "perhaps": ", perhaps {needs}",
        "label": "; and the label the survey showed",
        "answer_other": "TODO: in the export's other language: the group id of its "
        "translation, or ~",
        "languages": "TODO: the export's other language: no respondent chose from both "
        "lists. Put each task below under also: of the task above it translates, and "
        "delete its line.",
        "paired": "; also: its translation, by place in the list: check it",
        "maybe": "; by its place, the translation of one of: {ids}",
        "maybe_or_none": "; by its place, the translation of {ids}, or of a task none chose "
        "in English",
        "or": " or ",
        "untranslated": "; by its place, a task none chose in English: give it an English "
        "label and this text under also:",
        "interviews_from": "From {source} (needmap import-interviews).",
    },
    "nl": {
        "drafted": "Opgesteld door needmap survey draft uit {source}.",
        "order": "Antwoorden en taken: de vaakst gegeven eerst",
        "export_order": " (taken in de volgorde van de export)",
        "check": "Loop elke TODO na, koppel elke taak aan de behoeften waarvoor ze bewijs is, "
        "en dan:",
        "import": "needmap survey import ONDERZOEK EXPORT",
        "title": "TODO: de naam van de enquête, zoals de rapporten die tonen",
        "picks_asked": "de vraag laat hoogstens zoveel taken kiezen",
        "respondent": "houdt de respondenten uit elkaar: een dubbele rij telt één keer",
        "respondent_long": "voegt de rijen van elke respondent samen",
        "picks_found": "de meeste taken die één respondent in de export koos",
        "picks_more": "TODO: de vraag laat hoogstens {asked} taken kiezen, maar een respondent "
        "koos er {chosen}; met {asked} vallen zulke respondenten weg",
        "guessed": "geraden uit de naam of id van de groep",
        "in_words": "geraden uit de woorden in het Nederlands: {words}",
        "as_in": "zoals in {source}",
        "earlier": "haal het # weg als deze enquête die van {source} is, opnieuw "
        "gehouden: de rapporten tonen dan wat er sindsdien veranderde, en nemen de stemmen "
        "van deze ronde als bewijs",
        "answer": "TODO: een groeps-id, of ~ voor antwoorden buiten de doelgroepen",
        "once": "TODO: de laatste {once} taken zijn elk één keer gekozen. Heeft de vraag een "
        'optie "Anders", dan zijn dit de antwoorden daarop: verwijder ze en schrijf '
        "other: true onder choices.",
        "once_before": "TODO: de laatste {once} taken vóór de andere taal van de export zijn elk "
        'één keer gekozen. Heeft de vraag een optie "Anders", dan zijn dit de antwoorden daarop: '
        "verwijder ze en schrijf other: true onder choices.",
        "needs": "TODO: needs",
        "perhaps": ", misschien {needs}",
        "label": "; en het label dat de enquête toonde",
        "answer_other": "TODO: in de andere taal van de export: de groeps-id van de "
        "vertaling, of ~",
        "languages": "TODO: de andere taal van de export: geen respondent koos uit beide "
        "lijsten. Zet elke taak hieronder onder also: van de taak hierboven die ze vertaalt, "
        "en verwijder de regel.",
        "paired": "; also: de vertaling, naar plaats in de lijst: controleer het",
        "maybe": "; gezien de plaats de vertaling van een van: {ids}",
        "maybe_or_none": "; gezien de plaats de vertaling van {ids}, of van een taak die "
        "niemand in het Nederlands koos",
        "or": " of ",
        "untranslated": "; gezien de plaats een taak die niemand in het Nederlands koos: geef "
        "haar een Nederlands label en deze tekst onder also:",
        "interviews_from": "Uit {source} (needmap import-interviews).",
    },
}
"""Each comment by what it says, in English and Dutch; ``{…}`` fields are filled in."""


def file_notes(language: Language) -> Mapping[str, str]:
    """The comments of the files needmap writes into a study in ``language``."""
    return FILE_NOTES[language]
