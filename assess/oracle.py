"""The plain-Python evaluator of compiled rules: same inputs and outputs as the durable adapter.

It is the test oracle (the property test requires both to fire exactly the same rules) and the
fallback a batch can verify against.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .common import OrgType
from .compile import CompiledDomain, CompiledRule
from .evaluate import F, Resolved, T, truth

__all__ = ["Case", "PythonEvaluator", "rule_applies"]


@dataclass(frozen=True)
class Case:
    """One organisation's input to an evaluator."""

    resolved: dict[str, Resolved]
    org_type: OrgType
    as_of: dt.date


def rule_applies(c: CompiledRule, case: Case) -> bool:
    rule = c.rule
    if rule.applies_to and case.org_type not in rule.applies_to:
        return False
    return rule.in_force(case.as_of)


class PythonEvaluator:
    name = "python"

    def __init__(self, domains: dict[str, CompiledDomain]) -> None:
        self.domains = domains

    def fired(self, case: Case) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for name, domain in self.domains.items():
            fired: set[str] = set()
            for rid in domain.order:
                c = domain.rules[rid]
                if not rule_applies(c, case):
                    continue
                if truth(c.node, case.resolved, lambda r, f=fired: T if r in f else F) == T:  # type: ignore[misc]
                    fired.add(rid)
            out[name] = fired
        return out
