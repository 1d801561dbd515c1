"""The rule format: one YAML file per rule, `rules/<domain>/<ID>.yaml`."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from .common import OrgType, Severity, StrictModel, Text
from .conditions import Condition
from .questionnaire import References

__all__ = [
    "Check",
    "Expectation",
    "Finding",
    "Gate",
    "Review",
    "ReviewedSource",
    "Rule",
    "RuleEffect",
    "RuleExample",
]

EXAMPLE_DATE = dt.date(2026, 6, 30)
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")


class Finding(StrictModel):
    """What the organisation is told when the rule fires."""

    rationale: Text
    recommendation: Text


class Gate(StrictModel):
    """The rule is one of the conditions of maturity level `level` of its domain."""

    level: int = Field(ge=1, le=5)
    weight: float = Field(default=1.0, gt=0, le=10)
    # What to do to meet it, as the action plan prints it ("Tester la réversibilité…").
    action: Text | None = None


class Check(StrictModel):
    """Answers that contradict each other or are implausible together.

    A check never changes a level or a score: it lowers the confidence grade and is shown
    first, so that the answers are corrected (or confirmed) before the report is shared.
    """

    message: Text  # which answers disagree
    resolution: Text  # how to resolve it


class RuleEffect(StrictModel):
    finding: Finding | None = None
    gate: Gate | None = None
    check: Check | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> RuleEffect:
        given = [e for e in (self.finding, self.gate, self.check) if e is not None]
        if len(given) != 1:
            raise ValueError("an effect is a finding, a gate or a check (give exactly one)")
        return self


class ReviewedSource(StrictModel):
    """One official text checked during a review, with the date of the version read."""

    id: str = Field(min_length=1)  # a referential ID of references/referentials.yaml
    date: dt.date


class Review(StrictModel):
    """Who checked the rule against its sources, when, and what they could not confirm.

    `notes` are the maintainers' caveats (claims not confirmed by an official source, open
    questions); they are never printed in what a client reads.
    """

    date: dt.date
    by: str = Field(min_length=1)  # a role, e.g. "relecture documentaire", never a person's name
    seed: list[str] = Field(default_factory=list)
    referentials: list[ReviewedSource] = Field(default_factory=list)
    notes: str | None = None


class Expectation(StrEnum):
    fires = "fires"
    does_not_fire = "does_not_fire"


class RuleExample(StrictModel):
    """Answers (question ID → answer, unknown for the rest) and what the rule must do."""

    name: str | None = None
    org_type: OrgType = OrgType.ch
    # Examples are judged at a fixed date so that they never change meaning as time passes.
    as_of: dt.date = EXAMPLE_DATE
    answers: dict[str, Any] = Field(default_factory=dict)
    expect: Expectation


class Rule(StrictModel):
    id: str
    domain: str
    title: Text
    severity: Severity
    when: Condition
    effect: RuleEffect
    applies_to: list[OrgType] = Field(default_factory=list)
    references: References
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    examples: list[RuleExample] = Field(min_length=2)
    deprecated: bool = False
    review: Review | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(
                f"rule ID '{value}' must look like DMP-001 (upper case, dash-separated)"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if not self.references.seed:
            raise ValueError(
                "references.seed must cite at least one seed barrier, proposal or measure"
            )
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until <= self.effective_from
        ):
            raise ValueError("effective_until must come after effective_from")
        expects = {e.expect for e in self.examples}
        if expects != {Expectation.fires, Expectation.does_not_fire}:
            raise ValueError("examples must include at least one 'fires' and one 'does_not_fire'")
        return self

    @property
    def gate(self) -> Gate | None:
        return self.effect.gate

    @property
    def check(self) -> Check | None:
        return self.effect.check

    def in_force(self, as_of: dt.date) -> bool:
        if self.effective_from and as_of < self.effective_from:
            return False
        return not (self.effective_until and as_of >= self.effective_until)
