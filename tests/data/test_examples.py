"""Exact results for the bundled example organisations, and the same answers at two dates."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.answers import load_answers
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT

EXPECTED = {
    "chu-exemple.yaml": {
        "index": (79.3, 79.3, 1.0),
        "levels": {
            "interoperability": (5, 5, 100.0), "hds_hosting": (4, 4, 79.6), "dmp": (4, 4, 70.6),
            "mssante": (4, 4, 77.3), "cybersecurity": (4, 4, 83.1), "telemedicine": (3, 3, 69.6),
        },
        "severity": {"critical": 0, "high": 0, "medium": 2, "low": 1, "info": 0},
        "findings": ["EPR-002", "GOV-009", "TLM-012"],
    },
    "ch-exemple.yaml": {
        "index": (25.3, 30.9, 0.968),
        "levels": {
            "interoperability": (2, 2, 19.6), "hds_hosting": (1, 1, 22.7), "dmp": (2, 2, 33.3),
            "mssante": (3, 3, 38.6), "cybersecurity": (2, 2, 35.6), "telemedicine": (2, 2, 19.6),
        },
        "severity": {"critical": 0, "high": 5, "medium": 19, "low": 14, "info": 5},
        "findings": [
            "CYB-012", "CYB-013", "CYB-020", "CYB-021", "CYB-027", "CYB-029", "DMP-003", "DMP-004",
            "DMP-007", "DMP-010", "DMP-013", "DMP-015", "EPR-002", "EPR-007", "GOV-001", "GOV-004", "GOV-005",
            "GOV-006", "GOV-008", "GOV-009", "GOV-012", "HDS-006", "HDS-009", "HDS-010", "HDS-011",
            "HDS-015", "HDS-016", "IDN-003", "IDN-005", "INT-004", "INT-005", "INT-009", "INT-013",
            "INT-014", "MSS-003", "MSS-013", "TLM-012", "TLM-015", "TLM-016", "TLM-018", "TRN-002",
            "TRN-005", "TRN-006",
        ],
    },
    "ehpad-exemple.yaml": {
        "index": (2.2, 10.3, 0.896),
        "levels": {
            "interoperability": (0, 0, 0.0), "hds_hosting": (0, 0, 2.3), "dmp": (0, 0, 0.0),
            "mssante": (1, 1, 9.8), "cybersecurity": (0, 0, 0.0), "telemedicine": (0, 1, 2.5),
        },
        "severity": {"critical": 8, "high": 18, "medium": 29, "low": 14, "info": 3},
        "findings": None,  # 72 findings: counted by severity above, spot-checked below
    },
}  # fmt: skip


@pytest.fixture(scope="module", params=["durable", "python"])
def assessor(request, shipped_defs):
    return Assessor(shipped_defs, request.param)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_exact_results(assessor, shipped_defs, name):
    expected = EXPECTED[name]
    result = assessor.assess(load_answers(ROOT / "examples" / name, shipped_defs.questionnaire))
    o = result.overall
    assert (o.index, o.index_max, o.confidence) == expected["index"]
    assert {d.domain: (d.level, d.potential_level, d.score) for d in result.domains} == expected[
        "levels"
    ]
    assert o.findings_by_severity == expected["severity"]
    found = sorted(f.rule_id for f in result.all_findings())
    if expected["findings"] is not None:
        assert found == expected["findings"]
    else:
        assert len(found) == 72
        # The nursing home has no incident-reporting procedure nor strong authentication.
        assert {"CYB-002", "CYB-004", "HDS-001", "IDN-001", "DMP-001"} <= set(found)


def test_same_answers_judged_at_two_dates(assessor, shipped_defs):
    answers = load_answers(ROOT / "examples" / "ehpad-exemple.yaml", shipped_defs.questionnaire)
    before = {
        f.rule_id for f in assessor.assess(answers, as_of=dt.date(2024, 6, 30)).all_findings()
    }
    after = {f.rule_id for f in assessor.assess(answers).all_findings()}
    # Password-only access ends on 1 January 2026 (CYB-004 replaces the transition advice CYB-005);
    # e-prescription is mandatory from 1 January 2025 (EPR-005).
    assert sorted(before - after) == ["CYB-005"]
    assert sorted(after - before) == ["CYB-004", "EPR-005"]


def test_strong_points_rest_on_real_answers(assessor, shipped_defs):
    """The nursing home hosts nothing for others: that is no strength (it was one before)."""
    from assess.render.plan import strengths
    from assess.render.views import Formatter

    answers = load_answers(ROOT / "examples" / "ehpad-exemple.yaml", shipped_defs.questionnaire)
    shown = strengths(assessor.assess(answers), Formatter("fr", shipped_defs))
    assert [(s.rule_id, s.title, s.detail) for s in shown] == [
        ("mssante", "MSSanté — niveau 1/5", "Raccordement"),
        ("HDS-G1A", "Hébergement des applications connu", "Hébergement HDS — Niveau 1"),
        ("TLM-G1A", "Au moins un acte de télémédecine pratiqué", "Télémédecine — Niveau 1"),
    ]
