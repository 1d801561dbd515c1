"""Malformed rules and answers: every problem is listed as `file:line: field: message`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.cli import cli
from assess.definitions import load_definitions
from assess.errors import AnswersError, DefinitionError
from tests.conftest import MINI, ROOT

GOOD_ORG = 'organisation: {name: "CH Test", finess: "750712184", type: ch, region: "11", departement: "75"}\n'
HEAD = 'questionnaire: {id: mini, version: "1"}\n' + GOOD_ORG + "assessment_date: 2026-03-01\n"


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(MINI / "rules", target)
    return target


def load(rules: Path):
    return load_definitions(rules, MINI / "questionnaire.yaml", ROOT / "references")


def problems(
    exc: pytest.ExceptionInfo[DefinitionError] | pytest.ExceptionInfo[AnswersError],
) -> list[str]:
    return [str(p) for p in exc.value.problems]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_yaml_names_file_and_line(rules_dir: Path):
    write(rules_dir / "dmp" / "DMP-G1.yaml", "id: DMP-G1\ndomain: dmp\ntitle: {fr: x, en: y\n")
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    (message,) = problems(exc)
    assert message == (
        f"{rules_dir / 'dmp' / 'DMP-G1.yaml'}:4: YAML invalide : vérifier les crochets, les "
        "guillemets et l'indentation de cette ligne"
    )


def test_duplicate_key_is_an_error(rules_dir: Path):
    path = rules_dir / "dmp" / "DMP-G1.yaml"
    write(path, path.read_text().replace("severity: high\n", "severity: high\nseverity: low\n"))
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [
        f"{path}:5: severity: clé en double : chaque clé ne peut apparaître qu'une fois"
    ]


def test_every_rule_problem_is_collected(rules_dir: Path):
    path = rules_dir / "dmp" / "DMP-001.yaml"
    text = path.read_text()
    text = text.replace('{q: dmp.feeds, eq: "no"}', '{q: dmp.feed, eq: "no"}')
    text = text.replace("{q: dmp.letter_share, lt: 50}", "{q: dmp.letter_share, lt: fifty}")
    text = text.replace("not_in: [ldl]", "not_in: [lettre]")
    text = text.replace("seed: [B1.2, P6.2]", "seed: [B1.2, P99]")
    text = text.replace("severity: high", "severity: urgent")
    write(path, text)
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [
        f"{path}:4: severity: Input should be 'critical', 'high', 'medium', 'low' or 'info'",
        f"{path}:8: when.any.1.lt: Input should be a valid integer, unable to parse string as an integer",
    ]
    # Once the rule parses, cross-checks against the questionnaire and catalog are all reported.
    write(
        path,
        path.read_text()
        .replace("severity: urgent", "severity: high")
        .replace("lt: fifty", "lt: 50"),
    )
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [
        f"{path}:7: when.any.0.q: unknown question ID 'dmp.feed'",
        f"{path}:9: when.any.2.not_in: operand for 'dmp.documents': 'lettre' is not among the choices ldl, cro, bio",
        f"{path}:14: references.seed.1: unknown seed catalog ID 'P99' (see references/seed-catalog.yaml)",
    ]


def test_numeric_operator_on_yes_no_question(rules_dir: Path):
    path = rules_dir / "cybersecurity" / "CYB-G1.yaml"
    write(
        path,
        path.read_text().replace(
            '{q: cybersecurity.mfa, eq: "yes"}', "{q: cybersecurity.mfa, gte: 1}"
        ),
    )
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [
        f"{path}:5: when.gte: 'gte' needs a numeric or date question; 'cybersecurity.mfa' is yes_no"
    ]


def test_id_must_match_file_name_and_unknown_fields_rejected(rules_dir: Path):
    path = rules_dir / "dmp" / "DMP-G1.yaml"
    write(
        path,
        path.read_text()
        .replace("id: DMP-G1", "id: DMP-G9")
        .replace("severity: high", "severity: high\nowner: me"),
    )
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [f"{path}:5: owner: unknown field; remove it or check its spelling"]
    write(path, path.read_text().replace("owner: me\n", ""))
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert f"{path}:1: id: rule ID 'DMP-G9' must equal the file name 'DMP-G1'" in problems(exc)


def test_negated_fired_and_cycles_refused(rules_dir: Path):
    path = rules_dir / "dmp" / "DMP-G1.yaml"
    write(
        path,
        path.read_text().replace(
            'when: {q: dmp.feeds, eq: "yes"}',
            'when: {all: [{q: dmp.feeds, eq: "yes"}, {fired: DMP-G2}]}',
        ),
    )
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert any("is part of a cycle of fired conditions" in p for p in problems(exc))
    write(path, path.read_text().replace("{fired: DMP-G2}", "{not: {fired: DMP-001}}"))
    with pytest.raises(DefinitionError) as exc:
        load(rules_dir)
    assert problems(exc) == [
        f"{path}:5: when: 'fired' cannot be negated (not/ne): forward chaining only adds facts"
    ]


def test_answers_errors_each_located(mini_defs, tmp_path: Path):
    path = write(
        tmp_path / "answers.yaml",
        'questionnaire: {id: mini, version: "1"}\n'
        'organisation: {name: "CH Test", finess: "750712185", type: ch, region: "11", departement: "75"}\n'
        "assessment_date: 2026-03-01\n"
        "answers:\n"
        "  dmp.feeds: peut-être\n"
        "  dmp.letter_share: 120\n"
        "  dmp.unknown_question: 3\n"
        "  cybersecurity.mfa: na\n",
    )
    from assess.answers import load_answers

    with pytest.raises(AnswersError) as exc:
        load_answers(path, mini_defs.questionnaire)
    # the organisation and the answers are checked together: every problem at once
    assert problems(exc) == [
        f"{path}:2: organisation.finess: La clé du numéro FINESS « 750712185 » est fausse (dernier chiffre) : "
        "le recopier depuis le répertoire FINESS.",
        f"{path}:5: answers.dmp.feeds: « peut-être » n'est pas une réponse oui/non : écrire oui, non ou nsp (ne sait pas).",
        f"{path}:6: answers.dmp.letter_share: 120 est hors limites : attendu un pourcentage de 0 à 100 (ex. 45, 45 % ou 45,5).",
        f"{path}:7: answers.dmp.unknown_question: « dmp.unknown_question » n'est pas une question de ce questionnaire ; "
        "voir `assess template-csv` ou le questionnaire",
        f"{path}:8: answers.cybersecurity.mfa: Cette question ne prévoit pas « sans objet » : répondre, ou écrire nsp "
        "si la réponse n'est pas connue.",
    ]  # fmt: skip
    with pytest.raises(AnswersError) as exc:
        load_answers(path, mini_defs.questionnaire, "en")
    assert problems(exc)[1] == (
        f"{path}:5: answers.dmp.feeds: “peut-être” is not a yes/no answer: write yes, no or unknown."
    )


def test_answers_yes_no_are_strings_and_json_works(mini_defs, tmp_path: Path):
    from assess.answers import load_answers

    path = write(
        tmp_path / "a.yaml", HEAD + "answers:\n  dmp.feeds: no\n  cybersecurity.mfa: yes\n"
    )
    answers = load_answers(path, mini_defs.questionnaire)
    assert answers.get("dmp.feeds").value == "no"
    json_path = write(
        tmp_path / "a.json",
        '{"questionnaire": {"id": "mini", "version": "1"},\n'
        ' "organisation": {"name": "X", "finess": "2A0000000", "type": "esms", "region": "94", "departement": "2A"},\n'
        ' "assessment_date": "2026-01-15",\n'
        ' "answers": {"dmp.feeds": "yes", "dmp.feeds": "no"}}\n',
    )
    with pytest.raises(AnswersError) as exc:
        load_answers(json_path, mini_defs.questionnaire)
    assert problems(exc) == [
        f"{json_path}:4: dmp.feeds: clé en double : chaque clé ne peut apparaître qu'une fois"
    ]
    with pytest.raises(AnswersError) as exc:
        load_answers(json_path, mini_defs.questionnaire, "en")
    assert problems(exc) == [
        f"{json_path}:4: dmp.feeds: duplicate key: each key may appear only once"
    ]


def test_cli_prints_problems_and_exits_1(tmp_path: Path):
    path = write(tmp_path / "a.yaml", HEAD.replace("type: ch", "type: hopital") + "answers: {}\n")
    result = CliRunner().invoke(
        cli,
        [
            "validate",
            str(path),
            "--rules-dir",
            str(MINI / "rules"),
            "--questionnaire",
            str(MINI / "questionnaire.yaml"),
        ],
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Erreur : {path}:2: organisation.type: « hopital » n'est pas un type d'établissement connu ; types "
        "possibles : « Centre hospitalier universitaire (CHU) », « Centre hospitalier (CH) », « Clinique privée », "
        "« ESMS / EHPAD », « Centre de santé / MSP », « Éditeur de logiciel ».\n"
    )


def test_numbers_must_be_finite_and_bounded(mini_defs):
    from assess.answers import parse_value

    questions = mini_defs.questionnaire.questions()
    with pytest.raises(
        ValueError, match=r"^« nan » n'est pas un nombre : attendu un pourcentage de 0 à 100"
    ):
        parse_value(questions["dmp.letter_share"], float("nan"))
    with pytest.raises(
        ValueError,
        match=r"^10000000000 est hors limites : attendu un nombre entier d'au moins 0\.$",
    ):
        parse_value(questions["org.beds"], 10**10)
    with pytest.raises(ValueError, match=r"^« 12,5 » n'est pas un nombre entier"):
        parse_value(questions["org.beds"], 12.5)
    assert (
        parse_value(questions["dmp.letter_share"], "45 %").value == 45
    )  # the same forms everywhere
