"""User-facing words of consistency checks, evidence and the confidence grade, French first."""

from __future__ import annotations

from .common import Text

__all__ = ["TRUST_MESSAGES"]

_M = Text

TRUST_MESSAGES: dict[str, Text] = {
    "grade": _M(fr="Fiabilité", en="Confidence grade"),
    "grade_short": _M(fr="Fiab.", en="Grade"),
    "checks_title": _M(fr="À vérifier avant diffusion", en="To check before sharing"),
    "checks_intro": _M(
        fr="Ces réponses se contredisent : elles ne changent pas les scores, mais en réduisent la fiabilité. Corrigez-les, ou confirmez-les en expliquant pourquoi.",
        en="These answers contradict each other: they do not change the scores, but lower their confidence grade. Correct them, or confirm them and say why.",
    ),
    "check_confirmed": _M(fr="confirmé : {why}", en="confirmed: {why}"),
    "evidence_title": _M(fr="Justificatifs à compléter", en="Evidence to complete"),
    "evidence_valid": _M(fr="valide", en="valid"),
    "evidence_missing": _M(fr="manquant", en="missing"),
    "evidence_expired": _M(fr="expiré", en="expired"),
    "evidence_stale": _M(fr="trop ancien", en="too old"),
    "evidence_undated": _M(fr="non daté", en="undated"),
    "evidence_future": _M(fr="daté après l'évaluation", en="dated after the assessment"),
    "evidence_justified": _M(fr="sans objet justifié", en="not applicable, justified"),
    "evidence_unjustified": _M(
        fr="« sans objet » sans justification", en='"not applicable" without justification'
    ),
    "evidence_max_age": _M(fr="(au plus {months} mois)", en="(at most {months} months)"),
    "grade_how": _M(
        fr="Fiabilité {grade} : {points} points = 100 × (0,6 × réponses {completeness} + 0,4 × justificatifs {evidence})",
        en="Confidence grade {grade}: {points} points = 100 × (0.6 × answered {completeness} + 0.4 × evidence {evidence})",
    ),
    "grade_penalty": _M(
        fr="contrôles non résolus : {ids} (− 15 points par contrôle de gravité moyenne, − 5 par contrôle faible)",
        en="unresolved checks: {ids} (− 15 points per medium-severity check, − 5 per low one)",
    ),
    "grade_evidence": _M(
        fr="justificatifs valides : {valid} sur {required} demandés",
        en="valid evidence: {valid} of {required} required",
    ),
    "grade_no_evidence": _M(
        fr="aucune réponse ne demande de justificatif", en="no answer needs evidence"
    ),
    "grade_capped": _M(
        fr="plafonnée à C par un contrôle de gravité élevée non résolu : {ids}",
        en="capped at C by an unresolved high-severity check: {ids}",
    ),
    "grade_scale": _M(
        fr="A à partir de 90 points, B de 75, C de 55, D en dessous",
        en="A from 90 points, B from 75, C from 55, D below",
    ),
    "grade_overall": _M(fr="Ensemble de l'évaluation", en="Whole assessment"),
    # Interactive questionnaire.
    "iv_check_fix": _M(
        fr="Corriger maintenant ? o = revenir à « {label} », Entrée = continuer, ou écrivez pourquoi ces réponses sont justes : ",
        en='Correct it now? y = back to "{label}", Enter = go on, or write why these answers are right: ',
    ),
    "iv_evidence": _M(
        fr="Justificatif (référence ; date AAAA-MM-JJ, facultative), Entrée pour passer : ",
        en="Evidence (reference; date YYYY-MM-DD, optional), Enter to skip: ",
    ),
    "iv_evidence_bad_date": _M(
        fr="« {raw} » n'est pas une date : écrivez AAAA-MM-JJ ou JJ/MM/AAAA.",
        en='"{raw}" is not a date: write YYYY-MM-DD or DD/MM/YYYY.',
    ),
    "iv_justification": _M(
        fr="Pourquoi « sans objet » ? (Entrée pour passer) : ",
        en='Why "not applicable"? (Enter to skip): ',
    ),
    # Report, annex B (method).
    "r_method_grade": _M(
        fr="Chaque score porte une fiabilité de A à D : elle dit jusqu'où le score peut être cru. Elle combine la part des questions applicables renseignées, la part des réponses qui demandent un justificatif (ou une justification du « sans objet ») et en ont un valide à la date de l'évaluation, et les contrôles de cohérence non résolus. Les contrôles ne changent jamais un niveau ni un score.",
        en='Every score carries a confidence grade from A to D: how far the score can be trusted. It combines the share of applicable questions answered, the share of answers that need evidence (or a justification of "not applicable") and have a valid one at the assessment date, and the unresolved consistency checks. Checks never change a level or a score.',
    ),
    "r_method_grade_formula": _M(
        fr="points = 100 × (0,6 × part renseignée + 0,4 × part justifiée) − 15 par contrôle moyen − 5 par contrôle faible non résolus ; A dès 90 points, B dès 75, C dès 55, D en dessous ; un contrôle critique ou élevé non résolu plafonne la fiabilité à C.",
        en="points = 100 × (0.6 × share answered + 0.4 × share evidenced) − 15 per medium − 5 per low unresolved check; A from 90 points, B from 75, C from 55, D below; an unresolved critical or high check caps the grade at C.",
    ),
    # Regional summary (`assess batch --summary`); the template reads them without the s_ prefix.
    "s_grades_title": _M(fr="Fiabilité des réponses", en="Confidence in the answers"),
    "s_grades_note": _M(
        fr="Fiabilité A à D de chaque évaluation : part des questions renseignées, justificatifs valides et contrôles de cohérence non résolus.",
        en="Confidence grade A to D of each assessment: share of questions answered, valid evidence and unresolved consistency checks.",
    ),
    "s_grade_overall": _M(fr="Ensemble", en="Overall"),
    "s_checks_title": _M(
        fr="Contrôles de cohérence les plus fréquents : réponses à faire confirmer",
        en="Most frequent consistency checks: answers to challenge",
    ),
    "s_with_checks": _M(
        fr="%s organisations ont au moins un contrôle de cohérence non résolu.",
        en="%s organisations have at least one unresolved consistency check.",
    ),
    "s_check": _M(fr="Contrôle", en="Check"),
    "s_no_checks": _M(
        fr="Aucun contrôle de cohérence déclenché.", en="No consistency check fired."
    ),
    "s_grade": _M(fr="Fiab.", en="Grade"),
    "s_low_grades": _M(fr="Fiabilité C ou D", en="Grade C or D"),
    # the summary's short notice; the detail follows the summary
    "checks_notice_open_one": _M(
        fr="{n} contradiction entre réponses", en="{n} contradiction between answers"
    ),
    "checks_notice_open_many": _M(
        fr="{n} contradictions entre réponses", en="{n} contradictions between answers"
    ),
    "checks_notice_confirmed_one": _M(
        fr="{n} contradiction confirmée par l'organisation",
        en="{n} contradiction confirmed by the organisation",
    ),
    "checks_notice_confirmed_many": _M(
        fr="{n} contradictions confirmées par l'organisation",
        en="{n} contradictions confirmed by the organisation",
    ),
    "checks_notice_evidence_one": _M(
        fr="{n} justificatif à compléter", en="{n} piece of evidence to complete"
    ),
    "checks_notice_evidence_many": _M(
        fr="{n} justificatifs à compléter", en="{n} pieces of evidence to complete"
    ),
    "checks_notice_and": _M(fr="et", en="and"),
    "checks_notice_end": _M(
        fr="{items}. Le détail suit cette synthèse : corrigez ou confirmez ces points avant de diffuser le rapport.",
        en="{items}. The detail follows this summary: correct or confirm these points before sharing the report.",
    ),
}
