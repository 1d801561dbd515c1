"""What the report prints about consistency checks, evidence and confidence grades."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import tn
from ..result import AssessmentResult, CheckResult, EvidenceIssue
from .views import AnswerRow, Formatter

__all__ = ["CheckRow", "EvidenceRow", "section_checks", "trust_context"]


@dataclass(frozen=True)
class CheckRow:
    rule_id: str
    severity: str
    severity_label: str
    title: str
    message: str
    resolution: str
    confirmed: bool
    confirmation: str | None  # the organisation's own words: plain text, escaped by Jinja2
    answers: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class EvidenceRow:
    question_id: str
    label: str  # the question as the user knows it
    status: str
    status_label: str
    evidence: str | None
    dates: str


def _check(c: CheckResult, fmt: Formatter) -> CheckRow:
    return CheckRow(
        rule_id=c.rule_id, severity=c.severity.value, severity_label=fmt.severity(c.severity.value),
        title=c.title.get(fmt.lang), message=c.message.get(fmt.lang),
        resolution=c.resolution.get(fmt.lang), confirmed=c.confirmed, confirmation=c.confirmation,
        answers=tuple(fmt.answer(a) for a in c.answers),
    )  # fmt: skip


def _evidence(issue: EvidenceIssue, fmt: Formatter) -> EvidenceRow:
    q = fmt.questions.get(issue.question_id)
    label = fmt.t(f"evidence_{issue.status}")
    if issue.status == "stale" and issue.max_age_months:
        label += " " + fmt.t("evidence_max_age", months=issue.max_age_months)
    dates = " → ".join(fmt.date(d) for d in (issue.evidence_date, issue.evidence_expires) if d)
    return EvidenceRow(
        issue.question_id, q.label.get(fmt.lang) if q else issue.question_id, issue.status,
        label, issue.evidence, dates,
    )  # fmt: skip


def section_checks(result: AssessmentResult, section: str, fmt: Formatter) -> tuple[CheckRow, ...]:
    """The checks of one domain, for its page (the summary lists them all)."""
    return tuple(_check(c, fmt) for c in result.checks if c.section == section)


def _notice(result: AssessmentResult, evidence: int, fmt: Formatter) -> str:
    """One sentence for the summary: what is to check, counted; "" when nothing is."""
    confirmed = sum(1 for c in result.checks if c.confirmed)
    counts = (
        ("open", len(result.checks) - confirmed),
        ("confirmed", confirmed),
        ("evidence", evidence),
    )
    items = [tn(f"checks_notice_{key}", n, fmt.lang) for key, n in counts if n]
    if not items:
        return ""
    joined = (
        ", ".join(items[:-1]) + f" {fmt.t('checks_notice_and')} " + items[-1]
        if len(items) > 1
        else items[0]
    )
    return fmt.t("checks_notice_end", items=joined)


def trust_context(result: AssessmentResult, fmt: Formatter) -> dict[str, Any]:
    """Context fields `checks`, `unresolved_checks`, `evidence_issues`, `checks_notice`, `grade`."""
    detail = result.overall.grade_detail
    issues = detail.evidence_issues if detail else []
    return {
        "checks_notice": _notice(result, len(issues), fmt),
        "checks": [_check(c, fmt) for c in result.checks],
        "unresolved_checks": sum(1 for c in result.checks if not c.confirmed),
        "evidence_issues": [_evidence(i, fmt) for i in issues],
        "grade": {
            "letter": result.overall.confidence_grade,
            "points": fmt.num(detail.points) if detail else "",
            "scale": fmt.t("grade_scale"),
        },
    }
