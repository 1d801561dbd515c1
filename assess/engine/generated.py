"""The rules as one generated plain-Python function: the `python` engine, and the speed floor.

Every question is read once (`res.get`, its state and value bound to locals), then every rule,
dependencies first, is one boolean expression: applicability (organisation type, dates)
`and` its condition, with `fired X` reading X's local. Nothing from the definitions is
written into the code: question IDs, operands and type sets are passed in a constants list and
referred to by index, so the generated text consists of the template's own names only. The
property tests hold it to the three-valued evaluator and to durable-rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..conditions import UNKNOWN, VALUE, And, Cmp, Fired, Node, Or, State, date_number
from ..questionnaire import Question, QuestionType
from .compile import CompiledDomain, CompiledRule
from .python import Case
from .truth import Resolved

__all__ = ["GeneratedEvaluator", "generate_source"]

_CMP = {"eq": "==", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=",
        "in": "in", "not_in": "not in"}  # fmt: skip


class _Source:
    def __init__(self, questions: dict[str, Question]) -> None:
        self.questions = questions
        self.constants: list[Any] = []
        self.locals: dict[str, int] = {}  # question ID -> local index
        self.rule_vars: dict[str, str] = {}
        self.lines: list[str] = []

    def const(self, value: Any) -> str:
        self.constants.append(value)
        return f"K[{len(self.constants) - 1}]"

    def read(self, qid: str) -> int:
        """Bind question `qid`'s state and value to locals (once)."""
        i = self.locals.get(qid)
        if i is None:
            i = self.locals[qid] = len(self.locals)
            self.lines.append(f"    r = res.get({self.const(qid)}, UNKNOWN_ANSWER)")
            self.lines.append(f"    s{i} = r.state")
            read = "dn(r.value)" if self.questions[qid].type is QuestionType.date else "r.value"
            self.lines.append(f"    v{i} = {read} if s{i} == VALUE else None")
        return i

    def expr(self, node: Node) -> str:
        if isinstance(node, And | Or):
            joiner = " and " if isinstance(node, And) else " or "
            return "(" + joiner.join(self.expr(n) for n in node.items) + ")"
        if isinstance(node, Fired):
            return self.rule_vars.get(node.rule, "False")
        i = self.read(node.q)
        if isinstance(node, State):
            return f"(s{i} in {self.const(frozenset(node.states))})"
        assert isinstance(node, Cmp)
        if self.questions[node.q].type is QuestionType.multiple_choice:
            wanted = frozenset(node.value if isinstance(node.value, tuple) else (node.value,))
            hit = f"not v{i}.isdisjoint({self.const(wanted)})"
            test = hit if node.op in ("eq", "in") else f"v{i}.isdisjoint({self.const(wanted)})"
            return f"(s{i} == VALUE and {test})"
        operand = frozenset(node.value) if node.op in ("in", "not_in") else node.value
        return f"(s{i} == VALUE and v{i} {_CMP[node.op]} {self.const(operand)})"

    def rule(self, domain: str, c: CompiledRule) -> None:
        rule = c.rule
        parts = []
        if rule.applies_to:
            parts.append(f"ot in {self.const(frozenset(rule.applies_to))}")
        if rule.effective_from:
            parts.append(f"{self.const(rule.effective_from)} <= day")
        if rule.effective_until:
            parts.append(f"day < {self.const(rule.effective_until)}")
        condition = self.expr(c.node)
        var = f"x{len(self.rule_vars)}"
        self.rule_vars[rule.id] = var
        self.lines.append(f"    {var} = {' and '.join([*parts, condition])}")
        self.lines.append(f"    if {var}:")
        self.lines.append(f"        out[{self.const(domain)}].add({self.const(rule.id)})")


def generate_source(
    domains: dict[str, CompiledDomain], questions: dict[str, Question]
) -> tuple[str, list[Any]]:
    """The function's text and its constants."""
    src = _Source(questions)
    for name, domain in domains.items():
        for rid in domain.order:
            src.rule(name, domain.rules[rid])
    head = [
        "def fired(res, ot, day):",
        f"    out = {{d: set() for d in {src.const(tuple(domains))}}}",
    ]
    return "\n".join([*head, *src.lines, "    return out", ""]), src.constants


class GeneratedEvaluator:
    name = "python"

    def __init__(self, domains: dict[str, CompiledDomain], questions: dict[str, Question]) -> None:
        text, constants = generate_source(domains, questions)
        namespace: dict[str, Any] = {
            "K": constants, "VALUE": VALUE, "UNKNOWN_ANSWER": Resolved(UNKNOWN), "dn": date_number,
        }  # fmt: skip
        exec(compile(text, "<assess generated rules>", "exec"), namespace)  # noqa: S102
        self._fired = namespace["fired"]

    def fired(self, case: Case) -> dict[str, set[str]]:
        result: dict[str, set[str]] = self._fired(case.resolved, case.org_type, case.as_of)
        return result

    def fired_many(self, cases: Sequence[Case]) -> list[dict[str, set[str]]]:
        run = self._fired
        return [run(c.resolved, c.org_type, c.as_of) for c in cases]
