"""Conditions: the closed operator vocabulary, as written in YAML and as normalised for evaluation.

A condition is a tree of `all`, `any` and `not` over atoms. An atom tests one question
(`{q: dmp.lettre_liaison_share, gte: 80}`) or that another rule of the same domain fired
(`{fired: DMP-G2}`). Atoms that compare a value are false when the question has no value
(unknown or not applicable), so `not` is pushed down to the atoms (negation normal form) rather
than applied to their result: `not {q: x, eq: yes}` becomes `{q: x, ne: yes}`, which an
unanswered question does not satisfy either. This keeps "unknown" from ever counting as "no".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from .common import StrictModel

__all__ = [
    "And",
    "Cmp",
    "Condition",
    "Fired",
    "Literal_",
    "Node",
    "Or",
    "State",
    "COMPARISONS",
    "NUMERIC_OPS",
    "normalise",
]

Scalar = str | int | float | dt.date
COMPARISONS = ("eq", "ne", "in", "not_in", "lt", "lte", "gt", "gte")
NUMERIC_OPS = frozenset({"lt", "lte", "gt", "gte"})
STATE_OPS = ("answered", "unanswered")
OPERATORS = (*COMPARISONS, *STATE_OPS)


class AtomModel(StrictModel):
    """`{q: <question id>, <operator>: <operand>}`, exactly one operator."""

    q: str = Field(min_length=1)
    eq: Scalar | bool | None = None
    ne: Scalar | bool | None = None
    in_: list[Scalar | bool] | None = Field(default=None, alias="in", min_length=1)
    not_in: list[Scalar | bool] | None = Field(default=None, min_length=1)
    lt: int | float | dt.date | None = None
    lte: int | float | dt.date | None = None
    gt: int | float | dt.date | None = None
    gte: int | float | dt.date | None = None
    answered: Literal[True] | None = None
    unanswered: Literal[True] | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> AtomModel:
        used = [op for op in OPERATORS if self.operand(op) is not None]
        if len(used) != 1:
            found = ", ".join(used) if used else "none"
            raise ValueError(
                f"an atom needs exactly one operator among {', '.join(OPERATORS)} (found: {found})"
            )
        return self

    def operand(self, op: str) -> Any:
        return getattr(self, "in_" if op == "in" else op)

    @property
    def op(self) -> str:
        return next(op for op in OPERATORS if self.operand(op) is not None)


class FiredModel(StrictModel):
    """`{fired: RULE-ID}`: true when that rule of the same domain fired (forward chaining)."""

    fired: str = Field(min_length=1)


class AllModel(StrictModel):
    all: list[Condition] = Field(min_length=1)


class AnyModel(StrictModel):
    any: list[Condition] = Field(min_length=1)


class NotModel(StrictModel):
    not_: Condition = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("all", "any", "not", "fired", "q"):
            if key in value:
                return key
        return None
    if isinstance(value, AllModel):
        return "all"
    if isinstance(value, AnyModel):
        return "any"
    if isinstance(value, NotModel):
        return "not"
    if isinstance(value, FiredModel):
        return "fired"
    if isinstance(value, AtomModel):
        return "q"
    return None


Condition = Annotated[
    Annotated[AllModel, Tag("all")]
    | Annotated[AnyModel, Tag("any")]
    | Annotated[NotModel, Tag("not")]
    | Annotated[FiredModel, Tag("fired")]
    | Annotated[AtomModel, Tag("q")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition needs one of the keys all, any, not, fired or q",
    ),
]

AllModel.model_rebuild()
AnyModel.model_rebuild()
NotModel.model_rebuild()


# --- Normalised form -----------------------------------------------------------------------------

# Answer states as carried by facts: a value, unknown (unanswered or said "unknown"), not applicable.
VALUE, UNKNOWN, NA = "v", "u", "n"
ALL_STATES = frozenset({VALUE, UNKNOWN, NA})

_NEGATED = {"eq": "ne", "ne": "eq", "in": "not_in", "not_in": "in",
            "lt": "gte", "gte": "lt", "lte": "gt", "gt": "lte"}  # fmt: skip


@dataclass(frozen=True)
class Cmp:
    """Compare the value of question `q`; false whenever the question has no value."""

    q: str
    op: str
    value: Any  # str | int | float, or a tuple of them for in/not_in; dates as yyyymmdd ints


@dataclass(frozen=True)
class State:
    """The answer state of question `q` is one of `states`."""

    q: str
    states: frozenset[str]


@dataclass(frozen=True)
class Fired:
    rule: str


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


Literal_ = Cmp | State | Fired
Node = Cmp | State | Fired | And | Or


class NegatedFiredError(ValueError):
    """`not {fired: X}` would make forward chaining order-dependent; it is refused."""


def date_number(value: dt.date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def _operand(value: Any) -> Any:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return date_number(value)
    if isinstance(value, list):
        return tuple(_operand(v) for v in value)
    return value


def normalise(cond: Any, negate: bool = False) -> Node:
    """YAML condition model → negation normal form."""
    if isinstance(cond, AllModel | AnyModel):
        items = tuple(
            normalise(c, negate) for c in (cond.all if isinstance(cond, AllModel) else cond.any)
        )
        conjunctive = isinstance(cond, AllModel) != negate
        return And(items) if conjunctive else Or(items)
    if isinstance(cond, NotModel):
        return normalise(cond.not_, not negate)
    if isinstance(cond, FiredModel):
        if negate:
            raise NegatedFiredError(cond.fired)
        return Fired(cond.fired)
    assert isinstance(cond, AtomModel)
    op = cond.op
    if op in STATE_OPS:
        states = frozenset({VALUE}) if op == "answered" else frozenset({UNKNOWN})
        return State(cond.q, ALL_STATES - states if negate else states)
    return Cmp(cond.q, _NEGATED[op] if negate else op, _operand(cond.operand(op)))


def literals(node: Node) -> list[Literal_]:
    """Every atom of a normalised condition, in order."""
    if isinstance(node, And | Or):
        return [lit for item in node.items for lit in literals(item)]
    return [node]


def to_dnf(node: Node) -> list[tuple[Literal_, ...]]:
    """Disjunctive normal form: a list of conjunctions of literals."""
    if isinstance(node, Or):
        return [conj for item in node.items for conj in to_dnf(item)]
    if isinstance(node, And):
        result: list[tuple[Literal_, ...]] = [()]
        for item in node.items:
            result = [left + right for left in result for right in to_dnf(item)]
        return result
    return [(node,)]
