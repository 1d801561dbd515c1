"""Words of the regional summary's title and of its two variants (registered with the others;
the template reads them without the s_ prefix)."""

from __future__ import annotations

from ..common import Text
from ..i18n import MESSAGES

__all__ = ["SUMMARY_VARIANT_MESSAGES"]

_M = Text

SUMMARY_VARIANT_MESSAGES: dict[str, Text] = {
    "s_regions": _M(fr="{n} régions", en="{n} regions"),
    "s_data_on": _M(fr="données du {day}", en="data of {day}"),
    "s_data_between": _M(fr="données du {start} au {end}", en="data from {start} to {end}"),
    "s_internal_title": _M(
        fr="Version interne, réservée à l'ARS", en="Internal version, for the ARS only"
    ),
    "s_internal": _M(
        fr="Ce document nomme des organisations (nom et FINESS) et détaille chaque type et chaque "
        "département, même de moins de %s organisations. Ne pas le diffuser : pour une diffusion, "
        "produire la version publique (assess batch … --summary … --public).",
        en="This document names organisations (name and FINESS) and details every type and "
        "département, even of fewer than %s organisations. Do not circulate it: to publish, "
        "produce the public version (assess batch … --summary … --public).",
    ),
    "s_public_title": _M(fr="Version publique, diffusable", en="Public version, for publication"),
    "s_public": _M(
        fr="Aucune organisation n'est nommée (ni nom, ni FINESS). Les types et départements de "
        "moins de %s organisations ne sont pas détaillés, ni ceux qui permettraient de les "
        "retrouver par différence avec les totaux (secret secondaire, comme en statistique "
        "publique) ; « s » marque une moyenne masquée pour la même raison. Les constats et contrôles "
        "relevés chez moins de %s organisations ne sont pas listés.",
        en="No organisation is named (neither name nor FINESS). Types and départements of fewer "
        "than %s organisations are not detailed, nor those that would let them be recovered by "
        "difference with the totals (secondary suppression, as statistical offices do); “s” marks "
        "a mean hidden for the same reason. Findings and checks met by fewer than %s organisations "
        "are not listed.",
    ),
    "s_withheld": _M(
        fr="Moins de %s organisations notées : la version publique ne publie aucun chiffre, qui "
        "décrirait ce petit groupe. La version interne les donne.",
        en="Fewer than %s organisations scored: the public version publishes no figure, since any "
        "would describe that small group. The internal version gives them.",
    ),
    "s_none_scored": _M(
        fr="Aucune organisation notée : corriger les lignes rejetées (liste complète avec "
        "--errors FICHIER), puis relancer.",
        en="No organisation scored: fix the rejected rows (full list with --errors FILE), then "
        "run again.",
    ),
    "s_secret": _M(fr="s", en="s"),
    "s_secret_note": _M(
        fr="s : secret statistique (moyenne portant sur moins de %s organisations, ou qui "
        "permettrait d'en retrouver une par différence).",
        en="s: suppressed (a mean over fewer than %s organisations, or one that would let such a "
        "mean be recovered by difference).",
    ),
    "s_suppressed_public": _M(
        fr="%s organisations ne sont pas détaillées : groupes de moins de %s organisations, "
        "complétés au besoin d'autres groupes pour qu'on ne puisse pas les retrouver par différence.",
        en="%s organisations are not detailed: groups of fewer than %s organisations, with other "
        "groups added where needed so that these cannot be recovered by difference.",
    ),
    "s_prog_public": _M(
        fr="La version publique ne nomme pas les organisations en recul, nouvelles ou absentes : "
        "elles figurent dans la version interne.",
        en="The public version does not name the organisations that regressed, are new or are "
        "missing: the internal version lists them.",
    ),
    "b_public_needs_summary": _M(
        fr="--public choisit la version de la synthèse : ajouter --summary FICHIER.pdf",
        en="--public chooses the summary's variant: add --summary FILE.pdf",
    ),
    "s_type_chu": _M(fr="CHU", en="University hospital"),
    "s_type_ch": _M(fr="Centre hospitalier", en="General hospital"),
    "s_type_clinique": _M(fr="Clinique privée", en="Private clinic"),
    "s_type_esms": _M(fr="ESMS / EHPAD", en="ESMS / nursing home"),
    "s_type_centre_sante": _M(fr="Centre de santé / MSP", en="Health centre"),
    "s_type_editeur": _M(fr="Éditeur de logiciel", en="Software vendor"),
}

MESSAGES.update(SUMMARY_VARIANT_MESSAGES)
