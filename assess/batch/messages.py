"""What the batch says, French first (registered in i18n): rows, errors file, closing line."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["BATCH_MESSAGES"]

_M = Text

BATCH_MESSAGES: dict[str, Text] = {
    "b_width": _M(
        fr="La ligne a {n} champs, l'en-tête en a {width} : vérifier les guillemets et le séparateur",
        en="The row has {n} fields, the header has {width}: check quotes and the delimiter",
    ),
    "b_duplicate": _M(
        fr="FINESS en double : déjà noté ligne {first}",
        en="duplicate FINESS: already scored on row {first}",
    ),
    "b_previous": _M(
        fr="Campagne précédente : {matched} retrouvées, {new} nouvelles, {missing} absentes",
        en="Previous campaign: {matched} matched, {new} new, {missing} missing",
    ),
    "b_set_unknown": _M(fr="Réponse comptée comme inconnue.", en="Answer counted as unknown."),
    "b_input": _M(fr="Entrée : {source}", en="Input: {source}"),
    "b_warning": _M(fr="Avertissement : {text}", en="Warning: {text}"),
    "b_ignored_columns": _M(fr="Colonnes ignorées : {names}", en="Ignored columns: {names}"),
    "b_missing_questions": _M(
        fr="{n} questions sans colonne, réponses inconnues : {names}",
        en="{n} questions have no column, answers unknown: {names}",
    ),
    "b_blank_many": _M(fr="{n} lignes vides ignorées", en="{n} blank lines skipped"),
    "b_blank_one": _M(fr="{n} ligne vide ignorée", en="{n} blank line skipped"),
    "b_row": _M(
        fr="ligne {row}{column}{value} : {message}", en="row {row}{column}{value}: {message}"
    ),
    "b_more": _M(
        fr="… la liste complète s'obtient avec --errors FICHIER",
        en="… use --errors FILE for the full list",
    ),
    "b_crashes_one": _M(
        fr="{n} ligne a fait planter un processus de notation et est rejetée",
        en="{n} row crashed a scoring worker and was rejected",
    ),
    "b_crashes_many": _M(
        fr="{n} lignes ont fait planter un processus de notation et sont rejetées",
        en="{n} rows crashed a scoring worker and were rejected",
    ),
    "b_worker_crash": _M(
        fr="Le processus de notation s'est arrêté brutalement sur cette ligne (plantage du moteur "
        "de règles) ; ligne non notée. La noter avec --engine python (mêmes résultats).",
        en="The scoring process crashed on this row (rules engine crash); row not scored. "
        "Score it with --engine python (same results).",
    ),
    "b_scoring_failed": _M(
        fr="Le moteur de règles a échoué sur cette ligne ; ligne non notée. La noter avec "
        "--engine python (mêmes résultats).",
        en="The rules engine failed on this row; row not scored. Score it with --engine python "
        "(same results).",
    ),
    "b_report_crash": _M(
        fr="le rendu du PDF a échoué ; le produire seul avec « assess report » pour voir pourquoi",
        en="rendering the PDF failed; make it alone with `assess report` to see why",
    ),
    "b_report_failed": _M(
        fr="Rapport non produit pour le FINESS {finess} : {failure}",
        en="Report not rendered for FINESS {finess}: {failure}",
    ),
    "b_template_exists": _M(
        fr="{names} : existe déjà, rien n'a été écrit ; ajouter --force pour remplacer.",
        en="{names}: already exists, nothing was written; add --force to replace it.",
    ),
    "b_template_stdout": _M(
        fr="{n} questions (pas de dictionnaire de données avec -o -)",
        en="{n} questions (no data dictionary with -o -)",
    ),
    "b_xlsx_sheet": _M(fr="XLSX, feuille « {sheet} »", en="XLSX, sheet '{sheet}'"),
    "b_progress_start": _M(fr="notation", en="scoring"),
    "b_progress": _M(fr="{rows} lignes · {rate} lignes/s", en="{rows} rows · {rate} rows/s"),
    "b_errors_sheet": _M(fr="erreurs", en="errors"),
    "b_results_sheet": _M(fr="résultats", en="results"),
    "b_closing": _M(
        fr="{read}, {scored}, {rejected} ; {unknown}", en="{read}, {scored}, {rejected}; {unknown}"
    ),
    "b_read_one": _M(fr="{n} ligne lue", en="{n} row read"),
    "b_read_many": _M(fr="{n} lignes lues", en="{n} rows read"),
    "b_scored_one": _M(fr="{n} notée", en="{n} scored"),
    "b_scored_many": _M(fr="{n} notées", en="{n} scored"),
    "b_rejected_one": _M(fr="{n} rejetée", en="{n} rejected"),
    "b_rejected_many": _M(fr="{n} rejetées", en="{n} rejected"),
    "b_unknown_one": _M(
        fr="{n} réponse illisible mise à « inconnu »", en="{n} unreadable answer set to unknown"
    ),
    "b_unknown_many": _M(
        fr="{n} réponses illisibles mises à « inconnu »", en="{n} unreadable answers set to unknown"
    ),
    "b_warnings_one": _M(fr="{n} avertissement", en="{n} warning"),
    "b_warnings_many": _M(fr="{n} avertissements", en="{n} warnings"),
    "b_severity_error": _M(fr="erreur", en="error"),
    "b_severity_warning": _M(fr="avertissement", en="warning"),
    "b_xlsx_stdout": _M(
        fr="un classeur XLSX ne s'écrit pas sur la sortie standard : donner un fichier avec -o",
        en="an XLSX workbook cannot be written to standard output: give a file with -o",
    ),
}
MESSAGES.update(BATCH_MESSAGES)
