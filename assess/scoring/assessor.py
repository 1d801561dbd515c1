"""The pipeline: answers → facts → engine → gates, levels, scores and findings → one result."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any, Literal, Protocol

from .. import __version__
from ..answers import AnswerSet
from ..common import SEVERITY_ORDER, Text
from ..conditions import NA, UNKNOWN, VALUE
from ..definitions import Definitions
from ..engine.compile import CompiledDomain, compile_definitions
from ..engine.facts import resolve
from ..engine.generated import GeneratedEvaluator
from ..engine.lint import checked_rulesets
from ..engine.python import Case
from ..engine.truth import Resolved
from ..result import (
    AdjacentResult,
    AnswerView,
    AssessmentResult,
    CheckResult,
    DomainResult,
    FindingResult,
    GateResult,
    LevelResult,
    OrganisationView,
    Overall,
    References,
)
from .evaluation import Evaluation, Plan, evaluate
from .evidence import EvidencePlan
from .grade_view import grade_detail
from .index import domain_weights
from .levels import level_applies

__all__ = ["Assessor", "EngineName"]

EngineName = Literal["durable", "python"]
MAX_NAMED = 3  # questions named in the "to confirm" notice
_STATE_NAMES = {VALUE: "answered", UNKNOWN: "unknown", NA: "not_applicable"}


class Evaluator(Protocol):
    name: str

    def fired(self, case: Case) -> dict[str, set[str]]: ...

    def fired_many(self, cases: Sequence[Case]) -> list[dict[str, set[str]]]: ...


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
        self.engine: EngineName = engine
        self.compiled: dict[str, CompiledDomain] = compile_definitions(defs)
        self.questions = defs.questionnaire.questions()
        self.weights = domain_weights(defs.catalog)
        self.plan = Plan(defs, self.compiled, self.weights)
        self.evidence = EvidencePlan(self.questions)
        self.evaluator: Evaluator
        if engine == "durable":
            # Imported here so that tooling without the C extension can still load definitions.
            from ..engine.durable import DurableEvaluator

            layouts = checked_rulesets(self.compiled, self.questions, defs.sources)
            self.evaluator = DurableEvaluator(self.compiled, layouts)
        else:
            self.evaluator = GeneratedEvaluator(self.compiled, self.questions)

    def case(
        self, answers: AnswerSet, as_of: dt.date | None = None, warnings: list[Text] | None = None
    ) -> Case:
        resolved = resolve(
            answers.answers, answers.organisation.type, self.defs.questionnaire, warnings
        )
        return Case(resolved, answers.organisation.type, as_of or answers.assessment_date)

    def evaluate(self, answers: AnswerSet, as_of: dt.date | None = None) -> Evaluation:
        """The numbers only (levels, scores, finding IDs): one organisation, a batch of one."""
        return self.evaluate_many([answers], as_of)[0]

    def evaluate_many(
        self, many: Sequence[AnswerSet], as_of: dt.date | None = None
    ) -> list[Evaluation]:
        """The numbers of many organisations, fired together (what batch scoring uses).

        An engine failure raises EngineError for the whole call; score the organisations one
        by one to find the one it failed on.
        """
        warnings: list[list[Text]] = [[] for _ in many]
        cases = [self.case(a, as_of, w) for a, w in zip(many, warnings, strict=True)]
        fired = self.evaluator.fired_many(cases)
        return [
            self._numbers(a, f, c, w)
            for a, f, c, w in zip(many, fired, cases, warnings, strict=True)
        ]

    def _numbers(
        self, answers: AnswerSet, fired: dict[str, set[str]], case: Case, warnings: list[Text]
    ) -> Evaluation:
        evidence = self.evidence.statuses(answers.answers, case.resolved, case.as_of)
        rules = self.defs.rules
        unknown = sorted(
            c for c in answers.confirmed_checks if c not in rules or not rules[c].check
        )
        if unknown:
            listed = ", ".join(unknown)
            warnings.append(
                Text(
                    fr=f"confirmed_checks : {listed} ne sont pas des contrôles de cohérence",
                    en=f"confirmed_checks: {listed} are not consistency checks",
                )
            )
        if answers.to_confirm:
            warnings.append(self._to_confirm(answers.to_confirm))
        return evaluate(self.plan, fired, case, warnings, evidence, answers.confirmed_checks)

    def _to_confirm(self, pending: frozenset[str]) -> Text:
        """Carried-over answers are scored as given: say which ones nobody has confirmed yet."""
        ordered = [q.label for qid, q in self.questions.items() if qid in pending]
        more = len(ordered) - MAX_NAMED
        fr = ", ".join(f"« {label.fr} »" for label in ordered[:MAX_NAMED])
        en = ", ".join(f"“{label.en}”" for label in ordered[:MAX_NAMED])
        if more > 0:
            fr, en = f"{fr} et {more} autres", f"{en} and {more} more"
        if len(ordered) == 1:
            return Text(
                fr=f"1 réponse reprise de l'évaluation précédente, pas encore confirmée, est "
                f"comptée telle quelle : {fr}. La confirmer avec assess questionnaire --resume FICHIER.",
                en=f"1 answer carried over from the previous assessment and not yet confirmed is "
                f"scored as given: {en}. Confirm it with assess questionnaire --resume FILE.",
            )
        n = len(ordered)
        return Text(
            fr=f"{n} réponses reprises de l'évaluation précédente, pas encore confirmées, sont "
            f"comptées telles quelles : {fr}. Les confirmer avec assess questionnaire --resume FICHIER.",
            en=f"{n} answers carried over from the previous assessment and not yet confirmed are "
            f"scored as given: {en}. Confirm them with assess questionnaire --resume FILE.",
        )

    def assess(self, answers: AnswerSet, as_of: dt.date | None = None) -> AssessmentResult:
        return self.build_result(answers, self.evaluate(answers, as_of))

    # --- the full result model ----------------------------------------------------------------

    def build_result(self, answers: AnswerSet, ev: Evaluation) -> AssessmentResult:
        views = self._answer_views(answers, ev)
        rules = self.defs.rules
        domains = []
        for name, numbers in ev.domains.items():
            section = self.defs.questionnaire.section(name)
            grade = numbers.grade if numbers.applicable else None  # no score, nothing to grade
            gate_results = [self._gate(rules[rid], status, views) for rid, status in numbers.gates]
            level_results = []
            for lv in section.levels:
                at_level = [g for g in gate_results if g.level == lv.level]
                applies = level_applies([g.status for g in at_level])
                level_results.append(
                    LevelResult(
                        level=lv.level,
                        title=lv.title,
                        description=lv.description,
                        reached=applies and numbers.level >= lv.level,
                        gates=[g.rule_id for g in at_level],
                        blocking=[
                            g.rule_id
                            for g in gate_results
                            if g.level <= lv.level and g.status.value in ("not_met", "unknown")
                        ],
                        applicable=applies,
                    )  # fmt: skip
                )
            domains.append(
                DomainResult(
                    domain=name,
                    title=section.title,
                    applicable=numbers.applicable,
                    level=numbers.level,
                    potential_level=numbers.potential_level,
                    score=numbers.score,
                    score_max=numbers.score_max,
                    confidence=numbers.confidence,
                    questions_applicable=numbers.questions_applicable,
                    questions_answered=numbers.questions_answered,
                    levels=level_results,
                    gates=gate_results,
                    findings=[self._finding(rid, views) for rid in numbers.findings],
                    confidence_grade=grade.grade if grade else "",
                    grade_detail=grade_detail(grade, views, ev.evidence, section),
                    checks=list(numbers.checks),
                )  # fmt: skip
            )
        adjacent = [
            AdjacentResult(
                section=name,
                title=self.defs.questionnaire.section(name).title,
                findings=[self._finding(rid, views) for rid in ids],
                checks=list(ev.checks.get(name, ())),
            )  # fmt: skip
            for name, ids in ev.adjacent.items()
        ]
        org = answers.organisation
        return AssessmentResult(
            tool_version=__version__,
            engine=self.evaluator.name,
            organisation=OrganisationView(
                name=org.name,
                finess=org.finess,
                type=org.type.value,
                region=org.region,
                departement=org.departement,
            ),  # fmt: skip
            assessment_date=answers.assessment_date,
            as_of=ev.case.as_of,
            questionnaire_id=self.defs.questionnaire.id,
            questionnaire_version=self.defs.questionnaire.version,
            rules_version=self.defs.rules_version,
            inputs_hash=self.inputs_hash(answers, ev.case.as_of),
            overall=Overall(
                index=ev.index,
                index_max=ev.index_max,
                confidence=ev.confidence,
                weights=self.weights,
                findings_by_severity=ev.findings_by_severity,
                confidence_grade=ev.grade.grade if ev.grade else "",
                grade_detail=grade_detail(ev.grade, views, ev.evidence, None),
            ),  # fmt: skip
            domains=domains,
            adjacent=adjacent,
            answers=list(views.values()),
            warnings=[w.en for w in ev.warnings],
            notices=ev.warnings,
            checks=self._checks(ev, views, answers.confirmed_checks),
        )

    def inputs_hash(self, answers: AnswerSet, as_of: dt.date) -> str:
        """Short hash of answers + rules: two reports with it came from the same inputs."""
        payload = {
            "organisation": answers.organisation.model_dump(mode="json"),
            "as_of": as_of.isoformat(),
            "answers": {
                q: [a.state, _json_value(a.value), a.comment, a.evidence]
                + (
                    [_json_value(a.evidence_date), _json_value(a.evidence_expires)]
                    if a.evidence_date or a.evidence_expires
                    else []
                )
                for q, a in sorted(answers.answers.items())
            },
            **({"confirmed_checks": answers.confirmed_checks} if answers.confirmed_checks else {}),
            "questionnaire": [self.defs.questionnaire.id, self.defs.questionnaire.version],
            "rules": self.defs.rules_version,
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:12]

    def _answer_views(self, answers: AnswerSet, ev: Evaluation) -> dict[str, AnswerView]:
        views = {}
        for qid in self.questions:
            r = ev.case.resolved.get(qid, Resolved(UNKNOWN))
            given = answers.get(qid)
            status = ev.evidence.get(qid)
            views[qid] = AnswerView(
                question_id=qid, state=_STATE_NAMES[r.state], value=_json_value(r.value),
                comment=given.comment, evidence=given.evidence,
                evidence_date=given.evidence_date, evidence_expires=given.evidence_expires,
                evidence_status=status.state.value if status else None,
            )  # fmt: skip
        return views

    def _checks(
        self, ev: Evaluation, views: dict[str, AnswerView], confirmed: dict[str, str]
    ) -> list[CheckResult]:
        out = []
        for section, ids in ev.checks.items():
            for rid in ids:
                rule = self.defs.rules[rid]
                check = rule.check
                assert check is not None
                out.append(
                    CheckResult(
                        rule_id=rid,
                        section=section,
                        severity=rule.severity,
                        title=rule.title,
                        message=check.message,
                        resolution=check.resolution,
                        references=self._references(rid),
                        answers=[views[q] for q in self._questions(rid)],
                        confirmed=rid in confirmed,
                        confirmation=confirmed.get(rid),
                    )  # fmt: skip
                )
        return sorted(out, key=lambda c: (c.confirmed, SEVERITY_ORDER[c.severity], c.rule_id))

    def _references(self, rule_id: str) -> References:
        refs = self.defs.rules[rule_id].references
        return References(seed=refs.seed, referentials=refs.referentials)

    def _questions(self, rule_id: str) -> tuple[str, ...]:
        return self.compiled[self.defs.rules[rule_id].domain].rules[rule_id].questions

    def _finding(self, rule_id: str, views: dict[str, AnswerView]) -> FindingResult:
        rule = self.defs.rules[rule_id]
        finding = rule.effect.finding
        assert finding is not None
        return FindingResult(
            rule_id=rule_id, domain=rule.domain, severity=rule.severity, title=rule.title,
            rationale=finding.rationale, recommendation=finding.recommendation,
            references=self._references(rule_id),
            answers=[views[q] for q in self._questions(rule_id)],
        )  # fmt: skip

    def _gate(self, rule: Any, status: Any, views: dict[str, AnswerView]) -> GateResult:
        gate = rule.gate
        return GateResult(
            rule_id=rule.id, level=gate.level, weight=gate.weight, status=status,
            severity=rule.severity, title=rule.title, references=self._references(rule.id),
            answers=[views[q] for q in self._questions(rule.id)],
        )  # fmt: skip
