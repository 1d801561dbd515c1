"""The one result model. `--format json` is this model; text, CSV, HTML and PDF are rendered from it.

Stable contract: fields are only ever added. `schema_version` changes if one is removed or renamed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .common import Severity, Text

__all__ = [
    "AdjacentResult",
    "AnswerView",
    "AssessmentResult",
    "CheckResult",
    "EvidenceIssue",
    "GradeDetail",
    "DomainResult",
    "FindingResult",
    "GateResult",
    "GateStatus",
    "LevelResult",
    "OrganisationView",
    "Overall",
    "RESULT_SCHEMA_VERSION",
]

RESULT_SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GateStatus(StrEnum):
    met = "met"
    not_met = "not_met"
    unknown = "unknown"  # hangs on unanswered questions
    not_applicable = "not_applicable"  # org type excluded, or every question not applicable


class AnswerView(_Model):
    """An answer as the result shows it: `state` is answered, unknown or not_applicable."""

    question_id: str
    state: str
    value: Any = None
    comment: str | None = None
    evidence: str | None = None  # the reference
    evidence_date: dt.date | None = None
    evidence_expires: dt.date | None = None
    # valid, missing, expired, stale, undated, future, justified, unjustified; None: not asked
    evidence_status: str | None = None


class References(_Model):
    seed: list[str]
    referentials: list[str]


class FindingResult(_Model):
    rule_id: str
    domain: str
    severity: Severity
    title: Text
    rationale: Text
    recommendation: Text
    references: References
    answers: list[AnswerView]


class CheckResult(_Model):
    """Answers that contradict each other: shown first, they lower the grade, never the score."""

    rule_id: str
    section: str
    severity: Severity
    title: Text
    message: Text
    resolution: Text
    references: References
    answers: list[AnswerView]
    confirmed: bool = False  # the answers file confirms these answers as right
    confirmation: str | None = None  # why


class EvidenceIssue(_Model):
    """An answer whose evidence is missing, expired, too old, undated or unjustified."""

    question_id: str
    status: str
    max_age_months: int | None = None
    evidence: str | None = None
    evidence_date: dt.date | None = None
    evidence_expires: dt.date | None = None


class GradeDetail(_Model):
    """How a confidence grade was computed (formula in the README, method section)."""

    grade: str  # A, B, C or D
    points: float  # 0..100
    completeness: float  # share of applicable questions answered
    evidence: float  # share of answers needing evidence that have valid evidence (1 if none)
    evidence_required: int
    evidence_valid: int
    checks_unresolved: list[str]
    capped_by: list[str]  # unresolved critical or high checks: the grade is C at best
    evidence_issues: list[EvidenceIssue]


class GateResult(_Model):
    rule_id: str
    level: int
    weight: float
    status: GateStatus
    severity: Severity
    title: Text
    references: References
    answers: list[AnswerView]


class LevelResult(_Model):
    level: int
    title: Text
    description: Text
    reached: bool
    gates: list[str]  # rule IDs of this level's gates
    blocking: list[str]  # gates of levels 1..N that are not met (not_met or unknown)
    # False when every gate of the level is not applicable to this organisation (its type, or
    # an activity it declares it does not have): the level is then neither reached nor blocking.
    applicable: bool = True


class DomainResult(_Model):
    domain: str
    title: Text
    applicable: bool
    level: int  # 0..5, cumulative gates
    potential_level: int  # the level if every unknown answer turned out favourable
    score: float  # 0..100: weighted share of gates met
    score_max: float  # the score if every unknown answer turned out favourable
    confidence: float  # 0..1: share of applicable questions answered
    questions_applicable: int
    questions_answered: int
    levels: list[LevelResult]
    gates: list[GateResult]
    findings: list[FindingResult]
    confidence_grade: str = ""  # A..D, see grade_detail
    grade_detail: GradeDetail | None = None
    checks: list[str] = Field(default_factory=list)  # fired check IDs (details in result.checks)

    def next_level(self) -> LevelResult | None:
        """The first applicable level above the one reached, if any."""
        return next((lv for lv in self.levels if lv.level > self.level and lv.applicable), None)


class AdjacentResult(_Model):
    """Sections that are asked but not scored (identity, e-prescription, governance, training)."""

    section: str
    title: Text
    findings: list[FindingResult]
    checks: list[str] = Field(default_factory=list)


class Overall(_Model):
    index: float  # 0..100, domains weighted by the report's value axes
    index_max: float
    confidence: float
    weights: dict[str, float]
    findings_by_severity: dict[str, int]
    confidence_grade: str = ""
    grade_detail: GradeDetail | None = None


class OrganisationView(_Model):
    name: str
    finess: str
    type: str
    region: str
    departement: str


class AssessmentResult(_Model):
    schema_version: int = RESULT_SCHEMA_VERSION
    tool_version: str
    engine: str
    organisation: OrganisationView
    assessment_date: dt.date
    as_of: dt.date
    questionnaire_id: str
    questionnaire_version: str
    rules_version: str
    inputs_hash: str  # short hash of answers + rules: two reports with it came from the same inputs
    overall: Overall
    domains: list[DomainResult]
    adjacent: list[AdjacentResult]
    answers: list[AnswerView]
    warnings: list[str]  # in English, for programs; `notices` has both languages
    notices: list[Text] = Field(default_factory=list)
    checks: list[CheckResult] = Field(default_factory=list)  # most severe first

    def domain(self, name: str) -> DomainResult:
        return next(d for d in self.domains if d.domain == name)

    def all_findings(self) -> list[FindingResult]:
        found = [f for d in self.domains for f in d.findings]
        found += [f for a in self.adjacent for f in a.findings]
        return found
