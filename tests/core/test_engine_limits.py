"""The engine adapter starts no thread, and the compiler refuses what durable-rules cannot survive."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assess.answers import load_answers
from assess.definitions import load_definitions
from assess.errors import DefinitionError
from assess.scoring.assessor import Assessor
from tests.conftest import ROOT


def test_scoring_starts_no_thread(shipped_defs):
    before = threading.active_count()
    assessor = Assessor(shipped_defs, "durable")
    answers = load_answers(ROOT / "examples" / "ch-exemple.yaml", shipped_defs.questionnaire)
    for _ in range(20):
        assessor.assess(answers)
    assert threading.active_count() == before


def test_too_many_facts_in_one_alternative_is_refused(shipped_defs, tmp_path: Path):
    rules = tmp_path / "rules" / "cybersecurity"
    rules.mkdir(parents=True)
    questions = [q.id for q in shipped_defs.questionnaire.section("cybersecurity").questions][:17]
    atoms = "\n".join(f"    - {{q: {q}, answered: true}}" for q in questions)
    (rules / "CYB-999.yaml").write_text(
        "id: CYB-999\ndomain: cybersecurity\ntitle: {fr: Trop large, en: Too wide}\nseverity: low\n"
        f"when:\n  all:\n{atoms}\n"
        "effect: {finding: {rationale: {fr: x, en: x}, recommendation: {fr: y, en: y}}}\n"
        "references: {seed: [B1.2]}\n"
        "examples:\n  - {answers: {}, expect: does_not_fire}\n"
        f"  - {{answers: {{{', '.join(f'{q}: unknown' for q in questions[:1])}}}, expect: fires}}\n",
        encoding="utf-8",
    )
    defs = load_definitions(rules_dir=tmp_path / "rules")
    with pytest.raises(DefinitionError) as exc:
        Assessor(defs, "python")
    assert [str(p) for p in exc.value.problems] == [
        f"{defs.sources['CYB-999']}: when: one alternative tests 17 facts (limit 16); split the rule"
    ]
