"""Compile a normalised condition to a Python closure: the fast boolean form of `evaluate.truth`.

`predicate(node)(answers, fired)` is True exactly when `truth(node, …)` is T; the property tests
hold the two (and durable-rules) to the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .conditions import VALUE, And, Cmp, Fired, Node, Or, State, date_number
from .evaluate import Resolved

__all__ = ["Predicate", "predicate"]

Predicate = Callable[[Mapping[str, Resolved], set[str]], bool]
_MISSING = Resolved("u")


def _cmp(node: Cmp) -> Predicate:
    q, op, operand = node.q, node.op, node.value
    wanted = frozenset(operand) if isinstance(operand, tuple) else frozenset([operand])

    def test(value: Any) -> bool:
        if isinstance(value, frozenset):
            hit = bool(value & wanted)
            return hit if op in ("eq", "in") else not hit
        if hasattr(value, "toordinal"):
            value = date_number(value)
        if op == "eq":
            return bool(value == operand)
        if op == "ne":
            return bool(value != operand)
        if op == "in":
            return value in wanted
        if op == "not_in":
            return value not in wanted
        if op == "lt":
            return bool(value < operand)
        if op == "lte":
            return bool(value <= operand)
        if op == "gt":
            return bool(value > operand)
        return bool(value >= operand)

    def run(answers: Mapping[str, Resolved], _fired: set[str]) -> bool:
        answer = answers.get(q, _MISSING)
        return answer.state == VALUE and test(answer.value)

    return run


def predicate(node: Node) -> Predicate:
    if isinstance(node, And):
        parts = [predicate(n) for n in node.items]
        return lambda answers, fired: all(p(answers, fired) for p in parts)
    if isinstance(node, Or):
        parts = [predicate(n) for n in node.items]
        return lambda answers, fired: any(p(answers, fired) for p in parts)
    if isinstance(node, Fired):
        rule = node.rule
        return lambda _answers, fired: rule in fired
    if isinstance(node, State):
        q, states = node.q, node.states
        return lambda answers, _fired: answers.get(q, _MISSING).state in states
    return _cmp(node)
