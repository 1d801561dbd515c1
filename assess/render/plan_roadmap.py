"""Action plan items from the roadmap's steps: the sentence, the answer to reach, the effect.

The effect printed is the one `plan_steps` measured by re-scoring (this step and the ones
before it): levels that moved, index points. A step that does not complete its domain's level
alone says which later action does, and only when that action's measured effect shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..common import SEVERITY_ORDER
from ..progress.plan_steps import PlanStep
from ..progress.roadmap import AnswerChange
from ..progress.roadmap_text import answer_text
from ..result import AssessmentResult, GateResult
from .views import Formatter

__all__ = ["step_fields"]

MIN_POINTS = 0.05  # an index move that rounds to 0,0 is not printed


def _target(fmt: Formatter, c: AnswerChange) -> str:
    """« Question » : before → after; for a choice list, the choices to add or drop."""
    label = c.question.get(fmt.lang)
    colon = " " if label.endswith("?") else " : " if fmt.lang == "fr" else ": "
    if isinstance(c.after, list) and isinstance(c.before, list) and c.before_state == "answered":
        added = [
            answer_text(fmt, c.question_id, "answered", [v]) for v in c.after if v not in c.before
        ]
        dropped = [
            answer_text(fmt, c.question_id, "answered", [v]) for v in c.before if v not in c.after
        ]
        parts = [f"+ {v}" for v in added] + [f"− {v}" for v in dropped]
        return f"{label}{colon}{' ; '.join(parts)}"
    before = answer_text(fmt, c.question_id, c.before_state, c.before)
    after = answer_text(fmt, c.question_id, "answered", c.after)
    return f"{label}{colon}{before} → {after}"


def _action(step: PlanStep, gate: GateResult | None, fmt: Formatter) -> str:
    open_ = [c for c in step.changes if c.before_state == "unknown"]
    if open_:
        labels = ", ".join(fmt.quote(c.question.get(fmt.lang)) for c in open_)
        return fmt.t("r_answer_questions", questions=labels)
    rule = fmt.defs.rules[step.rule_id]
    if rule.gate is not None and rule.gate.action is not None:
        return rule.gate.action.get(fmt.lang)
    return fmt.t("r_put_in_place", title=gate.title.get(fmt.lang) if gate else step.rule_id)


def _completes(step: PlanStep) -> bool:
    return any(m.domain == step.domain and m.after >= step.target_level for m in step.moves)


def _effect(
    steps: Sequence[PlanStep], position: int, end_rank: int, fmt: Formatter
) -> list[tuple[str, str]]:
    """The measured effect, in parts: (as the plan says it, as the summary says it)."""
    step = steps[position]
    parts = []
    for m in step.moves:
        full = fmt.t("r_step_level", domain=fmt.domain(m.domain), before=m.before, after=m.after)
        own = fmt.t("r_step_level_own", before=m.before, after=m.after)
        parts.append((full, own if m.domain == step.domain else full))
    points = step.index_after - step.index_before
    if abs(points) >= MIN_POINTS:
        sign = "+" if points > 0 else "−"
        short = fmt.t("r_step_points_short", points=f"{sign}{fmt.num(abs(points))}")
        full = f"{short} ({fmt.num(step.index_before)} → {fmt.num(step.index_after)})"
        parts.append((full, short))
    if not _completes(step) and step.group_end > position and _completes(steps[step.group_end]):
        name, level = fmt.domain(step.domain), step.target_level
        full = fmt.t("r_step_with", domain=name, level=level, rank=end_rank)
        parts.append((full, fmt.t("r_step_with_short", level=level, rank=end_rank)))
    return parts


def _outcome(parts: list[tuple[str, str]], step: PlanStep, fmt: Formatter) -> tuple[str, str]:
    """The effect for the plan and for the summary; a step that answers an open question says
    that the effect holds for the answer aimed at."""
    full = " · ".join(p[0] for p in parts) or fmt.t("r_step_nothing")
    short = " · ".join(p[1] for p in parts) or fmt.t("r_step_nothing")
    if step.answers_open_question:
        return fmt.t("r_step_if_answer", effect=full), fmt.t("r_step_if_answer_short", effect=short)
    return fmt.t("r_step_effect", effect=full), short


def step_fields(
    steps: Sequence[PlanStep],
    position: int,
    end_rank: int,
    result: AssessmentResult,
    fmt: Formatter,
) -> dict[str, Any]:
    """The ActionItem fields of one step (rank excepted); `end_rank`: the plan rank of the
    last step of its group."""
    step = steps[position]
    domain = result.domain(step.domain)
    gate = next((g for g in domain.gates if g.rule_id == step.rule_id), None)
    rules = fmt.defs.rules
    rule = rules[step.rule_id]
    level = rule.gate.level if rule.gate is not None else step.target_level
    resolved = [rules[f] for f in step.findings_resolved if f in rules]
    severity = min([rule.severity] + [f.severity for f in resolved], key=SEVERITY_ORDER.__getitem__)
    why = rule.title.get(fmt.lang)
    if resolved:
        titles = ", ".join(fmt.quote(f.title.get(fmt.lang)) for f in resolved)
        why += " — " + fmt.t("r_step_resolves", titles=titles)
    name = fmt.domain(step.domain)
    outcome, brief = _outcome(_effect(steps, position, end_rank, fmt), step, fmt)
    return {
        "rule_id": step.rule_id, "kind": "step", "domain_id": step.domain, "domain": name,
        "severity": severity.value, "severity_label": fmt.severity(severity.value),
        "action": _action(step, gate, fmt), "why": why,
        "context": f"{fmt.t('r_gate_of_level', n=level)} · {name}",
        "outcome": outcome, "brief": brief,
        "targets": tuple(_target(fmt, c) for c in step.changes),
        "related": step.findings_resolved, "next_level": True,
    }  # fmt: skip
