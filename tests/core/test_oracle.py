"""durable-rules, the generated function and the reference evaluator fire exactly the same rules."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.engine.durable import DurableEvaluator
from assess.engine.facts import resolve
from assess.engine.lint import checked_rulesets
from assess.engine.python import Case, PythonEvaluator, rule_applies
from assess.engine.truth import F, T, U, truth
from assess.scoring.assessor import Assessor
from tests.core.strategies import answer_sets, as_of_dates, org_types

EXAMPLES = int(os.environ.get("ASSESS_PROPERTY_EXAMPLES", "300"))
_SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _cases(defs):
    one = st.builds(
        lambda answers, org_type, as_of: Case(
            resolve(answers, org_type, defs.questionnaire), org_type, as_of
        ),
        answer_sets(defs.questionnaire),
        org_types,
        as_of_dates,
    )
    return one


@pytest.mark.parametrize("which", ["mini_defs", "shipped_defs"])
def test_engines_match_the_reference_evaluator(which, request):
    defs = request.getfixturevalue(which)
    durable, python = Assessor(defs, "durable"), Assessor(defs, "python")
    oracle = PythonEvaluator(durable.compiled)

    @_SETTINGS
    @given(_cases(defs))
    def prop(case):
        expected = oracle.fired(case)
        assert durable.evaluator.fired(case) == expected
        assert python.evaluator.fired(case) == expected

    prop()


@pytest.mark.parametrize("which", ["mini_defs", "shipped_defs"])
def test_batches_of_organisations_do_not_interfere(which, request):
    """Many organisations in one session, across batch boundaries, each get their own rules."""
    defs = request.getfixturevalue(which)
    assessor = Assessor(defs, "python")
    layouts = checked_rulesets(assessor.compiled, assessor.questions, defs.sources)
    durable = DurableEvaluator(assessor.compiled, layouts, batch=7)
    oracle = PythonEvaluator(assessor.compiled)

    @settings(max_examples=max(20, EXAMPLES // 10), deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
    @given(st.lists(_cases(defs), min_size=1, max_size=24))
    def prop(cases):
        assert durable.fired_many(cases) == [oracle.fired(c) for c in cases]
        for engines in (e for _name, e in durable.engines):
            for engine in engines:
                assert engine.facts() == []  # the session is empty after every batch

    prop()


def test_generated_function_matches_three_valued_truth(shipped_defs):
    """A rule fires exactly when it applies and its condition is T (never U) in Kleene logic."""
    python = Assessor(shipped_defs, "python")

    @_SETTINGS
    @given(_cases(shipped_defs))
    def prop(case):
        fired = python.evaluator.fired(case)
        for name, domain in python.compiled.items():
            for rid in domain.order:
                c = domain.rules[rid]
                verdict = truth(c.node, case.resolved, lambda r, f=fired[name]: T if r in f else F)
                assert (rid in fired[name]) == (rule_applies(c, case) and verdict == T)

    prop()


def test_session_is_clean_between_organisations(mini_defs):
    """The same organisation scored before and after others gives the same result."""
    from assess.answers import load_answers
    from tests.conftest import MINI

    durable = Assessor(mini_defs, "durable")
    answers = load_answers(MINI / "answers-ch.yaml", mini_defs.questionnaire)
    first = durable.assess(answers)
    for _ in range(50):
        durable.assess(answers)
    assert durable.assess(answers) == first


def _naive_gate_statuses(assessor, case, fired_by_domain):
    """Gate statuses by plain three-valued evaluation of every rule, no shortcut."""
    out = {}
    for name, domain in assessor.compiled.items():
        fired = fired_by_domain[name]
        status: dict[str, str] = {}
        for rid in domain.order:
            c = domain.rules[rid]
            if rid in fired:
                status[rid] = T
            elif rule_applies(c, case):
                status[rid] = truth(
                    c.node, case.resolved, lambda r, s=status, f=fired: T if r in f else s.get(r, F)
                )
        for rid, c in domain.rules.items():
            if c.rule.gate is None or not c.rule.in_force(case.as_of):
                continue
            if not rule_applies(c, case):
                out[rid] = "not_applicable"
            elif c.questions and all(case.resolved[q].state == "n" for q in c.questions):
                out[rid] = "not_applicable"  # nothing to test, even if the condition holds
            elif rid in fired:
                out[rid] = "met"
            else:
                out[rid] = "unknown" if status[rid] == U else "not_met"
    return out


def test_gate_statuses_match_plain_three_valued_evaluation(shipped_defs):
    from assess.scoring.evaluation import evaluate

    assessor = Assessor(shipped_defs, "python")

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answer_sets(shipped_defs.questionnaire), org_types, as_of_dates)
    def prop(answers, org_type, as_of):
        case = Case(resolve(answers, org_type, shipped_defs.questionnaire), org_type, as_of)
        ev = evaluate(assessor.plan, assessor.evaluator.fired(case), case, [])
        got = {rid: s.value for d in ev.domains.values() for rid, s in d.gates}
        assert got == _naive_gate_statuses(assessor, case, ev.fired)

    prop()
