"""What to do next: strongest points, most urgent items, the action plan and next-level steps.

Ordering of the action plan (documented in the report's method annex):

1. severity (critical first);
2. the number of unmet gates the action unlocks: gates that rest on the same questions;
3. effort: rules carry no effort estimate, so the proxy is the number of questions involved;
4. rule ID, for a stable order.

A gate that some finding already unlocks is not listed again: the finding's recommendation is
the action. The most urgent items are the first five actions that are findings or that block a
domain's next level.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common import DOMAINS, SEVERITY_ORDER, Severity
from ..result import AssessmentResult, DomainResult, FindingResult, GateResult, GateStatus
from .views import Formatter, GateRow

__all__ = [
    "ActionItem",
    "Highlight",
    "NextStep",
    "action_plan",
    "next_steps",
    "strengths",
    "urgent",
]

OPEN = (GateStatus.not_met, GateStatus.unknown)


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
    kind: str  # finding | gate
    kind_label: str
    domain: str
    severity: str
    severity_label: str
    action: str
    detail: str
    unlocks: tuple[str, ...]
    to_level: str  # "→ level 2 (DMP feeding)" when the action completes a domain's next level
    effort: int
    effort_label: str
    next_level: bool  # a finding, or a gate blocking the domain's next level


@dataclass(frozen=True)
class NextStep:
    domain: str
    title: str
    target: str
    gates: tuple[GateRow, ...]
    note: str


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


def _to_level(unlocks: set[str], result: AssessmentResult, fmt: Formatter) -> str:
    for d in result.domains:
        blockers = _next_blockers(d)
        if blockers and blockers <= unlocks:
            return f"{fmt.t('r_to_level', n=d.level + 1)} ({fmt.domain(d.domain)})"
    return ""


def _sort_key(item: ActionItem) -> tuple[int, int, int, str]:
    return (SEVERITY_ORDER[Severity(item.severity)], -len(item.unlocks), item.effort, item.rule_id)


def _finding_item(
    f: FindingResult, gates_q: dict[str, set[str]], result: AssessmentResult, fmt: Formatter
) -> ActionItem:
    qs = {a.question_id for a in f.answers}
    unlocks = {rid for rid, gq in gates_q.items() if gq & qs}
    effort = max(len(qs), 1)
    return ActionItem(
        rank=0, rule_id=f.rule_id, kind="finding", kind_label=fmt.t("r_finding"), domain=fmt.domain(f.domain),
        severity=f.severity.value,
        severity_label=fmt.severity(f.severity.value), action=fmt.cite(f.recommendation),
        detail=f.title.get(fmt.lang), unlocks=tuple(sorted(unlocks)), to_level=_to_level(unlocks, result, fmt),
        effort=effort, effort_label=fmt.t("r_effort_unit", n=effort), next_level=True,
    )  # fmt: skip


def _gate_item(
    d: DomainResult,
    g: GateResult,
    gates_q: dict[str, set[str]],
    result: AssessmentResult,
    fmt: Formatter,
) -> ActionItem:
    qs = gates_q[g.rule_id]
    unlocks = {rid for rid, gq in gates_q.items() if gq & qs} | {g.rule_id}
    effort = max(len(qs), 1)
    key = "r_answer_gate" if g.status is GateStatus.unknown else "r_fix_gate"
    return ActionItem(
        rank=0, rule_id=g.rule_id, kind="gate", kind_label=fmt.t("r_gate"), domain=fmt.domain(d.domain),
        severity=g.severity.value, severity_label=fmt.severity(g.severity.value),
        action=fmt.t(key, title=g.title.get(fmt.lang)),
        detail=f"{fmt.t('level')} {g.level} — {fmt.t('gate_' + g.status.value)}",
        unlocks=tuple(sorted(unlocks)), to_level=_to_level(unlocks, result, fmt),
        effort=effort, effort_label=fmt.t("r_effort_unit", n=effort),
        next_level=g.rule_id in _next_blockers(d),
    )  # fmt: skip


def action_plan(result: AssessmentResult, fmt: Formatter) -> list[ActionItem]:
    open_gates = _open_gates(result)
    gates_q = {rid: {a.question_id for a in g.answers} for rid, (_d, g) in open_gates.items()}
    items = [_finding_item(f, gates_q, result, fmt) for f in result.all_findings()]
    covered = {rid for item in items for rid in item.unlocks}
    items += [
        _gate_item(d, g, gates_q, result, fmt)
        for rid, (d, g) in open_gates.items()
        if rid not in covered
    ]
    items.sort(key=_sort_key)
    return [ActionItem(**{**item.__dict__, "rank": i}) for i, item in enumerate(items, 1)]


def urgent(plan: list[ActionItem], limit: int = 5) -> list[ActionItem]:
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


def next_steps(result: AssessmentResult, fmt: Formatter) -> list[NextStep]:
    """Per applicable domain, the gates between its level and the next one."""
    steps = []
    for d in result.domains:
        if not d.applicable:
            continue
        nxt = d.next_level()
        if nxt is None:  # level 5, or no higher level applies to this organisation
            steps.append(NextStep(d.domain, fmt.domain(d.domain), "", (), fmt.t("r_max_level")))
            continue
        gates = {g.rule_id: g for g in d.gates}
        blocking = tuple(fmt.gate(gates[rid]) for rid in nxt.blocking if rid in gates)
        steps.append(
            NextStep(
                d.domain,
                fmt.domain(d.domain),
                fmt.t("r_next_target", current=d.level, target=nxt.level),
                blocking,
                "" if blocking else fmt.t("no_gates"),
            )  # fmt: skip
        )
    return steps
