"""durable-rules and the plain-Python evaluator must fire exactly the same rules."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings

from assess.engine.facts import resolve
from assess.engine.python import Case
from assess.scoring.assessor import Assessor
from tests.core.strategies import answer_sets, as_of_dates, org_types


def _engines(defs):
    return Assessor(defs, "durable"), Assessor(defs, "python")


def _check(defs, durable, python, answers, org_type, as_of):
    case = Case(resolve(answers, org_type, defs.questionnaire), org_type, as_of)
    assert durable.evaluator.fired(case) == python.evaluator.fired(case)


@pytest.mark.parametrize("which", ["mini_defs", "shipped_defs"])
def test_durable_matches_python_oracle(which, request):
    defs = request.getfixturevalue(which)
    durable, python = _engines(defs)

    @settings(
        max_examples=int(os.environ.get("ASSESS_PROPERTY_EXAMPLES", "300")),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(answer_sets(defs.questionnaire), org_types, as_of_dates)
    def prop(answers, org_type, as_of):
        _check(defs, durable, python, answers, org_type, as_of)

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
    from assess.engine.python import rule_applies
    from assess.engine.truth import F, T, U, truth

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
            elif rid in fired:
                out[rid] = "met"
            elif c.questions and all(case.resolved[q].state == "n" for q in c.questions):
                out[rid] = "not_applicable"
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
        ev = evaluate(assessor.plan, assessor.evaluator.fired, case, [])
        got = {rid: s.value for d in ev.domains.values() for rid, s in d.gates}
        assert got == _naive_gate_statuses(assessor, case, ev.fired)

    prop()
