"""Levels, scores, unknown vs no, not applicable, effective dates, applicability and the index."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assess.answers import Answer, AnswerSet, Organisation, QuestionnaireRef
from assess.common import OrgType
from assess.conditions import NA, UNKNOWN, VALUE
from assess.result import GateStatus
from assess.scoring.assessor import Assessor
from assess.scoring.index import domain_weights, weighted_index
from assess.scoring.levels import levels, score, summary


def _set(
    answers: dict[str, Answer], org_type: OrgType = OrgType.ch, date: dt.date = dt.date(2026, 3, 1)
) -> AnswerSet:
    org = Organisation(
        name="Test", finess="750712184", type=org_type, region="11", departement="75"
    )
    return AnswerSet(org, date, QuestionnaireRef(id="mini", version="1"), answers)


def v(value: object) -> Answer:
    return Answer(VALUE, value)


@pytest.fixture(scope="module", params=["durable", "python"])
def assessor(request, mini_defs):
    return Assessor(mini_defs, request.param)


def gates(result, domain):
    return {g.rule_id: g.status for g in result.domain(domain).gates}


def test_unknown_is_not_no(assessor):
    result = assessor.assess(_set({}))
    dmp = result.domain("dmp")
    assert gates(result, "dmp") == {
        "DMP-G1": GateStatus.unknown, "DMP-G2": GateStatus.unknown, "DMP-G3": GateStatus.unknown,
    }  # fmt: skip
    assert (dmp.level, dmp.potential_level, dmp.score, dmp.score_max, dmp.confidence) == (
        0,
        3,
        0.0,
        100.0,
        0.0,
    )
    assert [f.rule_id for f in dmp.findings] == []  # no finding is drawn from missing answers


def test_no_blocks_and_finds(assessor):
    result = assessor.assess(_set({"dmp.feeds": v("no")}))
    dmp = result.domain("dmp")
    # letter_share depends on feeds = yes: it is not applicable, and so is the gate built on it.
    assert gates(result, "dmp") == {
        "DMP-G1": GateStatus.not_met, "DMP-G2": GateStatus.not_applicable, "DMP-G3": GateStatus.unknown,
    }  # fmt: skip
    assert (dmp.level, dmp.potential_level) == (0, 0)
    assert [f.rule_id for f in dmp.findings] == ["DMP-001"]
    assert dmp.findings[0].answers[0].model_dump() == {
        "question_id": "dmp.documents", "state": "unknown", "value": None, "comment": None, "evidence": None,
        "evidence_date": None, "evidence_expires": None, "evidence_status": None,
    }  # fmt: skip


def test_levels_are_cumulative_and_scores_weighted(assessor):
    answers = {
        "dmp.feeds": v("yes"),
        "dmp.letter_share": v(50),
        "dmp.documents": v(frozenset({"cro", "bio", "ldl"})),
        "dmp.since": v(dt.date(2024, 5, 1)),
    }
    dmp = assessor.assess(_set(answers)).domain("dmp")
    assert (dmp.level, dmp.score) == (3, 100.0)
    assert [lv.reached for lv in dmp.levels] == [True, True, True, False, False]
    # Level 2 missed: level 3 is not reached either, even though its own gate is met.
    answers["dmp.letter_share"] = v(10)
    dmp = assessor.assess(_set(answers)).domain("dmp")
    assert gates_of(dmp) == {"DMP-G1": "met", "DMP-G2": "not_met", "DMP-G3": "met"}
    # G1 weighs 1×1, G2 2×2, G3 1×3: (1 + 3) / 8.
    assert (dmp.level, dmp.score) == (1, 50.0)
    assert dmp.levels[2].blocking == ["DMP-G2"]


def gates_of(domain):
    return {g.rule_id: g.status.value for g in domain.gates}


def test_not_applicable_answer_drops_out(assessor):
    answers = {"dmp.documents": v(frozenset({"cro", "bio"})), "dmp.since": Answer(NA)}
    dmp = assessor.assess(_set(answers)).domain("dmp")
    # `not since > 2025-01-01` is `since <= 2025-01-01`, false when since is not applicable.
    assert gates_of(dmp)["DMP-G3"] == "not_met"
    # since is not applicable; letter_share stays visible while feeds (its condition) is unknown.
    assert dmp.questions_applicable == 3


def test_effective_dates_judge_the_same_answers_differently(assessor):
    answers = {"cybersecurity.mfa": v("no")}
    before = assessor.assess(_set(answers), as_of=dt.date(2025, 12, 31))
    after = assessor.assess(_set(answers), as_of=dt.date(2026, 1, 1))
    assert [f.rule_id for f in before.domain("cybersecurity").findings] == []
    assert [f.rule_id for f in after.domain("cybersecurity").findings] == ["CYB-001"]
    assert before.as_of == dt.date(2025, 12, 31)


def test_applies_to_org_type(assessor):
    answers = {"cybersecurity.vendor_psc": v("no")}
    ch = assessor.assess(_set(answers, OrgType.ch))
    vendor = assessor.assess(_set(answers, OrgType.editeur))
    assert [f.rule_id for f in ch.domain("cybersecurity").findings] == []
    assert ch.warnings == [
        "“Question cybersecurity.vendor_psc”: answer ignored, the question does not apply to "
        "this organisation"
    ]
    assert [n.fr for n in ch.notices] == [
        "« Question cybersecurity.vendor_psc » : réponse ignorée, la question ne concerne pas "
        "cette structure"
    ]
    assert [f.rule_id for f in vendor.domain("cybersecurity").findings] == ["CYB-002"]


def test_unknown_and_na_answers_are_distinct_states(assessor):
    result = assessor.assess(_set({"hds_hosting.host": Answer(NA), "dmp.feeds": Answer(UNKNOWN)}))
    states = {a.question_id: a.state for a in result.answers}
    assert states["hds_hosting.host"] == "not_applicable"
    assert states["dmp.feeds"] == "unknown"
    assert states["org.beds"] == "unknown"


def test_index_weights_follow_the_value_axes(mini_defs):
    weights = domain_weights(mini_defs.catalog)
    assert weights == {
        "interoperability": 0.203, "hds_hosting": 0.1095, "dmp": 0.1095,
        "mssante": 0.1095, "cybersecurity": 0.1095, "telemedicine": 0.3591,
    }  # fmt: skip
    assert round(sum(weights.values()), 3) == 1.0
    assert weighted_index({"dmp": 50.0, "telemedicine": 100.0}, weights) == round(
        (50 * 0.1095 + 100 * 0.3591) / (0.1095 + 0.3591), 1
    )
    assert weighted_index({}, weights) == 0.0


def test_same_inputs_same_hash_different_inputs_different_hash(assessor):
    a = assessor.assess(_set({"dmp.feeds": v("yes")}))
    b = assessor.assess(_set({"dmp.feeds": v("yes")}))
    c = assessor.assess(_set({"dmp.feeds": v("no")}))
    assert a.inputs_hash == b.inputs_hash != c.inputs_hash
    assert len(a.inputs_hash) == 12


_statuses = st.sampled_from(list(GateStatus))
_weighted = st.lists(st.tuples(st.integers(1, 5), st.sampled_from([0.5, 1.0, 2.0]), _statuses))


@given(_weighted)
def test_one_pass_summary_gives_the_defined_levels_and_scores(gates):
    by_id = {str(i): g for i, g in enumerate(gates)}
    by_level = {k: (level, status) for k, (level, _w, status) in by_id.items()}
    assert summary(gates) == (
        levels(by_level),
        levels(by_level, optimistic=True),
        score(by_id),
        score(by_id, optimistic=True),
    )


def test_summary_skips_levels_whose_gates_are_all_not_applicable():
    met, na, not_met = GateStatus.met, GateStatus.not_applicable, GateStatus.not_met
    assert summary([(1, 1.0, na), (2, 1.0, met)])[0] == 2
    assert summary([(1, 1.0, na)])[:2] == (0, 0)
    assert summary([(1, 1.0, met), (2, 1.0, na), (4, 1.0, met)])[0] == 1  # no level-3 gate
    assert summary([(1, 1.0, met), (2, 1.0, na), (3, 1.0, not_met)])[:2] == (1, 1)
