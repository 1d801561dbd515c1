"""The bounded what-if search behind the roadmap: which answer changes reach a level.

Every claim is decided by evaluating modified answers through the Assessor, never by reading
rule names. The search works in three bounded steps for one domain and one target level:

1. the gates that block the target (from the evaluation: not met or unknown, level ≤ target);
2. for each, the smallest sets of changes to its questions that make it met, tried by size;
3. one option per gate combined, cheapest first; each union is evaluated, kept only if the
   domain reaches the target, then pruned to the changes it really needs.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..answers import AnswerSet
from ..conditions import NA, Cmp, literals, normalise
from ..engine.compile import CompiledDomain
from ..questionnaire import Question, SectionKind
from ..result import GateStatus
from ..scoring.assessor import Assessor
from ..scoring.evaluation import Evaluation
from .changes import Change, apply_changes, candidate_values, rule_questions, thresholds

__all__ = ["Found", "SearchLimits", "WhatIf"]

OPEN = (GateStatus.not_met, GateStatus.unknown)
Changes = frozenset[Change]


@dataclass(frozen=True)
class SearchLimits:
    """Bounds that keep the search fast; a domain that needs more says so."""

    max_changes: int = 8  # answers changed in one set
    gate_changes: int = 2  # answers changed to meet one gate
    options_per_gate: int = 3
    sets: int = 3  # sets proposed per domain
    evaluations: int = 400  # per domain
    combinations: int = 5000  # unions of options examined per domain


@dataclass(frozen=True)
class Found:
    changes: Changes
    evaluation: Evaluation


@dataclass
class WhatIf:
    """Evaluations of modified copies of one answer set, each computed once."""

    assessor: Assessor
    answers: AnswerSet
    as_of: dt.date | None = None
    evaluations: int = 0
    _cache: dict[Changes, Evaluation] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.questions: dict[str, Question] = self.assessor.questions
        self.profile = {
            q.id
            for s in self.assessor.defs.questionnaire.sections
            if s.kind is SectionKind.profile
            for q in s.questions
        }
        self.base = self.evaluate(frozenset())

    def evaluate(self, changes: Changes) -> Evaluation:
        found = self._cache.get(changes)
        if found is None:
            self.evaluations += 1
            found = self.assessor.evaluate(apply_changes(self.answers, changes), self.as_of)
            self._cache[changes] = found
        return found

    def gate_level(self, rule_id: str) -> int:
        gate = self.assessor.defs.rules[rule_id].gate
        return gate.level if gate else 0

    def blocking(self, domain: str, target: int) -> list[str]:
        """Open gates up to the target, and those hidden behind an activity not yet declared.

        A gate whose questions only follow an activity (`depends_on`) is not applicable until the
        activity is declared; declaring it to reach a level opens that gate too.
        """
        numbers = self.base.domains[domain]
        return [
            rid
            for rid, st in numbers.gates
            if self.gate_level(rid) <= target
            and (st in OPEN or (st is GateStatus.not_applicable and self._hidden(domain, rid)))
        ]

    def _hidden(self, domain: str, rule_id: str) -> bool:
        """The gate applies to this type of organisation but its questions are hidden by answers."""
        rule = self.assessor.defs.rules[rule_id]
        org_type = self.answers.organisation.type
        if rule.applies_to and org_type not in rule.applies_to:
            return False
        resolved = self.base.case.resolved
        qids = rule_questions(self.assessor.compiled[domain], rule_id)
        return any(
            resolved[q].state == NA
            and self.questions[q].depends_on is not None
            and not self._excluded_by_type(q)
            for q in qids
        )

    def reaches(self, domain: str, target: int, changes: Changes) -> bool:
        """The domain reaches the target without narrowing what applies."""
        ev = self.evaluate(changes)
        return ev.domains[domain].level >= target and self.keeps_scope(domain, ev)

    # --- step 2: options for one gate -----------------------------------------------------------

    def _rule_questions(self, compiled: CompiledDomain, rule_id: str) -> list[str]:
        """The questions of a rule and of the rules it builds on, then the parents of hidden ones."""
        seen = rule_questions(compiled, rule_id)
        resolved = self.base.case.resolved
        for qid in list(seen):
            parent = self.questions[qid].depends_on
            if resolved[qid].state == NA and parent is not None:
                for lit in literals(normalise(parent)):
                    if isinstance(lit, Cmp) and lit.q not in seen:
                        seen.append(lit.q)
        kept = [q for q in seen if q not in self.profile]
        return [q for q in kept if not self._excluded_by_type(q)]

    def _excluded_by_type(self, qid: str) -> bool:
        q = self.questions[qid]
        return bool(q.applies_to) and self.answers.organisation.type not in q.applies_to

    def _tries(self, qids: list[str], cmps: dict[str, list[Cmp]], size: int) -> Iterator[Changes]:
        current = self.answers
        values = {
            q: candidate_values(self.questions[q], current.get(q), cmps.get(q, [])) for q in qids
        }
        for subset in itertools.combinations(qids, size):
            for picked in itertools.product(*(values[q] for q in subset)):
                yield frozenset(Change(q, v) for q, v in zip(subset, picked, strict=True))

    def gate_options(
        self, domain: str, rule_id: str, limits: SearchLimits, budget: int
    ) -> list[Changes]:
        """The smallest sets of changes that make one gate met, at most `options_per_gate`."""
        compiled = self.assessor.compiled[domain]
        qids = self._rule_questions(compiled, rule_id)
        cmps = thresholds(
            c for c in compiled.rules.values() if c.rule.gate or c.rule.id in compiled.derived
        )
        found: dict[frozenset[str], Changes] = {}  # one option per set of questions
        for size in range(1, min(limits.gate_changes, len(qids)) + 1):
            for changes in self._tries(qids, cmps, size):
                asked = frozenset(c.question_id for c in changes)
                if self.evaluations >= budget or len(found) >= limits.options_per_gate:
                    break
                if asked in found:
                    continue
                ev = self.evaluate(changes)
                if dict(ev.domains[domain].gates).get(
                    rule_id
                ) is GateStatus.met and self.keeps_scope(domain, ev):
                    found[asked] = changes
            if found:
                break
        return sorted(found.values(), key=lambda u: (self.effort(u), sorted(u)))

    def keeps_scope(self, domain: str, ev: Evaluation) -> bool:
        """Narrowing what applies (a question or gate turned not applicable) is not progress."""
        before, after = self.base.domains[domain], ev.domains[domain]
        na_before = sum(1 for _r, st in before.gates if st is GateStatus.not_applicable)
        na_after = sum(1 for _r, st in after.gates if st is GateStatus.not_applicable)
        return after.questions_applicable >= before.questions_applicable and na_after <= na_before

    def effort(self, changes: Changes) -> int:
        return sum(self.questions[c.question_id].effort or 1 for c in changes)

    # --- step 3: combining options -------------------------------------------------------------

    def combine(self, options: list[list[Changes]], limits: SearchLimits) -> list[Changes]:
        """Unions of one option per gate without contradictions, cheapest first."""
        unions: set[Changes] = set()
        for picked in itertools.islice(itertools.product(*options), limits.combinations):
            union = frozenset().union(*picked)
            if (
                len({c.question_id for c in union}) == len(union)
                and len(union) <= limits.max_changes
            ):
                unions.add(union)
        return sorted(unions, key=lambda u: (self.effort(u), len(u), sorted(u)))

    def prune(self, domain: str, target: int, changes: Changes, budget: int) -> Changes:
        """Drop every change the set can do without and still reach the target."""
        kept = changes
        costly_first = sorted(
            changes, key=lambda c: (-(self.questions[c.question_id].effort or 1), c)
        )
        for change in costly_first:
            smaller = kept - {change}
            if smaller and self.evaluations < budget and self.reaches(domain, target, smaller):
                kept = smaller
        return kept
