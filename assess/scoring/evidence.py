"""The status of each answer's evidence at the assessment date, against its question's policy.

A question may want evidence (`evidence: {required, max_age_months, values}`) and a
not-applicable answer may need a justification (`na_justification`). Only those answers count
towards the confidence grade; the evidence of any other answer is still checked for expiry so
that the report never shows an expired document as if it were valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..answers import Answer
from ..conditions import NA, UNKNOWN, VALUE
from ..engine.truth import Resolved
from ..questionnaire import Question

__all__ = ["EvidencePlan", "EvidenceState", "EvidenceStatus", "months_before"]


_UNANSWERED = Answer(UNKNOWN)


class EvidenceState(StrEnum):
    valid = "valid"
    missing = "missing"  # wanted, not given
    expired = "expired"  # its expiry date is before the assessment date
    stale = "stale"  # dated longer ago than the question allows
    undated = "undated"  # the question limits its age, the evidence has no date
    future = "future"  # dated after the assessment date: a typing error, most likely
    justified = "justified"  # not applicable, with the comment the question asks for
    unjustified = "unjustified"  # not applicable without that comment

    @property
    def ok(self) -> bool:
        return self in (EvidenceState.valid, EvidenceState.justified)


@dataclass(frozen=True)
class EvidenceStatus:
    question_id: str
    state: EvidenceState
    counted: bool  # the question asks for it: it weighs on the confidence grade
    max_age_months: int | None = None


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the month's last day when it has fewer days)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _dated(answer: Answer, max_age: int | None, as_of: dt.date) -> EvidenceState:
    if answer.evidence is None:
        return EvidenceState.missing
    if answer.evidence_expires is not None and answer.evidence_expires < as_of:
        return EvidenceState.expired
    if answer.evidence_date is not None and answer.evidence_date > as_of:
        return EvidenceState.future
    if max_age is not None:
        if answer.evidence_date is None:
            return EvidenceState.undated
        if answer.evidence_date < months_before(as_of, max_age):
            return EvidenceState.stale
    return EvidenceState.valid


def _status(
    question: Question, answer: Answer, resolved: Resolved, as_of: dt.date
) -> EvidenceStatus | None:
    policy = question.evidence
    if resolved.state == NA:
        if question.na_justification and answer.state == NA:
            ok = bool(answer.comment and answer.comment.strip())
            state = EvidenceState.justified if ok else EvidenceState.unjustified
            return EvidenceStatus(question.id, state, True)
        return None
    if resolved.state != VALUE:
        return None
    max_age = policy.max_age_months if policy else None
    if policy is not None and policy.wanted_for(resolved.value):
        return EvidenceStatus(question.id, _dated(answer, max_age, as_of), True, max_age)
    if answer.evidence is not None:
        return EvidenceStatus(question.id, _dated(answer, max_age, as_of), False, max_age)
    return None


class EvidencePlan:
    """The questions that want evidence or a justification, found once per questionnaire."""

    def __init__(self, questions: Mapping[str, Question]) -> None:
        self.questions = questions
        self.wanted = tuple(q.id for q in questions.values() if q.evidence or q.na_justification)
        self._wanted = frozenset(self.wanted)
        self._sorted = sorted(self._wanted)

    def statuses(
        self, answers: Mapping[str, Answer], resolved: Mapping[str, Resolved], as_of: dt.date
    ) -> dict[str, EvidenceStatus]:
        """Question ID -> status, for every answer that carries or needs evidence."""
        more = [q for q, a in answers.items() if a.evidence is not None and q not in self._wanted]
        out: dict[str, EvidenceStatus] = {}
        for qid in sorted(self._wanted.union(more)) if more else self._sorted:
            r = resolved.get(qid)
            question = self.questions.get(qid)
            if r is None or question is None:
                continue
            status = _status(question, answers.get(qid, _UNANSWERED), r, as_of)
            if status is not None:
                out[qid] = status
        return out
