"""What the executive report keeps: per domain, the level, what blocks the next one and the
findings that matter; the head of the action plan. Everything else is counted and left to the
annexes, so that the default report stays short (at most 12 pages) and quick to render.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..common import SEVERITY_ORDER, Severity
from ..result import DomainResult
from .plan import ActionItem
from .trust_view import CheckRow
from .views import FindingRow, Formatter, GateRow

__all__ = ["DomainBrief", "domain_brief", "plan_head", "top_findings"]

MAX_FINDINGS = 3  # per domain page
MAX_BLOCKERS = 5  # conditions of the next level, in words
MAX_ACTIONS = 15
MAX_CROSS_CUTTING = 4


@dataclass(frozen=True)
class DomainBrief:
    id: str
    anchor: str
    title: str
    applicable: bool
    level: int
    level_title: str
    level_description: str
    confidence: str
    grade: str  # confidence grade A-D
    facts: str  # "Confiance 91 % (31/34 réponses) · potentiel 2/5"
    next_title: str  # "Pour atteindre le niveau 3 — Pilotage" ("" at level 5)
    next_description: str
    blockers: tuple[GateRow, ...]
    more_blockers: str
    findings: tuple[FindingRow, ...]
    more_findings: str
    na_levels: str = ""  # levels that do not apply to this organisation, e.g. "4, 5"
    checks: tuple[CheckRow, ...] = ()  # consistency checks of this domain


def _by_severity(rows: list[FindingRow]) -> list[FindingRow]:
    return sorted(rows, key=lambda f: (SEVERITY_ORDER[Severity(f.severity)], f.rule_id))


def top_findings(
    rows: list[FindingRow], limit: int, fmt: Formatter
) -> tuple[list[FindingRow], str]:
    """The `limit` most severe findings, and a sentence counting the others ("" if none)."""
    ordered = _by_severity(rows)
    rest = len(ordered) - limit
    return ordered[:limit], fmt.t("r_more_findings", n=rest) if rest > 0 else ""


def _facts(d: DomainResult, fmt: Formatter) -> str:
    answered = fmt.t("r_answered", n=d.questions_answered, total=d.questions_applicable)
    text = f"{fmt.t('confidence').capitalize()} {fmt.pct(d.confidence)} ({answered})"
    if d.potential_level > d.level:
        text += f" · {fmt.t('r_potential_note', n=d.potential_level)}"
    return text


def domain_brief(d: DomainResult, fmt: Formatter) -> DomainBrief:
    reached = d.levels[d.level - 1] if d.level >= 1 else None
    gates = {g.rule_id: g for g in d.gates}
    next_title = next_description = more_blockers = ""
    blockers: list[GateRow] = []
    target = d.next_level() if d.applicable else None
    if target is not None:
        next_title = fmt.t("r_to_reach", n=target.level, title=target.title.get(fmt.lang))
        next_description = target.description.get(fmt.lang)
        open_ = [fmt.gate(gates[rid]) for rid in target.blocking if rid in gates]
        open_.sort(key=lambda g: (g.level, SEVERITY_ORDER[Severity(g.severity)], g.rule_id))
        blockers = open_[:MAX_BLOCKERS]
        rest = len(open_) - len(blockers)
        more_blockers = fmt.t("r_more_blockers", n=rest) if rest > 0 else ""
    findings, more_findings = top_findings([fmt.finding(f) for f in d.findings], MAX_FINDINGS, fmt)
    return DomainBrief(
        id=d.domain, anchor=f"domain-{d.domain}", title=fmt.domain(d.domain), applicable=d.applicable,
        level=d.level,
        level_title=reached.title.get(fmt.lang) if reached else fmt.t("r_level_zero"),
        level_description=reached.description.get(fmt.lang) if reached else fmt.t("r_level_zero_desc"),
        na_levels=", ".join(str(lv.level) for lv in d.levels if not lv.applicable) if d.applicable else "",
        confidence=fmt.pct(d.confidence), grade=d.confidence_grade, facts=_facts(d, fmt), next_title=next_title, next_description=next_description,
        blockers=tuple(blockers), more_blockers=more_blockers,
        findings=tuple(findings), more_findings=more_findings,
    )  # fmt: skip


def plan_head(plan: list[ActionItem], fmt: Formatter) -> dict[str, Any]:
    """The first MAX_ACTIONS actions and a sentence counting the rest."""
    rest = len(plan) - MAX_ACTIONS
    return {
        "actions": plan[:MAX_ACTIONS],
        "more": fmt.t("r_more_actions", n=rest) if rest > 0 else "",
        "total": len(plan),
    }
