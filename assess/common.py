"""Small types shared by every file format: bilingual text, severities, organisation types."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .domains import DOMAINS

__all__ = [
    "DOMAINS",
    "Lang",
    "OrgType",
    "Severity",
    "StrictModel",
    "Text",
    "SEVERITY_ORDER",
]

Lang = Literal["fr", "en"]


class StrictModel(BaseModel):
    """Every file format rejects unknown fields and is immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(StrictModel):
    """User-facing text, French first. Both languages are required."""

    fr: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return self.fr if lang == "fr" else self.en

    @field_validator("fr", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be blank")
        return value


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"


SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(Severity)}


class OrgType(StrEnum):
    """Organisation types that questions and rules can be restricted to."""

    chu = "chu"  # centre hospitalier universitaire
    ch = "ch"  # centre hospitalier (public)
    clinique = "clinique"  # private clinic
    esms = "esms"  # medico-social: EHPAD and other ESMS
    centre_sante = "centre_sante"  # health centre, MSP
    editeur = "editeur"  # software vendor

    @property
    def label(self) -> Text:
        return _ORG_LABELS[self]


_ORG_LABELS = {
    OrgType.chu: Text(fr="Centre hospitalier universitaire (CHU)", en="University hospital (CHU)"),
    OrgType.ch: Text(fr="Centre hospitalier (CH)", en="General hospital (CH)"),
    OrgType.clinique: Text(fr="Clinique privée", en="Private clinic"),
    OrgType.esms: Text(fr="ESMS / EHPAD", en="Medico-social facility / nursing home (ESMS/EHPAD)"),
    OrgType.centre_sante: Text(
        fr="Centre de santé / MSP", en="Health centre / multi-professional practice"
    ),
    OrgType.editeur: Text(fr="Éditeur de logiciel", en="Software vendor"),
}
