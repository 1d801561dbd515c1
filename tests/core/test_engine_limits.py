"""The engine starts no thread; what it cannot evaluate safely is refused at load; tiny numbers
give the same results through both engines."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from assess.answers import Answer, load_answers
from assess.cli import cli
from assess.conditions import VALUE
from assess.definitions import load_definitions
from assess.errors import DefinitionError
from assess.scoring.assessor import Assessor
from tests.conftest import MINI, ROOT

_EFFECT = (
    "effect: {finding: {rationale: {fr: x, en: x}, recommendation: {fr: y, en: y}}}\n"
    "references: {seed: [B1.2]}\n"
)


def _with_rule(tmp_path: Path, rule_id: str, when: str, examples: str) -> Path:
    """A copy of the mini rules plus one dmp rule."""
    rules = tmp_path / "rules"
    shutil.copytree(MINI / "rules", rules)
    (rules / "dmp" / f"{rule_id}.yaml").write_text(
        f"id: {rule_id}\ndomain: dmp\ntitle: {{fr: Essai, en: Test}}\nseverity: low\n"
        f"when:\n{when}\n{_EFFECT}examples:\n{examples}",
        encoding="utf-8",
    )
    return rules


def _rules_check(rules: Path):
    args = [
        "rules",
        "check",
        "--rules-dir",
        str(rules),
        "--questionnaire",
        str(MINI / "questionnaire.yaml"),
    ]
    return CliRunner().invoke(cli, args)


def _defs(rules: Path):
    return load_definitions(rules, MINI / "questionnaire.yaml", ROOT / "references")


def test_scoring_starts_no_thread(shipped_defs):
    before = threading.active_count()
    assessor = Assessor(shipped_defs, "durable")
    answers = load_answers(ROOT / "examples" / "ch-exemple.yaml", shipped_defs.questionnaire)
    for _ in range(20):
        assessor.assess(answers)
    assert threading.active_count() == before


def test_a_condition_of_4_to_the_14_alternatives_fails_at_once_with_its_file(tmp_path):
    any4 = (
        "    - any:\n"
        "      - {q: dmp.feeds, eq: 'no'}\n      - {q: dmp.letter_share, lt: 10}\n"
        "      - {q: dmp.letter_share, gte: 90}\n      - {q: dmp.documents, in: [cro]}\n"
    )
    rules = _with_rule(
        tmp_path,
        "DMP-999",
        "  all:\n" + any4 * 14,
        "  - {answers: {}, expect: does_not_fire}\n  - {answers: {}, expect: fires}\n",
    )
    defs = _defs(rules)
    with pytest.raises(DefinitionError) as exc:
        Assessor(defs, "python")
    assert [str(p) for p in exc.value.problems] == [
        f"{defs.sources['DMP-999']}: when: condition expands to 268,435,456 alternatives (limit 32); split the rule"
    ]
    result = _rules_check(rules)
    assert result.exit_code != 0
    assert "condition expands to 268,435,456 alternatives (limit 32)" in result.output


def test_a_choice_repeated_65_times_in_one_in_is_one_test(tmp_path):
    """Error 303 came from identical values kept apart inside one condition."""
    rules = _with_rule(
        tmp_path, "DMP-998", "  q: dmp.documents\n  in: [" + ", ".join(["cro"] * 65) + "]",
        "  - {answers: {dmp.documents: [cro, bio]}, expect: fires}\n"
        "  - {answers: {dmp.documents: [ldl]}, expect: does_not_fire}\n",
    )  # fmt: skip
    result = _rules_check(rules)
    assert result.exit_code == 0, result.output
    assert "exemples vérifiés sur durable-rules et python" in result.output


def test_tiny_rule_operands_load_and_compare_exactly(tmp_path):
    rules = _with_rule(
        tmp_path, "DMP-997", "  q: dmp.letter_share\n  lt: 0.00001",
        "  - {answers: {dmp.letter_share: 0}, expect: fires}\n"
        "  - {answers: {dmp.letter_share: 0.000009}, expect: fires}\n"
        "  - {answers: {dmp.letter_share: 0.00001}, expect: does_not_fire}\n"
        "  - {answers: {dmp.letter_share: 0.5}, expect: does_not_fire}\n",
    )  # fmt: skip
    result = _rules_check(rules)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("tiny", [0.00001, 1e-7, 5e-324, 2.5e-05])
def test_tiny_answers_score_the_same_on_both_engines_as_zero(shipped_defs, tiny):
    """`0.00001` was written `1e-05`, which durable-rules misread: level 2 fell to 0."""
    answers = load_answers(ROOT / "examples" / "ch-exemple.yaml", shipped_defs.questionnaire)
    share = "interoperability.structured_share"
    tiny_set = replace(answers, answers={**answers.answers, share: Answer(VALUE, tiny)})
    zero_set = replace(answers, answers={**answers.answers, share: Answer(VALUE, 0)})
    durable, python = Assessor(shipped_defs, "durable"), Assessor(shipped_defs, "python")
    expected = python.evaluate(zero_set)
    for assessor in (durable, python):
        got = assessor.evaluate(tiny_set)
        assert got.fired == expected.fired
        assert {d: n.level for d, n in got.domains.items()} == {
            d: n.level for d, n in expected.domains.items()
        }
