"""The report's action plan from the roadmap: one step per gate to meet, each re-scored.

For every domain whose roadmap has an option, the option's answer changes are split by the gate
they meet. The domains' groups are ordered by severity (the most severe gate of the group), then
by index points gained per unit of effort. The steps are then applied one after the other and
each prefix is evaluated by the Assessor: what a step says it gives (levels that move, index
points) is what the engine computed with this step and every step before it, never an estimate.
A gate whose changes alone only lose points (no level moves) is merged into the group's next
step, so that no action reads as "do this to lose points".

Cost: one roadmap search, bounded by `REPORT_LIMITS`, and one evaluation per step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..answers import AnswerSet
from ..common import DOMAINS, SEVERITY_ORDER, Severity
from ..scoring.assessor import Assessor
from ..scoring.evaluation import Evaluation
from .changes import Change, apply_changes, rule_questions
from .roadmap import AnswerChange, DomainMove, DomainRoadmap, answer_changes, build_roadmap
from .search import SearchLimits

__all__ = ["REPORT_LIMITS", "PlanStep", "plan_steps", "report_steps"]

# The report uses each domain's cheapest option only: one set per domain, a smaller budget.
REPORT_LIMITS = SearchLimits(sets=1, evaluations=200, combinations=2000)


@dataclass(frozen=True)
class PlanStep:
    domain: str
    rule_id: str  # the gate this step meets
    changes: tuple[AnswerChange, ...]
    target_level: int  # the level the domain's group reaches once its last step is done
    index_before: float  # with every step before this one applied
    index_after: float  # with this step applied too
    moves: tuple[DomainMove, ...]  # domains whose level moved with this step
    findings_resolved: tuple[str, ...]  # findings of today's answers that stop with this step
    group_end: int  # position (0-based) of the group's last step among the steps
    group_severity: Severity  # the most severe gate or finding resolved of the group

    @property
    def answers_open_question(self) -> bool:
        """The step answers a question left open: its effect holds for that answer only."""
        return any(c.before_state == "unknown" for c in self.changes)


@dataclass(frozen=True)
class _Group:
    plan: DomainRoadmap
    gates: tuple[tuple[str, tuple[AnswerChange, ...]], ...]
    severity: Severity
    key: tuple[int, float, int]


def _group(assessor: Assessor, plan: DomainRoadmap, index: float) -> _Group | None:
    if plan.status != "options" or not plan.options or plan.target_level is None:
        return None
    option = plan.options[0]
    rules = assessor.defs.rules
    blocking = sorted(plan.blocking, key=lambda r: (SEVERITY_ORDER[rules[r].severity], r))
    compiled = assessor.compiled[plan.domain]
    left = list(option.changes)
    gates: list[tuple[str, tuple[AnswerChange, ...]]] = []
    for rid in blocking:
        asked = set(rule_questions(compiled, rid))
        mine = tuple(c for c in left if c.question_id in asked)
        left = [c for c in left if c not in mine]
        if mine:
            gates.append((rid, mine))
    if not gates:
        return None
    if left:  # a change no gate names (a rule it builds on): it goes with the last gate
        rid, mine = gates[-1]
        gates[-1] = (rid, mine + tuple(left))
    resolved = [rules[f].severity for f in option.findings_resolved if f in rules]
    severity = min(
        [rules[rid].severity for rid, _c in gates] + resolved, key=SEVERITY_ORDER.__getitem__
    )
    gain = (option.index - index) / max(option.effort, 1)
    key = (SEVERITY_ORDER[severity], -gain, DOMAINS.index(plan.domain))
    return _Group(plan, tuple(gates), severity, key)


def _moves(before: Evaluation, after: Evaluation) -> tuple[DomainMove, ...]:
    return tuple(
        DomainMove(domain=d, before=before.domains[d].level, after=n.level)
        for d, n in after.domains.items()
        if n.level != before.domains[d].level
    )


def plan_steps(
    assessor: Assessor,
    answers: AnswerSet,
    plans: list[DomainRoadmap],
    as_of: dt.date | None = None,
) -> list[PlanStep]:
    """The roadmap's options as ordered steps, each evaluated with the steps before it."""
    previous = assessor.evaluate(answers, as_of)
    today = set(previous.finding_ids())  # a finding a step itself brought in is not "resolved"
    found = (_group(assessor, p, previous.index) for p in plans)
    groups = sorted((g for g in found if g is not None), key=lambda g: g.key)
    steps: list[PlanStep] = []
    applied: list[Change] = []
    for group in groups:
        mine: list[PlanStep] = []
        carried: tuple[AnswerChange, ...] = ()
        for number, (rid, own) in enumerate(group.gates, 1):
            changes = carried + own
            applied += answer_changes(own)
            now = assessor.evaluate(apply_changes(answers, applied), as_of)
            moves = _moves(previous, now)
            if now.index < previous.index and not moves and number < len(group.gates):
                # alone it only costs points (e.g. it opens the questions the next gate asks):
                # a director is told to do it together with the next step, measured together
                carried = changes
                continue
            carried = ()
            resolved = sorted(today & set(previous.finding_ids()) - set(now.finding_ids()))
            mine.append(
                PlanStep(
                    domain=group.plan.domain,
                    rule_id=rid,
                    changes=changes,
                    target_level=group.plan.target_level or 0,
                    index_before=previous.index,
                    index_after=now.index,
                    moves=moves,
                    findings_resolved=tuple(resolved),
                    group_end=0,
                    group_severity=group.severity,
                )  # fmt: skip
            )
            previous = now
        end = len(steps) + len(mine) - 1
        steps += [replace(step, group_end=end) for step in mine]
    return steps


def report_steps(
    assessor: Assessor, answers: AnswerSet, as_of: dt.date | None = None
) -> list[PlanStep]:
    """The roadmap (cheapest option per domain, bounded search) turned into the plan's steps."""
    roadmap = build_roadmap(assessor, answers, as_of=as_of, limits=REPORT_LIMITS)
    return plan_steps(assessor, answers, roadmap.domains, as_of)
