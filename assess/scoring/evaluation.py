"""The numbers of one assessment, computed once: gate statuses, levels, scores, finding IDs.

Plain data, cheap to build: batch scoring stops here; `assess score` and the reports build the
full result model from it (`assessor.build_result`), so both report exactly the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..common import DOMAINS, SEVERITY_ORDER, Text
from ..conditions import NA, UNKNOWN, VALUE, Fired, literals
from ..definitions import Definitions
from ..engine.compile import CompiledDomain, CompiledRule
from ..engine.python import Case
from ..engine.truth import F, T, U, truth
from ..questionnaire import SectionKind
from ..result import GateStatus
from .confidence import Confidence, grade_of
from .evidence import EvidenceStatus
from .index import weighted_index
from .levels import summary

__all__ = ["DomainNumbers", "Evaluation", "Plan", "evaluate"]

SEVERITIES = ("critical", "high", "medium", "low", "info")


@dataclass(frozen=True)
class DomainNumbers:
    domain: str
    applicable: bool
    level: int
    potential_level: int
    score: float
    score_max: float
    confidence: float
    questions_applicable: int
    questions_answered: int
    gates: tuple[tuple[str, GateStatus], ...]  # (rule ID, status), by level then ID
    findings: tuple[str, ...]  # fired finding rule IDs, most severe first
    checks: tuple[str, ...] = ()  # fired check rule IDs, most severe first
    grade: Confidence | None = None


@dataclass(frozen=True)
class Evaluation:
    case: Case
    fired: dict[str, set[str]]
    domains: dict[str, DomainNumbers]  # the six scored domains, in order
    adjacent: dict[str, tuple[str, ...]]  # adjacent section -> finding rule IDs
    index: float
    index_max: float
    confidence: float
    findings_by_severity: dict[str, int]
    warnings: list[Text] = field(default_factory=list)
    checks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section -> fired checks
    grade: Confidence | None = None
    evidence: dict[str, EvidenceStatus] = field(default_factory=dict)  # question ID -> status
    confirmed: frozenset[str] = frozenset()  # fired checks the answers file confirms

    def finding_ids(self) -> list[str]:
        out = [f for d in self.domains.values() for f in d.findings]
        return out + [f for ids in self.adjacent.values() for f in ids]

    def check_ids(self) -> list[str]:
        """Every fired check, scored domains first, then adjacent sections."""
        return [c for ids in self.checks.values() for c in ids]


@dataclass
class _DomainPlan:
    compiled: CompiledDomain | None
    questions: tuple[str, ...]
    gates: list[CompiledRule]  # by level, then ID
    findings: list[CompiledRule]  # by severity, then ID
    checks: list[CompiledRule]  # by severity, then ID
    status_order: list[
        CompiledRule
    ]  # gates and the rules they name with `fired`, dependencies first

    def __post_init__(self) -> None:
        self.gate_info = [(c, c.rule.id, c.rule.gate.level, c.rule.gate.weight) for c in self.gates]  # type: ignore[union-attr]
        self.finding_ids = [c.rule.id for c in self.findings]
        self.check_ids = [c.rule.id for c in self.checks]
        self.status_info = [
            (c, c.rule.id, tuple(lit.rule for lit in literals(c.node) if isinstance(lit, Fired)))
            for c in self.status_order
        ]
        # Every question a gate or a rule it builds on tests: the only answers whose state matters.
        self.tested = tuple(
            sorted({q for c in (*self.gates, *self.status_order) for q in c.questions})
        )


def _level(c: CompiledRule) -> int:
    return c.rule.gate.level if c.rule.gate else 0


def _plan_domain(compiled: CompiledDomain | None, questions: tuple[str, ...]) -> _DomainPlan:
    if compiled is None:
        return _DomainPlan(None, questions, [], [], [], [])
    rules = compiled.rules
    gates = sorted((c for c in rules.values() if c.rule.gate), key=lambda c: (_level(c), c.rule.id))
    findings = sorted(
        (c for c in rules.values() if c.rule.effect.finding),
        key=lambda c: (SEVERITY_ORDER[c.rule.severity], c.rule.id),
    )
    checks = sorted(
        (c for c in rules.values() if c.rule.effect.check),
        key=lambda c: (SEVERITY_ORDER[c.rule.severity], c.rule.id),
    )
    needed: set[str] = set()
    stack = [c.rule.id for c in gates]
    while stack:
        rid = stack.pop()
        if rid in needed:
            continue
        needed.add(rid)
        stack.extend(lit.rule for lit in literals(rules[rid].node) if isinstance(lit, Fired))
    order = [rules[rid] for rid in compiled.order if rid in needed]
    return _DomainPlan(compiled, questions, gates, findings, checks, order)


class Plan:
    """Everything about the definitions that does not depend on the organisation."""

    def __init__(
        self, defs: Definitions, compiled: dict[str, CompiledDomain], weights: dict[str, float]
    ) -> None:
        self.weights = weights
        self.domains: dict[str, _DomainPlan] = {}
        self.adjacent: dict[str, _DomainPlan] = {}
        for section in defs.questionnaire.sections:
            qids = tuple(q.id for q in section.questions)
            if section.kind is SectionKind.domain:
                self.domains[section.id] = _plan_domain(compiled.get(section.id), qids)
            elif section.kind is SectionKind.adjacent and section.id in compiled:
                self.adjacent[section.id] = _plan_domain(compiled[section.id], qids)
        self.domains = {d: self.domains[d] for d in DOMAINS if d in self.domains}
        self._active: dict[tuple[str, dt.date], frozenset[str]] = {}
        self._in_force: dict[dt.date, frozenset[str]] = {}
        self._all_rules = [c for d in compiled.values() for c in d.rules.values()]
        self.severity = {c.rule.id: c.rule.severity.value for c in self._all_rules}

    def in_force(self, case: Case) -> frozenset[str]:
        """Rules in force at this date, whatever the organisation type (cached)."""
        found = self._in_force.get(case.as_of)
        if found is None:
            found = frozenset(c.rule.id for c in self._all_rules if c.rule.in_force(case.as_of))
            if len(self._in_force) < 256:
                self._in_force[case.as_of] = found
        return found

    def active(self, case: Case) -> frozenset[str]:
        """Rules that apply to this organisation type and are in force at this date (cached)."""
        key = (case.org_type.value, case.as_of)
        found = self._active.get(key)
        if found is None:
            found = frozenset(
                c.rule.id for c in self._all_rules
                if (not c.rule.applies_to or case.org_type in c.rule.applies_to) and c.rule.in_force(case.as_of)
            )  # fmt: skip
            if len(self._active) < 256:
                self._active[key] = found
        return found


@dataclass(frozen=True)
class _Trust:
    """What the confidence grade needs besides the engine's output."""

    evidence: Mapping[str, EvidenceStatus]
    confirmed: frozenset[str]
    severity: dict[str, str]

    def counts(self, questions: Iterable[str]) -> tuple[int, int]:
        """(answers among `questions` that need evidence, those whose evidence is valid)."""
        required = valid = 0
        for q in questions:
            st = self.evidence.get(q)
            if st is not None and st.counted:
                required += 1
                valid += st.state.ok
        return required, valid

    def grade(
        self, completeness: float, counts: tuple[int, int], checks: Iterable[str]
    ) -> Confidence:
        required, valid = counts
        return grade_of(
            completeness, required, valid, ((c, self.severity[c]) for c in checks), self.confirmed
        )


