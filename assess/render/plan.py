"""What to do next: strongest points, the actions to do first and the action plan.

When the roadmap has steps (`assess.progress.plan_steps`), they come first, in its order, each
with the answer to reach and the effect measured by re-scoring. What no step covers follows,
ordered as below (the whole plan when there is no roadmap), as the method annex says:

1. severity (critical first);
2. actions on what holds a domain at its level (findings, gates of the next level) first;
3. the number of open gates that rest on the same questions;
4. rule ID, for a stable order.

Every action is a sentence a director can hand on: a finding's recommendation, a gate's own
`action`, or, for a gate whose answers are missing, the questions to answer. A gate that some
finding already covers (same questions) is not listed again. An action says that it reaches a
level only when it is the last condition missing for that level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..common import DOMAINS, SEVERITY_ORDER, Severity
from ..progress.plan_steps import PlanStep
from ..result import AssessmentResult, DomainResult, FindingResult, GateResult, GateStatus
from .plan_roadmap import step_fields
from .views import Formatter

__all__ = ["ActionItem", "Highlight", "action_plan", "first_actions", "strengths"]

OPEN = (GateStatus.not_met, GateStatus.unknown)
MAX_QUESTIONS_NAMED = 3


@dataclass(frozen=True)
class Highlight:
    rule_id: str  # a rule ID, or a domain ID for a domain strength
    title: str
    detail: str
    severity: str  # "" for strengths


@dataclass(frozen=True)
class ActionItem:
    rank: int
    rule_id: str
    kind: str  # step (from the roadmap) | finding | gate
    domain_id: str
    domain: str
    severity: str
    severity_label: str
    action: str  # the sentence to act on
    why: str  # the finding's title, or the gate it meets
    context: str  # "Constat · Cybersécurité", "Condition du niveau 3 · Cybersécurité"
    outcome: str  # a step's measured effect; a gate's level when it is the last one missing
    related: tuple[str, ...]  # open gates on the same questions; a step's findings resolved
    next_level: bool  # a step, a finding, or a gate of the domain's next level
    targets: tuple[str, ...] = ()  # a step's answers to reach: "« Question » : before → after"
    brief: str = ""  # a step's effect in short, for the summary


def _next_blockers(d: DomainResult) -> set[str]:
    nxt = d.next_level() if d.applicable else None
    return set(nxt.blocking) if nxt else set()


def _open_gates(result: AssessmentResult) -> dict[str, tuple[DomainResult, GateResult]]:
    return {
        g.rule_id: (d, g)
        for d in result.domains
        if d.applicable
        for g in d.gates
        if g.status in OPEN
    }


def _sort_key(item: ActionItem) -> tuple[int, bool, int, str]:
    return (
        SEVERITY_ORDER[Severity(item.severity)],
        not item.next_level,
        -len(item.related),
        item.rule_id,
    )


def _finding_item(f: FindingResult, gates_q: dict[str, set[str]], fmt: Formatter) -> ActionItem:
    qs = {a.question_id for a in f.answers}
    related = {rid for rid, gq in gates_q.items() if gq & qs}
    return ActionItem(
        rank=0, rule_id=f.rule_id, kind="finding", domain_id=f.domain, domain=fmt.domain(f.domain),
        severity=f.severity.value, severity_label=fmt.severity(f.severity.value),
        action=fmt.cite(f.recommendation), why=f.title.get(fmt.lang),
        context=f"{fmt.t('r_finding')} · {fmt.domain(f.domain)}", outcome="",
        related=tuple(sorted(related)), next_level=True,
    )  # fmt: skip


def _gate_action(g: GateResult, fmt: Formatter) -> str:
    """The sentence to act on: the questions to answer, or the rule's own action."""
    if g.status is GateStatus.unknown:
        missing = [a for a in g.answers if a.state == "unknown"] or g.answers
        labels = [fmt.quote(fmt.answer(a).label) for a in missing[:MAX_QUESTIONS_NAMED]]
        more = len(missing) - len(labels)
        text = ", ".join(labels) + (f" {fmt.t('r_and_more', n=more)}" if more > 0 else "")
        return fmt.t("r_answer_questions", questions=text)
    rule = fmt.defs.rules.get(g.rule_id)
    gate = rule.gate if rule is not None else None
    if gate is not None and gate.action is not None:
        return gate.action.get(fmt.lang)
    return fmt.t("r_put_in_place", title=g.title.get(fmt.lang))


