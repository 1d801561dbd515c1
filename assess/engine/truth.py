"""Plain-Python evaluation of normalised conditions: the test oracle and the source of "unknown".

`truth` is three-valued (Kleene): T, F, or U when the outcome hangs on unanswered questions.
A comparison on a question with no value is F if the question is not applicable and U if it is
unknown; since `not` was pushed down to the atoms, "unknown" never turns into "true". A condition
is true for the engine exactly when `truth` is T.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from ..conditions import NA, UNKNOWN, VALUE, And, Cmp, Fired, Node, Or, State, date_number

__all__ = ["F", "T", "U", "Resolved", "compare", "truth"]

T, F, U = "T", "F", "U"


class Resolved(NamedTuple):
    """An answer after applicability: its state and, for VALUE, its typed value.

    A named tuple, not a frozen dataclass: one is built for every answer of every organisation,
    at a fifth of the cost, and it is just as immutable."""

    state: str
    value: Any = None


_NOT_ASKED = Resolved(UNKNOWN)


def compare(op: str, value: Any, operand: Any) -> bool:
    if isinstance(value, frozenset):
        wanted = set(operand) if isinstance(operand, tuple) else {operand}
        hit = bool(value & wanted)
        return hit if op in ("eq", "in") else not hit
    if hasattr(value, "toordinal"):
        value = date_number(value)
    if op == "eq":
        return bool(value == operand)
    if op == "ne":
        return bool(value != operand)
    if op == "in":
        return value in operand
    if op == "not_in":
        return value not in operand
    if op == "lt":
        return bool(value < operand)
    if op == "lte":
        return bool(value <= operand)
    if op == "gt":
        return bool(value > operand)
    return bool(value >= operand)


def truth(node: Node, answers: Mapping[str, Resolved], fired: Callable[[str], str]) -> str:
    """Three-valued truth of `node`; `fired(rule_id)` gives T, F or U for `fired` atoms."""
    if isinstance(node, And):
        results = [truth(n, answers, fired) for n in node.items]
        return F if F in results else (U if U in results else T)
    if isinstance(node, Or):
        results = [truth(n, answers, fired) for n in node.items]
        return T if T in results else (U if U in results else F)
    if isinstance(node, Fired):
        return fired(node.rule)
    answer = answers.get(node.q, _NOT_ASKED)
    if isinstance(node, State):
        return T if answer.state in node.states else F
    assert isinstance(node, Cmp)
    if answer.state == VALUE:
        return T if compare(node.op, answer.value, node.value) else F
    return F if answer.state == NA else U
