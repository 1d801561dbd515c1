"""Answers → resolved answers: every question's state once applicability is applied."""

from __future__ import annotations

from collections.abc import Mapping

from ..answers import Answer
from ..common import OrgType, Text
from ..conditions import NA, UNKNOWN, VALUE, normalise
from ..questionnaire import Questionnaire
from .truth import F, Resolved, truth

__all__ = ["resolve"]

_UNANSWERED = Answer(UNKNOWN)
_NOT_APPLICABLE = Resolved(NA)
_UNKNOWN = Resolved(UNKNOWN)


class _Plan:
    """Applicability of every question, normalised once per questionnaire."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.items = [
            (
                q.id,
                frozenset(q.applies_to),
                normalise(q.depends_on) if q.depends_on is not None else None,
            )
            for section in questionnaire.sections
            for q in section.questions
        ]
        self.labels = {q.id: q.label for s in questionnaire.sections for q in s.questions}
        self.notices: dict[str, Text] = {}  # built once per question: batches repeat them

    def ignored(self, qid: str) -> Text:
        """The notice for an answer given to a question that does not apply."""
        notice = self.notices.get(qid)
        if notice is None:
            label = self.labels[qid]
            notice = self.notices[qid] = Text(
                fr=f"« {label.fr} » : réponse ignorée, la question ne concerne pas cette structure",
                en=f"“{label.en}”: answer ignored, the question does not apply to "
                "this organisation",
            )
        return notice


_PLANS: dict[int, tuple[Questionnaire, _Plan]] = {}


def _plan(questionnaire: Questionnaire) -> _Plan:
    cached = _PLANS.get(id(questionnaire))
    if cached is None or cached[0] is not questionnaire:
        cached = (questionnaire, _Plan(questionnaire))
        _PLANS[id(questionnaire)] = cached
    return cached[1]


def _never_fired(_rule: str) -> str:
    return F


def resolve(
    answers: Mapping[str, Answer],
    org_type: OrgType,
    questionnaire: Questionnaire,
    warnings: list[Text] | None = None,
) -> dict[str, Resolved]:
    """Every question's state. Questions that do not apply (type, depends_on) are NA."""
    resolved: dict[str, Resolved] = {}
    plan = _plan(questionnaire)
    for qid, applies_to, depends_on in plan.items:
        answer = answers.get(qid, _UNANSWERED)
        hidden = bool(applies_to) and org_type not in applies_to
        if not hidden and depends_on is not None:
            hidden = truth(depends_on, resolved, _never_fired) == F
        if hidden:
            if answer.state == VALUE and warnings is not None:
                warnings.append(plan.ignored(qid))
            resolved[qid] = _NOT_APPLICABLE
        elif answer.state == UNKNOWN and answer.value is None:
            resolved[qid] = _UNKNOWN
        else:
            resolved[qid] = Resolved(answer.state, answer.value)
    return resolved
