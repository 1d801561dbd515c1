"""`assess compare`: the CH example against the same hospital one year later, on the next
questionnaire and rule version (see conftest.py): some answers better, some worse, one question
renamed, one retired, one rule changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.cli import cli
from assess.definitions import load_definitions
from tests.conftest import ROOT

PREVIOUS = ROOT / "examples" / "ch-exemple.yaml"
CURRENT = ROOT / "tests" / "fixtures" / "progress" / "ch-2027.yaml"
OWN_RULES = ["--previous-rules-dir", str(ROOT / "rules"),
             "--previous-questionnaire", str(ROOT / "questionnaires" / "esante-2026.yaml")]  # fmt: skip

EXPECTED_FR = """\
Évolution depuis l'évaluation du 15 octobre 2026 — Centre hospitalier de Val-de-Loire-Ouest (fictif) — FINESS 490003126
Évaluation du 15 octobre 2026 → évaluation du 15 octobre 2027 · règles actuelles {rules}
Indice global e-santé : 25,9 → 26,6 (+0,7)
Fiabilité des réponses : C → C

Domaine                     Avant  Après  Score
Interopérabilité              2/5    0/5  19,6 → 17,9
Hébergement HDS               1/5    2/5  22,7 → 27,3
Alimentation du DMP           3/5    3/5  39,2 → 39,2
MSSanté                       3/5    3/5  38,6 → 38,6
Cybersécurité                 2/5    2/5  35,6 → 40,7
Télémédecine                  2/5    2/5  19,6 → 19,6

Interopérabilité : niveau 2/5 → 0/5, score 19,6 → 17,9
  Conditions perdues
    - INT-G1C  INS transmise dans les flux d'identité (niveau 1)
        réponses en cause : L'INS et ses traits stricts sont-ils transmis dans les flux d'identité entre applications (admission, DPI, laboratoire, imagerie) ?
  Nouveaux constats
    ! INT-002  INS absente des flux d'identité
        réponses en cause : L'INS et ses traits stricts sont-ils transmis dans les flux d'identité entre applications (admission, DPI, laboratoire, imagerie) ?
  Constats persistants : 5 (INT-004, INT-005, INT-009, INT-014, INT-013)

Hébergement HDS : niveau 1/5 → 2/5, score 22,7 → 27,3
  Conditions désormais satisfaites
    + HDS-G2A  Clauses contractuelles complètes (niveau 2)
        réponses en cause : Les contrats d'hébergement comportent-ils les clauses obligatoires (services, indicateurs de qualité, contact incident, sous-traitants, réversibilité) ?
  Constats levés
    ✓ HDS-009  Clauses contractuelles obligatoires incomplètes
        réponses en cause : Les contrats d'hébergement comportent-ils les clauses obligatoires (services, indicateurs de qualité, contact incident, sous-traitants, réversibilité) ?
  Constats persistants : 5 (HDS-006, HDS-010, HDS-011, HDS-015, HDS-016)

Cybersécurité : niveau 2/5 → 2/5, score 35,6 → 40,7
  Conditions désormais satisfaites
    + CYB-G3B  Exercice de crise dans l'année (niveau 3)
        réponses en cause : Quand a eu lieu le dernier exercice de crise cyber ?
  Constats levés
    ✓ CYB-013  Pas d'exercice de crise cyber dans l'année
        réponses en cause : Quand a eu lieu le dernier exercice de crise cyber ?
  Constats persistants : 5 (CYB-012, CYB-029, CYB-021, CYB-027, CYB-020)

Réponses modifiées (4)
  - L'INS et ses traits stricts sont-ils transmis dans les flux d'identité entre applications (admission, DPI, laboratoire, imagerie) ?
      Oui → Non
  - Les contrats d'hébergement comportent-ils les clauses obligatoires (services, indicateurs de qualité, contact incident, sous-traitants, réversibilité) ?
      Clauses partielles → Clauses complètes
  - Part du courrier médical sortant encore envoyé par la poste (anciennement mssante.postal_share)
      45 % → 30 %
  - Quand a eu lieu le dernier exercice de crise cyber ?
      Il y a plus de 12 mois → Dans les 12 derniers mois

Règles modifiées entre les deux versions (mêmes réponses, autre résultat ; ce n'est pas le fait de l'organisation)
  ~ DMP-G3A  80 % des documents clés versés : non satisfait → satisfait (règle modifiée)
  Alimentation du DMP : l'évaluation précédente donnait le niveau 2/5 selon les règles de l'époque, 3/5 selon les règles actuelles
  Indice précédent : 25,3 selon les règles de l'époque, 25,9 selon les règles actuelles

