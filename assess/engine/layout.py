"""One domain's rules → durable-rules rules over one fact per organisation and domain.

The fact carries `o` (organisation type code), `d` (yyyymmdd, when a rule has dates) and, per
question the rules test, its value (`choice` code or number; one 0/1 property per tested choice
of a multiple-choice question), present only when the question has a value, and its state code
when a rule tests `answered`/`unanswered`. Every rule alternative becomes single-fact engine
rules with constant tests only (see the engineering notes on the fast path):

* `fired X` is inlined (X's applicability and condition replace the atom): no derived facts,
  no joins; exact because `fired` cannot be negated and rules are acyclic;
* `in`, multiple-choice `eq`/`in` and DNF alternatives become separate engine rules instead
  of `$or`, which creates an unshared node that every fact pushes (and fires twice);
* question tests come first, ordered by how many rules use the property, then the dates,
  then the organisation type as nothing, `o == X` or `o != Y` for each excluded type;
* a question without a value has no value property, so every comparison on it is false, as
  for the oracle; the engine never evaluates a test on a missing property.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass

from ..common import OrgType
from ..conditions import NA, UNKNOWN, VALUE, Cmp, Fired, Literal_, State, date_number
from ..errors import DefinitionError, Problem
from ..questionnaire import Question, QuestionType
from .chains import Chain, EngineTest
from .compile import LIMITS, CompiledDomain

__all__ = ["ORG_CODES", "STATE_CODES", "Alternative", "Field", "Layout", "build_layout"]

ORG_CODES = {t: i for i, t in enumerate(OrgType)}
STATE_CODES = {VALUE: 0, UNKNOWN: 1, NA: 2}
_NOT_A_CODE = -1  # a value no choice has: `!= -1` means "has a value"
_RESERVED = {"o", "d", "id", "sid"}


@dataclass(frozen=True)
class Alternative:
    """One conjunction of tests of a rule, with the applicability it inherited."""

    tests: tuple[EngineTest, ...]  # on symbolic properties ("v:<q>", "c:<q>:<choice>", "s:<q>")
    types: frozenset[OrgType]
    start: int | None  # in force from (yyyymmdd)
    until: int | None  # in force until, excluded


@dataclass(frozen=True)
class Field:
    """What the fact writer writes for one question: `kind` is value, choices or state."""

    question: str
    kind: str  # "choice", "number", "date", "multiple", "state"
    props: tuple[str, ...]  # one property; for "multiple" one per tested choice
    choices: tuple[str, ...] = ()  # "choice": every choice ID (code = index); "multiple": tested
    # Per property, the only values some test can pass (None: any value may matter). A value
    # outside them is left out of the fact: no test sees the difference, the fact is shorter.
    useful: tuple[frozenset[int] | None, ...] = ()


@dataclass(frozen=True)
class Layout:
    domain: str
    chains: tuple[tuple[str, Chain], ...]  # (rule ID, tests), before fan-out groups
    fields: tuple[Field, ...]
    uses_date: bool


def _choice_code(question: Question, value: object) -> int:
    ids = question.choice_ids()
    return ids.index(value) if value in ids else _NOT_A_CODE


def _state_alts(lit: State) -> list[list[EngineTest]]:
    prop = f"s:{lit.q}"
    if len(lit.states) == len(STATE_CODES):
        return [[]]
    if len(lit.states) == 1:
        return [[EngineTest(prop, "eq", STATE_CODES[next(iter(lit.states))])]]
    (other,) = set(STATE_CODES) - lit.states
    return [[EngineTest(prop, "neq", STATE_CODES[other])]]


def _cmp_alts(lit: Cmp, question: Question) -> list[list[EngineTest]]:
    """The alternatives (each a list of tests) that one comparison becomes."""
    many = lit.value if isinstance(lit.value, tuple) else (lit.value,)
    wanted = list(dict.fromkeys(many))  # a choice named 65 times is one test, not 65
    if question.type is QuestionType.multiple_choice:
        if lit.op in ("eq", "in"):
            return [[EngineTest(f"c:{lit.q}:{c}", "eq", 1)] for c in wanted]
        return [[EngineTest(f"c:{lit.q}:{c}", "eq", 0) for c in wanted]]
    prop = f"v:{lit.q}"
    if question.type in (QuestionType.yes_no, QuestionType.single_choice):
        codes = [_choice_code(question, v) for v in wanted]
    else:
        codes = list(wanted)  # numbers; date operands are already yyyymmdd
    if lit.op in ("eq", "in"):
        return [[EngineTest(prop, "eq", c)] for c in codes if c != _NOT_A_CODE]
    if lit.op in ("ne", "not_in"):
        return [[EngineTest(prop, "neq", c) for c in codes]]
    return [[EngineTest(prop, lit.op, codes[0])]]


def _possible(tests: tuple[EngineTest, ...]) -> bool:
    """False for tests no value can pass together (two different `eq`, `eq` and `neq`)."""
    eq: dict[str, set[float]] = {}
    for t in tests:
        if t.op == "eq":
            eq.setdefault(t.prop, set()).add(float(t.value))
    if any(len(v) > 1 for v in eq.values()):
        return False
    return not any(t.op == "neq" and float(t.value) in eq.get(t.prop, ()) for t in tests)


def _merge(a: Alternative, b: Alternative) -> Alternative:
    starts = [s for s in (a.start, b.start) if s is not None]
    untils = [u for u in (a.until, b.until) if u is not None]
    tests = tuple(dict.fromkeys(a.tests + b.tests))
    return Alternative(
        tests, a.types & b.types, max(starts, default=None), min(untils, default=None)
    )


def _usable(alt: Alternative) -> bool:
    if not alt.types or not _possible(alt.tests):
        return False
    return alt.start is None or alt.until is None or alt.start < alt.until


def _day(value: dt.date | None) -> int | None:
    return date_number(value) if value is not None else None


class _Expander:
    """Every rule's alternatives, with `fired` atoms inlined (memoised; rules are acyclic)."""

    def __init__(self, domain: CompiledDomain, questions: dict[str, Question], src: dict[str, str]):
        self.domain = domain
        self.questions = questions
        self.src = src
        self.done: dict[str, list[Alternative]] = {}
        self.problems: list[Problem] = []

    def alternatives(self, rid: str) -> list[Alternative]:
        found = self.done.get(rid)
        if found is None:
            found = self.done[rid] = self._expand(rid)
        return found

    def _literal(self, lit: Literal_) -> list[Alternative]:
        if isinstance(lit, Fired):
            return self.alternatives(lit.rule) if lit.rule in self.domain.rules else []
        everyone = frozenset(OrgType)
        if isinstance(lit, State):
            alts = _state_alts(lit)
        else:
            alts = _cmp_alts(lit, self.questions[lit.q])
        return [Alternative(tuple(tests), everyone, None, None) for tests in alts]

    def _expand(self, rid: str) -> list[Alternative]:
        rule = self.domain.rules[rid].rule
        base = Alternative(
            (), frozenset(rule.applies_to or OrgType), _day(rule.effective_from),
            _day(rule.effective_until),
        )  # fmt: skip
        limit = LIMITS["chains_per_rule"]
        out: dict[Alternative, None] = {}
        for conj in self.domain.rules[rid].dnf:
            partial = [base]
            for lit in conj:
                options = self._literal(lit)
                partial = [m for p in partial for o in options if _usable(m := _merge(p, o))]
                if len(partial) > limit:
                    break  # already too many: reported below without expanding further
            out.update(dict.fromkeys(partial))
            if len(out) > limit:
                self.problems.append(
                    Problem(
                        self.src.get(rid, rid),
                        None,
                        "when",
                        f"condition becomes more than {limit} engine rules (alternatives, choices and organisation types); split the rule",
                    )  # fmt: skip
                )
                return []
        return list(out)


