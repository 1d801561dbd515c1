"""Compile rules to durable-rules JSON rulesets, one per domain, within the engine's safe limits.

Facts (see `facts.py`): one per referenced question, `{"t": "a", "q": id, "s": state, "v": value}`
(multiple choice: one `c_<choice>` 0/1 property per choice instead of `v`); one context fact
`{"t": "x", "ot": org type, "d": yyyymmdd}`; derived facts `{"t": "r", "r": rule ID}` for rules
that other rules name with `fired`. A rule's condition is put in disjunctive normal form; each
conjunction becomes one durable rule `ID#k` correlating one named fact per question. Only
constant comparisons are emitted: no reference to another fact's value, no `dist`, no `any`,
no `count`/`cap` (see the engineering notes on durable-rules' crash traps).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..conditions import (
    VALUE,
    Cmp,
    Fired,
    Literal_,
    Node,
    State,
    date_number,
    literals,
    normalise,
    to_dnf,
)
from ..definitions import Definitions
from ..errors import DefinitionError, Problem
from ..questionnaire import Question, QuestionType
from ..rule import Rule

__all__ = ["CompiledDomain", "CompiledRule", "compile_definitions", "LIMITS"]

# Safe limits, kept well inside the measured failure points of durable-rules 2.0.28.
LIMITS = {
    "rules_per_ruleset": 4000,  # 4,096 (MAX_ACTIONS) -> error 106
    "facts_per_correlation": 16,  # 17 -> error 304 at assert time
    "disjuncts_per_rule": 32,  # keeps DNF expansion readable and bounded
    "conditions_per_question": 48,  # > 64 true at once for one fact -> error 303
    "distinct_conditions": 500,  # 513th distinct condition under one node -> create hangs
}


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    node: Node  # negation normal form, the oracle's input
    dnf: tuple[tuple[Literal_, ...], ...]
    questions: tuple[str, ...]
    needs_context: bool


@dataclass
class CompiledDomain:
    domain: str
    rules: dict[str, CompiledRule]
    ruleset: dict[str, Any]  # durable JSON
    questions: tuple[str, ...]  # every question a fact is needed for
    derived: frozenset[str]  # rule IDs that other rules name with `fired`
    order: tuple[str, ...]  # rule IDs, dependencies first
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # multiple-choice questions
    state_tested: frozenset[str] = frozenset()  # questions tested by answered/unanswered
    uses_context: bool = False  # some rule depends on org type or dates


def _literal_json(lit: Cmp | State, question: Question) -> list[dict[str, Any]]:
    if isinstance(lit, State):
        states = sorted(lit.states)
        if len(states) == 1:
            return [{"s": states[0]}]
        return [{"$or": [{"s": s} for s in states]}]
    tests: list[dict[str, Any]] = [{"s": VALUE}]
    if question.type is QuestionType.multiple_choice:
        wanted = lit.value if isinstance(lit.value, tuple) else (lit.value,)
        if lit.op in ("eq", "in"):
            alts = [{f"c_{c}": 1} for c in wanted]
            tests.append(alts[0] if len(alts) == 1 else {"$or": alts})
        else:  # ne, not_in: none of them selected
            tests.extend({f"c_{c}": 0} for c in wanted)
        return tests
    if lit.op == "eq":
        tests.append({"v": lit.value})
    elif lit.op == "ne":
        tests.append({"$neq": {"v": lit.value}})
    elif lit.op == "in":
        alts = [{"v": v} for v in lit.value]
        tests.append(alts[0] if len(alts) == 1 else {"$or": alts})
    elif lit.op == "not_in":
        tests.extend({"$neq": {"v": v}} for v in lit.value)
    else:
        tests.append({f"${lit.op}": {"v": lit.value}})
    return tests


def _context_json(rule: Rule) -> dict[str, Any] | None:
    tests: list[dict[str, Any]] = [{"t": "x"}]
    if rule.applies_to:
        alts = [{"ot": t.value} for t in rule.applies_to]
        tests.append(alts[0] if len(alts) == 1 else {"$or": alts})
    if rule.effective_from:
        tests.append({"$gte": {"d": date_number(rule.effective_from)}})
    if rule.effective_until:
        tests.append({"$lt": {"d": date_number(rule.effective_until)}})
    return {"$and": tests} if len(tests) > 1 else None


def _conjunction_json(
    conj: tuple[Literal_, ...], context: dict[str, Any] | None, questions: dict[str, Question]
) -> list[dict[str, Any]]:
    by_question: dict[str, list[dict[str, Any]]] = defaultdict(list)
    fired: list[str] = []
    for lit in conj:
        if isinstance(lit, Fired):
            fired.append(lit.rule)
        else:
            by_question[lit.q].extend(_literal_json(lit, questions[lit.q]))
    facts: list[dict[str, Any]] = []
    for i, (qid, tests) in enumerate(sorted(by_question.items())):
        unique = [
            json.loads(t) for t in dict.fromkeys(json.dumps(t, sort_keys=True) for t in tests)
        ]
        facts.append({f"a{i}": {"$and": [{"t": "a"}, {"q": qid}, *unique]}})
    for i, rid in enumerate(sorted(set(fired))):
        facts.append({f"r{i}": {"$and": [{"t": "r"}, {"r": rid}]}})
    if context is not None:
        facts.append({"x": context})
    return facts


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


def compile_domain(defs: Definitions, domain: str) -> CompiledDomain:
    questions = defs.questionnaire.questions()
    compiled: dict[str, CompiledRule] = {}
    ruleset: dict[str, Any] = {}
    problems: list[Problem] = []
    for rule in defs.rules_of(domain):
        if rule.deprecated:
            continue
        node = normalise(rule.when)
        dnf = tuple(to_dnf(node))
        lits = literals(node)
        qids = tuple(sorted({lit.q for lit in lits if not isinstance(lit, Fired)}))
        context = _context_json(rule)
        compiled[rule.id] = CompiledRule(rule, node, dnf, qids, context is not None)
        src = defs.sources.get(rule.id, rule.id)
        if len(dnf) > LIMITS["disjuncts_per_rule"]:
            problems.append(
                Problem(
                    src,
                    None,
                    "when",
                    f"condition expands to {len(dnf)} alternatives (limit {LIMITS['disjuncts_per_rule']}); split the rule",
                )
            )
            continue
        for k, conj in enumerate(dnf):
            facts = _conjunction_json(conj, context, questions)
            if len(facts) > LIMITS["facts_per_correlation"]:
                problems.append(
                    Problem(
                        src,
                        None,
                        "when",
                        f"one alternative tests {len(facts)} facts (limit {LIMITS['facts_per_correlation']}); split the rule",
                    )
                )
            ruleset[f"{rule.id}#{k}"] = {"all": facts}
    derived = frozenset(
        lit.rule for c in compiled.values() for lit in literals(c.node) if isinstance(lit, Fired)
    )
    problems.extend(_lint(domain, ruleset))
    if problems:
        raise DefinitionError(problems)
    all_q = tuple(sorted({q for c in compiled.values() for q in c.questions}))
    choices = {
        q: tuple(questions[q].choice_ids())
        for q in all_q
        if questions[q].type is QuestionType.multiple_choice
    }
    state_tested = frozenset(
        lit.q for c in compiled.values() for lit in literals(c.node) if isinstance(lit, State)
    )
    uses_context = any(c.needs_context for c in compiled.values())
    return CompiledDomain(
        domain,
        compiled,
        ruleset,
        all_q,
        derived,
        _order(compiled),
        choices,
        state_tested,
        uses_context,
    )


def _lint(domain: str, ruleset: dict[str, Any]) -> list[Problem]:
    """Count what durable-rules cannot survive, before it is asked to compile it."""
    where = f"rules/{domain}"
    problems = []
    if len(ruleset) > LIMITS["rules_per_ruleset"]:
        problems.append(
            Problem(
                where,
                None,
                "",
                f"{len(ruleset)} compiled rules (limit {LIMITS['rules_per_ruleset']}); split the domain",
            )
        )
    per_question: dict[str, set[str]] = defaultdict(set)
    distinct: set[str] = set()
    for body in ruleset.values():
        for named in body["all"]:
            cond = next(iter(named.values()))
            text = json.dumps(cond, sort_keys=True)
            distinct.add(text)
            tests = cond.get("$and", [])
            qid = next((t["q"] for t in tests if isinstance(t, dict) and "q" in t), None)
            if qid is not None:
                per_question[qid].add(text)
    if len(distinct) > LIMITS["distinct_conditions"]:
        problems.append(
            Problem(
                where,
                None,
                "",
                f"{len(distinct)} distinct conditions (limit {LIMITS['distinct_conditions']})",
            )
        )
    for qid, conds in sorted(per_question.items()):
        if len(conds) > LIMITS["conditions_per_question"]:
            problems.append(
                Problem(
                    where,
                    None,
                    "",
                    f"question '{qid}' is tested {len(conds)} different ways (limit {LIMITS['conditions_per_question']})",
                )
            )
    return problems


def compile_definitions(defs: Definitions) -> dict[str, CompiledDomain]:
    domains = sorted({r.domain for r in defs.rules.values()})
    return {d: compile_domain(defs, d) for d in domains}
