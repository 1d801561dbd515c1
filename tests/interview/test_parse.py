"""Natural answer forms, commands, and the exact messages for what is expected."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.answers import Answer
from assess.conditions import NA, UNKNOWN, VALUE
from assess.interview.parse import (
    Command,
    Confirm,
    Invalid,
    departement_of,
    interpret,
    interpret_org,
)


@pytest.fixture(scope="module")
def qs(mini_defs):
    return mini_defs.questionnaire.questions()


def value(q, raw, lang="fr"):
    answer = interpret(q, raw, lang)
    assert isinstance(answer, Answer) and answer.state == VALUE
    return answer.value


def message(q, raw, lang="fr", answered=False):
    with pytest.raises(Invalid) as exc:
        interpret(q, raw, lang, answered)
    return str(exc.value)


@pytest.mark.parametrize("raw", ["oui", "o", "Yes", " y ", "OUI"])
def test_yes_forms(qs, raw):
    assert value(qs["dmp.feeds"], raw) == "yes"


@pytest.mark.parametrize("raw", ["non", "n", "No", "NON"])
def test_no_forms(qs, raw):
    assert value(qs["dmp.feeds"], raw) == "no"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("45", 45),
        ("45 %", 45),
        ("45%", 45),
        ("45,5", 45.5),
        ("45.5", 45.5),
        ("0", 0),
        ("100 %", 100),
        ("45,0", 45),
    ],
)
def test_percent_forms(qs, raw, expected):
    got = value(qs["dmp.letter_share"], raw)
    assert got == expected and type(got) is type(expected)


def test_integer_forms(qs):
    assert value(qs["org.beds"], "1 200") == 1200
    assert value(qs["org.beds"], "350") == 350


def test_choice_by_number_id_or_label(qs):
    q = qs["mssante.mailbox"]
    assert value(q, "2") == "organisational"
    assert value(q, "Nominative") == "nominative"


def test_multiple_choice_forms(qs):
    q = qs["dmp.documents"]
    assert value(q, "1,3") == frozenset({"ldl", "bio"})
    assert value(q, "3 1") == frozenset({"ldl", "bio"})
    assert value(q, "cro; ldl") == frozenset({"ldl", "cro"})
    assert value(q, "aucun") == frozenset()


def test_dates(qs):
    assert value(qs["dmp.since"], "2025-01-15") == dt.date(2025, 1, 15)
    assert value(qs["dmp.since"], "15/01/2025") == dt.date(2025, 1, 15)


def test_text(qs):
    assert value(qs["cybersecurity.notes"], "  Pas de MFA ") == "Pas de MFA"


def test_commands(qs):
    q = qs["dmp.feeds"]
    assert interpret(q, "?", "fr") is Command.help
    assert interpret(q, "<", "fr") is Command.back
    assert interpret(q, "", "fr", answered=True) is Command.keep
    assert interpret(q, "s", "fr") == Answer(UNKNOWN)
    assert interpret(qs["dmp.since"], "na", "fr") == Answer(NA)


@pytest.mark.parametrize(
    ("qid", "raw", "text"),
    [
        ("dmp.feeds", "peut-être", "« peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas)."),
        ("dmp.feeds", "", "Une réponse est nécessaire : attendu oui ou non (o/n)."),
        ("dmp.feeds", "na", "Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp si la réponse n'est pas connue."),
        ("dmp.letter_share", "120", "120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5)."),
        ("dmp.letter_share", "beaucoup", "« beaucoup » n'est pas un nombre : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5)."),
        ("org.beds", "12,5", "« 12,5 » n'est pas un nombre entier : attendu un nombre entier d'au moins 0."),
        ("org.beds", "12 %", "« 12 % » : un pourcentage n'est pas attendu ici ; attendu un nombre entier d'au moins 0."),
        ("org.beds", "-3", "-3 est hors limites : attendu un nombre entier d'au moins 0."),
        ("mssante.mailbox", "4", "« 4 » ne correspond à aucun choix ; choix possibles : « none », « organisational », « nominative »."),
        ("dmp.documents", "1,5", "« 5 » ne correspond à aucun choix ; choix possibles : « ldl », « cro », « bio »."),
        ("dmp.since", "31/02/2025", "« 31/02/2025 » n'existe pas au calendrier (jour ou mois impossible) : vérifier la date."),
        ("dmp.since", "fin 2025", "« fin 2025 » n'est pas une date : écrire JJ/MM/AAAA ou AAAA-MM-JJ (ex. 01/03/2026)."),
    ],
)  # fmt: skip
def test_invalid_messages_fr(qs, qid, raw, text):
    assert message(qs[qid], raw) == text


def test_invalid_messages_en(qs):
    assert message(qs["dmp.feeds"], "maybe", "en") == (
        "“maybe” is not a yes/no answer: write yes, no or unknown."
    )
    assert message(qs["dmp.letter_share"], "101", "en") == (
        "101 is out of range: expected a percentage from 0 to 100 (e.g. 45, 45 % or 45.5)."
    )


def test_share_between_0_and_1_asks_for_confirmation(qs):
    doubt = interpret(qs["dmp.letter_share"], "0,65", "fr")
    assert isinstance(doubt, Confirm)
    assert (doubt.typed.value, doubt.likely.value) == (0.65, 65)
    assert interpret(qs["dmp.letter_share"], "0,65 %", "fr") == Answer(VALUE, 0.65)


def test_organisation_fields():
    assert interpret_org("finess", " 750712184 ", "fr") == "750712184"
    assert interpret_org("finess", "2a0000016", "fr") == "2A0000016"  # Corsica: 2A/2B first
    assert interpret_org("type", "2", "fr") == "ch"
    assert interpret_org("type", "Clinique privée", "fr") == "clinique"
    assert interpret_org("type", "centre_sante", "fr") == "centre_sante"
    assert interpret_org("region", "11", "fr") == "11"
    assert interpret_org("region", "1", "fr") == "01"
    assert interpret_org("region", "ile-de-france", "fr") == "11"
    assert interpret_org("departement", "2a", "fr") == "2A"
    assert interpret_org("departement", "", "fr", default="75") == "75"
    assert departement_of("750712184") == "75"
    assert departement_of("971234567") == "971"


@pytest.mark.parametrize(
    ("field", "raw", "text"),
    [
        ("finess", "12345", "Le numéro FINESS « 12345 » doit avoir 9 caractères (il en a 5)."),
        (
            "finess",
            "75071218X",
            "Le numéro FINESS « 75071218X » ne doit contenir que des chiffres (2A ou 2B en tête pour la Corse).",
        ),
        (
            "finess",
            "750712185",
            "La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS.",
        ),
        (
            "type",
            "9",
            "« 9 » n'est pas un type d'établissement connu ; types possibles : « Centre hospitalier universitaire (CHU) », "
            "« Centre hospitalier (CH) », « Clinique privée », « ESMS / EHPAD », « Centre de santé / MSP », « Éditeur de logiciel ».",
        ),
        (
            "region",
            "99",
            "« 99 » n'est pas une région : écrire son code INSEE (ex. 11) ou son nom (ex. Bretagne).",
        ),
        ("departement", "20", "« 20 » n'est pas un code département (ex. 75, 2A, 971)."),
        ("name", "s", "Cette information est obligatoire : attendu le nom de l'établissement."),
        ("name", "", "Une réponse est nécessaire : attendu le nom de l'établissement."),
    ],
)
def test_organisation_messages(field, raw, text):
    with pytest.raises(Invalid) as exc:
        interpret_org(field, raw, "fr")
    assert str(exc.value) == text
