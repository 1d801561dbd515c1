"""Grades and checks in every output: batch records, regional summary, JSON schema, PDF."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assess.answers import load_answers
from assess.batch.pool import Scored
from assess.batch.summary import SummaryBuilder
from assess.batch.writer import RESULT_COLUMNS, evaluation_record, result_record
from assess.cli import cli
from assess.render.report import render_report
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT
from tests.report.conftest import pdf_text

CLINIC = ROOT / "examples" / "clinique-a-verifier.yaml"


@pytest.fixture(scope="module")
def assessor(shipped_defs):
    return Assessor(shipped_defs, "durable")


def test_batch_record_carries_grades_and_unresolved_checks(assessor):
    answers = load_answers(CLINIC, assessor.defs.questionnaire)
    ev = assessor.evaluate(answers)
    versions = (assessor.defs.questionnaire.version, assessor.defs.rules_version)
    fast = evaluation_record(answers, ev, assessor.plan.severity, versions)
    assert fast == result_record(assessor.build_result(answers, ev))
    assert RESULT_COLUMNS[-9:] == (
        "confidence_grade", "interoperability_grade", "hds_hosting_grade", "dmp_grade",
        "mssante_grade", "cybersecurity_grade", "telemedicine_grade", "checks_count", "checks",
    )  # fmt: skip
    assert (fast["confidence_grade"], fast["hds_hosting_grade"], fast["cybersecurity_grade"]) == (
        "D",
        "C",
        "D",
    )
    # The confirmed low check is not one to challenge.
    assert (fast["checks_count"], fast["checks"]) == (
        5, ["CHK-CYB-001", "CHK-DMP-001", "CHK-HDS-001", "CHK-INT-006", "CHK-MSS-001"],
    )  # fmt: skip


def test_summary_counts_grades_and_most_frequent_checks(assessor):
    builder = SummaryBuilder(assessor.defs)
    versions = (assessor.defs.questionnaire.version, assessor.defs.rules_version)
    for i, name in enumerate(
        ["chu-exemple.yaml", "ch-exemple.yaml", "ehpad-exemple.yaml", "clinique-a-verifier.yaml"]
    ):
        answers = load_answers(ROOT / "examples" / name, assessor.defs.questionnaire)
        ev = assessor.evaluate(answers)
        record = evaluation_record(answers, ev, assessor.plan.severity, versions)
        builder.add(Scored(i + 2, i + 2, record, tuple(ev.finding_ids())))
    summary = builder.build()
    assert summary.grades == {"A": 1, "B": 0, "C": 1, "D": 2}
    assert summary.domain_grades["hds_hosting"] == {"A": 1, "B": 1, "C": 1, "D": 1}
    assert summary.with_checks == 2
    assert [(c.rule_id, c.count) for c in summary.checks][:3] == [
        ("CHK-CYB-001", 1), ("CHK-DMP-001", 1), ("CHK-HDS-001", 1),
    ]  # fmt: skip
    assert {c.rule_id for c in summary.checks} == {
        "CHK-CYB-001", "CHK-DMP-001", "CHK-HDS-001", "CHK-INT-006", "CHK-MSS-001", "CHK-IDN-001", "CHK-TLM-002",
    }  # fmt: skip
    from assess.batch.render import summary_html

    html = summary_html(summary, "fr")
    assert "Fiabilité des réponses" in html and "Contrôles de cohérence les plus fréquents" in html
    assert "2 organisations ont au moins un contrôle de cohérence non résolu." in html


def test_schemas_document_checks_evidence_and_grades():
    run = CliRunner()
    result = json.loads(run.invoke(cli, ["schema", "result"]).stdout)
    defs = result["$defs"]
    assert {"CheckResult", "EvidenceIssue", "GradeDetail"} <= set(defs)
    assert {"confidence_grade", "grade_detail", "checks"} <= set(defs["DomainResult"]["properties"])
    assert "checks" in result["properties"]
    assert "evidence_status" in defs["AnswerView"]["properties"]
    answers = json.loads(run.invoke(cli, ["schema", "answers"]).stdout)
    assert "EvidenceRef" in answers["$defs"] and "confirmed_checks" in answers["properties"]
    rule = json.loads(run.invoke(cli, ["schema", "rule"]).stdout)
    assert "check" in rule["$defs"]["RuleEffect"]["properties"]
    questionnaire = json.loads(run.invoke(cli, ["schema", "questionnaire"]).stdout)
    assert "EvidencePolicy" in questionnaire["$defs"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_summary_opens_with_what_to_check(assessor):
    clinic = assessor.assess(load_answers(CLINIC, assessor.defs.questionnaire))
    text = pdf_text(render_report(clinic, assessor.defs, lang="fr"))
    summary = text.index("À vérifier avant diffusion")
    assert summary < text.index("Indice global e-santé", summary)
    assert "Applications hébergées par un tiers, alors qu'aucun hébergement par un tiers" in text
    assert "Justificatifs à compléter" in text and "trop ancien (au plus 24 mois)" in text
    assert "Fiabilité" in text
    # the summary's notice counts them, the detail follows the summary, and each domain page
    # recalls its own checks (the six domains each have one here)
    notice = "5 contradictions entre réponses, 1 contradiction confirmée par l'organisation et 6"
    assert notice in _flat(text[summary : text.index("Indice global e-santé", summary)])
    assert text.count("À vérifier avant diffusion") == 8


def test_no_block_without_checks_or_evidence_problems(mini_defs):
    from tests.conftest import MINI

    mini = Assessor(mini_defs, "python")
    result = mini.assess(load_answers(MINI / "answers-ch.yaml", mini_defs.questionnaire))
    text = pdf_text(render_report(result, mini_defs, lang="fr"))
    assert "À vérifier avant diffusion" not in text
    assert "Fiabilité" in text


def test_user_text_of_checks_and_evidence_is_escaped(assessor, tmp_path):
    text = CLINIC.read_text(encoding="utf-8")
    text = text.replace(
        "CHK-TLM-001: Téléconsultations", "CHK-TLM-001: <script>alert(1)</script> Téléconsultations"
    ).replace("evidence: PSSI de la clinique", 'evidence: "<img src=x onerror=alert(2)>"')
    path = tmp_path / "clinic.yaml"
    path.write_text(text, encoding="utf-8")
    result = assessor.assess(load_answers(path, assessor.defs.questionnaire))
    html = render_report(result, assessor.defs, fmt="html").decode("utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_explain_of_one_domain_lists_its_checks_and_grade():
    out = (
        CliRunner()
        .invoke(cli, ["explain", str(CLINIC), "--domain", "hds_hosting", "--lang", "en"])
        .stdout
    )
    lines = out.splitlines()
    assert lines[3:5] == [
        "To check before sharing (1)",
        "  [HIGH] CHK-HDS-001  Applications hosted by a third party, while no third-party hosting is declared",
    ]
    assert (
        "HDS hosting — Level 0/5 (potential 0/5) — Score 20.0 — confidence 100 % — Confidence grade C"
        in lines
    )
    assert "    capped at C by an unresolved high-severity check: CHK-HDS-001" in lines


def test_summary_groups_show_the_share_graded_c_or_d(assessor):
    builder = SummaryBuilder(assessor.defs)
    versions = (assessor.defs.questionnaire.version, assessor.defs.rules_version)
    names = [
        "chu-exemple.yaml",
        "ch-exemple.yaml",
        "ehpad-exemple.yaml",
        "clinique-a-verifier.yaml",
    ]
    records = []
    for name in names:
        answers = load_answers(ROOT / "examples" / name, assessor.defs.questionnaire)
        ev = assessor.evaluate(answers)
        records.append((evaluation_record(answers, ev, assessor.plan.severity, versions), ev))
    for i in range(5):
        for j, (record, ev) in enumerate(records):
            builder.add(Scored(4 * i + j + 2, 4 * i + j + 2, record, tuple(ev.finding_ids())))
    summary = builder.build()
    assert {g.key: g.low_grade_share for g in summary.by_type} == {
        "ch": 1.0, "chu": 0.0, "clinique": 1.0, "esms": 1.0,
    }  # fmt: skip
    from assess.batch.render import summary_html

    assert "Fiabilité C ou D" in summary_html(summary, "fr")
