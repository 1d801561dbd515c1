"""The README is part of the contract: its commands exist and its examples are valid files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from assess.answers import load_answers
from assess.cli import cli
from assess.definitions import load_definitions
from assess.rule_examples import check_examples
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, flags=re.S)


def test_quick_start_commands():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_command_is_documented():
    for name in cli.commands:
        assert f"assess {name}" in README, name


def test_answers_example_is_valid(shipped_defs, tmp_path: Path):
    block = next(b for b in _yaml_blocks() if b.startswith("questionnaire:"))
    path = tmp_path / "answers.yaml"
    path.write_text(block, encoding="utf-8")
    answers = load_answers(path, shipped_defs.questionnaire)
    assert answers.get("cybersecurity.professional_authentication").comment.startswith("e-CPS")


def test_rule_example_is_a_valid_rule(tmp_path: Path):
    block = next(b for b in _yaml_blocks() if b.startswith("id: CYB-004"))
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "cybersecurity" / "CYB-004.yaml").write_text(block, encoding="utf-8")
    defs = load_definitions(rules_dir=rules)
    run, failures = check_examples([Assessor(defs, "python")])
    assert failures == []
    assert defs.rules["CYB-004"].effective_from.isoformat() == "2026-01-01"
