"""durable-rules and the plain-Python evaluator must fire exactly the same rules."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from assess.assessor import Assessor
from assess.facts import resolve
from assess.oracle import Case
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

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
