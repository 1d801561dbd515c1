"""The pipeline: answers → facts → engine → gates, levels, scores and findings → one result."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from typing import Any, Literal, Protocol

from . import __version__
from .answers import AnswerSet
from .common import DOMAINS, SEVERITY_ORDER
from .compile import CompiledDomain, CompiledRule, compile_definitions
from .conditions import NA, UNKNOWN, VALUE
from .definitions import Definitions
from .evaluate import F, Resolved
from .facts import resolve
from .index import domain_weights, weighted_index
from .oracle import Case, PythonEvaluator, rule_applies
from .questionnaire import SectionKind
from .result import (
    AdjacentResult,
    AnswerView,
    AssessmentResult,
    DomainResult,
    FindingResult,
    GateResult,
    GateStatus,
    LevelResult,
    OrganisationView,
    Overall,
    References,
)
from .scoring import gate_status, levels, rule_truth, score

__all__ = ["Assessor", "EngineName"]

EngineName = Literal["durable", "python"]
_STATE_NAMES = {VALUE: "answered", UNKNOWN: "unknown", NA: "not_applicable"}


class Evaluator(Protocol):
    name: str

    def fired(self, case: Case) -> dict[str, set[str]]: ...


def _json_value(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class Assessor:
    """Built once per process from loaded definitions; scores any number of organisations."""

    def __init__(self, defs: Definitions, engine: EngineName = "durable") -> None:
        self.defs = defs
        self.compiled: dict[str, CompiledDomain] = compile_definitions(defs)
        self.questions = defs.questionnaire.questions()
        self.weights = domain_weights(defs.catalog)
        qtypes = {qid: q.type for qid, q in self.questions.items()}
        self.evaluator: Evaluator
        if engine == "durable":
            from .engine import (
                DurableEvaluator,  # imported here: the C extension is optional for tooling
            )

            self.evaluator = DurableEvaluator(self.compiled, qtypes)
        else:
            self.evaluator = PythonEvaluator(self.compiled)

    def case(self, answers: AnswerSet, as_of: dt.date | None = None, warnings: list[str] | None = None) -> Case:
        resolved = resolve(answers.answers, answers.organisation.type, self.defs.questionnaire, warnings)
        return Case(resolved, answers.organisation.type, as_of or answers.assessment_date)

    def assess(self, answers: AnswerSet, as_of: dt.date | None = None) -> AssessmentResult:
        warnings: list[str] = []
        case = self.case(answers, as_of, warnings)
        fired = self.evaluator.fired(case)
        views = self._answer_views(answers, case)
        domains, adjacent = [], []
        for section in self.defs.questionnaire.sections:
            if section.kind is SectionKind.domain:
                domains.append(self._domain(section.id, case, fired.get(section.id, set()), views))
            elif section.kind is SectionKind.adjacent and section.id in self.compiled:
                findings = self._findings(self.compiled[section.id], case, fired[section.id], views)
                adjacent.append(AdjacentResult(section=section.id, title=section.title, findings=findings))
        domains.sort(key=lambda d: DOMAINS.index(d.domain))
        applicable = {d.domain: d for d in domains if d.applicable}
        counts = Counter(f.severity.value for d in domains for f in d.findings)
        counts.update(f.severity.value for a in adjacent for f in a.findings)
        answered = sum(d.questions_answered for d in applicable.values())
        asked = sum(d.questions_applicable for d in applicable.values())
        overall = Overall(
            index=weighted_index({k: d.score for k, d in applicable.items()}, self.weights),
            index_max=weighted_index({k: d.score_max for k, d in applicable.items()}, self.weights),
            confidence=round(answered / asked, 3) if asked else 1.0,
            weights=self.weights,
            findings_by_severity={s: counts.get(s, 0) for s in ("critical", "high", "medium", "low", "info")},
        )
        org = answers.organisation
        return AssessmentResult(
            tool_version=__version__,
            engine=self.evaluator.name,
            organisation=OrganisationView(
                name=org.name, finess=org.finess, type=org.type.value,
                region=org.region, departement=org.departement,
            ),  # fmt: skip
            assessment_date=answers.assessment_date,
            as_of=case.as_of,
            questionnaire_id=self.defs.questionnaire.id,
            questionnaire_version=self.defs.questionnaire.version,
            rules_version=self.defs.rules_version,
            inputs_hash=self._inputs_hash(answers, case.as_of),
            overall=overall,
            domains=domains,
            adjacent=adjacent,
            answers=list(views.values()),
            warnings=warnings,
        )

    def _inputs_hash(self, answers: AnswerSet, as_of: dt.date) -> str:
        payload = {
            "organisation": answers.organisation.model_dump(mode="json"),
            "as_of": as_of.isoformat(),
            "answers": {
                q: [a.state, _json_value(a.value), a.comment, a.evidence]
                for q, a in sorted(answers.answers.items())
            },
            "questionnaire": [self.defs.questionnaire.id, self.defs.questionnaire.version],
            "rules": self.defs.rules_version,
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]

    def _answer_views(self, answers: AnswerSet, case: Case) -> dict[str, AnswerView]:
        views = {}
        for qid in self.questions:
            r = case.resolved.get(qid, Resolved(UNKNOWN))
            given = answers.get(qid)
            views[qid] = AnswerView(
                question_id=qid, state=_STATE_NAMES[r.state], value=_json_value(r.value),
                comment=given.comment, evidence=given.evidence,
            )  # fmt: skip
        return views

    def _findings(
        self, domain: CompiledDomain, case: Case, fired: set[str], views: dict[str, AnswerView]
    ) -> list[FindingResult]:
        found = []
        for rid in fired:
            rule = domain.rules[rid].rule
            finding = rule.effect.finding
            if finding is None:
                continue
            found.append(
                FindingResult(
                    rule_id=rid, domain=rule.domain, severity=rule.severity, title=rule.title,
                    rationale=finding.rationale, recommendation=finding.recommendation,
                    references=References(seed=rule.references.seed, referentials=rule.references.referentials),
                    answers=[views[q] for q in domain.rules[rid].questions],
                )  # fmt: skip
            )
        found.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule_id))
        return found

    def _statuses(self, domain: CompiledDomain, case: Case, fired: set[str]) -> dict[str, str]:
        """T/F/U for every rule, dependencies first, so `fired` atoms can be unknown too."""
        status: dict[str, str] = {}
        for rid in domain.order:
            c = domain.rules[rid]
            status[rid] = rule_truth(c, case, fired, status) if rule_applies(c, case) else F
        return status

    def _domain(self, name: str, case: Case, fired: set[str], views: dict[str, AnswerView]) -> DomainResult:
        section = self.defs.questionnaire.section(name)
        domain = self.compiled.get(name)
        gates: list[GateResult] = []
        if domain is not None:
            status_of = self._statuses(domain, case, fired)
            for rid in domain.order:
                c: CompiledRule = domain.rules[rid]
                gate = c.rule.gate
                if gate is None or not c.rule.in_force(case.as_of):
                    continue
                gates.append(
                    GateResult(
                        rule_id=rid, level=gate.level, weight=gate.weight,
                        status=gate_status(c, case, fired, status_of), severity=c.rule.severity,
                        title=c.rule.title,
                        references=References(seed=c.rule.references.seed, referentials=c.rule.references.referentials),
                        answers=[views[q] for q in c.questions],
                    )  # fmt: skip
                )
        gates.sort(key=lambda g: (g.level, g.rule_id))
        by_level = {g.rule_id: (g.level, g.status) for g in gates}
        weighted = {g.rule_id: (g.level, g.weight, g.status) for g in gates}
        reached = levels(by_level)
        level_results = []
        for lv in section.levels:
            below = [g for g in gates if g.level <= lv.level]
            level_results.append(
                LevelResult(
                    level=lv.level, title=lv.title, description=lv.description,
                    reached=reached >= lv.level,
                    gates=[g.rule_id for g in gates if g.level == lv.level],
                    blocking=[g.rule_id for g in below if g.status in (GateStatus.not_met, GateStatus.unknown)],
                )  # fmt: skip
            )
        states = [case.resolved[q.id].state for q in section.questions]
        applicable_q = [s for s in states if s != NA]
        answered = sum(1 for s in applicable_q if s == VALUE)
        applicable = any(g.status is not GateStatus.not_applicable for g in gates)
        return DomainResult(
            domain=name, title=section.title, applicable=applicable,
            level=reached, potential_level=levels(by_level, optimistic=True),
            score=score(weighted), score_max=score(weighted, optimistic=True),
            confidence=round(answered / len(applicable_q), 3) if applicable_q else 1.0,
            questions_applicable=len(applicable_q), questions_answered=answered,
            levels=level_results, gates=gates,
            findings=self._findings(domain, case, fired, views) if domain else [],
        )  # fmt: skip


