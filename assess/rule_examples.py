"""Run every rule's examples (answers → fires / does not fire) through an evaluator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .answers import Answer, parse_value
from .engine.facts import resolve
from .engine.python import Case
from .rule import Expectation, Rule, RuleExample
from .scoring.assessor import Assessor

__all__ = ["ExampleFailure", "check_examples"]


@dataclass(frozen=True)
class ExampleFailure:
    rule_id: str
    index: int
    name: str
    expected: str
    engine: str

    def __str__(self) -> str:
        got = "did not fire" if self.expected == Expectation.fires.value else "fired"
        return f"{self.rule_id}: example {self.index + 1} ({self.name}) expected to {self.expected.replace('_', ' ')} but {got} [{self.engine}]"


def check_examples(assessors: Iterable[Assessor]) -> tuple[int, list[ExampleFailure]]:
    """(examples run, failures) over every rule and every given assessor (engine).

    All examples of an engine are fired in one call, as a batch of organisations is."""
    failures: list[ExampleFailure] = []
    run = 0
    for assessor in assessors:
        questions = assessor.questions
        items: list[tuple[Rule, int, RuleExample]] = []
        cases: list[Case] = []
        for rule in assessor.defs.rules.values():
            if rule.deprecated:
                continue
            for i, example in enumerate(rule.examples):
                answers: dict[str, Answer] = {
                    qid: parse_value(questions[qid], raw) for qid, raw in example.answers.items()
                }
                resolved = resolve(answers, example.org_type, assessor.defs.questionnaire)
                cases.append(Case(resolved, example.org_type, example.as_of))
                items.append((rule, i, example))
        for (rule, i, example), fired in zip(
            items, assessor.evaluator.fired_many(cases), strict=True
        ):
            run += 1
            if (rule.id in fired.get(rule.domain, set())) != (example.expect is Expectation.fires):
                name = (
                    example.name
                    or ", ".join(f"{k}={v}" for k, v in example.answers.items())
                    or "no answers"
                )
                failures.append(
                    ExampleFailure(rule.id, i, name, example.expect.value, assessor.evaluator.name)
                )
    return run, failures
