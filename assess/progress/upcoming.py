"""Dated obligations: rules that come into (or out of) force before a date, and what they change.

The answers are evaluated twice, as of today and as of the horizon, with nothing changed: the
difference is what happens "if nothing is done".
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from ..answers import AnswerSet
from ..common import Severity, Text
from ..result import GateStatus
from ..rule import Rule
from ..scoring.assessor import Assessor

__all__ = ["UpcomingRule", "upcoming_rules"]


class UpcomingRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    domain: str
    title: Text
    severity: Severity
    kind: str  # finding | gate
    date: dt.date  # effective_from, or effective_until for a rule that ends
    change: str  # starts | ends
    fires: bool  # finding: fires at the horizon with today's answers; gate: met at the horizon
    gate_status: GateStatus | None  # gates only, as of the horizon
    level_before: int | None  # gates only: the domain's level today and at the horizon
    level_after: int | None


def _dated(rule: Rule, start: dt.date, end: dt.date) -> tuple[dt.date, str] | None:
    if rule.effective_from and start < rule.effective_from <= end:
        return rule.effective_from, "starts"
    if rule.effective_until and start < rule.effective_until <= end:
        return rule.effective_until, "ends"
    return None


def upcoming_rules(
    assessor: Assessor, answers: AnswerSet, as_of: dt.date, by: dt.date, domains: list[str]
) -> list[UpcomingRule]:
    """Rules of these domains (and of the adjacent sections) dated in (as_of, by], by date."""
    now, later = assessor.evaluate(answers, as_of), assessor.evaluate(answers, by)
    org_type = answers.organisation.type
    out: list[UpcomingRule] = []
    for rule in assessor.defs.rules.values():
        dated = _dated(rule, as_of, by)
        scored = rule.domain in now.domains
        if dated is None or (scored and rule.domain not in domains):
            continue
        if rule.deprecated or (rule.applies_to and org_type not in rule.applies_to):
            continue  # retired rules are never evaluated
        fired = rule.id in later.fired.get(rule.domain, set())
        status = before = after = None
        if rule.gate:
            gates = dict(later.domains[rule.domain].gates)
            status = gates.get(rule.id)
            before = now.domains[rule.domain].level
            after = later.domains[rule.domain].level
        out.append(
            UpcomingRule(
                rule_id=rule.id,
                domain=rule.domain,
                title=rule.title,
                severity=rule.severity,
                kind="gate" if rule.gate else "finding",
                date=dated[0],
                change=dated[1],
                fires=fired,
                gate_status=status,
                level_before=before,
                level_after=after,
            )  # fmt: skip
        )
    return sorted(out, key=lambda u: (u.date, u.rule_id))
