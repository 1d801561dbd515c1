"""A computed confidence grade as the result model shows it, with the evidence behind it."""

from __future__ import annotations

from collections.abc import Mapping

from ..questionnaire import Section
from ..result import AnswerView, EvidenceIssue, GradeDetail
from .confidence import Confidence
from .evidence import EvidenceStatus

__all__ = ["grade_detail"]


def _issues(
    views: Mapping[str, AnswerView],
    evidence: Mapping[str, EvidenceStatus],
    section: Section | None,
) -> list[EvidenceIssue]:
    """Evidence that is not valid, in questionnaire order; one section's, or every one."""
    prefix = f"{section.id}." if section is not None else ""
    out = []
    for qid, view in views.items():
        status = evidence.get(qid)
        if status is None or status.state.ok or not qid.startswith(prefix):
            continue
        out.append(
            EvidenceIssue(
                question_id=qid,
                status=status.state.value,
                max_age_months=status.max_age_months,
                evidence=view.evidence,
                evidence_date=view.evidence_date,
                evidence_expires=view.evidence_expires,
            )  # fmt: skip
        )
    return out


def grade_detail(
    grade: Confidence | None,
    views: Mapping[str, AnswerView],
    evidence: Mapping[str, EvidenceStatus],
    section: Section | None,
) -> GradeDetail | None:
    if grade is None:
        return None
    return GradeDetail(
        grade=grade.grade, points=grade.points, completeness=grade.completeness,
        evidence=grade.evidence, evidence_required=grade.evidence_required,
        evidence_valid=grade.evidence_valid, checks_unresolved=list(grade.checks_unresolved),
        capped_by=list(grade.capped_by), evidence_issues=_issues(views, evidence, section),
    )  # fmt: skip
