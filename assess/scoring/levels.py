"""Gate statuses, cumulative maturity levels (as in HIMSS EMRAM) and 0–100 domain scores."""

from __future__ import annotations

from collections.abc import Sequence

from ..conditions import NA
from ..engine.compile import CompiledRule
from ..engine.python import Case, rule_applies
from ..engine.truth import F, Resolved, T, U, truth
from ..result import GateStatus

__all__ = ["gate_status", "level_applies", "levels", "score", "summary"]

MAX_LEVEL = 5


def rule_truth(c: CompiledRule, case: Case, fired: set[str], status_of: dict[str, str]) -> str:
    """T, F or U for one rule that the engine evaluated; U when unanswered questions decide."""
    if c.rule.id in fired:
        return T

    def fired_truth(rid: str) -> str:
        return T if rid in fired else (U if status_of.get(rid) == U else F)

    return truth(c.node, case.resolved, fired_truth)


def gate_status(
    c: CompiledRule, case: Case, fired: set[str], status_of: dict[str, str]
) -> GateStatus:
    if not rule_applies(c, case):
        return GateStatus.not_applicable
    # A gate with no applicable question tests nothing for this organisation, whatever fired.
    if c.questions and all(case.resolved.get(q, Resolved("u")).state == NA for q in c.questions):
        return GateStatus.not_applicable
    if c.rule.id in fired:
        return GateStatus.met
    if rule_truth(c, case, fired, status_of) == U:
        return GateStatus.unknown
    return GateStatus.not_met


_MET, _UNKNOWN, _NOT_APPLICABLE = GateStatus.met, GateStatus.unknown, GateStatus.not_applicable


def level_applies(statuses: list[GateStatus]) -> bool:
    """A level applies to an organisation when at least one of its gates does."""
    return any(s is not GateStatus.not_applicable for s in statuses)


def levels(gates: dict[str, tuple[int, GateStatus]], optimistic: bool = False) -> int:
    """Highest level N such that every applicable level up to N has all its gates met.

    A level whose gates are all not applicable is neither reached nor blocking: it is skipped,
    so no level is ever reached on not-applicable gates alone.
    """
    passing = {GateStatus.met, GateStatus.not_applicable}
    if optimistic:
        passing.add(GateStatus.unknown)
    reached = 0
    for n in range(1, MAX_LEVEL + 1):
        at_level = [s for lv, s in gates.values() if lv == n]
        if not at_level:
            break
        if not level_applies(at_level):
            continue
        if any(s not in passing for s in at_level):
            break
        reached = n
    return reached


def score(gates: dict[str, tuple[int, float, GateStatus]], optimistic: bool = False) -> float:
    """Weighted share of gates met, each gate worth weight × level; not applicable drops out."""
    earned = possible = 0.0
    for level, weight, status in gates.values():
        if status is _NOT_APPLICABLE:
            continue
        points = weight * level
        possible += points
        if status is _MET or (optimistic and status is _UNKNOWN):
            earned += points
    return round(100 * earned / possible, 1) if possible else 0.0


def summary(gates: Sequence[tuple[int, float, GateStatus]]) -> tuple[int, int, float, float]:
    """(level, potential level, score, maximum score) in one pass over (level, weight, status):
    the numbers `levels` and `score` define, computed for every organisation and domain."""
    present: set[int] = set()
    applicable: set[int] = set()  # levels with at least one gate that applies
    blocked = blocked_if_unknown_met = MAX_LEVEL + 1
    earned = earned_if_unknown_met = possible = 0.0
    for level, weight, status in gates:
        present.add(level)
        if status is _NOT_APPLICABLE:
            continue
        applicable.add(level)
        points = weight * level
        possible += points
        if status is _MET:
            earned += points
            earned_if_unknown_met += points
            continue
        blocked = min(blocked, level)
        if status is _UNKNOWN:
            earned_if_unknown_met += points
        else:
            blocked_if_unknown_met = min(blocked_if_unknown_met, level)
    return (
        _reached(present, applicable, blocked),
        _reached(present, applicable, blocked_if_unknown_met),
        round(100 * earned / possible, 1) if possible else 0.0,
        round(100 * earned_if_unknown_met / possible, 1) if possible else 0.0,
    )


def _reached(present: set[int], applicable: set[int], first_blocked: int) -> int:
    """As `levels`: stop at a level without gates or the first blocked one; skip levels whose
    gates are all not applicable, so none is reached on them alone."""
    reached = 0
    for n in range(1, min(first_blocked, MAX_LEVEL + 1)):
        if n not in present:
            break
        if n in applicable:
            reached = n
    return reached
