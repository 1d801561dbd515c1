"""User-facing words of the outputs, French first. Every entry must have both languages."""

from __future__ import annotations

from .common import DOMAINS, Lang, Text

__all__ = ["MESSAGES", "t"]

_M = Text

MESSAGES: dict[str, Text] = {
    "assessed_on": _M(fr="évaluation du", en="assessed on"),
    "as_of": _M(fr="jugée au", en="judged as of"),
    "questionnaire": _M(fr="questionnaire", en="questionnaire"),
    "rules": _M(fr="règles", en="rules"),
    "engine": _M(fr="moteur", en="engine"),
    "inputs": _M(fr="empreinte", en="inputs hash"),
    "index": _M(fr="Indice global e-santé", en="Overall e-health index"),
    "up_to": _M(fr="jusqu'à {value} si les réponses inconnues sont favorables", en="up to {value} if unknown answers turn out favourable"),
    "confidence": _M(fr="confiance", en="confidence"),
    "domain": _M(fr="Domaine", en="Domain"),
    "level": _M(fr="Niveau", en="Level"),
    "score": _M(fr="Score", en="Score"),
    "potential": _M(fr="Potentiel", en="Potential"),
    "findings": _M(fr="Constats", en="Findings"),
    "no_findings": _M(fr="Aucun constat.", en="No findings."),
    "not_applicable": _M(fr="non applicable", en="not applicable"),
    "warnings": _M(fr="Avertissements", en="Warnings"),
    "reached": _M(fr="atteint", en="reached"),
    "not_reached": _M(fr="non atteint", en="not reached"),
    "gate_met": _M(fr="satisfait", en="met"),
    "gate_not_met": _M(fr="non satisfait", en="not met"),
    "gate_unknown": _M(fr="inconnu (réponse manquante)", en="unknown (answer missing)"),
    "gate_not_applicable": _M(fr="non applicable", en="not applicable"),
    "answer_unknown": _M(fr="inconnu", en="unknown"),
    "answer_not_applicable": _M(fr="non applicable", en="not applicable"),
    "no_gates": _M(fr="aucune condition définie pour ce niveau", en="no gate defined for this level"),
    "explain_title": _M(fr="Détail des niveaux", en="Level breakdown"),
    "recommendation": _M(fr="Recommandation", en="Recommendation"),
    "severity_critical": _M(fr="critique", en="critical"),
    "severity_high": _M(fr="élevée", en="high"),
    "severity_medium": _M(fr="moyenne", en="medium"),
    "severity_low": _M(fr="faible", en="low"),
    "severity_info": _M(fr="info", en="info"),
    "domain_interoperability": _M(fr="Interopérabilité", en="Interoperability"),
    "domain_hds_hosting": _M(fr="Hébergement HDS", en="HDS hosting"),
    "domain_dmp": _M(fr="Alimentation du DMP", en="DMP feeding"),
    "domain_mssante": _M(fr="MSSanté", en="MSSanté"),
    "domain_cybersecurity": _M(fr="Cybersécurité", en="Cybersecurity"),
    "domain_telemedicine": _M(fr="Télémédecine", en="Telemedicine"),
}

assert all(f"domain_{d}" in MESSAGES for d in DOMAINS)


def t(key: str, lang: Lang, **values: object) -> str:
    text = MESSAGES[key].get(lang)
    return text.format(**values) if values else text
