"""The confidence grade (A–D) of a domain or of the whole assessment: how far its score can be trusted.

    points = 100 × (0.6 × completeness + 0.4 × evidence) − 15 per unresolved medium check
             − 5 per unresolved low check, between 0 and 100
    completeness = applicable questions answered / applicable questions
    evidence = answers that need evidence (or an n/a justification) and have a valid one
               / answers that need one (1 when none does)
    grade: A from 90 points, B from 75, C from 55, D below; any unresolved critical or high
           check caps the grade at C.

A check is resolved when the answers file confirms the answers with an explanation
(`confirmed_checks`). Checks never change levels or scores: only this grade.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["GRADE_CAP", "GRADE_THRESHOLDS", "Confidence", "PENALTIES", "grade_of"]

COMPLETENESS_WEIGHT = 0.6
EVIDENCE_WEIGHT = 0.4
GRADE_THRESHOLDS: tuple[tuple[str, float], ...] = (("A", 90.0), ("B", 75.0), ("C", 55.0))
PENALTIES = {"medium": 15.0, "low": 5.0, "info": 0.0}  # points per unresolved check
CAPPING = frozenset({"critical", "high"})  # any one unresolved caps the grade
GRADE_CAP = "C"


@dataclass(frozen=True)
class Confidence:
    grade: str
    points: float
    completeness: float
    evidence: float
    evidence_required: int
    evidence_valid: int
    checks_unresolved: tuple[str, ...]  # check rule IDs
    capped_by: tuple[str, ...]  # the unresolved critical or high checks


def _letter(points: float) -> str:
    return next((g for g, low in GRADE_THRESHOLDS if points >= low), "D")


def grade_of(
    completeness: float,
    evidence_required: int,
    evidence_valid: int,
    checks: Iterable[tuple[str, str]],  # (check ID, severity) of the fired checks
    confirmed: frozenset[str] | set[str] = frozenset(),
) -> Confidence:
    unresolved = tuple((rid, sev) for rid, sev in checks if rid not in confirmed)
    return _grade(completeness, evidence_required, evidence_valid, unresolved)


@lru_cache(maxsize=4096, typed=True)  # a batch meets the same few combinations over and over
def _grade(
    completeness: float,
    evidence_required: int,
    evidence_valid: int,
    unresolved: tuple[tuple[str, str], ...],
) -> Confidence:
    evidence = evidence_valid / evidence_required if evidence_required else 1.0
    raw = 100 * (COMPLETENESS_WEIGHT * completeness + EVIDENCE_WEIGHT * evidence)
    raw -= sum(PENALTIES.get(sev, 0.0) for _rid, sev in unresolved)
    points = round(min(100.0, max(0.0, raw)), 1)
    capped_by = tuple(rid for rid, sev in unresolved if sev in CAPPING)
    letter = _letter(points)
    if capped_by and letter < GRADE_CAP:  # "A" < "C": better than the cap
        letter = GRADE_CAP
    return Confidence(
        grade=letter, points=points, completeness=round(completeness, 3),
        evidence=round(evidence, 3), evidence_required=evidence_required,
        evidence_valid=evidence_valid, checks_unresolved=tuple(rid for rid, _ in unresolved),
        capped_by=capped_by,
    )  # fmt: skip
