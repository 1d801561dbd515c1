"""Answers → resolved answers (applicability applied) → engine facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from .answers import Answer
from .common import OrgType
from .conditions import NA, UNKNOWN, VALUE, date_number, normalise
from .evaluate import F, Resolved, truth
from .questionnaire import Questionnaire, QuestionType

__all__ = ["context_fact", "domain_facts", "resolve"]

_UNANSWERED = Answer(UNKNOWN)


def resolve(
    answers: Mapping[str, Answer],
    org_type: OrgType,
    questionnaire: Questionnaire,
    warnings: list[str] | None = None,
) -> dict[str, Resolved]:
    """Every question's state. Questions that do not apply (type, depends_on) are NA."""
    resolved: dict[str, Resolved] = {}
    for section in questionnaire.sections:
        for q in section.questions:
            answer = answers.get(q.id, _UNANSWERED)
            hidden = bool(q.applies_to) and org_type not in q.applies_to
            if not hidden and q.depends_on is not None:
                hidden = truth(normalise(q.depends_on), resolved, lambda _r: F) == F
            if hidden:
                if answer.state == VALUE and warnings is not None:
                    warnings.append(f"{q.id}: answer ignored, the question does not apply to this organisation")
                resolved[q.id] = Resolved(NA)
            else:
                resolved[q.id] = Resolved(answer.state, answer.value)
    return resolved


def context_fact(org_type: OrgType, as_of: dt.date) -> dict[str, Any]:
    return {"t": "x", "ot": org_type.value, "d": date_number(as_of)}


def domain_facts(
    questions: tuple[str, ...],
    choices: dict[str, tuple[str, ...]],
    resolved: dict[str, Resolved],
    qtypes: dict[str, QuestionType],
) -> list[dict[str, Any]]:
    """One fact per question the domain's rules test."""
    facts: list[dict[str, Any]] = []
    for qid in questions:
        r = resolved.get(qid, Resolved(UNKNOWN))
        fact: dict[str, Any] = {"t": "a", "q": qid, "s": r.state}
        if r.state == VALUE:
            if qid in choices:
                for c in choices[qid]:
                    fact[f"c_{c}"] = 1 if c in r.value else 0
            elif qtypes[qid] is QuestionType.date:
                fact["v"] = date_number(r.value)
            elif qtypes[qid] is not QuestionType.text:
                fact["v"] = r.value
        facts.append(fact)
    return facts