_MET, _NOT_MET = GateStatus.met, GateStatus.not_met
_UNKNOWN_GATE, _NOT_APPLICABLE = GateStatus.unknown, GateStatus.not_applicable


def _domain_numbers(
    name: str, plan: _DomainPlan, case: Case, fired: set[str], active: frozenset[str],
    in_force: frozenset[str], trust: _Trust,
) -> DomainNumbers:  # fmt: skip
    """Runs for every organisation and domain: set operations instead of per-answer loops."""
    resolved = case.resolved
    unknown = {q for q in plan.tested if resolved[q].state == UNKNOWN}
    na = {q for q in plan.tested if resolved[q].state == NA}
    status: dict[str, str] = {}

    def kleene(rid: str) -> str:
        return T if rid in fired else status.get(rid, F)

    for c, rid, deps in plan.status_info:  # gates and what they build on, dependencies first
        if rid in fired:
            status[rid] = T
        elif rid in active:
            # Only an unknown answer (or an unknown rule it builds on) can make a condition
            # unknown; otherwise a rule that did not fire is simply false.
            undecided = (unknown and not unknown.isdisjoint(c.questions)) or (
                deps and any(status.get(d) == U for d in deps)
            )
            status[rid] = truth(c.node, resolved, kleene) if undecided else F
    gates: list[tuple[str, GateStatus]] = []
    weighted: list[tuple[int, float, GateStatus]] = []
    applicable = False
    for c, rid, level, weight in plan.gate_info:
        if rid not in in_force:
            continue
        if rid not in active or (c.questions and na.issuperset(c.questions)):
            gate = _NOT_APPLICABLE  # a gate with no applicable question tests nothing
        elif rid in fired:
            gate = _MET
        else:
            gate = _UNKNOWN_GATE if status[rid] == U else _NOT_MET
        applicable = applicable or gate is not _NOT_APPLICABLE
        gates.append((rid, gate))
        weighted.append((level, weight, gate))
    level, potential_level, domain_score, score_max = summary(weighted)
    states = [resolved[q].state for q in plan.questions]
    applicable_q = len(states) - states.count(NA)
    answered = states.count(VALUE)
    confidence = round(answered / applicable_q, 3) if applicable_q else 1.0
    checks = tuple([rid for rid in plan.check_ids if rid in fired]) if fired else ()
    return DomainNumbers(
        domain=name,
        applicable=applicable,
        level=level,
        potential_level=potential_level,
        score=domain_score,
        score_max=score_max,
        confidence=confidence,
        questions_applicable=applicable_q,
        questions_answered=answered,
        gates=tuple(gates),
        findings=tuple([rid for rid in plan.finding_ids if rid in fired]) if fired else (),
        checks=checks,
        grade=trust.grade(confidence, trust.counts(plan.questions), checks),
    )


