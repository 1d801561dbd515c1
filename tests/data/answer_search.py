"""Search over answers: the values worth trying for each question, and gate statuses for them.

The values are the roadmap's candidates (every choice, each threshold a rule or a `depends_on`
compares against and the value just past it) plus the empty and full selections and the bounds,
so a search reaches every branch of every condition.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from typing import Any

from assess.answers import Answer
from assess.common import OrgType
from assess.conditions import UNKNOWN, VALUE, AtomModel, Cmp, literals, normalise
from assess.definitions import Definitions, walk_atoms
from assess.engine.compile import CompiledDomain, CompiledRule
from assess.engine.facts import resolve
from assess.engine.python import Case, PythonEvaluator
from assess.progress.changes import candidate_values, thresholds
from assess.questionnaire import Question, QuestionType
from assess.result import GateStatus
from assess.rule import EXAMPLE_DATE, Rule
from assess.scoring.assessor import Assessor
from assess.scoring.levels import gate_status

Answers = dict[str, Answer]


def comparisons(defs: Definitions, compiled: dict[str, CompiledDomain]) -> dict[str, list[Cmp]]:
    """Every comparison a rule or a `depends_on` makes, by question."""
    found = thresholds(c for d in compiled.values() for c in d.rules.values())
    for q in defs.questionnaire.questions().values():
        if q.depends_on is not None:
            for lit in literals(normalise(q.depends_on)):
                if isinstance(lit, Cmp):
                    found.setdefault(lit.q, []).append(lit)
    return found


def candidates(q: Question, cmps: list[Cmp]) -> list[Any]:
    """The roadmap's values worth trying, plus the empty and full selections and the bounds."""
    values = candidate_values(q, Answer(UNKNOWN), cmps)
    if q.type is QuestionType.multiple_choice:
        values += [frozenset(), frozenset(q.choice_ids())]
    elif q.type in (QuestionType.percent, QuestionType.integer):
        values += [b for b in q.bounds() if b is not None]
    elif q.type is QuestionType.date:
        values.append(EXAMPLE_DATE)
    unique: list[Any] = []
    for v in values:
        if v not in unique:
            unique.append(v)
    return unique


def with_dependencies(qids: set[str], defs: Definitions) -> list[str]:
    """`qids` and every question their `depends_on` (transitively) tests, in questionnaire order."""
    questions = defs.questionnaire.questions()
    wanted, todo = set(), list(qids)
    while todo:
        qid = todo.pop()
        if qid in wanted or qid not in questions:
            continue
        wanted.add(qid)
        dep = questions[qid].depends_on
        if dep is not None:
            todo += [a.q for _, a in walk_atoms(dep, ()) if isinstance(a, AtomModel)]
    return [qid for qid in questions if qid in wanted]


def combinations(
    qids: list[str], values: dict[str, list[Any]], limit: int, seed: int
) -> Iterator[Answers]:
    """Every combination of the questions' values, or `limit` random ones when there are more."""
    pools = [values[q] for q in qids]
    total = 1
    for pool in pools:
        total *= len(pool)
    if total <= limit:
        for combo in itertools.product(*pools):
            yield {q: Answer(VALUE, v) for q, v in zip(qids, combo, strict=True)}
        return
    rng = random.Random(seed)
    for _ in range(limit):
        yield {q: Answer(VALUE, rng.choice(pool)) for q, pool in zip(qids, pools, strict=True)}


def judging_date(rule: Rule) -> dt.date:
    """A date at which the rule is in force."""
    if rule.effective_until is not None:
        return rule.effective_until - dt.timedelta(days=1)
    return max(EXAMPLE_DATE, rule.effective_from or EXAMPLE_DATE)


def org_types(rule: Rule) -> list[OrgType]:
    return list(rule.applies_to) or list(OrgType)


class Searcher:
    """Evaluates one domain at a time for many answer sets."""

    def __init__(self, defs: Definitions) -> None:
        self.defs = defs
        self.assessor = Assessor(defs, "python")
        self.cmps = comparisons(defs, self.assessor.compiled)
        self.questions = defs.questionnaire.questions()
        self._evaluators: dict[str, PythonEvaluator] = {}

    def values(self, qid: str) -> list[Any]:
        return candidates(self.questions[qid], self.cmps.get(qid, []))

    def case(self, answers: Answers, org_type: OrgType, as_of: dt.date) -> Case:
        return Case(resolve(answers, org_type, self.defs.questionnaire), org_type, as_of)

    def fired(self, domain: str, case: Case) -> set[str]:
        evaluator = self._evaluators.get(domain)
        if evaluator is None:
            evaluator = PythonEvaluator({domain: self.assessor.compiled[domain]})
            self._evaluators[domain] = evaluator
        return evaluator.fired(case)[domain]

    def compiled(self, rule: Rule) -> CompiledRule:
        return self.assessor.compiled[rule.domain].rules[rule.id]

    def gate(self, rule: Rule, answers: Answers, org_type: OrgType) -> GateStatus:
        case = self.case(answers, org_type, judging_date(rule))
        return gate_status(self.compiled(rule), case, self.fired(rule.domain, case), {})