def _gate_item(
    d: DomainResult, g: GateResult, gates_q: dict[str, set[str]], fmt: Formatter
) -> ActionItem:
    qs = gates_q[g.rule_id]
    blockers = _next_blockers(d)
    last = blockers == {g.rule_id} and g.status is GateStatus.not_met
    nxt = d.next_level()
    outcome = (
        fmt.t("r_reaches_level", n=nxt.level, domain=fmt.domain(d.domain)) if last and nxt else ""
    )
    return ActionItem(
        rank=0, rule_id=g.rule_id, kind="gate", domain_id=d.domain, domain=fmt.domain(d.domain),
        severity=g.severity.value, severity_label=fmt.severity(g.severity.value),
        action=_gate_action(g, fmt), why=g.title.get(fmt.lang),
        context=f"{fmt.t('r_gate_of_level', n=g.level)} · {fmt.domain(d.domain)}", outcome=outcome,
        related=tuple(sorted(rid for rid, gq in gates_q.items() if gq & qs)),
        next_level=g.rule_id in blockers,
    )  # fmt: skip


def action_plan(
    result: AssessmentResult, fmt: Formatter, steps: Sequence[PlanStep] = ()
) -> list[ActionItem]:
    """The roadmap's steps and what they leave, by severity; at equal severity steps first."""
    done = {s.rule_id for s in steps} | {f for s in steps for f in s.findings_resolved}
    open_gates = _open_gates(result)
    gates_q = {rid: {a.question_id for a in g.answers} for rid, (_d, g) in open_gates.items()}
    items = [_finding_item(f, gates_q, fmt) for f in result.all_findings() if f.rule_id not in done]
    covered = done | {rid for item in items for rid in item.related}
    items += [
        _gate_item(d, g, gates_q, fmt) for rid, (d, g) in open_gates.items() if rid not in covered
    ]
    # "last condition missing" is judged on today's answers: where the steps change a domain's
    # answers, only the steps' measured effects may speak of its levels
    stepped = {s.domain for s in steps}
    items = [replace(it, outcome="") if it.domain_id in stepped else it for it in items]
    items.sort(key=_sort_key)
    # A step's group keeps its place (the steps were re-scored in that order): sort by group.
    order = sorted(
        [(SEVERITY_ORDER[s.group_severity], 0, i) for i, s in enumerate(steps)]
        + [(SEVERITY_ORDER[Severity(it.severity)], 1, j) for j, it in enumerate(items)]
    )
    rank_of = {i: rank for rank, (_s, kind, i) in enumerate(order, 1) if kind == 0}
    plan = []
    for rank, (_s, kind, i) in enumerate(order, 1):
        if kind == 0:
            end = rank_of[steps[i].group_end]
            plan.append(ActionItem(rank=rank, **step_fields(steps, i, end, result, fmt)))
        else:
            plan.append(ActionItem(**{**items[i].__dict__, "rank": rank}))
    return plan


def first_actions(plan: list[ActionItem], limit: int = 5) -> list[ActionItem]:
    """The actions to do first: the plan's head, keeping those that hold a domain back."""
    return [item for item in plan if item.next_level][:limit]


def strengths(result: AssessmentResult, fmt: Formatter, limit: int = 3) -> list[Highlight]:
    """Highest-level domains first; if fewer than `limit` reach level 1, the highest met gates."""
    ranked = sorted(
        (d for d in result.domains if d.applicable and d.level >= 1),
        key=lambda d: (-d.level, -d.score, DOMAINS.index(d.domain)),
    )
    out = [
        Highlight(
            d.domain,
            f"{fmt.domain(d.domain)} — {fmt.t('r_level_n', n=d.level)}",
            d.levels[d.level - 1].title.get(fmt.lang),
            "",
        )  # fmt: skip
        for d in ranked[:limit]
    ]
    chosen = {d.domain for d in ranked[:limit]}
    met = sorted(
        (
            (d, g)
            for d in result.domains
            if d.domain not in chosen
            for g in d.gates
            if g.status is GateStatus.met
        ),
        key=lambda dg: (-dg[1].level, -dg[1].weight, dg[1].rule_id),
    )
    for d, g in met[: limit - len(out)]:
        out.append(
            Highlight(
                g.rule_id,
                g.title.get(fmt.lang),
                f"{fmt.domain(d.domain)} — {fmt.t('level')} {g.level}",
                "",
            )
        )
    return out