def _org_tests(types: frozenset[OrgType]) -> list[list[EngineTest]]:
    """Organisation-type tests: none, `o == X`, `o != Y` for each excluded type, or one
    alternative per type, whichever gives fewer tests."""
    if len(types) == len(ORG_CODES):
        return [[]]
    excluded = [t for t in OrgType if t not in types]
    if len(types) == 1 or len(types) < len(excluded):
        return [[EngineTest("o", "eq", ORG_CODES[t])] for t in OrgType if t in types]
    return [[EngineTest("o", "neq", ORG_CODES[t]) for t in excluded]]


def _date_tests(alt: Alternative) -> list[EngineTest]:
    tests = []
    if alt.start is not None:
        tests.append(EngineTest("d", "gte", alt.start))
    if alt.until is not None:
        tests.append(EngineTest("d", "lt", alt.until))
    return tests


def _short_names() -> itertools.chain[str]:
    letters = "abcefghijklmnpqrstuvwxyz"  # without o and d, reserved
    pairs = (a + b for a in letters for b in letters + "0123456789")
    return itertools.chain(iter(letters), (p for p in pairs if p not in _RESERVED))


def _useful(tests: list[EngineTest]) -> frozenset[int] | None:
    """The values some of these tests pass, when they are all `eq` tests."""
    if all(t.op == "eq" for t in tests):
        return frozenset(int(t.value) for t in tests)
    return None


