"""What changed between two assessments of one organisation, and why.

Both sides are scored again by the current rules, so that the organisation's own progress
(levels, gates, findings, each with the answers that changed behind it) is measured with one
yardstick. What the rules themselves changed is shown apart: the previous answers as scored by
the rules of their time against the same answers scored by today's rules ("règle modifiée").

Stable contract: fields are only ever added; `schema_version` changes otherwise.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..common import Severity, Text
from ..result import AnswerView, AssessmentResult, DomainResult, GateStatus
from ..scoring.assessor import Assessor
from .carry import CarryNote
from .changes import rule_questions
from .snapshot import Snapshot

__all__ = [
    "COMPARISON_SCHEMA_VERSION",
    "AnswerDiff",
    "Comparison",
    "DomainComparison",
    "ItemChange",
    "RuleChange",
    "SideInfo",
    "compare",
]

COMPARISON_SCHEMA_VERSION = 1
FIRED, NOT_FIRED, ABSENT = "fired", "not_fired", "absent"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SideInfo(_Model):
    source: str
    kind: str  # answers | result
    assessment_date: dt.date
    as_of: dt.date
    questionnaire_version: str
    rules_version: str  # the rules the side was scored with on its own
    index: float  # by the current rules
    index_own_rules: float  # by the rules it was scored with on its own
    confidence_grade: str = ""  # A-D, by the current rules (consistency checks, evidence)


class AnswerDiff(_Model):
    question_id: str
    question: Text
    previous_id: str | None  # the question's ID in the previous questionnaire, when renamed
    before_state: str  # answered | unknown | not_applicable
    before: Any = None
    after_state: str
    after: Any = None


class ItemChange(_Model):
    """A gate or finding whose outcome moved; `answers`: the changed answers behind it."""

    rule_id: str
    title: Text
    severity: Severity
    level: int | None  # gates only
    before: str  # gate status, or fired / not_fired
    after: str
    answers: list[str]
    cause: str  # answers | in_force (the rule's dates) | other


class DomainComparison(_Model):
    domain: str
    title: Text
    scored: bool  # one of the six domains (adjacent sections have findings only)
    level_before: int | None  # the previous answers, by the current rules
    level_after: int | None
    level_previous_rules: int | None  # the previous answers, by the rules of their time
    score_before: float | None
    score_after: float | None
    gates_met: list[ItemChange]
    gates_lost: list[ItemChange]
    findings_resolved: list[ItemChange]
    findings_new: list[ItemChange]
    findings_persisting: list[str]  # rule IDs


class RuleChange(_Model):
    """Same previous answers, different outcome: the rule set changed, not the organisation."""

    rule_id: str
    domain: str
    title: Text | None  # None for a rule that no longer exists
    kind: str  # gate | finding
    change: str  # modified | new | removed
    before: str  # under the previous rules
    after: str  # under the current rules


class Comparison(_Model):
    schema_version: int = COMPARISON_SCHEMA_VERSION
    organisation: str
    finess: str
    rules_version: str  # the current rules, that both sides are scored with
    previous: SideInfo
    current: SideInfo
    domains: list[DomainComparison]
    answers: list[AnswerDiff]
    rule_changes: list[RuleChange]
    carried_over: list[CarryNote]  # previous answers renamed, retired or not comparable
    warnings: list[str]


def _outcomes(r: AssessmentResult) -> dict[str, tuple[str, str]]:
    """Rule ID → (domain, outcome) for every gate in force and every fired finding."""
    out = {g.rule_id: (d.domain, g.status.value) for d in r.domains for g in d.gates}
    out.update({f.rule_id: (f.domain, FIRED) for f in r.all_findings()})
    return out


def _views(r: AssessmentResult) -> dict[str, AnswerView]:
    return {a.question_id: a for a in r.answers}


def _answer_diffs(
    assessor: Assessor, before: AssessmentResult, after: AssessmentResult, notes: list[CarryNote]
) -> list[AnswerDiff]:
    old_id = {n.new_id: n.question_id for n in notes if n.kind == "renamed"}
    questions = assessor.questions
    a, b = _views(before), _views(after)
    out = []
    for qid in questions:
        x, y = a.get(qid), b.get(qid)
        if x is None or y is None or (x.state, x.value) == (y.state, y.value):
            continue
        out.append(
            AnswerDiff(
                question_id=qid,
                question=questions[qid].label,
                previous_id=old_id.get(qid),
                before_state=x.state,
                before=x.value,
                after_state=y.state,
                after=y.value,
            )  # fmt: skip
        )
    return out


class _Context:
    def __init__(self, assessor: Assessor, changed: set[str], span: tuple[dt.date, dt.date]):
        self.assessor, self.changed, self.span = assessor, changed, span

    def item(self, domain: str, rule_id: str, before: str, after: str) -> ItemChange:
        rule = self.assessor.defs.rules[rule_id]
        compiled = self.assessor.compiled.get(domain)
        asked = rule_questions(compiled, rule_id) if compiled else []
        behind = [q for q in asked if q in self.changed]
        start, end = self.span
        dates = [d for d in (rule.effective_from, rule.effective_until) if d]
        dated = any(min(start, end) < d <= max(start, end) for d in dates)
        cause = "answers" if behind else ("in_force" if dated else "other")
        return ItemChange(
            rule_id=rule_id, title=rule.title, severity=rule.severity,
            level=rule.gate.level if rule.gate else None, before=before, after=after,
            answers=behind, cause=cause,
        )  # fmt: skip


def _gates(
    ctx: _Context, domain: str, before: DomainResult, after: DomainResult
) -> tuple[list[ItemChange], list[ItemChange]]:
    old = {g.rule_id: g.status for g in before.gates}
    new = {g.rule_id: g.status for g in after.gates}
    level = {g.rule_id: g.level for g in (*before.gates, *after.gates)}
    met, lost = [], []
    for rid in sorted(old.keys() | new.keys(), key=lambda r: (level[r], r)):
        was = old.get(rid)
        now = new.get(rid)
        was_s, now_s = (was.value if was else ABSENT), (now.value if now else ABSENT)
        if now is GateStatus.met and was is not GateStatus.met:
            met.append(ctx.item(domain, rid, was_s, now_s))
        elif was is GateStatus.met and now is not GateStatus.met:
            lost.append(ctx.item(domain, rid, was_s, now_s))
    return met, lost


def _domain(
    ctx: _Context, sides: tuple[AssessmentResult, AssessmentResult, AssessmentResult], name: str
) -> DomainComparison:
    own, before, after = sides
    scored = any(d.domain == name for d in after.domains)
    if scored:
        b, a = before.domain(name), after.domain(name)
        met, lost = _gates(ctx, name, b, a)
        old = [f.rule_id for f in b.findings]
        new = [f.rule_id for f in a.findings]
        then = next((d.level for d in own.domains if d.domain == name), None)
        numbers: tuple[Any, ...] = (b.level, a.level, b.score, a.score, then)
    else:
        met, lost = [], []
        old = [f.rule_id for s in before.adjacent if s.section == name for f in s.findings]
        new = [f.rule_id for s in after.adjacent if s.section == name for f in s.findings]
        numbers = (None, None, None, None, None)
    section = ctx.assessor.defs.questionnaire.section(name)
    return DomainComparison(
        domain=name, title=section.title, scored=scored, level_before=numbers[0],
        level_after=numbers[1], score_before=numbers[2], score_after=numbers[3],
        level_previous_rules=numbers[4],
        gates_met=met, gates_lost=lost,
        findings_resolved=[ctx.item(name, r, FIRED, NOT_FIRED) for r in old if r not in new],
        findings_new=[ctx.item(name, r, NOT_FIRED, FIRED) for r in new if r not in old],
        findings_persisting=[r for r in new if r in old],
    )  # fmt: skip


def _rule_changes(
    assessor: Assessor, own: AssessmentResult, now: AssessmentResult
) -> list[RuleChange]:
    if own.rules_version == now.rules_version:
        return []
    rules = assessor.defs.rules
    a, b = _outcomes(own), _outcomes(now)
    out = []
    for rid in sorted(a.keys() | b.keys()):
        domain, was = a.get(rid, (b.get(rid, ("", ""))[0], ABSENT))
        now_s = b.get(rid, (domain, ABSENT))[1]
        rule = rules.get(rid)
        is_gate = rule.gate is not None if rule else was not in (FIRED, ABSENT)
        was = NOT_FIRED if was == ABSENT and not is_gate else was
        now_s = NOT_FIRED if now_s == ABSENT and not is_gate else now_s
        if was == now_s:
            continue
        change = "removed" if rule is None else ("new" if was == ABSENT else "modified")
        out.append(
            RuleChange(
                rule_id=rid,
                domain=domain,
                title=rule.title if rule else None,
                kind="gate" if is_gate else "finding",
                change=change,
                before=was,
                after=now_s,
            )  # fmt: skip
        )
    return out


def _side(s: Snapshot, rescored: AssessmentResult) -> SideInfo:
    r = s.result
    return SideInfo(
        source=s.source, kind=s.kind, assessment_date=r.assessment_date, as_of=r.as_of,
        questionnaire_version=r.questionnaire_version, rules_version=r.rules_version,
        index=rescored.overall.index, index_own_rules=r.overall.index,
        confidence_grade=rescored.overall.confidence_grade,
    )  # fmt: skip


def compare(assessor: Assessor, previous: Snapshot, current: Snapshot) -> Comparison:
    """Compare two snapshots; `assessor` holds the current rules that both are scored with."""
    before = assessor.assess(previous.answers, previous.result.as_of)
    after = assessor.assess(current.answers, current.result.as_of)
    answers = _answer_diffs(assessor, before, after, previous.notes)
    ctx = _Context(assessor, {d.question_id for d in answers}, (before.as_of, after.as_of))
    sections = [d.domain for d in after.domains] + [s.section for s in after.adjacent]
    warnings = []
    if previous.answers.organisation.finess != current.answers.organisation.finess:
        warnings.append("finess")
    if current.kind == "result" and current.result.rules_version != assessor.defs.rules_version:
        warnings.append("current_rescored")
    return Comparison(
        organisation=current.answers.organisation.name,
        finess=current.answers.organisation.finess, rules_version=assessor.defs.rules_version,
        previous=_side(previous, before), current=_side(current, after),
        domains=[_domain(ctx, (previous.result, before, after), n) for n in sections],
        answers=answers,
        rule_changes=_rule_changes(assessor, previous.result, before),
        carried_over=[n for n in previous.notes + current.notes], warnings=warnings,
    )  # fmt: skip
