"""Answers → resolved answers (applicability applied) → engine facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..answers import Answer
from ..common import OrgType
from ..conditions import NA, UNKNOWN, VALUE, date_number, normalise
from ..questionnaire import Questionnaire, QuestionType
from .truth import F, Resolved, truth

__all__ = ["context_fact", "domain_facts", "resolve"]

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
    warnings: list[str] | None = None,
) -> dict[str, Resolved]:
    """Every question's state. Questions that do not apply (type, depends_on) are NA."""
    resolved: dict[str, Resolved] = {}
    for qid, applies_to, depends_on in _plan(questionnaire).items:
        answer = answers.get(qid, _UNANSWERED)
        hidden = bool(applies_to) and org_type not in applies_to
        if not hidden and depends_on is not None:
            hidden = truth(depends_on, resolved, _never_fired) == F
        if hidden:
            if answer.state == VALUE and warnings is not None:
                warnings.append(
                    f"{qid}: answer ignored, the question does not apply to this organisation"
                )
            resolved[qid] = _NOT_APPLICABLE
        else:
            resolved[qid] = Resolved(answer.state, answer.value)
    return resolved


def context_fact(org_type: OrgType, as_of: dt.date) -> dict[str, Any]:
    return {"t": "x", "ot": org_type.value, "d": date_number(as_of)}


def domain_facts(
    questions: tuple[str, ...],
    choices: dict[str, tuple[str, ...]],
    resolved: dict[str, Resolved],
    qtypes: dict[str, QuestionType],
    state_tested: frozenset[str] = frozenset(),
) -> list[dict[str, Any]]:
    """One fact per question the domain's rules test.

    A question without a value only matters to `answered`/`unanswered` atoms: every comparison
    requires a value. Its fact is left out unless `state_tested` names it, which saves the
    engine work without changing what fires.
    """
    facts: list[dict[str, Any]] = []
    for qid in questions:
        r = resolved.get(qid, _UNKNOWN)
        if r.state != VALUE and qid not in state_tested:
            continue
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
