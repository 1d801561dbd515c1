"""The reference evaluator of compiled rules: same inputs and outputs as the engines.

It is the test oracle: the property tests require durable-rules and the generated function
(`generated.py`, the `python` engine) to fire exactly the rules it fires.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..common import OrgType
from .compile import CompiledDomain, CompiledRule
from .predicate import predicate
from .truth import Resolved

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
    """The reference: each rule's condition as a tree of closures over `truth.compare`."""

    name = "oracle"

    def __init__(self, domains: dict[str, CompiledDomain]) -> None:
        self.domains = domains
        self.plans = {
            name: [(rid, d.rules[rid], predicate(d.rules[rid].node)) for rid in d.order]
            for name, d in domains.items()
        }
        self._applying: dict[tuple[OrgType, dt.date], set[str]] = {}

    def fired(self, case: Case) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        key = (case.org_type, case.as_of)
        applying = self._applying.get(key)
        if applying is None:
            applying = {
                rid for plan in self.plans.values() for rid, c, _ in plan if rule_applies(c, case)
            }
            if len(self._applying) < 256:
                self._applying[key] = applying
        for name, plan in self.plans.items():
            fired: set[str] = set()
            for rid, _c, test in plan:
                if rid in applying and test(case.resolved, fired):
                    fired.add(rid)
            out[name] = fired
        return out

    def fired_many(self, cases: Sequence[Case]) -> list[dict[str, set[str]]]:
        return [self.fired(c) for c in cases]
