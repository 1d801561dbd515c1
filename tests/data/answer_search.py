"""Search over answers: the values worth trying for each question, and gate statuses for them.

The values come from the questionnaire (every choice, yes and no, the empty and full selections)
and from the thresholds that rules and `depends_on` conditions compare against (each one, and one
step either side), so a search reaches every branch of every condition.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator
from typing import Any

from assess.answers import Answer
from assess.common import OrgType
from assess.conditions import VALUE, AtomModel
from assess.definitions import Definitions, walk_atoms
from assess.engine.compile import CompiledRule
from assess.engine.facts import resolve
from assess.engine.python import Case, PythonEvaluator
from assess.questionnaire import Question, QuestionType
from assess.result import GateStatus
from assess.rule import EXAMPLE_DATE, Rule
from assess.scoring.assessor import Assessor
from assess.scoring.levels import gate_status

Answers = dict[str, Answer]


def thresholds(defs: Definitions) -> dict[str, set[Any]]:
    """Every operand a rule or a `depends_on` compares each question with."""
    found: dict[str, set[Any]] = {}
    conditions = [(r.when, ()) for r in defs.rules.values()]
    conditions += [
        (q.depends_on, ()) for q in defs.questionnaire.questions().values() if q.depends_on
    ]
    for cond, loc in conditions:
        for _loc, atom in walk_atoms(cond, loc):
            if isinstance(atom, AtomModel) and atom.op not in ("answered", "unanswered"):
                operand = atom.operand(atom.op)
                values = operand if isinstance(operand, list) else [operand]
                found.setdefault(atom.q, set()).update(values)
    return found


def candidates(q: Question, operands: set[Any]) -> list[Any]:
    """The typed values worth trying for `q`."""
    if q.type is QuestionType.yes_no:
        return ["yes", "no"]
    if q.type is QuestionType.single_choice:
        return q.choice_ids()
    if q.type is QuestionType.multiple_choice:
        ids = q.choice_ids()
        return [frozenset(), *(frozenset({c}) for c in ids), frozenset(ids)]
    if q.type in (QuestionType.percent, QuestionType.integer):
        low, high = q.bounds()
        lo, hi = float(low or 0), float(high if high is not None else 1000)
        points = {lo, hi}
        for v in operands:
            if isinstance(v, int | float) and not isinstance(v, bool):
                points.update({v - 1, v, v + 1})
        return sorted(int(p) if float(p).is_integer() else p for p in points if lo <= p <= hi)
    if q.type is QuestionType.date:
        days = {dt.date(2018, 1, 1), dt.date(2026, 6, 30)}
        for v in operands:
            if isinstance(v, dt.date):
                days.update({v - dt.timedelta(days=1), v, v + dt.timedelta(days=1)})
        return sorted(days)
    return ["texte libre"]


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
        self.operands = thresholds(defs)
        self.questions = defs.questionnaire.questions()
        self._evaluators: dict[str, PythonEvaluator] = {}

    def values(self, qid: str) -> list[Any]:
        return candidates(self.questions[qid], self.operands.get(qid, set()))

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
