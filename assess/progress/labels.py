"""Words of the roadmap and comparison outputs, French first (registered with the others)."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["PROGRESS_MESSAGES"]

_M = Text

PROGRESS_MESSAGES: dict[str, Text] = {
    # roadmap
    "p_roadmap": _M(fr="Feuille de route", en="Roadmap"),
    "p_target": _M(
        fr="niveau {level}/5 → objectif {target}/5", en="level {level}/5 → target {target}/5"
    ),
    "p_option": _M(
        fr="Option {n} · effort {effort} · donne le niveau {level}/5, score {score}, indice {index}",
        en="Option {n} · effort {effort} · gives level {level}/5, score {score}, index {index}",
    ),
    "p_top": _M(fr="niveau 5/5 atteint", en="level 5/5 reached"),
    "p_reached": _M(
        fr="niveau {level}/5, objectif déjà atteint", en="level {level}/5, target already reached"
    ),
    "p_not_applicable": _M(fr="non applicable", en="not applicable"),
    "p_not_found": _M(
        fr="aucun ensemble de changements trouvé dans les limites de la recherche (au plus {n} réponses, {per} par condition) ; voir `assess explain`",
        en="no set of changes found within the search bounds (at most {n} answers, {per} per gate); see `assess explain`",
    ),
    "p_other_domain": _M(
        fr="aussi : {domain} {before}/5 → {after}/5", en="also: {domain} {before}/5 → {after}/5"
    ),
    "p_resolved": _M(fr="constats levés : {ids}", en="findings resolved: {ids}"),
    "p_added": _M(fr="nouveaux constats : {ids}", en="new findings: {ids}"),
    "p_upcoming": _M(fr="Échéances jusqu'au {date}", en="Deadlines until {date}"),
    "p_no_upcoming": _M(
        fr="Aucune règle n'entre en vigueur ou ne cesse de s'appliquer d'ici là.",
        en="No rule comes into or out of force by then.",
    ),
    "p_starts_finding_fires": _M(
        fr="À partir du {date}, « {title} » deviendra un constat de gravité {severity}.",
        en="From {date}, “{title}” will become a finding of {severity} severity.",
    ),
    "p_starts_finding_info": _M(
        fr="À partir du {date}, « {title} » deviendra un constat pour information.",
        en="From {date}, “{title}” will become an information finding.",
    ),
    "p_starts_finding_quiet": _M(
        fr="À partir du {date}, « {title} » s'appliquera ; avec vos réponses actuelles, ce constat ne serait pas relevé.",
        en="From {date}, “{title}” will apply; with your current answers it would not be raised.",
    ),
    "p_starts_gate": _M(
        fr="À partir du {date}, la condition « {title} » (niveau {gate_level}) s'appliquera : {status} ; {domain} {before}/5 → {after}/5.",
        en="From {date}, the gate “{title}” (level {gate_level}) will apply: {status}; {domain} {before}/5 → {after}/5.",
    ),
    "p_ends": _M(
        fr="À partir du {date}, « {title} » ne s'appliquera plus.",
        en="From {date}, “{title}” will no longer apply.",
    ),
    "p_search": _M(
        fr="{n} jeux de réponses évalués par le moteur ; chaque option a été vérifiée.",
        en="{n} answer sets evaluated by the engine; every option was verified.",
    ),
    # compare
    "c_title": _M(
        fr="Évolution depuis l'évaluation du {date}", en="Changes since the assessment of {date}"
    ),
    "c_sides": _M(
        fr="Évaluation du {before} → évaluation du {after} · règles actuelles {rules}",
        en="Assessment of {before} → assessment of {after} · current rules {rules}",
    ),
    "c_index": _M(
        fr="Indice global e-santé : {before} → {after} ({delta})",
        en="Overall e-health index: {before} → {after} ({delta})",
    ),
    "c_grade": _M(
        fr="Fiabilité des réponses : {before} → {after}", en="Confidence grade: {before} → {after}"
    ),
    "c_before": _M(fr="Avant", en="Before"),
    "c_after": _M(fr="Après", en="After"),
    "c_domain_line": _M(
        fr="{name} : niveau {before}/5 → {after}/5, score {sb} → {sa}",
        en="{name}: level {before}/5 → {after}/5, score {sb} → {sa}",
    ),
    "c_section_line": _M(fr="{name} (non noté)", en="{name} (not scored)"),
    "c_gates_met": _M(fr="Conditions désormais satisfaites", en="Gates now met"),
    "c_gates_lost": _M(fr="Conditions perdues", en="Gates lost"),
    "c_resolved": _M(fr="Constats levés", en="Findings resolved"),
    "c_new": _M(fr="Nouveaux constats", en="New findings"),
    "c_persisting": _M(
        fr="Constats persistants : {n} ({ids})", en="Persisting findings: {n} ({ids})"
    ),
    "c_level_tag": _M(fr="niveau {n}", en="level {n}"),
    "c_because": _M(fr="réponses en cause : {items}", en="answers behind it: {items}"),
    "c_in_force": _M(
        fr="entrée en vigueur ou fin d'application de la règle",
        en="the rule came into or out of force",
    ),
    "c_other": _M(
        fr="effet indirect (applicabilité, autre règle)",
        en="indirect effect (applicability, another rule)",
    ),
    "c_no_change": _M(fr="aucun changement", en="no change"),
    "c_answers": _M(fr="Réponses modifiées ({n})", en="Answers changed ({n})"),
    "c_renamed_from": _M(fr="(anciennement {old})", en="(formerly {old})"),
    "c_rule_changes": _M(
        fr="Règles modifiées entre les deux versions (mêmes réponses, autre résultat ; ce n'est pas le fait de l'organisation)",
        en="Rules changed between the two versions (same answers, different outcome; not the organisation's doing)",
    ),
    "c_then_level": _M(
        fr="{name} : l'évaluation précédente donnait le niveau {then}/5 selon les règles de l'époque, {now}/5 selon les règles actuelles",
        en="{name}: the previous assessment gave level {then}/5 by the rules of its time, {now}/5 by the current rules",
    ),
    "c_then_index": _M(
        fr="Indice précédent : {then} selon les règles de l'époque, {now} selon les règles actuelles",
        en="Previous index: {then} by the rules of its time, {now} by the current rules",
    ),
    "c_rule_modified": _M(fr="règle modifiée", en="rule changed"),
    "c_rule_new": _M(fr="nouvelle règle", en="new rule"),
    "c_rule_removed": _M(fr="règle retirée", en="rule removed"),
    "c_carried": _M(fr="Reprise des réponses précédentes", en="Previous answers carried over"),
    "c_renamed": _M(
        fr="{old} → {new} : question renommée, réponse reprise",
        en="{old} → {new}: question renamed, answer carried over",
    ),
    "c_retired": _M(
        fr="{old} : question retirée, non comparée ({reason})",
        en="{old}: question retired, not compared ({reason})",
    ),
    "c_unknown_question": _M(
        fr="{old} : question inconnue de ce questionnaire, non comparée",
        en="{old}: question unknown to this questionnaire, not compared",
    ),
    "c_invalid_value": _M(
        fr="{old} : réponse non reprise, non comparée ({detail})",
        en="{old}: answer not carried over, not compared ({detail})",
    ),
    "c_warn_finess": _M(
        fr="Attention : les deux évaluations ne portent pas sur le même FINESS.",
        en="Warning: the two assessments are not for the same FINESS.",
    ),
    "c_warn_current_rescored": _M(
        fr="Le résultat actuel a été recalculé avec les règles installées.",
        en="The current result was scored again with the installed rules.",
    ),
    "c_fired": _M(fr="relevé", en="raised"),
    "c_not_fired": _M(fr="non relevé", en="not raised"),
    "c_absent": _M(fr="absente", en="absent"),
    # batch --previous: the regional summary's progression page (read without the s_ prefix)
    "s_prog_title": _M(
        fr="Progression depuis la campagne précédente", en="Progress since the previous campaign"
    ),
    "s_prog_matched": _M(
        fr="organisations retrouvées (même FINESS)", en="organisations matched (same FINESS)"
    ),
    "s_prog_only_current": _M(fr="nouvelles", en="new"),
    "s_prog_only_previous": _M(fr="absentes de cette campagne", en="missing from this campaign"),
    "s_prog_mean_change": _M(fr="évolution moyenne de l'indice", en="mean index change"),
    "s_prog_improved": _M(fr="En progrès", en="Improved"),
    "s_prog_regressed": _M(fr="En recul", en="Regressed"),
    "s_prog_moves": _M(
        fr="Changements de niveau (organisations)", en="Level moves (organisations)"
    ),
    "s_prog_regressed_title": _M(fr="Organisations en recul", en="Organisations that regressed"),
    "s_prog_index_change": _M(fr="Évolution de l'indice", en="Index change"),
    "s_prog_down": _M(fr="Domaines en recul", en="Domains down"),
    "s_prog_none": _M(fr="Aucune organisation en recul.", en="No organisation regressed."),
    "s_prog_only_current_title": _M(
        fr="Organisations absentes de la campagne précédente",
        en="Organisations not in the previous campaign",
    ),
    "s_prog_only_previous_title": _M(
        fr="Organisations de la campagne précédente absentes de celle-ci",
        en="Organisations of the previous campaign missing from this one",
    ),
    "s_prog_first": _M(fr="Les %s premières sur %s.", en="The first %s of %s."),
}

MESSAGES.update(PROGRESS_MESSAGES)
