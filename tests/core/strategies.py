"""Hypothesis strategies: random valid answer sets for any questionnaire."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from assess.answers import Answer
from assess.common import OrgType
from assess.conditions import NA, UNKNOWN, VALUE
from assess.questionnaire import Question, Questionnaire, QuestionType


def _value(q: Question) -> st.SearchStrategy[object]:
    t = q.type
    if t is QuestionType.yes_no:
        return st.sampled_from(["yes", "no"])
    if t is QuestionType.single_choice:
        return st.sampled_from(q.choice_ids())
    if t is QuestionType.multiple_choice:
        return st.frozensets(st.sampled_from(q.choice_ids()))
    if t in (QuestionType.percent, QuestionType.integer):
        low, high = q.bounds()
        lo = int(low or 0)
        hi = int(high) if high is not None else lo + 5000
        hi = min(hi, lo + 100_000)
        ints = st.integers(lo, hi)
        # Values on and around typical thresholds are where comparisons go wrong; tiny and
        # long floats are where number text goes wrong (`1e-05` is misread by durable-rules).
        if t is QuestionType.percent:
            return st.one_of(
                ints,
                st.floats(lo, hi, allow_nan=False).map(lambda x: round(x, 1)),
                st.floats(lo, hi, allow_nan=False, allow_infinity=False),
                st.floats(0, 1e-4, allow_subnormal=True).filter(lambda x: lo <= x <= hi),
                st.sampled_from(
                    [1e-05, 5e-324, 1e-300, 2.5e-07, 0.1 + 0.2, 99.99999999999999]
                ).filter(lambda x: lo <= x <= hi),
            )
        return ints
    if t is QuestionType.date:
        return st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    return st.text(max_size=30)


def _answer(q: Question) -> st.SearchStrategy[Answer]:
    options = [_value(q).map(lambda v: Answer(VALUE, v)), st.just(Answer(UNKNOWN))]
    if q.allow_na:
        options.append(st.just(Answer(NA)))
    return st.one_of(*options)


def answer_sets(questionnaire: Questionnaire) -> st.SearchStrategy[dict[str, Answer]]:
    questions = list(questionnaire.questions().values())
    return st.fixed_dictionaries({q.id: _answer(q) for q in questions})


org_types = st.sampled_from(list(OrgType))
as_of_dates = st.dates(dt.date(2020, 1, 1), dt.date(2028, 12, 31))
