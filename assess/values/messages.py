"""What the value reader says when it refuses or warns, French first (registered in i18n)."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["VALUE_MESSAGES"]

_M = Text

VALUE_MESSAGES: dict[str, Text] = {
    "v_yes_no": _M(
        fr="« {raw} » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas){na}.",
        en="“{raw}” is not a yes/no answer: write yes, no or unknown{na}.",
    ),
    "v_or_na": _M(fr=", ou « sans objet »", en=", or “not applicable”"),
    "v_not_choice": _M(
        fr="« {raw} » ne correspond à aucun choix ; choix possibles : {choices}.",
        en="“{raw}” matches none of the choices; possible choices: {choices}.",
    ),
    "v_ambiguous": _M(
        fr="« {raw} » peut désigner plusieurs choix : {choices} ; écrire le choix voulu en entier.",
        en="“{raw}” could mean several choices: {choices}; write the one you mean in full.",
    ),
    "v_number": _M(
        fr="« {raw} » n'est pas un nombre : attendu {what}.",
        en="“{raw}” is not a number: expected {what}.",
    ),
    "v_whole": _M(
        fr="« {raw} » n'est pas un nombre entier : attendu {what}.",
        en="“{raw}” is not a whole number: expected {what}.",
    ),
    "v_range": _M(
        fr="{raw} est hors limites : attendu {what}.", en="{raw} is out of range: expected {what}."
    ),
    "v_no_percent": _M(
        fr="« {raw} » : un pourcentage n'est pas attendu ici ; attendu {what}.",
        en="“{raw}”: a percentage is not expected here; expected {what}.",
    ),
    "v_date_format": _M(
        fr="« {raw} » n'est pas une date : écrire JJ/MM/AAAA ou AAAA-MM-JJ (ex. 01/03/2026).",
        en="“{raw}” is not a date: write DD/MM/YYYY or YYYY-MM-DD (e.g. 01/03/2026).",
    ),
    "v_date_impossible": _M(
        fr="« {raw} » n'existe pas au calendrier (jour ou mois impossible) : vérifier la date.",
        en="“{raw}” is not a calendar date (impossible day or month): check the date.",
    ),
    "v_text_long": _M(
        fr="Le texte fait {n} caractères ; {max} au plus.",
        en="The text has {n} characters; at most {max}.",
    ),
    "v_not_text": _M(fr="« {raw} » : un texte est attendu.", en="“{raw}”: text is expected."),
    "v_na_refused": _M(
        fr="Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp si la réponse n'est pas connue.",
        en="This question has no “not applicable” answer: answer it, or write unknown if the answer is not known.",
    ),
    "v_percent_ambiguous": _M(
        fr="« {raw} » est gardé comme {value} % ; s'il s'agit de {alt} %, écrire {alt}.",
        en="“{raw}” is kept as {value}%; if it means {alt}%, write {alt}.",
    ),
    "v_finess_padded": _M(
        fr="FINESS « {raw} » lu comme {value} (zéro initial perdu par le tableur).",
        en="FINESS “{raw}” read as {value} (leading zero lost by the spreadsheet).",
    ),
    "v_departement_padded": _M(
        fr="Département « {raw} » lu comme {value} (zéro initial perdu par le tableur).",
        en="Département “{raw}” read as {value} (leading zero lost by the spreadsheet).",
    ),
    "v_finess_length": _M(
        fr="Le numéro FINESS « {raw} » doit avoir 9 caractères (il en a {n}).",
        en="FINESS “{raw}” must have 9 characters (it has {n}).",
    ),
    "v_finess_chars": _M(
        fr="Le numéro FINESS « {raw} » ne doit contenir que des chiffres (2A ou 2B en tête pour la Corse).",
        en="FINESS “{raw}” must be digits only (2A or 2B first for Corsica).",
    ),
    "v_finess_key": _M(
        fr="La clé du numéro FINESS « {raw} » est fausse (dernier chiffre) : le recopier depuis le répertoire FINESS.",
        en="FINESS “{raw}” has a wrong check digit (last digit): copy it again from the FINESS directory.",
    ),
    "v_org_type": _M(
        fr="« {raw} » n'est pas un type d'établissement connu ; types possibles : {choices}.",
        en="“{raw}” is not a known organisation type; possible types: {choices}.",
    ),
    "v_org_type_ambiguous": _M(
        fr="« {raw} » peut désigner plusieurs types : {choices} ; écrire le type voulu en entier.",
        en="“{raw}” could mean several types: {choices}; write the one you mean in full.",
    ),
    "v_region": _M(
        fr="« {raw} » n'est pas une région : écrire son code INSEE (ex. 11) ou son nom (ex. Bretagne).",
        en="“{raw}” is not a region: write its INSEE code (e.g. 11) or its name (e.g. Bretagne).",
    ),
    "v_departement": _M(
        fr="« {raw} » n'est pas un code département (ex. 75, 2A, 971).",
        en="“{raw}” is not a département code (e.g. 75, 2A, 971).",
    ),
    "v_name": _M(
        fr="Le nom de l'établissement est vide ou trop long ({max} caractères au plus).",
        en="The organisation name is empty or too long (at most {max} characters).",
    ),
    "v_required": _M(
        fr="Valeur obligatoire manquante : {what}.", en="Required value missing: {what}."
    ),
    "v_unexpected": _M(
        fr="valeur inattendue « {raw} » : attendu {what}.",
        en="unexpected value “{raw}”: expected {what}.",
    ),
    "v_what_choices": _M(fr="un des choix : {choices}", en="one of the choices: {choices}"),
    "v_what_several": _M(
        fr="un ou plusieurs choix séparés par « | » ou « ; » parmi : {choices}, ou « aucun »",
        en="one or more choices separated by “|” or “;” among: {choices}, or “none”",
    ),
    "a_missing": _M(fr="Champ obligatoire manquant", en="Required field is missing"),
    "a_extra_forbidden": _M(
        fr="Champ inconnu : le supprimer ou vérifier son orthographe",
        en="Unknown field; remove it or check its spelling",
    ),
    "a_date_from_datetime_parsing": _M(
        fr="Date attendue au format AAAA-MM-JJ (ex. 2026-03-01)",
        en="Expected a date as YYYY-MM-DD (e.g. 2026-03-01)",
    ),
    "a_date_parsing": _M(
        fr="Date attendue au format AAAA-MM-JJ (ex. 2026-03-01)",
        en="Expected a date as YYYY-MM-DD (e.g. 2026-03-01)",
    ),
    "a_date_type": _M(
        fr="Date attendue au format AAAA-MM-JJ (ex. 2026-03-01)",
        en="Expected a date as YYYY-MM-DD (e.g. 2026-03-01)",
    ),
    "a_wrong_questionnaire": _M(
        fr="Ces réponses sont pour le questionnaire « {found} », pas « {expected} » ; passer --questionnaire avec le bon fichier",
        en="These answers are for questionnaire “{found}”, not “{expected}”; pass --questionnaire with the right file",
    ),
    "a_unknown_question": _M(
        fr="« {id} » n'est pas une question de ce questionnaire ; voir `assess template-csv` ou le questionnaire",
        en="“{id}” is not a question of this questionnaire; see `assess template-csv` or the questionnaire",
    ),
}
MESSAGES.update(VALUE_MESSAGES)