def evaluate(
    plan: Plan, fired: dict[str, set[str]], case: Case, warnings: list[Text],
    evidence: Mapping[str, EvidenceStatus] | None = None, confirmed: Iterable[str] = (),
) -> Evaluation:  # fmt: skip
    """The numbers of one organisation from the rules its evaluator fired."""
    active = plan.active(case)
    in_force = plan.in_force(case)
    trust = _Trust(evidence or {}, frozenset(confirmed), plan.severity)
    domains = {
        name: _domain_numbers(name, p, case, fired.get(name, set()), active, in_force, trust)
        for name, p in plan.domains.items()
    }
    adjacent = {
        name: tuple(c.rule.id for c in p.findings if c.rule.id in fired.get(name, ()))
        for name, p in plan.adjacent.items()
    }
    applicable = {k: d for k, d in domains.items() if d.applicable}
    answered = sum(d.questions_answered for d in applicable.values())
    asked = sum(d.questions_applicable for d in applicable.values())
    counts = dict.fromkeys(SEVERITIES, 0)
    for ids in [d.findings for d in domains.values()] + list(adjacent.values()):
        for rid in ids:
            counts[plan.severity[rid]] += 1
    checks = {name: d.checks for name, d in domains.items() if d.checks}
    for name, p in plan.adjacent.items():
        found = tuple(rid for rid in p.check_ids if rid in fired.get(name, ()))
        if found:
            checks[name] = found
    confidence = round(answered / asked, 3) if asked else 1.0
    # Each question belongs to one section: the whole's evidence counts are the sum of the
    # applicable domains' (already in their grades) and the adjacent sections'.
    parts = [(g.evidence_required, g.evidence_valid) for d in applicable.values() if (g := d.grade)]
    parts += [trust.counts(p.questions) for p in plan.adjacent.values()]
    evidence_counts = (sum(r for r, _ in parts), sum(v for _, v in parts))
    fired_checks = [c for ids in checks.values() for c in ids]
    return Evaluation(
        case=case,
        fired=fired,
        domains=domains,
        adjacent=adjacent,
        index=weighted_index({k: d.score for k, d in applicable.items()}, plan.weights),
        index_max=weighted_index({k: d.score_max for k, d in applicable.items()}, plan.weights),
        confidence=confidence,
        findings_by_severity=counts,
        warnings=warnings,
        checks=checks,
        grade=trust.grade(confidence, evidence_counts, fired_checks),
        evidence=dict(trust.evidence),
        confirmed=frozenset(c for c in trust.confirmed if c in fired_checks),
    )
