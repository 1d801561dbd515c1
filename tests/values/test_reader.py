"""The one reader of typed values: (question, typed text, expected value or message), as people
write them at the prompt, in a CSV or XLSX cell, or in an answers file — in French and English."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.conditions import NA, UNKNOWN, VALUE
from assess.values import PercentCell, ValueProblem, read_answer

U, N = ("state", UNKNOWN), ("state", NA)  # expected: unknown, not applicable


def fr(text: str) -> tuple[str, str]:
    return ("fr", text)


def en(text: str) -> tuple[str, str]:
    return ("en", text)


CASES = [
    # yes / no
    ("org.has_pui", "Oui", "yes"), ("org.has_pui", "Oui.", "yes"), ("org.has_pui", " OUI ", "yes"),
    ("org.has_pui", "o", "yes"), ("org.has_pui", "Yes", "yes"), ("org.has_pui", "vrai", "yes"),
    ("org.has_pui", True, "yes"), ("org.has_pui", 1, "yes"), ("org.has_pui", "Non !", "no"),
    ("org.has_pui", "n", "no"), ("org.has_pui", "Faux", "no"), ("org.has_pui", False, "no"), ("org.has_pui", 0, "no"),
    ("org.has_pui", "peut-être", fr("« peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas).")),
    ("org.has_pui", "maybe", en("“maybe” is not a yes/no answer: write yes, no or unknown.")),
    # unknown, whatever the question
    ("org.has_pui", "nsp", U), ("org.has_pui", "NSP", U), ("org.has_pui", "je ne sais pas", U),
    ("org.has_pui", "Ne sait pas", U), ("org.has_pui", "inconnu", U), ("org.has_pui", "", U), ("org.has_pui", None, U),
    ("org.beds", "?", U), ("dmp.connection", "unknown", U), ("org.beds", "s", U),
    # not applicable: accepted where the question allows it
    ("org.beds", "sans objet", N), ("org.beds", "Sans objet", N), ("org.beds", "na", N), ("org.beds", "N/A", N),
    ("org.beds", "non applicable", N), ("org.beds", "non concerné", N), ("org.beds", "not applicable", N),
    ("dmp.connection", "sans objet", fr("Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp si la réponse n'est pas connue.")),
    ("dmp.connection", "n/a", en("This question has no “not applicable” answer: answer it, or write unknown if the answer is not known.")),
    # single choice: number, ID, label, part of a label
    ("org.ght_role", "2", "member"), ("org.ght_role", "member", "member"),
    ("org.ght_role", "Établissement partie ou associé", "member"), ("org.ght_role", "etablissement partie ou associe", "member"),
    ("org.ght_role", "partie", "member"), ("org.ght_role", "Hors GHT.", "none"), ("org.ght_role", "support", "support"),
    ("interoperability.segur_main_software", "vague 2", "vague2"), ("interoperability.segur_main_software", "Référencée vague 1", "vague1"),
    ("interoperability.segur_main_software", "wave 2", "vague2"), ("interoperability.segur_main_software", "non référencée", "not_referenced"),
    ("dmp.connection", "Non", "no"), ("dmp.connection", "en pilote", "pilot"), ("dmp.connection", "all units", "all_units"),
    ("dmp.connection", "oui", fr("« oui » peut désigner plusieurs choix : « Oui, dans une partie des services », « Oui, dans tous les services » ; écrire le choix voulu en entier.")),
    ("dmp.connection", "yes", en("“yes” could mean several choices: “Yes, in some units”, “Yes, in all units”; write the one you mean in full.")),
    ("interoperability.segur_main_software", "vague", fr("« vague » peut désigner plusieurs choix : « Référencée vague 1 », « Référencée vague 2 » ; écrire le choix voulu en entier.")),
    ("org.ght_role", "xyz", fr("« xyz » ne correspond à aucun choix ; choix possibles : « Établissement support du GHT », « Établissement partie ou associé », « Hors GHT ».")),
    ("org.ght_role", "9", fr("« 9 » ne correspond à aucun choix ; choix possibles : « Établissement support du GHT », « Établissement partie ou associé », « Hors GHT ».")),
    # multiple choice: one side of « A / B », labels separated by | or ;, numbers, none
    ("interoperability.terminologies_used", "CIM-10", frozenset({"cim"})),
    ("interoperability.terminologies_used", "LOINC | SNOMED CT", frozenset({"loinc", "snomed_ct"})),
    ("interoperability.terminologies_used", "loinc; cim-11", frozenset({"loinc", "cim"})),
    ("interoperability.terminologies_used", "1,3", frozenset({"loinc", "ccam"})),
    ("interoperability.terminologies_used", "1 3", frozenset({"loinc", "ccam"})),
    ("interoperability.terminologies_used", ["loinc", "ccam"], frozenset({"loinc", "ccam"})),
    ("interoperability.terminologies_used", "aucun", frozenset()),
    ("org.activities", "Médecine, chirurgie, obstétrique", frozenset({"mco"})),
    ("org.activities", "Psychiatrie, Urgences", frozenset({"psy", "emergency"})),
    ("interoperability.terminologies_used", "LOINC | fax", fr("« fax » ne correspond à aucun choix ; choix possibles : « LOINC », « SNOMED CT », « CCAM », « CIM-10 / CIM-11 », « Tables NOS de l'ANS ».")),
    # percentages
    ("dmp.discharge_letter_share", "85", 85), ("dmp.discharge_letter_share", "85 %", 85), ("dmp.discharge_letter_share", "85%", 85),
    ("dmp.discharge_letter_share", "45,5", 45.5), ("dmp.discharge_letter_share", "45.5", 45.5), ("dmp.discharge_letter_share", "45,0", 45),
    ("dmp.discharge_letter_share", "12 pour cent", 12), ("dmp.discharge_letter_share", 60, 60),
    ("dmp.discharge_letter_share", PercentCell(0.85), 85), ("dmp.discharge_letter_share", PercentCell(0.455), 45.5),
    ("dmp.discharge_letter_share", PercentCell(1.0), 100),
    ("dmp.discharge_letter_share", "120", fr("120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5).")),
    ("dmp.discharge_letter_share", "beaucoup", fr("« beaucoup » n'est pas un nombre : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5).")),
    ("dmp.discharge_letter_share", "lots", en("“lots” is not a number: expected a percentage from 0 to 100 (e.g. 45, 45 % or 45.5).")),
    # whole numbers, with the unit shown
    ("org.beds", "450", 450), ("org.beds", "450 lits", 450), ("org.beds", "450 lits et places", 450), ("org.beds", "1 200", 1200),
    ("org.beds", "1\u202f200", 1200), ("org.beds", "450 beds", 450), ("org.beds", 450.0, 450),
    ("org.beds", "12,5", fr("« 12,5 » n'est pas un nombre entier : attendu un nombre entier d'au moins 0.")),
    ("org.beds", 12.5, fr("« 12,5 » n'est pas un nombre entier : attendu un nombre entier d'au moins 0.")),
    ("org.beds", "12 %", fr("« 12 % » : un pourcentage n'est pas attendu ici ; attendu un nombre entier d'au moins 0.")),
    ("org.beds", "450 chambres", fr("« 450 chambres » n'est pas un nombre : attendu un nombre entier d'au moins 0.")),
    ("org.beds", "-3", en("-3 is out of range: expected a whole number of at least 0.")),
    ("identity.rniv_version", "Alignées sur la version 2024", "rniv_2024"), ("identity.rniv_version", "version 2024", "rniv_2024"),
]  # fmt: skip


def _expected(kind: object) -> tuple[str, object]:
    if isinstance(kind, tuple) and kind[0] == "state":
        return "state", kind[1]
    if isinstance(kind, tuple) and kind[0] in ("fr", "en"):
        return "message", kind
    return "value", kind


@pytest.mark.parametrize(("qid", "typed", "expected"), CASES)
def test_typed_value(shipped_defs, qid, typed, expected):
    question = shipped_defs.questionnaire.questions()[qid]
    kind, want = _expected(expected)
    if kind == "message":
        lang, text = want  # type: ignore[misc]
        with pytest.raises(ValueProblem) as exc:
            read_answer(question, typed)
        assert exc.value.text(lang) == text
        return
    reading = read_answer(question, typed)
    if kind == "state":
        assert reading.answer.state == want
    else:
        assert reading.answer.state == VALUE and reading.answer.value == want
        assert type(reading.answer.value) is type(want)


@pytest.mark.parametrize(
    ("typed", "value", "alternative", "fr_text", "en_text"),
    [
        ("0,65", 0.65, 65, "« 0,65 » est gardé comme 0,65 % ; s'il s'agit de 65 %, écrire 65.",
         "“0,65” is kept as 0.65%; if it means 65%, write 65."),
        (0.5, 0.5, 50, "« 0,5 » est gardé comme 0,5 % ; s'il s'agit de 50 %, écrire 50.",
         "“0.5” is kept as 0.5%; if it means 50%, write 50."),
    ],
)  # fmt: skip
def test_share_between_0_and_1_is_kept_with_a_warning(
    shipped_defs, typed, value, alternative, fr_text, en_text
):
    question = shipped_defs.questionnaire.questions()["dmp.discharge_letter_share"]
    reading = read_answer(question, typed)
    assert reading.answer.value == value and reading.alternative is not None
    assert reading.alternative.value == alternative
    assert reading.warning is not None
    assert (reading.warning.text("fr"), reading.warning.text("en")) == (fr_text, en_text)
    assert read_answer(question, "0,65 %").warning is None  # a percent sign says what was meant
    assert read_answer(question, "0,00001").warning is None  # not a share of 1 written as 0.xx


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026-03-01", dt.date(2026, 3, 1)), ("01/03/2026", dt.date(2026, 3, 1)), ("1.3.2026", dt.date(2026, 3, 1)),
     ("01-03-2026", dt.date(2026, 3, 1)), (dt.datetime(2026, 3, 1, 12, 30), dt.date(2026, 3, 1))],
)  # fmt: skip
def test_dates(typed, expected):
    from assess.values import read_date

    assert read_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "lang", "text"),
    [("31/02/2025", "fr", "« 31/02/2025 » n'existe pas au calendrier (jour ou mois impossible) : vérifier la date."),
     ("2025-13-01", "en", "“2025-13-01” is not a calendar date (impossible day or month): check the date."),
     ("mars 2026", "fr", "« mars 2026 » n'est pas une date : écrire JJ/MM/AAAA ou AAAA-MM-JJ (ex. 01/03/2026).")],
)  # fmt: skip
def test_bad_dates(typed, lang, text):
    from assess.values import read_date

    with pytest.raises(ValueProblem) as exc:
        read_date(typed)
    assert exc.value.text(lang) == text
