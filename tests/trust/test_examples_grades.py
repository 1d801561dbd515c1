"""Exact confidence grades, checks and evidence statuses of the bundled example organisations."""

from __future__ import annotations

import pytest

from assess.answers import load_answers
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT

GRADES = {
    # overall (grade, points), then per domain (grade, points); "" for a domain that does not apply
    "chu-exemple.yaml": (("A", 96.7), {
        "interoperability": ("A", 100.0), "hds_hosting": ("A", 100.0), "dmp": ("A", 100.0),
        "mssante": ("A", 100.0), "cybersecurity": ("A", 93.3), "telemedicine": ("A", 100.0),
    }),
    "ch-exemple.yaml": (("C", 58.1), {
        "interoperability": ("A", 100.0), "hds_hosting": ("D", 52.0), "dmp": ("A", 100.0),
        "mssante": ("A", 100.0), "cybersecurity": ("C", 60.0), "telemedicine": ("A", 95.4),
    }),
    "ehpad-exemple.yaml": (("D", 38.8), {
        "interoperability": ("A", 100.0), "hds_hosting": ("B", 84.0), "dmp": ("A", 100.0),
        "mssante": ("A", 100.0), "cybersecurity": ("D", 53.3), "telemedicine": ("C", 73.0),
    }),
    "clinique-a-verifier.yaml": (("D", 32.2), {
        "interoperability": ("C", 81.3), "hds_hosting": ("C", 100.0), "dmp": ("C", 63.1),
        "mssante": ("C", 60.0), "cybersecurity": ("D", 40.0), "telemedicine": ("C", 61.4),
    }),
}  # fmt: skip

CHECKS = {
    "chu-exemple.yaml": [],
    "ch-exemple.yaml": [],
    # 20 % qualified INS without calling INSi; tele-expertise requested but residents without access.
    "ehpad-exemple.yaml": [("CHK-IDN-001", False), ("CHK-TLM-002", False)],
    "clinique-a-verifier.yaml": [
        ("CHK-CYB-001", False), ("CHK-DMP-001", False), ("CHK-HDS-001", False),
        ("CHK-INT-006", False), ("CHK-MSS-001", False), ("CHK-TLM-001", True),
    ],
}  # fmt: skip

EVIDENCE = {
    "chu-exemple.yaml": [("cybersecurity.continuity_plan", "stale")],
    "ch-exemple.yaml": [
        ("hds_hosting.certificate_register", "missing"), ("cybersecurity.pssi", "missing"),
        ("cybersecurity.identification_commitment", "missing"),
        ("cybersecurity.continuity_plan", "missing"), ("cybersecurity.directory_audit", "missing"),
        ("cybersecurity.exposure_audit", "missing"),
    ],
    "ehpad-exemple.yaml": [("cybersecurity.medical_devices", "unjustified")],
    "clinique-a-verifier.yaml": [
        ("cybersecurity.pssi", "undated"), ("cybersecurity.identification_commitment", "missing"),
        ("cybersecurity.continuity_plan", "expired"), ("cybersecurity.crisis_exercise", "stale"),
        ("cybersecurity.directory_audit", "stale"), ("cybersecurity.medical_devices", "unjustified"),
    ],
}  # fmt: skip


@pytest.fixture(scope="module", params=["durable", "python"])
def assessor(request, shipped_defs):
    return Assessor(shipped_defs, request.param)


def _result(assessor, name):
    return assessor.assess(load_answers(ROOT / "examples" / name, assessor.defs.questionnaire))


@pytest.mark.parametrize("name", sorted(GRADES))
def test_example_grades_checks_and_evidence(assessor, name):
    result = _result(assessor, name)
    overall, domains = GRADES[name]
    detail = result.overall.grade_detail
    assert detail is not None
    assert (result.overall.confidence_grade, detail.points) == overall
    got = {d.domain: (d.confidence_grade, d.grade_detail.points if d.grade_detail else None)
           for d in result.domains}  # fmt: skip
    assert got == domains
    assert [(c.rule_id, c.confirmed) for c in result.checks] == CHECKS[name]
    assert [(i.question_id, i.status) for i in detail.evidence_issues] == EVIDENCE[name]


def test_contradictory_clinic_in_detail(assessor):
    result = _result(assessor, "clinique-a-verifier.yaml")
    detail = result.overall.grade_detail
    # Five unresolved high checks cap the grade; the confirmed low one costs nothing.
    assert detail.capped_by == [
        "CHK-INT-006",
        "CHK-HDS-001",
        "CHK-DMP-001",
        "CHK-MSS-001",
        "CHK-CYB-001",
    ]
    assert detail.checks_unresolved == detail.capped_by
    assert (detail.evidence_required, detail.evidence_valid, detail.completeness) == (6, 0, 0.537)
    hds = result.domain("hds_hosting")
    # SaaS ticked while "hosted by a third party = no": the gate "hosting known" is not met and the
    # gates that hang on third-party hosting do not apply, so the score stays low; the check tells
    # the reader why.
    assert (hds.score, hds.confidence_grade, hds.checks) == (20.0, "C", ["CHK-HDS-001"])
    assert hds.grade_detail.points == 100.0
    check = result.checks[2]
    assert check.rule_id == "CHK-HDS-001"
    assert [(a.question_id, a.value) for a in check.answers] == [
        ("hds_hosting.external_hosting", "no"),
        ("hds_hosting.hosting_models", ["own_datacenter", "vendor_saas"]),
    ]
    confirmed = result.checks[-1]
    assert confirmed.confirmation.startswith("Téléconsultations ouvertes en septembre 2026")
    plan = next(a for a in result.answers if a.question_id == "cybersecurity.continuity_plan")
    assert (plan.evidence, plan.evidence_status) == (
        "Procès-verbal du test de reprise du DPI",
        "expired",
    )
    assert (plan.evidence_date.isoformat(), plan.evidence_expires.isoformat()) == (
        "2025-11-04",
        "2026-06-30",
    )
