"""Answer changes: the values worth trying for a question, and applying a set of changes.

Candidate values come from the rules themselves: every value or threshold a condition compares
a question with (and the value just past it), every choice of a choice question. Nothing is
inferred from rule names; whether a change helps is decided by evaluating it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..answers import Answer, AnswerSet
from ..conditions import UNKNOWN, VALUE, Cmp, Fired, literals
from ..engine.compile import CompiledDomain, CompiledRule
from ..questionnaire import Question, QuestionType
from ..scoring.assessor import _json_value as json_value

__all__ = [
    "Change",
    "apply_changes",
    "candidate_values",
    "json_value",
    "rule_questions",
    "thresholds",
]

TEXT_PLACEHOLDER = "à compléter"  # an answered text question: the words themselves never matter


@dataclass(frozen=True, order=True)
class Change:
    """Set `question_id` to `value` (a str, number, date or frozenset of choice IDs)."""

    question_id: str
    value: Any


def apply_changes(answers: AnswerSet, changes: Iterable[Change]) -> AnswerSet:
    """A copy of `answers` with each change applied (comments and evidence are kept)."""
    updated = dict(answers.answers)
    for c in changes:
        old = updated.get(c.question_id, Answer(UNKNOWN))
        updated[c.question_id] = Answer(VALUE, c.value, old.comment, old.evidence)
    return replace(answers, answers=updated)


def rule_questions(compiled: CompiledDomain, rule_id: str) -> list[str]:
    """The questions a rule tests, and those of the rules it builds on (`fired`)."""
    seen: list[str] = []
    stack = [rule_id]
    visited: set[str] = set()
    while stack:
        rid = stack.pop()
        if rid in visited or rid not in compiled.rules:
            continue
        visited.add(rid)
        c = compiled.rules[rid]
        seen += [q for q in c.questions if q not in seen]
        stack += [lit.rule for lit in literals(c.node) if isinstance(lit, Fired)]
    return seen


def thresholds(rules: Iterable[CompiledRule]) -> dict[str, list[Cmp]]:
    """Every comparison these rules make, by question."""
    found: dict[str, list[Cmp]] = {}
    for c in rules:
        for lit in literals(c.node):
            if isinstance(lit, Cmp):
                found.setdefault(lit.q, []).append(lit)
    return found


def _from_number(n: int) -> dt.date:
    return dt.date(n // 10000, n // 100 % 100, n % 100)


def _numeric(q: Question, cmps: list[Cmp]) -> list[Any]:
    low, high = q.bounds()
    step: Any = 1
    out: list[Any] = []
    for cmp in cmps:
        for v in cmp.value if isinstance(cmp.value, tuple) else (cmp.value,):
            if q.type is QuestionType.date:
                day = _from_number(int(v))
                one = dt.timedelta(days=1)
                out += [day, day + one if cmp.op in ("gt", "ne") else day - one]
            else:
                after = v + step if cmp.op in ("gt", "lte", "ne") else v - step
                out += [v, after]
    if q.type is QuestionType.date:
        return out
    kept = [v for v in out if (low is None or v >= low) and (high is None or v <= high)]
    return [int(v) if q.type is QuestionType.integer else v for v in kept]


def _distance(a: Any, b: Any) -> float:
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return float((a - b).days)
    return float(a - b)


def _multiple(q: Question, current: frozenset[str], cmps: list[Cmp]) -> list[frozenset[str]]:
    """Each choice added or removed, and each group of choices a rule asks for added."""
    out = [current ^ {c} for c in q.choice_ids()]
    asked: set[str] = set()
    for cmp in cmps:
        if cmp.op in ("eq", "in"):
            wanted = cmp.value if isinstance(cmp.value, tuple) else (cmp.value,)
            out.append(current | frozenset(str(w) for w in wanted))
            asked.update(str(w) for w in wanted)
    out.append(current | asked)
    return out


def candidate_values(q: Question, current: Answer, cmps: list[Cmp]) -> list[Any]:
    """Values other than the current one that some rule could react to, most natural first."""
    t = q.type
    if t is QuestionType.yes_no or t is QuestionType.single_choice:
        values: list[Any] = q.choice_ids()
    elif t is QuestionType.multiple_choice:
        now = current.value if current.state == VALUE else frozenset()
        values = _multiple(q, now, cmps)
    elif t is QuestionType.text:
        values = [TEXT_PLACEHOLDER]
    else:
        values = _numeric(q, cmps)
        if current.state == VALUE:  # the smallest move first
            values.sort(key=lambda v: abs(_distance(v, current.value)))
    unique: list[Any] = []
    for v in values:
        if v not in unique and not (current.state == VALUE and v == current.value):
            unique.append(v)
    return unique
