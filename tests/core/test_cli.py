"""Every core command through CliRunner, with exact output."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from assess.cli import cli
from tests.conftest import MINI, MINI_ARGS

ANSWERS = str(MINI / "answers-ch.yaml")
REVIEW = (
    "review: {date: 2026-11-20, by: relecture documentaire, seed: [P6.2],"
    " referentials: [{id: ARRETE-2022-04-26-DMP, date: 2022-04-26}]}\n"
)


def run(*args: str):
    return CliRunner().invoke(cli, [*args], catch_exceptions=False)


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"


def test_score_text_exact():
    result = run("score", ANSWERS, *MINI_ARGS)
    assert result.exit_code == 0
    assert result.stdout == (
        "CH Test — FINESS 750712184 — ch — évaluation du 2026-03-01\n"
        "questionnaire mini v1 · règles 5791ef06b676 · moteur durable-rules · empreinte 9ddde607316b\n"
        "\n"
        "Indice global e-santé : 6,2 / 100 · confiance 67 % · Fiabilité B\n"
        "\n"
        "Domaine                     Niveau  Potentiel   Score   Confiance  Fiab.\n"
        "Interopérabilité                                   non applicable\n"
        "Hébergement HDS                                    non applicable\n"
        "Alimentation du DMP            1/5        1/5    12,5        75 %      B\n"
        "MSSanté                                            non applicable\n"
        "Cybersécurité                  0/5        0/5     0,0        50 %      C\n"
        "Télémédecine                                       non applicable\n"
        "\n"
        "Constats (3)\n"
        "  [CRITIQUE] CYB-001  Accès par simple mot de passe\n"
        "      → Déployer e-CPS / Pro Santé Connect.\n"
        "  [ÉLEVÉE] DMP-001  Lettres de liaison peu versées au DMP\n"
        "      → Automatiser le versement depuis le DPI.\n"
        "  [MOYENNE] GOV-001  Budget SI sous 2 %\n"
        "      → Viser au moins 3 %.\n"
    )


def test_score_english_and_as_of_before_obligation():
    result = run("score", ANSWERS, "--lang", "en", "--as-of", "2025-12-31", *MINI_ARGS)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "CH Test — FINESS 750712184 — ch — assessed on 2026-03-01 (judged as of 2025-12-31)"
    )
    # Password-only access is only a finding from 1 January 2026.
    assert "CYB-001" not in result.stdout
    assert "Findings (2)" in lines


def test_score_json_is_the_result_model():
    result = run("score", ANSWERS, "--format", "json", *MINI_ARGS)
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["engine"] == "durable-rules"
    dmp = next(d for d in data["domains"] if d["domain"] == "dmp")
    assert (dmp["level"], dmp["score"], dmp["confidence"]) == (1, 12.5, 0.75)
    assert [g["status"] for g in dmp["gates"]] == ["met", "not_met", "not_met"]
    assert data["overall"]["findings_by_severity"] == {
        "critical": 1,
        "high": 1,
        "medium": 1,
        "low": 0,
        "info": 0,
    }


def test_python_engine_gives_the_same_json():
    durable = json.loads(run("score", ANSWERS, "--format", "json", *MINI_ARGS).stdout)
    python = json.loads(
        run("score", ANSWERS, "--format", "json", "--engine", "python", *MINI_ARGS).stdout
    )
    assert durable.pop("engine") == "durable-rules"
    assert python.pop("engine") == "python"
    assert durable == python


def test_explain_domain():
    result = run("explain", ANSWERS, "--domain", "dmp", *MINI_ARGS)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[3:14] == [
        "Alimentation du DMP — Niveau 1/5 (potentiel 1/5) — Score 12,5 — confiance 75 % — Fiabilité B",
        "  Fiabilité B : 85 points = 100 × (0,6 × réponses 0,75 + 0,4 × justificatifs 1)",
        "    aucune réponse ne demande de justificatif",
        "  Niveau 1 — Niveau 1 — atteint",
        "    ✓ DMP-G1  Le DMP est alimenté — satisfait",
        "        dmp.feeds = yes",
        "  Niveau 2 — Niveau 2 — non atteint",
        "    ✗ DMP-G2  Lettres de liaison versées à 50 % au moins — non satisfait",
        "        dmp.letter_share = 45",
        "  Niveau 3 — Niveau 3 — non atteint",
        "    ✗ DMP-G3  Comptes rendus opératoires et de biologie versés — non satisfait",
    ]


def test_validate_ok():
    result = run("validate", ANSWERS, *MINI_ARGS)
    assert result.exit_code == 0
    assert (
        result.stdout
        == "tests/fixtures/mini/answers-ch.yaml : valide — 6 questions répondues sur 13\n"
    )
    result = run("validate", ANSWERS, "--lang", "en", *MINI_ARGS)
    assert (
        result.stdout == "tests/fixtures/mini/answers-ch.yaml: valid — 6 questions answered of 13\n"
    )


def test_rules_list():
    result = run("rules", "list", "--domain", "dmp", *MINI_ARGS)
    assert result.stdout.splitlines() == [
        "DMP-001       dmp               finding  high      -          Lettres de liaison peu versées au DMP",
        "DMP-G1        dmp               gate L1  high      -          Le DMP est alimenté",
        "DMP-G2        dmp               gate L2  medium    -          Lettres de liaison versées à 50 % au moins",
        "DMP-G3        dmp               gate L3  low       -          Comptes rendus opératoires et de biologie versés",
    ]


def test_rules_list_not_reviewed_since(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(MINI / "rules", rules)
    g1 = rules / "dmp" / "DMP-G1.yaml"
    g1.write_text(g1.read_text().replace("examples:", REVIEW + "examples:", 1), encoding="utf-8")
    args = ("--rules-dir", str(rules), "--questionnaire", str(MINI / "questionnaire.yaml"))
    listed = run("rules", "list", "--domain", "dmp", *args)
    assert "DMP-G1        dmp               gate L1  high      2026-11-20 Le DMP" in listed.stdout
    since = ("rules", "list", "--domain", "dmp", "--not-reviewed-since")
    later = run(*since, "2026-11-21", *args)
    assert [line.split()[0] for line in later.stdout.splitlines()] == [
        "DMP-001", "DMP-G1", "DMP-G2", "DMP-G3",
    ]  # fmt: skip
    same_day = run(*since, "2026-11-20", *args)
    assert [line.split()[0] for line in same_day.stdout.splitlines()] == [
        "DMP-001", "DMP-G2", "DMP-G3",
    ]  # fmt: skip
    french = run(*since, "20/11/2026", *args)  # a date as French users write it
    assert french.stdout == same_day.stdout
    bad = run(*since, "31/02/2026", *args)
    assert bad.exit_code == 2
    assert "« 31/02/2026 » n'existe pas au calendrier (jour ou mois impossible)" in bad.stderr


def test_rules_check_runs_examples_on_both_engines():
    result = run("rules", "check", *MINI_ARGS)
    assert result.exit_code == 0
    assert result.stdout == (
        "8 règles valides, 34 exemples vérifiés sur durable-rules et python (règles 5791ef06b676)\n"
    )
    english = run("rules", "check", "--lang", "en", *MINI_ARGS)
    assert (
        english.stdout
        == "8 rules OK, 34 examples passed on durable-rules and python (rules 5791ef06b676)\n"
    )


def test_schema_exports_json_schema():
    for kind in ("questionnaire", "answers", "rule", "result"):
        result = run("schema", kind)
        assert result.exit_code == 0
        schema = json.loads(result.stdout)
        assert schema["type"] == "object"
    rule = json.loads(run("schema", "rule").stdout)
    assert rule["additionalProperties"] is False
    assert {"id", "domain", "title", "severity", "when", "effect"} <= set(rule["required"])


def test_usage_error_exits_2():
    result = CliRunner().invoke(cli, ["score", ANSWERS, "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Utilisation : cli score [OPTIONS] RÉPONSES",
        "Pour l'aide : « cli score --help ».",
        "",
        "Erreur : Valeur non valide pour '--format' : « xml » ne fait pas partie des choix 'text', 'json'.",
    ]
    result = CliRunner().invoke(cli, ["score", ANSWERS, "--lang", "en", "--format", "xml"])
    assert (
        "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json'." in result.stderr
    )
    result = CliRunner().invoke(cli, ["score", ANSWERS, "--as-of", "31/02/2025"])
    assert result.exit_code == 2
    assert (
        "Erreur : Valeur non valide pour '--as-of' : « 31/02/2025 » n'existe pas au calendrier "
        "(jour ou mois impossible) : vérifier la date."
    ) in result.stderr
    assert (
        CliRunner().invoke(cli, ["score", ANSWERS, "--as-of", "31/12/2025", *MINI_ARGS]).exit_code
        == 0
    )
