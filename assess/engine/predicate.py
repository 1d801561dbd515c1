"""Compile a normalised condition to a Python closure: the fast boolean form of `evaluate.truth`.

`predicate(node)(answers, fired)` is True exactly when `truth(node, …)` is T; the property tests
hold the two (and durable-rules) to the same answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..conditions import VALUE, And, Cmp, Fired, Node, Or, State
from .truth import Resolved, compare

__all__ = ["Predicate", "predicate"]

Predicate = Callable[[Mapping[str, Resolved], set[str]], bool]
_MISSING = Resolved("u")


def _cmp(node: Cmp) -> Predicate:
    q, op, operand = node.q, node.op, node.value

    def run(answers: Mapping[str, Resolved], _fired: set[str]) -> bool:
        answer = answers.get(q, _MISSING)
        return answer.state == VALUE and compare(op, answer.value, operand)

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
