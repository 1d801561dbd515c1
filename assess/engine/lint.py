"""Refuse, before durable-rules is asked to build it, a ruleset it cannot evaluate safely.

Each check is one trap of durable-rules 2.0.28 (engineering notes, with the C source lines):

* stack bound ≥ 64 alpha nodes true at once → error 303 at assert, data dependent;
* more than 500 children under one node → `create_ruleset` hangs (512-slot table);
* 256 rules ending on one node → error (beta list);
* more than 250 properties in one fact → error 302; more than 60 tests in one rule;
* two property names with the same 32-bit FNV-1a hash (or the hash of `id`/`sid`) → the
  engine confuses them silently (no collision check in `getObjectProperty`);
* a number the engine's JSON parser misreads (`1e-05`: exponent without a decimal point);
* any construct other than constant tests (`$or`, `$nex`, references) → unshared nodes,
  double firings or reads of uninitialised memory.
"""

from __future__ import annotations

import re

from ..errors import DefinitionError, Problem
from ..questionnaire import Question
from .chains import stack_bound
from .compile import LIMITS, CompiledDomain
from .layout import Field, Layout, build_layout
from .ruleset import Ruleset, build_rulesets

__all__ = ["checked_rulesets", "fnv1a", "lint_rulesets"]

_OPS = {"eq", "neq", "lt", "lte", "gt", "gte", "ex"}
_BAD_NUMBER = re.compile(r"(?<![\w.\"])-?\d+[eE]")  # an exponent with no decimal point before it


def fnv1a(text: str) -> int:
    """The engine's 32-bit hash of property names and fact IDs (state.c `fnv1Hash32`)."""
    h = 0x811C9DC5
    for byte in text.encode():
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    return h


def _property_problems(fields: tuple[Field, ...], uses_date: bool) -> list[str]:
    names = ["o", "id", "sid", *(["d"] if uses_date else []), *(p for f in fields for p in f.props)]
    out = []
    if len(names) - 2 > LIMITS["properties_per_fact"]:
        out.append(
            f"the domain's fact would carry {len(names) - 2} properties (limit {LIMITS['properties_per_fact']}); split the domain"
        )
    seen: dict[int, str] = {}
    for name in names:
        other = seen.setdefault(fnv1a(name), name)
        if other != name:
            out.append(f"property names '{other}' and '{name}' have the same engine hash")
    return out


def _ruleset_problems(rs: Ruleset) -> list[str]:
    out = []
    if len(rs.chains) > LIMITS["rules_per_ruleset"]:
        out.append(
            f"{len(rs.chains)} engine rules (limit {LIMITS['rules_per_ruleset']}); split the domain"
        )
    longest = max((len(c) for c in rs.chains), default=0)
    if longest > LIMITS["tests_per_chain"]:
        out.append(f"an engine rule has {longest} tests (limit {LIMITS['tests_per_chain']})")
    if any(t.op not in _OPS for c in rs.chains for t in c):
        out.append("an engine rule uses an operator other than a constant comparison")
    trie = rs.trie
    nodes = list(trie.nodes())
    widest = max(len(n.children) for n in nodes)
    if widest > LIMITS["children_per_node"]:
        out.append(
            f"{widest} different tests under one engine node (limit {LIMITS['children_per_node']})"
        )
    ends = max(n.ends for n in nodes)
    if ends > LIMITS["rules_per_node"]:
        out.append(f"{ends} engine rules share all their tests (limit {LIMITS['rules_per_node']})")
    bound = stack_bound(trie)
    if bound >= LIMITS["stack"]:
        out.append(
            f"up to {bound} engine conditions can be true at once for one organisation (limit {LIMITS['stack'] - 1}); split the domain"
        )
    if _BAD_NUMBER.search(rs.text):
        out.append("a number is written in a form the engine misreads")
    return out


def lint_rulesets(
    domain: str, rulesets: tuple[Ruleset, ...], fields: tuple[Field, ...], uses_date: bool
) -> list[Problem]:
    where = f"rules/{domain}"
    messages = _property_problems(fields, uses_date)
    for rs in rulesets:
        messages.extend(_ruleset_problems(rs))
    return [Problem(where, None, "", m) for m in dict.fromkeys(messages)]


def checked_rulesets(
    compiled: dict[str, CompiledDomain], questions: dict[str, Question], sources: dict[str, str]
) -> dict[str, tuple[Layout, tuple[Ruleset, ...]]]:
    """Every domain's layout and rulesets, or every problem found, as one DefinitionError."""
    out = {}
    problems: list[Problem] = []
    for name, domain in compiled.items():
        try:
            layout = build_layout(domain, questions, sources)
        except DefinitionError as exc:
            problems.extend(exc.problems)
            continue
        rulesets = build_rulesets(layout)
        problems.extend(lint_rulesets(name, rulesets, layout.fields, layout.uses_date))
        out[name] = (layout, rulesets)
    if problems:
        raise DefinitionError(problems)
    return out
