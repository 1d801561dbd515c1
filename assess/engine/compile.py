"""Rules → normalised conditions: negation normal form, bounded DNF, dependency order.

This is the engine-independent part, shared by every evaluator and by the scoring stage, and
generic over rule kinds (findings, gates, checks): a rule is a condition plus applicability.
The durable-rules layout built from it is in `layout.py`, its safety checks in `lint.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..conditions import And, Fired, Literal_, Node, Or, literals, normalise, to_dnf
from ..definitions import Definitions
from ..errors import DefinitionError, Problem
from ..rule import Rule

__all__ = [
    "CompiledDomain",
    "CompiledRule",
    "LIMITS",
    "compile_definitions",
    "compile_domain",
    "dnf_size",
]

# Safe limits, kept well inside the measured failure points of durable-rules 2.0.28.
LIMITS = {
    "rules_per_ruleset": 4000,  # 4,096 (MAX_ACTIONS) -> error 106
    "disjuncts_per_rule": 32,  # keeps DNF expansion readable and bounded
    "chains_per_rule": 64,  # engine rules one rule becomes (alternatives x choices x org types)
    "tests_per_chain": 60,  # 60 terms in one condition were measured fine
    "children_per_node": 500,  # 513th distinct condition under one node -> create hangs
    "rules_per_node": 250,  # 256 rules ending on one node (BETA_LIST_LENGTH)
    "properties_per_fact": 250,  # 253 properties -> error 302
    "stack": 64,  # alpha nodes true at once (MAX_STACK_SIZE) -> error 303
}


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    node: Node  # negation normal form, the oracle's input
    dnf: tuple[tuple[Literal_, ...], ...]
    questions: tuple[str, ...]
    needs_context: bool  # depends on the organisation type or the date


@dataclass
class CompiledDomain:
    domain: str
    rules: dict[str, CompiledRule]
    order: tuple[str, ...]  # rule IDs, dependencies first
    questions: tuple[str, ...]  # every question a rule of the domain tests
    derived: frozenset[str] = frozenset()  # rule IDs that other rules name with `fired`


def dnf_size(node: Node) -> int:
    """How many alternatives `to_dnf(node)` would produce, computed without expanding it."""
    if isinstance(node, Or):
        return sum(dnf_size(n) for n in node.items)
    if isinstance(node, And):
        size = 1
        for n in node.items:
            size *= dnf_size(n)
        return size
    return 1


def _order(rules: dict[str, CompiledRule]) -> tuple[str, ...]:
    done: list[str] = []
    seen: set[str] = set()

    def visit(rid: str) -> None:
        if rid in seen:
            return
        seen.add(rid)
        for lit in literals(rules[rid].node):
            if isinstance(lit, Fired) and lit.rule in rules:
                visit(lit.rule)
        done.append(rid)

    for rid in sorted(rules):
        visit(rid)
    return tuple(done)


def _compile_rule(rule: Rule, src: str, problems: list[Problem]) -> CompiledRule | None:
    node = normalise(rule.when)
    size = dnf_size(node)  # before expanding: a 4^14 condition must fail at once
    limit = LIMITS["disjuncts_per_rule"]
    if size > limit:
        problems.append(
            Problem(
                src,
                None,
                "when",
                f"condition expands to {size:,} alternatives (limit {limit}); split the rule",
            )  # fmt: skip
        )
        return None
    qids = tuple(sorted({lit.q for lit in literals(node) if not isinstance(lit, Fired)}))
    context = bool(rule.applies_to or rule.effective_from or rule.effective_until)
    return CompiledRule(rule, node, tuple(to_dnf(node)), qids, context)


def compile_domain(defs: Definitions, domain: str) -> CompiledDomain:
    compiled: dict[str, CompiledRule] = {}
    problems: list[Problem] = []
    for rule in defs.rules_of(domain):
        if rule.deprecated:
            continue
        c = _compile_rule(rule, defs.sources.get(rule.id, rule.id), problems)
        if c is not None:
            compiled[rule.id] = c
    if problems:
        raise DefinitionError(problems)
    questions = tuple(sorted({q for c in compiled.values() for q in c.questions}))
    derived = frozenset(
        lit.rule for c in compiled.values() for lit in literals(c.node) if isinstance(lit, Fired)
    )
    return CompiledDomain(domain, compiled, _order(compiled), questions, derived)


def compile_definitions(defs: Definitions) -> dict[str, CompiledDomain]:
    """Every domain compiled, or the problems of all of them as one DefinitionError."""
    out: dict[str, CompiledDomain] = {}
    problems: list[Problem] = []
    for d in sorted({r.domain for r in defs.rules.values()}):
        try:
            out[d] = compile_domain(defs, d)
        except DefinitionError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DefinitionError(problems)
    return out
