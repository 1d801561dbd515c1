"""Rules fired per CPU-second: durable-rules, the reference evaluator and the generated floor.

Same generated organisations for all three, measured in interleaved rounds (each round runs
every engine, in rotating order, on the same slice), as organisations per CPU-second of this
process: the machine is shared, so only ratios measured in the same run mean anything.
Targets: durable-rules ≥ 0.9× the reference evaluator ("oracle") and ≥ 0.25× the generated
function (the floor: the same rules as one plain-Python function, the `python` engine), with
fired sets identical to the oracle's for every organisation. Also measured: levels + scores
+ finding IDs for many organisations at once (`Assessor.evaluate_many`, what batch scoring
runs).

    python bench/score.py [--orgs 5000] [--rounds 10] [--slice 1000] [--seed 7]
                          [--rules-dir DIR --questionnaire FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assess.answers import Answer, AnswerSet, Organisation, QuestionnaireRef
from assess.common import OrgType
from assess.conditions import NA, UNKNOWN, VALUE
from assess.definitions import load_definitions
from assess.engine.facts import resolve
from assess.engine.python import Case, PythonEvaluator
from assess.questionnaire import Question, QuestionType
from assess.scoring.assessor import Assessor

TARGETS = {"oracle": 0.9, "floor": 0.25}
AS_OF = dt.date(2026, 6, 30)


def random_answer(q: Question, rng: random.Random) -> Answer:
    roll = rng.random()
    if roll < 0.1:
        return Answer(UNKNOWN)
    if roll < 0.15 and q.allow_na:
        return Answer(NA)
    t = q.type
    if t is QuestionType.yes_no:
        return Answer(VALUE, rng.choice(["yes", "no"]))
    if t is QuestionType.single_choice:
        return Answer(VALUE, rng.choice(q.choice_ids()))
    if t is QuestionType.multiple_choice:
        return Answer(VALUE, frozenset(c for c in q.choice_ids() if rng.random() < 0.5))
    if t is QuestionType.percent:
        return Answer(VALUE, rng.randint(0, 100))
    if t is QuestionType.integer:
        low, high = q.bounds()
        return Answer(VALUE, rng.randint(int(low or 0), int(high or 2000)))
    if t is QuestionType.date:
        return Answer(VALUE, dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3000)))
    return Answer(VALUE, "texte libre")


def organisations(defs: Any, n: int, seed: int) -> tuple[list[Case], list[AnswerSet]]:
    rng = random.Random(seed)
    questions = list(defs.questionnaire.questions().values())
    types = list(OrgType)
    ref = QuestionnaireRef(id=defs.questionnaire.id, version=defs.questionnaire.version)
    cases, sets = [], []
    for i in range(n):
        answers = {q.id: random_answer(q, rng) for q in questions}
        org_type = types[i % len(types)]
        cases.append(Case(resolve(answers, org_type, defs.questionnaire), org_type, AS_OF))
        org = Organisation(
            name=f"Org {i}", finess="750712184", type=org_type, region="11", departement="75"
        )
        sets.append(AnswerSet(org, AS_OF, ref, answers))
    return cases, sets


def cpu_rate(run: Callable[[Sequence[Any]], Any], items: Sequence[Any]) -> float:
    start = time.process_time()
    run(items)
    return len(items) / max(time.process_time() - start, 1e-9)


def rounds(
    engines: dict[str, Callable[[Sequence[Any]], Any]], items: Sequence[Any], n: int, size: int
) -> dict[str, list[float]]:
    """Per engine, its rate in each round; every round gives every engine the same slice."""
    names = list(engines)
    rates: dict[str, list[float]] = {name: [] for name in names}
    for r in range(n):
        start = (r * size) % max(1, len(items) - size + 1)
        chunk = items[start : start + size]
        for name in names[r % len(names) :] + names[: r % len(names)]:
            rates[name].append(cpu_rate(engines[name], chunk))
    return rates


def ratio(rates: dict[str, list[float]], a: str, b: str) -> float:
    return statistics.median(x / y for x, y in zip(rates[a], rates[b], strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orgs", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--slice", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules-dir", type=Path)
    parser.add_argument("--questionnaire", type=Path)
    args = parser.parse_args()

    defs = load_definitions(args.rules_dir, args.questionnaire)
    cases, sets = organisations(defs, args.orgs, args.seed)
    durable, python = Assessor(defs, "durable"), Assessor(defs, "python")
    oracle = PythonEvaluator(durable.compiled)
    print(
        f"{args.orgs} organisations, {len(defs.questionnaire.questions())} questions, "
        f"{len(defs.rules)} rules ({defs.rules_version}); {args.rounds} rounds of {args.slice}"
    )
    expected = oracle.fired_many(cases)
    for label, evaluator in (("durable-rules", durable.evaluator), ("floor", python.evaluator)):
        same = sum(a == b for a, b in zip(evaluator.fired_many(cases), expected, strict=True))
        print(f"  identical fired sets, {label} vs oracle: {same}/{args.orgs}")

    engines = {
        "durable": durable.evaluator.fired_many,
        "oracle": oracle.fired_many,
        "floor": python.evaluator.fired_many,
    }
    rates = rounds(engines, cases, args.rounds, min(args.slice, args.orgs))
    print("  engine only, organisations per CPU-second (median of rounds):")
    for name, label in (("durable", "durable-rules"), ("oracle", "oracle"), ("floor", "floor")):
        print(f"    {label:<14}{statistics.median(rates[name]):>9,.0f}")
    for ref, target in TARGETS.items():
        r = ratio(rates, "durable", ref)
        verdict = "met" if r >= target else "NOT met"
        print(f"  durable-rules / {ref}: {r:.2f}x (target >= {target}x: {verdict})")
    print(f"  floor / oracle: {ratio(rates, 'floor', 'oracle'):.2f}x")

    scoring = {
        "durable": durable.evaluate_many,
        "python": python.evaluate_many,
    }
    numbers = rounds(scoring, sets, max(2, args.rounds // 3), min(args.slice, args.orgs))
    print("  levels + scores + finding IDs (evaluate_many), organisations per CPU-second:")
    for name in scoring:
        print(f"    {name:<14}{statistics.median(numbers[name]):>9,.0f}")


if __name__ == "__main__":
    main()
