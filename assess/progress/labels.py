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
        fr="aucun ensemble d'au plus {n} changements de réponses n'atteint ce niveau ; voir `assess explain`",
        en="no set of at most {n} answer changes reaches this level; see `assess explain`",
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
}

MESSAGES.update(PROGRESS_MESSAGES)
