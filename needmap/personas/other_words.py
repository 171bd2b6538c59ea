"""What a consultant writes in other words: a value or a key in Dutch, or in words.

A study's keys and values are English codes (``must``, ``xl``, ``description:``), while a
Dutch consultant thinks "moet", "groot" and "omschrijving". Where spelling alone finds
nothing close, these tables name the key or value meant, so that the problem's hint can.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["KEYS_MEANT", "VALUES_MEANT", "key_meant", "value_meant"]

VALUES_MEANT: dict[str, str] = {
    **dict.fromkeys(["must have", "moet", "moet hebben", "essentieel", "essential"], "must"),
    **dict.fromkeys(["should have", "zou moeten", "belangrijk", "important"], "should"),
    **dict.fromkeys(["could have", "kan", "kan hebben", "wens", "nice to have"], "could"),
    **dict.fromkeys(["inhoud", "informatie", "information"], "content"),
    **dict.fromkeys(["functie", "functies", "functionaliteit", "functionality"], "function"),
    **dict.fromkeys(["techniek", "technologie", "tech"], "technology"),
    **dict.fromkeys(["extra small", "very small", "tiny", "zeer klein", "heel klein"], "xs"),
    **dict.fromkeys(["small", "klein"], "s"),
    **dict.fromkeys(["medium", "middel", "gemiddeld", "midden"], "m"),
    **dict.fromkeys(["large", "big", "groot"], "l"),
    **dict.fromkeys(["extra large", "very large", "huge", "zeer groot", "heel groot"], "xl"),
    **dict.fromkeys(["dutch", "nederlands", "nederland", "nl nl", "nl_nl", "nl be", "nl_be"], "nl"),
    **dict.fromkeys(["english", "engels", "en gb", "en_gb", "en us", "en_us"], "en"),
    **dict.fromkeys(["long format", "long layout", "lang", "lang formaat"], "long"),
    **dict.fromkeys(["microsoft forms", "microsoft", "office forms"], "ms-forms"),
    **dict.fromkeys(["google", "google form"], "google-forms"),
    "lime survey": "limesurvey",
}
"""What a consultant writes for a value in words, in English or Dutch (MoSCoW's "must
have", a T-shirt size in full, the language by name or as a tag with its country, such as
nl-NL, a survey layout in words), and the
value it stands for; lower case, with single spaces for hyphens. Used where spelling
alone finds nothing close."""


KEYS_MEANT: dict[str, tuple[str, ...]] = {
    "naam": ("name", "title"),
    **dict.fromkeys(["name", "titel"], ("title", "name")),
    "title": ("name",),
    **dict.fromkeys(["omschrijving", "beschrijving", "toelichting", "uitleg"], ("description",)),
    **dict.fromkeys(["soort", "type", "categorie", "category"], ("kind", "layout")),
    **dict.fromkeys(["format", "indeling", "opmaak"], ("layout",)),
    **dict.fromkeys(["groep", "doelgroep"], ("group", "groups")),
    **dict.fromkeys(["groepen", "doelgroepen"], ("groups", "group")),
    **dict.fromkeys(["familie", "cirkel", "circle"], ("family",)),
    **dict.fromkeys(["cirkels", "circles"], ("families",)),
    "aantal": ("headcount", "searches"),
    **dict.fromkeys(["size", "omvang", "grootte"], ("headcount", "effort")),
    **dict.fromkeys(["count", "medewerkers", "employees"], ("headcount",)),
    "kanaal": ("channel",),
    **dict.fromkeys(["inspanning", "moeite"], ("effort",)),
    **dict.fromkeys(["afhankelijk_van", "hangt_af_van", "vereist", "requires"], ("depends_on",)),
    **dict.fromkeys(["rol", "functie", "job"], ("role",)),
    "samenvatting": ("summary",),
    "doelen": ("goals",),
    **dict.fromkeys(
        ["frustraties", "ergernissen", "pijnpunten", "pains", "pain_points"], ("frustrations",)
    ),
    "apparaten": ("devices",),
    **dict.fromkeys(["plekken", "plaatsen", "locaties", "werkplekken", "locations"], ("places",)),
    **dict.fromkeys(["citaten", "uitspraken"], ("quotes",)),
    **dict.fromkeys(["behoeften", "behoeftes"], ("needs",)),
    "persona's": ("personas",),
    "behoefte": ("need", "needs"),
    "organisatie": ("organisation",),
    "taal": ("language",),
    **dict.fromkeys(["fasen", "fases"], ("phases",)),
    **dict.fromkeys(["fase", "planning", "wanneer", "when", "planned"], ("phase",)),
    "capaciteit": ("capacity",),
    "deelnemers": ("participants",),
    "datum": ("date",),
    **dict.fromkeys(["notities", "aantekeningen"], ("notes",)),
    "tekst": ("text",),
    "vragen": ("questions",),
    "bestand": ("file",),
    "periode": ("period",),
    "kolommen": ("columns",),
    "kolom": ("column",),
    "onderwerpen": ("topics",),
    **dict.fromkeys(["termen", "zoektermen"], ("terms",)),
    "zoekterm": ("term",),
    "taken": ("tasks",),
    "keuzes": ("choices",),
    "vraag": ("question",),
    **dict.fromkeys(["max", "maximum", "maximaal", "max_keuzes", "keuzes_max"], ("max_picks",)),
    **dict.fromkeys(["respondent_id", "respondentnummer", "id_kolom"], ("respondent",)),
    **dict.fromkeys(["antwoorden", "answers"], ("values",)),
    **dict.fromkeys(["opties", "options"], ("tasks",)),
    "resultaten": ("results",),
    **dict.fromkeys(["blad", "werkblad", "tabblad", "tab"], ("sheet",)),
    **dict.fromkeys(["aantal_deelnemers", "personen"], ("participants",)),
    "opmerkingen": ("notes",),
    "citaat": ("quotes",),
    **dict.fromkeys(
        ["minimum", "min_groepsgrootte", "minimale_groepsgrootte", "groepsgrootte"],
        ("min_group_size",),
    ),
    "waarden": ("values",),
}
"""What a consultant writes for a key in other words, mostly in Dutch (``naam:``,
``omschrijving:``), or the name another part of the study uses (a need's ``name:`` is its
``title:``), with the keys it may stand for, first the likeliest; lower case, with '_'
for spaces and hyphens. The first of them allowed where the key stands is offered. Used
where spelling alone finds nothing close."""


def value_meant(given: str) -> str | None:
    """The value ``given`` stands for in words (:data:`VALUES_MEANT`), if it does."""
    return VALUES_MEANT.get(" ".join(given.casefold().replace("-", " ").split()))


def key_meant(written: str, allowed: Sequence[str]) -> str:
    """A hint naming the key ``written`` stands for in other words (:data:`KEYS_MEANT`),
    where that key is ``allowed``; else an empty string."""
    words = KEYS_MEANT.get("_".join(written.casefold().replace("-", " ").split()), ())
    meant = next((key for key in words if key in allowed), None)
    return f"did you mean '{meant}'?" if meant is not None else ""