def _fields(
    symbols: list[str], names: dict[str, str], questions: dict[str, Question],
    tests: dict[str, list[EngineTest]],
) -> tuple[Field, ...]:  # fmt: skip
    by_question: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for sym in symbols:
        kind, qid, *rest = sym.split(":")
        by_question.setdefault((qid, kind), []).append((rest[0] if rest else "", names[sym]))
    out = []
    for (qid, kind), items in sorted(by_question.items()):
        q, props = questions[qid], tuple(n for _c, n in items)
        if kind == "s":
            out.append(Field(qid, "state", props, (), (_useful(tests[props[0]]),)))
        elif kind == "c":
            useful = tuple(_useful(tests[p]) for p in props)
            out.append(Field(qid, "multiple", props, tuple(c for c, _n in items), useful))
        elif q.type is QuestionType.date:
            out.append(Field(qid, "date", props))
        elif q.type in (QuestionType.yes_no, QuestionType.single_choice):
            useful = (_useful(tests[props[0]]),)
            out.append(Field(qid, "choice", props, tuple(q.choice_ids()), useful))
        else:
            out.append(Field(qid, "number", props))
    return tuple(out)


def _chains(
    alts: dict[str, list[Alternative]], names: dict[str, str], rank: dict[str, int]
) -> tuple[tuple[str, Chain], ...]:
    chains: dict[tuple[str, Chain], None] = {}
    for rid, rule_alts in alts.items():
        for alt in rule_alts:
            tests = sorted(
                (EngineTest(names[t.prop], t.op, t.value) for t in alt.tests),
                key=lambda t: (rank[t.prop], t.op, t.value),
            )
            for org in _org_tests(alt.types):
                chains[(rid, (*tests, *_date_tests(alt), *org))] = None
    return tuple(chains)


def build_layout(
    domain: CompiledDomain, questions: dict[str, Question], sources: dict[str, str]
) -> Layout:
    expander = _Expander(domain, questions, sources)
    alts = {rid: expander.alternatives(rid) for rid in domain.order}
    if expander.problems:
        raise DefinitionError(expander.problems)
    uses = Counter(t.prop for rule_alts in alts.values() for a in rule_alts for t in a.tests)
    symbols = sorted(uses, key=lambda s: (-uses[s], s))  # most used first: shortest names
    names = dict(zip(symbols, _short_names(), strict=False))
    chains = _chains(alts, names, {names[s]: i for i, s in enumerate(symbols)})
    by_prop: dict[str, list[EngineTest]] = {}
    for _rid, chain in chains:
        for t in chain:
            by_prop.setdefault(t.prop, []).append(t)
    fields = _fields(symbols, names, questions, by_prop)
    return Layout(domain.domain, chains, fields, "d" in by_prop)