Reprise des réponses précédentes
  mssante.postal_share → mssante.paper_mail_share : question renommée, réponse reprise
  telemedicine.teleconsultation_share : question retirée, non comparée (remplacée par les indicateurs de l'Assurance maladie)
"""


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["compare", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _current(version: tuple[Path, Path]) -> list[str]:
    rules, questionnaire = version
    return ["--rules-dir", str(rules), "--questionnaire", str(questionnaire)]


def test_text_in_french_is_exact(next_version: tuple[Path, Path]) -> None:
    output = _run(str(PREVIOUS), str(CURRENT), *_current(next_version), *OWN_RULES)
    rules = load_definitions(*next_version).rules_version
    assert output == EXPECTED_FR.format(rules=rules)


def test_json_model(next_version: tuple[Path, Path]) -> None:
    data = json.loads(
        _run(str(PREVIOUS), str(CURRENT), *_current(next_version), *OWN_RULES, "--format", "json")
    )
    assert data["schema_version"] == 1 and data["warnings"] == []
    assert (data["previous"]["index_own_rules"], data["previous"]["index"]) == (25.3, 25.9)
    assert data["current"]["index"] == 26.6
    hds = next(d for d in data["domains"] if d["domain"] == "hds_hosting")
    assert [g["rule_id"] for g in hds["gates_met"]] == ["HDS-G2A"]
    assert hds["gates_met"][0]["answers"] == ["hds_hosting.contract_clauses"]
    assert [f["rule_id"] for f in hds["findings_resolved"]] == ["HDS-009"]
    dmp = next(d for d in data["domains"] if d["domain"] == "dmp")
    assert (dmp["level_previous_rules"], dmp["level_before"], dmp["level_after"]) == (2, 3, 3)
    assert data["rule_changes"] == [
        {"rule_id": "DMP-G3A", "domain": "dmp", "title": dmp_title(data), "kind": "gate",
         "change": "modified", "before": "not_met", "after": "met"}
    ]  # fmt: skip
    renamed = next(a for a in data["answers"] if a["question_id"] == "mssante.paper_mail_share")
    assert (renamed["previous_id"], renamed["before"], renamed["after"]) == (
        "mssante.postal_share", 45, 30,
    )  # fmt: skip
    assert [(n["question_id"], n["kind"]) for n in data["carried_over"]] == [
        ("mssante.postal_share", "renamed"),
        ("telemedicine.teleconsultation_share", "retired"),
    ]


def dmp_title(data: dict[str, object]) -> dict[str, str]:
    return {"fr": "80 % des documents clés versés", "en": "80 % of key documents sent"}


def test_english(next_version: tuple[Path, Path]) -> None:
    output = _run(str(PREVIOUS), str(CURRENT), *_current(next_version), *OWN_RULES, "--lang", "en")
    assert "Overall e-health index: 25.9 → 26.6 (+0.7)\n" in output
    assert "  ~ DMP-G3A  80 % of key documents sent: not met → met (rule changed)\n" in output
    assert (
        "  telemedicine.teleconsultation_share: question retired, not compared "
        "(replaced by the health insurance indicators)\n"
    ) in output
    assert "Évolution" not in output and "réponse" not in output


def test_result_json_inputs_give_the_same_comparison(
    next_version: tuple[Path, Path], tmp_path: Path
) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    runner = CliRunner()
    old = runner.invoke(cli, ["score", str(PREVIOUS), "--format", "json"])
    new = runner.invoke(cli, ["score", str(CURRENT), "--format", "json", *_current(next_version)])
    before.write_text(old.output, encoding="utf-8")
    after.write_text(new.output, encoding="utf-8")
    from_answers = json.loads(
        _run(str(PREVIOUS), str(CURRENT), *_current(next_version), *OWN_RULES, "--format", "json")
    )
    from_results = json.loads(
        _run(str(before), str(after), *_current(next_version), "--format", "json")
    )
    for key in ("domains", "answers", "rule_changes", "carried_over"):
        assert from_results[key] == from_answers[key], key
    assert from_results["previous"]["kind"] == "result"


def test_without_the_previous_rules_there_is_no_rule_change(
    next_version: tuple[Path, Path],
) -> None:
    data = json.loads(
        _run(str(PREVIOUS), str(CURRENT), *_current(next_version), "--format", "json")
    )
    assert data["rule_changes"] == []
    assert data["previous"]["index"] == data["previous"]["index_own_rules"] == 25.9


def test_schema_is_printed() -> None:
    result = CliRunner().invoke(cli, ["schema", "comparison"])
    schema = json.loads(result.output)
    assert schema["title"] == "Comparison" and "rule_changes" in schema["properties"]


@pytest.mark.parametrize("kind", ["roadmap", "comparison"])
def test_schemas_are_listed(kind: str) -> None:
    assert CliRunner().invoke(cli, ["schema", kind]).exit_code == 0
