"""The grade formula, evidence statuses, and the file formats of checks and dated evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from assess.answers import Answer, AnswerEntry, AnswersFile, EvidenceRef, with_entry
from assess.conditions import NA, UNKNOWN, VALUE
from assess.engine.truth import Resolved
from assess.questionnaire import Question
from assess.rule import RuleEffect
from assess.scoring.confidence import grade_of
from assess.scoring.evidence import EvidencePlan, EvidenceState, months_before

AS_OF = dt.date(2026, 10, 15)
TEXT = {"fr": "x", "en": "x"}


@pytest.mark.parametrize(
    ("completeness", "required", "valid", "checks", "expected"),
    [
        (1.0, 0, 0, [], ("A", 100.0)),
        (1.0, 4, 3, [], ("A", 90.0)),  # 60 + 30: exactly on the A threshold
        (0.9, 4, 2, [], ("C", 74.0)),  # 54 + 20
        (1.0, 2, 0, [], ("C", 60.0)),
        (0.5, 0, 0, [], ("C", 70.0)),
        (0.5, 2, 0, [], ("D", 30.0)),
        (1.0, 0, 0, [("CHK-A", "medium")], ("B", 85.0)),
        (1.0, 0, 0, [("CHK-A", "low"), ("CHK-B", "low")], ("A", 90.0)),
        (1.0, 0, 0, [("CHK-A", "high")], ("C", 100.0)),  # capped, points unchanged
        (1.0, 0, 0, [("CHK-A", "critical")], ("C", 100.0)),
        (0.2, 1, 0, [("CHK-A", "medium")] * 2, ("D", 0.0)),  # never below 0
    ],
)
def test_grade_formula(completeness, required, valid, checks, expected):
    g = grade_of(completeness, required, valid, checks)
    assert (g.grade, g.points) == expected


def test_confirmed_check_is_resolved():
    g = grade_of(1.0, 0, 0, [("CHK-A", "high"), ("CHK-B", "medium")], {"CHK-A"})
    assert (g.grade, g.points, g.checks_unresolved, g.capped_by) == ("B", 85.0, ("CHK-B",), ())


def test_a_capped_grade_stays_lower_when_already_lower():
    g = grade_of(0.5, 2, 0, [("CHK-A", "high")])
    assert (g.grade, g.capped_by) == ("D", ("CHK-A",))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 10, 15), 12, dt.date(2025, 10, 15)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2026, 1, 10), 24, dt.date(2024, 1, 10)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def _question(**extra):
    base = {"id": "cybersecurity.audit", "type": "yes_no", "label": TEXT, "help": TEXT}
    return Question.model_validate(base | extra)


POLICY = {"evidence": {"required": True, "max_age_months": 12, "values": ["yes"]}}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer(VALUE, "yes"), EvidenceState.missing),
        (Answer(VALUE, "yes", None, "Rapport"), EvidenceState.undated),
        (Answer(VALUE, "yes", None, "Rapport", dt.date(2025, 10, 15)), EvidenceState.valid),
        (Answer(VALUE, "yes", None, "Rapport", dt.date(2025, 10, 14)), EvidenceState.stale),
        (Answer(VALUE, "yes", None, "Rapport", dt.date(2026, 11, 1)), EvidenceState.future),
        (Answer(VALUE, "yes", None, "R", dt.date(2026, 1, 1), dt.date(2026, 10, 14)), EvidenceState.expired),
        (Answer(VALUE, "yes", None, "R", dt.date(2026, 1, 1), dt.date(2026, 10, 15)), EvidenceState.valid),
    ],
)  # fmt: skip
def test_evidence_states(answer, expected):
    q = _question(**POLICY)
    statuses = EvidencePlan({q.id: q}).statuses(
        {q.id: answer}, {q.id: Resolved(VALUE, "yes")}, AS_OF
    )
    assert (statuses[q.id].state, statuses[q.id].counted) == (expected, True)


def test_evidence_only_for_the_listed_answers_and_not_for_unknown():
    q = _question(**POLICY)
    plan = EvidencePlan({q.id: q})
    assert plan.statuses({q.id: Answer(VALUE, "no")}, {q.id: Resolved(VALUE, "no")}, AS_OF) == {}
    assert plan.statuses({}, {q.id: Resolved(UNKNOWN)}, AS_OF) == {}


def test_expired_evidence_is_shown_even_where_none_is_required():
    q = _question()
    answer = Answer(VALUE, "no", None, "Ancien rapport", None, dt.date(2025, 1, 1))
    status = EvidencePlan({q.id: q}).statuses({q.id: answer}, {q.id: Resolved(VALUE, "no")}, AS_OF)
    assert (status[q.id].state, status[q.id].counted) == (EvidenceState.expired, False)


def test_not_applicable_needs_a_justification():
    q = _question(allow_na=True, na_justification=True)
    plan = EvidencePlan({q.id: q})
    na = {q.id: Resolved(NA)}
    assert plan.statuses({q.id: Answer(NA)}, na, AS_OF)[q.id].state is EvidenceState.unjustified
    justified = Answer(NA, None, "Aucun équipement biomédical connecté")
    assert plan.statuses({q.id: justified}, na, AS_OF)[q.id].state is EvidenceState.justified
    # Hidden because it does not apply to this organisation: nothing to justify.
    assert plan.statuses({}, na, AS_OF) == {}


def test_question_evidence_policy_is_checked():
    with pytest.raises(ValidationError, match="evidence.values maybe are not answers"):
        _question(evidence={"values": ["maybe"]})
    with pytest.raises(ValidationError, match="na_justification needs allow_na: true"):
        _question(na_justification=True)


def test_answer_evidence_plain_or_dated():
    plain = with_entry(Answer(VALUE, "yes"), AnswerEntry(value="yes", evidence="PV du 3 mars"))
    assert (plain.evidence, plain.evidence_date, plain.evidence_expires) == (
        "PV du 3 mars",
        None,
        None,
    )
    entry = AnswerEntry.model_validate(
        {
            "value": "yes",
            "evidence": {"ref": "Certificat HDS", "date": "2025-02-03", "expires": "2028-02-02"},
        }
    )
    dated = with_entry(Answer(VALUE, "yes"), entry)
    assert (dated.evidence, dated.evidence_date, dated.evidence_expires) == (
        "Certificat HDS", dt.date(2025, 2, 3), dt.date(2028, 2, 2),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="evidence expires before its date"):
        EvidenceRef(ref="x", date=dt.date(2026, 1, 2), expires=dt.date(2026, 1, 1))


def test_confirmed_checks_need_a_reason():
    base = {
        "questionnaire": {"id": "q", "version": "1"},
        "organisation": {"name": "CH", "finess": "750712184", "type": "ch", "region": "11", "departement": "75"},
        "assessment_date": "2026-03-01",
    }  # fmt: skip
    with pytest.raises(ValidationError, match="say why the answers are right for CHK-DMP-001"):
        AnswersFile.model_validate(base | {"confirmed_checks": {"CHK-DMP-001": "  "}})


def test_an_effect_is_exactly_one_of_finding_gate_check():
    check = {"message": TEXT, "resolution": TEXT}
    assert RuleEffect.model_validate({"check": check}).check is not None
    with pytest.raises(ValidationError, match="an effect is a finding, a gate or a check"):
        RuleEffect.model_validate({"check": check, "gate": {"level": 1}})
