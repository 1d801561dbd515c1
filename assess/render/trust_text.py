"""Plain-text blocks of consistency checks, evidence and confidence grades (score and explain)."""

from __future__ import annotations

from ..common import Lang
from ..i18n import t
from ..result import AssessmentResult, CheckResult, EvidenceIssue, GradeDetail

__all__ = ["checks_lines", "evidence_label", "grade_lines"]


def _num(x: float, lang: Lang) -> str:
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def _check(c: CheckResult, lang: Lang) -> list[str]:
    out = [
        f"  [{t('severity_' + c.severity.value, lang).upper()}] {c.rule_id}  {c.title.get(lang)}"
    ]
    out.append(f"      {c.message.get(lang)}")
    if c.confirmed and c.confirmation:
        out.append(f"      ✓ {t('check_confirmed', lang, why=c.confirmation)}")
    else:
        out.append(f"      → {c.resolution.get(lang)}")
    return out


def checks_lines(result: AssessmentResult, lang: Lang, section: str | None = None) -> list[str]:
    """The "to check before sharing" block (one section's checks only, with `section`): empty
    when no check fired."""
    checks = [c for c in result.checks if section in (None, c.section)]
    if not checks:
        return []
    lines = [f"{t('checks_title', lang)} ({len(checks)})"]
    for c in checks:
        lines.extend(_check(c, lang))
    return lines + [""]


def evidence_label(issue: EvidenceIssue, lang: Lang) -> str:
    label = t(f"evidence_{issue.status}", lang)
    if issue.status == "stale" and issue.max_age_months:
        label += " " + t("evidence_max_age", lang, months=issue.max_age_months)
    dates = [d.isoformat() for d in (issue.evidence_date, issue.evidence_expires) if d]
    ref = f" — {issue.evidence}" if issue.evidence else ""
    colon = " :" if lang == "fr" else ":"
    when = f" ({' → '.join(dates)})" if dates else ""
    return f"{issue.question_id}{colon} {label}{ref}{when}"


def grade_lines(g: GradeDetail | None, lang: Lang, indent: str = "  ") -> list[str]:
    """How one grade was computed, for `assess explain`."""
    if g is None:
        return []
    lines = [
        indent + t("grade_how", lang, grade=g.grade, points=_num(g.points, lang),
                   completeness=_num(g.completeness, lang), evidence=_num(g.evidence, lang)),
        indent + "  " + (
            t("grade_evidence", lang, valid=g.evidence_valid, required=g.evidence_required)
            if g.evidence_required else t("grade_no_evidence", lang)
        ),
    ]  # fmt: skip
    if g.checks_unresolved:
        lines.append(f"{indent}  {t('grade_penalty', lang, ids=', '.join(g.checks_unresolved))}")
    if g.capped_by:
        lines.append(f"{indent}  {t('grade_capped', lang, ids=', '.join(g.capped_by))}")
    lines += [f"{indent}    - {evidence_label(i, lang)}" for i in g.evidence_issues]
    return lines
