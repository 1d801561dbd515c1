"""Organisations scored per second through durable-rules and through the Python oracle.

Same generated answers for both; prints throughput, the ratio, and the target (≥ 5,000
organisations per second per core with the shipped rules, engine only). Also measured:
levels + scores + finding IDs (what batch scoring computes) and the full result model (what
`assess score --format json` and the reports use).

    python bench/score.py [--orgs 5000] [--seed 7] [--rules-dir DIR --questionnaire FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from assess.answers import Answer, AnswerSet, Organisation, QuestionnaireRef
from assess.common import OrgType
from assess.conditions import NA, UNKNOWN, VALUE
from assess.definitions import load_definitions
from assess.engine.facts import resolve
from assess.engine.python import Case
from assess.questionnaire import Question, QuestionType
from assess.scoring.assessor import Assessor

TARGET = 5000.0


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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orgs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rules-dir", type=Path)
    parser.add_argument("--questionnaire", type=Path)
    args = parser.parse_args()

    defs = load_definitions(args.rules_dir, args.questionnaire)
    rng = random.Random(args.seed)
    questions = list(defs.questionnaire.questions().values())
    types = list(OrgType)
    as_of = dt.date(2026, 6, 30)
    cases, sets = [], []
    for i in range(args.orgs):
        answers = {q.id: random_answer(q, rng) for q in questions}
        org_type = types[i % len(types)]
        cases.append(Case(resolve(answers, org_type, defs.questionnaire), org_type, as_of))
        org = Organisation(
            name=f"Org {i}", finess="750712184", type=org_type, region="11", departement="75"
        )
        sets.append(
            AnswerSet(
                org,
                as_of,
                QuestionnaireRef(id=defs.questionnaire.id, version=defs.questionnaire.version),
                answers,
            )
        )

    durable, python = Assessor(defs, "durable"), Assessor(defs, "python")
    n_rules = len(defs.rules)
    print(
        f"{args.orgs} organisations, {len(questions)} questions, {n_rules} rules ({defs.rules_version})"
    )
    rates = {}
    for label, assessor in (("durable-rules", durable), ("python oracle", python)):
        for c in cases[:200]:  # warm-up
            assessor.evaluator.fired(c)
        start = time.perf_counter()
        fired = [assessor.evaluator.fired(c) for c in cases]
        engine_rate = args.orgs / (time.perf_counter() - start)
        start = time.perf_counter()
        for s in sets:
            assessor.evaluate(s)
        numbers_rate = args.orgs / (time.perf_counter() - start)
        start = time.perf_counter()
        for s in sets[: args.orgs // 5]:
            assessor.assess(s)
        full_rate = (args.orgs // 5) / (time.perf_counter() - start)
        rates[label] = (engine_rate, full_rate, fired)
        print(
            f"  {label:<14} engine {engine_rate:>8,.0f} orgs/s   levels+scores {numbers_rate:>7,.0f} orgs/s"
            f"   full result model {full_rate:>6,.0f} orgs/s"
        )
    same = sum(
        a == b for a, b in zip(rates["durable-rules"][2], rates["python oracle"][2], strict=True)
    )
    ratio = rates["python oracle"][0] / rates["durable-rules"][0]
    target = rates["durable-rules"][0] / TARGET
    print(f"  identical fired sets: {same}/{args.orgs}")
    print(f"  python / durable engine throughput ratio: {ratio:.1f}x")
    print(
        f"  durable-rules vs target {TARGET:,.0f} orgs/s/core: {target:.2f}x ({'met' if target >= 1 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
